// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * GPU-Z's XML dump (`GPU-Z.exe -dump FILE`), what a seller on Windows
 * sends: one <card> a GPU under <gpuz_dump>, one element a field.
 *
 * No dump was found in any public source searched, so the element names
 * and their values are those that public programs reading the dump rely
 * on (SWARM's and other miners' PowerShell, a Qt system-info collector,
 * Python with xmltodict, install scripts): vendor ("NVIDIA", "AMD/ATI",
 * "Intel"), vendorid and deviceid ("10DE", "67DF"), subvendor (a name),
 * subvendorid and subsysid, cardname, gpuname, biosversion, memsize (MB),
 * memtype, membuswidth, location ("1:0:0", "10:0:0", the bus in decimal;
 * SWARM maps "0:2:2" to 00:02.0), businterface ("PCIe x16 4.0 @ x16 4.0":
 * what the card can do, "@", what the link runs at) and resizablebar. No
 * element of theirs holds the PCI revision, so it is not read.
 *
 * GPU-Z reads IDs, memory size and BIOS version from the card, so they
 * are judged as read; its shader count comes partly from its own tables
 * and is not an SM count. A <card> counts when the paste has <gpuz_dump>
 * or the card shows a name and both IDs: other XML has <card> elements.
 */
#include <strings.h>

#include "reader.h"
#include "gpuident/kb.h"

struct card {
	struct gi_capture_gpu g;
	bool open, has_vid, has_did, has_svid, has_ssid;
	u32 vid, did, svid, ssid;
};

/* "PCIe x16 4.0 @ x16 1.1", "PCI-E 2.0 x16 @ x16 2.0": the card's side. */
static void bus_interface(struct gi_capture_gpu *g, struct gi_span v)
{
	long at = gi_span_find_ci(v, "@");
	size_t i = 0, j;
	u64 n;

	if (!gi_span_starts_ci(v, "PCIe") && !gi_span_starts_ci(v, "PCI-E") &&
	    !gi_span_starts_ci(v, "PCI Express"))
		return;
	if (at >= 0)
		v = gi_span_sub(v, 0, (size_t)at);
	while (i < v.n) {
		struct gi_span tok;

		while (i < v.n && v.p[i] == ' ')
			i++;
		for (j = i; i < v.n && v.p[i] != ' '; i++)
			;
		tok = gi_span_sub(v, j, i);
		if (tok.n >= 2 && (tok.p[0] == 'x' || tok.p[0] == 'X') &&
		    gi_parse_dec(gi_span_sub(tok, 1, tok.n), &n, &j) &&
		    j + 1 == tok.n && n <= 32)
			gi_cap_set_link_width(g, (u8)n);
		else if (tok.n == 3 && tok.p[1] == '.' &&
			 tok.p[0] >= '1' && tok.p[0] <= '8' &&
			 tok.p[2] >= '0' && tok.p[2] <= '9')
			gi_cap_set_link_gen(g, (u8)(tok.p[0] - '0'));
	}
}

/* "1:0:0": bus, device (decimal); the function is taken as 0 */
static void location(struct gi_capture_gpu *g, struct gi_span v)
{
	u64 n[3];
	size_t used, i;

	for (i = 0; i < 3; i++) {
		if (!gi_parse_dec(v, &n[i], &used) || (i < 2 && (used >= v.n ||
							     v.p[used] != ':')))
			return;
		v = gi_span_sub(v, used + (i < 2), v.n);
	}
	if (v.n || n[0] > 0xff || n[1] > 0x1f)
		return;
	gi_format_pci_addr(g->address, sizeof(g->address), 0, (u8)n[0],
			   (u8)n[1], 0);
}

