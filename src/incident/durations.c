/*-------------------------------------------------------------------------
 *
 * durations.c
 *	  How long an incident took and how much it cost: the duration functions
 *	  on the incident row type, impact_minutes, error_budget_burn, and the
 *	  downtime(tstzrange) aggregate.
 *
 * The duration functions and impact_minutes take a postmortem.incident
 * row, so that `SELECT i.time_to_resolve FROM postmortem.incident i` works.
 * Called on a table's whole row, a planner support function rewrites them
 * into the column arithmetic they stand for (i.resolved_at - i.started_at),
 * so a dashboard query pays nothing for the convenience (forming the whole
 * row value costs more than the arithmetic); called on any other row value,
 * the C code below computes the same thing.
 *
 * downtime() collects the ranges of a group, then sorts and merges them once
 * at the end, so overlapping incidents count once.  Partial states are sorted
 * and merged before they are serialized, so parallel workers do most of that
 * work and send little.
 *
 * SQL declarations: src/incident/40-durations.sql.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>

#include "access/htup_details.h"
#include "catalog/namespace.h"
#include "catalog/pg_collation.h"
#include "catalog/pg_type.h"
#include "common/int.h"
#include "datatype/timestamp.h"
#include "fmgr.h"
#include "lib/stringinfo.h"
#include "libpq/pqformat.h"
#include "nodes/makefuncs.h"
#include "nodes/pathnodes.h"
#include "nodes/supportnodes.h"
#include "parser/parsetree.h"
#include "utils/builtins.h"
#include "utils/fmgroids.h"
#include "utils/lsyscache.h"
#include "utils/rangetypes.h"
#include "utils/timestamp.h"
#include "utils/typcache.h"

#include "postmortem.h"

/* ----------------------------------------------------------------
 * Reading an incident row
 * ----------------------------------------------------------------
 */

/* The incident columns these functions read. */
typedef enum IncidentColumn
{
	IC_STARTED,
	IC_DETECTED,
	IC_ACKNOWLEDGED,
	IC_MITIGATED,
	IC_RESOLVED,
	IC_USERS_AFFECTED_PCT,
	IC_COUNT
} IncidentColumn;

static const struct
{
	const char *name;
	Oid			type;
}			incident_columns[IC_COUNT] = {
	{"started_at", TIMESTAMPTZOID},
	{"detected_at", TIMESTAMPTZOID},
	{"acknowledged_at", TIMESTAMPTZOID},
	{"mitigated_at", TIMESTAMPTZOID},
	{"resolved_at", TIMESTAMPTZOID},
	{"users_affected_pct", NUMERICOID},
};

/*
 * Each duration function: its SQL name and the milestones it spans.  One C
 * function serves them all, and the planner support function rewrites them,
 * both from this table.
 */
typedef struct IncidentInterval
{
	const char *funcname;
	IncidentColumn from;
	IncidentColumn to;
} IncidentInterval;

static const IncidentInterval incident_intervals[] = {
	{"time_to_detect", IC_STARTED, IC_DETECTED},
	{"time_to_acknowledge", IC_STARTED, IC_ACKNOWLEDGED},
	{"time_to_mitigate", IC_STARTED, IC_MITIGATED},
	{"time_to_resolve", IC_STARTED, IC_RESOLVED},
	{"time_to_repair", IC_DETECTED, IC_RESOLVED},
	{"duration", IC_STARTED, IC_RESOLVED},
};

/*
 * The row type's descriptor and the attribute numbers of the columns above,
 * looked up once per call site (kept in fn_extra).
 */
typedef struct IncidentRowInfo
{
	Oid			typid;
	int32		typmod;
	TupleDesc	tupdesc;
	AttrNumber	attnums[IC_COUNT];
	const IncidentInterval *interval;	/* incident_interval: what it spans */
} IncidentRowInfo;

/* The duration function of this OID, by its name; NULL if it is none. */
static const IncidentInterval *
incident_interval_of(Oid funcid)
{
	char	   *funcname = get_func_name(funcid);

	if (funcname != NULL)
		for (int i = 0; i < lengthof(incident_intervals); i++)
			if (strcmp(funcname, incident_intervals[i].funcname) == 0)
				return &incident_intervals[i];
	return NULL;
}

