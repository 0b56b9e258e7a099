-- What a role may run (issue 9): no function that writes as its owner, or
-- reads the audit without a privilege check, is executable by PUBLIC; a
-- dashboard role cannot take or trim pg_stat_statements snapshots nor write
-- configuration change events; a responder still records change events and
-- declares incidents; change events cannot take the kinds of the
-- extension's own rows.
BEGIN;
SELECT plan(12);
GRANT ALL ON TABLE __tcache__ TO PUBLIC;
GRANT ALL ON SEQUENCE __tcache___id_seq, __tresults___numb_seq TO PUBLIC;
SET LOCAL postmortem.capture_evidence = off;

-- Every function PUBLIC may execute runs as its caller, under the caller's
-- privileges and row-level security, except verify_audit(), which reads
-- the audit as its owner to report only where the chain is broken (each
-- of the others is justified in docs/incidents.md, "Who may run what").
SELECT is((SELECT string_agg(p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')', ', ' ORDER BY p.proname, p.pronargs)
             FROM pg_proc p
            WHERE p.pronamespace = 'postmortem'::regnamespace AND p.prosecdef
              AND p.prorettype <> 'trigger'::regtype
              AND has_function_privilege('public', p.oid, 'EXECUTE')),
          'verify_audit(), verify_audit(chain_origin text)',
          'no SECURITY DEFINER function but verify_audit() is executable by PUBLIC');
SELECT is((SELECT string_agg(p.proname, ', ' ORDER BY p.proname) FROM pg_proc p
            WHERE p.pronamespace = 'postmortem'::regnamespace
              AND p.proname IN ('snapshot_statements', 'record_setting_changes', 'schema_change_next_id')
              AND has_function_privilege('public', p.oid, 'EXECUTE')),
          NULL, 'snapshot_statements(), record_setting_changes() and schema_change_next_id() are not PUBLIC');

SELECT lives_ok($$SELECT postmortem.create_roles('pmp_')$$, 'the ready-made roles');
CREATE ROLE pmp_viewer IN ROLE pmp_dashboard;
CREATE ROLE pmp_pipeline IN ROLE pmp_responder;
SET LOCAL ROLE pmp_viewer;
SELECT throws_ok($$SELECT postmortem.snapshot_statements(true)$$, '42501', NULL,
                 'a dashboard role cannot take (and trim) snapshots as their owner');
SELECT throws_ok($$SELECT postmortem.record_setting_changes()$$, '42501', NULL,
                 'nor write configuration change events as the owner');
SELECT throws_ok($$SELECT postmortem.schema_change_next_id()$$, '42501', NULL,
                 'nor read the audit''s newest id');
RESET ROLE;

SET LOCAL ROLE pmp_pipeline;
SELECT lives_ok($$SELECT postmortem.record_change('deploy', 'api v7')$$,
                'a responder records a deploy (and its snapshot baseline)');
SELECT lives_ok($$SELECT postmortem.open_incident('API errors', 'SEV3', now() - interval '2 minutes')$$,
                'and declares an incident, whose settings are read as the owner');
RESET ROLE;
SELECT ok(EXISTS (SELECT FROM postmortem.setting_snapshot), 'the declaration took the settings snapshot');

SELECT throws_ok($$SELECT postmortem.record_change('schema_change', 'add index')$$, '22023',
                 'change event kind "schema_change" is reserved',
                 'a change event cannot pose as a schema change: 22023');
SELECT throws_ok($$SELECT postmortem.record_change('change_event', 'x')$$, '22023', NULL,
                 'nor take the timeline''s kind for change events');
SELECT throws_ok($$INSERT INTO postmortem.change_event (kind, name, at) VALUES ('schema_change', 'x', now())$$,
                 '23514', NULL, 'nor be written as one directly');

SELECT * FROM finish();
ROLLBACK;