static void field(struct card *c, struct gi_span tag, struct gi_span v)
{
	struct gi_capture_gpu *g = &c->g;
	size_t used;
	u64 n;

	v = gi_span_trim(v);
	if (!v.n)
		return;
	if (gi_span_eq_ci(tag, "cardname")) {
		gi_cap_set_str(g->name, sizeof(g->name), v);
	} else if (gi_span_eq_ci(tag, "vendorid")) {
		c->has_vid = gi_parse_hex(v, 4, &c->vid);
	} else if (gi_span_eq_ci(tag, "deviceid")) {
		c->has_did = gi_parse_hex(v, 4, &c->did);
	} else if (gi_span_eq_ci(tag, "subvendorid")) {
		c->has_svid = gi_parse_hex(v, 4, &c->svid);
	} else if (gi_span_eq_ci(tag, "subsysid")) {
		c->has_ssid = gi_parse_hex(v, 4, &c->ssid);
	} else if (gi_span_eq_ci(tag, "biosversion")) {
		gi_cap_set_bios(g, v);
	} else if (gi_span_eq_ci(tag, "memsize")) {
		/* "24576", perhaps with its unit */
		if (gi_parse_dec(v, &n, &used) && n && n <= UINT32_MAX &&
		    (used == v.n || gi_span_eq_ci(gi_span_trim(gi_span_sub(v,
				used, v.n)), "MB")))
			gi_cap_set_vram(g, (u32)n);
	} else if (gi_span_eq_ci(tag, "membuswidth")) {
		if (gi_parse_dec(v, &n, &used) && n && n <= 8192)
			g->bus_bits = (u16)n;
	} else if (gi_span_eq_ci(tag, "businterface")) {
		bus_interface(g, v);
	} else if (gi_span_eq_ci(tag, "location")) {
		location(g, v);
	} else if (gi_span_eq_ci(tag, "vendor")) {
		if (gi_span_starts_ci(v, "NVIDIA"))
			g->vendor_hint = GI_VENDOR_NVIDIA;
		else if (gi_span_starts_ci(v, "AMD") ||
			 gi_span_starts_ci(v, "ATI"))
			g->vendor_hint = GI_VENDOR_AMD;
		else if (gi_span_starts_ci(v, "Intel"))
			g->vendor_hint = GI_VENDOR_INTEL;
	}
}

static void end_card(struct gi_cap_set *set, struct card *c, bool root)
{
	struct gi_capture_gpu *g = &c->g;

	if (!c->open)
		return;
	c->open = false;
	if (c->has_vid && c->has_did && c->vid && c->vid != 0xffff)
		gi_cap_set_ids(g, (u16)c->vid, (u16)c->did);
	if (c->has_svid && c->has_ssid)
		gi_cap_set_subsys(g, (u16)c->svid, (u16)c->ssid);
	if (!root && !(g->name[0] && (g->facts.have & GI_HAVE_IDS)))
		return;
	gi_cap_commit(set, g);
}

void gi_cap_read_gpuz(struct gi_cap_set *set, const char *data, size_t len)
{
	struct gi_span s = { data, len };
	struct card c = { .open = false };
	bool root = false;
	size_t i = 0, t;

	/*
	 * One pass over the elements: "<tag>value<" at each '<'. Nesting
	 * beyond <card> does not occur; anything else is skipped.
	 */
	while (i < len) {
		const char *lt = memchr(data + i, '<', len - i);
		struct gi_span tag;
		bool closing;

		if (!lt)
			break;
		i = (size_t)(lt - data) + 1;
		closing = i < len && data[i] == '/';
		t = i + closing;
		while (t < len && t - i < 32 && (data[t] == '_' ||
		       (data[t] >= 'a' && data[t] <= 'z') ||
		       (data[t] >= 'A' && data[t] <= 'Z') ||
		       (data[t] >= '0' && data[t] <= '9')))
			t++;
		tag = gi_span_sub(s, i + closing, t);
		if (t >= len || (data[t] != '>' && !(data[t] == ' ' && !closing)))
			continue;
		if (gi_span_eq_ci(tag, "gpuz_dump")) {
			if (closing)
				end_card(set, &c, root);
			root = !closing;
			continue;
		}
		if (gi_span_eq_ci(tag, "card")) {
			end_card(set, &c, root);
			if (!closing) {
				gi_cap_init(&c.g, GI_CAPTURE_GPUZ,
					    (size_t)(lt - data));
				c.open = true;
				c.has_vid = c.has_did = c.has_svid =
					c.has_ssid = false;
			}
			continue;
		}
		if (closing || !c.open || data[t] != '>')
			continue;
		{
			const char *end = memchr(data + t + 1, '<', len - t - 1);
			size_t v_end = end ? (size_t)(end - data) : len;

			field(&c, tag, gi_span_sub(s, t + 1, v_end));
			i = v_end;
		}
	}
	end_card(set, &c, root);
}
