// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The tool's outputs: the table a person reads, JSON for scripts (built
 * with json-c, never printf) and Prometheus text for node_exporter.
 */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "gpuident/kb.h"
#include "gpuident/version.h"
#include "names.h"
#include "output.h"
#include "vbios.h"

#define JSON_SCHEMA_VERSION 1

static const char *product_of(const struct gi_gpu *g, char *buf, size_t n)
{
	const struct gi_facts *f = &g->facts;

	if (g->report.sku)
		return g->report.sku->product;
	if (f->have & GI_HAVE_IDS)
		return gi_name_device(f->vendor_id, f->device_id, buf, n);
	return g->name[0] ? g->name : "?";
}

static const char *board_of(const struct gi_gpu *g, bool numeric, char *buf,
			    size_t n)
{
	const struct gi_facts *f = &g->facts;
	const struct gi_board_vendor *v;
	const struct gi_board *b;

	if (!(f->have & GI_HAVE_SUBSYS) || !(f->have & GI_HAVE_IDS))
		return NULL;
	if (numeric) {
		snprintf(buf, n, "%04x:%04x", f->ssvid, f->ssid);
		return buf;
	}
	v = gi_kb_board_vendor(f->ssvid);
	b = gi_kb_board(f->vendor_id, f->device_id, f->ssvid, f->ssid);
	if (v || b)
		return gi_kb_board_label(v, b, buf, n);
	return gi_name_vendor(f->ssvid, buf, n);
}

static const char *verdict_color(enum gi_verdict v)
{
	switch (v) {
	case GI_VERDICT_ORIGINAL:
		return "\033[32m";
	case GI_VERDICT_REGIONAL:
		return "\033[36m";
	case GI_VERDICT_UNKNOWN:
		return "\033[33m";
	default:
		return "\033[1;31m";
	}
}

static const char *have_name(u32 bit)
{
	switch (bit) {
	case GI_HAVE_IDS: return "pci_ids";
	case GI_HAVE_SUBSYS: return "subsystem_id";
	case GI_HAVE_REVISION: return "revision";
	case GI_HAVE_CHIP_ID: return "chip_id";
	case GI_HAVE_SM_COUNT: return "sm_count";
	case GI_HAVE_VRAM: return "vram";
	case GI_HAVE_BAR1: return "bar1";
	case GI_HAVE_ROM: return "vbios";
	case GI_HAVE_BIOS_VERSION: return "vbios_version";
	case GI_HAVE_ROM_SUBSYS: return "vbios_subsystem_id";
	case GI_HAVE_ECC: return "ecc_mode";
	case GI_HAVE_LINK: return "pcie_link";
	case GI_HAVE_ROM_CHECKSUM: return "vbios_checksum";
	case GI_HAVE_PART_NUMBER: return "vbios_part_number";
	}
	return NULL;
}

void gi_output_table(FILE *out, const struct gi_gpu_list *l,
		     const struct gi_output_opts *o)
{
	char pbuf[128], bbuf[128], vram[24];
	size_t i;

	fprintf(out, "%-13s %-30s %-24s %9s  %-15s %s\n", "ADDRESS", "PRODUCT",
		"BOARD", "VRAM", "VBIOS", "VERDICT");
	for (i = 0; i < l->n; i++) {
		const struct gi_gpu *g = &l->v[i];
		const struct gi_facts *f = &g->facts;
		const char *board = board_of(g, o->numeric, bbuf, sizeof(bbuf));
		const char *product = product_of(g, pbuf, sizeof(pbuf));
		const char *vb = g->bios_version[0] ? g->bios_version :
				 g->part_number[0] ? g->part_number : "-";
		u32 bit;

		if (o->numeric && (f->have & GI_HAVE_IDS)) {
			snprintf(pbuf, sizeof(pbuf), "%04x:%04x", f->vendor_id,
				 f->device_id);
			product = pbuf;
		}
		if (f->have & GI_HAVE_VRAM)
			snprintf(vram, sizeof(vram), "%.1f GiB", f->vram_mib / 1024.0);
		else
			snprintf(vram, sizeof(vram), "-");
		fprintf(out, "%-13s %-30.30s %-24.24s %9s  %-15.15s %s%s%s", g->address[0] ?
			g->address : "-", product, board ? board : "-", vram, vb,
			o->color ? verdict_color(g->report.verdict) : "",
			gi_verdict_name(g->report.verdict), o->color ? "\033[0m" : "");
		if (g->report.verdict != GI_VERDICT_UNKNOWN)
			fprintf(out, " (%u%%)", g->report.confidence);
		if (g->report.base_sku)
			fprintf(out, ", variant of %s", g->report.base_sku->product);
		fputc('\n', out);
		if (!o->verbose)
			continue;
		if (g->file[0])
			fprintf(out, "    from %s (%s)\n", g->file, g->source);
		gi_report_print(out, &g->report, true, "    ");
		if (g->not_shown) {
			fprintf(out, "    not shown by this input:");
			for (bit = 1; bit; bit <<= 1)
				if ((g->not_shown & bit) && have_name(bit))
					fprintf(out, " %s", have_name(bit));
			fputc('\n', out);
		}
		if (g->note[0])
			fprintf(out, "    note: %s\n", g->note);
	}
}

