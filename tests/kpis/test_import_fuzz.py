"""No file makes a server error: every source, on any bytes and on mangled real-shape files,
ends in a result or a plain message."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accounts import reader
from kpis import sources

from . import exports
from .import_context import campaign_context

REAL = [
    exports.render(*exports.shopify()),
    exports.render(*exports.woocommerce_analytics(), variant="semicolon"),
    exports.render(*exports.square(), variant="utf16"),
    exports.render(*exports.etsy(), variant="cp1252"),
    exports._ga4("fr", "bom"),
    exports.render(*exports.shopify_discounts(), variant="semicolon"),
    exports.meta_file("interactions"),
    exports.render(*exports.tiktok_overview(), variant="utf16"),
    exports.render(*exports.tiktok_followers(), variant="bom"),
    exports.render(*exports.youtube_chart(), variant="cp1252"),
]
# Every KPI a source can feed, so that no source stops at "this campaign does not track".
EVERY_KPI = {
    "customers": 101,
    "visits": 102,
    "followers": 103,
    "orders": 104,
    "revenue": 105,
    "reach": 106,
    "engagement": 107,
}


def every_source_reads(data):
    try:
        table = reader.read_table(data)
    except reader.BadFile as error:
        assert str(error)
        return
    sources.recognise(table)
    context = campaign_context(kpis_by_kind=EVERY_KPI)
    for source in sources.SOURCES:
        try:
            mapping = {"account": "12"} if source.asks_account else None
            result = source.read(table, context, mapping=mapping)
        except reader.BadFile as error:
            assert str(error)
        else:
            for row in result.rows:
                source.describe(row, context)
            sources.summary(result=result, source=source, context=context)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=3000))
def test_any_bytes(data):
    every_source_reads(data)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    original=st.sampled_from(REAL),
    cut=st.integers(min_value=0, max_value=4000),
    junk=st.binary(max_size=40),
    at=st.integers(min_value=0, max_value=4000),
)
def test_real_files_truncated_and_spliced(original, cut, junk, at):
    every_source_reads(original[:at] + junk + original[at:][: max(cut, 0)])


@pytest.mark.parametrize(
    "data",
    [
        exports.render(*exports.shopify()).replace(b",", b"|"),
        exports.render(*exports.shopify()).replace(b"\n", b"\x00\n"),
        b"Name,Total\n" + b'"' * 50_000 + b"\n",
        b"Name," * 100_000,
        b"Date,Sessions\n" + b"20261102,1e999999\n" + b"20261103,99999999999999999999999\n",
        b"Session source / medium,Sessions\n" + b"x / y,1\n" * 3,
        b"Name,Created at,Total,Discount Code\n#1,2026-11-02,NaN,MAYA10\n#2,9999-99-99,5,MAYA10\n",
        b"Day,Discount code,Orders,Total sales\n2026-11-02,MAYA10,1.5,-3\n,MAYA10,1e9,NaN\n",
        b"sep=,\nInstagram reach\nDate,Primary\nFebruary 30,1\n2026-11-02,99999999999\n",
        b'sep=;\n"sep=,"\n',
    ],
    ids=[
        "wrong-separator",
        "nul-bytes",
        "deep-quoting",
        "a-million-columns",
        "huge-numbers",
        "no-end-date",
        "bad-values",
        "bad-totals",
        "bad-days",
        "separator-lines-only",
    ],
)
def test_mangled_files(data):
    every_source_reads(data)
