"""The survey's printed card (A6, A5) and poster (A4, US letter): one page each, with the
survey's address written out and its QR code."""

import shutil
import subprocess
from io import BytesIO

import pytest
from django.conf import settings
from django.urls import reverse
from pypdf import PdfReader

from kpis.models import Survey
from tests.factories.campaigns import CampaignFactory

from .conftest import pdf_text

pytestmark = pytest.mark.django_db
MM = 72 / 25.4


@pytest.fixture
def campaign(owner):
    return CampaignFactory(owner=owner, status="active")


def page_size_mm(content):
    (page,) = PdfReader(BytesIO(content)).pages
    box = page.mediabox
    return round(float(box.width) / MM), round(float(box.height) / MM)


@pytest.mark.parametrize(("size", "mm"), [("a6", (105, 148)), ("a5", (148, 210))])
def test_the_card_is_one_page_of_its_size_with_the_address(owner_client, campaign, size, mm):
    response = owner_client.get(reverse("reports:survey_card", args=[campaign.pk]), {"size": size})

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert page_size_mm(response.content) == mm
    text = pdf_text(response.content)
    survey = Survey.objects.get(campaign=campaign)
    assert f"/s/{survey.slug}" in text
    assert "Tell us how you found us" in text


@pytest.mark.parametrize(("paper", "mm"), [("a4", (210, 297)), ("letter", (216, 279))])
def test_the_poster_on_a4_or_letter(owner_client, campaign, paper, mm):
    response = owner_client.get(
        reverse("reports:survey_poster", args=[campaign.pk]), {"paper": paper}
    )

    assert page_size_mm(response.content) == mm
    assert f"/s/{Survey.objects.get().slug}" in pdf_text(response.content)


def test_the_qr_code_is_drawn_in_the_pdf(owner_client, campaign):
    response = owner_client.get(reverse("reports:survey_card", args=[campaign.pk]))
    (page,) = PdfReader(BytesIO(response.content)).pages
    drawing = page.get_contents().get_data()

    # A QR code of a 30-odd character address is hundreds of drawn runs of modules.
    assert drawing.count(b" l") + drawing.count(b" re") > 100


def test_a_wrong_size_is_a_clear_400(owner_client, campaign):
    card = owner_client.get(reverse("reports:survey_card", args=[campaign.pk]), {"size": "a0"})
    poster = owner_client.get(reverse("reports:survey_poster", args=[campaign.pk]), {"paper": "a0"})

    assert card.status_code == poster.status_code == 400
    assert "?size=a6" in card.content.decode()


@pytest.mark.skipif(
    not (shutil.which("pdftoppm") and shutil.which("zbarimg")),
    reason="QR CHECK SKIPPED: needs pdftoppm (poppler-utils) and zbarimg (zbar-tools)",
)
@pytest.mark.parametrize("name", ["reports:survey_card", "reports:survey_poster"])
def test_the_printed_qr_code_reads_as_the_survey_address(owner_client, campaign, tmp_path, name):
    content = owner_client.get(reverse(name, args=[campaign.pk])).content
    (tmp_path / "card.pdf").write_bytes(content)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "150", tmp_path / "card.pdf", tmp_path / "card"], check=True
    )
    (image,) = tmp_path.glob("card*.png")

    read = subprocess.run(
        ["zbarimg", "--quiet", "--raw", image], capture_output=True, text=True, check=True
    )

    assert read.stdout.strip() == f"{settings.SITE_URL}/s/{Survey.objects.get().slug}"
