/*-------------------------------------------------------------------------
 *
 * regression.c
 *	  Query regression evidence from pg_stat_statements: which statements
 *	  got slower after which change.
 *
 * pg_stat_statements counts calls and time since its last reset; a change's
 * effect shows only as the difference between its counters before the
 * change and now.  So the extension keeps cheap snapshots of them in
 * postmortem.statement_snapshot (this database's statements, the most
 * expensive postmortem.statement_snapshot_size of them), taken
 *
 *	- at the start of a DDL command (the recorder's ddl_command_start
 *	  trigger calls pm_before_ddl_hook), when the last one is older than
 *	  postmortem.statement_snapshot_interval: the first DDL of a session
 *	  reads when the newest was taken from the end of the table's primary
 *	  key, and the session remembers when the next is due, so a migration's
 *	  other statements cost one timestamp comparison each; a due snapshot
 *	  is written without SQL (snapshot.c) by a background worker the DDL
 *	  waits for (snapshot_worker.c), so that the migration's backend does
 *	  not pay for it, or by the backend itself when no worker can start;
 *	- by record_change(), before a deploy's event is written;
 *	- by postmortem.snapshot_statements(), from a scheduler.
 *
 * For a change at time t the baseline is the newest snapshot taken at or
 * before t: a statement's mean before is its counters there, its mean after
 * is (now - baseline) / (calls now - calls then).  A statement regressed when
 * its mean time per call at least doubled and grew by
 * postmortem.regression_min_ms, or its rows or blocks read per call did; a
 * statement absent from the baseline and slow is new since the change.
 *
 * suspects() (suspects.c) calls pm_regression_suspects(): an existing
 * statement that regressed raises a schema change on a table it names; new
 * slow statements raise the deploy after which they first appeared; the
 * reasons say which statement, from what to what.  The evidence taken at
 * declaration (evidence.c) writes the statements that regressed since before
 * the most likely suspect as evidence entries.  Without pg_stat_statements
 * (not installed in this database, or not preloaded) all of this does
 * nothing, and recorder_status() says so.
 *
 * SQL declarations: src/analysis/regression.sql.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>

#include "access/genam.h"
#include "access/htup_details.h"
#include "access/table.h"
#include "access/xact.h"
#include "catalog/indexing.h"
#include "catalog/namespace.h"
#include "catalog/pg_class.h"
#include "catalog/pg_collation.h"
#include "catalog/pg_extension.h"
#include "catalog/pg_type.h"
#include "commands/event_trigger.h"
#include "commands/extension.h"
#include "executor/spi.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "nodes/parsenodes.h"
#include "storage/lmgr.h"
#include "utils/builtins.h"
#include "utils/fmgroids.h"
#include "utils/snapmgr.h"
#include "utils/formatting.h"
#include "utils/guc.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/resowner.h"
#include "utils/syscache.h"
#include "utils/timestamp.h"
#include "utils/varlena.h"

#include "postmortem.h"
#include "compat.h"
#include "analysis/analysis.h"

/* GUCs */
static int	pm_snapshot_interval = 300;	/* seconds */
static int	pm_snapshot_size = 500;
static int	pm_regression_min_ms = 1;
static bool pm_snapshot_worker = true;

#define W_REGRESSED			3.0		/* a statement on its table got slower */
#define W_NEW_STATEMENTS	3.0		/* slow statements new since a deploy */
#define W_UNEXPLAINED		1.0		/* regressions no table change explains */
#define MAX_BASELINES		8		/* suspects looked at, best first */
#define MAX_CITED			3		/* statements named in a reason */

/* when this session's next snapshot is due (0: look at the table) */
static TimestampTz next_snapshot = 0;

/*
 * The regressions since a baseline snapshot, worst first.  $1 is the
 * baseline's time, $2 the minimum growth in ms.  Columns: queryid, query,
 * calls after, mean ms before (NULL: new), mean ms after, rows per call
 * before and after, blocks per call before and after.  %s is the schema of
 * pg_stat_statements.
 */
