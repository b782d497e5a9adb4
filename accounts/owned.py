"""Owner scoping: the one way views read owned rows.

Every owned model carries ``owner``. Views never call ``Model.objects`` directly for owned
data; they go through these helpers, so another owner's id is simply not found (404).
"""

from django.shortcuts import get_object_or_404


def owned(model_or_queryset, user):
    queryset = getattr(model_or_queryset, "objects", model_or_queryset)
    return queryset.filter(owner=user)


def get_owned_or_404(model_or_queryset, user, **lookup):
    return get_object_or_404(owned(model_or_queryset, user), **lookup)
