"""The rules of a deal once it is agreed: is it delivered, who to chase and how, and what the
roster says about an influencer. Plain functions on plain values; the pages call them.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from influencers.models import OutreachStatus

from .models import CampaignStatus, Partnership, PartnershipStatus

# Days after a gift went out without a post at which it moves up the follow-up list.
GIFT_REMINDER_DAYS = (7, 10, 14)


def posts_expected(*, posts_agreed: int, due_date: date | None) -> int:
    """How many posts the deal asks for: the number agreed, or one when only a date was."""
    if posts_agreed:
        return posts_agreed
    return 1 if due_date else 0


def is_delivered(*, posts_agreed: int, due_date: date | None, post_count: int) -> bool:
    """Every agreed post is recorded (and at least one is)."""
    expected = posts_expected(posts_agreed=posts_agreed, due_date=due_date)
    return post_count > 0 and post_count >= expected


class FollowUpReason:
    OVERDUE = "overdue"
    GIFT = "gift"


@dataclass(frozen=True)
class FollowUp:
    """Someone to chase: why, how many days, how urgent (0 waiting, 3 most) and what to say."""

    partnership: Partnership
    reason: str
    days: int  # days late (OVERDUE) or days since the gift (GIFT)
    urgency: int
    missing_posts: int
    reminder: str

    @property
    def summary(self) -> str:
        if self.reason == FollowUpReason.OVERDUE:
            posts = ngettext(
                "%(missing)s agreed post not recorded",
                "%(missing)s agreed posts not recorded",
                self.missing_posts,
            ) % {"missing": self.missing_posts}
            late = ngettext("due %(days)s day ago", "due %(days)s days ago", self.days) % {
                "days": self.days
            }
            return _("%(posts)s, %(late)s") % {"posts": posts, "late": late}
        if self.urgency == 0:
            return ngettext(
                "Gift sent %(days)s day ago, no post yet: a reminder is suggested from day 7",
                "Gift sent %(days)s days ago, no post yet: a reminder is suggested from day 7",
                self.days,
            ) % {"days": self.days}
        return ngettext(
            "Gift sent %(days)s day ago and no post yet",
            "Gift sent %(days)s days ago and no post yet",
            self.days,
        ) % {"days": self.days}


def gift_urgency(days_since_gift: int) -> int:
    """0 before day 7, then 1, 2 and 3 from days 7, 10 and 14."""
    return sum(days_since_gift >= threshold for threshold in GIFT_REMINDER_DAYS)


def overdue_urgency(days_late: int) -> int:
    """1 from the day after the due date, 2 after a week, 3 after two."""
    return 1 + (days_late >= 7) + (days_late >= 14)


GIFT_REMINDERS: dict[int, str | Promise] = {
    0: "",
    1: gettext_lazy(
        "Hi %(name)s, I hope you are enjoying the %(business)s box! No rush at all, I just "
        "wanted to check it arrived safely. When you post about it, here is your page with your "
        "link and code: %(page)s"
    ),
    2: gettext_lazy(
        "Hi %(name)s, just a gentle nudge about the post we talked about for %(business)s. Is "
        "there anything you need from us (photos, details, a different date)? %(page)s"
    ),
    3: gettext_lazy(
        "Hi %(name)s, it has been two weeks since the gift from %(business)s. Could you let me "
        "know if you still plan to post, and roughly when? If plans changed, that is fine too: "
        "just tell me. %(page)s"
    ),
}
OVERDUE_REMINDER = gettext_lazy(
    "Hi %(name)s, a friendly reminder from %(business)s: the post we agreed was due on "
    "%(due)s. Could you let me know when it will go out? Your link and code are here: %(page)s"
)


def reminder_text(
    template: str | Promise,
    *,
    influencer_name: str,
    business_name: str,
    page_url: str,
    due: str = "",
) -> str:
    text = str(template) % {
        "name": influencer_name,
        "business": business_name or _("us"),
        "page": page_url,
        "due": due,
    }
    return text.strip()


def follow_up(
    *,
    partnership: Partnership,
    post_count: int,
    today: date,
    business_name: str = "",
    page_url: str = "",
) -> FollowUp | None:
    """The follow-up a partnership needs today, or None (declined, delivered, nothing due)."""
    if partnership.status == PartnershipStatus.DECLINED:
        return None
    name = partnership.influencer.name
    expected = posts_expected(posts_agreed=partnership.posts_agreed, due_date=partnership.due_date)
    missing = max(expected - post_count, 0)
    found = []
    if missing and partnership.due_date and partnership.due_date < today:
        late = (today - partnership.due_date).days
        found.append(
            FollowUp(
                partnership=partnership,
                reason=FollowUpReason.OVERDUE,
                days=late,
                urgency=overdue_urgency(late),
                missing_posts=missing,
                reminder=reminder_text(
                    OVERDUE_REMINDER,
                    influencer_name=name,
                    business_name=business_name,
                    page_url=page_url,
                    due=date_format(partnership.due_date, "j F"),
                ),
            )
        )
    if partnership.gift_sent_on and not post_count and partnership.gift_sent_on <= today:
        since = (today - partnership.gift_sent_on).days
        urgency = gift_urgency(since)
        found.append(
            FollowUp(
                partnership=partnership,
                reason=FollowUpReason.GIFT,
                days=since,
                urgency=urgency,
                missing_posts=max(missing, 1),
                reminder=reminder_text(
                    GIFT_REMINDERS[urgency],
                    influencer_name=name,
                    business_name=business_name,
                    page_url=page_url,
                )
                if urgency
                else "",
            )
        )
    if not found:
        return None
    return max(found, key=lambda item: (item.urgency, item.days))


def ordered_follow_ups(follow_ups: Iterable[FollowUp]) -> list[FollowUp]:
    """Most urgent first, then the longest waiting."""
    return sorted(follow_ups, key=lambda item: (-item.urgency, -item.days))


def roster_status_for(*, state: str, campaign_status: str) -> str | None:
    """The roster's outreach status that a partnership's state means, or None when it says
    nothing new (a planned partnership leaves the roster as the owner set it)."""
    if state == PartnershipStatus.POSTED:
        if campaign_status == CampaignStatus.FINISHED:
            return OutreachStatus.COMPLETED
        return OutreachStatus.ACTIVE
    roster_statuses: dict[str, str] = {
        PartnershipStatus.GIFTED_NOT_POSTED: OutreachStatus.GIFTED_NOT_POSTED,
        PartnershipStatus.AGREED: OutreachStatus.AGREED,
        PartnershipStatus.CONTACTED: OutreachStatus.CONTACTED,
        PartnershipStatus.DECLINED: OutreachStatus.DECLINED,
    }
    return roster_statuses.get(state)


# What a roster status chosen by hand means for the influencer's current partnership: a
# stage, or (for a gift) today's gift date. Statuses missing here need posts to be true.
STAGE_FOR_ROSTER_STATUS: dict[str, str] = {
    OutreachStatus.CONTACTED: PartnershipStatus.CONTACTED,
    OutreachStatus.NEGOTIATING: PartnershipStatus.CONTACTED,
    OutreachStatus.AGREED: PartnershipStatus.AGREED,
    OutreachStatus.DECLINED: PartnershipStatus.DECLINED,
}
