"""A section's content is named by its values alone: equal values, equal names; anything the
name could not stand for is refused."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

import pytest
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy

from reports.fingerprint import fingerprint
from reports.sections import DASHBOARD_SECTIONS, Contents
from reports.services import campaign_dashboard
from tests.factories.campaigns import CampaignFactory

from .conftest import build_campaign


@dataclass
class End:
    sales: int
    revenue: Decimal | None


def test_equal_values_have_equal_fingerprints_and_any_change_moves_them():
    line = [End(3, Decimal("45.00")), {"day": datetime.date(2026, 12, 1)}]
    assert fingerprint(line) == fingerprint(
        [End(3, Decimal("45.00")), {"day": datetime.date(2026, 12, 1)}]
    )
    assert fingerprint(line) != fingerprint(
        [End(4, Decimal("45.00")), {"day": datetime.date(2026, 12, 1)}]
    )
    assert fingerprint(End(3, None)) != fingerprint(End(3, Decimal(0)))
    # Written differently on the page: "45" and "45.00".
    assert fingerprint(Decimal("45")) != fingerprint(Decimal("45.00"))
    assert fingerprint({"a": 1, "b": 2}) == fingerprint({"b": 2, "a": 1})
    # Markup is drawn as it is, text escaped: not the same content.
    assert fingerprint(mark_safe("<b>x</b>")) != fingerprint("<b>x</b>")
    assert fingerprint((1, 2)) != fingerprint([1, 2])


def test_a_translated_text_is_named_by_its_words():
    assert fingerprint(gettext_lazy("Likely")) == fingerprint("Likely")


@pytest.mark.django_db
def test_a_saved_row_is_named_by_its_id():
    campaign = CampaignFactory()
    assert fingerprint(campaign) == fingerprint(type(campaign).objects.get(pk=campaign.pk))
    assert fingerprint(campaign) != fingerprint(CampaignFactory(owner=campaign.owner))


def test_a_value_without_a_fingerprint_is_refused():
    with pytest.raises(TypeError, match="no fingerprint for a object"):
        fingerprint([object()])
    with pytest.raises(TypeError):
        fingerprint({1.5})  # a set has no order to name it by
    with pytest.raises(TypeError, match="unsaved"):
        fingerprint(CampaignFactory.build())  # no id to name it by


@pytest.mark.django_db
@pytest.mark.parametrize("days_in", [10, -5], ids=["running", "not started"])
def test_every_section_that_says_what_it_shows_has_a_fingerprint(owner, days_in):
    campaign = build_campaign(owner, days_in=days_in)
    contents = Contents(campaign_dashboard(campaign=campaign, today=timezone.localdate()))
    for section in DASHBOARD_SECTIONS:
        if section.shows is not None:
            assert section.content_variant("", contents).startswith(f"{section.name}:shows:")
