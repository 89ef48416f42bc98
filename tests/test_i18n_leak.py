"""#16 item 7: language switches reuse their translators (no leak), and Qt's own dialogs speak
Chinese in the Chinese UI."""
from __future__ import annotations

import gc

from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton

from zoneapp.ui.i18n import install_translator, installed_translators


def _translators() -> int:
    gc.collect()
    return sum(isinstance(o, QTranslator) for o in gc.get_objects())


def test_100_language_switches_keep_the_translator_count(zone_app):
    install_translator(zone_app, "en")
    install_translator(zone_app, "zh")
    before = _translators()
    children = len(zone_app.findChildren(QTranslator))
    for _ in range(50):
        install_translator(zone_app, "en")
        install_translator(zone_app, "zh")
    assert _translators() == before
    assert len(zone_app.findChildren(QTranslator)) == children  # none left parented to the app
    assert installed_translators()


def test_window_language_switches_keep_the_translator_count(main_window, zone_app):
    main_window.set_language("en")
    main_window.set_language("zh")
    children = len(zone_app.findChildren(QTranslator))
    for _ in range(50):
        main_window.set_language("en")
        main_window.set_language("zh")
    assert len(zone_app.findChildren(QTranslator)) == children


def test_qt_file_dialog_speaks_chinese(qtbot, zone_app):
    install_translator(zone_app, "zh")
    dialog = QFileDialog(None, "t")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    labels = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
    buttons = [b.text() for b in dialog.findChildren(QPushButton) if b.text()]
    assert labels and buttons
    for text in labels + buttons:
        assert any("\u4e00" <= c <= "\u9fff" for c in text), text
    assert "查找范围(&L)：" in labels and "文件类型(&T)：" in labels


def test_strings_no_catalogue_has_stay_as_written(zone_app):
    from PySide6.QtCore import QCoreApplication

    install_translator(zone_app, "zh")
    assert QCoreApplication.translate("Nowhere", "Not in any catalogue %1") == \
        "Not in any catalogue %1"
    assert QCoreApplication.translate("Nowhere", "&Nothing here") == "&Nothing here"
