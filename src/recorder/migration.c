/*-------------------------------------------------------------------------
 *
 * recorder_migration.c
 *	  The migration a schema change belongs to, from the history tables of
 *	  migration tools written in the same transaction.
 *
 * Flyway (flyway_schema_history), Django (django_migrations), Rails
 * (schema_migrations), Alembic (alembic_version, updated in place) and
 * Sqitch (sqitch.changes) write a history row in the migration's
 * transaction.  At commit the recorder looks the tables up by name (any
 * schema; sqitch.changes by its schema), so it does not matter whether they
 * existed before the extension or were created after it, and reads the rows
 * this transaction inserted or updated.  Each change gets the history row
 * written next after it (tools write it after running the migration), or
 * else the last one written before it.  postmortem.migration, when set,
 * wins.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "access/genam.h"
#include "access/heapam.h"
#include "access/htup_details.h"
#include "access/table.h"
#include "access/tableam.h"
#include "access/xact.h"
#include "catalog/indexing.h"
#include "catalog/namespace.h"
#include "catalog/pg_class.h"
#include "utils/builtins.h"
#include "utils/fmgroids.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"
#include "utils/snapmgr.h"

#include "recorder/recorder.h"

typedef struct HistoryTable
{
	const char *relname;
	const char *nspname;		/* NULL: any schema */
	const char *col1;
	const char *col2;
	const char *fmt;			/* how to join col1 and col2 */
} HistoryTable;

static const HistoryTable history_tables[] = {
	{"flyway_schema_history", NULL, "version", "description", "flyway"},
	{"django_migrations", NULL, "app", "name", "django"},
	{"schema_migrations", NULL, "version", NULL, NULL},
	{"alembic_version", NULL, "version_num", NULL, NULL},
	{"changes", "sqitch", "change", NULL, NULL},
};

typedef struct HistoryRow
{
	CommandId	cid;
	char	   *migration;
} HistoryRow;

static char *
column_text(HeapTuple tup, TupleDesc desc, const char *col)
{
	AttrNumber	attno;
	bool		isnull;
	Datum		d;
	Oid			typoutput;
	bool		varlena;

	for (attno = 1; attno <= desc->natts; attno++)
	{
		Form_pg_attribute att = TupleDescAttr(desc, attno - 1);

		if (att->attisdropped || strcmp(NameStr(att->attname), col) != 0)
			continue;
		d = heap_getattr(tup, attno, desc, &isnull);
		if (isnull)
			return NULL;
		getTypeOutputInfo(att->atttypid, &typoutput, &varlena);
		return OidOutputFunctionCall(typoutput, d);
	}
	return NULL;
}

/* History rows this transaction wrote into one table. */
static List *
history_rows(Oid relid, const HistoryTable *ht, List *result)
{
	Relation	rel = table_open(relid, AccessShareLock);
	Snapshot	snap = RegisterSnapshot(GetLatestSnapshot());
	TableScanDesc scan = table_beginscan(rel, snap, 0, NULL);
	HeapTuple	tup;

	while ((tup = heap_getnext(scan, ForwardScanDirection)) != NULL)
	{
		HistoryRow *hr;
		char	   *a,
				   *b;

		if (!TransactionIdIsCurrentTransactionId(HeapTupleHeaderGetXmin(tup->t_data)))
			continue;
		a = column_text(tup, RelationGetDescr(rel), ht->col1);
		b = ht->col2 ? column_text(tup, RelationGetDescr(rel), ht->col2) : NULL;
		hr = palloc(sizeof(HistoryRow));
		hr->cid = HeapTupleHeaderGetCmin(tup->t_data);
		if (ht->fmt && strcmp(ht->fmt, "django") == 0)
			hr->migration = psprintf("%s.%s", a ? a : "", b ? b : "");
		else
			hr->migration = a ? a : b;
		if (hr->migration)
			result = lappend(result, hr);
	}
	table_endscan(scan);
	UnregisterSnapshot(snap);
	table_close(rel, AccessShareLock);
	return result;
}

/*
 * Give rows without postmortem.migration the migration whose history row
 * this transaction wrote next after them (tools write it after running the
 * migration), or else the last one written before them.
 */
void
pm_assign_migrations(List *rows)
{
	List	   *hist = NIL;
	ListCell   *lc;
	int			i;
	bool		needed = false;

	foreach(lc, rows)
		if (((RecordedRow *) lfirst(lc))->nulls[SC_MIGRATION])
			needed = true;
	if (!needed)
		return;

	for (i = 0; i < lengthof(history_tables); i++)
	{
		const HistoryTable *ht = &history_tables[i];

		if (ht->nspname)
		{
			Oid			nsp = get_namespace_oid(ht->nspname, true);
			Oid			relid = OidIsValid(nsp) ? get_relname_relid(ht->relname, nsp) : InvalidOid;

			if (OidIsValid(relid) && get_rel_relkind(relid) == RELKIND_RELATION)
				hist = history_rows(relid, ht, hist);
		}
		else
		{
			Relation	pgclass = table_open(RelationRelationId, AccessShareLock);
			ScanKeyData key;
			SysScanDesc scan;
			HeapTuple	tup;
			List	   *rels = NIL;
			ListCell   *rlc;

			ScanKeyInit(&key, Anum_pg_class_relname, BTEqualStrategyNumber, F_NAMEEQ,
						CStringGetDatum(ht->relname));
			scan = systable_beginscan(pgclass, ClassNameNspIndexId, true, NULL, 1, &key);
			while (HeapTupleIsValid(tup = systable_getnext(scan)))
			{
				Form_pg_class cls = (Form_pg_class) GETSTRUCT(tup);

				if (cls->relkind == RELKIND_RELATION)
					rels = lappend_oid(rels, cls->oid);
			}
			systable_endscan(scan);
			table_close(pgclass, AccessShareLock);
			foreach(rlc, rels)
				hist = history_rows(lfirst_oid(rlc), ht, hist);
		}
	}
	if (hist == NIL)
		return;

	foreach(lc, rows)
	{
		RecordedRow *row = lfirst(lc);
		HistoryRow *next = NULL,
				   *last = NULL;
		ListCell   *hlc;

		if (!row->nulls[SC_MIGRATION])
			continue;
		foreach(hlc, hist)
		{
			HistoryRow *hr = lfirst(hlc);

			if (hr->cid >= row->cid && (next == NULL || hr->cid < next->cid))
				next = hr;
			if (last == NULL || hr->cid > last->cid)
				last = hr;
		}
		set_text(row, SC_MIGRATION, next ? next->migration : last->migration);
	}
}
