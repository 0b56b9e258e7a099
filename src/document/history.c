/*-------------------------------------------------------------------------
 *
 * history.c
 *	  A status page's update history, read as the timeline: each update a
 *	  status word ("Resolved", "Monitoring", "Update", ...), its text and
 *	  the time it was posted on a line of its own under the text ("Posted
 *	  Jun 10, 2024 - 16:18 EDT", "Apr 18, 09:35 MDT"), the most recent
 *	  first.  The postmortem posted above the updates ("Postmortem", or the
 *	  report's own text over its stamp) is read as the rest of the document.
 *
 * Called by structure.c when a document has no timeline of its own, and by
 * summary.c (the year the updates name); calls timeline.c (stamps,
 * entries) and text.c.
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

/* the words a status page heads its updates with */
static const char *const status_words[] = {"investigating", "identified", "monitoring",
	"resolved", "update", "updated", "verifying", "in progress", "completed", "scheduled",
"postmortem", "post-mortem", "post mortem"};

/*
 * A line that is a status word, alone or before its text: "Resolved",
 * "Investigating -", "Resolved - This incident has been resolved.".
 * Returns the word's index in status_words (-1 for none) and where the
 * text after it starts.
 */
static int
pm_status_line(const PmLine *ln, const char **text)
{
	const char *e = ln->s + ln->len;
	const char *s;

	if (ln->code || ln->front_matter || ln->len == 0 || ln->len > 400)
		return -1;
	s = pm_skip_decor(ln->s, e);
	while (s < e && *s == '#')
		s++;
	s = pm_skip_decor(s, e);
	for (int w = 0; w < lengthof(status_words); w++)
	{
		const char *p;

		if (!pm_word_ci(s, e, status_words[w]))
			continue;
		p = pm_skip_decor(s + strlen(status_words[w]), e);
		if (p < e && (*p == '-' || *p == ':'))
			p++;
		else if (p + 2 < e && (unsigned char) p[0] == 0xe2 && (unsigned char) p[1] == 0x80 &&
				 ((unsigned char) p[2] == 0x93 || (unsigned char) p[2] == 0x94))
			p += 3;				/* en or em dash */
		else if (p < e)
			return -1;			/* "Resolved the lock": a sentence */
		*text = pm_skip_decor(p, e);
		return w;
	}
	return -1;
}

/* is status word w the postmortem's own, not an update's? */
static bool
pm_postmortem_word(int w)
{
	return strncmp(status_words[w], "post", 4) == 0;
}

/*
 * "about 1 year ago. Dec 04, 2017 - 21:55 CET" after "Posted": a status
 * page's age of the post, as it was when the page was saved, before its
 * date.  Returns where the date starts (s when there is no age).
 */
static const char *
pm_skip_age(const char *s, const char *e)
{
	static const char *const lead[] = {"about", "over", "almost", "less than"};
	const char *p = s;
	const char *ago;

	for (int i = 0; i < lengthof(lead); i++)
		if (pm_word_ci(p, e, lead[i]))
		{
			p = pm_skip_space(p + strlen(lead[i]), e);
			break;
		}
	if (p < e && isdigit((unsigned char) *p))
		while (p < e && isdigit((unsigned char) *p))
			p++;
	else if (pm_word_ci(p, e, "a"))
		p++;
	else if (pm_word_ci(p, e, "an"))
		p += 2;
	else
		return s;
	p = pm_skip_space(p, e);
	while (p < e && isalpha((unsigned char) *p))
		p++;					/* "year", "months", "hours" */
	p = pm_skip_space(p, e);
	if (!pm_word_ci(p, e, "ago"))
		return s;
	ago = p + 3;
	if (ago < e && (*ago == '.' || *ago == ','))
		ago++;
	return pm_skip_space(ago, e);
}

/*
 * "(2 hours earlier)", "(27 minutes earlier)" after an update's stamp: the
 * gap to the update above it, which a status page prints beside each one.
 * Returns where the line goes on after it (s when there is none).
 */
