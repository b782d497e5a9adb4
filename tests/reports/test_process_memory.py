"""What a process keeps of the dashboard in its own memory: one version per slot, gone with
the cache's time limit, the slots read least recently first beyond its size, and all of it on
``clear``."""

from unittest import mock

from reports.caching import CACHE_SECONDS, ProcessMemory


def test_a_value_is_kept_until_the_cache_would_forget_it():
    memory = ProcessMemory(size=4)
    with mock.patch("reports.caching.time.monotonic", return_value=1000.0):
        memory.set("figures", [1], "version 1")
    with mock.patch("reports.caching.time.monotonic", return_value=1000.0 + CACHE_SECONDS - 1):
        assert memory.get("figures", "version 1") == [1]
    with mock.patch("reports.caching.time.monotonic", return_value=1000.0 + CACHE_SECONDS + 1):
        assert memory.get("figures", "version 1") is None


def test_a_new_version_takes_the_place_of_the_old_one():
    memory = ProcessMemory(size=4)
    memory.set("figures", [1], "version 1")
    memory.set("figures", [2], "version 2")

    assert memory.get("figures", "version 1") is None
    assert memory.get("figures", "version 2") == [2]
    assert len(memory.slots) == 1


def test_beyond_its_size_the_slot_read_least_recently_goes_first():
    memory = ProcessMemory(size=2)
    memory.set("a", 1)
    memory.set("b", 2)
    assert memory.get("a") == 1  # read: "b" is now the oldest
    memory.set("c", 3)

    assert (memory.get("a"), memory.get("b"), memory.get("c")) == (1, None, 3)


def test_clear_forgets_everything():
    memory = ProcessMemory(size=2)
    memory.set("a", 1)
    memory.clear()

    assert memory.get("a") is None
