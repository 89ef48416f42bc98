"""The data format's reference (every table, column, unit and qualifier) as Markdown, from schema.py.

data/README.md carries this text between two markers, and a test fails when it drifts, so the
README always says what the loader reads. Regenerate it with:

    python -m zoneapp.core.schema_doc --update data/README.md
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import schema
from zoneapp.core.io.atomic import write_bytes_atomic
from .schema import Column, Table
from .units import ABOUT_TOLERANCE, QUALIFIER_ALIASES, QUALIFIERS, UNIT_ALIASES, UNITS, format_value

START = "<!-- tables:start -->"
END = "<!-- tables:end -->"

# How each column kind is written in a cell.
_KIND_TEXT = {
    schema.TEXT: "text",
    schema.INT: "whole number",
    schema.FLOAT: "number",
    schema.ENUM: "one code",
    schema.LIST: "codes or keys separated by `;`",
    schema.UNIT: "unit",
    schema.QUALIFIER: "qualifier",
    schema.PERIOD: "period",
}


def _cell(text: str) -> str:
    # A '|' would end the Markdown cell early.
    return text.replace("|", "\\|").replace("\n", " ")


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"


def _allowed(column: Column) -> str:
    if column.open_choices:
        return "an id zone.toml's [[sections]] declares, or any id when it declares none; " \
               "these built-in ones also read by their names:<br>" + "<br>".join(
                   f"`{c.code}` {c.zh} / {c.en}" for c in column.choices)
    if column.choices:
        return "<br>".join(f"`{c.code}` {c.zh} / {c.en}" for c in column.choices)
    if column.kind == schema.UNIT:
        return "a unit from *Units* below"
    if column.kind == schema.QUALIFIER:
        return "empty, or a word from *Qualifiers* below"
    if column.kind == schema.PERIOD:
        return "empty, `2023Q1`, `2023H1`, `2023-05` or `2023-01..2023-05`"
    return ""


def _unit(column: Column) -> str:
    if column.unit:
        return column.unit
    if column.unit_column:
        return f"given in `{column.unit_column}`"
    return ""


def _notes(column: Column) -> str:
    notes = [column.doc] if column.doc else []
    if column.qualifier_column:
        notes.append(f"Its qualifier is in `{column.qualifier_column}`.")
    if column.min_value is not None:
        notes.append(f"At least {column.min_value:g}.")
    return " ".join(notes)


def _table_markdown(table: Table) -> str:
    lines = [
        f"### {table.name}.csv — {table.zh} / {table.en}",
        "",
        table.doc,
        "",
        f"- File required: {_yes(table.required)}",
        f"- Shown in the tab: {schema.section(table.section).zh} / {schema.section(table.section).en}",
        f"- Each row is unique by: {' + '.join(f'`{k}`' for k in table.key)}",
        "",
        "| Column | 中文表头 | English header | Type | Column required | May be empty "
        "| Unit | Allowed values | Example | Notes |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for c in table.columns:
        cells = (f"`{c.key}`", c.zh, c.en, _KIND_TEXT[c.kind], _yes(c.required), _yes(c.nullable),
                 _unit(c), _allowed(c), c.example, _notes(c))
        lines.append("| " + " | ".join(_cell(x) for x in cells) + " |")
    return "\n".join(lines)


def _units_markdown() -> str:
    aliases: dict[str, list[str]] = {}
    for alias, code in UNIT_ALIASES.items():
        aliases.setdefault(code, []).append(alias)
    lines = [
        "### Units",
        "",
        "| Unit | English | Counts (shown whole) | Also accepted |",
        "|---|---|---|---|",
    ]
    for u in UNITS.values():
        also = ", ".join(aliases.get(u.code, []))
        lines.append(f"| {_cell(u.code)} | {_cell(u.en)} | {_yes(u.count)} | {_cell(also)} |")
    return "\n".join(lines)


# What each qualifier meaning stands for when rules compare figures (units.bounds).
_MEANINGS = {
    "about": f"within ±{ABOUT_TOLERANCE:.0%} of the number",
    "over": "more than the number",
    "at_least": "the number or more",
    "nearly": f"up to {ABOUT_TOLERANCE:.0%} below the number",
    "under": "less than the number",
}


def _qualifiers_markdown() -> str:
    aliases: dict[str, list[str]] = {}
    for alias, word in QUALIFIER_ALIASES.items():
        aliases.setdefault(word, []).append(alias)
    lines = [
        "### Qualifiers",
        "",
        "| Word | English | Means | Shown as | Also accepted |",
        "|---|---|---|---|---|",
    ]
    for q in QUALIFIERS.values():
        cells = (q.word, q.en, _MEANINGS.get(q.meaning, q.meaning), format_value(50, "家", q.word),
                 ", ".join(aliases.get(q.word, [])))
        lines.append("| " + " | ".join(_cell(x) for x in cells) + " |")
    return "\n".join(lines)


def tables_markdown() -> str:
    """The per-table reference plus the unit and qualifier lists, as Markdown."""
    parts = [_table_markdown(t) for t in schema.TABLES]
    parts += [_units_markdown(), _qualifiers_markdown()]
    return "\n\n".join(parts) + "\n"


def readme_block(text: str) -> str | None:
    """The text between the markers in a README, or None when the markers are missing."""
    start, end = text.find(START), text.find(END)
    if start < 0 or end < start:
        return None
    return text[start + len(START):end].strip("\n") + "\n"


def update_readme(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    start, end = text.find(START), text.find(END)
    if start < 0 or end < start:
        raise SystemExit(f"{path}: markers {START} ... {END} not found")
    new = text[:start + len(START)] + "\n" + tables_markdown() + text[end:]
    write_bytes_atomic(path, new.encode("utf-8"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", type=Path, metavar="README",
                        help="replace the block between the markers in this file instead of printing")
    args = parser.parse_args(argv)
    if args.update:
        update_readme(args.update)
    else:
        sys.stdout.write(tables_markdown())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
