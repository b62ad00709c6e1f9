// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The nvidia-smi -L and nvidia-smi --query-gpu CSV readers
 * (tools/capture/smi_list.c, tools/capture/smi_csv.c), on inputs built
 * here in the shapes of the captures in tests/wild/smi-L and smi-csv:
 * headers and none, units and none, fields in any order, MIG lines,
 * Windows line ends, noise, and lines of other tools they must leave alone.
 */
#include <stdio.h>
#include <stdlib.h>

#include "gitest.h"
#include "captest.h"

/* ---- nvidia-smi -L ------------------------------------------------------ */

GI_TEST(smi_l_names_and_uuids)
{
	static const char text[] =
		"user@box:~$ nvidia-smi -L\r\n"
		"GPU 0: NVIDIA GeForce RTX 3090 (UUID: GPU-11111111-2222-3333-4444-555555555555)\r\n"
		"GPU 1: NVIDIA GeForce RTX 3090 (UUID: GPU-66666666-7777-8888-9999-aaaaaaaaaaaa)\r\n"
		"user@box:~$\r\n";
	const struct gi_capture_gpu *g = &gpus[0];

	GI_REQUIRE(parse(text) == 2);
	GI_EXPECT_STR(g->format, "nvidia-smi-L");
	GI_EXPECT_STR(g->name, "NVIDIA GeForce RTX 3090");
	GI_EXPECT_STR(g->uuid, "GPU-11111111-2222-3333-4444-555555555555");
	GI_EXPECT_STR(g->address, "");
	/* name and UUID only: the rest is listed as not shown */
	GI_EXPECT(g->not_shown & GI_HAVE_IDS);
	GI_EXPECT(g->not_shown & GI_HAVE_VRAM);
	GI_EXPECT(g->not_shown & GI_HAVE_BIOS_VERSION);
	GI_EXPECT(g->not_shown & GI_HAVE_SUBSYS);
	GI_EXPECT(!(g->facts.have & (GI_HAVE_VRAM | GI_HAVE_BIOS_VERSION)));
	GI_EXPECT(g->inferred & GI_HAVE_IDS);
	GI_EXPECT_EQ(g->facts.device_id, 0x2204);
	GI_EXPECT(!g->facts.partitioned);
	GI_EXPECT_EQ(verdict(g), GI_VERDICT_ORIGINAL);
	GI_EXPECT_STR(gpus[1].uuid, "GPU-66666666-7777-8888-9999-aaaaaaaaaaaa");
}

GI_TEST(smi_l_indented_and_mig_devices)
{
	static const char text[] =
		"    GPU 0: NVIDIA A100-SXM4-80GB (UUID: GPU-0a0a0a0a-0000-1111-2222-333333333333)\n"
		"      MIG 3g.40gb     Device  0: (UUID: MIG-0b0b0b0b-0000-1111-2222-333333333333)\n"
		"      MIG 1g.10gb     Device  1: (UUID: MIG-0c0c0c0c-0000-1111-2222-333333333333)\n"
		"    GPU 1: NVIDIA A100-SXM4-80GB (UUID: GPU-0d0d0d0d-0000-1111-2222-333333333333)\n"
		"some prose after the list\n"
		"  MIG 1g.10gb     Device  0: (UUID: MIG-0e0e0e0e-0000-1111-2222-333333333333)\n";

	GI_REQUIRE(parse(text) == 2);
	GI_EXPECT_STR(gpus[0].name, "NVIDIA A100-SXM4-80GB");
	GI_EXPECT(gpus[0].facts.partitioned);
	GI_EXPECT_EQ(gpus[0].facts.device_id, 0x20B2);
	/* a MIG line after prose belongs to no GPU of the list */
	GI_EXPECT(!gpus[1].facts.partitioned);
}

