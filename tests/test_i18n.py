"""Translations: every tr() string in the UI has a Chinese translation and the .qm is current."""
from __future__ import annotations

import importlib.util
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from zoneapp import paths

UPDATE = paths.I18N / "update.py"
TS = paths.I18N / "zoneapp_zh_CN.ts"
QM = paths.I18N / "zoneapp_zh_CN.qm"


def _update_module():
    spec = importlib.util.spec_from_file_location("i18n_update", UPDATE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    return {(c.find("name").text, m.find("source").text): m.find("translation")
            for c in root.iter("context") for m in c.iter("message")}


@pytest.fixture(scope="module")
def fresh_ts(tmp_path_factory) -> Path:
    """The committed .ts after lupdate has scanned the code again."""
    ts = tmp_path_factory.mktemp("i18n") / TS.name
    shutil.copy(TS, ts)
    _update_module().lupdate(ts)
    return ts


def test_every_string_in_the_code_is_translated(fresh_ts):
    unfinished = [key for key, tr in _messages(fresh_ts).items()
                  if tr.get("type") in ("unfinished", "vanished", "obsolete") or not tr.text]
    assert unfinished == [], "run resources/i18n/update.py and translate these"


def test_committed_ts_matches_the_code(fresh_ts):
    assert set(_messages(fresh_ts)) == set(_messages(TS))


def test_qm_is_compiled_from_the_ts(tmp_path):
    qm = tmp_path / QM.name
    _update_module().lrelease(TS, qm)
    assert qm.read_bytes() == QM.read_bytes(), "run resources/i18n/update.py"


def test_chinese_translator_translates_window_strings(zone_app):
    from PySide6.QtCore import QCoreApplication

    assert QCoreApplication.translate("MainWindow", "&File") == "文件(&F)"
    assert QCoreApplication.translate("SectionPage", "Source…") == "来源…"


def test_view_words_have_chinese_with_full_width_colons():
    from zoneapp.views.words import ZH, say

    assert say("%1: breakdown", "zh", "利润") == "利润构成"
    assert say("%1: breakdown", "en", "Profit") == "Profit: breakdown"
    assert say("card|Source: %1", "en", "S1") == "Source: S1"
    assert [zh for zh in ZH.values() if ":" in zh] == []


def test_chinese_translations_use_full_width_colons():
    ascii_colon = [(context, source, tr.text) for (context, source), tr in _messages(TS).items()
                   if tr.text and ":" in tr.text]
    assert ascii_colon == [], "use the full-width ：in Chinese (时期：2019, 数据文件夹：data)"
