"""File formats of other tools: bytes or text in, plain dataclasses out, and back.

No database and no plotly here: a format reads and writes the engine's shapes
(:class:`crm_impl.schedule.plan.Plan`), an operation decides what to do with them.
"""