static const char *
pm_skip_gap_note(const char *s, const char *e)
{
	const char *p = pm_skip_space(s, e);

	if (p >= e || *p != '(')
		return s;
	p = pm_skip_space(p + 1, e);
	if (pm_word_ci(p, e, "an") || pm_word_ci(p, e, "a"))
		p = pm_skip_space(p + (*(p + 1) == 'n' || *(p + 1) == 'N' ? 2 : 1), e);
	else if (p < e && isdigit((unsigned char) *p))
		while (p < e && isdigit((unsigned char) *p))
			p++;
	else
		return s;
	p = pm_skip_space(p, e);
	if (!(pm_prefix_ci(p, e, "minute") || pm_prefix_ci(p, e, "hour") ||
		  pm_prefix_ci(p, e, "day") || pm_prefix_ci(p, e, "second")))
		return s;
	while (p < e && isalpha((unsigned char) *p))
		p++;
	p = pm_skip_space(p, e);
	if (!(pm_word_ci(p, e, "earlier") || pm_word_ci(p, e, "later")))
		return s;
	while (p < e && isalpha((unsigned char) *p))
		p++;
	p = pm_skip_space(p, e);
	return p < e && *p == ')' ? p + 1 : s;
}

/*
 * "Posted Jun 10, 2024 - 16:18 EDT", "Apr 18, 09:35 MDT": a line that is
 * only a day and a time (and a zone), when an update was posted; *posted
 * says whether it says so
 */
static bool
pm_update_stamp(const PmLine *ln, PmStamp *st, bool *posted)
{
	const char *s = ln->s,
			   *e = ln->s + ln->len,
			   *body;

	/* "<br><span class=...>Mar 4, 10:30 PT</span>" leaves " Mar 4, 10:30 PT" */
	s = pm_skip_space(s, e);
	if (ln->code || ln->front_matter || ln->len == 0 || ln->len > 80 || s == e ||
		!(isdigit((unsigned char) *s) || isalpha((unsigned char) *s) || *s == '*' || *s == '_'))
		return false;
	s = pm_skip_decor(s, e);
	*posted = pm_word_ci(s, e, "posted");
	if (*posted)
	{
		s = pm_skip_space(s + 6, e);
		if (pm_word_ci(s, e, "on") || pm_word_ci(s, e, "at"))
			s = pm_skip_space(s + 2, e);
		if (s < e && *s == ':')
			s = pm_skip_space(s + 1, e);
		s = pm_skip_age(s, e);
	}
	body = pm_entry_head(s, e, st);
	if (body == NULL || !st->has_date || !st->has_time)
		return false;
	body = pm_skip_decor(pm_skip_gap_note(body, e), e);
	return body == e;
}

/* is a posted no later than b?  (both name a day and a time) */
static bool
pm_stamp_not_after(const PmStamp *a, const PmStamp *b)
{
	int			ka[] = {a->y, a->m, a->d, a->h, a->mi},
				kb[] = {b->y, b->m, b->d, b->h, b->mi};

	for (int i = 0; i < lengthof(ka); i++)
		if (ka[i] != kb[i])
			return ka[i] < kb[i];
	return true;
}

/*
 * A short line ending without a full stop, above the first update of a
 * history without status words: the page's title ("Service outage",
 * "Incident Report for ..."), not the update's text
 */
static bool
pm_title_line(const PmLine *ln)
{
	const char *e = ln->s + ln->len;

	while (e > ln->s && isspace((unsigned char) e[-1]))
		e--;
	return e > ln->s && e - ln->s <= 60 && e[-1] != '.' && e[-1] != '!' && e[-1] != '?';
}

/* the first line with words in (from, to), headings over it skipped, or -1 */
static int
pm_first_text(const PmParser *ps, int from, int to)
{
	for (int i = from + 1; i < to; i++)
		if (ps->lines[i].len > 0 && !ps->lines[i].code && !ps->lines[i].front_matter &&
			ps->lines[i].s[0] != '#')
			return i;
	return -1;
}

/*
 * "... stopped responding on Monday March 3 starting around 21:40": a time
 * the first update's text names, earlier than the update was posted, is
 * when the incident began (settle.c compares the two)
 */
static void
pm_history_early(PmParser *ps, const PmRawEntry *r)
{
	PmStamps	found;

	memset(&found, 0, sizeof(found));
	pm_scan_stamps(r->body.data, r->body.len, &found);
	for (int i = 0; i < found.n; i++)
		if (found.st[i].has_time)
		{
			ps->hist_early = found.st[i];
			ps->hist_lineno = r->lineno;
			/* the one update's "from 10:32 AM to 10:43 AM UTC": its end too */
			for (int k = i + 1; k < found.n && ps->nupdates == 1; k++)
				if (found.st[k].has_time)
				{
					ps->hist_late = found.st[k];
					break;
				}
			return;
		}
}

