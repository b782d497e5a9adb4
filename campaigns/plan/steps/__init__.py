"""One module per wizard step: its form, its name and "why" text, the earlier steps its fields
depend on, and its template. ``campaigns.plan.catalogue`` lists them in order."""
