"""a branch: carriers"""
from alembic import op
import sqlalchemy as sa

revision = "cc3a"
down_revision = "bb02"
branch_labels = ("carriers",)


def upgrade():
    op.create_table(
        "carriers",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
    )


def downgrade():
    op.drop_table("carriers")
