// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * gi_capture_parse(): run every capture reader over the input, merge what
 * they found about one PCI address into one record, and give a device ID
 * to records that only named their GPU. The readers are in capture_*.c,
 * one per format family.
 */
#include <stdlib.h>

#include "capture.h"
#include "gpuident/kb.h"

/* The GI_HAVE_* bits only a VBIOS or the card itself can give. */
#define NEVER_IN_TEXT	(GI_HAVE_CHIP_ID | GI_HAVE_ROM | GI_HAVE_ROM_SUBSYS | \
			 GI_HAVE_ROM_CHECKSUM)

static const struct {
	const char *name;
	u32 not_shown;
	u16 vendor_hint;
} formats[GI_CAPTURE_N_FORMATS] = {
	/* no PCI revision, no SM count outside MIG slices */
	[GI_CAPTURE_SMI_Q] = { "nvidia-smi-q", NEVER_IN_TEXT |
			       GI_HAVE_REVISION | GI_HAVE_SM_COUNT, GI_VENDOR_NVIDIA },
	[GI_CAPTURE_SMI_XML] = { "nvidia-smi-xml", NEVER_IN_TEXT |
				 GI_HAVE_REVISION | GI_HAVE_SM_COUNT, GI_VENDOR_NVIDIA },
	/* name, bus ID, memory, ECC and MIG columns only */
	[GI_CAPTURE_SMI_TABLE] = { "nvidia-smi", NEVER_IN_TEXT | GI_HAVE_IDS |
				   GI_HAVE_SUBSYS | GI_HAVE_REVISION |
				   GI_HAVE_SM_COUNT | GI_HAVE_BAR1 |
				   GI_HAVE_BIOS_VERSION | GI_HAVE_LINK |
				   GI_HAVE_PART_NUMBER, GI_VENDOR_NVIDIA },
	[GI_CAPTURE_LSPCI] = { "lspci", NEVER_IN_TEXT | GI_HAVE_SM_COUNT |
			       GI_HAVE_VRAM | GI_HAVE_BIOS_VERSION | GI_HAVE_ECC, 0 },
	/* VPD is not in config space proper; BAR1 only from resizable BAR */
	[GI_CAPTURE_LSPCI_X] = { "lspci-x", NEVER_IN_TEXT | GI_HAVE_SM_COUNT |
				 GI_HAVE_VRAM | GI_HAVE_BIOS_VERSION |
				 GI_HAVE_ECC | GI_HAVE_PART_NUMBER, 0 },
	[GI_CAPTURE_HEXDUMP] = { "hexdump", NEVER_IN_TEXT | GI_HAVE_SM_COUNT |
				 GI_HAVE_VRAM | GI_HAVE_BIOS_VERSION |
				 GI_HAVE_ECC | GI_HAVE_PART_NUMBER, 0 },
	[GI_CAPTURE_DEVICEQUERY] = { "devicequery", NEVER_IN_TEXT | GI_HAVE_IDS |
				     GI_HAVE_SUBSYS | GI_HAVE_REVISION |
				     GI_HAVE_BAR1 | GI_HAVE_BIOS_VERSION |
				     GI_HAVE_LINK | GI_HAVE_PART_NUMBER,
				     GI_VENDOR_NVIDIA },
	[GI_CAPTURE_PROC] = { "proc-nvidia", NEVER_IN_TEXT | GI_HAVE_IDS |
			      GI_HAVE_SUBSYS | GI_HAVE_REVISION |
			      GI_HAVE_SM_COUNT | GI_HAVE_VRAM | GI_HAVE_BAR1 |
			      GI_HAVE_ECC | GI_HAVE_LINK | GI_HAVE_PART_NUMBER,
			      GI_VENDOR_NVIDIA },
	/* name and UUID only */
	[GI_CAPTURE_SMI_L] = { "nvidia-smi-L", NEVER_IN_TEXT | GI_HAVE_IDS |
			       GI_HAVE_SUBSYS | GI_HAVE_REVISION |
			       GI_HAVE_SM_COUNT | GI_HAVE_VRAM | GI_HAVE_BAR1 |
			       GI_HAVE_BIOS_VERSION | GI_HAVE_ECC |
			       GI_HAVE_LINK | GI_HAVE_PART_NUMBER,
			       GI_VENDOR_NVIDIA },
	/*
	 * No --query-gpu field for these; the reader adds the bits of the
	 * fields a header leaves out.
	 */
	[GI_CAPTURE_SMI_CSV] = { "nvidia-smi-csv", NEVER_IN_TEXT |
				 GI_HAVE_REVISION | GI_HAVE_SM_COUNT |
				 GI_HAVE_BAR1 | GI_HAVE_PART_NUMBER,
				 GI_VENDOR_NVIDIA },
};

