"""The "seven basic steps" template (methodology §2.12, S0 ch. 12) in the same schema."""

from __future__ import annotations

import networkx as nx
import pytest

from crm_impl.methodology import NOT_INVOLVED, Template, get_template

from .network import forward_pass, task_graph

# §2.12 order; Chinese wording of the S0 list (reference/phases.json basic_steps_7).
SEVEN_STEPS = [
    ("S1", "组建CRM项目团队及立项启动"),
    ("S2", "确定CRM系统的实施目标和范围"),
    ("S3", "优化和重组业务流程及组织机构"),
    ("S4", "设计CRM系统架构及选择CRM产品提供商"),
    ("S5", "CRM系统的开发与安装"),
    ("S6", "CRM系统的交付使用"),
    ("S7", "CRM系统的绩效评估"),
]
VENDOR_ROLES = ("V_PM", "V_BC", "V_PC", "V_TC")


@pytest.fixture(scope="module")
def seven() -> Template:
    return get_template("seven_step")


def test_seven_steps_in_the_documents_order(seven):
    assert [(p.id, p.order, p.name_zh) for p in seven.phases] == [
        (pid, i, name) for i, (pid, name) in enumerate(SEVEN_STEPS, start=1)
    ]


def test_vendor_selection_is_step_4_after_reengineering(seven):
    step4 = seven.phase("S4")
    assert "select the vendor" in step4.name
    assert any("Vendor evaluation" in t.name for t in step4.tasks)
    assert any(t.name_zh.startswith("POC验证") for t in step4.tasks)
    earlier = [t for p in seven.phases[:3] for t in p.tasks]
    assert not any("vendor" in t.name.lower() or "供应商" in t.name_zh for t in earlier)


def test_vendor_roles_are_not_involved_before_the_vendor_is_chosen(seven):
    for phase in seven.phases[:3]:
        assert all(phase.raci[r] == NOT_INVOLVED for r in VENDOR_ROLES), phase.id
        for task in phase.tasks:
            assert not task.role_ids & set(VENDOR_ROLES), task.key
    assert all(seven.phase("S5").involved(r) for r in VENDOR_ROLES)


def test_task_roles_are_involved_in_their_step(seven):
    for phase in seven.phases:
        for task in phase.tasks:
            for role_id in task.role_ids:
                assert phase.raci[role_id] != NOT_INVOLVED, (task.key, role_id)


def test_one_accountable_per_step_and_deliverable(seven):
    for phase in seven.phases:
        assert [r for r, v in phase.raci.items() if v in ("A", "A/R")] == [phase.accountable]
        for item in phase.deliverables:
            assert list(item.raci.values()).count("A") == 1, item.key
            assert "R" in item.raci.values(), item.key


def test_every_step_has_a_proposed_gate_closing_it(seven):
    schedule = forward_pass(seven)
    for phase in seven.phases:
        assert phase.gate is not None and phase.gate.proposed, phase.id
        (gate_task,) = [t for t in phase.tasks if t.gate == phase.gate.id]
        assert gate_task.milestone and gate_task.most_likely == 0
        assert schedule[gate_task.key][1] == max(schedule[t.key][1] for t in phase.tasks)


def test_go_live_gate_uses_the_section_9_thresholds(seven):
    criteria = {c.kpi: (c.comparison, c.threshold) for c in seven.gate("SG6").criteria if c.kpi}
    assert criteria == {
        "training_coverage": (">=", 1.0),
        "data_validation_pass_rate": (">=", 0.995),
        "parallel_run_consistency": (">", 0.95),
    }


def test_network_is_acyclic_and_six_to_nine_months(seven):
    graph = task_graph(seven)
    assert set(graph) == {t.key for t in seven.tasks}
    assert nx.is_directed_acyclic_graph(graph)
    finish = max(ef for _, ef in forward_pass(seven).values())
    assert 6 * 21 <= finish <= 9 * 21


def test_every_mandatory_deliverable_is_produced(seven):
    produced = {key for task in seven.tasks for key in task.deliverables}
    assert all(d.key in produced for d in seven.deliverables if d.mandatory)
