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
#include "commands/defrem.h"
#include "commands/event_trigger.h"
#include "commands/extension.h"
#include "commands/trigger.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "nodes/parsenodes.h"
#include "parser/scansup.h"
#include "tcop/cmdtag.h"
#include "tcop/utility.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/formatting.h"
#include "utils/guc.h"
#include "utils/guc_tables.h"
#include "utils/memutils.h"
#include "utils/syscache.h"
#include "utils/timestamp.h"

#include "postmortem.h"
#include "recorder/recorder.h"

bool		pm_hook_installed = false;

static ProcessUtility_hook_type prev_ProcessUtility = NULL;

/*
 * Inside SET, the ProcessUtility hook records the change, not the assign
 * hook; CREATE FUNCTION applies a SET clause for its validator and then
 * undoes it, which changes nothing.
 */
static int	in_set_statement = 0;

static bool
quiet_setting(Node *parsetree)
{
	return IsA(parsetree, VariableSetStmt) || IsA(parsetree, CreateFunctionStmt);
}

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

/*
 * May the value this sets hold a secret (primary_conninfo's password,
 * a command with a key, a custom setting named for a token)?  The same
 * rule as record_setting_changes() (src/analysis/events.sql) keeps for the
 * values it snapshots.
 */
static bool
setting_may_hold_secret(VariableSetStmt *setstmt)
{
	static const char *const parts[] = {"conninfo", "command", "password", "passfile",
	"secret", "key", "token", "ssl_"};
	char	   *lower;
	int			i;

	/* RESET and SET ... TO DEFAULT carry no value */
	if (setstmt == NULL || setstmt->name == NULL || setstmt->kind != VAR_SET_VALUE)
		return false;
	lower = asc_tolower(setstmt->name, strlen(setstmt->name));
	for (i = 0; i < lengthof(parts); i++)
		if (strstr(lower, parts[i]) != NULL)
			return true;
	return false;
}

/*
 * What the hook records of a utility statement: its tag, object type and
 * identity (tag NULL: nothing, event triggers see it or it changes nothing).
 */
typedef struct HookedUtility
{
	const char *tag;
	const char *objtype;
	char	   *identity;
	bool		redact;			/* it sets a password, or a setting that may hold one */
	LOCKMODE	lockmode;		/* on the table, for REINDEX, CLUSTER, VACUUM FULL */
} HookedUtility;

static char *
quote_qualified_rv(RangeVar *rv)
{
	if (rv == NULL)
		return NULL;
	return quote_qualified_identifier(rv->schemaname, rv->relname);
}

/* Names of a GRANT's objects (databases, tablespaces, parameters). */
static char *
name_list(List *objects)
{
	ListCell   *lc;
	StringInfoData buf;

	initStringInfo(&buf);
	foreach(lc, objects)
		appendStringInfo(&buf, "%s%s", buf.len ? ", " : "",
						 quote_identifier(strVal(lfirst(lc))));
	return buf.data;
}

static void
classify_reindex(ReindexStmt *stmt, HookedUtility *u)
{
	ListCell   *lc;
	bool		concurrently = false;

	foreach(lc, stmt->params)
	{
		DefElem    *opt = lfirst_node(DefElem, lc);

		if (strcmp(opt->defname, "concurrently") == 0 && defGetBoolean(opt))
			concurrently = true;
	}
	u->tag = "REINDEX";
	switch (stmt->kind)
	{
		case REINDEX_OBJECT_INDEX:
			u->objtype = "index";
			break;
		case REINDEX_OBJECT_TABLE:
			u->objtype = "table";
			break;
		case REINDEX_OBJECT_SCHEMA:
			u->objtype = "schema";
			break;
		case REINDEX_OBJECT_SYSTEM:
		case REINDEX_OBJECT_DATABASE:
			u->objtype = "database";
			break;
	}
	u->identity = stmt->relation ? quote_qualified_rv(stmt->relation) :
		stmt->name ? pstrdup(quote_identifier(stmt->name)) : NULL;
	/* the table's lock: SHARE (reads go on), SHARE UPDATE EXCLUSIVE concurrently */
	u->lockmode = concurrently ? ShareUpdateExclusiveLock : ShareLock;
}

/*
 * Commands on event triggers, tablespaces and databases, and grants,
 * comments and ownership of global objects: no event trigger fires for them.
 */
