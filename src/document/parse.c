/*-------------------------------------------------------------------------
 *
 * parse.c
 *	  Read a postmortem written in the usual template into a PmDocument.
 *
 * Pure: no SPI, no catalog, no ereport on bad input.  The document is read
 * line by line; headings (#, bold lines, plain "Timeline:" lines) switch
 * between the summary, the timeline, root cause and the measures.  Local
 * times become timestamptz through PostgreSQL's own zone machinery: the
 * abbreviations of the timezone_abbreviations setting (DecodeTimezoneAbbrev)
 * and the zone database (pg_tzset, DetermineTimeZoneOffset).  Every guess
 * (a date carried over, a day rolled over, an entry out of order, zones or
 * times that contradict each other) is written down as a note.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <ctype.h>

#include "lib/stringinfo.h"
#include "pgtime.h"
#include "utils/datetime.h"
#include "utils/timestamp.h"

#include "compat.h"
#include "document/parse.h"

/* after this many notes of one kind, the rest are counted in one note */
#define PM_MAX_NOTES_OF_A_KIND 10

typedef enum PmSection
{
	SEC_NONE,					/* before the first heading */
	SEC_SUMMARY,
	SEC_TIMELINE,
	SEC_ROOT,
	SEC_MEASURES,
	SEC_OTHER
} PmSection;

/* what a heading name says */
typedef enum PmHeadKind
{
	HEAD_OTHER,
	HEAD_SUMMARY,
	HEAD_IMPACT,
	HEAD_TIMELINE,
	HEAD_ROOT,					/* root cause (and resolution) */
	HEAD_RESOLUTION,
	HEAD_MEASURES,				/* corrective and preventative measures */
	HEAD_TASKS,					/* tasks, todo, action items */
	HEAD_IMPROVEMENTS
} PmHeadKind;

typedef enum PmGroup
{
	GROUP_DEFAULT,
	GROUP_TASKS,
	GROUP_IMPROVEMENTS
} PmGroup;

typedef struct PmLine
{
	const char *s;				/* content, after the indentation */
	int			len;			/* content length, trailing space trimmed */
	int			indent;			/* columns; a tab counts 4 */
	int			lineno;
	PmSection	section;
	bool		code;			/* inside a fenced block */
} PmLine;

/* a date, time and zone read from text; any part may be missing */
typedef struct PmStamp
{
	bool		has_date;
	bool		has_time;
	bool		has_zone;
	bool		zone_unknown;	/* looked like a zone, is none we know */
	int			y,
				m,
				d;
	int			h,
				mi,
				s,
				us;				/* microseconds: 14:05:32.123 */
	PmZone		zone;
	char		zone_word[16];
	char		abbr[8];		/* "IST" when "(UTC+05:30)" said which one */
	const char *zone_pos;		/* where an unknown zone word starts */
} PmStamp;

typedef struct PmStamps
{
	PmStamp		st[16];
	int			n;
} PmStamps;

/* a timeline entry before its date and zone are settled */
typedef struct PmRawEntry
{
	PmStamp		st;
	StringInfoData body;
	char	   *text_from_zone;	/* the line from an unknown zone word on */
	bool		open_body;		/* a heading: the lines below are its text */
	int			lineno;
	int			indent;
} PmRawEntry;

typedef struct PmItem
{
	StringInfoData text;
	PmGroup		group;
	int			indent;
	bool		checked;
	bool		has_checkbox;
	char	   *status_text;
	char	   *owner;
	char	   *due;
} PmItem;

typedef struct PmParser
{
	const PmOptions *opt;
	PmDocument *doc;
	PmLine	   *lines;
	int			nlines;

	/* summary */
	StringInfoData summary;
	StringInfoData impact;
	StringInfoData sum_root;
	StringInfoData duration;
	StringInfoData start_field;
	StringInfoData end_field;
	StringInfoData users_field;
	char	   *status_field;
	char	   *zone_field;
	StringInfo	cur_field;
	char	   *kv_head[8];		/* "| Start (UTC) | End (UTC) |": labels above values */
	int			kv_nhead;

	/* root cause */
	StringInfoData root;
	StringInfoData resolution;
	StringInfo	root_field;
	bool		root_combined;
	bool		root_labelled;

	/* timeline */
	char	   *timeline_zone;	/* from "Timeline (UTC)" */
	PmRawEntry *raw;
	int			nraw;
	int			maxraw;
	int			date_markers;

	/* measures */
	PmItem	   *items;
	int			nitems;
	int			maxitems;
	PmGroup		group;
	int			items_at_heading;	/* items before the last heading */
	bool		saw_task_heading;	/* a Tasks / TODO / Action items list */
	int			parts_seen;		/* headings or fields of the template */
	bool		saw_timeline;
	const PmZone *zone;			/* the document's zone, once known */

	/* zones, dates and the summary's span, settled after pass 1 */
	PmZone		default_zone;	/* time_zone argument, or the session's */
	PmZone		doc_zone;
	bool		has_doc_zone;
	PmZone		tl_zone;
	bool		has_tl_zone;
	PmStamps	dur;			/* date and time mentions of the duration */
	bool		sum_has_start;
	bool		sum_has_end;
	TimestampTz sum_start;
	TimestampTz sum_end;
	bool		has_base;		/* the date of the first timeline entries */
	int			base_y;
	int			base_m;
	int			base_d;
	const char *base_from;
	char	   *sum_range;
	int			ntimes;			/* times in the summary */
	int			task_cols[4];	/* table columns: title, owner, status, due */
	bool		in_task_table;
} PmParser;

static void pm_note(PmDocument *doc, const char *fmt,...) pg_attribute_printf(2, 3);
static int	pm_table_cells(const char *s, const char *e, const char **cs, const char **ce, int max);
static bool pm_table_separator(const char *s, const char *e);
static bool pm_word_start(const char *s, const char *p);
static int	pm_paragraph_end(PmParser *ps, int i);
static void pm_scan_zone(PmParser *ps, const char *s, const char *e);

static void
pm_note(PmDocument *doc, const char *fmt,...)
{
	StringInfoData buf;

	initStringInfo(&buf);
	for (;;)
	{
		va_list		args;
		int			needed;

		va_start(args, fmt);
		needed = appendStringInfoVA(&buf, fmt, args);
		va_end(args);
		if (needed == 0)
			break;
		enlargeStringInfo(&buf, needed);
	}
	if (doc->nnotes % 8 == 0)
		doc->notes = doc->notes ?
			repalloc(doc->notes, sizeof(char *) * (doc->nnotes + 8)) :
			palloc(sizeof(char *) * 8);
	doc->notes[doc->nnotes++] = buf.data;
}

/* ---------------------------------------------------------------------
 * small text helpers (ASCII case folding; UTF-8 passes through)
 * ---------------------------------------------------------------------
 */
static inline char
pm_lower(char c)
{
	return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
}
static inline bool
pm_isalnum(char c)
{
	return isalnum((unsigned char) c) || (c & 0x80);
}

static bool
pm_prefix_ci(const char *p, const char *e, const char *word)
{
	for (; *word; word++, p++)
		if (p >= e || pm_lower(*p) != *word)
			return false;
	return true;
}

/* a lowercase, NUL-terminated copy for strstr() */
static char *
pm_lower_copy(const char *s, int len, char *stackbuf, int bufsize)
{
	char	   *out = (len < bufsize) ? stackbuf : palloc(len + 1);

	for (int i = 0; i < len; i++)
		out[i] = pm_lower(s[i]);
	out[len] = '\0';
	return out;
}

/* the first n letters of word at p, case-insensitively */
static bool
pm_prefix_ci_n(const char *p, const char *e, const char *word, int n)
{
	if (e - p < n)
		return false;
	for (int i = 0; i < n; i++)
		if (word[i] == '\0' || pm_lower(p[i]) != word[i])
			return false;
	return true;
}

/* word (lowercase) at p, not followed by a letter */
static bool
pm_word_ci(const char *p, const char *e, const char *word)
{
	int			n = strlen(word);

	return pm_prefix_ci(p, e, word) && (p + n >= e || !isalpha((unsigned char) p[n]));
}

/* does [s, s+len) contain needle (lowercase), case-insensitively? */
static bool
pm_contains_ci(const char *s, int len, const char *needle)
{
	int			n = strlen(needle);
	char		first = needle[0];

	char		upper = (first >= 'a' && first <= 'z') ? first - ('a' - 'A') : first;

	for (int i = 0; i + n <= len; i++)
	{
		if (s[i] != first && s[i] != upper)
			continue;
		if (pm_prefix_ci(s + i, s + len, needle))
			return true;
	}
	return false;
}

static const char *
pm_skip_space(const char *p, const char *e)
{
	while (p < e && (*p == ' ' || *p == '\t'))
		p++;
	return p;
}

/* skip white space and emphasis marks (*, _, `) */
static const char *
pm_skip_decor(const char *p, const char *e)
{
	while (p < e && (*p == ' ' || *p == '\t' || *p == '*' || *p == '`' ||
					 (*p == '_' && (p + 1 >= e || !pm_isalnum(p[1])))))
		p++;
	return p;
}

static void
pm_trim(const char **s, const char **e)
{
	while (*s < *e && isspace((unsigned char) **s))
		(*s)++;
	while (*e > *s && isspace((unsigned char) (*e)[-1]))
		(*e)--;
}

/* copy of [s, e) without '*' emphasis marks, trimmed */
static char *
pm_clean(const char *s, const char *e)
{
	char	   *out = palloc(e - s + 1);
	char	   *o = out;
	const char *a,
			   *b;

	for (; s < e; s++)
		if (*s != '*')
			*o++ = *s;
	*o = '\0';
	a = out;
	b = o;
	pm_trim(&a, &b);
	/* underline emphasis around the whole text */
	if (b - a >= 2 && *a == '_' && b[-1] == '_')
	{
		a++;
		b--;
	}
	return pnstrdup(a, b - a);
}

/* strip a list marker: "- ", "* ", "+ ", "1. ", "1) " */
static const char *
pm_strip_marker(const char *p, const char *e, bool *marker)
{
	*marker = false;
	if (p + 1 < e && (*p == '-' || *p == '*' || *p == '+') && (p[1] == ' ' || p[1] == '\t'))
	{
		*marker = true;
		return pm_skip_space(p + 2, e);
	}
	if (p < e && (*p == '-' || *p == '*' || *p == '+') && p + 1 == e)
	{
		*marker = true;
		return e;
	}
	if (p < e && isdigit((unsigned char) *p))
	{
		const char *q = p;

		while (q < e && isdigit((unsigned char) *q) && q - p < 3)
			q++;
		if (q + 1 < e && (*q == '.' || *q == ')') && (q[1] == ' ' || q[1] == '\t'))
		{
			/* "10. " is a list item, "10.30" is not */
			*marker = true;
			return pm_skip_space(q + 2, e);
		}
	}
	return p;
}

/* checkbox "[ ] ", "[x] " */
static const char *
pm_strip_checkbox(const char *p, const char *e, bool *has, bool *checked)
{
	*has = false;
	*checked = false;
	if (p + 2 < e && p[0] == '[' && p[2] == ']' &&
		(p[1] == ' ' || p[1] == 'x' || p[1] == 'X'))
	{
		*has = true;
		*checked = (p[1] != ' ');
		return pm_skip_space(p + 3, e);
	}
	return p;
}

/* ---------------------------------------------------------------------
 * time zones
 * ---------------------------------------------------------------------
 */

/* "+02:00", "-0400", "+1", "+5:30" → seconds east; returns bytes read */
static int
pm_read_offset(const char *p, const char *e, int *secs)
{
	const char *q = p;
	int			sign,
				h = 0,
				m = 0,
				nd = 0;

	if (q >= e || (*q != '+' && *q != '-' && strncmp(q, "\xe2\x88\x92", 3) != 0))
		return 0;
	if (*q == '+' || *q == '-')
	{
		sign = (*q == '-') ? -1 : 1;
		q++;
	}
	else
	{
		sign = -1;				/* U+2212 minus sign */
		q += 3;
	}
	while (q < e && isdigit((unsigned char) *q) && nd < 4)
	{
		h = h * 10 + (*q - '0');
		q++;
		nd++;
	}
	if (nd == 0)
		return 0;
	if (nd == 4)
	{
		m = h % 100;
		h /= 100;
	}
	else if (nd == 3)
		return 0;
	else if (q + 2 < e && *q == ':' &&
			 isdigit((unsigned char) q[1]) && isdigit((unsigned char) q[2]))
	{
		m = (q[1] - '0') * 10 + (q[2] - '0');
		q += 3;
	}
	if (q < e && isdigit((unsigned char) *q))
		return 0;
	if (h > 15 || m > 59)
		return 0;
	*secs = sign * (h * 3600 + m * 60);
	return q - p;
}

static void
pm_zone_fixed(PmZone *zone, int offset_east, const char *label, int labellen)
{
	memset(zone, 0, sizeof(PmZone));
	zone->valid = true;
	zone->fixed = true;
	zone->offset_east = offset_east;
	/* label points into the document: copy a bounded length, not strlcpy */
	labellen = Min(labellen, (int) sizeof(zone->label) - 1);
	memcpy(zone->label, label, labellen);
	zone->label[labellen] = '\0';
}

/*
 * Read a zone at p: an offset (+02:00), GMT/UTC with an offset (GMT+1: an
 * hour east, as people mean it, not POSIX's reverse), an abbreviation from
 * the timezone_abbreviations set (upper case: EST, EAT, CET), or a zone name
 * (Europe/Berlin).  An upper-case word of 2-5 letters that is none of these
 * sets *unknown when require_upper allows it; returns bytes read.
 */
static int
pm_read_zone(const char *p, const char *e, PmZone *zone, bool *unknown,
			 char *word_out)
{
	const char *q = p,
			   *w;
	bool		paren = false;
	int			n,
				secs;
	char		word[64];
	char		low[64];
	bool		upper = true;
	bool		slash = false;

	*unknown = false;
	if (q < e && *q == '(')
	{
		paren = true;
		q++;
	}
	n = pm_read_offset(q, e, &secs);
	if (n > 0)
	{
		pm_zone_fixed(zone, secs, q, n);
		q += n;
		goto done;
	}
	if (q < e && *q == 'Z' && (q + 1 >= e || !pm_isalnum(q[1])))
	{
		pm_zone_fixed(zone, 0, "UTC", 3);
		q++;
		goto done;
	}
	w = q;
	while (q < e && (isalpha((unsigned char) *q) || *q == '/' || *q == '_') && q - w < 40)
	{
		if (islower((unsigned char) *q))
			upper = false;
		if (*q == '/')
			slash = true;
		q++;
	}
	n = q - w;
	if (n < 1 || n >= (int) sizeof(word) || (q < e && pm_isalnum(*q)))
		return 0;
	memcpy(word, w, n);
	word[n] = '\0';
	for (int i = 0; i <= n; i++)
		low[i] = pm_lower(word[i]);
	if (word_out)
		strlcpy(word_out, word, 16);

	/* "Pacific Time", "Eastern time": the zone's local time that day, as PT, ET */
	if (!upper && n >= 6 && n <= 8 && q + 5 <= e && q[0] == ' ' && pm_prefix_ci(q + 1, e, "time") &&
		(q + 5 == e || !pm_isalnum(q[5])))
	{
		static const char *const regions[][3] = {
			{"eastern", "ET", "America/New_York"}, {"central", "CT", "America/Chicago"},
			{"mountain", "MT", "America/Denver"}, {"pacific", "PT", "America/Los_Angeles"},
		};

		for (int i = 0; i < lengthof(regions); i++)
		{
			pg_tz	   *tz;

			if (strcmp(low, regions[i][0]) == 0 && (tz = pg_tzset(regions[i][2])) != NULL)
			{
				memset(zone, 0, sizeof(PmZone));
				zone->valid = true;
				zone->tz = tz;
				strlcpy(zone->label, regions[i][1], sizeof(zone->label));
				if (word_out)
					strlcpy(word_out, zone->label, 16);
				q += 5;
				goto done;
			}
		}
	}

	/* GMT+1, UTC-4, UTC+05:30 */
	if ((strcmp(low, "gmt") == 0 || strcmp(low, "utc") == 0 || strcmp(low, "ut") == 0) &&
		pm_read_offset(q, e, &secs) > 0)
	{
		q += pm_read_offset(q, e, &secs);
		pm_zone_fixed(zone, secs, w, q - w);
		if (word_out)
			strlcpy(word_out, zone->label, 16);
		goto done;
	}
	if (upper && !slash && n >= 1)
	{
		int			offset;
		pg_tz	   *tz = NULL;
		int			type = pm_decode_tz_abbrev(low, &offset, &tz);

		if (type == TZ || type == DTZ)
		{
			pm_zone_fixed(zone, offset, word, n);
			goto done;
		}
		if (type == DYNTZ && tz != NULL)
		{
			memset(zone, 0, sizeof(PmZone));
			zone->valid = true;
			zone->tz = tz;
			strlcpy(zone->abbr, word, sizeof(zone->abbr));
			strlcpy(zone->label, word, sizeof(zone->label));
			goto done;
		}
		/*
		 * North Americans name the zone without saying standard or daylight
		 * time ("10:00 AM PT"); read it as the zone's local time that day.
		 */
		if (n == 2 && low[1] == 't')
		{
			static const char *const generic[][2] = {
				{"et", "America/New_York"}, {"ct", "America/Chicago"},
				{"mt", "America/Denver"}, {"pt", "America/Los_Angeles"},
			};

			for (int i = 0; i < lengthof(generic); i++)
				if (low[0] == generic[i][0][0] && (tz = pg_tzset(generic[i][1])) != NULL)
				{
					memset(zone, 0, sizeof(PmZone));
					zone->valid = true;
					zone->tz = tz;
					strlcpy(zone->label, word, sizeof(zone->label));
					goto done;
				}
		}
		if (n >= 2 && n <= 5)
		{
			*unknown = true;
			memset(zone, 0, sizeof(PmZone));
			goto done;
		}
		return 0;
	}
	if (slash)
	{
		pg_tz	   *tz = pg_tzset(word);

		if (tz == NULL)
			return 0;
		memset(zone, 0, sizeof(PmZone));
		zone->valid = true;
		zone->tz = tz;
		strlcpy(zone->label, word, sizeof(zone->label));
		goto done;
	}
	return 0;

done:
	if (paren)
	{
		if (q < e && *q == ')')
			q++;
		else
			return 0;
	}
	return q - p;
}

