/*-------------------------------------------------------------------------
 *
 * severity.c
 *	  The postmortem.severity base type: SEV1 (worst) to SEV5.
 *
 * Stored as a 2-byte integer level, so that ordering is numeric and SEV1
 * sorts first.  Input accepts the spellings incident tools and people use
 * ("SEV2", "sev-2", "Sev 2", "P2", "major", ...); output is canonical.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <ctype.h>

#include "common/hashfn.h"
#include "fmgr.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"

#include "postmortem.h"

#define SEVERITY_MIN	1
#define SEVERITY_MAX	5

typedef struct SeverityWord
{
	const char *word;
	int16		level;
} SeverityWord;

/* Words for severities, as incident tools and postmortems write them. */
static const SeverityWord severity_words[] = {
	{"critical", 1},
	{"blocker", 1},
	{"emergency", 1},
	{"major", 2},
	{"high", 2},
	{"moderate", 3},
	{"medium", 3},
	{"minor", 4},
	{"low", 4},
	{"info", 5},
	{"informational", 5},
	{"trivial", 5},
	{"cosmetic", 5},
};

/*
 * Parse a severity, returning its level or 0 when the text is not one.
 *
 * Accepted: an optional prefix "sev", "severity", "s" or "p" (any case),
 * optionally followed by a space, '-', '_' or ':', then a digit 1-5; or one
 * of severity_words.  Leading and trailing white space is ignored.
 */
int16
severity_parse(const char *str)
{
	char		buf[32];
	int			len = 0;
	const char *p;
	const char *end;

	while (isspace((unsigned char) *str))
		str++;
	end = str + strlen(str);
	while (end > str && isspace((unsigned char) end[-1]))
		end--;
	if (end - str >= (int) sizeof(buf))
		return 0;
	for (p = str; p < end; p++)
		buf[len++] = pg_ascii_tolower((unsigned char) *p);
	buf[len] = '\0';

	for (int i = 0; i < lengthof(severity_words); i++)
		if (strcmp(buf, severity_words[i].word) == 0)
			return severity_words[i].level;

	p = buf;
	if (strncmp(p, "severity", 8) == 0)
		p += 8;
	else if (strncmp(p, "sev", 3) == 0)
		p += 3;
	else if (*p == 's' || *p == 'p')
		p++;
	if (p != buf && (*p == ' ' || *p == '-' || *p == '_' || *p == ':'))
		p++;
	if (p[0] >= '0' + SEVERITY_MIN && p[0] <= '0' + SEVERITY_MAX && p[1] == '\0')
		return p[0] - '0';
	return 0;
}

/* severity_in: text to severity */
PG_FUNCTION_INFO_V1(severity_in);
Datum
severity_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	int16		level = severity_parse(str);

	if (level == 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid input syntax for type severity: \"%s\"", str),
				 errhint("Use SEV1 (the worst) to SEV5; \"sev-2\", \"Sev 2\", \"S2\" and \"P2\" are read as SEV2, "
						 "and so are the words critical (SEV1), major or high (SEV2), moderate or medium (SEV3), "
						 "minor or low (SEV4), info or trivial (SEV5).")));
	PG_RETURN_INT16(level);
}

/* severity_out: severity to its canonical text, SEV1 .. SEV5 */
PG_FUNCTION_INFO_V1(severity_out);
Datum
severity_out(PG_FUNCTION_ARGS)
{
	int16		level = PG_GETARG_INT16(0);

	PG_RETURN_CSTRING(psprintf("SEV%d", level));
}

/* severity_recv: binary input, the level as a 2-byte integer */
PG_FUNCTION_INFO_V1(severity_recv);
Datum
severity_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int16		level = pq_getmsgint(buf, 2);

	if (level < SEVERITY_MIN || level > SEVERITY_MAX)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external severity level %d", level),
				 errdetail("Severity levels run from %d to %d.",
						   SEVERITY_MIN, SEVERITY_MAX)));
	PG_RETURN_INT16(level);
}

/* severity_send: binary output, the level as a 2-byte integer */
PG_FUNCTION_INFO_V1(severity_send);
Datum
severity_send(PG_FUNCTION_ARGS)
{
	int16		level = PG_GETARG_INT16(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendint16(&buf, level);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* severity_level: the numeric level, 1 for SEV1 */
PG_FUNCTION_INFO_V1(severity_level);
Datum
severity_level(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32((int32) PG_GETARG_INT16(0));
}

/* severity_from_level: the severity of a numeric level 1-5 */
PG_FUNCTION_INFO_V1(severity_from_level);
Datum
severity_from_level(PG_FUNCTION_ARGS)
{
	int32		level = PG_GETARG_INT32(0);

	if (level < SEVERITY_MIN || level > SEVERITY_MAX)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("severity level %d is out of range", level),
				 errhint("Severity levels run from %d (SEV1, the worst) to %d.",
						 SEVERITY_MIN, SEVERITY_MAX)));
	PG_RETURN_INT16((int16) level);
}

#define SEVERITY_CMP_FUNC(name, op) \
PG_FUNCTION_INFO_V1(name); \
Datum \
name(PG_FUNCTION_ARGS) \
{ \
	PG_RETURN_BOOL(PG_GETARG_INT16(0) op PG_GETARG_INT16(1)); \
}

/* comparison operators: a lower level is a worse incident and sorts first */
SEVERITY_CMP_FUNC(severity_lt, <)
SEVERITY_CMP_FUNC(severity_le, <=)
SEVERITY_CMP_FUNC(severity_eq, ==)
SEVERITY_CMP_FUNC(severity_ne, !=)
SEVERITY_CMP_FUNC(severity_ge, >=)
SEVERITY_CMP_FUNC(severity_gt, >)

/* severity_cmp: btree support, -1, 0 or 1 */
PG_FUNCTION_INFO_V1(severity_cmp);
Datum
severity_cmp(PG_FUNCTION_ARGS)
{
	int16		a = PG_GETARG_INT16(0);
	int16		b = PG_GETARG_INT16(1);

	PG_RETURN_INT32((a > b) - (a < b));
}

/* severity_hash: hash support */
PG_FUNCTION_INFO_V1(severity_hash);
Datum
severity_hash(PG_FUNCTION_ARGS)
{
	return hash_uint32((uint32) PG_GETARG_INT16(0));
}

/* severity_hash_extended: 64-bit seeded hash support */
PG_FUNCTION_INFO_V1(severity_hash_extended);
Datum
severity_hash_extended(PG_FUNCTION_ARGS)
{
	return hash_uint32_extended((uint32) PG_GETARG_INT16(0),
								PG_GETARG_INT64(1));
}
