"""The GitHub Actions workflow: zizmor (offline) finds nothing, and the rules it cannot see hold."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from tests.support.project import REPO

WORKFLOWS = REPO / ".github" / "workflows"
ZIZMOR = shutil.which("zizmor", path=str(Path(sys.executable).parent)) or shutil.which("zizmor")
_PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$")


def workflow() -> dict:
    return yaml.safe_load((WORKFLOWS / "site.yml").read_text(encoding="utf-8"))


def zizmor(folder: Path) -> tuple[int, list[dict], str]:
    """zizmor's audits of `folder` (a .github/workflows), offline: exit code, findings, errors."""
    assert ZIZMOR, "zizmor is missing: make venv installs it (the test extra)"
    result = subprocess.run(
        [ZIZMOR, "--offline", "--no-progress", "--format", "json", str(folder)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    return result.returncode, json.loads(result.stdout or "[]"), result.stderr


def test_zizmor_finds_nothing() -> None:
    """zizmor at its default persona, offline (no GitHub API); any finding fails."""
    code, findings, errors = zizmor(WORKFLOWS)
    described = [
        f"{f['ident']}: {f['desc']} ({f['locations'][0]['symbolic'].get('annotation')})"
        for f in findings
    ]
    assert code == 0 and not findings, "\n".join(described) or errors


def test_zizmor_would_see_the_old_workflows_faults(tmp_path: Path) -> None:
    """The lint can fail: tags instead of SHAs and kept credentials are findings."""
    folder = tmp_path / ".github" / "workflows"
    folder.mkdir(parents=True)
    text = (WORKFLOWS / "site.yml").read_text(encoding="utf-8")
    text = re.sub(r"@[0-9a-f]{40} # (v\d+)\S*", r"@\1", text)
    (folder / "site.yml").write_text(
        text.replace("          persist-credentials: false\n", ""), encoding="utf-8"
    )
    code, findings, _ = zizmor(folder)
    assert code != 0
    assert {"unpinned-uses", "artipacked"} <= {f["ident"] for f in findings}


def test_every_action_is_pinned_by_commit_with_its_version() -> None:
    lines = (WORKFLOWS / "site.yml").read_text(encoding="utf-8").splitlines()
    uses = [line.split("uses:", 1)[1].strip() for line in lines if "uses:" in line]
    assert uses
    for use in uses:
        assert _PINNED.match(use), f"pin '{use}' to a full commit SHA with '# vX.Y.Z'"


def test_jobs_have_timeouts_and_their_own_least_permissions() -> None:
    flow = workflow()
    assert flow["permissions"] == {}
    for name, job in flow["jobs"].items():
        assert job.get("timeout-minutes"), name
        assert "permissions" in job, name
        assert "write" not in job["permissions"].values() or name == "deploy", name
    assert flow["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}


def test_checkouts_keep_no_credentials_and_fetch_the_history() -> None:
    for name, job in workflow()["jobs"].items():
        for step in job["steps"]:
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False, name
                assert step["with"]["fetch-depth"] == 0, name


def test_a_running_deploy_is_never_cancelled() -> None:
    flow = workflow()
    assert flow["jobs"]["deploy"]["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    assert flow["concurrency"]["cancel-in-progress"] == "${{ github.event_name == 'pull_request' }}"


def test_triggers_pages_preview_and_cache() -> None:
    flow = workflow()
    assert set(flow[True]) == {"pull_request", "push", "workflow_dispatch"}  # YAML 1.1: on → True
    build = flow["jobs"]["build"]["steps"]
    used = [step.get("uses", "").split("@")[0] for step in build]
    assert "actions/configure-pages" in used
    preview = next(s for s in build if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert preview["if"] == "github.event_name == 'pull_request'"
    assert preview["with"]["name"] == "site-preview"
    setups = [s for s in build if s.get("uses", "").startswith("actions/setup-python@")]
    assert setups[0]["with"]["cache"] == "pip"


@pytest.mark.parametrize("form", sorted((REPO / ".github" / "ISSUE_TEMPLATE").glob("*.yml")))
def test_issue_forms_are_well_formed(form: Path) -> None:
    data = yaml.safe_load(form.read_text(encoding="utf-8"))
    if form.name == "config.yml":
        assert isinstance(data["blank_issues_enabled"], bool)
        assert all(link["url"].startswith("https://") for link in data["contact_links"])
        return
    assert data["name"] and data["description"]
    ids = [item["id"] for item in data["body"] if "id" in item]
    assert len(ids) == len(set(ids))
    for item in data["body"]:
        assert item["type"] in {"markdown", "input", "textarea", "dropdown", "checkboxes"}


def test_the_event_pages_correction_link_fills_the_forms_fields() -> None:
    """The query an event page sends names the form's own file and field ids."""
    from builder.views.pages.event_pages import CORRECTION_FORM
    from builder.views.settings import SiteSettings

    form = yaml.safe_load(
        (REPO / ".github" / "ISSUE_TEMPLATE" / CORRECTION_FORM).read_text(encoding="utf-8")
    )
    ids = {item["id"] for item in form["body"] if "id" in item}
    assert {"event", "problem", "source"} <= ids
    url = SiteSettings(repo_url="https://github.com/o/r").issue_form_url(
        CORRECTION_FORM, {"title": "Correction: x", "event": "https://site/events/x/"}
    )
    query = parse_qs(urlsplit(url).query)
    assert set(query) - {"template", "title"} <= ids
    assert query["event"] == ["https://site/events/x/"]
