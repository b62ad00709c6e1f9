// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite gpuident_bios: the NVIDIA BIT and AMD ATOM BIOS parsers
 * (kmod/core/nvbios.c, atombios.c) and the facts they feed, on images
 * built in the test. Ported from tests/unit/test_bios.c.
 */
#include <kunit/test.h>

#include "gpuident/atombios.h"
#include "gpuident/facts.h"
#include "gpuident/nvbios.h"
#include "rombuild.h"

#define BIOS_BUF_SIZE	(32 * 1024)
#define BIT_AT		0x200

static const u8 bit_sig[6] = { 0xff, 0xb8, 'B', 'I', 'T', 0 };

struct bios_ctx {
	u8 *buf;		/* BIOS_BUF_SIZE */
	struct gi_rom *rom;
	struct gi_nvbios *nv;
	struct gi_atombios *ab;
};

static int gpuident_bios_init(struct kunit *test)
{
	struct bios_ctx *c = kunit_kzalloc(test, sizeof(*c), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, c);
	c->buf = kunit_kzalloc(test, BIOS_BUF_SIZE, GFP_KERNEL);
	c->rom = kunit_kzalloc(test, sizeof(*c->rom), GFP_KERNEL);
	c->nv = kunit_kzalloc(test, sizeof(*c->nv), GFP_KERNEL);
	c->ab = kunit_kzalloc(test, sizeof(*c->ab), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, c->buf);
	KUNIT_ASSERT_NOT_NULL(test, c->rom);
	KUNIT_ASSERT_NOT_NULL(test, c->nv);
	KUNIT_ASSERT_NOT_NULL(test, c->ab);
	test->priv = c;
	return 0;
}

/* A NUL-terminated string into the image. */
static void put_str(u8 *buf, size_t off, const char *s)
{
	memcpy(buf + off, s, strlen(s) + 1);
}

/* A BIT token: id, data version, data size, data pointer (16 or 32 bits). */
static u8 *put_token(u8 *t, u8 token_size, u8 id, u8 ver, u16 size, u32 ptr)
{
	t[0] = id;
	t[1] = ver;
	rb_le16(t + 2, size);
	if (token_size == 8)
		rb_le32(t + 4, ptr);
	else
		rb_le16(t + 4, (u16)ptr);
	return t + token_size;
}

/*
 * An x86 image of 8 blocks with a BIT holding 'B', 'S' and 'i' tokens,
 * followed by a 4-block EFI image and an FwSec image. @token_size is 6 or 8.
 */
static size_t nv_rom(u8 *buf, u8 token_size)
{
	struct rb_image x86 = RB_IMG(0x10de, 0x2684, 0x00, 8, false);
	struct rb_image efi = RB_IMG(0x10de, 0x2684, 0x03, 4, false);
	struct rb_image fw = RB_IMG(0x10de, 0x2680, 0xe0, 4, true);
	u8 *bit = buf + BIT_AT, *t, sum = 0;
	size_t off;
	int i;

	memset(buf, 0, BIOS_BUF_SIZE);
	off = rb_image(buf, 0, &x86);
	off = rb_image(buf, off, &efi);
	off = rb_image(buf, off, &fw);

	memcpy(bit, bit_sig, sizeof(bit_sig));
	rb_le16(bit + 6, 0x0100);
	bit[8] = 12;
	bit[9] = token_size;
	bit[10] = 3;
	t = bit + 12;
	t = put_token(t, token_size, 'B', 2, 0x10, 0x300);	/* BIOSDATA */
	t = put_token(t, token_size, 'S', 2, 21, 0x340);	/* strings */
	put_token(t, token_size, 'i', 2, 0x30, 0x3a0);		/* info */
	for (i = 0; i < 12; i++)
		sum += bit[i];
	bit[11] = (u8)(0x100 - (u8)(sum - bit[11]));

	memcpy(buf + 0x300, "\x80\x18\x02\x95\x87", 5);	/* 95.02.18.80.87 */
	/* sign-on, version, copyright, OEM, vendor, product, revision */
	rb_le16(buf + 0x340, 0x400);
	buf[0x342] = 64;
	rb_le16(buf + 0x343, 0x440);
	buf[0x345] = 32;
	rb_le16(buf + 0x346, 0);
	buf[0x348] = 0;
	rb_le16(buf + 0x349, 0x460);
	buf[0x34b] = 32;
	rb_le16(buf + 0x34c, 0x480);
	buf[0x34e] = 32;
	/*
	 * The product name lives past the x86 image (0x1000 bytes): the
	 * pointer skips the EFI image, so it lands in the FwSec image.
	 */
	rb_le16(buf + 0x34f, 0x1100);
	buf[0x351] = 32;
	rb_le16(buf + 0x352, 0x4c0);
	buf[0x354] = 8;
	put_str(buf, 0x400, "GeForce RTX 4090 VGA BIOS\r\n");
	put_str(buf, 0x440, "Version 95.02.18.80.87");
	put_str(buf, 0x460, "OEM string");
	put_str(buf, 0x480, "NVIDIA Corporation");
	put_str(buf, 0x1100 + 0x800, "GPU Board");
	put_str(buf, 0x4c0, "Chip Rev plus more");
	memcpy(buf + 0x3a0 + 0x0f, "08/08/22", 8);
	rb_le16(buf + 0x3a0 + 0x17, 0x2684);
	return off;
}

