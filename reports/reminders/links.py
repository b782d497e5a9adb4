from django.conf import settings


def absolute(path: str) -> str:
    """A path of ours as a full address, for e-mails read outside the site."""
    return settings.SITE_URL + path
