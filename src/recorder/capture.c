/*-------------------------------------------------------------------------
 *
 * capture.c
 *	  The schema-change recorder's event triggers: they note every DDL
 *	  command and hand its rows to pending.c, which keeps them until commit,
 *	  when write.c writes them.
 *
 * ddl_command_start notes when the command started, its exact statement,
 * the lock it takes and what it is about to change or drop (facts.c,
 * revert.c).  sql_drop and table_rewrite add the objects dropped and the
 * tables rewritten.  ddl_command_end builds one row per object the command
 * touched and hands it to pending.c, tagged with the subtransaction it
 * belongs to.  Every step runs guarded (pm_guarded_light, pending.c): a
 * failure of the recorder never breaks the user's migration.
 *
 * Concurrent index builds that fail after their first transaction
 * committed are noted here at abort and written by a later transaction.
 *
 * May call: hook.c (the statement text it knows), facts.c, revert.c,
 * pending.c, src/ top level.
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
#include "access/xlog.h"
#include "catalog/indexing.h"
#include "catalog/namespace.h"
#include "catalog/objectaddress.h"
#include "catalog/pg_class.h"
#include "catalog/pg_event_trigger.h"
#include "catalog/pg_foreign_data_wrapper.h"
#include "catalog/pg_foreign_server.h"
#include "catalog/pg_index.h"
#include "catalog/pg_language.h"
#include "catalog/pg_largeobject.h"
#include "catalog/pg_namespace.h"
#include "catalog/pg_proc.h"
#include "catalog/pg_type.h"
#include "commands/dbcommands.h"
#include "commands/event_trigger.h"
#include "commands/extension.h"
#include "commands/sequence.h"
#include "commands/trigger.h"
#include "common/sha2.h"
#include "executor/executor.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "pgstat.h"
#include "storage/bufmgr.h"
#include "storage/condition_variable.h"
#include "storage/ipc.h"
#include "storage/sinval.h"
#include "storage/lmgr.h"
#include "storage/lwlock.h"
#include "tcop/cmdtag.h"
#include "tcop/deparse_utility.h"
#include "utils/builtins.h"
#include "utils/datum.h"
#include "utils/fmgroids.h"
#include "utils/guc.h"
#include "utils/inet.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/resowner.h"
#include "utils/rls.h"
#include "utils/snapmgr.h"
#include "utils/syscache.h"
#include "utils/timestamp.h"
#include "utils/tuplestore.h"
#include "utils/xid8.h"

#include "postmortem.h"
#include "recorder/recorder.h"

/* Commands between ddl_command_start and ddl_command_end, innermost first. */
static List *cmd_stack = NIL;
static MemoryContext cmd_cxt = NULL;

/* Concurrent index builds of this session that failed; written later. */
static List *failed_builds = NIL;
static MemoryContext failed_cxt = NULL;
static bool exit_callback_registered = false;

static void note_known_object(Node *parsetree, RecorderCommand *cmd);
static void capture_xact_callback(XactEvent event, void *arg);
static void capture_subxact_callback(SubXactEvent event, SubTransactionId mySubid,
									 SubTransactionId parentSubid, void *arg);

/* Called from _PG_init. */
void
pm_recorder_init(void)
{
	cmd_cxt = AllocSetContextCreate(TopMemoryContext, "postmortem recorder commands",
									ALLOCSET_DEFAULT_SIZES);
	failed_cxt = AllocSetContextCreate(TopMemoryContext, "postmortem recorder failed builds",
									   ALLOCSET_SMALL_SIZES);
	/* registered after pending.c's, so called before them */
	pm_pending_init();
	RegisterXactCallback(capture_xact_callback, NULL);
	RegisterSubXactCallback(capture_subxact_callback, NULL);
}



/*
 * The event-trigger API's set-returning functions, called directly.
 *
 * Called by their own OIDs, each call builds the result row type from
 * pg_proc's OUT parameters (get_call_result_type: 12 k instructions, more
 * than reading the rows of a command).  The extension declares each once
 * more, as the same internal function RETURNS SETOF record
 * (postmortem.recorder_ddl_commands(), postmortem.recorder_dropped_objects()),
 * whose rows come in the descriptor passed as expectedDesc: the built-in's
 * own, built once per session.  The same function fills the same rows.
 * Without that declaration (a 0.1.0 schema not yet updated, or one not
 * found as expected) the built-in is called by its OID.
 */
typedef struct EventSrf
{
	Oid			builtin;		/* the function of the event-trigger API */
	const char *alias;			/* its declaration RETURNS SETOF record */
	Oid			aliasOid;		/* InvalidOid: not looked up yet or none */
	bool		looked;
	FmgrInfo	flinfo;
	TupleDesc	desc;			/* the built-in's result row type */
} EventSrf;

static EventSrf event_srfs[] = {
	{F_PG_EVENT_TRIGGER_DDL_COMMANDS, "recorder_ddl_commands"},
	{F_PG_EVENT_TRIGGER_DROPPED_OBJECTS, "recorder_dropped_objects"}
};
static bool event_srf_callback = false;

/* pg_proc changed: look the declarations up again (cheap, once) */
static void
event_srf_forget(Datum arg, int cacheid, uint32 hashvalue)
{
	int			i;

	for (i = 0; i < lengthof(event_srfs); i++)
	{
		event_srfs[i].looked = false;
		event_srfs[i].flinfo.fn_oid = InvalidOid;
	}
}

/* The extension's declaration of srf->builtin, if it is what it should be. */
static Oid
event_srf_alias(EventSrf *srf)
{
	Oid			nsp = get_namespace_oid("postmortem", true);
	Oid			oid;
	HeapTuple	tup;
	bool		ok = false;

	if (!OidIsValid(nsp))
		return InvalidOid;
	oid = GetSysCacheOid3(PROCNAMEARGSNSP, Anum_pg_proc_oid, CStringGetDatum(srf->alias),
						  PointerGetDatum(buildoidvector(NULL, 0)), ObjectIdGetDatum(nsp));
	if (!OidIsValid(oid))
		return InvalidOid;
	/* only a superuser declares an internal function: the built-in itself */
	tup = SearchSysCache1(PROCOID, ObjectIdGetDatum(oid));
	if (HeapTupleIsValid(tup))
	{
		Form_pg_proc proc = (Form_pg_proc) GETSTRUCT(tup);
		bool		isnull;
		Datum		src = SysCacheGetAttr(PROCOID, tup, Anum_pg_proc_prosrc, &isnull);

		ok = proc->prolang == INTERNALlanguageId && proc->proretset &&
			proc->prorettype == RECORDOID && !isnull &&
			strcmp(TextDatumGetCString(src), get_func_name(srf->builtin)) == 0;
		ReleaseSysCache(tup);
	}
	return ok ? oid : InvalidOid;
}

