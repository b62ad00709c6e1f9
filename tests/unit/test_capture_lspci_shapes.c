// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * lspci in the shapes people paste (tools/capture/lspci.c, lspci_head.c,
 * lspci_mm.c): names without -n ("Device 2684", names back
 * to IDs through the hook the tool sets), -mm, -nnmm, -nmm, -vmm and -vm
 * records, indented and IOMMU-group listings, lines a forum wrapped or
 * whose address was cut, and the second display function of old Intel
 * IGPs. Every snippet is real output; the comment above it says where it
 * is from (tests/wild holds the whole captures).
 */
#include <stdio.h>
#include <stdlib.h>

#include "gitest.h"
#include "captest.h"

static bool ids(const struct gi_capture_gpu *g, u16 v, u16 d)
{
	return (g->facts.have & GI_HAVE_IDS) && g->facts.vendor_id == v &&
	       g->facts.device_id == d;
}

static bool subsys(const struct gi_capture_gpu *g, u16 sv, u16 sd)
{
	return (g->facts.have & GI_HAVE_SUBSYS) && g->facts.ssvid == sv &&
	       g->facts.ssid == sd;
}

/*
 * A stand-in for the tool's pci.ids walk (tools/names.c), with the
 * entries of pci.ids these snippets need. "3rd Gen Core processor
 * Graphics Controller" is the name of 8086:0156, 0166 and 0176 there.
 */
static int fake_calls;

static bool fake_vendor(const char *name, u16 *vendor)
{
	fake_calls++;
	if (!strcmp(name, "Gigabyte Technology Co., Ltd"))
		*vendor = 0x1458;
	else if (!strcmp(name, "Micro-Star International Co., Ltd. [MSI]"))
		*vendor = 0x1462;
	else if (!strcmp(name, "ASUSTeK Computer Inc."))
		*vendor = 0x1043;
	else
		return false;
	return true;
}

static int fake_device(u16 vendor, const char *name, u16 *device)
{
	fake_calls++;
	if (vendor == 0x10de && !strcmp(name, "GP106 [GeForce GTX 1060 6GB]")) {
		*device = 0x1c03;
		return 1;
	}
	if (vendor == 0x1002 &&
	    !strcmp(name, "Ellesmere [Radeon RX 470/480/570/570X/580/580X/590]")) {
		*device = 0x67df;
		return 1;
	}
	if (vendor == 0x8086 &&
	    !strcmp(name, "3rd Gen Core processor Graphics Controller")) {
		*device = 0x0156;
		return 2;
	}
	if (vendor == 0x10de && !strcmp(name, "GA107M [GeForce RTX 3050 Mobile]")) {
		*device = 0x25a2;
		return 2;	/* 25a2, 25a5 (and GA107BM 25e2, 25e5) */
	}
	return 0;
}

/* Answers every board: the reader must not ask where the name says nothing. */
static bool fake_subsys(u16 vendor, u16 device, u16 ssvid, const char *name,
			u16 *ssid)
{
	fake_calls++;
	(void)vendor;
	(void)device;
	(void)ssvid;
	*ssid = strcmp(name, "Radeon RX 570 Armor 8G OC") ? 0x1234 : 0x341b;
	return true;
}

static const struct gi_capture_names fake_names = {
	.vendor_id = fake_vendor,
	.device_id = fake_device,
	.subsystem_id = fake_subsys,
};

/* ---- names without -n -------------------------------------------------- */

/*
 * geerlingguy/raspberry-pi-pcie-devices#504, comment 2023-04-07
 * (sudo lspci -vvvv; an old pci.ids: "Device 2684"), cut.
 */
