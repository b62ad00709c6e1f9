// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * One device, one GPU (issue 10, part 2): the facts several parts of one
 * paste, or several files, show about one device become one record
 * (tools/capture/record.c, shell.c), matched by PCI address (also one
 * that only a shell prompt, a "cd" or a path on the command line shows),
 * else by a unique match of IDs or name; what they disagree on is a
 * conflict, not a second GPU. Also the nvidia-smi shapes of part 1 that people paste: -q
 * fragments without their GPU line and tables wrapped at 80 columns.
 *
 * The snippets are real pastes (each says where from) or, where no real
 * one exists, built in the layout of a real one and marked so.
 */
#include <stdio.h>
#include <stdlib.h>

#include "gitest.h"
#include "captest.h"

/*
 * /proc/driver/nvidia/gpus/0000:01:00.0/information of an RTX 4090 on
 * driver 595.84, as published in a public diagnostics note (find_string
 * id 69355313442), without its "Bus Location" line where a test says so.
 */
#define PROC_4090_HEAD							\
	"Model:           NVIDIA GeForce RTX 4090\n"			\
	"IRQ:             129\n"					\
	"GPU UUID:        GPU-139270b1-9df0-abe4-1c0c-ff2d2bf0037c\n"	\
	"Video BIOS:      95.02.3c.00.02\n"				\
	"Bus Type:        PCIe\n"					\
	"DMA Size:        47 bits\n"					\
	"DMA Mask:        0x7fffffffffff\n"
#define PROC_4090_BUS	"Bus Location:    0000:01:00.0\n"
#define PROC_4090_TAIL							\
	"Device Minor:    0\n"						\
	"GPU Firmware:    595.84\n"					\
	"GPU Excluded:    No\n"

/*
 * The first 64 bytes of an RTX 3080 LHR's config space (10de:2216,
 * Colorful 7377:120b) from a real `lspci -xx`
 * (tests/wild/lspci/rtx3080-lhr-colorful-xx-fs3661529691.txt), printed as
 * `xxd config` prints them.
 */
#define XXD_3080							\
	"00000000: de10 1622 0704 1000 a100 0003 0000 8000  ...\"............\n" \
	"00000010: 0000 0082 0c00 0000 4000 0000 0c00 0010  ........@.......\n" \
	"00000020: 4000 0000 0160 0000 0000 0000 7773 0b12  @....`......ws..\n" \
	"00000030: 0000 0000 6000 0000 0000 0000 ff01 0000  ....`...........\n"

/*
 * The same 64 bytes with an RTX 4090's IDs (10de:2684, ASUS 1043:889d):
 * built here, no real dump of one was found.
 */
#define XXD_4090							\
	"00000000: de10 8426 0704 1000 a100 0003 0000 8000  ...&............\n" \
	"00000010: 0000 0082 0c00 0000 4000 0000 0c00 0010  ........@.......\n" \
	"00000020: 4000 0000 0160 0000 0000 0000 4310 9d88  @....`......C...\n" \
	"00000030: 0000 0000 6000 0000 0000 0000 ff01 0000  ....`...........\n"

/* ---- one paste ---------------------------------------------------------- */

GI_TEST(merge_proc_and_xxd_in_the_prompt_directory)
{
	static const char text[] =
		"$ cat /proc/driver/nvidia/gpus/0000:01:00.0/information\n"
		PROC_4090_HEAD PROC_4090_BUS PROC_4090_TAIL
		"$ cd /sys/bus/pci/devices/0000:01:00.0\n"
		"root@box:/sys/bus/pci/devices/0000:01:00.0# xxd config | head -4\n"
		XXD_4090
		"root@box:/sys/bus/pci/devices/0000:01:00.0# \n";
	const struct gi_capture_gpu *g = &gpus[0];

	GI_REQUIRE(parse(text) == 1);
	GI_EXPECT_STR(g->address, "0000:01:00.0");
	GI_EXPECT(from(g, GI_CAPTURE_PROC) && from(g, GI_CAPTURE_HEXDUMP));
	GI_EXPECT_STR(g->name, "NVIDIA GeForce RTX 4090");
	GI_EXPECT_EQ(g->facts.device_id, 0x2684);
	GI_EXPECT_EQ(g->facts.ssvid, 0x1043);
	GI_EXPECT(!(g->inferred & GI_HAVE_IDS));
	GI_EXPECT(g->facts.have & GI_HAVE_BIOS_VERSION);
	GI_EXPECT_EQ(g->conflicts, 0);
	GI_EXPECT_STR(g->conflict, "");
}