/* Call a materializing set-returning function of the event-trigger API. */
static Tuplestorestate *
call_event_srf(Oid fnoid, TupleDesc *desc, ExprContext **econtext)
{
	EventSrf   *srf = &event_srfs[fnoid == F_PG_EVENT_TRIGGER_DDL_COMMANDS ? 0 : 1];
	FmgrInfo	flinfo;
	ReturnSetInfo rsinfo;
	LOCAL_FCINFO(fcinfo, 0);

	if (!event_srf_callback)
	{
		CacheRegisterSyscacheCallback(PROCOID, event_srf_forget, (Datum) 0);
		event_srf_callback = true;
	}
	if (srf->desc == NULL)
	{
		MemoryContext old = MemoryContextSwitchTo(TopMemoryContext);
		TupleDesc	builtin;

		if (get_func_result_type(srf->builtin, NULL, &builtin) != TYPEFUNC_COMPOSITE)
			elog(ERROR, "event trigger function %u does not return rows", srf->builtin);
		srf->desc = CreateTupleDescCopy(builtin);
		MemoryContextSwitchTo(old);
	}
	if (!srf->looked)
	{
		srf->aliasOid = event_srf_alias(srf);
		srf->looked = true;
	}
	if (srf->flinfo.fn_oid != (OidIsValid(srf->aliasOid) ? srf->aliasOid : srf->builtin))
		fmgr_info_cxt(OidIsValid(srf->aliasOid) ? srf->aliasOid : srf->builtin,
					  &srf->flinfo, TopMemoryContext);
	flinfo = srf->flinfo;
	MemSet(&rsinfo, 0, sizeof(rsinfo));
	rsinfo.type = T_ReturnSetInfo;
	rsinfo.econtext = *econtext = CreateStandaloneExprContext();
	rsinfo.expectedDesc = srf->desc;
	rsinfo.allowedModes = SFRM_Materialize;
	rsinfo.returnMode = SFRM_Materialize;
	InitFunctionCallInfoData(*fcinfo, &flinfo, 0, InvalidOid, NULL, (Node *) &rsinfo);
	(void) FunctionCallInvoke(fcinfo);
	*desc = rsinfo.setDesc;
	return rsinfo.setResult;
}

static char *
text_or_null(Datum d, bool isnull)
{
	return isnull ? NULL : TextDatumGetCString(d);
}


/* Table, lock and table statistics of a row. */
static void
set_table(RecorderCommand *cmd, RecordedRow *row, Oid tableOid, const char *tableName)
{
	if (!OidIsValid(tableOid))
		return;
	set_datum(row, SC_TABLE_OID, ObjectIdGetDatum(tableOid));
	if (tableName == NULL)
		tableName = pm_relation_name(tableOid);
	set_text(row, SC_TABLE_NAME, tableName);

	if (cmd->lockmode != NoLock && (tableOid == cmd->relid || !OidIsValid(cmd->relid)))
	{
		set_text(row, SC_LOCK_MODE, pm_lockmode_name(cmd->lockmode));
		set_datum(row, SC_BLOCKS_WRITES, BoolGetDatum(cmd->lockmode >= ShareLock));
		set_datum(row, SC_BLOCKS_READS, BoolGetDatum(cmd->lockmode >= AccessExclusiveLock));
	}

	/* pg_stat_user_tables counters of the table, to spot scans that jump */
	if (cmd->statsRelid != tableOid)
	{
		Relation	rel = RelationIdGetRelation(tableOid);
		PgStat_StatTabEntry *tab;
		ListCell   *lc;

		if (rel == NULL)
			return;
		cmd->statsRelid = tableOid;
		cmd->statsRows = (int64) Max(rel->rd_rel->reltuples, 0);
		cmd->statsSeqScan = 0;
		cmd->statsIdxScan = 0;
		/* a table created in this transaction has not been scanned yet */
		tab = rel->rd_createSubid != InvalidSubTransactionId ? NULL :
			pgstat_fetch_stat_tabentry(tableOid);
		if (tab)
			cmd->statsSeqScan = tab->numscans;
		if (tab && (rel->rd_rel->relkind == RELKIND_RELATION ||
					rel->rd_rel->relkind == RELKIND_MATVIEW))
		{
			foreach(lc, RelationGetIndexList(rel))
			{
				PgStat_StatTabEntry *itab = pgstat_fetch_stat_tabentry(lfirst_oid(lc));

				if (itab)
					cmd->statsIdxScan += itab->numscans;
			}
		}
		RelationClose(rel);
	}
	set_datum(row, SC_TABLE_ROWS, Int64GetDatum(cmd->statsRows));
	set_datum(row, SC_TABLE_SEQ_SCAN, Int64GetDatum(cmd->statsSeqScan));
	set_datum(row, SC_TABLE_IDX_SCAN, Int64GetDatum(cmd->statsIdxScan));
}


/* ---------------------------------------------------------------------
 * ddl_command_start
 * ---------------------------------------------------------------------
 */

/*
 * The statement changes only a temporary relation and temporary objects
 * are not recorded (write.c pm_statement_is_temporary), with the table
 * that CREATE INDEX and ALTER TABLE name looked up once for this check,
 * the lock mode and the definitions (pm_rangevar_oid).
 */
static bool
statement_is_temporary(Node *parsetree)
{
	RangeVar   *rv;
	Oid			relid;

	if (parsetree == NULL)
		return false;
	if (IsA(parsetree, IndexStmt))
		rv = ((IndexStmt *) parsetree)->relation;
	else if (IsA(parsetree, AlterTableStmt))
		rv = ((AlterTableStmt *) parsetree)->relation;
	else
		return pm_statement_is_temporary(parsetree);
	if (pm_record_temp_objects || rv == NULL)
		return false;
	if (rv->relpersistence == RELPERSISTENCE_TEMP ||
		(rv->schemaname && strcmp(rv->schemaname, "pg_temp") == 0))
		return true;
	relid = pm_rangevar_oid(rv);
	return OidIsValid(relid) && get_rel_persistence(relid) == RELPERSISTENCE_TEMP;
}
typedef struct StartArgs
{
	RecorderCommand *cmd;
	Node	   *parsetree;
} StartArgs;

