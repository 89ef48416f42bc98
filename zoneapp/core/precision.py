"""How precisely a figure is written: its decimals and significant digits, so that what is
derived from it claims no more (core.derive, core.monthly)."""
from __future__ import annotations

from decimal import Decimal

MAX_PLACES = 4


def places(value: float) -> int:
    """How many decimals `value` is written with (506.1 -> 1, 3000 -> 0), at most MAX_PLACES."""
    try:
        exponent = Decimal(repr(float(value))).normalize().as_tuple().exponent
    except (ValueError, ArithmeticError):
        return MAX_PLACES
    return min(MAX_PLACES, max(0, -exponent)) if isinstance(exponent, int) else MAX_PLACES


def significant_digits(value: float) -> int:
    """The significant digits `value` is written with (506.1 -> 4, 30.2 -> 3); a whole
    number's zeros count (3000 -> 4: a count is exact unless its qualifier says otherwise)."""
    if float(value).is_integer() and value != 0:
        return len(str(abs(int(value))))
    try:
        digits = Decimal(repr(float(value))).normalize().as_tuple().digits
    except (ValueError, ArithmeticError):
        return MAX_PLACES
    return max(1, len(digits))
