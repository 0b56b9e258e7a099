/*-------------------------------------------------------------------------
 *
 * indexdef.c
 *	  An index's definition, byte for byte as pg_get_indexdef() prints it,
 *	  without a scan of pg_opclass per column.
 *
 * pg_get_indexdef() decides whether to print a column's operator class by
 * comparing it with GetDefaultOpClass(column type, access method), which
 * scans every operator class of the access method; it also builds a
 * deparse context for the table (opening it, naming every column) that only
 * expressions need.  On a migration of empty tables that was 6 % of the
 * instructions of the whole migration.  Here the default operator class of
 * each (type, access method) is asked once and kept until what it depends
 * on changes (indexdef_init), and the definition is
 * assembled from the same pieces pg_get_indexdef_worker() uses (PostgreSQL
 * 15 to 18 print them alike).  Indexes with expressions, a predicate,
 * storage parameters or operator-class parameters are left to
 * pg_get_indexdef() itself: their text needs ruleutils' internals.
 *
 * May call: src/ top level only.  Called by facts.c.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "access/amapi.h"
#include "access/htup_details.h"
#include "catalog/pg_class.h"
#include "catalog/pg_index.h"
#include "commands/defrem.h"
#include "lib/stringinfo.h"
#include "utils/builtins.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/ruleutils.h"
#include "utils/syscache.h"

#include "recorder/recorder.h"

/* What an index definition needs of its access method and operator classes. */
typedef struct OpclassDefault
{
	Oid			type;
	uint32		typeHash;		/* of type in the pg_type syscache */
	Oid			am;
	Oid			opclass;		/* GetDefaultOpClass(type, am) */
} OpclassDefault;

typedef struct AmOrder
{
	Oid			am;
	bool		canorder;		/* amcanorder: DESC and NULLS are printed */
} AmOrder;

/* more (type, access method) pairs than a database plausibly indexes */
#define PM_MAX_OPCLASS_DEFAULTS 512

static MemoryContext indexdef_cxt = NULL;
static List *opclass_defaults = NIL;
static List *am_orders = NIL;

/* Forget what was cached: pg_opclass, pg_cast or pg_am changed. */
static void
indexdef_forget(Datum arg, int cacheid, uint32 hashvalue)
{
	if (indexdef_cxt != NULL)
		MemoryContextReset(indexdef_cxt);
	opclass_defaults = NIL;
	am_orders = NIL;
}

/* A type changed or went (its OID may come back as another type's): forget its defaults. */
static void
indexdef_forget_type(Datum arg, int cacheid, uint32 hashvalue)
{
	ListCell   *lc;

	if (hashvalue == 0)
	{
		indexdef_forget(arg, cacheid, hashvalue);
		return;
	}
	foreach(lc, opclass_defaults)
		if (((OpclassDefault *) lfirst(lc))->typeHash == hashvalue)
			opclass_defaults = foreach_delete_current(opclass_defaults, lc);
}

/*
 * The cache lives as long as the session: a migration of one statement per
 * transaction (or a partition created per transaction) asks the same
 * defaults again and again.  What GetDefaultOpClass() reads is pg_opclass,
 * pg_cast (binary coercion) and the type (a domain's base type); a change to
 * any of them, or to pg_am, forgets what depends on it.
 */
static void
indexdef_init(void)
{
	if (indexdef_cxt != NULL)
		return;
	indexdef_cxt = AllocSetContextCreate(TopMemoryContext,
										 "postmortem default operator classes",
										 ALLOCSET_SMALL_SIZES);
	CacheRegisterSyscacheCallback(CLAOID, indexdef_forget, (Datum) 0);
	CacheRegisterSyscacheCallback(CASTSOURCETARGET, indexdef_forget, (Datum) 0);
	CacheRegisterSyscacheCallback(AMOID, indexdef_forget, (Datum) 0);
	CacheRegisterSyscacheCallback(TYPEOID, indexdef_forget_type, (Datum) 0);
}

