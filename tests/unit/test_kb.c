// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests for the knowledge base (kmod/core/kb.c, kb_table.c): lookups,
 * the consistency of every table row, and coverage of every device in the
 * shared VBIOS and nvidia-smi corpora (../shared, skipped when absent).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gitest.h"
#include "gpuident/classify.h"
#include "gpuident/kb.h"

#define NV	GI_VENDOR_NVIDIA
#define AMD	GI_VENDOR_AMD
#define INTEL	GI_VENDOR_INTEL

/* ---- lookups ----------------------------------------------------------- */

GI_TEST(kb_sku_known)
{
	const struct gi_sku *s = gi_kb_sku(NV, 0x2684, 0, 0);

	GI_REQUIRE(s);
	GI_EXPECT_STR(s->product, "NVIDIA GeForce RTX 4090");
	GI_EXPECT_STR(s->chip, "AD102");
	GI_EXPECT_EQ(s->units, 128);
	GI_EXPECT_EQ(gi_sku_vram_max(s), 24576);
	GI_EXPECT_EQ(s->mem_type, GI_MEM_GDDR6X);
	GI_EXPECT_EQ(s->bus_bits, 384);
	GI_EXPECT_EQ(s->tdp_w, 450);
	GI_EXPECT(!(s->flags & GI_SKU_REGIONAL));
	GI_EXPECT(!(s->flags & GI_SKU_CLAMSHELL));

	s = gi_kb_sku(NV, 0x2204, 0x1458, 0x403B);
	GI_REQUIRE(s);
	GI_EXPECT_STR(s->product, "NVIDIA GeForce RTX 3090");
	GI_EXPECT(s->flags & GI_SKU_CLAMSHELL);

	s = gi_kb_sku(NV, 0x2206, 0, 0);
	GI_REQUIRE(s);
	GI_EXPECT_EQ(gi_sku_vram_min(s), 10240);
	GI_EXPECT_EQ(gi_sku_vram_max(s), 10240);
	s = gi_kb_sku(NV, 0x220A, 0, 0);
	GI_REQUIRE(s);
	GI_EXPECT_EQ(gi_sku_vram_max(s), 12288);

	s = gi_kb_sku(NV, 0x1EB8, 0x10DE, 0x12A2);
	GI_REQUIRE(s);
	GI_EXPECT_STR(s->product, "Tesla T4");
	GI_EXPECT(s->flags & GI_SKU_DATACENTER);

	s = gi_kb_sku(AMD, 0x67DF, 0, 0);
	GI_REQUIRE(s);
	GI_EXPECT_STR(s->chip, "Ellesmere");
	GI_EXPECT_EQ(gi_sku_vram_min(s), 4096);
	GI_EXPECT_EQ(gi_sku_vram_max(s), 8192);

	s = gi_kb_sku(INTEL, 0x56A0, 0, 0);
	GI_REQUIRE(s);
	GI_EXPECT_STR(s->product, "Arc A770");
	GI_EXPECT_EQ(s->units, 32);
}

GI_TEST(kb_sku_unknown)
{
	GI_EXPECT(!gi_kb_sku(NV, 0x0001, 0, 0));
	GI_EXPECT(!gi_kb_sku(NV, 0xFFFF, 0, 0));
	GI_EXPECT(!gi_kb_sku(0x1234, 0x2684, 0, 0));
	GI_EXPECT(!gi_kb_sku(AMD, 0x2684, 0, 0));
	GI_EXPECT(!gi_kb_chip("NV99"));
	GI_EXPECT(!gi_kb_chip(NULL));
	GI_EXPECT(!gi_kb_chip_by_id(NV, 0));
	GI_EXPECT(!gi_kb_chip_by_id(NV, 0x3FF));
	GI_EXPECT(!gi_kb_chip_by_id(AMD, 0x192));
	GI_EXPECT(!gi_kb_chip_by_bios(0, 0));
	GI_EXPECT(!gi_kb_chip_by_bios(0x12, 0x34));
	GI_EXPECT(!gi_kb_board_vendor(0x0000));
	GI_EXPECT(!gi_kb_board(NV, 0x2684, 0x1234, 0x5678));
	GI_EXPECT_EQ(gi_sku_vram_max(NULL), 0);
	GI_EXPECT_EQ(gi_sku_vram_min(NULL), 0);
}

