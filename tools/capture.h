/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Capture readers: what people paste about a GPU (nvidia-smi -q, its XML,
 * the nvidia-smi table, -L and --query-gpu CSV, lspci text and config-space
 * dumps, CUDA deviceQuery,
 * /proc/driver/nvidia/gpus/ * /information) turned into facts records for
 * the classifier. Input is untrusted text: every reader works on
 * length-bounded spans, never on NUL-terminated copies, and does a bounded
 * amount of work per input byte.
 */
#ifndef GPUIDENT_TOOLS_CAPTURE_H
#define GPUIDENT_TOOLS_CAPTURE_H

#include "gpuident/facts.h"

#define GI_CAPTURE_MAX_GPUS 64

/* One bit per input format, in gi_capture_gpu.formats. */
enum gi_capture_format {
	GI_CAPTURE_SMI_Q,	/* "nvidia-smi-q": nvidia-smi -q text */
	GI_CAPTURE_SMI_XML,	/* "nvidia-smi-xml": nvidia-smi -q -x */
	GI_CAPTURE_SMI_TABLE,	/* "nvidia-smi": the default boxed table */
	GI_CAPTURE_LSPCI,	/* "lspci": lspci text, -n/-nn/-k/-v/-vv/-vvv */
	GI_CAPTURE_LSPCI_X,	/* "lspci-x": lspci -x/-xxx/-xxxx hex */
	GI_CAPTURE_HEXDUMP,	/* "hexdump": hexdump/xxd/od of a config file */
	GI_CAPTURE_DEVICEQUERY,	/* "devicequery": CUDA sample deviceQuery */
	GI_CAPTURE_PROC,	/* "proc-nvidia": /proc/driver/nvidia/.../information */
	GI_CAPTURE_SMI_L,	/* "nvidia-smi-L": nvidia-smi -L */
	GI_CAPTURE_SMI_CSV,	/* "nvidia-smi-csv": nvidia-smi --query-gpu --format=csv */
	GI_CAPTURE_N_FORMATS
};

struct gi_capture_gpu {
	struct gi_facts facts;      /* origin = GI_ORIGIN_REPORT; have bits only for what the input showed */
	char format[24];            /* "nvidia-smi-q", "nvidia-smi-xml", "nvidia-smi", "lspci", "lspci-x", "hexdump", "devicequery", "proc-nvidia", "nvidia-smi-L", "nvidia-smi-csv" (several joined by "+" when merged) */
	char address[32];           /* PCI address normalised to "dddd:bb:dd.f" lowercase, "" if the input gave none */
	char name[96];              /* the product name as the input gave it */
	char bios_version[32];      /* as given, e.g. "95.02.18.80.87" */
	char board_part_number[48], gpu_part_number[32], serial[64], uuid[64], driver_version[32];
	u32 not_shown;              /* GI_HAVE_* bits this input format cannot show at all (e.g. the nvidia-smi table view has no subsystem ID) */

	/* Added beyond the interface above. */
	u32 formats;		/* 1 << enum gi_capture_format, every source merged */
	/*
	 * GI_HAVE_* bits that were not read but derived: GI_HAVE_IDS when the
	 * device ID came from the product name through the knowledge base.
	 */
	u32 inferred;
	/* GI_HAVE_* bits two merged sources disagreed on; the first is kept. */
	u32 conflicts;
	/*
	 * The PCI vendor the input implies without showing IDs: NVIDIA for
	 * nvidia-smi, deviceQuery and /proc/driver/nvidia; the vendor's name
	 * in plain lspci. 0 if none. Used to map a name to a device ID.
	 */
	u16 vendor_hint;
	bool rebar;		/* lspci/config space: resizable BAR capability */
	/*
	 * Memory bus width in bits as deviceQuery shows it, 0 if not shown:
	 * only used to choose among the SKUs that carry a name.
	 */
	u16 bus_bits;
	/*
	 * The name list the input was named from gives the name to several
	 * devices ("3rd Gen Core processor Graphics Controller" is 8086:0156,
	 * 0166 and 0176): the knowledge base's names must not pick one.
	 */
	bool name_shared;
	size_t offset;		/* where in the input this GPU first appeared */
};

