// SPDX-License-Identifier: GPL-2.0
/*
 * Collecting the facts of one GPU, read-only.
 *
 * The rules (DEVELOPERS.md, Documentation/gpuident/registers.rst):
 *  - no GPU register is ever written; BAR0 is mapped without claiming it
 *    and only offsets on the core's allowlist are read, 32 bits aligned,
 *    plus the PROM window (a declared range) when read_prom=1;
 *  - the only config-space writes are the kernel's own: the ROM BAR enable
 *    (and disable) in pci_map_rom()/pci_unmap_rom(), and the VPD address
 *    register that pci_vpd_alloc() writes once per dword it reads (VPD is
 *    read through an address/data register pair: there is no other way);
 *  - a runtime-suspended GPU is not woken unless wake_suspended is set,
 *    and memory decoding is never switched on: such GPUs are reported from
 *    what the PCI core has cached.
 */
#include <crypto/sha2.h>
#include <linux/io.h>
#include <linux/mm.h>
#include <linux/pci.h>
#include <linux/pm_runtime.h>
#include <linux/slab.h>

#include "gpuident.h"
#include "gpuident_fmt.h"
#include "gpuident/abi.h"
#include "gpuident/atombios.h"
#include "gpuident/nvbios.h"
#include "gpuident/rom.h"

static void collect_link(struct pci_dev *pdev, struct gpuident_result *res)
{
	u32 cap;
	u16 sta;

	if (!pci_is_pcie(pdev) ||
	    pcie_capability_read_dword(pdev, PCI_EXP_LNKCAP, &cap) ||
	    pcie_capability_read_word(pdev, PCI_EXP_LNKSTA, &sta) ||
	    cap == ~0u)
		return;
	res->has_pcie = true;
	res->pcie_max_gen = gpuident_pcie_gen(cap & PCI_EXP_LNKCAP_SLS);
	res->pcie_max_width = (cap & PCI_EXP_LNKCAP_MLW) >> 4;
	res->pcie_gen = gpuident_pcie_gen(sta & PCI_EXP_LNKSTA_CLS);
	res->pcie_width = (sta & PCI_EXP_LNKSTA_NLW) >> PCI_EXP_LNKSTA_NLW_SHIFT;
}

static void vpd_keyword(const u8 *vpd, unsigned int len, const char *kw,
			char *dst, size_t dstlen)
{
	unsigned int size;
	int off = pci_vpd_find_ro_info_keyword(vpd, len, kw, &size);

	if (off < 0)
		return;
	gi_fw_string(dst, dstlen, vpd, len, off, size);
}

static void collect_vpd_dsn(struct pci_dev *pdev, struct gpuident_result *res)
{
	unsigned int len;
	u8 *vpd;

	res->dsn = pci_get_dsn(pdev);
	vpd = pci_vpd_alloc(pdev, &len);	/* -ENODEV without VPD */
	if (IS_ERR(vpd))
		return;
	vpd_keyword(vpd, len, PCI_VPD_RO_KEYWORD_PARTNO, res->vpd_pn,
		    sizeof(res->vpd_pn));
	vpd_keyword(vpd, len, PCI_VPD_RO_KEYWORD_SERIALNO, res->vpd_sn,
		    sizeof(res->vpd_sn));
	kfree(vpd);
}

/* From the resources the PCI core holds: no device access. */
static void collect_bars(struct pci_dev *pdev, struct gpuident_result *res)
{
	if (pdev->vendor == PCI_VENDOR_ID_NVIDIA &&
	    (pci_resource_flags(pdev, 1) & IORESOURCE_MEM))
		res->bar1_size = pci_resource_len(pdev, 1);
}

/* Walks extended capabilities: only for a device held awake. */
static void collect_rebar(struct pci_dev *pdev, struct gpuident_result *res)
{
	res->resizable_bar = !!pci_find_ext_capability(pdev,
						       PCI_EXT_CAP_ID_REBAR);
	res->rebar_known = true;
}

/*
 * One copy of the ROM through the PCI core, as its own sysfs "rom" file
 * reads it. Returns a kvmalloc'd buffer, or NULL.
 *
 * A ROM BAR the firmware left unassigned (no parent resource) is not read:
 * pci_map_rom() would call pci_assign_resource() for it, outside the
 * rescan/remove lock, and never give the address space back. Not our
 * business to assign address space; such a ROM is reported "unassigned".
 */
