// SPDX-License-Identifier: GPL-2.0
/*
 * The classifier. Each check compares one fact with what the knowledge base
 * says of the claimed SKU and records a finding; the verdict follows from
 * the failed findings' weights. Documentation/gpuident/classification.rst
 * states the same rules for users.
 */
#include "gpuident/classify.h"
#include "gpuident/nvreg.h"

/* BAR1 of 256 MiB or less means resizable BAR is off: nothing to judge. */
#define BAR1_LEGACY_MIB		256

/* Severity when several verdicts have enough weight: higher wins. */
static const u8 severity[GI_VERDICT_COUNT] = {
	[GI_VERDICT_ORIGINAL] = 0,
	[GI_VERDICT_REGIONAL] = 1,
	[GI_VERDICT_MODIFIED] = 2,
	[GI_VERDICT_TRANSPLANT] = 3,
	[GI_VERDICT_RELABELLED] = 4,
	[GI_VERDICT_UNKNOWN] = 0,
};

const char *gi_verdict_name(enum gi_verdict v)
{
	static const char *const names[GI_VERDICT_COUNT] = {
		[GI_VERDICT_ORIGINAL] = "original",
		[GI_VERDICT_REGIONAL] = "regional",
		[GI_VERDICT_TRANSPLANT] = "transplant",
		[GI_VERDICT_MODIFIED] = "modified",
		[GI_VERDICT_RELABELLED] = "relabelled",
		[GI_VERDICT_UNKNOWN] = "unknown",
	};

	return (unsigned int)v < GI_VERDICT_COUNT ? names[v] : "unknown";
}

const char *gi_check_name(enum gi_check c)
{
	static const char *const names[GI_CHECK_COUNT] = {
		[GI_CHECK_DEVICE_KNOWN] = "device_known",
		[GI_CHECK_ROM_DEVICE_ID] = "rom_device_id",
		[GI_CHECK_CHIP_ID] = "chip_id",
		[GI_CHECK_VBIOS_CHIP] = "vbios_chip",
		[GI_CHECK_VBIOS_MARKER] = "vbios_marker",
		[GI_CHECK_SM_COUNT] = "sm_count",
		[GI_CHECK_VRAM_SIZE] = "vram_size",
		[GI_CHECK_BAR1_SIZE] = "bar1_size",
		[GI_CHECK_REGIONAL] = "regional",
		[GI_CHECK_ROM_SUBSYSTEM] = "rom_subsystem",
		[GI_CHECK_ROM_CHECKSUM] = "rom_checksum",
		[GI_CHECK_BOARD_VENDOR] = "board_vendor",
		[GI_CHECK_SOURCES_AGREE] = "sources_agree",
	};

	return (unsigned int)c < GI_CHECK_COUNT ? names[c] : "unknown";
}

const char *gi_result_name(enum gi_result r)
{
	switch (r) {
	case GI_RESULT_PASS:
		return "pass";
	case GI_RESULT_FAIL:
		return "fail";
	case GI_RESULT_INFO:
		return "info";
	}
	return "info";
}

const char *gi_weight_name(enum gi_weight w)
{
	switch (w) {
	case GI_WEIGHT_NONE:
		return "none";
	case GI_WEIGHT_WEAK:
		return "weak";
	case GI_WEIGHT_STRONG:
		return "strong";
	case GI_WEIGHT_DECISIVE:
		return "decisive";
	}
	return "none";
}

static struct gi_finding *add(struct gi_report *r, enum gi_check check,
			      enum gi_result result, enum gi_verdict suggests,
			      enum gi_weight weight)
{
	struct gi_finding *f;

	if (r->n_findings >= GI_MAX_FINDINGS)
		return NULL;
	f = &r->findings[r->n_findings++];
	memset(f, 0, sizeof(*f));
	f->check = check;
	f->result = result;
	f->suggests = suggests;
	f->weight = weight;
	return f;
}

