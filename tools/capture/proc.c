// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * /proc/driver/nvidia/gpus/<address>/information, as cat or grep -r shows it:
 *
 *   Model:           NVIDIA GeForce RTX 4090
 *   IRQ:             186
 *   GPU UUID:        GPU-...
 *   Video BIOS:      95.02.18.80.87
 *   Bus Type:        PCIe
 *   DMA Size:        47 bits
 *   DMA Mask:        0x7fffffffffff
 *   Bus Location:    0000:01:00.0
 *   Device Minor:    0
 *   GPU Firmware:    535.104.05
 *   GPU Excluded:    No
 *
 * A block starts at "Model:" and runs while lines are "Key: value"; log
 * prefixes ("[2018-12-14 17:05:01] [worker 0] ") in front are dropped.
 */
#include "reader.h"

/* "Key: value" with a short key of words: the only lines a block holds. */
static bool field_line(struct gi_span t, struct gi_span *key, struct gi_span *val)
{
	size_t i;

	if (!gi_span_kv(t, key, val) || !key->n || key->n > 32)
		return false;
	for (i = 0; i < key->n; i++) {
		char c = key->p[i];

		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		      (c >= '0' && c <= '9') || c == ' ' || c == '-'))
			return false;
	}
	return true;
}

/* grep -r . /proc/driver/nvidia/gpus: "/proc/.../information:Model: ..." */
static struct gi_span strip_grep_prefix(struct gi_span t)
{
	long at = gi_span_find_ci(t, "/information:");

	return at >= 0 ? gi_span_sub(t, (size_t)at + 13, t.n) : t;
}

void gi_cap_read_proc(struct gi_cap_set *set, const char *data, size_t len)
{
	struct gi_span line, t, key, val;
	struct gi_capture_gpu g;
	struct gi_lines it;
	bool open = false, seen = false;
	size_t off;

	gi_lines_init(&it, data, len);
	while (gi_lines_next(&it, &line, &off)) {
		t = gi_span_strip_log_prefix(strip_grep_prefix(line));
		if (!field_line(t, &key, &val)) {
			if (open && seen)
				gi_cap_commit(set, &g);
			open = false;
			continue;
		}
		if (gi_span_eq_ci(key, "Model")) {
			if (open && seen)
				gi_cap_commit(set, &g);
			gi_cap_init(&g, GI_CAPTURE_PROC, off);
			gi_cap_set_str(g.name, sizeof(g.name), val);
			open = true;
			/* "Model:" alone is too common a word to be a GPU */
			seen = false;
			continue;
		}
		if (!open)
			continue;
		if (gi_span_eq_ci(key, "Video BIOS")) {
			gi_cap_set_bios(&g, val);
			seen = true;
		} else if (gi_span_eq_ci(key, "Bus Location")) {
			seen |= gi_cap_set_address(&g, val);
		} else if (gi_span_eq_ci(key, "GPU UUID")) {
			gi_cap_set_str(g.uuid, sizeof(g.uuid), val);
			seen = true;
		} else if (gi_span_eq_ci(key, "Device Minor") ||
			   gi_span_eq_ci(key, "GPU Firmware")) {
			seen = true;
		}
	}
	if (open && seen)
		gi_cap_commit(set, &g);
}
