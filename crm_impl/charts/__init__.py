"""Every chart of crm-impl as a pure function returning a ``plotly.graph_objects.Figure``.

One module per chart family (:mod:`.gantt`, :mod:`.network`, :mod:`.montecarlo`,
:mod:`.resources`, :mod:`.risks`) and one for the shared look (:mod:`.style`).  Charts take the
engines' shapes (a :class:`~crm_impl.schedule.plan.ScheduledPlan`, a list of risk points...)
and never a database session or a stored record, so the web pages and the Word reports draw
exactly the same figures.
"""
