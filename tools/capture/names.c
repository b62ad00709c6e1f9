// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Product names to device IDs, through the knowledge base, for captures
 * that name a GPU without showing its PCI IDs (the nvidia-smi table, -L,
 * deviceQuery, /proc/driver/nvidia). A name shared by several devices is
 * decided by the facts the capture shows, or not at all.
 */
#include "reader.h"
#include "gpuident/kb.h"


/*
 * How a SKU that carries the name fits what the capture shows (memory bus
 * width, memory size, SM count, the chip the VBIOS version names): 1 when every fact the SKU has a spec for
 * agrees, 0 when none could be compared, -1 when one disagrees. A
 * partition (MIG, vGPU) shows a slice: nothing is compared.
 */
static int sku_fits(const struct gi_sku *s, const struct gi_capture_gpu *g)
{
	const struct gi_facts *f = g ? &g->facts : NULL;
	int compared = 0;
	unsigned int i;

	if (!f || f->partitioned)
		return 0;
	if (g->bus_bits && s->bus_bits) {
		if (g->bus_bits != s->bus_bits)
			return -1;
		compared++;
	}
	if ((f->have & GI_HAVE_VRAM) && s->vram_mib[0] &&
	    s->mem_type != GI_MEM_SHARED) {
		bool ok = false;

		/* as the classifier: ECC carve-out and driver reserve below */
		for (i = 0; i < GI_SKU_MAX_VRAM && s->vram_mib[i]; i++)
			if ((u64)f->vram_mib * 100 >= (u64)s->vram_mib[i] * 90 &&
			    (u64)f->vram_mib * 100 <= (u64)s->vram_mib[i] * 102)
				ok = true;
		if (ok)
			compared++;
		/* a lower bound (used or free memory?) rules out only by excess */
		else if (!f->vram_lower_bound ||
			 (u64)f->vram_mib * 100 > (u64)gi_sku_vram_max(s) * 102)
			return -1;
	}
	if ((f->have & GI_HAVE_SM_COUNT) && s->units &&
	    s->vendor_id == GI_VENDOR_NVIDIA) {
		if (f->sm_count != s->units)
			return -1;
		compared++;
	}
	/*
	 * NVIDIA's VBIOS version names its chip ("90.16" is TU116): a
	 * GeForce GTX 1660 SUPER is TU116 (21C4) or TU106 (1F09). A prefix
	 * of no known chip compares nothing.
	 */
	if ((f->have & GI_HAVE_BIOS_VERSION) && s->chip &&
	    s->vendor_id == GI_VENDOR_NVIDIA) {
		const struct gi_chip *c = gi_kb_chip(s->chip);
		const u8 *v = f->bios_version;

		if (c && c->bios_major && v[0] == c->bios_major &&
		    v[1] == c->bios_chip)
			compared++;
		else if (c && c->bios_major && gi_kb_chip_by_bios(v[0], v[1]))
			return -1;
	}
	return compared ? 1 : 0;
}

#define GI_NAME_MAX_CANDIDATES	16

static bool same_device(const struct gi_sku *a, const struct gi_sku *b)
{
	return a->vendor_id == b->vendor_id && a->device_id == b->device_id;
}