/* Attribute number of a live column of a tuple descriptor, or 0. */
static AttrNumber
tupdesc_attnum(TupleDesc tupdesc, const char *name)
{
	for (int i = 0; i < tupdesc->natts; i++)
	{
		Form_pg_attribute att = TupleDescAttr(tupdesc, i);

		if (!att->attisdropped && strcmp(NameStr(att->attname), name) == 0)
			return att->attnum;
	}
	return InvalidAttrNumber;
}

static IncidentRowInfo *
incident_row_info(FunctionCallInfo fcinfo, HeapTupleHeader row)
{
	IncidentRowInfo *info = (IncidentRowInfo *) fcinfo->flinfo->fn_extra;
	Oid			typid = HeapTupleHeaderGetTypeId(row);
	int32		typmod = HeapTupleHeaderGetTypMod(row);
	MemoryContext oldcxt;
	TupleDesc	tupdesc;

	if (info != NULL && info->typid == typid && info->typmod == typmod)
		return info;

	oldcxt = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
	tupdesc = lookup_rowtype_tupdesc_copy(typid, typmod);
	if (info == NULL)
		info = palloc0(sizeof(IncidentRowInfo));
	else if (info->tupdesc != NULL)
		FreeTupleDesc(info->tupdesc);
	MemoryContextSwitchTo(oldcxt);

	info->typid = InvalidOid;
	info->tupdesc = tupdesc;
	for (int c = 0; c < IC_COUNT; c++)
	{
		AttrNumber	attnum = tupdesc_attnum(tupdesc, incident_columns[c].name);

		if (attnum == InvalidAttrNumber ||
			TupleDescAttr(tupdesc, attnum - 1)->atttypid != incident_columns[c].type)
			ereport(ERROR,
					(errcode(ERRCODE_DATATYPE_MISMATCH),
					 errmsg("row type %s has no column \"%s\" of type %s",
							format_type_be(typid), incident_columns[c].name,
							format_type_be(incident_columns[c].type))));
		info->attnums[c] = attnum;
	}
	info->typid = typid;
	info->typmod = typmod;
	fcinfo->flinfo->fn_extra = info;
	return info;
}

/* One column of an incident row. */
static inline Datum
incident_get(IncidentRowInfo *info, HeapTupleHeader row, IncidentColumn c,
			 bool *isnull)
{
	HeapTupleData tuple;

	tuple.t_len = HeapTupleHeaderGetDatumLength(row);
	ItemPointerSetInvalid(&tuple.t_self);
	tuple.t_tableOid = InvalidOid;
	tuple.t_data = row;
	return heap_getattr(&tuple, info->attnums[c], info->tupdesc, isnull);
}

/* ----------------------------------------------------------------
 * Durations
 * ----------------------------------------------------------------
 */

/*
 * time_to_detect, time_to_acknowledge, time_to_mitigate, time_to_resolve,
 * time_to_repair and duration: to - from of the milestones the called
 * function spans (incident_intervals), computed like the timestamptz -
 * timestamptz operator; NULL when either milestone is unknown.
 */
PG_FUNCTION_INFO_V1(incident_interval);
Datum
incident_interval(PG_FUNCTION_ARGS)
{
	HeapTupleHeader row = PG_GETARG_HEAPTUPLEHEADER(0);
	IncidentRowInfo *info = incident_row_info(fcinfo, row);
	bool		fromnull;
	bool		tonull;
	Datum		fromval;
	Datum		toval;

	if (info->interval == NULL)
	{
		info->interval = incident_interval_of(fcinfo->flinfo->fn_oid);
		if (info->interval == NULL)
			elog(ERROR, "function %u is not an incident duration function",
				 fcinfo->flinfo->fn_oid);
	}
	fromval = incident_get(info, row, info->interval->from, &fromnull);
	toval = incident_get(info, row, info->interval->to, &tonull);
	if (fromnull || tonull)
		PG_RETURN_NULL();
	return DirectFunctionCall2(timestamp_mi, toval, fromval);
}

/* The OID of the binary operator pg_catalog.NAME(type, type). */
static Oid
builtin_operator(const char *name, Oid type)
{
	return OpernameGetOprid(list_make2(makeString("pg_catalog"),
									   makeString(pstrdup(name))),
							type, type);
}

/* A binary operator clause on builtin types. */
static Expr *
make_builtin_op(Oid opno, Oid funcid, Oid resulttype, Expr *left, Expr *right)
{
	OpExpr	   *op = makeNode(OpExpr);

	op->opno = opno;
	op->opfuncid = funcid;
	op->opresulttype = resulttype;
	op->opretset = false;
	op->opcollid = InvalidOid;
	op->inputcollid = InvalidOid;
	op->args = list_make2(left, right);
	op->location = -1;
	return (Expr *) op;
}