/* The table has the addresses, -L the UUIDs: one record a GPU when they agree. */
GI_TEST(smi_l_pairs_with_the_table_of_the_same_paste)
{
	static const char table[] =
		"|   0  NVIDIA GeForce RTX 4090        Off |   00000000:17:00.0 Off |                  Off |\n"
		"| 30%   30C    P8             20W /  450W |       2MiB /  24564MiB |      0%      Default |\n"
		"|   1  NVIDIA GeForce RTX 4090        Off |   00000000:65:00.0 Off |                  Off |\n"
		"| 30%   31C    P8             18W /  450W |       2MiB /  24564MiB |      0%      Default |\n";
	static const char list2[] =
		"GPU 0: NVIDIA GeForce RTX 4090 (UUID: GPU-aaaaaaaa-0000-0000-0000-000000000000)\n"
		"GPU 1: NVIDIA GeForce RTX 4090 (UUID: GPU-bbbbbbbb-0000-0000-0000-000000000000)\n";
	static const char list3[] =
		"GPU 2: NVIDIA GeForce RTX 4090 (UUID: GPU-cccccccc-0000-0000-0000-000000000000)\n";
	char text[2048];

	snprintf(text, sizeof(text), "%s%s", table, list2);
	GI_REQUIRE(parse(text) == 2);
	GI_EXPECT_STR(gpus[0].address, "0000:17:00.0");
	GI_EXPECT_STR(gpus[0].uuid, "GPU-aaaaaaaa-0000-0000-0000-000000000000");
	GI_EXPECT_STR(gpus[1].address, "0000:65:00.0");
	GI_EXPECT_STR(gpus[1].uuid, "GPU-bbbbbbbb-0000-0000-0000-000000000000");
	GI_EXPECT(from(&gpus[1], GI_CAPTURE_SMI_TABLE));
	GI_EXPECT(from(&gpus[1], GI_CAPTURE_SMI_L));
	GI_EXPECT_EQ(gpus[1].facts.vram_mib, 24564);
	/* three GPUs in -L, two in the table: which is which is not known */
	snprintf(text, sizeof(text), "%s%s%s", table, list2, list3);
	GI_REQUIRE(parse(text) == 5);
	GI_EXPECT_STR(gpus[0].uuid, "");
	GI_EXPECT_STR(gpus[2].address, "");
}

GI_TEST(smi_l_malformed_lines_are_not_gpus)
{
	static const char text[] =
		"GPU 0: NVIDIA GeForce RTX 3090\n"			/* no UUID */
		"GPU 0: (UUID: GPU-11111111-2222-3333-4444-555555555555)\n" /* no name */
		"GPU x: NVIDIA GeForce RTX 3090 (UUID: GPU-1)\n"
		"GPU 0: NVIDIA GeForce RTX 3090 (UUID: MIG-1)\n"
		"GPU 0: NVIDIA GeForce RTX 3090 (UUID: <REDACTED>\n"
		"GPU 0: NVIDIA GeForce RTX 3090 (UUID: GPU-1\n";

	GI_EXPECT_EQ(parse(text), 0);
}

/* tests/wild/smi-L/rtx4090-rtx2080super-podman-cdi-fs39880901828.txt */
GI_TEST(smi_l_redacted_uuids_still_list_the_gpus)
{
	static const char text[] =
		"GPU 0: NVIDIA GeForce RTX 4090 (UUID: <REDACTED>)\n"
		"GPU 1: NVIDIA GeForce RTX 2080 SUPER (UUID: <REDACTED>)\n";

	GI_REQUIRE(parse(text) == 2);
	GI_EXPECT_STR(gpus[0].name, "NVIDIA GeForce RTX 4090");
	GI_EXPECT_STR(gpus[0].uuid, "");
	GI_EXPECT_STR(gpus[1].name, "NVIDIA GeForce RTX 2080 SUPER");
	GI_EXPECT(from(&gpus[1], GI_CAPTURE_SMI_L));
}

/*
 * PyTorch's collect_env prints -L without UUIDs under its heading, or one
 * GPU on the heading's line (tests/wild/pytorch/a800-sxm4-x8-collect-env-
 * fs656987912.txt, cut to two GPUs). The same lines elsewhere are prose.
 */
GI_TEST(smi_l_collect_env_lines_without_uuids)
{
	static const char block[] =
		"CUDA_MODULE_LOADING set to: LAZY\n"
		"GPU models and configuration:\n"
		"GPU 0: NVIDIA A800-SXM4-80GB\n"
		"GPU 1: NVIDIA A800-SXM4-80GB\n"
		"\n"
		"Nvidia driver version: 535.54.03\n"
		"GPU 2: NVIDIA A800-SXM4-80GB\n";
	static const char one[] =
		"GPU models and configuration: GPU 0: NVIDIA GeForce RTX 3090\n"
		"Nvidia driver version: 535.54.03\n";
	static const char none[] =
		"GPU models and configuration: Could not collect\n"
		"GPU 0: NVIDIA GeForce RTX 3090\n";

	GI_REQUIRE(parse(block) == 2);
	GI_EXPECT_STR(gpus[1].name, "NVIDIA A800-SXM4-80GB");
	GI_EXPECT_EQ(verdict(&gpus[0]), GI_VERDICT_REGIONAL);
	GI_REQUIRE(parse(one) == 1);
	GI_EXPECT_STR(gpus[0].name, "NVIDIA GeForce RTX 3090");
	GI_EXPECT_EQ(parse(none), 0);
}

