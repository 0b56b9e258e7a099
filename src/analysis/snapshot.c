/*-------------------------------------------------------------------------
 *
 * snapshot.c
 *	  Writing a pg_stat_statements snapshot into
 *	  postmortem.statement_snapshot without SQL.
 *
 * A snapshot is taken at the first schema change of a session when one is
 * due (regression.c), so what it costs is paid by migrations.  Through SPI,
 * parsing and planning its INSERT ... SELECT and the trim took most of it
 * (2-3 % of a 300-statement migration).  Here pg_stat_statements' own
 * set-returning function is called directly (materialize mode), its rows
 * are summed per (queryid, userid) of this database in a hash table, the
 * most expensive are written with table_multi_insert() and their index
 * entries, and the rows older than the bound are deleted by a scan of the
 * primary key from its start.  The columns of pg_stat_statements are found
 * by name, so any version that has total_exec_time (1.8, PostgreSQL 13, on)
 * is read alike.
 *
 * Called by regression.c and by the snapshot worker (snapshot_worker.c),
 * with the table locked in SHARE ROW EXCLUSIVE mode (one writer at a time).
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "access/genam.h"
#include "access/htup_details.h"
#include "access/table.h"
#include "access/tableam.h"
#include "catalog/pg_type.h"
#include "catalog/namespace.h"
#include "executor/executor.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "nodes/makefuncs.h"
#include "parser/parse_func.h"
#include "utils/builtins.h"
#include "utils/hsearch.h"
#include "utils/memutils.h"
#include "storage/lock.h"
#include "utils/rel.h"
#include "utils/snapmgr.h"
#include "utils/tuplestore.h"

#include "postmortem.h"
#include "compat.h"
#include "analysis/analysis.h"

/* One statement of the snapshot: its counters summed over toplevel. */
typedef struct SnapKey
{
	int64		queryid;
	Oid			userid;
} SnapKey;

typedef struct SnapEntry
{
	SnapKey		key;
	int64		calls;
	double		totalExecTime;
	int64		rows;
	int64		blks;
} SnapEntry;

/* Columns of pg_stat_statements read, found by name. */
enum
{
	P_USERID, P_DBID, P_QUERYID, P_CALLS, P_TOTAL_EXEC_TIME, P_ROWS,
	P_SHARED_BLKS_HIT, P_SHARED_BLKS_READ, P_NCOLS
};
static const char *const pss_columns[P_NCOLS] = {
	"userid", "dbid", "queryid", "calls", "total_exec_time", "rows",
	"shared_blks_hit", "shared_blks_read"
};

/* Columns of postmortem.statement_snapshot written. */
enum
{
	S_TAKEN_AT, S_QUERYID, S_USERID, S_CALLS, S_TOTAL_EXEC_TIME, S_ROWS,
	S_BLKS, S_NCOLS
};
static const char *const snap_columns[S_NCOLS] = {
	"taken_at", "queryid", "userid", "calls", "total_exec_time", "rows", "blks"
};

/*
 * Call schema.pg_stat_statements(false) (schema unquoted) (no query texts: reading the text
 * file would be most of the cost) in materialize mode, as the user owner;
 * its rows and their descriptor.
 */
static Tuplestorestate *
call_pg_stat_statements(const char *schema, Oid owner, TupleDesc *desc)
{
	Oid			argtype = BOOLOID;
	Oid			fnoid;
	FmgrInfo	flinfo;
	ReturnSetInfo rsinfo;
	ExprContext *econtext;
	Oid			savedUser;
	int			savedSec;

	LOCAL_FCINFO(fcinfo, 1);

	fnoid = LookupFuncName(list_make2(makeString(pstrdup(schema)),
									  makeString("pg_stat_statements")),
						   1, &argtype, false);
	fmgr_info(fnoid, &flinfo);
	econtext = CreateStandaloneExprContext();
	memset(&rsinfo, 0, sizeof(rsinfo));
	rsinfo.type = T_ReturnSetInfo;
	rsinfo.econtext = econtext;
	rsinfo.allowedModes = SFRM_Materialize;
	rsinfo.returnMode = SFRM_ValuePerCall;
	InitFunctionCallInfoData(*fcinfo, &flinfo, 1, InvalidOid, NULL, (Node *) &rsinfo);
	fcinfo->args[0].value = BoolGetDatum(false);
	fcinfo->args[0].isnull = false;

	/* as the owner: a migration's role may not see other roles' statements */
	GetUserIdAndSecContext(&savedUser, &savedSec);
	SetUserIdAndSecContext(owner, savedSec | SECURITY_LOCAL_USERID_CHANGE |
						   SECURITY_RESTRICTED_OPERATION);
	PG_TRY();
	{
		(void) FunctionCallInvoke(fcinfo);
	}
	PG_FINALLY();
	{
		SetUserIdAndSecContext(savedUser, savedSec);
	}
	PG_END_TRY();
	FreeExprContext(econtext, true);
	if (rsinfo.returnMode != SFRM_Materialize || rsinfo.setResult == NULL)
		elog(ERROR, "pg_stat_statements returned no tuplestore");
	*desc = rsinfo.setDesc;
	return rsinfo.setResult;
}

