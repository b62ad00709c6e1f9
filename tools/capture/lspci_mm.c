// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * lspci's machine-readable output: -mm, one line a device,
 *
 *   01:00.0 "VGA compatible controller [0300]" "NVIDIA Corporation [10de]"
 *     "GA104 [GeForce RTX 3060 Ti Lite Hash Rate] [2489]" -ra1 -p00
 *     "NVIDIA Corporation [10de]" "Device [147e]"
 *
 * (one line), and -vmm, one "Key:<TAB>value" record a device (-vm, and
 * lspci before 3.0, say "Device:" for "Slot:"),
 *
 *   Slot:	01:00.0
 *   Class:	3D controller
 *   Vendor:	NVIDIA Corporation
 *   Device:	GP107M [GeForce GTX 1050 Ti Mobile]
 *   SVendor:	Dell
 *   SDevice:	Device 087d
 *   Rev:	ff
 *
 * each with names (no -n), IDs ("10de", with -n) or both ("... [10de]",
 * with -nn). Names go back to IDs as in lspci_head.c.
 */
#include "reader.h"

/* One device's fields, as spans of the input. */
struct mm {
	struct gi_span slot, cls, vendor, device, svendor, sdevice, rev;
	size_t off;
};

/* "NVIDIA Corporation [10de]" (-nn): the ID, and the name before it. */
static bool tail_id(struct gi_span s, u16 *id, struct gi_span *name)
{
	u32 v;

	s = gi_span_trim(s);
	if (s.n < 6 || s.p[s.n - 1] != ']' || s.p[s.n - 6] != '[' ||
	    !gi_parse_hex(gi_span_sub(s, s.n - 5, s.n - 1), 4, &v))
		return false;
	*id = (u16)v;
	*name = gi_span_trim(gi_span_sub(s, 0, s.n - 6));
	return true;
}

/* "10de" (-n) */
static bool bare_id(struct gi_span s, u16 *id)
{
	u32 v;

	s = gi_span_trim(s);
	if (s.n != 4 || !gi_parse_hex(s, 4, &v))
		return false;
	*id = (u16)v;
	return true;
}

/* An ID however the field shows it; @name gets the name part, if any. */
static bool field_id(struct gi_span s, u16 *id, struct gi_span *name)
{
	*name = gi_span_trim(s);
	if (tail_id(s, id, name))
		return true;
	if (bare_id(s, id)) {
		name->n = 0;
		return true;
	}
	return false;
}

static void mm_commit(struct gi_cap_set *set, const struct mm *m)
{
	struct gi_span vname, dname, svname, sdname;
	struct gi_capture_gpu g;
	u16 cls, vendor, device, ssvid, ssid;
	u32 domain, rev;
	u8 bus, dev, fn;
	size_t used;
	bool have_vendor, have_sv;

	if (!m->slot.n || !m->cls.n || !m->vendor.n || !m->device.n)
		return;
	if (!gi_parse_pci_addr(gi_span_trim(m->slot), &domain, &bus, &dev, &fn,
			       &used) || used != gi_span_trim(m->slot).n)
		return;
	if (!gi_lspci_class(m->cls, &cls) || (cls >> 8) != 0x03 ||
	    gi_lspci_second_head(set, domain, bus, dev, fn, cls))
		return;
	gi_cap_init(&g, GI_CAPTURE_LSPCI_MM, m->off);
	gi_format_pci_addr(g.address, sizeof(g.address), domain, bus, dev, fn);

	have_vendor = field_id(m->vendor, &vendor, &vname) ||
		      gi_lspci_vendor_id(vname, &vendor);
	if (field_id(m->device, &device, &dname)) {
		if (have_vendor)
			gi_cap_set_ids(&g, vendor, device);
	}
	if (have_vendor) {
		g.vendor_hint = vendor;
		gi_lspci_resolve_device(&g, vendor, dname);
	} else {
		gi_span_copy(g.name, sizeof(g.name), gi_lspci_product(dname));
	}

	/* "" "" when the device has no subsystem */
	if (m->svendor.n && m->sdevice.n) {
		have_sv = field_id(m->svendor, &ssvid, &svname);
		if (have_sv && field_id(m->sdevice, &ssid, &sdname))
			gi_cap_set_subsys(&g, ssvid, ssid);
		else if (!have_sv && !field_id(m->sdevice, &ssid, &sdname))
			gi_lspci_resolve_subsys(&g, svname, sdname, dname);
	}
	/* rev ff: a powered-off GPU answering all ones, as in lspci.c */
	if (m->rev.n && gi_parse_hex(gi_span_trim(m->rev), 2, &rev) &&
	    rev != 0xff) {
		g.facts.have |= GI_HAVE_REVISION;
		g.facts.revision = (u8)rev;
	}
	gi_cap_commit(set, &g);
}

/*
 * The next field of an -mm line at @s[*i]: a quoted string (lspci
 * escapes nothing in it) or a bare word ("-ra1", "-p00"). False at the
 * end of the line or on an unterminated quote.
 */
