"""Owner scoping: the one way views read owned rows.

Every owned model carries ``owner``. Views never call ``Model.objects`` directly for owned
data; they go through these helpers, so another owner's id is simply not found (404). The
model (or a queryset of it) comes first, as in Django's ``get_object_or_404``; whose rows
they are is named: ``get_owned_or_404(Campaign, owner=request.user, pk=pk)``.
"""

from typing import Any, TypeVar

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db import models
from django.shortcuts import get_object_or_404

M = TypeVar("M", bound=models.Model)


def owned(
    model_or_queryset: type[M] | models.QuerySet[M], *, owner: AbstractBaseUser | AnonymousUser
) -> models.QuerySet[M]:
    if isinstance(model_or_queryset, models.QuerySet):
        return model_or_queryset.filter(owner=owner)
    return model_or_queryset._default_manager.filter(owner=owner)


def get_owned_or_404(
    model_or_queryset: type[M] | models.QuerySet[M],
    *,
    owner: AbstractBaseUser | AnonymousUser,
    **lookup: Any,
) -> M:
    return get_object_or_404(owned(model_or_queryset, owner=owner), **lookup)