static const char rtx4090_device2684[] =
	"01:00.0 VGA compatible controller: NVIDIA Corporation Device 2684 (rev a1) (prog-if 00 [VGA controller])\n"
	"\tSubsystem: Gigabyte Technology Co., Ltd Device 40bf\n"
	"\tControl: I/O- Mem- BusMaster- SpecCycle- MemWINV- VGASnoop- ParErr- Stepping- SERR- FastB2B- DisINTx-\n"
	"\tRegion 0: Memory at 618000000 (32-bit, non-prefetchable) [disabled] [size=16M]\n"
	"\tRegion 1: Memory at 600000000 (64-bit, prefetchable) [disabled] [size=256M]\n"
	"\tRegion 3: Memory at 610000000 (64-bit, prefetchable) [disabled] [size=32M]\n";

GI_TEST(lspci_device_word_is_the_id)
{
	const struct gi_capture_gpu *g = &gpus[0];

	gi_capture_set_names(NULL);
	GI_REQUIRE(parse(rtx4090_device2684) == 1);
	GI_EXPECT(ids(g, 0x10de, 0x2684));
	/* read, not derived from a name */
	GI_EXPECT(!(g->inferred & GI_HAVE_IDS));
	GI_EXPECT(!g->facts.ids_from_name);
	GI_EXPECT_STR(g->name, "");
	GI_EXPECT_EQ(g->facts.revision, 0xa1);
	GI_EXPECT_EQ(g->facts.bar1_mib, 256);
	/* Gigabyte is no GPU maker: its ID needs the name list */
	GI_EXPECT(!(g->facts.have & GI_HAVE_SUBSYS));

	gi_capture_set_names(&fake_names);
	GI_REQUIRE(parse(rtx4090_device2684) == 1);
	GI_EXPECT(subsys(g, 0x1458, 0x40bf));
	gi_capture_set_names(NULL);
}

/*
 * elFarto/nvidia-vaapi-driver#65, comment by elFarto 2022-06-19 (lspci -v):
 * a name pci.ids gives one device.
 */
GI_TEST(lspci_names_back_to_ids_through_the_hook)
{
	static const char text[] =
		"08:00.0 VGA compatible controller: NVIDIA Corporation GP106 [GeForce GTX 1060 6GB] (rev a1) (prog-if 00 [VGA controller])\n"
		"\tSubsystem: ZOTAC International (MCO) Ltd. Device 1438\n";
	const struct gi_capture_gpu *g = &gpus[0];

	gi_capture_set_names(&fake_names);
	GI_REQUIRE(parse(text) == 1);
	GI_EXPECT(ids(g, 0x10de, 0x1c03));
	/* an identity from the name: never grounds for "relabelled" */
	GI_EXPECT(g->facts.ids_from_name);
	GI_EXPECT(g->inferred & GI_HAVE_IDS);
	GI_EXPECT_STR(g->name, "GeForce GTX 1060 6GB");
	GI_EXPECT_STR(g->address, "0000:08:00.0");
	/* ZOTAC is not in the stand-in's list: no subsystem, no guess */
	GI_EXPECT(!(g->facts.have & GI_HAVE_SUBSYS));
	gi_capture_set_names(NULL);
}

/*
 * tests/wild/lspci/rtx3050-mobile-asus-k (lspci -Dk): udev's hwdb names
 * any board after the device, so the subsystem's name says nothing; and
 * pci.ids gives the device's name to several IDs.
 */
GI_TEST(lspci_subsystem_named_like_the_device_is_no_id)
{
	static const char text[] =
		"0000:01:00.0 3D controller: NVIDIA Corporation GA107M [GeForce RTX 3050 Mobile] (rev a1)\n"
		"\tDeviceName: Second VGA\n"
		"\tSubsystem: ASUSTeK Computer Inc. GA107M [GeForce RTX 3050 Mobile]\n"
		"\tKernel driver in use: nvidia\n";
	const struct gi_capture_gpu *g = &gpus[0];

	gi_capture_set_names(&fake_names);
	GI_REQUIRE(parse(text) == 1);
	GI_EXPECT(!(g->facts.have & GI_HAVE_SUBSYS));
	GI_EXPECT(!(g->facts.have & GI_HAVE_IDS));
	GI_EXPECT(g->name_shared);
	GI_EXPECT_STR(g->name, "GeForce RTX 3050 Mobile");
	gi_capture_set_names(NULL);
}

