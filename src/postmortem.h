/*-------------------------------------------------------------------------
 *
 * postmortem.h
 *	  Declarations shared between the postmortem extension's C files.
 *
 *-------------------------------------------------------------------------
 */
#ifndef POSTMORTEM_H
#define POSTMORTEM_H

/* severity.c */
extern int16 severity_parse(const char *str);

/* culprit.c */
extern bool document_mentions(const char *document, const char *name);

/* evidence.c */
extern bool pm_capture_evidence;
extern int	pm_evidence_window;
extern int	pm_evidence_long_query;
extern int	pm_evidence_seq_scan_growth;

#endif							/* POSTMORTEM_H */
