#!/usr/bin/env bash
# Lighthouse scores (performance, accessibility, best practices, SEO) on a phone
# for the home page, the ALL page, a Find a Doctor results page, a site search results page
# and a doctor's profile.
#
#     make lighthouse          # installs lighthouse@12.2.3 into .tools/lighthouse first
#     bash bench/lighthouse.sh # when it is already installed
#
# Serves the site the way `make serve` does (production settings under gunicorn,
# hashed static files through whitenoise) on 127.0.0.1:$PORT (default 8061) from a
# scratch SQLite database with the demo content, or from $BENCH_DATABASE_URL when
# set (it is migrated and given demo content). Runs Debian's Chromium
# (CHROME_PATH, default /usr/bin/chromium). Prints numbers; asserts nothing; not
# part of CI. Reports go to bench/results/lighthouse/ (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${PORT:-8061}
BASE="http://localhost:$PORT"
PY=.venv/bin/python
LIGHTHOUSE=.tools/lighthouse/node_modules/.bin/lighthouse
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
OUT=bench/results/lighthouse
SCRATCH=$(mktemp -d /tmp/lighthouse-site.XXXXXX)
mkdir -p "$OUT"

if [ ! -x "$LIGHTHOUSE" ]; then
    echo "Lighthouse is not installed: run 'make lighthouse' (npm install --prefix .tools/lighthouse lighthouse@12.2.3)." >&2
    exit 1
fi

export DATABASE_URL=${BENCH_DATABASE_URL:-sqlite:///$SCRATCH/site.sqlite3}
export STATIC_ROOT=$SCRATCH/static
SERVER_PID=""
cleanup() {
    if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
    rm -rf "$SCRATCH"
}
trap cleanup EXIT

echo "== demo content in $DATABASE_URL" >&2
# Demo content refuses production settings on purpose, so it loads under dev settings first.
DJANGO_SETTINGS_MODULE=hospital_site.settings.dev $PY manage.py migrate --noinput -v0
DJANGO_SETTINGS_MODULE=hospital_site.settings.dev $PY manage.py load_demo_content -v0 >/dev/null
# Demo profiles are fictional and so "noindex" on purpose; a real doctor's profile is
# indexable. Mark the measured one as real in this scratch database so the SEO score
# is the one a real profile gets.
PROFILE=$(DJANGO_SETTINGS_MODULE=hospital_site.settings.dev $PY manage.py shell -v0 -c "
from providers.models import Provider
doctor = Provider.objects.active().filter(conditions__slug='acute-lymphoblastic-leukemia').order_by('pk').first()
Provider.objects.filter(pk=doctor.pk).update(is_demo=False)
print(doctor.get_absolute_url())")

echo "== production settings under gunicorn on $BASE" >&2
export DJANGO_SETTINGS_MODULE=hospital_site.settings.production
export SECRET_KEY=${SECRET_KEY:-$($PY -c 'import secrets; print(secrets.token_urlsafe(64))')}
export ALLOWED_HOSTS=localhost,127.0.0.1
export SECURE_SSL_REDIRECT=false
$PY manage.py collectstatic --noinput -v0
.venv/bin/gunicorn hospital_site.wsgi:application --bind "127.0.0.1:$PORT" --workers 2 --log-level warning &
SERVER_PID=$!
for _ in $(seq 50); do
    curl -fsS "$BASE/healthz" >/dev/null 2>&1 && break
    sleep 0.2
done

declare -A PAGES=(
    [home]="/"
    [all-page]="/conditions/acute-lymphoblastic-leukemia/"
    [doctors-for-all]="/find-a-doctor/?condition=acute-lymphoblastic-leukemia"
    [search-results]="/search/?q=leukemia"
    [profile]="$PROFILE"
)
printf '%-16s %12s %14s %15s %6s  %s\n' page performance accessibility best-practices seo "failed SEO audits"
for name in home all-page doctors-for-all search-results profile; do
    "$LIGHTHOUSE" "$BASE${PAGES[$name]}" --quiet --output=json --output-path="$OUT/$name.json" \
        --chrome-flags="--headless --no-sandbox --disable-gpu" >/dev/null 2>&1 || {
        echo "$name: lighthouse failed" >&2
        continue
    }
    $PY - "$OUT/$name.json" "$name" <<'EOF'
import json
import sys

report = json.load(open(sys.argv[1]))
categories = report["categories"]
scores = [round(categories[key]["score"] * 100) for key in ("performance", "accessibility", "best-practices", "seo")]
failed = [
    ref["id"]
    for ref in categories["seo"]["auditRefs"]
    if ref["weight"] and report["audits"][ref["id"]]["score"] not in (None, 1)
]
print(f"{sys.argv[2]:<16} {scores[0]:>12} {scores[1]:>14} {scores[2]:>15} {scores[3]:>6}  {' '.join(failed) or '-'}")
EOF
done
