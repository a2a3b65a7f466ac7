"""Business-case pages through the app (SQLite and PostgreSQL): results with the NPV convention,
edits that move NPV, bad input refused with its reason and nothing saved, permissions."""

import re
from datetime import date, timedelta
from pathlib import Path

import pytest

from crm_impl.finance import MONTH, cost_of_delay, evaluate
from crm_impl.models import MemberRole
from crm_impl.operations.finance import case_rows, case_section, finance_report, go_live
from crm_impl.operations.members import add_member

ROOT = Path(__file__).resolve().parents[2]
RETAIL = ROOT / "sample_projects" / "retail_chain_pengbo.json"


@pytest.fixture
def retail(db, user, load_sample):
    """The retail sample reported at its start: the forecast go-live is the planned one."""
    project = load_sample(user, RETAIL)
    project.status_date = project.start_date
    db.commit()
    return project


def npv_shown(page) -> str:
    return re.search(r'data-testid="npv">([^<]+)<', page.text).group(1)


def figure(page, testid: str) -> float:
    """A whole-unit figure of a card as the page prints it (``1,150,156``)."""
    return float(re.search(rf'data-testid="{testid}">([^<]+)<', page.text).group(1).replace(",", ""))


def month_before(day: date) -> date:
    """The same day of the previous calendar month (its last day when it has no such day)."""
    year, month = (day.year, day.month - 1) if day.month > 1 else (day.year - 1, 12)
    last = (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)).day
    return date(year, month, min(day.day, last))


def save_settings(client, db, project, **changes):
    """Post the settings form as it stands, with ``changes`` (rates in per cent, as typed)."""
    case = case_rows(db, project).case
    data = {"horizon": case.horizon, "discount_rate": case.discount_rate * 100, "tax_rate": case.tax_rate * 100,
            "benefit_risk": case.benefit_risk * 100, "cost_risk": case.cost_risk * 100,
            "go_live": case.go_live.isoformat() if case.go_live else "", "version": case.version}
    response = client.post(f"/projects/{project.id}/finance/settings", data=data | changes)
    db.expire_all()
    return response


def test_page_shows_the_worked_example_with_its_convention(client, login, retail):
    login()
    page = client.get(f"/projects/{retail.id}/finance/")
    assert page.status_code == 200
    text = page.text
    assert 'data-testid="tco">7,110,000<' in text and 'data-testid="benefits">9,341,000<' in text
    assert 'data-testid="roi-methodology">1.314<' in text and 'data-testid="roi">0.314<' in text
    assert "2.30 years" in text
    assert "=NPV(8%, year 1 … year 3) + year 0" in text        # the convention, printed
    for chart in ("chart-cashflow", "chart-costs", "chart-npv", "chart-tornado"):
        assert f'data-testid="{chart}"' in text
    assert text.count("Plotly.newPlot") == 4 and "cdn.plot.ly" not in text
    assert "Business case" in client.get(f"/projects/{retail.id}/").text   # linked from the navigation


def test_a_late_forecast_lowers_npv_and_the_page_says_by_how_much(client, login, user, load_sample, db):
    """Nothing reported done and no status date: the remaining plan starts today, go-live slips."""
    project = load_sample(user, RETAIL)
    login()
    page = client.get(f"/projects/{project.id}/finance/")
    from datetime import date
    report = finance_report(db, project, date.today())
    assert report.go_live.slip_days > 0 and report.go_live.assumed_from == "baseline"
    assert report.result.npv < report.planned.npv
    assert "calendar days later than assumed" in page.text and f"instead of {report.planned.npv:,.0f}" in page.text
    shown = re.search(r'data-testid="cost-of-delay">([^<]+)<', page.text).group(1)
    assert shown == f"{report.cost_of_delay:,.0f}"
    shift = report.go_live.shift_years
    assert evaluate(report.case, shift_years=shift).npv - evaluate(report.case, shift_years=shift + MONTH).npv == \
        pytest.approx(report.cost_of_delay)
    assert npv_shown(page) == f"{report.result.npv:,.0f}"