/* This database's statements in the tuplestore, summed per (queryid, userid). */
static HTAB *
sum_statements(Tuplestorestate *store, TupleDesc desc)
{
	HASHCTL		ctl;
	HTAB	   *htab;
	int			col[P_NCOLS];
	TupleTableSlot *slot = MakeSingleTupleTableSlot(desc, &TTSOpsMinimalTuple);

	for (int i = 0; i < P_NCOLS; i++)
	{
		col[i] = SPI_fnumber(desc, pss_columns[i]) - 1;
		if (col[i] < 0)
			ereport(ERROR,
					(errcode(ERRCODE_UNDEFINED_COLUMN),
					 errmsg("pg_stat_statements has no column \"%s\"", pss_columns[i]),
					 errhint("postmortem reads pg_stat_statements 1.8 (PostgreSQL 13) and later: ALTER EXTENSION pg_stat_statements UPDATE.")));
	}
	ctl.keysize = sizeof(SnapKey);
	ctl.entrysize = sizeof(SnapEntry);
	ctl.hcxt = CurrentMemoryContext;
	htab = hash_create("postmortem snapshot", 256, &ctl,
					   HASH_ELEM | HASH_BLOBS | HASH_CONTEXT);

	while (tuplestore_gettupleslot(store, true, false, slot))
	{
		Datum	   *v;
		bool	   *n;
		SnapKey		key;
		SnapEntry  *e;
		bool		found;

		slot_getallattrs(slot);
		v = slot->tts_values;
		n = slot->tts_isnull;
		if (n[col[P_QUERYID]] || n[col[P_DBID]] || n[col[P_USERID]] ||
			DatumGetObjectId(v[col[P_DBID]]) != MyDatabaseId)
			continue;
		memset(&key, 0, sizeof(key));
		key.queryid = DatumGetInt64(v[col[P_QUERYID]]);
		key.userid = DatumGetObjectId(v[col[P_USERID]]);
		e = hash_search(htab, &key, HASH_ENTER, &found);
		if (!found)
		{
			e->calls = 0;
			e->totalExecTime = 0;
			e->rows = 0;
			e->blks = 0;
		}
		e->calls += DatumGetInt64(v[col[P_CALLS]]);
		e->totalExecTime += DatumGetFloat8(v[col[P_TOTAL_EXEC_TIME]]);
		e->rows += DatumGetInt64(v[col[P_ROWS]]);
		e->blks += DatumGetInt64(v[col[P_SHARED_BLKS_HIT]]) +
			DatumGetInt64(v[col[P_SHARED_BLKS_READ]]);
	}
	ExecDropSingleTupleTableSlot(slot);
	return htab;
}

static int
most_expensive_first(const void *a, const void *b)
{
	const SnapEntry *x = *(SnapEntry *const *) a;
	const SnapEntry *y = *(SnapEntry *const *) b;

	if (x->totalExecTime != y->totalExecTime)
		return x->totalExecTime > y->totalExecTime ? -1 : 1;
	if (x->key.queryid != y->key.queryid)
		return x->key.queryid < y->key.queryid ? -1 : 1;
	return x->key.userid < y->key.userid ? -1 : x->key.userid > y->key.userid;
}