static u8 *read_rom_once(struct pci_dev *pdev, size_t *len, const char **err)
{
	struct resource *r = &pdev->resource[PCI_ROM_RESOURCE];
	void __iomem *rom;
	size_t size;
	u8 *buf;

	if (!(r->flags & IORESOURCE_ROM_SHADOW) && !r->parent) {
		*err = GPUIDENT_VBIOS_UNASSIGNED;
		return NULL;
	}
	rom = pci_map_rom(pdev, &size);
	if (!rom) {
		*err = GPUIDENT_VBIOS_UNREADABLE;
		return NULL;
	}
	size = min_t(size_t, size, gpuident_rom_max_size);
	buf = size ? kvmalloc(size, GFP_KERNEL) : NULL;
	if (buf)
		memcpy_fromio(buf, rom, size);
	pci_unmap_rom(pdev, rom);
	*len = buf ? size : 0;
	if (!buf)
		*err = GPUIDENT_VBIOS_UNREADABLE;
	return buf;
}

/*
 * Is this copy one a verdict may rest on without a second read? Only a
 * copy that walks cleanly, every checksum good, and names this device.
 * Anything else (a bad checksum, a torn chain, no image at all) may be the
 * flash or may be a race: see collect_rom_bar().
 */
static bool rom_copy_clean(struct pci_dev *pdev, const u8 *buf, size_t len)
{
	struct gi_rom *rom = kmalloc(sizeof(*rom), GFP_KERNEL);
	bool clean = false;
	unsigned int i;

	if (!rom)
		return false;
	if (gi_rom_parse(rom, buf, len) == GI_OK && !rom->warnings &&
	    gi_rom_image_has_device(&rom->images[0], pdev->device)) {
		clean = true;
		for (i = 0; i < rom->n_images; i++)
			if (rom->images[i].checksum == GI_CSUM_BAD)
				clean = false;
	}
	kfree(rom);
	return clean;
}

static bool rom_has_image(const u8 *buf, size_t len)
{
	struct gi_rom *rom = kmalloc(sizeof(*rom), GFP_KERNEL);
	bool found;

	if (!rom)
		return false;
	found = gi_rom_parse(rom, buf, len) == GI_OK;
	kfree(rom);
	return found;
}

static bool same_copy(const u8 *a, size_t alen, const u8 *b, size_t blen)
{
	return a && b && alen == blen && !memcmp(a, b, alen);
}

/*
 * The ROM BAR, read so that a failed or racing read never convicts a card.
 *
 * Nothing in the kernel serialises ROM BAR readers: the core's sysfs "rom"
 * file, a driver's own read and ours each enable the BAR, copy and disable
 * it, and whoever disables first leaves the others reading 0xFF. Holding
 * the device lock (gpuident_collect()) keeps driver probe and resets away,
 * not those readers. So a copy that is not clean is read again, and it is
 * believed only when two consecutive copies agree byte for byte; a torn
 * copy (0xFF from some offset on) does not repeat itself. After
 * ROM_READ_TRIES copies without two that agree, the ROM "changed"; an
 * agreed copy with no image in it (all 0xFF, a device that vanished) is
 * "unreadable". Neither is ever judged: no checksum, no ROM IDs.
 */
#define ROM_READ_TRIES	4

static void collect_rom_bar(struct pci_dev *pdev, struct gpuident_result *res)
{
	struct resource *r = &pdev->resource[PCI_ROM_RESOURCE];
	const char *err = GPUIDENT_VBIOS_CHANGED;
	u8 *prev = NULL, *cur;
	size_t prev_len = 0, len;
	int i;

	if (!pci_resource_len(pdev, PCI_ROM_RESOURCE))
		return;
	for (i = 0; i < ROM_READ_TRIES; i++) {
		cur = read_rom_once(pdev, &len, &err);
		if (!cur)
			break;
		if ((!i && rom_copy_clean(pdev, cur, len)) ||
		    same_copy(prev, prev_len, cur, len)) {
			err = NULL;
			break;
		}
		kvfree(prev);
		prev = cur;
		prev_len = len;
		cur = NULL;
		err = GPUIDENT_VBIOS_CHANGED;
	}
	kvfree(prev);
	if (cur && !rom_has_image(cur, len)) {
		kvfree(cur);
		cur = NULL;
		err = GPUIDENT_VBIOS_UNREADABLE;
	}
	if (!cur) {
		res->rom_error = err;
		return;
	}
	res->rom = cur;
	res->rom_len = len;
	res->rom_source = (r->flags & IORESOURCE_ROM_SHADOW) ?
			  GPUIDENT_ROM_SHADOW : GPUIDENT_ROM_ROM_BAR;
}