static void bios_bit_version_strings_and_date(struct kunit *test)
{
	struct bios_ctx *c = test->priv;
	struct gi_nvbios *nv = c->nv;
	size_t len = nv_rom(c->buf, 6);

	KUNIT_ASSERT_EQ(test, gi_rom_parse(c->rom, c->buf, len), GI_OK);
	KUNIT_ASSERT_EQ(test, gi_nvbios_parse(nv, c->rom, c->buf, len), GI_OK);
	KUNIT_EXPECT_TRUE(test, nv->has_bit);
	KUNIT_EXPECT_EQ(test, nv->bit_offset, BIT_AT);
	KUNIT_EXPECT_EQ(test, nv->bit_version, 0x0100);
	KUNIT_EXPECT_TRUE(test, nv->bit_checksum_ok);
	KUNIT_EXPECT_EQ(test, nv->n_tokens, 3U);
	KUNIT_EXPECT_TRUE(test, nv->has_version);
	KUNIT_EXPECT_STREQ(test, nv->version_str, "95.02.18.80.87");
	KUNIT_EXPECT_EQ(test, nv->version[0], 0x95);
	KUNIT_EXPECT_EQ(test, nv->version[4], 0x87);
	KUNIT_EXPECT_STREQ(test, nv->signon, "GeForce RTX 4090 VGA BIOS");
	KUNIT_EXPECT_STREQ(test, nv->version_string, "Version 95.02.18.80.87");
	KUNIT_EXPECT_STREQ(test, nv->oem, "OEM string");
	KUNIT_EXPECT_STREQ(test, nv->oem_vendor, "NVIDIA Corporation");
	KUNIT_EXPECT_STREQ(test, nv->oem_product, "GPU Board");
	KUNIT_EXPECT_STREQ(test, nv->oem_revision, "Chip Rev");	/* max length 8 */
	KUNIT_EXPECT_STREQ(test, nv->build_date, "08/08/22");
	KUNIT_EXPECT_EQ(test, nv->real_device_id, 0x2684);
}

static void bios_bit_token_size_8(struct kunit *test)
{
	struct bios_ctx *c = test->priv;
	size_t len = nv_rom(c->buf, 8);

	KUNIT_ASSERT_EQ(test, gi_rom_parse(c->rom, c->buf, len), GI_OK);
	KUNIT_ASSERT_EQ(test, gi_nvbios_parse(c->nv, c->rom, c->buf, len), GI_OK);
	KUNIT_EXPECT_EQ(test, c->nv->n_tokens, 3U);
	KUNIT_EXPECT_STREQ(test, c->nv->version_str, "95.02.18.80.87");
	KUNIT_EXPECT_STREQ(test, c->nv->oem_vendor, "NVIDIA Corporation");
	KUNIT_EXPECT_STREQ(test, c->nv->build_date, "08/08/22");
}

static void bios_bit_bad_header_checksum(struct kunit *test)
{
	struct bios_ctx *c = test->priv;
	size_t len = nv_rom(c->buf, 6);

	c->buf[BIT_AT + 11] ^= 0x5a;
	KUNIT_ASSERT_EQ(test, gi_rom_parse(c->rom, c->buf, len), GI_OK);
	KUNIT_ASSERT_EQ(test, gi_nvbios_parse(c->nv, c->rom, c->buf, len), GI_OK);
	KUNIT_EXPECT_FALSE(test, c->nv->bit_checksum_ok);
}

