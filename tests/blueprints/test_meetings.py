"""Meeting pages: record a steering meeting, the next date, action items done and open."""

from datetime import date, timedelta

from crm_impl.models import ActionItem, Meeting


def test_record_meeting_add_and_toggle_action_items(client, login, user, load_sample, db):
    project = load_sample(user)
    login()
    url = f"/projects/{project.id}/meetings"
    assert "No steering decision meeting held yet." in client.get(f"{url}/").text
    assert client.get(f"{url}/new").status_code == 200
    held = date.today() - timedelta(days=3)
    created = client.post(f"{url}/new", data={"held_on": held.isoformat(), "kind": "steering",
                                              "title": "Steering 1", "decisions": "Go with option B"})
    assert created.status_code == 302
    meeting = db.query(Meeting).filter_by(project_id=project.id).one()
    page = client.get(f"{url}/")
    assert 'data-testid="next-steering"' in page.text and "Steering 1" in page.text
    next_day = held + timedelta(days=14)
    assert str(next_day.day) in page.text.split('data-testid="next-steering"')[1].split("</div>")[0]

    due = (date.today() - timedelta(days=1)).isoformat()
    added = client.post(f"{url}/{meeting.id}/actions", data={"text": "Sign the data agreement", "owner": "E_SC",
                                                              "due_date": due})
    assert added.status_code == 302
    assert client.post(f"{url}/{meeting.id}/actions", data={"text": ""}).status_code == 422
    index = client.get(f"{url}/")
    assert "Sign the data agreement" in index.text and "Overdue" in index.text

    item = db.query(ActionItem).filter_by(meeting_id=meeting.id).one()
    toggled = client.post(f"{url}/{meeting.id}/actions/{item.id}/toggle", data={"version": item.version, "back": "index"})
    assert toggled.status_code == 302 and toggled.headers["Location"].endswith(f"{url}/")
    stale = client.post(f"{url}/{meeting.id}/actions/{item.id}/toggle", data={"version": item.version})
    assert stale.status_code == 409
    db.expire_all()
    assert db.get(ActionItem, item.id).done is True
    assert "Nothing open." in client.get(f"{url}/").text


def test_edit_and_delete_a_meeting(client, login, user, load_sample, db):
    project = load_sample(user)
    login()
    url = f"/projects/{project.id}/meetings"
    client.post(f"{url}/new", data={"held_on": "2025-06-03", "kind": "workshop", "title": "Blueprint workshop"})
    meeting = db.query(Meeting).filter_by(project_id=project.id).one()
    meeting_id, version = meeting.id, meeting.version
    form = {"held_on": "2025-06-04", "kind": "workshop", "title": "Blueprint workshop 2", "version": version}
    assert client.get(f"{url}/{meeting_id}/edit").status_code == 200
    assert client.post(f"{url}/{meeting_id}/edit", data=form).status_code == 302
    assert client.post(f"{url}/{meeting_id}/edit", data=form).status_code == 409  # same old version
    assert "Blueprint workshop 2" in client.get(f"{url}/{meeting_id}").text
    assert client.post(f"{url}/{meeting_id}/delete").status_code == 302
    db.expire_all()
    assert db.get(Meeting, meeting_id) is None