GI_TEST(merge_address_only_in_a_prompt_or_path)
{
	/* the prompt's directory, bash's "[user@host DIR]$" style */
	static const char bracket[] =
		"[root@box 0000:01:00.0]# xxd config\n" XXD_4090;
	/* a "cd" holds until a prompt shows another directory */
	static const char cd[] =
		"# cd /sys/bus/pci/devices/0000:01:00.0\n"
		"# xxd config\n" XXD_4090
		"user@box:~$ xxd /tmp/config\n" XXD_4090;
	/* nor is a file named by a path of its own */
	static const char other[] =
		"# cd /sys/bus/pci/devices/0000:01:00.0\n"
		"# xxd /root/saved/config\n" XXD_4090
		"# xxd config\n" XXD_3080;
	/* the information file without "Bus Location": the cat's path */
	static const char cat[] =
		"$ cat /proc/driver/nvidia/gpus/0000\\:01\\:00.0/information\n"
		PROC_4090_HEAD PROC_4090_TAIL;
	/* grep -r . /proc/driver/nvidia/gpus: the path on every line */
	static const char grep[] =
		"/proc/driver/nvidia/gpus/0000:2d:00.0/information:Model: \t\t NVIDIA GeForce RTX 4090\n"
		"/proc/driver/nvidia/gpus/0000:2d:00.0/information:Video BIOS: \t 95.02.3c.00.02\n";

	GI_REQUIRE(parse(bracket) == 1);
	GI_EXPECT_STR(gpus[0].address, "0000:01:00.0");
	/* the home directory's dump is not the device's: two records */
	GI_REQUIRE(parse(cd) == 2);
	GI_EXPECT_STR(gpus[0].address, "0000:01:00.0");
	GI_EXPECT_STR(gpus[1].address, "");
	GI_REQUIRE(parse(other) == 2);
	GI_EXPECT_STR(gpus[0].address, "");
	GI_EXPECT_STR(gpus[1].address, "0000:01:00.0");
	GI_REQUIRE(parse(cat) == 1);
	GI_EXPECT_STR(gpus[0].address, "0000:01:00.0");
	GI_REQUIRE(parse(grep) == 1);
	GI_EXPECT_STR(gpus[0].address, "0000:2d:00.0");
}

GI_TEST(merge_without_addresses_when_the_match_is_unique)
{
	/* neither says where the GPU is; the name and the IDs agree */
	static const char text[] =
		PROC_4090_HEAD PROC_4090_TAIL
		"\n$ xxd config\n" XXD_4090;
	const struct gi_capture_gpu *g = &gpus[0];

	GI_REQUIRE(parse(text) == 1);
	GI_EXPECT_STR(g->address, "");
	GI_EXPECT(from(g, GI_CAPTURE_PROC) && from(g, GI_CAPTURE_HEXDUMP));
	GI_EXPECT_EQ(g->facts.device_id, 0x2684);
	GI_EXPECT(!(g->inferred & GI_HAVE_IDS));
	GI_EXPECT_EQ(g->conflicts, 0);
}

GI_TEST(merge_never_joins_two_cards_of_one_model)
{
	/*
	 * Two RTX 4090s without addresses (the second block is the first
	 * with another UUID, built here) and one dump without an address:
	 * which card it is cannot be told, so nothing is merged.
	 */
	static const char text[] =
		PROC_4090_HEAD PROC_4090_TAIL
		"\n"
		"Model:           NVIDIA GeForce RTX 4090\n"
		"GPU UUID:        GPU-6f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b\n"
		"Video BIOS:      95.02.3c.00.02\n"
		"Device Minor:    1\n"
		"\n$ xxd config\n" XXD_4090;
	int i;

	GI_REQUIRE(parse(text) == 3);
	for (i = 0; i < 3; i++) {
		GI_EXPECT_STR(gpus[i].address, "");
		GI_EXPECT_EQ(__builtin_popcount(gpus[i].formats), 1);
	}
}