/* ---- -mm and -vmm ------------------------------------------------------ */

/*
 * A GitHub test source's capture its author marks as real
 * ('realLspciNvidia'): lspci -nnmm, cut after the audio function.
 */
GI_TEST(lspci_nnmm_line)
{
	static const char text[] =
		"00:00.0 \"Host bridge [0600]\" \"Advanced Micro Devices, Inc. [AMD] [1022]\" \"Renoir/Cezanne Root Complex [1630]\" -p00 \"Advanced Micro Devices, Inc. [AMD] [1022]\" \"Renoir/Cezanne Root Complex [1630]\"\n"
		"10:00.0 \"VGA compatible controller [0300]\" \"NVIDIA Corporation [10de]\" \"GA104 [GeForce RTX 3060 Ti Lite Hash Rate] [2489]\" -ra1 -p00 \"NVIDIA Corporation [10de]\" \"GA104 [GeForce RTX 3060 Ti Lite Hash Rate] [2489]\"\n"
		"10:00.1 \"Audio device [0403]\" \"NVIDIA Corporation [10de]\" \"GA104 High Definition Audio Controller [228b]\" -ra1 -p00 \"NVIDIA Corporation [10de]\" \"Device [2489]\"\n";
	const struct gi_capture_gpu *g = &gpus[0];

	GI_REQUIRE(parse(text) == 1);
	GI_EXPECT_STR(g->format, "lspci-mm");
	GI_EXPECT_STR(g->address, "0000:10:00.0");
	GI_EXPECT(ids(g, 0x10de, 0x2489));
	GI_EXPECT(!(g->inferred & GI_HAVE_IDS));
	GI_EXPECT(subsys(g, 0x10de, 0x2489));
	GI_EXPECT_EQ(g->facts.revision, 0xa1);
	GI_EXPECT_STR(g->name, "GeForce RTX 3060 Ti Lite Hash Rate");
}

/*
 * Ubuntu forums copies of 2008 lspci -nnmm: a Dell laptop ("Unknown
 * device [0209]", an old pci.ids), and an HP laptop's chipset graphics
 * among devices with no subsystem ("" "").
 */
GI_TEST(lspci_nnmm_old_and_empty_subsystems)
{
	static const char dell[] =
		"00:1f.3 \"SMBus [0c05]\" \"Intel Corporation [8086]\" \"82801H (ICH8 Family) SMBus Controller [283e]\" -r02 \"Dell [1028]\" \"Unknown device [0209]\"\n"
		"01:00.0 \"VGA compatible controller [0300]\" \"nVidia Corporation [10de]\" \"GeForce 8400M GS [0427]\" -ra1 \"Dell [1028]\" \"Unknown device [0209]\"\n";
	static const char hp[] =
		"00:03.0 \"PCI bridge [0604]\" \"nVidia Corporation [10de]\" \"C51 PCI Express Bridge [02fd]\" -ra1 \"\" \"\"\n"
		"00:05.0 \"VGA compatible controller [0300]\" \"nVidia Corporation [10de]\" \"C51 [Geforce 6150 Go] [0244]\" -ra2 \"Hewlett-Packard Company [103c]\" \"Presario V6133CL [30b7]\"\n";
	static const char fx5700[] =
		"01:00.0 \"VGA compatible controller [0300]\" \"nVidia Corporation [10de]\" \"NV36.2 [GeForce FX 5700] [0342]\" -ra1 \"\" \"\"\n";

	GI_REQUIRE(parse(dell) == 1);
	GI_EXPECT(ids(&gpus[0], 0x10de, 0x0427));
	GI_EXPECT(subsys(&gpus[0], 0x1028, 0x0209));
	GI_EXPECT_STR(gpus[0].name, "GeForce 8400M GS");
	GI_REQUIRE(parse(hp) == 1);
	GI_EXPECT_STR(gpus[0].address, "0000:00:05.0");
	GI_EXPECT(ids(&gpus[0], 0x10de, 0x0244));
	GI_EXPECT(subsys(&gpus[0], 0x103c, 0x30b7));
	GI_EXPECT_STR(gpus[0].name, "Geforce 6150 Go");
	GI_REQUIRE(parse(fx5700) == 1);
	GI_EXPECT(ids(&gpus[0], 0x10de, 0x0342));
	GI_EXPECT(!(gpus[0].facts.have & GI_HAVE_SUBSYS));
}

