"""axe-core (vendored for the tests only at tests/e2e/vendor/axe/, not shipped in static/)
run inside the page under test."""

from pathlib import Path

AXE_SCRIPT = Path(__file__).resolve().parent / "vendor" / "axe" / "axe.min.js"

# Every impact fails a test: "minor" findings are real barriers too.
FAILING_IMPACTS = ("minor", "moderate", "serious", "critical")


def load_axe(page):
    """Put axe into the page unless it is there already (it goes with each navigation).

    The browser adds it itself, never the site: the first time as a script run in the open
    document, and from then on as an init script of the page, so each document the page
    opens afterwards has it from the start (no request per page, and no routing, which would
    turn the browser's cache off for the page). Scripts the browser adds are outside the
    page's Content-Security-Policy ('self' only)."""
    if page.evaluate("typeof window.axe !== 'undefined'"):
        return
    if not getattr(page, "axe_on_new_documents", False):
        page.add_init_script(path=AXE_SCRIPT)
        page.axe_on_new_documents = True
    page.evaluate(AXE_SCRIPT.read_text(encoding="utf-8"))


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
