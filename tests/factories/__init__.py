"""Test data builders, one module per app. Import from the module: ``tests.factories.campaigns``."""