/*
 * A table and an lspci line kept as "#" comments in a script
 * (tests/wild/mixed/rtx2080ti-22g-commented-table-lspci-fs26168686101.txt,
 * trimmed): read as if uncommented; a lone "#" line of prose is not enough.
 */
GI_TEST(capture_commented_tool_output_is_read)
{
	static const char text[] =
		"#| GPU  Name                 Persistence-M | Bus-Id          Disp.A | Volatile Uncorr. ECC |\n"
		"#|=========================================+========================+======================|\n"
		"#|   0  NVIDIA GeForce RTX 2080 Ti     Off |   00000000:06:00.0 Off |                  N/A |\n"
		"#| 16%   37C    P0             63W /  250W |       1MiB /  22528MiB |      0%      Default |\n"
		"#+-----------------------------------------+------------------------+----------------------+\n"
		"# or use lspci\n"
		"#06:00.0 VGA compatible controller: NVIDIA Corporation TU102 [GeForce RTX 2080 Ti] (rev a1)\n";
	static const char prose[] =
		"# 06:00.0 is the card\n"
		"GPU 0: NVIDIA GeForce RTX 3090\n";

	GI_REQUIRE(parse(text) == 1);
	GI_EXPECT_STR(gpus[0].address, "0000:06:00.0");
	GI_EXPECT(from(&gpus[0], GI_CAPTURE_SMI_TABLE));
	GI_EXPECT(from(&gpus[0], GI_CAPTURE_LSPCI));
	GI_EXPECT_EQ(gpus[0].facts.vram_mib, 22528);
	GI_EXPECT_EQ(verdict(&gpus[0]), GI_VERDICT_MODIFIED);
	GI_EXPECT_EQ(parse(prose), 0);
}

/* ---- nvidia-smi --query-gpu CSV --------------------------------------- */

GI_TEST(smi_csv_header_all_known_fields)
{
	static const char text[] =
		"index, name, pci.bus_id, pci.device_id, pci.sub_device_id, memory.total [MiB], vbios_version, serial, uuid, driver_version, power.limit [W], ecc.mode.current, pcie.link.gen.max, pcie.link.width.max\n"
		"0, NVIDIA GeForce RTX 4090, 00000000:01:00.0, 0x268410DE, 0x16F310DE, 24564 MiB, 95.02.18.80.87, [N/A], GPU-12345678-1234-1234-1234-123456789abc, 550.127.05, 450.00 W, [N/A], 4, 16\n";
	const struct gi_capture_gpu *g = &gpus[0];

	GI_REQUIRE(parse(text) == 1);
	GI_EXPECT_STR(g->format, "nvidia-smi-csv");
	GI_EXPECT_STR(g->name, "NVIDIA GeForce RTX 4090");
	GI_EXPECT_STR(g->address, "0000:01:00.0");
	GI_EXPECT_EQ(g->facts.vendor_id, 0x10DE);
	GI_EXPECT_EQ(g->facts.device_id, 0x2684);
	GI_EXPECT(!(g->inferred & GI_HAVE_IDS));
	GI_EXPECT_EQ(g->facts.ssvid, 0x10DE);
	GI_EXPECT_EQ(g->facts.ssid, 0x16F3);
	GI_EXPECT_EQ(g->facts.vram_mib, 24564);
	GI_EXPECT(g->facts.have & GI_HAVE_BIOS_VERSION);
	GI_EXPECT_STR(g->bios_version, "95.02.18.80.87");
	GI_EXPECT_STR(g->serial, "");
	GI_EXPECT_STR(g->uuid, "GPU-12345678-1234-1234-1234-123456789abc");
	GI_EXPECT_STR(g->driver_version, "550.127.05");
	GI_EXPECT(!(g->facts.have & GI_HAVE_ECC));
	GI_EXPECT_EQ(g->facts.link_gen_max, 4);
	GI_EXPECT_EQ(g->facts.link_width_max, 16);
	/* every field was asked for: only what no query field shows is missing */
	GI_EXPECT(!(g->not_shown & (GI_HAVE_IDS | GI_HAVE_SUBSYS | GI_HAVE_VRAM |
				    GI_HAVE_BIOS_VERSION | GI_HAVE_LINK)));
	GI_EXPECT(g->not_shown & GI_HAVE_REVISION);
	GI_EXPECT_EQ(verdict(g), GI_VERDICT_ORIGINAL);
}

