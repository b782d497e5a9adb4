"""Moving the test database to a migration and back, for tests of data migrations."""

from django.db import connection
from django.db.migrations.executor import MigrationExecutor


def latest(app_label):
    """The app's last migrations, to move back to after a test's old rows are written."""
    return MigrationExecutor(connection).loader.graph.leaf_nodes(app_label)


def migrate(targets):
    """Migrate the test database to ``targets``; the models as they were there."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps
