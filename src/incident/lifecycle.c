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
 * SQL declarations: src/incident/30-lifecycle.sql.
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

/* The insert of a status_change entry, prepared once per backend. */
static SPIPlanPtr status_change_plan = NULL;

#define STATUS_CHANGE_SQL \
	"INSERT INTO postmortem.timeline (incident_id, at, kind, body, author, source) " \
	"VALUES ($1, $2, 'status_change'::postmortem.timeline_kind, $3, $4, 'lifecycle')"

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
 * CHECK constraint (src/incident/20-tables.sql) that keeps it after the earlier ones.
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
		value = heap_getattr(tuple, pm_column_attnum(rel, earlier), tupdesc,
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
 * What a BEFORE INSERT OR UPDATE stamping trigger works with: the rows, the
 * time it stamps (the transaction's, like now()), and the columns it sets.
 */
typedef struct LifecycleStamp
{
	Relation	rel;
	TupleDesc	tupdesc;
	HeapTuple	oldtuple;		/* NULL on INSERT */
	HeapTuple	newtuple;
	Datum		now;
	int			ncols;
	int			cols[2];		/* a milestone or completed_at, updated_at */
	Datum		values[2];
	bool		nulls[2];
} LifecycleStamp;

static void
stamp_begin(LifecycleStamp *st, FunctionCallInfo fcinfo, const char *funcname)
{
	TriggerData *trigdata = pm_trigger_data(fcinfo, funcname, true,
											PM_ON_INSERT | PM_ON_UPDATE);
	bool		is_update = TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event);

	st->rel = trigdata->tg_relation;
	st->tupdesc = RelationGetDescr(st->rel);
	st->oldtuple = is_update ? trigdata->tg_trigtuple : NULL;
	st->newtuple = is_update ? trigdata->tg_newtuple : trigdata->tg_trigtuple;
	st->now = TimestampTzGetDatum(GetCurrentTransactionStartTimestamp());
	st->ncols = 0;
}

/* Set a column of the new row (NULL when isnull). */
static void
stamp_set(LifecycleStamp *st, int attnum, Datum value, bool isnull)
{
	Assert(st->ncols < lengthof(st->cols));
	st->cols[st->ncols] = attnum;
	st->values[st->ncols] = value;
	st->nulls[st->ncols++] = isnull;
}

/* Stamp updated_at on UPDATE; return the row to store. */
static Datum
stamp_finish(LifecycleStamp *st)
{
	if (st->oldtuple != NULL)
		stamp_set(st, pm_column_attnum(st->rel, "updated_at"), st->now, false);
	if (st->ncols == 0)
		return PointerGetDatum(st->newtuple);
	return PointerGetDatum(heap_modify_tuple_by_cols(st->newtuple, st->tupdesc,
													 st->ncols, st->cols,
													 st->values, st->nulls));
}

/*
 * BEFORE INSERT OR UPDATE on postmortem.incident: stamp the milestone of a
 * new status, and updated_at.
 */
PG_FUNCTION_INFO_V1(incident_lifecycle_stamp);
Datum
incident_lifecycle_stamp(PG_FUNCTION_ARGS)
{
	LifecycleStamp st;
	Datum		status;
	bool		status_null;

	stamp_begin(&st, fcinfo, "incident_lifecycle_stamp");
	if (status_changed(st.oldtuple, st.newtuple, st.tupdesc,
					   pm_column_attnum(st.rel, "status"), &status, &status_null))
	{
		char	   *label = enum_label(status);
		const char *milestone = status_milestone(label);

		if (milestone != NULL)
		{
			int			attnum = pm_column_attnum(st.rel, milestone);

			if (heap_attisnull(st.newtuple, attnum, st.tupdesc))
			{
				check_stamp_order(st.rel, st.newtuple, milestone, label,
								  DatumGetTimestampTz(st.now));
				stamp_set(&st, attnum, st.now, false);
			}
		}
	}
	return stamp_finish(&st);
}

/*
 * AFTER UPDATE on postmortem.incident: one status_change timeline entry per
 * actual status change.
 */
PG_FUNCTION_INFO_V1(incident_lifecycle_log);
Datum
incident_lifecycle_log(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = pm_trigger_data(fcinfo, "incident_lifecycle_log",
											false, PM_ON_UPDATE);
	Relation	rel = trigdata->tg_relation;
	TupleDesc	tupdesc = RelationGetDescr(rel);
	HeapTuple	oldtuple = trigdata->tg_trigtuple;
	HeapTuple	newtuple = trigdata->tg_newtuple;
	int			status_attnum = pm_column_attnum(rel, "status");
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

	args[0] = heap_getattr(newtuple, pm_column_attnum(rel, "id"), tupdesc, &isnull);
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
		int			attnum = pm_column_attnum(rel, milestone);
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

		status_change_plan = pm_prepare_kept("status_change entry",
											 STATUS_CHANGE_SQL, 4, argtypes);
	}
	ret = SPI_execute_plan(status_change_plan, args, NULL, false, 0);
	if (ret != SPI_OK_INSERT || SPI_processed != 1)
		elog(ERROR, "could not append status_change entry: %s",
			 SPI_result_code_string(ret));
	SPI_finish();

	return PointerGetDatum(NULL);
}

/* Is a task status one that closes the task (done or wont_do)? */
static bool
task_status_closed(Datum status)
{
	char	   *label = enum_label(status);

	return strcmp(label, "done") == 0 || strcmp(label, "wont_do") == 0;
}

/*
 * BEFORE INSERT OR UPDATE on postmortem.task: completed_at follows the
 * status, updated_at follows every change.
 */
PG_FUNCTION_INFO_V1(task_lifecycle_stamp);
Datum
task_lifecycle_stamp(PG_FUNCTION_ARGS)
{
	LifecycleStamp st;
	int			status_attnum;
	Datum		status;
	bool		status_null;

	stamp_begin(&st, fcinfo, "task_lifecycle_stamp");
	status_attnum = pm_column_attnum(st.rel, "status");
	if (status_changed(st.oldtuple, st.newtuple, st.tupdesc, status_attnum,
					   &status, &status_null) &&
		!status_null)
	{
		bool		closed = task_status_closed(status);
		int			attnum = pm_column_attnum(st.rel, "completed_at");
		bool		was_closed = false;

		if (st.oldtuple != NULL)
		{
			bool		oldnull;
			Datum		old = heap_getattr(st.oldtuple, status_attnum,
										   st.tupdesc, &oldnull);

			was_closed = !oldnull && task_status_closed(old);
		}

		if (closed && heap_attisnull(st.newtuple, attnum, st.tupdesc))
			stamp_set(&st, attnum, st.now, false);	/* done: when, if not said */
		else if (!closed && was_closed)
			stamp_set(&st, attnum, (Datum) 0, true);	/* reopened */
	}
	return stamp_finish(&st);
}
