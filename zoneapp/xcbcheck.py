"""`python -m zoneapp.xcbcheck`: on Linux, say which apt packages Qt's xcb platform still needs."""
from __future__ import annotations

import ctypes.util
import subprocess
import sys

# apt package -> the shared library it provides.
XCB_PACKAGES: dict[str, str] = {
    "libxcb-cursor0": "libxcb-cursor.so.0",
    "libxcb-icccm4": "libxcb-icccm.so.4",
    "libxcb-keysyms1": "libxcb-keysyms.so.1",
    "libxkbcommon-x11-0": "libxkbcommon-x11.so.0",
}


def _ldconfig_libraries() -> str:
    for ldconfig in ("ldconfig", "/sbin/ldconfig", "/usr/sbin/ldconfig"):
        try:
            out = subprocess.run([ldconfig, "-p"], capture_output=True, text=True, timeout=10)
        except (OSError, subprocess.SubprocessError):
            continue
        if out.returncode == 0:
            return out.stdout
    return ""


def missing_packages() -> list[str]:
    """The packages of XCB_PACKAGES whose library the dynamic linker cannot find."""
    listing = _ldconfig_libraries()
    missing = []
    for package, soname in XCB_PACKAGES.items():
        if soname in listing:
            continue
        stem = soname.split(".so")[0].removeprefix("lib")
        if ctypes.util.find_library(stem):
            continue
        missing.append(package)
    return missing


def install_command(packages: list[str]) -> str:
    return "sudo apt-get install -y " + " ".join(packages)


def main() -> int:
    """Advice, not a gate: always exits 0."""
    if not sys.platform.startswith("linux"):
        return 0
    missing = missing_packages()
    if missing:
        print("Qt 的 xcb 平台缺少系统库 / Qt's xcb platform needs system libraries that are missing:",
              ", ".join(missing))
        print(install_command(missing))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
