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

#include "access/genam.h"
#include "access/htup_details.h"
#include "access/table.h"
#include "catalog/namespace.h"
#include "catalog/pg_am.h"
#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "miscadmin.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/fmgroids.h"
#include "utils/jsonb.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"
#include "utils/rls.h"
#include "utils/snapmgr.h"
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
			TimestampTz start, const char *document, StringInfo buf)
{
	const char *kind = event_text(values, nulls, E_KIND);
	const char *name = event_text(values, nulls, E_NAME);
	const char *service = event_text(values, nulls, E_SERVICE);
	const char *table = event_text(values, nulls, E_TABLE);
	const char *named;
	double		weight;
	double		age;

	s->isEvent = true;
	s->id = DatumGetInt64(values[E_ID]);
	s->at = DatumGetTimestampTz(values[E_AT]);
	s->table = (char *) table;

	weight = strcmp(kind, "deploy") == 0 ? W_DEPLOY :
		strcmp(kind, "config") == 0 || strcmp(kind, "flag") == 0 ? W_CONFIG : W_OTHER;
	age = Max(((double) start - (double) s->at) / USECS_PER_SEC, 0.0);
	s->score = W_CLOSENESS * pow(0.5, age / HALF_LIFE_SLOW_SECS) +
		weight * pow(0.5, age / HALF_LIFE_KIND_SECS);

	resetStringInfo(buf);
	appendStringInfoString(buf, kind);
	appendStringInfoChar(buf, ' ');
	appendStringInfoString(buf, name);
	appendStringInfoChar(buf, ' ');
	append_before_impact(buf, age);
	/* the reason names the service, else the table, else the event */
	named = service && document_mentions(document, service) ? service :
		table && document_mentions(document, table) ? table :
		document_mentions(document, name) ? name : NULL;
	if (named)
	{
		s->score += W_NAMED;
		appendStringInfo(buf, "; %s is named in the incident", named);
	}
	s->reason = pnstrdup(buf->data, buf->len);

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

/* The change events of a window, one row of E_NCOLS values each. */
struct EventRows
{
	uint64		n;
	Datum	   *values;			/* n * E_NCOLS */
	bool	   *nulls;
};

/* The window's rows through SPI (EVENTS_SQL) */
static void
query_events(Datum *args, EventRows *rows)
{
	int			ret;

	if (events_plan == NULL)
	{
		Oid			argtypes[3] = {TIMESTAMPTZOID, INTERVALOID, TIMESTAMPTZOID};

		events_plan = pm_prepare_generic("change events query", EVENTS_SQL, 3, argtypes);
	}
	ret = SPI_execute_plan(events_plan, args, NULL, true, 0);
	if (ret != SPI_OK_SELECT)
		elog(ERROR, "change events query failed: %s", SPI_result_code_string(ret));
	Assert(SPI_tuptable->tupdesc->natts == E_NCOLS);
	rows->n = SPI_processed;
	rows->values = palloc_extended(sizeof(Datum) * E_NCOLS * Max(rows->n, 1), MCXT_ALLOC_HUGE);
	rows->nulls = palloc_extended(sizeof(bool) * E_NCOLS * Max(rows->n, 1), MCXT_ALLOC_HUGE);
	for (uint64 i = 0; i < rows->n; i++)
		heap_deform_tuple(SPI_tuptable->vals[i], SPI_tuptable->tupdesc,
						  rows->values + i * E_NCOLS, rows->nulls + i * E_NCOLS);
}

/* details ->> key, as the operator gives it: NULL for a JSON null or none */
static Datum
details_field(Jsonb *jb, const char *key, bool *isnull)
{
	JsonbValue	vbuf;
	JsonbValue *v = getKeyJsonValueFromContainer(&jb->root, key, strlen(key), &vbuf);

	*isnull = false;
	if (v == NULL || v->type == jbvNull)
	{
		*isnull = true;
		return (Datum) 0;
	}
	switch (v->type)
	{
		case jbvBool:
			return CStringGetTextDatum(v->val.boolean ? "true" : "false");
		case jbvString:
			return PointerGetDatum(cstring_to_text_with_len(v->val.string.val,
															v->val.string.len));
		case jbvNumeric:
			return CStringGetTextDatum(DatumGetCString(DirectFunctionCall1(numeric_out,
																		   NumericGetDatum(v->val.numeric))));
		case jbvBinary:
			{
				StringInfoData buf;

				initStringInfo(&buf);
				(void) JsonbToCString(&buf, v->val.binary.data, v->val.binary.len);
				return PointerGetDatum(cstring_to_text_with_len(buf.data, buf.len));
			}
		default:
			elog(ERROR, "unrecognized jsonb type: %d", (int) v->type);
	}
	return (Datum) 0;
}

/* One row of EVENTS_SQL from a change_event tuple (deformed: tv, tn). */
static void
event_row(const int *attnum, const Datum *tv, const bool *tn, Datum *values,
		  bool *nulls)
{
	Jsonb	   *jb = DatumGetJsonbP(tv[attnum[E_DETAILS] - 1]);

	values[E_ID] = tv[attnum[E_ID] - 1];
	values[E_AT] = tv[attnum[E_AT] - 1];
	values[E_KIND] = tv[attnum[E_KIND] - 1];
	values[E_NAME] = tv[attnum[E_NAME] - 1];
	values[E_RECORDED_BY] = tv[attnum[E_RECORDED_BY] - 1];
	values[E_DETAILS] = CStringGetTextDatum(JsonbToCString(NULL, &jb->root, VARSIZE(jb)));
	values[E_SERVICE] = details_field(jb, "service", &nulls[E_SERVICE]);
	values[E_TABLE] = details_field(jb, "table", &nulls[E_TABLE]);
	values[E_ROLLBACK] = details_field(jb, "rollback", &nulls[E_ROLLBACK]);
	nulls[E_ID] = nulls[E_AT] = nulls[E_KIND] = nulls[E_NAME] = nulls[E_DETAILS] = false;
	nulls[E_RECORDED_BY] = false;
}

/*
 * The window's rows (at > lo, at <= hi) straight from the index on "at", as
 * EVENTS_SQL gives them, without the executor and SPI's copy of each row
 * (most of suspects()' time went there).  Only for a role that may read the
 * whole table and when no row security applies; false otherwise (the caller
 * asks SPI, which says why it may not).
 */
static bool
scan_events(TimestampTz lo, TimestampTz hi, EventRows *rows)
{
	static const char *const columns[E_NCOLS] = {
		"id", "at", "kind", "name", "details", NULL, NULL, NULL, "recorded_by"
	};
	Oid			nsp = get_namespace_oid("postmortem", true);
	Oid			relid = OidIsValid(nsp) ? get_relname_relid("change_event", nsp) : InvalidOid;
	Oid			idxid = OidIsValid(nsp) ? get_relname_relid("change_event_at_idx", nsp) : InvalidOid;
	Relation	rel;
	Relation	idx;
	int			attnum[E_NCOLS] = {0};
	ScanKeyData keys[2];
	SysScanDesc scan;
	HeapTuple	tup;
	Datum	   *tv;
	bool	   *tn;
	uint64		size = 64;

	if (!pm_open_time_window(relid, idxid, columns, E_NCOLS, E_AT, lo, hi,
							 &rel, &idx, attnum, keys))
		return false;
	tv = palloc(sizeof(Datum) * RelationGetDescr(rel)->natts);
	tn = palloc(sizeof(bool) * RelationGetDescr(rel)->natts);
	rows->n = 0;
	rows->values = palloc(sizeof(Datum) * E_NCOLS * size);
	rows->nulls = palloc(sizeof(bool) * E_NCOLS * size);
	scan = systable_beginscan_ordered(rel, idx, GetActiveSnapshot(), 2, keys);
	while (HeapTupleIsValid(tup = systable_getnext_ordered(scan, ForwardScanDirection)))
	{
		CHECK_FOR_INTERRUPTS();
		if (rows->n == size)
		{
			size *= 2;
			rows->values = repalloc_huge(rows->values, sizeof(Datum) * E_NCOLS * size);
			rows->nulls = repalloc_huge(rows->nulls, sizeof(bool) * E_NCOLS * size);
		}
		/* a copy: the values outlive the scan's buffer pin */
		heap_deform_tuple(heap_copytuple(tup), RelationGetDescr(rel), tv, tn);
		event_row(attnum, tv, tn, rows->values + rows->n * E_NCOLS,
				  rows->nulls + rows->n * E_NCOLS);
		rows->n++;
	}
	systable_endscan_ordered(scan);
	index_close(idx, AccessShareLock);
	table_close(rel, AccessShareLock);
	return true;
}

/*
 * The change events after start - lookback up to until; the caller is
 * connected to SPI and scores them with pm_event_suspects().
 */
EventRows *
pm_event_rows(TimestampTz start, Interval *lookback, TimestampTz until)
{
	EventRows  *rows = palloc0(sizeof(EventRows));
	Datum		args[3];

	args[0] = TimestampTzGetDatum(start);
	args[1] = IntervalPGetDatum(lookback);
	args[2] = TimestampTzGetDatum(until);
	if (!scan_events(DatumGetTimestampTz(DirectFunctionCall2(timestamptz_mi_interval,
															 args[0], args[1])),
					 until, rows))
		query_events(args, rows);
	return rows;
}

/* How many change events there are to score */
uint64
pm_event_count(const EventRows *rows)
{
	return rows->n;
}

/*
 * Score the change events of rows (pm_event_rows()) into out[], their
 * origin column origin; buf is scratch space for the reasons.  The values
 * stay valid until the caller's SPI_finish().
 */
void
pm_event_suspects(Suspect *out, const EventRows *rows, TimestampTz start,
				  const char *document, Datum origin, StringInfo buf)
{
	for (uint64 i = 0; i < rows->n; i++)
	{
		CHECK_FOR_INTERRUPTS();
		score_event(&out[i], rows->values + i * E_NCOLS, rows->nulls + i * E_NCOLS,
					start, document, buf);
		out[i].values[SUSPECT_COL_ORIGIN] = origin;
	}
}