/* append an update (its first text line, its stamp's line) to ups[*n] */
static PmUpdate *
pm_push_update(PmUpdate *ups, int *n, int *max, int first, int stamp)
{
	if (*n == *max)
	{
		*max *= 2;
		ups = repalloc(ups, sizeof(PmUpdate) * *max);
	}
	ups[*n].status = first;
	ups[*n].stamp = stamp;
	(*n)++;
	return ups;
}

/* does a line in [from, to) name a time of day (not a posted stamp's)? */
static bool
pm_lines_timed(PmParser *ps, int from, int to)
{
	for (int i = Max(from, 0); i < to && i < ps->nlines; i++)
	{
		const PmLine *ln = &ps->lines[i];
		PmStamp		st;
		bool		posted;

		if (!ln->code && !ln->front_matter && ln->len > 0 &&
			!pm_update_stamp(ln, &st, &posted) && pm_line_names(ln, false, true))
			return true;
	}
	return false;
}

/*
 * Keep the n updates found as the document's history when there are two
 * or more, or one under a postmortem posted with its own stamp (post_stamp:
 * 1 + the line of the postmortem's own stamp, or 0).
 */
static bool
pm_keep_history(PmParser *ps, PmUpdate *ups, int n, int post_stamp)
{
	if (n < 2 && !(n == 1 && post_stamp > 0))
	{
		pfree(ups);
		return false;
	}
	ps->updates = ups;
	ps->nupdates = n;
	ps->post_stamp = post_stamp;
	return true;
}

/*
 * Lines (from, to) hold a report, not an update: a heading of a part of
 * the template among them ("## Root Cause", "What Happened?", "Root
 * Cause") with prose under it.  An update is a paragraph or two of text.
 */
static bool
pm_block_is_report(PmParser *ps, int from, int to)
{
	for (int i = from + 1; i < to - 1; i++)
	{
		const PmLine *ln = &ps->lines[i];
		const char *s = ln->s,
				   *e = ln->s + ln->len;
		char	   *name;
		bool		part;

		if (ln->len == 0 || ln->code || ln->front_matter || ln->len > 60)
			continue;
		while (s < e && (*s == '#' || *s == ' '))
			s++;
		while (e > s && (e[-1] == ':' || e[-1] == '?' || e[-1] == ' '))
			e--;
		if (e == s || e[-1] == '.' || e[-1] == ',' || !isalpha((unsigned char) *s))
			continue;
		name = pm_clean(s, e);
		part = pm_head_kind(name) != HEAD_OTHER;
		pfree(name);
		if (part)
			return true;
	}
	return false;
}

/*
 * An update history without status words: the text of each update over
 * its "Posted <day> - <time>" line, the most recent first, and nothing else
 * in the document.  No update, and no title line above the first, is a
 * status word ("Resolved", "Postmortem": those are pm_find_history's).
 * Every stamp must say "Posted" and be no later than the one above it;
 * short title lines over the first update are not its text.
 */
static bool
pm_find_posted_history(PmParser *ps)
{
	int			prev = -1;
	int			n = 0,
				max = 8;
	int			post_stamp = 0;
	PmStamp		last = {0};
	PmUpdate   *ups = palloc(sizeof(PmUpdate) * max);

	for (int i = 0; i < ps->nlines; i++)
	{
		PmStamp		st;
		const char *text;
		bool		posted;
		int			first;

		if (!pm_update_stamp(&ps->lines[i], &st, &posted))
			continue;
		first = pm_first_text(ps, prev, i);
		if (!posted || first < 0 || (n > 0 && !pm_stamp_not_after(&st, &last)))
		{
			pfree(ups);
			return false;
		}
		/* the report above the updates, under headings of its own */
		if (n == 0 && post_stamp == 0 && pm_block_is_report(ps, prev, i))
		{
			post_stamp = i + 1;
			prev = i;
			continue;
		}
		while (n == 0 && first >= 0 && first < i - 1 && pm_title_line(&ps->lines[first]) &&
			   pm_status_line(&ps->lines[first], &text) < 0)
			first = pm_first_text(ps, first, i);
		/* only a title over the stamp; or "Resolved", "Postmortem": the other kind */
		if (first < 0 || pm_status_line(&ps->lines[first], &text) >= 0)
		{
			pfree(ups);
			return false;
		}
		ups = pm_push_update(ups, &n, &max, first, i);
		last = st;
		prev = i;
	}
	return pm_keep_history(ps, ups, n, post_stamp);
}

