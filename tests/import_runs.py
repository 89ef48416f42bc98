"""The import command as a user runs it, and the rows it wrote: shared by the import tests."""
from __future__ import annotations

import csv
import io
from pathlib import Path

from zoneapp.cli import main


def run(args: list[str], monkeypatch, answer: str | None = None) -> int:
    """The command as a user runs it; `answer` is typed at the prompt (None: no input). The
    prompts asked are left in `run.asked`."""
    asked = []

    def fake_input(prompt: str) -> str:
        asked.append(prompt)
        if answer is None:
            raise EOFError
        return answer

    monkeypatch.setattr("builtins.input", fake_input)
    code = main(args)
    run.asked = asked
    return code


def rows(folder: Path) -> list[dict[str, str]]:
    text = (folder / "indicators.csv").read_text(encoding="utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def pick(folder: Path, **match) -> list[dict[str, str]]:
    return [r for r in rows(folder) if all(r.get(k) == v for k, v in match.items())]