/* a zone named by a label (the time_zone argument, incident.time_zone) */
bool
pm_zone_parse(const char *label, PmZone *zone)
{
	const char *e = label + strlen(label);
	bool		unknown;
	int			n;

	memset(zone, 0, sizeof(PmZone));
	n = pm_read_zone(label, e, zone, &unknown, NULL);
	if (n == (int) strlen(label) && !unknown && zone->valid)
		return true;
	/* any name or abbreviation PostgreSQL knows, in any case */
	{
		char		low[64];
		int			offset;
		pg_tz	   *tz = NULL;
		int			len = strlen(label);

		if (len > 0 && len < (int) sizeof(low))
		{
			int			type;

			for (int i = 0; i <= len; i++)
				low[i] = pm_lower(label[i]);
			type = pm_decode_tz_abbrev(low, &offset, &tz);
			if (type == TZ || type == DTZ)
			{
				pm_zone_fixed(zone, offset, label, len);
				return true;
			}
		}
		tz = pg_tzset(label);
		if (tz != NULL)
		{
			memset(zone, 0, sizeof(PmZone));
			zone->valid = true;
			zone->tz = tz;
			strlcpy(zone->label, label, sizeof(zone->label));
			return true;
		}
	}
	return false;
}

/* was the zone written as an offset (+05:30, UTC-4, GMT+1), not a name? */
static bool
pm_zone_is_offset(const char *label)
{
	return strchr(label, '+') != NULL || strchr(label, '-') != NULL ||
		strstr(label, "\xe2\x88\x92") != NULL;
}

/* local wall-clock time → timestamptz; false when out of range */
static bool
pm_zone_to_ts(const PmZone *zone, int y, int m, int d, int h, int mi, int s, int us,
			  TimestampTz *out)
{
	struct pg_tm tm;
	int			tz;
	static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1] ||
		(m == 2 && d == 29 && !isleap(y)))
		return false;
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = y;
	tm.tm_mon = m;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = s;
	if (zone->fixed)
		tz = -zone->offset_east;
	else if (zone->abbr[0])
		tz = DetermineTimeZoneAbbrevOffset(&tm, zone->abbr, zone->tz);
	else
		tz = DetermineTimeZoneOffset(&tm, zone->tz);
	return tm2timestamp(&tm, us, &tz, out) == 0;
}

/* timestamptz → wall-clock time in the zone */
void
pm_zone_localize(const PmZone *zone, TimestampTz ts, struct pg_tm *tm, fsec_t *fsec)
{
	int			tz;

	if (zone->fixed)
		timestamp2tm(ts + (int64) zone->offset_east * USECS_PER_SEC, NULL, tm, fsec, NULL, NULL);
	else
		timestamp2tm(ts, &tz, tm, fsec, NULL, zone->tz);
}

/* the zone's offset east of UTC at noon on a date */
static int
pm_zone_offset_at(const PmZone *zone, int y, int m, int d)
{
	struct pg_tm tm;

	if (zone->fixed)
		return zone->offset_east;
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = y;
	tm.tm_mon = m;
	tm.tm_mday = d;
	tm.tm_hour = 12;
	if (zone->abbr[0])
		return -DetermineTimeZoneAbbrevOffset(&tm, zone->abbr, zone->tz);
	return -DetermineTimeZoneOffset(&tm, zone->tz);
}

/* ---------------------------------------------------------------------
 * dates and times
 * ---------------------------------------------------------------------
 */
static const char *const pm_months[] = {
	"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december"
};

/* a month name or its abbreviation at p; returns bytes read */
static int
pm_read_month(const char *p, const char *e, int *month)
{
	const char *q = p;
	int			n;

	while (q < e && isalpha((unsigned char) *q))
		q++;
	n = q - p;
	if (n < 3)
		return 0;
	for (int i = 0; i < 12; i++)
	{
		int			full = strlen(pm_months[i]);

		if (n > full)
			continue;
		if (!pm_prefix_ci_n(p, e, pm_months[i], n) &&
			!(i == 8 && n == 4 && pm_prefix_ci(p, e, "sept")))
			continue;
		if (n != full && n != 3 && !(i == 8 && n == 4))
			continue;
		*month = i + 1;
		if (q < e && *q == '.')
			q++;
		return q - p;
	}
	return 0;
}

static int
pm_read_digits(const char *p, const char *e, int maxd, int *val)
{
	int			n = 0;

	*val = 0;
	while (p + n < e && isdigit((unsigned char) p[n]) && n < maxd)
	{
		*val = *val * 10 + (p[n] - '0');
		n++;
	}
	if (n == maxd && p + n < e && isdigit((unsigned char) p[n]))
		return 0;
	return n;
}

static const char *
pm_skip_ordinal(const char *p, const char *e)
{
	if (p + 1 < e && (pm_prefix_ci(p, e, "st") || pm_prefix_ci(p, e, "nd") ||
					  pm_prefix_ci(p, e, "rd") || pm_prefix_ci(p, e, "th")) &&
		(p + 2 >= e || !isalpha((unsigned char) p[2])))
		return p + 2;
	return p;
}


/*
 * The optional year after a day and month ("May 15, 2024", "15 May 2024",
 * "15-May-2024" when dashed): sets *y to it, or 0, and returns where the
 * date ends.
 */
static const char *
pm_read_year_after(const char *r, const char *e, bool dashed, int *y)
{
	const char *t = r;
	int			yy;

	*y = 0;
	if (t < e && (*t == ',' || (dashed && *t == '-')))
		t++;
	t = pm_skip_space(t, e);
	if (pm_read_digits(t, e, 4, &yy) == 4)
	{
		*y = yy;
		return t + 4;
	}
	return r;
}

/*
 * A date at p: 2024-05-15, 2024/05/15, 05/15/2024, 05/15/24 (15/05/2024 when
 * the first number cannot be a month), 15.05.2024, May 15[th][,] [2024], 15[th] [of]
 * May[,] [2024], with an optional weekday before.  y is 0 when no year is
 * written.  Returns bytes read.
 */
static int
pm_read_date(const char *p, const char *e, int *y, int *m, int *d)
{
	const char *q = p;
	int			a,
				b,
				c,
				n;

	/* weekday */
	{
		static const char *const days[] = {"monday", "tuesday", "wednesday", "thursday",
		"friday", "saturday", "sunday"};

		for (int i = 0; i < 7; i++)
		{
			bool		full = pm_word_ci(q, e, days[i]);

			if (full || (pm_prefix_ci_n(q, e, days[i], 3) &&
						 (q + 3 >= e || !isalpha((unsigned char) q[3]))))
			{
				q += full ? strlen(days[i]) : 3;
				if (q < e && *q == '.')
					q++;
				if (q < e && *q == ',')
					q++;
				q = pm_skip_space(q, e);
				break;
			}
		}
	}

	if (q < e && isdigit((unsigned char) *q))
	{
		n = pm_read_digits(q, e, 4, &a);
		if (n == 4 && q + n < e && (q[n] == '-' || q[n] == '/' || q[n] == '.'))
		{
			char		sep = q[n];
			const char *r = q + n + 1;
			int			n2 = pm_read_digits(r, e, 2, &b),
						n3;

			if (n2 == 0 || r + n2 >= e || r[n2] != sep)
				return 0;
			r += n2 + 1;
			n3 = pm_read_digits(r, e, 2, &c);
			if (n3 == 0 || b < 1 || b > 12 || c < 1 || c > 31)
				return 0;
			*y = a;
			*m = b;
			*d = c;
			return r + n3 - p;
		}
		if ((n == 1 || n == 2) && q + n < e && (q[n] == '/' || q[n] == '.'))
		{
			char		sep = q[n];
			const char *r = q + n + 1;
			int			n2 = pm_read_digits(r, e, 2, &b),
						n3;

			if (n2 == 0 || r + n2 >= e || r[n2] != sep)
				return 0;
			r += n2 + 1;
			n3 = pm_read_digits(r, e, 4, &c);
			if (n3 == 2 && sep == '/' && (r + 2 >= e || !pm_isalnum(r[2])))
				c += 2000;		/* 05/15/24 */
			else if (n3 != 4)
				return 0;
			if (sep == '.' || a > 12)
			{
				*d = a;
				*m = b;
			}
			else
			{
				*m = a;
				*d = b;
			}
			*y = c;
			if (*m < 1 || *m > 12 || *d < 1 || *d > 31)
				return 0;
			return r + n3 - p;
		}
		if (n == 1 || n == 2)
		{
			/* 15 May 2024, 16th of August, 2023, 15-May-2024 */
			const char *r = pm_skip_ordinal(q + n, e);
			int			mon,
						nm;
			bool		dashed = (r < e && *r == '-');

			r = pm_skip_space(r + (dashed ? 1 : 0), e);
			if (pm_word_ci(r, e, "of"))
				r = pm_skip_space(r + 2, e);
			nm = pm_read_month(r, e, &mon);
			if (nm == 0 || a < 1 || a > 31)
				return 0;
			r += nm;
			*m = mon;
			*d = a;
			r = pm_read_year_after(r, e, dashed, y);
			return r - p;
		}
		return 0;
	}

	/* May 15th, 2023 */
	n = pm_read_month(q, e, &a);
	if (n > 0)
	{
		const char *r = pm_skip_space(q + n, e);
		int			nd = pm_read_digits(r, e, 2, &b);

		if (nd == 0 || b < 1 || b > 31 || (r + nd < e && r[nd] == ':'))
			return 0;
		r = pm_skip_ordinal(r + nd, e);
		*m = a;
		*d = b;
		r = pm_read_year_after(r, e, false, y);
		return r - p;
	}
	return 0;
}

/*
 * A time at p: 14:05, 14:05:30, 2:05 PM, 2:05pm, 2 p.m., and the spellings
 * outside the English-speaking SRE world: 2.05pm (British, only with am/pm so
 * that 15.05 or v2.31 are not times), 14h05 (French), 1405Z (military, only
 * with the Z; the Z is left for the zone); returns bytes read.
 */
static int
pm_read_time(const char *p, const char *e, int *h, int *mi, int *s, int *us)
{
	const char *q = p;
	int			hh,
				mm = 0,
				ss = 0,
				n;
	bool		has_min = false;
	bool		dot_min = false;
	int			ampm = 0;
	int			usec = 0;

	/* 1405Z, 1405 hrs */
	if (p + 4 < e && isdigit((unsigned char) p[0]) &&
		isdigit((unsigned char) p[1]) && isdigit((unsigned char) p[2]) &&
		isdigit((unsigned char) p[3]) &&
		((p[4] == 'Z' && (p + 5 >= e || !pm_isalnum(p[5]))) ||
		 pm_word_ci(pm_skip_space(p + 4, e), e, "hrs")))
	{
		const char *z = pm_skip_space(p + 4, e);

		hh = (p[0] - '0') * 10 + (p[1] - '0');
		mm = (p[2] - '0') * 10 + (p[3] - '0');
		if (hh > 23 || mm > 59)
			return 0;
		*h = hh;
		*mi = mm;
		*s = 0;
		*us = 0;
		return (*z == 'Z') ? 4 : z + 3 - p;
	}
	n = pm_read_digits(q, e, 2, &hh);
	if (n == 0)
		return 0;
	q += n;
	if (q + 2 < e && (*q == 'h' || *q == 'H') && isdigit((unsigned char) q[1]) &&
		isdigit((unsigned char) q[2]) && (q + 3 >= e || !pm_isalnum(q[3])))
	{
		/* 14h05 */
		mm = (q[1] - '0') * 10 + (q[2] - '0');
		q += 3;
		has_min = true;
	}
	else if (q + 2 < e && *q == '.' && isdigit((unsigned char) q[1]) &&
			 isdigit((unsigned char) q[2]) && (q + 3 >= e || !isdigit((unsigned char) q[3])))
	{
		/* 2.05pm: a time only if am/pm follows */
		mm = (q[1] - '0') * 10 + (q[2] - '0');
		q += 3;
		has_min = true;
		dot_min = true;
	}
	else if (q + 2 < e && *q == ':' && isdigit((unsigned char) q[1]) &&
			 isdigit((unsigned char) q[2]))
	{
		mm = (q[1] - '0') * 10 + (q[2] - '0');
		q += 3;
		has_min = true;
		if (q + 2 < e && *q == ':' && isdigit((unsigned char) q[1]) &&
			isdigit((unsigned char) q[2]))
		{
			ss = (q[1] - '0') * 10 + (q[2] - '0');
			q += 3;
			if (q < e && *q == '.')
			{
				int			scale = 100000;

				q++;
				while (q < e && isdigit((unsigned char) *q))
				{
					usec += (*q - '0') * scale;
					scale /= 10;
					q++;
				}
			}
		}
		if (q < e && isdigit((unsigned char) *q))
			return 0;
	}
	/* am / pm */
	{
		const char *r = pm_skip_space(q, e);

		if (r < e && (r[0] == 'a' || r[0] == 'A' || r[0] == 'p' || r[0] == 'P'))
		{
			bool		pm = (r[0] == 'p' || r[0] == 'P');
			const char *t = r + 1;

			if (t < e && *t == '.')
				t++;
			if (t < e && (*t == 'm' || *t == 'M'))
			{
				t++;
				if (t < e && *t == '.')
					t++;
				if (t >= e || !isalpha((unsigned char) *t))
				{
					ampm = pm ? 2 : 1;
					q = t;
				}
			}
		}
	}
	if ((!has_min || dot_min) && ampm == 0)
		return 0;
	if (ampm)
	{
		if (hh < 1 || hh > 12)
			return 0;
		if (hh == 12)
			hh = 0;
		if (ampm == 2)
			hh += 12;
	}
	if (hh > 24 || mm > 59 || ss > 60 || (hh == 24 && (mm || ss)))
		return 0;
	if (hh == 24)
		hh = 0;					/* rare; read 24:00 as midnight */
	*h = hh;
	*mi = mm;
	*s = ss;
	*us = usec;
	return q - p;
}

/*
 * A stamp at p: [date][T| |, |, at | at ][time][ zone], as much as is there.
 * Returns bytes read (0: neither a date nor a time).
 */
static int
pm_read_stamp(const char *p, const char *e, PmStamp *st)
{
	const char *q = p;
	int			n;

	memset(st, 0, sizeof(PmStamp));
	n = pm_read_date(q, e, &st->y, &st->m, &st->d);
	if (n > 0)
	{
		const char *r;

		st->has_date = true;
		q += n;
		r = q;
		if (r < e && (*r == 'T' || *r == 't') && r + 1 < e && isdigit((unsigned char) r[1]))
			r++;
		else
		{
			if (r < e && *r == ',')
				r++;
			r = pm_skip_space(r, e);
			if (pm_word_ci(r, e, "at"))
				r = pm_skip_space(r + 2, e);
			else if (pm_word_ci(r, e, "from"))
				r = pm_skip_space(r + 4, e);
		}
		n = pm_read_time(r, e, &st->h, &st->mi, &st->s, &st->us);
		if (n > 0)
		{
			st->has_time = true;
			q = r + n;
		}
	}
	else
	{
		n = pm_read_time(q, e, &st->h, &st->mi, &st->s, &st->us);
		if (n == 0)
			return 0;
		/* a bare number with am/pm must stand alone: "3 a.m." not "13 am" */
		st->has_time = true;
		q += n;
	}
	if (st->has_time)
	{
		const char *r = q;
		bool		unknown;

		if (!(r < e && (*r == '+' || *r == '-' || *r == 'Z')))
			r = pm_skip_space(r, e);
		n = pm_read_zone(r, e, &st->zone, &unknown, st->zone_word);
		if (n > 0)
		{
			if (unknown)
			{
				/* an unknown word is a zone only when a separator follows */
				const char *t = pm_skip_decor(r + n, e);

				if (t >= e || *t == ':' || *t == '-' || *t == ',' || *t == '|' ||
					*t == ')' || (unsigned char) *t == 0xe2)
				{
					st->zone_unknown = true;
					st->zone_pos = r;
					q = r + n;
				}
			}
			else
			{
				st->has_zone = true;
				q = r + n;
				/* "19:35 IST (UTC+05:30)": the offset says which IST is meant */
				r = pm_skip_space(q, e);
				if (r < e && *r == '(' && !pm_zone_is_offset(st->zone.label))
				{
					PmZone		z;

					n = pm_read_zone(r, e, &z, &unknown, NULL);
					if (n > 0 && !unknown && z.valid && pm_zone_is_offset(z.label))
					{
						strlcpy(st->abbr, st->zone.label, sizeof(st->abbr));
						st->zone = z;
						strlcpy(st->zone_word, z.label, sizeof(st->zone_word));
						q = r + n;
					}
				}
			}
		}
	}
	else if (st->has_date)
	{
		/* "from 23:30 on May 15 to 01:15 on May 16 (UTC)": the zone after the date */
		const char *r = pm_skip_space(q, e);
		bool		unknown;
		PmZone		z;

		if (r < e && *r == '(')
		{
			n = pm_read_zone(r, e, &z, &unknown, NULL);
			if (n > 0 && !unknown && z.valid)
			{
				st->zone = z;
				st->has_zone = true;
				strlcpy(st->zone_word, z.label, sizeof(st->zone_word));
				q = r + n;
			}
		}
	}
	return q - p;
}

