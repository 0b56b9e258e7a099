/*-------------------------------------------------------------------------
 *
 * datetime.c
 *	  Dates, times and time zones as documents write them: offsets, zone
 *	  abbreviations and names, dates in the many orders people use, 12- and
 *	  24-hour times, and a whole stamp (date, time and zone) at once.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <ctype.h>
#include <limits.h>

#include "lib/stringinfo.h"
#include "pgtime.h"
#include "utils/datetime.h"
#include "utils/timestamp.h"

#include "compat.h"
#include "document/parse.h"
#include "document/parse_int.h"

/*
 * A zone abbreviation of the timezone_abbreviations setting (lower case):
 * TZ or DTZ with its offset east of UTC, DYNTZ with its zone, or another
 * type when it is none.  The one place the parser calls
 * DecodeTimezoneAbbrev, whose signature differs between major versions.
 */
int
pm_decode_abbrev(const char *low, int *offset, pg_tz **tz)
{
	char		buf[TOKMAXLEN + 1];

	*offset = 0;
	*tz = NULL;
	if (strlcpy(buf, low, sizeof(buf)) >= sizeof(buf))
		return UNKNOWN_FIELD;
	return pm_decode_tz_abbrev(buf, offset, tz);
}

/* ---------------------------------------------------------------------
 * time zones
 * ---------------------------------------------------------------------
 */

/* "+02:00", "-0400", "+1", "+5:30" → seconds east; returns bytes read */
int
pm_read_offset(const char *p, const char *e, int *secs)
{
	const char *q = p;
	int			sign,
				h = 0,
				m = 0,
				nd = 0;

	if (q >= e || (*q != '+' && *q != '-' &&
				   (e - q < 3 || memcmp(q, "\xe2\x88\x92", 3) != 0)))
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

void
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
 * Zones written out as names ("West Africa Time", "Eastern", "Greenwich
 * Mean Time"): a fixed offset, or a zone with rules for a name that does
 * not say standard or daylight time.  Longest names first, so that
 * "Eastern Standard Time" is not read as "Eastern".
 */
typedef struct PmZoneName
{
	const char *name;
	const char *label;
	int			offset_east;	/* when zone is NULL */
	const char *zone;
} PmZoneName;

static const PmZoneName pm_zone_names[] = {
	{"australian eastern standard time", "AEST", 36000, NULL},
	{"australian eastern daylight time", "AEDT", 39600, NULL},
	{"central european summer time", "CEST", 7200, NULL},
	{"eastern european summer time", "EEST", 10800, NULL},
	{"south africa standard time", "SAST", 7200, NULL},
	{"coordinated universal time", "UTC", 0, NULL},
	{"central european time", "CET", 3600, NULL},
	{"eastern european time", "EET", 7200, NULL},
	{"eastern standard time", "EST", -18000, NULL},
	{"eastern daylight time", "EDT", -14400, NULL},
	{"central standard time", "CST", -21600, NULL},
	{"central daylight time", "CDT", -18000, NULL},
	{"mountain standard time", "MST", -25200, NULL},
	{"mountain daylight time", "MDT", -21600, NULL},
	{"pacific standard time", "PST", -28800, NULL},
	{"pacific daylight time", "PDT", -25200, NULL},
	{"india standard time", "IST", 19800, NULL},
	{"indian standard time", "IST", 19800, NULL},
	{"greenwich mean time", "GMT", 0, NULL},
	{"british summer time", "BST", 3600, NULL},
	{"japan standard time", "JST", 32400, NULL},
	{"korea standard time", "KST", 32400, NULL},
	{"china standard time", "CST", 28800, NULL},
	{"west africa time", "WAT", 3600, NULL},
	{"west african time", "WAT", 3600, NULL},
	{"east africa time", "EAT", 10800, NULL},
	{"east african time", "EAT", 10800, NULL},
	{"central africa time", "CAT", 7200, NULL},
	{"singapore time", "SGT", 28800, NULL},
	{"moscow time", "MSK", 10800, NULL},
	{"eastern time", "ET", 0, "America/New_York"},
	{"central time", "CT", 0, "America/Chicago"},
	{"mountain time", "MT", 0, "America/Denver"},
	{"pacific time", "PT", 0, "America/Los_Angeles"},
	{"eastern", "ET", 0, "America/New_York"},
	{"pacific", "PT", 0, "America/Los_Angeles"},
};

/*
 * The local time a notice in another language names ("(heure de Paris)",
 * "hora de Chile continental", 北京时间): a zone with rules.
 */
static const struct
{
	const char *name;
	const char *zone;
} pm_local_zone_names[] = {
	{"heure de paris", "Europe/Paris"},
	{"heure de france", "Europe/Paris"},
	{"hora de chile continental", "America/Santiago"},
	{"hora de chile", "America/Santiago"},
	{"hora peninsular", "Europe/Madrid"},
	{"hora de madrid", "Europe/Madrid"},
	{"hor\xc3\xa1rio de bras\xc3\xadlia", "America/Sao_Paulo"},
	{"horario de brasilia", "America/Sao_Paulo"},
	{"hora de bras\xc3\xadlia", "America/Sao_Paulo"},
	{"\xe5\x8c\x97\xe4\xba\xac\xe6\x97\xb6\xe9\x97\xb4", "Asia/Shanghai"},
};

static void pm_zone_rules(PmZone *zone, pg_tz *tz, const char *label);

/* the zone a table's name stands for: its rules, or its fixed offset */
static bool
pm_zone_of_name(const PmZoneName *zn, PmZone *zone)
{
	if (zn->zone)
	{
		pg_tz	   *tz = pg_tzset(zn->zone);

		if (tz == NULL)
			return false;
		pm_zone_rules(zone, tz, zn->label);
	}
	else
		pm_zone_fixed(zone, zn->offset_east, zn->label, strlen(zn->label));
	return true;
}

/*
 * A country's own time, as course and personal postmortems name it ("at
 * 6:00 AM Nigeria time", "9:20 PM Kenya time"): the countries of one zone
 * whose writers say so.  Only a word followed by " time" is looked up, so
 * the words of the prose cost a scan to their end and no more.
 */
static const PmZoneName pm_country_times[] = {
	{"nigeria", "WAT", 3600, NULL},
	{"nigerian", "WAT", 3600, NULL},
	{"lagos", "WAT", 3600, NULL},
	{"ghana", "GMT", 0, NULL},
	{"kenya", "EAT", 10800, NULL},
	{"kenyan", "EAT", 10800, NULL},
	{"nairobi", "EAT", 10800, NULL},
	{"uganda", "EAT", 10800, NULL},
	{"tanzania", "EAT", 10800, NULL},
	{"ethiopia", "EAT", 10800, NULL},
	{"ethiopian", "EAT", 10800, NULL},
	{"rwanda", "CAT", 7200, NULL},
	{"egypt", "Africa/Cairo", 0, "Africa/Cairo"},
	{"cairo", "Africa/Cairo", 0, "Africa/Cairo"},
	{"uk", "Europe/London", 0, "Europe/London"},
};

/* "Kenya time" at p: its length, 0 when it is none */
static int
pm_read_country_time(const char *p, const char *e, PmZone *zone)
{
	const char *w = p;
	int			n;

	while (w < e && isalpha((unsigned char) *w) && w - p < 10)
		w++;
	n = w - p;
	if (n < 2 || w + 5 > e || *w != ' ' || !pm_prefix_ci(w + 1, e, "time") ||
		(w + 5 < e && pm_isalnum(w[5])))
		return 0;
	for (int i = 0; i < lengthof(pm_country_times); i++)
	{
		if ((int) strlen(pm_country_times[i].name) != n ||
			!pm_prefix_ci(p, e, pm_country_times[i].name))
			continue;
		return pm_zone_of_name(&pm_country_times[i], zone) ? n + 5 : 0;
	}
	return 0;
}

/* a zone name of pm_zone_names at p: its length, 0 when there is none */
static int
pm_read_zone_name(const char *p, const char *e, PmZone *zone)
{
	char		c = pm_lower(*p);
	int			cn;

	if (c == 'h' || (unsigned char) c == 0xe5)
	{
		for (int i = 0; i < lengthof(pm_local_zone_names); i++)
		{
			int			n = strlen(pm_local_zone_names[i].name);
			pg_tz	   *tz;

			if (pm_prefix_ci(p, e, pm_local_zone_names[i].name) &&
				(p + n >= e || !isalnum((unsigned char) p[n])) &&
				(tz = pg_tzset(pm_local_zone_names[i].zone)) != NULL)
			{
				pm_zone_rules(zone, tz, pm_local_zone_names[i].zone);
				return n;
			}
		}
		return 0;
	}
	if ((c == 'n' || c == 'l' || c == 'g' || c == 'k' || c == 'u' || c == 't' ||
		 c == 'e' || c == 'r' || c == 'c') &&
		(cn = pm_read_country_time(p, e, zone)) > 0)
		return cn;
	if (c != 'a' && c != 'b' && c != 'c' && c != 'e' && c != 'g' && c != 'i' &&
		c != 'j' && c != 'k' && c != 'm' && c != 'p' && c != 's' && c != 'w')
		return 0;
	for (int i = 0; i < lengthof(pm_zone_names); i++)
	{
		int			n;

		if (pm_lower(pm_zone_names[i].name[0]) != c || !pm_prefix_ci(p, e, pm_zone_names[i].name))
			continue;
		n = strlen(pm_zone_names[i].name);
		if (p + n >= e || !pm_isalnum(p[n]))
		{
			return pm_zone_of_name(&pm_zone_names[i], zone) ? n : 0;
		}
	}
	return 0;
}

/* zone as the rules of tz, labelled as the document writes it */
static void
pm_zone_rules(PmZone *zone, pg_tz *tz, const char *label)
{
	memset(zone, 0, sizeof(PmZone));
	zone->valid = true;
	zone->tz = tz;
	strlcpy(zone->label, label, sizeof(zone->label));
}

/* "pacific" of "Pacific Time": the US zone's local time that day, as PT */
static bool
pm_region_time(const char *low, PmZone *zone)
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
			pm_zone_rules(zone, tz, regions[i][1]);
			return true;
		}
	}
	return false;
}

