from .models import business_of


def business(request):
    """The signed-in owner's business, for the navigation bar and money formatting."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"business": business_of(user)}
