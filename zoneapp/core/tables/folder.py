"""Imported rows -> the data folder: indicators.csv merged (a period already there replaced),
the old file kept in backups/, zone.toml created or extended, the recipe saved. Every file is
written atomically; the folder's other files are never touched."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from zoneapp.core import units
from zoneapp.core.io.atomic import write_bytes_atomic
from zoneapp.core.io.decoding import decode
from zoneapp.core.io.headers import column_names, header_key
from zoneapp.core.schema import INDICATORS, MANIFEST_NAME
from .grid import ImportFailed
from .recipe import RECIPES_DIR, Recipe, to_toml

BACKUPS_DIR = "backups"
KEY = ("key", "period", "period_detail", "value_kind", "entity")


@dataclass
class Existing:
    header: list[str]  # as written
    keys: list[str | None]  # the column key of each header cell (None: not an indicators column)
    rows: pd.DataFrame  # by column key, strings
    data: bytes = b""
    path: Path | None = None


@dataclass
class Merged:
    text: bytes
    added: int
    replaced: int
    replaced_periods: list[str] = field(default_factory=list)


def read_existing(folder: Path) -> Existing:
    """The folder's indicators.csv as strings (no checks: kept as the user wrote it)."""
    csv_path = folder / "indicators.csv"
    if not csv_path.is_file():
        if (folder / "indicators.xlsx").is_file():
            raise ImportFailed("indicators.xlsx", "导入只写入 indicators.csv：请先把 indicators.xlsx "
                               "另存为 CSV（UTF-8），再导入",
                               "import writes indicators.csv: save indicators.xlsx as CSV (UTF-8) "
                               "first, then import")
        return Existing([], [], pd.DataFrame(columns=list(INDICATORS.keys), dtype=str))
    data = csv_path.read_bytes()
    decoded = decode(data, "indicators.csv")
    if not isinstance(decoded, tuple):
        raise ImportFailed("indicators.csv", decoded.message_zh, decoded.message_en)
    table = list(csv.reader(io.StringIO(decoded[0], newline="")))
    header = table[0] if table else []
    names = column_names(INDICATORS)
    keys = [names.get(header_key(h)) for h in header]
    body = [r + [""] * (len(header) - len(r)) for r in table[1:] if any(c.strip() for c in r)]
    frame = pd.DataFrame([r[:len(header)] for r in body], columns=range(len(header)), dtype=str)
    rows = pd.DataFrame({k: frame[i] if len(frame) else pd.Series([], dtype=str)
                         for i, k in enumerate(keys) if k}, dtype=str)
    for k in INDICATORS.keys:
        if k not in rows.columns:
            rows[k] = ""
    return Existing(header, keys, rows, data, csv_path)


def _text(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    for column in ("value", "yoy_pct"):
        values = out[column].astype("float64")
        out[column] = values.map(lambda v: "" if pd.isna(v) else repr(round(v, 10)).removesuffix(".0")
                                 if abs(v) < 1e15 else repr(v))
    out["period"] = out["period"].astype("int64").astype(str)
    return out.astype(str)


def merge(existing: Existing, new: pd.DataFrame) -> Merged:
    """The new CSV bytes: the existing rows less those the import replaces, then the new rows.
    Columns: the existing header as written, then the indicators' columns it lacked."""
    new = _text(new)
    old = existing.rows
    new_keys = pd.MultiIndex.from_frame(new[list(KEY)])
    old_keys = pd.MultiIndex.from_frame(old[list(KEY)].fillna("")) if len(old) else None
    replaced_mask = old_keys.isin(new_keys) if old_keys is not None else []
    replaced = int(sum(replaced_mask))
    periods = sorted({f"{p}{' ' + d if d else ''}" for p, d in
                      old.loc[replaced_mask, ["period", "period_detail"]].itertuples(index=False)}) \
        if replaced else []
    kept_positions = [i for i, r in enumerate(replaced_mask) if not r] if replaced else None
    header = list(existing.header) or list(INDICATORS.keys)
    keys = list(existing.keys) if existing.header else list(INDICATORS.keys)
    for k in INDICATORS.keys:
        if k not in keys and (k in new.columns and (new[k] != "").any()):
            header.append(k)
            keys.append(k)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    if existing.header:  # the old rows as they were written, but for those replaced
        table = list(csv.reader(io.StringIO(decode(existing.data, "")[0], newline="")))[1:]
        table = [r for r in table if any(c.strip() for c in r)]
        extra = len(header) - len(existing.header)
        for i, row in enumerate(table):
            if kept_positions is None or not replaced_mask[i]:
                writer.writerow(row + [""] * (len(existing.header) - len(row) + extra))
    columns = [new[k] if k in new.columns else pd.Series("", index=new.index) if k else
               pd.Series("", index=new.index) for k in keys]
    new_rows = pd.concat(columns, axis=1)
    new_rows.to_csv(buffer, header=False, index=False, lineterminator="\n")
    return Merged(("\ufeff" + buffer.getvalue()).encode("utf-8"), len(new), replaced, periods)


def write(folder: Path, merged: Merged, existing: Existing, manifest: bytes,
          recipe: Recipe, recipe_name: str) -> list[Path]:
    """Write in the order that keeps the folder whole if any step fails: the backup first,
    then indicators.csv, zone.toml, the recipe."""
    written = []
    folder.mkdir(parents=True, exist_ok=True)
    if existing.path is not None:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        (folder / BACKUPS_DIR).mkdir(exist_ok=True)
        written.append(write_bytes_atomic(folder / BACKUPS_DIR / f"indicators-{stamp}.csv",
                                          existing.data))
    written.append(write_bytes_atomic(folder / "indicators.csv", merged.text))
    written.append(write_bytes_atomic(folder / MANIFEST_NAME, manifest))
    (folder / RECIPES_DIR).mkdir(exist_ok=True)
    written.append(write_bytes_atomic(folder / RECIPES_DIR / f"{recipe_name}.toml",
                                      to_toml(recipe).encode("utf-8")))
    return written


def manifest_text(folder: Path, name: str, years: list[int], source: dict[str, str],
                  unknown_units: list[str]) -> bytes:
    """zone.toml: a new one, or the existing one with the years, source and units added."""
    q = lambda v: json.dumps(v, ensure_ascii=False)  # noqa: E731 -- a TOML basic string
    path = folder / MANIFEST_NAME
    text = path.read_bytes().decode("utf-8-sig", errors="replace") if path.is_file() else (
        f"# Created by `zoneapp import`; data/README.md describes every key.\n\n"
        f"[zone]\nname_zh = {q(name)}\nname_en = {q(name)}\nperiods = []\n")
    found = re.search(r"^periods\s*=\s*\[([^\]]*)\]", text, flags=re.M)
    if found:
        have = {int(y) for y in re.findall(r"\d{4}", found[1])}
        text = text[:found.start()] + f"periods = {sorted(have | set(years))}" + text[found.end():]
    block = "" if f"id = {q(source['id'])}" in text else \
        "\n[[sources]]\n" + "".join(f"{k} = {q(v)}\n" for k, v in source.items())
    block += "".join(f"\n[[units]]\ncode = {q(c)}\ndimension = {q(c)}\nfactor = 1\n"
                     for c in unknown_units if f"code = {q(c)}" not in text)
    return (text.rstrip("\n") + "\n" + block).encode("utf-8")


def unknown(units_used: list[str], folder: Path) -> list[str]:
    from zoneapp.core.manifest import declared_units

    declared = declared_units(folder) if folder.is_dir() else {}
    return [u for u in dict.fromkeys(units_used) if u and units.normalise_unit(u) is None
            and u not in declared]
