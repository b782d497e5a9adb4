"""The plan workflow: the seven-step wizard, the launch review, the guide's checklist and the
campaign pages. It sits above ``kpis`` (step 3 chooses KPIs, step 5 makes tracked links), while
the rest of ``campaigns`` (models, deals, partnerships) sits below it."""
