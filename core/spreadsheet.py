"""The one spreadsheet-formula neutraliser, used by every Excel export and the roster import.

A text cell that starts like a formula (=, +, -, @, a tab or a carriage return)
gets a leading apostrophe, so Excel and LibreOffice show it as text and never
run it. `unneutralise` undoes it on import, so export then import gives the
same text back (values that already started with apostrophes included).
"""

DANGEROUS_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """A text cell beginning like a formula is kept as text (a leading apostrophe); other values unchanged."""
    if isinstance(value, str) and value.lstrip("'").startswith(DANGEROUS_PREFIXES):
        return "'" + value
    return value


def unneutralise(value: str) -> str:
    """The text as typed, from a cell `neutralise` wrote."""
    if value.startswith("'") and value.lstrip("'").startswith(DANGEROUS_PREFIXES):
        return value[1:]
    return value
