/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A facts record: whatever is known about one GPU, from whichever source
 * (PCI config space, the VBIOS, BAR0 registers, a pasted nvidia-smi
 * report). Each field is valid only if its GI_HAVE_* bit is set in @have;
 * the classifier never reads a field whose bit is clear.
 */
#ifndef GPUIDENT_FACTS_H
#define GPUIDENT_FACTS_H

#include "compat.h"

#define GI_HAVE_IDS		(1u << 0)  /* vendor_id, device_id */
#define GI_HAVE_SUBSYS		(1u << 1)  /* ssvid, ssid */
#define GI_HAVE_REVISION	(1u << 2)
#define GI_HAVE_CHIP_ID		(1u << 3)  /* nv_chip_id (BOOT_42) */
#define GI_HAVE_SM_COUNT	(1u << 4)  /* sm_count */
#define GI_HAVE_VRAM		(1u << 5)  /* vram_mib */
#define GI_HAVE_BAR1		(1u << 6)  /* bar1_mib */
#define GI_HAVE_ROM		(1u << 7)  /* rom_* fields */
#define GI_HAVE_BIOS_VERSION	(1u << 8)  /* bios_version[] */
#define GI_HAVE_ROM_SUBSYS	(1u << 9)  /* rom_ssvid, rom_ssid */
#define GI_HAVE_ECC		(1u << 10) /* ecc_enabled */
#define GI_HAVE_LINK		(1u << 11) /* link_gen_max, link_width_max */
#define GI_HAVE_ROM_CHECKSUM	(1u << 12) /* rom_checksum_ok */
#define GI_HAVE_PART_NUMBER	(1u << 13) /* part_number */

/* Where the identity under test comes from. */
enum gi_origin {
	GI_ORIGIN_DEVICE,	/* a live PCI device (module or --direct) */
	GI_ORIGIN_REPORT,	/* a capture: nvidia-smi, lspci, deviceQuery */
	GI_ORIGIN_ROM_FILE,	/* only a VBIOS file: the claim is its PCIR */
};

/* How the memory size was seen; decides how strictly it is judged. */
enum gi_vram_source {
	GI_VRAM_REGISTER,	/* FB size register: physical (ECC 15/16 applied) */
	GI_VRAM_DRIVER,		/* driver's total (nvidia-smi): a little less */
};

struct gi_facts {
	u32 have;
	enum gi_origin origin;

	u16 vendor_id, device_id;
	/*
	 * The IDs were not read but inferred from a product name: a name
	 * never proves which SKU a card claims to be (classification.rst).
	 */
	bool ids_from_name;
	u16 ssvid, ssid;
	u8 revision;

	u16 nv_chip_id;		/* NVIDIA BOOT_42 CHIP_ID */
	u16 sm_count;		/* enabled SMs (fuses or CUDA) */
	bool sm_from_fuses;	/* physical count, not a partition's */

	u32 vram_mib;
	enum gi_vram_source vram_source;
	/*
	 * vram_mib is at most the card's memory, not its size: a headerless
	 * CSV column that may as well be used or free memory. More than any
	 * shipped configuration still counts; less says nothing.
	 */
	bool vram_lower_bound;
	/*
	 * The GPU is seen through MIG, vGPU, a container limit or SR-IOV:
	 * memory and SM counts may be a slice of the real ones.
	 */
	bool partitioned;
	bool ecc_enabled;
	u32 bar1_mib;

	u8 link_gen_max, link_width_max;

	/* From the VBIOS (first x86 image, or the first image) */
	u16 rom_vendor_id, rom_device_id;
	u16 rom_devlist[8];
	u8 rom_n_devlist;
	u8 bios_version[5];
	u16 rom_ssvid, rom_ssid;	/* NVIDIA IFR or AMD ATOM header */
	bool rom_checksum_ok;
	char part_number[48];		/* AMD "113-..." */
};

struct gi_rom;
struct gi_nvbios;
struct gi_atombios;

/*
 * Add what a parsed VBIOS says to @f: the PCIR IDs of its first x86 image
 * (or first image), its version, the board subsystem IDs it records and its
 * checksum. @nv and @ab may be NULL. For GI_ORIGIN_ROM_FILE the ROM's own
 * IDs become the claimed identity.
 */
void gi_facts_add_rom(struct gi_facts *f, const struct gi_rom *rom,
		      const struct gi_nvbios *nv, const struct gi_atombios *ab);

/*
 * The same for a ROM read from the device itself. A boot-VGA shadow (the
 * POSTed copy at 0xC0000) is judged only when its PCIR names this device,
 * since x86 may attribute it to every VGA device, and never by its
 * checksum, since POST patches it.
 */
void gi_facts_add_device_rom(struct gi_facts *f, const struct gi_rom *rom,
			     const struct gi_nvbios *nv,
			     const struct gi_atombios *ab, bool shadow);

#endif /* GPUIDENT_FACTS_H */