const char *gi_capture_format_name(unsigned int format)
{
	return format < GI_CAPTURE_N_FORMATS ? formats[format].name : "?";
}

void gi_cap_init(struct gi_capture_gpu *g, enum gi_capture_format format,
		 size_t offset)
{
	memset(g, 0, sizeof(*g));
	g->facts.origin = GI_ORIGIN_REPORT;
	g->facts.vram_source = GI_VRAM_DRIVER;
	g->formats = 1u << format;
	g->not_shown = formats[format].not_shown;
	g->vendor_hint = formats[format].vendor_hint;
	g->offset = offset;
	snprintf(g->format, sizeof(g->format), "%s", formats[format].name);
}

/* ---- setters ---------------------------------------------------------- */

void gi_cap_set_ids(struct gi_capture_gpu *g, u16 vendor, u16 device)
{
	g->facts.have |= GI_HAVE_IDS;
	g->facts.vendor_id = vendor;
	g->facts.device_id = device;
}

void gi_cap_set_subsys(struct gi_capture_gpu *g, u16 ssvid, u16 ssid)
{
	g->facts.have |= GI_HAVE_SUBSYS;
	g->facts.ssvid = ssvid;
	g->facts.ssid = ssid;
}

void gi_cap_set_vram(struct gi_capture_gpu *g, u32 mib)
{
	g->facts.have |= GI_HAVE_VRAM;
	g->facts.vram_mib = mib;
	g->facts.vram_source = GI_VRAM_DRIVER;
}

void gi_cap_set_bar1(struct gi_capture_gpu *g, u32 mib)
{
	if (!mib)
		return;
	g->facts.have |= GI_HAVE_BAR1;
	g->facts.bar1_mib = mib;
}

void gi_cap_set_ecc(struct gi_capture_gpu *g, bool on)
{
	g->facts.have |= GI_HAVE_ECC;
	g->facts.ecc_enabled = on;
}

/*
 * GI_HAVE_LINK covers generation and width together; a value not seen
 * stays 0, which the classifier's readers take as "not known".
 */
void gi_cap_set_link_gen(struct gi_capture_gpu *g, u8 gen)
{
	if (!gen || gen > 8)
		return;
	g->facts.have |= GI_HAVE_LINK;
	g->facts.link_gen_max = gen;
}

void gi_cap_set_link_width(struct gi_capture_gpu *g, u8 width)
{
	if (!width || width > 32)
		return;
	g->facts.have |= GI_HAVE_LINK;
	g->facts.link_width_max = width;
}

void gi_cap_set_str(char *dst, size_t n, struct gi_span v)
{
	v = gi_span_trim(v);
	if (dst[0] || gi_span_na(v))
		return;
	gi_span_copy(dst, n, v);
}

void gi_cap_set_bios(struct gi_capture_gpu *g, struct gi_span v)
{
	u8 ver[5];

	gi_cap_set_str(g->bios_version, sizeof(g->bios_version), v);
	if (!(g->facts.have & GI_HAVE_BIOS_VERSION) &&
	    gi_parse_vbios_version(v, ver)) {
		g->facts.have |= GI_HAVE_BIOS_VERSION;
		memcpy(g->facts.bios_version, ver, sizeof(ver));
	}
}

/*
 * The board part number ("900-1G136-2530-000") is the NVIDIA counterpart
 * of the AMD "113-..." number facts.part_number holds.
 */
void gi_cap_set_part_number(struct gi_capture_gpu *g, struct gi_span v)
{
	gi_cap_set_str(g->board_part_number, sizeof(g->board_part_number), v);
	if (!(g->facts.have & GI_HAVE_PART_NUMBER) && g->board_part_number[0]) {
		g->facts.have |= GI_HAVE_PART_NUMBER;
		snprintf(g->facts.part_number, sizeof(g->facts.part_number),
			 "%s", g->board_part_number);
	}
}

bool gi_cap_set_address(struct gi_capture_gpu *g, struct gi_span v)
{
	u8 bus, dev, fn;
	size_t used;
	u32 dom;

	v = gi_span_trim(v);
	if (!gi_parse_pci_addr(v, &dom, &bus, &dev, &fn, &used) ||
	    !gi_span_blank(gi_span_sub(v, used, v.n)))
		return false;
	gi_format_pci_addr(g->address, sizeof(g->address), dom, bus, dev, fn);
	return true;
}

