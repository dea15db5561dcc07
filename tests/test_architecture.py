"""The layers of docs/architecture.md are a contract that fails when broken, not a picture."""

import shutil
import subprocess

import pytest

from tests.helpers import PROJECT_ROOT

PACKAGES = ["hospital_site", "search", "providers", "conditions", "base"]
LINT_IMPORTS = shutil.which("lint-imports") or str(PROJECT_ROOT / ".venv" / "bin" / "lint-imports")


def lint_imports(tree):
    return subprocess.run(
        [LINT_IMPORTS, "--no-logo", "--no-cache"], cwd=tree, capture_output=True, text=True, timeout=120
    )


@pytest.fixture
def tree(tmp_path):
    """A copy of our packages and the contracts, to break on purpose."""
    for package in PACKAGES:
        shutil.copytree(PROJECT_ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(PROJECT_ROOT / "pyproject.toml", tmp_path)
    return tmp_path


def add_line(path, line):
    path.write_text(path.read_text() + f"\n{line}\n")


def test_the_code_as_it_is_keeps_every_contract(tree):
    result = lint_imports(tree)

    assert result.returncode == 0, result.stdout
    assert "5 kept, 0 broken" in result.stdout


def test_a_condition_page_importing_the_directory_breaks_the_layers(tree):
    add_line(tree / "conditions" / "choices.py", "from providers.models import Provider  # noqa")

    result = lint_imports(tree)

    assert result.returncode != 0
    assert "conditions is not allowed to import providers" in result.stdout
    assert "conditions.choices -> providers.models" in result.stdout


def test_the_ground_importing_a_feature_app_breaks_the_layers(tree):
    add_line(tree / "base" / "phone.py", "import conditions.models  # noqa")

    result = lint_imports(tree)

    assert result.returncode != 0
    assert "base is not allowed to import conditions" in result.stdout


def test_two_modules_importing_each_other_break_the_no_cycles_contract(tree):
    add_line(tree / "conditions" / "readability.py", "def _back():\n    from .panels import ReadingLevelPanel  # noqa")
    add_line(tree / "conditions" / "panels.py", "from .readability import reading_level  # noqa")

    result = lint_imports(tree)

    assert result.returncode != 0
    assert "No cycles are allowed in conditions" in result.stdout


def test_the_site_reaching_for_demo_content_breaks_the_demo_contract(tree):
    add_line(tree / "providers" / "views.py", "from providers import demo  # noqa")

    result = lint_imports(tree)

    assert result.returncode != 0
    assert "providers.views -> providers.demo" in result.stdout


def test_the_fhir_api_reaching_into_find_a_doctor_breaks_the_independence_contract(tree):
    add_line(tree / "providers" / "fhir" / "search.py", "from providers import views  # noqa")

    result = lint_imports(tree)

    assert result.returncode != 0
    assert "providers.fhir.search -> providers.views" in result.stdout
