"""The roster's status and a partnership's state tell one story: a status chosen on the
roster (a page of the influencers app, which sits below this one) is applied here."""

from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver

from influencers.models import Influencer

from .partnerships import apply_roster_status


@receiver(pre_save, sender=Influencer)
def note_chosen_status(sender, instance, **kwargs):
    saved = getattr(instance, "_saved_status", None)
    instance._status_chosen = bool(instance.pk) and saved is not None and saved != instance.status


@receiver(post_save, sender=Influencer)
def apply_chosen_status(sender, instance, created, **kwargs):
    if getattr(instance, "_status_chosen", False):
        instance._status_chosen = False
        apply_roster_status(influencer=instance)
