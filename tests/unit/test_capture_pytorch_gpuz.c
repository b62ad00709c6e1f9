// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The PyTorch and GPU-Z readers (tools/capture/pytorch.c,
 * tools/capture/gpuz.c). The PyTorch snippets are real prints, each with
 * its source (find_string ids, as in tests/wild/MANIFEST.tsv); where a
 * test changes or joins them it says so. No GPU-Z dump was found in any
 * public source: its inputs are built here from the element names and
 * value shapes that public programs reading the dump rely on (see the
 * head of tools/capture/gpuz.c), with the IDs of real cards.
 */
#include <stdio.h>
#include <stdlib.h>

#include "gitest.h"
#include "captest.h"
#include "gpuident/kb.h"

/* ---- PyTorch: get_device_properties -------------------------------------- */

/* find_string:3508842283, a YOLOv5 setup line (torch 1.8, the old repr) */
GI_TEST(pytorch_props_old_repr)
{
	static const char text[] =
		"Setup complete. Using torch 1.8.0+cu101 _CudaDeviceProperties(name='Tesla P100-PCIE-16GB', major=6, minor=0, total_memory=16280MB, multi_processor_count=56)\n";
	const struct gi_capture_gpu *g = &gpus[0];

	GI_REQUIRE(parse(text) == 1);
	GI_EXPECT_STR(g->format, "pytorch");
	GI_EXPECT_STR(g->name, "Tesla P100-PCIE-16GB");
	GI_EXPECT_STR(g->address, "");
	GI_EXPECT_STR(g->uuid, "");
	GI_EXPECT(g->facts.have & GI_HAVE_VRAM);
	GI_EXPECT_EQ(g->facts.vram_mib, 16280);
	/* CUDA's total: judged as the driver's, not a lower bound */
	GI_EXPECT(!g->facts.vram_lower_bound);
	GI_EXPECT_EQ(g->facts.vram_source, GI_VRAM_DRIVER);
	GI_EXPECT(g->facts.have & GI_HAVE_SM_COUNT);
	GI_EXPECT_EQ(g->facts.sm_count, 56);
	GI_EXPECT(!g->facts.sm_from_fuses);
	GI_EXPECT_EQ(g->vendor_hint, GI_VENDOR_NVIDIA);
	GI_EXPECT(g->inferred & GI_HAVE_IDS);
	GI_EXPECT_EQ(g->facts.device_id, 0x15f8);
	/* what a print cannot show */
	GI_EXPECT(g->not_shown & GI_HAVE_SUBSYS);
	GI_EXPECT(g->not_shown & GI_HAVE_BIOS_VERSION);
	GI_EXPECT(g->not_shown & GI_HAVE_ECC);
	GI_EXPECT(!(g->not_shown & GI_HAVE_SM_COUNT));
	GI_EXPECT_EQ(verdict(g), GI_VERDICT_ORIGINAL);
}

/* find_string:29664974753, torch 2.x: uuid and L2 added */
GI_TEST(pytorch_props_uuid_becomes_smi_uuid)
{
	static const char text[] =
		"_CudaDeviceProperties(name='NVIDIA RTX A5000', major=8, minor=6, total_memory=24138MB, multi_processor_count=64, uuid=dc1345df-ac63-34db-00eb-1bddd0042c46, L2_cache_size=6MB)\n";

	GI_REQUIRE(parse(text) == 1);
	GI_EXPECT_STR(gpus[0].uuid, "GPU-dc1345df-ac63-34db-00eb-1bddd0042c46");
	GI_EXPECT_EQ(gpus[0].facts.sm_count, 64);
	GI_EXPECT_EQ(gpus[0].facts.vram_mib, 24138);
	GI_EXPECT_EQ(verdict(&gpus[0]), GI_VERDICT_ORIGINAL);
}

/*
 * find_string:7862287914: a uuid its author masked; find_string:57372906612:
 * one elided as "...". Neither is a UUID to tie records by.
 */
