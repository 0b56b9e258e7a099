/*-------------------------------------------------------------------------
 *
 * lifecycle.c
 *	  Triggers that keep an incident's status and milestones consistent,
 *	  and a task's status and completed_at.
 *
 * incident_lifecycle_stamp (BEFORE INSERT OR UPDATE on postmortem.incident)
 *	  When the status changes (or a row is inserted with a status), stamps the
 *	  matching milestone if it is unset:
 *		identified -> acknowledged_at	(naming the cause means someone took it on)
 *		mitigated  -> mitigated_at
 *		resolved   -> resolved_at
 *		closed     -> closed_at
 *	  investigating stamps nothing.  On UPDATE it also sets updated_at.  The
 *	  stamp is the transaction's timestamp, like now(); if it would precede a
 *	  milestone already known, the table's CHECK constraints reject the row.
 *
 * incident_lifecycle_log (AFTER UPDATE on postmortem.incident)
 *	  Appends exactly one status_change entry to postmortem.timeline for each
 *	  actual status change: "status changed from investigating to mitigated by
 *	  alice", source 'lifecycle', author current_user.  Its time is the new
 *	  status's milestone when this very update set it, otherwise now().
 *
 * task_lifecycle_stamp (BEFORE INSERT OR UPDATE on postmortem.task)
 *	  Stamps completed_at (if unset) when the status becomes done or wont_do,
 *	  clears it when the task is reopened, and sets updated_at on UPDATE.
 *
 * SQL declarations: src/lifecycle.sql.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "access/xact.h"
#include "catalog/pg_enum.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/rel.h"
#include "utils/syscache.h"
#include "utils/timestamp.h"

#include "postmortem.h"

PG_FUNCTION_INFO_V1(incident_lifecycle_stamp);
PG_FUNCTION_INFO_V1(incident_lifecycle_log);
PG_FUNCTION_INFO_V1(task_lifecycle_stamp);

/* The insert of a status_change entry, prepared once per backend. */
static SPIPlanPtr status_change_plan = NULL;

#define STATUS_CHANGE_SQL \
	"INSERT INTO postmortem.timeline (incident_id, at, kind, body, author, source) " \
	"VALUES ($1, $2, 'status_change'::postmortem.timeline_kind, $3, $4, 'lifecycle')"

/*
 * Check that we were called as a row-level trigger at the expected time on
 * the expected events; return the TriggerData.
 */
static TriggerData *
lifecycle_trigger_data(FunctionCallInfo fcinfo, const char *funcname,
					   bool before, bool allow_insert)
{
	TriggerData *trigdata;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("function \"%s\" was not called by trigger manager",
						funcname)));
	trigdata = (TriggerData *) fcinfo->context;
	if (!TRIGGER_FIRED_FOR_ROW(trigdata->tg_event) ||
		(before ? !TRIGGER_FIRED_BEFORE(trigdata->tg_event)
		 : !TRIGGER_FIRED_AFTER(trigdata->tg_event)))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("function \"%s\" must be fired %s for each row",
						funcname, before ? "BEFORE" : "AFTER")));
	if (!(TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event) ||
		  (allow_insert && TRIGGER_FIRED_BY_INSERT(trigdata->tg_event))))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("function \"%s\" must be fired for %s",
						funcname, allow_insert ? "INSERT or UPDATE" : "UPDATE")));
	return trigdata;
}

/* The attribute number of a column the trigger needs; error if missing. */
static int
lifecycle_attnum(Relation rel, const char *colname)
{
	int			attnum = SPI_fnumber(RelationGetDescr(rel), colname);

	if (attnum <= 0)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_COLUMN),
				 errmsg("column \"%s\" of relation \"%s\" does not exist",
						colname, RelationGetRelationName(rel)),
				 errhint("The lifecycle triggers belong on postmortem.incident and postmortem.task.")));
	return attnum;
}

