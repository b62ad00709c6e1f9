// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite gpuident_nvreg: the NVIDIA register decoders and the BAR0
 * read allowlist (kmod/core/nvreg.c). Register values are built from the
 * field layouts in nvreg.h. Ported from tests/unit/test_nvreg.c.
 */
#include <kunit/test.h>

#include "gpuident/nvreg.h"
#include "nvregbuild.h"

#define MIB BIT_ULL(20)
#define GIB BIT_ULL(30)

static void nvreg_valid(struct kunit *test)
{
	KUNIT_EXPECT_TRUE(test, gi_nv_reg_valid(0));
	KUNIT_EXPECT_TRUE(test, gi_nv_reg_valid(0x192a1000));
	KUNIT_EXPECT_TRUE(test, gi_nv_reg_valid(0xbac00000));
	KUNIT_EXPECT_TRUE(test, gi_nv_reg_valid(0xfffffffe));
	KUNIT_EXPECT_FALSE(test, gi_nv_reg_valid(0xffffffff));
	KUNIT_EXPECT_FALSE(test, gi_nv_reg_valid(0xbadf1100));	/* FECS PRI timeout */
	KUNIT_EXPECT_FALSE(test, gi_nv_reg_valid(0xbad00100));	/* host PRI timeout */
	KUNIT_EXPECT_FALSE(test, gi_nv_reg_valid(0xbadf4100));	/* target mask locked */
}

static void nvreg_decode_boot42_ad102_a1(struct kunit *test)
{
	struct gi_nv_chip_id id;
	u32 b42 = boot42(0x19, 2, 0xa, 1);
	char rev[3];

	KUNIT_EXPECT_EQ(test, b42, 0x192a1000U);
	KUNIT_ASSERT_TRUE(test, gi_nv_decode_chip(0, b42, &id));
	KUNIT_EXPECT_EQ(test, id.chip_id, 0x192);
	KUNIT_EXPECT_EQ(test, id.arch_code, 0x19);
	KUNIT_EXPECT_EQ(test, id.impl, 2);
	KUNIT_EXPECT_EQ(test, id.major_rev, 0xa);
	KUNIT_EXPECT_EQ(test, id.minor_rev, 1);
	KUNIT_EXPECT_EQ(test, id.arch, GI_NV_ARCH_ADA);
	KUNIT_ASSERT_NOT_NULL(test, id.chip_name);
	KUNIT_EXPECT_STREQ(test, id.chip_name, "AD102");
	gi_nv_rev_string(id.major_rev, id.minor_rev, rev);
	KUNIT_EXPECT_STREQ(test, rev, "A1");
	KUNIT_EXPECT_STREQ(test, gi_nv_arch_name(id.arch), "Ada Lovelace");
}

static void nvreg_decode_boot42_preferred(struct kunit *test)
{
	struct gi_nv_chip_id id;

	/* BOOT_42 wins over a (different) BOOT_0. */
	KUNIT_ASSERT_TRUE(test, gi_nv_decode_chip(boot0(0x16, 2, 0xa, 1),
						  boot42(0x1b, 2, 0xa, 1), &id));
	KUNIT_EXPECT_EQ(test, id.chip_id, 0x1b2);
	KUNIT_ASSERT_NOT_NULL(test, id.chip_name);
	KUNIT_EXPECT_STREQ(test, id.chip_name, "GB202");
	KUNIT_EXPECT_EQ(test, id.arch, GI_NV_ARCH_BLACKWELL);

	/* Extended-minor bits 11:8 do not leak into the fields. */
	KUNIT_ASSERT_TRUE(test, gi_nv_decode_chip(0, boot42(0x17, 0, 0xa, 1) | 0xf00, &id));
	KUNIT_EXPECT_EQ(test, id.chip_id, 0x170);
	KUNIT_EXPECT_EQ(test, id.minor_rev, 1);
}

