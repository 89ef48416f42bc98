"""The application's state: the dataset shown, the language, the period and the theme, with a
signal for each. Widgets and the window's controllers update from these signals; nothing
pushes a rebuild through the window."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from zoneapp.core.dataset import Dataset


class AppState(QObject):
    """What the window shows. Each setter emits its signal once, and only on a real change.

    `theme` is the mode the user chose ("system", "light" or "dark"), not the colours it
    resolves to. Slots run in the order they were connected: the window connects the
    controller that installs the translator and the colours before the tab pages.
    """

    dataset_changed = Signal(object)  # the Dataset (a reload is a new object: it counts)
    language_changed = Signal(str)  # "zh" or "en"
    period_changed = Signal(object)  # a year, or None for every period
    theme_changed = Signal(str)

    def __init__(self, language: str = "zh", theme: str = "light",
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._dataset: Dataset | None = None
        self._language = language
        self._period: int | None = None
        self._theme = theme

    @property
    def dataset(self) -> Dataset | None:
        return self._dataset

    @property
    def language(self) -> str:
        return self._language

    @property
    def period(self) -> int | None:
        return self._period

    @property
    def theme(self) -> str:
        return self._theme

    def set_dataset(self, dataset: Dataset | None) -> bool:
        """-> whether it changed (a dataset is compared by identity, not by value)."""
        if dataset is self._dataset:
            return False
        self._dataset = dataset
        self.dataset_changed.emit(dataset)
        return True

    def set_language(self, language: str) -> bool:
        if language == self._language:
            return False
        self._language = language
        self.language_changed.emit(language)
        return True

    def set_period(self, period: int | None) -> bool:
        if period == self._period:
            return False
        self._period = period
        self.period_changed.emit(period)
        return True

    def set_theme(self, theme: str) -> bool:
        if theme == self._theme:
            return False
        self._theme = theme
        self.theme_changed.emit(theme)
        return True
