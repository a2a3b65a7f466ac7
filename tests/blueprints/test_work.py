"""The My work page and the count beside it in the navigation."""

from crm_impl.models import MemberRole
from crm_impl.operations.changes import Assessment, ChangeDraft, assess_change, submit_change
from crm_impl.operations.members import add_member
from tests.conftest import SAMPLES


def test_my_work_lists_what_waits_and_the_navigation_counts_it(client, login, user, make_user, load_sample, db):
    project = load_sample(user, next(p for p in SAMPLES if "retail" in p.stem))
    make_user("sponsor@example.com", display_name="Chen Jie")
    add_member(db, project, "sponsor@example.com", MemberRole.STEERING)
    change = submit_change(db, project, ChangeDraft(title="Loyalty app"))
    db.flush()
    assess_change(project, change, change.version, Assessment(cost_impact=5_000))
    db.commit()
    login("sponsor@example.com")
    page = client.get("/my-work/")
    assert page.status_code == 200 and "CR-1 Loyalty app" in page.text
    assert f"/projects/{project.id}/changes/{change.id}" in page.text
    assert 'data-testid="my-work-count">1<' in client.get("/projects/").text
    client.post("/auth/logout")
    login()  # the owner: the change waits for them too (within the reserve), nothing else is theirs
    assert "CR-1 Loyalty app" in client.get("/my-work/").text
    assert client.get("/my-work/").text.count("Nothing waits for you here.") == 3
