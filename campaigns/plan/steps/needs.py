"""Step 4: your business (the guide's five questions) and a second look at the goal
sentence."""

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.formatting import format_money
from campaigns.services import goal_sentence_hints

from .base import PlanStepForm, Step

# The guide's five questions: (Campaign field, the question, an example answer).
NEEDS_QUESTIONS = (
    (
        "need_main_goal",
        _("What does your business need most right now?"),
        _("e.g. more people coming in on weekdays"),
    ),
    (
        "need_ideal_customers",
        _("Who are your ideal customers?"),
        _("Age, interests, where they live: whoever you would love more of."),
    ),
    (
        "need_challenges",
        _("What is holding the business back?"),
        _("e.g. few people know we exist, quiet afternoons"),
    ),
    (
        "need_influencer_help",
        _("How could influencers help with that?"),
        _("e.g. show our bread to local food lovers who trust them"),
    ),
    (
        "need_resources",
        _("What time and money can you put in?"),
        # The amount is shown in the business's own currency.
        _("e.g. two hours a week and %(amount)s"),
    ),
)
# The five Campaign fields that hold the answers, in the questions' order.
NEEDS_FIELDS = tuple(name for name, _question, _example in NEEDS_QUESTIONS)


class NeedsForm(PlanStepForm):
    specific = forms.BooleanField(
        label=_("It says exactly what should change, not just 'more customers'."),
        required=False,
    )
    measurable = forms.BooleanField(label=_("It has a number I can count."), required=False)
    achievable = forms.BooleanField(
        label=_("I can reach it with the time and budget I have."), required=False
    )
    dated = forms.BooleanField(label=_("It has a deadline."), required=False)
    simple = forms.BooleanField(
        label=_("I could explain it to a customer in one breath."), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        questions = {
            name: forms.CharField(
                label=question,
                help_text=example % {"amount": format_money(300, currency=self.currency, places=0)},
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
            for name, question, example in NEEDS_QUESTIONS
        }
        # The questions first, then the review of the goal sentence.
        self.fields = {**questions, **self.fields}

    @classmethod
    def initial_for(cls, campaign):
        initial = {name: getattr(campaign, name) for name in NEEDS_FIELDS}
        initial.update(
            {point: bool(campaign.goal_review.get(point)) for point in GOAL_REVIEW_POINTS}
        )
        return initial

    def needs_fields(self):
        return [self[name] for name in NEEDS_FIELDS]

    def review_fields(self):
        return [self[name] for name in GOAL_REVIEW_POINTS]

    def hints(self):
        return goal_sentence_hints(campaign=self.campaign, currency=self.currency)

    def save(self):
        campaign = self.campaign
        for name in NEEDS_FIELDS:
            setattr(campaign, name, self.cleaned_data[name].strip())
        campaign.goal_review = {point: self.cleaned_data[point] for point in GOAL_REVIEW_POINTS}
        campaign.save(update_fields=[*NEEDS_FIELDS, "goal_review", "updated_at"])


# The goal sentence's review points, stored as keys of Campaign.goal_review: the form's own
# check boxes, in their order.
GOAL_REVIEW_POINTS = tuple(NeedsForm.base_fields)

STEP = Step(
    number=4,
    name=_("Your business"),
    why=_(
        "A goal rooted in what the business really needs is easier to stick to. Reading the "
        "sentence again now catches goals that are too vague or too big."
    ),
    form=NeedsForm,
    template="campaigns/plan/step_4.html",
)
