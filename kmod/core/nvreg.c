// SPDX-License-Identifier: GPL-2.0
/*
 * NVIDIA BAR0 register decoders. Every function here is a pure function of
 * raw 32-bit register values: nothing reads or writes hardware. The field
 * layouts and chip IDs come from NVIDIA's open-gpu-kernel-modules headers,
 * nouveau and nova-core; see Documentation/gpuident/registers.rst.
 */
#include "gpuident/nvreg.h"

bool gi_nv_reg_valid(u32 v)
{
	if (v == 0xffffffffu)
		return false;
	/* PRI errors: 0xBAD00Fxx, 0xBAD001xx, 0xBADF1xxx, 0xBADF41xx, ... */
	if ((v & 0xfff00000u) == 0xbad00000u)
		return false;
	return true;
}

/* A register holds a usable value: readable and not all zero. */
static bool gi_nv_reg_has_value(u32 v)
{
	return v != 0 && gi_nv_reg_valid(v);
}

static unsigned int gi_nv_popcount32(u32 v)
{
	unsigned int n = 0;

	while (v) {
		v &= v - 1;
		n++;
	}
	return n;
}

/* Chip IDs (BOOT_42 CHIP_ID = arch << 4 | impl) and their names. */
struct gi_nv_chip_name_entry {
	u16 chip_id;
	const char *name;
};

static const struct gi_nv_chip_name_entry gi_nv_chip_names[] = {
	/* Kepler: nouveau nvkm/engine/device/base.c */
	{ 0x0e4, "GK104" },
	{ 0x0e6, "GK106" },
	{ 0x0e7, "GK107" },
	{ 0x0f0, "GK110" },
	{ 0x0f1, "GK110B" },
	{ 0x106, "GK208B" },	/* nouveau nv106_chipset */
	{ 0x108, "GK208" },	/* nouveau nv108_chipset */
	/* Maxwell: nouveau */
	{ 0x117, "GM107" },
	{ 0x118, "GM108" },
	{ 0x120, "GM200" },
	{ 0x124, "GM204" },
	{ 0x126, "GM206" },
	/* Pascal: nouveau */
	{ 0x130, "GP100" },
	{ 0x132, "GP102" },
	{ 0x134, "GP104" },
	{ 0x136, "GP106" },
	{ 0x137, "GP107" },
	{ 0x138, "GP108" },
	/* Volta: nouveau */
	{ 0x140, "GV100" },
	/* Turing: nova-core gpu.rs, nouveau */
	{ 0x162, "TU102" },
	{ 0x164, "TU104" },
	{ 0x166, "TU106" },
	{ 0x167, "TU117" },
	{ 0x168, "TU116" },
	/* Ampere: nova-core, nouveau; GA10B from RM ctrl2080mc.h */
	{ 0x170, "GA100" },
	{ 0x172, "GA102" },
	{ 0x173, "GA103" },
	{ 0x174, "GA104" },
	{ 0x176, "GA106" },
	{ 0x177, "GA107" },
	{ 0x17b, "GA10B" },
	/* Hopper: nouveau */
	{ 0x180, "GH100" },
	/* Ada: nova-core, nouveau */
	{ 0x192, "AD102" },
	{ 0x193, "AD103" },
	{ 0x194, "AD104" },
	{ 0x196, "AD106" },
	{ 0x197, "AD107" },
	/* Blackwell: nouveau */
	{ 0x1a0, "GB100" },
	{ 0x1a2, "GB102" },
	{ 0x1b2, "GB202" },
	{ 0x1b3, "GB203" },
	{ 0x1b5, "GB205" },
	{ 0x1b6, "GB206" },
	{ 0x1b7, "GB207" },
};

