// SPDX-License-Identifier: GPL-2.0
/*
 * The sysfs ABI: one value per file, served from the last probe's result.
 * No show() touches the hardware. Attributes whose fact is not known are
 * hidden (is_visible) rather than faked; the set is refreshed after every
 * probe. Documentation/ABI/testing/sysfs-class-gpuident lists them all.
 */
#include <linux/kernel.h>
#include <linux/sysfs.h>

#include "gpuident.h"
#include "gpuident_fmt.h"
#include "gpuident/abi.h"
#include "gpuident/kb.h"

/* Attributes that come from the PCI device itself, always present. */

static ssize_t abi_version_show(struct device *dev,
				struct device_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "%d.%d\n", GPUIDENT_ABI_MAJOR, GPUIDENT_ABI_MINOR);
}
static DEVICE_ATTR_RO(abi_version);

static ssize_t state_show(struct device *dev, struct device_attribute *attr,
			  char *buf)
{
	struct gpuident_gpu *gpu = to_gpuident_gpu(dev);
	bool ready;

	mutex_lock(&gpu->lock);
	ready = gpuident_ready(gpu);
	mutex_unlock(&gpu->lock);
	return sysfs_emit(buf, "%s\n", ready ? GPUIDENT_STATE_READY :
					       GPUIDENT_STATE_PROBING);
}
static DEVICE_ATTR_RO(state);

/* _expr is evaluated with the PCI device `p` in scope. */
#define PDEV_SHOW(_name, _fmt, _expr)					\
static ssize_t _name##_show(struct device *dev,				\
			    struct device_attribute *attr, char *buf)	\
{									\
	const struct pci_dev *p = to_gpuident_gpu(dev)->pdev;		\
									\
	return sysfs_emit(buf, _fmt "\n", _expr);			\
}

PDEV_SHOW(vendor_id, "0x%04x", p->vendor)
static DEVICE_ATTR_RO(vendor_id);
PDEV_SHOW(device_id, "0x%04x", p->device)
static DEVICE_ATTR_RO(device_id);
PDEV_SHOW(subsystem_vendor_id, "0x%04x", p->subsystem_vendor)
static DEVICE_ATTR_RO(subsystem_vendor_id);
PDEV_SHOW(subsystem_device_id, "0x%04x", p->subsystem_device)
static DEVICE_ATTR_RO(subsystem_device_id);
PDEV_SHOW(revision, "0x%02x", p->revision)
static DEVICE_ATTR_RO(revision);
PDEV_SHOW(class, "0x%06x", p->class)
static DEVICE_ATTR_RO(class);

static bool fact_known(struct gpuident_gpu *gpu,
		       const struct gpuident_result *res, struct attribute *a);

/*
 * Attributes from the probe result. _expr is evaluated under gpu->lock
 * with `res` (never NULL there), `sku` and `buf` in scope, and only when
 * the result it reads from knows the fact: between publishing a result and
 * sysfs_update_group() a file of the previous set may still be open, and
 * it must say "no data" rather than format a NULL sku or an empty field.
 */
#define RES_ATTR(_name, _expr)						\
static ssize_t _name##_show(struct device *dev,				\
			    struct device_attribute *attr, char *buf)	\
{									\
	struct gpuident_gpu *gpu = to_gpuident_gpu(dev);		\
	const struct gpuident_result *res;				\
	const struct gi_sku *sku;					\
	ssize_t n = -ENODATA;						\
									\
	mutex_lock(&gpu->lock);						\
	res = gpu->res;							\
	if (res && fact_known(gpu, res, &attr->attr)) {			\
		sku = res->report.sku;					\
		(void)sku;						\
		n = (_expr);						\
	}								\
	mutex_unlock(&gpu->lock);					\
	return n;							\
}