static bool next_field(struct gi_span s, size_t *i, struct gi_span *f,
		       bool *quoted)
{
	size_t j;

	while (*i < s.n && (s.p[*i] == ' ' || s.p[*i] == '\t'))
		(*i)++;
	if (*i >= s.n)
		return false;
	if (s.p[*i] == '"') {
		const char *q = memchr(s.p + *i + 1, '"', s.n - *i - 1);

		if (!q)
			return false;
		j = (size_t)(q - s.p);
		*f = gi_span_sub(s, *i + 1, j);
		*quoted = true;
		*i = j + 1;
		return true;
	}
	for (j = *i; j < s.n && s.p[j] != ' ' && s.p[j] != '\t'; j++)
		;
	*f = gi_span_sub(s, *i, j);
	*quoted = false;
	*i = j;
	return true;
}

/* An -mm line: the slot, then quoted fields with -r/-p options among them. */
static bool mm_line(struct gi_span line, size_t off, struct mm *m)
{
	struct gi_span *quoted_fields[5];
	struct gi_span f;
	u32 domain;
	u8 bus, dev, fn;
	size_t used, i, nq = 0;
	bool quoted;

	memset(m, 0, sizeof(*m));
	line = gi_span_trim(line);
	if (!gi_parse_pci_addr(line, &domain, &bus, &dev, &fn, &used) ||
	    used + 1 >= line.n || line.p[used] != ' ' || line.p[used + 1] != '"')
		return false;
	m->slot = gi_span_sub(line, 0, used);
	m->off = off;
	quoted_fields[0] = &m->cls;
	quoted_fields[1] = &m->vendor;
	quoted_fields[2] = &m->device;
	quoted_fields[3] = &m->svendor;
	quoted_fields[4] = &m->sdevice;
	i = used;
	while (next_field(line, &i, &f, &quoted)) {
		if (quoted) {
			if (nq == GI_ARRAY_SIZE(quoted_fields))
				return false;
			*quoted_fields[nq++] = f;
		} else if (f.n == 4 && f.p[0] == '-' && f.p[1] == 'r') {
			m->rev = gi_span_sub(f, 2, 4);
		} else if (!(f.n >= 2 && f.p[0] == '-')) {
			return false;	/* not lspci's */
		}
	}
	return nq >= 3;
}

/* Is @v a PCI address and nothing else? */
static bool whole_addr(struct gi_span v)
{
	u32 domain;
	u8 bus, dev, fn;
	size_t used;

	v = gi_span_trim(v);
	return gi_parse_pci_addr(v, &domain, &bus, &dev, &fn, &used) &&
	       used == v.n;
}

/* "Slot:\t01:00.0": the key and the value of a -vmm line. */
static bool vmm_kv(struct gi_span line, struct gi_span *key,
		   struct gi_span *val)
{
	const char *colon;

	if (!line.n || line.p[0] == ' ' || line.p[0] == '\t')
		return false;
	colon = memchr(line.p, ':', line.n < 16 ? line.n : 16);
	if (!colon)
		return false;
	*key = gi_span_sub(line, 0, (size_t)(colon - line.p));
	*val = gi_span_trim(gi_span_sub(line, (size_t)(colon - line.p) + 1,
					line.n));
	return true;
}

void gi_cap_read_lspci_mm(struct gi_cap_set *set, const char *data,
			  size_t len)
{
	struct gi_span line, key, val;
	struct gi_lines it;
	struct mm m, rec;
	bool in_rec = false;
	size_t off;

	memset(&rec, 0, sizeof(rec));
	gi_lines_init(&it, data, len);
	while (gi_lines_next(&it, &line, &off)) {
		struct gi_span t = gi_span_strip_log_prefix(line);

		if (mm_line(t, off, &m)) {
			mm_commit(set, &m);
			continue;
		}
		/* -vmm: "Slot:" opens a record, a blank line ends it */
		if (!vmm_kv(gi_span_trim(t), &key, &val)) {
			if (in_rec && gi_span_blank(t)) {
				mm_commit(set, &rec);
				in_rec = false;
			}
			continue;
		}
		/*
		 * -vm (one m) and lspci before 3.0 call the slot "Device" too:
		 * "Device:\t00:02.0" opens the record, "Device:\tGF108M
		 * [NVS 5400M]" names the device.
		 */
		if (gi_span_eq_ci(key, "Slot") ||
		    (gi_span_eq_ci(key, "Device") && whole_addr(val))) {
			if (in_rec)
				mm_commit(set, &rec);
			memset(&rec, 0, sizeof(rec));
			rec.slot = val;
			rec.off = off;
			in_rec = true;
		} else if (!in_rec) {
			continue;
		} else if (gi_span_eq_ci(key, "Class")) {
			rec.cls = val;
		} else if (gi_span_eq_ci(key, "Vendor")) {
			rec.vendor = val;
		} else if (gi_span_eq_ci(key, "Device")) {
			rec.device = val;
		} else if (gi_span_eq_ci(key, "SVendor")) {
			rec.svendor = val;
		} else if (gi_span_eq_ci(key, "SDevice")) {
			rec.sdevice = val;
		} else if (gi_span_eq_ci(key, "Rev")) {
			rec.rev = val;
		}
	}
	if (in_rec)
		mm_commit(set, &rec);
}
