/*-------------------------------------------------------------------------
 *
 * tasks.c
 *	  The corrective and preventative measures: list items, task tables,
 *	  statuses, owners and due dates, tasks and improvements.
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

/* ----- measures ----- */

PmItem *
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
	it->group_done = ps->group_done;
	it->indent = indent;
	it->span = ps->items_at_heading;
	return it;
}

/* "Status: X" / "Owner: X" / "Due: X" labels; returns which, sets value */
int
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
		const char *q;
		int			y,
					m,
					d;

		/* the first letter first: strlen and the comparison only then */
		if (labels[i][0] != c || !pm_word_ci(p, e, labels[i]))
			continue;
		q = pm_skip_decor(p + strlen(labels[i]), e);
		if (q < e && *q == ':')
		{
			*value = pm_skip_decor(q + 1, e);
			return which[i];
		}
		/* "due 2024-06-01", "due June 1": the date says it is a label */
		if (which[i] == 3 && q > p + strlen(labels[i]) &&
			pm_read_date(q, e, &y, &m, &d) > 0)
		{
			*value = q;
			return 3;
		}
	}
	return 0;
}

/*
 * The cell of a task row holding the task: its Task column, unless that is
 * a number ("| # | Owner | Priority | Due |" with the text under Priority),
 * then the longest cell of no other column.
 */
static int
pm_title_cell(PmParser *ps, const char **cs, const char **ce, int nc)
{
	int			tc = ps->task_cols[0];
	int			best = -1;
	bool		number = true;

	for (const char *p = cs[tc]; p < ce[tc]; p++)
		if (!isdigit((unsigned char) *p) && *p != '#' && *p != '.' && *p != ' ')
			number = false;
	if (!number)
		return tc;
	for (int i = 0; i < nc; i++)
		if (i != tc && i != ps->task_cols[1] && i != ps->task_cols[2] && i != ps->task_cols[3] &&
			(best < 0 || ce[i] - cs[i] > ce[best] - cs[best]))
			best = i;
	return (best >= 0 && ce[best] > cs[best]) ? best : tc;
}

/*
 * "By implementing these measures, we aim to ...", "By addressing these
 * areas, we can ...", "With these steps we expect ...": a closing sentence
 * about the measures, no task.
 */
static bool
pm_by_doing(const char *s, const char *e)
{
	const char *w;

	if (pm_prefix_ci(s, e, "with these ") || pm_prefix_ci(s, e, "with those "))
		return true;
	if (!pm_prefix_ci(s, e, "by "))
		return false;
	for (w = s + 3; w < e && isalpha((unsigned char) *w); w++)
		;
	return w - s > 6 && pm_lower(w[-3]) == 'i' && pm_lower(w[-2]) == 'n' && pm_lower(w[-1]) == 'g';
}

/*
 * A plain line that heads what follows rather than being a task: after a
 * blank line, two to six words, each significant one capitalised ("A Dash
 * of Humor", "Final Words"), no digits and no closing punctuation.
 */
static bool
pm_pseudo_heading(PmParser *ps, const PmLine *ln, const char *s, const char *e)
{
	static const char *const small[] = {"a", "an", "and", "the", "of", "for", "to", "in", "on", "with", "&"};
	int			words = 0;

	if (ln == ps->lines || ln[-1].len != 0)
		return false;
	while (e > s && e[-1] == ' ')
		e--;
	if (e - s > 40 || (e > s && (e[-1] == '.' || e[-1] == '!' || e[-1] == '?' || e[-1] == ',')))
		return false;
	for (const char *w = s; w < e;)
	{
		const char *we = w;
		bool		minor = false;

		while (we < e && *we != ' ')
			we++;
		if (isdigit((unsigned char) *w) || memchr(w, ':', we - w) != NULL)
			return false;
		for (int i = 0; i < lengthof(small); i++)
			minor |= ((int) strlen(small[i]) == we - w && pg_strncasecmp(w, small[i], we - w) == 0);
		if (!isupper((unsigned char) *w) && !(minor && words > 0))
			return false;
		words++;
		w = pm_skip_space(we, e);
	}
	return words >= 2 && words <= 6;
}

/*
 * "To prevent this from happening again we will", "We are taking the
 * following steps": a line that introduces the list without a colon, ending
 * in a word that needs the items below to finish it
 */
static bool
pm_introduces_list(const char *s, const char *e)
{
	static const char *const ends[] = {" will", " shall", " we'll", " we’ll", " to",
	" following", " follows", " include", " includes", " are"};

	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '-' || e[-1] == '.'))
		e--;
	for (int i = 0; i < lengthof(ends); i++)
	{
		int			n = strlen(ends[i]);

		if (e - s > n && pg_strncasecmp(e - n, ends[i], n) == 0)
			return true;
	}

	/*
	 * "Mistakes are opportunities to learn and here are some of the lessons
	 * we have taken.": one short sentence that presents what follows
	 */
	if (e - s >= 160 || memchr(s, '.', e - s) != NULL)
		return false;
	for (const char *p = s; p < e; p++)
		if (pm_word_start(s, p) &&
			(pm_prefix_ci(p, e, "here are ") || pm_prefix_ci(p, e, "these are the ")))
			return true;
	return false;
}

/*
 * "Improve our monitoring, especially around mainnet.", "Set up a clear
 * line of communication ...", "Shorten the time from fix to release. The
 * release builds took ...": a paragraph in the measures that opens with a
 * verb telling the team what to do is one measure, its first sentence; the
 * sentences after it say why or how.  The verb must be followed by a word
 * in lower case ("Name who speaks for us", not "Name: ...").
 */
static const char *
pm_imperative_end(const char *s, const char *e)
{
	static const char *const verbs[] = {"add", "adopt", "agree", "alert", "assign",
		"audit", "automate", "build", "change", "clarify", "create", "define",
		"document", "enable", "ensure", "establish", "extend", "have", "implement",
		"improve", "increase", "introduce", "investigate", "keep", "know", "limit",
		"make", "migrate", "monitor", "move", "name", "prepare", "provide", "publish",
		"reduce", "remove", "replace", "require", "review", "rotate", "schedule", "set",
		"shorten", "speed", "split", "test", "train", "update", "upgrade", "write"};
	const char *w = s;
	const char *b;

	while (w < e && isalpha((unsigned char) *w))
		w++;
	if (w == s || w + 2 >= e || w[0] != ' ' || !islower((unsigned char) w[1]) ||
		!isupper((unsigned char) *s))
		return NULL;
	/*
	 * "Test coverage was thin.", "Alert routing is manual.": the word is a
	 * noun, the sentence's subject, when a form of "to be" or "to have"
	 * comes second or third
	 */
	{
		static const char *const be[] = {"was", "were", "is", "are", "has", "had"};
		const char *q = w + 1;

		for (int k = 0; k < 2 && q < e; k++)
		{
			const char *qe = q;

			while (qe < e && isalpha((unsigned char) *qe))
				qe++;
			for (int i = 0; i < lengthof(be); i++)
				if (qe - q == (int) strlen(be[i]) && pg_strncasecmp(q, be[i], qe - q) == 0)
					return NULL;
			if (qe >= e || *qe != ' ')
				break;
			q = qe + 1;
		}
	}
	for (int i = 0; i < lengthof(verbs); i++)
		if (w - s == (int) strlen(verbs[i]) && pg_strncasecmp(s, verbs[i], w - s) == 0)
		{
			for (b = w; b < e && !((*b == '.' || *b == '!') && (b + 1 == e || b[1] == ' ')); b++)
				;
			return b < e ? b + 1 : e;
		}
	return NULL;
}

/*
 * "Backup Schedule:", "Access Review:": a short label alone on its line, its
 * words capitalised, nothing but letters and spaces before the colon
 */
