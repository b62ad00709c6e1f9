// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * lspci's device line ("01:00.0 VGA compatible controller [0300]: NVIDIA
 * Corporation AD102 [GeForce RTX 4090] [10de:2684] (rev a1)") in its
 * plain, -n, -nn and -D forms: address, class, IDs, revision, the vendor
 * its name implies and the product name; also indented, after an "IOMMU
 * Group 21 " prefix, with a bus that lost a digit, or without its address.
 * Shared by the lspci readers (lspci.c, lspci_mm.c) and the hexdump
 * reader, which takes a dump's address and name from the device line
 * lspci -x prints above it.
 *
 * Without -n, lspci shows names: the vendor's, and the device's when
 * pci.ids has one ("Device 2684" when not: the ID itself). The names go
 * back to IDs through the GPU makers' names built in here and the hook
 * the tool sets (gi_capture_set_names()); so do the subsystem's.
 */
#include "reader.h"
#include "gpuident/kb.h"

static const struct {
	const char *name;
	u16 class_code;
} display_classes[] = {
	{ "VGA compatible controller", 0x0300 },
	{ "XGA compatible controller", 0x0301 },
	{ "3D controller", 0x0302 },
	{ "Display controller", 0x0380 },
};

static const struct gi_capture_names *names_hook;

void gi_capture_set_names(const struct gi_capture_names *names)
{
	names_hook = names;
}

/*
 * The GPU makers' vendor names as pci.ids has spelt them over the years
 * (lspci of 2004 says "nVidia Corporation", of 2008 "ATI Technologies
 * Inc"); exact names, so that AMD's CPU vendor (1022) is not AMD's GPUs.
 */
static const struct {
	const char *name;
	u16 vendor;
} gpu_vendors[] = {
	{ "NVIDIA Corporation", GI_VENDOR_NVIDIA },
	{ "Advanced Micro Devices, Inc. [AMD/ATI]", GI_VENDOR_AMD },
	{ "Advanced Micro Devices [AMD] nee ATI", GI_VENDOR_AMD },
	{ "ATI Technologies Inc", GI_VENDOR_AMD },
	{ "Advanced Micro Devices, Inc. [AMD]", 0x1022 },
	{ "Advanced Micro Devices [AMD]", 0x1022 },
	{ "Intel Corporation", GI_VENDOR_INTEL },
};

/* Longest names tried through the hook when a line does not split them. */
#define VENDOR_NAME_MAX	96
#define VENDOR_NAME_WORDS 10

bool gi_lspci_vendor_id(struct gi_span name, u16 *vendor)
{
	char buf[VENDOR_NAME_MAX + 1];
	size_t i;

	name = gi_span_trim(name);
	for (i = 0; i < GI_ARRAY_SIZE(gpu_vendors); i++) {
		if (gi_span_eq_ci(name, gpu_vendors[i].name)) {
			*vendor = gpu_vendors[i].vendor;
			return true;
		}
	}
	if (!names_hook || !names_hook->vendor_id || !name.n ||
	    name.n > VENDOR_NAME_MAX)
		return false;
	gi_span_copy(buf, sizeof(buf), name);
	return names_hook->vendor_id(buf, vendor);
}

/*
 * "VENDOR REST" with nothing between the two names: the longest leading
 * words (at most VENDOR_NAME_WORDS) that name a vendor.
 */
bool gi_lspci_split_vendor(struct gi_span s, u16 *vendor, struct gi_span *rest)
{
	unsigned int words = 0;
	bool found = false;
	size_t i;
	u16 v;

	s = gi_span_trim(s);
	for (i = 1; i < s.n && i <= VENDOR_NAME_MAX && words < VENDOR_NAME_WORDS;
	     i++) {
		if (s.p[i] != ' ' || s.p[i - 1] == ' ')
			continue;
		words++;
		if (gi_lspci_vendor_id(gi_span_sub(s, 0, i), &v)) {
			*vendor = v;
			*rest = gi_span_trim(gi_span_sub(s, i, s.n));
			found = true;
		}
	}
	return found;
}