#define REGRESSIONS_SQL \
	"WITH b AS (SELECT * FROM postmortem.statement_snapshot s" \
	"            WHERE s.taken_at OPERATOR(pg_catalog.=) $1)," \
	" c AS (SELECT p.queryid, p.userid, p.calls, p.total_exec_time, p.rows," \
	"              p.shared_blks_hit OPERATOR(pg_catalog.+) p.shared_blks_read AS blks, p.query" \
	"         FROM %s.pg_stat_statements p" \
	"        WHERE p.dbid OPERATOR(pg_catalog.=) (SELECT d.oid FROM pg_catalog.pg_database d" \
	"                      WHERE d.datname OPERATOR(pg_catalog.=) pg_catalog.current_database())" \
	"          AND p.queryid IS NOT NULL)," \
	" d AS (SELECT c.queryid, c.query," \
	"              c.calls OPERATOR(pg_catalog.-) COALESCE(b.calls, 0) AS calls," \
	"              b.total_exec_time OPERATOR(pg_catalog./) NULLIF(b.calls, 0) AS before_ms," \
	"              (c.total_exec_time OPERATOR(pg_catalog.-) COALESCE(b.total_exec_time, 0))" \
	"                OPERATOR(pg_catalog./) (c.calls OPERATOR(pg_catalog.-) COALESCE(b.calls, 0)) AS after_ms," \
	"              b.rows::float8 OPERATOR(pg_catalog./) NULLIF(b.calls, 0) AS rows_before," \
	"              (c.rows OPERATOR(pg_catalog.-) COALESCE(b.rows, 0))::float8" \
	"                OPERATOR(pg_catalog./) (c.calls OPERATOR(pg_catalog.-) COALESCE(b.calls, 0)) AS rows_after," \
	"              b.blks::float8 OPERATOR(pg_catalog./) NULLIF(b.calls, 0) AS blks_before," \
	"              (c.blks OPERATOR(pg_catalog.-) COALESCE(b.blks, 0))::float8" \
	"                OPERATOR(pg_catalog./) (c.calls OPERATOR(pg_catalog.-) COALESCE(b.calls, 0)) AS blks_after," \
	"              b.queryid IS NULL AS is_new" \
	"         FROM c LEFT JOIN b ON b.queryid OPERATOR(pg_catalog.=) c.queryid" \
	"                           AND b.userid OPERATOR(pg_catalog.=) c.userid" \
	"        WHERE c.calls OPERATOR(pg_catalog.>) (COALESCE(b.calls, 0) OPERATOR(pg_catalog.+) 2)" \
	"          AND (b.calls IS NULL OR c.calls OPERATOR(pg_catalog.>=) b.calls))" \
	"SELECT d.queryid, d.query, d.calls, d.before_ms, d.after_ms, d.rows_before," \
	"       d.rows_after, d.blks_before, d.blks_after, d.is_new" \
	"  FROM d" \
	" WHERE (d.is_new AND d.after_ms OPERATOR(pg_catalog.>=) ($2::float8 OPERATOR(pg_catalog.*) 10)" \
	"        AND d.query OPERATOR(pg_catalog.!~*) '^\\s*(create|alter|drop|comment|grant|revoke|vacuum|analyze|reindex|cluster|refresh|set|reset|show|begin|start|commit|rollback|savepoint|release|prepare|listen|unlisten|notify|truncate|lock|copy|do|call|explain)\\M'" \
	"        AND (pg_catalog.strpos(d.query, 'postmortem.') OPERATOR(pg_catalog.=) 0))" \
	"    OR (NOT d.is_new" \
	"        AND ((d.after_ms OPERATOR(pg_catalog.>=) (2 OPERATOR(pg_catalog.*) d.before_ms)" \
	"              AND (d.after_ms OPERATOR(pg_catalog.-) d.before_ms) OPERATOR(pg_catalog.>=) $2::float8)" \
	"             OR (d.blks_after OPERATOR(pg_catalog.>=) (10 OPERATOR(pg_catalog.*) GREATEST(d.blks_before, 1))" \
	"                 AND d.after_ms OPERATOR(pg_catalog.>) d.before_ms)))" \
	" ORDER BY (d.after_ms OPERATOR(pg_catalog.-) COALESCE(d.before_ms, 0))" \
	"          OPERATOR(pg_catalog.*) d.calls DESC" \
	" LIMIT 20"

/* One statement that got slower since a baseline. */
typedef struct Regression
{
	char	   *query;
	char	   *lowerQuery;		/* for document_mentions() */
	double		beforeMs;		/* < 0: new since the baseline */
	double		afterMs;
	double		rowsBefore;
	double		rowsAfter;
	double		blksBefore;
	double		blksAfter;
	int64		calls;
	bool		explained;		/* claimed by a schema change */
} Regression;

/* The regressions since one baseline snapshot. */
typedef struct Baseline
{
	TimestampTz takenAt;
	int			n;
	Regression *regressions;
} Baseline;

