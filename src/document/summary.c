/*-------------------------------------------------------------------------
 *
 * summary.c
 *	  The summary and root cause: "Label: value" fields, the texts, the users
 *	  affected, and the duration as the summary states it.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <ctype.h>

#include "lib/stringinfo.h"
#include "pgtime.h"
#include "utils/datetime.h"
#include "utils/timestamp.h"

#include "document/parse.h"
#include "document/parse_int.h"

static void pm_scan_summary_stamps(const char *s, int len, PmStamps *out);

PmField
pm_field_kind(const char *label)
{
	static const struct
	{
		const char *word;
		PmField		field;
	}			fields[] =
	{
		{"duration", F_DURATION}, {"date", F_DURATION}, {"when", F_DURATION}, {"period", F_DURATION},
		{"time", F_DURATION}, {"outage window", F_DURATION}, {"window", F_DURATION},
		{"start", F_START}, {"started", F_START}, {"start time", F_START},
		{"began", F_START}, {"started at", F_START},
		{"end", F_END}, {"ended", F_END}, {"end time", F_END}, {"resolved", F_END},
		{"resolved at", F_END}, {"ended at", F_END},
		{"trigger time", F_START}, {"triggered at", F_START},
		{"resolution time", F_END}, {"resolved time", F_END}, {"time resolved", F_END}, {"fixed", F_END},
		{"fixed at", F_END}, {"clear time", F_END}, {"actual clear time", F_END},
		{"cleared", F_END}, {"cleared at", F_END}, {"time cleared", F_END},
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
	const char *p = label;

	/*
	 * "発生日時" (when it began), "影響範囲" (what it hit): Japanese.  Not
	 * "復旧日時" (restored at): it is often one time per platform, each a
	 * paragraph, and the incident ends at the last (the timeline says it).
	 */
	if ((unsigned char) *p >= 0xe3 && (unsigned char) *p <= 0xe9)
	{
		static const struct
		{
			const char *word;
			PmField		field;
		}			ja[] =
		{
			{"\xe7\x99\xba\xe7\x94\x9f\xe6\x97\xa5\xe6\x99\x82", F_START},	/* 発生日時 */
			{"\xe7\x99\xba\xe7\x94\x9f\xe6\x99\x82\xe5\x88\xbb", F_START},	/* 発生時刻 */
			{"\xe5\xbd\xb1\xe9\x9f\xbf\xe7\xaf\x84\xe5\x9b\xb2", F_IMPACT}	/* 影響範囲 */
		};

		for (int i = 0; i < lengthof(ja); i++)
			if (strcmp(p, ja[i].word) == 0)
				return ja[i].field;
	}
	/* "🗓 Date", and the same emoji read in the wrong encoding ("ðŸ—“ Date") */
	while ((unsigned char) *p >= 0x80)
		p++;
	if (p > label && *p == ' ')
		label = p + 1;
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
	if (strncmp(l, "number of ", 10) == 0)
		l += 10;				/* "Number of users affected" */
	/* "Date of incident", "Date and Duration of Outage" */
	if (le - l > 12 && strcmp(le - 12, " of incident") == 0)
		le[-12] = '\0';
	else if (le - l > 16 && strcmp(le - 16, " of the incident") == 0)
		le[-16] = '\0';
	else if (le - l > 10 && strcmp(le - 10, " of outage") == 0)
		le[-10] = '\0';
	else if (le - l > 14 && strcmp(le - 14, " of the outage") == 0)
		le[-14] = '\0';
	if (strcmp(l, "date and duration") == 0)
		return F_DURATION;
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

/*
 * "Last updated: 2022-05-25", "Published: ...": the page's own dates, not
 * the incident's.
 */
static bool
pm_page_metadata(const char *s, const char *e)
{
	static const char *const labels[] = {"last updated", "updated", "last modified", "modified",
		"last edited", "published", "posted", "posted on", "published on", "updated on", "written", "created", "reviewed", "report date",
	"date written", "date of report", "authored", "revised"};
	const char *colon = memchr(s, ':', Min(e - s, 40));
	char	   *label;

	/* "**Detailed Status** (last updated at 2023-11-24 19:05 UTC by priya)" */
	if (pm_contains_ci(s, e - s, "(last updated") || pm_contains_ci(s, e - s, "(updated at") ||
		pm_contains_ci(s, e - s, "(last edited"))
		return true;
	if (colon == NULL)
		return false;
	label = pm_clean(s, colon);
	for (int i = 0; i < lengthof(labels); i++)
		if (pg_strcasecmp(label, labels[i]) == 0)
			return true;
	return false;
}

/* split "**Label:** value" / "Label: value"; returns the field, sets *value */
PmField
pm_read_field(const char *s, const char *e, const char **value)
{
	const char *colon = NULL;
	char	   *label;

	/* "**Root Cause** The migration ...": a bold label run into its text */
	if (e - s > 6 && s[0] == '*' && s[1] == '*' && isalpha((unsigned char) s[2]))
	{
		const char *close = NULL;

		for (const char *t = s + 2; t + 1 < e && t - s < 40 && *t != ':'; t++)
			if (t[0] == '*' && t[1] == '*')
			{
				close = t;
				break;
			}
		if (close != NULL && close + 3 < e && close[2] == ' ' &&
			isupper((unsigned char) close[3]))
		{
			PmField		f = pm_field_kind(pm_clean(s + 2, close));

			if (f != F_NONE)
			{
				*value = close + 3;
				return f;
			}
		}
	}
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

/* "**Data Lost**: ...", "**Owner:** ...": a line that opens with a bold label */
static bool
pm_bold_label_line(const char *s, const char *e)
{
	const char *p;

	if (e - s < 5 || s[0] != '*' || s[1] != '*')
		return false;
	for (p = s + 2; p + 1 < e && p - s < 48; p++)
		if (p[0] == '*' && p[1] == '*')
			return p > s + 2 && (p[-1] == ':' || (p + 2 < e && p[2] == ':'));
	return false;
}

StringInfo
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

/*
 * "| Detection Time | 2025-09-03 23:40 BRT |": a row of two cells whose
 * value is a time with a zone names the zone of a document that names
 * none elsewhere (settled in pass 2)
 */
void
pm_table_row_zone(PmParser *ps, const PmLine *ln)
{
	const char *cs[3],
			   *ce[3];
	PmStamps	found;

	if (ps->has_hint_zone || pm_table_cells(ln->s, ln->s + ln->len, cs, ce, 3) != 2)
		return;
	memset(&found, 0, sizeof(found));
	pm_scan_stamps(cs[1], ce[1] - cs[1], &found);
	if (found.n > 0 && found.st[0].has_time && found.st[0].has_zone && found.st[0].zone.valid)
	{
		ps->hint_zone = found.st[0].zone;
		ps->has_hint_zone = true;
	}
}

/* a key/value table: "| Severity | SEV-2 |" is "Severity: SEV-2" */
static void
pm_summary_table(PmParser *ps, const PmLine *ln)
{
	const char *s = ln->s,
			   *e = ln->s + ln->len;
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
	if (pm_field_kind(label) == F_NONE)
	{
		pm_table_row_zone(ps, ln);
		return;
	}
	if (strchr(label, ':'))
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

/*
 * A field line holding several: split at the separator before the next
 * label and read each part; false when it holds one.
 */
static bool
pm_summary_split(PmParser *ps, const PmLine *ln, const char *s, const char *e,
				 const char *value, bool newpara)
{
	/*
	 * "Date: May 15, 2024 · Time zone: UTC · Severity: SEV2", "Status:
	 * Resolved | Severity: SEV2": one field each
	 */
	for (const char *t = value; t + 1 < e; t++)
	{
		int			sep = 0;

		if ((unsigned char) t[0] == 0xc2 && (unsigned char) t[1] == 0xb7)
			sep = 2;			/* middle dot */
		else if (t[0] == '|' && t > value && t[-1] == ' ')
			sep = 1;			/* "**Status:** Resolved | **Severity:** SEV2" */
		else if (t + 2 < e && (unsigned char) t[0] == 0xe2 && (unsigned char) t[1] == 0x80 &&
				 (unsigned char) t[2] == 0xa2)
			sep = 3;			/* bullet */
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
				return true;
			}
		}
	}
	return false;
}

