// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The CUDA sample deviceQuery (and deviceQueryDrv):
 *
 *   Device 0: "NVIDIA GeForce RTX 4090"
 *     Total amount of global memory:                 24217 MBytes (25393692672 bytes)
 *     (128) Multiprocessors, (128) CUDA Cores/MP:    16384 CUDA Cores
 *     Device has ECC support:                        Disabled
 *     Device PCI Domain ID / Bus ID / location ID:   0 / 1 / 0
 *
 * CUDA counts the SMs a context can use (a MIG slice shows its own), so
 * the count is a driver's, not the fuses'. No PCI IDs: the name is mapped
 * through the knowledge base.
 */
#include "reader.h"

/* "Device 0: "NAME"" */
static bool device_line(struct gi_span t, struct gi_span *name)
{
	size_t used;
	const char *q;
	u64 idx;

	if (!gi_span_starts_ci(t, "Device ") ||
	    !gi_parse_dec(gi_span_sub(t, 7, t.n), &idx, &used))
		return false;
	t = gi_span_sub(t, 7 + used, t.n);
	if (t.n < 4 || t.p[0] != ':' || t.p[1] != ' ' || t.p[2] != '"')
		return false;
	t = gi_span_sub(t, 3, t.n);
	q = memchr(t.p, '"', t.n);
	*name = gi_span_sub(t, 0, q ? (size_t)(q - t.p) : t.n);
	return true;
}

/* "( 28) Multiprocessors, (128) CUDA Cores/MP: ..." */
static void multiprocessors(struct gi_span t, struct gi_capture_gpu *g)
{
	size_t used;
	u64 n;

	if (!t.n || t.p[0] != '(' ||
	    !gi_parse_dec(gi_span_sub(t, 1, t.n), &n, &used) ||
	    used + 1 >= t.n || t.p[used + 1] != ')' || !n || n > 0xffff ||
	    !gi_span_starts_ci(gi_span_trim(gi_span_sub(t, used + 2, t.n)),
			       "Multiprocessors"))
		return;
	g->facts.have |= GI_HAVE_SM_COUNT;
	g->facts.sm_count = (u16)n;
	g->facts.sm_from_fuses = false;
}

/* "24217 MBytes (25393692672 bytes)": the exact byte count when given. */
static void global_memory(struct gi_span v, struct gi_capture_gpu *g)
{
	long at = gi_span_find_ci(v, "(");
	size_t used;
	u64 n;

	if (at >= 0 && gi_parse_dec(gi_span_sub(v, (size_t)at + 1, v.n), &n, &used) &&
	    gi_span_starts_ci(gi_span_trim(gi_span_sub(v, (size_t)at + 1 + used, v.n)),
			      "bytes") && (n >> 20) <= UINT32_MAX) {
		gi_cap_set_vram(g, (u32)(n >> 20));
		return;
	}
	if (gi_parse_dec(v, &n, &used) && n <= UINT32_MAX &&
	    gi_span_starts_ci(gi_span_trim(gi_span_sub(v, used, v.n)), "MBytes"))
		gi_cap_set_vram(g, (u32)n);
}

/* "0 / 1 / 0": domain, bus and device number, in decimal. */
static void pci_location(struct gi_span v, struct gi_capture_gpu *g)
{
	u64 n[3];
	size_t used, i;

	for (i = 0; i < 3; i++) {
		if (!gi_parse_dec(v, &n[i], &used))
			return;
		v = gi_span_trim(gi_span_sub(v, used, v.n));
		if (i < 2) {
			if (!v.n || v.p[0] != '/')
				return;
			v = gi_span_sub(v, 1, v.n);
		}
	}
	if (n[0] > 0xffffffffu || n[1] > 0xff || n[2] > 0x1f)
		return;
	gi_format_pci_addr(g->address, sizeof(g->address), (u32)n[0], (u8)n[1],
			   (u8)n[2], 0);
}

/* "384-bit" */
static void bus_width(struct gi_span v, struct gi_capture_gpu *g)
{
	size_t used;
	u64 n;

	if (gi_parse_dec(v, &n, &used) && n && n <= 8192 &&
	    gi_span_starts_ci(gi_span_sub(v, used, v.n), "-bit"))
		g->bus_bits = (u16)n;
}

static void detail(struct gi_capture_gpu *g, struct gi_span t)
{
	struct gi_span key, val;

	if (t.n && t.p[0] == '(') {
		multiprocessors(t, g);
		return;
	}
	if (!gi_span_kv(t, &key, &val))
		return;
	if (gi_span_eq_ci(key, "Total amount of global memory")) {
		global_memory(val, g);
	} else if (gi_span_eq_ci(key, "Device has ECC support")) {
		if (gi_span_eq_ci(val, "Enabled"))
			gi_cap_set_ecc(g, true);
		else if (gi_span_eq_ci(val, "Disabled"))
			gi_cap_set_ecc(g, false);
	} else if (gi_span_eq_ci(key, "Memory Bus Width")) {
		bus_width(val, g);
	} else if (gi_span_eq_ci(key, "Device PCI Domain ID / Bus ID / location ID")) {
		pci_location(val, g);
	}
}

void gi_cap_read_devicequery(struct gi_cap_set *set, const char *data,
			     size_t len)
{
	struct gi_capture_gpu g;
	struct gi_span line, t, name;
	struct gi_lines it;
	bool open = false;
	size_t off;

	gi_lines_init(&it, data, len);
	while (gi_lines_next(&it, &line, &off)) {
		t = gi_span_strip_log_prefix(line);
		if (device_line(t, &name)) {
			if (open)
				gi_cap_commit(set, &g);
			gi_cap_init(&g, GI_CAPTURE_DEVICEQUERY, off);
			gi_span_copy(g.name, sizeof(g.name), name);
			/* CUDA names a MIG instance "... MIG 1g.10gb" */
			if (gi_span_find_ci(name, " MIG ") >= 0)
				g.facts.partitioned = true;
			open = true;
			continue;
		}
		if (!open)
			continue;
		/* the summary and peer lines follow the last device */
		if (gi_span_starts_ci(t, "deviceQuery, CUDA Driver") ||
		    gi_span_starts_ci(t, "Result = ") || gi_span_starts_ci(t, "> Peer")) {
			gi_cap_commit(set, &g);
			open = false;
			continue;
		}
		detail(&g, t);
	}
	if (open)
		gi_cap_commit(set, &g);
}
