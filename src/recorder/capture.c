/*-------------------------------------------------------------------------
 *
 * capture.c
 *	  The schema-change recorder's event triggers: they note every DDL
 *	  command and keep its rows until commit, when write.c writes them.
 *
 * ddl_command_start notes when the command started, its exact statement,
 * the lock it takes and what it is about to change or drop (facts.c,
 * revert.c).  sql_drop and table_rewrite add the objects dropped and the
 * tables rewritten.  ddl_command_end builds one row per object the command
 * touched and keeps it in memory, tagged with the subtransaction it belongs
 * to.  At commit (XACT_EVENT_PRE_COMMIT) the rows of the transaction are
 * given their migration, chained (chain.c) and inserted (write.c) directly into
 * the heap, as the extension: a rolled-back command leaves nothing, the
 * user's role needs no privilege on the table, and no SQL is planned per
 * statement.
 *
 * Nothing here may break the user's migration: a failure becomes a WARNING
 * naming the statement (postmortem.audit_errors = 'error' makes it an
 * ERROR).  The write at commit runs in a subtransaction; the event-trigger
 * steps, which only read catalogs, are guarded without one (see
 * guarded_light).  Migration ids from migration tools' history tables:
 * migration.c.
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
#include "catalog/pg_index.h"
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
#include "storage/lmgr.h"
#include "storage/lwlock.h"
#include "tcop/cmdtag.h"
#include "utils/builtins.h"
#include "utils/datum.h"
#include "utils/fmgroids.h"
#include "utils/guc.h"
#include "utils/inet.h"
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

/* Rows of the current transaction, written at commit. */
static List *pending_rows = NIL;
static MemoryContext row_cxt = NULL;

/* Concurrent index builds of this session that failed; written later. */
static List *failed_builds = NIL;
static MemoryContext session_cxt = NULL;
static bool exit_callback_registered = false;

/* Facts that do not change during a session. */
static bool session_facts_ready = false;
static Datum session_client_addr;
static bool session_client_addr_null = true;
static char *session_database;
static char *session_origin;

static bool flushing = false;

/*
 * The resource owner guarded_light runs the recorder's steps under, a child
 * of the (sub)transaction's owner, reused while that owner lives (creating
 * one per step cost 0.7 % of a migration's instructions).  Between steps it
 * holds only the locks the steps took.  Forgotten when its parent ends (which
 * releases and deletes it).
 */
static ResourceOwner light_owner = NULL;
static ResourceOwner light_owner_parent = NULL;

static void pm_xact_callback(XactEvent event, void *arg);
static void pm_subxact_callback(SubXactEvent event, SubTransactionId mySubid,
								SubTransactionId parentSubid, void *arg);

/* Called from _PG_init. */
void
pm_recorder_init(void)
{
	cmd_cxt = AllocSetContextCreate(TopMemoryContext, "postmortem recorder commands",
									ALLOCSET_DEFAULT_SIZES);
	row_cxt = AllocSetContextCreate(TopMemoryContext, "postmortem recorder rows",
									ALLOCSET_DEFAULT_SIZES);
	session_cxt = AllocSetContextCreate(TopMemoryContext, "postmortem recorder session",
										ALLOCSET_SMALL_SIZES);
	RegisterXactCallback(pm_xact_callback, NULL);
	RegisterSubXactCallback(pm_subxact_callback, NULL);
}

/*
 * pm_recorder_skip: commands the recorder leaves alone: the extension's own
 * install script, binary upgrade, and restoring a dump, whose objects are
 * not new schema changes (the dumped database's rows come back with the
 * dump, chain and all).
 *
 * No setting tells a restore apart for sure; what pg_dump's scripts and
 * pg_restore set at their start is the closest: check_function_bodies and
 * row_security off and an empty search_path.  Any role can set those, so
 * they only count for a session whose authenticated user is a superuser
 * (a superuser could drop the event triggers anyway; the restore of the
 * recorder's own rows needs one).  An ordinary role cannot switch the
 * recorder off this way, and a superuser's migration is skipped only with
 * all three settings, which a migration has no reason to combine.
 */
bool
pm_recorder_skip(void)
{
	if (creating_extension || IsBinaryUpgrade)
		return true;
	return !check_function_bodies && !row_security &&
		(namespace_search_path[0] == '\0' || strcmp(namespace_search_path, "\"\"") == 0) &&
		superuser_arg(GetAuthenticatedUserId());
}