/* "Start time (UTC): 14:05": the zone in the label is the value's; false if none */
static bool
pm_summary_label_zone(PmParser *ps, const PmLine *ln, const char *s, const char *e,
					  const char *value, bool newpara)
{
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
		return true;
	}
	return false;
}

void
pm_summary_line(PmParser *ps, const PmLine *ln, bool newpara)
{
	const char *s = ln->s,
			   *e = ln->s + ln->len,
			   *value;
	bool		marker;
	PmField		f;

	if (*s == '|')
	{
		pm_summary_table(ps, ln);
		return;
	}
	s = pm_strip_marker(s, e, &marker);
	f = pm_read_field(s, e, &value);
	if (f != F_NONE && pm_summary_split(ps, ln, s, e, value, newpara))
		return;
	if ((f == F_START || f == F_END || f == F_DURATION) && value < e && value > s &&
		pm_summary_label_zone(ps, ln, s, e, value, newpara))
		return;
	if (f == F_NONE && pm_page_metadata(s, e))
		return;
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
	/*
	 * continuation of a field, or summary text; "**Data Lost**: 3,904
	 * lines" under "**Incident Date**: ..." is a field of its own, of a
	 * label the summary does not read, not more of the date
	 */
	if (ps->cur_field && ps->cur_field != &ps->summary && !newpara && (ln->indent > 0 || !marker) &&
		!pm_bold_label_line(s, e))
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

void
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

/* ---------------------------------------------------------------------
 * users affected
 * ---------------------------------------------------------------------
 */
bool
pm_users_word(const char *p, const char *e)
{
	static const char *const words[] = {"user", "customer", "client", "visitor", "account",
	"member", "player", "subscriber", "people", "tenant", "shopper", "merchant",
	"student", "learner", "daily active", "active user", "of our", "of all", "of the"};

	for (int i = 0; i < lengthof(words); i++)
		if (pm_prefix_ci(p, e, words[i]))
			return true;
	return false;
}

/* white space, also a line break inside a paragraph ("40% of\ncustomers") */
const char *
pm_skip_ws(const char *p, const char *e)
{
	while (p < e && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
		p++;
	return p;
}

/* a thousands separator: ",200" */
bool
pm_thousands(const char *q, const char *e)
{
	/* "1,200", and "120 000" as French and Russian write it (the caller checks the group before) */
	return (*q == ',' || *q == ' ') && q + 3 < e && isdigit((unsigned char) q[1]) &&
		isdigit((unsigned char) q[2]) && isdigit((unsigned char) q[3]) &&
		(q + 4 >= e || !isdigit((unsigned char) q[4]));
}

/*
 * A number at p: "1,200", "9.5", "40": its value v, as a count too (whole
 * numbers only), whether it has a fraction; sets *end past it and returns
 * its digits.
 */
static int
pm_read_number(const char *p, const char *e, double *v, int64 *count, bool *frac,
			   const char **end)
{
	const char *q = p;
	int			nd = 0,
				group = 0;
	double		scale = 0.1;

	*v = 0;
	*count = 0;
	*frac = false;
	while (q < e && (isdigit((unsigned char) *q) ||
					 (!*frac && *q == ',' && pm_thousands(q, e)) ||
					 (!*frac && group >= 1 && group <= 3 && *q == ' ' && pm_thousands(q, e)) ||
					 (*q == '.' && !*frac && q + 1 < e && isdigit((unsigned char) q[1]))))
	{
		if (*q == '.')
			*frac = true;
		if (!isdigit((unsigned char) *q))
			group = 0;
		else
			group++;
		if (isdigit((unsigned char) *q))
		{
			if (*frac)
			{
				*v += (*q - '0') * scale;
				scale /= 10;
			}
			else
			{
				*v = *v * 10 + (*q - '0');
				if (*count < INT64CONST(100000000000))
					*count = *count * 10 + (*q - '0');
			}
			nd++;
		}
		q++;
	}
	*end = q;
	return nd;
}

static void
pm_set_share(PmDocument *doc, double v)
{
	doc->has_users_pct = true;
	doc->users_pct = v;
}

/*
 * A share v% at p (its number; t just past the "%" or "percent"): of the
 * users when the field says so (bare), when users are named in brackets
 * before it ("one in five users (20%)") or within the next few words.
 */
/*
 * The number at p opens brackets right after the users: "one in five users
 * (20%)", "60% of all users (approximately 18,000)".
 */
static bool
pm_users_in_brackets(const char *s, const char *p)
{
	static const char *const about[] = {"approximately", "about", "around", "roughly", "nearly"};
	const char *b = p;

	while (b > s && (b[-1] == ' ' || b[-1] == '~'))
		b--;
	for (int i = 0; i < lengthof(about); i++)
	{
		int			n = strlen(about[i]);

		if (b - s >= n && pg_strncasecmp(b - n, about[i], n) == 0 &&
			(b - n == s || !isalpha((unsigned char) b[-n - 1])))
		{
			b -= n;
			while (b > s && b[-1] == ' ')
				b--;
			break;
		}
	}
	if (b == s || b[-1] != '(')
		return false;
	b--;
	while (b > s && b[-1] == ' ')
		b--;
	while (b > s && isalpha((unsigned char) b[-1]))
		b--;
	return pm_users_word(b, p);
}

/*
 * "Error Rate: 100% of the cron jobs failed", "a 100% fail rate": a rate of
 * requests or jobs, a label just before the share or a word right after it,
 * not a share of the users
 */
static bool
pm_share_is_rate(const char *s, const char *p, const char *t, const char *e)
{
	const char *b = p;
	int			words = 0;

	/* a label just before it: "Error Rate**: 100%" (not "a 5% error rate for 30% of users") */
	while (b > s && p - b < 8 && !isalnum((unsigned char) b[-1]) && b[-1] != '\n')
		b--;
	if (b - s >= 4 && pg_strncasecmp(b - 4, "rate", 4) == 0 &&
		(b - 4 == s || !isalpha((unsigned char) b[-5])))
		return true;
	for (t = pm_skip_space(t, e); t < e && words < 3; words++)
	{
		if (pm_prefix_ci(t, e, "rate") && (t + 4 >= e || !isalpha((unsigned char) t[4])))
			return true;
		while (t < e && isalpha((unsigned char) *t))
			t++;
		t = pm_skip_space(t, e);
	}
	return false;
}

/*
 * "(-17.7% of the monthly budget)", "30% of our capital": a share of money,
 * not of the users ("of the" names the whole within two words)
 */
static bool
pm_share_of_money(const char *t, const char *e)
{
	static const char *const money[] = {"budget", "capital", "balance", "revenue", "spend",
	"funds", "cost"};

	if (!pm_prefix_ci(t, e, "of "))
		return false;
	t = pm_skip_space(t + 3, e);
	for (int w = 0; w < 3 && t < e; w++)
	{
		for (int i = 0; i < lengthof(money); i++)
			if (pm_prefix_ci(t, e, money[i]))
				return true;
		while (t < e && isalpha((unsigned char) *t))
			t++;
		t = pm_skip_space(t, e);
	}
	return false;
}

/*
 * "3,904 lines (87% of the staging config store)": a share in brackets
 * after a quantity, of a whole the words up to the bracket or the stop
 * show is a thing, not the users ("(35% of the users)" is a share of them)
 */
static bool
pm_share_of_thing(const char *t, const char *e)
{
	int			words = 0;

	if (!pm_prefix_ci(t, e, "of the ") && !pm_prefix_ci(t, e, "of our ") &&
		!pm_prefix_ci(t, e, "of all "))
		return false;
	for (t = pm_skip_space(t + 7, e); t < e && words < 4; words++)
	{
		if (pm_users_word(t, e) && !pm_prefix_ci(t, e, "of "))
			return false;
		if (!isalpha((unsigned char) *t))
			return false;
		while (t < e && (isalnum((unsigned char) *t) || *t == '-'))
			t++;
		if (t < e && (*t == ')' || *t == '.' || *t == ',' || *t == ';'))
			return true;
		t = pm_skip_ws(t, e);
	}
	return false;
}

static void
pm_users_share(PmDocument *doc, const char *s, const char *e, const char *p, const char *t,
			   double v, bool bare)
{
	int			words = 0;

	if (bare && !doc->has_users_pct && v <= 100)
		pm_set_share(doc, v);
	if (doc->has_users_pct || pm_share_is_rate(s, p, t, e))
		return;
	/* "one in five users (20%)": the share in brackets after the users */
	if (!doc->has_users_pct && v <= 100 && pm_users_in_brackets(s, p))
		pm_set_share(doc, v);
	/* users within the next few words */
	for (t = pm_skip_ws(t, e); t < e && words < 6; words++)
	{
		if (isdigit((unsigned char) *t))
			break;				/* "90% of requests from 55% of users" */
		if (pm_word_ci(t, e, "because") || pm_word_ci(t, e, "since") ||
			pm_word_ci(t, e, "when") || pm_word_ci(t, e, "while"))
			break;				/* "dropped 25% because clients retried" */
		if (pm_users_word(t, e))
		{
			if (!doc->has_users_pct && v <= 100 && !pm_share_of_money(t, e) &&
				!(p > s && p[-1] == '(' && pm_share_of_thing(t, e)))
				pm_set_share(doc, v);
			break;
		}
		while (t < e && !isspace((unsigned char) *t) && *t != '.' && *t != ';')
			t++;
		if (t < e && (*t == '.' || *t == ';'))
			break;
		t = pm_skip_ws(t, e);
	}
}

/*
 * "3 test users", "40 real customers", "12 beta users": a word that says
 * which users, between the count and them (its first letter looked at
 * before the words are)
 */
static bool
pm_users_kind_word(const char *t, const char *e)
{
	switch (*t | 0x20)
	{
		case 't':
			return pm_word_ci(t, e, "test");
		case 'r':
			return pm_word_ci(t, e, "real") || pm_word_ci(t, e, "registered");
		case 'b':
			return pm_word_ci(t, e, "beta");
		case 'i':
			return pm_word_ci(t, e, "internal");
		default:
			return false;
	}
}

/*
 * A count at p ("1,200 users", "127 of our users", "3k customers", "1.2
 * million users"): q just past its digits, r past the space after them.
 */
static void
pm_users_count(PmDocument *doc, const char *p, const char *q, const char *r, const char *e,
			   double v, int64 count, bool frac, bool bare)
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
		return;					/* "2.5 users" is not a count */
	if (v * mult > PM_MAX_USERS)
	{
		/* more than anyone has users: a typo or an id, not a count */
		pm_note(doc, "the number of users affected (%.*s) is too large to be a count; left it out",
				(int) Min(q - p, 40), p);
		return;
	}
	if (mult > 1)
		count = (int64) (v * mult + 0.5);
	if (bare)
	{
		/* "Users affected: 1,450": the field says what is counted */
		doc->has_users_count = true;
		doc->users_count = count;
		return;
	}

	/* "1,200 users", "127 of our users" */
	for (; t < e && words < 3; words++)
	{
		if (pm_prefix_ci(t, e, "user") || pm_prefix_ci(t, e, "customer") ||
			pm_prefix_ci(t, e, "client") || pm_prefix_ci(t, e, "account") ||
			pm_prefix_ci(t, e, "subscriber") || pm_prefix_ci(t, e, "visitor") ||
			pm_prefix_ci(t, e, "shopper") || pm_prefix_ci(t, e, "player") ||
			pm_prefix_ci(t, e, "student") ||
			pm_prefix_ci(t, e, "usuário") || pm_prefix_ci(t, e, "usuario") ||
			pm_prefix_ci(t, e, "utilisateur") || pm_prefix_ci(t, e, "nutzer"))
		{
			/* the same words in Portuguese, Spanish, French, German */
			doc->has_users_count = true;
			doc->users_count = count;
			break;
		}
		if (!(pm_word_ci(t, e, "of") || pm_word_ci(t, e, "our") ||
			  pm_word_ci(t, e, "the") || pm_word_ci(t, e, "active") ||
			  pm_word_ci(t, e, "affected") || pm_word_ci(t, e, "paying") ||
			  pm_word_ci(t, e, "daily") || pm_word_ci(t, e, "unique") ||
			  pm_users_kind_word(t, e)))
			break;
		while (t < e && isalpha((unsigned char) *t))
			t++;
		t = pm_skip_ws(t, e);
	}
}

/*
 * Is the number at p, of four digits, the year of a date: "January 8, 2025",
 * "8 Jan 2025", "March 2024"?  (A summary line that ends in one, above one
 * that opens with "Users could not ...", names no 2,025 users.)
 */
static bool
pm_year_of_date(const char *s, const char *p, const char *q)
{
	static const char months[][4] = {"jan", "feb", "mar", "apr", "may", "jun",
	"jul", "aug", "sep", "oct", "nov", "dec"};
	const char *b = p;
	const char *w;

	if (q - p != 4 || (*p != '1' && *p != '2'))
		return false;
	while (b > s && b[-1] == ' ')
		b--;
	/* "8, 2025", "8th, 2025" */
	if (b > s && b[-1] == ',')
	{
		b--;
		while (b > s && isalpha((unsigned char) b[-1]) && p - b < 8)
			b--;
		return b > s && isdigit((unsigned char) b[-1]);
	}
	/* "Jan 2025", "January 2025" */
	for (w = b; w > s && isalpha((unsigned char) w[-1]); w--)
		;
	if (b - w < 3 || b - w > 9)
		return false;
	for (int i = 0; i < lengthof(months); i++)
		if (pg_strncasecmp(w, months[i], 3) == 0)
			return true;
	return false;
}

/*
 * "35 %", "60% of our users", "1,200 users", "127 of our users", "1.2
 * million users".  bare: the text is a Users affected field, where a number
 * needs no "users" after it.
 */
/*
 * "No real customers were affected.", "No users were impacted": a count of
 * none, said in words ("No users were able to log in" is everyone).
 */
static bool
pm_users_none(const char *s, const char *e)
{
	for (const char *p = s; p + 3 < e; p++)
	{
		const char *t;

		if ((*p | 0x20) != 'n' || (p > s && isalpha((unsigned char) p[-1])) ||
			!pm_word_ci(p, e, "no"))
			continue;
		t = pm_skip_ws(p + 2, e);
		if (pm_word_ci(t, e, "real") || pm_word_ci(t, e, "external"))
			t = pm_skip_ws(t + (pm_word_ci(t, e, "real") ? 4 : 8), e);
		if (!(pm_prefix_ci(t, e, "users ") || pm_prefix_ci(t, e, "customers ")))
			continue;
		t = pm_skip_ws(t + (pm_prefix_ci(t, e, "users ") ? 6 : 10), e);
		if (!pm_word_ci(t, e, "were"))
			continue;
		t = pm_skip_ws(t + 4, e);
		if (pm_word_ci(t, e, "affected") || pm_word_ci(t, e, "impacted"))
			return true;
	}
	return false;
}

void
pm_users(PmParser *ps, const char *s, int len, bool bare)
{
	const char *e = s + len;
	PmDocument *doc = ps->doc;

	if (!doc->has_users_count && !doc->has_users_pct && !bare &&
		pm_users_none(s, e))
	{
		doc->has_users_count = true;
		doc->users_count = 0;
		return;
	}

	for (const char *p = s; p < e; p++)
	{
		const char *q,
				   *r;
		double		v;
		int64		count;
		bool		frac;

		if (!isdigit((unsigned char) *p) ||
			(p > s && (isalnum((unsigned char) p[-1]) || p[-1] == '.' || p[-1] == ',')))
			continue;
		/* "2025-01-08", "10:20": the end of a date or a time, not a count */
		if (p - s >= 2 && (p[-1] == '-' || p[-1] == '/' || p[-1] == ':') &&
			isdigit((unsigned char) p[-2]))
			continue;
		/* "LED-2291", "INC-1006": an identifier's number, no count */
		if (p - s >= 2 && p[-1] == '-' && isalpha((unsigned char) p[-2]))
			continue;
		if (pm_read_number(p, e, &v, &count, &frac, &q) == 0)
			continue;
		r = pm_skip_ws(q, e);
		if (r < e && (*r == '%' || pm_word_ci(r, e, "percent")))
		{
			pm_users_share(doc, s, e, p, r + (*r == '%' ? 1 : 7), v, bare);
			/* "affected 35 % of" handled above; also "users: 35%" */
			p = r;
			continue;
		}
		/* "of all users (approximately 18,000)": the count in brackets */
		if (!doc->has_users_count && !pm_year_of_date(s, p, q))
			pm_users_count(doc, p, q, r, e, v, count, frac,
						   bare || (q < e && *q == ')' && pm_users_in_brackets(s, p)));
		p = q - 1;
	}
}

/*
 * "on the evening of ...", "on Monday", "at 14:05", "in the morning" after
 * "all our players": when they were hit, not which of them
 */
static bool
pm_when_follows(const char *t, const char *e)
{
	static const char *const words[] = {"morning", "afternoon", "evening", "night",
		"weekend", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday"};

	t = pm_skip_ws(t, e);
	if (pm_word_ci(t, e, "the"))
		t = pm_skip_ws(t + 3, e);
	if (t < e && isdigit((unsigned char) *t))
		return true;
	for (int i = 0; i < lengthof(words); i++)
		if (pm_word_ci(t, e, words[i]))
			return true;
	return false;
}

/*
 * "all users", "all of our customers", "every user", "all our players" (a
 * game's): the whole user base
 * ("all users in the EU" is not).
 */
bool
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
				pm_prefix_ci(t, e, "visitor") || pm_prefix_ci(t, e, "account") ||
				pm_prefix_ci(t, e, "player"))
			{
				/* "all users in the EU", "all customers on the EU cluster": a part */
				static const char *const qualifiers[] = {"in", "on", "of", "from", "using",
				"with", "who", "whose", "that", "behind", "at"};

				const char *w;

				while (t < e && isalpha((unsigned char) *t))
					t++;
				t = pm_skip_ws(t, e);
				for (int k = 0; k < lengthof(qualifiers); k++)
					if (pm_word_ci(t, e, qualifiers[k]) &&
						!pm_when_follows(t + strlen(qualifiers[k]), e))
						return false;
				/* "every account liquidated at a stale price": those of them */
				for (w = t; w < e && isalpha((unsigned char) *w); w++)
					;
				if (w - t > 3 && pm_prefix_ci(w - 2, e, "ed") &&
					!pm_word_ci(t, e, "affected") && !pm_word_ci(t, e, "impacted"))
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

/*
 * "a small number of accounts", "a subset of customers", "some users": the
 * summary says only part of the users were hit
 */
static bool
pm_users_part(const char *s, int len)
{
	static const char *const parts[] = {"small number of", "subset of", "handful of",
	"some users", "some customers", "some accounts", "a few users", "a few customers"};

	for (int i = 0; i < lengthof(parts); i++)
		if (pm_contains_ci(s, len, parts[i]))
			return true;
	return false;
}

/*
 * How long the summary says the incident lasted ("lasting 37 minutes", "for
 * 2 hours", "1 hour and 25 minutes", "1h 13m"): seconds, or 0.  In a
 * Duration field any length counts; in prose only one that says it is the
 * incident's ("lasting", "lasted", "for"), not a time to detect.
 */
static int	pm_stated_length_at(const char *s, int len, bool field, const char **at);

int
pm_stated_length(const char *s, int len, bool field)
{
	return pm_stated_length_at(s, len, field, NULL);
}

/* pm_stated_length, and where the length's number stands (at, if not NULL) */
static int
pm_stated_length_at(const char *s, int len, bool field, const char **at)
{
	const char *e = s + len;

	for (const char *p = s; p < e; p++)
	{
		const char *q = p;
		int			secs = 0;
		int			parts = 0;

		if (!isdigit((unsigned char) *p) || (p > s && (isalnum((unsigned char) p[-1]) || p[-1] == ':' || p[-1] == '.')))
			continue;
		if (!field)
		{
			const char *b = p;
			int			words = 0;
			bool		says = false;

			while (b > s && words < 3)
			{
				const char *w;

				while (b > s && (b[-1] == ' ' || b[-1] == '*'))
					b--;
				w = b;
				while (w > s && isalpha((unsigned char) w[-1]))
					w--;
				if (w == b)
					break;
				if (pm_word_ci(w, e, "lasting") || pm_word_ci(w, e, "lasted") ||
					pm_word_ci(w, e, "for") || pm_word_ci(w, e, "duration"))
					says = true;
				b = w;
				words++;
			}
			if (!says)
				continue;
		}
		while (q < e && parts < 2)
		{
			int			n = 0,
						nd = 0;
			const char *u;

			while (q < e && isdigit((unsigned char) *q) && nd < 4)
			{
				n = n * 10 + (*q++ - '0');
				nd++;
			}
			if (nd == 0 || (q < e && isdigit((unsigned char) *q)))
				break;
			u = pm_skip_space(q, e);
			while (u < e && *u == '*')
				u++;
			if (pm_prefix_ci(u, e, "hour") || pm_word_ci(u, e, "hrs") || pm_word_ci(u, e, "hr") ||
				pm_word_ci(u, e, "h"))
				secs += n * 3600;
			else if (pm_prefix_ci(u, e, "minute") || pm_word_ci(u, e, "mins") ||
					 pm_word_ci(u, e, "min") || pm_word_ci(u, e, "m"))
				secs += n * 60;
			else if (pm_word_ci(u, e, "days") || pm_word_ci(u, e, "day"))
				secs += n * 86400;
			else
				break;
			parts++;
			while (u < e && isalpha((unsigned char) *u))
				u++;
			q = pm_skip_space(u, e);
			while (q < e && *q == '*')
				q++;
			/* "6 hours, 35 minutes": a comma between the parts */
			if (q + 1 < e && *q == ',' && isdigit((unsigned char) *pm_skip_space(q + 1, e)))
				q = pm_skip_space(q + 1, e);
			if (pm_word_ci(q, e, "and"))
				q = pm_skip_space(q + 3, e);
		}
		if (secs > 0)
		{
			if (at)
				*at = p;
			return secs;
		}
	}
	return 0;
}

/*
 * "was down for about 19 hours", "for ~40 minutes": a length in prose that
 * its writer hedged right before its number is rounded
 */
static bool
pm_prose_length_is_rough(const char *s, int len)
{
	static const char *const hedges[] = {"about", "around", "roughly", "approximately",
	"nearly", "almost", "some", "over"};
	const char *p = NULL;
	const char *w;

	if (pm_stated_length_at(s, len, false, &p) == 0 || p == NULL)
		return false;
	while (p > s && p[-1] == ' ')
		p--;
	if (p > s && p[-1] == '~')
		return true;
	for (w = p; w > s && isalpha((unsigned char) w[-1]); w--)
		;
	for (int i = 0; i < lengthof(hedges); i++)
		if (p - w == (int) strlen(hedges[i]) && pm_word_ci(w, p, hedges[i]))
			return true;
	return false;
}

/*
 * The summary's times name no zone: they are in the timeline's ("Timeline
 * (EAT)", or the zone its entries name), as the writer read them off it.
 */
static bool
pm_timeline_zone_guess(PmParser *ps, PmZone *z)
{
	if (ps->timeline_zone && pm_zone_parse(ps->timeline_zone, z))
		return true;
	for (int i = 0; i < ps->nraw; i++)
		if (ps->raw[i].st.has_zone && ps->raw[i].st.zone.valid)
		{
			*z = ps->raw[i].st.zone;
			return true;
		}
	return false;
}

/*
 * A Duration field with times but no date ("08:41–09:54 UTC"): the date is
 * the one the summary's prose or the title names ("Outage on 2025-05-20"),
 * else the text that opens the document ("the outage that occurred on
 * October 3, 2023"), added to the duration's stamps as a date alone.
 */
static void
pm_summary_date(PmParser *ps)
{
	PmStamps	more;
	const char *texts[4] = {ps->summary.data, ps->impact.data, ps->doc->title,
	ps->has_lead ? ps->sections[0].body : NULL};

	for (int i = 0; i < ps->dur.n; i++)
		if (ps->dur.st[i].has_date)
			return;
	for (int k = 0; k < lengthof(texts); k++)
	{
		more.n = 0;
		if (texts[k] == NULL)
			continue;
		pm_scan_stamps(texts[k], strlen(texts[k]), &more);
		for (int i = 0; i < more.n; i++)
			if (more.st[i].has_date && ps->dur.n < lengthof(ps->dur.st))
			{
				PmStamp    *st = &ps->dur.st[ps->dur.n++];

				*st = more.st[i];
				st->has_time = false;
				st->has_zone = false;
				return;
			}
	}
}

/* the summary's texts and its title */
static void
pm_summary_texts(PmParser *ps)
{
	PmDocument *doc = ps->doc;

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
}

/* users affected: the explicit field first, then impact, then summary */
static void
pm_summary_users(PmParser *ps)
{
	PmDocument *doc = ps->doc;

	if (ps->users_field.len)
		pm_users(ps, ps->users_field.data, ps->users_field.len, true);
	if (ps->impact.len)
		pm_users(ps, ps->impact.data, ps->impact.len, false);
	if (ps->summary.len)
		pm_users(ps, ps->summary.data, ps->summary.len, false);
	if (ps->duration.len)
		pm_users(ps, ps->duration.data, ps->duration.len, false);
	/* no summary: the text that opens the document, under the writer's own heading */
	if (ps->has_lead && ps->summary.len == 0 && ps->impact.len == 0 &&
		!doc->has_users_pct && !doc->has_users_count && ps->sections[0].body)
		pm_users(ps, ps->sections[0].body, strlen(ps->sections[0].body), false);
	/*
	 * no number anywhere: "all users", "every customer"; but not where the
	 * summary says only part were hit ("A very small number of accounts
	 * could not log in" above "Restore login for all accounts")
	 */
	if (!doc->has_users_pct && !doc->has_users_count &&
		!(ps->summary.len && pm_users_part(ps->summary.data, ps->summary.len)) &&
		!(ps->impact.len && pm_users_part(ps->impact.data, ps->impact.len)))
	{
		if ((ps->users_field.len && pm_users_all(ps->users_field.data, ps->users_field.len)) ||
			(ps->impact.len && pm_users_all(ps->impact.data, ps->impact.len)) ||
			(ps->summary.len && pm_users_all(ps->summary.data, ps->summary.len)))
		{
			doc->has_users_pct = true;
			doc->users_pct = 100;
		}
	}
}

/*
 * No timeline and no time in the summary, but a Detection section ("Alert
 * triggered at 09:12 UTC"): its first time is when the incident was seen
 * to begin, the summary's start.
 */
static void
pm_detection_stamps(PmParser *ps)
{
	for (int i = 0; i < ps->dur.n; i++)
		if (ps->dur.st[i].has_time)
			return;
	if (ps->nraw > 0)
		return;
	for (int i = 0; i < ps->nsections; i++)
	{
		const PmSectionText *sec = &ps->sections[i];
		PmStamps	found;

		if (sec->body == NULL || !pm_contains_ci(sec->heading, strlen(sec->heading), "detect"))
			continue;
		memset(&found, 0, sizeof(found));
		pm_scan_stamps(sec->body, strlen(sec->body), &found);
		for (int j = 0; j < found.n; j++)
			if (found.st[j].has_time && ps->dur.n < lengthof(ps->dur.st))
			{
				ps->dur.st[ps->dur.n++] = found.st[j];
				return;
			}
	}
}

/*
 * "**Time:** 10:20 PKT" and no end field, over "37 refunds held back
 * between 10:20–11:05." in the summary's prose: a span that opens at the
 * field's one time gives the end.
 */
static void
pm_field_span_end(PmParser *ps)
{
	PmStamps	prose;
	const PmStamp *t = NULL;

	if (ps->end_field.len || ps->start_field.len || ps->summary.len == 0 || ps->nraw > 0)
		return;
	for (int i = 0; i < ps->dur.n; i++)
		if (ps->dur.st[i].has_time)
		{
			if (t != NULL)
				return;			/* the field has its end */
			t = &ps->dur.st[i];
		}
	if (t == NULL)
		return;
	{
		/* two "dd:dd" in the prose at least, before scanning it */
		int			colons = 0;

		for (int i = 1; i + 1 < ps->summary.len && colons < 2; i++)
			if (ps->summary.data[i] == ':' && isdigit((unsigned char) ps->summary.data[i - 1]) &&
				isdigit((unsigned char) ps->summary.data[i + 1]))
				colons++;
		if (colons < 2)
			return;
	}
	memset(&prose, 0, sizeof(prose));
	pm_scan_summary_stamps(ps->summary.data, ps->summary.len, &prose);
	for (int i = 0; i + 1 < prose.n; i++)
	{
		const PmStamp *a = &prose.st[i],
				   *b = &prose.st[i + 1];

		if (a->has_time && b->has_time && !a->has_date && !b->has_date &&
			a->h == t->h && a->mi == t->mi && (b->h > a->h || (b->h == a->h && b->mi > a->mi)) &&
			ps->dur.n < lengthof(ps->dur.st))
		{
			ps->dur.st[ps->dur.n++] = *b;
			return;
		}
	}
}

/* the date and time mentions of the duration, as the summary states it */
static void
pm_summary_stamps(PmParser *ps)
{
	PmDocument *doc = ps->doc;

	memset(&ps->dur, 0, sizeof(ps->dur));
	if (ps->start_field.len || ps->end_field.len)
	{
		PmStamps	day;

		/*
		 * "Date: June 3, 2022" beside "Trigger Time: 18:10 UTC" and
		 * "Resolution Time: 03:30 UTC (June 4)": the day the fields'
		 * times start on is the Date field's, when it names only a day.
		 */
		memset(&day, 0, sizeof(day));
		pm_scan_stamps(ps->duration.data, ps->duration.len, &day);
		if (day.n > 0 && day.st[0].has_date && !day.st[0].has_time)
			ps->dur.st[ps->dur.n++] = day.st[0];
		{
			int			n0 = ps->dur.n;

			pm_scan_stamps(ps->start_field.data, ps->start_field.len, &ps->dur);
			if (ps->dur.n > n0 + 1)
				ps->dur.n = n0 + 1;
		}
		ps->end_from = ps->dur.n;
		pm_scan_stamps(ps->end_field.data, ps->end_field.len, &ps->dur);
		ps->end_to = ps->dur.n;
	}
	if (ps->duration.len)
		pm_scan_stamps(ps->duration.data, ps->duration.len, &ps->dur);
	if (ps->dur.n == 0 || !(ps->dur.st[0].has_time || (ps->dur.n > 1 && ps->dur.st[1].has_time)))
	{
		/* no Duration field with times: the summary's prose, then the title */
		if (ps->summary.len)
			pm_scan_summary_stamps(ps->summary.data, ps->summary.len, &ps->dur);
		if (ps->impact.len)
			pm_scan_stamps(ps->impact.data, ps->impact.len, &ps->dur);
		pm_scan_stamps(doc->title, strlen(doc->title), &ps->dur);
		/*
		 * 'title: "Post-mortem: Release on June 7, 2021"' in the front
		 * matter, when a heading below it became the title: its day too
		 */
		if (ps->front_title && doc->title != ps->front_title)
			pm_scan_stamps(ps->front_title, strlen(ps->front_title), &ps->dur);
		pm_detection_stamps(ps);
		if (ps->has_lead)
			pm_summary_date(ps);
	}
	else
	{
		pm_summary_date(ps);
		pm_field_span_end(ps);
	}
}

/*
 * Of the duration's mentions: the first two times (t0, t1), the first date
 * (d0) and a date after the first time (d1, "... to May 16 01:15"); a date
 * without a year takes on_date's.  The first date, or the first time's own,
 * is the date of the timeline's first entries; a zone the document's.
 */
static void
pm_summary_pick(PmParser *ps, PmStamp **t0, PmStamp **t1, PmStamp **d0, PmStamp **d1)
{
	const PmOptions *opt = ps->opt;
	int			i0 = -1;

	int			year = 0;

	*t0 = *t1 = *d0 = *d1 = NULL;

	/*
	 * "On March 4, 2022 ... until 11 am on March 7": a day without a year
	 * takes the year the summary names for another day
	 */
	for (int i = 0; i < ps->dur.n && year == 0; i++)
		if (ps->dur.st[i].has_date)
			year = ps->dur.st[i].y;
	if (year == 0 && ps->summary.len > 0)
	{
		/* "On September 3 starting at 02:10am PDT" over "Posted Sep 03, 2021 - ...": its year */
		PmStamps	sum;

		memset(&sum, 0, sizeof(sum));
		pm_scan_stamps(ps->summary.data, ps->summary.len, &sum);
		for (int i = 0; i < sum.n && year == 0; i++)
			if (sum.st[i].has_date)
				year = sum.st[i].y;
	}
	if (year == 0)
		year = pm_history_year(ps);	/* the status updates below the report */
	if (year == 0)
	{
		/* "On July 8 from 13:10 to 15:45 UTC" over "Posted Jul 12, 2021 - 18:30 UTC" */
		int			m,
					d;

		if (!pm_posted_day(ps, &year, &m, &d))
			year = 0;
	}
	if (year == 0 && ps->has_front_date)
	{
		/*
		 * a post dated "2018-01-11" in its front matter over "On Tuesday
		 * January 9 from 17:09 EST ...": the year that puts the day within
		 * two months before the post ("December 30" in a post of January 3
		 * is the year before), or within two months after it (a window the
		 * post announces ahead); a day further off is history the post
		 * recalls, which this does not date
		 */
		int			post = date2j(ps->front_y, ps->front_m, ps->front_d);

		for (int i = 0; i < ps->dur.n && year == 0; i++)
			if (ps->dur.st[i].has_date && ps->dur.st[i].y == 0)
				for (int y = ps->front_y; y >= ps->front_y - 1 && year == 0; y--)
				{
					int			gap = post - date2j(y, ps->dur.st[i].m, ps->dur.st[i].d);

					if (gap >= -62 && gap <= 62)
						year = y;
				}
	}
	for (int i = 0; i < ps->dur.n; i++)
	{
		PmStamp    *st = &ps->dur.st[i];

		if (st->has_date && st->y == 0)
		{
			if (opt->has_on_date)
				st->y = opt->on_year;
			else if (year != 0)
				st->y = year;
			else
			{
				st->has_date = false;
				ps->yearless_m = st->m; /* "April 17th": no year */
				ps->yearless_d = st->d;
			}
		}
		if (st->has_time)
		{
			if (*t0 == NULL)
			{
				*t0 = st;
				i0 = i;
			}
			else if (*t1 == NULL &&
					 !(st->h == (*t0)->h && st->mi == (*t0)->mi && st->s == (*t0)->s &&
					   st->us == (*t0)->us &&	/* "2:05:51.412 PM - 2:05:51.419 PM": two */
					   (!st->has_date || !(*t0)->has_date ||
						(st->y == (*t0)->y && st->m == (*t0)->m && st->d == (*t0)->d))))
				*t1 = st;		/* the start said twice is no end */
		}
		if (st->has_date)
		{
			/* "End: 07:00 UTC (May 7)" with "Date: May 6": the end's own day is not the start's */
			if (*d0 == NULL && (i < ps->end_from || i >= ps->end_to))
				*d0 = st;
			else if (*t0 != NULL && i > i0 && *d1 == NULL && *t1 == NULL)
				*d1 = st;
		}
		if (st->has_zone && !ps->has_doc_zone)
		{
			ps->doc_zone = st->zone;
			ps->has_doc_zone = true;
		}
		/* "2023年6月14日午前10時" without a zone: Japan has one, JST (China's CST) */
		if (st->kanji && !ps->has_hint_zone && pm_zone_parse(pm_kanji_zone(ps), &ps->hint_zone))
			ps->has_hint_zone = ps->hint_kanji = true;
	}
	for (int i = ps->end_from; i < ps->end_to && *d0 == NULL; i++)
		if (ps->dur.st[i].has_date)
			*d0 = &ps->dur.st[i];

	/*
	 * "12 March, 2016" above "On Wednesday, 9th March, ... from 06:14 UTC":
	 * the post's day, then the incident's nearer the first time and earlier
	 * in the calendar; the start is on the incident's.  A summary without
	 * a time ("April 02, 2019 - by The Vault Team" over "the March 14
	 * outage", the times in the sections below): any day of it.
	 */
	for (int i = 0; *d0 != NULL && i < (i0 >= 0 ? i0 : ps->dur.n); i++)
	{
		PmStamp    *st = &ps->dur.st[i];

		if (st != *d0 && st->has_date && !st->has_time && st->y != 0 &&
			(i < ps->end_from || i >= ps->end_to) &&
			date2j(st->y, st->m, st->d) < date2j((*d0)->y, (*d0)->m, (*d0)->d) &&
			date2j((*d0)->y, (*d0)->m, (*d0)->d) - date2j(st->y, st->m, st->d) <= 31)
			*d0 = st;
	}
	if (*d0)
	{
		ps->has_base = true;
		ps->base_y = (*d0)->y;
		ps->base_m = (*d0)->m;
		ps->base_d = (*d0)->d;
		ps->base_from = "the summary";
	}
}

/* the summary's end, t1, on the start's date (y, m, d) unless it names its own */
static void
pm_summary_end(PmParser *ps, PmStamp *t0, PmStamp *t1, PmStamp *d1, const PmZone *z0,
			   int y, int m, int d)
{
	PmDocument *doc = ps->doc;
	PmZone		z1 = t1->has_zone ? t1->zone : *z0;

	if (t1->has_date)
	{
		y = t1->y;
		m = t1->m;
		d = t1->d;
	}
	else if (d1)
	{
		y = d1->y;
		m = d1->m;
		d = d1->d;
	}
	if (!y || !pm_zone_to_ts(&z1, y, m, d, t1->h, t1->mi, t1->s, t1->us, &ps->sum_end))
		return;
	ps->sum_has_end = true;
	if (!ps->sum_has_start || ps->sum_end >= ps->sum_start)
		return;
	if (!t1->has_date && !d1)
	{
		pm_add_days(&y, &m, &d, 1);
		if (pm_zone_to_ts(&z1, y, m, d, t1->h, t1->mi, t1->s, t1->us, &ps->sum_end))
			pm_note(doc, "the summary's end (%s) is earlier than its start (%s); took it to be the next day",
					pm_fmt_hm(t1->h, t1->mi), pm_fmt_hm(t0->h, t0->mi));
	}
	else
	{
		/*
		 * "At 2020-06-08 03:12 UTC the site went down ... builds had been
		 * failing since 2020-06-07 01:40 UTC": two dated moments out of
		 * order are no start and end; the incident began at the earlier.
		 */
		int			k = (int) (t1 - ps->dur.st) + 1;
		PmStamp    *t2 = k < ps->dur.n ? &ps->dur.st[k] : NULL;
		TimestampTz e2;

		ps->sum_has_end = false;

		/*
		 * "Beginning on March 11th, 2025 14:22 UTC ... Phase 1 (03/11/2025
		 * 14:09 UTC – 16:40 UTC)": a window around the start is a phase's
		 * (an upstream outage's), no earlier onset of ours
		 */
		if (t2 && t2->has_time && !t2->has_date &&
			pm_zone_to_ts(t2->has_zone ? &t2->zone : &z1, y, m, d, t2->h, t2->mi, t2->s, t2->us, &e2) &&
			e2 > ps->sum_start)
		{
			pm_note(doc, "the summary's second time (%s) opens a window around its start; kept the start, and the summary names no end",
					pm_fmt_hm(t1->h, t1->mi));
			return;
		}
		pm_note(doc, "the summary's second time is earlier than its first; the incident starts at the earlier, and the summary names no end");
		ps->sum_start = ps->sum_end;
	}
}

/* the end of the sentence that starts at a (a line break ends one, too) */
static const char *
pm_summary_sentence_end(const char *a, const char *e)
{
	const char *b = a;

	while (b < e && !((*b == '.' || *b == '!' || *b == '?') && (b + 1 == e || isspace((unsigned char) b[1]))))
		b++;
	return b < e ? b + 1 : b;
}

/* the number of times of day the text [a, b) names */
static int
pm_count_times(const char *a, const char *b)
{
	PmStamps	found;
	int			times = 0;

	memset(&found, 0, sizeof(found));
	pm_scan_stamps(a, b - a, &found);
	for (int k = 0; k < found.n; k++)
		times += found.st[k].has_time;
	return times;
}

/*
 * "On September 10th, 2024, beginning at approximately 9:12 PM ET, we
 * started receiving reports ...  The scope ... affected posts scheduled
 * between 8:30 PM ET and 11:05 PM ET.": when the summary states the span in
 * a sentence of its own ("between ... and ..."), the time another sentence
 * gives for when the team heard of it (reports, an alert, noticed) is when
 * it was noticed, not the start.  Its times are blanked (its day stays);
 * without such a span, that time is the start as before.
 */
static void
pm_blank_noticed_times(char *copy, const char *e)
{
	static const char *const noticed[] = {"reports", "reported", "noticed", "alerted",
	"notified", "became aware"};
	bool		span = false;

	/* one look over the whole text first: most summaries state no span so */
	if (!pm_contains_ci(copy, e - copy, "between "))
		return;
	for (int i = 0; i < lengthof(noticed) && !span; i++)
		span = pm_contains_ci(copy, e - copy, noticed[i]);
	if (!span)
		return;
	span = false;
	for (const char *a = copy; a < e && !span; a = pm_summary_sentence_end(a, e))
	{
		const char *b = pm_summary_sentence_end(a, e);

		span = pm_contains_ci(a, b - a, "between ") && pm_count_times(a, b) >= 2;
	}
	if (!span)
		return;
	for (char *a = copy; a < e; a = (char *) pm_summary_sentence_end(a, e))
	{
		const char *b = pm_summary_sentence_end(a, e);
		bool		says = false;

		if (pm_contains_ci(a, b - a, "between "))
			continue;
		for (int i = 0; i < lengthof(noticed) && !says; i++)
			says = pm_contains_ci(a, b - a, noticed[i]);
		if (!says || pm_count_times(a, b) == 0)
			continue;
		for (char *p = a; p < b; p++)
		{
			PmStamp		st;
			int			n;

			if ((p > a && isalnum((unsigned char) p[-1])) || !isalnum((unsigned char) *p))
				continue;
			n = pm_read_stamp(p, b, &st);
			if (n > 0 && st.has_time && !st.has_date)
				memset(p, ' ', n);
			if (n > 0)
				p += n - 1;
		}
	}
}

/*
 * The summary's stamps, but those of a sentence that says what data was
 * lost ("changes made between 1:05pm UTC and 5:10pm UTC on March 7 are
 * lost for good"): the window of the lost writes, not the incident's
 * span.  Such a sentence names two times or more.
 */
static void
pm_scan_summary_stamps(const char *s, int len, PmStamps *out)
{
	static const char *const lost[] = {"are lost", "were lost", "was lost", "is lost",
	"be lost", "lost for good", "data loss"};
	char	   *copy = palloc(len + 1);
	const char *e = copy + len;
	const char *a = copy;

	/* not pnstrdup: the text may hold a NUL, and its length is len */
	memcpy(copy, s, len);
	copy[len] = '\0';
	pm_blank_noticed_times(copy, e);
	while (a < e)
	{
		const char *b = a;
		PmStamps	found;
		int			times = 0;
		bool		says = false;

		while (b < e && !((*b == '.' || *b == '!' || *b == '?') && (b + 1 == e || isspace((unsigned char) b[1]))))
			b++;
		if (b < e)
			b++;
		for (int i = 0; i < lengthof(lost) && !says; i++)
			says = pm_contains_ci(a, b - a, lost[i]);
		if (says)
		{
			memset(&found, 0, sizeof(found));
			pm_scan_stamps(a, b - a, &found);
			for (int k = 0; k < found.n; k++)
				times += found.st[k].has_time;
			if (times >= 2)
				memset((char *) a, ' ', b - a);
		}
		a = b;
	}
	pm_scan_stamps(copy, len, out);
	pfree(copy);
}

/* the summary's start and end, from its first two times */
static void
pm_summary_times(PmParser *ps)
{
	const PmOptions *opt = ps->opt;
	PmStamp    *t0,
			   *t1,
			   *d0,
			   *d1;
	int			y0,
				m0,
				dd0;
	PmZone		z0,
				ztl;

	pm_summary_pick(ps, &t0, &t1, &d0, &d1);
	if (t0 == NULL)
		return;
	ps->ntimes++;
	if (t1 == NULL && ps->start_field.len == 0 && t0 >= ps->dur.st + ps->end_from &&
		t0 < ps->dur.st + ps->end_to && t0->has_date && t0->y != 0)
	{
		/* "Resolved: 2025-06-17 14:27" and no start: the end, the start the timeline's */
		z0 = t0->has_zone ? t0->zone : ps->has_doc_zone ? ps->doc_zone :
			pm_timeline_zone_guess(ps, &ztl) ? ztl :
			ps->has_hint_zone ? ps->hint_zone : ps->default_zone;
		if (pm_zone_to_ts(&z0, t0->y, t0->m, t0->d, t0->h, t0->mi, t0->s, t0->us, &ps->sum_end))
			ps->sum_has_end = true;
		return;
	}
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
	else if (ps->has_front_date)
	{
		/* a post's "date: 2024-03-18" above "offline from about 02:10 UTC to 13:45 UTC" */
		y0 = ps->front_y;
		m0 = ps->front_m;
		dd0 = ps->front_d;
		pm_note(ps->doc, "the summary's times name no day; took %04d-%02d-%02d from the front matter's date",
				y0, m0, dd0);
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
		ps->has_doc_zone ? ps->doc_zone :
		pm_timeline_zone_guess(ps, &ztl) ? ztl :
		ps->has_hint_zone ? ps->hint_zone : ps->default_zone;
	if (y0 && pm_zone_to_ts(&z0, y0, m0, dd0, t0->h, t0->mi, t0->s, t0->us, &ps->sum_start))
		ps->sum_has_start = true;
	ps->sum_range = psprintf("%s %s to %s %s", pm_fmt_hm(t0->h, t0->mi), z0.label,
							 t1 ? pm_fmt_hm(t1->h, t1->mi) : "?",
							 t1 ? (t1->has_zone ? t1->zone.label : z0.label) : "");
	if (t1)
		pm_summary_end(ps, t0, t1, d1, &z0, y0, m0, dd0);
}

/* "~30 minutes", "about 2 hours", "approximately 45 minutes": rounded */
static bool
pm_length_is_rough(const char *s, int len)
{
	return memchr(s, '~', len) != NULL || pm_contains_ci(s, len, "approx") ||
		pm_contains_ci(s, len, "about ") || pm_contains_ci(s, len, "around ") ||
		pm_contains_ci(s, len, "roughly");
}

/*
 * "Resolved: 2025-06-17 14:27" and "Time to resolve: 21m": an end and the
 * time it took from the start, so the start
 */
static void
pm_start_from_time_to_resolve(PmParser *ps)
{
	const char *s = ps->summary.data,
			   *e = s + ps->summary.len;

	while (s < e)
	{
		const char *le = memchr(s, '\n', e - s);
		const char *v;
		int			secs;

		if (le == NULL)
			le = e;
		if ((pm_prefix_ci(s, le, "time to resolve") || pm_prefix_ci(s, le, "time to resolution")) &&
			(v = memchr(s, ':', le - s)) != NULL &&
			(secs = pm_stated_length(v + 1, le - v - 1, true)) > 0)
		{
			ps->sum_start = ps->sum_end - (TimestampTz) secs * USECS_PER_SEC;
			ps->sum_has_start = true;
			pm_note(ps->doc, "the summary gives an end and the time to resolve (%d minutes); the incident starts that long before the end",
					secs / 60);
			return;
		}
		s = le + 1;
	}
}

/*
 * "Date: March 11, 2025 (6 hours, 35 minutes duration)" over prose with
 * more times than the start and the end ("first reported at 6:20 PM",
 * "impact 1:05 PM - 7:40 PM CET"): when the second time is not where the
 * stated length reaches and another of the summary's times is, that one is
 * the end
 */
static void
pm_summary_length_end(PmParser *ps)
{
	TimestampTz want = ps->sum_start + (TimestampTz) ps->field_secs * USECS_PER_SEC;
	const PmZone *z = ps->has_doc_zone ? &ps->doc_zone : &ps->default_zone;
	struct pg_tm tm;
	fsec_t		fsec;

	if (ps->sum_end - want <= 60 * USECS_PER_SEC && want - ps->sum_end <= 60 * USECS_PER_SEC)
		return;
	pm_zone_localize(z, want, &tm, &fsec);
	for (int i = 0; i < ps->dur.n; i++)
	{
		const PmStamp *st = &ps->dur.st[i];

		if (st->has_time && st->h == tm.tm_hour && st->mi == tm.tm_min &&
			(!st->has_zone || strcmp(st->zone.label, z->label) == 0))
		{
			ps->sum_end = want;
			pm_note(ps->doc, "the summary's second time is not where its stated length (%d minutes) reaches from the start, and %s is; the incident ends then",
					ps->field_secs / 60, pm_fmt_hm(st->h, st->mi));
			return;
		}
	}
}

/* the summary: texts, users affected, the duration as it states it */
void
pm_read_summary(PmParser *ps)
{
	PmDocument *doc = ps->doc;

	pm_summary_texts(ps);
	pm_summary_users(ps);

	/* the document's zone: a Time zone field, else the summary's times */
	if (ps->zone_field && pm_zone_parse(ps->zone_field, &ps->doc_zone))
		ps->has_doc_zone = true;

	pm_summary_stamps(ps);
	pm_summary_times(ps);

	/* a start and a length: "started at 10:00, lasting 37 minutes" */
	ps->field_secs = pm_stated_length(ps->duration.data, ps->duration.len, true);
	ps->stated_secs = ps->field_secs;
	if (ps->stated_secs == 0)
		ps->stated_secs = pm_stated_length(ps->summary.data, ps->summary.len, false);
	if (ps->sum_has_end && !ps->sum_has_start)
		pm_start_from_time_to_resolve(ps);
	if (ps->sum_has_start && ps->sum_has_end && ps->field_secs > 0)
		pm_summary_length_end(ps);
	if (ps->sum_has_start && !ps->sum_has_end)
	{
		int			secs = ps->stated_secs;

		/*
		 * "Duration: ~30 minutes (customer impact)" over a timeline: a
		 * rounded length, and the entries say when it ended
		 */
		if (secs > 0 && ps->nraw > 0 && secs == ps->field_secs &&
			pm_length_is_rough(ps->duration.data, ps->duration.len))
			secs = 0;
		/* and so does "Harbornet was down for about 19 hours" in the prose */
		if (secs > 0 && ps->nraw > 0 && ps->field_secs == 0 &&
			pm_prose_length_is_rough(ps->summary.data, ps->summary.len))
			secs = 0;
		if (secs > 0)
		{
			ps->sum_end = ps->sum_start + (TimestampTz) secs * USECS_PER_SEC;
			ps->sum_has_end = true;
			pm_note(doc, "the summary gives a start and a length (%d minutes); the incident ends then",
					secs / 60);
		}
	}
}
