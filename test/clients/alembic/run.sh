# Alembic 1.8 (Debian python3-alembic): sourced by test/recorder/clients.sh.
# The upgrade runs three revisions in one transaction (Alembic's default),
# updating alembic_version in place after each.
d=$clients/alembic
if ! /usr/bin/python3 -c 'import alembic, psycopg2' 2>/dev/null; then
	skip "alembic: python3-alembic and python3-psycopg2 are not installed"
else
	step alembic 1-upgrade-head "$d/alembic.sh" upgrade head
	step alembic 2-downgrade-one "$d/alembic.sh" downgrade -1
	step alembic 3-downgrade-base "$d/alembic.sh" downgrade base
	step alembic 4-upgrade-two "$d/alembic.sh" upgrade b2f0c0de0002
	step alembic 5-upgrade-head "$d/alembic.sh" upgrade head
fi
