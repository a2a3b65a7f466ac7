"""The domain errors: field and reason, rendering in the reader's language, cycles, file problems."""

import pytest

from crm_impl.errors import (
    ConflictError,
    CrmImplError,
    ProjectFileError,
    ScheduleCycleError,
    ScheduleError,
    StaleEditError,
    ValidationError,
)
from crm_impl.i18n import Message, msg


def test_validation_error_is_field_then_reason():
    error = ValidationError("unknown task %(task)r", "predecessors", task="X")
    assert str(error) == "predecessors: unknown task 'X'"
    assert (error.field, error.reason) == ("predecessors", "unknown task 'X'")
    assert error.message == Message("unknown task %(task)r", {"task": "X"})
    bare = ValidationError("is required")
    assert str(bare) == "is required" and bare.field is None


def test_validation_error_in_chinese():
    error = ValidationError("unknown task %(task)r", field="predecessors", task="X")
    assert error.localized("zh_Hans") == "predecessors: 未知任务 'X'"
    assert error.localized_reason("zh_Hans") == "未知任务 'X'"
    assert error.localized_reason("en") == "unknown task 'X'"
    assert ValidationError("is required").localized("zh_CN") == "必填"


def test_a_message_given_as_message_keeps_and_merges_its_params():
    error = ValidationError(msg("unknown task %(task)r", task="A"), "key")
    assert error.reason == "unknown task 'A'"
    overridden = ValidationError(msg("unknown task %(task)r", task="A"), "key", task="B")
    assert overridden.reason == "unknown task 'B'"
    assert CrmImplError("unknown task %(task)r", task="Z").localized("zh_Hans") == "未知任务 'Z'"


def test_schedule_cycle_error_names_the_cycle_in_order():
    error = ScheduleCycleError(["B", "C", "A"])
    assert isinstance(error, ScheduleError) and isinstance(error, ValidationError)
    assert error.cycle == ["B", "C", "A"] and error.field == "dependencies"
    assert str(error) == "dependencies: dependency cycle: B → C → A → B"
    assert error.localized("zh_Hans") == "dependencies: 依赖关系存在循环：B → C → A → B"
    assert ScheduleCycleError([]).reason == "dependency cycle: ?"


def test_project_file_error_lists_every_problem():
    error = ProjectFileError([("tasks[3].duration", msg("unknown task %(task)r", task="R9")),
                              ("", "-2 is less than the minimum of 0")])
    assert error.lines() == ["tasks[3].duration: unknown task 'R9'", "(file): -2 is less than the minimum of 0"]
    assert error.lines("zh_Hans") == ["tasks[3].duration: 未知任务 'R9'", "(file): -2 is less than the minimum of 0"]
    assert str(error).splitlines() == ["invalid project file:", *error.lines()]
    chinese = error.localized("zh_Hans")
    assert chinese.startswith("项目文件无效") and chinese.splitlines()[1:] == error.lines("zh_Hans")


def test_stale_edit_error_has_a_default_message():
    error = StaleEditError()
    assert str(error).startswith("someone else changed this record since you opened it")
    assert "Reload" in str(error)
    assert error.localized("zh_Hans").startswith("在您打开后，其他人修改了此记录")
    assert str(StaleEditError("the plan moved on")) == "the plan moved on"


@pytest.mark.parametrize("cls", [ConflictError, ScheduleError])
def test_subclasses_of_validation_error_keep_the_field(cls):
    error = cls("is required", field="name")
    assert isinstance(error, ValidationError) and str(error) == "name: is required"
