"""Fill empty msgstr entries of the zh_Hans catalogue from a table of translations.

Usage: python tools/fill_translations.py TABLE.py — where TABLE.py defines
``ZH = {(context or None, msgid): translation}``.  Entries already translated are left alone;
run crm_impl/translations/update.sh afterwards to compile.
"""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

PO = Path(__file__).resolve().parents[1] / "crm_impl" / "translations" / "zh_Hans" / "LC_MESSAGES" / "messages.po"


def main(table_path: str) -> None:
    table = runpy.run_path(table_path)["ZH"]
    with PO.open("rb") as f:
        catalog = read_po(f)
    filled = 0
    for (context, msgid), text in table.items():
        message = catalog.get(msgid, context)
        if message is not None and not message.string:
            message.string = text
            filled += 1
    with PO.open("wb") as f:
        write_po(f, catalog, width=76, omit_header=False, sort_output=True)
    missing = [m.id for m in catalog if m.id and not m.string]
    print(f"filled {filled}; still untranslated: {len(missing)}")
    for msgid in missing:
        print("  ", repr(msgid))


if __name__ == "__main__":
    main(sys.argv[1])
