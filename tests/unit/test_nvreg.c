// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests for the NVIDIA register decoders (kmod/core/nvreg.c). Register
 * values are built from the field layouts in nvreg.h, not copied from dumps.
 */
#include "gitest.h"
#include "gpuident/nvreg.h"
#include "../../kmod/kunit/nvregbuild.h"

#define MiB (1ull << 20)
#define GiB (1ull << 30)

GI_TEST(nvreg_valid)
{
	GI_EXPECT(gi_nv_reg_valid(0));
	GI_EXPECT(gi_nv_reg_valid(0x192a1000));
	GI_EXPECT(gi_nv_reg_valid(0xbac00000));
	GI_EXPECT(gi_nv_reg_valid(0xbae00000));
	GI_EXPECT(gi_nv_reg_valid(0xfffffffe));
	GI_EXPECT(!gi_nv_reg_valid(0xffffffff));
	GI_EXPECT(!gi_nv_reg_valid(0xbadf1100));	/* FECS PRI timeout */
	GI_EXPECT(!gi_nv_reg_valid(0xbad00100));	/* host PRI timeout */
	GI_EXPECT(!gi_nv_reg_valid(0xbad00f00));
	GI_EXPECT(!gi_nv_reg_valid(0xbad0b000));
	GI_EXPECT(!gi_nv_reg_valid(0xbadf4100));	/* target mask locked */
	GI_EXPECT(!gi_nv_reg_valid(0xbadf5000));
}

GI_TEST(nvreg_decode_boot42_ad102_a1)
{
	struct gi_nv_chip_id id;
	u32 b42 = boot42(0x19, 2, 0xa, 1);
	char rev[3];

	GI_EXPECT_EQ(b42, 0x192a1000);
	GI_REQUIRE(gi_nv_decode_chip(0, b42, &id));
	GI_EXPECT_EQ(id.chip_id, 0x192);
	GI_EXPECT_EQ(id.arch_code, 0x19);
	GI_EXPECT_EQ(id.impl, 2);
	GI_EXPECT_EQ(id.major_rev, 0xa);
	GI_EXPECT_EQ(id.minor_rev, 1);
	GI_EXPECT_EQ(id.arch, GI_NV_ARCH_ADA);
	GI_EXPECT_STR(id.chip_name, "AD102");
	gi_nv_rev_string(id.major_rev, id.minor_rev, rev);
	GI_EXPECT_STR(rev, "A1");
	GI_EXPECT_STR(gi_nv_arch_name(id.arch), "Ada Lovelace");
}

GI_TEST(nvreg_decode_boot42_preferred)
{
	struct gi_nv_chip_id id;

	/* BOOT_42 wins over a (different) BOOT_0. */
	GI_REQUIRE(gi_nv_decode_chip(boot0(0x16, 2, 0xa, 1),
				     boot42(0x1b, 2, 0xa, 1), &id));
	GI_EXPECT_EQ(id.chip_id, 0x1b2);
	GI_EXPECT_STR(id.chip_name, "GB202");
	GI_EXPECT_EQ(id.arch, GI_NV_ARCH_BLACKWELL);

	/* Extended-minor bits 11:8 do not leak into the fields. */
	GI_REQUIRE(gi_nv_decode_chip(0, boot42(0x17, 0, 0xa, 1) | 0xf00,
				     &id));
	GI_EXPECT_EQ(id.chip_id, 0x170);
	GI_EXPECT_STR(id.chip_name, "GA100");
	GI_EXPECT_EQ(id.minor_rev, 1);
}

GI_TEST(nvreg_decode_boot0_fallback)
{
	struct gi_nv_chip_id id;
	u32 b0 = boot0(0x16, 2, 0xa, 1);
	char rev[3];

	GI_EXPECT_EQ(b0, 0x162000a1);
	/* BOOT_42 invalid, PRI error, or zero: BOOT_0 is used. */
	GI_REQUIRE(gi_nv_decode_chip(b0, 0xffffffff, &id));
	GI_EXPECT_EQ(id.chip_id, 0x162);
	GI_EXPECT_EQ(id.arch_code, 0x16);
	GI_EXPECT_EQ(id.impl, 2);
	GI_EXPECT_EQ(id.major_rev, 0xa);
	GI_EXPECT_EQ(id.minor_rev, 1);
	GI_EXPECT_EQ(id.arch, GI_NV_ARCH_TURING);
	GI_EXPECT_STR(id.chip_name, "TU102");
	gi_nv_rev_string(id.major_rev, id.minor_rev, rev);
	GI_EXPECT_STR(rev, "A1");

	GI_REQUIRE(gi_nv_decode_chip(b0, 0xbadf1100, &id));
	GI_EXPECT_EQ(id.chip_id, 0x162);
	GI_REQUIRE(gi_nv_decode_chip(b0, 0xbad00100, &id));
	GI_EXPECT_EQ(id.chip_id, 0x162);
	GI_REQUIRE(gi_nv_decode_chip(b0, 0, &id));
	GI_EXPECT_EQ(id.chip_id, 0x162);

	/* Kepler has no BOOT_42; BOOT_0 9-bit chipset (nouveau). */
	GI_REQUIRE(gi_nv_decode_chip(boot0(0x10, 8, 0xa, 1), 0, &id));
	GI_EXPECT_EQ(id.chip_id, 0x108);
	GI_EXPECT_EQ(id.arch, GI_NV_ARCH_KEPLER);
	GI_EXPECT_STR(id.chip_name, "GK208");
	GI_REQUIRE(gi_nv_decode_chip(boot0(0x0e, 4, 0xa, 2), 0, &id));
	GI_EXPECT_EQ(id.chip_id, 0x0e4);
	GI_EXPECT_STR(id.chip_name, "GK104");

	/* BOOT_0 bits 31:29 are not part of the chipset. */
	GI_REQUIRE(gi_nv_decode_chip(0xe0000000 | b0, 0, &id));
	GI_EXPECT_EQ(id.chip_id, 0x162);
}

