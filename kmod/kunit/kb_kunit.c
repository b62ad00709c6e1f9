// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite gpuident_kb: the knowledge base (kmod/core/kb.c, kb_table.c)
 * as the module sees it: lookups, regional SKUs resolving to their base
 * SKU, the 4090 / 4090 D SM counts. The full table checks are in
 * tests/unit/test_kb.c.
 */
#include <kunit/test.h>

#include "gpuident/kb.h"

#define NV	GI_VENDOR_NVIDIA
#define AMD	GI_VENDOR_AMD
#define INTEL	GI_VENDOR_INTEL

static const struct gi_sku *sku(struct kunit *test, u16 vendor, u16 device,
				u16 ssvid, u16 ssid)
{
	const struct gi_sku *s = gi_kb_sku(vendor, device, ssvid, ssid);

	KUNIT_ASSERT_NOT_NULL_MSG(test, s, "%04x:%04x %04x:%04x not in the table",
				  vendor, device, ssvid, ssid);
	return s;
}

static void kb_sku_known(struct kunit *test)
{
	const struct gi_sku *s = sku(test, NV, 0x2684, 0, 0);

	KUNIT_EXPECT_STREQ(test, s->product, "NVIDIA GeForce RTX 4090");
	KUNIT_EXPECT_STREQ(test, s->chip, "AD102");
	KUNIT_EXPECT_EQ(test, gi_sku_vram_max(s), 24576U);
	KUNIT_EXPECT_EQ(test, s->mem_type, GI_MEM_GDDR6X);
	KUNIT_EXPECT_EQ(test, s->bus_bits, 384);
	KUNIT_EXPECT_FALSE(test, s->flags & GI_SKU_REGIONAL);

	s = sku(test, NV, 0x2206, 0, 0);
	KUNIT_EXPECT_STREQ(test, s->product, "NVIDIA GeForce RTX 3080");
	KUNIT_EXPECT_EQ(test, gi_sku_vram_max(s), 10240U);

	s = sku(test, NV, 0x1eb8, 0x10de, 0x12a2);
	KUNIT_EXPECT_STREQ(test, s->product, "Tesla T4");
	KUNIT_EXPECT_TRUE(test, s->flags & GI_SKU_DATACENTER);

	s = sku(test, AMD, 0x67df, 0, 0);
	KUNIT_EXPECT_STREQ(test, s->chip, "Ellesmere");
	KUNIT_EXPECT_EQ(test, gi_sku_vram_min(s), 4096U);
	KUNIT_EXPECT_EQ(test, gi_sku_vram_max(s), 8192U);

	s = sku(test, INTEL, 0x56a0, 0, 0);
	KUNIT_EXPECT_STREQ(test, s->product, "Arc A770");
}

static void kb_sku_unknown(struct kunit *test)
{
	KUNIT_EXPECT_NULL(test, gi_kb_sku(NV, 0x0001, 0, 0));
	KUNIT_EXPECT_NULL(test, gi_kb_sku(NV, 0xffff, 0, 0));
	KUNIT_EXPECT_NULL(test, gi_kb_sku(0x1234, 0x2684, 0, 0));
	KUNIT_EXPECT_NULL(test, gi_kb_sku(AMD, 0x2684, 0, 0));
	KUNIT_EXPECT_NULL(test, gi_kb_chip("NV99"));
	KUNIT_EXPECT_NULL(test, gi_kb_chip(NULL));
	KUNIT_EXPECT_NULL(test, gi_kb_chip_by_id(NV, 0x3ff));
	KUNIT_EXPECT_NULL(test, gi_kb_chip_by_bios(0x12, 0x34));
	KUNIT_EXPECT_NULL(test, gi_kb_board(NV, 0x2684, 0x1234, 0x5678));
	KUNIT_EXPECT_EQ(test, gi_sku_vram_max(NULL), 0U);
}

static void kb_subsystem_rows_win(struct kunit *test)
{
	const struct gi_sku *s;

	/* Quadro RTX 6000 and 8000 share 1E30; the subsystem tells them apart */
	s = sku(test, NV, 0x1e30, 0x10de, 0x129e);
	KUNIT_EXPECT_STREQ(test, s->product, "Quadro RTX 8000");
	s = sku(test, NV, 0x1e30, 0x10de, 0x12ba);
	KUNIT_EXPECT_STREQ(test, s->product, "Quadro RTX 6000");
	s = sku(test, NV, 0x1e30, 0x1028, 0x1234);
	KUNIT_EXPECT_EQ(test, s->ssvid_match, 0);

	/* A800 40GB: the China PCIe board is told apart by subsystem */
	s = sku(test, NV, 0x20f6, 0x10de, 0x17a3);
	KUNIT_EXPECT_TRUE(test, s->flags & GI_SKU_REGIONAL);
	s = sku(test, NV, 0x20f6, 0x17aa, 0x180a);
	KUNIT_EXPECT_FALSE(test, s->flags & GI_SKU_REGIONAL);
}

