// SPDX-License-Identifier: GPL-2.0
/*
 * Lookups in the knowledge base (kb_table.c). The tables hold a few hundred
 * rows at most, so every lookup is a linear scan.
 */
#include "gpuident/kb.h"

/*
 * How well a SKU row's subsystem constraints fit a device: -1 when a
 * constraint rules the row out, otherwise the number of constraints met
 * (0 for a row that matches any subsystem).
 */
static int gi_sku_subsys_score(const struct gi_sku *s, u16 ssvid, u16 ssid)
{
	int score = 0;

	if (s->ssvid_match) {
		if (s->ssvid_match != ssvid)
			return -1;
		score++;
	}
	if (s->ssid_match) {
		if (s->ssid_match != ssid)
			return -1;
		score++;
	}
	return score;
}

const struct gi_sku *gi_kb_sku(u16 vendor_id, u16 device_id, u16 ssvid,
			       u16 ssid)
{
	const struct gi_sku *best = NULL;
	int best_score = -1;
	size_t i;

	for (i = 0; i < gi_n_skus; i++) {
		const struct gi_sku *s = &gi_skus[i];
		int score;

		if (s->vendor_id != vendor_id || s->device_id != device_id)
			continue;
		score = gi_sku_subsys_score(s, ssvid, ssid);
		if (score > best_score) {
			best = s;
			best_score = score;
		}
	}
	return best;
}

