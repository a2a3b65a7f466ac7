"""Vendor-selection pages through the app (SQLite and PostgreSQL): the sample's results, building a
selection, refusals that save nothing, and who sees which score sheet."""

from __future__ import annotations

import io
import re

import pytest

from crm_impl.models import AhpComparison, CriteriaGroup, MemberRole, ShortlistedVendor, VendorScore, VendorSelection
from crm_impl.operations.members import add_member
from crm_impl.vendors.ahp import scale_label
from tests.conftest import SAMPLES

pytestmark = pytest.mark.db

PHARMA = next(p for p in SAMPLES if "pharma" in p.stem)


def test_sample_results_show_ranking_knockout_topsis_sensitivity_and_charts(client, login, user, load_sample):
    project = load_sample(user, PHARMA)
    login()
    page = client.get(f"/projects/{project.id}/vendors/results")
    assert page.status_code == 200
    text = page.text
    ranking = text[text.index('data-testid="ranking"'):text.index('data-testid="agreement"')]
    assert ranking.index("ErpLink") < ranking.index("CloudOne") < ranking.index("SmartSME")
    assert "Disqualified" in text and "Security scored 2.17, under the knock-out minimum of 3" in text
    assert ("The weighted sum and TOPSIS agree: ErpLink CRM (domestic ERP-integrated suite) ranks first in both."
            in text and "disagree" not in text)
    assert text.count("Plotly.newPlot") == 5 and "cdn.plot.ly" not in text
    assert "Winner changes at" in text and 'data-testid="consolidated"' in text
    assert "ErpLink CRM (domestic ERP-integrated suite) leads the runner-up by 0.320 points of 5." in text
    assert "The smallest weight change that hands the lead to another vendor: Analytics and AI prediction" in text
    assert "Vendor selection" in client.get(f"/projects/{project.id}/").text  # linked from the navigation
    # Group subtotals: each vendor's row, in the groups' order, adds up to its total (to rounding).
    table = text[text.index('data-testid="group-subtotals"'):]
    table = table[:table.index("</table>")]
    rows = dict(re.findall(r'<tr data-vendor="([^"]+)">(.*?)</tr>', table, re.S))
    cells = {key: [float(x) for x in re.findall(r'<td class="text-end[^"]*">([\d.]+)</td>', row)]
             for key, row in rows.items()}
    assert cells["erp_suite"] == [1.063, 0.907, 0.714, 0.323, 0.323, 0.152, 0.356, 3.838]
    assert cells["smb_suite"] == [0.847, 0.675, 0.566, 0.269, 0.377, 0.266, 0.807, 3.807]
    assert all(abs(sum(row[:-1]) - row[-1]) < 0.004 for row in cells.values()) and len(cells) == 3
    client.post("/language/zh_Hans", data={"next": "/projects/"})
    chinese = client.get(f"/projects/{project.id}/vendors/results").text
    assert "安全性 得分 2.17，低于淘汰下限 3" in chinese and "敏感性：另一供应商胜出时的权重" in chinese
    # Chart titles travel inside the figure's JSON, escaped.
    assert "供应商在CRM-7各领域上的得分".encode("unicode_escape").decode("ascii") in chinese


def test_the_results_say_when_topsis_picks_another_winner(client, login, user, load_sample):
    project = load_sample(user, next(p for p in SAMPLES if "automotive" in p.stem))
    login()
    text = client.get(f"/projects/{project.id}/vendors/results").text
    agreement = text[text.rindex("<div", 0, text.index('data-testid="agreement"')):]
    agreement = agreement[:agreement.index("</div>")]
    assert ("The weighted sum and TOPSIS disagree on the winner (ErpLink CRM (domestic ERP-integrated suite) / "
            "SmartSME CRM (SMB-friendly suite)): the call is close.") in agreement and "alert-warning" in agreement


