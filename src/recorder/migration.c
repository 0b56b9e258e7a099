/*-------------------------------------------------------------------------
 *
 * migration.c
 *	  The migration a schema change belongs to: postmortem.migration, or the
 *	  history rows of migration tools, read as each tool really writes them.
 *
 * The tools are rows of postmortem.migration_source (tool, history table,
 * the columns that name a migration, whether the table holds one row per
 * migration or one row updated in place).  At commit the recorder reads, in
 * the history tables this transaction wrote, only the row versions this
 * transaction itself inserted, deleted or superseded:
 *
 * - a table counts only if this transaction holds ROW EXCLUSIVE (or
 *   stronger) on it, which writing it took: its rows are read without
 *   taking or waiting for any lock, and another session's tables (its
 *   temporary tables included) are never opened;
 * - the heap is read with SnapshotAny and a version counts only if its
 *   xmin or its updating xmax is this transaction: each is an event at the
 *   command id that wrote it (an UPDATE is a delete and an insert at the
 *   same command id);
 * - only the first bytes of a value are read (PM_MAX_ID_BYTES), and a
 *   migration id, from a history row or from postmortem.migration, is kept
 *   to PM_MAX_MIGRATION_BYTES (pm_migration_id);
 * - a table is read only if the role committing may read the columns read
 *   (SELECT on the table or on each of them), and never a table with
 *   row-level security: a source row names tables, it does not grant a
 *   look at them (history_readable).
 *
 * An event names a migration and a direction: an inserted row is a
 * migration applied, a deleted row one undone (Rails, Django, knex and
 * node-pg-migrate delete their row on the way down); a table updated in
 * place (Alembic) names the new version going up and the version being
 * left going down.  A change gets the event written next after it (tools
 * write their history after running the migration), or else the last one
 * before it.
 *
 * Some tools write their history in the next transaction of the session
 * (Django after deferred SQL, for every unapply and for atomic = False;
 * Rails with disable_ddl_transaction!; Prisma).  The schema changes of a
 * transaction that wrote no history are then kept as pending, in session
 * memory, until the session's next transaction that writes a history row:
 * if that transaction has no schema change of its own, runs as the same
 * role and comes within PM_PENDING_WINDOW of the pending changes, its first
 * event claims them.  Any transaction that writes a history row ends the
 * pending changes, claimed or not, so a later, unrelated write cannot claim
 * old changes.  A CREATE that changed nothing (IF NOT EXISTS found the
 * object: no object reported) is not claimed, nor are a history table's own
 * objects: its sequence, its schema, tables named after it.
 *
 * The migration column of schema_change is written with the row when known
 * in its own transaction; every attribution (also later ones, since
 * schema_change rows never change) goes to postmortem.migration_attribution,
 * with tool, direction and run, read by the view postmortem.migration_run.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "access/detoast.h"
#include "access/genam.h"
#include "access/heapam.h"
#include "access/htup_details.h"
#include "access/table.h"
#include "access/tableam.h"
#include "access/xact.h"
#include "catalog/catalog.h"
#include "catalog/dependency.h"
#include "catalog/indexing.h"
#include "catalog/namespace.h"
#include "catalog/pg_am.h"
#include "catalog/pg_class.h"
#include "catalog/pg_collation.h"
#include "catalog/pg_type.h"
#include "executor/executor.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "parser/parse_coerce.h"
#include "pgstat.h"
#include "storage/lmgr.h"
#include "utils/acl.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/fmgroids.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/pgstat_internal.h"
#include "utils/rel.h"
#include "utils/snapmgr.h"
#include "utils/syscache.h"
#include "utils/timestamp.h"

#include "compat.h"
#include "recorder/recorder.h"

/* at most this many bytes of a history value are read */
#define PM_MAX_ID_BYTES 1024

/* pending changes older than this are no longer claimed */
#define PM_PENDING_WINDOW_MS (10 * 60 * 1000)

/* One row of postmortem.migration_source. */
typedef struct MigrationSource
{
	char	   *tool;
	char	   *schema;			/* NULL: any schema */
	char	   *table;			/* a LIKE pattern */
	List	   *idColumns;		/* char *: the columns naming a migration */
	char	   *separator;		/* how they are joined */
	bool		inPlace;		/* one row, updated per step */
	char	   *directionColumn;	/* a column saying deploy/revert, or NULL */
	List	   *matchColumns;	/* char *: columns the table must also have */
} MigrationSource;

/* A history row version this transaction wrote or removed. */
typedef struct HistoryItem
{
	CommandId	cid;
	bool		inserted;		/* else deleted or superseded */
	char	   *id;
	char	   *direction;		/* the direction column's value */
} HistoryItem;

/* What one command did to a history table: names a migration. */
typedef struct HistoryEvent
{
	CommandId	cid;
	const MigrationSource *source;
	Oid			relid;			/* the history table */
	char	   *table;			/* qualified name */
	char	   *migration;
	char	   *from;			/* in place, going up: the version left */
	bool		down;
} HistoryEvent;

/* A pending change: committed without a migration, waiting for one. */
typedef struct PendingChange
{
	int64		id;
	char	   *origin;
	Oid			table;			/* the table it changed */
	char	   *schema;			/* the schema it created or changed, quoted */
	bool		noObject;		/* a CREATE that changed nothing (IF NOT EXISTS) */
	TimestampTz committed;
	Oid			role;
} PendingChange;

/* An attribution to write for a row, in this transaction. */
typedef struct Attribution
{
	RecordedRow *row;			/* NULL: a pending change of earlier */
	int64		id;
	const char *origin;
	HistoryEvent *event;		/* NULL: from postmortem.migration */
} Attribution;

/* session state */
static MemoryContext pending_cxt = NULL;
static List *pending = NIL;		/* PendingChange */
static bool callback_registered = false;

