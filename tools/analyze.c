// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * `gpuident analyze`: what a seller sent, or what a machine without the
 * module showed, classified by the same core.
 */
#include <stdlib.h>
#include <string.h>

#include "analyze.h"
#include "bundle.h"
#include "capture/capture.h"
#include "fileio.h"
#include "names.h"
#include "vbios.h"

/* Pasted text is small; a generous cap still refuses a disk image. */
#define ANALYZE_MAX_SIZE	(64u << 20)

static bool looks_binary(const unsigned char *p, size_t len)
{
	size_t i, n = len < 4096 ? len : 4096;

	for (i = 0; i < n; i++)
		if (!p[i])
			return true;
	return false;
}

static int analyze_rom(const char *path, const unsigned char *buf, size_t len,
		       struct gi_gpu_list *list, char *err, size_t errlen)
{
	struct gi_vbios *v = malloc(sizeof(*v));
	struct gi_gpu *g;
	int ret = -1;

	if (!v) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	if (!gi_vbios_analyze(v, path, buf, len)) {
		snprintf(err, errlen, "binary data that is not a VBIOS: %s", v->error);
		goto out;
	}
	g = gi_gpu_list_add(list);
	if (!g)
		goto out;
	snprintf(g->file, sizeof(g->file), "%s", path);
	snprintf(g->source, sizeof(g->source), "vbios");
	g->facts = v->facts;
	g->report = v->report;
	g->not_shown = GI_HAVE_CHIP_ID | GI_HAVE_SM_COUNT | GI_HAVE_VRAM |
		       GI_HAVE_BAR1 | GI_HAVE_LINK;
	snprintf(g->vbios_sha256, sizeof(g->vbios_sha256), "%s", v->sha256);
	snprintf(g->vbios_source, sizeof(g->vbios_source), "file");
	if (v->has_nv && v->nv.has_version)
		snprintf(g->bios_version, sizeof(g->bios_version), "%s", v->nv.version_str);
	if (v->has_atom)
		snprintf(g->part_number, sizeof(g->part_number), "%s", v->atom.part_number);
	snprintf(g->note, sizeof(g->note),
		 "a VBIOS file alone: the verdict says only whether it contradicts itself");
	ret = 1;
out:
	free(v);
	return ret;
}

static int analyze_text(const char *path, const char *text, size_t len,
			struct gi_gpu_list *list, char *err, size_t errlen)
{
	struct gi_capture_gpu *caps = calloc(GI_CAPTURE_MAX_GPUS, sizeof(*caps));
	int i, n;

	if (!caps) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	/* lspci without -n: names back to IDs through libpci */
	gi_capture_set_names(&gi_names_reverse);
	n = gi_capture_parse(text, len, caps, GI_CAPTURE_MAX_GPUS, err, errlen);
	if (n == 0)
		snprintf(err, errlen,
			 "nothing gpuident recognises (nvidia-smi, lspci, deviceQuery, "
			 "PyTorch, GPU-Z, /proc/driver/nvidia, a VBIOS or a gpuident capture)");
	for (i = 0; i < n; i++) {
		const struct gi_capture_gpu *c = &caps[i];
		struct gi_gpu *g = gi_gpu_list_add(list);

		if (!g) {
			n = -1;
			snprintf(err, errlen, "out of memory");
			break;
		}
		snprintf(g->address, sizeof(g->address), "%s", c->address);
		snprintf(g->file, sizeof(g->file), "%s", path);
		snprintf(g->source, sizeof(g->source), "%s", c->format);
		g->facts = c->facts;
		g->not_shown = c->not_shown;
		snprintf(g->name, sizeof(g->name), "%s", c->name);
		snprintf(g->bios_version, sizeof(g->bios_version), "%s", c->bios_version);
		snprintf(g->board_part_number, sizeof(g->board_part_number), "%s",
			 c->board_part_number);
		snprintf(g->gpu_part_number, sizeof(g->gpu_part_number), "%s",
			 c->gpu_part_number);
		gi_gpu_classify(g);
	}
	free(caps);
	return n > 0 ? n : -1;
}

int gi_analyze_file(const char *path, struct gi_gpu_list *list, char *err,
		    size_t errlen)
{
	unsigned char *data, *text;
	size_t len;
	int ret;

	if (gi_read_file(path, ANALYZE_MAX_SIZE, &data, &len, err, errlen))
		return -1;
	if (!len) {
		snprintf(err, errlen, "empty");
		free(data);
		return -1;
	}
	if (looks_binary(data, len)) {
		ret = analyze_rom(path, data, len, list, err, errlen);
		free(data);
		return ret;
	}
	text = realloc(data, len + 1);	/* the text readers want a NUL */
	if (!text) {
		free(data);
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	text[len] = '\0';
	if (gi_bundle_is((char *)text, len))
		ret = gi_bundle_read((char *)text, len, path, list, err, errlen);
	else
		ret = analyze_text(path, (char *)text, len, list, err, errlen);
	free(text);
	return ret;
}