static json_object *str_or_null(const char *s)
{
	return s && *s ? gi_json_text(s) : NULL;
}

static json_object *gpu_json(const struct gi_gpu *g, const struct gi_output_opts *o)
{
	const struct gi_facts *f = &g->facts;
	const struct gi_sku *sku = g->report.sku;
	json_object *j = json_object_new_object(), *a, *rep;
	char buf[128];
	u32 bit;
	unsigned int i;
	bool ids = f->have & GI_HAVE_IDS, sub = f->have & GI_HAVE_SUBSYS;

	json_object_object_add(j, "address", str_or_null(g->address));
	json_object_object_add(j, "source", str_or_null(g->source));
	if (g->file[0])
		json_object_object_add(j, "file", gi_json_text(g->file));
	json_object_object_add(j, "vendor_id", ids ? gi_json_hex16(f->vendor_id) : NULL);
	json_object_object_add(j, "device_id", ids ? gi_json_hex16(f->device_id) : NULL);
	json_object_object_add(j, "subsystem_vendor_id", sub ? gi_json_hex16(f->ssvid) : NULL);
	json_object_object_add(j, "subsystem_device_id", sub ? gi_json_hex16(f->ssid) : NULL);
	json_object_object_add(j, "vendor", ids && !o->numeric ?
			       json_object_new_string(gi_name_vendor(f->vendor_id, buf, sizeof(buf))) :
			       NULL);
	json_object_object_add(j, "product", ids || g->name[0] ?
			       gi_json_text(product_of(g, buf, sizeof(buf))) : NULL);
	json_object_object_add(j, "product_known", json_object_new_boolean(sku != NULL));
	json_object_object_add(j, "name_reported", str_or_null(g->name));
	json_object_object_add(j, "chip", sku ? str_or_null(sku->chip) : NULL);
	json_object_object_add(j, "board", str_or_null(board_of(g, o->numeric, buf, sizeof(buf))));
	json_object_object_add(j, "verdict",
			       json_object_new_string(gi_verdict_name(g->report.verdict)));
	json_object_object_add(j, "confidence", json_object_new_int(g->report.confidence));
	json_object_object_add(j, "suspicious",
			       json_object_new_boolean(gi_verdict_suspicious(g->report.verdict)));
	json_object_object_add(j, "regional",
			       json_object_new_boolean(sku && (sku->flags & GI_SKU_REGIONAL)));
	json_object_object_add(j, "base_product", g->report.base_sku ?
			       json_object_new_string(g->report.base_sku->product) : NULL);
	rep = gi_report_json(&g->report);
	json_object_object_add(j, "findings",
			       json_object_get(json_object_object_get(rep, "findings")));
	json_object_put(rep);
	json_object_object_add(j, "vram_mib", f->have & GI_HAVE_VRAM ?
			       json_object_new_int64(f->vram_mib) : NULL);
	a = json_object_new_array();
	for (i = 0; sku && i < GI_SKU_MAX_VRAM && sku->vram_mib[i]; i++)
		json_object_array_add(a, json_object_new_int64(sku->vram_mib[i]));
	json_object_object_add(j, "vram_expected_mib", a);
	json_object_object_add(j, "bar1_mib", f->have & GI_HAVE_BAR1 ?
			       json_object_new_int64(f->bar1_mib) : NULL);
	json_object_object_add(j, "sm_count", f->have & GI_HAVE_SM_COUNT ?
			       json_object_new_int(f->sm_count) : NULL);
	json_object_object_add(j, "sm_count_expected", sku && sku->units ?
			       json_object_new_int(sku->units) : NULL);
	if (f->have & GI_HAVE_CHIP_ID)
		snprintf(buf, sizeof(buf), "0x%03x", f->nv_chip_id);
	json_object_object_add(j, "chip_id", f->have & GI_HAVE_CHIP_ID ?
			       json_object_new_string(buf) : NULL);
	json_object_object_add(j, "pcie_max_gen", f->have & GI_HAVE_LINK ?
			       json_object_new_int(f->link_gen_max) : NULL);
	json_object_object_add(j, "pcie_max_width", f->have & GI_HAVE_LINK ?
			       json_object_new_int(f->link_width_max) : NULL);
	json_object_object_add(j, "vbios_version", str_or_null(g->bios_version));
	json_object_object_add(j, "vbios_part_number", str_or_null(g->part_number));
	json_object_object_add(j, "vbios_sha256", str_or_null(g->vbios_sha256));
	json_object_object_add(j, "vbios_source", str_or_null(g->vbios_source));
	json_object_object_add(j, "vbios_device_id", f->have & GI_HAVE_ROM ?
			       gi_json_hex16(f->rom_device_id) : NULL);
	json_object_object_add(j, "board_part_number", str_or_null(g->board_part_number));
	json_object_object_add(j, "gpu_part_number", str_or_null(g->gpu_part_number));
	a = json_object_new_array();
	for (bit = 1; bit; bit <<= 1)
		if ((g->not_shown & bit) && have_name(bit))
			json_object_array_add(a, json_object_new_string(have_name(bit)));
	json_object_object_add(j, "not_shown", a);
	json_object_object_add(j, "registers", str_or_null(g->registers));
	json_object_object_add(j, "module_verdict", str_or_null(g->module_verdict));
	json_object_object_add(j, "note", str_or_null(g->note));
	return j;
}

