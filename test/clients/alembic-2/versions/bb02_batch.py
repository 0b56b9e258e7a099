"""batch_alter_table: a column, a NOT NULL, an index"""
from alembic import op
import sqlalchemy as sa

revision = "bb02"
down_revision = "aa01"


def upgrade():
    with op.batch_alter_table("shipments") as batch:
        batch.add_column(sa.Column("weight", sa.Numeric(10, 2)))
        batch.alter_column("ref", type_=sa.String(80))
        batch.create_index("shipments_weight_idx", ["weight"])


def downgrade():
    with op.batch_alter_table("shipments") as batch:
        batch.drop_index("shipments_weight_idx")
        batch.alter_column("ref", type_=sa.String(40))
        batch.drop_column("weight")
