"""Version and build date (zoneapp/buildinfo.py), and where paths.py finds resources when frozen."""
from __future__ import annotations

import importlib.metadata
import json
import os
import subprocess
import sys
from pathlib import Path

from zoneapp import __version__, buildinfo, paths

ROOT = Path(__file__).resolve().parent.parent


def test_version_is_the_installed_distributions() -> None:
    assert buildinfo.version() == __version__ == importlib.metadata.version("zoneapp")


def test_from_source_there_is_no_build_date() -> None:
    assert paths.FROZEN is False
    assert paths.BUILD_STAMP is None
    assert buildinfo.build_date() is None
    assert buildinfo.version_text("zh") == f"ZoneApp {__version__} (源代码运行)"
    assert buildinfo.version_text("en") == f"ZoneApp {__version__} (run from source)"
    assert paths.DEFAULT_DATA == ROOT / "data"


def _frozen(bundle: Path, code: str) -> str:
    """Run `code` in a Python that looks frozen by PyInstaller with `bundle` as _MEIPASS."""
    prelude = (f"import sys; sys.frozen = True; sys._MEIPASS = {str(bundle)!r}\n")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    result = subprocess.run([sys.executable, "-c", prelude + code], capture_output=True,
                            text=True, encoding="utf-8", env=env, cwd=ROOT, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_frozen_paths_point_into_the_bundle(tmp_path: Path) -> None:
    out = _frozen(tmp_path, "from zoneapp import paths\n"
                            "print(paths.RESOURCES); print(paths.DEFAULT_DATA); print(paths.FONTS)")
    assert out.splitlines() == [str(tmp_path / "resources"), str(tmp_path / "data"),
                                str(tmp_path / "resources" / "fonts")]


def test_frozen_build_date_comes_from_the_stamp(tmp_path: Path) -> None:
    (tmp_path / paths.BUILD_STAMP_NAME).write_text(
        json.dumps({"version": __version__, "build_date": "2026-12-03"}), encoding="utf-8")
    out = _frozen(tmp_path, "from zoneapp import buildinfo\n"
                            "print(buildinfo.version_text('zh')); print(buildinfo.version_text('en'))")
    assert out.splitlines() == [f"ZoneApp {__version__} (构建于 2026-12-03)",
                                f"ZoneApp {__version__} (built 2026-12-03)"]


def test_frozen_without_a_readable_stamp_says_the_date_is_unknown(tmp_path: Path) -> None:
    (tmp_path / paths.BUILD_STAMP_NAME).write_text("{not json", encoding="utf-8")
    out = _frozen(tmp_path, "from zoneapp import buildinfo\nprint(buildinfo.version_text('en'))")
    assert out == f"ZoneApp {__version__} (build date unknown)"
