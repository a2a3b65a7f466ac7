"""KPI measurements: a value on a date, the history kept, the latest one the KPI's actual.

The dashboard's KPI table and the gates' KPI criteria read ``KpiTarget.actual``; every
measurement passes through here so that value is always the latest measurement's.  A KPI of the
methodology catalogue that the project has no target for yet gets one, with the catalogue's
target, at its first measurement.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from crm_impl.errors import ValidationError
from crm_impl.i18n import localized
from crm_impl.limits import MAX_AMOUNT, check_date
from crm_impl.methodology import kpis
from crm_impl.models import KpiMeasurement, KpiTarget, Project

__all__ = ["record_measurement", "delete_measurement", "measurable_kpis", "kpi_unit"]


def measurable_kpis(project: Project, locale: str = "en") -> list[tuple[str, str]]:
    """``(kpi, name)`` of the KPIs a measurement can be recorded for: the project's own targets,
    then the rest of the methodology catalogue."""
    catalogue = {k.id: k for k in kpis()}
    own = [(t.kpi, catalogue[t.kpi].label(locale) if t.kpi in catalogue else localized(t, "name", locale) or t.kpi)
           for t in project.kpi_targets]
    mine = {kpi for kpi, _ in own}
    return own + [(k.id, k.label(locale)) for k in catalogue.values() if k.id not in mine]


def kpi_unit(project: Project, kpi: str) -> str:
    """``"ratio"`` (a share, entered and shown as a percentage) or ``"count"``."""
    known = next((k for k in kpis() if k.id == kpi), None)
    if known is not None:
        return known.unit
    own = next((t for t in project.kpi_targets if t.kpi == kpi), None)
    return "ratio" if own is not None and own.target <= 1 else "count"


def _target(project: Project, kpi: str) -> KpiTarget:
    target = next((t for t in project.kpi_targets if t.kpi == kpi), None)
    if target is not None:
        return target
    known = next((k for k in kpis() if k.id == kpi), None)
    if known is None:
        raise ValidationError("unknown KPI %(kpi)r", "kpi", kpi=kpi)
    target = KpiTarget(kpi=kpi, target=known.target)
    project.kpi_targets.append(target)
    return target


def _latest(target: KpiTarget) -> None:
    ordered = sorted(target.measurements, key=lambda m: (m.measured_on, m.id or 0))
    target.actual = ordered[-1].value if ordered else None


def record_measurement(session: Session, project: Project, kpi: str, value: float, measured_on: date,
                       recorded_by: str = "", note: str = "") -> KpiMeasurement:
    """Record ``kpi`` = ``value`` on ``measured_on``; the KPI's actual becomes the latest value."""
    if value is None or not -MAX_AMOUNT <= value <= MAX_AMOUNT:
        raise ValidationError("is required", "value") if value is None else ValidationError(
            "must be between %(low)s and %(high)s", "value", low=-MAX_AMOUNT, high=MAX_AMOUNT)
    check_date(measured_on, "measured_on")
    target = _target(project, kpi)
    measurement = KpiMeasurement(measured_on=measured_on, value=float(value), recorded_by=recorded_by[:254],
                                 note=(note or "").strip()[:300])
    target.measurements.append(measurement)
    session.flush()
    _latest(target)
    return measurement


def delete_measurement(session: Session, project: Project, measurement: KpiMeasurement) -> None:
    """Remove a measurement entered by mistake; the actual falls back to the latest remaining one."""
    target = measurement.target
    if target.project is not project:
        raise ValidationError("unknown measurement", "measurement")
    target.measurements.remove(measurement)
    session.delete(measurement)
    _latest(target)