/* A column of the table a whole-row Var stands for, or NULL. */
static Var *
incident_column_var(Var *wholerow, Oid relid, IncidentColumn c)
{
	AttrNumber	attnum = get_attnum(relid, incident_columns[c].name);

	if (attnum <= 0 || get_atttype(relid, attnum) != incident_columns[c].type)
		return NULL;
	return makeVar(wholerow->varno, attnum, incident_columns[c].type, -1,
				   InvalidOid, 0);
}

/* (to - from), the expression a duration function stands for; or NULL. */
static Expr *
incident_interval_expr(Var *wholerow, Oid relid, IncidentColumn from,
					   IncidentColumn to)
{
	Var		   *fromvar = incident_column_var(wholerow, relid, from);
	Var		   *tovar = incident_column_var(wholerow, relid, to);
	Oid			opno = builtin_operator("-", TIMESTAMPTZOID);

	if (fromvar == NULL || tovar == NULL || !OidIsValid(opno))
		return NULL;
	return make_builtin_op(opno, F_TIMESTAMPTZ_MI, INTERVALOID,
						   (Expr *) tovar, (Expr *) fromvar);
}

/*
 * date_part('epoch', resolved_at - started_at) / 60
 *		* users_affected_pct::float8 / 100,
 * the expression impact_minutes() stands for (incident_impact computes the
 * same, with the same functions, in the same order); or NULL.
 */
static Expr *
incident_impact_expr(Var *wholerow, Oid relid)
{
	Expr	   *duration = incident_interval_expr(wholerow, relid,
												  IC_STARTED, IC_RESOLVED);
	Var		   *pct = incident_column_var(wholerow, relid, IC_USERS_AFFECTED_PCT);
	Oid			mul = builtin_operator("*", FLOAT8OID);
	Oid			div = builtin_operator("/", FLOAT8OID);
	Expr	   *epoch;
	Expr	   *share;
	Expr	   *minutes;

	if (duration == NULL || pct == NULL || !OidIsValid(mul) || !OidIsValid(div))
		return NULL;
	epoch = (Expr *) makeFuncExpr(F_DATE_PART_TEXT_INTERVAL, FLOAT8OID,
								  list_make2(makeConst(TEXTOID, -1, DEFAULT_COLLATION_OID, -1,
													   CStringGetTextDatum("epoch"),
													   false, false),
											 duration),
								  InvalidOid, DEFAULT_COLLATION_OID,
								  COERCE_EXPLICIT_CALL);
	share = (Expr *) makeFuncExpr(F_FLOAT8_NUMERIC, FLOAT8OID, list_make1(pct),
								  InvalidOid, InvalidOid, COERCE_EXPLICIT_CAST);
	minutes = make_builtin_op(div, F_FLOAT8DIV, FLOAT8OID, epoch,
							  (Expr *) makeConst(FLOAT8OID, -1, InvalidOid, sizeof(float8),
												 Float8GetDatum(60.0), false,
												 FLOAT8PASSBYVAL));
	return make_builtin_op(div, F_FLOAT8DIV, FLOAT8OID,
						   make_builtin_op(mul, F_FLOAT8MUL, FLOAT8OID, minutes, share),
						   (Expr *) makeConst(FLOAT8OID, -1, InvalidOid, sizeof(float8),
											  Float8GetDatum(100.0), false,
											  FLOAT8PASSBYVAL));
}

/*
 * Planner support for the duration functions and impact_minutes: on the
 * whole row of a table scanned in this query, time_to_resolve(i) becomes
 * (i.resolved_at - i.started_at) and impact_minutes(i) the arithmetic it
 * does.  The value is the same (NULL when a milestone is unknown, or when i
 * is the NULL row of an outer join); the executor then reads two or three
 * columns instead of forming a row value of all of them and calling a
 * function, and the planner can match expression indexes.
 */
