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

#endif							/* POSTMORTEM_H */
