/*-------------------------------------------------------------------------
 *
 * facts.c
 *	  Facts about a DDL command that the recorder reads from its parse tree
 *	  and the catalogs: the exact statement text, the lock it takes on its
 *	  table, and definitions (indexes, table columns, views) before and after.
 *
 * May call: src/ top level, indexdef.c.  Called by capture.c, hook.c, revert.c;
 * what it needs from them (the statement text the hook knows) is passed in.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "access/genam.h"
#include "access/htup_details.h"
#include "access/table.h"
#include "catalog/indexing.h"
#include "catalog/namespace.h"
#include "catalog/partition.h"
#include "catalog/pg_attrdef.h"
#include "catalog/pg_attribute.h"
#include "catalog/pg_class.h"
#include "catalog/pg_constraint.h"
#include "catalog/pg_index.h"
#include "catalog/pg_inherits.h"
#include "commands/event_trigger.h"
#include "commands/tablecmds.h"
#include "lib/stringinfo.h"
#include "nodes/nodes.h"
#include "parser/parser.h"
#include "parser/scanner.h"
#include "parser/scansup.h"
#include "rewrite/prs2lock.h"
#include "rewrite/rewriteHandler.h"
#include "access/relation.h"
#include "access/xact.h"
#include "tcop/pquery.h"
#include "tcop/tcopprot.h"
#include "utils/builtins.h"
#include "utils/fmgroids.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/portal.h"
#include "utils/rel.h"
#include "utils/resowner.h"
#include "utils/ruleutils.h"
#include "utils/syscache.h"

#include "postmortem.h"
#include "recorder/recorder.h"

/*
 * Statement text.
 *
 * With the library preloaded, the ProcessUtility hook knows the statement's
 * location in the query string (as pg_stat_statements does).  Without it,
 * ddl_command_start has only the parse tree and debug_query_string: a string
 * holding one statement is that statement; a string holding several is parsed
 * once more (once per string) and the statement found by equal() on the
 * parse trees, in order, so that identical statements map one to one.
 */
static MemoryContext stmt_cache_cxt = NULL;
static const char *stmt_cache_query = NULL;
static TimestampTz stmt_cache_ts = 0;
static List *stmt_cache_list = NIL;
static int	stmt_cache_next = 0;

static char *
trimmed_copy(const char *s, int len)
{
	while (len > 0 && scanner_isspace(*s))
		s++, len--;
	while (len > 0 && (scanner_isspace(s[len - 1]) || s[len - 1] == ';'))
		len--;
	return pnstrdup(s, len);
}

/* Is there at most one statement in q?  Conservative: any inner ';' says no. */
static bool
single_statement(const char *q)
{
	const char *semi = strchr(q, ';');

	if (semi == NULL)
		return true;
	for (semi++; *semi; semi++)
		if (!scanner_isspace(*semi))
			return false;
	return true;
}

/*
 * A subscription's connection string may hold a password (docs/fleet.md):
 * such a statement is kept without it, as hook.c keeps a role's.
 */
static char *
subscription_statement(Node *parsetree)
{
	if (IsA(parsetree, CreateSubscriptionStmt))
		return psprintf("CREATE SUBSCRIPTION %s (statement not recorded: its connection string may hold a password)",
						quote_identifier(((CreateSubscriptionStmt *) parsetree)->subname));
	if (IsA(parsetree, AlterSubscriptionStmt) &&
		((AlterSubscriptionStmt *) parsetree)->kind == ALTER_SUBSCRIPTION_CONNECTION)
		return psprintf("ALTER SUBSCRIPTION %s CONNECTION (statement not recorded: its connection string may hold a password)",
						quote_identifier(((AlterSubscriptionStmt *) parsetree)->subname));
	return NULL;
}

/*
 * pm_statement_at: the statement at location (length len, 0: to the end)
 * in query, trimmed; the whole string when location is unknown (-1).
 */
char *
pm_statement_at(const char *query, int location, int len)
{
	int			qlen = strlen(query);

	if (location >= 0 && location <= qlen)
		return trimmed_copy(query + location,
							len > 0 ? Min(len, qlen - location) : qlen - location);
	return trimmed_copy(query, qlen);
}

/*
 * pm_statement_text: the text of the statement parsetree came from.
 * hookStatement: the text the ProcessUtility hook found (preload mode), or
 * NULL.
 */
