/*-------------------------------------------------------------------------
 *
 * drop_guard.c
 *	  Refuse DROP EXTENSION postmortem while it holds incidents or audit rows.
 *
 * Dropping the extension drops its tables: every incident, timeline, task,
 * citation and the whole schema-change audit.  An event trigger on
 * ddl_command_start (it needs no preload) looks at the statement before
 * anything is gone: DROP EXTENSION postmortem, DROP SCHEMA of the
 * extension's schema, and DROP OWNED BY the role that owns the extension or
 * its schema all drop the audit; so does any DROP ... CASCADE that reaches
 * one of the extension's members (a member that depends on a dropped object
 * takes its whole extension with it: DROP EXTENSION plpgsql CASCADE drops
 * postmortem, whose PL/pgSQL functions depend on the language), and ALTER
 * EXTENSION postmortem DROP TABLE, which lets its tables be dropped one by
 * one.  While postmortem.incident or
 * postmortem.schema_change hold rows, such a statement fails unless
 * postmortem.allow_drop is on; a drop that goes ahead is written to the
 * server log with what it deletes and the newest audit row's hash, since
 * the audit itself goes with it.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "access/genam.h"
#include "access/htup_details.h"
#include "access/table.h"
#include "catalog/namespace.h"
#include "catalog/objectaddress.h"
#include "catalog/pg_extension.h"
#include "catalog/pg_namespace.h"
#include "catalog/pg_type.h"
#include "commands/event_trigger.h"
#include "commands/extension.h"
#include "executor/spi.h"
#include "miscadmin.h"
#include "nodes/parsenodes.h"
#include "tcop/tcopprot.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/fmgroids.h"
#include "utils/lsyscache.h"
#include "utils/syscache.h"

#include "postmortem.h"

/* GUC, defined in _PG_init() */
bool		pm_allow_drop = false;

/* Does the statement name one of these strings among its DROP objects? */
static bool
drop_names(DropStmt *stmt, const char *name)
{
	ListCell   *lc;

	foreach(lc, stmt->objects)
	{
		Node	   *obj = lfirst(lc);

		/* DROP EXTENSION and DROP SCHEMA name their objects as String nodes */
		if (IsA(obj, String) && strcmp(strVal(obj), name) == 0)
			return true;
	}
	return false;
}

/* Does DROP OWNED name the owner of the extension or of its schema? */
static bool
drop_owned_reaches(DropOwnedStmt *stmt, Oid extowner, Oid schemaowner)
{
	ListCell   *lc;

	foreach(lc, stmt->roles)
	{
		Oid			roleid = get_rolespec_oid(lfirst(lc), true);

		if (OidIsValid(roleid) && (roleid == extowner || roleid == schemaowner))
			return true;
	}
	return false;
}

/*
 * Does DROP ... CASCADE of the statement's objects reach a member of the
 * extension?  Follows pg_depend from each object it names to everything
 * that depends on it, as the drop would.  Relations are found by name
 * without a lock (the drop locks them itself); other objects are locked
 * as the drop will lock them.
 */