static void
start_work(void *arg)
{
	StartArgs  *a = (StartArgs *) arg;
	RecorderCommand *cmd = a->cmd;
	Node	   *parsetree = a->parsetree;
	MemoryContext old = MemoryContextSwitchTo(cmd_cxt);

	cmd->lockmode = pm_command_lockmode(parsetree, &cmd->relid);
	cmd->missingOk = pm_missing_ok(parsetree);
	cmd->otherLocks = pm_other_locked_tables(parsetree);
	pm_capture_before(parsetree, cmd);
	pm_revert_at_start(parsetree, cmd);
	if (IsA(parsetree, IndexStmt) && ((IndexStmt *) parsetree)->concurrent)
	{
		IndexStmt  *stmt = (IndexStmt *) parsetree;

		cmd->concurrent = true;
		if (stmt->idxname)
			cmd->indexName = pstrdup(stmt->idxname);
		/* the table's name now: after a failure there is no catalog access */
		if (OidIsValid(cmd->relid))
			cmd->tableBefore = pm_relation_name(cmd->relid);
	}
	if (IsA(parsetree, DropStmt) && ((DropStmt *) parsetree)->concurrent)
		cmd->concurrent = true;
	note_known_object(parsetree, cmd);
	MemoryContextSwitchTo(old);
	cmd->broken = false;
}

/* ddl_command_start event trigger */
PG_FUNCTION_INFO_V1(pm_recorder_ddl_start);
Datum
pm_recorder_ddl_start(PG_FUNCTION_ARGS)
{
	EventTriggerData *trigdata;
	RecorderCommand *cmd;
	StartArgs	args;
	MemoryContext old;
	char	   *error = NULL;
	bool		protect = false;

	if (!CALLED_AS_EVENT_TRIGGER(fcinfo))
		elog(ERROR, "not fired by event trigger manager");
	trigdata = (EventTriggerData *) fcinfo->context;
	/* a session that looks like a restore: only commands about the recorder */
	if (pm_recorder_skip(false))
	{
		if (pm_recorder_skip(pm_touches_recorder(trigdata->parsetree, InvalidOid)))
			PG_RETURN_VOID();
		protect = true;
	}

	/* src/analysis/regression.c: a pg_stat_statements baseline, when due */
	if (pm_before_ddl_hook)
		pm_before_ddl_hook(trigdata->parsetree);

	if (cmd_stack == NIL)
	{
		MemoryContextReset(cmd_cxt);
		pm_facts_reset();
	}
	old = MemoryContextSwitchTo(cmd_cxt);
	cmd = palloc0(sizeof(RecorderCommand));
	cmd->broken = true;
	cmd->protect = protect;
	cmd->nestLevel = GetCurrentTransactionNestLevel();
	cmd->startedAt = GetCurrentTimestamp();
	cmd->stmtTag = nodeTag(trigdata->parsetree);
	cmd->tag = GetCommandTagName(trigdata->tag);
	pm_lookups_reset();
	/* before any look-up of this command (known_object) */
	cmd->invalCounter = SharedInvalidMessageCounter;
	if (statement_is_temporary(trigdata->parsetree) ||
		(pm_hook_installed && IsA(trigdata->parsetree, ReindexStmt)))
	{
		/*
		 * a temporary object, or a REINDEX (17+), whose row the
		 * ProcessUtility hook writes (hook.c): nothing to record here,
		 * broken stays set, no error
		 */
		cmd_stack = lcons(cmd, cmd_stack);
		MemoryContextSwitchTo(old);
		PG_RETURN_VOID();
	}
	cmd->statement = pm_redact_secrets(trigdata->parsetree,
										pm_statement_text(trigdata->parsetree, pm_hook_statement()));
	cmd_stack = lcons(cmd, cmd_stack);
	MemoryContextSwitchTo(old);

	args.cmd = cmd;
	args.parsetree = trigdata->parsetree;
	pm_guarded_light(start_work, &args, cmd->statement, &error);
	if (cmd->broken)
		cmd->error = MemoryContextStrdup(cmd_cxt, error ? error : "");
	PG_RETURN_VOID();
}

/*
 * The command an sql_drop, table_rewrite or ddl_command_end event belongs
 * to (the innermost one started), or NULL when the recorder leaves it alone.
 */
static RecorderCommand *
current_command(FunctionCallInfo fcinfo)
{
	RecorderCommand *cmd;

	if (!CALLED_AS_EVENT_TRIGGER(fcinfo))
		elog(ERROR, "not fired by event trigger manager");
	if (cmd_stack == NIL)
		return NULL;
	cmd = (RecorderCommand *) linitial(cmd_stack);
	if (!cmd->protect && pm_recorder_skip(false))
		return NULL;
	return cmd;
}

/* ---------------------------------------------------------------------
 * sql_drop
 * ---------------------------------------------------------------------
 */
static void
drop_work(void *arg)
{
	RecorderCommand *cmd = (RecorderCommand *) arg;
	ExprContext *econtext;
	TupleDesc	desc;
	Tuplestorestate *ts = call_event_srf(F_PG_EVENT_TRIGGER_DROPPED_OBJECTS, &desc, &econtext);
	TupleTableSlot *slot = MakeSingleTupleTableSlot(desc, &TTSOpsMinimalTuple);

	while (tuplestore_gettupleslot(ts, true, false, slot))
	{
		Datum		v[12];
		bool		n[12];
		int			i;
		DroppedObject *d;
		MemoryContext old;

		for (i = 0; i < 12; i++)
			v[i] = slot_getattr(slot, i + 1, &n[i]);
		/* the parts of a relation that are not objects of their own */
		if (!n[6])
		{
			char	   *schema = n[7] ? "" : TextDatumGetCString(v[7]);
			char	   *type = TextDatumGetCString(v[6]);

			if (strcmp(schema, "pg_toast") == 0 || strcmp(type, "toast table") == 0 ||
				strcmp(type, "default value") == 0 ||
				(!DatumGetBool(v[3]) && (strcmp(type, "type") == 0 ||
										 strcmp(type, "table constraint") == 0 ||
										 strcmp(type, "rule") == 0 ||
										 strcmp(type, "trigger") == 0)))
				continue;
		}
		old = MemoryContextSwitchTo(cmd_cxt);
		d = palloc0(sizeof(DroppedObject));
		d->classid = DatumGetObjectId(v[0]);
		d->objid = DatumGetObjectId(v[1]);
		d->objsubid = DatumGetInt32(v[2]);
		d->original = DatumGetBool(v[3]);
		d->objectType = text_or_null(v[6], n[6]);
		d->schemaName = text_or_null(v[7], n[7]);
		d->identity = text_or_null(v[9], n[9]);
		cmd->dropped = lappend(cmd->dropped, d);
		MemoryContextSwitchTo(old);
	}
	ExecDropSingleTupleTableSlot(slot);
	tuplestore_end(ts);
	FreeExprContext(econtext, true);
}

