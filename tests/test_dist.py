"""The frozen build (`make test-dist`): the bundle's commands work as the source app's do,
write nothing into the bundle, and the .deb installs its launcher, desktop entry and icon."""
from __future__ import annotations

import os
import shutil
import struct
import subprocess
import unicodedata
from pathlib import Path

import pandas as pd
import pytest
import pypdf

from core_fixtures import write_xlsx
from zoneapp import __version__
from zoneapp.core.schema import SECTIONS
from zoneapp.xcbcheck import XCB_PACKAGES

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "dist" / "ZoneApp"
APP = BUNDLE / "ZoneApp"

pytestmark = pytest.mark.skipif(
    not APP.is_file(), reason="dist/ZoneApp/ZoneApp is not built: `make test-dist` builds it")


def _debs() -> list[Path]:
    return sorted((ROOT / "dist").glob(f"zoneapp_{__version__}_*.deb"))


needs_deb = pytest.mark.skipif(
    not _debs() or shutil.which("dpkg-deb") is None,
    reason="no dist/zoneapp_<version>_<arch>.deb (`make deb`) or no dpkg-deb")


def _snapshot() -> dict[str, tuple[int, int]]:
    """Every path in the bundle with its size and modification time."""
    return {str(p.relative_to(BUNDLE)): (p.lstat().st_size, p.lstat().st_mtime_ns)
            for p in BUNDLE.rglob("*")}


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """A user's home of its own: settings and logs land here, not in the bundle."""
    folder = tmp_path / "home"
    folder.mkdir()
    return folder


