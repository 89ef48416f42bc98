"""Lay out the .deb's tree for dpkg-deb: `python packaging/linux/layout.py dist/ZoneApp build/deb`.

/opt/zoneapp holds the PyInstaller folder; /usr/bin/zoneapp starts it; the desktop entry and
the icon go where desktops look. DEBIAN/control declares the system libraries Qt's xcb
platform loads (the list zoneapp/xcbcheck.py checks for `make run`), the C library at the
version the bundle needs, and the other libraries PyInstaller leaves to the system.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT))

from zoneapp import __version__  # noqa: E402
from zoneapp.xcbcheck import XCB_PACKAGES  # noqa: E402

# The libraries the bundle links against but PyInstaller leaves to the system, read off
# `readelf -d` of every file in dist/ZoneApp on Debian 12 (the C library is added with the
# version the bundle needs; see glibc_version). libfontconfig1 is bundled, but the fonts'
# configuration in /etc/fonts comes with the system's package.
BASE_PACKAGES = (
    "libgl1", "libegl1", "libxcb1", "libwayland-client0", "libwayland-cursor0",
    "libwayland-egl1", "libfontconfig1",
)
GLIBC_VERSION = re.compile(rb"GLIBC_2\.(\d+)")
MAINTAINER = "ZoneApp maintainers <maintainers@zoneapp.invalid>"


def architecture() -> str:
    try:
        return subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True,
                              check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "amd64"


def glibc_version(app: Path) -> str:
    """The newest C library version any file of the bundle asks for, e.g. "2.36": the
    bundle runs only where libc6 is at least that (so build on the oldest target)."""
    newest = 17
    for path in app.rglob("*"):
        if path.is_file() and not path.is_symlink():
            with open(path, "rb") as file:
                if file.read(4) != b"\x7fELF":
                    continue
                newest = max([newest, *(int(m) for m in GLIBC_VERSION.findall(file.read()))])
    return f"2.{newest}"


def control(installed_kb: int, glibc: str) -> str:
    # XCB_PACKAGES: the libraries Qt's xcb platform loads, as `make run` checks for them.
    depends = ", ".join([f"libc6 (>= {glibc})", *BASE_PACKAGES, *XCB_PACKAGES])
    return (f"Package: zoneapp\nVersion: {__version__}\nArchitecture: {architecture()}\n"
            f"Maintainer: {MAINTAINER}\nInstalled-Size: {installed_kb}\nSection: misc\n"
            f"Priority: optional\nDepends: {depends}\n"
            "Description: ZoneApp 园区指标看板: development zone indicators\n"
            " Browse a development zone's yearly indicators as tables and charts, export\n"
            " them to CSV, and print a PDF report. A self-contained build: no Python needed.\n"
            " 浏览开发区的年度指标：表格、图表、导出 CSV 和 PDF 报告；无需安装 Python。\n")


def install(src: Path, dest: Path, mode: int = 0o644) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, dest)
    dest.chmod(mode)


def lay_out(app: Path, tree: Path) -> None:
    shutil.copytree(app, tree / "opt" / "zoneapp", symlinks=True)
    install(HERE / "open-folder", tree / "opt" / "zoneapp" / "open-folder", 0o755)
    install(HERE / "zoneapp", tree / "usr" / "bin" / "zoneapp", 0o755)
    share = tree / "usr" / "share"
    install(HERE / "zoneapp.desktop", share / "applications" / "zoneapp.desktop")
    icons = ROOT / "resources" / "icons"
    install(icons / "zoneapp.png", share / "icons" / "hicolor" / "256x256" / "apps" / "zoneapp.png")
    install(icons / "zoneapp.svg", share / "icons" / "hicolor" / "scalable" / "apps" / "zoneapp.svg")
    install(ROOT / "resources" / "fonts" / "LICENSE-OFL.txt",
            share / "doc" / "zoneapp" / "LICENSE-OFL.txt")
    size_kb = sum(p.lstat().st_size for p in tree.rglob("*") if not p.is_dir()) // 1024 + 1
    (tree / "DEBIAN").mkdir(parents=True, exist_ok=True)
    (tree / "DEBIAN" / "control").write_text(control(size_kb, glibc_version(app)),
                                             encoding="utf-8")


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.splitlines()[0], file=sys.stderr)
        return 2
    app, tree = Path(argv[0]), Path(argv[1])
    if not (app / "ZoneApp").is_file():
        print(f"{app / 'ZoneApp'} is missing: run `make dist` first", file=sys.stderr)
        return 2
    if tree.exists():
        shutil.rmtree(tree)
    lay_out(app, tree)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