static void bios_bit_version_from_info_token(struct kunit *test)
{
	struct bios_ctx *c = test->priv;
	size_t len = nv_rom(c->buf, 6);

	c->buf[BIT_AT + 12] = 'N';		/* 'B' becomes a NOP token */
	memcpy(c->buf + 0x3a0, "\x00\x02\x04\x86\x01", 5);
	KUNIT_ASSERT_EQ(test, gi_rom_parse(c->rom, c->buf, len), GI_OK);
	KUNIT_ASSERT_EQ(test, gi_nvbios_parse(c->nv, c->rom, c->buf, len), GI_OK);
	KUNIT_EXPECT_STREQ(test, c->nv->version_str, "86.04.02.00.01");
}

static void bios_bit_missing_or_corrupt(struct kunit *test)
{
	struct bios_ctx *c = test->priv;
	size_t len = nv_rom(c->buf, 6);

	KUNIT_ASSERT_EQ(test, gi_rom_parse(c->rom, c->buf, len), GI_OK);
	c->buf[BIT_AT + 9] = 7;			/* impossible token size */
	KUNIT_EXPECT_EQ(test, gi_nvbios_parse(c->nv, c->rom, c->buf, len), GI_E_CORRUPT);
	c->buf[BIT_AT + 2] = 'X';
	KUNIT_EXPECT_EQ(test, gi_nvbios_parse(c->nv, c->rom, c->buf, len), GI_E_NOTFOUND);
	KUNIT_EXPECT_FALSE(test, c->nv->has_bit);
}

static void bios_bit_hostile_pointers(struct kunit *test)
{
	struct bios_ctx *c = test->priv;
	size_t len = nv_rom(c->buf, 6);

	KUNIT_ASSERT_EQ(test, gi_rom_parse(c->rom, c->buf, len), GI_OK);
	c->buf[BIT_AT + 10] = 255;		/* far more tokens than there are */
	rb_le16(c->buf + BIT_AT + 12 + 4, 0xfffe);	/* 'B' data past the end */
	rb_le16(c->buf + 0x340, 0xffff);	/* sign-on pointer past the end */
	KUNIT_ASSERT_EQ(test, gi_nvbios_parse(c->nv, c->rom, c->buf, len), GI_OK);
	KUNIT_EXPECT_TRUE(test, !c->nv->has_version || c->nv->version[0] != 0x95);
	KUNIT_EXPECT_STREQ(test, c->nv->signon, "");
	KUNIT_EXPECT_LE(test, c->nv->n_tokens, (unsigned int)GI_BIT_MAX_TOKENS);

	/* BIT header claiming a token table beyond the input */
	len = nv_rom(c->buf, 8);
	KUNIT_ASSERT_EQ(test, gi_rom_parse(c->rom, c->buf, len), GI_OK);
	rb_le32(c->buf + BIT_AT + 12 + 4, 0xfffffff0);	/* 32-bit 'B' pointer */
	c->buf[BIT_AT + 8] = 0xff;			/* header size */
	gi_nvbios_parse(c->nv, c->rom, c->buf, len);
	KUNIT_EXPECT_LE(test, c->nv->n_tokens, (unsigned int)GI_BIT_MAX_TOKENS);
}

static void bios_bit_version_format(struct kunit *test)
{
	static const u8 v[5] = { 0xde, 0xad, 0x00, 0xbe, 0xef };
	char s[16];

	gi_nvbios_version_string(v, s);
	KUNIT_EXPECT_STREQ(test, s, "de.ad.00.be.ef");
}

