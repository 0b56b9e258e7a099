/*-------------------------------------------------------------------------
 *
 * events.c
 *	  Change events that are not DDL as suspects: deploys, feature flags,
 *	  config pushes (postmortem.record_change) and the configuration changes
 *	  the database saw (postmortem.record_setting_changes).
 *
 * Scored on the same scale as schema changes (suspects.c): closeness before
 * the start (half-life 6 h), plus a weight for the kind that fades fast
 * (half-life 1 h: a deploy or a setting breaks things soon after it lands),
 * plus the change being named in the incident (its name, or the service or
 * table its details give).  regression.c adds what pg_stat_statements saw.
 *
 * SQL declarations: src/analysis/events.sql.  Called by suspects.c.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>

#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/timestamp.h"

#include "postmortem.h"
#include "analysis/analysis.h"

#define W_CLOSENESS			1.0
#define W_DEPLOY			1.5
#define W_CONFIG			1.0
#define W_OTHER				0.8
#define W_NAMED				2.0
#define HALF_LIFE_SLOW_SECS	(6.0 * 3600.0)
#define HALF_LIFE_KIND_SECS	(1.0 * 3600.0)

#define EVENTS_SQL \
	"SELECT e.id, e.at, e.kind, e.name, e.details::pg_catalog.text," \
	"       e.details OPERATOR(pg_catalog.->>) 'service'," \
	"       e.details OPERATOR(pg_catalog.->>) 'table'," \
	"       e.details OPERATOR(pg_catalog.->>) 'rollback'," \
	"       e.recorded_by" \
	"  FROM postmortem.change_event e" \
	" WHERE e.at OPERATOR(pg_catalog.>) ($1 OPERATOR(pg_catalog.-) $2)" \
	"   AND e.at OPERATOR(pg_catalog.<=) $3"

enum
{
	E_ID, E_AT, E_KIND, E_NAME, E_DETAILS, E_SERVICE, E_TABLE, E_ROLLBACK,
	E_RECORDED_BY
};

static SPIPlanPtr events_plan = NULL;

static char *
event_text(HeapTuple tup, TupleDesc desc, int col)
{
	bool		isnull;
	Datum		d = SPI_getbinval(tup, desc, col + 1, &isnull);

	return isnull ? NULL : TextDatumGetCString(d);
}

static void
score_event(Suspect *s, HeapTuple tup, TupleDesc desc, TimestampTz start,
			const char *document)
{
	bool		isnull;
	const char *kind = event_text(tup, desc, E_KIND);
	const char *name = event_text(tup, desc, E_NAME);
	const char *service = event_text(tup, desc, E_SERVICE);
	const char *table = event_text(tup, desc, E_TABLE);
	double		weight;
	double		age;
	StringInfoData buf;

	s->isEvent = true;
	s->id = DatumGetInt64(SPI_getbinval(tup, desc, E_ID + 1, &isnull));
	s->at = DatumGetTimestampTz(SPI_getbinval(tup, desc, E_AT + 1, &isnull));
	s->table = (char *) table;

	weight = strcmp(kind, "deploy") == 0 ? W_DEPLOY :
		strcmp(kind, "config") == 0 || strcmp(kind, "flag") == 0 ? W_CONFIG : W_OTHER;
	age = Max(((double) start - (double) s->at) / USECS_PER_SEC, 0.0);
	s->score = W_CLOSENESS * pow(0.5, age / HALF_LIFE_SLOW_SECS) +
		weight * pow(0.5, age / HALF_LIFE_KIND_SECS);

	initStringInfo(&buf);
	appendStringInfo(&buf, "%s %s ", kind, name);
	if (age < 1.0)
		appendStringInfoString(&buf, "as impact began");
	else
	{
		append_age(&buf, age);
		appendStringInfoString(&buf, " before impact");
	}
	if (document_mentions(document, name) ||
		(service && document_mentions(document, service)) ||
		(table && document_mentions(document, table)))
	{
		s->score += W_NAMED;
		appendStringInfo(&buf, "; %s is named in the incident",
						 service && document_mentions(document, service) ? service :
						 table && document_mentions(document, table) ? table : name);
	}
	s->reason = buf.data;

	s->nulls[0] = true;			/* schema_change_id */
	s->values[3] = TimestampTzGetDatum(s->at);
	s->values[4] = CStringGetTextDatum(kind);
	s->values[5] = CStringGetTextDatum(name);
	s->values[SUSPECT_COL_TABLE] = table ? CStringGetTextDatum(table) : (Datum) 0;
	s->nulls[SUSPECT_COL_TABLE] = table == NULL;
	s->values[7] = SPI_getbinval(tup, desc, E_DETAILS + 1, &s->nulls[7]);
	s->values[8] = SPI_getbinval(tup, desc, E_ROLLBACK + 1, &s->nulls[8]);
	s->nulls[9] = true;			/* migration */
	s->values[10] = SPI_getbinval(tup, desc, E_RECORDED_BY + 1, &s->nulls[10]);
	s->nulls[11] = true;		/* lock_mode */
	s->values[SUSPECT_COL_KIND] = CStringGetTextDatum(kind);
	s->values[SUSPECT_COL_EVENT_ID] = Int64GetDatum(s->id);
}

/*
 * The change events after start - lookback up to until, scored; the caller
 * is connected to SPI, and the values stay valid until it finishes.
 */
Suspect *
pm_event_suspects(TimestampTz start, Interval *lookback, TimestampTz until,
				  const char *document, uint64 *n)
{
	Datum		args[3];
	int			ret;
	Suspect    *events;

	if (events_plan == NULL)
	{
		Oid			argtypes[3] = {TIMESTAMPTZOID, INTERVALOID, TIMESTAMPTZOID};

		events_plan = pm_prepare_kept("change events query", EVENTS_SQL, 3, argtypes);
	}
	args[0] = TimestampTzGetDatum(start);
	args[1] = IntervalPGetDatum(lookback);
	args[2] = TimestampTzGetDatum(until);
	ret = SPI_execute_plan(events_plan, args, NULL, true, 0);
	if (ret != SPI_OK_SELECT)
		elog(ERROR, "change events query failed: %s", SPI_result_code_string(ret));

	*n = SPI_processed;
	events = palloc_extended(sizeof(Suspect) * Max(*n, 1),
							 MCXT_ALLOC_HUGE | MCXT_ALLOC_ZERO);
	for (uint64 i = 0; i < *n; i++)
	{
		CHECK_FOR_INTERRUPTS();
		score_event(&events[i], SPI_tuptable->vals[i], SPI_tuptable->tupdesc,
					start, document);
	}
	return events;
}