GI_TEST(pytorch_props_masked_uuid_dropped)
{
	static const char text[] =
		"CUDA Device Name:  NVIDIA GeForce RTX 4090\n"
		"CUDA Device Properties:  _CudaDeviceProperties(name='NVIDIA GeForce RTX 4090', major=8, minor=9, total_memory=24563MB, multi_processor_count=128, uuid=c522954a-xxx-529b-aa8c-xxx, L2_cache_size=72MB)\n"
		"_CudaDeviceProperties(name='NVIDIA RTX PRO 6000 Blackwell Server Edition', major=12, minor=0, total_memory=97250MB, multi_processor_count=188, uuid=..., L2_cache_size=128MB)\n";

	GI_REQUIRE(parse(text) == 2);
	GI_EXPECT_STR(gpus[0].name, "NVIDIA GeForce RTX 4090");
	GI_EXPECT_STR(gpus[0].uuid, "");
	GI_EXPECT_EQ(gpus[0].facts.sm_count, 128);
	GI_EXPECT_EQ(verdict(&gpus[0]), GI_VERDICT_ORIGINAL);
	GI_EXPECT_STR(gpus[1].uuid, "");
	GI_EXPECT_EQ(gpus[1].facts.sm_count, 188);
}

/* find_string:7882622645, YOLOv3's select_device: name and memory, 4 GPUs */
GI_TEST(pytorch_props_yolo_lines_four_gpus)
{
	static const char text[] =
		"Using CUDA device0 _CudaDeviceProperties(name='NVIDIA A10G', total_memory=22723MB)\n"
		"           device1 _CudaDeviceProperties(name='NVIDIA A10G', total_memory=22723MB)\n"
		"           device2 _CudaDeviceProperties(name='NVIDIA A10G', total_memory=22723MB)\n"
		"           device3 _CudaDeviceProperties(name='NVIDIA A10G', total_memory=22723MB)\n";
	int i;

	GI_REQUIRE(parse(text) == 4);
	for (i = 0; i < 4; i++) {
		GI_EXPECT_STR(gpus[i].name, "NVIDIA A10G");
		GI_EXPECT_EQ(gpus[i].facts.vram_mib, 22723);
		GI_EXPECT(!(gpus[i].facts.have & GI_HAVE_SM_COUNT));
		GI_EXPECT_EQ(verdict(&gpus[i]), GI_VERDICT_ORIGINAL);
	}
}

/*
 * find_string:31908259347, a docstring listing two servers' GPUs after
 * "INDEX, NAME, ": the lines are PyTorch's, not --query-gpu CSV rows, and
 * the source's garbled "multi_processnt=82" gives no SM count.
 */
GI_TEST(pytorch_props_after_csv_like_prefix)
{
	static const char text[] =
		"        228: \n"
		"        0, NVIDIA GeForce RTX 3090, _CudaDeviceProperties(name='NVIDIA GeForce RTX 3090', major=8, minor=6, total_memory=24259MB, multi_processnt=82)\n"
		"        229:\n"
		"        5, NVIDIA GeForce RTX 2060 SUPER, _CudaDeviceProperties(name='NVIDIA GeForce RTX 2060 SUPER', major=7, minor=5, total_memory=7974MB, multi_processor_count=34)\n";

	GI_REQUIRE(parse(text) == 2);
	GI_EXPECT_STR(gpus[0].format, "pytorch");
	GI_EXPECT_STR(gpus[0].name, "NVIDIA GeForce RTX 3090");
	GI_EXPECT_EQ(gpus[0].facts.vram_mib, 24259);
	GI_EXPECT(!(gpus[0].facts.have & GI_HAVE_SM_COUNT));
	GI_EXPECT_STR(gpus[1].format, "pytorch");
	GI_EXPECT_EQ(gpus[1].facts.sm_count, 34);
	GI_EXPECT_EQ(verdict(&gpus[0]), GI_VERDICT_ORIGINAL);
	GI_EXPECT_EQ(verdict(&gpus[1]), GI_VERDICT_ORIGINAL);
}

