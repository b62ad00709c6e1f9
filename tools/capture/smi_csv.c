// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * `nvidia-smi --query-gpu=FIELDS --format=csv[,noheader][,nounits]`: one
 * row a GPU, the fields in the order asked for, ", " between them:
 *
 *   index, name, pci.bus_id, memory.total [MiB], vbios_version
 *   0, NVIDIA GeForce RTX 4090, 00000000:01:00.0, 24564 MiB, 95.02.18.80.87
 *
 * With a header, every field it names is read by name (any order, any
 * subset) and a row is taken only when it has as many fields as the
 * header and each known field has its shape; other lines in between are
 * skipped. A header lasts until the next one.
 *
 * Without a header (noheader) the fields are unnamed, so only a row whose
 * shape tells what it is is read: an optional GPU index, then a product
 * name starting with a vendor or brand word, then fields recognised by a
 * shape nothing else has (a PCI address with its domain, a "GPU-" UUID, a
 * five-group VBIOS version, an x.y.z driver version). The memory field
 * right after the name is taken as memory.total, the field people query
 * most, only when no memory value after it is larger (total >= used or
 * free); without units ("nounits") a bare number is only taken so when at
 * least one more bare number follows and none is larger, and it is 1 GiB
 * or more, so that a clock or a temperature is not read as a size. Any
 * other noheader row is skipped.
 */
#include "reader.h"

#define MAX_FIELDS 32

enum field {
	F_OTHER, F_INDEX, F_NAME, F_BUS_ID, F_DEVICE_ID, F_SUB_DEVICE_ID,
	F_MEM_TOTAL, F_MEM_OTHER, F_VBIOS, F_SERIAL, F_UUID, F_DRIVER,
	F_ECC, F_MIG, F_GEN_MAX, F_GEN_GPUMAX, F_WIDTH_MAX
};

static const struct {
	const char *name;
	enum field f;
} known[] = {
	{ "index", F_INDEX }, { "name", F_NAME }, { "gpu_name", F_NAME },
	{ "pci.bus_id", F_BUS_ID }, { "gpu_bus_id", F_BUS_ID },
	{ "pci.device_id", F_DEVICE_ID },
	{ "pci.sub_device_id", F_SUB_DEVICE_ID },
	{ "memory.total", F_MEM_TOTAL }, { "memory.used", F_MEM_OTHER },
	{ "memory.free", F_MEM_OTHER }, { "memory.reserved", F_MEM_OTHER },
	{ "vbios_version", F_VBIOS }, { "serial", F_SERIAL },
	{ "uuid", F_UUID }, { "gpu_uuid", F_UUID },
	{ "driver_version", F_DRIVER }, { "ecc.mode.current", F_ECC },
	{ "mig.mode.current", F_MIG }, { "pcie.link.gen.max", F_GEN_MAX },
	{ "pcie.link.gen.gpumax", F_GEN_GPUMAX },
	{ "pcie.link.width.max", F_WIDTH_MAX },
	/* power.limit, enforced.power.limit...: no fact of gpuident's */
};

/* Split at ',' into trimmed fields; false if more than MAX_FIELDS. */
static bool split(struct gi_span t, struct gi_span *f, unsigned int *n)
{
	size_t i, start = 0;

	*n = 0;
	for (i = 0; i <= t.n; i++) {
		if (i < t.n && t.p[i] != ',')
			continue;
		if (*n == MAX_FIELDS)
			return false;
		f[(*n)++] = gi_span_trim(gi_span_sub(t, start, i));
		start = i + 1;
	}
	return true;
}

/*
 * A header field: "memory.total [MiB]" or "name". The name must be
 * nvidia-smi's kind of word (lowercase, digits, '.', '_').
 */
