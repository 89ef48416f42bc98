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

import numpy as np
import pandas as pd

from zoneapp.core import units
from zoneapp.core.io.atomic import write_bytes_atomic
from zoneapp.core.io.decoding import decode
from zoneapp.core.io.headers import column_names, header_key
from zoneapp.core.schema import INDICATORS, MANIFEST_NAME
from .grid import ImportFailed
from .recipe import RECIPES_DIR, Recipe, to_toml

BACKUPS_DIR = "backups"


def _stamp() -> str:
    return dt.datetime.now().strftime("%Y%m%d-%H%M%S")


def _backup_path(backups: Path) -> Path:
    """indicators-20241203-090210.csv, or -2, -3 … after it: two imports in one second (a
    script's) each keep the file they replaced."""
    stamp = _stamp()
    path, n = backups / f"indicators-{stamp}.csv", 1
    while path.exists():
        n += 1
        path = backups / f"indicators-{stamp}-{n}.csv"
    return path
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


def number_text(values: np.ndarray):
    """Floats as a CSV cell holds them: 7.64 (not 7.640000000000001), 10 (not 10.0), "" for
    NaN; cast in pyarrow (NaN as null, so blanks cost nothing), with Python's repr only for
    the few that come out in e-notation. A pyarrow string array."""
    import pyarrow as pa
    import pyarrow.compute as pc

    rounded = np.round(values.astype("float64"), 10)
    text = pc.fill_null(pc.cast(pa.array(rounded, mask=np.isnan(rounded)), pa.string()), "")
    odd = np.flatnonzero(pc.match_substring(text, "e").to_numpy(zero_copy_only=False))
    if len(odd):
        fixed = text.to_pylist()
        for at in odd:
            fixed[at] = repr(float(rounded[at])).removesuffix(".0")
        text = pa.array(fixed, type=pa.string())
    return text


def _text(frame: pd.DataFrame) -> dict:
    """The new rows' columns as pyarrow string arrays, ready for the CSV and the key match."""
    import pyarrow as pa

    out = {}
    for column in frame.columns:
        if column in ("value", "yoy_pct"):
            out[column] = number_text(frame[column].to_numpy())
        elif column == "period":
            out[column] = pa.array(frame[column].astype("int64").to_numpy()).cast(pa.string())
        else:
            out[column] = pa.Array.from_pandas(frame[column].astype(str), type=pa.string())
    return out


def merge(existing: Existing, new: pd.DataFrame) -> Merged:
    """The new CSV bytes: the existing rows less those the import replaces, then the new rows.
    Columns: the existing header as written, then the indicators' columns it lacked."""
    count = len(new)
    new = _text(new)
    old = existing.rows
    old_keys = pd.MultiIndex.from_frame(old[list(KEY)].fillna("")) if len(old) else None
    new_keys = pd.MultiIndex.from_arrays([new[k].to_pylist() for k in KEY]) \
        if old_keys is not None else None
    replaced_mask = old_keys.isin(new_keys) if old_keys is not None else []
    replaced = int(sum(replaced_mask))
    periods = sorted({f"{p}{' ' + d if d else ''}" for p, d in
                      old.loc[replaced_mask, ["period", "period_detail"]].itertuples(index=False)}) \
        if replaced else []
    kept_positions = [i for i, r in enumerate(replaced_mask) if not r] if replaced else None
    header = list(existing.header) or list(INDICATORS.keys)
    keys = list(existing.keys) if existing.header else list(INDICATORS.keys)
    for k in INDICATORS.keys:
        if k not in keys and k in new and _any_text(new[k]):
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
    return Merged(_csv_rows(new, keys, ("\ufeff" + buffer.getvalue()).encode("utf-8")),
                  count, replaced, periods)


def _any_text(array) -> bool:
    import pyarrow.compute as pc

    return bool(pc.any(pc.not_equal(array, "")).as_py())


