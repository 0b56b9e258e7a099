-- Every path into the extension, taken by a superuser whose search_path is
-- :'path' (test/analysis/hostile_search_path.sh, after hostile_setup.sql).
-- The statements of this file themselves call nothing through search_path:
-- values are computed first with search_path = pg_catalog, then only
-- literals, schema-qualified names and OPERATOR(pg_catalog.=) are used.
\set ON_ERROR_STOP 0
SET client_min_messages = warning;
SET search_path = pg_catalog;
SET postmortem.capture_evidence = on;
\if :{?pg_temp}
-- objects in this session's own temporary schema, searched first for
-- relations and types when pg_temp leads the path: a view for every relation
-- of pg_catalog and of postmortem, and domains named like the built-in types
SELECT format('CREATE TEMP VIEW %I AS SELECT * FROM %I.%I WHERE public.pm_hit(%L)',
			  c.relname, n.nspname, c.relname, 'pg_temp.' || c.relname)
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE n.nspname IN ('pg_catalog', 'postmortem') AND c.relkind IN ('r', 'v', 'm', 'p')
   AND NOT EXISTS (SELECT FROM pg_attribute a WHERE a.attrelid = c.oid AND a.atttypid = 'anyarray'::regtype)
   AND c.relname NOT LIKE 'pg\_statistic%'
   AND NOT EXISTS (SELECT FROM pg_class c2 JOIN pg_namespace n2 ON n2.oid = c2.relnamespace
					WHERE n2.oid = pg_my_temp_schema() AND c2.relname = c.relname)
   AND c.relname NOT IN (SELECT relname FROM pg_class c3 WHERE c3.relnamespace = 'pg_catalog'::regnamespace
						   AND n.nspname = 'postmortem')
\gexec
CREATE DOMAIN pg_temp.text AS pg_catalog.text CHECK (public.pm_hit('domain pg_temp.text'));
CREATE DOMAIN pg_temp.timestamptz AS pg_catalog.timestamptz CHECK (public.pm_hit('domain pg_temp.timestamptz'));
CREATE DOMAIN pg_temp.regclass AS pg_catalog.regclass CHECK (public.pm_hit('domain pg_temp.regclass'));
CREATE DOMAIN pg_temp.name AS pg_catalog.name CHECK (public.pm_hit('domain pg_temp.name'));
\endif
DROP TABLE IF EXISTS public.hostile_orders, public.schema_migrations, public.hostile_t;
CREATE TABLE public.hostile_orders (id int PRIMARY KEY, customer_id int, note varchar(100));
INSERT INTO public.hostile_orders SELECT g, g % 100, 'n' FROM generate_series(1, 2000) g;
CREATE INDEX hostile_orders_customer_idx ON public.hostile_orders (customer_id);
ANALYZE public.hostile_orders;

SET search_path = :path;

-- DDL through the recorder: plain, in a migration, with a tool's history table
CREATE TABLE public.hostile_t (a int, b varchar(10));
CREATE INDEX hostile_t_a ON public.hostile_t (a);
BEGIN;
SET LOCAL postmortem.migration = 'hostile_0001';
ALTER TABLE public.hostile_t ADD COLUMN c bigint DEFAULT 0;
ALTER TABLE public.hostile_t ALTER COLUMN b TYPE varchar(20);
COMMIT;
CREATE TABLE public.schema_migrations (version varchar(40) PRIMARY KEY);
BEGIN;
INSERT INTO public.schema_migrations VALUES ('20240101000000');
CREATE INDEX hostile_t_b ON public.hostile_t (b);
COMMIT;
DROP INDEX public.hostile_orders_customer_idx;
COMMENT ON TABLE public.hostile_t IS 'hostile';
DROP TABLE public.hostile_t;

-- (the incidents start after the changes above, which become suspects)
SET search_path = pg_catalog;
SELECT clock_timestamp() AS t_start, clock_timestamp() AS t_mid, now() + interval '7 days' AS t_due \gset
SET search_path = :path;

-- incidents: declared (evidence and lifecycle triggers), logged, moved on
INSERT INTO postmortem.incident (title, severity, started_at, summary, private)
VALUES ('hostile_orders page times out', 'sev-2', :'t_start', 'hostile_orders lookups by customer_id are slow', false)
RETURNING id AS inc \gset
SELECT postmortem.open_incident('second hostile incident', 'SEV3', :'t_mid') AS inc2 \gset
SELECT postmortem.capture_evidence(:inc);
SELECT postmortem.log(:inc, 'hostile_orders slow since the deploy', 'detection');
SELECT postmortem.log(:inc2, 'a note');
UPDATE postmortem.incident SET status = 'identified' WHERE id OPERATOR(pg_catalog.=) :inc;
UPDATE postmortem.incident SET status = 'mitigated', users_affected_pct = 40 WHERE id OPERATOR(pg_catalog.=) :inc;
INSERT INTO postmortem.task (incident_id, title, kind, owner, due_at)
VALUES (:inc, 'Review DROP INDEX in migrations', 'preventative', 'dba', :'t_due') RETURNING id AS task \gset
UPDATE postmortem.task SET status = 'done' WHERE id OPERATOR(pg_catalog.=) :task;
UPDATE postmortem.task SET status = 'todo' WHERE id OPERATOR(pg_catalog.=) :task;
UPDATE postmortem.incident SET status = 'resolved' WHERE id OPERATOR(pg_catalog.=) :inc;