/*
 * The WARNING that stands for a failure of the recorder in the default
 * postmortem.audit_errors = 'warning' mode.
 */
static void
report_not_recorded(ErrorData *edata, const char *statement)
{
	ereport(WARNING,
			(errcode(edata->sqlerrcode),
			 errmsg("postmortem could not record a schema change: %s", edata->message),
			 errdetail("Statement not recorded: %s", statement ? statement : "(unknown)"),
			 errhint("The statement itself ran; set postmortem.audit_errors = 'error' to make such failures stop it.")));
}

/*
 * Run fn(arg) in a subtransaction.  On failure, roll it back and report the
 * error as a WARNING naming the statement, or re-throw it when
 * postmortem.audit_errors = 'error'.  A cancel (statement_timeout, a
 * client's cancel request) is not a failure of the recorder: it is
 * re-thrown.  Returns whether fn succeeded.
 */
static bool
guarded(void (*fn) (void *), void *arg, const char *statement)
{
	MemoryContext oldcxt = CurrentMemoryContext;
	ResourceOwner oldowner = CurrentResourceOwner;
	bool		ok = true;

	BeginInternalSubTransaction(NULL);
	MemoryContextSwitchTo(oldcxt);
	PG_TRY();
	{
		fn(arg);
		ReleaseCurrentSubTransaction();
		MemoryContextSwitchTo(oldcxt);
		CurrentResourceOwner = oldowner;
	}
	PG_CATCH();
	{
		ErrorData  *edata;

		MemoryContextSwitchTo(oldcxt);
		edata = CopyErrorData();
		FlushErrorState();
		RollbackAndReleaseCurrentSubTransaction();
		MemoryContextSwitchTo(oldcxt);
		CurrentResourceOwner = oldowner;
		if (pm_audit_errors == PM_AUDIT_ERRORS_ERROR)
		{
			edata->detail = psprintf("postmortem could not record statement: %s",
									 statement ? statement : "(unknown)");
			ReThrowError(edata);
		}
		if (edata->sqlerrcode == ERRCODE_QUERY_CANCELED)
			ReThrowError(edata);
		report_not_recorded(edata, statement);
		FreeErrorData(edata);
		ok = false;
	}
	PG_END_TRY();
	return ok;
}

static void
recorder_error_context(void *arg)
{
	errcontext("postmortem recording a schema change of statement: %s",
			   arg ? (const char *) arg : "(unknown)");
}

/*
 * Release light_owner and delete it: what it holds besides locks is
 * released (with leak warnings when isCommit), its locks go to its parent,
 * as at a subtransaction's commit, to be held to the end of the
 * (sub)transaction.  The next step gets a new owner: from PostgreSQL 17 a
 * released owner takes no new resource ("ResourceOwnerEnlarge called after
 * release started") and its release must start with the BEFORE_LOCKS phase.
 */
static void
light_owner_forget(bool isCommit)
{
	ResourceOwnerRelease(light_owner, RESOURCE_RELEASE_BEFORE_LOCKS, isCommit, false);
	ResourceOwnerRelease(light_owner, RESOURCE_RELEASE_LOCKS, true, false);
	ResourceOwnerRelease(light_owner, RESOURCE_RELEASE_AFTER_LOCKS, isCommit, false);
	ResourceOwnerDelete(light_owner);
	light_owner = NULL;
	light_owner_parent = NULL;
}

/*
 * Run fn(arg), which only reads catalogs and fills the recorder's own
 * memory, without the cost of a subtransaction (this runs for every DDL
 * command, several times; a subtransaction costs more than all the
 * recording).  On failure the error becomes a WARNING naming the statement,
 * or is re-thrown when postmortem.audit_errors = 'error'; a cancel or a
 * lock_timeout is always re-thrown.
 *
 * What fn may leave behind when it fails, and how it is undone here as
 * AbortSubTransaction would undo it:
 *
 * - buffer pins, relcache and catcache references, tuple descriptor
 *   references, registered snapshots (catalog scans) and temporary files
 *   (a tuplestore of the event-trigger functions that spilled): fn runs
 *   under a resource owner of its own, released here as at abort.  Left to
 *   the statement's resource owner they would each print a leak WARNING at
 *   the end of the statement.
 * - heavyweight locks (AccessShareLock on catalogs and on the tables it
 *   reads): kept, on success and on failure alike, to the end of the
 *   (sub)transaction, as any catalog read's are.
 * - LWLocks, a buffer I/O in progress, a wait event, a condition variable
 *   sleep and the interrupt holdoff count: released and restored.
 * - memory: fn allocates in the command's context (cmd_cxt) and the
 *   transaction's row context (row_cxt), both reset at the end of the
 *   transaction; a half-built command is marked broken by the callers.
 *
 * fn must not push active snapshots, connect to SPI, change GUCs or write
 * anything: those need a subtransaction (see guarded, used for the write at
 * commit).
 */
