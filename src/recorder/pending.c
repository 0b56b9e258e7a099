/*-------------------------------------------------------------------------
 *
 * pending.c
 *	  The rows of the current transaction, waiting for commit, and the
 *	  guards that keep a failure of the recorder from breaking the user's
 *	  work.
 *
 * capture.c (event triggers) and hook.c (ProcessUtility hook) build rows
 * and hand them here; at commit (XACT_EVENT_PRE_COMMIT) the rows of the
 * transaction go to write.c, which gives them their migration, chains them
 * and inserts them.  A row belongs to the subtransaction that recorded it
 * and goes with it when that subtransaction aborts.
 *
 * Nothing here may break the user's migration: a failure of the recorder
 * becomes a WARNING naming the statement (postmortem.audit_errors = 'error'
 * makes it an ERROR).  The write at commit runs in a subtransaction
 * (guarded); the event-trigger steps, which only read catalogs, are guarded
 * without one (pm_guarded_light).
 *
 * May call: write.c, src/ top level.  Called by capture.c and hook.c.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "access/xact.h"
#include "access/xlog.h"
#include "commands/dbcommands.h"
#include "commands/extension.h"
#include "miscadmin.h"
#include "pgstat.h"
#include "storage/bufmgr.h"
#include "storage/condition_variable.h"
#include "storage/lwlock.h"
#include "utils/builtins.h"
#include "utils/datum.h"
#include "utils/guc.h"
#include "utils/inval.h"
#include "utils/inet.h"
#include "utils/memutils.h"
#include "utils/resowner.h"
#include "utils/snapmgr.h"
#include "utils/syscache.h"
#include "utils/timestamp.h"
#include "utils/xid8.h"

#include "postmortem.h"
#include "recorder/recorder.h"

/* Rows of the current transaction, written at commit. */
static List *pending_rows = NIL;
static MemoryContext row_cxt = NULL;

/* Facts that do not change during a session. */
static MemoryContext session_cxt = NULL;
static bool session_facts_ready = false;
static Datum session_client_addr;
static bool session_client_addr_null = true;
static char *session_database;
static char *session_origin;

static bool flushing = false;

/*
 * The statement datum the rows of the current command share: a statement
 * is copied once per command, not once per object (DROP of 50 tables in a
 * 10 MB statement).  Lives in row_cxt.
 */
static const char *shared_statement = NULL;
static Datum shared_statement_datum = (Datum) 0;

/*
 * The names of the current role and the session role as text, shared by the
 * rows of the transaction like the statement (a syscache look-up and a copy
 * per row and column otherwise): role_name_oid[0] for GetUserId(), [1] for
 * GetSessionUserId().  In row_cxt; forgotten with it, and when pg_authid
 * changes (a role renamed in another session).
 */
static Oid	role_name_oid[2] = {InvalidOid, InvalidOid};
static Datum role_name_datum[2];

/*
 * The resource owner pm_guarded_light runs the recorder's steps under, a
 * child of the (sub)transaction's owner, reused while that owner lives
 * (creating one per step cost 0.7 % of a migration's instructions).  Between
 * steps it holds only the locks the steps took.  Forgotten when its parent
 * ends (which releases and deletes it).
 */
static ResourceOwner light_owner = NULL;
static ResourceOwner light_owner_parent = NULL;

static void pending_xact_callback(XactEvent event, void *arg);
static void forget_role_names(Datum arg, int cacheid, uint32 hashvalue);
static void pending_subxact_callback(SubXactEvent event, SubTransactionId mySubid,
									 SubTransactionId parentSubid, void *arg);

/* Called from pm_recorder_init, before capture.c registers its callbacks. */
void
pm_pending_init(void)
{
	row_cxt = AllocSetContextCreate(TopMemoryContext, "postmortem recorder rows",
									ALLOCSET_DEFAULT_SIZES);
	session_cxt = AllocSetContextCreate(TopMemoryContext, "postmortem recorder session",
										ALLOCSET_SMALL_SIZES);
	RegisterXactCallback(pending_xact_callback, NULL);
	RegisterSubXactCallback(pending_subxact_callback, NULL);
	CacheRegisterSyscacheCallback(AUTHOID, forget_role_names, (Datum) 0);
}

/* The context rows of the current transaction live in. */
MemoryContext
pm_row_context(void)
{
	return row_cxt;
}

