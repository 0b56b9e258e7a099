/*-------------------------------------------------------------------------
 *
 * write.c
 *	  The write at commit: a transaction's pending rows get their migration
 *	  (migration.c), are chained (chain.c) and inserted into
 *	  postmortem.schema_change directly, as the extension.
 *
 * Called by capture.c at XACT_EVENT_PRE_COMMIT / PRE_PREPARE with the rows;
 * calls nothing in capture.c or hook.c.
 *
 * Each origin has its own chain, and its head (newest id and row_hash) in
 * postmortem.schema_change_head.  A commit takes the chain lock (an object
 * lock on the head table, which nothing else takes, held until commit),
 * reads its origin's head with the latest snapshot, gives its rows the next
 * ids and chains them, and updates the head: ids come from the head, not a
 * sequence, so lastval() is left alone, and the head rolls back with the
 * rows, so a crash or a rollback leaves no gap to report.
 *
 * PREPARE TRANSACTION must not hold the chain lock until COMMIT PREPARED:
 * its rows go to postmortem.schema_change_pending instead, unchained, and
 * the next commit that takes the chain lock chains those whose transaction
 * committed (a ROLLBACK PREPARED leaves nothing there).
 *
 * A database still at 0.1.0 (the library updated, ALTER EXTENSION UPDATE
 * not yet run) has no head table: its rows are chained as 0.1.0 did, ids
 * from schema_change_id_seq under a lock on it.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "access/genam.h"
#include "access/heapam.h"
#include "access/htup_details.h"
#include "access/relscan.h"
#include "access/table.h"
#include "access/tableam.h"
#include "access/xact.h"
#include "catalog/indexing.h"
#include "catalog/namespace.h"
#include "catalog/pg_class.h"
#include "catalog/pg_collation.h"
#include "commands/sequence.h"
#include "common/sha2.h"
#include "executor/executor.h"
#include "storage/bufmgr.h"
#include "storage/lmgr.h"
#include "utils/builtins.h"
#include "utils/datum.h"
#include "utils/fmgroids.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/relcache.h"
#include "utils/snapmgr.h"

#include "compat.h"
#include "recorder/recorder.h"

/* rows written by one multi-insert at commit */
#define PM_INSERT_BATCH 64
/* ... or fewer, once their tuples (before TOAST) hold this many bytes */
#define PM_INSERT_BATCH_BYTES (1024 * 1024)

/* columns of postmortem.schema_change_head */
#define HEAD_ORIGIN 1
#define HEAD_LAST_ID 2
#define HEAD_LAST_HASH 3
#define HEAD_FIRST_PREV_HASH 4
#define HEAD_NATTS 4

/* The end of one origin's chain, as the head table has it. */
typedef struct ChainHead
{
	bool		found;			/* the origin has a head row */
	ItemPointerData tid;		/* where it is */
	int64		lastId;
	Datum		lastHash;		/* (Datum) 0 for an empty chain */
	bool		firstPrevNull;
	Datum		firstPrev;
} ChainHead;

/*
 * A schema name or qualified table name in a temporary schema: pg_temp (as
 * event triggers name the session's own), pg_temp_N, pg_toast_temp_N.  No
 * other schema name starts with pg_ (they are reserved).
 */
static bool
temporary_name(RecordedRow *row, ScColumn col)
{
	const char *s;

	if (row->nulls[col])
		return false;
	s = TextDatumGetCString(row->values[col]);
	return strncmp(s, "pg_temp", 7) == 0 || strncmp(s, "pg_toast_temp_", 14) == 0;
}

/*
 * pm_row_is_temporary: the row is about a temporary object (one in a
 * temporary schema, or belonging to a temporary table), which no other
 * session can see or be affected by.
 */
bool
pm_row_is_temporary(RecordedRow *row)
{
	return temporary_name(row, SC_SCHEMA_NAME) || temporary_name(row, SC_TABLE_NAME);
}

/*
 * pm_drop_temporary_rows: the rows that are recorded, given
 * postmortem.record_temp_objects.  Called by capture.c before the write, so
 * that a transaction that touched only temporary objects writes nothing and
 * takes no lock.
 */
List *
pm_drop_temporary_rows(List *rows)
{
	ListCell   *lc;

	if (pm_record_temp_objects)
		return rows;
	foreach(lc, rows)
		if (pm_row_is_temporary(lfirst(lc)))
			rows = foreach_delete_current(rows, lc);
	return rows;
}

