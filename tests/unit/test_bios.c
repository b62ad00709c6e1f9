// SPDX-License-Identifier: GPL-2.0-or-later
/* NVIDIA BIT and AMD ATOM BIOS parsers, on images built here. */
#include "gitest.h"
#include "../../kmod/kunit/rombuild.h"
#include "gpuident/atombios.h"
#include "gpuident/nvbios.h"

static uint8_t buf[32 * 1024];
static struct gi_rom rom;
static struct gi_nvbios nv;
static struct gi_atombios ab;

#define BIT_AT	0x200

/*
 * An x86 image of 8 blocks with a BIT holding 'B', 'S' and 'i' tokens,
 * followed by a 4-block EFI image and an FwSec image. @token_size is 6 or 8.
 */
static size_t nv_rom(uint8_t token_size)
{
	struct rb_image x86 = RB_IMG(0x10de, 0x2684, 0x00, 8, false);
	struct rb_image efi = RB_IMG(0x10de, 0x2684, 0x03, 4, false);
	struct rb_image fw = RB_IMG(0x10de, 0x2680, 0xe0, 4, true);
	uint8_t *bit = buf + BIT_AT, *t, sum = 0;
	size_t off;
	int i;

	memset(buf, 0, sizeof(buf));
	off = rb_image(buf, 0, &x86);
	off = rb_image(buf, off, &efi);
	off = rb_image(buf, off, &fw);

	memcpy(bit, "\xff\xb8" "BIT\0", 6);
	rb_le16(bit + 6, 0x0100);
	bit[8] = 12;
	bit[9] = token_size;
	bit[10] = 3;
	t = bit + 12;
	/* 'B' BIOSDATA v2 at 0x300: 95.02.18.80.87 */
	t[0] = 'B'; t[1] = 2; rb_le16(t + 2, 0x10);
	if (token_size == 8)
		rb_le32(t + 4, 0x300);
	else
		rb_le16(t + 4, 0x300);
	t += token_size;
	/* 'S' strings v2 at 0x340 */
	t[0] = 'S'; t[1] = 2; rb_le16(t + 2, 21);
	if (token_size == 8)
		rb_le32(t + 4, 0x340);
	else
		rb_le16(t + 4, 0x340);
	t += token_size;
	/* 'i' v2 at 0x3a0 */
	t[0] = 'i'; t[1] = 2; rb_le16(t + 2, 0x30);
	if (token_size == 8)
		rb_le32(t + 4, 0x3a0);
	else
		rb_le16(t + 4, 0x3a0);
	for (i = 0; i < 12; i++)
		sum += bit[i];
	bit[11] = (uint8_t)(0x100 - (uint8_t)(sum - bit[11]));

	memcpy(buf + 0x300, "\x80\x18\x02\x95\x87", 5);
	/* sign-on, version, copyright, OEM, vendor, product, revision */
	rb_le16(buf + 0x340, 0x400); buf[0x342] = 64;
	rb_le16(buf + 0x343, 0x440); buf[0x345] = 32;
	rb_le16(buf + 0x346, 0);     buf[0x348] = 0;
	rb_le16(buf + 0x349, 0x460); buf[0x34b] = 32;
	rb_le16(buf + 0x34c, 0x480); buf[0x34e] = 32;
	/*
	 * The product name lives past the x86 image (0x1000 bytes): the
	 * pointer skips the EFI image, so it lands in the FwSec image.
	 */
	rb_le16(buf + 0x34f, 0x1100); buf[0x351] = 32;
	rb_le16(buf + 0x352, 0x4c0); buf[0x354] = 8;
	strcpy((char *)buf + 0x400, "GeForce RTX 4090 VGA BIOS\r\n");
	strcpy((char *)buf + 0x440, "Version 95.02.18.80.87");
	strcpy((char *)buf + 0x460, "OEM string");
	strcpy((char *)buf + 0x480, "NVIDIA Corporation");
	strcpy((char *)buf + 0x1100 + 0x800, "GPU Board");
	strcpy((char *)buf + 0x4c0, "Chip Rev plus more");
	memcpy(buf + 0x3a0 + 0x0f, "08/08/22", 8);
	rb_le16(buf + 0x3a0 + 0x17, 0x2684);
	return off;
}