static void
classify_global(Node *parsetree, HookedUtility *u)
{
	switch (nodeTag(parsetree))
	{
		case T_CreateEventTrigStmt:
			u->tag = "CREATE EVENT TRIGGER";
			u->objtype = "event trigger";
			u->identity = ((CreateEventTrigStmt *) parsetree)->trigname;
			break;
		case T_AlterOwnerStmt:
			{
				AlterOwnerStmt *stmt = (AlterOwnerStmt *) parsetree;

				if (stmt->objectType == OBJECT_EVENT_TRIGGER)
					u->tag = "ALTER EVENT TRIGGER", u->objtype = "event trigger";
				else if (stmt->objectType == OBJECT_DATABASE)
					u->tag = "ALTER DATABASE", u->objtype = "database";
				else if (stmt->objectType == OBJECT_TABLESPACE)
					u->tag = "ALTER TABLESPACE", u->objtype = "tablespace";
				if (u->tag)
					u->identity = strVal(stmt->object);
				break;
			}
		case T_CreateTableSpaceStmt:
			u->tag = "CREATE TABLESPACE";
			u->objtype = "tablespace";
			u->identity = ((CreateTableSpaceStmt *) parsetree)->tablespacename;
			break;
		case T_DropTableSpaceStmt:
			u->tag = "DROP TABLESPACE";
			u->objtype = "tablespace";
			u->identity = ((DropTableSpaceStmt *) parsetree)->tablespacename;
			break;
		case T_AlterTableSpaceOptionsStmt:
			u->tag = "ALTER TABLESPACE";
			u->objtype = "tablespace";
			u->identity = ((AlterTableSpaceOptionsStmt *) parsetree)->tablespacename;
			break;
		case T_GrantStmt:
			{
				GrantStmt  *stmt = (GrantStmt *) parsetree;

				/* event triggers see GRANT on objects of a database only */
				if (stmt->objtype == OBJECT_DATABASE)
					u->objtype = "database";
				else if (stmt->objtype == OBJECT_TABLESPACE)
					u->objtype = "tablespace";
				else if (stmt->objtype == OBJECT_PARAMETER_ACL)
					u->objtype = "parameter";
				if (u->objtype)
				{
					u->tag = stmt->is_grant ? "GRANT" : "REVOKE";
					u->identity = name_list(stmt->objects);
				}
				break;
			}
		case T_CommentStmt:
			{
				CommentStmt *stmt = (CommentStmt *) parsetree;

				if (stmt->objtype == OBJECT_DATABASE)
					u->objtype = "database";
				else if (stmt->objtype == OBJECT_ROLE)
					u->objtype = "role";
				else if (stmt->objtype == OBJECT_TABLESPACE)
					u->objtype = "tablespace";
				if (u->objtype)
				{
					u->tag = "COMMENT";
					u->identity = strVal(stmt->object);
				}
				break;
			}
		case T_ReassignOwnedStmt:
			{
				ReassignOwnedStmt *stmt = (ReassignOwnedStmt *) parsetree;
				ListCell   *lc;
				StringInfoData buf;

				initStringInfo(&buf);
				foreach(lc, stmt->roles)
					appendStringInfo(&buf, "%s%s", buf.len ? ", " : "",
									 rolespec_name(lfirst(lc)));
				appendStringInfo(&buf, " TO %s", rolespec_name(stmt->newrole));
				u->tag = "REASSIGN OWNED";
				u->objtype = "role";
				u->identity = buf.data;
				break;
			}
		default:
			break;
	}
}