GI_TEST(smi_csv_reordered_subset_nounits_crlf_and_noise)
{
	static const char text[] =
		"$ nvidia-smi --query-gpu=memory.total,uuid,name,mig.mode.current --format=csv,nounits\r\n"
		"memory.total [MiB], uuid, name, mig.mode.current\r\n"
		"81920, GPU-aaaaaaaa-1234-1234-1234-123456789abc, NVIDIA A100-SXM4-80GB, Enabled\r\n"
		"warning: something, else\r\n"
		"not a number, GPU-bbbbbbbb-1234-1234-1234-123456789abc, NVIDIA A100-SXM4-80GB, Disabled\r\n"
		"81920, GPU-cccccccc-1234-1234-1234-123456789abc, NVIDIA A100-SXM4-80GB, Disabled\r\n";

	GI_REQUIRE(parse(text) == 2);
	GI_EXPECT_STR(gpus[0].uuid, "GPU-aaaaaaaa-1234-1234-1234-123456789abc");
	GI_EXPECT_EQ(gpus[0].facts.vram_mib, 81920);
	GI_EXPECT(gpus[0].facts.partitioned);
	GI_EXPECT_STR(gpus[1].uuid, "GPU-cccccccc-1234-1234-1234-123456789abc");
	GI_EXPECT(!gpus[1].facts.partitioned);
	GI_EXPECT_EQ(gpus[1].facts.device_id, 0x20B2);
	/* not asked for: no PCI IDs, no VBIOS */
	GI_EXPECT(gpus[1].not_shown & GI_HAVE_IDS);
	GI_EXPECT(gpus[1].not_shown & GI_HAVE_BIOS_VERSION);
	GI_EXPECT(!(gpus[1].not_shown & GI_HAVE_VRAM));
	GI_EXPECT_EQ(verdict(&gpus[1]), GI_VERDICT_ORIGINAL);
}

GI_TEST(smi_csv_one_field_query)
{
	static const char text[] =
		"name\n"
		"NVIDIA H200\n"
		"NVIDIA H200\n"
		"name resolution failed\n"
		"NVIDIA Corporation makes GPUs\n";

	GI_REQUIRE(parse(text) == 2);
	GI_EXPECT_STR(gpus[1].name, "NVIDIA H200");
	GI_EXPECT(gpus[1].not_shown & GI_HAVE_VRAM);
}

GI_TEST(smi_csv_noheader_rows_by_shape)
{
	static const char text[] =
		/* index, name, memory.total: a 24 GB card showing 48 GB */
		"2, NVIDIA GeForce RTX 4090, 49140 MiB, 570.86.10\n"
		/* name, memory.total, memory.used without units */
		"NVIDIA GeForce RTX 4090, 24564, 1200\n"
		/* fields only their shape tells apart, in any order */
		"NVIDIA GeForce RTX 4090, GPU-abcdef01-1234-1234-1234-123456789abc, 95.02.18.80.87, 00000000:41:00.0\n";
	const struct gi_capture_gpu *g = &gpus[2];

	GI_REQUIRE(parse(text) == 3);
	GI_EXPECT_STR(g->address, "0000:41:00.0");
	GI_EXPECT_STR(g->uuid, "GPU-abcdef01-1234-1234-1234-123456789abc");
	GI_EXPECT(g->facts.have & GI_HAVE_BIOS_VERSION);
	/* a noheader row lists as not shown only what it did not show */
	GI_EXPECT(!(g->facts.have & g->not_shown & ~g->inferred));
	GI_EXPECT(g->not_shown & GI_HAVE_VRAM);
	GI_EXPECT_STR(gpus[0].name, "NVIDIA GeForce RTX 4090");
	GI_EXPECT_EQ(gpus[0].facts.vram_mib, 49140);
	GI_EXPECT_STR(gpus[0].driver_version, "570.86.10");
	GI_EXPECT(verdict(&gpus[0]) != GI_VERDICT_ORIGINAL);
	GI_EXPECT(verdict(&gpus[0]) != GI_VERDICT_UNKNOWN);
	GI_EXPECT_EQ(gpus[1].facts.vram_mib, 24564);
	GI_EXPECT_EQ(verdict(&gpus[1]), GI_VERDICT_ORIGINAL);
}

