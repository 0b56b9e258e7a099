--
-- culprit: which recorded schema change caused an incident?
--
-- The schema changes are written directly (as the recorder would) with fixed
-- times in May 2024, so that DDL the recorder logs while this test runs (at
-- the current time) never falls into the windows looked at here.
--
SET search_path = public, postmortem;
SET TimeZone = 'UTC';

CREATE TABLE public.orders (id bigint PRIMARY KEY, customer_id bigint, total numeric);
CREATE TABLE public.coupons (code text PRIMARY KEY, pct int);

-- impact began at 12:00; the incident names the orders page
INSERT INTO postmortem.incident (title, summary, severity, status, started_at, detected_at, resolved_at)
VALUES ('Order page times out', 'Customers wait 20 s for their order history', 'SEV2', 'resolved',
        '2024-05-01 12:00', '2024-05-01 12:03', '2024-05-01 12:30')
RETURNING id AS incident \gset

-- a migration at 11:59 drops an index among unrelated changes; a concurrent
-- build fails at 11:59:30; more changes come during and long before the incident
INSERT INTO postmortem.schema_change
       (at, finished_at, command_tag, object_type, object_identity, schema_name, table_name,
        table_oid, statement, migration, lock_mode, blocks_writes, blocks_reads,
        definition_before, revert_statement, index_invalid, failed, table_rows,
        role_name, database_name)
SELECT *, 'migrator', current_database() FROM (VALUES ('2024-05-01 11:58:50'::timestamptz, '2024-05-01 11:58:50.004'::timestamptz, 'CREATE TABLE', 'table', 'public.audit_note', 'public', 'audit_note',
        NULL, 'CREATE TABLE public.audit_note (id int, note text)', '0042_cleanup', 'ACCESS EXCLUSIVE', true, true,
        NULL, 'DROP TABLE public.audit_note', false, false, 0),
       ('2024-05-01 11:58:55', '2024-05-01 11:58:55.002', 'ALTER TABLE', 'table', 'public.coupons', 'public', 'coupons',
        'public.coupons'::regclass, 'ALTER TABLE public.coupons ADD COLUMN expires_at timestamptz', '0042_cleanup', 'ACCESS EXCLUSIVE', true, true,
        NULL, 'ALTER TABLE public.coupons DROP COLUMN expires_at', false, false, 12),
       ('2024-05-01 11:59:00', '2024-05-01 11:59:00.005', 'DROP INDEX', 'index', 'public.orders_customer_idx', 'public', 'orders',
        'public.orders'::regclass, 'DROP INDEX public.orders_customer_idx', '0042_cleanup', 'ACCESS EXCLUSIVE', true, true,
        'CREATE INDEX orders_customer_idx ON public.orders USING btree (customer_id)',
        'CREATE INDEX orders_customer_idx ON public.orders USING btree (customer_id)', false, false, 100000),
       ('2024-05-01 11:59:05', '2024-05-01 11:59:05.001', 'CREATE VIEW', 'view', 'public.big_orders', 'public', 'big_orders',
        NULL, 'CREATE VIEW public.big_orders AS SELECT * FROM public.orders WHERE total > 90', '0042_cleanup', 'ACCESS EXCLUSIVE', true, true,
        NULL, 'DROP VIEW public.big_orders', false, false, NULL),
       ('2024-05-01 11:59:30', '2024-05-01 11:59:31', 'CREATE INDEX', 'index', 'public.coupons_pct_key', 'public', 'coupons',
        'public.coupons'::regclass, 'CREATE UNIQUE INDEX CONCURRENTLY coupons_pct_key ON public.coupons (pct)', NULL, 'SHARE UPDATE EXCLUSIVE', false, false,
        NULL, 'DROP INDEX CONCURRENTLY public.coupons_pct_key', true, true, 12),
       -- two days before: outside the default 24 hour lookback
       ('2024-04-29 10:00:00', '2024-04-29 10:00:01', 'DROP INDEX', 'index', 'public.orders_total_idx', 'public', 'orders',
        'public.orders'::regclass, 'DROP INDEX public.orders_total_idx', NULL, 'ACCESS EXCLUSIVE', true, true,
        'CREATE INDEX orders_total_idx ON public.orders USING btree (total)', NULL, false, false, 100000),
       -- during the incident: on orders (involved) and on an unrelated table
       ('2024-05-01 12:05:00', '2024-05-01 12:05:00.01', 'ALTER TABLE', 'table', 'public.orders', 'public', 'orders',
        'public.orders'::regclass, 'ALTER TABLE public.orders ADD COLUMN note text', NULL, 'ACCESS EXCLUSIVE', true, true,
        NULL, 'ALTER TABLE public.orders DROP COLUMN note', false, false, 100000),
       ('2024-05-01 12:10:00', '2024-05-01 12:10:00.01', 'ALTER TABLE', 'table', 'public.coupons', 'public', 'coupons',
        'public.coupons'::regclass, 'ALTER TABLE public.coupons ADD COLUMN owner text', NULL, 'ACCESS EXCLUSIVE', true, true,
        NULL, 'ALTER TABLE public.coupons DROP COLUMN owner', false, false, 12),
       -- the fix, at 12:20
       ('2024-05-01 12:20:00', '2024-05-01 12:20:40', 'CREATE INDEX', 'index', 'public.orders_customer_idx', 'public', 'orders',
        'public.orders'::regclass, 'CREATE INDEX CONCURRENTLY orders_customer_idx ON public.orders (customer_id)', NULL, 'SHARE UPDATE EXCLUSIVE', false, false,
        NULL, 'DROP INDEX CONCURRENTLY public.orders_customer_idx', false, false, 100000)) AS v;

