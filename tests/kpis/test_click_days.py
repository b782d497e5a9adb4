"""The daily click counts (ClickDay) always equal counting the click rows themselves: after
single clicks, bulk loads, deletes of some clicks or of a whole link, and while many
connections click and delete at the same moment."""

import contextlib
import random
import threading
from datetime import date, timedelta

import pytest
from django.db import IntegrityError, connection, connections, transaction
from django.db.models import Count, Q
from django.utils import timezone

from kpis.clicks import record_click
from kpis.models import Click, ClickDay, TrackedLink
from tests.factories.kpis import ClickFactory, TrackedLinkFactory

DAY = date(2026, 5, 4)


def counted_rows():
    """{(link id, day): (people, bots, visitors)} counted from the clicks, the slow way."""
    rows = (
        Click.objects.values_list("link_id", "day")
        .annotate(
            people=Count("pk", filter=Q(is_bot=False)),
            bots=Count("pk", filter=Q(is_bot=True)),
            visitors=Count("visitor_hash", filter=Q(is_bot=False), distinct=True),
        )
        .order_by()
    )
    return {(link, day): (people, bots, visitors) for link, day, people, bots, visitors in rows}


def rolled_up():
    """The same, from the roll-up, leaving out days whose clicks were all deleted."""
    return {
        (row.link_id, row.day): (row.people, row.bots, row.visitors)
        for row in ClickDay.objects.all()
        if row.people or row.bots
    }


def click(link, day=DAY, visitor="a", is_bot=False):
    return Click(
        link=link,
        at=timezone.make_aware(timezone.datetime.combine(day, timezone.datetime.min.time()))
        + timedelta(hours=12),
        day=day,
        visitor_hash=visitor,
        is_bot=is_bot,
    )


@pytest.mark.django_db
class TestRollUp:
    def test_single_clicks_count_people_bots_and_each_visitor_once_a_day(self):
        link = TrackedLinkFactory()
        for visitor, is_bot in [("a", False), ("a", False), ("b", False), ("", True), ("a", True)]:
            ClickFactory(link=link, day=DAY, visitor_hash=visitor, is_bot=is_bot)
        ClickFactory(link=link, day=DAY + timedelta(days=1), visitor_hash="a")

        assert rolled_up() == {
            (link.pk, DAY): (3, 2, 2),
            (link.pk, DAY + timedelta(days=1)): (1, 0, 1),
        }
        assert rolled_up() == counted_rows()

    def test_a_bulk_load_with_repeat_visitors_counts_like_the_rows(self):
        links = [TrackedLinkFactory(), TrackedLinkFactory()]
        rng = random.Random(7)
        Click.objects.bulk_create(
            click(
                rng.choice(links),
                DAY + timedelta(days=rng.randrange(3)),
                visitor=f"v{rng.randrange(20)}",
                is_bot=rng.random() < 0.2,
            )
            for _ in range(500)
        )
        assert sum(people for people, _bots, _visitors in rolled_up().values()) > 300
        assert rolled_up() == counted_rows()

    def test_deleting_some_clicks_uncounts_them_and_a_visitor_only_with_their_last(self):
        link = TrackedLinkFactory()
        Click.objects.bulk_create(
            [click(link, visitor="a"), click(link, visitor="a"), click(link, visitor="b")]
            + [click(link, visitor="", is_bot=True)] * 2
        )
        first_of_a = Click.objects.filter(visitor_hash="a").order_by("pk").first()

        first_of_a.delete()
        assert rolled_up() == {(link.pk, DAY): (2, 2, 2)} == counted_rows()
        Click.objects.filter(visitor_hash__in=["a", ""]).delete()
        assert rolled_up() == {(link.pk, DAY): (1, 0, 1)} == counted_rows()

    def test_deleting_a_link_takes_its_counts_and_leaves_the_others(self):
        kept, deleted = TrackedLinkFactory(), TrackedLinkFactory()
        Click.objects.bulk_create([click(kept), click(deleted), click(deleted, visitor="b")])

        deleted.partnership.delete()

        assert set(ClickDay.objects.values_list("link_id", flat=True)) == {kept.pk}
        assert rolled_up() == counted_rows() == {(kept.pk, DAY): (1, 0, 1)}

    def test_a_stored_click_cannot_be_changed_so_the_counts_cannot_drift(self):
        ClickFactory(is_bot=False)
        with pytest.raises(Exception, match="never changed"), transaction.atomic():
            Click.objects.update(is_bot=True)
        assert rolled_up() == counted_rows()

    def test_the_redirects_own_insert_is_counted(self):
        link = TrackedLinkFactory()
        for _twice in range(2):
            record_click(
                link_id=link.pk,
                at=timezone.now(),
                referrer_domain="",
                visitor_hash="someone",
                is_bot=False,
            )
        assert ClickDay.objects.get().people == 2 and ClickDay.objects.get().visitors == 1


@pytest.mark.django_db(transaction=True)
def test_counts_stay_exact_while_many_connections_click_and_delete():
    """Eight connections click (people and bots, visitors coming back) on three links, one
    deletes clicks as they come, and one deletes a whole link half-way."""
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        pytest.skip("an in-memory SQLite database is one connection: nothing runs at once")
    links = [TrackedLinkFactory() for _ in range(3)]
    doomed = links[2]
    start = threading.Barrier(10)
    errors = []

    def clicker(number):
        rng = random.Random(number)
        start.wait()
        try:
            for _ in range(60):
                link = rng.choice(links)
                try:
                    record_click(
                        link_id=link.pk,
                        at=timezone.now() - timedelta(days=rng.randrange(2)),
                        referrer_domain="",
                        visitor_hash=f"visitor-{rng.randrange(15)}",
                        is_bot=rng.random() < 0.25,
                    )
                except IntegrityError:  # the link was deleted meanwhile: the redirect's 404
                    assert link == doomed
        except Exception as error:  # noqa: BLE001 - reported by the main thread
            errors.append(error)
        finally:
            connections.close_all()

    def deleter():
        start.wait()
        try:
            for round_ in range(30):
                oldest = Click.objects.filter(link=links[0]).order_by("pk")[:3]
                Click.objects.filter(pk__in=list(oldest.values_list("pk", flat=True))).delete()
                if round_ >= 10 and TrackedLink.objects.filter(pk=doomed.pk).exists():
                    # A click stored after the delete gathered the link's clicks makes it fail
                    # (and roll back); it is tried again next round, as the owner would.
                    with contextlib.suppress(IntegrityError):
                        doomed.partnership.delete()
        except Exception as error:  # noqa: BLE001
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=clicker, args=(n,)) for n in range(9)]
    threads.append(threading.Thread(target=deleter))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert not errors, errors
    assert not TrackedLink.objects.filter(pk=doomed.pk).exists()
    assert rolled_up() == counted_rows()
    assert Click.objects.count() > 200  # most clicks were kept: the deletes hit some
