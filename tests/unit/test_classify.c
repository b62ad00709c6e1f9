// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The classifier's rules, each on a facts record built here, against the
 * real knowledge base. Cases follow the issue and
 * Documentation/gpuident/classification.rst.
 */
#include "gitest.h"
#include "gpuident/classify.h"
#include "../../kmod/kunit/factbuild.h"

static struct gi_report rep;

static struct gi_facts card(u16 vendor, u16 device)
{
	struct gi_facts f;

	fb_card(&f, vendor, device);
	return f;
}

static struct gi_facts nv(u16 device)
{
	return card(0x10de, device);
}

static const struct gi_finding *finding(enum gi_check c)
{
	unsigned int i;

	for (i = 0; i < rep.n_findings; i++)
		if (rep.findings[i].check == c)
			return &rep.findings[i];
	return NULL;
}

static enum gi_verdict classify(const struct gi_facts *f)
{
	gi_classify(f, &rep);
	return rep.verdict;
}

GI_TEST(classify_genuine_4090_is_original)
{
	struct gi_facts f = nv(0x2684);

	with_subsys(&f, 0x10de, 0x16f4);
	with_vram(&f, 24564, GI_VRAM_DRIVER);
	with_sm(&f, 128, true);
	with_bar1(&f, 256);
	f.have |= GI_HAVE_CHIP_ID | GI_HAVE_ROM | GI_HAVE_BIOS_VERSION |
		  GI_HAVE_ROM_CHECKSUM;
	f.nv_chip_id = 0x192;
	f.rom_vendor_id = 0x10de;
	f.rom_device_id = 0x2684;
	memcpy(f.bios_version, "\x95\x02\x47\x00\x01", 5);
	f.rom_checksum_ok = true;
	GI_EXPECT_EQ(classify(&f), GI_VERDICT_ORIGINAL);
	GI_REQUIRE(rep.sku != NULL);
	GI_EXPECT_STR(rep.sku->product, "NVIDIA GeForce RTX 4090");
	GI_EXPECT(rep.confidence >= 80);
	GI_EXPECT_EQ(finding(GI_CHECK_CHIP_ID)->result, GI_RESULT_PASS);
	GI_EXPECT_EQ(finding(GI_CHECK_SM_COUNT)->result, GI_RESULT_PASS);
	GI_EXPECT_EQ(finding(GI_CHECK_VRAM_SIZE)->result, GI_RESULT_PASS);
	GI_EXPECT_EQ(finding(GI_CHECK_VBIOS_CHIP)->result, GI_RESULT_PASS);
	GI_EXPECT(finding(GI_CHECK_BAR1_SIZE) == NULL);	/* 256 MiB: no ReBAR */
}

GI_TEST(classify_4090d_by_device_id_is_regional)
{
	struct gi_facts f = nv(0x2685);

	GI_EXPECT_EQ(classify(&f), GI_VERDICT_REGIONAL);
	GI_REQUIRE(rep.base_sku != NULL);
	GI_EXPECT_EQ(rep.base_sku->device_id, 0x2684);
	GI_EXPECT_EQ(finding(GI_CHECK_REGIONAL)->suggests, GI_VERDICT_REGIONAL);
	/* and consistent silicon keeps it regional */
	with_sm(&f, 114, true);
	f.have |= GI_HAVE_CHIP_ID;
	f.nv_chip_id = 0x192;
	GI_EXPECT_EQ(classify(&f), GI_VERDICT_REGIONAL);
}

GI_TEST(classify_4090d_die_claiming_4090_is_relabelled)
{
	struct gi_facts f = nv(0x2684);
	const struct gi_finding *sm;

	with_sm(&f, 114, true);
	GI_EXPECT_EQ(classify(&f), GI_VERDICT_RELABELLED);
	sm = finding(GI_CHECK_SM_COUNT);
	GI_REQUIRE(sm != NULL);
	GI_EXPECT_EQ(sm->result, GI_RESULT_FAIL);
	GI_EXPECT_EQ(sm->weight, GI_WEIGHT_DECISIVE);
	GI_EXPECT(strstr(sm->note, "4090 D") != NULL);
	GI_EXPECT(strstr(sm->observed, "114") != NULL);
	GI_EXPECT(strstr(sm->expected, "128") != NULL);
	GI_EXPECT(rep.confidence >= 90);
}

