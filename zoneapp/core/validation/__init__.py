"""Type and check one table's cells against its schema (see `table` for the frame conventions)."""
from .context import MAX_PER_COLUMN
from .table import empty_frame, validate_table

__all__ = ["MAX_PER_COLUMN", "empty_frame", "validate_table"]
