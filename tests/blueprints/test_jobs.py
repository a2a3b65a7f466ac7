"""Big simulations run on a job worker when Redis is there, with a progress bar; inline otherwise;
simulated runs are kept and shown again without simulating."""

from __future__ import annotations

import re


from crm_impl.errors import ValidationError
from tests.conftest import SAMPLES, start_worker

RETAIL = next(p for p in SAMPLES if "retail" in p.stem)
BIG = "/projects/{}/schedule/monte-carlo?iterations=3000&seed=4&distribution=pert"


def _job_url(page) -> str:
    match = re.search(r'data-job-url="([^"]+)"', page.text)
    assert match, "the page shows no job"
    return match.group(1)


def test_big_simulation_runs_on_a_worker_and_the_page_then_shows_it(queued_app, user, make_user, load_sample):
    project = load_sample(user, RETAIL)
    client = queued_app.test_client()
    client.post("/auth/login", data={"email": "pm@example.com", "password": "correct horse"})
    page = client.get(BIG.format(project.id))
    assert page.status_code == 202 and "progress-bar" in page.text and "js/jobs.js" in page.text
    url = _job_url(page)
    assert client.get(url).json == {"state": "queued", "progress": 0.0}
    assert _job_url(client.get(BIG.format(project.id))) == url  # the same request joins the job

    # Nobody outside the project learns about the job, not even through another project's URL.
    make_user(email="outsider@example.com")
    other = load_sample(user)
    outsider = queued_app.test_client()
    outsider.post("/auth/login", data={"email": "outsider@example.com", "password": "correct horse"})
    assert outsider.get(url).status_code == 404
    assert client.get(url.replace(f"/projects/{project.id}/", f"/projects/{other.id}/")).status_code == 404
    assert client.get(f"/projects/{project.id}/jobs/no-such-job").status_code == 404

    worker = start_worker(queued_app)
    errors = worker.communicate(timeout=120)[1]
    assert worker.returncode == 0, errors
    assert client.get(url).json == {"state": "finished", "progress": 1.0}
    done = client.get(BIG.format(project.id))
    assert done.status_code == 200 and "data-job-url" not in done.text
    assert 'data-testid="P80"' in done.text and "3,000 runs, seed 4" in done.text


def test_a_failed_job_says_why_in_the_readers_language(queued_app, user, load_sample, monkeypatch):
    from rq import SimpleWorker

    from blueprints.schedule import jobs

    def refuse(*args, **kwargs):
        raise ValidationError("must be a positive integer, got %(iterations)r", "iterations", iterations=0)

    project = load_sample(user, RETAIL)
    client = queued_app.test_client()
    client.post("/auth/login", data={"email": "pm@example.com", "password": "correct horse"})
    url = _job_url(client.get(BIG.format(project.id)))
    monkeypatch.setattr(jobs, "run_monte_carlo", refuse)
    queue = queued_app.extensions["crm_impl.queue"]
    with queued_app.app_context():
        SimpleWorker([queue], connection=queue.connection).work(burst=True)
    answer = client.get(url).json
    assert answer["state"] == "failed" and answer["error"] == "iterations: must be a positive integer, got 0"
    client.post("/language/zh_Hans")
    assert client.get(url).json["error"].startswith("iterations: ")
    assert client.get(url).json["error"] != answer["error"]


def test_without_redis_a_big_simulation_runs_inline_and_is_kept(app, client, login, user, load_sample, monkeypatch):
    from crm_impl.operations import schedule

    calls = []
    real = schedule.simulate
    monkeypatch.setattr(schedule, "simulate", lambda *a, **k: calls.append(1) or real(*a, **k))
    app.config["INLINE_SIMULATION_LIMIT"] = 10
    project = load_sample(user, RETAIL)
    login()
    first = client.get(BIG.format(project.id))
    again = client.get(BIG.format(project.id) + "&target=2025-12-31")
    assert first.status_code == again.status_code == 200 and "data-job-url" not in first.text
    assert len(calls) == 1 and 'data-testid="probability"' in again.text


def test_a_job_lost_from_its_queue_is_queued_again_not_waited_for(queued_app):
    from blueprints.jobs import queue, start

    with queued_app.app_context():
        jobs = queue()
        first = start(print, "hello", job_id="lost-one", project_id=1)
        assert first.id in jobs.get_job_ids() and first.id.startswith(f"{jobs.name}-")
        again = start(print, "hello", job_id="lost-one", project_id=1)
        assert again.id == first.id and jobs.count == 1  # a queued job is joined, not doubled
        jobs.remove(first.id)  # the queue lost it; its record still says "queued"
        assert first.get_status(refresh=True) == "queued" and jobs.count == 0
        revived = start(print, "hello", job_id="lost-one", project_id=1)
        assert revived.id == first.id and revived.id in jobs.get_job_ids()