bool gi_lspci_device_word(struct gi_span s, u16 *id)
{
	u32 v;

	s = gi_span_trim(s);
	if (gi_span_starts_ci(s, "Unknown device "))
		s = gi_span_sub(s, 15, s.n);
	else if (gi_span_starts_ci(s, "Device "))
		s = gi_span_sub(s, 7, s.n);
	else
		return false;
	/* -nn puts it in brackets: "Device [1002:1681]" is the ID pair's */
	if (s.n != 4 || !gi_parse_hex(s, 4, &v))
		return false;
	*id = (u16)v;
	return true;
}

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
bool gi_lspci_class(struct gi_span c, u16 *class_code)
{
	u32 v;
	size_t i;

	c = gi_span_trim(c);
	/* -n: "0300" */
	if (c.n == 4 && gi_parse_hex(c, 4, &v)) {
		*class_code = (u16)v;
		return true;
	}
	/* -nn: "... [0300]" */
	if (c.n >= 6 && c.p[c.n - 1] == ']' && c.p[c.n - 6] == '[' &&
	    gi_parse_hex(gi_span_sub(c, c.n - 5, c.n - 1), 4, &v)) {
		*class_code = (u16)v;
		return true;
	}
	for (i = 0; i < GI_ARRAY_SIZE(display_classes); i++) {
		if (gi_span_eq_ci(c, display_classes[i].name)) {
			*class_code = display_classes[i].class_code;
			return true;
		}
	}
	return false;
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

struct gi_span gi_lspci_product(struct gi_span devname)
{
	struct gi_lspci_head h;
	u16 id;

	memset(&h, 0, sizeof(h));
	devname = gi_span_trim(devname);
	parse_name(devname, &h);
	if (h.name.n)
		return h.name;
	/* "Device 2684", and "Device" before an -nn ID pair: no name */
	if (gi_lspci_device_word(devname, &id) ||
	    gi_span_eq_ci(devname, "Device") ||
	    gi_span_eq_ci(devname, "Unknown device"))
		return (struct gi_span){ devname.p, 0 };
	return devname;
}

/*
 * What may stand before a device line: indentation (a wiki's or a
 * script's), and the "IOMMU Group 21 " of the scripts that list the
 * groups for passthrough ("IOMMU Group 21 0a:00.0 VGA compatible ...").
 */
static struct gi_span strip_lead(struct gi_span s)
{
	size_t i;

	s = gi_span_trim(s);
	if (!gi_span_starts_ci(s, "IOMMU Group "))
		return s;
	for (i = 12; i < s.n && s.p[i] >= '0' && s.p[i] <= '9' && i < 18; i++)
		;
	if (i == 12)
		return s;
	if (i < s.n && s.p[i] == ':')
		i++;
	return gi_span_trim(gi_span_sub(s, i, s.n));
}

/*
 * The address at the start of a device line; also "0:02.0", a bus that
 * lost a digit in a paste (the class after it still has to follow).
 */
static bool head_addr(struct gi_span s, struct gi_lspci_head *h, size_t *used)
{
	char buf[16];
	size_t n;

	if (gi_parse_pci_addr(s, &h->domain, &h->bus, &h->dev, &h->fn, used))
		return true;
	if (s.n < 6 || gi_hexval(s.p[0]) < 0 || s.p[1] != ':')
		return false;
	n = s.n < sizeof(buf) - 2 ? s.n : sizeof(buf) - 2;
	buf[0] = '0';
	memcpy(buf + 1, s.p, n);
	if (!gi_parse_pci_addr((struct gi_span){ buf, n + 1 }, &h->domain,
			       &h->bus, &h->dev, &h->fn, used) || *used < 2)
		return false;
	(*used)--;
	return true;
}

static bool parse_head(struct gi_span line, struct gi_lspci_head *h,
		       bool cut_address)
{
	struct gi_span rest, cls, desc;
	const char *colon;
	size_t used, i, at;

	memset(h, 0, sizeof(*h));
	line = strip_lead(line);
	if (!line.n)
		return false;
	if (head_addr(line, h, &used)) {
		if (used >= line.n || line.p[used] != ' ')
			return false;
		h->has_addr = true;
		rest = gi_span_sub(line, used + 1, line.n);
	} else if (cut_address) {
		/* a class-first line ("VGA compatible controller [0300]: ...") */
		rest = line;
	} else {
		return false;
	}
	/* -mm quotes its fields: lspci_mm.c */
	if (rest.n && rest.p[0] == '"')
		return false;
	/* the class ends at the first ": " (an ID pair has no space after ':') */
	for (colon = NULL, i = 0; i + 1 < rest.n && i < 96; i++) {
		if (rest.p[i] == ':' && rest.p[i + 1] == ' ') {
			colon = rest.p + i;
			break;
		}
	}
	if (!colon)
		return false;
	cls = gi_span_sub(rest, 0, (size_t)(colon - rest.p));
	h->has_class = gi_lspci_class(cls, &h->class_code);
	/* without an address, only a class lspci prints says it is lspci's */
	if (!h->has_addr && !h->has_class)
		return false;
	desc = gi_span_trim(gi_span_sub(rest, (size_t)(colon - rest.p) + 2, rest.n));
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
	if (gi_parse_last_id_pair(desc, &h->vendor, &h->device, &at)) {
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
			desc.n = 0;
		}
	}
	for (i = 0; i < GI_ARRAY_SIZE(vendor_names); i++)
		if (gi_span_starts_ci(desc, vendor_names[i].prefix))
			h->vendor_hint = vendor_names[i].vendor;
	parse_name(desc, h);
	h->desc = desc;
	return h->has_class || h->has_ids;
}

bool gi_lspci_parse_head(struct gi_span line, struct gi_lspci_head *h)
{
	return parse_head(line, h, false);
}

bool gi_lspci_parse_head_cut(struct gi_span line, struct gi_lspci_head *h)
{
	return parse_head(line, h, true);
}

void gi_lspci_resolve_device(struct gi_capture_gpu *g, u16 vendor,
			     struct gi_span devname)
{
	char buf[128];
	u16 id;