def test_every_page_of_the_sample_answers(client, login, user, load_sample):
    project = load_sample(user, PHARMA)
    selection = project.vendor_selection
    login()
    base = f"/projects/{project.id}/vendors"
    for path in ["/", "/criteria", "/ahp", "/ahp?node=functions", "/sheets", "/results", "/settings",
                 "/vendors/new", f"/criteria/{selection.criteria[0].id}/edit",
                 f"/vendors/{selection.vendors[0].id}/edit"]:
        assert client.get(base + path).status_code == 200, path
    quotation = client.get(f"{base}/vendors/{selection.vendors[0].id}/quotation")
    assert quotation.status_code == 200 and b"Quotation" in quotation.data
    assert client.get(f"{base}/ahp?node=nowhere").status_code == 404
    assert client.get(f"{base}/ahp?node=consulting").status_code == 404  # one criterion: nothing to compare
    ahp = client.get(f"{base}/ahp").text
    assert "Shen Guoliang (steering)" in ahp and "Jiang Ning (IT)" in ahp and 'data-testid="group-cr"' in ahp
    assert 'data-testid="group-matrix"' in ahp
    # The criteria page shows each direct weight as a share of the whole: the methodology's group
    # weights, and a group's share split over its criteria (technology: 20 % over six).
    criteria = client.get(base + "/criteria").text
    groups = re.findall(r'data-testid="group-share">([^<]*)</td>', criteria)
    assert groups == ["30.0 %", "20.0 %", "15.0 %", "10.0 %", "8.0 %", "7.0 %", "10.0 %"]
    shares = re.findall(r'data-testid="criterion-share">([^<]*)</td>', criteria)
    assert len(shares) == 22 and shares.count("3.3 %") == 6
    assert sum(float(x.rstrip(" %")) for x in shares) == pytest.approx(100, abs=0.05 * len(shares))  # to rounding


def _start(client, project):
    base = f"/projects/{project.id}/vendors"
    assert client.post(f"{base}/settings", data={"title": "CRM product", "weighting": "direct",
                                                 "horizon_years": "3"}).status_code == 302
    return base


