// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The record API of the capture readers: a fresh record of a format, the
 * setters that note what a reader saw, and gi_cap_commit(), which merges
 * what several readers found about one PCI address (or GPU UUID) into one
 * record. The first value of a field is kept; a disagreement is flagged.
 */
#include "reader.h"

void gi_cap_init(struct gi_capture_gpu *g, enum gi_capture_format format,
		 size_t offset)
{
	const struct gi_reader *r = gi_reader_of(format);

	memset(g, 0, sizeof(*g));
	g->facts.origin = GI_ORIGIN_REPORT;
	g->facts.vram_source = GI_VRAM_DRIVER;
	g->formats = 1u << format;
	g->not_shown = r ? r->not_shown : 0;
	g->vendor_hint = r ? r->vendor_hint : 0;
	g->offset = offset;
	snprintf(g->format, sizeof(g->format), "%s", r ? r->name : "?");
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
						 gi_capture_format_name(f));
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
