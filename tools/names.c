// SPDX-License-Identifier: GPL-2.0-or-later
/* Vendor, device and board names through libpci. */
#include <libudev.h>
#include <pci/pci.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "capture/capture.h"
#include "names.h"

static struct pci_access *pacc;
static bool numeric_only;

/* pci.ids, for the names read back (at the end of this file) */
static char ids_path[256];
static char *ids;
static size_t ids_len;
static bool ids_tried;
static struct ids_entry *entries;	/* its index, sorted */
static size_t n_entries;

/*
 * Only names are looked up, so pci_init() (which opens the bus, and on
 * failure exits through its error handler) is not called; its handlers
 * must then be set here, or libpci calls a NULL pointer on a miss.
 */
static void PCI_NONRET names_error(char *msg, ...)
{
	fprintf(stderr, "gpuident: libpci: %s\n", msg);
	exit(1);
}

static void names_quiet(char *msg, ...)
{
	(void)msg;
}

/*
 * libpci reads and hashes the whole pci.ids (1.3 MB) before its first
 * answer, and asks udev's hwdb only for what the file lacks. That parse
 * was a third of an audit. Where the system has a hwdb (hwdb.bin, built
 * from the same list, from which udev names every device), libpci is
 * given no list file, so each name is one lookup in the mapped index;
 * without a hwdb, pci.ids as usual.
 */
static bool have_hwdb(void)
{
	struct udev *udev = udev_new();
	struct udev_hwdb *hwdb = udev ? udev_hwdb_new(udev) : NULL;

	if (hwdb)
		udev_hwdb_unref(hwdb);
	if (udev)
		udev_unref(udev);
	return hwdb;
}

/* libpci, set up on the first lookup: a run that names nothing pays nothing. */
static struct pci_access *names_access(void)
{
	static bool failed;

	if (pacc || failed)
		return pacc;
	pacc = pci_alloc();	/* the ID list loads on first lookup */
	if (!pacc) {
		failed = true;
		return NULL;
	}
	pacc->error = names_error;
	pacc->warning = names_quiet;
	pacc->debug = names_quiet;
	/*
	 * Not the cache of lspci -q's DNS answers either: finding it means a
	 * passwd lookup for "~" on every run, for names gpuident never asks
	 * the network for.
	 */
	pacc->id_lookup_mode &= ~PCI_LOOKUP_CACHE;
	/* the list libpci would read: the names are read back from it */
	if (pacc->id_file_name)
		snprintf(ids_path, sizeof(ids_path), "%s", pacc->id_file_name);
	if (have_hwdb())
		pci_set_name_list_path(pacc, "", 0);
	return pacc;
}

void gi_names_init(bool numeric)
{
	numeric_only = numeric;
}

void gi_names_cleanup(void)
{
	free(entries);
	entries = NULL;
	n_entries = 0;
	free(ids);
	ids = NULL;
	ids_len = 0;
	ids_tried = false;
	if (pacc)
		pci_cleanup(pacc);
	pacc = NULL;
}

static const char *lookup(char *buf, size_t n, int flags, unsigned int a,
			  unsigned int b, unsigned int c, unsigned int d)
{
	const char *s = NULL;

	if (!numeric_only && names_access())
		s = pci_lookup_name(pacc, buf, n, flags | PCI_LOOKUP_NO_NUMBERS,
				    a, b, c, d);
	return s;
}

const char *gi_name_vendor(unsigned int vendor, char *buf, size_t n)
{
	const char *s = lookup(buf, n, PCI_LOOKUP_VENDOR, vendor, 0, 0, 0);

	if (!s)
		snprintf(buf, n, "%04x", vendor);
	return s ? s : buf;
}

const char *gi_name_device(unsigned int vendor, unsigned int device, char *buf,
			   size_t n)
{
	const char *s = lookup(buf, n, PCI_LOOKUP_DEVICE, vendor, device, 0, 0);

	if (!s)
		snprintf(buf, n, "%04x:%04x", vendor, device);
	return s ? s : buf;
}

