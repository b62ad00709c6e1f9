// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * libFuzzer target for the capture readers (tools/capture/): any bytes
 * give a count in range and records whose strings are terminated and
 * whose facts are those of a report. Besides the raw input, the input is
 * also spliced into a small sample of one format, so the mutations reach
 * the readers' inner states without a seed corpus.
 */
#include <stdlib.h>

#include "capture/capture.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const samples[] = {
	"GPU 00000000:01:00.0\n    Product Name : NVIDIA GeForce RTX 4090\n"
	"    VBIOS Version : 95.02.18.80.87\n    MIG Mode\n        Current : Enabled\n"
	"    PCI\n        Device Id : 0x268410DE\n        Sub System Id : 0x16F410DE\n"
	"        GPU Link Info\n            PCIe Generation\n                Max : 4\n"
	"            Link Width\n                Max : 16x\n"
	"    FB Memory Usage\n        Total : 24564 MiB\n    BAR1 Memory Usage\n"
	"        Total : 256 MiB\n    ECC Mode\n        Current : Disabled\n",
	"<nvidia_smi_log><driver_version>535.54.03</driver_version>"
	"<gpu id=\"00000000:01:00.0\"><product_name>NVIDIA A100</product_name>"
	"<pci><pci_device_id>20B210DE</pci_device_id><pci_gpu_link_info><pcie_gen>"
	"<max_link_gen>4</max_link_gen></pcie_gen></pci_gpu_link_info></pci>"
	"<fb_memory_usage><total>81920 MiB</total></fb_memory_usage>"
	"<mig_mode><current_mig>Enabled</current_mig></mig_mode></gpu></nvidia_smi_log>\n",
	"| NVIDIA-SMI 550.127.05   Driver Version: 550.127.05   CUDA Version: 12.4 |\n"
	"|   0  NVIDIA GeForce RTX 4090        Off |   00000000:01:00.0  On |   Off |\n"
	"| 30%   35C    P8     21W / 450W |    388MiB / 24564MiB |  0%  Default |\n"
	"|                                 |                      |      Enabled |\n",
	"01:00.0 VGA compatible controller [0300]: NVIDIA Corporation AD102 [GeForce RTX 4090] [10de:2684] (rev a1)\n"
	"\tSubsystem: ASUSTeK Computer Inc. Device [1043:889d]\n"
	"\tRegion 1: Memory at 4000000000 (64-bit, prefetchable) [size=32G]\n"
	"\tCapabilities: [78] Express (v2) Legacy Endpoint, MSI 00\n"
	"\t\tLnkCap:\tPort #0, Speed 16GT/s, Width x16, ASPM L1\n"
	"\tCapabilities: [b4] Vital Product Data\n\t\t\t[PN] Part number: 900-1\n"
	"00: de 10 84 26 07 04 10 00 a1 00 00 03 10 00 80 00\n"
	"20: 00 00 00 00 00 00 00 00 00 00 00 00 43 10 9d 88\n"
	"30: 00 00 00 00 60 00 00 00 00 00 00 00 00 00 00 00\n",
	"$ hexdump -C /sys/bus/pci/devices/0000:01:00.0/config\n"
	"00000000  de 10 84 26 07 04 10 00  a1 00 00 03 10 00 80 00  |...&............|\n"
	"*\n"
	"00000100  15 00 01 00 00 00 00 00  60 04 00 00 00 00 00 00  |........`.......|\n"
	"00000110  01 0f 00 00 00 00 00 00  00 00 00 00 00 00 00 00  |................|\n"
	"00000120\n",
	"Device 0: \"NVIDIA GeForce RTX 4090\"\n"
	"  Total amount of global memory:   24217 MBytes (25393692672 bytes)\n"
	"  (128) Multiprocessors, (128) CUDA Cores/MP:    16384 CUDA Cores\n"
	"  Device has ECC support:                        Disabled\n"
	"  Device PCI Domain ID / Bus ID / location ID:   0 / 1 / 0\n",
	("Model: \t\t NVIDIA GeForce RTX 4090\nGPU UUID: \t GPU-b9029ae5\n"
	 "Video BIOS: \t 95.02.18.80.87\nBus Location: \t 0000:01:00.0\n"),
	"GPU 0: NVIDIA H20 (UUID: GPU-2f815c32-768d)\n"
	"  MIG 3g.48gb     Device  0: (UUID: MIG-e76cc178-e1f3)\n",
	"index, name, pci.bus_id, pci.device_id, memory.total [MiB], vbios_version\n"
	"0, NVIDIA GeForce RTX 4090, 00000000:01:00.0, 0x268410DE, 24564 MiB, 95.02.18.80.87\n"
	"2, NVIDIA GeForce RTX 4090, 49140, 48628\n",
	"10:00.0 \"VGA compatible controller [0300]\" \"NVIDIA Corporation [10de]\" "
	"\"GA104 [GeForce RTX 3060 Ti Lite Hash Rate] [2489]\" -ra1 -p00 "
	"\"NVIDIA Corporation [10de]\" \"Device [147e]\"\n"
	"01:00.0 \"0300\" \"10de\" \"0342\" -ra1 \"1462\" \"9480\"\n",
	"Slot:\t01:00.0\nClass:\tVGA compatible controller\nVendor:\tNVIDIA Corporation\n"
	"Device:\tGP106 [GeForce GTX 1060 6GB]\nSVendor:\tGigabyte Technology Co., Ltd\n"
	"SDevice:\tDevice 40bf\nRev:\ta1\n\nDevice:\t02:00.0\nClass:\t3D controller\n",
	"IOMMU Group 1 01:00.0 VGA compatible controller: NVIDIA Corporation Device 2684 (rev a1)\n"
	"\tSubsystem: Gigabyte Technology Co., Ltd GA102 [GeForce RTX 3090]\n"
	"VGA compatible controller [0300]: Intel Corporation UHD Graphics [8086:9\n"
	"bc4] (rev 05)\n0:02.1 Display controller [0380]: Intel Corporation [8086:2792]\n",
};

