// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite gpuident_module: the module logic that needs no hardware
 * (kmod/gpuident_fmt.c: device filtering, PCIe generation, the sysfs
 * formatters) and the BAR0 register allowlist as the module applies it.
 *
 * gpuident_kunit.ko holds every gpuident suite (kmod/kunit/); `make kunit`
 * runs them in a KUnit kernel under QEMU (tests/kunit/run).
 */
#include <kunit/test.h>
#include <linux/module.h>

#include "../gpuident_fmt.h"
#include "gpuident/classify.h"
#include "gpuident/nvreg.h"

#define CANARY		0xa5
#define OUT_SIZE	256

static char *out_buf(struct kunit *test)
{
	char *buf = kunit_kzalloc(test, OUT_SIZE, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, buf);
	memset(buf, CANARY, OUT_SIZE);
	return buf;
}

/* Nothing written at or after @from. */
static void expect_untouched(struct kunit *test, const char *buf, size_t from)
{
	size_t i;

	for (i = from; i < OUT_SIZE; i++)
		KUNIT_ASSERT_EQ_MSG(test, (u8)buf[i], CANARY, "byte %zu written", i);
}

static void module_display_class(struct kunit *test)
{
	KUNIT_EXPECT_TRUE(test, gpuident_is_display_class(0x030000));	/* VGA */
	KUNIT_EXPECT_TRUE(test, gpuident_is_display_class(0x030200));	/* 3D */
	KUNIT_EXPECT_TRUE(test, gpuident_is_display_class(0x038000));	/* other */
	KUNIT_EXPECT_TRUE(test, gpuident_is_display_class(0x030001));	/* 8514 */
	KUNIT_EXPECT_FALSE(test, gpuident_is_display_class(0x040300));	/* HD audio */
	KUNIT_EXPECT_FALSE(test, gpuident_is_display_class(0x020000));	/* Ethernet */
	KUNIT_EXPECT_FALSE(test, gpuident_is_display_class(0x120000));	/* accelerator */
	KUNIT_EXPECT_FALSE(test, gpuident_is_display_class(0x000300));
	KUNIT_EXPECT_FALSE(test, gpuident_is_display_class(0xffffff));
}

static void module_pcie_gen(struct kunit *test)
{
	unsigned int code;

	for (code = 1; code <= 6; code++)
		KUNIT_EXPECT_EQ(test, gpuident_pcie_gen(code), code);
	KUNIT_EXPECT_EQ(test, gpuident_pcie_gen(0), 0U);
	KUNIT_EXPECT_EQ(test, gpuident_pcie_gen(7), 0U);
	KUNIT_EXPECT_EQ(test, gpuident_pcie_gen(15), 0U);
	KUNIT_EXPECT_EQ(test, gpuident_pcie_gen(~0U), 0U);
}

static void add_finding(struct gi_report *r, enum gi_check c, enum gi_result res)
{
	r->findings[r->n_findings].check = c;
	r->findings[r->n_findings].result = res;
	r->n_findings++;
}

static struct gi_report *four_findings(struct kunit *test)
{
	struct gi_report *r = kunit_kzalloc(test, sizeof(*r), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, r);
	add_finding(r, GI_CHECK_DEVICE_KNOWN, GI_RESULT_PASS);
	add_finding(r, GI_CHECK_SM_COUNT, GI_RESULT_FAIL);
	add_finding(r, GI_CHECK_VRAM_SIZE, GI_RESULT_INFO);
	add_finding(r, GI_CHECK_BAR1_SIZE, GI_RESULT_FAIL);
	return r;
}

static void module_fmt_checks(struct kunit *test)
{
	static const char all[] = "device_known sm_count vram_size bar1_size\n";
	static const char failed[] = "sm_count bar1_size\n";
	struct gi_report *r = four_findings(test);
	char *buf = out_buf(test);

	KUNIT_EXPECT_EQ(test, gpuident_fmt_checks(buf, OUT_SIZE, r, false),
			(int)strlen(all));
	KUNIT_EXPECT_STREQ(test, buf, all);
	KUNIT_EXPECT_EQ(test, gpuident_fmt_checks(buf, OUT_SIZE, r, true),
			(int)strlen(failed));
	KUNIT_EXPECT_STREQ(test, buf, failed);
}

