"""One influencer on a campaign: the deal saved from its page, the private page link issued,
re-issued and revoked, the messages with its link, and one story across roster, dashboard,
PDFs and the partnership's state."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from campaigns.models import Partnership
from campaigns.partnerships import issue_page
from campaigns.services import partnership_outreach_message
from influencers.models import OutreachStatus
from tests.factories.campaigns import CampaignFactory, PartnershipFactory
from tests.reports.conftest import pdf_text

from .test_posts import the_form

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def partnership(owner):
    campaign = CampaignFactory(
        owner=owner,
        status="active",
        start_date=TODAY - datetime.timedelta(days=12),
        end_date=TODAY + datetime.timedelta(days=20),
    )
    return PartnershipFactory(campaign=campaign, status="planned", outreach_message="Hi there!")


def page_of(partnership):
    return reverse("kpis:partnership", args=[partnership.campaign_id, partnership.pk])


def roster_status(partnership):
    partnership.influencer.refresh_from_db()
    return partnership.influencer.status


def test_the_deal_is_saved_from_the_rendered_form_and_the_roster_follows(owner_client, partnership):
    page = owner_client.get(page_of(partnership))
    data = the_form(page, "")
    data.update(
        status="agreed",
        posts_agreed="2",
        posts_kind="video",
        due_date=(TODAY + datetime.timedelta(days=5)).isoformat(),
        gift_sent_on=(TODAY - datetime.timedelta(days=9)).isoformat(),
    )
    response = owner_client.post(page_of(partnership), data, follow=True)
    partnership.refresh_from_db()
    assert (partnership.posts_agreed, partnership.posts_kind) == (2, "video")
    assert partnership.state == "gifted_not_posted"
    assert "Gift sent 9 days ago and no post yet" in response.text
    assert roster_status(partnership) == OutreachStatus.GIFTED_NOT_POSTED


def test_a_gift_date_in_the_future_is_refused(owner_client, partnership):
    data = the_form(owner_client.get(page_of(partnership)))
    data["gift_sent_on"] = (TODAY + datetime.timedelta(days=1)).isoformat()
    response = owner_client.post(page_of(partnership), data)
    assert response.context["form"].errors == {
        "gift_sent_on": ["Enter the day it went out, today or earlier."]
    }


def test_the_page_link_is_issued_reissued_and_revoked(owner_client, client, partnership):
    page = owner_client.get(page_of(partnership))
    owner_client.post(
        reverse("kpis:partnership_page_link", args=[partnership.campaign_id, partnership.pk]),
        {**the_form(page, "page-link"), "action": "issue"},
    )
    partnership.refresh_from_db()
    first = partnership.page_token
    assert len(first) >= 40
    page = owner_client.get(page_of(partnership))
    assert f"/p/{first}/" in page.text
    # The messages carry the page's link.
    assert page.text.count(f"/p/{first}/") >= 3  # the link box, first message, thank-you

    owner_client.post(
        reverse("kpis:partnership_page_link", args=[partnership.campaign_id, partnership.pk]),
        {"action": "issue", "expires_on": (TODAY + datetime.timedelta(days=30)).isoformat()},
    )
    partnership.refresh_from_db()
    assert partnership.page_token != first
    assert partnership.page_expires_on == TODAY + datetime.timedelta(days=30)
    assert client.get(f"/p/{first}/").status_code == 404
    assert client.get(f"/p/{partnership.page_token}/").status_code == 200

    owner_client.post(
        reverse("kpis:partnership_page_link", args=[partnership.campaign_id, partnership.pk]),
        {"action": "revoke"},
    )
    partnership.refresh_from_db()
    assert partnership.page_token is None


def test_an_expiry_in_the_past_is_refused(owner_client, partnership):
    response = owner_client.post(
        reverse("kpis:partnership_page_link", args=[partnership.campaign_id, partnership.pk]),
        {"action": "issue", "expires_on": "2001-01-01"},
        follow=True,
    )
    assert "Pick today or a later day." in response.text
    assert Partnership.objects.get(pk=partnership.pk).page_token is None


def test_gifted_on_the_roster_puts_them_on_the_campaigns_follow_up_list(owner_client, partnership):
    # The issue's first report: marked on the roster, never listed on the campaign.
    owner_client.post(
        reverse("influencers:status", args=[partnership.influencer_id]),
        {"status": "gifted_not_posted"},
    )
    partnership.refresh_from_db()
    assert partnership.gift_sent_on == TODAY and partnership.state == "gifted_not_posted"
    html = owner_client.get(f"/campaigns/{partnership.campaign_id}/").text
    section = html.split('id="follow-heading"', 1)[1].split("</section>", 1)[0]
    assert partnership.influencer.name in section


def test_recording_a_post_clears_the_follow_up_everywhere(owner_client, partnership):
    partnership.status = "agreed"
    partnership.due_date = TODAY - datetime.timedelta(days=3)
    partnership.save()
    campaign_page = f"/campaigns/{partnership.campaign_id}/"
    assert "due 3 days ago" in owner_client.get(campaign_page).text

    form_page = owner_client.get(f"/campaigns/{partnership.campaign_id}/posts/new/")
    data = the_form(form_page)
    data.update(
        partnership=str(partnership.pk),
        platform="instagram",
        url="https://www.instagram.com/p/Cabc123/",
        posted_on=TODAY.isoformat(),
        views="500",
        likes="40",
    )
    owner_client.post(form_page.request["PATH_INFO"], data)

    dashboard = owner_client.get(campaign_page).text
    assert 'id="follow-heading"' not in dashboard
    assert "Posted</span>" in dashboard
    assert roster_status(partnership) == OutreachStatus.ACTIVE
    roster = owner_client.get(reverse("influencers:list")).text
    assert f'<option value="active" selected>{OutreachStatus.ACTIVE.label}</option>' in roster
    report = pdf_text(owner_client.get(f"/campaigns/{partnership.campaign_id}/report.pdf").content)
    assert "To follow up" not in report
    assert "500" in report and partnership.influencer.name in report
    checklist = pdf_text(
        owner_client.get(f"/campaigns/{partnership.campaign_id}/checklist.pdf").content
    )
    assert "Posts so far" in checklist and "(posted)" in checklist


def test_a_new_outreach_message_carries_the_page_link(partnership):
    assert "/p/" not in partnership_outreach_message(partnership=partnership, business=None)
    url = issue_page(partnership=partnership, expires_on=None)
    message = partnership_outreach_message(partnership=partnership, business=None)
    assert message.endswith(url) and message.count(url) == 1


def test_the_influencers_page_says_where_the_status_comes_from(owner_client, partnership):
    partnership.gift_sent_on = TODAY
    partnership.save()
    html = owner_client.get(reverse("influencers:detail", args=[partnership.influencer_id])).text
    campaigns = html.split('class="list-unstyled mb-0 influencer-campaigns"', 1)[1]
    assert f"{partnership.campaign.name}</a>: Gifted, not posted yet" in campaigns
    assert page_of(partnership) in campaigns
