/*-------------------------------------------------------------------------
 *
 * history.c
 *	  The history of every incident and task field, as timeline entries,
 *	  and NOTIFY postmortem for the chat bots that LISTEN.
 *
 * incident_history (AFTER INSERT OR UPDATE ON incident) writes one
 * field_change timeline entry per field an UPDATE changed -- who, from what,
 * to what -- once the incident exists (not in the transaction that created
 * it, which is still filling it in), except the status (incident_lifecycle_log writes that one) and
 * the milestones the status change stamped; and it notifies channel
 * "postmortem" when a live incident is declared and when its status or
 * severity changes.  task_history (AFTER UPDATE ON task) writes the same
 * entries, on the task's incident, for its title, kind, status, owner and
 * due date.  notify_overdue_tasks() (a scheduler such as pg_cron calls it)
 * notifies each task that has become overdue, once.
 *
 * SQL declarations: src/incident/60-history.sql.  Calls only src/ top level.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "access/xact.h"
#include "catalog/pg_type.h"
#include "commands/async.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "lib/stringinfo.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/json.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"
#include "utils/timestamp.h"

#include "postmortem.h"

/* The channel every notification goes to. */
#define PM_CHANNEL "postmortem"

/*
 * postmortem.notify_details: put titles and owners in the payloads.  Off by
 * default: LISTEN needs no privilege, so any role that can connect reads
 * every payload; a bot that is allowed to read incidents fetches the rest
 * by id.  A private incident's payload never has them.
 */
bool		pm_notify_details = false;

/* A value longer than this is cut in a timeline entry. */
#define PM_VALUE_MAX 200

/* The fields whose changes are kept, per table. */
static const char *const incident_fields[] = {
	"title", "summary", "severity", "started_at", "detected_at",
	"acknowledged_at", "mitigated_at", "resolved_at", "closed_at",
	"time_zone", "users_affected_pct", "users_affected", "impact",
	"root_cause", "resolution"
};

static const char *const task_fields[] = {
	"title", "kind", "status", "owner", "due_at"
};

#define HISTORY_SQL \
	"INSERT INTO postmortem.timeline (incident_id, at, kind, body, author, source) " \
	"VALUES ($1, pg_catalog.now(), 'field_change'::postmortem.timeline_kind, $2, $3, 'history')"

static SPIPlanPtr history_plan = NULL;

/*
 * Was the row created by this transaction?  Then its fields are still being
 * filled in (open_incident and its first UPDATEs, import_markdown): that is
 * not history.  created_at defaults to now(), the transaction's start.
 */
static bool
created_by_this_transaction(Relation rel, HeapTuple tuple)
{
	bool		isnull;
	Datum		created = heap_getattr(tuple, pm_column_attnum(rel, "created_at"),
									   RelationGetDescr(rel), &isnull);

	return !isnull &&
		DatumGetTimestampTz(created) == GetCurrentTransactionStartTimestamp();
}

/* The text of a column of a row, NULL when null. */
static char *
column_text(HeapTuple tuple, TupleDesc desc, int attnum)
{
	bool		isnull;
	Datum		value = heap_getattr(tuple, attnum, desc, &isnull);
	Oid			typoutput;
	bool		typisvarlena;

	if (isnull)
		return NULL;
	getTypeOutputInfo(TupleDescAttr(desc, attnum - 1)->atttypid,
					  &typoutput, &typisvarlena);
	return OidOutputFunctionCall(typoutput, value);
}

/* A value as it reads in an entry: quoted, cut at a character boundary. */
static void
append_value(StringInfo buf, const char *value)
{
	int			len = strlen(value);

	if (len > PM_VALUE_MAX)
		len = pg_mbcliplen(value, len, PM_VALUE_MAX);
	appendStringInfo(buf, "\"%.*s%s\"", len, value, value[len] ? "…" : "");
}

/*
 * Who made the change: the current role, and the session's user too when
 * they differ (SET ROLE, a SECURITY DEFINER function).
 */
static char *
who(void)
{
	char	   *current = GetUserNameFromId(GetUserId(), false);
	Oid			session = GetSessionUserId();

	if (session != GetUserId())
		return psprintf("%s (session user %s)", current,
						GetUserNameFromId(session, false));
	return current;
}