enum gi_nv_arch gi_nv_arch_of(u16 chip_id)
{
	switch (chip_id >> 4) {
	case 0x0e:
	case 0x0f:
	case 0x10:
		return GI_NV_ARCH_KEPLER;
	case 0x11:
	case 0x12:
		return GI_NV_ARCH_MAXWELL;
	case 0x13:
		return GI_NV_ARCH_PASCAL;
	case 0x14:
	case 0x15:		/* GV110 (nv_ref.h ARCHITECTURE_GV110) */
		return GI_NV_ARCH_VOLTA;
	case 0x16:
		return GI_NV_ARCH_TURING;
	case 0x17:
		return GI_NV_ARCH_AMPERE;
	case 0x18:
		return GI_NV_ARCH_HOPPER;
	case 0x19:
		return GI_NV_ARCH_ADA;
	case 0x1a:
	case 0x1b:
		return GI_NV_ARCH_BLACKWELL;
	default:
		return GI_NV_ARCH_UNKNOWN;
	}
}

const char *gi_nv_arch_name(enum gi_nv_arch arch)
{
	switch (arch) {
	case GI_NV_ARCH_KEPLER:
		return "Kepler";
	case GI_NV_ARCH_MAXWELL:
		return "Maxwell";
	case GI_NV_ARCH_PASCAL:
		return "Pascal";
	case GI_NV_ARCH_VOLTA:
		return "Volta";
	case GI_NV_ARCH_TURING:
		return "Turing";
	case GI_NV_ARCH_AMPERE:
		return "Ampere";
	case GI_NV_ARCH_HOPPER:
		return "Hopper";
	case GI_NV_ARCH_ADA:
		return "Ada Lovelace";
	case GI_NV_ARCH_BLACKWELL:
		return "Blackwell";
	case GI_NV_ARCH_UNKNOWN:
	default:
		return "unknown";
	}
}

const char *gi_nv_chip_name(u16 chip_id)
{
	size_t i;

	for (i = 0; i < GI_ARRAY_SIZE(gi_nv_chip_names); i++)
		if (gi_nv_chip_names[i].chip_id == chip_id)
			return gi_nv_chip_names[i].name;
	return NULL;
}

void gi_nv_rev_string(u8 major, u8 minor, char buf[3])
{
	static const char hex[] = "0123456789ABCDEF";

	/* Mask revision letters: 0xA = 'A' ... 0xF = 'F'. */
	buf[0] = (major >= 0xa && major <= 0xf) ? (char)('A' + major - 0xa) :
						   '?';
	buf[1] = minor <= 0xf ? hex[minor] : '?';
	buf[2] = '\0';
}

static void gi_nv_fill_chip(struct gi_nv_chip_id *out, u16 chip_id, u8 major,
			    u8 minor)
{
	out->chip_id = chip_id;
	out->arch_code = (u8)(chip_id >> 4);
	out->impl = (u8)(chip_id & 0xf);
	out->major_rev = major;
	out->minor_rev = minor;
	out->arch = gi_nv_arch_of(chip_id);
	out->chip_name = gi_nv_chip_name(chip_id);
}

bool gi_nv_decode_chip(u32 boot0, u32 boot42, struct gi_nv_chip_id *out)
{
	u16 chip_id;

	if (!out)
		return false;

	/* NV_PMC_BOOT_42: CHIP_ID 29:20, MAJOR 19:16, MINOR 15:12. */
	if (gi_nv_reg_has_value(boot42)) {
		chip_id = (u16)((boot42 >> 20) & 0x3ff);
		if (chip_id) {
			gi_nv_fill_chip(out, chip_id, (boot42 >> 16) & 0xf,
					(boot42 >> 12) & 0xf);
			return true;
		}
	}

	/*
	 * NV_PMC_BOOT_0, as nouveau decodes it: chipset 28:20, MAJOR 7:4,
	 * MINOR 3:0.
	 */
	if (gi_nv_reg_has_value(boot0)) {
		chip_id = (u16)((boot0 & 0x1ff00000u) >> 20);
		if (chip_id) {
			gi_nv_fill_chip(out, chip_id, (boot0 >> 4) & 0xf,
					boot0 & 0xf);
			return true;
		}
	}
	return false;
}

