"""views.ranking.EntityTableView: a table entity × period whose frame and schema are made
when first read; its title, key and row count are known before, and what is made is the
table as it was made at once (tests/test_ranking.py checks its rows and columns)."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from zoneapp.core.loading import load_dataset
from zoneapp.views.ranking import EntityTableView
from zoneapp.views.sections import section_view

FOLDER = Path(__file__).parent / "data" / "regions31"


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(FOLDER)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_made_when_read_with_its_length_known_before(dataset, lang):
    view = section_view(dataset, "overview", lang)
    tables = [t for t in view.tables if isinstance(t, EntityTableView)]
    assert tables, "regions31's overview has tables entity × period"
    for table in tables:
        assert table._made is None  # nothing made by the section's view
        assert table.title and table.key.startswith("entities_")
        rows = table.rows
        frame = table.frame
        assert table._made is not None and len(frame) == rows
        assert table.schema.zh == table.schema.en == table.title
        assert [c.key for c in table.schema.columns] == list(frame.columns)
        assert table.frame is frame  # made once


def test_the_same_table_as_made_at_once(dataset):
    """What the lazy table makes equals its maker's result, called directly."""
    table = next(t for t in section_view(dataset, "overview", "zh").tables
                 if isinstance(t, EntityTableView))
    maker = table._make
    frame, schema = maker()
    pd.testing.assert_frame_equal(table.frame, frame)
    assert table.schema == schema


def test_a_frame_given_replaces_the_made_one(dataset):
    table = next(t for t in section_view(dataset, "overview", "en").tables
                 if isinstance(t, EntityTableView))
    schema = table.schema
    other = pd.DataFrame({"entity": ["x"]})
    table.frame = other
    assert table.frame is other and table.schema is schema
