--
-- report: an incident as the Markdown postmortem, read back by import_markdown
--
SET search_path = public, postmortem;
SET timezone = 'UTC';
\set seed000 `cat test/seeds/000_2d29b2a47fc1b878.txt`
\set seed001 `cat test/seeds/001_e377f6c4d1aac321.txt`
\set seed002 `cat test/seeds/002_baa2f493d473fd47.txt`
\set seed003 `cat test/seeds/003_052e3b1ff3f3a8fe.txt`
\set seed004 `cat test/seeds/004_157e2b01bfd7d615.txt`

CREATE TEMP TABLE imported (seed text PRIMARY KEY, id bigint);
INSERT INTO imported VALUES
	('000', import_markdown(:'seed000')),
	('001', import_markdown(:'seed001')),
	('002', import_markdown(:'seed002', on_date => '2024-03-04')),
	('003', import_markdown(:'seed003')),
	('004', import_markdown(:'seed004'));

\pset format unaligned
\pset tuples_only on
-- times in the incident's zone; the Duration line carries the date
SELECT report(id) FROM imported WHERE seed = '001';
-- an incident that crosses days dates every entry
SELECT report(id) FROM imported WHERE seed = '000';
-- import and render in one statement
SELECT split_part(report(import_markdown(:'seed003')), E'\n', 1);
\pset format aligned
\pset tuples_only off

-- the round trip: importing the report gives back the same incident
CREATE FUNCTION pg_temp.fingerprint(bigint) RETURNS text LANGUAGE sql AS $$
	SELECT concat_ws(' | ', i.started_at, i.detected_at, i.mitigated_at, i.resolved_at,
					 i.status, i.severity, i.users_affected_pct, i.users_affected,
					 i.improvements::text,
					 (SELECT string_agg(concat_ws(' ', t.at, t.kind, t.body), ', ' ORDER BY t.at, t.id)
						FROM postmortem.timeline t WHERE t.incident_id = i.id),
					 (SELECT string_agg(concat_ws(' ', k.status, k.owner, k.title), ', ' ORDER BY k.id)
						FROM postmortem.task k WHERE k.incident_id = i.id))
	  FROM postmortem.incident i WHERE i.id = $1
$$;
SELECT seed, pg_temp.fingerprint(id) = pg_temp.fingerprint(import_markdown(report(id))) AS same
  FROM imported ORDER BY seed;

-- user text is text (escaped for Markdown and HTML), times are to the
-- minute unless written with seconds, the summary gives the response
-- times, and the sections the team wrote follow the analysis
INSERT INTO postmortem.incident (title, status, started_at, detected_at, acknowledged_at, resolved_at,
								 root_cause, sections)
VALUES ('Cart <b>errors</b>', 'resolved', '2024-06-01 10:00:00.123456Z', '2024-06-01 10:04:30Z',
		'2024-06-01 10:20Z', '2024-06-02 01:30Z', 'A *missing* index',
		'[{"heading": "Lessons learned", "body": "- Review `DROP INDEX` in <i>every</i> migration"}]')
RETURNING id AS cart \gset
SELECT postmortem.log(:cart, 'Deploy #42: 50% of <b>carts</b> fail', 'detection', '2024-06-01 10:04:30Z') IS NOT NULL AS logged;
\pset format unaligned
\pset tuples_only on
SELECT report(:cart);
\pset format aligned
\pset tuples_only off

-- invalid input
SELECT report(-1);
SELECT report(NULL) IS NULL AS null_in_null_out;