char *
pm_statement_text(Node *parsetree, const char *hookStatement)
{
	const char *q;
	ListCell   *lc;
	int			i;
	char	   *redacted = parsetree ? subscription_statement(parsetree) : NULL;

	if (redacted != NULL)
		return redacted;
	if (hookStatement != NULL)
		return pstrdup(hookStatement);
	q = debug_query_string;
	if (q == NULL)
		return NULL;
	if (single_statement(q))
		return trimmed_copy(q, strlen(q));

	if (stmt_cache_cxt == NULL)
		stmt_cache_cxt = AllocSetContextCreate(TopMemoryContext,
											   "postmortem statement cache",
											   ALLOCSET_SMALL_SIZES);
	if (q != stmt_cache_query || GetCurrentStatementStartTimestamp() != stmt_cache_ts)
	{
		MemoryContext old;

		MemoryContextReset(stmt_cache_cxt);
		stmt_cache_query = NULL;
		stmt_cache_list = NIL;
		old = MemoryContextSwitchTo(stmt_cache_cxt);

		/*
		 * The string parsed once already, but may not parse again: a SET of
		 * standard_conforming_strings earlier in it changes how its string
		 * literals scan.  Then each statement is the whole string.  The
		 * parser holds no resources; a cancel is not swallowed.
		 */
		PG_TRY();
		{
			stmt_cache_list = raw_parser(q, RAW_PARSE_DEFAULT);
		}
		PG_CATCH();
		{
			MemoryContextSwitchTo(old);
			if (geterrcode() == ERRCODE_QUERY_CANCELED)
				PG_RE_THROW();
			FlushErrorState();
			stmt_cache_list = NIL;
		}
		PG_END_TRY();
		MemoryContextSwitchTo(old);
		stmt_cache_query = q;
		stmt_cache_ts = GetCurrentStatementStartTimestamp();
		stmt_cache_next = 0;
	}

	/*
	 * The next statement equal to this one.  Parse analysis rewrites the
	 * query inside CREATE TABLE AS, so that one is matched by its kind; any
	 * other statement that matches nothing was run by a function or DO
	 * block of the string.
	 */
	for (i = 0; i < 2; i++)
	{
		if (i == 1 && !IsA(parsetree, CreateTableAsStmt))
			break;
		/* statements before the last one matched are not looked at again */
		for_each_from(lc, stmt_cache_list, stmt_cache_next)
		{
			RawStmt    *raw = lfirst_node(RawStmt, lc);

			if (i == 0 ? equal(raw->stmt, parsetree) : nodeTag(raw->stmt) == nodeTag(parsetree))
			{
				int			len = raw->stmt_len > 0 ? raw->stmt_len : (int) strlen(q + raw->stmt_location);

				stmt_cache_next = foreach_current_index(lc) + 1;
				return trimmed_copy(q + raw->stmt_location, len);
			}
		}
	}
	/*
	 * DDL run from a function or DO block: the statement that ran it, which
	 * the portal running the string's current statement knows (SPI runs
	 * the function's statements without a portal of their own).
	 */
	if (ActivePortal != NULL && ActivePortal->sourceText == q &&
		list_length(ActivePortal->stmts) == 1)
	{
		PlannedStmt *top = linitial_node(PlannedStmt, ActivePortal->stmts);

		if (top->stmt_location >= 0)
			return pm_statement_at(q, top->stmt_location, top->stmt_len);
	}
	return trimmed_copy(q, strlen(q));
}

/* SQL spelling of a lock mode, as LOCK TABLE takes it. */
const char *
pm_lockmode_name(LOCKMODE mode)
{
	switch (mode)
	{
		case AccessShareLock:
			return "ACCESS SHARE";
		case RowShareLock:
			return "ROW SHARE";
		case RowExclusiveLock:
			return "ROW EXCLUSIVE";
		case ShareUpdateExclusiveLock:
			return "SHARE UPDATE EXCLUSIVE";
		case ShareLock:
			return "SHARE";
		case ShareRowExclusiveLock:
			return "SHARE ROW EXCLUSIVE";
		case ExclusiveLock:
			return "EXCLUSIVE";
		case AccessExclusiveLock:
			return "ACCESS EXCLUSIVE";
	}
	return NULL;
}

/*
 * Relations looked up by name during one ddl_command_start: the lock mode,
 * the temporary check, the definitions before and the revert facts all
 * name the statement's table, and each look-up walks the search path
 * (10 k instructions, most of it catalog cache misses in a migration's
 * transaction).  Asked once, the answer is shared: what the recorder reads
 * at start is then about one relation even if a concurrent session renames
 * tables meanwhile.  Forgotten at the next command's start.
 */
typedef struct RelationLookup
{
	char	   *catalogname;
	char	   *schemaname;
	char	   *relname;
	char		relpersistence;
	Oid			relid;
} RelationLookup;

#define PM_RELATION_LOOKUPS 8
static RelationLookup lookups[PM_RELATION_LOOKUPS];
static int	nlookups = 0;
static MemoryContext lookup_cxt = NULL;

/* Called at each ddl_command_start. */
void
pm_lookups_reset(void)
{
	if (lookup_cxt != NULL && nlookups > 0)
		MemoryContextReset(lookup_cxt);
	nlookups = 0;
}

static bool
same_name(const char *a, const char *b)
{
	return a == NULL ? b == NULL : (b != NULL && strcmp(a, b) == 0);
}

/* pm_rangevar_oid: the relation a RangeVar names now (no lock), or InvalidOid. */
Oid
pm_rangevar_oid(RangeVar *rv)
{
	RelationLookup *l;
	MemoryContext old;
	Oid			relid;
	int			i;

	if (rv == NULL)
		return InvalidOid;
	for (i = 0; i < nlookups; i++)
	{
		l = &lookups[i];
		if (l->relpersistence == rv->relpersistence && strcmp(l->relname, rv->relname) == 0 &&
			same_name(l->schemaname, rv->schemaname) &&
			same_name(l->catalogname, rv->catalogname))
			return l->relid;
	}
	relid = RangeVarGetRelid(rv, NoLock, true);
	if (nlookups == PM_RELATION_LOOKUPS)
		return relid;
	if (lookup_cxt == NULL)
		lookup_cxt = AllocSetContextCreate(TopMemoryContext, "postmortem relation look-ups",
										   ALLOCSET_SMALL_SIZES);
	old = MemoryContextSwitchTo(lookup_cxt);
	l = &lookups[nlookups++];
	l->catalogname = rv->catalogname ? pstrdup(rv->catalogname) : NULL;
	l->schemaname = rv->schemaname ? pstrdup(rv->schemaname) : NULL;
	l->relname = pstrdup(rv->relname);
	l->relpersistence = rv->relpersistence;
	l->relid = relid;
	MemoryContextSwitchTo(old);
	return relid;
}

static Oid
rangevar_oid(RangeVar *rv)
{
	return pm_rangevar_oid(rv);
}

/* The lock a DROP takes, and on which table (one object dropped). */
static LOCKMODE
drop_lockmode(DropStmt *stmt, Oid *relid)
{
	switch (stmt->removeType)
	{
		case OBJECT_INDEX:
			if (list_length(stmt->objects) == 1)
			{
				Oid			idx = rangevar_oid(makeRangeVarFromNameList(linitial(stmt->objects)));

				if (OidIsValid(idx))
					*relid = pm_index_table(idx);
			}
			return stmt->concurrent ? ShareUpdateExclusiveLock : AccessExclusiveLock;
		case OBJECT_TABLE:
		case OBJECT_VIEW:
		case OBJECT_MATVIEW:
		case OBJECT_SEQUENCE:
		case OBJECT_FOREIGN_TABLE:
			if (list_length(stmt->objects) == 1)
				*relid = rangevar_oid(makeRangeVarFromNameList(linitial(stmt->objects)));
			return AccessExclusiveLock;
		case OBJECT_TRIGGER:
		case OBJECT_RULE:
		case OBJECT_POLICY:
			{
				List	   *names = linitial(stmt->objects);

				*relid = rangevar_oid(makeRangeVarFromNameList(list_truncate(list_copy(names), list_length(names) - 1)));
				return AccessExclusiveLock;
			}
		default:
			return NoLock;
	}
}