GI_TEST(kb_subsystem_rows_win)
{
	const struct gi_sku *s;

	/* Quadro RTX 6000 and 8000 share 1E30; the subsystem tells them apart */
	s = gi_kb_sku(NV, 0x1E30, 0x10DE, 0x129E);
	GI_REQUIRE(s);
	GI_EXPECT_STR(s->product, "Quadro RTX 8000");
	GI_EXPECT_EQ(gi_sku_vram_max(s), 49152);
	GI_EXPECT(s->flags & GI_SKU_CLAMSHELL);
	s = gi_kb_sku(NV, 0x1E30, 0x10DE, 0x12BA);
	GI_REQUIRE(s);
	GI_EXPECT_STR(s->product, "Quadro RTX 6000");
	GI_EXPECT_EQ(gi_sku_vram_max(s), 24576);
	s = gi_kb_sku(NV, 0x1E30, 0x1028, 0x1234);
	GI_REQUIRE(s);
	GI_EXPECT_STR(s->product, "Quadro RTX 6000");
	GI_EXPECT_EQ(s->ssvid_match, 0);

	/* the never-retail 20 GB RTX 3080 board */
	s = gi_kb_sku(NV, 0x2206, 0x10DE, 0x146D);
	GI_REQUIRE(s);
	GI_EXPECT(s->flags & GI_SKU_UNRELEASED);
	GI_EXPECT_EQ(gi_sku_vram_max(s), 20480);
	s = gi_kb_sku(NV, 0x2206, 0x1462, 0x3892);
	GI_REQUIRE(s);
	GI_EXPECT_STR(s->product, "NVIDIA GeForce RTX 3080");

	/* A800 40GB: the China PCIe board is told apart by subsystem */
	s = gi_kb_sku(NV, 0x20F6, 0x10DE, 0x17A3);
	GI_REQUIRE(s);
	GI_EXPECT(s->flags & GI_SKU_REGIONAL);
	s = gi_kb_sku(NV, 0x20F6, 0x17AA, 0x180A);
	GI_REQUIRE(s);
	GI_EXPECT(!(s->flags & GI_SKU_REGIONAL));

	/* A2 and A16 share 25B6 */
	s = gi_kb_sku(NV, 0x25B6, 0x10DE, 0x157E);
	GI_REQUIRE(s);
	GI_EXPECT_STR(s->product, "NVIDIA A2");
	s = gi_kb_sku(NV, 0x25B6, 0x10DE, 0x14A9);
	GI_REQUIRE(s);
	GI_EXPECT_STR(s->product, "NVIDIA A16");
}

GI_TEST(kb_4090d_vs_4090)
{
	const struct gi_sku *d = gi_kb_sku(NV, 0x2685, 0, 0);
	const struct gi_sku *base;

	GI_REQUIRE(d);
	GI_EXPECT_STR(d->product, "NVIDIA GeForce RTX 4090 D");
	GI_EXPECT(d->flags & GI_SKU_REGIONAL);
	GI_EXPECT_EQ(d->base_device_id, 0x2684);
	GI_EXPECT_EQ(d->units, 114);
	GI_EXPECT_STR(d->asic, "AD102-250-A1");
	GI_EXPECT_EQ(d->tdp_w, 425);
	base = gi_kb_sku(NV, d->base_device_id, 0, 0);
	GI_REQUIRE(base);
	GI_EXPECT_EQ(base->units, 128);
	GI_EXPECT_STR(base->chip, d->chip);
	GI_EXPECT_EQ(gi_sku_vram_max(base), gi_sku_vram_max(d));
}

