"""#16 item 5: file names built from data stay inside the chosen folder and can be created."""
from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from zoneapp.core.io.names import safe_file_name

HOSTILE = ["/somewhere/else", "../../x", "上饶/高新区", "a\\b", "..", ".", "", "CON", "nul.txt",
           "a\x00b\x1b[31m", "line\nbreak", "名" * 200, "trailing. ", "\u202egnp.exe"]


@pytest.mark.parametrize("name", HOSTILE)
def test_safe_file_name_is_one_creatable_component(tmp_path, name):
    safe = safe_file_name(name)
    assert safe and Path(safe).name == safe and safe not in (".", "..")
    assert "/" not in safe and "\\" not in safe and ".." not in safe
    assert all(c >= " " for c in safe) and "\u202e" not in safe
    assert len(safe.encode()) <= 180
    assert safe.split(".")[0].upper() not in {"CON", "NUL", "PRN", "AUX"}
    (tmp_path / (safe + ".pdf")).write_bytes(b"x")  # can be created, right there
    assert [p.parent for p in tmp_path.iterdir()] == [tmp_path]


def test_ordinary_names_are_kept():
    assert safe_file_name("上饶高新区") == "上饶高新区"
    assert safe_file_name("Example Zone_overview") == "Example Zone_overview"


@pytest.mark.parametrize("zone", ["/somewhere/else", "../../x", "上饶/高新区"])
def test_report_and_share_card_suggest_a_path_in_the_chosen_folder(main_window, default_dataset,
                                                                  zone, tmp_path):
    manifest = dataclasses.replace(default_dataset.manifest, name_zh=zone, name_en=zone)
    main_window.set_dataset(dataclasses.replace(default_dataset, manifest=manifest))
    asked = []
    sharing = main_window.sharing
    sharing.ask_save_path = lambda title, name, filter_text: asked.append(name) or None
    sharing.export_report()
    sharing.share_card()
    assert len(asked) == 2
    for name in asked:
        assert Path(name).name == name and ".." not in name and "/" not in name


def test_exported_file_names_are_safe(tmp_path, default_dataset):
    from zoneapp.core.io.export import file_stem
    from zoneapp.core.schema import TABLES

    for table in TABLES:
        stem = file_stem(table, "en")
        assert stem == safe_file_name(stem)
