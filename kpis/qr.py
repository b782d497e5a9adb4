"""QR codes as inline SVG markup, for pages and printed PDFs (no file, no data: address)."""

import io

import segno
from django.utils.safestring import mark_safe


def qr_svg(url, *, title=""):
    """An SVG QR code of ``url`` that scales to its box (segno escapes the title)."""
    out = io.BytesIO()
    segno.make(url, error="m").save(
        out, kind="svg", border=2, xmldecl=False, svgclass="qr", title=title or None, omitsize=True
    )
    return mark_safe(out.getvalue().decode())  # segno's own markup of a URL we built
