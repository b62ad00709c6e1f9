// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * From the module's sysfs attributes (live, or saved in a capture bundle)
 * to a gi_gpu. The facts are rebuilt exactly as kmod/gpuident_collect.c
 * built them, so classifying them gives the module's verdict; the module's
 * own verdict is kept beside it and a disagreement is reported.
 */
#include <stdlib.h>
#include <string.h>

#include "attrs.h"
#include "capture/reader.h"	/* gi_parse_vbios_version(): as the readers parse it */
#include "gpuident/abi.h"
#include "gpuident/nvreg.h"

static bool get_ulong(gi_attr_get get, void *ctx, const char *name,
		      unsigned long long *v)
{
	const char *s = get(ctx, name);
	char *end;

	if (!s || !*s)
		return false;
	*v = strtoull(s, &end, 0);
	return end != s;
}

static void copy_attr(gi_attr_get get, void *ctx, const char *name, char *dst,
		      size_t n)
{
	const char *s = get(ctx, name);

	snprintf(dst, n, "%s", s ? s : "");
}

int gi_abi_check(const char *abi, char *err, size_t errlen)
{
	unsigned int major, minor;

	if (!abi || sscanf(abi, "%u.%u", &major, &minor) != 2) {
		snprintf(err, errlen, "no readable abi_version");
		return -1;
	}
	if (major != GPUIDENT_ABI_MAJOR || (int)minor < GPUIDENT_ABI_MINOR_READ) {
		snprintf(err, errlen,
			 "module sysfs ABI %u.%u, this gpuident needs %d.x with x >= %d: "
			 "install matching versions of the module and the tool",
			 major, minor, GPUIDENT_ABI_MAJOR, GPUIDENT_ABI_MINOR_READ);
		return -1;
	}
	return 0;
}

static void rom_devlist(struct gi_facts *f, const char *s)
{
	char *end;

	f->rom_n_devlist = 0;
	while (s && f->rom_n_devlist < GI_ARRAY_SIZE(f->rom_devlist)) {
		unsigned long id = strtoul(s, &end, 0);

		if (end == s || id > 0xffff)
			break;
		f->rom_devlist[f->rom_n_devlist++] = (u16)id;
		s = end;
	}
}

static bool devlist_has(const struct gi_facts *f, u16 id)
{
	unsigned int i;

	for (i = 0; i < f->rom_n_devlist; i++)
		if (f->rom_devlist[i] == id)
			return true;
	return false;
}

/* The ROM facts, unless the module would have ignored them. */
static void rom_facts(struct gi_gpu *g, gi_attr_get get, void *ctx)
{
	struct gi_facts *f = &g->facts;
	unsigned long long v, d, sv, sd;
	const char *s;

	if (!get_ulong(get, ctx, "vbios_vendor_id", &v) ||
	    !get_ulong(get, ctx, "vbios_device_id", &d))
		return;
	/* The PCI 3.0 device list (ABI 1.1): IDs the image also serves. */
	rom_devlist(f, get(ctx, "vbios_device_list"));
	/*
	 * A boot-VGA shadow that names another device is someone else's.
	 * Modules since ABI 1.1 hide its IDs; this is for older captures.
	 */
	if (!strcmp(g->vbios_source, GPUIDENT_ROM_SHADOW) &&
	    (v != f->vendor_id ||
	     (d != f->device_id && !devlist_has(f, f->device_id)))) {
		f->rom_n_devlist = 0;
		return;
	}
	f->have |= GI_HAVE_ROM;
	f->rom_vendor_id = v;
	f->rom_device_id = d;
	s = get(ctx, "vbios_checksum");
	if (s && (!strcmp(s, "ok") || !strcmp(s, "bad"))) {
		f->have |= GI_HAVE_ROM_CHECKSUM;
		f->rom_checksum_ok = !strcmp(s, "ok");
	}
	if (get_ulong(get, ctx, "vbios_subsystem_vendor_id", &sv) &&
	    get_ulong(get, ctx, "vbios_subsystem_device_id", &sd) && sv) {
		f->have |= GI_HAVE_ROM_SUBSYS;
		f->rom_ssvid = sv;
		f->rom_ssid = sd;
	}
	if (gi_parse_vbios_version((struct gi_span){ g->bios_version,
						     strlen(g->bios_version) },
				   f->bios_version))
		f->have |= GI_HAVE_BIOS_VERSION;
	if (g->part_number[0]) {
		f->have |= GI_HAVE_PART_NUMBER;
		snprintf(f->part_number, sizeof(f->part_number), "%s",
			 g->part_number);
	}
}