/* An AMD x86 image with an ATOM ROM header and identity strings. */
static size_t atom_rom(u8 *buf, const char *strings, size_t slen, u8 n_strings)
{
	struct rb_image x86 = RB_IMG(0x1002, 0x67df, 0x00, 4, true);

	memset(buf, 0, BIOS_BUF_SIZE);
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

/* ATOM identity strings: part number, ASIC, bus, memory, build line */
static const char atom_polaris[] = "113-1E3870U-O4B\0POLARIS20\0PCI_EXPRESS\0GDDR5\0"
	"\r\nE387 Polaris20 XL A1 GDDR5   \r\n";
/* MSI leaves the slot empty; Vega boards carry a placeholder. */
static const char atom_msi[] = "\0POLARIS20\0PCI_EXPRESS\0GDDR5\0"
	"\r\n113-MSITV341MH.652      \r\n";
static const char atom_vega[] = "xxx-xxx-xxx\0VEGA10\0PCI_EXPRESS\0HBM2\0"
	"\r\n113-MSITV368MH.201 \r\n";
/* OEM numbers are kept as they are. */
static const char atom_dell[] = "BR46940.001\0ELLESMERE\0PCI_EXPRESS\0GDDR5\0"
	"\r\nDELL Ellesmere\r\n";
static const char atom_short[] = "113-X";
static const char atom_abc[] = "113-ABC";

static void bios_atom_part_number(struct kunit *test)
{
	struct bios_ctx *c = test->priv;
	struct gi_atombios *ab = c->ab;
	size_t len = atom_rom(c->buf, atom_polaris, sizeof(atom_polaris), 4);

	KUNIT_ASSERT_EQ(test, gi_rom_parse(c->rom, c->buf, len), GI_OK);
	KUNIT_ASSERT_EQ(test, gi_atombios_parse(ab, c->rom, c->buf, len), GI_OK);
	KUNIT_EXPECT_TRUE(test, ab->present);
	KUNIT_EXPECT_STREQ(test, ab->part_number, "113-1E3870U-O4B");
	KUNIT_EXPECT_STREQ(test, ab->asic, "POLARIS20");
	KUNIT_EXPECT_STREQ(test, ab->bus, "PCI_EXPRESS");
	KUNIT_EXPECT_STREQ(test, ab->mem_type, "GDDR5");
	KUNIT_EXPECT_STREQ(test, ab->description, "E387 Polaris20 XL A1 GDDR5");
	KUNIT_EXPECT_STREQ(test, ab->version, "015.050.002.001.000000");
	KUNIT_EXPECT_STREQ(test, ab->date, "09/12/17 23:08");
	KUNIT_EXPECT_EQ(test, ab->ssvid, 0x1462);
	KUNIT_EXPECT_EQ(test, ab->ssid, 0x3418);
}

static void bios_atom_part_number_from_build_line(struct kunit *test)
{
	struct bios_ctx *c = test->priv;
	struct gi_atombios *ab = c->ab;
	size_t len = atom_rom(c->buf, atom_msi, sizeof(atom_msi), 4);

	KUNIT_ASSERT_EQ(test, gi_rom_parse(c->rom, c->buf, len), GI_OK);
	KUNIT_ASSERT_EQ(test, gi_atombios_parse(ab, c->rom, c->buf, len), GI_OK);
	KUNIT_EXPECT_STREQ(test, ab->part_number, "113-MSITV341MH.652");
	KUNIT_EXPECT_STREQ(test, ab->asic, "POLARIS20");

	len = atom_rom(c->buf, atom_vega, sizeof(atom_vega), 4);
	KUNIT_ASSERT_EQ(test, gi_atombios_parse(ab, c->rom, c->buf, len), GI_OK);
	KUNIT_EXPECT_STREQ(test, ab->part_number, "113-MSITV368MH.201");
	KUNIT_EXPECT_STREQ(test, ab->mem_type, "HBM2");
}

static void bios_atom_other_numbering_and_default_offset(struct kunit *test)
{
	struct bios_ctx *c = test->priv;
	/* a string count of 0 puts the strings at 0x80 */
	size_t len = atom_rom(c->buf, atom_dell, sizeof(atom_dell), 0);

	KUNIT_ASSERT_EQ(test, gi_rom_parse(c->rom, c->buf, len), GI_OK);
	KUNIT_ASSERT_EQ(test, gi_atombios_parse(c->ab, c->rom, c->buf, len), GI_OK);
	KUNIT_EXPECT_STREQ(test, c->ab->part_number, "BR46940.001");
	KUNIT_EXPECT_STREQ(test, c->ab->asic, "ELLESMERE");
	KUNIT_EXPECT_STREQ(test, c->ab->description, "DELL Ellesmere");
}

static void bios_atom_absent(struct kunit *test)
{
	struct bios_ctx *c = test->priv;
	size_t len = atom_rom(c->buf, atom_short, sizeof(atom_short), 1);

	memcpy(c->buf + 0x224, "MOTA", 4);
	KUNIT_ASSERT_EQ(test, gi_rom_parse(c->rom, c->buf, len), GI_OK);
	KUNIT_EXPECT_EQ(test, gi_atombios_parse(c->ab, c->rom, c->buf, len), GI_E_NOTFOUND);
	KUNIT_EXPECT_FALSE(test, c->ab->present);
	rb_le16(c->buf + 0x48, 0xfffe);		/* header pointer past the image */
	KUNIT_EXPECT_EQ(test, gi_atombios_parse(c->ab, c->rom, c->buf, len), GI_E_NOTFOUND);
}

static void bios_atom_strings_running_off_the_end(struct kunit *test)
{
	struct bios_ctx *c = test->priv;
	size_t len = atom_rom(c->buf, atom_abc, sizeof(atom_abc), 1);

	rb_le16(c->buf + 0x6e, (u16)(len - 3));
	memset(c->buf + len - 3, 'A', 3);	/* no terminator before the end */
	KUNIT_ASSERT_EQ(test, gi_rom_parse(c->rom, c->buf, len), GI_OK);
	KUNIT_ASSERT_EQ(test, gi_atombios_parse(c->ab, c->rom, c->buf, len), GI_OK);
	KUNIT_EXPECT_STREQ(test, c->ab->part_number, "AAA");
	KUNIT_EXPECT_STREQ(test, c->ab->asic, "");
}

/* What the module hands the classifier from a ROM it read. */
static void bios_facts_from_rom(struct kunit *test)
{
	struct bios_ctx *c = test->priv;
	struct gi_facts f = {
		.have = GI_HAVE_IDS,
		.origin = GI_ORIGIN_DEVICE,
		.vendor_id = 0x10de,
		.device_id = 0x2685,
	};
	size_t len = nv_rom(c->buf, 6);

	rb_fix_checksum(c->buf, 0, 8);
	KUNIT_ASSERT_EQ(test, gi_rom_parse(c->rom, c->buf, len), GI_OK);
	KUNIT_ASSERT_EQ(test, gi_nvbios_parse(c->nv, c->rom, c->buf, len), GI_OK);
	gi_facts_add_rom(&f, c->rom, c->nv, NULL);
	KUNIT_EXPECT_TRUE(test, f.have & GI_HAVE_ROM);
	KUNIT_EXPECT_EQ(test, f.rom_vendor_id, 0x10de);
	KUNIT_EXPECT_EQ(test, f.rom_device_id, 0x2684);
	/* a live device keeps its own identity */
	KUNIT_EXPECT_EQ(test, f.device_id, 0x2685);
	KUNIT_EXPECT_TRUE(test, f.have & GI_HAVE_BIOS_VERSION);
	KUNIT_EXPECT_EQ(test, f.bios_version[0], 0x95);
	KUNIT_EXPECT_EQ(test, f.bios_version[1], 0x02);
	KUNIT_EXPECT_TRUE(test, f.have & GI_HAVE_ROM_CHECKSUM);
	KUNIT_EXPECT_TRUE(test, f.rom_checksum_ok);
}

static struct kunit_case gpuident_bios_cases[] = {
	KUNIT_CASE(bios_bit_version_strings_and_date),
	KUNIT_CASE(bios_bit_token_size_8),
	KUNIT_CASE(bios_bit_bad_header_checksum),
	KUNIT_CASE(bios_bit_version_from_info_token),
	KUNIT_CASE(bios_bit_missing_or_corrupt),
	KUNIT_CASE(bios_bit_hostile_pointers),
	KUNIT_CASE(bios_bit_version_format),
	KUNIT_CASE(bios_atom_part_number),
	KUNIT_CASE(bios_atom_part_number_from_build_line),
	KUNIT_CASE(bios_atom_other_numbering_and_default_offset),
	KUNIT_CASE(bios_atom_absent),
	KUNIT_CASE(bios_atom_strings_running_off_the_end),
	KUNIT_CASE(bios_facts_from_rom),
	{}
};

static struct kunit_suite gpuident_bios_suite = {
	.name = "gpuident_bios",
	.init = gpuident_bios_init,
	.test_cases = gpuident_bios_cases,
};

kunit_test_suite(gpuident_bios_suite);