static bool
pm_label_line(const char *s, const char *e)
{
	int			words = 0;

	if (e - s > 40 || !isupper((unsigned char) *s))
		return false;
	for (const char *p = s; p < e - 1; p++)
	{
		if (!isalpha((unsigned char) *p) && *p != ' ' && *p != '&' && *p != '-')
			return false;
		if (p == s || p[-1] == ' ')
		{
			if (islower((unsigned char) *p) && !pm_prefix_ci(p, e, "and ") &&
				!pm_prefix_ci(p, e, "of ") && !pm_prefix_ci(p, e, "the "))
				return false;
			words++;
		}
	}
	return words >= 1 && words <= 5;
}

/*
 * A line that is a date and time alone ("September 16, 2025 · 09:53 IDT",
 * "2025-09-16 09:12 UTC"): a stamp of the page, no task.
 */
static bool
pm_stamp_line(const char *s, const char *e)
{
	bool		date = false;

	while (s < e)
	{
		PmStamp		st;
		int			n = pm_read_stamp(s, e, &st);

		if (n <= 0)
			return false;
		date |= st.has_date;
		s += n;
		/* separators between the date and the time */
		for (;;)
		{
			if (s < e && (*s == ' ' || *s == ',' || *s == '-' || *s == '|' || *s == '@'))
				s++;
			else if (e - s >= 2 && (unsigned char) s[0] == 0xc2 && (unsigned char) s[1] == 0xb7)
				s += 2;			/* · */
			else
				break;
		}
	}
	return date;
}

/* a sentence that opens with one of starts and is no apology ("We are very sorry") */
static bool
pm_we_sentence(const char *s, const char *e, const char *const *starts, int nstarts)
{
	if (pm_contains_ci(s, e - s, "sorry") || pm_contains_ci(s, e - s, "apologi"))
		return false;
	for (int i = 0; i < nstarts; i++)
		if (pm_prefix_ci(s, e, starts[i]))
			return true;
	return false;
}

/*
 * "We will move our databases ...", "We are reviewing ...": a plain line of
 * the measures that says what the team will do or is doing (an apology,
 * "We are very sorry", is not one).
 */
static bool
pm_says_intention(const char *s, const char *e)
{
	static const char *const starts[] = {"we will ", "we'll ", "we\xe2\x80\x99ll ", "we are ",
	"we're ", "we plan ", "we intend ", "we have ", "we've ", "i will ", "i'll "};

	return pm_we_sentence(s, e, starts, lengthof(starts));
}

/*
 * "We are replacing that manual step ...", "we are also eliminating ...":
 * the team says what it is changing, in the present tense a company's post
 * uses for work already under way.  What it only watches or goes on seeing
 * ("we are monitoring", "we are seeing", "we are continuing to ...") is no
 * change, and an apology is none either.
 */
static bool
pm_sentence_progressive(const char *s, const char *e)
{
	static const char *const idle[] = {"seeing", "experiencing", "monitoring",
	"continuing", "still", "expecting", "aware", "working"};
	const char *w,
			   *we;

	if (!pm_prefix_ci(s, e, "we are ") ||
		pm_contains_ci(s, e - s, "sorry") || pm_contains_ci(s, e - s, "apologi"))
		return false;
	w = s + 7;
	if (pm_prefix_ci(w, e, "also ") || pm_prefix_ci(w, e, "now "))
		w = pm_skip_space(strchr(w, ' '), e);
	for (we = w; we < e && isalpha((unsigned char) *we); we++)
		;
	if (we - w < 5 || we >= e || *we != ' ' || pg_strncasecmp(we - 3, "ing", 3) != 0)
		return false;
	for (int i = 0; i < lengthof(idle); i++)
		if (pm_prefix_ci(w, e, idle[i]))
			return false;
	return true;
}

/*
 * A sentence of prose in the measures that says what the team will do or
 * has changed, from its "we" on: "We will also move ...", "we plan to put
 * in place ...", "we have improved our response plans ..."
 */
static bool
pm_sentence_measure(const char *s, const char *e)
{
	static const char *const starts[] = {"we will ", "we'll ", "we\xe2\x80\x99ll ",
		"we plan to ", "we intend to ", "we also plan to ", "we are also looking at ",
		"we are looking at ", "we are also working on ", "we are working on ",
		"we have improved ", "we have added ", "we have introduced ", "we have changed ",
		/* "We have upgraded the queueing software ...": another change made */
		"we have upgraded ", "we have updated ", "we have replaced ", "we have moved ",
		"we have fixed ", "we have removed ", "we have deployed ", "we have migrated ",
	"we have increased ", "we have reduced ", "we have patched ", "we have disabled ",
	"i will ", "i'll ", "we are working to ", "we are also working to "};

	if (pm_we_sentence(s, e, starts, lengthof(starts)))
		return true;
	return pm_sentence_progressive(s, e);
}

/* "In the future we will ...", "From now on I will ...": the opener, else s */
static const char *
pm_skip_future_opener(const char *s, const char *e)
{
	static const char *const openers[] = {"in the future ", "in future ", "from now on ",
	"going forward "};

	for (int i = 0; i < lengthof(openers); i++)
		if (pm_prefix_ci(s, e, openers[i]))
			return s + strlen(openers[i]);
	return s;
}

/*
 * A paragraph of prose in the measures, several sentences on one line
 * ("To make sure this does not happen again, we will change how ... We will
 * also move ..."): each sentence that says what the team will do or has
 * changed is a measure, from its "we" on (a clause before it, "Since it
 * has now happened again, ", is the reason).  pm_build_tasks keeps them
 * only where the measures have no list.
 */
static void
pm_prose_measures(PmParser *ps, const PmLine *ln, const char *s, const char *e)
{
	const char *a = s;

	while (a < e)
	{
		const char *b = a;
		const char *c = NULL;

		while (b < e && !((*b == '.' || *b == '!') && (b + 1 == e || b[1] == ' ')))
			b++;
		if (b < e)
			b++;
		if (pm_sentence_measure(a, b))
			c = a;
		else if (pm_skip_future_opener(a, b) > a && pm_sentence_measure(pm_skip_future_opener(a, b), b))
			c = pm_skip_future_opener(a, b);
		for (const char *p = a; c == NULL && p + 5 < b; p++)
			if (p[0] == ',' && p[1] == ' ' && pm_sentence_measure(p + 2, b))
				c = p + 2;

		/*
		 * "To prevent this from happening again we are ...": a purpose
		 * clause people often leave without its comma
		 */
		if (c == NULL && (pm_prefix_ci(a, b, "to ") || pm_prefix_ci(a, b, "in order to ")))
			for (const char *p = a; c == NULL && p + 4 < b; p++)
				if (p[0] == ' ' && pm_prefix_ci(p + 1, b, "we ") && pm_sentence_measure(p + 1, b))
					c = p + 1;
		if (c != NULL)
		{
			PmItem	   *it = pm_new_item(ps, ln->indent);

			it->plain = it->prose = true;
			it->lineno = ln->lineno;
			appendStringInfoChar(&it->text, toupper((unsigned char) *c));
			appendBinaryStringInfo(&it->text, c + 1, b - c - 1);
		}
		a = pm_skip_space(b, e);
	}
}

/*
 * A status page's postmortem above its updates, with no measures of its
 * own: its paragraphs' sentences that say what the team will do ("We will
 * resize the instance this weekend ...") are the measures.  The
 * postmortem is the lines above the first update; a paragraph wrapped over
 * lines is read as one.
 */
static void pm_narrative_measures(PmParser *ps);

/* the paragraph at line i, its lines joined by spaces, into buf; the line after it */
static int
pm_paragraph_text(PmParser *ps, int i, StringInfo buf)
{
	int			j = Max(pm_paragraph_end(ps, i), i + 1);

	initStringInfo(buf);
	for (int k = i; k < j; k++)
	{
		if (k > i)
			appendStringInfoChar(buf, ' ');
		appendBinaryStringInfo(buf, ps->lines[k].s, ps->lines[k].len);
	}
	return j;
}


/*
 * The verbs of a measure, after "we have", "we've", "we will": what the
 * team changes so that it does not happen again ("we will update this
 * issue", "we have restored service" are not such)
 */
