/*-------------------------------------------------------------------------
 *
 * markdown_import.c
 *	  postmortem.import_markdown(): write what the parser read
 *	  (markdown_parse.c) as one incident with its timeline and tasks; and
 *	  postmortem.parse_markdown(), the same reading as jsonb, writing nothing.
 *
 * All or nothing: the parser's complaints are raised before anything is
 * written, and the three statements run in the caller's transaction, so an
 * error in any of them leaves nothing behind.  The statements are prepared
 * once per session and kept.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <ctype.h>

#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "lib/stringinfo.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/json.h"
#include "utils/jsonb.h"
#include "utils/timestamp.h"

#include "document/parse.h"
#include "document/readback.h"
#include "postmortem.h"

static void pm_sections_json(StringInfo buf, const PmDocument *doc);

static SPIPlanPtr incident_plan = NULL;
static SPIPlanPtr timeline_plan = NULL;
static SPIPlanPtr task_plan = NULL;

/*
 * The severity a document names, through the severity type's own parser:
 * the whole text ("SEV2", "P1", "major"), else its first word that reads as
 * one ("Sev 2 (major)", "High - customer facing").  0 when none does.
 */
static int16
pm_severity_level(const char *text)
{
	int16		level = severity_parse(text);
	const char *p = text;

	while (level == 0 && *p)
	{
		char		word[32];
		int			n = 0;

		while (*p && !isalnum((unsigned char) *p))
			p++;
		/* "Sev 2" and "SEV-2": a word and the number after it */
		while (*p && n < (int) sizeof(word) - 1 &&
			   (isalnum((unsigned char) *p) ||
				((*p == ' ' || *p == '-') && n > 0 && isalpha((unsigned char) word[n - 1]) &&
				 isdigit((unsigned char) p[1]))))
			word[n++] = *p++;
		word[n] = '\0';
		/* P0 / SEV0, the worst in scales that start at zero, is SEV1 */
		if (pg_strcasecmp(word, "p0") == 0 || pg_strcasecmp(word, "sev0") == 0 ||
			pg_strcasecmp(word, "sev-0") == 0 || pg_strcasecmp(word, "sev 0") == 0)
			level = 1;
		else if (n > 0)
			level = severity_parse(word);
		while (*p && isalnum((unsigned char) *p))
			p++;
	}
	return level;
}

/*
 * Read the arguments and parse; raise the parser's complaint, if any.  Sets
 * *level (unless level is NULL) to the severity (SEV3 when the document names none, or one not
 * understood, which is noted), so that parse_markdown's dry run notes what
 * import_markdown keeps.
 */
static PmDocument *
pm_parse_args(FunctionCallInfo fcinfo, int16 *level)
{
	text	   *document;
	PmOptions	opt;
	PmDocument *doc;

	if (PG_ARGISNULL(0))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("postmortem document must not be null")));
	document = PG_GETARG_TEXT_PP(0);
	memset(&opt, 0, sizeof(opt));
	if (PG_NARGS() > 1 && !PG_ARGISNULL(1))
		opt.default_zone = text_to_cstring(PG_GETARG_TEXT_PP(1));
	if (PG_NARGS() > 2 && !PG_ARGISNULL(2))
	{
		DateADT		d = PG_GETARG_DATEADT(2);

		if (DATE_NOT_FINITE(d))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("on_date must be a finite date")));
		opt.has_on_date = true;
		j2date(d + POSTGRES_EPOCH_JDATE, &opt.on_year, &opt.on_month, &opt.on_day);
	}

	doc = pm_parse_document(VARDATA_ANY(document), VARSIZE_ANY_EXHDR(document), &opt);
	if (doc->error == PM_OK)
		pm_document_readback(doc);	/* report()'s own marks (readback.c) */
	switch (doc->error)
	{
		case PM_OK:
			break;
		case PM_ERROR_BAD_ZONE:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("%s", doc->error_message),
					 errhint("Use a zone name such as \"Europe/Berlin\", an abbreviation such as \"EST\", or an offset such as \"+02:00\".")));
			break;
		default:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("%s", doc->error_message),
					 doc->error_detail ? errdetail("%s", doc->error_detail) : 0,
					 doc->error_hint ? errhint("%s", doc->error_hint) : 0));
	}

	if (level == NULL)
		return doc;				/* pm_bench_parse: the parser alone */
	*level = 3;
	if (doc->severity)
	{
		*level = pm_severity_level(doc->severity);
		if (*level == 0)
		{
			char	   *note = psprintf("severity \"%s\" not understood; used SEV3", doc->severity);

			doc->notes = doc->notes ? repalloc(doc->notes, sizeof(char *) * (doc->nnotes + 1)) :
				palloc(sizeof(char *));
			doc->notes[doc->nnotes++] = note;
			*level = 3;
		}
	}
	return doc;
}

