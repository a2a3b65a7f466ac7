"""Monte Carlo simulations too big for a request, run on a job worker (see :mod:`blueprints.jobs`)."""

from __future__ import annotations

from typing import Any

from flask import current_app

from crm_impl.errors import CrmImplError, NotFoundError
from crm_impl.models import Project
from crm_impl.operations.schedule import run_monte_carlo, simulation_key, simulation_size
from blueprints import jobs
from blueprints.database import get_db
from blueprints.extensions import cache

__all__ = ["simulation_job", "simulate"]


def simulation_job(project: Project, params: dict[str, Any]):
    """The job simulating ``params`` (iterations, seed, distribution, with_risks) for ``project``,
    or ``None`` when the page should simulate inline: no workers, a small simulation, or one
    whose runs are in the cache already."""
    if jobs.queue() is None or simulation_size(project, params["iterations"]) <= \
            current_app.config["INLINE_SIMULATION_LIMIT"]:
        return None
    key = simulation_key(project, **params)
    if key is None or cache.has(key):
        return None
    return jobs.start(simulate, project.id, params, job_id=key.replace("montecarlo:", "montecarlo-"),
                      project_id=project.id)


def simulate(project_id: int, params: dict[str, Any]) -> None:
    """The job: simulate and leave the runs in the shared cache for the page to show."""
    with current_app.app_context():  # a session of its own, closed when the job ends
        try:
            project = get_db().get(Project, project_id)
            if project is None:
                raise NotFoundError("the project was deleted")
            run_monte_carlo(project, **params, cache=cache, progress=jobs.report_progress)
        except CrmImplError as error:
            jobs.fail_with(error)
            raise
