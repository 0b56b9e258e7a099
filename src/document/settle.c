/*-------------------------------------------------------------------------
 *
 * settle.c
 *	  Settling what the first pass read: the zones of the timeline and of the
 *	  document, where the dates come from, and the incident's start, end,
 *	  milestones and status.
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

/* pass 2: the zone of the timeline and of the document */
void
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
	for (int i = 0; i < ps->nraw && !ps->has_doc_zone && !ps->has_hint_zone; i++)
		if (ps->raw[i].st.kanji && pm_zone_parse(pm_kanji_zone(ps), &ps->hint_zone))
			ps->has_hint_zone = ps->hint_kanji = true;	/* "- 2023年6月14日 10時30分" */
	if (!ps->has_doc_zone && ps->has_hint_zone)
	{
		/* no zone but a table row's ("| Detection Time | 23:40 BRT |") */
		ps->doc_zone = ps->hint_zone;
		ps->has_doc_zone = true;
		if (ps->hint_kanji)
			pm_note(doc, "the document writes its dates in %s and names no time zone; read its times in %s (%s)",
					pm_has_kana(ps) ? "Japanese" : "Chinese", pm_has_kana(ps) ? "Japan's" : "China's",
					ps->hint_zone.label);
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

/*
 * A day without a year anywhere in the text ("Posted: Sep 9, 10:05 AM PT"),
 * when neither the timeline nor the summary's duration named one: the
 * refusal names it.
 */
static void
pm_yearless_in_text(PmParser *ps)
{
	for (int i = 0; i < ps->nlines && ps->yearless_m == 0; i++)
	{
		const PmLine *ln = &ps->lines[i];
		PmStamps	found;

		if (ln->code || ln->front_matter)
			continue;
		memset(&found, 0, sizeof(found));
		pm_scan_stamps(ln->s, ln->len, &found);
		for (int j = 0; j < found.n; j++)
			if (found.st[j].has_date && found.st[j].y == 0)
			{
				ps->yearless_m = found.st[j].m;
				ps->yearless_d = found.st[j].d;
				break;
			}
	}
}

/* does a line write a 12-hour afternoon time, "09:12 PM", "9:12pm", "9 p.m."? */
static bool
pm_writes_pm(const PmParser *ps)
{
	for (int i = 0; i < ps->nlines; i++)
	{
		const char *s = ps->lines[i].s,
				   *e = s + ps->lines[i].len;

		for (const char *p = s; p < e; p++)
		{
			const char *q = p + 1;

			if (!isdigit((unsigned char) *p))
				continue;
			if (q < e && *q == ' ')
				q++;
			if (q + 1 < e && (q[0] == 'p' || q[0] == 'P') &&
				(q[1] == 'm' || q[1] == 'M' || q[1] == '.') &&
				(q + 2 >= e || !isalpha((unsigned char) q[2])))
				return true;
		}
	}
	return false;
}

/*
 * "March 3-4, 2025", "Outages of 2024": the year a title names, or 0.  A
 * number followed by a word is a count ("affecting 2000 users"), no year.
 */
static int
pm_title_year(const char *t)
{
	for (const char *p = t; p != NULL && *p; p++)
		if ((p[0] == '1' || p[0] == '2') && (p[1] == '9' || p[1] == '0') &&
			isdigit((unsigned char) p[2]) && isdigit((unsigned char) p[3]) &&
			(p == t || !isalnum((unsigned char) p[-1])) && !isalnum((unsigned char) p[4]) &&
			!(p[4] == ' ' && isalpha((unsigned char) p[5])))
			return atoi(p);
	return 0;
}

/*
 * Entries dated without a year ("Mar 4, 10:30 PT") under a title that names
 * one ("### March 3-4, 2025"), when no entry names a year: the title's
 */
static void
pm_title_year_to_entries(PmParser *ps)
{
	int			year;
	bool		yearless = false;

	for (int i = 0; i < ps->nraw; i++)
	{
		if (ps->raw[i].st.has_date && ps->raw[i].st.y != 0)
			return;
		yearless |= ps->raw[i].st.has_date;
	}
	if (!yearless || ps->opt->has_on_date || ps->has_base ||
		(year = pm_title_year(ps->doc->title)) == 0)
		return;
	for (int i = 0; i < ps->nraw; i++)
		if (ps->raw[i].st.has_date)
			ps->raw[i].st.y = year;
	pm_note(ps->doc, "the timeline's dates name no year; took %d from the title", year);
}

/* where the timeline's dates come from; false when there are no times or no date */
bool
pm_settle_dates(PmParser *ps)
{
	PmDocument *doc = ps->doc;
	const PmOptions *opt = ps->opt;

	pm_title_year_to_entries(ps);

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
		if (!ps->has_base && ps->has_front_date && first_dated < 0)
		{
			/*
			 * ".. post:: Mar 2, 2022" over "on Friday, March 11 at 7:00pm
			 * EST": a post announcing a day ahead, which its entries name
			 * without the year; the post's year, and that day for the
			 * entries naming none (the "Update: ... concluded at 7:25 PM"
			 * note put above the announcement)
			 */
			for (int i = 0; i < ps->nraw; i++)
			{
				PmStamp    *st = &ps->raw[i].st;

				if (!st->has_date || st->y != 0)
					continue;
				if (st->m * 31 + st->d >= ps->front_m * 31 + ps->front_d)
				{
					ps->has_base = true;
					ps->base_y = ps->front_y;
					ps->base_m = st->m;
					ps->base_d = st->d;
					ps->base_from = "the front matter";
					pm_note(doc, "the timeline names %04d-%02d-%02d without its year; took the year from the post's date, and that day for the entries naming none",
							ps->base_y, ps->base_m, ps->base_d);
				}
				break;
			}
		}
		if (!ps->has_base && ps->has_front_date)
		{
			/* a status page's front matter: "date: 2022-06-09T07:41:02Z" above "[07:38] - ..." */
			ps->has_base = true;
			ps->base_y = ps->front_y;
			ps->base_m = ps->front_m;
			ps->base_d = ps->front_d;
			ps->base_from = "the front matter";

			/*
			 * A post written days after the outage names its day without a
			 * year ("On February 26, we ..."; published March 5, 2025): that
			 * day, in the year that puts it on or before the post, when it
			 * falls within two months of it.  A day further back is history
			 * the post recalls, not the outage's.  The summary's reading
			 * has noted such a day (yearless_m); the text is not scanned
			 * again.
			 */
			if (ps->yearless_m > 0)
			{
				int			y = ps->front_y;
				int			gap;

				if (ps->yearless_m > ps->front_m ||
					(ps->yearless_m == ps->front_m && ps->yearless_d > ps->front_d))
					y--;
				gap = date2j(ps->front_y, ps->front_m, ps->front_d) -
					date2j(y, ps->yearless_m, ps->yearless_d);
				if (gap >= 0 && gap <= 62)
				{
					ps->base_y = y;
					ps->base_m = ps->yearless_m;
					ps->base_d = ps->yearless_d;
					ps->base_from = "the text";
					pm_note(doc, "the text names %s %d without a year; took %d from the front matter's date, %04d-%02d-%02d",
							pm_month_name(ps->base_m), ps->base_d, y,
							ps->front_y, ps->front_m, ps->front_d);
				}
			}
			if (ps->nraw > 0 && strcmp(ps->base_from, "the front matter") == 0)
				pm_note(doc, "the timeline's entries name no date; took %04d-%02d-%02d from the front matter's date",
						ps->base_y, ps->base_m, ps->base_d);
		}
		if (!ps->has_base && !opt->has_on_date && ps->nraw > 0 &&
			pm_posted_day(ps, &ps->base_y, &ps->base_m, &ps->base_d))
		{
			ps->has_base = true;
			ps->base_from = "the status updates";
			pm_note(doc, "the timeline's entries name no date; took %04d-%02d-%02d from the oldest status update's \"Posted\" line",
					ps->base_y, ps->base_m, ps->base_d);
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
		if (timed == 0 && ps->ntimes == 0 && !(ps->front_issue && ps->front_start.has_time))
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
			for (int i = 0; i < ps->nraw && ps->yearless_m == 0; i++)
				if (ps->raw[i].st.has_date && ps->raw[i].st.y == 0)
				{
					ps->yearless_m = ps->raw[i].st.m;
					ps->yearless_d = ps->raw[i].st.d;
				}
			pm_yearless_in_text(ps);
			if (ps->yearless_m > 0)
			{
				const char *mn = pm_month_name(ps->yearless_m);

				doc->error_detail = psprintf("It names a day, %c%s %d, but no year.",
											 toupper((unsigned char) mn[0]), mn + 1, ps->yearless_d);
			}
			else
				doc->error_detail = pstrdup("It has times, but no date in the summary, the title or the timeline.");
			doc->error_hint = pstrdup("Pass the date as on_date, e.g. postmortem.import_markdown(doc, on_date => '2024-03-04').");
			return false;
		}
	}
	return true;
}

