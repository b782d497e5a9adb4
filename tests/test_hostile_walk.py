"""Every field of every form gets what an attacker or a slip of the keyboard would type: markup
and htmx attributes, spreadsheet formulas (also after ";" and a tab), 10,000 characters, NUL,
negative and huge numbers, the year 9999. No answer may be a 500, and what was saved must come
out as text everywhere: in every page, the report PDF, the CSV and XLSX exports and the
calendar file.
"""

import csv
import io
import json
import re
import subprocess
import tempfile
from html.parser import HTMLParser

import openpyxl
import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import Client

from tests.site_walk import PageForms
from tests.test_round_trip import post_forms, rich_world
from tests.test_security import is_csv_formula, is_formula, site_responses

pytestmark = pytest.mark.django_db

MARKUP = '=1+1;=2+2\t@SUM(1)<b hx-get="/x" id=hostile>'
# In a text area also a line of its own, which a calendar file must not take as a property.
MULTILINE = MARKUP + "\r\nX-HOSTILE:1"
ROUNDS = [
    ("text", "a" * 10_000),
    ("text", "nul\x00byte"),
    ("number", "-5"),
    ("number", "1e308"),
    ("number", "9" * 40),
    ("date", "9999-12-31"),
    ("date", "0001-01-01"),
    ("url", "javascript:alert(1)"),
    ("url", 'https://shop.example/"><b hx-get="/x">'),
    ("email", MARKUP),
]
# Free text; e-mail addresses and web addresses are tried on their own (markup makes them
# invalid, and the form would then save nothing of the rest).
TEXT_TYPES = {"text", "search", "tel", "textarea"}
EXTRA_ROW = re.compile(r"-(\d+|__prefix__)-")
NUMBER = re.compile(r"[\d.,]+")
# Forms that ask for a password or delete things: not the walk's business.
LEFT_OUT = ("delete", "password", "logout")


class TypedForms(PageForms):
    """The forms of a page, with the type of each input (textarea, date, number, ...)."""

    def handle_starttag(self, tag, attrs):
        super().handle_starttag(tag, attrs)
        named = dict(attrs)
        if self._form is not None and named.get("name") and tag in ("input", "textarea"):
            kind = "textarea" if tag == "textarea" else named.get("type", "text")
            self._form.setdefault("types", {})[named["name"]] = kind


def typed_forms(response):
    parser = TypedForms()
    parser.feed(response.content.decode(errors="replace"))
    return parser.forms


def kind_of(form, name):
    """What a field holds, as far as the page tells: text, number, date, url, email; None
    for choices, hidden fields and the empty rows a formset adds."""
    kind = form.get("types", {}).get(name)
    value = form["fields"].get(name)
    if name in form["choices"] or kind in (None, "hidden", "checkbox", "radio"):
        return None
    if EXTRA_ROW.search(name) and not value:
        return None
    if kind in TEXT_TYPES and isinstance(value, str) and NUMBER.fullmatch(value):
        return "number"  # a count typed as text, so phones keep the "k" of "12.3k"
    return "text" if kind in TEXT_TYPES else kind


def hostile(form, kind, value):
    data = dict(form["fields"])
    for name in data:
        field_kind = kind_of(form, name)
        if field_kind == kind:
            multiline = form["types"].get(name) == "textarea" and value is MARKUP
            data[name] = MULTILINE if multiline else value
    return data


class HtmxElements(HTMLParser):
    """The elements of a page that carry htmx attributes, as a browser (and htmx) reads it."""

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        if any(name.startswith(("hx-", "data-hx-")) for name, _value in attrs):
            self.found.append((tag, dict(attrs)))


def hostile_htmx(body):
    """Elements whose htmx attributes came from what was typed (``MARKUP``'s element)."""
    parser = HtmxElements()
    parser.feed(body.decode(errors="replace"))
    return [
        f"<{tag} {attrs}>"
        for tag, attrs in parser.found
        if attrs.get("id") == "hostile" or "/x" in attrs.values()
    ]