def test_build_a_selection_and_refusals_save_nothing(client, login, user, load_sample, db):
    project = load_sample(user)
    db.delete(project.vendor_selection)
    db.commit()
    login()
    base = _start(client, project)
    db.expire_all()
    selection = db.query(VendorSelection).filter_by(project_id=project.id).one()
    assert len(selection.criteria) == 22

    vendor = {"key": "cloud", "name": "Cloud leader", "licence_cost": "1000000", "implementation_cost": "500000",
              "running_cost_per_year": "200000", "figure__implementation_time": "9",
              "quotation": (io.BytesIO(b"%PDF-1.4 quote"), "quote.pdf")}
    assert client.post(f"{base}/vendors/new", data=vendor, content_type="multipart/form-data").status_code == 302
    stored = db.query(ShortlistedVendor).filter_by(key="cloud").one()
    assert (stored.quotation_file_name, stored.figures) == ("quote.pdf", {"implementation_time": 9.0})
    again = client.post(f"{base}/vendors/new", data={**vendor, "quotation": (io.BytesIO(b"x"), "q.pdf"), "name": "Two"},
                        content_type="multipart/form-data")
    assert again.status_code == 422 and "listed twice" in again.text
    negative = client.post(f"{base}/vendors/new", data={"key": "neg", "name": "Neg", "licence_cost": "-5"})
    assert negative.status_code == 422
    assert db.query(ShortlistedVendor).filter_by(selection_id=selection.id).count() == 1

    db.expire_all()
    selection = db.get(VendorSelection, selection.id)
    weights = {f"w__{g.key}": "0" for g in selection.groups} | {f"w__{c.key}": "1" for c in selection.criteria}
    zero = client.post(f"{base}/weights", data={**weights, "version": selection.version})
    assert zero.status_code == 422 and "sum to zero" in zero.text
    db.expire_all()
    assert db.query(CriteriaGroup).filter_by(key="functions", selection_id=selection.id).one().weight == 0.3
    weights["w__functions"] = "50"
    ok = client.post(f"{base}/weights", data={**weights, "version": selection.version})
    assert ok.status_code == 302
    db.expire_all()
    assert db.query(CriteriaGroup).filter_by(key="functions", selection_id=selection.id).one().weight == 50
    # Functions alone carry weight now: 100 %, split evenly over its eight criteria; every other 0.
    criteria = client.get(f"{base}/criteria").text
    assert re.findall(r'data-testid="group-share">([^<]*)</td>', criteria) == ["100.0 %"] + ["0.0 %"] * 6
    shares = re.findall(r'data-testid="criterion-share">([^<]*)</td>', criteria)
    assert shares == ["12.5 %"] * 8 + ["0.0 %"] * 14

    # AHP at the vendor group: four criteria, six pairs; an unknown value is refused.
    pairs = {f"p__{i}": "3" for i in range(6)}
    bad = client.post(f"{base}/ahp?node=vendor", data={"stakeholder": "CFO", **pairs, "p__2": "12"})
    assert bad.status_code == 422
    assert db.query(AhpComparison).count() == 0
    assert client.post(f"{base}/ahp?node=vendor", data={"stakeholder": "CFO", **pairs}).status_code == 302
    page = client.get(f"{base}/ahp?node=vendor&stakeholder=CFO").text
    assert "CFO" in page and 'data-testid="suggestion"' in page  # all "3": inconsistent, a suggestion shows
    # The group matrix (here CFO's alone) gets its suggested value, and the one comparison to revise.
    from crm_impl.operations.vendors import node_preview

    db.expire_all()
    preview = node_preview(db.get(VendorSelection, selection.id), "vendor")
    suggestion, revision = preview.result.suggestion, preview.revision
    group = page[page.index('data-testid="group-suggestion"'):]
    group = group[:group.index("</div>")]
    assert f"a group value of {scale_label(suggestion.suggested_value)} would lower the ratio to " \
           f"{suggestion.suggested_cr:.3f}" in group and "Nobody enters the group matrix" in group
    assert revision.stakeholder == "CFO" and revision.revised_cr < preview.result.consistency_ratio
    assert "If CFO compared " in group and f"as {scale_label(revision.revised_value)} instead of 3, the group’s " \
           f"ratio would fall to {revision.revised_cr:.3f}." in group
    assert db.query(AhpComparison).filter_by(stakeholder="CFO", node="vendor").count() == 6


def test_bad_criterion_is_refused(client, login, user, load_sample, db):
    project = load_sample(user, PHARMA)
    login()
    base = f"/projects/{project.id}/vendors"
    before = len(project.vendor_selection.criteria)
    form = {"key": "poc", "name": "POC", "group": "technology", "scale": "5", "knockout": "3", "weight": "1", "area": ""}
    closed = client.post(f"{base}/criteria/new", data=form)
    assert closed.status_code == 422 and "scoring is closed" in closed.text
    project.vendor_selection.scoring_closed = False
    db.commit()
    page = client.post(f"{base}/criteria/new", data={**form, "knockout": "7"})
    assert page.status_code == 422 and "must be from 1 to 5" in page.text
    unknown = client.post(f"{base}/criteria/new", data={**form, "key": "sales_automation"})
    assert unknown.status_code == 422 and "used more than once" in unknown.text
    db.expire_all()
    assert len(db.get(VendorSelection, project.vendor_selection.id).criteria) == before


def _sheet_fields(page) -> dict[str, str]:
    return {name: "" for name in re.findall(r'name="([sc]__[^"]+)"', page)}