RES_ATTR(verdict, sysfs_emit(buf, "%s\n", gi_verdict_name(res->report.verdict)))
static DEVICE_ATTR_RO(verdict);
RES_ATTR(confidence, sysfs_emit(buf, "%u\n", res->report.confidence))
static DEVICE_ATTR_RO(confidence);
RES_ATTR(checks, gpuident_fmt_checks(buf, PAGE_SIZE, &res->report, false))
static DEVICE_ATTR_RO(checks);
RES_ATTR(findings, gpuident_fmt_checks(buf, PAGE_SIZE, &res->report, true))
static DEVICE_ATTR_RO(findings);
RES_ATTR(regional, sysfs_emit(buf, "%d\n",
			      sku && (sku->flags & GI_SKU_REGIONAL) ? 1 : 0))
static DEVICE_ATTR_RO(regional);
RES_ATTR(base_product, sysfs_emit(buf, "%s\n", res->report.base_sku->product))
static DEVICE_ATTR_RO(base_product);
RES_ATTR(base_device_id, sysfs_emit(buf, "0x%04x\n",
				    res->report.base_sku->device_id))
static DEVICE_ATTR_RO(base_device_id);
RES_ATTR(product, sysfs_emit(buf, "%s\n", sku->product))
static DEVICE_ATTR_RO(product);
RES_ATTR(chip, sysfs_emit(buf, "%s\n", sku->chip))
static DEVICE_ATTR_RO(chip);

static const struct gi_board_vendor *board_vendor_of(struct gpuident_gpu *gpu)
{
	return gi_kb_board_vendor(gpu->pdev->subsystem_vendor);
}

static const struct gi_board *board_of(struct gpuident_gpu *gpu)
{
	struct pci_dev *p = gpu->pdev;

	return gi_kb_board(p->vendor, p->device, p->subsystem_vendor,
			   p->subsystem_device);
}

RES_ATTR(board_vendor, sysfs_emit(buf, "%s\n", board_vendor_of(gpu)->name))
static DEVICE_ATTR_RO(board_vendor);
RES_ATTR(board, sysfs_emit(buf, "%s\n", board_of(gpu)->name))
static DEVICE_ATTR_RO(board);
RES_ATTR(pcie_max_gen, sysfs_emit(buf, "%u\n", res->pcie_max_gen))
static DEVICE_ATTR_RO(pcie_max_gen);
RES_ATTR(pcie_max_width, sysfs_emit(buf, "%u\n", res->pcie_max_width))
static DEVICE_ATTR_RO(pcie_max_width);
RES_ATTR(pcie_gen, sysfs_emit(buf, "%u\n", res->pcie_gen))
static DEVICE_ATTR_RO(pcie_gen);
RES_ATTR(pcie_width, sysfs_emit(buf, "%u\n", res->pcie_width))
static DEVICE_ATTR_RO(pcie_width);
RES_ATTR(bar1_size, sysfs_emit(buf, "%llu\n",
			       (unsigned long long)res->bar1_size))
static DEVICE_ATTR_RO(bar1_size);
RES_ATTR(resizable_bar, sysfs_emit(buf, "%d\n", res->resizable_bar))
static DEVICE_ATTR_RO(resizable_bar);
RES_ATTR(vpd_part_number, sysfs_emit(buf, "%s\n", res->vpd_pn))
static DEVICE_ATTR_RO(vpd_part_number);
RES_ATTR(vpd_serial_number, sysfs_emit(buf, "%s\n", res->vpd_sn))
static DEVICE_ATTR_ADMIN_RO(vpd_serial_number);
RES_ATTR(serial_number, sysfs_emit(buf, "%016llx\n",
				   (unsigned long long)res->dsn))
static DEVICE_ATTR_ADMIN_RO(serial_number);
RES_ATTR(vbios_size, sysfs_emit(buf, "%zu\n", res->rom_len))
static DEVICE_ATTR_RO(vbios_size);
/* Root only: a hash of a whole flash read identifies the board, as a serial. */
RES_ATTR(vbios_sha256, gpuident_fmt_hex(buf, PAGE_SIZE, res->rom_sha256,
					sizeof(res->rom_sha256)))