int gi_gpu_from_attrs(struct gi_gpu *g, gi_attr_get get, void *ctx)
{
	struct gi_facts *f = &g->facts;
	unsigned long long v, d, sv, sd, rev, x;

	if (!get_ulong(get, ctx, "vendor_id", &v) ||
	    !get_ulong(get, ctx, "device_id", &d)) {
		snprintf(g->note, sizeof(g->note), "no vendor_id/device_id");
		return -1;
	}
	f->origin = GI_ORIGIN_DEVICE;
	f->have = GI_HAVE_IDS;
	f->vendor_id = v;
	f->device_id = d;
	if (get_ulong(get, ctx, "subsystem_vendor_id", &sv) &&
	    get_ulong(get, ctx, "subsystem_device_id", &sd)) {
		f->have |= GI_HAVE_SUBSYS;
		f->ssvid = sv;
		f->ssid = sd;
	}
	if (get_ulong(get, ctx, "revision", &rev)) {
		f->have |= GI_HAVE_REVISION;
		f->revision = rev;
	}
	if (get_ulong(get, ctx, "pcie_max_gen", &x)) {
		f->have |= GI_HAVE_LINK;
		f->link_gen_max = x;
		if (get_ulong(get, ctx, "pcie_max_width", &x))
			f->link_width_max = x;
	}
	if (get_ulong(get, ctx, "bar1_size", &x) && x) {
		f->have |= GI_HAVE_BAR1;
		f->bar1_mib = x >> 20;
	}
	if (get_ulong(get, ctx, "chip_id", &x)) {
		f->have |= GI_HAVE_CHIP_ID;
		f->nv_chip_id = x;
	}
	if (get_ulong(get, ctx, "sm_count", &x)) {
		f->have |= GI_HAVE_SM_COUNT;
		f->sm_count = x;
		f->sm_from_fuses = (f->have & GI_HAVE_CHIP_ID) &&
				   gi_nv_fuses_published(f->nv_chip_id);
	}
	if (get_ulong(get, ctx, "vram_size", &x)) {
		f->have |= GI_HAVE_VRAM;
		f->vram_mib = x >> 20;
		f->vram_source = GI_VRAM_REGISTER;
	}
	copy_attr(get, ctx, "vbios_version", g->bios_version, sizeof(g->bios_version));
	copy_attr(get, ctx, "vbios_part_number", g->part_number, sizeof(g->part_number));
	copy_attr(get, ctx, "vbios_sha256", g->vbios_sha256, sizeof(g->vbios_sha256));
	copy_attr(get, ctx, "vbios_source", g->vbios_source, sizeof(g->vbios_source));
	copy_attr(get, ctx, "registers", g->registers, sizeof(g->registers));
	copy_attr(get, ctx, "verdict", g->module_verdict, sizeof(g->module_verdict));
	copy_attr(get, ctx, "vpd_part_number", g->board_part_number,
		  sizeof(g->board_part_number));
	rom_facts(g, get, ctx);

	gi_gpu_classify(g);
	if (g->module_verdict[0] &&
	    strcmp(g->module_verdict, gi_verdict_name(g->report.verdict)))
		snprintf(g->note, sizeof(g->note),
			 "the module says %s; this gpuident's knowledge base says %s "
			 "(different versions?)", g->module_verdict,
			 gi_verdict_name(g->report.verdict));
	return 0;
}
