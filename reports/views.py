from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from accounts.owned import owned
from campaigns.models import Campaign


@login_required
def portfolio(request):
    campaigns = owned(Campaign, request.user)
    return render(request, "reports/portfolio.html", {"campaigns": campaigns})
