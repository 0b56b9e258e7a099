/*-------------------------------------------------------------------------
 *
 * revert.c
 *	  The statement that undoes a recorded schema change.
 *
 * Revert statements are worked out when the change is recorded, from the
 * state read before the command ran (an index definition, a column's type,
 * default or NOT NULL, a comment), and stored in the row, so that they stay
 * right however the schema moves on.  postmortem.revert_sql() returns the
 * stored statement, or raises 0A000 for changes no statement can undo.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "access/genam.h"
#include "access/htup_details.h"
#include "access/relation.h"
#include "access/table.h"
#include "catalog/objectaddress.h"
#include "catalog/pg_attribute.h"
#include "catalog/pg_class.h"
#include "catalog/indexing.h"
#include "catalog/pg_constraint.h"
#include "catalog/pg_trigger.h"
#include "commands/comment.h"
#include "executor/spi.h"
#include "lib/stringinfo.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/fmgroids.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"
#include "utils/syscache.h"

#include "recorder/recorder.h"

/*
 * Old state of a column (a copy), from the table's relcache entry: the
 * definition before (facts.c) has just read it and the command itself opens
 * it, while a pg_attribute look-up by name misses the catalog cache for a
 * table the transaction changed.  NULL when there is no such column.
 */
static Form_pg_attribute
column_before(Oid relid, const char *colname)
{
	Relation	rel = RelationIdGetRelation(relid);
	Form_pg_attribute result = NULL;
	int			i;

	if (rel == NULL)
		return NULL;
	for (i = 0; i < RelationGetDescr(rel)->natts; i++)
	{
		Form_pg_attribute att = TupleDescAttr(RelationGetDescr(rel), i);

		if (!att->attisdropped && strcmp(NameStr(att->attname), colname) == 0)
		{
			result = palloc(sizeof(FormData_pg_attribute));
			memcpy(result, att, sizeof(FormData_pg_attribute));
			break;
		}
	}
	RelationClose(rel);
	return result;
}

/*
 * The ALTER TABLE clause that puts a trigger back in its present state;
 * NULL when the table has no such trigger.
 */
static const char *
trigger_state_clause(Oid relid, const char *tgname)
{
	Relation	rel;
	SysScanDesc scan;
	ScanKeyData key[2];
	HeapTuple	tup;
	const char *clause = NULL;

	ScanKeyInit(&key[0], Anum_pg_trigger_tgrelid, BTEqualStrategyNumber, F_OIDEQ,
				ObjectIdGetDatum(relid));
	ScanKeyInit(&key[1], Anum_pg_trigger_tgname, BTEqualStrategyNumber, F_NAMEEQ,
				CStringGetDatum(tgname));
	rel = table_open(TriggerRelationId, AccessShareLock);
	scan = systable_beginscan(rel, TriggerRelidNameIndexId, true, NULL, 2, key);
	tup = systable_getnext(scan);
	if (HeapTupleIsValid(tup))
	{
		switch (((Form_pg_trigger) GETSTRUCT(tup))->tgenabled)
		{
			case TRIGGER_FIRES_ON_ORIGIN:
				clause = "ENABLE TRIGGER";
				break;
			case TRIGGER_FIRES_ALWAYS:
				clause = "ENABLE ALWAYS TRIGGER";
				break;
			case TRIGGER_FIRES_ON_REPLICA:
				clause = "ENABLE REPLICA TRIGGER";
				break;
			case TRIGGER_DISABLED:
				clause = "DISABLE TRIGGER";
				break;
		}
	}
	systable_endscan(scan);
	table_close(rel, AccessShareLock);
	return clause;
}

/*
 * Inverse of one ALTER TABLE subcommand, appended to buf; false when it has
 * none.
 */