static bool
guarded_light(void (*fn) (void *), void *arg, const char *statement)
{
	MemoryContext oldcxt = CurrentMemoryContext;
	ResourceOwner oldowner = CurrentResourceOwner;
	ResourceOwner owner;
	uint32		holdoff = InterruptHoldoffCount;
	ErrorContextCallback errcb;
	bool		ok = true;

	errcb.callback = recorder_error_context;
	errcb.arg = (void *) statement;
	errcb.previous = error_context_stack;
	if (pm_audit_errors == PM_AUDIT_ERRORS_ERROR)
	{
		error_context_stack = &errcb;
		fn(arg);
		error_context_stack = errcb.previous;
		return true;
	}
	if (light_owner == NULL || light_owner_parent != CurTransactionResourceOwner)
	{
		/* the previous one belongs to a (sub)transaction still open */
		if (light_owner != NULL)
			light_owner_forget(true);
		light_owner = ResourceOwnerCreate(CurTransactionResourceOwner, "postmortem recorder");
		light_owner_parent = CurTransactionResourceOwner;
	}
	owner = light_owner;
	CurrentResourceOwner = owner;
	PG_TRY();
	{
		error_context_stack = &errcb;
		fn(arg);
		error_context_stack = errcb.previous;
	}
	PG_CATCH();
	{
		ErrorData  *edata;

		/* PG_CATCH has restored error_context_stack */
		LWLockReleaseAll();
		pgstat_report_wait_end();
		ConditionVariableCancelSleep();
#if PG_VERSION_NUM < 160000
		/* 16 and later abort it when the owner is released, below */
		AbortBufferIO();
#endif
		UnlockBuffers();
		InterruptHoldoffCount = holdoff;
		MemoryContextSwitchTo(oldcxt);
		/*
		 * A cancel or a lock_timeout is the user's limit, not a failure of
		 * the recorder: swallowed, a statement_timeout would never fire
		 * again for the statement, which then waits for its own lock on
		 * the object the recorder was reading.  The owner goes with the
		 * (sub)transaction's, which aborts.
		 */
		if (geterrcode() == ERRCODE_QUERY_CANCELED ||
			geterrcode() == ERRCODE_LOCK_NOT_AVAILABLE)
		{
			CurrentResourceOwner = oldowner;
			PG_RE_THROW();
		}
		edata = CopyErrorData();
		FlushErrorState();
		/* what the failed step left, quietly, as at abort; locks stay */
		CurrentResourceOwner = oldowner;
		light_owner_forget(false);
		report_not_recorded(edata, statement);
		FreeErrorData(edata);
		ok = false;
	}
	PG_END_TRY();

	/*
	 * After a success the owner holds nothing but locks, held to the end of
	 * the (sub)transaction as any catalog read's are; a reference fn forgot
	 * to release would be reported as a leak then.
	 */
	CurrentResourceOwner = oldowner;
	return ok;
}