const char *gi_name_subsystem(unsigned int vendor, unsigned int device,
			      unsigned int ssvid, unsigned int ssid, char *buf,
			      size_t n)
{
	const char *s = lookup(buf, n, PCI_LOOKUP_SUBSYSTEM | PCI_LOOKUP_DEVICE,
			       vendor, device, ssvid, ssid);

	if (!s)
		snprintf(buf, n, "%04x:%04x", ssvid, ssid);
	return s ? s : buf;
}

/*
 * ---- Names back to IDs, for lspci output without -n -----------------------
 *
 * libpci answers only "what is the name of this ID", from pci.ids or udev's
 * hwdb, and neither offers the way back (asking all 65536 IDs for their
 * names takes libpci half a second a name). So the way back reads pci.ids
 * itself, the file libpci would read, once, into a sorted index. A name
 * that more than one ID carries gives none: "TU102GL [Quadro RTX
 * 6000/8000]" is 1e30 and 1e78. Without an uncompressed pci.ids (a hwdb
 * only), no name is read back.
 */
#define IDS_MAX_SIZE	(32u << 20)

static void ids_load(void)
{
	FILE *f;
	long n;

	if (ids_tried)
		return;
	ids_tried = true;
	names_access();		/* which file libpci reads */
	/*
	 * libpci's default is "pci.ids.gz", and it reads "pci.ids" where
	 * that is missing, as Debian ships it; the compressed one is left
	 * alone (no zlib here).
	 */
	n = (long)strlen(ids_path);
	if (n > 3 && !strcmp(ids_path + n - 3, ".gz")) {
		if (access(ids_path, F_OK) == 0)
			return;
		ids_path[n - 3] = '\0';
	}
	if (!ids_path[0] || !(f = fopen(ids_path, "re")))
		return;
	if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) > 0 &&
	    (unsigned long)n <= IDS_MAX_SIZE && fseek(f, 0, SEEK_SET) == 0 &&
	    (ids = malloc((size_t)n))) {
		ids_len = fread(ids, 1, (size_t)n, f);
		if (ids_len != (size_t)n) {
			free(ids);
			ids = NULL;
			ids_len = 0;
		}
	}
	fclose(f);
}

/* One line of pci.ids: its tabs, up to two hex IDs, the name after them. */
struct ids_line {
	int tabs;
	unsigned int id[2];
	int n_ids;
	const char *name;
	size_t name_len;
};

static bool ids_next(size_t *pos, struct ids_line *l)
{
	const char *p, *end, *nl;
	int k;

	while (*pos < ids_len) {
		p = ids + *pos;
		nl = memchr(p, '\n', ids_len - *pos);
		end = nl ? nl : ids + ids_len;
		*pos = (size_t)(end - ids) + (nl ? 1 : 0);
		if (p == end || *p == '#')
			continue;
		memset(l, 0, sizeof(*l));
		while (p < end && *p == '\t') {
			l->tabs++;
			p++;
		}
		for (k = 0; k < 2 && end - p >= 4; k++) {
			unsigned int v = 0;
			int j;

			for (j = 0; j < 4; j++) {
				char c = p[j];
				int d = c >= '0' && c <= '9' ? c - '0' :
					c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;

				if (d < 0)
					break;
				v = v << 4 | (unsigned int)d;
			}
			if (j < 4)
				break;
			l->id[l->n_ids++] = v;
			p += 4;
			if (p < end && *p == ' ' && end - p > 1 && p[1] != ' ')
				p++;	/* "ssvid ssid" */
			else
				break;
		}
		while (p < end && *p == ' ')
			p++;
		while (end > p && (end[-1] == '\r' || end[-1] == ' '))
			end--;
		l->name = p;
		l->name_len = (size_t)(end - p);
		return true;
	}
	return false;
}

/*
 * Every vendor, device and subsystem of pci.ids, sorted by what a lookup
 * knows (kind, the IDs above the entry, the name) and then its own ID:
 * the entries that carry a name are neighbours, found by binary search,
 * so a question costs a logarithm, whatever the input asks.
 */
