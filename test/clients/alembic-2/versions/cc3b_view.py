"""another branch: a view, by op.execute"""
from alembic import op

revision = "cc3b"
down_revision = "bb02"
branch_labels = ("reporting",)


def upgrade():
    op.execute("CREATE VIEW heavy_shipments AS SELECT id, ref FROM shipments WHERE weight > 100")


def downgrade():
    op.execute("DROP VIEW heavy_shipments")
