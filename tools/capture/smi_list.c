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

/* The length of "GPU 3: " at the start of @t; 0 if it does not start so. */
static size_t gpu_prefix(struct gi_span t)
{
	size_t used;
	u64 idx;

	if (!gi_span_starts_ci(t, "GPU ") ||
	    !gi_parse_dec(gi_span_sub(t, 4, t.n), &idx, &used) ||
	    !gi_span_starts_ci(gi_span_sub(t, 4 + used, t.n), ": "))
		return 0;
	return 4 + used + 2;
}

/*
 * "GPU 3: NAME (UUID: GPU-...)": the name and the UUID. A UUID its
 * author hid ("(UUID: <REDACTED>)", "(UUID: xxx)") still makes the line
 * -L's; @uuid is then empty. With @bare, the line may also be
 * "GPU 3: NAME" alone: PyTorch's collect_env prints -L so, UUIDs cut.
 */
static bool gpu_line(struct gi_span t, bool bare, struct gi_span *name,
		     struct gi_span *uuid)
{
	size_t head = gpu_prefix(t);
	long at;

	if (!head)
		return false;
	t = gi_span_sub(t, head, t.n);
	at = gi_span_find_ci(t, " (UUID: ");
	if (at < 0 && bare) {
		*name = gi_span_trim(t);
		*uuid = gi_span_sub(t, t.n, t.n);
		/* a name, not a sentence: no "(" or ":" in it */
		return name->n > 0 && !memchr(name->p, '(', name->n) &&
		       !memchr(name->p, ':', name->n);
	}
	/* the line must end in the UUID's ")" */
	if (at <= 0 || t.p[t.n - 1] != ')')
		return false;
	*name = gi_span_trim(gi_span_sub(t, 0, (size_t)at));
	*uuid = gi_span_trim(gi_span_sub(t, (size_t)at + 8, t.n - 1));
	/* a MIG device's UUID on a GPU line is no -L line */
	if (gi_span_starts_ci(*uuid, "MIG-"))
		return false;
	if (!gi_span_starts_ci(*uuid, "GPU-"))
		*uuid = gi_span_sub(*uuid, 0, 0);
	return name->n > 0;
}

/*
 * PyTorch's collect_env: "GPU models and configuration:" and then -L's
 * lines without UUIDs, or one GPU on the heading's own line. @rest gets
 * what follows the heading.
 */
static const char env_heading[] = "GPU models and configuration:";

static bool collect_env_heading(struct gi_span t, struct gi_span *rest)
{
	if (!gi_span_starts_ci(t, env_heading))
		return false;
	*rest = gi_span_trim(gi_span_sub(t, sizeof(env_heading) - 1, t.n));
	return true;
}

/* Where in @s the next " GPU N: " starts, or @s.n. */
static size_t next_gpu_item(struct gi_span s, size_t from)
{
	size_t i;

	for (i = from; i + 5 < s.n; i++)
		if (s.p[i] == ' ' && gpu_prefix(gi_span_sub(s, i + 1, s.n)))
			return i;
	return s.n;
}

/*
 * collect_env flattened into one line by a page that collapses
 * whitespace: "... GPU models and configuration: GPU 0: GRID A100-40C
 * Nvidia driver version: 535.154.05 ...". Its items end where the next
 * one starts, the last at "Nvidia driver version:". The -L lines as
 * gpu_line() reads them, one at a time, into @items (at most @max).
 */
static unsigned int collect_env_flat(struct gi_span line,
				     struct gi_span *items, unsigned int max)
{
	unsigned int n = 0;
	size_t from = 0, end;
	long at = gi_span_find_ci(line, env_heading);

	if (at <= 0)
		return 0;
	line = gi_span_sub(line, (size_t)at + sizeof(env_heading) - 1, line.n);
	at = gi_span_find_ci(line, "Nvidia driver version:");
	if (at < 0)
		return 0;
	line = gi_span_trim(gi_span_sub(line, 0, (size_t)at));
	while (from < line.n && n < max) {
		end = next_gpu_item(line, from);
		items[n++] = gi_span_trim(gi_span_sub(line, from, end));
		from = end + 1;
	}
	return n;
}

/* "MIG 1g.10gb Device 0: (UUID: MIG-...)" (older drivers: "MIG 1g.5gb Device 0: (UUID: MIG-GPU-.../7/0)") */
static bool mig_line(struct gi_span t)
{
	return gi_span_starts_ci(t, "MIG ") &&
	       gi_span_find_ci(t, " Device ") > 0 &&
	       gi_span_find_ci(t, "(UUID: MIG-") > 0;
}

/*
 * The device a record is: its IDs as read, else the one device its name
 * belongs to (gi_capture_name_to_id()); 0 if neither tells.
 */
