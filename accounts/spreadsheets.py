"""Spreadsheet-safe cells for every CSV or XLSX file the site writes.

Lives at the bottom of the import chain so that every app can use it.
"""

# A spreadsheet treats a cell starting with one of these as a formula (or, for tab and carriage
# return, may shift it into one), so a name such as "=HYPERLINK(...)" could run on opening.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """Text that could start a formula gets a leading apostrophe; everything else is unchanged
    (numbers stay numbers)."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value