def test_a_one_month_slip_lowers_the_page_npv_by_the_cost_of_delay_it_showed(client, login, retail, db):
    """As a steering committee checks it: the page says what one more month of delay costs; the
    forecast go-live then lies one calendar month after the go-live the case assumes; the NPV on
    the page is lower by that figure (both read as printed, whole units)."""
    login()
    url = f"/projects/{retail.id}/finance/"
    forecast = go_live(retail, case_rows(db, retail).case, date.today()).forecast
    assert save_settings(client, db, retail, go_live=forecast.isoformat()).status_code == 302
    on_time = client.get(url)
    assert 'data-testid="slip"' not in on_time.text
    npv_on_time, delay = figure(on_time, "npv"), figure(on_time, "cost-of-delay")
    assert delay > 0
    assumed = month_before(forecast)
    assert save_settings(client, db, retail, go_live=assumed.isoformat()).status_code == 302
    late = client.get(url)
    slip = re.search(r'data-testid="slip">([^<]+)<', late.text).group(1)
    assert f"{(forecast - assumed).days} calendar days later than assumed (in calendar months: 1)" in slip
    # two figures each rounded to whole units: their difference is within one unit of the third
    assert abs((npv_on_time - figure(late, "npv")) - delay) <= 1
    # unrounded, exactly: the case on time (as assumed) less the case a month late is the figure shown
    report = finance_report(db, retail, date.today(), runs=10)
    assert report.go_live.shift_years == pytest.approx(MONTH, abs=1e-15)
    assert report.planned.npv - report.result.npv == pytest.approx(cost_of_delay(report.case), rel=1e-12)
    assert round(cost_of_delay(report.case)) == delay


def test_editing_a_cost_line_changes_npv(client, login, retail, db):
    login()
    before = npv_shown(client.get(f"/projects/{retail.id}/finance/"))
    line = next(line for line in case_rows(db, retail).lines if line.key == "C_LIC")
    url = f"/projects/{retail.id}/finance/lines/{line.id}/edit"
    form = client.get(url)
    assert form.status_code == 200 and "1,050,000 0 0 0" in form.text
    data = {"id": "C_LIC", "category": "construction", "component": "software_license", "name": line.name,
            "amounts": "1,250,000 0 0 0", "conservative": "1.2", "optimistic": "0.95", "version": line.version}
    assert client.post(url, data=data).status_code == 302
    after = npv_shown(client.get(f"/projects/{retail.id}/finance/"))
    assert float(before.replace(",", "")) - float(after.replace(",", "")) == pytest.approx(200_000, abs=1)
    # the line's own risk adjustment, in per cent on the form, a fraction in the case
    db.expire_all()
    line = next(line for line in case_rows(db, retail).lines if line.key == "C_LIC")
    assert client.post(url, data=data | {"risk": "20", "version": line.version}).status_code == 302
    db.expire_all()
    assert case_section(db, retail)["lines"][1]["risk"] == 0.2
    assert re.search(r'id="risk"[^>]*value="20.0"', client.get(url).text)
    risked = npv_shown(client.get(f"/projects/{retail.id}/finance/"))
    assert float(after.replace(",", "")) - float(risked.replace(",", "")) == pytest.approx(250_000, abs=1)


@pytest.mark.parametrize(("changes", "reason"), [
    ({"amounts": "1,050,000 lots 0 0"}, "must be a number, got &#39;lots&#39;"),
    ({"amounts": "1 2"}, "needs 4 amounts"),
    ({"amounts": "", "formula": "stores * 2"}, "unknown driver &#39;stores&#39;"),
    ({"amounts": "", "formula": "open(1)"}, "may hold numbers"),
    ({"component": "labor"}, "is not a construction component"),
    ({"conservative": "0.5"}, "conservative factor is at least 1"),
    ({"name": ""}, "This field is required"),
])
def test_bad_line_input_is_refused_with_its_reason_and_nothing_saved(client, login, retail, db, changes, reason):
    login()
    stored = case_section(db, retail)
    line = next(line for line in case_rows(db, retail).lines if line.key == "C_LIC")
    data = {"id": "C_LIC", "category": "construction", "component": "software_license", "name": line.name,
            "amounts": "1,050,000 0 0 0", "conservative": "1.2", "optimistic": "0.95", "version": line.version}
    response = client.post(f"/projects/{retail.id}/finance/lines/{line.id}/edit", data=data | changes)
    assert response.status_code == 422 and reason in response.text
    db.expire_all()
    assert case_section(db, retail) == stored


