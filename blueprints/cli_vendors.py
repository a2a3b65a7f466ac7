"""``vendors FILE``: the vendor selection of a project file — ranking, weights, AHP matrices,
knock-outs and the weight changes that flip the winner.

Thin on purpose: the file is read by the validated reader (:func:`read_project_file`), the
analysis is the domain's (:func:`crm_impl.vendors.selection.analyse`); this module formats it.
Reasons are written in the language of ``CRM_IMPL_LANG``.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from crm_impl.errors import CrmImplError
from crm_impl.i18n import msg
from blueprints.cli_errors import cli_locale, fail
from blueprints.cli_schedule import read_project_file

__all__ = ["commands", "vendors_command"]


def _report(out: dict, locale: str, names: dict[str, str]) -> str:
    lines = []
    width = max((len(v["name"]) for v in out["vendors"]), default=4)
    for vendor in out["vendors"]:
        rank = str(vendor["rank"]) if vendor["rank"] is not None else "–"
        line = f"{rank:>2}  {vendor['name'].ljust(width)}  {vendor['score']:.3f}"
        if vendor["disqualified"]:
            line += f"  ({vendor['reason']})"
        lines.append(line)
    qualified = [v for v in out["vendors"] if not v["disqualified"]]
    if len(qualified) >= 2:
        lines.append(msg("%(name)s leads the runner-up by %(margin)s points of 5.", name=qualified[0]["name"],
                         margin=f"{qualified[0]['score'] - qualified[1]['score']:.3f}").render(locale))
    if out["consistency_ratio"] is not None:
        lines.append(msg("AHP consistency ratio: %(cr)s", cr=f"{out['consistency_ratio']:.3f}").render(locale))
    for flip in out["sensitivity"]:
        if flip["flip_at_weight"] is not None:
            now = out["weights"][flip["criterion"]]
            lines.append(msg("%(criterion)s: %(now)s → %(then)s makes %(vendor)s the winner",
                             criterion=names.get(flip["criterion"], flip["criterion"]), now=f"{now:.1%}",
                             then=f"{flip['flip_at_weight']:.1%}",
                             vendor=flip["new_winner"]).render(locale))
    return "\n".join(lines)


@click.command("vendors")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def vendors_command(file: Path, as_json: bool) -> None:
    """Rank the vendors of the selection in FILE (weighted sum, knock-outs, sensitivity)."""
    from crm_impl.projectfile.vendor_rules import selection_from_document
    from crm_impl.vendors.selection import analyse

    document = read_project_file(file)
    selection = selection_from_document(document)
    if selection is None:
        fail(CrmImplError("the project file has no vendor selection"))
    locale = cli_locale()
    try:
        out = analyse(selection).as_json(locale)
    except CrmImplError as error:
        fail(error)
    names = {c.key: c.label.render(locale) for c in selection.tree.criteria}
    click.echo(json.dumps(out, ensure_ascii=False, indent=2) if as_json else _report(out, locale, names))


commands = [vendors_command]
