"""Forms take their limits from the model they edit; what no column can hold is refused."""

import importlib
import pkgutil
from datetime import date

import pytest
from wtforms.validators import Length, NumberRange

import blueprints
from crm_impl.limits import MAX_DURATION_DAYS
from crm_impl.models.base import column_of, value_range
from blueprints.kit import Form
from blueprints.kit.forms import WithinDates
from sqlalchemy import Date, Float, Integer, String


def _forms() -> list[type[Form]]:
    for module in pkgutil.iter_modules(blueprints.__path__):
        try:
            importlib.import_module(f"blueprints.{module.name}.forms")
        except ModuleNotFoundError:
            pass
    found, todo = [], list(Form.__subclasses__())
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo.extend(cls.__subclasses__())
    return found


def _mapped_fields():
    for cls in _forms():
        table = cls.model.__table__.columns if cls.model is not None else {}
        for name in dir(cls):
            if name == "version":
                continue  # the version an editor saw is compared, never stored
            column = cls.columns.get(name) if name in cls.columns else table.get(name)
            if column is not None and hasattr(getattr(cls, name), "field_class"):
                yield cls, name, column


def test_the_forms_name_their_models():
    named = {cls.__name__ for cls in _forms() if cls.model is not None}
    assert {"TaskForm", "ProjectForm", "RiskForm", "MeetingForm", "TeamMemberForm", "ChangeForm", "AssessForm",
            "BaselineForm", "RegisterForm", "DeliverableForm"} <= named


@pytest.mark.parametrize(("cls", "name", "column"), list(_mapped_fields()),
                         ids=lambda value: getattr(value, "__name__", None) or str(value))
def test_every_field_has_its_columns_limits(app, cls, name, column):
    kwargs = {"phases": [], "roles": [], "criteria": [], "templates": [("nine_phase", "Nine phases")]}
    with app.test_request_context():
        form = cls(formdata=None, **{k: v for k, v in kwargs.items() if k in cls.__init__.__code__.co_varnames})
        validators = form[name].validators
        kind = column_of(column).type
        if isinstance(kind, String) and kind.length:
            assert any(isinstance(v, Length) and v.max == kind.length for v in validators)
        elif isinstance(kind, Integer | Float):
            low, high = value_range(column)
            assert any(isinstance(v, NumberRange) and (v.min, v.max) == (low, high) for v in validators)
        elif isinstance(kind, Date):
            assert any(isinstance(v, WithinDates) for v in validators)


def test_a_ten_million_day_task_is_refused_with_the_limit(client, login, user, load_sample):
    project = load_sample(user)
    login()
    task = project.tasks[1]
    response = client.post(f"/projects/{project.id}/plan/tasks/{task.id}/quick", data={
        "duration": 10_000_000, "predecessors": "", "version": task.version})
    assert response.status_code == 422
    assert f"{MAX_DURATION_DAYS}" in response.text


def test_a_start_date_in_year_9999_is_refused(client, login, user, load_sample):
    project = load_sample(user)
    login()
    page = client.get(f"/projects/{project.id}/edit")
    assert page.status_code == 200
    response = client.post(f"/projects/{project.id}/edit", data={
        "title": project.title, "client_company": project.client_company, "currency": "CNY",
        "start_date": date(9999, 1, 1).isoformat(), "working_weekdays": ["0", "1", "2", "3", "4"],
        "version": project.version})
    assert response.status_code == 422 and "2199-12-31" in response.text
