/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Register values built from the field layouts in nvreg.h, not copied from
 * dumps. Shared by the KUnit suite and the userspace unit tests.
 */
#ifndef GPUIDENT_KUNIT_NVREGBUILD_H
#define GPUIDENT_KUNIT_NVREGBUILD_H

#include "gpuident/nvreg.h"

/* NV_PMC_BOOT_42: ARCH 29:24, IMPL 23:20, MAJOR 19:16, MINOR 15:12 */
static inline u32 boot42(u32 arch, u32 impl, u32 major, u32 minor)
{
	return (arch << 24) | (impl << 20) | (major << 16) | (minor << 12);
}

/* NV_PMC_BOOT_0: ARCH_0 28:24, IMPL 23:20, MAJOR 7:4, MINOR 3:0 */
static inline u32 boot0(u32 arch, u32 impl, u32 major, u32 minor)
{
	return (arch << 24) | (impl << 20) | (major << 4) | minor;
}

/* NV_PFB_PRI_MMU_LOCAL_MEMORY_RANGE: SCALE 3:0, MAG 9:4, ECC 30 */
static inline u32 lmr(u32 mag, u32 scale, bool ecc)
{
	return (mag << 4) | scale | (ecc ? 1u << 30 : 0);
}

/*
 * A fake PROM window for gi_nv_prom_copy(): @words data words, then @stop
 * (all-ones or a PRI error). Counts the reads, and those outside the
 * declared PROM range.
 */
struct fake_prom {
	u32 words, stop, reads, bad_offsets, last;
};

static inline u32 fake_prom_rd(void *ctx, u32 off)
{
	struct fake_prom *p = ctx;
	u32 i = (off - GI_NV_PROM_BASE) / 4;

	p->reads++;
	if (!gi_nv_range_allowed(&gi_nv_prom_range, off))
		p->bad_offsets++;
	p->last = off;
	return i < p->words ? 0x03020100u + 0x04040404u * (i & 0x3f) : p->stop;
}

#endif
