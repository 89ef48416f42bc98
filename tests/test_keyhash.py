"""keyhash.duplicated_keys agrees with pandas' duplicated, including collisions and chunks."""
import numpy as np
import pandas as pd
import pyarrow as pa

from zoneapp.core.fast import keyhash
from zoneapp.core.fast.keyhash import duplicated_keys


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
    monkeypatch.setattr(keyhash, "_column_hashes",
                        lambda s, quick=False: np.zeros(len(s), np.uint64))
    frame = pd.DataFrame({"k": pd.Series(["a", "b", "a", "c"], dtype=str)})
    assert duplicated_keys(frame, ["k"]).tolist() == [False, False, True, False]


def test_bucket_prefilter_finds_the_same_repeats_as_pandas():
    """Past 65,536 rows the repeated hashes are found by bucket counts first: same answer."""
    rng = np.random.default_rng(7)
    hashes = rng.integers(0, 2**63, 300_000, dtype=np.int64).astype(np.uint64)
    hashes[rng.integers(0, len(hashes), 500)] = hashes[rng.integers(0, len(hashes), 500)]
    hashes[:1000] = np.uint64(2**63 + 5)  # many rows, one bucket, one hash
    expected = pd.Series(hashes).duplicated(keep=False).to_numpy()
    assert expected.sum() > 1000
    assert (keyhash._shared(hashes) == expected).all()


def test_cells_alike_at_both_ends_are_told_apart(monkeypatch):
    """The quick hash sees only a cell's length and its first and last 8 bytes: cells that
    differ inside share it, and are then hashed in full (or compared) before any is dropped."""
    middle = ["合成项目" + m + "有限公司扩建工程" for m in ("甲", "乙", "甲", "丙", "乙")]
    frame = pd.DataFrame({"k": pd.Series(middle * 3, dtype=str),
                          "p": pd.Series([2019] * 5 + [2020] * 10, dtype="Int64")})
    expected = frame.duplicated(subset=["k", "p"], keep="first").to_numpy()
    assert (duplicated_keys(frame, ["k", "p"]) == expected).all()
    monkeypatch.setattr(keyhash, "_EXACT_ROWS", 2)  # so the full hash pass runs too
    assert (duplicated_keys(frame, ["k", "p"]) == expected).all()


def test_short_cells_and_cells_at_the_end_of_the_buffer():
    rng = np.random.default_rng(3)
    words = ["", "a", "ab", "abcdefg", "abcdefgh", "abcdefghi", "é", "合", "x" * 15, "y" * 17]
    for n in (1, 2, 5, 40, 300):
        cells = list(rng.choice(words, n))
        for tail in ([], ["a"], ["abcdefgh"], ["合成"]):
            frame = pd.DataFrame({"k": pd.Series(cells + tail, dtype=str)})
            expected = frame.duplicated(subset=["k"], keep="first").to_numpy()
            assert (duplicated_keys(frame, ["k"]) == expected).all()
    quick = keyhash._text_hashes(pd.Series(["abcdefgh", "abcdefghX", "Xabcdefgh", "abcdefgh"],
                                           dtype=str), keyhash._chunk_ends_hashes)
    assert quick[0] == quick[3] and len(set(quick[:3].tolist())) == 3


def test_a_key_column_of_one_value_is_left_out_of_the_hash(monkeypatch):
    hashed = []
    real = keyhash._column_hashes
    monkeypatch.setattr(keyhash, "_column_hashes",
                        lambda s, quick=False: hashed.append(s.name) or real(s, quick))
    frame = pd.DataFrame({"k": pd.Series(["a", "b", "a", "c"], dtype=str),
                          "p": pd.Series([2019] * 4, dtype="Int64")})
    assert duplicated_keys(frame, ["k", "p"]).tolist() == [False, False, True, False]
    assert hashed == ["k"]
    # A blank year is another value: the column is hashed, and the rows told apart.
    frame.loc[2, "p"] = pd.NA
    hashed.clear()
    assert duplicated_keys(frame, ["k", "p"]).tolist() == [False, False, False, False]
    assert hashed == ["k", "p"]
    # Every key column of one value: every row after the first repeats it.
    same = pd.DataFrame({"p": pd.Series([2019] * 3, dtype="Int64"), "q": [1.5] * 3})
    assert duplicated_keys(same, ["p", "q"]).tolist() == [False, True, True]