/*
 * A stand-in for the tool's names back to IDs (libpci is not linked
 * here): answers by the name's first letters, so that every path of the
 * lspci readers that asks is reached.
 */
static bool fz_vendor(const char *name, u16 *vendor)
{
	*vendor = (u16)(unsigned char)name[0] << 8 | 0x42;
	return name[0] == 'G' || name[0] == 'Z';
}

static int fz_device(u16 vendor, const char *name, u16 *device)
{
	*device = (u16)(vendor ^ (unsigned char)name[0]);
	return name[0] == 'G' ? 1 : name[0] == 'T' ? 2 : 0;
}

static bool fz_subsys(u16 vendor, u16 device, u16 ssvid, const char *name,
		      u16 *ssid)
{
	*ssid = (u16)(vendor ^ device ^ ssvid);
	return name[0] != 'X';
}

static const struct gi_capture_names fz_names = {
	.vendor_id = fz_vendor,
	.device_id = fz_device,
	.subsystem_id = fz_subsys,
};

static bool terminated(const char *s, size_t n)
{
	return memchr(s, '\0', n) != NULL;
}

static void check(const struct gi_capture_gpu *g, int n, int max)
{
	int i;

	if (n < 0 || n > max)
		abort();
	for (i = 0; i < n; i++, g++) {
		if (!terminated(g->format, sizeof(g->format)) || !g->format[0] ||
		    !terminated(g->address, sizeof(g->address)) ||
		    !terminated(g->name, sizeof(g->name)) ||
		    !terminated(g->bios_version, sizeof(g->bios_version)) ||
		    !terminated(g->board_part_number, sizeof(g->board_part_number)) ||
		    !terminated(g->gpu_part_number, sizeof(g->gpu_part_number)) ||
		    !terminated(g->serial, sizeof(g->serial)) ||
		    !terminated(g->uuid, sizeof(g->uuid)) ||
		    !terminated(g->driver_version, sizeof(g->driver_version)) ||
		    !terminated(g->facts.part_number, sizeof(g->facts.part_number)))
			abort();
		if (g->facts.origin != GI_ORIGIN_REPORT || !g->formats ||
		    (g->inferred & ~g->facts.have) ||
		    (g->address[0] && strlen(g->address) < 12))
			abort();
		/* a bit this record's formats cannot show was not shown */
		if (g->facts.have & g->not_shown & ~g->inferred)
			abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct gi_capture_gpu out[GI_CAPTURE_MAX_GPUS];
	char err[128];
	const char *s;
	size_t at, slen;
	char *buf;
	int n, max;

	/* half the runs with names read back, half without */
	gi_capture_set_names(size && (data[size - 1] & 1) ? &fz_names : NULL);
	max = size ? 1 + data[0] % GI_CAPTURE_MAX_GPUS : GI_CAPTURE_MAX_GPUS;
	n = gi_capture_parse((const char *)data, size, out, max, err, sizeof(err));
	check(out, n, max);
	if (!terminated(err, sizeof(err)))
		abort();
	if (size < 2)
		return 0;

	/* the input, minus two selector bytes, inside a sample */
	s = samples[data[0] % GI_ARRAY_SIZE(samples)];
	slen = strlen(s);
	at = (size_t)data[1] * slen / 256;
	buf = malloc(slen + size);
	if (!buf)
		return 0;
	memcpy(buf, s, at);
	memcpy(buf + at, data + 2, size - 2);
	memcpy(buf + at + size - 2, s + at, slen - at);
	n = gi_capture_parse(buf, slen + size - 2, out, GI_CAPTURE_MAX_GPUS, err,
			     sizeof(err));
	check(out, n, GI_CAPTURE_MAX_GPUS);
	free(buf);
	return 0;
}
