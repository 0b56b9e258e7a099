BEGIN;
SELECT plan(25);
SET LOCAL TimeZone = 'UTC';
SET LOCAL postmortem.capture_evidence = off;

SELECT has_table('postmortem', 'citation', 'citations are a table');
SELECT has_function('postmortem', 'suspects', ARRAY['bigint', 'interval'], 'suspects(incident, lookback)');
SELECT has_function('postmortem', 'cite', ARRAY['bigint', 'bigint', 'postmortem.citation_role', 'text', 'text'], 'cite(incident, change, role, note, origin)');
SELECT has_function('postmortem', 'incident_timeline', ARRAY['bigint'], 'incident_timeline(incident)');
SELECT has_function('postmortem', 'capture_evidence', ARRAY['bigint'], 'capture_evidence(incident)');
SELECT has_view('postmortem', 'change_failure_rate', 'change_failure_rate view');
SELECT has_trigger('postmortem', 'incident', 'incident_evidence', 'evidence is taken on INSERT');
SELECT ok((SELECT 'postmortem.citation'::regclass = ANY (extconfig) FROM pg_extension WHERE extname = 'postmortem'),
          'pg_dump keeps the citations');

CREATE TEMP TABLE ids (name text PRIMARY KEY, id bigint);
WITH i AS (
	INSERT INTO postmortem.incident (title, summary, started_at, detected_at)
	VALUES ('Checkout errors', 'Payments fail for some users', '2023-02-10 08:00', '2023-02-10 08:04')
	RETURNING id)
INSERT INTO ids SELECT 'incident', id FROM i;
INSERT INTO postmortem.timeline (incident_id, at, kind, body)
SELECT id, '2023-02-10 08:10', 'action', 'Looked at the ledger_entries table' FROM ids;

WITH c AS (
	INSERT INTO postmortem.schema_change
	       (at, finished_at, command_tag, object_type, object_identity, table_name, statement,
	        lock_mode, blocks_writes, blocks_reads, definition_before, revert_statement, table_rows,
	        role_name, database_name)
	SELECT *, 'migrator', current_database() FROM (VALUES ('2023-02-10 07:30'::timestamptz, '2023-02-10 07:30:00.01'::timestamptz, 'DROP INDEX', 'index', 'public.ledger_entries_acct_day_key', 'ledger_entries',
	        'DROP INDEX public.ledger_entries_acct_day_key', 'ACCESS EXCLUSIVE', true, true,
	        'CREATE UNIQUE INDEX ledger_entries_acct_day_key ON public.ledger_entries USING btree (account_id, day)',
	        'CREATE UNIQUE INDEX ledger_entries_acct_day_key ON public.ledger_entries USING btree (account_id, day)', 2000000),
	       ('2023-02-10 07:55', '2023-02-10 07:55:00.01', 'COMMENT', 'table', 'public.users', 'users',
	        'COMMENT ON TABLE public.users IS ''people''', 'SHARE UPDATE EXCLUSIVE', false, false, NULL, NULL, 5000),
	       ('2023-02-10 08:01', '2023-02-10 08:01:00.01', 'DROP INDEX', 'index', 'public.payments_user_idx', 'payments',
	        'DROP INDEX public.payments_user_idx', 'ACCESS EXCLUSIVE', true, true,
	        'CREATE INDEX payments_user_idx ON public.payments USING btree (user_id)', NULL, 900000),
	       ('2023-02-10 07:00', '2023-02-10 07:45', 'ALTER TABLE', 'table', 'public.payments', 'payments',
	        'ALTER TABLE public.payments ALTER amount TYPE numeric', 'ACCESS EXCLUSIVE', true, true, NULL, NULL, 900000)) AS v
	RETURNING id, object_identity, at)
INSERT INTO ids SELECT object_identity || '@' || to_char(at, 'HH24:MI'), id FROM c;

SELECT is((SELECT object_identity FROM postmortem.suspects((SELECT id FROM ids WHERE name = 'incident')) LIMIT 1),
          'public.ledger_entries_acct_day_key',
          'a dropped unique index on a 2M-row table named in the timeline is the top suspect');