GI_TEST(kb_regional_rows)
{
	static const struct {
		u16 dev, ssvid, ssid, base;
	} want[] = {
		{ 0x2685, 0, 0, 0x2684 },	/* RTX 4090 D */
		{ 0x2B87, 0, 0, 0x2B85 },	/* RTX 5090 D */
		{ 0x2B8C, 0, 0, 0x2B85 },	/* RTX 5090 D v2 */
		{ 0x20F3, 0, 0, 0x20B2 },	/* A800 SXM4 80GB */
		{ 0x20BD, 0, 0, 0x20B0 },	/* A800 SXM4 40GB */
		{ 0x20F5, 0, 0, 0x20B5 },	/* A800 80GB PCIe */
		{ 0x20F6, 0x10DE, 0x17A3, 0x20F1 },	/* A800 40GB PCIe */
		{ 0x2322, 0, 0, 0x2331 },	/* H800 PCIe */
		{ 0x2324, 0, 0, 0x2330 },	/* H800 SXM5 */
		{ 0x233A, 0, 0, 0x2321 },	/* H800 NVL */
		{ 0x2329, 0, 0, 0x2330 },	/* H20 */
		{ 0x26BA, 0, 0, 0x26B9 },	/* L20 */
		{ 0x27B6, 0, 0, 0x27B8 },	/* L2 */
		{ 0x2BB9, 0, 0, 0 },		/* RTX 6000D */
		{ 0x2BB2, 0, 0, 0x2BB1 },	/* RTX PRO 6000D */
		{ 0x2BBC, 0, 0, 0 },		/* RTX PRO 6000D Max-Q */
	};
	const struct gi_sku *s, *b;
	size_t i;

	for (i = 0; i < GI_ARRAY_SIZE(want); i++) {
		s = gi_kb_sku(NV, want[i].dev, want[i].ssvid, want[i].ssid);
		GI_REQUIRE(s);
		GI_EXPECT(s->flags & GI_SKU_REGIONAL);
		if (want[i].base)
			GI_EXPECT_EQ(s->base_device_id, want[i].base);
	}

	/* the 5090 D v2 is the 24 GB / 384-bit one */
	s = gi_kb_sku(NV, 0x2B8C, 0, 0);
	GI_REQUIRE(s);
	GI_EXPECT_EQ(gi_sku_vram_max(s), 24576);
	GI_EXPECT_EQ(s->bus_bits, 384);
	b = gi_kb_sku(NV, 0x2B85, 0, 0);
	GI_REQUIRE(b);
	GI_EXPECT_EQ(gi_sku_vram_max(b), 32768);
	GI_EXPECT_EQ(b->bus_bits, 512);

	/* every regional row names an existing base on the same die */
	for (i = 0; i < gi_n_skus; i++) {
		s = &gi_skus[i];
		if (!(s->flags & GI_SKU_REGIONAL)) {
			GI_EXPECT_EQ(s->base_device_id, 0);
			continue;
		}
		GI_EXPECT(s->base_device_id != 0);
		b = gi_kb_sku(s->vendor_id, s->base_device_id, 0, 0);
		if (!b) {
			gi_test_fail(__FILE__, __LINE__,
				     "%04x: base %04x is not in the table",
				     s->device_id, s->base_device_id);
			continue;
		}
		GI_EXPECT_STR(b->chip, s->chip);
		GI_EXPECT(b != s);
		/* chains end at a non-regional SKU within two steps */
		if (b->flags & GI_SKU_REGIONAL) {
			b = gi_kb_sku(b->vendor_id, b->base_device_id, 0, 0);
			GI_REQUIRE(b);
			GI_EXPECT(!(b->flags & GI_SKU_REGIONAL));
		}
	}
}

GI_TEST(kb_chip_lookups)
{
	const struct gi_chip *c;

	c = gi_kb_chip_by_bios(0x95, 0x02);
	GI_REQUIRE(c);
	GI_EXPECT_STR(c->name, "AD102");
	GI_EXPECT_EQ(c->chip_id, 0x192);
	GI_EXPECT_EQ(c->max_units, 144);
	GI_EXPECT_EQ(c->sms_per_tpc, 2);
	GI_EXPECT(gi_kb_chip_by_id(NV, 0x192) == c);
	GI_EXPECT(gi_kb_chip("AD102") == c);

	c = gi_kb_chip_by_bios(0x94, 0x02);
	GI_REQUIRE(c);
	GI_EXPECT_STR(c->name, "GA102");
	c = gi_kb_chip_by_bios(0x90, 0x02);
	GI_REQUIRE(c);
	GI_EXPECT_STR(c->name, "TU102");
	c = gi_kb_chip_by_bios(0x92, 0x00);
	GI_REQUIRE(c);
	GI_EXPECT_STR(c->name, "GA100");
	c = gi_kb_chip_by_bios(0x96, 0x00);
	GI_REQUIRE(c);
	GI_EXPECT_STR(c->name, "GH100");
	c = gi_kb_chip_by_bios(0x98, 0x06);
	GI_REQUIRE(c);
	GI_EXPECT_STR(c->name, "GB206");
	c = gi_kb_chip_by_bios(0x80, 0x07);
	GI_REQUIRE(c);
	GI_EXPECT_STR(c->name, "GK107");
	GI_EXPECT(!c->bios_prefix_inferred);	/* envytools lists it */

	c = gi_kb_chip_by_id(NV, 0x1B2);
	GI_REQUIRE(c);
	GI_EXPECT_STR(c->name, "GB202");
	GI_EXPECT_EQ(c->max_units, 192);
	c = gi_kb_chip_by_id(NV, 0x172);
	GI_REQUIRE(c);
	GI_EXPECT_EQ(c->max_units, 84);
	c = gi_kb_chip("Ellesmere");
	GI_REQUIRE(c);
	GI_EXPECT_EQ(c->vendor_id, AMD);
	GI_EXPECT_EQ(c->chip_id, 0);
}