def test_evaluators_see_and_edit_only_their_own_sheet_until_scoring_closes(client, login, make_user, load_sample, db):
    owner = make_user("pm@example.com")
    make_user("ann@example.com")
    make_user("bo@example.com")
    make_user("vi@example.com")
    project = load_sample(owner)
    db.delete(project.vendor_selection)
    db.commit()
    add_member(db, project, "ann@example.com", MemberRole.CONSULTANT)
    add_member(db, project, "bo@example.com", MemberRole.STEERING)
    add_member(db, project, "vi@example.com", MemberRole.VIEWER)
    db.commit()
    login()
    base = _start(client, project)
    for key in ("a", "b"):
        client.post(f"{base}/vendors/new", data={"key": key, "name": f"Vendor {key.upper()}",
                                                 "figure__implementation_time": "6", "licence_cost": "100"})
    members = {m.user.email: m.user_id for m in project.memberships}
    for email in ("ann@example.com", "bo@example.com"):
        assert client.post(f"{base}/evaluators", data={"user": members[email]}).status_code == 302
    viewer = client.post(f"{base}/evaluators", data={"user": members["vi@example.com"]})
    assert viewer.status_code == 302 and len(db.query(VendorSelection).one().evaluators) == 2
    client.post("/auth/logout")

    login("ann@example.com")
    page = client.get(f"{base}/sheet")
    assert page.status_code == 200
    fields = _sheet_fields(page.text)
    version = re.search(r'name="version" type="hidden" value="(\d+)"', page.text).group(1)
    ann = {**fields, **{k: "4" for k in fields if k.startswith("s__")}, "c__a__security": "a secret remark",
           "version": version}
    assert client.post(f"{base}/sheet", data=ann).status_code == 302
    assert len(re.findall(r'<input[^>]*name="s__[^"]+"[^>]*value="[^"]+"', client.get(f"{base}/sheet").text)) == 40
    out_of_scale = client.post(f"{base}/sheet", data={**ann, "s__b__security": "6", "version": str(int(version) + 1)})
    assert out_of_scale.status_code == 422
    client.post("/auth/logout")

    login("bo@example.com")
    own = client.get(f"{base}/sheet").text
    assert "secret remark" not in own
    assert not re.findall(r'<input[^>]*name="s__[^"]+"[^>]*value="[^"]+"', own)  # every cell of Bo's sheet empty
    sheets = client.get(f"{base}/sheets").text
    assert "secret remark" not in sheets and sheets.count('data-testid="sheet"') == 1
    assert 'data-testid="results-hidden"' in client.get(f"{base}/results").text
    audit = client.get(f"/projects/{project.id}/audit")
    assert audit.status_code == 200 and "secret remark" not in audit.text
    exported = client.get(f"/projects/{project.id}/export.json").get_json()["vendor_selection"]["evaluators"]
    assert [len(e["scores"]) for e in exported] == [0, 0] and "secret remark" not in str(exported)
    # Bo's post changes Bo's sheet only, whatever fields it names.
    bo_page = client.get(f"{base}/sheet").text
    bo_version = re.search(r'name="version" type="hidden" value="(\d+)"', bo_page).group(1)
    assert client.post(f"{base}/sheet", data={**fields, "s__a__security": "1", "version": bo_version}).status_code == 302
    client.post("/auth/logout")

    db.expire_all()
    scores = {(s.evaluator.name, s.vendor_key, s.criterion_key): s.value for s in db.query(VendorScore)}
    assert scores[("ann", "a", "security")] == 4 and scores[("bo", "a", "security")] == 1
    assert all(v == 4 for (name, *_), v in scores.items() if name == "ann")

    login("vi@example.com")
    assert client.get(f"{base}/sheet").status_code == 403  # a viewer's role cannot evaluate at all
    assert client.post(f"{base}/sheet", data=fields).status_code == 403
    assert client.post(f"{base}/scoring", data={"version": "1", "closed": "1"}).status_code == 403
    client.post("/auth/logout")

    login()  # the owner closes scoring; not an evaluator, so no sheet of their own
    assert 'data-testid="not-evaluator"' in client.get(f"{base}/sheet").text
    assert client.post(f"{base}/sheet", data=fields).status_code == 403
    selection = db.query(VendorSelection).one()
    assert client.post(f"{base}/scoring", data={"version": selection.version, "closed": "1"}).status_code == 302
    client.post("/auth/logout")

    login("bo@example.com")
    assert "a secret remark" in client.get(f"{base}/sheets").text
    assert "a secret remark" in client.get(f"/projects/{project.id}/export.json").text
    closed = client.post(f"{base}/sheet", data={**fields, "s__a__security": "5", "version": bo_version})
    assert closed.status_code in (409, 422)
    db.expire_all()
    assert db.query(VendorScore).filter_by(vendor_key="a", criterion_key="security").count() == 2
    results = client.get(f"{base}/results").text
    assert 'data-testid="ranking"' in results and 'data-testid="results-problem"' not in results
    # Ann's 4 and Bo's 1 on Vendor A's security average 2.5: under the knock-out minimum.
    assert "Vendor B" in results and "Security scored 2.5, under the knock-out minimum of 3" in results