GI_TEST(merge_conflicting_ids_stay_one_gpu_with_a_conflict)
{
	/*
	 * The 4090's information file and, in the same device directory,
	 * the config space of an RTX 3080 LHR: one address, one GPU, and a
	 * disagreement about what it is (an edited or mixed-up paste).
	 */
	static const char text[] =
		PROC_4090_HEAD PROC_4090_BUS PROC_4090_TAIL
		"root@box:/sys/bus/pci/devices/0000:01:00.0# xxd config\n"
		XXD_3080;
	const struct gi_capture_gpu *g = &gpus[0];

	GI_REQUIRE(parse(text) == 1);
	GI_EXPECT_STR(g->address, "0000:01:00.0");
	GI_EXPECT_EQ(g->facts.device_id, 0x2216);
	GI_EXPECT(g->conflicts & GI_HAVE_IDS);
	GI_EXPECT(strstr(g->conflict, "2216") && strstr(g->conflict, "RTX 4090"));
}

GI_TEST(merge_conflicting_values_are_noted)
{
	/*
	 * The same table row twice with another memory size: one address,
	 * one GPU, the first value kept, the second named in the conflict.
	 * Rows in the layout of tests/wild/smi-table (550 driver), built.
	 */
	static const char text[] =
		"|   0  NVIDIA GeForce RTX 4090        Off |   00000000:01:00.0 Off |                  Off |\n"
		"| 30%   35C    P8             21W /  450W |     388MiB /  24564MiB |      0%      Default |\n"
		"GPU 00000000:01:00.0\n"
		"    Product Name                          : NVIDIA GeForce RTX 4090\n"
		"    FB Memory Usage\n"
		"        Total                             : 49140 MiB\n";
	const struct gi_capture_gpu *g = &gpus[0];

	GI_REQUIRE(parse(text) == 1);
	GI_EXPECT(g->conflicts & GI_HAVE_VRAM);
	/* nvidia-smi -q is read first: its value is the one kept */
	GI_EXPECT_EQ(g->facts.vram_mib, 49140);
	GI_EXPECT(strstr(g->conflict, "24564") != NULL);
}

/* ---- several files ------------------------------------------------------ */

GI_TEST(merge_across_files)
{
	struct gi_capture_gpu *all = calloc(4, sizeof(*all));
	int into[4], n;

	GI_REQUIRE(all);
	/* file 1: the information file, no address; file 2: the dump */
	GI_REQUIRE(parse(PROC_4090_HEAD PROC_4090_TAIL) == 1);
	all[0] = gpus[0];
	GI_REQUIRE(parse("root@box:/sys/bus/pci/devices/0000:01:00.0# xxd config\n"
			 XXD_4090) == 1);
	all[1] = gpus[0];
	n = gi_capture_merge(all, 2, into);
	GI_EXPECT_EQ(n, 1);
	GI_EXPECT_EQ(into[0], 0);
	GI_EXPECT_EQ(into[1], 0);
	GI_EXPECT_STR(all[0].address, "0000:01:00.0");
	GI_EXPECT(from(&all[0], GI_CAPTURE_PROC) &&
		  from(&all[0], GI_CAPTURE_HEXDUMP));

	/* two machines' GPUs at 0000:01:00.0, different cards: two */
	GI_REQUIRE(parse(PROC_4090_HEAD PROC_4090_BUS PROC_4090_TAIL) == 1);
	all[0] = gpus[0];
	GI_REQUIRE(parse("root@box:/sys/bus/pci/devices/0000:01:00.0# xxd config\n"
			 XXD_3080) == 1);
	all[1] = gpus[0];
	GI_EXPECT_EQ(gi_capture_merge(all, 2, into), 2);
	GI_EXPECT_EQ(into[1], 1);

	/* the same address, names of two cards (README's example): two */
	GI_REQUIRE(parse(PROC_4090_HEAD PROC_4090_BUS PROC_4090_TAIL) == 1);
	all[0] = gpus[0];
	GI_REQUIRE(parse("|   0  NVIDIA RTX 6000 Ada Gene...    On  | 00000000:01:00.0 Off |                  Off |\n"
			 "| 30%   41C    P8    29W / 300W |      3MiB / 49140MiB |      0%      Default |\n") == 1);
	all[1] = gpus[0];
	GI_EXPECT_EQ(gi_capture_merge(all, 2, into), 2);
	/* a name the knowledge base does not know against another one: two */
	snprintf(all[1].name, sizeof(all[1].name), "Quote \" back\\slash");
	GI_EXPECT_EQ(gi_capture_merge(all, 2, into), 2);

	/* one view twice (two files of one format): never merged */
	GI_REQUIRE(parse(PROC_4090_HEAD PROC_4090_BUS PROC_4090_TAIL) == 1);
	all[0] = gpus[0];
	all[1] = gpus[0];
	GI_EXPECT_EQ(gi_capture_merge(all, 2, into), 2);
	free(all);
}