GI_TEST(kb_board_lookups)
{
	const struct gi_board *b;
	const struct gi_board_vendor *v;

	b = gi_kb_board(NV, 0x2684, 0x10DE, 0x16F4);
	GI_REQUIRE(b);
	GI_EXPECT_STR(b->name, "Founders Edition");
	b = gi_kb_board(NV, 0x2684, 0x1043, 0x889D);
	GI_REQUIRE(b);
	GI_EXPECT_STR(b->name, "ASUS ROG Strix");
	b = gi_kb_board(NV, 0x26B1, 0x17AA, 0x16A1);
	GI_REQUIRE(b);
	/* same subsystem, other device: not that board */
	GI_EXPECT(!gi_kb_board(NV, 0x2685, 0x10DE, 0x16F4));

	v = gi_kb_board_vendor(0x10DE);
	GI_REQUIRE(v);
	GI_EXPECT_STR(v->name, "NVIDIA");
	GI_REQUIRE(v->note);
	GI_EXPECT(strstr(v->note, "Founders Edition") != NULL);
	v = gi_kb_board_vendor(0x1043);
	GI_REQUIRE(v);
	GI_EXPECT_STR(v->name, "ASUS");
	v = gi_kb_board_vendor(0x1DA2);
	GI_REQUIRE(v);
	GI_EXPECT_STR(v->name, "Sapphire");
}

GI_TEST(kb_mem_types)
{
	GI_EXPECT_EQ(gi_mem_max_chip_mib(GI_MEM_GDDR5), 1024);
	GI_EXPECT_EQ(gi_mem_max_chip_mib(GI_MEM_GDDR5X), 1024);
	GI_EXPECT_EQ(gi_mem_max_chip_mib(GI_MEM_GDDR6), 2048);
	GI_EXPECT_EQ(gi_mem_max_chip_mib(GI_MEM_GDDR6X), 2048);
	GI_EXPECT_EQ(gi_mem_max_chip_mib(GI_MEM_GDDR7), 3072);
	GI_EXPECT_EQ(gi_mem_max_chip_mib(GI_MEM_HBM2), 0);
	GI_EXPECT_EQ(gi_mem_max_chip_mib(GI_MEM_HBM3E), 0);
	GI_EXPECT_EQ(gi_mem_max_chip_mib(GI_MEM_DDR3), 0);
	GI_EXPECT_EQ(gi_mem_max_chip_mib(GI_MEM_SHARED), 0);
	GI_EXPECT_EQ(gi_mem_max_chip_mib(GI_MEM_UNKNOWN), 0);
	GI_EXPECT_STR(gi_mem_type_name(GI_MEM_GDDR6X), "GDDR6X");
	GI_EXPECT_STR(gi_mem_type_name(GI_MEM_GDDR7), "GDDR7");
	GI_EXPECT_STR(gi_mem_type_name(GI_MEM_HBM2E), "HBM2e");
	GI_EXPECT_STR(gi_mem_type_name(GI_MEM_UNKNOWN), "unknown");
	GI_EXPECT_STR(gi_mem_type_name((enum gi_mem_type)99), "unknown");
}

