"""The framework floor: a WSGI app that returns a fixed page, served by the same gunicorn as the site.

    .venv/bin/gunicorn bench.floor_app:application --bind 127.0.0.1:8074 --workers 2

bench/pages.sh measures it next to the real site so the site's numbers read
as a fraction of what gunicorn itself can do on this machine.
"""

BODY = b"<!DOCTYPE html><title>floor</title><p>A fixed response."


def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(BODY)))])
    return [BODY]
