// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * What PyTorch prints about a GPU. torch.cuda.get_device_properties(i):
 *
 *   _CudaDeviceProperties(name='NVIDIA GeForce RTX 3090', major=8, minor=6, total_memory=24259MB, multi_processor_count=82)
 *
 * newer releases add "uuid=..., L2_cache_size=6MB", then "pci_bus_id=194,
 * pci_device_id=0, pci_domain_id=0" (decimal); a ROCm build adds
 * "gcnArchName='gfx1151'". Anything may stand before it on the line (a
 * log prefix, "Using CUDA device0 ", "# ", "3, NAME, "), and several may
 * share a line. torch.cuda.get_device_name(i) prints only the name, on
 * the line after the call: "'NVIDIA GeForce RTX 3090'" echoed by a REPL
 * (">>> ", "In [2]: " ... "Out[2]: "), or bare from print().
 *
 * total_memory is cudaDeviceProp.totalGlobalMem in MiB: what the driver
 * gives CUDA, as deviceQuery shows it, so it is judged as a driver's total
 * (a little under the nominal size; the classifier allows for that and for
 * ECC). multi_processor_count is CUDA's SM count (a MIG slice shows its
 * own); on ROCm it counts compute units or work-group processors, not SMs,
 * so a ROCm record does not give it. No PCI IDs: the name is mapped
 * through the knowledge base. A print is one GPU: it merges with another
 * reader's record by address or UUID when it shows them, else only when
 * the paste names that GPU once on each side (pair_with_views()); a name
 * printed alone stands only for a GPU nothing else in the paste shows.
 *
 * YOLOv5 and Ultralytics print the same properties in their own line,
 * "... torch-2.2.0+cu118 CUDA:0 (NVIDIA GeForce RTX 4070 Laptop GPU,
 * 8188MiB)": the name and total_memory / 2^20, read as total_memory is.
 */
#include <ctype.h>
#include <stdlib.h>
#include <strings.h>

#include "reader.h"
#include "gpuident/kb.h"

#define PROPS_TAG	"_CudaDeviceProperties("
/* The longest print read: a ROCm one with every field is under 400 bytes. */
#define PROPS_MAX	2048

struct props {
	struct gi_span name, total, sms, uuid, arch, bus, dev, dom;
	bool has_name, has_total, has_sms, has_uuid, has_arch, has_bus,
	     has_dev, has_dom;
};

/* The fields read; the others (major, minor, L2_cache_size, ...) are not. */
static void assign(struct props *p, struct gi_span key, struct gi_span val)
{
	static const char *const keys[] = {
		"name", "total_memory", "multi_processor_count", "uuid",
		"gcnArchName", "pci_bus_id", "pci_device_id", "pci_domain_id",
	};
	struct gi_span *to[] = {
		&p->name, &p->total, &p->sms, &p->uuid,
		&p->arch, &p->bus, &p->dev, &p->dom,
	};
	bool *has[] = {
		&p->has_name, &p->has_total, &p->has_sms, &p->has_uuid,
		&p->has_arch, &p->has_bus, &p->has_dev, &p->has_dom,
	};
	size_t i;

	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		if (gi_span_eq_ci(key, keys[i])) {
			*to[i] = val;
			*has[i] = true;
			return;
		}
	}
}

/*
 * "name='X', major=8, ..., L2_cache_size=6MB)" from @s: each byte is
 * looked at once. A print wrapped at a ", " goes on on the next line (an
 * issue's MI300X print spans four); a value never does. Returns how far
 * it read (past the ")" when there is one).
 */
static size_t parse_props(struct gi_span s, struct props *p)
{
	size_t i = 0, k, v, eq;

	memset(p, 0, sizeof(*p));
	while (i < s.n) {
		while (i < s.n && (s.p[i] == ' ' || s.p[i] == ',' ||
				   s.p[i] == '\t' || s.p[i] == '\r' ||
				   s.p[i] == '\n'))
			i++;
		if (i >= s.n)
			break;
		if (s.p[i] == ')')
			return i + 1;
		for (k = i; i < s.n && (isalnum((unsigned char)s.p[i]) ||
					s.p[i] == '_'); i++)
			;
		if (i == k || i >= s.n || s.p[i] != '=')
			return i;	/* not a key=value: the repr ends here */
		eq = i++;
		if (i < s.n && (s.p[i] == '\'' || s.p[i] == '"')) {
			char q = s.p[i++];

			for (v = i; i < s.n && s.p[i] != q && s.p[i] != '\n';
			     i++)
				;
			if (i >= s.n || s.p[i] != q)
				return i;	/* cut short: no value */
			assign(p, gi_span_sub(s, k, eq), gi_span_sub(s, v, i));
			i++;
		} else {
			for (v = i; i < s.n && s.p[i] != ',' && s.p[i] != ')' &&
				    s.p[i] != '\n';
			     i++)
				;
			assign(p, gi_span_sub(s, k, eq),
			       gi_span_trim(gi_span_sub(s, v, i)));
		}
	}
	return i;
}

