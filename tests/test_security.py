"""Production security: deploy checks, error pages, CSP, login attempt limiting."""

import csv
import io
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.test import Client, RequestFactory, override_settings
from django.urls import include, path, reverse

from accounts.backends import client_address
from accounts.signup import finish_path as signup_finish_path
from tests.accounts.owned_world import build_world
from tests.site_walk import fill, model_for, page_forms, snapshot, walk, word_candidates

BASE_DIR = Path(settings.BASE_DIR)


def boom(request):
    raise RuntimeError("secret-internal-detail 42")


def forbidden(request):
    raise PermissionDenied


# A test-only URLconf (used through override_settings): the site plus views that fail on purpose.
urlpatterns = [path("boom/", boom), path("forbidden/", forbidden), path("", include("config.urls"))]


def run_manage(*args, **env):
    """Runs manage.py in a fresh process, the way a server would start, with ``env`` on top
    of a clean production-less environment."""
    base = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


PRODUCTION = {
    "DJANGO_ENV": "production",
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(60),
    "DJANGO_ALLOWED_HOSTS": "example.com",
}


def test_deploy_check_is_clean_under_production_settings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "System check identified no issues" in output
    assert "WARNING" not in output


def test_development_settings_would_fail_the_deploy_check():
    """Proves the check above can fail: without production settings Django warns."""
    result = run_manage("check", "--deploy", "--fail-level", "WARNING")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "security.W004" in output  # no HSTS
    assert "security.W018" in output  # DEBUG on


def test_production_refuses_to_start_without_a_secret_key():
    result = run_manage("check", **{**PRODUCTION, "DJANGO_SECRET_KEY": ""})
    assert result.returncode != 0
    assert "Set DJANGO_SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = run_manage("check", **{**PRODUCTION, "DJANGO_ALLOWED_HOSTS": ""})
    assert result.returncode != 0
    assert "Set DJANGO_ALLOWED_HOSTS" in result.stderr


def test_production_turns_on_https_only_settings():
    code = (
        "from django.conf import settings as s; "
        "print(s.DEBUG, s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE,"
        " s.CSRF_COOKIE_SECURE, s.ALLOWED_HOSTS, s.STORAGES['staticfiles']['BACKEND'])"
    )
    result = run_manage("shell", "--verbosity", "0", "-c", code, **PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split(" ", 5)[:5] == ["False", "True", "31536000", "True", "True"]
    assert "['example.com']" in result.stdout
    assert "CompressedManifestStaticFilesStorage" in result.stdout


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/", "/accounts/login/", "/accounts/signup/"])
def test_pages_carry_a_content_security_policy_without_inline_code(client, url):
    policy = client.get(url)["Content-Security-Policy"]
    directives = dict(
        (part.split()[0], part.split()[1:]) for part in policy.split(";") if part.strip()
    )
    assert "'unsafe-inline'" not in policy
    assert "'unsafe-eval'" not in policy
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]


def template_files():
    roots = [BASE_DIR / "templates"] + [
        BASE_DIR / app / "templates"
        for app in ("accounts", "influencers", "campaigns", "kpis", "reports")
    ]
    return sorted(file for root in roots if root.exists() for file in root.rglob("*.html"))


INLINE_CODE = [
    (
        re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/(ld\+)?json)[^>]*>", re.I),
        "inline <script>",
    ),
    (re.compile(r"\sstyle\s*=", re.I), "style= attribute"),
    (re.compile(r"<style[\s>]", re.I), "<style> element"),
    (re.compile(r"\son(click|change|submit|load|input|keyup|keydown)\s*=", re.I), "on...= handler"),
]


def test_no_template_holds_inline_script_or_style():
    """The CSP would block them in the browser; find them before a user does."""
    offences = [
        f"{file.relative_to(BASE_DIR)}: {what}"
        for file in template_files()
        for pattern, what in INLINE_CODE
        if pattern.search(file.read_text())
    ]
    assert template_files(), "no templates found: the scan would pass vacuously"
    assert not offences, "inline code the CSP will block:\n" + "\n".join(offences)


