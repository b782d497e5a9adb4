"""Website visits as Google Analytics 4 downloads them, in four interface languages."""

import datetime
from dataclasses import dataclass

from .writing import CAMPAIGN_END, CAMPAIGN_START, render


@dataclass(frozen=True)
class Visits:
    date: datetime.date
    source: str  # session source / medium
    sessions: int


VISITS = (
    Visits(datetime.date(2026, 11, 2), "google / organic", 1240),
    Visits(datetime.date(2026, 11, 2), "bristol-bread-lover / influencer", 318),
    Visits(datetime.date(2026, 11, 2), "maya-cooks-clifton / influencer", 164),
    Visits(datetime.date(2026, 11, 3), "bristol-bread-lover / influencer", 1502),
    Visits(datetime.date(2026, 11, 3), "(direct) / (none)", 611),
    Visits(datetime.date(2026, 11, 3), "maya-cooks-clifton / instagram", 22),
    Visits(datetime.date(2026, 10, 1), "maya-cooks-clifton / influencer", 40),  # before
)
GA4_NAMES = {
    "en": (
        "Session source / medium",
        "Date",
        "Sessions",
        "Engaged sessions",
        "Grand total",
        "Start date",
        "End date",
    ),
    "fr": (
        "Source / support de la session",
        "Date",
        "Sessions",
        "Sessions avec engagement",
        "Total général",
        "Date de début",
        "Date de fin",
    ),
    "de": (
        "Sitzungsquelle/-medium",
        "Datum",
        "Sitzungen",
        "Sitzungen mit Interaktionen",
        "Gesamtsumme",
        "Startdatum",
        "Enddatum",
    ),
    "es": (
        "Fuente / medio de la sesión",
        "Fecha",
        "Sesiones",
        "Sesiones con interacción",
        "Total general",
        "Fecha de inicio",
        "Fecha de finalización",
    ),
}


def influencer_visits(visits=VISITS):
    """{(day, influencer name): sessions} the campaign counts, from the records."""
    slugs = {
        "bristol-bread-lover": "Bristol Bread Lover",
        "maya-cooks-clifton": "Maya Cooks Clifton",
    }
    totals = {}
    for visit in visits:
        name = slugs.get(visit.source.split(" / ")[0])
        if name and CAMPAIGN_START - datetime.timedelta(days=7) <= visit.date <= CAMPAIGN_END:
            totals[(visit.date, name)] = totals.get((visit.date, name), 0) + visit.sessions
    return totals


def ga4_preamble(language, *, start, end):
    names = GA4_NAMES[language]
    return [
        "# ----------------------------------------",
        "# Traffic acquisition: Session source / medium",
        "# Account: Rosie's Bakery",
        "# Property: rosies-bakery.example - GA4",
        "# ----------------------------------------",
        "#",
        "# All Users",
        f"# {names[5]}: {start:%Y%m%d}",
        f"# {names[6]}: {end:%Y%m%d}",
        "# ----------------------------------------",
    ]


def ga4_source_by_date(language="en", visits=VISITS):
    """Session source / medium with the secondary dimension Date, a Grand total row, and a
    second table (by date) after a blank row, as a GA4 report download holds."""
    names = GA4_NAMES[language]
    header = [names[0], names[1], names[2], names[3]]
    total = sum(visit.sessions for visit in visits)
    rows = [[names[4], "", total, total // 2]] + [
        [visit.source, visit.date.strftime("%Y%m%d"), visit.sessions, visit.sessions // 2]
        for visit in visits
    ]
    second = [[], [names[1], names[2]]] + [
        [visit.date.strftime("%Y%m%d"), visit.sessions] for visit in visits[:2]
    ]
    preamble = ga4_preamble(
        language, start=min(v.date for v in visits), end=max(v.date for v in visits)
    )
    return header, rows + second, preamble


def _ga4(language, variant):
    header, rows, preamble = ga4_source_by_date(language)
    return render(header, rows, variant=variant, preamble=preamble)