GI_TEST(nvbios_version_strings_and_date)
{
	size_t len = nv_rom(6);

	GI_REQUIRE(gi_rom_parse(&rom, buf, len) == GI_OK);
	GI_REQUIRE(gi_nvbios_parse(&nv, &rom, buf, len) == GI_OK);
	GI_EXPECT(nv.has_bit);
	GI_EXPECT_EQ(nv.bit_offset, BIT_AT);
	GI_EXPECT_EQ(nv.bit_version, 0x0100);
	GI_EXPECT(nv.bit_checksum_ok);
	GI_EXPECT_EQ(nv.n_tokens, 3);
	GI_EXPECT(nv.has_version);
	GI_EXPECT_STR(nv.version_str, "95.02.18.80.87");
	GI_EXPECT_EQ(nv.version[0], 0x95);
	GI_EXPECT_EQ(nv.version[4], 0x87);
	GI_EXPECT_STR(nv.signon, "GeForce RTX 4090 VGA BIOS");
	GI_EXPECT_STR(nv.version_string, "Version 95.02.18.80.87");
	GI_EXPECT_STR(nv.oem, "OEM string");
	GI_EXPECT_STR(nv.oem_vendor, "NVIDIA Corporation");
	GI_EXPECT_STR(nv.oem_product, "GPU Board");
	GI_EXPECT_STR(nv.oem_revision, "Chip Rev");	/* max length 8 */
	GI_EXPECT_STR(nv.build_date, "08/08/22");
	GI_EXPECT_EQ(nv.real_device_id, 0x2684);
}

GI_TEST(nvbios_token_size_8)
{
	size_t len = nv_rom(8);

	GI_REQUIRE(gi_rom_parse(&rom, buf, len) == GI_OK);
	GI_REQUIRE(gi_nvbios_parse(&nv, &rom, buf, len) == GI_OK);
	GI_EXPECT_STR(nv.version_str, "95.02.18.80.87");
	GI_EXPECT_STR(nv.oem_vendor, "NVIDIA Corporation");
}

GI_TEST(nvbios_bad_header_checksum_is_reported)
{
	size_t len = nv_rom(6);

	buf[BIT_AT + 11] ^= 0x5a;
	GI_REQUIRE(gi_rom_parse(&rom, buf, len) == GI_OK);
	GI_REQUIRE(gi_nvbios_parse(&nv, &rom, buf, len) == GI_OK);
	GI_EXPECT(!nv.bit_checksum_ok);
}

GI_TEST(nvbios_version_falls_back_to_info_token)
{
	size_t len = nv_rom(6);

	buf[BIT_AT + 12] = 'N';		/* 'B' becomes a NOP token */
	memcpy(buf + 0x3a0, "\x00\x02\x04\x86\x01", 5);
	GI_REQUIRE(gi_rom_parse(&rom, buf, len) == GI_OK);
	GI_REQUIRE(gi_nvbios_parse(&nv, &rom, buf, len) == GI_OK);
	GI_EXPECT_STR(nv.version_str, "86.04.02.00.01");
}

GI_TEST(nvbios_missing_or_corrupt)
{
	size_t len = nv_rom(6);

	GI_REQUIRE(gi_rom_parse(&rom, buf, len) == GI_OK);
	buf[BIT_AT + 9] = 7;		/* impossible token size */
	GI_EXPECT_EQ(gi_nvbios_parse(&nv, &rom, buf, len), GI_E_CORRUPT);
	buf[BIT_AT + 2] = 'X';
	GI_EXPECT_EQ(gi_nvbios_parse(&nv, &rom, buf, len), GI_E_NOTFOUND);
	GI_EXPECT(!nv.has_bit);
}

GI_TEST(nvbios_hostile_pointers_stay_in_bounds)
{
	size_t len = nv_rom(6);

	GI_REQUIRE(gi_rom_parse(&rom, buf, len) == GI_OK);
	buf[BIT_AT + 10] = 255;		/* far more tokens than there are */
	rb_le16(buf + BIT_AT + 12 + 4, 0xfffe);	/* 'B' data past the end */
	rb_le16(buf + 0x340, 0xffff);	/* sign-on pointer past the end */
	GI_REQUIRE(gi_nvbios_parse(&nv, &rom, buf, len) == GI_OK);
	GI_EXPECT(!nv.has_version || nv.version[0] != 0x95);
	GI_EXPECT_STR(nv.signon, "");
	GI_EXPECT(nv.n_tokens <= GI_BIT_MAX_TOKENS);
}

GI_TEST(nvbios_version_format)
{
	const uint8_t v[5] = { 0xde, 0xad, 0x00, 0xbe, 0xef };
	char s[16];

	gi_nvbios_version_string(v, s);
	GI_EXPECT_STR(s, "de.ad.00.be.ef");
}

/* An AMD x86 image with an ATOM ROM header and identity strings. */
static size_t atom_rom(const char *strings, size_t slen, uint8_t n_strings)
{
	struct rb_image x86 = RB_IMG(0x1002, 0x67df, 0x00, 4, true);

	memset(buf, 0, sizeof(buf));
	rb_image(buf, 0, &x86);
	/* AMD keeps its PCIR clear of the fixed ATOM offsets: move ours. */
	memcpy(buf + 0x1c0, buf + RB_PCIR_AT, 0x20);
	memset(buf + RB_PCIR_AT, 0, 0x20);
	rb_le16(buf + 0x18, 0x1c0);
	buf[0x2f] = n_strings;
	rb_le16(buf + 0x48, 0x220);
	memcpy(buf + 0x50, "09/12/17 23:08\0\0", 16);
	rb_le16(buf + 0x6e, 0xf4);
	memcpy(n_strings ? buf + 0xf4 : buf + 0x80, strings, slen);
	memcpy(buf + 0x194, "ATOMBIOSBK-AMD VER015.050.002.001.000000", 40);
	memcpy(buf + 0x220 + 4, "ATOM", 4);
	rb_le16(buf + 0x220 + 0x18, 0x1462);
	rb_le16(buf + 0x220 + 0x1a, 0x3418);
	rb_fix_checksum(buf, 0, 4);
	return 2048;
}

