// SPDX-License-Identifier: GPL-2.0
/*
 * Formatting and filtering helpers of the module that need no hardware.
 */
#include <linux/kernel.h>
#include <linux/pci_ids.h>

#include "gpuident_fmt.h"

bool gpuident_is_display_class(u32 class)
{
	return (class >> 16) == PCI_BASE_CLASS_DISPLAY;
}

unsigned int gpuident_pcie_gen(unsigned int speed_code)
{
	/* 1 = 2.5 GT/s (gen 1) ... 6 = 64 GT/s (gen 6); 0 and 7+ reserved */
	return speed_code >= 1 && speed_code <= 6 ? speed_code : 0;
}

int gpuident_fmt_checks(char *buf, size_t size, const struct gi_report *r,
			bool failed_only)
{
	unsigned int i;
	int len = 0;

	if (!size)
		return 0;
	buf[0] = '\0';
	for (i = 0; i < r->n_findings; i++) {
		const struct gi_finding *f = &r->findings[i];

		if (failed_only && f->result != GI_RESULT_FAIL)
			continue;
		len += scnprintf(buf + len, size - len, "%s%s", len ? " " : "",
				 gi_check_name(f->check));
	}
	len += scnprintf(buf + len, size - len, "\n");
	return len;
}

int gpuident_fmt_vram_expected(char *buf, size_t size, const struct gi_sku *sku)
{
	unsigned int i;
	int len = 0;

	if (!size)
		return 0;
	buf[0] = '\0';
	for (i = 0; sku && i < GI_SKU_MAX_VRAM && sku->vram_mib[i]; i++)
		len += scnprintf(buf + len, size - len, "%s%llu", len ? " " : "",
				 (unsigned long long)sku->vram_mib[i] << 20);
	len += scnprintf(buf + len, size - len, "\n");
	return len;
}

int gpuident_fmt_hex(char *buf, size_t size, const u8 *data, size_t n)
{
	size_t i;
	int len = 0;

	if (!size)
		return 0;
	buf[0] = '\0';
	for (i = 0; i < n; i++)
		len += scnprintf(buf + len, size - len, "%02x", data[i]);
	len += scnprintf(buf + len, size - len, "\n");
	return len;
}
