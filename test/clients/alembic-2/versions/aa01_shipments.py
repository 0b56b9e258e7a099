"""shipments, with a seed row and an index"""
from alembic import op
import sqlalchemy as sa

revision = "aa01"
down_revision = None


def upgrade():
    op.create_table(
        "shipments",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("ref", sa.String(40), nullable=False),
    )
    op.execute("INSERT INTO shipments (ref) VALUES ('seed')")
    op.create_index("shipments_ref_idx", "shipments", ["ref"], unique=True)


def downgrade():
    op.drop_index("shipments_ref_idx", "shipments")
    op.drop_table("shipments")
