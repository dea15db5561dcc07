#!/usr/bin/env bash
# Varnish (deploy/varnish/default.vcl) in front of `make serve` on loopback, against nginx serving the
# same HTML, then the time from a publish to the change being served through Varnish. See bench/README.md.
set -euo pipefail
TARGETS="nginx varnish" exec bash "$(dirname "$0")/pages.sh"