static void nvreg_decode_boot0_fallback(struct kunit *test)
{
	struct gi_nv_chip_id id;
	u32 b0 = boot0(0x16, 2, 0xa, 1);

	KUNIT_EXPECT_EQ(test, b0, 0x162000a1U);
	/* BOOT_42 invalid, PRI error, or zero: BOOT_0 is used. */
	KUNIT_ASSERT_TRUE(test, gi_nv_decode_chip(b0, 0xffffffff, &id));
	KUNIT_EXPECT_EQ(test, id.chip_id, 0x162);
	KUNIT_EXPECT_EQ(test, id.arch, GI_NV_ARCH_TURING);
	KUNIT_ASSERT_NOT_NULL(test, id.chip_name);
	KUNIT_EXPECT_STREQ(test, id.chip_name, "TU102");
	KUNIT_ASSERT_TRUE(test, gi_nv_decode_chip(b0, 0xbadf1100, &id));
	KUNIT_EXPECT_EQ(test, id.chip_id, 0x162);
	KUNIT_ASSERT_TRUE(test, gi_nv_decode_chip(b0, 0, &id));
	KUNIT_EXPECT_EQ(test, id.chip_id, 0x162);

	/* Kepler has no BOOT_42; BOOT_0 9-bit chipset (nouveau). */
	KUNIT_ASSERT_TRUE(test, gi_nv_decode_chip(boot0(0x10, 8, 0xa, 1), 0, &id));
	KUNIT_EXPECT_EQ(test, id.chip_id, 0x108);
	KUNIT_EXPECT_EQ(test, id.arch, GI_NV_ARCH_KEPLER);
	/* BOOT_0 bits 31:29 are not part of the chipset. */
	KUNIT_ASSERT_TRUE(test, gi_nv_decode_chip(0xe0000000 | b0, 0, &id));
	KUNIT_EXPECT_EQ(test, id.chip_id, 0x162);
}

static void nvreg_decode_no_value(struct kunit *test)
{
	struct gi_nv_chip_id id;

	KUNIT_EXPECT_FALSE(test, gi_nv_decode_chip(0, 0, &id));
	KUNIT_EXPECT_FALSE(test, gi_nv_decode_chip(0xffffffff, 0xffffffff, &id));
	KUNIT_EXPECT_FALSE(test, gi_nv_decode_chip(0xbadf1100, 0xbad00100, &id));
	KUNIT_EXPECT_FALSE(test, gi_nv_decode_chip(0x000000a1, 0x000a1000, &id));
	KUNIT_EXPECT_FALSE(test, gi_nv_decode_chip(boot0(0x19, 2, 0xa, 1),
						   boot42(0x19, 2, 0xa, 1), NULL));
}

static void nvreg_decode_unknown_chip(struct kunit *test)
{
	struct gi_nv_chip_id id;

	KUNIT_ASSERT_TRUE(test, gi_nv_decode_chip(0, boot42(0x19, 9, 0xa, 1), &id));
	KUNIT_EXPECT_EQ(test, id.chip_id, 0x199);
	KUNIT_EXPECT_EQ(test, id.arch, GI_NV_ARCH_ADA);
	KUNIT_EXPECT_NULL(test, id.chip_name);
	KUNIT_ASSERT_TRUE(test, gi_nv_decode_chip(0, boot42(0x2f, 0, 0xa, 1), &id));
	KUNIT_EXPECT_EQ(test, id.arch, GI_NV_ARCH_UNKNOWN);
	KUNIT_EXPECT_STREQ(test, gi_nv_arch_name(id.arch), "unknown");
}

