"""The hosted set-up: two app servers (gunicorn, two ports) on one PostgreSQL and one Redis.
A change made through one server is seen at once through the other: a click counted on one
shows on the dashboard drawn by the other, and a link changed on one sends the other's next
visitor to the new address. Runs in CI's PostgreSQL pass (it needs the database the servers
can share); Redis is at ``REDIS_TEST_URL`` (default database 15 on 127.0.0.1, clear of the
ones the job-runner tests take, one per test process)."""

import http.cookiejar
import os
import re
import urllib.error
import urllib.parse
import urllib.request

import pytest
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection

from bench.tracked_links import BROWSER_UA, running_server
from kpis.models import TrackedLink
from tests.factories.accounts import PASSWORD, UserFactory
from tests.reports.conftest import build_campaign
from tests.site_walk import PageForms

pytestmark = pytest.mark.django_db(transaction=True)

REDIS_TEST_URL = os.environ.get("REDIS_TEST_URL", "redis://127.0.0.1:6379/15")
PROJECT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


@pytest.fixture
def redis_cache():
    """The Redis database the servers share, emptied first."""
    import redis

    client = redis.Redis.from_url(REDIS_TEST_URL)
    try:
        client.flushdb()
    except redis.ConnectionError as error:
        pytest.fail(f"the two-server test needs Redis at {REDIS_TEST_URL}: {error}")
    yield client
    client.flushdb()


def server_environment():
    """The production profile, on this test's own PostgreSQL database."""
    database = connection.settings_dict
    url = "postgres://{user}{password}@{host}:{port}/{name}".format(
        user=urllib.parse.quote(database["USER"] or ""),
        password=f":{urllib.parse.quote(database['PASSWORD'])}" if database["PASSWORD"] else "",
        host=database["HOST"] or "127.0.0.1",
        port=database["PORT"] or 5432,
        name=database["NAME"],
    )
    environment = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    environment.update(
        DATABASE_URL=url,
        CACHE_URL=REDIS_TEST_URL,
        DJANGO_SETTINGS_MODULE="config.settings",
        DJANGO_DEBUG="0",
        LOG_LEVEL="WARNING",
        PYTHONPATH=PROJECT,
    )
    return environment


class Visitor:
    """A browser-like client: one cookie jar, redirects not followed."""

    class _NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    def __init__(self):
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), self._NoRedirect
        )

    def open(self, server, path, data=None):
        host, port = server
        request = urllib.request.Request(
            f"http://{host}:{port}{path}",
            data=urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None,
            headers={"User-Agent": BROWSER_UA},
        )
        try:
            response = self.opener.open(request, timeout=30)
        except urllib.error.HTTPError as answer:  # 3xx and 4xx come back as errors
            response = answer
        return response.status, response.headers, response.read().decode()

    def submit(self, server, path, **changes):
        """Fill the page's form as the browser shows it, change some fields, post it."""
        status, _headers, html = self.open(server, path)
        assert status == 200, (path, status)
        parser = PageForms()
        parser.feed(html)
        form = next(form for form in parser.forms if set(changes) <= set(form["fields"]))
        return self.open(server, form["action"] or path, {**form["fields"], **changes})


def now_values(html):
    """The "Now" figure of every KPI card: customers, link clicks, revenue."""
    return re.findall(r'<dd class="kpi-now">([^<]*)</dd>', html)


def clicks_now(html):
    return now_values(html)[1]


def test_a_change_through_one_server_is_seen_at_once_on_the_other(redis_cache):
    if connection.vendor != "postgresql":
        pytest.skip("two servers share a PostgreSQL database: run with DATABASE_URL=postgres://")
    owner = UserFactory()
    # The servers use the real password hasher, not the tests' fast one.
    owner.password = PBKDF2PasswordHasher().encode(PASSWORD, PBKDF2PasswordHasher().salt())
    owner.save()
    campaign = build_campaign(owner)
    link = TrackedLink.objects.filter(partnership__campaign=campaign).first()
    environment = server_environment()
    owner_browser, visitor = Visitor(), Visitor()

    with (
        running_server(environment, workers=1) as one,
        running_server(environment, workers=1) as two,
    ):
        assert one != two
        status, headers, _html = owner_browser.submit(
            one, "/accounts/login/", username=owner.email, password=PASSWORD
        )
        assert status == 302, "the owner could not log in"
        dashboard = f"/campaigns/{campaign.pk}/"
        assert clicks_now(owner_browser.open(one, dashboard)[2]) == "9"
        assert redis_cache.keys(f"*reports:dashboard:{campaign.pk}:*"), "drawn, not shared"

        status, headers, _html = visitor.open(two, f"/r/{link.slug}")
        assert status == 302 and headers["Location"].startswith(link.destination.split("?")[0])
        assert clicks_now(owner_browser.open(one, dashboard)[2]) == "10"
        assert clicks_now(owner_browser.open(two, dashboard)[2]) == "10"

        # A check-in leaves the owner's data version: the readings' own versions, kept by
        # the database, tell the other server.
        assert now_values(owner_browser.open(two, dashboard)[2])[0] == "8"
        customers = campaign.kpis.get(kind="customers")
        status, _headers, _html = owner_browser.submit(
            one, f"/campaigns/{campaign.pk}/measurements/", **{f"value_{customers.pk}": "4"}
        )
        assert status == 302, "the check-in was not saved"
        assert now_values(owner_browser.open(two, dashboard)[2])[0] == "12"

        edit = f"/campaigns/{campaign.pk}/links/{link.pk}/edit/"
        status, _headers, _html = owner_browser.submit(
            one, edit, destination="https://shop.example/summer"
        )
        assert status == 302, "the link was not saved"
        status, headers, _html = visitor.open(two, f"/r/{link.slug}")
        assert status == 302
        assert headers["Location"].startswith("https://shop.example/summer?")
