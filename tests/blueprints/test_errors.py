"""Error pages through a real WSGI server: ordinary input never gives a 500, and the error page
itself survives a database error (rolled back first, rendered without the database)."""

from __future__ import annotations

import httpx
import pytest
from sqlalchemy import text

from crm_impl.models import Meeting, Project
from blueprints.database import get_db


@pytest.fixture
def app(app):
    # As in production: an unexpected error gets the error page, not the test's traceback.
    app.config["PROPAGATE_EXCEPTIONS"] = False

    # A page that fails in the database, as a bug or a broken query would.
    @app.get("/__broken")
    def broken():
        get_db().execute(text("SELECT no_such_column FROM users"))
        return "unreachable"

    return app


def test_ordinary_input_that_cannot_be_stored_is_refused_with_a_reason(live_client, user, load_sample, db):
    project = load_sample(user)
    client = live_client()
    base = f"/projects/{project.id}"

    nul = client.post(f"{base}/risks/new", data={"title": "Data\x00loss", "probability": 3, "impact": 3,
                                                 "status": "open"})
    assert nul.status_code == 422 and "cannot be stored (U+0000)" in nul.text

    title = "Steering meeting on the scope of the membership programme " * 4  # ~240 characters
    long_title = client.post(f"{base}/meetings/new", data={"held_on": "2025-06-02", "kind": "steering",
                                                           "title": title[:290]})
    assert long_title.status_code == 302
    assert db.query(Meeting).filter_by(project_id=project.id).one().title == title[:290].strip()

    settings = {"title": project.title, "client_company": project.client_company, "start_date": "2025-03-03",
                "currency": "CNY", "working_weekdays": ["0", "1", "2", "3", "4"], "version": project.version,
                "holidays": "2025-10-01 " + "National Day " * 12}
    holiday = client.post(f"{base}/edit", data=settings)
    assert holiday.status_code == 422 and "longer than 120 characters" in holiday.text

    # A lone surrogate sent by hand: the server reads the form as UTF-8 with replacement.
    surrogate = client.post(f"{base}/changes/new", content=b"title=Broken%ED%A0%80text",
                            headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert surrogate.status_code in (302, 422)
    db.expire_all()
    assert db.get(Project, project.id).title == project.title


@pytest.mark.parametrize("path", ["/projects/99999999999999999999/", "/projects/2147483648/plan/",
                                  "/projects/1/plan/tasks/99999999999999/"])
def test_ids_out_of_range_are_not_found(live_client, user, load_sample, path):
    load_sample(user)
    assert live_client().get(path).status_code == 404


def test_the_error_page_survives_a_database_error(live_client, make_user, db):
    make_user("lin@example.com", locale="zh_Hans")
    client = live_client("lin@example.com")
    page = client.get("/__broken")
    assert page.status_code in (500, 503)
    assert 'data-testid="error-message"' in page.text and "Internal Server Error" not in page.text
    assert "数据库" in page.text or "错误" in page.text  # in the user's language
    assert client.get("/projects/").status_code == 200  # the next request is served as usual


def test_a_visitor_sees_the_error_page_too(live_server):
    with httpx.Client(base_url=live_server) as client:
        page = client.get("/__broken")
    assert page.status_code in (500, 503) and 'data-testid="error-message"' in page.text