/* ---- nvidia-smi shapes of part 1 ---------------------------------------- */

GI_TEST(smi_table_rows_wrapped_at_80_columns)
{
	/* tests/wild/smi-table/h100-sxm-err-wrapped-fs12645250420.txt (real) */
	static const char text[] =
		"  |   0  NVIDIA H100 80GB HBM3          On  |   00000000:03:00.0 Off |\n"
		"  ERR! |\n"
		"  |ERR!   36C    P0            145W / ERR!  |       1MiB /  81559MiB |    100%\n"
		"  Default |\n"
		"  |                                         |                        |\n"
		"  ERR! |\n"
		"  +-----------------------------------------+------------------------+---------\n"
		"  -------------+\n"
		"  |   1  NVIDIA H100 80GB HBM3          On  |   00000000:04:00.0 Off |\n"
		"  0 |\n"
		"  | N/A   31C    P0             68W /  700W |       1MiB /  81559MiB |      0%\n"
		"  Default |\n";

	GI_REQUIRE(parse(text) == 2);
	GI_EXPECT_STR(gpus[0].address, "0000:03:00.0");
	GI_EXPECT_STR(gpus[1].address, "0000:04:00.0");
	GI_EXPECT_STR(gpus[0].name, "NVIDIA H100 80GB HBM3");
	GI_EXPECT_EQ(gpus[0].facts.vram_mib, 81559);
	GI_EXPECT_EQ(gpus[1].facts.vram_mib, 81559);
	/* "0" uncorrected errors: ECC on; "ERR!" says nothing */
	GI_EXPECT(gpus[1].facts.have & GI_HAVE_ECC);
	GI_EXPECT(!(gpus[0].facts.have & GI_HAVE_ECC));
	GI_EXPECT_EQ(gpus[0].facts.device_id, 0x2330);
}

GI_TEST(smi_q_grep_without_gpu_lines)
{
	/*
	 * `nvidia-smi -q | grep -E "Product Name|Product Architecture|GPU
	 * Part Number|Form Factor"` on two H100s, as published
	 * (tests/wild/smi-q/h100-sxm-grep-fs5065453337.txt).
	 */
	static const char text[] =
		"    Product Name                          : NVIDIA H100 80GB HBM3\n"
		"    Product Architecture                  : Hopper\n"
		"    GPU Part Number                       : 2330-885-A1\n"
		"    Product Name                          : NVIDIA H100 80GB HBM3\n";

	GI_REQUIRE(parse(text) == 2);
	GI_EXPECT_STR(gpus[0].format, "nvidia-smi-q");
	GI_EXPECT_STR(gpus[0].address, "");
	GI_EXPECT_STR(gpus[0].gpu_part_number, "2330-885-A1");
	GI_EXPECT_STR(gpus[1].gpu_part_number, "");
	GI_EXPECT_EQ(gpus[0].facts.device_id, 0x2330);
	GI_EXPECT(gpus[0].inferred & GI_HAVE_IDS);
	GI_EXPECT_STR(gpus[1].name, "NVIDIA H100 80GB HBM3");
}

GI_TEST(smi_q_fragment_sections_without_the_gpu_line)
{
	/*
	 * A block pasted without its "GPU 00000000:..." line: sections still
	 * scope their keys. Built in the layout of nvidia-smi -q (driver
	 * 535); "Total" under BAR1 must not become the memory.
	 */
	static const char text[] =
		"    Product Name                          : NVIDIA GeForce RTX 4090\n"
		"    VBIOS Version                         : 95.02.18.80.87\n"
		"    FB Memory Usage\n"
		"        Total                             : 24564 MiB\n"
		"    BAR1 Memory Usage\n"
		"        Total                             : 256 MiB\n";

	GI_REQUIRE(parse(text) == 1);
	GI_EXPECT_EQ(gpus[0].facts.vram_mib, 24564);
	GI_EXPECT_EQ(gpus[0].facts.bar1_mib, 256);
	GI_EXPECT(gpus[0].facts.have & GI_HAVE_BIOS_VERSION);
}

GI_TEST(smi_q_fragment_needs_nvidia_smi_layout)
{
	/*
	 * dmidecode and ipmitool print "Product Name" too (a server's): in
	 * the layouts of `dmidecode -t system` and `ipmitool fru print`.
	 */
	static const char text[] =
		"System Information\n"
		"\tManufacturer: Dell Inc.\n"
		"\tProduct Name: PowerEdge R740\n"
		"FRU Device Description : Builtin FRU Device (ID 0)\n"
		" Board Mfg             : DELL\n"
		" Product Name          : PowerEdge R740\n";

	GI_EXPECT_EQ(parse(text), 0);
}

