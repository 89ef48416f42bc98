"""import_ratio: `zoneapp import` of a 100,000-row statistics sheet (recognise, reshape, merge,
write the folder) against the floor: python-calamine reading it plus pandas building the frame."""
from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path

IMPORT_ROWS = int(os.environ.get("BENCH_IMPORT_ROWS", "100000"))


def write_sheet(path: Path, rows: int) -> Path:
    """A long table as yearbooks publish them: a title, a unit line, a header, rows of
    年份 | 地区 | three measures, a footnote."""
    import openpyxl

    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("表1")
    ws.append(["各地区企业主要经济指标"])
    ws.append(["单位：亿元"])
    ws.append(["年份", "地区", "营业收入(亿元)", "利润总额(亿元)", "企业数(个)"])
    for i in range(rows):
        ws.append([2000 + i % 25, f"地区{i // 25:05d}", 100.5 + i % 997, 10.25 + i % 89, i % 50])
    ws.append(["注：虚构数据，供测速用。"])
    wb.save(path)
    return path


def import_ratio(folder: Path, runs: int) -> dict[str, list[float]]:
    import pandas as pd
    import python_calamine as pc

    from zoneapp.core.tables.command import commit, plan_import

    # Beside the folder, not in it: a table file inside a data folder is diagnosed by every
    # load of it, and load_ratio (run on that folder) counted reading this sheet (0.45 s).
    sheet = folder.with_name(folder.name + "_import") / f"import_{IMPORT_ROWS}.xlsx"
    sheet.parent.mkdir(exist_ok=True)
    if not sheet.exists():
        print(f"writing a {IMPORT_ROWS:,}-row statistics sheet to {sheet} …")
        write_sheet(sheet, IMPORT_ROWS)
    out: dict[str, list[float]] = {"import_ratio": []}
    for counted in [False] + [True] * runs:  # the first round pays for imports and the cache
        start = time.perf_counter()
        rows = pc.CalamineWorkbook.from_path(str(sheet)).get_sheet_by_index(0).to_python(
            skip_empty_area=False)
        frame = pd.DataFrame(rows)
        floor = time.perf_counter() - start
        del rows, frame
        into = Path(tempfile.mkdtemp(prefix="zoneapp-bench-import-"))
        try:
            start = time.perf_counter()
            commit(plan_import(sheet, into / "zone"))
            app = time.perf_counter() - start
        finally:
            shutil.rmtree(into, ignore_errors=True)
        if counted:
            out["import_ratio"].append(app / floor)
    return out


if __name__ == "__main__":  # python bench/import_bench.py: this figure alone
    import statistics
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    figures = import_ratio(Path(__file__).resolve().parent / "synthetic", 3)["import_ratio"]
    print(f"import_ratio {statistics.median(figures):.3f} (min {min(figures):.3f}, "
          f"max {max(figures):.3f})")