/*
 * Ubuntu forums, post by gruurly 2009-08-17: lspci -nmm (IDs only).
 */
GI_TEST(lspci_nmm_ids_only)
{
	static const char text[] =
		"00:1f.5 \"0401\" \"8086\" \"24d5\" -r02 \"1043\" \"80f3\"\n"
		"01:00.0 \"0300\" \"10de\" \"0342\" -ra1 \"1462\" \"9480\"\n"
		"02:0a.0 \"0200\" \"1317\" \"0985\" -r11 \"1317\" \"0574\"\n";
	const struct gi_capture_gpu *g = &gpus[0];

	GI_REQUIRE(parse(text) == 1);
	GI_EXPECT(ids(g, 0x10de, 0x0342));
	GI_EXPECT(subsys(g, 0x1462, 0x9480));
	GI_EXPECT_EQ(g->facts.revision, 0xa1);
	GI_EXPECT_STR(g->name, "");
}

/*
 * A public GitHub data file, a Dell laptop's lspci -vmm (names only),
 * cut to the blocks around the GPU: the GPU is powered off (rev ff).
 */
GI_TEST(lspci_vmm_record_rev_ff)
{
	static const char text[] =
		"Slot:\t00:1f.5\n"
		"Class:\tSerial bus controller [0c80]\n"
		"Vendor:\tIntel Corporation\n"
		"Device:\tCannon Lake PCH SPI Controller\n"
		"SVendor:\tDell\n"
		"SDevice:\tCannon Lake PCH SPI Controller\n"
		"Rev:\t10\n"
		"\n"
		"Slot:\t01:00.0\n"
		"Class:\t3D controller\n"
		"Vendor:\tNVIDIA Corporation\n"
		"Device:\tGP107M [GeForce GTX 1050 Ti Mobile]\n"
		"Rev:\tff\n"
		"ProgIf:\tff\n"
		"\n"
		"Slot:\t3b:00.0\n"
		"Class:\tNetwork controller\n"
		"Vendor:\tQualcomm Atheros\n";
	const struct gi_capture_gpu *g = &gpus[0];

	GI_REQUIRE(parse(text) == 1);
	GI_EXPECT_STR(g->address, "0000:01:00.0");
	GI_EXPECT_STR(g->name, "GeForce GTX 1050 Ti Mobile");
	GI_EXPECT_EQ(g->vendor_hint, 0x10de);
	/* all ones: no revision read */
	GI_EXPECT(!(g->facts.have & GI_HAVE_REVISION));
}

/*
 * A GitHub test source's capture its author marks as real ("Captured from
 * the RX 570 (MSI Armor) on the dev host"): lspci -vmm with a named board.
 */
GI_TEST(lspci_vmm_named_board)
{
	static const char text[] =
		"Slot:\t01:00.0\n"
		"Class:\tVGA compatible controller\n"
		"Vendor:\tAdvanced Micro Devices, Inc. [AMD/ATI]\n"
		"Device:\tEllesmere [Radeon RX 470/480/570/570X/580/580X/590]\n"
		"SVendor:\tMicro-Star International Co., Ltd. [MSI]\n"
		"SDevice:\tRadeon RX 570 Armor 8G OC\n"
		"Rev:\tef\n"
		"ProgIf:\t00\n"
		"IOMMUGroup:\t1\n";
	const struct gi_capture_gpu *g = &gpus[0];

	gi_capture_set_names(NULL);
	GI_REQUIRE(parse(text) == 1);
	GI_EXPECT(!(g->facts.have & GI_HAVE_SUBSYS));
	GI_EXPECT_EQ(g->vendor_hint, 0x1002);
	gi_capture_set_names(&fake_names);
	GI_REQUIRE(parse(text) == 1);
	GI_EXPECT(ids(g, 0x1002, 0x67df));
	GI_EXPECT(subsys(g, 0x1462, 0x341b));
	GI_EXPECT_EQ(g->facts.revision, 0xef);
	gi_capture_set_names(NULL);
}