struct bar0 {
	void __iomem *base;
	resource_size_t len;
};

/* The only way this file reads a GPU register. */
static u32 rd32(void *ctx, u32 off)
{
	const struct bar0 *b = ctx;

	if (WARN_ON_ONCE(!gi_nv_reg_allowed(off)) || off + 4 > b->len)
		return ~0u;
	return ioread32(b->base + off);
}

/* ... and the only way it reads the PROM window, a declared range. */
static u32 rd32_prom(void *ctx, u32 off)
{
	const struct bar0 *b = ctx;

	if (WARN_ON_ONCE(!gi_nv_range_allowed(&gi_nv_prom_range, off)) ||
	    off + 4 > b->len)
		return ~0u;
	return ioread32(b->base + off);
}

static void prom_yield(void)
{
	cond_resched();
}

/*
 * NVIDIA's PROM window, read the way RM reads it on TU10x-AD10x: 32-bit
 * reads, no writes. Off unless read_prom=1: it is up to 262144 MMIO reads,
 * and until a real GPU has shown it safe under a bound driver it stays a
 * fallback an administrator asks for. gi_nv_prom_copy() stops at the first
 * all-ones or PRI-error word (a hung or vanished GPU costs one read, not a
 * completion timeout per word) and yields the CPU as it goes. Skipped,
 * failing closed, when an AD10x grant word is unreadable or an ERoT has not
 * granted access. A read that stopped early leaves the ROM truncated, and
 * a truncated image's checksum is never judged (GI_CSUM_TRUNCATED).
 */
static void collect_prom(struct bar0 *b, struct gpuident_result *res)
{
	size_t size = min_t(size_t, GI_NV_PROM_SIZE, gpuident_rom_max_size);
	size_t len;
	u8 *buf;

	if (!gpuident_read_prom || !gpuident_read_rom || res->rom ||
	    !res->nv.has_chip || !gi_nv_prom_readable(res->nv.chip.chip_id))
		return;
	if (b->len < GI_NV_PROM_BASE + GI_NV_PROM_SIZE)
		return;
	if (!gi_nv_prom_granted(res->nv.chip.arch,
				rd32(b, GI_NV_PBUS_SW_SCRATCH_0)))
		return;
	size &= ~(size_t)3;
	buf = kvmalloc(size, GFP_KERNEL);
	if (!buf)
		return;
	len = gi_nv_prom_copy(rd32_prom, b, buf, size, prom_yield);
	/* an empty or unreadable window holds no 0xAA55 (nor "NVGI") */
	if (len < 512 || (buf[0] != 0x55 && buf[0] != 0x4e)) {
		kvfree(buf);
		return;
	}
	res->rom = buf;
	res->rom_len = len;
	res->rom_source = GPUIDENT_ROM_PROM;
}

/* May we touch the device's memory space now? Sets res->regs if not. */
static bool device_accessible(struct pci_dev *pdev, struct gpuident_result *res)
{
	u16 cmd;

	/* Without a PM capability the core never learns a state: D0 then. */
	if (pdev->current_state != PCI_D0 &&
	    !(pdev->current_state == PCI_UNKNOWN && !pdev->pm_cap)) {
		res->regs = GPUIDENT_REGS_NOT_D0;
		return false;
	}
	if (pci_read_config_word(pdev, PCI_COMMAND, &cmd) || cmd == 0xffff ||
	    !(cmd & PCI_COMMAND_MEMORY)) {
		res->regs = GPUIDENT_REGS_NO_DECODE;
		return false;
	}
	return true;
}