def test_a_manager_who_evaluates_reads_only_their_own_sheet_until_scoring_closes(client, login, user, load_sample):
    """The owner closes scoring and scores too: before closing, no read path (file, sheets,
    results) shows them the other sheets; they see who has finished, not the values."""
    project = load_sample(user, PHARMA)
    login()
    base = f"/projects/{project.id}/vendors"
    selection = project.vendor_selection
    assert client.post(f"{base}/scoring", data={"version": selection.version, "closed": "0"}).status_code == 302
    assert client.post(f"{base}/evaluators", data={"user": user.id, "name": "PM"}).status_code == 302
    page = client.get(f"{base}/sheet").text
    fields = _sheet_fields(page)
    version = re.search(r'name="version" type="hidden" value="(\d+)"', page).group(1)
    own = {**fields, "s__smb_suite__security": "2", "c__smb_suite__security": "my own remark", "version": version}
    assert client.post(f"{base}/sheet", data=own).status_code == 302

    secret = "No GxP audit trail"  # a comment on another evaluator's sheet in the sample
    exported = client.get(f"/projects/{project.id}/export.json")
    evaluators = exported.get_json()["vendor_selection"]["evaluators"]
    assert {e["name"]: len(e["scores"]) for e in evaluators} == {"Qian Li": 0, "Jiang Ning": 0, "Du Juan": 0, "PM": 1}
    assert secret not in exported.text and "my own remark" in exported.text
    sheets = client.get(f"{base}/sheets").text
    assert sheets.count('data-testid="sheet"') == 1 and secret not in sheets and "my own remark" in sheets
    assert 'data-testid="results-hidden"' in client.get(f"{base}/results").text
    progress = client.get(f"{base}/").text  # who has finished: the counts, no value
    assert progress.count("60 / 60") == 3 and "1 / 60" in progress and secret not in progress

    assert client.post(f"{base}/scoring", data={"version": selection.version + 1, "closed": "1"}).status_code == 302
    assert secret in client.get(f"/projects/{project.id}/export.json").text
    assert client.get(f"{base}/sheets").text.count('data-testid="sheet"') == 4


def test_bad_input_through_a_real_server_gives_a_reason_not_a_500(live_client, user, load_sample, db):
    project = load_sample(user, PHARMA)
    client = live_client()
    base = f"/projects/{project.id}/vendors"
    selection = project.vendor_selection
    weights = {f"w__{g.key}": "x" for g in selection.groups}
    response = client.post(f"{base}/weights", data={**weights, "version": selection.version})
    assert response.status_code == 422
    response = client.post(f"{base}/vendors/new", data={"key": "bad key!", "name": "X"})
    assert response.status_code == 422 and "letters, digits" in response.text
    response = client.post(f"{base}/ahp?node=root", data={"stakeholder": ""})
    assert response.status_code == 422