json_object *gi_output_json(const struct gi_gpu_list *l,
			    const struct gi_output_opts *o)
{
	json_object *root = json_object_new_object(), *a = json_object_new_array();
	size_t i;

	json_object_object_add(root, "gpuident_version",
			       json_object_new_string(GPUIDENT_VERSION));
	json_object_object_add(root, "schema", json_object_new_int(JSON_SCHEMA_VERSION));
	for (i = 0; i < l->n; i++)
		json_object_array_add(a, gpu_json(&l->v[i], o));
	json_object_object_add(root, "gpus", a);
	return root;
}

/*
 * Label values: valid UTF-8, with backslash, double quote and newline
 * escaped.
 */
static void label(FILE *out, const char *name, const char *value, bool first)
{
	char *c = strdup(value ? value : ""), *p;

	fprintf(out, "%s%s=\"", first ? "" : ",", name);
	if (c)
		gi_utf8_clean(c);
	for (p = c; p && *p; p++) {
		if (*p == '\\' || *p == '"')
			fprintf(out, "\\%c", *p);
		else if (*p == '\n')
			fputs("\\n", out);
		else
			fputc(*p, out);
	}
	free(c);
	fputc('"', out);
}

/*
 * What tells the series of one GPU from another's: its address and, for
 * analyze, the file it came from (captures from several machines share
 * addresses such as 0000:01:00.0, and node_exporter refuses a file with
 * duplicate series).
 */
static void gpu_key(FILE *out, const struct gi_gpu *g, size_t idx)
{
	char buf[32];

	if (!g->address[0])
		snprintf(buf, sizeof(buf), "gpu%zu", idx);
	label(out, "address", g->address[0] ? g->address : buf, true);
	if (g->file[0])
		label(out, "file", g->file, false);
}

#define METRIC(out, name, type, help) \
	fprintf(out, "# HELP %s %s\n# TYPE %s %s\n", name, help, name, type)

