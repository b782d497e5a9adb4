"""Writing a campaign's numbers typed at a check-in (imported files: ``kpis.sources``).

Each function writes everything or nothing (one transaction), so a failure never leaves half
a check-in behind.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth.models import User
from django.db import transaction

from campaigns.models import Campaign

from .catalogue import Source
from .models import CampaignKPI, CheckIn, Measurement


@dataclass(frozen=True)
class Reading:
    """One number typed at a check-in."""

    kpi: CampaignKPI
    value: Decimal
    influencer_id: int | None = None


@transaction.atomic
def record_checkin(
    *,
    campaign: Campaign,
    owner: User,
    date: datetime.date,
    note: str,
    readings: Iterable[Reading],
) -> CheckIn:
    """One CheckIn row with its Measurements, dated alike."""
    checkin = CheckIn.objects.create(owner=owner, campaign=campaign, date=date, note=note)
    Measurement.objects.bulk_create(
        Measurement(
            owner=owner,
            kpi=reading.kpi,
            checkin=checkin,
            date=date,
            value=reading.value,
            source=Source.MANUAL,
            influencer_id=reading.influencer_id,
        )
        for reading in readings
    )
    return checkin
