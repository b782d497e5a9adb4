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
]


def every_source_reads(data):
    try:
        table = reader.read_table(data)
    except reader.BadFile as error:
        assert str(error)
        return
    sources.recognise(table)
    for source in sources.SOURCES:
        try:
            result = source.read(table, campaign_context())
        except reader.BadFile as error:
            assert str(error)
        else:
            for row in result.rows:
                source.describe(row, campaign_context())
            sources.summary(result, source, campaign_context())


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
    ],
    ids=[
        "wrong-separator",
        "nul-bytes",
        "deep-quoting",
        "a-million-columns",
        "huge-numbers",
        "no-end-date",
        "bad-values",
    ],
)
def test_mangled_files(data):
    every_source_reads(data)
