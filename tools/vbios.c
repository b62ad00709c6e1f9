// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * `gpuident vbios`: what a VBIOS file says about itself, and whether it is
 * consistent on its own (the claimed identity is its first image's PCIR).
 */
#include <sha2.h>
#include <stdlib.h>
#include <string.h>

#include "fileio.h"
#include "gpu.h"
#include "vbios.h"

bool gi_vbios_analyze(struct gi_vbios *v, const char *name,
		      const unsigned char *buf, size_t len)
{
	enum gi_status st;

	memset(v, 0, sizeof(*v));
	v->name = name;
	v->size = len;
	SHA256Data(buf, len, v->sha256);

	st = gi_rom_parse(&v->rom, buf, len);
	if (st != GI_OK) {
		snprintf(v->error, sizeof(v->error), "not a VBIOS: %s",
			 gi_strerror(st));
		return false;
	}
	v->has_nv = gi_nvbios_parse(&v->nv, &v->rom, buf, len) == GI_OK;
	v->has_atom = gi_atombios_parse(&v->atom, &v->rom, buf, len) == GI_OK;

	v->facts.origin = GI_ORIGIN_ROM_FILE;
	gi_facts_add_rom(&v->facts, &v->rom, v->has_nv ? &v->nv : NULL,
			 v->has_atom ? &v->atom : NULL);
	gi_classify(&v->facts, &v->report);
	return true;
}

bool gi_vbios_load(struct gi_vbios *v, const char *path)
{
	unsigned char *buf;
	char err[128];
	size_t len;
	bool ok;

	if (gi_read_file(path, GI_ROM_MAX_SIZE, &buf, &len, err, sizeof(err))) {
		memset(v, 0, sizeof(*v));
		v->name = path;
		snprintf(v->error, sizeof(v->error), "%s", err);
		return false;
	}
	ok = gi_vbios_analyze(v, path, buf, len);
	free(buf);
	return ok;
}

json_object *gi_json_hex16(unsigned int v)
{
	char s[8];

	snprintf(s, sizeof(s), "%04x", v & 0xffff);
	return json_object_new_string(s);
}

static json_object *hex32(unsigned int v)
{
	char s[12];

	snprintf(s, sizeof(s), "0x%x", v);
	return json_object_new_string(s);
}

json_object *gi_json_text(const char *s)
{
	char *c = strdup(s);
	json_object *j;

	if (!c)
		return NULL;
	gi_utf8_clean(c);
	j = json_object_new_string(c);
	free(c);
	return j;
}

/* A string, or null when empty. */
static json_object *str_or_null(const char *s)
{
	return s && *s ? gi_json_text(s) : NULL;
}

static const char *checksum_name(enum gi_checksum c)
{
	switch (c) {
	case GI_CSUM_NONE:
		return NULL;
	case GI_CSUM_OK:
		return "ok";
	case GI_CSUM_BAD:
		return "bad";
	case GI_CSUM_DISABLED:
		return "disabled";
	case GI_CSUM_TRUNCATED:
		return "truncated";
	}
	return NULL;
}

static json_object *image_json(const struct gi_rom_image *img)
{
	json_object *o = json_object_new_object();
	json_object *dl;
	unsigned int i;

	json_object_object_add(o, "offset", json_object_new_int64(img->offset));
	json_object_object_add(o, "vendor_id", gi_json_hex16(img->vendor_id));
	json_object_object_add(o, "device_id", gi_json_hex16(img->device_id));
	json_object_object_add(o, "code_type", json_object_new_int(img->code_type));
	json_object_object_add(o, "code_name",
			       json_object_new_string(gi_rom_code_name(img->code_type)));
	json_object_object_add(o, "length", json_object_new_int64(img->length));
	json_object_object_add(o, "last", json_object_new_boolean(img->last));
	json_object_object_add(o, "set", json_object_new_int(img->set));
	json_object_object_add(o, "pcir_signature",
			       json_object_new_string(img->pcir_sig));
	json_object_object_add(o, "pcir_revision", json_object_new_int(img->pcir_rev));
	json_object_object_add(o, "class_code", hex32(img->class_code));
	if (img->n_devlist) {
		dl = json_object_new_array();
		for (i = 0; i < img->n_devlist; i++)
			json_object_array_add(dl, gi_json_hex16(img->devlist[i]));
		json_object_object_add(o, "device_list", dl);
	}
	if (img->has_npde)
		json_object_object_add(o, "npde_revision", hex32(img->npde_rev));
	json_object_object_add(o, "checksum",
			       str_or_null(checksum_name(img->checksum)));
	return o;
}

static json_object *warnings_json(u32 warnings)
{
	json_object *a = json_object_new_array();
	u32 bit;

	for (bit = 1; bit; bit <<= 1)
		if (warnings & bit)
			json_object_array_add(a,
				json_object_new_string(gi_rom_warning_name(bit) ?
						       gi_rom_warning_name(bit) : "?"));
	return a;
}

json_object *gi_report_json(const struct gi_report *r)
{
	json_object *o = json_object_new_object(), *a = json_object_new_array();
	unsigned int i;

	json_object_object_add(o, "verdict",
			       json_object_new_string(gi_verdict_name(r->verdict)));
	json_object_object_add(o, "confidence", json_object_new_int(r->confidence));
	for (i = 0; i < r->n_findings; i++) {
		const struct gi_finding *f = &r->findings[i];
		json_object *fo = json_object_new_object();

		json_object_object_add(fo, "check",
				       json_object_new_string(gi_check_name(f->check)));
		json_object_object_add(fo, "result",
				       json_object_new_string(gi_result_name(f->result)));
		json_object_object_add(fo, "suggests",
				       f->result == GI_RESULT_PASS ? NULL :
				       json_object_new_string(gi_verdict_name(f->suggests)));
		json_object_object_add(fo, "weight",
				       json_object_new_string(gi_weight_name(f->weight)));
		json_object_object_add(fo, "observed", str_or_null(f->observed));
		json_object_object_add(fo, "expected", str_or_null(f->expected));
		json_object_object_add(fo, "note", str_or_null(f->note));
		json_object_array_add(a, fo);
	}
	json_object_object_add(o, "findings", a);
	return o;
}

static void add_nvidia(json_object *o, const struct gi_vbios *v)
{
	json_object *nv = json_object_new_object();

	json_object_object_add(nv, "bit_offset", json_object_new_int64(v->nv.bit_offset));
	json_object_object_add(nv, "bit_checksum_ok",
			       json_object_new_boolean(v->nv.bit_checksum_ok));
	json_object_object_add(nv, "signon", str_or_null(v->nv.signon));
	json_object_object_add(nv, "version_string", str_or_null(v->nv.version_string));
	json_object_object_add(nv, "oem", str_or_null(v->nv.oem));
	json_object_object_add(nv, "oem_vendor", str_or_null(v->nv.oem_vendor));
	json_object_object_add(nv, "oem_product", str_or_null(v->nv.oem_product));
	json_object_object_add(nv, "oem_revision", str_or_null(v->nv.oem_revision));
	json_object_object_add(nv, "build_date", str_or_null(v->nv.build_date));
	json_object_object_add(o, "nvidia", nv);
}

static void add_amd(json_object *o, const struct gi_vbios *v)
{
	json_object *ab = json_object_new_object();

	json_object_object_add(ab, "asic", str_or_null(v->atom.asic));
	json_object_object_add(ab, "bus", str_or_null(v->atom.bus));
	json_object_object_add(ab, "memory_type", str_or_null(v->atom.mem_type));
	json_object_object_add(ab, "description", str_or_null(v->atom.description));
	json_object_object_add(ab, "version", str_or_null(v->atom.version));
	json_object_object_add(ab, "date", str_or_null(v->atom.date));
	json_object_object_add(ab, "subsystem_vendor_id", gi_json_hex16(v->atom.ssvid));
	json_object_object_add(ab, "subsystem_device_id", gi_json_hex16(v->atom.ssid));
	json_object_object_add(o, "amd", ab);
}

json_object *gi_vbios_json(const struct gi_vbios *v)
{
	json_object *o = json_object_new_object(), *imgs;
	const struct gi_rom *rom = &v->rom;
	const struct gi_sku *sku = v->report.sku;
	unsigned int i;

	json_object_object_add(o, "file", gi_json_text(v->name));
	if (v->error[0] && !v->sha256[0]) {
		json_object_object_add(o, "error", json_object_new_string(v->error));
		return o;
	}
	json_object_object_add(o, "size", json_object_new_int64(v->size));
	json_object_object_add(o, "sha256", json_object_new_string(v->sha256));
	if (v->error[0]) {
		json_object_object_add(o, "error", json_object_new_string(v->error));
		return o;
	}
	json_object_object_add(o, "vendor_id", gi_json_hex16(rom->images[0].vendor_id));
	json_object_object_add(o, "device_id", gi_json_hex16(rom->images[0].device_id));
	json_object_object_add(o, "product", sku ? json_object_new_string(sku->product) : NULL);
	json_object_object_add(o, "chip", sku ? json_object_new_string(sku->chip) : NULL);
	json_object_object_add(o, "bios_version",
			       v->has_nv && v->nv.has_version ?
			       json_object_new_string(v->nv.version_str) : NULL);
	json_object_object_add(o, "part_number",
			       v->has_atom ? str_or_null(v->atom.part_number) : NULL);
	json_object_object_add(o, "layout",
			       json_object_new_string(gi_rom_layout_name(rom->layout)));
	json_object_object_add(o, "first_image_offset",
			       json_object_new_int64(rom->first_image));
	if (rom->ifr.present) {
		json_object *ifr = json_object_new_object();

		json_object_object_add(ifr, "version", json_object_new_int(rom->ifr.version));
		json_object_object_add(ifr, "subsystem_vendor_id", gi_json_hex16(rom->ifr.ssvid));
		json_object_object_add(ifr, "subsystem_device_id", gi_json_hex16(rom->ifr.ssid));
		json_object_object_add(o, "ifr", ifr);
	}
	if (rom->layout == GI_LAYOUT_SCANNED)
		json_object_object_add(o, "header_signature", hex32(rom->header_sig));
	imgs = json_object_new_array();
	for (i = 0; i < rom->n_images; i++)
		json_object_array_add(imgs, image_json(&rom->images[i]));
	json_object_object_add(o, "images", imgs);
	json_object_object_add(o, "image_sets", json_object_new_int(rom->n_sets));
	json_object_object_add(o, "warnings", warnings_json(rom->warnings));
	if (v->has_nv)
		add_nvidia(o, v);
	if (v->has_atom)
		add_amd(o, v);
	json_object_object_add(o, "assessment", gi_report_json(&v->report));
	return o;
}

void gi_report_print(FILE *out, const struct gi_report *r, bool verbose,
		     const char *indent)
{
	unsigned int i;

	for (i = 0; i < r->n_findings; i++) {
		const struct gi_finding *f = &r->findings[i];

		if (!verbose && f->result != GI_RESULT_FAIL)
			continue;
		fprintf(out, "%s%-4s %-14s %s", indent, gi_result_name(f->result),
			gi_check_name(f->check), f->observed);
		if (f->expected[0])
			fprintf(out, " (expected %s)", f->expected);
		if (f->note[0])
			fprintf(out, ": %s", f->note);
		fputc('\n', out);
	}
}

void gi_vbios_print(FILE *out, const struct gi_vbios *v, bool verbose)
{
	const struct gi_rom *rom = &v->rom;
	const struct gi_sku *sku = v->report.sku;
	unsigned int i;
	u32 bit;

	fprintf(out, "%s\n", v->name);
	fprintf(out, "  size       %zu bytes\n  sha256     %s\n", v->size, v->sha256);
	fprintf(out, "  layout     %s, first image at 0x%x", gi_rom_layout_name(rom->layout),
		rom->first_image);
	if (rom->ifr.present)
		fprintf(out, ", IFR v%u, board %04x:%04x", rom->ifr.version,
			rom->ifr.ssvid, rom->ifr.ssid);
	fputc('\n', out);
	fprintf(out, "  device     %04x:%04x%s%s%s%s\n", rom->images[0].vendor_id,
		rom->images[0].device_id, sku ? " " : "", sku ? sku->product : "",
		sku ? " / " : "", sku ? sku->chip : "");
	if (v->has_nv) {
		if (v->nv.has_version)
			fprintf(out, "  version    %s\n", v->nv.version_str);
		if (v->nv.signon[0])
			fprintf(out, "  sign-on    %s\n", v->nv.signon);
		if (v->nv.oem_vendor[0] || v->nv.oem_product[0])
			fprintf(out, "  oem        %s %s\n", v->nv.oem_vendor,
				v->nv.oem_product);
		if (v->nv.build_date[0])
			fprintf(out, "  built      %s\n", v->nv.build_date);
	}
	if (v->has_atom) {
		fprintf(out, "  part no.   %s\n", v->atom.part_number[0] ?
			v->atom.part_number : "(none)");
		fprintf(out, "  atombios   %s %s %s, version %s, %s\n", v->atom.asic,
			v->atom.mem_type, v->atom.bus, v->atom.version, v->atom.date);
		if (v->atom.description[0])
			fprintf(out, "  build      %s\n", v->atom.description);
	}
	fprintf(out, "  images     %u in %u set%s\n", rom->n_images, rom->n_sets,
		rom->n_sets == 1 ? "" : "s");
	for (i = 0; i < rom->n_images; i++) {
		const struct gi_rom_image *img = &rom->images[i];

		fprintf(out, "    %2u  set %u  0x%07x  %04x:%04x  %-12s %8u bytes%s%s%s\n",
			i, img->set, img->offset, img->vendor_id, img->device_id,
			gi_rom_code_name(img->code_type), img->length,
			img->last ? "  last" : "",
			img->checksum == GI_CSUM_BAD ? "  BAD CHECKSUM" : "",
			img->checksum == GI_CSUM_TRUNCATED ? "  truncated" : "");
	}
	for (bit = 1; bit; bit <<= 1)
		if ((rom->warnings & bit) && gi_rom_warning_name(bit))
			fprintf(out, "  warning    %s\n", gi_rom_warning_name(bit));
	fprintf(out, "  assessment %s", gi_verdict_name(v->report.verdict));
	if (v->report.verdict == GI_VERDICT_ORIGINAL ||
	    v->report.verdict == GI_VERDICT_REGIONAL)
		fprintf(out, " (nothing in the file contradicts it)");
	fputc('\n', out);
	gi_report_print(out, &v->report, verbose, "    ");
}