/*
 * The lock CREATE TABLE takes on another table: PARTITION OF locks the
 * parent, a foreign key the table it references.
 */
static LOCKMODE
create_lockmode(CreateStmt *stmt, Oid *relid)
{
	ListCell   *lc;

	/* PARTITION OF locks the parent */
	if (stmt->partbound != NULL && stmt->inhRelations != NIL)
	{
		*relid = rangevar_oid(linitial(stmt->inhRelations));
		return AccessExclusiveLock;
	}
	/* a foreign key locks the table it references */
	foreach(lc, stmt->tableElts)
	{
		Node	   *elt = lfirst(lc);
		List	   *constraints = IsA(elt, ColumnDef) ? ((ColumnDef *) elt)->constraints
			: list_make1(elt);
		ListCell   *clc;

		foreach(clc, constraints)
			if (IsA(lfirst(clc), Constraint) &&
				((Constraint *) lfirst(clc))->contype == CONSTR_FOREIGN)
				return ShareRowExclusiveLock;
	}
	return NoLock;
}

/*
 * pm_command_lockmode: the lock the command takes on the table it works on
 * (the strongest one, when it locks several), and that table.  These mirror
 * what the commands themselves ask the lock manager for; ALTER TABLE asks
 * AlterTableGetLockLevel, as ALTER TABLE does.
 */
LOCKMODE
pm_command_lockmode(Node *parsetree, Oid *relid)
{
	*relid = InvalidOid;
	switch (nodeTag(parsetree))
	{
		case T_IndexStmt:
			{
				IndexStmt  *stmt = (IndexStmt *) parsetree;

				*relid = rangevar_oid(stmt->relation);
				return stmt->concurrent ? ShareUpdateExclusiveLock : ShareLock;
			}
		case T_AlterTableStmt:
			{
				AlterTableStmt *stmt = (AlterTableStmt *) parsetree;

				*relid = rangevar_oid(stmt->relation);
				if (OidIsValid(*relid) && stmt->objtype == OBJECT_INDEX)
					*relid = pm_index_table(*relid);
				return AlterTableGetLockLevel(stmt->cmds);
			}
		case T_DropStmt:
			return drop_lockmode((DropStmt *) parsetree, relid);
		case T_RenameStmt:
			{
				RenameStmt *stmt = (RenameStmt *) parsetree;

				if (stmt->relation == NULL)
					return NoLock;
				*relid = rangevar_oid(stmt->relation);
				if (stmt->renameType == OBJECT_INDEX)
				{
					if (OidIsValid(*relid))
						*relid = pm_index_table(*relid);
					return ShareUpdateExclusiveLock;
				}
				return AccessExclusiveLock;
			}
		case T_CreateTrigStmt:
			*relid = rangevar_oid(((CreateTrigStmt *) parsetree)->relation);
			return ShareRowExclusiveLock;
		case T_CreatePolicyStmt:
			*relid = rangevar_oid(((CreatePolicyStmt *) parsetree)->table);
			return AccessExclusiveLock;
		case T_RuleStmt:
			*relid = rangevar_oid(((RuleStmt *) parsetree)->relation);
			return AccessExclusiveLock;
		case T_RefreshMatViewStmt:
			{
				RefreshMatViewStmt *stmt = (RefreshMatViewStmt *) parsetree;

				*relid = rangevar_oid(stmt->relation);
				return stmt->concurrent ? ExclusiveLock : AccessExclusiveLock;
			}
		case T_ViewStmt:
			{
				ViewStmt   *stmt = (ViewStmt *) parsetree;

				/* without OR REPLACE, a view of that name makes it fail */
				if (!stmt->replace)
					return NoLock;
				*relid = rangevar_oid(stmt->view);
				return OidIsValid(*relid) ? AccessExclusiveLock : NoLock;
			}
		case T_CreateStmt:
			return create_lockmode((CreateStmt *) parsetree, relid);
		case T_CommentStmt:
			{
				CommentStmt *stmt = (CommentStmt *) parsetree;

				if (stmt->objtype == OBJECT_TABLE || stmt->objtype == OBJECT_INDEX ||
					stmt->objtype == OBJECT_VIEW || stmt->objtype == OBJECT_MATVIEW ||
					stmt->objtype == OBJECT_COLUMN)
					return ShareUpdateExclusiveLock;
				return NoLock;
			}
		default:
			return NoLock;
	}
}

/* Qualified, quoted name of a relation; NULL when it is gone. */
char *
pm_relation_name(Oid relid)
{
	HeapTuple	tup;
	Form_pg_class cls;
	char	   *nsp;
	char	   *result;

	tup = SearchSysCache1(RELOID, ObjectIdGetDatum(relid));
	if (!HeapTupleIsValid(tup))
		return NULL;
	cls = (Form_pg_class) GETSTRUCT(tup);
	nsp = get_namespace_name(cls->relnamespace);
	result = quote_qualified_identifier(nsp, NameStr(cls->relname));
	ReleaseSysCache(tup);
	return result;
}

/* Number of attributes of a relation; 0 when it is gone. */
int
pm_relnatts(Oid relid)
{
	HeapTuple	tup = SearchSysCache1(RELOID, ObjectIdGetDatum(relid));
	int			natts;

	if (!HeapTupleIsValid(tup))
		return 0;
	natts = ((Form_pg_class) GETSTRUCT(tup))->relnatts;
	ReleaseSysCache(tup);
	return natts;
}