/* The relation a statement names is temporary (or will be, when created). */
static bool
temporary_relation(RangeVar *rv, bool created)
{
	Oid			relid;

	if (rv == NULL)
		return false;
	if (rv->relpersistence == RELPERSISTENCE_TEMP ||
		(rv->schemaname && strcmp(rv->schemaname, "pg_temp") == 0))
		return true;
	if (created)
		return false;
	relid = RangeVarGetRelid(rv, NoLock, true);
	return OidIsValid(relid) && get_rel_persistence(relid) == RELPERSISTENCE_TEMP;
}

/*
 * pm_statement_is_temporary: at ddl_command_start, the statement creates
 * or changes only a temporary relation, and postmortem.record_temp_objects
 * is off: capture.c then records nothing of it (and computes nothing).
 * Statements not recognized here are decided row by row at commit
 * (pm_drop_temporary_rows).
 */
bool
pm_statement_is_temporary(Node *parsetree)
{
	if (pm_record_temp_objects || parsetree == NULL)
		return false;
	switch (nodeTag(parsetree))
	{
		case T_CreateStmt:
			return temporary_relation(((CreateStmt *) parsetree)->relation, true);
		case T_CreateTableAsStmt:
			return temporary_relation(((CreateTableAsStmt *) parsetree)->into->rel, true);
		case T_ViewStmt:
			return temporary_relation(((ViewStmt *) parsetree)->view, true);
		case T_CreateSeqStmt:
			return temporary_relation(((CreateSeqStmt *) parsetree)->sequence, true);
		case T_IndexStmt:
			return temporary_relation(((IndexStmt *) parsetree)->relation, false);
		case T_AlterTableStmt:
			return temporary_relation(((AlterTableStmt *) parsetree)->relation, false);
		default:
			return false;
	}
}

/*
 * The column maps of schema_change and schema_change_pending, kept until a
 * relcache invalidation (an ALTER TABLE of either, or any reset): finding
 * 40 columns by name costs 50 k instructions, twice per commit.
 */
typedef struct ColumnMap
{
	Oid			relid;
	int			map[SC_NCOLUMNS];
} ColumnMap;

static ColumnMap column_maps[2];
static int	ncolumn_maps = 0;
static bool column_maps_callback = false;

static void
column_maps_forget(Datum arg, Oid relid)
{
	int			i;

	for (i = 0; i < ncolumn_maps; i++)
		if (!OidIsValid(relid) || column_maps[i].relid == relid)
			ncolumn_maps = 0;
}

static void map_columns_uncached(Relation rel, int *map);

/* map[col] = attribute number - 1 of each recorder column in rel */
static void
map_columns(Relation rel, int *map)
{
	int			i;

	for (i = 0; i < ncolumn_maps; i++)
		if (column_maps[i].relid == RelationGetRelid(rel))
		{
			memcpy(map, column_maps[i].map, sizeof(column_maps[i].map));
			return;
		}
	map_columns_uncached(rel, map);
	if (!column_maps_callback)
	{
		CacheRegisterRelcacheCallback(column_maps_forget, (Datum) 0);
		column_maps_callback = true;
	}
	if (ncolumn_maps == lengthof(column_maps))
		ncolumn_maps = 0;
	column_maps[ncolumn_maps].relid = RelationGetRelid(rel);
	memcpy(column_maps[ncolumn_maps].map, map, sizeof(column_maps[ncolumn_maps].map));
	ncolumn_maps++;
}

static void
map_columns_uncached(Relation rel, int *map)
{
	TupleDesc	desc = RelationGetDescr(rel);
	int			i;

	for (i = 0; i < SC_NCOLUMNS; i++)
	{
		int			attno;

		map[i] = -1;
		for (attno = 0; attno < desc->natts; attno++)
		{
			Form_pg_attribute att = TupleDescAttr(desc, attno);

			if (!att->attisdropped && strcmp(NameStr(att->attname), sc_column_names[i]) == 0)
			{
				if (att->atttypid != sc_column_types[i])
					ereport(ERROR,
							(errcode(ERRCODE_DATATYPE_MISMATCH),
							 errmsg("column \"%s\" of postmortem.%s has an unexpected type",
									sc_column_names[i], RelationGetRelationName(rel)),
							 errhint("The recorder writes the columns the extension created; restore them with their type.")));
				map[i] = attno;
			}
		}
		/* a column added after 0.1.0 is missing until ALTER EXTENSION UPDATE */
		if (map[i] < 0 && i >= SC_NCOLUMNS_0_1_0)
			continue;
		if (map[i] < 0)
			ereport(ERROR,
					(errcode(ERRCODE_UNDEFINED_COLUMN),
					 errmsg("column \"%s\" of postmortem.%s is missing",
							sc_column_names[i], RelationGetRelationName(rel)),
					 errhint("The recorder writes the columns the extension created; restore the column.")));
	}
}