/*
 * Does a timeline entry say that someone took the incident on: acknowledged
 * it, the on-call engineer confirmed it, an investigation or triage began?
 */
bool
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

/*
 * Entries days before the rest (the deploy last week that set it up) are
 * precursors, not the incident: the index of the first entry after the
 * last gap of more than a day in the first half of the timeline, or -1.
 */
static int
pm_precursor_skip(PmParser *ps, TimestampTz first)
{
	PmDocument *doc = ps->doc;
	int			found = -1;

	for (int i = 1; i <= doc->nentries / 2; i++)
		if (doc->entries[i].at - doc->entries[i - 1].at > USECS_PER_DAY &&
			doc->entries[i - 1].at >= first)
			found = i;

	/*
	 * "Duration: April 7-9, 2026 (3 days)": a length the summary states that
	 * reaches over the gap says the first days are the incident's own
	 */
	if (found >= 0 && ps->stated_secs > 0 &&
		(TimestampTz) ps->stated_secs * USECS_PER_SEC >= doc->entries[found].at - first)
		found = -1;

	/*
	 * "2024-05-02 09:40 The issue was reported by the support desk", weeks
	 * before the root cause was found: an entry before the gap that reports
	 * the issue itself says the incident was already under way, so the
	 * entries before the gap are its own, no precursors
	 */
	for (int k = 0; k < found; k++)
	{
		const char *b = doc->entries[k].body;
		int			len = strlen(b);

		if (pm_contains_ci(b, len, "reported") &&
			(pm_contains_ci(b, len, "the issue") || pm_contains_ci(b, len, "the problem")))
			return -1;
	}
	return found;
}

/*
 * "08:40 deploys the configuration to staging (wrong certificates
 * included)", then "11:55 deploys the same configuration to production":
 * what reached only staging hurt no user yet.  From entry from, the first
 * entry that is not about staging alone, when a later one names
 * production; else from.
 */
static int
pm_staging_skip(const PmDocument *doc, int from)
{
	int			i = from;
	bool		later_production = false;

	for (int k = from + 1; k < doc->nentries && !later_production; k++)
		later_production = pm_contains_ci(doc->entries[k].body, strlen(doc->entries[k].body), "production");
	if (!later_production)
		return from;
	while (i < doc->nentries - 1)
	{
		const char *b = doc->entries[i].body;
		int			len = strlen(b);

		if (!pm_contains_ci(b, len, "staging") || pm_contains_ci(b, len, "prod") ||
			pm_contains_ci(b, len, "customer") || pm_contains_ci(b, len, "user"))
			break;
		i++;
	}
	return i;
}

/*
 * The entry after the first from which len reaches entry end, within a
 * minute, when the first entry comes longer than len before it, or -1
 */
static int
pm_length_reaches(const PmDocument *doc, int end, TimestampTz len, TimestampTz first)
{
	for (int i = 1; i < end; i++)
	{
		TimestampTz span = doc->entries[end].at - doc->entries[i].at;

		if (span - len <= 60 * USECS_PER_SEC && len - span <= 60 * USECS_PER_SEC &&
			doc->entries[i].at - first > len)
			return i;
	}
	return -1;
}

/*
 * "Impact: Writes rejected for 22 minutes" over "07:12 archive upload starts
 * failing", "09:41 writes rejected", ..., "10:03 writes accepted again": the
 * entry from which the Impact's length reaches the last recovery, when the
 * entries before it come longer before it than the impact lasted (they set
 * it up), or -1.
 */
static int
pm_impact_length_start(PmParser *ps, TimestampTz first)
{
	PmDocument *doc = ps->doc;
	int			secs;
	TimestampTz len;
	int			end = -1;

	if (ps->field_secs > 0 || ps->impact.len == 0 ||
		(secs = pm_stated_length(ps->impact.data, ps->impact.len, false)) <= 0)
		return -1;
	len = (TimestampTz) secs * USECS_PER_SEC;
	for (int i = doc->nentries - 1; i > 0 && end < 0; i--)
		if (strcmp(doc->entries[i].kind, "resolution") == 0)
			end = i;
	return pm_length_reaches(doc, end, len, first);
}

/*
 * "Duration: ~45 minutes" over "09:00 Maintenance began", "10:20 Rollout
 * finished", "11:42 Most clients were disconnected", ..., "12:27 The
 * rollback finished" (the last entry): the entry from which the stated
 * length reaches the last entry, when the entries before it come longer
 * before it than the incident lasted (the work that set it up), or -1.
 */
