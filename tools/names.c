// SPDX-License-Identifier: GPL-2.0-or-later
/* Vendor, device and board names through libpci. */
#include <libudev.h>
#include <pci/pci.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "capture.h"
#include "names.h"

static struct pci_access *pacc;
static bool numeric_only;

/* pci.ids, for the names read back (at the end of this file) */
static char ids_path[256];
static char *ids;
static size_t ids_len;
static bool ids_tried;

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
 * names takes libpci half a second a name). So the way back walks pci.ids
 * itself, the file libpci would read, held in memory after the first
 * question. A name that more than one ID carries gives none: "TU102GL
 * [Quadro RTX 6000/8000]" is 1e30 and 1e78. Without pci.ids (a hwdb only),
 * no name is read back.
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
	if (n > 3 && !strcmp(ids_path + n - 3, ".gz") &&
	    access(ids_path, F_OK) != 0)
		ids_path[n - 3] = '\0';
	if (!ids_path[0] || (n > 3 && !strcmp(ids_path + n - 3, ".gz")) ||
	    !(f = fopen(ids_path, "re")))
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

static bool ids_named(const struct ids_line *l, const char *name)
{
	return l->name_len == strlen(name) &&
	       !strncasecmp(l->name, name, l->name_len);
}

/* Count the match of @id; false once a second, different ID matched. */
static bool one_match(int *found, u16 *out, unsigned int id)
{
	if (*found && *out != id) {
		*found = 2;
		return false;
	}
	*found = 1;
	*out = (u16)id;
	return true;
}

/*
 * Walk pci.ids for @name: a vendor (@vendor < 0), a device of @vendor
 * (@device < 0), or a subsystem by @ssvid of @vendor:@device. Returns
 * how many IDs carry it: 0, 1 (in @out) or 2 for several.
 */
static int ids_reverse(int vendor, int device, unsigned int ssvid,
		       const char *name, u16 *out)
{
	struct ids_line l;
	bool in_vendor = false, in_device = false;
	size_t pos = 0;
	int found = 0;

	ids_load();
	while (ids_next(&pos, &l)) {
		/* the device classes after the vendors: "C 00  Unclassified" */
		if (!l.tabs && l.n_ids == 0)
			break;
		if (l.tabs == 0) {
			in_vendor = l.n_ids == 1 && (int)l.id[0] == vendor;
			in_device = false;
			if (vendor < 0 && l.n_ids == 1 && ids_named(&l, name) &&
			    !one_match(&found, out, l.id[0]))
				return found;
		} else if (l.tabs == 1 && in_vendor) {
			in_device = l.n_ids == 1 && (int)l.id[0] == device;
			if (device < 0 && l.n_ids == 1 && ids_named(&l, name) &&
			    !one_match(&found, out, l.id[0]))
				return found;
		} else if (l.tabs == 2 && in_device && l.n_ids == 2 &&
			   l.id[0] == ssvid && ids_named(&l, name) &&
			   !one_match(&found, out, l.id[1])) {
			return found;
		}
	}
	return found;
}

static bool names_vendor_id(const char *name, u16 *vendor)
{
	return ids_reverse(-1, -1, 0, name, vendor) == 1;
}

static int names_device_id(u16 vendor, const char *name, u16 *device)
{
	return ids_reverse(vendor, -1, 0, name, device);
}

static bool names_subsystem_id(u16 vendor, u16 device, u16 ssvid,
			       const char *name, u16 *ssid)
{
	return ids_reverse(vendor, device, ssvid, name, ssid) == 1;
}

const struct gi_capture_names gi_names_reverse = {
	.vendor_id = names_vendor_id,
	.device_id = names_device_id,
	.subsystem_id = names_subsystem_id,
};
