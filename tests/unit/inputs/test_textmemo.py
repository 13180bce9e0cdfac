import os

from sitekit.inputs.textmemo import SWEEP_EVERY_S, UNUSED_FOR_S, TextMemo, keep_new_results, sweep


def never(text: str) -> str:
    raise AssertionError(f"made again: {text!r}")


def test_a_result_is_read_back_by_the_next_build_instead_of_being_made_again(tmp_path):
    assert TextMemo(tmp_path, "v1")("<p>Ciao</p>", str.upper) == "<P>CIAO</P>"
    assert TextMemo(tmp_path, "v1")("<p>Ciao</p>", never) == "<P>CIAO</P>"


def test_another_text_or_version_is_made_anew(tmp_path):
    TextMemo(tmp_path, "v1")("<p>Ciao</p>", str.upper)
    assert TextMemo(tmp_path, "v1")("<p>Ciao </p>", str.lower) == "<p>ciao </p>"
    assert TextMemo(tmp_path, "v2")("<p>Ciao</p>", str.lower) == "<p>ciao</p>"


def test_any_text_comes_back_exactly_even_empty_or_with_a_lone_surrogate(tmp_path):
    for text in ["", "\n", "a\ud800b", "é€😀\r\n\x00", "12\n34"]:
        assert TextMemo(tmp_path, "v1")(text, lambda t: t + t) == text + text
        assert TextMemo(tmp_path, "v1")(text, never) == text + text


def test_a_shortened_or_garbled_entry_is_made_again_not_read_or_raised(tmp_path):
    memo = TextMemo(tmp_path, "v1")
    memo("page", lambda t: "kept " * 100)
    [entry] = list(tmp_path.iterdir())
    for damaged in [entry.read_bytes()[:-1], entry.read_bytes() + b"x", b"\xff\xfe", b"", b"500\n" + b"\xff" * 500]:
        entry.write_bytes(damaged)
        assert memo("page", lambda t: "made") == "made"


def test_a_folder_that_cannot_be_written_keeps_nothing_and_says_nothing(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("a file where the folder would be")
    memo = TextMemo(blocked / "pages", "v1")
    assert memo("page", str.upper) == "PAGE"
    assert memo("page", str.lower) == "page"
    assert sweep(blocked / "pages") == 0


def test_a_sweep_removes_what_no_build_used_for_a_week_and_keeps_what_one_read(tmp_path):
    memo = TextMemo(tmp_path, "v1")
    for text in ["old", "read", "new"]:
        memo(text, str.upper)
    long_ago = os.stat(tmp_path).st_mtime - UNUSED_FOR_S - 60
    for entry in tmp_path.iterdir():
        os.utime(entry, (long_ago, long_ago))
    memo("read", never)  # a build reads it: used now
    memo("new", never)
    assert sweep(tmp_path) == 1
    assert memo("read", never) == "READ"
    assert memo("new", never) == "NEW"
    assert memo("old", str.lower) == "old"  # removed: made again


def test_a_folder_is_swept_at_most_once_a_day(tmp_path):
    memo = TextMemo(tmp_path, "v1")
    memo("page", str.upper)
    [entry] = list(tmp_path.iterdir())
    assert sweep(tmp_path) == 0  # nothing old yet; the sweep is stamped
    long_ago = os.stat(entry).st_mtime - UNUSED_FOR_S - 60
    os.utime(entry, (long_ago, long_ago))
    assert sweep(tmp_path) == 0  # swept less than a day ago
    later = os.stat(entry).st_mtime + UNUSED_FOR_S + SWEEP_EVERY_S + 120
    assert sweep(tmp_path, now=later) == 1


def test_under_mkdocs_serve_results_are_read_but_drafts_are_not_kept(tmp_path):
    TextMemo(tmp_path, "v1")("built", str.upper)
    keep_new_results(False)
    try:
        assert TextMemo(tmp_path, "v1")("built", never) == "BUILT"
        assert TextMemo(tmp_path, "v1")("draft", str.upper) == "DRAFT"
        assert len(list(tmp_path.iterdir())) == 1
    finally:
        keep_new_results(True)
    assert TextMemo(tmp_path, "v1")("draft", str.upper) == "DRAFT"
    assert len(list(tmp_path.iterdir())) == 2


def test_reading_an_entry_marks_it_used_at_most_once_a_day(tmp_path):
    memo = TextMemo(tmp_path, "v1")
    memo("page", str.upper)
    [entry] = list(tmp_path.iterdir())
    hour, day = 3600 * 10**9, SWEEP_EVERY_S * 10**9
    an_hour_ago, two_days_ago = entry.stat().st_mtime_ns - hour, entry.stat().st_mtime_ns - 2 * day
    os.utime(entry, ns=(an_hour_ago, an_hour_ago))
    memo("page", never)
    assert entry.stat().st_mtime_ns == an_hour_ago  # marked recently: no write to the disk's metadata
    os.utime(entry, ns=(two_days_ago, two_days_ago))
    memo("page", never)
    assert entry.stat().st_mtime_ns > an_hour_ago
