import zoneinfo
from typing import TYPE_CHECKING, Any

from crispy_forms.layout import Submit
from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm, UserCreationForm
from django.contrib.auth.models import User as UserModel
from django.utils.translation import gettext_lazy as _

from . import limits, versions
from .layout import FormHelper
from .models import Business, Currency, ReminderKind

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise

User = get_user_model()


class SignupForm(forms.Form):
    """Only the e-mail: the rest is asked on the page its link opens (``accounts.signup``)."""

    email = forms.EmailField(
        label=_("Email"),
        help_text=_("You log in with this address. We send a link there to finish."),
        max_length=150,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["email"].widget.attrs.update({"autocomplete": "email", "autofocus": True})
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", _("Send me the link"), css_class="btn-brand w-100"))

    def clean_email(self) -> str:
        return self.cleaned_data["email"].strip().lower()


class FinishSignupForm(UserCreationForm):
    """The business and the password, for the address the signed link was made for.

    The e-mail is stored as the username too, so Django's own login works unchanged.
    """

    business_name = forms.CharField(
        label=_("Business name"),
        max_length=120,
        help_text=_("As your customers know it, e.g. 'Rosie's Bakery'."),
    )
    currency = forms.ChoiceField(
        label=_("Currency"), choices=Currency.choices, initial=Currency.GBP
    )

    class Meta:
        model = User
        fields = ()

    def __init__(self, email: str, *args: Any, **kwargs: Any) -> None:
        # The user's e-mail is known before validation, so the password is checked against it.
        super().__init__(*args, instance=User(username=email, email=email), **kwargs)
        self.fields["business_name"].widget.attrs["autofocus"] = True
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", _("Create my account"), css_class="btn-brand w-100"))

    def save(self, commit: bool = True) -> UserModel:
        user = super().save(commit=False)
        if commit:
            user.save()
            Business.objects.create(
                owner=user,
                name=self.cleaned_data["business_name"],
                currency=self.cleaned_data["currency"],
            )
        return user


class EmailAuthenticationForm(AuthenticationForm):
    username = forms.CharField(
        label=_("Email"),
        max_length=150,
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"}),
    )
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _(
            "That email and password do not match an account. Check both and try again."
        ),
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", _("Log in"), css_class="btn-brand w-100"))

    def clean_username(self) -> str:
        return self.cleaned_data["username"].strip().lower()


def time_zone_choices() -> list[tuple[str, str]]:
    return [(name, name.replace("_", " ")) for name in sorted(zoneinfo.available_timezones())]


class BusinessForm(forms.ModelForm):
    # Not required: a client that leaves it out (an older page, a script) keeps the zone.
    time_zone = forms.ChoiceField(
        label=_("Time zone"),
        choices=time_zone_choices,
        required=False,
        help_text=Business._meta.get_field("time_zone").help_text,
    )
    # Stored the other way round (what is turned off), so new kinds reach existing owners.
    reminders = forms.MultipleChoiceField(
        label=_("E-mail me"),
        choices=ReminderKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Every e-mail also has a link to stop it with one click."),
    )

    version = versions.VersionField()

    class Meta:
        model = Business
        fields = ("name", "currency", "what_you_offer", "website", "time_zone")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields[versions.FIELD].initial = versions.version_of(self.instance)
        self.fields["reminders"].initial = [
            kind for kind in ReminderKind.values if self.instance.wants(kind)
        ]
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", _("Save"), css_class="btn-brand"))

    def clean_time_zone(self) -> str:
        return self.cleaned_data["time_zone"] or self.instance.time_zone

    def save(self, commit: bool = True) -> Business:
        chosen = set(self.cleaned_data["reminders"])
        self.instance.reminders_off = [kind for kind in ReminderKind.values if kind not in chosen]
        return super().save(commit)


def check_reentered_password(
    *, user: UserModel, password: str, wrong_message: "str | StrPromise"
) -> None:
    """A logged-in owner re-typing their password: at most ``PASSWORD_TRIES`` wrong ones in
    ``PASSWORD_PERIOD``, so a borrowed session cannot be used to guess it."""
    if limits.tries(scope="password", value=user.pk) >= limits.PASSWORD_TRIES:
        raise forms.ValidationError(limits.TOO_MANY_PASSWORDS, code="too_many")
    if not user.check_password(password):
        limits.count(scope="password", value=user.pk, period=limits.PASSWORD_PERIOD)
        raise forms.ValidationError(wrong_message, code="password_incorrect")


class LimitedPasswordChangeForm(PasswordChangeForm):
    def clean_old_password(self) -> str:
        old_password = self.cleaned_data["old_password"]
        check_reentered_password(
            user=self.user,
            password=old_password,
            wrong_message=self.error_messages["password_incorrect"],
        )
        return old_password


class DeleteAccountForm(forms.Form):
    """Asks for the password and a typed word, so an account is never deleted by a slip."""

    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    confirmation = forms.CharField(
        label=_("Type DELETE to confirm"),
        help_text=_("In capitals or not, it does not matter."),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )

    def __init__(self, user: UserModel, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.helper = FormHelper()
        self.helper.add_input(
            Submit("submit", _("Delete my account and all my data"), css_class="btn-danger")
        )

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        check_reentered_password(
            user=self.user,
            password=password,
            wrong_message=_("That is not your password. Nothing was deleted."),
        )
        return password

    def clean_confirmation(self) -> str:
        confirmation = self.cleaned_data["confirmation"].strip()
        if confirmation.upper() != str(_("DELETE")).upper():
            raise forms.ValidationError(_("Type the word DELETE to confirm. Nothing was deleted."))
        return confirmation
