"""Services for a partnership after the plan: its private page link, the roster status that
follows from it, and the messages that carry the page's link."""

import secrets
from datetime import date

from django.conf import settings
from django.db import transaction
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from influencers.models import Influencer, OutreachStatus

from .deals import STAGE_FOR_ROSTER_STATUS, roster_status_for
from .models import CampaignStatus, Partnership, PartnershipStatus

# 32 random bytes: 43 URL-safe characters, far beyond guessing.
PAGE_TOKEN_BYTES = 32


def page_url(partnership: Partnership) -> str:
    """The influencer's own page, or "" when no link is issued (or it was revoked)."""
    if not partnership.page_token:
        return ""
    return settings.SITE_URL + reverse("kpis:influencer_page", args=[partnership.page_token])


def page_is_open(*, partnership: Partnership, today: date) -> bool:
    expires = partnership.page_expires_on
    return bool(partnership.page_token) and (expires is None or today <= expires)


def issue_page(*, partnership: Partnership, expires_on: date | None) -> str:
    """A new private link (any old one stops working at once); returns the new address."""
    partnership.page_token = secrets.token_urlsafe(PAGE_TOKEN_BYTES)
    partnership.page_expires_on = expires_on
    partnership.save(update_fields=["page_token", "page_expires_on"])
    return page_url(partnership)


def revoke_page(*, partnership: Partnership) -> None:
    partnership.page_token = None
    partnership.page_expires_on = None
    partnership.save(update_fields=["page_token", "page_expires_on"])


def with_page_link(message: str, *, partnership: Partnership) -> str:
    """The message with a line giving the influencer's page, when there is one."""
    url = page_url(partnership)
    if not url or url in message:
        return message
    line = _("Your own page, with your link, your code and how your posts are doing: %(url)s")
    return f"{message.rstrip()}\n\n{line % {'url': url}}"


def thank_you_message(*, partnership: Partnership, business_name: str) -> str:
    """A short thank-you once they posted, with what came of it and their page's link."""
    paragraphs = [_("Hi %(name)s,") % {"name": partnership.influencer.name}]
    paragraphs.append(
        _(
            "Thank you so much for your post about %(business)s! We loved it, and it is already "
            "bringing people our way."
        )
        % {"business": business_name or _("us")}
    )
    paragraphs.append(
        _("We would love to work with you again: let me know if you have ideas for a next one.")
    )
    paragraphs.append(_("Thanks,\n%(business)s") % {"business": business_name or ""})
    return with_page_link("\n\n".join(paragraphs).strip(), partnership=partnership)


def current_partnership(*, influencer: Influencer) -> Partnership | None:
    """The influencer's partnership on their newest campaign that is not finished (else the
    newest of all): the one the roster status speaks for."""
    partnerships = (
        Partnership.objects.filter(influencer=influencer)
        .select_related("campaign")
        .annotate(post_count=Count("posts"))
        .order_by("-campaign__created_at", "-pk")
    )
    rows = list(partnerships)
    open_rows = [row for row in rows if row.campaign.status != CampaignStatus.FINISHED]
    chosen = open_rows or rows
    return chosen[0] if chosen else None


def sync_roster_status(*, influencer: Influencer) -> str:
    """Set the roster's status to what the current partnership's state means (the state is
    the source of truth) and return it. Written with update(): no save signal fires."""
    partnership = current_partnership(influencer=influencer)
    status = influencer.status
    if partnership is not None:
        status = (
            roster_status_for(state=partnership.state, campaign_status=partnership.campaign.status)
            or status
        )
    if status != influencer.status:
        now = timezone.now()
        Influencer.objects.filter(pk=influencer.pk).update(status=status, status_changed_at=now)
        influencer.status, influencer.status_changed_at = status, now
        influencer._saved_status = status
    return status


@transaction.atomic
def apply_roster_status(*, influencer: Influencer) -> None:
    """The owner chose a status on the roster: make the current partnership say the same
    (a stage, or a gift sent today), then let the roster follow the partnership again."""
    partnership = current_partnership(influencer=influencer)
    if partnership is None:
        return
    chosen = influencer.status
    if chosen == OutreachStatus.GIFTED_NOT_POSTED:
        if not partnership.gift_sent_on:
            partnership.gift_sent_on = timezone.localdate()
        if partnership.status in (PartnershipStatus.PLANNED, PartnershipStatus.CONTACTED):
            partnership.status = PartnershipStatus.AGREED
    elif chosen in STAGE_FOR_ROSTER_STATUS:
        partnership.status = STAGE_FOR_ROSTER_STATUS[chosen]
    partnership.save(update_fields=["gift_sent_on", "status"])
    sync_roster_status(influencer=influencer)
