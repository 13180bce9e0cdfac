from pathlib import Path

from sitekit.inputs.diskmemo import DiskMemo, source_version


def test_a_value_put_is_found_by_another_memo_of_the_same_folder_and_version(tmp_path):
    DiskMemo(tmp_path, "v1").put("key", {"a": [1, "b"]})
    assert DiskMemo(tmp_path, "v1").get("key") == {"a": [1, "b"]}


def test_another_key_or_version_finds_nothing(tmp_path):
    DiskMemo(tmp_path, "v1").put("key", 1)
    assert DiskMemo(tmp_path, "v1").get("key ") is None
    assert DiskMemo(tmp_path, "v2").get("key") is None


def test_an_unreadable_or_truncated_entry_is_a_miss_not_an_error(tmp_path):
    memo = DiskMemo(tmp_path, "v1")
    memo.put("key", "value" * 100)
    [entry] = list(tmp_path.iterdir())
    entry.write_bytes(entry.read_bytes()[:20])
    assert memo.get("key") is None
    entry.write_bytes(b"not a pickle at all")
    assert memo.get("key") is None


def test_a_folder_that_cannot_be_written_keeps_nothing_and_says_nothing(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("a file where the folder would be")
    memo = DiskMemo(blocked / "cache", "v1")
    memo.put("key", 1)
    assert memo.get("key") is None


def test_the_version_changes_with_the_module_source_and_the_library_version(tmp_path):
    module = tmp_path / "m.py"
    module.write_text("x = 1\n")
    first = source_version(module, "1.0")
    assert source_version(module, "1.1") != first
    module.write_text("x = 2\n")
    assert source_version(module, "1.0") != first
    assert source_version(Path(module), "1.0") == source_version(module, "1.0")
