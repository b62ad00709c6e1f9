// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Tool output pasted as shell, Markdown or C comments: a table kept in a
 * script ("#| 0 NVIDIA GeForce RTX 2080 Ti  Off | 00000000:06:00.0 ..."),
 * an lspci line under "# or use lspci" ("#06:00.0 VGA compatible ..."),
 * deviceQuery's output in a source file ("//Device 0: \"GRID T4-1Q\"").
 * The readers look for their shapes at the start of a line, so such a
 * paste reads as nothing. When comment lines that carry tool output are
 * seen, the dispatcher reads a copy with each line's leading "#" or "//"
 * (and one blank after it) taken away; everything else is unchanged.
 */
#include <stdlib.h>
#include <string.h>

#include "reader.h"

/* A comment's own text must look like tool output this often to count. */
#define MIN_TOOL_LINES 2

/*
 * After the comment mark and at most one blank: a table border or cell,
 * an address, or deviceQuery's device, capability or memory line.
 */
static bool tool_output(struct gi_span s)
{
	u32 domain;
	u8 bus, dev, fn;
	size_t used;
	u64 idx;

	if (!s.n)
		return false;
	if (s.p[0] == '|' || (s.p[0] == '+' && s.n > 1 && s.p[1] == '-'))
		return true;
	if (gi_span_starts_ci(gi_span_trim(s), "CUDA Capability Major/Minor") ||
	    gi_span_starts_ci(gi_span_trim(s), "Total amount of global memory:"))
		return true;
	if (gi_span_starts_ci(s, "Device ") &&
	    gi_parse_dec(gi_span_sub(s, 7, s.n), &idx, &used) &&
	    gi_span_starts_ci(gi_span_sub(s, 7 + used, s.n), ": \""))
		return true;
	return gi_parse_pci_addr(s, &domain, &bus, &dev, &fn, &used);
}

/* The line's text after its "#" or "//" and one blank; false if none. */
static bool comment_text(struct gi_span line, struct gi_span *text)
{
	size_t mark;

	if (gi_span_starts_ci(line, "//"))
		mark = 2;
	else if (line.n && line.p[0] == '#')
		mark = 1;
	else
		return false;
	*text = gi_span_sub(line, mark, line.n);
	if (text->n && (text->p[0] == ' ' || text->p[0] == '\t'))
		*text = gi_span_sub(*text, 1, text->n);
	return true;
}

char *gi_cap_uncomment(const char *data, size_t len, size_t *outlen)
{
	struct gi_span line, text;
	struct gi_lines it;
	unsigned int seen = 0;
	size_t off, n = 0;
	char *copy;

	gi_lines_init(&it, data, len);
	while (seen < MIN_TOOL_LINES && gi_lines_next(&it, &line, &off))
		seen += comment_text(line, &text) && tool_output(text);
	if (seen < MIN_TOOL_LINES)
		return NULL;
	copy = malloc(len + 1);
	if (!copy)
		return NULL;
	gi_lines_init(&it, data, len);
	while (gi_lines_next(&it, &line, &off)) {
		if (!comment_text(line, &text))
			text = line;
		memcpy(copy + n, text.p, text.n);
		n += text.n;
		copy[n++] = '\n';
	}
	*outlen = n;
	return copy;
}
