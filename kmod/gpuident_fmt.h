/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Formatting and filtering helpers of the module that need no hardware,
 * kept apart so KUnit can test them (kmod/kunit/).
 */
#ifndef GPUIDENT_FMT_H
#define GPUIDENT_FMT_H

#include <linux/types.h>

#include "gpuident/classify.h"

/* Is a PCI class code (24 bits: class, subclass, prog-if) a display device? */
bool gpuident_is_display_class(u32 class);

/* PCIe Link Capabilities/Status speed code (1 = 2.5 GT/s ...) to generation. */
unsigned int gpuident_pcie_gen(unsigned int speed_code);

/*
 * The formatters take a buffer and its size, and use scnprintf(), rather
 * than sysfs_emit_at(), on purpose: sysfs_emit_at() refuses any buffer
 * that is not a whole page, and KUnit (kmod/kunit/module_kunit.c) checks
 * these on short buffers, truncation included. The show() callers pass
 * sysfs's page and PAGE_SIZE; scnprintf() bounds the same way.
 *
 * Names of the report's checks, space separated, newline-terminated:
 * every check that ran, or only the failed ones. Returns the length
 * written (as scnprintf), at most size - 1.
 */
int gpuident_fmt_checks(char *buf, size_t size, const struct gi_report *r,
			bool failed_only);

/* Shipped memory sizes of @sku in bytes, space separated, newline-terminated. */
int gpuident_fmt_vram_expected(char *buf, size_t size, const struct gi_sku *sku);

/* @n bytes as lowercase hex, newline-terminated. */
int gpuident_fmt_hex(char *buf, size_t size, const u8 *data, size_t n);

#endif /* GPUIDENT_FMT_H */