static void kb_4090_and_4090d_sm_counts(struct kunit *test)
{
	const struct gi_sku *full = sku(test, NV, 0x2684, 0, 0);
	const struct gi_sku *d = sku(test, NV, 0x2685, 0, 0);
	const struct gi_chip *chip;

	KUNIT_EXPECT_STREQ(test, d->product, "NVIDIA GeForce RTX 4090 D");
	KUNIT_EXPECT_EQ(test, full->units, 128);
	KUNIT_EXPECT_EQ(test, d->units, 114);
	KUNIT_EXPECT_TRUE(test, d->flags & GI_SKU_REGIONAL);
	KUNIT_EXPECT_EQ(test, d->base_device_id, 0x2684);
	KUNIT_EXPECT_STREQ(test, d->chip, full->chip);
	KUNIT_EXPECT_EQ(test, gi_sku_vram_max(d), gi_sku_vram_max(full));

	chip = gi_kb_chip(full->chip);
	KUNIT_ASSERT_NOT_NULL(test, chip);
	KUNIT_EXPECT_EQ(test, chip->max_units, 144);
	KUNIT_EXPECT_EQ(test, chip->sms_per_tpc, 2);
	KUNIT_EXPECT_EQ(test, chip->chip_id, 0x192);
	KUNIT_EXPECT_PTR_EQ(test, gi_kb_chip_by_id(NV, 0x192), chip);
	KUNIT_EXPECT_PTR_EQ(test, gi_kb_chip_by_bios(0x95, 0x02), chip);
	KUNIT_EXPECT_LT(test, d->units, full->units);
	KUNIT_EXPECT_LE(test, full->units, chip->max_units);
}

static void kb_regional_bases_resolve(struct kunit *test)
{
	static const struct {
		u16 dev, ssvid, ssid, base;
	} want[] = {
		{ 0x2685, 0, 0, 0x2684 },		/* RTX 4090 D */
		{ 0x2b87, 0, 0, 0x2b85 },		/* RTX 5090 D */
		{ 0x2b8c, 0, 0, 0x2b85 },		/* RTX 5090 D v2 */
		{ 0x20f3, 0, 0, 0x20b2 },		/* A800 SXM4 80GB */
		{ 0x20f5, 0, 0, 0x20b5 },		/* A800 80GB PCIe */
		{ 0x20f6, 0x10de, 0x17a3, 0x20f1 },	/* A800 40GB PCIe */
		{ 0x2322, 0, 0, 0x2331 },		/* H800 PCIe */
		{ 0x2324, 0, 0, 0x2330 },		/* H800 SXM5 */
		{ 0x2329, 0, 0, 0x2330 },		/* H20 */
		{ 0x26ba, 0, 0, 0x26b9 },		/* L20 */
		{ 0x27b6, 0, 0, 0x27b8 },		/* L2 */
	};
	const struct gi_sku *s, *b;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(want); i++) {
		s = sku(test, NV, want[i].dev, want[i].ssvid, want[i].ssid);
		KUNIT_EXPECT_TRUE(test, s->flags & GI_SKU_REGIONAL);
		KUNIT_EXPECT_EQ(test, s->base_device_id, want[i].base);
	}

	/* Every regional row names an existing, non-regional base on its die. */
	for (i = 0; i < gi_n_skus; i++) {
		s = &gi_skus[i];
		if (!(s->flags & GI_SKU_REGIONAL))
			continue;
		KUNIT_EXPECT_NE_MSG(test, s->base_device_id, 0, "%04x", s->device_id);
		if (!s->base_device_id)
			continue;
		b = gi_kb_sku(s->vendor_id, s->base_device_id, 0, 0);
		KUNIT_ASSERT_NOT_NULL_MSG(test, b, "%04x: base %04x not in the table",
					  s->device_id, s->base_device_id);
		KUNIT_EXPECT_STREQ_MSG(test, b->chip, s->chip, "%04x", s->device_id);
		KUNIT_EXPECT_PTR_NE(test, b, s);
		if (b->flags & GI_SKU_REGIONAL) {
			b = gi_kb_sku(b->vendor_id, b->base_device_id, 0, 0);
			KUNIT_ASSERT_NOT_NULL(test, b);
			KUNIT_EXPECT_FALSE(test, b->flags & GI_SKU_REGIONAL);
		}
	}
}

static void kb_boards_and_memory(struct kunit *test)
{
	const struct gi_board *b;
	const struct gi_board_vendor *v;

	b = gi_kb_board(NV, 0x2684, 0x1043, 0x889d);
	KUNIT_ASSERT_NOT_NULL(test, b);
	KUNIT_EXPECT_STREQ(test, b->name, "ASUS ROG Strix");
	KUNIT_EXPECT_NULL(test, gi_kb_board(NV, 0x2685, 0x10de, 0x16f4));
	v = gi_kb_board_vendor(0x1043);
	KUNIT_ASSERT_NOT_NULL(test, v);
	KUNIT_EXPECT_STREQ(test, v->name, "ASUS");

	KUNIT_EXPECT_EQ(test, gi_mem_max_chip_mib(GI_MEM_GDDR6X), 2048U);
	KUNIT_EXPECT_EQ(test, gi_mem_max_chip_mib(GI_MEM_HBM3E), 0U);
	KUNIT_EXPECT_STREQ(test, gi_mem_type_name(GI_MEM_HBM2E), "HBM2e");
	KUNIT_EXPECT_STREQ(test, gi_mem_type_name((enum gi_mem_type)99), "unknown");
}

static struct kunit_case gpuident_kb_cases[] = {
	KUNIT_CASE(kb_sku_known),
	KUNIT_CASE(kb_sku_unknown),
	KUNIT_CASE(kb_subsystem_rows_win),
	KUNIT_CASE(kb_4090_and_4090d_sm_counts),
	KUNIT_CASE(kb_regional_bases_resolve),
	KUNIT_CASE(kb_boards_and_memory),
	{}
};

static struct kunit_suite gpuident_kb_suite = {
	.name = "gpuident_kb",
	.test_cases = gpuident_kb_cases,
};

kunit_test_suite(gpuident_kb_suite);
