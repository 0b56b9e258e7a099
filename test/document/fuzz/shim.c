/*-------------------------------------------------------------------------
 *
 * shim.c
 *	  The few PostgreSQL functions the document parser calls, for running
 *	  the parser outside the server (libFuzzer, ASan, UBSan).
 *
 * Memory comes from malloc and is freed all at once by shim_reset(), as a
 * memory context would be.  Zones are fixed offsets: a small table of
 * abbreviations and names stands in for timezone_abbreviations and the
 * zone database, enough to reach every branch of the parser's zone code.
 * Dates and timestamps use PostgreSQL's own arithmetic (date2j, j2date).
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "lib/stringinfo.h"
#include "miscadmin.h"
#include "pgtime.h"
#include "utils/datetime.h"
#include "utils/memutils.h"
#include "utils/timestamp.h"

#include "shim.h"

/* the C library's, not src/port's (port.h renames it) */
#undef vsnprintf

struct pg_tz
{
	char		name[64];
	int			offset_east;
};

static pg_tz utc = {"UTC", 0};
pg_tz	   *session_timezone = &utc;

/* CHECK_FOR_INTERRUPTS(): nothing interrupts a fuzz run */
volatile sig_atomic_t InterruptPending = false;

void
ProcessInterrupts(void)
{
}

/* ----- memory ----- */
static void **blocks;
static size_t nblocks;
static size_t maxblocks;

typedef struct
{
	size_t		slot;
	size_t		size;
	max_align_t pad[];
} Block;

static void *
take(size_t size, bool zero)
{
	Block	   *b;

	if (size > MaxAllocSize)
		abort();
	b = zero ? calloc(1, sizeof(Block) + size) : malloc(sizeof(Block) + size);
	if (b == NULL)
		abort();
	if (nblocks == maxblocks)
	{
		maxblocks = maxblocks ? maxblocks * 2 : 1024;
		blocks = realloc(blocks, maxblocks * sizeof(void *));
		if (blocks == NULL)
			abort();
	}
	b->slot = nblocks;
	b->size = size;
	blocks[nblocks++] = b;
	return b->pad;
}

void
shim_reset(void)
{
	for (size_t i = 0; i < nblocks; i++)
		free(blocks[i]);
	nblocks = 0;
}

void *
palloc(Size size)
{
	return take(size, false);
}

void *
palloc0(Size size)
{
	return take(size, true);
}

void *
repalloc(void *pointer, Size size)
{
	Block	   *b = (Block *) ((char *) pointer - offsetof(Block, pad));
	size_t		slot = b->slot;

	if (size > MaxAllocSize)
		abort();
	b = realloc(b, sizeof(Block) + size);
	if (b == NULL)
		abort();
	b->size = size;
	blocks[slot] = b;
	return b->pad;
}

void
pfree(void *pointer)
{
	Block	   *b = (Block *) ((char *) pointer - offsetof(Block, pad));

	blocks[b->slot] = NULL;
	free(b);
}

char *
pnstrdup(const char *in, Size len)
{
	char	   *out;

	len = strnlen(in, len);
	out = palloc(len + 1);
	memcpy(out, in, len);
	out[len] = '\0';
	return out;
}

char *
pstrdup(const char *in)
{
	return pnstrdup(in, strlen(in));
}

char *
psprintf(const char *fmt,...)
{
	va_list		ap;
	int			n;
	char	   *out;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	out = palloc(n + 1);
	va_start(ap, fmt);
	vsnprintf(out, n + 1, fmt, ap);
	va_end(ap);
	return out;
}

int
pg_snprintf(char *str, size_t count, const char *fmt,...)
{
	va_list		ap;
	int			n;

	va_start(ap, fmt);
	n = vsnprintf(str, count, fmt, ap);
	va_end(ap);
	return n;
}

/* ----- StringInfo ----- */
void
initStringInfo(StringInfo str)
{
	str->maxlen = 1024;
	str->data = palloc(str->maxlen);
	resetStringInfo(str);
}

void
resetStringInfo(StringInfo str)
{
	str->data[0] = '\0';
	str->len = 0;
	str->cursor = 0;
}

void
enlargeStringInfo(StringInfo str, int needed)
{
	int			newlen;

	if (needed < 0 || ((Size) needed) >= (MaxAllocSize - (Size) str->len))
		abort();
	needed += str->len + 1;
	if (needed <= str->maxlen)
		return;
	newlen = 2 * str->maxlen;
	while (needed > newlen)
		newlen = 2 * newlen;
	str->data = repalloc(str->data, newlen);
	str->maxlen = newlen;
}

