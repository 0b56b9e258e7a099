/*-------------------------------------------------------------------------
 *
 * postmortem.c
 *	  Module load: the extension's GUCs and hooks are set up here.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <limits.h>

#include "fmgr.h"
#include "miscadmin.h"
#include "utils/guc.h"

#include "postmortem.h"
#include "recorder/recorder.h"

PG_MODULE_MAGIC;

void		_PG_init(void);

/* recorder GUCs */
int			pm_audit_errors = PM_AUDIT_ERRORS_WARNING;
char	   *pm_migration = NULL;
bool		pm_record_temp_objects = false;

static const struct config_enum_entry audit_errors_options[] = {
	{"warning", PM_AUDIT_ERRORS_WARNING, false},
	{"error", PM_AUDIT_ERRORS_ERROR, false},
	{NULL, 0, false}
};

void
_PG_init(void)
{
	/* schema-change recorder (recorder.c, recorder_hook.c) */
	DefineCustomEnumVariable("postmortem.audit_errors",
							 "What a failure inside the schema-change recorder does.",
							 "warning: the statement runs and a WARNING names it; error: the statement fails.",
							 &pm_audit_errors,
							 PM_AUDIT_ERRORS_WARNING,
							 audit_errors_options,
							 PGC_SUSET,
							 0,
							 NULL, NULL, NULL);
	DefineCustomStringVariable("postmortem.migration",
							   "Migration the following schema changes belong to.",
							   "Recorded with every schema change; SET LOCAL it inside the migration's transaction.",
							   &pm_migration,
							   "",
							   PGC_USERSET,
							   0,
							   NULL, NULL, NULL);
	pm_recorder_init();
	if (process_shared_preload_libraries_in_progress)
		pm_recorder_hook_init();

	/* write.c: temporary objects are not recorded unless asked */
	DefineCustomBoolVariable("postmortem.record_temp_objects",
							 "Record schema changes of temporary objects too.",
							 "Temporary tables, their indexes and other objects in pg_temp cannot affect another session: by default the recorder leaves them out, and a transaction that touches only them writes nothing.",
							 &pm_record_temp_objects,
							 false,
							 PGC_SUSET, 0,
							 NULL, NULL, NULL);

	/* evidence.c: evidence at declaration */
	DefineCustomBoolVariable("postmortem.capture_evidence",
							 "Write the database's state into the timeline of an incident as it is declared.",
							 "Lock waits, long-running statements, INVALID indexes and tables whose sequential scans jumped since their last schema change become evidence timeline entries.",
							 &pm_capture_evidence,
							 true,
							 PGC_USERSET, 0,
							 NULL, NULL, NULL);
	DefineCustomIntVariable("postmortem.evidence_window",
							"Incidents that started longer ago than this when entered are history: no evidence is captured for them.",
							NULL,
							&pm_evidence_window,
							60, 0, INT_MAX / 2,
							PGC_USERSET, GUC_UNIT_MIN,
							NULL, NULL, NULL);
	DefineCustomIntVariable("postmortem.evidence_long_query",
							"Statements running, and transactions idle, longer than this are evidence.",
							NULL,
							&pm_evidence_long_query,
							30000, 0, INT_MAX,
							PGC_USERSET, GUC_UNIT_MS,
							NULL, NULL, NULL);
	DefineCustomIntVariable("postmortem.evidence_seq_scan_growth",
							"Sequential scans a table must have gained since its last schema change (and at least doubled) to be evidence.",
							NULL,
							&pm_evidence_seq_scan_growth,
							20, 1, INT_MAX,
							PGC_USERSET, 0,
							NULL, NULL, NULL);

	DefineCustomBoolVariable("postmortem.allow_drop",
							 "Let DROP EXTENSION postmortem delete the incidents and the schema-change audit.",
							 "Off: dropping the extension (or its schema, or DROP OWNED BY its owner) while it holds incidents or recorded schema changes is an error.",
							 &pm_allow_drop,
							 false,
							 PGC_USERSET, 0,
							 NULL, NULL, NULL);

	DefineCustomBoolVariable("postmortem.notify_details",
							 "Puts incident and task titles and owners in NOTIFY postmortem payloads.",
							 "LISTEN needs no privilege: with this on, any role that can connect reads them. Private incidents never have them.",
							 &pm_notify_details, false, PGC_SUSET, 0, NULL, NULL, NULL);

	pm_regression_init();

	MarkGUCPrefixReserved("postmortem");
}