/* Write the entries (at most size, the most expensive) taken at "at". */
static int64
insert_snapshot(Relation rel, HTAB *htab, TimestampTz at, int size)
{
	TupleDesc	desc = RelationGetDescr(rel);
	long		n = hash_get_num_entries(htab);
	SnapEntry **entries = palloc(sizeof(SnapEntry *) * Max(n, 1));
	HASH_SEQ_STATUS seq;
	SnapEntry  *e;
	EState	   *estate;
	ResultRelInfo *rri;
	TupleTableSlot *slot;
	Datum	   *values;
	bool	   *nulls;
	int			col[S_NCOLS];
	long		i = 0;

	hash_seq_init(&seq, htab);
	while ((e = hash_seq_search(&seq)) != NULL)
		entries[i++] = e;
	qsort(entries, n, sizeof(SnapEntry *), most_expensive_first);
	n = Min(n, size);
	if (n == 0)
		return 0;

	for (int c = 0; c < S_NCOLS; c++)
		col[c] = pm_column_attnum(rel, snap_columns[c]) - 1;
	values = palloc(sizeof(Datum) * desc->natts);
	nulls = palloc(sizeof(bool) * desc->natts);
	estate = CreateExecutorState();
	rri = makeNode(ResultRelInfo);
	InitResultRelInfo(rri, rel, 0, NULL, 0);
	ExecOpenIndices(rri, false);
	slot = ExecInitExtraTupleSlot(estate, desc, &TTSOpsHeapTuple);
	for (i = 0; i < n; i++)
	{
		for (int c = 0; c < desc->natts; c++)
			nulls[c] = true;
		values[col[S_TAKEN_AT]] = TimestampTzGetDatum(at);
		values[col[S_QUERYID]] = Int64GetDatum(entries[i]->key.queryid);
		values[col[S_USERID]] = ObjectIdGetDatum(entries[i]->key.userid);
		values[col[S_CALLS]] = Int64GetDatum(entries[i]->calls);
		values[col[S_TOTAL_EXEC_TIME]] = Float8GetDatum(entries[i]->totalExecTime);
		values[col[S_ROWS]] = Int64GetDatum(entries[i]->rows);
		values[col[S_BLKS]] = Int64GetDatum(entries[i]->blks);
		for (int c = 0; c < S_NCOLS; c++)
			nulls[col[c]] = false;
		ExecStoreHeapTuple(heap_form_tuple(desc, values, nulls), slot, true);
		table_tuple_insert(rel, slot, GetCurrentCommandId(true), 0, NULL);
		pm_insert_index_tuples(rri, slot, estate);
		ExecClearTuple(slot);
	}
	ExecCloseIndices(rri);
	ExecResetTupleTable(estate->es_tupleTable, false);
	FreeExecutorState(estate);
	return n;
}

/*
 * Delete the snapshots taken before "before": a scan of the primary key
 * (taken_at first) from its start, stopped at the first newer row, so that
 * when nothing is that old it costs one index descent.
 */
static void
trim_snapshots(Relation rel, Relation pkey, TimestampTz before)
{
	Snapshot	snap = RegisterSnapshot(GetLatestSnapshot());
	SysScanDesc scan = systable_beginscan_ordered(rel, pkey, snap, 0, NULL);
	int			attnum = pm_column_attnum(rel, "taken_at");
	HeapTuple	tup;
	bool		isnull;

	while (HeapTupleIsValid(tup = systable_getnext_ordered(scan, ForwardScanDirection)))
	{
		Datum		d = heap_getattr(tup, attnum, RelationGetDescr(rel), &isnull);

		if (!isnull && DatumGetTimestampTz(d) >= before)
			break;
		simple_table_tuple_delete(rel, &tup->t_self, snap);
	}
	systable_endscan_ordered(scan);
	UnregisterSnapshot(snap);
}

/*
 * Write this database's pg_stat_statements counters (the size most
 * expensive statements) into statement_snapshot (relid) as taken at "at",
 * reading them as owner, and delete the snapshots taken before "trim".  The
 * caller holds the table in SHARE ROW EXCLUSIVE mode.  Returns the rows
 * written.  With change (a background worker's snapshot for a schema
 * change, snapshot_worker.c), nothing is written, and -1 returned, unless
 * that transaction was still running when the counters had been read: they
 * are then from before the change.
 */
int64
pm_write_statement_snapshot(Oid relid, const char *schema, Oid owner,
							TimestampTz at, int size, TimestampTz trim,
							const VirtualTransactionId *change)
{
	MemoryContext cxt = AllocSetContextCreate(CurrentMemoryContext,
											  "postmortem snapshot",
											  ALLOCSET_DEFAULT_SIZES);
	MemoryContext old = MemoryContextSwitchTo(cxt);
	Relation	rel = table_open(relid, NoLock);
	Relation	pkey = index_open(pm_primary_key_index(rel), RowExclusiveLock);
	TupleDesc	desc;
	Tuplestorestate *store = call_pg_stat_statements(schema, owner, &desc);
	int64		written = -1;

	/* VirtualXactLock(..., false) is true when that transaction has ended */
	if (change == NULL || !VirtualXactLock(*change, false))
		written = insert_snapshot(rel, sum_statements(store, desc), at, size);
	tuplestore_end(store);
	if (trim > 0 && written >= 0)
		trim_snapshots(rel, pkey, trim);
	index_close(pkey, RowExclusiveLock);
	table_close(rel, NoLock);
	MemoryContextSwitchTo(old);
	MemoryContextDelete(cxt);
	return written;
}
