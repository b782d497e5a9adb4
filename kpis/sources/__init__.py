"""Import sources, one module each, in one registry: what the upload page offers, and how
a file is recognised from its header when the owner does not say what it is.

To add a source: write its module (an ``ImportSource`` subclass: label, where to download
the file, ``recognises``, ``parse``, ``save``, ``describe``) and list it in ``SOURCES``.
Order matters for recognition: the first source that recognises a header takes the file,
so the owner's own spreadsheet, which recognises the most, comes last.
"""

from typing import Any

from accounts.reader import Table, header_positions

from .analytics import Analytics, UniversalAnalytics
from .base import ImportContext, ImportResult, ImportSource, summary
from .etsy import Etsy
from .generic import Generic
from .shopify import Shopify
from .shopify_discounts import ShopifyDiscounts
from .social import Facebook, Instagram, TikTok, YouTube
from .social_days import MetaAccountDays, TikTokOverview, YouTubeChart
from .square import Square
from .woocommerce import WooCommerce

SOURCES: tuple[ImportSource[Any], ...] = (
    Shopify(),
    ShopifyDiscounts(),
    WooCommerce(),
    Square(),
    Etsy(),
    Analytics(),
    UniversalAnalytics(),
    Instagram(),
    Facebook(),
    TikTok(),
    YouTube(),
    MetaAccountDays(),
    TikTokOverview(),
    YouTubeChart(),
    Generic(),
)
REGISTRY: dict[str, ImportSource[Any]] = {source.key: source for source in SOURCES}
# The upload page lists the owner's own spreadsheet first: it is the one everyone has.
CHOICES = [(source.key, source.label) for source in (SOURCES[-1], *SOURCES[:-1])]


def get(key: str) -> ImportSource[Any]:
    return REGISTRY[key]


def recognise(table: Table) -> ImportSource[Any] | None:
    """The source whose file this is, by its header (the first table's), or None."""
    candidates = [table.header]
    if len(table.records) > 1 and len(table.header) == 1:
        # A title line above the header (Meta Business Suite: the number's name).
        candidates.append(table.records[1].cells)
    if table.comments or len(table.records) > 1:
        # A GA file may open with a table without sessions; look at each table's header.
        previous = None
        for record in table.records:
            if previous is not None and record.row > previous + 1:
                candidates.append(record.cells)
            previous = record.row
    for header in candidates:
        positions = header_positions(header)
        for source in SOURCES:
            if source.recognises(positions):
                return source
    return None


def chosen(*, key: str, table: Table) -> ImportSource[Any]:
    """The source to read a file the owner said is ``key``'s with: that source, or another
    layout of the same product when the header is that layout's."""
    source = REGISTRY[key]
    if source.recognises(header_positions(table.header)):
        return source
    recognised = recognise(table)
    if recognised is not None and key in recognised.layout_of:
        return recognised
    return source


__all__ = [
    "chosen",
    "CHOICES",
    "REGISTRY",
    "ImportContext",
    "ImportResult",
    "ImportSource",
    "get",
    "recognise",
    "summary",
]
