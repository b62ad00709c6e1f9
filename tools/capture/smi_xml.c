// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * `nvidia-smi -q -x` XML. nvidia-smi writes a plain element tree (no
 * namespaces, no mixed content), so a tag scanner with a stack of element
 * names is enough: a leaf's text is judged by its path below its <gpu>
 * element, which keeps a MIG slice's fb_memory_usage (under mig_devices)
 * apart from the GPU's own. Malformed or truncated XML is read as far as
 * it goes; a tag left open at the end is scanned no further, which keeps
 * the work linear in the input.
 */
#include "reader.h"

#define MAX_DEPTH	24
#define NAME_LEN	40

struct xml {
	const char *d;
	size_t len;
	char names[MAX_DEPTH][NAME_LEN];
	unsigned int depth;
	unsigned int overflow;		/* levels deeper than MAX_DEPTH */
	int gpu_level;			/* stack index of <gpu>, -1 outside */
	bool leaf;			/* the top element has no child yet */
	size_t text_start;
	bool gen_from_device;
	struct gi_capture_gpu g;
	char driver[32];
	struct gi_cap_set *set;
};

static bool name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.' ||
	       c == ':';
}

/* Offset of @s at or after @from, or len. */
static size_t find(const struct xml *x, size_t from, const char *s)
{
	size_t n = strlen(s);

	while (from < x->len) {
		const char *p = memchr(x->d + from, s[0], x->len - from);

		if (!p)
			break;
		from = (size_t)(p - x->d);
		if (x->len - from >= n && !memcmp(p, s, n))
			return from;
		from++;
	}
	return x->len;
}

/* The '>' that ends the tag at @from, skipping quoted values; len if none. */
static size_t tag_end(const struct xml *x, size_t from)
{
	char quote = 0;
	size_t i;

	for (i = from; i < x->len; i++) {
		char c = x->d[i];

		if (quote) {
			if (c == quote)
				quote = 0;
		} else if (c == '"' || c == '\'') {
			quote = c;
		} else if (c == '>') {
			return i;
		}
	}
	return x->len;
}

/* Text with the five XML entities and &#N; decoded, into @buf. */
static struct gi_span decode(struct gi_span s, char *buf, size_t n)
{
	static const struct {
		const char *ent;
		char c;
	} ents[] = {
		{ "&amp;", '&' }, { "&lt;", '<' }, { "&gt;", '>' },
		{ "&quot;", '"' }, { "&apos;", '\'' },
	};
	size_t i = 0, o = 0, k;

	s = gi_span_trim(s);
	while (i < s.n && o < n) {
		bool done = false;

		if (s.p[i] == '&') {
			struct gi_span rest = gi_span_sub(s, i, s.n);

			for (k = 0; k < GI_ARRAY_SIZE(ents) && !done; k++) {
				if (gi_span_starts_ci(rest, ents[k].ent)) {
					buf[o++] = ents[k].c;
					i += strlen(ents[k].ent);
					done = true;
				}
			}
		}
		if (!done)
			buf[o++] = s.p[i++];
	}
	return (struct gi_span){ buf, o };
}

/* The value of attribute @want in the attribute text @a, if present. */
static bool attr(struct gi_span a, const char *want, struct gi_span *val)
{
	size_t i = 0;

	while (i < a.n) {
		size_t ns, ne, ve;
		const char *end;
		char q;

		while (i < a.n && !name_char(a.p[i]))
			i++;
		ns = i;
		while (i < a.n && name_char(a.p[i]))
			i++;
		ne = i;
		while (i < a.n && (a.p[i] == ' ' || a.p[i] == '\t' ||
				   a.p[i] == '\n' || a.p[i] == '\r'))
			i++;
		if (i >= a.n || a.p[i] != '=')
			continue;
		i++;
		while (i < a.n && (a.p[i] == ' ' || a.p[i] == '\t'))
			i++;
		if (i >= a.n || (a.p[i] != '"' && a.p[i] != '\''))
			continue;
		q = a.p[i++];
		end = memchr(a.p + i, q, a.n - i);
		ve = end ? (size_t)(end - a.p) : a.n;
		if (gi_span_eq_ci(gi_span_sub(a, ns, ne), want)) {
			*val = gi_span_sub(a, i, ve);
			return true;
		}
		i = ve + 1;
	}
	return false;
}

