/*-------------------------------------------------------------------------
 *
 * postmortem.c
 *	  Module load: the extension's GUCs and hooks are set up here.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "fmgr.h"
#include "utils/guc.h"

#include "postmortem.h"

PG_MODULE_MAGIC;

void		_PG_init(void);

void
_PG_init(void)
{
	MarkGUCPrefixReserved("postmortem");
}