@pytest.mark.parametrize(("changes", "reason"), [
    ({"horizon": "0"}, "between 3 and 30"),
    ({"horizon": "31"}, "between 3 and 30"),
    ({"discount_rate": "-100"}, "-99.9999"),
    ({"discount_rate": "eight"}, "Not a valid float value"),
])
def test_bad_settings_are_refused(client, login, retail, db, changes, reason):
    login()
    stored = case_section(db, retail)
    version = case_rows(db, retail).case.version
    data = {"horizon": "3", "discount_rate": "8", "tax_rate": "0", "benefit_risk": "0", "cost_risk": "0",
            "version": version}
    response = client.post(f"/projects/{retail.id}/finance/settings", data=data | changes)
    assert response.status_code == 422 and reason in response.text
    db.expire_all()
    assert case_section(db, retail) == stored


def test_settings_risk_adjustment_and_a_later_go_live(client, login, retail, db):
    login()
    version = case_rows(db, retail).case.version
    data = {"horizon": "3", "discount_rate": "8", "tax_rate": "0", "benefit_risk": "10", "cost_risk": "5",
            "version": version}
    assert client.post(f"/projects/{retail.id}/finance/settings", data=data).status_code == 302
    page = client.get(f"/projects/{retail.id}/finance/")
    assert 'data-testid="tco">7,465,500<' in page.text          # 7,110,000 × 1.05
    assert "Risk-adjusted (TEI)" in page.text


def test_risk_adjustment_saved_back_at_zero_leaves_npv_and_tco_as_entered(client, login, retail, db):
    """0 %/0 % on the settings form is the case as entered: the worked example's figures again,
    after a 10 %/5 % adjustment had moved them."""
    login()
    url = f"/projects/{retail.id}/finance/"

    def tables(page):
        return [re.search(rf'data-testid="{name}">(.*?)</table>', page.text, re.S).group(1)
                for name in ("cash-flows", "scenarios", "simulation")]
    entered = client.get(url)
    assert (figure(entered, "npv"), figure(entered, "tco")) == (1_150_156, 7_110_000)
    assert save_settings(client, db, retail, benefit_risk="10", cost_risk="5").status_code == 302
    risked = client.get(url)
    assert figure(risked, "tco") == 7_465_500 and figure(risked, "benefits") == 8_406_900
    assert figure(risked, "npv") < 1_150_156 and "Risk-adjusted (TEI)" in risked.text
    assert save_settings(client, db, retail, benefit_risk="0", cost_risk="0").status_code == 302
    section = case_section(db, retail)
    assert (section["benefit_risk"], section["cost_risk"]) == (0.0, 0.0)
    back = client.get(url)
    assert (figure(back, "npv"), figure(back, "tco"), figure(back, "benefits")) == (1_150_156, 7_110_000, 9_341_000)
    assert "Risk-adjusted (TEI)" not in back.text
    assert tables(back) == tables(entered)


def _replace_lines(db, project, lines):
    from crm_impl.operations.finance import replace_case
    section = case_section(db, project) | {"lines": lines, "drivers": [], "actuals": []}
    replace_case(db, project, section)
    db.commit()


def test_no_irr_and_several_irrs_are_named_on_the_page(client, login, retail, db):
    login()
    url = f"/projects/{retail.id}/finance/"
    consulting = {"id": "C1", "kind": "cost", "category": "construction", "component": "consulting",
                  "name": "Consulting", "amounts": [100_000, 0, 0, 0]}
    _replace_lines(db, retail, [consulting])                    # costs only: the flows never change sign
    page = client.get(url)
    irr = re.search(r'data-testid="irr">\s*([^<]*?)\s*<', page.text).group(1)
    assert irr == "No IRR" and "The cash flows never change sign." in page.text
    # -100,000, +230,000, -132,000, 0: NPV is zero at 10 % and at 20 %
    _replace_lines(db, retail, [
        consulting,
        {"id": "B1", "kind": "benefit", "category": "cost_reduction", "component": "", "name": "Saving",
         "amounts": [0, 230_000, 0, 0]},
        {"id": "C2", "kind": "cost", "category": "usage", "component": "system_maintenance", "name": "Upgrade",
         "amounts": [0, 0, 132_000, 0]},
    ])
    page = client.get(url)
    irr = re.search(r'data-testid="irr">\s*([^<]*?)\s*<', page.text).group(1)
    assert irr == "Several"
    assert "The cash flows change sign in years 1, 2; rates with NPV zero: 10.0%, 20.0%." in page.text


