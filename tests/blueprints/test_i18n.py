"""Both languages: selection (account, session, browser) and locale formatting of dates and money."""

from datetime import date

from flask_babel import force_locale


def test_dates_and_money_follow_the_locale(app):
    with app.test_request_context():
        filters = app.jinja_env.filters
        with force_locale("en"):
            assert filters["date"](date(2025, 3, 3)) == "Mar 3, 2025"
            assert filters["money"](1234567.5, "CNY") == "CN¥1,234,567.50"
        with force_locale("zh_Hans"):
            assert filters["date"](date(2025, 3, 3)) == "2025年3月3日"
            assert filters["money"](1234567.5, "CNY") == "¥1,234,567.50"
            assert filters["percent"](0.25) == "25%"
        assert filters["money"](None) == "—"


def test_browser_language_is_the_default_for_visitors(client):
    page = client.get("/auth/login", headers={"Accept-Language": "zh-CN,zh;q=0.9"})
    assert '<html lang="zh-Hans">' in page.text and "登录" in page.text
    page = client.get("/auth/login", headers={"Accept-Language": "en-US"})
    assert '<html lang="en">' in page.text


def test_switching_language_is_kept_for_the_session_and_on_the_account(client, login, user, db):
    response = client.post("/language/zh_Hans", data={"next": "/auth/login"})
    assert response.status_code == 302 and response.headers["Location"] == "/auth/login"
    assert "登录" in client.get("/auth/login").text
    login()
    client.post("/language/en", data={"next": "//evil.example/"})  # never leaves the site
    db.expire_all()
    assert user.locale == "en"
    client.post("/language/zh_Hans", data={"next": "/projects/"})
    db.expire_all()
    assert user.locale == "zh_Hans"
    assert "新建项目" in client.get("/projects/").text


def test_unsafe_redirect_targets_are_refused(client):
    response = client.post("/language/en", data={"next": "https://evil.example/"})
    assert response.headers["Location"] == "/"


def test_a_chinese_session_reads_chinese_reasons(client, login, user, load_sample, db):
    """A bad predecessor, a cycle, a stale edit and a refused gate decision, each in Chinese."""
    project = load_sample(user)
    login()
    client.post("/language/zh_Hans", data={"next": "/projects/"})
    task = project.tasks[1]
    url = f"/projects/{project.id}/plan/tasks/{task.id}/quick"

    bad = client.post(url, data={"duration": task.duration, "predecessors": "NOPE", "version": task.version})
    assert bad.status_code == 422 and "未知任务 &#39;NOPE&#39;" in bad.text
    assert "unknown task" not in bad.text

    successor = next(d.succ for d in project.dependencies if d.pred is task)
    cycle = client.post(url, data={"duration": task.duration, "predecessors": successor.key, "version": task.version})
    assert cycle.status_code == 422 and "依赖关系存在循环" in cycle.text and "dependency cycle" not in cycle.text

    stale = client.post(url, data={"duration": task.duration, "predecessors": "", "version": task.version - 1})
    assert stale.status_code == 409 and "其他人修改了此记录" in stale.text

    gate = next(g for g in project.gates if g.gate_id == "G1")
    refused = client.post(f"/projects/{project.id}/phases/gates/{gate.id}/decision",
                          data={"version": gate.version, "decision": "pass", "conditions": ""})
    assert refused.status_code == 422
    assert "必需交付物尚未签署，不能通过" in refused.text and "cannot pass" not in refused.text


def test_what_a_chinese_reader_sees_is_chinese(client, login, user, load_sample, db):
    """Sample title and objectives, KPI names, seeded risk responses, baseline task names, the audit trail."""
    from tests.conftest import SAMPLES

    project = load_sample(user, next(p for p in SAMPLES if "retail" in p.stem))
    login()
    client.post("/language/zh_Hans", data={"next": "/projects/"})
    base = f"/projects/{project.id}"
    overview = client.get(f"{base}/").text
    assert "手机零售连锁企业的会员与服务CRM项目" in overview and "提升客户服务水平和客户忠诚度" in overview
    assert "seed 0" not in overview.lower()
    assert "复购率" in client.get(f"{base}/status/").text
    risks = client.get(f"{base}/risks/").text
    assert "集成要求高" in risks and project.risks[0].response_zh[:20] in risks
    assert project.risks[0].response[:40] not in risks
    baselines = client.get(f"{base}/schedule/baselines").text
    assert project.tasks[0].name_zh in baselines
    client.post(f"{base}/risks/{project.risks[0].id}/edit", data={
        "title": project.risks[0].title, "probability": 4, "impact": 4, "status": "open",
        "version": project.risks[0].version})
    trail = client.get(f"{base}/audit").text.split('data-testid="audit"')[1]
    assert "风险" in trail and "已修改" in trail and "概率" in trail and "已导入" in trail
    assert "probability" not in trail and "Risk" not in trail
    filtered = client.get(f"{base}/audit?action=import").text.split('data-testid="audit"')[1]
    assert "已导入" in filtered and "已修改" not in filtered
