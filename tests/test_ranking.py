"""Figures by entity (issue #15, item 2), on tests/data/regions31: the ranked chart, the own
entity's card, the table entity × period. Plain pytest: the views import no Qt.

Expected figures are read from the folder's CSV with the csv module, not through the app."""
from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from zoneapp.core.loading import load_dataset
from zoneapp.views.ranking import TOP_N
from zoneapp.views.sections import section_view

FOLDER = Path(__file__).parent / "data" / "regions31"


def csv_rows(key: str, period: int, folder: Path = FOLDER) -> list[dict]:
    with open(folder / "indicators.csv", encoding="utf-8-sig", newline="") as f:
        return [r for r in csv.DictReader(f) if r["key"] == key and int(r["period"]) == period]


def parts_by_value(key: str, period: int) -> list[tuple[str, float]]:
    """(entity, value) of the non-aggregate rows, largest first."""
    rows = [(r["entity"], float(r["value"])) for r in csv_rows(key, period)
            if r["aggregate"] != "yes"]
    return sorted(rows, key=lambda p: -p[1])


def national(key: str, period: int) -> float:
    return next(float(r["value"]) for r in csv_rows(key, period) if r["aggregate"] == "yes")


@pytest.fixture(scope="module")
def regions():
    return load_dataset(FOLDER)


@pytest.fixture(scope="module")
def zh(regions):
    return section_view(regions, "overview", "zh")


def with_manifest(tmp_path: Path, old: str, new: str, drop_aggregates: bool = False) -> Path:
    """A copy of the folder with zone.toml's `old` text replaced (and 全国 rows left out)."""
    folder = tmp_path / "regions"
    shutil.copytree(FOLDER, folder)
    toml = folder / "zone.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    if drop_aggregates:
        lines = (folder / "indicators.csv").read_text(encoding="utf-8").splitlines(True)
        (folder / "indicators.csv").write_text(
            "".join(line for line in lines if ",yes" not in line), encoding="utf-8")
    return folder


def test_the_ranked_chart_is_largest_first_with_the_rest_as_others(zh):
    chart = zh.chart("rank_revenue")
    assert chart.horizontal and chart.title == "高技术产业营业收入：31个地区排名（2023年）"
    expected = parts_by_value("revenue", 2023)
    top = [b for b in chart.bars[:TOP_N]]
    assert [(b.label, b.value) for b in top] == expected[:TOP_N]
    # 江西 is 18th: after the top 15, with its rank; the others bar sums the other 15
    own, others = chart.bars[TOP_N], chart.bars[TOP_N + 1]
    assert len(chart.bars) == TOP_N + 2
    assert (own.label, own.value, own.highlight) == ("江西（第18位）", 1480.3, True)
    rest = [v for name, v in expected[TOP_N:] if name != "江西"]
    assert len(rest) == 15
    assert others.label == "其他15个地区" and others.value == pytest.approx(sum(rest))
    assert others.derived and "其余15个地区之和" in others.tooltip
    assert [b for b in chart.bars if b.highlight] == [own]


def test_no_aggregate_is_a_bar_and_the_total_is_in_the_note(zh):
    for key in ("rank_revenue", "rank_enterprises", "rank_revenue_growth"):
        chart = zh.chart(key)
        assert not any("全国" in b.label for b in chart.bars)
    total = national("revenue", 2023)
    assert all(b.value != total for b in zh.chart("rank_revenue").bars)
    assert zh.chart("rank_revenue").note == f"全国合计：{total:,.1f}亿元。"
    assert zh.chart("rank_enterprises").note == "全国合计：58,305个。"


def test_the_own_entity_inside_the_top_is_highlighted_in_place(zh):
    chart = zh.chart("rank_enterprises")
    expected = parts_by_value("enterprises", 2023)
    assert [b.label for b in chart.bars[:TOP_N]] == [n for n, _ in expected[:TOP_N]]
    lit = [i for i, b in enumerate(chart.bars) if b.highlight]
    assert lit == [11] and chart.bars[11].label == "江西"  # 12th, no rank in its label
    assert chart.bars[-1].label == "其他16个地区"
    assert chart.bars[-1].value == pytest.approx(sum(v for _, v in expected[TOP_N:]))
    assert chart.highlight_label == "江西（本地区）"


def test_rates_are_never_summed_into_others(zh):
    chart = zh.chart("rank_revenue_growth")
    assert len(chart.bars) == TOP_N and not any(b.derived for b in chart.bars)
    assert chart.note == "全国：8.4%。另有16个地区未列出。"
    assert [b.label for b in chart.bars[:2]] == ["海南", "江西"]
    assert chart.bars[1].highlight