bool gi_cap_set_smi_id_pair(struct gi_capture_gpu *g, struct gi_span v,
			    bool subsystem)
{
	u32 x;

	/* always 8 digits: fewer is a line cut off by truncation */
	v = gi_span_trim(v);
	if (gi_span_starts_ci(v, "0x"))
		v = gi_span_sub(v, 2, v.n);
	if (v.n != 8 || !gi_parse_hex(v, 8, &x))
		return false;
	if (subsystem)
		gi_cap_set_subsys(g, (u16)x, (u16)(x >> 16));
	else
		gi_cap_set_ids(g, (u16)x, (u16)(x >> 16));
	return true;
}

/* ---- merging ---------------------------------------------------------- */

static bool empty(const struct gi_capture_gpu *g)
{
	return !g->facts.have && !g->name[0] && !g->address[0] &&
	       !g->uuid[0] && !g->bios_version[0];
}

static void merge_str(char *dst, size_t n, const char *src)
{
	size_t dl = strlen(dst);

	/* a name cut short by the nvidia-smi table gives way to a whole one */
	if (src[0] && (!dst[0] || (dl > 3 && !strcmp(dst + dl - 3, "...") &&
				   strlen(src) >= dl - 3 &&
				   !strncmp(src, dst, dl - 3))))
		snprintf(dst, n, "%s", src);
}

static void merge_formats(struct gi_capture_gpu *d, const struct gi_capture_gpu *s)
{
	char all[GI_CAPTURE_N_FORMATS * 16];
	size_t used = 0, cut;
	unsigned int f;

	d->formats |= s->formats;
	for (f = 0; f < GI_CAPTURE_N_FORMATS; f++)
		if (d->formats & (1u << f))
			used += (size_t)snprintf(all + used, sizeof(all) - used,
						 "%s%s", used ? "+" : "",
						 formats[f].name);
	if (used < sizeof(d->format)) {
		memcpy(d->format, all, used + 1);
		return;
	}
	/*
	 * Too long for the field: keep whole names and say "+..." (the
	 * bitmap in ->formats is complete).
	 */
	for (cut = sizeof(d->format) - 4; cut > 0 && all[cut] != '+'; cut--)
		;
	snprintf(d->format, sizeof(d->format), "%.*s+...", (int)cut, all);
}

/* Take field group @bit from @s unless @d has it; note disagreements. */
#define MERGE(bit, same, copy)						\
	do {								\
		if (!(s->facts.have & (bit)))				\
			break;						\
		if (!(d->facts.have & (bit))) {				\
			copy;						\
			d->facts.have |= (bit);				\
			d->inferred = (d->inferred & ~(u32)(bit)) |	\
				      (s->inferred & (bit));		\
		} else if (!(same)) {					\
			d->conflicts |= (bit);				\
		}							\
	} while (0)

