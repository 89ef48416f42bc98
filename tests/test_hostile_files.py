"""#16 items 2, 3, 8: one bad file is that file's problem; a reload keeps what it cannot read."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from zoneapp.core.loading import load_dataset
from zoneapp.paths import DEFAULT_DATA


@pytest.fixture
def folder(tmp_path) -> Path:
    target = tmp_path / "zone"
    shutil.copytree(DEFAULT_DATA, target)
    return target


SPOILERS = {
    "empty": lambda b: b"",
    "binary": lambda b: bytes(range(256)) * 20,
    "wrong_header": lambda b: b"foo,bar\r\n1,2\r\n",
}


@pytest.mark.parametrize("how", sorted(SPOILERS))
def test_reload_keeps_the_last_good_table_marked_stale(folder, how):
    first = load_dataset(folder)
    rows = len(first.tables["honours"])
    path = folder / "honours.csv"
    path.write_bytes(SPOILERS[how](path.read_bytes()))
    again = load_dataset(folder, previous=first)
    assert len(again.tables["honours"]) == rows
    problem = again.stale["honours"]
    assert problem.file == "honours.csv"
    assert "stale" in problem.message_en and problem.message_en.split("(")[1].strip()
    assert "旧数据" in problem.message_zh
    assert problem in again.problems
    fresh = load_dataset(folder)  # without a previous load there is nothing to keep
    assert "honours" not in fresh.tables and not fresh.stale


def test_a_save_cut_at_a_third_reads_what_is_there_and_says_the_line_is_damaged(folder):
    """(The folder watcher does not reload a file cut short until it looks whole; when it is
    read anyway, the rows before the cut are shown and the damaged line is named.)"""
    first = load_dataset(folder)
    path = folder / "honours.csv"
    data = path.read_bytes()
    cut = len(data) // 3
    while data[cut] < 0xE0:  # inside a character, as a writer stopped mid-save leaves it
        cut += 1
    path.write_bytes(data[: cut + 1])
    again = load_dataset(folder, previous=first)
    assert "honours" in again.tables
    assert any(p.code == "damaged_line" and p.file == "honours.csv" for p in again.problems)


def test_unreadable_indicators_keep_cards_and_derived_figures(folder):
    first = load_dataset(folder)
    (folder / "indicators.csv").write_bytes(b"\xff\xfe\x00garbage" * 50)
    again = load_dataset(folder, previous=first)
    assert "indicators" in again.stale
    assert len(again.indicators) == len(first.indicators)  # derived figures too


def test_a_removed_optional_file_is_not_kept(folder):
    first = load_dataset(folder)
    (folder / "honours.csv").unlink()
    again = load_dataset(folder, previous=first)
    assert "honours" not in again.tables and not again.stale


def test_a_header_past_the_csv_field_limit_is_that_files_problem(folder):
    (folder / "honours.csv").write_text("x" * 140_000 + "\n1\n", encoding="utf-8")
    ds = load_dataset(folder)
    found = [p for p in ds.problems if p.file == "honours.csv"]
    assert found and found[0].is_error
    assert "131,072" in found[0].message_en or "larger" in found[0].message_en
    assert "projects" in ds.tables and "indicators" in ds.tables


def test_a_deeply_nested_zone_toml_is_its_problem(folder):
    (folder / "zone.toml").write_text("x = " + "[" * 10_000 + "]" * 10_000 + "\n")
    ds = load_dataset(folder)
    found = [p for p in ds.problems if p.file == "zone.toml"]
    assert found and "deep" in found[0].message_en and "嵌套" in found[0].message_zh
    assert "indicators" in ds.tables


def test_chinese_duplicate_key_message_gives_the_reason(folder):
    text = (folder / "zone.toml").read_text(encoding="utf-8")
    (folder / "zone.toml").write_text(text.replace("[zone]", "[zone]\nname_zh = \"甲\"", 1),
                                      encoding="utf-8")
    ds = load_dataset(folder)
    problem = next(p for p in ds.problems if p.code == "manifest_syntax")
    assert "overwrite" in problem.message_en.lower()
    assert "重复" in problem.message_zh


def test_a_fifo_or_folder_named_like_a_table_is_reported(folder):
    (folder / "honours.csv").unlink()
    (folder / "honours.csv").mkdir()
    if hasattr(os, "mkfifo"):
        (folder / "plans.csv").unlink()
        os.mkfifo(folder / "plans.csv")
    ds = load_dataset(folder)
    files = {p.file for p in ds.problems if p.code == "not_regular_file"}
    assert "honours.csv" in files
    if hasattr(os, "mkfifo"):
        assert "plans.csv" in files