u64 gi_nv_local_memory_range_bytes(u32 v)
{
	u32 scale, mag;
	u64 size;

	if (!gi_nv_reg_valid(v))
		return 0;
	scale = v & 0xf;		/* 3:0 LOWER_SCALE */
	mag = (v >> 4) & 0x3f;		/* 9:4 LOWER_MAG */
	size = (u64)mag << (scale + 20);
	if (v & (1u << 30))		/* 30:30 ECC_MODE */
		size = size / 16 * 15;	/* exact: size is a multiple of 1 MiB */
	return size;
}

enum gi_nv_fb_method {
	GI_NV_FB_UNKNOWN,
	GI_NV_FB_LOCAL_MEMORY_RANGE,
	GI_NV_FB_USABLE_FB_SIZE_IN_MB,
};

static enum gi_nv_fb_method gi_nv_fb_method_of(u16 chip_id)
{
	/*
	 * NV_PFB_PRI_MMU_LOCAL_MEMORY_RANGE: nouveau gp102_fb_vidmem_size,
	 * used by its gp102 (GP102-GP108), gv100, tu102 and ga100 fb. GP100
	 * is sized another way by nouveau and is left out.
	 */
	if (chip_id >= 0x132 && chip_id <= 0x138)
		return GI_NV_FB_LOCAL_MEMORY_RANGE;
	if (chip_id == 0x140)
		return GI_NV_FB_LOCAL_MEMORY_RANGE;
	if (chip_id >= 0x160 && chip_id <= 0x16f)
		return GI_NV_FB_LOCAL_MEMORY_RANGE;
	if (chip_id == 0x170)
		return GI_NV_FB_LOCAL_MEMORY_RANGE;

	/*
	 * NV_USABLE_FB_SIZE_IN_MB: nouveau ga102_fb_vidmem_size (ga102, gh100,
	 * gb202 fb), RM kmemsysReadUsableFbSize_GA102. GA10B is an integrated
	 * (Tegra) GPU without a frame buffer of its own.
	 */
	if (chip_id >= 0x172 && chip_id <= 0x17f && chip_id != 0x17b)
		return GI_NV_FB_USABLE_FB_SIZE_IN_MB;
	if (chip_id >= 0x180 && chip_id <= 0x18f)
		return GI_NV_FB_USABLE_FB_SIZE_IN_MB;
	if (chip_id >= 0x190 && chip_id <= 0x19f)
		return GI_NV_FB_USABLE_FB_SIZE_IN_MB;
	if (chip_id >= 0x1b0 && chip_id <= 0x1bf)
		return GI_NV_FB_USABLE_FB_SIZE_IN_MB;

	/*
	 * GB10x (0x1a0-0x1af) moved LOCAL_MEMORY_RANGE to 0x1fa3e0 with a
	 * wider LOWER_MAG; it is not read, so its size is not known here.
	 */
	return GI_NV_FB_UNKNOWN;
}

u32 gi_nv_fb_size_reg(u16 chip_id)
{
	switch (gi_nv_fb_method_of(chip_id)) {
	case GI_NV_FB_LOCAL_MEMORY_RANGE:
		return GI_NV_PFB_LOCAL_MEMORY_RANGE;
	case GI_NV_FB_USABLE_FB_SIZE_IN_MB:
		return GI_NV_USABLE_FB_SIZE_IN_MB;
	default:
		return 0;
	}
}

bool gi_nv_vram_bytes(u16 chip_id, u32 local_memory_range, u32 usable_fb_mb,
		      u64 *bytes)
{
	u64 size;

	if (!bytes)
		return false;

	switch (gi_nv_fb_method_of(chip_id)) {
	case GI_NV_FB_LOCAL_MEMORY_RANGE:
		if (!gi_nv_reg_has_value(local_memory_range))
			return false;
		size = gi_nv_local_memory_range_bytes(local_memory_range);
		break;
	case GI_NV_FB_USABLE_FB_SIZE_IN_MB:
		if (!gi_nv_reg_has_value(usable_fb_mb))
			return false;
		size = (u64)usable_fb_mb << 20;
		break;
	case GI_NV_FB_UNKNOWN:
	default:
		return false;
	}

	if (!size)
		return false;
	*bytes = size;
	return true;
}

