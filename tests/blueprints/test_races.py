"""Two people at the same moment, through a real WSGI server: never a 500, nothing lost.

Each pair of requests leaves two threads at a barrier together, as two colleagues pressing Save
in the same second would.  SQLite and PostgreSQL both (the fixtures run every test on each).
"""

from __future__ import annotations

import re
import threading
from collections import Counter

import pytest
from sqlalchemy import select

from crm_impl.models import ChangeRequest, MemberRole, Project, Risk
from crm_impl.operations.members import add_member

PAIRS = 100


@pytest.fixture
def project(db, user, make_user, load_sample):
    project = load_sample(user)
    make_user("colleague@example.com")
    add_member(db, project, "colleague@example.com", MemberRole.OWNER)
    db.commit()
    return project


def together(*calls):
    """Run the calls at the same moment, each in its own thread; their answers' status codes."""
    barrier = threading.Barrier(len(calls))
    statuses: list[int | None] = [None] * len(calls)

    def run(k, call):
        barrier.wait()
        statuses[k] = call().status_code

    threads = [threading.Thread(target=run, args=(k, call)) for k, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return statuses


def test_two_change_requests_at_once_both_get_a_number(live_client, project, db):
    me, colleague = live_client(), live_client("colleague@example.com")
    url = f"/projects/{project.id}/changes/new"
    statuses = Counter()
    for n in range(PAIRS):
        statuses.update(together(lambda: me.post(url, data={"title": f"Mine {n}"}),
                                 lambda: colleague.post(url, data={"title": f"Theirs {n}"})))
    assert statuses == {302: 2 * PAIRS}
    numbers = sorted(db.scalars(select(ChangeRequest.number).where(ChangeRequest.project_id == project.id)))
    assert numbers == list(range(1, 2 * PAIRS + 1))


def test_two_risks_at_once_both_get_a_key(live_client, project, db):
    me, colleague = live_client(), live_client("colleague@example.com")
    url = f"/projects/{project.id}/risks/new"
    form = {"probability": "3", "impact": "3", "status": "open"}
    statuses = Counter()
    for n in range(20):
        statuses.update(together(lambda: me.post(url, data={**form, "title": f"Mine {n}"}),
                                 lambda: colleague.post(url, data={**form, "title": f"Theirs {n}"})))
    assert statuses == {302: 40}
    keys = db.scalars(select(Risk.key).where(Risk.project_id == project.id)).all()
    assert len(keys) == len(set(keys)) == 12 + 40


@pytest.mark.parametrize(
    ("path", "form"),
    [
        ("schedule/baselines", {"name": "Board plan"}),
        ("members/", {"email": "newcomer@example.com", "role": "viewer"}),
    ],
)
def test_the_same_unique_thing_at_once_saves_one_and_tells_the_other(
    live_client, project, make_user, db, path, form
):
    make_user("newcomer@example.com")
    me, colleague = live_client(), live_client("colleague@example.com")
    url = f"/projects/{project.id}/{path}"
    statuses = together(lambda: me.post(url, data=form), lambda: colleague.post(url, data=form))
    assert sorted(statuses) in ([302, 409], [302, 422]), statuses


def test_two_registrations_with_one_e_mail(live_server, db):
    import httpx

    data = {"display_name": "Twin", "email": "twin@example.com", "password": "a long passphrase",
            "confirm": "a long passphrase", "locale": "en"}
    with httpx.Client(base_url=live_server) as a, httpx.Client(base_url=live_server) as b:
        statuses = together(lambda: a.post("/auth/register", data=data), lambda: b.post("/auth/register", data=data))
    assert sorted(statuses) in ([302, 409], [302, 422]), statuses


def test_edit_and_delete_of_one_task_at_once(live_client, project, db):
    me, colleague = live_client(), live_client("colleague@example.com")
    statuses = Counter()
    tasks = [(t.id, t.duration, t.version) for t in project.tasks if not t.milestone][:20]
    for task_id, duration, version in tasks:
        edit = f"/projects/{project.id}/plan/tasks/{task_id}/quick"
        delete = f"/projects/{project.id}/plan/tasks/{task_id}/delete"
        statuses.update(together(
            lambda: me.post(edit, data={"duration": duration + 1, "predecessors": "", "version": version}),
            lambda: colleague.post(delete, data={"version": version}),
        ))
    assert 500 not in statuses and set(statuses) <= {302, 404, 409}, statuses
    db.expire_all()
    assert db.scalar(select(Project).where(Project.id == project.id)) is not None


def test_the_loser_of_an_edit_conflict_keeps_their_typing(live_client, project, db):
    me, colleague = live_client(), live_client("colleague@example.com")
    risk = project.risks[0]
    url = f"/projects/{project.id}/risks/{risk.id}/edit"
    form = {"probability": "2", "impact": "2", "status": "open", "version": risk.version}
    kept = 0
    for n in range(10):
        statuses = together(lambda: me.post(url, data={**form, "title": f"Mine {n}"}),
                            lambda: colleague.post(url, data={**form, "title": f"Theirs {n}"}))
        assert sorted(statuses) in ([302, 409], [302, 302]), statuses
        db.expire_all()
        risk = db.get(Risk, risk.id)
        form["version"] = risk.version
        if 409 in statuses:
            loser = colleague if risk.title == f"Mine {n}" else me
            page = loser.post(url, data={**form, "version": risk.version - 1,
                                         "title": f"Typed again {n}"})
            assert page.status_code == 409 and f'value="Typed again {n}"' in page.text
            assert re.search(r'data-testid="saved-meanwhile"', page.text)
            kept += 1
