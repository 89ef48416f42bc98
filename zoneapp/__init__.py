"""ZoneApp 园区指标看板: a development zone's yearly indicators as tables and charts."""
import os as _os

__version__ = "0.1.0"

# pyarrow's default mimalloc pool keeps freed memory for reuse; with a million-row table read
# and typed column by column, the C library's allocator peaks lower and hands memory back to
# the system. Set before pyarrow is first imported; a value set by the user wins.
_os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", "system")
