"""Whatever an owner types (markup, emoji, endless words) is shown as text, never run, and
wraps inside the page in HTML and in the PDFs."""

import pytest
from weasyprint.formatting_structure.boxes import TextBox

from campaigns.plan.checklist import checklist_sections
from reports import pdf
from reports.services import campaign_dashboard, campaign_timeline, checklist_details

from .conftest import build_campaign, pdf_text

pytestmark = pytest.mark.django_db

LONG_WORD = "Supercalifragilistic" * 10  # 200 characters, no space to break at
HOSTILE = f"<script>alert(1)</script> 🍞 {LONG_WORD}"


@pytest.fixture
def hostile_campaign(owner):
    campaign = build_campaign(
        owner,
        name=f"<b>Bread</b> {LONG_WORD}"[:120],
        goal_sentence=HOSTILE,
        adjustment_action=HOSTILE,
    )
    partnership = campaign.partnerships.first()
    partnership.influencer.name = f"<img src=x onerror=alert(1)> {LONG_WORD}"[:120]
    partnership.influencer.save()
    return campaign


def test_dashboard_escapes_owner_text(owner_client, hostile_campaign):
    html = owner_client.get(f"/campaigns/{hostile_campaign.pk}/").content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; 🍞" in html
    assert "<img src=x" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<b>Bread</b>" not in html
    # The goal and the owner's own rule sit in elements that wrap anywhere.
    assert 'goal-sentence text-break-anywhere" hx-disable>&lt;script&gt;' in html
    assert 'owner-rule text-break-anywhere"' in html


def test_portfolio_escapes_owner_text(owner_client, hostile_campaign):
    html = owner_client.get("/campaigns/").content.decode()
    assert "<b>Bread</b>" not in html
    assert "&lt;b&gt;Bread&lt;/b&gt;" in html


def text_overflow(document):
    """Text boxes that run past the right edge of the printable area, as (text, overflow)."""
    overflowing = []
    for page in document.pages:
        root = page._page_box.children[0]
        right_edge = root.content_box_x() + root.width
        for box in page._page_box.descendants():
            if isinstance(box, TextBox):
                overflow = box.position_x + box.width - right_edge
                if overflow > 0.5:
                    overflowing.append((box.text[:30], overflow))
    return overflowing


def long_word_pieces(document):
    return sum(
        1
        for page in document.pages
        for box in page._page_box.descendants()
        if isinstance(box, TextBox) and "Supercalifragilistic"[:8] in box.text
    )


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_report_pdf_prints_owner_text_as_text_and_wraps_it(rf, hostile_campaign, paper):
    request = rf.get("/")
    request.user = hostile_campaign.owner
    from reports.views import dashboard_context

    context = dashboard_context(request, hostile_campaign)
    context["business"] = hostile_campaign.owner.business
    document = pdf.render_document("reports/pdf/report.html", context, paper=paper)
    assert text_overflow(document) == []
    assert long_word_pieces(document) > 2  # the 200-letter word was broken over lines
    text = pdf_text(document.write_pdf())
    assert "<script>alert(1)</script> 🍞" in text.replace("\n", " ")
    assert "<img src=x onerror=alert(1)>" in text.replace("\n", " ")
    assert LONG_WORD in text.replace("\n", "")


def test_checklist_pdf_prints_owner_text_as_text_and_wraps_it(hostile_campaign):
    context = {
        "campaign": hostile_campaign,
        "business": hostile_campaign.owner.business,
        "sections": checklist_sections(campaign=hostile_campaign),
        "details": checklist_details(campaign=hostile_campaign),
        "timeline": campaign_timeline(campaign=hostile_campaign),
    }
    document = pdf.render_document("reports/pdf/checklist.html", context)
    assert text_overflow(document) == []
    text = pdf_text(document.write_pdf())
    assert "<script>alert(1)</script> 🍞" in text.replace("\n", " ")
    assert LONG_WORD in text.replace("\n", "")


def test_overflow_check_can_fail(hostile_campaign):
    """Without our wrapping rule the long word runs off the page, and the check sees it."""
    context = {
        "campaign": hostile_campaign,
        "dashboard": campaign_dashboard(campaign=hostile_campaign),
    }
    original = pdf.render_to_string

    def without_wrapping(name, ctx, request=None):
        return original(name, ctx, request).replace(
            "</head>", "<style>* { overflow-wrap: normal !important; }</style></head>"
        )

    pdf.render_to_string = without_wrapping
    try:
        document = pdf.render_document("reports/pdf/report.html", context)
    finally:
        pdf.render_to_string = original
    assert text_overflow(document)