def test_rank_cards_in_both_languages(regions, zh):
    share = 1480.3 / national("revenue", 2023) * 100
    cards = {k.key: k for k in zh.kpis}
    revenue = cards["revenue@江西"]
    assert revenue.title == "高技术产业营业收入（江西）"
    assert revenue.value_text == "1,480.3亿元"
    assert revenue.compare_text == f"第18位（共31），占全国{share:.1f}%"
    assert cards["enterprises@江西"].compare_text.startswith("第12位（共31），占全国")
    assert cards["revenue_growth@江西"].compare_text == "第2位（共31）"  # a rate has no share
    en = {k.key: k for k in section_view(regions, "overview", "en").kpis}
    assert en["revenue@江西"].title == "High-tech industry revenue (Jiangxi)"
    assert en["revenue@江西"].compare_text == f"Rank 18 of 31, {share:.1f}% of the total (National)"
    assert "Rank 18 of 31" in en["revenue@江西"].accessible_text
    # the cards are the own entity's, not the first keys of the file (全国, 北京 …)
    assert [k.key for k in zh.kpis] == ["revenue@江西", "enterprises@江西",
                                        "revenue_growth@江西"]


def test_the_change_on_a_card_is_the_own_entitys(zh):
    before = next(float(r["value"]) for r in csv_rows("revenue", 2022) if r["entity"] == "江西")
    card = next(k for k in zh.kpis if k.key == "revenue@江西")
    assert card.yoy_pct == pytest.approx((1480.3 / before - 1) * 100)
    assert card.yoy_text.startswith("较2022年 ▲")


def test_a_chosen_year_ranks_that_year(regions):
    view = section_view(regions, "overview", "zh", 2021)
    chart = view.chart("rank_revenue")
    assert chart.title.endswith("（2021年）")
    assert [(b.label, b.value) for b in chart.bars[:3]] == parts_by_value("revenue", 2021)[:3]
    assert view.chart("rank_revenue_growth") is None  # no growth figures for 2021


def test_the_own_entity_may_be_named_in_english_or_with_its_suffix(tmp_path):
    for name in ("Jiangxi", "jiangxi", "江西省"):
        folder = with_manifest(tmp_path / name, 'own_entity = "江西"', f'own_entity = "{name}"')
        chart = section_view(load_dataset(folder), "overview", "en").chart("rank_revenue")
        assert [b.label for b in chart.bars if b.highlight] == ["Jiangxi (rank 18)"]


def test_without_an_own_entity_the_card_is_the_total(tmp_path):
    folder = with_manifest(tmp_path, 'own_entity = "江西"', "")
    view = section_view(load_dataset(folder), "overview", "zh")
    card = next(k for k in view.kpis if k.key == "revenue@全国")
    assert card.title == "高技术产业营业收入（全国）"
    assert card.compare_text == "31个地区中首位：广东"
    assert not any(b.highlight for c in view.charts for b in c.bars)
    assert len(view.chart("rank_revenue").bars) == TOP_N + 1  # the top and "others" only


def test_without_an_aggregate_the_share_is_of_the_parts_sum(tmp_path):
    folder = with_manifest(tmp_path, "x", "x", drop_aggregates=True)
    view = section_view(load_dataset(folder), "overview", "zh")
    parts = sum(v for _, v in parts_by_value("revenue", 2023))
    card = next(k for k in view.kpis if k.key == "revenue@江西")
    assert card.compare_text == f"第18位（共31），占31个地区合计{1480.3 / parts * 100:.1f}%"
    assert view.chart("rank_revenue").note == ""


def test_the_table_is_entities_by_period_aggregates_first(zh):
    table = next(t for t in zh.tables if t.key == "entities_revenue")
    assert table.title == "高技术产业营业收入（亿元）：分地区、分年份"
    frame = table.frame
    assert list(frame.columns) == ["entity", "p2021", "p2022", "p2023"]
    assert [c.label("zh") for c in table.schema.columns] == ["地区", "2021年", "2022年", "2023年"]
    assert len(frame) == 32 and frame.iloc[0, 0] == "全国（合计）"
    assert frame.iloc[0]["p2023"] == national("revenue", 2023)
    assert list(frame["entity"][1:4]) == [n for n, _ in parts_by_value("revenue", 2023)[:3]]
    jiangxi = frame[frame["entity"] == "江西"].iloc[0]
    assert [jiangxi[c] for c in ("p2021", "p2022", "p2023")] == [
        float(next(r["value"] for r in csv_rows("revenue", y) if r["entity"] == "江西"))
        for y in (2021, 2022, 2023)]
    assert all(str(frame[c].dtype) == "float64" for c in frame.columns[1:])  # sorts as numbers


def test_the_tables_are_english_in_english(regions):
    view = section_view(regions, "overview", "en")
    table = next(t for t in view.tables if t.key == "entities_enterprises")
    assert [c.label("en") for c in table.schema.columns] == ["Region", "2021", "2022", "2023"]
    assert list(table.frame.columns) == ["entity", "p2021", "p2022", "p2023"]  # as in Chinese
    assert table.frame.iloc[0, 0] == "National (aggregate)"
    assert table.title == "High-tech enterprises (number) by region and year"


def test_zone_figures_keep_their_views(regions):
    """Entity rows go to the ranking views only; the indicators table still lists them."""
    view = section_view(regions, "overview", "zh")
    assert not any(c.key.startswith(("by_year", "by_period")) for c in view.charts)
    assert len(view.tables[-1].frame) == 256


