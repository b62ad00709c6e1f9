// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * libFuzzer target for the classifier: any facts record, however absurd,
 * gives a verdict in range, bounded findings and terminated strings.
 */
#include <stdlib.h>

#include "gpuident/classify.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct gi_facts f;
	struct gi_report r;
	unsigned int i;

	if (size < sizeof(f))
		return 0;
	memcpy(&f, data, sizeof(f));
	/* enums and bools must hold valid values, as the tool's own code sets them */
	f.origin = (enum gi_origin)(data[0] % 3);
	f.vram_source = (enum gi_vram_source)(data[1] % 2);
	f.sm_from_fuses = data[2] & 1;
	f.partitioned = data[3] & 1;
	f.ecc_enabled = data[4] & 1;
	f.rom_checksum_ok = data[5] & 1;
	f.ids_from_name = (data[5] >> 1) & 1;
	f.vram_lower_bound = (data[5] >> 2) & 1;
	/* often a real device, so the knowledge-base paths run */
	if (data[6] & 1) {
		static const uint16_t devs[] = { 0x2684, 0x2685, 0x1e04, 0x2206,
						 0x26b1, 0x26ba, 0x2330, 0x67df };
		f.device_id = devs[data[7] % 8];
		f.vendor_id = f.device_id == 0x67df ? 0x1002 : 0x10de;
	}
	gi_classify(&f, &r);
	if (r.verdict >= GI_VERDICT_COUNT || r.n_findings > GI_MAX_FINDINGS ||
	    r.confidence > 100)
		abort();
	for (i = 0; i < r.n_findings; i++)
		if (strlen(r.findings[i].observed) >= GI_FINDING_TEXT ||
		    strlen(r.findings[i].note) >= sizeof(r.findings[i].note))
			abort();
	return 0;
}