/* sql_drop event trigger */
PG_FUNCTION_INFO_V1(pm_recorder_sql_drop);
Datum
pm_recorder_sql_drop(PG_FUNCTION_ARGS)
{
	RecorderCommand *cmd = current_command(fcinfo);
	char	   *error = NULL;

	if (cmd == NULL)
		PG_RETURN_VOID();
	if (!cmd->broken && !pm_guarded_light(drop_work, cmd, cmd->statement, &error))
	{
		cmd->broken = true;
		cmd->error = MemoryContextStrdup(cmd_cxt, error);
	}
	PG_RETURN_VOID();
}

/* ---------------------------------------------------------------------
 * table_rewrite
 * ---------------------------------------------------------------------
 */
static void
rewrite_work(void *arg)
{
	RecorderCommand *cmd = (RecorderCommand *) arg;
	RewrittenTable *rt;
	MemoryContext old = MemoryContextSwitchTo(cmd_cxt);

	rt = palloc(sizeof(RewrittenTable));
	rt->relid = DatumGetObjectId(OidFunctionCall0(F_PG_EVENT_TRIGGER_TABLE_REWRITE_OID));
	rt->reason = DatumGetInt32(OidFunctionCall0(F_PG_EVENT_TRIGGER_TABLE_REWRITE_REASON));
	cmd->rewrites = lappend(cmd->rewrites, rt);
	MemoryContextSwitchTo(old);
}

/* table_rewrite event trigger */
PG_FUNCTION_INFO_V1(pm_recorder_table_rewrite);
Datum
pm_recorder_table_rewrite(PG_FUNCTION_ARGS)
{
	RecorderCommand *cmd = current_command(fcinfo);

	if (cmd == NULL)
		PG_RETURN_VOID();
	if (!cmd->broken)
		pm_guarded_light(rewrite_work, cmd, cmd->statement, NULL);
	PG_RETURN_VOID();
}

/* ---------------------------------------------------------------------
 * ddl_command_end
 * ---------------------------------------------------------------------
 */
static SavedObject *
find_saved(RecorderCommand *cmd, Oid classid, Oid objid)
{
	ListCell   *lc;

	foreach(lc, cmd->saved)
	{
		SavedObject *so = lfirst(lc);

		if (so->classid == classid && so->objid == objid)
			return so;
	}
	return NULL;
}

static void
apply_rewrites(RecorderCommand *cmd, RecordedRow *row)
{
	ListCell   *lc;

	if (row->nulls[SC_TABLE_OID])
		return;
	foreach(lc, cmd->rewrites)
	{
		RewrittenTable *rt = lfirst(lc);

		if (rt->relid == DatumGetObjectId(row->values[SC_TABLE_OID]))
		{
			set_datum(row, SC_REWROTE_TABLE, BoolGetDatum(true));
			set_text(row, SC_REWRITE_REASON, pm_rewrite_reason(rt->reason));
		}
	}
}

/*
 * The schema and identity of a relation or one of its columns, as
 * getObjectIdentity() spells them (the qualified, quoted name, and
 * ".column"), from the relation's relcache entry: the command's own
 * look-up of the relation left it there, while getObjectIdentity() reads a
 * column's name through the catalog cache, a miss (16 k instructions) for
 * a table created in the same transaction.  False, and nothing set, when
 * the relation is gone or the column is not one of its own.
 */
static bool
relation_columns(ObjectAddress *addr, Datum *schema, bool *schemaNull, Datum *identity)
{
	Relation	rel = RelationIdGetRelation(addr->objectId);
	const char *nspname;
	char	   *ident;

	if (!RelationIsValid(rel))
		return false;
	if (addr->objectSubId < 0 || addr->objectSubId > RelationGetNumberOfAttributes(rel) ||
		(addr->objectSubId > 0 &&
		 TupleDescAttr(RelationGetDescr(rel), addr->objectSubId - 1)->attisdropped))
	{
		RelationClose(rel);
		return false;
	}
	nspname = get_namespace_name_or_temp(RelationGetNamespace(rel));
	if (nspname == NULL)
	{
		RelationClose(rel);
		return false;
	}
	ident = quote_qualified_identifier(nspname, RelationGetRelationName(rel));
	if (addr->objectSubId > 0)
		ident = psprintf("%s.%s", ident,
						 quote_identifier(NameStr(TupleDescAttr(RelationGetDescr(rel),
																addr->objectSubId - 1)->attname)));
	*schema = CStringGetTextDatum(nspname);
	*schemaNull = false;
	*identity = CStringGetTextDatum(ident);
	RelationClose(rel);
	return true;
}

/*
 * The row pg_event_trigger_ddl_commands() gives for one object, in its
 * columns and computed by the same functions it uses: for the object of a
 * COMMENT, and for the table of the ALTER TABLE and RENAME commands that
 * known_object() accepts, which report exactly that one object, known since
 * ddl_command_start; calling the set-returning function for it would cost
 * more than recording the rest of the row.
 */
static void
object_columns(RecorderCommand *cmd, ObjectAddress *addr, Datum *v, bool *n)
{
	int			i;

	for (i = 0; i < 8; i++)
		n[i] = false;
	v[0] = ObjectIdGetDatum(addr->classId);
	v[1] = ObjectIdGetDatum(addr->objectId);
	v[2] = Int32GetDatum(addr->objectSubId);
	v[3] = CStringGetTextDatum(cmd->tag);
	v[4] = CStringGetTextDatum(getObjectTypeDescription(addr, false));
	v[5] = (Datum) 0;
	n[5] = true;
	v[7] = BoolGetDatum(false);
	if (addr->classId == RelationRelationId &&
		relation_columns(addr, &v[5], &n[5], &v[6]))
		return;
	if (addr->classId == RelationRelationId)
	{
		/* pg_class.relnamespace, from the catalog cache */
		Oid			nsp = get_rel_namespace(addr->objectId);

		if (OidIsValid(nsp))
		{
			v[5] = CStringGetTextDatum(get_namespace_name_or_temp(nsp));
			n[5] = false;
		}
	}
	else if (is_objectclass_supported(addr->classId) &&
			 get_object_attnum_namespace(addr->classId) != InvalidAttrNumber)
	{
		Relation	catalog = table_open(addr->classId, AccessShareLock);
		HeapTuple	objtup = get_catalog_object_by_oid(catalog,
													   get_object_attnum_oid(addr->classId),
													   addr->objectId);

		if (HeapTupleIsValid(objtup))
		{
			Datum		nsp = heap_getattr(objtup, get_object_attnum_namespace(addr->classId),
										   RelationGetDescr(catalog), &n[5]);

			if (!n[5])
				v[5] = CStringGetTextDatum(get_namespace_name_or_temp(DatumGetObjectId(nsp)));
		}
		table_close(catalog, AccessShareLock);
	}
	v[6] = CStringGetTextDatum(getObjectIdentity(addr, false));
	v[7] = BoolGetDatum(false);
}