/* add() and fill the texts; fmt strings are compile-time constants. */
#define FINDING(r, check, result, suggests, weight, ...)		\
	do {								\
		struct gi_finding *f_ = add(r, check, result, suggests, weight); \
		if (f_)							\
			fill(f_, __VA_ARGS__);				\
	} while (0)

struct texts {
	const char *observed;
	const char *expected;
	const char *note;
};

static void copy_text(char *dst, size_t n, const char *src)
{
	size_t l = src ? strlen(src) : 0;

	if (l >= n)
		l = n - 1;
	if (l)
		memcpy(dst, src, l);
	dst[l] = '\0';
}

static void fill(struct gi_finding *f, const char *observed,
		 const char *expected, const char *note)
{
	copy_text(f->observed, sizeof(f->observed), observed);
	copy_text(f->expected, sizeof(f->expected), expected);
	copy_text(f->note, sizeof(f->note), note);
}

struct ctx {
	const struct gi_facts *f;
	struct gi_report *r;
	const struct gi_sku *sku;
	const struct gi_chip *chip;
	char a[GI_FINDING_TEXT], b[GI_FINDING_TEXT], n[96];
};

static bool have(const struct ctx *c, u32 bits)
{
	return (c->f->have & bits) == bits;
}

static void check_device_known(struct ctx *c)
{
	const struct gi_facts *f = c->f;

	snprintf(c->a, sizeof(c->a), "%04x:%04x", f->vendor_id, f->device_id);
	if (c->sku) {
		FINDING(c->r, GI_CHECK_DEVICE_KNOWN, GI_RESULT_PASS,
			GI_VERDICT_ORIGINAL, GI_WEIGHT_NONE, c->a,
			c->sku->product, NULL);
	} else {
		FINDING(c->r, GI_CHECK_DEVICE_KNOWN, GI_RESULT_INFO,
			GI_VERDICT_UNKNOWN, GI_WEIGHT_NONE, c->a, NULL,
			"device ID not in the knowledge base: nothing to compare against");
	}
}

static void check_rom_device(struct ctx *c)
{
	const struct gi_facts *f = c->f;
	unsigned int i;
	bool listed = f->rom_device_id == f->device_id;

	if (!have(c, GI_HAVE_ROM | GI_HAVE_IDS) ||
	    c->f->origin == GI_ORIGIN_ROM_FILE || !f->rom_vendor_id)
		return;
	for (i = 0; i < f->rom_n_devlist && i < GI_ARRAY_SIZE(f->rom_devlist); i++)
		if (f->rom_devlist[i] == f->device_id)
			listed = true;
	snprintf(c->a, sizeof(c->a), "VBIOS for %04x:%04x", f->rom_vendor_id,
		 f->rom_device_id);
	snprintf(c->b, sizeof(c->b), "%04x:%04x", f->vendor_id, f->device_id);
	if (f->rom_vendor_id == f->vendor_id && listed) {
		FINDING(c->r, GI_CHECK_ROM_DEVICE_ID, GI_RESULT_PASS,
			GI_VERDICT_ORIGINAL, GI_WEIGHT_STRONG, c->a, c->b, NULL);
		return;
	}
	FINDING(c->r, GI_CHECK_ROM_DEVICE_ID, GI_RESULT_FAIL,
		GI_VERDICT_RELABELLED, GI_WEIGHT_DECISIVE, c->a, c->b,
		"the VBIOS was built for another device: cross-flashed or relabelled");
}

static void chip_text(char *buf, size_t n, const char *name, u16 id)
{
	if (name)
		snprintf(buf, n, "%s (0x%03x)", name, id);
	else
		snprintf(buf, n, "chip 0x%03x", id);
}

