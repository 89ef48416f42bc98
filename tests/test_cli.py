"""The command line: exit codes, the problem line format, export files, help texts."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from zoneapp.cli import main
from zoneapp.paths import DEFAULT_DATA, ROOT

# A problem in a row: `file:row: column: message`; a problem with a whole file: `file: message`.
ROW_PROBLEM = re.compile(r"^[^:\s]+\.[a-z]+:\d+: [^:]+: \S.*$")
FILE_PROBLEM = re.compile(r"^[^:\s]+\.[a-z]+: \S.*$")
LINE_PROBLEM = re.compile(r"^[^:\s]+\.[a-z]+:\d+: \S.*$")  # a whole row or line


def run_cli(*args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True, text=True, encoding="utf-8", env=env, timeout=120,
    )


@pytest.fixture
def broken_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "zone"
    shutil.copytree(DEFAULT_DATA, folder)
    projects = folder / "projects.csv"
    frame = pd.read_csv(projects, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    frame.loc[1, "investment"] = "很多"  # spreadsheet row 3
    frame.to_csv(projects, index=False, encoding="utf-8-sig")
    return folder


def test_validate_default_data_is_clean() -> None:
    result = run_cli("validate")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert "0 个错误" in result.stderr


def test_validate_reports_file_row_column(broken_folder: Path) -> None:
    result = run_cli("validate", str(broken_folder), "--lang", "en")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert "projects.csv:3: investment: not a number: '很多'" in lines, lines
    for line in lines:
        assert ROW_PROBLEM.match(line), line
    assert "Traceback" not in result.stderr


def test_problem_line_patterns_are_strict() -> None:
    assert ROW_PROBLEM.match("projects.csv:3: investment: not a number: '很多'")
    assert not ROW_PROBLEM.match("projects.csv:3: not a number")  # no column
    assert not ROW_PROBLEM.match("projects.csv: investment: not a number")  # no row
    assert not ROW_PROBLEM.match("anything at all: really")
    assert FILE_PROBLEM.match("zone.toml: zone.toml is not valid TOML")
    assert not FILE_PROBLEM.match("zone.toml:3: bad")


def test_validate_reports_a_whole_file_problem_as_file_message(tmp_path: Path) -> None:
    folder = tmp_path / "zone"
    shutil.copytree(DEFAULT_DATA, folder)
    (folder / "zone.toml").write_text("name = [2019,\n", encoding="utf-8")  # ends too early
    result = run_cli("validate", str(folder), "--lang", "en")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines and all(FILE_PROBLEM.match(line) for line in lines), lines
    assert lines[0].startswith("zone.toml: "), lines


def test_validate_reports_a_line_problem_as_file_line_message(tmp_path: Path) -> None:
    folder = tmp_path / "zone"
    shutil.copytree(DEFAULT_DATA, folder)
    (folder / "zone.toml").write_text("name = [broken\n", encoding="utf-8")
    result = run_cli("validate", str(folder), "--lang", "en")
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "zone.toml:1: line 1, column 9 is not valid TOML (Invalid value): name = [broken"]
    assert LINE_PROBLEM.match(result.stdout.strip())


def test_validate_missing_folder_is_a_usage_error(tmp_path: Path) -> None:
    result = run_cli("validate", str(tmp_path / "missing"))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "missing" in result.stderr


def test_unknown_command_and_bad_option_are_usage_errors() -> None:
    assert main(["frobnicate"]) == 2
    assert main(["export"]) == 2  # OUT_DIR is required
    assert main(["export", "out", "--encoding", "latin-1"]) == 2


@pytest.mark.parametrize("command", ["validate", "export", "render", "report"])
def test_each_command_has_help(command: str, capsys) -> None:
    assert main([command, "--help"]) == 0
    out = capsys.readouterr().out
    assert "usage: zoneapp " + command in out
    assert re.search(r"[\u4e00-\u9fff]", out)  # Chinese first
    assert re.search(r"[A-Za-z]{5,}", out)  # English too


def test_validate_help_names_exit_codes_and_line_forms(capsys) -> None:
    assert main(["validate", "--help"]) == 0
    out = " ".join(capsys.readouterr().out.split())  # argparse may wrap lines
    assert "file:row: column: message" in out
    assert "file: message" in out
    for code in ("0", "1", "2"):
        assert re.search(rf"\b{code} when", out), code


@pytest.mark.parametrize("lang, expected", [("zh", "无法写入 {}："), ("en", "cannot write {}: ")])
@pytest.mark.parametrize("command", ["export", "render", "report"])
def test_unwritable_target_names_it_in_the_users_language(
        tmp_path: Path, command: str, lang: str, expected: str) -> None:
    blocker = tmp_path / "file.txt"
    blocker.write_text("not a folder", encoding="utf-8")
    target = blocker / ("out.pdf" if command == "report" else "out")
    result = run_cli(command, str(target), "--lang", lang)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    message = result.stderr.strip().splitlines()[-1]
    assert message.startswith(expected.format(target)), message
    assert ".part" not in result.stderr and "NotADirectoryError" not in result.stderr
    assert len(message) > len(expected.format(target))  # the reason follows


def test_export_writes_every_table_with_bom(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["export", str(out)]) == 0
    names = sorted(p.name for p in out.iterdir())
    assert "概览_指标.csv" in names
    assert "产业项目_产业项目.csv" in names
    for path in out.iterdir():
        assert path.read_bytes().startswith(b"\xef\xbb\xbf"), path.name
    indicators = pd.read_csv(out / "概览_指标.csv", encoding="utf-8-sig")
    revenue = indicators[(indicators["指标代码"] == "revenue") & (indicators["年份"] == 2019)]
    assert revenue["数值"].tolist() == [506.1]
    # The derived 2018 figure is exported, marked as derived.
    derived = indicators[(indicators["指标代码"] == "revenue") & (indicators["年份"] == 2018)]
    assert derived["口径"].tolist() == ["推算"]


def test_export_english_gb18030(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["--lang", "en", "export", str(out), "--encoding", "gb18030"]) == 0
    path = out / "Overview_Indicators.csv"
    assert not path.read_bytes().startswith(b"\xef\xbb\xbf")
    frame = pd.read_csv(path, encoding="gb18030")
    assert "Value" in frame.columns
    assert "主营业务收入" in frame["Name (Chinese)"].tolist()
