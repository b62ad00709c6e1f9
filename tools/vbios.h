/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef GPUIDENT_TOOLS_VBIOS_H
#define GPUIDENT_TOOLS_VBIOS_H

#include <stdbool.h>
#include <stdio.h>
#include <json-c/json.h>

#include "gpuident/atombios.h"
#include "gpuident/classify.h"
#include "gpuident/facts.h"
#include "gpuident/nvbios.h"
#include "gpuident/rom.h"

/* Everything gpuident reads from one VBIOS file. */
struct gi_vbios {
	const char *name;
	size_t size;
	char sha256[65];
	char error[160];	/* set when the file could not be used */
	struct gi_rom rom;
	bool has_nv, has_atom;
	struct gi_nvbios nv;
	struct gi_atombios atom;
	struct gi_facts facts;
	struct gi_report report;
};

/* Parse @len bytes of @buf named @name; false (with ->error) if no ROM. */
bool gi_vbios_analyze(struct gi_vbios *v, const char *name,
		      const unsigned char *buf, size_t len);
/* Read and analyze a file ("-" = stdin); false with ->error on failure. */
bool gi_vbios_load(struct gi_vbios *v, const char *path);

json_object *gi_vbios_json(const struct gi_vbios *v);
void gi_vbios_print(FILE *out, const struct gi_vbios *v, bool verbose);

/* Shared by every output that shows a classification. */
json_object *gi_report_json(const struct gi_report *r);
void gi_report_print(FILE *out, const struct gi_report *r, bool verbose,
		     const char *indent);

/* A JSON string of @s with invalid UTF-8 replaced, or NULL on no memory. */
json_object *gi_json_text(const char *s);

/* "1234" style lowercase 4-digit hex string as a JSON string. */
json_object *gi_json_hex16(unsigned int v);

#endif