static void check_chip_id(struct ctx *c)
{
	const struct gi_chip *seen;

	if (!have(c, GI_HAVE_CHIP_ID) || !c->chip || !c->chip->chip_id)
		return;
	seen = gi_kb_chip_by_id(c->f->vendor_id, c->f->nv_chip_id);
	chip_text(c->a, sizeof(c->a), seen ? seen->name :
		  gi_nv_chip_name(c->f->nv_chip_id), c->f->nv_chip_id);
	chip_text(c->b, sizeof(c->b), c->chip->name, c->chip->chip_id);
	if (c->f->nv_chip_id == c->chip->chip_id)
		FINDING(c->r, GI_CHECK_CHIP_ID, GI_RESULT_PASS,
			GI_VERDICT_ORIGINAL, GI_WEIGHT_DECISIVE, c->a, c->b, NULL);
	else
		FINDING(c->r, GI_CHECK_CHIP_ID, GI_RESULT_FAIL,
			GI_VERDICT_RELABELLED, GI_WEIGHT_DECISIVE, c->a, c->b,
			"the silicon is not the claimed product's chip");
}

static bool is_marker_version(const u8 *v)
{
	return v[0] == 0xde && v[1] == 0xad && v[3] == 0xbe && v[4] == 0xef;
}

static void check_vbios(struct ctx *c)
{
	const u8 *v = c->f->bios_version;
	const struct gi_chip *owner;

	if (!have(c, GI_HAVE_BIOS_VERSION))
		return;
	snprintf(c->a, sizeof(c->a), "%02x.%02x.%02x.%02x.%02x", v[0], v[1],
		 v[2], v[3], v[4]);
	if (is_marker_version(v)) {
		FINDING(c->r, GI_CHECK_VBIOS_MARKER, GI_RESULT_FAIL,
			GI_VERDICT_MODIFIED, GI_WEIGHT_STRONG, c->a,
			"a release version",
			"placeholder version DE.AD.xx.BE.EF: an edited or engineering VBIOS");
		return;
	}
	if (!c->chip || !c->chip->bios_major)
		return;
	snprintf(c->b, sizeof(c->b), "%02x.%02x.xx.xx.xx (%s)",
		 c->chip->bios_major, c->chip->bios_chip, c->chip->name);
	if (v[0] == c->chip->bios_major && v[1] == c->chip->bios_chip) {
		FINDING(c->r, GI_CHECK_VBIOS_CHIP, GI_RESULT_PASS,
			GI_VERDICT_ORIGINAL, GI_WEIGHT_WEAK, c->a, c->b, NULL);
		return;
	}
	owner = gi_kb_chip_by_bios(v[0], v[1]);
	if (owner)
		snprintf(c->n, sizeof(c->n),
			 "the VBIOS version belongs to %s: firmware of another chip",
			 owner->name);
	else
		snprintf(c->n, sizeof(c->n),
			 "the VBIOS version prefix belongs to no chip gpuident knows");
	/*
	 * Prefixes come from envytools and from every real image and capture
	 * in the test corpus (tests/unit/test_kb.c checks them); one that
	 * names another chip is strong evidence, an unknown one only noted.
	 */
	FINDING(c->r, GI_CHECK_VBIOS_CHIP, owner ? GI_RESULT_FAIL : GI_RESULT_INFO,
		GI_VERDICT_RELABELLED, owner ? GI_WEIGHT_STRONG : GI_WEIGHT_NONE,
		c->a, c->b, c->n);
}

/* Another SKU of the same chip with this many SMs, if any. */
static const struct gi_sku *sku_with_units(const struct gi_sku *claimed,
					   u16 units)
{
	size_t i;

	for (i = 0; i < gi_n_skus; i++) {
		const struct gi_sku *s = &gi_skus[i];

		if (s != claimed && s->vendor_id == claimed->vendor_id &&
		    s->units == units && s->chip && claimed->chip &&
		    !strcmp(s->chip, claimed->chip))
			return s;
	}
	return NULL;
}