/* words in a heading's name */
static int
pm_count_words(const char *s)
{
	int			n = 0;
	bool		in = false;

	for (; *s; s++)
	{
		bool		w = isalnum((unsigned char) *s);

		if (w && !in)
			n++;
		in = w;
	}
	return n;
}

/* ---------------------------------------------------------------------
 * headings
 * ---------------------------------------------------------------------
 */
static bool
pm_has_word(const char *low, const char *word)
{
	int			n = strlen(word);

	for (const char *p = strstr(low, word); p; p = strstr(p + 1, word))
		if ((p == low || !isalpha((unsigned char) p[-1])) && !isalpha((unsigned char) p[n]))
			return true;
	return false;
}

#define HAS(w) (strstr(low, (w)) != NULL)
#define WORD(w) pm_has_word(low, (w))

static PmHeadKind
pm_head_kind(const char *name)
{
	char		buf[128];
	char	   *low = pm_lower_copy(name, strlen(name), buf, sizeof(buf));

	if (HAS("timeline") || HAS("chronology") || HAS("sequence of events"))
		return HEAD_TIMELINE;
	if (HAS("action item") || (WORD("actions") && !HAS("taken")) || WORD("todo") || WORD("to do") || WORD("to-do") ||
		WORD("tasks") || WORD("task list") || HAS("follow-up") || HAS("follow up") ||
		HAS("next steps"))
		return HEAD_TASKS;
	if (HAS("corrective") || HAS("prevent") || HAS("measures") ||
		HAS("remediation") || HAS("doing about"))
		return HEAD_MEASURES;
	if (HAS("lessons"))
		return HEAD_OTHER;		/* lessons learned: prose, not tasks */
	if (HAS("improvement") || HAS("can improve"))
		return HEAD_IMPROVEMENTS;
	if (HAS("root cause") || WORD("cause") || WORD("causes"))
		return HEAD_ROOT;
	if (WORD("resolution") || WORD("fix") || WORD("recovery"))
		return HEAD_RESOLUTION;
	if (WORD("impact"))
		return HEAD_IMPACT;
	if (HAS("summary") || WORD("overview") || WORD("description") || HAS("what happened") ||
		WORD("details") || WORD("metadata") || HAS("at a glance") || WORD("key facts") ||
		HAS("tl;dr") || WORD("tldr"))
		return HEAD_SUMMARY;
	return HEAD_OTHER;
}

#undef HAS
#undef WORD

/*
 * Is the line a heading?  "# Name", "**Name**", "**Name:**", or a plain short
 * line "Name:" / "Name" that names a known part.  Returns the name (cleaned)
 * and whether it was a # heading.
 */
static char *
pm_heading(const PmLine *ln, const PmLine *next, bool *atx, int *level)
{
	const char *s = ln->s,
			   *e = ln->s + ln->len;

	*atx = false;
	*level = 0;
	if (ln->len == 0 || ln->indent > 3)
		return NULL;
	if (*s == '#')
	{
		const char *q = s;

		while (q < e && *q == '#')
			q++;
		if (q < e && *q != ' ' && *q != '\t')
			return NULL;
		*atx = true;
		*level = q - s;
		while (e > q && (e[-1] == '#' || e[-1] == ' '))
			e--;
		while (e > q && e[-1] == ':')
			e--;
		{
			char	   *name = pm_clean(q, e);
			int			l = strlen(name);

			while (l > 0 && (name[l - 1] == ':' || name[l - 1] == ' '))
				name[--l] = '\0';
			return name;
		}
	}
	/* setext: Name\n==== */
	if (next && next->len >= 3 && next->indent <= 3 &&
		(next->s[0] == '=' || (next->s[0] == '-' && ln->len > 0)))
	{
		bool		all = true;

		for (int i = 0; i < next->len; i++)
			if (next->s[i] != next->s[0] && next->s[i] != ' ')
				all = false;
		if (all && *s != '-' && *s != '*' && *s != '|')
		{
			*atx = true;
			*level = next->s[0] == '=' ? 1 : 2;
			return pm_clean(s, e);
		}
	}
	/* a bold line: **Name** or **Name:** or **Name**: */
	if (ln->len > 4 && s[0] == '*' && s[1] == '*')
	{
		const char *end = e;

		if (end[-1] == ':')
			end--;
		if (end - s > 4 && end[-1] == '*' && end[-2] == '*')
		{
			const char *inner = s + 2,
					   *ie = end - 2;
			bool		more = false;

			for (const char *t = inner; t + 1 < ie; t++)
				if (t[0] == '*' && t[1] == '*')
					more = true;
			if (!more && ie > inner)
			{
				char	   *name = pm_clean(inner, ie);
				int			l = strlen(name);

				while (l > 0 && (name[l - 1] == ':' || name[l - 1] == ' '))
					name[--l] = '\0';
				return name;
			}
		}
		return NULL;
	}
	/* a plain short line naming a known part */
	if (ln->indent == 0 && ln->len <= 60 && isalpha((unsigned char) *s))
	{
		const char *end = e;
		int			words = 1;
		char	   *name;

		if (end[-1] == ':')
			end--;
		else if (end[-1] == '.' || end[-1] == '!' || end[-1] == '?' || end[-1] == ',')
			return NULL;
		for (const char *t = s; t < end; t++)
		{
			if (*t == ':')
				return NULL;
			if (*t == ' ')
				words++;
		}
		if (words > 6)
			return NULL;
		name = pm_clean(s, end);
		if (pm_head_kind(name) == HEAD_OTHER)
			return NULL;
		return name;
	}
	return NULL;
}

/* ---------------------------------------------------------------------
 * the first pass: lines, sections
 * ---------------------------------------------------------------------
 */
static void
pm_split_lines(PmParser *ps, const char *text, int len)
{
	const char *p = text,
			   *e = text + len;
	int			max = 64;
	bool		fence = false;
	int			lineno = 0;

	ps->lines = palloc(sizeof(PmLine) * max);
	ps->nlines = 0;
	/* a byte order mark is not text */
	if (e - p >= 3 && (unsigned char) p[0] == 0xef && (unsigned char) p[1] == 0xbb &&
		(unsigned char) p[2] == 0xbf)
		p += 3;
	while (p < e)
	{
		const char *nl = memchr(p, '\n', e - p);
		const char *le = nl ? nl : e;
		const char *c = p;
		int			indent = 0;
		PmLine	   *ln;

		lineno++;
		while (c < le && (*c == ' ' || *c == '\t'))
		{
			indent += (*c == '\t') ? 4 - indent % 4 : 1;
			c++;
		}
		while (le > c && isspace((unsigned char) le[-1]))
			le--;
		if (ps->nlines == max)
		{
			max *= 2;
			ps->lines = repalloc(ps->lines, sizeof(PmLine) * max);
		}
		ln = &ps->lines[ps->nlines++];
		ln->s = c;
		ln->len = le - c;
		ln->indent = indent;
		ln->lineno = lineno;
		ln->section = SEC_NONE;
		ln->code = false;
		if (ln->len >= 3 && (strncmp(c, "```", 3) == 0 || strncmp(c, "~~~", 3) == 0))
		{
			fence = !fence;
			ln->code = true;
		}
		else if (fence)
			ln->code = true;
		else if (ln->len >= 4 && strncmp(c, "<!--", 4) == 0)
			ln->code = true;
		else if (ln->len >= 2 && c[0] == '!' && c[1] == '[')
			ln->code = true;	/* an image */
		p = nl ? nl + 1 : e;
	}
}

static void
pm_append_text(StringInfo buf, const char *s, int len, bool newpara)
{
	if (buf->len > 0)
		appendStringInfoString(buf, newpara ? "\n\n" : "\n");
	appendBinaryStringInfo(buf, s, len);
}

/* "Label: value" at the start of a summary line: which label? */
typedef enum PmField
{
	F_NONE,
	F_DURATION,
	F_START,
	F_END,
	F_IMPACT,
	F_ROOT,
	F_RESOLUTION,
	F_SEVERITY,
	F_STATUS,
	F_USERS,
	F_ZONE,
	F_SUMMARY
} PmField;

static PmField
pm_field_kind(const char *label)
{
	static const struct
	{
		const char *word;
		PmField		field;
	}			fields[] =
	{
		{"duration", F_DURATION}, {"date", F_DURATION}, {"when", F_DURATION},
		{"time", F_DURATION}, {"outage window", F_DURATION}, {"window", F_DURATION},
		{"start", F_START}, {"started", F_START}, {"start time", F_START},
		{"began", F_START}, {"started at", F_START},
		{"end", F_END}, {"ended", F_END}, {"end time", F_END}, {"resolved", F_END},
		{"resolved at", F_END}, {"ended at", F_END},
		{"impact", F_IMPACT}, {"customer impact", F_IMPACT}, {"user impact", F_IMPACT},
		{"root cause", F_ROOT}, {"cause", F_ROOT}, {"root causes", F_ROOT},
		{"resolution", F_RESOLUTION}, {"fix", F_RESOLUTION},
		{"severity", F_SEVERITY}, {"priority", F_SEVERITY}, {"sev", F_SEVERITY},
		{"status", F_STATUS},
		{"users affected", F_USERS}, {"affected users", F_USERS},
		{"users impacted", F_USERS}, {"impacted users", F_USERS},
		{"impact started", F_START}, {"impact start", F_START}, {"impact began", F_START},
		{"impact ended", F_END}, {"impact end", F_END},
		{"time zone", F_ZONE}, {"timezone", F_ZONE},
		{"summary", F_SUMMARY}, {"issue summary", F_SUMMARY}
	};

	char		buf[64];
	char	   *l,
			   *le;

	for (int i = 0; i < lengthof(fields); i++)
		if (pg_strcasecmp(label, fields[i].word) == 0)
			return fields[i].field;

	/*
	 * The same labels qualified the way templates do: "Incident Start
	 * Time", "Start time (UTC)", "Date of incident", "Customers affected".
	 */
	if (strlen(label) >= sizeof(buf))
		return F_NONE;
	for (int i = 0; i <= (int) strlen(label); i++)
		buf[i] = pm_lower(label[i]);
	l = buf;
	le = strchr(l, '(');
	if (le == NULL)
		le = l + strlen(l);
	while (le > l && le[-1] == ' ')
		le--;
	*le = '\0';
	if (strncmp(l, "incident ", 9) == 0 || strncmp(l, "outage ", 7) == 0)
		l = strchr(l, ' ') + 1;
	if (le - l > 12 && strcmp(le - 12, " of incident") == 0)
		le[-12] = '\0';
	else if (le - l > 16 && strcmp(le - 16, " of the incident") == 0)
		le[-16] = '\0';
	if (strcmp(l, "customers affected") == 0 || strcmp(l, "affected customers") == 0 ||
		strcmp(l, "accounts affected") == 0 || strcmp(l, "clients affected") == 0 ||
		strcmp(l, "customers impacted") == 0 || strcmp(l, "impacted customers") == 0)
		return F_USERS;
	if (l == buf && strlen(l) == strlen(label))
		return F_NONE;
	for (int i = 0; i < lengthof(fields); i++)
		if (strcmp(l, fields[i].word) == 0)
			return fields[i].field;
	return F_NONE;
}

/* split "**Label:** value" / "Label: value"; returns the field, sets *value */
static PmField
pm_read_field(const char *s, const char *e, const char **value)
{
	const char *colon = NULL;
	char	   *label;

	for (const char *t = s; t < e && t - s < 40; t++)
		if (*t == ':')
		{
			colon = t;
			break;
		}
	if (colon == NULL)
		return F_NONE;
	label = pm_clean(s, colon);
	*value = pm_skip_decor(colon + 1, e);
	return pm_field_kind(label);
}

static StringInfo
pm_field_buf(PmParser *ps, PmField f)
{
	switch (f)
	{
		case F_DURATION:
			return &ps->duration;
		case F_START:
			return &ps->start_field;
		case F_END:
			return &ps->end_field;
		case F_IMPACT:
			return &ps->impact;
		case F_ROOT:
			return &ps->sum_root;
		case F_RESOLUTION:
			return &ps->resolution;
		case F_USERS:
			return &ps->users_field;
		default:
			return &ps->summary;
	}
}

static void
pm_summary_line(PmParser *ps, const PmLine *ln, bool newpara)
{
	const char *s = ln->s,
			   *e = ln->s + ln->len,
			   *value;
	bool		marker;
	PmField		f;

	if (*s == '|')
	{
		/* a key/value table: "| Severity | SEV-2 |" is "Severity: SEV-2" */
		const char *cs[16],
				   *ce[16];
		int			nc;
		PmLine		kv;
		char	   *label,
				   *val;

		if (pm_table_separator(s, e))
			return;
		nc = pm_table_cells(s, e, cs, ce, 16);
		if (nc < 2)
		{
			ps->kv_nhead = 0;
			return;
		}
		label = pm_clean(cs[0], ce[0]);
		if (ps->kv_nhead > 0 && pm_field_kind(label) == F_NONE)
		{
			/* a row of values under a row of labels */
			for (int i = 0; i < nc && i < ps->kv_nhead; i++)
			{
				if (ps->kv_head[i] == NULL)
					continue;
				kv = *ln;
				kv.s = psprintf("%s: %s", ps->kv_head[i], pm_clean(cs[i], ce[i]));
				kv.len = strlen(kv.s);
				kv.indent = 0;
				pm_summary_line(ps, &kv, false);
				ps->cur_field = NULL;
			}
			ps->kv_nhead = 0;	/* one row of values: a later table is another */
			return;
		}
		ps->kv_nhead = 0;
		if (pm_field_kind(label) == F_NONE || strchr(label, ':'))
			return;
		val = pm_clean(cs[1], ce[1]);
		if (pm_field_kind(val) != F_NONE)
		{
			/* labels across: "| Start (UTC) | End (UTC) | Severity |" */
			for (int i = 0; i < nc && i < lengthof(ps->kv_head); i++)
			{
				char	   *l = pm_clean(cs[i], ce[i]);

				ps->kv_head[i] = (pm_field_kind(l) != F_NONE) ? l : NULL;
			}
			ps->kv_nhead = Min(nc, lengthof(ps->kv_head));
			return;
		}
		kv = *ln;
		kv.s = psprintf("%s: %s", label, val);
		kv.len = strlen(kv.s);
		kv.indent = 0;
		pm_summary_line(ps, &kv, false);
		ps->cur_field = NULL;
		return;
	}
	s = pm_strip_marker(s, e, &marker);
	f = pm_read_field(s, e, &value);
	if (f != F_NONE)
	{
		/*
		 * "Date: May 15, 2024 · Time zone: UTC · Severity: SEV2", "Status:
		 * Resolved | Severity: SEV2": one field each
		 */
		for (const char *t = value; t + 1 < e; t++)
		{
			int			sep = 0;

			if ((unsigned char) t[0] == 0xc2 && (unsigned char) t[1] == 0xb7)
				sep = 2;		/* middle dot */
			else if (t[0] == '|' && t > value && t[-1] == ' ')
				sep = 1;		/* "**Status:** Resolved | **Severity:** SEV2" */
			else if (t + 2 < e && (unsigned char) t[0] == 0xe2 && (unsigned char) t[1] == 0x80 &&
					 (unsigned char) t[2] == 0xa2)
				sep = 3;		/* bullet */
			if (sep)
			{
				const char *rest = pm_skip_space(t + sep, e);
				const char *v2;

				if (pm_read_field(rest, e, &v2) != F_NONE)
				{
					PmLine		part = *ln;

					part.s = s;
					part.len = t - s;
					while (part.len > 0 && part.s[part.len - 1] == ' ')
						part.len--;
					pm_summary_line(ps, &part, newpara);
					part.s = rest;
					part.len = e - rest;
					part.indent = 0;
					pm_summary_line(ps, &part, false);
					return;
				}
			}
		}
	}
	if ((f == F_START || f == F_END || f == F_DURATION) && value < e && value > s)
	{
		/* "Start time (UTC): 14:05": the zone in the label is the value's */
		const char *o = memchr(s, '(', value - s),
				   *c = o ? memchr(o, ')', value - o) : NULL;
		PmZone		z;
		bool		unknown;

		if (c && pm_read_zone(o, c + 1, &z, &unknown, NULL) == c + 1 - o && !unknown)
		{
			PmLine		kv = *ln;

			kv.s = psprintf("%.*s: %.*s %.*s", (int) (o - s), s, (int) (e - value), value,
							(int) (c - o - 1), o + 1);
			kv.len = strlen(kv.s);
			kv.indent = 0;
			pm_summary_line(ps, &kv, newpara);
			return;
		}
	}
	if (f != F_NONE)
		ps->parts_seen++;
	if (f == F_SEVERITY)
	{
		ps->doc->severity = pm_clean(value, e);
		return;
	}
	if (f == F_STATUS)
	{
		ps->status_field = pm_clean(value, e);
		return;
	}
	if (f == F_ZONE)
	{
		ps->zone_field = pm_clean(value, e);
		return;
	}
	if (f != F_NONE)
	{
		ps->cur_field = pm_field_buf(ps, f);
		if (value < e)
			pm_append_text(ps->cur_field, value, e - value, false);
		return;
	}
	/* "All times Pacific (PDT).": the timeline's zone, said up front */
	if (ps->timeline_zone == NULL && e - s > 9 &&
		(pm_contains_ci(s, e - s, "all times") || pm_contains_ci(s, e - s, "times are in")))
		pm_scan_zone(ps, s, e);
	/* continuation of a field, or summary text */
	if (ps->cur_field && ps->cur_field != &ps->summary && !newpara && (ln->indent > 0 || !marker))
	{
		pm_append_text(ps->cur_field, s, e - s, false);
		return;
	}
	ps->cur_field = NULL;
	{
		char	   *clean = pm_clean(s, e);

		pm_append_text(&ps->summary, clean, strlen(clean), newpara);
	}
}