PG_FUNCTION_INFO_V1(incident_row_support);
Datum
incident_row_support(PG_FUNCTION_ARGS)
{
	Node	   *rawreq = (Node *) PG_GETARG_POINTER(0);
	SupportRequestSimplify *req;
	FuncExpr   *fexpr;
	Var		   *var;
	RangeTblEntry *rte;
	const IncidentInterval *interval;
	Expr	   *result = NULL;

	if (!IsA(rawreq, SupportRequestSimplify))
		PG_RETURN_POINTER(NULL);
	req = (SupportRequestSimplify *) rawreq;
	fexpr = req->fcall;

	/* only a whole-row Var of a plain table of this query level */
	if (req->root == NULL || list_length(fexpr->args) != 1 ||
		!IsA(linitial(fexpr->args), Var))
		PG_RETURN_POINTER(NULL);
	var = (Var *) linitial(fexpr->args);
	if (var->varattno != InvalidAttrNumber || var->varlevelsup != 0 ||
		var->varno < 1 || var->varno > list_length(req->root->parse->rtable))
		PG_RETURN_POINTER(NULL);
	rte = rt_fetch(var->varno, req->root->parse->rtable);
	if (rte->rtekind != RTE_RELATION ||
		get_rel_type_id(rte->relid) != var->vartype)
		PG_RETURN_POINTER(NULL);

	interval = incident_interval_of(fexpr->funcid);
	if (interval != NULL)
		result = incident_interval_expr(var, rte->relid, interval->from,
										interval->to);
	else
	{
		char	   *funcname = get_func_name(fexpr->funcid);

		if (funcname != NULL && strcmp(funcname, "impact_minutes") == 0)
			result = incident_impact_expr(var, rte->relid);
	}
	PG_RETURN_POINTER(result);
}

/* ----------------------------------------------------------------
 * Impact
 * ----------------------------------------------------------------
 */

/*
 * Impact in user-minutes of full outage: duration in minutes times the
 * share of users affected.  NULL unless started_at, resolved_at and
 * users_affected_pct are known (users_affected is a count, and without the
 * size of the user base it is not a share).  Sets *isnull.
 */
static double
incident_impact(FunctionCallInfo fcinfo, HeapTupleHeader row, bool *isnull)
{
	IncidentRowInfo *info = incident_row_info(fcinfo, row);
	bool		snull;
	bool		rnull;
	bool		pnull;
	Datum		started = incident_get(info, row, IC_STARTED, &snull);
	Datum		resolved = incident_get(info, row, IC_RESOLVED, &rnull);
	Datum		pct = incident_get(info, row, IC_USERS_AFFECTED_PCT, &pnull);
	double		epoch;

	*isnull = snull || rnull || pnull;
	if (*isnull)
		return 0.0;
	/* the functions and the order of incident_impact_expr, for equal values */
	epoch = DatumGetFloat8(DirectFunctionCall2(interval_part,
											   CStringGetTextDatum("epoch"),
											   DirectFunctionCall2(timestamp_mi,
																   resolved,
																   started)));
	return epoch / 60.0 * DatumGetFloat8(DirectFunctionCall1(numeric_float8, pct)) / 100.0;
}

/* duration in minutes × users_affected_pct / 100 */
PG_FUNCTION_INFO_V1(incident_impact_minutes);
Datum
incident_impact_minutes(PG_FUNCTION_ARGS)
{
	bool		isnull;
	double		impact = incident_impact(fcinfo, PG_GETARG_HEAPTUPLEHEADER(0),
										 &isnull);

	if (isnull)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(impact);
}

/*
 * impact_minutes ÷ the minutes of full outage an SLO allows in a period:
 * 1.0 means the incident spent the whole budget.
 */
PG_FUNCTION_INFO_V1(incident_error_budget_burn);
Datum
incident_error_budget_burn(PG_FUNCTION_ARGS)
{
	HeapTupleHeader row = PG_GETARG_HEAPTUPLEHEADER(0);
	float8		slo = PG_GETARG_FLOAT8(1);
	Interval   *period = PG_GETARG_INTERVAL_P(2);
	double		period_minutes;
	double		budget;
	double		impact;
	bool		isnull;

	if (isnan(slo) || slo <= 0.0 || slo >= 1.0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("slo must be between 0 and 1, exclusive, not %g", slo),
				 errhint("Write the objective as a fraction: 0.999 for 99.9 %%.")));

	/* as date_part('epoch', period) counts it: a month is 30.4375 days */
	period_minutes = ((double) period->time / USECS_PER_SEC +
					  (double) period->day * SECS_PER_DAY +
					  (double) period->month * (DAYS_PER_YEAR * SECS_PER_DAY / MONTHS_PER_YEAR)) / 60.0;
	if (!(period_minutes > 0.0))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("period must be a positive interval"),
				 errdetail("The error budget is the share 1 - slo of the period.")));

	budget = (1.0 - slo) * period_minutes;
	impact = incident_impact(fcinfo, row, &isnull);
	if (isnull)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(impact / budget);
}