static void check_sm_count(struct ctx *c)
{
	const struct gi_facts *f = c->f;
	const struct gi_sku *other;

	if (!have(c, GI_HAVE_SM_COUNT) || !c->sku || !c->sku->units ||
	    c->sku->vendor_id != GI_VENDOR_NVIDIA)
		return;
	snprintf(c->a, sizeof(c->a), "%u SMs%s", f->sm_count,
		 f->sm_from_fuses ? " (fuses)" : "");
	snprintf(c->b, sizeof(c->b), "%u SMs", c->sku->units);
	if (f->sm_count == c->sku->units) {
		FINDING(c->r, GI_CHECK_SM_COUNT, GI_RESULT_PASS,
			GI_VERDICT_ORIGINAL,
			f->sm_from_fuses ? GI_WEIGHT_STRONG : GI_WEIGHT_WEAK,
			c->a, c->b, NULL);
		return;
	}
	if (f->partitioned && !f->sm_from_fuses && f->sm_count < c->sku->units) {
		FINDING(c->r, GI_CHECK_SM_COUNT, GI_RESULT_INFO,
			GI_VERDICT_ORIGINAL, GI_WEIGHT_NONE, c->a, c->b,
			"a partition (MIG/vGPU) shows part of the GPU: not judged");
		return;
	}
	other = sku_with_units(c->sku, f->sm_count);
	if (other)
		snprintf(c->n, sizeof(c->n), "the SM count is that of %s (%04x:%04x)",
			 other->product, other->vendor_id, other->device_id);
	else
		snprintf(c->n, sizeof(c->n),
			 "no %s product has this SM count", c->sku->chip);
	FINDING(c->r, GI_CHECK_SM_COUNT, GI_RESULT_FAIL, GI_VERDICT_RELABELLED,
		f->sm_from_fuses ? GI_WEIGHT_DECISIVE : GI_WEIGHT_STRONG,
		c->a, c->b, c->n);
}

static void vram_list(char *buf, size_t n, const struct gi_sku *s)
{
	size_t used = 0;
	unsigned int i;

	buf[0] = '\0';
	for (i = 0; i < GI_SKU_MAX_VRAM && s->vram_mib[i] && used + 1 < n; i++)
		used += snprintf(buf + used, n - used, "%s%u", i ? "/" : "",
				 s->vram_mib[i]);
	if (used + 1 < n)
		snprintf(buf + used, n - used, " MiB");
}

/*
 * More memory than shipped: chips of higher density on the same board
 * ("modified"), or, when even the densest chips of that memory type on
 * every pad of the reference board cannot hold it, a new board: the die
 * was moved ("transplant", the 48 GB RTX 4090).
 */
static bool needs_new_board(const struct gi_sku *s, u32 seen_mib)
{
	u32 chips, chip_max = gi_mem_max_chip_mib(s->mem_type);
	u64 capacity;

	if (!s->bus_bits || !chip_max)
		return false;
	chips = s->bus_bits / 32;
	if (s->flags & GI_SKU_CLAMSHELL)
		chips *= 2;
	capacity = (u64)chips * chip_max;
	return (u64)seen_mib * 100 > capacity * 102;
}