/*
 * ALTER TABLE subcommands after which pg_event_trigger_ddl_commands()
 * reports the table alone: they run no statement of their own (no serial or
 * identity sequence, no index or foreign key created by ProcessUtility) and
 * each is collected as a subcommand of the one ALTER TABLE command.
 */
static bool
plain_subcommand(AlterTableCmd *sub)
{
	ListCell   *lc;

	switch (sub->subtype)
	{
		case AT_ColumnDefault:
		case AT_SetNotNull:
		case AT_DropNotNull:
		case AT_SetStatistics:
		case AT_SetStorage:
		case AT_DropColumn:
		case AT_DropConstraint:
			return true;
		case AT_AddColumn:
			{
				ColumnDef  *def = (ColumnDef *) sub->def;

				if (def == NULL || !IsA(def, ColumnDef) || def->identity != '\0' ||
					def->typeName == NULL || def->typeName->names == NIL)
					return false;
				/* serial types become a CREATE SEQUENCE of their own */
				if (list_length(def->typeName->names) == 1)
				{
					const char *typname = strVal(linitial(def->typeName->names));

					if (strstr(typname, "serial") != NULL)
						return false;
				}
				foreach(lc, def->constraints)
				{
					Constraint *con = (Constraint *) lfirst(lc);

					if (!IsA(con, Constraint) ||
						(con->contype != CONSTR_NULL && con->contype != CONSTR_NOTNULL &&
						 con->contype != CONSTR_DEFAULT))
						return false;
				}
				return true;
			}
		default:
			return false;
	}
}

/*
 * At ddl_command_start: is the one object the command will report to
 * pg_event_trigger_ddl_commands() the relation just looked up (cmd->relid)?
 * ALTER TABLE of plain subcommands, and RENAME of a relation or of one of
 * its columns.  Whether the command then worked on that same relation is
 * checked at ddl_command_end (known_object).
 */
static void
note_known_object(Node *parsetree, RecorderCommand *cmd)
{
	ListCell   *lc;

	if (!OidIsValid(cmd->relid) || cmd->otherLocks != NIL || cmd->concurrent)
		return;
	if (IsA(parsetree, AlterTableStmt))
	{
		AlterTableStmt *stmt = (AlterTableStmt *) parsetree;

		if (stmt->objtype != OBJECT_TABLE || stmt->cmds == NIL)
			return;
		foreach(lc, stmt->cmds)
			if (!plain_subcommand(lfirst_node(AlterTableCmd, lc)))
				return;
		cmd->knownObject = true;
	}
	else if (IsA(parsetree, RenameStmt))
	{
		RenameStmt *stmt = (RenameStmt *) parsetree;

		/* (RENAME of an index: cmd->relid is its table) */
		if (stmt->relation == NULL ||
			(stmt->renameType != OBJECT_TABLE && stmt->renameType != OBJECT_VIEW &&
			 stmt->renameType != OBJECT_MATVIEW && stmt->renameType != OBJECT_SEQUENCE &&
			 stmt->renameType != OBJECT_FOREIGN_TABLE && stmt->renameType != OBJECT_COLUMN))
			return;
		if (stmt->renameType == OBJECT_COLUMN)
			cmd->renamedColumn = pstrdup(stmt->newname);
		cmd->knownObject = true;
	}
}

/*
 * At ddl_command_end: the object noted by note_known_object, in *addr, if
 * the command provably worked on it.  The command looked its relation up
 * by the same name, with the same search path, after ddl_command_start;
 * while this backend received no invalidation from another session
 * (SharedInvalidMessageCounter unchanged since before the recorder's own
 * look-up) both look-ups read the same catalog cache entries and found the
 * same relation.  Anything else asks pg_event_trigger_ddl_commands().
 */
static bool
known_object(RecorderCommand *cmd, ObjectAddress *addr)
{
	if (!cmd->knownObject || SharedInvalidMessageCounter != cmd->invalCounter ||
		!OidIsValid(cmd->relid))
		return false;
	ObjectAddressSet(*addr, RelationRelationId, cmd->relid);
	if (cmd->renamedColumn != NULL)
	{
		Relation	rel = RelationIdGetRelation(cmd->relid);
		int			i;

		if (rel == NULL)
			return false;
		for (i = 0; i < RelationGetDescr(rel)->natts; i++)
		{
			Form_pg_attribute att = TupleDescAttr(RelationGetDescr(rel), i);

			if (!att->attisdropped && strcmp(NameStr(att->attname), cmd->renamedColumn) == 0)
				addr->objectSubId = att->attnum;
		}
		RelationClose(rel);
		if (addr->objectSubId == 0)
			return false;
	}
	return get_rel_relkind(cmd->relid) != '\0';
}

/*
 * Definitions of a relation that pg_event_trigger_ddl_commands() reported:
 * an index's definition after the command, or for commands that change
 * what a table or view is, its columns before and after.  Returns the table
 * the row is about.
 */
static Oid
relation_facts(RecorderCommand *cmd, RecordedRow *row, Oid objid, int32 subid,
			   bool primary)
{
	char		relkind = get_rel_relkind(objid);
	Oid			tableOid = objid;

	if (relkind == RELKIND_INDEX || relkind == RELKIND_PARTITIONED_INDEX)
	{
		bool		valid = true;

		tableOid = pm_index_table(objid);
		set_text(row, SC_DEFINITION_AFTER, pm_index_definition(objid, &valid));
		set_datum(row, SC_INDEX_INVALID, BoolGetDatum(!valid));
	}
	else if (relkind != RELKIND_SEQUENCE && subid == 0 &&
			 (cmd->stmtTag == T_CreateStmt || cmd->stmtTag == T_AlterTableStmt ||
			  cmd->stmtTag == T_ViewStmt || cmd->stmtTag == T_CreateTableAsStmt ||
			  cmd->stmtTag == T_RenameStmt))
		set_text(row, SC_DEFINITION_AFTER,
				 pm_table_definition(objid, cmd->stmtTag == T_AlterTableStmt));
	if (primary && cmd->tableBefore && !cmd->concurrent)
		set_text(row, SC_DEFINITION_BEFORE, cmd->tableBefore);
	return tableOid;
}

