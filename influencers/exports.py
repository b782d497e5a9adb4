"""Spreadsheet-safe django-tables2 exports, for every app's tables."""

from django_tables2.export import TableExport
from tablib import Dataset

from accounts.spreadsheets import safe_cell, xlsx_bytes


class SafeTableExport(TableExport):
    """django-tables2's exporter whose CSV cells pass through ``safe_cell`` and whose XLSX
    stores text as text (see ``xlsx_bytes``).

    Use it as ``export_class = SafeTableExport`` on a view with ``ExportMixin``.
    """

    def export(self):
        if self.format == "xlsx":
            dataset = self.dataset
            return xlsx_bytes(
                headers=dataset.headers or [], rows=list(dataset), title=dataset.title
            )
        return super().export()

    def table_to_dataset(self, table, exclude_columns, dataset_kwargs=None):
        dataset = super().table_to_dataset(table, exclude_columns, dataset_kwargs)
        if self.format == "xlsx":
            return dataset
        safe = Dataset(title=dataset.title, headers=[safe_cell(h) for h in dataset.headers or []])
        for row in dataset:
            safe.append([safe_cell(value) for value in row])
        return safe
