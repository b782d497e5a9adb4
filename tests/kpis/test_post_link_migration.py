"""Posts saved before links were kept one way get the kept form of their link, unless
another post of the same partnership already has it (then nothing is merged or lost)."""

import pytest

from kpis.models import Post
from tests.factories.campaigns import PartnershipFactory
from tests.migrating import latest, migrate

BEFORE = [("kpis", "0014_click_counted_fewer_statements")]


@pytest.mark.django_db(transaction=True)
def test_old_links_are_kept_one_way_and_twins_are_left_as_they_are():
    partnership = PartnershipFactory()
    newest = latest("kpis")
    old_post = migrate(BEFORE).get_model("kpis", "Post")
    for url in (
        "https://www.instagram.com/p/AAA/?igsh=x",
        "https://instagram.com/p/BBB",
        "https://www.instagram.com/p/BBB/",  # the twin of the one above
    ):
        old_post.objects.create(
            owner_id=partnership.owner_id,
            partnership_id=partnership.pk,
            url=url,
            posted_on=partnership.campaign.start_date or "2026-11-10",
        )

    migrate(newest)

    assert sorted(Post.objects.values_list("url", flat=True)) == [
        "https://instagram.com/p/AAA",
        "https://instagram.com/p/BBB",
        "https://www.instagram.com/p/BBB/",
    ]
