/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What the capture unit tests (test_capture*.c) share: parse() a text
 * into the file's own records, the verdict() of one record (its report
 * left in rep), and whether a format fed a record. Everything is static:
 * each test file has its own records, read by its tests after parse().
 */
#ifndef GPUIDENT_TESTS_CAPTEST_H
#define GPUIDENT_TESTS_CAPTEST_H

#include <string.h>

#include "capture/capture.h"
#include "gpuident/classify.h"

static struct gi_capture_gpu gpus[GI_CAPTURE_MAX_GPUS];
static char err[160];
static struct gi_report rep;

static inline int parse(const char *text)
{
	return gi_capture_parse(text, strlen(text), gpus, GI_CAPTURE_MAX_GPUS,
				err, sizeof(err));
}

static inline enum gi_verdict verdict(const struct gi_capture_gpu *g)
{
	gi_classify(&g->facts, &rep);
	return rep.verdict;
}

static inline bool from(const struct gi_capture_gpu *g,
			enum gi_capture_format f)
{
	return g->formats & (1u << f);
}

#endif
