"""Under the real production settings module, the demo loader refuses to run."""

import secrets

from tests.helpers import run_manage


def test_demo_loader_refuses_under_production_settings(tmp_path):
    result = run_manage(
        ["load_demo_content"],
        "hospital_site.settings.production",
        env={
            "SECRET_KEY": secrets.token_urlsafe(64),
            "ALLOWED_HOSTS": "www.example.org",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'prod.sqlite3'}",
        },
    )

    assert result.returncode != 0
    assert "must never be loaded into a live site" in result.stderr
