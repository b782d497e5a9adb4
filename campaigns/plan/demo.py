"""Demo plan for Rosie's Bakery: "Spring sourdough launch", fully planned and running for
three weeks, with three influencers who each have a promo code and a tracked link.

``load(owner)`` is idempotent: it finds the campaign by name and its rows by influencer or
KPI kind, and brings them back to the demo state. It runs after ``influencers.demo.load``;
``kpis.demo`` then adds results to this campaign, finding it by ``DEMO_CAMPAIGN_NAME``.
"""

from datetime import timedelta
from decimal import Decimal

from django.contrib.auth.models import User
from django.utils import timezone

from accounts.models import business_of
from campaigns.models import (
    BudgetTool,
    Campaign,
    CampaignStatus,
    ChecklistTick,
    DealType,
    GoalType,
    Partnership,
    PartnershipStatus,
    PostKind,
)
from campaigns.partnerships import issue_page
from campaigns.services import compose_goal_sentence, partnership_outreach_message
from influencers.models import Influencer
from kpis.catalogue import KPIKind, Source
from kpis.models import CampaignKPI, TrackedLink

from .steps.needs import GOAL_REVIEW_POINTS

DEMO_CAMPAIGN_NAME = "Spring sourdough launch"
DEMO_DESTINATION = "https://rosies-bakery.example/spring"

# (influencer name, deal, fee, products at cost, shipping, code, what they post,
#  posts agreed, kind, day of the campaign the gift went out (None: no gift), paid)
DEMO_DEALS = [
    (
        "Bristol Bread Lover",
        DealType.GIFTED,
        "0",
        "24.00",
        "0",
        "BREADLOVER",
        "1 reel and 2 stories",
        3,
        PostKind.VIDEO,
        0,
        False,
    ),
    (
        "Maya Cooks Clifton",
        DealType.FEE,
        "80.00",
        "15.00",
        "0",
        "MAYA10",
        "A starter video on TikTok",
        1,
        PostKind.VIDEO,
        1,
        True,
    ),
    (
        "Sam's Bristol Eats",
        DealType.DISCOUNT,
        "120.00",
        "18.00",
        "4.50",
        "SAMEATS",
        "1 review video",
        1,
        PostKind.VIDEO,
        8,
        False,
    ),
]
# Whose own page (/p/<token>/) is ready to open in the demo; load_demo prints its link.
DEMO_PAGE_INFLUENCER = "Maya Cooks Clifton"

# (kind, source, baseline, target)
DEMO_KPIS = [
    (KPIKind.NEW_CUSTOMERS, Source.PROMO_CODES, "0", "60"),
    (KPIKind.LINK_CLICKS, Source.LINKS, "0", "900"),
]

DEMO_TICKS = ["s1-engagement", "s1-reach-out", "s6-negotiate", "s3-monitor", "s5-record"]


def load(owner: User) -> Campaign:
    today = timezone.localdate()
    start = today - timedelta(days=21)
    end = today + timedelta(days=35)
    campaign, _created = Campaign.objects.update_or_create(
        owner=owner,
        name=DEMO_CAMPAIGN_NAME,
        defaults={
            "status": CampaignStatus.ACTIVE,
            "goal_type": GoalType.CUSTOMERS,
            "goal_number": Decimal("60"),
            "goal_unit": "new customers",
            "start_date": start,
            "end_date": end,
            "goal_sentence": compose_goal_sentence(
                goal_type=GoalType.CUSTOMERS,
                number=Decimal("60"),
                unit="new customers",
                deadline=end,
            ),
            "need_main_goal": "More new faces on weekday mornings, when the shop is quiet.",
            "need_ideal_customers": "Local families and young professionals within a 20-minute "
            "walk who care where their bread comes from.",
            "need_challenges": "People pass by without knowing we bake everything on site.",
            "need_influencer_help": "Bristol food creators can show our bakers at work and give "
            "their followers a reason to drop in.",
            "need_resources": "About £400 and two hours a week from Rosie.",
            "goal_review": {point: True for point in GOAL_REVIEW_POINTS},
            "track_more_kpis": False,
            "checkin_frequency": 7,
            "tracking_tools": [Source.PROMO_CODES, Source.LINKS],
            "adjustment_threshold": 60,
            "adjustment_action": "Ask the creators for a behind-the-scenes story with the code, "
            "and add a weekday-only offer.",
            "cash_budget": Decimal("400.00"),
            "other_costs": Decimal("20.00"),
            "gross_margin": Decimal("65.00"),
            "budget_tools": [BudgetTool.LINKS, BudgetTool.CODES, BudgetTool.INSIGHTS],
            "plan_data": {},
            "plan_step": 8,
            "launched_at": timezone.now() - timedelta(days=21),
        },
    )
    business = business_of(owner)
    for (
        name,
        deal,
        fee,
        products,
        shipping,
        code,
        deliverables,
        posts_agreed,
        posts_kind,
        gift_day,
        paid,
    ) in DEMO_DEALS:
        influencer = Influencer.objects.filter(owner=owner, name=name).first()
        if influencer is None:  # the roster demo was not loaded: nothing to pair with
            continue
        partnership, _created = Partnership.objects.update_or_create(
            owner=owner,
            campaign=campaign,
            influencer=influencer,
            defaults={
                "deal_type": deal,
                "fee": Decimal(fee),
                "product_value": Decimal(products),
                "shipping": Decimal(shipping),
                "promo_code": code,
                "deliverables": deliverables,
                "due_date": start + timedelta(days=10),
                "status": PartnershipStatus.AGREED,
                "posts_agreed": posts_agreed,
                "posts_kind": posts_kind,
                "gift_sent_on": None if gift_day is None else start + timedelta(days=gift_day),
                "paid_on": start + timedelta(days=7) if paid else None,
                "share_sales": name == DEMO_PAGE_INFLUENCER,
            },
        )
        if name == DEMO_PAGE_INFLUENCER and not partnership.page_token:
            issue_page(partnership=partnership, expires_on=None)
        if not partnership.outreach_message:
            partnership.outreach_message = partnership_outreach_message(
                partnership=partnership, business=business
            )
            partnership.save(update_fields=["outreach_message"])
        if not TrackedLink.objects.filter(partnership=partnership).exists():
            TrackedLink.create_for(partnership, DEMO_DESTINATION)
    for position, (kind, source, baseline, target) in enumerate(DEMO_KPIS):
        CampaignKPI.objects.update_or_create(
            owner=owner,
            campaign=campaign,
            kind=kind,
            defaults={
                "source": source,
                "baseline": Decimal(baseline),
                "target": Decimal(target),
                "position": position,
            },
        )
    for key in DEMO_TICKS:
        ChecklistTick.objects.get_or_create(
            campaign=campaign, item_key=key, defaults={"owner": owner, "ticked_by": owner}
        )
    return campaign