static void check_vram(struct ctx *c)
{
	const struct gi_facts *f = c->f;
	const struct gi_sku *s = c->sku;
	bool ecc_possible;
	u32 seen = f->vram_mib, lo_pct;
	unsigned int i;

	if (!have(c, GI_HAVE_VRAM) || !s || !s->vram_mib[0] ||
	    s->mem_type == GI_MEM_SHARED)
		return;
	ecc_possible = have(c, GI_HAVE_ECC) ? f->ecc_enabled :
		       !!(s->flags & GI_SKU_ECC);
	/* ECC on GDDR carves out 1/16; drivers reserve a few percent more. */
	lo_pct = ecc_possible ? 90 : 94;
	snprintf(c->a, sizeof(c->a), "%u MiB", seen);
	vram_list(c->b, sizeof(c->b), s);
	if (f->vram_lower_bound &&
	    (u64)seen * 100 <= (u64)gi_sku_vram_max(s) * 102) {
		FINDING(c->r, GI_CHECK_VRAM_SIZE, GI_RESULT_INFO,
			GI_VERDICT_ORIGINAL, GI_WEIGHT_NONE, c->a, c->b,
			"a value that may be used or free memory: only more than the card can carry would count");
		return;
	}

	for (i = 0; i < GI_SKU_MAX_VRAM && s->vram_mib[i]; i++) {
		u64 cfg = s->vram_mib[i];

		if ((u64)seen * 100 >= cfg * lo_pct &&
		    (u64)seen * 100 <= cfg * 102) {
			FINDING(c->r, GI_CHECK_VRAM_SIZE, GI_RESULT_PASS,
				GI_VERDICT_ORIGINAL, GI_WEIGHT_WEAK, c->a, c->b,
				NULL);
			return;
		}
	}
	if ((u64)seen * 100 > (u64)gi_sku_vram_max(s) * 102) {
		if (needs_new_board(s, seen))
			FINDING(c->r, GI_CHECK_VRAM_SIZE, GI_RESULT_FAIL,
				GI_VERDICT_TRANSPLANT, GI_WEIGHT_STRONG, c->a, c->b,
				"more memory than the reference board can carry: the die is on another board");
		else
			FINDING(c->r, GI_CHECK_VRAM_SIZE, GI_RESULT_FAIL,
				GI_VERDICT_MODIFIED, GI_WEIGHT_STRONG, c->a, c->b,
				"more memory than any shipped configuration: memory chips replaced");
		return;
	}
	if (f->partitioned) {
		FINDING(c->r, GI_CHECK_VRAM_SIZE, GI_RESULT_INFO,
			GI_VERDICT_ORIGINAL, GI_WEIGHT_NONE, c->a, c->b,
			"seen through MIG, vGPU or a container: less memory is expected");
		return;
	}
	FINDING(c->r, GI_CHECK_VRAM_SIZE, GI_RESULT_FAIL, GI_VERDICT_MODIFIED,
		GI_WEIGHT_WEAK, c->a, c->b,
		"less memory than any shipped configuration");
}

static void check_bar1(struct ctx *c)
{
	const struct gi_facts *f = c->f;

	if (!have(c, GI_HAVE_BAR1 | GI_HAVE_VRAM) || f->partitioned ||
	    f->bar1_mib <= BAR1_LEGACY_MIB)
		return;
	snprintf(c->a, sizeof(c->a), "BAR1 %u MiB", f->bar1_mib);
	snprintf(c->b, sizeof(c->b), ">= VRAM (%u MiB)", f->vram_mib);
	/* BAR1 is a power of two; VRAM as seen is a little under one. */
	if ((u64)f->bar1_mib * 100 >= (u64)f->vram_mib * 98)
		FINDING(c->r, GI_CHECK_BAR1_SIZE, GI_RESULT_PASS,
			GI_VERDICT_ORIGINAL, GI_WEIGHT_NONE, c->a, c->b, NULL);
	else
		FINDING(c->r, GI_CHECK_BAR1_SIZE, GI_RESULT_FAIL,
			GI_VERDICT_TRANSPLANT, GI_WEIGHT_WEAK, c->a, c->b,
			"resizable BAR smaller than VRAM: NVIDIA's own boards size BAR1 to cover it");
}

static void check_regional(struct ctx *c)
{
	const struct gi_sku *s = c->sku;

	if (!s || !(s->flags & GI_SKU_REGIONAL))
		return;
	c->r->base_sku = s->base_device_id ?
		gi_kb_sku(s->vendor_id, s->base_device_id, 0, 0) : NULL;
	if (c->r->base_sku)
		snprintf(c->n, sizeof(c->n), "China-market variant of %s",
			 c->r->base_sku->product);
	else
		snprintf(c->n, sizeof(c->n), "China-market variant");
	FINDING(c->r, GI_CHECK_REGIONAL, GI_RESULT_INFO, GI_VERDICT_REGIONAL,
		GI_WEIGHT_NONE, s->product,
		c->r->base_sku ? c->r->base_sku->product : NULL, c->n);
}

