/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The knowledge base: what every known GPU SKU should look like. The data
 * is kmod/core/kb/ (tab-separated tables), one row per SKU with its source;
 * kmod/core/kb_table.c is generated from it (`make kb`). A device ID that
 * is not in it stays unknown; nothing is guessed.
 */
#ifndef GPUIDENT_KB_H
#define GPUIDENT_KB_H

#include "compat.h"

#define GI_VENDOR_NVIDIA	0x10de
#define GI_VENDOR_AMD		0x1002
#define GI_VENDOR_INTEL		0x8086

enum gi_mem_type {
	GI_MEM_UNKNOWN,
	GI_MEM_DDR3,
	GI_MEM_DDR4,
	GI_MEM_DDR5,		/* shared system memory (APUs) */
	GI_MEM_GDDR5,
	GI_MEM_GDDR5X,
	GI_MEM_GDDR6,
	GI_MEM_GDDR6X,
	GI_MEM_GDDR7,
	GI_MEM_HBM2,
	GI_MEM_HBM2E,
	GI_MEM_HBM3,
	GI_MEM_HBM3E,
	GI_MEM_SHARED,		/* integrated GPU, no VRAM of its own */
};

/*
 * A row's sources and other names are for people and for the tool's name
 * matching; the module never reads them, so its copy of the table leaves
 * them out (the generated kb_table.c wraps them in this).
 */
#ifdef __KERNEL__
/* still a constant NULL; the string is checked but never stored */
#define GI_KB_TEXT(s)	(sizeof(s) ? NULL : NULL)
#else
#define GI_KB_TEXT(s)	(s)
#endif

/* gi_sku.flags */
#define GI_SKU_REGIONAL		(1u << 0) /* China-market/export variant */
#define GI_SKU_ECC		(1u << 1) /* ECC-capable memory (can carve out) */
#define GI_SKU_DATACENTER	(1u << 2)
#define GI_SKU_WORKSTATION	(1u << 3)
#define GI_SKU_MOBILE		(1u << 4)
#define GI_SKU_INTEGRATED	(1u << 5)
#define GI_SKU_CLAMSHELL	(1u << 6) /* reference board already clamshell */
#define GI_SKU_UNRELEASED	(1u << 7) /* ES / mining / never sold retail */

#define GI_SKU_MAX_VRAM		4

/*
 * One chip (die). NVIDIA chips carry their BOOT_42 chip ID and the first
 * two bytes of their VBIOS version ("95.02" = AD102); both are 0 when not
 * known. bios_prefix_inferred marks a prefix seen in the wild but not in
 * a primary source.
 */
struct gi_chip {
	const char *name;	/* "AD102" */
	u16 vendor_id;
	u16 chip_id;		/* NVIDIA BOOT_42 CHIP_ID, 0 if unknown */
	u8 bios_major;		/* NVIDIA VBIOS version byte 0, 0 if unknown */
	u8 bios_chip;		/* NVIDIA VBIOS version byte 1 */
	bool bios_prefix_inferred;
	u8 sms_per_tpc;		/* NVIDIA; 0 if unknown */
	u16 max_units;		/* full-die SM/CU count, 0 if unknown */
	const char *arch;	/* "Ada Lovelace", "Polaris" */
};

/*
 * One SKU, keyed by PCI vendor and device ID. Several rows may share a
 * device ID only if they are told apart by subsystem ID (ssvid/ssid_match;
 * 0 = any). vram_mib lists every configuration NVIDIA/AMD/Intel shipped
 * under this ID (0-terminated); it is physical memory, not what a driver
 * reports after reservations.
 */