/* find_string:56824795797, a ROCm build (torch 2.11): AMD, PCI address */
GI_TEST(pytorch_props_rocm)
{
	static const char text[] =
		"- _CudaDeviceProperties(name='Radeon 8060S Graphics', major=11, minor=5, gcnArchName='gfx1151', total_memory=64038MB, multi_processor_count=20, uuid=58580000-0000-0000-0000-000000000000, pci_bus_id=194, pci_device_id=0, pci_domain_id=0, L2_cache_size=2MB)\n";
	const struct gi_capture_gpu *g = &gpus[0];

	GI_REQUIRE(parse(text) == 1);
	GI_EXPECT_STR(g->name, "Radeon 8060S Graphics");
	GI_EXPECT_EQ(g->vendor_hint, GI_VENDOR_AMD);
	/* decimal bus 194 */
	GI_EXPECT_STR(g->address, "0000:c2:00.0");
	/* work-group processors, not SMs; ROCm's UUID is no nvidia-smi one */
	GI_EXPECT(!(g->facts.have & GI_HAVE_SM_COUNT));
	GI_EXPECT(g->not_shown & GI_HAVE_SM_COUNT);
	GI_EXPECT_STR(g->uuid, "");
	GI_EXPECT_EQ(g->facts.vram_mib, 64038);
	GI_EXPECT(verdict(g) != GI_VERDICT_MODIFIED &&
		  verdict(g) != GI_VERDICT_TRANSPLANT &&
		  verdict(g) != GI_VERDICT_RELABELLED);
}

/*
 * find_string:56715879733, quoting https://github.com/ROCm/ROCm/issues/4203:
 * a ROCm print wrapped over four lines, gcnArchName on the second.
 */
GI_TEST(pytorch_props_wrapped_over_lines)
{
	static const char text[] =
		"```\n"
		"_CudaDeviceProperties(name='AMD Instinct MI300X', major=9, minor=4, \n"
		"gcnArchName='gfx942:sramecc+:xnack-', total_memory=196592MB, multi_processor_count=304, \n"
		"uuid=66333330-6463-3464-3030-646565323262, \n"
		"L2_cache_size=4MB)\n"
		"```\n";
	const struct gi_capture_gpu *g = &gpus[0];

	GI_REQUIRE(parse(text) == 1);
	GI_EXPECT_STR(g->name, "AMD Instinct MI300X");
	GI_EXPECT_EQ(g->vendor_hint, GI_VENDOR_AMD);
	GI_EXPECT_EQ(g->facts.vram_mib, 196592);
	GI_EXPECT(!(g->facts.have & GI_HAVE_SM_COUNT));
	GI_EXPECT_STR(g->uuid, "");
}

/* find_string:22161947869, a MIG instance quoted as a comment */
GI_TEST(pytorch_props_mig_slice)
{
	static const char text[] =
		"# _CudaDeviceProperties(name='NVIDIA A100 80GB PCIe MIG 1g.10gb', major=8, minor=0, total_memory=9728MB, multi_processor_count=14)\n";
	const struct gi_capture_gpu *g = &gpus[0];

	GI_REQUIRE(parse(text) == 1);
	GI_EXPECT_STR(g->name, "NVIDIA A100 80GB PCIe");
	GI_EXPECT(g->facts.partitioned);
	GI_EXPECT_EQ(g->facts.sm_count, 14);
	GI_EXPECT_EQ(g->facts.device_id, 0x20b5);
	/* a slice's memory and SMs are not the card's */
	GI_EXPECT_EQ(verdict(g), GI_VERDICT_ORIGINAL);
}

/*
 * find_string:29283747073's RTX 2080 Ti print with total_memory changed
 * to the 22528 MiB the converted 22 GB cards show in nvidia-smi
 * (tests/wild/smi-table/rtx2080ti-22g-*): more memory than shipped must
 * never come out clean.
 */
GI_TEST(pytorch_props_more_memory_than_shipped)
{
	static const char text[] =
		"_CudaDeviceProperties(name='GeForce RTX 2080 Ti', major=7, minor=5, total_memory=22528MB, multi_processor_count=68)\n";
	enum gi_verdict v;

	GI_REQUIRE(parse(text) == 1);
	v = verdict(&gpus[0]);
	GI_EXPECT(v == GI_VERDICT_MODIFIED || v == GI_VERDICT_TRANSPLANT);
}

/* ---- PyTorch: get_device_name --------------------------------------------- */

