from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from accounts.owned import owned

from .models import Campaign


@login_required
def campaign_list(request):
    campaigns = owned(Campaign, request.user)
    return render(request, "campaigns/campaign_list.html", {"campaigns": campaigns})