static void check_rom_subsystem(struct ctx *c)
{
	const struct gi_facts *f = c->f;

	if (!have(c, GI_HAVE_ROM_SUBSYS | GI_HAVE_SUBSYS) ||
	    f->origin == GI_ORIGIN_ROM_FILE || !f->rom_ssvid || !f->rom_ssid)
		return;
	snprintf(c->a, sizeof(c->a), "VBIOS for board %04x:%04x", f->rom_ssvid,
		 f->rom_ssid);
	snprintf(c->b, sizeof(c->b), "%04x:%04x", f->ssvid, f->ssid);
	if (f->rom_ssvid == f->ssvid && f->rom_ssid == f->ssid)
		FINDING(c->r, GI_CHECK_ROM_SUBSYSTEM, GI_RESULT_PASS,
			GI_VERDICT_ORIGINAL, GI_WEIGHT_WEAK, c->a, c->b, NULL);
	else
		FINDING(c->r, GI_CHECK_ROM_SUBSYSTEM, GI_RESULT_FAIL,
			GI_VERDICT_MODIFIED, GI_WEIGHT_STRONG, c->a, c->b,
			"the VBIOS comes from another board: cross-flashed");
}

static void check_rom_checksum(struct ctx *c)
{
	if (!have(c, GI_HAVE_ROM_CHECKSUM))
		return;
	if (c->f->rom_checksum_ok)
		FINDING(c->r, GI_CHECK_ROM_CHECKSUM, GI_RESULT_PASS,
			GI_VERDICT_ORIGINAL, GI_WEIGHT_NONE, "sum is 0",
			"sum is 0", NULL);
	else
		FINDING(c->r, GI_CHECK_ROM_CHECKSUM, GI_RESULT_FAIL,
			GI_VERDICT_MODIFIED, GI_WEIGHT_STRONG, "sum is not 0",
			"sum is 0",
			"the x86 image's checksum fails: it was edited after the build");
}

static void check_board_vendor(struct ctx *c)
{
	const struct gi_facts *f = c->f;
	const struct gi_board_vendor *v;
	const struct gi_board *b;
	const struct gi_sku *generic;

	if (!have(c, GI_HAVE_SUBSYS | GI_HAVE_IDS) || !f->ssvid)
		return;
	v = gi_kb_board_vendor(f->ssvid);
	b = gi_kb_board(f->vendor_id, f->device_id, f->ssvid, f->ssid);
	snprintf(c->a, sizeof(c->a), "%04x:%04x", f->ssvid, f->ssid);
	generic = gi_kb_sku(f->vendor_id, f->device_id, 0, 0);
	if (b && b->never_retail && generic &&
	    !(generic->flags & (GI_SKU_UNRELEASED | GI_SKU_DATACENTER |
				GI_SKU_WORKSTATION))) {
		/* the board ID of a sample on a card sold as a consumer part */
		snprintf(c->n, sizeof(c->n),
			 "%s, never sold at retail: modified or rebuilt",
			 b->name ? b->name : "a board");
		FINDING(c->r, GI_CHECK_BOARD_VENDOR, GI_RESULT_FAIL,
			GI_VERDICT_MODIFIED, GI_WEIGHT_STRONG, c->a,
			"a board sold at retail", c->n);
	} else if (b) {
		gi_kb_board_label(v, b, c->n, sizeof(c->n));
		FINDING(c->r, GI_CHECK_BOARD_VENDOR, GI_RESULT_PASS,
			GI_VERDICT_ORIGINAL, GI_WEIGHT_NONE, c->a, NULL, c->n);
	} else if (v) {
		FINDING(c->r, GI_CHECK_BOARD_VENDOR, GI_RESULT_INFO,
			GI_VERDICT_ORIGINAL, GI_WEIGHT_NONE, c->a, NULL, v->name);
	} else {
		FINDING(c->r, GI_CHECK_BOARD_VENDOR, GI_RESULT_FAIL,
			GI_VERDICT_TRANSPLANT, GI_WEIGHT_WEAK, c->a,
			"a known board maker",
			"subsystem vendor is no known board maker: a non-reference board?");
	}
}

