// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The capture bundle: everything gpuident read on a machine, in one text
 * file an auditor can read and `gpuident analyze` reads back to the same
 * verdicts. Format (Documentation/gpuident/capture.rst):
 *
 *   gpuident-capture 1
 *   key: value                 tool and module versions, kernel, date
 *   [gpu 0000:01:00.0]
 *   source: module|direct
 *   attr NAME=VALUE            the module's attributes (or their direct
 *                              equivalents): what analyze classifies
 *   config HEX                 the config space bytes that were readable
 *   rom BASE64                 the VBIOS, when it was readable (root)
 *   end
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/utsname.h>

#include "attrs.h"
#include "bundle.h"
#include "fileio.h"
#include "gpuident/version.h"

#define MAX_ATTRS	80
#define BUNDLE_MAGIC	"gpuident-capture 1"

static const char b64[] =
	"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static void put_base64(FILE *out, const unsigned char *p, size_t n)
{
	size_t i;

	for (i = 0; i + 2 < n; i += 3) {
		unsigned int v = p[i] << 16 | p[i + 1] << 8 | p[i + 2];

		fputc(b64[v >> 18], out);
		fputc(b64[(v >> 12) & 63], out);
		fputc(b64[(v >> 6) & 63], out);
		fputc(b64[v & 63], out);
	}
	if (i < n) {
		unsigned int v = p[i] << 16 | (i + 1 < n ? p[i + 1] << 8 : 0);

		fputc(b64[v >> 18], out);
		fputc(b64[(v >> 12) & 63], out);
		fputc(i + 1 < n ? b64[(v >> 6) & 63] : '=', out);
		fputc('=', out);
	}
}

/* Emit the attributes analyze needs, from a classified gi_gpu. */
static void put_attrs(FILE *out, const struct gi_gpu *g)
{
	const struct gi_facts *f = &g->facts;

#define A(name, fmt, ...) fprintf(out, "attr " name "=" fmt "\n", __VA_ARGS__)
	if (f->have & GI_HAVE_IDS) {
		A("vendor_id", "0x%04x", f->vendor_id);
		A("device_id", "0x%04x", f->device_id);
	}
	if (f->have & GI_HAVE_SUBSYS) {
		A("subsystem_vendor_id", "0x%04x", f->ssvid);
		A("subsystem_device_id", "0x%04x", f->ssid);
	}
	if (f->have & GI_HAVE_REVISION)
		A("revision", "0x%02x", f->revision);
	if (f->have & GI_HAVE_LINK) {
		A("pcie_max_gen", "%u", f->link_gen_max);
		A("pcie_max_width", "%u", f->link_width_max);
	}
	if (f->have & GI_HAVE_BAR1)
		A("bar1_size", "%llu", (unsigned long long)f->bar1_mib << 20);
	if (f->have & GI_HAVE_CHIP_ID)
		A("chip_id", "0x%03x", f->nv_chip_id);
	if (f->have & GI_HAVE_SM_COUNT)
		A("sm_count", "%u", f->sm_count);
	if (f->have & GI_HAVE_VRAM)
		A("vram_size", "%llu", (unsigned long long)f->vram_mib << 20);
	if (f->have & GI_HAVE_ROM) {
		A("vbios_vendor_id", "0x%04x", f->rom_vendor_id);
		A("vbios_device_id", "0x%04x", f->rom_device_id);
	}
	if ((f->have & GI_HAVE_ROM) && f->rom_n_devlist) {
		char list[8 * GI_ARRAY_SIZE(f->rom_devlist) + 1] = "";
		unsigned int i;
		size_t n = 0;

		for (i = 0; i < f->rom_n_devlist && i < GI_ARRAY_SIZE(f->rom_devlist); i++)
			n += snprintf(list + n, sizeof(list) - n, "%s0x%04x",
				      i ? " " : "", f->rom_devlist[i]);
		A("vbios_device_list", "%s", list);
	}
	if (f->have & GI_HAVE_ROM_CHECKSUM)
		A("vbios_checksum", "%s", f->rom_checksum_ok ? "ok" : "bad");
	if (f->have & GI_HAVE_ROM_SUBSYS) {
		A("vbios_subsystem_vendor_id", "0x%04x", f->rom_ssvid);
		A("vbios_subsystem_device_id", "0x%04x", f->rom_ssid);
	}
	if (g->bios_version[0])
		A("vbios_version", "%s", g->bios_version);
	if (g->part_number[0])
		A("vbios_part_number", "%s", g->part_number);
	if (g->vbios_sha256[0])
		A("vbios_sha256", "%s", g->vbios_sha256);
	if (g->vbios_source[0])
		A("vbios_source", "%s", g->vbios_source);
	if (g->registers[0])
		A("registers", "%s", g->registers);
	if (g->module_verdict[0])
		A("verdict", "%s", g->module_verdict);
#undef A
}