/* find_string:552565457 and find_string:24862098619 (indented, ROCm 3.7) */
GI_TEST(pytorch_name_in_repl)
{
	static const char v100[] =
		">>> import torch\n"
		">>> print(torch.__version__)\n"
		"1.4.0\n"
		">>> torch.cuda.is_available()\n"
		"True\n"
		">>> torch.cuda.get_device_name(0)\n"
		"'Tesla V100-PCIE-32GB'\n"
		">>> exit()\n";
	static const char rocm[] =
		"    >>> torch.cuda.get_device_name(0)\n"
		"    'Device 67df'\n"
		"    >>> exit()\n";

	GI_REQUIRE(parse(v100) == 1);
	GI_EXPECT_STR(gpus[0].format, "pytorch");
	GI_EXPECT_STR(gpus[0].name, "Tesla V100-PCIE-32GB");
	GI_EXPECT(!(gpus[0].facts.have & (GI_HAVE_VRAM | GI_HAVE_SM_COUNT)));
	GI_EXPECT(gpus[0].not_shown & GI_HAVE_VRAM);
	GI_EXPECT(gpus[0].not_shown & GI_HAVE_SM_COUNT);
	GI_EXPECT_EQ(verdict(&gpus[0]), GI_VERDICT_ORIGINAL);

	GI_REQUIRE(parse(rocm) == 1);
	GI_EXPECT_STR(gpus[0].name, "Device 67df");
	GI_EXPECT_EQ(verdict(&gpus[0]), GI_VERDICT_UNKNOWN);
}

/*
 * find_string:28350987860: the call is followed by a warning, not a name;
 * a flake's comment (find_string:39958208972) only lists the call.
 */
GI_TEST(pytorch_name_call_without_output)
{
	static const char warn[] =
		" >>> torch.cuda.get_device_name(0)\n"
		"/home/larissa/MastersProject/2KukaExperiments/ros-venv/lib/python3.7/site-packages/torch/cuda/__init__.py:145: UserWarning: \n"
		"NVIDIA GeForce RTX 3050 Laptop GPU with CUDA capability sm_86 is not compatible with the current PyTorch installation.\n";
	static const char flake[] =
		"# >>> torch.cuda.device_count()\n"
		"# >>> torch.cuda.get_device_name(0)\n"
		"#\n"
		"# To test CUDA (hello-world.cu):\n";

	GI_EXPECT_EQ(parse(warn), 0);
	GI_EXPECT_EQ(parse(flake), 0);
}

/*
 * find_string:9940915460's REPL name joined to find_string:29283747073's
 * print of the same GPU: the name alone adds nothing, one GPU comes out.
 */
GI_TEST(pytorch_name_and_props_one_gpu)
{
	static const char text[] =
		">>> torch.cuda.get_device_name(0)\n"
		"'GeForce RTX 2080 Ti'\n"
		">>> torch.cuda.get_device_properties(0)\n"
		"_CudaDeviceProperties(name='GeForce RTX 2080 Ti', major=7, minor=5, total_memory=11019MB, multi_processor_count=68)\n";

	GI_REQUIRE(parse(text) == 1);
	GI_EXPECT(gpus[0].facts.have & GI_HAVE_SM_COUNT);
	GI_EXPECT_EQ(gpus[0].facts.sm_count, 68);
	GI_EXPECT_EQ(verdict(&gpus[0]), GI_VERDICT_ORIGINAL);
}

/*
 * tests/wild/smi-q/rtx2080ti-nvidia-docker-1760.txt (its first lines) joined
 * to find_string:29283747073's print of the same model: one GPU of that
 * name in each, so the print takes nvidia-smi's address and merges into
 * its record, which gains CUDA's SM count next to nvidia-smi's identity.
 */
static const char smi_q_2080ti[] =
	"GPU 00000000:73:00.0\n"
	"    Product Name                          : NVIDIA GeForce RTX 2080 Ti\n"
	"    Product Brand                         : GeForce\n"
	"    Product Architecture                  : Turing\n"
	"    GPU UUID                              : GPU-a4211eb1-75b7-df20-7a29-4bd4fd504774\n"
	"    VBIOS Version                         : 90.02.30.40.90\n";
static const char props_2080ti[] =
	"_CudaDeviceProperties(name='GeForce RTX 2080 Ti', major=7, minor=5, total_memory=11019MB, multi_processor_count=68)\n";

