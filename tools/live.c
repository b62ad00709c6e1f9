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

/* One fresh read of @name into @buf (NUL-terminated, trailing newline cut). */
static bool read_value(int dirfd, const char *name, char *buf, size_t size)
{
	ssize_t len;
	int fd;

	fd = openat(dirfd, name, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return false;
	len = read(fd, buf, size - 1);
	close(fd);
	if (len < 0)
		return false;
	while (len > 0 && (buf[len - 1] == '\n' || buf[len - 1] == ' '))
		len--;
	buf[len] = '\0';
	return true;
}

static const char *read_attr(void *ctx, const char *name)
{
	struct attr_reader *r = ctx;
	char buf[96];
	int i;

	for (i = 0; i < r->n; i++)
		if (!strcmp(r->names[i], name))
			return r->values[i];
	if (!read_value(r->dirfd, name, buf, sizeof(buf)))
		return NULL;
	if (r->n == (int)(sizeof(r->names) / sizeof(r->names[0])))
		r->n = 0;	/* attrs.c asks for far fewer; stay bounded */
	i = r->n++;
	snprintf(r->names[i], sizeof(r->names[i]), "%s", name);
	snprintf(r->values[i], sizeof(r->values[i]), "%s", buf);
	return r->values[i];
}

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

/*
 * Wait until the device has finished probing or @deadline passes; "state"
 * is read fresh each time. Returns whether it is still probing.
 */
static bool wait_probed(int dirfd, long long deadline)
{
	char state[32];

	for (;;) {
		if (!read_value(dirfd, "state", state, sizeof(state)) ||
		    strcmp(state, GPUIDENT_STATE_PROBING))
			return false;
		if (now_ms() >= deadline)
			return true;
		usleep(50 * 1000);
	}
}

/*
 * libudev finds the devices; their attributes are then read straight from
 * each device's directory, held open by a descriptor. A udev_device per
 * GPU would resolve its path component by component and stat each
 * attribute before reading it: most of an audit's system calls.
 */
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
		const char *name = strrchr(path, '/');
		struct gi_gpu *g;
		bool probing;

		reader.n = 0;
		reader.dirfd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		if (reader.dirfd < 0)
			continue;	/* unplugged since the enumeration */
		probing = wait_probed(reader.dirfd, deadline);
		if (gi_abi_check(read_attr(&reader, "abi_version"), err, errlen)) {
			/* A device removed under us has no attributes left. */
			bool gone = faccessat(reader.dirfd, "uevent", F_OK, 0) != 0;

			close(reader.dirfd);
			if (gone)
				continue;
			goto out;
		}
		g = gi_gpu_list_add(list);
		if (!g) {
			close(reader.dirfd);
			snprintf(err, errlen, "out of memory");
			goto out;
		}
		snprintf(g->address, sizeof(g->address), "%s", name ? name + 1 : path);
		snprintf(g->source, sizeof(g->source), "module");
		if (gi_gpu_from_attrs(g, read_attr, &reader) < 0) {
			if (faccessat(reader.dirfd, "uevent", F_OK, 0))
				snprintf(g->note, sizeof(g->note),
					 "removed while being read");
		} else if (probing) {
			snprintf(g->note, sizeof(g->note),
				 "still probing after %u ms: facts incomplete", wait_ms);
		}
		close(reader.dirfd);
		n++;
	}
	ret = n;
out:
	udev_enumerate_unref(en);
	udev_unref(udev);
	return ret;
}
