from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from formtools.wizard.views import NamedUrlSessionWizardView

from accounts.deletion import delete_with_links
from accounts.once import already_submitted
from accounts.owned import get_owned_or_404
from accounts.versions import STALE, is_stale, version_of
from campaigns.models import Campaign, CampaignStatus, ChecklistTick
from campaigns.services import deletion_summary, launch

from .catalogue import BY_NUMBER, FORM_LIST, STEPS, dependents
from .checklist import checklist_sections, progress
from .facts import facts_of
from .guide import ITEMS
from .review import launch_review, missing_for_launch
from .start import NewPlanForm
from .steps.goal import preview_sentence
from .storage import plan_prefix


@login_required
@require_http_methods(["GET", "POST"])
def new_campaign(request):
    """The seven steps at a glance; starting creates the draft the wizard saves into."""
    form = NewPlanForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if already_submitted(request):
            # Sent twice: the first one made the draft; open the newest one.
            latest = Campaign.objects.filter(owner=request.user).order_by("-created_at").first()
            return redirect(latest.get_absolute_url() if latest else reverse("reports:portfolio"))
        name = form.cleaned_data["name"] or _("New campaign")
        campaign = Campaign.objects.create(owner=request.user, name=name)
        return redirect("campaigns:plan", pk=campaign.pk, step="1")
    steps = [(step.number, step.name, step.why) for step in STEPS]
    return render(request, "campaigns/new.html", {"steps": steps, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def delete_campaign(request, pk):
    """Asks first, showing what goes with the campaign; then deletes it and all of that. Its
    influencers stay on the roster."""
    campaign = get_owned_or_404(Campaign, owner=request.user, pk=pk)
    if request.method == "POST":
        delete_with_links(row=campaign, partnership__campaign=campaign)
        messages.success(request, _("The campaign “%(name)s” is deleted.") % {"name": campaign})
        return redirect("reports:portfolio")
    return render(
        request,
        "campaigns/confirm_delete.html",
        {"campaign": campaign, "summary": deletion_summary(campaign=campaign)},
    )


@login_required
@require_GET
def resume_plan(request, pk):
    campaign = get_owned_or_404(Campaign, owner=request.user, pk=pk)
    return redirect("campaigns:plan", pk=campaign.pk, step=campaign.resume_step)


class PlanWizard(LoginRequiredMixin, NamedUrlSessionWizardView):
    """Steps 1..7 of the plan. Every valid step is written to the campaign at once; input
    that is not valid yet is kept in the campaign's plan storage, so Back loses nothing."""

    storage_name = "campaigns.plan.storage.CampaignPlanStorage"
    done_step_name = "done"

    def get_prefix(self, request, *args, **kwargs):
        return plan_prefix(kwargs["pk"])

    @property
    def campaign(self):
        return self.storage.campaign

    def get_step_url(self, step):
        return reverse("campaigns:plan", kwargs={"pk": self.campaign.pk, "step": step})

    def get_template_names(self):
        return [BY_NUMBER[int(self.steps.current)].template]

    def get_form_kwargs(self, step=None):
        return {"campaign": self.campaign}

    def get_form_initial(self, step):
        return self.get_form_list()[step].initial_for(self.campaign)

    def get_form(self, step=None, data=None, files=None):
        # A saved step keeps no raw data: its form starts from what the database holds.
        return super().get_form(step, data or None, files)

    def get(self, request, *args, **kwargs):
        if kwargs.get("step") == self.done_step_name:
            # Launching is a POST from step 7, never a link.
            return redirect(self.get_step_url(self.steps.last))
        return super().get(request, *args, **kwargs)

    @method_decorator(transaction.atomic)  # the version check locks the plan until the save
    def post(self, *args, **kwargs):
        # The step in the address is the one whose form was posted (the form posts back to
        # its own page), even when the stored step says otherwise, e.g. another device.
        if kwargs.get("step") in self.get_form_list():
            self.storage.current_step = kwargs["step"]
            # The wizard's own field names the step too; a page never sends another, and an
            # unknown one would reach a form that does not exist.
            posted = self.request.POST.copy()
            posted[f"{self.prefix}-current_step"] = kwargs["step"]
            self.request.POST = posted
        elif self.request.POST.get(f"{self.prefix}-current_step") not in self.get_form_list():
            raise Http404("not a step of the plan")
        if is_stale(data=self.request.POST, row=self.campaign):
            # Another tab saved this plan since this page was drawn: save nothing, show what
            # was typed with the message, and the current version for a deliberate resave.
            form = self.get_form(data=self.request.POST)
            form.is_valid()
            form.add_error(None, STALE)
            return self.render(form)
        goto = self.request.POST.get("wizard_goto_step")
        if goto in self.get_form_list():
            self.keep_current_input()
            return self.render_goto_step(goto)
        return super().post(*args, **kwargs)

    def keep_current_input(self):
        """Going Back or jumping to another step: save this step if it is valid, else keep
        what was typed, so it is all there on return."""
        if self.steps.current == self.steps.last:
            return  # the review holds no answers; saving it would count as launching
        form = self.get_form(data=self.request.POST)
        if form.is_valid():
            self.storage.set_step_data(self.steps.current, self.process_step(form))
        else:
            self.storage.set_step_data(self.steps.current, self.get_form_step_data(form))

    def process_step(self, form):
        form.save()
        step = self.step_of(form)
        # Later steps build their fields from what this one decides (influencers, KPIs):
        # input kept for them would no longer fit, so they start again from the database.
        number = int(step)
        for later in map(str, dependents(number)):
            if self.storage.get_step_data(later):
                self.storage.set_step_data(later, {})
        if self.campaign.plan_step <= number:
            self.campaign.plan_step = number + 1
            self.campaign.save(update_fields=["plan_step"])
        return {}

    def step_of(self, form):
        return next(step for step, cls in self.get_form_list().items() if isinstance(form, cls))

    def render_done(self, form, **kwargs):
        campaign = self.campaign
        if campaign.status != CampaignStatus.DRAFT:
            messages.success(self.request, _("Plan saved."))
            return redirect(campaign.get_absolute_url())
        if missing_for_launch(plan=campaign):
            messages.error(self.request, _("Not ready to launch yet: see what is missing."))
            return redirect(self.get_step_url(self.steps.last))
        launch(campaign=campaign)
        self.storage.reset()
        messages.success(
            self.request, _("Launched! Your campaign is running. Good luck, and check in often.")
        )
        return redirect(campaign.get_absolute_url())

    def get_context_data(self, form, **kwargs):
        context = super().get_context_data(form=form, **kwargs)
        campaign = self.campaign
        number = int(self.steps.current)
        context.update(
            campaign=campaign,
            step_number=number,
            step_name=BY_NUMBER[number].name,
            step_why=BY_NUMBER[number].why,
            step_total=self.steps.count,
            version=version_of(campaign),
            step_percent=round(100 * number / self.steps.count),
            step_links=[
                {
                    "number": step.number,
                    "name": step.name,
                    "current": step.number == number,
                    "saved": campaign.plan_step > step.number,
                }
                for step in STEPS
            ],
        )
        if number == self.steps.count:
            facts = facts_of(plan=campaign)  # one read of the plan for both lists
            context["review"] = review = launch_review(plan=facts)
            context["review_met"] = sum(answer.met for answer in review)
            context["missing"] = missing_for_launch(plan=facts)
        return context


plan_wizard = PlanWizard.as_view(FORM_LIST, url_name="campaigns:plan")


@login_required
@require_GET
def goal_sentence_preview(request, pk):
    """The goal sentence for the values being typed in step 2 (htmx live preview)."""
    get_owned_or_404(Campaign, owner=request.user, pk=pk)  # another owner's plan is not found
    # A fragment like any page: from a template, so the owner's words are escaped.
    return render(
        request,
        "campaigns/plan/_goal_sentence.html",
        {"sentence": preview_sentence(params=request.GET, prefix="2")},
    )


@login_required
@require_GET
def checklist(request, pk):
    campaign = get_owned_or_404(Campaign, owner=request.user, pk=pk)
    sections = checklist_sections(campaign=campaign)
    done, total = progress(sections)
    return render(
        request,
        "campaigns/checklist.html",
        {"campaign": campaign, "sections": sections, "done": done, "total": total},
    )


@login_required
@require_POST
def tick(request, pk, item_key):
    """Tick or untick one item (``ticked`` says which, so a repeated post changes nothing)."""
    campaign = get_owned_or_404(Campaign, owner=request.user, pk=pk)
    if item_key not in ITEMS:
        raise Http404
    if request.POST.get("ticked") == "1":
        ChecklistTick.objects.get_or_create(
            campaign=campaign,
            item_key=item_key,
            defaults={"owner": request.user, "ticked_by": request.user},
        )
    else:
        ChecklistTick.objects.filter(campaign=campaign, item_key=item_key).delete()
    if not request.htmx:
        return redirect(reverse("campaigns:checklist", kwargs={"pk": campaign.pk}) + f"#{item_key}")
    sections = checklist_sections(campaign=campaign)
    done, total = progress(sections)
    section, item = next(
        (section, item) for section in sections for item in section.items if item.key == item_key
    )
    context = {"campaign": campaign, "section": section, "item": item, "oob": True}
    return render(
        request, "campaigns/_checklist_tick.html", {**context, "done": done, "total": total}
    )