struct ids_entry {
	u8 kind;		/* 0 vendor, 1 device, 2 subsystem */
	u16 parent[3];		/* vendor, device, ssvid above it */
	u16 id;
	const char *name;
	size_t name_len;
};

static int name_cmp(const char *a, size_t an, const char *b, size_t bn)
{
	int c = strncasecmp(a, b, an < bn ? an : bn);

	return c ? c : an < bn ? -1 : an > bn;
}

static int entry_cmp(const void *pa, const void *pb)
{
	const struct ids_entry *a = pa, *b = pb;
	int i, c;

	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	for (i = 0; i < 3; i++)
		if (a->parent[i] != b->parent[i])
			return a->parent[i] < b->parent[i] ? -1 : 1;
	c = name_cmp(a->name, a->name_len, b->name, b->name_len);
	if (c)
		return c;
	return a->id < b->id ? -1 : a->id > b->id;
}

static void ids_index(void)
{
	struct ids_line l;
	size_t pos = 0, cap = 0;
	unsigned int vendor = 0, device = 0;
	bool in_vendor = false, in_device = false;

	ids_load();
	if (!ids || entries)
		return;
	while (ids_next(&pos, &l)) {
		struct ids_entry e = { 0 };

		/* the device classes after the vendors: "C 00  Unclassified" */
		if (!l.tabs && l.n_ids == 0)
			break;
		if (l.tabs == 0 && l.n_ids == 1) {
			vendor = l.id[0];
			in_vendor = true;
			in_device = false;
			e.kind = 0;
			e.id = (u16)l.id[0];
		} else if (l.tabs == 1 && l.n_ids == 1 && in_vendor) {
			device = l.id[0];
			in_device = true;
			e.kind = 1;
			e.parent[0] = (u16)vendor;
			e.id = (u16)l.id[0];
		} else if (l.tabs == 2 && l.n_ids == 2 && in_device) {
			e.kind = 2;
			e.parent[0] = (u16)vendor;
			e.parent[1] = (u16)device;
			e.parent[2] = (u16)l.id[0];
			e.id = (u16)l.id[1];
		} else {
			continue;
		}
		e.name = l.name;
		e.name_len = l.name_len;
		if (n_entries == cap) {
			size_t ncap = cap ? cap * 2 : 4096;
			struct ids_entry *ne = realloc(entries, ncap * sizeof(*ne));

			if (!ne)
				break;
			entries = ne;
			cap = ncap;
		}
		entries[n_entries++] = e;
	}
	if (entries)
		qsort(entries, n_entries, sizeof(*entries), entry_cmp);
}

/*
 * How many IDs of @kind under @parent carry @name: 0, 1 (in @out) or 2
 * for several.
 */
static int ids_reverse(u8 kind, u16 p0, u16 p1, u16 p2, const char *name,
		       u16 *out)
{
	struct ids_entry key = { .kind = kind, .parent = { p0, p1, p2 },
				 .name = name, .name_len = strlen(name) };
	size_t lo = 0, hi, i;
	int found = 0;

	ids_index();
	hi = n_entries;
	/* the first entry not below the key with ID 0 */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (entry_cmp(&entries[mid], &key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (i = lo; i < n_entries && found < 2; i++) {
		key.id = entries[i].id;
		if (entry_cmp(&entries[i], &key))
			break;
		if (found && *out == entries[i].id)
			continue;
		*out = entries[i].id;
		found++;
	}
	return found;
}

static bool names_vendor_id(const char *name, u16 *vendor)
{
	return ids_reverse(0, 0, 0, 0, name, vendor) == 1;
}

static int names_device_id(u16 vendor, const char *name, u16 *device)
{
	return ids_reverse(1, vendor, 0, 0, name, device);
}

static bool names_subsystem_id(u16 vendor, u16 device, u16 ssvid,
			       const char *name, u16 *ssid)
{
	return ids_reverse(2, vendor, device, ssvid, name, ssid) == 1;
}

const struct gi_capture_names gi_names_reverse = {
	.vendor_id = names_vendor_id,
	.device_id = names_device_id,
	.subsystem_id = names_subsystem_id,
};