/* GetDefaultOpClass(type, am), asked once. */
static Oid
default_opclass(Oid type, Oid am)
{
	ListCell   *lc;
	OpclassDefault *entry;
	Oid			opclass;
	MemoryContext old;

	foreach(lc, opclass_defaults)
	{
		entry = lfirst(lc);
		if (entry->type == type && entry->am == am)
			return entry->opclass;
	}
	opclass = GetDefaultOpClass(type, am);
	if (list_length(opclass_defaults) >= PM_MAX_OPCLASS_DEFAULTS)
		indexdef_forget((Datum) 0, CLAOID, 0);
	old = MemoryContextSwitchTo(indexdef_cxt);
	entry = palloc(sizeof(OpclassDefault));
	entry->type = type;
	entry->typeHash = GetSysCacheHashValue1(TYPEOID, ObjectIdGetDatum(type));
	entry->am = am;
	entry->opclass = opclass;
	opclass_defaults = lappend(opclass_defaults, entry);
	MemoryContextSwitchTo(old);
	return opclass;
}

/* Whether an access method orders its entries (amcanorder), asked once. */
static bool
am_can_order(Oid am)
{
	ListCell   *lc;
	AmOrder    *entry;
	bool		canorder;
	MemoryContext old;

	foreach(lc, am_orders)
	{
		entry = lfirst(lc);
		if (entry->am == am)
			return entry->canorder;
	}
	canorder = GetIndexAmRoutineByAmId(am, false)->amcanorder;
	old = MemoryContextSwitchTo(indexdef_cxt);
	entry = palloc(sizeof(AmOrder));
	entry->am = am;
	entry->canorder = canorder;
	am_orders = lappend(am_orders, entry);
	MemoryContextSwitchTo(old);
	return canorder;
}

/*
 * Whether pg_get_indexdef() prints something here that only ruleutils can
 * print: expressions, a predicate, storage parameters (WITH (...)),
 * operator-class parameters.
 */
static bool
needs_ruleutils(HeapTuple indtup, Form_pg_index idx)
{
	HeapTuple	reltup;
	bool		hasOptions;
	int			keyno;

	if (!heap_attisnull(indtup, Anum_pg_index_indexprs, NULL) ||
		!heap_attisnull(indtup, Anum_pg_index_indpred, NULL))
		return true;
	reltup = SearchSysCache1(RELOID, ObjectIdGetDatum(idx->indexrelid));
	if (!HeapTupleIsValid(reltup))
		return true;
	hasOptions = !heap_attisnull(reltup, Anum_pg_class_reloptions, NULL);
	ReleaseSysCache(reltup);
	if (hasOptions)
		return true;
	for (keyno = 0; keyno < idx->indnkeyatts; keyno++)
		if (get_attoptions(idx->indexrelid, keyno + 1) != (Datum) 0)
			return true;
	return false;
}

/*
 * One column of the index: its name, then for a key column its collation
 * and operator class unless they are the column's defaults, and its order.
 */
static void
append_column(StringInfo buf, Relation heap, Form_pg_index idx, Oid am, int keyno,
			  oidvector *indclass, oidvector *indcollation, int2vector *indoption)
{
	AttrNumber	attnum = idx->indkey.values[keyno];
	Oid			type;
	int32		typmod;
	Oid			collation;
	int16		opt;
	Form_pg_attribute att = NULL;

	/*
	 * The column from the table's relcache entry, the same pg_attribute row
	 * as the catalog cache's; the command and the row's table facts open
	 * that entry anyway, while the cache misses for a table the transaction
	 * changed (a look-up of 10 k instructions per column).
	 */
	if (heap != NULL && attnum > 0 && attnum <= RelationGetDescr(heap)->natts)
		att = TupleDescAttr(RelationGetDescr(heap), attnum - 1);
	if (att != NULL && !att->attisdropped)
		appendStringInfoString(buf, quote_identifier(NameStr(att->attname)));
	else
	{
		att = NULL;
		appendStringInfoString(buf, quote_identifier(get_attname(idx->indrelid, attnum, false)));
	}
	if (keyno >= idx->indnkeyatts)
		return;
	if (att != NULL)
	{
		type = att->atttypid;
		typmod = att->atttypmod;
		collation = att->attcollation;
	}
	else
		get_atttypetypmodcoll(idx->indrelid, attnum, &type, &typmod, &collation);
	if (OidIsValid(indcollation->values[keyno]) && indcollation->values[keyno] != collation)
		appendStringInfo(buf, " COLLATE %s",
						 generate_collation_name(indcollation->values[keyno]));
	if (default_opclass(type, am) != indclass->values[keyno])
		appendStringInfo(buf, " %s", generate_opclass_name(indclass->values[keyno]));
	if (!am_can_order(am))
		return;
	opt = indoption->values[keyno];
	if (opt & INDOPTION_DESC)
	{
		appendStringInfoString(buf, " DESC");
		if (!(opt & INDOPTION_NULLS_FIRST))
			appendStringInfoString(buf, " NULLS LAST");
	}
	else if (opt & INDOPTION_NULLS_FIRST)
		appendStringInfoString(buf, " NULLS FIRST");
}

