// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * A capture bundle read back gives the same facts and verdict as the
 * attributes it was written from (gpuident capture -> gpuident analyze).
 */
#include <stdlib.h>

#include "gitest.h"
#include "attrs.h"
#include "bundle.h"

struct kv {
	const char *k, *v;
};

static const char *kv_get(void *ctx, const char *name)
{
	const struct kv *p;

	for (p = ctx; p->k; p++)
		if (!strcmp(p->k, name))
			return p->v;
	return NULL;
}

/* What the module shows for a 48 GB RTX 4090 on a transplant board. */
static const struct kv transplant[] = {
	{ "vendor_id", "0x10de" }, { "device_id", "0x2684" },
	{ "subsystem_vendor_id", "0x10de" }, { "subsystem_device_id", "0x16f4" },
	{ "revision", "0xa1" }, { "pcie_max_gen", "4" }, { "pcie_max_width", "16" },
	{ "bar1_size", "34359738368" }, { "chip_id", "0x192" },
	{ "sm_count", "128" }, { "vram_size", "51539607552" },
	{ "vbios_vendor_id", "0x10de" }, { "vbios_device_id", "0x2684" },
	{ "vbios_checksum", "ok" }, { "vbios_version", "95.02.18.80.87" },
	{ "vbios_sha256", "000361547410652ae208b597ee016dc41d18559ea9900df509d045022b28b526" },
	{ "vbios_source", "rom-bar" }, { "registers", "read" },
	{ "verdict", "transplant" }, { NULL, NULL }
};

GI_TEST(bundle_round_trip_keeps_facts_and_verdict)
{
	struct gi_gpu_list in = { 0 }, out = { 0 };
	struct gi_gpu *g;
	char *text = NULL, err[128];
	size_t len = 0;
	FILE *f;
	int n;

	g = gi_gpu_list_add(&in);
	GI_REQUIRE(g != NULL);
	snprintf(g->address, sizeof(g->address), "0000:01:00.0");
	snprintf(g->source, sizeof(g->source), "module");
	GI_REQUIRE(gi_gpu_from_attrs(g, kv_get, (void *)transplant) == 0);
	GI_EXPECT_EQ(g->report.verdict, GI_VERDICT_TRANSPLANT);
	GI_EXPECT_STR(g->note, "");	/* agrees with the module's verdict */

	f = open_memstream(&text, &len);
	GI_REQUIRE(f != NULL);
	GI_EXPECT_EQ(gi_bundle_write(f, &in, "0.2.0"), 0);
	fclose(f);
	GI_EXPECT(gi_bundle_is(text, len));
	GI_EXPECT(strstr(text, "[gpu 0000:01:00.0]") != NULL);

	n = gi_bundle_read(text, len, "c.txt", &out, err, sizeof(err));
	GI_REQUIRE(n == 1);
	GI_EXPECT_STR(out.v[0].address, "0000:01:00.0");
	GI_EXPECT_EQ(out.v[0].report.verdict, GI_VERDICT_TRANSPLANT);
	GI_EXPECT_EQ(out.v[0].report.confidence, in.v[0].report.confidence);
	GI_EXPECT_EQ(out.v[0].facts.have, in.v[0].facts.have);
	GI_EXPECT_EQ(out.v[0].facts.vram_mib, 49152);
	GI_EXPECT_EQ(out.v[0].facts.sm_count, 128);
	GI_EXPECT_STR(out.v[0].bios_version, "95.02.18.80.87");
	GI_EXPECT_STR(out.v[0].module_verdict, "transplant");
	free(text);
	gi_gpu_list_free(&in);
	gi_gpu_list_free(&out);
}

GI_TEST(bundle_truncated_and_hostile)
{
	struct gi_gpu_list out = { 0 };
	char err[128];
	char cut[] = "gpuident-capture 1\n[gpu 0000:02:00.0]\nattr vendor_id=0x10de\n"
		     "attr device_id=0x2685\n";
	char bad[] = "gpuident-capture 1\n[gpu bo\"gus]\nattr vendor_id=0x10de\n"
		     "attr device_id=0x2684\nattr =\nattr noequals\nend\n";
	char notone[] = "hello\n";

	GI_EXPECT_EQ(gi_bundle_read(cut, strlen(cut), "cut", &out, err, sizeof(err)), 1);
	GI_EXPECT_EQ(out.v[0].report.verdict, GI_VERDICT_REGIONAL);
	GI_EXPECT(strstr(out.v[0].note, "truncated") != NULL);
	GI_EXPECT_EQ(gi_bundle_read(bad, strlen(bad), "bad", &out, err, sizeof(err)), 1);
	GI_EXPECT_STR(out.v[1].address, "");	/* not a PCI address: dropped */
	GI_EXPECT_EQ(gi_bundle_read(notone, strlen(notone), "x", &out, err, sizeof(err)), -1);
	gi_gpu_list_free(&out);
}