static bool
invert_subcommand(Oid relid, AlterTableCmd *sub, StringInfo buf)
{
	Form_pg_attribute att;
	bool		ok = true;

	switch (sub->subtype)
	{
		case AT_AddColumn:
			{
				ColumnDef  *def = castNode(ColumnDef, sub->def);

				appendStringInfo(buf, "DROP COLUMN %s", quote_identifier(def->colname));
				return true;
			}
		case AT_ColumnDefault:
		case AT_SetNotNull:
		case AT_DropNotNull:
		case AT_AlterColumnType:
			att = column_before(relid, sub->name);
			if (att == NULL)
				return false;
			if (sub->subtype == AT_ColumnDefault)
			{
				char	   *old = NULL;

				if (att->atthasdef)
				{
					old = pm_column_default(relid, att->attnum);
					if (old == NULL)
						ok = false;
				}
				if (ok)
				{
					if (old)
						appendStringInfo(buf, "ALTER COLUMN %s SET DEFAULT %s",
										 quote_identifier(sub->name), old);
					else
						appendStringInfo(buf, "ALTER COLUMN %s DROP DEFAULT",
										 quote_identifier(sub->name));
				}
			}
			else if (sub->subtype == AT_SetNotNull || sub->subtype == AT_DropNotNull)
				/* back to what it was, whichever way it goes */
				appendStringInfo(buf, "ALTER COLUMN %s %s NOT NULL", quote_identifier(sub->name),
								 att->attnotnull ? "SET" : "DROP");
			else
			{
				char	   *typ = format_type_with_typemod(att->atttypid, att->atttypmod);

				appendStringInfo(buf, "ALTER COLUMN %s TYPE %s USING %s::%s",
								 quote_identifier(sub->name), typ,
								 quote_identifier(sub->name), typ);
			}
			return ok;
		case AT_AddConstraint:
			{
				Constraint *con = castNode(Constraint, sub->def);

				if (con->conname == NULL)
					return false;
				appendStringInfo(buf, "DROP CONSTRAINT %s", quote_identifier(con->conname));
				return true;
			}
		case AT_DropConstraint:
			{
				Oid			conoid = get_relation_constraint_oid(relid, sub->name, true);

				if (!OidIsValid(conoid))
					return false;
				appendStringInfo(buf, "ADD CONSTRAINT %s %s", quote_identifier(sub->name),
								 TextDatumGetCString(DirectFunctionCall1(pg_get_constraintdef,
																		 ObjectIdGetDatum(conoid))));
				return true;
			}
		case AT_EnableTrig:
		case AT_EnableAlwaysTrig:
		case AT_EnableReplicaTrig:
		case AT_DisableTrig:
			{
				/* back to the state it had, which may have been any of four */
				const char *clause = trigger_state_clause(relid, sub->name);

				if (clause == NULL)
					return false;
				appendStringInfo(buf, "%s %s", clause, quote_identifier(sub->name));
				return true;
			}
		case AT_SetLogged:
		case AT_SetUnLogged:
			/* back to what it was: SET LOGGED on a logged table changes nothing */
			appendStringInfoString(buf, get_rel_persistence(relid) == RELPERSISTENCE_UNLOGGED
								   ? "SET UNLOGGED" : "SET LOGGED");
			return true;
		case AT_ChangeOwner:
			{
				HeapTuple	reltup = SearchSysCache1(RELOID, ObjectIdGetDatum(relid));

				if (!HeapTupleIsValid(reltup))
					return false;
				appendStringInfo(buf, "OWNER TO %s",
								 quote_identifier(GetUserNameFromId(((Form_pg_class) GETSTRUCT(reltup))->relowner, false)));
				ReleaseSysCache(reltup);
				return true;
			}
		case AT_AttachPartition:
			{
				PartitionCmd *pc = castNode(PartitionCmd, sub->def);

				appendStringInfo(buf, "DETACH PARTITION %s",
								 quote_qualified_identifier(pc->name->schemaname, pc->name->relname));
				return true;
			}
		default:
			return false;
	}
}

static const char *
comment_keyword(ObjectType type)
{
	switch (type)
	{
		case OBJECT_TABLE:
			return "TABLE";
		case OBJECT_COLUMN:
			return "COLUMN";
		case OBJECT_INDEX:
			return "INDEX";
		case OBJECT_VIEW:
			return "VIEW";
		case OBJECT_MATVIEW:
			return "MATERIALIZED VIEW";
		case OBJECT_SEQUENCE:
			return "SEQUENCE";
		case OBJECT_SCHEMA:
			return "SCHEMA";
		case OBJECT_FUNCTION:
			return "FUNCTION";
		case OBJECT_PROCEDURE:
			return "PROCEDURE";
		case OBJECT_TYPE:
			return "TYPE";
		case OBJECT_DOMAIN:
			return "DOMAIN";
		case OBJECT_TABCONSTRAINT:
			return "CONSTRAINT";
		case OBJECT_TRIGGER:
			return "TRIGGER";
		case OBJECT_FOREIGN_TABLE:
			return "FOREIGN TABLE";
		default:
			return NULL;
	}
}

