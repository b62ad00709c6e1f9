/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The classifier: from a facts record to a verdict, always with the
 * evidence. The rules and their precedence are written down for users in
 * Documentation/gpuident/classification.rst; keep the two in step.
 */
#ifndef GPUIDENT_CLASSIFY_H
#define GPUIDENT_CLASSIFY_H

#include "compat.h"
#include "facts.h"
#include "kb.h"

enum gi_verdict {
	GI_VERDICT_ORIGINAL,
	GI_VERDICT_REGIONAL,
	GI_VERDICT_TRANSPLANT,
	GI_VERDICT_MODIFIED,
	GI_VERDICT_RELABELLED,
	GI_VERDICT_UNKNOWN,
	GI_VERDICT_COUNT
};

enum gi_check {
	GI_CHECK_DEVICE_KNOWN,
	GI_CHECK_ROM_DEVICE_ID,
	GI_CHECK_CHIP_ID,
	GI_CHECK_VBIOS_CHIP,
	GI_CHECK_VBIOS_MARKER,
	GI_CHECK_SM_COUNT,
	GI_CHECK_VRAM_SIZE,
	GI_CHECK_BAR1_SIZE,
	GI_CHECK_REGIONAL,
	GI_CHECK_ROM_SUBSYSTEM,
	GI_CHECK_ROM_CHECKSUM,
	GI_CHECK_BOARD_VENDOR,
	GI_CHECK_SOURCES_AGREE,	/* analyze: the inputs about one device agree */
	GI_CHECK_COUNT
};

enum gi_result {
	GI_RESULT_PASS,		/* the fact agrees with the claimed identity */
	GI_RESULT_FAIL,		/* it contradicts it */
	GI_RESULT_INFO,		/* worth knowing; neither */
};

/*
 * Weight of a finding. Per verdict the weights of failed findings add up;
 * a verdict needs GI_WEIGHT_STRONG in total, so two weak signals that point
 * the same way count as one strong one.
 */
enum gi_weight {
	GI_WEIGHT_NONE = 0,
	GI_WEIGHT_WEAK = 1,
	GI_WEIGHT_STRONG = 2,
	GI_WEIGHT_DECISIVE = 3,
};

#define GI_MAX_FINDINGS		16
#define GI_FINDING_TEXT		64

struct gi_finding {
	enum gi_check check;
	enum gi_result result;
	enum gi_verdict suggests;	/* for GI_RESULT_FAIL and _INFO */
	enum gi_weight weight;
	char observed[GI_FINDING_TEXT];
	char expected[GI_FINDING_TEXT];
	char note[96];
};

struct gi_report {
	enum gi_verdict verdict;
	u8 confidence;			/* percent; 0 for unknown */
	const struct gi_sku *sku;	/* the claimed SKU, NULL if unknown */
	/* For regional SKUs (also when another verdict wins). */
	const struct gi_sku *base_sku;
	unsigned int n_findings;
	struct gi_finding findings[GI_MAX_FINDINGS];
};

void gi_classify(const struct gi_facts *facts, struct gi_report *report);

const char *gi_verdict_name(enum gi_verdict v);
const char *gi_check_name(enum gi_check c);
const char *gi_result_name(enum gi_result r);
const char *gi_weight_name(enum gi_weight w);

#endif /* GPUIDENT_CLASSIFY_H */