int gi_nv_enabled_tpcs(u32 gpc_disable, const u32 *tpc_disable,
		       unsigned int n_gpcs, unsigned int tpc_per_gpc)
{
	unsigned int g, total = 0;
	u32 tpc_mask;

	if (!tpc_disable || n_gpcs == 0 || n_gpcs > GI_NV_FUSE_MAX_GPCS)
		return -1;
	if (tpc_per_gpc == 0 || tpc_per_gpc > 32)
		return -1;
	if (!gi_nv_reg_valid(gpc_disable))
		return -1;

	tpc_mask = tpc_per_gpc == 32 ? 0xffffffffu :
				       (1u << tpc_per_gpc) - 1;

	for (g = 0; g < n_gpcs; g++) {
		/* A disabled GPC's TPC word is not used, so not checked. */
		if (gpc_disable & (1u << g))
			continue;
		if (!gi_nv_reg_valid(tpc_disable[g]))
			return -1;
		total += gi_nv_popcount32(~tpc_disable[g] & tpc_mask);
	}
	return (int)total;
}

unsigned int gi_nv_sms_per_tpc(u16 chip_id)
{
	switch (gi_nv_arch_of(chip_id)) {
	case GI_NV_ARCH_MAXWELL:
		return 1;
	case GI_NV_ARCH_PASCAL:
		return chip_id == 0x130 ? 2 : 1;	/* GP100: 2 */
	case GI_NV_ARCH_VOLTA:
	case GI_NV_ARCH_TURING:
	case GI_NV_ARCH_AMPERE:
	case GI_NV_ARCH_HOPPER:
	case GI_NV_ARCH_ADA:
	case GI_NV_ARCH_BLACKWELL:
		return 2;
	case GI_NV_ARCH_KEPLER:
	case GI_NV_ARCH_UNKNOWN:
	default:
		return 0;
	}
}

