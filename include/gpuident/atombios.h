/* SPDX-License-Identifier: GPL-2.0 */
/*
 * AMD ATOM BIOS identity: part number ("113-..."), version and build
 * strings, date, subsystem IDs. Layout as amdgpu reads it
 * (drivers/gpu/drm/amd/amdgpu/atom.c); see Documentation/gpuident/vbios.rst.
 */
#ifndef GPUIDENT_ATOMBIOS_H
#define GPUIDENT_ATOMBIOS_H

#include "compat.h"
#include "rom.h"

struct gi_atombios {
	bool present;
	u32 header_offset;		/* absolute, of ATOM_ROM_HEADER */
	u16 ssvid, ssid;		/* from ATOM_ROM_HEADER */
	char part_number[48];		/* "113-1E3870U-O4B"; "" if none */
	char asic[24];			/* "POLARIS20" */
	char bus[16];			/* "PCI_EXPRESS" */
	char mem_type[16];		/* "GDDR5" */
	char description[80];		/* the free-text build line */
	char version[40];		/* "015.050.002.001.000000" */
	char date[24];			/* "09/12/17 23:08" */
};

/*
 * Parse the ATOM BIOS in the primary x86 image of @rom. Returns
 * GI_E_NOTFOUND when that image holds no "ATOM" ROM header.
 */
enum gi_status gi_atombios_parse(struct gi_atombios *ab, const struct gi_rom *rom,
				 const u8 *buf, size_t len);

#endif /* GPUIDENT_ATOMBIOS_H */
