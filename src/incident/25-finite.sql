
/*
 * Times are finite: one -infinity milestone or due date made every dashboard
 * view fail for everyone (22008, timestamp out of range); now the row is
 * refused instead (23514, naming the constraint).
 */
ALTER TABLE postmortem.incident ADD CONSTRAINT incident_times_finite
	CHECK (isfinite(started_at) AND isfinite(detected_at) AND isfinite(acknowledged_at)
		   AND isfinite(mitigated_at) AND isfinite(resolved_at) AND isfinite(closed_at));
COMMENT ON CONSTRAINT incident_times_finite ON postmortem.incident IS
	'milestones are real times, not infinity or -infinity (unknown is NULL)';
ALTER TABLE postmortem.timeline ADD CONSTRAINT timeline_at_finite CHECK (isfinite(at));
COMMENT ON CONSTRAINT timeline_at_finite ON postmortem.timeline IS
	'an entry happened at a real time, not infinity or -infinity';
ALTER TABLE postmortem.task ADD CONSTRAINT task_times_finite
	CHECK (isfinite(due_at) AND isfinite(completed_at));
COMMENT ON CONSTRAINT task_times_finite ON postmortem.task IS
	'due and completion times are real times, not infinity or -infinity (no due date is NULL)';
