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
#include <stdlib.h>

#include "reader.h"

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

/* Records of the other nvidia-smi views that -L could be naming. */
static bool pairable(const struct gi_capture_gpu *c, const char *name)
{
	return c->address[0] && !c->uuid[0] && !strcmp(c->name, name) &&
	       (c->formats & ((1u << GI_CAPTURE_SMI_TABLE) |
			      (1u << GI_CAPTURE_SMI_CSV)));
}

/*
 * A paste often holds the table and -L of one machine: the table has the
 * addresses, -L the UUIDs, neither has the other's key. nvidia-smi lists
 * GPUs in the same (PCI bus) order in both, so when the paste has exactly
 * as many such records of a name as -L has GPUs of it, the k-th of each
 * is one GPU: -L's gets that address, and commits into it. Any other
 * count is left as it is: a guess could tie a UUID to the wrong card.
 */
static void pair_with_addresses(const struct gi_cap_set *set,
				struct gi_capture_gpu *l, unsigned int n)
{
	unsigned int i, j, k, same;
	int c, seen;

	for (i = 0; i < n; i++) {
		for (j = 0; j < i && strcmp(l[j].name, l[i].name); j++)
			;
		if (j < i)
			continue;	/* its name was dealt with */
		same = 0;
		for (j = i; j < n; j++)
			same += !strcmp(l[j].name, l[i].name);
		seen = 0;
		for (c = 0; c < set->n; c++)
			seen += pairable(&set->gpu[c], l[i].name);
		if ((unsigned int)seen != same)
			continue;
		for (j = i, c = 0, k = 0; j < n && k < same; j++) {
			if (strcmp(l[j].name, l[i].name))
				continue;
			while (!pairable(&set->gpu[c], l[i].name))
				c++;
			memcpy(l[j].address, set->gpu[c].address,
			       sizeof(l[j].address));
			c++;
			k++;
		}
	}
}

void gi_cap_read_smi_list(struct gi_cap_set *set, const char *data,
			  size_t len)
{
	struct gi_capture_gpu *l = calloc(GI_CAPTURE_MAX_GPUS, sizeof(*l));
	struct gi_span line, t, name, uuid;
	struct gi_capture_gpu g;
	struct gi_lines it;
	unsigned int n = 0, i;
	bool open = false;
	size_t off;

	gi_lines_init(&it, data, len);
	for (;;) {
		bool more = gi_lines_next(&it, &line, &off);

		t = more ? gi_span_trim(gi_span_strip_log_prefix(line)) : line;
		if (more && open && mig_line(t)) {
			g.facts.partitioned = true;
			continue;
		}
		/* anything else ends the GPU's MIG list */
		if (open) {
			if (l && n < GI_CAPTURE_MAX_GPUS)
				l[n++] = g;
			else
				gi_cap_commit(set, &g);
			open = false;
		}
		if (!more)
			break;
		if (gpu_line(t, &name, &uuid)) {
			gi_cap_init(&g, GI_CAPTURE_SMI_L, off);
			gi_span_copy(g.name, sizeof(g.name), name);
			gi_span_copy(g.uuid, sizeof(g.uuid), uuid);
			open = true;
		}
	}
	if (!l)
		return;
	pair_with_addresses(set, l, n);
	for (i = 0; i < n; i++)
		gi_cap_commit(set, &l[i]);
	free(l);
}
