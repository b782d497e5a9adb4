"""A partnership with its private page issued, and the page's form as a browser sends it."""

import datetime

from django.utils import timezone

from campaigns.partnerships import issue_page
from tests.factories.accounts import UserFactory
from tests.factories.campaigns import CampaignFactory, PartnershipFactory
from tests.site_walk import page_forms


def partnership_with_page(owner=None, expires_on=None, **fields):
    owner = owner or UserFactory(business__name="Rosie's Bakery", business__currency="EUR")
    today = timezone.localdate()
    campaign = CampaignFactory(
        owner=owner,
        status="active",
        start_date=today - datetime.timedelta(days=10),
        end_date=today + datetime.timedelta(days=20),
    )
    partnership = PartnershipFactory(campaign=campaign, **fields)
    issue_page(partnership=partnership, expires_on=expires_on)
    return partnership


def page_path(partnership):
    return f"/p/{partnership.page_token}/"


def post_form(response, **values):
    """The page's post form with the browser's values, then ``values`` typed over them."""
    (form,) = [form for form in page_forms(response) if form["method"] == "post"]
    return {**form["fields"], **{f"post-{name}": value for name, value in values.items()}}
