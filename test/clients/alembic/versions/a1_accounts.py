"""accounts"""
from alembic import op
import sqlalchemy as sa

revision = "a1f0c0de0001"
down_revision = None


def upgrade():
    op.create_table("accounts", sa.Column("id", sa.Integer, primary_key=True),
                    sa.Column("email", sa.String(200)))


def downgrade():
    op.drop_table("accounts")