/* Parse @len bytes (text, any mix of formats, with noise). Fills up to @max GPUs,
 * merging the records of one PCI address found in several formats. Returns the
 * number found (0: nothing recognised) or -1 with a message in @err. Never
 * reads outside @data, never crashes, never hangs (linear-ish time). */
int gi_capture_parse(const char *data, size_t len, struct gi_capture_gpu *out, int max, char *err, size_t errlen);

/*
 * On success @err holds "" or a warning (more GPUs than @max: the rest were
 * left out). Records come in the order they first appear in the input.
 */

/* "nvidia-smi-q" etc. for one enum gi_capture_format, "?" if out of range. */
const char *gi_capture_format_name(unsigned int format);

/*
 * The device ID of a product name, through the knowledge base: every SKU
 * of @vendor (0: any vendor) that carries the name (gi_kb_sku_named(): its
 * product or another name; case, an "NVIDIA " prefix, spaces and hyphens
 * do not matter, "..." marks a truncation) has the same vendor and device
 * ID. False when none or several devices match: without facts to choose
 * among namesakes, nothing is guessed.
 */
bool gi_capture_name_to_id(const char *name, u16 vendor, u16 *vendor_id,
			   u16 *device_id);

/*
 * lspci without -n shows names where the IDs would be. These map a name
 * back to its ID; each is false when no ID or several carry the name. The
 * tool sets them (through libpci: tools/names.c); without them (NULL, the
 * default, as in the fuzz target) lspci is read with the GPU makers' own
 * names and "Device 2684" only. Not thread-safe: set before parsing.
 */
struct gi_capture_names {
	/* "Gigabyte Technology Co., Ltd" -> 1458 */
	bool (*vendor_id)(const char *name, u16 *vendor);
	/*
	 * 10de, "AD102 [GeForce RTX 4090]" -> 2684. Returns how many devices
	 * carry the name: 0, 1 (in @device) or 2 for several.
	 */
	int (*device_id)(u16 vendor, const char *name, u16 *device);
	/* 10de:1e30 by 10de, "Quadro RTX 8000" -> the subsystem ID */
	bool (*subsystem_id)(u16 vendor, u16 device, u16 ssvid,
			     const char *name, u16 *ssid);
};

void gi_capture_set_names(const struct gi_capture_names *names);

/* ---- Between the readers (tools/capture_*.c); not for other callers. ---- */

/* A piece of the input: never NUL-terminated, never written. */
struct gi_span {
	const char *p;
	size_t n;
};

/* Line iterator; a line ends at '\n', trailing '\r's are dropped. */
struct gi_lines {
	const char *data;
	size_t len, pos;
};

void gi_lines_init(struct gi_lines *it, const char *data, size_t len);
/* Next line into @line, its offset into @off (may be NULL); false at end. */
bool gi_lines_next(struct gi_lines *it, struct gi_span *line, size_t *off);
/* The next line, without consuming it. */
bool gi_lines_peek(const struct gi_lines *it, struct gi_span *line);

struct gi_span gi_span_trim(struct gi_span s);
bool gi_span_blank(struct gi_span s);
/* Column of the first non-blank character, tabs to multiples of 8. */
size_t gi_span_indent(struct gi_span s);
bool gi_span_eq_ci(struct gi_span s, const char *str);
bool gi_span_starts_ci(struct gi_span s, const char *prefix);
bool gi_span_ends_ci(struct gi_span s, const char *suffix);
/* Offset of @needle (case-insensitive) in @s, or -1. */
long gi_span_find_ci(struct gi_span s, const char *needle);
struct gi_span gi_span_sub(struct gi_span s, size_t from, size_t to);
/* Split at the first ':' into trimmed key and value; false if none. */
bool gi_span_kv(struct gi_span line, struct gi_span *key, struct gi_span *val);
/* Drop log prefixes like "[2018-12-14 17:05:01] [worker 0] " (at most 4). */
struct gi_span gi_span_strip_log_prefix(struct gi_span s);
/* "N/A", "[N/A]", "Not Supported", "Unknown Error" and the like. */
bool gi_span_na(struct gi_span v);

