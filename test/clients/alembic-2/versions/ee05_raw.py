"""several statements in one op.execute string"""
from alembic import op

revision = "ee05"
down_revision = "dd04"


def upgrade():
    op.execute("ALTER TABLE carriers ADD COLUMN code text; "
               "CREATE INDEX carriers_code_idx ON carriers (code); "
               "COMMENT ON TABLE carriers IS 'who ships'")


def downgrade():
    op.execute("DROP INDEX carriers_code_idx; ALTER TABLE carriers DROP COLUMN code")
