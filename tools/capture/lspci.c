// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * lspci text: the device line of plain, -n, -nn and -D output, and the
 * indented lines -v, -vv, -vvv and -k add below it (subsystem, regions,
 * link capability, resizable BAR, VPD). Only display-class devices (PCI
 * class 03xx) are GPUs. The hex lines of lspci -x are hexdump.c's.
 */
#include "reader.h"
#include "gpuident/kb.h"

/* "[10de:2684]" at @s[i] (the '['); false if not that exact shape. */
static bool id_pair(struct gi_span s, size_t i, u16 *a, u16 *b)
{
	u32 x, y;

	if (s.n - i < 11 || s.p[i] != '[' || s.p[i + 5] != ':' ||
	    s.p[i + 10] != ']')
		return false;
	if (!gi_parse_hex(gi_span_sub(s, i + 1, i + 5), 4, &x) ||
	    !gi_parse_hex(gi_span_sub(s, i + 6, i + 10), 4, &y))
		return false;
	*a = (u16)x;
	*b = (u16)y;
	return true;
}

/* The last "[xxxx:xxxx]" in @s; its offset in *at. */
static bool last_id_pair(struct gi_span s, u16 *a, u16 *b, size_t *at)
{
	size_t i;

	for (i = s.n; i-- > 0;) {
		if (s.p[i] == '[' && id_pair(s, i, a, b)) {
			if (at)
				*at = i;
			return true;
		}
	}
	return false;
}

static const struct {
	const char *name;
	u16 class_code;
} display_classes[] = {
	{ "VGA compatible controller", 0x0300 },
	{ "XGA compatible controller", 0x0301 },
	{ "3D controller", 0x0302 },
	{ "Display controller", 0x0380 },
};

static const struct {
	const char *prefix;
	u16 vendor;
} vendor_names[] = {
	{ "NVIDIA Corporation", GI_VENDOR_NVIDIA },
	{ "Advanced Micro Devices", GI_VENDOR_AMD },
	{ "ATI Technologies", GI_VENDOR_AMD },
	{ "Intel Corporation", GI_VENDOR_INTEL },
};

/* The class part before the first ": ", e.g. "VGA compatible controller [0300]". */
static void parse_class(struct gi_span c, struct gi_lspci_head *h)
{
	u32 v;
	size_t i;

	c = gi_span_trim(c);
	/* -n: "0300" */
	if (c.n == 4 && gi_parse_hex(c, 4, &v)) {
		h->has_class = true;
		h->class_code = (u16)v;
		return;
	}
	/* -nn: "... [0300]" */
	if (c.n >= 6 && c.p[c.n - 1] == ']' && c.p[c.n - 6] == '[' &&
	    gi_parse_hex(gi_span_sub(c, c.n - 5, c.n - 1), 4, &v)) {
		h->has_class = true;
		h->class_code = (u16)v;
		return;
	}
	for (i = 0; i < GI_ARRAY_SIZE(display_classes); i++) {
		if (gi_span_eq_ci(c, display_classes[i].name)) {
			h->has_class = true;
			h->class_code = display_classes[i].class_code;
			return;
		}
	}
}

/* "(rev a1)" anywhere in @s. */
static void parse_rev(struct gi_span s, struct gi_lspci_head *h)
{
	long at = gi_span_find_ci(s, "(rev ");
	u32 v;

	if (at < 0 || (size_t)at + 8 > s.n || s.p[at + 7] != ')')
		return;
	if (gi_parse_hex(gi_span_sub(s, (size_t)at + 5, (size_t)at + 7), 2, &v)) {
		h->has_rev = true;
		h->rev = (u8)v;
	}
}

/*
 * The product name of "NVIDIA Corporation AD102 [GeForce RTX 4090]": the
 * last bracketed part that is not an ID. None when pci.ids has no name
 * ("NVIDIA Corporation Device").
 */
static void parse_name(struct gi_span s, struct gi_lspci_head *h)
{
	size_t close, open;

	for (close = s.n; close-- > 0;) {
		if (s.p[close] != ']')
			continue;
		for (open = close; open-- > 0 && s.p[open] != '[';)
			;
		if (open >= close)	/* wrapped: no '[' */
			return;
		if (close - open == 10 && s.p[open + 5] == ':') {
			close = open;	/* an ID pair: keep looking left */
			continue;
		}
		h->name = gi_span_trim(gi_span_sub(s, open + 1, close));
		return;
	}
}

