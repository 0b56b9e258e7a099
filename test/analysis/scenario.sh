#!/usr/bin/env bash
# The scenario a new user runs: a table of 100k rows loses its index in a
# migration among unrelated changes, a failed concurrent build leaves an
# INVALID index, queries start scanning the table, and an incident is opened.
# The DROP INDEX must be the top suspect with a useful reason; the citation,
# the revert statement, the merged timeline, the evidence entries and the
# change failure rate must follow.
#
# With the schema-change recorder installed (event triggers of the
# extension), the DDL below is recorded by it.  Without it, the script says
# so and writes the rows the recorder would have written (the same facts:
# pg_get_indexdef before the drop, the table's scan counters), so that
# everything downstream of the recorder is still exercised.
#
# The incident is opened right after the migration, not a minute later (the
# test does not sleep): impact "began" when it was declared.
set -uo pipefail
db=postmortem_scenario_tap
psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null 2>&1 \
	|| { echo "Bail out! cannot create $db"; exit 1; }
trap 'psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1' EXIT

out=$(psql -X -q -At -d "$db" 2>&1 <<'SQL'
\set ON_ERROR_STOP on
CREATE EXTENSION postmortem;
SET search_path = public, postmortem;
CREATE TABLE public.orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL, total numeric, created_at timestamptz);
INSERT INTO public.orders SELECT g, g % 5000, g % 100, now() - g * interval '1 second' FROM generate_series(1, 100000) g;
CREATE INDEX orders_customer_idx ON public.orders (customer_id);
CREATE TABLE public.coupons (code text PRIMARY KEY, pct int);
ANALYZE public.orders;
SELECT count(*) FROM public.orders WHERE customer_id = 42 \g /dev/null
SELECT pg_stat_force_next_flush() \g /dev/null
SELECT pg_get_indexdef('public.orders_customer_idx'::regclass) AS indexdef,
       seq_scan AS seq_before, idx_scan AS idx_before, now() AS t_before
  FROM pg_stat_user_tables WHERE relid = 'public.orders'::regclass \gset

-- postmortem.migration is the recorder's GUC
SELECT count(*) > 0 AS has_migration_guc FROM pg_settings WHERE name = 'postmortem.migration' \gset
BEGIN;
\if :has_migration_guc
SET LOCAL postmortem.migration = '2024_11_21_0042_cleanup_indexes';
\endif
CREATE TABLE public.audit_note (id int, note text);
COMMENT ON TABLE public.audit_note IS 'scratch notes';
ALTER TABLE public.coupons ADD COLUMN expires_at timestamptz;
DROP INDEX public.orders_customer_idx;
CREATE VIEW public.big_orders AS SELECT * FROM public.orders WHERE total > 90;
COMMIT;
INSERT INTO public.coupons VALUES ('DUP', 1), ('DUP2', 1);
\set ON_ERROR_STOP off
CREATE UNIQUE INDEX CONCURRENTLY coupons_pct_key ON public.coupons (pct);
\set ON_ERROR_STOP on

SELECT count(*) > 0 AS recorder
  FROM postmortem.schema_change WHERE object_identity = 'public.orders_customer_idx' \gset
\if :recorder
\echo mode=recorder
\else
\echo mode=fallback
INSERT INTO postmortem.schema_change
       (at, finished_at, command_tag, object_type, object_identity, schema_name, table_name, table_oid,
        statement, migration, lock_mode, blocks_writes, blocks_reads, definition_before,
        revert_statement, index_invalid, failed, table_rows, table_seq_scan, table_idx_scan,
        role_name, database_name)
SELECT *, current_user, current_database() FROM (VALUES (:'t_before'::timestamptz, :'t_before'::timestamptz, 'CREATE TABLE', 'table', 'public.audit_note', 'public', 'audit_note', 'public.audit_note'::regclass,
        'CREATE TABLE public.audit_note (id int, note text)', '2024_11_21_0042_cleanup_indexes', 'ACCESS EXCLUSIVE', true, true, NULL,
        'DROP TABLE public.audit_note', false, false, 0, 0, 0),
       (:'t_before', :'t_before', 'COMMENT', 'table', 'public.audit_note', 'public', 'audit_note', 'public.audit_note'::regclass,
        'COMMENT ON TABLE public.audit_note IS ''scratch notes''', '2024_11_21_0042_cleanup_indexes', 'SHARE UPDATE EXCLUSIVE', false, false, NULL,
        NULL, false, false, 0, 0, 0),
       (:'t_before', :'t_before', 'ALTER TABLE', 'table', 'public.coupons', 'public', 'coupons', 'public.coupons'::regclass,
        'ALTER TABLE public.coupons ADD COLUMN expires_at timestamptz', '2024_11_21_0042_cleanup_indexes', 'ACCESS EXCLUSIVE', true, true, NULL,
        'ALTER TABLE public.coupons DROP COLUMN expires_at', false, false, 0, 0, 0),
       (:'t_before', :'t_before', 'DROP INDEX', 'index', 'public.orders_customer_idx', 'public', 'orders', 'public.orders'::regclass,
        'DROP INDEX public.orders_customer_idx', '2024_11_21_0042_cleanup_indexes', 'ACCESS EXCLUSIVE', true, true, :'indexdef',
        :'indexdef', false, false, 100000, :seq_before, :idx_before),
       (:'t_before', :'t_before', 'CREATE VIEW', 'view', 'public.big_orders', 'public', 'big_orders', 'public.big_orders'::regclass,
        'CREATE VIEW public.big_orders AS SELECT * FROM public.orders WHERE total > 90', '2024_11_21_0042_cleanup_indexes', 'ACCESS EXCLUSIVE', true, true, NULL,
        'DROP VIEW public.big_orders', false, false, NULL, NULL, NULL),
       (clock_timestamp(), clock_timestamp(), 'CREATE INDEX', 'index', 'public.coupons_pct_key', 'public', 'coupons', 'public.coupons'::regclass,
        'CREATE UNIQUE INDEX CONCURRENTLY coupons_pct_key ON public.coupons (pct)', NULL, 'SHARE UPDATE EXCLUSIVE', false, false, NULL,
        'DROP INDEX CONCURRENTLY public.coupons_pct_key', true, true, 2, 0, 0)) AS v;
