// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * lspci text: the device line of plain, -n, -nn and -D output, and the
 * indented lines -v, -vv, -vvv and -k add below it (subsystem, regions,
 * link capability, resizable BAR, VPD). Only display-class devices (PCI
 * class 03xx) are GPUs. The device line itself is lspci_head.c's, as the
 * hexdump reader reads it too; the hex lines of lspci -x are hexdump.c's,
 * -mm and -vmm lspci_mm.c's. Also: lines a forum wrapped, device lines
 * inside an indented block, the second head of an old Intel IGP.
 */
#include "reader.h"
#include "gpuident/kb.h"

/* Is the line a hex-dump line of lspci -x ("00: de 10 ...")? */
static bool is_hex_line(struct gi_span line)
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
	char devname[128];	/* the device's name after its vendor's */
};

/* One indented line under a device line (-v, -vv, -vvv, -k). */
static void detail(struct dev *d, struct gi_span t)
{
	struct gi_capture_gpu *g = &d->g;
	struct gi_span key, val;
	u16 a, b;
	u32 mib;

	if (gi_span_starts_ci(t, "Subsystem:")) {
		if (gi_parse_last_id_pair(t, &a, &b, NULL))
			gi_cap_set_subsys(g, a, b);
		else
			gi_lspci_subsys_line(g, gi_span_sub(t, 10, t.n),
				    (struct gi_span){ d->devname,
						      strlen(d->devname) });
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

static bool start(struct dev *d, const struct gi_cap_set *set,
		  struct gi_span line, size_t off)
{
	struct gi_lspci_head h;
	struct gi_span devname = { NULL, 0 };
	u16 vendor;

	if (!gi_lspci_parse_head_cut(line, &h) || !h.has_class ||
	    (h.class_code >> 8) != 0x03)
		return false;
	if (h.has_addr && gi_lspci_second_head(set, h.domain, h.bus, h.dev,
					       h.fn, h.class_code))
		return false;
	gi_cap_init(&d->g, GI_CAPTURE_LSPCI, off);
	if (h.has_addr)
		gi_format_pci_addr(d->g.address, sizeof(d->g.address), h.domain,
				   h.bus, h.dev, h.fn);
	if (h.has_ids)
		gi_cap_set_ids(&d->g, h.vendor, h.device);
	/*
	 * Revision ff is no revision: a powered-off GPU (a laptop's, behind
	 * its IGP) answers all ones, while lspci takes vendor and device
	 * from the kernel's copy.
	 */
	if (h.has_rev && h.rev != 0xff) {
		d->g.facts.have |= GI_HAVE_REVISION;
		d->g.facts.revision = h.rev;
	}
	if (h.vendor_hint)
		d->g.vendor_hint = h.vendor_hint;
	/*
	 * The product name is the device's, after its vendor's: not the
	 * "[AMD/ATI]" of "Advanced Micro Devices, Inc. [AMD/ATI] Device".
	 */
	if (gi_lspci_split_vendor(h.desc, &vendor, &devname) &&
	    (!h.has_ids || vendor == h.vendor))
		gi_lspci_resolve_device(&d->g, vendor, devname);
	else
		gi_span_copy(d->g.name, sizeof(d->g.name), h.name);
	gi_span_copy(d->devname, sizeof(d->devname), devname);
	d->nvidia = (d->g.facts.have & GI_HAVE_IDS) ?
		    d->g.facts.vendor_id == GI_VENDOR_NVIDIA :
		    d->g.vendor_hint == GI_VENDOR_NVIDIA;
	d->bar1_from_region = false;
	d->in_vpd = false;
	return true;
}

/*
 * A device line a forum wrapped: "... UHD Graphics [8086:9" then
 * "bc4] (rev 05)", or "... [10de:1f99] " then "(rev a1)". The next line
 * continues it when it is not indented and either closes the '[' left
 * open or is the "(rev" part. Joined into @buf; false if it is not that.
 */
static bool join_wrapped(struct gi_span head, struct gi_span next, char *buf,
			 size_t size, struct gi_span *out)
{
	size_t i, open = 0, close = 0, n;
	bool space;

	if (!next.n || next.p[0] == ' ' || next.p[0] == '\t' ||
	    head.n + next.n + 1 > size)
		return false;
	for (i = 0; i < head.n; i++) {
		if (head.p[i] == '[')
			open = i + 1;
		else if (head.p[i] == ']')
			close = i + 1;
	}
	if (open > close) {
		/* the rest of the bracket: "bc4] (rev 05)" */
		for (i = 0; i < next.n && i < 12 && next.p[i] != ']'; i++)
			if (next.p[i] == '[' || next.p[i] == ' ')
				return false;
		if (i == next.n || i == 12)
			return false;
		space = false;
	} else if (gi_span_starts_ci(next, "(rev ") ||
		   gi_span_starts_ci(next, "(prog-if ")) {
		space = head.p[head.n - 1] != ' ';
	} else {
		return false;
	}
	memcpy(buf, head.p, head.n);
	n = head.n;
	if (space)
		buf[n++] = ' ';
	memcpy(buf + n, next.p, next.n);
	*out = (struct gi_span){ buf, n + next.n };
	return true;
}

/* A device line inside an indented block ends the device above it. */
static bool device_line(struct gi_span line)
{
	struct gi_lspci_head h;

	return gi_lspci_parse_head(line, &h) && h.has_addr;
}

void gi_cap_read_lspci(struct gi_cap_set *set, const char *data, size_t len)
{
	struct gi_span line, next, joined;
	struct gi_lines it;
	struct dev d = { .nvidia = false };
	bool open = false;
	char buf[512];
	size_t off;

	gi_lines_init(&it, data, len);
	while (gi_lines_next(&it, &line, &off)) {
		if (open && line.n && (line.p[0] == ' ' || line.p[0] == '\t') &&
		    !device_line(line)) {
			detail(&d, gi_span_trim(line));
			continue;
		}
		/* lspci -vx puts the hex lines inside the block */
		if (open && is_hex_line(line))
			continue;
		if (open) {
			gi_cap_commit(set, &d.g);
			open = false;
		}
		if (gi_lines_peek(&it, &next) && line.n && line.p[0] != ' ' &&
		    line.p[0] != '\t' && !device_line(next) &&
		    join_wrapped(line, next, buf, sizeof(buf), &joined) &&
		    start(&d, set, joined, off)) {
			gi_lines_next(&it, &next, NULL);
			open = true;
			continue;
		}
		/* with lspci -x, hexdump.c reads the dump below it */
		open = start(&d, set, line, off);
		/*
		 * A dump below a line without its address is a record of its
		 * own there, which nothing would merge with this one: it
		 * stands for both.
		 */
		if (open && !d.g.address[0] && gi_lines_peek(&it, &next) &&
		    is_hex_line(next))
			open = false;
	}
	if (open)
		gi_cap_commit(set, &d.g);
}
