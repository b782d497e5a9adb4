from datetime import date
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from accounts.bounds import (
    DATE_VALIDATORS,
    GOAL_VALIDATORS,
    MONEY_VALIDATORS,
    PERCENT_VALIDATORS,
    campaign_too_long,
)


class GoalType(models.TextChoices):
    CUSTOMERS = "customers", _("Get more customers")
    AWARENESS = "awareness", _("Get known by more people")
    SALES = "sales", _("Sell more")
    ENGAGEMENT = "engagement", _("Build a community around the business")


class CampaignStatus(models.TextChoices):
    DRAFT = "draft", _("Planning")
    ACTIVE = "active", _("Running")
    FINISHED = "finished", _("Finished")


class CheckinFrequency(models.IntegerChoices):
    WEEKLY = 7, _("Every week")
    FORTNIGHTLY = 14, _("Every two weeks")


class BudgetTool(models.TextChoices):
    """Free or cheap tools an owner can measure with (stored in Campaign.budget_tools)."""

    LINKS = "links", _("Microreach tracked links (free, built in)")
    CODES = "codes", _("Promo codes at your till or in your online shop")
    ANALYTICS = "analytics", _("Google Analytics (free)")
    INSIGHTS = "insights", _("The social apps' own insights (free)")
    DESIGN = "design", _("A free design tool for visuals, e.g. Canva")
    SCHEDULER = "scheduler", _("A free post scheduler, e.g. a Hootsuite trial")


class Campaign(models.Model):
    """One micro-influencer campaign: its plan (the wizard's answers) and its money."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="campaigns"
    )
    name = models.CharField(_("campaign name"), max_length=120)
    status = models.CharField(
        _("status"), max_length=10, choices=CampaignStatus.choices, default=CampaignStatus.DRAFT
    )

    # Step 2: the main goal.
    goal_type = models.CharField(
        _("main goal"), max_length=12, choices=GoalType.choices, blank=True
    )
    goal_number = models.DecimalField(
        _("how many"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=GOAL_VALIDATORS,
    )
    goal_unit = models.CharField(_("of what"), max_length=60, blank=True)
    start_date = models.DateField(
        _("start date"), null=True, blank=True, validators=DATE_VALIDATORS
    )
    end_date = models.DateField(_("deadline"), null=True, blank=True, validators=DATE_VALIDATORS)
    goal_sentence = models.TextField(_("goal in one sentence"), blank=True)

    # Step 4: the business-needs questions.
    need_main_goal = models.TextField(_("what your business needs most right now"), blank=True)
    need_ideal_customers = models.TextField(_("who your ideal customers are"), blank=True)
    need_challenges = models.TextField(_("what is holding the business back"), blank=True)
    need_influencer_help = models.TextField(_("how influencers could help"), blank=True)
    need_resources = models.TextField(_("what time and money you can put in"), blank=True)
    # Step 4's review of the goal sentence: {"specific": True, "achievable": False, ...}.
    goal_review = models.JSONField(_("goal sentence review"), default=dict, blank=True)
    # Step 3: more than two KPIs only when the owner says so explicitly.
    track_more_kpis = models.BooleanField(_("track more than two KPIs"), default=False)

    # Step 5: tracking plan.
    checkin_frequency = models.PositiveSmallIntegerField(
        _("how often to check progress"),
        choices=CheckinFrequency.choices,
        default=CheckinFrequency.WEEKLY,
    )
    tracking_tools = models.JSONField(_("tracking tools"), default=list, blank=True)
    adjustment_threshold = models.PositiveSmallIntegerField(
        _("adjust when below this % of pace"),
        default=50,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
    )
    adjustment_action = models.TextField(_("what you will change"), blank=True)

    # Step 6: budget. Money is Decimal in the business's currency.
    cash_budget = models.DecimalField(
        _("cash budget"),
        max_digits=12,
        decimal_places=2,
        default=Decimal("0"),
        validators=MONEY_VALIDATORS,
    )
    other_costs = models.DecimalField(
        _("other costs (tools, printing)"),
        max_digits=12,
        decimal_places=2,
        default=Decimal("0"),
        validators=MONEY_VALIDATORS,
    )
    gross_margin = models.DecimalField(
        _("gross margin %"),
        max_digits=5,
        decimal_places=2,
        default=Decimal("100"),
        validators=PERCENT_VALIDATORS,
        help_text=_(
            "Of each sale, the share you keep after paying for what you sold. "
            "Leave at 100 if you are not sure."
        ),
    )
    budget_tools = models.JSONField(_("free or cheap tools"), default=list, blank=True)

    # The wizard's own storage (formtools data for steps in progress) and where it got to.
    plan_data = models.JSONField(default=dict, blank=True, editable=False)
    plan_step = models.PositiveSmallIntegerField(default=1, editable=False)

    launched_at = models.DateTimeField(_("launched"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Raised by the database itself at every change to the campaign's readings or check-ins
    # (``kpis`` migration 0016), however it is written: the dashboard keeps what they feed
    # by it (``reports.caching``). A save() of an older copy may write back an older number;
    # it also moves ``updated_at`` and the owner's data version, which the dashboard's keys
    # hold too, so nothing kept is read under the older number again.
    readings_version = models.PositiveBigIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(start_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="campaign_ends_after_start",
            )
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        """Drafts open in the wizard where the owner left off; launched ones on their
        dashboard (owned by reports, at the path the URL contract fixes)."""
        if self.status == CampaignStatus.DRAFT:
            return reverse("campaigns:plan", kwargs={"pk": self.pk, "step": self.resume_step})
        return f"/campaigns/{self.pk}/"

    def clean(self):
        super().clean()
        too_long = campaign_too_long(start=self.start_date, end=self.end_date)
        if too_long:
            raise ValidationError({"end_date": too_long})

    @property
    def resume_step(self) -> str:
        """The wizard step to continue at: the first one not saved yet (7 when all are)."""
        return str(min(self.plan_step, 7))


class DealType(models.TextChoices):
    GIFTED = "gifted", _("Free product or service")
    DISCOUNT = "discount", _("Discount code for their followers")
    FEE = "fee", _("Paid fee")
    COMMISSION = "commission", _("Commission on sales")


class PartnershipStatus(models.TextChoices):
    """A partnership's state. The owner sets the first four (``STAGES``); "gifted, not posted
    yet" and "posted" follow from the facts (a gift date, recorded posts), never typed in."""

    PLANNED = "planned", _("Planned")
    CONTACTED = "contacted", _("Contacted")
    AGREED = "agreed", _("Agreed")
    GIFTED_NOT_POSTED = "gifted_not_posted", _("Gifted, not posted yet")
    POSTED = "posted", _("Posted")
    DECLINED = "declined", _("Declined")