GI_TEST(classify_48gb_4090_is_transplant)
{
	struct gi_facts f = nv(0x2684);
	const struct gi_finding *v;

	with_vram(&f, 49140, GI_VRAM_DRIVER);
	with_bar1(&f, 32768);
	GI_EXPECT_EQ(classify(&f), GI_VERDICT_TRANSPLANT);
	v = finding(GI_CHECK_VRAM_SIZE);
	GI_REQUIRE(v != NULL);
	GI_EXPECT_EQ(v->suggests, GI_VERDICT_TRANSPLANT);
	GI_EXPECT_EQ(finding(GI_CHECK_BAR1_SIZE)->result, GI_RESULT_FAIL);
	GI_EXPECT(rep.confidence >= 90);	/* VRAM strong + BAR1 weak */

	/* memory alone convicts too */
	f = nv(0x2684);
	with_vram(&f, 49152, GI_VRAM_REGISTER);
	GI_EXPECT_EQ(classify(&f), GI_VERDICT_TRANSPLANT);
}

GI_TEST(classify_48gb_4090d_is_transplant_and_still_regional)
{
	struct gi_facts f = nv(0x2685);

	with_vram(&f, 49140, GI_VRAM_DRIVER);
	with_bar1(&f, 32768);
	GI_EXPECT_EQ(classify(&f), GI_VERDICT_TRANSPLANT);
	GI_REQUIRE(rep.base_sku != NULL);
	GI_EXPECT_EQ(rep.base_sku->device_id, 0x2684);
	GI_EXPECT(finding(GI_CHECK_REGIONAL) != NULL);
}

GI_TEST(classify_vram_mods_are_modified)
{
	struct gi_facts f = nv(0x1e04);		/* RTX 2080 Ti, 11 GB */

	with_vram(&f, 22528, GI_VRAM_REGISTER);
	GI_EXPECT_EQ(classify(&f), GI_VERDICT_MODIFIED);
	GI_EXPECT_EQ(finding(GI_CHECK_VRAM_SIZE)->suggests, GI_VERDICT_MODIFIED);

	f = nv(0x1e07);
	with_vram(&f, 22000, GI_VRAM_DRIVER);
	GI_EXPECT_EQ(classify(&f), GI_VERDICT_MODIFIED);

	f = nv(0x2206);				/* RTX 3080 10 GB */
	with_vram(&f, 20480, GI_VRAM_DRIVER);
	GI_EXPECT_EQ(classify(&f), GI_VERDICT_MODIFIED);
}

GI_TEST(classify_cross_flashed_vbios_is_relabelled)
{
	struct gi_facts f = nv(0x2685);
	const struct gi_finding *r;

	f.have |= GI_HAVE_ROM;
	f.rom_vendor_id = 0x10de;
	f.rom_device_id = 0x2684;		/* a 4090 VBIOS on a 4090 D */
	GI_EXPECT_EQ(classify(&f), GI_VERDICT_RELABELLED);
	r = finding(GI_CHECK_ROM_DEVICE_ID);
	GI_REQUIRE(r != NULL);
	GI_EXPECT_EQ(r->weight, GI_WEIGHT_DECISIVE);
	GI_EXPECT(strstr(r->observed, "2684") && strstr(r->expected, "2685"));

	/* a device list naming the card makes it consistent */
	f.rom_devlist[0] = 0x2685;
	f.rom_n_devlist = 1;
	GI_EXPECT_EQ(classify(&f), GI_VERDICT_REGIONAL);

	/* an AMD VBIOS on an NVIDIA card */
	f = nv(0x2684);
	f.have |= GI_HAVE_ROM;
	f.rom_vendor_id = 0x1002;
	f.rom_device_id = 0x2684;
	GI_EXPECT_EQ(classify(&f), GI_VERDICT_RELABELLED);
}

GI_TEST(classify_wrong_chip_is_relabelled)
{
	struct gi_facts f = nv(0x2684);
	const struct gi_finding *c;

	f.have |= GI_HAVE_CHIP_ID;
	f.nv_chip_id = 0x193;			/* AD103 claiming to be a 4090 */
	GI_EXPECT_EQ(classify(&f), GI_VERDICT_RELABELLED);
	c = finding(GI_CHECK_CHIP_ID);
	GI_REQUIRE(c != NULL);
	GI_EXPECT(strstr(c->observed, "AD103") != NULL);
	GI_EXPECT(strstr(c->expected, "AD102") != NULL);
}

GI_TEST(classify_vbios_of_another_chip)
{
	struct gi_facts f = nv(0x2684);

	f.have |= GI_HAVE_BIOS_VERSION;
	memcpy(f.bios_version, "\x90\x02\x17\x00\x7b", 5);	/* TU102 */
	GI_EXPECT_EQ(classify(&f), GI_VERDICT_RELABELLED);
	GI_EXPECT(strstr(finding(GI_CHECK_VBIOS_CHIP)->note, "TU102") != NULL);

	memcpy(f.bios_version, "\xde\xad\x00\xbe\xef", 5);
	GI_EXPECT_EQ(classify(&f), GI_VERDICT_MODIFIED);
	GI_EXPECT(finding(GI_CHECK_VBIOS_MARKER) != NULL);
}