/* REINDEX, CLUSTER and VACUUM FULL, with the lock they take on the table. */
static void
classify_maintenance(Node *parsetree, HookedUtility *u)
{
	switch (nodeTag(parsetree))
	{
		case T_ReindexStmt:

			/*
			 * One row per statement, with the table's lock, on every version:
			 * from PostgreSQL 17 on event triggers fire for REINDEX too, but
			 * they give a row per index, no lock, and nothing for the forms
			 * that commit on the way (CONCURRENTLY, SCHEMA, DATABASE);
			 * capture.c leaves REINDEX to this hook when it is installed.
			 */
			classify_reindex((ReindexStmt *) parsetree, u);
			break;
		case T_ClusterStmt:
			{
				ClusterStmt *stmt = (ClusterStmt *) parsetree;

				u->tag = "CLUSTER";
				u->objtype = "table";
				u->identity = stmt->relation ? quote_qualified_rv(stmt->relation) : NULL;
				u->lockmode = AccessExclusiveLock;
				break;
			}
		case T_VacuumStmt:
			{
				VacuumStmt *stmt = (VacuumStmt *) parsetree;
				ListCell   *lc;

				/* only VACUUM FULL rewrites, under ACCESS EXCLUSIVE */
				foreach(lc, stmt->options)
				{
					DefElem    *opt = lfirst_node(DefElem, lc);

					if (stmt->is_vacuumcmd && strcmp(opt->defname, "full") == 0 &&
						defGetBoolean(opt))
						u->tag = "VACUUM";
				}
				if (u->tag)
				{
					StringInfoData buf;

					initStringInfo(&buf);
					foreach(lc, stmt->rels)
						appendStringInfo(&buf, "%s%s", buf.len ? ", " : "",
										 quote_qualified_rv(lfirst_node(VacuumRelation, lc)->relation));
					u->objtype = "table";
					u->identity = buf.len ? buf.data : NULL;
					u->lockmode = AccessExclusiveLock;
				}
				break;
			}
		default:
			break;
	}
}

static void
classify_utility(Node *parsetree, HookedUtility *u)
{
	switch (nodeTag(parsetree))
	{
		case T_AlterSystemStmt:
			u->tag = "ALTER SYSTEM";
			u->objtype = "system setting";
			u->identity = ((AlterSystemStmt *) parsetree)->setstmt->name;
			u->redact = setting_may_hold_secret(((AlterSystemStmt *) parsetree)->setstmt);
			break;
		case T_CreateRoleStmt:
			u->tag = "CREATE ROLE";
			u->objtype = "role";
			u->identity = ((CreateRoleStmt *) parsetree)->role;
			u->redact = sets_password(((CreateRoleStmt *) parsetree)->options);
			break;
		case T_AlterRoleStmt:
			u->tag = "ALTER ROLE";
			u->objtype = "role";
			u->identity = (char *) rolespec_name(((AlterRoleStmt *) parsetree)->role);
			u->redact = sets_password(((AlterRoleStmt *) parsetree)->options);
			break;
		case T_AlterRoleSetStmt:
			u->tag = "ALTER ROLE";
			u->objtype = "role";
			u->identity = (char *) rolespec_name(((AlterRoleSetStmt *) parsetree)->role);
			u->redact = setting_may_hold_secret(((AlterRoleSetStmt *) parsetree)->setstmt);
			break;
		case T_DropRoleStmt:
			{
				ListCell   *lc;
				StringInfoData buf;

				initStringInfo(&buf);
				foreach(lc, ((DropRoleStmt *) parsetree)->roles)
					appendStringInfo(&buf, "%s%s", buf.len ? ", " : "",
									 rolespec_name(lfirst(lc)));
				u->tag = "DROP ROLE";
				u->objtype = "role";
				u->identity = buf.data;
				break;
			}
		case T_GrantRoleStmt:
			u->tag = ((GrantRoleStmt *) parsetree)->is_grant ? "GRANT ROLE" : "REVOKE ROLE";
			u->objtype = "role membership";
			break;
		case T_CreatedbStmt:
			u->tag = "CREATE DATABASE";
			u->objtype = "database";
			u->identity = ((CreatedbStmt *) parsetree)->dbname;
			break;
		case T_AlterDatabaseStmt:
			u->tag = "ALTER DATABASE";
			u->objtype = "database";
			u->identity = ((AlterDatabaseStmt *) parsetree)->dbname;
			break;
		case T_AlterDatabaseSetStmt:
			u->tag = "ALTER DATABASE";
			u->objtype = "database";
			u->identity = ((AlterDatabaseSetStmt *) parsetree)->dbname;
			u->redact = setting_may_hold_secret(((AlterDatabaseSetStmt *) parsetree)->setstmt);
			break;
		case T_DropdbStmt:
			u->tag = "DROP DATABASE";
			u->objtype = "database";
			u->identity = ((DropdbStmt *) parsetree)->dbname;
			break;
		case T_AlterEventTrigStmt:
			u->tag = "ALTER EVENT TRIGGER";
			u->objtype = "event trigger";
			u->identity = ((AlterEventTrigStmt *) parsetree)->trigname;
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
				u->tag = "DROP EVENT TRIGGER";
				u->objtype = "event trigger";
				u->identity = buf.data;
			}
			break;
		case T_RenameStmt:
			{
				RenameStmt *stmt = (RenameStmt *) parsetree;

				if (stmt->renameType == OBJECT_DATABASE)
					u->tag = "ALTER DATABASE", u->objtype = "database";
				else if (stmt->renameType == OBJECT_ROLE)
					u->tag = "ALTER ROLE", u->objtype = "role";
				else if (stmt->renameType == OBJECT_EVENT_TRIGGER)
					u->tag = "ALTER EVENT TRIGGER", u->objtype = "event trigger";
				if (u->tag)
					u->identity = stmt->subname ? stmt->subname : strVal(stmt->object);
				break;
			}
		case T_VariableSetStmt:
			{
				VariableSetStmt *stmt = (VariableSetStmt *) parsetree;

				/* the settings that switch triggers, or event triggers (17+), off */
				if (stmt->name && (strcmp(stmt->name, "session_replication_role") == 0 ||
								   strcmp(stmt->name, "event_triggers") == 0))
				{
					u->tag = stmt->kind == VAR_RESET ? "RESET" :
						stmt->is_local ? "SET LOCAL" : "SET";
					u->objtype = "setting";
					u->identity = stmt->name;
				}
				break;
			}
		default:
			/* what event triggers miss of global objects, and maintenance */
			classify_global(parsetree, u);
			if (u->tag == NULL)
				classify_maintenance(parsetree, u);
			break;
	}
}

