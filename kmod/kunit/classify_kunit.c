// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite gpuident_classify: the classifier (kmod/core/classify.c)
 * against the real knowledge base, on facts records built in the test:
 * the cases the issue requires (Documentation/gpuident/classification.rst;
 * more in tests/unit/test_classify.c).
 */
#include <kunit/test.h>

#include "gpuident/classify.h"
#include "factbuild.h"

struct classify_ctx {
	struct gi_facts f;
	struct gi_report rep;
};

static int gpuident_classify_init(struct kunit *test)
{
	struct classify_ctx *c = kunit_kzalloc(test, sizeof(*c), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, c);
	test->priv = c;
	return 0;
}

/* Start a new NVIDIA card with only its PCI IDs known. */
static struct gi_facts *nv(struct kunit *test, u16 device)
{
	struct classify_ctx *c = test->priv;

	fb_card(&c->f, GI_VENDOR_NVIDIA, device);
	return &c->f;
}

static enum gi_verdict classify(struct kunit *test)
{
	struct classify_ctx *c = test->priv;

	gi_classify(&c->f, &c->rep);
	return c->rep.verdict;
}

static struct gi_report *report(struct kunit *test)
{
	return &((struct classify_ctx *)test->priv)->rep;
}

/* The finding of check @chk; fails the test when there is none. */
static const struct gi_finding *finding(struct kunit *test, enum gi_check chk)
{
	const struct gi_report *r = report(test);
	unsigned int i;

	for (i = 0; i < r->n_findings; i++)
		if (r->findings[i].check == chk)
			return &r->findings[i];
	KUNIT_ASSERT_FAILURE(test, "the report has no %s check", gi_check_name(chk));
	return NULL;
}

static bool has_finding(struct kunit *test, enum gi_check chk)
{
	const struct gi_report *r = report(test);
	unsigned int i;

	for (i = 0; i < r->n_findings; i++)
		if (r->findings[i].check == chk)
			return true;
	return false;
}

static void classify_4090d_by_device_id_is_regional(struct kunit *test)
{
	struct gi_facts *f = nv(test, 0x2685);

	KUNIT_EXPECT_EQ(test, classify(test), GI_VERDICT_REGIONAL);
	KUNIT_ASSERT_NOT_NULL(test, report(test)->base_sku);
	KUNIT_EXPECT_EQ(test, report(test)->base_sku->device_id, 0x2684);
	KUNIT_EXPECT_EQ(test, finding(test, GI_CHECK_REGIONAL)->suggests,
			GI_VERDICT_REGIONAL);
	/* consistent silicon keeps it regional */
	with_sm(f, 114, true);
	f->have |= GI_HAVE_CHIP_ID;
	f->nv_chip_id = 0x192;
	KUNIT_EXPECT_EQ(test, classify(test), GI_VERDICT_REGIONAL);
}