/*
 * pm_recorder_skip: commands the recorder leaves alone: the extension's own
 * install script, binary upgrade, and restoring a dump (pm_restoring_dump),
 * whose objects are not new schema changes (the dumped database's rows come
 * back with the dump, chain and all).  A protected command (one that touches
 * the recorder itself) is recorded even then.
 */
bool
pm_recorder_skip(bool protect)
{
	if (creating_extension || IsBinaryUpgrade)
		return true;
	if (protect)
		return false;
	return pm_restoring_dump();
}

/* How a failure of the recorder reads in the row that stands for the gap. */
static char *
error_text(ErrorData *edata)
{
	return psprintf("%s: %s", unpack_sql_state(edata->sqlerrcode), edata->message);
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
 * postmortem.audit_errors = 'error'.  An error about the statement's own
 * situation (pm_error_belongs_to_statement: a deadlock, a lock_timeout, a cancel, out of
 * memory) is not a failure of the recorder: it is re-thrown.  Returns
 * whether fn succeeded; *error gets the failure's text.  With error NULL
 * (writing the gap rows after a failure was reported), a failure is quiet.
 */
static bool
guarded(void (*fn) (void *), void *arg, const char *statement, char **error)
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
		if (pm_error_belongs_to_statement(edata->sqlerrcode))
			ReThrowError(edata);
		/* no second WARNING when the row standing for the gap fails too */
		if (error)
		{
			report_not_recorded(edata, statement);
			*error = error_text(edata);
		}
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
 * or is re-thrown when postmortem.audit_errors = 'error'; an error about the
 * statement's own situation (pm_error_belongs_to_statement) is always re-thrown.  Returns
 * whether fn succeeded; *error (if not NULL) gets the failure's text, in
 * the caller's memory context, for the row that stands for the gap.
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
bool
pm_guarded_light(void (*fn) (void *), void *arg, const char *statement,
				 char **error)
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
		 * A cancel, a lock_timeout, a deadlock or running out of memory is
		 * the statement's situation, not a failure of the recorder:
		 * swallowed, a statement_timeout would never fire again for the
		 * statement, a deadlock victim would go on and commit, and the
		 * statement's row would be missing.  The owner goes with the
		 * (sub)transaction's, which aborts.
		 */
		if (pm_error_belongs_to_statement(geterrcode()))
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
		if (error)
			*error = error_text(edata);
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

/* pg_authid changed: the role names are looked up again */
static void
forget_role_names(Datum arg, int cacheid, uint32 hashvalue)
{
	role_name_oid[0] = role_name_oid[1] = InvalidOid;
}

/* The name of roleid as text in row_cxt, for the rows of the transaction. */
static Datum
role_name(int which, Oid roleid)
{
	if (role_name_oid[which] != roleid)
	{
		char	   *name = GetUserNameFromId(roleid, false);
		size_t		len = strlen(name);
		text	   *t = (text *) MemoryContextAlloc(row_cxt, VARHDRSZ + len);

		SET_VARSIZE(t, VARHDRSZ + len);
		memcpy(VARDATA(t), name, len);
		pfree(name);
		role_name_datum[which] = PointerGetDatum(t);
		role_name_oid[which] = roleid;
	}
	return role_name_datum[which];
}

/* A row with the facts every row of a command shares. */
RecordedRow *
pm_new_row(RecorderCommand *cmd, TimestampTz finished, const char *tag)
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
	if (cmd->statement != NULL)
	{
		size_t		len = strlen(cmd->statement);

		/* the same string, not only the same address (cmd_cxt is reused) */
		if (cmd->statement != shared_statement ||
			VARSIZE(DatumGetPointer(shared_statement_datum)) != VARHDRSZ + len ||
			memcmp(VARDATA(DatumGetPointer(shared_statement_datum)), cmd->statement, len) != 0)
		{
			text	   *t = (text *) MemoryContextAlloc(row_cxt, VARHDRSZ + len);

			SET_VARSIZE(t, VARHDRSZ + len);
			memcpy(VARDATA(t), cmd->statement, len);
			shared_statement_datum = PointerGetDatum(t);
			shared_statement = cmd->statement;
		}
		set_datum(row, SC_STATEMENT, shared_statement_datum);
	}
	set_datum(row, SC_ROLE_NAME, role_name(0, GetUserId()));
	set_datum(row, SC_SESSION_ROLE, role_name(1, GetSessionUserId()));
	set_text(row, SC_APPLICATION_NAME, application_name && application_name[0] ? application_name : NULL);
	if (!session_client_addr_null)
		set_datum(row, SC_CLIENT_ADDR, datumCopy(session_client_addr, false, -1));
	set_datum(row, SC_BACKEND_PID, Int32GetDatum(MyProcPid));
	set_text(row, SC_DATABASE_NAME, session_database);
	set_text(row, SC_MIGRATION, pm_migration_id(pm_migration));
	set_datum(row, SC_REWROTE_TABLE, BoolGetDatum(false));
	set_datum(row, SC_INDEX_INVALID, BoolGetDatum(false));
	set_datum(row, SC_FAILED, BoolGetDatum(false));
	set_text(row, SC_ORIGIN, session_origin);
	return row;
}
/*
 * pm_add_rows: rows (allocated in pm_row_context()) join the transaction's;
 * first: they happened before the rows already pending.
 */
