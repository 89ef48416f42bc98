"""Help → About ZoneApp: the version, the data shown and its sources, the font, the crash log."""
from __future__ import annotations

import html

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from zoneapp.buildinfo import version_text


def app_title() -> str:
    """The application's name in the current language."""
    return QCoreApplication.translate("About", "ZoneApp Indicator Dashboard")


def about_text(dataset, lang: str) -> str:
    """The About box's rich text for `dataset` (None: no data folder open) in `lang`."""
    def tr(text: str) -> str:
        return QCoreApplication.translate("About", text)

    lines = [f"<h3>{app_title()}</h3>", "<p>" + html.escape(version_text(lang)) + "</p>"]
    if dataset is not None:
        manifest = dataset.manifest
        lines.append("<p>" + tr(QT_TRANSLATE_NOOP("About", "Data: %1 (%2), folder %3"))
                     .replace("%1", html.escape(manifest.name(lang)))
                     .replace("%2", manifest.period_label())
                     .replace("%3", str(dataset.folder)) + "</p>")
        if manifest.sources:
            lines.append("<p><b>" + tr(QT_TRANSLATE_NOOP("About", "Sources")) + "</b></p><ul>")
            for source in manifest.sources:
                parts = [source.title, source.publication, source.author, source.date]
                lines.append("<li>" + html.escape(", ".join(p for p in parts if p)) + "</li>")
            lines.append("</ul>")
    else:
        lines.append("<p>" + tr(QT_TRANSLATE_NOOP("About", "No data folder is open.")) + "</p>")
    lines.append("<p>" + tr(QT_TRANSLATE_NOOP(
        "About", "Chinese text is set in the system's Chinese UI font (Microsoft YaHei, "
        "PingFang SC, Noto Sans CJK SC, …) or, without one, in the Noto Sans CJK SC subset "
        "ZoneApp ships (SIL Open Font License).")) + "</p>")
    from zoneapp.crashlog import log_note

    lines.append("<p>" + html.escape(log_note(lang)) + "</p>")
    return "\n".join(lines)
