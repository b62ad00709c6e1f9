// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The capture readers, one entry a format, in the order gi_capture_parse()
 * runs them, with what each format cannot show and the vendor it implies.
 * The richest formats come first: when two merged sources disagree, the
 * first value is kept (and the field flagged in ->conflicts), so the order
 * is part of the verdict.
 */
#include "reader.h"
#include "gpuident/kb.h"

/* The GI_HAVE_* bits only a VBIOS or the card itself can give. */
#define NEVER_IN_TEXT	(GI_HAVE_CHIP_ID | GI_HAVE_ROM | GI_HAVE_ROM_SUBSYS | \
			 GI_HAVE_ROM_CHECKSUM)

const struct gi_reader gi_readers[] = {
	/* no PCI revision, no SM count outside MIG slices */
	{ .name = "nvidia-smi-q", .format = GI_CAPTURE_SMI_Q,
	  .read = gi_cap_read_smi_q, .vendor_hint = GI_VENDOR_NVIDIA,
	  .not_shown = NEVER_IN_TEXT | GI_HAVE_REVISION | GI_HAVE_SM_COUNT },
	{ .name = "nvidia-smi-xml", .format = GI_CAPTURE_SMI_XML,
	  .read = gi_cap_read_smi_xml, .vendor_hint = GI_VENDOR_NVIDIA,
	  .not_shown = NEVER_IN_TEXT | GI_HAVE_REVISION | GI_HAVE_SM_COUNT },
	{ .name = "lspci", .format = GI_CAPTURE_LSPCI,
	  .read = gi_cap_read_lspci,
	  .not_shown = NEVER_IN_TEXT | GI_HAVE_SM_COUNT | GI_HAVE_VRAM |
		       GI_HAVE_BIOS_VERSION | GI_HAVE_ECC },
	{ .name = "hexdump", .format = GI_CAPTURE_HEXDUMP,
	  .read = gi_cap_read_hexdump,
	  .not_shown = NEVER_IN_TEXT | GI_HAVE_SM_COUNT | GI_HAVE_VRAM |
		       GI_HAVE_BIOS_VERSION | GI_HAVE_ECC |
		       GI_HAVE_PART_NUMBER },
	/*
	 * lspci -x/-xxx/-xxxx dumps: the hexdump reader's too, no reader of
	 * their own. VPD is not in config space proper; BAR1 only from
	 * resizable BAR.
	 */
	{ .name = "lspci-x", .format = GI_CAPTURE_LSPCI_X,
	  .not_shown = NEVER_IN_TEXT | GI_HAVE_SM_COUNT | GI_HAVE_VRAM |
		       GI_HAVE_BIOS_VERSION | GI_HAVE_ECC |
		       GI_HAVE_PART_NUMBER },
	/*
	 * lspci -mm/-vmm: IDs, subsystem and revision; after lspci's text and
	 * dumps, whose records are richer, before the names-only formats.
	 */
	{ .name = "lspci-mm", .format = GI_CAPTURE_LSPCI_MM,
	  .read = gi_cap_read_lspci_mm,
	  .not_shown = NEVER_IN_TEXT | GI_HAVE_SM_COUNT | GI_HAVE_VRAM |
		       GI_HAVE_BAR1 | GI_HAVE_BIOS_VERSION | GI_HAVE_ECC |
		       GI_HAVE_LINK | GI_HAVE_PART_NUMBER },
	/* GPU-Z reads the card; its dump has no SM count, ECC or BAR size */
	{ .name = "gpu-z", .format = GI_CAPTURE_GPUZ,
	  .read = gi_cap_read_gpuz,
	  .not_shown = NEVER_IN_TEXT | GI_HAVE_REVISION | GI_HAVE_SM_COUNT |
		       GI_HAVE_BAR1 | GI_HAVE_ECC | GI_HAVE_PART_NUMBER },
	{ .name = "proc-nvidia", .format = GI_CAPTURE_PROC,
	  .read = gi_cap_read_proc, .vendor_hint = GI_VENDOR_NVIDIA,
	  .not_shown = NEVER_IN_TEXT | GI_HAVE_IDS | GI_HAVE_SUBSYS |
		       GI_HAVE_REVISION | GI_HAVE_SM_COUNT | GI_HAVE_VRAM |
		       GI_HAVE_BAR1 | GI_HAVE_ECC | GI_HAVE_LINK |
		       GI_HAVE_PART_NUMBER },
	{ .name = "devicequery", .format = GI_CAPTURE_DEVICEQUERY,
	  .read = gi_cap_read_devicequery, .vendor_hint = GI_VENDOR_NVIDIA,
	  .not_shown = NEVER_IN_TEXT | GI_HAVE_IDS | GI_HAVE_SUBSYS |
		       GI_HAVE_REVISION | GI_HAVE_BAR1 |
		       GI_HAVE_BIOS_VERSION | GI_HAVE_LINK |
		       GI_HAVE_PART_NUMBER },
	/* name, bus ID, memory, ECC and MIG columns only */
	{ .name = "nvidia-smi", .format = GI_CAPTURE_SMI_TABLE,
	  .read = gi_cap_read_smi_table, .vendor_hint = GI_VENDOR_NVIDIA,
	  .not_shown = NEVER_IN_TEXT | GI_HAVE_IDS | GI_HAVE_SUBSYS |
		       GI_HAVE_REVISION | GI_HAVE_SM_COUNT | GI_HAVE_BAR1 |
		       GI_HAVE_BIOS_VERSION | GI_HAVE_LINK |
		       GI_HAVE_PART_NUMBER },
	/*
	 * No --query-gpu field for these; the reader adds the bits of the
	 * fields a header leaves out.
	 */
	{ .name = "nvidia-smi-csv", .format = GI_CAPTURE_SMI_CSV,
	  .read = gi_cap_read_smi_csv, .vendor_hint = GI_VENDOR_NVIDIA,
	  .not_shown = NEVER_IN_TEXT | GI_HAVE_REVISION | GI_HAVE_SM_COUNT |
		       GI_HAVE_BAR1 | GI_HAVE_PART_NUMBER },
	/*
	 * CUDA's device properties (a ROCm build's record sets its own hint
	 * and drops the SM count); after the nvidia-smi views, whose records
	 * a name printed alone gives way to.
	 */
	{ .name = "pytorch", .format = GI_CAPTURE_PYTORCH,
	  .read = gi_cap_read_pytorch, .vendor_hint = GI_VENDOR_NVIDIA,
	  .not_shown = NEVER_IN_TEXT | GI_HAVE_IDS | GI_HAVE_SUBSYS |
		       GI_HAVE_REVISION | GI_HAVE_BAR1 |
		       GI_HAVE_BIOS_VERSION | GI_HAVE_ECC | GI_HAVE_LINK |
		       GI_HAVE_PART_NUMBER },
	/* name and UUID only; last, to pair with the table's and CSV's records */
	{ .name = "nvidia-smi-L", .format = GI_CAPTURE_SMI_L,
	  .read = gi_cap_read_smi_list, .vendor_hint = GI_VENDOR_NVIDIA,
	  .not_shown = NEVER_IN_TEXT | GI_HAVE_IDS | GI_HAVE_SUBSYS |
		       GI_HAVE_REVISION | GI_HAVE_SM_COUNT | GI_HAVE_VRAM |
		       GI_HAVE_BAR1 | GI_HAVE_BIOS_VERSION | GI_HAVE_ECC |
		       GI_HAVE_LINK | GI_HAVE_PART_NUMBER },
};

static_assert(GI_ARRAY_SIZE(gi_readers) == GI_CAPTURE_N_FORMATS,
	      "tools/capture/readers.c: one entry for each enum gi_capture_format");

const size_t gi_n_readers = GI_ARRAY_SIZE(gi_readers);

const struct gi_reader *gi_reader_of(unsigned int format)
{
	size_t i;

	for (i = 0; i < GI_ARRAY_SIZE(gi_readers); i++)
		if (gi_readers[i].format == format)
			return &gi_readers[i];
	return NULL;
}

const char *gi_capture_format_name(unsigned int format)
{
	const struct gi_reader *r = gi_reader_of(format);

	return r ? r->name : "?";
}
