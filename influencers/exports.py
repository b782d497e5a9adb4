"""Spreadsheet-safe exports, shared by every app that writes CSV or XLSX files."""

from django_tables2.export import TableExport
from tablib import Dataset

# A spreadsheet treats a cell starting with one of these as a formula (or, for tab and carriage
# return, may shift it into one), so a name such as "=HYPERLINK(...)" could run on opening.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """Text that could start a formula gets a leading apostrophe; everything else is unchanged
    (numbers stay numbers)."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


class SafeTableExport(TableExport):
    """django-tables2's exporter with every cell passed through ``safe_cell``.

    Use it as ``export_class = SafeTableExport`` on a view with ``ExportMixin``.
    """

    def table_to_dataset(self, table, exclude_columns, dataset_kwargs=None):
        dataset = super().table_to_dataset(table, exclude_columns, dataset_kwargs)
        safe = Dataset(title=dataset.title, headers=[safe_cell(h) for h in dataset.headers or []])
        for row in dataset:
            safe.append([safe_cell(value) for value in row])
        return safe
