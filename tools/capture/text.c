// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Text primitives shared by the capture readers: lines, spans, numbers,
 * PCI addresses and VBIOS versions. Everything works on (pointer, length)
 * spans of the input, so a missing NUL, embedded NULs or binary garbage
 * cannot make a reader run past the data.
 */
#include "reader.h"

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

int gi_hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = lower(c);
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

void gi_lines_init(struct gi_lines *it, const char *data, size_t len)
{
	it->data = data;
	it->len = data ? len : 0;
	it->pos = 0;
}

static size_t line_at(const struct gi_lines *it, size_t pos,
		      struct gi_span *line)
{
	const char *start = it->data + pos;
	const char *nl = memchr(start, '\n', it->len - pos);
	size_t n = nl ? (size_t)(nl - start) : it->len - pos;
	size_t next = pos + n + (nl ? 1 : 0);

	/* CRLF, and the CRCRLF some copy-pastes produce */
	while (n && start[n - 1] == '\r')
		n--;
	line->p = start;
	line->n = n;
	return next;
}

bool gi_lines_next(struct gi_lines *it, struct gi_span *line, size_t *off)
{
	if (it->pos >= it->len)
		return false;
	if (off)
		*off = it->pos;
	it->pos = line_at(it, it->pos, line);
	return true;
}

bool gi_lines_peek(const struct gi_lines *it, struct gi_span *line)
{
	if (it->pos >= it->len)
		return false;
	line_at(it, it->pos, line);
	return true;
}

struct gi_span gi_span_trim(struct gi_span s)
{
	while (s.n && is_blank(s.p[0])) {
		s.p++;
		s.n--;
	}
	while (s.n && is_blank(s.p[s.n - 1]))
		s.n--;
	return s;
}

bool gi_span_blank(struct gi_span s)
{
	return gi_span_trim(s).n == 0;
}

size_t gi_span_indent(struct gi_span s)
{
	size_t i, col = 0;

	for (i = 0; i < s.n && (s.p[i] == ' ' || s.p[i] == '\t'); i++)
		col = s.p[i] == '\t' ? (col + 8) & ~(size_t)7 : col + 1;
	return col;
}

bool gi_span_eq_ci(struct gi_span s, const char *str)
{
	size_t i, n = strlen(str);

	if (s.n != n)
		return false;
	for (i = 0; i < n; i++)
		if (lower(s.p[i]) != lower(str[i]))
			return false;
	return true;
}

bool gi_span_starts_ci(struct gi_span s, const char *prefix)
{
	size_t n = strlen(prefix);

	return s.n >= n && gi_span_eq_ci((struct gi_span){ s.p, n }, prefix);
}

bool gi_span_ends_ci(struct gi_span s, const char *suffix)
{
	size_t n = strlen(suffix);

	return s.n >= n &&
	       gi_span_eq_ci((struct gi_span){ s.p + s.n - n, n }, suffix);
}

long gi_span_find_ci(struct gi_span s, const char *needle)
{
	size_t i, n = strlen(needle);

	if (!n || n > s.n)
		return n ? -1 : 0;
	/* needles are short literals: O(len * needle) stays linear */
	for (i = 0; i + n <= s.n; i++)
		if (lower(s.p[i]) == lower(needle[0]) &&
		    gi_span_eq_ci((struct gi_span){ s.p + i, n }, needle))
			return (long)i;
	return -1;
}

struct gi_span gi_span_sub(struct gi_span s, size_t from, size_t to)
{
	if (to > s.n)
		to = s.n;
	if (from > to)
		from = to;
	return (struct gi_span){ s.p + from, to - from };
}

bool gi_span_kv(struct gi_span line, struct gi_span *key, struct gi_span *val)
{
	const char *colon = line.n ? memchr(line.p, ':', line.n) : NULL;
	size_t at;

	if (!colon)
		return false;
	at = (size_t)(colon - line.p);
	*key = gi_span_trim(gi_span_sub(line, 0, at));
	*val = gi_span_trim(gi_span_sub(line, at + 1, line.n));
	return true;
}

struct gi_span gi_span_strip_log_prefix(struct gi_span s)
{
	unsigned int k;

	s = gi_span_trim(s);
	for (k = 0; k < 4 && s.n && s.p[0] == '['; k++) {
		const char *close = memchr(s.p, ']', s.n < 64 ? s.n : 64);

		/* "[PN] Part number:" and "[N/A]" are values, not prefixes */
		if (!close || close - s.p < 6)
			break;
		s = gi_span_trim(gi_span_sub(s, (size_t)(close - s.p) + 1, s.n));
	}
	return s;
}

bool gi_span_na(struct gi_span v)
{
	static const char *const na[] = {
		"N/A", "[N/A]", "NA", "Not Available", "[Not Available]",
		"Not Supported", "[Not Supported]", "Unknown Error",
		"[Unknown Error]", "Insufficient Permissions",
		"[Insufficient Permissions]", "Requested functionality has been deprecated",
	};
	size_t i;

	v = gi_span_trim(v);
	if (!v.n)
		return true;
	for (i = 0; i < GI_ARRAY_SIZE(na); i++)
		if (gi_span_eq_ci(v, na[i]))
			return true;
	return false;
}

bool gi_parse_dec(struct gi_span s, u64 *v, size_t *used)
{
	size_t i = 0, start;
	u64 x = 0;

	while (i < s.n && is_blank(s.p[i]))
		i++;
	start = i;
	for (; i < s.n && s.p[i] >= '0' && s.p[i] <= '9'; i++) {
		if (x > (UINT64_MAX - 9) / 10)
			return false;
		x = x * 10 + (u64)(s.p[i] - '0');
	}
	if (i == start)
		return false;
	*v = x;
	if (used)
		*used = i;
	return true;
}