static void
pm_root_line(PmParser *ps, const PmLine *ln, bool newpara)
{
	const char *s = ln->s,
			   *e = ln->s + ln->len,
			   *value;
	bool		marker;
	PmField		f;
	char	   *clean;

	s = pm_strip_marker(s, e, &marker);
	f = pm_read_field(s, e, &value);
	if (f == F_ROOT || f == F_RESOLUTION)
	{
		ps->root_field = (f == F_ROOT) ? &ps->root : &ps->resolution;
		ps->root_labelled = true;
		if (value < e)
		{
			clean = pm_clean(value, e);
			pm_append_text(ps->root_field, clean, strlen(clean), false);
		}
		return;
	}
	if (newpara && ps->root_combined && !ps->root_labelled &&
		ps->root_field == &ps->root && ps->root.len > 0)
		ps->root_field = &ps->resolution;
	clean = pm_clean(s, e);
	pm_append_text(ps->root_field, clean, strlen(clean),
				   newpara && ps->root_field->len > 0);
}

/* split a table row into cells; returns count */
static int
pm_table_cells(const char *s, const char *e, const char **cs, const char **ce, int max)
{
	int			n = 0;
	const char *p = s;

	if (p < e && *p == '|')
		p++;
	while (p < e && n < max)
	{
		const char *q = p;
		const char *a,
				   *b;

		while (q < e && *q != '|')
			q++;
		a = p;
		b = q;
		pm_trim(&a, &b);
		cs[n] = a;
		ce[n] = b;
		n++;
		p = q < e ? q + 1 : e;
		if (q >= e)
			break;
	}
	/* a trailing '|' leaves an empty last cell */
	if (n > 0 && cs[n - 1] == ce[n - 1] && e > s && e[-1] == '|')
		n--;
	return n;
}

static bool
pm_table_separator(const char *s, const char *e)
{
	for (; s < e; s++)
		if (*s != '|' && *s != '-' && *s != ':' && *s != ' ' && *s != '\t')
			return false;
	return true;
}

/* ----- timeline ----- */

/* a zone named in "Timeline (all times UTC)", "| Time (EAT) |", "Times in CET" */
static void
pm_scan_zone(PmParser *ps, const char *s, const char *e)
{
	bool		found = false;

	for (const char *p = s; p < e; p++)
	{
		PmZone		z;
		bool		unknown;
		int			n;

		if (p > s && pm_isalnum(p[-1]))
			continue;
		if (!isupper((unsigned char) *p))
			continue;
		n = pm_read_zone(p, e, &z, &unknown, NULL);
		if (n > 0 && !unknown && z.valid && (p + n >= e || !pm_isalnum(p[n])))
		{
			/*
			 * The first zone named, unless an offset follows it: "(IST,
			 * UTC+05:30)" says which IST is meant.
			 */
			if (!found || pm_zone_is_offset(z.label))
				ps->timeline_zone = pstrdup(z.label);
			if (pm_zone_is_offset(z.label))
				return;
			found = true;
			p += n - 1;
		}
	}
}

static PmRawEntry *
pm_new_entry(PmParser *ps, const PmStamp *st, int lineno, int indent)
{
	PmRawEntry *r;

	if (ps->nraw == ps->maxraw)
	{
		ps->maxraw = ps->maxraw ? ps->maxraw * 2 : 16;
		ps->raw = ps->raw ? repalloc(ps->raw, sizeof(PmRawEntry) * ps->maxraw) :
			palloc(sizeof(PmRawEntry) * ps->maxraw);
	}
	r = &ps->raw[ps->nraw++];
	r->st = *st;
	initStringInfo(&r->body);
	r->lineno = lineno;
	r->indent = indent;
	r->text_from_zone = NULL;
	r->open_body = false;
	return r;
}

/* after a stamp: skip "**", ":", " - ", " – ", "|", "," to the body */
static const char *
pm_skip_separator(const char *p, const char *e)
{
	p = pm_skip_decor(p, e);
	if (p < e && (*p == ':' || *p == '-' || *p == '|' || *p == ',' || *p == '.' ||
				  *p == ']' || *p == ')' || *p == '>'))
		p++;
	else if (p + 2 < e && (unsigned char) p[0] == 0xe2 && (unsigned char) p[1] == 0x80 &&
			 ((unsigned char) p[2] == 0x93 || (unsigned char) p[2] == 0x94))
		p += 3;					/* en or em dash */
	p = pm_skip_space(p, e);
	if (p + 1 < e && p[0] == '*' && p[1] == '*')
		p = pm_skip_space(p + 2, e);
	if (p < e && *p == ':')
		p = pm_skip_space(p + 1, e);
	return p;
}

/*
 * Emoji that lead an entry ("⏰ 14:05", "✅ 14:50 — resolved"): pictographs
 * (U+1F000 and up) and the symbols and dingbats of U+2300-27FF, each with
 * an optional variation selector, then white space.
 */
static const char *
pm_skip_emoji(const char *p, const char *e)
{
	for (;;)
	{
		const unsigned char *u = (const unsigned char *) p;

		if (e - p >= 4 && u[0] == 0xf0 && u[1] == 0x9f)
			p += 4;
		else if (e - p >= 3 && u[0] == 0xe2 && u[1] >= 0x8c && u[1] <= 0x9f)
			p += 3;
		else
			return p;
		if (e - p >= 3 && (unsigned char) p[0] == 0xef && (unsigned char) p[1] == 0xb8 &&
			(unsigned char) p[2] == 0x8f)
			p += 3;
		p = pm_skip_space(p, e);
	}
}

/*
 * Try to read the head of a timeline entry at p ("**10:00 AM:** ", "At 14:05
 * EAT, ", "2024-05-15T10:00:00-04:00 | ", "[14:05] ").  On success returns
 * the start of the body.
 */
static const char *
pm_entry_head(const char *p, const char *e, PmStamp *st)
{
	const char *q = pm_skip_emoji(pm_skip_decor(p, e), e);
	int			n;

	if (q < e && (*q == '[' || *q == '('))
		q = pm_skip_decor(q + 1, e);
	if (pm_word_ci(q, e, "at"))
		q = pm_skip_space(q + 2, e);
	else if (pm_word_ci(q, e, "on"))
		q = pm_skip_space(q + 2, e);
	else if (pm_word_ci(q, e, "around"))
		q = pm_skip_space(q + 6, e);
	else if (pm_word_ci(q, e, "by"))
		q = pm_skip_space(q + 2, e);
	else if (q < e && *q == '~')
		q = pm_skip_space(q + 1, e);
	n = pm_read_stamp(q, e, st);
	if (n == 0)
		return NULL;
	q += n;
	if (st->has_date && !st->has_time)
	{
		/* "May 16, 2023 - 10:00 AM" */
		const char *r = pm_skip_separator(q, e);
		PmStamp		t;
		int			n2 = pm_read_stamp(r, e, &t);

		if (n2 > 0 && t.has_time && !t.has_date)
		{
			t.has_date = true;
			t.y = st->y;
			t.m = st->m;
			t.d = st->d;
			*st = t;
			q = r + n2;
		}
	}
	return pm_skip_separator(q, e);
}

/* prose: split a line at "At <time>" sentences; false if none */
static bool
pm_timeline_prose(PmParser *ps, const PmLine *ln, const char *s, const char *e)
{
	const char *starts[64];
	PmStamp		stamps[64];
	const char *bodies[64];
	int			n = 0;

	for (const char *p = s; p < e && n < 64; p++)
	{
		PmStamp		st;
		const char *body;

		/* only at the start of the line or of a sentence */
		if (p != s)
		{
			while (p < e && *p != '.' && *p != ';' && *p != '!')
				p++;
			if (p + 2 >= e || p[1] != ' ')
				continue;
			p += 2;
		}
		if (*p != 'A' && *p != 'a' && *p != 'B' && *p != 'b')
			continue;
		if (!(pm_word_ci(p, e, "at") || pm_word_ci(p, e, "by") || pm_word_ci(p, e, "around")))
			continue;
		body = pm_entry_head(p, e, &st);
		if (body == NULL || !st.has_time)
			continue;
		starts[n] = p;
		stamps[n] = st;
		bodies[n] = body;
		n++;
	}
	if (n == 0)
		return false;
	for (int i = 0; i < n; i++)
	{
		const char *be = (i + 1 < n) ? starts[i + 1] : e;
		const char *bs = bodies[i];
		PmRawEntry *r;

		pm_trim(&bs, &be);
		r = pm_new_entry(ps, &stamps[i], ln->lineno, ln->indent);
		/* text before the first time belongs to the first entry */
		if (i == 0 && starts[0] > s)
		{
			const char *ls = s,
					   *le = starts[0];

			pm_trim(&ls, &le);
			appendBinaryStringInfo(&r->body, ls, le - ls);
			appendStringInfoChar(&r->body, ' ');
		}
		appendBinaryStringInfo(&r->body, bs, be - bs);
	}
	return true;
}

/*
 * Sentences with a time in them: "The issue was detected at 10:05 AM by an
 * alert."  Each such sentence is an entry at that time; false if none.
 */
static bool
pm_timeline_sentences(PmParser *ps, const PmLine *ln, const char *s, const char *e)
{
	bool		any = false;
	const char *p = s;

	while (p < e)
	{
		const char *q = p;
		const char *se;

		while (q < e && !((*q == '.' || *q == ';' || *q == '!' || *q == '?') &&
						  (q + 1 >= e || q[1] == ' ')))
			q++;
		se = (q < e) ? q + 1 : e;
		for (const char *t = p; t < se; t++)
		{
			PmStamp		st;

			if (!isalnum((unsigned char) *t) || !pm_word_start(p, t))
				continue;
			if (pm_read_stamp(t, se, &st) > 0 && st.has_time && !st.zone_unknown)
			{
				const char *bs = p,
						   *be = se;
				PmRawEntry *r;

				pm_trim(&bs, &be);
				r = pm_new_entry(ps, &st, ln->lineno, ln->indent);
				appendBinaryStringInfo(&r->body, bs, be - bs);
				any = true;
				break;
			}
		}
		p = pm_skip_space(se, e);
	}
	return any;
}

static void
pm_timeline_line(PmParser *ps, const PmLine *ln)
{
	const char *s = ln->s,
			   *e = ln->s + ln->len,
			   *body;
	bool		marker,
				has_cb,
				checked;
	PmStamp		st;

	if (*s == '|')
	{
		const char *cs[16],
				   *ce[16];
		int			nc;
		int			first = -1;

		if (pm_table_separator(s, e))
			return;
		nc = pm_table_cells(s, e, cs, ce, 16);
		if (ps->nraw == 0 && nc > 0 && (pm_contains_ci(cs[0], ce[0] - cs[0], "time") ||
										pm_contains_ci(cs[0], ce[0] - cs[0], "date")))
		{
			/* a header: "| Time (UTC) | Event |", "| Date | Time (UTC) | Event |" */
			for (int i = 0; i < nc; i++)
				if (pm_contains_ci(cs[i], ce[i] - cs[i], "time"))
				{
					pm_scan_zone(ps, cs[i], ce[i]);
					break;
				}
			return;
		}
		/* the first cell (or date cell + time cell) holding a time */
		for (int i = 0; i < nc && first < 0; i++)
		{
			const char *b = pm_entry_head(cs[i], ce[i], &st);

			if (b == NULL)
				continue;
			if (st.has_date && !st.has_time && i + 1 < nc)
			{
				PmStamp		t;

				if (pm_entry_head(cs[i + 1], ce[i + 1], &t) && t.has_time && !t.has_date)
				{
					t.has_date = true;
					t.y = st.y;
					t.m = st.m;
					t.d = st.d;
					st = t;
					i++;
				}
			}
			if (st.has_time)
			{
				PmRawEntry *r = pm_new_entry(ps, &st, ln->lineno, ln->indent);

				/* a zone in a cell of its own */
				if (!st.has_zone && i + 1 < nc)
				{
					PmZone		z;
					bool		unknown;

					if (pm_read_zone(cs[i + 1], ce[i + 1], &z, &unknown, r->st.zone_word) ==
						ce[i + 1] - cs[i + 1] && !unknown && ce[i + 1] > cs[i + 1])
					{
						r->st.zone = z;
						r->st.has_zone = true;
						i++;
					}
				}
				if (b < ce[i] && b > cs[i])
					appendBinaryStringInfo(&r->body, b, ce[i] - b);
				for (int j = i + 1; j < nc; j++)
				{
					char	   *c = pnstrdup(cs[j], ce[j] - cs[j]);

					if (*c == '\0')
						continue;
					if (r->body.len > 0)
						appendStringInfoString(&r->body, " — ");
					appendStringInfoString(&r->body, c);
				}
				first = i;
			}
		}
		return;
	}

	s = pm_strip_marker(s, e, &marker);
	s = pm_strip_checkbox(s, e, &has_cb, &checked);
	/* prose first: "At 14:05 EAT, ... At 14:20 EAT, ..." is several entries */
	if (pm_timeline_prose(ps, ln, s, e))
		return;
	body = pm_entry_head(s, e, &st);
	if (body != NULL && st.has_time)
	{
		PmRawEntry *r = pm_new_entry(ps, &st, ln->lineno, ln->indent);

		if (body < e)
			appendBinaryStringInfo(&r->body, body, e - body);
		if (st.zone_unknown && st.zone_pos)
			r->text_from_zone = pnstrdup(st.zone_pos, e - st.zone_pos);
		return;
	}
	if (body != NULL && st.has_date && !st.has_time)
	{
		/* a date line heading the entries below it: "2015-10-21 (all times UTC)" */
		pm_new_entry(ps, &st, ln->lineno, -1);
		ps->date_markers++;
		if (body < e && pm_contains_ci(body, e - body, "time"))
			pm_scan_zone(ps, body, e);
		return;
	}
	/* a time inside a sentence: "The issue was detected at 10:05 AM." */
	if (pm_timeline_sentences(ps, ln, s, e))
		return;
	/* continuation of the entry above, when indented under it or under its heading */
	if (ps->nraw > 0 && ps->raw[ps->nraw - 1].indent >= 0 &&
		(ln->indent > ps->raw[ps->nraw - 1].indent || ps->raw[ps->nraw - 1].body.len == 0 ||
		 ps->raw[ps->nraw - 1].open_body))
	{
		PmRawEntry *r = &ps->raw[ps->nraw - 1];

		if (r->body.len > 0)
			appendStringInfoChar(&r->body, ' ');
		appendBinaryStringInfo(&r->body, s, e - s);
		return;
	}
	/* "All times are UTC" */
	if (ps->nraw == 0 && pm_contains_ci(ln->s, ln->len, "time"))
		pm_scan_zone(ps, ln->s, e);
}

/* ----- measures ----- */
static const char *pm_task_status_word(const char *s, int len);

static PmItem *
pm_new_item(PmParser *ps, int indent)
{
	PmItem	   *it;

	if (ps->nitems == ps->maxitems)
	{
		ps->maxitems = ps->maxitems ? ps->maxitems * 2 : 16;
		ps->items = ps->items ? repalloc(ps->items, sizeof(PmItem) * ps->maxitems) :
			palloc(sizeof(PmItem) * ps->maxitems);
	}
	it = &ps->items[ps->nitems++];
	memset(it, 0, sizeof(PmItem));
	initStringInfo(&it->text);
	it->group = ps->group;
	it->indent = indent;
	return it;
}

