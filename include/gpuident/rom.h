/* SPDX-License-Identifier: GPL-2.0 */
/*
 * PCI expansion ROM walker: finds every image of a VBIOS dump or of a ROM
 * BAR read, whatever wraps it (NVIDIA IFR/"NVGI" flash header, Blackwell
 * flash layout, AMD full-flash dump), and describes each image from its PCIR
 * and NPDE structures. See Documentation/gpuident/vbios.rst.
 */
#ifndef GPUIDENT_ROM_H
#define GPUIDENT_ROM_H

#include "compat.h"

/* Largest input accepted: full NVIDIA flash dumps are 1-2 MiB. */
#define GI_ROM_MAX_SIZE		(16u << 20)
#define GI_ROM_MAX_IMAGES	32
#define GI_ROM_MAX_DEVLIST	8
#define GI_ROM_IMAGE_ALIGN	512

/* PCIR code types (PCI Firmware 3.0 and NVIDIA's private ones). */
#define GI_CODE_X86		0x00
#define GI_CODE_OPENFW		0x01
#define GI_CODE_HPPA		0x02
#define GI_CODE_EFI		0x03
#define GI_CODE_NV_NBSI		0x70
#define GI_CODE_NV_FWSEC	0xe0

enum gi_rom_layout {
	GI_LAYOUT_PLAIN,	/* image chain at offset 0 (ROM BAR, vfio dumps) */
	GI_LAYOUT_NV_IFR,	/* NVIDIA "NVGI" IFR header in front */
	GI_LAYOUT_AMD_FLASH,	/* AMD full-flash dump, "AA55AA55" first */
	GI_LAYOUT_SCANNED,	/* unknown header; images found by scanning */
};

enum gi_checksum {
	GI_CSUM_NONE,		/* not an image type with a byte checksum */
	GI_CSUM_OK,
	GI_CSUM_BAD,
	GI_CSUM_DISABLED,	/* NPDE says checksumming is off */
	GI_CSUM_TRUNCATED,	/* the checksummed range runs past the data */
};

/* Problems found while walking; several may be set. */
#define GI_ROM_W_TRUNCATED	(1u << 0)  /* an image runs past the end */
#define GI_ROM_W_NO_LAST	(1u << 1)  /* chain ended without a last flag */
#define GI_ROM_W_TOO_MANY	(1u << 2)  /* more than GI_ROM_MAX_IMAGES */
#define GI_ROM_W_IFR_BAD	(1u << 3)  /* IFR offset unusable; scanned */
#define GI_ROM_W_UNKNOWN_HDR	(1u << 4)  /* no 0xAA55 at 0, no known header */
#define GI_ROM_W_PCIR_UNALIGNED	(1u << 5)  /* PCIR not dword aligned */
#define GI_ROM_W_BAD_CHECKSUM	(1u << 6)  /* an x86 image fails its sum */
#define GI_ROM_W_ZERO_LENGTH	(1u << 7)  /* an image claims length 0 */
#define GI_ROM_W_TRAILING	(1u << 8)  /* unexplained data after images */
#define GI_ROM_W_BAD_PCIR	(1u << 9)  /* 0xAA55 without a PCIR */

struct gi_rom_image {
	u32 offset;		/* from the start of the input */
	u32 length;		/* bytes, as used to walk the chain */
	u32 pcir_offset;	/* absolute */
	char pcir_sig[5];	/* "PCIR", "NPDS" or "RGIS" */
	u16 vendor_id;
	u16 device_id;
	u16 devlist[GI_ROM_MAX_DEVLIST]; /* PCI 3.0 device list, if any */
	u8 n_devlist;
	u8 pcir_rev;
	u32 class_code;
	u16 vendor_rom_rev;
	u8 code_type;
	bool last;		/* effective last-image flag (PCIR or NPDE) */
	u8 set;			/* 0 = primary image set, 1.. = further sets */
	bool has_npde;
	u16 npde_rev;
	u8 npde_flags;
	enum gi_checksum checksum;
};

struct gi_rom {
	u32 size;			/* bytes given */
	enum gi_rom_layout layout;
	u32 header_sig;			/* first 4 bytes, little endian */
	u32 first_image;		/* offset of the first image */
	struct {
		bool present;
		u8 version;		/* VERSIONSW */
		u16 ssvid, ssid;	/* board subsystem IDs it records */
	} ifr;
	unsigned int n_images;
	unsigned int n_sets;
	u32 warnings;			/* GI_ROM_W_* */
	u32 end;			/* end of the last image walked */
	struct gi_rom_image images[GI_ROM_MAX_IMAGES];
};

enum gi_status {
	GI_OK = 0,
	GI_E_NOROM = 1,		/* no PCI expansion ROM image found */
	GI_E_TOOBIG = 2,	/* input larger than GI_ROM_MAX_SIZE */
	GI_E_EMPTY = 3,		/* zero-length input */
	GI_E_NOTFOUND = 4,	/* the structure looked for is absent */
	GI_E_CORRUPT = 5,	/* present but inconsistent */
};

const char *gi_strerror(enum gi_status st);

/*
 * Parse @len bytes at @buf. Never reads outside them. Returns GI_OK when at
 * least one image was found; rom->warnings tells what looked wrong.
 */
enum gi_status gi_rom_parse(struct gi_rom *rom, const u8 *buf, size_t len);

/* The primary-set image of @code_type, or NULL. */
const struct gi_rom_image *gi_rom_find(const struct gi_rom *rom, u8 code_type);

/* Does the image's PCIR (or its device list) name @device_id? */
bool gi_rom_image_has_device(const struct gi_rom_image *img, u16 device_id);

const char *gi_rom_code_name(u8 code_type);
const char *gi_rom_layout_name(enum gi_rom_layout layout);
/* Name of warning bit @bit (one of GI_ROM_W_*), or NULL. */
const char *gi_rom_warning_name(u32 bit);

/*
 * Copy a NUL- or length-terminated string out of firmware into @dst,
 * replacing anything unprintable with '?' and trimming trailing blanks.
 * Returns the length copied; 0 when @off is out of bounds.
 */
size_t gi_fw_string(char *dst, size_t dstlen, const u8 *buf, size_t len,
		    size_t off, size_t maxlen);

#endif /* GPUIDENT_ROM_H */
