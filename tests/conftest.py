import pytest
from django.core.cache import cache

from tests.factories.accounts import PASSWORD, UserFactory


def pytest_configure(config):
    """A fast password hasher for the tests: the real one takes a third of a second per
    password by design, and most tests make an owner (and many log one in). Servers the
    tests start in a process of their own keep the real one."""
    from django.conf import settings

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def empty_cache():
    """Every test starts with an empty cache: ids come round again once a test's rows are rolled
    back, so a page cached in one test could be served in the next."""
    cache.clear()


@pytest.fixture
def owner(db):
    return UserFactory()


@pytest.fixture
def other_owner(db):
    return UserFactory()


@pytest.fixture
def owner_client(client, owner):
    client.force_login(owner)
    return client


@pytest.fixture
def password():
    return PASSWORD
