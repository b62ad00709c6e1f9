// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The record API of the capture readers: a fresh record of a format, the
 * setters that note what a reader saw, and gi_cap_commit(), which merges
 * what several readers found about one PCI address (or GPU UUID) into one
 * record. The first value of a field is kept; a disagreement is flagged.
 * gi_capture_merge(), once the readers are done, and across the files of
 * one analyze call: records of one device without a shared address.
 */
#include <ctype.h>
#include <stdlib.h>
#include <strings.h>

#include "reader.h"
#include "gpuident/kb.h"

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

static bool vram_agrees(u32 a, u32 b)
{
	u32 hi = a > b ? a : b, lo = a > b ? b : a;

	return (u64)(hi - lo) * 100 <= (u64)hi * 3;
}

/* The first disagreement in words, for the finding that reports it. */
static void note_conflict(struct gi_capture_gpu *d,
			  const struct gi_capture_gpu *s, u32 bit)
{
	const struct gi_facts *a = &d->facts, *b = &s->facts;
	char what[80];

	if (d->conflict[0])
		return;
	switch (bit) {
	case GI_HAVE_IDS:
		snprintf(what, sizeof(what), "device %04x:%04x, %04x:%04x",
			 a->vendor_id, a->device_id, b->vendor_id, b->device_id);
		break;
	case GI_HAVE_SUBSYS:
		snprintf(what, sizeof(what), "subsystem %04x:%04x, %04x:%04x",
			 a->ssvid, a->ssid, b->ssvid, b->ssid);
		break;
	case GI_HAVE_REVISION:
		snprintf(what, sizeof(what), "revision %02x, %02x", a->revision,
			 b->revision);
		break;
	case GI_HAVE_SM_COUNT:
		snprintf(what, sizeof(what), "%u SMs, %u SMs", a->sm_count,
			 b->sm_count);
		break;
	case GI_HAVE_VRAM:
		snprintf(what, sizeof(what), "VRAM %u MiB, %u MiB", a->vram_mib,
			 b->vram_mib);
		break;
	case GI_HAVE_BAR1:
		snprintf(what, sizeof(what), "BAR1 %u MiB, %u MiB", a->bar1_mib,
			 b->bar1_mib);
		break;
	case GI_HAVE_BIOS_VERSION:
		snprintf(what, sizeof(what),
			 "VBIOS %02X.%02X.%02X.%02X.%02X, %02X.%02X.%02X.%02X.%02X",
			 a->bios_version[0], a->bios_version[1], a->bios_version[2],
			 a->bios_version[3], a->bios_version[4], b->bios_version[0],
			 b->bios_version[1], b->bios_version[2], b->bios_version[3],
			 b->bios_version[4]);
		break;
	case GI_HAVE_ECC:
		snprintf(what, sizeof(what), "ECC %s, %s",
			 a->ecc_enabled ? "on" : "off", b->ecc_enabled ? "on" : "off");
		break;
	case GI_HAVE_LINK:
		snprintf(what, sizeof(what), "link Gen%u x%u, Gen%u x%u",
			 a->link_gen_max, a->link_width_max, b->link_gen_max,
			 b->link_width_max);
		break;
	default:
		snprintf(what, sizeof(what), "part number %.24s, %.24s",
			 a->part_number, b->part_number);
		break;
	}
	snprintf(d->conflict, sizeof(d->conflict), "%s (%s)", what, s->format);
}