/* The table an index belongs to; InvalidOid when it is not an index. */
Oid
pm_index_table(Oid indexid)
{
	HeapTuple	tup;
	Oid			result;

	tup = SearchSysCache1(INDEXRELID, ObjectIdGetDatum(indexid));
	if (!HeapTupleIsValid(tup))
		return InvalidOid;
	result = ((Form_pg_index) GETSTRUCT(tup))->indrelid;
	ReleaseSysCache(tup);
	return result;
}

/* pg_get_indexdef() of an index (indexdef.c), and whether it is valid. */
char *
pm_index_definition(Oid indexid, bool *valid)
{
	HeapTuple	tup;

	tup = SearchSysCache1(INDEXRELID, ObjectIdGetDatum(indexid));
	if (!HeapTupleIsValid(tup))
		return NULL;
	if (valid)
		*valid = ((Form_pg_index) GETSTRUCT(tup))->indisvalid;
	ReleaseSysCache(tup);
	return pm_indexdef(indexid);
}

/* The indexes of a table, read from pg_index without locking the table. */
List *
pm_table_indexes(Oid relid)
{
	Relation	rel;
	SysScanDesc scan;
	ScanKeyData key;
	HeapTuple	tup;
	List	   *result = NIL;

	ScanKeyInit(&key, Anum_pg_index_indrelid, BTEqualStrategyNumber, F_OIDEQ,
				ObjectIdGetDatum(relid));
	rel = table_open(IndexRelationId, AccessShareLock);
	scan = systable_beginscan(rel, IndexIndrelidIndexId, true, NULL, 1, &key);
	while (HeapTupleIsValid(tup = systable_getnext(scan)))
		result = lappend_oid(result, ((Form_pg_index) GETSTRUCT(tup))->indexrelid);
	systable_endscan(scan);
	table_close(rel, AccessShareLock);
	return result;
}

/*
 * Deparsed column defaults, cached for the duration of one top-level
 * command: ALTER TABLE reads its table's columns before and after, and the
 * defaults it did not touch deparse to the same text twice.  The key is the
 * relation and the stored expression (adbin): a default changed by the
 * command has a new adbin and is deparsed again.
 */
typedef struct DefaultText
{
	Oid			relid;
	char	   *adbin;
	char	   *text;
} DefaultText;

static MemoryContext default_cache_cxt = NULL;
static List *default_cache = NIL;

/* Called at the start of each top-level DDL command. */
void
pm_facts_reset(void)
{
	if (default_cache_cxt != NULL)
		MemoryContextReset(default_cache_cxt);
	default_cache = NIL;
}

static char *
deparse_default(Relation rel, const char *adbin, bool generated)
{
	Oid			relid = RelationGetRelid(rel);
	char	   *bin;
	char	   *text;
	DefaultText *entry;
	MemoryContext old;
	ListCell   *lc;

	foreach(lc, default_cache)
	{
		entry = lfirst(lc);
		if (entry->relid == relid && strcmp(entry->adbin, adbin) == 0)
			return pstrdup(entry->text);
	}

	/*
	 * deparse_context_for opens the relation, which may rebuild its relcache
	 * entry, and grows with its width: only a generated column's expression
	 * refers to columns.
	 */
	bin = pstrdup(adbin);
	text = deparse_expression(stringToNode(bin),
							  generated ? deparse_context_for(RelationGetRelationName(rel), relid) : NIL,
							  false, false);

	if (default_cache_cxt == NULL)
		default_cache_cxt = AllocSetContextCreate(TopMemoryContext,
												  "postmortem column defaults",
												  ALLOCSET_SMALL_SIZES);
	old = MemoryContextSwitchTo(default_cache_cxt);
	entry = palloc(sizeof(DefaultText));
	entry->relid = relid;
	entry->adbin = pstrdup(bin);
	entry->text = pstrdup(text);
	default_cache = lappend(default_cache, entry);
	MemoryContextSwitchTo(old);
	return text;
}

/* The stored default expression of a column, from the relcache; NULL when none. */
static const char *
column_adbin(Relation rel, AttrNumber attnum)
{
	TupleConstr *constr = RelationGetDescr(rel)->constr;
	int			i;

	if (constr == NULL)
		return NULL;
	for (i = 0; i < constr->num_defval; i++)
		if (constr->defval[i].adnum == attnum)
			return constr->defval[i].adbin;
	return NULL;
}

/* Default expression of a column, deparsed; NULL when it has none. */
char *
pm_column_default(Oid relid, AttrNumber attnum)
{
	Relation	rel = RelationIdGetRelation(relid);
	const char *adbin;
	char	   *result = NULL;

	if (rel == NULL)
		return NULL;
	adbin = column_adbin(rel, attnum);
	if (adbin != NULL)
		result = deparse_default(rel, adbin,
								 TupleDescAttr(RelationGetDescr(rel), attnum - 1)->attgenerated != '\0');
	RelationClose(rel);
	return result;
}

/*
 * A view's query (a copy taken from its relcache entry, as pg_get_viewdef
 * shows it) deparsed without keeping a lock on anything.  Deparsing locks
 * the relations the query names (on PostgreSQL 15, the view itself too,
 * through its OLD and NEW entries) ACCESS SHARE; kept until the end of the
 * transaction, the view's lock taken at ddl_command_start would be held
 * while CREATE OR REPLACE VIEW waits to take its ACCESS EXCLUSIVE, and two
 * sessions replacing the same view would deadlock.  The locks are taken
 * under a resource owner of their own and let go when the text is built.
 */
static char *
view_definition(Query *query)
{
	ResourceOwner saved = CurrentResourceOwner;
	ResourceOwner owner = ResourceOwnerCreate(saved, "postmortem view definition");
	char	   *def;

	CurrentResourceOwner = owner;
	PG_TRY();
	{
		def = pg_get_querydef(query, false);
	}
	PG_FINALLY();
	{
		CurrentResourceOwner = saved;
	}
	PG_END_TRY();
	ResourceOwnerRelease(owner, RESOURCE_RELEASE_BEFORE_LOCKS, false, false);
	ResourceOwnerRelease(owner, RESOURCE_RELEASE_LOCKS, false, false);
	ResourceOwnerRelease(owner, RESOURCE_RELEASE_AFTER_LOCKS, false, false);
	ResourceOwnerDelete(owner);
	return def;
}