/*
 * Find the update history: the blocks of lines each ending with a posted
 * stamp, the updates those that open with a status word.  The blocks
 * before the first update (a report above its stamp, a "Postmortem"
 * update) are the postmortem: their last stamp is when it was posted,
 * which is no entry.  The history ends at the first block after it that
 * opens with no status word.  True when it holds two updates or more, or
 * one below such a postmortem that names no time (a short incident:
 * "Resolved" alone).
 */
bool
pm_find_history(PmParser *ps)
{
	int			prev = -1;
	int			n = 0,
				max = 8;
	int			post_stamp = 0;
	PmStamp		last = {0};
	PmUpdate   *ups = palloc(sizeof(PmUpdate) * max);

	for (int i = 0; i < ps->nlines; i++)
	{
		PmStamp		st;
		const char *text;
		bool		posted;
		int			first,
					w;

		if (!pm_update_stamp(&ps->lines[i], &st, &posted))
			continue;
		first = pm_first_text(ps, prev, i);
		/* "Uploads Failing / Incident Report for X / Resolved": titles over it */
		while (n == 0 && post_stamp == 0 && first >= 0 && first < i - 1 &&
			   pm_title_line(&ps->lines[first]) && pm_status_line(&ps->lines[first], &text) < 0)
			first = pm_first_text(ps, first, i);
		w = first >= 0 ? pm_status_line(&ps->lines[first], &text) : -1;
		prev = i;
		if (w >= 0 && !pm_postmortem_word(w))
		{
			/* most recent first, or the stamps are over their texts, not under */
			if (n > 0 && !pm_stamp_not_after(&st, &last))
			{
				pfree(ups);
				return false;
			}
			last = st;
			ups = pm_push_update(ups, &n, &max, first, i);
		}
		else if (n == 0)
			post_stamp = i + 1; /* the postmortem, above the updates */
		else
			break;
	}
	/*
	 * One update is a history only under a postmortem posted with its own
	 * stamp ("Postmortem ... Posted Oct 15, 2024 - 12:05 UTC" over
	 * "Resolved / On October 15 ... / Posted Oct 15, 2024 - 10:45 UTC"),
	 * and not when both name the times (the update restating the report's;
	 * a short incident's "Resolved" alone, under a report that tells no
	 * times, is one)
	 */
	if (n == 1 && post_stamp > 0 && pm_lines_timed(ps, ups[0].status, ups[0].stamp) &&
		pm_lines_timed(ps, 0, post_stamp - 1))
		n = 0;
	if (n < 2 && !(n == 1 && post_stamp > 0))
	{
		pfree(ups);
		return pm_find_posted_history(ps);
	}
	return pm_keep_history(ps, ups, n, post_stamp);
}

/*
 * The year the update history's stamps name (its oldest update's), or 0:
 * a status postmortem's "On October 9th at 14:10 UTC" is in it
 */
int
pm_history_year(PmParser *ps)
{
	PmStamp		st;
	bool		posted;

	if (ps->nupdates == 0 ||
		!pm_update_stamp(&ps->lines[ps->updates[ps->nupdates - 1].stamp], &st, &posted))
		return 0;
	return st.y;
}

/*
 * The oldest day a "Posted <date> - <time>" line names, for a timeline of
 * times alone ("Chain of events / All times are in UTC / 10:41 - ...")
 * above a status page's updates: the day they were posted.  False when no
 * such line names a year.
 */
bool
pm_posted_day(PmParser *ps, int *y, int *m, int *d)
{
	/* read once: every "Posted" line of the document asks */
	if (ps->posted_day == 0)
	{
		ps->posted_day = -1;
		for (int i = 0; i < ps->nlines; i++)
		{
			PmStamp		st;
			bool		posted;
			int			j;

			if (!pm_update_stamp(&ps->lines[i], &st, &posted) || !posted || st.y == 0)
				continue;
			j = date2j(st.y, st.m, st.d);
			if (ps->posted_day < 0 || j + 1 < ps->posted_day)
				ps->posted_day = j + 1;
		}
	}
	if (ps->posted_day < 0)
		return false;
	j2date(ps->posted_day - 1, y, m, d);
	return true;
}

