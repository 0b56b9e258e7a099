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

#include "access/htup_details.h"

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
	E_RECORDED_BY, E_NCOLS
};

static SPIPlanPtr events_plan = NULL;

static char *
event_text(const Datum *values, const bool *nulls, int col)
{
	return nulls[col] ? NULL : TextDatumGetCString(values[col]);
}

/*
 * Score one change event; its row is deformed once (values, nulls).  The
 * values of by-reference columns point into the SPI tuple.
 */
static void
score_event(Suspect *s, const Datum *values, const bool *nulls,
			TimestampTz start, const char *document)
{
	const char *kind = event_text(values, nulls, E_KIND);
	const char *name = event_text(values, nulls, E_NAME);
	const char *service = event_text(values, nulls, E_SERVICE);
	const char *table = event_text(values, nulls, E_TABLE);
	const char *named;
	double		weight;
	double		age;
	StringInfoData buf;

	s->isEvent = true;
	s->id = DatumGetInt64(values[E_ID]);
	s->at = DatumGetTimestampTz(values[E_AT]);
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
	/* the reason names the service, else the table, else the event */
	named = service && document_mentions(document, service) ? service :
		table && document_mentions(document, table) ? table :
		document_mentions(document, name) ? name : NULL;
	if (named)
	{
		s->score += W_NAMED;
		appendStringInfo(&buf, "; %s is named in the incident", named);
	}
	s->reason = buf.data;

	s->nulls[0] = true;			/* schema_change_id */
	s->values[3] = TimestampTzGetDatum(s->at);
	/* columns of the table: never a TOAST pointer in the result */
	s->values[4] = PointerGetDatum(PG_DETOAST_DATUM_PACKED(values[E_KIND]));
	s->values[5] = PointerGetDatum(PG_DETOAST_DATUM_PACKED(values[E_NAME]));
	s->values[SUSPECT_COL_TABLE] = values[E_TABLE];
	s->nulls[SUSPECT_COL_TABLE] = nulls[E_TABLE];
	s->values[7] = values[E_DETAILS];
	s->nulls[7] = nulls[E_DETAILS];
	s->values[8] = values[E_ROLLBACK];
	s->nulls[8] = nulls[E_ROLLBACK];
	s->nulls[9] = true;			/* migration */
	s->values[10] = PointerGetDatum(PG_DETOAST_DATUM_PACKED(values[E_RECORDED_BY]));
	s->nulls[10] = nulls[E_RECORDED_BY];
	s->nulls[11] = true;		/* lock_mode */
	s->values[SUSPECT_COL_KIND] = s->values[4];
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

		events_plan = pm_prepare_generic("change events query", EVENTS_SQL, 3, argtypes);
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
		Datum		values[E_NCOLS];
		bool		nulls[E_NCOLS];

		CHECK_FOR_INTERRUPTS();
		Assert(SPI_tuptable->tupdesc->natts == E_NCOLS);
		heap_deform_tuple(SPI_tuptable->vals[i], SPI_tuptable->tupdesc,
						  values, nulls);
		score_event(&events[i], values, nulls, start, document);
	}
	return events;
}