/* The schema an extension is in (get_extension_schema is static before 16). */
static Oid
extension_schema(Oid ext)
{
	Relation	rel = table_open(ExtensionRelationId, AccessShareLock);
	ScanKeyData key;
	SysScanDesc scan;
	HeapTuple	tup;
	Oid			nsp = InvalidOid;

	ScanKeyInit(&key, Anum_pg_extension_oid, BTEqualStrategyNumber, F_OIDEQ,
				ObjectIdGetDatum(ext));
	scan = systable_beginscan(rel, ExtensionOidIndexId, true, NULL, 1, &key);
	tup = systable_getnext(scan);
	if (HeapTupleIsValid(tup))
		nsp = ((Form_pg_extension) GETSTRUCT(tup))->extnamespace;
	systable_endscan(scan);
	table_close(rel, AccessShareLock);
	return nsp;
}

/*
 * Is pg_stat_statements in shared_preload_libraries?  A setting that changes
 * only with a restart: looked at once per backend.
 */
static bool
statements_preloaded(void)
{
	static int	preloaded = -1;

	if (preloaded < 0)
	{
		const char *preload = GetConfigOption("shared_preload_libraries", true, false);
		char	   *list = pstrdup(preload ? preload : "");
		List	   *names;
		ListCell   *lc;

		preloaded = 0;
		if (SplitIdentifierString(list, ',', &names))
			foreach(lc, names)
				if (strcmp((char *) lfirst(lc), "pg_stat_statements") == 0)
					preloaded = 1;
	}
	return preloaded == 1;
}

/*
 * The schema pg_stat_statements is installed in, quoted, when its counters
 * can be read here: installed in this database and preloaded.  NULL
 * otherwise, with why in *why when asked.
 */
static char *
statements_schema(const char **why)
{
	Oid			ext = get_extension_oid("pg_stat_statements", true);

	if (!OidIsValid(ext))
	{
		if (why)
			*why = "pg_stat_statements is not installed in this database (CREATE EXTENSION pg_stat_statements): no query regression evidence";
		return NULL;
	}
	if (!statements_preloaded())
	{
		if (why)
			*why = "pg_stat_statements is installed but not in shared_preload_libraries: no query regression evidence";
		return NULL;
	}
	if (why)
		*why = pm_snapshot_interval <= 0 ?
			"pg_stat_statements: snapshots before deploys and on demand (none before schema changes: statement_snapshot_interval is 0), regressions in suspects() and evidence" :
			pm_snapshot_worker ?
			"pg_stat_statements: snapshots before schema changes (by a background worker the command waits for; by the session when no worker can start), before deploys and on demand, regressions in suspects() and evidence" :
			"pg_stat_statements: snapshots before schema changes (by the session: statement_snapshot_worker is off), before deploys and on demand, regressions in suspects() and evidence";
	return (char *) quote_identifier(get_namespace_name(extension_schema(ext)));
}

/* For recorder_status(): can query regressions be seen? */
bool
pm_regression_status(const char **detail)
{
	return statements_schema(detail) != NULL;
}

static double
get_float(HeapTuple tup, TupleDesc desc, int col, double ifnull)
{
	bool		isnull;
	Datum		d = SPI_getbinval(tup, desc, col, &isnull);

	return isnull ? ifnull : DatumGetFloat8(d);
}

/* The regressions since the snapshot taken at "at"; SPI connected. */
static void
load_baseline(Baseline *b, const char *schema)
{
	static SPIPlanPtr plan = NULL;
	static char *planSchema = NULL;
	Datum		args[2];
	int			ret;

	if (plan == NULL || strcmp(planSchema, schema) != 0)
	{
		Oid			argtypes[2] = {TIMESTAMPTZOID, FLOAT8OID};

		if (plan)
			SPI_freeplan(plan);
		plan = pm_prepare_kept("regressions query", psprintf(REGRESSIONS_SQL, schema),
							   2, argtypes);
		planSchema = MemoryContextStrdup(TopMemoryContext, schema);
	}
	args[0] = TimestampTzGetDatum(b->takenAt);
	args[1] = Float8GetDatum((double) pm_regression_min_ms);
	ret = SPI_execute_plan(plan, args, NULL, true, 0);
	if (ret != SPI_OK_SELECT)
		elog(ERROR, "regressions query failed: %s", SPI_result_code_string(ret));
	b->n = (int) SPI_processed;
	b->regressions = palloc0(sizeof(Regression) * Max(b->n, 1));
	for (int i = 0; i < b->n; i++)
	{
		HeapTuple	tup = SPI_tuptable->vals[i];
		TupleDesc	desc = SPI_tuptable->tupdesc;
		Regression *r = &b->regressions[i];
		bool		isnull;

		r->query = SPI_getvalue(tup, desc, 2);
		if (r->query == NULL)
			r->query = "";
		r->lowerQuery = str_tolower(r->query, strlen(r->query), DEFAULT_COLLATION_OID);
		r->calls = DatumGetInt64(SPI_getbinval(tup, desc, 3, &isnull));
		r->beforeMs = get_float(tup, desc, 4, -1.0);
		r->afterMs = get_float(tup, desc, 5, 0.0);
		r->rowsBefore = get_float(tup, desc, 6, 0.0);
		r->rowsAfter = get_float(tup, desc, 7, 0.0);
		r->blksBefore = get_float(tup, desc, 8, 0.0);
		r->blksAfter = get_float(tup, desc, 9, 0.0);
	}
	SPI_freetuptable(SPI_tuptable);
}