/* Insert the rows into rel (schema_change or schema_change_pending). */
static void
insert_rows(Relation rel, List *rows)
{
	TupleDesc	desc = RelationGetDescr(rel);
	int			map[SC_NCOLUMNS];
	EState	   *estate = CreateExecutorState();
	ResultRelInfo *rri = makeNode(ResultRelInfo);
	TupleTableSlot **slots;
	Datum	   *values = palloc(sizeof(Datum) * desc->natts);
	bool	   *nulls = palloc(sizeof(bool) * desc->natts);
	int			nslots = Min(list_length(rows), PM_INSERT_BATCH);
	int			n = 0;
	Size		batchBytes = 0;
	HeapTuple	tuple;
	int			i;
	ListCell   *lc;

	map_columns(rel, map);
	InitResultRelInfo(rri, rel, 0, NULL, 0);
	ExecOpenIndices(rri, false);
	slots = palloc(sizeof(TupleTableSlot *) * nslots);
	for (i = 0; i < nslots; i++)
		slots[i] = ExecInitExtraTupleSlot(estate, desc, &TTSOpsHeapTuple);

	foreach(lc, rows)
	{
		RecordedRow *row = lfirst(lc);

		for (i = 0; i < desc->natts; i++)
			nulls[i] = true;
		for (i = 0; i < SC_NCOLUMNS; i++)
		{
			if (map[i] < 0)
				continue;
			values[map[i]] = row->values[i];
			nulls[map[i]] = row->nulls[i];
		}
		tuple = heap_form_tuple(desc, values, nulls);
		batchBytes += tuple->t_len;
		ExecStoreHeapTuple(tuple, slots[n], true);
		/* a batch of long statements is written at once, not 64 copies */
		if (++n == nslots || lnext(rows, lc) == NULL || batchBytes > PM_INSERT_BATCH_BYTES)
		{
			batchBytes = 0;
			table_multi_insert(rel, slots, n, GetCurrentCommandId(true), 0, NULL);
			for (i = 0; i < n; i++)
			{
				pm_insert_index_tuples(rri, slots[i], estate);
				ExecClearTuple(slots[i]);
			}
			n = 0;
		}
	}

	ExecCloseIndices(rri);
	ExecResetTupleTable(estate->es_tupleTable, false);
	FreeExecutorState(estate);
}

/*
 * Give the rows ids after lastId and chain them after prev; returns the
 * newest row's hash (prev when there are no rows).
 */
static Datum
chain_rows(List *rows, int64 lastId, Datum prev, bool prevNull)
{
	ListCell   *lc;

	foreach(lc, rows)
	{
		RecordedRow *row = lfirst(lc);
		uint8		digest[PG_SHA256_DIGEST_LENGTH];
		bytea	   *hash;

		set_datum(row, SC_ID, Int64GetDatum(++lastId));
		row->values[SC_PREV_HASH] = prev;
		row->nulls[SC_PREV_HASH] = prevNull;
		pm_row_hash(row->values, row->nulls, digest);
		hash = palloc(VARHDRSZ + PG_SHA256_DIGEST_LENGTH);
		SET_VARSIZE(hash, VARHDRSZ + PG_SHA256_DIGEST_LENGTH);
		memcpy(VARDATA(hash), digest, PG_SHA256_DIGEST_LENGTH);
		set_datum(row, SC_ROW_HASH, PointerGetDatum(hash));
		prev = PointerGetDatum(hash);
		prevNull = false;
	}
	return prev;
}

