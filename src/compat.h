/*-------------------------------------------------------------------------
 *
 * compat.h
 *	  Shims for server APIs that changed between PostgreSQL 15 and 18, for
 *	  calls made from more than one place.  A difference met at a single
 *	  call site is guarded there instead, with its own comment.
 *
 *-------------------------------------------------------------------------
 */
#ifndef PM_COMPAT_H
#define PM_COMPAT_H

#include "executor/executor.h"
#include "pgtime.h"
#include "utils/datetime.h"
#include "utils/rel.h"
#include "utils/relcache.h"

/*
 * pm_decode_tz_abbrev: look up a lowercased zone abbreviation in the
 * timezone_abbreviations setting.  Returns TZ or DTZ (with the fixed
 * *offset in seconds east of UTC), DYNTZ (with *tz), or UNKNOWN_FIELD.
 *
 * PostgreSQL 16 (soft error reporting for datetime input) changed
 * DecodeTimezoneAbbrev to return 0 or a DTERR_ code, passing the token type
 * out through a new argument (ftype) and an error's details through a
 * DateTimeErrorExtra.  Taking 16's return value for the type reads every
 * abbreviation as unknown.  A dynamic abbreviation whose zone is missing
 * (DTERR_BAD_ZONE_ABBREV on 16+, an ERROR on 15) is unknown here.
 */
static inline int
pm_decode_tz_abbrev(const char *lowtoken, int *offset, pg_tz **tz)
{
#if PG_VERSION_NUM >= 160000
	int			type;
	DateTimeErrorExtra extra;

	if (DecodeTimezoneAbbrev(0, lowtoken, &type, offset, tz, &extra) != 0)
		return UNKNOWN_FIELD;
	return type;
#else
	return DecodeTimezoneAbbrev(0, unconstify(char *, lowtoken), offset, tz);
#endif
}

/*
 * pm_primary_key_index: the OID of rel's primary key index, InvalidOid if it
 * has none or its key is deferrable.
 *
 * PostgreSQL 18 added RelationGetPrimaryKeyIndex's deferrable_ok argument;
 * false keeps what 15 to 17 return.
 */
static inline Oid
pm_primary_key_index(Relation rel)
{
#if PG_VERSION_NUM >= 180000
	return RelationGetPrimaryKeyIndex(rel, false);
#else
	return RelationGetPrimaryKeyIndex(rel);
#endif
}

/*
 * pm_insert_index_tuples: the index entries of a tuple just inserted into
 * rri's relation (no conflict check, no speculative insertion).
 *
 * PostgreSQL 16 added ExecInsertIndexTuples' onlySummarizing argument;
 * false inserts into every index, as 15 does.
 */
static inline void
pm_insert_index_tuples(ResultRelInfo *rri, TupleTableSlot *slot, EState *estate)
{
#if PG_VERSION_NUM >= 160000
	(void) ExecInsertIndexTuples(rri, slot, estate, false, false, NULL, NIL, false);
#else
	(void) ExecInsertIndexTuples(rri, slot, estate, false, false, NULL, NIL);
#endif
}

#endif							/* PM_COMPAT_H */
