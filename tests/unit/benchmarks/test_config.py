"""The hooks-cost benchmark builds the same configuration with its `hooks:` list cut out."""

from __future__ import annotations

import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from builds import listed_hooks, without_hooks

CONFIG = """\
site_name: x
hooks:
  - hooks/a_hook.py

  - hooks/b_hook.py   # a comment says why it comes second
plugins:
  - search
"""


def test_hookless_configuration_drops_only_the_hooks_list():
    assert without_hooks(CONFIG) == "site_name: x\nplugins:\n  - search\n"


def test_listed_hooks_are_read_in_order():
    assert listed_hooks(CONFIG) == ["hooks/a_hook.py", "hooks/b_hook.py"]


def test_the_project_configuration_lists_hooks_the_benchmark_can_remove():
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert listed_hooks(text) and not listed_hooks(without_hooks(text))


def test_hookless_configuration_keeps_only_the_template_stub(tmp_path):
    from builds import STUB_HOOK, write_hookless_config

    (tmp_path / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    assert listed_hooks(write_hookless_config(tmp_path).read_text(encoding="utf-8")) == [str(STUB_HOOK)]