/*
 * An identity inferred from a product name is only a guess among the SKUs
 * that carry the name: facts that contradict it say which SKU fits, never
 * that the card was relabelled. The first such finding stays as a weak
 * doubt (with its note naming the SKU that fits), the rest as information,
 * so that they can never add up to a relabelled verdict.
 */
static void name_only_identity(struct gi_report *r)
{
	bool first = true;
	unsigned int i;

	for (i = 0; i < r->n_findings; i++) {
		struct gi_finding *f = &r->findings[i];
		char note[sizeof(f->note)];

		if (f->result != GI_RESULT_FAIL ||
		    f->suggests != GI_VERDICT_RELABELLED)
			continue;
		if (first) {
			f->weight = GI_WEIGHT_WEAK;
		} else {
			f->result = GI_RESULT_INFO;
			f->weight = GI_WEIGHT_NONE;
		}
		first = false;
		snprintf(note, sizeof(note), "identity from the name only: %s",
			 f->note);
		copy_text(f->note, sizeof(f->note), note);
	}
}

static u8 clamp_pct(int v)
{
	return v < 5 ? 5 : v > 99 ? 99 : (u8)v;
}

static void decide(struct gi_report *r)
{
	int weight[GI_VERDICT_COUNT] = { 0 };
	int passed = 0, doubt = 0;
	enum gi_verdict v = GI_VERDICT_ORIGINAL;
	unsigned int i;

	for (i = 0; i < r->n_findings; i++) {
		const struct gi_finding *f = &r->findings[i];

		if (f->result == GI_RESULT_FAIL)
			weight[f->suggests] += f->weight;
		else if (f->result == GI_RESULT_PASS)
			passed += f->weight;
	}
	for (i = 0; i < GI_VERDICT_COUNT; i++) {
		if (i == GI_VERDICT_UNKNOWN || weight[i] < GI_WEIGHT_STRONG)
			continue;
		if (v == GI_VERDICT_ORIGINAL || severity[i] > severity[v])
			v = i;
	}
	if (v != GI_VERDICT_ORIGINAL) {
		r->verdict = v;
		r->confidence = clamp_pct(50 + 15 * weight[v]);
		return;
	}
	if (!r->sku) {
		r->verdict = GI_VERDICT_UNKNOWN;
		r->confidence = 0;
		return;
	}
	for (i = 0; i < GI_VERDICT_COUNT; i++)
		doubt += weight[i];
	r->verdict = (r->sku->flags & GI_SKU_REGIONAL) ? GI_VERDICT_REGIONAL :
		     GI_VERDICT_ORIGINAL;
	/* Agreement never proves a card genuine: cap below certainty. */
	r->confidence = clamp_pct(40 + 8 * passed - 15 * doubt);
	if (r->confidence > 95)
		r->confidence = 95;
}

void gi_classify(const struct gi_facts *facts, struct gi_report *report)
{
	struct ctx c = { .f = facts, .r = report };

	memset(report, 0, sizeof(*report));
	if (facts->have & GI_HAVE_IDS) {
		c.sku = gi_kb_sku(facts->vendor_id, facts->device_id,
				  facts->ssvid, facts->ssid);
		c.chip = c.sku ? gi_kb_chip(c.sku->chip) : NULL;
		check_device_known(&c);
	}
	report->sku = c.sku;
	check_rom_device(&c);
	check_chip_id(&c);
	check_vbios(&c);
	check_sm_count(&c);
	check_vram(&c);
	check_bar1(&c);
	check_regional(&c);
	check_rom_subsystem(&c);
	check_rom_checksum(&c);
	check_board_vendor(&c);
	if (facts->ids_from_name)
		name_only_identity(report);
	decide(report);
}