/* PostgreSQL 16 made the data a const void * (it was const char *) */
#if PG_VERSION_NUM >= 160000
void
appendBinaryStringInfo(StringInfo str, const void *data, int datalen)
#else
void
appendBinaryStringInfo(StringInfo str, const char *data, int datalen)
#endif
{
	enlargeStringInfo(str, datalen);
	memcpy(str->data + str->len, data, datalen);
	str->len += datalen;
	str->data[str->len] = '\0';
}

void
appendStringInfoString(StringInfo str, const char *s)
{
	appendBinaryStringInfo(str, s, strlen(s));
}

void
appendStringInfoChar(StringInfo str, char ch)
{
	appendBinaryStringInfo(str, &ch, 1);
}

int
appendStringInfoVA(StringInfo str, const char *fmt, va_list args)
{
	int			avail = str->maxlen - str->len;
	int			n = vsnprintf(str->data + str->len, avail, fmt, args);

	if (n < 0)
		abort();
	if (n < avail)
	{
		str->len += n;
		return 0;
	}
	str->data[str->len] = '\0';
	return n + 1;
}

void
appendStringInfo(StringInfo str, const char *fmt,...)
{
	for (;;)
	{
		va_list		args;
		int			needed;

		va_start(args, fmt);
		needed = appendStringInfoVA(str, fmt, args);
		va_end(args);
		if (needed == 0)
			break;
		enlargeStringInfo(str, needed);
	}
}

/* ----- strings ----- */
int
pg_strncasecmp(const char *s1, const char *s2, size_t n)
{
	for (; n > 0; n--, s1++, s2++)
	{
		unsigned char c1 = *s1,
					c2 = *s2;

		if (c1 >= 'A' && c1 <= 'Z')
			c1 += 'a' - 'A';
		if (c2 >= 'A' && c2 <= 'Z')
			c2 += 'a' - 'A';
		if (c1 != c2)
			return (int) c1 - (int) c2;
		if (c1 == 0)
			break;
	}
	return 0;
}

int
pg_strcasecmp(const char *s1, const char *s2)
{
	return pg_strncasecmp(s1, s2, SIZE_MAX);
}

#if !HAVE_DECL_STRLCPY
size_t
strlcpy(char *dst, const char *src, size_t siz)
{
	size_t		n = strlen(src);

	if (siz > 0)
	{
		size_t		k = n < siz - 1 ? n : siz - 1;

		memcpy(dst, src, k);
		dst[k] = '\0';
	}
	return n;
}
#endif

/* ----- dates (PostgreSQL's algorithm, src/backend/utils/adt/datetime.c) ----- */
int
date2j(int y, int m, int d)
{
	int			julian;
	int			century;

	if (m > 2)
	{
		m += 1;
		y += 4800;
	}
	else
	{
		m += 13;
		y += 4799;
	}
	century = y / 100;
	julian = y * 365 - 32167;
	julian += y / 4 - century + century / 4;
	julian += 7834 * m / 256 + d;
	return julian;
}

void
j2date(int jd, int *year, int *month, int *day)
{
	unsigned int julian;
	unsigned int quad;
	unsigned int extra;
	int			y;

	julian = jd;
	julian += 32044;
	quad = julian / 146097;
	extra = (julian - quad * 146097) * 4 + 3;
	julian += 60 + quad * 3 + extra / 146097;
	quad = julian / 1461;
	julian -= quad * 1461;
	y = julian * 4 / 1461;
	julian = ((y != 0) ? ((julian + 305) % 365) : ((julian + 306) % 366))
		+ 123;
	y += quad * 4;
	*year = y - 4800;
	quad = julian * 2141 / 65536;
	*day = julian - 7834 * quad / 256;
	*month = (quad + 10) % MONTHS_PER_YEAR + 1;
}

int
tm2timestamp(struct pg_tm *tm, fsec_t fsec, int *tzp, Timestamp *result)
{
	int64		date = date2j(tm->tm_year, tm->tm_mon, tm->tm_mday) - POSTGRES_EPOCH_JDATE;
	int64		time = ((tm->tm_hour * MINS_PER_HOUR + tm->tm_min) * SECS_PER_MINUTE +
						tm->tm_sec) * USECS_PER_SEC + fsec;

	*result = date * USECS_PER_DAY + time;
	if (tzp != NULL)
		*result += (int64) *tzp * USECS_PER_SEC;
	return 0;
}