def test_drivers_and_formula_lines(client, login, retail, db):
    login()
    url = f"/projects/{retail.id}/finance"
    assert client.post(f"{url}/drivers/new", data={"name": "stores", "value": "210"}).status_code == 302
    assert client.post(f"{url}/drivers/new", data={"name": "2x", "value": "1"}).status_code == 422
    bad_value = client.post(f"{url}/drivers/new", data={"name": "rent", "value": "lots"})
    assert bad_value.status_code == 422 and "must be a number" in bad_value.text
    line = {"category": "usage", "component": "communication", "name": "Store lines", "formula": "stores * 1000",
            "conservative": "1", "optimistic": "1"}
    assert client.post(f"{url}/lines/new", data=line).status_code == 302
    section = case_section(db, retail)
    added = section["lines"][-1]
    assert added["formula"] == "stores * 1000" and added["id"] == "C16"
    page = client.get(f"{url}/")
    assert 'data-testid="tco">7,740,000<' in page.text           # + 210,000 a year for 3 years
    # a formula benefit with its ramp-up typed on the form: 210 × 2,000 at 0, 50, 100, 100 %
    ramped = {"category": "cost_reduction", "name": "Store admin", "formula": "stores * 2000", "ramp": "0 0.5 1 1",
              "conservative": "1", "optimistic": "1"}
    assert client.post(f"{url}/lines/new", data=ramped).status_code == 302
    assert case_section(db, retail)["lines"][-1]["ramp"] == [0, 0.5, 1, 1]
    page = client.get(f"{url}/")
    assert 'data-testid="benefits">10,391,000<' in page.text      # 9,341,000 + 420,000 × (0.5 + 1 + 1)
    bad_ramp = client.post(f"{url}/lines/new", data=ramped | {"ramp": "0 half 1 1"})
    assert bad_ramp.status_code == 422 and "must be a number" in bad_ramp.text
    stores = next(d for d in case_rows(db, retail).drivers if d.name == "stores")
    refused = client.post(f"{url}/drivers/{stores.id}/delete", data={"version": stores.version}, follow_redirects=True)
    assert "a formula uses this driver" in refused.text
    assert any(d.name == "stores" for d in case_rows(db, retail).drivers)


def test_actuals_are_recorded_and_bad_ones_refused(client, login, retail, db):
    login()
    url = f"/projects/{retail.id}/finance"
    assert client.post(f"{url}/actuals", data={"year": "1", "benefits": "1,500,000", "costs": "950,000"}).status_code == 302
    page = client.get(f"{url}/")
    assert "1,500,000" in page.text and "re-forecast" in page.text
    bad = client.post(f"{url}/actuals", data={"year": "9", "benefits": "1", "costs": "1"})
    assert bad.status_code == 422 and "the year is 0 to 3" in bad.text
    bad = client.post(f"{url}/actuals", data={"year": "2", "benefits": "plenty", "costs": "1"})
    assert bad.status_code == 422 and "must be a number" in bad.text
    assert [a.year for a in case_rows(db, retail).actuals] == [1]
    assert client.post(f"{url}/actuals/delete", data={"year": "1"}).status_code == 302
    assert case_rows(db, retail).actuals == []


def test_viewers_see_but_do_not_edit(client, login, retail, db, make_user):
    make_user("viewer@example.com")
    add_member(db, retail, "viewer@example.com", MemberRole.VIEWER)
    db.commit()
    login("viewer@example.com")
    page = client.get(f"/projects/{retail.id}/finance/")
    assert page.status_code == 200 and "Add line" not in page.text
    line = case_rows(db, retail).lines[0]
    assert client.get(f"/projects/{retail.id}/finance/lines/{line.id}/edit").status_code == 403
    assert client.post(f"/projects/{retail.id}/finance/actuals", data={"year": "1"}).status_code == 403