def run_frozen(home: Path, *args: str, extra_env: dict[str, str] | None = None,
               app: Path = APP) -> subprocess.CompletedProcess:
    """Run the frozen app headless; fail if it changed anything inside the bundle."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "PYTHONPATH", "PYTHONHOME")}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(home),
               XDG_CONFIG_HOME=str(home / ".config"), XDG_DATA_HOME=str(home / ".local/share"),
               XDG_CACHE_HOME=str(home / ".cache"), **(extra_env or {}))
    before = _snapshot()
    result = subprocess.run([str(app), *args], capture_output=True, text=True,
                            encoding="utf-8", env=env, cwd=home, timeout=300)
    assert _snapshot() == before, "the frozen app wrote into its own bundle"
    return result


def test_help_lists_every_command(home: Path) -> None:
    result = run_frozen(home, "--help")
    assert result.returncode == 0, result.stderr
    for command in ("validate", "export", "render", "report"):
        assert command in result.stdout
    assert "园区指标看板" in result.stdout
    version = run_frozen(home, "--version")
    assert version.stdout.strip() == f"ZoneApp {__version__}"


def test_bundle_carries_resources_data_and_build_stamp() -> None:
    internal = BUNDLE / "_internal"
    assert (internal / "data" / "zone.toml").is_file()
    assert (internal / "resources" / "i18n" / "zoneapp_zh_CN.qm").is_file()
    assert list((internal / "resources" / "fonts").glob("*.otf"))
    assert (internal / "resources" / "icons" / "zoneapp.png").is_file()
    stamp = (internal / "build_stamp.json").read_text(encoding="utf-8")
    assert f'"version": "{__version__}"' in stamp and '"build_date": "20' in stamp
    # What the spec leaves out stays out.
    assert not list(internal.rglob("pandas/tests")) and not list(internal.rglob("pytest"))
    assert not list(internal.rglob("*flight*"))


def test_validate_bundled_data(home: Path) -> None:
    result = run_frozen(home, "validate")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert "0 个错误" in result.stderr


def test_validate_reports_file_row_column(home: Path, tmp_path: Path) -> None:
    folder = tmp_path / "zone"
    shutil.copytree(BUNDLE / "_internal" / "data", folder)
    projects = folder / "projects.csv"
    frame = pd.read_csv(projects, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    frame.loc[1, "investment"] = "很多"  # spreadsheet row 3
    frame.to_csv(projects, index=False, encoding="utf-8-sig")
    result = run_frozen(home, "validate", str(folder), "--lang", "en")
    assert result.returncode == 1
    assert "projects.csv:3: investment: not a number: '很多'" in result.stdout.splitlines()


def test_reads_an_xlsx_table_as_its_csv(home: Path, tmp_path: Path) -> None:
    """calamine and openpyxl are in the bundle: an .xlsx in place of projects.csv exports
    the same table as the CSV does."""
    folder = tmp_path / "zone"
    shutil.copytree(BUNDLE / "_internal" / "data", folder)
    projects = pd.read_csv(folder / "projects.csv", encoding="utf-8-sig", dtype=str,
                           keep_default_na=False)
    (folder / "projects.csv").unlink()
    write_xlsx(folder / "projects.xlsx", list(projects.columns), projects.values.tolist())
    assert (BUNDLE / "_internal" / "python_calamine").is_dir()
    from_xlsx, from_csv = tmp_path / "xlsx", tmp_path / "csv"
    result = run_frozen(home, "export", str(from_xlsx), "--data", str(folder))
    assert result.returncode == 0, result.stderr
    assert run_frozen(home, "export", str(from_csv)).returncode == 0
    name = "产业项目_产业项目.csv"
    assert (from_xlsx / name).read_bytes() == (from_csv / name).read_bytes()


def test_export_writes_csvs_with_bom_and_chinese_headers(home: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_frozen(home, "export", str(out))
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in out.iterdir())
    assert "概览_指标.csv" in names and "产业项目_产业项目.csv" in names
    assert sorted(Path(line).name for line in result.stdout.splitlines()) == names
    for path in out.iterdir():
        assert path.read_bytes().startswith(b"\xef\xbb\xbf"), path.name
    indicators = pd.read_csv(out / "概览_指标.csv", encoding="utf-8-sig")
    revenue = indicators[(indicators["指标代码"] == "revenue") & (indicators["年份"] == 2019)]
    assert revenue["数值"].tolist() == [506.1]


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path.name
    return struct.unpack(">II", data[16:24])


def test_render_writes_one_png_per_tab(home: Path, tmp_path: Path) -> None:
    out = tmp_path / "png"
    result = run_frozen(home, "render", str(out), "--size", "1280x800")
    assert result.returncode == 0, result.stderr
    expected = [f"{i:02d}_{s.code}.png" for i, s in enumerate(SECTIONS, 1)]
    assert sorted(p.name for p in out.iterdir()) == expected
    for path in out.iterdir():
        assert path.stat().st_size > 10_000
        width, height = _png_size(path)  # the whole page: as wide as asked, as tall as it is
        assert width == 1280 and height >= 800


def test_report_pdf_has_the_zone_as_text(home: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.pdf"
    result = run_frozen(home, "report", str(out))
    assert result.returncode == 0, result.stderr
    # NFKC: with the full Noto Sans CJK installed, Qt's PDF maps the glyph of 高 back to the
    # Kangxi radical ⾼ (U+2F7C), which shares it; NFKC folds the radical as searches do.
    pages = [unicodedata.normalize("NFKC", " ".join(p.extract_text().split()))
             for p in pypdf.PdfReader(str(out)).pages]
    assert len(pages) >= 1 + len(SECTIONS)
    assert "上饶高新区" in pages[0]
    for section in SECTIONS:
        assert section.label("zh") in "\n".join(pages)


def test_window_opens_and_keeps_settings_in_the_users_folder(home: Path) -> None:
    # ZONEAPP_BENCH: the window reports its first paint and quits once the data is shown.
    result = run_frozen(home, extra_env={"ZONEAPP_BENCH": "1"})
    assert result.returncode == 0, result.stderr
    assert "ZONEAPP_BENCH first_paint=" in result.stdout
    assert "ZONEAPP_BENCH ready=" in result.stdout
    settings = home / ".config" / "ZoneApp" / "ZoneApp.conf"
    assert settings.is_file()
    text = settings.read_text(encoding="utf-8")
    assert "recent_folders" in text and str(BUNDLE / "_internal" / "data") in text
    # The bundled data's load was kept in the user's cache; the next start opens it from
    # there: the copy is read (its time moves on), not written again (same file).
    (copy,) = (home / ".cache" / "ZoneApp" / "ZoneApp" / "loads").iterdir()
    before = copy.stat()
    os.utime(copy, ns=(before.st_atime_ns, before.st_mtime_ns - 10**9))
    again = run_frozen(home, extra_env={"ZONEAPP_BENCH": "1"})
    assert again.returncode == 0 and "ZONEAPP_BENCH ready=" in again.stdout, again.stderr
    after = copy.stat()
    assert after.st_ino == before.st_ino and after.st_mtime_ns > before.st_mtime_ns - 10**9


@needs_deb
def test_deb_declares_its_dependencies_and_lists_its_files() -> None:
    deb = _debs()[-1]
    info = subprocess.run(["dpkg-deb", "--info", str(deb)], capture_output=True, text=True,
                          check=True).stdout
    assert "Package: zoneapp" in info and f"Version: {__version__}" in info
    depends = next(line for line in info.splitlines() if line.strip().startswith("Depends:"))
    for package in XCB_PACKAGES:
        assert package in depends
    assert "libc6 (>= 2." in depends
    contents = subprocess.run(["dpkg-deb", "--contents", str(deb)], capture_output=True,
                              text=True, check=True).stdout
    listed = {line.split()[5] for line in contents.splitlines()}  # mode owner size date time path
    for path in ("./usr/bin/zoneapp", "./usr/share/applications/zoneapp.desktop",
                 "./usr/share/icons/hicolor/256x256/apps/zoneapp.png",
                 "./usr/share/icons/hicolor/scalable/apps/zoneapp.svg",
                 "./opt/zoneapp/ZoneApp", "./opt/zoneapp/_internal/data/zone.toml"):
        assert path in listed, path


@needs_deb
def test_deb_desktop_entry_names_app_in_both_languages(tmp_path: Path) -> None:
    subprocess.run(["dpkg-deb", "-x", str(_debs()[-1]), str(tmp_path)], check=True)
    entry = (tmp_path / "usr/share/applications/zoneapp.desktop").read_text(encoding="utf-8")
    lines = entry.splitlines()
    assert "Name=ZoneApp" in lines and "Name[zh_CN]=园区指标看板" in lines
    assert "Icon=zoneapp" in lines and "MimeType=inode/directory;" in lines
    assert "Exec=/opt/zoneapp/open-folder %f" in lines


@needs_deb
@pytest.mark.skipif(os.geteuid() != 0, reason="dpkg --root installs only as root")
def test_deb_installs_into_a_root_with_its_launcher(tmp_path: Path, home: Path) -> None:
    root = tmp_path / "root"
    admin = root / "var" / "lib" / "dpkg"
    for folder in ("info", "updates", "triggers"):
        (admin / folder).mkdir(parents=True)
    (admin / "status").touch()
    # --force-depends: the empty root has none of the system libraries it declares.
    log = f"--log={root / 'dpkg.log'}"  # not the machine's own /var/log/dpkg.log
    subprocess.run(["dpkg", f"--root={root}", log, "--force-depends", "-i", str(_debs()[-1])],
                   capture_output=True, text=True, check=True)
    status = subprocess.run(["dpkg", f"--root={root}", "-s", "zoneapp"], capture_output=True,
                            text=True, check=True).stdout
    assert "Status: install ok installed" in status
    launcher = root / "usr" / "bin" / "zoneapp"
    assert launcher.is_file() and os.access(launcher, os.X_OK)
    assert 'exec /opt/zoneapp/ZoneApp "$@"' in launcher.read_text(encoding="utf-8")
    installed = root / "opt" / "zoneapp" / "ZoneApp"
    result = subprocess.run([str(installed), "validate"], capture_output=True, text=True,
                            encoding="utf-8", cwd=home, timeout=120,
                            env=dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(home)))
    assert result.returncode == 0 and "0 个错误" in result.stderr, result.stderr
    subprocess.run(["dpkg", f"--root={root}", log, "-r", "zoneapp"], capture_output=True,
                   text=True, check=True)
    assert not launcher.exists()