/* The label of an enum value, palloc'd. */
static char *
enum_label(Datum value)
{
	HeapTuple	tup;
	char	   *label;

	tup = SearchSysCache1(ENUMOID, value);
	if (!HeapTupleIsValid(tup))
		elog(ERROR, "cache lookup failed for enum value %u",
			 DatumGetObjectId(value));
	label = pstrdup(NameStr(((Form_pg_enum) GETSTRUCT(tup))->enumlabel));
	ReleaseSysCache(tup);
	return label;
}

/*
 * Did the (enum) column change between the old and new row?  With no old
 * row (INSERT) a non-null value counts as a change.
 */
static bool
status_changed(HeapTuple oldtuple, HeapTuple newtuple, TupleDesc tupdesc,
			   int attnum, Datum *newvalue, bool *newnull)
{
	Datum		oldvalue;
	bool		oldnull;

	*newvalue = heap_getattr(newtuple, attnum, tupdesc, newnull);
	if (oldtuple == NULL)
		return !*newnull;
	oldvalue = heap_getattr(oldtuple, attnum, tupdesc, &oldnull);
	if (oldnull || *newnull)
		return oldnull != *newnull;
	return DatumGetObjectId(oldvalue) != DatumGetObjectId(*newvalue);
}

/*
 * The incident's milestones, in the order they must keep, each with the
 * CHECK constraint (src/incident.sql) that keeps it after the earlier ones.
 */
static const struct
{
	const char *column;
	const char *constraint;
}			incident_milestones[] = {
	{"started_at", NULL},
	{"detected_at", "incident_detected_after_start"},
	{"acknowledged_at", "incident_acknowledged_after_detection"},
	{"mitigated_at", "incident_mitigated_after_acknowledgement"},
	{"resolved_at", "incident_resolved_after_mitigation"},
	{"closed_at", "incident_closed_after_resolution"},
};

/*
 * Refuse to stamp a milestone with a time that precedes a milestone already
 * known (the CHECK constraints would refuse the row too, but could not say
 * that the time was the trigger's, nor what to do instead).
 */
static void
check_stamp_order(Relation rel, HeapTuple tuple, const char *milestone,
				  const char *status, TimestampTz stamp)
{
	TupleDesc	tupdesc = RelationGetDescr(rel);
	const char *constraint = NULL;

	for (int i = 0; i < lengthof(incident_milestones); i++)
		if (strcmp(incident_milestones[i].column, milestone) == 0)
			constraint = incident_milestones[i].constraint;

	for (int i = 0; i < lengthof(incident_milestones); i++)
	{
		const char *earlier = incident_milestones[i].column;
		bool		isnull;
		Datum		value;

		if (strcmp(earlier, milestone) == 0)
			break;
		value = heap_getattr(tuple, lifecycle_attnum(rel, earlier), tupdesc,
							 &isnull);
		if (!isnull && DatumGetTimestampTz(value) > stamp)
			ereport(ERROR,
					(errcode(ERRCODE_CHECK_VIOLATION),
					 errmsg("cannot stamp %s with the current time, which precedes %s",
							milestone, earlier),
					 errdetail("The incident's %s is %s.", earlier,
							   timestamptz_to_str(DatumGetTimestampTz(value))),
					 errhint("Give the time with the status: SET status = '%s', %s = '...'.",
							 status, milestone),
					 constraint ? errtableconstraint(rel, constraint) : 0));
	}
}

/* The incident milestone column a status stamps, or NULL for none. */
static const char *
status_milestone(const char *status)
{
	if (strcmp(status, "identified") == 0)
		return "acknowledged_at";
	if (strcmp(status, "mitigated") == 0)
		return "mitigated_at";
	if (strcmp(status, "resolved") == 0)
		return "resolved_at";
	if (strcmp(status, "closed") == 0)
		return "closed_at";
	return NULL;
}

/*
 * BEFORE INSERT OR UPDATE on postmortem.incident: stamp the milestone of a
 * new status, and updated_at.
 */
