"""A CSV's columns that pandas took for numbers or true/false, read again as the text they are
written as, by pyarrow's CSV reader (csv_reader uses it for files of many rows)."""
from __future__ import annotations

import numpy as np
import pandas as pd


def text_columns(file_source, skip: int, sep: str, frame: pd.DataFrame, columns: list[int]
                ) -> dict[int, pd.Series] | None:
    """`frame`'s `columns`, which pandas took for numbers or true/false, read again as the text
    they are written as -- by pyarrow's CSV reader, which parses only those columns, in
    threads, straight into arrow strings (pandas would read the whole file again in one
    thread for them). None unless pyarrow reads as many rows as pandas did and its text gives
    back pandas' values cell for cell: then pandas reads them itself."""
    import pyarrow as pa
    import pyarrow.compute as pc
    from pyarrow import csv as pacsv

    names = {c: f"f{c}" for c in columns}
    try:
        table = pacsv.read_csv(
            file_source.source_for_arrow(),
            read_options=pacsv.ReadOptions(skip_rows=skip, autogenerate_column_names=True),
            # A line break inside quotes would make one more row here than pandas read: the
            # row count below turns that down (allowing for them halves pyarrow's speed).
            parse_options=pacsv.ParseOptions(delimiter=sep, newlines_in_values=False,
                                             ignore_empty_lines=False),
            convert_options=pacsv.ConvertOptions(
                include_columns=list(names.values()),
                column_types={name: pa.large_string() for name in names.values()},
                strings_can_be_null=False, quoted_strings_can_be_null=False))
    except (pa.ArrowException, OSError, KeyError):  # anything pyarrow reads otherwise
        return None
    if table.num_rows != len(frame):
        return None
    texts = {}
    for c, name in names.items():
        text = table.column(name)
        read = frame[c]
        try:
            if read.dtype.kind == "b":
                same = pc.equal(pc.utf8_lower(text), "true").to_numpy(zero_copy_only=False)
            elif read.dtype.kind in "iuf":
                same = pc.cast(pc.utf8_trim_whitespace(text), pa.float64()).to_numpy(
                    zero_copy_only=False)
            else:
                return None
        except pa.ArrowException:  # text pyarrow cannot take for a number: not pandas' reading
            return None
        values = read.to_numpy()
        if not np.array_equal(same, values.astype(same.dtype), equal_nan=same.dtype.kind == "f"):
            return None
        texts[c] = pd.Series(pd.array(text, dtype=str), index=frame.index)
    return texts
