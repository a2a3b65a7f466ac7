"""Long work off the request path: jobs on RQ workers when ``REDIS_URL`` is set.

A view asks :func:`queue` whether workers exist; with none (no Redis) it does the work inline,
as before.  With workers it calls :func:`start`, renders a progress bar, and the page polls
``/projects/<id>/jobs/<job id>`` (``static/js/jobs.js``) until the job is done, then reloads:
the job left its result where the view finds it (the shared cache).  Job ids are derived from
what the job computes, so the same request while a job runs joins it instead of queueing another.

Workers run ``crm-impl worker``: the app (configuration, database) is built once, every job runs
in its context.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from flask import Blueprint, Flask, abort, current_app, jsonify
from flask_babel import get_locale, gettext as _

from crm_impl.errors import CrmImplError
from blueprints.access import Action, project_view

__all__ = ["bp", "init_app", "queue", "start", "report_progress", "fail_with", "JOB_TIMEOUT"]

bp = Blueprint("jobs", __name__, url_prefix="/projects/<int:project_id>/jobs")

#: A job that runs longer than this (seconds) is stopped and reported as failed.
JOB_TIMEOUT = 15 * 60
#: How long a job's outcome can be asked for (seconds).
KEEP_RESULT = 3600

_JOB_ID = re.compile(r"[A-Za-z0-9:_-]{1,120}")
_RUNNING = {"queued", "started", "deferred", "scheduled"}


def init_app(app: Flask) -> None:
    """The queue of the app's workers, when ``REDIS_URL`` names a Redis."""
    if app.config.get("REDIS_URL"):
        from redis import Redis
        from rq import Queue

        connection = Redis.from_url(app.config["REDIS_URL"])
        app.extensions["crm_impl.queue"] = Queue(app.config["JOBS_QUEUE"], connection=connection)


def queue():
    """The RQ queue, or ``None`` when work runs inline."""
    return current_app.extensions.get("crm_impl.queue")


def start(function: Callable[..., Any], *args: Any, job_id: str, project_id: int) -> Any:
    """Queue ``function(*args)`` as job ``job_id`` of ``project_id``; a job of that id still
    queued or running is returned instead of starting another.

    Ids are kept per queue (two installations may share a Redis), and a job that says it is
    queued but is no longer in its queue (the queue was emptied, Redis lost the list) is queued
    again instead of being waited for forever.
    """
    from rq.exceptions import NoSuchJobError
    from rq.job import Job

    jobs = queue()
    job_id = f"{jobs.name}-{job_id}"[:120]
    try:
        running = Job.fetch(job_id, connection=jobs.connection)
    except NoSuchJobError:
        running = None
    if running is not None and running.get_status(refresh=False) in _RUNNING:
        lost = running.get_status(refresh=False) == "queued" and job_id not in jobs.get_job_ids()
        if not lost:
            return running
    return jobs.enqueue(
        function, *args, job_id=job_id, job_timeout=JOB_TIMEOUT, result_ttl=KEEP_RESULT, failure_ttl=KEEP_RESULT,
        meta={"project_id": project_id, "progress": 0.0},
    )


def report_progress(share: float) -> None:
    """Inside a job: tell the page how far it is (0..1)."""
    from rq import get_current_job

    job = get_current_job()
    if job is not None:
        job.meta["progress"] = round(float(share), 3)
        job.save_meta()


def fail_with(error: CrmImplError) -> None:
    """Inside a job: keep a message the person can act on for the page, before failing."""
    from rq import get_current_job

    job = get_current_job()
    if job is not None:
        job.meta["error"] = error  # kept whole (RQ pickles meta), shown in the reader's language
        job.save_meta()


@bp.get("/<job_id>")
@project_view(Action.VIEW)
def status(project, job_id: str):
    """``{"state", "progress", "error"}`` of a job of this project (404 for any other)."""
    from rq.exceptions import NoSuchJobError
    from rq.job import Job

    jobs = queue()
    if jobs is None or not _JOB_ID.fullmatch(job_id):
        abort(404)
    try:
        job = Job.fetch(job_id, connection=jobs.connection)
    except NoSuchJobError:
        abort(404)
    if job.meta.get("project_id") != project.id:
        abort(404)
    answer: dict[str, Any] = {"state": str(job.get_status(refresh=False).value),
                              "progress": job.meta.get("progress", 0.0)}
    if answer["state"] in {"failed", "stopped", "canceled"}:
        kept = job.meta.get("error")
        answer["error"] = (kept.localized(str(get_locale())) if isinstance(kept, CrmImplError)
                           else _("The work failed. Try again; if it fails again, tell your administrator."))
    return jsonify(answer), 200, {"Cache-Control": "no-store"}