-- citing the culprit
SELECT schema_change_id AS culprit FROM postmortem.suspects(:inc) WHERE command_tag OPERATOR(pg_catalog.=) 'DROP INDEX' LIMIT 1 \gset
SELECT * FROM postmortem.suspects(:inc, '2 days');
SELECT postmortem.cite(:inc, :culprit, 'root_cause', 'the dropped index');
SELECT postmortem.cite(:inc, :culprit);
SELECT * FROM postmortem.incident_timeline(:inc);
SELECT postmortem.revert_sql(:culprit);
SELECT postmortem.incident_document(i) FROM postmortem.incident i WHERE i.id OPERATOR(pg_catalog.=) :inc;
SELECT postmortem.mentions('The orders page', 'orders');

-- durations, impact, severity
SELECT postmortem.time_to_detect(i), postmortem.time_to_acknowledge(i), postmortem.time_to_mitigate(i),
	   postmortem.time_to_resolve(i), postmortem.time_to_repair(i), postmortem.duration(i),
	   postmortem.impact_minutes(i), postmortem.error_budget_burn(i, 0.999, '30 days')
  FROM postmortem.incident i;
SELECT postmortem.downtime(r) FROM (VALUES ('[2024-01-01 10:00+00,2024-01-01 11:00+00)'::pg_catalog.tstzrange),
										   ('[2024-01-01 10:30+00,2024-01-01 12:00+00)')) v(r);
SELECT 'p2'::postmortem.severity, 'SEV1'::postmortem.severity OPERATOR(postmortem.<) 'SEV3',
	   postmortem.severity(2), postmortem.severity_level('SEV4');

-- documents
SELECT postmortem.import_markdown(E'# Orders outage\n\n## Summary\n\nOn May 15, 2024 from 10:00 to 10:45 UTC orders were slow for 30% of users.\n\n## Timeline\n\n- 10:00 UTC: impact begins\n- 10:05 UTC: alert fires\n- 10:45 UTC: resolved\n\n## Corrective and Preventative Measures\n\n- [ ] Add the index back (owner: dba)\n') AS imported \gset
SELECT * FROM postmortem.parse_markdown(E'# X\n\n## Timeline\n\n- 10:00 UTC: start\n', 'UTC', '2024-05-15');
SELECT postmortem.report(:inc);
SELECT postmortem.report(:imported);

-- dashboards and the audit
SELECT * FROM postmortem.incident_metrics;
SELECT * FROM postmortem.monthly_metrics;
SELECT * FROM postmortem.open_tasks;
SELECT * FROM postmortem.overdue_tasks;
SELECT * FROM postmortem.change_failure_rate;
SELECT * FROM postmortem.verify_audit();
SELECT * FROM postmortem.verify_audit(postmortem.local_origin());
SELECT * FROM postmortem.fleet_status();
SELECT postmortem.snapshot_statements(true);
SELECT postmortem.notify_overdue_tasks();
SELECT postmortem.record_setting_changes();
SELECT * FROM postmortem.recorder_status();
SELECT postmortem.record_failed_builds();

-- access helpers
SELECT postmortem.create_roles('hostile_');
INSERT INTO postmortem.incident_member (incident_id, role_name) VALUES (:inc2, 'hostile_responder');
UPDATE postmortem.incident SET private = true WHERE id OPERATOR(pg_catalog.=) :inc2;
SELECT * FROM postmortem.incident_timeline(:inc2);

-- the drop guard (it refuses: there are incidents; rolled back all the same)
BEGIN;
DROP EXTENSION postmortem;
ROLLBACK;
BEGIN;
DROP SCHEMA postmortem CASCADE;
ROLLBACK;
DELETE FROM postmortem.incident WHERE id OPERATOR(pg_catalog.=) :imported;

SET search_path = pg_catalog;
SELECT 'workload: ' || (SELECT count(*) FROM postmortem.incident) || ' incidents, '
	   || (SELECT count(*) FROM postmortem.citation) || ' citations, '
	   || (SELECT count(*) FROM postmortem.timeline WHERE source = 'lifecycle') || ' status changes, '
	   || (SELECT count(*) FROM postmortem.schema_change WHERE statement LIKE '%hostile_t%') || ' recorded changes' AS done;