@pytest.mark.django_db
def test_unknown_address_shows_the_404_page_in_the_site_layout(client):
    assert settings.DEBUG is False
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "We can’t find that page" in page
    assert 'class="navbar' in page and "Microreach" in page
    assert "css/app.css" in page


@pytest.mark.django_db
def test_signed_in_owner_gets_a_way_back_to_campaigns_from_the_404_page(owner_client):
    page = owner_client.get("/no-such-page/").content.decode()
    assert reverse("reports:portfolio") in page


@pytest.mark.django_db
@override_settings(ROOT_URLCONF=__name__)
def test_a_crash_shows_the_500_page_without_any_detail():
    client = Client(raise_request_exception=False)
    response = client.get("/boom/")
    assert response.status_code == 500
    page = response.content.decode()
    assert "Something went wrong on our side" in page
    assert "css/app.css" in page
    for leak in ("Traceback", "secret-internal-detail", "RuntimeError", "settings.py"):
        assert leak not in page


@pytest.mark.django_db
@override_settings(ROOT_URLCONF=__name__)
def test_forbidden_shows_the_403_page_in_the_site_layout(client):
    response = client.get("/forbidden/")
    assert response.status_code == 403
    assert "You can’t open this page" in response.content.decode()


@pytest.mark.django_db
def test_five_wrong_passwords_lock_the_login_with_a_clear_message(client, owner, password):
    assert settings.AXES_FAILURE_LIMIT == 5
    for attempt in range(4):
        response = client.post(reverse("login"), {"username": owner.email, "password": "wrong"})
        assert response.status_code == 200, f"attempt {attempt + 1} was already locked"
        assert "do not match an account" in response.content.decode()

    # The fifth, typed in capitals, counts against the same e-mail.
    response = client.post(reverse("login"), {"username": owner.email.upper(), "password": "wrong"})
    assert response.status_code == 429
    assert "Too many login attempts" in response.content.decode()
    assert "paused for 15 minutes" in response.content.decode()
    assert "reset your password" in response.content.decode()

    # Now even the right password is refused, and nobody is logged in.
    response = client.post(reverse("login"), {"username": owner.email, "password": password})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_the_lockout_message_says_how_long_the_pause_is(client, owner, settings):
    settings.AXES_COOLOFF_TIME = 1.5  # hours
    for _attempt in range(5):
        response = client.post(reverse("login"), {"username": owner.email, "password": "wrong"})
    assert "paused for 90 minutes" in response.content.decode()


@pytest.mark.django_db
def test_a_lockout_does_not_stop_other_owners(client, owner, other_owner, password):
    for _attempt in range(5):
        client.post(reverse("login"), {"username": owner.email, "password": "wrong"})
    response = client.post(reverse("login"), {"username": other_owner.email, "password": password})
    assert response.status_code == 302


@pytest.mark.django_db
def test_a_successful_login_resets_the_count(client, owner, password):
    for _attempt in range(4):
        client.post(reverse("login"), {"username": owner.email, "password": "wrong"})
    assert (
        client.post(reverse("login"), {"username": owner.email, "password": password}).status_code
        == 302
    )
    client.post(reverse("logout"))
    response = client.post(reverse("login"), {"username": owner.email, "password": "wrong"})
    assert response.status_code == 200


@pytest.mark.django_db
def test_test_client_login_still_works_beside_the_attempt_limit(client, owner, password):
    assert client.login(username=owner.email, password=password)
    assert not client.login(username=owner.email, password="wrong")


@pytest.mark.parametrize(
    "proxies, forwarded, expected",
    [
        (0, "6.6.6.6", "10.0.0.1"),  # no proxy: a typed header is ignored
        (1, "6.6.6.6, 203.0.113.7", "203.0.113.7"),  # the visitor typed the first one
        (2, "203.0.113.7, 10.0.0.9", "203.0.113.7"),
        (2, "10.0.0.9", "10.0.0.1"),  # fewer entries than proxies: not trusted
    ],
)
def test_client_address_trusts_only_the_configured_proxies(proxies, forwarded, expected):
    request = RequestFactory().get("/", HTTP_X_FORWARDED_FOR=forwarded, REMOTE_ADDR="10.0.0.1")
    with override_settings(TRUSTED_PROXY_COUNT=proxies):
        assert client_address(request) == expected


