/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef GPUIDENT_TOOLS_NAMES_H
#define GPUIDENT_TOOLS_NAMES_H

#include <stdbool.h>
#include <stddef.h>

/*
 * Names through libpci: from udev's hwdb where the system has one, else
 * from pci.ids. With @numeric, or when neither has an entry, the hex IDs
 * are given instead.
 */
void gi_names_init(bool numeric);
void gi_names_cleanup(void);
const char *gi_name_vendor(unsigned int vendor, char *buf, size_t n);
const char *gi_name_device(unsigned int vendor, unsigned int device, char *buf,
			   size_t n);
const char *gi_name_subsystem(unsigned int vendor, unsigned int device,
			      unsigned int ssvid, unsigned int ssid, char *buf,
			      size_t n);

/*
 * Names back to IDs through the same lists, for the capture readers
 * (gi_capture_set_names()): lspci output without -n.
 */
struct gi_capture_names;
extern const struct gi_capture_names gi_names_reverse;

#endif