static Datum
pm_cstring_array(char **items, int n)
{
	Datum	   *d = palloc(sizeof(Datum) * Max(n, 1));

	for (int i = 0; i < n; i++)
		d[i] = CStringGetTextDatum(items[i]);
	return PointerGetDatum(construct_array(d, n, TEXTOID, -1, false, TYPALIGN_INT));
}

static SPIPlanPtr
pm_keep_plan(const char *sql, int nargs, Oid *argtypes)
{
	SPIPlanPtr	plan = SPI_prepare(sql, nargs, argtypes);

	if (plan == NULL)
		elog(ERROR, "SPI_prepare failed for \"%s\": %s", sql, SPI_result_code_string(SPI_result));
	if (SPI_keepplan(plan) != 0)
		elog(ERROR, "SPI_keepplan failed");
	return plan;
}

static void
pm_prepare_plans(void)
{
	if (incident_plan == NULL)
	{
		Oid			types[18] = {TEXTOID, TEXTOID, TEXTOID, TEXTOID,
			TIMESTAMPTZOID, TIMESTAMPTZOID, TIMESTAMPTZOID, TIMESTAMPTZOID,
			TEXTOID, NUMERICOID, INT8OID, TEXTOID, TEXTOID, TEXTOID,
		TEXTARRAYOID, TEXTARRAYOID, TIMESTAMPTZOID, JSONBOID};

		incident_plan = pm_keep_plan(
									 "INSERT INTO postmortem.incident (title, summary, severity, status,"
									 " started_at, detected_at, mitigated_at, resolved_at, time_zone,"
									 " users_affected_pct, users_affected, impact, root_cause, resolution,"
									 " improvements, import_notes, acknowledged_at, sections)"
									 " VALUES ($1, $2, $3::postmortem.severity, $4::postmortem.incident_status,"
									 " $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)"
									 " RETURNING id", 18, types);
	}
	if (timeline_plan == NULL)
	{
		Oid			types[4] = {INT8OID, TIMESTAMPTZARRAYOID, TEXTARRAYOID, TEXTARRAYOID};

		timeline_plan = pm_keep_plan(
									 "INSERT INTO postmortem.timeline (incident_id, at, kind, body, source)"
									 " SELECT $1, e.at, e.kind::postmortem.timeline_kind, e.body, 'import'"
									 " FROM ROWS FROM (pg_catalog.unnest($2), pg_catalog.unnest($3), pg_catalog.unnest($4))"
									 " WITH ORDINALITY AS e (at, kind, body, n)"
									 " ORDER BY e.n", 4, types);
	}
	if (task_plan == NULL)
	{
		Oid			types[6] = {INT8OID, TEXTARRAYOID, TEXTARRAYOID, TEXTARRAYOID,
		TEXTARRAYOID, TIMESTAMPTZARRAYOID};

		task_plan = pm_keep_plan(
								 "INSERT INTO postmortem.task (incident_id, title, status, kind, owner, due_at, completed_at)"
								 " SELECT $1, t.title, t.status::postmortem.task_status, t.kind::postmortem.task_kind,"
								 " t.owner, t.due_at, NULL"
								 " FROM ROWS FROM (pg_catalog.unnest($2), pg_catalog.unnest($3), pg_catalog.unnest($4),"
								 " pg_catalog.unnest($5), pg_catalog.unnest($6))"
								 " WITH ORDINALITY AS t (title, status, kind, owner, due_at, n)"
								 " ORDER BY t.n", 6, types);
	}
}

