-- Bulk data for the culprit benchmark and the plan test:
--   psql -v incidents=100000 -v timeline=1000000 -v changes=1000000 -f bench/culprit_data.sql
-- Incidents spread over five years, timeline entries spread over their
-- incidents, schema changes spread evenly over the same five years (about
-- 550 a day at 1M), one in a hundred incidents citing the change that came
-- just before it, two tasks per incident.  Written in bulk, the way the
-- recorder never would: session_replication_role = replica keeps every
-- trigger (recorder, lifecycle, evidence, foreign keys) out of the load.
\set ON_ERROR_STOP on
SET session_replication_role = replica;
SET postmortem.capture_evidence = off;
SELECT setseed(0.42);

INSERT INTO postmortem.incident (title, summary, severity, status, started_at, detected_at,
                                 resolved_at, users_affected_pct, created_at)
SELECT format('Incident %s: tbl_%s slow', g, g % 500),
       format('Requests touching tbl_%s time out', g % 500),
       postmortem.severity(1 + (g % 5)),
       CASE WHEN g % 100 = 0 THEN 'investigating' ELSE 'resolved' END::postmortem.incident_status,
       s, s + d, CASE WHEN g % 100 = 0 THEN NULL ELSE s + d + r END,
       (g % 100), s
  FROM generate_series(1, :incidents) g,
       LATERAL (SELECT now() - interval '5 years' * (1 - g::float8 / :incidents) - interval '1 day' AS s,
                       interval '1 minute' * (1 + g % 30) AS d,
                       interval '1 minute' * (5 + (g * 7) % 600) AS r) x;

INSERT INTO postmortem.timeline (incident_id, at, kind, body, source)
SELECT i.id, i.started_at + k * interval '2 minutes',
       (ARRAY['detection', 'action', 'escalation', 'note', 'mitigation'])[1 + k % 5]::postmortem.timeline_kind,
       format('Step %s of incident %s: looked at tbl_%s', k, i.id, i.id % 500), 'manual'
  FROM postmortem.incident i,
       generate_series(1, (:timeline / :incidents)::int) k;

INSERT INTO postmortem.task (incident_id, title, kind, status, owner, due_at, created_at, completed_at)
SELECT i.id, format('Fix %s for incident %s', k, i.id),
       (CASE k WHEN 1 THEN 'corrective' ELSE 'preventative' END)::postmortem.task_kind,
       (CASE WHEN i.id % 20 = 0 THEN 'todo' ELSE 'done' END)::postmortem.task_status,
       'team-' || (i.id % 12), i.started_at + interval '14 days', i.started_at + interval '1 hour',
       CASE WHEN i.id % 20 = 0 THEN NULL ELSE i.started_at + interval '10 days' END
  FROM postmortem.incident i, generate_series(1, 2) k;

INSERT INTO postmortem.schema_change
       (at, finished_at, command_tag, object_type, object_identity, schema_name, table_name,
        statement, role_name, migration, lock_mode, blocks_writes, blocks_reads, rewrote_table,
        definition_before, revert_statement, index_invalid, failed, table_rows,
        table_seq_scan, table_idx_scan, database_name)
SELECT a, a + interval '1 millisecond' * (g % 5000),
       c.tag, c.otype,
       CASE WHEN c.otype = 'index' THEN format('public.tbl_%s_c%s_idx', g % 500, g % 7)
            ELSE format('public.tbl_%s', g % 500) END,
       'public', format('tbl_%s', g % 500),
       format('%s public.tbl_%s /* %s */', c.tag, g % 500, g), 'migrator',
       format('m%s', g / 10), c.lockmode, c.bw, c.br, c.tag = 'ALTER TABLE' AND g % 50 = 0,
       CASE WHEN c.tag = 'DROP INDEX'
            THEN format('CREATE INDEX tbl_%s_c%s_idx ON public.tbl_%s USING btree (c%s)', g % 500, g % 7, g % 500, g % 7) END,
       'SELECT 1', c.tag = 'CREATE INDEX' AND g % 97 = 0, g % 211 = 0,
       (g::bigint * 7919) % 2000000, g % 1000, g % 5000, current_database()
  FROM generate_series(1, :changes) g,
       LATERAL (SELECT now() - interval '5 years' * (1 - g::float8 / :changes) AS a) t,
       LATERAL (SELECT * FROM (VALUES
                  (0, 'CREATE INDEX', 'index', 'SHARE', true, false),
                  (1, 'ALTER TABLE', 'table', 'ACCESS EXCLUSIVE', true, true),
                  (2, 'CREATE TABLE', 'table', 'ACCESS EXCLUSIVE', true, true),
                  (3, 'COMMENT', 'table', 'SHARE UPDATE EXCLUSIVE', false, false),
                  (4, 'ALTER TABLE', 'table', 'SHARE ROW EXCLUSIVE', true, false),
                  (5, 'CREATE INDEX', 'index', 'SHARE UPDATE EXCLUSIVE', false, false),
                  (6, 'DROP INDEX', 'index', 'ACCESS EXCLUSIVE', true, true),
                  (7, 'CREATE VIEW', 'view', 'ACCESS EXCLUSIVE', true, true))
                  AS v(n, tag, otype, lockmode, bw, br)
                 WHERE v.n = g % 8) c;

INSERT INTO postmortem.citation (incident_id, schema_change_id, role)
SELECT i.id, s.id, (CASE WHEN i.id % 300 = 0 THEN 'trigger' ELSE 'root_cause' END)::postmortem.citation_role
  FROM postmortem.incident i,
       LATERAL (SELECT s.id FROM postmortem.schema_change s
                 WHERE s.at <= i.started_at ORDER BY s.at DESC LIMIT 1) s
 WHERE i.id % 100 = 7;

RESET session_replication_role;
VACUUM ANALYZE postmortem.incident, postmortem.timeline, postmortem.task,
               postmortem.schema_change, postmortem.citation;