/*
 * An upper-case word (low: in lower case, n letters) as a zone abbreviation:
 * false when it is none and not one either (it is text).  An unknown word
 * of 2-5 letters sets *unknown.
 */
static bool
pm_read_abbrev(const char *low, const char *word, int n, PmZone *zone, bool *unknown)
{
	int			offset;
	pg_tz	   *tz = NULL;
	int			type;

	/*
	 * IST is India Standard Time in the postmortems people write, not the
	 * Israel of the Default abbreviations ("IST (UTC+02:00)" still says
	 * Israel: the offset after it wins).
	 */
	if (strcmp(low, "ist") == 0)
	{
		pm_zone_fixed(zone, 19800, word, n);
		return true;
	}
	/*
	 * Pakistan's, Indonesia's western, the Philippines' and the Gulf's ("GST
	 * is gulf standard time", UTC+4): none in Default
	 */
	if (n == 3 && (low[0] == 'p' || low[0] == 'w' || low[0] == 'g'))
	{
		static const struct
		{
			const char *abbr;
			int			offset;
		}			more[] = {{"pkt", 18000}, {"wib", 25200}, {"pht", 28800}, {"gst", 14400}};

		for (int i = 0; i < lengthof(more); i++)
			if (strcmp(low, more[i].abbr) == 0)
			{
				pm_zone_fixed(zone, more[i].offset, word, n);
				return true;
			}
	}
	type = pm_decode_abbrev(low, &offset, &tz);
	if (type == TZ || type == DTZ)
	{
		pm_zone_fixed(zone, offset, word, n);
		return true;
	}
	if (type == DYNTZ && tz != NULL)
	{
		pm_zone_rules(zone, tz, word);
		strlcpy(zone->abbr, word, sizeof(zone->abbr));
		return true;
	}

	/*
	 * North Americans name the zone without saying standard or daylight time
	 * ("10:00 AM PT"); read it as the zone's local time that day.
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
				pm_zone_rules(zone, tz, word);
				return true;
			}
	}
	if (n >= 2 && n <= 5)
	{
		*unknown = true;
		memset(zone, 0, sizeof(PmZone));
		return true;
	}
	return false;
}

/*
 * "(wat)", "(est)": an abbreviation in lower case, in brackets of its own,
 * when it is one the abbreviations know (never an unknown word)
 */
static bool
pm_read_lower_abbrev(const char *low, int n, PmZone *zone, char *word_out)
{
	char		up[8];
	bool		unk = false;

	for (int i = 0; i <= n; i++)
		up[i] = (low[i] >= 'a' && low[i] <= 'z') ? low[i] - ('a' - 'A') : low[i];
	if (!pm_read_abbrev(low, up, n, zone, &unk) || unk)
		return false;
	if (word_out)
		strlcpy(word_out, up, 16);
	return true;
}

/* "Europe/Berlin", "UC/Pacific": a zone of the tz database */
static bool
pm_read_zone_path(const char *word, PmZone *zone)
{
	pg_tz	   *tz = pg_tzset(word);
	const char *region = strchr(word, '/') + 1;

	/* "UC/Pacific", "Us/Eastern": the region says which US zone */
	if (tz == NULL && region - word == 3 && pm_lower(word[0]) == 'u')
	{
		char		us[64];

		snprintf(us, sizeof(us), "US/%s", region);
		tz = pg_tzset(us);
	}
	if (tz == NULL)
		return false;
	pm_zone_rules(zone, tz, word);
	return true;
}

/*
 * Read a zone at p: an offset (+02:00), GMT/UTC with an offset (GMT+1: an
 * hour east, as people mean it, not POSIX's reverse), an abbreviation from
 * the timezone_abbreviations set (upper case: EST, EAT, CET), or a zone name
 * (Europe/Berlin).  An upper-case word of 2-5 letters that is none of these
 * sets *unknown when require_upper allows it; returns bytes read.
 */
int
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
	if (q < e && isalpha((unsigned char) *q) && (n = pm_read_zone_name(q, e, zone)) > 0)
	{
		if (word_out)
			strlcpy(word_out, zone->label, 16);
		q += n;
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
		(q + 5 == e || !pm_isalnum(q[5])) && pm_region_time(low, zone))
	{
		if (word_out)
			strlcpy(word_out, zone->label, 16);
		q += 5;
		goto done;
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
	if (paren && !upper && !slash && n >= 2 && n <= 5 && q < e && *q == ')')
	{
		if (!pm_read_lower_abbrev(low, n, zone, word_out))
			return 0;
		goto done;
	}
	if (upper && !slash && n >= 1)
	{
		if (!pm_read_abbrev(low, word, n, zone, unknown))
			return 0;
		goto done;
	}
	if (slash)
	{
		if (!pm_read_zone_path(word, zone))
			return 0;
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

/*
 * A zone named by a label (the time_zone argument, incident.time_zone).
 * *zone is written only when the label names one: callers parse into a zone
 * already in use and keep it when the label is no zone ("Time zone: rs.").
 */
bool
pm_zone_parse(const char *label, PmZone *zone)
{
	const char *e = label + strlen(label);
	int			len = strlen(label);
	PmZone		z;
	bool		unknown;
	char		low[64];
	int			offset;
	pg_tz	   *tz = NULL;

	memset(&z, 0, sizeof(PmZone));
	if (pm_read_zone(label, e, &z, &unknown, NULL) == len && !unknown && z.valid)
	{
		*zone = z;
		return true;
	}
	/* any name or abbreviation PostgreSQL knows, in any case */
	if (len > 0 && len < (int) sizeof(low))
	{
		int			type;

		for (int i = 0; i <= len; i++)
			low[i] = pm_lower(label[i]);
		type = pm_decode_abbrev(low, &offset, &tz);
		if (type == TZ || type == DTZ)
		{
			pm_zone_fixed(zone, offset, label, len);
			return true;
		}
	}
	tz = pg_tzset(label);
	if (tz == NULL)
		return false;
	pm_zone_rules(zone, tz, label);
	return true;
}

/* was the zone written as an offset (+05:30, UTC-4, GMT+1), not a name? */
bool
pm_zone_is_offset(const char *label)
{
	return strchr(label, '+') != NULL || strchr(label, '-') != NULL ||
		strstr(label, "\xe2\x88\x92") != NULL;
}

/* local wall-clock time → timestamptz; false when out of range */
bool
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
	else if (zone->tz == NULL)
		return false;			/* a zone with no rules: no time can be placed in it */
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

/* the zone's offset east of UTC at noon on a date; 0 for a zone without rules */
int
pm_zone_offset_at(const PmZone *zone, int y, int m, int d)
{
	struct pg_tm tm;

	if (zone->fixed)
		return zone->offset_east;
	if (zone->tz == NULL)
		return 0;
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

/* "April" for 4 (lower case: the months as pm_read_month knows them) */
const char *
pm_month_name(int month)
{
	return (month >= 1 && month <= 12) ? pm_months[month - 1] : "?";
}

/*
 * Month names as German, French, Spanish, Portuguese, Italian and Dutch
 * write them ("22 février 2025", "14. März 2025", "12 de marzo de 2025"),
 * lower case, whole words only: the abbreviations are English's alone.
 */
#define FM(w) w, sizeof(w) - 1
static const struct
{
	const char *word;
	int			len;
	int			month;
}			pm_foreign_months[] =
{
	{FM("januar"), 1}, {FM("janvier"), 1}, {FM("enero"), 1}, {FM("janeiro"), 1}, {FM("gennaio"), 1},
	{FM("januari"), 1}, {FM("februar"), 2}, {FM("f\xc3\xa9vrier"), 2}, {FM("febrero"), 2},
	{FM("fevereiro"), 2}, {FM("febbraio"), 2}, {FM("februari"), 2}, {FM("m\xc3\xa4rz"), 3},
	{FM("mars"), 3}, {FM("marzo"), 3}, {FM("mar\xc3\xa7o"), 3}, {FM("maart"), 3}, {FM("avril"), 4},
	{FM("abril"), 4}, {FM("aprile"), 4}, {FM("mai"), 5}, {FM("mayo"), 5}, {FM("maio"), 5},
	{FM("maggio"), 5}, {FM("mei"), 5}, {FM("juin"), 6}, {FM("junio"), 6}, {FM("junho"), 6},
	{FM("giugno"), 6}, {FM("juni"), 6}, {FM("juillet"), 7}, {FM("julio"), 7}, {FM("julho"), 7},
	{FM("luglio"), 7}, {FM("juli"), 7}, {FM("ao\xc3\xbbt"), 8}, {FM("agosto"), 8},
	{FM("augustus"), 8}, {FM("septembre"), 9}, {FM("septiembre"), 9}, {FM("setiembre"), 9},
	{FM("setembro"), 9}, {FM("settembre"), 9}, {FM("oktober"), 10}, {FM("octobre"), 10},
	{FM("octubre"), 10}, {FM("outubro"), 10}, {FM("ottobre"), 10}, {FM("novembre"), 11},
	{FM("noviembre"), 11}, {FM("novembro"), 11}, {FM("dezember"), 12}, {FM("d\xc3\xa9" "cembre"), 12},
	{FM("diciembre"), 12}, {FM("dezembro"), 12}, {FM("dicembre"), 12}
};
#undef FM

/*
 * A month's name as another language writes it, after a day ("22 février",
 * "14. März", "12 de marzo"): bytes read, 0 when there is none.
 */
static int
pm_read_foreign_month(const char *p, const char *e, int *month)
{
	const char *q = p;
	int			n;
	char		c;

	/* letters, and the bytes of an accented one ("février", "März") */
	while (q < e && (isalpha((unsigned char) *q) || (unsigned char) *q >= 0x80))
		q++;
	n = q - p;
	if (n < 3 || n > 10)
		return 0;
	c = pm_lower(*p);
	for (int i = 0; i < lengthof(pm_foreign_months); i++)
		if (pm_foreign_months[i].len == n && pm_foreign_months[i].word[0] == c &&
			pm_prefix_ci_n(p, e, pm_foreign_months[i].word, n))
		{
			*month = pm_foreign_months[i].month;
			return n;
		}
	return 0;
}

/* a month name or its abbreviation at p; returns bytes read */
int
pm_read_month(const char *p, const char *e, int *month)
{
	const char *q = p;
	int			n;

	while (q < e && isalpha((unsigned char) *q))
		q++;
	n = q - p;
	/* the cheap test first: every month (and typo) begins with one of these */
	if (n < 3 || strchr("jfmasond", pm_lower(*p)) == NULL)
		return 0;
	/* the misspellings people leave in: "Feburary 21", "Febuary", "Janurary" */
	{
		static const struct
		{
			const char *word;
			int			month;
		}			typos[] =
		{
			{"feburary", 2}, {"febuary", 2}, {"febrary", 2}, {"janurary", 1}
		};

		for (int i = 0; i < lengthof(typos); i++)
			if ((size_t) n == strlen(typos[i].word) && pm_prefix_ci_n(p, e, typos[i].word, n))
			{
				*month = typos[i].month;
				return n;
			}
	}
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

int
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

const char *
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
const char *
pm_read_year_after(const char *r, const char *e, bool dashed, bool ordinal, int *y)
{
	const char *t = r;
	int			yy;

	*y = 0;
	if (t < e && (*t == ',' || (dashed && *t == '-')))
		t++;
	t = pm_skip_space(t, e);
	/*
	 * "Jun 18 1342 UTC": a 24-hour time after the day, not a year (no
	 * incident happened before 1900 or after 2099)
	 */
	if (pm_read_digits(t, e, 4, &yy) == 4 && yy >= 1900 && yy <= 2099)
	{
		*y = yy;
		return t + 4;
	}
	/* "February 24th, 15": two digits after an ordinal and a comma */
	if (ordinal && t > r && r[0] == ',' && pm_read_digits(t, e, 2, &yy) == 2 &&
		(t + 2 >= e || (t[2] != ':' && t[2] != '.' && !pm_isalnum(t[2]))))
	{
		const char *u = pm_skip_space(t + 2, e);

		static const char *const units[] = {"min", "minute", "minutes", "mins", "hour",
		"hours", "hrs", "sec", "second", "seconds", "users", "customers", "people", "percent",
		"requests", "errors", "of", "ms", "days", "weeks", "accounts", "servers", "nodes"};
		bool		unit = false;

		for (int i = 0; i < lengthof(units) && !unit; i++)
			unit = pm_word_ci(u, e, units[i]);
		if (!unit)
		{
			*y = 2000 + yy;
			return t + 2;
		}
	}
	return r;
}

/*
 * "Mar 9–10, 2025": past the second day of a range of days at r, when a
 * year follows it (the date is the range's first day); r itself otherwise,
 * so "May 15-16" and "May 15 - 10:00" are left as they are.
 */
static const char *
pm_skip_day_range(const char *r, const char *e)
{
	const char *t = r;
	int			dd,
				nd;

	if (t < e && *t == '-')
		t++;
	else if (e - t >= 3 && (unsigned char) t[0] == 0xe2 && (unsigned char) t[1] == 0x80 &&
			 (unsigned char) t[2] >= 0x90 && (unsigned char) t[2] <= 0x93)
		t += 3;					/* U+2010-U+2013: hyphens and the en dash */
	else
		return r;
	nd = pm_read_digits(t, e, 2, &dd);
	if (nd == 0 || dd < 1 || dd > 31)
		return r;
	t = pm_skip_ordinal(t + nd, e);
	if (t < e && *t == ',')
	{
		const char *u = pm_skip_space(t + 1, e);
		int			yy;

		if (pm_read_digits(u, e, 4, &yy) == 4)
			return t;
	}
	return r;
}

/*
 * A separator inside a numeric date: '-', '/', '.', or a Unicode hyphen
 * (U+2010, U+2011 non-breaking, U+2012 figure dash) written as '-'.
 * Returns it, its length in *len; '\0' when there is none at p.
 */
static char
pm_date_sep(const char *p, const char *e, int *len)
{
	*len = 1;
	if (p >= e)
		return '\0';
	if (*p == '-' || *p == '/' || *p == '.')
		return *p;
	if (e - p >= 3 && (unsigned char) p[0] == 0xe2 && (unsigned char) p[1] == 0x80 &&
		(unsigned char) p[2] >= 0x90 && (unsigned char) p[2] <= 0x92)
	{
		*len = 3;
		return '-';
	}
	return '\0';
}

/* "Monday, ", "Tue. ": past a weekday at q */
static const char *
pm_skip_weekday(const char *q, const char *e)
{
	static const char *const days[] = {"monday", "tuesday", "wednesday", "thursday",
	"friday", "saturday", "sunday"};

	if (q >= e)
		return q;
	for (int i = 0; i < 7; i++)
	{
		bool		full;

		if (pm_lower(*q) != days[i][0])
			continue;				/* the cheap test first: most words are no day */
		full = pm_word_ci(q, e, days[i]);
		if (full || (pm_prefix_ci_n(q, e, days[i], 3) &&
					 (q + 3 >= e || !isalpha((unsigned char) q[3]))))
		{
			q += full ? strlen(days[i]) : 3;
			if (q < e && *q == '.')
				q++;
			if (q < e && *q == ',')
				q++;
			return pm_skip_space(q, e);
		}
	}
	return q;
}

/* "2024-05-15", "2024/05/15" after the year a and its separator: the end */
static const char *
pm_read_iso_date(const char *r, const char *e, char sep, int a, int *y, int *m, int *d)
{
	int			b,
				c,
				sl2,
				n2 = pm_read_digits(r, e, 2, &b),
				n3;

	if (n2 == 0 && sep == '-' && (n2 = pm_read_month(r, e, &b)) > 0 && n2 <= 9 &&
		r + n2 < e && r[n2] == '-')
	{
		/* "2025-Jun-18": the month's name between the year and the day */
		n3 = pm_read_digits(r + n2 + 1, e, 2, &c);
		if (n3 == 0 || c < 1 || c > 31 || (r + n2 + 1 + n3 < e && isdigit((unsigned char) r[n2 + 1 + n3])))
			return NULL;
		*y = a;
		*m = b;
		*d = c;
		return r + n2 + 1 + n3;
	}
	if (n2 == 0 || pm_date_sep(r + n2, e, &sl2) != sep)
		return NULL;
	r += n2 + sl2;
	n3 = pm_read_digits(r, e, 2, &c);
	if (n3 == 0 || b < 1 || b > 12 || c < 1 || c > 31)
		return NULL;

	/*
	 * "8888-08-08", "9999-12-31": a year after 2099 is a template's
	 * placeholder, no day a postmortem tells of
	 */
	if (a > 2099)
		return NULL;
	*y = a;
	*m = b;
	*d = c;
	return r + n3;
}

/* "15-May-2024", "15/May/2024": the day a, a month's name at r, the year */
static const char *
pm_read_named_month_date(const char *r, const char *e, char sep, int a, int *y, int *m, int *d)
{
	int			mon,
				nm,
				yy,
				sl2;

	if ((nm = pm_read_month(r, e, &mon)) > 0 && pm_date_sep(r + nm, e, &sl2) == sep &&
		pm_read_digits(r + nm + sl2, e, 4, &yy) == 4 && a >= 1 && a <= 31)
	{
		*d = a;
		*m = mon;
		*y = yy;
		return r + nm + sl2 + 4;
	}
	return NULL;
}

/* "05, 15, 2024": month (a, n digits at q), day, year between commas */
static const char *
pm_read_comma_date(const char *q, int n, const char *e, int a, int *y, int *m, int *d)
{
	const char *r;
	int			b,
				n2,
				yy;

	if (!(q + n + 1 < e && q[n] == ',' && a >= 1 && a <= 12))
		return NULL;
	r = pm_skip_space(q + n + 1, e);
	n2 = pm_read_digits(r, e, 2, &b);
	if (n2 > 0 && b >= 1 && b <= 31 && r + n2 < e && r[n2] == ',')
	{
		const char *s2 = pm_skip_space(r + n2 + 1, e);

		if (pm_read_digits(s2, e, 4, &yy) == 4 && (s2 + 4 >= e || !isdigit((unsigned char) s2[4])))
		{
			*m = a;
			*d = b;
			*y = yy;
			return s2 + 4;
		}
	}
	return NULL;
}

/* "15.05.2024", "15-05-2024" (day first), "05/15/2024", "05/15/24" after a */
static const char *
pm_read_sep_date(const char *r, const char *e, char sep, int a, int *y, int *m, int *d)
{
	int			b,
				c,
				sl2,
				n2 = pm_read_digits(r, e, 2, &b),
				n3;

	if (n2 == 0 || pm_date_sep(r + n2, e, &sl2) != sep)
		return NULL;
	r += n2 + sl2;
	n3 = pm_read_digits(r, e, 4, &c);
	if (n3 == 2 && sep == '/' && (r + 2 >= e || !pm_isalnum(r[2])))
		c += 2000;				/* 05/15/24 */
	else if (n3 == 2 && sep == '.' && r + 5 < e && r[2] == ' ' &&
			 isdigit((unsigned char) r[3]) && (r[4] == ':' || (isdigit((unsigned char) r[4]) && r[5] == ':')))
		c += 2000;				/* "16.09.25 09:12": a time follows, no version number */
	else if (n3 != 4)
		return NULL;
	/* 15.05.2024 and 15-05-2024 are day first, 05/15/2024 month first */
	if (((sep == '.' || sep == '-') && b <= 12) || a > 12)
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
		return NULL;
	return r + n3;
}

/* 15 May 2024, 16th of August, 2023, 15-May-2024: after the day a, at r */
static const char *
pm_read_day_month(const char *r, const char *e, int a, int *y, int *m, int *d)
{
	int			mon,
				nm;
	bool		dashed;

	r = pm_skip_ordinal(r, e);
	dashed = (r < e && *r == '-');
	r = pm_skip_space(r + (dashed ? 1 : 0), e);
	/* "16th of August", "12 de marzo de 2025" */
	if (r < e && (*r == 'o' || *r == 'd') && (pm_word_ci(r, e, "of") || pm_word_ci(r, e, "de")))
		r = pm_skip_space(r + 2, e);
	nm = pm_read_month(r, e, &mon);
	if (nm == 0)
		nm = pm_read_foreign_month(r, e, &mon);
	if (nm == 0 && !dashed && r < e && *r == 'a' && pm_word_ci(r, e, "and"))
	{
		/* "Tuesday 20th and Wednesday 21st February": the first day, of that month */
		const char *t = pm_skip_weekday(pm_skip_space(r + 3, e), e);
		int			dd,
					nd = pm_read_digits(t, e, 2, &dd);

		if (nd > 0 && dd >= 1 && dd <= 31)
		{
			t = pm_skip_space(pm_skip_ordinal(t + nd, e), e);
			if ((nm = pm_read_month(t, e, &mon)) > 0)
				r = t;
		}
	}
	if (nm == 0 || a < 1 || a > 31)
		return NULL;
	r += nm;
	*m = mon;
	*d = a;
	{
		/* "de 2025", "del 2025" before the year */
		const char *t = pm_skip_space(r, e);
		int			w = (t >= e || *t != 'd') ? 0 : pm_word_ci(t, e, "de") ? 2 : pm_word_ci(t, e, "del") ? 3 : 0;
		int			yy;

		if (w > 0 && pm_read_digits(pm_skip_space(t + w, e), e, 4, &yy) == 4)
			r = t + w;
	}
	return pm_read_year_after(r, e, dashed, false, y);
}

#define PM_KANJI_YEAR	"\xe5\xb9\xb4"	/* 年 */
#define PM_KANJI_MONTH	"\xe6\x9c\x88"	/* 月 */
#define PM_KANJI_DAY	"\xe6\x97\xa5"	/* 日 */
#define PM_KANJI_HOUR	"\xe6\x99\x82"	/* 時 */
#define PM_KANJI_MINUTE "\xe5\x88\x86"	/* 分 */
#define PM_KANJI_SPAN	"\xe9\x96\x93"	/* 間: 時間 is hours, a length */
#define PM_KANJI_AM		"\xe5\x8d\x88\xe5\x89\x8d"	/* 午前 */
#define PM_KANJI_PM		"\xe5\x8d\x88\xe5\xbe\x8c"	/* 午後 */
#define PM_AT(p, e, w)	((e) - (p) >= (int) strlen(w) && memcmp((p), (w), strlen(w)) == 0)

/*
 * "2023年6月14日", "6月14日": the date as Japanese writes it, the number a of
 * n digits at q before 年 or 月.  Its end, or NULL.
 */
static const char *
pm_read_kanji_date(const char *q, int n, const char *e, int a, int *y, int *m, int *d)
{
	const char *r = q + n;
	int			mm,
				dd,
				k;

	*y = 0;
	if (n == 4 && PM_AT(r, e, PM_KANJI_YEAR))
	{
		*y = a;
		r += 3;
		if ((k = pm_read_digits(r, e, 2, &mm)) == 0)
			return NULL;
		r += k;
	}
	else if (n <= 2)
		mm = a;
	else
		return NULL;
	if (!PM_AT(r, e, PM_KANJI_MONTH) || (k = pm_read_digits(r + 3, e, 2, &dd)) == 0 ||
		!PM_AT(r + 3 + k, e, PM_KANJI_DAY) || mm < 1 || mm > 12 || dd < 1 || dd > 31)
		return NULL;
	*m = mm;
	*d = dd;
	return r + 3 + k + 3;
}

/*
 * "10時30分", "午後6時25分", "午前10時": a time as Japanese writes it, the
 * hour hh of n digits at q (after 午前 or 午後, ampm 1 or 2).  Its length
 * from p, or 0.
 */
static int
pm_read_kanji_time(const char *p, const char *q, const char *e, int hh, int ampm,
				   int *h, int *mi, int *s, int *us)
{
	int			mm = 0,
				k;

	if (!PM_AT(q, e, PM_KANJI_HOUR) || PM_AT(q + 3, e, PM_KANJI_SPAN))
		return 0;
	q += 3;
	if ((k = pm_read_digits(q, e, 2, &mm)) > 0 && PM_AT(q + k, e, PM_KANJI_MINUTE))
		q += k + 3;
	else
		mm = 0;
	if (ampm == 2 && hh < 12)
		hh += 12;
	if (hh > 23 || mm > 59)
		return 0;
	*h = hh;
	*mi = mm;
	*s = 0;
	*us = 0;
	return q - p;
}

/* a date that starts with a digit at q: its end, or NULL */
static const char *
pm_read_numeric_date(const char *q, const char *e, int *y, int *m, int *d)
{
	int			a,
				n,
				sl,
				sl2;
	char		sep;
	const char *r;

	n = pm_read_digits(q, e, 4, &a);
	if (q + n + 3 <= e && (unsigned char) q[n] >= 0xe5 &&
		(r = pm_read_kanji_date(q, n, e, a, y, m, d)) != NULL)
		return r;
	sep = pm_date_sep(q + n, e, &sl);
	if (n == 4 && sep != '\0')
		return pm_read_iso_date(q + n + sl, e, sep, a, y, m, d);
	if (n != 1 && n != 2)
		return NULL;
	if (sep == '-' &&
		!(q + n + sl + 2 < e && isdigit((unsigned char) q[n + sl]) &&
		  pm_date_sep(q + n + sl + (isdigit((unsigned char) q[n + sl + 1]) ? 2 : 1), e, &sl2) == '-'))
	{
		/* "15-May-2024": a month's name between the separators */
		if ((r = pm_read_named_month_date(q + n + sl, e, sep, a, y, m, d)) != NULL)
			return r;
		sep = '\0';			/* "1-2 hours", "15-May": not DD-MM-YYYY */
	}
	if (sep == '/' && q + n + sl < e && isalpha((unsigned char) q[n + sl]))
		return pm_read_named_month_date(q + n + sl, e, sep, a, y, m, d);
	if ((r = pm_read_comma_date(q, n, e, a, y, m, d)) != NULL)
		return r;
	/* "14. März 2025": the day with a full stop, as German writes it */
	if (sep == '.' && q + n + 1 < e && q[n + 1] == ' ')
		return pm_read_day_month(q + n + 1, e, a, y, m, d);
	if (sep != '\0')
		return pm_read_sep_date(q + n + sl, e, sep, a, y, m, d);
	return pm_read_day_month(q + n, e, a, y, m, d);
}

/*
 * A date at p: 2024-05-15, 2024/05/15, 05/15/2024, 05/15/24 (15/05/2024 when
 * the first number cannot be a month), 15.05.2024, May 15[th][,] [2024], 15[th] [of]
 * May[,] [2024], with an optional weekday before.  y is 0 when no year is
 * written.  Returns bytes read.
 */
int
pm_read_date(const char *p, const char *e, int *y, int *m, int *d)
{
	const char *q = pm_skip_weekday(p, e);
	int			a,
				b,
				n;

	if (q < e && isdigit((unsigned char) *q))
	{
		const char *r = pm_read_numeric_date(q, e, y, m, d);

		return r ? r - p : 0;
	}

	/* May 15th, 2023 */
	n = pm_read_month(q, e, &a);
	if (n > 0)
	{
		const char *r = pm_skip_space(q + n, e);
		int			nd = pm_read_digits(r, e, 2, &b);
		bool		ordinal;

		if (nd == 0 || b < 1 || b > 31 || (r + nd < e && r[nd] == ':'))
			return 0;
		{
			const char *o = pm_skip_ordinal(r + nd, e);

			ordinal = o > r + nd;
			r = o;
		}
		*m = a;
		*d = b;
		r = pm_skip_day_range(r, e);
		r = pm_read_year_after(r, e, false, ordinal, y);
		return r - p;
	}
	return 0;
}

/*
 * "1405Z", "1405 hrs", "0900–1300 PST": four digits without a colon.  Returns
 * the bytes read, 0 when p holds none of these, -1 when it is no time.
 */
static bool pm_military_range(const char *p, const char *e);

static int
pm_read_hhmm(const char *p, const char *e, int *h, int *mi)
{
	const char *z;
	int			hh,
				mm;

	if (!(p + 4 < e && isdigit((unsigned char) p[0]) &&
		  isdigit((unsigned char) p[1]) && isdigit((unsigned char) p[2]) &&
		  isdigit((unsigned char) p[3]) &&
		  ((p[4] == 'Z' && (p + 5 >= e || !pm_isalnum(p[5]))) ||
		   pm_word_ci(pm_skip_space(p + 4, e), e, "hrs") || pm_military_range(p, e))))
		return 0;
	z = pm_skip_space(p + 4, e);
	hh = (p[0] - '0') * 10 + (p[1] - '0');
	mm = (p[2] - '0') * 10 + (p[3] - '0');
	if (hh > 23 || mm > 59)
		return -1;
	*h = hh;
	*mi = mm;
	if (*z == 'Z' || !pm_word_ci(z, e, "hrs"))
		return 4;
	return z + 3 - p;
}

/* ":30", ":30.123" after the minutes at q: past the seconds and their fraction */
static const char *
pm_read_seconds(const char *q, const char *e, int *ss, int *usec)
{
	if (q + 2 < e && *q == ':' && isdigit((unsigned char) q[1]) &&
		isdigit((unsigned char) q[2]))
	{
		*ss = (q[1] - '0') * 10 + (q[2] - '0');
		q += 3;
		if (q < e && *q == '.')
		{
			int			scale = 100000;

			q++;
			while (q < e && isdigit((unsigned char) *q))
			{
				*usec += (*q - '0') * scale;
				scale /= 10;
				q++;
			}
		}
	}
	return q;
}

/* " PM", "am", " p.m." at q: sets *ampm (1 am, 2 pm), returns past it */
static const char *
pm_read_ampm(const char *q, const char *e, int *ampm)
{
	const char *r = pm_skip_space(q, e);

	/* "from 3:12 pm to 3:58" at a line's end, "pm ET on ..." on the next: one time */
	if (r < e && *r == '\n')
	{
		const char *n = pm_skip_space(r + 1, e);

		if (e - n >= 2 && (n[0] == 'a' || n[0] == 'A' || n[0] == 'p' || n[0] == 'P') &&
			(n[1] == 'm' || n[1] == 'M' || n[1] == '.'))
			r = n;
	}
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
				*ampm = pm ? 2 : 1;
				return t;
			}
		}
		/* "### 11:21a", "### 12:28p": the letter alone, written against the digits */
		if (r == q && r + 1 <= e && (r + 1 == e || !pm_isalnum(r[1])) &&
			(r + 1 == e || r[1] != '.'))
		{
			*ampm = pm ? 2 : 1;
			return r + 1;
		}
	}
	return q;
}

/*
 * A time at p: 14:05, 14:05:30, 2:05 PM, 2:05pm, 2 p.m., and the spellings
 * outside the English-speaking SRE world: 2.05pm (British, only with am/pm so
 * that 15.05 or v2.31 are not times), 14h05 (French), 1405Z (military, only
 * with the Z; the Z is left for the zone); returns bytes read.
 */
/*
 * "0900–1300 PST", "1300 PST": 24-hour times without their colons, with a
 * zone after them (after the range's second time), at p's four digits.
 * Years ("2018–2019", "in 2019") have no zone after them.
 */
static bool
pm_military_range(const char *p, const char *e)
{
	const char *q = p + 4;
	PmZone		z;
	bool		unknown;

	if (q < e && *q == '-')
		q++;
	else if (e - q >= 3 && (unsigned char) q[0] == 0xe2 && (unsigned char) q[1] == 0x80 &&
			 ((unsigned char) q[2] == 0x93 || (unsigned char) q[2] == 0x94))
		q += 3;
	else
		q = p;					/* one time: its zone follows it */
	for (int i = 0; i < 4; i++)
		if (q + i >= e || !isdigit((unsigned char) q[i]))
			return false;
	if (q + 4 >= e || q[4] != ' ')
		return false;
	q = pm_skip_space(q + 4, e);
	if (q >= e || !isupper((unsigned char) *q))
		return false;
	return pm_read_zone(q, e, &z, &unknown, NULL) > 0 && !unknown;
}

int
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

	/* 午後6時25分 */
	if (q < e && (unsigned char) *q == 0xe5 && (PM_AT(q, e, PM_KANJI_AM) || PM_AT(q, e, PM_KANJI_PM)))
	{
		ampm = PM_AT(q, e, PM_KANJI_PM) ? 2 : 1;
		q += 6;
		n = pm_read_digits(q, e, 2, &hh);
		return n ? pm_read_kanji_time(p, q + n, e, hh, ampm, h, mi, s, us) : 0;
	}
	/* 1405Z, 1405 hrs, 0900–1300 PST */
	if ((n = pm_read_hhmm(p, e, h, mi)) != 0)
	{
		*s = 0;
		*us = 0;
		return n > 0 ? n : 0;
	}
	n = pm_read_digits(q, e, 2, &hh);
	if (n == 0)
		return 0;
	q += n;
	if (q + 2 < e && (unsigned char) *q == 0xe6)
		return pm_read_kanji_time(p, q, e, hh, 0, h, mi, s, us);
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
		q = pm_read_seconds(q, e, &ss, &usec);
		if (q < e && isdigit((unsigned char) *q))
			return 0;
	}
	q = pm_read_ampm(q, e, &ampm);
	if ((!has_min || dot_min) && ampm == 0)
		return 0;
	if (ampm && has_min && !dot_min && (hh == 0 || (hh > 12 && hh < 24)))
		ampm = 0;				/* "13:06 PM", "00:30 AM": a 24-hour time, the suffix a slip */
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
 * "晚", "晚上", "下午", "凌晨", "上午", "早上", "中午" before a time: past the
 * part of the day Chinese names; *pm when it is the afternoon or evening.
 */
static const char *
pm_read_day_part_zh(const char *r, const char *e, bool *pm)
{
	static const struct
	{
		const char *word;
		bool		pm;
	}			parts[] =
	{
		{"\xe6\x99\x9a\xe4\xb8\x8a", true}, {"\xe6\x99\x9a", true},	/* 晚上 晚 */
		{"\xe4\xb8\x8b\xe5\x8d\x88", true}, {"\xe5\x82\x8d\xe6\x99\x9a", true},	/* 下午 傍晚 */
		{"\xe5\x87\x8c\xe6\x99\xa8", false}, {"\xe4\xb8\x8a\xe5\x8d\x88", false},	/* 凌晨 上午 */
		{"\xe6\x97\xa9\xe4\xb8\x8a", false}, {"\xe4\xb8\xad\xe5\x8d\x88", false}	/* 早上 中午 */
	};

	*pm = false;
	for (int i = 0; i < lengthof(parts); i++)
		if (PM_AT(r, e, parts[i].word))
		{
			*pm = parts[i].pm;
			return r + strlen(parts[i].word);
		}
	return r;
}

/*
 * The time after a date ("2024-05-15T14:05", "May 15, 2024 at 14:05", "May
 * 15 from 10:00") at q: past it, or q; *iso when written with a T.
 */
static const char *
pm_stamp_time_after_date(const char *q, const char *e, PmStamp *st, int *n, bool *iso)
{
	const char *r = q;
	bool		pm = false;

	if (r < e && (*r == 'T' || *r == 't') && r + 1 < e && isdigit((unsigned char) r[1]))
	{
		r++;
		*iso = true;
	}
	else
	{
		if (r < e && *r == ',')
			r++;
		r = pm_skip_space(r, e);
		if (pm_word_ci(r, e, "at"))
		{
			static const char *const near[] = {"about", "around", "approximately", "roughly"};

			r = pm_skip_space(r + 2, e);
			/* "on 13th March at about 6:30 PM": the time said roughly is the day's */
			for (int k = 0; k < lengthof(near); k++)
				if (pm_word_ci(r, e, near[k]))
				{
					const char *t = pm_skip_space(r + strlen(near[k]), e);

					if (t < e && isdigit((unsigned char) *t))
						r = t;
					break;
				}
		}
		else if (pm_word_ci(r, e, "from"))
			r = pm_skip_space(r + 4, e);
		else if (st->y != 0 && r > q && r + 2 < e && (*r == '-' || PM_AT(r, e, "\xe2\x80\x93")))
		{
			/*
			 * "January 25, 2024 - 10:30 AM UTC": a dash between a full date
			 * and its time, spaced; only an h:mm time follows, so "May 15,
			 * 2024 - May 16" and "2024 - 2 hours" stay what they were
			 */
			int			dl = *r == '-' ? 1 : 3;
			const char *t = pm_skip_space(r + dl, e);

			if (t > r + dl && t + 3 < e && isdigit((unsigned char) t[0]) &&
				(t[1] == ':' || (isdigit((unsigned char) t[1]) && t[2] == ':')))
				r = t;
		}
	}
	/* "7月8日晚22:48", "7月9日凌晨2:35", "下午3:10": the part of the day in Chinese */
	if (st->kanji)
		r = pm_skip_space(pm_read_day_part_zh(r, e, &pm), e);
	*n = pm_read_time(r, e, &st->h, &st->mi, &st->s, &st->us);
	if (*n > 0)
	{
		st->has_time = true;
		if (pm && st->h < 12)
			st->h += 12;
		r += *n;
		/* "15 Feb at 11:40PM 2022": the year after the time */
		if (st->y == 0 && e - r >= 5 && r[0] == ' ' && (r[1] == '1' || r[1] == '2') &&
			isdigit((unsigned char) r[2]) && isdigit((unsigned char) r[3]) &&
			isdigit((unsigned char) r[4]) && (e - r == 5 || (!pm_isalnum(r[5]) && r[5] != ':')))
		{
			st->y = (r[1] - '0') * 1000 + (r[2] - '0') * 100 + (r[3] - '0') * 10 + (r[4] - '0');
			r += 5;
			*n = INT_MAX;		/* no range after it */
		}
		return r;
	}
	return q;
}

/*
 * "11:10 6th Nov 2023", "10:00 on May 5, 2024": the date after the time at
 * q: past it (and *n INT_MAX: no range after a date), or q.
 */
static const char *
pm_stamp_date_after_time(const char *q, const char *e, PmStamp *st, int *n)
{
	const char *r = pm_skip_space(q, e);
	int			nd;

	if (pm_word_ci(r, e, "on"))
		r = pm_skip_space(r + 2, e);
	if (r < e && r > q && (isdigit((unsigned char) *r) || isalpha((unsigned char) *r)) &&
		(nd = pm_read_date(r, e, &st->y, &st->m, &st->d)) > 0)
	{
		st->has_date = true;
		*n = INT_MAX;
		return r + nd;
	}
	/* "9:40 PM (Nov 2):": the day in brackets after the time, alone in them */
	if (r < e && r > q && *r == '(' && r + 1 < e && isalpha((unsigned char) r[1]) &&
		(nd = pm_read_date(r + 1, e, &st->y, &st->m, &st->d)) > 0 &&
		r + 1 + nd < e && r[1 + nd] == ')')
	{
		st->has_date = true;
		*n = INT_MAX;
		return r + nd + 2;
	}
	return q;
}

/* "19:35 IST (UTC+05:30)": the offset after the zone at q says which it is */
static const char *
pm_stamp_zone_offset(const char *q, const char *e, PmStamp *st)
{
	const char *r = pm_skip_space(q, e);
	PmZone		z;
	bool		unknown;
	int			n;

	if (r < e && *r == '(' && !pm_zone_is_offset(st->zone.label))
	{
		n = pm_read_zone(r, e, &z, &unknown, NULL);
		if (n > 0 && !unknown && z.valid && pm_zone_is_offset(z.label))
		{
			strlcpy(st->abbr, st->zone.label, sizeof(st->abbr));
			st->zone = z;
			strlcpy(st->zone_word, z.label, sizeof(st->zone_word));
			return r + n;
		}
	}
	return q;
}

/*
 * The zone after a time ending at q, the time n bytes long: past it, or q.
 * "02:00-04:30" is a range, not a time at offset -04:30.
 */
static const char *
pm_stamp_zone(const char *q, const char *e, PmStamp *st, int n, bool iso)
{
	const char *r = q;
	bool		unknown;
	int			h2,
				m2,
				s2,
				u2;

	if (r + 1 < e && *r == '-' && n <= 5 && !iso &&
		pm_read_time(r + 1, e, &h2, &m2, &s2, &u2) == 5)
		return q;
	/* "1:30pm-2:30pm", "3pm-4pm": a range of 12-hour times, not offset -2 */
	if (r + 1 < e && *r == '-' && !iso && (q[-1] == 'm' || q[-1] == 'M'))
	{
		int			n2 = pm_read_time(r + 1, e, &h2, &m2, &s2, &u2);

		if (n2 > 0 && (r[n2] == 'm' || r[n2] == 'M'))
			return q;
	}
	if (!(r < e && (*r == '+' || *r == '-' || *r == 'Z')))
		r = pm_skip_space(r, e);
	/* "09:47 Uhr": German's o'clock, German time unless a zone follows */
	if (r < e && (*r == 'U' || *r == 'u') && pm_word_ci(r, e, "uhr"))
	{
		const char *t = pm_skip_space(r + 3, e);

		if (pm_read_zone(t, e, &st->zone, &unknown, st->zone_word) > 0 && !unknown)
			r = t;
		else if (pm_zone_parse("Europe/Berlin", &st->zone))
		{
			st->has_zone = true;
			return r + 3;
		}
	}
	n = pm_read_zone(r, e, &st->zone, &unknown, st->zone_word);
	if (n <= 0)
		return q;
	if (!unknown)
	{
		st->has_zone = true;
		return pm_stamp_zone_offset(r + n, e, st);
	}
	/* an unknown word is a zone only when a separator follows */
	{
		const char *t = pm_skip_decor(r + n, e);

		if (t >= e || *t == ':' || *t == '-' || *t == ',' || *t == '|' ||
			*t == ')' || (unsigned char) *t == 0xe2)
		{
			st->zone_unknown = true;
			st->zone_pos = r;
			return r + n;
		}
	}
	return q;
}

/* "from 23:30 on May 15 to 01:15 on May 16 (UTC)": the zone after the date */
static const char *
pm_stamp_date_zone(const char *q, const char *e, PmStamp *st)
{
	const char *r = pm_skip_space(q, e);
	bool		unknown;
	PmZone		z;
	int			n;

	if (r < e && *r == '(')
	{
		n = pm_read_zone(r, e, &z, &unknown, NULL);
		if (n > 0 && !unknown && z.valid)
		{
			st->zone = z;
			st->has_zone = true;
			strlcpy(st->zone_word, z.label, sizeof(st->zone_word));
			return r + n;
		}
	}
	return q;
}

/*
 * A stamp at p: [date][T| |, |, at | at ][time][ zone], as much as is there.
 * Returns bytes read (0: neither a date nor a time).
 */
int
pm_read_stamp(const char *p, const char *e, PmStamp *st)
{
	const char *q = p;
	int			n;
	bool		iso = false;

	memset(st, 0, sizeof(PmStamp));
	n = pm_read_date(q, e, &st->y, &st->m, &st->d);
	if (n > 0)
	{
		st->has_date = true;
		st->kanji = n >= 3 && PM_AT(q + n - 3, e, PM_KANJI_DAY);
		q = pm_stamp_time_after_date(q + n, e, st, &n, &iso);
	}
	else
	{
		n = pm_read_time(q, e, &st->h, &st->mi, &st->s, &st->us);
		if (n == 0)
			return 0;
		/* a bare number with am/pm must stand alone: "3 a.m." not "13 am" */
		st->has_time = true;
		q = pm_stamp_date_after_time(q + n, e, st, &n);
	}
	if (st->has_time)
	{
		q = pm_stamp_zone(q, e, st, n, iso);
		/* "06:10 UTC 2023-09-04": the date after the time's zone */
		if (!st->has_date && st->has_zone)
		{
			const char *r = pm_skip_space(q, e);
			int			y,
						m,
						d,
						nd;

			/*
			 * and "09:12 UTC Monday, March 11th" (a weekday and its day),
			 * "06:10 UTC September 4, 2023" (a month's name)
			 */
			if (r < e && isalnum((unsigned char) *r) &&
				(nd = pm_read_date(r, e, &y, &m, &d)) > 0 &&
				(y != 0 || !isdigit((unsigned char) *r)))
			{
				st->has_date = true;
				st->y = y;
				st->m = m;
				st->d = d;
				q = r + nd;
			}
		}
	}
	else if (st->has_date)
		q = pm_stamp_date_zone(q, e, st);
	return q - p;
}

void
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
			const PmStamp *st = &out->st[out->n];
			const char *q = pm_skip_space(p + n, e);
			PmStamp		again;
			int			k;

			/*
			 * "9:12 PM ET (01:12 UTC)": the same moment said again in another
			 * zone, in brackets, is no second time (the minutes agree, the
			 * zones do not)
			 */
			if (st->has_time && st->has_zone && q + 1 < e && *q == '(' &&
				(k = pm_read_stamp(q + 1, e, &again)) > 0 && again.has_time &&
				again.has_zone && !again.has_date && again.mi == st->mi &&
				strcmp(again.zone_word, st->zone_word) != 0)
			{
				const char *r = pm_skip_space(q + 1 + k, e);

				if (r < e && *r == ')')
					n = r + 1 - p;
			}
			out->n++;
			p += n - 1;
		}
	}
}

void
pm_fmt_time(StringInfo buf, int h, int mi)
{
	appendStringInfo(buf, "%d:%02d %s", h % 12 == 0 ? 12 : h % 12, mi, h < 12 ? "AM" : "PM");
}

char *
pm_fmt_hm(int h, int mi)
{
	StringInfoData buf;

	initStringInfo(&buf);
	pm_fmt_time(&buf, h, mi);
	return buf.data;
}

void
pm_add_days(int *y, int *m, int *d, int days)
{
	int			j = date2j(*y, *m, *d) + days;

	j2date(j, y, m, d);
}

/* does the text name a day (with day) or a time of day (with time)? */
bool
pm_text_names(const char *s, int len, bool day, bool time)
{
	PmStamps	found;

	memset(&found, 0, sizeof(found));
	pm_scan_stamps(s, len, &found);
	for (int k = 0; k < found.n; k++)
		if ((day && found.st[k].has_date) || (time && found.st[k].has_time))
			return true;
	return false;
}

/* does the line's text name a day (with day) or a time of day (with time)? */
bool
pm_line_names(const PmLine *ln, bool day, bool time)
{
	return pm_text_names(ln->s, ln->len, day, time);
}
