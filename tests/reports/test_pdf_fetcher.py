"""WeasyPrint may load only our own static files: every other address is refused unfetched."""

import logging
import socket

import pytest
from django.template import engines

from reports import pdf

CSS_URL = pdf.PDF_BASE_URL + "static/css/print.css"


def test_serves_our_static_files():
    response = pdf.StaticFilesOnlyFetcher()(CSS_URL)
    assert response.content_type == "text/css"
    assert b"@font-face" in response.read()


@pytest.mark.parametrize(
    "url",
    [
        "http://example.com/x.png",
        "https://example.com/static/css/print.css",
        "file:///etc/passwd",
        "file:///work/main/static/css/print.css",
        "data:image/png;base64,iVBORw0KGgo=",
        pdf.PDF_BASE_URL + "static/../config/settings.py",
        pdf.PDF_BASE_URL + "static/css/%2e%2e/%2e%2e/config/settings.py",
        pdf.PDF_BASE_URL + "static/css/does-not-exist.css",
        pdf.PDF_BASE_URL + "media/upload.png",
        pdf.PDF_BASE_URL + "static/css/print.css?v=1",
        "http://127.0.0.1:8000/static/css/print.css",
    ],
)
def test_refuses_every_other_url(url):
    with pytest.raises(pdf.RefusedURL):
        pdf.StaticFilesOnlyFetcher()(url)


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open a connection fails the test."""
    attempts = []

    def refuse(self, address):
        attempts.append(address)
        raise AssertionError(f"PDF rendering tried to connect to {address}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    return attempts


def test_rendering_refuses_outside_images_without_fetching(no_network, caplog, monkeypatch):
    opened = []
    real_open = open

    def watching_open(file, *args, **kwargs):
        opened.append(str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("builtins.open", watching_open)
    template = engines["django"].from_string(
        '{% extends "reports/pdf/base.html" %}{% block content %}'
        '<p>Hello</p><img src="http://example.com/x.png" alt="">'
        '<img src="file:///etc/passwd" alt=""><img src="/static/../../etc/hostname" alt="">'
        "{% endblock %}"
    )
    monkeypatch.setattr(
        pdf, "render_to_string", lambda name, context, request=None: template.render(context)
    )
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        content = pdf.render_pdf("ignored.html", {})
    assert content.startswith(b"%PDF")
    refused = [r.getMessage() for r in caplog.records if "RefusedURL" in r.getMessage()]
    assert any("http://example.com/x.png" in message for message in refused)
    assert any("file:///etc/passwd" in message for message in refused)
    assert no_network == []
    assert "/etc/passwd" not in opened
    assert not any(path.endswith("/etc/hostname") for path in opened)
    assert any(path.endswith("css/print.css") for path in opened)  # our own file was read
