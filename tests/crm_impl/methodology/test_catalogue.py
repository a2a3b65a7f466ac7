"""The catalogue API and the nine-phase template, checked against methodology.md.

Expectations are literals copied from the document (§2, §2.11, §3, §3.5), not read back
from the data files, so a wrong data file fails here.
"""

from __future__ import annotations

import dataclasses

import networkx as nx
import pytest

from crm_impl.errors import ValidationError
from crm_impl.methodology import (
    DEFAULT_TEMPLATE_ID,
    Template,
    get_template,
    list_templates,
    role,
    roles,
)

from .network import forward_pass, task_graph

# §2.1: id, English name, Chinese name, gate at the end.
NINE_PHASES = [
    ("P1", "Project preparation", "项目准备", "G1"),
    ("P2", "Project kickoff", "项目启动", "G2"),
    ("P3", "Preliminary business blueprint", "业务蓝图的初步确定", "G3"),
    ("P4", "Software installation and prototype testing", "软件安装与原型测试", None),
    ("P5", "Final business blueprint", "业务蓝图的最终确定", "G4"),
    ("P6", "Secondary development and confirmation", "二次开发与确认", "G5a"),
    ("P7", "User training and go-live preparation", "用户培训与上线准备", "G5"),
    ("P8", "New-system cut-over", "新系统切换", "G6"),
    ("P9", "New-system support", "新系统支持", "G7"),
]

# §3.5, row by row; columns P1..P9.
RACI_35 = {
    "V_PM": "C R C C C C C R C",
    "V_BC": "C C R C R C I C C",
    "V_PC": "C I C R C R R C I",
    "V_TC": "C I I R C R C R R",
    "E_SC": "A C A I A I I A I",
    "E_PM": "R A/R C A C A A R A",
    "E_SIG": "R C R C R C C C C",
    "E_TG": "C C C R C R R R R",
    "E_KU": "C I C R C R R R R",
    "E_EU": "I I I I I I R R C",
}

# §2.11 indicative shares; P9 is open-ended.
DURATION_SHARES = {"P1": 0.17, "P2": 0.05, "P3": 0.17, "P4": 0.06, "P5": 0.05, "P6": 0.25,
                   "P7": 0.12, "P8": 0.13, "P9": None}

# §3.1/§3.2 role ids with their side and the Chinese role name.
ROLES = {
    "V_PM": ("vendor", "项目经理"),
    "V_BC": ("vendor", "业务顾问"),
    "V_PC": ("vendor", "产品顾问"),
    "V_TC": ("vendor", "技术顾问"),
    "E_SC": ("enterprise", "项目决策委员会"),
    "E_PM": ("enterprise", "项目经理"),
    "E_SIG": ("enterprise", "专业实施小组"),
    "E_TG": ("enterprise", "技术小组"),
    "E_KU": ("enterprise", "关键用户"),
    "E_EU": ("enterprise", "最终用户"),
}

# Mandatory deliverables per phase: §2.2–§2.10 lists, and phases.json where §2 gives none.
MANDATORY_DELIVERABLE_COUNT = {"P1": 7, "P2": 6, "P3": 5, "P4": 4, "P5": 5, "P6": 5, "P7": 4, "P8": 3,
                               "P9": 4}


@pytest.fixture(scope="module")
def nine() -> Template:
    return get_template("nine_phase")


def phase_column(phase_id: str) -> dict[str, str]:
    index = int(phase_id[1]) - 1
    return {role_id: row.split()[index] for role_id, row in RACI_35.items()}


# --------------------------------------------------------------------------- API


def test_list_templates_has_the_default_first():
    templates = list_templates()
    assert [t.id for t in templates] == ["nine_phase", "seven_step"]
    assert DEFAULT_TEMPLATE_ID == "nine_phase"
    assert templates[0].name_zh == "九阶段实施方法"
    assert all(t.name and t.name_zh and t.description and t.description_zh for t in templates)


def test_list_templates_returns_a_fresh_list():
    list_templates().clear()
    assert len(list_templates()) == 2


