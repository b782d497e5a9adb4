import pytest
from django.core.cache import cache

from tests.factories.accounts import PASSWORD, UserFactory


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
