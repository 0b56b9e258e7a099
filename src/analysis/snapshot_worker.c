/*-------------------------------------------------------------------------
 *
 * snapshot_worker.c
 *	  The pg_stat_statements snapshot that a schema change finds due, taken
 *	  by a one-shot background worker instead of the migrating backend.
 *
 * Most of a snapshot's cost is pg_stat_statements' own function, which
 * forms a row for every entry of the cluster (all databases) before this
 * database's are picked: about 2 % of a 300-statement migration when the
 * migration is what finds the snapshot due.  So the DDL that finds it due
 * starts a dynamic background worker (RegisterDynamicBackgroundWorker needs
 * no shared_preload_libraries) connected to the same database, which reads
 * the counters and writes the snapshot in its own transaction, and waits for
 * it to finish: what the migration pays is wall time (the worker's start
 * and the snapshot, a few milliseconds), not instructions.
 *
 * The baseline stays "before the change": the DDL does not run until the
 * worker has ended, and the worker keeps what it read only if the DDL's
 * transaction was still running when the counters had been read (its
 * virtual transaction id, checked after the read: snapshot.c), so a worker
 * that the DDL stopped waiting for cannot write counters that include the
 * change.  The snapshot is dated at the DDL's transaction start, as one the
 * backend takes itself.
 *
 * The worker is one-shot (BGW_NEVER_RESTART): it lives for the snapshot,
 * takes no lock it would wait for (the table conditionally, lock_timeout for
 * the rest), and exits on SIGTERM (DROP DATABASE ... WITH (FORCE)).  It is
 * not used in a template database (a connection to it would make CREATE
 * DATABASE ... TEMPLATE fail), and when no worker slot is free
 * (max_worker_processes) the backend takes the snapshot itself.
 *
 * Called by regression.c; calls snapshot.c.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "access/xact.h"
#include "catalog/pg_database.h"
#include "miscadmin.h"
#include "pgstat.h"
#include "postmaster/bgworker.h"
#include "storage/ipc.h"
#include "storage/latch.h"
#include "storage/lmgr.h"
#include "storage/lock.h"
#include "storage/proc.h"
#include "tcop/tcopprot.h"
#include "utils/builtins.h"
#include "utils/guc.h"
#include "utils/snapmgr.h"
#include "utils/syscache.h"
#include "utils/timestamp.h"

#include "postmortem.h"
#include "compat.h"
#include "analysis/analysis.h"

/* Longest a DDL waits for the worker before it goes on without a snapshot */
#define WORKER_WAIT_MS		10000

/* What the worker is asked to do, in bgw_extra. */
typedef struct SnapshotRequest
{
	Oid			relid;			/* postmortem.statement_snapshot */
	Oid			owner;			/* its owner: pg_stat_statements is read as them */
	Oid			login;			/* the requester's login role: the worker's */
	int			size;			/* postmortem.statement_snapshot_size */
	TimestampTz at;				/* the DDL's transaction start */
	VirtualTransactionId change;	/* the DDL's transaction */
	NameData	schema;			/* pg_stat_statements' schema */
} SnapshotRequest;

StaticAssertDecl(sizeof(SnapshotRequest) <= BGW_EXTRALEN,
				 "a snapshot request must fit in bgw_extra");

PGDLLEXPORT void pm_snapshot_worker_main(Datum main_arg);

/* Is this database a template (or closed to connections)? */
static bool
database_is_template(void)
{
	HeapTuple	tup = SearchSysCache1(DATABASEOID, ObjectIdGetDatum(MyDatabaseId));
	bool		result = true;

	if (HeapTupleIsValid(tup))
	{
		Form_pg_database db = (Form_pg_database) GETSTRUCT(tup);

		result = db->datistemplate || !db->datallowconn;
		ReleaseSysCache(tup);
	}
	return result;
}

