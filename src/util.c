/*-------------------------------------------------------------------------
 *
 * util.c
 *	  Small helpers the modules share: checking how a trigger function was
 *	  fired and finding the columns it needs, and preparing an SPI plan that
 *	  is kept for the backend's life; which errors belong to the statement;
 *	  whether the session restores a dump.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "access/xact.h"
#include "catalog/namespace.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "utils/guc.h"
#include "utils/rel.h"
#include "utils/resowner.h"
#include "utils/rls.h"

#include "postmortem.h"

pm_status_fn pm_query_regression_status = NULL;
void		(*pm_before_ddl_hook) (Node *parsetree) = NULL;

/* set while incident/restore.c switches session_replication_role */
bool		pm_restore_switching = false;

/*
 * Check that funcname was called by the trigger manager as a row-level
 * trigger, BEFORE or AFTER as asked, for one of the events in events
 * (PM_ON_INSERT, PM_ON_UPDATE); return its TriggerData.
 */
TriggerData *
pm_trigger_data(FunctionCallInfo fcinfo, const char *funcname, bool before,
				int events)
{
	TriggerData *trigdata;
	TriggerEvent ev;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("function \"%s\" was not called by trigger manager",
						funcname)));
	trigdata = (TriggerData *) fcinfo->context;
	ev = trigdata->tg_event;
	if (!TRIGGER_FIRED_FOR_ROW(ev) ||
		(before ? !TRIGGER_FIRED_BEFORE(ev) : !TRIGGER_FIRED_AFTER(ev)))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("function \"%s\" must be fired %s for each row",
						funcname, before ? "BEFORE" : "AFTER")));
	if (!((TRIGGER_FIRED_BY_INSERT(ev) && (events & PM_ON_INSERT)) ||
		  (TRIGGER_FIRED_BY_UPDATE(ev) && (events & PM_ON_UPDATE))))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("function \"%s\" must be fired for %s",
						funcname,
						events == (PM_ON_INSERT | PM_ON_UPDATE) ? "INSERT or UPDATE" :
						events == PM_ON_INSERT ? "INSERT" : "UPDATE")));
	return trigdata;
}

/*
 * The attribute number of a column a trigger needs in the row of its
 * relation; an error if the relation has none, as when the function is
 * attached to a table other than the one it was written for.
 */
int
pm_column_attnum(Relation rel, const char *colname)
{
	int			attnum = SPI_fnumber(RelationGetDescr(rel), colname);

	if (attnum <= 0)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_COLUMN),
				 errmsg("column \"%s\" of relation \"%s\" does not exist",
						colname, RelationGetRelationName(rel)),
				 errhint("The trigger functions of postmortem belong on the tables the extension attaches them to.")));
	return attnum;
}

/*
 * Prepare a statement and keep the plan for the life of the backend; the
 * caller is connected to SPI and stores the result in a static variable.
 * what names the statement in the (can't-happen) error.
 */
static SPIPlanPtr
prepare_kept(const char *what, const char *sql, int nargs, Oid *argtypes,
			 int cursorOptions)
{
	SPIPlanPtr	plan = SPI_prepare_cursor(sql, nargs, argtypes, cursorOptions);
	int			ret;

	if (plan == NULL)
		elog(ERROR, "SPI_prepare failed for the %s: %s",
			 what, SPI_result_code_string(SPI_result));
	if ((ret = SPI_keepplan(plan)) != 0)
		elog(ERROR, "SPI_keepplan failed for the %s: %s",
			 what, SPI_result_code_string(ret));
	return plan;
}

SPIPlanPtr
pm_prepare_kept(const char *what, const char *sql, int nargs, Oid *argtypes)
{
	return prepare_kept(what, sql, nargs, argtypes, 0);
}

/*
 * The same, planned once: generic, because re-planning each call (the
 * custom plans the plan cache tries first and keeps when the estimates come
 * out alike) cost suspects() more than its queries themselves, which are
 * index range scans whatever the parameters.
 */
SPIPlanPtr
pm_prepare_generic(const char *what, const char *sql, int nargs, Oid *argtypes)
{
	return prepare_kept(what, sql, nargs, argtypes, CURSOR_OPT_GENERIC_PLAN);
}

/*
 * Run fn(arg) in a subtransaction of its own.  true when it succeeded;
 * otherwise the subtransaction is rolled back, the caller's memory context
 * and resource owner are back, and *error is the error (the caller reports
 * it or re-throws it).  For work that must not break the statement it runs
 * in: evidence at declaration, a snapshot before a schema change.
 */
bool
pm_in_subtransaction(void (*fn) (void *), void *arg, ErrorData **error)
{
	MemoryContext oldcontext = CurrentMemoryContext;
	ResourceOwner oldowner = CurrentResourceOwner;
	bool		ok = true;

	BeginInternalSubTransaction(NULL);
	MemoryContextSwitchTo(oldcontext);
	PG_TRY();
	{
		fn(arg);
		ReleaseCurrentSubTransaction();
		MemoryContextSwitchTo(oldcontext);
		CurrentResourceOwner = oldowner;
	}
	PG_CATCH();
	{
		MemoryContextSwitchTo(oldcontext);
		*error = CopyErrorData();
		FlushErrorState();
		RollbackAndReleaseCurrentSubTransaction();
		MemoryContextSwitchTo(oldcontext);
		CurrentResourceOwner = oldowner;
		ok = false;
	}
	PG_END_TRY();
	return ok;
}

/*
 * Is this error about the statement's own situation -- what PostgreSQL
 * would raise had the extension not been there: a deadlock or a
 * serialization failure (class 40), no memory or disk (53), a cancel, a
 * statement_timeout or a shutdown (57), an I/O error (58), a lock_timeout --
 * rather than a failure of the extension?  Such errors are re-thrown as
 * raised, never turned into a WARNING: swallowed, a statement_timeout would
 * never fire again for the statement, a deadlock victim would go on and
 * commit.  The recorder's guards, the evidence at declaration and the
 * snapshot before a schema change all decide with this one function.
 */
bool
pm_error_belongs_to_statement(int sqlerrcode)
{
	switch (ERRCODE_TO_CATEGORY(sqlerrcode))
	{
		case ERRCODE_TRANSACTION_ROLLBACK:
		case ERRCODE_INSUFFICIENT_RESOURCES:
		case ERRCODE_OPERATOR_INTERVENTION:
		case ERRCODE_SYSTEM_ERROR:
			return true;
	}
	return sqlerrcode == ERRCODE_LOCK_NOT_AVAILABLE;
}

/*
 * Does the session look like pg_restore or a pg_dump script run by a
 * superuser?  No setting tells a restore apart for sure; what pg_dump's
 * scripts and pg_restore set at their start is the closest:
 * check_function_bodies and row_security off and an empty search_path.  Any
 * role can set those, so they only count for a session whose authenticated
 * user is a superuser (restoring the extension's rows needs one); a
 * superuser's migration has no reason to combine all three.  The recorder
 * leaves such a session's schema changes alone (the dumped rows come back
 * with the dump) and incident/restore.c loads the extension's tables in it
 * without their triggers.
 */
bool
pm_restoring_dump(void)
{
	return !check_function_bodies && !row_security &&
		(namespace_search_path[0] == '\0' ||
		 strcmp(namespace_search_path, "\"\"") == 0) &&
		superuser_arg(GetAuthenticatedUserId());
}
