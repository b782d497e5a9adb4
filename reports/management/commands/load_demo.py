"""Create (or refresh) the demo owner: a bakery with a roster, a planned campaign and results.

Safe to run again and again: each app's ``demo.load`` finds what it made before.
"""

import os

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction

from accounts.models import Business

DEMO_EMAIL = "demo@microreach.local"


class Command(BaseCommand):
    help = "Create the demo owner and their demo business (idempotent)."

    def handle(self, *args, **options):
        password = os.environ.get("DEMO_PASSWORD", "bakery-demo-2026")
        with transaction.atomic():
            owner = load_demo_owner(password)
            for loader in demo_loaders():
                loader(owner)
        self.stdout.write(
            self.style.SUCCESS(f"Demo business ready. Log in as {DEMO_EMAIL} / {password}")
        )


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


def demo_loaders():
    """Each app that has demo data offers ``demo.load(owner)``; lower apps load first."""
    from importlib import import_module

    loaders = []
    for app in ("influencers", "campaigns", "kpis"):
        try:
            module = import_module(f"{app}.demo")
        except ModuleNotFoundError:
            continue
        loaders.append(module.load)
    return loaders
