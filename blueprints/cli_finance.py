"""``roi FILE``: the business case of a project file — NPV, IRR, ROI both ways, TCO, payback.

The file is read by the same validated reader as an import; the figures come from the finance
engine as the page shows them, with the case's go-live as planned (no forecast slip).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from crm_impl.errors import CrmImplError
from blueprints.cli_errors import cli_locale, fail
from blueprints.cli_schedule import read_project_file

__all__ = ["commands", "roi_command", "roi_dict"]


def _money(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def _rate(value: float | None) -> float | None:
    return None if value is None else round(value, 6)


def roi_dict(result) -> dict[str, Any]:
    """The ``--json`` answer: rates as fractions, money in the project currency, ``roi`` the net
    ROI and ``roi_methodology`` the methodology's benefits / TCO."""
    return {
        "npv": _money(result.npv),
        "irr": _rate(result.irr.value),
        "roi": _rate(result.roi),
        "roi_methodology": _rate(result.roi_methodology),
        "tco": _money(result.tco),
        "tco_pv": _money(result.tco_pv),
        "benefits": _money(result.benefits),
        "payback_years": _rate(result.payback_years),
        "discounted_payback_years": _rate(result.discounted_payback_years),
        "discount_rate": result.discount_rate,
        "cash_flows": [_money(flow) for flow in result.cash_flows],
    }


def _text(result, currency: str, locale: str) -> str:
    def years(value: float | None) -> str:
        return "never within the horizon" if value is None else f"{value:.2f} years"

    irr = result.irr
    if irr.status == "none":
        irr_text = "no IRR (the cash flows never change sign)"
    elif irr.value is not None:
        irr_text = f"{irr.value:.2%}" + ("" if irr.status == "unique" else
                                         f" (sign changes in years {', '.join(map(str, irr.changes))})")
    else:
        rates = ", ".join(f"{r:.2%}" for r in irr.values) or "none found"
        irr_text = f"several: {rates} (sign changes in years {', '.join(map(str, irr.changes))})"
    lines = [
        f"TCO: {result.tco:,.0f} {currency} (present value {result.tco_pv:,.0f})",
        f"Benefits: {result.benefits:,.0f} {currency}; net benefit {result.net_benefit:,.0f}",
        f"ROI (methodology, benefits / TCO): {result.roi_methodology:.3f}" if result.roi_methodology is not None
        else "ROI: no costs",
        f"Net ROI ((benefits - TCO) / TCO): {result.roi:.3f}" if result.roi is not None else "",
        f"NPV at {result.discount_rate:.2%}: {result.npv:,.0f} {currency}",
        f"IRR: {irr_text}",
        f"Payback: {years(result.payback_years)}; discounted: {years(result.discounted_payback_years)}",
        "Cash flows: " + ", ".join(f"Y{row.year} {row.net:,.0f}" for row in result.years),
        result.convention.message().render(locale),
    ]
    return "\n".join(line for line in lines if line)


@click.command("roi")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@click.option("--csv", "as_csv", is_flag=True, help="Print the cash-flow table as CSV (with the NPV convention).")
def roi_command(file: Path, as_json: bool, as_csv: bool) -> None:
    """TCO, ROI, NPV, IRR and payback of the business case in the project FILE."""
    from crm_impl.finance import evaluate
    from crm_impl.projectfile.finance import SECTION, engine_case

    document = read_project_file(file)
    section = document.get(SECTION)
    if section is None:
        fail("the project file has no business_case section")
    currency = document["project"].get("currency", "CNY")
    try:
        result = evaluate(engine_case(section, currency))
    except CrmImplError as error:
        fail(error)
    if as_json and as_csv:
        raise click.UsageError("--json and --csv cannot be combined")
    if as_json:
        click.echo(json.dumps(roi_dict(result), indent=2))
    elif as_csv:
        from crm_impl.formats.finance_csv import cash_flow_csv

        click.echo(cash_flow_csv(result, result.convention.message().render(cli_locale())), nl=False)
    else:
        click.echo(_text(result, currency, cli_locale()))


commands = [roi_command]
