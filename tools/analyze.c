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

/*
 * Disagreements between the inputs about one device: what a card shows
 * once cannot differ, so one input is not what the card shows (edited,
 * or of another card). Only the first value was classified: the verdict
 * cannot be clean. Link and ECC can change between reads: information.
 */
#define SOFT_CONFLICTS	(GI_HAVE_LINK | GI_HAVE_ECC)

static void report_conflicts(struct gi_gpu *g, const struct gi_capture_gpu *c)
{
	struct gi_report *r = &g->report;
	bool hard = c->conflicts & ~SOFT_CONFLICTS;
	struct gi_finding *f;

	if (!c->conflicts)
		return;
	/* the last slot gives way: this finding decides the verdict */
	if (r->n_findings == GI_MAX_FINDINGS)
		r->n_findings--;
	f = &r->findings[r->n_findings++];
	memset(f, 0, sizeof(*f));
	f->check = GI_CHECK_SOURCES_AGREE;
	f->result = hard ? GI_RESULT_FAIL : GI_RESULT_INFO;
	f->suggests = GI_VERDICT_UNKNOWN;
	f->weight = hard ? GI_WEIGHT_STRONG : GI_WEIGHT_NONE;
	snprintf(f->observed, sizeof(f->observed), "%s", c->conflict);
	snprintf(f->expected, sizeof(f->expected), "one value in every input");
	snprintf(f->note, sizeof(f->note), "%s",
		 hard ? "the inputs disagree about one device: one of them is not what the card shows" :
			"the inputs disagree; link and ECC can change between reads");
	if (hard && (r->verdict == GI_VERDICT_ORIGINAL ||
		     r->verdict == GI_VERDICT_REGIONAL)) {
		r->verdict = GI_VERDICT_UNKNOWN;
		r->confidence = 0;
	}
}

static void fill(struct gi_gpu *g, const struct gi_capture_gpu *c)
{
	snprintf(g->address, sizeof(g->address), "%s", c->address);
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
	report_conflicts(g, c);
}

/*
 * The text records of the files analysed since the last
 * gi_analyze_merge(), with the list entry each became. The tool is one
 * thread and one analyze call.
 */
static struct {
	struct gi_capture_gpu *cap;
	size_t *at;
	int n, alloc;
} pending;

static void remember(const struct gi_capture_gpu *c, size_t at)
{
	if (pending.n == pending.alloc) {
		int na = pending.alloc ? pending.alloc * 2 : 16;
		struct gi_capture_gpu *nc;
		size_t *nat;

		/* beyond what merging handles: later records stay as they are */
		if (na > 4 * GI_CAPTURE_MAX_GPUS)
			return;
		nc = realloc(pending.cap, (size_t)na * sizeof(*nc));
		if (!nc)
			return;
		pending.cap = nc;
		nat = realloc(pending.at, (size_t)na * sizeof(*nat));
		if (!nat)
			return;
		pending.at = nat;
		pending.alloc = na;
	}
	pending.cap[pending.n] = *c;
	pending.at[pending.n++] = at;
}

static void forget_pending(void)
{
	free(pending.cap);
	free(pending.at);
	memset(&pending, 0, sizeof(pending));
}

/* "a.txt" then "b.txt": "a.txt+b.txt" (each file once). */
static void add_file(char *dst, size_t n, const char *file)
{
	size_t dl = strlen(dst), fl = strlen(file);
	const char *p;

	for (p = dst; (p = strstr(p, file)); p++)
		if ((p == dst || p[-1] == '+') && (p[fl] == '+' || !p[fl]))
			return;
	snprintf(dst + dl, n - dl, "+%s", file);
}

void gi_analyze_merge(struct gi_gpu_list *list)
{
	int *into = NULL, i, j, m, n = pending.n;
	bool *drop = NULL;
	size_t k, w;

	if (n < 2)
		goto out;
	into = calloc((size_t)n, sizeof(*into));
	drop = calloc(list->n, sizeof(*drop));
	if (!into || !drop)
		goto out;
	m = gi_capture_merge(pending.cap, n, into);
	if (m == n)
		goto out;
	for (i = 0; i < m; i++) {
		struct gi_gpu *g = NULL;

		for (j = 0; j < n; j++) {
			struct gi_gpu *e = &list->v[pending.at[j]];

			if (into[j] != i)
				continue;
			if (!g) {
				g = e;
				continue;
			}
			add_file(g->file, sizeof(g->file), e->file);
			drop[pending.at[j]] = true;
		}
		if (g)
			fill(g, &pending.cap[i]);
	}
	for (k = 0, w = 0; k < list->n; k++)
		if (!drop[k])
			list->v[w++] = list->v[k];
	list->n = w;
out:
	free(into);
	free(drop);
	forget_pending();
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
		snprintf(g->file, sizeof(g->file), "%s", path);
		fill(g, c);
		remember(c, (size_t)(g - list->v));
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