static void
write_entry(int64 incident_id, const char *body, const char *author)
{
	Datum		args[3];
	int			ret;

	if (history_plan == NULL)
	{
		Oid			argtypes[3] = {INT8OID, TEXTOID, TEXTOID};

		history_plan = pm_prepare_kept("history entry", HISTORY_SQL, 3, argtypes);
	}
	args[0] = Int64GetDatum(incident_id);
	args[1] = CStringGetTextDatum(body);
	args[2] = CStringGetTextDatum(author);
	ret = SPI_execute_plan(history_plan, args, NULL, false, 0);
	if (ret != SPI_OK_INSERT)
		elog(ERROR, "history entry insert failed: %s", SPI_result_code_string(ret));
}

/*
 * One field_change entry per tracked field that differs between the two
 * rows; "what" names the row ("task 12 \"Add the index\": ") or is empty.
 * skip(field) leaves a field out.
 */
static void
log_changes(int64 incident_id, const char *what, HeapTuple oldtuple,
			HeapTuple newtuple, Relation rel, const char *const *fields,
			int nfields, bool (*skip) (const char *, const char *, const char *, void *),
			void *skipArg)
{
	TupleDesc	desc = RelationGetDescr(rel);
	char	   *author = NULL;

	for (int i = 0; i < nfields; i++)
	{
		int			attnum = pm_column_attnum(rel, fields[i]);
		char	   *before;
		char	   *after;
		StringInfoData buf;

		before = column_text(oldtuple, desc, attnum);
		after = column_text(newtuple, desc, attnum);
		if ((before == NULL && after == NULL) ||
			(before && after && strcmp(before, after) == 0))
			continue;
		if (skip && skip(fields[i], before, after, skipArg))
			continue;

		initStringInfo(&buf);
		appendStringInfo(&buf, "%s%s ", what, fields[i]);
		if (before == NULL)
		{
			appendStringInfoString(&buf, "set to ");
			append_value(&buf, after);
		}
		else if (after == NULL)
		{
			appendStringInfoString(&buf, "cleared (was ");
			append_value(&buf, before);
			appendStringInfoChar(&buf, ')');
		}
		else
		{
			appendStringInfoString(&buf, "changed from ");
			append_value(&buf, before);
			appendStringInfoString(&buf, " to ");
			append_value(&buf, after);
		}
		if (author == NULL)
			author = who();
		write_entry(incident_id, buf.data, author);
	}
}

/*
 * ", key: value" with the value cut at a character boundary to at most
 * "chars" bytes, and shorter still if its JSON escapes (up to six bytes a
 * byte: control characters) would take more than "room" bytes.
 */
static void
append_cut(StringInfo buf, const char *key, const char *value, int chars, int room)
{
	int			len = strlen(value);
	StringInfoData esc;

	initStringInfo(&esc);
	for (;;)
	{
		char	   *cut;

		if (len > chars)
			len = pg_mbcliplen(value, len, chars);
		cut = pnstrdup(value, len);
		resetStringInfo(&esc);
		escape_json(&esc, cut);
		pfree(cut);
		if (esc.len <= room || len == 0)
			break;
		chars = len / 2;
	}
	appendStringInfo(buf, ", \"%s\": %s", key, esc.data);
	pfree(esc.data);
}

/*
 * NOTIFY postmortem with a JSON payload: {"event": ..., "incident_id": ...,
 * "title", "severity", "status", and "from"/"to" for a change}.  The texts
 * people write (titles, owner) are cut so that the payload stays under
 * NOTIFY's 8000 bytes whatever they hold.
 */