static int
pm_field_length_start(PmParser *ps, TimestampTz first)
{
	PmDocument *doc = ps->doc;
	TimestampTz len = (TimestampTz) ps->field_secs * USECS_PER_SEC;
	int			end = doc->nentries - 1;

	if (ps->field_secs <= 0 || doc->nentries < 3)
		return -1;
	return pm_length_reaches(doc, end, len, first);
}

/*
 * "12:00 - Application running normally", "11:00 - Normal operations": the
 * baseline written above the incident, not its start
 */
static bool
pm_baseline_entry(const char *body)
{
	static const char *const words[] = {"running normally", "operating normally",
		"serving normally", "working normally", "functioning normally",
	"normal operations", "normal operation", "all systems normal"};
	int			len = strlen(body);

	/* one look for the word they share, the rest only when it is there */
	if (!pm_contains_ci(body, len, "normal"))
		return false;
	if (pm_contains_ci(body, len, "back") || pm_contains_ci(body, len, "again") ||
		pm_contains_ci(body, len, "resum") || pm_contains_ci(body, len, "restor"))
		return false;
	for (int i = 0; i < lengthof(words); i++)
		if (pm_contains_ci(body, len, words[i]))
			return true;
	return false;
}

/*
 * "5:02 AM: first report of pushes that started no jobs", "*08:47* First
 * recorded error in the index", "First affected orders printed" below
 * "1:41 PM: the refactor PR merged" or "*08:12* Started the release": the
 * first sign of the impact, after entries that only did the change that
 * caused it (no word of a symptom or of an alert in them, three at most),
 * is where the incident starts; the index of that entry, or -1.
 */
static int
pm_first_sign_start(const PmDocument *doc)
{
	static const char *const symptoms[] = {"error", "fail", "down", "outage", "unavailab",
		"slow", "latenc", "timeout", "timed out", "crash", "broken", "degrad", "stuck",
		"unresponsive", "alert", "page", "spike", "5xx", "50", "incident", "report",
	"impact", "problem", "issue"};

	/* a change is a few steps: the sign comes within the first four entries */
	for (int i = 1; i < doc->nentries && i <= doc->nentries / 2 && i < 4; i++)
	{
		const char *body = doc->entries[i].body;
		char		b[160];
		int			len = 0;

		/* only the entries after a run of plain actions can be it */
		if (strcmp(doc->entries[i - 1].kind, "action") != 0)
			return -1;
		if (!pm_contains_ci(body, strlen(body), "first"))
			continue;
		/* "first [report] of ...": the words, without a link's brackets */
		for (const char *p = body; *p && len < (int) sizeof(b) - 1; p++)
			if (*p != '[' && *p != ']' && *p != '*' && *p != '_')
				b[len++] = *p;
		b[len] = '\0';
		/* "First reported by the support team at 6:20 PM" is the detection, not the sign */
		if (!(pm_contains_ci(b, len, "first report of") || pm_contains_ci(b, len, "first reports of") ||
			  pm_contains_ci(b, len, "first recorded") ||
			  pm_contains_ci(b, len, "first error") || pm_contains_ci(b, len, "first failure") ||
			  pm_contains_ci(b, len, "first instance") || pm_contains_ci(b, len, "first sign") ||
			  pm_contains_ci(b, len, "first affected")))
			continue;
		for (int k = 0; k < i; k++)
		{
			const char *pb = doc->entries[k].body;
			int			plen = strlen(pb);

			if (strcmp(doc->entries[k].kind, "action") != 0)
				return -1;
			for (int w = 0; w < lengthof(symptoms); w++)
				if (pm_contains_ci(pb, plen, symptoms[w]))
					return -1;
		}
		return i;
	}
	return -1;
}

/* no start in the summary: an entry that says the outage began, else the first */
static void
pm_start_from_timeline(PmParser *ps, TimestampTz first)
{
	PmDocument *doc = ps->doc;
	int			found = -1;
	int			baseline = 0;

	for (int i = 0; i < doc->nentries && found < 0; i++)
		if (doc->entries[i].begins)
			found = i;
	if (found < 0)
		found = pm_precursor_skip(ps, first);
	if (doc->nentries > 1 && (found < 0 || !doc->entries[found].begins))
	{
		int			from = Max(found, 0);
		int			past = pm_staging_skip(doc, from);

		if (past > from && doc->entries[from].at <= doc->entries[past].at)
		{
			ps->sum_start = doc->entries[past].at;
			ps->sum_has_start = true;
			pm_note(doc, "the summary names no start; the entries before line %d reached only staging, so the incident starts there",
					doc->entries[past].lineno);
			return;
		}
	}
	if (found < 0 && (found = pm_first_sign_start(doc)) >= 0)
	{
		ps->sum_start = doc->entries[found].at;
		ps->sum_has_start = true;
		pm_note(doc, "the summary names no start; line %d tells the first sign of the impact, and the entries before it only made the change, so the incident starts there",
				doc->entries[found].lineno);
		return;
	}
	if (found < 0 && (found = pm_impact_length_start(ps, first)) >= 0)
	{
		ps->sum_start = doc->entries[found].at;
		ps->sum_has_start = true;
		pm_note(doc, "the summary names no start; the impact it states (%d minutes) reaches the last recovery from line %d, and the entries before it come longer before it, so the incident starts there",
				pm_stated_length(ps->impact.data, ps->impact.len, false) / 60,
				doc->entries[found].lineno);
		return;
	}
	if (found < 0 && (found = pm_field_length_start(ps, first)) >= 0)
	{
		ps->sum_start = doc->entries[found].at;
		ps->sum_has_start = true;
		pm_note(doc, "the summary names no start; its stated length (%d minutes) reaches the last entry from line %d, and the entries before it come longer before it, so the incident starts there",
				ps->field_secs / 60, doc->entries[found].lineno);
		return;
	}
	while (found < 0 && baseline < doc->nentries - 1 && doc->entries[0].at <= first &&
		   pm_baseline_entry(doc->entries[baseline].body))
		baseline++;
	if (baseline > 0)
	{
		ps->sum_start = doc->entries[baseline].at;
		ps->sum_has_start = true;
		pm_note(doc, "the summary names no start; the first entry says the service was running normally, so the incident starts at line %d",
				doc->entries[baseline].lineno);
		return;
	}
	ps->sum_start = found >= 0 ? doc->entries[found].at : first;
	ps->sum_has_start = true;
	if (found >= 0 && !doc->entries[found].begins)
		pm_note(doc, "the summary names no start; the first entries come more than a day before the rest, so the incident starts at line %d",
				doc->entries[found].lineno);
	else if (found >= 0)
		pm_note(doc, "the summary names no start; the incident starts at the entry that says it began (line %d)",
				doc->entries[found].lineno);
	else
		pm_note(doc, "the summary names no start; the incident starts at the first timeline entry");
}