/* The newest snapshot at or before "at"; false when there is none. */
static bool
baseline_before(TimestampTz at, TimestampTz *takenAt)
{
	static SPIPlanPtr plan = NULL;
	Datum		arg = TimestampTzGetDatum(at);
	bool		isnull;
	int			ret;

	if (plan == NULL)
	{
		Oid			argtype = TIMESTAMPTZOID;

		plan = pm_prepare_kept("baseline query",
							   "SELECT max(s.taken_at) FROM postmortem.statement_snapshot s"
							   " WHERE s.taken_at OPERATOR(pg_catalog.<=) $1",
							   1, &argtype);
	}
	ret = SPI_execute_plan(plan, &arg, NULL, true, 1);
	if (ret != SPI_OK_SELECT || SPI_processed != 1)
		elog(ERROR, "baseline query failed: %s", SPI_result_code_string(ret));
	*takenAt = DatumGetTimestampTz(SPI_getbinval(SPI_tuptable->vals[0],
												 SPI_tuptable->tupdesc, 1, &isnull));
	SPI_freetuptable(SPI_tuptable);
	return !isnull;
}

/* "SELECT … FROM orders WHERE customer_id = $1", cut at a word */
static void
append_query(StringInfo buf, const char *query)
{
	int			len = strlen(query);
	int			cut = len;

	if (len > 80)
	{
		cut = pg_mbcliplen(query, len, 80);
		while (cut > 40 && query[cut] != ' ')
			cut--;
	}
	appendStringInfoString(buf, "\"");
	for (int i = 0; i < cut; i++)
		appendStringInfoChar(buf, (query[i] == '\n' || query[i] == '\t') ? ' ' : query[i]);
	appendStringInfoString(buf, cut < len ? " …\"" : "\"");
}

/* "0.042 ms", "0.42 ms", "4.2 ms", "310 ms" */
static void
append_ms(StringInfo buf, double ms)
{
	appendStringInfo(buf, ms < 0.1 ? "%.3f ms" : ms < 1 ? "%.2f ms" : ms < 100 ? "%.1f ms" : "%.0f ms", ms);
}

/* "went from 0.4 ms to 310 ms per call" (and rows or blocks when they say more) */
static void
append_change(StringInfo buf, const Regression *r)
{
	append_query(buf, r->query);
	if (r->beforeMs < 0)
	{
		appendStringInfoString(buf, " is new: ");
		append_ms(buf, r->afterMs);
		appendStringInfo(buf, " per call over " INT64_FORMAT " calls", r->calls);
	}
	else
	{
		appendStringInfoString(buf, " went from ");
		append_ms(buf, r->beforeMs);
		appendStringInfoString(buf, " to ");
		append_ms(buf, r->afterMs);
		appendStringInfoString(buf, " per call");
		if (r->blksAfter >= 10.0 * Max(r->blksBefore, 1.0))
			appendStringInfo(buf, ", %.0f to %.0f blocks per call", r->blksBefore, r->blksAfter);
		if (r->rowsAfter >= 10.0 * Max(r->rowsBefore, 1.0))
			appendStringInfo(buf, ", %.0f to %.0f rows per call", r->rowsBefore, r->rowsAfter);
	}
}

static bool
is_deploy(Suspect *s)
{
	return s->isEvent && s->nulls[SUSPECT_COL_KIND] == false &&
		strcmp(TextDatumGetCString(s->values[SUSPECT_COL_KIND]), "deploy") == 0;
}

/* Raise a schema change on a table that existing, regressed statements name. */
static void
credit_table_change(Suspect *s, Baseline *b)
{
	StringInfoData buf;
	int			cited = 0;
	double		worst = 0;

	if (s->table == NULL)
		return;
	initStringInfo(&buf);
	for (int i = 0; i < b->n; i++)
	{
		Regression *r = &b->regressions[i];

		if (r->beforeMs < 0 || !document_mentions(r->lowerQuery, s->table))
			continue;
		r->explained = true;
		worst = Max(worst, log10(Max(r->afterMs / Max(r->beforeMs, 0.01), 1.0)));
		if (cited++ < MAX_CITED)
		{
			appendStringInfoString(&buf, cited == 1 ? "; after it " : "; ");
			append_change(&buf, r);
		}
	}
	if (cited == 0)
		return;
	/* 2x slower -> 0.3 of the weight, 10x -> 1, more -> 1 */
	s->score += W_REGRESSED * Min(1.0, Max(worst, 0.3));
	s->reason = psprintf("%s%s", s->reason, buf.data);
}