GI_TEST(nvreg_decode_no_value)
{
	struct gi_nv_chip_id id;

	GI_EXPECT(!gi_nv_decode_chip(0, 0, &id));
	GI_EXPECT(!gi_nv_decode_chip(0xffffffff, 0xffffffff, &id));
	GI_EXPECT(!gi_nv_decode_chip(0xbadf1100, 0xbad00100, &id));
	GI_EXPECT(!gi_nv_decode_chip(0xbad00100, 0, &id));
	/* Only revision fields set: no chip ID in either register. */
	GI_EXPECT(!gi_nv_decode_chip(0x000000a1, 0x000a1000, &id));
	GI_EXPECT(!gi_nv_decode_chip(boot0(0x19, 2, 0xa, 1),
				     boot42(0x19, 2, 0xa, 1), NULL));
}

GI_TEST(nvreg_decode_unknown_chip)
{
	struct gi_nv_chip_id id;

	/* A chip ID not in the table still decodes, with no name. */
	GI_REQUIRE(gi_nv_decode_chip(0, boot42(0x19, 9, 0xa, 1), &id));
	GI_EXPECT_EQ(id.chip_id, 0x199);
	GI_EXPECT_EQ(id.arch, GI_NV_ARCH_ADA);
	GI_EXPECT(id.chip_name == NULL);

	GI_REQUIRE(gi_nv_decode_chip(0, boot42(0x2f, 0, 0xa, 1), &id));
	GI_EXPECT_EQ(id.chip_id, 0x2f0);
	GI_EXPECT_EQ(id.arch, GI_NV_ARCH_UNKNOWN);
	GI_EXPECT(id.chip_name == NULL);
	GI_EXPECT_STR(gi_nv_arch_name(id.arch), "unknown");
}

GI_TEST(nvreg_arch_of)
{
	GI_EXPECT_EQ(gi_nv_arch_of(0x0e4), GI_NV_ARCH_KEPLER);
	GI_EXPECT_EQ(gi_nv_arch_of(0x0f1), GI_NV_ARCH_KEPLER);
	GI_EXPECT_EQ(gi_nv_arch_of(0x106), GI_NV_ARCH_KEPLER);
	GI_EXPECT_EQ(gi_nv_arch_of(0x117), GI_NV_ARCH_MAXWELL);
	GI_EXPECT_EQ(gi_nv_arch_of(0x126), GI_NV_ARCH_MAXWELL);
	GI_EXPECT_EQ(gi_nv_arch_of(0x130), GI_NV_ARCH_PASCAL);
	GI_EXPECT_EQ(gi_nv_arch_of(0x138), GI_NV_ARCH_PASCAL);
	GI_EXPECT_EQ(gi_nv_arch_of(0x140), GI_NV_ARCH_VOLTA);
	GI_EXPECT_EQ(gi_nv_arch_of(0x168), GI_NV_ARCH_TURING);
	GI_EXPECT_EQ(gi_nv_arch_of(0x17b), GI_NV_ARCH_AMPERE);
	GI_EXPECT_EQ(gi_nv_arch_of(0x180), GI_NV_ARCH_HOPPER);
	GI_EXPECT_EQ(gi_nv_arch_of(0x197), GI_NV_ARCH_ADA);
	GI_EXPECT_EQ(gi_nv_arch_of(0x1a0), GI_NV_ARCH_BLACKWELL);
	GI_EXPECT_EQ(gi_nv_arch_of(0x1b7), GI_NV_ARCH_BLACKWELL);
	GI_EXPECT_EQ(gi_nv_arch_of(0x0d9), GI_NV_ARCH_UNKNOWN);	/* Fermi */
	GI_EXPECT_EQ(gi_nv_arch_of(0x000), GI_NV_ARCH_UNKNOWN);
	GI_EXPECT_EQ(gi_nv_arch_of(0x1c0), GI_NV_ARCH_UNKNOWN);
	GI_EXPECT_EQ(gi_nv_arch_of(0x3ff), GI_NV_ARCH_UNKNOWN);

	GI_EXPECT_STR(gi_nv_arch_name(GI_NV_ARCH_KEPLER), "Kepler");
	GI_EXPECT_STR(gi_nv_arch_name(GI_NV_ARCH_BLACKWELL), "Blackwell");
}