GI_TEST(smi_csv_noheader_ambiguous_memory_is_not_read)
{
	static const char text[] =
		/* used before total: the first is not the largest */
		"NVIDIA GeForce RTX 4090, 1024 MiB, 24564 MiB\n"
		/* one bare number: a clock as much as a size */
		"NVIDIA GeForce RTX 4090, 2520\n"
		/* units on one, not the other */
		"NVIDIA GeForce RTX 4090, 49140, 100 MiB\n";
	int i;

	GI_REQUIRE(parse(text) == 3);
	for (i = 0; i < 3; i++) {
		GI_EXPECT(!(gpus[i].facts.have & GI_HAVE_VRAM));
		GI_EXPECT(gpus[i].not_shown & GI_HAVE_VRAM);
		GI_EXPECT_EQ(verdict(&gpus[i]), GI_VERDICT_ORIGINAL);
	}
}

/*
 * "name, memory.used" and "name, memory.total" look alike without a
 * header: the value is at most the card's memory. Less than the card
 * shipped with says nothing (no failure, no lower confidence); more than
 * it can carry still counts.
 */
GI_TEST(smi_csv_noheader_memory_is_a_lower_bound)
{
	static const char text[] =
		"NVIDIA GeForce RTX 4090, 1234 MiB\n"
		"NVIDIA GeForce RTX 4090, 49140 MiB\n";
	struct gi_report r;
	unsigned int i;

	GI_REQUIRE(parse(text) == 2);
	GI_EXPECT(gpus[0].facts.vram_lower_bound);
	gi_classify(&gpus[0].facts, &r);
	GI_EXPECT_EQ(r.verdict, GI_VERDICT_ORIGINAL);
	for (i = 0; i < r.n_findings; i++)
		GI_EXPECT(r.findings[i].result != GI_RESULT_FAIL);
	GI_EXPECT_EQ(verdict(&gpus[1]), GI_VERDICT_TRANSPLANT);
}

/* Lines of other tools, with commas or "GPU N:", are not these formats. */
GI_TEST(smi_l_csv_leave_other_formats_alone)
{
	static const char *const other[] = {
		"01:00.0 VGA compatible controller: NVIDIA Corporation GA102 [GeForce RTX 3090] (rev a1)\n",
		"|   0  NVIDIA GeForce RTX 4090        Off | 00000000:01:00.0  On |                  Off |\n",
		"_CudaDeviceProperties(name='NVIDIA GeForce RTX 3090', major=8, minor=6, total_memory=24268MB, multi_processor_count=82)\n",
		"\tFlags: bus master, fast devsel, latency 0, IRQ 16\n",
		"GPU 0: NVIDIA GeForce RTX 3090, 24 GB, driver 550\n",
		"Device 0: \"NVIDIA GeForce RTX 3090\"\n",
		"name, age, city\nNVIDIA, 3, Santa Clara\n",
	};
	size_t i;
	int n, j;

	for (i = 0; i < GI_ARRAY_SIZE(other); i++) {
		n = parse(other[i]);
		GI_REQUIRE(n >= 0);
		for (j = 0; j < n; j++) {
			GI_EXPECT(!from(&gpus[j], GI_CAPTURE_SMI_L));
			GI_EXPECT(!from(&gpus[j], GI_CAPTURE_SMI_CSV));
		}
	}
}

/* Every prefix of a capture: no crash, no read past its end (ASan). */
GI_TEST(smi_l_csv_every_truncation)
{
	static const char text[] =
		"index, name, pci.bus_id, memory.total [MiB]\r\n"
		"0, NVIDIA H200, 00000000:18:00.0, 143771 MiB\r\n"
		"GPU 0: NVIDIA H20 (UUID: GPU-2f815c32-768d-d782-1073-db01d7b90215)\n"
		"  MIG 3g.48gb     Device  0: (UUID: MIG-e76cc178-e1f3-5596-a9e1-84fa6bffa030)\n"
		"1, NVIDIA L20, 46068 MiB, 580.65.06\n";
	size_t len;
	char *buf;

	for (len = 0; len <= sizeof(text) - 1; len++) {
		buf = malloc(len ? len : 1);
		GI_REQUIRE(buf);
		memcpy(buf, text, len);
		GI_EXPECT(gi_capture_parse(buf, len, gpus, GI_CAPTURE_MAX_GPUS,
					   err, sizeof(err)) >= 0);
		free(buf);
	}
	GI_REQUIRE(parse(text) == 3);
	GI_EXPECT_STR(gpus[0].address, "0000:18:00.0");
	GI_EXPECT_EQ(gpus[0].facts.vram_mib, 143771);
	GI_EXPECT(gpus[1].facts.partitioned);
	/* it does not fit the header above it, but it has the noheader shape */
	GI_EXPECT_STR(gpus[2].name, "NVIDIA L20");
}
