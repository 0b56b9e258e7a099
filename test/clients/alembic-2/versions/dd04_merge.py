"""merge the two branches, and link shipments to carriers"""
from alembic import op
import sqlalchemy as sa

revision = "dd04"
down_revision = ("cc3a", "cc3b")


def upgrade():
    op.add_column("shipments", sa.Column("carrier_id", sa.Integer))
    op.create_foreign_key("shipments_carrier_fk", "shipments", "carriers", ["carrier_id"], ["id"])


def downgrade():
    op.drop_constraint("shipments_carrier_fk", "shipments", type_="foreignkey")
    op.drop_column("shipments", "carrier_id")
