"""Alembic environment: run programmatically by `python -m server migrate`.

The caller passes an open SQLAlchemy connection in `config.attributes["connection"]`.
"""

from alembic import context

from server.db.tables import metadata

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through `python -m server migrate`")

context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
