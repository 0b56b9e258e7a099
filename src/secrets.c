/*-------------------------------------------------------------------------
 *
 * secrets.c
 *	  Values that look secret taken out of text the extension stores: a
 *	  statement the recorder keeps whole (a DO block, a function body, a
 *	  multi-statement query string whose inner command is the one recorded)
 *	  and other sessions' query texts copied into evidence.
 *
 * The rule is textual, so that it also reaches into string literals (the
 * body of a DO block is one literal to the SQL scanner): after a word that
 * names a secret (password, passwd, passphrase, secret, token, api_key,
 * apikey, access_key; any identifier containing one, such as sslpassword or
 * db_password, secret_key), optional spaces and an optional '=' or ':', a quoted or
 * dollar-quoted literal, or the bare value of a connection string
 * ("password=x"), becomes <redacted>.  Anything else after such a word (a
 * column named password_hash, "PASSWORD NULL", a table called tokens) is
 * left alone.  It errs on the side of redacting too much: an unterminated
 * literal is redacted to the end of the text.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "fmgr.h"
#include "lib/stringinfo.h"
#include "utils/builtins.h"

#include "postmortem.h"

static const struct
{
	const char *word;
	int			len;
}			secret_words[] = {
	{"password", 8}, {"passwd", 6}, {"passphrase", 10}, {"secret", 6},
	{"token", 5}, {"api_key", 7}, {"apikey", 6}, {"access_key", 10}
};

/*
 * length of the secret word that starts at p, or 0; called for every
 * character of every statement recorded, so only the words that begin with
 * p's letter are compared
 */
static int
secret_word_at(const char *p)
{
	char		c = pg_ascii_tolower((unsigned char) *p);

	if (c != 'p' && c != 's' && c != 't' && c != 'a')
		return 0;
	for (int i = 0; i < lengthof(secret_words); i++)
	{
		if (secret_words[i].word[0] == c &&
			pg_strncasecmp(p + 1, secret_words[i].word + 1, secret_words[i].len - 1) == 0)
			return secret_words[i].len;
	}
	return 0;
}

static bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/*
 * End of the quoted literal starting at p ('...' or E'...'), or of the text.
 * A literal written inside another one (an EXECUTE of 'CREATE ROLE x
 * PASSWORD ''pw''' in a function body) opens with its quotes doubled: it
 * ends at the next run of as many quotes.
 */
static const char *
end_of_quoted(const char *p)
{
	bool		backslashes = (*p == 'E' || *p == 'e');
	int			quotes = 0;

	if (backslashes)
		p++;
	while (p[quotes] == '\'')
		quotes++;
	if (quotes >= 2)
	{
		/* within it, a quote of its own is written with twice as many */
		for (p += quotes; *p; p++)
		{
			int			run = 0;

			while (p[run] == '\'')
				run++;
			while (run >= 2 * quotes)
				run -= 2 * quotes, p += 2 * quotes;
			if (run >= quotes)
				return p + quotes;
			p += run;
			if (*p == '\0')
				break;
		}
		return p;
	}
	p++;
	for (; *p; p++)
	{
		if (backslashes && *p == '\\' && p[1])
			p++;
		else if (*p == '\'' && p[1] == '\'')
			p++;
		else if (*p == '\'')
			return p + 1;
	}
	return p;
}

/* end of the dollar-quoted literal starting at p, NULL if p starts none */
static const char *
end_of_dollar_quoted(const char *p)
{
	const char *tag_end = p + 1;
	const char *close;

	while (*tag_end == '_' || isalnum((unsigned char) *tag_end))
		tag_end++;
	if (*tag_end != '$')
		return NULL;
	tag_end++;
	close = strstr(tag_end, pnstrdup(p, tag_end - p));
	return close ? close + (tag_end - p) : p + strlen(p);
}

/*
 * The end of the value that follows a secret word ending at p, with *start
 * set to where it begins; NULL if what follows is no value.
 */
static const char *
secret_value(const char *p, const char **start)
{
	bool		assigned = false;

	/* the rest of an identifier holding the word (secret_key, passwords) */
	while (*p == '_' || isalnum((unsigned char) *p))
		p++;
	if (*p == '"')				/* a quoted option name's closing quote */
		p++;
	while (is_space(*p))
		p++;
	if (*p == '=' || *p == ':')
	{
		assigned = true;
		p++;
		while (is_space(*p))
			p++;
	}
	*start = p;
	if (*p == '\'' || ((*p == 'E' || *p == 'e') && p[1] == '\''))
		return end_of_quoted(p);
	if (*p == '$')
		return end_of_dollar_quoted(p);
	if (assigned && *p && !is_space(*p))
	{
		/* a connection string's bare value: to a space or a quote */
		while (*p && !is_space(*p) && *p != '\'' && *p != ')' && *p != ',' && *p != ';')
			p++;
		return p;
	}
	return NULL;
}

/*
 * pm_redact_secret_values: text with the value after each secret word
 * replaced by <redacted> (the text itself when there is none).
 */
char *
pm_redact_secret_values(char *text)
{
	StringInfoData out;
	const char *copied = text;
	const char *p = text;

	if (text == NULL)
		return NULL;
	out.data = NULL;
	while (*p)
	{
		int			wlen = secret_word_at(p);
		const char *start;
		const char *end;

		if (wlen == 0 || (end = secret_value(p + wlen, &start)) == NULL)
		{
			p += Max(wlen, 1);
			continue;
		}
		if (out.data == NULL)
			initStringInfo(&out);
		appendBinaryStringInfo(&out, copied, start - copied);
		appendStringInfoString(&out, "<redacted>");
		copied = p = end;
	}
	if (out.data == NULL)
		return text;
	appendStringInfoString(&out, copied);
	return out.data;
}

/* redact_secrets(text): the same, for SQL (the evidence queries use it) */
PG_FUNCTION_INFO_V1(pm_redact_secrets_sql);
Datum
pm_redact_secrets_sql(PG_FUNCTION_ARGS)
{
	char	   *given = text_to_cstring(PG_GETARG_TEXT_PP(0));
	char	   *redacted = pm_redact_secret_values(given);

	if (redacted == given)
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	PG_RETURN_TEXT_P(cstring_to_text(redacted));
}
