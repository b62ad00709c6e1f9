// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * libFuzzer target for the BIT and ATOM parsers. The fuzzer's bytes become
 * the body of an x86 image behind a fixed valid header, so that every input
 * reaches the parsers instead of stopping at the image signature.
 */
#include <stdlib.h>

#include "gpuident/atombios.h"
#include "gpuident/nvbios.h"
#include "gpuident/rom.h"

#define HDR	0x60
#define MAX	(256 * 1024)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static uint8_t buf[HDR + MAX];
	static struct gi_rom rom;
	static struct gi_nvbios nv;
	static struct gi_atombios ab;
	size_t len, blocks;

	if (size > MAX)
		size = MAX;
	len = HDR + size;
	blocks = (len + 511) / 512;
	memset(buf, 0, HDR);
	buf[0] = 0x55;
	buf[1] = 0xaa;
	buf[0x18] = 0x20;
	memcpy(buf + 0x20, "PCIR", 4);
	buf[0x24] = 0xde;
	buf[0x25] = 0x10;
	buf[0x30] = blocks & 0xff;
	buf[0x31] = blocks >> 8;
	buf[0x35] = 0x80;
	memcpy(buf + HDR, data, size);
	/* let the input steer the fixed ATOM/string pointers too */
	if (size >= 2) {
		buf[0x48 - 0] = data[0];
		buf[0x49] = data[1];
	}

	if (gi_rom_parse(&rom, buf, len) != GI_OK)
		abort();	/* the header above is always a ROM */
	gi_nvbios_parse(&nv, &rom, buf, len);
	gi_atombios_parse(&ab, &rom, buf, len);
	if (nv.n_tokens > GI_BIT_MAX_TOKENS)
		abort();
	return 0;
}