/*
 * The recorder's own protection: commands that could switch it off, or
 * that change who may, are recorded even in a session the restore
 * heuristic would skip (pm_recorder_skip).
 */
static bool
protected_utility(Node *parsetree)
{
	switch (nodeTag(parsetree))
	{
		case T_CreateEventTrigStmt:
		case T_AlterEventTrigStmt:
		case T_AlterSystemStmt:
		case T_CreateRoleStmt:
		case T_AlterRoleStmt:
		case T_AlterRoleSetStmt:
		case T_DropRoleStmt:
		case T_GrantRoleStmt:
		case T_ReassignOwnedStmt:
		case T_VariableSetStmt:
			return true;
		case T_AlterOwnerStmt:
			return ((AlterOwnerStmt *) parsetree)->objectType == OBJECT_EVENT_TRIGGER;
		case T_RenameStmt:
			return ((RenameStmt *) parsetree)->renameType == OBJECT_EVENT_TRIGGER;
		case T_DropStmt:
			return ((DropStmt *) parsetree)->removeType == OBJECT_EVENT_TRIGGER;
		default:
			return false;
	}
}

/*
 * Is parsetree a command the recorder's event triggers would have recorded,
 * run with event_triggers = off (PostgreSQL 17+), in a database where the
 * recorder records?
 */
static bool
event_triggers_off(Node *parsetree)
{
#if PG_VERSION_NUM >= 170000
	if (event_triggers)
		return false;
	return command_tag_event_trigger_ok(CreateCommandTag(parsetree)) &&
		!pm_recorder_skip(true) && IsTransactionState() && !RecoveryInProgress() &&
		OidIsValid(get_extension_oid("postmortem", true));
#else
	return false;
#endif
}

