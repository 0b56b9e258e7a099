/* shim.h: the stand-ins of shim.c for running the parser alone */
#ifndef POSTMORTEM_FUZZ_SHIM_H
#define POSTMORTEM_FUZZ_SHIM_H

extern void shim_reset(void);

#endif