/*
 * Ubuntu forums, post by JesseJones 2014-04-03: lspci -vmk | grep, where
 * -vm calls the slot "Device:" too.
 */
GI_TEST(lspci_vm_device_is_the_slot)
{
	static const char text[] =
		"Device:\t00:02.0\n"
		"Class:\tVGA compatible controller\n"
		"Vendor:\tIntel Corporation\n"
		"Device:\t3rd Gen Core processor Graphics Controller\n"
		"SVendor:\tLenovo\n"
		"SDevice:\tDevice 21f5\n"
		"Rev:\t09\n"
		"Driver:\ti915\n"
		"\n"
		"Device:\t00:14.0\n"
		"--\n"
		"\n"
		"Device:\t01:00.0\n"
		"Class:\tVGA compatible controller\n"
		"Vendor:\tNVIDIA Corporation\n"
		"Device:\tGF108M [NVS 5400M]\n"
		"Rev:\tff\n"
		"ProgIf:\tff\n"
		"\n"
		"Device:\t02:00.0\n"
		"Class:\tSystem peripheral\n"
		"Vendor:\tRicoh Co Ltd\n";

	gi_capture_set_names(&fake_names);
	GI_REQUIRE(parse(text) == 2);
	GI_EXPECT_STR(gpus[0].address, "0000:00:02.0");
	GI_EXPECT_STR(gpus[0].name, "3rd Gen Core processor Graphics Controller");
	/* pci.ids gives the name to three devices: none is picked */
	GI_EXPECT(!(gpus[0].facts.have & GI_HAVE_IDS));
	GI_EXPECT_EQ(gpus[0].facts.revision, 0x09);
	GI_EXPECT_STR(gpus[1].address, "0000:01:00.0");
	GI_EXPECT_STR(gpus[1].name, "NVS 5400M");
	gi_capture_set_names(NULL);
}

/* ---- where the device lines are --------------------------------------- */

/*
 * A public GitHub passthrough tutorial's IOMMU-group listing ("For my
 * system"), the author's "..." kept.
 */
GI_TEST(lspci_iommu_group_prefix)
{
	static const char text[] =
		"...\n"
		"IOMMU Group 28 0a:00.0 VGA compatible controller [0300]: NVIDIA Corporation TU102 [GeForce RTX 2080 Ti Rev. A] [10de:1e07] (rev a1)\n"
		"IOMMU Group 28 0a:00.1 Audio device [0403]: NVIDIA Corporation TU102 High Definition Audio Controller [10de:10f7] (rev a1)\n"
		"...\n"
		"IOMMU Group 31 0d:00.0 VGA compatible controller [0300]: Advanced Micro Devices, Inc. [AMD/ATI] Navi 10 [1002:731f] (rev c4)\n"
		"IOMMU Group 32 0d:00.1 Audio device [0403]: Advanced Micro Devices, Inc. [AMD/ATI] Navi 10 HDMI Audio [1002:ab38]\n"
		"...\n";

	GI_REQUIRE(parse(text) == 2);
	GI_EXPECT_STR(gpus[0].address, "0000:0a:00.0");
	GI_EXPECT(ids(&gpus[0], 0x10de, 0x1e07));
	GI_EXPECT_STR(gpus[0].name, "GeForce RTX 2080 Ti Rev. A");
	GI_EXPECT_STR(gpus[1].address, "0000:0d:00.0");
	GI_EXPECT(ids(&gpus[1], 0x1002, 0x731f));
	GI_EXPECT_STR(gpus[1].name, "Navi 10");
}

/*
 * The same script's output indented (a public GitHub VFIO README), and a
 * Gentoo wiki copy's indented lspci -nn with the author's ellipses.
 */
