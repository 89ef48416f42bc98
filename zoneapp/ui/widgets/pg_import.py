"""pyqtgraph, imported without making PySide6 build every Qt class first (about 0.1 s of
start-up on the 2-core test machine).

On import, pyqtgraph.Qt mirrors PySide6's QtCore, QtGui and QtWidgets into modules of its own
(`pyqtgraph.Qt.QtCore` ...) by copying every name: `dir()` of the PySide6 module, then a
`getattr` of each. PySide6 creates its classes and their Python enums on first access, so that
loop builds every class of the three modules and their enums (645 enums by start-up's end,
against 321 with the mirrors), most of which ZoneApp never uses. Here the three
mirrors are in place beforehand as modules that fetch a name from PySide6 on first use
(PEP 562 `__getattr__`) and keep it, and while pyqtgraph imports, the PySide6 modules list no
names, so the copy loop has nothing to copy. What pyqtgraph then patches onto its mirrors
(`QtWidgets.QOpenGLWidget`, ...) stays on them, as with the copy.

Anything unexpected (pyqtgraph already imported, or an error during the lazy import) falls
back to the plain `import pyqtgraph`.
"""
from __future__ import annotations

import sys
import types

from PySide6 import QtCore, QtGui, QtWidgets

MIRRORED = {"QtCore": QtCore, "QtGui": QtGui, "QtWidgets": QtWidgets}
# What the import system asks of a package; a mirror is a plain module (`__version__` and the
# like are PySide6's and are forwarded).
NOT_FORWARDED = frozenset({"__path__", "__file__", "__cached__"})


def lazy_mirror(name: str, source: types.ModuleType) -> types.ModuleType:
    """A module named `name` whose attributes are `source`'s, each fetched when first asked."""
    module = types.ModuleType(name, f"pyqtgraph's mirror of {source.__name__}, filled on use")

    def __getattr__(attr: str):  # PEP 562: asked for a name the module does not have
        if attr in NOT_FORWARDED:
            raise AttributeError(f"module {name!r} has no attribute {attr!r}")
        value = getattr(source, attr)
        setattr(module, attr, value)
        return value

    module.__getattr__ = __getattr__
    return module


def _no_names() -> list[str]:
    return []


def _forget_pyqtgraph() -> None:
    for name in [n for n in sys.modules if n == "pyqtgraph" or n.startswith("pyqtgraph.")]:
        del sys.modules[name]


def _import_lazily() -> types.ModuleType:
    own_dirs = {short: vars(source).get("__dir__") for short, source in MIRRORED.items()}
    for short, source in MIRRORED.items():
        name = f"pyqtgraph.Qt.{short}"
        sys.modules[name] = lazy_mirror(name, source)
        source.__dir__ = _no_names  # PEP 562: dir(module) asks the module's own __dir__
    try:
        import pyqtgraph
    finally:  # PySide6 lists its lazily created names through a __dir__ of its own
        for short, source in MIRRORED.items():
            if own_dirs[short] is None:
                vars(source).pop("__dir__", None)
            else:
                source.__dir__ = own_dirs[short]
    return pyqtgraph


def import_pyqtgraph() -> types.ModuleType:
    from zoneapp import startup

    if "pyqtgraph" in sys.modules or not startup.enabled():
        import pyqtgraph

        return pyqtgraph
    try:
        return _import_lazily()
    except Exception:  # noqa: BLE001 -- the plain import below reports a real failure
        _forget_pyqtgraph()
        import pyqtgraph

        return pyqtgraph


pg = import_pyqtgraph()