/* this transaction's, kept from pm_assign_migrations to pm_record_migrations */
static List *xact_events = NIL;	/* HistoryEvent, by cid */
static List *xact_attributions = NIL;	/* Attribution */

/* to apply to pending at commit */
static bool staged = false;
static bool staged_clear = false;
static List *staged_add = NIL;	/* PendingChange, in pending_cxt */

static void migration_xact_callback(XactEvent event, void *arg);

static Oid
postmortem_relid(const char *relname)
{
	Oid			nsp = get_namespace_oid("postmortem", true);

	return OidIsValid(nsp) ? get_relname_relid(relname, nsp) : InvalidOid;
}

static AttrNumber
column_number(TupleDesc desc, const char *col)
{
	AttrNumber	attno;

	for (attno = 1; attno <= desc->natts; attno++)
	{
		Form_pg_attribute att = TupleDescAttr(desc, attno - 1);

		if (!att->attisdropped && strcmp(NameStr(att->attname), col) == 0)
			return attno;
	}
	return InvalidAttrNumber;
}

/*
 * pm_migration_id: a migration id as the recorder stores it, from
 * postmortem.migration or a history row: NULL for none (NULL or empty), else
 * at most PM_MAX_MIGRATION_BYTES of it, cut at a character boundary and
 * followed by PM_MIGRATION_CLIPPED when cut.  Bounded so that any id fits
 * the index of migration_attribution: a long value (by accident or on
 * purpose) must not make the write at commit fail.
 */
char *
pm_migration_id(const char *id)
{
	int			len;

	if (id == NULL || id[0] == '\0')
		return NULL;
	len = strlen(id);
	if (len <= PM_MAX_MIGRATION_BYTES)
		return (char *) id;
	len = pg_mbcliplen(id, len, PM_MAX_MIGRATION_BYTES);
	return psprintf("%.*s%s", len, id, PM_MIGRATION_CLIPPED);
}

/*
 * The text of a value, at most PM_MAX_ID_BYTES of it read: a string is cut
 * (at a character boundary), any other long value is left out (NULL).
 */
static char *
value_text(HeapTuple tup, TupleDesc desc, AttrNumber attno)
{
	Form_pg_attribute att = TupleDescAttr(desc, attno - 1);
	bool		isnull;
	Datum		d = heap_getattr(tup, attno, desc, &isnull);
	Oid			typoutput;
	bool		varlena;

	if (isnull)
		return NULL;
	if (att->attlen == -1 && toast_raw_datum_size(d) > PM_MAX_ID_BYTES + VARHDRSZ)
	{
		struct varlena *slice;
		int			len;

		if (TypeCategory(getBaseType(att->atttypid)) != TYPCATEGORY_STRING)
			return NULL;
		slice = detoast_attr_slice((struct varlena *) DatumGetPointer(d), 0, PM_MAX_ID_BYTES);
		len = pg_mbcliplen(VARDATA_ANY(slice), VARSIZE_ANY_EXHDR(slice), PM_MAX_ID_BYTES);
		return pnstrdup(VARDATA_ANY(slice), len);
	}
	getTypeOutputInfo(att->atttypid, &typoutput, &varlena);
	return OidOutputFunctionCall(typoutput, d);
}

static char *
datum_cstring(HeapTuple tup, TupleDesc desc, const char *col)
{
	AttrNumber	attno = column_number(desc, col);
	bool		isnull;
	Datum		d;

	if (attno == InvalidAttrNumber)
		return NULL;
	d = heap_getattr(tup, attno, desc, &isnull);
	return isnull ? NULL : TextDatumGetCString(d);
}

static List *
datum_strings(HeapTuple tup, TupleDesc desc, const char *col)
{
	AttrNumber	attno = column_number(desc, col);
	bool		isnull;
	Datum		d;
	Datum	   *elems;
	bool	   *nulls;
	int			n,
				i;
	List	   *result = NIL;

	if (attno == InvalidAttrNumber)
		return NIL;
	d = heap_getattr(tup, attno, desc, &isnull);
	if (isnull)
		return NIL;
	deconstruct_array(DatumGetArrayTypeP(d), TEXTOID, -1, false, TYPALIGN_INT,
					  &elems, &nulls, &n);
	for (i = 0; i < n; i++)
		if (!nulls[i])
			result = lappend(result, TextDatumGetCString(elems[i]));
	return result;
}

/*
 * The rows of postmortem.migration_source.  Read only if no other session
 * holds a lock that would make us wait; then the sources are unknown for
 * this commit (a WARNING says so).
 */
static List *
load_sources(void)
{
	Oid			relid = postmortem_relid("migration_source");
	Relation	rel;
	Snapshot	snap;
	TableScanDesc scan;
	HeapTuple	tup;
	List	   *result = NIL;

	if (!OidIsValid(relid))
		return NIL;
	if (!ConditionalLockRelationOid(relid, AccessShareLock))
	{
		ereport(WARNING,
				(errcode(ERRCODE_LOCK_NOT_AVAILABLE),
				 errmsg("postmortem did not read the migration history: postmortem.migration_source is locked by another session"),
				 errhint("The schema changes are recorded without the migration their tool named.")));
		return NIL;
	}
	rel = table_open(relid, NoLock);
	snap = RegisterSnapshot(GetLatestSnapshot());
	scan = table_beginscan(rel, snap, 0, NULL);
	while ((tup = heap_getnext(scan, ForwardScanDirection)) != NULL)
	{
		TupleDesc	desc = RelationGetDescr(rel);
		MigrationSource *src = palloc0(sizeof(MigrationSource));
		char	   *writes;

		src->tool = datum_cstring(tup, desc, "tool");
		src->schema = datum_cstring(tup, desc, "schema_name");
		src->table = datum_cstring(tup, desc, "table_name");
		src->idColumns = datum_strings(tup, desc, "id_columns");
		src->separator = datum_cstring(tup, desc, "id_separator");
		writes = datum_cstring(tup, desc, "writes");
		src->inPlace = writes && strcmp(writes, "in_place") == 0;
		src->directionColumn = datum_cstring(tup, desc, "direction_column");
		src->matchColumns = datum_strings(tup, desc, "match_columns");
		if (src->tool && src->table && src->idColumns != NIL)
			result = lappend(result, src);
	}
	table_endscan(scan);
	UnregisterSnapshot(snap);
	table_close(rel, NoLock);
	return result;
}

