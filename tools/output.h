/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef GPUIDENT_TOOLS_OUTPUT_H
#define GPUIDENT_TOOLS_OUTPUT_H

#include <json-c/json.h>
#include <stdbool.h>
#include <stdio.h>

#include "gpu.h"

struct gi_output_opts {
	bool verbose;
	bool numeric;
	bool color;
};

/* One line per GPU; with verbose, every finding below it. */
void gi_output_table(FILE *out, const struct gi_gpu_list *l,
		     const struct gi_output_opts *o);
/* {"gpuident_version", "schema", "gpus": [...]} (docs: gpuident(8)). */
json_object *gi_output_json(const struct gi_gpu_list *l,
			    const struct gi_output_opts *o);
/* Prometheus text exposition format. */
void gi_output_prometheus(FILE *out, const struct gi_gpu_list *l);
/*
 * Write @text to @path atomically (a temporary file in the same directory,
 * then rename), as node_exporter's textfile collector needs. 0 or -1.
 */
int gi_write_atomic(const char *path, const char *text, size_t len,
		    char *err, size_t errlen);

#endif
