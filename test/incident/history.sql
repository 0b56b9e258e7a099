-- The history of incident and task fields, as timeline entries written by
-- the C triggers: who changed what, from what, to what.
-- the incident exists before the changes: the transaction that creates an
-- incident is still filling it in, which is not history
SELECT postmortem.open_incident('history: checkout slow', 'SEV3') AS id \gset
INSERT INTO postmortem.task (incident_id, title, kind, owner, due_at)
VALUES (:id, 'history: add the index', 'corrective', 'bob', '2030-01-01') RETURNING id AS task \gset
BEGIN;
SELECT plan(13);

CREATE ROLE pm_history_responder;
GRANT USAGE ON SCHEMA postmortem TO pm_history_responder;
GRANT SELECT, UPDATE ON postmortem.incident, postmortem.task TO pm_history_responder;
GRANT SELECT, INSERT ON postmortem.timeline TO pm_history_responder;

SET LOCAL ROLE pm_history_responder;
UPDATE postmortem.incident SET severity = 'SEV1', users_affected_pct = 30 WHERE id = :id;
RESET ROLE;

SELECT is((SELECT body FROM postmortem.timeline WHERE incident_id = :id AND kind = 'field_change' AND body LIKE 'severity%'),
          'severity changed from "SEV3" to "SEV1"', 'a severity change is an entry: from what, to what');
SELECT is((SELECT author FROM postmortem.timeline WHERE incident_id = :id AND kind = 'field_change' AND body LIKE 'severity%'),
          'pm_history_responder (session user ' || session_user || ')', 'the entry says who, and the session user behind SET ROLE');
SELECT is((SELECT body FROM postmortem.timeline WHERE incident_id = :id AND kind = 'field_change' AND body LIKE 'users_affected_pct%'),
          'users_affected_pct set to "30"', 'a field set for the first time says so');
SELECT is((SELECT count(*)::int FROM postmortem.timeline WHERE incident_id = :id AND kind = 'field_change'), 2,
          'one entry per changed field, none for the fields left alone');

UPDATE postmortem.incident SET status = 'mitigated' WHERE id = :id;
SELECT is((SELECT count(*)::int FROM postmortem.timeline WHERE incident_id = :id AND kind = 'field_change'), 2,
          'a milestone stamped by a status change is told by the status_change entry alone');
SELECT is((SELECT count(*)::int FROM postmortem.timeline WHERE incident_id = :id AND kind = 'status_change'), 1,
          'the status change is still one status_change entry');

UPDATE postmortem.incident SET mitigated_at = mitigated_at + interval '5 minutes' WHERE id = :id;
SELECT ok((SELECT body FROM postmortem.timeline WHERE incident_id = :id AND body LIKE 'mitigated_at%') ~ '^mitigated_at changed from ".+" to ".+"$',
          'a milestone corrected by hand is an entry');

UPDATE postmortem.incident SET root_cause = repeat('x', 500) WHERE id = :id;
SELECT ok(length((SELECT body FROM postmortem.timeline WHERE incident_id = :id AND body LIKE 'root_cause%')) < 260,
          'a long value is cut in the entry');

UPDATE postmortem.incident SET summary = 'same' WHERE id = :id;
UPDATE postmortem.incident SET summary = 'same' WHERE id = :id;
SELECT is((SELECT count(*)::int FROM postmortem.timeline WHERE incident_id = :id AND body LIKE 'summary%'), 1,
          'an UPDATE that changes nothing writes nothing');

UPDATE postmortem.task SET owner = 'alice', due_at = '2030-02-01' WHERE id = :task;
SELECT is((SELECT body FROM postmortem.timeline WHERE incident_id = :id AND body LIKE '%owner%'),
          'task ' || :task || ' "history: add the index": owner changed from "bob" to "alice"',
          'a task''s new owner is an entry on its incident''s timeline');
SELECT is((SELECT count(*)::int FROM postmortem.timeline WHERE incident_id = :id AND body LIKE '%due_at changed%'), 1,
          'so is its new due date');

SELECT is((SELECT count(*)::int FROM postmortem.timeline WHERE kind = 'field_change' AND incident_id = :id AND source <> 'history'), 0,
          'history entries have source history');

SELECT postmortem.open_incident('history: filled in at once') AS fresh \gset
UPDATE postmortem.incident SET severity = 'SEV2', summary = 'written while declaring' WHERE id = :fresh;
SELECT is((SELECT count(*)::int FROM postmortem.timeline WHERE incident_id = :fresh AND kind = 'field_change'), 0,
          'the transaction that creates an incident writes no history while it fills it in');

SELECT * FROM finish();
ROLLBACK;
DELETE FROM postmortem.incident WHERE id = :id;