bool gi_lspci_parse_head(struct gi_span line, struct gi_lspci_head *h)
{
	struct gi_span rest, cls, desc;
	const char *colon;
	size_t used, i, at;

	memset(h, 0, sizeof(*h));
	if (!line.n || line.p[0] == ' ' || line.p[0] == '\t')
		return false;
	if (!gi_parse_pci_addr(line, &h->domain, &h->bus, &h->dev, &h->fn, &used) ||
	    used >= line.n || line.p[used] != ' ')
		return false;
	rest = gi_span_sub(line, used + 1, line.n);
	/* the class ends at the first ": " (an ID pair has no space after ':') */
	for (colon = NULL, i = 0; i + 1 < rest.n; i++) {
		if (rest.p[i] == ':' && rest.p[i + 1] == ' ') {
			colon = rest.p + i;
			break;
		}
	}
	if (!colon)
		return false;
	cls = gi_span_sub(rest, 0, (size_t)(colon - rest.p));
	desc = gi_span_trim(gi_span_sub(rest, (size_t)(colon - rest.p) + 2, rest.n));
	parse_class(cls, h);
	parse_rev(desc, h);
	/* the description ends where "(rev" or "(prog-if" begins */
	{
		long r = gi_span_find_ci(desc, " (rev ");
		long p = gi_span_find_ci(desc, " (prog-if ");

		if (r >= 0)
			desc = gi_span_sub(desc, 0, (size_t)r);
		else if (p >= 0)
			desc = gi_span_sub(desc, 0, (size_t)p);
	}
	if (last_id_pair(desc, &h->vendor, &h->device, &at)) {
		h->has_ids = true;
		desc = gi_span_trim(gi_span_sub(desc, 0, at));
	} else if (desc.n == 9 && desc.p[4] == ':') {
		/* -n: "10de:2684" */
		u32 v, d;

		if (gi_parse_hex(gi_span_sub(desc, 0, 4), 4, &v) &&
		    gi_parse_hex(gi_span_sub(desc, 5, 9), 4, &d)) {
			h->has_ids = true;
			h->vendor = (u16)v;
			h->device = (u16)d;
		}
	}
	for (i = 0; i < GI_ARRAY_SIZE(vendor_names); i++)
		if (gi_span_starts_ci(desc, vendor_names[i].prefix))
			h->vendor_hint = vendor_names[i].vendor;
	parse_name(desc, h);
	return h->has_class || h->has_ids;
}

bool gi_lspci_is_hex_line(struct gi_span line)
{
	size_t i = 0, digits;

	while (i < line.n && gi_hexval(line.p[i]) >= 0)
		i++;
	digits = i;
	/* "00: de 10 84 26 ..." up to "ff0: ..." */
	return digits >= 2 && digits <= 3 && i + 3 < line.n && line.p[i] == ':' &&
	       line.p[i + 1] == ' ' && gi_hexval(line.p[i + 2]) >= 0 &&
	       gi_hexval(line.p[i + 3]) >= 0;
}

/* "[size=32G]" in @s, in MiB; 0 if absent or under 1 MiB. */
static u32 region_size(struct gi_span s)
{
	long at = gi_span_find_ci(s, "[size=");
	size_t used;
	u64 v;

	if (at < 0)
		return 0;
	s = gi_span_sub(s, (size_t)at + 6, s.n);
	if (!gi_parse_dec(s, &v, &used) || used >= s.n || v > 0xffffff)
		return 0;
	switch (s.p[used]) {
	case 'M':
		return (u32)v;
	case 'G':
		return (u32)(v * 1024);
	case 'T':
		return v <= 4095 ? (u32)(v * 1024 * 1024) : 0;
	default:
		return 0;
	}
}

/* "Speed 16GT/s, Width x16" */
static void link_cap(struct gi_span v, struct gi_capture_gpu *g)
{
	static const struct {
		const char *speed;
		u8 gen;
	} speeds[] = {
		{ "Speed 2.5GT/s", 1 }, { "Speed 5GT/s", 2 }, { "Speed 8GT/s", 3 },
		{ "Speed 16GT/s", 4 }, { "Speed 32GT/s", 5 }, { "Speed 64GT/s", 6 },
	};
	long at = gi_span_find_ci(v, "Width x");
	size_t i, used;
	u64 w;

	for (i = 0; i < GI_ARRAY_SIZE(speeds); i++)
		if (gi_span_find_ci(v, speeds[i].speed) >= 0)
			gi_cap_set_link_gen(g, speeds[i].gen);
	/* ", ASPM ..." always follows: without it the line was cut short */
	if (at >= 0 && gi_parse_dec(gi_span_sub(v, (size_t)at + 7, v.n), &w, &used) &&
	    w <= 32 && (size_t)at + 7 + used < v.n && v.p[at + 7 + used] == ',')
		gi_cap_set_link_width(g, (u8)w);
}

struct dev {
	struct gi_capture_gpu g;
	bool nvidia;
	bool bar1_from_region;
	bool in_vpd;
};