/* "Status: X" / "Owner: X" / "Due: X" labels; returns which, sets value */
static int
pm_task_label(const char *s, const char *e, const char **value)
{
	static const char *const labels[] = {"status", "owner", "assignee", "assigned to", "due", "due date", "state"};
	static const int which[] = {1, 2, 2, 2, 3, 3, 1};
	const char *p = pm_skip_decor(s, e);
	char		c = (p < e) ? pm_lower(*p) : '\0';

	if (c != 's' && c != 'o' && c != 'a' && c != 'd')
		return 0;
	for (int i = 0; i < lengthof(labels); i++)
	{
		int			n = strlen(labels[i]);

		if (pm_word_ci(p, e, labels[i]))
		{
			const char *q = pm_skip_decor(p + n, e);

			if (q < e && *q == ':')
			{
				*value = pm_skip_decor(q + 1, e);
				return which[i];
			}
			/* "due 2024-06-01", "due June 1": the date says it is a label */
			if (which[i] == 3 && q > p + n)
			{
				int			y,
							m,
							d;

				if (pm_read_date(q, e, &y, &m, &d) > 0)
				{
					*value = q;
					return 3;
				}
			}
		}
	}
	return 0;
}

static void
pm_measures_line(PmParser *ps, const PmLine *ln)
{
	const char *s = ln->s,
			   *e = ln->s + ln->len,
			   *value;
	bool		marker;
	PmItem	   *last = ps->nitems > ps->items_at_heading ? &ps->items[ps->nitems - 1] : NULL;
	int			label;

	if (*s == '|')
	{
		const char *cs[16],
				   *ce[16];
		int			nc;
		PmItem	   *it;

		if (pm_table_separator(s, e))
			return;
		nc = pm_table_cells(s, e, cs, ce, 16);
		if (!ps->in_task_table)
		{
			/* a header row names the columns */
			ps->in_task_table = true;
			ps->task_cols[0] = 0;
			ps->task_cols[1] = ps->task_cols[2] = ps->task_cols[3] = -1;
			for (int i = 0; i < nc; i++)
			{
				char	   *h = pm_clean(cs[i], ce[i]);
				int			hl = strlen(h);

				if (pm_contains_ci(h, hl, "owner") || pm_contains_ci(h, hl, "assignee") ||
					pm_word_ci(h, h + hl, "who"))
					ps->task_cols[1] = i;
				else if (pm_contains_ci(h, hl, "status") || pm_contains_ci(h, hl, "state"))
					ps->task_cols[2] = i;
				else if (pm_contains_ci(h, hl, "due"))
					ps->task_cols[3] = i;
				else if (pm_contains_ci(h, hl, "task") || pm_contains_ci(h, hl, "action") ||
						 pm_contains_ci(h, hl, "item") || pm_contains_ci(h, hl, "description") ||
						 pm_contains_ci(h, hl, "title") || pm_contains_ci(h, hl, "what"))
					ps->task_cols[0] = i;
			}
			return;
		}
		if (ps->task_cols[0] >= nc)
			return;
		it = pm_new_item(ps, ln->indent);
		{
			const char *ts = pm_strip_checkbox(cs[ps->task_cols[0]], ce[ps->task_cols[0]],
											   &it->has_checkbox, &it->checked);

			appendBinaryStringInfo(&it->text, ts, ce[ps->task_cols[0]] - ts);
		}
		if (ps->task_cols[1] >= 0 && ps->task_cols[1] < nc && ce[ps->task_cols[1]] > cs[ps->task_cols[1]])
			it->owner = pm_clean(cs[ps->task_cols[1]], ce[ps->task_cols[1]]);
		if (ps->task_cols[2] >= 0 && ps->task_cols[2] < nc && ce[ps->task_cols[2]] > cs[ps->task_cols[2]])
			it->status_text = pm_clean(cs[ps->task_cols[2]], ce[ps->task_cols[2]]);
		if (ps->task_cols[3] >= 0 && ps->task_cols[3] < nc && ce[ps->task_cols[3]] > cs[ps->task_cols[3]])
			it->due = pm_clean(cs[ps->task_cols[3]], ce[ps->task_cols[3]]);
		/* no Status column: a status word ending another cell ("n/a DONE") */
		for (int i = 0; i < nc && it->status_text == NULL && ps->task_cols[2] < 0; i++)
		{
			const char *w = ce[i];

			if (i == ps->task_cols[0] || i == ps->task_cols[1])
				continue;
			while (w > cs[i] && !isspace((unsigned char) w[-1]))
				w--;
			if (pm_task_status_word(w, ce[i] - w))
				it->status_text = pnstrdup(w, ce[i] - w);
		}
		return;
	}
	ps->in_task_table = false;

	s = pm_strip_marker(s, e, &marker);
	/* an attribute line under an item: "  - *Status:* In progress" */
	label = pm_task_label(s, e, &value);
	if (label && last && ln->indent >= last->indent)
	{
		char	   *v = pm_clean(value, e);

		if (label == 1)
			last->status_text = v;
		else if (label == 2)
			last->owner = v;
		else
			last->due = v;
		return;
	}
	if (last && ln->indent > last->indent && (marker || ln->indent >= last->indent + 2))
		return;					/* other detail under an item */
	if (!marker && ln->indent == 0)
		return;					/* prose around the list */
	{
		PmItem	   *it = pm_new_item(ps, ln->indent);

		s = pm_strip_checkbox(s, e, &it->has_checkbox, &it->checked);
		appendBinaryStringInfo(&it->text, s, e - s);
	}
}

/* ---------------------------------------------------------------------
 * statuses and kinds
 * ---------------------------------------------------------------------
 */
static const char *
pm_task_status_word(const char *s, int len)
{
	static const struct
	{
		const char *word;
		const char *status;
	}			words[] =
	{
		{"completed", "done"}, {"complete", "done"}, {"done", "done"}, {"finished", "done"},
		{"fixed", "done"}, {"closed", "done"}, {"resolved", "done"}, {"shipped", "done"},
		{"in progress", "in_progress"}, {"in-progress", "in_progress"}, {"in_progress", "in_progress"},
		{"ongoing", "in_progress"}, {"underway", "in_progress"}, {"wip", "in_progress"},
		{"started", "in_progress"}, {"doing", "in_progress"},
		{"to be started", "todo"}, {"not started", "todo"}, {"todo", "todo"}, {"to do", "todo"},
		{"to-do", "todo"}, {"open", "todo"}, {"pending", "todo"}, {"planned", "todo"},
		{"not yet started", "todo"}, {"new", "todo"},
		{"scheduled", "scheduled"}, {"blocked", "blocked"}, {"on hold", "blocked"},
		{"won't do", "wont_do"}, {"won’t do", "wont_do"}, {"wont do", "wont_do"},
		{"wont_do", "wont_do"}, {"cancelled", "wont_do"}, {"canceled", "wont_do"},
		{"dropped", "wont_do"}
	};
	const char *a = s,
			   *b = s + len;

	/* white space, emphasis, brackets and emoji (any non-ASCII) around it */
	while (a < b && (isspace((unsigned char) *a) || *a == '*' || *a == '_' || *a == '`' ||
					 *a == '(' || (*a & 0x80)))
		a++;
	while (b > a && (isspace((unsigned char) b[-1]) || b[-1] == '*' || b[-1] == '.' ||
					 b[-1] == '_' || b[-1] == '`' || b[-1] == ')' || (b[-1] & 0x80)))
		b--;
	for (int i = 0; i < lengthof(words); i++)
	{
		int			n = strlen(words[i].word);

		if (b - a == n && pm_prefix_ci(a, b, words[i].word))
			return words[i].status;
	}
	/* a status column holding a mark alone: ✅ ✔ ☑ done, 🚧 ⏳ in progress, ❌ won't do */
	if (a == b)
	{
		static const struct
		{
			const char *mark;
			const char *status;
		}			marks[] =
		{
			{"\xe2\x9c\x85", "done"}, {"\xe2\x9c\x94", "done"}, {"\xe2\x98\x91", "done"},
			{"\xf0\x9f\x9a\xa7", "in_progress"}, {"\xe2\x8f\xb3", "in_progress"},
			{"\xe2\x9d\x8c", "wont_do"}
		};

		a = s;
		while (a < s + len && isspace((unsigned char) *a))
			a++;
		for (int i = 0; i < lengthof(marks); i++)
			if (pm_prefix_ci(a, s + len, marks[i].mark))
				return marks[i].status;
	}
	return NULL;
}


/*
 * The kind of a timeline entry, from its words.  Most keywords are absent
 * from most entries: a table of the letter pairs the text holds rules them
 * out before strstr() looks.
 */
#define PAIR(a, b) ((((unsigned char) (a)) & 31) * 32 + (((unsigned char) (b)) & 31))
#define PAIR_IN(a, b) (pairs[PAIR(a, b) / 32] & (1u << (PAIR(a, b) % 32)))
#define HAS(w) (PAIR_IN((w)[0], (w)[1]) && PAIR_IN((w)[1], (w)[2]) && \
				PAIR_IN((w)[2], (w)[3]) && strstr(low, (w)) != NULL)

static const char *
pm_timeline_kind(const char *s, int len, bool *begins)
{
	char		buf[512];
	char	   *low = pm_lower_copy(s, len, buf, sizeof(buf));
	uint32		pairs[32] = {0};

	for (int i = 0; i + 1 < len; i++)
	{
		int			pr = PAIR(low[i], low[i + 1]);

		pairs[pr / 32] |= 1u << (pr % 32);
	}

	/* "OUTAGE BEGINS", "customer impact began": where the incident starts */
	*begins = (HAS("outage begin") || HAS("outage began") || HAS("outage start") ||
			   HAS("impact begin") || HAS("impact began") || HAS("impact start") ||
			   HAS("incident begin") || HAS("incident began"));

	if (HAS("misleading") || HAS("red herring") || HAS("false lead") ||
		HAS("wrong path") || HAS("dead end"))
		return "misleading_path";
	if (HAS("resolved") || HAS("restored") || HAS("restoration") || HAS("recovered") ||
		HAS("back to normal") || HAS("returned to normal") || HAS("all clear") ||
		HAS("incident closed") || HAS("incident end") || HAS("outage end"))
		return "resolution";
	if (HAS("rolled back") || HAS("roll back") || HAS("rollback") || HAS("rolling back") ||
		HAS("revert") || HAS("mitigat") || HAS("failover") || HAS("failed over") ||
		HAS("workaround") || HAS("hotfix"))
		return "mitigation";
	if (HAS("escalat"))
		return "escalation";
	if (HAS("detected") || HAS("detection") || HAS("detects") || HAS("alert") || HAS("noticed") ||
		HAS("paged") || HAS("pager"))
		return "detection";
	if (HAS("summoned"))
		return "escalation";
	if (HAS("status page") || HAS("statuspage") || HAS("notified customers") ||
		HAS("announce") || HAS("communicat"))
		return "communication";
	return "action";
}

#undef HAS
#undef PAIR_IN
#undef PAIR
#define HAS(w) (strstr(low, (w)) != NULL)


static const char *
pm_task_kind(const char *s, int len)
{
	char		buf[512];
	char	   *low = pm_lower_copy(s, len, buf, sizeof(buf));

	if (HAS("investigat") || HAS("feasibility"))
		return "investigation";
	if (HAS("training") || HAS("meeting") || HAS("procedure") || HAS("process") ||
		HAS("communication"))
		return "process";
	if (HAS("prevent") || HAS("monitor") || HAS("alert") || HAS("regular") || HAS("test"))
		return "preventative";
	return "corrective";
}

#undef HAS


/* ---------------------------------------------------------------------
 * tasks from items
 * ---------------------------------------------------------------------
 */
/*
 * Cut what taking labels and statuses out of a task's title leaves at its
 * end: separators, dashes and empty brackets ("()", "(,)").  Returns the
 * new end.
 */
static char *
pm_trim_leftovers(char *t, char *e)
{
	for (;;)
	{
		char	   *b = e;

		while (b > t && (isspace((unsigned char) b[-1]) || b[-1] == '-' || b[-1] == '|' ||
						 b[-1] == ';' || b[-1] == ','))
			b--;
		if (b - 3 >= t && (unsigned char) b[-3] == 0xe2 && (unsigned char) b[-2] == 0x80 &&
			((unsigned char) b[-1] == 0x93 || (unsigned char) b[-1] == 0x94))
			b -= 3;
		if (b - 2 >= t && (b[-1] == ')' || b[-1] == ']'))
		{
			/* brackets the labels were cut from: "()", "(,)" */
			char	   *o = b - 2;

			while (o > t && (*o == ' ' || *o == ',' || *o == ';'))
				o--;
			if (*o == (b[-1] == ')' ? '(' : '['))
				b = o;
		}
		if (b == e)
			break;
		e = b;
		*e = '\0';
	}
	return e;
}

static void
pm_finish_task(PmParser *ps, PmItem *it, PmTask *task)
{
	char	   *t = pm_clean(it->text.data, it->text.data + it->text.len);
	char	   *e = t + strlen(t);
	char	   *p;
	const char *status = NULL;

	/* "Task 1:", "Action 2:", "TODO:" */
	{
		char	   *q = t;

		if (pm_word_ci(q, e, "task") || pm_word_ci(q, e, "action") || pm_word_ci(q, e, "item") ||
			pm_word_ci(q, e, "todo"))
		{
			while (q < e && isalpha((unsigned char) *q))
				q++;
			q = (char *) pm_skip_space(q, e);
			while (q < e && (isdigit((unsigned char) *q) || *q == '#'))
				q++;
			if (q < e && (*q == ':' || *q == '.' || *q == ')'))
				t = (char *) pm_skip_space(q + 1, e);
		}
	}

	/* a leading check mark, and "Done: ..." / "[In progress] ..." */
	{
		char	   *q = t;

		if (e - q >= 3 && (unsigned char) q[0] == 0xe2 && (unsigned char) q[1] == 0x9c &&
			((unsigned char) q[2] == 0x85 || (unsigned char) q[2] == 0x94 ||
			 (unsigned char) q[2] == 0x93))
		{
			if (it->status_text == NULL && !it->has_checkbox)
				it->status_text = pstrdup("done");
			t = q = (char *) pm_skip_space(q + 3, e);
			if (e - q >= 3 && (unsigned char) q[0] == 0xef && (unsigned char) q[1] == 0xb8)
				t = q = (char *) pm_skip_space(q + 3, e);	/* variation selector */
		}
		for (char *c = q; c < e && c - q < 20; c++)
		{
			if (*c == ':' || (*c == ']' && *q == '['))
			{
				const char *w = (*q == '[') ? q + 1 : q;

				if (pm_task_status_word(w, c - w))
				{
					it->status_text = pnstrdup(w, c - w);
					t = (char *) pm_skip_space(c + 1, e);
				}
				break;
			}
		}
	}

	/* inline labels: "— Status: In progress — Owner: alice" */
	for (p = t; p < e; p++)
	{
		const char *value;
		int			label;

		if (p > t && pm_isalnum(p[-1]))
			continue;
		label = pm_task_label(p, e, &value);
		if (label)
		{
			const char *ve = value;
			char	   *cut = p;

			while (ve < e && *ve != '|' && *ve != ';' && *ve != ')' && *ve != ']' &&
				   *ve != ',' && !((unsigned char) *ve == 0xe2) &&
				   !(ve[0] == ' ' && ve + 1 < e && ve[1] == '-' && ve + 2 < e && ve[2] == ' '))
				ve++;
			{
				char	   *v = pnstrdup(value, ve - value);
				const char *a = v,
						   *b = v + strlen(v);

				pm_trim(&a, &b);
				v = pnstrdup(a, b - a);
				if (label == 1)
					it->status_text = v;
				else if (label == 2)
					it->owner = v;
				else
					it->due = v;
			}
			/* cut the label and its value out of the title */
			memmove(cut, ve, e - ve + 1);
			e -= (ve - cut);
			p = cut - 1;
		}
	}
	/* trailing separators and empty brackets left over */
	e = pm_trim_leftovers(t, e);

	/* an owner named by handle at the end: "(@alice)" */
	if (it->owner == NULL && e - t > 3 && e[-1] == ')')
	{
		char	   *o = e - 2;

		while (o > t && (pm_isalnum(*o) || *o == '-' || *o == '_' || *o == '.'))
			o--;
		if (o > t && *o == '@' && o[-1] == '(' && o + 1 < e - 1)
		{
			it->owner = pnstrdup(o, e - 1 - o);
			e = o - 1;
			while (e > t && isspace((unsigned char) e[-1]))
				e--;
			*e = '\0';
		}
	}
	/* a status word at the end: "(Completed)", "[done]", " - In progress" */
	if (it->status_text == NULL)
	{
		char	   *b = e;

		if (b > t && (b[-1] == ')' || b[-1] == ']'))
		{
			char		open = b[-1] == ')' ? '(' : '[';
			char	   *o = b - 1;

			char	   *w;

			while (o > t && *o != open)
				o--;
			/* "(owner: Jo, completed)" leaves "(, completed)" */
			for (w = o + 1; w < b && (*w == ',' || *w == ';' || *w == ' '); w++)
				;
			if (*o == open && pm_task_status_word(w, b - 1 - w))
			{
				it->status_text = pnstrdup(w, b - 1 - w);
				e = o;
			}
		}
		else
		{
			for (char *o = b - 1; o > t; o--)
			{
				if ((*o == '-' && o[-1] == ' ') || *o == ':' ||
					((unsigned char) *o == 0xe2 && o + 2 < b))
				{
					char	   *w = o + ((unsigned char) *o == 0xe2 ? 3 : 1);

					if (pm_task_status_word(w, b - w))
					{
						it->status_text = pnstrdup(w, b - w);
						e = o;
					}
					break;
				}
			}
		}
		while (e > t && (isspace((unsigned char) e[-1]) || e[-1] == '-'))
			e--;
		if (e - 3 >= t && (unsigned char) e[-3] == 0xe2)
			e -= 3;
		while (e > t && isspace((unsigned char) e[-1]))
			e--;
		*e = '\0';
		/* "Pool alerts (Owner: Ravi) - Done" leaves "Pool alerts ()" */
		e = pm_trim_leftovers(t, e);
	}

	if (it->status_text)
	{
		status = pm_task_status_word(it->status_text, strlen(it->status_text));
		if (status == NULL)
			pm_note(ps->doc, "task \"%s\": status \"%s\" not understood; read as todo",
					t, it->status_text);
	}
	if (status == NULL)
		status = (it->has_checkbox && it->checked) ? "done" : "todo";
	if (it->has_checkbox && it->checked && strcmp(status, "done") != 0 && strcmp(status, "wont_do") != 0)
		pm_note(ps->doc, "task \"%s\" is checked but its status says \"%s\"; kept the status",
				t, it->status_text);
	task->title = pstrdup(t);
	task->status = status;
	task->kind = pm_task_kind(t, strlen(t));
	task->owner = it->owner;
	task->has_due = false;
	if (it->due)
	{
		int			y,
					m,
					d;
		const char *de = it->due + strlen(it->due);

		if (pm_read_date(it->due, de, &y, &m, &d) > 0 && y > 0)
			task->has_due = pm_zone_to_ts(ps->zone, y, m, d, 0, 0, 0, 0, &task->due_at);
	}
}