def test_a_project_without_a_case_can_start_one(client, login, user, load_sample, db):
    project = load_sample(user)
    from crm_impl.operations.finance import replace_case
    replace_case(db, project, None)
    db.commit()
    login()
    page = client.get(f"/projects/{project.id}/finance/")
    assert page.status_code == 200 and "Start the business case" in page.text
    url = f"/projects/{project.id}/finance/settings"
    assert client.get(url).status_code == 200
    assert client.post(url, data={"horizon": "0", "discount_rate": "8"}).status_code == 422
    assert case_section(db, project) is None
    assert client.post(url, data={"horizon": "5", "discount_rate": "8", "benefit_risk": "10"}).status_code == 302
    assert case_section(db, project)["horizon"] == 5 and case_section(db, project)["benefit_risk"] == 0.1
    empty = client.get(f"/projects/{project.id}/finance/")         # a case without lines yet
    assert empty.status_code == 200 and "No lines yet" in empty.text and 'data-testid="npv">0<' in empty.text


def test_chinese_page(client, login, retail):
    login()
    client.post("/language/zh_Hans", data={"next": "/projects/"})
    page = client.get(f"/projects/{retail.id}/finance/")
    assert page.status_code == 200
    assert "软件使用权（许可）" in page.text and "=NPV(8%" in page.text
    assert "Business case" not in page.text


def test_bad_input_through_a_real_server_is_a_422(live_client, user, load_sample, app):
    retail_project = load_sample(user, RETAIL)
    client = live_client()
    response = client.post(f"/projects/{retail_project.id}/finance/settings",
                           data={"horizon": "31", "discount_rate": "8", "version": "1"})
    assert response.status_code == 422


def test_the_monte_carlo_can_draw_the_go_live_from_the_schedule(client, login, retail):
    login()
    fixed = client.get(f"/projects/{retail.id}/finance/")
    assert 'data-testid="go-live-simulated"' in fixed.text
    drawn = client.get(f"/projects/{retail.id}/finance/?go_live=simulated")
    assert drawn.status_code == 200 and 'data-testid="go-live-fixed"' in drawn.text
    assert npv_shown(drawn) == npv_shown(fixed)          # the headline stays at the forecast go-live
    assert "schedule simulation of the work up to the go-live milestone" in drawn.text

    def spread(page):
        return re.search(r'data-testid="simulation">(.*?)</table>', page.text, re.S).group(1)
    assert spread(drawn) != spread(fixed)                  # the runs' go-lives moved the distribution


def test_cash_flows_download_carries_the_convention(client, login, retail, user, load_sample, db):
    login()
    response = client.get(f"/projects/{retail.id}/finance/cash-flows.csv")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    text = response.data.decode("utf-8-sig")
    assert "-4350000.00" in text and "npv,1150156.23" in text and "=NPV(8%, year 1 … year 3) + year 0" in text
    assert "SP-RETAIL-01-cash-flows.csv" in response.headers["Content-Disposition"]
    client.post("/language/zh_Hans", data={"next": "/projects/"})
    assert "第1年" in client.get(f"/projects/{retail.id}/finance/cash-flows.csv").data.decode("utf-8-sig")


def test_the_forms_offer_every_component_of_the_engine():
    from blueprints.finance.forms import CATEGORIES, COMPONENTS
    from crm_impl.finance import BENEFIT_TYPES, COST_COMPONENTS

    assert {key for key, _ in COMPONENTS} == {"", *COST_COMPONENTS["construction"], *COST_COMPONENTS["usage"]}
    assert {key for key, _ in CATEGORIES} == {*COST_COMPONENTS, *BENEFIT_TYPES}


def test_the_per_vendor_page_puts_each_quotation_in_the_case_beside_the_ranking(live_client, user, load_sample, db):
    import re
    from datetime import date

    from crm_impl.operations.finance import vendor_cases
    from crm_impl.operations.vendors import analyse_selection
    from tests.conftest import SAMPLES

    project = load_sample(user, next(p for p in SAMPLES if "retail" in p.stem))
    client = live_client()
    page = client.get(f"/projects/{project.id}/finance/vendors")
    assert page.status_code == 200, page.text
    cases = vendor_cases(db, project, date.today())
    ranking = {v.key: v.rank for v in analyse_selection(project.vendor_selection).evaluation.vendors}
    assert [c.rank for c in cases] == [ranking[c.key] for c in cases] and len(cases) == 3
    rows = re.findall(r'<tr data-vendor="([^"]+)">', page.text)
    assert rows == [c.key for c in sorted(cases, key=lambda c: c.rank)]  # in the selection's order
    for case in cases:
        assert f"{case.result.npv:,.0f}" in page.text
    assert 'class="plotly-graph-div' in page.text
    # Only the quotations differ: the dearest quotation has the highest TCO.
    dearest = max(project.vendor_selection.vendors, key=lambda v: v.licence_cost + v.implementation_cost
                  + 3 * v.running_cost_per_year)
    assert max(cases, key=lambda c: c.result.tco).key == dearest.key


