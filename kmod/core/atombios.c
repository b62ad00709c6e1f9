// SPDX-License-Identifier: GPL-2.0
/*
 * AMD ATOM BIOS identity strings.
 *
 * Offsets inside the x86 image, as amdgpu's atom.c uses them:
 *   0x2f  number of identity strings (0: the strings start at 0x80)
 *   0x48  u16 pointer to ATOM_ROM_HEADER ("ATOM" at +4)
 *   0x50  build date, "MM/DD/YY HH:MM" (or with a comma and seconds)
 *   0x6e  u16 pointer to the identity strings: part number, ASIC name,
 *         bus, memory type, then "\r\n" and a free-text build line
 * The version follows "ATOMBIOSBK-AMD VER" before the ROM header.
 */
#include "gpuident/atombios.h"

#define ATOM_N_STRINGS		0x2f
#define ATOM_ROM_HEADER_PTR	0x48
#define ATOM_DATE		0x50
#define ATOM_DATE_LEN		16
#define ATOM_STRINGS_PTR	0x6e
#define ATOM_STRINGS_DEFAULT	0x80
#define ATOM_HDR_SIG		0x04
#define ATOM_HDR_SSVID		0x18
#define ATOM_HDR_SSID		0x1a
#define ATOM_VERSION_SEARCH	0x1000

static const char version_prefix[] = "ATOMBIOSBK-AMD VER";

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* "113-...", "115-...", "102-...": three digits and a dash. */
static bool looks_like_part_number(const char *s)
{
	return is_digit(s[0]) && is_digit(s[1]) && is_digit(s[2]) &&
	       s[3] == '-' && s[4];
}

/* Copy the first blank-delimited word of @s. */
static void first_word(char *dst, size_t dstlen, const char *s)
{
	size_t n = 0;

	while (n + 1 < dstlen && s[n] && s[n] != ' ')
		n++;
	memcpy(dst, s, n);
	dst[n] = '\0';
}

/* The free-text line: skip the CR/LF in front of it, stop at the next. */
static void read_description(struct gi_atombios *ab, const u8 *buf,
			     size_t len, size_t off)
{
	size_t n = 0;

	while (off < len && (buf[off] == '\r' || buf[off] == '\n'))
		off++;
	while (n + 1 < sizeof(ab->description) && off < len && buf[off] &&
	       buf[off] != '\r' && buf[off] != '\n') {
		u8 c = buf[off++];

		ab->description[n++] = (c >= 0x20 && c < 0x7f) ? (char)c : '?';
	}
	while (n && ab->description[n - 1] == ' ')
		n--;
	ab->description[n] = '\0';
}

/* Skip the NUL-terminated string at @off; returns the offset after it. */
static size_t skip_string(const u8 *buf, size_t len, size_t off, size_t max)
{
	size_t end = off + max;

	while (off < len && off < end && buf[off])
		off++;
	return off + 1;
}

static void read_strings(struct gi_atombios *ab, const u8 *buf, size_t len,
			 u32 base)
{
	char first[sizeof(ab->part_number)];
	size_t off = (size_t)base + ATOM_STRINGS_DEFAULT;
	u8 n_strings;
	u16 ptr;

	if (gi_rd8(buf, len, base + ATOM_N_STRINGS, &n_strings) && n_strings &&
	    gi_rd16(buf, len, base + ATOM_STRINGS_PTR, &ptr))
		off = (size_t)base + ptr;

	gi_fw_string(first, sizeof(first), buf, len, off, sizeof(first) - 1);
	off = skip_string(buf, len, off, 64);
	gi_fw_string(ab->asic, sizeof(ab->asic), buf, len, off, 32);
	off = skip_string(buf, len, off, 32);
	gi_fw_string(ab->bus, sizeof(ab->bus), buf, len, off, 32);
	off = skip_string(buf, len, off, 32);
	gi_fw_string(ab->mem_type, sizeof(ab->mem_type), buf, len, off, 32);
	off = skip_string(buf, len, off, 32);
	read_description(ab, buf, len, off);

	/*
	 * Board vendors sometimes leave the part-number slot empty or a
	 * placeholder ("xxx-xxx-xxx") and put the number at the start of the
	 * build line instead (MSI: "113-MSITV341MH.652").
	 */
	if (looks_like_part_number(first))
		memcpy(ab->part_number, first, sizeof(first));
	else if (looks_like_part_number(ab->description))
		first_word(ab->part_number, sizeof(ab->part_number),
			   ab->description);
	else if (first[0] && first[0] != 'x')
		memcpy(ab->part_number, first, sizeof(first));
}

static void read_version(struct gi_atombios *ab, const u8 *buf, size_t len,
			 u32 base, u32 end)
{
	size_t plen = sizeof(version_prefix) - 1;
	size_t i, stop = (size_t)end;

	if (stop > len)
		stop = len;
	for (i = base; i + plen <= stop; i++) {
		if (buf[i] == 'A' && !memcmp(buf + i, version_prefix, plen)) {
			gi_fw_string(ab->version, sizeof(ab->version), buf, len,
				     i + plen, sizeof(ab->version) - 1);
			return;
		}
	}
}

enum gi_status gi_atombios_parse(struct gi_atombios *ab,
				 const struct gi_rom *rom, const u8 *buf,
				 size_t len)
{
	const struct gi_rom_image *x86 = gi_rom_find(rom, GI_CODE_X86);
	u32 base, hdr;
	u16 ptr;

	memset(ab, 0, sizeof(*ab));
	if (!x86)
		return GI_E_NOTFOUND;
	base = x86->offset;
	if (!gi_rd16(buf, len, base + ATOM_ROM_HEADER_PTR, &ptr) || !ptr)
		return GI_E_NOTFOUND;
	hdr = base + ptr;
	if (!gi_in_bounds(len, hdr, ATOM_HDR_SSID + 2) ||
	    memcmp(buf + hdr + ATOM_HDR_SIG, "ATOM", 4))
		return GI_E_NOTFOUND;

	ab->present = true;
	ab->header_offset = hdr;
	ab->ssvid = gi_le16(buf + hdr + ATOM_HDR_SSVID);
	ab->ssid = gi_le16(buf + hdr + ATOM_HDR_SSID);
	read_strings(ab, buf, len, base);
	gi_fw_string(ab->date, sizeof(ab->date), buf, len, base + ATOM_DATE,
		     ATOM_DATE_LEN);
	read_version(ab, buf, len, base, base + ATOM_VERSION_SEARCH);
	return GI_OK;
}
