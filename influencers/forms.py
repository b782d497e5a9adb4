from crispy_forms.layout import Column, Field, Layout, Row, Submit
from django import forms
from django.forms import BaseInlineFormSet, inlineformset_factory
from django.utils.translation import gettext_lazy as _

from accounts.bounds import AT_MOST_MAX_COUNT
from accounts.layout import FormHelper
from accounts.owned import owned
from accounts.reader import WORKBOOK_AND_TEXT_FILES

from .importers import COUNT_COLUMNS, ImportFileError, read_count, read_upload
from .models import Influencer, Platform, Profile
from .services import Offer, normalise_handle

HANDLE_MISSING = _("Type the name they use on the platform, e.g. @rosie.")


class CountField(forms.CharField):
    """A whole number typed the way people write follower counts: 12300, 12,300 or 12.3k."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("validators", [AT_MOST_MAX_COUNT])
        super().__init__(**kwargs)

    def widget_attrs(self, widget):
        # No numeric keypad: phones would then hide the "k" of "12.3k".
        return {**super().widget_attrs(widget), "autocomplete": "off"}

    def to_python(self, value):
        try:
            return read_count(super().to_python(value))
        except ValueError as error:
            raise forms.ValidationError(str(error), code="invalid") from error

    def prepare_value(self, value):
        return "" if value is None else value


class InfluencerForm(forms.ModelForm):
    class Meta:
        model = Influencer
        fields = ("name", "niche", "location", "email", "notes", "status")
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].help_text = _("The name they go by, e.g. 'Bristol Bread Lover'.")
        self.fields["name"].error_messages["required"] = _("Type the name they go by.")
        self.fields["email"].error_messages["invalid"] = _(
            "This does not look like an e-mail address, e.g. name@example.com."
        )
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            "name",
            Row(Column("niche", css_class="col-md-6"), Column("location", css_class="col-md-6")),
            Row(Column("email", css_class="col-md-6"), Column("status", css_class="col-md-6")),
            "notes",
        )


class ProfileForm(forms.ModelForm):
    # Most small businesses start on Instagram; an untouched extra form still counts as empty.
    platform = forms.ChoiceField(
        label=_("Platform"), choices=Platform.choices, initial=Platform.INSTAGRAM
    )
    followers = CountField(label=_("Followers"), help_text=_("e.g. 12,300 or 12.3k"))
    following = CountField(label=_("Following"), help_text=_("How many accounts they follow."))
    avg_likes = CountField(label=_("Average likes per post"))
    avg_comments = CountField(label=_("Average comments per post"))
    avg_shares = CountField(label=_("Average shares per post"))
    avg_reach = CountField(
        label=_("Average reach per post (optional)"),
        help_text=_("How many people see a typical post, if they share it with you."),
    )

    class Meta:
        model = Profile
        fields = ("platform", "handle", "url", *COUNT_COLUMNS)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["handle"].error_messages["required"] = HANDLE_MISSING
        self.fields["url"].error_messages["invalid"] = _(
            "This does not look like a web address, e.g. instagram.com/rosie."
        )

    def clean_handle(self):
        handle = normalise_handle(self.cleaned_data["handle"])
        if not handle:
            raise forms.ValidationError(HANDLE_MISSING)
        return handle


class ProfileFormHelper(FormHelper):
    form_tag = False
    disable_csrf = True
    layout = Layout(
        Row(Column("platform", css_class="col-sm-5"), Column("handle", css_class="col-sm-7")),
        "url",
        Row(Column("followers", css_class="col-6"), Column("following", css_class="col-6")),
        Row(
            Column("avg_likes", css_class="col-sm-4"),
            Column("avg_comments", css_class="col-sm-4"),
            Column("avg_shares", css_class="col-sm-4"),
            css_class="align-items-end",  # a label on two lines must not push its box down
        ),
        "avg_reach",
        Field("DELETE"),
    )


# Far more accounts than one person keeps; it also bounds the forms one request can send.
MAX_PROFILES = 12


class BaseProfileFormSet(BaseInlineFormSet):
    """The owner's profiles must be unique by platform + handle, across the whole roster."""

    default_error_messages = {
        "too_many_forms": _("One influencer can have at most %(num)d profiles here."),
    }

    def __init__(self, *args, owner, **kwargs):
        self.owner = owner
        super().__init__(*args, **kwargs)

    def add_fields(self, form, index):
        super().add_fields(form, index)
        form.fields["DELETE"].label = _("Remove this profile")

    def clean(self):
        super().clean()
        seen = set()
        for form in self.forms:
            if not form.has_changed() and not form.instance.pk:
                continue
            if self.can_delete and self._should_delete_form(form):
                continue
            platform, handle = form.cleaned_data.get("platform"), form.cleaned_data.get("handle")
            if not (platform and handle):
                continue
            taken_elsewhere = (
                owned(Profile, owner=self.owner)
                .filter(platform=platform, handle=handle)
                .exclude(pk=form.instance.pk)
                .select_related("influencer")
                .first()
            )
            if (platform, handle) in seen:
                form.add_error("handle", _("This profile is listed twice above."))
            elif taken_elsewhere:
                form.add_error(
                    "handle",
                    _("@%(handle)s on this platform is already in your roster, under %(name)s.")
                    % {"handle": handle, "name": taken_elsewhere.influencer.name},
                )
            seen.add((platform, handle))

    def save(self, commit=True):
        profiles = super().save(commit=False)
        for profile in profiles:
            profile.owner = self.owner
            if commit:
                profile.save()
        if commit:
            for profile in self.deleted_objects:
                profile.delete()
        return profiles


ProfileFormSet = inlineformset_factory(
    Influencer,
    Profile,
    form=ProfileForm,
    formset=BaseProfileFormSet,
    extra=1,
    can_delete=True,
    max_num=MAX_PROFILES,
    validate_max=True,
    absolute_max=MAX_PROFILES,
)


class StatusForm(forms.ModelForm):
    class Meta:
        model = Influencer
        fields = ("status",)
        widgets = {"status": forms.Select(attrs={"class": "form-select"})}


class OutreachForm(forms.Form):
    offer = forms.ChoiceField(
        label=_("What will you offer?"),
        choices=Offer.choices,
        initial=Offer.PRODUCT,
        required=False,  # a missing or unknown offer falls back to free product
        widget=forms.RadioSelect,
    )


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file or Excel workbook"),
        help_text=_(
            "One line per platform profile. Columns: name, platform, handle, and any of "
            "profile_url, followers, following, avg_likes, avg_comments, avg_shares, avg_reach, "
            "niche, location, email, notes, status. From a workbook (.xlsx) we read the sheet "
            "that was open when it was saved."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": WORKBOOK_AND_TEXT_FILES}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("upload", _("Check this file"), css_class="btn-brand"))

    def clean_file(self):
        try:
            return read_upload(self.cleaned_data["file"])
        except ImportFileError as error:
            raise forms.ValidationError(str(error)) from error
