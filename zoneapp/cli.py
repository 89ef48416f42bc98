"""Command line: no command opens the window; validate, export and render work headless."""
from __future__ import annotations


def main(argv: list[str] | None = None) -> int:
    raise SystemExit("not yet")
