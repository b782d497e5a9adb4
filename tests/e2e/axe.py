"""axe-core (vendored at static/vendor/axe/axe.min.js) run inside the page under test."""

# Every impact fails a test: "minor" findings are real barriers too.
FAILING_IMPACTS = ("minor", "moderate", "serious", "critical")


def axe_violations(page, impacts=FAILING_IMPACTS):
    """The page's accessibility violations at these impact levels, as axe reports them."""
    # Loaded as our own static file, so the Content-Security-Policy ('self' only) allows it.
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(url="/static/vendor/axe/axe.min.js")
    results = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
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


def assert_accessible(page):
    violations = axe_violations(page)
    assert not violations, f"axe found on {page.url}:\n{describe(violations)}"