struct gi_sku {
	u16 vendor_id;
	u16 device_id;
	u16 ssvid_match;	/* 0 = any */
	u16 ssid_match;		/* 0 = any */
	const char *product;	/* "NVIDIA GeForce RTX 4090 D": the driver's name */
	/*
	 * The other names the SKU appears under, '|'-separated (CUDA's,
	 * pci.ids' bracketed name, the marketing name), or NULL; always
	 * NULL in the module, which matches no names.
	 */
	const char *names;
	const char *chip;	/* gi_chip.name */
	const char *asic;	/* "AD102-250-A1", NULL if unknown */
	u16 units;		/* SM (NVIDIA), CU (AMD), EU/Xe core (Intel); 0 unknown */
	u32 vram_mib[GI_SKU_MAX_VRAM];
	enum gi_mem_type mem_type;
	u16 bus_bits;		/* memory bus width, 0 unknown */
	u8 pcie_gen;		/* 0 unknown */
	u8 pcie_width;		/* 0 unknown */
	u16 tdp_w;		/* 0 unknown */
	u32 flags;		/* GI_SKU_* */
	u16 base_device_id;	/* regional variants: the SKU they derive from */
	const char *board_code;	/* "PG136", "PG133 SKU 265"; NULL unknown */
	const char *source;	/* where the row's facts come from; NULL in the module */
};

/* A board maker, by PCI subsystem vendor ID. */
struct gi_board_vendor {
	u16 ssvid;
	const char *name;
	const char *note;	/* NULL or a caveat ("also used by Galax") */
};

/* A known retail/OEM board: subsystem ID for a given device ID. */
struct gi_board {
	u16 vendor_id;
	u16 device_id;
	u16 ssvid;
	u16 ssid;
	const char *name;	/* "ASUS ROG Strix" */
	/* known only as an engineering sample or never sold at retail */
	bool never_retail;
	const char *source;
};

extern const struct gi_chip gi_chips[];
extern const size_t gi_n_chips;
extern const struct gi_sku gi_skus[];
extern const size_t gi_n_skus;
extern const struct gi_board_vendor gi_board_vendors[];
extern const size_t gi_n_board_vendors;
extern const struct gi_board gi_boards[];
extern const size_t gi_n_boards;

/*
 * Look up the SKU for a device. Rows with a subsystem match win over rows
 * without one. Returns NULL for unknown devices.
 */
const struct gi_sku *gi_kb_sku(u16 vendor_id, u16 device_id, u16 ssvid,
			       u16 ssid);
/*
 * Does the name a tool printed (@claimed) name @kb_name? Case, an "NVIDIA "
 * prefix, spaces, hyphens and underscores do not matter; a name ending in
 * "..." (nvidia-smi's table truncates) matches every name it begins.
 */
bool gi_kb_name_matches(const char *claimed, const char *kb_name);
/* Is @claimed the SKU's product name or one of its other names? */
bool gi_kb_sku_named(const struct gi_sku *s, const char *claimed);
const struct gi_chip *gi_kb_chip(const char *name);
const struct gi_chip *gi_kb_chip_by_id(u16 vendor_id, u16 chip_id);
/* Chip whose VBIOS version starts with major.chip ("95.02"), or NULL. */
const struct gi_chip *gi_kb_chip_by_bios(u8 bios_major, u8 bios_chip);
const struct gi_board_vendor *gi_kb_board_vendor(u16 ssvid);
const struct gi_board *gi_kb_board(u16 vendor_id, u16 device_id, u16 ssvid,
				   u16 ssid);
/*
 * "Maker board" for display, without the maker twice when the board name
 * already starts with it ("NVIDIA RTX 6000 Ada"). Either may be NULL;
 * writes "" when both are. Returns @buf.
 */
char *gi_kb_board_label(const struct gi_board_vendor *v,
			const struct gi_board *b, char *buf, size_t n);
/* Largest and smallest shipped VRAM configuration, MiB (0 if unknown). */
u32 gi_sku_vram_max(const struct gi_sku *s);
u32 gi_sku_vram_min(const struct gi_sku *s);
/* Largest memory chip (MiB) made for a memory type, 0 if not applicable. */
u32 gi_mem_max_chip_mib(enum gi_mem_type t);
const char *gi_mem_type_name(enum gi_mem_type t);

#endif /* GPUIDENT_KB_H */