static void nvreg_arch_and_chip_names(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, gi_nv_arch_of(0x0e4), GI_NV_ARCH_KEPLER);
	KUNIT_EXPECT_EQ(test, gi_nv_arch_of(0x126), GI_NV_ARCH_MAXWELL);
	KUNIT_EXPECT_EQ(test, gi_nv_arch_of(0x138), GI_NV_ARCH_PASCAL);
	KUNIT_EXPECT_EQ(test, gi_nv_arch_of(0x140), GI_NV_ARCH_VOLTA);
	KUNIT_EXPECT_EQ(test, gi_nv_arch_of(0x168), GI_NV_ARCH_TURING);
	KUNIT_EXPECT_EQ(test, gi_nv_arch_of(0x17b), GI_NV_ARCH_AMPERE);
	KUNIT_EXPECT_EQ(test, gi_nv_arch_of(0x180), GI_NV_ARCH_HOPPER);
	KUNIT_EXPECT_EQ(test, gi_nv_arch_of(0x197), GI_NV_ARCH_ADA);
	KUNIT_EXPECT_EQ(test, gi_nv_arch_of(0x1b7), GI_NV_ARCH_BLACKWELL);
	KUNIT_EXPECT_EQ(test, gi_nv_arch_of(0x0d9), GI_NV_ARCH_UNKNOWN);	/* Fermi */
	KUNIT_EXPECT_EQ(test, gi_nv_arch_of(0x3ff), GI_NV_ARCH_UNKNOWN);

	KUNIT_ASSERT_NOT_NULL(test, gi_nv_chip_name(0x192));
	KUNIT_EXPECT_STREQ(test, gi_nv_chip_name(0x192), "AD102");
	KUNIT_ASSERT_NOT_NULL(test, gi_nv_chip_name(0x193));
	KUNIT_EXPECT_STREQ(test, gi_nv_chip_name(0x193), "AD103");
	KUNIT_ASSERT_NOT_NULL(test, gi_nv_chip_name(0x172));
	KUNIT_EXPECT_STREQ(test, gi_nv_chip_name(0x172), "GA102");
	KUNIT_ASSERT_NOT_NULL(test, gi_nv_chip_name(0x180));
	KUNIT_EXPECT_STREQ(test, gi_nv_chip_name(0x180), "GH100");
	KUNIT_EXPECT_NULL(test, gi_nv_chip_name(0x000));
	KUNIT_EXPECT_NULL(test, gi_nv_chip_name(0x195));
	KUNIT_EXPECT_NULL(test, gi_nv_chip_name(0xffff));
}

static void nvreg_rev_string(struct kunit *test)
{
	char buf[3];

	gi_nv_rev_string(0xa, 1, buf);
	KUNIT_EXPECT_STREQ(test, buf, "A1");
	gi_nv_rev_string(0xb, 2, buf);
	KUNIT_EXPECT_STREQ(test, buf, "B2");
	gi_nv_rev_string(0x0, 1, buf);
	KUNIT_EXPECT_STREQ(test, buf, "?1");
	gi_nv_rev_string(0x10, 0x10, buf);
	KUNIT_EXPECT_STREQ(test, buf, "??");
}

static void nvreg_local_memory_range(struct kunit *test)
{
	/* 2080 Ti: 11 GiB = MAG 11 << (SCALE 10 + 20) */
	KUNIT_EXPECT_EQ(test, gi_nv_local_memory_range_bytes(lmr(11, 10, false)),
			11264 * MIB);
	KUNIT_EXPECT_EQ(test, gi_nv_local_memory_range_bytes(lmr(44, 8, false)), 11 * GIB);
	/* ECC carves out 1/16: 16 GiB -> 15 GiB, 40 GiB -> 37.5 GiB */
	KUNIT_EXPECT_EQ(test, gi_nv_local_memory_range_bytes(lmr(1, 14, true)), 15 * GIB);
	KUNIT_EXPECT_EQ(test, gi_nv_local_memory_range_bytes(lmr(5, 13, true)),
			38400 * MIB);
	/* Bits outside the three fields are ignored. */
	KUNIT_EXPECT_EQ(test,
			gi_nv_local_memory_range_bytes(lmr(11, 10, false) | 0x0000fc00),
			11264 * MIB);
	/* Largest encodable value does not overflow. */
	KUNIT_EXPECT_EQ(test, gi_nv_local_memory_range_bytes(lmr(63, 15, false)),
			63ull << 35);
	KUNIT_EXPECT_EQ(test, gi_nv_local_memory_range_bytes(0), 0ULL);
	KUNIT_EXPECT_EQ(test, gi_nv_local_memory_range_bytes(0xffffffff), 0ULL);
	KUNIT_EXPECT_EQ(test, gi_nv_local_memory_range_bytes(0xbadf1100), 0ULL);
}