GI_TEST(nvreg_chip_names)
{
	static const struct {
		u16 id;
		const char *name;
	} want[] = {
		{ 0x0e4, "GK104" }, { 0x0e6, "GK106" }, { 0x0e7, "GK107" },
		{ 0x0f0, "GK110" }, { 0x0f1, "GK110B" }, { 0x106, "GK208B" },
		{ 0x108, "GK208" }, { 0x117, "GM107" }, { 0x118, "GM108" },
		{ 0x120, "GM200" }, { 0x124, "GM204" }, { 0x126, "GM206" },
		{ 0x130, "GP100" }, { 0x132, "GP102" }, { 0x134, "GP104" },
		{ 0x136, "GP106" }, { 0x137, "GP107" }, { 0x138, "GP108" },
		{ 0x140, "GV100" }, { 0x162, "TU102" }, { 0x164, "TU104" },
		{ 0x166, "TU106" }, { 0x167, "TU117" }, { 0x168, "TU116" },
		{ 0x170, "GA100" }, { 0x172, "GA102" }, { 0x173, "GA103" },
		{ 0x174, "GA104" }, { 0x176, "GA106" }, { 0x177, "GA107" },
		{ 0x17b, "GA10B" }, { 0x180, "GH100" }, { 0x192, "AD102" },
		{ 0x193, "AD103" }, { 0x194, "AD104" }, { 0x196, "AD106" },
		{ 0x197, "AD107" }, { 0x1a0, "GB100" }, { 0x1a2, "GB102" },
		{ 0x1b2, "GB202" }, { 0x1b3, "GB203" }, { 0x1b5, "GB205" },
		{ 0x1b6, "GB206" }, { 0x1b7, "GB207" },
	};
	size_t i;

	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		GI_EXPECT_STR(gi_nv_chip_name(want[i].id), want[i].name);
		/* Every named chip has a known architecture. */
		GI_EXPECT(gi_nv_arch_of(want[i].id) != GI_NV_ARCH_UNKNOWN);
	}
	GI_EXPECT(gi_nv_chip_name(0x000) == NULL);
	GI_EXPECT(gi_nv_chip_name(0x190) == NULL);
	GI_EXPECT(gi_nv_chip_name(0x195) == NULL);
	GI_EXPECT(gi_nv_chip_name(0xffff) == NULL);
}

GI_TEST(nvreg_rev_string)
{
	char buf[3];

	gi_nv_rev_string(0xa, 1, buf);
	GI_EXPECT_STR(buf, "A1");
	gi_nv_rev_string(0xa, 0, buf);
	GI_EXPECT_STR(buf, "A0");
	gi_nv_rev_string(0xb, 2, buf);
	GI_EXPECT_STR(buf, "B2");
	gi_nv_rev_string(0xf, 9, buf);
	GI_EXPECT_STR(buf, "F9");
	gi_nv_rev_string(0x0, 1, buf);
	GI_EXPECT_STR(buf, "?1");
	gi_nv_rev_string(0xa, 0xc, buf);
	GI_EXPECT_STR(buf, "AC");
	gi_nv_rev_string(0x10, 0x10, buf);
	GI_EXPECT_STR(buf, "??");
}

GI_TEST(nvreg_local_memory_range)
{
	/* 2080 Ti: 11 GiB = MAG 11 << (SCALE 10 + 20) */
	GI_EXPECT_EQ(lmr(11, 10, false), 0xba);
	GI_EXPECT_EQ(gi_nv_local_memory_range_bytes(lmr(11, 10, false)),
		     11264 * MiB);
	/* Same size, other MAG/SCALE split. */
	GI_EXPECT_EQ(gi_nv_local_memory_range_bytes(lmr(44, 8, false)),
		     11 * GiB);
	GI_EXPECT_EQ(gi_nv_local_memory_range_bytes(lmr(1, 0, false)), MiB);
	/* ECC carves out 1/16: 16 GiB -> 15 GiB, 40 GiB -> 37.5 GiB */
	GI_EXPECT_EQ(gi_nv_local_memory_range_bytes(lmr(1, 14, true)),
		     15 * GiB);
	GI_EXPECT_EQ(gi_nv_local_memory_range_bytes(lmr(5, 13, true)),
		     40 * GiB / 16 * 15);
	GI_EXPECT_EQ(gi_nv_local_memory_range_bytes(lmr(5, 13, true)),
		     38400 * MiB);
	/* Bits outside the three fields are ignored. */
	GI_EXPECT_EQ(gi_nv_local_memory_range_bytes(lmr(11, 10, false) |
						    0x0000fc00),
		     11264 * MiB);
	/* Largest encodable value does not overflow. */
	GI_EXPECT_EQ(gi_nv_local_memory_range_bytes(lmr(63, 15, false)),
		     63ull << 35);
	GI_EXPECT_EQ(gi_nv_local_memory_range_bytes(0), 0);
	GI_EXPECT_EQ(gi_nv_local_memory_range_bytes(0xffffffff), 0);
	GI_EXPECT_EQ(gi_nv_local_memory_range_bytes(0xbadf1100), 0);
}

