/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef GPUIDENT_TOOLS_BUNDLE_H
#define GPUIDENT_TOOLS_BUNDLE_H

#include <stdbool.h>
#include <stdio.h>

#include "gpu.h"

/* Write a capture bundle of @l (read live or directly) to @out. */
int gi_bundle_write(FILE *out, const struct gi_gpu_list *l,
		    const char *module_version);
bool gi_bundle_is(const char *data, size_t len);
/*
 * Read a bundle (@data NUL-terminated, modified in place) into @list.
 * Returns the GPUs read, or -1 with a message.
 */
int gi_bundle_read(char *data, size_t len, const char *file,
		   struct gi_gpu_list *list, char *err, size_t errlen);

#endif
