"""ZoneApp 园区指标看板: a development zone's yearly indicators as tables and charts."""

__version__ = "0.1.0"