/*
 * pm_revert_at_start: for commands whose inverse depends on the state they
 * change (ALTER TABLE, RENAME, COMMENT ON), work it out before they run.
 */
void
pm_revert_at_start(Node *parsetree, RecorderCommand *cmd)
{
	switch (nodeTag(parsetree))
	{
		case T_AlterTableStmt:
			{
				AlterTableStmt *stmt = (AlterTableStmt *) parsetree;
				StringInfoData buf;
				ListCell   *lc;
				List	   *inverses = NIL;
				char	   *name;

				cmd->revertKnown = true;
				if (!OidIsValid(cmd->relid) || stmt->objtype != OBJECT_TABLE)
					return;
				name = pm_relation_name(cmd->relid);
				foreach(lc, stmt->cmds)
				{
					initStringInfo(&buf);
					if (!invert_subcommand(cmd->relid, lfirst_node(AlterTableCmd, lc), &buf))
						return;
					/* undo in reverse order */
					inverses = lcons(buf.data, inverses);
				}
				initStringInfo(&buf);
				appendStringInfo(&buf, "ALTER TABLE %s ", name);
				foreach(lc, inverses)
					appendStringInfo(&buf, "%s%s", lc == list_head(inverses) ? "" : ", ",
									 (char *) lfirst(lc));
				cmd->revert = buf.data;
				return;
			}
		case T_RenameStmt:
			{
				RenameStmt *stmt = (RenameStmt *) parsetree;
				const char *kw = NULL;
				char	   *oldname;
				char	   *nsp;

				cmd->revertKnown = true;
				if (stmt->relation == NULL || !OidIsValid(cmd->relid))
					return;
				nsp = get_namespace_name(get_rel_namespace(cmd->relid));
				switch (stmt->renameType)
				{
					case OBJECT_TABLE:
						kw = "TABLE";
						break;
					case OBJECT_VIEW:
						kw = "VIEW";
						break;
					case OBJECT_MATVIEW:
						kw = "MATERIALIZED VIEW";
						break;
					case OBJECT_INDEX:
						kw = "INDEX";
						break;
					case OBJECT_SEQUENCE:
						kw = "SEQUENCE";
						break;
					case OBJECT_COLUMN:
					case OBJECT_TABCONSTRAINT:
						{
							char	   *rel = pm_relation_name(cmd->relid);

							cmd->revert = psprintf("ALTER TABLE %s RENAME %s %s TO %s", rel,
												   stmt->renameType == OBJECT_COLUMN ? "COLUMN" : "CONSTRAINT",
												   quote_identifier(stmt->newname),
												   quote_identifier(stmt->subname));
							return;
						}
					default:
						return;
				}
				oldname = stmt->relation->relname;
				cmd->revert = psprintf("ALTER %s %s RENAME TO %s", kw,
									   quote_qualified_identifier(nsp, stmt->newname),
									   quote_identifier(oldname));
				return;
			}
		case T_CommentStmt:
			{
				CommentStmt *stmt = (CommentStmt *) parsetree;
				ObjectAddress addr;
				Relation	rel = NULL;

				cmd->revertKnown = true;
				cmd->commentKeyword = (char *) comment_keyword(stmt->objtype);
				if (cmd->commentKeyword == NULL)
					return;
				addr = get_object_address(stmt->objtype, stmt->object, &rel,
										  ShareUpdateExclusiveLock, true);
				if (rel != NULL)
					relation_close(rel, NoLock);
				if (!OidIsValid(addr.objectId))
					return;
				cmd->commentBefore = GetComment(addr.objectId, addr.classId, addr.objectSubId);
				cmd->hadComment = true;
				cmd->commentObject = addr;
				return;
			}
		default:
			return;
	}
}

/* DROP for an object a command created, from its type and identity. */
char *
pm_revert_created(const char *objectType, const char *identity)
{
	static const char *const droppable[] = {
		"table", "index", "view", "materialized view", "sequence", "schema",
		"function", "procedure", "aggregate", "type", "domain", "foreign table",
		"trigger", "policy", "rule", "extension", "collation",
		"statistics object", "publication", "event trigger", "server",
		"foreign-data wrapper", "text search configuration",
		"text search dictionary", NULL
	};
	int			i;

	if (objectType == NULL || identity == NULL)
		return NULL;
	if (strcmp(objectType, "table constraint") == 0)
	{
		const char *on = strstr(identity, " on ");

		if (on == NULL)
			return NULL;
		return psprintf("ALTER TABLE %s DROP CONSTRAINT %.*s", on + 4,
						(int) (on - identity), identity);
	}
	for (i = 0; droppable[i] != NULL; i++)
	{
		if (strcmp(objectType, droppable[i]) == 0)
		{
			char	   *kw = pstrdup(objectType);
			char	   *p;

			for (p = kw; *p; p++)
				*p = pg_toupper((unsigned char) *p);
			if (strcmp(objectType, "foreign-data wrapper") == 0)
				kw = "FOREIGN DATA WRAPPER";
			return psprintf("DROP %s %s", kw, identity);
		}
	}
	return NULL;
}

