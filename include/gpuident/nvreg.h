/* SPDX-License-Identifier: GPL-2.0 */
/*
 * NVIDIA BAR0 register decoders: pure functions of raw 32-bit values, and
 * the allowlist of the only offsets the module may read. Nothing here
 * touches hardware. Facts and their sources: ../shared/research/VBIOS.md
 * section 4 and Documentation/gpuident/registers.rst.
 */
#ifndef GPUIDENT_NVREG_H
#define GPUIDENT_NVREG_H

#include "compat.h"

/* Identification */
#define GI_NV_PMC_BOOT_0		0x000000
#define GI_NV_PMC_BOOT_1		0x000004
#define GI_NV_PMC_BOOT_2		0x000008
#define GI_NV_PMC_BOOT_42		0x000a00
/*
 * NV_PBUS_SW_SCRATCH(0): on AD10x NV_PBUS_SW_GLOBAL_EROT_GRANT, bit 3 VALID
 * (the board has an ERoT), bit 5 ALLOW (flash access granted).
 */
#define GI_NV_PBUS_SW_SCRATCH_0		0x001400
#define GI_NV_EROT_VALID		(1u << 3)
#define GI_NV_EROT_ALLOW		(1u << 5)
/* Straps */
#define GI_NV_PEXTDEV_BOOT_0		0x101000
/* Design maxima (Turing+) */
#define GI_NV_PTOP_SCAL_NUM_GPCS	0x022430
#define GI_NV_PTOP_SCAL_NUM_TPC_PER_GPC	0x022434
#define GI_NV_PTOP_SCAL_NUM_FBPS	0x022438
/* Frame buffer size */
#define GI_NV_PFB_LOCAL_MEMORY_RANGE	0x100ce0 /* TU10x, GA100 */
#define GI_NV_USABLE_FB_SIZE_IN_MB	0x1183a4 /* GA102+, AD10x, GH100, GB20x */
#define GI_NV_GB100_LOCAL_MEMORY_RANGE	0x1fa3e0
/* Fuse status readouts: 1 bit = unit disabled */
#define GI_NV_FUSE_TU_OPT_GPC		0x021c1c
#define GI_NV_FUSE_TU_OPT_TPC_GPC(i)	(0x021c38 + 4 * (i))
#define GI_NV_FUSE_TU_OPT_FBP		0x021d38
#define GI_NV_FUSE_GA_OPT_GPC		0x820c1c
#define GI_NV_FUSE_GA_OPT_TPC_GPC(i)	(0x820c38 + 4 * (i))
#define GI_NV_FUSE_GA_OPT_FBP		0x820d38
#define GI_NV_FUSE_MAX_GPCS		12

enum gi_nv_arch {
	GI_NV_ARCH_UNKNOWN = 0,
	GI_NV_ARCH_KEPLER,	/* 0x0e0, 0x0f0, 0x100 */
	GI_NV_ARCH_MAXWELL,	/* 0x110, 0x120 */
	GI_NV_ARCH_PASCAL,	/* 0x130 */
	GI_NV_ARCH_VOLTA,	/* 0x140 */
	GI_NV_ARCH_TURING,	/* 0x160 */
	GI_NV_ARCH_AMPERE,	/* 0x170 */
	GI_NV_ARCH_HOPPER,	/* 0x180 */
	GI_NV_ARCH_ADA,		/* 0x190 */
	GI_NV_ARCH_BLACKWELL,	/* 0x1a0 (GB10x), 0x1b0 (GB20x) */
};

struct gi_nv_chip_id {
	u16 chip_id;		/* BOOT_42 CHIP_ID (29:20): arch << 4 | impl */
	u8 arch_code;		/* 29:24 */
	u8 impl;		/* 23:20 */
	u8 major_rev;		/* 0xA = 'A' */
	u8 minor_rev;
	enum gi_nv_arch arch;
	const char *chip_name;	/* "AD102", NULL if not known */
};

/* 0xFFFFFFFF (off the bus) and 0xBADxxxxx (PRI error) carry no value. */
bool gi_nv_reg_valid(u32 v);

/*
 * Decode BOOT_42 (preferred) or, when it is invalid, BOOT_0. Returns false
 * when neither holds a value.
 */
bool gi_nv_decode_chip(u32 boot0, u32 boot42, struct gi_nv_chip_id *out);
enum gi_nv_arch gi_nv_arch_of(u16 chip_id);
const char *gi_nv_arch_name(enum gi_nv_arch arch);
/* Chip name for a BOOT_42 chip ID ("AD102" for 0x192), NULL if unknown. */
const char *gi_nv_chip_name(u16 chip_id);
/* "A1" style mask revision into buf[3]. */
void gi_nv_rev_string(u8 major, u8 minor, char buf[3]);

/*
 * Frame buffer size in bytes for chip @chip_id, from the register that
 * architecture publishes it in. Returns false if the chip's method is not
 * known or the value is invalid.
 *   local_memory_range: NV_PFB_PRI_MMU_LOCAL_MEMORY_RANGE (0x100ce0)
 *   usable_fb_mb:       NV_USABLE_FB_SIZE_IN_MB (0x1183a4)
 */
