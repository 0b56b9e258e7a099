#!/usr/bin/env bash
# What a user-supplied value or an administrator's grant must not do to the
# audit (attack3): a long postmortem.migration must not drop the DDL of a
# transaction (F10), a failed write still leaves a gap row whatever
# migration it named, migration_source is no way to read tables (F4), and
# TRUNCATE of the audit is refused (F1).
set -uo pipefail
cd "$(dirname "$0")/../.."
db=postmortem_untrusted_sh
cleanup() {
	psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1
	for r in pm_untr_creator pm_untr_adm pm_untr_administrator pm_untr_responder pm_untr_dashboard; do
		psql -X -q -d postgres -c "DROP ROLE IF EXISTS $r" >/dev/null 2>&1
	done
}
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
q -c "CREATE EXTENSION postmortem" -c "SELECT count(*) FROM postmortem.create_roles('pm_untr_')" >/dev/null

# F10: a 10 kB postmortem.migration (incompressible) is recorded, clipped to
# 1,000 bytes and marked, with the statements before the SET too
q >/dev/null <<'SQL'
CREATE TABLE public.u_victim (a int);
BEGIN;
CREATE TABLE public.u_before (a int);
SELECT set_config('postmortem.migration', (SELECT string_agg(md5(g::text), '') FROM generate_series(1, 320) AS g), true);
CREATE TABLE public.u_long (a int);
DROP TABLE public.u_victim;
COMMIT;
SQL
is "$(q -c "SELECT string_agg(object_identity || ' ' || coalesce(octet_length(migration)::text, '-'), ', ' ORDER BY id)
              FROM postmortem.schema_change WHERE object_identity IN ('public.u_before', 'public.u_long')
                OR (object_identity = 'public.u_victim' AND command_tag = 'DROP TABLE')")" \
	"public.u_before -, public.u_long 1012, public.u_victim 1012" \
	"a transaction with a 10 kB postmortem.migration is recorded"
is "$(q -c "SELECT DISTINCT right(migration, 12) || ' ' || octet_length(migration) FROM postmortem.migration_attribution")" \
	"...(clipped) 1012" "the migration id is cut to 1,000 bytes and marked, in the attribution too"
is "$(q -c "SELECT count(*) FROM postmortem.verify_audit()")" "0" "the chain verifies"

# a multibyte id is cut at a character boundary
q -c "BEGIN" -c "SET LOCAL postmortem.migration = '$(printf 'é%.0s' $(seq 1 700))'" -c "CREATE TABLE public.u_mb (a int)" -c "COMMIT" >/dev/null
is "$(q -c "SELECT octet_length(migration) || ' ' || (left(migration, 1) = 'é') FROM postmortem.schema_change WHERE object_identity = 'public.u_mb'")" \
	"1012 true" "a multibyte id is cut at a character boundary"

# a long id from a history row is clipped the same way
q >/dev/null <<'SQL'
INSERT INTO postmortem.migration_source (tool, schema_name, table_name, id_columns, id_separator)
VALUES ('long-ids', 'public', 'u\_history', '{a,b}', '-');
CREATE TABLE public.u_history (a text, b text);
BEGIN;
CREATE TABLE public.u_hist_change (a int);
INSERT INTO public.u_history SELECT repeat('x', 900), repeat('y', 900);
COMMIT;
SQL
is "$(q -c "SELECT octet_length(m.migration) || ' ' || m.tool FROM postmortem.migration_attribution m JOIN postmortem.schema_change s ON s.id = m.schema_change_id WHERE s.object_identity = 'public.u_hist_change'")" \
	"1012 long-ids" "an id from a history row is clipped too"

# A forced write failure (a unique index that the attributions of two
# statements naming one migration break) still leaves the gap rows: they
# carry no migration, so the value cannot break them too
q >/dev/null <<'SQL'
CREATE UNIQUE INDEX u_forced ON postmortem.migration_attribution (migration) WHERE migration LIKE 'u-forced-%';
BEGIN;
SET LOCAL postmortem.migration = 'u-forced-1';
CREATE TABLE public.u_forced1 (a int);
CREATE TABLE public.u_forced2 (a int);
COMMIT;
SQL
is "$(q -c "SELECT string_agg(object_type || ' ' || (migration IS NULL) || ' ' || (object_identity LIKE '23505:%') || ' ' || statement, ', ' ORDER BY id) FROM (SELECT * FROM postmortem.schema_change ORDER BY id DESC LIMIT 2) s")" \
	"recorder error true true CREATE TABLE public.u_forced1 (a int), recorder error true true CREATE TABLE public.u_forced2 (a int)" \
	"a failed write still leaves a gap row per statement, without the migration"
q -c "DROP INDEX postmortem.u_forced" >/dev/null
is "$(q -c "SELECT count(*) FROM postmortem.verify_audit()")" "0" "and the chain verifies"

