/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef GPUIDENT_TOOLS_DIRECT_H
#define GPUIDENT_TOOLS_DIRECT_H

#include "gpu.h"

/*
 * Every display-class device under /sys/bus/pci/devices, classified from
 * what can be read without the module (more as root). Returns the number
 * found or -1 with a message.
 */
int gi_direct_read(struct gi_gpu_list *list, char *err, size_t errlen);

#endif
