#!/usr/bin/env bash
# Refresh the UI translation catalogues in one go:
#   1. re-extract translations/messages.pot from blueprints/ and templates/ (see babel.cfg),
#   2. merge it into every translations/<locale>/LC_MESSAGES/messages.po
#      (no fuzzy guesses, obsolete entries dropped),
#   3. compile the .po files into the .mo files the app loads.
# New strings arrive with an empty msgstr: translate them, then run this script again so the
# .mo follows. tests/blueprints/test_translations.py fails until every string is translated.
#
# Usage: translations/update.sh            (from anywhere; uses $PYBABEL, else the pybabel
#                                           on PATH, else `python -m babel.messages.frontend`)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [[ -n "${PYBABEL:-}" ]]; then
    read -r -a pybabel <<<"$PYBABEL"
elif command -v pybabel >/dev/null 2>&1; then
    pybabel=(pybabel)
else
    pybabel=("${PYTHON:-python3}" -m babel.messages.frontend)
fi

"${pybabel[@]}" extract -F babel.cfg -k _l -k lazy_gettext --no-location --sort-output \
    --project crm-impl --copyright-holder "crm-impl contributors" \
    -o translations/messages.pot .
"${pybabel[@]}" update -i translations/messages.pot -d translations -D messages \
    --no-fuzzy-matching --ignore-obsolete
"${pybabel[@]}" compile -d translations -D messages --statistics
