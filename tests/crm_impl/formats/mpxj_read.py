"""Read MS Project XML files with MPXJ (its Java reader, through the ``mpxj`` package and JPype)
and print, as JSON, what MPXJ found in them: an independent reader for our export's tests.

Run as a script in its own process, so the JVM never starts inside the test run: it reads
``{path: [ISO dates]}`` as JSON on standard input, and for every file prints the project's dates, the tasks
(dates, durations, costs, constraints, actuals, custom text fields, Baseline0, predecessors),
the resources and assignments, whether each date given is a working day of the project
calendar, and every element that is out of the MSPDI schema's order or not in the schema at all,
checked against the ``propOrder`` of MPXJ's JAXB classes (generated from Microsoft's schema).
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def _days(duration, properties) -> float | None:
    if duration is None:
        return None
    from org.mpxj import TimeUnit  # type: ignore[import-not-found]

    return float(duration.convertUnits(TimeUnit.DAYS, properties).getDuration())


def _number(value: object) -> float | None:
    return None if value is None else float(value)


def schema_order_problems(path: str) -> list[str]:
    """Each element whose children are not in the order of its JAXB class's ``propOrder``, or
    that the schema does not have, as ``Project/Tasks/Task[3]: FixedCost after Cost``."""
    import jpype

    xml_type = jpype.JClass("jakarta.xml.bind.annotation.XmlType")
    orders: dict[str, list[str] | None] = {}

    def order_of(name: str) -> list[str] | None:
        if name not in orders:
            try:
                cls = jpype.JClass(f"org.mpxj.mspdi.schema.{name}").class_
            except TypeError:  # no such class: the schema has no such element
                orders[name] = None
            else:
                annotation = cls.getAnnotation(xml_type)
                orders[name] = [str(p).lower() for p in annotation.propOrder()] if annotation else None
        return orders[name]

    problems: list[str] = []

    def walk(element: ET.Element, name: str, where: str) -> None:
        children = list(element)
        if not children:
            return
        order = order_of(name)
        if order is None:
            problems.append(f"{where}: not an element of the schema")
            return
        last, last_tag = -1, ""
        for k, child in enumerate(children):
            tag = child.tag.rpartition("}")[2]
            if tag.lower() not in order:
                problems.append(f"{where}/{tag}: not an element of the schema")
                continue
            position = order.index(tag.lower())
            if position < last:
                problems.append(f"{where}: {tag} after {last_tag}")
            last, last_tag = position, tag
            walk(child, f"{name}${tag}", f"{where}/{tag}[{k}]")

    walk(ET.parse(path).getroot(), "Project", "Project")
    return problems


def read(path: str, days: list[str]) -> dict:
    from java.io import File  # type: ignore[import-not-found]
    from java.time import LocalDate  # type: ignore[import-not-found]
    from org.mpxj.mspdi import MSPDIReader  # type: ignore[import-not-found]

    project = MSPDIReader().read(File(path))
    properties = project.getProjectProperties()
    tasks = []
    for task in project.getTasks():
        if task.getOutlineLevel() is None or int(task.getOutlineLevel()) < 1:
            continue  # MPXJ's project summary task
        tasks.append({
            "uid": int(task.getUniqueID()),
            "name": _text(task.getName()),
            "level": int(task.getOutlineLevel()),
            "summary": bool(task.getSummary()),
            "milestone": bool(task.getMilestone()),
            "start": _text(task.getStart()),
            "finish": _text(task.getFinish()),
            "duration": _days(task.getDuration(), properties),
            "percent": _number(task.getPercentageComplete()),
            "fixed_cost": _number(task.getFixedCost()),
            "cost": _number(task.getCost()),
            "actual_cost": _number(task.getActualCost()),
            "actual_start": _text(task.getActualStart()),
            "actual_finish": _text(task.getActualFinish()),
            "constraint": _text(task.getConstraintType()),
            "constraint_date": _text(task.getConstraintDate()),
            "deadline": _text(task.getDeadline()),
            "text": [_text(task.getText(n)) for n in range(1, 5)],
            "estimates": [_days(task.getDuration(n), properties) for n in range(1, 4)],
            "baseline": {
                "start": _text(task.getBaselineStart()),
                "finish": _text(task.getBaselineFinish()),
                "duration": _days(task.getBaselineDuration(), properties),
                "cost": _number(task.getBaselineCost()),
            },
            "predecessors": [
                {"uid": int(link.getPredecessorTask().getUniqueID()), "type": str(link.getType()),
                 "lag": _days(link.getLag(), properties)}
                for link in task.getPredecessors()
            ],
        })
    calendar = project.getDefaultCalendar()
    return {
        "start": _text(properties.getStartDate()),
        "finish": _text(properties.getFinishDate()),
        "title": _text(properties.getProjectTitle()),
        "tasks": tasks,
        "resources": [
            {"uid": int(r.getUniqueID()), "name": _text(r.getName()), "initials": _text(r.getInitials()),
             "type": str(r.getType())}
            for r in project.getResources() if r.getUniqueID() is not None and int(r.getUniqueID()) > 0
        ],
        "assignments": [
            {"task": int(a.getTask().getUniqueID()), "resource": int(a.getResource().getUniqueID()),
             "units": _number(a.getUnits())}
            for a in project.getResourceAssignments()
        ],
        "working": {day: bool(calendar.isWorkingDate(LocalDate.parse(day))) for day in days},
        "schema_problems": schema_order_problems(path),
    }


def main() -> None:
    import jpype
    import mpxj  # noqa: F401  (puts MPXJ's jars on the class path)

    files = json.load(sys.stdin)  # {path: [dates to ask the calendar about]}
    jpype.startJVM()
    print(json.dumps({path: read(path, days) for path, days in files.items()}))


if __name__ == "__main__":
    main()