GI_TEST(lspci_indented_device_lines)
{
	static const char iommu[] =
		"    IOMMU Group 1 00:01.0 PCI bridge [0604]: Intel Corporation Skylake PCIe Controller (x16) [8086:1901] (rev 07)\n"
		"    IOMMU Group 1 01:00.0 VGA compatible controller [0300]: NVIDIA Corporation GP104 [GeForce GTX 1070] [10de:1b81] (rev a1)\n"
		"    IOMMU Group 1 01:00.1 Audio device [0403]: NVIDIA Corporation GP104 High Definition Audio Controller [10de:10f0] (rev a1)\n"
		"    IOMMU Group 2 00:02.0 VGA compatible controller [0300]: Intel Corporation HD Graphics 530 [8086:1912] (rev 06)\n";
	static const char wiki[] =
		"    ...\n"
		"    04:00.0 VGA compatible controller [0300]: Advanced Micro Devices, Inc. [AMD/ATI] Vega 10 XL/XT [Radeon RX Vega 56/64] [1002:687f] (rev c1)\n"
		"    04:00.1 Audio device [0403]: Advanced Micro Devices, Inc. [AMD/ATI] Device [1002:aaf8]\n"
		"    ..\n";

	GI_REQUIRE(parse(iommu) == 2);
	GI_EXPECT(ids(&gpus[0], 0x10de, 0x1b81));
	GI_EXPECT(ids(&gpus[1], 0x8086, 0x1912));
	GI_EXPECT_STR(gpus[1].address, "0000:00:02.0");
	GI_REQUIRE(parse(wiki) == 1);
	GI_EXPECT(ids(&gpus[0], 0x1002, 0x687f));
	GI_EXPECT_EQ(gpus[0].facts.revision, 0xc1);
	GI_EXPECT_STR(gpus[0].name, "Radeon RX Vega 56/64");
}

/*
 * A forum copy (2021) that wrapped the lines and lost the addresses:
 * lspci -nnk of a Clevo laptop.
 */
GI_TEST(lspci_wrapped_lines_without_address)
{
	static const char text[] =
		"VGA compatible controller [0300]: Intel Corporation UHD Graphics [8086:9\n"
		"bc4] (rev 05)\n"
		"    Subsystem: CLEVO/KAPOK Computer Device [1558:8535]\n"
		"    Kernel driver in use: i915\n"
		"    Kernel modules: i915\n"
		"VGA compatible controller [0300]: NVIDIA Corporation Device [10de:1f99] \n"
		"(rev a1)\n"
		"    Subsystem: CLEVO/KAPOK Computer Device [1558:8535]\n"
		"    Kernel driver in use: nvidia\n"
		"    Kernel modules: nvidiafb, nouveau, nvidia_drm, nvidia\n";

	GI_REQUIRE(parse(text) == 2);
	GI_EXPECT_STR(gpus[0].address, "");
	GI_EXPECT(ids(&gpus[0], 0x8086, 0x9bc4));
	GI_EXPECT_EQ(gpus[0].facts.revision, 0x05);
	GI_EXPECT(subsys(&gpus[0], 0x1558, 0x8535));
	GI_EXPECT(ids(&gpus[1], 0x10de, 0x1f99));
	GI_EXPECT_EQ(gpus[1].facts.revision, 0xa1);
	GI_EXPECT(subsys(&gpus[1], 0x1558, 0x8535));
	/* "Device" before the ID pair is no product name */
	GI_EXPECT_STR(gpus[1].name, "");
}

/*
 * Public GitHub notes ('lspci -nn | egrep -i "3d|display|vga"'): the
 * first address lost a digit as pasted.
 */