static void nvreg_vram_bytes(struct kunit *test)
{
	u64 bytes = 0;

	/* TU102 (2080 Ti): LOCAL_MEMORY_RANGE, USABLE_FB ignored */
	KUNIT_ASSERT_TRUE(test, gi_nv_vram_bytes(0x162, lmr(11, 10, false), 0xffffffff,
						 &bytes));
	KUNIT_EXPECT_EQ(test, bytes, 11264 * MIB);
	/* GA100 40 GB with ECC */
	KUNIT_ASSERT_TRUE(test, gi_nv_vram_bytes(0x170, lmr(5, 13, true), 0, &bytes));
	KUNIT_EXPECT_EQ(test, bytes, 38400 * MIB);
	/* AD102: USABLE_FB_SIZE_IN_MB; 24 GiB, and the 48 GiB clamshell mod */
	KUNIT_ASSERT_TRUE(test, gi_nv_vram_bytes(0x192, 0xffffffff, 24576, &bytes));
	KUNIT_EXPECT_EQ(test, bytes, 24 * GIB);
	KUNIT_ASSERT_TRUE(test, gi_nv_vram_bytes(0x192, 0, 49152, &bytes));
	KUNIT_EXPECT_EQ(test, bytes, 48 * GIB);
	KUNIT_ASSERT_TRUE(test, gi_nv_vram_bytes(0x192, 0, 0x7fffffff, &bytes));
	KUNIT_EXPECT_EQ(test, bytes, 0x7fffffffull << 20);

	/* Invalid register, unknown method: no answer, *bytes untouched. */
	bytes = 1234;
	KUNIT_EXPECT_FALSE(test, gi_nv_vram_bytes(0x162, 0xffffffff, 24576, &bytes));
	KUNIT_EXPECT_FALSE(test, gi_nv_vram_bytes(0x162, 0xbadf1100, 24576, &bytes));
	KUNIT_EXPECT_FALSE(test, gi_nv_vram_bytes(0x162, lmr(0, 10, true), 24576, &bytes));
	KUNIT_EXPECT_FALSE(test, gi_nv_vram_bytes(0x192, 0, 0xbad00100, &bytes));
	KUNIT_EXPECT_FALSE(test, gi_nv_vram_bytes(0x1a0, lmr(11, 10, false), 24576,
						  &bytes));	/* GB100 */
	KUNIT_EXPECT_FALSE(test, gi_nv_vram_bytes(0x0e4, lmr(11, 10, false), 24576,
						  &bytes));	/* Kepler */
	KUNIT_EXPECT_FALSE(test, gi_nv_vram_bytes(0x192, 0, 24576, NULL));
	KUNIT_EXPECT_EQ(test, bytes, 1234ULL);
}

/*
 * AD102: 12 GPCs x 6 TPCs = 72 TPCs (144 SMs). With GPC 11 fused off, the
 * RTX 4090 loses 2 more TPCs (64 TPC, 128 SM), the 4090 D 9 (57, 114 SM).
 */
static void nvreg_tpcs_4090_vs_4090d(struct kunit *test)
{
	const u32 gpc_disable = 1u << 11;
	static const u32 tpc_4090[12] = { [0] = 0x01, [5] = 0x20, [11] = 0x3f };
	static const u32 tpc_4090d[12] = { 0x01, 0x03, 0x04, 0x30, 0x01, 0x20, 0x02 };
	static const u32 none[12];
	int tpcs;

	tpcs = gi_nv_enabled_tpcs(0, none, 12, 6);
	KUNIT_EXPECT_EQ(test, tpcs, 72);
	tpcs = gi_nv_enabled_tpcs(gpc_disable, tpc_4090, 12, 6);
	KUNIT_EXPECT_EQ(test, tpcs, 64);
	KUNIT_EXPECT_EQ(test, tpcs * (int)gi_nv_sms_per_tpc(0x192), 128);
	tpcs = gi_nv_enabled_tpcs(gpc_disable, tpc_4090d, 12, 6);
	KUNIT_EXPECT_EQ(test, tpcs, 57);
	KUNIT_EXPECT_EQ(test, tpcs * (int)gi_nv_sms_per_tpc(0x192), 114);
}

static void nvreg_tpcs_invalid(struct kunit *test)
{
	u32 tpc[13] = { 0 };

	KUNIT_EXPECT_EQ(test, gi_nv_enabled_tpcs(0xffffffff, tpc, 12, 6), -1);
	KUNIT_EXPECT_EQ(test, gi_nv_enabled_tpcs(0xbadf1100, tpc, 12, 6), -1);
	KUNIT_EXPECT_EQ(test, gi_nv_enabled_tpcs(0, tpc, 13, 6), -1);
	KUNIT_EXPECT_EQ(test, gi_nv_enabled_tpcs(0, tpc, 0, 6), -1);
	KUNIT_EXPECT_EQ(test, gi_nv_enabled_tpcs(0, tpc, 12, 0), -1);
	KUNIT_EXPECT_EQ(test, gi_nv_enabled_tpcs(0, tpc, 12, 33), -1);
	KUNIT_EXPECT_EQ(test, gi_nv_enabled_tpcs(0, NULL, 12, 6), -1);
	tpc[7] = 0xbad00f00;
	KUNIT_EXPECT_EQ(test, gi_nv_enabled_tpcs(0, tpc, 12, 6), -1);
	/* ... unless that GPC is disabled. */
	KUNIT_EXPECT_EQ(test, gi_nv_enabled_tpcs(1u << 7, tpc, 12, 6), 66);
}

