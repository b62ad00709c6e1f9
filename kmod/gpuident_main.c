// SPDX-License-Identifier: GPL-2.0
/*
 * gpuident: identify GPUs (original, regional variant, transplanted die,
 * modified, relabelled) from read-only facts.
 *
 * This first version carries the shared core (VBIOS parsers, register
 * decoders, knowledge base, classifier) into the kernel and names the
 * display-class devices present at load time from PCI IDs alone. It reads
 * no registers and no ROM, and binds to nothing.
 */
#include <linux/module.h>
#include <linux/pci.h>

#include "gpuident/kb.h"
#include "gpuident/version.h"

static void gpuident_name_device(struct pci_dev *pdev)
{
	const struct gi_sku *sku = gi_kb_sku(pdev->vendor, pdev->device,
					     pdev->subsystem_vendor,
					     pdev->subsystem_device);

	if (sku)
		pci_info(pdev, "gpuident: %s (%s)%s\n", sku->product, sku->chip,
			 (sku->flags & GI_SKU_REGIONAL) ? ", regional variant" : "");
	else
		pci_info(pdev, "gpuident: %04x:%04x not in the knowledge base\n",
			 pdev->vendor, pdev->device);
}

static int __init gpuident_init(void)
{
	struct pci_dev *pdev = NULL;

	while ((pdev = pci_get_device(PCI_ANY_ID, PCI_ANY_ID, pdev)))
		if ((pdev->class >> 16) == PCI_BASE_CLASS_DISPLAY)
			gpuident_name_device(pdev);
	return 0;
}

static void __exit gpuident_exit(void)
{
}

module_init(gpuident_init);
module_exit(gpuident_exit);

MODULE_DESCRIPTION("Identify GPUs and flag regional, transplanted, modified and relabelled cards");
MODULE_AUTHOR("The gpuident developers");
MODULE_LICENSE("GPL");
MODULE_VERSION(GPUIDENT_VERSION);