GI_TEST(kb_vram_min_max)
{
	const struct gi_sku *s = gi_kb_sku(AMD, 0x744C, 0, 0);

	GI_REQUIRE(s);
	GI_EXPECT_EQ(gi_sku_vram_min(s), 16384);
	GI_EXPECT_EQ(gi_sku_vram_max(s), 24576);
	s = gi_kb_sku(NV, 0x2D04, 0, 0);	/* RTX 5060 Ti 8/16 GB */
	GI_REQUIRE(s);
	GI_EXPECT_EQ(gi_sku_vram_min(s), 8192);
	GI_EXPECT_EQ(gi_sku_vram_max(s), 16384);
	s = gi_kb_sku(AMD, 0x1681, 0, 0);	/* iGPU: no VRAM of its own */
	GI_REQUIRE(s);
	GI_EXPECT_EQ(gi_sku_vram_max(s), 0);
	GI_EXPECT(s->flags & GI_SKU_INTEGRATED);
	GI_EXPECT_EQ(s->mem_type, GI_MEM_SHARED);
}

/* ---- consistency of every row ------------------------------------------ */

static int nonempty(const char *s)
{
	return s && *s;
}

GI_TEST(kb_rows_complete)
{
	size_t i;

	GI_EXPECT(gi_n_skus >= 200);
	GI_EXPECT(gi_n_chips >= 50);
	for (i = 0; i < gi_n_skus; i++) {
		const struct gi_sku *s = &gi_skus[i];
		const struct gi_chip *c;

		if (!nonempty(s->product) || !nonempty(s->source) ||
		    !s->vendor_id || !s->device_id) {
			gi_test_fail(__FILE__, __LINE__,
				     "row %zu (%04x:%04x) incomplete", i,
				     s->vendor_id, s->device_id);
			continue;
		}
		/* a device known by name only may lack a chip, never its specs' */
		if (!s->chip) {
			GI_EXPECT(!s->units && !s->vram_mib[0] && !s->bus_bits);
			continue;
		}
		c = gi_kb_chip(s->chip);
		if (!c || c->vendor_id != s->vendor_id)
			gi_test_fail(__FILE__, __LINE__,
				     "%04x:%04x %s: chip \"%s\" not in gi_chips for this vendor",
				     s->vendor_id, s->device_id, s->product,
				     s->chip);
		if (s->asic)
			GI_EXPECT(nonempty(s->asic));
		if (s->board_code)
			GI_EXPECT(nonempty(s->board_code));
		GI_EXPECT(!!s->pcie_width <= !!s->pcie_gen);
		GI_EXPECT(s->pcie_gen <= 6);
		GI_EXPECT(!s->ssid_match || s->ssvid_match);
		if (s->flags & GI_SKU_INTEGRATED) {
			GI_EXPECT_EQ(s->mem_type, GI_MEM_SHARED);
			GI_EXPECT_EQ(gi_sku_vram_max(s), 0);
		}
	}
	for (i = 0; i < gi_n_chips; i++) {
		const struct gi_chip *c = &gi_chips[i];

		GI_EXPECT(nonempty(c->name));
		/* a chip family known by name only (pci.ids) may lack it */
		if (c->chip_id || c->max_units || c->bios_major)
			GI_EXPECT(nonempty(c->arch));
		GI_EXPECT(c->vendor_id == NV || c->vendor_id == AMD ||
			  c->vendor_id == INTEL);
		if (c->vendor_id != NV)
			GI_EXPECT(!c->chip_id && !c->bios_major &&
				  !c->sms_per_tpc);
		if (!c->bios_major)
			GI_EXPECT(!c->bios_chip && !c->bios_prefix_inferred);
	}
	for (i = 0; i < gi_n_board_vendors; i++)
		GI_EXPECT(gi_board_vendors[i].ssvid &&
			  nonempty(gi_board_vendors[i].name));
	for (i = 0; i < gi_n_boards; i++) {
		const struct gi_board *b = &gi_boards[i];

		GI_EXPECT(nonempty(b->name) && nonempty(b->source));
		if (!gi_kb_sku(b->vendor_id, b->device_id, b->ssvid, b->ssid))
			gi_test_fail(__FILE__, __LINE__,
				     "board %04x:%04x %04x:%04x: device not in gi_skus",
				     b->vendor_id, b->device_id, b->ssvid,
				     b->ssid);
		if (!gi_kb_board_vendor(b->ssvid))
			gi_test_fail(__FILE__, __LINE__,
				     "board %04x:%04x: subsystem vendor %04x unknown",
				     b->vendor_id, b->device_id, b->ssvid);
	}
}