static DEVICE_ATTR_ADMIN_RO(vbios_sha256);
RES_ATTR(vbios_error, sysfs_emit(buf, "%s\n", res->rom_error))
static DEVICE_ATTR_RO(vbios_error);
RES_ATTR(vbios_source, sysfs_emit(buf, "%s\n", res->rom_source))
static DEVICE_ATTR_RO(vbios_source);
RES_ATTR(vbios_vendor_id, sysfs_emit(buf, "0x%04x\n", res->rom_vendor_id))
static DEVICE_ATTR_RO(vbios_vendor_id);
RES_ATTR(vbios_device_id, sysfs_emit(buf, "0x%04x\n", res->rom_device_id))
static DEVICE_ATTR_RO(vbios_device_id);
RES_ATTR(vbios_device_list, ({
	const struct gi_facts *f = &res->facts;
	unsigned int i, n = min_t(unsigned int, f->rom_n_devlist,
				  ARRAY_SIZE(f->rom_devlist));
	int len = 0;

	for (i = 0; i < n; i++)
		len += sysfs_emit_at(buf, len, "%s0x%04x", i ? " " : "",
				     f->rom_devlist[i]);
	len + sysfs_emit_at(buf, len, "\n");
}))
static DEVICE_ATTR_RO(vbios_device_list);
RES_ATTR(vbios_checksum, sysfs_emit(buf, "%s\n", res->rom_checksum))
static DEVICE_ATTR_RO(vbios_checksum);
RES_ATTR(vbios_subsystem_vendor_id, sysfs_emit(buf, "0x%04x\n", res->rom_ssvid))
static DEVICE_ATTR_RO(vbios_subsystem_vendor_id);
RES_ATTR(vbios_subsystem_device_id, sysfs_emit(buf, "0x%04x\n", res->rom_ssid))
static DEVICE_ATTR_RO(vbios_subsystem_device_id);
RES_ATTR(vbios_version, sysfs_emit(buf, "%s\n", res->bios_version))
static DEVICE_ATTR_RO(vbios_version);
RES_ATTR(vbios_part_number, sysfs_emit(buf, "%s\n", res->part_number))
static DEVICE_ATTR_RO(vbios_part_number);
RES_ATTR(registers, sysfs_emit(buf, "%s\n", res->regs))
static DEVICE_ATTR_RO(registers);
RES_ATTR(chip_id, sysfs_emit(buf, "0x%03x\n", res->nv.chip.chip_id))
static DEVICE_ATTR_RO(chip_id);
RES_ATTR(chip_name, sysfs_emit(buf, "%s\n", res->nv.chip.chip_name))
static DEVICE_ATTR_RO(chip_name);
RES_ATTR(chip_revision, ({
	char rev[3];

	gi_nv_rev_string(res->nv.chip.major_rev, res->nv.chip.minor_rev, rev);
	sysfs_emit(buf, "%s\n", rev);
}));
static DEVICE_ATTR_RO(chip_revision);
RES_ATTR(sm_count, sysfs_emit(buf, "%u\n", res->nv.sm_count))
static DEVICE_ATTR_RO(sm_count);
RES_ATTR(sm_count_expected, sysfs_emit(buf, "%u\n", sku->units))
static DEVICE_ATTR_RO(sm_count_expected);
RES_ATTR(vram_size, sysfs_emit(buf, "%llu\n",
			       (unsigned long long)res->nv.vram_bytes))
static DEVICE_ATTR_RO(vram_size);
RES_ATTR(vram_size_expected, gpuident_fmt_vram_expected(buf, PAGE_SIZE, sku))
static DEVICE_ATTR_RO(vram_size_expected);

static ssize_t reprobe_store(struct device *dev, struct device_attribute *attr,
			     const char *buf, size_t count)
{
	bool yes;
	int ret = kstrtobool(buf, &yes);

	if (ret)
		return ret;
	if (!yes)
		return -EINVAL;
	if (!gpuident_queue_probe(to_gpuident_gpu(dev), 0))
		return -ENODEV;
	return count;
}
static DEVICE_ATTR_WO(reprobe);