/* Raise a deploy after which slow statements appeared or regressed unexplained. */
static void
credit_deploy(Suspect *s, Baseline *b)
{
	StringInfoData buf;
	int			fresh = 0;
	int			unexplained = 0;

	initStringInfo(&buf);
	for (int i = 0; i < b->n; i++)
	{
		Regression *r = &b->regressions[i];

		if (r->beforeMs >= 0 && r->explained)
			continue;
		if (r->beforeMs < 0)
			fresh++;
		else
			unexplained++;
		if (fresh + unexplained <= MAX_CITED)
		{
			appendStringInfoString(&buf, fresh + unexplained == 1 ? "; after it " : "; ");
			append_change(&buf, r);
		}
	}
	if (fresh + unexplained == 0)
		return;
	s->score += (fresh > 0 ? W_NEW_STATEMENTS : 0) + (unexplained > 0 ? W_UNEXPLAINED : 0);
	s->reason = psprintf("%s%s", s->reason, buf.data);
}

static int
score_order(const void *a, const void *b)
{
	const Suspect *x = *(Suspect *const *) a;
	const Suspect *y = *(Suspect *const *) b;

	return x->score > y->score ? -1 : x->score < y->score ? 1 : 0;
}

/*
 * Raise the best suspects that the statements which got slower point at.
 * Schema changes claim the regressions first (the statements name their
 * table), then deploys get the new statements and what no table change
 * explains.  SPI connected.
 */
void
pm_regression_suspects(Suspect *suspects, uint64 n, TimestampTz start)
{
	const char *schema = statements_schema(NULL);
	Suspect   **best;
	int			nbest;
	Baseline	baselines[MAX_BASELINES];
	int			nbaselines = 0;
	Baseline   *of[MAX_BASELINES];

	if (schema == NULL || n == 0)
		return;
	best = palloc(sizeof(Suspect *) * n);
	for (uint64 i = 0; i < n; i++)
		best[i] = &suspects[i];
	qsort(best, n, sizeof(Suspect *), score_order);
	nbest = (int) Min(n, MAX_BASELINES);

	/* one regression list per distinct baseline of the best suspects */
	for (int i = 0; i < nbest; i++)
	{
		TimestampTz takenAt;
		int			j;

		of[i] = NULL;
		if (!baseline_before(best[i]->at, &takenAt))
			continue;
		for (j = 0; j < nbaselines; j++)
			if (baselines[j].takenAt == takenAt)
				break;
		if (j == nbaselines)
		{
			baselines[j].takenAt = takenAt;
			load_baseline(&baselines[j], schema);
			nbaselines++;
		}
		of[i] = &baselines[j];
	}
	for (int i = 0; i < nbest; i++)
		if (of[i] && !best[i]->isEvent)
			credit_table_change(best[i], of[i]);
	for (int i = 0; i < nbest; i++)
		if (of[i] && is_deploy(best[i]))
			credit_deploy(best[i], of[i]);
	(void) start;
}

/*
 * Evidence at declaration: the statements that got slower since before the
 * most likely suspect, one entry each.  Returns the number written; SPI
 * connected.
 */
int64
pm_regression_evidence(int64 incident_id)
{
	const char *schema = statements_schema(NULL);
	Oid			argtype = INT8OID;
	Datum		arg = Int64GetDatum(incident_id);
	TimestampTz at;
	TimestampTz takenAt;
	char	   *suspect;
	bool		isnull;
	Baseline	b;
	int			ret;
	int64		written = 0;

	if (schema == NULL)
		return 0;
	ret = SPI_execute_with_args("SELECT s.at, s.command_tag OPERATOR(pg_catalog.||) ' '"
								"       OPERATOR(pg_catalog.||) s.object_identity"
								"  FROM postmortem.suspects($1) s LIMIT 1",
								1, &argtype, &arg, NULL, false, 1);
	if (ret != SPI_OK_SELECT)
		elog(ERROR, "suspects query failed: %s", SPI_result_code_string(ret));
	if (SPI_processed == 0)
		return 0;
	at = DatumGetTimestampTz(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
	suspect = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2);
	if (!baseline_before(at, &takenAt))
		return 0;
	b.takenAt = takenAt;
	load_baseline(&b, schema);
	for (int i = 0; i < Min(b.n, 5); i++)
	{
		StringInfoData buf;
		Oid			types[2] = {INT8OID, TEXTOID};
		Datum		args[2];

		initStringInfo(&buf);
		appendStringInfoString(&buf, "Query regression: ");
		append_change(&buf, &b.regressions[i]);
		appendStringInfo(&buf, "; since before %s (pg_stat_statements)", suspect ? suspect : "the top suspect");
		args[0] = Int64GetDatum(incident_id);
		args[1] = CStringGetTextDatum(buf.data);
		ret = SPI_execute_with_args("INSERT INTO postmortem.timeline (incident_id, at, kind, body, source)"
									" VALUES ($1, pg_catalog.now(), 'evidence', $2, 'evidence')",
									2, types, args, NULL, false, 0);
		if (ret != SPI_OK_INSERT)
			elog(ERROR, "evidence insert failed: %s", SPI_result_code_string(ret));
		written++;
	}
	return written;
}