# The states an owner chooses; the others are worked out by ``deals.partnership_state``.
STAGES = (
    PartnershipStatus.PLANNED,
    PartnershipStatus.CONTACTED,
    PartnershipStatus.AGREED,
    PartnershipStatus.DECLINED,
)


def partnership_state(*, stage: str, gift_sent_on: date | None, post_count: int) -> str:
    """One story from the facts: a recorded post means posted (whatever stage was set last),
    a gift sent with no post yet means gifted-not-posted, else the owner's stage. Declined
    stays declined even if a gift went out; a post after it still counts as posted."""
    if post_count:
        return PartnershipStatus.POSTED
    if stage == PartnershipStatus.DECLINED:
        return PartnershipStatus.DECLINED
    if gift_sent_on:
        return PartnershipStatus.GIFTED_NOT_POSTED
    return stage


class PostKind(models.TextChoices):
    """Kinds of post, for the deal (what was agreed) and for ``kpis.Post`` (what went out)."""

    POST = "post", _("Post")
    VIDEO = "video", _("Reel or video")
    STORY = "story", _("Story")
    LIVE = "live", _("Live")


class Partnership(models.Model):
    """An influencer working on one campaign: the deal, what it costs, and how it is tracked."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="partnerships")
    influencer = models.ForeignKey(
        "influencers.Influencer", on_delete=models.CASCADE, related_name="partnerships"
    )
    deal_type = models.CharField(
        _("deal"), max_length=12, choices=DealType.choices, default=DealType.GIFTED
    )
    fee = models.DecimalField(
        _("fee"), max_digits=12, decimal_places=2, default=Decimal("0"), validators=MONEY_VALIDATORS
    )
    product_value = models.DecimalField(
        _("value of products given (at cost)"),
        max_digits=12,
        decimal_places=2,
        default=Decimal("0"),
        validators=MONEY_VALIDATORS,
    )
    shipping = models.DecimalField(
        _("shipping and extras"),
        max_digits=12,
        decimal_places=2,
        default=Decimal("0"),
        validators=MONEY_VALIDATORS,
    )
    commission_rate = models.DecimalField(
        _("commission %"),
        max_digits=5,
        decimal_places=2,
        default=Decimal("0"),
        validators=PERCENT_VALIDATORS,
    )
    deliverables = models.CharField(
        _("what they will post"),
        max_length=200,
        blank=True,
        help_text=_("e.g. '1 reel, 3 stories'"),
    )
    due_date = models.DateField(_("post due by"), null=True, blank=True, validators=DATE_VALIDATORS)
    # The deal in numbers, so follow-ups come from data: how many posts of which kind, by when
    # (``due_date``), the gift's date, and when the influencer was paid.
    posts_agreed = models.PositiveSmallIntegerField(
        _("posts agreed"),
        default=0,
        validators=[MaxValueValidator(50)],
        help_text=_("How many posts they will make. 0 if nothing is agreed yet."),
    )
    posts_kind = models.CharField(
        _("kind of post agreed"), max_length=8, choices=PostKind.choices, blank=True
    )
    gift_sent_on = models.DateField(
        _("gift sent on"),
        null=True,
        blank=True,
        validators=DATE_VALIDATORS,
        help_text=_("When the free product went out: reminders count the days from here."),
    )
    paid_on = models.DateField(_("paid on"), null=True, blank=True, validators=DATE_VALIDATORS)
    share_sales = models.BooleanField(
        _("share sales with them"),
        default=False,
        help_text=_("Show the orders and takings from their code on their own page."),
    )
    # The influencer's own page, /p/<token>/: no account, only this unguessable link. Empty
    # when none was issued or it was revoked.
    page_token = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)
    page_expires_on = models.DateField(
        _("page link works until"),
        null=True,
        blank=True,
        validators=DATE_VALIDATORS,
        help_text=_("Leave empty to keep it working until you revoke it."),
    )
    promo_code = models.CharField(_("promo code"), max_length=40, blank=True)
    outreach_message = models.TextField(_("outreach message"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=PartnershipStatus.choices,
        default=PartnershipStatus.PLANNED,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["influencer__name"]
        verbose_name = _("partnership")
        verbose_name_plural = _("partnerships")
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "influencer"], name="one_partnership_per_influencer"
            ),
            models.UniqueConstraint(
                fields=["owner", "promo_code"],
                condition=~models.Q(promo_code=""),
                name="unique_promo_code_per_owner",
            ),
        ]

    def __str__(self):
        return f"{self.influencer} – {self.campaign}"

    @property
    def state(self) -> str:
        """The state shown everywhere (roster, dashboard, PDFs): the owner's stage, or what
        the gift date and recorded posts say. Uses ``post_count`` when it was annotated."""
        count = getattr(self, "post_count", None)
        if count is None:
            count = self.posts.count()
        return partnership_state(
            stage=self.status, gift_sent_on=self.gift_sent_on, post_count=count
        )

    def get_state_display(self) -> str | Promise:
        return PartnershipStatus(self.state).label

    @property
    def cash_cost(self) -> Decimal:
        """What the deal takes out of the bank (see ``deal_cash``)."""
        return deal_cash(self.fee, self.shipping)

    @property
    def fixed_cost(self) -> Decimal:
        """Fee, products at cost and shipping: what the deal costs before any commission."""
        return self.fee + self.product_value + self.shipping


def deal_cash(fee, shipping):
    """Money a deal takes out of the bank: its fee plus shipping and extras (blank counts as
    nothing). Products given count at cost in the ROI, but are not cash the budget holds."""
    return (fee or Decimal(0)) + (shipping or Decimal(0))


class ChecklistTick(models.Model):
    """A checklist item the owner (or the app, from the plan) has ticked for a campaign."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="ticks")
    item_key = models.CharField(max_length=60)
    ticked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    ticked_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["campaign", "item_key"], name="one_tick_per_item")
        ]

    def __str__(self):
        return self.item_key