static void
pm_ProcessUtility(PlannedStmt *pstmt, const char *queryString,
				  bool readOnlyTree, ProcessUtilityContext context,
				  ParamListInfo params, QueryEnvironment *queryEnv,
				  DestReceiver *dest, QueryCompletion *qc)
{
	Node	   *parsetree = pstmt->utilityStmt;
	HookedUtility u = {NULL, NULL, NULL, false, NoLock};
	const char *saved_query = hook_query;
	int			saved_location = hook_location;
	int			saved_len = hook_len;
	TimestampTz started = 0;

	classify_utility(parsetree, &u);

	/* a standby cannot write the row (SET session_replication_role runs there) */
	if (u.tag != NULL &&
		(pm_recorder_skip(protected_utility(parsetree)) || !IsTransactionState() ||
		 RecoveryInProgress() || !OidIsValid(get_extension_oid("postmortem", true))))
		u.tag = NULL;
	if (u.tag != NULL || event_triggers_off(parsetree))
		started = GetCurrentTimestamp();

	if (quiet_setting(parsetree))
		in_set_statement++;
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
		if (quiet_setting(parsetree))
			in_set_statement--;
		hook_query = saved_query;
		hook_location = saved_location;
		hook_len = saved_len;
	}
	PG_END_TRY();

	if (u.tag != NULL && IsTransactionState())
	{
		char	   *statement;

		statement = pm_statement_at(queryString, pstmt->stmt_location, pstmt->stmt_len);
		if (u.redact)
			statement = psprintf("%s %s (statement not recorded: it sets a password or a setting that may hold one)",
								 u.tag, u.identity ? u.identity : "");
		pm_record_utility(u.tag, u.objtype, u.identity, statement, started, u.lockmode);
	}
	else if (started != 0 && IsTransactionState())
	{
		/*
		 * event_triggers = off: the recorder's event triggers did not fire.
		 * The statement stands as a gap row, its objects unknown.
		 */
		CommandTag	tag = CreateCommandTag(parsetree);

		pm_record_gap(GetCommandTagName(tag),
					  pm_redact_secrets(parsetree,
										pm_statement_at(queryString, pstmt->stmt_location,
														pstmt->stmt_len)),
					  started,
					  "event triggers were off (event_triggers = off): the command ran, its objects were not recorded");
	}
}

/* ---------------------------------------------------------------------
 * session_replication_role changed by a function call
 * ---------------------------------------------------------------------
 *
 * set_config('session_replication_role', ...) and a function's SET clause
 * change the setting without a utility statement.
 * The setting's assign hook (wrapped here, the original still called) notes
 * each change with the statement that made it; the notes become rows at
 * commit, before pending.c writes the transaction's rows (this callback is
 * registered after pending.c's).  A change made by SET itself is recorded
 * by the ProcessUtility hook instead; changes of an aborted transaction
 * are forgotten with it.  At most PM_SRR_NOTES distinct changes a
 * transaction: a function with a SET clause called once per row would
 * otherwise add two rows per call.
 */
#define PM_SRR_NOTES 8

typedef struct SrrNote
{
	const char *setting;		/* session_replication_role, event_triggers */
	const char *value;
	char	   *statement;
	TimestampTz at;
} SrrNote;

static GucEnumAssignHook prev_srr_assign = NULL;
static SrrNote srr_notes[PM_SRR_NOTES];
static int	srr_nnotes = 0;
static int	srr_dropped = 0;	/* changes past PM_SRR_NOTES */
static MemoryContext srr_cxt = NULL;

/*
 * Note a change of setting to value made by the current statement.  Past
 * PM_SRR_NOTES distinct changes, the newest takes the last note's place
 * (the value the transaction ends with is never lost) and the dropped ones
 * are counted in its row.
 */
static void
note_setting_change(const char *setting, const char *value)
{
	SrrNote    *note;
	int			i;

	/* the restore's own switch for one COPY (incident/restore.c) */
	if (in_set_statement > 0 || pm_restore_switching || !IsTransactionState() ||
		debug_query_string == NULL)
		return;
	for (i = 0; i < srr_nnotes; i++)
		if (srr_notes[i].setting == setting && strcmp(srr_notes[i].value, value) == 0 &&
			strcmp(srr_notes[i].statement, debug_query_string) == 0)
			return;
	if (srr_nnotes >= PM_SRR_NOTES)
	{
		srr_dropped++;
		note = &srr_notes[PM_SRR_NOTES - 1];
	}
	else
		note = &srr_notes[srr_nnotes++];
	note->setting = setting;
	note->value = value;
	note->statement = MemoryContextStrdup(srr_cxt, debug_query_string);
	note->at = GetCurrentTimestamp();
}

static void
pm_srr_assign(int newval, void *extra)
{
	static const char *const names[] = {"origin", "replica", "local"};
	int			oldval = SessionReplicationRole;

	if (prev_srr_assign)
		prev_srr_assign(newval, extra);
	if (newval != oldval)
		note_setting_change("session_replication_role",
							newval >= 0 && newval < lengthof(names) ? names[newval] : "?");
}

#if PG_VERSION_NUM >= 170000
static GucBoolAssignHook prev_et_assign = NULL;