GI_TEST(lspci_bus_of_one_digit)
{
	static const char text[] =
		"0:02.0 VGA compatible controller [0300]: Intel Corporation Device [8086:591b] (rev 04)\n"
		"00:16.3 Serial controller [0700]: Intel Corporation Sunrise Point-H KT Redirection [8086:a13d] (rev 31)\n"
		"01:00.0 3D controller [0302]: NVIDIA Corporation Device [10de:13b6] (rev ff)\n";

	GI_REQUIRE(parse(text) == 2);
	GI_EXPECT_STR(gpus[0].address, "0000:00:02.0");
	GI_EXPECT(ids(&gpus[0], 0x8086, 0x591b));
	GI_EXPECT(ids(&gpus[1], 0x10de, 0x13b6));
	GI_EXPECT(!(gpus[1].facts.have & GI_HAVE_REVISION));
}

/* ---- one GPU, two display functions ----------------------------------- */

/*
 * Ubuntu forums copies: lspci -nn of a 915GM laptop and lspci -nnk of an
 * Atom N10 netbook; and hyprwm/hyprland-wiki#1041 (lspci -d ::03xx),
 * where a "Display controller" at function 0 is a GPU of its own.
 */
GI_TEST(lspci_intel_second_head_is_the_same_gpu)
{
	static const char i915gm[] =
		"00:00.0 Host bridge [0600]: Intel Corporation Mobile 915GM/PM/GMS/910GML Express Processor to DRAM Controller [8086:2590] (rev 03)\n"
		"00:02.0 VGA compatible controller [0300]: Intel Corporation Mobile 915GM/GMS/910GML Express Graphics Controller [8086:2592] (rev 03)\n"
		"00:02.1 Display controller [0380]: Intel Corporation Mobile 915GM/GMS/910GML Express Graphics Controller [8086:2792] (rev 03)\n"
		"00:1b.0 Audio device [0403]: Intel Corporation 82801FB/FBM/FR/FW/FRW (ICH6 Family) High Definition Audio Controller [8086:2668] (rev 03)\n";
	static const char n10[] =
		"00:02.0 VGA compatible controller [0300]: Intel Corporation N10 Family Integrated Graphics Controller [8086:a011]\n"
		"    Subsystem: Hewlett-Packard Company Device [103c:148a]\n"
		"    Kernel driver in use: i915\n"
		"    Kernel modules: i915\n"
		"00:02.1 Display controller [0380]: Intel Corporation N10 Family Integrated Graphics Controller [8086:a012]\n"
		"    Subsystem: Hewlett-Packard Company Device [103c:148a]\n";
	static const char adl[] =
		"00:02.0 Display controller: Intel Corporation AlderLake-S GT1 (rev 0c)\n"
		"01:00.0 VGA compatible controller: NVIDIA Corporation GA102 [GeForce RTX 3080 Ti] (rev a1)\n";

	GI_REQUIRE(parse(i915gm) == 1);
	GI_EXPECT(ids(&gpus[0], 0x8086, 0x2592));
	GI_REQUIRE(parse(n10) == 1);
	GI_EXPECT(ids(&gpus[0], 0x8086, 0xa011));
	GI_EXPECT(subsys(&gpus[0], 0x103c, 0x148a));
	GI_REQUIRE(parse(adl) == 2);
	GI_EXPECT_STR(gpus[0].address, "0000:00:02.0");
	GI_EXPECT_STR(gpus[1].name, "GeForce RTX 3080 Ti");
}

/* ---- hostile input ---------------------------------------------------- */

GI_TEST(lspci_shapes_bounded_on_garbage)
{
	static char text[1 << 18];
	size_t i, n = sizeof(text) - 1;
	const char *piece[] = {
		"01:00.0 \"", "Slot:\t", "Device:\t01:00.0\n", "IOMMU Group ",
		"VGA compatible controller [0300]: NVIDIA Corporation Device [10de:9\n",
		"(rev ", "\tSubsystem: ", " Device ", "[", "\"\" ", "\n",
	};
	size_t k = 0;

	gi_capture_set_names(&fake_names);
	/* pieces of every shape, back to back, no line end for long runs */
	for (i = 0; i + 80 < n;) {
		const char *p = piece[k++ % GI_ARRAY_SIZE(piece)];
		size_t l = strlen(p);

		memcpy(text + i, p, l);
		i += l;
	}
	text[i] = '\0';
	fake_calls = 0;
	GI_EXPECT(parse(text) >= 0);
	/* the hook is asked a bounded number of times a line */
	GI_EXPECT(fake_calls < 200000);
	/* one unterminated quote and one endless line */
	memset(text, '"', n);
	text[n] = '\0';
	GI_EXPECT_EQ(parse(text), 0);
	memset(text, '[', n);
	memcpy(text, "01:00.0 VGA compatible controller: NVIDIA Corporation ", 55);
	GI_EXPECT(parse(text) <= 1);
	gi_capture_set_names(NULL);
}