static void
notify(const char *event, int64 incident_id, const char *title,
	   const char *severity, const char *status, const char *from,
	   const char *to, int64 task_id, const char *task_title,
	   const char *owner, const char *due_at)
{
	StringInfoData buf;

	initStringInfo(&buf);
	appendStringInfoString(&buf, "{\"event\": ");
	escape_json(&buf, event);
	appendStringInfo(&buf, ", \"incident_id\": " INT64_FORMAT, incident_id);
	if (title)
		append_cut(&buf, "title", title, 1000, 3000);
	if (severity)
	{
		appendStringInfoString(&buf, ", \"severity\": ");
		escape_json(&buf, severity);
	}
	if (status)
	{
		appendStringInfoString(&buf, ", \"status\": ");
		escape_json(&buf, status);
	}
	if (from)
	{
		appendStringInfoString(&buf, ", \"from\": ");
		escape_json(&buf, from);
	}
	if (to)
	{
		appendStringInfoString(&buf, ", \"to\": ");
		escape_json(&buf, to);
	}
	if (task_id > 0)
	{
		appendStringInfo(&buf, ", \"task_id\": " INT64_FORMAT, task_id);
		if (task_title)
			append_cut(&buf, "task", task_title, 1000, 3000);
	}
	if (owner)
		append_cut(&buf, "owner", owner, 200, 1000);
	if (due_at)
	{
		appendStringInfoString(&buf, ", \"due_at\": ");
		escape_json(&buf, due_at);
	}
	appendStringInfoChar(&buf, '}');
	Async_Notify(PM_CHANNEL, buf.data);
}

/*
 * A milestone stamped by the lifecycle trigger because the status changed
 * (unset before, set now) is told by the status_change entry already.
 */
static bool
skip_stamped(const char *field, const char *before, const char *after, void *arg)
{
	bool		statusChanged = *(bool *) arg;
	size_t		len = strlen(field);

	return statusChanged && before == NULL && after != NULL &&
		len > 3 && strcmp(field + len - 3, "_at") == 0;
}

/* trigger incident_history: field history and notifications of an incident */
PG_FUNCTION_INFO_V1(postmortem_incident_history);
Datum
postmortem_incident_history(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = pm_trigger_data(fcinfo, "incident_history", false,
											PM_ON_INSERT | PM_ON_UPDATE);
	Relation	rel = trigdata->tg_relation;
	TupleDesc	desc = RelationGetDescr(rel);
	HeapTuple	newtuple = TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event) ?
		trigdata->tg_newtuple : trigdata->tg_trigtuple;
	bool		isnull;
	int64		id = DatumGetInt64(heap_getattr(newtuple, pm_column_attnum(rel, "id"),
												desc, &isnull));
	int			sevAtt = pm_column_attnum(rel, "severity");
	int			statusAtt = pm_column_attnum(rel, "status");
	char	   *title = column_text(newtuple, desc, pm_column_attnum(rel, "title"));
	char	   *severity = column_text(newtuple, desc, sevAtt);
	char	   *status = column_text(newtuple, desc, statusAtt);
	char	   *private = column_text(newtuple, desc, pm_column_attnum(rel, "private"));

	/* what every role that can connect may read of it: see pm_notify_details */
	if (!pm_notify_details || (private && strcmp(private, "t") == 0))
		title = NULL;

	if (TRIGGER_FIRED_BY_INSERT(trigdata->tg_event))
	{
		/* a live incident: not an imported or back-filled past one */
		if (column_text(newtuple, desc, pm_column_attnum(rel, "resolved_at")) == NULL)
			notify("declared", id, title, severity, status, NULL, NULL, 0, NULL, NULL, NULL);
	}
	else
	{
		HeapTuple	oldtuple = trigdata->tg_trigtuple;
		char	   *oldSeverity = column_text(oldtuple, desc, sevAtt);
		char	   *oldStatus = column_text(oldtuple, desc, statusAtt);
		bool		statusChanged = strcmp(oldStatus, status) != 0;

		if (!created_by_this_transaction(rel, oldtuple))
		{
			if (SPI_connect() != SPI_OK_CONNECT)
				elog(ERROR, "SPI_connect failed");
			log_changes(id, "", oldtuple, newtuple, rel, incident_fields,
						lengthof(incident_fields), skip_stamped, &statusChanged);
			SPI_finish();
		}

		if (statusChanged)
			notify("status_changed", id, title, severity, status, oldStatus,
				   status, 0, NULL, NULL, NULL);
		if (strcmp(oldSeverity, severity) != 0)
			notify("severity_changed", id, title, severity, status, oldSeverity,
				   severity, 0, NULL, NULL, NULL);
	}
	return PointerGetDatum(NULL);
}