static void merge(struct gi_capture_gpu *d, const struct gi_capture_gpu *s)
{
	struct gi_facts *df = &d->facts;
	const struct gi_facts *sf = &s->facts;
	u32 before = d->conflicts, bit;

	/* IDs read from the input beat IDs derived from a name */
	if ((d->inferred & GI_HAVE_IDS) && (sf->have & GI_HAVE_IDS) &&
	    !(s->inferred & GI_HAVE_IDS)) {
		df->have &= ~GI_HAVE_IDS;
		d->inferred &= ~GI_HAVE_IDS;
	}
	MERGE(GI_HAVE_IDS, df->vendor_id == sf->vendor_id &&
	      df->device_id == sf->device_id,
	      (df->vendor_id = sf->vendor_id, df->device_id = sf->device_id,
	       d->ids_from = s->ids_from));
	MERGE(GI_HAVE_SUBSYS, df->ssvid == sf->ssvid && df->ssid == sf->ssid,
	      (df->ssvid = sf->ssvid, df->ssid = sf->ssid));
	MERGE(GI_HAVE_REVISION, df->revision == sf->revision,
	      df->revision = sf->revision);
	MERGE(GI_HAVE_SM_COUNT, df->sm_count == sf->sm_count,
	      (df->sm_count = sf->sm_count,
	       df->sm_from_fuses = sf->sm_from_fuses));
	/*
	 * A lower bound agrees with any size at least as large; deviceQuery's
	 * total is the driver's less what it keeps (1-2 %).
	 */
	MERGE(GI_HAVE_VRAM, vram_agrees(df->vram_mib, sf->vram_mib) ||
	      (sf->vram_lower_bound && sf->vram_mib <= df->vram_mib) ||
	      (df->vram_lower_bound && df->vram_mib <= sf->vram_mib),
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
	/* the lowest new bit: IDs before memory before the rest */
	for (bit = 1; bit && !(d->conflicts & ~before & bit); bit <<= 1)
		;
	if (bit)
		note_conflict(d, s, bit);
	if (!d->conflict[0] && s->conflict[0])
		memcpy(d->conflict, s->conflict, sizeof(d->conflict));
	d->conflicts |= s->conflicts;
	/* any source that sees a partition means a partition */
	df->partitioned = df->partitioned || sf->partitioned;
	d->rebar = d->rebar || s->rebar;

	if (s->name[0] && (!d->name[0] || strcmp(d->name, s->name))) {
		char old[sizeof(d->name)];

		memcpy(old, d->name, sizeof(old));
		merge_str(d->name, sizeof(d->name), s->name);
		if (strcmp(old, d->name))
			d->name_from = s->name_from;
	}
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

/*
 * A UUID or serial number that names one device: not a mask
 * ("GPU-00000000-0000-...", "GPU-xxxxxxxx-...", "0000000000000",
 * "REDACTED"), which many pastes share.
 */
bool gi_cap_real_id(const char *s)
{
	unsigned int hex = 0, other = 0;
	char first = 0;

	for (; *s; s++) {
		if (strchr("xX*#?.", *s))
			return false;
		if (gi_hexval(*s) < 0)
			continue;
		if (!first)
			first = *s;
		else if (*s != first)
			other++;
		hex++;
	}
	return hex >= 8 && other > 0;
}

static bool same_gpu(const struct gi_capture_gpu *a, const struct gi_capture_gpu *b)
{
	if (a->address[0] && b->address[0])
		return !strcmp(a->address, b->address);
	/* one source without an address: the GPU UUID still ties them */
	return a->uuid[0] && !strcmp(a->uuid, b->uuid) && gi_cap_real_id(a->uuid);
}

/*
 * An NVIDIA vGPU profile as the guest's tools name it: "GRID T4-4C",
 * "GRID A100-40C", "NVIDIA A10-24Q", "GRID V100D-8C": a slice of a card,
 * its memory the profile's (4096 MiB of a 16 GB T4), not the board's. The
 * profile ends in "-", a frame-buffer size in GB and one letter for the
 * series (A, B, C, Q); no product name ends so.
 */
static bool vgpu_profile(const char *name)
{
	size_t n = strlen(name), i = n;

	if (!strncasecmp(name, "GRID ", 5))
		return true;
	if (n < 4 || !strchr("ABCQ", name[n - 1]))
		return false;
	for (i = n - 1; i > 0 && name[i - 1] >= '0' && name[i - 1] <= '9'; i--)
		;
	return i < n - 1 && i > 1 && name[i - 1] == '-';
}

void gi_cap_commit(struct gi_cap_set *set, const struct gi_capture_gpu *in)
{
	struct gi_capture_gpu c = *in, *g = &c;
	int i;

	if (empty(g))
		return;
	/* whichever record of the device names the profile, all of it is a slice */
	if (vgpu_profile(g->name))
		g->facts.partitioned = true;
	g->name_from = g->name[0] ? g->formats : 0;
	g->ids_from = (g->facts.have & ~g->inferred & GI_HAVE_IDS) ?
		      g->formats : 0;
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

/* ---- one device, one record ------------------------------------------- */

/*
 * The devices that carry a name: n > 0 of them, 0 none, -1 too many;
 * NOT_YET until first needed (a search of the whole knowledge base).
 */
#define NOT_YET	(-2)

#define NAMED_MAX	16

struct named {
	int n;
	u16 vendor[NAMED_MAX], device[NAMED_MAX];
};

static void devices_named(const struct gi_capture_gpu *g, struct named *nd)
{
	size_t k;
	int i;

	nd->n = 0;
	if (!g->name[0])
		return;
	for (k = 0; k < gi_n_skus; k++) {
		const struct gi_sku *s = &gi_skus[k];

		if ((g->vendor_hint && s->vendor_id != g->vendor_hint) ||
		    !gi_kb_sku_named(s, g->name))
			continue;
		for (i = 0; i < nd->n; i++)
			if (nd->vendor[i] == s->vendor_id &&
			    nd->device[i] == s->device_id)
				break;
		if (i < nd->n)
			continue;
		if (nd->n == NAMED_MAX) {
			nd->n = -1;
			return;
		}
		nd->vendor[nd->n] = s->vendor_id;
		nd->device[nd->n++] = s->device_id;
	}
}

/* Case, an "NVIDIA " prefix and runs of blanks do not matter. */
static bool same_name(const char *a, const char *b)
{
	if (!strncasecmp(a, "NVIDIA ", 7))
		a += 7;
	if (!strncasecmp(b, "NVIDIA ", 7))
		b += 7;
	for (;;) {
		while (*a == ' ' && a[1] == ' ')
			a++;
		while (*b == ' ' && b[1] == ' ')
			b++;
		if (!*a || !*b || tolower((unsigned char)*a) !=
				  tolower((unsigned char)*b))
			return !*a && !*b;
		a++;
		b++;
	}
}

/*
 * Do two records name one device (1), two different ones (-1), or can
 * it not be told (0)? IDs (read, or from a name that only one device
 * carries) against IDs; IDs against the devices a name is carried by;
 * names against names.
 */
static const struct named *named_of(const struct gi_capture_gpu *g,
				    struct named *nd)
{
	if (nd->n == NOT_YET)
		devices_named(g, nd);
	return nd;
}

static int identity(const struct gi_capture_gpu *a, struct named *an_,
		    const struct gi_capture_gpu *b, struct named *bn_)
{
	const struct gi_facts *x = &a->facts, *y = &b->facts;
	const struct named *an, *bn;
	struct named *swap;
	int i;

	if ((x->have & y->have & GI_HAVE_IDS)) {
		if (x->vendor_id != y->vendor_id || x->device_id != y->device_id ||
		    ((x->have & y->have & GI_HAVE_SUBSYS) &&
		     (x->ssvid != y->ssvid || x->ssid != y->ssid)))
			return -1;
		return 1;
	}
	if (y->have & GI_HAVE_IDS) {
		const struct gi_capture_gpu *t = a;

		a = b, b = t;
		swap = an_, an_ = bn_, bn_ = swap;
		x = &a->facts;
	}
	bn = named_of(b, bn_);
	if (x->have & GI_HAVE_IDS) {
		for (i = 0; i < bn->n; i++)
			if (bn->vendor[i] == x->vendor_id &&
			    bn->device[i] == x->device_id)
				return 1;
		if (bn->n > 0)
			return -1;
		/* a name the knowledge base does not know: names, if both have one */
	}
	if (!a->name[0] || !b->name[0])
		return 0;
	if (same_name(a->name, b->name))
		return 1;
	/* a name cut short ("NVIDIA GeForce ...") tells nothing */
	if (strstr(a->name, "...") || strstr(b->name, "..."))
		return 0;
	an = named_of(a, an_);
	if (an->n > 0 && bn->n > 0) {
		for (i = 0; i < an->n * bn->n; i++)
			if (an->vendor[i / bn->n] == bn->vendor[i % bn->n] &&
			    an->device[i / bn->n] == bn->device[i % bn->n])
				return 0;
	}
	return -1;
}

/*
 * May @a and @b be one device? Never two records of one format (a reader
 * gives one record a GPU), never two that different addresses, UUIDs or
 * serial numbers tell apart. @keyed: they share an address or UUID, which
 * is enough unless their identities differ; otherwise the identities must
 * agree.
 */
static bool may_be_one(const struct gi_capture_gpu *a, struct named *an,
		       const struct gi_capture_gpu *b, struct named *bn,
		       bool *keyed)
{
	int id;

	if ((a->formats & b->formats) ||
	    (a->address[0] && b->address[0] && strcmp(a->address, b->address)) ||
	    (gi_cap_real_id(a->uuid) && gi_cap_real_id(b->uuid) && strcmp(a->uuid, b->uuid)) ||
	    (gi_cap_real_id(a->serial) && gi_cap_real_id(b->serial) &&
	     strcmp(a->serial, b->serial)))
		return false;
	*keyed = (a->address[0] && b->address[0]) ||
		 (gi_cap_real_id(a->uuid) && !strcmp(a->uuid, b->uuid));
	id = identity(a, an, b, bn);
	return *keyed ? id >= 0 : id > 0;
}

/* @j's one possible partner, or -1 (none, or more than one). */
static int only_partner(const struct gi_capture_gpu *g, struct named *nd,
			const bool *gone, int n, int j)
{
	int k, found = -1;
	bool keyed;

	for (k = 0; k < n; k++) {
		if (k == j || gone[k] ||
		    !may_be_one(&g[j], &nd[j], &g[k], &nd[k], &keyed))
			continue;
		if (found >= 0)
			return -1;
		found = k;
	}
	return found;
}

/*
 * One input named the device, another showed its IDs: a name that the
 * knowledge base gives to other devices only ("NVIDIA GeForce RTX 4090"
 * from /proc, 10de:2216 from config space) is a disagreement about what
 * the card is. A name it does not know says nothing.
 */
static void name_against_ids(struct gi_capture_gpu *g)
{
	const struct gi_facts *f = &g->facts;
	struct named nd;
	int i;

	if (!g->name[0] || !g->ids_from || (g->name_from & g->ids_from) ||
	    !(f->have & GI_HAVE_IDS) || (g->inferred & GI_HAVE_IDS) ||
	    (g->conflicts & GI_HAVE_IDS))
		return;
	devices_named(g, &nd);
	for (i = 0; i < nd.n; i++)
		if (nd.vendor[i] == f->vendor_id && nd.device[i] == f->device_id)
			return;
	if (nd.n <= 0)
		return;
	g->conflicts |= GI_HAVE_IDS;
	snprintf(g->conflict, sizeof(g->conflict),
		 "device %04x:%04x, name %.48s", f->vendor_id, f->device_id,
		 g->name);
}

/* Merge @j into @i (the earlier). */
static void join(struct gi_capture_gpu *g, struct named *nd, bool *gone,
		 int *into, int n, int i, int j)
{
	int k;

	merge(&g[i], &g[j]);
	gone[j] = true;
	for (k = 0; into && k < n; k++)
		if (into[k] == j)
			into[k] = i;
	nd[i].n = NOT_YET;
}

int gi_capture_merge(struct gi_capture_gpu *g, int n, int *into)
{
	struct named *nd;
	bool *gone, keyed, changed;
	int *partner, i, j, k, m;

	nd = n > 1 && n <= 4 * GI_CAPTURE_MAX_GPUS ?
	     calloc((size_t)n, sizeof(*nd)) : NULL;
	gone = nd ? calloc((size_t)n, sizeof(*gone)) : NULL;
	partner = gone ? calloc((size_t)n, sizeof(*partner)) : NULL;
	if (!partner) {
		/* nothing to merge (or too much): each record stays itself */
		free(nd);
		free(gone);
		for (i = 0; i < n; i++) {
			if (into)
				into[i] = i;
			if (i < 4 * GI_CAPTURE_MAX_GPUS)
				name_against_ids(&g[i]);
		}
		return n;
	}
	for (i = 0; i < n; i++) {
		nd[i].n = NOT_YET;
		if (into)
			into[i] = i;
	}
	/*
	 * Rounds of O(n * n) pairs, each merging at least one record: first
	 * the records that share a key, then one pair whose records are each
	 * other's only match (a merged record knows more: the next round
	 * asks again).
	 */
	do {
		changed = false;
		for (i = 0; i < n; i++) {
			for (j = i + 1; j < n && !gone[i]; j++) {
				if (gone[j] ||
				    !may_be_one(&g[i], &nd[i], &g[j], &nd[j], &keyed) ||
				    !keyed)
					continue;
				join(g, nd, gone, into, n, i, j);
				changed = true;
			}
		}
		for (j = 0; j < n; j++)
			partner[j] = gone[j] ? -1 : only_partner(g, nd, gone, n, j);
		for (i = 0; i < n && !changed; i++) {
			j = partner[i];
			if (j > i && partner[j] == i) {
				join(g, nd, gone, into, n, i, j);
				changed = true;
			}
		}
	} while (changed);
	for (i = 0, m = 0; i < n; i++) {
		if (gone[i])
			continue;
		name_against_ids(&g[i]);
		for (k = 0; into && k < n; k++)
			if (into[k] == i)
				into[k] = m;
		if (m != i)
			g[m] = g[i];
		m++;
	}
	free(nd);
	free(gone);
	free(partner);
	return m;
}