/* ----------------------------------------------------------------
 * downtime(tstzrange): the length of the union of ranges
 * ----------------------------------------------------------------
 */

typedef struct DowntimeSpan
{
	TimestampTz lo;
	TimestampTz hi;
} DowntimeSpan;

typedef struct DowntimeState
{
	int64		nspans;
	int64		maxspans;
	bool		merged;			/* spans sorted, disjoint, not adjacent */
	DowntimeSpan *spans;
} DowntimeState;

#define ST_SORT downtime_sort_spans
#define ST_ELEMENT_TYPE DowntimeSpan
#define ST_COMPARE(a, b) (((a)->lo > (b)->lo) - ((a)->lo < (b)->lo))
#define ST_SCOPE static
#define ST_DEFINE
#include "lib/sort_template.h"

static DowntimeState *
downtime_state_create(MemoryContext cxt, int64 maxspans)
{
	DowntimeState *state = MemoryContextAlloc(cxt, sizeof(DowntimeState));

	state->nspans = 0;
	state->maxspans = Max(maxspans, 8);
	state->merged = true;
	state->spans = MemoryContextAllocHuge(cxt,
										  state->maxspans * sizeof(DowntimeSpan));
	return state;
}

/* Make room for n more spans; the spans live where the state does. */
static void
downtime_state_reserve(DowntimeState *state, int64 n)
{
	if (state->nspans + n > state->maxspans)
	{
		int64		newmax = Max(state->maxspans * 2, state->nspans + n);

		state->spans = repalloc_huge(state->spans, newmax * sizeof(DowntimeSpan));
		state->maxspans = newmax;
	}
}

/* Sort the spans and merge the ones that overlap or touch, in place. */
static void
downtime_state_merge(DowntimeState *state)
{
	int64		out = 0;

	if (state->merged)
		return;
	downtime_sort_spans(state->spans, state->nspans);
	for (int64 i = 0; i < state->nspans; i++)
	{
		DowntimeSpan *s = &state->spans[i];

		if (out > 0 && s->lo <= state->spans[out - 1].hi)
		{
			if (s->hi > state->spans[out - 1].hi)
				state->spans[out - 1].hi = s->hi;
		}
		else
			state->spans[out++] = *s;
	}
	state->nspans = out;
	state->merged = true;
}

static MemoryContext
downtime_agg_context(FunctionCallInfo fcinfo, const char *funcname)
{
	MemoryContext aggcxt;

	if (!AggCheckCallContext(fcinfo, &aggcxt))
		elog(ERROR, "%s called in non-aggregate context", funcname);
	return aggcxt;
}

/* Add one range to the state; NULL and empty ranges add nothing. */
PG_FUNCTION_INFO_V1(downtime_transfn);
Datum
downtime_transfn(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt = downtime_agg_context(fcinfo, "downtime_transfn");
	DowntimeState *state = PG_ARGISNULL(0) ? NULL :
		(DowntimeState *) PG_GETARG_POINTER(0);
	RangeType  *range;
	TypeCacheEntry *typcache;
	RangeBound	lower;
	RangeBound	upper;
	bool		empty;
	DowntimeSpan *span;

	if (PG_ARGISNULL(1))
	{
		if (state == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(state);
	}
	if (state == NULL)
		state = downtime_state_create(aggcxt, 8);

	range = PG_GETARG_RANGE_P(1);
	typcache = range_get_typcache(fcinfo, RangeTypeGetOid(range));
	range_deserialize(typcache, range, &lower, &upper, &empty);
	if (empty)
		PG_RETURN_POINTER(state);
	if (lower.infinite || upper.infinite ||
		TIMESTAMP_NOT_FINITE(DatumGetTimestampTz(lower.val)) ||
		TIMESTAMP_NOT_FINITE(DatumGetTimestampTz(upper.val)))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("downtime cannot measure an unbounded range"),
				 errdetail("An incident that has not ended has no length yet."),
				 errhint("Leave such ranges out (WHERE NOT upper_inf(r)) or end them at now().")));

	downtime_state_reserve(state, 1);
	span = &state->spans[state->nspans++];
	span->lo = DatumGetTimestampTz(lower.val);
	span->hi = DatumGetTimestampTz(upper.val);
	state->merged = false;

	PG_RETURN_POINTER(state);
}