/*
 * pm_table_definition: a table's columns as CREATE TABLE would list them,
 * "(id bigint NOT NULL, note text DEFAULT 'x'::text)" (defaults only when
 * asked: deparsing them costs more than the rest); for a view, its query.
 * Read from the relcache entry (which the command itself uses), without
 * locking the table.
 */
char *
pm_table_definition(Oid relid, bool withDefaults)
{
	Relation	rel = RelationIdGetRelation(relid);
	StringInfoData buf;
	bool		first = true;
	char		relkind;
	int			i;
	int			natts;
	char	  **defaults = NULL;
	List	   *context = NIL;

	if (rel == NULL)
		return NULL;
	relkind = rel->rd_rel->relkind;
	if (relkind == RELKIND_VIEW || relkind == RELKIND_MATVIEW)
	{
		char	   *def = NULL;

		if (rel->rd_rules != NULL && rel->rd_rules->numLocks == 1)
		{
			Query	   *query = copyObject(get_view_query(rel));

			RelationClose(rel);
			def = view_definition(query);
		}
		else
			RelationClose(rel);
		return def;
	}
	if (relkind == RELKIND_INDEX || relkind == RELKIND_PARTITIONED_INDEX)
	{
		RelationClose(rel);
		return pm_index_definition(relid, NULL);
	}
	if (relkind != RELKIND_RELATION && relkind != RELKIND_PARTITIONED_TABLE &&
		relkind != RELKIND_FOREIGN_TABLE)
	{
		RelationClose(rel);
		return NULL;
	}

	/*
	 * Work that grows with the table's width only once: the defaults by
	 * column, read before any deparse may rebuild the entry, and the deparse
	 * context, built (it opens the relation and makes every column name
	 * unique, quadratic in the width) only for a generated column: a
	 * default cannot refer to a column.
	 */
	natts = RelationGetDescr(rel)->natts;
	if (withDefaults && RelationGetDescr(rel)->constr != NULL &&
		RelationGetDescr(rel)->constr->num_defval > 0)
	{
		TupleConstr *constr = RelationGetDescr(rel)->constr;

		defaults = palloc0(sizeof(char *) * (natts + 1));
		for (i = 0; i < constr->num_defval; i++)
			if (constr->defval[i].adnum > 0 && constr->defval[i].adnum <= natts)
				defaults[constr->defval[i].adnum] = pstrdup(constr->defval[i].adbin);
		for (i = 0; i < natts; i++)
			if (TupleDescAttr(RelationGetDescr(rel), i)->attgenerated != '\0')
			{
				context = deparse_context_for(RelationGetRelationName(rel), relid);
				break;
			}
	}
	initStringInfo(&buf);
	appendStringInfoChar(&buf, '(');
	for (i = 0; i < natts; i++)
	{
		Form_pg_attribute att = TupleDescAttr(RelationGetDescr(rel), i);

		if (att->attisdropped)
			continue;
		appendStringInfo(&buf, "%s%s %s", first ? "" : ", ",
						 quote_identifier(NameStr(att->attname)),
						 format_type_with_typemod(att->atttypid, att->atttypmod));
		if (att->attnotnull)
			appendStringInfoString(&buf, " NOT NULL");
		first = false;
		if (defaults != NULL && defaults[att->attnum] != NULL)
			appendStringInfo(&buf, " %s %s",
							 att->attgenerated != '\0' ? "GENERATED ALWAYS AS" : "DEFAULT",
							 deparse_expression(stringToNode(defaults[att->attnum]),
												context, false, false));
	}
	appendStringInfoChar(&buf, ')');
	RelationClose(rel);
	return buf.data;
}

static void
save_object(RecorderCommand *cmd, Oid classid, Oid objid, Oid tableOid,
			char relkind, char *definition)
{
	SavedObject *so = palloc0(sizeof(SavedObject));

	so->classid = classid;
	so->objid = objid;
	so->tableOid = tableOid;
	so->tableName = OidIsValid(tableOid) ? pm_relation_name(tableOid) : NULL;
	so->relkind = relkind;
	so->definition = definition;
	cmd->saved = lappend(cmd->saved, so);
}

/* Save a relation and, for a table, its indexes and partitions. */
static void
save_relation(RecorderCommand *cmd, Oid relid, bool withIndexes)
{
	char		relkind = get_rel_relkind(relid);
	ListCell   *lc;

	if (relkind == '\0')
		return;
	if (relkind == RELKIND_INDEX || relkind == RELKIND_PARTITIONED_INDEX)
	{
		save_object(cmd, RelationRelationId, relid, pm_index_table(relid),
					relkind, pm_index_definition(relid, NULL));
		return;
	}
	save_object(cmd, RelationRelationId, relid, relid, relkind,
				pm_table_definition(relid, false));
	/* only tables and materialized views have indexes */
	if (!withIndexes || (relkind != RELKIND_RELATION && relkind != RELKIND_MATVIEW &&
						 relkind != RELKIND_PARTITIONED_TABLE))
		return;
	foreach(lc, pm_table_indexes(relid))
		save_object(cmd, RelationRelationId, lfirst_oid(lc), relid,
					RELKIND_INDEX, pm_index_definition(lfirst_oid(lc), NULL));
	if (relkind == RELKIND_PARTITIONED_TABLE)
	{
		List	   *children = find_all_inheritors(relid, NoLock, NULL);

		foreach(lc, children)
			if (lfirst_oid(lc) != relid)
				save_relation(cmd, lfirst_oid(lc), true);
	}
}