def pdf_text(content):
    with tempfile.NamedTemporaryFile(suffix=".pdf") as pdf:
        pdf.write(content)
        pdf.flush()
        return subprocess.run(
            ["pdftotext", pdf.name, "-"], capture_output=True, text=True, check=True
        ).stdout


def leaks(address, response):
    """Where hostile input came out as something other than text."""
    kind = response.get("Content-Type", "")
    body = response.content
    if "html" in kind:
        return (["markup"] if b"<b hx-get" in body else []) + hostile_htmx(body)
    if "csv" in kind:
        rows = csv.reader(io.StringIO(body.decode("utf-8-sig")))
        return [cell for row in rows for cell in row if is_csv_formula(cell)]
    if "spreadsheetml" in kind:
        book = openpyxl.load_workbook(io.BytesIO(body))
        return [
            cell.value
            for sheet in book.worksheets
            for row in sheet.iter_rows()
            for cell in row
            if cell.data_type == "f"
            or (isinstance(cell.value, str) and is_formula(cell.value) and not cell.quotePrefix)
        ]
    if "calendar" in kind:
        return [line for line in body.decode().splitlines() if line.startswith("X-HOSTILE")]
    return []


def test_hostile_input_breaks_nothing_and_comes_out_as_text(owner):
    world = rich_world(owner)
    client = Client(raise_request_exception=False)
    client.force_login(owner)
    forms = [
        found
        for found in post_forms(client, world, parse=typed_forms)
        if not any(word in found[2] for word in LEFT_OUT)
    ]
    crashes, saved = [], 0
    # Values a form may refuse: tried one round at a time, each undone afterwards.
    for _path, action, name, form in forms:
        for kind, value in ROUNDS:
            if not any(kind_of(form, field) == kind for field in form["fields"]):
                continue
            with transaction.atomic():
                response = client.post(action, hostile(form, kind, value))
                transaction.set_rollback(True)
            cache.clear()  # the one-time tokens it spent were undone with the rows
            if response.status_code >= 500:
                crashes.append(
                    f"{name} {action} with {kind} {value[:20]!r}: {response.status_code}"
                )
    # Markup and formulas are valid text: they are kept, to be read back everywhere below.
    for _path, action, name, form in forms:
        response = client.post(action, hostile(form, "text", MARKUP))
        saved += response.status_code == 302
        if response.status_code >= 500:
            crashes.append(f"{name} {action} with markup: {response.status_code}")
    assert saved >= 5, "hardly any form took the markup: the walk proves nothing"

    leaked, shown_as_text = [], 0
    for address, response in site_responses(client, world):
        if response.status_code >= 500:
            crashes.append(f"GET {address}: {response.status_code}")
        leaked += [f"{address}: {leak!r}"[:200] for leak in leaks(address, response)]
        shown_as_text += b"&lt;b hx-get" in response.content
        if response.get("Content-Type") == "application/pdf" and "report" in address:
            assert 'hx-get="/x"' in pdf_text(response.content), "the PDF dropped or ran markup"
    assert not crashes, "\n".join(crashes)
    assert not leaked, "hostile input that came out as markup or formulas:\n" + "\n".join(leaked)
    assert shown_as_text >= 5


def test_hostile_htmx_is_found_where_it_would_run():
    """Proves the check can fail: typed markup that reached the page as an element."""
    assert hostile_htmx(MARKUP.encode())
    assert not hostile_htmx(b'<p hx-disable>&lt;b hx-get="/x"&gt;</p><b hx-post="/ok">')


def test_htmx_runs_no_script_or_eval_and_asks_only_this_site(client):
    page = client.get("/").content.decode()
    (config,) = re.findall(r'<meta name="htmx-config" content=\'([^\']*)\'>', page)
    assert json.loads(config) | {
        "allowEval": False,
        "allowScriptTags": False,
        "selfRequestsOnly": True,
    } == json.loads(config)