/* The fixed prefix of a LIKE pattern (backslash escapes), for an index scan. */
static char *
like_prefix(const char *pattern, bool *exact)
{
	StringInfoData buf;
	const char *p;

	initStringInfo(&buf);
	*exact = true;
	for (p = pattern; *p; p++)
	{
		if (*p == '%' || *p == '_')
		{
			*exact = false;
			break;
		}
		if (*p == '\\' && p[1])
			p++;
		appendStringInfoChar(&buf, *p);
	}
	return buf.data;
}

/*
 * How well a source fits a table: the number of its columns the table has,
 * or -1 when it lacks one.
 */
static int
source_fit(const MigrationSource *src, TupleDesc desc)
{
	ListCell   *lc;
	int			fit = 0;

	foreach(lc, src->idColumns)
	{
		if (column_number(desc, lfirst(lc)) == InvalidAttrNumber)
			return -1;
		fit++;
	}
	foreach(lc, src->matchColumns)
	{
		if (column_number(desc, lfirst(lc)) == InvalidAttrNumber)
			return -1;
		fit++;
	}
	if (src->directionColumn)
	{
		if (column_number(desc, src->directionColumn) == InvalidAttrNumber)
			return -1;
		fit++;
	}
	return fit;
}

/*
 * The tables this transaction inserted, updated or deleted rows of, from
 * its pending statistics counts (the same counts expected_versions() reads;
 * catalogs left out): what a commit reads of the history does not grow
 * with the tables a database holds (1,000 tenant schemas, each with its
 * schema_migrations, cost a scan of 1,000 pg_class entries per source per
 * commit).  *known is false when track_counts is off: the counts are not
 * kept, and the tables are found in pg_class instead.
 */
static List *
written_relids(bool *known)
{
	PgStat_SubXactStatus *level;
	List	   *result = NIL;

	*known = pgstat_track_counts;
	if (!*known)
		return NIL;
	for (level = pgstat_get_xact_stack_level(GetCurrentTransactionNestLevel());
		 level != NULL; level = level->prev)
	{
		PgStat_TableXactStatus *trans;

		for (trans = level->first; trans != NULL; trans = trans->next)
		{
			/* PostgreSQL 16 renamed PgStat_TableStatus' t_id and t_shared */
#if PG_VERSION_NUM >= 160000
			Oid			relid = trans->parent->id;
			bool		shared = trans->parent->shared;
#else
			Oid			relid = trans->parent->t_id;
			bool		shared = trans->parent->t_shared;
#endif

			if (!shared && !IsCatalogRelationOid(relid))
				result = list_append_unique_oid(result, relid);
		}
	}
	return result;
}

/* Whether a relation is a table a source with this name pattern may name. */
static bool
history_candidate(Form_pg_class cls, Oid nsp, const char *prefix, bool exact,
				  text *pattern)
{
	if (strncmp(NameStr(cls->relname), prefix, strlen(prefix)) != 0 ||
		(exact && strcmp(NameStr(cls->relname), prefix) != 0))
		return false;
	if (cls->relkind != RELKIND_RELATION ||
		(OidIsValid(nsp) && cls->relnamespace != nsp) ||
		isOtherTempNamespace(cls->relnamespace) ||
		IsCatalogNamespace(cls->relnamespace))
		return false;
	return exact ||
		DatumGetBool(DirectFunctionCall2Coll(namelike, C_COLLATION_OID,
											 NameGetDatum(&cls->relname),
											 PointerGetDatum(pattern)));
}

/*
 * Tables that a source names and that this transaction wrote: among the
 * tables written (written_relids(), or all of pg_class when !known), those
 * on which it holds ROW EXCLUSIVE or stronger.  Checking the lock is a
 * look-up in this backend's own lock table; nothing is locked or waited for.
 */
static List *
written_tables(const MigrationSource *src, List *candidates, bool known,
			   List *result)
{
	bool		exact;
	char	   *prefix = like_prefix(src->table, &exact);
	Relation	pgclass;
	ScanKeyData key;
	SysScanDesc scan;
	HeapTuple	tup;
	Oid			nsp = InvalidOid;
	text	   *pattern = cstring_to_text(src->table);
	ListCell   *lc;

	if (src->schema)
	{
		nsp = get_namespace_oid(src->schema, true);
		if (!OidIsValid(nsp))
			return result;
		if (exact && !known)
		{
			Oid			relid = get_relname_relid(prefix, nsp);

			if (OidIsValid(relid) && get_rel_relkind(relid) == RELKIND_RELATION &&
				CheckRelationOidLockedByMe(relid, RowExclusiveLock, true))
				result = list_append_unique_oid(result, relid);
			return result;
		}
	}
	if (known)
	{
		foreach(lc, candidates)
		{
			Oid			relid = lfirst_oid(lc);
			bool		fits;

			tup = SearchSysCache1(RELOID, ObjectIdGetDatum(relid));
			if (!HeapTupleIsValid(tup))
				continue;
			fits = history_candidate((Form_pg_class) GETSTRUCT(tup), nsp, prefix,
									 exact, pattern);
			ReleaseSysCache(tup);
			if (fits && CheckRelationOidLockedByMe(relid, RowExclusiveLock, true))
				result = list_append_unique_oid(result, relid);
		}
		return result;
	}

	pgclass = table_open(RelationRelationId, AccessShareLock);
	ScanKeyInit(&key, Anum_pg_class_relname,
				exact ? BTEqualStrategyNumber : BTGreaterEqualStrategyNumber,
				exact ? F_NAMEEQ : F_NAMEGE, CStringGetDatum(prefix));
	scan = systable_beginscan(pgclass, ClassNameNspIndexId, true, NULL, 1, &key);
	while (HeapTupleIsValid(tup = systable_getnext(scan)))
	{
		Form_pg_class cls = (Form_pg_class) GETSTRUCT(tup);

		if (strncmp(NameStr(cls->relname), prefix, strlen(prefix)) != 0)
			break;
		if (history_candidate(cls, nsp, prefix, exact, pattern) &&
			CheckRelationOidLockedByMe(cls->oid, RowExclusiveLock, true))
			result = list_append_unique_oid(result, cls->oid);
	}
	systable_endscan(scan);
	table_close(pgclass, AccessShareLock);
	return result;
}

