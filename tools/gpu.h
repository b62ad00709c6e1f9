/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * One GPU as the tool reports it, whatever the facts came from: the module
 * through sysfs, a direct read of /sys/bus/pci, a capture or a VBIOS file.
 * Every output (table, -v, JSON, Prometheus) is written from this.
 */
#ifndef GPUIDENT_TOOLS_GPU_H
#define GPUIDENT_TOOLS_GPU_H

#include <stdbool.h>
#include <stdint.h>

#include "gpuident/classify.h"
#include "gpuident/facts.h"

struct gi_gpu {
	char address[32];		/* PCI address, or "" when unknown */
	char source[32];		/* "module", "direct", a capture format... */
	char file[256];			/* the analysed file, for analyze */
	struct gi_facts facts;
	struct gi_report report;
	u32 not_shown;			/* GI_HAVE_* the source cannot show */
	char name[96];			/* the name the source gave, if any */

	/* Shown as they are; some also feed the facts. */
	char bios_version[32];
	char part_number[48];
	char vbios_sha256[65];
	char vbios_source[16];
	char board_part_number[48];
	char gpu_part_number[32];
	char registers[24];		/* module: why registers were (not) read */
	char module_verdict[16];	/* the module's own verdict, if read */
	char note[160];			/* a problem reading this GPU */
};

struct gi_gpu_list {
	struct gi_gpu *v;
	size_t n, alloc;
};

struct gi_gpu *gi_gpu_list_add(struct gi_gpu_list *l);
void gi_gpu_list_free(struct gi_gpu_list *l);

/* Classify g->facts into g->report. */
void gi_gpu_classify(struct gi_gpu *g);

/* Is this verdict one that makes a script's audit fail? */
bool gi_verdict_suspicious(enum gi_verdict v);

/*
 * JSON text and Prometheus label values must be UTF-8; a file name or a
 * capture may not be. Each byte of an invalid sequence becomes '?'.
 */
void gi_utf8_clean(char *s);

#endif