/* trigger task_history: field history of a task, on its incident's timeline */
PG_FUNCTION_INFO_V1(postmortem_task_history);
Datum
postmortem_task_history(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = pm_trigger_data(fcinfo, "task_history", false,
											PM_ON_UPDATE);
	Relation	rel = trigdata->tg_relation;
	TupleDesc	desc = RelationGetDescr(rel);
	HeapTuple	oldtuple = trigdata->tg_trigtuple;
	HeapTuple	newtuple = trigdata->tg_newtuple;
	bool		isnull;
	int64		incident_id;
	char	   *what;

	if (created_by_this_transaction(rel, oldtuple))
		return PointerGetDatum(NULL);
	incident_id = DatumGetInt64(heap_getattr(newtuple, pm_column_attnum(rel, "incident_id"),
											 desc, &isnull));
	what = psprintf("task %s \"%s\": ",
					column_text(newtuple, desc, pm_column_attnum(rel, "id")),
					column_text(oldtuple, desc, pm_column_attnum(rel, "title")));
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	log_changes(incident_id, what, oldtuple, newtuple, rel, task_fields,
				lengthof(task_fields), NULL, NULL);
	SPI_finish();
	return PointerGetDatum(NULL);
}

/*
 * The tasks that are overdue and not yet notified, marked notified in the
 * same statement: two schedulers calling at once notify each task once.
 */
#define OVERDUE_SQL \
	"WITH due AS (" \
	"  INSERT INTO postmortem.task_overdue_notice (task_id)" \
	"  SELECT t.id FROM postmortem.task t" \
	"   WHERE t.due_at OPERATOR(pg_catalog.<) pg_catalog.now()" \
	"     AND t.status OPERATOR(pg_catalog.<) 'done'::postmortem.task_status" \
	"  ON CONFLICT (task_id) DO NOTHING" \
	"  RETURNING task_id)" \
	"SELECT t.id, t.incident_id, t.title, t.owner," \
	"       pg_catalog.to_char(pg_catalog.timezone('UTC', t.due_at), 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')," \
	"       i.title, i.severity::pg_catalog.text, i.status::pg_catalog.text, i.private" \
	"  FROM due d JOIN postmortem.task t ON t.id OPERATOR(pg_catalog.=) d.task_id" \
	"  JOIN postmortem.incident i ON i.id OPERATOR(pg_catalog.=) t.incident_id" \
	" ORDER BY t.id"

static SPIPlanPtr overdue_plan = NULL;

/* notify_overdue_tasks(): NOTIFY each task that became overdue, once */
PG_FUNCTION_INFO_V1(postmortem_notify_overdue_tasks);
Datum
postmortem_notify_overdue_tasks(PG_FUNCTION_ARGS)
{
	int			ret;
	uint64		n;

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	if (overdue_plan == NULL)
		overdue_plan = pm_prepare_kept("overdue tasks", OVERDUE_SQL, 0, NULL);
	ret = SPI_execute_plan(overdue_plan, NULL, NULL, false, 0);
	if (ret != SPI_OK_SELECT)
		elog(ERROR, "overdue tasks query failed: %s", SPI_result_code_string(ret));
	n = SPI_processed;
	for (uint64 i = 0; i < n; i++)
	{
		HeapTuple	tup = SPI_tuptable->vals[i];
		TupleDesc	desc = SPI_tuptable->tupdesc;
		bool		isnull;
		bool		details = pm_notify_details &&
			!DatumGetBool(SPI_getbinval(tup, desc, 9, &isnull));

		notify("task_overdue",
			   DatumGetInt64(SPI_getbinval(tup, desc, 2, &isnull)),
			   details ? SPI_getvalue(tup, desc, 6) : NULL, SPI_getvalue(tup, desc, 7),
			   SPI_getvalue(tup, desc, 8), NULL, NULL,
			   DatumGetInt64(SPI_getbinval(tup, desc, 1, &isnull)),
			   details ? SPI_getvalue(tup, desc, 3) : NULL,
			   details ? SPI_getvalue(tup, desc, 4) : NULL,
			   SPI_getvalue(tup, desc, 5));
	}
	SPI_finish();
	PG_RETURN_INT32((int32) n);
}