static int
pm_measure_verb(const char *p, const char *e)
{
	static const char *const verbs[] = {"add", "added", "fix", "fixed", "change", "changed",
		"introduce", "introduced", "implement", "implemented", "improve", "improved",
		"automate", "automated", "enable", "enabled", "set up", "build", "built",
	"document", "documented"};

	for (int i = 0; i < lengthof(verbs); i++)
		if (pm_word_ci(p, e, verbs[i]))
			return strlen(verbs[i]);
	return 0;
}

/* a measure of the clause from p (its verb at v) to e, as "We have ..." or "We will ..." */
static void
pm_narrative_item(PmParser *ps, const PmLine *ln, bool will, const char *v, const char *e)
{
	PmItem	   *it;
	int			words = 0;

	while (e > v && (e[-1] == '.' || e[-1] == ' '))
		e--;
	/* "what we will change": a verb with nothing to change is no measure */
	for (const char *p = v; p < e; p++)
		words += (p == v || p[-1] == ' ') && *p != ' ';
	if (words < 3)
		return;
	it = pm_new_item(ps, ln->indent);
	it->plain = it->prose = true;
	it->lineno = ln->lineno;
	appendStringInfoString(&it->text, will ? "We will " : "We have ");
	appendBinaryStringInfo(&it->text, v, e - v);
	appendStringInfoChar(&it->text, '.');
}

/*
 * The measures of one paragraph of a report without a measures section:
 * in each sentence, a "we have [already] <verb>", "we've <verb>" or "we
 * will <verb>" with a measure's verb, and each further " and <verb>" or
 * " and will <verb>" of it, one measure a clause.  A sentence with a time
 * of day tells the response, not what comes after it.
 */
static void
pm_narrative_sentences(PmParser *ps, const PmLine *ln, const char *s, const char *e)
{
	static const char *const subjects[] = {"we have already ", "we've already ", "we have ",
	"we've ", "we\xe2\x80\x99ve ", "we will ", "we'll ", "we\xe2\x80\x99ll ", "we "};

	for (const char *a = s; a < e;)
	{
		const char *b = pm_sentence_end(a, e);
		bool		will = false;
		const char *v = NULL;
		int			n = 0;

		for (const char *p = a; p < b && v == NULL; p++)
		{
			if ((*p != 'w' && *p != 'W') || (p > a && isalpha((unsigned char) p[-1])))
				continue;
			for (int k = 0; k < lengthof(subjects) && v == NULL; k++)
			{
				const char *q = p + strlen(subjects[k]);

				if (!pm_prefix_ci(p, b, subjects[k]))
					continue;
				/* "we replaced the server and will add ...": the bare "we" only so */
				if (k == lengthof(subjects) - 1)
					break;
				if ((n = pm_measure_verb(q, b)) > 0)
				{
					v = q;
					will = strstr(subjects[k], "will") || strstr(subjects[k], "ll ");
				}
			}
		}
		if (v == NULL && pm_prefix_ci(a, b, "we "))
		{
			/* "We replaced the server and will add a memory check ..." */
			for (const char *p = a; p + 10 < b && v == NULL; p++)
				if (pm_prefix_ci(p, b, " and will ") && pm_prefix_ci(a, b, "we ") &&
					(n = pm_measure_verb(p + 10, b)) > 0)
				{
					v = p + 10;
					will = true;
				}
		}
		/* the time test last: it scans the sentence for stamps */
		if (v != NULL && pm_text_names(a, b - a, false, true))
			v = NULL;
		while (v != NULL)
		{
			const char *next = NULL;
			bool		next_will = will;

			for (const char *p = v + n; p + 5 < b && next == NULL; p++)
			{
				int			m;

				if (!pm_prefix_ci(p, b, " and "))
					continue;
				if (pm_prefix_ci(p + 5, b, "will ") && (m = pm_measure_verb(p + 10, b)) > 0)
				{
					next = p + 10;
					next_will = true;
				}
				else if ((m = pm_measure_verb(p + 5, b)) > 0)
					next = p + 5;
				if (next)
					n = m;
			}
			pm_narrative_item(ps, ln, will, v, next ? next - (next_will && next != v ? 10 : 5) : b);
			v = next;
			will = next_will;
		}
		a = pm_skip_space(b, e);
	}
}

void
pm_report_measures(PmParser *ps)
{
	if (ps->nitems > 0)
		return;
	if (ps->nupdates == 0)
	{
		pm_narrative_measures(ps);
		return;
	}
	for (int i = 0; i < ps->updates[0].status; i++)
	{
		const PmLine *ln = &ps->lines[i];
		int			j;
		StringInfoData buf;

		if (ln->code || ln->len == 0 || ln->section == SEC_TIMELINE)
			continue;
		j = pm_paragraph_text(ps, i, &buf);
		pm_prose_measures(ps, ln, buf.data, buf.data + buf.len);
		pfree(buf.data);
		i = j - 1;
	}
	pm_narrative_measures(ps);
}

/*
 * A report with no measures section at all, told as prose (an issue's
 * closing comment, a status page's one postmortem post): its sentences
 * that say what the team has changed or will change to keep it from
 * happening again ("We replaced the server and will add a memory check to
 * the deployment", "we have already changed our testing so that ...") are
 * its measures, each clause one: "we have fixed the rotation job and
 * added a disk alert" is two.  Not in the timeline, nor where any part of
 * the document heads measures.
 */
static void
pm_narrative_measures(PmParser *ps)
{
	if (ps->nitems > 0)
		return;
	for (int i = 0; i < ps->nlines; i++)
		if (ps->lines[i].section == SEC_MEASURES)
			return;
	for (int i = 0; i < ps->nlines; i++)
	{
		const PmLine *ln = &ps->lines[i];
		int			j;
		StringInfoData buf;

		if (ln->code || ln->len == 0 || ln->section == SEC_TIMELINE || ln->s[0] == '#' ||
			ln->s[0] == '|' || ln->front_matter)
			continue;
		j = pm_paragraph_text(ps, i, &buf);
		pm_narrative_sentences(ps, ln, buf.data, buf.data + buf.len);
		pfree(buf.data);
		i = j - 1;
	}
}

/*
 * "**Next Review:** October 28, 2024", "Review date: 2024-11-01": a label
 * over a date alone says when the team looks again, it is no task
 */
static bool
pm_dated_label_line(const char *s, const char *e)
{
	const char *c = memchr(s, ':', Min(e - s, 40));
	int			y,
				m,
				d,
				n;

	if (c == NULL || c == s)
		return false;
	c++;
	while (c < e && (*c == '*' || *c == '_' || *c == ' '))
		c++;
	if (c >= e || (n = pm_read_date(c, e, &y, &m, &d)) == 0)
		return false;
	for (c += n; c < e; c++)
		if (*c != '*' && *c != '_' && *c != ' ' && *c != '.')
			return false;
	return true;
}

/*
 * "The following changes have been made so that ...:", "The below changes
 * have been implemented:": a line that introduces the list below as work
 * already done, so its items are done (as under "### Done").  Changes
 * "identified" or "proposed", or that "will be made", are not.
 */
static bool
pm_says_made(const char *s, const char *e)
{
	static const char *const made[] = {"have been made", "have been implemented",
		"have been put in place", "have been completed", "have been deployed",
	"have been rolled out", "have already been made", "were made", "were implemented"};

	for (int i = 0; i < lengthof(made); i++)
		if (pm_contains_ci(s, e - s, made[i]))
			return true;
	return false;
}

/*
 * A line without a list marker in the measures: a task when the measures
 * are written as plain lines ("Tasks:" then one task a line, "Action 1:
 * ..."), prose otherwise.  pm_build_tasks keeps such lines only where the
 * same list has no marked items; here they are read, a line that starts in
 * lower case carrying on the one above makes both a wrapped paragraph,
 * which is prose; a line that ends with a colon introduces the list.
 */