static bool header_field(struct gi_span s, enum field *f, bool *is_known)
{
	static const char *const plain[] = {
		"timestamp", "count", "pstate",
	};
	size_t i, end = s.n;
	long br = gi_span_find_ci(s, " [");

	if (br > 0) {
		if (s.p[s.n - 1] != ']')
			return false;
		end = (size_t)br;
	}
	if (!end)
		return false;
	for (i = 0; i < end; i++) {
		char c = s.p[i];

		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		      c == '.' || c == '_'))
			return false;
	}
	s = gi_span_sub(s, 0, end);
	*f = F_OTHER;
	*is_known = false;
	for (i = 0; i < GI_ARRAY_SIZE(known); i++) {
		if (gi_span_eq_ci(s, known[i].name)) {
			*f = known[i].f;
			*is_known = true;
		}
	}
	/*
	 * Other query names have a '.' or '_' ("utilization.gpu"), but for
	 * these few; plain words ("name, age, city") make no header.
	 */
	for (i = 0; i < GI_ARRAY_SIZE(plain); i++)
		if (gi_span_eq_ci(s, plain[i]))
			return true;
	return *is_known || memchr(s.p, '.', s.n) || memchr(s.p, '_', s.n);
}

/* The header of a CSV: every field a query name, at least one we know. */
static bool header(struct gi_span t, enum field *col, unsigned int *ncol)
{
	struct gi_span f[MAX_FIELDS];
	bool any = false, k;
	unsigned int i, n;

	if (!split(t, f, &n))
		return false;
	for (i = 0; i < n; i++) {
		if (!header_field(f[i], &col[i], &k))
			return false;
		any = any || k;
	}
	/* a lone "name" or "index" is too common a word to start a table */
	if (!any || (n == 1 && col[0] != F_NAME))
		return false;
	*ncol = n;
	return true;
}

/* "0", "7": a GPU index. */
static bool index_value(struct gi_span v)
{
	size_t used;
	u64 n;

	return gi_parse_dec(v, &n, &used) && used == v.n && n < 4096;
}

/* A product name as nvidia-smi prints it: no ':' or '=', starts with a letter. */
static bool name_value(struct gi_span v, bool need_brand)
{
	static const char *const brands[] = {
		"NVIDIA ", "Tesla ", "Quadro ", "GeForce ", "TITAN ", "GRID ",
	};
	size_t i;

	if (!v.n || !((v.p[0] >= 'A' && v.p[0] <= 'Z') ||
		      (v.p[0] >= 'a' && v.p[0] <= 'z')) ||
	    memchr(v.p, ':', v.n) || memchr(v.p, '=', v.n))
		return false;
	if (!need_brand)
		return true;
	for (i = 0; i < GI_ARRAY_SIZE(brands); i++)
		if (gi_span_starts_ci(v, brands[i]))
			return true;
	return false;
}

/* "24564 MiB", or "24564" when the units were left off. */
static bool mib_value(struct gi_span v, u32 *mib, bool *bare)
{
	size_t used;
	u64 n;

	*bare = false;
	if (gi_parse_mib(v, mib))
		return true;
	if (!gi_parse_dec(v, &n, &used) || used != v.n || n > UINT32_MAX)
		return false;
	*mib = (u32)n;
	*bare = true;
	return true;
}

/* "580.65.06", "576.02": digits and dots, the first group 3 digits or more. */
static bool driver_value(struct gi_span v, unsigned int *dots)
{
	size_t i, lead = 0;

	*dots = 0;
	for (i = 0; i < v.n; i++) {
		if (v.p[i] == '.') {
			if (!i || v.p[i - 1] == '.')
				return false;
			(*dots)++;
		} else if (v.p[i] < '0' || v.p[i] > '9') {
			return false;
		} else if (!*dots) {
			lead++;
		}
	}
	return lead >= 3 && *dots >= 1 && *dots <= 2 && v.p[v.n - 1] != '.';
}

static unsigned int small_value(struct gi_span v)
{
	size_t used;
	u64 n;

	return gi_parse_dec(v, &n, &used) && used == v.n && n < 256 ?
	       (unsigned int)n : 0;
}

