// SPDX-License-Identifier: GPL-2.0
/*
 * Test helper of tests/e2e, not part of gpuident: leaves one PCI device's
 * ROM BAR the way firmware that gives it no address space leaves it. The
 * resource keeps its size but has no parent (IORESOURCE_UNSET) and the
 * BAR register reads 0, with decoding off.
 *
 * Debian's x86 6.1 kernel never keeps that state on its own: SeaBIOS
 * assigns every ROM BAR at boot, "pci=norom" zeroes the resource of one
 * it did not (no ROM BAR at all), hot-add and rescan assign it, and a
 * failed assignment zeroes it too. The review's case (pci_map_rom()
 * assigning address space to it) needs the state itself, so this module
 * makes it, as pci_release_resource() does for a BAR being resized.
 *
 *   insmod gi_unassign.ko addr=0000:04:00.0 && rmmod gi_unassign
 */
#include <linux/module.h>
#include <linux/pci.h>

static char *addr;
module_param(addr, charp, 0444);
MODULE_PARM_DESC(addr, "PCI address (domain:bus:slot.function) of the device");

static int __init gi_unassign_init(void)
{
	unsigned int dom, bus, slot, fn;
	struct pci_dev *pdev;
	struct resource *r;
	int ret = 0;

	if (!addr || sscanf(addr, "%x:%x:%x.%x", &dom, &bus, &slot, &fn) != 4)
		return -EINVAL;
	pdev = pci_get_domain_bus_and_slot(dom, bus, PCI_DEVFN(slot, fn));
	if (!pdev)
		return -ENODEV;

	/* the order pciehp takes them in; gpuident probes under a trylock */
	pci_lock_rescan_remove();
	device_lock(&pdev->dev);
	r = &pdev->resource[PCI_ROM_RESOURCE];
	if (!pci_resource_len(pdev, PCI_ROM_RESOURCE) || !r->parent ||
	    (r->flags & (IORESOURCE_ROM_SHADOW | IORESOURCE_ROM_ENABLE))) {
		ret = -ENXIO;	/* no ROM BAR, not assigned, shadow or in use */
	} else {
		pci_release_resource(pdev, PCI_ROM_RESOURCE);
		pci_write_config_dword(pdev, pdev->rom_base_reg, 0);
	}
	device_unlock(&pdev->dev);
	pci_unlock_rescan_remove();
	pci_dev_put(pdev);
	return ret;
}

static void __exit gi_unassign_exit(void)
{
}

module_init(gi_unassign_init);
module_exit(gi_unassign_exit);
MODULE_DESCRIPTION("gpuident e2e helper: a ROM BAR without address space");
MODULE_LICENSE("GPL");
