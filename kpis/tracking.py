"""The rules of a tracked link visit, as plain functions: where it goes, who is a person.

Our UTM tags win over tags of the same name already in the destination: the link exists to
say which influencer sent the visitor, and the Google Analytics import matches visits to
influencers by exactly these values. The destination's other parameters and its fragment
are kept, in their order, and no key appears twice.
"""

import hashlib
import hmac
import re
from functools import lru_cache
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.conf import settings
from django.utils.text import slugify

UTM_MEDIUM = "influencer"

# Link-preview fetchers, search crawlers and scripts: stored, but never counted as people.
# Command-line and library clients (curl, wget, python, Go) count as bots too: a person
# following an influencer's link does it in a browser or an app's browser. Plain substring
# tests (on the lower-cased user agent) are ~40 times faster than one big regular expression.
BOT_MARKERS = (
    "crawl",
    "spider",
    "slurp",
    "facebookexternalhit",
    "facebot",
    "twitterbot",
    "slackbot",
    "whatsapp",
    "telegrambot",
    "discordbot",
    "linkedinbot",
    "googlebot",
    "bingbot",
    "embedly",
    "headlesschrome",
    "curl/",
    "wget/",
    "python-",
    "python/",
    "go-http-client",
    "okhttp",
    "libwww",
    "httpclient",
    "java/",
    "node-fetch",
    "axios/",
)
# "bot" as a word, or ending a name before a version ("AhrefsBot/7.0"), but not a phone
# model such as "CUBOT X30".
BOT_WORD = re.compile(r"(?<![a-z])bot\b|[a-z]bot/")


def utm_values(influencer_name, campaign_name):
    """{utm_source, utm_medium, utm_campaign} for an influencer on a campaign."""
    return {
        "utm_source": slugify(influencer_name) or "influencer",
        "utm_medium": UTM_MEDIUM,
        "utm_campaign": slugify(campaign_name) or "campaign",
    }


@lru_cache(maxsize=1024)
def link_target(destination, influencer_name, campaign_name):
    """Where a tracked link sends its visitors (the same every time: kept once worked out)."""
    return tagged_url(destination, utm_values(influencer_name, campaign_name))


def tagged_url(destination, tags):
    """The destination with ``tags`` merged into its query string (ours win on conflict)."""
    parts = urlsplit(destination)
    kept = [
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if key not in tags
    ]
    query = urlencode(kept + list(tags.items()))
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, parts.fragment))


def is_bot(user_agent, method="GET"):
    """True for requests that are not a person following the link: HEAD requests (link
    checkers), an empty user agent, and known bots, preview fetchers and scripts."""
    if method.upper() == "HEAD" or not user_agent.strip():
        return True
    agent = user_agent.lower()
    return any(marker in agent for marker in BOT_MARKERS) or BOT_WORD.search(agent) is not None


def referrer_domain(referrer):
    """Only the host of the page the visitor came from, never the full address."""
    if not referrer:
        return ""
    try:
        host = urlsplit(referrer).hostname or ""
    except ValueError:
        return ""
    if not host.isprintable():  # a control character (NUL, say) is no host, and unstorable
        return ""
    return host[:255]


@lru_cache(maxsize=4)
def daily_salt(day):
    """A secret that changes every day, so hashes cannot be linked from one day to the next."""
    return hmac.new(
        settings.SECRET_KEY.encode(), f"visitor-salt:{day.isoformat()}".encode(), hashlib.sha256
    ).digest()


def visitor_hash(day, address, user_agent):
    """A one-way fingerprint for counting unique visitors per day. The address is only ever
    an input here: it is not stored anywhere."""
    digest = hashlib.sha256(daily_salt(day))
    digest.update((address or "").encode())
    digest.update(b"\0")
    digest.update(user_agent.encode(errors="replace"))
    return digest.hexdigest()
