"""Reminder e-mails: one module per kind (each registers itself in ``base.REGISTRY``), the
scheduler that finds due ones (``scheduling``) and the sender (``delivery``)."""

from . import (  # noqa: F401 - importing a kind registers it
    campaign_end,
    checkin_day,
    checkin_overdue,
    last_week,
    post_due,
    weekly_summary,
)
from .base import REGISTRY

__all__ = ["REGISTRY"]