/* A whole decimal number, nothing after it. */
static bool dec(struct gi_span s, u64 max, u64 *v)
{
	size_t used;

	return gi_parse_dec(s, v, &used) && used == s.n && *v <= max;
}

/* "8-4-4-4-12" hex digits: CUDA's UUID, which nvidia-smi shows as "GPU-..." */
static bool whole_uuid(struct gi_span s)
{
	size_t i;

	if (s.n != 36)
		return false;
	for (i = 0; i < s.n; i++) {
		bool dash = i == 8 || i == 13 || i == 18 || i == 23;

		if (dash ? s.p[i] != '-' : gi_hexval(s.p[i]) < 0)
			return false;
	}
	return true;
}

static void props_record(struct gi_capture_gpu *out, const struct props *p,
			 size_t off)
{
	struct gi_capture_gpu g;
	size_t used;
	u64 n, bus, dev, dom;
	long at;

	gi_cap_init(&g, GI_CAPTURE_PYTORCH, off);
	/*
	 * CUDA names a MIG instance "NVIDIA A100 80GB PCIe MIG 1g.10gb":
	 * the GPU's name, then the slice, whose memory and SMs are its own.
	 */
	at = gi_span_find_ci(p->name, " MIG ");
	if (at > 0)
		g.facts.partitioned = true;
	gi_span_copy(g.name, sizeof(g.name), gi_span_trim(at > 0 ?
		     gi_span_sub(p->name, 0, (size_t)at) : p->name));
	if (p->has_arch) {
		/* a ROCm build: an AMD GPU, and no SM count */
		g.vendor_hint = GI_VENDOR_AMD;
		g.not_shown |= GI_HAVE_SM_COUNT;
	}
	if (p->has_total && gi_parse_dec(p->total, &n, &used) && n &&
	    n <= UINT32_MAX && gi_span_eq_ci(gi_span_sub(p->total, used,
							 p->total.n), "MB"))
		gi_cap_set_vram(&g, (u32)n);
	if (p->has_sms && !p->has_arch && dec(p->sms, 0xffff, &n) && n) {
		g.facts.have |= GI_HAVE_SM_COUNT;
		g.facts.sm_count = (u16)n;
		g.facts.sm_from_fuses = false;
	}
	if (p->has_uuid && !p->has_arch && whole_uuid(p->uuid)) {
		snprintf(g.uuid, sizeof(g.uuid), "GPU-%.*s", (int)p->uuid.n,
			 p->uuid.p);
	}
	if (p->has_bus && p->has_dev && p->has_dom &&
	    dec(p->bus, 0xff, &bus) && dec(p->dev, 0x1f, &dev) &&
	    dec(p->dom, 0xffffffffu, &dom))
		gi_format_pci_addr(g.address, sizeof(g.address), (u32)dom,
				   (u8)bus, (u8)dev, 0);
	*out = g;
}

/* ---- YOLOv5 / Ultralytics: "CUDA:0 (NAME, 8188MiB)" ------------------- */

/*
 * One "CUDA:N (NAME, SIZEMiB)" at the start of @s; @used gets its length.
 * The name is what lies between "(" and the last ", " before the size.
 */
static bool yolo_device(struct gi_span s, struct gi_span *name, u32 *mib,
			size_t *used)
{
	size_t i = 5, close, comma, digits;
	struct gi_span size;
	u64 v;

	if (!gi_span_starts_ci(s, "CUDA:"))
		return false;
	while (i < s.n && i < 8 && isdigit((unsigned char)s.p[i]))
		i++;
	if (i == 5 || i + 2 > s.n || s.p[i] != ' ' || s.p[i + 1] != '(')
		return false;
	i += 2;
	for (close = i; close < s.n && s.p[close] != ')'; close++)
		;
	if (close >= s.n || close - i < 6 ||
	    !gi_span_ends_ci(gi_span_sub(s, i, close), "MiB"))
		return false;
	for (comma = close; comma > i && s.p[comma - 1] != ','; comma--)
		;
	if (comma <= i + 1)
		return false;
	size = gi_span_trim(gi_span_sub(s, comma, close - 3));
	if (!gi_parse_dec(size, &v, &digits) || digits != size.n || !v ||
	    v > UINT32_MAX)
		return false;
	*name = gi_span_trim(gi_span_sub(s, i, comma - 1));
	*mib = (u32)v;
	*used = close + 1;
	return name->n > 0;
}

