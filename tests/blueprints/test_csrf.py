"""Every form is protected against cross-site request forgery."""

import pytest

from blueprints import create_app
from crm_impl.models import Project
from tests.conftest import csrf_token


@pytest.fixture
def csrf_client(engine, database_url, tmp_path):
    app = create_app(
        {"TESTING": True, "DATABASE_URL": database_url, "SECRET_KEY": "t", "RATELIMIT_ENABLED": False},
        instance_path=str(tmp_path / "i"),
    )
    yield app.test_client()
    app.extensions["crm_impl.engine"].dispose()


def test_login_without_token_is_refused(csrf_client, user):
    response = csrf_client.post("/auth/login", data={"email": user.email, "password": "correct horse"})
    assert response.status_code == 400
    assert "security token" in response.text


def test_post_without_token_is_refused_and_changes_nothing(csrf_client, db, user, load_sample):
    project = load_sample(user)
    page = csrf_client.get("/auth/login")
    response = csrf_client.post(
        "/auth/login", data={"email": user.email, "password": "correct horse", "csrf_token": csrf_token(page)}
    )
    assert response.status_code == 302
    response = csrf_client.post(f"/projects/{project.id}/archive", data={"archived": "1"})
    assert response.status_code == 400
    db.expire_all()
    assert db.get(Project, project.id).status.value == "active"

    page = csrf_client.get(f"/projects/{project.id}/edit")
    response = csrf_client.post(f"/projects/{project.id}/archive", data={"archived": "1", "csrf_token": csrf_token(page)})
    assert response.status_code == 302
    db.expire_all()
    assert db.get(Project, project.id).status.value == "archived"
