#!/usr/bin/env bash
# Migration attribution, case by case, in real transactions (the history is
# read at commit, which a pgTAP suite inside one transaction never reaches):
# a user's own source, tables that two sources name, long history values,
# the bounds on claiming pending changes, pg_dump of migration_source.
set -uo pipefail
cd "$(dirname "$0")/../.."
db=postmortem_migration_sh
cleanup() { psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1; }
trap cleanup EXIT
cleanup
psql -X -q -d postgres -c "CREATE DATABASE $db" >/dev/null || { echo "Bail out! cannot create $db"; exit 1; }
q() { psql -X -q -A -t -v ON_ERROR_STOP=1 -d $db "$@" 2>&1; }
n=0
is() {
	n=$((n + 1))
	if [ "$1" = "$2" ]; then echo "ok $n - $3"; else
		echo "not ok $n - $3"; echo "#   got:      '$1'"; echo "#   expected: '$2'"; fi
}
# the migration, tool and direction of the newest row about an object
of() {
	q -c "SELECT coalesce(m.migration, s.migration, '-') || ' ' || coalesce(m.tool, '-') || ' ' || coalesce(m.direction, '-')
	        FROM postmortem.schema_change s LEFT JOIN postmortem.migration_attribution m ON m.schema_change_id = s.id
	       WHERE s.object_identity = '$1' ORDER BY s.id DESC LIMIT 1"
}
q -c "CREATE EXTENSION postmortem" >/dev/null
q -c "CREATE ROLE pm_mig_other" >/dev/null 2>&1

# A tool of the user's own, added with an INSERT.
q >/dev/null <<'SQL'
INSERT INTO postmortem.migration_source (tool, schema_name, table_name, id_columns, id_separator)
VALUES ('our-deployer', 'ops', 'applied\_changes', '{ticket,step}', '#');
CREATE SCHEMA ops;
CREATE TABLE ops.applied_changes (ticket text, step int);
BEGIN;
CREATE TABLE public.m_users (id int);
INSERT INTO ops.applied_changes VALUES ('OPS-12', 1);
COMMIT;
SQL
is "$(of public.m_users)" "OPS-12#1 our-deployer up" "a source added with an INSERT names its migrations"

# schema_migrations: Rails (version) or golang-migrate (version, dirty).
q >/dev/null <<'SQL'
CREATE SCHEMA go; CREATE SCHEMA rb;
CREATE TABLE go.schema_migrations (version bigint PRIMARY KEY, dirty boolean NOT NULL);
CREATE TABLE rb.schema_migrations (version varchar PRIMARY KEY);
BEGIN; CREATE TABLE public.m_go (id int); INSERT INTO go.schema_migrations VALUES (7, false); COMMIT;
BEGIN; CREATE TABLE public.m_rb (id int); INSERT INTO rb.schema_migrations VALUES ('20260101000007'); COMMIT;
SQL
is "$(of public.m_go)" "7 golang-migrate up" "a schema_migrations with a dirty column is golang-migrate's"
is "$(of public.m_rb)" "20260101000007 Rails up" "one without is Rails'"

# The history tables a commit reads are found among the tables the
# transaction wrote rows of (its statistics counts), not among every table
# of the database: one tenant's schema_migrations among several, one
# written in a released savepoint, none in a rolled-back one; with
# track_counts off (no counts kept) they are found in pg_class.
q >/dev/null <<'SQL'
CREATE SCHEMA tenant_1; CREATE SCHEMA tenant_2; CREATE SCHEMA tenant_3;
CREATE TABLE tenant_1.schema_migrations (version varchar PRIMARY KEY);
CREATE TABLE tenant_2.schema_migrations (version varchar PRIMARY KEY);
CREATE TABLE tenant_3.schema_migrations (version varchar PRIMARY KEY);
BEGIN; CREATE TABLE public.m_tenant (id int); INSERT INTO tenant_2.schema_migrations VALUES ('20260101000002'); COMMIT;
BEGIN; CREATE TABLE public.m_savepoint (id int); SAVEPOINT a;
INSERT INTO tenant_3.schema_migrations VALUES ('20260101000003'); RELEASE a; COMMIT;
BEGIN; CREATE TABLE public.m_rolled_back (id int); SAVEPOINT a;
INSERT INTO tenant_1.schema_migrations VALUES ('20260101000001'); ROLLBACK TO a; COMMIT;
SET track_counts = off;
BEGIN; CREATE TABLE public.m_no_counts (id int); INSERT INTO tenant_1.schema_migrations VALUES ('20260101000004'); COMMIT;
SQL
is "$(of public.m_tenant)" "20260101000002 Rails up" "the one tenant's history table the transaction wrote"
is "$(of public.m_savepoint)" "20260101000003 Rails up" "a history row written in a released savepoint"
is "$(of public.m_rolled_back)" "- - -" "not one rolled back with its savepoint"
is "$(of public.m_no_counts)" "20260101000004 Rails up" "with track_counts off, the history table is found in pg_class"

