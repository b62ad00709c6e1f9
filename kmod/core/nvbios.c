// SPDX-License-Identifier: GPL-2.0
/*
 * NVIDIA BIOS Information Table (BIT) parser.
 *
 * The BIT sits in the x86 image and is found by its signature
 * FF B8 'B' 'I' 'T' 00. Its tokens point at data relative to the start of
 * that image; pointers past the x86 image skip the EFI image that follows
 * it (NVIDIA BIT specification, "adjusted_pointer").
 */
#include "gpuident/nvbios.h"

#define BIT_ID_BIOSDATA		0x42	/* 'B' */
#define BIT_ID_STRINGS		0x53	/* 'S' */
#define BIT_ID_INFO		0x69	/* 'i' (envytools "Info") */
#define BIT_HDR_MIN		12
#define BIT_INFO_DATE		0x0f
#define BIT_INFO_DATE_LEN	8
#define BIT_INFO_DEVID		0x17

static const u8 bit_sig[] = { 0xff, 0xb8, 'B', 'I', 'T', 0x00 };

void gi_nvbios_version_string(const u8 v[5], char buf[16])
{
	static const char hex[] = "0123456789abcdef";
	int i, n = 0;

	for (i = 0; i < 5; i++) {
		if (i)
			buf[n++] = '.';
		buf[n++] = hex[v[i] >> 4];
		buf[n++] = hex[v[i] & 0xf];
	}
	buf[n] = '\0';
}

struct bit_ctx {
	const u8 *buf;
	size_t len;
	u32 base;		/* absolute offset of the x86 image */
	u32 x86_len;
	u32 efi_gap;		/* bytes to skip for pointers past x86_len */
};

/* Absolute offset for a BIT data pointer. */
static size_t bit_addr(const struct bit_ctx *c, u32 ptr)
{
	size_t a = (size_t)c->base + ptr;

	if (ptr >= c->x86_len)
		a += c->efi_gap;
	return a;
}

static const struct gi_bit_token *find_token(const struct gi_nvbios *b, u8 id)
{
	unsigned int i;

	for (i = 0; i < b->n_tokens; i++)
		if (b->tokens[i].id == id && b->tokens[i].data_ptr)
			return &b->tokens[i];
	return NULL;
}

/* BIOSDATA and the 'i' token both start with u32 version, u8 OEM. */
static bool read_version(struct gi_nvbios *b, const struct bit_ctx *c, u8 id)
{
	const struct gi_bit_token *t = find_token(b, id);
	size_t a;
	u32 ver;
	u8 oem;

	if (!t || t->data_size < 5)
		return false;
	a = bit_addr(c, t->data_ptr);
	if (!gi_rd32(c->buf, c->len, a, &ver) ||
	    !gi_rd8(c->buf, c->len, a + 4, &oem))
		return false;
	b->version[0] = ver >> 24;
	b->version[1] = ver >> 16;
	b->version[2] = ver >> 8;
	b->version[3] = ver;
	b->version[4] = oem;
	b->has_version = true;
	gi_nvbios_version_string(b->version, b->version_str);
	return true;
}

/*
 * The 'S' token: an array of {u16 pointer, u8 max length}. Version 2 holds
 * sign-on, version, copyright, OEM, vendor, product, revision; version 1
 * lacks the version and copyright entries.
 */
/* Where the 'S' token's entries land, in version 2 order (-1: unused). */
#define SLOT(field) { offsetof(struct gi_nvbios, field), \
		      sizeof(((struct gi_nvbios *)0)->field) }
static const struct {
	size_t off;
	size_t size;
} string_slots[] = {
	SLOT(signon), SLOT(version_string), { 0, 0 } /* copyright */,
	SLOT(oem), SLOT(oem_vendor), SLOT(oem_product), SLOT(oem_revision),
};

/*
 * The 'S' token: an array of {u16 pointer, u8 max length}. Version 2 holds
 * sign-on, version, copyright, OEM, vendor, product, revision; version 1
 * lacks the version and copyright entries.
 */