-- the day before: a rewrite that held its lock for 4 minutes
INSERT INTO postmortem.schema_change
       (at, finished_at, command_tag, object_type, object_identity, schema_name, table_name,
        table_oid, statement, migration, lock_mode, blocks_writes, blocks_reads,
        rewrote_table, rewrite_reason, revert_statement, table_rows, role_name, database_name)
VALUES ('2024-04-30 09:00:00', '2024-04-30 09:04:00', 'ALTER TABLE', 'table', 'public.orders', 'public', 'orders',
        'public.orders'::regclass, 'ALTER TABLE public.orders ALTER total TYPE numeric(12,2)', '0041_money',
        'ACCESS EXCLUSIVE', true, true, true, 'column type changed',
        'ALTER TABLE public.orders ALTER total TYPE numeric', 100000, 'migrator', current_database());

-- a concurrent build that failed after the recorder saw it: the row does not
-- say INVALID, pg_index does
INSERT INTO public.coupons VALUES ('A', 5), ('B', 5);
CREATE UNIQUE INDEX CONCURRENTLY coupons_pct_live ON public.coupons (pct);
INSERT INTO postmortem.schema_change
       (at, finished_at, command_tag, object_type, object_identity, schema_name, table_name,
        table_oid, statement, lock_mode, blocks_writes, blocks_reads, table_rows, role_name, database_name)
VALUES ('2024-05-01 11:59:40', '2024-05-01 11:59:41', 'CREATE INDEX', 'index', 'public.coupons_pct_live', 'public', 'coupons',
        'public.coupons'::regclass, 'CREATE UNIQUE INDEX CONCURRENTLY coupons_pct_live ON public.coupons (pct)',
        'SHARE UPDATE EXCLUSIVE', false, false, 12, 'migrator', current_database());

-- the DROP INDEX comes first, with the reason an on-call engineer needs;
-- the change after the start and the one before the lookback are not suspects
SELECT object_identity, score, reason
  FROM postmortem.suspects(:incident);

-- what to run to undo each suspect
SELECT command_tag, object_identity, migration, revert_statement
  FROM postmortem.suspects(:incident) LIMIT 3;

-- a longer lookback reaches the rewrite the day before and the index dropped two days before
SELECT object_identity, score, reason
  FROM postmortem.suspects(:incident, '3 days')
 WHERE at < '2024-05-01';

-- declared on the spot, started_at is an estimate: a change made between it
-- and the moment the incident was entered (within a minute) is a suspect;
-- one made after the incident was entered is not
INSERT INTO postmortem.incident (title, started_at, created_at)
VALUES ('Search is slow', '2024-06-01 10:00:00', '2024-06-01 10:00:30')
RETURNING id AS estimated \gset
INSERT INTO postmortem.schema_change (at, command_tag, object_type, object_identity, table_name, role_name, database_name)
VALUES ('2024-06-01 10:00:20', 'DROP INDEX', 'index', 'public.search_terms_idx', 'public.search_terms', 'migrator', current_database()),
       ('2024-06-01 10:00:40', 'CREATE INDEX', 'index', 'public.search_terms_idx', 'public.search_terms', 'oncall', current_database());
SELECT object_identity, command_tag, reason FROM postmortem.suspects(:estimated);

