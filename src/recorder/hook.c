/*-------------------------------------------------------------------------
 *
 * hook.c
 *	  ProcessUtility hook of the schema-change recorder, installed when the
 *	  library is in shared_preload_libraries, and recorder_status().
 *
 * Event triggers never fire for ALTER SYSTEM, roles, databases, event
 * triggers themselves or SET session_replication_role; the hook records
 * those (including attempts to switch the recorder's event triggers off).
 * It also tells ddl_command_start where the statement lies in the query
 * string, as pg_stat_statements and pgaudit learn it, so that no string has
 * to be parsed again.  The hook is chained to any hook installed before it.
 *
 * May call: facts.c (statement text), pending.c (the rows), src/ top level.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "access/xact.h"
#include "access/xlog.h"
#include "catalog/pg_event_trigger.h"
#include "commands/extension.h"
#include "commands/trigger.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "nodes/parsenodes.h"
#include "parser/scansup.h"
#include "tcop/utility.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/syscache.h"
#include "utils/timestamp.h"

#include "recorder/recorder.h"

bool		pm_hook_installed = false;

static ProcessUtility_hook_type prev_ProcessUtility = NULL;

/* The utility statement being executed, innermost. */
static const char *hook_query = NULL;
static int	hook_location = -1;
static int	hook_len = 0;

/*
 * pm_hook_statement: the exact text of the current utility statement, for
 * ddl_command_start (capture.c); NULL without the hook.
 */
const char *
pm_hook_statement(void)
{
	if (!pm_hook_installed || hook_query == NULL)
		return NULL;
	return pm_statement_at(hook_query, hook_location, hook_len);
}

static const char *
rolespec_name(RoleSpec *spec)
{
	if (spec == NULL)
		return "ALL";
	if (spec->roletype == ROLESPEC_CSTRING)
		return spec->rolename;
	return get_rolespec_name(spec);
}

static bool
sets_password(List *options)
{
	ListCell   *lc;

	foreach(lc, options)
		if (strcmp(lfirst_node(DefElem, lc)->defname, "password") == 0)
			return true;
	return false;
}