static void
pm_plain_item(PmParser *ps, const PmLine *ln, const char *s, const char *e)
{
	PmItem	   *last = ps->nitems > ps->items_at_heading ? &ps->items[ps->nitems - 1] : NULL;
	PmItem	   *it;
	const char *p;
	int			sentences = 0;

	if (e[-1] == ':' && !ps->plain_closed && pm_says_made(s, e))
		ps->group_done = true;
	if (e[-1] == ':' && !ps->plain_closed && pm_label_line(s, e))
	{
		/*
		 * "Backup Schedule:" over its sentence, one label a measure: each
		 * label begins a list of its own, so that a sentence of one is not
		 * taken for the reasons around another's
		 */
		ps->items_at_heading = ps->nitems;
		return;
	}
	if (e[-1] == ':' || ps->plain_closed || pm_introduces_list(s, e))
		return;
	if (e - s > 300)
	{
		if (memchr(s, '?', e - s) == NULL)
			pm_prose_measures(ps, ln, s, e);	/* a paragraph, too long for one task */
		return;
	}
	if (last && last->plain && pm_pseudo_heading(ps, ln, s, e))
	{
		/* "A Dash of Humor" after the tasks: what follows is not theirs */
		ps->plain_closed = true;
		return;
	}
	if (last && last->plain && last->lineno == ln->lineno - 1 &&
		islower((unsigned char) *s))
	{
		/*
		 * a hard-wrapped paragraph: prose, however it reads, unless its one
		 * sentence promises what the team will do ("We will add tests that
		 * cover ...\nwhen ..."): one task
		 */
		if (last->text.len > 0 &&
			(pm_prefix_ci(last->text.data, last->text.data + last->text.len, "we will ") ||
			 pm_prefix_ci(last->text.data, last->text.data + last->text.len, "we'll ")) &&
			memchr(last->text.data, '.', last->text.len) == NULL)
			appendStringInfo(&last->text, " %.*s", (int) (e - s), s);
		else
			resetStringInfo(&last->text);
		last->lineno = ln->lineno;
		return;
	}
	/* "_Note: this is a rough first draft, more to come later._": the editor's aside */
	for (p = s; p < e && (*p == '_' || *p == '*'); p++)
		;
	if (pm_prefix_ci(p, e, "note:"))
		return;
	if (pm_prefix_ci(s, e, "no tasks") || pm_prefix_ci(s, e, "none") ||
		pm_prefix_ci(s, e, "n/a") || pm_prefix_ci(s, e, "tbd") || pm_dated_label_line(s, e))
		return;
	if (pm_stamp_line(s, e) ||
		(pm_prefix_ci(s, e, "posted ") && pm_stamp_line(pm_skip_space(s + 7, e), e)))
	{
		/* "September 16, 2025 · 09:53 IDT": a status update's, the page's from here */
		ps->plain_closed = true;
		return;
	}
	for (p = s; p < e; p++)
		if ((*p == '.' || *p == '!' || *p == '?') && (p + 1 == e || p[1] == ' '))
			sentences++;
	if (sentences >= 2 && memchr(s, '?', e - s) == NULL &&
		(p = pm_imperative_end(s, e)) != NULL)
	{
		/* "Shorten the time from fix to release. ...": its first sentence */
		it = pm_new_item(ps, ln->indent);
		it->plain = true;
		it->lineno = ln->lineno;
		appendBinaryStringInfo(&it->text, s, p - s);
		return;
	}
	if (sentences >= 2 && memchr(s, '?', e - s) == NULL && !pm_by_doing(s, e))
	{
		pm_prose_measures(ps, ln, s, e);
		return;
	}

	/*
	 * "Finally, we will review our deployment tooling.": one sentence of a
	 * post's prose, its measure after an opening clause, is read as the
	 * paragraphs around it are, not as a line of a list
	 */
	if (sentences == 1 && e[-1] == '.' && !pm_says_intention(s, e))
		for (p = s; p + 5 < e; p++)
			if (p[0] == ',' && p[1] == ' ' && pm_sentence_measure(p + 2, e))
			{
				pm_prose_measures(ps, ln, s, e);
				return;
			}
	if (sentences >= 2 || memchr(s, '?', e - s) != NULL || pm_by_doing(s, e) ||
		pm_contains_ci(s, e - s, "postmortem") ||
		pm_contains_ci(s, e - s, "post-mortem") || pm_prefix_ci(s, e, "this incident") ||
		pm_prefix_ci(s, e, "in summary") || pm_prefix_ci(s, e, "there is ") ||
		pm_prefix_ci(s, e, "there are ") ||
		pm_prefix_ci(s, e, "in conclusion") || pm_prefix_ci(s, e, "thank") ||
		pm_prefix_ci(s, e, "overall") ||
		/*
		 * a README's "Read about the fixes ... we have planned": it points
		 * to the measures written elsewhere, it is none of them
		 */
		pm_prefix_ci(s, e, "read about ") || pm_prefix_ci(s, e, "learn about ") ||
		pm_prefix_ci(s, e, "learn more ") || pm_prefix_ci(s, e, "for details") ||
		pm_prefix_ci(s, e, "for more details"))
		return;					/* a paragraph of prose */
	/* "Action 1: ...", "Action item 2 - ...": the label is no part of it */
	if (pm_prefix_ci(s, e, "action"))
	{
		p = pm_skip_space(s + 6, e);
		if (pm_prefix_ci(p, e, "item"))
			p = pm_skip_space(p + 4, e);
		if (p < e && isdigit((unsigned char) *p))
		{
			while (p < e && isdigit((unsigned char) *p))
				p++;
			p = pm_skip_space(p, e);
			if (p < e && (*p == ':' || *p == '.' || *p == '-' || *p == ')'))
				s = pm_skip_space(p + 1, e);
		}
	}
	if (s >= e)
		return;
	it = pm_new_item(ps, ln->indent);
	it->plain = true;
	it->lineno = ln->lineno;
	s = pm_strip_checkbox(s, e, &it->has_checkbox, &it->checked);
	appendBinaryStringInfo(&it->text, s, e - s);
}