void
pm_add_rows(List *rows, bool first)
{
	MemoryContext old = MemoryContextSwitchTo(row_cxt);

	if (first)
		pending_rows = list_concat(rows, pending_rows);
	else
		pending_rows = list_concat(pending_rows, rows);
	MemoryContextSwitchTo(old);
}
typedef struct UtilityArgs
{
	const char *tag;
	const char *objectType;
	const char *identity;
	const char *statement;
	TimestampTz startedAt;
	LOCKMODE	lockmode;
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
	row = pm_new_row(&cmd, GetCurrentTimestamp(), a->tag);
	set_text(row, SC_OBJECT_TYPE, a->objectType);
	set_text(row, SC_OBJECT_IDENTITY, a->identity);
	if (a->lockmode != NoLock)
	{
		set_text(row, SC_LOCK_MODE, pm_lockmode_name(a->lockmode));
		set_datum(row, SC_BLOCKS_WRITES, BoolGetDatum(a->lockmode >= ShareLock));
		set_datum(row, SC_BLOCKS_READS, BoolGetDatum(a->lockmode >= AccessExclusiveLock));
	}
	pm_add_rows(list_make1(row), false);
	MemoryContextSwitchTo(old);
}

/*
 * pm_record_gap: the row that stands for a command the recorder failed to
 * record: its statement, tag and time, object type "recorder error" and as
 * identity the error (SQLSTATE: message).  The chain then shows the gap
 * instead of hiding it.  If even this row cannot be built, the WARNING
 * already given is all that is left.
 */
void
pm_record_gap(const char *tag, const char *statement, TimestampTz startedAt,
			  const char *error)
{
	UtilityArgs args;

	args.tag = tag;
	args.objectType = PM_GAP_OBJECT_TYPE;
	args.identity = error;
	args.statement = statement;
	args.startedAt = startedAt;
	args.lockmode = NoLock;
	pm_guarded_light(utility_work, &args, statement, NULL);
}

/*
 * pm_record_utility: a row for a command event triggers do not see, from
 * the ProcessUtility hook (hook.c).  The command has run (some, like
 * CREATE DATABASE, cannot be undone by an abort): a failure of the
 * recorder here is a WARNING and a gap row, as for event triggers.
 */
void
pm_record_utility(const char *tag, const char *objectType, const char *identity,
				  const char *statement, TimestampTz startedAt, LOCKMODE lockmode)
{
	UtilityArgs args;
	char	   *error = NULL;

	args.tag = tag;
	args.objectType = objectType;
	args.identity = identity;
	args.statement = statement;
	args.startedAt = startedAt;
	args.lockmode = lockmode;
	if (!pm_guarded_light(utility_work, &args, statement, &error))
		pm_record_gap(tag, statement, startedAt, error);
}

/* ---------------------------------------------------------------------
 * At commit: the transaction's rows go to write.c
 * ---------------------------------------------------------------------
 */
static void
reset_rows(void)
{
	pending_rows = NIL;
	shared_statement = NULL;
	role_name_oid[0] = role_name_oid[1] = InvalidOid;
	MemoryContextReset(row_cxt);
}

/*
 * The statements of the rows, for a WARNING should the write fail: each
 * once (rows of one command share their statement's datum), and each cut
 * to a few hundred bytes, so that a long statement is not copied again.
 */