/*
 * Bounded: 200 snapshots, none older than 7 days (an index range each); run
 * after a snapshot taken on demand (snapshot_statements(), record_change()).
 * Before a schema change the bound is kept by age alone, which costs an
 * index descent (pm_write_statement_snapshot): none older than 7 days, and
 * snapshots there are at least statement_snapshot_interval apart.
 */
#define TRIM_SQL \
	"DELETE FROM postmortem.statement_snapshot s" \
	" WHERE s.taken_at OPERATOR(pg_catalog.<) GREATEST(pg_catalog.now() OPERATOR(pg_catalog.-) interval '7 days'," \
	"       (SELECT k.taken_at FROM (SELECT DISTINCT t.taken_at FROM postmortem.statement_snapshot t" \
	"                                 ORDER BY t.taken_at DESC LIMIT 200) k" \
	"         ORDER BY k.taken_at LIMIT 1))"

static Oid
relation_owner(Oid relid)
{
	HeapTuple	tup = SearchSysCache1(RELOID, ObjectIdGetDatum(relid));
	Oid			owner;

	if (!HeapTupleIsValid(tup))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_TABLE),
				 errmsg("table postmortem.statement_snapshot does not exist"),
				 errhint("ALTER EXTENSION postmortem UPDATE, or reinstall the extension.")));
	owner = ((Form_pg_class) GETSTRUCT(tup))->relowner;
	ReleaseSysCache(tup);
	return owner;
}

/*
 * When the newest snapshot was taken (*last; 0: none), read from the end of
 * the table's primary key (taken_at is its first column) without SQL: the
 * first DDL of every session asks, so it costs an index descent, not a
 * query to parse and plan (that was 1 % of a 300-statement migration).
 * false when the table cannot be read at once (a lock held against it) or
 * is gone.  It raises no error of its own: the DDL path calls it outside a
 * subtransaction (starting and ending one, with the recorder's callbacks,
 * cost more than the rest).
 */
static bool
newest_snapshot(Oid relid, TimestampTz *last)
{
	Relation	rel;
	Relation	idx;
	Oid			pkey;
	SysScanDesc scan;
	HeapTuple	tup;
	Snapshot	snap;
	bool		isnull;
	int			attnum;

	*last = 0;
	if (!OidIsValid(relid) || !ConditionalLockRelationOid(relid, AccessShareLock))
		return false;
	rel = table_open(relid, NoLock);
	pkey = pm_primary_key_index(rel);
	if (!OidIsValid(pkey) || !ConditionalLockRelationOid(pkey, AccessShareLock))
	{
		table_close(rel, AccessShareLock);
		return false;
	}
	idx = index_open(pkey, NoLock);
	attnum = SPI_fnumber(RelationGetDescr(rel), "taken_at");
	snap = RegisterSnapshot(GetLatestSnapshot());
	scan = systable_beginscan_ordered(rel, idx, snap, 0, NULL);
	tup = systable_getnext_ordered(scan, BackwardScanDirection);
	if (HeapTupleIsValid(tup) && attnum > 0)
	{
		Datum		d = heap_getattr(tup, attnum, RelationGetDescr(rel), &isnull);

		if (!isnull)
			*last = DatumGetTimestampTz(d);
	}
	systable_endscan_ordered(scan);
	UnregisterSnapshot(snap);
	index_close(idx, AccessShareLock);
	table_close(rel, AccessShareLock);
	return true;
}

/*
 * Write a snapshot now, unless another session is writing one (then theirs
 * is as good) or this transaction wrote one; returns when the newest one
 * was taken.  pg_stat_statements is read as the owner of
 * postmortem.statement_snapshot, as a SECURITY DEFINER function would: an
 * application role that runs a migration may not read other roles'
 * statements.  On demand (force), the exact bound (TRIM_SQL) follows.
 */