/*
 * A ROM whose PCI 3.0 device list names the card (ABI 1.1): the module
 * accepts it, so must the facts rebuilt from sysfs, and a bundle keeps it.
 */
static const struct kv listed[] = {
	{ "vendor_id", "0x10de" }, { "device_id", "0x2684" },
	{ "subsystem_vendor_id", "0x10de" }, { "subsystem_device_id", "0x16f4" },
	{ "revision", "0xa1" },
	{ "vbios_vendor_id", "0x10de" }, { "vbios_device_id", "0x2685" },
	{ "vbios_device_list", "0x2702 0x2684" },
	{ "vbios_source", "shadow" }, { NULL, NULL }
};

/* The same image without its list: another device's BIOS. */
static const struct kv unlisted[] = {
	{ "vendor_id", "0x10de" }, { "device_id", "0x2684" },
	{ "subsystem_vendor_id", "0x10de" }, { "subsystem_device_id", "0x16f4" },
	{ "revision", "0xa1" },
	{ "vbios_vendor_id", "0x10de" }, { "vbios_device_id", "0x2685" },
	{ "vbios_source", "rom-bar" }, { NULL, NULL }
};

GI_TEST(attrs_device_list_names_the_card)
{
	struct gi_gpu_list in = { 0 }, out = { 0 };
	struct gi_gpu *g, u = { 0 };
	char *text = NULL, err[128];
	size_t len = 0;
	FILE *f;

	g = gi_gpu_list_add(&in);
	GI_REQUIRE(g != NULL);
	snprintf(g->address, sizeof(g->address), "0000:01:00.0");
	GI_REQUIRE(gi_gpu_from_attrs(g, kv_get, (void *)listed) == 0);
	GI_EXPECT(g->facts.have & GI_HAVE_ROM);
	GI_EXPECT_EQ(g->facts.rom_n_devlist, 2);
	GI_EXPECT_EQ(g->facts.rom_devlist[1], 0x2684);
	GI_EXPECT(g->report.verdict != GI_VERDICT_RELABELLED);

	GI_REQUIRE(gi_gpu_from_attrs(&u, kv_get, (void *)unlisted) == 0);
	GI_EXPECT_EQ(u.report.verdict, GI_VERDICT_RELABELLED);

	f = open_memstream(&text, &len);
	GI_REQUIRE(f != NULL);
	GI_EXPECT_EQ(gi_bundle_write(f, &in, "0.2.0"), 0);
	fclose(f);
	GI_EXPECT(strstr(text, "vbios_device_list") != NULL);
	GI_REQUIRE(gi_bundle_read(text, len, "c.txt", &out, err, sizeof(err)) == 1);
	GI_EXPECT_EQ(out.v[0].facts.rom_n_devlist, 2);
	GI_EXPECT_EQ(out.v[0].report.verdict, g->report.verdict);
	free(text);
	gi_gpu_list_free(&in);
	gi_gpu_list_free(&out);
}

GI_TEST(attrs_refuse_other_abi_versions)
{
	char err[160];

	GI_EXPECT_EQ(gi_abi_check("1.0", err, sizeof(err)), 0);
	GI_EXPECT_EQ(gi_abi_check("1.1", err, sizeof(err)), 0);
	GI_EXPECT_EQ(gi_abi_check("1.7", err, sizeof(err)), 0);
	GI_EXPECT_EQ(gi_abi_check("2.0", err, sizeof(err)), -1);
	GI_EXPECT(strstr(err, "ABI 2.0") != NULL);
	GI_EXPECT_EQ(gi_abi_check("0.9", err, sizeof(err)), -1);
	GI_EXPECT_EQ(gi_abi_check(NULL, err, sizeof(err)), -1);
	GI_EXPECT_EQ(gi_abi_check("x", err, sizeof(err)), -1);
}
