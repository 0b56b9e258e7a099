# Alembic environment of the second client project: the database from the
# PG* environment; one transaction for the whole run (Alembic's default), or
# one per revision with PM_ALEMBIC_PER_MIGRATION=1
# (transaction_per_migration); offline (--sql) it prints the SQL.
import os

from alembic import context
from sqlalchemy import create_engine

url = "postgresql+psycopg2://%s@/%s?host=%s&port=%s" % (
    os.environ["PGUSER"], os.environ["PGDATABASE"], os.environ["PGHOST"], os.environ["PGPORT"])
per_migration = os.environ.get("PM_ALEMBIC_PER_MIGRATION") == "1"
if context.is_offline_mode():
    context.configure(url=url, literal_binds=True, transaction_per_migration=per_migration)
    with context.begin_transaction():
        context.run_migrations()
else:
    engine = create_engine(url)
    with engine.connect() as connection:
        context.configure(connection=connection, transaction_per_migration=per_migration)
        with context.begin_transaction():
            context.run_migrations()