static void merge(struct gi_capture_gpu *d, const struct gi_capture_gpu *s)
{
	struct gi_facts *df = &d->facts;
	const struct gi_facts *sf = &s->facts;

	/* IDs read from the input beat IDs derived from a name */
	if ((d->inferred & GI_HAVE_IDS) && (sf->have & GI_HAVE_IDS) &&
	    !(s->inferred & GI_HAVE_IDS)) {
		df->have &= ~GI_HAVE_IDS;
		d->inferred &= ~GI_HAVE_IDS;
	}
	MERGE(GI_HAVE_IDS, df->vendor_id == sf->vendor_id &&
	      df->device_id == sf->device_id,
	      (df->vendor_id = sf->vendor_id, df->device_id = sf->device_id));
	MERGE(GI_HAVE_SUBSYS, df->ssvid == sf->ssvid && df->ssid == sf->ssid,
	      (df->ssvid = sf->ssvid, df->ssid = sf->ssid));
	MERGE(GI_HAVE_REVISION, df->revision == sf->revision,
	      df->revision = sf->revision);
	MERGE(GI_HAVE_SM_COUNT, df->sm_count == sf->sm_count,
	      (df->sm_count = sf->sm_count,
	       df->sm_from_fuses = sf->sm_from_fuses));
	/* a lower bound agrees with any size at least as large */
	MERGE(GI_HAVE_VRAM, df->vram_mib == sf->vram_mib ||
	      (sf->vram_lower_bound && sf->vram_mib <= df->vram_mib),
	      (df->vram_mib = sf->vram_mib, df->vram_source = sf->vram_source,
	       df->vram_lower_bound = sf->vram_lower_bound));
	MERGE(GI_HAVE_BAR1, df->bar1_mib == sf->bar1_mib,
	      df->bar1_mib = sf->bar1_mib);
	MERGE(GI_HAVE_BIOS_VERSION,
	      !memcmp(df->bios_version, sf->bios_version, 5),
	      memcpy(df->bios_version, sf->bios_version, 5));
	MERGE(GI_HAVE_ECC, df->ecc_enabled == sf->ecc_enabled,
	      df->ecc_enabled = sf->ecc_enabled);
	/* generation and width may come from different sources */
	if (sf->have & GI_HAVE_LINK) {
		if (!df->link_gen_max)
			df->link_gen_max = sf->link_gen_max;
		else if (sf->link_gen_max && df->link_gen_max != sf->link_gen_max)
			d->conflicts |= GI_HAVE_LINK;
		if (!df->link_width_max)
			df->link_width_max = sf->link_width_max;
		else if (sf->link_width_max &&
			 df->link_width_max != sf->link_width_max)
			d->conflicts |= GI_HAVE_LINK;
		df->have |= GI_HAVE_LINK;
	}
	MERGE(GI_HAVE_PART_NUMBER, !strcmp(df->part_number, sf->part_number),
	      memcpy(df->part_number, sf->part_number, sizeof(df->part_number)));
	/* any source that sees a partition means a partition */
	df->partitioned = df->partitioned || sf->partitioned;
	d->rebar = d->rebar || s->rebar;

	merge_str(d->name, sizeof(d->name), s->name);
	merge_str(d->address, sizeof(d->address), s->address);
	merge_str(d->bios_version, sizeof(d->bios_version), s->bios_version);
	merge_str(d->board_part_number, sizeof(d->board_part_number),
		  s->board_part_number);
	merge_str(d->gpu_part_number, sizeof(d->gpu_part_number),
		  s->gpu_part_number);
	merge_str(d->serial, sizeof(d->serial), s->serial);
	merge_str(d->uuid, sizeof(d->uuid), s->uuid);
	merge_str(d->driver_version, sizeof(d->driver_version),
		  s->driver_version);
	/* what no merged format can show stays not shown */
	d->not_shown &= s->not_shown;
	if (!d->vendor_hint)
		d->vendor_hint = s->vendor_hint;
	if (!d->bus_bits)
		d->bus_bits = s->bus_bits;
	if (s->offset < d->offset)
		d->offset = s->offset;
	merge_formats(d, s);
}

static bool same_gpu(const struct gi_capture_gpu *a, const struct gi_capture_gpu *b)
{
	if (a->address[0] && b->address[0])
		return !strcmp(a->address, b->address);
	/* one source without an address: the GPU UUID still ties them */
	return a->uuid[0] && b->uuid[0] && !strcmp(a->uuid, b->uuid);
}

void gi_cap_commit(struct gi_cap_set *set, const struct gi_capture_gpu *g)
{
	int i;

	if (empty(g))
		return;
	if (g->address[0] || g->uuid[0]) {
		for (i = 0; i < set->n; i++) {
			if (same_gpu(&set->gpu[i], g)) {
				merge(&set->gpu[i], g);
				return;
			}
		}
	}
	if (set->n >= set->max) {
		set->dropped++;
		return;
	}
	set->gpu[set->n++] = *g;
}

/* ---- names to device IDs ---------------------------------------------- */

/*
 * How a SKU that carries the name fits what the capture shows (memory bus
 * width, memory size, SM count): 1 when every fact the SKU has a spec for
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
		cand[n] = s;
		fit[n++] = sku_fits(s, g);
	}
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

static void name_to_ids(struct gi_capture_gpu *g)
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
	/*
	 * The richest formats first: on a disagreement the first value is
	 * kept (and the field flagged in ->conflicts).
	 */
	gi_cap_read_smi_q(&set, data, len);
	gi_cap_read_smi_xml(&set, data, len);
	gi_cap_read_lspci(&set, data, len);
	gi_cap_read_lspci_mm(&set, data, len);
	gi_cap_read_hexdump(&set, data, len);
	gi_cap_read_proc(&set, data, len);
	gi_cap_read_devicequery(&set, data, len);
	gi_cap_read_smi_table(&set, data, len);
	gi_cap_read_smi_csv(&set, data, len);
	gi_cap_read_smi_list(&set, data, len);

	for (i = 0; i < set.n; i++)
		name_to_ids(&out[i]);
	/* report GPUs in the order the input shows them */
	qsort(out, (size_t)set.n, sizeof(*out), by_offset);
	if (set.dropped && err && errlen)
		snprintf(err, errlen, "more than %d GPUs: %u left out", max,
			 set.dropped);
	return set.n;
}
