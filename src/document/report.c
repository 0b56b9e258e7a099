/*-------------------------------------------------------------------------
 *
 * report.c
 *	  postmortem.report(): an incident rendered as the Markdown postmortem
 *	  teams write (Issue Summary with the response times, Timeline with the
 *	  cited schema changes and a Mermaid gantt, Root Cause and Resolution,
 *	  the retrospective sections, the cited schema changes, Corrective and
 *	  Preventative Measures), in a form import_markdown reads back to the
 *	  same incident.
 *
 * Times are shown in the incident's time zone (UTC when it has none), to
 * the minute unless the seconds matter.  User text is escaped
 * (report_text.c); the diagram is report_gantt.c.  The statements are
 * prepared once per session and kept.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "lib/stringinfo.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/timestamp.h"

#include "document/report.h"

static SPIPlanPtr incident_plan = NULL;
static SPIPlanPtr timeline_plan = NULL;
static SPIPlanPtr task_plan = NULL;
static SPIPlanPtr citation_plan = NULL;
static SPIPlanPtr section_plan = NULL;

#define INCIDENT_SQL \
	"SELECT title, summary, severity::text, status::text, started_at, detected_at," \
	" acknowledged_at, mitigated_at, resolved_at, time_zone, users_affected_pct," \
	" users_affected, impact, root_cause, resolution," \
	" pg_catalog.array_to_string(improvements, E'\\n')" \
	" FROM postmortem.incident WHERE id OPERATOR(pg_catalog.=) $1"
/* field_change entries are the record of edits to the incident, not events */
#define TIMELINE_SQL \
	"SELECT at, kind::text, body FROM postmortem.timeline" \
	" WHERE incident_id OPERATOR(pg_catalog.=) $1" \
	"  AND kind::text OPERATOR(pg_catalog.<>) 'field_change' ORDER BY at, id"
#define TASK_SQL \
	"SELECT title, status::text, owner, due_at" \
	" FROM postmortem.task WHERE incident_id OPERATOR(pg_catalog.=) $1 ORDER BY id"
#define CITATION_SQL \
	"SELECT c.role::text, c.note, s.id, s.at, s.statement, s.revert_statement," \
	" pg_catalog.concat_ws(' ', s.command_tag, s.object_identity)," \
	" CASE WHEN s.origin OPERATOR(pg_catalog.<>) postmortem.local_origin()" \
	"  THEN s.database_name END," \
	" mo.summary" \
	" FROM postmortem.citation c" \
	" JOIN postmortem.schema_change s ON s.id OPERATOR(pg_catalog.=) c.schema_change_id" \
	"  AND s.origin OPERATOR(pg_catalog.=) c.schema_change_origin" \
	" LEFT JOIN LATERAL postmortem.migration_of(s.id, s.origin) mo ON true" \
	" WHERE c.incident_id OPERATOR(pg_catalog.=) $1 ORDER BY s.at, s.id"
#define SECTION_SQL \
	"SELECT s.value OPERATOR(pg_catalog.->>) 'heading', s.value OPERATOR(pg_catalog.->>) 'body'" \
	" FROM postmortem.incident i, pg_catalog.jsonb_array_elements(i.sections)" \
	" WITH ORDINALITY AS s (value, n)" \
	" WHERE i.id OPERATOR(pg_catalog.=) $1 ORDER BY s.n"

static SPIPlanPtr
report_plan(const char *sql)
{
	Oid			argtypes[1] = {INT8OID};
	SPIPlanPtr	plan = SPI_prepare(sql, 1, argtypes);

	if (plan == NULL)
		elog(ERROR, "SPI_prepare failed for \"%s\": %s", sql, SPI_result_code_string(SPI_result));
	if (SPI_keepplan(plan) != 0)
		elog(ERROR, "SPI_keepplan failed");
	return plan;
}

/* run a kept plan for this incident; the rows stay in SPI_tuptable */
static void
report_query(SPIPlanPtr *plan, const char *sql, int64 id, const char *what)
{
	Datum		args[1] = {Int64GetDatum(id)};
	int			ret;

	if (*plan == NULL)
		*plan = report_plan(sql);
	ret = SPI_execute_plan(*plan, args, NULL, false, 0);
	if (ret != SPI_OK_SELECT)
		elog(ERROR, "reading the %s failed: %s", what, SPI_result_code_string(ret));
}

