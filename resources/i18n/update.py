"""Refresh the Chinese translations: `python resources/i18n/update.py`.

Runs pyside6-lupdate over the UI sources (zoneapp/ui, zoneapp/models, zoneapp/app.py) into
zoneapp_zh_CN.ts, keeping the translations already there, then pyside6-lrelease into
zoneapp_zh_CN.qm. Translate new strings in the .ts (Qt Linguist or a text editor), run again,
and commit both files; tests/test_i18n.py checks that nothing is left unfinished.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
TS = HERE / "zoneapp_zh_CN.ts"
QM = HERE / "zoneapp_zh_CN.qm"


def sources() -> list[Path]:
    """The Python files whose tr() strings are translated, in a stable order."""
    files = sorted((ROOT / "zoneapp" / "ui").rglob("*.py"))
    files += sorted((ROOT / "zoneapp" / "models").rglob("*.py"))
    files.append(ROOT / "zoneapp" / "app.py")
    return [f for f in files if f.name != "__init__.py"]


def tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease from the running interpreter's environment."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6 (pip install -e .)")
    return found


def lupdate(ts: Path = TS) -> None:
    files = [str(f.relative_to(ROOT)) for f in sources()]
    subprocess.run([tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none", *files,
                    "-ts", str(ts)], cwd=ROOT, check=True, capture_output=True)


def lrelease(ts: Path = TS, qm: Path = QM) -> None:
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)],
                   cwd=ROOT, check=True, capture_output=True)


def main() -> int:
    lupdate()
    lrelease()
    print(f"updated {TS.relative_to(ROOT)} and {QM.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
