// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * gi_capture_parse(): run every capture reader over the input (over a
 * copy when tool output was pasted as comments or lost its line breaks:
 * uncomment.c, unflatten.c), in the
 * order of readers.c's table (each commits its records through record.c,
 * which merges those of one PCI address), give a device ID to records
 * that only named their GPU (names.c), merge the records of one device
 * that share no address (record.c), and put them in input order.
 */
#include <stdlib.h>

#include "reader.h"

static int by_offset(const void *a, const void *b)
{
	const struct gi_capture_gpu *x = a, *y = b;

	if (x->offset != y->offset)
		return x->offset < y->offset ? -1 : 1;
	/* qsort is not stable: keep equal offsets in a fixed order */
	return x->formats < y->formats ? -1 : x->formats > y->formats;
}

int gi_capture_parse(const char *data, size_t len, struct gi_capture_gpu *out,
		     int max, char *err, size_t errlen)
{
	struct gi_cap_set set = { .gpu = out, .max = max };
	char *plain, *flat;
	size_t k, plain_len, flat_len;
	int i;

	if (err && errlen)
		err[0] = '\0';
	if (!out || max <= 0 || (!data && len)) {
		if (err && errlen)
			snprintf(err, errlen, "invalid arguments");
		return -1;
	}
	if (!data || !len)
		return 0;
	plain = gi_cap_uncomment(data, len, &plain_len);
	if (plain) {
		data = plain;
		len = plain_len;
	}
	flat = gi_cap_unflatten(data, len, &flat_len);
	if (flat) {
		data = flat;
		len = flat_len;
	}
	/* in readers.c's order: the richest formats first */
	for (k = 0; k < gi_n_readers; k++)
		if (gi_readers[k].read)
			gi_readers[k].read(&set, data, len);
	/* records hold copies: nothing points into the input any more */
	free(flat);
	free(plain);

	for (i = 0; i < set.n; i++)
		gi_cap_name_to_ids(&out[i]);
	/* records without an address that are one device with another */
	set.n = gi_capture_merge(out, set.n, NULL);
	for (i = 0; i < set.n; i++)
		gi_cap_name_to_ids(&out[i]);
	/* report GPUs in the order the input shows them */
	qsort(out, (size_t)set.n, sizeof(*out), by_offset);
	if (set.dropped && err && errlen)
		snprintf(err, errlen, "more than %d GPUs: %u left out", max,
			 set.dropped);
	return set.n;
}
