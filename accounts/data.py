"""Everything an owner has in the database: found generically, exported, deleted.

An owned model is any model with a field ``owner`` pointing at the user. Rows that carry no
owner of their own but hang from an owned row (a tracked link's clicks) are found one step
away, through their foreign key to an owned model. Nothing here imports a higher app: the app
registry lists every model, so a model added later is exported and deleted without a change.
"""

import csv
import io
import json
import zipfile
from collections.abc import Iterable, Sequence

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.db import models, transaction

from . import login_log
from .deletion import delete_with_links
from .spreadsheets import safe_cell

# The user's own columns worth giving back; never the password hash.
ACCOUNT_COLUMNS = ("email", "first_name", "last_name", "date_joined", "last_login")
# Bookkeeping, not the owner's data: counts of their changes, for the dashboard's cache.
NOT_EXPORTED = {"data_version", "readings_version"}


def owned_models() -> list[type[models.Model]]:
    """Models whose rows each belong to one user through ``owner``."""
    user_model = get_user_model()
    return [
        model
        for model in apps.get_models()
        if any(
            field.name == "owner" and field.is_relation and field.related_model is user_model
            for field in model._meta.concrete_fields
        )
    ]


def dependent_models() -> list[tuple[type[models.Model], str]]:
    """(model, foreign key name) for models without an owner that hang from an owned model."""
    owned = owned_models()
    found = []
    for model in apps.get_models():
        if model in owned:
            continue
        for field in model._meta.concrete_fields:
            if field.is_relation and field.related_model in owned:
                found.append((model, field.name))
                break
    return found


def owned_querysets(*, user: User) -> dict[type[models.Model], models.QuerySet]:
    """{model: the user's rows}, for every owned and dependent model."""
    querysets = {model: model._default_manager.filter(owner=user) for model in owned_models()}
    for model, key in dependent_models():
        querysets[model] = model._default_manager.filter(**{f"{key}__owner": user})
    return querysets


def _cell(value: object) -> object:
    if isinstance(value, dict | list):
        value = json.dumps(value, ensure_ascii=False)
    return safe_cell(value)


def _csv(columns: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(value) for value in row])
    return buffer.getvalue()


def export_zip(*, user: User) -> bytes:
    """A zip of CSV files, one per table, holding every row the user owns."""
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as bundle:
        account = [[getattr(user, column) for column in ACCOUNT_COLUMNS]]
        bundle.writestr("account.csv", _csv(ACCOUNT_COLUMNS, account))
        for model, queryset in owned_querysets(user=user).items():
            columns = [
                field.attname
                for field in model._meta.concrete_fields
                if field.name not in NOT_EXPORTED
            ]
            rows = queryset.order_by("pk").values_list(*columns)
            name = f"{model._meta.app_label}-{model._meta.model_name}.csv"
            bundle.writestr(name, _csv(columns, rows))
        bundle.writestr(
            "login-log.csv", _csv(login_log.EXPORT_COLUMNS, login_log.export_rows(user=user))
        )
    return archive.getvalue()


@transaction.atomic
def delete_account(*, user: User) -> None:
    """Deletes the user; every owned row goes with it (each ``owner`` is CASCADE), and so
    does the login log kept under their e-mail (it has no key to the user)."""
    login_log.delete_about(user=user)
    delete_with_links(row=user, owner=user)