/*
 * A public GitHub note's "Results from `lspci -vt`": the tree names
 * devices without classes, so it shows no GPU; an -nn line after it does.
 */
GI_TEST(lspci_tree_is_noise)
{
	static const char tree[] =
		"$ lspci -vt\n"
		"-[0000:00]-+-00.0  Intel Corporation Xeon E3-1200 v5/E3-1500 v5/6th Gen Core Processor Host Bridge/DRAM Registers\n"
		"           +-01.0-[01]--+-00.0  NVIDIA Corporation GM204M [GeForce GTX 970M]\n"
		"           |            \\-00.1  NVIDIA Corporation GM204 High Definition Audio Controller\n"
		"           +-02.0  Intel Corporation HD Graphics 530\n"
		"           +-04.0  Intel Corporation Xeon E3-1200 v5/E3-1500 v5/6th Gen Core Processor Thermal Subsystem\n";
	char text[2048];

	gi_capture_set_names(&fake_names);
	GI_EXPECT_EQ(parse(tree), 0);
	/* tests/wild/lspci/gtx1070-hd530-iommu-indented, its GPU line */
	snprintf(text, sizeof(text), "%s%s", tree,
		 "01:00.0 VGA compatible controller [0300]: NVIDIA Corporation GP104 [GeForce GTX 1070] [10de:1b81] (rev a1)\n");
	GI_REQUIRE(parse(text) == 1);
	GI_EXPECT(ids(&gpus[0], 0x10de, 0x1b81));
	gi_capture_set_names(NULL);
}

/*
 * tests/wild/lspci/rtx3080-lhr-colorful-xx (sudo lspci -xx), its first
 * block as pasted and with the address cut as a forum would: one GPU
 * either way, with the address when the line has one.
 */
GI_TEST(lspci_x_under_a_line_without_address_is_one_gpu)
{
	static const char dump[] =
		"00: de 10 16 22 07 04 10 00 a1 00 00 03 00 00 80 00\n"
		"10: 00 00 00 82 0c 00 00 00 40 00 00 00 0c 00 00 10\n"
		"20: 40 00 00 00 01 60 00 00 00 00 00 00 77 73 0b 12\n"
		"30: 00 00 00 00 60 00 00 00 00 00 00 00 ff 01 00 00\n";
	char text[1024];

	snprintf(text, sizeof(text), "%s%s",
		 "01:00.0 VGA compatible controller: NVIDIA Corporation GA102 [GeForce RTX 3080 Lite Hash Rate] (rev a1)\n",
		 dump);
	GI_REQUIRE(parse(text) == 1);
	GI_EXPECT_STR(gpus[0].address, "0000:01:00.0");
	GI_EXPECT(ids(&gpus[0], 0x10de, 0x2216));
	GI_EXPECT(subsys(&gpus[0], 0x7377, 0x120b));
	snprintf(text, sizeof(text), "%s%s",
		 "VGA compatible controller: NVIDIA Corporation GA102 [GeForce RTX 3080 Lite Hash Rate] (rev a1)\n",
		 dump);
	GI_REQUIRE(parse(text) == 1);
	GI_EXPECT_STR(gpus[0].address, "");
	GI_EXPECT(ids(&gpus[0], 0x10de, 0x2216));
	GI_EXPECT(subsys(&gpus[0], 0x7377, 0x120b));
}
