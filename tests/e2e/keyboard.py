"""Helpers for keyboard-only browser tests: reach a control with Tab, as a keyboard user does."""

TAB_LIMIT = 120


def tab_to(page, locator, limit=TAB_LIMIT):
    """Press Tab from where focus is until ``locator`` has focus; fail if it never does."""
    target = locator.element_handle()
    for _ in range(limit):
        if page.evaluate("element => document.activeElement === element", target):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"{locator} never took focus after {limit} presses of Tab")


def focused(page, script="element => element"):
    """Evaluate ``script`` on the focused element (e.g. ``el => el.id``)."""
    return page.evaluate(f"({script})(document.activeElement)")
