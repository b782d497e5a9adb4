"""Writing a campaign's numbers typed at a check-in (imported files: ``kpis.sources``).

Each function writes everything or nothing (one transaction), so a failure never leaves half
a check-in behind.
"""

from dataclasses import dataclass

from django.db import transaction

from .catalogue import Source
from .models import CheckIn, Measurement


@dataclass(frozen=True)
class Reading:
    """One number typed at a check-in."""

    kpi: object
    value: object
    influencer_id: int | None = None


@transaction.atomic
def record_checkin(campaign, owner, date, note, readings):
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