def test_add_and_delete_a_group(client, login, user, load_sample, db):
    project = load_sample(user, PHARMA)
    login()
    base = f"/projects/{project.id}/vendors"
    selection = project.vendor_selection
    roots = sum(c.node == "root" for c in selection.comparisons)
    assert roots == 42  # two stakeholders × 21 pairs of seven groups
    assert client.post(f"{base}/groups", data={"key": "poc", "name": "POC result", "weight": "0.1"}).status_code == 302
    db.expire_all()
    selection = db.get(VendorSelection, selection.id)
    assert [g.key for g in selection.groups][-1] == "poc"
    assert not [c for c in selection.comparisons if c.node == "root"]  # the groups' matrix must be compared again
    results = client.get(f"{base}/results").text
    assert 'data-testid="results-problem"' in results and "nobody compared the items of root" in results
    duplicate = client.post(f"{base}/groups", data={"key": "functions", "name": "Again", "weight": "1"})
    assert duplicate.status_code == 422 and "used more than once" in duplicate.text
    full = next(g for g in selection.groups if g.key == "functions")
    client.post(f"{base}/groups/{full.id}/delete")
    db.expire_all()
    assert any(g.key == "functions" for g in db.get(VendorSelection, selection.id).groups)  # refused: it has criteria
    poc = next(g for g in selection.groups if g.key == "poc")
    assert client.post(f"{base}/groups/{poc.id}/delete").status_code == 302
    db.expire_all()
    assert [g.key for g in db.get(VendorSelection, selection.id).groups][-1] == "cost"


def test_a_vendor_nobody_scored_is_named_on_the_results_page_with_the_criterion(client, login, user, load_sample, db):
    """Short-listed after the sheets were filled: the results say which vendor lacks which score,
    the criterion named as the page names it, in the reader's language; nothing else changes."""
    project = load_sample(user, PHARMA)
    login()
    base = f"/projects/{project.id}/vendors"
    selection = project.vendor_selection
    assert client.post(f"{base}/scoring", data={"version": selection.version, "closed": "0"}).status_code == 302
    late = {"key": "newco", "name": "NewCo CRM", "name_zh": "新科CRM", "figure__implementation_time": "6",
            "licence_cost": "500000"}
    assert client.post(f"{base}/vendors/new", data=late).status_code == 302
    assert client.post(f"{base}/scoring", data={"version": selection.version + 1, "closed": "1"}).status_code == 302
    page = client.get(f"{base}/results")
    assert page.status_code == 200 and 'data-testid="results-problem"' in page.text
    assert "vendor NewCo CRM has no score on Customer management" in page.text
    assert "customer_management" not in page.text.split('data-testid="results-problem"')[1].split("</div>")[0]
    client.post("/language/zh_Hans", data={"next": "/projects/"})
    assert "供应商 新科CRM 在 客户管理 上没有评分" in client.get(f"{base}/results").text
    # A vendor with neither scores nor figures: "no scores" at all.
    assert client.post(f"{base}/scoring", data={"version": selection.version + 2, "closed": "0"}).status_code == 302
    assert client.post(f"{base}/vendors/new", data={"key": "blank", "name": "Blank CRM"}).status_code == 302
    db.expire_all()
    stored = db.get(VendorSelection, selection.id)
    stored.vendors.remove(next(v for v in stored.vendors if v.key == "newco"))
    stored.scoring_closed = True
    db.commit()
    client.post("/language/en", data={"next": "/projects/"})
    assert "vendor Blank CRM has no scores" in client.get(f"{base}/results").text
    db.expire_all()
    assert len(db.get(VendorSelection, selection.id).evaluators[0].scores) == 60  # the sheets are untouched


