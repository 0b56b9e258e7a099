"""index on email, a column"""
from alembic import op
import sqlalchemy as sa

revision = "b2f0c0de0002"
down_revision = "a1f0c0de0001"


def upgrade():
    op.create_index("accounts_email_idx", "accounts", ["email"])
    op.add_column("accounts", sa.Column("created", sa.DateTime))


def downgrade():
    op.drop_column("accounts", "created")
    op.drop_index("accounts_email_idx", "accounts")
