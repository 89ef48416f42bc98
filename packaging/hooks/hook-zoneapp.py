"""PyInstaller hook for zoneapp: the tabs are imported by module name (importlib), which the
import analysis cannot follow, so every submodule is listed."""
from PyInstaller.utils.hooks import collect_submodules

hiddenimports = collect_submodules("zoneapp")