/*
 * The history's entries, oldest first: each at its posted time, its text
 * the status word (but "Update", or none) and the lines between it and the
 * stamp.
 */
void
pm_history_entries(PmParser *ps)
{
	for (int u = ps->nupdates - 1; u >= 0; u--)
	{
		const PmUpdate *up = &ps->updates[u];
		const PmLine *sl = &ps->lines[up->status];
		const char *text = sl->s;
		int			w = pm_status_line(sl, &text);
		PmStamp		st;
		bool		posted;
		PmRawEntry *r;

		if (!pm_update_stamp(&ps->lines[up->stamp], &st, &posted))
			continue;
		r = pm_new_entry(ps, &st, ps->lines[up->stamp].lineno, 0);
		if (w < 0)
			text = sl->s;		/* a history without status words */
		else if (strncmp(status_words[w], "update", 6) != 0)
		{
			const char *ws = pm_skip_decor(sl->s, text);

			while (ws < text && *ws == '#')
				ws++;
			ws = pm_skip_decor(ws, text);
			appendBinaryStringInfo(&r->body, ws, strlen(status_words[w]));
			appendStringInfoString(&r->body, ":");
		}
		if (text < sl->s + sl->len)
			appendStringInfo(&r->body, " %.*s", (int) (sl->s + sl->len - text), text);
		for (int i = up->status + 1; i < up->stamp; i++)
		{
			const PmLine *ln = &ps->lines[i];

			if (ln->len > 0 && !ln->code)
				appendStringInfo(&r->body, " %.*s", ln->len, ln->s);
			ps->lines[i].section = SEC_TIMELINE;
		}
		if (u == ps->nupdates - 1)
			pm_history_early(ps, r);
	}
	ps->parts_seen++;
	ps->saw_timeline = true;
}

/*
 * "::: update Resolved | 2021-03-19T10:01:00.000Z" over its text, up to
 * ":::" (a status page's update block, cState's): one entry, its text
 * the status word and the lines of the block.  Returns the block's last
 * line, or -1 when line i opens none.
 */
int
pm_update_block(PmParser *ps, int i)
{
	const PmLine *ln = &ps->lines[i];
	const char *s = ln->s,
			   *e = ln->s + ln->len,
			   *bar,
			   *body;
	PmStamp		st;
	PmRawEntry *r;
	int			j,
				stop;

	if (ln->len < 8 || strncmp(s, ":::", 3) != 0)
		return -1;
	s = pm_skip_space(s + 3, e);
	if (!pm_word_ci(s, e, "update"))
		return -1;
	s = pm_skip_space(s + 6, e);
	bar = memchr(s, '|', e - s);
	if (bar == NULL)
		return -1;
	body = pm_entry_head(pm_skip_space(bar + 1, e), e, &st);
	if (body == NULL || !st.has_time)
		return -1;
	/* a block never closed ends at the next heading, not with the document */
	for (stop = i + 1; stop < ps->nlines; stop++)
		if (ps->lines[stop].len >= 3 && strncmp(ps->lines[stop].s, ":::", 3) == 0)
			break;
	if (stop == ps->nlines)
		for (stop = i + 1; stop < ps->nlines; stop++)
			if (ps->lines[stop].len > 0 && ps->lines[stop].s[0] == '#')
				break;
	r = pm_new_entry(ps, &st, ln->lineno, 0);
	{
		const char *we = bar;

		while (we > s && we[-1] == ' ')
			we--;
		if (we > s)
			appendStringInfo(&r->body, "%.*s:", (int) (we - s), s);
	}
	for (j = i + 1; j < stop; j++)
	{
		PmLine	   *l = &ps->lines[j];

		l->section = SEC_TIMELINE;
		if (l->len > 0 && !l->code && !l->comment && strncmp(l->s, "<!--", Min(l->len, 4)) != 0)
			appendStringInfo(&r->body, " %.*s", l->len, l->s);
	}
	ps->parts_seen++;
	/* its closing ":::", or the line before the heading that ends it */
	if (stop < ps->nlines && ps->lines[stop].s[0] == ':')
		return stop;
	return stop - 1;
}