GI_TEST(kb_no_duplicate_keys)
{
	size_t i, j;

	for (i = 0; i < gi_n_skus; i++)
		for (j = i + 1; j < gi_n_skus; j++) {
			const struct gi_sku *a = &gi_skus[i], *b = &gi_skus[j];

			if (a->vendor_id == b->vendor_id &&
			    a->device_id == b->device_id &&
			    a->ssvid_match == b->ssvid_match &&
			    a->ssid_match == b->ssid_match)
				gi_test_fail(__FILE__, __LINE__,
					     "duplicate SKU %04x:%04x %04x:%04x",
					     a->vendor_id, a->device_id,
					     a->ssvid_match, a->ssid_match);
		}
	for (i = 0; i < gi_n_chips; i++)
		for (j = i + 1; j < gi_n_chips; j++) {
			const struct gi_chip *a = &gi_chips[i], *b = &gi_chips[j];

			GI_EXPECT(strcmp(a->name, b->name) != 0);
			if (a->chip_id && a->vendor_id == b->vendor_id)
				GI_EXPECT(a->chip_id != b->chip_id);
			if (a->bios_major)
				GI_EXPECT(a->bios_major != b->bios_major ||
					  a->bios_chip != b->bios_chip);
		}
	for (i = 0; i < gi_n_board_vendors; i++)
		for (j = i + 1; j < gi_n_board_vendors; j++)
			GI_EXPECT(gi_board_vendors[i].ssvid !=
				  gi_board_vendors[j].ssvid);
	for (i = 0; i < gi_n_boards; i++)
		for (j = i + 1; j < gi_n_boards; j++) {
			const struct gi_board *a = &gi_boards[i];
			const struct gi_board *b = &gi_boards[j];

			if (a->vendor_id == b->vendor_id &&
			    a->device_id == b->device_id &&
			    a->ssvid == b->ssvid && a->ssid == b->ssid)
				gi_test_fail(__FILE__, __LINE__,
					     "duplicate board %04x %04x:%04x",
					     a->device_id, a->ssvid, a->ssid);
		}
}

GI_TEST(kb_vram_lists)
{
	size_t i, k;

	for (i = 0; i < gi_n_skus; i++) {
		const struct gi_sku *s = &gi_skus[i];
		int ended = 0, ok = 1;

		for (k = 0; k < GI_SKU_MAX_VRAM; k++) {
			u32 v = s->vram_mib[k];

			if (!v) {
				ended = 1;
				continue;
			}
			if (ended || (k && v <= s->vram_mib[k - 1]))
				ok = 0;
		}
		/* the list must be 0-terminated inside the array */
		if (!ended || !ok)
			gi_test_fail(__FILE__, __LINE__,
				     "%04x:%04x %s: vram list not ascending/terminated",
				     s->vendor_id, s->device_id, s->product);
	}
}

/*
 * The classifier decides "a bigger VRAM needs a new board" from the bus
 * width, the clamshell flag and the largest chip of the memory type, so
 * those must agree with every shipped configuration.
 */
GI_TEST(kb_vram_fits_board)
{
	size_t i;

	for (i = 0; i < gi_n_skus; i++) {
		const struct gi_sku *s = &gi_skus[i];
		u32 chip = gi_mem_max_chip_mib(s->mem_type);
		u32 one_side, max = gi_sku_vram_max(s);

		if (!chip || !s->bus_bits || !max)
			continue;
		one_side = (s->bus_bits / 32) * chip;
		if (max > 2 * one_side)
			gi_test_fail(__FILE__, __LINE__,
				     "%04x %s: %u MiB cannot fit a %u-bit %s board",
				     s->device_id, s->product, max, s->bus_bits,
				     gi_mem_type_name(s->mem_type));
		if (max > one_side && !(s->flags & GI_SKU_CLAMSHELL))
			gi_test_fail(__FILE__, __LINE__,
				     "%04x %s: %u MiB on %u bits needs clamshell",
				     s->device_id, s->product, max, s->bus_bits);
	}
}

GI_TEST(kb_units_fit_die)
{
	size_t i;

	for (i = 0; i < gi_n_skus; i++) {
		const struct gi_sku *s = &gi_skus[i];
		const struct gi_chip *c = gi_kb_chip(s->chip);

		if (!c || !s->units)
			continue;
		if (c->max_units && s->units > c->max_units)
			gi_test_fail(__FILE__, __LINE__,
				     "%04x %s: %u units > %u on %s",
				     s->device_id, s->product, s->units,
				     c->max_units, c->name);
		/* SMs come in pairs where a TPC holds two */
		if (c->sms_per_tpc == 2 && s->units % 2)
			gi_test_fail(__FILE__, __LINE__,
				     "%04x %s: odd SM count %u on %s",
				     s->device_id, s->product, s->units,
				     c->name);
	}
}

