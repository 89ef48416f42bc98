"""Poverty relief and employment: the measures; job fairs, hires and their split."""
from __future__ import annotations

from .base import SectionTab


class ReliefTab(SectionTab):
    section = "relief"
    own_tables = ("measures",)
