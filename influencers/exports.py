"""Spreadsheet-safe django-tables2 exports, for every app's tables."""

from django_tables2.export import TableExport
from tablib import Dataset

from accounts.spreadsheets import safe_cell


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