def _csv_rows(new: dict, keys: list[str | None], head: bytes) -> bytes:
    """`head` (the header and the rows kept), then the new rows in the file's column order,
    as CSV (pyarrow: quoted only where needed), in one buffer: a 40 MB file is not copied to
    join the two."""
    import pyarrow as pa
    import pyarrow.compute as pc
    from pyarrow import csv as pacsv

    rows = len(next(iter(new.values())))
    blank = pc.take(pa.array([""]), pa.array(np.zeros(rows, dtype=np.int32)))
    arrays = [new[k] if k in new else blank for k in keys]
    table = pa.table(arrays, names=[f"c{i}" for i in range(len(keys))])
    out = io.BytesIO()
    out.write(head)
    pacsv.write_csv(table, out, pacsv.WriteOptions(include_header=False, quoting_style="needed"))
    return out.getvalue()


def write(folder: Path, merged: Merged, existing: Existing, manifest: bytes,
          recipe: Recipe, recipe_name: str) -> list[Path]:
    """Write in the order that keeps the folder whole if any step fails: the backup first,
    then indicators.csv, zone.toml, the recipe."""
    written = []
    folder.mkdir(parents=True, exist_ok=True)
    if existing.path is not None:
        (folder / BACKUPS_DIR).mkdir(exist_ok=True)
        written.append(write_bytes_atomic(_backup_path(folder / BACKUPS_DIR), existing.data))
    written.append(write_bytes_atomic(folder / "indicators.csv", merged.text))
    written.append(write_bytes_atomic(folder / MANIFEST_NAME, manifest))
    (folder / RECIPES_DIR).mkdir(exist_ok=True)
    written.append(write_bytes_atomic(folder / RECIPES_DIR / f"{recipe_name}.toml",
                                      to_toml(recipe).encode("utf-8")))
    return written


def manifest_text(folder: Path, name: str, years: list[int], source: dict[str, str],
                  unknown_units: list[str], name_en: str | None = None) -> bytes:
    """zone.toml: a new one (named `name`, `name_en` in English: `name` when None), or the
    existing one with the years, source and units added."""
    q = lambda v: json.dumps(v, ensure_ascii=False)  # noqa: E731 -- a TOML basic string
    path = folder / MANIFEST_NAME
    text = path.read_bytes().decode("utf-8-sig", errors="replace") if path.is_file() else (
        f"# Created by `zoneapp import`; data/README.md describes every key.\n\n"
        f"[zone]\nname_zh = {q(name)}\nname_en = {q(name if name_en is None else name_en)}\n"
        f"periods = []\n")
    found = re.search(r"^periods\s*=\s*\[([^\]]*)\]", text, flags=re.M)
    if found:
        have = {int(y) for y in re.findall(r"\d{4}", found[1])}
        text = text[:found.start()] + f"periods = {sorted(have | set(years))}" + text[found.end():]
    block = "" if f"id = {q(source['id'])}" in text else \
        "\n[[sources]]\n" + "".join(f"{k} = {q(v)}\n" for k, v in source.items())
    block += "".join(f"\n[[units]]\ncode = {q(c)}\ndimension = {q(d)}\nfactor = {f:g}\n"
                     for c in unknown_units if f"code = {q(c)}" not in text
                     for d, f in [declared_dimension(c)])
    return (text.rstrip("\n") + "\n" + block).encode("utf-8")


_MAGNITUDES = (("十万", 1e5), ("百万", 1e6), ("千万", 1e7), ("十", 10), ("百", 100),
               ("千", 1e3), ("万", 1e4), ("亿", 1e8))


def declared_dimension(code: str) -> tuple[str, float]:
    """A new unit's dimension and factor: 万吨标准煤 is 10,000 of 吨标准煤 (so 吨标准煤 ↔
    万吨标准煤 convert); 十万吨 joins the mass dimension the app knows; a unit with no
    magnitude is its own dimension."""
    for prefix, factor in sorted(_MAGNITUDES, key=lambda p: -len(p[0])):
        base = code[len(prefix):]
        if code.startswith(prefix) and base:
            for dim, members in units.DIMENSIONS.items():
                if base in members:
                    return dim, factor * members[base]
            return base, factor
    return code, 1.0


def unknown(units_used: list[str], folder: Path) -> list[str]:
    from zoneapp.core.manifest import declared_units

    declared = declared_units(folder) if folder.is_dir() else {}
    return [u for u in dict.fromkeys(units_used) if u and units.normalise_unit(u) is None
            and u not in declared]