Datum
incident_lifecycle_stamp(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = lifecycle_trigger_data(fcinfo,
												   "incident_lifecycle_stamp",
												   true, true);
	Relation	rel = trigdata->tg_relation;
	TupleDesc	tupdesc = RelationGetDescr(rel);
	bool		is_update = TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event);
	HeapTuple	oldtuple = is_update ? trigdata->tg_trigtuple : NULL;
	HeapTuple	newtuple = is_update ? trigdata->tg_newtuple : trigdata->tg_trigtuple;
	Datum		now = TimestampTzGetDatum(GetCurrentTransactionStartTimestamp());
	int			cols[2];
	Datum		values[2];
	bool		nulls[2] = {false, false};
	int			ncols = 0;
	Datum		status;
	bool		status_null;

	if (status_changed(oldtuple, newtuple, tupdesc,
					   lifecycle_attnum(rel, "status"), &status, &status_null))
	{
		char	   *label = enum_label(status);
		const char *milestone = status_milestone(label);

		if (milestone != NULL)
		{
			int			attnum = lifecycle_attnum(rel, milestone);

			if (heap_attisnull(newtuple, attnum, tupdesc))
			{
				check_stamp_order(rel, newtuple, milestone, label,
								  DatumGetTimestampTz(now));
				cols[ncols] = attnum;
				values[ncols++] = now;
			}
		}
	}
	if (is_update)
	{
		cols[ncols] = lifecycle_attnum(rel, "updated_at");
		values[ncols++] = now;
	}

	if (ncols > 0)
		newtuple = heap_modify_tuple_by_cols(newtuple, tupdesc, ncols,
											 cols, values, nulls);
	return PointerGetDatum(newtuple);
}

/*
 * AFTER UPDATE on postmortem.incident: one status_change timeline entry per
 * actual status change.
 */