static bool
cascade_reaches(DropStmt *stmt, Oid extoid)
{
	ListCell   *lc;
	bool		reaches = false;

	if (stmt->behavior != DROP_CASCADE)
		return false;
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	foreach(lc, stmt->objects)
	{
		ObjectAddress addr;
		Datum		args[3];
		Oid			argtypes[3] = {OIDOID, OIDOID, OIDOID};
		int			ret;

		switch (stmt->removeType)
		{
			case OBJECT_TABLE:
			case OBJECT_VIEW:
			case OBJECT_MATVIEW:
			case OBJECT_SEQUENCE:
			case OBJECT_FOREIGN_TABLE:
			case OBJECT_INDEX:
				ObjectAddressSet(addr, RelationRelationId,
								 RangeVarGetRelid(makeRangeVarFromNameList(lfirst(lc)), NoLock, true));
				break;
			default:
				{
					Relation	rel = NULL;

					addr = get_object_address(stmt->removeType, lfirst(lc), &rel,
											  AccessExclusiveLock, true);
					if (rel)
						table_close(rel, NoLock);
				}
		}
		if (!OidIsValid(addr.objectId))
			continue;
		args[0] = ObjectIdGetDatum(addr.classId);
		args[1] = ObjectIdGetDatum(addr.objectId);
		args[2] = ObjectIdGetDatum(extoid);
		ret = SPI_execute_with_args("WITH RECURSIVE dep(classid, objid) AS ("
									"  SELECT $1, $2"
									"  UNION"
									"  SELECT d.classid, d.objid FROM pg_catalog.pg_depend d, dep"
									"   WHERE d.refclassid OPERATOR(pg_catalog.=) dep.classid"
									"     AND d.refobjid OPERATOR(pg_catalog.=) dep.objid)"
									" SELECT FROM dep WHERE (dep.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_extension'::pg_catalog.regclass"
									"                        AND dep.objid OPERATOR(pg_catalog.=) $3)"
									"    OR EXISTS (SELECT FROM pg_catalog.pg_depend e"
									"                WHERE e.classid OPERATOR(pg_catalog.=) dep.classid"
									"                  AND e.objid OPERATOR(pg_catalog.=) dep.objid"
									"                  AND e.deptype OPERATOR(pg_catalog.=) 'e'"
									"                  AND e.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_extension'::pg_catalog.regclass"
									"                  AND e.refobjid OPERATOR(pg_catalog.=) $3)"
									" LIMIT 1",
									3, argtypes, args, NULL, true, 1);
		if (ret != SPI_OK_SELECT)
			elog(ERROR, "following the drop's dependencies failed: %s", SPI_result_code_string(ret));
		if (SPI_processed > 0)
		{
			reaches = true;
			break;
		}
	}
	SPI_finish();
	return reaches;
}

/* The owner and the schema of the extension (get_extension_schema() is static before 16). */
static void
extension_owner_schema(Oid extoid, Oid *owner, Oid *schema)
{
	Relation	rel = table_open(ExtensionRelationId, AccessShareLock);
	ScanKeyData key;
	SysScanDesc scan;
	HeapTuple	tup;

	ScanKeyInit(&key, Anum_pg_extension_oid, BTEqualStrategyNumber, F_OIDEQ,
				ObjectIdGetDatum(extoid));
	scan = systable_beginscan(rel, ExtensionOidIndexId, true, NULL, 1, &key);
	*owner = *schema = InvalidOid;
	if (HeapTupleIsValid(tup = systable_getnext(scan)))
	{
		*owner = ((Form_pg_extension) GETSTRUCT(tup))->extowner;
		*schema = ((Form_pg_extension) GETSTRUCT(tup))->extnamespace;
	}
	systable_endscan(scan);
	table_close(rel, AccessShareLock);
}

/*
 * Refuse, or log, the drop: counts what would go, in SQL that names
 * everything with its schema (it runs under the caller's search_path).
 */
static void
guard_drop(const char *what)
{
	int64		incidents;
	int64		changes;
	char	   *last_id;
	char	   *last_hash;
	bool		isnull;
	int			ret;

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	ret = SPI_execute("SELECT (SELECT pg_catalog.count(*) FROM postmortem.incident),"
					  " (SELECT pg_catalog.count(*) FROM postmortem.schema_change),"
					  " s.id, s.row_hash"
					  " FROM (SELECT NULL) x LEFT JOIN LATERAL"
					  " (SELECT c.id, c.row_hash FROM postmortem.schema_change c"
					  " ORDER BY c.id DESC LIMIT 1) s ON true", true, 1);
	if (ret != SPI_OK_SELECT || SPI_processed != 1)
		elog(ERROR, "counting the extension's rows failed: %s", SPI_result_code_string(ret));
	incidents = DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
	changes = DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2, &isnull));
	last_id = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 3);
	last_hash = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 4);

	if ((incidents > 0 || changes > 0) && !pm_allow_drop)
		ereport(ERROR,
				(errcode(ERRCODE_DEPENDENT_OBJECTS_STILL_EXIST),
				 errmsg("%s would delete " INT64_FORMAT " incidents and " INT64_FORMAT " recorded schema changes",
						what, incidents, changes),
				 errdetail("Dropping the postmortem extension drops its tables: the incidents with their timelines, tasks and citations, and the schema-change audit."),
				 errhint("Keep them first (pg_dump --schema=postmortem), then SET postmortem.allow_drop = on and run the statement again.")));

	ereport(LOG,
			(errmsg("postmortem: %s by role \"%s\" (session user \"%s\") deletes " INT64_FORMAT " incidents and " INT64_FORMAT " recorded schema changes; newest schema change %s, row_hash %s",
					what, GetUserNameFromId(GetUserId(), false),
					GetUserNameFromId(GetSessionUserId(), false),
					incidents, changes,
					last_id ? last_id : "(none)", last_hash ? last_hash : "(none)"),
			 errdetail("Statement: %s", debug_query_string ? debug_query_string : "(unknown)")));
	SPI_finish();
}