/*
 * The largest id in schema_change, of any origin.  The primary key is
 * (origin, id): the end of each origin's range, found by a skip scan
 * backwards over the origins (one descent per origin, and one more; a
 * database holds one origin, a centre one per database it collects).  A
 * dirty snapshot also sees the rows this transaction inserted (by hand, in
 * any command) and those of transactions still in progress.
 */
static int64
max_id(Relation rel)
{
	SnapshotData dirty;
	Relation	pkey = index_open(pm_primary_key_index(rel), AccessShareLock);
	TupleDesc	desc = RelationGetDescr(rel);
	int			map[SC_NCOLUMNS];
	ScanKeyData key;
	int			nkeys = 0;
	Datum		origin = (Datum) 0;
	int64		id = 0;

	map_columns(rel, map);
	InitDirtySnapshot(dirty);
	for (;;)
	{
		SysScanDesc scan;
		HeapTuple	last;
		bool		isnull;
		Datum		d;

		/* the origins before the last one seen: origin < it, in "C" order */
		if (nkeys > 0)
			ScanKeyEntryInitialize(&key, 0, map[SC_ORIGIN] + 1,
								   BTLessStrategyNumber, InvalidOid,
								   C_COLLATION_OID, F_TEXT_LT, origin);
		scan = systable_beginscan_ordered(rel, pkey, &dirty, nkeys, &key);
		last = systable_getnext_ordered(scan, BackwardScanDirection);
		if (!HeapTupleIsValid(last))
		{
			systable_endscan_ordered(scan);
			break;
		}
		d = heap_getattr(last, map[SC_ID] + 1, desc, &isnull);
		if (!isnull)
			id = Max(id, DatumGetInt64(d));
		d = heap_getattr(last, map[SC_ORIGIN] + 1, desc, &isnull);
		if (isnull)
		{
			systable_endscan_ordered(scan);
			break;
		}
		origin = datumCopy(d, false, -1);
		nkeys = 1;
		systable_endscan_ordered(scan);
	}
	index_close(pkey, AccessShareLock);
	return id;
}

/* Read the head of origin's chain. */
static void
read_head(Relation head, const char *origin, Snapshot snap, ChainHead *out)
{
	ScanKeyData key;
	SysScanDesc scan;
	HeapTuple	tup;

	memset(out, 0, sizeof(ChainHead));
	out->firstPrevNull = true;
	ScanKeyInit(&key, HEAD_ORIGIN, BTEqualStrategyNumber, F_TEXTEQ,
				CStringGetTextDatum(origin));
	scan = systable_beginscan(head, pm_primary_key_index(head), true,
							  snap, 1, &key);
	tup = systable_getnext(scan);
	if (HeapTupleIsValid(tup))
	{
		TupleDesc	desc = RelationGetDescr(head);
		bool		isnull;

		out->found = true;
		out->tid = tup->t_self;
		out->lastId = DatumGetInt64(heap_getattr(tup, HEAD_LAST_ID, desc, &isnull));
		out->lastHash = datumCopy(heap_getattr(tup, HEAD_LAST_HASH, desc, &isnull), false, -1);
		out->firstPrev = heap_getattr(tup, HEAD_FIRST_PREV_HASH, desc, &out->firstPrevNull);
		if (!out->firstPrevNull)
			out->firstPrev = datumCopy(out->firstPrev, false, -1);
	}
	systable_endscan(scan);
}

/* Write the new head of origin's chain. */
static void
write_head(Relation head, const char *origin, ChainHead *h, int64 lastId, Datum lastHash)
{
	Datum		values[HEAD_NATTS];
	bool		nulls[HEAD_NATTS] = {false, false, false, true};
	HeapTuple	tup;

	values[HEAD_ORIGIN - 1] = CStringGetTextDatum(origin);
	values[HEAD_LAST_ID - 1] = Int64GetDatum(lastId);
	values[HEAD_LAST_HASH - 1] = lastHash;
	values[HEAD_FIRST_PREV_HASH - 1] = h->firstPrev;
	nulls[HEAD_FIRST_PREV_HASH - 1] = h->firstPrevNull;
	tup = heap_form_tuple(RelationGetDescr(head), values, nulls);
	if (h->found)
		CatalogTupleUpdate(head, &h->tid, tup);
	else
		CatalogTupleInsert(head, tup);
	heap_freetuple(tup);
}

/*
 * The rows of prepared transactions that have committed since (visible to
 * the latest snapshot), removed from schema_change_pending; oldest first.
 * Called with the chain lock held, so no other session takes them too.
 */