Datum
incident_lifecycle_log(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = lifecycle_trigger_data(fcinfo,
												   "incident_lifecycle_log",
												   false, false);
	Relation	rel = trigdata->tg_relation;
	TupleDesc	tupdesc = RelationGetDescr(rel);
	HeapTuple	oldtuple = trigdata->tg_trigtuple;
	HeapTuple	newtuple = trigdata->tg_newtuple;
	int			status_attnum = lifecycle_attnum(rel, "status");
	Datum		newstatus;
	bool		newnull;
	Datum		oldstatus;
	bool		oldnull;
	const char *milestone;
	char	   *oldlabel;
	char	   *newlabel;
	char	   *author;
	Datum		args[4];
	bool		isnull;
	int			ret;

	if (!status_changed(oldtuple, newtuple, tupdesc, status_attnum,
						&newstatus, &newnull))
		return PointerGetDatum(NULL);
	oldstatus = heap_getattr(oldtuple, status_attnum, tupdesc, &oldnull);
	/* status is NOT NULL; be graceful anyway */
	oldlabel = oldnull ? pstrdup("(none)") : enum_label(oldstatus);
	newlabel = newnull ? pstrdup("(none)") : enum_label(newstatus);
	author = GetUserNameFromId(GetUserId(), false);

	args[0] = heap_getattr(newtuple, lifecycle_attnum(rel, "id"), tupdesc, &isnull);
	if (isnull)
		elog(ERROR, "incident without an id");

	/*
	 * The entry's time: the new status's milestone if this update set it
	 * (a stamp, or a time the user entered after the fact), else now.
	 */
	args[1] = TimestampTzGetDatum(GetCurrentTransactionStartTimestamp());
	milestone = newnull ? NULL : status_milestone(newlabel);
	if (milestone != NULL)
	{
		int			attnum = lifecycle_attnum(rel, milestone);
		bool		mnull;
		bool		omnull;
		Datum		m = heap_getattr(newtuple, attnum, tupdesc, &mnull);
		Datum		om = heap_getattr(oldtuple, attnum, tupdesc, &omnull);

		if (!mnull && (omnull ||
					   DatumGetTimestampTz(om) != DatumGetTimestampTz(m)))
			args[1] = m;
	}
	args[2] = CStringGetTextDatum(psprintf("status changed from %s to %s by %s",
										   oldlabel, newlabel, author));
	args[3] = CStringGetTextDatum(author);

	if ((ret = SPI_connect()) != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed: %s", SPI_result_code_string(ret));
	if (status_change_plan == NULL)
	{
		Oid			argtypes[4] = {INT8OID, TIMESTAMPTZOID, TEXTOID, TEXTOID};
		SPIPlanPtr	plan = SPI_prepare(STATUS_CHANGE_SQL, 4, argtypes);

		if (plan == NULL)
			elog(ERROR, "SPI_prepare failed for status_change entry: %s",
				 SPI_result_code_string(SPI_result));
		if ((ret = SPI_keepplan(plan)) != 0)
			elog(ERROR, "SPI_keepplan failed: %s", SPI_result_code_string(ret));
		status_change_plan = plan;
	}
	ret = SPI_execute_plan(status_change_plan, args, NULL, false, 0);
	if (ret != SPI_OK_INSERT || SPI_processed != 1)
		elog(ERROR, "could not append status_change entry: %s",
			 SPI_result_code_string(ret));
	SPI_finish();

	return PointerGetDatum(NULL);
}

/*
 * BEFORE INSERT OR UPDATE on postmortem.task: completed_at follows the
 * status, updated_at follows every change.
 */
Datum
task_lifecycle_stamp(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = lifecycle_trigger_data(fcinfo,
												   "task_lifecycle_stamp",
												   true, true);
	Relation	rel = trigdata->tg_relation;
	TupleDesc	tupdesc = RelationGetDescr(rel);
	bool		is_update = TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event);
	HeapTuple	oldtuple = is_update ? trigdata->tg_trigtuple : NULL;
	HeapTuple	newtuple = is_update ? trigdata->tg_newtuple : trigdata->tg_trigtuple;
	Datum		now = TimestampTzGetDatum(GetCurrentTransactionStartTimestamp());
	int			cols[2];
	Datum		values[2];
	bool		nulls[2] = {false, false};
	int			ncols = 0;
	Datum		status;
	bool		status_null;

	if (status_changed(oldtuple, newtuple, tupdesc,
					   lifecycle_attnum(rel, "status"), &status, &status_null) &&
		!status_null)
	{
		char	   *label = enum_label(status);
		bool		closed = (strcmp(label, "done") == 0 ||
							  strcmp(label, "wont_do") == 0);
		int			attnum = lifecycle_attnum(rel, "completed_at");
		bool		was_closed = false;

		if (oldtuple != NULL)
		{
			bool		oldnull;
			Datum		old = heap_getattr(oldtuple,
										   lifecycle_attnum(rel, "status"),
										   tupdesc, &oldnull);

			if (!oldnull)
			{
				char	   *oldlabel = enum_label(old);

				was_closed = (strcmp(oldlabel, "done") == 0 ||
							  strcmp(oldlabel, "wont_do") == 0);
			}
		}

		if (closed && heap_attisnull(newtuple, attnum, tupdesc))
		{
			/* done or wont_do: when, if the user did not say */
			cols[ncols] = attnum;
			values[ncols++] = now;
		}
		else if (!closed && was_closed)
		{
			/* reopened: it is no longer complete */
			cols[ncols] = attnum;
			values[ncols] = (Datum) 0;
			nulls[ncols++] = true;
		}
	}
	if (is_update)
	{
		cols[ncols] = lifecycle_attnum(rel, "updated_at");
		values[ncols++] = now;
	}

	if (ncols > 0)
		newtuple = heap_modify_tuple_by_cols(newtuple, tupdesc, ncols,
											 cols, values, nulls);
	return PointerGetDatum(newtuple);
}
