"""The import pages' forms: the upload (the file, and what kind it is, or "recognise it"), the
column mapping of the owner's own spreadsheet, and whose account a per-day insights file is."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts import reader
from accounts.reader import WORKBOOK_AND_TEXT_FILES

from . import sources
from .sources import generic


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("CSV file or Excel workbook"),
        help_text=gettext_lazy(
            "A .csv or .txt file, up to %(size)s MB, as the shop, Google Analytics or your "
            "spreadsheet saved it, or an Excel workbook (.xlsx): we read the sheet that was "
            "open when it was saved."
        )
        % {"size": settings.MAX_UPLOAD_BYTES // (1024 * 1024)},
        widget=forms.ClearableFileInput(attrs={"accept": WORKBOOK_AND_TEXT_FILES}),
    )

    kind = forms.ChoiceField(
        label=gettext_lazy("What kind of file is it?"),
        choices=[("", gettext_lazy("Recognise it for me")), *sources.CHOICES],
        required=False,
        widget=forms.RadioSelect,
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > settings.MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("The file is too large (%(size)s MB). The limit is %(limit)s MB.")
                % {
                    "size": reader.megabytes(upload.size),
                    "limit": settings.MAX_UPLOAD_BYTES // (1024 * 1024),
                }
            )
        try:
            self.text, self.encoding, self.delimiter = reader.decode(upload.read())
            self.table = reader.read_table(self.text, delimiter=self.delimiter)
        except reader.BadFile as error:
            raise forms.ValidationError(str(error)) from error
        return upload

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        self.recognised = not cleaned.get("kind")
        if self.recognised:
            source = sources.recognise(self.table)
            if source is None:
                raise forms.ValidationError(
                    _(
                        "We could not tell which kind of file this is from its column names "
                        "(%(columns)s). Choose its kind below and upload it again."
                    )
                    % {"columns": ", ".join(self.table.header[:8])}
                )
            cleaned["kind"] = source.key
        else:
            cleaned["kind"] = sources.chosen(key=cleaned["kind"], table=self.table).key
        return cleaned


class ColumnMappingForm(forms.Form):
    """Which column of the owner's own file holds the date, the KPI, the number and the
    influencer. No KPI and no number column: the wide shape, one column per KPI."""

    LABELS = {
        "date": gettext_lazy("Date"),
        "kpi": gettext_lazy("KPI (what was measured)"),
        "value": gettext_lazy("Number"),
        "influencer": gettext_lazy("Influencer (optional)"),
    }

    def __init__(self, *args, header, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", _("— not in this file —"))] + [(name, name) for name in header if name]
        for name in generic.FIELDS:
            self.fields[name] = forms.ChoiceField(
                label=self.LABELS[name], choices=choices, required=name == "date"
            )

    def mapping(self):
        return {name: self.cleaned_data.get(name) or "" for name in generic.FIELDS}


class AccountForm(forms.Form):
    """Whose account a per-day insights file is (the file does not say): the business's own,
    or one of the campaign's influencers'."""

    account = forms.ChoiceField(label=gettext_lazy("Whose account is this file?"), required=False)

    def __init__(self, *args, influencers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["account"].choices = [("", _("My business's own account"))] + [
            (str(pk), name) for pk, name in sorted(influencers.items(), key=lambda item: item[1])
        ]

    def mapping(self):
        return {"account": self.cleaned_data["account"] if self.is_valid() else ""}