/* event_triggers (PostgreSQL 17+): off, no event trigger fires */
static void
pm_et_assign(bool newval, void *extra)
{
	bool		oldval = event_triggers;

	if (prev_et_assign)
		prev_et_assign(newval, extra);
	if (newval != oldval)
		note_setting_change("event_triggers", newval ? "on" : "off");
}
#endif

static void
forget_srr_notes(void)
{
	srr_nnotes = 0;
	srr_dropped = 0;
	MemoryContextReset(srr_cxt);
}

static void
hook_xact_callback(XactEvent event, void *arg)
{
	int			i;

	if (event != XACT_EVENT_PRE_COMMIT && event != XACT_EVENT_PRE_PREPARE)
	{
		if (event == XACT_EVENT_ABORT || event == XACT_EVENT_COMMIT ||
			event == XACT_EVENT_PREPARE)
			forget_srr_notes();
		return;
	}
	if (srr_nnotes == 0 || RecoveryInProgress() || pm_recorder_skip(true) ||
		!OidIsValid(get_extension_oid("postmortem", true)))
		return;
	for (i = 0; i < srr_nnotes; i++)
	{
		SrrNote    *note = &srr_notes[i];
		char	   *identity;

		identity = psprintf("%s = %s", note->setting, note->value);
		if (i == srr_nnotes - 1 && srr_dropped > 0)
			identity = psprintf("%s (and %d earlier changes of the transaction not recorded one by one)",
								identity, srr_dropped);
		pm_record_utility("SET", "setting", identity,
						  pm_statement_at(note->statement, -1, 0), note->at, NoLock);
	}
	forget_srr_notes();
}

/* Wrap the assign hooks of session_replication_role and event_triggers (17+). */
static void
wrap_srr_assign(void)
{
	struct config_generic **vars;
	int			n;
	int			i;

#if PG_VERSION_NUM >= 160000
	vars = get_guc_variables(&n);
#else
	vars = get_guc_variables();
	n = GetNumConfigOptions();
#endif
	for (i = 0; i < n; i++)
	{
		if (vars[i]->vartype == PGC_ENUM &&
			strcmp(vars[i]->name, "session_replication_role") == 0)
		{
			struct config_enum *conf = (struct config_enum *) vars[i];

			prev_srr_assign = conf->assign_hook;
			conf->assign_hook = pm_srr_assign;
		}
#if PG_VERSION_NUM >= 170000
		if (vars[i]->vartype == PGC_BOOL &&
			strcmp(vars[i]->name, "event_triggers") == 0)
		{
			struct config_bool *conf = (struct config_bool *) vars[i];

			prev_et_assign = conf->assign_hook;
			conf->assign_hook = pm_et_assign;
		}
#endif
	}
}

/* Called from _PG_init when the library is preloaded. */
void
pm_recorder_hook_init(void)
{
	prev_ProcessUtility = ProcessUtility_hook;
	ProcessUtility_hook = pm_ProcessUtility;
	pm_hook_installed = true;
	srr_cxt = AllocSetContextCreate(TopMemoryContext, "postmortem replication role",
									ALLOCSET_SMALL_SIZES);
	wrap_srr_assign();
	/* after pending.c's (pm_recorder_init), so called before it at commit */
	RegisterXactCallback(hook_xact_callback, NULL);
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
		"CREATE/ALTER/DROP EVENT TRIGGER",
		"tablespaces; GRANT and COMMENT on databases, roles, tablespaces",
		"REASSIGN OWNED",
		"REINDEX, CLUSTER, VACUUM FULL",
		"session_replication_role and event_triggers (SET, set_config, SET clauses)",
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
#if PG_VERSION_NUM >= 170000
	if (!event_triggers)
	{
		values[1] = BoolGetDatum(false);
		values[2] = CStringGetTextDatum(pm_hook_installed
										? "event_triggers is off in this session: each DDL statement is only a gap row (statement, tag, time), its objects are not recorded"
										: "event_triggers is off in this session: DDL is not recorded at all (preload postmortem to keep at least a gap row per statement)");
	}
	else
#endif
	{
		values[1] = BoolGetDatum(enabled);
		values[2] = CStringGetTextDatum(enabled
										? "the four recorder event triggers are enabled ALWAYS, also for replica-role sessions"
										: "an event trigger of the recorder is missing or not ENABLE ALWAYS: DDL is not fully recorded");
	}
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