/* ---------------------------------------------------------------------
 * users affected
 * ---------------------------------------------------------------------
 */
static bool
pm_users_word(const char *p, const char *e)
{
	static const char *const words[] = {"user", "customer", "client", "visitor", "account",
	"member", "player", "subscriber", "people", "tenant", "shopper", "merchant",
	"daily active", "active user", "of our", "of all", "of the"};

	for (int i = 0; i < lengthof(words); i++)
		if (pm_prefix_ci(p, e, words[i]))
			return true;
	return false;
}

/* white space, also a line break inside a paragraph ("40% of\ncustomers") */
static const char *
pm_skip_ws(const char *p, const char *e)
{
	while (p < e && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
		p++;
	return p;
}

/* a thousands separator: ",200" */
static bool
pm_thousands(const char *q, const char *e)
{
	return *q == ',' && q + 3 < e && isdigit((unsigned char) q[1]) &&
		isdigit((unsigned char) q[2]) && isdigit((unsigned char) q[3]) &&
		(q + 4 >= e || !isdigit((unsigned char) q[4]));
}

/*
 * "35 %", "60% of our users", "1,200 users", "127 of our users", "1.2
 * million users".  bare: the text is a Users affected field, where a number
 * needs no "users" after it.
 */
static void
pm_users(PmParser *ps, const char *s, int len, bool bare)
{
	const char *e = s + len;
	PmDocument *doc = ps->doc;

	for (const char *p = s; p < e; p++)
	{
		const char *q = p;
		double		v = 0;
		int64		count = 0;
		int			nd = 0;
		bool		frac = false;
		double		scale = 0.1;

		if (!isdigit((unsigned char) *p) ||
			(p > s && (isalnum((unsigned char) p[-1]) || p[-1] == '.' || p[-1] == ',')))
			continue;
		while (q < e && (isdigit((unsigned char) *q) ||
						 (!frac && pm_thousands(q, e)) ||
						 (*q == '.' && !frac && q + 1 < e && isdigit((unsigned char) q[1]))))
		{
			if (*q == '.')
				frac = true;
			else if (isdigit((unsigned char) *q))
			{
				if (frac)
				{
					v += (*q - '0') * scale;
					scale /= 10;
				}
				else
				{
					v = v * 10 + (*q - '0');
					if (count < INT64CONST(100000000000))
						count = count * 10 + (*q - '0');
				}
				nd++;
			}
			q++;
		}
		if (nd == 0)
			continue;
		{
			const char *r = pm_skip_ws(q, e);

			if (r < e && (*r == '%' || pm_word_ci(r, e, "percent")))
			{
				const char *t = r + (*r == '%' ? 1 : 7);
				int			words = 0;

				if (bare && !doc->has_users_pct && v <= 100)
				{
					doc->has_users_pct = true;
					doc->users_pct = v;
				}
				/* "one in five users (20%)": the share in brackets after the users */
				if (!doc->has_users_pct && v <= 100)
				{
					const char *b = p;

					while (b > s && (b[-1] == ' ' || b[-1] == '~'))
						b--;
					if (b > s && b[-1] == '(')
					{
						b--;
						while (b > s && b[-1] == ' ')
							b--;
						while (b > s && isalpha((unsigned char) b[-1]))
							b--;
						if (pm_users_word(b, p))
						{
							doc->has_users_pct = true;
							doc->users_pct = v;
						}
					}
				}
				/* users within the next few words */
				for (t = pm_skip_ws(t, e); t < e && words < 6; words++)
				{
					if (isdigit((unsigned char) *t))
						break;	/* "90% of requests from 55% of users" */
					if (pm_users_word(t, e))
					{
						if (!doc->has_users_pct && v <= 100)
						{
							doc->has_users_pct = true;
							doc->users_pct = v;
						}
						break;
					}
					while (t < e && !isspace((unsigned char) *t) && *t != '.' && *t != ';')
						t++;
					if (t < e && (*t == '.' || *t == ';'))
						break;
					t = pm_skip_ws(t, e);
				}
				/* "affected 35 % of" handled above; also "users: 35%" */
				p = r;
				continue;
			}
			if (!doc->has_users_count)
			{
				const char *t = r;
				int			words = 0;
				double		mult = 1;

				/* "3k", "1.2 million", "40 thousand" */
				if (q < e && (*q == 'k' || *q == 'K') && (q + 1 >= e || !isalpha((unsigned char) q[1])))
				{
					mult = 1e3;
					t = pm_skip_ws(q + 1, e);
				}
				else if (pm_word_ci(r, e, "thousand"))
				{
					mult = 1e3;
					t = pm_skip_ws(r + 8, e);
				}
				else if (pm_word_ci(r, e, "million"))
				{
					mult = 1e6;
					t = pm_skip_ws(r + 7, e);
				}
				if (frac && mult == 1)
					t = NULL;	/* "2.5 users" is not a count */
				else if (mult > 1)
					count = (int64) (v * mult + 0.5);
				if (t == NULL)
					t = e;
				else if (bare)
				{
					/* "Users affected: 1,450": the field says what is counted */
					doc->has_users_count = true;
					doc->users_count = count;
					t = e;
				}

				/* "1,200 users", "127 of our users" */
				for (; t < e && words < 3; words++)
				{
					if (pm_prefix_ci(t, e, "user") || pm_prefix_ci(t, e, "customer") ||
						pm_prefix_ci(t, e, "client") || pm_prefix_ci(t, e, "account") ||
						pm_prefix_ci(t, e, "subscriber") || pm_prefix_ci(t, e, "visitor"))
					{
						doc->has_users_count = true;
						doc->users_count = count;
						break;
					}
					if (!(pm_word_ci(t, e, "of") || pm_word_ci(t, e, "our") ||
						  pm_word_ci(t, e, "the") || pm_word_ci(t, e, "active") ||
						  pm_word_ci(t, e, "affected") || pm_word_ci(t, e, "paying") ||
						  pm_word_ci(t, e, "daily") || pm_word_ci(t, e, "unique")))
						break;
					while (t < e && isalpha((unsigned char) *t))
						t++;
					t = pm_skip_ws(t, e);
				}
			}
			p = q - 1;
		}
	}
}

/*
 * "all users", "all of our customers", "every user": the whole user base
 * ("all users in the EU" is not).
 */
static bool
pm_users_all(const char *s, int len)
{
	const char *e = s + len;

	for (const char *p = s; p < e; p++)
	{
		const char *t;

		if (!(*p == 'a' || *p == 'A' || *p == 'e' || *p == 'E') || (p > s && pm_isalnum(p[-1])))
			continue;
		if (p - s >= 4 && pm_prefix_ci(p - 4, e, "not "))
			continue;			/* "not all users" */
		if (pm_word_ci(p, e, "all"))
			t = p + 3;
		else if (pm_word_ci(p, e, "every"))
			t = p + 5;
		else
			continue;
		for (int words = 0; words < 3; words++)
		{
			t = pm_skip_ws(t, e);
			if (pm_prefix_ci(t, e, "user") || pm_prefix_ci(t, e, "customer") ||
				pm_prefix_ci(t, e, "client") || pm_prefix_ci(t, e, "subscriber") ||
				pm_prefix_ci(t, e, "visitor") || pm_prefix_ci(t, e, "account"))
			{
				/* "all users in the EU", "all customers on the EU cluster": a part */
				static const char *const qualifiers[] = {"in", "on", "of", "from", "using",
				"with", "who", "whose", "that", "behind", "at"};

				while (t < e && isalpha((unsigned char) *t))
					t++;
				t = pm_skip_ws(t, e);
				for (int k = 0; k < lengthof(qualifiers); k++)
					if (pm_word_ci(t, e, qualifiers[k]))
						return false;
				return true;
			}
			if (!(pm_word_ci(t, e, "of") || pm_word_ci(t, e, "our") ||
				  pm_word_ci(t, e, "the") || pm_word_ci(t, e, "active")))
				break;
			while (t < e && isalpha((unsigned char) *t))
				t++;
		}
	}
	return false;
}

/* ---------------------------------------------------------------------
 * the summary's duration
 * ---------------------------------------------------------------------
 */

/* does a word start at p?  UTF-8 dashes, arrows and spaces end words too */
static bool
pm_word_start(const char *s, const char *p)
{
	if (p == s || !pm_isalnum(p[-1]))
		return true;
	if (p - s >= 3 && (unsigned char) p[-3] == 0xe2 &&
		(((unsigned char) p[-2] == 0x80 && (unsigned char) p[-1] >= 0x90 && (unsigned char) p[-1] <= 0x95) ||
		 (unsigned char) p[-2] == 0x86))
		return true;			/* U+2010-2015 dashes, U+2190-21BF arrows */
	if (p - s >= 2 && (unsigned char) p[-2] == 0xc2 && (unsigned char) p[-1] == 0xa0)
		return true;			/* no-break space */
	return false;
}

static void
pm_scan_stamps(const char *s, int len, PmStamps *out)
{
	const char *e = s + len;

	for (const char *p = s; p < e && out->n < 16; p++)
	{
		int			n;

		if (!pm_word_start(s, p))
			continue;
		if (!isalnum((unsigned char) *p))
			continue;
		n = pm_read_stamp(p, e, &out->st[out->n]);
		if (n > 0)
		{
			out->n++;
			p += n - 1;
		}
	}
}

static void
pm_fmt_time(StringInfo buf, int h, int mi)
{
	appendStringInfo(buf, "%d:%02d %s", h % 12 == 0 ? 12 : h % 12, mi, h < 12 ? "AM" : "PM");
}

static char *
pm_fmt_hm(int h, int mi)
{
	StringInfoData buf;

	initStringInfo(&buf);
	pm_fmt_time(&buf, h, mi);
	return buf.data;
}

static void
pm_add_days(int *y, int *m, int *d, int days)
{
	int			j = date2j(*y, *m, *d) + days;

	j2date(j, y, m, d);
}

/* ---------------------------------------------------------------------
 * the parser
 * ---------------------------------------------------------------------
 */
static bool
pm_generic_title(const char *t)
{
	static const char *const generic[] = {"postmortem", "post-mortem", "post mortem",
		"postmortem report", "post-mortem report", "incident report", "incident postmortem",
	"postmortem document", "incident post-mortem", "pir", "post-incident review"};

	for (int i = 0; i < lengthof(generic); i++)
		if (pg_strcasecmp(t, generic[i]) == 0)
			return true;
	return false;
}

/* pass 1: sort the lines into the sections of the template */
static void
pm_read_sections(PmParser *ps)
{
	PmDocument *doc = ps->doc;
	PmSection	sec = SEC_NONE;
	bool		blank_before = false;
	bool		generic_title = false;
	int			h1_count = 0;

	/* level 1 headings: one is the title, several are the parts */
	for (int i = 0; i < ps->nlines && h1_count < 2; i++)
	{
		const PmLine *ln = &ps->lines[i];

		if (!ln->code && ln->len >= 2 && ln->s[0] == '#' && ln->s[1] == ' ')
			h1_count++;
	}

	/* pass 1: sections */
	for (int i = 0; i < ps->nlines; i++)
	{
		PmLine	   *ln = &ps->lines[i];
		PmLine	   *next = (i + 1 < ps->nlines) ? &ps->lines[i + 1] : NULL;
		bool		atx;
		int			level;
		char	   *name;
		bool		newpara = blank_before;

		if (ln->code)
		{
			if (sec == SEC_TIMELINE)
				ln->section = SEC_TIMELINE;
			continue;
		}
		if (ln->len == 0)
		{
			blank_before = true;
			continue;
		}
		blank_before = false;
		/* horizontal rules and setext underlines */
		if (ln->len >= 3 && (ln->s[0] == '-' || ln->s[0] == '=' || ln->s[0] == '*' || ln->s[0] == '_'))
		{
			bool		rule = true;

			for (int k = 0; k < ln->len; k++)
				if (ln->s[k] != ln->s[0] && ln->s[k] != ' ')
					rule = false;
			if (rule)
				continue;
		}

		name = pm_heading(ln, next, &atx, &level);
		if (name != NULL)
		{
			PmHeadKind hk = pm_head_kind(name);
			PmStamp		st;
			int			nlen = strlen(name);

			/* a date heading inside the timeline ("### May 16, 2023") */
			if (sec == SEC_TIMELINE && hk == HEAD_OTHER &&
				pm_read_stamp(name, name + nlen, &st) == nlen && st.has_date && !st.has_time)
			{
				pm_new_entry(ps, &st, ln->lineno, -1);
				ps->date_markers++;
				continue;
			}
			/* an entry as a heading ("### 14:05 UTC", "**14:05 UTC**"), text below */
			if (sec == SEC_TIMELINE && hk == HEAD_OTHER)
			{
				const char *body = pm_entry_head(name, name + nlen, &st);

				if (body != NULL && st.has_time)
				{
					PmRawEntry *r = pm_new_entry(ps, &st, ln->lineno, ln->indent);

					if (body < name + nlen)
						appendBinaryStringInfo(&r->body, body, name + nlen - body);
					r->open_body = true;
					continue;
				}
			}
			if (doc->title == NULL && sec == SEC_NONE &&
				(hk == HEAD_OTHER ||
				 (atx && level == 1 && h1_count == 1 && pm_count_words(name) >= 3)))
			{
				/*
				 * The title, also when it holds a section's word ("# DNS
				 * resolution failures", "# Incident summary — login
				 * latency"): a lone "#" heading of three words or more
				 * names the document, the "##" headings its parts.
				 */
				doc->title = name;
				generic_title = pm_generic_title(name);
				continue;
			}
			if (generic_title && hk == HEAD_OTHER && sec == SEC_NONE && atx)
			{
				doc->title = name;
				generic_title = false;
				continue;
			}
			if (sec == SEC_MEASURES && (hk == HEAD_TASKS || hk == HEAD_IMPROVEMENTS ||
										(hk == HEAD_OTHER && !atx)))
			{
				ps->group = (hk == HEAD_TASKS) ? GROUP_TASKS : GROUP_IMPROVEMENTS;
				ps->saw_task_heading |= (hk == HEAD_TASKS);
				ps->in_task_table = false;
				ps->items_at_heading = ps->nitems;
				continue;
			}
			if (!atx && hk == HEAD_OTHER && (sec == SEC_SUMMARY || sec == SEC_NONE || sec == SEC_ROOT))
			{
				/* "**Duration:**" alone: a field label for the lines below */
				PmField		f = pm_field_kind(name);

				if (sec == SEC_ROOT)
				{
					/* keep as text */
				}
				else if (f != F_NONE)
				{
					ps->cur_field = pm_field_buf(ps, f);
					continue;
				}
				else if (sec == SEC_NONE && doc->title == NULL)
				{
					doc->title = name;
					continue;
				}
			}
			else if (!atx && hk == HEAD_OTHER && (sec == SEC_TIMELINE || sec == SEC_MEASURES))
				continue;
			else
			{
				if (hk != HEAD_OTHER)
					ps->parts_seen++;
				switch (hk)
				{
					case HEAD_SUMMARY:
						sec = SEC_SUMMARY;
						ps->cur_field = NULL;
						break;
					case HEAD_IMPACT:
						if (sec != SEC_SUMMARY)
							sec = SEC_SUMMARY;
						ps->cur_field = &ps->impact;
						break;
					case HEAD_TIMELINE:
						sec = SEC_TIMELINE;
						ps->saw_timeline = true;
						pm_scan_zone(ps, name, name + nlen);
						break;
					case HEAD_ROOT:
					case HEAD_RESOLUTION:
						if (sec != SEC_ROOT)
						{
							ps->root_combined = (hk == HEAD_ROOT &&
												pm_contains_ci(name, nlen, "resolution"));
							ps->root_labelled = false;
						}
						else
							ps->root_labelled = true;
						sec = SEC_ROOT;
						ps->root_field = (hk == HEAD_ROOT) ? &ps->root : &ps->resolution;
						break;
					case HEAD_MEASURES:
					case HEAD_TASKS:
					case HEAD_IMPROVEMENTS:
						/* the measures section, or one of its own lists */
						sec = SEC_MEASURES;
						ps->group = (hk == HEAD_TASKS) ? GROUP_TASKS :
							(hk == HEAD_IMPROVEMENTS) ? GROUP_IMPROVEMENTS : GROUP_DEFAULT;
						if (hk == HEAD_TASKS)
							ps->saw_task_heading = true;
						ps->in_task_table = false;
						ps->items_at_heading = ps->nitems;
						break;
					case HEAD_OTHER:
						sec = SEC_OTHER;
						break;
				}
				continue;
			}
		}

		switch (sec)
		{
			case SEC_NONE:
				if (doc->title == NULL)
				{
					doc->title = pm_clean(ln->s, ln->s + ln->len);
					generic_title = pm_generic_title(doc->title);
					break;
				}
				/* metadata above the first heading counts as summary */
				pm_summary_line(ps, ln, newpara);
				break;
			case SEC_SUMMARY:
				pm_summary_line(ps, ln, newpara);
				break;
			case SEC_TIMELINE:
				{
					int			j = pm_paragraph_end(ps, i);

					if (j > i + 1)
					{
						/* a hard-wrapped paragraph of prose: read it as one line */
						StringInfoData buf;
						PmLine		joined = *ln;

						initStringInfo(&buf);
						for (int k = i; k < j; k++)
						{
							if (k > i)
								appendStringInfoChar(&buf, ' ');
							appendBinaryStringInfo(&buf, ps->lines[k].s, ps->lines[k].len);
						}
						joined.s = buf.data;
						joined.len = buf.len;
						pm_timeline_line(ps, &joined);
						i = j - 1;
					}
					else
						pm_timeline_line(ps, ln);
				}
				break;
			case SEC_ROOT:
				pm_root_line(ps, ln, newpara);
				break;
			case SEC_MEASURES:
				pm_measures_line(ps, ln);
				break;
			case SEC_OTHER:
				break;
		}
	}

	/*
	 * A timeline pasted as a code block (from chat, or to keep its columns):
	 * read the block's lines, but only when the timeline has no entries of
	 * its own, so that a log excerpt quoted among entries stays a quote.
	 */
	if (ps->nraw == 0)
		for (int i = 0; i < ps->nlines; i++)
		{
			PmLine	   *ln = &ps->lines[i];

			if (ln->code && ln->section == SEC_TIMELINE && ln->len > 0 &&
				strncmp(ln->s, "```", 3) != 0 && strncmp(ln->s, "~~~", 3) != 0 &&
				strncmp(ln->s, "<!--", 4) != 0 && strncmp(ln->s, "![", 2) != 0)
				pm_timeline_line(ps, ln);
		}
}

/*
 * A paragraph of prose in the timeline, wrapped over several lines ("At 2:05
 * PM ET, a migration added a column to the\nnotes table.  At 2:11 PM ..."):
 * the line at i and the lines after it that carry on its text (no list
 * marker, table, heading or time of their own).  Returns the line after
 * the paragraph; i + 1 when the line stands alone.
 */
static int
pm_paragraph_end(PmParser *ps, int i)
{
	const PmLine *ln = &ps->lines[i];
	bool		marker;
	int			j;

	if (ln->s[0] == '|')
		return i + 1;
	pm_strip_marker(ln->s, ln->s + ln->len, &marker);
	if (marker)
		return i + 1;
	for (j = i + 1; j < ps->nlines; j++)
	{
		const PmLine *l = &ps->lines[j];
		PmStamp		st;
		bool		atx;
		int			level;
		const char *body;

		/* a line that starts with a digit starts an entry ("14:05 ...") */
		if (l->code || l->len == 0 || l->s[0] == '|' || l->s[0] == '#' ||
			isdigit((unsigned char) l->s[0]) || l->indent > ln->indent)
			break;
		pm_strip_marker(l->s, l->s + l->len, &marker);
		if (marker)
			break;
		body = pm_entry_head(l->s, l->s + l->len, &st);
		if (body != NULL && (st.has_time || st.has_date))
			break;
		if (pm_heading(l, (j + 1 < ps->nlines) ? &ps->lines[j + 1] : NULL, &atx, &level) != NULL)
			break;
	}
	return j;
}

/* the summary: texts, users affected, the duration as it states it */
static void
pm_read_summary(PmParser *ps)
{
	PmDocument *doc = ps->doc;
	const PmOptions *opt = ps->opt;

	/* texts */
	if (doc->title && pg_strncasecmp(doc->title, "title:", 6) == 0)
		doc->title = (char *) pm_skip_space(doc->title + 6, doc->title + strlen(doc->title));
	if (doc->title == NULL || doc->title[0] == '\0')
	{
		doc->title = pstrdup("Untitled postmortem");
		pm_note(doc, "the document has no title; called it \"Untitled postmortem\"");
	}
	doc->summary = ps->summary.len ? ps->summary.data : NULL;
	doc->impact = ps->impact.len ? ps->impact.data : NULL;
	doc->root_cause = ps->root.len ? ps->root.data : (ps->sum_root.len ? ps->sum_root.data : NULL);
	doc->resolution = ps->resolution.len ? ps->resolution.data : NULL;

	/* users affected: the explicit field first, then impact, then summary */
	if (ps->users_field.len)
		pm_users(ps, ps->users_field.data, ps->users_field.len, true);
	if (ps->impact.len)
		pm_users(ps, ps->impact.data, ps->impact.len, false);
	if (ps->summary.len)
		pm_users(ps, ps->summary.data, ps->summary.len, false);
	if (ps->duration.len)
		pm_users(ps, ps->duration.data, ps->duration.len, false);
	/* no number anywhere: "all users", "every customer" */
	if (!doc->has_users_pct && !doc->has_users_count)
	{
		if ((ps->users_field.len && pm_users_all(ps->users_field.data, ps->users_field.len)) ||
			(ps->impact.len && pm_users_all(ps->impact.data, ps->impact.len)) ||
			(ps->summary.len && pm_users_all(ps->summary.data, ps->summary.len)))
		{
			doc->has_users_pct = true;
			doc->users_pct = 100;
		}
	}

	/* the document's zone: a Time zone field, else the summary's times */
	if (ps->zone_field && pm_zone_parse(ps->zone_field, &ps->doc_zone))
		ps->has_doc_zone = true;

	/* the duration, as the summary states it */
	memset(&ps->dur, 0, sizeof(ps->dur));
	if (ps->start_field.len || ps->end_field.len)
	{
		pm_scan_stamps(ps->start_field.data, ps->start_field.len, &ps->dur);
		if (ps->dur.n > 1)
			ps->dur.n = 1;
		pm_scan_stamps(ps->end_field.data, ps->end_field.len, &ps->dur);
	}
	if (ps->duration.len)
		pm_scan_stamps(ps->duration.data, ps->duration.len, &ps->dur);
	if (ps->dur.n == 0 || !(ps->dur.st[0].has_time || (ps->dur.n > 1 && ps->dur.st[1].has_time)))
	{
		/* no Duration field with times: the summary's prose, then the title */
		if (ps->summary.len)
			pm_scan_stamps(ps->summary.data, ps->summary.len, &ps->dur);
		if (ps->impact.len)
			pm_scan_stamps(ps->impact.data, ps->impact.len, &ps->dur);
		pm_scan_stamps(doc->title, strlen(doc->title), &ps->dur);
	}
	{
		PmStamp    *t0 = NULL,
				   *t1 = NULL,
				   *d0 = NULL,
				   *d1 = NULL;
		int			i0 = -1;

		for (int i = 0; i < ps->dur.n; i++)
		{
			PmStamp    *st = &ps->dur.st[i];

			if (st->has_date && st->y == 0)
			{
				if (opt->has_on_date)
					st->y = opt->on_year;
				else
					st->has_date = false;
			}
			if (st->has_time)
			{
				if (t0 == NULL)
				{
					t0 = st;
					i0 = i;
				}
				else if (t1 == NULL)
					t1 = st;
			}
			if (st->has_date)
			{
				if (d0 == NULL)
					d0 = st;
				else if (t0 != NULL && i > i0 && d1 == NULL && t1 == NULL)
					d1 = st;
			}
			if (st->has_zone && !ps->has_doc_zone)
			{
				ps->doc_zone = st->zone;
				ps->has_doc_zone = true;
			}
		}
		if (d0)
		{
			ps->has_base = true;
			ps->base_y = d0->y;
			ps->base_m = d0->m;
			ps->base_d = d0->d;
			ps->base_from = "the summary";
		}
		if (t0)
		{
			int			y0,
						m0,
						dd0;
			PmZone		z0,
						z1;

			ps->ntimes++;
			if (t0->has_date)
			{
				y0 = t0->y;
				m0 = t0->m;
				dd0 = t0->d;
			}
			else if (d0)
			{
				y0 = d0->y;
				m0 = d0->m;
				dd0 = d0->d;
			}
			else if (opt->has_on_date)
			{
				y0 = opt->on_year;
				m0 = opt->on_month;
				dd0 = opt->on_day;
			}
			else
				y0 = m0 = dd0 = 0;
			if (t0->has_date)
			{
				ps->has_base = true;
				ps->base_y = y0;
				ps->base_m = m0;
				ps->base_d = dd0;
				ps->base_from = "the summary";
			}
			z0 = t0->has_zone ? t0->zone : (t1 && t1->has_zone) ? t1->zone :
				ps->has_doc_zone ? ps->doc_zone : ps->default_zone;
			if (y0 && pm_zone_to_ts(&z0, y0, m0, dd0, t0->h, t0->mi, t0->s, t0->us, &ps->sum_start))
				ps->sum_has_start = true;
			ps->sum_range = psprintf("%s %s to %s %s", pm_fmt_hm(t0->h, t0->mi), z0.label,
								 t1 ? pm_fmt_hm(t1->h, t1->mi) : "?",
								 t1 ? (t1->has_zone ? t1->zone.label : z0.label) : "");
			if (t1)
			{
				int			y1 = y0,
							m1 = m0,
							dd1 = dd0;

				z1 = t1->has_zone ? t1->zone : z0;
				if (t1->has_date)
				{
					y1 = t1->y;
					m1 = t1->m;
					dd1 = t1->d;
				}
				else if (d1)
				{
					y1 = d1->y;
					m1 = d1->m;
					dd1 = d1->d;
				}
				if (y1 && pm_zone_to_ts(&z1, y1, m1, dd1, t1->h, t1->mi, t1->s, t1->us, &ps->sum_end))
				{
					ps->sum_has_end = true;
					if (ps->sum_has_start && ps->sum_end < ps->sum_start)
					{
						if (!t1->has_date && !d1)
						{
							pm_add_days(&y1, &m1, &dd1, 1);
							if (pm_zone_to_ts(&z1, y1, m1, dd1, t1->h, t1->mi, t1->s, t1->us, &ps->sum_end))
								pm_note(doc, "the summary's end (%s) is earlier than its start (%s); took it to be the next day",
										pm_fmt_hm(t1->h, t1->mi), pm_fmt_hm(t0->h, t0->mi));
						}
						else
						{
							pm_note(doc, "the summary's end is earlier than its start; ignored its end");
							ps->sum_has_end = false;
						}
					}
				}
			}
		}
	}

}

/* pass 2: the zone of the timeline and of the document */
static void
pm_settle_zones(PmParser *ps)
{
	PmDocument *doc = ps->doc;
	const PmOptions *opt = ps->opt;

	/*
	 * An abbreviation the summary explained ("1405 hrs IST (UTC+05:30)")
	 * means the same offset where the timeline uses it bare.
	 */
	for (int k = 0; k < ps->dur.n; k++)
	{
		const PmStamp *ds = &ps->dur.st[k];

		if (ds->abbr[0] == '\0')
			continue;
		if (ps->timeline_zone && strcmp(ps->timeline_zone, ds->abbr) == 0)
			ps->timeline_zone = pstrdup(ds->zone.label);
		for (int i = 0; i < ps->nraw; i++)
			if (ps->raw[i].st.has_zone && strcmp(ps->raw[i].st.zone.label, ds->abbr) == 0)
				ps->raw[i].st.zone = ds->zone;
	}

	/* pass 2: the timeline */
	if (ps->timeline_zone)
	{
		if (pm_zone_parse(ps->timeline_zone, &ps->tl_zone))
			ps->has_tl_zone = true;
	}
	{
		/* the zone most entries name */
		const char *best = NULL;
		int			bestn = 0;

		/* count each spelling; a timeline names only a few */
		const PmZone *seen[16];
		int			counts[16];
		int			nseen = 0;

		for (int i = 0; i < ps->nraw; i++)
		{
			int			k;

			if (!ps->raw[i].st.has_zone)
				continue;
			for (k = 0; k < nseen; k++)
				if (strcmp(seen[k]->label, ps->raw[i].st.zone.label) == 0)
					break;
			if (k == nseen)
			{
				if (nseen == lengthof(seen))
					continue;
				seen[nseen] = &ps->raw[i].st.zone;
				counts[nseen++] = 0;
			}
			if (++counts[k] > bestn)
			{
				bestn = counts[k];
				best = seen[k]->label;
				if (!ps->has_tl_zone)
					ps->tl_zone = *seen[k];
			}
		}
		if (best && !ps->has_tl_zone)
			ps->has_tl_zone = true;
		if (ps->has_tl_zone)
		{
			for (int i = 0; i < ps->nraw; i++)
			{
				PmStamp    *st = &ps->raw[i].st;

				if (st->has_zone && strcmp(st->zone.label, ps->tl_zone.label) != 0 && bestn * 2 > ps->nraw)
				{
					int			o1 = st->zone.fixed ? st->zone.offset_east : 0;
					int			o2 = ps->tl_zone.fixed ? ps->tl_zone.offset_east : 0;

					if (st->zone.fixed && ps->tl_zone.fixed && o1 == o2)
						pm_note(doc, "line %d names the zone \"%s\" where the rest of the timeline says \"%s\"; they are the same offset, read as %s",
								ps->raw[i].lineno, st->zone_word[0] ? st->zone_word : st->zone.label,
								ps->tl_zone.label, ps->tl_zone.label);
					else
						pm_note(doc, "line %d names the zone \"%s\" where the rest of the timeline says \"%s\"; kept \"%s\"",
								ps->raw[i].lineno, st->zone.label, ps->tl_zone.label, st->zone.label);
				}
			}
		}
	}
	if (!ps->has_doc_zone && ps->has_tl_zone)
	{
		ps->doc_zone = ps->tl_zone;
		ps->has_doc_zone = true;
	}
	if (!ps->has_doc_zone)
	{
		ps->doc_zone = ps->default_zone;
		if (ps->nraw > 0 || ps->ntimes > 0)
			pm_note(doc, "the document names no time zone; read its times in %s (%s)",
					ps->default_zone.label,
					opt->default_zone ? "the time_zone argument" : "the session's TimeZone");
	}
	if (!ps->has_tl_zone)
		ps->tl_zone = ps->doc_zone;
	else if (ps->has_doc_zone && (ps->sum_has_start || ps->zone_field))
	{
		int			y = ps->has_base ? ps->base_y : 2000,
					m = ps->has_base ? ps->base_m : 1,
					d = ps->has_base ? ps->base_d : 1;

		if (pm_zone_offset_at(&ps->tl_zone, y, m, d) != pm_zone_offset_at(&ps->doc_zone, y, m, d))
			pm_note(doc, "the timeline's times are in %s but the summary's are in %s; read each in its own zone",
					ps->tl_zone.label, ps->doc_zone.label);
	}

	doc->time_zone = pstrdup(ps->doc_zone.label);
}

/* where the timeline's dates come from; false when there are no times or no date */
static bool
pm_settle_dates(PmParser *ps)
{
	PmDocument *doc = ps->doc;
	const PmOptions *opt = ps->opt;

	/* where do the timeline's dates come from? */
	{
		int			first_dated = -1;

		for (int i = 0; i < ps->nraw; i++)
			if (ps->raw[i].st.has_date && (ps->raw[i].st.y > 0 || ps->has_base || opt->has_on_date))
			{
				first_dated = i;
				break;
			}
		if (!ps->has_base && first_dated >= 0)
		{
			PmStamp    *st = &ps->raw[first_dated].st;

			ps->has_base = true;
			ps->base_y = st->y ? st->y : (opt->has_on_date ? opt->on_year : 0);
			ps->base_m = st->m;
			ps->base_d = st->d;
			ps->base_from = "the timeline";
			if (ps->base_y == 0)
				ps->has_base = false;
		}
		if (!ps->has_base && opt->has_on_date)
		{
			ps->has_base = true;
			ps->base_y = opt->on_year;
			ps->base_m = opt->on_month;
			ps->base_d = opt->on_day;
			ps->base_from = "on_date";
			if (ps->nraw > 0 || ps->ntimes > 0)
				pm_note(doc, "the document names no date; used %04d-%02d-%02d from on_date",
						ps->base_y, ps->base_m, ps->base_d);
		}
		if (ps->nraw > 0 && ps->has_base && first_dated != 0 && strcmp(ps->base_from, "the summary") == 0)
			pm_note(doc, "the timeline's entries name no date; took %04d-%02d-%02d from the summary",
					ps->base_y, ps->base_m, ps->base_d);
		else if (ps->nraw > 0 && ps->has_base && first_dated > 0 && strcmp(ps->base_from, "the timeline") == 0)
			pm_note(doc, "the first timeline entries name no date; took %04d-%02d-%02d from a later entry",
					ps->base_y, ps->base_m, ps->base_d);
	}

	/* no times at all: nothing to import */
	{
		int			timed = 0;

		for (int i = 0; i < ps->nraw; i++)
			if (ps->raw[i].st.has_time)
				timed++;
		if (timed == 0 && ps->ntimes == 0)
		{
			doc->error = PM_ERROR_NO_TIMES;
			doc->error_message = pstrdup("postmortem document has no timeline");
			doc->error_detail = pstrdup(ps->saw_timeline ?
										"Its Timeline section has no entry that starts with a time, and the summary names no start time." :
										"It has no section headed Timeline, and the summary names no start time.");
			doc->error_hint = pstrdup("Write the timeline as lines that start with a time, e.g. \"- 14:05 UTC: alert fired\", under a heading \"Timeline\".");
			return false;
		}
		if (!ps->has_base)
		{
			doc->error = PM_ERROR_NO_DATE;
			doc->error_message = pstrdup("postmortem document names no date");
			doc->error_detail = pstrdup("It has times, but no date in the summary, the title or the timeline.");
			doc->error_hint = pstrdup("Pass the date as on_date, e.g. postmortem.import_markdown(doc, on_date => '2024-03-04').");
			return false;
		}
	}
	return true;
}

/* the entries: dates carried, midnight crossed, order checked */
static void
pm_build_entries(PmParser *ps)
{
	PmDocument *doc = ps->doc;

	{
		int			cy = ps->base_y,
					cm = ps->base_m,
					cd = ps->base_d;
		int			max_tod = -1;
		int			rolled = 0;
		int			disordered = 0;
		bool		has_named_zone = false;
		int			max_h = 0,
					max_mi = 0;

		doc->entries = palloc(sizeof(PmEntry) * Max(ps->nraw, 1));
		for (int i = 0; i < ps->nraw; i++)
			if (ps->raw[i].st.has_zone)
				has_named_zone = true;
		for (int i = 0; i < ps->nraw; i++)
		{
			PmRawEntry *r = &ps->raw[i];
			PmStamp    *st = &r->st;
			int			tod;
			PmZone		z;
			PmEntry    *en;
			const char *bs,
					   *be;

			if (st->has_date)
			{
				cy = st->y ? st->y : cy;
				cm = st->m;
				cd = st->d;
				max_tod = -1;
			}
			if (!st->has_time)
				continue;		/* a date line */
			tod = st->h * 3600 + st->mi * 60 + st->s;
			if (!st->has_date && max_tod >= 0 && tod < max_tod)
			{
				int			back = max_tod - tod;
				bool		next_day;

				next_day = pm_contains_ci(r->body.data, r->body.len, "next day") ||
					pm_contains_ci(r->body.data, r->body.len, "following day") ||
					pm_contains_ci(r->body.data, r->body.len, "next morning") ||
					pm_contains_ci(r->body.data, r->body.len, "overnight") ||
					(86400 - back) < back;
				if (next_day)
				{
					pm_add_days(&cy, &cm, &cd, 1);
					if (++rolled <= PM_MAX_NOTES_OF_A_KIND)
						pm_note(doc, "line %d: %s is earlier than %s before it; took it to be the next day, %04d-%02d-%02d",
								r->lineno, pm_fmt_hm(st->h, st->mi), pm_fmt_hm(max_h, max_mi), cy, cm, cd);
					max_tod = tod;
					max_h = st->h;
					max_mi = st->mi;
				}
				else if (++disordered <= PM_MAX_NOTES_OF_A_KIND)
					pm_note(doc, "line %d: %s comes after %s but is earlier; kept it at its stated time, out of order",
							r->lineno, pm_fmt_hm(st->h, st->mi), pm_fmt_hm(max_h, max_mi));
			}
			else if (tod >= max_tod)
			{
				max_tod = tod;
				max_h = st->h;
				max_mi = st->mi;
			}

			if (st->zone_unknown && !has_named_zone)
			{
				/* no entry names a zone: the word was text ("14:55 ALERT: ...") */
				StringInfoData b;

				initStringInfo(&b);
				if (r->text_from_zone)
					appendStringInfoString(&b, r->text_from_zone);
				else
					appendStringInfo(&b, "%s %s", st->zone_word, r->body.data);
				r->body = b;
				st->zone_unknown = false;
			}
			if (st->zone_unknown)
			{
				z = ps->tl_zone;
				pm_note(doc, "line %d names the zone \"%s\", which PostgreSQL does not know; read it as %s",
						r->lineno, st->zone_word, ps->tl_zone.label);
			}
			else
				z = st->has_zone ? st->zone : ps->tl_zone;

			bs = r->body.data;
			be = r->body.data + r->body.len;
			pm_trim(&bs, &be);
			if (bs == be)
			{
				pm_note(doc, "line %d: the entry at %s says nothing; left it out",
						r->lineno, pm_fmt_hm(st->h, st->mi));
				continue;
			}
			en = &doc->entries[doc->nentries];
			if (!pm_zone_to_ts(&z, cy, cm, cd, st->h, st->mi, st->s, st->us, &en->at))
			{
				pm_note(doc, "line %d: %04d-%02d-%02d is not a date; left the entry out",
						r->lineno, cy, cm, cd);
				continue;
			}
			en->body = pnstrdup(bs, be - bs);
			en->kind = pm_timeline_kind(en->body, be - bs, &en->begins);
			en->lineno = r->lineno;
			doc->nentries++;
		}
		if (rolled > PM_MAX_NOTES_OF_A_KIND)
			pm_note(doc, "%d more entries were taken to be on the next day", rolled - PM_MAX_NOTES_OF_A_KIND);
		if (disordered > PM_MAX_NOTES_OF_A_KIND)
			pm_note(doc, "%d more entries out of order were kept at their stated times",
					disordered - PM_MAX_NOTES_OF_A_KIND);
	}

}

/*
 * Does a timeline entry say that someone took the incident on: acknowledged
 * it, the on-call engineer confirmed it, an investigation or triage began?
 */
static bool
pm_says_acknowledged(const char *body)
{
	char		buf[512];
	static const char *const words[] = {
		"acknowledg", "on-call", "on call", "oncall", "investigat", "triag",
		"confirm", "assembled", "took ownership", "incident commander", "declared"
	};
	char	   *low = pm_lower_copy(body, (int) strlen(body), buf, sizeof(buf));

	for (int i = 0; i < lengthof(words); i++)
		if (strstr(low, words[i]) != NULL)
			return true;
	return false;
}

/* start, end, milestones and status */
static void
pm_settle_span(PmParser *ps)
{
	PmDocument *doc = ps->doc;

	/*
	 * Start and end: the summary's Duration is where the template states
	 * them, so it wins; a timeline that does not overlap it is noted.
	 */
	if (doc->nentries > 0)
	{
		TimestampTz first = doc->entries[0].at,
					last = doc->entries[0].at;

		for (int i = 1; i < doc->nentries; i++)
		{
			first = Min(first, doc->entries[i].at);
			last = Max(last, doc->entries[i].at);
		}
		if (ps->sum_has_start && ps->sum_has_end && (first > ps->sum_end || last < ps->sum_start))
		{
			pm_note(doc, "the summary's duration (%s) does not overlap the timeline's entries; kept the summary's start and end, and the entries at their stated times",
					ps->sum_range);
		}
		else if (ps->sum_has_start && !ps->sum_has_end && first > ps->sum_start + USECS_PER_DAY)
		{
			pm_note(doc, "the summary's start is more than a day before the timeline; took start and end from the timeline");
			ps->sum_start = first;
		}
		if (!ps->sum_has_start)
		{
			/* an entry that says the outage began, else the first entry */
			int			found = -1;

			for (int i = 0; i < doc->nentries && found < 0; i++)
				if (doc->entries[i].begins)
					found = i;
			ps->sum_start = found >= 0 ? doc->entries[found].at : first;
			ps->sum_has_start = true;
			if (found >= 0)
				pm_note(doc, "the summary names no start; the incident starts at the entry that says it began (line %d)",
						doc->entries[found].lineno);
			else
				pm_note(doc, "the summary names no start; the incident starts at the first timeline entry");
		}
		if (!ps->sum_has_end)
		{
			/* the last resolution entry, else the last entry */
			TimestampTz end = last;
			bool		found = false;

			for (int i = doc->nentries - 1; i >= 0 && !found; i--)
				if (strcmp(doc->entries[i].kind, "resolution") == 0)
				{
					end = doc->entries[i].at;
					found = true;
				}
			if (end < ps->sum_start)
				end = last;
			ps->sum_end = end;
			ps->sum_has_end = true;
			pm_note(doc, "the summary names no end; the incident ends at the %s",
					found ? "last entry that says it was resolved" : "last timeline entry");
		}
	}
	else if (ps->nraw == 0)
		pm_note(doc, "the document has no timeline entries");
	doc->has_start = ps->sum_has_start;
	doc->started_at = ps->sum_start;
	doc->has_end = ps->sum_has_end;
	doc->resolved_at = ps->sum_end;
	if (doc->has_start && doc->has_end && doc->resolved_at < doc->started_at)
		doc->has_end = false;

	/* milestones from the timeline */
	if (doc->has_start)
	{
		TimestampTz lo = doc->started_at;
		TimestampTz hi = doc->has_end ? doc->resolved_at : PG_INT64_MAX;

		for (int pass = 0; pass < 2 && !doc->has_detected; pass++)
			for (int i = 0; i < doc->nentries && !doc->has_detected; i++)
			{
				PmEntry    *en = &doc->entries[i];

				if (en->at < lo || en->at > hi)
					continue;
				if (pass == 1 || strcmp(en->kind, "detection") == 0)
				{
					/* the earliest qualifying entry */
					TimestampTz best = en->at;

					for (int j = i + 1; j < doc->nentries; j++)
						if (doc->entries[j].at >= lo && doc->entries[j].at <= hi &&
							doc->entries[j].at < best &&
							(pass == 1 || strcmp(doc->entries[j].kind, "detection") == 0))
							best = doc->entries[j].at;
					doc->detected_at = best;
					doc->has_detected = true;
				}
			}
		if (!doc->has_detected)
		{
			if (doc->nentries > 0)
				pm_note(doc, "no timeline entry falls within the incident's duration; took it to be detected at its start");
			doc->detected_at = doc->started_at;
			doc->has_detected = true;
		}
		for (int i = 0; i < doc->nentries; i++)
		{
			PmEntry    *en = &doc->entries[i];

			if (strcmp(en->kind, "mitigation") == 0 && en->at >= doc->detected_at && en->at <= hi &&
				(!doc->has_mitigated || en->at < doc->mitigated_at))
			{
				doc->mitigated_at = en->at;
				doc->has_mitigated = true;
			}
		}

		/*
		 * Acknowledged: the first entry from detection on (and before
		 * mitigation) that says someone took the incident on.
		 */
		for (int i = 0; i < doc->nentries; i++)
		{
			PmEntry    *en = &doc->entries[i];

			if (en->at < doc->detected_at || en->at > hi ||
				(doc->has_mitigated && en->at > doc->mitigated_at) ||
				strcmp(en->kind, "misleading_path") == 0 ||
				!pm_says_acknowledged(en->body))
				continue;
			if (!doc->has_acknowledged || en->at < doc->acknowledged_at)
			{
				doc->acknowledged_at = en->at;
				doc->has_acknowledged = true;
			}
		}
	}

	/* status */
	doc->status = doc->has_end ? "resolved" : "investigating";
	if (ps->status_field)
	{
		static const char *const st[] = {"investigating", "identified", "mitigated", "resolved", "closed"};
		bool		found = false;

		for (int i = 0; i < lengthof(st); i++)
			if (pm_contains_ci(ps->status_field, strlen(ps->status_field), st[i]))
			{
				doc->status = st[i];
				found = true;
				break;
			}
		/* "Status: Complete" is the postmortem's own status: finished */
		if (!found && !(doc->has_end &&
						(pm_contains_ci(ps->status_field, strlen(ps->status_field), "complete") ||
						 pm_contains_ci(ps->status_field, strlen(ps->status_field), "final") ||
						 pm_contains_ci(ps->status_field, strlen(ps->status_field), "published") ||
						 pm_contains_ci(ps->status_field, strlen(ps->status_field), "done"))))
			pm_note(doc, "status \"%s\" not understood; read as %s", ps->status_field, doc->status);
	}

}

/* tasks and improvements */
static void
pm_build_tasks(PmParser *ps)
{
	PmDocument *doc = ps->doc;

	/* tasks and improvements; due dates are midnight in the document's zone */
	ps->zone = &ps->doc_zone;
	{
		bool		has_task_group = ps->saw_task_heading;

		for (int i = 0; i < ps->nitems; i++)
			if (ps->items[i].group == GROUP_TASKS)
				has_task_group = true;
		doc->tasks = palloc(sizeof(PmTask) * Max(ps->nitems, 1));
		doc->improvements = palloc(sizeof(char *) * Max(ps->nitems, 1));
		for (int i = 0; i < ps->nitems; i++)
		{
			PmItem	   *it = &ps->items[i];

			if (it->text.len == 0)
				continue;
			if (!has_task_group || it->group == GROUP_TASKS)
			{
				PmTask	   *t = &doc->tasks[doc->ntasks];

				pm_finish_task(ps, it, t);
				if (t->title[0] != '\0')
					doc->ntasks++;
			}
			else
			{
				char	   *c = pm_clean(it->text.data, it->text.data + it->text.len);

				if (c[0] != '\0')
					doc->improvements[doc->nimprovements++] = c;
			}
		}
	}

}

PmDocument *
pm_parse_document(const char *text, int len, const PmOptions *opt)
{
	PmParser	ps;
	PmDocument *doc = palloc0(sizeof(PmDocument));

	memset(&ps, 0, sizeof(ps));
	ps.opt = opt;
	ps.doc = doc;
	initStringInfo(&ps.summary);
	initStringInfo(&ps.impact);
	initStringInfo(&ps.sum_root);
	initStringInfo(&ps.duration);
	initStringInfo(&ps.start_field);
	initStringInfo(&ps.end_field);
	initStringInfo(&ps.users_field);
	initStringInfo(&ps.root);
	initStringInfo(&ps.resolution);
	ps.root_field = &ps.root;

	/* the zone to use where the document names none */
	if (opt->default_zone)
	{
		if (!pm_zone_parse(opt->default_zone, &ps.default_zone))
		{
			doc->error = PM_ERROR_BAD_ZONE;
			doc->error_message = psprintf("time zone \"%s\" not recognized", opt->default_zone);
			return doc;
		}
	}
	else
	{
		ps.default_zone.valid = true;
		ps.default_zone.tz = session_timezone;
		strlcpy(ps.default_zone.label, pg_get_timezone_name(session_timezone),
				sizeof(ps.default_zone.label));
	}

	pm_split_lines(&ps, text, len);
	pm_read_sections(&ps);

	/* nothing at all? */
	{
		bool		any = false;

		for (int i = 0; i < len && !any; i++)
			if (!isspace((unsigned char) text[i]))
				any = true;
		if (!any)
		{
			doc->error = PM_ERROR_EMPTY;
			doc->error_message = pstrdup("postmortem document is empty");
			return doc;
		}
	}

	/* none of the template's parts: not a postmortem */
	if (ps.parts_seen == 0)
	{
		doc->error = PM_ERROR_NO_TIMES;
		doc->error_message = pstrdup("postmortem document has no timeline");
		doc->error_detail = pstrdup("It has none of the parts of a postmortem: no Summary, Timeline, Root Cause or Corrective and Preventative Measures heading, and no Duration or Impact line.");
		doc->error_hint = pstrdup("Write the timeline as lines that start with a time, e.g. \"- 14:05 UTC: alert fired\", under a heading \"Timeline\".");
		return doc;
	}

	pm_read_summary(&ps);
	pm_settle_zones(&ps);
	if (!pm_settle_dates(&ps))
		return doc;
	pm_build_entries(&ps);
	pm_settle_span(&ps);
	pm_build_tasks(&ps);
	return doc;
}
