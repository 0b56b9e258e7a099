-- The postmortem demo: run by `make demo` (demo/demo.sh) with -v seeds=DIR.
\pset footer off
\pset null '∅'
\set QUIET on
CREATE EXTENSION postmortem;
SET search_path = public, postmortem;
\set QUIET off

\echo
\echo '== 1. Five real postmortems, imported from Markdown =='
\set s000 `cat :seeds/000_2d29b2a47fc1b878.txt`
\set s001 `cat :seeds/001_e377f6c4d1aac321.txt`
\set s002 `cat :seeds/002_baa2f493d473fd47.txt`
\set s003 `cat :seeds/003_052e3b1ff3f3a8fe.txt`
\set s004 `cat :seeds/004_157e2b01bfd7d615.txt`
SELECT postmortem.import_markdown(:'s000') AS seed000,
       postmortem.import_markdown(:'s001') AS seed001,
       postmortem.import_markdown(:'s002', on_date => '2024-03-04') AS seed002,
       postmortem.import_markdown(:'s003') AS seed003,
       postmortem.import_markdown(:'s004') AS seed004;

SELECT id, title, severity, started_at AT TIME ZONE 'UTC' AS started_utc,
       resolved_at AT TIME ZONE 'UTC' AS resolved_utc, users_affected_pct AS "users %",
       (SELECT count(*) FROM postmortem.timeline t WHERE t.incident_id = i.id) AS entries,
       (SELECT count(*) FROM postmortem.task k WHERE k.incident_id = i.id) AS tasks,
       cardinality(import_notes) AS notes
  FROM postmortem.incident i ORDER BY id;

\echo
\echo '== What the importer had to guess (kept on the incident, never silent) =='
SELECT id, unnest(import_notes) AS import_note FROM postmortem.incident ORDER BY id;

\echo
\echo '== 2. Durations and impact, computed in C (FireHydrant-style, from started_at) =='
SELECT i.id, i.time_to_detect, i.time_to_acknowledge, i.time_to_mitigate, i.time_to_resolve,
       i.duration, round(i.impact_minutes::numeric, 1) AS impact_minutes,
       round(postmortem.error_budget_burn(i, 0.999, '30 days')::numeric, 2) AS budget_burn_999_30d
  FROM postmortem.incident i ORDER BY id;
SELECT postmortem.downtime(tstzrange(started_at, resolved_at)) AS total_downtime_overlaps_once
  FROM postmortem.incident;

\echo
\echo '== 3. A bad migration is replayed: 100k orders lose their index among unrelated changes =='
\echo '-- (the demo server runs on a clock that demo/clock.sh moves: 40 minutes of incident in'
\echo '--  a few seconds, every time recorded by the database itself; it is now 45 minutes ago)'
\set ECHO queries
CREATE TABLE public.orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL, total numeric, created_at timestamptz);
INSERT INTO public.orders SELECT g, g % 5000, g % 100, now() - g * interval '1 second' FROM generate_series(1, 100000) g;
CREATE INDEX orders_customer_idx ON public.orders (customer_id);
CREATE TABLE public.coupons (code text PRIMARY KEY, pct int);
ANALYZE public.orders;
BEGIN;
SET LOCAL postmortem.migration = '2024_11_21_0042_cleanup_indexes';
CREATE TABLE public.audit_note (id int, note text);
COMMENT ON TABLE public.audit_note IS 'scratch notes';
ALTER TABLE public.coupons ADD COLUMN expires_at timestamptz;
DROP INDEX public.orders_customer_idx;
CREATE VIEW public.big_orders AS SELECT * FROM public.orders WHERE total > 90;
COMMIT;
\echo '-- a concurrent index build fails and leaves an INVALID index behind:'
INSERT INTO public.coupons VALUES ('DUP', 1), ('DUP2', 1);
UPDATE public.coupons SET pct = 2;
\set ON_ERROR_STOP off
CREATE UNIQUE INDEX CONCURRENTLY coupons_pct_key ON public.coupons (pct);
\set ON_ERROR_STOP on
\set ECHO none

\echo '-- what the recorder wrote (one row per object a command touched):'
SELECT id, at::time(0) AS at, command_tag, object_identity, lock_mode, migration, left(statement, 60) AS statement
  FROM postmortem.schema_change ORDER BY id;

