// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Shapes the third held-out round of tests/wild found (README there,
 * "Held-out check 3"), each on the real lines of its capture: a vGPU
 * profile's memory is a slice, YOLOv5/Ultralytics' device line,
 * deviceQuery kept as "//" comments, and a table and collect_env whose
 * line breaks a mirror collapsed.
 */
#include <stdio.h>
#include <stdlib.h>

#include "gitest.h"
#include "captest.h"

/*
 * tests/wild/mixed/grid-t4-4c-lspci-table-470-fs15136103359.txt: lspci
 * names the 16 GB T4, the guest's table shows its 4 GB profile. The lspci
 * record comes first and keeps its name; the profile still makes the
 * merged record a slice, so 4096 MiB is no finding against the card.
 */
GI_TEST(heldout_vgpu_profile_is_a_slice)
{
	static const char text[] =
		"00:07.0 3D controller: NVIDIA Corporation TU104GL [Tesla T4] (rev a1)\n"
		"|===============================+======================+======================|\n"
		"|   0  GRID T4-4C          On   | 00000000:00:07.0 Off |                    0 |\n"
		"| N/A   N/A    P8    N/A /  N/A |    560MiB /  4096MiB |      0%      Default |\n"
		"+-------------------------------+----------------------+----------------------+\n";
	static const char azure[] =	/* smi-table/a10-24q-vgpu-azure-535-... */
		"|=========================================+======================+======================|\n"
		"|   0  NVIDIA A10-24Q                 On  | 00000002:00:00.0 Off |                    0 |\n"
		"| N/A   N/A    P8              N/A /  N/A |      0MiB / 24512MiB |      0%      Default |\n";
	static const char card[] =	/* a product, not a profile */
		"|   0  NVIDIA A100-SXM4-40GB          On  | 00000000:07:00.0 Off |                    0 |\n"
		"| N/A   30C    P0              52W / 400W |      4MiB / 40960MiB |      0%      Default |\n";

	GI_REQUIRE(parse(text) == 1);
	GI_EXPECT_EQ(gpus[0].facts.device_id, 0x1EB8);
	GI_EXPECT(gpus[0].facts.partitioned);
	GI_EXPECT_EQ(verdict(&gpus[0]), GI_VERDICT_ORIGINAL);
	GI_REQUIRE(parse(azure) == 1);
	GI_EXPECT(gpus[0].facts.partitioned);
	GI_REQUIRE(parse(card) == 1);
	GI_EXPECT(!gpus[0].facts.partitioned);
}

/*
 * pytorch/rtx4070-laptop-ultralytics-indented-fs59822092322.txt, and
 * YOLOv5's two-GPU form of the same line; malformed ones are no GPU.
 */
GI_TEST(heldout_yolo_device_line)
{
	static const char ultra[] =
		"    Ultralytics 8.4.41  Python-3.12.12 torch-2.2.0+cu118 CUDA:0 (NVIDIA GeForce RTX 4070 Laptop GPU, 8188MiB)\n";
	static const char two[] =
		"YOLOv5 torch 1.7.0 CUDA:0 (Tesla V100-SXM2-16GB, 16160MiB)\n"
		"                   CUDA:1 (Tesla V100-SXM2-16GB, 16160MiB)\n";
	static const char bad[] =
		"CUDA:0 (, 100MiB)\nCUDA:0 (Tesla T4 15110MiB)\n"
		"CUDA:x (Tesla T4, 1MiB)\nCUDA:0 (Tesla T4, 15110MiB\n";

	GI_REQUIRE(parse(ultra) == 1);
	GI_EXPECT_STR(gpus[0].name, "NVIDIA GeForce RTX 4070 Laptop GPU");
	GI_EXPECT_EQ(gpus[0].facts.vram_mib, 8188);
	GI_EXPECT_EQ(verdict(&gpus[0]), GI_VERDICT_ORIGINAL);
	GI_REQUIRE(parse(two) == 2);
	GI_EXPECT_EQ(gpus[1].facts.vram_mib, 16160);
	GI_EXPECT_EQ(parse(bad), 0);
}

/* devicequery/grid-t4-1q-vgpu-commented-fs10908423627.txt, trimmed */
GI_TEST(heldout_devicequery_in_slash_comments)
{
	static const char text[] =
		"// --------------------------------------------------------------\n"
		"//Device 0: \"GRID T4-1Q\"\n"
		"//  CUDA Driver Version / Runtime Version          11.4 / 10.2\n"
		"//  CUDA Capability Major/Minor version number:    7.5\n"
		"//  Total amount of global memory:                 1024 MBytes (1073741824 bytes)\n";

	GI_REQUIRE(parse(text) == 1);
	GI_EXPECT_STR(gpus[0].name, "GRID T4-1Q");
	GI_EXPECT_EQ(gpus[0].facts.vram_mib, 1024);
	GI_EXPECT(gpus[0].facts.partitioned);
}

/*
 * smi-table/l20-x2-flattened-565-fs56745389816.txt, a mirror that put a
 * whole nvidia-smi table on one line (cut after the first GPU here), and
 * pytorch/grid-a100-40c-collect-env-flattened-fs56936931251.txt's
 * collect_env the same way.
 */
GI_TEST(heldout_flattened_table_and_collect_env)
{
	static const char table[] =
		"### Describe the bug `(base) root@node15:~# nvidia-smi Fri Mar 28 15:17:15 2025 "
		"+-----------------------------------------------------------------------------------------+ "
		"| NVIDIA-SMI 565.57.01 Driver Version: 565.57.01 CUDA Version: 12.7 | "
		"|-----------------------------------------+------------------------+----------------------+ "
		"| GPU Name Persistence-M | Bus-Id Disp.A | Volatile Uncorr. ECC | "
		"| Fan Temp Perf Pwr:Usage/Cap | Memory-Usage | GPU-Util Compute M. | "
		"| | | MIG M. | "
		"|=========================================+========================+======================| "
		"| 0 NVIDIA L20 Off | 00000000:02:00.0 Off | 0 | "
		"| N/A 41C P0 80W / 350W | 37816MiB / 46068MiB | 0% Default | "
		"| | | N/A | "
		"+-----------------------------------------+------------------------+----------------------+ "
		"the rest of the issue\n";
	static const char env[] =
		"Is CUDA available: True CUDA runtime version: 12.1.105 "
		"GPU models and configuration: GPU 0: NVIDIA A800-SXM4-80GB GPU 1: NVIDIA A800-SXM4-80GB "
		"Nvidia driver version: 535.154.05 cuDNN version: Could not collect\n";

	GI_REQUIRE(parse(table) == 1);
	GI_EXPECT_STR(gpus[0].address, "0000:02:00.0");
	GI_EXPECT_STR(gpus[0].name, "NVIDIA L20");
	GI_EXPECT_EQ(gpus[0].facts.vram_mib, 46068);
	GI_EXPECT_EQ(verdict(&gpus[0]), GI_VERDICT_REGIONAL);
	GI_REQUIRE(parse(env) == 2);
	GI_EXPECT_STR(gpus[1].name, "NVIDIA A800-SXM4-80GB");
	GI_EXPECT_EQ(verdict(&gpus[1]), GI_VERDICT_REGIONAL);
}
