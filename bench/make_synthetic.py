"""Write a clearly synthetic zone folder with a large project register, for benchmarks only.

Never written into data/: the numbers are random and the zone does not exist.
Usage: python bench/make_synthetic.py OUT_DIR [--rows 1000000] [--seed 0]
"""
from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
import pandas as pd

STAGES = np.array(["signed", "funded", "started", "producing", "at_target", "profitable", ""])
KINDS = np.array(["new", "continuing", "upgrade"])
INDUSTRIES = np.array(["电子信息", "新能源", "装备制造", "新材料", "生物医药", "造纸", "钢铁", "食品"])
MANIFEST = """\
# SYNTHETIC benchmark data: random figures for a zone that does not exist.
[zone]
name_zh = "合成基准测试园区（虚构）"
short_name_zh = "合成园区"
name_en = "Synthetic Benchmark Zone (fictitious)"
short_name_en = "Synthetic Zone"
periods = [2017, 2018, 2019]
description_zh = "基准测试用的随机数据，不代表任何真实园区。"
description_en = "Random data for benchmarks; no real zone."

[[sources]]
id = "SYN"
title = "bench/make_synthetic.py"
note = "generated"
"""


def projects(rows: int, rng: np.random.Generator) -> pd.DataFrame:
    ids = np.arange(rows)
    names = pd.Series(ids).map("合成项目{:07d}".format)
    return pd.DataFrame({
        "name_zh": names,
        "name_en": pd.Series(ids).map("Synthetic project {:07d}".format),
        "company_zh": pd.Series(rng.integers(0, rows // 10 + 1, rows)).map("合成企业{:06d}".format),
        "industry_zh": INDUSTRIES[rng.integers(0, len(INDUSTRIES), rows)],
        "kind": KINDS[rng.integers(0, len(KINDS), rows)],
        "period": rng.integers(2017, 2020, rows),
        "investment": np.round(rng.lognormal(1.0, 1.2, rows), 2),
        "investment_unit": "亿元",
        "stage": STAGES[rng.integers(0, len(STAGES), rows)],
        "programmes": np.where(rng.random(rows) < 0.1, "2050", ""),
        "source_id": "SYN",
    })


def indicators(rng: np.random.Generator) -> pd.DataFrame:
    rows = []
    for period in (2017, 2018, 2019):
        rows.append(("overview", "revenue", "主营业务收入", "Main business revenue", period,
                     round(400 + 50 * (period - 2017) + rng.random(), 1), "亿元", "", "SYN"))
        rows.append(("overview", "profit", "利润", "Profit", period,
                     round(40 + 4 * (period - 2017) + rng.random(), 1), "亿元", "", "SYN"))
    return pd.DataFrame(rows, columns=["section", "key", "name_zh", "name_en", "period", "value",
                                       "unit", "qualifier", "source_id"])


def write(out_dir: Path, rows: int = 1_000_000, seed: int = 0) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    (out_dir / "zone.toml").write_text(MANIFEST, encoding="utf-8")
    indicators(rng).to_csv(out_dir / "indicators.csv", index=False, encoding="utf-8-sig")
    projects(rows, rng).to_csv(out_dir / "projects.csv", index=False, encoding="utf-8-sig")
    return out_dir


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    print(write(args.out_dir, args.rows, args.seed))


if __name__ == "__main__":
    main()