/* the provider's recovery ("Registry recovered on the provider's side"), not ours */
static bool
pm_provider_entry(const char *b)
{
	int			len = strlen(b);

	return pm_contains_ci(b, len, "provider") || pm_contains_ci(b, len, "upstream") ||
		pm_contains_ci(b, len, "vendor");
}

/* an entry before entry i says the service recovered (ours, not a provider's) */
static bool
pm_resolution_before(const PmDocument *doc, int i)
{
	for (int k = i - 1; k >= 0; k--)
		if (strcmp(doc->entries[k].kind, "resolution") == 0 &&
			!pm_provider_entry(doc->entries[k].body))
			return true;
	return false;
}

/*
 * "Exit criteria met for 30 minutes; incident closed", "No errors for 30
 * minutes; we closed the incident": the paperwork after an entry that says
 * the service recovered, not the end of the impact.
 */
static bool
pm_closing_entry(const PmDocument *doc, int i)
{
	const char *b = doc->entries[i].body;
	int			len = strlen(b);

	if (!pm_contains_ci(b, len, "closed") ||
		pm_contains_ci(b, len, "resolved") || pm_contains_ci(b, len, "restored") ||
		pm_contains_ci(b, len, "recovered") || pm_contains_ci(b, len, "back to"))
		return false;
	return pm_resolution_before(doc, i);
}

/*
 * "Round-trip probe working again", "End-to-end monitoring re-established":
 * the watch on the service came back, which after an entry saying the
 * service did is no later end.
 */
static bool
pm_watch_back(const char *b, int len)
{
	if (!pm_contains_ci(b, len, "probe") && !pm_contains_ci(b, len, "monitoring") &&
		!pm_contains_ci(b, len, "health check") && !pm_contains_ci(b, len, "alerting"))
		return false;
	return pm_contains_ci(b, len, "working again") || pm_contains_ci(b, len, "re-established") ||
		pm_contains_ci(b, len, "reporting again");
}

/*
 * "Operators had confirmed that updates were working again" after "the
 * redirector was answering again": a confirmation of a recovery an earlier
 * entry states, not the end of the impact.  So is the provider's own word
 * ("The provider declared its problem resolved at 05:02") after "error
 * rates returned to normal": the end of its trouble, not of ours.  And a
 * message "saying service is restored" after "traffic flows again" reports
 * the recovery, it is not the end.
 */
static bool
pm_confirming_entry(const PmDocument *doc, int i)
{
	const char *b = doc->entries[i].body;
	int			len = strlen(b);

	if (!pm_contains_ci(b, len, "confirmed") && !pm_provider_entry(b) &&
		!pm_contains_ci(b, len, "saying") && !pm_contains_ci(b, len, "stating that") &&
		!pm_watch_back(b, len))
		return false;
	return pm_resolution_before(doc, i);
}

/*
 * "Ingestion recovered; buffered events started to flow": the recovery has
 * only begun, and the impact lasts until the entries after it finish it.
 */
static bool
pm_recovery_begins(const char *b)
{
	int			len = strlen(b);

	return pm_contains_ci(b, len, "started to") || pm_contains_ci(b, len, "began to") ||
		pm_contains_ci(b, len, "starting to") || pm_contains_ci(b, len, "beginning to");
}

/*
 * "The rebuilds of the crates that failed during the outage finish", "the
 * backlog was drained": after the service came back, the work it left
 * undone caught up, which is when the impact ended.
 */
static bool
pm_catch_up_done(const char *b)
{
	bool		finished = false;
	const char *e = b + strlen(b);

	/* one pass over the words: most entries hold none of these */
	for (const char *p = b; p < e; p++)
	{
		char		c = pm_lower(*p);

		if ((c != 'c' && c != 'd' && c != 'f') || (p > b && isalpha((unsigned char) p[-1])))
			continue;
		if (pm_prefix_ci(p, e, "caught up") || pm_prefix_ci(p, e, "drained"))
			return true;
		finished |= pm_prefix_ci(p, e, "finish") || pm_prefix_ci(p, e, "complete");
	}
	if (!finished)
		return false;
	{
		int			len = e - b;

		/* "backlog grooming of the follow-up tickets completed": paperwork */
		if (pm_contains_ci(b, len, "ticket") || pm_contains_ci(b, len, "follow-up") ||
			pm_contains_ci(b, len, "grooming"))
			return false;
		return pm_contains_ci(b, len, "backlog") || pm_contains_ci(b, len, "rebuil") ||
			pm_contains_ci(b, len, "reprocess") || pm_contains_ci(b, len, "replay") ||
			pm_contains_ci(b, len, "backfill") || pm_contains_ci(b, len, "queued");
	}
}

/*
 * "Writing of this report begins", "postmortem drafted", "onwards: Write
 * this document": the paperwork after the incident, no part of it; so is
 * a log's closing mark alone ("18:00 GST - fin.")
 */
static bool
pm_paperwork_entry(const char *b)
{
	int			len = strlen(b);
	bool		writing = false;

	while (len > 0 && (b[len - 1] == '.' || b[len - 1] == ' '))
		len--;
	if ((len == 3 && pm_prefix_ci(b, b + len, "fin")) ||
		(len == 7 && pm_prefix_ci(b, b + len, "the end")))
		return true;

	/* the verb first, in one pass over the words: most entries have none */
	for (const char *p = b; p < b + len && !writing; p++)
	{
		char		c = pm_lower(*p);

		if ((c != 'w' && c != 'd' && c != 'p') || (p > b && isalpha((unsigned char) p[-1])))
			continue;
		writing = pm_prefix_ci(p, b + len, "writ") || pm_prefix_ci(p, b + len, "draft") ||
			pm_prefix_ci(p, b + len, "publish");
	}
	return writing &&
		(pm_contains_ci(b, len, "this report") || pm_contains_ci(b, len, "the report") ||
		 pm_contains_ci(b, len, "incident report") || pm_contains_ci(b, len, "postmortem") ||
		 pm_contains_ci(b, len, "post-mortem") || pm_contains_ci(b, len, "write-up") ||
		 pm_contains_ci(b, len, "retrospective") || pm_contains_ci(b, len, "this document"));
}

/* the summary says when service came back ("was restored at 03:52") */
static bool
pm_summary_says_restored(const char *s)
{
	int			len;

	if (s == NULL)
		return false;
	len = strlen(s);
	return pm_contains_ci(s, len, "restored at") || pm_contains_ci(s, len, "resolved at") ||
		pm_contains_ci(s, len, "recovered at");
}

/*
 * "- **MTTR (Mean Time to Resolve):** 42 minutes" under Key Metrics, in any
 * part of the document: the time from the start to the resolution, in
 * seconds (0 when no line says it)
 */
