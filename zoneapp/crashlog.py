"""The last line of defence: an exception nothing caught goes to a log file and a short message.

`install_excepthook` replaces `sys.excepthook` and `threading.excepthook`. The traceback is
appended, with a timestamp, to `log_path()` (`<AppDataLocation>/logs/zoneapp.log`, kept under
`MAX_LOG_BYTES`); the user sees a non-modal message saying what happened and where the log is;
the window keeps running. Messages are in the app's language (Chinese or English) without the
translation files, so the handler works even when they are what failed.
"""
from __future__ import annotations

import datetime as dt
import platform
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QLocale, QObject, QStandardPaths, Qt, Signal

from . import __version__
from zoneapp.core.io.atomic import write_bytes_atomic

LOG_NAME = "zoneapp.log"
MAX_LOG_BYTES = 1024 * 1024  # the log keeps its newest megabyte

_state: dict[str, object] = {}  # the installed hooks and the notifier; one of each per process


def log_dir() -> Path:
    """`<AppDataLocation>/logs`: %APPDATA%\\ZoneApp\\ZoneApp\\logs on Windows,
    ~/Library/Application Support/ZoneApp/ZoneApp/logs on macOS,
    ~/.local/share/ZoneApp/ZoneApp/logs on Linux."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base or Path.home() / ".zoneapp") / "logs"


def log_path() -> Path:
    return log_dir() / LOG_NAME


def log_note(lang: str) -> str:
    """One line for the About box: where the error log is."""
    return ("错误日志：" if lang == "zh" else "Error log: ") + str(log_path())


def _chinese() -> bool:
    return QLocale().language() == QLocale.Language.Chinese


def write_log(text: str) -> Path | None:
    """Append `text` with a timestamp; keep the file under MAX_LOG_BYTES. None if it failed."""
    path = log_path()
    stamp = dt.datetime.now().isoformat(sep=" ", timespec="seconds")
    entry = (f"=== {stamp}  ZoneApp {__version__}  Python {platform.python_version()}  "
             f"{platform.platform()}\n{text.rstrip()}\n\n").encode("utf-8", "replace")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "ab") as log:
            log.write(entry)
        if path.stat().st_size > MAX_LOG_BYTES:
            _trim(path)
    except OSError:
        return None  # a log that cannot be written must not raise from inside the handler
    return path


def _trim(path: Path) -> None:
    """Keep the newest half of the cap, starting at an entry boundary."""
    data = path.read_bytes()[-MAX_LOG_BYTES // 2:]
    start = data.find(b"\n=== ")
    data = data[start + 1:] if start >= 0 else data
    # A unique temporary name: two ZoneApp processes trimming at once must not share one.
    write_bytes_atomic(path, data)


def message_text(exc: BaseException, logged: Path | None) -> str:
    """The short text the user sees."""
    what = f"{type(exc).__name__}: {exc}"[:300]
    if _chinese():
        where = f"详细信息已写入日志：\n{logged}" if logged else "日志无法写入。"
        return f"发生了意外错误，当前操作未完成，程序仍可继续使用。\n\n{what}\n\n{where}"
    where = f"The details are in the log:\n{logged}" if logged else "The log could not be written."
    return f"An unexpected error stopped the last action; ZoneApp keeps running.\n\n{what}\n\n{where}"


def show_message(text: str, parent) -> None:
    """A non-modal warning box; one at a time, so a repeating error does not pile up boxes."""
    from PySide6.QtWidgets import QMessageBox

    box = _state.get("box")
    if box is not None and box.isVisible():
        return
    box = QMessageBox(QMessageBox.Icon.Warning, "ZoneApp", text, QMessageBox.StandardButton.Ok,
                      parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.destroyed.connect(lambda *_: _state.pop("box", None))
    _state["box"] = box
    box.open()


class _Notifier(QObject):
    """Lives in the GUI thread: a worker thread's exception reaches the dialog through it."""

    sig_crashed = Signal(str)


def handle(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """Log the exception and tell the user; never raises."""
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    try:
        text = "".join(traceback.format_exception(exc_type, exc, tb))
        logged = write_log(text)
        print(text, file=sys.stderr)
        notifier = _state.get("notifier")
        if notifier is not None:
            notifier.sig_crashed.emit(message_text(exc, logged))
    except Exception:  # noqa: BLE001 -- the handler itself must not fail: fall back to Python's
        sys.__excepthook__(exc_type, exc, tb)


def _thread_hook(args: threading.ExceptHookArgs) -> None:
    if args.exc_value is not None:
        handle(args.exc_type, args.exc_value, args.exc_traceback)


def install_excepthook(parent_getter: Callable[[], object] = lambda: None) -> None:
    """Route uncaught exceptions (GUI and worker threads) to the log and a message box.
    Call in the GUI thread once the QApplication exists; `parent_getter` returns the window."""
    uninstall_excepthook()
    notifier = _Notifier()
    # Queued, so a message from a worker thread is shown by the GUI thread.
    notifier.sig_crashed.connect(lambda text: show_message(text, parent_getter()),
                                 Qt.ConnectionType.QueuedConnection)
    _state.update(notifier=notifier, sys=sys.excepthook, threading=threading.excepthook)
    sys.excepthook = handle
    threading.excepthook = _thread_hook


def uninstall_excepthook() -> None:
    """Put back the hooks `install_excepthook` replaced (tests call this)."""
    if "sys" in _state:
        sys.excepthook = _state.pop("sys")
        threading.excepthook = _state.pop("threading")
    _state.pop("notifier", None)
