"""a last linear step: a column with a default"""
from alembic import op
import sqlalchemy as sa

revision = "ff06"
down_revision = "ee05"


def upgrade():
    op.add_column("shipments", sa.Column("note", sa.Text, server_default="none"))


def downgrade():
    op.drop_column("shipments", "note")
