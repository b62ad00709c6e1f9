// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * lspci's device line ("01:00.0 VGA compatible controller [0300]: NVIDIA
 * Corporation AD102 [GeForce RTX 4090] [10de:2684] (rev a1)") in its
 * plain, -n, -nn and -D forms: address, class, IDs, revision, the vendor
 * its name implies and the product name. Shared by the lspci reader and
 * the hexdump reader, which takes a dump's address and name from the
 * device line lspci -x prints above it.
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
		}
	}
	for (i = 0; i < GI_ARRAY_SIZE(vendor_names); i++)
		if (gi_span_starts_ci(desc, vendor_names[i].prefix))
			h->vendor_hint = vendor_names[i].vendor;
	parse_name(desc, h);
	return h->has_class || h->has_ids;
}
