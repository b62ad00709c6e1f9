/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef GPUIDENT_TOOLS_FILEIO_H
#define GPUIDENT_TOOLS_FILEIO_H

#include <stddef.h>
#include <stdint.h>

/*
 * Read a whole file (or "-" for stdin) into a malloc'd buffer, refusing
 * anything larger than @cap bytes, directories and other non-regular
 * inputs that could hang. On failure returns -1 and puts a message
 * (without the file name) in err.
 */
int gi_read_file(const char *path, size_t cap, uint8_t **data, size_t *len,
		 char *err, size_t errlen);

#endif
