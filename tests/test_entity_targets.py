"""Each entity's progress to its year's target, ranked (views/entity_targets.py): the
"各县区完成年度目标进度" a monthly report prints, with the time-elapsed line."""
from __future__ import annotations

from pathlib import Path

from zoneapp.core.loading import load_dataset
from zoneapp.views.sections import section_view

HEADER = "section,key,name_zh,name_en,period,value,unit,entity,entity_en,aggregate," \
         "period_detail,value_kind\n"
COUNTIES = (("信州区", "Xinzhou", 40.0, 100.0), ("广丰区", "Guangfeng", 30.0, 50.0),
            ("玉山县", "Yushan", 12.0, 40.0), ("全市", "Whole city", 82.0, 190.0))


def _folder(tmp_path: Path, own: str = "广丰区", extra: list[str] = ()) -> Path:
    """Four counties' 1–4月 and 1–5月 累计 of 2024 and their 2024 targets; 全市 the total."""
    folder = tmp_path / "counties"
    folder.mkdir()
    (folder / "zone.toml").write_text(
        f'[zone]\nname_zh = "示例市"\nperiods = [2024]\nown_entity = "{own}"\n', encoding="utf-8")
    lines = []
    for name, english, may, goal in COUNTIES:
        whole = "yes" if name == "全市" else ""
        row = f"overview,rev,营业收入,Revenue,2024,{{}},亿元,{name},{english},{whole},{{}},{{}}"
        lines += [row.format(may * 0.8, "2024-01..2024-04", "ytd"),
                  row.format(may, "2024-01..2024-05", "ytd"),
                  row.format(goal, "", "target")]
    (folder / "indicators.csv").write_text(HEADER + "\n".join(lines + list(extra)) + "\n",
                                           encoding="utf-8")
    return folder


def test_entities_are_ranked_by_completion_with_the_time_elapsed_line(tmp_path):
    view = section_view(load_dataset(_folder(tmp_path)), "overview", "zh")
    chart = view.chart("entity_target_rev")
    assert chart.horizontal and chart.title == "营业收入：各县区完成年度目标进度（2024年1–5月）"
    # 广丰 30/50 = 60%, 信州 40/100 = 40%, 玉山 12/40 = 30%; 全市 is the whole, not a bar
    assert [(b.label, b.value, b.display) for b in chart.bars] == [
        ("广丰区", 60.0, "60%"), ("信州区", 40.0, "40%"), ("玉山县", 30.0, "30%")]
    assert [b.highlight for b in chart.bars] == [True, False, False]
    assert all(b.derived for b in chart.bars)
    assert chart.highlight_label == "广丰区（本单位）"
    # 5 of 12 months: 41.7%, drawn across every bar
    assert [(line.xs, line.ys) for line in chart.lines] == [([-0.5, 2.5], [41.7, 41.7])]
    assert chart.note == "时序进度41.7%。全市完成年度目标43.2%。"
    first = chart.bars[0].tooltip
    assert "完成年度目标60%，高于时序进度18.3个百分点" in first
    assert "2024年1–5月累计30亿元 ÷ 2024年目标50亿元" in first


def test_the_chart_follows_its_ranking_and_says_it_in_english(tmp_path):
    view = section_view(load_dataset(_folder(tmp_path)), "overview", "en")
    keys = [c.key for c in view.charts]
    assert keys.index("entity_target_rev") == keys.index("rank_rev_ytd") + 1
    chart = view.chart("entity_target_rev")
    assert chart.title == "Revenue: progress to the annual target by entity, Jan–May 2024"
    assert [b.label for b in chart.bars] == ["Guangfeng", "Xinzhou", "Yushan"]
    assert chart.note == "Time elapsed 41.7%. Whole city: 43.2% of the annual target."
    assert "60% of the annual target, 18.3 points ahead of time elapsed" in \
        chart.bars[0].tooltip


def test_an_entity_without_this_months_figure_is_counted_not_drawn(tmp_path):
    """婺源县 has a target but only a 1–4月 累计: never compared with 1–5月's others."""
    extra = ["overview,rev,营业收入,Revenue,2024,20,亿元,婺源县,Wuyuan,,2024-01..2024-04,ytd",
             "overview,rev,营业收入,Revenue,2024,60,亿元,婺源县,Wuyuan,,,target"]
    chart = section_view(load_dataset(_folder(tmp_path, extra=extra)), "overview",
                         "zh").chart("entity_target_rev")
    assert "婺源县" not in [b.label for b in chart.bars]
    assert chart.note.endswith("另有1个县区无本期累计。")