static char *
statements_of(List *rows)
{
	StringInfoData buf;
	ListCell   *lc;
	Datum		last = (Datum) 0;

	initStringInfo(&buf);
	foreach(lc, rows)
	{
		RecordedRow *row = lfirst(lc);
		text	   *t;
		int			len;

		if (row->nulls[SC_STATEMENT] || row->values[SC_STATEMENT] == last)
			continue;
		last = row->values[SC_STATEMENT];
		t = (text *) DatumGetPointer(last);
		len = VARSIZE_ANY_EXHDR(t);
		appendStringInfoString(&buf, buf.len ? "; " : "");
		appendBinaryStringInfo(&buf, VARDATA_ANY(t), Min(len, PM_WARNING_STATEMENT_LEN));
		if (len > PM_WARNING_STATEMENT_LEN)
			appendStringInfoString(&buf, "...");
	}
	return buf.data;
}

/*
 * The rows that stand for a failed write: one per statement, with its
 * statement, tag and times and the error (see pm_record_gap); the facts
 * about objects are dropped, as they may be what failed, and so is the
 * migration: a value the user chose (postmortem.migration, a history row)
 * must not be able to make the gap row fail too.  Gap rows are never given
 * a migration nor claimed later (migration.c skips them).
 */
static List *
gap_rows(List *rows, const char *error)
{
	List	   *gaps = NIL;
	ListCell   *lc;
	Datum		last = (Datum) 0;
	static const ScColumn kept[] = {
		SC_AT, SC_FINISHED_AT, SC_DURATION, SC_XID, SC_COMMAND_TAG, SC_STATEMENT,
		SC_ROLE_NAME, SC_SESSION_ROLE, SC_APPLICATION_NAME, SC_CLIENT_ADDR, SC_BACKEND_PID,
		SC_DATABASE_NAME, SC_REWROTE_TABLE, SC_INDEX_INVALID,
		SC_FAILED, SC_ORIGIN
	};

	foreach(lc, rows)
	{
		RecordedRow *row = lfirst(lc);
		RecordedRow *gap;
		int			i;

		if (!row->nulls[SC_STATEMENT] && row->values[SC_STATEMENT] == last)
			continue;
		last = row->nulls[SC_STATEMENT] ? (Datum) 0 : row->values[SC_STATEMENT];
		gap = palloc0(sizeof(RecordedRow));
		gap->nestLevel = row->nestLevel;
		gap->cid = row->cid;
		gap->gap = true;
		for (i = 0; i < SC_NCOLUMNS; i++)
			gap->nulls[i] = true;
		for (i = 0; i < lengthof(kept); i++)
		{
			gap->values[kept[i]] = row->values[kept[i]];
			gap->nulls[kept[i]] = row->nulls[kept[i]];
		}
		set_datum(gap, SC_REWROTE_TABLE, BoolGetDatum(false));
		set_text(gap, SC_OBJECT_TYPE, PM_GAP_OBJECT_TYPE);
		set_text(gap, SC_OBJECT_IDENTITY, error);
		gaps = lappend(gaps, gap);
	}
	return gaps;
}

static void
flush(bool prepare)
{
	char	   *statements;
	bool		pushed = false;

	if (flushing)
		return;
	pending_rows = pm_drop_temporary_rows(pending_rows);
	if (pending_rows == NIL && !pm_migration_pending())
		return;

	/* name the statements in a warning, should the write fail */
	statements = statements_of(pending_rows);

	flushing = true;
	PG_TRY();
	{
		PendingWrite pw = {pending_rows, row_cxt, prepare};
		char	   *error = NULL;

		if (!ActiveSnapshotSet())
		{
			PushActiveSnapshot(GetTransactionSnapshot());
			pushed = true;
		}
		if (!guarded(pm_write_rows, &pw, statements, &error))
		{
			/* the gap, in the chain, if the table can take a row at all */
			MemoryContext old = MemoryContextSwitchTo(row_cxt);

			pw.rows = gap_rows(pending_rows, error);
			MemoryContextSwitchTo(old);
			guarded(pm_write_rows, &pw, statements, NULL);
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
pending_xact_callback(XactEvent event, void *arg)
{
	switch (event)
	{
		case XACT_EVENT_PRE_COMMIT:
		case XACT_EVENT_PRE_PREPARE:
			flush(event == XACT_EVENT_PRE_PREPARE);
			break;
		case XACT_EVENT_COMMIT:
		case XACT_EVENT_PARALLEL_COMMIT:
		case XACT_EVENT_ABORT:
		case XACT_EVENT_PARALLEL_ABORT:
		case XACT_EVENT_PREPARE:
			/* the transaction's resource owner deletes the recorder's with it */
			light_owner = NULL;
			reset_rows();
			break;
		default:
			break;
	}
}

static void
pending_subxact_callback(SubXactEvent event, SubTransactionId mySubid,
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
