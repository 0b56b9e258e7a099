/*-------------------------------------------------------------------------
 *
 * restore.c
 *	  Let pg_restore -j load the extension's tables in any order.
 *
 * pg_dump orders the data of an extension's configuration tables by their
 * foreign keys, but writes that order only into the archive's sequence, not
 * into the dependencies of its TABLE DATA entries (those depend only on their
 * table, which an extension's table has none of in the archive).  A parallel
 * pg_restore therefore loads postmortem.timeline, task, citation and
 * incident_member beside, or before, postmortem.incident, and their COPY
 * fails on the foreign key: the rows are lost (issue 9 item 9).  The tables
 * keep their foreign keys, created by CREATE EXTENSION before any data
 * arrives, so they cannot be put off the way pg_restore puts off a user
 * table's.
 *
 * A statement trigger on each of those tables does it instead: when the
 * session is restoring a dump (pm_restoring_dump, the heuristic the recorder
 * skips a restore's schema changes by, and the current user is a superuser
 * too), the
 * BEFORE STATEMENT trigger sets session_replication_role = replica for the
 * statement, so that the rows of the COPY skip the foreign key checks (and
 * the lifecycle triggers: restored rows come back as they were dumped), and
 * the AFTER STATEMENT trigger, enabled ALWAYS, sets it back.  The dump was
 * taken from tables with those foreign keys, so its rows satisfy them once
 * every table is loaded.  postmortem.incident has the two triggers too, so
 * that its rows come back as dumped: without them a live incident's
 * evidence trigger would write timeline entries during the restore, with ids
 * of the not yet restored sequence that collide with the dumped ones.
 * Anyone else, and every other session, gets the
 * foreign key checks as always.  A table added later with a foreign key to
 * another of the extension's tables needs the same two triggers.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "commands/trigger.h"
#include "miscadmin.h"
#include "utils/guc.h"

#include "postmortem.h"

/* whether this backend's BEFORE trigger switched to replica */
static bool restore_switched = false;

/*
 * Switch session_replication_role for the statement.  pm_restore_switching
 * tells the recorder's watch on the setting (preload mode) that this switch
 * is the restore's own, not a change to record: a restore reproduces the
 * dumped rows and adds none.
 */
static void
set_replication_role(const char *value)
{
	pm_restore_switching = true;
	PG_TRY();
	{
		(void) set_config_option("session_replication_role", value,
								 PGC_SUSET, PGC_S_SESSION, GUC_ACTION_LOCAL,
								 true, 0, false);
	}
	PG_FINALLY();
	{
		pm_restore_switching = false;
	}
	PG_END_TRY();
}

/*
 * Statement trigger (BEFORE and AFTER INSERT) on the tables whose foreign
 * keys point at another of the extension's tables: while a dump is
 * restored, the statement loads without foreign key checks.
 */
PG_FUNCTION_INFO_V1(postmortem_restore_load);
Datum
postmortem_restore_load(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("function \"restore_load\" was not called by trigger manager")));
	trigdata = (TriggerData *) fcinfo->context;
	if (!TRIGGER_FIRED_FOR_STATEMENT(trigdata->tg_event))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("function \"restore_load\" must be fired for each statement")));

	if (TRIGGER_FIRED_BEFORE(trigdata->tg_event))
	{
		restore_switched = false;
		if (SessionReplicationRole == SESSION_REPLICATION_ROLE_ORIGIN &&
			pm_restoring_dump() && superuser())
		{
			set_replication_role("replica");
			restore_switched = true;
		}
	}
	else if (restore_switched)
	{
		restore_switched = false;
		if (SessionReplicationRole == SESSION_REPLICATION_ROLE_REPLICA)
			set_replication_role("origin");
	}
	return PointerGetDatum(NULL);
}