/* import_markdown: read a postmortem document into a new incident */
PG_FUNCTION_INFO_V1(import_markdown);
Datum
import_markdown(PG_FUNCTION_ARGS)
{
	int16		level;
	PmDocument *doc = pm_parse_args(fcinfo, &level);
	Datum		values[18];
	char		nulls[18];
	StringInfoData sections;
	int64		id;
	bool		isnull;
	int			ret;

	memset(nulls, ' ', sizeof(nulls));
	values[0] = CStringGetTextDatum(doc->title);
	values[1] = doc->summary ? CStringGetTextDatum(doc->summary) : (nulls[1] = 'n', (Datum) 0);
	values[2] = CStringGetTextDatum(psprintf("SEV%d", level));
	values[3] = CStringGetTextDatum(doc->status);
	values[4] = doc->has_start ? TimestampTzGetDatum(doc->started_at) : (nulls[4] = 'n', (Datum) 0);
	values[5] = doc->has_detected ? TimestampTzGetDatum(doc->detected_at) : (nulls[5] = 'n', (Datum) 0);
	values[6] = doc->has_mitigated ? TimestampTzGetDatum(doc->mitigated_at) : (nulls[6] = 'n', (Datum) 0);
	values[7] = doc->has_end ? TimestampTzGetDatum(doc->resolved_at) : (nulls[7] = 'n', (Datum) 0);
	values[8] = doc->time_zone ? CStringGetTextDatum(doc->time_zone) : (nulls[8] = 'n', (Datum) 0);
	values[9] = doc->has_users_pct ?
		DirectFunctionCall1(float8_numeric, Float8GetDatum(doc->users_pct)) :
		(nulls[9] = 'n', (Datum) 0);
	values[10] = doc->has_users_count ? Int64GetDatum(doc->users_count) : (nulls[10] = 'n', (Datum) 0);
	values[11] = doc->impact ? CStringGetTextDatum(doc->impact) : (nulls[11] = 'n', (Datum) 0);
	values[12] = doc->root_cause ? CStringGetTextDatum(doc->root_cause) : (nulls[12] = 'n', (Datum) 0);
	values[13] = doc->resolution ? CStringGetTextDatum(doc->resolution) : (nulls[13] = 'n', (Datum) 0);
	values[14] = pm_cstring_array(doc->improvements, doc->nimprovements);
	values[15] = pm_cstring_array(doc->notes, doc->nnotes);
	values[16] = doc->has_acknowledged ? TimestampTzGetDatum(doc->acknowledged_at) : (nulls[16] = 'n', (Datum) 0);
	initStringInfo(&sections);
	pm_sections_json(&sections, doc);
	values[17] = DirectFunctionCall1(jsonb_in, CStringGetDatum(sections.data));

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	pm_prepare_plans();

	ret = SPI_execute_plan(incident_plan, values, nulls, false, 1);
	if (ret != SPI_OK_INSERT_RETURNING || SPI_processed != 1)
		elog(ERROR, "inserting the incident failed: %s", SPI_result_code_string(ret));
	id = DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));

	if (doc->nentries > 0)
	{
		Datum		tv[4];
		Datum	   *at = palloc(sizeof(Datum) * doc->nentries);
		char	  **kinds = palloc(sizeof(char *) * doc->nentries);
		char	  **bodies = palloc(sizeof(char *) * doc->nentries);

		for (int i = 0; i < doc->nentries; i++)
		{
			at[i] = TimestampTzGetDatum(doc->entries[i].at);
			kinds[i] = (char *) doc->entries[i].kind;
			bodies[i] = doc->entries[i].body;
		}
		tv[0] = Int64GetDatum(id);
		tv[1] = PointerGetDatum(construct_array(at, doc->nentries, TIMESTAMPTZOID,
												sizeof(TimestampTz), FLOAT8PASSBYVAL, TYPALIGN_DOUBLE));
		tv[2] = pm_cstring_array(kinds, doc->nentries);
		tv[3] = pm_cstring_array(bodies, doc->nentries);
		ret = SPI_execute_plan(timeline_plan, tv, NULL, false, 0);
		if (ret != SPI_OK_INSERT)
			elog(ERROR, "inserting the timeline failed: %s", SPI_result_code_string(ret));
	}

	if (doc->ntasks > 0)
	{
		Datum		tv[6];
		char	  **titles = palloc(sizeof(char *) * doc->ntasks);
		char	  **statuses = palloc(sizeof(char *) * doc->ntasks);
		char	  **kinds = palloc(sizeof(char *) * doc->ntasks);
		Datum	   *owners = palloc(sizeof(Datum) * doc->ntasks);
		bool	   *owner_nulls = palloc(sizeof(bool) * doc->ntasks);
		Datum	   *dues = palloc(sizeof(Datum) * doc->ntasks);
		bool	   *due_nulls = palloc(sizeof(bool) * doc->ntasks);
		int			dims[1] = {doc->ntasks};
		int			lbs[1] = {1};

		for (int i = 0; i < doc->ntasks; i++)
		{
			PmTask	   *t = &doc->tasks[i];

			titles[i] = t->title;
			statuses[i] = (char *) t->status;
			kinds[i] = (char *) t->kind;
			owner_nulls[i] = (t->owner == NULL || t->owner[0] == '\0');
			owners[i] = owner_nulls[i] ? (Datum) 0 : CStringGetTextDatum(t->owner);
			due_nulls[i] = !t->has_due;
			dues[i] = t->has_due ? TimestampTzGetDatum(t->due_at) : (Datum) 0;
		}
		tv[0] = Int64GetDatum(id);
		tv[1] = pm_cstring_array(titles, doc->ntasks);
		tv[2] = pm_cstring_array(statuses, doc->ntasks);
		tv[3] = pm_cstring_array(kinds, doc->ntasks);
		tv[4] = PointerGetDatum(construct_md_array(owners, owner_nulls, 1, dims, lbs,
												   TEXTOID, -1, false, TYPALIGN_INT));
		tv[5] = PointerGetDatum(construct_md_array(dues, due_nulls, 1, dims, lbs,
												   TIMESTAMPTZOID, sizeof(TimestampTz),
												   FLOAT8PASSBYVAL, TYPALIGN_DOUBLE));
		ret = SPI_execute_plan(task_plan, tv, NULL, false, 0);
		if (ret != SPI_OK_INSERT)
			elog(ERROR, "inserting the tasks failed: %s", SPI_result_code_string(ret));
	}

	SPI_finish();
	PG_RETURN_INT64(id);
}

