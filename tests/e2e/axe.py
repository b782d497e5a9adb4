"""axe-core (vendored for the tests only at tests/e2e/vendor/axe/, not shipped in static/)
run inside the page under test."""

from pathlib import Path

AXE_SCRIPT = Path(__file__).resolve().parent / "vendor" / "axe" / "axe.min.js"
# Answered by the test browser itself from AXE_SCRIPT, never by the site: an address of the
# page's own origin, so the Content-Security-Policy ('self' only) allows the script as it is.
AXE_URL = "/__tests__/axe.min.js"

# Every impact fails a test: "minor" findings are real barriers too.
FAILING_IMPACTS = ("minor", "moderate", "serious", "critical")


def load_axe(page):
    """Put axe into the page unless it is there already (it goes with each navigation)."""
    if page.evaluate("typeof window.axe !== 'undefined'"):
        return
    if not getattr(page, "axe_routed", False):
        page.route(
            f"**{AXE_URL}",
            lambda route: route.fulfill(path=AXE_SCRIPT, content_type="application/javascript"),
        )
        page.axe_routed = True
    page.add_script_tag(url=AXE_URL)


def axe_violations(page, impacts=FAILING_IMPACTS, within=None):
    """The page's accessibility violations at these impact levels, as axe reports them;
    ``within`` (a CSS selector) checks only that part of the page."""
    load_axe(page)
    results = page.evaluate(
        "async (within) => await axe.run(within || document, {resultTypes: ['violations']})",
        within,
    )
    return [violation for violation in results["violations"] if violation["impact"] in impacts]


def describe(violations):
    lines = []
    for violation in violations:
        lines.append(f"{violation['impact']}: {violation['id']}: {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {' '.join(node['target'])}: {node['html'][:160]}")
            if node.get("failureSummary"):
                lines.append("      " + node["failureSummary"].replace("\n", " ")[:240])
    return "\n".join(lines)


def assert_accessible(page, within=None):
    violations = axe_violations(page, within=within)
    assert not violations, f"axe found on {page.url}:\n{describe(violations)}"
