/*-------------------------------------------------------------------------
 *
 * markdown_report.c
 *	  postmortem.report(): an incident rendered as the Markdown postmortem
 *	  teams write (Issue Summary, Timeline with a Mermaid diagram, Root Cause
 *	  and Resolution, the cited schema changes, Corrective and Preventative
 *	  Measures), in a form import_markdown reads back to the same incident.
 *
 * Times are shown in the incident's time zone (UTC when it has none).  The
 * four statements are prepared once per session and kept.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "lib/stringinfo.h"
#include "mb/pg_wchar.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/timestamp.h"

#include "document/parse.h"

static SPIPlanPtr incident_plan = NULL;
static SPIPlanPtr timeline_plan = NULL;
static SPIPlanPtr task_plan = NULL;
static SPIPlanPtr citation_plan = NULL;

static const char *const month_names[] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"
};

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

/* Are two local times on the same calendar day? */
static bool
same_day(const struct pg_tm *a, const struct pg_tm *b)
{
	return a->tm_year == b->tm_year && a->tm_mon == b->tm_mon && a->tm_mday == b->tm_mday;
}

/* "May 15, 2024" */
static void
append_date(StringInfo buf, const struct pg_tm *tm)
{
	appendStringInfo(buf, "%s %d, %d", month_names[tm->tm_mon - 1], tm->tm_mday, tm->tm_year);
}

/* "10:00 AM", "10:00:30 AM" */
static void
append_time(StringInfo buf, const struct pg_tm *tm, fsec_t fsec)
{
	int			h = tm->tm_hour % 12 == 0 ? 12 : tm->tm_hour % 12;

	if (fsec != 0)
	{
		/* 2:05:32.123 PM: as many digits as it takes */
		char		frac[8];
		int			n;

		snprintf(frac, sizeof(frac), "%06d", (int) fsec);
		for (n = 6; n > 1 && frac[n - 1] == '0'; n--)
			;
		frac[n] = '\0';
		appendStringInfo(buf, "%d:%02d:%02d.%s %s", h, tm->tm_min, tm->tm_sec, frac,
						 tm->tm_hour < 12 ? "AM" : "PM");
	}
	else if (tm->tm_sec != 0)
		appendStringInfo(buf, "%d:%02d:%02d %s", h, tm->tm_min, tm->tm_sec,
						 tm->tm_hour < 12 ? "AM" : "PM");
	else
		appendStringInfo(buf, "%d:%02d %s", h, tm->tm_min, tm->tm_hour < 12 ? "AM" : "PM");
}

/* text on one line: newlines become spaces */
static void
append_line(StringInfo buf, const char *s)
{
	for (; *s; s++)
		appendStringInfoChar(buf, (*s == '\n' || *s == '\r') ? ' ' : *s);
}