SELECT matches((SELECT reason FROM postmortem.suspects((SELECT id FROM ids WHERE name = 'incident')) LIMIT 1),
               '^DROP INDEX public\.ledger_entries_acct_day_key 30 min before impact; ledger_entries has 2000000 rows; queries filtering on \(account_id, day\) lose their index and \(account_id, day\) is no longer kept unique',
               'the reason names the time, the size, the lost columns and the lost uniqueness');
SELECT matches((SELECT reason FROM postmortem.suspects((SELECT id FROM ids WHERE name = 'incident')) LIMIT 1),
               'ledger_entries is named in the incident$', 'a table named in the timeline is said so');
SELECT is((SELECT count(*) FROM postmortem.suspects((SELECT id FROM ids WHERE name = 'incident'))
            WHERE object_identity = 'public.payments_user_idx'), 0::bigint,
          'a change after the start is not a suspect');
SELECT ok((SELECT score FROM postmortem.suspects((SELECT id FROM ids WHERE name = 'incident')) s
            WHERE s.object_identity = 'public.users') <
          (SELECT score FROM postmortem.suspects((SELECT id FROM ids WHERE name = 'incident')) s
            WHERE s.object_identity = 'public.payments'),
          'a comment 5 minutes before scores below a 45-minute lock on a big table that ended 15 minutes before');
SELECT matches((SELECT reason FROM postmortem.suspects((SELECT id FROM ids WHERE name = 'incident')) s
                 WHERE s.object_identity = 'public.payments'),
               'took ACCESS EXCLUSIVE lock blocking reads and writes for 45 min',
               'a long lock on a big table is in the reason');
SELECT is((SELECT revert_statement FROM postmortem.suspects((SELECT id FROM ids WHERE name = 'incident')) LIMIT 1),
          'CREATE UNIQUE INDEX ledger_entries_acct_day_key ON public.ledger_entries USING btree (account_id, day)',
          'the revert statement comes with the suspect');
SELECT is((SELECT count(*) FROM postmortem.suspects((SELECT id FROM ids WHERE name = 'incident'), '1 hour')), 2::bigint,
          'the lookback bounds the window');

SELECT lives_ok(format('SELECT postmortem.cite(%s, %s, ''trigger'', ''dropped by hand'')',
                       (SELECT id FROM ids WHERE name = 'incident'),
                       (SELECT id FROM ids WHERE name = 'public.ledger_entries_acct_day_key@07:30')),
                'cite a change');
SELECT throws_ok(format('SELECT postmortem.cite(%s, %s)',
                        (SELECT id FROM ids WHERE name = 'incident'),
                        (SELECT id FROM ids WHERE name = 'public.ledger_entries_acct_day_key@07:30')),
                 '23505', NULL, 'the same change twice in one incident: 23505');
SELECT throws_ok(format('SELECT postmortem.cite(%s, -5)', (SELECT id FROM ids WHERE name = 'incident')),
                 '23503', 'schema change -5 does not exist', 'an unknown change: 23503');
SELECT throws_ok('SELECT postmortem.cite(-5, 1)', 'P0002', 'incident -5 does not exist', 'an unknown incident: P0002');
SELECT throws_ok('SELECT * FROM postmortem.suspects(-5)', 'P0002', 'incident -5 does not exist', 'suspects of an unknown incident: P0002');
SELECT throws_ok('SELECT * FROM postmortem.incident_timeline(-5)', 'P0002', NULL, 'timeline of an unknown incident: P0002');
SELECT throws_ok('SELECT postmortem.capture_evidence(-5)', 'P0002', NULL, 'evidence of an unknown incident: P0002');

SELECT results_eq(
	format($$SELECT kind, source FROM postmortem.incident_timeline(%s) WHERE source <> 'lifecycle'$$,
	       (SELECT id FROM ids WHERE name = 'incident')),
	$$VALUES ('schema_change', 'citation'), ('schema_change', 'recorder'), ('action', 'manual')$$,
	'the timeline merges the citation, the human entry and the later change on a named table');

SELECT results_eq(
	$$SELECT changes, failed_changes, change_failure_rate FROM postmortem.change_failure_rate WHERE month = '2023-02-01'$$,
	$$VALUES (4::bigint, 1::bigint, 0.2500)$$,
	'one of four changes that month was cited as a trigger');

SELECT * FROM finish();
ROLLBACK;