static int
pm_metric_resolve_secs(const PmParser *ps)
{
	for (int i = 0; i < ps->nlines; i++)
	{
		const PmLine *ln = &ps->lines[i];
		const char *e = ln->s + ln->len;
		const char *p;
		const char *colon;

		/*
		 * not a timeline's line, unless the timeline is the sections'
		 * prose ("Time from detection to mitigation: 23min" under
		 * Mitigation, among the timed sentences)
		 */
		if (ln->code || ln->len < 8 ||
			(ln->section == SEC_TIMELINE && !ps->prose_all && !ps->prose_timeline) ||
			(p = pm_metric_label(ln->s, e)) == NULL)
			continue;
		if ((colon = memchr(p, ':', e - p)) != NULL && colon - p <= 40)
			return pm_stated_length(colon + 1, e - colon - 1, true);
	}
	return 0;
}

/*
 * "the outage started affecting us at around 00:12 UTC and had cleared by
 * 01:05": the one sentence that starts the incident also ends it.  The end
 * is at's entry's time moved by the distance from its first time to the
 * one after "cleared by" (or "resolved by", "recovered by"), when that is
 * later by less than twelve hours.
 */
static bool
pm_cleared_later(const PmDocument *doc, TimestampTz at, TimestampTz *end)
{
	static const char *const says[] = {"cleared by ", "resolved by ", "recovered by "};

	for (int i = doc->nentries - 1; i >= 0; i--)
	{
		const char *b = doc->entries[i].body;
		const char *e = b + strlen(b);
		PmStamps	found;

		if (doc->entries[i].at != at)
			continue;
		memset(&found, 0, sizeof(found));
		pm_scan_stamps(b, e - b, &found);
		if (found.n == 0 || !found.st[0].has_time)
			return false;
		for (int k = 0; k < lengthof(says); k++)
		{
			const char *w = b;
			PmStamp		st;
			int			mins;

			while (w < e && !pm_prefix_ci(w, e, says[k]))
				w++;
			if (w >= e || pm_read_stamp(w + strlen(says[k]), e, &st) <= 0 || !st.has_time)
				continue;
			mins = (st.h * 60 + st.mi) - (found.st[0].h * 60 + found.st[0].mi);
			if (mins < 0)
				mins += 24 * 60;
			if (mins <= 0 || mins >= 12 * 60)
				return false;
			*end = at + (TimestampTz) mins * 60 * USECS_PER_SEC;
			return true;
		}
		return false;
	}
	return false;
}

/* the last entry after from within a minute of want, or -1 */
static int
pm_entry_near(const PmDocument *doc, TimestampTz from, TimestampTz want)
{
	for (int i = doc->nentries - 1; i >= 0; i--)
		if (doc->entries[i].at > from &&
			doc->entries[i].at - want <= 60 * USECS_PER_SEC &&
			want - doc->entries[i].at <= 60 * USECS_PER_SEC)
			return i;
	return -1;
}

/*
 * The end of entry i's time when its head is a range ("(09:40 - 10:25
 * UTC) A release ...", "| 23:40-00:06 | ..."), past midnight the next day;
 * false when it is none, or longer than twelve hours.
 */
static bool
pm_entry_until(const PmParser *ps, int i, TimestampTz *until)
{
	const PmEntry *en = &ps->doc->entries[i];

	for (int k = 0; k < ps->nraw; k++)
	{
		const PmStamp *st = &ps->raw[k].st;
		int			mins;

		if (ps->raw[k].lineno != en->lineno || !st->has_until)
			continue;
		mins = (st->until_h * 60 + st->until_mi) - (st->h * 60 + st->mi);
		if (mins < 0)
			mins += 24 * 60;
		if (mins > 0 && mins < 12 * 60)
		{
			*until = en->at + (TimestampTz) mins * 60 * USECS_PER_SEC;
			return true;
		}
	}
	return false;
}

/*
 * "| 23:40-00:06 | Manual backfill: the 5 remaining batches exported |"
 * above "| 23:50 | Deploy script fixed |", and no entry saying the service
 * came back: the work a row's range spans is the timeline's too, so it
 * reaches to the range's end where that is after end.  Returns the later
 * of the two.
 */
static TimestampTz
pm_range_reach(PmParser *ps, TimestampTz end)
{
	TimestampTz reach = end;
	TimestampTz until;

	for (int i = 0; i < ps->doc->nentries; i++)
		if (pm_entry_until(ps, i, &until) && until > reach)
			reach = until;
	if (reach > end)
		pm_note(ps->doc, "an entry's time is a range that reaches past the last entry; the timeline ends where the range does");
	return reach;
}

/*
 * "Post-resolution:" alone on a line between the entries: what follows came
 * after the service was back (the confirmation next morning, the budget
 * topped up), so the entry before it is the end.  The label's line number,
 * or 0.
 */
static int
pm_after_resolution_label(const PmParser *ps)
{
	const PmDocument *doc = ps->doc;
	int			last = doc->entries[doc->nentries - 1].lineno;

	for (int i = doc->entries[0].lineno; i < last - 1 && i < ps->nlines; i++)
	{
		const char *s = ps->lines[i].s,
				   *e = s + ps->lines[i].len;
		char		buf[48];
		int			n = 0;

		while (s < e && (*s == ' ' || *s == '*' || *s == '_'))
			s++;
		while (e > s && (e[-1] == ' ' || e[-1] == '*' || e[-1] == '_' || e[-1] == ':'))
			e--;
		if (e - s < 8 || e - s >= (int) sizeof(buf) || (*s != 'P' && *s != 'p' && *s != 'A' && *s != 'a'))
			continue;
		for (const char *t = s; t < e; t++)
			buf[n++] = pm_lower(*t);
		buf[n] = '\0';
		if (pm_names_after(buf) && pm_count_words(buf) <= 3)
			return i + 1;
	}
	return 0;
}

/* "Status: Active", "Status: Ongoing (recovery under way)": the incident goes on */
static bool
pm_status_ongoing(const char *status)
{
	const char *e = status + strlen(status);

	for (const char *p = status; p < e; p++)
		if (pm_word_start(status, p) &&
			(pm_word_ci(p, e, "active") || pm_word_ci(p, e, "ongoing")))
			return true;
	return false;
}