# F4: migration_source is the owner's; the recorder reads only what the
# committing role may read, never a table with row-level security, and no
# all-wildcard pattern
q >/dev/null <<'SQL'
CREATE ROLE pm_untr_creator LOGIN;
CREATE ROLE pm_untr_adm LOGIN IN ROLE pm_untr_administrator;
GRANT CREATE ON SCHEMA public TO pm_untr_creator;
SQL
is "$(q -c "SELECT has_table_privilege('pm_untr_adm', 'postmortem.migration_source', 'INSERT'),
                   has_table_privilege('pm_untr_adm', 'postmortem.migration_source', 'UPDATE'),
                   has_table_privilege('pm_untr_adm', 'postmortem.migration_source', 'DELETE'),
                   has_table_privilege('pm_untr_adm', 'postmortem.migration_source', 'SELECT')")" \
	"f|f|f|t" "an administrator reads migration_source but may not write it"
is "$(q -c "SET ROLE pm_untr_adm" -c "INSERT INTO postmortem.migration_source (tool, table_name, id_columns) VALUES ('exfil', 'users\_private', '{secret}')" 2>&1 | grep -o 'permission denied for table migration_source')" \
	"permission denied for table migration_source" "so it cannot name a table for the recorder to read"
is "$(q -c "INSERT INTO postmortem.migration_source (tool, table_name, id_columns) VALUES ('exfil', '%', '{secret}')" 2>&1 | head -1)" \
	'ERROR:  migration source table pattern "%" names every table' "a pattern made only of wildcards is refused"
is "$(q -c "\\set VERBOSITY verbose" -c "UPDATE postmortem.migration_source SET table_name = '_%_' WHERE tool = 'long-ids'" 2>&1 | head -1 | grep -o '22023')" \
	"22023" "also by an UPDATE, with SQLSTATE 22023"

# a source the owner added names a table the committing role cannot read
q >/dev/null <<'SQL'
INSERT INTO postmortem.migration_source (tool, schema_name, table_name, id_columns)
VALUES ('exfil', 'public', 'u\_private', '{secret}'), ('exfil', 'public', 'u\_rls', '{secret}');
CREATE TABLE public.u_private (id int, secret text);
GRANT INSERT ON public.u_private TO pm_untr_creator;
CREATE TABLE public.u_rls (id int, secret text);
ALTER TABLE public.u_rls ENABLE ROW LEVEL SECURITY;
CREATE TABLE public.u_orders (id int);
ALTER TABLE public.u_orders OWNER TO pm_untr_creator;
SQL
q -c "SET ROLE pm_untr_creator" -c "BEGIN" -c "ALTER TABLE public.u_orders ADD COLUMN n1 int" \
	-c "INSERT INTO public.u_private VALUES (1, 'S3cret-one')" -c "COMMIT" >/dev/null
q -c "BEGIN" -c "ALTER TABLE public.u_orders ADD COLUMN n2 int" \
	-c "INSERT INTO public.u_rls VALUES (2, 'S3cret-two')" -c "COMMIT" >/dev/null
is "$(q -c "SELECT count(*) FROM postmortem.migration_attribution WHERE migration LIKE 'S3cret%'")
$(q -c "SELECT count(*) FROM postmortem.schema_change WHERE migration LIKE 'S3cret%'")" "0
0" "rows the committing role may not read, or under row-level security, are never read"
q -c "BEGIN" -c "ALTER TABLE public.u_orders ADD COLUMN n3 int" \
	-c "INSERT INTO public.u_private VALUES (3, 'readable-3')" -c "COMMIT" >/dev/null
is "$(q -c "SELECT migration FROM postmortem.schema_change WHERE object_identity = 'public.u_orders' ORDER BY id DESC LIMIT 1")" \
	"readable-3" "a table the committing role may read still names the migration"

# F1: TRUNCATE of the audit is refused unless postmortem.allow_drop is on
for t in schema_change schema_change_head schema_change_pending migration_attribution; do
	is "$(q -c "\\set VERBOSITY verbose" -c "TRUNCATE postmortem.$t CASCADE" 2>&1 | grep -m1 ERROR)" \
		"ERROR:  55000: cannot truncate postmortem.$t: it is part of the schema-change audit" \
		"TRUNCATE postmortem.$t is refused (55000), also for a superuser"
done
is "$(q -c "SET session_replication_role = replica" -c "TRUNCATE postmortem.schema_change, postmortem.schema_change_head CASCADE" 2>&1 | grep -m1 -o 'cannot truncate')" \
	"cannot truncate" "also with session_replication_role = replica"
before=$(q -c "SELECT count(*) FROM postmortem.schema_change")
is "$(q -c "TRUNCATE postmortem.schema_change, postmortem.schema_change_head CASCADE" 2>&1 | grep -o 'HINT.*allow_drop = on' | head -1)" \
	"HINT:  Keep them first (pg_dump --schema=postmortem), then SET postmortem.allow_drop = on" "the hint names postmortem.allow_drop"
is "$(q -c "SELECT count(*) FROM postmortem.schema_change")" "$before" "the audit is untouched"
is "$(q -c "SET postmortem.allow_drop = on" -c "TRUNCATE postmortem.migration_attribution" -c "SELECT count(*) FROM postmortem.migration_attribution")" \
	"0" "with postmortem.allow_drop on it goes ahead"

echo "1..$n"
