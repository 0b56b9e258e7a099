/*-------------------------------------------------------------------------
 *
 * postmortem.c
 *	  Module load: the extension's GUCs and hooks are set up here.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "fmgr.h"
#include "miscadmin.h"
#include "utils/guc.h"

#include "postmortem.h"
#include "recorder.h"

PG_MODULE_MAGIC;

void		_PG_init(void);

/* recorder GUCs */
int			pm_audit_errors = PM_AUDIT_ERRORS_WARNING;
char	   *pm_migration = NULL;

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

	MarkGUCPrefixReserved("postmortem");
}
