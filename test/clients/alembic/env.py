# Alembic environment for the recorder's client test: online mode only, the
# database from the PG* environment; Alembic's default of one transaction
# for the whole upgrade (or downgrade).
import os

from alembic import context
from sqlalchemy import create_engine

url = "postgresql+psycopg2://%s@/%s?host=%s&port=%s" % (
    os.environ["PGUSER"], os.environ["PGDATABASE"], os.environ["PGHOST"], os.environ["PGPORT"])
engine = create_engine(url)
with engine.connect() as connection:
    context.configure(connection=connection)
    with context.begin_transaction():
        context.run_migrations()