GI_TEST(pytorch_props_pair_with_nvidia_smi)
{
	char text[1024];

	snprintf(text, sizeof(text), "%s%s", smi_q_2080ti, props_2080ti);
	GI_REQUIRE(parse(text) == 1);
	GI_EXPECT_STR(gpus[0].format, "nvidia-smi-q+pytorch");
	GI_EXPECT_STR(gpus[0].address, "0000:73:00.0");
	GI_EXPECT_STR(gpus[0].bios_version, "90.02.30.40.90");
	GI_EXPECT(gpus[0].facts.have & GI_HAVE_SM_COUNT);
	GI_EXPECT_EQ(gpus[0].facts.sm_count, 68);
	GI_EXPECT_EQ(verdict(&gpus[0]), GI_VERDICT_ORIGINAL);

	/* two prints of the name for one nvidia-smi record: none is tied */
	snprintf(text, sizeof(text), "%s%s%s", smi_q_2080ti, props_2080ti,
		 props_2080ti);
	GI_REQUIRE(parse(text) == 3);
	GI_EXPECT_STR(gpus[0].format, "nvidia-smi-q");
	GI_EXPECT(!(gpus[0].facts.have & GI_HAVE_SM_COUNT));
	GI_EXPECT_STR(gpus[1].address, "");
	GI_EXPECT_STR(gpus[2].address, "");
}

/* Hostile input: cut short, unbalanced quotes, a repr without a name. */
GI_TEST(pytorch_cut_and_broken_prints)
{
	static const char *const bad[] = {
		"_CudaDeviceProperties(name='NVIDIA GeForce RTX 30",
		"_CudaDeviceProperties(",
		"_CudaDeviceProperties(name=",
		"_CudaDeviceProperties(major=8, minor=6, total_memory=24259MB)",
		"_CudaDeviceProperties(name='', total_memory=1MB)",
		"_CudaDeviceProperties(=,,,)))_CudaDeviceProperties(name=\"x",
	};
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		GI_EXPECT_EQ(parse(bad[i]), 0);
	/* a value out of range is dropped, the record kept */
	GI_REQUIRE(parse("_CudaDeviceProperties(name='NVIDIA A40', total_memory=99999999999999MB, multi_processor_count=999999, pci_bus_id=999, pci_device_id=0, pci_domain_id=0)") == 1);
	GI_EXPECT(!(gpus[0].facts.have & (GI_HAVE_VRAM | GI_HAVE_SM_COUNT)));
	GI_EXPECT_STR(gpus[0].address, "");
}

/* ---- GPU-Z ------------------------------------------------------------------ */

/*
 * Built here (no dump was found): the fields of a Gigabyte RTX 4090
 * (10de:2684, board 1458:40bf, as tests/wild/lspci/rtx4090-device2684-*
 * shows it) and an Intel iGPU, in the elements GPU-Z's readers use.
 */