/* The statement that undoes the command, on its primary row. */
static char *
primary_revert(RecorderCommand *cmd, Oid objid, const char *tag,
			   const char *objtype, const char *identity)
{
	if (cmd->commentKeyword)
	{
		if (cmd->hadComment && identity)
			return psprintf("COMMENT ON %s %s IS %s", cmd->commentKeyword, identity,
							cmd->commentBefore ? quote_literal_cstr(cmd->commentBefore) : "NULL");
		return NULL;
	}
	if (cmd->revertKnown)
		return cmd->revert ? pstrdup(cmd->revert) : NULL;
	if (cmd->stmtTag == T_ViewStmt && cmd->tableBefore)
	{
		/* a view cannot lose columns by CREATE OR REPLACE */
		if (pm_relnatts(objid) > cmd->viewNattsBefore)
			return psprintf("DROP VIEW %s; CREATE VIEW %s AS %s", identity, identity,
							cmd->tableBefore);
		return psprintf("CREATE OR REPLACE VIEW %s AS %s", identity, cmd->tableBefore);
	}
	if (strncmp(tag, "CREATE ", 7) == 0)
		return pm_revert_created(objtype, identity);
	return NULL;
}

/*
 * The row of one object created or altered, from a row of
 * pg_event_trigger_ddl_commands() (v, n: its first eight columns).  *primary
 * says whether the command's own row is still to come; the first object
 * with the command's tag is it.
 */
static RecordedRow *
command_object_row(RecorderCommand *cmd, TimestampTz finished, Datum *v, bool *n,
				   bool *primaryDone)
{
	Oid			classid = DatumGetObjectId(v[0]);
	Oid			objid = DatumGetObjectId(v[1]);
	Oid			tableOid;
	char	   *tag = text_or_null(v[3], n[3]);
	char	   *objtype = text_or_null(v[4], n[4]);
	char	   *identity = text_or_null(v[6], n[6]);
	bool		primary = !*primaryDone && tag && strcmp(tag, cmd->tag) == 0;
	RecordedRow *row;

	if (primary)
		*primaryDone = true;
	row = pm_new_row(cmd, finished, tag);
	set_text(row, SC_OBJECT_TYPE, objtype);
	set_text(row, SC_OBJECT_IDENTITY, identity);
	set_text(row, SC_SCHEMA_NAME, text_or_null(v[5], n[5]));
	if (classid == RelationRelationId)
		tableOid = relation_facts(cmd, row, objid, DatumGetInt32(v[2]), primary);
	else
		tableOid = cmd->relid;

	/*
	 * A table's identity is its qualified name as pm_relation_name() spells
	 * it, but for this session's temporary schema, which the identity calls
	 * pg_temp
	 */
	if (classid == RelationRelationId && tableOid == objid && DatumGetInt32(v[2]) == 0 &&
		identity != NULL && !n[5] && strcmp(text_or_null(v[5], n[5]), "pg_temp") != 0)
		set_table(cmd, row, tableOid, identity);
	else
		set_table(cmd, row, tableOid, NULL);
	if (primary)
		set_text(row, SC_REVERT_STATEMENT,
				 primary_revert(cmd, objid, tag, objtype, identity));
	apply_rewrites(cmd, row);
	return row;
}

/* The catalog of the objects a GRANT or REVOKE names, by their kind. */
static Oid
grant_object_class(ObjectType objtype)
{
	switch (objtype)
	{
		case OBJECT_TABLE:
		case OBJECT_SEQUENCE:
			return RelationRelationId;
		case OBJECT_FUNCTION:
		case OBJECT_PROCEDURE:
		case OBJECT_ROUTINE:
			return ProcedureRelationId;
		case OBJECT_TYPE:
		case OBJECT_DOMAIN:
			return TypeRelationId;
		case OBJECT_SCHEMA:
			return NamespaceRelationId;
		case OBJECT_LANGUAGE:
			return LanguageRelationId;
		case OBJECT_FDW:
			return ForeignDataWrapperRelationId;
		case OBJECT_FOREIGN_SERVER:
			return ForeignServerRelationId;
		case OBJECT_LARGEOBJECT:
			return LargeObjectRelationId;
		default:
			/* databases, tablespaces, parameters: the hook records them */
			return InvalidOid;
	}
}

/*
 * One row per object a GRANT or REVOKE names (pg_event_trigger_ddl_commands
 * reports the statement as one row with no object; its collected command
 * lists the objects): what the privileges were changed on, and for a table
 * its table facts.  NIL when it names none the recorder can identify; the
 * statement's own row stands for it then.
 */
static List *
grant_rows(RecorderCommand *cmd, TimestampTz finished, CollectedCommand *cc)
{
	Oid			classid;
	List	   *rows = NIL;
	ListCell   *lc;

	if (cc->type != SCT_Grant)
		return NIL;
	classid = grant_object_class(cc->d.grant.istmt->objtype);
	if (!OidIsValid(classid))
		return NIL;
	foreach(lc, cc->d.grant.istmt->objects)
	{
		ObjectAddress addr;
		RecordedRow *row;
		char	   *identity;

		ObjectAddressSet(addr, classid, lfirst_oid(lc));
		identity = getObjectIdentity(&addr, true);
		if (identity == NULL)
			continue;			/* gone since (dropped in the same statement) */
		row = pm_new_row(cmd, finished, cmd->tag);
		set_text(row, SC_OBJECT_TYPE, getObjectTypeDescription(&addr, false));
		set_text(row, SC_OBJECT_IDENTITY, identity);
		if (OidIsValid(get_object_namespace(&addr)))
			set_text(row, SC_SCHEMA_NAME,
					 get_namespace_name_or_temp(get_object_namespace(&addr)));
		if (classid == RelationRelationId)
			set_table(cmd, row, addr.objectId, NULL);
		rows = lappend(rows, row);
	}
	return rows;
}

/*
 * A row for each table the command locks besides the one it names
 * (cmd->otherLocks, facts.c pm_other_locked_tables): the table a new
 * foreign key references, a partition attached or detached, a default
 * partition scanned; each with the lock taken there, held until the
 * command's transaction ends.
 */
static List *
other_locked_rows(RecorderCommand *cmd, TimestampTz finished)
{
	List	   *rows = NIL;
	ListCell   *lc;

	foreach(lc, cmd->otherLocks)
	{
		LockedTable *t = (LockedTable *) lfirst(lc);
		ObjectAddress addr;
		RecordedRow *row;
		char	   *identity;

		if (t->relid == cmd->relid)
			continue;
		ObjectAddressSet(addr, RelationRelationId, t->relid);
		identity = getObjectIdentity(&addr, true);
		if (identity == NULL)
			continue;
		/* what happens to that table: its triggers or partitions change */
		row = pm_new_row(cmd, finished, "ALTER TABLE");
		set_text(row, SC_OBJECT_TYPE, getObjectTypeDescription(&addr, false));
		set_text(row, SC_OBJECT_IDENTITY, identity);
		set_text(row, SC_SCHEMA_NAME, get_namespace_name_or_temp(get_rel_namespace(t->relid)));
		set_table(cmd, row, t->relid, NULL);
		set_text(row, SC_LOCK_MODE, pm_lockmode_name(t->lockmode));
		set_datum(row, SC_BLOCKS_WRITES, BoolGetDatum(t->lockmode >= ShareLock));
		set_datum(row, SC_BLOCKS_READS, BoolGetDatum(t->lockmode >= AccessExclusiveLock));
		rows = lappend(rows, row);
	}
	return rows;
}

