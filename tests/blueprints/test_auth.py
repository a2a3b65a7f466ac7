import pytest

from blueprints import create_app
from blueprints.extensions import limiter


def test_register_login_logout(client):
    response = client.post("/auth/register", data={
        "display_name": "Lin Hui", "email": "lin@example.com", "password": "long enough",
        "confirm": "long enough", "locale": "zh_Hans"})
    assert response.status_code == 302
    response = client.post("/auth/login", data={"email": "lin@example.com", "password": "long enough"})
    assert response.status_code == 302 and response.headers["Location"].endswith("/projects/")
    page = client.get("/projects/")
    assert page.status_code == 200 and "项目" in page.text  # the account's language
    client.post("/auth/logout")
    assert client.get("/projects/").status_code == 302


def test_register_errors_are_shown_beside_the_fields(client, user):
    response = client.post("/auth/register", data={
        "display_name": "X", "email": user.email, "password": "long enough", "confirm": "other!!!!", "locale": "en"})
    assert response.status_code == 422
    assert "The passwords differ." in response.text
    response = client.post("/auth/register", data={
        "display_name": "X", "email": user.email, "password": "long enough", "confirm": "long enough", "locale": "en"})
    assert response.status_code == 422
    assert "exists already" in response.text
    assert 'class="invalid-feedback"' in response.text


def test_wrong_password_is_refused(client, user):
    response = client.post("/auth/login", data={"email": user.email, "password": "wrong one"})
    assert response.status_code == 422
    assert "Wrong e-mail address or password." in response.text


@pytest.fixture
def limited_client(engine, database_url, tmp_path):
    app = create_app(
        {"TESTING": True, "DATABASE_URL": database_url, "SECRET_KEY": "t", "WTF_CSRF_ENABLED": False,
         "RATELIMIT_LOGIN": "3 per minute"},
        instance_path=str(tmp_path / "i"),
    )
    limiter.reset()  # the limiter's memory outlives apps: start this test from zero
    yield app.test_client()
    app.extensions["crm_impl.engine"].dispose()


def test_login_attempts_are_rate_limited(limited_client, user):
    codes = [limited_client.post("/auth/login", data={"email": user.email, "password": "guess"}).status_code
             for _ in range(4)]
    assert codes == [422, 422, 422, 429]
    # Even the right password waits now.
    assert limited_client.post("/auth/login", data={"email": user.email, "password": "correct horse"}).status_code == 429