static char lower(char c)
{
	return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

/*
 * The next character of a name as compared: lower case, with spaces,
 * hyphens and underscores skipped, so that "A100-SXM4-80GB" is
 * "a100sxm480gb" and "RTX 4090D" is "RTX 4090 D". Stops at @end.
 */
static const char *name_next(const char *p, const char *end, char *c)
{
	while (p < end && (*p == ' ' || *p == '\t' || *p == '-' || *p == '_'))
		p++;
	if (p >= end)
		return NULL;
	*c = lower(*p);
	return p + 1;
}

static bool starts_ci(const char *s, size_t len, const char *prefix)
{
	size_t i, n = strlen(prefix);

	if (len < n)
		return false;
	for (i = 0; i < n; i++)
		if (lower(s[i]) != prefix[i])
			return false;
	return true;
}

/* [*start, *end) without an "NVIDIA " prefix or a "..." truncation mark. */
static bool name_span(const char *s, size_t len, const char **start,
		      const char **end)
{
	bool truncated = false;

	while (len && (*s == ' ' || *s == '\t')) {
		s++;
		len--;
	}
	if (starts_ci(s, len, "nvidia ")) {
		s += 7;
		len -= 7;
	}
	while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	if (len >= 3 && !strncmp(s + len - 3, "...", 3)) {
		truncated = true;
		len -= 3;
	} else if (len >= 3 && !strncmp(s + len - 3, "\xe2\x80\xa6", 3)) {
		truncated = true;	/* U+2026 HORIZONTAL ELLIPSIS */
		len -= 3;
	}
	*start = s;
	*end = s + len;
	return truncated;
}

/* Shortest truncated name worth comparing: "NVIDIA ..." names nothing. */
#define GI_NAME_MIN_PREFIX	6

static bool name_matches(const char *claimed, const char *kb, size_t kb_len)
{
	const char *a, *a_end, *b, *b_end;
	bool truncated = name_span(claimed, strlen(claimed), &a, &a_end);
	size_t n = 0;
	char x, y;

	name_span(kb, kb_len, &b, &b_end);
	for (;;) {
		a = name_next(a, a_end, &x);
		if (!a)
			break;
		b = name_next(b, b_end, &y);
		if (!b || x != y)
			return false;
		n++;
	}
	if (truncated)
		return n >= GI_NAME_MIN_PREFIX;
	return n && !name_next(b, b_end, &y);
}

bool gi_kb_name_matches(const char *claimed, const char *kb_name)
{
	if (!claimed || !kb_name)
		return false;
	return name_matches(claimed, kb_name, strlen(kb_name));
}

bool gi_kb_sku_named(const struct gi_sku *s, const char *claimed)
{
	const char *p, *bar;

	if (!s || !claimed)
		return false;
	if (s->product && gi_kb_name_matches(claimed, s->product))
		return true;
	for (p = s->names; p && *p; p = bar ? bar + 1 : NULL) {
		bar = strchr(p, '|');
		if (name_matches(claimed, p, bar ? (size_t)(bar - p) : strlen(p)))
			return true;
	}
	return false;
}

const struct gi_chip *gi_kb_chip(const char *name)
{
	size_t i;

	if (!name)
		return NULL;
	for (i = 0; i < gi_n_chips; i++)
		if (!strcmp(gi_chips[i].name, name))
			return &gi_chips[i];
	return NULL;
}

const struct gi_chip *gi_kb_chip_by_id(u16 vendor_id, u16 chip_id)
{
	size_t i;

	if (!chip_id)
		return NULL;
	for (i = 0; i < gi_n_chips; i++)
		if (gi_chips[i].vendor_id == vendor_id &&
		    gi_chips[i].chip_id == chip_id)
			return &gi_chips[i];
	return NULL;
}

const struct gi_chip *gi_kb_chip_by_bios(u8 bios_major, u8 bios_chip)
{
	size_t i;

	/* A zero major byte marks "prefix unknown" in the table. */
	if (!bios_major)
		return NULL;
	for (i = 0; i < gi_n_chips; i++)
		if (gi_chips[i].bios_major == bios_major &&
		    gi_chips[i].bios_chip == bios_chip)
			return &gi_chips[i];
	return NULL;
}

const struct gi_board_vendor *gi_kb_board_vendor(u16 ssvid)
{
	size_t i;

	for (i = 0; i < gi_n_board_vendors; i++)
		if (gi_board_vendors[i].ssvid == ssvid)
			return &gi_board_vendors[i];
	return NULL;
}

const struct gi_board *gi_kb_board(u16 vendor_id, u16 device_id, u16 ssvid,
				   u16 ssid)
{
	size_t i;

	for (i = 0; i < gi_n_boards; i++) {
		const struct gi_board *b = &gi_boards[i];

		if (b->vendor_id == vendor_id && b->device_id == device_id &&
		    b->ssvid == ssvid && b->ssid == ssid)
			return b;
	}
	return NULL;
}

u32 gi_sku_vram_max(const struct gi_sku *s)
{
	u32 max = 0;
	size_t i;

	if (!s)
		return 0;
	for (i = 0; i < GI_SKU_MAX_VRAM && s->vram_mib[i]; i++)
		if (s->vram_mib[i] > max)
			max = s->vram_mib[i];
	return max;
}

u32 gi_sku_vram_min(const struct gi_sku *s)
{
	u32 min = 0;
	size_t i;

	if (!s)
		return 0;
	for (i = 0; i < GI_SKU_MAX_VRAM && s->vram_mib[i]; i++)
		if (!min || s->vram_mib[i] < min)
			min = s->vram_mib[i];
	return min;
}

u32 gi_mem_max_chip_mib(enum gi_mem_type t)
{
	switch (t) {
	case GI_MEM_GDDR5:
	case GI_MEM_GDDR5X:
		return 1024;	/* 8 Gbit */
	case GI_MEM_GDDR6:
	case GI_MEM_GDDR6X:
		return 2048;	/* 16 Gbit */
	case GI_MEM_GDDR7:
		return 3072;	/* 24 Gbit */
	default:
		/* HBM stacks, system DDR, shared or unknown: not applicable */
		return 0;
	}
}

const char *gi_mem_type_name(enum gi_mem_type t)
{
	switch (t) {
	case GI_MEM_DDR3:
		return "DDR3";
	case GI_MEM_DDR4:
		return "DDR4";
	case GI_MEM_DDR5:
		return "DDR5";
	case GI_MEM_GDDR5:
		return "GDDR5";
	case GI_MEM_GDDR5X:
		return "GDDR5X";
	case GI_MEM_GDDR6:
		return "GDDR6";
	case GI_MEM_GDDR6X:
		return "GDDR6X";
	case GI_MEM_GDDR7:
		return "GDDR7";
	case GI_MEM_HBM2:
		return "HBM2";
	case GI_MEM_HBM2E:
		return "HBM2e";
	case GI_MEM_HBM3:
		return "HBM3";
	case GI_MEM_HBM3E:
		return "HBM3e";
	case GI_MEM_SHARED:
		return "shared";
	case GI_MEM_UNKNOWN:
	default:
		return "unknown";
	}
}

char *gi_kb_board_label(const struct gi_board_vendor *v,
			const struct gi_board *b, char *buf, size_t n)
{
	if (v && b && strncmp(b->name, v->name, strlen(v->name)))
		snprintf(buf, n, "%s %s", v->name, b->name);
	else
		snprintf(buf, n, "%s", b ? b->name : v ? v->name : "");
	return buf;
}