/*
 * The migration a history row names: its id columns, joined by the
 * source's separator, or the first that is not NULL when it has none.
 */
static char *
row_id(HeapTuple tup, TupleDesc desc, const MigrationSource *src)
{
	StringInfoData buf;
	ListCell   *lc;
	bool		any = false;

	initStringInfo(&buf);
	foreach(lc, src->idColumns)
	{
		char	   *v = value_text(tup, desc, column_number(desc, lfirst(lc)));

		/* no separator: the first of the columns that is not NULL */
		if (src->separator == NULL)
		{
			if (v)
				return pm_migration_id(v);
			continue;
		}
		if (foreach_current_index(lc) > 0)
			appendStringInfoString(&buf, src->separator);
		if (v)
		{
			appendStringInfoString(&buf, v);
			any = true;
		}
	}
	return any ? pm_migration_id(buf.data) : NULL;
}

static HistoryItem *
new_item(CommandId cid, bool inserted, char *id, char *direction)
{
	HistoryItem *it = palloc(sizeof(HistoryItem));

	it->cid = cid;
	it->inserted = inserted;
	it->id = id;
	it->direction = direction;
	return it;
}

/*
 * How many row versions of a table this transaction inserted and deleted
 * (an update is one of each), from its pending statistics counts, summed
 * over the open subtransactions (an aborted one's are gone, as are its
 * versions); -1 when unknown (track_counts off).
 */
static void
expected_versions(Relation rel, int64 *inserted, int64 *deleted)
{
	PgStat_TableXactStatus *trans;

	*inserted = *deleted = -1;
	if (rel->pgstat_info == NULL)
		return;
	*inserted = *deleted = 0;
	for (trans = rel->pgstat_info->trans; trans != NULL; trans = trans->upper)
	{
		*inserted += trans->tuples_inserted + trans->tuples_updated;
		*deleted += trans->tuples_deleted + trans->tuples_updated;
	}
}

/*
 * The row versions of one history table this transaction inserted, or
 * deleted or superseded, with the command id of each.  Our lock on the
 * table (ROW EXCLUSIVE or stronger) is all the reading needs.  The heap is
 * read from its end, where a tool's newest rows are, and only until every
 * version the statistics counts say we wrote is found: a history table
 * that has grown for years costs the pages of this run, not all of them.
 */
static List *
history_items(Relation rel, const MigrationSource *src)
{
	TupleDesc	desc = RelationGetDescr(rel);
	TableScanDesc scan;
	HeapTuple	tup;
	List	   *items = NIL;
	int64		wantIns,
				wantDel,
				gotIns = 0,
				gotDel = 0;

	expected_versions(rel, &wantIns, &wantDel);
	scan = table_beginscan_strat(rel, SnapshotAny, 0, NULL, true, false);
	while ((wantIns < 0 || gotIns < wantIns || gotDel < wantDel) &&
		   (tup = heap_getnext(scan, BackwardScanDirection)) != NULL)
	{
		HeapTupleHeader htup = tup->t_data;
		bool		ins = TransactionIdIsCurrentTransactionId(HeapTupleHeaderGetXmin(htup));
		bool		del = false;
		char	   *id;
		char	   *dir;

		if (!(htup->t_infomask & HEAP_XMAX_INVALID) &&
			!HEAP_XMAX_IS_LOCKED_ONLY(htup->t_infomask))
			del = TransactionIdIsCurrentTransactionId(HeapTupleHeaderGetUpdateXid(htup));
		if (!ins && !del)
			continue;
		gotIns += ins;
		gotDel += del;
		CHECK_FOR_INTERRUPTS();
		id = row_id(tup, desc, src);
		if (id == NULL)
			continue;
		dir = src->directionColumn
			? value_text(tup, desc, column_number(desc, src->directionColumn)) : NULL;
		if (ins)
			items = lappend(items, new_item(HeapTupleHeaderGetCmin(htup), true, id, dir));
		if (del)
			items = lappend(items, new_item(HeapTupleHeaderGetCmax(htup), false, id, dir));
	}
	table_endscan(scan);
	return items;
}

static int
item_cmp(const ListCell *a, const ListCell *b)
{
	const HistoryItem *x = lfirst(a);
	const HistoryItem *y = lfirst(b);

	if (x->cid != y->cid)
		return x->cid < y->cid ? -1 : 1;
	return (int) y->inserted - (int) x->inserted;
}

static int
event_cmp(const ListCell *a, const ListCell *b)
{
	const HistoryEvent *x = lfirst(a);
	const HistoryEvent *y = lfirst(b);

	return x->cid < y->cid ? -1 : (x->cid > y->cid ? 1 : 0);
}

