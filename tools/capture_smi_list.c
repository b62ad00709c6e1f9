// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * `nvidia-smi -L`, one line a GPU and, under a GPU in MIG mode, one line
 * a MIG device:
 *
 *   GPU 0: NVIDIA H20 (UUID: GPU-2f815c32-768d-d782-1073-db01d7b90215)
 *     MIG 3g.48gb     Device  0: (UUID: MIG-e76cc178-e1f3-5596-a9e1-84fa6bffa030)
 *
 * Name and UUID only: everything else is in the format's not_shown, and
 * the name is mapped to a device ID through the knowledge base. A GPU
 * with MIG devices under it is partitioned, as the table's "Enabled" MIG
 * column and smi -q's MIG mode say: its memory is shared out, so its
 * size is no longer the card's to compare.
 */
#include "capture.h"

/* "GPU 3: NAME (UUID: GPU-...)": the name and the UUID. */
static bool gpu_line(struct gi_span t, struct gi_span *name,
		     struct gi_span *uuid)
{
	size_t used;
	long at;
	u64 idx;

	if (!gi_span_starts_ci(t, "GPU ") ||
	    !gi_parse_dec(gi_span_sub(t, 4, t.n), &idx, &used) ||
	    4 + used + 2 > t.n || t.p[4 + used] != ':' ||
	    t.p[4 + used + 1] != ' ')
		return false;
	t = gi_span_sub(t, 4 + used + 2, t.n);
	at = gi_span_find_ci(t, " (UUID: ");
	/* the line must end in the UUID's ")" */
	if (at <= 0 || t.p[t.n - 1] != ')')
		return false;
	*name = gi_span_trim(gi_span_sub(t, 0, (size_t)at));
	*uuid = gi_span_trim(gi_span_sub(t, (size_t)at + 8, t.n - 1));
	return name->n > 0 && gi_span_starts_ci(*uuid, "GPU-");
}

/* "MIG 1g.10gb Device 0: (UUID: MIG-...)" (older drivers: "MIG 1g.5gb Device 0: (UUID: MIG-GPU-.../7/0)") */
static bool mig_line(struct gi_span t)
{
	return gi_span_starts_ci(t, "MIG ") &&
	       gi_span_find_ci(t, " Device ") > 0 &&
	       gi_span_find_ci(t, "(UUID: MIG-") > 0;
}

void gi_cap_read_smi_list(struct gi_cap_set *set, const char *data,
			  size_t len)
{
	struct gi_span line, t, name, uuid;
	struct gi_capture_gpu g;
	struct gi_lines it;
	bool open = false;
	size_t off;

	gi_lines_init(&it, data, len);
	while (gi_lines_next(&it, &line, &off)) {
		t = gi_span_trim(gi_span_strip_log_prefix(line));
		if (gpu_line(t, &name, &uuid)) {
			if (open)
				gi_cap_commit(set, &g);
			gi_cap_init(&g, GI_CAPTURE_SMI_L, off);
			gi_span_copy(g.name, sizeof(g.name), name);
			gi_span_copy(g.uuid, sizeof(g.uuid), uuid);
			open = true;
		} else if (open && mig_line(t)) {
			g.facts.partitioned = true;
		} else if (open) {
			/* anything else ends the GPU's MIG list */
			gi_cap_commit(set, &g);
			open = false;
		}
	}
	if (open)
		gi_cap_commit(set, &g);
}
