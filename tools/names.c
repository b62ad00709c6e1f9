// SPDX-License-Identifier: GPL-2.0-or-later
/* Vendor, device and board names through libpci. */
#include <libudev.h>
#include <pci/pci.h>
#include <stdio.h>
#include <stdlib.h>

#include "names.h"

static struct pci_access *pacc;
static bool numeric_only;

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