static void module_fmt_checks_empty(struct kunit *test)
{
	struct gi_report *r = kunit_kzalloc(test, sizeof(*r), GFP_KERNEL);
	char *buf = out_buf(test);

	KUNIT_ASSERT_NOT_NULL(test, r);
	KUNIT_EXPECT_EQ(test, gpuident_fmt_checks(buf, OUT_SIZE, r, false), 1);
	KUNIT_EXPECT_STREQ(test, buf, "\n");
	/* findings, none failed */
	add_finding(r, GI_CHECK_DEVICE_KNOWN, GI_RESULT_PASS);
	add_finding(r, GI_CHECK_REGIONAL, GI_RESULT_INFO);
	KUNIT_EXPECT_EQ(test, gpuident_fmt_checks(buf, OUT_SIZE, r, true), 1);
	KUNIT_EXPECT_STREQ(test, buf, "\n");
}

static void module_fmt_checks_truncates_safely(struct kunit *test)
{
	struct gi_report *r = four_findings(test);
	char *buf = out_buf(test);
	size_t size;
	int len;

	for (size = 1; size <= 48; size++) {
		memset(buf, CANARY, OUT_SIZE);
		len = gpuident_fmt_checks(buf, size, r, false);
		KUNIT_EXPECT_GE(test, len, 0);
		KUNIT_EXPECT_LT_MSG(test, len, (int)size, "size %zu", size);
		KUNIT_EXPECT_EQ_MSG(test, strlen(buf), (size_t)len, "size %zu", size);
		expect_untouched(test, buf, size);
	}
	memset(buf, CANARY, OUT_SIZE);
	len = gpuident_fmt_checks(buf, 8, r, false);
	KUNIT_EXPECT_EQ(test, len, 7);
	KUNIT_EXPECT_STREQ(test, buf, "device_");
	/* size 0: nothing written at all */
	memset(buf, CANARY, OUT_SIZE);
	KUNIT_EXPECT_EQ(test, gpuident_fmt_checks(buf, 0, r, false), 0);
	expect_untouched(test, buf, 0);
}

