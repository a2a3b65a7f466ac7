"""Operations: everything that takes a session or a stored project, one module per area.

They load records, call the pure engines (:mod:`crm_impl.schedule`, :mod:`crm_impl.tracking`)
and change or read what is stored; the caller commits. Nothing here is imported by the engines,
the charts or the file formats.
"""