static void nvreg_sms_per_tpc_and_strap(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, gi_nv_sms_per_tpc(0x130), 2U);	/* GP100 */
	KUNIT_EXPECT_EQ(test, gi_nv_sms_per_tpc(0x132), 1U);	/* GP102 */
	KUNIT_EXPECT_EQ(test, gi_nv_sms_per_tpc(0x192), 2U);
	KUNIT_EXPECT_EQ(test, gi_nv_sms_per_tpc(0x0e4), 0U);	/* Kepler: no TPCs */
	KUNIT_EXPECT_EQ(test, gi_nv_ramcfg_strap(0x3c), 0xf);
	KUNIT_EXPECT_EQ(test, gi_nv_ramcfg_strap(0x00400040 | (5u << 2)), 5);
	KUNIT_EXPECT_EQ(test, gi_nv_ramcfg_strap(0xffffffc3), 0);
}

static void nvreg_allowlist_accepts(struct kunit *test)
{
	unsigned int i;
	size_t j, k;

	KUNIT_EXPECT_TRUE(test, gi_nv_reg_allowed(GI_NV_PMC_BOOT_0));
	KUNIT_EXPECT_TRUE(test, gi_nv_reg_allowed(GI_NV_PMC_BOOT_42));
	KUNIT_EXPECT_TRUE(test, gi_nv_reg_allowed(GI_NV_PEXTDEV_BOOT_0));
	KUNIT_EXPECT_TRUE(test, gi_nv_reg_allowed(GI_NV_PTOP_SCAL_NUM_GPCS));
	KUNIT_EXPECT_TRUE(test, gi_nv_reg_allowed(GI_NV_PFB_LOCAL_MEMORY_RANGE));
	KUNIT_EXPECT_TRUE(test, gi_nv_reg_allowed(GI_NV_USABLE_FB_SIZE_IN_MB));
	KUNIT_EXPECT_TRUE(test, gi_nv_reg_allowed(GI_NV_FUSE_TU_OPT_GPC));
	KUNIT_EXPECT_TRUE(test, gi_nv_reg_allowed(GI_NV_FUSE_GA_OPT_FBP));
	for (i = 0; i < GI_NV_FUSE_MAX_GPCS; i++) {
		KUNIT_EXPECT_TRUE(test, gi_nv_reg_allowed(GI_NV_FUSE_TU_OPT_TPC_GPC(i)));
		KUNIT_EXPECT_TRUE(test, gi_nv_reg_allowed(GI_NV_FUSE_GA_OPT_TPC_GPC(i)));
	}
	/* Every entry: aligned, outside the PROM window, named, unique. */
	KUNIT_EXPECT_GT(test, gi_nv_allowlist_len, (size_t)0);
	for (j = 0; j < gi_nv_allowlist_len; j++) {
		u32 off = gi_nv_allowlist[j].offset;

		KUNIT_EXPECT_EQ(test, off & 3, 0U);
		KUNIT_EXPECT_FALSE(test, off >= GI_NV_PROM_BASE &&
				   off < GI_NV_PROM_BASE + GI_NV_PROM_SIZE);
		KUNIT_EXPECT_TRUE(test, gi_nv_reg_allowed(off));
		KUNIT_ASSERT_NOT_NULL(test, gi_nv_allowlist[j].name);
		KUNIT_EXPECT_EQ(test, strncmp(gi_nv_allowlist[j].name, "NV_", 3), 0);
		for (k = j + 1; k < gi_nv_allowlist_len; k++)
			KUNIT_EXPECT_NE(test, off, gi_nv_allowlist[k].offset);
	}
}