static TimestampTz
write_snapshot(Oid relid, TimestampTz last, bool force)
{
	static SPIPlanPtr trimPlan = NULL;
	Oid			ext = get_extension_oid("pg_stat_statements", false);
	char	   *schema = get_namespace_name(extension_schema(ext));
	Oid			owner = relation_owner(relid);
	TimestampTz at = GetCurrentTransactionStartTimestamp();
	TimestampTz trim = 0;
	Oid			savedUser;
	int			savedSec;
	int			ret;

	/*
	 * One session at a time, by a lock only the table's owner can hold
	 * against us (an advisory lock, any role could hold forever).
	 */
	if (schema == NULL || last == at ||
		!ConditionalLockRelationOid(relid, ShareRowExclusiveLock))
		return last;
	if (!force)
		trim = at - (TimestampTz) 7 * USECS_PER_DAY;
	if (pm_write_statement_snapshot(relid, schema, owner, at, pm_snapshot_size, trim, NULL) <= 0)
		return last;
	if (force)
	{
		GetUserIdAndSecContext(&savedUser, &savedSec);
		SetUserIdAndSecContext(owner, savedSec | SECURITY_LOCAL_USERID_CHANGE |
							   SECURITY_RESTRICTED_OPERATION);
		PG_TRY();
		{
			if (SPI_connect() != SPI_OK_CONNECT)
				elog(ERROR, "SPI_connect failed");
			if (trimPlan == NULL)
				trimPlan = pm_prepare_kept("snapshot trim", TRIM_SQL, 0, NULL);
			ret = SPI_execute_plan(trimPlan, NULL, NULL, false, 0);
			if (ret != SPI_OK_DELETE)
				elog(ERROR, "snapshot trim failed: %s", SPI_result_code_string(ret));
			SPI_finish();
		}
		PG_FINALLY();
		{
			SetUserIdAndSecContext(savedUser, savedSec);
		}
		PG_END_TRY();
	}
	return at;
}

/*
 * postmortem.statement_snapshot, when pg_stat_statements can be read here
 * (preloaded, and installed in this database); InvalidOid otherwise.
 * Syscache lookups and one scan of pg_extension's index.
 */
static Oid
snapshot_relid(void)
{
	Oid			nsp;

	if (!statements_preloaded() ||
		!OidIsValid(get_extension_oid("pg_stat_statements", true)) ||
		!OidIsValid(nsp = get_namespace_oid("postmortem", true)))
		return InvalidOid;
	return get_relname_relid("statement_snapshot", nsp);
}

/*
 * Take a snapshot if one is due (or always, with force); returns when the
 * newest one was taken (0 when there is none).  Without pg_stat_statements
 * (not preloaded, or not installed here) nothing.
 */
static TimestampTz
take_snapshot(bool force)
{
	Oid			relid = snapshot_relid();
	TimestampTz last;

	if (!OidIsValid(relid))
	{
		/* pg_stat_statements is there but the table is not: say so */
		if (statements_preloaded() &&
			OidIsValid(get_extension_oid("pg_stat_statements", true)))
			(void) relation_owner(relid);
		return 0;
	}
	if (!newest_snapshot(relid, &last))
		return last;
	if (!force && last != 0 &&
		last + (TimestampTz) pm_snapshot_interval * USECS_PER_SEC > GetCurrentTransactionStartTimestamp())
		return last;
	return write_snapshot(relid, last, force);
}

/* snapshot_statements(force): take a snapshot (if due, without force) */
PG_FUNCTION_INFO_V1(postmortem_snapshot_statements);
Datum
postmortem_snapshot_statements(PG_FUNCTION_ARGS)
{
	TimestampTz last = take_snapshot(PG_GETARG_BOOL(0));

	if (last == 0)
		PG_RETURN_NULL();
	PG_RETURN_TIMESTAMPTZ(last);
}

/* The snapshot that is due, in a subtransaction (arg: the table, the newest) */
typedef struct DueSnapshot
{
	Oid			relid;
	TimestampTz last;
} DueSnapshot;

static void
snapshot_due(void *arg)
{
	DueSnapshot *due = (DueSnapshot *) arg;

	(void) relation_owner(due->relid);	/* an error when the table is gone */
	due->last = write_snapshot(due->relid, due->last, false);
}

/*
 * The due snapshot, by a background worker (snapshot_worker.c) this DDL
 * waits for: its instructions are not the migration's.  false when no
 * worker can be started (the caller takes the snapshot itself); otherwise
 * due->last is the newest snapshot after it (0: none was written, said in a
 * WARNING).
 */