GI_TEST(classify_china_skus_are_regional)
{
	static const u16 ids[] = { 0x2324, 0x2322, 0x20f3, 0x20f5, 0x2329,
				   0x26ba, 0x27b6, 0x2b87, 0x2b8c };
	unsigned int i;

	for (i = 0; i < GI_ARRAY_SIZE(ids); i++) {
		struct gi_facts f = nv(ids[i]);

		if (classify(&f) != GI_VERDICT_REGIONAL)
			gi_test_fail(__FILE__, __LINE__, "%04x: %s", ids[i],
				     gi_verdict_name(rep.verdict));
		if (!rep.sku || !(rep.sku->flags & GI_SKU_REGIONAL))
			gi_test_fail(__FILE__, __LINE__, "%04x: no regional SKU",
				     ids[i]);
	}
}

GI_TEST(classify_memory_size_does_not_convict_genuine_cards)
{
	struct gi_facts f = nv(0x26b1);		/* RTX 6000 Ada, 48 GB */

	with_subsys(&f, 0x10de, 0x16a1);
	with_vram(&f, 49140, GI_VRAM_DRIVER);
	with_bar1(&f, 65536);
	GI_EXPECT_EQ(classify(&f), GI_VERDICT_ORIGINAL);

	f = nv(0x26ba);				/* L20, ECC on: ~46 GB visible */
	with_vram(&f, 46068, GI_VRAM_DRIVER);
	f.have |= GI_HAVE_ECC;
	f.ecc_enabled = true;
	GI_EXPECT_EQ(classify(&f), GI_VERDICT_REGIONAL);
	GI_EXPECT_EQ(finding(GI_CHECK_VRAM_SIZE)->result, GI_RESULT_PASS);

	f = nv(0x20b2);				/* A100 80GB seen through MIG */
	with_vram(&f, 9856, GI_VRAM_DRIVER);
	with_sm(&f, 14, false);
	f.partitioned = true;
	GI_EXPECT_EQ(classify(&f), GI_VERDICT_ORIGINAL);
	GI_EXPECT_EQ(finding(GI_CHECK_VRAM_SIZE)->result, GI_RESULT_INFO);
	GI_EXPECT_EQ(finding(GI_CHECK_SM_COUNT)->result, GI_RESULT_INFO);

	f = nv(0x2330);				/* H100 SXM, vGPU profile */
	with_vram(&f, 20480, GI_VRAM_DRIVER);
	f.partitioned = true;
	GI_EXPECT_EQ(classify(&f), GI_VERDICT_ORIGINAL);
}

GI_TEST(classify_unknown_device)
{
	struct gi_facts f = nv(0xfffe);
	const struct gi_finding *d;

	with_vram(&f, 999999, GI_VRAM_DRIVER);
	GI_EXPECT_EQ(classify(&f), GI_VERDICT_UNKNOWN);
	GI_EXPECT(rep.sku == NULL);
	GI_EXPECT_EQ(rep.confidence, 0);
	d = finding(GI_CHECK_DEVICE_KNOWN);
	GI_REQUIRE(d != NULL);
	GI_EXPECT_STR(d->observed, "10de:fffe");
	/* but a decisive contradiction still shows */
	f.have |= GI_HAVE_ROM;
	f.rom_vendor_id = 0x10de;
	f.rom_device_id = 0x2684;
	GI_EXPECT_EQ(classify(&f), GI_VERDICT_RELABELLED);

	f = card(0, 0);
	f.have = 0;
	GI_EXPECT_EQ(classify(&f), GI_VERDICT_UNKNOWN);
}

GI_TEST(classify_weak_signals_alone_do_not_convict)
{
	struct gi_facts f = nv(0x2684);

	with_vram(&f, 24564, GI_VRAM_DRIVER);
	with_bar1(&f, 16384);			/* ReBAR smaller than VRAM */
	GI_EXPECT_EQ(classify(&f), GI_VERDICT_ORIGINAL);
	GI_EXPECT_EQ(finding(GI_CHECK_BAR1_SIZE)->result, GI_RESULT_FAIL);

	f = nv(0x2684);
	with_vram(&f, 12000, GI_VRAM_DRIVER);	/* less than shipped */
	GI_EXPECT_EQ(classify(&f), GI_VERDICT_ORIGINAL);
	GI_EXPECT_EQ(finding(GI_CHECK_VRAM_SIZE)->result, GI_RESULT_FAIL);
	GI_EXPECT(rep.confidence < 40);
}

