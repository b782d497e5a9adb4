import pytest

from tests.factories.accounts import PASSWORD, UserFactory


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