/* One field of a row under a header; false if it does not fit its column. */
static bool take(struct gi_capture_gpu *g, enum field col, struct gi_span v,
		 u8 *gpumax)
{
	unsigned int dots;
	bool bare;
	u32 mib;

	if (col != F_OTHER && col != F_NAME && gi_span_na(v))
		return true;
	switch (col) {
	case F_INDEX:
		return index_value(v);
	case F_NAME:
		if (!name_value(v, false))
			return false;
		gi_span_copy(g->name, sizeof(g->name), v);
		return true;
	case F_BUS_ID:
		return gi_cap_set_address(g, v);
	case F_DEVICE_ID:
		return gi_cap_set_smi_id_pair(g, v, false);
	case F_SUB_DEVICE_ID:
		return gi_cap_set_smi_id_pair(g, v, true);
	case F_MEM_TOTAL:
		if (!mib_value(v, &mib, &bare))
			return false;
		gi_cap_set_vram(g, mib);
		return true;
	case F_MEM_OTHER:
		return mib_value(v, &mib, &bare);
	case F_VBIOS:
		gi_cap_set_bios(g, v);
		return true;
	case F_SERIAL:
		gi_cap_set_str(g->serial, sizeof(g->serial), v);
		return true;
	case F_UUID:
		if (!gi_span_starts_ci(v, "GPU-"))
			return false;
		gi_cap_set_str(g->uuid, sizeof(g->uuid), v);
		return true;
	case F_DRIVER:
		if (!driver_value(v, &dots))
			return false;
		gi_cap_set_str(g->driver_version, sizeof(g->driver_version), v);
		return true;
	case F_ECC:
		if (gi_span_eq_ci(v, "Enabled"))
			gi_cap_set_ecc(g, true);
		else if (gi_span_eq_ci(v, "Disabled"))
			gi_cap_set_ecc(g, false);
		return true;
	case F_MIG:
		if (gi_span_eq_ci(v, "Enabled"))
			g->facts.partitioned = true;
		return true;
	case F_GEN_MAX:
		gi_cap_set_link_gen(g, (u8)small_value(v));
		return true;
	case F_GEN_GPUMAX:
		/* the GPU's own maximum, not the slot's: it wins */
		*gpumax = (u8)small_value(v);
		return true;
	case F_WIDTH_MAX:
		gi_cap_set_link_width(g, (u8)small_value(v));
		return true;
	default:
		return true;
	}
}

/* The GI_HAVE_* bits the header's fields cannot show. */
static u32 not_asked(const enum field *col, unsigned int n)
{
	u32 shown = 0;
	unsigned int i;

	for (i = 0; i < n; i++) {
		switch (col[i]) {
		case F_DEVICE_ID:
			shown |= GI_HAVE_IDS;
			break;
		case F_SUB_DEVICE_ID:
			shown |= GI_HAVE_SUBSYS;
			break;
		case F_MEM_TOTAL:
			shown |= GI_HAVE_VRAM;
			break;
		case F_VBIOS:
			shown |= GI_HAVE_BIOS_VERSION;
			break;
		case F_ECC:
			shown |= GI_HAVE_ECC;
			break;
		case F_GEN_MAX:
		case F_GEN_GPUMAX:
		case F_WIDTH_MAX:
			shown |= GI_HAVE_LINK;
			break;
		default:
			break;
		}
	}
	return (GI_HAVE_IDS | GI_HAVE_SUBSYS | GI_HAVE_VRAM |
		GI_HAVE_BIOS_VERSION | GI_HAVE_ECC | GI_HAVE_LINK) & ~shown;
}

/* A row under a header; false (nothing kept) if it does not fit it. */
static bool header_row(struct gi_cap_set *set, const enum field *col,
		       unsigned int ncol, const struct gi_span *f, size_t off)
{
	struct gi_capture_gpu g;
	unsigned int i;
	u8 gpumax = 0;

	gi_cap_init(&g, GI_CAPTURE_SMI_CSV, off);
	g.not_shown |= not_asked(col, ncol);
	for (i = 0; i < ncol; i++)
		if (!take(&g, col[i], f[i], &gpumax))
			return false;
	if (gpumax) {
		g.facts.link_gen_max = 0;
		gi_cap_set_link_gen(&g, gpumax);
	}
	gi_cap_commit(set, &g);
	return true;
}