/* A direction column's value that means the way down. */
static bool
means_down(const char *v)
{
	static const char *const words[] = {"revert", "down", "undo", "rollback", "fail"};
	int			i;

	if (v == NULL)
		return false;
	for (i = 0; i < lengthof(words); i++)
		if (pg_strncasecmp(v, words[i], strlen(words[i])) == 0)
			return true;
	return false;
}

/*
 * The newest step an earlier run recorded of a migration of a tool: 1 up
 * (*from: the version it left, in place), -1 down, 0 none.  Read by index
 * from the recorder's own table, only if nobody makes us wait.
 */
static int
recorded_step(const char *tool, const char *migration, char **from)
{
	Oid			relid = postmortem_relid("migration_attribution");
	Oid			idxid = postmortem_relid("migration_attribution_migration_idx");
	Relation	rel;
	ScanKeyData key;
	SysScanDesc scan;
	HeapTuple	tup;
	int			step = 0;
	int64		newest = 0;
	Snapshot	snap;

	*from = NULL;
	if (!OidIsValid(relid) || !OidIsValid(idxid) ||
		!ConditionalLockRelationOid(relid, AccessShareLock))
		return 0;
	rel = table_open(relid, NoLock);
	/* heap attribute number: systable_beginscan maps it to the index's */
	ScanKeyEntryInitialize(&key, 0, column_number(RelationGetDescr(rel), "migration"),
						   BTEqualStrategyNumber, InvalidOid,
						   C_COLLATION_OID, F_TEXTEQ, CStringGetTextDatum(migration));
	snap = RegisterSnapshot(GetLatestSnapshot());
	scan = systable_beginscan(rel, idxid, true, snap, 1, &key);
	while (HeapTupleIsValid(tup = systable_getnext(scan)))
	{
		TupleDesc	desc = RelationGetDescr(rel);
		char	   *t = datum_cstring(tup, desc, "tool");
		char	   *d = datum_cstring(tup, desc, "direction");
		bool		isnull;
		int64		id = DatumGetInt64(heap_getattr(tup, column_number(desc, "schema_change_id"),
													desc, &isnull));

		if (t == NULL || strcmp(t, tool) != 0 || isnull || d == NULL ||
			(step != 0 && id < newest))
			continue;
		/* the newest step decides */
		newest = id;
		step = strcmp(d, "up") == 0 ? 1 : -1;
		*from = datum_cstring(tup, desc, "from_version");
	}
	systable_endscan(scan);
	UnregisterSnapshot(snap);
	table_close(rel, NoLock);
	return step;
}

/*
 * What earlier runs recorded says of an update from A to B: -1 it goes
 * down (A was applied from B, or B's newest step was up: it is applied),
 * 1 up (B's newest step was down), 0 nothing.
 */
static int
recorded_way(const char *tool, const char *a, const char *b)
{
	char	   *from;
	int			way = 0;

	if (recorded_step(tool, a, &from) > 0 && from && strcmp(from, b) == 0)
		way--;
	way -= recorded_step(tool, b, &from);
	return way;
}

/*
 * The direction of one transaction's steps in a table updated in place
 * (Alembic): a command (upgrade or downgrade) goes one way.  An update from
 * A to B goes up to B or down from A.  What tells, in this order: a lone
 * insert (it starts the table or a new branch: up) or a lone delete (it
 * leaves a branch point or the base: down); what earlier runs recorded of
 * A and B (recorded_way); a delete just before an update (a merge: up) or
 * an insert just before an update from another version (an unmerge: down).
 * Else up.
 */
static bool
in_place_down(List *mine, const MigrationSource *src)
{
	int			lone = 0,
				recorded = 0,
				paired = 0;
	int			i;

	for (i = 0; i < list_length(mine); i++)
	{
		HistoryEvent *ev = list_nth(mine, i);
		HistoryEvent *next = (i + 1 < list_length(mine)) ? list_nth(mine, i + 1) : NULL;

		if (ev->from != NULL)
			recorded += recorded_way(src->tool, ev->from, ev->migration);
		/* the next command updated the row from another version */
		else if (next && next->cid == ev->cid + 1 && next->from != NULL &&
				 strcmp(next->from, ev->migration) != 0)
			paired += ev->down ? 1 : -1;
		else
			lone += ev->down ? -1 : 1;
	}
	if (lone != 0)
		return lone < 0;
	if (recorded != 0)
		return recorded < 0;
	return paired < 0;
}

/*
 * The events of one history table: its items grouped by command id.  A
 * deleted and an inserted version at the same command id are an update.
 * In a table updated in place, the events are then turned the way the
 * transaction went (in_place_down): going up, an update names the version
 * it wrote and the deletes of a merge name nothing (the merge's update
 * after them does); going down, an update names the version it left and
 * the inserts of an unmerge name nothing.
 */
static List *
table_events(Relation rel, const MigrationSource *src, List *events)
{
	List	   *items = history_items(rel, src);
	char	   *table = quote_qualified_identifier(get_namespace_name(RelationGetNamespace(rel)),
												   RelationGetRelationName(rel));
	List	   *mine = NIL;
	ListCell   *lc;
	bool		down;
	int			i;

	list_sort(items, item_cmp);
	for (i = 0; i < list_length(items); i++)
	{
		HistoryItem *it = list_nth(items, i);
		HistoryItem *old = NULL;
		HistoryEvent *ev = palloc0(sizeof(HistoryEvent));

		ev->cid = it->cid;
		ev->relid = RelationGetRelid(rel);
		ev->source = src;
		ev->table = table;
		ev->migration = it->id;
		if (it->inserted && i + 1 < list_length(items) &&
			((HistoryItem *) list_nth(items, i + 1))->cid == it->cid &&
			!((HistoryItem *) list_nth(items, i + 1))->inserted)
			old = list_nth(items, ++i);
		if (src->directionColumn)
			ev->down = means_down(it->direction);
		else if (!it->inserted)
			ev->down = true;	/* a delete: the migration undone */
		else if (old != NULL && src->inPlace)
			ev->from = old->id;
		mine = lappend(mine, ev);
	}
	if (!src->inPlace || src->directionColumn)
		return list_concat(events, mine);

	down = in_place_down(mine, src);
	foreach(lc, mine)
	{
		HistoryEvent *ev = lfirst(lc);

		if (ev->from == NULL)
		{
			/* a merge's deletes going up, an unmerge's inserts going down */
			if (ev->down != down)
				mine = foreach_delete_current(mine, lc);
			continue;
		}
		if (down)
		{
			ev->down = true;
			ev->migration = ev->from;
			ev->from = NULL;
		}
	}
	return list_concat(events, mine);
}