def test_get_template_unknown_id_names_the_field():
    with pytest.raises(ValidationError) as caught:
        get_template("waterfall")
    assert caught.value.field == "template"
    assert "waterfall" in str(caught.value)


def test_templates_are_frozen(nine):
    with pytest.raises(dataclasses.FrozenInstanceError):
        nine.name = "changed"  # type: ignore[misc]
    with pytest.raises(TypeError):
        nine.phase("P1").raci["E_SC"] = "R"  # type: ignore[index]


def test_lookups_by_key(nine):
    assert nine.task("P2.01").phase_id == "P2"
    assert nine.deliverable("P3.D5").name_zh == "CRM流程优化报告"
    assert nine.gate("G5a").phase_id == "P6"
    with pytest.raises(KeyError):
        nine.task("P0.01")


# --------------------------------------------------------------------------- roles


def test_all_ten_roles_with_side_and_chinese_name():
    found = {r.id: r for r in roles()}
    assert set(found) == set(ROLES)
    for role_id, (side, name_zh) in ROLES.items():
        assert found[role_id].side == side
        assert name_zh in found[role_id].name_zh
        assert found[role_id].responsibilities
        assert len(found[role_id].responsibilities) == len(found[role_id].responsibilities_zh)


def test_committee_includes_vendor_senior_managers():
    # §3.2: enterprise leaders plus the vendor's senior managers.
    assert "供应商" in role("E_SC").members_zh


def test_unknown_role_names_the_field():
    with pytest.raises(ValidationError) as caught:
        role("CEO")
    assert caught.value.field == "role"


# --------------------------------------------------------------------------- phases


def test_nine_phases_in_order_with_exact_names(nine):
    assert [(p.id, p.order, p.name, p.name_zh) for p in nine.phases] == [
        (pid, i, name, name_zh) for i, (pid, name, name_zh, _) in enumerate(NINE_PHASES, start=1)
    ]


def test_gates_where_section_2_1_puts_them(nine):
    assert {p.id: p.gate.id if p.gate else None for p in nine.phases} == {
        pid: gate for pid, _, _, gate in NINE_PHASES
    }
    assert [g.id for g in nine.gates] == ["G1", "G2", "G3", "G4", "G5a", "G5", "G6", "G7"]
    assert not any(g.proposed for g in nine.gates)


def test_duration_shares(nine):
    assert {p.id: p.duration_share for p in nine.phases} == DURATION_SHARES


@pytest.mark.parametrize("role_id", list(RACI_35))
def test_phase_raci_row_equals_section_3_5(nine, role_id):
    assert [p.raci[role_id] for p in nine.phases] == RACI_35[role_id].split()


def test_one_accountable_per_phase(nine):
    expected = {"P1": "E_SC", "P2": "E_PM", "P3": "E_SC", "P4": "E_PM", "P5": "E_SC", "P6": "E_PM",
                "P7": "E_PM", "P8": "E_SC", "P9": "E_PM"}
    for phase in nine.phases:
        assert [r for r, v in phase.raci.items() if v in ("A", "A/R")] == [expected[phase.id]]
        assert phase.accountable == expected[phase.id]


# --------------------------------------------------------------------------- tasks


def test_p2_has_the_s0_verbatim_tasks(nine):
    # §2.3, S0 verbatim list.
    names = {(t.name, t.name_zh) for t in nine.phase("P2").tasks}
    assert {
        ("Establish the project organisation", "建立项目组织"),
        ("Make the project plan", "制定项目计划"),
        ("Make the training plan", "制定培训计划"),
        ("Determine project goals and training methods", "确定项目目标和培训方法"),
    } <= names


@pytest.mark.parametrize(
    ("phase_id", "s0_names"),
    [
        ("P3", ["现有政策和业务流程分析和诊断", "描绘业务蓝图"]),
        ("P6", ["软件更改", "其他更改"]),
        ("P9", ["对系统进行调整并提供继续支持", "检测新系统运行结果"]),
    ],
)
def test_s0_phases_start_tasks_with_the_seed_wording(nine, phase_id, s0_names):
    names = [t.name_zh for t in nine.phase(phase_id).tasks]
    for s0 in s0_names:
        assert any(name.startswith(s0) for name in names), s0