GI_TEST(nvreg_vram_local_memory_range_chips)
{
	u64 bytes = 0;

	/* TU102 (2080 Ti), USABLE_FB ignored */
	GI_REQUIRE(gi_nv_vram_bytes(0x162, lmr(11, 10, false), 0xffffffff,
				    &bytes));
	GI_EXPECT_EQ(bytes, 11264 * MiB);
	/* GA100 40 GB with ECC */
	GI_REQUIRE(gi_nv_vram_bytes(0x170, lmr(5, 13, true), 0, &bytes));
	GI_EXPECT_EQ(bytes, 38400 * MiB);
	/* GP102 and GV100 (nouveau gp102_fb_vidmem_size) */
	GI_REQUIRE(gi_nv_vram_bytes(0x132, lmr(11, 10, false), 0, &bytes));
	GI_EXPECT_EQ(bytes, 11 * GiB);
	GI_REQUIRE(gi_nv_vram_bytes(0x140, lmr(1, 15, true), 0, &bytes));
	GI_EXPECT_EQ(bytes, 30 * GiB);

	/* Invalid or empty register: no answer, *bytes untouched. */
	bytes = 1234;
	GI_EXPECT(!gi_nv_vram_bytes(0x162, 0xffffffff, 24576, &bytes));
	GI_EXPECT(!gi_nv_vram_bytes(0x162, 0xbadf1100, 24576, &bytes));
	GI_EXPECT(!gi_nv_vram_bytes(0x162, 0xbad00100, 24576, &bytes));
	GI_EXPECT(!gi_nv_vram_bytes(0x162, 0, 24576, &bytes));
	/* MAG 0 with other bits set decodes to 0 bytes. */
	GI_EXPECT(!gi_nv_vram_bytes(0x162, lmr(0, 10, true), 24576, &bytes));
	GI_EXPECT_EQ(bytes, 1234);
}

GI_TEST(nvreg_vram_usable_fb_chips)
{
	u64 bytes = 0;

	/* RTX 4090 (AD102) 24 GiB, LOCAL_MEMORY_RANGE ignored */
	GI_REQUIRE(gi_nv_vram_bytes(0x192, 0xffffffff, 24576, &bytes));
	GI_EXPECT_EQ(bytes, 24 * GiB);
	/* "4090 48GB" clamshell mod */
	GI_REQUIRE(gi_nv_vram_bytes(0x192, 0, 49152, &bytes));
	GI_EXPECT_EQ(bytes, 48 * GiB);
	/* GA102, GH100, GB202 */
	GI_REQUIRE(gi_nv_vram_bytes(0x172, 0, 24576, &bytes));
	GI_EXPECT_EQ(bytes, 24 * GiB);
	GI_REQUIRE(gi_nv_vram_bytes(0x180, 0, 81920, &bytes));
	GI_EXPECT_EQ(bytes, 80 * GiB);
	GI_REQUIRE(gi_nv_vram_bytes(0x1b2, 0, 32768, &bytes));
	GI_EXPECT_EQ(bytes, 32 * GiB);
	/* Full 32-bit MiB field */
	GI_REQUIRE(gi_nv_vram_bytes(0x192, 0, 0x7fffffff, &bytes));
	GI_EXPECT_EQ(bytes, 0x7fffffffull << 20);

	bytes = 1234;
	GI_EXPECT(!gi_nv_vram_bytes(0x192, lmr(11, 10, false), 0, &bytes));
	GI_EXPECT(!gi_nv_vram_bytes(0x192, 0, 0xffffffff, &bytes));
	GI_EXPECT(!gi_nv_vram_bytes(0x192, 0, 0xbadf1100, &bytes));
	GI_EXPECT(!gi_nv_vram_bytes(0x192, 0, 0xbad00100, &bytes));
	GI_EXPECT_EQ(bytes, 1234);
}

GI_TEST(nvreg_vram_unsupported_chips)
{
	u64 bytes = 1234;

	/* GB100: register moved, not read. */
	GI_EXPECT(!gi_nv_vram_bytes(0x1a0, lmr(11, 10, false), 24576,
				    &bytes));
	GI_EXPECT(!gi_nv_vram_bytes(0x1a2, lmr(11, 10, false), 24576,
				    &bytes));
	/* Unknown / not covered: Kepler, Maxwell, GP100, GA10B, 0 */
	GI_EXPECT(!gi_nv_vram_bytes(0x0e4, lmr(11, 10, false), 24576,
				    &bytes));
	GI_EXPECT(!gi_nv_vram_bytes(0x124, lmr(11, 10, false), 24576,
				    &bytes));
	GI_EXPECT(!gi_nv_vram_bytes(0x130, lmr(11, 10, false), 24576,
				    &bytes));
	GI_EXPECT(!gi_nv_vram_bytes(0x17b, lmr(11, 10, false), 24576,
				    &bytes));
	GI_EXPECT(!gi_nv_vram_bytes(0x000, lmr(11, 10, false), 24576,
				    &bytes));
	GI_EXPECT(!gi_nv_vram_bytes(0x1c0, lmr(11, 10, false), 24576,
				    &bytes));
	GI_EXPECT(!gi_nv_vram_bytes(0x192, 0, 24576, NULL));
	GI_EXPECT_EQ(bytes, 1234);
}

/*
 * AD102: 12 GPCs x 6 TPCs = 72 TPCs (144 SMs). Both boards below have GPC
 * 11 fused off (66 TPCs left); the RTX 4090 loses 2 more TPCs (64 TPC, 128
 * SM), the RTX 4090 D loses 9 (57 TPC, 114 SM).
 */