/* The value of hex digit @c, or -1. */
int gi_hexval(char c);
/* Decimal digits at the start of @s (after blanks); @used gets their end. */
bool gi_parse_dec(struct gi_span s, u64 *v, size_t *used);
/* Up to @maxdigits hex digits, optional "0x"; the whole trimmed span. */
bool gi_parse_hex(struct gi_span s, unsigned int maxdigits, u32 *v);
/* "24564 MiB", "24564MiB", "24564 MB" (nvidia-smi's MB are MiB). */
bool gi_parse_mib(struct gi_span s, u32 *mib);
/*
 * A PCI address at the start of @s: "dddddddd:bb:dd.f", "dddd:bb:dd.f" or
 * "bb:dd.f". @used gets its length. False if @s does not start with one.
 */
bool gi_parse_pci_addr(struct gi_span s, u32 *domain, u8 *bus, u8 *dev,
		       u8 *fn, size_t *used);
void gi_format_pci_addr(char *buf, size_t n, u32 domain, u8 bus, u8 dev,
			u8 fn);
/* "95.02.18.80.87": exactly five two-digit hex groups. */
bool gi_parse_vbios_version(struct gi_span s, u8 out[5]);
/* Copy into a fixed field: unprintable bytes become '?', always ends in NUL. */
void gi_span_copy(char *dst, size_t n, struct gi_span s);

/* Where the readers leave their records. */
struct gi_cap_set {
	struct gi_capture_gpu *gpu;
	int n, max;
	unsigned int dropped;
};

/* A fresh record of @format found at @offset. */
void gi_cap_init(struct gi_capture_gpu *g, enum gi_capture_format format,
		 size_t offset);
/*
 * Add @g to @set, merged into the record of the same PCI address (or
 * UUID) when there is one. Records with nothing in them are not kept.
 */
void gi_cap_commit(struct gi_cap_set *set, const struct gi_capture_gpu *g);

/* Setters that also set the GI_HAVE_* bit, from what a reader saw. */
void gi_cap_set_ids(struct gi_capture_gpu *g, u16 vendor, u16 device);
void gi_cap_set_subsys(struct gi_capture_gpu *g, u16 ssvid, u16 ssid);
void gi_cap_set_vram(struct gi_capture_gpu *g, u32 mib);
void gi_cap_set_bar1(struct gi_capture_gpu *g, u32 mib);
void gi_cap_set_ecc(struct gi_capture_gpu *g, bool on);
void gi_cap_set_link_gen(struct gi_capture_gpu *g, u8 gen);
void gi_cap_set_link_width(struct gi_capture_gpu *g, u8 width);
void gi_cap_set_bios(struct gi_capture_gpu *g, struct gi_span v);
void gi_cap_set_part_number(struct gi_capture_gpu *g, struct gi_span v);
/* A "dddd:bb:dd.f" etc. span; false (address unchanged) if not one. */
bool gi_cap_set_address(struct gi_capture_gpu *g, struct gi_span v);
/* nvidia-smi's "0x268410DE": device in the high half, vendor in the low. */
bool gi_cap_set_smi_id_pair(struct gi_capture_gpu *g, struct gi_span v,
			    bool subsystem);
/* Copy @v into @dst unless it is N/A or @dst is already set. */
void gi_cap_set_str(char *dst, size_t n, struct gi_span v);

/* The readers; each scans the whole input once. */
void gi_cap_read_smi_q(struct gi_cap_set *set, const char *data, size_t len);
void gi_cap_read_smi_xml(struct gi_cap_set *set, const char *data, size_t len);
void gi_cap_read_smi_table(struct gi_cap_set *set, const char *data,
			   size_t len);
void gi_cap_read_lspci(struct gi_cap_set *set, const char *data, size_t len);
/* lspci -mm, -nnmm, -vmm and their -n forms (capture_lspci_mm.c) */
void gi_cap_read_lspci_mm(struct gi_cap_set *set, const char *data,
			  size_t len);
