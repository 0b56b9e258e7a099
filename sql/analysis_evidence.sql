--
-- evidence: declaring a live incident writes the database's own state into
-- its timeline (lock waits need a second session: test/analysis/evidence.sh)
--
SET search_path = public, postmortem;
SET TimeZone = 'UTC';

-- a 5000-row table whose index is dropped, recorded with its scan counters
CREATE TABLE public.ev_big (id int PRIMARY KEY, v int);
INSERT INTO public.ev_big SELECT g, g % 100 FROM generate_series(1, 5000) g;
CREATE INDEX ev_big_v_idx ON public.ev_big (v);
ANALYZE public.ev_big;
SELECT pg_stat_force_next_flush();
INSERT INTO postmortem.schema_change
       (at, command_tag, object_type, object_identity, schema_name, table_name, table_oid,
        table_seq_scan, table_idx_scan, role_name, database_name)
SELECT now() - interval '1 minute', 'DROP INDEX', 'index', 'public.ev_big_v_idx', 'public', 'ev_big',
       relid, seq_scan, idx_scan, current_user, current_database()
  FROM pg_stat_user_tables WHERE relid = 'public.ev_big'::regclass;
DROP INDEX public.ev_big_v_idx;
-- queries that used the index now scan the table
SELECT count(*) FROM public.ev_big WHERE v = 1;
SELECT count(*) FROM public.ev_big WHERE v = 2;
SELECT count(*) FROM public.ev_big WHERE v = 3;
SELECT pg_stat_force_next_flush();

-- a concurrent build fails and leaves an INVALID index
CREATE TABLE public.ev_coupons (code text, pct int);
INSERT INTO public.ev_coupons VALUES ('A', 1), ('B', 1);
CREATE UNIQUE INDEX CONCURRENTLY ev_coupons_pct_key ON public.ev_coupons (pct);

-- declaring the incident captures it
SET postmortem.evidence_seq_scan_growth = 3;
INSERT INTO postmortem.incident (title, started_at)
VALUES ('ev: reports are slow', now() - interval '30 seconds')
RETURNING id AS live \gset
SELECT kind, source, author,
       regexp_replace(regexp_replace(body, 'rose from \d+ to \d+', 'rose from N to M'),
                      '\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \(schema change \d+\)', 'TIME (schema change N)') AS body
  FROM postmortem.timeline
 WHERE incident_id = :live AND source = 'evidence'
   AND (body LIKE '%ev_big%' OR body LIKE '%ev_coupons%')
 ORDER BY body;

-- an incident written down after the fact gets none: it started long ago,
-- or it is already resolved; nor does one entered with the GUC off
INSERT INTO postmortem.incident (title, started_at)
VALUES ('ev: last year', now() - interval '1 year') RETURNING id AS old \gset
INSERT INTO postmortem.incident (title, started_at, resolved_at)
VALUES ('ev: fixed already', now() - interval '5 minutes', now()) RETURNING id AS fixed \gset
SET postmortem.capture_evidence = off;
INSERT INTO postmortem.incident (title) VALUES ('ev: quiet') RETURNING id AS quiet \gset
RESET postmortem.capture_evidence;
SELECT count(*) AS evidence_entries FROM postmortem.timeline
 WHERE incident_id IN (:old, :fixed, :quiet) AND source = 'evidence';

-- on demand, for any incident: returns the number of entries written
SELECT postmortem.capture_evidence(:old) >= 2 AS captured;
SELECT count(*) >= 2 AS evidence_entries FROM postmortem.timeline
 WHERE incident_id = :old AND source = 'evidence';

-- the window is a GUC
SET postmortem.evidence_window = '800d';
INSERT INTO postmortem.incident (title, started_at)
VALUES ('ev: imported', now() - interval '1 year') RETURNING id AS imported \gset
SELECT count(*) >= 2 AS evidence_entries FROM postmortem.timeline
 WHERE incident_id = :imported AND source = 'evidence';
RESET postmortem.evidence_window;
SHOW postmortem.evidence_window;
SHOW postmortem.evidence_long_query;

-- a failure while capturing is a WARNING; the incident is still recorded
CREATE FUNCTION public.ev_refuse() RETURNS trigger LANGUAGE plpgsql AS
$$BEGIN RAISE EXCEPTION 'evidence refused' USING ERRCODE = 'insufficient_privilege'; END$$;
CREATE TRIGGER ev_refuse BEFORE INSERT ON postmortem.timeline
	FOR EACH ROW WHEN (NEW.source = 'evidence') EXECUTE FUNCTION public.ev_refuse();
\set VERBOSITY terse
INSERT INTO postmortem.incident (title) VALUES ('ev: still recorded') RETURNING title;
\set VERBOSITY default
SELECT count(*) AS incidents, count(t.id) AS evidence_entries
  FROM postmortem.incident i LEFT JOIN postmortem.timeline t ON t.incident_id = i.id AND t.source = 'evidence'
 WHERE i.title = 'ev: still recorded';
DROP TRIGGER ev_refuse ON postmortem.timeline;
DROP FUNCTION public.ev_refuse();

-- a role that may not read the recorder's table still gets the other evidence
CREATE ROLE ev_oncall;
GRANT USAGE ON SCHEMA postmortem TO ev_oncall;
GRANT SELECT, INSERT ON postmortem.incident, postmortem.timeline TO ev_oncall;
GRANT USAGE ON SEQUENCE postmortem.incident_id_seq, postmortem.timeline_id_seq TO ev_oncall;
SET ROLE ev_oncall;
\set VERBOSITY terse
INSERT INTO postmortem.incident (title) VALUES ('ev: declared by on call') RETURNING id AS oncall \gset
\set VERBOSITY default
SELECT count(*) AS invalid_index_entries FROM postmortem.timeline
 WHERE incident_id = :oncall AND source = 'evidence' AND body LIKE 'index public.ev_coupons_pct_key %';
RESET ROLE;
REVOKE ALL ON SCHEMA postmortem FROM ev_oncall;
REVOKE ALL ON postmortem.incident, postmortem.timeline FROM ev_oncall;
REVOKE ALL ON SEQUENCE postmortem.incident_id_seq, postmortem.timeline_id_seq FROM ev_oncall;
DROP ROLE ev_oncall;

-- invalid input
SELECT postmortem.capture_evidence(-1);
SET postmortem.evidence_seq_scan_growth = 0;
SET postmortem.evidence_long_query = 'soon';

-- the per-table lookup of the last change uses the (table_oid, at) index
SET enable_seqscan = off;
EXPLAIN (COSTS OFF)
SELECT s.id FROM postmortem.schema_change s
 WHERE s.table_oid = 16384 AND s.table_seq_scan IS NOT NULL
 ORDER BY s.at DESC LIMIT 1;
RESET enable_seqscan;

DELETE FROM postmortem.incident WHERE title LIKE 'ev: %';
DROP TABLE public.ev_big, public.ev_coupons;