void gi_output_prometheus(FILE *out, const struct gi_gpu_list *l)
{
	char buf[128], hex[8];
	size_t i;
	int v;

	METRIC(out, "gpuident_gpus", "gauge", "Display-class devices gpuident reported.");
	fprintf(out, "gpuident_gpus %zu\n", l->n);

	METRIC(out, "gpuident_info", "gauge",
	       "Identity of each GPU; always 1, the labels carry the facts.");
	for (i = 0; i < l->n; i++) {
		const struct gi_gpu *g = &l->v[i];
		const struct gi_facts *f = &g->facts;

		fputs("gpuident_info{", out);
		gpu_key(out, g, i);
		snprintf(hex, sizeof(hex), "%04x", f->vendor_id);
		label(out, "vendor_id", f->have & GI_HAVE_IDS ? hex : "", false);
		snprintf(hex, sizeof(hex), "%04x", f->device_id);
		label(out, "device_id", f->have & GI_HAVE_IDS ? hex : "", false);
		snprintf(hex, sizeof(hex), "%04x", f->ssvid);
		label(out, "subsystem_vendor_id", f->have & GI_HAVE_SUBSYS ? hex : "", false);
		snprintf(hex, sizeof(hex), "%04x", f->ssid);
		label(out, "subsystem_device_id", f->have & GI_HAVE_SUBSYS ? hex : "", false);
		label(out, "product", product_of(g, buf, sizeof(buf)), false);
		label(out, "vbios_version", g->bios_version[0] ? g->bios_version :
		      g->part_number, false);
		label(out, "verdict", gi_verdict_name(g->report.verdict), false);
		label(out, "source", g->source, false);
		fputs("} 1\n", out);
	}

	METRIC(out, "gpuident_verdict", "gauge",
	       "1 for the GPU's verdict, 0 for every other verdict.");
	for (i = 0; i < l->n; i++) {
		for (v = 0; v < GI_VERDICT_COUNT; v++) {
			fputs("gpuident_verdict{", out);
			gpu_key(out, &l->v[i], i);
			label(out, "verdict", gi_verdict_name(v), false);
			fprintf(out, "} %d\n", l->v[i].report.verdict == (enum gi_verdict)v);
		}
	}

	METRIC(out, "gpuident_suspicious", "gauge",
	       "1 if the GPU was found transplanted, modified or relabelled.");
	for (i = 0; i < l->n; i++) {
		fputs("gpuident_suspicious{", out);
		gpu_key(out, &l->v[i], i);
		fprintf(out, "} %d\n", gi_verdict_suspicious(l->v[i].report.verdict));
	}

	METRIC(out, "gpuident_regional", "gauge",
	       "1 if the GPU is a China-market or export-compliance variant.");
	for (i = 0; i < l->n; i++) {
		const struct gi_sku *s = l->v[i].report.sku;

		fputs("gpuident_regional{", out);
		gpu_key(out, &l->v[i], i);
		fprintf(out, "} %d\n", s && (s->flags & GI_SKU_REGIONAL) ? 1 : 0);
	}

	METRIC(out, "gpuident_confidence_ratio", "gauge",
	       "Confidence in the verdict, 0 to 1.");
	for (i = 0; i < l->n; i++) {
		fputs("gpuident_confidence_ratio{", out);
		gpu_key(out, &l->v[i], i);
		fprintf(out, "} %.2f\n", l->v[i].report.confidence / 100.0);
	}

	METRIC(out, "gpuident_check_failed", "gauge",
	       "Per check that ran: 1 if it failed, 0 if it passed or was informational.");
	for (i = 0; i < l->n; i++) {
		const struct gi_report *r = &l->v[i].report;
		unsigned int k;

		for (k = 0; k < r->n_findings; k++) {
			fputs("gpuident_check_failed{", out);
			gpu_key(out, &l->v[i], i);
			label(out, "check", gi_check_name(r->findings[k].check), false);
			fprintf(out, "} %d\n", r->findings[k].result == GI_RESULT_FAIL);
		}
	}

	METRIC(out, "gpuident_vram_bytes", "gauge",
	       "Video memory as the source reported it, in bytes.");
	for (i = 0; i < l->n; i++) {
		if (!(l->v[i].facts.have & GI_HAVE_VRAM))
			continue;
		fputs("gpuident_vram_bytes{", out);
		gpu_key(out, &l->v[i], i);
		fprintf(out, "} %llu\n", (unsigned long long)l->v[i].facts.vram_mib << 20);
	}

	METRIC(out, "gpuident_sm_count", "gauge", "Enabled streaming multiprocessors.");
	for (i = 0; i < l->n; i++) {
		if (!(l->v[i].facts.have & GI_HAVE_SM_COUNT))
			continue;
		fputs("gpuident_sm_count{", out);
		gpu_key(out, &l->v[i], i);
		fprintf(out, "} %u\n", l->v[i].facts.sm_count);
	}
}

int gi_write_atomic(const char *path, const char *text, size_t len,
		    char *err, size_t errlen)
{
	char *dircopy = strdup(path), tmp[4096];
	size_t done = 0;
	int fd;

	if (!dircopy) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	snprintf(tmp, sizeof(tmp), "%s/.gpuident.XXXXXX", dirname(dircopy));
	free(dircopy);
	fd = mkstemp(tmp);
	if (fd < 0) {
		snprintf(err, errlen, "cannot create a file next to %s: %s", path,
			 strerror(errno));
		return -1;
	}
	while (done < len) {
		ssize_t n = write(fd, text + done, len - done);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		done += n;
	}
	/* node_exporter runs as another user: the file must be readable */
	if (done < len || fchmod(fd, 0644) || fsync(fd)) {
		snprintf(err, errlen, "cannot write %s: %s", tmp, strerror(errno));
		close(fd);
		unlink(tmp);
		return -1;
	}
	if (close(fd) || rename(tmp, path)) {
		snprintf(err, errlen, "cannot write %s: %s", path, strerror(errno));
		unlink(tmp);
		return -1;
	}
	return 0;
}
