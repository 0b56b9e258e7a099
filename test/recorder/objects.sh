#!/usr/bin/env bash
# What each row is about (issue 9 item 12): a GRANT or REVOKE gets one row
# per object it names, with its type and identity; adding a foreign key
# records the SHARE ROW EXCLUSIVE lock it takes on the referenced table;
# no-op IF EXISTS statements write nothing; REFRESH MATERIALIZED VIEW
# CONCURRENTLY writes one row; after SET ROLE the session user is kept; a
# row's table_oid from before a dump and restore does not tie it to
# another table.  Uses the server of `make test`.
set -uo pipefail
db=postmortem_objects
q() { psql -X -q -A -t -d $db -c "$1" 2>&1; }
n=0
is() {
	n=$((n + 1))
	if [ "$1" = "$2" ]; then echo "ok $n - $3"; else
		echo "not ok $n - $3"; echo "#   got:      '$1'"; echo "#   expected: '$2'"; fi
}
cleanup() {
	psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1
	psql -X -q -d postgres -c "DROP ROLE IF EXISTS pmo_clerk" -c "DROP ROLE IF EXISTS pmo_app" >/dev/null 2>&1
}
trap cleanup EXIT
cleanup
psql -X -q -d postgres -c "CREATE DATABASE $db" -c "CREATE ROLE pmo_clerk" -c "CREATE ROLE pmo_app" >/dev/null \
	|| { echo "Bail out! cannot create $db"; exit 1; }
psql -X -q -v ON_ERROR_STOP=1 -d $db >/dev/null 2>&1 <<'SQL' || { echo "Bail out! setup failed"; exit 1; }
CREATE EXTENSION postmortem;
CREATE SCHEMA billing;
CREATE TABLE billing.invoice (id bigint PRIMARY KEY, customer text);
CREATE TABLE billing."Line Item" (id bigint, invoice_id bigint, parent_id bigint);
CREATE SEQUENCE billing.invoice_no;
CREATE VIEW billing.open_invoice AS SELECT id FROM billing.invoice;
CREATE FUNCTION billing.total(bigint) RETURNS numeric LANGUAGE sql AS 'SELECT 0::numeric';
CREATE TYPE billing.state AS ENUM ('open', 'paid');
CREATE MATERIALIZED VIEW billing.customers AS SELECT DISTINCT customer FROM billing.invoice;
CREATE UNIQUE INDEX ON billing.customers (customer);
SQL
mark=$(q "SELECT max(id) FROM postmortem.schema_change")
rows_since() { q "SELECT string_agg(command_tag || ' ' || coalesce(object_type, '-') || ' ' || coalesce(object_identity, '-')
	|| ' ' || coalesce(table_name, '-') || ' ' || coalesce(lock_mode, '-'), ', ' ORDER BY id)
	FROM postmortem.schema_change WHERE id > $mark"; }
step() { mark=$(q "SELECT max(id) FROM postmortem.schema_change"); q "$1" >/dev/null; }
echo "1..16"

step 'GRANT SELECT, UPDATE ON billing.invoice, billing."Line Item" TO pmo_clerk'
is "$(rows_since)" 'GRANT table billing.invoice billing.invoice -, GRANT table billing."Line Item" billing."Line Item" -' \
	"a GRANT on two tables: one row per table, with its identity"
step 'REVOKE EXECUTE ON FUNCTION billing.total(bigint) FROM PUBLIC'
is "$(rows_since)" 'REVOKE function billing.total(bigint) - -' "a REVOKE on a function names it"
step 'GRANT SELECT ON ALL TABLES IN SCHEMA billing TO pmo_clerk'
is "$(q "SELECT string_agg(object_identity, ', ' ORDER BY object_identity) FROM postmortem.schema_change WHERE id > $mark")" \
	'billing."Line Item", billing.customers, billing.invoice, billing.open_invoice' \
	"ON ALL TABLES IN SCHEMA: a row for each table and view it granted on"
step 'GRANT USAGE ON SCHEMA billing TO pmo_clerk; GRANT USAGE ON TYPE billing.state TO pmo_clerk; GRANT USAGE ON SEQUENCE billing.invoice_no TO pmo_clerk'
is "$(rows_since)" "GRANT schema billing - -, GRANT type billing.state - -, GRANT sequence billing.invoice_no billing.invoice_no -" \
	"schemas, types and sequences are named too"
is "$(q "SELECT count(*) FROM postmortem.schema_change WHERE command_tag IN ('GRANT', 'REVOKE') AND object_identity IS NULL")" "0" \
	"no GRANT or REVOKE row without its object"

step 'ALTER TABLE billing."Line Item" ADD CONSTRAINT line_invoice_fk FOREIGN KEY (invoice_id) REFERENCES billing.invoice'
is "$(rows_since)" 'ALTER TABLE table billing."Line Item" billing."Line Item" SHARE ROW EXCLUSIVE, ALTER TABLE table billing.invoice billing.invoice SHARE ROW EXCLUSIVE' \
	"ADD FOREIGN KEY: the referenced table's row says it takes SHARE ROW EXCLUSIVE"
