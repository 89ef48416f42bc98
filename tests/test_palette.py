"""Colours as an object: palette.current() is a frozen Colours, palette.use() switches it, and
every way of reading a colour (the object, palette.NAME, the helpers) follows the switch."""
from __future__ import annotations

import ast
import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest

from zoneapp.ui import palette

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def light_after():
    yield
    palette.use("light")
    palette.set_growth_colours("red_up")


def _module_names(colours: palette.Colours) -> dict[str, object]:
    """palette.NAME for every colour, with what the scheme says it should be."""
    expected = {f.name.upper(): getattr(colours, f.name)
                for f in dataclasses.fields(colours) if f.name != "name"}
    expected["FLAT"] = colours.muted_text
    return expected


def test_switching_light_dark_light_reads_right_from_every_path():
    assert palette.current() is palette.LIGHT
    for colours in (palette.DARK, palette.LIGHT, palette.DARK, palette.LIGHT):
        assert palette.use(colours.name) is colours
        assert palette.current() is colours
        for name, value in _module_names(colours).items():
            assert getattr(palette, name) == value, name
        assert [palette.series_color(i) for i in range(len(colours.series) + 1)] == \
            [*colours.series, colours.series[0]]
        assert palette.derived_fill(colours.series[0]) == \
            palette.blend(colours.series[0], colours.background, palette.DERIVED_LIGHTEN)
        assert palette.change_color(5.0) == colours.up
        assert palette.change_color(-5.0) == colours.down
        assert palette.change_color(None) == palette.change_color(0) == colours.muted_text
    assert palette.LIGHT.text != palette.DARK.text  # else the loop above proves nothing


def test_the_two_schemes_differ_in_every_colour():
    for field in dataclasses.fields(palette.Colours):
        assert getattr(palette.LIGHT, field.name) != getattr(palette.DARK, field.name), field.name


def test_nothing_is_rebound():
    """The colours live in the Colours objects only: the module holds no copy to go stale."""
    palette.use("light")
    before = dict(vars(palette))
    palette.use("dark")
    after = dict(vars(palette))
    assert {k for k in after if after[k] is not before.get(k)} == {"_current"}
    assert not {"TEXT", "BACKGROUND", "SERIES", "FLAT"} & set(vars(palette))
    with pytest.raises(dataclasses.FrozenInstanceError):
        palette.DARK.text = "#000000"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        palette.NOT_A_COLOUR  # noqa: B018
    with pytest.raises(AttributeError):
        palette.text  # noqa: B018  (the object's field names are read from current())


def test_unknown_scheme_is_light_and_printing_restores():
    assert palette.use("sepia") is palette.LIGHT
    palette.use("dark")
    with palette.printing() as ink:
        assert ink is palette.LIGHT and palette.TEXT == palette.LIGHT.text
    assert palette.current() is palette.DARK


def test_growth_convention_swaps_up_and_down_in_any_scheme():
    palette.set_growth_colours("green_up")
    palette.use("dark")
    assert palette.change_color(1.0) == palette.DARK.down
    assert palette.change_color(1.0, palette.LIGHT) == palette.LIGHT.down  # a card's print ink


def test_blend_matches_qcolor_arithmetic():
    """The blend without Qt gives what QColor gave (the derived fills do not move)."""
    from PySide6.QtGui import QColor

    def with_qt(color: str, toward: str, amount: float) -> str:
        a, b = QColor(color), QColor(toward)
        mix = [round(x + (y - x) * amount) for x, y in
               ((a.red(), b.red()), (a.green(), b.green()), (a.blue(), b.blue()))]
        return QColor(*mix).name()

    colours = [*palette.LIGHT.series, *palette.DARK.series, "#ffffff", "#000000", "#fff"]
    for color in colours:
        for toward in (palette.LIGHT.background, palette.DARK.background, "#000"):
            for amount in (0, 0.04, 0.3, palette.DERIVED_LIGHTEN, 1):
                assert palette.blend(color, toward, amount) == with_qt(color, toward, amount)
    assert palette.blend("#000000", "#ffffff", 0.5) == "#808080"
    with pytest.raises(ValueError):
        palette.blend("blue", "#ffffff", 0.5)


def _import_time_reads(tree: ast.AST) -> list[int]:
    """Lines that read palette.NAME while the module is imported (module and class bodies,
    default arguments, decorators): such a read keeps the colour of that moment."""
    lines: list[int] = []

    def visit(node: ast.AST) -> None:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            parts = [*node.args.defaults, *node.args.kw_defaults]
            parts += getattr(node, "decorator_list", [])
            for part in parts:
                if part is not None:
                    visit(part)
            return
        if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                and node.value.id == "palette" and node.attr in palette._NAMES):
            lines.append(node.lineno)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return lines


def test_no_module_captures_a_colour_at_import_time():
    captured = []
    for path in sorted([*(ROOT / "zoneapp").rglob("*.py"), *(ROOT / "tests").rglob("*.py"),
                        *(ROOT / "bench").rglob("*.py")]):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").endswith("palette"):
                for alias in node.names:
                    if alias.name == "*" or alias.name in palette._NAMES:
                        captured.append(f"{path.relative_to(ROOT)}:{node.lineno} {alias.name}")
        captured += [f"{path.relative_to(ROOT)}:{n}" for n in _import_time_reads(tree)]
    assert captured == []


def test_the_check_above_finds_a_capture():
    tree = ast.parse("from zoneapp.ui import palette\nINK = palette.TEXT\n"
                     "def f(c=palette.MUTED_TEXT):\n    return palette.BORDER\n")
    assert _import_time_reads(tree) == [2, 3]


def test_palette_and_the_command_line_load_no_qt():
    code = ("import sys; import zoneapp.ui.palette, zoneapp.cli; "
            "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=ROOT)
    assert out.stdout.strip() == "[]"


def test_a_widget_painted_after_a_switch_paints_the_new_colours(qtbot):
    """The same TargetBar, grabbed after each switch: its track is the scheme's border and
    its fill the scheme's rise colour (it read palette.BORDER and change_color when painting)."""
    from PySide6.QtGui import QColor

    from zoneapp.ui.widgets.target_bar import BAR_HEIGHT, TargetBar

    bar = TargetBar()
    qtbot.addWidget(bar)
    bar.resize(300, max(bar.height(), BAR_HEIGHT + 4))
    bar.set_values(completion=50.0, elapsed=None, gap=4.0, text="")
    middle = bar.height() // 2
    for colours in (palette.LIGHT, palette.DARK, palette.LIGHT):
        palette.use(colours.name)
        image = bar.grab().toImage()
        assert image.pixelColor(60, middle).name() == colours.up  # done: a rise, ahead of time
        assert image.pixelColor(220, middle).name() == QColor(colours.border).name()  # to do


def test_a_charts_hover_readout_reads_in_the_dark(qtbot, zone_app):
    """The readout had a white background under the dark scheme's light text."""
    from zoneapp.ui.widgets.charts import BarChart
    from zoneapp.views.model import Bar

    for colours in (palette.DARK, palette.LIGHT):
        palette.use(colours.name)
        chart = BarChart()
        qtbot.addWidget(chart)
        chart.set_bars([Bar("收入", 5.0, "5亿元")])
        readout = chart.mouse.readout
        readout.setText("收入：5亿元")
        readout.adjustSize()
        image = readout.grab().toImage()
        corner = image.pixelColor(image.width() // 2, 2).name()  # inside the border, no text
        assert corner == colours.background
        assert f"color: {colours.text};" in readout.styleSheet()
