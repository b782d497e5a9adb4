"""Writing a campaign's numbers: check-ins, promo-code uses and imported files.

Each function writes everything or nothing (one transaction), so a failure never leaves half
a check-in or half an import behind.
"""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.utils.text import slugify
from django.utils.translation import gettext as _

from . import importers
from .catalogue import KPIKind, Source
from .models import CheckIn, Measurement, Redemption
from .services import is_automatic


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


@dataclass(frozen=True)
class ImportLookups:
    """What a file's names and codes can refer to, for one campaign, as plain values."""

    kpis: dict  # {lower-case label or kind: KPI id}, KPIs typed in or imported
    automatic: frozenset  # lower-case names of KPIs the app counts itself
    influencers: dict  # {lower-case name: influencer id}, the campaign's partners
    codes: dict  # {upper-case promo code: partnership id}
    sources: dict  # {utm_source: influencer id}
    known_orders: frozenset  # order numbers already stored for the campaign
    visits_kpi: object  # the website-visits KPI, or None

    @classmethod
    def for_campaign(cls, campaign):
        kpis, automatic, visits_kpi = {}, set(), None
        for kpi in campaign.kpis.all():
            names = {kpi.kind, str(kpi.get_kind_display()).lower()}
            if is_automatic(kpi):
                automatic |= names
            else:
                kpis.update(dict.fromkeys(names, kpi.pk))
            if kpi.kind == KPIKind.WEBSITE_VISITS:
                visits_kpi = kpi
        partnerships = list(campaign.partnerships.select_related("influencer"))
        return cls(
            kpis=kpis,
            automatic=frozenset(automatic),
            influencers={p.influencer.name.strip().lower(): p.influencer_id for p in partnerships},
            codes={p.promo_code.upper(): p.pk for p in partnerships if p.promo_code},
            sources={slugify(p.influencer.name): p.influencer_id for p in partnerships},
            known_orders=frozenset(
                Redemption.objects.filter(partnership__campaign=campaign)
                .exclude(order_ref="")
                .values_list("order_ref", flat=True)
            ),
            visits_kpi=visits_kpi,
        )


def imported_note(line):
    return _("Imported from a file (line %(line)s)") % {"line": line}


@transaction.atomic
def save_measurements(owner, rows, kpis_by_id, source=Source.MANUAL):
    """Measurements from a generic file's rows."""
    Measurement.objects.bulk_create(
        Measurement(
            owner=owner,
            kpi=kpis_by_id[row.kpi_id],
            date=row.date,
            value=row.value,
            source=source,
            influencer_id=row.influencer_id,
            note=imported_note(row.line),
        )
        for row in rows
    )
    return len(rows)


@transaction.atomic
def save_orders(owner, rows):
    """Promo-code uses from a shop's orders (each order number once per partnership: the
    database refuses a second copy, and the whole import with it)."""
    return len(
        Redemption.objects.bulk_create(
            [
                Redemption(
                    owner=owner,
                    partnership_id=row.partnership_id,
                    date=row.date,
                    order_ref=row.order_ref,
                    revenue=row.revenue,
                    source=Source.SHOP,
                )
                for row in rows
            ]
        )
    )


@transaction.atomic
def save_visits(owner, visits_kpi, rows):
    """Website visits from an analytics export. Earlier analytics readings of the same day
    and influencer are replaced, so importing an overlapping export does not count twice."""
    if not rows:
        return 0, 0
    same_readings = Q()
    for row in rows:
        same_readings |= Q(date=row.date, influencer_id=row.influencer_id)
    replaced, _by_model = (
        Measurement.objects.filter(kpi=visits_kpi, source=Source.ANALYTICS)
        .filter(same_readings)
        .delete()
    )
    Measurement.objects.bulk_create(
        Measurement(
            owner=owner,
            kpi=visits_kpi,
            date=row.date,
            value=row.sessions,
            source=Source.ANALYTICS,
            influencer_id=row.influencer_id,
            note=imported_note(row.line),
        )
        for row in rows
    )
    return len(rows), replaced


def parse_file(kind, text, lookups, mapping=None, today=None):
    """Read an uploaded file of the given kind (``forms.ImportKind``) for a campaign.
    Returns an ``ImportResult``; ``BadFile`` for a file that cannot be read at all."""
    if kind == "generic":
        return importers.parse_generic(
            text, mapping or {}, lookups.kpis, lookups.influencers, lookups.automatic, today
        )
    if kind == "shopify":
        return importers.parse_shopify_orders(text, lookups.codes, lookups.known_orders)
    if lookups.visits_kpi is None:
        raise importers.BadFile(
            _(
                "This campaign does not track website visits. Add “Website visits” to its KPIs "
                "in the plan first."
            )
        )
    if is_automatic(lookups.visits_kpi):
        raise importers.BadFile(
            _(
                "This campaign counts website visits from its tracked links. To use Google "
                "Analytics instead, change where the numbers come from in the plan's tracking "
                "step."
            )
        )
    _report, result = importers.parse_analytics(text, lookups.sources)
    return result


def save_file(kind, owner, campaign, result, lookups):
    """Store a clean import's rows, all in one transaction. Returns how many were added."""
    if kind == "generic":
        return save_measurements(owner, result.rows, {kpi.pk: kpi for kpi in campaign.kpis.all()})
    if kind == "shopify":
        return save_orders(owner, result.rows)
    added, _replaced = save_visits(owner, lookups.visits_kpi, result.rows)
    return added