is "$(q "SELECT blocks_writes::text || blocks_reads::text FROM postmortem.schema_change WHERE id > $mark AND table_name = 'billing.invoice'")" "truefalse" \
	"and that it blocks the referenced table's writes, not its reads"
step 'CREATE TABLE billing.payment (id bigint PRIMARY KEY, invoice_id bigint REFERENCES billing.invoice, previous bigint REFERENCES billing.payment)'
is "$(q "SELECT string_agg(command_tag || ' ' || object_identity || ' ' || coalesce(lock_mode, '-'), ', ' ORDER BY id) FROM postmortem.schema_change WHERE id > $mark AND object_identity <> 'billing.payment' AND object_type = 'table'")" \
	"ALTER TABLE billing.invoice SHARE ROW EXCLUSIVE" \
	"CREATE TABLE ... REFERENCES: the referenced table too, once; a self-reference adds nothing"

# Partitions: ATTACH takes ACCESS EXCLUSIVE on the table it attaches and on
# the default partition it scans; DETACH on the table it detaches;
# PARTITION OF on the default partition.
q "CREATE TABLE billing.events (at date, k int) PARTITION BY RANGE (at); CREATE TABLE billing.events_other PARTITION OF billing.events DEFAULT; CREATE TABLE billing.events_2026 (at date, k int)" >/dev/null
step "ALTER TABLE billing.events ATTACH PARTITION billing.events_2026 FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')"
is "$(q "SELECT string_agg(object_identity || ' ' || coalesce(lock_mode, '-') || ' ' || blocks_reads, ', ' ORDER BY object_identity) FROM postmortem.schema_change WHERE id > $mark")" \
	"billing.events SHARE UPDATE EXCLUSIVE false, billing.events_2026 ACCESS EXCLUSIVE true, billing.events_other ACCESS EXCLUSIVE true" \
	"ATTACH PARTITION: the attached table and the default partition are locked ACCESS EXCLUSIVE"
step "CREATE TABLE billing.events_2027 PARTITION OF billing.events FOR VALUES FROM ('2027-01-01') TO ('2028-01-01')"
is "$(q "SELECT count(*) FROM postmortem.schema_change WHERE id > $mark AND object_identity = 'billing.events_other' AND lock_mode = 'ACCESS EXCLUSIVE'")" "1" \
	"CREATE TABLE ... PARTITION OF: so is the default partition"
step "ALTER TABLE billing.events DETACH PARTITION billing.events_2026"
is "$(q "SELECT count(*) FROM postmortem.schema_change WHERE id > $mark AND object_identity = 'billing.events_2026' AND lock_mode = 'ACCESS EXCLUSIVE'")" "1" \
	"DETACH PARTITION: the detached table"
step 'DROP TABLE IF EXISTS billing.no_such_table; DROP INDEX IF EXISTS billing.no_such_index; ALTER TABLE IF EXISTS billing.no_such_table ADD COLUMN x int; DROP FUNCTION IF EXISTS billing.no_such_function()'
is "$(rows_since)" "" "IF EXISTS statements that found nothing write nothing"
step 'REFRESH MATERIALIZED VIEW CONCURRENTLY billing.customers'
is "$(rows_since)" "REFRESH MATERIALIZED VIEW materialized view billing.customers billing.customers EXCLUSIVE" \
	"REFRESH MATERIALIZED VIEW CONCURRENTLY writes one row, about the view"

step 'GRANT CREATE ON SCHEMA billing TO pmo_app; SET ROLE pmo_app; CREATE TABLE billing.app_table (a int); RESET ROLE'
is "$(q "SELECT role_name || ' ' || session_role FROM postmortem.schema_change WHERE id > $mark AND object_identity = 'billing.app_table'")" \
	"pmo_app $(q "SELECT session_user")" "after SET ROLE: the role and the session user"

# A row restored from a dump keeps the OID its table had in the dumped
# database, which may be another table's here: the timeline ties changes to
# a cited change by table name, not by that OID.
q "SELECT postmortem.open_incident('Invoices slow', 'SEV2', now() - interval '1 minute')" >/dev/null
inc=$(q "SELECT max(id) FROM postmortem.incident")
cited=$(q "SELECT max(id) FROM postmortem.schema_change WHERE table_name = 'billing.invoice'")
q "SELECT postmortem.cite($inc, $cited)" >/dev/null
q "SET session_replication_role = replica; INSERT INTO postmortem.schema_change (at, command_tag, object_type, object_identity, table_name, table_oid, role_name, database_name)
   VALUES (now(), 'DROP INDEX', 'index', 'billing.restored_idx', 'billing.other_table', 'billing.invoice'::regclass, current_user, current_database())" >/dev/null
is "$(q "SELECT count(*) FROM postmortem.incident_timeline($inc) WHERE body LIKE 'DROP INDEX billing.restored_idx%'")" "0" \
	"a row whose stale table_oid is the cited table's is not tied to it"
q "ALTER TABLE billing.invoice ADD COLUMN note text" >/dev/null
later=$(q "SELECT max(id) FROM postmortem.schema_change WHERE table_name = 'billing.invoice'")
is "$(q "SELECT count(*) FROM postmortem.incident_timeline($inc) WHERE source = 'recorder' AND ref = $later")" "1" \
	"a later change of the cited table is"