def test_a_year_without_targets_has_no_chart(tmp_path):
    dataset = load_dataset(_folder(tmp_path))
    assert section_view(dataset, "overview", "zh", period=2023).chart("entity_target_rev") \
        is None
    assert section_view(dataset, "overview", "zh", period=2024).chart("entity_target_rev")


def test_the_window_draws_every_name_whole_in_english(main_window, tmp_path):
    """A name set exactly its own width wrapped its last letter alone ("Guangfen\\ng"), and
    the two-line name then thinned the ranking's names to every other one."""
    window = main_window
    assert window.load_folder(_folder(tmp_path))
    window.set_language("en")
    page = window.tab("overview")
    for key in ("rank_rev_ytd", "entity_target_rev"):
        chart = page.charts[key]
        assert sorted(chart.category_label_texts()) == ["Guangfeng", "Xinzhou", "Yushan"], key
    # the time-elapsed line stands at 41.7% on the value axis (x), across the three bars
    import pyqtgraph as pg

    curves = [i for i in page.charts["entity_target_rev"].plot.getPlotItem().items
              if isinstance(i, pg.PlotDataItem)]
    assert [(list(c.xData), list(c.yData)) for c in curves] == [([41.7, 41.7], [-0.5, 2.5])]
    window.set_language("zh")


def test_many_entities_show_the_first_fifteen_and_the_own_one(tmp_path):
    """Twenty counties: the first fifteen by completion, the own one (last) with them, and
    the four others counted in the note."""
    extra = []
    for i in range(17):
        name = f"第{i + 1:02d}县"
        extra += [f"overview,rev,营业收入,Revenue,2024,{50 - i},亿元,{name},,,2024-01..2024-05,ytd",
                  f"overview,rev,营业收入,Revenue,2024,100,亿元,{name},,,,target"]
    folder = _folder(tmp_path, own="玉山县", extra=extra)
    chart = section_view(load_dataset(folder), "overview", "zh").chart("entity_target_rev")
    labels = [b.label for b in chart.bars]
    assert len(labels) == 16 and labels[:2] == ["广丰区", "第01县"] and labels[-1] == "玉山县"
    assert chart.bars[-1].highlight and chart.bars[-1].value == 30.0
    assert "另有4个县区未列出" in chart.note


def _chart(tmp_path, extra, lang="zh", period=None):
    folder = _folder(tmp_path, extra=extra)
    return section_view(load_dataset(folder), "overview", lang, period).chart("entity_target_rev")


def test_the_month_is_the_one_most_entities_with_targets_report(tmp_path):
    """A month only the total, an entity without a target, or one early county reports is
    not the month compared (the chart had vanished, or kept one bar)."""
    early = ["overview,rev,营业收入,Revenue,2024,99,亿元,全市,Whole city,yes,2024-01..2024-06,ytd",
             "overview,rev,营业收入,Revenue,2024,9,亿元,开发区,Devzone,,2024-01..2024-06,ytd",
             "overview,rev,营业收入,Revenue,2024,35,亿元,玉山县,Yushan,,2024-01..2024-06,ytd"]
    chart = _chart(tmp_path, early)
    assert chart.title.endswith("（2024年1–5月）")
    assert [(b.label, b.value) for b in chart.bars] == [
        ("广丰区", 60.0), ("信州区", 40.0), ("玉山县", 30.0)]
    # 全市 at its 1–5月 too; 开发区 has no target
    assert chart.note == "时序进度41.7%。全市完成年度目标43.2%。另有1个县区无年度目标。"


def test_units_convert_and_a_unit_that_does_not_is_said(tmp_path):
    extra = ["overview,rev,营业收入,Revenue,2024,200000,万元,婺源县,Wuyuan,,2024-01..2024-05,ytd",
             "overview,rev,营业收入,Revenue,2024,40,亿元,婺源县,Wuyuan,,,target",
             "overview,rev,营业收入,Revenue,2024,9,家,德兴市,Dexing,,2024-01..2024-05,ytd",
             "overview,rev,营业收入,Revenue,2024,9,亿元,德兴市,Dexing,,,target"]
    chart = _chart(tmp_path, extra)
    assert ("婺源县", 50.0) in [(b.label, b.value) for b in chart.bars]  # 20亿元 of 40亿元
    assert "德兴市" not in [b.label for b in chart.bars]
    assert chart.note.endswith("另有1个县区的目标单位无法换算。")