/*
 * Rows of the objects created or altered, from
 * pg_event_trigger_ddl_commands(); but not for DROP, for which PostgreSQL
 * collects no command (ProcessUtilitySlow: "no commands stashed for DROP";
 * its objects come from sql_drop), nor for COMMENT and the commands of
 * known_object(), whose one object is known since ddl_command_start
 * (object_columns).
 */
static List *
command_rows(RecorderCommand *cmd, TimestampTz finished)
{
	ExprContext *econtext;
	TupleDesc	desc;
	Tuplestorestate *ts;
	TupleTableSlot *slot;
	bool		primaryDone = false;
	Datum		v[9];
	bool		n[9];
	int			i;
	List	   *rows = NIL;
	ObjectAddress known;

	if (cmd->stmtTag == T_CommentStmt && OidIsValid(cmd->commentObject.objectId))
	{
		object_columns(cmd, &cmd->commentObject, v, n);
		return list_make1(command_object_row(cmd, finished, v, n, &primaryDone));
	}
	if (known_object(cmd, &known))
	{
		object_columns(cmd, &known, v, n);
		return list_make1(command_object_row(cmd, finished, v, n, &primaryDone));
	}
	if (cmd->stmtTag == T_DropStmt)
		return NIL;

	ts = call_event_srf(F_PG_EVENT_TRIGGER_DDL_COMMANDS, &desc, &econtext);
	slot = MakeSingleTupleTableSlot(desc, &TTSOpsMinimalTuple);
	while (tuplestore_gettupleslot(ts, true, false, slot))
	{
		List	   *granted = NIL;

		for (i = 0; i < 9; i++)
			v[i] = slot_getattr(slot, i + 1, &n[i]);
		if (!n[7] && DatumGetBool(v[7]))
			continue;			/* member of an extension being created */
		if (n[0] && !n[8])
			granted = grant_rows(cmd, finished, (CollectedCommand *) DatumGetPointer(v[8]));
		if (granted != NIL)
			rows = list_concat(rows, granted);
		else
			rows = lappend(rows, command_object_row(cmd, finished, v, n, &primaryDone));
	}
	ExecDropSingleTupleTableSlot(slot);
	tuplestore_end(ts);
	FreeExprContext(econtext, true);
	return rows;
}

/* Rows of the objects dropped, with what was read of them before they went. */
static List *
dropped_rows(RecorderCommand *cmd, TimestampTz finished)
{
	ListCell   *lc;
	List	   *rows = NIL;

	foreach(lc, cmd->dropped)
	{
		DroppedObject *d = lfirst(lc);
		SavedObject *so = find_saved(cmd, d->classid, d->objid);
		RecordedRow *row;

		row = pm_new_row(cmd, finished, cmd->tag);
		set_text(row, SC_OBJECT_TYPE, d->objectType);
		set_text(row, SC_OBJECT_IDENTITY, d->identity);
		set_text(row, SC_SCHEMA_NAME, d->schemaName);
		if (so)
		{
			set_text(row, SC_DEFINITION_BEFORE, so->definition);
			set_table(cmd, row, so->tableOid, so->tableName);
		}
		else if (d->classid == RelationRelationId && d->objsubid == 0)
			set_table(cmd, row, d->objid, d->identity);
		else
			set_table(cmd, row, cmd->relid, NULL);
		if (d->original && cmd->stmtTag == T_DropStmt)
			set_text(row, SC_REVERT_STATEMENT, pm_revert_dropped(cmd, d, so));
		apply_rewrites(cmd, row);
		rows = lappend(rows, row);
	}
	return rows;
}

/* ddl_command_end's work: one row per object the command touched. */
static void
end_work(void *arg)
{
	RecorderCommand *cmd = (RecorderCommand *) arg;
	TimestampTz finished = GetCurrentTimestamp();
	MemoryContext old = MemoryContextSwitchTo(pm_row_context());
	List	   *rows;

	rows = list_concat(command_rows(cmd, finished), dropped_rows(cmd, finished));

	/*
	 * A command that reports no object (e.g. ALTER ... SET in some forms)
	 * still gets a row; but not a command that changed nothing (IF EXISTS
	 * found nothing: the NOTICE says so), nor one run inside another
	 * recorded command (the temporary table REFRESH MATERIALIZED VIEW
	 * CONCURRENTLY creates and drops): that one's row says it all.
	 */
	if (rows == NIL && cmd->dropped == NIL && !cmd->broken && !cmd->missingOk &&
		cmd_stack == NIL)
	{
		rows = list_make1(pm_new_row(cmd, finished, cmd->tag));
		if (OidIsValid(cmd->relid))
			set_table(cmd, linitial(rows), cmd->relid, NULL);
	}
	rows = list_concat(rows, other_locked_rows(cmd, finished));
	MemoryContextSwitchTo(old);
	pm_add_rows(rows, false);
}

/* ddl_command_end event trigger */
PG_FUNCTION_INFO_V1(pm_recorder_ddl_end);
Datum
pm_recorder_ddl_end(PG_FUNCTION_ARGS)
{
	RecorderCommand *cmd = current_command(fcinfo);
	char	   *error = NULL;

	if (cmd == NULL)
		PG_RETURN_VOID();
	cmd_stack = list_delete_first(cmd_stack);
	/* a concurrent build may have moved to a later transaction */
	cmd->nestLevel = Min(cmd->nestLevel, GetCurrentTransactionNestLevel());
	if (!cmd->broken && !pm_guarded_light(end_work, cmd, cmd->statement, &error))
		cmd->error = error;
	/* a failure of the recorder leaves a row that says so */
	if (cmd->error != NULL)
		pm_record_gap(cmd->tag, cmd->statement, cmd->startedAt, cmd->error);
	cmd->concurrent = false;
	PG_RETURN_VOID();
}


/* ---------------------------------------------------------------------
 * Failed concurrent index builds
 * ---------------------------------------------------------------------
 */