bool gi_nv_vram_bytes(u16 chip_id, u32 local_memory_range, u32 usable_fb_mb,
		      u64 *bytes);
/* The one register gi_nv_vram_bytes() needs for @chip_id, or 0. */
u32 gi_nv_fb_size_reg(u16 chip_id);
/* The LOCAL_MEMORY_RANGE formula alone: MAG << (SCALE + 20), ECC 15/16. */
u64 gi_nv_local_memory_range_bytes(u32 v);

/*
 * Count enabled TPCs from fuse status words: @gpc_disable is the GPC
 * disable mask, @tpc_disable[g] the per-GPC TPC disable mask, @n_gpcs and
 * @tpc_per_gpc the design maxima. Disabled GPCs contribute nothing.
 * Returns -1 if any input word is invalid.
 */
int gi_nv_enabled_tpcs(u32 gpc_disable, const u32 *tpc_disable,
		       unsigned int n_gpcs, unsigned int tpc_per_gpc);
/*
 * Are the fuse status offsets for @chip_id published (nvgpu's Turing and
 * GA10x headers), rather than carried over from them (AD10x, GH100,
 * GB20x)? A count from published offsets is physical evidence.
 */
bool gi_nv_fuses_published(u16 chip_id);
/* SMs per TPC for an architecture (1 or 2), 0 if unknown. */
unsigned int gi_nv_sms_per_tpc(u16 chip_id);

/* RAMCFG strap (PEXTDEV_BOOT_0 bits 5:2). */
static inline u8 gi_nv_ramcfg_strap(u32 pextdev_boot0)
{
	return (pextdev_boot0 >> 2) & 0xf;
}

/*
 * The PROM window: the VBIOS flash mapped read-only at BAR0 + 0x300000.
 * NVIDIA's RM reads it on TU10x, GA10x and AD10x with 32-bit reads and no
 * register writes; nouveau's variant writes a config mirror bit first and
 * is not used. On GH100 and Blackwell no open driver reads it from the CPU.
 */
#define GI_NV_PROM_BASE		0x300000
#define GI_NV_PROM_SIZE		0x100000
bool gi_nv_prom_readable(u16 chip_id);

/*
 * What the identification registers say, read through @rd, which is only
 * ever called with allowlisted offsets. Shared by the module (ioread32 on
 * BAR0) and the tool's --direct mode (a read-only mmap of resource0).
 */
struct gi_nv_probe {
	bool has_chip;
	struct gi_nv_chip_id chip;
	bool has_vram;
	u64 vram_bytes;
	bool has_sm;
	u16 sm_count;
	bool sm_from_fuses;	/* published fuse layout (see below) */
};

typedef u32 (*gi_nv_read_fn)(void *ctx, u32 offset);
/* Returns false when not even the chip ID could be read. */
bool gi_nv_probe(gi_nv_read_fn rd, void *ctx, struct gi_nv_probe *out);

/* The register allowlist: the only BAR0 offsets the module reads. */
struct gi_nv_reg {
	u32 offset;
	const char *name;
};

extern const struct gi_nv_reg gi_nv_allowlist[];
extern const size_t gi_nv_allowlist_len;
/* Is a 32-bit read at @offset allowed? (aligned and listed) */
bool gi_nv_reg_allowed(u32 offset);

/*
 * The one window the module may read word by word: the PROM, declared as
 * a range beside the register list and gated on its own (module parameter
 * read_prom, off by default). gi_nv_reg_allowed() never accepts it, so the
 * identification probe cannot wander into it.
 */
struct gi_nv_range {
	u32 base;
	u32 size;
	const char *name;
};

extern const struct gi_nv_range gi_nv_prom_range;
/* Is a 32-bit read at @offset inside @r and aligned? */
bool gi_nv_range_allowed(const struct gi_nv_range *r, u32 offset);

/*
 * May the PROM of a chip of @arch be read, given NV_PBUS_SW_SCRATCH(0)?
 * Fails closed: on AD10x an unreadable grant word (all-ones, PRI error)
 * means no, as does an ERoT that has not granted access.
 */
bool gi_nv_prom_granted(enum gi_nv_arch arch, u32 erot_grant);

/*
 * Copy up to @size bytes (a multiple of 4) of the PROM through @rd, one
 * aligned 32-bit read at a time, little endian into @dst. Stops at the
 * first word that is not data (all-ones: flash padding, a GPU off the bus;
 * 0xBADxxxxx: a PRI error), so a dead or vanishing GPU costs one read, not
 * 262144. Calls @pause (if not NULL; the module's yields the CPU) every
 * GI_NV_PROM_PAUSE_WORDS words.
 * Returns the bytes copied; 0 if the first word was not data.
 */
#define GI_NV_PROM_PAUSE_WORDS	1024
typedef void (*gi_nv_pause_fn)(void);
size_t gi_nv_prom_copy(gi_nv_read_fn rd, void *ctx, u8 *dst, size_t size,
		       gi_nv_pause_fn pause);

#endif /* GPUIDENT_NVREG_H */