static void nvreg_allowlist_rejects(struct kunit *test)
{
	unsigned int i;

	KUNIT_EXPECT_FALSE(test, gi_nv_reg_allowed(GI_NV_PMC_BOOT_42 + 1));
	KUNIT_EXPECT_FALSE(test, gi_nv_reg_allowed(GI_NV_USABLE_FB_SIZE_IN_MB + 3));
	for (i = 0; i < GI_NV_FUSE_MAX_GPCS; i++) {
		KUNIT_EXPECT_FALSE(test, gi_nv_reg_allowed(0x021838 + 4 * i));
		KUNIT_EXPECT_FALSE(test, gi_nv_reg_allowed(0x820838 + 4 * i));
	}
	KUNIT_EXPECT_FALSE(test,
			   gi_nv_reg_allowed(GI_NV_FUSE_GA_OPT_TPC_GPC(GI_NV_FUSE_MAX_GPCS)));
	KUNIT_EXPECT_FALSE(test, gi_nv_reg_allowed(GI_NV_PROM_BASE));
	KUNIT_EXPECT_FALSE(test, gi_nv_reg_allowed(0x700000));
	KUNIT_EXPECT_FALSE(test, gi_nv_reg_allowed(GI_NV_GB100_LOCAL_MEMORY_RANGE));
	KUNIT_EXPECT_FALSE(test, gi_nv_reg_allowed(0xfffffffc));
}

static void nvreg_prom_readable(struct kunit *test)
{
	KUNIT_EXPECT_TRUE(test, gi_nv_prom_readable(0x162));	/* TU102 */
	KUNIT_EXPECT_TRUE(test, gi_nv_prom_readable(0x174));	/* GA104 */
	KUNIT_EXPECT_TRUE(test, gi_nv_prom_readable(0x192));	/* AD102 */
	KUNIT_EXPECT_FALSE(test, gi_nv_prom_readable(0x170));	/* GA100 */
	KUNIT_EXPECT_FALSE(test, gi_nv_prom_readable(0x180));	/* GH100 */
	KUNIT_EXPECT_FALSE(test, gi_nv_prom_readable(0x1b2));	/* GB202 */
	KUNIT_EXPECT_FALSE(test, gi_nv_prom_readable(0x134));	/* GP104 */
	KUNIT_EXPECT_FALSE(test, gi_nv_prom_readable(0x000));
	KUNIT_EXPECT_FALSE(test, gi_nv_prom_readable(0xffff));
}

/* The PROM window is a declared range, never a register. */
static void nvreg_prom_range(struct kunit *test)
{
	const struct gi_nv_range *r = &gi_nv_prom_range;

	KUNIT_EXPECT_TRUE(test, gi_nv_range_allowed(r, GI_NV_PROM_BASE));
	KUNIT_EXPECT_TRUE(test, gi_nv_range_allowed(r, GI_NV_PROM_BASE + GI_NV_PROM_SIZE - 4));
	KUNIT_EXPECT_FALSE(test, gi_nv_range_allowed(r, GI_NV_PROM_BASE + GI_NV_PROM_SIZE));
	KUNIT_EXPECT_FALSE(test, gi_nv_range_allowed(r, GI_NV_PROM_BASE - 4));
	KUNIT_EXPECT_FALSE(test, gi_nv_range_allowed(r, GI_NV_PROM_BASE + 2));
	KUNIT_EXPECT_FALSE(test, gi_nv_range_allowed(r, GI_NV_PMC_BOOT_42));
	KUNIT_EXPECT_FALSE(test, gi_nv_range_allowed(r, 0xfffffffc));
}

/* ERoT: a board that has one reads only with a grant; unreadable = no. */
static void nvreg_prom_granted_fails_closed(struct kunit *test)
{
	KUNIT_EXPECT_TRUE(test, gi_nv_prom_granted(GI_NV_ARCH_ADA, 0));
	KUNIT_EXPECT_TRUE(test, gi_nv_prom_granted(GI_NV_ARCH_ADA,
						   GI_NV_EROT_VALID | GI_NV_EROT_ALLOW));
	KUNIT_EXPECT_FALSE(test, gi_nv_prom_granted(GI_NV_ARCH_ADA, GI_NV_EROT_VALID));
	KUNIT_EXPECT_FALSE(test, gi_nv_prom_granted(GI_NV_ARCH_ADA, 0xffffffffu));
	KUNIT_EXPECT_FALSE(test, gi_nv_prom_granted(GI_NV_ARCH_ADA, 0xbadf1100u));
	KUNIT_EXPECT_TRUE(test, gi_nv_prom_granted(GI_NV_ARCH_AMPERE, 0xffffffffu));
}