static void
pm_json_str(StringInfo buf, const char *key, const char *val)
{
	escape_json(buf, key);
	appendStringInfoChar(buf, ':');
	if (val)
		escape_json(buf, val);
	else
		appendStringInfoString(buf, "null");
}

/* the sections beside the template, as incident.sections keeps them */
static void
pm_sections_json(StringInfo buf, const PmDocument *doc)
{
	appendStringInfoChar(buf, '[');
	for (int i = 0; i < doc->nsections; i++)
	{
		if (i)
			appendStringInfoChar(buf, ',');
		appendStringInfoChar(buf, '{');
		pm_json_str(buf, "heading", doc->sections[i].heading);
		appendStringInfoChar(buf, ',');
		pm_json_str(buf, "body", doc->sections[i].body);
		appendStringInfoChar(buf, '}');
	}
	appendStringInfoChar(buf, ']');
}


static void
pm_json_ts(StringInfo buf, const char *key, bool has, TimestampTz ts)
{
	escape_json(buf, key);
	appendStringInfoChar(buf, ':');
	if (has)
	{
		char		tmp[MAXDATELEN + 1];

		JsonEncodeDateTime(tmp, TimestampTzGetDatum(ts), TIMESTAMPTZOID, NULL);
		appendStringInfo(buf, "\"%s\"", tmp);
	}
	else
		appendStringInfoString(buf, "null");
}

