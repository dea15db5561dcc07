#!/usr/bin/env bash
# Prove that a backup can be restored: build a scratch database with the demo
# content (and one uploaded image), fingerprint it, back it up the way
# docs/operations.md says (pg_dump custom format + a tar of the media folder),
# drop everything, restore, and compare. Exits non-zero on any difference.
#
#   BACKUP_SERVER_URL  a PostgreSQL server to create the scratch database on
#                      (default postgres://postgres@127.0.0.1:5432/postgres)
#   BACKUP_CHECK_DB    the scratch database's name (default hospital_backup_check);
#                      it is dropped and created again, and dropped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

server_url=${BACKUP_SERVER_URL:-postgres://postgres@127.0.0.1:5432/postgres}
db=${BACKUP_CHECK_DB:-hospital_backup_check}
db_url="${server_url%/*}/$db"
# Create and drop through the server's maintenance database; the one in the URL need not exist.
server_url="${server_url%/*}/postgres"
python=${PYTHON:-.venv/bin/python}
work=$(mktemp -d)
export DJANGO_SETTINGS_MODULE=hospital_site.settings.dev
export DATABASE_URL="$db_url" MEDIA_ROOT="$work/media"
export DEMO_ADMIN_PASSWORD="${DEMO_ADMIN_PASSWORD:-$($python -c 'import secrets; print(secrets.token_urlsafe(16))')}"

say() { printf '== %s\n' "$*"; }
drop_db() { psql "$server_url" -q -v ON_ERROR_STOP=1 -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)"; }
cleanup() { drop_db >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT

# pg_dump refuses a server newer than itself; an older server is fine.
client_major=$(pg_dump --version | sed -E 's/.* ([0-9]+)(\.[0-9]+)*.*/\1/')
server_major=$(( $(psql "$server_url" -Atc "SHOW server_version_num") / 10000 ))
say "pg_dump $client_major, server $server_major"
if [ "$client_major" -lt "$server_major" ]; then
    echo "pg_dump $client_major cannot back up a PostgreSQL $server_major server: install postgresql-client-$server_major." >&2
    exit 2
fi

say "scratch database $db with the demo content"
drop_db
psql "$server_url" -q -v ON_ERROR_STOP=1 -c "CREATE DATABASE \"$db\""
$python manage.py migrate --noinput -v 0
$python manage.py load_demo_content >/dev/null
$python manage.py shell -v 0 -c '
from io import BytesIO
from django.core.files.images import ImageFile
from PIL import Image as Picture
from wagtail.images.models import Image
buffer = BytesIO()
Picture.new("RGB", (64, 48), (200, 30, 60)).save(buffer, "PNG")
Image.objects.create(title="Backup check", description="A red rectangle", file=ImageFile(buffer, name="backup-check.png"))
'
$python manage.py content_fingerprint --tables >"$work/before.json"
media_files() { (cd "$MEDIA_ROOT" && find . -type f -print0 | sort -z | xargs -0 sha256sum); }
media_files >"$work/media-before.txt"

say "back up: pg_dump --format=custom --no-owner, and a tar of the media folder"
pg_dump --format=custom --no-owner --file="$work/site.dump" "$db_url"
tar -C "$MEDIA_ROOT" -czf "$work/media.tar.gz" .
ls -l "$work/site.dump" "$work/media.tar.gz" | awk '{print "   " $5 " bytes  " $NF}'

say "lose everything: drop the database, delete the media folder"
drop_db
rm -rf "$MEDIA_ROOT"

say "restore: create an empty database, pg_restore, untar the media"
psql "$server_url" -q -v ON_ERROR_STOP=1 -c "CREATE DATABASE \"$db\""
pg_restore --no-owner --exit-on-error --dbname="$db_url" "$work/site.dump"
mkdir -p "$MEDIA_ROOT" && tar -C "$MEDIA_ROOT" -xzf "$work/media.tar.gz"

say "compare"
$python manage.py content_fingerprint --tables >"$work/after.json"
media_files >"$work/media-after.txt"
$python manage.py migrate --check --noinput >/dev/null || { echo "The restored database has unapplied migrations." >&2; exit 1; }

$python - "$work/before.json" "$work/after.json" <<'PY'
import json, sys
before, after = (json.load(open(path)) for path in sys.argv[1:3])
content = before["content"]
counts = [content[k]["count"] for k in ("pages", "revisions", "providers", "site_settings", "images", "users")]
print("   pages %d, revisions %d, providers %d, site settings %d, images %d, users %d, tables %d"
      % tuple(counts + [len(before["tables"])]))
PY
status=0
if ! diff -u "$work/before.json" "$work/after.json"; then
    echo "FAIL: the restored database differs from the one backed up (diff above)." >&2
    status=1
fi
if ! diff -u "$work/media-before.txt" "$work/media-after.txt"; then
    echo "FAIL: the restored media files differ (diff above)." >&2
    status=1
fi
[ "$status" -eq 0 ] && echo "OK: backup restored identically ($(wc -l <"$work/media-before.txt") media files)."
exit "$status"