/*
 * Whether the recorder may read a source's columns of a history table: the
 * role committing (the one that wrote the rows) has SELECT on the table or
 * on each column read, and the table has no row-level security (whose
 * policies the heap read below would bypass).  What a role could not read
 * itself never reaches the audit, whatever migration_source says.
 */
static bool
history_readable(Relation rel, const MigrationSource *src)
{
	Oid			relid = RelationGetRelid(rel);
	Oid			role = GetUserId();
	TupleDesc	desc = RelationGetDescr(rel);
	ListCell   *lc;

	if (rel->rd_rel->relrowsecurity)
	{
		elog(DEBUG1, "postmortem: history table \"%s\" has row-level security: not read",
			 RelationGetRelationName(rel));
		return false;
	}
	if (pg_class_aclcheck(relid, role, ACL_SELECT) == ACLCHECK_OK)
		return true;
	foreach(lc, src->idColumns)
		if (pg_attribute_aclcheck(relid, column_number(desc, lfirst(lc)), role,
								  ACL_SELECT) != ACLCHECK_OK)
			return false;
	if (src->directionColumn &&
		pg_attribute_aclcheck(relid, column_number(desc, src->directionColumn), role,
							  ACL_SELECT) != ACLCHECK_OK)
		return false;
	return true;
}

/* A history table this transaction wrote, and a source that names it. */
typedef struct WrittenTable
{
	Oid			relid;
	MigrationSource *source;
} WrittenTable;

/* Every history event of this transaction, by command id. */
static List *
transaction_events(void)
{
	bool		known;
	List	   *candidates = written_relids(&known);
	List	   *sources;
	List	   *written = NIL;
	List	   *done = NIL;
	List	   *events = NIL;
	ListCell   *lc;

	/* the common DDL commit wrote no table's rows: no history to read */
	if (known && candidates == NIL)
		return NIL;
	sources = load_sources();
	foreach(lc, sources)
	{
		List	   *rels = written_tables(lfirst(lc), candidates, known, NIL);
		ListCell   *rlc;

		foreach(rlc, rels)
		{
			WrittenTable *wt = palloc(sizeof(WrittenTable));

			wt->relid = lfirst_oid(rlc);
			wt->source = lfirst(lc);
			written = lappend(written, wt);
		}
	}

	foreach(lc, written)
	{
		Oid			relid = ((WrittenTable *) lfirst(lc))->relid;
		Relation	rel;
		const MigrationSource *best = NULL;
		int			bestFit = -1;
		ListCell   *wlc;

		if (list_member_oid(done, relid))
			continue;
		done = lappend_oid(done, relid);
		/* we hold ROW EXCLUSIVE on it: no lock to take */
		rel = table_open(relid, NoLock);
		if (rel->rd_rel->relam != HEAP_TABLE_AM_OID)
		{
			table_close(rel, NoLock);
			continue;
		}
		/* the source that fits the table best (Rails or golang-migrate?) */
		foreach(wlc, written)
		{
			WrittenTable *wt = lfirst(wlc);
			int			fit;

			if (wt->relid != relid)
				continue;
			fit = source_fit(wt->source, RelationGetDescr(rel));
			if (fit > bestFit)
			{
				best = wt->source;
				bestFit = fit;
			}
		}
		if (best && history_readable(rel, best))
			events = table_events(rel, best, events);
		table_close(rel, NoLock);
	}
	list_sort(events, event_cmp);
	return events;
}

static void
ensure_callback(void)
{
	if (callback_registered)
		return;
	pending_cxt = AllocSetContextCreate(TopMemoryContext, "postmortem pending migrations",
										ALLOCSET_SMALL_SIZES);
	RegisterXactCallback(migration_xact_callback, NULL);
	callback_registered = true;
}

/*
 * Whether this transaction may claim pending changes: it must write (have
 * a transaction id), and some pending change must still be in the window.
 */
bool
pm_migration_pending(void)
{
	TimestampTz now;
	ListCell   *lc;

	if (pending == NIL || !TransactionIdIsValid(GetTopTransactionIdIfAny()))
		return false;
	now = GetCurrentTimestamp();
	foreach(lc, pending)
	{
		PendingChange *pc = lfirst(lc);

		if (!TimestampDifferenceExceeds(pc->committed, now, PM_PENDING_WINDOW_MS))
			return true;
	}
	return false;
}

/*
 * Whether a table (or a sequence it owns: a serial column's) is a history
 * table this transaction wrote, or a table named after one in its schema
 * (knex's <table>_lock, which knex creates in a transaction of its own).
 */
static bool
history_table_of(Oid relid)
{
	ListCell   *lc;
	Oid			owner;
	int32		col;
	char	   *name;

	if (!OidIsValid(relid))
		return false;
	if (get_rel_relkind(relid) == RELKIND_SEQUENCE &&
		(sequenceIsOwned(relid, DEPENDENCY_AUTO, &owner, &col) ||
		 sequenceIsOwned(relid, DEPENDENCY_INTERNAL, &owner, &col)))
		relid = owner;
	name = get_rel_name(relid);
	foreach(lc, xact_events)
	{
		Oid			hist = ((HistoryEvent *) lfirst(lc))->relid;
		char	   *histName;

		if (hist == relid)
			return true;
		histName = get_rel_name(hist);
		if (name && histName && get_rel_namespace(hist) == get_rel_namespace(relid) &&
			strncmp(name, histName, strlen(histName)) == 0 && name[strlen(histName)] == '_')
			return true;
	}
	return false;
}