/* parse_markdown: what import_markdown would read, as jsonb; writes nothing */
PG_FUNCTION_INFO_V1(parse_markdown);
Datum
parse_markdown(PG_FUNCTION_ARGS)
{
	int16		level;
	PmDocument *doc = pm_parse_args(fcinfo, &level);
	StringInfoData buf;
	int			done = 0;

	initStringInfo(&buf);
	appendStringInfoChar(&buf, '{');
	pm_json_str(&buf, "title", doc->title);
	appendStringInfoChar(&buf, ',');
	pm_json_str(&buf, "severity", doc->severity);
	appendStringInfoChar(&buf, ',');
	pm_json_str(&buf, "status", doc->status);
	appendStringInfoChar(&buf, ',');
	pm_json_str(&buf, "time_zone", doc->time_zone);
	appendStringInfoChar(&buf, ',');
	pm_json_ts(&buf, "started_at", doc->has_start, doc->started_at);
	appendStringInfoChar(&buf, ',');
	pm_json_ts(&buf, "detected_at", doc->has_detected, doc->detected_at);
	appendStringInfoChar(&buf, ',');
	pm_json_ts(&buf, "acknowledged_at", doc->has_acknowledged, doc->acknowledged_at);
	appendStringInfoChar(&buf, ',');
	pm_json_ts(&buf, "mitigated_at", doc->has_mitigated, doc->mitigated_at);
	appendStringInfoChar(&buf, ',');
	pm_json_ts(&buf, "resolved_at", doc->has_end, doc->resolved_at);
	appendStringInfoString(&buf, ",\"users_affected_pct\":");
	if (doc->has_users_pct)
		appendStringInfo(&buf, "%g", doc->users_pct);
	else
		appendStringInfoString(&buf, "null");
	appendStringInfoString(&buf, ",\"users_affected\":");
	if (doc->has_users_count)
		appendStringInfo(&buf, INT64_FORMAT, doc->users_count);
	else
		appendStringInfoString(&buf, "null");
	appendStringInfoChar(&buf, ',');
	pm_json_str(&buf, "summary", doc->summary);
	appendStringInfoChar(&buf, ',');
	pm_json_str(&buf, "impact", doc->impact);
	appendStringInfoChar(&buf, ',');
	pm_json_str(&buf, "root_cause", doc->root_cause);
	appendStringInfoChar(&buf, ',');
	pm_json_str(&buf, "resolution", doc->resolution);

	appendStringInfoString(&buf, ",\"timeline\":[");
	for (int i = 0; i < doc->nentries; i++)
	{
		if (i)
			appendStringInfoChar(&buf, ',');
		appendStringInfoChar(&buf, '{');
		pm_json_ts(&buf, "at", true, doc->entries[i].at);
		appendStringInfoChar(&buf, ',');
		pm_json_str(&buf, "kind", doc->entries[i].kind);
		appendStringInfoChar(&buf, ',');
		pm_json_str(&buf, "body", doc->entries[i].body);
		appendStringInfo(&buf, ",\"line\":%d}", doc->entries[i].lineno);
	}
	appendStringInfoString(&buf, "],\"tasks\":[");
	for (int i = 0; i < doc->ntasks; i++)
	{
		PmTask	   *t = &doc->tasks[i];

		if (i)
			appendStringInfoChar(&buf, ',');
		appendStringInfoChar(&buf, '{');
		pm_json_str(&buf, "title", t->title);
		appendStringInfoChar(&buf, ',');
		pm_json_str(&buf, "status", t->status);
		appendStringInfoChar(&buf, ',');
		pm_json_str(&buf, "kind", t->kind);
		appendStringInfoChar(&buf, ',');
		pm_json_str(&buf, "owner", t->owner);
		appendStringInfoChar(&buf, ',');
		pm_json_ts(&buf, "due_at", t->has_due, t->due_at);
		appendStringInfoChar(&buf, '}');
		if (strcmp(t->status, "done") == 0)
			done++;
	}
	appendStringInfo(&buf, "],\"tasks_done\":%d,\"improvements\":[", done);
	for (int i = 0; i < doc->nimprovements; i++)
	{
		if (i)
			appendStringInfoChar(&buf, ',');
		escape_json(&buf, doc->improvements[i]);
	}
	appendStringInfoString(&buf, "],\"sections\":");
	pm_sections_json(&buf, doc);
	appendStringInfoString(&buf, ",\"import_notes\":[");
	for (int i = 0; i < doc->nnotes; i++)
	{
		if (i)
			appendStringInfoChar(&buf, ',');
		escape_json(&buf, doc->notes[i]);
	}
	appendStringInfoString(&buf, "]}");

	PG_RETURN_DATUM(DirectFunctionCall1(jsonb_in, CStringGetDatum(buf.data)));
}

/*
 * pm_bench_parse: parse only, for bench/markdown.sh; returns the number of
 * timeline entries and tasks read.  Not part of the SQL API: the benchmark
 * declares it as a temporary function, so the parser can be timed without
 * the cost of building jsonb.
 */
PG_FUNCTION_INFO_V1(pm_bench_parse);
Datum
pm_bench_parse(PG_FUNCTION_ARGS)
{
	PmDocument *doc = pm_parse_args(fcinfo, NULL);

	PG_RETURN_INT32(doc->nentries + doc->ntasks);
}