static void module_fmt_vram_expected(struct kunit *test)
{
	const struct gi_sku *s = gi_kb_sku(GI_VENDOR_NVIDIA, 0x2684, 0, 0);
	char *buf = out_buf(test);
	int len;

	KUNIT_ASSERT_NOT_NULL(test, s);
	KUNIT_EXPECT_EQ(test, gpuident_fmt_vram_expected(buf, OUT_SIZE, s), 12);
	KUNIT_EXPECT_STREQ(test, buf, "25769803776\n");
	KUNIT_EXPECT_EQ(test, gpuident_fmt_vram_expected(buf, OUT_SIZE, NULL), 1);
	KUNIT_EXPECT_STREQ(test, buf, "\n");

	/* RTX 5060 Ti: 8 and 16 GiB configurations, space separated */
	s = gi_kb_sku(GI_VENDOR_NVIDIA, 0x2d04, 0, 0);
	KUNIT_ASSERT_NOT_NULL(test, s);
	len = gpuident_fmt_vram_expected(buf, OUT_SIZE, s);
	KUNIT_EXPECT_EQ(test, strlen(buf), (size_t)len);
	KUNIT_EXPECT_NOT_NULL(test, strstr(buf, "8589934592"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(buf, "17179869184"));
	KUNIT_EXPECT_NOT_NULL(test, strchr(buf, ' '));
	KUNIT_EXPECT_EQ(test, buf[len - 1], '\n');

	/* truncated: NUL-terminated inside the buffer */
	memset(buf, CANARY, OUT_SIZE);
	KUNIT_EXPECT_EQ(test, gpuident_fmt_vram_expected(buf, 5, s), 4);
	KUNIT_EXPECT_EQ(test, strlen(buf), (size_t)4);
	expect_untouched(test, buf, 5);
}

static void module_fmt_hex(struct kunit *test)
{
	static const u8 v[5] = { 0x95, 0x02, 0x18, 0x80, 0x87 };
	char *buf = out_buf(test);

	KUNIT_EXPECT_EQ(test, gpuident_fmt_hex(buf, OUT_SIZE, v, sizeof(v)), 11);
	KUNIT_EXPECT_STREQ(test, buf, "9502188087\n");
	KUNIT_EXPECT_EQ(test, gpuident_fmt_hex(buf, OUT_SIZE, v, 0), 1);
	KUNIT_EXPECT_STREQ(test, buf, "\n");
	memset(buf, CANARY, OUT_SIZE);
	KUNIT_EXPECT_EQ(test, gpuident_fmt_hex(buf, 4, v, sizeof(v)), 3);
	KUNIT_EXPECT_STREQ(test, buf, "950");
	expect_untouched(test, buf, 4);
}

/* What gpuident.ko may read from BAR0: the allowlist and nothing near it. */
static void module_reg_allowlist_rejects(struct kunit *test)
{
	unsigned int i;
	size_t j;
	u32 off;

	/* Writable CTRL_OPT copies of the fuse registers (TU and GA) */
	for (i = 0; i < GI_NV_FUSE_MAX_GPCS; i++) {
		KUNIT_EXPECT_FALSE(test, gi_nv_reg_allowed(0x021838 + 4 * i));
		KUNIT_EXPECT_FALSE(test, gi_nv_reg_allowed(0x820838 + 4 * i));
	}
	KUNIT_EXPECT_FALSE(test, gi_nv_reg_allowed(0x02181c));
	KUNIT_EXPECT_FALSE(test, gi_nv_reg_allowed(0x82081c));	/* CTRL_OPT_GPC */
	KUNIT_EXPECT_FALSE(test, gi_nv_reg_allowed(0x820938));	/* CTRL_OPT_FBP */
	/* The PROM window (BAR0 + 3 MiB) and PRAMIN (BAR0 + 7 MiB) */
	for (off = GI_NV_PROM_BASE; off < GI_NV_PROM_BASE + GI_NV_PROM_SIZE; off += 0x1000)
		KUNIT_EXPECT_FALSE(test, gi_nv_reg_allowed(off));
	KUNIT_EXPECT_FALSE(test, gi_nv_reg_allowed(GI_NV_PROM_BASE + GI_NV_PROM_SIZE - 4));
	for (off = 0x700000; off < 0x800000; off += 0x1000)
		KUNIT_EXPECT_FALSE(test, gi_nv_reg_allowed(off));
	/* Unaligned offsets into every allowed register */
	for (j = 0; j < gi_nv_allowlist_len; j++) {
		off = gi_nv_allowlist[j].offset;
		KUNIT_EXPECT_TRUE(test, gi_nv_reg_allowed(off));
		for (i = 1; i < 4; i++)
			KUNIT_EXPECT_FALSE_MSG(test, gi_nv_reg_allowed(off + i),
					       "%s + %u", gi_nv_allowlist[j].name, i);
	}
	KUNIT_EXPECT_FALSE(test, gi_nv_reg_allowed(0xfffffffc));
	KUNIT_EXPECT_FALSE(test, gi_nv_reg_allowed(0xffffffff));
}

static struct kunit_case gpuident_module_cases[] = {
	KUNIT_CASE(module_display_class),
	KUNIT_CASE(module_pcie_gen),
	KUNIT_CASE(module_fmt_checks),
	KUNIT_CASE(module_fmt_checks_empty),
	KUNIT_CASE(module_fmt_checks_truncates_safely),
	KUNIT_CASE(module_fmt_vram_expected),
	KUNIT_CASE(module_fmt_hex),
	KUNIT_CASE(module_reg_allowlist_rejects),
	{}
};

static struct kunit_suite gpuident_module_suite = {
	.name = "gpuident_module",
	.test_cases = gpuident_module_cases,
};

kunit_test_suite(gpuident_module_suite);

MODULE_DESCRIPTION("KUnit tests for gpuident");
MODULE_AUTHOR("The gpuident developers");
MODULE_LICENSE("GPL");