/* Every index in a schema, for DROP SCHEMA ... CASCADE. */
static void
save_schema(RecorderCommand *cmd, Oid nspid)
{
	Relation	rel;
	SysScanDesc scan;
	ScanKeyData key;
	HeapTuple	tup;
	List	   *rels = NIL;
	ListCell   *lc;

	ScanKeyInit(&key, Anum_pg_class_relnamespace, BTEqualStrategyNumber,
				F_OIDEQ, ObjectIdGetDatum(nspid));
	rel = table_open(RelationRelationId, AccessShareLock);
	scan = systable_beginscan(rel, InvalidOid, false, NULL, 1, &key);
	while (HeapTupleIsValid(tup = systable_getnext(scan)))
	{
		Form_pg_class cls = (Form_pg_class) GETSTRUCT(tup);

		if (cls->relkind == RELKIND_RELATION || cls->relkind == RELKIND_PARTITIONED_TABLE ||
			cls->relkind == RELKIND_VIEW || cls->relkind == RELKIND_MATVIEW)
			rels = lappend_oid(rels, cls->oid);
	}
	systable_endscan(scan);
	table_close(rel, AccessShareLock);
	foreach(lc, rels)
		save_relation(cmd, lfirst_oid(lc), true);
}

/*
 * pm_capture_before: at ddl_command_start, read what the command is about to
 * change or drop while it still exists: the definitions of dropped indexes
 * (named, or going with a DROP TABLE, DROP SCHEMA ... CASCADE, or a dropped
 * column), dropped views, and the table's columns before ALTER TABLE.
 */
void
pm_capture_before(Node *parsetree, RecorderCommand *cmd)
{
	ListCell   *lc;

	switch (nodeTag(parsetree))
	{
		case T_DropStmt:
			{
				DropStmt   *stmt = (DropStmt *) parsetree;

				foreach(lc, stmt->objects)
				{
					switch (stmt->removeType)
					{
						case OBJECT_INDEX:
						case OBJECT_TABLE:
						case OBJECT_VIEW:
						case OBJECT_MATVIEW:
						case OBJECT_FOREIGN_TABLE:
							{
								Oid			relid = rangevar_oid(makeRangeVarFromNameList(lfirst(lc)));

								if (OidIsValid(relid))
									save_relation(cmd, relid, true);
								break;
							}
						case OBJECT_SCHEMA:
							{
								Oid			nsp = get_namespace_oid(strVal(lfirst(lc)), true);

								if (OidIsValid(nsp))
									save_schema(cmd, nsp);
								break;
							}
						default:
							break;
					}
				}
				break;
			}
		case T_AlterTableStmt:
			if (OidIsValid(cmd->relid))
			{
				cmd->tableBefore = pm_table_definition(cmd->relid, true);
				foreach(lc, ((AlterTableStmt *) parsetree)->cmds)
				{
					AlterTableCmd *sub = lfirst_node(AlterTableCmd, lc);

					/*
					 * DETACH PARTITION changes the table and the partition it
					 * names, nothing of the other partitions: their
					 * definitions are not read (it would grow with their
					 * number).
					 */
					if (sub->subtype == AT_DetachPartition)
					{
						Oid			part = rangevar_oid(((PartitionCmd *) sub->def)->name);

						save_relation(cmd, cmd->relid, false);
						if (OidIsValid(part))
							save_relation(cmd, part, true);
						break;
					}
					/* subcommands that may drop indexes with them */
					if (sub->subtype == AT_DropColumn || sub->subtype == AT_DropConstraint ||
						sub->subtype == AT_AlterColumnType)
					{
						save_relation(cmd, cmd->relid, true);
						break;
					}
				}
			}
			break;
		case T_ViewStmt:
		case T_RenameStmt:
			if (OidIsValid(cmd->relid))
			{
				cmd->tableBefore = pm_table_definition(cmd->relid, false);
				cmd->viewNattsBefore = pm_relnatts(cmd->relid);
			}
			break;
		default:
			break;
	}
}

/* Why a table was rewritten, from the table_rewrite reason bits. */
char *
pm_rewrite_reason(int reason)
{
	StringInfoData buf;

	initStringInfo(&buf);
	if (reason & AT_REWRITE_COLUMN_REWRITE)
		appendStringInfoString(&buf, "column type or storage changed");
	if (reason & AT_REWRITE_DEFAULT_VAL)
		appendStringInfo(&buf, "%scolumn added with a volatile default", buf.len ? ", " : "");
	if (reason & AT_REWRITE_ALTER_PERSISTENCE)
		appendStringInfo(&buf, "%spersistence changed (LOGGED/UNLOGGED)", buf.len ? ", " : "");
	if (reason & AT_REWRITE_ACCESS_METHOD)
		appendStringInfo(&buf, "%saccess method changed", buf.len ? ", " : "");
	if (buf.len == 0)
		appendStringInfoString(&buf, "table rewritten");
	return buf.data;
}

/*
 * Is a qualified name (a List of String, or the name of an ObjectWithArgs)
 * in the extension's schema?
 */
static bool
name_in_recorder(Node *name)
{
	List	   *names = NIL;

	if (name == NULL)
		return false;
	if (IsA(name, List))
		names = (List *) name;
	else if (IsA(name, ObjectWithArgs))
		names = ((ObjectWithArgs *) name)->objname;
	else if (IsA(name, TypeName))
		names = ((TypeName *) name)->names;
	return list_length(names) >= 2 && IsA(linitial(names), String) &&
		strcmp(strVal(linitial(names)), "postmortem") == 0;
}

static bool
rangevar_in_recorder(RangeVar *rv)
{
	return rv != NULL && rv->schemaname != NULL &&
		strcmp(rv->schemaname, "postmortem") == 0;
}

/*
 * pm_touches_recorder: does the command change the extension (ALTER or DROP
 * EXTENSION postmortem, DROP SCHEMA postmortem) or an object in its schema
 * (its table, its functions, its triggers)?  Such a command is recorded
 * even in a session that looks like a restore: the restore of a dump
 * creates the extension (CREATE EXTENSION, COMMENT ON EXTENSION: not
 * counted) but never changes its objects; an attacker would.  The
 * names are the parse tree's (decoded: U&"\0070ostmortem" is "postmortem").
 * The table a command works on is checked by its OID (relid).
 */
