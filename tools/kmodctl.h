/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef GPUIDENT_TOOLS_KMODCTL_H
#define GPUIDENT_TOOLS_KMODCTL_H

#include <stddef.h>

enum gi_kmod_state {
	GI_KMOD_LOADED,		/* live or built in */
	GI_KMOD_NOT_LOADED,	/* installed, not loaded */
	GI_KMOD_NOT_INSTALLED,	/* modprobe would not find it */
	GI_KMOD_UNKNOWN,	/* libkmod could not tell */
};

/* The module's state, through libkmod. */
enum gi_kmod_state gi_kmod_state(void);
/* modprobe gpuident (root). 0 on success, else -1 with a message. */
int gi_kmod_load(char *err, size_t errlen);

#endif