/* no end in the summary: the last resolution entry, else the last entry */
static void
pm_end_from_timeline(PmParser *ps, TimestampTz last)
{
	int			after;

	PmDocument *doc = ps->doc;
	TimestampTz end = last;
	bool		found = false;
	int			hit;
	TimestampTz stated = ps->sum_start + (TimestampTz) ps->field_secs * USECS_PER_SEC;

	/*
	 * The one entry, its head a range ("(09:40 - 10:25 UTC) A release
	 * ..."): the incident ends where the range does
	 */
	if (doc->nentries == 1 && pm_entry_until(ps, 0, &ps->sum_end))
	{
		ps->sum_has_end = true;
		pm_note(doc, "the summary names no end; the one entry's time is a range, so the incident ends where it does");
		return;
	}

	/* the entry before a "Post-resolution:" label */
	if (doc->nentries > 2 && (after = pm_after_resolution_label(ps)) > 0)
	{
		int			k = doc->nentries - 1;

		while (k > 0 && doc->entries[k].lineno > after)
			k--;
		if (k < doc->nentries - 1 && doc->entries[k].lineno < after)
		{
			ps->sum_end = doc->entries[k].at;
			ps->sum_has_end = true;
			pm_note(doc, "the summary names no end; line %d says the entries after it came once the service was back, so the incident ends at line %d",
					after, doc->entries[k].lineno);
			return;
		}
	}

	/*
	 * "Duration: 26 minutes" in a field (not "down for 66 minutes" in prose,
	 * which may count the outage alone): the entry the length ends at
	 */
	if (ps->field_secs > 0 && (hit = pm_entry_near(doc, ps->sum_start, stated)) >= 0)
	{
		ps->sum_end = doc->entries[hit].at;
		ps->sum_has_end = true;
		pm_note(doc, "the summary names no end; the incident ends at the entry its stated length (%d minutes) reaches",
				ps->field_secs / 60);
		return;
	}
	/*
	 * "Status: Active", "Status: Ongoing": written while the incident goes
	 * on, so an entry that says something came back ("A 20K-validator
	 * operator comes back online") is a step of the recovery, not its end;
	 * the record stops at the last entry
	 */
	if (ps->status_field && pm_status_ongoing(ps->status_field))
	{
		ps->sum_end = last;
		ps->sum_has_end = true;
		pm_note(doc, "the status says the incident is still going on; the record ends at the last timeline entry");
		return;
	}
	for (int i = doc->nentries - 1; i >= 0 && !found; i--)
		if (strcmp(doc->entries[i].kind, "resolution") == 0 &&
			!pm_closing_entry(doc, i) && !pm_confirming_entry(doc, i))
		{
			end = doc->entries[i].at;
			found = true;
			if (pm_recovery_begins(doc->entries[i].body) && i + 1 < doc->nentries &&
				last > end)
			{
				end = last;
				pm_note(doc, "line %d says the recovery only began; the incident ends at the last entry after it",
						doc->entries[i].lineno);
				found = false;
				break;
			}
		}
	/*
	 * "**OUTAGE MITIGATED**, redeployed on a fresh host" and no entry after
	 * it saying the outage ended: the template's milestone in capitals is
	 * when the service came back; the entries after it (a new VM, the
	 * redeploys) are the longer work
	 */
	for (int i = doc->nentries - 1; i >= 0 && !found; i--)
	{
		const char *b = doc->entries[i].body;

		while (*b == '*' || *b == ' ')
			b++;
		if (strncmp(b, "OUTAGE MITIGATED", 16) == 0 || strncmp(b, "INCIDENT MITIGATED", 18) == 0)
		{
			end = doc->entries[i].at;
			found = true;
		}
	}
	if (found)
	{
		int			k = doc->nentries - 1;

		/* the last entry, after the recovery */
		if (doc->entries[k].at > end && pm_catch_up_done(doc->entries[k].body))
		{
			ps->sum_end = doc->entries[k].at;
			ps->sum_has_end = true;
			pm_note(doc, "the summary names no end; line %d says what the outage left undone caught up, after the recovery, so the incident ends there",
					doc->entries[k].lineno);
			return;
		}
	}
	else
	{
		int			k = doc->nentries - 1;

		while (k > 0 && doc->entries[k].at == end && pm_paperwork_entry(doc->entries[k].body))
		{
			pm_note(doc, "line %d is about writing the report, after the incident; it is not the end",
					doc->entries[k].lineno);
			end = doc->entries[--k].at;
		}
	}
	if (end < ps->sum_start)
		end = last;
	if (!found)
		end = pm_range_reach(ps, end);
	if (end == ps->sum_start && pm_cleared_later(doc, end, &end))
	{
		ps->sum_end = end;
		ps->sum_has_end = true;
		pm_note(doc, "the summary names no end; the entry the incident starts at says when it cleared, later in its sentence, so the incident ends then");
		return;
	}
	/*
	 * No stated length: an MTTR line of the metrics ("MTTR (Mean Time to
	 * Resolve): 42 minutes") before the end found picks the entry it
	 * reaches ("Confirmed the feed was processing again", not "Incident
	 * closed")
	 */
	if (ps->field_secs == 0 && ps->sum_has_start && doc->nentries > 1 && end > ps->sum_start)
	{
		int			secs = pm_metric_resolve_secs(ps);
		TimestampTz want = ps->sum_start + (TimestampTz) secs * USECS_PER_SEC;

		if (secs > 0 && want < end && (hit = pm_entry_near(doc, ps->sum_start, want)) >= 0)
		{
			ps->sum_end = doc->entries[hit].at;
			ps->sum_has_end = true;
			pm_note(doc, "the summary names no end; the incident ends at the entry the stated time to resolve (%d minutes) reaches",
					secs / 60);
			return;
		}
	}
	/*
	 * "Impact: Releases blocked for 2 hours." over entries that stop at
	 * "Cache purged and the build re-run" (40 minutes in), none saying the
	 * service came back: the impact's length says when it ended
	 */
	if (!found && ps->sum_has_start && ps->impact.len > 0)
	{
		int			secs = pm_stated_length(ps->impact.data, ps->impact.len, false);
		TimestampTz reach = ps->sum_start + (TimestampTz) secs * USECS_PER_SEC;

		if (secs > 0 && reach > end + 10 * 60 * USECS_PER_SEC)
		{
			ps->sum_end = reach;
			ps->sum_has_end = true;
			pm_note(doc, "the summary names no end and no entry says the service came back; the incident ends when the impact's length (%d minutes) runs out",
					secs / 60);
			return;
		}
	}
	ps->sum_end = end;
	ps->sum_has_end = true;
	pm_note(doc, "the summary names no end; the incident ends at the %s",
			found ? "last entry that says it was resolved" : "last timeline entry");
}

/*
 * "Resolved / ... was down from 10:32 AM to 10:43 AM UTC", the one update
 * (posted at 10:45): the end its text names, after the start and before
 * it was posted, on the day (tm) of the update
 */
static void
pm_history_end(PmParser *ps, const PmZone *z, const struct pg_tm *tm, TimestampTz posted)
{
	const PmStamp *st = &ps->hist_late;
	TimestampTz ts;

	if (ps->sum_has_end || !st->has_time || st->has_date)
		return;
	if (st->has_zone)
		z = &st->zone;
	if (pm_zone_to_ts(z, tm->tm_year, tm->tm_mon, tm->tm_mday, st->h, st->mi, st->s, 0, &ts) &&
		ts > ps->sum_start && ts <= posted)
	{
		ps->sum_end = ts;
		ps->sum_has_end = true;
		pm_note(ps->doc, "the status update says the incident ended at %s, before it was posted; the incident ends then",
				pm_fmt_hm(st->h, st->mi));
	}
}

