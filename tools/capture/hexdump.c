// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Hex dumps of PCI configuration space: lspci -x/-xxx/-xxxx ("00: de 10 84
 * 26 ..." under the device line) and hexdump -C, hexdump, xxd, xxd -g1 and
 * od -Ax -tx1 of /sys/bus/pci/devices/.../config. The bytes go to
 * config.c. A dump's PCI address comes from the lspci device line
 * above it or from a ".../0000:01:00.0/config" path on the command line
 * pasted before it.
 *
 * libpci has a reader for lspci -x dumps (its "dump" access method), but
 * it reports a malformed line through its error handler, which must not
 * return: it suits a dump lspci wrote, not a paste from a seller, which is
 * hostile input here. It also knows none of the other formats.
 */
#include "reader.h"

#define MAX_LINE_BYTES	32

struct hexline {
	size_t offset;
	bool lspci;			/* "00: de 10 ..." */
	u8 bytes[MAX_LINE_BYTES];
	unsigned int n;
};

/*
 * "OFFSET[:] GROUP GROUP ... [ASCII]". Groups are all 2 digits (bytes) or
 * all 4: xxd's byte pairs in memory order after "offset:", hexdump's
 * little-endian 16-bit words after a bare offset. The ASCII column stops
 * the groups ('|' for hexdump -C, '>' for od -z, or anything not hex).
 * An offset alone (the end line of hexdump and od) gives n = 0.
 */
static bool parse_hexline(struct gi_span t, struct hexline *h)
{
	size_t i = 0, digits, glen = 0;
	bool colon = false;
	u64 off = 0;

	while (i < t.n && i < 9 && gi_hexval(t.p[i]) >= 0)
		off = off << 4 | (u64)gi_hexval(t.p[i++]);
	digits = i;
	if (digits < 2 || digits > 8)
		return false;
	if (i < t.n && t.p[i] == ':') {
		colon = true;
		i++;
	}
	h->offset = (size_t)off;
	h->n = 0;
	h->lspci = colon && digits <= 3;
	if (i == t.n)
		return !colon;
	if (t.p[i] != ' ' && t.p[i] != '\t')
		return false;
	while (h->n < MAX_LINE_BYTES) {
		size_t s, k;

		s = i;
		while (i < t.n && (t.p[i] == ' ' || t.p[i] == '\t'))
			i++;
		/* after a full row, a wide gap is the ASCII column's */
		if (h->n >= 16 && i - s >= 2)
			break;
		s = i;
		while (i < t.n && gi_hexval(t.p[i]) >= 0)
			i++;
		k = i - s;
		if (!k || (i < t.n && t.p[i] != ' ' && t.p[i] != '\t'))
			break;
		if (!glen)
			glen = k;
		if (k != glen || (k != 2 && k != 4))
			break;
		if (k == 2) {
			h->bytes[h->n++] = (u8)(gi_hexval(t.p[s]) << 4 | gi_hexval(t.p[s + 1]));
		} else if (h->n + 2 <= MAX_LINE_BYTES) {
			u8 hi = (u8)(gi_hexval(t.p[s]) << 4 | gi_hexval(t.p[s + 1]));
			u8 lo = (u8)(gi_hexval(t.p[s + 2]) << 4 | gi_hexval(t.p[s + 3]));

			h->bytes[h->n++] = colon ? hi : lo;
			h->bytes[h->n++] = colon ? lo : hi;
		} else {
			break;
		}
	}
	/* lspci -x lines are bytes only */
	return h->n > 0 && !(h->lspci && glen != 2);
}

/* "/sys/bus/pci/devices/0000:01:00.0/config" anywhere on the line. */
static bool config_path(struct gi_span t, char *addr, size_t n)
{
	long at = gi_span_find_ci(t, "/config");
	size_t end, start;
	u8 bus, dev, fn;
	size_t used;
	u32 dom;

	if (at <= 0)
		return false;
	end = (size_t)at;
	for (start = end; start > 0 && t.p[start - 1] != '/'; start--)
		;
	if (!gi_parse_pci_addr(gi_span_sub(t, start, end), &dom, &bus, &dev, &fn,
			       &used) || start + used != end)
		return false;
	gi_format_pci_addr(addr, n, dom, bus, dev, fn);
	return true;
}