static const char gpuz_4090[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n"
	"<gpuz_dump>\r\n"
	"\t<card>\r\n"
	"\t\t<vendor>NVIDIA</vendor>\r\n"
	"\t\t<cardname>NVIDIA GeForce RTX 4090</cardname>\r\n"
	"\t\t<gpuname>AD102</gpuname>\r\n"
	"\t\t<biosversion>95.02.18.80.87</biosversion>\r\n"
	"\t\t<vendorid>10DE</vendorid>\r\n"
	"\t\t<deviceid>2684</deviceid>\r\n"
	"\t\t<subvendor>Gigabyte</subvendor>\r\n"
	"\t\t<subvendorid>1458</subvendorid>\r\n"
	"\t\t<subsysid>40BF</subsysid>\r\n"
	"\t\t<businterface>PCIe x16 4.0 @ x16 1.1</businterface>\r\n"
	"\t\t<memsize>24576</memsize>\r\n"
	"\t\t<memtype>GDDR6X (Micron)</memtype>\r\n"
	"\t\t<membuswidth>384</membuswidth>\r\n"
	"\t\t<location>1:0:0</location>\r\n"
	"\t\t<resizablebar>Enabled</resizablebar>\r\n"
	"\t</card>\r\n"
	"\t<card>\r\n"
	"\t\t<vendor>Intel</vendor>\r\n"
	"\t\t<cardname>Intel(R) UHD Graphics 770</cardname>\r\n"
	"\t\t<vendorid>8086</vendorid>\r\n"
	"\t\t<deviceid>4680</deviceid>\r\n"
	"\t\t<location>0:2:0</location>\r\n"
	"\t</card>\r\n"
	"</gpuz_dump>\r\n";

GI_TEST(gpuz_dump_two_cards)
{
	const struct gi_capture_gpu *g = &gpus[0];

	GI_REQUIRE(parse(gpuz_4090) == 2);
	GI_EXPECT_STR(g->format, "gpu-z");
	GI_EXPECT_STR(g->name, "NVIDIA GeForce RTX 4090");
	GI_EXPECT_STR(g->address, "0000:01:00.0");
	GI_EXPECT(g->facts.have & GI_HAVE_IDS);
	GI_EXPECT(!(g->inferred & GI_HAVE_IDS));
	GI_EXPECT_EQ(g->facts.vendor_id, 0x10de);
	GI_EXPECT_EQ(g->facts.device_id, 0x2684);
	GI_EXPECT(g->facts.have & GI_HAVE_SUBSYS);
	GI_EXPECT_EQ(g->facts.ssvid, 0x1458);
	GI_EXPECT_EQ(g->facts.ssid, 0x40bf);
	GI_EXPECT(g->facts.have & GI_HAVE_BIOS_VERSION);
	GI_EXPECT_STR(g->bios_version, "95.02.18.80.87");
	GI_EXPECT_EQ(g->facts.vram_mib, 24576);
	/* the card's side of "x16 4.0 @ x16 1.1" */
	GI_EXPECT_EQ(g->facts.link_gen_max, 4);
	GI_EXPECT_EQ(g->facts.link_width_max, 16);
	GI_EXPECT_EQ(g->bus_bits, 384);
	GI_EXPECT(g->not_shown & GI_HAVE_SM_COUNT);
	GI_EXPECT(g->not_shown & GI_HAVE_REVISION);
	GI_EXPECT(!(g->not_shown & GI_HAVE_SUBSYS));
	GI_EXPECT_EQ(verdict(g), GI_VERDICT_ORIGINAL);
	GI_EXPECT_STR(gpus[1].address, "0000:00:02.0");
	GI_EXPECT_EQ(gpus[1].facts.vendor_id, 0x8086);
}

/* The same card showing 48 GB: the transplanted 4090 must not pass. */
GI_TEST(gpuz_more_memory_than_shipped)
{
	char *text = strdup(gpuz_4090);
	char *m;
	enum gi_verdict v;

	GI_REQUIRE(text != NULL);
	m = strstr(text, "<memsize>24576<");
	GI_REQUIRE(m != NULL);
	memcpy(m + 9, "49152", 5);
	GI_REQUIRE(parse(text) == 2);
	v = verdict(&gpus[0]);
	GI_EXPECT(v == GI_VERDICT_TRANSPLANT || v == GI_VERDICT_MODIFIED);
	free(text);
}

/* <card> in other XML, a card cut short, tags without values. */
GI_TEST(gpuz_not_a_dump)
{
	static const char other[] =
		"<deck><card><cardname>Ace</cardname><value>1</value></card></deck>\n";
	static const char cut[] =
		"<gpuz_dump>\n<card>\n<cardname>NVIDIA GeForce RTX 4090</cardname>\n<vendorid>10D";
	static const char odd[] =
		"<gpuz_dump><card><vendorid></vendorid><deviceid>zz</deviceid>"
		"<memsize>-5</memsize><location>1:2</location><businterface>AGP 8x</businterface>"
		"<card><card></card></card></gpuz_dump><card>";

	GI_EXPECT_EQ(parse(other), 0);
	/* the root says GPU-Z: a card with only its name is still one */
	GI_REQUIRE(parse(cut) == 1);
	/* "10D" and no device ID: the IDs come from the name */
	GI_EXPECT(gpus[0].inferred & GI_HAVE_IDS);
	GI_EXPECT_EQ(gpus[0].facts.device_id, 0x2684);
	GI_EXPECT_STR(gpus[0].name, "NVIDIA GeForce RTX 4090");
	GI_EXPECT(parse(odd) >= 0);
}
