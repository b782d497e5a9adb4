import factory
from django.contrib.auth import get_user_model

from accounts.models import Business

PASSWORD = "a-long-test-password-42"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"owner{n}@example.com")
    username = factory.SelfAttribute("email")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)
    business = factory.RelatedFactory(
        "tests.factories.accounts.BusinessFactory", factory_related_name="owner"
    )

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class BusinessFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Business

    owner = factory.SubFactory(UserFactory, business=None)
    name = factory.Sequence(lambda n: f"Corner Bakery {n}")
    currency = "GBP"
    what_you_offer = "bread and cakes"
