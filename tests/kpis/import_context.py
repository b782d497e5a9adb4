"""An ImportContext for the source tests, built by hand (no database): the campaign of
``tests.kpis.exports``, two partners with their codes and tracked-link sources."""

import datetime

from kpis import cells
from kpis.sources import ImportContext

from .exports import CAMPAIGN_END, CAMPAIGN_START

PARTNERSHIPS = {"BREADLOVER": 1, "MAYA10": 2}
INFLUENCERS = {"Bristol Bread Lover": 11, "Maya Cooks Clifton": 12}


def campaign_context(**overrides):
    values = {
        "kpis": {"customers": 101, "new customers": 101, "followers": 103},
        "kpis_by_kind": {"customers": 101, "visits": 102, "followers": 103},
        "automatic": frozenset(),
        "automatic_kinds": frozenset(),
        "influencers": {name.lower(): pk for name, pk in INFLUENCERS.items()},
        "influencer_names": {pk: name for name, pk in INFLUENCERS.items()},
        "partner_names": {1: "Bristol Bread Lover", 2: "Maya Cooks Clifton"},
        "codes": dict(PARTNERSHIPS),
        "sources": {"bristol-bread-lover": 11, "maya-cooks-clifton": 12},
        "handles": {},
        "known_orders": frozenset(),
        "start": CAMPAIGN_START,
        "end": CAMPAIGN_END,
        "today": datetime.date(2026, 12, 1),
        "currency": "GBP",
        "day_first": cells.default_day_first("GBP"),
    }
    values.update(overrides)
    return ImportContext(**values)