/*
 * Whether a schema (its identity, quoted) holds a history table this
 * transaction wrote: a tool's CREATE SCHEMA for its history table
 * (node-pg-migrate --create-migrations-schema) is no migration's change.
 */
static bool
history_schema_of(const char *identity)
{
	ListCell   *lc;

	if (identity == NULL)
		return false;
	foreach(lc, xact_events)
	{
		char	   *nsp = get_namespace_name(get_rel_namespace(((HistoryEvent *) lfirst(lc))->relid));

		if (nsp && strcmp(quote_identifier(nsp), identity) == 0)
			return true;
	}
	return false;
}

/* The schema a row is about (its quoted identity), or NULL. */
static char *
row_schema(const RecordedRow *row)
{
	char	   *type;
	bool		schema;

	if (row->nulls[SC_OBJECT_TYPE] || row->nulls[SC_OBJECT_IDENTITY])
		return NULL;
	type = TextDatumGetCString(row->values[SC_OBJECT_TYPE]);
	schema = strcmp(type, "schema") == 0;
	pfree(type);
	return schema ? TextDatumGetCString(row->values[SC_OBJECT_IDENTITY]) : NULL;
}

/* A CREATE that reports no object: IF NOT EXISTS found it, nothing changed. */
static bool
created_nothing(const RecordedRow *row)
{
	char	   *tag;
	bool		create;

	if (!row->nulls[SC_OBJECT_IDENTITY] || !row->nulls[SC_OBJECT_TYPE] ||
		row->nulls[SC_COMMAND_TAG])
		return false;
	tag = TextDatumGetCString(row->values[SC_COMMAND_TAG]);
	create = strncmp(tag, "CREATE ", 7) == 0;
	pfree(tag);
	return create;
}

/*
 * Give rows without postmortem.migration the migration whose history event
 * this transaction wrote next after them, or else the last one before them.
 * Called before the rows are chained; with no rows, when changes of earlier
 * transactions are pending.
 */
void
pm_assign_migrations(List *rows)
{
	ListCell   *lc;
	bool		needed = (rows == NIL);

	xact_events = NIL;
	xact_attributions = NIL;
	ensure_callback();
	foreach(lc, rows)
		if (((RecordedRow *) lfirst(lc))->nulls[SC_MIGRATION] &&
			!((RecordedRow *) lfirst(lc))->gap)
			needed = true;
	if (needed)
		xact_events = transaction_events();

	foreach(lc, rows)
	{
		RecordedRow *row = lfirst(lc);
		HistoryEvent *next = NULL;
		Attribution *att;
		ListCell   *elc;

		/* a gap row stands for a failed write: nothing user-named in it */
		if (row->gap)
			continue;
		att = palloc0(sizeof(Attribution));
		att->row = row;
		if (row->nulls[SC_MIGRATION])
		{
			/* the history table's own creation is no migration's change */
			if (xact_events == NIL ||
				(!row->nulls[SC_TABLE_OID] &&
				 history_table_of(DatumGetObjectId(row->values[SC_TABLE_OID]))) ||
				history_schema_of(row_schema(row)))
				continue;
			foreach(elc, xact_events)
			{
				next = lfirst(elc);
				if (next->cid >= row->cid)
					break;
			}
			att->event = next;
			set_text(row, SC_MIGRATION, next->migration);
		}
		xact_attributions = lappend(xact_attributions, att);
	}
}

/* Insert the attributions into postmortem.migration_attribution. */
static void
write_attributions(List *atts)
{
	Oid			relid = postmortem_relid("migration_attribution");
	Relation	rel;
	TupleDesc	desc;
	EState	   *estate;
	ResultRelInfo *rri;
	TupleTableSlot *slot;
	Datum	   *values;
	bool	   *nulls;
	ListCell   *lc;
	int64		run = 0;
	HistoryEvent *runEvent = NULL;
	char	   *runSetting = NULL;
	TimestampTz now = GetCurrentTimestamp();

	if (atts == NIL || !OidIsValid(relid))
		return;
	if (!ConditionalLockRelationOid(relid, RowExclusiveLock))
	{
		ereport(WARNING,
				(errcode(ERRCODE_LOCK_NOT_AVAILABLE),
				 errmsg("postmortem did not record which migration ran: postmortem.migration_attribution is locked by another session")));
		return;
	}
	rel = table_open(relid, NoLock);
	desc = RelationGetDescr(rel);
	estate = CreateExecutorState();
	rri = makeNode(ResultRelInfo);
	InitResultRelInfo(rri, rel, 0, NULL, 0);
	ExecOpenIndices(rri, false);
	slot = ExecInitExtraTupleSlot(estate, desc, &TTSOpsHeapTuple);
	values = palloc(sizeof(Datum) * desc->natts);
	nulls = palloc(sizeof(bool) * desc->natts);

	foreach(lc, atts)
	{
		Attribution *att = lfirst(lc);
		HistoryEvent *ev = att->event;
		char	   *migration;
		int			i;

		if (ev == NULL)
			migration = TextDatumGetCString(att->row->values[SC_MIGRATION]);
		else
			migration = ev->migration;
		/* a run: the changes one event (or one setting) names, in a row */
		if (run == 0 || ev != runEvent ||
			(ev == NULL && strcmp(runSetting, migration) != 0))
		{
			run = att->id;
			runEvent = ev;
			runSetting = migration;
		}
		for (i = 0; i < desc->natts; i++)
			nulls[i] = true;
#define SET_COL(name, datum) \
		do { \
			AttrNumber a_ = column_number(desc, name); \
			if (a_ != InvalidAttrNumber) \
			{ values[a_ - 1] = (datum); nulls[a_ - 1] = false; } \
		} while (0)
		SET_COL("schema_change_id", Int64GetDatum(att->id));
		if (att->origin)
			SET_COL("origin", CStringGetTextDatum(att->origin));
		SET_COL("migration", CStringGetTextDatum(migration));
		SET_COL("how", CStringGetTextDatum(ev == NULL ? "setting" :
										   att->row ? "same transaction" : "following transaction"));
		SET_COL("run", Int64GetDatum(run));
		SET_COL("attributed_at", TimestampTzGetDatum(now));
		if (ev)
		{
			SET_COL("tool", CStringGetTextDatum(ev->source->tool));
			SET_COL("direction", CStringGetTextDatum(ev->down ? "down" : "up"));
			SET_COL("history_table", CStringGetTextDatum(ev->table));
			if (ev->from)
				SET_COL("from_version", CStringGetTextDatum(ev->from));
		}
#undef SET_COL
		ExecStoreHeapTuple(heap_form_tuple(desc, values, nulls), slot, true);
		simple_table_tuple_insert(rel, slot);
		pm_insert_index_tuples(rri, slot, estate);
		ExecClearTuple(slot);
	}
	ExecCloseIndices(rri);
	ExecResetTupleTable(estate->es_tupleTable, false);
	FreeExecutorState(estate);
	table_close(rel, NoLock);
}

