"""Generated files land below the site folder, in folders made as needed."""

from pathlib import Path

from sitekit.theme.sitefiles import write_files


def test_files_are_written_in_new_and_existing_folders(tmp_path: Path):
    (tmp_path / "calendar").mkdir()
    write_files(tmp_path, {"calendar/a.ics": b"A\r\n", "calendar/b.ics": b"B", "en/calendar/a.ics": b"EN"})
    assert (tmp_path / "calendar" / "a.ics").read_bytes() == b"A\r\n"
    assert (tmp_path / "calendar" / "b.ics").read_bytes() == b"B"
    assert (tmp_path / "en" / "calendar" / "a.ics").read_bytes() == b"EN"
