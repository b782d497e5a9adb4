"""A fixed-window request counter for public pages (the influencer's page), in the cache the
site already shares between its processes. Keys are hashed: no address or token is stored."""

import hashlib
import time

from django.core.cache import cache


def within_limit(*, scope: str, key: str, limit: int, seconds: int) -> bool:
    """Count one request for ``key`` in this window; False once it is over ``limit``."""
    window = int(time.time() // seconds)
    digest = hashlib.sha256(f"{scope}|{key}".encode()).hexdigest()[:32]
    cache_key = f"limit:{scope}:{digest}:{window}"
    if cache.add(cache_key, 1, seconds):
        return True
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr: this is the first of a new window
        cache.add(cache_key, 1, seconds)
        return True
    return count <= limit
