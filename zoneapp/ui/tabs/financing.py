"""Financing: the programmes, loans and the enterprises they reached, the burden reduction."""
from __future__ import annotations

from .base import SectionTab


class FinancingTab(SectionTab):
    section = "financing"
    own_tables = ("programmes",)