/* Combine two partial states (parallel aggregation). */
PG_FUNCTION_INFO_V1(downtime_combinefn);
Datum
downtime_combinefn(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt = downtime_agg_context(fcinfo, "downtime_combinefn");
	DowntimeState *state1 = PG_ARGISNULL(0) ? NULL :
		(DowntimeState *) PG_GETARG_POINTER(0);
	DowntimeState *state2 = PG_ARGISNULL(1) ? NULL :
		(DowntimeState *) PG_GETARG_POINTER(1);

	if (state2 == NULL)
	{
		if (state1 == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(state1);
	}
	if (state1 == NULL)
		state1 = downtime_state_create(aggcxt, state2->nspans);

	downtime_state_reserve(state1, state2->nspans);
	memcpy(state1->spans + state1->nspans, state2->spans,
		   state2->nspans * sizeof(DowntimeSpan));
	state1->merged = (state1->nspans == 0 && state2->merged);
	state1->nspans += state2->nspans;

	PG_RETURN_POINTER(state1);
}

/*
 * Serialize a partial state: merged first, so a worker hands over the
 * union it found rather than every range it saw.
 */
PG_FUNCTION_INFO_V1(downtime_serialfn);
Datum
downtime_serialfn(PG_FUNCTION_ARGS)
{
	DowntimeState *state = (DowntimeState *) PG_GETARG_POINTER(0);
	StringInfoData buf;

	downtime_state_merge(state);
	pq_begintypsend(&buf);
	pq_sendint64(&buf, state->nspans);
	for (int64 i = 0; i < state->nspans; i++)
	{
		pq_sendint64(&buf, state->spans[i].lo);
		pq_sendint64(&buf, state->spans[i].hi);
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* Deserialize a partial state, merged by the serializer. */
PG_FUNCTION_INFO_V1(downtime_deserialfn);
Datum
downtime_deserialfn(PG_FUNCTION_ARGS)
{
	bytea	   *bytes = PG_GETARG_BYTEA_PP(0);
	StringInfoData buf;
	DowntimeState *state;
	int64		n;

	if (!AggCheckCallContext(fcinfo, NULL))
		elog(ERROR, "downtime_deserialfn called in non-aggregate context");

	/* a read-only StringInfo over the bytes (initReadOnlyStringInfo in 16) */
	buf.data = VARDATA_ANY(bytes);
	buf.len = VARSIZE_ANY_EXHDR(bytes);
	buf.maxlen = 0;
	buf.cursor = 0;
	n = pq_getmsgint64(&buf);
	if (n < 0 || n > (buf.len - buf.cursor) / (int64) sizeof(DowntimeSpan))
		elog(ERROR, "invalid downtime state");
	state = downtime_state_create(CurrentMemoryContext, n);
	for (int64 i = 0; i < n; i++)
	{
		state->spans[i].lo = pq_getmsgint64(&buf);
		state->spans[i].hi = pq_getmsgint64(&buf);
	}
	pq_getmsgend(&buf);
	state->nspans = n;
	state->merged = true;		/* the serializer merged it */

	PG_RETURN_POINTER(state);
}

/*
 * The length of the union, as an interval in the form timestamptz -
 * timestamptz gives (whole days and a time).  Merging in place leaves the
 * state an equivalent one, so the aggregate can go on from it.
 */
PG_FUNCTION_INFO_V1(downtime_finalfn);
Datum
downtime_finalfn(PG_FUNCTION_ARGS)
{
	DowntimeState *state = PG_ARGISNULL(0) ? NULL :
		(DowntimeState *) PG_GETARG_POINTER(0);
	int64		total = 0;
	Interval   *result;

	if (state == NULL)
		PG_RETURN_NULL();
	downtime_state_merge(state);
	for (int64 i = 0; i < state->nspans; i++)
	{
		int64		length;

		if (pg_sub_s64_overflow(state->spans[i].hi, state->spans[i].lo,
								&length) ||
			pg_add_s64_overflow(total, length, &total))
			ereport(ERROR,
					(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
					 errmsg("interval out of range")));
	}
	result = (Interval *) palloc(sizeof(Interval));
	result->month = 0;
	result->day = (int32) (total / USECS_PER_DAY);
	result->time = total % USECS_PER_DAY;
	PG_RETURN_INTERVAL_P(result);
}