/*
 * After the rows got their ids: write each row's attribution, claim the
 * pending changes of earlier transactions, and note this transaction's
 * unattributed changes as pending (applied at commit).
 */
void
pm_record_migrations(List *rows)
{
	ListCell   *lc;
	List	   *atts = NIL;

	staged = true;
	staged_clear = (xact_events != NIL);
	staged_add = NIL;

	foreach(lc, xact_attributions)
	{
		Attribution *att = lfirst(lc);

		att->id = DatumGetInt64(att->row->values[SC_ID]);
		att->origin = att->row->nulls[SC_ORIGIN] ? NULL : TextDatumGetCString(att->row->values[SC_ORIGIN]);
		atts = lappend(atts, att);
	}
	foreach(lc, rows)
	{
		RecordedRow *row = lfirst(lc);

		if (row->nulls[SC_MIGRATION] && xact_events == NIL && !row->gap)
		{
			MemoryContext old = MemoryContextSwitchTo(pending_cxt);
			PendingChange *pc = palloc(sizeof(PendingChange));

			pc->id = DatumGetInt64(row->values[SC_ID]);
			pc->origin = row->nulls[SC_ORIGIN] ? NULL : TextDatumGetCString(row->values[SC_ORIGIN]);
			pc->table = row->nulls[SC_TABLE_OID] ? InvalidOid : DatumGetObjectId(row->values[SC_TABLE_OID]);
			pc->schema = row_schema(row);
			pc->noObject = created_nothing(row);
			pc->committed = GetCurrentTimestamp();
			pc->role = GetUserId();
			staged_add = lappend(staged_add, pc);
			MemoryContextSwitchTo(old);
		}
	}

	/* a transaction with no change of its own claims the pending ones */
	if (rows == NIL && xact_events != NIL)
	{
		TimestampTz now = GetCurrentTimestamp();

		foreach(lc, pending)
		{
			PendingChange *pc = lfirst(lc);
			Attribution *att;

			if (pc->role != GetUserId() ||
				TimestampDifferenceExceeds(pc->committed, now, PM_PENDING_WINDOW_MS) ||
				history_table_of(pc->table) || history_schema_of(pc->schema) ||
				pc->noObject)
				continue;
			att = palloc0(sizeof(Attribution));
			att->id = pc->id;
			att->origin = pc->origin;
			att->event = linitial(xact_events);
			atts = lappend(atts, att);
		}
	}
	write_attributions(atts);
	xact_events = NIL;
	xact_attributions = NIL;
}

static void
pending_free(PendingChange *pc)
{
	if (pc->origin)
		pfree(pc->origin);
	if (pc->schema)
		pfree(pc->schema);
	pfree(pc);
}

static void
migration_xact_callback(XactEvent event, void *arg)
{
	switch (event)
	{
		case XACT_EVENT_COMMIT:
		case XACT_EVENT_PARALLEL_COMMIT:
		case XACT_EVENT_PREPARE:
			if (staged)
			{
				MemoryContext old = MemoryContextSwitchTo(pending_cxt);

				TimestampTz now = GetCurrentTimestamp();
				ListCell   *lc;

				if (staged_clear)
				{
					foreach(lc, pending)
						pending_free(lfirst(lc));
					list_free(pending);
					pending = NIL;
				}
				/* what is out of the window can never be claimed */
				foreach(lc, pending)
				{
					PendingChange *pc = lfirst(lc);

					if (TimestampDifferenceExceeds(pc->committed, now, PM_PENDING_WINDOW_MS))
					{
						pending = foreach_delete_current(pending, lc);
						pending_free(pc);
					}
				}
				pending = list_concat(pending, staged_add);
				list_free(staged_add);
				MemoryContextSwitchTo(old);
			}
			break;
		case XACT_EVENT_ABORT:
		case XACT_EVENT_PARALLEL_ABORT:
			{
				ListCell   *lc;

				foreach(lc, staged_add)
					pending_free(lfirst(lc));
				list_free(staged_add);
				break;
			}
		default:
			return;
	}
	staged = false;
	staged_clear = false;
	staged_add = NIL;
	xact_events = NIL;
	xact_attributions = NIL;
}
