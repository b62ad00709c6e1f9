/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * The sysfs ABI between gpuident.ko and its readers (the gpuident tool,
 * monitoring agents). Every attribute is documented in
 * Documentation/ABI/testing/sysfs-class-gpuident.
 *
 * A reader accepts a module whose ABI major equals its own and whose minor
 * is at least the oldest it can read (GPUIDENT_ABI_MINOR_READ).
 */
#ifndef GPUIDENT_ABI_H
#define GPUIDENT_ABI_H

#define GPUIDENT_ABI_MAJOR	1
#define GPUIDENT_ABI_MINOR	1
/*
 * The oldest minor the gpuident tool reads: what 1.1 added (vbios_error,
 * vbios_device_list) it does without, as it does for a hidden attribute.
 */
#define GPUIDENT_ABI_MINOR_READ	0

/* /sys/class/<GPUIDENT_CLASS>/<PCI address>/ */
#define GPUIDENT_CLASS		"gpuident"

/* Values of the "state" attribute. */
#define GPUIDENT_STATE_PROBING	"probing"
#define GPUIDENT_STATE_READY	"ready"

/* Values of "vbios_source". */
#define GPUIDENT_ROM_ROM_BAR	"rom-bar"	/* PCI expansion ROM BAR */
#define GPUIDENT_ROM_SHADOW	"shadow"	/* boot VGA copy at 0xC0000 */
#define GPUIDENT_ROM_PROM	"prom"		/* NVIDIA PROM window in BAR0 */

/* Values of "registers". */
#define GPUIDENT_REGS_READ		"read"
#define GPUIDENT_REGS_NOT_NVIDIA	"not-nvidia"
#define GPUIDENT_REGS_DISABLED		"disabled"	/* module parameter */
#define GPUIDENT_REGS_SUSPENDED		"suspended"	/* runtime-suspended */
#define GPUIDENT_REGS_NOT_D0		"not-d0"
#define GPUIDENT_REGS_NO_DECODE		"no-memory-decode"
#define GPUIDENT_REGS_NO_BAR		"no-bar0"
#define GPUIDENT_REGS_UNREADABLE	"unreadable"	/* all-ones / PRI errors */
#define GPUIDENT_REGS_BUSY		"busy"	/* device lock held throughout */

/*
 * Values of "vbios_error" (since 1.1): why a ROM BAR that exists gave no
 * VBIOS. None of them is evidence against the card.
 */
#define GPUIDENT_VBIOS_UNREADABLE	"unreadable"	/* no image, all 0xFF */
#define GPUIDENT_VBIOS_CHANGED		"changed"	/* copies disagreed */
#define GPUIDENT_VBIOS_UNASSIGNED	"unassigned"	/* no address space */

#endif /* GPUIDENT_ABI_H */
