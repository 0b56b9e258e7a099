-- Change events that are not DDL: recorded in one call, ranked by
-- suspects() beside schema changes, cited, in the timeline and in the
-- change failure rate by kind; the objects an incident affects.
BEGIN;
SELECT plan(19);
SET LOCAL postmortem.capture_evidence = off;

SELECT throws_ok($$SELECT postmortem.record_change('Deploy!', 'v1')$$, '22023', NULL,
                 'a kind is one lower-case word: 22023');
SELECT throws_ok($$SELECT postmortem.record_change('deploy', NULL)$$, '22004', NULL, 'a change needs a name: 22004');
SELECT throws_ok($$SELECT postmortem.record_change('deploy', 'v1', 'infinity')$$, '22008', NULL,
                 'a change needs a finite time: 22008');
SELECT throws_ok($$SELECT postmortem.record_change('deploy', 'v1', now(), '[1, 2]')$$, '22023', NULL,
                 'details are a JSON object: 22023');

SELECT postmortem.record_change('deploy', 'checkout v2.4.1', now() - interval '10 minutes',
                                '{"service": "checkout", "commit": "4f2a9c1", "rollback": "deploy checkout v2.4.0"}') AS deploy \gset
SELECT postmortem.record_change('flag', 'new_pricing on', now() - interval '3 days') AS old_flag \gset
SELECT is((SELECT recorded_by FROM postmortem.change_event WHERE id = :deploy), session_user::text,
          'the event says who recorded it');

SELECT postmortem.open_incident('Checkout errors after the release', 'SEV2', now() - interval '5 minutes') AS inc \gset
SELECT is((SELECT kind || ' ' || object_identity FROM postmortem.suspects(:inc) LIMIT 1), 'deploy checkout v2.4.1',
          'a deploy minutes before impact, of the service the incident names, is the top suspect');
SELECT matches((SELECT reason FROM postmortem.suspects(:inc) WHERE change_event_id = :deploy),
               '^deploy checkout v2.4.1 5 min before impact; checkout is named in the incident$',
               'its reason says what, how long before, and why');
SELECT is((SELECT revert_statement FROM postmortem.suspects(:inc) WHERE change_event_id = :deploy),
          'deploy checkout v2.4.0', 'the rollback the pipeline gave comes as its revert');
SELECT is((SELECT count(*)::int FROM postmortem.suspects(:inc) WHERE change_event_id = :old_flag), 0,
          'a change before the lookback window is not a suspect');
SELECT is((SELECT count(*)::int FROM postmortem.suspects(:inc, '7 days') WHERE change_event_id = :old_flag), 1,
          'it is with a longer lookback');

SELECT ok(postmortem.cite_change(:inc, :deploy, 'trigger', 'rolled back at 14:20') > 0, 'cite a change event');
SELECT throws_ok(format('SELECT postmortem.cite_change(%s, %s)', :inc, :deploy), '23505', NULL,
                 'the same event twice in one incident: 23505');
SELECT throws_ok(format('SELECT postmortem.cite_change(%s, -5)', :inc), '23503', NULL, 'an unknown event: 23503');
SELECT is((SELECT body FROM postmortem.incident_timeline(:inc) WHERE kind = 'change_event'),
          'deploy checkout v2.4.1 (cited as trigger: rolled back at 14:20)', 'the cited event is in the timeline');
SELECT is((SELECT changes || ' ' || failed_changes || ' ' || change_failure_rate
             FROM postmortem.change_failure_rate_by_kind
            WHERE kind = 'deploy' AND month = date_trunc('month', now() - interval '10 minutes')),
          (SELECT count(*) || ' 1 ' || round(1.0 / count(*), 4) FROM postmortem.change_event
            WHERE kind = 'deploy' AND date_trunc('month', at) = date_trunc('month', now() - interval '10 minutes')),
          'the change failure rate counts the cited deploy per kind');
SELECT is((SELECT string_agg(kind || ' ' || name || ' ' || source, ', ') FROM postmortem.incident_object WHERE incident_id = :inc),
          'service checkout citation', 'citing it records the service the incident affects');

-- the objects an incident affects, set by hand, count as named in it
SELECT postmortem.record_change('config', 'autovacuum off for a table', now() - interval '1 minute',
                                '{"table": "public.events_orders"}') AS tuning \gset
SELECT postmortem.open_incident('Slow page', 'SEV3', now()) AS page \gset
SELECT ok(postmortem.affects(:page, 'table', 'public.events_orders'), 'affects() adds an object');
SELECT matches((SELECT reason FROM postmortem.suspects(:page) WHERE change_event_id = :tuning),
               'events_orders is named in the incident', 'suspects() counts it as named in the incident');
SELECT is((SELECT count(*)::int FROM postmortem.incident_object WHERE kind = 'table' AND name = 'public.events_orders'), 1,
          'every incident that touched a table is one query');

SELECT * FROM finish();
ROLLBACK;