bool
pm_touches_recorder(Node *parsetree, Oid relid)
{
	ListCell   *lc;

	if (OidIsValid(relid) &&
		get_rel_namespace(relid) == get_namespace_oid("postmortem", true))
		return true;
	switch (nodeTag(parsetree))
	{
		case T_AlterExtensionStmt:
			return strcmp(((AlterExtensionStmt *) parsetree)->extname, "postmortem") == 0;
		case T_AlterExtensionContentsStmt:
			return strcmp(((AlterExtensionContentsStmt *) parsetree)->extname, "postmortem") == 0;
		case T_DropStmt:
			foreach(lc, ((DropStmt *) parsetree)->objects)
			{
				Node	   *obj = lfirst(lc);

				if (name_in_recorder(obj))
					return true;
				/* DROP EXTENSION, DROP SCHEMA: plain names */
				if (IsA(obj, String) && strcmp(strVal(obj), "postmortem") == 0)
					return true;
				/* DROP TRIGGER / RULE / POLICY: (schema, table, name) */
				if (IsA(obj, List) && list_length((List *) obj) >= 3 &&
					strcmp(strVal(linitial((List *) obj)), "postmortem") == 0)
					return true;
			}
			return false;
		case T_CreateFunctionStmt:
			return name_in_recorder((Node *) ((CreateFunctionStmt *) parsetree)->funcname);
		case T_AlterFunctionStmt:
			return name_in_recorder((Node *) ((AlterFunctionStmt *) parsetree)->func);
		case T_RenameStmt:
			return rangevar_in_recorder(((RenameStmt *) parsetree)->relation) ||
				name_in_recorder(((RenameStmt *) parsetree)->object);
		case T_AlterObjectSchemaStmt:
			return rangevar_in_recorder(((AlterObjectSchemaStmt *) parsetree)->relation) ||
				name_in_recorder(((AlterObjectSchemaStmt *) parsetree)->object);
		case T_AlterOwnerStmt:
			return rangevar_in_recorder(((AlterOwnerStmt *) parsetree)->relation) ||
				name_in_recorder(((AlterOwnerStmt *) parsetree)->object);
		case T_CommentStmt:
			return name_in_recorder(((CommentStmt *) parsetree)->object);
		case T_CreateTrigStmt:
			return rangevar_in_recorder(((CreateTrigStmt *) parsetree)->relation);
		case T_IndexStmt:
			return rangevar_in_recorder(((IndexStmt *) parsetree)->relation);
		case T_RuleStmt:
			return rangevar_in_recorder(((RuleStmt *) parsetree)->relation);
		case T_CreatePolicyStmt:
			return rangevar_in_recorder(((CreatePolicyStmt *) parsetree)->table);
		case T_AlterPolicyStmt:
			return rangevar_in_recorder(((AlterPolicyStmt *) parsetree)->table);
		case T_AlterTableStmt:
			return rangevar_in_recorder(((AlterTableStmt *) parsetree)->relation);
		case T_GrantStmt:
			foreach(lc, ((GrantStmt *) parsetree)->objects)
			{
				Node	   *obj = lfirst(lc);

				if ((IsA(obj, RangeVar) && rangevar_in_recorder((RangeVar *) obj)) ||
					name_in_recorder(obj))
					return true;
			}
			return false;
		default:
			return false;
	}
}

/* ---------------------------------------------------------------------
 * Secrets in statements
 * ---------------------------------------------------------------------
 *
 * Options of user mappings, foreign servers, wrappers and tables may hold
 * passwords (postgres_fdw's password, others' secret or token).  The
 * recorded statement keeps everything else: the option's value becomes
 * <redacted>.  Role passwords (hook.c) and subscriptions' connection
 * strings (subscription_statement) are not recorded at all.
 */
static bool
secret_option(const char *name, int len)
{
	static const char *const parts[] = {"password", "passwd", "passphrase", "secret", "token",
	"api_key", "apikey", "access_key"};
	char	   *lower = downcase_identifier(name, len, false, false);
	int			i;

	for (i = 0; i < lengthof(parts); i++)
		if (strstr(lower, parts[i]) != NULL)
			return true;
	return false;
}

static bool
may_hold_secrets(Node *parsetree)
{
	switch (nodeTag(parsetree))
	{
		case T_CreateUserMappingStmt:
		case T_AlterUserMappingStmt:
		case T_CreateForeignServerStmt:
		case T_AlterForeignServerStmt:
		case T_CreateFdwStmt:
		case T_AlterFdwStmt:
		case T_CreateForeignTableStmt:
		case T_ImportForeignSchemaStmt:
			return true;
		case T_AlterTableStmt:
			return ((AlterTableStmt *) parsetree)->objtype == OBJECT_FOREIGN_TABLE;
		default:
			return false;
	}
}

/*
 * pm_redact_secrets: the statement with the values of secret options
 * replaced by <redacted> (the statement itself when the command cannot hold
 * any).  The statement is scanned with the SQL scanner: a string literal
 * after an option name that looks secret is rewritten.  Then, whatever the
 * command, the textual rule of src/secrets.c, which also reaches into the
 * literals of a DO block or function body recorded whole.
 */