static unsigned int prom_yields;

static void count_yield(void)
{
	prom_yields++;
}

static void nvreg_prom_copy_stops(struct kunit *test)
{
	u8 *buf = kunit_kzalloc(test, GI_NV_PROM_SIZE, GFP_KERNEL);
	struct fake_prom p = { .words = 3000, .stop = 0xffffffffu };

	KUNIT_ASSERT_NOT_NULL(test, buf);
	prom_yields = 0;
	KUNIT_EXPECT_EQ(test, gi_nv_prom_copy(fake_prom_rd, &p, buf, GI_NV_PROM_SIZE,
					      count_yield), (size_t)3000 * 4);
	KUNIT_EXPECT_EQ(test, p.reads, 3001U);
	KUNIT_EXPECT_EQ(test, p.bad_offsets, 0U);
	KUNIT_EXPECT_EQ(test, prom_yields, 3000U / GI_NV_PROM_PAUSE_WORDS);
	KUNIT_EXPECT_EQ(test, buf[0], 0);
	KUNIT_EXPECT_EQ(test, buf[3], 3);
	KUNIT_EXPECT_EQ(test, buf[7], 7);

	p = (struct fake_prom){ .words = 10, .stop = 0xbadf1100u };
	KUNIT_EXPECT_EQ(test, gi_nv_prom_copy(fake_prom_rd, &p, buf, GI_NV_PROM_SIZE,
					      NULL), (size_t)40);
	KUNIT_EXPECT_EQ(test, p.reads, 11U);

	p = (struct fake_prom){ .words = 0, .stop = 0xffffffffu };
	KUNIT_EXPECT_EQ(test, gi_nv_prom_copy(fake_prom_rd, &p, buf, GI_NV_PROM_SIZE,
					      NULL), (size_t)0);
	KUNIT_EXPECT_EQ(test, p.reads, 1U);

	p = (struct fake_prom){ .words = 0xffffffffu };
	KUNIT_EXPECT_EQ(test, gi_nv_prom_copy(fake_prom_rd, &p, buf, GI_NV_PROM_SIZE,
					      NULL), (size_t)GI_NV_PROM_SIZE);
	KUNIT_EXPECT_EQ(test, p.bad_offsets, 0U);
	KUNIT_EXPECT_EQ(test, p.last, (u32)(GI_NV_PROM_BASE + GI_NV_PROM_SIZE - 4));
}

static struct kunit_case gpuident_nvreg_cases[] = {
	KUNIT_CASE(nvreg_valid),
	KUNIT_CASE(nvreg_decode_boot42_ad102_a1),
	KUNIT_CASE(nvreg_decode_boot42_preferred),
	KUNIT_CASE(nvreg_decode_boot0_fallback),
	KUNIT_CASE(nvreg_decode_no_value),
	KUNIT_CASE(nvreg_decode_unknown_chip),
	KUNIT_CASE(nvreg_arch_and_chip_names),
	KUNIT_CASE(nvreg_rev_string),
	KUNIT_CASE(nvreg_local_memory_range),
	KUNIT_CASE(nvreg_vram_bytes),
	KUNIT_CASE(nvreg_tpcs_4090_vs_4090d),
	KUNIT_CASE(nvreg_tpcs_invalid),
	KUNIT_CASE(nvreg_sms_per_tpc_and_strap),
	KUNIT_CASE(nvreg_allowlist_accepts),
	KUNIT_CASE(nvreg_allowlist_rejects),
	KUNIT_CASE(nvreg_prom_readable),
	KUNIT_CASE(nvreg_prom_range),
	KUNIT_CASE(nvreg_prom_granted_fails_closed),
	KUNIT_CASE(nvreg_prom_copy_stops),
	{}
};

static struct kunit_suite gpuident_nvreg_suite = {
	.name = "gpuident_nvreg",
	.test_cases = gpuident_nvreg_cases,
};

kunit_test_suite(gpuident_nvreg_suite);