static char *
col_text(HeapTuple tup, TupleDesc desc, int col)
{
	return SPI_getvalue(tup, desc, col);
}

static bool
col_ts(HeapTuple tup, TupleDesc desc, int col, TimestampTz *ts)
{
	bool		isnull;
	Datum		d = SPI_getbinval(tup, desc, col, &isnull);

	if (isnull)
		return false;
	*ts = DatumGetTimestampTz(d);
	return true;
}

/* "root_cause" → "root cause" */
static char *
role_words(const char *role)
{
	char	   *s = pstrdup(role ? role : "cited");

	for (char *p = s; *p; p++)
		if (*p == '_')
			*p = ' ';
	return s;
}

static const char *
task_status_words(const char *status)
{
	if (strcmp(status, "todo") == 0)
		return "To do";
	if (strcmp(status, "in_progress") == 0)
		return "In progress";
	if (strcmp(status, "scheduled") == 0)
		return "Scheduled";
	if (strcmp(status, "blocked") == 0)
		return "Blocked";
	if (strcmp(status, "done") == 0)
		return "Completed";
	if (strcmp(status, "wont_do") == 0)
		return "Won't do";
	return status;
}

/* a date and time in the incident's zone: "May 15, 2024, 10:05 AM" */
static void
append_when(StringInfo buf, const PmZone *zone, TimestampTz at, bool date, bool seconds)
{
	struct pg_tm tm;
	fsec_t		fsec;

	pm_zone_localize(zone, at, &tm, &fsec);
	if (date)
	{
		rpt_date(buf, &tm);
		appendStringInfoString(buf, ", ");
	}
	rpt_clock(buf, &tm, fsec, seconds);
}

static int
event_cmp(const void *a, const void *b)
{
	const RptEvent *x = a;
	const RptEvent *y = b;

	if (x->at != y->at)
		return x->at < y->at ? -1 : 1;
	/* a cited change before the entries of its minute; else as read */
	if ((strcmp(x->kind, "cited") == 0) != (strcmp(y->kind, "cited") == 0))
		return strcmp(x->kind, "cited") == 0 ? -1 : 1;
	return x->ord < y->ord ? -1 : (x->ord > y->ord ? 1 : 0);
}

/*
 * The timeline's entries and the cited schema changes, in time order, each
 * knowing whether its seconds matter: written with them, or needed to order
 * it within its minute.
 */
static void
load_events(RptIncident *inc, int64 id, SPITupleTable *cited, uint64 ncited)
{
	uint64		n;
	SPITupleTable *rows;

	report_query(&timeline_plan, TIMELINE_SQL, id, "timeline");
	rows = SPI_tuptable;
	n = SPI_processed;
	inc->events = palloc0(sizeof(RptEvent) * (n + ncited + 1));
	inc->nevents = 0;
	for (uint64 i = 0; i < n; i++)
	{
		RptEvent   *e = &inc->events[inc->nevents];

		e->ord = inc->nevents++;
		col_ts(rows->vals[i], rows->tupdesc, 1, &e->at);
		e->kind = col_text(rows->vals[i], rows->tupdesc, 2);
		e->body = col_text(rows->vals[i], rows->tupdesc, 3);
	}
	for (uint64 i = 0; i < ncited; i++)
	{
		RptEvent   *e = &inc->events[inc->nevents];

		if (!col_ts(cited->vals[i], cited->tupdesc, 4, &e->at))
			continue;
		e->ord = inc->nevents;
		e->kind = "cited";
		e->role = role_words(col_text(cited->vals[i], cited->tupdesc, 1));
		e->scid = col_text(cited->vals[i], cited->tupdesc, 3);
		e->body = col_text(cited->vals[i], cited->tupdesc, 7);
		if (e->body == NULL || e->body[0] == '\0')
			e->body = col_text(cited->vals[i], cited->tupdesc, 5);
		if (e->body == NULL)
			e->body = "";
		inc->nevents++;
	}
	qsort(inc->events, inc->nevents, sizeof(RptEvent), event_cmp);
	for (int i = 0; i < inc->nevents; i++)
	{
		RptEvent   *e = &inc->events[i];
		int64		minute = e->at / USECS_PER_MINUTE;
		bool		shared = false;

		if (i > 0 && inc->events[i - 1].at / USECS_PER_MINUTE == minute &&
			inc->events[i - 1].at / USECS_PER_SEC != e->at / USECS_PER_SEC)
			shared = true;
		if (i + 1 < inc->nevents && inc->events[i + 1].at / USECS_PER_MINUTE == minute &&
			inc->events[i + 1].at / USECS_PER_SEC != e->at / USECS_PER_SEC)
			shared = true;
		e->seconds = shared || rpt_written_with_seconds(&inc->zone, e->at);
	}
}