/* Call a materializing set-returning function of the event-trigger API. */
static Tuplestorestate *
call_event_srf(Oid fnoid, TupleDesc *desc, ExprContext **econtext)
{
	static FmgrInfo ddl_commands_flinfo;
	static FmgrInfo dropped_objects_flinfo;
	FmgrInfo   *cached = fnoid == F_PG_EVENT_TRIGGER_DDL_COMMANDS
		? &ddl_commands_flinfo : &dropped_objects_flinfo;
	FmgrInfo	flinfo;
	ReturnSetInfo rsinfo;
	LOCAL_FCINFO(fcinfo, 0);

	if (cached->fn_oid != fnoid)
		fmgr_info_cxt(fnoid, cached, TopMemoryContext);
	flinfo = *cached;
	MemSet(&rsinfo, 0, sizeof(rsinfo));
	rsinfo.type = T_ReturnSetInfo;
	rsinfo.econtext = *econtext = CreateStandaloneExprContext();
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

static void
load_session_facts(void)
{
	MemoryContext old;

	if (session_facts_ready)
		return;
	old = MemoryContextSwitchTo(session_cxt);
	session_database = get_database_name(MyDatabaseId);
	session_origin = psprintf(UINT64_FORMAT "/%s", GetSystemIdentifier(), session_database);
	{
		/* inet_client_addr(): NULL over a Unix socket */
		LOCAL_FCINFO(fcinfo, 0);
		Datum		addr;

		InitFunctionCallInfoData(*fcinfo, NULL, 0, InvalidOid, NULL, NULL);
		addr = inet_client_addr(fcinfo);
		if (!fcinfo->isnull)
		{
			session_client_addr = addr;
			session_client_addr_null = false;
		}
	}
	MemoryContextSwitchTo(old);
	session_facts_ready = true;
}

/* A row with the facts every row of a command shares. */
static RecordedRow *
new_row(RecorderCommand *cmd, TimestampTz finished, const char *tag)
{
	RecordedRow *row = palloc0(sizeof(RecordedRow));
	FullTransactionId fxid = GetTopFullTransactionIdIfAny();
	int			i;

	load_session_facts();
	for (i = 0; i < SC_NCOLUMNS; i++)
		row->nulls[i] = true;
	row->nestLevel = cmd->nestLevel;
	row->cid = GetCurrentCommandId(false);
	set_datum(row, SC_AT, TimestampTzGetDatum(cmd->startedAt));
	set_datum(row, SC_FINISHED_AT, TimestampTzGetDatum(finished));
	set_datum(row, SC_DURATION, DirectFunctionCall2(timestamp_mi,
													TimestampTzGetDatum(finished),
													TimestampTzGetDatum(cmd->startedAt)));
	if (FullTransactionIdIsValid(fxid))
		set_datum(row, SC_XID, FullTransactionIdGetDatum(fxid));
	set_text(row, SC_COMMAND_TAG, tag);
	set_text(row, SC_STATEMENT, cmd->statement);
	set_text(row, SC_ROLE_NAME, GetUserNameFromId(GetUserId(), false));
	set_text(row, SC_APPLICATION_NAME, application_name && application_name[0] ? application_name : NULL);
	if (!session_client_addr_null)
		set_datum(row, SC_CLIENT_ADDR, datumCopy(session_client_addr, false, -1));
	set_datum(row, SC_BACKEND_PID, Int32GetDatum(MyProcPid));
	set_text(row, SC_DATABASE_NAME, session_database);
	set_text(row, SC_MIGRATION, pm_migration && pm_migration[0] ? pm_migration : NULL);
	set_datum(row, SC_REWROTE_TABLE, BoolGetDatum(false));
	set_datum(row, SC_INDEX_INVALID, BoolGetDatum(false));
	set_datum(row, SC_FAILED, BoolGetDatum(false));
	set_text(row, SC_ORIGIN, session_origin);
	return row;
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

static void
add_row(RecordedRow *row)
{
	pending_rows = lappend(pending_rows, row);
}

/* ---------------------------------------------------------------------
 * ddl_command_start
 * ---------------------------------------------------------------------
 */
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

	if (!CALLED_AS_EVENT_TRIGGER(fcinfo))
		elog(ERROR, "not fired by event trigger manager");
	if (pm_recorder_skip())
		PG_RETURN_VOID();
	trigdata = (EventTriggerData *) fcinfo->context;

	if (cmd_stack == NIL)
	{
		MemoryContextReset(cmd_cxt);
		pm_facts_reset();
	}
	old = MemoryContextSwitchTo(cmd_cxt);
	cmd = palloc0(sizeof(RecorderCommand));
	cmd->broken = true;
	cmd->nestLevel = GetCurrentTransactionNestLevel();
	cmd->startedAt = GetCurrentTimestamp();
	cmd->stmtTag = nodeTag(trigdata->parsetree);
	cmd->tag = GetCommandTagName(trigdata->tag);
	if (pm_statement_is_temporary(trigdata->parsetree))
	{
		/* a temporary object: nothing to record, broken stays set */
		cmd_stack = lcons(cmd, cmd_stack);
		MemoryContextSwitchTo(old);
		PG_RETURN_VOID();
	}
	cmd->statement = pm_statement_text(trigdata->parsetree);
	cmd_stack = lcons(cmd, cmd_stack);
	MemoryContextSwitchTo(old);

	args.cmd = cmd;
	args.parsetree = trigdata->parsetree;
	guarded_light(start_work, &args, cmd->statement);
	PG_RETURN_VOID();
}

/*
 * The command an sql_drop, table_rewrite or ddl_command_end event belongs
 * to (the innermost one started), or NULL when the recorder leaves it alone.
 */
static RecorderCommand *
current_command(FunctionCallInfo fcinfo)
{
	if (!CALLED_AS_EVENT_TRIGGER(fcinfo))
		elog(ERROR, "not fired by event trigger manager");
	if (cmd_stack == NIL || pm_recorder_skip())
		return NULL;
	return (RecorderCommand *) linitial(cmd_stack);
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

	if (cmd == NULL)
		PG_RETURN_VOID();
	if (!cmd->broken && !guarded_light(drop_work, cmd, cmd->statement))
		cmd->broken = true;
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
		guarded_light(rewrite_work, cmd, cmd->statement);
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
 * The object a COMMENT command commented on, in the columns of
 * pg_event_trigger_ddl_commands() and computed by the same functions it
 * uses.  COMMENT always reports exactly this one object, found at
 * ddl_command_start; calling the set-returning function for it would cost
 * more than recording the rest of the row.
 */
static void
comment_object(RecorderCommand *cmd, Datum *v, bool *n)
{
	ObjectAddress *addr = &cmd->commentObject;
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
	if (is_objectclass_supported(addr->classId) &&
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

static void
end_work(void *arg)
{
	RecorderCommand *cmd = (RecorderCommand *) arg;
	TimestampTz finished = GetCurrentTimestamp();
	MemoryContext old;
	ExprContext *econtext;
	TupleDesc	desc;
	Tuplestorestate *ts;
	TupleTableSlot *slot;
	bool		primaryDone = false;
	int			comments = 0;
	ListCell   *lc;
	List	   *rows = NIL;

	/*
	 * Objects created or altered, from pg_event_trigger_ddl_commands(); but
	 * not for DROP, for which PostgreSQL collects no command
	 * (ProcessUtilitySlow: "no commands stashed for DROP"; its objects come
	 * from sql_drop), nor for COMMENT, whose one object is known since
	 * ddl_command_start (comment_object).
	 */
	ts = NULL;
	slot = NULL;
	econtext = NULL;
	if (cmd->stmtTag == T_CommentStmt && OidIsValid(cmd->commentObject.objectId))
		comments = 1;
	else if (cmd->stmtTag != T_DropStmt)
	{
		ts = call_event_srf(F_PG_EVENT_TRIGGER_DDL_COMMANDS, &desc, &econtext);
		slot = MakeSingleTupleTableSlot(desc, &TTSOpsMinimalTuple);
	}
	for (;;)
	{
		Datum		v[9];
		bool		n[9];
		int			i;
		RecordedRow *row;
		Oid			classid,
					objid,
					tableOid = InvalidOid;
		char	   *tag,
				   *objtype,
				   *identity;
		bool		primary;

		if (comments-- > 0)
			comment_object(cmd, v, n);
		else if (ts != NULL && tuplestore_gettupleslot(ts, true, false, slot))
		{
			for (i = 0; i < 8; i++)
				v[i] = slot_getattr(slot, i + 1, &n[i]);
		}
		else
			break;
		if (!n[7] && DatumGetBool(v[7]))
			continue;			/* member of an extension being created */
		classid = DatumGetObjectId(v[0]);
		objid = DatumGetObjectId(v[1]);
		tag = text_or_null(v[3], n[3]);
		objtype = text_or_null(v[4], n[4]);
		identity = text_or_null(v[6], n[6]);
		primary = !primaryDone && tag && strcmp(tag, cmd->tag) == 0;
		if (primary)
			primaryDone = true;

		old = MemoryContextSwitchTo(row_cxt);
		row = new_row(cmd, finished, tag);
		set_text(row, SC_OBJECT_TYPE, objtype);
		set_text(row, SC_OBJECT_IDENTITY, identity);
		set_text(row, SC_SCHEMA_NAME, text_or_null(v[5], n[5]));

		if (classid == RelationRelationId)
		{
			char		relkind = get_rel_relkind(objid);

			if (relkind == RELKIND_INDEX || relkind == RELKIND_PARTITIONED_INDEX)
			{
				bool		valid = true;

				tableOid = pm_index_table(objid);
				set_text(row, SC_DEFINITION_AFTER, pm_index_definition(objid, &valid));
				set_datum(row, SC_INDEX_INVALID, BoolGetDatum(!valid));
			}
			else
			{
				tableOid = objid;
				/* only for commands that change what a table or view is */
				if (relkind != RELKIND_SEQUENCE && DatumGetInt32(v[2]) == 0 &&
					(cmd->stmtTag == T_CreateStmt || cmd->stmtTag == T_AlterTableStmt ||
					 cmd->stmtTag == T_ViewStmt || cmd->stmtTag == T_CreateTableAsStmt ||
					 cmd->stmtTag == T_RenameStmt))
					set_text(row, SC_DEFINITION_AFTER,
							 pm_table_definition(objid, cmd->stmtTag == T_AlterTableStmt));
			}
			if (primary && cmd->tableBefore && !cmd->concurrent)
				set_text(row, SC_DEFINITION_BEFORE, cmd->tableBefore);
		}
		else
			tableOid = cmd->relid;
		set_table(cmd, row, tableOid, NULL);

		if (primary)
		{
			char	   *revert = NULL;

			if (cmd->commentKeyword)
			{
				if (cmd->hadComment && identity)
					revert = psprintf("COMMENT ON %s %s IS %s", cmd->commentKeyword, identity,
									  cmd->commentBefore ? quote_literal_cstr(cmd->commentBefore) : "NULL");
			}
			else if (cmd->revertKnown)
				revert = cmd->revert ? pstrdup(cmd->revert) : NULL;
			else if (cmd->stmtTag == T_ViewStmt && cmd->tableBefore)
			{
				/* a view cannot lose columns by CREATE OR REPLACE */
				if (pm_relnatts(objid) > cmd->viewNattsBefore)
					revert = psprintf("DROP VIEW %s; CREATE VIEW %s AS %s", identity, identity,
									  cmd->tableBefore);
				else
					revert = psprintf("CREATE OR REPLACE VIEW %s AS %s", identity, cmd->tableBefore);
			}
			else if (strncmp(tag, "CREATE ", 7) == 0)
				revert = pm_revert_created(objtype, identity);
			set_text(row, SC_REVERT_STATEMENT, revert);
		}
		apply_rewrites(cmd, row);
		rows = lappend(rows, row);
		MemoryContextSwitchTo(old);
	}
	if (ts != NULL)
	{
		ExecDropSingleTupleTableSlot(slot);
		tuplestore_end(ts);
		FreeExprContext(econtext, true);
	}

	/* objects dropped, with what was read of them before they went */
	foreach(lc, cmd->dropped)
	{
		DroppedObject *d = lfirst(lc);
		SavedObject *so = find_saved(cmd, d->classid, d->objid);
		RecordedRow *row;

		old = MemoryContextSwitchTo(row_cxt);
		row = new_row(cmd, finished, cmd->tag);
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
		MemoryContextSwitchTo(old);
	}

	/* a command that reports no object (e.g. ALTER ... SET in some forms) */
	if (rows == NIL && cmd->dropped == NIL && !cmd->broken)
	{
		old = MemoryContextSwitchTo(row_cxt);
		rows = list_make1(new_row(cmd, finished, cmd->tag));
		if (OidIsValid(cmd->relid))
			set_table(cmd, linitial(rows), cmd->relid, NULL);
		MemoryContextSwitchTo(old);
	}

	old = MemoryContextSwitchTo(row_cxt);
	pending_rows = list_concat(pending_rows, rows);
	MemoryContextSwitchTo(old);
}

/* ddl_command_end event trigger */
PG_FUNCTION_INFO_V1(pm_recorder_ddl_end);
Datum
pm_recorder_ddl_end(PG_FUNCTION_ARGS)
{
	RecorderCommand *cmd = current_command(fcinfo);

	if (cmd == NULL)
		PG_RETURN_VOID();
	cmd_stack = list_delete_first(cmd_stack);
	if (!cmd->broken)
	{
		/* a concurrent build may have moved to a later transaction */
		cmd->nestLevel = Min(cmd->nestLevel, GetCurrentTransactionNestLevel());
		guarded_light(end_work, cmd, cmd->statement);
	}
	cmd->concurrent = false;
	PG_RETURN_VOID();
}

typedef struct UtilityArgs
{
	const char *tag;
	const char *objectType;
	const char *identity;
	const char *statement;
	TimestampTz startedAt;
} UtilityArgs;

static void
utility_work(void *arg)
{
	UtilityArgs *a = (UtilityArgs *) arg;
	RecorderCommand cmd;
	RecordedRow *row;
	MemoryContext old = MemoryContextSwitchTo(row_cxt);

	MemSet(&cmd, 0, sizeof(cmd));
	cmd.nestLevel = GetCurrentTransactionNestLevel();
	cmd.startedAt = a->startedAt;
	cmd.tag = a->tag;
	cmd.statement = (char *) a->statement;
	row = new_row(&cmd, GetCurrentTimestamp(), a->tag);
	set_text(row, SC_OBJECT_TYPE, a->objectType);
	set_text(row, SC_OBJECT_IDENTITY, a->identity);
	add_row(row);
	MemoryContextSwitchTo(old);
}

/*
 * pm_record_utility: a row for a command event triggers do not see, from
 * the ProcessUtility hook (recorder_hook.c).  The command has run (some,
 * like CREATE DATABASE, cannot be undone by an abort): a failure here is a
 * WARNING, as for event triggers.
 */
void
pm_record_utility(const char *tag, const char *objectType, const char *identity,
				  const char *statement, TimestampTz startedAt)
{
	UtilityArgs args;

	args.tag = tag;
	args.objectType = objectType;
	args.identity = identity;
	args.statement = statement;
	args.startedAt = startedAt;
	guarded_light(utility_work, &args, statement);
}

/* ---------------------------------------------------------------------
 * Failed concurrent index builds
 * ---------------------------------------------------------------------
 */

/* At abort: the build failed after its first transaction committed. */
static void
note_failed_build(RecorderCommand *cmd)
{
	MemoryContext old = MemoryContextSwitchTo(session_cxt);
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
		MemoryContext old = MemoryContextSwitchTo(row_cxt);
		Oid			index = InvalidOid;
		ListCell   *ilc;

		fb->nestLevel = 1;
		row = new_row(fb, DatumGetTimestampTz(failedAt->values[SC_FINISHED_AT]), fb->tag);
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
	{
		MemoryContext old = MemoryContextSwitchTo(row_cxt);

		pending_rows = list_concat(rows, pending_rows);
		MemoryContextSwitchTo(old);
	}
	failed_builds = NIL;
	MemoryContextReset(session_cxt);
	session_facts_ready = false;
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

/* ---------------------------------------------------------------------
 * At commit: the transaction's rows go to write.c
 * ---------------------------------------------------------------------
 */
static void
reset_rows(void)
{
	pending_rows = NIL;
	MemoryContextReset(row_cxt);
}

static void
flush(bool prepare)
{
	char	   *statements;
	bool		pushed = false;

	if (failed_builds != NIL && !RecoveryInProgress() && !XactReadOnly)
		queue_failed_builds();
	if (flushing)
		return;
	pending_rows = pm_drop_temporary_rows(pending_rows);
	if (pending_rows == NIL)
		return;

	/* name the statements in a warning, should the write fail */
	{
		StringInfoData buf;
		ListCell   *lc;
		const char *lastStmt = NULL;

		initStringInfo(&buf);
		foreach(lc, pending_rows)
		{
			RecordedRow *row = lfirst(lc);
			const char *s = row->nulls[SC_STATEMENT] ? "" : TextDatumGetCString(row->values[SC_STATEMENT]);

			if (lastStmt && strcmp(lastStmt, s) == 0)
				continue;
			appendStringInfo(&buf, "%s%s", buf.len ? "; " : "", s);
			lastStmt = s;
		}
		statements = buf.data;
	}

	flushing = true;
	PG_TRY();
	{
		if (!ActiveSnapshotSet())
		{
			PushActiveSnapshot(GetTransactionSnapshot());
			pushed = true;
		}
		{
			PendingWrite pw = {pending_rows, row_cxt, prepare};

			guarded(pm_write_rows, &pw, statements);
		}
		if (pushed)
			PopActiveSnapshot();
	}
	PG_FINALLY();
	{
		flushing = false;
		reset_rows();
	}
	PG_END_TRY();
}

static void
pm_xact_callback(XactEvent event, void *arg)
{
	/* the transaction's resource owner deletes the recorder's with it */
	if (event == XACT_EVENT_COMMIT || event == XACT_EVENT_PARALLEL_COMMIT ||
		event == XACT_EVENT_ABORT || event == XACT_EVENT_PARALLEL_ABORT ||
		event == XACT_EVENT_PREPARE)
		light_owner = NULL;

	switch (event)
	{
		case XACT_EVENT_PRE_COMMIT:
		case XACT_EVENT_PRE_PREPARE:
			flush(event == XACT_EVENT_PRE_PREPARE);
			break;
		case XACT_EVENT_ABORT:
		case XACT_EVENT_PARALLEL_ABORT:
			{
				ListCell   *lc;

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
				reset_rows();
				break;
			}
		case XACT_EVENT_COMMIT:
		case XACT_EVENT_PREPARE:
			{
				ListCell   *lc;

				reset_rows();
				/* only concurrent index commands live on past a commit */
				foreach(lc, cmd_stack)
					if (!((RecorderCommand *) lfirst(lc))->concurrent)
						cmd_stack = foreach_delete_current(cmd_stack, lc);
				break;
			}
		default:
			break;
	}
}

static void
pm_subxact_callback(SubXactEvent event, SubTransactionId mySubid,
					SubTransactionId parentSubid, void *arg)
{
	int			level = GetCurrentTransactionNestLevel();
	ListCell   *lc;

	/* the ending subtransaction's resource owner deletes the recorder's */
	if ((event == SUBXACT_EVENT_ABORT_SUB || event == SUBXACT_EVENT_COMMIT_SUB) &&
		light_owner_parent == CurTransactionResourceOwner)
		light_owner = NULL;

	if (event == SUBXACT_EVENT_ABORT_SUB)
	{
		foreach(lc, pending_rows)
			if (((RecordedRow *) lfirst(lc))->nestLevel >= level)
				pending_rows = foreach_delete_current(pending_rows, lc);
		foreach(lc, cmd_stack)
			if (((RecorderCommand *) lfirst(lc))->nestLevel >= level)
				cmd_stack = foreach_delete_current(cmd_stack, lc);
	}
	else if (event == SUBXACT_EVENT_COMMIT_SUB)
	{
		foreach(lc, pending_rows)
		{
			RecordedRow *row = lfirst(lc);

			if (row->nestLevel >= level)
				row->nestLevel = level - 1;
		}
	}
}

/* recorder_status(): what the recorder sees, and what it misses */
PG_FUNCTION_INFO_V1(pm_recorder_status);
Datum
pm_recorder_status(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	static const char *const hooked[] = {
		"ALTER SYSTEM",
		"CREATE/ALTER/DROP ROLE",
		"CREATE/ALTER/DROP DATABASE",
		"ALTER/DROP EVENT TRIGGER",
		"SET session_replication_role",
	};
	int			i;
	Datum		values[3];
	bool		nulls[3] = {false, false, false};
	bool		enabled = true;
	HeapTuple	tup;
	static const char *const triggers[] = {
		"postmortem_recorder_start", "postmortem_recorder_drop",
		"postmortem_recorder_rewrite", "postmortem_recorder_end"
	};

	InitMaterializedSRF(fcinfo, 0);

	for (i = 0; i < lengthof(triggers); i++)
	{
		tup = SearchSysCache1(EVENTTRIGGERNAME, CStringGetDatum(triggers[i]));
		if (!HeapTupleIsValid(tup))
			enabled = false;
		else
		{
			if (((Form_pg_event_trigger) GETSTRUCT(tup))->evtenabled != TRIGGER_FIRES_ALWAYS)
				enabled = false;
			ReleaseSysCache(tup);
		}
	}
	values[0] = CStringGetTextDatum("DDL commands (event triggers)");
	values[1] = BoolGetDatum(enabled);
	values[2] = CStringGetTextDatum(enabled
									? "the four recorder event triggers are enabled ALWAYS, also for replica-role sessions"
									: "an event trigger of the recorder is missing or not ENABLE ALWAYS: DDL is not fully recorded");
	tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);

	for (i = 0; i < lengthof(hooked); i++)
	{
		values[0] = CStringGetTextDatum(hooked[i]);
		values[1] = BoolGetDatum(pm_hook_installed);
		values[2] = CStringGetTextDatum(pm_hook_installed
										? "recorded by the ProcessUtility hook (shared_preload_libraries)"
										: "not seen: event triggers never fire for it; add postmortem to shared_preload_libraries");
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	values[0] = CStringGetTextDatum("per-statement text");
	values[1] = BoolGetDatum(true);
	values[2] = CStringGetTextDatum(pm_hook_installed
									? "from the statement's location in the query string (ProcessUtility hook)"
									: "from the query string, parsed again when it holds several statements");
	tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);

	/* src/analysis/regression.c: what pg_stat_statements lets suspects() see */
	if (pm_query_regression_status)
	{
		const char *detail;

		values[0] = CStringGetTextDatum("query regressions");
		values[1] = BoolGetDatum(pm_query_regression_status(&detail));
		values[2] = CStringGetTextDatum(detail);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}