#define S(x) x, sizeof(x)

GI_TEST(atom_part_number_in_first_string)
{
	size_t len = atom_rom(S("113-1E3870U-O4B\0POLARIS20\0PCI_EXPRESS\0GDDR5\0"
				"\r\nE387 Polaris20 XL A1 GDDR5   \r\n"), 4);

	GI_REQUIRE(gi_rom_parse(&rom, buf, len) == GI_OK);
	GI_REQUIRE(gi_atombios_parse(&ab, &rom, buf, len) == GI_OK);
	GI_EXPECT(ab.present);
	GI_EXPECT_STR(ab.part_number, "113-1E3870U-O4B");
	GI_EXPECT_STR(ab.asic, "POLARIS20");
	GI_EXPECT_STR(ab.bus, "PCI_EXPRESS");
	GI_EXPECT_STR(ab.mem_type, "GDDR5");
	GI_EXPECT_STR(ab.description, "E387 Polaris20 XL A1 GDDR5");
	GI_EXPECT_STR(ab.version, "015.050.002.001.000000");
	GI_EXPECT_STR(ab.date, "09/12/17 23:08");
	GI_EXPECT_EQ(ab.ssvid, 0x1462);
	GI_EXPECT_EQ(ab.ssid, 0x3418);
}

GI_TEST(atom_part_number_from_build_line)
{
	/* MSI leaves the slot empty; Vega boards carry a placeholder. */
	size_t len = atom_rom(S("\0POLARIS20\0PCI_EXPRESS\0GDDR5\0"
				"\r\n113-MSITV341MH.652      \r\n"), 4);

	GI_REQUIRE(gi_rom_parse(&rom, buf, len) == GI_OK);
	GI_REQUIRE(gi_atombios_parse(&ab, &rom, buf, len) == GI_OK);
	GI_EXPECT_STR(ab.part_number, "113-MSITV341MH.652");
	GI_EXPECT_STR(ab.asic, "POLARIS20");

	len = atom_rom(S("xxx-xxx-xxx\0VEGA10\0PCI_EXPRESS\0HBM2\0"
			 "\r\n113-MSITV368MH.201 \r\n"), 4);
	GI_REQUIRE(gi_atombios_parse(&ab, &rom, buf, len) == GI_OK);
	GI_EXPECT_STR(ab.part_number, "113-MSITV368MH.201");
	GI_EXPECT_STR(ab.mem_type, "HBM2");
}

GI_TEST(atom_other_numbering_and_default_offset)
{
	/* OEM numbers are kept as they are; count 0 puts strings at 0x80. */
	size_t len = atom_rom(S("BR46940.001\0ELLESMERE\0PCI_EXPRESS\0GDDR5\0"
				"\r\nDELL Ellesmere\r\n"), 0);

	GI_REQUIRE(gi_rom_parse(&rom, buf, len) == GI_OK);
	GI_REQUIRE(gi_atombios_parse(&ab, &rom, buf, len) == GI_OK);
	GI_EXPECT_STR(ab.part_number, "BR46940.001");
	GI_EXPECT_STR(ab.asic, "ELLESMERE");
	GI_EXPECT_STR(ab.description, "DELL Ellesmere");
}

GI_TEST(atom_absent)
{
	size_t len = atom_rom(S("113-X\0"), 1);

	memcpy(buf + 0x224, "MOTA", 4);
	GI_REQUIRE(gi_rom_parse(&rom, buf, len) == GI_OK);
	GI_EXPECT_EQ(gi_atombios_parse(&ab, &rom, buf, len), GI_E_NOTFOUND);
	GI_EXPECT(!ab.present);
	rb_le16(buf + 0x48, 0xfffe);	/* header pointer past the image */
	GI_EXPECT_EQ(gi_atombios_parse(&ab, &rom, buf, len), GI_E_NOTFOUND);
}

GI_TEST(atom_strings_running_off_the_end)
{
	size_t len = atom_rom(S("113-ABC\0"), 1);

	rb_le16(buf + 0x6e, (uint16_t)(len - 3));
	memset(buf + len - 3, 'A', 3);	/* no terminator before the end */
	GI_REQUIRE(gi_rom_parse(&rom, buf, len) == GI_OK);
	GI_REQUIRE(gi_atombios_parse(&ab, &rom, buf, len) == GI_OK);
	GI_EXPECT_STR(ab.part_number, "AAA");
	GI_EXPECT_STR(ab.asic, "");
}