static ssize_t vbios_read(struct file *file, struct kobject *kobj,
			  struct bin_attribute *attr, char *buf, loff_t off,
			  size_t count)
{
	struct gpuident_gpu *gpu = to_gpuident_gpu(kobj_to_dev(kobj));
	const struct gpuident_result *res;
	ssize_t n = 0;

	mutex_lock(&gpu->lock);
	res = gpu->res;
	if (res && res->rom && off >= 0 && off < res->rom_len) {
		n = min_t(size_t, count, res->rom_len - off);
		memcpy(buf, res->rom + off, n);
	}
	mutex_unlock(&gpu->lock);
	return n;
}
static BIN_ATTR_ADMIN_RO(vbios, 0);

/* Present from the start: identity, state and the probe trigger. */
static struct attribute *gpuident_static_attrs[] = {
	&dev_attr_abi_version.attr,
	&dev_attr_state.attr,
	&dev_attr_vendor_id.attr,
	&dev_attr_device_id.attr,
	&dev_attr_subsystem_vendor_id.attr,
	&dev_attr_subsystem_device_id.attr,
	&dev_attr_revision.attr,
	&dev_attr_class.attr,
	&dev_attr_reprobe.attr,
	NULL
};

/* The probe's results: each shown only once its fact is known. */
static struct attribute *gpuident_attrs[] = {
	&dev_attr_verdict.attr,
	&dev_attr_confidence.attr,
	&dev_attr_checks.attr,
	&dev_attr_findings.attr,
	&dev_attr_regional.attr,
	&dev_attr_base_product.attr,
	&dev_attr_base_device_id.attr,
	&dev_attr_product.attr,
	&dev_attr_chip.attr,
	&dev_attr_board_vendor.attr,
	&dev_attr_board.attr,
	&dev_attr_pcie_max_gen.attr,
	&dev_attr_pcie_max_width.attr,
	&dev_attr_pcie_gen.attr,
	&dev_attr_pcie_width.attr,
	&dev_attr_bar1_size.attr,
	&dev_attr_resizable_bar.attr,
	&dev_attr_vpd_part_number.attr,
	&dev_attr_vpd_serial_number.attr,
	&dev_attr_serial_number.attr,
	&dev_attr_vbios_size.attr,
	&dev_attr_vbios_sha256.attr,
	&dev_attr_vbios_source.attr,
	&dev_attr_vbios_vendor_id.attr,
	&dev_attr_vbios_device_id.attr,
	&dev_attr_vbios_device_list.attr,
	&dev_attr_vbios_error.attr,
	&dev_attr_vbios_checksum.attr,
	&dev_attr_vbios_subsystem_vendor_id.attr,
	&dev_attr_vbios_subsystem_device_id.attr,
	&dev_attr_vbios_version.attr,
	&dev_attr_vbios_part_number.attr,
	&dev_attr_registers.attr,
	&dev_attr_chip_id.attr,
	&dev_attr_chip_name.attr,
	&dev_attr_chip_revision.attr,
	&dev_attr_sm_count.attr,
	&dev_attr_sm_count_expected.attr,
	&dev_attr_vram_size.attr,
	&dev_attr_vram_size_expected.attr,
	NULL
};