/* "- **Time to detect:** 5 min" for each milestone that is known */
static void
append_response_times(StringInfo buf, const RptIncident *inc)
{
	static const char *const names[RPT_NMILESTONES] = {
		NULL, "detect", "acknowledge", "mitigate", "resolve"
	};

	if (!inc->has[RPT_STARTED])
		return;
	for (int m = RPT_DETECTED; m < RPT_NMILESTONES; m++)
	{
		if (!inc->has[m])
			continue;
		appendStringInfo(buf, "- **Time to %s:** ", names[m]);
		rpt_span(buf, inc->ms[RPT_STARTED], inc->ms[m]);
		appendStringInfoChar(buf, '\n');
	}
}

/* # title and ## Issue Summary */
static void
append_summary(StringInfo buf, const RptIncident *inc, HeapTuple tup, TupleDesc desc)
{
	char	   *impact = col_text(tup, desc, 13);
	char	   *pct = col_text(tup, desc, 11);
	char	   *count = col_text(tup, desc, 12);
	char	   *summary = col_text(tup, desc, 2);

	appendStringInfoString(buf, "# ");
	rpt_md_text(buf, inc->title, false);
	appendStringInfoString(buf, "\n\n## Issue Summary\n\n");
	if (inc->has[RPT_STARTED])
	{
		TimestampTz s = inc->ms[RPT_STARTED];

		appendStringInfoString(buf, "- **Duration:** ");
		append_when(buf, &inc->zone, s, true, rpt_written_with_seconds(&inc->zone, s));
		if (inc->has[RPT_RESOLVED])
		{
			TimestampTz r = inc->ms[RPT_RESOLVED];

			appendStringInfoString(buf, " - ");
			append_when(buf, &inc->zone, r, true, rpt_written_with_seconds(&inc->zone, r));
		}
		appendStringInfo(buf, " (%s)\n", inc->zone.label);
	}
	appendStringInfo(buf, "- **Severity:** %s\n", col_text(tup, desc, 3));
	appendStringInfo(buf, "- **Status:** %s\n", col_text(tup, desc, 4));
	append_response_times(buf, inc);
	if (impact)
	{
		appendStringInfoString(buf, "- **Impact:** ");
		rpt_md_text(buf, impact, false);
		appendStringInfoChar(buf, '\n');
	}
	if (pct || count)
	{
		appendStringInfoString(buf, "- **Users affected:** ");
		if (pct)
			appendStringInfo(buf, "%s%% of users", pct);
		if (pct && count)
			appendStringInfoString(buf, " (");
		if (count)
			appendStringInfo(buf, "%s users", count);
		if (pct && count)
			appendStringInfoChar(buf, ')');
		appendStringInfoChar(buf, '\n');
	}
	if (summary)
	{
		appendStringInfoChar(buf, '\n');
		rpt_md_text(buf, summary, true);
		appendStringInfoChar(buf, '\n');
	}
}

/* ## Timeline: the entries and the cited changes, then the gantt */
static void
append_timeline(StringInfo buf, const RptIncident *inc)
{
	bool		one_day = true;
	struct pg_tm first,
				tm;
	fsec_t		fsec;

	appendStringInfo(buf, "\n## Timeline (%s)\n\n", inc->zone.label);
	if (inc->has[RPT_STARTED])
		pm_zone_localize(&inc->zone, inc->ms[RPT_STARTED], &first, &fsec);
	else
		one_day = false;		/* no Duration line to carry the date */
	for (int i = 0; i < inc->nevents && one_day; i++)
	{
		pm_zone_localize(&inc->zone, inc->events[i].at, &tm, &fsec);
		if (tm.tm_year != first.tm_year || tm.tm_mon != first.tm_mon ||
			tm.tm_mday != first.tm_mday)
			one_day = false;
	}
	for (int i = 0; i < inc->nevents; i++)
	{
		const RptEvent *e = &inc->events[i];

		appendStringInfoString(buf, "- **");
		append_when(buf, &inc->zone, e->at, !one_day, e->seconds);
		appendStringInfo(buf, " %s:** ", inc->zone.label);
		if (strcmp(e->kind, "cited") == 0)
			appendStringInfo(buf, "Schema change %s (%s): ", e->scid, e->role);
		rpt_md_text(buf, e->body, false);
		appendStringInfoChar(buf, '\n');
	}
	if (inc->nevents == 0)
		appendStringInfoString(buf, "No timeline entries.\n");
	rpt_gantt(buf, inc);
}

