"""invoices"""
from alembic import op
import sqlalchemy as sa

revision = "c3f0c0de0003"
down_revision = "b2f0c0de0002"


def upgrade():
    op.create_table("invoices", sa.Column("id", sa.Integer, primary_key=True),
                    sa.Column("account_id", sa.Integer, sa.ForeignKey("accounts.id")))


def downgrade():
    op.drop_table("invoices")
