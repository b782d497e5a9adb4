"""Pagination for every table on the site.

Lives at the bottom of the import chain so that every app can use it.
"""

from django.core.paginator import Paginator

MAX_PER_PAGE = 100


class BoundedPaginator(Paginator):
    """Takes ``per_page`` from the address but keeps it between 1 and ``MAX_PER_PAGE``: a
    negative number must not break the page, nor a huge one make unbounded work."""

    def __init__(self, object_list, per_page, *args, **kwargs):
        per_page = min(max(int(per_page), 1), MAX_PER_PAGE)
        super().__init__(object_list, per_page, *args, **kwargs)


TABLE_PAGINATION = {"per_page": 25, "paginator_class": BoundedPaginator}