/* A noheader row, read only as far as its shape is unambiguous. */
static void bare_row(struct gi_cap_set *set, const struct gi_span *f,
		     unsigned int n, size_t off)
{
	struct gi_capture_gpu g;
	unsigned int i, first, dots;
	bool bare, total_bare = false, have_total = false, more_bare = false;
	u32 mib, total = 0;
	u8 ver[5], bus, dev, fn;
	size_t used;
	u32 dom;

	first = n > 1 && index_value(f[0]) ? 1 : 0;
	if (n < 2 || first >= n || !name_value(f[first], true))
		return;
	gi_cap_init(&g, GI_CAPTURE_SMI_CSV, off);
	g.not_shown |= not_asked(NULL, 0);
	gi_span_copy(g.name, sizeof(g.name), f[first]);
	for (i = first + 1; i < n; i++) {
		struct gi_span v = f[i];

		if (mib_value(v, &mib, &bare)) {
			if (i == first + 1) {
				total = mib;
				total_bare = bare;
				have_total = true;
			} else if (bare != total_bare || mib > total) {
				have_total = false;
			} else if (bare) {
				more_bare = true;
			}
		} else if (gi_span_starts_ci(v, "GPU-")) {
			gi_cap_set_str(g.uuid, sizeof(g.uuid), v);
		} else if (gi_parse_vbios_version(v, ver)) {
			gi_cap_set_bios(&g, v);
		} else if (gi_parse_pci_addr(v, &dom, &bus, &dev, &fn, &used) &&
			   used == v.n && memchr(v.p, ':', v.n) !=
			   memrchr(v.p, ':', v.n)) {
			gi_cap_set_address(&g, v);
		} else if (driver_value(v, &dots) && dots == 2) {
			gi_cap_set_str(g.driver_version,
				       sizeof(g.driver_version), v);
		}
	}
	if (have_total && (!total_bare || (more_bare && total >= 1024))) {
		gi_cap_set_vram(&g, total);
		/* without a header, the column may be used or free memory */
		g.facts.vram_lower_bound = true;
	}
	/* the query is unknown: what a row showed is all it could */
	g.not_shown &= ~g.facts.have;
	gi_cap_commit(set, &g);
}

void gi_cap_read_smi_csv(struct gi_cap_set *set, const char *data,
			 size_t len)
{
	struct gi_span line, t, f[MAX_FIELDS];
	enum field col[MAX_FIELDS], hcol[MAX_FIELDS];
	unsigned int ncol = 0, n, hn;
	struct gi_lines it;
	size_t off;

	gi_lines_init(&it, data, len);
	while (gi_lines_next(&it, &line, &off)) {
		t = gi_span_trim(gi_span_strip_log_prefix(line));
		if (!t.n || !memchr(t.p, ',', t.n)) {
			/*
			 * A one-field query: "name", then a name a line, up
			 * to the first line that is not one.
			 */
			if (t.n && ncol == 1 && name_value(t, true)) {
				header_row(set, col, 1, &t, off);
			} else if (t.n && header(t, hcol, &hn) && hn == 1) {
				col[0] = hcol[0];
				ncol = 1;
			} else if (ncol == 1) {
				ncol = 0;
			}
			continue;
		}
		if (header(t, hcol, &hn)) {
			memcpy(col, hcol, hn * sizeof(col[0]));
			ncol = hn;
			continue;
		}
		/* "0, NAME, _CudaDeviceProperties(...)": PyTorch's, not a row */
		if (!split(t, f, &n) ||
		    gi_span_find_ci(t, "_CudaDeviceProperties(") >= 0)
			continue;
		/* a row that does not fit the header may be a noheader one */
		if (ncol <= 1 || n != ncol ||
		    !header_row(set, col, ncol, f, off))
			bare_row(set, f, n, off);
	}
}
