/*-------------------------------------------------------------------------
 *
 * parser_driver.c
 *	  Run the document parser over files, for bench/parser_instructions.sh.
 *
 *	  parser_driver PASSES FILE...
 *
 * Each file is read once, then parsed PASSES times with no date and no
 * default zone, as parse_markdown(doc) would; memory is freed after each
 * document (shim_reset), as the server's per-call context would be.  It
 * prints the number of entries and tasks read, so that both sides of a
 * comparison are checked to have read the documents alike.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <stdio.h>
#include <stdlib.h>

#include "document/parse.h"
#include "shim.h"

/* the C library's own: the driver links no libpgport */
#undef printf
#undef fprintf

int
main(int argc, char **argv)
{
	int			passes;
	long		entries = 0;
	long		tasks = 0;
	char	  **text;
	long	   *len;

	if (argc < 3)
	{
		fprintf(stderr, "usage: %s PASSES FILE...\n", argv[0]);
		return 2;
	}
	passes = atoi(argv[1]);
	text = calloc(argc, sizeof(char *));
	len = calloc(argc, sizeof(long));
	for (int i = 2; i < argc; i++)
	{
		FILE	   *f = fopen(argv[i], "rb");

		if (f == NULL)
		{
			perror(argv[i]);
			return 1;
		}
		fseek(f, 0, SEEK_END);
		len[i] = ftell(f);
		fseek(f, 0, SEEK_SET);
		text[i] = malloc(len[i] + 1);
		if (fread(text[i], 1, len[i], f) != (size_t) len[i])
		{
			perror(argv[i]);
			return 1;
		}
		text[i][len[i]] = '\0';
		fclose(f);
	}
	for (int p = 0; p < passes; p++)
		for (int i = 2; i < argc; i++)
		{
			PmOptions	opt;
			PmDocument *doc;

			memset(&opt, 0, sizeof(opt));
			doc = pm_parse_document(text[i], (int) len[i], &opt);
			if (p == 0)
			{
				entries += doc->nentries;
				tasks += doc->ntasks;
			}
			shim_reset();
		}
	printf("%d documents: %ld entries, %ld tasks\n", argc - 2, entries, tasks);
	return 0;
}
