// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * PCI configuration space, as far as a dump shows it: the type 0 header,
 * the PCI Express capability's link capability and the resizable BAR
 * extended capability. A dump may stop anywhere (lspci -x shows 64 bytes,
 * -xxx 256, -xxxx 4096), so every read checks that its bytes were seen;
 * capability lists come from the input and are walked a bounded number of
 * steps.
 */
#include "reader.h"
#include "gpuident/kb.h"

#define PCI_STATUS_CAP_LIST	0x10
#define PCI_CAP_ID_EXP		0x10
#define PCI_EXT_CAP_ID_REBAR	0x15

void gi_config_reset(struct gi_config *c)
{
	memset(c->known, 0, sizeof(c->known));
	c->end = 0;
}

void gi_config_put(struct gi_config *c, size_t off, u8 v)
{
	if (off >= sizeof(c->b))
		return;
	c->b[off] = v;
	c->known[off / 8] |= (u8)(1u << (off % 8));
	if (off + 1 > c->end)
		c->end = off + 1;
}

static bool seen(const struct gi_config *c, size_t off, size_t n)
{
	size_t i;

	if (!gi_in_bounds(sizeof(c->b), off, n))
		return false;
	for (i = off; i < off + n; i++)
		if (!(c->known[i / 8] & (1u << (i % 8))))
			return false;
	return true;
}

static bool rd16(const struct gi_config *c, size_t off, u16 *v)
{
	if (!seen(c, off, 2))
		return false;
	*v = gi_le16(c->b + off);
	return true;
}

static bool rd32(const struct gi_config *c, size_t off, u32 *v)
{
	if (!seen(c, off, 4))
		return false;
	*v = gi_le32(c->b + off);
	return true;
}

/* Link Capabilities of the PCI Express capability: speed 3:0, width 9:4. */
static void pcie_link(const struct gi_config *c, struct gi_capture_gpu *g)
{
	unsigned int steps;
	u16 status;
	u8 ptr;

	if (!rd16(c, 0x06, &status) || !(status & PCI_STATUS_CAP_LIST) ||
	    !seen(c, 0x34, 1))
		return;
	ptr = c->b[0x34] & 0xfc;
	/* at most 48 capabilities fit in 192 bytes: a longer list loops */
	for (steps = 0; steps < 48 && ptr >= 0x40; steps++) {
		u32 lnkcap;

		if (!seen(c, ptr, 2))
			return;
		if (c->b[ptr] == PCI_CAP_ID_EXP) {
			if (rd32(c, ptr + 0x0c, &lnkcap)) {
				gi_cap_set_link_gen(g, lnkcap & 0xf);
				gi_cap_set_link_width(g, (lnkcap >> 4) & 0x3f);
			}
			return;
		}
		ptr = c->b[ptr + 1] & 0xfc;
	}
}

/*
 * Resizable BAR: one capability/control pair per resizable BAR; control
 * bits 2:0 name the BAR, 13:8 its current size (1 MiB << n). For NVIDIA,
 * BAR1 is the framebuffer aperture the classifier compares with VRAM.
 */
static void rebar(const struct gi_config *c, struct gi_capture_gpu *g,
		  size_t cap)
{
	unsigned int i, n;
	u32 ctrl;

	g->rebar = true;
	if (!rd32(c, cap + 8, &ctrl))
		return;
	n = (ctrl >> 5) & 7;
	for (i = 0; i < n && i < 6; i++) {
		u32 size;

		if (!rd32(c, cap + 8 + 8 * i, &ctrl))
			return;
		size = (ctrl >> 8) & 0x3f;
		if ((ctrl & 7) == 1 && size <= 24 &&
		    g->facts.vendor_id == GI_VENDOR_NVIDIA)
			gi_cap_set_bar1(g, 1u << size);
	}
}

static void ext_caps(const struct gi_config *c, struct gi_capture_gpu *g)
{
	unsigned int steps;
	size_t off = 0x100;

	/* 4 KiB hold at most 960 extended capabilities; stop long before */
	for (steps = 0; steps < 64 && off >= 0x100; steps++) {
		u32 h;

		if (!rd32(c, off, &h) || h == 0 || h == 0xffffffff)
			return;
		if ((h & 0xffff) == PCI_EXT_CAP_ID_REBAR)
			rebar(c, g, off);
		off = (h >> 20) & 0xffc;
	}
}

bool gi_config_decode(const struct gi_config *c, struct gi_capture_gpu *g)
{
	u16 vendor, device, ssvid, ssid;

	if (!seen(c, 0, 12) || !rd16(c, 0, &vendor) || !rd16(c, 2, &device))
		return false;
	if (vendor == 0 || vendor == 0xffff || c->b[0x0b] != 0x03)
		return false;
	gi_cap_set_ids(g, vendor, device);
	g->facts.have |= GI_HAVE_REVISION;
	g->facts.revision = c->b[0x08];
	/* the subsystem IDs are where they are only in a type 0 header */
	if (seen(c, 0x0e, 1) && (c->b[0x0e] & 0x7f) == 0 &&
	    rd16(c, 0x2c, &ssvid) && rd16(c, 0x2e, &ssid) &&
	    ssvid && ssvid != 0xffff)
		gi_cap_set_subsys(g, ssvid, ssid);
	pcie_link(c, g);
	ext_caps(c, g);
	return true;
}
