/*-------------------------------------------------------------------------
 *
 * recorder_hook.c
 *	  ProcessUtility hook of the schema-change recorder, installed when the
 *	  library is in shared_preload_libraries.
 *
 * Event triggers never fire for ALTER SYSTEM, roles, databases, event
 * triggers themselves or SET session_replication_role; the hook records
 * those (including attempts to switch the recorder's event triggers off).
 * It also tells ddl_command_start where the statement lies in the query
 * string, as pg_stat_statements and pgaudit learn it, so that no string has
 * to be parsed again.  The hook is chained to any hook installed before it.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "access/xact.h"
#include "access/xlog.h"
#include "commands/extension.h"
#include "miscadmin.h"
#include "nodes/parsenodes.h"
#include "parser/scansup.h"
#include "tcop/utility.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/timestamp.h"

#include "recorder/recorder.h"

bool		pm_hook_installed = false;

static ProcessUtility_hook_type prev_ProcessUtility = NULL;

/* The utility statement being executed, innermost. */
static const char *hook_query = NULL;
static int	hook_location = -1;
static int	hook_len = 0;

/* pm_hook_statement: the exact text of the current utility statement */
const char *
pm_hook_statement(void)
{
	const char *s;
	int			len;

	if (!pm_hook_installed || hook_query == NULL)
		return NULL;
	s = hook_query;
	len = strlen(s);
	if (hook_location >= 0 && hook_location <= len)
	{
		s += hook_location;
		len = hook_len > 0 ? Min(hook_len, len - hook_location) : (int) strlen(s);
	}
	while (len > 0 && scanner_isspace(*s))
		s++, len--;
	while (len > 0 && (scanner_isspace(s[len - 1]) || s[len - 1] == ';'))
		len--;
	return pnstrdup(s, len);
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

		hook_query = queryString;
		hook_location = pstmt->stmt_location;
		hook_len = pstmt->stmt_len;
		statement = (char *) pm_hook_statement();
		hook_query = saved_query;
		hook_location = saved_location;
		hook_len = saved_len;
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
