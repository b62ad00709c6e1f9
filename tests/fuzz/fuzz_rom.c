// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * libFuzzer target: a whole VBIOS file through the walker, the BIT and
 * ATOM parsers, the facts builder and the classifier, as `gpuident vbios`
 * runs them. Besides the sanitizers it checks the walker's invariants.
 */
#include <stdlib.h>

#include "gpuident/atombios.h"
#include "gpuident/classify.h"
#include "gpuident/facts.h"
#include "gpuident/nvbios.h"
#include "gpuident/rom.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct gi_rom rom;
	static struct gi_nvbios nv;
	static struct gi_atombios ab;
	struct gi_facts facts = { .origin = GI_ORIGIN_ROM_FILE };
	struct gi_report rep;
	unsigned int i;

	if (gi_rom_parse(&rom, data, size) != GI_OK)
		return 0;
	if (rom.n_images == 0 || rom.n_images > GI_ROM_MAX_IMAGES)
		abort();
	for (i = 0; i < rom.n_images; i++)
		if (rom.images[i].offset >= size ||
		    rom.images[i].pcir_offset + 0x18 > size)
			abort();
	gi_nvbios_parse(&nv, &rom, data, size);
	gi_atombios_parse(&ab, &rom, data, size);
	if (strlen(nv.signon) >= sizeof(nv.signon) ||
	    strlen(ab.part_number) >= sizeof(ab.part_number))
		abort();
	gi_facts_add_rom(&facts, &rom, &nv, &ab);
	gi_classify(&facts, &rep);
	if (rep.verdict >= GI_VERDICT_COUNT || rep.n_findings > GI_MAX_FINDINGS)
		abort();
	return 0;
}