static void collect_nvidia(struct pci_dev *pdev, struct gpuident_result *res)
{
	struct bar0 b;

	if (pdev->vendor != PCI_VENDOR_ID_NVIDIA) {
		res->regs = GPUIDENT_REGS_NOT_NVIDIA;
		return;
	}
	if (!gpuident_read_registers) {
		res->regs = GPUIDENT_REGS_DISABLED;
		return;
	}
	if (!(pci_resource_flags(pdev, 0) & IORESOURCE_MEM) ||
	    pci_resource_len(pdev, 0) < 0x1000) {
		res->regs = GPUIDENT_REGS_NO_BAR;
		return;
	}
	/* Mapped, not requested: the owning driver holds the region. */
	b.base = pci_iomap(pdev, 0, 0);
	b.len = pci_resource_len(pdev, 0);
	if (!b.base) {
		res->regs = GPUIDENT_REGS_NO_BAR;
		return;
	}
	if (!gi_nv_probe(rd32, &b, &res->nv)) {
		res->regs = GPUIDENT_REGS_UNREADABLE;
		goto out;
	}
	res->regs = GPUIDENT_REGS_READ;
	collect_prom(&b, res);
out:
	pci_iounmap(pdev, b.base);
}

/* Parse the ROM and keep what the attributes and the classifier need. */
static void parse_rom(struct gpuident_result *res, struct gi_facts *f)
{
	struct gi_nvbios *nv = NULL;
	struct gi_atombios *ab = NULL;
	struct gi_rom *rom;

	rom = kmalloc(sizeof(*rom), GFP_KERNEL);
	if (!rom || gi_rom_parse(rom, res->rom, res->rom_len) != GI_OK)
		goto out;
	nv = kmalloc(sizeof(*nv), GFP_KERNEL);
	ab = kmalloc(sizeof(*ab), GFP_KERNEL);
	if (!nv || !ab)
		goto out;
	if (gi_nvbios_parse(nv, rom, res->rom, res->rom_len) == GI_OK &&
	    nv->has_version)
		strscpy(res->bios_version, nv->version_str,
			sizeof(res->bios_version));
	if (gi_atombios_parse(ab, rom, res->rom, res->rom_len) == GI_OK)
		strscpy(res->part_number, ab->part_number,
			sizeof(res->part_number));
	gi_facts_add_device_rom(f, rom, nv->has_bit ? nv : NULL,
				ab->present ? ab : NULL,
				!strcmp(res->rom_source, GPUIDENT_ROM_SHADOW));
	res->rom_parsed = true;
	res->rom_vendor_id = f->rom_vendor_id;
	res->rom_device_id = f->rom_device_id;
	/* Exported so that a reader can rebuild the same facts. */
	if (f->have & GI_HAVE_ROM_CHECKSUM)
		res->rom_checksum = f->rom_checksum_ok ? "ok" : "bad";
	if (f->have & GI_HAVE_ROM_SUBSYS) {
		res->rom_ssvid = f->rom_ssvid;
		res->rom_ssid = f->rom_ssid;
	}
out:
	kfree(ab);
	kfree(nv);
	kfree(rom);
}

static void build_facts(struct pci_dev *pdev, struct gpuident_result *res)
{
	struct gi_facts *f = &res->facts;

	f->origin = GI_ORIGIN_DEVICE;
	f->have = GI_HAVE_IDS | GI_HAVE_SUBSYS | GI_HAVE_REVISION;
	f->vendor_id = pdev->vendor;
	f->device_id = pdev->device;
	f->ssvid = pdev->subsystem_vendor;
	f->ssid = pdev->subsystem_device;
	f->revision = pdev->revision;
	if (res->has_pcie) {
		f->have |= GI_HAVE_LINK;
		f->link_gen_max = res->pcie_max_gen;
		f->link_width_max = res->pcie_max_width;
	}
	if (res->bar1_size) {
		f->have |= GI_HAVE_BAR1;
		f->bar1_mib = res->bar1_size >> 20;
	}
	if (res->nv.has_chip) {
		f->have |= GI_HAVE_CHIP_ID;
		f->nv_chip_id = res->nv.chip.chip_id;
	}
	if (res->nv.has_sm) {
		f->have |= GI_HAVE_SM_COUNT;
		f->sm_count = res->nv.sm_count;
		f->sm_from_fuses = res->nv.sm_from_fuses;
	}
	if (res->nv.has_vram) {
		f->have |= GI_HAVE_VRAM;
		f->vram_mib = res->nv.vram_bytes >> 20;
		f->vram_source = GI_VRAM_REGISTER;
	}
	if (res->rom)
		parse_rom(res, f);
}

