"""What-if simulations too big for a request, run on a job worker (see :mod:`blueprints.jobs`)."""

from __future__ import annotations

from flask import current_app

from crm_impl.errors import CrmImplError, NotFoundError
from crm_impl.models import ProcessMapRecord
from crm_impl.operations.processes import run_simulation, simulation_key, stored_map
from crm_impl.processes import Scenario
from blueprints import jobs
from blueprints.database import get_db
from blueprints.extensions import cache

__all__ = ["simulation_job", "simulate"]


def simulation_job(project, scenarios: list[tuple[ProcessMapRecord, Scenario]]):
    """The job simulating each ``(map, scenario)`` of ``project``, or ``None`` when the page should
    simulate inline: no workers, a small simulation (cases × nodes within the app's
    ``INLINE_SIMULATION_LIMIT``), or one whose results are in the cache already."""
    size = sum(scenario.cases * len(stored_map(m).nodes) for m, scenario in scenarios)
    if jobs.queue() is None or size <= current_app.config["INLINE_SIMULATION_LIMIT"]:
        return None
    keys = [simulation_key(m, scenario) for m, scenario in scenarios]
    if all(cache.has(key) for key in keys):
        return None
    job_id = "processsim-" + "-".join(key.removeprefix("processsim:")[:24] for key in keys)
    return jobs.start(simulate, project.id, [(m.id, scenario) for m, scenario in scenarios], job_id=job_id,
                      project_id=project.id)


def simulate(project_id: int, runs: list[tuple[int, Scenario]]) -> None:
    """The job: simulate each map and leave the results in the shared cache for the page."""
    with current_app.app_context():
        try:
            total = len(runs)
            for index, (map_id, scenario) in enumerate(runs):
                record = get_db().get(ProcessMapRecord, map_id)
                if record is None or record.project_id != project_id:
                    raise NotFoundError("the process map was deleted")
                run_simulation(record, scenario, cache,
                               progress=lambda share, i=index: jobs.report_progress((i + share) / total))
        except CrmImplError as error:
            jobs.fail_with(error)
            raise