bool gi_parse_hex(struct gi_span s, unsigned int maxdigits, u32 *v)
{
	size_t i;
	u32 x = 0;

	s = gi_span_trim(s);
	if (gi_span_starts_ci(s, "0x"))
		s = gi_span_sub(s, 2, s.n);
	if (!s.n || s.n > maxdigits || s.n > 8)
		return false;
	for (i = 0; i < s.n; i++) {
		int d = gi_hexval(s.p[i]);

		if (d < 0)
			return false;
		x = x << 4 | (u32)d;
	}
	*v = x;
	return true;
}

/* "[10de:2684]" at @s[i] (the '['); false if not that exact shape. */
static bool id_pair(struct gi_span s, size_t i, u16 *a, u16 *b)
{
	u32 x, y;

	if (s.n - i < 11 || s.p[i] != '[' || s.p[i + 5] != ':' ||
	    s.p[i + 10] != ']')
		return false;
	if (!gi_parse_hex(gi_span_sub(s, i + 1, i + 5), 4, &x) ||
	    !gi_parse_hex(gi_span_sub(s, i + 6, i + 10), 4, &y))
		return false;
	*a = (u16)x;
	*b = (u16)y;
	return true;
}

/* The last "[xxxx:xxxx]" in @s; its offset in *at. */
bool gi_parse_last_id_pair(struct gi_span s, u16 *a, u16 *b, size_t *at)
{
	size_t i;

	for (i = s.n; i-- > 0;) {
		if (s.p[i] == '[' && id_pair(s, i, a, b)) {
			if (at)
				*at = i;
			return true;
		}
	}
	return false;
}
bool gi_parse_mib(struct gi_span s, u32 *mib)
{
	struct gi_span unit;
	size_t used;
	u64 v;

	s = gi_span_trim(s);
	if (!gi_parse_dec(s, &v, &used))
		return false;
	unit = gi_span_trim(gi_span_sub(s, used, s.n));
	if (gi_span_eq_ci(unit, "GiB"))
		v *= 1024;
	else if (!gi_span_eq_ci(unit, "MiB") && !gi_span_eq_ci(unit, "MB"))
		return false;
	if (v > UINT32_MAX)
		return false;
	*mib = (u32)v;
	return true;
}

/* Exactly @digits hex digits at @s[*i]; advances *i. */
static bool hex_field(struct gi_span s, size_t *i, unsigned int digits, u32 *v)
{
	unsigned int k;
	u32 x = 0;

	if (s.n - *i < digits)
		return false;
	for (k = 0; k < digits; k++) {
		int d = gi_hexval(s.p[*i + k]);

		if (d < 0)
			return false;
		x = x << 4 | (u32)d;
	}
	*i += digits;
	*v = x;
	return true;
}

bool gi_parse_pci_addr(struct gi_span s, u32 *domain, u8 *bus, u8 *dev,
		       u8 *fn, size_t *used)
{
	size_t i = 0, ndom = 0;
	u32 d = 0, b, dv, f;

	/* the domain, if any, is every hex digit before the second colon */
	while (ndom < s.n && ndom < 9 && gi_hexval(s.p[ndom]) >= 0)
		ndom++;
	if (ndom >= 4 && ndom <= 8 && ndom < s.n && s.p[ndom] == ':' &&
	    hex_field(s, &i, (unsigned int)ndom, &d)) {
		i++;
	} else {
		i = 0;
		d = 0;
	}
	if (!hex_field(s, &i, 2, &b) || i >= s.n || s.p[i++] != ':' ||
	    !hex_field(s, &i, 2, &dv) || i >= s.n || s.p[i++] != '.' ||
	    i >= s.n || s.p[i] < '0' || s.p[i] > '7')
		return false;
	f = (u32)(s.p[i++] - '0');
	/* "01:00.0" must not be the start of "01:00.01" or "01:00.0a" */
	if (i < s.n && gi_hexval(s.p[i]) >= 0)
		return false;
	if (dv > 0x1f)
		return false;
	*domain = d;
	*bus = (u8)b;
	*dev = (u8)dv;
	*fn = (u8)f;
	if (used)
		*used = i;
	return true;
}

void gi_format_pci_addr(char *buf, size_t n, u32 domain, u8 bus, u8 dev,
			u8 fn)
{
	snprintf(buf, n, "%04x:%02x:%02x.%x", domain, bus, dev, fn);
}

bool gi_parse_vbios_version(struct gi_span s, u8 out[5])
{
	unsigned int g;
	size_t i = 0;

	s = gi_span_trim(s);
	if (s.n != 14)
		return false;
	for (g = 0; g < 5; g++) {
		u32 v;

		if (g && s.p[i++] != '.')
			return false;
		if (!hex_field(s, &i, 2, &v))
			return false;
		out[g] = (u8)v;
	}
	return true;
}

void gi_span_copy(char *dst, size_t n, struct gi_span s)
{
	size_t i, l;

	if (!n)
		return;
	l = s.n < n - 1 ? s.n : n - 1;
	for (i = 0; i < l; i++) {
		unsigned char c = (unsigned char)s.p[i];

		dst[i] = c >= 0x20 && c < 0x7f ? (char)c : '?';
	}
	dst[l] = '\0';
}
