// SPDX-License-Identifier: GPL-2.0-or-later
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fileio.h"

int gi_read_file(const char *path, size_t cap, uint8_t **data, size_t *len,
		 char *err, size_t errlen)
{
	size_t size = 0, alloc = 0;
	uint8_t *buf = NULL;
	struct stat st;
	int fd, ret = -1;

	*data = NULL;
	*len = 0;
	fd = strcmp(path, "-") ? open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK) :
				  STDIN_FILENO;
	if (fd < 0) {
		snprintf(err, errlen, "%s", strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) < 0) {
		snprintf(err, errlen, "%s", strerror(errno));
		goto out;
	}
	if (S_ISDIR(st.st_mode)) {
		snprintf(err, errlen, "is a directory");
		goto out;
	}
	if (!S_ISREG(st.st_mode) && !S_ISFIFO(st.st_mode) &&
	    !S_ISCHR(st.st_mode)) {
		snprintf(err, errlen, "not a regular file");
		goto out;
	}
	if (S_ISREG(st.st_mode) && (size_t)st.st_size > cap) {
		snprintf(err, errlen, "too large (%lld bytes, limit %zu)",
			 (long long)st.st_size, cap);
		goto out;
	}
	/* A pipe may have been opened non-blocking; block for its data. */
	if (fd != STDIN_FILENO)
		fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);

	for (;;) {
		ssize_t n;

		if (size == alloc) {
			size_t want = alloc ? alloc * 2 : 1 << 16;
			uint8_t *nb;

			if (want > cap + 1)
				want = cap + 1;
			if (want <= alloc) {
				snprintf(err, errlen, "too large (limit %zu bytes)", cap);
				goto out;
			}
			nb = realloc(buf, want);
			if (!nb) {
				snprintf(err, errlen, "out of memory");
				goto out;
			}
			buf = nb;
			alloc = want;
		}
		n = read(fd, buf + size, alloc - size);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			snprintf(err, errlen, "%s", strerror(errno));
			goto out;
		}
		if (n == 0)
			break;
		size += (size_t)n;
		if (size > cap) {
			snprintf(err, errlen, "too large (limit %zu bytes)", cap);
			goto out;
		}
	}
	*data = buf;
	*len = size;
	buf = NULL;
	ret = 0;
out:
	free(buf);
	if (fd != STDIN_FILENO)
		close(fd);
	return ret;
}
