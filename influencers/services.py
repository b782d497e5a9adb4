"""Rules about influencers that are not numbers: handles and the first outreach message."""

import re
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

if TYPE_CHECKING:  # the models import this module (handles), so only for the annotations
    from accounts.models import Business

    from .models import Influencer


def normalise_handle(text: str | None) -> str:
    """'@Rosie.Bakes ', 'https://instagram.com/rosie.bakes/' -> 'rosie.bakes'.

    Handles are case-insensitive on every platform we list, so one spelling lets the importer
    and the forms recognise the same person.
    """
    text = (text or "").strip()
    if re.match(r"^(https?://|www\.)", text, flags=re.IGNORECASE):
        try:
            path = urlsplit(text if "://" in text else f"https://{text}").path
        except ValueError:  # not an address after all ("http://[x"): no handle to read
            return ""
        segments = [segment for segment in path.split("/") if segment]
        text = segments[-1] if segments else ""
    return text.lstrip("@").strip().lower()


class Offer(models.TextChoices):
    PRODUCT = "product", gettext_lazy("Free product to try")
    DISCOUNT = "discount", gettext_lazy("A discount code for their followers")
    FEE = "fee", gettext_lazy("A paid post (a fee)")


def outreach_message(
    *,
    influencer: "Influencer",
    business: "Business | None",
    offer: str = Offer.PRODUCT,
    campaign_goal: str | None = None,
) -> str:
    """A friendly first message to an influencer, for the owner to edit and send.

    ``business`` is the owner's accounts.Business (or None); ``campaign_goal`` an optional
    goal sentence ("Gain 50 new customers by 31 March ...").
    """
    business_name = business.name if business and business.name else _("our business")
    what_we_offer = business.what_you_offer if business and business.what_you_offer else ""
    profile = influencer.main_profile
    offers = {
        Offer.PRODUCT: _(
            "We'd love to send you %(what)s to try, free and with no strings attached. "
            "If you enjoy it, a post or a story about us would mean a lot."
        ),
        Offer.DISCOUNT: _(
            "We'd like to give your followers their own discount code, and send you "
            "%(what)s to try first, so you can tell them honestly what you think."
        ),
        Offer.FEE: _(
            "We'd like to pay you for a post about %(what)s. What do you usually charge, and "
            "what kind of post would you suggest?"
        ),
    }
    what = _("our %(what)s") % {"what": what_we_offer} if what_we_offer else _("what we make")

    paragraphs = [_("Hi %(name)s,") % {"name": influencer.name}]
    introduction = _("I run %(business)s") % {"business": business_name}
    if what_we_offer:
        introduction += _(", where we make %(what)s") % {"what": what_we_offer}
    introduction += "."
    if profile:
        introduction += " " + _(
            "I've been enjoying your %(platform)s posts (@%(handle)s)%(about)s and I think "
            "your followers would like what we do."
        ) % {
            "platform": profile.get_platform_display(),
            "handle": profile.handle,
            "about": _(" about %(niche)s") % {"niche": influencer.niche}
            if influencer.niche
            else "",
        }
    paragraphs.append(introduction)
    paragraphs.append(offers[Offer(offer)] % {"what": what})
    if campaign_goal:
        paragraphs.append(_("What we're hoping for: %(goal)s") % {"goal": campaign_goal})
    if business and business.website:
        paragraphs.append(
            _("Have a look at what we do: %(website)s") % {"website": business.website}
        )
    paragraphs.append(_("Would you be interested? I'd be happy to tell you more."))
    paragraphs.append(_("Thanks,\n%(business)s") % {"business": business_name})
    return "\n\n".join(paragraphs)