def test_the_per_vendor_page_without_vendors_says_where_to_add_them(live_client, user, load_sample, db):
    project = load_sample(user)
    project.vendor_selection.vendors.clear()
    db.commit()
    page = live_client().get(f"/projects/{project.id}/finance/vendors")
    assert page.status_code == 200 and 'data-testid="no-vendors"' in page.text


def _vendor_rows(text: str) -> dict[str, str]:
    """Each row of the per-vendor table by vendor key."""
    import re

    return dict(re.findall(r'<tr data-vendor="([^"]+)">(.*?)</tr>', text, re.S))


def test_the_per_vendor_page_says_why_a_vendor_is_knocked_out(live_client, user, load_sample):
    from tests.conftest import SAMPLES

    project = load_sample(user, next(p for p in SAMPLES if "pharma" in p.stem))
    client = live_client()
    rows = _vendor_rows(client.get(f"/projects/{project.id}/finance/vendors").text)
    assert "Security scored 2.17, under the knock-out minimum of 3" in rows["smb_suite"]
    assert 'data-testid="knockout"' not in rows["erp_suite"] + rows["cloud_leader"]
    client.post("/language/zh_Hans", data={"next": "/projects/"})
    chinese = _vendor_rows(client.get(f"/projects/{project.id}/finance/vendors").text)
    assert "安全性 得分 2.17，低于淘汰下限 3" in chinese["smb_suite"]  # the criterion in the reader's language


def test_the_per_vendor_page_hides_the_ranking_while_scoring_is_open(live_client, user, load_sample, db):
    from crm_impl.operations.vendors import analyse_selection
    from tests.conftest import SAMPLES

    project = load_sample(user, next(p for p in SAMPLES if "pharma" in p.stem))
    evaluation = analyse_selection(project.vendor_selection).evaluation
    project.vendor_selection.scoring_closed = False
    db.commit()
    page = live_client().get(f"/projects/{project.id}/finance/vendors").text
    rows = _vendor_rows(page)
    assert list(rows) == [v.key for v in project.vendor_selection.vendors]  # as listed, not ranked
    for vendor in evaluation.vendors:
        row = rows[vendor.key]
        assert f"{vendor.total:.3f}" not in row and "knock-out" not in row and "knocked out" not in row
        assert "The ranking shows once scoring is closed." in row
    assert "Security scored" not in page


def _pv(amounts, rate=0.08):
    return sum(amount / (1 + rate) ** year for year, amount in enumerate(amounts))


def test_a_redesigned_process_saving_becomes_a_benefit_line_named_after_its_map(client, login, retail, db):
    """The repair map names B_SVC (0, 175,000, 297,500, 350,000: a ramp-up of 0, 50, 85, 100 %).
    Taken, the map's yearly saving is the line's full-year amount at the same ramp-up, the map is
    its source, and the page's NPV moves by the present value of the change (on time: no shift)."""
    from crm_impl.models import ProcessMapRecord
    from crm_impl.operations.finance import PROCESS_SOURCE, process_savings

    login()
    base = f"/projects/{retail.id}/finance"
    savings = process_savings(db, retail)
    assert savings and all(s.annual_savings > 0 for s in savings)
    page = client.get(f"{base}/")
    assert 'data-testid="process-savings"' in page.text
    saving = next(s for s in savings if s.line_key == "B_SVC")
    assert not saving.in_step and saving.line_amount == 350_000          # the line's full year
    record = db.get(ProcessMapRecord, saving.map_id)
    before_amounts = list(next(line for line in case_rows(db, retail).lines if line.key == "B_SVC").amounts)
    assert before_amounts == [0, 175_000, 297_500, 350_000]
    npv_before = figure(page, "npv")
    assert client.post(f"{base}/process-savings/{saving.map_id}").status_code == 302
    db.expire_all()
    line = next(line for line in case_rows(db, retail).lines if line.key == "B_SVC")
    s = round(record.annual_savings, 2)
    assert line.amounts == [0, round(0.5 * s, 2), round(0.85 * s, 2), s]          # the ramp-up kept
    assert line.source == PROCESS_SOURCE % record.key and line.category == "cost_reduction"
    assert next(x for x in process_savings(db, retail) if x.map_id == saving.map_id).in_step
    page = client.get(f"{base}/")
    assert "Source: process map: retail_repair_to_be" in page.text
    # The NPV the page shows moved by the present value of the change of amounts.
    change = _pv([a - b for a, b in zip(line.amounts, before_amounts)])
    assert abs((figure(page, "npv") - npv_before) - change) <= 1
    # Taken again (nothing changed), it stays as it is.
    assert client.post(f"{base}/process-savings/{saving.map_id}").status_code == 302
    db.expire_all()
    assert next(x for x in case_rows(db, retail).lines if x.key == "B_SVC").amounts == line.amounts
    # A map that saves nothing cannot be taken: a reason, nothing saved.
    as_is = db.scalars(db.query(ProcessMapRecord).filter_by(project_id=retail.id, kind="as_is").statement).first()
    stored = case_section(db, retail)
    refused = client.post(f"{base}/process-savings/{as_is.id}", follow_redirects=True)
    assert refused.status_code == 200 and "saves nothing a year" in refused.text
    assert case_section(db, retail) == stored


