/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What the capture readers (tools/capture/) share: spans and lines of the
 * input, number and address parsers, and the record API through which a
 * reader leaves what it found. Callers outside tools/capture/ use
 * capture.h; the white-box unit tests use this too.
 *
 * A reader uses only what this header declares (and may look at the
 * records already in its gi_cap_set); it calls no other reader, and only
 * the dispatcher, gi_capture_parse(), calls it, through readers.c's
 * table. To add one:
 *
 *  - a value in enum gi_capture_format (capture.h), before
 *    GI_CAPTURE_N_FORMATS: never renumber the others, the order of their
 *    names in a merged record's ->format follows it;
 *  - the reader in a file of its own here, tools/capture/NAME.c (the
 *    Makefile takes every .c in the folder), and its prototype below;
 *  - its entry in readers.c's table, where its place is the order it runs
 *    in: a disagreement between merged records keeps the earlier value.
 */
#ifndef GPUIDENT_TOOLS_CAPTURE_READER_H
#define GPUIDENT_TOOLS_CAPTURE_READER_H

#include "capture.h"

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
/* The last "[10de:2684]" in @s; its offset in *@at (may be NULL). */
bool gi_parse_last_id_pair(struct gi_span s, u16 *a, u16 *b, size_t *at);
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

/*
 * shell.c: what the shell lines of a paste say about the device the
 * output below them is about: a PCI address in the prompt's directory
 * ("root@host:/sys/bus/pci/devices/0000:01:00.0# xxd config"), in a "cd"
 * (both stay until a prompt shows another directory) or on the command
 * line ("cat /proc/driver/nvidia/gpus/0000:01:00.0/information", until
 * the next line that is not tool output).
 */
struct gi_shell {
	char cwd[32], cmd[32];
	bool elsewhere;		/* the command names a path without an address */
};

/* Feed a line that is not tool output. */
void gi_shell_line(struct gi_shell *sh, struct gi_span line);
/* The address the next output is about, "" if none. */
const char *gi_shell_address(const struct gi_shell *sh);

/*
 * A UUID or serial number that names one device: not a mask
 * ("GPU-00000000-...", "GPU-xxxxxxxx-...", "0000000000000", "REDACTED").
 */
bool gi_cap_real_id(const char *s);

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

/*
 * names.c, for the dispatcher once every reader has run: a record that
 * only named its GPU gets the device ID of that name (as
 * gi_capture_name_to_id(), with the record's memory, SM count and bus
 * width to choose among namesakes), noted in ->inferred. Readers leave
 * names as they are.
 */
void gi_cap_name_to_ids(struct gi_capture_gpu *g);

/*
 * uncomment.c, for the dispatcher before any reader runs: when tool
 * output was pasted as "#" comments, a malloc'd copy of @data with each
 * line's leading "#" (and one blank) removed, its length in @outlen;
 * NULL when there is nothing to uncomment (or no memory).
 */
char *gi_cap_uncomment(const char *data, size_t len, size_t *outlen);
/*
 * unflatten.c, likewise: a copy with nvidia-smi tables that lost their
 * line breaks broken into rows again; NULL when there are none.
 */
char *gi_cap_unflatten(const char *data, size_t len, size_t *outlen);

/*
 * Shared by the lspci and hexdump readers. lspci_head.c: lspci's device
 * line ("01:00.0 VGA compatible controller [0300]: ...").
 */
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
 * False unless it shows an address and a class (a number or a display
 * class's name) or IDs. Also read: a line indented, after an "IOMMU Group
 * 1 " prefix, or with a bus of one digit (a paste that lost one).
 */
bool gi_lspci_parse_head(struct gi_span line, struct gi_lspci_head *h);
/*
 * The same, and also a line whose address was cut, when it starts with a
 * class lspci prints (->has_addr false): the lspci reader's, not the
 * hexdump reader's, which needs the address to place a dump.
 */
bool gi_lspci_parse_head_cut(struct gi_span line, struct gi_lspci_head *h);
/* The class of "VGA compatible controller [0300]", "0300" or the name. */
bool gi_lspci_class(struct gi_span c, u16 *class_code);
/* "Device 2684", "Unknown device 2684": the ID pci.ids had no name for. */
bool gi_lspci_device_word(struct gi_span s, u16 *id);
/* The vendor ID of a whole vendor name, built in or through the hook. */
bool gi_lspci_vendor_id(struct gi_span name, u16 *vendor);
/*
 * "VENDOR REST" with nothing between the names: the longest leading
 * words that name a vendor, and the rest.
 */
bool gi_lspci_split_vendor(struct gi_span s, u16 *vendor,
			   struct gi_span *rest);
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
/* "Subsystem: Gigabyte Technology Co., Ltd Device 40bf": @v after the key. */
void gi_lspci_subsys_line(struct gi_capture_gpu *g, struct gi_span v,
			  struct gi_span devname);
/*
 * An old Intel IGP's (or ATI card's) second head: a "Display controller"
 * function above 0 of a device whose function 0 is already a GPU.
 */
bool gi_lspci_second_head(const struct gi_cap_set *set, u32 domain, u8 bus,
			  u8 dev, u8 fn, u16 class_code);

/* config.c: configuration space bytes (some may be missing) into a record. */
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

/*
 * The readers, in readers.c's table. Each scans the whole input once and
 * commits what it found to @set: gi_cap_init() a record, set what the
 * input shows, gi_cap_commit() it.
 */
struct gi_reader {
	const char *name;		/* gi_capture_gpu.format: "nvidia-smi-q" */
	enum gi_capture_format format;
	u32 not_shown;			/* GI_HAVE_* bits the format cannot show */
	u16 vendor_hint;		/* the PCI vendor the format implies, or 0 */
	/* NULL for a format another reader's records carry (lspci-x) */
	void (*read)(struct gi_cap_set *set, const char *data, size_t len);
};

/* In the order gi_capture_parse() runs them: one entry a format. */
extern const struct gi_reader gi_readers[];
extern const size_t gi_n_readers;

/* The entry of @format, NULL if out of range. */
const struct gi_reader *gi_reader_of(unsigned int format);

void gi_cap_read_smi_q(struct gi_cap_set *set, const char *data, size_t len);
void gi_cap_read_smi_xml(struct gi_cap_set *set, const char *data, size_t len);
void gi_cap_read_smi_table(struct gi_cap_set *set, const char *data,
			   size_t len);
void gi_cap_read_lspci(struct gi_cap_set *set, const char *data, size_t len);
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
void gi_cap_read_pytorch(struct gi_cap_set *set, const char *data,
			 size_t len);
void gi_cap_read_gpuz(struct gi_cap_set *set, const char *data, size_t len);

#endif
