"""Environment: the sewer work and the other measures."""
from __future__ import annotations

from .base import SectionTab


class EnvironmentTab(SectionTab):
    section = "environment"
    own_tables = ("measures",)