static u32 device_key(const struct gi_capture_gpu *c)
{
	u16 v, d;

	if ((c->facts.have & ~c->inferred) & GI_HAVE_IDS)
		return (u32)c->facts.vendor_id << 16 | c->facts.device_id;
	if (c->name[0] && gi_capture_name_to_id(c->name, c->vendor_hint, &v, &d))
		return (u32)v << 16 | d;
	return 0;
}

/*
 * Records of the other nvidia-smi views that -L could be naming: by the
 * same name, or by the same device when lspci, read first, gave the
 * record its own name ("A100 SXM4 40GB" for "NVIDIA A100-SXM4-40GB").
 */
static bool pairable(const struct gi_capture_gpu *c, u32 ckey,
		     const char *name, u32 key)
{
	return c->address[0] && !c->uuid[0] &&
	       (!strcmp(c->name, name) || (key && ckey == key)) &&
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
	u32 *ckey = set->n ? calloc((size_t)set->n, sizeof(*ckey)) : NULL;
	unsigned int i, j, k, same;
	int c, seen;
	u32 key;

	if (!ckey)
		return;
	for (c = 0; c < set->n; c++)
		ckey[c] = device_key(&set->gpu[c]);
	for (i = 0; i < n; i++) {
		for (j = 0; j < i && strcmp(l[j].name, l[i].name); j++)
			;
		if (j < i)
			continue;	/* its name was dealt with */
		key = device_key(&l[i]);
		same = 0;
		for (j = i; j < n; j++)
			same += !strcmp(l[j].name, l[i].name);
		seen = 0;
		for (c = 0; c < set->n; c++)
			seen += pairable(&set->gpu[c], ckey[c], l[i].name, key);
		if ((unsigned int)seen != same)
			continue;
		for (j = i, c = 0, k = 0; j < n && k < same; j++) {
			if (strcmp(l[j].name, l[i].name))
				continue;
			while (!pairable(&set->gpu[c], ckey[c], l[i].name, key))
				c++;
			memcpy(l[j].address, set->gpu[c].address,
			       sizeof(l[j].address));
			c++;
			k++;
		}
	}
	free(ckey);
}

/*
 * `nvidia-smi nvlink -s` and `-c` print each GPU's -L line again: a GPU
 * already listed under its own UUID is not another one.
 */
static bool listed(struct gi_capture_gpu *l, unsigned int n,
		   const struct gi_capture_gpu *g)
{
	unsigned int i;

	if (!gi_cap_real_id(g->uuid))
		return false;
	for (i = 0; i < n; i++) {
		if (!strcmp(l[i].uuid, g->uuid)) {
			l[i].facts.partitioned |= g->facts.partitioned;
			return true;
		}
	}
	return false;
}

/*
 * Keep @g among the -L records @l (*@n of them), to be paired with the
 * paste's addresses, unless it repeats one of them; when there is no
 * room (or no @l), commit it as it is.
 */
static void keep(struct gi_cap_set *set, struct gi_capture_gpu *l,
		 unsigned int *n, const struct gi_capture_gpu *g)
{
	if (l && listed(l, *n, g))
		return;
	if (l && *n < GI_CAPTURE_MAX_GPUS)
		l[(*n)++] = *g;
	else
		gi_cap_commit(set, g);
}

void gi_cap_read_smi_list(struct gi_cap_set *set, const char *data,
			  size_t len)
{
	struct gi_capture_gpu *l = calloc(GI_CAPTURE_MAX_GPUS, sizeof(*l));
	struct gi_span line, t, name, uuid;
	struct gi_capture_gpu g;
	struct gi_lines it;
	unsigned int n = 0, i;
	bool open = false, env = false;
	struct gi_span rest, items[16];
	unsigned int flat;
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
			keep(set, l, &n, &g);
			open = false;
		}
		if (!more)
			break;
		flat = collect_env_flat(t, items, GI_ARRAY_SIZE(items));
		for (i = 0; i < flat; i++) {
			if (!gpu_line(items[i], true, &name, &uuid))
				continue;
			gi_cap_init(&g, GI_CAPTURE_SMI_L, off);
			gi_span_copy(g.name, sizeof(g.name), name);
			keep(set, l, &n, &g);
		}
		if (flat)
			continue;
		/* collect_env's GPU lines follow its heading, and end with them */
		if (collect_env_heading(t, &rest)) {
			env = true;
			t = rest;
		}
		if (gpu_line(t, env, &name, &uuid)) {
			gi_cap_init(&g, GI_CAPTURE_SMI_L, off);
			gi_span_copy(g.name, sizeof(g.name), name);
			gi_span_copy(g.uuid, sizeof(g.uuid), uuid);
			open = true;
		} else if (t.n) {
			env = false;
		}
	}
	if (!l)
		return;
	pair_with_addresses(set, l, n);
	for (i = 0; i < n; i++)
		gi_cap_commit(set, &l[i]);
	free(l);
}