def test_rename_a_group_with_a_stale_edit_refused(client, login, user, load_sample, db):
    project = load_sample(user, PHARMA)  # scoring is closed: a name changes no result, so renaming is allowed
    login()
    base = f"/projects/{project.id}/vendors"
    group = next(g for g in project.vendor_selection.groups if g.key == "vendor")
    key, weight, version = group.key, group.weight, group.version
    form = client.get(f"{base}/groups/{group.id}/edit")
    assert form.status_code == 200 and f'value="{group.name}"' in form.text
    assert f"/groups/{group.id}/edit" in client.get(f"{base}/criteria").text  # linked from the tree
    renamed = {"name": "Vendor strength", "name_zh": "供应商实力", "version": str(version)}
    assert client.post(f"{base}/groups/{group.id}/edit", data=renamed).status_code == 302
    db.expire_all()
    stored = db.get(CriteriaGroup, group.id)
    assert (stored.name, stored.name_zh, stored.key, stored.weight) == ("Vendor strength", "供应商实力", key, weight)
    assert stored.version == version + 1
    assert "Vendor strength" in client.get(f"{base}/criteria").text
    assert "Vendor strength" in client.get(f"{base}/results").text  # the group subtotals' column

    # Someone else renamed it since this editor opened the form: refused, theirs kept.
    stale = client.post(f"{base}/groups/{group.id}/edit", data={**renamed, "name": "Late", "name_zh": ""})
    assert stale.status_code == 409 and "Someone else changed this record" in stale.text
    assert 'value="Late"' in stale.text  # the editor's input is kept
    empty = client.post(f"{base}/groups/{group.id}/edit", data={**renamed, "name": " ", "version": str(version + 1)})
    assert empty.status_code == 422
    db.expire_all()
    assert db.get(CriteriaGroup, group.id).name == "Vendor strength"
    client.post("/language/zh_Hans", data={"next": "/projects/"})
    assert "供应商实力" in client.get(f"{base}/criteria").text
    assert client.get(f"{base}/groups/999999/edit").status_code == 404


def test_results_say_when_what_they_depend_on_changed_after_scoring_closed(client, login, user, load_sample, db):
    """The ranking people read at closing must not change silently: a weight changed afterwards is
    said above the results (how often, when, by whom); a new name is not a change of result."""
    project = load_sample(user, next(p for p in SAMPLES if "retail" in p.stem))  # direct weights, closed
    login()
    base = f"/projects/{project.id}/vendors"
    assert 'data-testid="changed-since-closing"' not in client.get(f"{base}/results").text
    group = project.vendor_selection.groups[0]
    renamed = {"name": "Renamed", "name_zh": "改名", "version": str(group.version)}
    assert client.post(f"{base}/groups/{group.id}/edit", data=renamed).status_code == 302
    assert 'data-testid="changed-since-closing"' not in client.get(f"{base}/results").text
    db.expire_all()
    selection = db.get(VendorSelection, project.vendor_selection.id)
    weights = {f"w__{g.key}": str(g.weight) for g in selection.groups}     # as stored: unchanged
    weights |= {f"w__{c.key}": str(c.weight) for c in selection.criteria}
    weights[f"w__{selection.groups[0].key}"] = str(selection.groups[0].weight + 0.1)  # but one
    assert client.post(f"{base}/weights", data={**weights, "version": selection.version}).status_code == 302
    text = client.get(f"{base}/results").text
    alert = text[text.index('data-testid="changed-since-closing"'):]
    alert = alert[:alert.index("</div>")]
    assert "have changed since (changes: 1; the last on" in alert and f"by {user.email}" in alert
    client.post("/language/zh_Hans", data={"next": "/projects/"})
    chinese = client.get(f"{base}/results").text
    assert 'data-testid="changed-since-closing"' in chinese and "评分已于" in chinese
    # With AHP weighting the direct weights are not used: changing them is no change of result.
    pharma = load_sample(user, PHARMA)
    selection = pharma.vendor_selection
    assert selection.weighting == "ahp"
    weights = {f"w__{g.key}": str(g.weight) for g in selection.groups} | {f"w__{c.key}": str(c.weight)
                                                                          for c in selection.criteria}
    weights[f"w__{selection.groups[0].key}"] = str(selection.groups[0].weight + 0.1)
    assert client.post(f"/projects/{pharma.id}/vendors/weights",
                       data={**weights, "version": selection.version}).status_code == 302
    assert 'data-testid="changed-since-closing"' not in client.get(f"/projects/{pharma.id}/vendors/results").text