/* a row of a task table: "| Add alerts | ana | done |", its header first */
static void
pm_task_table_row(PmParser *ps, const PmLine *ln)
{
	const char *s = ln->s,
			   *e = ln->s + ln->len;
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
		ps->task_table_data = true;
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
			/* "| Completed |" holding "✅ Nov 20": a status, unless one is named */
			else if (ps->task_cols[2] < 0 && pm_word_ci(h, h + hl, "completed"))
				ps->task_cols[2] = i;
			else if (pm_contains_ci(h, hl, "due"))
				ps->task_cols[3] = i;
			else if (pm_contains_ci(h, hl, "task") || pm_contains_ci(h, hl, "action") ||
					 pm_contains_ci(h, hl, "item") || pm_contains_ci(h, hl, "description") ||
					 pm_contains_ci(h, hl, "title") || pm_contains_ci(h, hl, "what"))
				ps->task_cols[0] = i;
			else
			{
				static const char *const taskish[] = {"fix", "change", "improv", "measure",
					"step", "follow", "remediat", "ticket", "issue", "priority", "eta",
				"deadline", "jira", "link", "done", "#", "id", "todo", "to do"};

				for (int k = 0; k < lengthof(taskish); k++)
					if (pm_contains_ci(h, hl, taskish[k]))
						ps->task_table_data = false;
				continue;
			}
			ps->task_table_data = false;
		}
		return;
	}
	/* "| Env | Cluster | Purpose |": no column a task's, the table is data */
	if (ps->task_cols[0] >= nc || ps->task_table_data)
		return;
	it = pm_new_item(ps, ln->indent);
	{
		int			tc = pm_title_cell(ps, cs, ce, nc);
		const char *ts = pm_strip_checkbox(cs[tc], ce[tc], &it->has_checkbox, &it->checked);

		appendBinaryStringInfo(&it->text, ts, ce[tc] - ts);
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

/* "Regular Audits: Conduct ...": a short label of words, a colon, then text */
static bool
pm_label_first(const char *s, const char *e)
{
	for (const char *p = s; p < e && p - s <= 40; p++)
	{
		if (*p == ':')
			return p > s && p + 1 < e && p[1] == ' ';
		if (!isalpha((unsigned char) *p) && *p != ' ' && *p != '-' && *p != '&' && *p != '/')
			return false;
	}
	return false;
}

/*
 * "Detection", "Mitigation", "Resolution": a phase of the response, which
 * a list of what was done labels its items with
 */
static bool
pm_phase_word(const char *s, const char *e)
{
	static const char *const words[] = {"detection", "investigation", "identification",
	"diagnosis", "triage", "escalation", "mitigation", "resolution", "recovery"};

	s = pm_skip_decor(s, e);
	for (int i = 0; i < lengthof(words); i++)
		if (pm_word_ci(s, e, words[i]) &&
			pm_skip_decor(s + strlen(words[i]), e) == e)
			return true;
	return false;
}

/* "Detection: Automated alerts told ...", "**Mitigation:** We added ...": a phase's account */
static bool
pm_phase_lead(const char *s, const char *e)
{
	const char *colon;

	s = pm_skip_decor(s, e);
	colon = memchr(s, ':', Min(e - s, 24));
	return colon != NULL && pm_phase_word(s, colon) &&
		pm_skip_decor(colon + 1, e) < e;
}

void
pm_measures_line(PmParser *ps, const PmLine *ln)
{
	const char *s = ln->s,
			   *e = ln->s + ln->len,
			   *value;
	bool		marker;
	PmItem	   *last = ps->nitems > ps->items_at_heading ? &ps->items[ps->nitems - 1] : NULL;
	int			label;

	if (*s == '|' && !ps->in_heading_task)
	{
		pm_task_table_row(ps, ln);
		return;
	}
	ps->in_task_table = false;

	s = pm_strip_marker(s, e, &marker);
	/* an attribute line under an item: "  - *Status:* In progress" */
	label = pm_task_label(s, e, &value);
	/* under a subheading that is the task: its owner, due date, status; else detail */
	if (ps->in_heading_task && (label == 0 || last == NULL))
		return;
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
	/*
	 * "- Add an alert that pages before\n  the disk fills up.": the item's
	 * paragraph wrapped onto the next line (indented under it, or lazily in
	 * lower case at the margin), one task
	 */
	if (!marker && last && !last->plain && last->text.len > 0 &&
		last->lineno == ln->lineno - 1 &&
		(ln->indent > last->indent || islower((unsigned char) *s)))
	{
		appendStringInfoChar(&last->text, ' ');
		appendBinaryStringInfo(&last->text, s, e - s);
		last->lineno = ln->lineno;
		return;
	}
	if (ln->group)
	{
		/*
		 * "Monitoring:" above its own items: a label, not a task; "Tasks:"
		 * or "Improvements:" says which list its items are, as a heading
		 * would.
		 */
		char	   *name = pm_clean(s, e);
		int			l = strlen(name);
		PmHeadKind	hk;

		while (l > 0 && (name[l - 1] == ':' || name[l - 1] == ' '))
			name[--l] = '\0';
		hk = pm_head_kind(name);
		ps->phase_indent = 0;
		if (pm_phase_word(name, name + l))
		{
			ps->phase_labels++;
			ps->phase_indent = ln->indent + 1;
		}
		if (hk == HEAD_TASKS || hk == HEAD_IMPROVEMENTS)
		{
			ps->group = (hk == HEAD_TASKS) ? GROUP_TASKS : GROUP_IMPROVEMENTS;
			ps->saw_task_heading |= (hk == HEAD_TASKS);
		}
		ps->items_at_heading = ps->nitems;
		return;
	}
	/*
	 * Lines without markers, one task a line; also "Label: ..." lines however
	 * ragged their indentation ("   Audits: ...", "    Alerts: ...").
	 */
	if (!marker && (ln->indent == 0 || ((last == NULL || last->plain) && pm_label_first(s, e))))
	{
		pm_plain_item(ps, ln, s, e);	/* a task, or prose around the list */
		return;
	}
	if (last && ln->indent > last->indent && (marker || ln->indent >= last->indent + 2))
		return;					/* other detail under an item */
	{
		PmItem	   *it = pm_new_item(ps, ln->indent);

		it->lineno = ln->lineno;
		s = pm_strip_checkbox(s, e, &it->has_checkbox, &it->checked);
		appendBinaryStringInfo(&it->text, s, e - s);
		/* "- Detection: ...", "- Resolution:" over its steps: the response */
		it->under_phase = ps->phase_indent > 0 && ln->indent >= ps->phase_indent;
		if (!it->under_phase)
			ps->phase_indent = 0;
		it->phase_text = !it->has_checkbox && pm_phase_lead(s, e);
		ps->phase_labels += it->phase_text;
	}
}

/* ---------------------------------------------------------------------
 * statuses and kinds
 * ---------------------------------------------------------------------
 */
const char *
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
	/* "Complete (this report)": the word, then a note in brackets */
	for (const char *p = a; p + 1 < b; p++)
		if (p[0] == ' ' && p[1] == '(')
		{
			const char *w = pm_task_status_word(a, p - a);

			if (w != NULL)
				return w;
			break;
		}

	/*
	 * A status column holding a mark: ✅ ✔ ☑ done, 🚧 ⏳ in progress, ❌ won't
	 * do, alone or before words no status word matched ("✅ Ongoing
	 * practice")
	 */
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

/* a phrase in the text of low and pairs (pm_lower_pairs) */
#define HAS(w) (PM_MAY_HOLD(&pairs, (w)) && strstr(low, (w)) != NULL)


const char *
pm_task_kind(const char *s, int len)
{
	char		buf[512];
	PmPairs		pairs;
	char	   *low = pm_lower_pairs(s, len, buf, sizeof(buf), &pairs);

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
 * "We have removed ...", "We've added ...", "I have set up ...": a measure
 * its writer says was taken, the perfect tense with a participle ("-ed" or
 * one of the common irregular ones), not "We have to add ...".  low is in
 * lower case.
 */
static bool
pm_we_have_done(const char *low)
{
	static const char *const subjects[] = {"we have ", "we've ", "we’ve ", "i have ", "i've ",
	"i’ve ", "the team has ", "the team have "};
	static const char *const irregular[] = {"built", "done", "made", "set", "put", "taken",
	"written", "run", "begun", "rewritten", "set up"};
	const char *w = NULL;
	const char *e;

	for (int i = 0; i < lengthof(subjects) && w == NULL; i++)
		if (strncmp(low, subjects[i], strlen(subjects[i])) == 0)
			w = low + strlen(subjects[i]);
	/* "We added a start-up test ...": the simple past, a thing done */
	if (w == NULL && strncmp(low, "we ", 3) == 0)
	{
		static const char *const intents[] = {"need", "plan", "want", "decid", "propos",
			"intend", "hop", "expect", "aim", "consider", "discuss", "agre",
		/* arranged, not done: "We scheduled a game day", "We filed a ticket" */
		"schedul", "assign", "request", "file", "open", "ask", "order"};

		w = low + 3;
		if (strncmp(w, "also ", 5) == 0)
			w += 5;
		for (e = w; isalpha((unsigned char) *e); e++)
			;
		/* "We set up an alert", "We built ...": a few irregular pasts */
		if ((e - w == 3 && (strncmp(w, "set", 3) == 0 || strncmp(w, "put", 3) == 0 ||
							strncmp(w, "ran", 3) == 0)) ||
			(e - w == 4 && (strncmp(w, "made", 4) == 0 || strncmp(w, "took", 4) == 0)) ||
			(e - w == 5 && (strncmp(w, "built", 5) == 0 || strncmp(w, "wrote", 5) == 0)))
			return true;
		if (!(e - w >= 4 && e[-2] == 'e' && e[-1] == 'd'))
			return false;
		for (int i = 0; i < lengthof(intents); i++)
			if (strncmp(w, intents[i], strlen(intents[i])) == 0)
				return false;
		return true;
	}
	if (w == NULL)
		return false;
	if (strncmp(w, "also ", 5) == 0 || strncmp(w, "now ", 4) == 0)
		w += strncmp(w, "also ", 5) == 0 ? 5 : 4;
	for (e = w; isalpha((unsigned char) *e); e++)
		;
	if (e - w >= 4 && e[-2] == 'e' && e[-1] == 'd' && strncmp(w, "need", 4) != 0)
		return true;
	for (int i = 0; i < lengthof(irregular); i++)
		if ((size_t) (e - w) == strlen(irregular[i]) && strncmp(w, irregular[i], e - w) == 0)
			return true;
	return false;
}

/*
 * "Added a size check that ...", "Extended the loader alerts ...": a
 * measure that opens with a verb in the simple past, its subject left out,
 * is one the team did.  Only verbs no noun phrase opens with ("Improved
 * monitoring", "Scheduled reviews", "Automated tests" name a thing to do).
 */
static bool
pm_past_verb_first(const char *low)
{
	static const char *const verbs[] = {"added ", "implemented ", "extended ", "removed ",
		"deployed ", "introduced ", "wrote ", "created ", "configured ", "installed ",
	"migrated ", "reverted ", "documented ", "replaced ", "rotated ", "patched "};

	if (*low < 'a' || *low > 'w')
		return false;
	for (int i = 0; i < lengthof(verbs); i++)
		if (low[0] == verbs[i][0] && strncmp(low, verbs[i], strlen(verbs[i])) == 0)
			return true;
	return false;
}

/* a conditional clause opens between low and m ("... when ...", "... if ...") */
static bool
pm_clause_before(const char *low, const char *m)
{
	static const char *const words[] = {" when ", " if ", " once ", " until ", " unless ",
	" whenever "};

	for (int i = 0; i < lengthof(words); i++)
	{
		const char *w = strstr(low, words[i]);

		if (w != NULL && w < m)
			return true;
	}
	return false;
}

/*
 * "Separate caches: we moved sessions ...": the text after a short label
 * (four words at most, no full stop) that opens the measure, else low
 */
static const char *
pm_after_label(const char *low)
{
	int			words = 1;

	for (const char *p = low; *p && p - low < 48; p++)
	{
		if (*p == '.' || *p == ',')
			break;
		if (*p == ' ' && ++words > 4)
			break;
		if (*p == ':' && p > low && p[1] == ' ')
			return p + 2;
	}
	return low;
}

/*
 * "The cleanup job now refuses to run ...", "Deploys now require two
 * approvals", "Backups are now hourly": the change is in place.  Not "we
 * are now reviewing" (under way), "we now need to" (still to do), nor "for
 * now", "until now", "right now".
 */
static bool
pm_now_in_place(const char *low)
{
	static const char *const before[] = {"for", "until", "right", "by", "just", "from", "as of"};
	static const char *const after[] = {"need", "needs", "plan", "plans", "want", "wants",
	"intend", "intends", "have to", "has to", "aim", "aims", "hope", "look", "looking"};

	for (const char *m = strstr(low, " now "); m != NULL; m = strstr(m + 1, " now "))
	{
		const char *w = m + 5;
		const char *we = w;
		bool		skip = false;

		for (int i = 0; i < lengthof(before) && !skip; i++)
		{
			int			n = strlen(before[i]);

			skip = m - low >= n && strncmp(m - n, before[i], n) == 0 &&
				(m - low == n || m[-n - 1] == ' ');
		}
		for (int i = 0; i < lengthof(after) && !skip; i++)
			skip = pm_word_ci(w, w + strlen(w), after[i]);
		while (isalpha((unsigned char) *we))
			we++;
		if (skip || we == w || (we - w > 4 && strncmp(we - 3, "ing", 3) == 0))
			continue;
		return true;
	}
	return false;
}

/*
 * A measure written as done ("Alerts have been added", "The runbook was
 * updated", "Already rolled out", "We have removed ..."): the team did it,
 * it is no task to do.
 */
static bool
pm_says_done(const char *title)
{
	static const char *const words[] = {" has been ", " have been ", " was added", " were added",
	" was updated", " were updated", " was implemented", " were implemented", " was deployed",
	" was fixed", " was enabled", " was installed", " already ",
		/* "The frozen feed was removed ...", "Accounts ... were compensated in full" */
		" was removed", " were removed", " was shut down", " were shut down",
		" was patched", " was replaced", " were replaced", " was rotated", " were rotated",
		" was migrated", " were migrated", " was disabled", " were disabled",
		" was refunded", " were refunded", " was compensated", " were compensated",
	" was rolled out", " was raised", " was increased",
		/* "The builder was switched off at 07:39 UTC": a thing stopped, done */
		" was switched off", " were switched off", " was turned off", " were turned off",
	" was taken offline", " were taken offline"};
	char		buf[256];
	char	   *low;

	if (pm_prefix_ci(title, title + strlen(title), "already "))
		return true;
	low = pm_lower_copy(title, strlen(title), buf, sizeof(buf));
	if (strstr(low, " will ") || strstr(low, " should ") || strstr(low, " must "))
		return false;
	if (pm_we_have_done(low) || pm_we_have_done(pm_after_label(low)))
		return true;
	if (pm_past_verb_first(low) || pm_past_verb_first(pm_after_label(low)))
		return true;
	if (pm_now_in_place(low))
		return true;
	for (int i = 0; i < lengthof(words); i++)
		for (const char *m = strstr(low, words[i]); m != NULL; m = strstr(m + 1, words[i]))
		{
			/* "a version that has been verified": a clause, not the task's state */
			if ((m - low >= 5 && strncmp(m - 5, " that", 5) == 0) ||
				(m - low >= 4 && strncmp(m - 4, "that", 4) == 0 && m - low == 4) ||
				(m - low >= 6 && strncmp(m - 6, " which", 6) == 0))
				continue;
			/* "Alert when the pipeline has been red for an hour": a condition */
			if (pm_clause_before(low, m))
				continue;
			return true;
		}
	return false;
}

/* ", 2025" at p: the year of a due date ("Due: Feb 28, 2025"), not a new part */
static bool
pm_year_follows(const char *p, const char *e)
{
	return e - p >= 6 && p[0] == ',' && p[1] == ' ' && isdigit((unsigned char) p[2]) &&
		isdigit((unsigned char) p[3]) && isdigit((unsigned char) p[4]) &&
		isdigit((unsigned char) p[5]) && (e - p == 6 || !isdigit((unsigned char) p[6]));
}

/*
 * Cut what taking labels and statuses out of a task's title leaves at its
 * end: separators, dashes and empty brackets ("()", "(,)").  Returns the
 * new end.
 */
char *
pm_trim_leftovers(char *t, char *e)
{
	for (;;)
	{
		char	   *b = e;

		while (b > t && (isspace((unsigned char) b[-1]) || b[-1] == '-' || b[-1] == '|' ||
						 b[-1] == ';' || b[-1] == ','))
			b--;
		/* "logging (**Due: Feb 28, 2025**)." left "logging ()." */
		if (b - 3 >= t && b[-1] == '.' && (b[-2] == ')' || b[-2] == ']'))
		{
			char	   *o = b - 3;

			while (o > t && (*o == ' ' || *o == ',' || *o == ';' || *o == '*'))
				o--;
			if (*o == (b[-2] == ')' ? '(' : '['))
				b = o;
		}
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

/* past "Task 1:", "Action 2:", "TODO:" at the start of a task's title t */
static char *
pm_skip_task_prefix(char *t, char *e)
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
	return t;
}

/* a leading check mark, and "Done: ..." / "[In progress] ...": past them */
static char *
pm_leading_status(PmItem *it, char *t, char *e)
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
	return t;
}

/*
 * Inline labels ("— Status: In progress — Owner: alice", "(Due: Feb 28,
 * 2025)"): their values taken, cut out of the title t; returns its end.
 */
static char *
pm_inline_labels(PmItem *it, char *t, char *e)
{
	for (char *p = t; p < e; p++)
	{
		const char *value;
		int			label;
		const char *ve;
		char	   *cut = p;
		char	   *v;
		const char *a,
				   *b;

		if (p > t && pm_isalnum(p[-1]))
			continue;
		label = pm_task_label(p, e, &value);
		if (!label)
			continue;
		ve = value;
		while (ve < e && *ve != '|' && *ve != ';' && *ve != ')' && *ve != ']' &&
			   (*ve != ',' || (label == 3 && pm_year_follows(ve, e)) ||
				/* "Owner: jonas,marta,femi": one list of names, no space after its commas */
				(label == 2 && ve + 1 < e && pm_isalnum(ve[1]))) &&
			   !((unsigned char) *ve == 0xe2) &&
			   !(ve[0] == ' ' && ve + 1 < e && ve[1] == '-' && ve + 2 < e && ve[2] == ' '))
			ve++;
		v = pnstrdup(value, ve - value);
		a = v;
		b = v + strlen(v);
		pm_trim(&a, &b);
		v = pnstrdup(a, b - a);
		if (label == 1)
			it->status_text = v;
		else if (label == 2)
			it->owner = v;
		else
			it->due = v;
		/* cut the label and its value out of the title */
		memmove(cut, ve, e - ve + 1);
		e -= (ve - cut);
		p = cut - 1;
	}
	return e;
}

/* an owner named by handle at the end: "(@alice)"; returns the title's end */
static char *
pm_trailing_handle(PmItem *it, char *t, char *e)
{
	char	   *o;

	if (it->owner != NULL || e - t <= 3 || e[-1] != ')')
		return e;
	o = e - 2;
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
	return e;
}

/*
 * "(added a second owner)": a note in brackets at a measure's end that
 * says what was done about it
 */
static bool
pm_done_note(const char *w, const char *e)
{
	static const char *const verbs[] = {"added", "fixed", "done", "completed", "implemented",
	"deployed", "enabled", "created", "merged", "shipped", "resolved", "updated", "removed"};

	for (int i = 0; i < lengthof(verbs); i++)
		if (pm_word_ci(w, e, verbs[i]))
			return true;
	return false;
}

/*
 * "(Confirmed: true)", "(verified: yes)": a check the document records as
 * passed, written as a flag after the measure
 */
static bool
pm_true_flag_note(const char *w, const char *e)
{
	const char *c = memchr(w, ':', e - w);

	if (c == NULL || !(pm_word_ci(w, c, "confirmed") || pm_word_ci(w, c, "verified") ||
					   pm_word_ci(w, c, "done") || pm_word_ci(w, c, "completed")))
		return false;
	for (c++; c < e && *c == ' '; c++)
		;
	return (e - c == 4 && pm_prefix_ci(c, e, "true")) ||
		(e - c == 3 && pm_prefix_ci(c, e, "yes"));
}

/*
 * "Raise the autoscaling ceiling **DONE**": a status word in capitals ending
 * the line (the bold is gone by now); *e moves before it.
 */
static bool
pm_caps_status_at_end(PmItem *it, char *t, char **e)
{
	char	   *w = *e;

	while (w > t && isupper((unsigned char) w[-1]))
		w--;
	if (*e - w < 4 || w == t || w[-1] != ' ' || !pm_task_status_word(w, *e - w))
		return false;
	it->status_text = pnstrdup(w, *e - w);
	*e = w;
	return true;
}

/*
 * A status word at the end: "(Completed)", "[done]", " - In progress":
 * taken out of the title t; returns its end.
 */
static char *
pm_trailing_status(PmItem *it, char *t, char *e)
{
	char	   *b = e;
	char	   *f = b - 2;
	bool		stop = b - 1 > t && b[-1] == '.' && b[-2] == ')';

	/* "... (Confirmed: true).": the sentence's full stop after the note */
	while (stop && f > t && *f != '(')
		f--;
	if (stop && *f == '(' && pm_true_flag_note(f + 1, b - 2))
	{
		it->status_text = pstrdup("done");
		e = f;
	}
	else if (b > t && (b[-1] == ')' || b[-1] == ']'))
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
		else if (*o == open && (pm_done_note(w, b - 1) || pm_true_flag_note(w, b - 1)))
		{
			/* "(added a second owner)", "(fixed by adding ...)": done, and how */
			it->status_text = pstrdup("done");
			e = o;
		}
	}
	else if (pm_caps_status_at_end(it, t, &e))
		;
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
	return pm_trim_leftovers(t, e);
}

/*
 * What the list begun at one span holds, for each span (items_at_heading
 * when its items were read): items other than the sentences of a paragraph
 * (a line that is only a link is none), such sentences, a link, marked
 * items, plain lines that say what the team will do; and, counted the
 * first time a measure asks, how many of its items without a checkbox open
 * with a simple past.  Read once for all items, not once an item.
 */
typedef struct PmListFacts
{
	bool		listed;
	bool		prose;
	bool		marked;
	bool		intention;
	bool		counted;		/* the two below read (only when asked) */
	int			plain_items;	/* items with text and no checkbox */
	int			past_first;		/* ... that open with a simple past */
} PmListFacts;

/*
 * "Set up a monthly review of the loader jobs." under "Added a size check
 * ..." and "Extended the loader alerts ...": a verb whose past is its bare
 * form reads as the past too where the other items of its list, two or
 * more, all open with a simple past
 */
static bool
pm_past_among_past(const PmParser *ps, const PmItem *it, PmListFacts *l, const char *t)
{
	if (pg_strncasecmp(t, "set up ", 7) != 0 && pg_strncasecmp(t, "put ", 4) != 0)
		return false;
	/* counted once a list, the first time one of its measures asks */
	if (!l->counted)
	{
		l->counted = true;
		for (int i = 0; i < ps->nitems; i++)
		{
			const PmItem *o = &ps->items[i];
			char		buf[64];

			if (o->span != it->span || o->text.len == 0 || o->has_checkbox)
				continue;
			l->plain_items++;
			if (pm_past_verb_first(pm_lower_copy(o->text.data, Min(o->text.len, 40), buf, sizeof(buf))))
				l->past_first++;
		}
	}
	/* the others of its list: all but itself, which opens with no past */
	return l->past_first >= 2 && l->past_first == l->plain_items - 1;
}

static void
pm_finish_task(PmParser *ps, PmItem *it, PmListFacts *l, PmTask *task)
{
	char	   *t = pm_clean(it->text.data, it->text.data + it->text.len);
	char	   *e = t + strlen(t);
	const char *status = NULL;

	t = pm_skip_task_prefix(t, e);
	t = pm_leading_status(it, t, e);
	e = pm_inline_labels(it, t, e);
	/* trailing separators and empty brackets left over */
	e = pm_trim_leftovers(t, e);
	e = pm_trailing_handle(it, t, e);
	if (it->status_text == NULL)
		e = pm_trailing_status(it, t, e);

	if (it->status_text)
	{
		status = pm_task_status_word(it->status_text, strlen(it->status_text));
		if (status == NULL)
			pm_note(ps->doc, "task \"%s\": status \"%s\" not understood; read as todo",
					t, it->status_text);
	}
	if (status == NULL && !it->has_checkbox &&
		(it->group_done || pm_says_done(t) || pm_past_among_past(ps, it, l, t)))
		status = "done";
	if (status == NULL)
		status = (it->has_checkbox && it->checked) ? "done" : "todo";
	if (it->has_checkbox && it->checked && strcmp(status, "done") != 0 && strcmp(status, "wont_do") != 0)
		pm_note(ps->doc, "task \"%s\" is checked but its status says \"%s\"; kept the status",
				t, it->status_text);
	task->title = pstrdup(t);
	task->status = status;
	task->kind = pm_task_kind(t, strlen(t));
	task->owner = it->owner;
	/* "| Fix the URL | — | ✅ Done |": a dash in the Owner column is no owner */
	if (task->owner != NULL &&
		(strcmp(task->owner, "-") == 0 || strcmp(task->owner, "\xe2\x80\x94") == 0 ||
		 strcmp(task->owner, "\xe2\x80\x93") == 0 || strcmp(task->owner, "") == 0))
		task->owner = NULL;
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

/*
 * "AI-001 — Tracking Ticket: https://…", "Jira: https://…": a link to where
 * a task is tracked, not a task: the text ends in a URL after a label.
 */
static bool
pm_is_reference(const char *text)
{
	const char *url = strstr(text, "://");
	const char *p;

	if (url == NULL)
		return false;
	for (p = url; *p && !isspace((unsigned char) *p); p++)
		;
	while (*p && isspace((unsigned char) *p))
		p++;
	if (*p != '\0')
		return false;			/* words after the URL */
	while (url > text && !isspace((unsigned char) url[-1]))
		url--;
	while (url > text && isspace((unsigned char) url[-1]))
		url--;
	return url > text && url[-1] == ':';
}

/* "https://…/runtime-config-client.html (log_lock_waits)": a link alone */
static bool
pm_bare_link(const char *text)
{
	const char *p = text;

	while (*p == ' ' || *p == '<')
		p++;
	if (strncmp(p, "http://", 7) != 0 && strncmp(p, "https://", 8) != 0)
		return false;
	while (*p && !isspace((unsigned char) *p))
		p++;
	while (*p == ' ')
		p++;
	return *p == '\0' || *p == '(';
}

/* the facts of every list, read once for all items */
static PmListFacts *
pm_list_facts(PmParser *ps)
{
	PmListFacts *f = palloc0(sizeof(PmListFacts) * (ps->nitems + 1));

	for (int i = 0; i < ps->nitems; i++)
	{
		const PmItem *it = &ps->items[i];
		PmListFacts *l = &f[Min(Max(it->span, 0), ps->nitems)];

		if (!it->plain)
			l->marked = true;
		if (it->text.len == 0)
			continue;
		if (it->prose)
			l->prose = true;
		else if (!pm_bare_link(it->text.data))
			l->listed = true;
		if (it->plain && pm_says_intention(it->text.data, it->text.data + it->text.len))
			l->intention = true;

	}
	return f;
}

/*
 * The word stems of a measure's text that tell it from another: words of
 * four letters or more, cut to their first five ("rebuilding" and
 * "rebuild" are one), but for the words any measure uses.  At most max.
 */
static int
pm_measure_stems(const char *s, char stems[][6], int max)
{
	static const char *const common[] = {"with", "from", "into", "that", "this", "them",
	"their", "have", "will", "more", "when", "than", "after", "before", "each", "every", "also"};
	int			n = 0;

	while (*s && n < max)
	{
		const char *w;
		int			len;
		bool		skip = false;

		while (*s && !isalnum((unsigned char) *s) && *s != '_')
			s++;
		for (w = s; *s && (isalnum((unsigned char) *s) || *s == '_'); s++)
			;
		len = s - w;
		if (len < 4)
			continue;
		for (int i = 0; i < lengthof(common) && !skip; i++)
			skip = len == (int) strlen(common[i]) && pg_strncasecmp(w, common[i], len) == 0;
		if (skip)
			continue;
		for (int i = 0; i < 5; i++)
			stems[n][i] = i < len ? pm_lower(w[i]) : '\0';
		stems[n++][5] = '\0';
	}
	return n;
}

/*
 * Does the measure a restate b, another list's: two stems or more in
 * common, more than half of the shorter's and half of the longer's?
 * "Runbook for rebuilding a partitioned cluster" restates the tracked row
 * "Rebuild runbook"; "Restore the partition dashboards for every cluster
 * team" does not restate "Alert on cluster partitions".
 */
static bool
pm_restates(const char *a, const char *b)
{
	char		sa[16][6],
				sb[16][6];
	int			na = pm_measure_stems(a, sa, 16);
	int			nb = pm_measure_stems(b, sb, 16);
	int			shared = 0;

	for (int i = 0; i < na; i++)
		for (int j = 0; j < nb; j++)
			if (strcmp(sa[i], sb[j]) == 0)
			{
				shared++;
				break;
			}
	return shared >= 2 && shared * 2 > Min(na, nb) && shared * 2 >= Max(na, nb);
}

/*
 * "- [x] Added a partition alert" under "Immediate Actions" and the row
 * "| Alert on cluster partitions | @omar | ✅ Done |" of the action table
 * the team tracks, with owners: one measure told twice, the row the task.
 */
static bool
pm_restated_row(const PmParser *ps, const PmItem *it)
{
	if (it->owner != NULL)
		return false;
	for (int i = 0; i < ps->nitems; i++)
	{
		const PmItem *o = &ps->items[i];

		if (o->owner != NULL && o->span != it->span && o->group == GROUP_TASKS &&
			!o->has_checkbox && o->text.len > 0 && pm_restates(it->text.data, o->text.data))
			return true;
	}
	return false;
}

/* tasks and improvements */
void
pm_build_tasks(PmParser *ps)
{
	PmDocument *doc = ps->doc;

	/* tasks and improvements; due dates are midnight in the document's zone */
	ps->zone = &ps->doc_zone;

	/*
	 * "**TODO**:" paragraphs in the notes beside a list of the measures
	 * (a report's own "Tasks:" under them): the list is the tasks, the
	 * paragraphs its notes
	 */
	{
		int			n = 0;
		bool		listed = false;

		for (int i = 0; i < ps->nitems && !listed; i++)
			listed = !ps->items[i].status_paragraph;
		for (int i = 0; i < ps->nitems; i++)
			if (!listed || !ps->items[i].status_paragraph)
				ps->items[n++] = ps->items[i];
		ps->nitems = n;
	}
	{
		bool		has_task_group = ps->saw_task_heading;
		bool		only_refs = true;

		/*
		 * "- Detection: ...", "- Investigation: ...", "- Resolution:" over
		 * its steps: the measures tell the response phase by phase.  The
		 * phases' accounts are no tasks, the steps under one were done.
		 */
		bool		phases = ps->phase_labels >= 2;
		PmListFacts *facts = pm_list_facts(ps);

		/*
		 * "### Action Items" as a table with owners beside checkbox lists of
		 * what was done and planned: the team tracks its tasks there, and
		 * the checkboxes are the plan's improvements
		 */
		bool		owned_group = false;

		for (int i = 0; i < ps->nitems; i++)
		{
			if (ps->items[i].group == GROUP_TASKS)
				has_task_group = true;
			if (ps->items[i].group == GROUP_TASKS && ps->items[i].owner != NULL)
				owned_group = true;
			if (ps->items[i].text.len > 0 && !pm_is_reference(ps->items[i].text.data))
				only_refs = false;
		}
		doc->tasks = palloc(sizeof(PmTask) * Max(ps->nitems, 1));
		doc->improvements = palloc(sizeof(char *) * Max(ps->nitems, 1));
		for (int i = 0; i < ps->nitems; i++)
		{
			PmItem	   *it = &ps->items[i];
			PmListFacts *l = &facts[Min(Max(it->span, 0), ps->nitems)];

			/*
			 * A tracking link beside the tasks is no task; the only item,
			 * "Uptime and alerting issue: https://…", is the task.
			 * Sentences of a paragraph are the measures only where the
			 * measures have no list; links beside them are their sources.
			 * Plain lines beside marked items, or beside plain lines of
			 * intention, are the reasons around those.
			 */

			if (it->text.len == 0 || (it->prose && l->listed) ||
				(!it->prose && pm_bare_link(it->text.data) && l->prose) ||
				(it->plain && l->marked) ||
				(it->plain && !pm_says_intention(it->text.data, it->text.data + it->text.len) &&
				 l->intention) ||
				(!only_refs && pm_is_reference(it->text.data)) ||
				(phases && it->phase_text) ||
				(owned_group && pm_restated_row(ps, it)))
				continue;
			it->group_done |= phases && it->under_phase;
			/* a checkbox is a task, also among a plan's improvements */
			if (!has_task_group || it->group == GROUP_TASKS || (it->has_checkbox && !owned_group))
			{
				PmTask	   *t = &doc->tasks[doc->ntasks];

				pm_finish_task(ps, it, l, t);
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
