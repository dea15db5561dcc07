#!/usr/bin/env bash
# GNU gettext (msgfmt) for the Spanish catalog's format check (tests/hospital_site/test_translations.py)
# and `make messages`. The compiled .mo is committed, so nothing else needs it.
set -euo pipefail
if command -v msgfmt >/dev/null 2>&1; then
    exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq gettext >/dev/null
command -v msgfmt