/* ---- the shared corpora ------------------------------------------------- */

#define MAX_COLS 32

/* Split a TSV line in place; returns the number of fields. */
static int split_tsv(char *line, char **f)
{
	int n = 0;
	char *p = line;

	line[strcspn(line, "\r\n")] = 0;
	f[n++] = p;
	while ((p = strchr(p, '\t')) && n < MAX_COLS) {
		*p++ = 0;
		f[n++] = p;
	}
	return n;
}

static int column(char **f, int n, const char *name)
{
	int i;

	for (i = 0; i < n; i++)
		if (!strcmp(f[i], name))
			return i;
	return -1;
}

static FILE *open_manifest(const char *rel)
{
	const char *dir = gi_test_shared_dir();
	char path[4096];
	FILE *fp;

	if (!dir) {
		gi_test_skip("../shared not found");
		return NULL;
	}
	snprintf(path, sizeof(path), "%s/%s", dir, rel);
	fp = fopen(path, "r");
	if (!fp)
		gi_test_fail(__FILE__, __LINE__, "cannot open %s", path);
	return fp;
}

/* "BIT=98.06.1f.40.45; ..." or "95.02.47.00.01": the chip the prefix names */
static const struct gi_chip *chip_of_version(const char *v)
{
	unsigned int major, chip;
	const char *p = strstr(v, "BIT=");

	p = p ? p + 4 : v;
	if (sscanf(p, "%2x.%2x", &major, &chip) != 2)
		return NULL;
	return gi_kb_chip_by_bios((u8)major, (u8)chip);
}

GI_TEST(kb_vbios_corpus_known)
{
	FILE *fp = open_manifest("vbios/MANIFEST.tsv");
	char *line = NULL, *f[MAX_COLS];
	size_t cap = 0;
	int n, c_id = -1, c_ver = -1, rows = 0;

	if (!fp)
		return;
	while (getline(&line, &cap, fp) > 0) {
		unsigned int ven, dev;
		const struct gi_sku *s;
		const struct gi_chip *c;

		n = split_tsv(line, f);
		if (c_id < 0) {
			c_id = column(f, n, "primary_pci_id");
			c_ver = column(f, n, "version_quickcheck");
			if (c_id < 0)
				break;
			continue;
		}
		if (c_id >= n || sscanf(f[c_id], "%x:%x", &ven, &dev) != 2)
			continue;
		rows++;
		if (dev == 0xFFFF)	/* "no device": an EFI GOP bundle */
			continue;
		s = gi_kb_sku((u16)ven, (u16)dev, 0, 0);
		if (!s) {
			gi_test_fail(__FILE__, __LINE__,
				     "VBIOS corpus device %04x:%04x unknown",
				     ven, dev);
			continue;
		}
		/* a VBIOS version prefix must name the SKU's own chip */
		if (c_ver >= 0 && c_ver < n && ven == NV) {
			c = chip_of_version(f[c_ver]);
			if (c && strcmp(c->name, s->chip))
				gi_test_fail(__FILE__, __LINE__,
					     "%04x (%s): VBIOS %s says %s",
					     dev, s->chip, f[c_ver], c->name);
		}
	}
	free(line);
	fclose(fp);
	GI_EXPECT(c_id >= 0);
	GI_EXPECT(rows > 50);
}