char *
pm_redact_secrets(Node *parsetree, char *statement)
{
	core_yy_extra_type yyextra;
	core_yyscan_t scanner;
	core_YYSTYPE yylval;
	YYLTYPE		yylloc;
	StringInfoData out;
	int			copied = 0;
	int			prevLoc = -1;
	int			prevLen = 0;
	int			len;

	if (statement == NULL || !may_hold_secrets(parsetree))
		return pm_redact_secret_values(statement);
	len = strlen(statement);
	initStringInfo(&out);
	scanner = scanner_init(statement, &yyextra, &ScanKeywords, ScanKeywordTokens);
	PG_TRY();
	{
		int			tok;

		tok = core_yylex(&yylval, &yylloc, scanner);
		while (tok != 0)
		{
			int			loc = yylloc;
			int			next = core_yylex(&yylval, &yylloc, scanner);
			int			end = next != 0 ? yylloc : len;
			const char *p = statement + loc;
			bool		literal = (p[0] == '\'' ||
								   ((p[0] == 'E' || p[0] == 'e') && p[1] == '\''));

			while (end > loc && scanner_isspace(statement[end - 1]))
				end--;
			if (literal && prevLoc >= 0 && secret_option(statement + prevLoc, prevLen))
			{
				appendBinaryStringInfo(&out, statement + copied, loc - copied);
				appendStringInfoString(&out, "<redacted>");
				copied = end;
			}
			/* an option name: an identifier, quoted or not */
			prevLoc = loc;
			prevLen = end - loc;
			if (prevLen >= 2 && p[0] == '"' && statement[end - 1] == '"')
				prevLoc++, prevLen -= 2;
			tok = next;
		}
	}
	PG_CATCH();
	{
		/* what does not scan again is not recorded at all */
		if (geterrcode() == ERRCODE_QUERY_CANCELED)
			PG_RE_THROW();
		FlushErrorState();
		scanner_finish(scanner);
		return psprintf("(statement not recorded: it may hold a password)");
	}
	PG_END_TRY();
	scanner_finish(scanner);
	appendBinaryStringInfo(&out, statement + copied, len - copied);
	return pm_redact_secret_values(out.data);
}

/* pm_missing_ok: does the command say IF EXISTS (and may so change nothing)? */
bool
pm_missing_ok(Node *parsetree)
{
	switch (nodeTag(parsetree))
	{
		case T_DropStmt:
			return ((DropStmt *) parsetree)->missing_ok;
		case T_AlterTableStmt:
			return ((AlterTableStmt *) parsetree)->missing_ok;
		case T_RenameStmt:
			return ((RenameStmt *) parsetree)->missing_ok;
		case T_AlterObjectSchemaStmt:
			return ((AlterObjectSchemaStmt *) parsetree)->missing_ok;
		default:
			return false;
	}
}

/* The constraints of a table element: a column's, or a table constraint. */
static List *
element_constraints(Node *elt)
{
	if (elt == NULL)
		return NIL;
	if (IsA(elt, ColumnDef))
		return list_copy(((ColumnDef *) elt)->constraints);
	if (IsA(elt, Constraint))
		return list_make1(elt);
	return NIL;
}

static List *
add_locked(List *locked, Oid relid, LOCKMODE mode)
{
	ListCell   *lc;
	LockedTable *t;

	if (!OidIsValid(relid))
		return locked;
	foreach(lc, locked)
	{
		t = (LockedTable *) lfirst(lc);
		if (t->relid == relid)
		{
			t->lockmode = Max(t->lockmode, mode);
			return locked;
		}
	}
	t = palloc(sizeof(LockedTable));
	t->relid = relid;
	t->lockmode = mode;
	return lappend(locked, t);
}

/*
 * pm_other_locked_tables: the existing tables a command locks besides the
 * one it names, and how (LockedTable), each once:
 *
 * - the tables the foreign keys it adds reference (CREATE TABLE ...
 *   REFERENCES, ALTER TABLE ... ADD [COLUMN ... REFERENCES | CONSTRAINT ...
 *   FOREIGN KEY]): SHARE ROW EXCLUSIVE, as they get the key's triggers;
 * - the table ATTACH PARTITION attaches, and the parent's default
 *   partition (it is scanned for rows the new partition would take), and
 *   the table DETACH PARTITION detaches: ACCESS EXCLUSIVE;
 * - the default partition of the parent of CREATE TABLE ... PARTITION OF:
 *   ACCESS EXCLUSIVE.
 */
List *
pm_other_locked_tables(Node *parsetree)
{
	List	   *constraints = NIL;
	List	   *locked = NIL;
	ListCell   *lc;

	if (IsA(parsetree, CreateStmt))
	{
		CreateStmt *stmt = (CreateStmt *) parsetree;

		foreach(lc, stmt->tableElts)
			constraints = list_concat(constraints, element_constraints(lfirst(lc)));
		if (stmt->partbound != NULL && stmt->inhRelations != NIL)
		{
			Oid			parent = rangevar_oid(linitial(stmt->inhRelations));

			if (OidIsValid(parent) && get_rel_relkind(parent) == RELKIND_PARTITIONED_TABLE)
				locked = add_locked(locked, get_default_partition_oid(parent), AccessExclusiveLock);
		}
	}
	else if (IsA(parsetree, AlterTableStmt) &&
			 ((AlterTableStmt *) parsetree)->objtype == OBJECT_TABLE)
	{
		AlterTableStmt *stmt = (AlterTableStmt *) parsetree;

		foreach(lc, stmt->cmds)
		{
			AlterTableCmd *c = (AlterTableCmd *) lfirst(lc);

			if (c->subtype == AT_AddConstraint || c->subtype == AT_AddColumn)
				constraints = list_concat(constraints, element_constraints(c->def));
			else if (c->subtype == AT_AttachPartition ||
					 (c->subtype == AT_DetachPartition && !((PartitionCmd *) c->def)->concurrent))
			{
				Oid			parent = rangevar_oid(stmt->relation);

				locked = add_locked(locked, rangevar_oid(((PartitionCmd *) c->def)->name),
									AccessExclusiveLock);
				if (c->subtype == AT_AttachPartition && OidIsValid(parent) &&
					get_rel_relkind(parent) == RELKIND_PARTITIONED_TABLE)
					locked = add_locked(locked, get_default_partition_oid(parent),
										AccessExclusiveLock);
			}
		}
	}
	foreach(lc, constraints)
	{
		Constraint *con = (Constraint *) lfirst(lc);

		if (IsA(con, Constraint) && con->contype == CONSTR_FOREIGN)
			locked = add_locked(locked, rangevar_oid(con->pktable), ShareRowExclusiveLock);
	}
	return locked;
}
