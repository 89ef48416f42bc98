"""data/README.md's reference block is exactly what schema_doc generates from schema.py."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from zoneapp.core import schema
from zoneapp.core.schema_doc import readme_block, tables_markdown

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "data" / "README.md"


def test_readme_block_matches_schema() -> None:
    block = readme_block(README.read_text(encoding="utf-8"))
    assert block is not None, "data/README.md lost its <!-- tables:start/end --> markers"
    assert block == tables_markdown(), (
        "data/README.md is out of date: run python -m zoneapp.core.schema_doc --update data/README.md")


def test_reference_names_every_table_and_column() -> None:
    text = tables_markdown()
    for table in schema.TABLES:
        assert f"### {table.name}.csv" in text
        for column in table.columns:
            assert f"| `{column.key}` | {column.zh} | {column.en} |" in text
            for choice in column.choices:
                assert f"`{choice.code}` {choice.zh} / {choice.en}" in text


def test_module_prints_the_reference() -> None:
    result = subprocess.run([sys.executable, "-m", "zoneapp.core.schema_doc"], cwd=ROOT,
                            capture_output=True, text=True, encoding="utf-8", check=True)
    assert result.stdout == tables_markdown()


def test_update_rewrites_only_the_block(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text("intro\n<!-- tables:start -->\nstale\n<!-- tables:end -->\nend\n", encoding="utf-8")
    subprocess.run([sys.executable, "-m", "zoneapp.core.schema_doc", "--update", str(readme)],
                   cwd=ROOT, check=True)
    text = readme.read_text(encoding="utf-8")
    assert text.startswith("intro\n") and text.endswith("<!-- tables:end -->\nend\n")
    assert readme_block(text) == tables_markdown()