\echo
\echo '== 4. A minute later the orders page slows down; six minutes on, on call declares an incident =='
\echo '-- (the application keeps looking orders up by customer: each lookup is now a sequential scan)'
\! bash demo/clock.sh -44m
SELECT date_trunc('minute', now()) AS impact_start \gset
DO $$
BEGIN
	FOR c IN 1..40 LOOP
		PERFORM count(*) FROM public.orders WHERE customer_id = c;
	END LOOP;
END
$$;
SELECT pg_stat_force_next_flush() \gset
SELECT pg_sleep(2) \gset
\! bash demo/clock.sh -38m
SELECT postmortem.open_incident('Orders page times out for customers', 'SEV2', started_at => :'impact_start',
       summary => 'Customer order history takes 20 s; orders queries seq-scan') AS incident \gset
\echo '-- evidence the database recorded about itself when the incident was declared:'
SELECT at::time(0) AS at, kind, left(body, 110) AS body FROM postmortem.timeline
 WHERE incident_id = :incident AND kind = 'evidence' ORDER BY id;

\echo
\echo '== Which change did it? postmortem.suspects() =='
SELECT schema_change_id, round(score::numeric, 2) AS score, reason
  FROM postmortem.suspects(:incident) LIMIT 5;

SELECT schema_change_id AS culprit FROM postmortem.suspects(:incident) LIMIT 1 \gset
SELECT postmortem.cite(:incident, :culprit, 'root_cause', 'dropped by the cleanup migration');
\echo '-- the statement that reverts it:'
SELECT postmortem.revert_sql(:culprit);

\echo
\echo '== 5. The lifecycle: mitigate, resolve (the C trigger stamps milestones and logs status changes) =='
\! bash demo/clock.sh -35m
SELECT postmortem.log(:incident, 'On call acknowledges; orders dashboards red', 'action');
UPDATE postmortem.incident SET acknowledged_at = now() WHERE id = :incident;
\! bash demo/clock.sh -31m
SELECT postmortem.log(:incident, 'suspects() names the DROP INDEX of migration 0042; rebuilding it', 'escalation');
SELECT postmortem.revert_sql(:culprit) AS revert \gset
:revert;
\! bash demo/clock.sh -26m
SELECT postmortem.log(:incident, 'Index rebuilt; order history loads in 180 ms again', 'mitigation');
UPDATE postmortem.incident SET status = 'mitigated' WHERE id = :incident;
\! bash demo/clock.sh -8m
UPDATE postmortem.incident SET status = 'resolved', users_affected_pct = 40 WHERE id = :incident;
\! bash demo/clock.sh +0
INSERT INTO postmortem.task (incident_id, title, kind, owner, due_at)
VALUES (:incident, 'Require review of DROP INDEX in migrations', 'preventative', 'dba-team', now() + interval '14 days'),
       (:incident, 'Drop the INVALID coupons_pct_key index', 'corrective', 'alice', now() - interval '1 day');

SELECT date_trunc('second', i.time_to_detect) AS time_to_detect,
       date_trunc('second', i.time_to_acknowledge) AS time_to_acknowledge,
       date_trunc('second', i.time_to_mitigate) AS time_to_mitigate,
       date_trunc('second', i.time_to_resolve) AS time_to_resolve,
       round(i.impact_minutes::numeric, 1) AS impact_minutes
  FROM postmortem.incident i WHERE id = :incident;
\echo '-- one timeline: human entries, cited and related schema changes, status changes, tasks:'
SELECT at::time(0) AS at, kind, source, left(body, 100) AS body FROM postmortem.incident_timeline(:incident);

\echo
\echo '== 6. Dashboards read plain views =='
SELECT id, severity, status, time_to_detect_seconds, time_to_resolve_seconds, impact_minutes
  FROM postmortem.incident_metrics ORDER BY id;
SELECT * FROM postmortem.monthly_metrics ORDER BY month, severity;
SELECT incident_id, left(title, 60) AS title, status, owner, due_at::date, overdue
  FROM postmortem.open_tasks ORDER BY due_at NULLS LAST, id LIMIT 8;
SELECT incident_id, title, owner, due_at::date, overdue_by FROM postmortem.overdue_tasks;
SELECT * FROM postmortem.change_failure_rate;
SELECT * FROM postmortem.verify_audit();
\echo '(verify_audit() returned no broken link: the audit chain is intact)'

\echo
\echo '== 7. The rendered postmortem =='
\pset format unaligned
\pset tuples_only on
SELECT postmortem.report(:incident);
SELECT postmortem.report(2);