static void
pm_ProcessUtility(PlannedStmt *pstmt, const char *queryString,
				  bool readOnlyTree, ProcessUtilityContext context,
				  ParamListInfo params, QueryEnvironment *queryEnv,
				  DestReceiver *dest, QueryCompletion *qc)
{
	Node	   *parsetree = pstmt->utilityStmt;
	const char *tag = NULL;
	const char *objtype = NULL;
	char	   *identity = NULL;
	bool		redact = false;
	const char *saved_query = hook_query;
	int			saved_location = hook_location;
	int			saved_len = hook_len;
	TimestampTz started = 0;

	switch (nodeTag(parsetree))
	{
		case T_AlterSystemStmt:
			tag = "ALTER SYSTEM";
			objtype = "system setting";
			identity = ((AlterSystemStmt *) parsetree)->setstmt->name;
			break;
		case T_CreateRoleStmt:
			tag = "CREATE ROLE";
			objtype = "role";
			identity = ((CreateRoleStmt *) parsetree)->role;
			redact = sets_password(((CreateRoleStmt *) parsetree)->options);
			break;
		case T_AlterRoleStmt:
			tag = "ALTER ROLE";
			objtype = "role";
			identity = (char *) rolespec_name(((AlterRoleStmt *) parsetree)->role);
			redact = sets_password(((AlterRoleStmt *) parsetree)->options);
			break;
		case T_AlterRoleSetStmt:
			tag = "ALTER ROLE";
			objtype = "role";
			identity = (char *) rolespec_name(((AlterRoleSetStmt *) parsetree)->role);
			break;
		case T_DropRoleStmt:
			{
				ListCell   *lc;
				StringInfoData buf;

				initStringInfo(&buf);
				foreach(lc, ((DropRoleStmt *) parsetree)->roles)
					appendStringInfo(&buf, "%s%s", buf.len ? ", " : "",
									 rolespec_name(lfirst(lc)));
				tag = "DROP ROLE";
				objtype = "role";
				identity = buf.data;
				break;
			}
		case T_GrantRoleStmt:
			tag = ((GrantRoleStmt *) parsetree)->is_grant ? "GRANT ROLE" : "REVOKE ROLE";
			objtype = "role membership";
			break;
		case T_CreatedbStmt:
			tag = "CREATE DATABASE";
			objtype = "database";
			identity = ((CreatedbStmt *) parsetree)->dbname;
			break;
		case T_AlterDatabaseStmt:
			tag = "ALTER DATABASE";
			objtype = "database";
			identity = ((AlterDatabaseStmt *) parsetree)->dbname;
			break;
		case T_AlterDatabaseSetStmt:
			tag = "ALTER DATABASE";
			objtype = "database";
			identity = ((AlterDatabaseSetStmt *) parsetree)->dbname;
			break;
		case T_DropdbStmt:
			tag = "DROP DATABASE";
			objtype = "database";
			identity = ((DropdbStmt *) parsetree)->dbname;
			break;
		case T_AlterEventTrigStmt:
			tag = "ALTER EVENT TRIGGER";
			objtype = "event trigger";
			identity = ((AlterEventTrigStmt *) parsetree)->trigname;
			break;
		case T_DropStmt:
			if (((DropStmt *) parsetree)->removeType == OBJECT_EVENT_TRIGGER)
			{
				ListCell   *lc;
				StringInfoData buf;

				initStringInfo(&buf);
				foreach(lc, ((DropStmt *) parsetree)->objects)
					appendStringInfo(&buf, "%s%s", buf.len ? ", " : "",
									 quote_identifier(strVal(lfirst(lc))));
				tag = "DROP EVENT TRIGGER";
				objtype = "event trigger";
				identity = buf.data;
			}
			break;
		case T_RenameStmt:
			{
				RenameStmt *stmt = (RenameStmt *) parsetree;

				if (stmt->renameType == OBJECT_DATABASE)
					tag = "ALTER DATABASE", objtype = "database";
				else if (stmt->renameType == OBJECT_ROLE)
					tag = "ALTER ROLE", objtype = "role";
				else if (stmt->renameType == OBJECT_EVENT_TRIGGER)
					tag = "ALTER EVENT TRIGGER", objtype = "event trigger";
				if (tag)
					identity = stmt->subname ? stmt->subname : strVal(stmt->object);
				break;
			}
		case T_VariableSetStmt:
			{
				VariableSetStmt *stmt = (VariableSetStmt *) parsetree;

				if (stmt->name && strcmp(stmt->name, "session_replication_role") == 0)
				{
					tag = stmt->kind == VAR_RESET ? "RESET" :
						stmt->is_local ? "SET LOCAL" : "SET";
					objtype = "setting";
					identity = "session_replication_role";
				}
				break;
			}
		default:
			break;
	}

	/* a standby cannot write the row (SET session_replication_role runs there) */
	if (tag != NULL &&
		(pm_recorder_skip() || !IsTransactionState() || RecoveryInProgress() ||
		 !OidIsValid(get_extension_oid("postmortem", true))))
		tag = NULL;
	if (tag != NULL)
		started = GetCurrentTimestamp();

	if (context != PROCESS_UTILITY_SUBCOMMAND)
	{
		hook_query = queryString;
		hook_location = pstmt->stmt_location;
		hook_len = pstmt->stmt_len;
	}
	PG_TRY();
	{
		if (prev_ProcessUtility)
			prev_ProcessUtility(pstmt, queryString, readOnlyTree, context,
								params, queryEnv, dest, qc);
		else
			standard_ProcessUtility(pstmt, queryString, readOnlyTree, context,
									params, queryEnv, dest, qc);
	}
	PG_FINALLY();
	{
		hook_query = saved_query;
		hook_location = saved_location;
		hook_len = saved_len;
	}
	PG_END_TRY();

	if (tag != NULL && IsTransactionState())
	{
		char	   *statement;

		statement = pm_statement_at(queryString, pstmt->stmt_location, pstmt->stmt_len);
		if (redact)
			statement = psprintf("%s %s (statement not recorded: it sets a password)",
								 tag, identity ? identity : "");
		pm_record_utility(tag, objtype, identity, statement, started);
	}
}

/* Called from _PG_init when the library is preloaded. */
void
pm_recorder_hook_init(void)
{
	prev_ProcessUtility = ProcessUtility_hook;
	ProcessUtility_hook = pm_ProcessUtility;
	pm_hook_installed = true;
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
	return (Datum) 0;
}