/* Is the fact behind @a known? Called with gpu->lock held, res != NULL. */
static bool fact_known(struct gpuident_gpu *gpu,
		       const struct gpuident_result *res, struct attribute *a)
{
	const struct gi_sku *sku = res->report.sku;
	bool rom = res->rom;

	if (a == &dev_attr_base_product.attr || a == &dev_attr_base_device_id.attr)
		return res->report.base_sku;
	if (a == &dev_attr_product.attr || a == &dev_attr_chip.attr)
		return sku;
	if (a == &dev_attr_board_vendor.attr)
		return board_vendor_of(gpu);
	if (a == &dev_attr_board.attr)
		return board_of(gpu);
	if (a == &dev_attr_pcie_max_gen.attr || a == &dev_attr_pcie_max_width.attr ||
	    a == &dev_attr_pcie_gen.attr || a == &dev_attr_pcie_width.attr)
		return res->has_pcie;
	if (a == &dev_attr_bar1_size.attr)
		return res->bar1_size;
	if (a == &dev_attr_vpd_part_number.attr)
		return res->vpd_pn[0];
	if (a == &dev_attr_vpd_serial_number.attr)
		return res->vpd_sn[0];
	if (a == &dev_attr_serial_number.attr)
		return res->dsn;
	if (a == &dev_attr_vbios_size.attr || a == &dev_attr_vbios_sha256.attr ||
	    a == &dev_attr_vbios_source.attr)
		return rom;
	/*
	 * ROM IDs only when the verdict used them: a shadow copy of another
	 * device's BIOS is not this card's (gi_facts_add_device_rom()).
	 */
	if (a == &dev_attr_vbios_vendor_id.attr ||
	    a == &dev_attr_vbios_device_id.attr)
		return res->facts.have & GI_HAVE_ROM;
	if (a == &dev_attr_vbios_device_list.attr)
		return (res->facts.have & GI_HAVE_ROM) && res->facts.rom_n_devlist;
	if (a == &dev_attr_vbios_error.attr)
		return res->rom_error;
	if (a == &dev_attr_resizable_bar.attr)
		return res->rebar_known;
	if (a == &dev_attr_vbios_checksum.attr)
		return res->rom_checksum;
	if (a == &dev_attr_vbios_subsystem_vendor_id.attr ||
	    a == &dev_attr_vbios_subsystem_device_id.attr)
		return res->rom_ssvid;
	if (a == &dev_attr_vbios_version.attr)
		return res->bios_version[0];
	if (a == &dev_attr_vbios_part_number.attr)
		return res->part_number[0];
	if (a == &dev_attr_chip_id.attr || a == &dev_attr_chip_revision.attr)
		return res->nv.has_chip;
	if (a == &dev_attr_chip_name.attr)
		return res->nv.has_chip && res->nv.chip.chip_name;
	if (a == &dev_attr_sm_count.attr)
		return res->nv.has_sm;
	if (a == &dev_attr_sm_count_expected.attr)
		return sku && sku->units;
	if (a == &dev_attr_vram_size.attr)
		return res->nv.has_vram;
	if (a == &dev_attr_vram_size_expected.attr)
		return sku && sku->vram_mib[0];
	return true;
}

static umode_t gpuident_attr_visible(struct kobject *kobj, struct attribute *a,
				     int n)
{
	struct gpuident_gpu *gpu = to_gpuident_gpu(kobj_to_dev(kobj));
	bool show;

	mutex_lock(&gpu->lock);
	show = gpu->res && fact_known(gpu, gpu->res, a);
	mutex_unlock(&gpu->lock);
	return show ? a->mode : 0;
}

static umode_t gpuident_bin_visible(struct kobject *kobj,
				    struct bin_attribute *a, int n)
{
	struct gpuident_gpu *gpu = to_gpuident_gpu(kobj_to_dev(kobj));
	bool show;

	mutex_lock(&gpu->lock);
	show = gpu->res && gpu->res->rom;
	mutex_unlock(&gpu->lock);
	return show ? a->attr.mode : 0;
}

static struct bin_attribute *gpuident_bin_attrs[] = {
	&bin_attr_vbios,
	NULL
};

static const struct attribute_group gpuident_static_group = {
	.attrs = gpuident_static_attrs,
};

static const struct attribute_group gpuident_group = {
	.attrs = gpuident_attrs,
	.bin_attrs = gpuident_bin_attrs,
	.is_visible = gpuident_attr_visible,
	.is_bin_visible = gpuident_bin_visible,
};

const struct attribute_group *gpuident_groups[] = {
	&gpuident_static_group,
	&gpuident_group,
	NULL
};

u64 gpuident_visible_mask(struct gpuident_gpu *gpu)
{
	u64 mask = 0;
	int i;

	mutex_lock(&gpu->lock);
	if (gpu->res) {
		for (i = 0; gpuident_attrs[i]; i++)
			if (fact_known(gpu, gpu->res, gpuident_attrs[i]))
				mask |= BIT_ULL(i);
		if (gpu->res->rom)
			mask |= BIT_ULL(63);
	}
	mutex_unlock(&gpu->lock);
	return mask;
}

int gpuident_refresh_attrs(struct gpuident_gpu *gpu)
{
	return sysfs_update_group(&gpu->dev.kobj, &gpuident_group);
}

static_assert(ARRAY_SIZE(gpuident_attrs) < 63);