GI_TEST(smi_q_fragment_name_shared_with_laptops)
{
	/*
	 * nvidia-smi -q of an RTX 2070 cut before "Inforom Version", as
	 * published in NVIDIA/nvidia-docker#1643 (turn 0): name, VBIOS,
	 * UUID, no memory or power. The driver gives the name to desktop
	 * 1F02/1F07 and to laptop 1F10/1F14/1F50/1F54 alike, and the VBIOS
	 * (90.06: TU106) is every one's: no device ID, no guess.
	 */
	static const char text[] =
		"Attached GPUs                             : 1\n"
		"GPU 00000000:01:00.0\n"
		"    Product Name                          : NVIDIA GeForce RTX 2070\n"
		"    Product Brand                         : GeForce\n"
		"    Product Architecture                  : Turing\n"
		"    GPU UUID                              : GPU-992123ca-d6eb-e2a1-828d-f3986937a67c\n"
		"    VBIOS Version                         : 90.06.2D.00.D2\n"
		"    GPU Part Number                       : N/A\n";

	GI_REQUIRE(parse(text) == 1);
	GI_EXPECT_STR(gpus[0].address, "0000:01:00.0");
	GI_EXPECT(!(gpus[0].facts.have & GI_HAVE_IDS));
}

GI_TEST(merge_real_grep_and_proc_of_one_gtx1660_super)
{
	/*
	 * tests/wild/mixed/gtx1660super-smi-grep-proc-fs19111533240.txt
	 * (public notes): an nvidia-smi -q grep for the VBIOS, a failed cat
	 * of another address, then the information file. One GPU; its name
	 * is TU116's 21C4 or TU106's 1F09, and VBIOS 90.16 is TU116.
	 */
	static const char text[] =
		"nvidia-smi -q | grep BIOS \n"
		"    VBIOS Version                         : 90.16.42.00.BC\n"
		"\n"
		"    cat /proc/driver/nvidia/gpus/0000\\:0a\\:00.0/information\n"
		"cat: '/proc/driver/nvidia/gpus/0000:0a:00.0/information': No such file or directory\n"
		"\n"
		"[mw@thumper ~]$ cat /proc/driver/nvidia/gpus/0000\\:07\\:00.0/information \n"
		"Model: \t\tNVIDIA GeForce GTX 1660 SUPER\n"
		"IRQ:   \t\t58\n"
		"GPU UUID: \tGPU-4c7d7902-25c4-8456-a90c-1505e82394a2\n"
		"Video BIOS: \t90.16.42.00.bc\n"
		"Bus Type: \tPCIe\n"
		"Bus Location: \t0000:07:00.0\n"
		"Device Minor: \t0\n"
		"GPU Excluded:\tNo\n";

	GI_REQUIRE(parse(text) == 1);
	GI_EXPECT_STR(gpus[0].address, "0000:07:00.0");
	GI_EXPECT_EQ(gpus[0].facts.device_id, 0x21c4);
	GI_EXPECT(gpus[0].inferred & GI_HAVE_IDS);
}

GI_TEST(merge_masked_uuids_tie_nothing)
{
	/*
	 * Contributors mask UUIDs as all zeros (utkuozdemir/nvidia_gpu_exporter
	 * captures in ../shared/captures): two such GPUs are not one. Lines
	 * in the layout of nvidia-smi -L, built.
	 */
	static const char text[] =
		"GPU 0: NVIDIA H100 80GB HBM3 (UUID: GPU-00000000-0000-0000-0000-000000000000)\n"
		"GPU 1: NVIDIA H100 80GB HBM3 (UUID: GPU-00000000-0000-0000-0000-000000000000)\n";

	GI_EXPECT_EQ(parse(text), 2);
}