static void put_file_hex(FILE *out, const char *tag, const char *path)
{
	unsigned char *data;
	char err[128];
	size_t len, i;

	if (gi_read_file(path, 4096, &data, &len, err, sizeof(err)))
		return;
	fprintf(out, "%s ", tag);
	for (i = 0; i < len; i++)
		fprintf(out, "%02x", data[i]);
	fputc('\n', out);
	free(data);
}

static void put_rom(FILE *out, const struct gi_gpu *g)
{
	char path[512];
	unsigned char *data;
	char err[128];
	size_t len;

	/* the module's copy (root), so the bundle holds what was judged */
	snprintf(path, sizeof(path), "/sys/class/gpuident/%s/vbios", g->address);
	if (gi_read_file(path, 16u << 20, &data, &len, err, sizeof(err)) || !len)
		return;
	fputs("rom ", out);
	put_base64(out, data, len);
	fputc('\n', out);
	free(data);
}

int gi_bundle_write(FILE *out, const struct gi_gpu_list *l, const char *module_version)
{
	struct utsname u;
	char date[32];
	time_t t = time(NULL);
	size_t i;

	strftime(date, sizeof(date), "%Y-%m-%dT%H:%M:%SZ", gmtime(&t));
	fprintf(out, BUNDLE_MAGIC "\n");
	fprintf(out, "tool-version: %s\n", GPUIDENT_VERSION);
	fprintf(out, "module-version: %s\n", module_version ? module_version : "none");
	if (!uname(&u))
		fprintf(out, "kernel: %s %s\n", u.release, u.machine);
	fprintf(out, "date: %s\n", date);
	for (i = 0; i < l->n; i++) {
		const struct gi_gpu *g = &l->v[i];
		char path[512];

		fprintf(out, "\n[gpu %s]\nsource: %s\n", g->address, g->source);
		put_attrs(out, g);
		snprintf(path, sizeof(path), "/sys/bus/pci/devices/%s/config", g->address);
		put_file_hex(out, "config", path);
		put_rom(out, g);
		fputs("end\n", out);
	}
	return ferror(out) ? -1 : 0;
}

bool gi_bundle_is(const char *data, size_t len)
{
	size_t n = strlen(BUNDLE_MAGIC);

	return len >= n && !memcmp(data, BUNDLE_MAGIC, n);
}

/* "dddd:bb:dd.f]": anything else in a hand-edited bundle is dropped. */
static bool valid_address(const char *s)
{
	static const char shape[] = "xxxx:xx:xx.x]";
	size_t i;

	for (i = 0; shape[i]; i++) {
		if (shape[i] == 'x' ? !isxdigit((unsigned char)s[i]) ||
				      isupper((unsigned char)s[i]) :
				      s[i] != shape[i])
			return false;
	}
	return true;
}

struct attr_map {
	const char *name[MAX_ATTRS];
	const char *value[MAX_ATTRS];
	int n;
};

static const char *map_get(void *ctx, const char *name)
{
	struct attr_map *m = ctx;
	int i;

	for (i = 0; i < m->n; i++)
		if (!strcmp(m->name[i], name))
			return m->value[i];
	return NULL;
}

int gi_bundle_read(char *data, size_t len, const char *file,
		   struct gi_gpu_list *list, char *err, size_t errlen)
{
	char *line, *save = NULL;
	struct attr_map map = { .n = 0 };
	struct gi_gpu *g = NULL;
	int found = 0;

	if (!gi_bundle_is(data, len)) {
		snprintf(err, errlen, "not a gpuident capture");
		return -1;
	}
	for (line = strtok_r(data, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		line[strcspn(line, "\r")] = '\0';
		if (!strncmp(line, "[gpu ", 5)) {
			g = gi_gpu_list_add(list);
			if (!g) {
				snprintf(err, errlen, "out of memory");
				return -1;
			}
			if (valid_address(line + 5))
				snprintf(g->address, sizeof(g->address), "%.12s",
					 line + 5);
			snprintf(g->file, sizeof(g->file), "%s", file);
			snprintf(g->source, sizeof(g->source), "capture");
			map.n = 0;
		} else if (g && !strncmp(line, "attr ", 5) && map.n < MAX_ATTRS) {
			char *eq = strchr(line + 5, '=');

			if (!eq)
				continue;
			*eq = '\0';
			map.name[map.n] = line + 5;
			map.value[map.n++] = eq + 1;
		} else if (g && !strcmp(line, "end")) {
			if (gi_gpu_from_attrs(g, map_get, &map) == 0)
				found++;
			g = NULL;
		}
	}
	if (g) {	/* cut off before "end": use what there is, and say so */
		if (gi_gpu_from_attrs(g, map_get, &map) == 0)
			found++;
		snprintf(g->note, sizeof(g->note), "the capture is truncated");
	}
	return found;
}