static void read_strings(struct gi_nvbios *b, const struct bit_ctx *c)
{
	const struct gi_bit_token *t = find_token(b, BIT_ID_STRINGS);
	static const u8 v1_map[] = { 0, 3, 4, 5, 6 };
	unsigned int i, n, slot;
	size_t a;

	if (!t)
		return;
	a = bit_addr(c, t->data_ptr);
	n = t->data_size / 3;
	for (i = 0; i < n; i++) {
		u16 ptr;
		u8 max;

		slot = t->data_version < 2 ?
		       (i < GI_ARRAY_SIZE(v1_map) ? v1_map[i] : ~0u) : i;
		if (slot >= GI_ARRAY_SIZE(string_slots))
			break;
		if (!string_slots[slot].size ||
		    !gi_rd16(c->buf, c->len, a + 3 * i, &ptr) ||
		    !gi_rd8(c->buf, c->len, a + 3 * i + 2, &max) || !ptr)
			continue;
		gi_fw_string((char *)b + string_slots[slot].off,
			     string_slots[slot].size, c->buf, c->len,
			     bit_addr(c, ptr), max);
	}
}

static void read_info(struct gi_nvbios *b, const struct bit_ctx *c)
{
	const struct gi_bit_token *t = find_token(b, BIT_ID_INFO);
	size_t a;

	if (!t || t->data_version != 2)
		return;
	a = bit_addr(c, t->data_ptr);
	if (t->data_size >= BIT_INFO_DATE + BIT_INFO_DATE_LEN)
		gi_fw_string(b->build_date, sizeof(b->build_date), c->buf,
			     c->len, a + BIT_INFO_DATE, BIT_INFO_DATE_LEN);
	if (t->data_size >= BIT_INFO_DEVID + 2)
		gi_rd16(c->buf, c->len, a + BIT_INFO_DEVID, &b->real_device_id);
}

static bool find_bit(const u8 *buf, size_t from, size_t to, u32 *at)
{
	size_t i;

	for (i = from; i + sizeof(bit_sig) <= to; i++) {
		if (buf[i] == 0xff && !memcmp(buf + i, bit_sig, sizeof(bit_sig))) {
			*at = (u32)i;
			return true;
		}
	}
	return false;
}

enum gi_status gi_nvbios_parse(struct gi_nvbios *b, const struct gi_rom *rom,
			       const u8 *buf, size_t len)
{
	const struct gi_rom_image *x86 = gi_rom_find(rom, GI_CODE_X86);
	const struct gi_rom_image *fwsec = gi_rom_find(rom, GI_CODE_NV_FWSEC);
	struct bit_ctx c = { .buf = buf, .len = len };
	u8 hdr_size, tok_size, n_tok, sum = 0;
	size_t end, t;
	unsigned int i;

	memset(b, 0, sizeof(*b));
	if (!x86)
		return GI_E_NOTFOUND;
	c.base = x86->offset;
	c.x86_len = x86->length;
	if (fwsec && fwsec->offset > x86->offset + x86->length)
		c.efi_gap = fwsec->offset - (x86->offset + x86->length);

	end = (size_t)x86->offset + x86->length;
	if (end > len)
		end = len;
	if (!find_bit(buf, x86->offset, end, &b->bit_offset))
		return GI_E_NOTFOUND;
	if (!gi_rd16(buf, len, b->bit_offset + 6, &b->bit_version) ||
	    !gi_rd8(buf, len, b->bit_offset + 8, &hdr_size) ||
	    !gi_rd8(buf, len, b->bit_offset + 9, &tok_size) ||
	    !gi_rd8(buf, len, b->bit_offset + 10, &n_tok))
		return GI_E_CORRUPT;
	if (hdr_size < BIT_HDR_MIN || (tok_size != 6 && tok_size != 8))
		return GI_E_CORRUPT;
	b->has_bit = true;
	if (gi_in_bounds(len, b->bit_offset, hdr_size)) {
		for (i = 0; i < hdr_size; i++)
			sum += buf[b->bit_offset + i];
		b->bit_checksum_ok = !sum;
	}

	t = (size_t)b->bit_offset + hdr_size;
	for (i = 0; i < n_tok && b->n_tokens < GI_BIT_MAX_TOKENS;
	     i++, t += tok_size) {
		struct gi_bit_token *tok = &b->tokens[b->n_tokens];
		u16 p16;

		if (!gi_in_bounds(len, t, tok_size))
			break;
		tok->id = buf[t];
		tok->data_version = buf[t + 1];
		tok->data_size = gi_le16(buf + t + 2);
		if (tok_size == 8) {
			tok->data_ptr = gi_le32(buf + t + 4);
		} else {
			p16 = gi_le16(buf + t + 4);
			tok->data_ptr = p16;
		}
		b->n_tokens++;
	}

	if (!read_version(b, &c, BIT_ID_BIOSDATA))
		read_version(b, &c, BIT_ID_INFO);
	read_strings(b, &c);
	read_info(b, &c);
	return GI_OK;
}
