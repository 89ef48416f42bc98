"""keyhash.duplicated_keys agrees with pandas' duplicated, including collisions and chunks."""
import numpy as np
import pandas as pd
import pyarrow as pa

from zoneapp.core import keyhash
from zoneapp.core.keyhash import duplicated_keys


def _random_frame(rng, n):
    words = ["", "a", "b", "合成", "ab", "ba", " a", "x" * 2000, "'=1"]
    return pd.DataFrame({
        "k": pd.Series(rng.choice(words, n), dtype=str),
        "p": pd.Series(rng.choice([2019, 2020, None], n), dtype="Int64"),
        "f": rng.choice([0.0, -0.0, 1.5, np.nan], n),
    })


def test_matches_pandas():
    rng = np.random.default_rng(1)
    for _ in range(100):
        frame = _random_frame(rng, int(rng.integers(0, 200)))
        for key in (["k"], ["k", "p"], ["p"], ["k", "f"]):
            expected = frame.duplicated(subset=key, keep="first").to_numpy()
            assert (duplicated_keys(frame, key) == expected).all()


def test_chunked_text_and_small_blocks(monkeypatch):
    monkeypatch.setattr(keyhash, "_BLOCK_BYTES", 3)  # many blocks, and cells longer than one
    chunked = pa.chunked_array([pa.array(["a", "bcdef", "a"], pa.large_string()),
                                pa.array(["bcdef", "", ""], pa.large_string())])
    frame = pd.DataFrame({"k": pd.Series(pd.array(chunked, dtype=str))})
    assert duplicated_keys(frame, ["k"]).tolist() == [False, False, True, True, False, True]


def test_collisions_are_confirmed_exactly(monkeypatch):
    monkeypatch.setattr(keyhash, "_column_hashes", lambda s: np.zeros(len(s), np.uint64))
    frame = pd.DataFrame({"k": pd.Series(["a", "b", "a", "c"], dtype=str)})
    assert duplicated_keys(frame, ["k"]).tolist() == [False, False, True, False]