/*
 * Detected: the earliest detection entry within the incident's span, else
 * the earliest entry within it, else its start.
 */
static void
pm_settle_detected(PmDocument *doc, TimestampTz hi)
{
	TimestampTz lo = doc->started_at;

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
}

/* mitigated and acknowledged, from detection on */
static void
pm_settle_responses(PmDocument *doc, TimestampTz hi)
{
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
			(doc->has_acknowledged && en->at >= doc->acknowledged_at) ||
			strcmp(en->kind, "misleading_path") == 0 ||
			!pm_says_acknowledged(en->body))
			continue;
		doc->acknowledged_at = en->at;
		doc->has_acknowledged = true;
	}
}

/* the incident's status: resolved when it ended, or what the Status field says */
static void
pm_settle_status(PmParser *ps)
{
	PmDocument *doc = ps->doc;

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

/* a front matter stamp as a moment: its zone, else the document's */
static bool
pm_front_ts(PmParser *ps, const PmStamp *st, TimestampTz *ts)
{
	const PmZone *z = st->has_zone ? &st->zone :
		ps->has_doc_zone ? &ps->doc_zone : &ps->default_zone;

	return st->has_time && pm_zone_to_ts(z, st->y, st->m, st->d, st->h, st->mi, st->s, st->us, ts);
}

/*
 * A status issue's front matter ("date: 2024-11-19 3:40:00", "resolvedWhen:
 * 2024-11-19 6:05:00"): when the issue was opened is the start unless the
 * text says otherwise or a timeline entry comes before it; when it was
 * resolved is the end of an issue whose text has no timeline.
 */
static void
pm_front_span(PmParser *ps)
{
	PmDocument *doc = ps->doc;
	TimestampTz ts;
	bool		earlier = false;

	if (!ps->front_issue)
		return;
	if (!ps->sum_has_start && pm_front_ts(ps, &ps->front_start, &ts))
	{
		for (int i = 0; i < doc->nentries; i++)
			earlier |= doc->entries[i].at < ts;
		if (!earlier)
		{
			ps->sum_start = ts;
			ps->sum_has_start = true;
			pm_note(doc, "the incident starts when its status issue was opened (the front matter's date)");
		}
	}
	if (!ps->sum_has_end && doc->nentries == 0 && ps->sum_has_start &&
		pm_front_ts(ps, &ps->front_end, &ts) && ts >= ps->sum_start)
	{
		ps->sum_end = ts;
		ps->sum_has_end = true;
		pm_note(doc, "the incident ends when its status issue was resolved (the front matter's resolved time)");
	}
}

/*
 * A status page's first update names an earlier time than it was posted
 * ("stopped responding ... starting around 21:40", posted at 22:20): the
 * incident began then, on the update's day (or the day it names), in its
 * zone
 */
static void
pm_history_start(PmParser *ps)
{
	PmDocument *doc = ps->doc;
	const PmStamp *st = &ps->hist_early;

	if (ps->sum_has_start || !st->has_time)
		return;
	for (int i = 0; i < doc->nentries; i++)
	{
		const PmRawEntry *r = NULL;
		const PmZone *z;
		struct pg_tm tm;
		fsec_t		fsec;
		TimestampTz ts;

		if (doc->entries[i].lineno != ps->hist_lineno)
			continue;
		for (int k = 0; k < ps->nraw && r == NULL; k++)
			if (ps->raw[k].lineno == ps->hist_lineno)
				r = &ps->raw[k];
		z = st->has_zone ? &st->zone : (r && r->st.has_zone) ? &r->st.zone : &ps->tl_zone;
		pm_zone_localize(z, doc->entries[i].at, &tm, &fsec);
		if (pm_zone_to_ts(z, tm.tm_year, st->has_date ? st->m : tm.tm_mon,
						  st->has_date ? st->d : tm.tm_mday, st->h, st->mi, st->s, 0, &ts) &&
			ts < doc->entries[i].at && doc->entries[i].at - ts < USECS_PER_DAY)
		{
			ps->sum_start = ts;
			ps->sum_has_start = true;
			pm_note(doc, "the first status update says the incident began at %s, before it was posted; the incident starts then",
					pm_fmt_hm(st->h, st->mi));
			pm_history_end(ps, z, &tm, doc->entries[i].at);
		}
		return;
	}
}

/*
 * "June 19, 7:00 AM — June 20, 2:00 AM" above, "June 20, 10:30 PM" then
 * "2:00 AM" below: the timeline's last entry, a day to the minute after the
 * summary's end, says the service came back, and every entry past that end
 * fits a day earlier within the summary's span: they were dated a day late.
 * Read them a day earlier; a review meeting a day later is no slip.
 */
static bool
pm_day_late_slip(PmParser *ps)
{
	PmDocument *doc = ps->doc;
	TimestampTz last = ps->sum_end + USECS_PER_DAY;

	for (int i = 0; i < doc->nentries; i++)
		if (doc->entries[i].at > ps->sum_end &&
			(doc->entries[i].at - USECS_PER_DAY < ps->sum_start ||
			 (doc->entries[i].at == last && strcmp(doc->entries[i].kind, "resolution") != 0)))
			return false;
	for (int i = 0; i < doc->nentries; i++)
		if (doc->entries[i].at > ps->sum_end)
			doc->entries[i].at -= USECS_PER_DAY;
	pm_note(doc, "the timeline's last entry is a day after the summary's end, to the minute: read the entries past the end a day earlier");
	return true;
}

/* "all parts of the system were restored", "Full recovery": all of it back */
static bool
pm_says_fully_restored(const char *body)
{
	char		buf[256];
	const char *low = pm_lower_copy(body, strlen(body), buf, sizeof(buf));

	if (strstr(low, "partial") || strstr(low, "except") || strstr(low, "not yet") ||
		strstr(low, "not fully"))
		return false;
	return strstr(low, "full recovery") || strstr(low, "fully recovered") ||
		strstr(low, "fully restored") || strstr(low, "completely restored") ||
		strstr(low, "all parts of") || strstr(low, "all services restored") ||
		strstr(low, "all services were restored") || strstr(low, "full service restored");
}

/*
 * "unavailable from approximately 3:12 pm to 3:58 pm" in the summary, then
 * "At approximately 5:05 pm all parts of the system were restored": the
 * summary's span is the outage, and the degraded service after it is the
 * incident's too; it ends when all of it was back, the same day or the
 * next.
 */
static void
pm_full_restoration(PmParser *ps)
{
	PmDocument *doc = ps->doc;
	int			hit = -1;

	for (int i = 0; i < doc->nentries; i++)
		if (doc->entries[i].at > ps->sum_end &&
			doc->entries[i].at <= ps->sum_end + USECS_PER_DAY &&
			(hit < 0 || doc->entries[i].at > doc->entries[hit].at) &&
			pm_says_fully_restored(doc->entries[i].body))
			hit = i;
	if (hit < 0)
		return;
	pm_note(doc, "the summary's span (%s) ends before the entry that says all of the service was back; ended the incident there",
			ps->sum_range ? ps->sum_range : "its end");
	ps->sum_end = doc->entries[hit].at;
}

/*
 * A status issue's opening text under its front matter, with no time of
 * its own ("Our database host is seeing network trouble. We are looking
 * into it!" over the "**Update**:" notes, the issue opened at the front
 * matter's date): the first post, an entry at the incident's start.  Not
 * a note that opens with a label, a status word or an emphasis
 * ("**Update: 09:41** -", "*Investigating* -", "[Final Message]"), which
 * the updates read, nor text that holds a time.
 */
static void
pm_front_opening(PmParser *ps)
{
	PmDocument *doc = ps->doc;
	TimestampTz ts;
	int			i = 0;
	int			j;
	StringInfoData para;
	PmEntry    *en;

	/* a notice of its text alone, with no updates below it, is the notice, no post of a course */
	if (!ps->front_issue || doc->nentries == 0 || !doc->has_start ||
		!pm_front_ts(ps, &ps->front_start, &ts) || ts != doc->started_at)
		return;
	for (int k = 0; k < doc->nentries; k++)
		if (doc->entries[k].at <= ts)
			return;
	while (i < ps->nlines && (ps->lines[i].front_matter || ps->lines[i].len == 0))
		i++;
	if (i == 0 || i >= ps->nlines || ps->lines[i].code || !isupper((unsigned char) ps->lines[i].s[0]))
		return;
	/* the paragraph, to its blank line (pm_paragraph_end stops at a time) */
	for (j = i; j < ps->nlines && ps->lines[j].len > 0 && !ps->lines[j].code; j++)
		;
	initStringInfo(&para);
	for (int k = i; k < j; k++)
	{
		if (pm_line_names(&ps->lines[k], false, true))
			return;
		for (int n = 0; n < doc->nentries; n++)
			if (doc->entries[n].lineno == ps->lines[k].lineno)
				return;
		if (k > i)
			appendStringInfoChar(&para, ' ');
		appendBinaryStringInfo(&para, ps->lines[k].s, ps->lines[k].len);
	}
	if (strstr(para.data, "{{") || memchr(para.data, ':', Min(para.len, 24)) != NULL)
		return;
	/* "The disks have been cleaned up and the mirrors are serving again": the end told, no first post */
	{
		bool		begins;

		if (strcmp(pm_timeline_kind(para.data, para.len, &begins), "resolution") == 0)
			return;
	}
	doc->entries = repalloc(doc->entries, sizeof(PmEntry) * (doc->nentries + 1));
	memmove(doc->entries + 1, doc->entries, sizeof(PmEntry) * doc->nentries);
	doc->nentries++;
	en = &doc->entries[0];
	memset(en, 0, sizeof(PmEntry));
	en->at = ts;
	en->body = para.data;
	en->lineno = ps->lines[i].lineno;
	en->kind = pm_timeline_kind(para.data, para.len, &en->begins);
	pm_note(doc, "line %d, the status issue's opening text, is its first post, at the front matter's date",
			en->lineno);
}

/* start, end, milestones and status */
void
pm_settle_span(PmParser *ps)
{
	PmDocument *doc = ps->doc;

	pm_front_span(ps);
	pm_history_start(ps);

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
		if (ps->sum_has_start && first == ps->sum_start + 12 * USECS_PER_HOUR &&
			(!ps->sum_has_end || last == ps->sum_end + 12 * USECS_PER_HOUR) &&
			pm_writes_pm(ps))
		{
			/*
			 * "2025-09-16 09:12 IDT" above, "16.09.25 09:12 PM – ..." below:
			 * the timeline's first entry twelve hours to the minute after the
			 * summary's start is an AM/PM slip; the summary's stamp wins
			 */
			for (int i = 0; i < doc->nentries; i++)
				doc->entries[i].at -= 12 * USECS_PER_HOUR;
			first -= 12 * USECS_PER_HOUR;
			last -= 12 * USECS_PER_HOUR;
			pm_note(doc, "the timeline's entries are twelve hours after the summary's start, to the minute: read their AM/PM as the summary's");
		}
		if (ps->sum_has_start && ps->sum_has_end && last == ps->sum_end + USECS_PER_DAY &&
			first <= ps->sum_end && pm_day_late_slip(ps))
			last = ps->sum_end;
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
		else if (ps->sum_has_start && !ps->sum_has_end && ps->sum_start > last + USECS_PER_DAY)
		{
			/* "Resolved / Oct 02 at 09:15am PDT" above the report: when it was posted */
			pm_note(doc, "the summary's only time is more than a day after the timeline's last entry; took start and end from the timeline");
			ps->sum_has_start = false;
		}
		else if (ps->sum_has_start && !ps->sum_has_end && ps->sum_start > last && doc->nentries > 1)
		{
			/*
			 * "Date: 2025-09-14T08:02:51Z" stamped when the report was written,
			 * seconds after the last entry: an incident cannot start after its
			 * whole timeline
			 */
			pm_note(doc, "the summary's only time is after the timeline's last entry, so it is when the report was written, not the start; took start and end from the timeline");
			ps->sum_has_start = false;
		}
		else if (ps->sum_has_start && !ps->sum_has_end && first < ps->sum_start &&
				 pm_summary_says_restored(doc->summary))
		{
			/* "Service was restored at 03:52": the summary's one time is no start */
			pm_note(doc, "the summary's only time is when service was restored; took the start from the timeline");
			ps->sum_has_start = false;
		}
		if (!ps->sum_has_start)
			pm_start_from_timeline(ps, first);
		if (!ps->sum_has_end)
			pm_end_from_timeline(ps, last);
		else if (ps->sum_has_start)
			pm_full_restoration(ps);
	}
	else if (ps->nraw == 0)
		pm_note(doc, "the document has no timeline entries");
	doc->has_start = ps->sum_has_start;
	doc->started_at = ps->sum_start;
	doc->has_end = ps->sum_has_end;
	doc->resolved_at = ps->sum_end;
	if (doc->has_start && doc->has_end && doc->resolved_at < doc->started_at)
		doc->has_end = false;

	pm_front_opening(ps);

	/* milestones from the timeline */
	if (doc->has_start)
	{
		TimestampTz hi = doc->has_end ? doc->resolved_at : PG_INT64_MAX;

		pm_settle_detected(doc, hi);
		pm_settle_responses(doc, hi);
	}
	pm_settle_status(ps);
}