def test_the_summary_names_the_entity_and_its_own_change(regions):
    from zoneapp.views.card import summary_text

    before = next(float(r["value"]) for r in csv_rows("revenue", 2022) if r["entity"] == "江西")
    growth = (1480.3 / before - 1) * 100
    share = 1480.3 / national("revenue", 2023) * 100
    zh = summary_text(regions, "overview", "zh").splitlines()
    assert zh[0] == (f"2023年江西高技术产业营业收入1,480.3亿元，比2022年增长{growth:.1f}%，"
                     f"第18位（共31），占全国{share:.1f}%。")
    en = summary_text(regions, "overview", "en").splitlines()
    assert en[2] == "In 2023, revenue growth in Jiangxi was 15.3%; rank 2 of 31."


def write_folder(tmp_path: Path, lines: list[str]) -> Path:
    folder = tmp_path / "parks"
    folder.mkdir()
    (folder / "zone.toml").write_text(
        '[zone]\nname_zh = "测试园区"\nperiods = [2023]\nown_entity = "B园"\n', encoding="utf-8")
    header = "section,key,name_zh,period,value,unit,entity,aggregate,period_detail,value_kind\n"
    (folder / "indicators.csv").write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    return folder


def test_months_rank_the_latest_part_of_the_year(tmp_path):
    """Parks by month, year to date: the ranking is of 1–11月; the table has a column a
    period; parks are not regions, so the words are generic."""
    lines = []
    for park, base in (("A园", 10.0), ("B园", 30.0), ("C园", 20.0)):
        for month in (10, 11):
            lines.append(f"overview,output,产值,2023,{base * month},亿元,{park},,"
                         f"2023-01..2023-{month:02d},ytd")
    lines.append("overview,output,产值,2023,700,亿元,合计,yes,2023-01..2023-11,ytd")
    view = section_view(load_dataset(write_folder(tmp_path, lines)), "overview", "zh")
    chart = view.chart("rank_output_ytd")
    assert chart.title == "产值：3个园区排名（2023年1–11月累计）"
    assert [(b.label, b.value, b.highlight) for b in chart.bars] == [
        ("B园", 330.0, True), ("C园", 220.0, False), ("A园", 110.0, False)]
    assert chart.note == "合计：700亿元。" and chart.highlight_label == "B园（本单位）"
    card = next(k for k in view.kpis if k.key == "output@B园")
    assert card.compare_text == f"第1位（共3），占合计{330 / 700 * 100:.1f}%"
    table = next(t for t in view.tables if t.key == "entities_output_ytd")
    assert [c.label("zh") for c in table.schema.columns] == ["对象", "2023年1–10月",
                                                              "2023年1–11月"]
    assert list(table.frame["entity"]) == ["合计", "B园", "C园", "A园"]  # not 合计（合计）
    assert table.title == "产值累计（亿元）：分对象、分期间"


def test_a_section_draws_at_most_max_figures(tmp_path):
    from zoneapp.views.ranking import MAX_FIGURES

    lines = [f"overview,k{k:02d},指标{k},2023,{v},个,{e},,," for k in range(MAX_FIGURES + 2)
             for e, v in (("甲", 1), ("乙", 2))]
    view = section_view(load_dataset(write_folder(tmp_path, lines)), "overview", "zh")
    assert [c.key for c in view.charts] == [f"rank_k{k:02d}" for k in range(MAX_FIGURES)]
    assert len(view.tables) == MAX_FIGURES + 1  # and the table of every figure
    assert len(view.tables[-1].frame) == 2 * (MAX_FIGURES + 2)


@pytest.mark.parametrize("name_zh, name_en, unit, additive", [
    ("营业收入", "Revenue", "亿元", True),
    ("企业所得税", "Corporate income tax", "亿元", True),  # "rate" inside a word is no rate
    ("企业数", "", "个", True),
    ("营业收入增速", "Revenue growth", "%", False),
    ("研发投入强度", "R&D intensity", "亿元", False),
    ("人均收入", "", "元", False),
    ("产值", "Output per worker", "元", False),
    ("占比", "", "亿元", False),
    ("能耗", "", "吨/万元", False),
])
def test_only_amounts_and_counts_add_up(name_zh, name_en, unit, additive):
    from zoneapp.views.entities import is_additive

    assert is_additive({"name_zh": name_zh, "name_en": name_en, "unit": unit}) is additive


def test_an_own_entity_not_in_the_data_is_a_warning(tmp_path, regions):
    assert not [p for p in regions.problems if p.code == "own_entity_unknown"]
    folder = with_manifest(tmp_path, 'own_entity = "江西"', 'own_entity = "江熙"')
    dataset = load_dataset(folder)
    found = [p for p in dataset.problems if p.code == "own_entity_unknown"]
    assert len(found) == 1 and found[0].file == "zone.toml" and not found[0].is_error
    assert "江熙" in found[0].message("zh") and "江熙" in found[0].message("en")
    assert not any(b.highlight for c in section_view(dataset, "overview", "zh").charts
                   for b in c.bars)