static bool same_str(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

/*
 * Two device IDs for one product: Turing's "A" and non-"A" dies (the
 * driver calls 1E04 and 1E07 both "NVIDIA GeForce RTX 2080 Ti"), and the
 * like. When the rows agree on the name, the chip and every spec and flag
 * the classifier judges, its findings are the same whichever of them the
 * card is, so either may stand for both. Rows that differ in anything
 * judged stay a real ambiguity.
 */
static bool twins(const struct gi_sku *a, const struct gi_sku *b)
{
	return a->vendor_id == b->vendor_id && same_str(a->product, b->product) &&
	       same_str(a->chip, b->chip) && a->units == b->units &&
	       !memcmp(a->vram_mib, b->vram_mib, sizeof(a->vram_mib)) &&
	       a->mem_type == b->mem_type && a->bus_bits == b->bus_bits &&
	       a->pcie_gen == b->pcie_gen && a->pcie_width == b->pcie_width &&
	       a->tdp_w == b->tdp_w && a->flags == b->flags &&
	       a->base_device_id == b->base_device_id;
}


/*
 * Every candidate disagrees with the facts. One device: that is the one
 * named. Several ("NVIDIA GeForce RTX 2080 Ti" is 1E04 and 1E07): only
 * when the memory seen is above every candidate's largest configuration,
 * the candidate with the most memory stands for them all, because the
 * classifier's finding (more memory than shipped) then holds whichever
 * of them the card is. Otherwise none. Returns the index, or -1.
 */
static int disagreeing_candidate(const struct gi_sku *const *cand, int n,
				 const struct gi_capture_gpu *g)
{
	int i, best = 0;
	bool one_device = true;

	for (i = 1; i < n; i++)
		if (cand[i]->vendor_id != cand[0]->vendor_id ||
		    cand[i]->device_id != cand[0]->device_id)
			one_device = false;
	if (one_device)
		return 0;
	if (!g || g->facts.partitioned || !(g->facts.have & GI_HAVE_VRAM))
		return -1;
	for (i = 0; i < n; i++) {
		u32 max = gi_sku_vram_max(cand[i]);

		if (!max || cand[i]->mem_type == GI_MEM_SHARED ||
		    (u64)g->facts.vram_mib * 100 <= (u64)max * 102)
			return -1;
		if (max > gi_sku_vram_max(cand[best]))
			best = i;
	}
	return best;
}

static bool has_specs(const struct gi_sku *s)
{
	return s->units || s->vram_mib[0] || s->bus_bits;
}

/*
 * A second device ID that a source lists under a product's name but with
 * no specs of its own ("GeForce RTX 4080 SUPER (2nd ID)", "L20 (2nd ID)":
 * pci.ids only). Left as it is, it is the one candidate the facts cannot
 * rule out, so a 32 GB "RTX 4080 ..." would pass as it. The one specified
 * candidate of the same vendor, chip and regional flag that carries the
 * row's own name stands for it; none or several: the row stays itself.
 */
static const struct gi_sku *specified_alias(const struct gi_sku *s,
					    const struct gi_sku *const *cand,
					    int n)
{
	const struct gi_sku *found = NULL;
	char own[96];
	const char *bar;
	size_t len;
	int i;

	if (has_specs(s) || !s->chip || !s->names)
		return s;
	bar = strchr(s->names, '|');
	len = bar ? (size_t)(bar - s->names) : strlen(s->names);
	if (!len || len >= sizeof(own))
		return s;
	memcpy(own, s->names, len);
	own[len] = '\0';
	for (i = 0; i < n; i++) {
		const struct gi_sku *c = cand[i];

		if (c == s || !has_specs(c) || c->vendor_id != s->vendor_id ||
		    !same_str(c->chip, s->chip) ||
		    (c->flags & GI_SKU_REGIONAL) != (s->flags & GI_SKU_REGIONAL) ||
		    !gi_kb_sku_named(c, own))
			continue;
		if (found && !same_device(found, c) && !twins(found, c))
			return s;
		found = found ? found : c;
	}
	return found ? found : s;
}

/*
 * Every SKU that carries the name is a candidate (a name may be shared:
 * desktop and mobile, 8 and 16 GB). One device among them is the answer;
 * among several, the facts choose: those that fit where compared beat
 * those that could not be compared, which beat those that do not fit.
 * Still more than one device: no identity at all, never a guess.
 */
static bool name_to_device(const char *name, u16 vendor,
			   const struct gi_capture_gpu *g, u16 *vendor_id,
			   u16 *device_id)
{
	const struct gi_sku *cand[GI_NAME_MAX_CANDIDATES];
	int fit[GI_NAME_MAX_CANDIDATES];
	int n = 0, i, tier, best = -1;
	size_t k;

	for (k = 0; k < gi_n_skus; k++) {
		const struct gi_sku *s = &gi_skus[k];

		if ((vendor && s->vendor_id != vendor) ||
		    !gi_kb_sku_named(s, name))
			continue;
		/*
		 * A name that so many SKUs carry ("NVIDIA GeForce ...") names
		 * none of them: choosing among the first few would let a row
		 * with no specs pass a modified card as that row.
		 */
		if (n == GI_NAME_MAX_CANDIDATES)
			return false;
		cand[n++] = s;
	}
	for (i = 0; i < n; i++)
		cand[i] = specified_alias(cand[i], cand, n);
	for (i = 0; i < n; i++)
		fit[i] = sku_fits(cand[i], g);
	for (tier = 1; tier >= -1 && best < 0; tier--) {
		for (i = 0; i < n; i++) {
			if (fit[i] != tier)
				continue;
			if (best >= 0 && !same_device(cand[i], cand[best])) {
				if (!twins(cand[i], cand[best]))
					return false;	/* ambiguous: never guess */
				continue;	/* either stands for both */
			}
			best = i;
		}
		/* a device that does not fit is only named when it is the one */
		if (tier == 0 && best < 0)
			break;
	}
	if (best < 0 && n > 0)
		best = disagreeing_candidate(cand, n, g);
	if (best < 0)
		return false;
	*vendor_id = cand[best]->vendor_id;
	*device_id = cand[best]->device_id;
	return true;
}

bool gi_capture_name_to_id(const char *name, u16 vendor, u16 *vendor_id,
			   u16 *device_id)
{
	return name && name_to_device(name, vendor, NULL, vendor_id, device_id);
}

void gi_cap_name_to_ids(struct gi_capture_gpu *g)
{
	u16 v, d;

	if ((g->facts.have & GI_HAVE_IDS) || !g->name[0] || g->name_shared)
		return;
	if (!name_to_device(g->name, g->vendor_hint, g, &v, &d))
		return;
	gi_cap_set_ids(g, v, d);
	g->facts.ids_from_name = true;
	g->inferred |= GI_HAVE_IDS;
}
