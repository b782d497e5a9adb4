from django.db.models import Prefetch

from accounts.owned import get_owned_or_404
from campaigns.models import Campaign

from ..models import CampaignKPI


def owned_campaign(request, pk):
    """The signed-in owner's campaign with its KPIs loaded, or 404."""
    return get_owned_or_404(
        Campaign.objects.prefetch_related(
            Prefetch("kpis", queryset=CampaignKPI.objects.order_by("position", "id"))
        ),
        request.user,
        pk=pk,
    )