GI_TEST(nvreg_tpcs_4090_vs_4090d)
{
	const u32 gpc_disable = 1u << 11;
	u32 tpc_4090[12] = { 0 };
	u32 tpc_4090d[12] = { 0 };
	int tpcs;

	/* Full die */
	tpcs = gi_nv_enabled_tpcs(0, tpc_4090, 12, 6);
	GI_EXPECT_EQ(tpcs, 72);
	GI_EXPECT_EQ(tpcs * (int)gi_nv_sms_per_tpc(0x192), 144);

	/* RTX 4090 */
	tpc_4090[0] = 0x01;
	tpc_4090[5] = 0x20;
	tpc_4090[11] = 0x3f;		/* GPC 11 is off anyway */
	tpcs = gi_nv_enabled_tpcs(gpc_disable, tpc_4090, 12, 6);
	GI_EXPECT_EQ(tpcs, 64);
	GI_EXPECT_EQ(tpcs * (int)gi_nv_sms_per_tpc(0x192), 128);

	/* RTX 4090 D: 1 + 2 + 1 + 2 + 1 + 1 + 1 = 9 more TPCs off */
	tpc_4090d[0] = 0x01;
	tpc_4090d[1] = 0x03;
	tpc_4090d[2] = 0x04;
	tpc_4090d[3] = 0x30;
	tpc_4090d[4] = 0x01;
	tpc_4090d[5] = 0x20;
	tpc_4090d[6] = 0x02;
	tpcs = gi_nv_enabled_tpcs(gpc_disable, tpc_4090d, 12, 6);
	GI_EXPECT_EQ(tpcs, 57);
	GI_EXPECT_EQ(tpcs * (int)gi_nv_sms_per_tpc(0x192), 114);
}

GI_TEST(nvreg_tpcs_masks)
{
	u32 tpc[12] = { 0 };

	/* Mask bits above tpc_per_gpc are ignored. */
	tpc[0] = 0xc0;
	GI_EXPECT_EQ(gi_nv_enabled_tpcs(0, tpc, 1, 6), 6);
	/* GPC disable bits above n_gpcs are ignored. */
	GI_EXPECT_EQ(gi_nv_enabled_tpcs(0xfffffffe, tpc, 1, 6), 6);
	/* All GPCs off */
	GI_EXPECT_EQ(gi_nv_enabled_tpcs(0xfff, tpc, 12, 6), 0);
	/* 32 TPCs per GPC: the whole word counts. */
	tpc[0] = 0x80000001;
	GI_EXPECT_EQ(gi_nv_enabled_tpcs(0, tpc, 1, 32), 30);
	/* A disabled GPC's TPC word is not used, even if unreadable. */
	tpc[0] = 0;
	tpc[1] = 0xbadf1100;
	GI_EXPECT_EQ(gi_nv_enabled_tpcs(0x2, tpc, 2, 6), 6);
}

GI_TEST(nvreg_tpcs_invalid)
{
	u32 tpc[13] = { 0 };

	GI_EXPECT_EQ(gi_nv_enabled_tpcs(0xffffffff, tpc, 12, 6), -1);
	GI_EXPECT_EQ(gi_nv_enabled_tpcs(0xbadf1100, tpc, 12, 6), -1);
	GI_EXPECT_EQ(gi_nv_enabled_tpcs(0xbad00100, tpc, 12, 6), -1);
	GI_EXPECT_EQ(gi_nv_enabled_tpcs(0, tpc, 13, 6), -1);
	GI_EXPECT_EQ(gi_nv_enabled_tpcs(0, tpc, 0, 6), -1);
	GI_EXPECT_EQ(gi_nv_enabled_tpcs(0, tpc, 12, 0), -1);
	GI_EXPECT_EQ(gi_nv_enabled_tpcs(0, tpc, 12, 33), -1);
	GI_EXPECT_EQ(gi_nv_enabled_tpcs(0, NULL, 12, 6), -1);
	tpc[7] = 0xffffffff;
	GI_EXPECT_EQ(gi_nv_enabled_tpcs(0, tpc, 12, 6), -1);
	tpc[7] = 0xbad00f00;
	GI_EXPECT_EQ(gi_nv_enabled_tpcs(0, tpc, 12, 6), -1);
	/* ... unless that GPC is disabled. */
	GI_EXPECT_EQ(gi_nv_enabled_tpcs(1u << 7, tpc, 12, 6), 66);
}

GI_TEST(nvreg_sms_per_tpc)
{
	GI_EXPECT_EQ(gi_nv_sms_per_tpc(0x130), 2);	/* GP100 */
	GI_EXPECT_EQ(gi_nv_sms_per_tpc(0x132), 1);	/* GP102 */
	GI_EXPECT_EQ(gi_nv_sms_per_tpc(0x138), 1);
	GI_EXPECT_EQ(gi_nv_sms_per_tpc(0x117), 1);	/* GM107 */
	GI_EXPECT_EQ(gi_nv_sms_per_tpc(0x124), 1);
	GI_EXPECT_EQ(gi_nv_sms_per_tpc(0x140), 2);
	GI_EXPECT_EQ(gi_nv_sms_per_tpc(0x162), 2);
	GI_EXPECT_EQ(gi_nv_sms_per_tpc(0x172), 2);
	GI_EXPECT_EQ(gi_nv_sms_per_tpc(0x180), 2);
	GI_EXPECT_EQ(gi_nv_sms_per_tpc(0x192), 2);
	GI_EXPECT_EQ(gi_nv_sms_per_tpc(0x1a0), 2);
	GI_EXPECT_EQ(gi_nv_sms_per_tpc(0x1b2), 2);
	GI_EXPECT_EQ(gi_nv_sms_per_tpc(0x0e4), 0);	/* Kepler: no TPCs */
	GI_EXPECT_EQ(gi_nv_sms_per_tpc(0x000), 0);
	GI_EXPECT_EQ(gi_nv_sms_per_tpc(0x2f0), 0);
}