/* ## Root Cause and Resolution, then the sections people wrote */
static void
append_analysis(StringInfo buf, int64 id, HeapTuple tup, TupleDesc desc)
{
	char	   *root_cause = col_text(tup, desc, 14);
	char	   *resolution = col_text(tup, desc, 15);

	if (root_cause || resolution)
	{
		appendStringInfoString(buf, "\n## Root Cause and Resolution\n\n");
		if (root_cause)
		{
			appendStringInfoString(buf, "**Root Cause:** ");
			rpt_md_text(buf, root_cause, true);
			appendStringInfoString(buf, "\n\n");
		}
		if (resolution)
		{
			appendStringInfoString(buf, "**Resolution:** ");
			rpt_md_text(buf, resolution, true);
			appendStringInfoString(buf, "\n\n");
		}
	}
	else
		appendStringInfoChar(buf, '\n');

	report_query(&section_plan, SECTION_SQL, id, "sections");
	for (uint64 i = 0; i < SPI_processed; i++)
	{
		char	   *heading = col_text(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 1);
		char	   *body = col_text(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 2);

		if (heading == NULL || heading[0] == '\0')
			continue;
		appendStringInfoString(buf, "## ");
		rpt_md_text(buf, heading, false);
		appendStringInfoString(buf, "\n\n");
		if (body && body[0])
		{
			rpt_md_section_body(buf, body);
			appendStringInfoString(buf, "\n\n");
		}
	}
}

/* ## Schema changes cited: role, when, note, statement and revert */
static void
append_citations(StringInfo buf, const PmZone *zone, SPITupleTable *rows, uint64 n)
{
	if (n == 0)
		return;
	appendStringInfoString(buf, "## Schema changes cited\n\n");
	for (uint64 i = 0; i < n; i++)
	{
		HeapTuple	tup = rows->vals[i];
		TupleDesc	desc = rows->tupdesc;
		char	   *note = col_text(tup, desc, 2);
		char	   *stmt = col_text(tup, desc, 5);
		char	   *revert = col_text(tup, desc, 6);
		char	   *database = col_text(tup, desc, 8);
		char	   *run = col_text(tup, desc, 9);
		TimestampTz at = 0;

		appendStringInfo(buf, "- **%s:** schema change %s",
						 col_text(tup, desc, 1) ? col_text(tup, desc, 1) : "cited",
						 col_text(tup, desc, 3));
		/* recorded in another database of the fleet (docs/fleet.md) */
		if (database)
		{
			appendStringInfoString(buf, " in database ");
			rpt_md_text(buf, database, false);
		}
		if (col_ts(tup, desc, 4, &at))
		{
			appendStringInfoString(buf, " at ");
			append_when(buf, zone, at, true, rpt_written_with_seconds(zone, at));
			appendStringInfo(buf, " %s", zone->label);
		}
		if (run)
		{
			appendStringInfoString(buf, ", in ");
			rpt_md_text(buf, run, false);
		}
		if (note)
		{
			appendStringInfoString(buf, " — ");
			rpt_md_text(buf, note, false);
		}
		appendStringInfoString(buf, "\n\n");
		rpt_code_block(buf, "  ", "sql", stmt ? stmt : "-- statement not recorded");
		if (revert)
		{
			appendStringInfoString(buf, "  Revert:\n\n");
			rpt_code_block(buf, "  ", "sql", revert);
		}
		else
			appendStringInfoString(buf, "  Revert: no revert statement recorded.\n\n");
	}
}

