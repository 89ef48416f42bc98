"""Write a clearly synthetic province-scale folder: entities × months × figures, long rows.

The format is the real one (data/README.md, "Breakdowns, periods below a year"): a row per
figure, entity and month, `value_kind` month (当月, `period_detail` 2015-03) or ytd (累计,
`period_detail` 2015-01..2015-03), units declared per row, one aggregate entity (合计).
The default is issue 15's province scale: 200 entities × 120 months × 100 figures, 2.4 million
rows. Never written into data/: the numbers are random and the regions do not exist.
Usage: python bench/make_province.py OUT_DIR [--entities 200] [--months 120] [--figures 100]
"""
from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
import pandas as pd

SECTIONS = ("overview", "financing", "relief", "innovation", "environment", "projects")
# Units as statistical tables give them; 万元 most, as provincial tables do.
UNITS = ("万元", "万元", "万元", "亿元", "个", "人", "万元", "%")
FIRST_YEAR = 2015
MANIFEST = """\
# SYNTHETIC benchmark data: random figures for regions that do not exist.
[zone]
name_zh = "合成省级基准（虚构）"
short_name_zh = "合成省"
name_en = "Synthetic Province Benchmark (fictitious)"
short_name_en = "Synthetic Province"
periods = [{periods}]
description_zh = "基准测试用的随机数据，不代表任何真实地区。"
description_en = "Random data for benchmarks; no real region."

[[sources]]
id = "SYN"
title = "bench/make_province.py"
note = "generated"
"""


def indicators(entities: int, months: int, figures: int, seed: int) -> pd.DataFrame:
    """Rows ordered as a statistics table exports them: figure, entity, then month."""
    rng = np.random.default_rng(seed)
    n = entities * months * figures
    fig = np.repeat(np.arange(figures), entities * months)
    ent = np.tile(np.repeat(np.arange(entities), months), figures)
    mon = np.tile(np.arange(months), entities * figures)
    year = FIRST_YEAR + mon // 12
    month = mon % 12 + 1
    ytd = fig % 2 == 0  # even figures are 累计, odd ones 当月: never one series
    unit = np.array(UNITS)[fig % len(UNITS)]
    # A region's monthly level, growing by year; 累计 adds the months of the year so far.
    level = rng.lognormal(8.0, 1.5, (figures, entities))[fig, ent] * (1.05 ** (year - FIRST_YEAR))
    value = np.round(level * np.where(ytd, month, 1) * rng.uniform(0.9, 1.1, n), 1)
    value = np.where(unit == "%", np.round(rng.uniform(-20, 40, n), 1), value)
    value = np.where(np.isin(unit, ("个", "人")), np.round(value), value)
    ym = pd.Series(year).astype(str) + "-" + pd.Series(month).map("{:02d}".format)
    detail = np.where(ytd & (month > 1), pd.Series(year).astype(str) + "-01.." + ym, ym)
    figure_names = np.array([f"合成指标{i:03d}" for i in range(figures)])
    names_en = np.array([f"Synthetic figure {i:03d}" for i in range(figures)])
    entity_names = np.array(["合计"] + [f"地区{i:03d}" for i in range(1, entities)])
    return pd.DataFrame({
        # Figures section by section, as `import` writes a table's rows together.
        "section": np.array(SECTIONS)[fig * len(SECTIONS) // figures],
        "key": np.array([f"m{i:03d}" for i in range(figures)])[fig],
        "name_zh": figure_names[fig],
        "name_en": names_en[fig],
        "period": year,
        "value": value,
        "unit": unit,
        "qualifier": "",
        "entity": entity_names[ent],
        "aggregate": np.where(ent == 0, "yes", ""),
        "period_detail": detail,
        "value_kind": np.where(ytd, "ytd", "month"),
        "source_id": "SYN",
    })


def write(out_dir: Path, entities: int = 200, months: int = 120, figures: int = 100,
          seed: int = 0) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    frame = indicators(entities, months, figures, seed)
    periods = ", ".join(str(p) for p in sorted(frame["period"].unique()))
    (out_dir / "zone.toml").write_text(MANIFEST.format(periods=periods), encoding="utf-8")
    frame.to_csv(out_dir / "indicators.csv", index=False, encoding="utf-8-sig")
    return out_dir


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--entities", type=int, default=200)
    parser.add_argument("--months", type=int, default=120)
    parser.add_argument("--figures", type=int, default=100)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    print(write(args.out_dir, args.entities, args.months, args.figures, args.seed))


if __name__ == "__main__":
    main()