/* a Mermaid-safe label: no ':' ';' '#', at most 60 characters */
static void
append_mermaid(StringInfo buf, const char *s)
{
	int			len = strlen(s);
	int			clip = pg_mbcliplen(s, len, 60);

	for (int i = 0; i < clip; i++)
	{
		char		c = s[i];

		if (c == ':' || c == ';')
			appendStringInfoChar(buf, ',');
		else if (c == '#' || c == '\n' || c == '\r' || c == '`')
			appendStringInfoChar(buf, ' ');
		else
			appendStringInfoChar(buf, c);
	}
	if (clip < len)
		appendStringInfoString(buf, "…");
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

/* the cited schema changes (postmortem.citation, src/analysis/suspects.sql) */
static void
append_citations(StringInfo buf, int64 id, const PmZone *zone)
{
	Datum		args[1];
	int			ret;

	if (citation_plan == NULL)
		citation_plan = report_plan(
									"SELECT c.role::text, c.note, s.id, s.at, s.statement, s.revert_statement,"
									" CASE WHEN s.origin OPERATOR(pg_catalog.<>) postmortem.local_origin()"
									"  THEN s.database_name END"
									" FROM postmortem.citation c"
									" JOIN postmortem.schema_change s ON s.id OPERATOR(pg_catalog.=) c.schema_change_id"
									"  AND s.origin OPERATOR(pg_catalog.=) c.schema_change_origin"
									" WHERE c.incident_id OPERATOR(pg_catalog.=) $1 ORDER BY s.at, s.id");
	args[0] = Int64GetDatum(id);
	ret = SPI_execute_plan(citation_plan, args, NULL, true, 0);
	if (ret != SPI_OK_SELECT)
		elog(ERROR, "reading the citations failed: %s", SPI_result_code_string(ret));
	if (SPI_processed == 0)
		return;
	appendStringInfoString(buf, "## Schema changes cited\n\n");
	for (uint64 i = 0; i < SPI_processed; i++)
	{
		HeapTuple	tup = SPI_tuptable->vals[i];
		TupleDesc	desc = SPI_tuptable->tupdesc;
		char	   *role = col_text(tup, desc, 1);
		char	   *note = col_text(tup, desc, 2);
		char	   *scid = col_text(tup, desc, 3);
		char	   *stmt = col_text(tup, desc, 5);
		char	   *revert = col_text(tup, desc, 6);
		char	   *database = col_text(tup, desc, 7);
		TimestampTz at = 0;

		appendStringInfo(buf, "- **%s:** schema change %s", role ? role : "cited", scid);
		/* recorded in another database of the fleet (docs/fleet.md) */
		if (database)
			appendStringInfo(buf, " in database %s", database);
		if (col_ts(tup, desc, 4, &at))
		{
			struct pg_tm tm;
			fsec_t		fsec;

			pm_zone_localize(zone, at, &tm, &fsec);
			appendStringInfoString(buf, " at ");
			append_date(buf, &tm);
			appendStringInfoString(buf, ", ");
			append_time(buf, &tm, fsec);
			appendStringInfo(buf, " %s", zone->label);
		}
		if (note)
		{
			appendStringInfoString(buf, " — ");
			append_line(buf, note);
		}
		appendStringInfoString(buf, "\n\n");
		appendStringInfo(buf, "  ```sql\n  %s\n  ```\n\n", stmt ? stmt : "-- statement not recorded");
		if (revert)
			appendStringInfo(buf, "  Revert:\n\n  ```sql\n  %s\n  ```\n\n", revert);
		else
			appendStringInfoString(buf, "  Revert: no revert statement recorded.\n\n");
	}
}

/* report: the incident as a Markdown postmortem */
PG_FUNCTION_INFO_V1(report);
Datum
report(PG_FUNCTION_ARGS)
{
	int64		id = PG_GETARG_INT64(0);
	MemoryContext outer = CurrentMemoryContext;
	StringInfoData buf;
	Datum		args[1];
	int			ret;
	HeapTuple	inc;
	TupleDesc	idesc;
	PmZone		zone;
	char	   *zone_label;
	TimestampTz started,
				resolved;
	bool		has_start,
				has_end;
	char	   *root_cause,
			   *resolution,
			   *impact,
			   *summary;
	text	   *result;
	uint64		nentries;
	SPITupleTable *entries;
	bool		one_day = true;
	struct pg_tm first_tm;
	struct pg_tm *tms;
	fsec_t	   *fsecs;

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	if (incident_plan == NULL)
		incident_plan = report_plan(
									"SELECT title, summary, severity::text, status::text, started_at, resolved_at,"
									" time_zone, users_affected_pct, users_affected, impact, root_cause,"
									" resolution, pg_catalog.array_to_string(improvements, E'\\n')"
									" FROM postmortem.incident WHERE id = $1");
	if (timeline_plan == NULL)
		timeline_plan = report_plan(
									"SELECT at, kind::text, body FROM postmortem.timeline"
									" WHERE incident_id = $1 ORDER BY at, id");
	if (task_plan == NULL)
		task_plan = report_plan(
								"SELECT title, status::text, owner, due_at"
								" FROM postmortem.task WHERE incident_id = $1 ORDER BY id");

	args[0] = Int64GetDatum(id);
	ret = SPI_execute_plan(incident_plan, args, NULL, false, 1);
	if (ret != SPI_OK_SELECT)
		elog(ERROR, "reading the incident failed: %s", SPI_result_code_string(ret));
	if (SPI_processed == 0)
		ereport(ERROR,
				(errcode(ERRCODE_NO_DATA_FOUND),
				 errmsg("incident " INT64_FORMAT " does not exist", id)));
	inc = SPI_copytuple(SPI_tuptable->vals[0]);
	idesc = CreateTupleDescCopy(SPI_tuptable->tupdesc);

	zone_label = col_text(inc, idesc, 7);
	if (zone_label == NULL || !pm_zone_parse(zone_label, &zone))
		pm_zone_parse("UTC", &zone);
	has_start = col_ts(inc, idesc, 5, &started);
	has_end = col_ts(inc, idesc, 6, &resolved);
	summary = col_text(inc, idesc, 2);
	impact = col_text(inc, idesc, 10);
	root_cause = col_text(inc, idesc, 11);
	resolution = col_text(inc, idesc, 12);

	initStringInfo(&buf);
	appendStringInfo(&buf, "# %s\n\n## Issue Summary\n\n", col_text(inc, idesc, 1));

	if (has_start)
	{
		struct pg_tm tm;
		fsec_t		fsec;

		pm_zone_localize(&zone, started, &tm, &fsec);
		appendStringInfoString(&buf, "- **Duration:** ");
		append_date(&buf, &tm);
		appendStringInfoString(&buf, ", ");
		append_time(&buf, &tm, fsec);
		if (has_end)
		{
			pm_zone_localize(&zone, resolved, &tm, &fsec);
			appendStringInfoString(&buf, " - ");
			append_date(&buf, &tm);
			appendStringInfoString(&buf, ", ");
			append_time(&buf, &tm, fsec);
		}
		appendStringInfo(&buf, " (%s)\n", zone.label);
	}
	appendStringInfo(&buf, "- **Severity:** %s\n", col_text(inc, idesc, 3));
	appendStringInfo(&buf, "- **Status:** %s\n", col_text(inc, idesc, 4));
	if (impact)
	{
		appendStringInfoString(&buf, "- **Impact:** ");
		append_line(&buf, impact);
		appendStringInfoChar(&buf, '\n');
	}
	{
		char	   *pct = col_text(inc, idesc, 8);
		char	   *count = col_text(inc, idesc, 9);

		if (pct || count)
		{
			appendStringInfoString(&buf, "- **Users affected:** ");
			if (pct)
				appendStringInfo(&buf, "%s%% of users", pct);
			if (pct && count)
				appendStringInfoString(&buf, " (");
			if (count)
				appendStringInfo(&buf, "%s users", count);
			if (pct && count)
				appendStringInfoChar(&buf, ')');
			appendStringInfoChar(&buf, '\n');
		}
	}
	if (root_cause)
	{
		const char *nl = strchr(root_cause, '\n');

		appendStringInfoString(&buf, "- **Root Cause:** ");
		appendBinaryStringInfo(&buf, root_cause, nl ? nl - root_cause : strlen(root_cause));
		appendStringInfoChar(&buf, '\n');
	}
	if (summary)
		appendStringInfo(&buf, "\n%s\n", summary);

	/* timeline */
	ret = SPI_execute_plan(timeline_plan, args, NULL, false, 0);
	if (ret != SPI_OK_SELECT)
		elog(ERROR, "reading the timeline failed: %s", SPI_result_code_string(ret));
	entries = SPI_tuptable;
	nentries = SPI_processed;
	SPI_tuptable = NULL;		/* keep it: the next queries must not free it */
	appendStringInfo(&buf, "\n## Timeline (%s)\n\n", zone.label);
	if (has_start)
	{
		fsec_t		fsec;

		pm_zone_localize(&zone, started, &first_tm, &fsec);
	}
	/* each entry's local time, worked out once for the list and the diagram */
	tms = palloc(sizeof(struct pg_tm) * (nentries + 1));
	fsecs = palloc(sizeof(fsec_t) * (nentries + 1));
	for (uint64 i = 0; i < nentries; i++)
	{
		TimestampTz at = 0;

		col_ts(entries->vals[i], entries->tupdesc, 1, &at);
		pm_zone_localize(&zone, at, &tms[i], &fsecs[i]);
		if (!has_start && i == 0)
			first_tm = tms[i];
		if (!same_day(&tms[i], &first_tm))
			one_day = false;
	}
	if (!has_start && nentries > 0)
		one_day = false;		/* no Duration line to carry the date */
	for (uint64 i = 0; i < nentries; i++)
	{
		appendStringInfoString(&buf, "- **");
		if (!one_day)
		{
			append_date(&buf, &tms[i]);
			appendStringInfoString(&buf, ", ");
		}
		append_time(&buf, &tms[i], fsecs[i]);
		appendStringInfo(&buf, " %s:** ", zone.label);
		append_line(&buf, col_text(entries->vals[i], entries->tupdesc, 3));
		appendStringInfoChar(&buf, '\n');
	}
	if (nentries == 0)
		appendStringInfoString(&buf, "No timeline entries.\n");

	/* the same timeline as a Mermaid diagram */
	if (nentries > 0)
	{
		appendStringInfoString(&buf, "\n```mermaid\ntimeline\n    title ");
		append_mermaid(&buf, col_text(inc, idesc, 1));
		appendStringInfoChar(&buf, '\n');
		for (uint64 i = 0; i < nentries; i++)
		{
			if (i == 0 || !same_day(&tms[i], &tms[i - 1]))
			{
				appendStringInfoString(&buf, "    section ");
				append_date(&buf, &tms[i]);
				appendStringInfoChar(&buf, '\n');
			}
			appendStringInfoString(&buf, "        ");
			append_time(&buf, &tms[i], fsecs[i]);
			appendStringInfoString(&buf, " : ");
			append_mermaid(&buf, col_text(entries->vals[i], entries->tupdesc, 3));
			appendStringInfoChar(&buf, '\n');
		}
		appendStringInfoString(&buf, "```\n");
	}
	SPI_freetuptable(entries);

	/* root cause and resolution */
	if (root_cause || resolution)
	{
		appendStringInfoString(&buf, "\n## Root Cause and Resolution\n\n");
		if (root_cause)
			appendStringInfo(&buf, "**Root Cause:** %s\n\n", root_cause);
		if (resolution)
			appendStringInfo(&buf, "**Resolution:** %s\n\n", resolution);
	}
	else
		appendStringInfoChar(&buf, '\n');

	append_citations(&buf, id, &zone);

	/* measures */
	appendStringInfoString(&buf, "## Corrective and Preventative Measures\n\n");
	{
		char	   *improvements = col_text(inc, idesc, 13);

		if (improvements && improvements[0])
		{
			char	   *p = improvements;

			appendStringInfoString(&buf, "**Improvements:**\n\n");
			while (p && *p)
			{
				char	   *nl = strchr(p, '\n');

				appendStringInfoString(&buf, "- ");
				appendBinaryStringInfo(&buf, p, nl ? nl - p : strlen(p));
				appendStringInfoChar(&buf, '\n');
				p = nl ? nl + 1 : NULL;
			}
			appendStringInfoChar(&buf, '\n');
		}
	}
	ret = SPI_execute_plan(task_plan, args, NULL, false, 0);
	if (ret != SPI_OK_SELECT)
		elog(ERROR, "reading the tasks failed: %s", SPI_result_code_string(ret));
	appendStringInfoString(&buf, "**Tasks:**\n\n");
	for (uint64 i = 0; i < SPI_processed; i++)
	{
		HeapTuple	tup = SPI_tuptable->vals[i];
		TupleDesc	desc = SPI_tuptable->tupdesc;
		char	   *status = col_text(tup, desc, 2);
		char	   *owner = col_text(tup, desc, 3);
		TimestampTz due;

		appendStringInfo(&buf, "- [%c] ", strcmp(status, "done") == 0 ? 'x' : ' ');
		append_line(&buf, col_text(tup, desc, 1));
		appendStringInfo(&buf, " — Status: %s", task_status_words(status));
		if (owner)
		{
			appendStringInfoString(&buf, " — Owner: ");
			append_line(&buf, owner);
		}
		if (col_ts(tup, desc, 4, &due))
		{
			struct pg_tm tm;
			fsec_t		fsec;

			/* the date in the incident's zone, as the document wrote it */
			pm_zone_localize(&zone, due, &tm, &fsec);
			appendStringInfo(&buf, " — Due: %04d-%02d-%02d", tm.tm_year, tm.tm_mon, tm.tm_mday);
		}
		appendStringInfoChar(&buf, '\n');
	}
	if (SPI_processed == 0)
		appendStringInfoString(&buf, "No tasks.\n");

	MemoryContextSwitchTo(outer);
	result = cstring_to_text_with_len(buf.data, buf.len);
	SPI_finish();
	PG_RETURN_TEXT_P(result);
}
