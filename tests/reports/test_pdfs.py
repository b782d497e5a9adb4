"""The printable PDFs: what they say, which boxes are ticked, paper sizes, fonts, pages."""

from io import BytesIO

import pytest
from django.utils import timezone
from pypdf import PdfReader

from campaigns.models import ChecklistTick
from campaigns.plan.checklist import checklist_sections
from campaigns.plan.guide import ITEMS

from .conftest import pdf_text

pytestmark = pytest.mark.django_db

TICKED, EMPTY = "☑", "☐"


def line_of(text, item_text):
    """The line of extracted PDF text holding a checklist item (its box is at its start)."""
    start = text.index(item_text[:40])
    return text[text.rindex("\n", 0, start) + 1 : start + 40]


def test_personalised_checklist_prints_goal_plan_and_ticks(owner_client, campaign):
    ticked_key = "s5-record"
    ChecklistTick.objects.create(
        owner=campaign.owner, campaign=campaign, item_key=ticked_key, ticked_by=campaign.owner
    )
    response = owner_client.get(f"/campaigns/{campaign.pk}/checklist.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline; filename=")
    text = pdf_text(response.content)

    assert campaign.goal_sentence in text.replace("\n", " ")
    partnership = campaign.partnerships.select_related("influencer", "tracked_link").first()
    assert partnership.influencer.name in text
    assert partnership.promo_code in text
    assert partnership.tracked_link.slug in text
    assert "New customers" in text and "Link clicks" in text
    assert campaign.end_date.strftime("%-d %B %Y") in text

    states = {s.key: s for section in checklist_sections(campaign=campaign) for s in section.items}
    assert states[ticked_key].ticked
    assert line_of(text, ITEMS[ticked_key].text).startswith(TICKED)
    not_done = next(key for key, state in states.items() if not state.done)
    assert line_of(text, ITEMS[not_done].text).startswith(EMPTY)
    assert "Notes" in text


def test_blank_checklist_is_public_and_has_no_ticks(client):
    response = client.get("/checklist.pdf")
    assert response.status_code == 200
    text = pdf_text(response.content)
    for item in ITEMS.values():
        assert line_of(text, item.text).startswith(EMPTY)
    assert TICKED not in text


def test_report_pdf_has_goal_numbers_charts_and_roi(owner_client, campaign):
    response = owner_client.get(f"/campaigns/{campaign.pk}/report.pdf")
    text = pdf_text(response.content)
    assert campaign.goal_sentence in text.replace("\n", " ")
    assert "Numbers against target" in text
    assert "Steady pace to target" in text  # the chart legend, from the SVG charts
    assert "Is it worth the money?" in text
    assert "Industry figure, for reference" in text


@pytest.mark.parametrize(
    "query, size",
    [("", (595, 842)), ("?paper=a4", (595, 842)), ("?paper=letter", (612, 792))],
)
@pytest.mark.parametrize("path", ["/checklist.pdf", "/campaigns/{pk}/report.pdf"])
def test_paper_sizes(owner_client, campaign, path, query, size):
    response = owner_client.get(path.format(pk=campaign.pk) + query)
    for page in PdfReader(BytesIO(response.content)).pages:
        box = page.mediabox
        assert (round(float(box.width)), round(float(box.height))) == size


def test_fonts_are_embedded_and_pages_numbered(owner_client, campaign):
    response = owner_client.get(f"/campaigns/{campaign.pk}/report.pdf")
    reader = PdfReader(BytesIO(response.content))
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            fonts[str(font["/BaseFont"])] = "/FontFile2" in descriptor
    assert any("Microreach-Sans" in name for name in fonts)
    assert all(fonts.values()), fonts
    pages = len(reader.pages)
    assert pages >= 2
    for number, page in enumerate(reader.pages, start=1):
        assert f"{number} / {pages}" in page.extract_text()


def test_printed_on_date_is_today(owner_client, campaign):
    text = pdf_text(owner_client.get(f"/campaigns/{campaign.pk}/report.pdf").content)
    assert f"printed {timezone.localdate().strftime('%-d %B %Y')}" in text


def test_blank_checklist_is_rendered_once_per_paper_size(client, monkeypatch):
    from reports import pdf, views

    views.blank_checklist_pdf.cache_clear()
    renders = []
    real_render = pdf.render_pdf
    monkeypatch.setattr(
        pdf,
        "render_pdf",
        lambda *args, **kwargs: renders.append(kwargs["paper"]) or real_render(*args, **kwargs),
    )
    first = client.get("/checklist.pdf").content
    assert client.get("/checklist.pdf?paper=a4").content == first
    client.get("/checklist.pdf?paper=letter")
    client.get("/checklist.pdf?paper=letter")
    assert renders == ["a4", "letter"]


def test_amounts_in_the_influencer_table_are_printed_whole(owner_client, campaign):
    # A four-figure revenue, its cost and cost per customer in the report's narrow columns.
    from decimal import Decimal

    from tests.factories.kpis import RedemptionFactory

    partnership = campaign.partnerships.first()
    RedemptionFactory(partnership=partnership, revenue=Decimal("6577.93"), new_customer=True)
    text = pdf_text(owner_client.get(f"/campaigns/{campaign.pk}/report.pdf").content)
    table = text[text.index("Influencers side by side") : text.index("To follow up")]

    assert "£6,607.93" in table  # 30.00 before, as one run of text, not "£6,607." then "93"


@pytest.mark.parametrize("address", ["/checklist.pdf?paper=a3", "/checklist.pdf?paper=%00"])
def test_a_paper_size_we_do_not_print_on_gets_a_page_with_each_we_do(client, address):
    response = client.get(address)

    assert response.status_code == 400
    html = response.content.decode()
    assert "We print on A4 or US letter paper" in html
    assert 'href="?paper=a4"' in html and 'href="?paper=letter"' in html