static void yolo_record(struct gi_capture_gpu *out, struct gi_span name,
			u32 mib, size_t off)
{
	gi_cap_init(out, GI_CAPTURE_PYTORCH, off);
	gi_span_copy(out->name, sizeof(out->name), name);
	gi_cap_set_vram(out, mib);
}

/* ---- get_device_name ---------------------------------------------------- */

struct name_only {
	char name[96];
	size_t off;
};

/* How product names start; a bare line that does not is no name. */
static const char *const name_starts[] = {
	"NVIDIA ", "Tesla ", "Quadro ", "GeForce ", "TITAN ", "AMD ",
	"Radeon ", "Instinct ",
};

static bool bare_name(struct gi_span t)
{
	size_t i;

	if (t.n < 6 || t.n >= sizeof(((struct name_only *)0)->name) ||
	    memchr(t.p, '=', t.n) || memchr(t.p, '\'', t.n) ||
	    memchr(t.p, '"', t.n))
		return false;
	for (i = 0; i < sizeof(name_starts) / sizeof(name_starts[0]); i++)
		if (gi_span_starts_ci(t, name_starts[i]))
			return true;
	return false;
}

/* The line after a get_device_name() call: the name it printed, if any. */
static bool printed_name(struct gi_span t, struct gi_span *name)
{
	long at;

	t = gi_span_trim(gi_span_strip_log_prefix(t));
	/* IPython: "Out[3]: 'Tesla T4'" */
	if (gi_span_starts_ci(t, "Out[") && (at = gi_span_find_ci(t, "]:")) > 0)
		t = gi_span_trim(gi_span_sub(t, (size_t)at + 2, t.n));
	if (t.n >= 3 && (t.p[0] == '\'' || t.p[0] == '"') &&
	    t.p[t.n - 1] == t.p[0]) {
		*name = gi_span_trim(gi_span_sub(t, 1, t.n - 1));
		return name->n > 0 && !memchr(name->p, t.p[0], name->n);
	}
	if (!bare_name(t))
		return false;
	*name = t;
	return true;
}

static const char *skip_nvidia(const char *s)
{
	return strncasecmp(s, "NVIDIA ", 7) ? s : s + 7;
}

static bool same_name(const char *a, const char *b)
{
	return !strcasecmp(skip_nvidia(a), skip_nvidia(b));
}

/* A print with neither address nor UUID, of a whole GPU. */
static bool loose(const struct gi_capture_gpu *g)
{
	return !g->address[0] && !g->uuid[0] && !g->facts.partitioned;
}

/*
 * A paste often holds nvidia-smi's view of a GPU and PyTorch's print of
 * it: nvidia-smi has the address and IDs, the print the SM count. Old
 * prints carry no address or UUID to tie them by, and CUDA does not list
 * GPUs in nvidia-smi's (bus) order, so a print is tied to another
 * reader's record only when the name is that of exactly one record there
 * and of exactly one such print: then it takes that record's address and
 * commits into it. Anything else stays apart, never guessed.
 */
static void pair_with_views(const struct gi_cap_set *set,
			    struct gi_capture_gpu *l, unsigned int n)
{
	unsigned int i, j, same;
	int c, seen, at = -1;

	for (i = 0; i < n; i++) {
		if (!loose(&l[i]))
			continue;
		for (j = 0, same = 0; j < n; j++)
			same += loose(&l[j]) && same_name(l[j].name, l[i].name);
		for (c = 0, seen = 0; c < set->n; c++) {
			if (set->gpu[c].address[0] &&
			    same_name(set->gpu[c].name, l[i].name)) {
				seen++;
				at = c;
			}
		}
		if (same == 1 && seen == 1)
			memcpy(l[i].address, set->gpu[at].address,
			       sizeof(l[i].address));
	}
}

