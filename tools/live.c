// SPDX-License-Identifier: GPL-2.0-or-later
/* The live audit's source: the module's class devices, through libudev. */
#include <fcntl.h>
#include <libudev.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "attrs.h"
#include "gpuident/abi.h"
#include "live.h"

/*
 * Attribute values, read straight from the device's directory: libudev
 * found the devices, but its per-attribute lstat() and value cache cost
 * more than the one open/read/close a sysfs file needs, and a hidden
 * attribute is simply absent.
 */
struct attr_reader {
	int dirfd;
	char names[48][32];
	char values[48][96];
	int n;
};

static const char *read_attr(void *ctx, const char *name)
{
	struct attr_reader *r = ctx;
	char buf[96];
	ssize_t len;
	int i, fd;

	for (i = 0; i < r->n; i++)
		if (!strcmp(r->names[i], name))
			return r->values[i];
	fd = openat(r->dirfd, name, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	len = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (len < 0)
		return NULL;
	while (len > 0 && (buf[len - 1] == '\n' || buf[len - 1] == ' '))
		len--;
	buf[len] = '\0';
	if (r->n == (int)(sizeof(r->names) / sizeof(r->names[0])))
		r->n = 0;	/* attrs.c asks for far fewer; stay bounded */
	i = r->n++;
	snprintf(r->names[i], sizeof(r->names[i]), "%s", name);
	memcpy(r->values[i], buf, len + 1);
	return r->values[i];
}

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

/*
 * A fresh udev_device each time: libudev caches attribute values, and
 * "state" changes while the module probes.
 */
static struct udev_device *ready_device(struct udev *udev, const char *path,
					long long deadline)
{
	for (;;) {
		struct udev_device *dev = udev_device_new_from_syspath(udev, path);
		const char *state;

		if (!dev)
			return NULL;
		state = udev_device_get_sysattr_value(dev, "state");
		if (!state || strcmp(state, GPUIDENT_STATE_PROBING) ||
		    now_ms() >= deadline)
			return dev;
		udev_device_unref(dev);
		usleep(50 * 1000);
	}
}

int gi_live_read(struct gi_gpu_list *list, unsigned int wait_ms, char *err,
		 size_t errlen)
{
	static struct attr_reader reader;
	struct udev_enumerate *en;
	struct udev_list_entry *e;
	long long deadline = now_ms() + wait_ms;
	struct udev *udev;
	int n = 0, ret = -1;

	udev = udev_new();
	if (!udev) {
		snprintf(err, errlen, "cannot use libudev");
		return -1;
	}
	en = udev_enumerate_new(udev);
	if (!en || udev_enumerate_add_match_subsystem(en, GPUIDENT_CLASS) < 0 ||
	    udev_enumerate_scan_devices(en) < 0) {
		snprintf(err, errlen, "cannot enumerate /sys/class/%s", GPUIDENT_CLASS);
		goto out;
	}
	udev_list_entry_foreach(e, udev_enumerate_get_list_entry(en)) {
		const char *path = udev_list_entry_get_name(e);
		struct udev_device *dev = ready_device(udev, path, deadline);
		struct gi_gpu *g;
		const char *state;
		bool probing;

		if (!dev)
			continue;	/* vanished (hot-unplug) while we looked */
		if (gi_abi_check(udev_device_get_sysattr_value(dev, "abi_version"),
				 err, errlen)) {
			udev_device_unref(dev);
			goto out;
		}
		g = gi_gpu_list_add(list);
		if (!g) {
			udev_device_unref(dev);
			snprintf(err, errlen, "out of memory");
			goto out;
		}
		snprintf(g->address, sizeof(g->address), "%s",
			 udev_device_get_sysname(dev));
		snprintf(g->source, sizeof(g->source), "module");
		state = udev_device_get_sysattr_value(dev, "state");
		probing = state && !strcmp(state, GPUIDENT_STATE_PROBING);
		reader.n = 0;
		reader.dirfd = open(udev_device_get_syspath(dev),
				    O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		udev_device_unref(dev);
		if (reader.dirfd < 0) {
			snprintf(g->note, sizeof(g->note), "vanished while being read");
			n++;
			continue;
		}
		if (gi_gpu_from_attrs(g, read_attr, &reader) == 0 && probing)
			snprintf(g->note, sizeof(g->note),
				 "still probing after %u ms: facts incomplete", wait_ms);
		close(reader.dirfd);
		n++;
	}
	ret = n;
out:
	udev_enumerate_unref(en);
	udev_unref(udev);
	return ret;
}