@pytest.mark.django_db
@pytest.mark.parametrize("weak", ["password", "12345678901", "short7"])
def test_sign_up_refuses_weak_passwords(client, weak):
    response = client.post(
        signup_finish_path("new@example.com"),
        {
            "business_name": "Bike shop",
            "currency": "GBP",
            "password1": weak,
            "password2": weak,
        },
    )
    assert response.status_code == 200
    assert not get_user_model().objects.filter(email="new@example.com").exists()
    assert "password" in response.content.decode().lower()


def site_responses(client, world):
    """(address, response) for a GET of every address of the site, its ids taken from
    ``world`` (export addresses once per format)."""
    for walked in walk():
        values = {}
        for name in walked.converters:
            model = model_for(name, walked.route) if name in walked.id_kwargs else None
            values[name] = world[model].pk if model else word_candidates(name)[0]
        if "(" in walked.route or "^" in walked.route:
            continue
        formats = ("csv", "xlsx") if any("format" in name for name in values) else (None,)
        for export_format in formats:
            values.update({name: export_format for name in values if "format" in name})
            address = fill(walked.route, values)
            yield address, client.get(address)


def html_pages(client, world):
    for address, response in site_responses(client, world):
        if response.status_code == 200 and "text/html" in response.get("Content-Type", ""):
            yield address, response


def upload_pages(client, world):
    """(page path, form) for every page of the site that offers a file upload."""
    return [
        (address, form)
        for address, response in html_pages(client, world)
        for form in page_forms(response)
        if form["files"]
    ]


BAD_FILES = {
    # Bytes no text encoding we accept can read (0x81 is undefined even in Windows-1252).
    "not text": b"name,platform,handle\n\x81\x8d\x8f\x90\x9d,\xff\xfe\x00\x81\n",
    "empty": b"",
    "a picture": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
}
ERROR_MARKERS = ("invalid-feedback", "alert-danger", "errorlist", "is-invalid")


def post_upload(client, page_path, form, content, filename="data.csv"):
    data = dict(form["fields"])
    for name in form["files"]:
        data[name] = SimpleUploadedFile(filename, content, content_type="text/csv")
    return client.post(form["action"] or page_path, data)


@pytest.mark.django_db
def test_every_upload_form_answers_bad_files_with_a_message_and_saves_nothing(owner, owner_client):
    """Found from the site itself: every page with a file input, sent files it must refuse."""
    owner_client.raise_request_exception = False
    pages = upload_pages(owner_client, build_world(owner))
    assert len(pages) >= 2, f"expected the roster and measurement imports, found {pages}"
    too_big = b"name,platform,handle\n" + b"Ann,instagram,ann\n" * (
        settings.MAX_UPLOAD_BYTES // 18 + 10
    )
    limit = f"{settings.MAX_UPLOAD_BYTES / 1_048_576:.1f} MB"
    problems = []
    for page_path, form in pages:
        for what, content in {**BAD_FILES, "too big": too_big}.items():
            before = snapshot()
            response = post_upload(owner_client, page_path, form, content)
            page = response.content.decode(errors="replace")
            if response.status_code != 200:
                problems.append(f"{page_path}: a {what} file gave {response.status_code}")
            elif not any(marker in page for marker in ERROR_MARKERS):
                problems.append(f"{page_path}: a {what} file shows no error")
            elif what == "too big" and limit not in page:
                problems.append(f"{page_path}: the refusal of a big file does not say {limit}")
            if snapshot() != before:
                problems.append(f"{page_path}: a {what} file changed the database")
    assert not problems, "\n".join(problems)


@pytest.mark.django_db
def test_a_stale_form_gets_a_plain_explanation_in_the_layout(owner, password):
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("login"), {"username": owner.email, "password": password})
    assert response.status_code == 403
    page = response.content.decode()
    assert "Please send that again" in page
    assert "css/app.css" in page
    assert "<style" not in page  # Django's own page has inline style, which the CSP blocks