static bool path_is(const char *path, const char *want)
{
	return !strcmp(path, want);
}

static void gpu_leaf(struct xml *x, const char *path, struct gi_span raw)
{
	struct gi_capture_gpu *g = &x->g;
	struct gi_span v;
	char buf[128];
	size_t used;
	u32 mib;
	u64 n;

	v = decode(raw, buf, sizeof(buf));
	if (path_is(path, "product_name")) {
		gi_cap_set_str(g->name, sizeof(g->name), v);
	} else if (path_is(path, "serial")) {
		gi_cap_set_str(g->serial, sizeof(g->serial), v);
	} else if (path_is(path, "uuid")) {
		gi_cap_set_str(g->uuid, sizeof(g->uuid), v);
	} else if (path_is(path, "vbios_version")) {
		gi_cap_set_bios(g, v);
	} else if (path_is(path, "board_part_number")) {
		gi_cap_set_part_number(g, v);
	} else if (path_is(path, "gpu_part_number")) {
		gi_cap_set_str(g->gpu_part_number, sizeof(g->gpu_part_number), v);
	} else if (path_is(path, "pci/pci_device_id")) {
		gi_cap_set_smi_id_pair(g, v, false);
	} else if (path_is(path, "pci/pci_sub_system_id")) {
		gi_cap_set_smi_id_pair(g, v, true);
	} else if (path_is(path, "pci/pci_bus_id")) {
		if (!g->address[0])
			gi_cap_set_address(g, v);
	} else if (path_is(path, "pci/pci_gpu_link_info/pcie_gen/max_device_link_gen")) {
		/* the GPU's own capability beats the link's (see smi_q.c) */
		if (gi_parse_dec(v, &n, &used) && n && n < 16) {
			g->facts.link_gen_max = 0;
			gi_cap_set_link_gen(g, (u8)n);
			x->gen_from_device = true;
		}
	} else if (path_is(path, "pci/pci_gpu_link_info/pcie_gen/max_link_gen")) {
		if (!x->gen_from_device && gi_parse_dec(v, &n, &used) && n < 16)
			gi_cap_set_link_gen(g, (u8)n);
	} else if (path_is(path, "pci/pci_gpu_link_info/link_widths/max_link_width")) {
		if (gi_parse_dec(v, &n, &used) && n <= 32 && used < v.n &&
		    v.p[used] == 'x')
			gi_cap_set_link_width(g, (u8)n);
	} else if (path_is(path, "fb_memory_usage/total")) {
		if (gi_parse_mib(v, &mib))
			gi_cap_set_vram(g, mib);
	} else if (path_is(path, "bar1_memory_usage/total")) {
		if (gi_parse_mib(v, &mib))
			gi_cap_set_bar1(g, mib);
	} else if (path_is(path, "ecc_mode/current_ecc")) {
		if (gi_span_eq_ci(v, "Enabled"))
			gi_cap_set_ecc(g, true);
		else if (gi_span_eq_ci(v, "Disabled"))
			gi_cap_set_ecc(g, false);
	} else if (path_is(path, "mig_mode/current_mig")) {
		if (gi_span_eq_ci(v, "Enabled"))
			g->facts.partitioned = true;
	} else if (path_is(path, "gpu_virtualization_mode/virtualization_mode")) {
		if (gi_span_find_ci(v, "VGPU") >= 0 || gi_span_find_ci(v, "VSGA") >= 0)
			g->facts.partitioned = true;
	}
}

static void leaf(struct xml *x, size_t text_end)
{
	struct gi_span raw = { x->d + x->text_start, 0 };
	char path[MAX_DEPTH * NAME_LEN];
	size_t used = 0;
	unsigned int i;

	if (text_end > x->text_start)
		raw.n = text_end - x->text_start;
	if (x->gpu_level < 0) {
		if (x->depth && !strcmp(x->names[x->depth - 1], "driver_version")) {
			x->driver[0] = '\0';
			gi_cap_set_str(x->driver, sizeof(x->driver), raw);
		}
		return;
	}
	if (x->overflow)
		return;
	path[0] = '\0';
	for (i = (unsigned int)x->gpu_level + 1; i < x->depth; i++)
		used += (size_t)snprintf(path + used, sizeof(path) - used, "%s%s",
					 used ? "/" : "", x->names[i]);
	gpu_leaf(x, path, raw);
}