def test_task_roles_are_allowed_by_the_section_3_5_column(nine):
    for task in nine.tasks:
        column = phase_column(task.phase_id)
        for role_id in task.role_ids:
            assert column[role_id] != "–", (task.key, role_id)


def test_three_point_estimates(nine):
    for task in nine.tasks:
        assert 0 <= task.optimistic <= task.most_likely <= task.pessimistic, task.key
        if task.milestone:
            assert (task.optimistic, task.most_likely, task.pessimistic) == (0, 0, 0), task.key
        else:
            assert task.optimistic >= 1, task.key


def test_predecessors_are_known_and_of_allowed_types(nine):
    keys = {t.key for t in nine.tasks}
    for task in nine.tasks:
        for pred in task.predecessors:
            assert pred.task in keys and pred.task != task.key, (task.key, pred.task)
            assert pred.type in ("FS", "SS", "FF", "SF")


def test_each_gated_phase_ends_with_its_gate_milestone(nine):
    schedule = forward_pass(nine)
    for phase in nine.phases:
        gate_tasks = [t for t in phase.tasks if t.milestone and t.gate]
        if phase.gate is None:
            assert gate_tasks == []
            continue
        (gate_task,) = gate_tasks
        assert gate_task.key == f"{phase.id}.{phase.gate.id}"
        assert gate_task.gate == phase.gate.id
        assert schedule[gate_task.key][1] == max(schedule[t.key][1] for t in phase.tasks)


def test_cpm_length_is_six_to_nine_months(nine):
    finish = max(ef for _, ef in forward_pass(nine).values())
    # 21 working days a month.
    assert 6 * 21 <= finish <= 9 * 21


def test_phases_overlap_as_section_2_11_says(nine):
    schedule = forward_pass(nine)
    span = {p.id: (min(schedule[t.key][0] for t in p.tasks), max(schedule[t.key][1] for t in p.tasks))
            for p in nine.phases}
    # P4 installation can start during P3; P7 material preparation during P6.
    assert span["P4"][0] < span["P3"][1]
    assert span["P7"][0] < span["P6"][1]
    # Otherwise the phases run in order.
    starts = [span[p.id][0] for p in nine.phases]
    assert starts == sorted(starts)


def test_size_resembles_the_sample_plans(nine):
    # The samples have 35-40 tasks; the template is their superset with every doc task.
    assert 35 <= len(nine.tasks) <= 60
    assert all(len(p.tasks) >= 2 for p in nine.phases)


def test_network_is_acyclic_and_connected(nine):
    graph = task_graph(nine)
    assert set(graph) == {t.key for t in nine.tasks}
    assert nx.is_directed_acyclic_graph(graph)
    # One start and one end: the plan is a single network, not loose islands.
    assert [n for n in graph if graph.in_degree(n) == 0] == ["P1.01"]
    assert [n for n in graph if graph.out_degree(n) == 0] == ["P9.G7"]


# --------------------------------------------------------------------------- deliverables


def test_every_mandatory_deliverable_is_produced_by_a_task(nine):
    produced = {key for task in nine.tasks for key in task.deliverables}
    for item in nine.deliverables:
        if item.mandatory:
            assert item.key in produced, item.key


def test_mandatory_deliverables_per_phase(nine):
    counts = {p.id: sum(d.mandatory for d in p.deliverables) for p in nine.phases}
    assert counts == MANDATORY_DELIVERABLE_COUNT


def test_deliverable_raci_has_one_a_and_an_r(nine):
    for item in nine.deliverables:
        letters = list(item.raci.values())
        assert letters.count("A") == 1, item.key
        assert "R" in letters, item.key
        assert set(letters) <= {"R", "A", "C", "I"}
        assert item.raci[item.owner] in ("R", "A")
        assert item.accountable in item.raci


def test_named_deliverables_of_the_document(nine):
    names = {d.name_zh for d in nine.deliverables}
    # §2.4 S0: the business consultant's report; §2.6 S4: the migration SOP.
    assert {"CRM流程优化报告", "数据迁移SOP", "POC验证报告", "合同"} <= names