GI_TEST(nvreg_ramcfg_strap)
{
	GI_EXPECT_EQ(gi_nv_ramcfg_strap(0), 0);
	GI_EXPECT_EQ(gi_nv_ramcfg_strap(0x3c), 0xf);
	GI_EXPECT_EQ(gi_nv_ramcfg_strap(0x00400040 | (5u << 2)), 5);
	GI_EXPECT_EQ(gi_nv_ramcfg_strap(0xffffffc3), 0);
}

GI_TEST(nvreg_allowlist_accepts)
{
	unsigned int i;
	size_t j;

	GI_EXPECT(gi_nv_reg_allowed(GI_NV_PMC_BOOT_0));
	GI_EXPECT(gi_nv_reg_allowed(GI_NV_PMC_BOOT_1));
	GI_EXPECT(gi_nv_reg_allowed(GI_NV_PMC_BOOT_2));
	GI_EXPECT(gi_nv_reg_allowed(GI_NV_PMC_BOOT_42));
	GI_EXPECT(gi_nv_reg_allowed(GI_NV_PEXTDEV_BOOT_0));
	GI_EXPECT(gi_nv_reg_allowed(GI_NV_PTOP_SCAL_NUM_GPCS));
	GI_EXPECT(gi_nv_reg_allowed(GI_NV_PTOP_SCAL_NUM_TPC_PER_GPC));
	GI_EXPECT(gi_nv_reg_allowed(GI_NV_PTOP_SCAL_NUM_FBPS));
	GI_EXPECT(gi_nv_reg_allowed(GI_NV_PFB_LOCAL_MEMORY_RANGE));
	GI_EXPECT(gi_nv_reg_allowed(GI_NV_USABLE_FB_SIZE_IN_MB));
	GI_EXPECT(gi_nv_reg_allowed(GI_NV_PBUS_SW_SCRATCH_0));
	GI_EXPECT(!gi_nv_reg_allowed(GI_NV_PBUS_SW_SCRATCH_0 + 4));
	GI_EXPECT(gi_nv_reg_allowed(GI_NV_FUSE_TU_OPT_GPC));
	GI_EXPECT(gi_nv_reg_allowed(GI_NV_FUSE_TU_OPT_FBP));
	GI_EXPECT(gi_nv_reg_allowed(GI_NV_FUSE_GA_OPT_GPC));
	GI_EXPECT(gi_nv_reg_allowed(GI_NV_FUSE_GA_OPT_FBP));
	for (i = 0; i < GI_NV_FUSE_MAX_GPCS; i++) {
		GI_EXPECT(gi_nv_reg_allowed(GI_NV_FUSE_TU_OPT_TPC_GPC(i)));
		GI_EXPECT(gi_nv_reg_allowed(GI_NV_FUSE_GA_OPT_TPC_GPC(i)));
	}
	GI_EXPECT_EQ(gi_nv_allowlist_len, 11 + 2 * (2 + GI_NV_FUSE_MAX_GPCS));

	/* Every entry: aligned, named, unique, and accepted. */
	for (j = 0; j < gi_nv_allowlist_len; j++) {
		size_t k;

		GI_EXPECT_EQ(gi_nv_allowlist[j].offset & 3, 0);
		GI_EXPECT(gi_nv_allowlist[j].name &&
			  !strncmp(gi_nv_allowlist[j].name, "NV_", 3));
		GI_EXPECT(gi_nv_reg_allowed(gi_nv_allowlist[j].offset));
		for (k = j + 1; k < gi_nv_allowlist_len; k++) {
			GI_EXPECT(gi_nv_allowlist[j].offset !=
				  gi_nv_allowlist[k].offset);
			GI_EXPECT(strcmp(gi_nv_allowlist[j].name,
					 gi_nv_allowlist[k].name));
		}
	}
	GI_EXPECT_STR(gi_nv_allowlist[3].name, "NV_PMC_BOOT_42");
}

GI_TEST(nvreg_allowlist_rejects)
{
	unsigned int i;

	/* Unaligned offsets inside allowed registers */
	GI_EXPECT(!gi_nv_reg_allowed(GI_NV_PMC_BOOT_42 + 1));
	GI_EXPECT(!gi_nv_reg_allowed(GI_NV_PMC_BOOT_42 + 2));
	GI_EXPECT(!gi_nv_reg_allowed(GI_NV_USABLE_FB_SIZE_IN_MB + 3));
	GI_EXPECT(!gi_nv_reg_allowed(GI_NV_PMC_BOOT_0 + 1));
	/* Writable CTRL_OPT fuse copies (TU and GA) */
	for (i = 0; i < GI_NV_FUSE_MAX_GPCS; i++) {
		GI_EXPECT(!gi_nv_reg_allowed(0x021838 + 4 * i));
		GI_EXPECT(!gi_nv_reg_allowed(0x820838 + 4 * i));
	}
	GI_EXPECT(!gi_nv_reg_allowed(0x82081c));	/* CTRL_OPT_GPC */
	GI_EXPECT(!gi_nv_reg_allowed(0x820938));	/* CTRL_OPT_FBP */
	/* One past the TPC_GPC lists */
	GI_EXPECT(!gi_nv_reg_allowed(
		GI_NV_FUSE_TU_OPT_TPC_GPC(GI_NV_FUSE_MAX_GPCS)));
	GI_EXPECT(!gi_nv_reg_allowed(
		GI_NV_FUSE_GA_OPT_TPC_GPC(GI_NV_FUSE_MAX_GPCS)));
	/* PROM and PRAMIN windows */
	GI_EXPECT(!gi_nv_reg_allowed(0x300000));
	GI_EXPECT(!gi_nv_reg_allowed(0x300004));
	GI_EXPECT(!gi_nv_reg_allowed(0x700000));
	/* Not decoded, so not read */
	GI_EXPECT(!gi_nv_reg_allowed(GI_NV_GB100_LOCAL_MEMORY_RANGE));
	/* Straps override / other registers */
	GI_EXPECT(!gi_nv_reg_allowed(0x10100c));
	GI_EXPECT(!gi_nv_reg_allowed(0x088000));
	GI_EXPECT(!gi_nv_reg_allowed(0x820344));	/* PDI: not listed */
	GI_EXPECT(!gi_nv_reg_allowed(0x118234));
	GI_EXPECT(!gi_nv_reg_allowed(0x000a04));
	GI_EXPECT(!gi_nv_reg_allowed(0xfffffffc));
}

