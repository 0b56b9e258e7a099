/*-------------------------------------------------------------------------
 *
 * report_gantt.c
 *	  The Mermaid gantt of an incident for report(): the impact window, the
 *	  response phases (detect, acknowledge, mitigate, resolve) as bars, the
 *	  cited schema changes and the key timeline entries as milestones, on an
 *	  axis that carries the date where the incident spans days.
 *
 * Times are the incident's local wall-clock times, as in the list above
 * the diagram.  Every label goes through rpt_mermaid_label(), and
 * test/document/report_mermaid.sh renders what this writes in the real
 * Mermaid.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "utils/datetime.h"

#include "document/report.h"

/* at most this many timeline entries become milestones */
#define GANTT_MAX_ENTRIES	8
/* a label's length in characters */
#define GANTT_LABEL		48

/* tasks written into the current diagram */
static int	gantt_tasks;

/* "2024-05-15 10:05:00", the diagram's dateFormat */
static void
gantt_time(StringInfo buf, const PmZone *zone, TimestampTz at)
{
	struct pg_tm tm;
	fsec_t		fsec;

	pm_zone_localize(zone, at, &tm, &fsec);
	appendStringInfo(buf, "%04d-%02d-%02d %02d:%02d:%02d",
					 tm.tm_year, tm.tm_mon, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

static void
gantt_bar(StringInfo buf, const PmZone *zone, const char *name, const char *tags,
		  TimestampTz from, TimestampTz to, bool span)
{
	StringInfoData label;

	initStringInfo(&label);
	appendStringInfoString(&label, name);
	if (span)
	{
		appendStringInfoString(&label, " · ");
		rpt_span(&label, from, to);
	}
	gantt_tasks++;
	appendStringInfoString(buf, "    ");
	rpt_mermaid_label(buf, label.data, GANTT_LABEL);
	appendStringInfo(buf, " :%s", tags);
	gantt_time(buf, zone, from);
	appendStringInfoString(buf, ", ");
	gantt_time(buf, zone, to);
	appendStringInfoChar(buf, '\n');
}

static void
gantt_milestone(StringInfo buf, const PmZone *zone, const char *label, TimestampTz at)
{
	gantt_tasks++;
	appendStringInfoString(buf, "    ");
	rpt_mermaid_label(buf, label, GANTT_LABEL);
	appendStringInfoString(buf, " :milestone, ");
	gantt_time(buf, zone, at);
	appendStringInfoString(buf, ", 0m\n");
}

/* entries worth a milestone: what people did and found, not bookkeeping */
static bool
key_entry(const RptEvent *e, bool few)
{
	if (strcmp(e->kind, "cited") == 0 || strcmp(e->kind, "status_change") == 0 ||
		strcmp(e->kind, "evidence") == 0 || strcmp(e->kind, "schema_change") == 0)
		return false;
	if (few)
		return true;
	return strcmp(e->kind, "detection") == 0 || strcmp(e->kind, "escalation") == 0 ||
		strcmp(e->kind, "misleading_path") == 0 || strcmp(e->kind, "mitigation") == 0 ||
		strcmp(e->kind, "resolution") == 0;
}

/* a tick every so often: about a dozen ticks whatever the span */
static const char *
tick_interval(int64 span_secs)
{
	static const struct
	{
		int64		secs;
		const char *name;
	}			ticks[] = {
		{60, "1minute"}, {300, "5minute"}, {600, "10minute"}, {900, "15minute"},
		{1800, "30minute"}, {3600, "1hour"}, {7200, "2hour"}, {10800, "3hour"},
		{21600, "6hour"}, {43200, "12hour"}, {86400, "1day"}, {172800, "2day"},
		{604800, "1week"}, {2419200, "4week"}
	};
	int			n = lengthof(ticks);

	for (int i = 0; i < n; i++)
		if (span_secs / ticks[i].secs <= 12)
			return ticks[i].name;
	return NULL;				/* let Mermaid choose */
}

/* the diagram's header: title, formats, and an axis fitted to the span */
static void
gantt_header(StringInfo buf, const RptIncident *inc, TimestampTz lo, TimestampTz hi)
{
	struct pg_tm a,
				b;
	fsec_t		fsec;
	const char *tick = tick_interval((hi - lo) / USECS_PER_SEC);
	bool		days;

	pm_zone_localize(&inc->zone, lo, &a, &fsec);
	pm_zone_localize(&inc->zone, hi, &b, &fsec);
	days = a.tm_year != b.tm_year || a.tm_mon != b.tm_mon || a.tm_mday != b.tm_mday;

	appendStringInfoString(buf, "\n```mermaid\ngantt\n    title ");
	rpt_mermaid_label(buf, inc->title, 80);
	appendStringInfoString(buf, "\n    dateFormat YYYY-MM-DD HH:mm:ss\n");
	if (!days)
		appendStringInfoString(buf, "    axisFormat %H:%M\n");
	else if (hi - lo <= 3 * USECS_PER_DAY)
		appendStringInfoString(buf, "    axisFormat %b %d %H:%M\n");
	else
		appendStringInfoString(buf, "    axisFormat %b %d\n");
	if (tick)
		appendStringInfo(buf, "    tickInterval %s\n", tick);
	appendStringInfoString(buf, "    todayMarker off\n");
}

/* the response phases, each from the milestone before it that is known */
static void
gantt_phases(StringInfo buf, const RptIncident *inc)
{
	static const char *const names[RPT_NMILESTONES] = {
		NULL, "Detect", "Acknowledge", "Mitigate", "Resolve"
	};
	int			prev = RPT_STARTED;
	bool		header = false;

	for (int m = RPT_DETECTED; m < RPT_NMILESTONES; m++)
	{
		if (!inc->has[m])
			continue;
		if (inc->has[prev] && inc->ms[m] > inc->ms[prev])
		{
			if (!header)
				appendStringInfoString(buf, "    section Response\n");
			header = true;
			gantt_bar(buf, &inc->zone, names[m], "", inc->ms[prev], inc->ms[m], true);
		}
		prev = m;
	}
}

/* the events' time range, with the incident's milestones */
static bool
gantt_range(const RptIncident *inc, TimestampTz *lo, TimestampTz *hi)
{
	bool		any = false;

	for (int m = 0; m < RPT_NMILESTONES; m++)
		if (inc->has[m])
		{
			*lo = any ? Min(*lo, inc->ms[m]) : inc->ms[m];
			*hi = any ? Max(*hi, inc->ms[m]) : inc->ms[m];
			any = true;
		}
	for (int i = 0; i < inc->nevents; i++)
	{
		*lo = any ? Min(*lo, inc->events[i].at) : inc->events[i].at;
		*hi = any ? Max(*hi, inc->events[i].at) : inc->events[i].at;
		any = true;
	}
	return any;
}

/* the whole diagram; nothing when the incident has no time at all */
void
rpt_gantt(StringInfo buf, const RptIncident *inc)
{
	TimestampTz lo,
				hi;
	int			nkey = 0;
	int			ncited = 0;
	bool		few;
	int			start = buf->len;

	if (!gantt_range(inc, &lo, &hi))
		return;
	gantt_tasks = 0;
	for (int i = 0; i < inc->nevents; i++)
		if (strcmp(inc->events[i].kind, "cited") != 0)
			nkey++;
	few = nkey <= 6;

	gantt_header(buf, inc, lo, hi);
	if (inc->has[RPT_STARTED] && hi > inc->ms[RPT_STARTED])
	{
		appendStringInfoString(buf, "    section Impact\n");
		if (inc->has[RPT_RESOLVED])
			gantt_bar(buf, &inc->zone, "Impact", "crit, ", inc->ms[RPT_STARTED],
					  inc->ms[RPT_RESOLVED], true);
		else
			gantt_bar(buf, &inc->zone, "Impact (not resolved)", "crit, ",
					  inc->ms[RPT_STARTED], hi, false);
	}
	gantt_phases(buf, inc);

	for (int i = 0; i < inc->nevents; i++)
	{
		const RptEvent *e = &inc->events[i];
		StringInfoData label;

		if (strcmp(e->kind, "cited") != 0)
			continue;
		if (ncited++ == 0)
			appendStringInfoString(buf, "    section Schema changes\n");
		initStringInfo(&label);
		appendStringInfo(&label, "%s · %s", e->role, e->body);
		label.data[0] = pg_toupper((unsigned char) label.data[0]);
		gantt_milestone(buf, &inc->zone, label.data, e->at);
	}

	nkey = 0;
	for (int i = 0; i < inc->nevents && nkey < GANTT_MAX_ENTRIES; i++)
	{
		const RptEvent *e = &inc->events[i];

		if (!key_entry(e, few))
			continue;
		if (nkey++ == 0)
			appendStringInfoString(buf, "    section Timeline\n");
		gantt_milestone(buf, &inc->zone, e->body, e->at);
	}
	if (gantt_tasks == 0)
	{
		/* a gantt without a task draws nothing: leave it out */
		buf->len = start;
		buf->data[start] = '\0';
		return;
	}
	appendStringInfoString(buf, "```\n");
}
