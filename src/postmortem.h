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

#endif							/* POSTMORTEM_H */