@pytest.mark.parametrize("benefit", ["B_PROC", ""])
def test_a_saving_whose_map_names_no_line_becomes_a_new_line_in_full_from_year_1(client, login, retail, db,
                                                                                 benefit):
    """The membership map names a line the case does not have (or none): taking its saving adds a
    line (with that id, else the next free one), the saving in full from year 1 on."""
    from crm_impl.models import ProcessMapRecord
    from crm_impl.operations.finance import PROCESS_SOURCE, process_savings

    record = db.scalars(db.query(ProcessMapRecord).filter_by(project_id=retail.id, key="retail_membership_to_be")
                        .statement).one()
    record.benefit = benefit                         # as the map's settings form would store it
    db.commit()
    login()
    base = f"/projects/{retail.id}/finance"
    saving = next(s for s in process_savings(db, retail) if s.map_id == record.id)
    assert saving.line_amount is None and saving.line_key == benefit
    page = client.get(f"{base}/")
    npv_before, keys = figure(page, "npv"), [line.key for line in case_rows(db, retail).lines]
    assert client.post(f"{base}/process-savings/{record.id}").status_code == 302
    db.expire_all()
    lines = case_rows(db, retail).lines
    assert [line.key for line in lines[:-1]] == keys                     # the others untouched
    added = lines[-1]
    assert added.key == (benefit or "B16") and added.key not in keys
    s = round(record.annual_savings, 2)
    assert added.amounts == [0, s, s, s] and added.source == PROCESS_SOURCE % record.key
    assert added.kind.value == "benefit" and added.category == "cost_reduction"
    assert added.name == f"Process redesign: {record.name}"
    page = client.get(f"{base}/")
    assert f'<tr data-line="{added.key}">' in page.text
    assert abs((figure(page, "npv") - npv_before) - _pv([0, s, s, s])) <= 1
    assert next(x for x in process_savings(db, retail) if x.map_id == record.id).in_step


def test_a_saving_linked_to_a_revenue_line_is_refused_on_the_page_and_changes_nothing(client, login, retail, db):
    from crm_impl.models import ProcessMapRecord
    from crm_impl.operations.finance import case_section

    record = db.scalars(db.query(ProcessMapRecord).filter_by(project_id=retail.id, key="retail_repair_to_be")
                        .statement).one()
    record.benefit = "B_REP"                        # revenue growth, counted with its margin
    db.commit()
    before = case_section(db, retail)
    login()
    row = re.search(r'<tr data-map="retail_repair_to_be">(.*?)</tr>', client.get(f"/projects/{retail.id}/finance/").text,
                    re.S).group(1)
    assert "is not a cost-reduction line" in row and "Take into the case" not in row  # no button that cannot work
    page = client.post(f"/projects/{retail.id}/finance/process-savings/{record.id}", follow_redirects=True)
    assert page.status_code == 200
    assert "line B_REP is not a cost-reduction benefit" in page.text.replace("&#39;", "'")
    db.expire_all()
    assert case_section(db, retail) == before