/*
 * Event trigger on ddl_command_start (DROP commands, ALTER EXTENSION):
 * refuse a statement that would drop the extension while it holds
 * rows, unless postmortem.allow_drop is on; log one that goes ahead.
 */
PG_FUNCTION_INFO_V1(postmortem_drop_guard);
Datum
postmortem_drop_guard(PG_FUNCTION_ARGS)
{
	EventTriggerData *trigdata;
	Node	   *parsetree;
	Oid			extoid;
	Oid			extowner;
	Oid			schemaoid;
	char	   *schemaname;
	const char *what = NULL;

	if (!CALLED_AS_EVENT_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_EVENT_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("postmortem.drop_guard() must be called as an event trigger")));
	trigdata = (EventTriggerData *) fcinfo->context;
	parsetree = trigdata->parsetree;

	/*
	 * A DROP without CASCADE drops only what it names, and nothing it names
	 * here can be the extension or its schema: no dependency can reach the
	 * extension, and nothing is looked up (postmortem's members cannot be
	 * dropped on their own; PostgreSQL refuses that itself).
	 */
	if (IsA(parsetree, DropStmt) &&
		((DropStmt *) parsetree)->behavior != DROP_CASCADE &&
		((DropStmt *) parsetree)->removeType != OBJECT_EXTENSION &&
		((DropStmt *) parsetree)->removeType != OBJECT_SCHEMA)
		PG_RETURN_VOID();

	extoid = get_extension_oid("postmortem", true);
	if (!OidIsValid(extoid))
		PG_RETURN_VOID();
	extension_owner_schema(extoid, &extowner, &schemaoid);
	schemaname = get_namespace_name(schemaoid);

	if (IsA(parsetree, DropStmt))
	{
		DropStmt   *stmt = (DropStmt *) parsetree;

		if (stmt->removeType == OBJECT_EXTENSION && drop_names(stmt, "postmortem"))
			what = "DROP EXTENSION postmortem";
		else if (stmt->removeType == OBJECT_SCHEMA && schemaname &&
				 drop_names(stmt, schemaname))
			what = "DROP SCHEMA of the postmortem extension's schema";
		else if (cascade_reaches(stmt, extoid))
			what = "DROP ... CASCADE reaching the postmortem extension";
	}
	else if (IsA(parsetree, AlterExtensionContentsStmt))
	{
		AlterExtensionContentsStmt *stmt = (AlterExtensionContentsStmt *) parsetree;

		if (stmt->action < 0 && stmt->objtype == OBJECT_TABLE &&
			strcmp(stmt->extname, "postmortem") == 0 && !creating_extension)
			what = "ALTER EXTENSION postmortem DROP TABLE, and the DROP TABLE it allows,";
	}
	else if (IsA(parsetree, DropOwnedStmt))
	{
		HeapTuple	tup = SearchSysCache1(NAMESPACEOID, ObjectIdGetDatum(schemaoid));
		Oid			schemaowner = InvalidOid;

		if (HeapTupleIsValid(tup))
		{
			schemaowner = ((Form_pg_namespace) GETSTRUCT(tup))->nspowner;
			ReleaseSysCache(tup);
		}
		if (drop_owned_reaches((DropOwnedStmt *) parsetree, extowner, schemaowner))
			what = "DROP OWNED BY the owner of the postmortem extension";
	}

	if (what)
		guard_drop(what);
	PG_RETURN_VOID();
}