static void classify_114_fused_sms_claiming_4090_is_relabelled(struct kunit *test)
{
	const struct gi_finding *sm;

	with_sm(nv(test, 0x2684), 114, true);
	KUNIT_EXPECT_EQ(test, classify(test), GI_VERDICT_RELABELLED);
	sm = finding(test, GI_CHECK_SM_COUNT);
	KUNIT_EXPECT_EQ(test, sm->result, GI_RESULT_FAIL);
	KUNIT_EXPECT_EQ(test, sm->weight, GI_WEIGHT_DECISIVE);
	KUNIT_EXPECT_NOT_NULL(test, strstr(sm->note, "4090 D"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(sm->observed, "114"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(sm->expected, "128"));
	KUNIT_EXPECT_GE(test, report(test)->confidence, 90);
}

static void classify_48gb_4090_is_transplant(struct kunit *test)
{
	struct gi_facts *f = nv(test, 0x2684);

	with_vram(f, 49140, GI_VRAM_DRIVER);
	with_bar1(f, 32768);
	KUNIT_EXPECT_EQ(test, classify(test), GI_VERDICT_TRANSPLANT);
	KUNIT_EXPECT_EQ(test, finding(test, GI_CHECK_VRAM_SIZE)->suggests,
			GI_VERDICT_TRANSPLANT);
	KUNIT_EXPECT_EQ(test, finding(test, GI_CHECK_BAR1_SIZE)->result, GI_RESULT_FAIL);
	KUNIT_EXPECT_GE(test, report(test)->confidence, 90);

	/* memory alone, from the FB size register, convicts too */
	with_vram(nv(test, 0x2684), 49152, GI_VRAM_REGISTER);
	KUNIT_EXPECT_EQ(test, classify(test), GI_VERDICT_TRANSPLANT);
}

static void classify_48gb_4090d_is_transplant(struct kunit *test)
{
	struct gi_facts *f = nv(test, 0x2685);

	with_vram(f, 49140, GI_VRAM_DRIVER);
	with_bar1(f, 32768);
	KUNIT_EXPECT_EQ(test, classify(test), GI_VERDICT_TRANSPLANT);
	KUNIT_ASSERT_NOT_NULL(test, report(test)->base_sku);
	KUNIT_EXPECT_EQ(test, report(test)->base_sku->device_id, 0x2684);
	KUNIT_EXPECT_TRUE(test, has_finding(test, GI_CHECK_REGIONAL));
}

static void classify_vram_mods_are_modified(struct kunit *test)
{
	/* RTX 2080 Ti, 11 GB, with 22 GB */
	with_vram(nv(test, 0x1e04), 22528, GI_VRAM_REGISTER);
	KUNIT_EXPECT_EQ(test, classify(test), GI_VERDICT_MODIFIED);
	KUNIT_EXPECT_EQ(test, finding(test, GI_CHECK_VRAM_SIZE)->suggests,
			GI_VERDICT_MODIFIED);
	with_vram(nv(test, 0x1e07), 22000, GI_VRAM_DRIVER);
	KUNIT_EXPECT_EQ(test, classify(test), GI_VERDICT_MODIFIED);
	/* RTX 3080, 10 GB, with 20 GB */
	with_vram(nv(test, 0x2206), 20480, GI_VRAM_DRIVER);
	KUNIT_EXPECT_EQ(test, classify(test), GI_VERDICT_MODIFIED);
}

static void classify_pcir_device_mismatch_is_relabelled(struct kunit *test)
{
	struct gi_facts *f = nv(test, 0x2685);
	const struct gi_finding *r;

	f->have |= GI_HAVE_ROM;
	f->rom_vendor_id = GI_VENDOR_NVIDIA;
	f->rom_device_id = 0x2684;		/* a 4090 VBIOS on a 4090 D */
	KUNIT_EXPECT_EQ(test, classify(test), GI_VERDICT_RELABELLED);
	r = finding(test, GI_CHECK_ROM_DEVICE_ID);
	KUNIT_EXPECT_EQ(test, r->weight, GI_WEIGHT_DECISIVE);
	KUNIT_EXPECT_NOT_NULL(test, strstr(r->observed, "2684"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(r->expected, "2685"));

	/* a device list naming the card makes it consistent */
	f->rom_devlist[0] = 0x2685;
	f->rom_n_devlist = 1;
	KUNIT_EXPECT_EQ(test, classify(test), GI_VERDICT_REGIONAL);
}

static void classify_wrong_chip_is_relabelled(struct kunit *test)
{
	struct gi_facts *f = nv(test, 0x2684);
	const struct gi_finding *c;

	f->have |= GI_HAVE_CHIP_ID;
	f->nv_chip_id = 0x193;			/* AD103 claiming to be a 4090 */
	KUNIT_EXPECT_EQ(test, classify(test), GI_VERDICT_RELABELLED);
	c = finding(test, GI_CHECK_CHIP_ID);
	KUNIT_EXPECT_NOT_NULL(test, strstr(c->observed, "AD103"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(c->expected, "AD102"));
}

static void classify_china_skus_are_regional(struct kunit *test)
{
	static const struct {
		u16 id;
		const char *name;
	} ids[] = {
		{ 0x2324, "H800 SXM5" }, { 0x2322, "H800 PCIe" },
		{ 0x20f3, "A800 SXM4 80GB" }, { 0x20f5, "A800 80GB PCIe" },
		{ 0x2329, "H20" }, { 0x26ba, "L20" }, { 0x27b6, "L2" },
		{ 0x2b87, "RTX 5090 D" }, { 0x2b8c, "RTX 5090 D v2" },
	};
	const struct gi_report *r = report(test);
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(ids); i++) {
		nv(test, ids[i].id);
		KUNIT_EXPECT_EQ_MSG(test, classify(test), GI_VERDICT_REGIONAL, "%s", ids[i].name);
		KUNIT_ASSERT_NOT_NULL_MSG(test, r->sku, "%s", ids[i].name);
		KUNIT_EXPECT_TRUE_MSG(test, r->sku->flags & GI_SKU_REGIONAL, "%s", ids[i].name);
		KUNIT_EXPECT_NOT_NULL_MSG(test, r->base_sku, "%s", ids[i].name);
	}
}

static void classify_genuine_large_memory_not_convicted(struct kunit *test)
{
	struct gi_facts *f = nv(test, 0x26b1);	/* RTX 6000 Ada, 48 GB */

	with_subsys(f, 0x10de, 0x16a1);
	with_vram(f, 49140, GI_VRAM_DRIVER);
	with_bar1(f, 65536);
	KUNIT_EXPECT_EQ(test, classify(test), GI_VERDICT_ORIGINAL);

	f = nv(test, 0x26ba);			/* L20, ECC on: ~46 GB visible */
	with_vram(f, 46068, GI_VRAM_DRIVER);
	f->have |= GI_HAVE_ECC;
	f->ecc_enabled = true;
	KUNIT_EXPECT_EQ(test, classify(test), GI_VERDICT_REGIONAL);
	KUNIT_EXPECT_EQ(test, finding(test, GI_CHECK_VRAM_SIZE)->result, GI_RESULT_PASS);
}

static void classify_mig_partition_not_convicted(struct kunit *test)
{
	struct gi_facts *f = nv(test, 0x20b2);	/* A100 80GB seen through MIG */

	with_vram(f, 9856, GI_VRAM_DRIVER);
	with_sm(f, 14, false);
	f->partitioned = true;
	KUNIT_EXPECT_EQ(test, classify(test), GI_VERDICT_ORIGINAL);
	KUNIT_EXPECT_EQ(test, finding(test, GI_CHECK_VRAM_SIZE)->result, GI_RESULT_INFO);
	KUNIT_EXPECT_EQ(test, finding(test, GI_CHECK_SM_COUNT)->result, GI_RESULT_INFO);
}

static void classify_unknown_device(struct kunit *test)
{
	struct gi_facts *f = nv(test, 0xfffe);

	with_vram(f, 999999, GI_VRAM_DRIVER);
	KUNIT_EXPECT_EQ(test, classify(test), GI_VERDICT_UNKNOWN);
	KUNIT_EXPECT_NULL(test, report(test)->sku);
	KUNIT_EXPECT_EQ(test, report(test)->confidence, 0);
	KUNIT_EXPECT_STREQ(test, finding(test, GI_CHECK_DEVICE_KNOWN)->observed, "10de:fffe");
	/* a decisive contradiction still shows */
	f->have |= GI_HAVE_ROM;
	f->rom_vendor_id = GI_VENDOR_NVIDIA;
	f->rom_device_id = 0x2684;
	KUNIT_EXPECT_EQ(test, classify(test), GI_VERDICT_RELABELLED);
	/* nothing known at all */
	f = nv(test, 0);
	f->have = 0;
	KUNIT_EXPECT_EQ(test, classify(test), GI_VERDICT_UNKNOWN);
}

static void classify_findings_bounded(struct kunit *test)
{
	struct gi_facts *f = nv(test, 0x2684);

	/* everything at once, all of it wrong */
	with_vram(f, 49140, GI_VRAM_DRIVER);
	with_sm(f, 114, true);
	with_bar1(f, 32768);
	f->have |= GI_HAVE_CHIP_ID | GI_HAVE_ROM | GI_HAVE_BIOS_VERSION |
		   GI_HAVE_ROM_CHECKSUM | GI_HAVE_SUBSYS | GI_HAVE_ROM_SUBSYS;
	f->nv_chip_id = 0x194;
	f->rom_vendor_id = 0x1002;
	f->rom_device_id = 0x67df;
	memcpy(f->bios_version, "\xde\xad\x00\xbe\xef", 5);
	f->rom_checksum_ok = false;
	f->ssvid = 0x7fff;
	f->ssid = 1;
	f->rom_ssvid = 0x1458;
	f->rom_ssid = 0x40bf;
	KUNIT_EXPECT_EQ(test, classify(test), GI_VERDICT_RELABELLED);
	KUNIT_EXPECT_LE(test, report(test)->n_findings, (unsigned int)GI_MAX_FINDINGS);
	KUNIT_EXPECT_LE(test, report(test)->confidence, 100);
}

/* 10de:146d: the RTX 3080 20GB board that was never sold at retail */
static void classify_never_retail_board_is_modified(struct kunit *test)
{
	struct gi_facts *f = nv(test, 0x2206);

	with_subsys(f, 0x10de, 0x146d);
	with_vram(f, 20480, GI_VRAM_REGISTER);
	KUNIT_EXPECT_EQ(test, classify(test), GI_VERDICT_MODIFIED);
	KUNIT_EXPECT_EQ(test, finding(test, GI_CHECK_BOARD_VENDOR)->result,
			GI_RESULT_FAIL);

	f = nv(test, 0x2206);
	with_subsys(f, 0x10de, 0x1467);
	with_vram(f, 10240, GI_VRAM_REGISTER);
	KUNIT_EXPECT_EQ(test, classify(test), GI_VERDICT_ORIGINAL);
}

static struct kunit_case gpuident_classify_cases[] = {
	KUNIT_CASE(classify_4090d_by_device_id_is_regional),
	KUNIT_CASE(classify_114_fused_sms_claiming_4090_is_relabelled),
	KUNIT_CASE(classify_48gb_4090_is_transplant),
	KUNIT_CASE(classify_48gb_4090d_is_transplant),
	KUNIT_CASE(classify_vram_mods_are_modified),
	KUNIT_CASE(classify_pcir_device_mismatch_is_relabelled),
	KUNIT_CASE(classify_wrong_chip_is_relabelled),
	KUNIT_CASE(classify_china_skus_are_regional),
	KUNIT_CASE(classify_genuine_large_memory_not_convicted),
	KUNIT_CASE(classify_mig_partition_not_convicted),
	KUNIT_CASE(classify_unknown_device),
	KUNIT_CASE(classify_findings_bounded),
	KUNIT_CASE(classify_never_retail_board_is_modified),
	{}
};

static struct kunit_suite gpuident_classify_suite = {
	.name = "gpuident_classify",
	.init = gpuident_classify_init,
	.test_cases = gpuident_classify_cases,
};

kunit_test_suite(gpuident_classify_suite);
