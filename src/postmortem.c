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
#include "utils/guc.h"

#include "postmortem.h"

PG_MODULE_MAGIC;

void		_PG_init(void);

void
_PG_init(void)
{
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

	MarkGUCPrefixReserved("postmortem");
}
