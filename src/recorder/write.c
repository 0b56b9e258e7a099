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
#include "catalog/namespace.h"
#include "commands/sequence.h"
#include "common/sha2.h"
#include "executor/executor.h"
#include "storage/lmgr.h"
#include "utils/builtins.h"
#include "utils/datum.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/relcache.h"
#include "utils/snapmgr.h"

#include "recorder/recorder.h"

/* rows written by one multi-insert at commit */
#define PM_INSERT_BATCH 64

void
pm_write_rows(void *arg)
{
	PendingWrite *pw = (PendingWrite *) arg;
	List	   *rows = pw->rows;
	Oid			nsp = get_namespace_oid("postmortem", false);
	Oid			relid = get_relname_relid("schema_change", nsp);
	Oid			seqid = get_relname_relid("schema_change_id_seq", nsp);
	Relation	rel;
	Relation	pkey;
	TupleDesc	desc;
	int			map[SC_NCOLUMNS];
	int			i;
	Datum	   *values;
	bool	   *nulls;
	Datum		prev = (Datum) 0;
	bool		prevNull = true;
	Snapshot	snap;
	SysScanDesc scan;
	HeapTuple	last;
	EState	   *estate;
	ResultRelInfo *rri;
	TupleTableSlot **slots;
	int			nslots;
	int			n;
	ListCell   *lc;
	pg_cryptohash_ctx *hashctx;
	MemoryContext old = MemoryContextSwitchTo(pw->cxt);

	if (!OidIsValid(relid) || !OidIsValid(seqid))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_TABLE),
				 errmsg("table postmortem.schema_change does not exist")));

	pm_assign_migrations(rows);

	/*
	 * Serialize the chain: one appender at a time, until commit.  The lock
	 * is on the id sequence, which only the recorder draws from.
	 */
	LockRelationOid(seqid, ExclusiveLock);

	rel = table_open(relid, RowExclusiveLock);
	desc = RelationGetDescr(rel);
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
							 errmsg("column \"%s\" of postmortem.schema_change has an unexpected type",
									sc_column_names[i]),
							 errhint("The recorder writes the columns the extension created; restore them with their type.")));
				map[i] = attno;
			}
		}
		if (map[i] < 0)
			ereport(ERROR,
					(errcode(ERRCODE_UNDEFINED_COLUMN),
					 errmsg("column \"%s\" of postmortem.schema_change is missing", sc_column_names[i]),
					 errhint("The recorder writes the columns the extension created; restore the column.")));
	}

	/* the newest row, committed by anyone: the chain continues from it */
#if PG_VERSION_NUM >= 180000
	/* 18 added deferrable_ok; the key is not deferrable, as 15 required */
	pkey = index_open(RelationGetPrimaryKeyIndex(rel, false), AccessShareLock);
#else
	pkey = index_open(RelationGetPrimaryKeyIndex(rel), AccessShareLock);
#endif
	snap = RegisterSnapshot(GetLatestSnapshot());
	scan = systable_beginscan_ordered(rel, pkey, snap, 0, NULL);
	last = systable_getnext_ordered(scan, BackwardScanDirection);
	if (HeapTupleIsValid(last))
	{
		prev = heap_getattr(last, map[SC_ROW_HASH] + 1, desc, &prevNull);
		if (!prevNull)
			prev = datumCopy(prev, false, -1);
	}
	systable_endscan_ordered(scan);
	UnregisterSnapshot(snap);
	index_close(pkey, AccessShareLock);

	estate = CreateExecutorState();
	rri = makeNode(ResultRelInfo);
	InitResultRelInfo(rri, rel, 0, NULL, 0);
	ExecOpenIndices(rri, false);
	nslots = Min(list_length(rows), PM_INSERT_BATCH);
	slots = palloc(sizeof(TupleTableSlot *) * nslots);
	for (n = 0; n < nslots; n++)
		slots[n] = ExecInitExtraTupleSlot(estate, desc, &TTSOpsHeapTuple);
	values = palloc(sizeof(Datum) * desc->natts);
	nulls = palloc(sizeof(bool) * desc->natts);
	hashctx = pg_cryptohash_create(PG_SHA256);

	/* chain the rows; write them in batches with a multi-insert */
	n = 0;
	foreach(lc, rows)
	{
		RecordedRow *row = lfirst(lc);
		uint8		digest[PG_SHA256_DIGEST_LENGTH];
		bytea	   *hash;

		set_datum(row, SC_ID, Int64GetDatum(nextval_internal(seqid, false)));
		row->values[SC_PREV_HASH] = prev;
		row->nulls[SC_PREV_HASH] = prevNull;
		pm_row_hash(hashctx, row->values, row->nulls, digest);
		hash = palloc(VARHDRSZ + PG_SHA256_DIGEST_LENGTH);
		SET_VARSIZE(hash, VARHDRSZ + PG_SHA256_DIGEST_LENGTH);
		memcpy(VARDATA(hash), digest, PG_SHA256_DIGEST_LENGTH);
		set_datum(row, SC_ROW_HASH, PointerGetDatum(hash));

		for (i = 0; i < desc->natts; i++)
			nulls[i] = true;
		for (i = 0; i < SC_NCOLUMNS; i++)
		{
			values[map[i]] = row->values[i];
			nulls[map[i]] = row->nulls[i];
		}
		ExecStoreHeapTuple(heap_form_tuple(desc, values, nulls), slots[n], true);
		prev = PointerGetDatum(hash);
		prevNull = false;
		if (++n == nslots || lnext(rows, lc) == NULL)
		{
			table_multi_insert(rel, slots, n, GetCurrentCommandId(true), 0, NULL);
			for (i = 0; i < n; i++)
			{
#if PG_VERSION_NUM >= 160000
				/* 16 added onlySummarizing (for HOT updates): all indexes */
				ExecInsertIndexTuples(rri, slots[i], estate, false, false, NULL, NIL, false);
#else
				ExecInsertIndexTuples(rri, slots[i], estate, false, false, NULL, NIL);
#endif
				ExecClearTuple(slots[i]);
			}
			n = 0;
		}
	}

	pg_cryptohash_free(hashctx);
	ExecCloseIndices(rri);
	ExecResetTupleTable(estate->es_tupleTable, false);
	FreeExecutorState(estate);
	table_close(rel, RowExclusiveLock);
	CommandCounterIncrement();
	MemoryContextSwitchTo(old);
}