static List *
take_pending(Relation pending, Snapshot snap)
{
	TupleDesc	desc = RelationGetDescr(pending);
	int			map[SC_NCOLUMNS];
	TableScanDesc scan;
	HeapTuple	tup;
	List	   *rows = NIL;

	if (RelationGetNumberOfBlocks(pending) == 0)
		return NIL;
	map_columns(pending, map);
	scan = table_beginscan(pending, snap, 0, NULL);
	while ((tup = heap_getnext(scan, ForwardScanDirection)) != NULL)
	{
		HeapTuple	copy = heap_copytuple(tup);
		RecordedRow *row = palloc0(sizeof(RecordedRow));
		int			i;

		for (i = 0; i < SC_NCOLUMNS; i++)
		{
			row->nulls[i] = true;
			if (map[i] >= 0)
				row->values[i] = heap_getattr(copy, map[i] + 1, desc, &row->nulls[i]);
		}
		row->nulls[SC_ID] = row->nulls[SC_PREV_HASH] = row->nulls[SC_ROW_HASH] = true;
		simple_heap_delete(pending, &tup->t_self);
		rows = lappend(rows, row);
	}
	table_endscan(scan);
	return rows;
}

/*
 * Chain the rows of one origin and insert them: ids and prev_hash from the
 * origin's head, which is then moved to the newest row.
 */
static void
chain_origin(Relation rel, Relation head, const char *origin, List *rows, Snapshot snap)
{
	ChainHead	h;
	Datum		last;

	int64		lastId;

	read_head(head, origin, snap, &h);

	/*
	 * Ids after every row the table holds: a new chain (after a restore or a
	 * rename) does not reuse the ids of the database's earlier origins, and
	 * a row inserted by hand does not take the recorder's next id.
	 */
	lastId = Max(h.lastId, max_id(rel));
	last = chain_rows(rows, lastId, h.lastHash, !h.found);
	insert_rows(rel, rows);
	write_head(head, origin, &h, lastId + list_length(rows), last);
}

/* The rows, by origin: each gets its own chain (almost always one origin). */
static void
chain_by_origin(Relation rel, Relation head, List *rows, Snapshot snap)
{
	while (rows != NIL)
	{
		RecordedRow *first = linitial(rows);
		const char *origin = TextDatumGetCString(first->values[SC_ORIGIN]);
		List	   *mine = NIL;
		List	   *others = NIL;
		ListCell   *lc;

		foreach(lc, rows)
		{
			RecordedRow *row = lfirst(lc);

			if (strcmp(TextDatumGetCString(row->values[SC_ORIGIN]), origin) == 0)
				mine = lappend(mine, row);
			else
				others = lappend(others, row);
		}
		chain_origin(rel, head, origin, mine, snap);
		rows = others;
	}
}

/* 0.1.0's schema: one chain, ids from schema_change_id_seq, locked until commit. */
static void
write_rows_0_1_0(Relation rel, Oid seqid, List *rows)
{
	int			map[SC_NCOLUMNS];
	Datum		prev = (Datum) 0;
	bool		prevNull = true;
	Snapshot	snap;
	Relation	pkey;
	SysScanDesc scan;
	HeapTuple	last;
	ListCell   *lc;

	LockRelationOid(seqid, ExclusiveLock);
	map_columns(rel, map);
	pkey = index_open(pm_primary_key_index(rel), AccessShareLock);
	snap = RegisterSnapshot(GetLatestSnapshot());
	scan = systable_beginscan_ordered(rel, pkey, snap, 0, NULL);
	last = systable_getnext_ordered(scan, BackwardScanDirection);
	if (HeapTupleIsValid(last))
	{
		prev = heap_getattr(last, map[SC_ROW_HASH] + 1, RelationGetDescr(rel), &prevNull);
		if (!prevNull)
			prev = datumCopy(prev, false, -1);
	}
	systable_endscan_ordered(scan);
	UnregisterSnapshot(snap);
	index_close(pkey, AccessShareLock);

	/* ids from the sequence, so that 0.1.0's verify_audit() agrees */
	foreach(lc, rows)
	{
		RecordedRow *row = lfirst(lc);
		int64		id = nextval_internal(seqid, false);

		/* chain_rows gives id lastId + 1: the sequence's value */
		chain_rows(list_make1(row), id - 1, prev, prevNull);
		prev = row->values[SC_ROW_HASH];
		prevNull = false;
	}
	insert_rows(rel, rows);
}

