#!/usr/bin/env bash
# Install Debian's Chromium for the Playwright journeys when it is missing.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
    /usr/bin/chromium --version
    exit 0
fi
if [ "$(id -u)" != "0" ]; then
    echo "Not root: cannot install Chromium (apt-get install chromium)." >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
/usr/bin/chromium --version