GI_TEST(kb_capture_corpus_known)
{
	FILE *fp = open_manifest("captures/MANIFEST.tsv");
	char *line = NULL, *f[MAX_COLS];
	size_t cap = 0;
	int n, c_dev = -1, c_sub = -1, c_ver = -1, c_mem = -1, c_lab = -1;
	int rows = 0;

	if (!fp)
		return;
	while (getline(&line, &cap, fp) > 0) {
		unsigned int dev, sub;
		unsigned long mem;
		const struct gi_sku *s;
		const struct gi_chip *c;
		u16 ssvid = 0, ssid = 0;

		n = split_tsv(line, f);
		if (c_dev < 0) {
			c_dev = column(f, n, "device_id");
			c_sub = column(f, n, "subsystem_id");
			c_ver = column(f, n, "vbios_version");
			c_mem = column(f, n, "memory_mib");
			c_lab = column(f, n, "label");
			if (c_dev < 0)
				break;
			continue;
		}
		if (c_dev >= n || sscanf(f[c_dev], "%x", &dev) != 1)
			continue;
		rows++;
		/* nvidia-smi prints the subsystem as 0xSSIDSSVD */
		if (c_sub >= 0 && c_sub < n &&
		    sscanf(f[c_sub], "%x", &sub) == 1) {
			ssid = (u16)(sub >> 16);
			ssvid = (u16)sub;
		}
		s = gi_kb_sku(NV, (u16)dev, ssvid, ssid);
		if (!s) {
			gi_test_fail(__FILE__, __LINE__,
				     "capture device %04x unknown", dev);
			continue;
		}
		if (ssvid && !gi_kb_board(NV, (u16)dev, ssvid, ssid))
			gi_test_fail(__FILE__, __LINE__,
				     "capture board %04x %04x:%04x unknown",
				     dev, ssvid, ssid);
		if (c_ver >= 0 && c_ver < n) {
			c = chip_of_version(f[c_ver]);
			if (!c || strcmp(c->name, s->chip))
				gi_test_fail(__FILE__, __LINE__,
					     "%04x (%s): VBIOS %s names %s",
					     dev, s->chip, f[c_ver],
					     c ? c->name : "no chip");
		}
		/* a stock card reports a little less than its physical VRAM */
		if (c_mem >= 0 && c_mem < n &&
		    sscanf(f[c_mem], "%lu", &mem) == 1 && gi_sku_vram_max(s)) {
			GI_EXPECT(mem <= gi_sku_vram_max(s));
			GI_EXPECT(mem >= gi_sku_vram_min(s) -
					 gi_sku_vram_min(s) / 8);
		}
		if (c_lab >= 0 && c_lab < n && !strcmp(f[c_lab], "regional"))
			GI_EXPECT(s->flags & GI_SKU_REGIONAL);
		if (c_lab >= 0 && c_lab < n && !strcmp(f[c_lab], "original"))
			GI_EXPECT(!(s->flags & GI_SKU_REGIONAL));
	}
	free(line);
	fclose(fp);
	GI_EXPECT(c_dev >= 0);
	GI_EXPECT(rows >= 20);
}

/*
 * Every row of NVIDIA's own list (the driver's README, device, subsystem
 * and the name nvidia-smi prints) goes through the classifier as a device
 * with those IDs and must come out known under the driver's name.
 */
GI_TEST(kb_driver_list_known_by_driver_name)
{
	FILE *fp = open_manifest("research/nvidia-driver-gpus.tsv");
	char *line = NULL, *f[MAX_COLS];
	size_t cap = 0;
	int n, rows = 0, known = 0;

	if (!fp)
		return;
	while (getline(&line, &cap, fp) > 0) {
		struct gi_facts facts = { .have = GI_HAVE_IDS,
					  .origin = GI_ORIGIN_DEVICE,
					  .vendor_id = NV };
		struct gi_report rep;

		if (line[0] == '#')
			continue;
		n = split_tsv(line, f);
		if (n != 4) {
			gi_test_fail(__FILE__, __LINE__, "malformed row: %s", f[0]);
			continue;
		}
		rows++;
		facts.device_id = (u16)strtoul(f[0], NULL, 16);
		if (*f[1]) {
			facts.have |= GI_HAVE_SUBSYS;
			facts.ssvid = (u16)strtoul(f[1], NULL, 16);
			facts.ssid = (u16)strtoul(f[2], NULL, 16);
		}
		gi_classify(&facts, &rep);
		if (!rep.sku || strcmp(rep.sku->product, f[3]) ||
		    rep.verdict == GI_VERDICT_UNKNOWN)
			gi_test_fail(__FILE__, __LINE__,
				     "%s %s:%s: \"%s\", expected \"%s\" (%s)", f[0],
				     f[1], f[2], rep.sku ? rep.sku->product : "-",
				     f[3], gi_verdict_name(rep.verdict));
		else
			known++;
	}
	free(line);
	fclose(fp);
	printf("  %d of %d driver rows known under the driver's name\n", known,
	       rows);
	GI_EXPECT_EQ(rows, 825);
}