struct dump {
	bool open;
	bool lspci;
	size_t where;			/* input offset of its header or first line */
	size_t next;			/* config offset the next line should have */
	struct hexline last;		/* for hexdump's and od's "*" */
	bool repeat;
	struct gi_config cfg;
	/* what the lines before it said */
	bool have_head;
	struct gi_lspci_head head;
	size_t head_where;
	char addr[32];
};

static void fill_repeat(struct dump *d, size_t upto)
{
	size_t o = d->next;

	/* "*": the last line repeats up to the next offset shown */
	if (d->repeat && d->last.n) {
		if (upto > sizeof(d->cfg.b))
			upto = sizeof(d->cfg.b);
		for (; o < upto; o++)
			gi_config_put(&d->cfg, o, d->last.bytes[(o - d->next) % d->last.n]);
	}
	d->repeat = false;
}

static void finish(struct gi_cap_set *set, struct dump *d)
{
	struct gi_capture_gpu g;

	if (!d->open)
		return;
	d->open = false;
	gi_cap_init(&g, d->lspci ? GI_CAPTURE_LSPCI_X : GI_CAPTURE_HEXDUMP,
		    d->have_head ? d->head_where : d->where);
	if (!gi_config_decode(&d->cfg, &g))
		return;
	if (d->have_head) {
		gi_format_pci_addr(g.address, sizeof(g.address), d->head.domain,
				   d->head.bus, d->head.dev, d->head.fn);
		gi_span_copy(g.name, sizeof(g.name), d->head.name);
	} else if (d->addr[0]) {
		snprintf(g.address, sizeof(g.address), "%s", d->addr);
	}
	gi_cap_commit(set, &g);
}

static void forget_context(struct dump *d)
{
	d->have_head = false;
	d->addr[0] = '\0';
}

static void line(struct gi_cap_set *set, struct dump *d, struct gi_span l,
		 size_t off)
{
	struct gi_span t = gi_span_trim(l);
	struct gi_lspci_head head;
	struct hexline h;
	unsigned int i;

	if (!t.n) {
		finish(set, d);
		forget_context(d);
		return;
	}
	if (t.n == 1 && t.p[0] == '*') {
		d->repeat = d->open;
		return;
	}
	if (gi_lspci_parse_head(l, &head)) {
		finish(set, d);
		d->have_head = true;
		d->head = head;
		d->head_where = off;
		return;
	}
	if (!parse_hexline(t, &h)) {
		/* lspci -vx: the -v lines sit between device line and dump */
		if (l.p[0] == ' ' || l.p[0] == '\t')
			return;
		finish(set, d);
		forget_context(d);
		config_path(t, d->addr, sizeof(d->addr));
		return;
	}
	if (!h.n) {
		/* hexdump's and od's closing offset */
		if (d->open) {
			fill_repeat(d, h.offset);
			finish(set, d);
		}
		return;
	}
	if (h.offset == 0) {
		finish(set, d);
		d->open = true;
		d->lspci = h.lspci;
		d->where = off;
		d->next = 0;
		d->repeat = false;
		gi_config_reset(&d->cfg);
	} else if (!d->open || h.offset < d->next || h.lspci != d->lspci) {
		/* not the continuation of the dump: it ends there */
		finish(set, d);
		forget_context(d);
		return;
	}
	fill_repeat(d, h.offset);
	for (i = 0; i < h.n; i++)
		gi_config_put(&d->cfg, h.offset + i, h.bytes[i]);
	d->next = h.offset + h.n;
	d->last = h;
}

void gi_cap_read_hexdump(struct gi_cap_set *set, const char *data,
			 size_t len)
{
	struct gi_lines it;
	struct gi_span l;
	struct dump d;
	size_t off;

	memset(&d, 0, sizeof(d));
	gi_lines_init(&it, data, len);
	while (gi_lines_next(&it, &l, &off))
		line(set, &d, l, off);
	finish(set, &d);
}