static bool
snapshot_by_worker(DueSnapshot *due)
{
	Oid			ext = get_extension_oid("pg_stat_statements", true);
	char	   *schema = OidIsValid(ext) ? get_namespace_name(extension_schema(ext)) : NULL;
	TimestampTz last;
	bool		waited;

	if (schema == NULL || !pm_snapshot_worker ||
		!pm_snapshot_by_worker(due->relid, relation_owner(due->relid), schema,
							   GetCurrentTransactionStartTimestamp(),
							   pm_snapshot_size, &waited))
		return false;
	if (waited && newest_snapshot(due->relid, &last) && last > due->last)
	{
		due->last = last;
		return true;
	}
	due->last = 0;
	ereport(WARNING,
			(errmsg("postmortem: no pg_stat_statements snapshot before this command"),
			 errdetail(waited ? "The background worker that takes it wrote none."
					   : "The background worker that takes it did not end in time."),
			 errhint("The server log says why.")));
	return true;
}

/*
 * Before a DDL command (pm_before_ddl_hook, called by the recorder's
 * ddl_command_start trigger): a pg_stat_statements snapshot when one is due.
 * The first DDL of a session reads when the newest snapshot was taken (an
 * index descent, newest_snapshot()); then, until the next is due, a
 * statement costs a timestamp comparison.  A due snapshot is taken by a
 * background worker the command waits for, or here when no worker can be
 * started.  Never breaks the command: a failure is a WARNING (a cancel or a
 * deadlock is re-thrown).
 */
static void
snapshot_before_ddl(Node *parsetree)
{
	TimestampTz now = GetCurrentTimestamp();
	TimestampTz interval = (TimestampTz) pm_snapshot_interval * USECS_PER_SEC;
	DueSnapshot due;
	ErrorData  *edata;

	if (pm_snapshot_interval <= 0 || creating_extension || now < next_snapshot)
		return;

	/*
	 * DROP INDEX CONCURRENTLY must be the first action of its transaction:
	 * the snapshot's rows would give it a transaction id and make it fail.
	 */
	if (IsA(parsetree, DropStmt) && ((DropStmt *) parsetree)->concurrent)
		return;
	due.relid = snapshot_relid();
	if (!OidIsValid(due.relid))
	{
		/* look again in a while: it may be installed later */
		next_snapshot = now + interval;
		return;
	}
	/* a lock held against the table: look again at the next command */
	if (!newest_snapshot(due.relid, &due.last))
		return;
	if (due.last != 0 && due.last + interval > GetCurrentTransactionStartTimestamp())
	{
		next_snapshot = due.last + interval;
		return;
	}
	if (snapshot_by_worker(&due))
	{
		next_snapshot = (due.last ? due.last : now) + interval;
		return;
	}
	if (!pm_in_subtransaction(snapshot_due, &due, &edata))
	{
		if (pm_error_belongs_to_statement(edata->sqlerrcode))
			ReThrowError(edata);
		next_snapshot = now + interval;
		ereport(WARNING,
				(errcode(edata->sqlerrcode),
				 errmsg("postmortem: no pg_stat_statements snapshot before this command: %s",
						edata->message)));
		FreeErrorData(edata);
		return;
	}
	next_snapshot = (due.last ? due.last : now) + interval;
}

/* Called from _PG_init. */
void
pm_regression_init(void)
{
	pm_query_regression_status = pm_regression_status;
	pm_before_ddl_hook = snapshot_before_ddl;
	DefineCustomIntVariable("postmortem.statement_snapshot_interval",
							"Least time between two pg_stat_statements snapshots taken before schema changes.",
							"0 takes none before schema changes.",
							&pm_snapshot_interval, 300, 0, 86400 * 7,
							PGC_SUSET, GUC_UNIT_S, NULL, NULL, NULL);
	DefineCustomIntVariable("postmortem.statement_snapshot_size",
							"Statements kept per pg_stat_statements snapshot, the most expensive first.",
							NULL, &pm_snapshot_size, 500, 10, 100000,
							PGC_SUSET, 0, NULL, NULL, NULL);
	DefineCustomBoolVariable("postmortem.statement_snapshot_worker",
							 "Takes the pg_stat_statements snapshot a schema change finds due in a background worker.",
							 "The command waits for it; off, or when no worker can start (max_worker_processes), the session takes it itself.",
							 &pm_snapshot_worker, true,
							 PGC_SUSET, 0, NULL, NULL, NULL);
	DefineCustomIntVariable("postmortem.regression_min_ms",
							"Least growth of a statement's mean time per call that counts as a regression.",
							NULL, &pm_regression_min_ms, 1, 0, 3600000,
							PGC_USERSET, GUC_UNIT_MS, NULL, NULL, NULL);
}
