from influencers.services import Offer, outreach_message
from tests.factories.influencers import InfluencerFactory, ProfileFactory


def test_names_the_business_what_it_sells_and_the_influencer(owner):
    business = owner.business
    business.name, business.what_you_offer = "Rosie's Bakery", "sourdough bread"
    business.website = "https://rosies.example"
    influencer = InfluencerFactory(owner=owner, name="Maya", niche="home baking")
    ProfileFactory(influencer=influencer, handle="mayacooks")

    message = outreach_message(influencer=influencer, business=business)

    assert message.startswith("Hi Maya,")
    assert "Rosie's Bakery" in message
    assert "sourdough bread" in message
    assert "@mayacooks" in message and "Instagram" in message
    assert "home baking" in message
    assert "https://rosies.example" in message
    assert "free" in message


def test_each_offer_changes_what_is_proposed(owner):
    influencer = InfluencerFactory(owner=owner)
    messages = {
        offer: outreach_message(influencer=influencer, business=owner.business, offer=offer)
        for offer in Offer
    }
    assert "discount code" in messages[Offer.DISCOUNT]
    assert "pay you" in messages[Offer.FEE]
    assert "free" in messages[Offer.PRODUCT]
    assert len(set(messages.values())) == 3


def test_campaign_goal_is_included_when_given(owner):
    influencer = InfluencerFactory(owner=owner)
    goal = "Gain 50 new customers by 31 March"
    assert goal in outreach_message(
        influencer=influencer, business=owner.business, campaign_goal=goal
    )
    assert goal not in outreach_message(influencer=influencer, business=owner.business)


def test_works_without_profiles_offer_text_or_business(owner):
    influencer = InfluencerFactory(owner=owner, niche="")
    owner.business.what_you_offer = ""
    message = outreach_message(influencer=influencer, business=owner.business, offer="fee")
    assert "what we make" in message
    assert "@" not in message
    assert "our business" in outreach_message(influencer=influencer, business=None)