# A long value: only its first 1024 bytes are read, and the id keeps 1,000
# of them, marked (pm_migration_id).
q >/dev/null <<'SQL'
CREATE TABLE public.flyway_schema_history (installed_rank int, version text, description text);
BEGIN; CREATE TABLE public.m_long (id int);
INSERT INTO public.flyway_schema_history VALUES (1, repeat('x', 3000000), 'long'); COMMIT;
CREATE TABLE public.alembic_version (version_num bytea);
SET bytea_output = 'escape';
BEGIN; CREATE TABLE public.m_bytea (id int);
INSERT INTO public.alembic_version VALUES (convert_to(repeat('y', 3000000), 'UTF8')); COMMIT;
SQL
is "$(of public.m_long | awk '{print length($1), substr($1, 1001), $2, $3}')" "1012 ...(clipped) Flyway up" "a long history value is cut to 1,000 bytes and marked"
is "$(q -c "SELECT count(*) FROM postmortem.schema_change WHERE object_identity = 'public.m_bytea'")" "1" \
   "a long value of another type is left out, and the change is still recorded"

# Pending changes are claimed by the session's next history write only:
# not by another role's, and not across a transaction that wrote history.
q >/dev/null <<'SQL'
CREATE TABLE public.django_migrations (id serial, app text, name text);
GRANT ALL ON public.django_migrations, public.django_migrations_id_seq TO pm_mig_other;
CREATE TABLE public.m_pending (id int);
INSERT INTO public.django_migrations (app, name) VALUES ('shop', '0007_next');
CREATE TABLE public.m_other_role (id int);
SET ROLE pm_mig_other;
INSERT INTO public.django_migrations (app, name) VALUES ('shop', '0008_other');
RESET ROLE;
CREATE TABLE public.m_ended (id int);
BEGIN; CREATE TABLE public.m_own (id int); INSERT INTO public.django_migrations (app, name) VALUES ('shop', '0009_own'); COMMIT;
INSERT INTO public.django_migrations (app, name) VALUES ('shop', '0010_later');
SQL
is "$(of public.m_pending)" "shop.0007_next Django up" "the next transaction's history row claims the pending change"
is "$(of public.m_other_role)" "- - -" "not when another role writes it"
is "$(of public.m_own)" "shop.0009_own Django up" "a history row in the change's own transaction"
is "$(of public.m_ended)" "- - -" "a transaction with history of its own ends the pending changes: a later write cannot claim them"

# Another session's changes are never claimed.
q -c "CREATE TABLE public.m_session1 (id int)" >/dev/null
q -c "INSERT INTO public.django_migrations (app, name) VALUES ('shop', '0011_session2')" >/dev/null
is "$(of public.m_session1)" "- - -" "a history row of another session claims nothing"

# postmortem.migration wins, and the run says so.
q >/dev/null <<'SQL'
BEGIN; SET LOCAL postmortem.migration = 'V42__orders';
CREATE TABLE public.m_set (id int); CREATE INDEX ON public.m_set (id);
INSERT INTO public.django_migrations (app, name) VALUES ('shop', '0012_ignored'); COMMIT;
SQL
is "$(of public.m_set)" "V42__orders - -" "postmortem.migration wins over a history row"
is "$(q -c "SELECT objects || ' ' || statements || ' ' || strongest_lock || ' ' || attributed_by FROM postmortem.migration_run WHERE id = 'V42__orders'")" \
   "2 2 SHARE setting" "migration_run: one run, its statements and its strongest lock"

# pg_dump keeps the user's sources, not the shipped ones (the extension makes those).
is "$(pg_dump -a -t postmortem.migration_source -d $db | grep -c -e '^COPY' -e 'our-deployer')" "2" \
   "pg_dump dumps the user's source row"
is "$(pg_dump -a -t postmortem.migration_source -d $db | grep -c 'Alembic')" "0" \
   "and not the shipped ones"
echo "1..$n"
