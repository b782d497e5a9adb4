from datetime import timedelta

from django.utils import timezone

from influencers.models import Influencer, OutreachStatus
from tests.factories.influencers import InfluencerFactory


def test_changing_status_records_when(owner):
    long_ago = timezone.now() - timedelta(days=30)
    influencer = InfluencerFactory(owner=owner, status_changed_at=long_ago)
    influencer = Influencer.objects.get(pk=influencer.pk)

    influencer.status = OutreachStatus.CONTACTED
    influencer.save()

    influencer.refresh_from_db()
    assert influencer.status_changed_at > long_ago + timedelta(days=29)


def test_saving_without_a_status_change_keeps_the_date(owner):
    long_ago = timezone.now() - timedelta(days=30)
    influencer = Influencer.objects.get(
        pk=InfluencerFactory(owner=owner, status_changed_at=long_ago).pk
    )
    influencer.notes = "Met at the market"
    influencer.save()
    influencer.refresh_from_db()
    assert influencer.status_changed_at == long_ago


def test_status_date_is_saved_with_update_fields(owner):
    long_ago = timezone.now() - timedelta(days=30)
    influencer = Influencer.objects.get(
        pk=InfluencerFactory(owner=owner, status_changed_at=long_ago).pk
    )
    influencer.status = OutreachStatus.DECLINED
    influencer.save(update_fields=["status"])
    influencer.refresh_from_db()
    assert influencer.status_changed_at > long_ago
