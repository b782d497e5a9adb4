"""Forms for posts (the owner's and the influencer's), the deal, and the page link."""

from django import forms
from django.core.validators import MaxValueValidator
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.owned import owned
from campaigns.models import STAGES, Partnership, PartnershipStatus

from .forms import date_input
from .models import Post
from .posts import (
    MAX_COUNT,
    all_expected_hosts,
    canonical_post_url,
    check_post_date,
    check_post_url,
)

COUNT_FIELDS = ("views", "likes", "comments", "shares", "saves")


def url_help():
    return _(
        "The post's web address, e.g. https://www.instagram.com/reel/… Expected on %(hosts)s; "
        "any other https:// address is taken too."
    ) % {"hosts": ", ".join(all_expected_hosts())}


class PostFields(forms.ModelForm):
    """What both sides type for a post: where, when, and the numbers from its insights."""

    class Meta:
        model = Post
        fields = ["platform", "kind", "url", "posted_on", *COUNT_FIELDS]
        widgets = {"posted_on": date_input()}

    def __init__(self, *args, campaign, **kwargs):
        super().__init__(*args, **kwargs)
        self.campaign = campaign
        self.fields["url"].required = True
        self.fields["url"].help_text = url_help()
        # The browser's own URL check would refuse http:// before our plain message shows.
        self.fields["url"].widget = forms.TextInput(attrs={"inputmode": "url"})
        self.fields["url"].error_messages["invalid"] = _(
            "Paste the post's web address, starting with https://."
        )
        for name in COUNT_FIELDS:
            field = self.fields[name]
            field.max_value = MAX_COUNT
            field.validators.append(MaxValueValidator(MAX_COUNT))
            field.widget.attrs.update(min=0, max=MAX_COUNT, step=1, inputmode="numeric")
            field.error_messages.update(
                invalid=_("Enter a whole number, without dots or commas, e.g. 1200."),
                min_value=_("Enter 0 or more."),
                max_value=_("That is more than %(max)s: check the number.") % {"max": MAX_COUNT},
            )
        self.fields["views"].help_text = _("Views of a video, or the reach of a post.")

    def clean_url(self):
        url = self.cleaned_data["url"].strip()
        problem = check_post_url(url)
        if problem:
            raise forms.ValidationError(problem)
        return canonical_post_url(url) if url else url

    def clean_posted_on(self):
        posted_on = self.cleaned_data["posted_on"]
        problem = check_post_date(
            posted_on=posted_on,
            start=self.campaign.start_date,
            end=self.campaign.end_date,
            today=timezone.localdate(),
        )
        if problem:
            raise forms.ValidationError(problem)
        return posted_on

    def clean(self):
        cleaned = super().clean()
        partnership = cleaned.get("partnership") or getattr(self.instance, "partnership", None)
        url = cleaned.get("url")
        if partnership and url:
            # Compared as kept (posts saved before links were kept one way may differ).
            others = Post.objects.filter(partnership=partnership).exclude(pk=self.instance.pk)
            if url in {canonical_post_url(other) for other in others.values_list("url", flat=True)}:
                self.add_error("url", _("This post is already recorded."))
        return cleaned


class OwnerPostForm(PostFields):
    """The owner records (or corrects) a post of any influencer on the campaign.

    ``partnership`` is a plain form field, not a model one, so the model's own check of its
    unique link (a message with no field) stays out: clean() says it on the link's field."""

    partnership = forms.ModelChoiceField(
        label=gettext_lazy("Influencer"), queryset=Partnership.objects.none(), empty_label=None
    )
    field_order = ["partnership"]

    def __init__(self, *args, campaign, owner, **kwargs):
        super().__init__(*args, campaign=campaign, **kwargs)
        field = self.fields["partnership"]
        field.queryset = (
            owned(Partnership, owner=owner).filter(campaign=campaign).select_related("influencer")
        )
        field.label_from_instance = lambda partnership: partnership.influencer.name
        if self.instance.pk:
            self.initial["partnership"] = self.instance.partnership_id

    def clean(self):
        partnership = self.cleaned_data.get("partnership")
        if partnership is not None:
            self.instance.partnership = partnership
        return super().clean()


class InfluencerPostForm(PostFields):
    """The influencer adds a post from their own page: the partnership is the page's."""


class DealForm(forms.ModelForm):
    """What was agreed with one influencer on this campaign, and where it stands."""

    status = forms.ChoiceField(
        label=gettext_lazy("Stage"),
        choices=[(stage.value, stage.label) for stage in STAGES],
        help_text=gettext_lazy(
            "“Gifted” and “Posted” follow from the gift date and the posts you record."
        ),
    )

    class Meta:
        model = Partnership
        fields = [
            "status",
            "deliverables",
            "posts_agreed",
            "posts_kind",
            "due_date",
            "gift_sent_on",
            "paid_on",
            "share_sales",
        ]
        widgets = {name: date_input() for name in ("due_date", "gift_sent_on", "paid_on")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.status not in STAGES:  # "posted" or "gifted" kept from older data
            self.initial["status"] = PartnershipStatus.AGREED
        self.fields["posts_agreed"].widget.attrs.update(min=0, max=50)
        self.fields["posts_agreed"].error_messages.update(
            invalid=_("Enter a whole number of posts, e.g. 2.")
        )

    def clean_gift_sent_on(self):
        sent = self.cleaned_data["gift_sent_on"]
        if sent and sent > timezone.localdate():
            raise forms.ValidationError(_("Enter the day it went out, today or earlier."))
        return sent

    def clean_due_date(self):
        due = self.cleaned_data["due_date"]
        campaign = self.instance.campaign
        if due and campaign.end_date and due > campaign.end_date:
            raise forms.ValidationError(
                _("That is after the campaign's deadline (%(end)s).")
                % {"end": campaign.end_date.isoformat()}
            )
        return due


class PageLinkForm(forms.Form):
    expires_on = forms.DateField(
        label=gettext_lazy("Works until"),
        required=False,
        widget=date_input(),
        help_text=gettext_lazy("Optional. Leave empty to keep it working until you revoke it."),
    )

    def clean_expires_on(self):
        expires = self.cleaned_data["expires_on"]
        if expires and expires < timezone.localdate():
            raise forms.ValidationError(_("Pick today or a later day."))
        return expires