/* One indented line under a device line (-v, -vv, -vvv, -k). */
static void detail(struct dev *d, struct gi_span t)
{
	struct gi_capture_gpu *g = &d->g;
	struct gi_span key, val;
	u16 a, b;
	u32 mib;

	if (gi_span_starts_ci(t, "Subsystem:")) {
		if (last_id_pair(t, &a, &b, NULL))
			gi_cap_set_subsys(g, a, b);
		return;
	}
	if (gi_span_starts_ci(t, "Capabilities:")) {
		d->in_vpd = gi_span_find_ci(t, "Vital Product Data") >= 0;
		if (gi_span_find_ci(t, "Resizable BAR") >= 0)
			g->rebar = true;
		return;
	}
	/*
	 * NVIDIA's BAR1 (the framebuffer aperture) is Region 1 in -vv; -v
	 * lists regions without numbers, and BAR1 is the first prefetchable
	 * one (BAR0 is 32-bit non-prefetchable).
	 */
	if (d->nvidia && gi_span_starts_ci(t, "Region 1:") &&
	    gi_span_find_ci(t, "Memory at") >= 0) {
		mib = region_size(t);
		if (mib) {
			g->facts.bar1_mib = 0;
			gi_cap_set_bar1(g, mib);
			d->bar1_from_region = true;
		}
		return;
	}
	if (d->nvidia && gi_span_starts_ci(t, "Memory at") &&
	    gi_span_find_ci(t, "non-prefetchable") < 0 &&
	    gi_span_find_ci(t, "prefetchable") >= 0 &&
	    !(g->facts.have & GI_HAVE_BAR1)) {
		gi_cap_set_bar1(g, region_size(t));
		return;
	}
	/* "BAR 1: current size: 32GB, supported: ..." (resizable BAR) */
	if (d->nvidia && gi_span_starts_ci(t, "BAR 1: current size:") &&
	    !d->bar1_from_region && !(g->facts.have & GI_HAVE_BAR1)) {
		struct gi_span v = gi_span_trim(gi_span_sub(t, 20, t.n));
		size_t used;
		u64 x;

		if (gi_parse_dec(v, &x, &used) && x <= 0xffffff && used + 1 < v.n) {
			if (v.p[used] == 'M')
				gi_cap_set_bar1(g, (u32)x);
			else if (v.p[used] == 'G')
				gi_cap_set_bar1(g, (u32)(x * 1024));
		}
		return;
	}
	if (!gi_span_kv(t, &key, &val))
		return;
	if (gi_span_eq_ci(key, "LnkCap")) {
		link_cap(val, g);
	} else if (d->in_vpd && gi_span_eq_ci(key, "[PN] Part number")) {
		gi_cap_set_part_number(g, val);
	} else if (d->in_vpd && gi_span_eq_ci(key, "[SN] Serial number")) {
		gi_cap_set_str(g->serial, sizeof(g->serial), val);
	} else if (d->in_vpd && gi_span_eq_ci(key, "Product Name") && !g->name[0]) {
		gi_cap_set_str(g->name, sizeof(g->name), val);
	}
}

static bool start(struct dev *d, struct gi_span line, size_t off)
{
	struct gi_lspci_head h;

	if (!gi_lspci_parse_head(line, &h) || !h.has_class ||
	    (h.class_code >> 8) != 0x03)
		return false;
	gi_cap_init(&d->g, GI_CAPTURE_LSPCI, off);
	gi_format_pci_addr(d->g.address, sizeof(d->g.address), h.domain, h.bus,
			   h.dev, h.fn);
	if (h.has_ids)
		gi_cap_set_ids(&d->g, h.vendor, h.device);
	if (h.has_rev) {
		d->g.facts.have |= GI_HAVE_REVISION;
		d->g.facts.revision = h.rev;
	}
	if (h.vendor_hint)
		d->g.vendor_hint = h.vendor_hint;
	gi_span_copy(d->g.name, sizeof(d->g.name), h.name);
	d->nvidia = h.has_ids ? h.vendor == GI_VENDOR_NVIDIA :
		    h.vendor_hint == GI_VENDOR_NVIDIA;
	d->bar1_from_region = false;
	d->in_vpd = false;
	return true;
}

void gi_cap_read_lspci(struct gi_cap_set *set, const char *data, size_t len)
{
	struct gi_span line;
	struct gi_lines it;
	struct dev d = { .nvidia = false };
	bool open = false;
	size_t off;

	gi_lines_init(&it, data, len);
	while (gi_lines_next(&it, &line, &off)) {
		if (open && line.n && (line.p[0] == ' ' || line.p[0] == '\t')) {
			detail(&d, gi_span_trim(line));
			continue;
		}
		/* lspci -vx puts the hex lines inside the block */
		if (open && gi_lspci_is_hex_line(line))
			continue;
		if (open) {
			gi_cap_commit(set, &d.g);
			open = false;
		}
		/* with lspci -x, hexdump.c reads the dump below it */
		open = start(&d, line, off);
	}
	if (open)
		gi_cap_commit(set, &d.g);
}
