"""Editors' tools keep the pages and data as the build reads them: UTF-8, LF, a final newline."""

from __future__ import annotations

import configparser

from sitebuild import ROOT

TEXT = {".md", ".yml", ".yaml", ".json", ".css", ".js", ".html", ".txt", ".svg"}


def test_editorconfig_asks_for_utf8_lf_and_a_final_newline_in_docs_and_data():
    config = configparser.ConfigParser()
    # EditorConfig's preamble (root = true) stands before any section: give it one to parse.
    config.read_string("[preamble]\n" + (ROOT / ".editorconfig").read_text(encoding="utf-8"))
    assert config["preamble"]["root"] == "true"
    section = config["{docs,data}/**"]
    assert (section["charset"], section["end_of_line"], section["insert_final_newline"]) == ("utf-8", "lf", "true")


def test_every_text_file_in_docs_and_data_is_utf8_with_lf_and_a_final_newline():
    wrong = []
    for path in sorted(p for folder in ("docs", "data") for p in (ROOT / folder).rglob("*") if p.suffix in TEXT):
        raw = path.read_bytes()
        name = path.relative_to(ROOT).as_posix()
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError as error:
            wrong.append(f"{name}: not UTF-8 ({error})")
        if raw.startswith(b"\xef\xbb\xbf"):
            wrong.append(f"{name}: starts with a byte-order mark")
        if b"\r" in raw:
            wrong.append(f"{name}: CR line endings")
        if raw and not raw.endswith(b"\n"):
            wrong.append(f"{name}: no newline at the end")
    assert wrong == [], "\n".join(wrong)
