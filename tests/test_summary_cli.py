"""`python main.py summary`: the monthly report's sentences, --period, and exit codes."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from zoneapp.paths import ROOT

MONTHLY = Path(__file__).parent / "data" / "monthly_targets"


def run(*args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "summary", *args],
                          capture_output=True, text=True, encoding="utf-8", env=env,
                          timeout=120)


def test_latest_period_in_chinese():
    done = run("--data", str(MONTHLY))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[:3] == [
        "1–10月，规上工业营业收入累计完成450.2亿元，同比增长9.8%，完成年度目标的88.2%，高于时序进度4.9个百分点。",
        "1–10月，工业总产值累计完成566.9亿元，同比增长8.2%（推算）。",
        "1–10月，税收收入累计完成6,850万元，完成年度目标的76.1%，低于时序进度7.2个百分点。",
    ]
    assert "2025年规上工业企业92家，比2024年增长7%。" in lines
    assert "1–9月，实际利用外资累计完成4,870万美元，同比增长8%。" in lines  # another tab's card


def test_a_month_in_english():
    done = run("--data", str(MONTHLY), "--period", "2025-01..2025-06", "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == (
        "In the first half, revenue of industrial enterprises above designated size reached "
        "27.48 bn yuan, up 9.9% year on year, 53.8% of the annual target, 3.8 points ahead of "
        "the time elapsed.")
    same = run("--data", str(MONTHLY), "--period", "2025-06", "--lang", "en")
    assert same.stdout == done.stdout


def test_a_year_before():
    done = run("--data", str(MONTHLY), "--period", "2024")
    assert done.stdout.splitlines()[0] == (
        "1–12月，规上工业营业收入累计完成498.3亿元，完成年度目标的92.3%，低于时序进度7.7个百分点。")


def test_yearly_data_keeps_its_sentences():
    done = run()
    assert done.returncode == 0
    assert done.stdout.splitlines()[0] == "2019年主营业务收入506.1亿元，同比增长11.7%。"


@pytest.mark.parametrize("period, words", [
    ("2025-13", "不是可识别的期间"), ("last month", "不是可识别的期间"),
    ("2030", "数据中没有该年份的指标（有：2024, 2025）"),
])
def test_bad_period_is_a_usage_error(period, words):
    done = run("--data", str(MONTHLY), "--period", period)
    assert done.returncode == 2 and done.stdout == ""
    assert words in done.stderr and "Traceback" not in done.stderr


def test_bad_period_in_english_names_the_forms():
    done = run("--data", str(MONTHLY), "--period", "Q3", "--lang", "en")
    assert done.returncode == 2
    assert "--period Q3: not a period; write it as one of 2025, 2025-10" in done.stderr


def test_missing_folder_is_a_usage_error(tmp_path):
    done = run("--data", str(tmp_path / "nowhere"))
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "nowhere" in done.stderr


def test_help_says_what_it_prints():
    done = run("--help")
    assert done.returncode == 0
    assert "--period P" in done.stdout and "完成年度目标" in done.stdout
    assert "ahead of the time elapsed" in done.stdout and "%%" not in done.stdout


def test_a_reader_that_goes_away_ends_the_command_quietly():
    """`zoneapp summary | head -1`: the pipe closes before the sentences are written."""
    proc = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "summary", "--data",
                             str(MONTHLY)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    proc.stdout.close()  # long before the interpreter has started and written anything
    stderr = proc.stderr.read().decode("utf-8")
    assert proc.wait(timeout=60) == 141
    assert stderr == ""
