"""Translators: ZoneApp's own Chinese and Qt's (dialogs, buttons), loaded once and reused.

A language switch removes the installed translators and installs the other language's; each
QTranslator is loaded the first time its language is used and kept for the next switch, so
switching back and forth creates no new objects (it used to leak a set per switch).

Qt 6's own catalogue (qtbase_zh_CN.qm; the wheel's qt_zh_CN.qm is a meta catalogue whose
other parts it does not ship, so it does not load) lacks a few strings that newer Qt writes
with an accelerator ("&Look in:", "Files of &type:" in QFileDialog): `_AcceleratorFallback`
answers those from the same catalogue without the "&", with the accelerator added the
Chinese way ("查找范围(&L)：").
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from zoneapp import paths

_QT_CATALOGUES = ("qtbase_zh_CN", "qt_zh_CN")  # whichever of these the wheel ships and loads
_loaded: dict[str, list[QTranslator]] = {}  # language -> its translators, loaded once
_installed: list[QTranslator] = []
_complete: dict[str, bool] = {}  # language -> both ZoneApp's and Qt's catalogues loaded


class _AcceleratorFallback(QTranslator):
    """Asked last: "Files of &type:" answered as qtbase's "Files of type:" + "(&T)"."""

    def __init__(self, catalogue: QTranslator, parent=None) -> None:
        super().__init__(parent)
        self._catalogue = catalogue

    def isEmpty(self) -> bool:  # noqa: N802 (Qt override)
        return False

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: D102 (Qt override)
        # None, not "": Qt takes an empty (non-null) string as a translation found.
        at = source.find("&") if source else -1
        if at < 0 or at + 1 >= len(source) or source[at + 1] == "&":
            return None
        plain = source[:at] + source[at + 1:]
        text = self._catalogue.translate(context, plain, disambiguation, n)
        if not text or "&" in text:
            return None
        colon = text[-1] if text[-1] in "：:" else ""
        return f"{text.rstrip('：:')}(&{source[at + 1].upper()}){colon}"


def _load(lang: str, app) -> list[QTranslator]:
    if lang in _loaded:
        return _loaded[lang]
    found: list[QTranslator] = []
    if lang == "zh":
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        qt_catalogue = None
        for name in _QT_CATALOGUES:
            translator = QTranslator(app)
            if translator.load(name, qt_dir):
                found.append(translator)
                qt_catalogue = qt_catalogue or translator
            else:
                translator.deleteLater()
        if qt_catalogue is not None:
            found.insert(0, _AcceleratorFallback(qt_catalogue, app))  # installed first: asked last
        own = QTranslator(app)
        own_ok = own.load("zoneapp_zh_CN", str(paths.I18N))
        if own_ok:
            found.append(own)
        else:
            own.deleteLater()
        _complete[lang] = own_ok and qt_catalogue is not None
    _loaded[lang] = found
    return found


def install_translator(app, lang: str) -> bool:
    """Chinese: ZoneApp's own translations plus Qt's (dialogs, buttons). English needs none.
    False when a Chinese catalogue could not be loaded."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if lang != "zh":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return True
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    translators = _load(lang, app)
    for translator in translators:
        app.installTranslator(translator)
        _installed.append(translator)
    return _complete.get(lang, False)


def installed_translators() -> list[QTranslator]:
    """The translators installed now (empty in English)."""
    return list(_installed)


def app_translator(lang: str) -> QTranslator | None:
    """ZoneApp's own translator for `lang` (loaded once), for a card in another language."""
    app = QCoreApplication.instance()
    if lang != "zh" or app is None:
        return None
    translators = _load(lang, app)
    own = translators[-1] if translators else None
    return own if own is not None and not isinstance(own, _AcceleratorFallback) \
        and own.filePath().endswith("zoneapp_zh_CN.qm") else None