/* Re-create a dropped object, from the definition read before it went. */
char *
pm_revert_dropped(RecorderCommand *cmd, DroppedObject *obj, SavedObject *saved)
{
	if (saved == NULL || saved->definition == NULL)
		return NULL;
	if (strcmp(obj->objectType, "index") == 0)
		return pstrdup(saved->definition);
	if (strcmp(obj->objectType, "view") == 0)
		return psprintf("CREATE VIEW %s AS %s", obj->identity, saved->definition);
	if (strcmp(obj->objectType, "materialized view") == 0)
		return psprintf("CREATE MATERIALIZED VIEW %s AS %s", obj->identity, saved->definition);
	return NULL;
}

/* Why a change cannot be reverted, for revert_sql's error. */
static const char *
irreversible_detail(const char *tag, const char *objectType)
{
	if (strcmp(tag, "DROP TABLE") == 0 || strcmp(tag, "DROP SCHEMA") == 0 ||
		strcmp(tag, "DROP MATERIALIZED VIEW") == 0 || strcmp(tag, "DROP SEQUENCE") == 0)
		return "Dropping it discarded its data; restore it from a backup.";
	if (strcmp(tag, "ALTER TABLE") == 0)
		return "One of its subcommands (for example DROP COLUMN, or a subcommand PostgreSQL keeps no prior state for) has no inverse statement.";
	if (objectType && strcmp(tag, "DROP INDEX") != 0 && strncmp(tag, "DROP", 4) == 0)
		return "The object was dropped along with another one; revert the statement that dropped it.";
	return "The recorder knows no statement that undoes this kind of change.";
}

/* revert_sql(schema_change_id): the statement that undoes a schema change */
PG_FUNCTION_INFO_V1(pm_revert_sql);
Datum
pm_revert_sql(PG_FUNCTION_ARGS)
{
	int64		id = PG_GETARG_INT64(0);
	Datum		arg = Int64GetDatum(id);
	Oid			argtype = INT8OID;
	char	   *revert = NULL;
	char	   *tag = NULL;
	char	   *objtype = NULL;
	char	   *identity = NULL;
	bool		found;
	int			rc;
	MemoryContext caller = CurrentMemoryContext;

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	rc = SPI_execute_with_args("SELECT s.revert_statement, s.command_tag, s.object_type, s.object_identity "
							   "FROM postmortem.schema_change s WHERE s.id = $1",
							   1, &argtype, &arg, NULL, true, 1);
	if (rc != SPI_OK_SELECT)
		elog(ERROR, "could not read schema change: %s", SPI_result_code_string(rc));
	found = SPI_processed == 1;
	if (found)
	{
		HeapTuple	tup = SPI_tuptable->vals[0];
		TupleDesc	desc = SPI_tuptable->tupdesc;
		char	   *v;

		if ((v = SPI_getvalue(tup, desc, 1)) != NULL)
			revert = MemoryContextStrdup(caller, v);
		if ((v = SPI_getvalue(tup, desc, 2)) != NULL)
			tag = MemoryContextStrdup(caller, v);
		if ((v = SPI_getvalue(tup, desc, 3)) != NULL)
			objtype = MemoryContextStrdup(caller, v);
		if ((v = SPI_getvalue(tup, desc, 4)) != NULL)
			identity = MemoryContextStrdup(caller, v);
	}
	SPI_finish();

	if (!found)
		ereport(ERROR,
				(errcode(ERRCODE_NO_DATA_FOUND),
				 errmsg("schema change %lld does not exist", (long long) id)));
	if (revert == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("schema change %lld (%s%s%s) cannot be reverted by a statement",
						(long long) id, tag, identity ? " " : "", identity ? identity : ""),
				 errdetail("%s", irreversible_detail(tag, objtype))));
	PG_RETURN_TEXT_P(cstring_to_text(revert));
}