GI_TEST(nvreg_fb_size_register_and_prom)
{
	GI_EXPECT_EQ(gi_nv_fb_size_reg(0x162), GI_NV_PFB_LOCAL_MEMORY_RANGE);
	GI_EXPECT_EQ(gi_nv_fb_size_reg(0x170), GI_NV_PFB_LOCAL_MEMORY_RANGE);
	GI_EXPECT_EQ(gi_nv_fb_size_reg(0x172), GI_NV_USABLE_FB_SIZE_IN_MB);
	GI_EXPECT_EQ(gi_nv_fb_size_reg(0x192), GI_NV_USABLE_FB_SIZE_IN_MB);
	GI_EXPECT_EQ(gi_nv_fb_size_reg(0x1a0), 0);
	GI_EXPECT_EQ(gi_nv_fb_size_reg(0xfff), 0);
	/* every register the decoder may ask for is one the module may read */
	GI_EXPECT(gi_nv_reg_allowed(gi_nv_fb_size_reg(0x192)));
	GI_EXPECT(gi_nv_reg_allowed(gi_nv_fb_size_reg(0x164)));

	GI_EXPECT(gi_nv_prom_readable(0x162));	/* TU102 */
	GI_EXPECT(gi_nv_prom_readable(0x174));	/* GA104 */
	GI_EXPECT(gi_nv_prom_readable(0x192));	/* AD102 */
	GI_EXPECT(!gi_nv_prom_readable(0x170));	/* GA100: IFR offset not applied */
	GI_EXPECT(!gi_nv_prom_readable(0x180));	/* GH100 */
	GI_EXPECT(!gi_nv_prom_readable(0x1b2));	/* GB202 */
	GI_EXPECT(!gi_nv_prom_readable(0x134));	/* GP104: nouveau writes first */
}

GI_TEST(nvreg_fuses_published)
{
	GI_EXPECT(gi_nv_fuses_published(0x162));	/* TU102 */
	GI_EXPECT(gi_nv_fuses_published(0x174));	/* GA104 */
	GI_EXPECT(!gi_nv_fuses_published(0x192));	/* AD102: inferred */
	GI_EXPECT(!gi_nv_fuses_published(0x180));	/* GH100 */
	GI_EXPECT(!gi_nv_fuses_published(0x134));	/* GP104 */
}

/* A fake BAR0: a few registers, everything else a PRI error. */
struct fake_bar0 {
	u32 gpc_disable;
	u32 tpc_disable[GI_NV_FUSE_MAX_GPCS];
	u32 boot42;
	u32 fb_mb;
	unsigned int reads, disallowed;
};

static u32 fake_rd(void *ctx, u32 off)
{
	struct fake_bar0 *b = ctx;

	b->reads++;
	if (!gi_nv_reg_allowed(off))
		b->disallowed++;
	if (off == GI_NV_PMC_BOOT_42)
		return b->boot42;
	if (off == GI_NV_PMC_BOOT_0)
		return 0;
	if (off == GI_NV_USABLE_FB_SIZE_IN_MB)
		return b->fb_mb;
	if (off == GI_NV_PTOP_SCAL_NUM_GPCS)
		return 12;
	if (off == GI_NV_PTOP_SCAL_NUM_TPC_PER_GPC)
		return 6;
	if (off == GI_NV_FUSE_GA_OPT_GPC)
		return b->gpc_disable;
	if (off >= GI_NV_FUSE_GA_OPT_TPC_GPC(0) &&
	    off < GI_NV_FUSE_GA_OPT_TPC_GPC(GI_NV_FUSE_MAX_GPCS))
		return b->tpc_disable[(off - GI_NV_FUSE_GA_OPT_TPC_GPC(0)) / 4];
	return 0xbadf1100;
}

