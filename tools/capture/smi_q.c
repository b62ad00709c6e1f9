// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * `nvidia-smi -q` text. Each GPU is a "GPU 00000000:01:00.0" line followed
 * by indented "Key : value" lines and section headings; a key means
 * something only within its sections ("Total" under "FB Memory Usage" is
 * the memory, under a MIG device's "FB Memory Usage" it is a slice), so
 * the reader keeps the stack of open sections by indentation.
 */
#include "reader.h"

enum sec {
	SEC_OTHER,
	SEC_MIG_MODE,
	SEC_FB,
	SEC_BAR1,
	SEC_ECC_MODE,
	SEC_PCI,
	SEC_LINK_INFO,
	SEC_PCIE_GEN,
	SEC_LINK_WIDTH,
	SEC_VIRT,
};

static const struct {
	const char *name;
	enum sec sec;
} sections[] = {
	{ "MIG Mode", SEC_MIG_MODE },
	{ "FB Memory Usage", SEC_FB },
	{ "Memory Usage", SEC_FB },		/* drivers before 2013 */
	{ "BAR1 Memory Usage", SEC_BAR1 },
	{ "ECC Mode", SEC_ECC_MODE },		/* "Ecc Mode" in some drivers */
	{ "PCI", SEC_PCI },
	{ "GPU Link Info", SEC_LINK_INFO },
	{ "PCIe Generation", SEC_PCIE_GEN },
	{ "Link Width", SEC_LINK_WIDTH },
	{ "GPU Virtualization Mode", SEC_VIRT },
};

#define MAX_DEPTH 16

struct block {
	struct gi_capture_gpu g;
	size_t indent;			/* of the "GPU ..." line */
	unsigned int depth;
	struct {
		size_t indent;
		enum sec sec;
	} stack[MAX_DEPTH];
	bool gen_from_device;		/* "Device Max" seen: it wins */
};

static enum sec section_of(struct gi_span name)
{
	size_t i;

	for (i = 0; i < GI_ARRAY_SIZE(sections); i++)
		if (gi_span_eq_ci(name, sections[i].name))
			return sections[i].sec;
	return SEC_OTHER;
}

/* Is the open section path exactly @path (outermost first)? */
static bool at(const struct block *b, const enum sec *path, unsigned int n)
{
	unsigned int i;

	if (b->depth != n)
		return false;
	for (i = 0; i < n; i++)
		if (b->stack[i].sec != path[i])
			return false;
	return true;
}

#define AT(b, ...)							\
	at(b, (const enum sec[]){ __VA_ARGS__ },			\
	   sizeof((const enum sec[]){ __VA_ARGS__ }) / sizeof(enum sec))

static void pop_to(struct block *b, size_t indent)
{
	while (b->depth && b->stack[b->depth - 1].indent >= indent)
		b->depth--;
}

static void push(struct block *b, size_t indent, enum sec sec)
{
	/* absurd nesting: the deepest level only ever matches nothing */
	if (b->depth == MAX_DEPTH)
		b->depth--;
	b->stack[b->depth].indent = indent;
	b->stack[b->depth].sec = b->depth == MAX_DEPTH - 1 ? SEC_OTHER : sec;
	b->depth++;
}

/* "4" (generation) or "16x" (width: the 'x' shows the line is whole) */
static u8 small_number(struct gi_span v, bool width)
{
	size_t used;
	u64 x;

	v = gi_span_trim(v);
	if (!gi_parse_dec(v, &x, &used) || x > 255 ||
	    used + (width ? 1 : 0) != v.n || (width && v.p[used] != 'x'))
		return 0;
	return (u8)x;
}

static void top_level(struct gi_capture_gpu *g, struct gi_span key,
		      struct gi_span val)
{
	if (gi_span_eq_ci(key, "Product Name"))
		gi_cap_set_str(g->name, sizeof(g->name), val);
	else if (gi_span_eq_ci(key, "VBIOS Version"))
		gi_cap_set_bios(g, val);
	else if (gi_span_eq_ci(key, "Board Part Number"))
		gi_cap_set_part_number(g, val);
	else if (gi_span_eq_ci(key, "GPU Part Number"))
		gi_cap_set_str(g->gpu_part_number, sizeof(g->gpu_part_number), val);
	else if (gi_span_eq_ci(key, "Serial Number"))
		gi_cap_set_str(g->serial, sizeof(g->serial), val);
	else if (gi_span_eq_ci(key, "GPU UUID"))
		gi_cap_set_str(g->uuid, sizeof(g->uuid), val);
}

static void key_value(struct block *b, struct gi_span key, struct gi_span val)
{
	struct gi_capture_gpu *g = &b->g;
	u32 mib;

	if (AT(b)) {
		top_level(g, key, val);
	} else if (AT(b, SEC_PCI)) {
		if (gi_span_eq_ci(key, "Device Id"))
			gi_cap_set_smi_id_pair(g, val, false);
		else if (gi_span_eq_ci(key, "Sub System Id"))
			gi_cap_set_smi_id_pair(g, val, true);
		else if (gi_span_eq_ci(key, "Bus Id") && !g->address[0])
			gi_cap_set_address(g, val);
	} else if (AT(b, SEC_PCI, SEC_LINK_INFO, SEC_PCIE_GEN)) {
		/*
		 * "Max" is the link's (the lower of device and slot);
		 * "Device Max", where the driver shows it, is the GPU's own
		 * capability, which is what a card is judged by.
		 */
		if (gi_span_eq_ci(key, "Device Max") && small_number(val, false)) {
			g->facts.link_gen_max = 0;
			gi_cap_set_link_gen(g, small_number(val, false));
			b->gen_from_device = true;
		} else if (gi_span_eq_ci(key, "Max") && !b->gen_from_device) {
			gi_cap_set_link_gen(g, small_number(val, false));
		}
	} else if (AT(b, SEC_PCI, SEC_LINK_INFO, SEC_LINK_WIDTH)) {
		if (gi_span_eq_ci(key, "Max"))
			gi_cap_set_link_width(g, small_number(val, true));
	} else if (AT(b, SEC_FB)) {
		if (gi_span_eq_ci(key, "Total") && gi_parse_mib(val, &mib))
			gi_cap_set_vram(g, mib);
	} else if (AT(b, SEC_BAR1)) {
		if (gi_span_eq_ci(key, "Total") && gi_parse_mib(val, &mib))
			gi_cap_set_bar1(g, mib);
	} else if (AT(b, SEC_ECC_MODE)) {
		if (gi_span_eq_ci(key, "Current") && gi_span_eq_ci(val, "Enabled"))
			gi_cap_set_ecc(g, true);
		else if (gi_span_eq_ci(key, "Current") &&
			 gi_span_eq_ci(val, "Disabled"))
			gi_cap_set_ecc(g, false);
	} else if (AT(b, SEC_MIG_MODE)) {
		if (gi_span_eq_ci(key, "Current") && gi_span_eq_ci(val, "Enabled"))
			g->facts.partitioned = true;
	} else if (AT(b, SEC_VIRT)) {
		/* a vGPU (guest or host) is a slice; pass-through is whole */
		if (gi_span_eq_ci(key, "Virtualization Mode") &&
		    (gi_span_find_ci(val, "VGPU") >= 0 ||
		     gi_span_find_ci(val, "VSGA") >= 0))
			g->facts.partitioned = true;
	}
}

/* "GPU 00000000:01:00.0", nothing else on the line. */
static bool gpu_heading(struct gi_span t)
{
	struct gi_span a = gi_span_trim(gi_span_sub(t, 4, t.n));
	u8 bus, dev, fn;
	size_t used;
	u32 dom;

	return t.n > 4 && !memcmp(t.p, "GPU ", 4) &&
	       gi_parse_pci_addr(a, &dom, &bus, &dev, &fn, &used) &&
	       used == a.n;
}

void gi_cap_read_smi_q(struct gi_cap_set *set, const char *data, size_t len)
{
	struct gi_span line, t, key, val, driver = { NULL, 0 };
	struct gi_lines it;
	struct block b = { .indent = 0 };
	bool open = false;
	size_t off;

	gi_lines_init(&it, data, len);
	while (gi_lines_next(&it, &line, &off)) {
		size_t indent = gi_span_indent(line);

		t = gi_span_trim(line);
		if (!t.n)
			continue;
		if (open && indent > b.indent) {
			pop_to(&b, indent);
			if (gi_span_kv(t, &key, &val))
				key_value(&b, key, val);
			else
				push(&b, indent, section_of(t));
			continue;
		}
		if (open) {
			gi_cap_commit(set, &b.g);
			open = false;
		}
		/* the log header's driver version applies to the GPUs below */
		if (gi_span_kv(t, &key, &val) &&
		    gi_span_eq_ci(key, "Driver Version") && !gi_span_na(val))
			driver = val;
		if (gpu_heading(t)) {
			gi_cap_init(&b.g, GI_CAPTURE_SMI_Q, off);
			gi_cap_set_address(&b.g, gi_span_sub(t, 4, t.n));
			open = true;
			b.indent = indent;
			b.depth = 0;
			b.gen_from_device = false;
			if (driver.n)
				gi_span_copy(b.g.driver_version,
					     sizeof(b.g.driver_version), driver);
		}
	}
	/* a paste cut off in the middle of a GPU still tells what it showed */
	if (open)
		gi_cap_commit(set, &b.g);
}
