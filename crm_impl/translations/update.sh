#!/usr/bin/env bash
# Refresh the translation catalogue in one go:
#   1. re-extract crm_impl/translations/messages.pot from crm_impl/, blueprints/ and templates/
#      (see babel.cfg; the keywords are crm_impl.i18n.EXTRACT_KEYWORDS),
#   2. merge it into every crm_impl/translations/<locale>/LC_MESSAGES/messages.po
#      (no fuzzy guesses, obsolete entries dropped),
#   3. compile the .po files into the .mo files the app, the CLI and the reports load.
# New strings arrive with an empty msgstr: translate them, then run this script again so the
# .mo follows. tests/crm_impl/test_translations.py fails until every string is translated.
#
# Usage: crm_impl/translations/update.sh   (from anywhere; uses $PYTHON, else python3)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."
python="${PYTHON:-python3}"
pybabel=("$python" -m babel.messages.frontend)
keywords=()
for keyword in $("$python" -c 'from crm_impl.i18n import EXTRACT_KEYWORDS; print(*EXTRACT_KEYWORDS)'); do
    keywords+=(-k "$keyword")
done

"${pybabel[@]}" extract -F babel.cfg "${keywords[@]}" --no-location --sort-output \
    --project crm-impl --copyright-holder "crm-impl contributors" \
    -o crm_impl/translations/messages.pot .
"${pybabel[@]}" update -i crm_impl/translations/messages.pot -d crm_impl/translations -D messages \
    --no-fuzzy-matching --ignore-obsolete
"${pybabel[@]}" compile -d crm_impl/translations -D messages --statistics