/*
 * A name alone adds nothing to a record of the same name from any reader
 * (a props print, an nvidia-smi view): it stands only for a GPU nothing
 * else in the paste shows.
 */
static bool named_elsewhere(const struct gi_cap_set *set, const char *name)
{
	int i;

	for (i = 0; i < set->n; i++)
		if (same_name(set->gpu[i].name, name))
			return true;
	return false;
}

static void commit_names(struct gi_cap_set *set, const struct name_only *l,
			 unsigned int n)
{
	struct gi_capture_gpu g;
	unsigned int i, j;

	for (i = 0; i < n; i++) {
		/* the same name printed twice is one GPU asked twice */
		for (j = 0; j < i && strcmp(l[j].name, l[i].name); j++)
			;
		if (j < i || named_elsewhere(set, l[i].name))
			continue;
		gi_cap_init(&g, GI_CAPTURE_PYTORCH, l[i].off);
		snprintf(g.name, sizeof(g.name), "%s", l[i].name);
		if (strncasecmp(g.name, "AMD ", 4) == 0 ||
		    strncasecmp(g.name, "Radeon ", 7) == 0 ||
		    strncasecmp(g.name, "Instinct ", 9) == 0)
			g.vendor_hint = GI_VENDOR_AMD;
		/* a name says nothing of memory or SMs */
		g.not_shown |= GI_HAVE_VRAM | GI_HAVE_SM_COUNT;
		gi_cap_commit(set, &g);
	}
}

/*
 * Keep @g among the prints @l (*@n of them), to be paired with the other
 * views of the paste; when there is no room (or no @l), commit it as it is.
 */
static void keep(struct gi_cap_set *set, struct gi_capture_gpu *l,
		 unsigned int *n, const struct gi_capture_gpu *g)
{
	if (l && *n < GI_CAPTURE_MAX_GPUS)
		l[(*n)++] = *g;
	else
		gi_cap_commit(set, g);
}

void gi_cap_read_pytorch(struct gi_cap_set *set, const char *data,
			 size_t len)
{
	struct gi_capture_gpu *l = calloc(GI_CAPTURE_MAX_GPUS, sizeof(*l));
	struct name_only names[GI_CAPTURE_MAX_GPUS];
	struct gi_span line, rest, name;
	unsigned int n_names = 0, n = 0, i;
	struct gi_capture_gpu g;
	bool want_name = false;
	struct gi_lines it;
	struct props p;
	size_t off;
	long at;

	gi_lines_init(&it, data, len);
	while (gi_lines_next(&it, &line, &off)) {
		if (want_name && !gi_span_blank(line)) {
			want_name = false;
			if (n_names < GI_CAPTURE_MAX_GPUS &&
			    printed_name(line, &name)) {
				gi_span_copy(names[n_names].name,
					     sizeof(names[n_names].name), name);
				names[n_names++].off = off;
				continue;
			}
		}
		rest = line;
		while ((at = gi_span_find_ci(rest, PROPS_TAG)) >= 0) {
			size_t from = (size_t)at + strlen(PROPS_TAG), used;

			struct gi_span win;

			rest = gi_span_sub(rest, from, rest.n);
			/* the print may go on over the next lines */
			win.p = rest.p;
			win.n = (size_t)(data + len - rest.p);
			if (win.n > PROPS_MAX)
				win.n = PROPS_MAX;
			used = parse_props(win, &p);
			if (p.has_name && gi_span_trim(p.name).n) {
				props_record(&g, &p, off + (size_t)(rest.p -
								    line.p));
				keep(set, l, &n, &g);
			}
			rest = gi_span_sub(rest, used ? used : 1, rest.n);
		}
		rest = line;
		while ((at = gi_span_find_ci(rest, "CUDA:")) >= 0) {
			u32 mib;
			size_t used;

			rest = gi_span_sub(rest, (size_t)at, rest.n);
			if (!yolo_device(rest, &name, &mib, &used)) {
				rest = gi_span_sub(rest, 5, rest.n);
				continue;
			}
			yolo_record(&g, name, mib,
				    off + (size_t)(rest.p - line.p));
			keep(set, l, &n, &g);
			rest = gi_span_sub(rest, used, rest.n);
		}
		if (gi_span_find_ci(line, "get_device_name(") >= 0)
			want_name = true;
	}
	if (l) {
		pair_with_views(set, l, n);
		for (i = 0; i < n; i++)
			gi_cap_commit(set, &l[i]);
		free(l);
	}
	commit_names(set, names, n_names);
}