/*
 * Columns added after 0.1.0 that the table does not have yet (the library
 * is 0.2.0, ALTER EXTENSION UPDATE has not run): NULL in the rows, so that
 * their hashes cover what is stored.  A syscache lookup, no lock.
 */
static void
drop_missing_columns(Oid relid, List *rows)
{
	int			i;
	ListCell   *lc;

	for (i = SC_NCOLUMNS_0_1_0; i < SC_NCOLUMNS; i++)
	{
		if (get_attnum(relid, sc_column_names[i]) != InvalidAttrNumber)
			continue;
		foreach(lc, rows)
			((RecordedRow *) lfirst(lc))->nulls[i] = true;
	}
}

/*
 * schema_change_next_id(): the default id of a row inserted by hand (tests,
 * imports): after every row the table holds, those inserted by the calling
 * statement and by transactions in progress included.  The recorder does not use it.
 */
PG_FUNCTION_INFO_V1(pm_schema_change_next_id);
Datum
pm_schema_change_next_id(PG_FUNCTION_ARGS)
{
	Oid			nsp = get_namespace_oid("postmortem", false);
	Relation	rel = table_open(get_relname_relid("schema_change", nsp), AccessShareLock);
	int64		id = max_id(rel);

	table_close(rel, AccessShareLock);
	PG_RETURN_INT64(id + 1);
}

void
pm_write_rows(void *arg)
{
	PendingWrite *pw = (PendingWrite *) arg;
	List	   *rows = pw->rows;
	Oid			nsp = get_namespace_oid("postmortem", false);
	Oid			relid = get_relname_relid("schema_change", nsp);
	Oid			headid = get_relname_relid("schema_change_head", nsp);
	Oid			pendingid = get_relname_relid("schema_change_pending", nsp);
	Relation	rel;
	MemoryContext old = MemoryContextSwitchTo(pw->cxt);

	if (!OidIsValid(relid))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_TABLE),
				 errmsg("table postmortem.schema_change does not exist")));

	pm_assign_migrations(rows);
	drop_missing_columns(relid, rows);
	if (rows == NIL)
	{
		/* only changes of earlier transactions, waiting for their migration */
		pm_record_migrations(NIL);
		MemoryContextSwitchTo(old);
		return;
	}

	if (!OidIsValid(headid) || !OidIsValid(pendingid))
	{
		Oid			seqid = get_relname_relid("schema_change_id_seq", nsp);

		if (!OidIsValid(seqid))
			ereport(ERROR,
					(errcode(ERRCODE_UNDEFINED_TABLE),
					 errmsg("table postmortem.schema_change_head does not exist"),
					 errhint("Run ALTER EXTENSION postmortem UPDATE.")));
		rel = table_open(relid, RowExclusiveLock);
		write_rows_0_1_0(rel, seqid, rows);
	}
	else if (pw->prepare)
	{
		/* no chain lock across PREPARE: the next commit chains these */
		rel = table_open(pendingid, RowExclusiveLock);
		insert_rows(rel, rows);
	}
	else
	{
		Relation	head;
		Relation	pending;
		Snapshot	snap;
		List	   *mine = rows;

		/*
		 * The chain lock: one appender at a time, until commit.  An object
		 * lock on the head table, not a lock on the table itself, so that
		 * nothing else (autovacuum, LOCK TABLE, pg_dump) takes it.
		 */
		LockDatabaseObject(RelationRelationId, headid, 0, ExclusiveLock);

		rel = table_open(relid, RowExclusiveLock);
		head = table_open(headid, RowExclusiveLock);
		pending = table_open(pendingid, RowExclusiveLock);
		snap = RegisterSnapshot(GetLatestSnapshot());
		rows = list_concat(take_pending(pending, snap), rows);
		chain_by_origin(rel, head, rows, snap);
		/* this transaction's rows have their ids: their migrations */
		pm_record_migrations(mine);
		UnregisterSnapshot(snap);
		table_close(pending, RowExclusiveLock);
		table_close(head, RowExclusiveLock);
	}

	table_close(rel, RowExclusiveLock);
	CommandCounterIncrement();
	MemoryContextSwitchTo(old);
}
