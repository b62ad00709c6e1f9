/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef GPUIDENT_TOOLS_ANALYZE_H
#define GPUIDENT_TOOLS_ANALYZE_H

#include <stddef.h>

#include "gpu.h"

/*
 * Analyse one file ("-" = stdin): a VBIOS image, a gpuident capture
 * bundle, or pasted text (nvidia-smi, lspci, deviceQuery, ...). Appends
 * one gi_gpu per GPU found; returns how many, or -1 with a message.
 */
int gi_analyze_file(const char *path, struct gi_gpu_list *list, char *err,
		    size_t errlen);

/*
 * After the files of one call: one device, one GPU. The text inputs'
 * records of one device (gi_capture_merge()) become one entry of @list,
 * classified again, its file "a.txt+b.txt"; the others leave the list.
 */
void gi_analyze_merge(struct gi_gpu_list *list);

#endif