void gi_cap_read_hexdump(struct gi_cap_set *set, const char *data,
			 size_t len);
void gi_cap_read_devicequery(struct gi_cap_set *set, const char *data,
			     size_t len);
void gi_cap_read_proc(struct gi_cap_set *set, const char *data, size_t len);
void gi_cap_read_smi_list(struct gi_cap_set *set, const char *data,
			  size_t len);
void gi_cap_read_smi_csv(struct gi_cap_set *set, const char *data,
			 size_t len);

/* lspci's device line ("01:00.0 VGA compatible controller [0300]: ..."). */
struct gi_lspci_head {
	u32 domain;
	u8 bus, dev, fn;
	bool has_class;
	u16 class_code;		/* base << 8 | sub */
	bool has_ids, has_rev;
	u16 vendor, device;
	u8 rev;
	u16 vendor_hint;	/* from the vendor's name, 0 if not known */
	struct gi_span name;	/* "GeForce RTX 4090" from "AD102 [GeForce RTX 4090]" */
	bool has_addr;		/* false: a class-first line whose address was cut */
	struct gi_span desc;	/* "NVIDIA Corporation Device 2684": no IDs, no rev */
};

/*
 * A device line, also indented, after an "IOMMU Group 1 " prefix, with a
 * bus of one digit (a paste that lost one) or without its address.
 */
bool gi_lspci_parse_head(struct gi_span line, struct gi_lspci_head *h);
/* The class of "VGA compatible controller [0300]", "0300" or the name. */
bool gi_lspci_class(struct gi_span c, u16 *class_code);
/* "Device 2684", "Unknown device 2684": the ID pci.ids had no name for. */
bool gi_lspci_device_word(struct gi_span s, u16 *id);
/* The vendor ID of a whole vendor name, built in or through the hook. */
bool gi_lspci_vendor_id(struct gi_span name, u16 *vendor);
/*
 * The product name a device name gives: the last bracketed part that is
 * not an ID ("GeForce RTX 4090" of "AD102 [GeForce RTX 4090]"), else the
 * whole name unless it is "Device 2684".
 */
struct gi_span gi_lspci_product(struct gi_span devname);
/*
 * IDs for a record from the device's name under @vendor: "Device 2684"
 * is read, a name goes through the hook (an identity from the name).
 */
void gi_lspci_resolve_device(struct gi_capture_gpu *g, u16 vendor,
			     struct gi_span devname);
/*
 * The subsystem from its vendor's and board's names (@svendor and
 * @sdevice, as -mm splits them), for a record whose IDs are known.
 * @devname is the device's own name: a subsystem shown under the same
 * name tells nothing (udev's hwdb answers so for any board).
 */
void gi_lspci_resolve_subsys(struct gi_capture_gpu *g, struct gi_span svendor,
			     struct gi_span sdevice, struct gi_span devname);
/*
 * An old Intel IGP's (or ATI card's) second head: a "Display controller"
 * function above 0 of a device whose function 0 is already a GPU.
 */
bool gi_lspci_second_head(const struct gi_cap_set *set, u32 domain, u8 bus,
			  u8 dev, u8 fn, u16 class_code);
/* Is the line a hex-dump line of lspci -x ("00: de 10 ...")? */
bool gi_lspci_is_hex_line(struct gi_span line);

/* PCI configuration space bytes (some may be missing) into a record. */
struct gi_config {
	u8 b[4096];
	u8 known[4096 / 8];
	size_t end;		/* one past the highest byte seen */
};

void gi_config_reset(struct gi_config *c);
void gi_config_put(struct gi_config *c, size_t off, u8 v);
/*
 * Decode @c: vendor/device, revision, class, subsystem (header type 0),
 * the PCIe link capability and, for NVIDIA, BAR1's size from the resizable
 * BAR capability. False (record untouched) unless it is a display-class
 * device with its first 12 bytes present.
 */
bool gi_config_decode(const struct gi_config *c, struct gi_capture_gpu *g);

#endif
