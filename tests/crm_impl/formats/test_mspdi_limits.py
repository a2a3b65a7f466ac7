"""Hostile or broken MS Project files are refused, with the place in the file, before any work
grows with them (a summary-to-summary link is counted before it is expanded)."""

from __future__ import annotations

import pytest

from crm_impl.errors import ValidationError
from crm_impl.formats.mspdi import NAMESPACE, import_mspdi
from crm_impl.limits import MAX_LINKS
from tests.crm_impl.formats.test_mspdi import pred, task, wrap


def _summary(uid: int, name: str, extra: str = "") -> str:
    return (f"<Task><UID>{uid}</UID><Name>{name}</Name><OutlineLevel>1</OutlineLevel><Summary>1</Summary>"
            f"{extra}</Task>")


def _two_phases_linked_summary_to_summary(size: int) -> bytes:
    first = [_summary(1, "Design")] + [task(2 + i, f"a{i}", level=2) for i in range(size)]
    second_uid = 2 + size
    second = [_summary(second_uid, "Build", pred(1))] + [task(second_uid + 1 + i, f"b{i}", level=2)
                                                         for i in range(size)]
    return wrap("".join(first + second))


def _holidays(ranges: int) -> bytes:
    exceptions = "".join(
        f"<Exception><TimePeriod><FromDate>{1900 + 10 * i}-01-01T00:00:00</FromDate>"
        f"<ToDate>{1909 + 10 * i}-12-31T23:59:00</ToDate></TimePeriod><Type>1</Type><DayWorking>0</DayWorking>"
        f"</Exception>" for i in range(ranges))
    calendar = (f"<CalendarUID>1</CalendarUID><Calendars><Calendar><UID>1</UID><IsBaseCalendar>1</IsBaseCalendar>"
                f"<Exceptions>{exceptions}</Exceptions></Calendar></Calendars>")
    return wrap(task(1, "A"), head=f"<StartDate>2025-03-03T08:00:00</StartDate>{calendar}")


CASES = {
    "unknown encoding": (f'<?xml version="1.0" encoding="x-klingon"?><Project xmlns="{NAMESPACE}"/>'.encode(),
                         "file", "unknown encoding"),
    "endless duration": (wrap(task(1, "A", duration="PT" + "9" * 400 + "H0M0S")), "Task[UID=1].Duration",
                         "not a duration"),
    "a million-day task": (wrap(task(1, "A", duration="PT8000000H0M0S")), "Task[UID=1].Duration",
                           "more than 2600 working days"),
    "year 1 start": (wrap(task(1, "A"), head="<StartDate>0001-01-01T00:00:00</StartDate>"), "Project.StartDate",
                     "1900-01-01"),
    "year 9999 task": (wrap(task(1, "A", extra="<Start>9999-12-31T08:00:00</Start>")), "Task[UID=1].Start",
                       "2199-12-31"),
    "endless lag": (wrap(task(1, "A") + task(2, "B", extra=pred(1, lag="1e300"))),
                    "Task[UID=2].PredecessorLink[0].LinkLag", "more than 2600"),
    "5,000-digit number": (wrap(task(1, "A"), head="<MinutesPerDay>" + "9" * 5000 + "</MinutesPerDay>"),
                           "Project.MinutesPerDay", "must be an integer"),
    "a century of holidays twice over": (_holidays(20), "Calendar[UID=1].TimePeriod", "non-working days"),
    "summary to summary of 3,000 tasks each": (_two_phases_linked_summary_to_summary(3000),
                                               "PredecessorLink[0]", f"more than {MAX_LINKS}"),
}


@pytest.mark.parametrize("name", list(CASES))
def test_a_hostile_file_is_refused_with_its_place(name):
    data, field, words = CASES[name]
    with pytest.raises(ValidationError) as error:
        import_mspdi(data)
    assert field in error.value.field and words in str(error.value)
    assert len(str(error.value)) < 300  # a 5,000-digit value is not quoted whole


def test_summary_links_within_the_limit_still_apply_to_every_task():
    plan = import_mspdi(_two_phases_linked_summary_to_summary(40))
    assert len(plan.links) == 40 * 40