-- cite it; the fix is cited as the remediation
SELECT schema_change_id AS culprit FROM postmortem.suspects(:incident) LIMIT 1 \gset
SELECT id AS fix FROM postmortem.schema_change
 WHERE object_identity = 'public.orders_customer_idx' AND command_tag = 'CREATE INDEX'
   AND at = '2024-05-01 12:20' \gset
SELECT postmortem.cite(:incident, :culprit) IS NOT NULL AS cited;
SELECT postmortem.cite(:incident, :fix, 'remediation', 'rebuilt concurrently') IS NOT NULL AS cited;
SELECT s.object_identity, c.role, c.note, c.cited_by = current_user AS by_me
  FROM postmortem.citation c JOIN postmortem.schema_change s ON s.id = c.schema_change_id
 WHERE c.incident_id = :incident ORDER BY c.id;

-- one timeline: the people, the citations, the changes made during the
-- incident on orders (the cited table), and the tasks
INSERT INTO postmortem.timeline (incident_id, at, kind, body, source)
VALUES (:incident, '2024-05-01 12:03', 'detection', 'Latency alert on the orders API', 'manual'),
       (:incident, '2024-05-01 12:12', 'misleading_path', 'Suspected the new coupons code', 'manual'),
       (:incident, '2024-05-01 12:30', 'resolution', 'Latency back to normal', 'manual');
INSERT INTO postmortem.task (incident_id, title, kind, status, owner, due_at, created_at, completed_at)
VALUES (:incident, 'Review DROP INDEX in migrations', 'preventative', 'done', 'dba-team',
        '2024-05-15', '2024-05-01 13:00', '2024-05-10 09:00');
SELECT at, kind, body, source
  FROM postmortem.incident_timeline(:incident)
 WHERE source <> 'lifecycle';

-- change failure rate: 11 changes recorded in the spring of 2024, one of
-- them cited as a root cause (a remediation is not a failure)
SELECT month, changes, failed_changes, change_failure_rate
  FROM postmortem.change_failure_rate
 WHERE month >= '2024-04-01' AND month < '2024-06-01'
 ORDER BY month;

-- tables named in an incident: whole words, either number
SELECT postmortem.mentions('order page times out', 'orders') AS plural,
       postmortem.mentions('The ORDERS table', 'orders') AS any_case,
       postmortem.mentions('see public.order_lines', 'order_lines') AS qualified,
       postmortem.mentions('orders are slow', 'public.orders') AS by_relname,
       postmortem.mentions('Order Lines slow', '"Sales"."Order Lines"') AS quoted,
       postmortem.mentions('big_orders is slow', 'orders') AS other_word,
       postmortem.mentions('reorders', 'orders') AS inside_a_word;

-- invalid input
\set VERBOSITY sqlstate
SELECT postmortem.cite(:incident, :culprit);                 -- already cited: 23505
SELECT postmortem.cite(:incident, -1);                       -- no such change: 23503
SELECT postmortem.cite(-1, :culprit);                        -- no such incident: P0002
SELECT postmortem.cite(:incident, :culprit, 'blame');        -- not a role: 22P02
SELECT * FROM postmortem.suspects(-1);                       -- P0002
SELECT * FROM postmortem.suspects(:incident, '-1 hour');     -- 22023
SELECT * FROM postmortem.incident_timeline(-1);              -- P0002
\set VERBOSITY default
SELECT * FROM postmortem.suspects(-1);
-- deleting the incident deletes its citations
DELETE FROM postmortem.incident WHERE id = :incident;
SELECT count(*) FROM postmortem.citation WHERE incident_id = :incident;

-- the lookups use indexes (the queries suspects() and incident_timeline() run)
SET enable_seqscan = off;
EXPLAIN (COSTS OFF)
SELECT s.id FROM postmortem.schema_change s
 WHERE s.at > '2024-05-01 12:00'::timestamptz - '24 hours'::interval AND s.at <= '2024-05-01 12:00';
EXPLAIN (COSTS OFF)
SELECT t.body FROM postmortem.timeline t WHERE t.incident_id = 1 ORDER BY t.at;
EXPLAIN (COSTS OFF)
SELECT c.schema_change_id FROM postmortem.citation c WHERE c.incident_id = 1;
EXPLAIN (COSTS OFF)
SELECT c.incident_id FROM postmortem.citation c WHERE c.schema_change_id = 1;
EXPLAIN (COSTS OFF)
SELECT k.id FROM postmortem.task k WHERE k.incident_id = 1;
RESET enable_seqscan;

DROP TABLE public.orders, public.coupons;
