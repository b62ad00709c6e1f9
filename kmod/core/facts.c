// SPDX-License-Identifier: GPL-2.0
/* Filling a facts record from a parsed VBIOS. */
#include "gpuident/facts.h"
#include "gpuident/rom.h"
#include "gpuident/nvbios.h"
#include "gpuident/atombios.h"

void gi_facts_add_rom(struct gi_facts *f, const struct gi_rom *rom,
		      const struct gi_nvbios *nv, const struct gi_atombios *ab)
{
	const struct gi_rom_image *img = gi_rom_find(rom, GI_CODE_X86);
	unsigned int i;

	if (!img && rom->n_images)
		img = &rom->images[0];
	if (!img)
		return;

	f->have |= GI_HAVE_ROM;
	f->rom_vendor_id = img->vendor_id;
	f->rom_device_id = img->device_id;
	f->rom_n_devlist = img->n_devlist;
	for (i = 0; i < img->n_devlist && i < GI_ARRAY_SIZE(f->rom_devlist); i++)
		f->rom_devlist[i] = img->devlist[i];
	if (img->checksum == GI_CSUM_OK || img->checksum == GI_CSUM_BAD) {
		f->have |= GI_HAVE_ROM_CHECKSUM;
		f->rom_checksum_ok = img->checksum == GI_CSUM_OK;
	}

	if (rom->ifr.present && rom->ifr.ssvid) {
		f->have |= GI_HAVE_ROM_SUBSYS;
		f->rom_ssvid = rom->ifr.ssvid;
		f->rom_ssid = rom->ifr.ssid;
	} else if (ab && ab->present && ab->ssvid) {
		f->have |= GI_HAVE_ROM_SUBSYS;
		f->rom_ssvid = ab->ssvid;
		f->rom_ssid = ab->ssid;
	}
	if (nv && nv->has_version) {
		f->have |= GI_HAVE_BIOS_VERSION;
		memcpy(f->bios_version, nv->version, sizeof(f->bios_version));
	}
	if (ab && ab->part_number[0]) {
		f->have |= GI_HAVE_PART_NUMBER;
		memcpy(f->part_number, ab->part_number, sizeof(f->part_number));
	}

	if (f->origin == GI_ORIGIN_ROM_FILE && img->vendor_id) {
		f->have |= GI_HAVE_IDS;
		f->vendor_id = img->vendor_id;
		f->device_id = img->device_id;
		if (f->have & GI_HAVE_ROM_SUBSYS) {
			f->have |= GI_HAVE_SUBSYS;
			f->ssvid = f->rom_ssvid;
			f->ssid = f->rom_ssid;
		}
	}
}

void gi_facts_add_device_rom(struct gi_facts *f, const struct gi_rom *rom,
			     const struct gi_nvbios *nv,
			     const struct gi_atombios *ab, bool shadow)
{
	const struct gi_rom_image *img = gi_rom_find(rom, GI_CODE_X86);
	u32 before = f->have;

	gi_facts_add_rom(f, rom, nv, ab);
	if (!shadow || !(f->have & GI_HAVE_ROM))
		return;
	if (!img)
		img = &rom->images[0];
	if (f->rom_vendor_id != f->vendor_id ||
	    !gi_rom_image_has_device(img, f->device_id))
		f->have = before;	/* someone else's BIOS: ignore it */
	else
		f->have &= ~GI_HAVE_ROM_CHECKSUM;
}