#define GI_NV_REG(off, name)	{ (off), (name) }
#define GI_NV_TU_TPC(i) \
	GI_NV_REG(GI_NV_FUSE_TU_OPT_TPC_GPC(i), \
		  "NV_FUSE_STATUS_OPT_TPC_GPC_TU(" #i ")")
#define GI_NV_GA_TPC(i) \
	GI_NV_REG(GI_NV_FUSE_GA_OPT_TPC_GPC(i), \
		  "NV_FUSE_STATUS_OPT_TPC_GPC_GA(" #i ")")

/*
 * Every BAR0 offset the module may read, 32 bits at a time. All are
 * identification, strap, design-maximum, frame-buffer-size or fuse
 * *status* readouts. Nothing is ever written. Not here on purpose: the
 * writable CTRL_OPT fuse copies (0x021838+, 0x820838+), the PROM and
 * PRAMIN windows, and the GB100 LOCAL_MEMORY_RANGE (not decoded).
 */
const struct gi_nv_reg gi_nv_allowlist[] = {
	GI_NV_REG(GI_NV_PMC_BOOT_0, "NV_PMC_BOOT_0"),
	GI_NV_REG(GI_NV_PMC_BOOT_1, "NV_PMC_BOOT_1"),
	GI_NV_REG(GI_NV_PMC_BOOT_2, "NV_PMC_BOOT_2"),
	GI_NV_REG(GI_NV_PMC_BOOT_42, "NV_PMC_BOOT_42"),
	GI_NV_REG(GI_NV_PEXTDEV_BOOT_0, "NV_PEXTDEV_BOOT_0"),
	GI_NV_REG(GI_NV_PBUS_SW_SCRATCH_0, "NV_PBUS_SW_SCRATCH(0)"),
	GI_NV_REG(GI_NV_PTOP_SCAL_NUM_GPCS, "NV_PTOP_SCAL_NUM_GPCS"),
	GI_NV_REG(GI_NV_PTOP_SCAL_NUM_TPC_PER_GPC,
		  "NV_PTOP_SCAL_NUM_TPC_PER_GPC"),
	GI_NV_REG(GI_NV_PTOP_SCAL_NUM_FBPS, "NV_PTOP_SCAL_NUM_FBPS"),
	GI_NV_REG(GI_NV_PFB_LOCAL_MEMORY_RANGE,
		  "NV_PFB_PRI_MMU_LOCAL_MEMORY_RANGE"),
	GI_NV_REG(GI_NV_USABLE_FB_SIZE_IN_MB, "NV_USABLE_FB_SIZE_IN_MB"),
	/* Turing fuse block (0x021000) */
	GI_NV_REG(GI_NV_FUSE_TU_OPT_GPC, "NV_FUSE_STATUS_OPT_GPC_TU"),
	GI_NV_TU_TPC(0), GI_NV_TU_TPC(1), GI_NV_TU_TPC(2), GI_NV_TU_TPC(3),
	GI_NV_TU_TPC(4), GI_NV_TU_TPC(5), GI_NV_TU_TPC(6), GI_NV_TU_TPC(7),
	GI_NV_TU_TPC(8), GI_NV_TU_TPC(9), GI_NV_TU_TPC(10), GI_NV_TU_TPC(11),
	GI_NV_REG(GI_NV_FUSE_TU_OPT_FBP, "NV_FUSE_STATUS_OPT_FBP_TU"),
	/* GA100+ fuse block (0x820000) */
	GI_NV_REG(GI_NV_FUSE_GA_OPT_GPC, "NV_FUSE_STATUS_OPT_GPC_GA"),
	GI_NV_GA_TPC(0), GI_NV_GA_TPC(1), GI_NV_GA_TPC(2), GI_NV_GA_TPC(3),
	GI_NV_GA_TPC(4), GI_NV_GA_TPC(5), GI_NV_GA_TPC(6), GI_NV_GA_TPC(7),
	GI_NV_GA_TPC(8), GI_NV_GA_TPC(9), GI_NV_GA_TPC(10), GI_NV_GA_TPC(11),
	GI_NV_REG(GI_NV_FUSE_GA_OPT_FBP, "NV_FUSE_STATUS_OPT_FBP_GA"),
};

const size_t gi_nv_allowlist_len = GI_ARRAY_SIZE(gi_nv_allowlist);

/* The TPC lists above must cover every GPC the decoders accept. */
static_assert(GI_NV_FUSE_MAX_GPCS == 12,
	      "gi_nv_allowlist lists TPC_GPC(0..11)");

bool gi_nv_reg_allowed(u32 offset)
{
	size_t i;

	if (offset & 3)
		return false;
	for (i = 0; i < GI_ARRAY_SIZE(gi_nv_allowlist); i++)
		if (gi_nv_allowlist[i].offset == offset)
			return true;
	return false;
}

const struct gi_nv_range gi_nv_prom_range = {
	GI_NV_PROM_BASE, GI_NV_PROM_SIZE, "NV_PROM"
};

bool gi_nv_range_allowed(const struct gi_nv_range *r, u32 offset)
{
	return !(offset & 3) && offset >= r->base &&
	       offset - r->base <= r->size - 4;
}

bool gi_nv_prom_granted(enum gi_nv_arch arch, u32 erot_grant)
{
	if (arch != GI_NV_ARCH_ADA)
		return true;
	if (!gi_nv_reg_valid(erot_grant))
		return false;		/* cannot tell: fail closed */
	return !(erot_grant & GI_NV_EROT_VALID) ||
	       (erot_grant & GI_NV_EROT_ALLOW);
}

size_t gi_nv_prom_copy(gi_nv_read_fn rd, void *ctx, u8 *dst, size_t size,
		       gi_nv_pause_fn pause)
{
	const struct gi_nv_range *r = &gi_nv_prom_range;
	size_t i, words = (size < r->size ? size : r->size) / 4;

	for (i = 0; i < words; i++) {
		u32 off = r->base + 4 * (u32)i;
		u32 v;

		if (!gi_nv_range_allowed(r, off))
			break;
		v = rd(ctx, off);
		if (!gi_nv_reg_valid(v))
			break;
		dst[4 * i] = v & 0xff;
		dst[4 * i + 1] = (v >> 8) & 0xff;
		dst[4 * i + 2] = (v >> 16) & 0xff;
		dst[4 * i + 3] = v >> 24;
		if (pause && (i + 1) % GI_NV_PROM_PAUSE_WORDS == 0)
			pause();
	}
	return 4 * i;
}

bool gi_nv_prom_readable(u16 chip_id)
{
	/* TU10x/TU11x, GA102-GA107 (not GA100, not GA10B), AD10x */
	return (chip_id >= 0x162 && chip_id <= 0x168) ||
	       (chip_id >= 0x172 && chip_id <= 0x177) ||
	       (chip_id >= 0x192 && chip_id <= 0x197);
}

bool gi_nv_fuses_published(u16 chip_id)
{
	enum gi_nv_arch arch = gi_nv_arch_of(chip_id);

	return arch == GI_NV_ARCH_TURING || arch == GI_NV_ARCH_AMPERE;
}

static u32 probe_rd(gi_nv_read_fn rd, void *ctx, u32 off)
{
	return gi_nv_reg_allowed(off) ? rd(ctx, off) : 0xffffffffu;
}

/* Enabled SMs from the fuse status words, Turing on. */
static void probe_sm_count(gi_nv_read_fn rd, void *ctx, struct gi_nv_probe *p)
{
	u32 tpc[GI_NV_FUSE_MAX_GPCS], gpcs, per_gpc, gpc_off, tpc_off;
	unsigned int g, sms_per_tpc = gi_nv_sms_per_tpc(p->chip.chip_id);
	bool turing = p->chip.arch == GI_NV_ARCH_TURING;
	int tpcs;

	if (p->chip.arch < GI_NV_ARCH_TURING || !sms_per_tpc)
		return;
	gpcs = probe_rd(rd, ctx, GI_NV_PTOP_SCAL_NUM_GPCS);
	per_gpc = probe_rd(rd, ctx, GI_NV_PTOP_SCAL_NUM_TPC_PER_GPC);
	if (!gi_nv_reg_valid(gpcs) || !gi_nv_reg_valid(per_gpc))
		return;
	gpcs &= 0x1f;
	per_gpc &= 0x1f;
	if (!gpcs || gpcs > GI_NV_FUSE_MAX_GPCS)
		return;
	gpc_off = turing ? GI_NV_FUSE_TU_OPT_GPC : GI_NV_FUSE_GA_OPT_GPC;
	tpc_off = turing ? GI_NV_FUSE_TU_OPT_TPC_GPC(0) :
			   GI_NV_FUSE_GA_OPT_TPC_GPC(0);
	for (g = 0; g < gpcs; g++)
		tpc[g] = probe_rd(rd, ctx, tpc_off + 4 * g);
	tpcs = gi_nv_enabled_tpcs(probe_rd(rd, ctx, gpc_off), tpc, gpcs, per_gpc);
	if (tpcs <= 0)
		return;
	p->has_sm = true;
	p->sm_count = (u16)(tpcs * sms_per_tpc);
	p->sm_from_fuses = gi_nv_fuses_published(p->chip.chip_id);
}

bool gi_nv_probe(gi_nv_read_fn rd, void *ctx, struct gi_nv_probe *p)
{
	u32 reg;

	memset(p, 0, sizeof(*p));
	p->has_chip = gi_nv_decode_chip(probe_rd(rd, ctx, GI_NV_PMC_BOOT_0),
					probe_rd(rd, ctx, GI_NV_PMC_BOOT_42),
					&p->chip);
	if (!p->has_chip)
		return false;
	reg = gi_nv_fb_size_reg(p->chip.chip_id);
	if (reg) {
		u32 v = probe_rd(rd, ctx, reg);

		p->has_vram = gi_nv_vram_bytes(p->chip.chip_id, v, v,
					       &p->vram_bytes);
	}
	probe_sm_count(rd, ctx, p);
	return true;
}
