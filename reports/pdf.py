"""Printable PDFs, rendered by WeasyPrint from our own templates.

WeasyPrint may load only the app's own static files (fonts, print styles): any other address
(another website, a file on the server, a data: URL) is refused before anything is fetched,
so text an owner typed can never make the server read a file or call out to the network.
"""

import mimetypes
import posixpath
from typing import Any
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from weasyprint import CSS, HTML
from weasyprint.document import Document
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

# Relative addresses in our PDF templates resolve against this made-up origin; only its
# /static/ files are ever served, straight from the static folders on disk.
PDF_BASE_URL = "https://microreach.pdf/"

PAPER_SIZES = {"a4": "A4", "letter": "letter"}
DEFAULT_PAPER = "a4"
# Cards for a counter or a till, printed on their own size of paper (or cut from a sheet).
CARD_SIZES = {"a6": "A6", "a5": "A5"}
PAGE_SIZES = {**PAPER_SIZES, **CARD_SIZES}


class RefusedURL(ValueError):
    """WeasyPrint asked for something that is not one of our static files."""


class StaticFilesOnlyFetcher(URLFetcher):
    """Serves ``/static/...`` from the app's static folders and refuses every other URL."""

    def fetch(self, url, headers=None):
        path = static_path(url)
        absolute = finders.find(path) if path else None
        if not absolute:
            raise RefusedURL(f"PDF rendering may only load the app's static files, not {url!r}")
        content_type = mimetypes.guess_type(absolute)[0] or "application/octet-stream"
        with open(absolute, "rb") as static_file:
            body = static_file.read()
        return URLFetcherResponse(url, body, {"Content-Type": content_type})


def static_path(url):
    """The static file a URL names (``css/print.css``), or None when it names anything else."""
    parts = urlsplit(url)
    base = urlsplit(PDF_BASE_URL)
    if (parts.scheme, parts.netloc) != (base.scheme, base.netloc) or parts.query:
        return None
    prefix = "/" + settings.STATIC_URL.strip("/") + "/"
    if not parts.path.startswith(prefix):
        return None
    path = unquote(parts.path[len(prefix) :])
    normalised = posixpath.normpath(path)
    if normalised != path or normalised.startswith(("/", "..")):
        return None
    return path


def paper_from(request):
    """The paper size asked for (``?paper=a4`` or ``letter``); None when it is neither."""
    paper = request.GET.get("paper", DEFAULT_PAPER).strip().lower()
    return paper if paper in PAPER_SIZES else None


def bad_paper_response(request):
    """The site's page for a paper size we do not print on, with a link to each we do."""
    return render(request, "reports/unknown_paper.html", status=400)


def render_document(
    template_name: str,
    context: dict[str, Any],
    *,
    paper: str = DEFAULT_PAPER,
    request: HttpRequest | None = None,
) -> Document:
    """The laid-out WeasyPrint document of a template, on A4 or US letter paper (or a card)."""
    html = render_to_string(template_name, {**context, "paper": paper}, request=request)
    fetcher = StaticFilesOnlyFetcher()
    fonts = FontConfiguration()
    page_size = CSS(
        string=f"@page {{ size: {PAGE_SIZES[paper]}; }}",
        font_config=fonts,
        url_fetcher=fetcher,
    )
    document = HTML(string=html, base_url=PDF_BASE_URL, url_fetcher=fetcher)
    return document.render(stylesheets=[page_size], font_config=fonts)


def render_pdf(
    template_name: str,
    context: dict[str, Any],
    *,
    paper: str = DEFAULT_PAPER,
    request: HttpRequest | None = None,
) -> bytes:
    """The PDF bytes of a template."""
    return render_document(template_name, context, paper=paper, request=request).write_pdf()


def pdf_response(pdf_bytes, filename):
    """Shown in the browser's PDF viewer, saved under a sensible name when downloaded."""
    response = HttpResponse(pdf_bytes, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
