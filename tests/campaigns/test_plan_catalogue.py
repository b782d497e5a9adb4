"""The catalogue of wizard steps: numbered in order, each with its own template, depending only
on earlier steps (saving one of those starts the later one afresh)."""

from django.template.loader import get_template

from campaigns.plan.catalogue import STEPS, dependents


def test_steps_are_numbered_in_their_order():
    assert [step.number for step in STEPS] == list(range(1, 8))


def test_every_step_has_a_template_a_name_and_a_reason():
    for step in STEPS:
        get_template(step.template)
        assert str(step.name) and str(step.why)


def test_a_step_depends_only_on_earlier_steps():
    for step in STEPS:
        assert all(earlier < step.number for earlier in step.depends_on)


def test_influencers_and_kpis_reset_the_steps_built_from_them():
    assert dependents(1) == [5, 6]
    assert dependents(3) == [5]
    assert dependents(2) == []
