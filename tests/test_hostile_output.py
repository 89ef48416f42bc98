"""#16 items 4 and 8: extreme numbers, render after a traceback, writes into a data folder alias."""
from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from zoneapp.cli import main
from zoneapp.core.io import atomic
from zoneapp.core.loading import load_dataset
from zoneapp.paths import DEFAULT_DATA


@pytest.fixture
def huge_folder(tmp_path) -> Path:
    folder = tmp_path / "zone"
    shutil.copytree(DEFAULT_DATA, folder)
    path = folder / "projects.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    rows[1][rows[0].index("investment")] = "1e308"
    rows[1][rows[0].index("investment_unit")] = "亿元"
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8-sig")
    return folder


def test_a_number_too_large_to_draw_is_reported_with_the_limit(huge_folder):
    ds = load_dataset(huge_folder)
    problem = next(p for p in ds.problems if p.code == "too_large")
    assert problem.file == "projects.csv" and problem.row == 2 and problem.column == "investment"
    assert "1e+15" in problem.message_en and "1e+308" in problem.message_en
    assert ds.tables["projects"]["investment"].isna().iloc[0]  # the cell is left blank


def test_chart_value_range_never_divides_by_zero():
    from zoneapp.ui.widgets.chart_layout import value_range

    lo, hi = value_range([1e308, 5.0, float("inf")], [30.0, 30.0, 30.0], 400.0, 6.0)
    assert lo <= 0 and hi >= 1e308


def test_render_and_report_of_huge_numbers_succeed_cleanly(zone_app, huge_folder, tmp_path,
                                                          capsys):
    assert main(["render", str(tmp_path / "png"), "--data", str(huge_folder)]) == 0
    assert main(["report", str(tmp_path / "r.pdf"), "--data", str(huge_folder)]) == 0
    assert "Traceback" not in capsys.readouterr().err


@pytest.mark.qt_no_exception_capture  # the app's own check must see them, not pytest-qt's
def test_render_fails_after_a_traceback(zone_app, tmp_path, monkeypatch, capsys):
    from zoneapp.ui.widgets import charts

    def broken(self, *args):
        raise ZeroDivisionError("float division by zero")

    monkeypatch.setattr(charts.BarChart, "paintEvent", broken, raising=False)
    code = main(["render", str(tmp_path / "png"), "--data", str(DEFAULT_DATA)])
    assert code != 0
    assert "ZeroDivisionError" in capsys.readouterr().err


def test_render_into_the_data_folder_creates_nothing_there(zone_app, tmp_path):
    folder = tmp_path / "zone"
    shutil.copytree(DEFAULT_DATA, folder)
    before = sorted(p.name for p in folder.iterdir())
    assert main(["render", str(folder / "pngs"), "--data", str(folder)]) != 0
    assert sorted(p.name for p in folder.iterdir()) == before


def test_a_bind_mount_alias_of_the_data_folder_is_refused(tmp_path):
    folder = tmp_path / "zone"
    shutil.copytree(DEFAULT_DATA, folder)
    alias = tmp_path / "alias"
    alias.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "--bind", str(folder), str(alias)],
                                           capture_output=True).returncode != 0:
        pytest.skip("needs a bind mount (root)")
    try:
        load_dataset(folder)
        with pytest.raises(OSError):
            atomic.write_bytes_atomic(alias / "out.csv", b"x")
        assert not (folder / "out.csv").exists()
    finally:
        subprocess.run(["umount", "-l", str(alias)], capture_output=True)


def test_validate_escapes_terminal_control_sequences(tmp_path, capsys):
    folder = tmp_path / "zone"
    shutil.copytree(DEFAULT_DATA, folder)
    path = folder / "honours.csv"
    text = path.read_text(encoding="utf-8-sig").rstrip("\r\n")
    # a bad level cell holding an OSC title change and a colour change
    header = text.splitlines()[0].split(",")
    cells = dict(honour_zh="荣誉", honour_en="Honour", recipient_zh="园区",
                 level="\x1b]0;pwned\x07\x1b[31mbad", period="2019", source_id="S1")
    text += "\n" + ",".join(cells.get(column, "") for column in header) + "\n"
    path.write_text(text, encoding="utf-8-sig")
    main(["validate", str(folder)])
    out = capsys.readouterr()
    assert "\x1b" not in out.out + out.err and "\x07" not in out.out + out.err
    assert "\\x1b]0;pwned" in out.out


def test_control_characters_in_names_are_visible_in_tables(qtbot, zone_app):
    import pandas as pd

    from zoneapp.models.frame_model import FrameModel

    model = FrameModel()
    model.set_frame(pd.DataFrame({"name": ["a\x1bb", "c\x00d", "正常"]}))
    shown = [model.data(model.index(r, 0)) for r in range(3)]
    assert shown == ["a␛b", "c␀d", "正常"]