	devname = gi_span_trim(devname);
	g->vendor_hint = vendor;
	if (!g->name[0])
		gi_span_copy(g->name, sizeof(g->name), gi_lspci_product(devname));
	if (g->facts.have & GI_HAVE_IDS)
		return;
	if (gi_lspci_device_word(devname, &id)) {
		/* the ID itself: pci.ids had no name for it */
		gi_cap_set_ids(g, vendor, id);
		return;
	}
	if (!names_hook || !names_hook->device_id || !devname.n ||
	    devname.n >= sizeof(buf))
		return;
	gi_span_copy(buf, sizeof(buf), devname);
	switch (names_hook->device_id(vendor, buf, &id)) {
	case 0:		/* the KB's names may still know it */
		return;
	case 1:
		break;
	default:
		g->name_shared = true;
		return;
	}
	/*
	 * pci.ids gives one ID a name, but the capture's pci.ids may not be
	 * this system's: as an identity from the name, facts that contradict
	 * it never make it a relabelled card.
	 */
	gi_cap_set_ids(g, vendor, id);
	g->facts.ids_from_name = true;
	g->inferred |= GI_HAVE_IDS;
}

static bool same_text(struct gi_span a, struct gi_span b)
{
	size_t i;

	if (a.n != b.n)
		return false;
	for (i = 0; i < a.n; i++)
		if ((a.p[i] | 0x20) != (b.p[i] | 0x20))
			return false;
	return true;
}

/* The subsystem ID of board @sdevice by @ssvid, or false. */
static bool subsys_id(const struct gi_capture_gpu *g, u16 ssvid,
		      struct gi_span sdevice, struct gi_span devname, u16 *ssid)
{
	char buf[128];

	sdevice = gi_span_trim(sdevice);
	if (gi_lspci_device_word(sdevice, ssid))
		return true;
	/*
	 * Named like the device itself: lspci says so when the subsystem is
	 * the device's own IDs, and udev's hwdb answers the device's name for
	 * any board pci.ids does not list ("ASUSTeK Computer Inc. GA107M
	 * [GeForce RTX 3050 Mobile]"): no ID in it.
	 */
	if (!sdevice.n || same_text(sdevice, devname))
		return false;
	if (!(g->facts.have & GI_HAVE_IDS) || !names_hook ||
	    !names_hook->subsystem_id || sdevice.n >= sizeof(buf))
		return false;
	gi_span_copy(buf, sizeof(buf), sdevice);
	return names_hook->subsystem_id(g->facts.vendor_id, g->facts.device_id,
					ssvid, buf, ssid);
}

void gi_lspci_resolve_subsys(struct gi_capture_gpu *g, struct gi_span svendor,
			     struct gi_span sdevice, struct gi_span devname)
{
	u16 ssvid, ssid;

	if ((g->facts.have & GI_HAVE_SUBSYS) ||
	    !gi_lspci_vendor_id(svendor, &ssvid) ||
	    !subsys_id(g, ssvid, sdevice, devname, &ssid))
		return;
	gi_cap_set_subsys(g, ssvid, ssid);
}

void gi_lspci_subsys_line(struct gi_capture_gpu *g, struct gi_span v,
			struct gi_span devname)
{
	u16 ssvid, ssid;
	struct gi_span rest;
	long at;

	v = gi_span_trim(v);
	/* the board pci.ids has no name for: its ID is there */
	at = gi_span_find_ci(v, " Unknown device ");
	if (at < 0 && v.n > 12 && gi_span_eq_ci(gi_span_sub(v, v.n - 12, v.n - 4),
						" Device "))
		at = (long)(v.n - 12);
	if (at > 0 && gi_lspci_device_word(gi_span_sub(v, (size_t)at, v.n), &ssid)) {
		if (gi_lspci_vendor_id(gi_span_sub(v, 0, (size_t)at), &ssvid))
			gi_cap_set_subsys(g, ssvid, ssid);
		return;
	}
	if (gi_lspci_split_vendor(v, &ssvid, &rest) &&
	    subsys_id(g, ssvid, rest, devname, &ssid))
		gi_cap_set_subsys(g, ssvid, ssid);
}

bool gi_lspci_second_head(const struct gi_cap_set *set, u32 domain, u8 bus,
			  u8 dev, u8 fn, u16 class_code)
{
	char fn0[32];
	int i;

	/*
	 * Intel's 915GM to Atom N10 IGPs show one GPU as two functions:
	 * "00:02.0 VGA compatible controller [0300]: ... [8086:2592]" and
	 * "00:02.1 Display controller [0380]: ... [8086:2792]", the second
	 * display pipe, which no driver binds on its own (i915 drives both
	 * from function 0); old ATI cards do the same ("01:00.1 Display
	 * controller: ... (Secondary)"). One chip, one GPU: the second head
	 * is no record of its own.
	 */
	if (class_code != 0x0380 || !fn)
		return false;
	gi_format_pci_addr(fn0, sizeof(fn0), domain, bus, dev, 0);
	for (i = 0; i < set->n; i++)
		if (!strcmp(set->gpu[i].address, fn0))
			return true;
	return false;
}
