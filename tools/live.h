/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef GPUIDENT_TOOLS_LIVE_H
#define GPUIDENT_TOOLS_LIVE_H

#include "gpu.h"

/*
 * Read every /sys/class/gpuident device through libudev into @list,
 * waiting up to @wait_ms for devices still probing. Returns the number of
 * GPUs read, or -1 with a message in @err (no udev, incompatible module).
 * A GPU that cannot be read is still listed, with a note.
 */
int gi_live_read(struct gi_gpu_list *list, unsigned int wait_ms, char *err,
		 size_t errlen);

#endif
