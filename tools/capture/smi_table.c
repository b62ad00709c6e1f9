// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The default `nvidia-smi` view, a box of '|'-separated cells, two or three
 * rows per GPU:
 *
 *   |   0  NVIDIA GeForce RTX 4090        Off | 00000000:01:00.0  On |                  Off |
 *   | 30%   35C    P8              21W / 450W |    388MiB / 24564MiB |      0%      Default |
 *   |                                         |                      |                  N/A |
 *
 * It shows no PCI IDs, so the name is kept for the knowledge base (long
 * names are cut to "NVIDIA GeForce ..." and then match nothing).
 */
#include "reader.h"

#define MAX_CELLS 4

/* Split a "| a | b | c |" row into its cells; false unless it is one. */
static bool cells(struct gi_span line, struct gi_span *cell, unsigned int *n)
{
	struct gi_span t = gi_span_trim(line);
	size_t i, start;

	*n = 0;
	if (t.n < 2 || t.p[0] != '|')
		return false;
	start = 1;
	for (i = 1; i < t.n; i++) {
		if (t.p[i] != '|')
			continue;
		if (*n < MAX_CELLS)
			cell[*n] = gi_span_trim(gi_span_sub(t, start, i));
		(*n)++;
		start = i + 1;
	}
	return *n >= 3;
}

/* "0  NVIDIA GeForce RTX 4090        Off": index, name, persistence. */
static bool first_cell(struct gi_span c, struct gi_span *name)
{
	static const char *const modes[] = { "On", "Off", "WDDM", "TCC", "N/A" };
	size_t used, i, end;
	u64 idx;

	if (!gi_parse_dec(c, &idx, &used) || used >= c.n ||
	    (c.p[used] != ' ' && c.p[used] != '\t'))
		return false;
	c = gi_span_trim(gi_span_sub(c, used, c.n));
	/* the last word is the persistence mode (or Windows driver model) */
	end = c.n;
	for (i = c.n; i > 0 && c.p[i - 1] != ' ' && c.p[i - 1] != '\t'; i--)
		;
	if (i > 0) {
		struct gi_span last = gi_span_sub(c, i, c.n);

		for (end = 0; end < GI_ARRAY_SIZE(modes); end++)
			if (gi_span_eq_ci(last, modes[end]))
				break;
		end = end < GI_ARRAY_SIZE(modes) ? i : c.n;
	}
	*name = gi_span_trim(gi_span_sub(c, 0, end));
	return name->n > 0;
}

/* "00000000:01:00.0  On": the bus ID, then the display state. */
static bool bus_cell(struct gi_span c, struct gi_capture_gpu *g)
{
	u8 bus, dev, fn;
	size_t used;
	u32 dom;

	if (!gi_parse_pci_addr(c, &dom, &bus, &dev, &fn, &used))
		return false;
	gi_format_pci_addr(g->address, sizeof(g->address), dom, bus, dev, fn);
	return true;
}

/* "388MiB / 24564MiB": the total after the slash. */
static void memory_cell(struct gi_span c, struct gi_capture_gpu *g)
{
	const char *slash = c.n ? memchr(c.p, '/', c.n) : NULL;
	u32 mib;

	if (slash && gi_parse_mib(gi_span_sub(c, (size_t)(slash - c.p) + 1, c.n),
				  &mib))
		gi_cap_set_vram(g, mib);
}

/*
 * "Volatile Uncorr. ECC": "Off" when ECC is off, an error count when it
 * is on, "N/A" when the memory has none (nothing to note).
 */
static void ecc_cell(struct gi_span c, struct gi_capture_gpu *g)
{
	size_t used;
	u64 v;

	if (gi_span_eq_ci(c, "Off"))
		gi_cap_set_ecc(g, false);
	else if (gi_parse_dec(c, &v, &used) && used == c.n)
		gi_cap_set_ecc(g, true);
}

void gi_cap_read_smi_table(struct gi_cap_set *set, const char *data,
			   size_t len)
{
	struct gi_span line, cell[MAX_CELLS], name, driver = { NULL, 0 };
	struct gi_capture_gpu g;
	struct gi_lines it;
	unsigned int n;
	size_t off;
	long at;

	gi_lines_init(&it, data, len);
	while (gi_lines_next(&it, &line, &off)) {
		/* "| NVIDIA-SMI 535.104.05   Driver Version: 535.104.05   CUDA ..." */
		at = gi_span_find_ci(line, "Driver Version:");
		if (at >= 0 && gi_span_find_ci(line, "NVIDIA-SMI") >= 0) {
			struct gi_span v = gi_span_trim(gi_span_sub(line,
						(size_t)at + 15, line.n));
			size_t e = 0;

			while (e < v.n && v.p[e] != ' ' && v.p[e] != '\t' &&
			       v.p[e] != '|')
				e++;
			driver = gi_span_sub(v, 0, e);
			continue;
		}
		if (!cells(line, cell, &n) || n > MAX_CELLS ||
		    !first_cell(cell[0], &name))
			continue;
		gi_cap_init(&g, GI_CAPTURE_SMI_TABLE, off);
		if (!bus_cell(cell[1], &g))
			continue;
		gi_span_copy(g.name, sizeof(g.name), name);
		if (driver.n)
			gi_span_copy(g.driver_version, sizeof(g.driver_version),
				     driver);
		ecc_cell(cell[2], &g);
		/* second row: fan, temperature, power | memory | utilisation */
		if (gi_lines_peek(&it, &line) && cells(line, cell, &n) &&
		    n <= MAX_CELLS && !first_cell(cell[0], &name)) {
			gi_lines_next(&it, &line, NULL);
			memory_cell(cell[1], &g);
			/* third row, where drivers show it: MIG mode */
			if (gi_lines_peek(&it, &line) && cells(line, cell, &n) &&
			    n <= MAX_CELLS && !cell[0].n && !cell[1].n) {
				gi_lines_next(&it, &line, NULL);
				if (gi_span_eq_ci(cell[2], "Enabled"))
					g.facts.partitioned = true;
			}
		}
		gi_cap_commit(set, &g);
	}
}