\endif

-- the orders page keeps asking for a customer's orders: now a sequential scan each time
DO $$ BEGIN FOR i IN 1 .. 40 LOOP PERFORM count(*) FROM public.orders WHERE customer_id = i; END LOOP; END $$;
SELECT pg_stat_force_next_flush() \g /dev/null

-- declared with impact starting now
INSERT INTO postmortem.incident (title, severity, started_at, summary)
VALUES ('Orders page times out for customers', 'SEV2', clock_timestamp(),
        'Customer order history takes 20 s') RETURNING id AS incident \gset
\echo incident=:incident
SELECT 'top=' || command_tag || ' ' || object_identity FROM postmortem.suspects(:incident) LIMIT 1;
SELECT 'reason=' || reason FROM postmortem.suspects(:incident) LIMIT 1;
SELECT 'suspects=' || count(*) FROM postmortem.suspects(:incident);
SELECT schema_change_id AS culprit, revert_statement AS revert FROM postmortem.suspects(:incident) LIMIT 1 \gset
SELECT 'cited=' || (postmortem.cite(:incident, :culprit, 'root_cause', 'dropped by the cleanup migration') IS NOT NULL);
SELECT 'revert=' || :'revert';
:revert;
SELECT 'index_back=' || (to_regclass('public.orders_customer_idx') IS NOT NULL);
SELECT 'evidence=' || body FROM postmortem.timeline WHERE incident_id = :incident AND source = 'evidence' ORDER BY id;
UPDATE postmortem.incident SET status = 'resolved', resolved_at = clock_timestamp() WHERE id = :incident;
INSERT INTO postmortem.task (incident_id, title, kind, owner) VALUES (:incident, 'Review DROP INDEX in migrations', 'preventative', 'dba-team');
SELECT 'timeline=' || kind || '|' || source || '|' || body FROM postmortem.incident_timeline(:incident);
SELECT 'cfr=' || changes || '|' || failed_changes || '|' || change_failure_rate
  FROM postmortem.change_failure_rate WHERE month = date_trunc('month', now());
SQL
)
status=$?
printf '%s\n' "$out" | sed 's/^/# /'
n=0
t() { n=$((n + 1)); if printf '%s\n' "$out" | grep -Eq "$2"; then echo "ok $n - $1"; else echo "not ok $n - $1"; fi; }
echo "1..11"
[ $status -eq 0 ] && echo "ok 1 - the scenario runs ($(printf '%s\n' "$out" | grep -o 'mode=.*'))" || echo "not ok 1 - the scenario runs"
n=1
t "the DROP INDEX is the top suspect" '^top=DROP INDEX public\.orders_customer_idx$'
t "its reason says when, how big and which queries lose their index" '^reason=DROP INDEX public\.orders_customer_idx ([0-9]+ s|as impact began|1 min).*orders has 100000 rows; queries filtering on customer_id lose their index'
t "the unrelated changes and the failed build are suspects too" '^suspects=([5-9]|[1-9][0-9])$'
t "the culprit is cited" '^cited=true$'
t "the revert statement rebuilds the index" '^revert=CREATE INDEX orders_customer_idx ON public\.orders USING btree \(customer_id\)'
t "running it brings the index back" '^index_back=true$'
t "evidence: the INVALID index" '^evidence=index public\.coupons_pct_key on public\.coupons is INVALID'
t "evidence: orders' sequential scans jumped since the DROP INDEX" '^evidence=sequential scans of public\.orders rose from [0-9]+ to [0-9]+ since DROP INDEX public\.orders_customer_idx'
t "the merged timeline has the citation, the evidence and the task" '^timeline=schema_change\|citation\|DROP INDEX public\.orders_customer_idx \(cited as root_cause\)'
t "the change failure rate counts the cited change" '^cfr=[0-9]+\|[1-9][0-9]*\|0\.[0-9]+$'