GI_TEST(nvreg_probe_reads_only_allowlisted_registers)
{
	struct fake_bar0 b = { .boot42 = 0x192A1000, .fb_mb = 49152 };
	struct gi_nv_probe p;
	unsigned int g;

	/* AD102 with GPC 11 fused off: 11 x 6 = 66 TPCs, less 2 in GPC 0 */
	b.gpc_disable = 1u << 11;
	for (g = 0; g < 11; g++)
		b.tpc_disable[g] = 0;
	b.tpc_disable[0] = 0x3;
	GI_REQUIRE(gi_nv_probe(fake_rd, &b, &p));
	GI_EXPECT(p.has_chip);
	GI_EXPECT_EQ(p.chip.chip_id, 0x192);
	GI_EXPECT(p.has_vram);
	GI_EXPECT_EQ(p.vram_bytes, 49152ull << 20);
	GI_EXPECT(p.has_sm);
	GI_EXPECT_EQ(p.sm_count, 128);
	GI_EXPECT(!p.sm_from_fuses);	/* AD10x fuse offsets are inferred */
	GI_EXPECT_EQ(b.disallowed, 0);
	GI_EXPECT(b.reads > 0);

	/* the 4090 D: 57 TPCs */
	b.tpc_disable[1] = 0x3f;	/* 6 more off */
	b.tpc_disable[2] = 0x1;		/* and one */
	GI_REQUIRE(gi_nv_probe(fake_rd, &b, &p));
	GI_EXPECT_EQ(p.sm_count, 114);

	/* a GPU off the bus */
	b.boot42 = 0xffffffff;
	GI_EXPECT(!gi_nv_probe(fake_rd, &b, &p));
	GI_EXPECT(!p.has_chip);
}

/* The PROM window is a declared range, never a register. */
GI_TEST(nvreg_prom_range)
{
	const struct gi_nv_range *r = &gi_nv_prom_range;

	GI_EXPECT(gi_nv_range_allowed(r, GI_NV_PROM_BASE));
	GI_EXPECT(gi_nv_range_allowed(r, GI_NV_PROM_BASE + GI_NV_PROM_SIZE - 4));
	GI_EXPECT(!gi_nv_range_allowed(r, GI_NV_PROM_BASE + GI_NV_PROM_SIZE));
	GI_EXPECT(!gi_nv_range_allowed(r, GI_NV_PROM_BASE - 4));
	GI_EXPECT(!gi_nv_range_allowed(r, GI_NV_PROM_BASE + 2));
	GI_EXPECT(!gi_nv_range_allowed(r, GI_NV_PMC_BOOT_42));
	GI_EXPECT(!gi_nv_range_allowed(r, 0xfffffffc));
	GI_EXPECT(!gi_nv_reg_allowed(GI_NV_PROM_BASE));
}

/* ERoT: a board that has one reads only with a grant; unreadable = no. */
GI_TEST(nvreg_prom_granted_fails_closed)
{
	GI_EXPECT(gi_nv_prom_granted(GI_NV_ARCH_ADA, 0));
	GI_EXPECT(gi_nv_prom_granted(GI_NV_ARCH_ADA,
				     GI_NV_EROT_VALID | GI_NV_EROT_ALLOW));
	GI_EXPECT(!gi_nv_prom_granted(GI_NV_ARCH_ADA, GI_NV_EROT_VALID));
	GI_EXPECT(!gi_nv_prom_granted(GI_NV_ARCH_ADA, 0xffffffffu));
	GI_EXPECT(!gi_nv_prom_granted(GI_NV_ARCH_ADA, 0xbadf1100u));
	GI_EXPECT(gi_nv_prom_granted(GI_NV_ARCH_AMPERE, 0xffffffffu));
	GI_EXPECT(gi_nv_prom_granted(GI_NV_ARCH_TURING, GI_NV_EROT_VALID));
}

static unsigned int prom_yields;

static void count_yield(void)
{
	prom_yields++;
}

GI_TEST(nvreg_prom_copy_stops_at_first_non_data_word)
{
	static u8 buf[GI_NV_PROM_SIZE];
	struct fake_prom p = { .words = 3000, .stop = 0xffffffffu };

	prom_yields = 0;
	GI_EXPECT(gi_nv_prom_copy(fake_prom_rd, &p, buf, sizeof(buf),
				  count_yield) == 3000 * 4);
	GI_EXPECT(p.reads == 3001);
	GI_EXPECT(p.bad_offsets == 0);
	GI_EXPECT(prom_yields == 3000 / GI_NV_PROM_PAUSE_WORDS);
	/* little endian, byte for byte */
	GI_EXPECT(buf[0] == 0 && buf[1] == 1 && buf[2] == 2 && buf[3] == 3);
	GI_EXPECT(buf[4] == 4 && buf[7] == 7);

	p = (struct fake_prom){ .words = 10, .stop = 0xbadf1100u };
	GI_EXPECT(gi_nv_prom_copy(fake_prom_rd, &p, buf, sizeof(buf), NULL) == 40);
	GI_EXPECT(p.reads == 11);

	/* a dead GPU: one read */
	p = (struct fake_prom){ .words = 0, .stop = 0xffffffffu };
	GI_EXPECT(gi_nv_prom_copy(fake_prom_rd, &p, buf, sizeof(buf), NULL) == 0);
	GI_EXPECT(p.reads == 1);

	/* never past the window, whatever size is asked for */
	p = (struct fake_prom){ .words = 0xffffffffu };
	GI_EXPECT(gi_nv_prom_copy(fake_prom_rd, &p, buf, sizeof(buf), NULL) ==
		  GI_NV_PROM_SIZE);
	GI_EXPECT(p.reads == GI_NV_PROM_SIZE / 4);
	GI_EXPECT(p.bad_offsets == 0);
	GI_EXPECT(p.last == GI_NV_PROM_BASE + GI_NV_PROM_SIZE - 4);

	/* and never past @size */
	p = (struct fake_prom){ .words = 0xffffffffu };
	GI_EXPECT(gi_nv_prom_copy(fake_prom_rd, &p, buf, 512, NULL) == 512);
	GI_EXPECT(p.reads == 128);
}
