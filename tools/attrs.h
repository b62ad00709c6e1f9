/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef GPUIDENT_TOOLS_ATTRS_H
#define GPUIDENT_TOOLS_ATTRS_H

#include <stddef.h>

#include "gpu.h"

/* Value of attribute @name without its trailing newline, or NULL. */
typedef const char *(*gi_attr_get)(void *ctx, const char *name);

/*
 * Fill @g (address and source set by the caller) from gpuident's sysfs
 * attributes and classify it. Returns -1 (with g->note) when even the PCI
 * IDs are missing.
 */
int gi_gpu_from_attrs(struct gi_gpu *g, gi_attr_get get, void *ctx);

/* 0 if the module's "abi_version" value is one this tool reads. */
int gi_abi_check(const char *abi, char *err, size_t errlen);

/* The attributes a capture bundle saves, NULL-terminated. */
extern const char *const gi_bundle_attrs[];

#endif
