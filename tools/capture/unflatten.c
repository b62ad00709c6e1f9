// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * An nvidia-smi table whose line breaks were lost: copied from a rendered
 * page or a mirror that collapses whitespace, the whole table is one line,
 * "... +------+ | NVIDIA-SMI 565.57.01 ... | |-----+-----+-----+ | GPU
 * Name ... | ... | 0 NVIDIA L20 Off | 00000000:02:00.0 Off | 0 | ...".
 * The table reader wants its rows on lines of their own. A border (a run
 * of '-' or '=' between '+' or '|') tells how many cells the rows under it
 * have, so a row is the text from a '|' to the '|' that closes its last
 * cell; the dispatcher reads a copy with each such line broken there.
 * Spaces inside cells stay collapsed: the table reader splits on '|'.
 */
#include <stdlib.h>
#include <string.h>

#include "reader.h"

/* A line this long with a border in it is a flattened table. */
#define MIN_FLAT_LINE	200

static bool border_at(const char *p, size_t n)
{
	return n >= 4 && (p[0] == '+' || p[0] == '|') &&
	       (p[1] == '-' || p[1] == '=') && (p[2] == '-' || p[2] == '=') &&
	       (p[3] == '-' || p[3] == '=');
}

/* Length of the border token at @p: up to the next blank. */
static size_t border_len(const char *p, size_t n, unsigned int *cells)
{
	size_t i;

	*cells = 0;
	for (i = 0; i < n && p[i] != ' ' && p[i] != '\t'; i++)
		if (i && (p[i] == '+' || p[i] == '|'))
			(*cells)++;
	if (!*cells)
		*cells = 1;	/* a border cut at the end of the paste */
	return i;
}

static bool flat_table(struct gi_span line)
{
	long at;

	if (line.n < MIN_FLAT_LINE)
		return false;
	at = gi_span_find_ci(line, "+----");
	return at >= 0 && gi_span_find_ci(line, "| NVIDIA-SMI ") > at;
}

/* Append @line to @out at *@n, broken into the table's rows. */
static void unflatten_line(struct gi_span line, char *out, size_t *n)
{
	unsigned int cells = 1, pipes;
	size_t i = 0, j;
	bool open_text = false, table = false;

	while (i < line.n) {
		const char *p = line.p + i;
		size_t left = line.n - i;

		if (border_at(p, left) || (p[0] == '|' && table)) {
			if (open_text)
				out[(*n)++] = '\n';
			open_text = false;
			if (border_at(p, left)) {
				j = border_len(p, left, &cells);
				table = true;
			} else {
				/* a row: its cells' closing '|'s after this one */
				for (j = 1, pipes = 0; j < left; j++)
					if (p[j] == '|' && ++pipes == cells)
						break;
				j = j < left ? j + 1 : left;
			}
			memcpy(out + *n, p, j);
			*n += j;
			out[(*n)++] = '\n';
			i += j;
			while (i < line.n && line.p[i] == ' ')
				i++;
			continue;
		}
		out[(*n)++] = line.p[i++];
		open_text = true;
	}
	if (open_text)
		out[(*n)++] = '\n';
}

char *gi_cap_unflatten(const char *data, size_t len, size_t *outlen)
{
	struct gi_span line;
	struct gi_lines it;
	bool any = false;
	size_t off, n = 0;
	char *copy;

	gi_lines_init(&it, data, len);
	while (!any && gi_lines_next(&it, &line, &off))
		any = flat_table(line);
	if (!any)
		return NULL;
	/* every byte once, plus at most one '\n' for each byte and line */
	if (len > (SIZE_MAX - 1) / 2)
		return NULL;
	copy = malloc(2 * len + 1);
	if (!copy)
		return NULL;
	gi_lines_init(&it, data, len);
	while (gi_lines_next(&it, &line, &off)) {
		if (flat_table(line)) {
			unflatten_line(line, copy, &n);
		} else {
			memcpy(copy + n, line.p, line.n);
			n += line.n;
			copy[n++] = '\n';
		}
	}
	*outlen = n;
	return copy;
}