/* ## Corrective and Preventative Measures: improvements and tasks */
static void
append_measures(StringInfo buf, int64 id, const PmZone *zone, char *improvements)
{
	appendStringInfoString(buf, "## Corrective and Preventative Measures\n\n");
	if (improvements && improvements[0])
	{
		char	   *p = improvements;

		appendStringInfoString(buf, "**Improvements:**\n\n");
		while (p && *p)
		{
			char	   *nl = strchr(p, '\n');

			if (nl)
				*nl = '\0';
			appendStringInfoString(buf, "- ");
			rpt_md_text(buf, p, false);
			appendStringInfoChar(buf, '\n');
			p = nl ? nl + 1 : NULL;
		}
		appendStringInfoChar(buf, '\n');
	}
	report_query(&task_plan, TASK_SQL, id, "tasks");
	appendStringInfoString(buf, "**Tasks:**\n\n");
	for (uint64 i = 0; i < SPI_processed; i++)
	{
		HeapTuple	tup = SPI_tuptable->vals[i];
		TupleDesc	desc = SPI_tuptable->tupdesc;
		char	   *status = col_text(tup, desc, 2);
		char	   *owner = col_text(tup, desc, 3);
		TimestampTz due;

		appendStringInfo(buf, "- [%c] ", strcmp(status, "done") == 0 ? 'x' : ' ');
		rpt_md_text(buf, col_text(tup, desc, 1), false);
		appendStringInfo(buf, " — Status: %s", task_status_words(status));
		if (owner)
		{
			appendStringInfoString(buf, " — Owner: ");
			rpt_md_text(buf, owner, false);
		}
		if (col_ts(tup, desc, 4, &due))
		{
			struct pg_tm tm;
			fsec_t		fsec;

			/* the date in the incident's zone, as the document wrote it */
			pm_zone_localize(zone, due, &tm, &fsec);
			appendStringInfo(buf, " — Due: %04d-%02d-%02d", tm.tm_year, tm.tm_mon, tm.tm_mday);
		}
		appendStringInfoChar(buf, '\n');
	}
	if (SPI_processed == 0)
		appendStringInfoString(buf, "No tasks.\n");
}

/* report: the incident as a Markdown postmortem */
PG_FUNCTION_INFO_V1(report);
Datum
report(PG_FUNCTION_ARGS)
{
	int64		id = PG_GETARG_INT64(0);
	MemoryContext outer = CurrentMemoryContext;
	StringInfoData buf;
	RptIncident inc;
	HeapTuple	tup;
	TupleDesc	desc;
	char	   *zone_label;
	SPITupleTable *cited;
	uint64		ncited;
	text	   *result;

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	report_query(&incident_plan, INCIDENT_SQL, id, "incident");
	if (SPI_processed == 0)
		ereport(ERROR,
				(errcode(ERRCODE_NO_DATA_FOUND),
				 errmsg("incident " INT64_FORMAT " does not exist", id)));
	tup = SPI_tuptable->vals[0];
	desc = SPI_tuptable->tupdesc;
	SPI_tuptable = NULL;		/* keep it: the next queries must not free it */

	memset(&inc, 0, sizeof(inc));
	inc.title = col_text(tup, desc, 1);
	zone_label = col_text(tup, desc, 10);
	if (zone_label == NULL || !pm_zone_parse(zone_label, &inc.zone))
		pm_zone_parse("UTC", &inc.zone);
	for (int m = 0; m < RPT_NMILESTONES; m++)
		inc.has[m] = col_ts(tup, desc, 5 + m, &inc.ms[m]);

	report_query(&citation_plan, CITATION_SQL, id, "citations");
	cited = SPI_tuptable;
	ncited = SPI_processed;
	SPI_tuptable = NULL;
	load_events(&inc, id, cited, ncited);

	initStringInfo(&buf);
	append_summary(&buf, &inc, tup, desc);
	append_timeline(&buf, &inc);
	append_analysis(&buf, id, tup, desc);
	append_citations(&buf, &inc.zone, cited, ncited);
	append_measures(&buf, id, &inc.zone, col_text(tup, desc, 16));

	MemoryContextSwitchTo(outer);
	result = cstring_to_text_with_len(buf.data, buf.len);
	SPI_finish();
	PG_RETURN_TEXT_P(result);
}
