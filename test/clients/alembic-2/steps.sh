# Alembic 1.8 (Debian python3-alembic), second project: sourced by
# test/recorder/clients_more.sh.  Two branches and their merge in one
# upgrade, batch mode, op.execute with several statements, downgrade -2, an
# unmerge, one transaction per revision (transaction_per_migration), and
# offline mode's SQL (upgrade --sql) run by psql.
d=$clients/alembic-2
if ! /usr/bin/python3 -c 'import alembic, psycopg2' 2>/dev/null; then
	skip "alembic-2: python3-alembic and python3-psycopg2 are not installed"
else
	step alembic-2 1-upgrade-head "$d/alembic.sh" upgrade head
	held_step public.alembic_version "VALUES ('zz99')" alembic-2 2-downgrade-two "$d/alembic.sh" downgrade -2
	step alembic-2 3-unmerge "$d/alembic.sh" downgrade cc3b
	step alembic-2 4-downgrade-branch "$d/alembic.sh" downgrade reporting@bb02
	step alembic-2 5-upgrade-per-migration env PM_ALEMBIC_PER_MIGRATION=1 "$d/alembic.sh" upgrade head
	step alembic-2 6-downgrade-base-per-migration env PM_ALEMBIC_PER_MIGRATION=1 "$d/alembic.sh" downgrade base
	# offline SQL creates the version table: the online downgrade left it
	step alembic-2 7-drop-version-table psql -X -q -c 'DROP TABLE alembic_version'
	step alembic-2 8-offline-upgrade "$d/offline.sh" upgrade head
	step alembic-2 9-offline-downgrade "$d/offline.sh" downgrade ff06:aa01
	# to base, offline SQL drops alembic_version in the same transaction: its
	# rows are gone at commit, the changes name no migration (docs/recorder.md)
	step alembic-2 10-offline-downgrade-base "$d/offline.sh" downgrade aa01:base
fi