static void open_tag(struct xml *x, struct gi_span name, struct gi_span attrs,
		     size_t at)
{
	struct gi_span id;

	if (x->depth >= MAX_DEPTH) {
		x->overflow++;
		return;
	}
	/* a name too long to keep can match nothing */
	if (name.n >= NAME_LEN)
		snprintf(x->names[x->depth], NAME_LEN, "?");
	else
		gi_span_copy(x->names[x->depth], NAME_LEN, name);
	x->depth++;
	x->leaf = true;
	if (x->gpu_level < 0 && gi_span_eq_ci(name, "gpu")) {
		x->gpu_level = (int)x->depth - 1;
		x->gen_from_device = false;
		gi_cap_init(&x->g, GI_CAPTURE_SMI_XML, at);
		if (attr(attrs, "id", &id))
			gi_cap_set_address(&x->g, id);
		if (x->driver[0])
			snprintf(x->g.driver_version, sizeof(x->g.driver_version),
				 "%s", x->driver);
	}
}

static void close_to(struct xml *x, unsigned int level)
{
	x->depth = level;
	if (x->gpu_level >= 0 && (unsigned int)x->gpu_level >= level) {
		gi_cap_commit(x->set, &x->g);
		x->gpu_level = -1;
	}
}

static void close_tag(struct xml *x, struct gi_span name, size_t text_end)
{
	unsigned int i;
	char want[NAME_LEN];

	if (x->overflow) {
		x->overflow--;
		return;
	}
	if (name.n >= NAME_LEN)
		return;
	gi_span_copy(want, sizeof(want), name);
	for (i = x->depth; i-- > 0;) {
		if (strcmp(x->names[i], want))
			continue;
		if (i == x->depth - 1 && x->leaf)
			leaf(x, text_end);
		/* a mismatched end tag closes what it skips over */
		close_to(x, i);
		x->leaf = false;
		return;
	}
}

void gi_cap_read_smi_xml(struct gi_cap_set *set, const char *data, size_t len)
{
	struct xml xs = { .d = data, .len = len, .gpu_level = -1, .set = set };
	struct xml *x = &xs;
	size_t pos = 0;

	while (pos < len) {
		const char *lt = memchr(data + pos, '<', len - pos);
		size_t start, end, ns;

		if (!lt)
			break;
		pos = (size_t)(lt - data);
		if (len - pos >= 4 && !memcmp(lt, "<!--", 4)) {
			end = find(x, pos + 4, "-->");
			if (end >= len)
				break;
			pos = end + 3;
			continue;
		}
		start = pos + 1;
		if (start < len && (data[start] == '!' || data[start] == '?')) {
			end = tag_end(x, start);
			if (end >= len)
				break;
			pos = end + 1;
			continue;
		}
		if (start < len && data[start] == '/') {
			ns = start + 1;
			for (start = ns; start < len && name_char(data[start]); start++)
				;
			end = tag_end(x, start);
			if (end >= len)
				break;
			close_tag(x, (struct gi_span){ data + ns, start - ns }, pos);
			pos = end + 1;
			continue;
		}
		ns = start;
		while (start < len && name_char(data[start]))
			start++;
		if (start == ns) {
			pos++;		/* "a < b": not a tag */
			continue;
		}
		end = tag_end(x, start);
		if (end >= len)
			break;
		open_tag(x, (struct gi_span){ data + ns, start - ns },
			 (struct gi_span){ data + start, end - start }, pos);
		pos = end + 1;
		x->text_start = pos;
		/* "<x/>": empty text */
		if (data[end - 1] == '/')
			close_tag(x, (struct gi_span){ data + ns, start - ns }, pos);
	}
	/* cut off inside a <gpu>: keep what it showed */
	if (x->gpu_level >= 0)
		gi_cap_commit(set, &x->g);
}
