"""Where Debian's Chromium is, for the real-browser journeys.

Shared by tests/e2e/conftest.py (which skips every journey when it is missing) and
tests/conftest.py (which repeats why at the end of the run). The summary lives in
the top conftest because under pytest-xdist only the controller writes it, and the
controller never loads tests/e2e/conftest.py.
"""

import os
import shutil

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_FOUND = os.path.exists(CHROMIUM)
MISSING_REASON = (
    f"Chromium not found at {CHROMIUM}: real-browser journeys NOT run. "
    "Install Debian's package (apt-get install chromium) or set CHROMIUM_PATH."
)
