"""KPI measurements: history kept, the latest is the actual, gates and the dashboard read it."""

from datetime import date

import pytest

from crm_impl.errors import ValidationError
from crm_impl.operations.kpis import delete_measurement, measurable_kpis, record_measurement
from crm_impl.operations.phases import gate_review
from crm_impl.operations.status import project_dashboard
from crm_impl.projectfile import dumps, export_project, read
from tests.conftest import SAMPLES

RETAIL = next(p for p in SAMPLES if "retail" in p.stem)


def test_a_measurement_feeds_the_gate_and_the_dashboard_and_keeps_its_history(db, user, load_sample):
    project = load_sample(user, RETAIL)
    g5 = next(g for g in project.gates if g.gate_id == "G5")
    assert {c.key: c.met for c in gate_review(project, g5).criteria}["G5.3"] is None  # not measured
    record_measurement(db, project, "data_migration_accuracy", 0.991, date(2025, 9, 1), "pm@example.com")
    second = record_measurement(db, project, "data_migration_accuracy", 0.999, date(2025, 9, 15), "pm@example.com")
    # Entered late, an older value does not replace the latest one.
    record_measurement(db, project, "data_migration_accuracy", 0.95, date(2025, 8, 1), "pm@example.com")
    criteria = {c.key: c for c in gate_review(project, g5).criteria}
    assert (criteria["G5.3"].measured, criteria["G5.3"].met) == (0.999, True)
    row = next(r for r in project_dashboard(project, date(2025, 9, 16)).kpis if r.kpi == "data_migration_accuracy")
    assert row.actual == 0.999 and row.met is True
    assert row.history == ((date(2025, 8, 1), 0.95), (date(2025, 9, 1), 0.991), (date(2025, 9, 15), 0.999))
    delete_measurement(db, project, second)
    assert {c.key: c for c in gate_review(project, g5).criteria}["G5.3"].met is False  # back to 0.991
    # The history travels in the project file and passes its reader.
    document = read(dumps(export_project(project)))
    (kpi,) = [k for k in document["kpi_targets"] if k["kpi"] == "data_migration_accuracy"]
    assert [m["date"] for m in kpi["measurements"]] == ["2025-08-01", "2025-09-01"]


def test_a_catalogue_kpi_without_a_target_gets_the_catalogues_target(db, user, load_sample):
    project = load_sample(user, RETAIL)
    kpis = dict(measurable_kpis(project, "zh_Hans"))
    missing = next(k for k in kpis if k not in {t.kpi for t in project.kpi_targets})
    record_measurement(db, project, missing, 3, date(2025, 9, 1))
    assert next(t for t in project.kpi_targets if t.kpi == missing).actual == 3
    with pytest.raises(ValidationError, match="unknown KPI"):
        record_measurement(db, project, "happiness", 1, date(2025, 9, 1))
    with pytest.raises(ValidationError):
        record_measurement(db, project, missing, 1, date(1066, 10, 14))
