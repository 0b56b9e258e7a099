/*-------------------------------------------------------------------------
 *
 * readback.h
 *	  Reading back what report() adds to the author's text (readback.c).
 *
 *-------------------------------------------------------------------------
 */
#ifndef POSTMORTEM_DOCUMENT_READBACK_H
#define POSTMORTEM_DOCUMENT_READBACK_H

#include "document/parse.h"

extern void pm_md_unescape(char *s);
extern void pm_document_readback(PmDocument *doc);

#endif							/* POSTMORTEM_DOCUMENT_READBACK_H */