def test_a_whole_years_figure_counts_as_twelve_months(tmp_path):
    extra = []
    for name, value, goal in (("信州区", 90, 100), ("广丰区", 45, 50)):
        extra += [f"overview,rev,营业收入,Revenue,2023,{value},亿元,{name},,,,year",
                  f"overview,rev,营业收入,Revenue,2023,{goal},亿元,{name},,,,target"]
    chart = _chart(tmp_path, extra, period=2023)
    assert chart.title == "营业收入：各县区完成年度目标进度（2023年）"
    assert [(b.label, b.value) for b in chart.bars] == [("信州区", 90.0), ("广丰区", 90.0)]
    assert chart.lines[0].ys == [100.0, 100.0]


def test_the_chart_follows_its_own_figures_ranking_not_a_longer_keys():
    from zoneapp.views.entity_targets import with_targets
    from zoneapp.views.model import ChartView

    charts = [ChartView("rank_rev_total_ytd", "a"), ChartView("rank_rev_ytd", "b"),
              ChartView("rank_rev_ytd_", "c")]
    placed = with_targets(charts, [ChartView("entity_target_rev", "t")])
    assert [c.key for c in placed] == ["rank_rev_total_ytd", "rank_rev_ytd", "entity_target_rev",
                                       "rank_rev_ytd_"]


def test_the_time_line_does_not_cross_a_labels_figures(main_window, qtbot, tmp_path):
    """信州区's 40% ends beside the 41.7% line: the label's text sits on the plot's colour."""
    from PySide6.QtGui import QColor

    from zoneapp.ui.widgets.chart_time import line_colour

    window = main_window
    assert window.load_folder(_folder(tmp_path))
    chart = window.tab("overview").charts["entity_target_rev"]
    qtbot.wait(100)  # laid out at its final size
    labels = chart.drawing.labels
    box = labels._boxes[labels.shown_texts().index("40%")]
    plot = chart.plot
    corners = [plot.mapFromScene(labels.vb.mapToScene(point))
               for point in (box.topLeft(), box.bottomRight())]
    image = plot.grab().toImage()
    line = QColor(line_colour())
    near = 0
    for x in range(corners[0].x() + 4, corners[1].x() - 4):
        for y in range(corners[0].y() + 4, corners[1].y() - 4):
            c = image.pixelColor(x, y)
            near += abs(c.red() - line.red()) + abs(c.green() - line.green()) \
                + abs(c.blue() - line.blue()) < 60
    assert near == 0
    from PySide6.QtCore import QPointF

    at = plot.mapFromScene(labels.vb.mapViewToScene(QPointF(chart.drawing.lines[0].ys[0], 0)))
    assert corners[0].x() + 4 < at.x() < corners[1].x() - 4  # the line runs through the box


def test_the_own_entitys_card_and_sentence_say_its_progress(tmp_path):
    """广丰区's card prints its completion and 时序进度 as a zone's does, and the summary says
    them before its rank: the sentence a county's monthly report opens with."""
    from zoneapp.views.headlines import section_sentences

    dataset = load_dataset(_folder(tmp_path))
    card = section_view(dataset, "overview", "zh").kpis[0]
    assert card.title == "营业收入（广丰区，2024年1–5月累计）"
    assert (card.completion_pct, card.elapsed_pct, card.gap_pp) == (60.0, 41.7, 18.3)
    assert card.target_text == "完成年度目标60%"
    assert section_sentences(dataset, "overview", "zh") == [
        "1–5月，广丰区营业收入累计完成30亿元，完成年度目标的60%，高于时序进度18.3个百分点，"
        "第2位（共3），占全市36.6%。"]
    english = section_sentences(dataset, "overview", "en")[0]
    assert "3 bn yuan, 60% of the annual target, 18.3 points ahead of the time elapsed; " \
           "rank 2 of 3" in english


def test_one_county_reporting_early_moves_neither_the_ranking_nor_the_card(tmp_path):
    """广丰区 reports 1–6月 early: the ranking was of that one county (第1位（共1）, 100% of the
    sum) and its card had June's figure; both stay at the month most counties report."""
    extra = ["overview,rev,营业收入,Revenue,2024,36,亿元,广丰区,Guangfeng,,2024-01..2024-06,ytd"]
    view = section_view(load_dataset(_folder(tmp_path, extra=extra)), "overview", "zh")
    assert view.chart("rank_rev_ytd").title == "营业收入：3个县区排名（2024年1–5月累计）"
    card = view.kpis[0]
    assert card.title == "营业收入（广丰区，2024年1–5月累计）" and card.value_text == "30亿元"
    assert card.completion_pct == 60.0 and card.compare_text.startswith("第2位（共3）")