int
timestamp2tm(Timestamp dt, int *tzp, struct pg_tm *tm, fsec_t *fsec,
			 const char **tzn, pg_tz *attimezone)
{
	int64		date;
	int64		time;

	if (tzp != NULL)
	{
		int			off = attimezone ? attimezone->offset_east : 0;

		dt += (int64) off * USECS_PER_SEC;
		*tzp = -off;
	}
	time = dt % USECS_PER_DAY;
	date = dt / USECS_PER_DAY;
	if (time < 0)
	{
		time += USECS_PER_DAY;
		date -= 1;
	}
	j2date((int) (date + POSTGRES_EPOCH_JDATE), &tm->tm_year, &tm->tm_mon, &tm->tm_mday);
	tm->tm_hour = time / USECS_PER_HOUR;
	time -= (int64) tm->tm_hour * USECS_PER_HOUR;
	tm->tm_min = time / USECS_PER_MINUTE;
	time -= (int64) tm->tm_min * USECS_PER_MINUTE;
	tm->tm_sec = time / USECS_PER_SEC;
	*fsec = time - (int64) tm->tm_sec * USECS_PER_SEC;
	if (tzn != NULL)
		*tzn = NULL;
	return 0;
}

/* ----- zones: fixed offsets only ----- */
static const struct
{
	const char *name;
	int			type;
	int			offset_east;
} abbrevs[] = {
	{"utc", TZ, 0}, {"gmt", TZ, 0}, {"z", TZ, 0}, {"ut", TZ, 0},
	{"est", TZ, -18000}, {"edt", DTZ, -14400}, {"cst", TZ, -21600}, {"cdt", DTZ, -18000},
	{"mst", TZ, -25200}, {"mdt", DTZ, -21600}, {"pst", TZ, -28800}, {"pdt", DTZ, -25200},
	{"bst", DTZ, 3600}, {"cet", TZ, 3600}, {"cest", DTZ, 7200}, {"ist", TZ, 7200},
	{"eat", TZ, 10800}, {"wat", TZ, 3600}, {"aest", TZ, 36000}, {"jst", TZ, 32400},
	{"kst", TZ, 32400}, {"sgt", TZ, 28800}, {"msk", DYNTZ, 10800},
};

static const struct
{
	const char *name;
	int			offset_east;
} zones[] = {
	{"UTC", 0}, {"Etc/UTC", 0}, {"GMT", 0}, {"Europe/London", 0}, {"Europe/Berlin", 3600},
	{"Europe/Moscow", 10800}, {"America/New_York", -18000}, {"America/Chicago", -21600},
	{"America/Denver", -25200}, {"America/Los_Angeles", -28800}, {"Asia/Kolkata", 19800},
	{"Asia/Tokyo", 32400}, {"Australia/Sydney", 36000}, {"Africa/Lagos", 3600},
	{"Africa/Nairobi", 10800}, {"US/Pacific", -28800}, {"US/Eastern", -18000},
};

static pg_tz zone_objs[lengthof(zones)];

pg_tz *
pg_tzset(const char *name)
{
	for (int i = 0; i < lengthof(zones); i++)
		if (pg_strcasecmp(name, zones[i].name) == 0)
		{
			strlcpy(zone_objs[i].name, zones[i].name, sizeof(zone_objs[i].name));
			zone_objs[i].offset_east = zones[i].offset_east;
			return &zone_objs[i];
		}
	return NULL;
}

const char *
pg_get_timezone_name(pg_tz *tz)
{
	return tz ? tz->name : NULL;
}

/*
 * PostgreSQL 16 returns 0 or a DTERR_ code and passes the type out through
 * ftype (15 returned the type); an unknown abbreviation is 0 with
 * UNKNOWN_FIELD, as the server's own.
 */
static int
lookup_abbrev(const char *lowtoken, int *offset, pg_tz **tz)
{
	for (int i = 0; i < lengthof(abbrevs); i++)
		if (strcmp(lowtoken, abbrevs[i].name) == 0)
		{
			*offset = abbrevs[i].offset_east;
			*tz = abbrevs[i].type == DYNTZ ? pg_tzset("Europe/Moscow") : NULL;
			return abbrevs[i].type;
		}
	*offset = 0;
	*tz = NULL;
	return UNKNOWN_FIELD;
}

#if PG_VERSION_NUM >= 160000
int
DecodeTimezoneAbbrev(int field, const char *lowtoken, int *ftype, int *offset,
					 pg_tz **tz, DateTimeErrorExtra *extra)
{
	*ftype = lookup_abbrev(lowtoken, offset, tz);
	return 0;
}
#else
int
DecodeTimezoneAbbrev(int field, char *lowtoken, int *offset, pg_tz **tz)
{
	return lookup_abbrev(lowtoken, offset, tz);
}
#endif

int
DetermineTimeZoneOffset(struct pg_tm *tm, pg_tz *tzp)
{
	return -tzp->offset_east;
}

int
DetermineTimeZoneAbbrevOffset(struct pg_tm *tm, const char *abbr, pg_tz *tzp)
{
	return -tzp->offset_east;
}
