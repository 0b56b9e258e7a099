-- Issue 9 item 13: one -infinity milestone or due date made every dashboard
-- view fail for everyone (22008).  Infinite times are refused where they are
-- written (23514, naming the constraint); the views keep working.
BEGIN;
SELECT plan(12);
SET LOCAL postmortem.capture_evidence = off;
SELECT postmortem.open_incident('finite', 'SEV2', now() - interval '1 hour') AS id \gset
INSERT INTO postmortem.task (incident_id, title, due_at) VALUES (:id, 'finite task', now() - interval '1 day');

SELECT throws_ok($$INSERT INTO postmortem.incident (title, started_at) VALUES ('x', '-infinity')$$,
	'23514', 'new row for relation "incident" violates check constraint "incident_times_finite"', 'a -infinity start is refused');
SELECT throws_ok($$INSERT INTO postmortem.incident (title, resolved_at) VALUES ('x', 'infinity')$$,
	'23514', NULL, 'an infinity resolution is refused');
SELECT throws_ok(format($$UPDATE postmortem.incident SET detected_at = '-infinity' WHERE id = %s$$, :id),
	'23514', NULL, 'an update to -infinity is refused');
SELECT throws_ok(format($$UPDATE postmortem.incident SET closed_at = 'infinity', resolved_at = 'infinity', status = 'closed' WHERE id = %s$$, :id),
	'23514', NULL, 'so is closing at infinity');
SELECT throws_ok(format($$INSERT INTO postmortem.task (incident_id, title, due_at) VALUES (%s, 'x', '-infinity')$$, :id),
	'23514', 'new row for relation "task" violates check constraint "task_times_finite"', 'a -infinity due date is refused');
SELECT throws_ok(format($$INSERT INTO postmortem.timeline (incident_id, at, body) VALUES (%s, 'infinity', 'x')$$, :id),
	'23514', 'new row for relation "timeline" violates check constraint "timeline_at_finite"', 'an entry at infinity is refused');
SELECT throws_ok(format($$SELECT postmortem.log(%s, 'x', 'note', '-infinity')$$, :id),
	'23514', NULL, 'log() at -infinity is refused');
-- every dashboard view still answers
SELECT lives_ok('SELECT * FROM postmortem.incident_metrics', 'incident_metrics');
SELECT lives_ok('SELECT * FROM postmortem.monthly_metrics', 'monthly_metrics');
SELECT lives_ok('SELECT * FROM postmortem.open_tasks', 'open_tasks');
SELECT lives_ok('SELECT * FROM postmortem.overdue_tasks', 'overdue_tasks');
SELECT lives_ok('SELECT * FROM postmortem.change_failure_rate', 'change_failure_rate');
SELECT * FROM finish();
ROLLBACK;