GI_TEST(classify_two_weak_signals_add_up)
{
	struct gi_facts f = nv(0x2684);

	with_vram(&f, 24564, GI_VRAM_DRIVER);
	with_bar1(&f, 16384);			/* weak: transplant */
	with_subsys(&f, 0x7fff, 0x0001);	/* weak: unknown board maker */
	GI_EXPECT_EQ(classify(&f), GI_VERDICT_TRANSPLANT);
}

GI_TEST(classify_rom_from_another_board_is_modified)
{
	struct gi_facts f = nv(0x2684);

	with_subsys(&f, 0x1043, 0x889d);
	f.have |= GI_HAVE_ROM_SUBSYS;
	f.rom_ssvid = 0x1458;
	f.rom_ssid = 0x40bf;
	GI_EXPECT_EQ(classify(&f), GI_VERDICT_MODIFIED);
	/* laptop IFRs carry 10de:0000: not judged */
	f.rom_ssvid = 0x10de;
	f.rom_ssid = 0x0000;
	GI_EXPECT_EQ(classify(&f), GI_VERDICT_ORIGINAL);
	GI_EXPECT(finding(GI_CHECK_ROM_SUBSYSTEM) == NULL);
}

GI_TEST(classify_bad_checksum_is_modified)
{
	struct gi_facts f = nv(0x2684);

	f.have |= GI_HAVE_ROM_CHECKSUM;
	f.rom_checksum_ok = false;
	GI_EXPECT_EQ(classify(&f), GI_VERDICT_MODIFIED);
}

GI_TEST(classify_precedence_relabelled_over_transplant)
{
	struct gi_facts f = nv(0x2684);

	with_vram(&f, 49140, GI_VRAM_DRIVER);	/* transplant */
	f.have |= GI_HAVE_CHIP_ID;
	f.nv_chip_id = 0x194;			/* and the wrong chip */
	GI_EXPECT_EQ(classify(&f), GI_VERDICT_RELABELLED);
}

GI_TEST(classify_rom_file_origin)
{
	struct gi_facts f;

	memset(&f, 0, sizeof(f));
	f.origin = GI_ORIGIN_ROM_FILE;
	f.have = GI_HAVE_IDS | GI_HAVE_ROM | GI_HAVE_BIOS_VERSION;
	f.vendor_id = f.rom_vendor_id = 0x10de;
	f.device_id = f.rom_device_id = 0x2684;
	memcpy(f.bios_version, "\x95\x02\x18\x80\x87", 5);
	GI_EXPECT_EQ(classify(&f), GI_VERDICT_ORIGINAL);
	GI_EXPECT(finding(GI_CHECK_ROM_DEVICE_ID) == NULL);
}

GI_TEST(classify_names)
{
	GI_EXPECT_STR(gi_verdict_name(GI_VERDICT_TRANSPLANT), "transplant");
	GI_EXPECT_STR(gi_verdict_name(GI_VERDICT_COUNT), "unknown");
	GI_EXPECT_STR(gi_check_name(GI_CHECK_SM_COUNT), "sm_count");
	GI_EXPECT_STR(gi_result_name(GI_RESULT_FAIL), "fail");
	GI_EXPECT_STR(gi_weight_name(GI_WEIGHT_DECISIVE), "decisive");
}

/*
 * 10de:146d is the board ID of the RTX 3080 20GB that NVIDIA never sold at
 * retail (pci.ids); on a consumer 3080 (2206) it points to a modified card,
 * on the same device with its Founders Edition board it does not.
 */
GI_TEST(classify_never_retail_board_is_modified)
{
	struct gi_facts f = {
		.have = GI_HAVE_IDS | GI_HAVE_SUBSYS | GI_HAVE_VRAM,
		.origin = GI_ORIGIN_DEVICE,
		.vendor_id = 0x10de, .device_id = 0x2206,
		.ssvid = 0x10de, .ssid = 0x146d,
		.vram_mib = 20480, .vram_source = GI_VRAM_REGISTER,
	};
	struct gi_report r;
	unsigned int i;
	bool seen = false;

	gi_classify(&f, &r);
	GI_EXPECT_EQ(r.verdict, GI_VERDICT_MODIFIED);
	for (i = 0; i < r.n_findings; i++)
		if (r.findings[i].check == GI_CHECK_BOARD_VENDOR &&
		    r.findings[i].result == GI_RESULT_FAIL &&
		    r.findings[i].weight == GI_WEIGHT_STRONG &&
		    strstr(r.findings[i].note, "RTX 3080 20GB"))
			seen = true;
	GI_EXPECT(seen);
	f.ssid = 0x1467;
	f.vram_mib = 10240;
	gi_classify(&f, &r);
	GI_EXPECT_EQ(r.verdict, GI_VERDICT_ORIGINAL);
}
