/*-------------------------------------------------------------------------
 *
 * postmortem.h
 *	  Declarations shared between the postmortem extension's C files.
 *
 *-------------------------------------------------------------------------
 */
#ifndef POSTMORTEM_H
#define POSTMORTEM_H

#include "commands/trigger.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "nodes/nodes.h"

/* secrets.c */
extern char *pm_redact_secret_values(char *text);

/* util.c */
#define PM_ON_INSERT	0x01
#define PM_ON_UPDATE	0x02
extern TriggerData *pm_trigger_data(FunctionCallInfo fcinfo,
									const char *funcname, bool before,
									int events);
extern int	pm_column_attnum(Relation rel, const char *colname);
extern bool pm_in_subtransaction(void (*fn) (void *), void *arg,
								 ErrorData **error);
extern bool pm_error_belongs_to_statement(int sqlerrcode);
extern bool pm_restoring_dump(void);
extern bool pm_restore_switching;
extern SPIPlanPtr pm_prepare_kept(const char *what, const char *sql,
								  int nargs, Oid *argtypes);
extern SPIPlanPtr pm_prepare_generic(const char *what, const char *sql,
									 int nargs, Oid *argtypes);

/* severity.c */
extern int16 severity_parse(const char *str);

/* culprit.c */
extern bool document_mentions(const char *document, const char *name);

/* evidence.c */
extern bool pm_capture_evidence;
extern int	pm_evidence_window;
extern int	pm_evidence_long_query;
extern int	pm_evidence_seq_scan_growth;

/* drop_guard.c */
extern bool pm_allow_drop;

/* incident/history.c */
extern bool pm_notify_details;

/* analysis/regression.c */
extern void pm_regression_init(void);

/*
 * An extra line of recorder_status(), set by analysis/regression.c so that
 * the recorder need not call into analysis: can query regressions be seen?
 */
typedef bool (*pm_status_fn) (const char **detail);
extern pm_status_fn pm_query_regression_status;

/*
 * Called by the recorder at the start of every DDL command (its
 * ddl_command_start event trigger), set by analysis/regression.c to take a
 * pg_stat_statements snapshot when one is due: a call through a pointer
 * instead of a second event trigger, which would cost a function lookup per
 * statement.
 */
extern void (*pm_before_ddl_hook) (Node *parsetree);

#endif							/* POSTMORTEM_H */