/*
 * pm_indexdef: the definition of an index as pg_get_indexdef(indexid)
 * returns it; NULL when the index is gone.
 */
char *
pm_indexdef(Oid indexid)
{
	HeapTuple	indtup;
	HeapTuple	reltup;
	Form_pg_index idx;
	Form_pg_class cls;
	Oid			am;
	StringInfoData buf;
	int			keyno;

	indtup = SearchSysCache1(INDEXRELID, ObjectIdGetDatum(indexid));
	if (!HeapTupleIsValid(indtup))
		return NULL;
	idx = (Form_pg_index) GETSTRUCT(indtup);
	if (needs_ruleutils(indtup, idx))
	{
		ReleaseSysCache(indtup);
		return text_to_cstring(DatumGetTextPP(DirectFunctionCall1(pg_get_indexdef,
																  ObjectIdGetDatum(indexid))));
	}
	indexdef_init();
	reltup = SearchSysCache1(RELOID, ObjectIdGetDatum(indexid));
	if (!HeapTupleIsValid(reltup))
	{
		ReleaseSysCache(indtup);
		return NULL;
	}
	cls = (Form_pg_class) GETSTRUCT(reltup);
	am = cls->relam;

	initStringInfo(&buf);
	appendStringInfo(&buf, "CREATE %sINDEX %s ON %s%s USING %s (",
					 idx->indisunique ? "UNIQUE " : "",
					 quote_identifier(NameStr(cls->relname)),
					 cls->relkind == RELKIND_PARTITIONED_INDEX ? "ONLY " : "",
					 quote_qualified_identifier(get_namespace_name_or_temp(get_rel_namespace(idx->indrelid)),
												get_rel_name(idx->indrelid)),
					 quote_identifier(get_am_name(am)));
	{
		bool		isnull;
		oidvector  *indclass;
		oidvector  *indcollation;
		int2vector *indoption;
		Relation	heap = RelationIdGetRelation(idx->indrelid);

		indclass = (oidvector *) DatumGetPointer(SysCacheGetAttr(INDEXRELID, indtup,
																 Anum_pg_index_indclass, &isnull));
		indcollation = (oidvector *) DatumGetPointer(SysCacheGetAttr(INDEXRELID, indtup,
																	 Anum_pg_index_indcollation, &isnull));
		indoption = (int2vector *) DatumGetPointer(SysCacheGetAttr(INDEXRELID, indtup,
																   Anum_pg_index_indoption, &isnull));
		for (keyno = 0; keyno < idx->indnatts; keyno++)
		{
			if (keyno == idx->indnkeyatts)
				appendStringInfoString(&buf, ") INCLUDE (");
			else if (keyno > 0)
				appendStringInfoString(&buf, ", ");
			append_column(&buf, heap, idx, am, keyno, indclass, indcollation, indoption);
		}
		if (heap != NULL)
			RelationClose(heap);
	}
	appendStringInfoChar(&buf, ')');
	if (idx->indnullsnotdistinct)
		appendStringInfoString(&buf, " NULLS NOT DISTINCT");
	ReleaseSysCache(reltup);
	ReleaseSysCache(indtup);
	return buf.data;
}