# A formula at the start, and one after a semicolon (a new cell in semicolon locales).
FORMULA = "=1+1;=2+2"


def poison(world):
    """Every free-text field of every owned row starts with a spreadsheet formula."""
    for row in world.values():
        for field in row._meta.concrete_fields:
            free_text = isinstance(field, models.CharField | models.TextField)
            typed = isinstance(field, models.SlugField | models.URLField | models.EmailField)
            if free_text and not typed and not field.choices and not field.primary_key:
                setattr(row, field.attname, FORMULA)
        row.save()


def spreadsheet_cells(response):
    """The text cells of a CSV or XLSX response, or None when it is neither."""
    kind = response.get("Content-Type", "")
    if "csv" in kind:
        return [cell for row in csv.reader(io.StringIO(response.content.decode())) for cell in row]
    if "spreadsheetml" in kind:
        book = openpyxl.load_workbook(io.BytesIO(response.content))
        # A text cell marked "quote prefix" shows and stays as typed: as Excel shows "'=1+1".
        return [
            f"{FORMULA_MARK}{cell.value}"
            if cell.data_type == "f"
            else f"'{cell.value}"
            if cell.quotePrefix
            else cell.value
            for sheet in book.worksheets
            for row in sheet.iter_rows()
            for cell in row
            if isinstance(cell.value, str)
        ]
    return None


FORMULA_MARK = "formula:"
EXPORT_LINK = re.compile(r'href="([^"]*(?:_export=|\.csv|\.xlsx)[^"]*)"')
NUMBER = re.compile(r"^[+-]?[\d.,]+%?$")


def is_formula(cell):
    return cell.startswith((FORMULA_MARK, "=", "@", "\t", "\r")) or (
        cell.startswith(("+", "-")) and not NUMBER.match(cell)
    )


def is_csv_formula(cell):
    """Also a formula after a semicolon or tab, where a CSV cell may be split in two."""
    return is_formula(cell) or bool(re.search(r"[;\t][=+\-@]", cell))


@pytest.mark.django_db
def test_every_spreadsheet_the_site_offers_neutralises_formulas(owner, owner_client):
    """Found from the site: every CSV/XLSX address and every export link on its pages."""
    world = build_world(owner)
    poison(world)
    owner_client.raise_request_exception = False
    exports, offenders, neutralised = set(), [], 0
    for address, response in site_responses(owner_client, world):
        if spreadsheet_cells(response) is not None:
            exports.add(address)
        elif "html" in response.get("Content-Type", ""):
            exports.update(EXPORT_LINK.findall(response.content.decode()))
    for address in sorted(exports):
        response = owner_client.get(address.replace("&amp;", "&"))
        cells = spreadsheet_cells(response)
        if cells is None:
            continue
        check = is_csv_formula if "csv" in response["Content-Type"] else is_formula
        offenders += [f"{address}: {cell!r}" for cell in cells if check(cell)]
        neutralised += sum(cell.startswith("'=") for cell in cells)
    assert len(exports) >= 4, f"expected the roster and campaign exports, found {exports}"
    assert neutralised, "no poisoned cell came out at all: the check proves nothing"
    assert not offenders, "cells a spreadsheet would run:\n" + "\n".join(offenders)


@pytest.mark.django_db
def test_no_page_of_the_site_carries_inline_script_or_style(owner, owner_client):
    """The template scan above misses third-party templates (forms, tables); this reads
    every page the site serves, as the browser would get it."""
    owner_client.raise_request_exception = False
    offences, pages = [], 0
    for address, response in html_pages(owner_client, build_world(owner)):
        pages += 1
        page = response.content.decode()
        offences += [f"{address}: {what}" for pattern, what in INLINE_CODE if pattern.search(page)]
    assert pages >= 20, f"only {pages} pages read: the walk is broken"
    assert not offences, "inline code the CSP will block:\n" + "\n".join(offences)
