/* SPDX-License-Identifier: GPL-2.0 */
/*
 * NVIDIA BIOS Information Table (BIT): version, sign-on and OEM strings,
 * build date. Sources: NVIDIA's published BIT specification, nouveau,
 * envytools (Documentation/gpuident/vbios.rst).
 */
#ifndef GPUIDENT_NVBIOS_H
#define GPUIDENT_NVBIOS_H

#include "compat.h"
#include "rom.h"

#define GI_BIT_MAX_TOKENS	64

struct gi_bit_token {
	u8 id;
	u8 data_version;
	u16 data_size;
	u32 data_ptr;		/* as stored: relative to the x86 image */
};

struct gi_nvbios {
	bool has_bit;
	u32 bit_offset;			/* absolute */
	u16 bit_version;		/* BCD, 0x0100 */
	bool bit_checksum_ok;
	unsigned int n_tokens;
	struct gi_bit_token tokens[GI_BIT_MAX_TOKENS];

	bool has_version;
	u8 version[5];			/* 95.02.18.80.87 as {0x95,0x02,...} */
	char version_str[16];		/* "95.02.18.80.87" (lowercase hex) */

	char signon[128];
	char version_string[32];	/* the 'S' token's version string */
	char oem[64];
	char oem_vendor[64];
	char oem_product[64];
	char oem_revision[32];
	char build_date[12];		/* 'i' token, "MM/DD/YY" */
	u16 real_device_id;		/* 'i' token +0x17, 0 if absent */
};

/*
 * Parse the BIT of the primary x86 image of @rom (the gi_rom of @buf).
 * Returns GI_E_NOTFOUND when there is no x86 image or no BIT in it.
 */
enum gi_status gi_nvbios_parse(struct gi_nvbios *bios, const struct gi_rom *rom,
			       const u8 *buf, size_t len);

/* Format five version bytes as "95.02.18.80.87" into buf[16]. */
void gi_nvbios_version_string(const u8 v[5], char buf[16]);

#endif /* GPUIDENT_NVBIOS_H */