GI_TEST(merge_real_node_inventory_four_gpus_four_tools)
{
	/*
	 * The inventory of NERSC Perlmutter node nid001056 (openfabric-systems/
	 * simllm, tests/fixtures/nccl_topology/perlmutter_a100_nid001056/
	 * node_inventory.txt; tests/wild/mixed/a100-sxm4-40gb-x4-perlmutter-
	 * inventory.txt), whole lines cut: -L has the UUIDs, the table and
	 * lspci the addresses (lspci's name is pci.ids' "A100 SXM4 40GB"),
	 * nvlink -s prints the -L lines again. Four GPUs, each with its UUID.
	 */
	static const char text[] =
		"--- nvidia-smi -L ---\n"
		"GPU 0: NVIDIA A100-SXM4-40GB (UUID: GPU-55d6b73c-000e-e374-c938-ead22db163ea)\n"
		"GPU 1: NVIDIA A100-SXM4-40GB (UUID: GPU-2a6d705f-a6e1-bda5-f089-54aeeb84d525)\n"
		"GPU 2: NVIDIA A100-SXM4-40GB (UUID: GPU-b7485cdb-84fe-e340-0085-297b482261bd)\n"
		"GPU 3: NVIDIA A100-SXM4-40GB (UUID: GPU-018d76be-4900-e543-471e-a2357e976782)\n"
		"--- nvidia-smi ---\n"
		"|   0  NVIDIA A100-SXM4-40GB          On  |   00000000:03:00.0 Off |                    0 |\n"
		"| N/A   31C    P0             53W /  400W |       0MiB /  40960MiB |      0%      Default |\n"
		"|   1  NVIDIA A100-SXM4-40GB          On  |   00000000:41:00.0 Off |                    0 |\n"
		"| N/A   30C    P0             55W /  400W |       0MiB /  40960MiB |      0%      Default |\n"
		"|   2  NVIDIA A100-SXM4-40GB          On  |   00000000:82:00.0 Off |                    0 |\n"
		"| N/A   30C    P0             52W /  400W |       0MiB /  40960MiB |      0%      Default |\n"
		"|   3  NVIDIA A100-SXM4-40GB          On  |   00000000:C1:00.0 Off |                    0 |\n"
		"| N/A   29C    P0             52W /  400W |       0MiB /  40960MiB |      0%      Default |\n"
		"--- nvidia-smi nvlink -s ---\n"
		"GPU 0: NVIDIA A100-SXM4-40GB (UUID: GPU-55d6b73c-000e-e374-c938-ead22db163ea)\n"
		"\t Link 0: 25 GB/s\n"
		"GPU 1: NVIDIA A100-SXM4-40GB (UUID: GPU-2a6d705f-a6e1-bda5-f089-54aeeb84d525)\n"
		"\t Link 0: 25 GB/s\n"
		"GPU 2: NVIDIA A100-SXM4-40GB (UUID: GPU-b7485cdb-84fe-e340-0085-297b482261bd)\n"
		"\t Link 0: 25 GB/s\n"
		"GPU 3: NVIDIA A100-SXM4-40GB (UUID: GPU-018d76be-4900-e543-471e-a2357e976782)\n"
		"\t Link 0: 25 GB/s\n"
		"--- lspci nvidia/mellanox/cray/nic ---\n"
		"01:00.0 Ethernet controller: Cray Inc Cassini 1 [Slingshot 200Gb] (rev 02)\n"
		"03:00.0 3D controller: NVIDIA Corporation GA100 [A100 SXM4 40GB] (rev a1)\n"
		"41:00.0 3D controller: NVIDIA Corporation GA100 [A100 SXM4 40GB] (rev a1)\n"
		"82:00.0 3D controller: NVIDIA Corporation GA100 [A100 SXM4 40GB] (rev a1)\n"
		"c1:00.0 3D controller: NVIDIA Corporation GA100 [A100 SXM4 40GB] (rev a1)\n";
	int i;

	GI_REQUIRE(parse(text) == 4);
	GI_EXPECT_STR(gpus[0].address, "0000:03:00.0");
	GI_EXPECT_STR(gpus[0].uuid, "GPU-55d6b73c-000e-e374-c938-ead22db163ea");
	GI_EXPECT_STR(gpus[3].address, "0000:c1:00.0");
	GI_EXPECT_STR(gpus[3].uuid, "GPU-018d76be-4900-e543-471e-a2357e976782");
	for (i = 0; i < 4; i++) {
		GI_EXPECT(from(&gpus[i], GI_CAPTURE_SMI_L) &&
			  from(&gpus[i], GI_CAPTURE_SMI_TABLE) &&
			  from(&gpus[i], GI_CAPTURE_LSPCI));
		GI_EXPECT_EQ(gpus[i].facts.device_id, 0x20b0);
		GI_EXPECT_EQ(gpus[i].conflicts, 0);
	}
}