/*
 * Hold the device awake for the reads, or report why we did not read.
 * Returns true with a runtime-PM usage count held.
 *
 * pm_runtime_get_if_active() takes the usage count only if the device is
 * RPM_ACTIVE, atomically under the PM lock; get_noresume() followed by a
 * status test could see a suspend that was already under way as active.
 * Its second argument (ign_usage_count) went away in 6.9; true there is
 * what the one-argument form does (kmod/Kbuild tests the header).
 */
static int get_if_active(struct device *dev)
{
#ifdef GPUIDENT_PM_GET_IF_ACTIVE_ONE_ARG
	return pm_runtime_get_if_active(dev);
#else
	return pm_runtime_get_if_active(dev, true);
#endif
}

static bool hold_awake(struct pci_dev *pdev, struct gpuident_result *res)
{
	struct device *dev = &pdev->dev;
	int ret;

	if (gpuident_wake_suspended) {
		if (pm_runtime_resume_and_get(dev) < 0) {
			res->regs = GPUIDENT_REGS_SUSPENDED;
			return false;
		}
		return true;
	}
	ret = get_if_active(dev);
	if (ret > 0)
		return true;
	if (ret == -EINVAL) {
		/*
		 * Runtime PM disabled: nothing suspends the device behind
		 * our back; its PCI power state decides (device_accessible()).
		 */
		pm_runtime_get_noresume(dev);
		return true;
	}
	res->regs = GPUIDENT_REGS_SUSPENDED;
	return false;
}

/*
 * Serialising with driver probe and resets. The device lock is what the
 * driver core holds across probe, remove and bind/unbind, what
 * pci_reset_function() and bus/slot resets take (pci_dev_lock()), and what
 * AER recovery takes per device; pci_dev_lock() adds the config-access
 * lock, which would stall lspci for the length of a ROM read, so only the
 * device lock is taken. It is taken with device_trylock(), never waited
 * for: a probe that can take seconds (or hang) must not hold our worker,
 * and a worker that never blocks on it cannot deadlock with the remove
 * path (device_del() cancels our work from BUS_NOTIFY_DEL_DEVICE) or with
 * a driver that waits for something of ours. When the lock is busy the
 * probe is retried (gpuident_probe_work()); a driver that binds triggers
 * a probe of its own (BUS_NOTIFY_BOUND_DRIVER).
 */
struct gpuident_result *gpuident_collect(struct pci_dev *pdev, bool last_try)
{
	struct gpuident_result *res;
	bool locked = device_trylock(&pdev->dev);

	if (!locked && !last_try)
		return ERR_PTR(-EBUSY);
	res = kzalloc(sizeof(*res), GFP_KERNEL);
	if (!res)
		goto out;
	collect_bars(pdev, res);
	if (!locked) {
		/* still busy after every retry: report what is cached */
		res->regs = GPUIDENT_REGS_BUSY;
	} else if (hold_awake(pdev, res)) {
		collect_link(pdev, res);
		collect_rebar(pdev, res);
		collect_vpd_dsn(pdev, res);
		if (device_accessible(pdev, res)) {
			if (gpuident_read_rom)
				collect_rom_bar(pdev, res);
			collect_nvidia(pdev, res);
		} else if (pdev->vendor != PCI_VENDOR_ID_NVIDIA) {
			res->regs = GPUIDENT_REGS_NOT_NVIDIA;
		}
		pm_runtime_put(&pdev->dev);
	}
	if (locked)
		device_unlock(&pdev->dev);
	if (res->rom)
		sha256(res->rom, res->rom_len, res->rom_sha256);
	build_facts(pdev, res);
	gi_classify(&res->facts, &res->report);
	return res;
out:
	if (locked)
		device_unlock(&pdev->dev);
	return NULL;
}

void gpuident_result_free(struct gpuident_result *res)
{
	if (!res)
		return;
	kvfree(res->rom);
	kfree(res);
}
