"""Create (or refresh) the demo owner: a bakery with a roster, a planned campaign and results.

Safe to run again and again: each app's ``demo.load`` finds what it made before.
"""

import os

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from accounts.models import Business
from campaigns.models import Partnership
from campaigns.partnerships import page_url
from campaigns.plan import demo as campaigns_demo
from influencers import demo as influencers_demo
from kpis import demo as kpis_demo
from kpis import voice_demo
from reports.reminders.demo import send_demo_reminders

DEMO_EMAIL = "demo@microreach.local"


class Command(BaseCommand):
    help = "Create the demo owner and their demo business (idempotent)."

    def handle(self, *args, **options):
        password = os.environ.get("DEMO_PASSWORD", "bakery-demo-2026")
        with transaction.atomic():
            owner = load_demo_owner(password)
            for loader in demo_loaders():
                loader(owner)
        # Without a mail server, the e-mails printed above are the reminders of the last week.
        sent = send_demo_reminders(owner=owner, now=timezone.now())
        if sent:
            self.stdout.write(f"Printed the {sent} reminder e-mails the demo owner had this week.")
        self.stdout.write(
            self.style.SUCCESS(f"Demo business ready. Log in as {DEMO_EMAIL} / {password}")
        )
        page = demo_influencer_page(owner)
        if page:
            self.stdout.write(f"{campaigns_demo.DEMO_PAGE_INFLUENCER}'s own page: {page}")


def load_demo_owner(password):
    user, _created = get_user_model().objects.get_or_create(
        username=DEMO_EMAIL, defaults={"email": DEMO_EMAIL}
    )
    user.set_password(password)
    user.save()
    Business.objects.update_or_create(
        owner=user,
        defaults={
            "name": "Rosie's Bakery",
            "currency": "GBP",
            "what_you_offer": "sourdough bread, cinnamon buns and celebration cakes",
            "website": "https://rosies-bakery.example",
        },
    )
    return user


def demo_influencer_page(owner):
    """The link of the demo influencer's own page, "" when the demo has none."""
    partnership = Partnership.objects.filter(
        owner=owner,
        campaign__name=campaigns_demo.DEMO_CAMPAIGN_NAME,
        influencer__name=campaigns_demo.DEMO_PAGE_INFLUENCER,
    ).first()
    return page_url(partnership) if partnership else ""


def demo_loaders():
    """Each app's ``demo.load(owner)``, lower apps first: the campaign needs the roster, the
    results need the campaign."""
    return [influencers_demo.load, campaigns_demo.load, kpis_demo.load, voice_demo.load]
