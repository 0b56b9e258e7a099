/*-------------------------------------------------------------------------
 *
 * timeline.c
 *	  The timeline: entries as lines, table rows, headings or prose, their
 *	  kinds, and (once dates and zones are settled) the entries themselves.
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

/* ----- timeline ----- */

/* a zone named in "Timeline (all times UTC)", "| Time (EAT) |", "Times in CET" */
void
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

PmRawEntry *
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
	r->wday = -1;
	return r;
}

/* after a stamp: skip "**", ":", " - ", " – ", "|", "," to the body */
const char *
pm_skip_separator(const char *p, const char *e)
{
	p = pm_skip_decor(p, e);
	if (p + 2 < e && p[0] == '-' && p[1] == '-' && p[2] == '>')
		p += 3;					/* "15:15 GMT+1 --> Issue detected" */
	else if (p + 1 < e && (p[0] == '-' || p[0] == '=') && p[1] == '>')
		p += 2;
	else if (p < e && (*p == ':' || *p == '-' || *p == '|' || *p == ',' || *p == '.' ||
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
const char *
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
 * "0900 - First user report", "1612: The provider posted ...", "[1631](link):
 * Maren noticed ...": a 24-hour time written without its colon, as an
 * entry's head only (a dash or a colon and words after it), so that a year
 * in a sentence stays a year.  Returns where the separator is, or NULL.
 */
static const char *
pm_military_head(const char *q, const char *e, PmStamp *st)
{
	const char *r;
	int			hh,
				mm;

	if (e - q < 8 || !isdigit((unsigned char) q[0]) || !isdigit((unsigned char) q[1]) ||
		!isdigit((unsigned char) q[2]) || !isdigit((unsigned char) q[3]))
		return NULL;
	r = q + 4;
	if (r + 1 < e && r[0] == ']' && r[1] == '(')
	{
		/* "[1631](https://chat.example.org/...)": the time is a link */
		r = memchr(r, ')', e - r);
		if (r == NULL)
			return NULL;
		r++;
	}
	if (r + 2 < e && r[0] == ':' && r[1] == ' ' && isalpha((unsigned char) r[2]))
		;						/* "1612: The provider ..." */
	else if (r < e && *r == ' ')
	{
		const char *d = r + 1;

		if (d < e && *d == '-')
			d++;
		else if (e - d >= 3 && (unsigned char) d[0] == 0xe2 && (unsigned char) d[1] == 0x80 &&
				 ((unsigned char) d[2] == 0x93 || (unsigned char) d[2] == 0x94))
			d += 3;
		else
			return NULL;
		if (d >= e || *d != ' ' || d + 1 >= e || !isalpha((unsigned char) d[1]))
			return NULL;
	}
	else
		return NULL;
	hh = (q[0] - '0') * 10 + (q[1] - '0');
	mm = (q[2] - '0') * 10 + (q[3] - '0');
	if (hh > 23 || mm > 59)
		return NULL;
	memset(st, 0, sizeof(PmStamp));
	st->has_time = true;
	st->h = hh;
	st->mi = mm;
	return r;
}

/*
 * Try to read the head of a timeline entry at p ("**10:00 AM:** ", "At 14:05
 * EAT, ", "2024-05-15T10:00:00-04:00 | ", "[14:05] ").  On success returns
 * the start of the body.
 */
/* "Day 1 - February 9, 2026": past a numbered day to the date it names */
const char *
pm_skip_day_number(const char *q, const char *e)
{
	const char *r;
	const char *digits;
	PmStamp		t;

	if (!pm_word_ci(q, e, "day"))
		return q;
	r = digits = pm_skip_space(q + 3, e);
	while (r < e && isdigit((unsigned char) *r))
		r++;
	if (r > digits && r - digits <= 2)
	{
		const char *after = pm_skip_separator(r, e);

		if (after > r && pm_read_stamp(after, e, &t) > 0 && t.has_date)
			return after;
	}
	return q;
}

/*
 * "**9:15 AM - 10:00 AM** - Initial response:": the end of a range written
 * at an entry's head, before the separator that opens its text, is no part
 * of the text; q is just past the first time.  A status log's "(09:40 -
 * 10:25 UTC) A release ...": the range in parentheses, its zone the start's
 * too; a table's time cell, "| 23:40-00:06 |", the range alone.  The end
 * goes to st's until.  Returns where to go on.
 */
static const char *
pm_skip_range_end(const char *q, const char *e, PmStamp *st, bool paren)
{
	const char *r = pm_skip_space(q, e);
	const char *t;
	PmStamp		end;
	int			n;

	if (r >= e)
		return q;
	if (*r == '-')
		r++;
	else if (e - r >= 3 && (unsigned char) r[0] == 0xe2 && (unsigned char) r[1] == 0x80 &&
			 (unsigned char) r[2] == 0x93)
		r += 3;
	else if ((*r == 't' || *r == 'T') && pm_word_ci(r, e, "to"))
		r += 2;
	else
		return q;
	r = pm_skip_space(r, e);
	if (r >= e || !isdigit((unsigned char) *r) || (n = pm_read_stamp(r, e, &end)) == 0 ||
		!end.has_time || end.has_date)
		return q;
	t = pm_skip_space(r + n, e);
	while (t < e && *t == '*')
		t++;
	t = pm_skip_space(t, e);
	if (paren && t < e && (*t == ')' || *t == ']'))
	{
		if (!st->has_zone && end.has_zone)
		{
			st->has_zone = true;
			st->zone = end.zone;
		}
	}
	else if (!(t == e || (t < e && (*t == '-' || *t == ':' || *t == '|' ||
					   (e - t >= 3 && (unsigned char) t[0] == 0xe2 && (unsigned char) t[1] == 0x80 &&
						((unsigned char) t[2] == 0x93 || (unsigned char) t[2] == 0x94))))))
		return q;
	st->has_until = true;
	st->until_h = end.h;
	st->until_mi = end.mi;
	return paren ? t + 1 : r + n;
}

const char *
pm_entry_head(const char *p, const char *e, PmStamp *st)
{
	const char *q = pm_skip_emoji(pm_skip_decor(p, e), e);
	int			n;
	bool		paren = false;

	if (q < e && (*q == '[' || *q == '('))
	{
		q = pm_skip_decor(q + 1, e);
		paren = true;
	}
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
	else if (q < e && (*q == 't' || *q == 'T') && pm_word_ci(q, e, "today"))
	{
		/* "Today (~9:40 AM)": the day of the report, the time in brackets */
		q = pm_skip_space(q + 5, e);
		if (q < e && *q == '(')
			q = pm_skip_space(q + 1, e);
		if (q < e && *q == '~')
			q = pm_skip_space(q + 1, e);
	}
	else
		q = pm_skip_day_number(q, e);
	{
		const char *r = pm_military_head(q, e, st);

		if (r != NULL)
			return pm_skip_separator(r, e);
	}
	n = pm_read_stamp(q, e, st);
	if (n == 0)
		return NULL;
	q += n;
	if (st->has_time)
		q = pm_skip_range_end(q, e, st, paren);
	if (st->has_date && !st->has_time)
	{
		/* "May 16, 2023 - 10:00 AM", "2018-10-08 ~18:10" (about then) */
		const char *r = pm_skip_separator(q, e);
		PmStamp		t;
		int			n2;

		if (r < e && *r == '~')
			r = pm_skip_space(r + 1, e);
		n2 = pm_read_stamp(r, e, &t);

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

/*
 * "06:48 UTC on Friday, March 3rd 2023": the day named after a time is its
 * date; q is just past the time.  Returns where the text goes on.
 */
static const char *
pm_on_date(const char *q, const char *e, PmStamp *st)
{
	PmStamp		day;
	const char *r;
	int			n;

	if (st->has_date || !pm_word_ci(pm_skip_space(q, e), e, "on"))
		return q;
	r = pm_skip_space(pm_skip_space(q, e) + 2, e);
	n = pm_read_stamp(r, e, &day);
	if (n == 0 || !day.has_date || day.has_time)
		return q;
	st->has_date = true;
	st->y = day.y;
	st->m = day.m;
	st->d = day.d;
	return pm_skip_separator(r + n, e);
}

/*
 * "On June 6th at around 13:10 UTC, ...": the day the sentence opens with,
 * before its time, when the time names none
 */
static void
pm_date_before(const char *p, const char *t, PmStamp *st)
{
	PmStamp		day;

	if (st->has_date || !pm_word_ci(p, t, "on"))
		return;
	p = pm_skip_space(p + 2, t);
	if (pm_read_stamp(p, t, &day) <= 0 || !day.has_date || day.has_time)
		return;
	st->has_date = true;
	st->y = day.y;
	st->m = day.m;
	st->d = day.d;
}

/*
 * "The same issue came back on Sunday at ~11:10": the weekday a sentence
 * names ("on Sunday") before its time, when the time names no date; 0 for
 * Sunday to 6, as j2day() counts, or -1
 */
static int
pm_weekday_before(const char *p, const char *t)
{
	static const char *const days[] = {"sunday", "monday", "tuesday", "wednesday",
	"thursday", "friday", "saturday"};

	for (const char *q = p; q + 5 < t; q++)
	{
		const char *w;

		if ((*q != 'o' && *q != 'O') || (q[1] != 'n' && q[1] != 'N') || q[2] != ' ' ||
			(q > p && isalpha((unsigned char) q[-1])))
			continue;
		w = q + 3;
		for (int i = 0; i < 7; i++)
			if (pm_lower(*w) == days[i][0] && pm_word_ci(w, t, days[i]))
				return i;
	}
	return -1;
}

/* do two stamps name the same minute of the same day (or both no day)? */
static bool
pm_same_minute(const PmStamp *a, const PmStamp *b)
{
	return a->has_time && b->has_time && a->h == b->h && a->mi == b->mi &&
		a->has_date == b->has_date &&
		(!a->has_date || (a->y == b->y && a->m == b->m && a->d == b->d));
}

/* prose: split a line at "At <time>" sentences; false if none */
bool
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
		body = pm_on_date(body, e, &st);
		starts[n] = p;
		stamps[n] = st;
		bodies[n] = body;
		n++;
	}
	if (n == 0)
		return false;
	/*
	 * "- **5:55 PM UTC:** This lasted until 17:55 UTC.  By 17:55 UTC, ...":
	 * the line's own time heads its first entry
	 */
	if (starts[0] > s && n < 64)
	{
		PmStamp		st;
		const char *body = pm_entry_head(s, e, &st);

		if (body != NULL && body <= starts[0] && st.has_time && !st.zone_unknown)
		{
			memmove(starts + 1, starts, n * sizeof(starts[0]));
			memmove(stamps + 1, stamps, n * sizeof(stamps[0]));
			memmove(bodies + 1, bodies, n * sizeof(bodies[0]));
			starts[0] = s;
			stamps[0] = st;
			bodies[0] = body;
			n++;
		}
	}
	for (int i = 0; i < n; i++)
	{
		const char *be = (i + 1 < n) ? starts[i + 1] : e;
		const char *bs = bodies[i];
		PmRawEntry *r;

		/* the next sentence at the same time tells the same moment */
		if (i > 0 && pm_same_minute(&stamps[i - 1], &stamps[i]))
		{
			bs = starts[i];
			pm_trim(&bs, &be);
			r = &ps->raw[ps->nraw - 1];
			appendStringInfoChar(&r->body, ' ');
			appendBinaryStringInfo(&r->body, bs, be - bs);
			continue;
		}
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

/* does the text say something (a word), not only decoration? */
static bool
pm_has_letters(const char *s, const char *e)
{
	for (; s < e; s++)
		if (isalpha((unsigned char) *s))
			return true;
	return false;
}

/*
 * "After 6:30PM there were still slowdowns, but things should be fully
 * resolved as of 10:20PM ET": a sentence that names when it was resolved
 * happened then, not at the first time it names.  Reads the time after the
 * resolution's words, from t on, into *st; false when there is none.
 */
static bool
pm_resolved_time(const char *t, const char *se, PmStamp *st)
{
	static const char *const says[] = {"resolved as of", "resolved at", "resolved by",
		"restored at", "restored by", "recovered at", "recovered by", "back online at",
	"back online by", "online until"};

	for (const char *w = t; w < se; w++)
	{
		char		c = pm_lower(*w);

		if (c != 'r' && c != 'b' && c != 'o')
			continue;
		for (int i = 0; i < lengthof(says); i++)
		{
			const char *q;
			PmStamp		r;

			if (!pm_prefix_ci(w, se, says[i]))
				continue;
			/* "were not fully online until about 15:35": then, not before */
			if (says[i][0] == 'o' && !pm_contains_ci(t, w - t, "not "))
				continue;
			q = pm_skip_space(w + strlen(says[i]), se);
			if (pm_word_ci(q, se, "about"))
				q = pm_skip_space(q + 5, se);
			else if (pm_word_ci(q, se, "around"))
				q = pm_skip_space(q + 6, se);
			if (pm_read_stamp(q, se, &r) > 0 && r.has_time && !r.zone_unknown)
			{
				*st = r;
				return true;
			}
		}
	}
	return false;
}

/*
 * Does the sentence [p, se) name two times or more, each already an
 * entry's (a chart's caption, a recap of the story so far)?  It restates
 * the timeline and is no entry of its own.
 */
bool
pm_sentence_restates(const PmParser *ps, const char *p, const char *se)
{
	int			times = 0;

	for (const char *t = p; t < se; t++)
	{
		PmStamp		st;
		int			n;
		bool		seen = false;

		if (!isalnum((unsigned char) *t) || !pm_word_start(p, t))
			continue;
		n = pm_read_stamp(t, se, &st);
		if (n <= 0)
			continue;
		t += n - 1;
		if (!st.has_time)
			continue;
		for (int k = 0; k < ps->nraw && !seen; k++)
			seen = ps->raw[k].st.has_time && ps->raw[k].st.h == st.h &&
				ps->raw[k].st.mi == st.mi;
		if (!seen)
			return false;
		times++;
	}
	return times >= 2;
}

/*
 * In the rest of a sentence after its first time (from q to e), where a
 * second clause at a time of its own begins: ", and at 09:40 UTC we
 * paused", " and by 08:34 UTC had moved", "; at 10:05 UTC".  The clause
 * opens with "and"/";" and "at"/"by" right before its time.  Not a range
 * ("between 08:20 and 10:12", "from 10:00 to 11:00"), which has no "at"
 * or "by" after its "and".  Returns the clause's start (at its "and" or
 * ";"), or NULL.
 */
static const char *
pm_second_clause(const char *q, const char *e)
{
	for (const char *c = q; c < e; c++)
	{
		const char *w;
		PmStamp		st;

		if (*c == ';')
			w = pm_skip_space(c + 1, e);
		else if (*c == ' ' && pm_prefix_ci(c + 1, e, "and "))
			w = pm_skip_space(c + 5, e);
		else
			continue;
		if (pm_word_ci(w, e, "at") || pm_word_ci(w, e, "by"))
			w = pm_skip_space(w + 2, e);
		else
			continue;
		if (w < e && isdigit((unsigned char) *w) && pm_read_stamp(w, e, &st) > 0 && st.has_time)
			return c;
	}
	return NULL;
}

/*
 * Sentences with a time in them: "The issue was detected at 10:05 AM by an
 * alert."  Each such sentence is an entry at that time; false if none.
 */
bool
pm_timeline_sentences(PmParser *ps, const PmLine *ln, const char *s, const char *e)
{
	bool		any = false;
	const char *p = s;
	int			prev = -1;		/* the entry this paragraph's last sentence made */
	bool		clause = false; /* p is at a second clause, cut from its sentence */

	while (p < e)
	{
		const char *q = p;
		const char *se;

		/*
		 * A clause after ";" belongs to its sentence ("went without
		 * incident; the temperature settled back by 10:40 pm"): one
		 * sentence, one entry
		 */
		while (q < e && !((*q == '.' || *q == '!' || *q == '?') &&
						  (q + 1 >= e || q[1] == ' ')))
			q++;
		se = (q < e) ? q + 1 : e;
		/* "The trouble began at 18:05 UTC and got worse at 18:40 UTC": a recap */
		if (pm_sentence_restates(ps, p, se))
		{
			p = pm_skip_space(se, e);
			continue;
		}
		for (const char *t = p; t < se; t++)
		{
			PmStamp		st;
			int			n,
						wday;

			if (!isalnum((unsigned char) *t) || !pm_word_start(p, t))
				continue;
			n = pm_read_stamp(t, se, &st);
			if (n > 0 && st.has_time && !st.zone_unknown)
			{
				const char *bs = p,
						   *be = se;
				PmRawEntry *r;

				pm_resolved_time(t + n, se, &st);
				pm_on_date(t + n, se, &st);
				pm_date_before(p, t, &st);
				wday = st.has_date ? -1 : pm_weekday_before(p, t);

				pm_trim(&bs, &be);
				/*
				 * "This lasted until about 17:55 UTC.  By 17:55 UTC, the
				 * error rate was back to zero.": the next sentence at the
				 * same time tells the same moment, one entry
				 */
				if (prev >= 0 && pm_same_minute(&ps->raw[prev].st, &st))
				{
					appendStringInfoChar(&ps->raw[prev].body, ' ');
					appendBinaryStringInfo(&ps->raw[prev].body, bs, be - bs);
					break;
				}
				/*
				 * "was paged at 08:24 UTC and by 08:34 UTC had moved read
				 * traffic": a second clause at a time of its own is an entry
				 * of its own
				 */
				{
					const char *cut = pm_second_clause(t + n, be);

					if (cut != NULL)
					{
						const char *ce = cut;

						while (ce > bs && (ce[-1] == ' ' || ce[-1] == ','))
							ce--;
						r = pm_new_entry(ps, &st, ln->lineno, ln->indent);
						appendBinaryStringInfo(&r->body, bs, ce - bs);
						appendStringInfoChar(&r->body, '.');
						any = true;
						p = pm_skip_space(cut, e);
						if (*p == ',' || *p == ';')
							p = pm_skip_space(p + 1, e);
						if (pm_prefix_ci(p, e, "and "))
							p += 4;
						prev = ps->nraw - 1;
						if (clause)
							r->body.data[0] = toupper((unsigned char) r->body.data[0]);
						clause = true;
						goto next_clause;
					}
				}
				r = pm_new_entry(ps, &st, ln->lineno, ln->indent);
				r->wday = wday;
				appendBinaryStringInfo(&r->body, bs, be - bs);
				if (clause && r->body.len > 0)
					r->body.data[0] = toupper((unsigned char) r->body.data[0]);
				prev = ps->nraw - 1;
				any = true;
				break;
			}
		}
		p = pm_skip_space(se, e);
		clause = false;
next_clause:
		;
	}
	return any;
}

/*
 * A row of a timeline table ("| 14:05 | alert fired |", "| May 15 | 14:05 |
 * UTC | ... |"): an entry at the first cell holding a time (a date cell and
 * a time cell, a zone in a cell of its own), the other cells its text; the
 * header names the zone.
 */
static void
pm_timeline_row(PmParser *ps, const PmLine *ln, const char *s, const char *e)
{
	const char *cs[16],
			   *ce[16];
	int			nc;
	int			first = -1;
	PmStamp		st;

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
	/* "| 2024-06-11 |  |": a row of a date alone dates the rows below it */
	if (nc > 1)
	{
		bool		rest_empty = true;

		for (int i = 1; i < nc && rest_empty; i++)
			rest_empty = ce[i] == cs[i];
		if (rest_empty && pm_read_stamp(cs[0], ce[0], &st) == ce[0] - cs[0] &&
			st.has_date && !st.has_time && st.y != 0)
		{
			pm_new_entry(ps, &st, ln->lineno, -1);
			ps->date_markers++;
			return;
		}
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

/* "6/14" alone on a list item: a month and a day, no year */
static bool
pm_month_slash_day(const char *s, const char *e, PmStamp *st)
{
	int			m,
				d,
				n = pm_read_digits(s, e, 2, &m),
				k;

	if (n == 0 || s + n >= e || s[n] != '/' ||
		(k = pm_read_digits(s + n + 1, e, 2, &d)) == 0 || s + n + 1 + k != e ||
		m < 1 || m > 12 || d < 1 || d > 31)
		return false;
	memset(st, 0, sizeof(PmStamp));
	st->has_date = true;
	st->m = m;
	st->d = d;
	return true;
}

/*
 * A line above the entries saying on which day they all happened, unless an
 * entry says otherwise ("Unless otherwise noted all events happened on
 * 2019-10-21, and all times are in UTC"): the entries that name no day are
 * on that one, also after an entry that names its own (which is not carried
 * to the entries below it, as a date line's would be).
 */
static bool
pm_default_day(PmParser *ps, const PmLine *ln, const char *s, const char *e)
{
	PmStamps	found;

	if (!pm_contains_ci(s, e - s, "otherwise noted") &&
		!pm_contains_ci(s, e - s, "otherwise stated") &&
		!pm_contains_ci(s, e - s, "otherwise specified"))
		return false;
	memset(&found, 0, sizeof(found));
	pm_scan_stamps(s, e - s, &found);
	if (found.n == 0 || !found.st[0].has_date || found.st[0].has_time || found.st[0].y == 0)
		return false;
	pm_new_entry(ps, &found.st[0], ln->lineno, -1);
	ps->date_markers++;
	ps->has_default_day = true;
	ps->default_y = found.st[0].y;
	ps->default_m = found.st[0].m;
	ps->default_d = found.st[0].d;
	if (pm_contains_ci(s, e - s, "time"))
		pm_scan_zone(ps, s, e);
	return true;
}

void
pm_timeline_line(PmParser *ps, const PmLine *ln)
{
	const char *s = ln->s,
			   *e = ln->s + ln->len,
			   *body;
	bool		marker,
				has_cb,
				checked;
	PmStamp		st;

	/* "text\\" is a hard line break; a line of backslashes alone, nothing */
	while (e > s && e[-1] == '\\')
		e--;
	while (e > s && e[-1] == ' ')
		e--;
	if (e == s)
		return;
	if (*s == '|')
	{
		pm_timeline_row(ps, ln, s, e);
		return;
	}

	s = pm_strip_marker(s, e, &marker);
	s = pm_strip_checkbox(s, e, &has_cb, &checked);
	/* a quote under an entry's heading (a chat message, an alert): its text */
	if (ln->quote && ps->nraw > 0 && ps->raw[ps->nraw - 1].open_body)
	{
		PmRawEntry *r = &ps->raw[ps->nraw - 1];

		if (r->body.len > 0)
			appendStringInfoChar(&r->body, ' ');
		appendBinaryStringInfo(&r->body, s, e - s);
		return;
	}
	/* prose first: "At 14:05 EAT, ... At 14:20 EAT, ..." is several entries */
	if (pm_timeline_prose(ps, ln, s, e))
		return;
	if (marker && pm_month_slash_day(s, e, &st))
	{
		/* "* 6/14" over the day's entries: the day, its year the summary's */
		pm_new_entry(ps, &st, ln->lineno, -1);
		ps->date_markers++;
		return;
	}
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
		else if (pm_has_letters(body, e))
			pm_note(ps->doc, "line %d: \"%s\" has a date but no time; left it out of the timeline (its date carries to the entries below)",
					ln->lineno, pm_clean(s, e));
		return;
	}
	/*
	 * a time inside a sentence: "The issue was detected at 10:05 AM." -- but
	 * not in an item nested under an entry with its own time ("- 08:15 -
	 * ..." over "  - She saw the nodes had been replaced at 04:20"): that is
	 * a detail of its entry, told in passing
	 */
	if (!(marker && ps->nraw > 0 && ps->raw[ps->nraw - 1].indent >= 0 &&
		  ln->indent > ps->raw[ps->nraw - 1].indent) &&
		pm_timeline_sentences(ps, ln, s, e))
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
	/* "Unless otherwise noted all events happened on 2019-10-21": every entry's day but those naming their own */
	if (ps->nraw == 0 && pm_default_day(ps, ln, s, e))
		return;
	/* "All times are UTC" */
	if (ps->nraw == 0 && pm_contains_ci(ln->s, ln->len, "time"))
		pm_scan_zone(ps, ln->s, e);
	else if (marker && pm_has_letters(s, e) && !(e > s && (e[-1] == ':' || (e[-1] == '*' && e - s > 3 && e[-3] == ':'))))
		pm_note(ps->doc, "line %d: timeline item \"%s\" has no time; left it out",
				ln->lineno, pm_clean(s, e));
}


/*
 * The kind of a timeline entry, from its words.  Most keywords are absent
 * from most entries: a table of the letter pairs the text holds rules them
 * out before strstr() looks.
 */
/*
 * "Relay resumed publishing correct prices", "resumed normal operation",
 * "service resumed": the service works again (not "was never resumed")
 */
static bool
pm_says_resumed(const char *low)
{
	const char *p = strstr(low, "resumed");
	const char *w,
			   *we;

	if (p == NULL)
		return false;
	if (p - low >= 8 && strncmp(p - 8, "service ", 8) == 0)
		return true;
	w = p + 7;
	if (*w != ' ')
		return false;
	w++;
	for (we = w; isalpha((unsigned char) *we); we++)
		;
	return (we - w > 4 && strncmp(we - 3, "ing", 3) == 0) ||
		(we - w == 6 && strncmp(w, "normal", 6) == 0);
}

/* a phrase in the text of low and pairs (pm_lower_pairs) */
#define HAS(w) (PM_MAY_HOLD(&pairs, (w)) && strstr(low, (w)) != NULL)

/* any byte past ASCII in [s, s+len)?  Eight at a time */
static bool
pm_has_high(const char *s, int len)
{
	int			i = 0;

	for (; i + 8 <= len; i += 8)
	{
		uint64		w;

		memcpy(&w, s + i, 8);
		if (w & UINT64CONST(0x8080808080808080))
			return true;
	}
	for (; i < len; i++)
		if (s[i] & 0x80)
			return true;
	return false;
}

/*
 * "Verified snapshots were reaching the mirrors again", "Verified diff
 * generation was working": a check that the service works, a recovery
 * ("verified the fix on staging", "verified that errors still occur" are not)
 */
static bool
pm_verified_working(const char *low)
{
	if (strstr(low, "still") || strstr(low, "not ") || strstr(low, "fail") ||
		strstr(low, "error") || strstr(low, "working on"))
		return false;
	return strstr(low, " again") != NULL || strstr(low, "was working") != NULL ||
		strstr(low, "were working") != NULL || strstr(low, "is working") != NULL ||
		strstr(low, "are working") != NULL;
}

const char *
pm_timeline_kind(const char *s, int len, bool *begins)
{
	char		buf[512];
	PmPairs		pairs;
	char	   *low = pm_lower_pairs(s, len, buf, sizeof(buf), &pairs);

	/* "OUTAGE BEGINS", "customer impact began": where the incident starts */
	*begins = (HAS("outage begin") || HAS("outage began") || HAS("outage start") ||
			   HAS("impact begin") || HAS("impact began") || HAS("impact start") ||
			   HAS("incident begin") || HAS("incident began") ||
			   HAS("problem start") || HAS("issue start") ||
			   HAS("goes down") || HAS("went down") ||
			   HAS("lost their connection") || HAS("lost connectivity") || HAS("lost access") ||
			   /* "services immediately began experiencing errors", "workers crash on start" */
			   HAS("began experiencing") || HAS("started experiencing") ||
			   HAS("began failing") || HAS("started failing") || HAS("begin failing") ||
			   HAS("crash on start") || HAS("crashed on start") || HAS("fail on start") ||
			   /* "every site starts returning errors", "failures started to take it offline" */
			   (HAS("returning") &&
				(HAS("starts returning") || HAS("started returning") || HAS("began returning")) &&
				!HAS("again") && !HAS("normal")) ||
			   (HAS("offline") &&
				(HAS("went offline") || HAS("goes offline") || HAS("started to") || HAS("began to"))) ||
			   /* "the uptime metric drops sharply", "availability fell to 40%" */
			   ((HAS("uptime") || HAS("availability")) &&
				(HAS("drop") || HAS(" fell") || HAS(" fall")) &&
				!HAS("again") && !HAS("restor") && !HAS("recover")));

	if (HAS("misleading") || HAS("red herring") || HAS("false lead") ||
		HAS("wrong path") || HAS("dead end"))
		return "misleading_path";
	if (HAS("resolved") || HAS("restored") || HAS("restoration") || HAS("recovered") ||
		HAS("back to normal") || HAS("returned to normal") || HAS("all clear") ||
		HAS("back below") || HAS("back under") || HAS("back within") ||
		HAS("back to baseline") || HAS("back to its baseline") ||
		HAS("incident closed") || HAS("incident end") || HAS("outage end") ||
		HAS("returns to normal") || HAS("heals") || HAS("healed") || HAS("back online") ||
		HAS("back to 100") || HAS("outage is over") || HAS("working again") ||
		HAS("were back by") || HAS("was back by") || HAS("back up and running") ||
		HAS("working normally") || HAS("fully operational") || HAS("operating normally") ||
		HAS("answering again") || HAS("responding again") || HAS("serving again") ||
		HAS("reachable again") || HAS("available again") || HAS("flowing normally") ||
		HAS("flowing again") || HAS("flows again") || HAS("confirmed working") || HAS("processing normally") || HAS("services operational") ||
		/*
		 * "Queue drained and verified", "backlog drained": the work held up
		 * has gone through, the recovery (a node drained is a step)
		 */
		((HAS("queue") || HAS("backlog")) && HAS("drained")) ||
		/* "Stock levels correct again", "writes accepted again", "uploads worked again" */
		HAS("correct again") || HAS("accepted again") || HAS("worked again") ||
		/* "announces the fix is confirmed complete", "resolution is confirmed complete" */
		HAS("confirmed complete") ||
		/* "Verified snapshots were reaching the mirrors again", "Verified diff generation was working" */
		(HAS("verified") && pm_verified_working(low)) ||
		/* "Manual fix verified", "the relay passes messages again" */
		HAS("fix verified") || HAS("fix confirmed") || HAS("messages again") ||
		HAS("normal operation") || (HAS("resumed") && pm_says_resumed(low)) ||
		/* German, French, Spanish, Portuguese, Italian, Dutch, Chinese: a line with letters past ASCII */
		(pm_has_high(low, len) && (HAS("wiederhergestellt") || HAS("behoben") || HAS("retour \xc3\xa0 la normale") ||
				  HAS("r\xc3\xa9tabli") || HAS("restablecid") || HAS("restabelecid") ||
				  HAS("ripristinat") || HAS("hersteld") || HAS("\xe6\x81\xa2\xe5\xa4\x8d"))))	/* 恢复 */
	{
		/*
		 * "Step 1 (backup restored locally) done": a copy brought back to
		 * work from, a step of the recovery, not the service's
		 */
		if (HAS("restor") && (HAS("locally") || HAS("local copy") || HAS("local clone") ||
							  HAS("local instance")) &&
			!HAS("again") && !HAS("back online") && !HAS("production"))
			return "action";
		return "resolution";
	}
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

/* the date carried from entry to entry, and the latest time seen that day */
typedef struct PmCarry
{
	int			y,
				m,
				d;
	int			max_tod;		/* seconds into the day, -1 at a new date */
	int			max_h,
				max_mi;
	int			rolled;			/* notes of each kind written */
	int			disordered;
	int			noon;
} PmCarry;

/*
 * An entry's time against the latest before it on its day: the next day
 * when it says so or when that is the nearer reading ("23:50" then "00:10"),
 * past noon for "12:15 AM" after "12:00 PM", else kept, out of order.  The
 * nearer reading gives way when the entry after it goes on from the times
 * before it ("21:55", "09:10+ restarts that morning", "23:31"): one row
 * written out of order, not a night passed.
 */
static void
pm_carry_time(PmDocument *doc, PmRawEntry *r, const PmRawEntry *next, PmCarry *c)
{
	PmStamp    *st = &r->st;
	int			tod = st->h * 3600 + st->mi * 60 + st->s;
	int			back;
	bool		next_day;

	if (st->has_date || c->max_tod < 0 || tod >= c->max_tod)
	{
		if (tod >= c->max_tod)
		{
			c->max_tod = tod;
			c->max_h = st->h;
			c->max_mi = st->mi;
		}
		return;
	}
	back = c->max_tod - tod;
	next_day = pm_contains_ci(r->body.data, r->body.len, "next day") ||
		pm_contains_ci(r->body.data, r->body.len, "following day") ||
		pm_contains_ci(r->body.data, r->body.len, "next morning") ||
		pm_contains_ci(r->body.data, r->body.len, "overnight") ||
		((86400 - back) < back &&
		 !(next != NULL && next->st.has_time && !next->st.has_date &&
		   next->st.h * 3600 + next->st.mi * 60 + next->st.s >= c->max_tod));
	if (!next_day && st->h == 0 && (c->max_h == 11 || c->max_h == 12) &&
		tod + 43200 >= c->max_tod && tod + 43200 - c->max_tod <= 3 * 3600)
	{
		/* "12:15 AM" after "12:00 PM": the quarter past noon */
		if (++c->noon <= PM_MAX_NOTES_OF_A_KIND)
			pm_note(doc, "line %d: %s after %s read as %s, past noon rather than past midnight",
					r->lineno, pm_fmt_hm(0, st->mi), pm_fmt_hm(c->max_h, c->max_mi),
					pm_fmt_hm(12, st->mi));
		st->h = 12;
		c->max_tod = tod + 43200;
		c->max_h = st->h;
		c->max_mi = st->mi;
	}
	else if (next_day)
	{
		pm_add_days(&c->y, &c->m, &c->d, 1);
		if (++c->rolled <= PM_MAX_NOTES_OF_A_KIND)
			pm_note(doc, "line %d: %s is earlier than %s before it; took it to be the next day, %04d-%02d-%02d",
					r->lineno, pm_fmt_hm(st->h, st->mi), pm_fmt_hm(c->max_h, c->max_mi),
					c->y, c->m, c->d);
		c->max_tod = tod;
		c->max_h = st->h;
		c->max_mi = st->mi;
	}
	else if (++c->disordered <= PM_MAX_NOTES_OF_A_KIND)
		pm_note(doc, "line %d: %s comes after %s but is earlier; kept it at its stated time, out of order",
				r->lineno, pm_fmt_hm(st->h, st->mi), pm_fmt_hm(c->max_h, c->max_mi));
}

/*
 * The zone an entry's time is in: its own, or the timeline's.  When no
 * entry names a zone, an unknown word after a time was text ("14:55 ALERT:
 * ..."): it goes back into the body.
 */
static PmZone
pm_entry_zone(PmParser *ps, PmRawEntry *r, bool has_named_zone)
{
	PmStamp    *st = &r->st;

	if (st->zone_unknown && !has_named_zone)
	{
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
		pm_note(ps->doc, "line %d names the zone \"%s\", which PostgreSQL does not know; read it as %s",
				r->lineno, st->zone_word, ps->tl_zone.label);
		return ps->tl_zone;
	}
	return st->has_zone ? st->zone : ps->tl_zone;
}

/*
 * "- **03:12: alerts fire for the site being down, [tvaldes]" wrapped onto
 * "(backup contact) is paged**": the bold's closing marks, left at the end
 * of the text without their opening ones (the time took them)
 */
static void
pm_trim_lone_bold(const char **bs, const char **be)
{
	int			marks = 0;
	bool		ends = *be - *bs >= 2 && (*be)[-1] == '*' && (*be)[-2] == '*';
	bool		starts = *be - *bs >= 2 && (*bs)[0] == '*' && (*bs)[1] == '*';

	if (!ends && !starts)
		return;					/* most entries: no need to count */
	for (const char *p = *bs; p + 1 < *be; p++)
		if (p[0] == '*' && p[1] == '*')
		{
			marks++;
			p++;
		}
	if (marks % 2 == 0)
		return;
	if (ends)
		*be -= 2;
	else
		*bs += 2;
	pm_trim(bs, be);
}

/* the entries: dates carried, midnight crossed, order checked */
void
pm_build_entries(PmParser *ps)
{
	PmDocument *doc = ps->doc;
	PmCarry		c;
	bool		has_named_zone = false;
	bool		own_day = false;

	memset(&c, 0, sizeof(c));
	c.y = ps->base_y;
	c.m = ps->base_m;
	c.d = ps->base_d;
	c.max_tod = -1;
	doc->entries = palloc(sizeof(PmEntry) * Max(ps->nraw, 1));
	for (int i = 0; i < ps->nraw; i++)
		if (ps->raw[i].st.has_zone)
			has_named_zone = true;
	for (int i = 0; i < ps->nraw; i++)
	{
		PmRawEntry *r = &ps->raw[i];
		PmStamp    *st = &r->st;
		PmZone		z;
		PmEntry    *en;
		const char *bs,
				   *be;
		int			y,
					m,
					d;

		if (st->has_date)
		{
			c.y = st->y ? st->y : c.y;
			c.m = st->m;
			c.d = st->d;
			c.max_tod = -1;
			own_day = ps->has_default_day && st->has_time;
		}
		else if (own_day)
		{
			/* past an entry that named its own day: back to the day all the others are on */
			c.y = ps->default_y;
			c.m = ps->default_m;
			c.d = ps->default_d;
			c.max_tod = -1;
			own_day = false;
		}
		if (!st->has_time)
			continue;			/* a date line */
		pm_carry_time(doc, r, i + 1 < ps->nraw ? &ps->raw[i + 1] : NULL, &c);
		z = pm_entry_zone(ps, r, has_named_zone);

		bs = r->body.data;
		be = r->body.data + r->body.len;
		pm_trim(&bs, &be);
		pm_trim_lone_bold(&bs, &be);
		if (bs == be)
		{
			pm_note(doc, "line %d: the entry at %s says nothing; left it out",
					r->lineno, pm_fmt_hm(st->h, st->mi));
			continue;
		}
		en = &doc->entries[doc->nentries];
		y = c.y;
		m = c.m;
		d = c.d;
		if (r->wday >= 0 && y > 0)
		{
			/*
			 * "came back on Sunday at ~11:10" in a report of a Saturday:
			 * the nearest day of that name, the next day here, not the
			 * report's own
			 */
			/* (Julian day + 1) mod 7 is the weekday, Sunday 0, as j2day() counts */
			int			diff = (r->wday - (date2j(y, m, d) + 1) % 7 + 7) % 7;

			if (diff > 3)
				diff -= 7;
			if (diff != 0)
				pm_add_days(&y, &m, &d, diff);
		}
		if (!pm_zone_to_ts(&z, y, m, d, st->h, st->mi, st->s, st->us, &en->at))
		{
			pm_note(doc, "line %d: %04d-%02d-%02d is not a date; left the entry out",
					r->lineno, c.y, c.m, c.d);
			continue;
		}
		en->body = pnstrdup(bs, be - bs);
		en->kind = pm_timeline_kind(en->body, strlen(en->body), &en->begins);
		en->lineno = r->lineno;
		doc->nentries++;
	}
	if (c.rolled > PM_MAX_NOTES_OF_A_KIND)
		pm_note(doc, "%d more entries were taken to be on the next day", c.rolled - PM_MAX_NOTES_OF_A_KIND);
	if (c.disordered > PM_MAX_NOTES_OF_A_KIND)
		pm_note(doc, "%d more entries out of order were kept at their stated times",
				c.disordered - PM_MAX_NOTES_OF_A_KIND);
}