/* Wait until the worker has ended (true) or WORKER_WAIT_MS have passed. */
static bool
wait_for_worker(BackgroundWorkerHandle *handle)
{
	TimestampTz deadline = TimestampTzPlusMilliseconds(GetCurrentTimestamp(),
													   WORKER_WAIT_MS);

	for (;;)
	{
		pid_t		pid;
		long		left;

		/* the postmaster sets our latch when the worker starts and ends */
		switch (GetBackgroundWorkerPid(handle, &pid))
		{
			case BGWH_STOPPED:
				return true;
			case BGWH_POSTMASTER_DIED:
				return false;
			default:
				break;
		}
		left = TimestampDifferenceMilliseconds(GetCurrentTimestamp(), deadline);
		if (left <= 0)
		{
			TerminateBackgroundWorker(handle);
			return false;
		}
		/* polled too: a process may not handle the postmaster's SIGUSR1 */
		(void) WaitLatch(MyLatch, WL_LATCH_SET | WL_TIMEOUT | WL_EXIT_ON_PM_DEATH,
						 Min(left, 100), PG_WAIT_EXTENSION);
		ResetLatch(MyLatch);
		CHECK_FOR_INTERRUPTS();
	}
}

/*
 * Have a background worker write a snapshot of this database's counters
 * into relid (owned by owner; pg_stat_statements in schema), dated at, and
 * wait for it.  false when no worker could be started here (no free slot, a
 * template database): the caller takes the snapshot itself.  *waited says
 * whether the worker ended in time.
 */
bool
pm_snapshot_by_worker(Oid relid, Oid owner, const char *schema,
					  TimestampTz at, int size, bool *waited)
{
	BackgroundWorker worker;
	BackgroundWorkerHandle *handle;
	SnapshotRequest req;

	*waited = false;
	if (database_is_template())
		return false;
	memset(&req, 0, sizeof(req));
	req.relid = relid;
	req.owner = owner;
	req.login = GetAuthenticatedUserId();
	req.size = size;
	req.at = at;
	GET_VXID_FROM_PGPROC(req.change, *MyProc);
	namestrcpy(&req.schema, schema);

	memset(&worker, 0, sizeof(worker));
	worker.bgw_flags = BGWORKER_SHMEM_ACCESS | BGWORKER_BACKEND_DATABASE_CONNECTION;
	worker.bgw_start_time = BgWorkerStart_RecoveryFinished;
	worker.bgw_restart_time = BGW_NEVER_RESTART;
	snprintf(worker.bgw_library_name, BGW_MAXLEN, "postmortem");
	snprintf(worker.bgw_function_name, BGW_MAXLEN, "pm_snapshot_worker_main");
	snprintf(worker.bgw_name, BGW_MAXLEN, "postmortem snapshot for pid %d", MyProcPid);
	snprintf(worker.bgw_type, BGW_MAXLEN, "postmortem snapshot");
	worker.bgw_main_arg = ObjectIdGetDatum(MyDatabaseId);
	worker.bgw_notify_pid = MyProcPid;
	memcpy(worker.bgw_extra, &req, sizeof(req));
	if (!RegisterDynamicBackgroundWorker(&worker, &handle))
		return false;
	*waited = wait_for_worker(handle);
	pfree(handle);
	return true;
}

/*
 * The worker: connect to the requester's database as the role that
 * requested (it could log in), write the snapshot, exit.
 */
void
pm_snapshot_worker_main(Datum main_arg)
{
	SnapshotRequest req;
	int64		written = 0;

	memcpy(&req, MyBgworkerEntry->bgw_extra, sizeof(req));
	pqsignal(SIGTERM, die);
	BackgroundWorkerUnblockSignals();
	/* never wait long on a lock, connecting included: the DDL waits for us */
	SetConfigOption("lock_timeout", "1000", PGC_USERSET, PGC_S_OVERRIDE);
	BackgroundWorkerInitializeConnectionByOid(DatumGetObjectId(main_arg),
											  req.login, 0);
	SetCurrentStatementStartTimestamp();
	StartTransactionCommand();
	PushActiveSnapshot(GetTransactionSnapshot());
	pgstat_report_activity(STATE_RUNNING, "postmortem: pg_stat_statements snapshot");

	/* another session writing one: theirs is as good */
	if (ConditionalLockRelationOid(req.relid, ShareRowExclusiveLock))
		written = pm_write_statement_snapshot(req.relid, NameStr(req.schema), req.owner,
											  req.at, req.size,
											  req.at - (TimestampTz) 7 * USECS_PER_DAY,
											  &req.change);
	if (written < 0)
		ereport(LOG,
				(errmsg("postmortem: pg_stat_statements snapshot discarded: the schema change it was for had ended before the counters were read")));
	PopActiveSnapshot();
	CommitTransactionCommand();
	pgstat_report_activity(STATE_IDLE, NULL);
	proc_exit(0);
}