/* At abort: the build failed after its first transaction committed. */
static void
note_failed_build(RecorderCommand *cmd)
{
	MemoryContext old = MemoryContextSwitchTo(failed_cxt);
	RecorderCommand *copy = palloc0(sizeof(RecorderCommand));
	RecordedRow *row = palloc0(sizeof(RecordedRow));
	int			i;

	copy->startedAt = cmd->startedAt;
	copy->relid = cmd->relid;
	copy->lockmode = cmd->lockmode;
	copy->statement = cmd->statement ? pstrdup(cmd->statement) : NULL;
	copy->indexName = cmd->indexName ? pstrdup(cmd->indexName) : NULL;
	copy->tableBefore = cmd->tableBefore ? pstrdup(cmd->tableBefore) : NULL;
	copy->tag = cmd->tag;
	/* remember when it failed; the row is built once catalogs can be read */
	for (i = 0; i < SC_NCOLUMNS; i++)
		row->nulls[i] = true;
	set_datum(row, SC_FINISHED_AT, TimestampTzGetDatum(GetCurrentTimestamp()));
	{
		FullTransactionId fxid = GetTopFullTransactionIdIfAny();

		if (FullTransactionIdIsValid(fxid))
			set_datum(row, SC_XID, FullTransactionIdGetDatum(fxid));
	}
	copy->saved = list_make1(row);
	failed_builds = lappend(failed_builds, copy);
	MemoryContextSwitchTo(old);
}

static bool
index_is_valid(Oid indexid)
{
	HeapTuple	tup = SearchSysCache1(INDEXRELID, ObjectIdGetDatum(indexid));
	bool		valid;

	if (!HeapTupleIsValid(tup))
		return false;
	valid = ((Form_pg_index) GETSTRUCT(tup))->indisvalid;
	ReleaseSysCache(tup);
	return valid;
}

/* Turn the failed builds noted so far into rows of the current transaction. */
static int
queue_failed_builds(void)
{
	ListCell   *lc;
	int			n = 0;
	List	   *rows = NIL;

	foreach(lc, failed_builds)
	{
		RecorderCommand *fb = lfirst(lc);
		RecordedRow *failedAt = linitial(fb->saved);
		RecordedRow *row;
		MemoryContext old = MemoryContextSwitchTo(pm_row_context());
		Oid			index = InvalidOid;
		ListCell   *ilc;

		fb->nestLevel = 1;
		row = pm_new_row(fb, DatumGetTimestampTz(failedAt->values[SC_FINISHED_AT]), fb->tag);
		row->nulls[SC_XID] = failedAt->nulls[SC_XID];
		row->values[SC_XID] = failedAt->values[SC_XID];
		set_datum(row, SC_FAILED, BoolGetDatum(true));
		set_text(row, SC_OBJECT_TYPE, "index");
		/* the index it left behind: by name, or the newest invalid one */
		if (OidIsValid(fb->relid))
		{
			foreach(ilc, pm_table_indexes(fb->relid))
			{
				Oid			i = lfirst_oid(ilc);

				if (fb->indexName ? strcmp(get_rel_name(i), fb->indexName) == 0
					: (!index_is_valid(i) && i > index))
					index = i;
			}
		}
		/* a build that failed before creating its index changed nothing */
		if (OidIsValid(index) && index_is_valid(index))
			index = InvalidOid;
		if (!OidIsValid(index))
		{
			MemoryContextSwitchTo(old);
			continue;
		}
		{
			bool		valid = true;

			set_text(row, SC_OBJECT_IDENTITY, pm_relation_name(index));
			set_text(row, SC_SCHEMA_NAME, get_namespace_name(get_rel_namespace(index)));
			set_text(row, SC_DEFINITION_AFTER, pm_index_definition(index, &valid));
			set_datum(row, SC_INDEX_INVALID, BoolGetDatum(!valid));
			if (!valid)
				set_text(row, SC_REVERT_STATEMENT,
						 psprintf("DROP INDEX %s", pm_relation_name(index)));
		}
		set_table(fb, row, fb->relid, fb->tableBefore);
		rows = lappend(rows, row);
		MemoryContextSwitchTo(old);
		n++;
	}
	/* they happened before anything still pending in this transaction */
	pm_add_rows(rows, true);
	failed_builds = NIL;
	MemoryContextReset(failed_cxt);
	return n;
}

/* record_failed_builds(): write this session's failed concurrent builds */
PG_FUNCTION_INFO_V1(pm_record_failed_builds);
Datum
pm_record_failed_builds(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(queue_failed_builds());
}

static void
pm_exit_callback(int code, Datum arg)
{
	if (failed_builds == NIL || code != 0 || !OidIsValid(MyDatabaseId))
		return;
	PG_TRY();
	{
		StartTransactionCommand();
		queue_failed_builds();
		CommitTransactionCommand();
	}
	PG_CATCH();
	{
		/* never fail the exit of a backend */
		EmitErrorReport();
		FlushErrorState();
		AbortOutOfAnyTransaction();
	}
	PG_END_TRY();
}

static void
capture_xact_callback(XactEvent event, void *arg)
{
	ListCell   *lc;

	switch (event)
	{
		case XACT_EVENT_PRE_COMMIT:
		case XACT_EVENT_PRE_PREPARE:
			/* before pending.c's callback writes the transaction's rows */
			if (failed_builds != NIL && !RecoveryInProgress() && !XactReadOnly)
				queue_failed_builds();
			break;
		case XACT_EVENT_ABORT:
		case XACT_EVENT_PARALLEL_ABORT:
			/* a concurrent build that had already committed its catalog entry */
			foreach(lc, cmd_stack)
			{
				RecorderCommand *cmd = lfirst(lc);

				if (cmd->concurrent && !cmd->broken && cmd->stmtTag == T_IndexStmt)
				{
					note_failed_build(cmd);
					if (!exit_callback_registered)
					{
						before_shmem_exit(pm_exit_callback, (Datum) 0);
						exit_callback_registered = true;
					}
				}
			}
			cmd_stack = NIL;
			MemoryContextReset(cmd_cxt);
			break;
		case XACT_EVENT_COMMIT:
		case XACT_EVENT_PREPARE:
			/* only concurrent index commands live on past a commit */
			foreach(lc, cmd_stack)
				if (!((RecorderCommand *) lfirst(lc))->concurrent)
					cmd_stack = foreach_delete_current(cmd_stack, lc);
			break;
		default:
			break;
	}
}

static void
capture_subxact_callback(SubXactEvent event, SubTransactionId mySubid,
						 SubTransactionId parentSubid, void *arg)
{
	int			level = GetCurrentTransactionNestLevel();
	ListCell   *lc;

	if (event == SUBXACT_EVENT_ABORT_SUB)
	{
		foreach(lc, cmd_stack)
			if (((RecorderCommand *) lfirst(lc))->nestLevel >= level)
				cmd_stack = foreach_delete_current(cmd_stack, lc);
	}
}
