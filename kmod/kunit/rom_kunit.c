// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite gpuident_rom: the option ROM walker (kmod/core/rom.c) on
 * ROMs built in the test, byte by byte. Ported from tests/unit/test_rom.c.
 */
#include <kunit/test.h>

#include "gpuident/rom.h"
#include "rombuild.h"

#define ROM_BUF_SIZE	(64 * 1024)

struct rom_ctx {
	u8 *buf;		/* ROM_BUF_SIZE, 0xff-filled */
	struct gi_rom *rom;
};

static int gpuident_rom_init(struct kunit *test)
{
	struct rom_ctx *c = kunit_kzalloc(test, sizeof(*c), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, c);
	c->buf = kunit_kzalloc(test, ROM_BUF_SIZE, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, c->buf);
	c->rom = kunit_kzalloc(test, sizeof(*c->rom), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, c->rom);
	memset(c->buf, 0xff, ROM_BUF_SIZE);
	test->priv = c;
	return 0;
}

/* A 4-block x86 image (checksummed) and a 2-block EFI image, last. */
static size_t two_images(u8 *buf, size_t off)
{
	struct rb_image x86 = RB_IMG(0x10de, 0x2684, 0x00, 4, false);
	struct rb_image efi = RB_IMG(0x10de, 0x2684, 0x03, 2, true);

	memset(buf + off, 0, 6 * 512);
	off = rb_image(buf, off, &x86);
	rb_fix_checksum(buf, off - 4 * 512, 4);
	return rb_image(buf, off, &efi);
}

static void ifr_header(u8 *buf, u8 version, u16 ssvid, u16 ssid)
{
	memcpy(buf, "NVGI", 4);
	rb_le32(buf + 4, (0x10u << 16) | ((u32)version << 8));
	rb_le16(buf + 0x0c, ssvid);
	rb_le16(buf + 0x0e, ssid);
}

static void rom_x86_efi_chain(struct kunit *test)
{
	struct rom_ctx *c = test->priv;
	struct gi_rom *rom = c->rom;
	size_t end = two_images(c->buf, 0);

	KUNIT_ASSERT_EQ(test, gi_rom_parse(rom, c->buf, end), GI_OK);
	KUNIT_EXPECT_EQ(test, rom->layout, GI_LAYOUT_PLAIN);
	KUNIT_EXPECT_EQ(test, rom->n_images, 2U);
	KUNIT_EXPECT_EQ(test, rom->n_sets, 1U);
	KUNIT_EXPECT_EQ(test, rom->warnings, 0U);
	KUNIT_EXPECT_EQ(test, rom->images[0].code_type, GI_CODE_X86);
	KUNIT_EXPECT_EQ(test, rom->images[0].length, 2048U);
	KUNIT_EXPECT_EQ(test, rom->images[0].checksum, GI_CSUM_OK);
	KUNIT_EXPECT_EQ(test, rom->images[0].vendor_id, 0x10de);
	KUNIT_EXPECT_EQ(test, rom->images[0].device_id, 0x2684);
	KUNIT_EXPECT_EQ(test, rom->images[0].class_code, 0x030000U);
	KUNIT_EXPECT_STREQ(test, rom->images[0].pcir_sig, "PCIR");
	KUNIT_EXPECT_FALSE(test, rom->images[0].last);
	KUNIT_EXPECT_EQ(test, rom->images[1].offset, 2048U);
	KUNIT_EXPECT_EQ(test, rom->images[1].code_type, GI_CODE_EFI);
	KUNIT_EXPECT_TRUE(test, rom->images[1].last);
	KUNIT_EXPECT_PTR_EQ(test, gi_rom_find(rom, GI_CODE_EFI), &rom->images[1]);
	KUNIT_EXPECT_NULL(test, gi_rom_find(rom, GI_CODE_NV_FWSEC));
	KUNIT_EXPECT_EQ(test, rom->end, 3072U);
}

static void rom_padding_is_not_trailing_data(struct kunit *test)
{
	struct rom_ctx *c = test->priv;

	two_images(c->buf, 0);
	KUNIT_ASSERT_EQ(test, gi_rom_parse(c->rom, c->buf, 8192), GI_OK);
	KUNIT_EXPECT_EQ(test, c->rom->warnings, 0U);
	c->buf[5000] = 0x42;
	KUNIT_ASSERT_EQ(test, gi_rom_parse(c->rom, c->buf, 8192), GI_OK);
	KUNIT_EXPECT_EQ(test, c->rom->warnings, GI_ROM_W_TRAILING);
}

static void rom_bad_checksum(struct kunit *test)
{
	struct rom_ctx *c = test->priv;
	size_t end = two_images(c->buf, 0);

	c->buf[0x300] ^= 0x01;
	KUNIT_ASSERT_EQ(test, gi_rom_parse(c->rom, c->buf, end), GI_OK);
	KUNIT_EXPECT_EQ(test, c->rom->images[0].checksum, GI_CSUM_BAD);
	KUNIT_EXPECT_TRUE(test, c->rom->warnings & GI_ROM_W_BAD_CHECKSUM);
}

static void rom_npde_overrides_last_and_length(struct kunit *test)
{
	struct rom_ctx *c = test->priv;
	struct gi_rom *rom = c->rom;
	struct rb_image x86 = RB_IMG(0x10de, 0x2684, 0x00, 2, false);
	/* PCIR says last and 8 blocks; NPDE says 2 blocks and not last. */
	struct rb_image efi = { .vendor = 0x10de, .device = 0x2684, .code = 0x03,
				.blocks = 8, .last = true, .npde = true,
				.npde_blocks = 2, .npde_last = false };
	struct rb_image fw = { .vendor = 0x10de, .device = 0x2680, .code = 0xe0,
			       .blocks = 2, .last = true, .npde = true,
			       .npde_blocks = 2, .npde_last = true };
	size_t off;

	memset(c->buf, 0, 8192);
	off = rb_image(c->buf, 0, &x86);
	rb_fix_checksum(c->buf, 0, 2);
	rb_image(c->buf, off, &efi);
	off += 1024;		/* the NPDE length */
	off = rb_image(c->buf, off, &fw);
	KUNIT_ASSERT_EQ(test, gi_rom_parse(rom, c->buf, off), GI_OK);
	KUNIT_EXPECT_EQ(test, rom->n_images, 3U);
	KUNIT_EXPECT_TRUE(test, rom->images[1].has_npde);
	KUNIT_EXPECT_EQ(test, rom->images[1].npde_rev, 0x101);
	KUNIT_EXPECT_EQ(test, rom->images[1].length, 1024U);
	KUNIT_EXPECT_FALSE(test, rom->images[1].last);
	KUNIT_EXPECT_EQ(test, rom->images[2].code_type, GI_CODE_NV_FWSEC);
	KUNIT_EXPECT_EQ(test, rom->images[2].device_id, 0x2680);
	KUNIT_EXPECT_TRUE(test, rom->images[2].last);
	KUNIT_EXPECT_EQ(test, rom->warnings, 0U);
}

static void rom_npde_disables_checksum(struct kunit *test)
{
	struct rom_ctx *c = test->priv;
	struct rb_image x86 = { .vendor = 0x10de, .device = 0x1e04, .blocks = 2,
				.last = true, .npde = true, .npde_blocks = 2,
				.npde_last = true, .npde_flags = 0x04 };

	memset(c->buf, 0, 1024);
	rb_image(c->buf, 0, &x86);
	c->buf[0x100] = 0x77;	/* would break the sum */
	KUNIT_ASSERT_EQ(test, gi_rom_parse(c->rom, c->buf, 1024), GI_OK);
	KUNIT_EXPECT_EQ(test, c->rom->images[0].checksum, GI_CSUM_DISABLED);
	KUNIT_EXPECT_FALSE(test, c->rom->warnings & GI_ROM_W_BAD_CHECKSUM);
}

static void rom_device_list(struct kunit *test)
{
	struct rom_ctx *c = test->priv;
	const struct gi_rom_image *img = &c->rom->images[0];
	struct rb_image x86 = { .vendor = 0x10de, .device = 0x1e04, .blocks = 2,
				.last = true, .devlist = { 0x1e07, 0x1e02 } };

	memset(c->buf, 0, 1024);
	rb_image(c->buf, 0, &x86);
	rb_fix_checksum(c->buf, 0, 2);
	KUNIT_ASSERT_EQ(test, gi_rom_parse(c->rom, c->buf, 1024), GI_OK);
	KUNIT_EXPECT_EQ(test, img->n_devlist, 2);
	KUNIT_EXPECT_TRUE(test, gi_rom_image_has_device(img, 0x1e04));
	KUNIT_EXPECT_TRUE(test, gi_rom_image_has_device(img, 0x1e07));
	KUNIT_EXPECT_TRUE(test, gi_rom_image_has_device(img, 0x1e02));
	KUNIT_EXPECT_FALSE(test, gi_rom_image_has_device(img, 0x2684));
}

static void rom_ifr_v1_v2(struct kunit *test)
{
	struct rom_ctx *c = test->priv;
	struct gi_rom *rom = c->rom;
	u8 v;

	for (v = 1; v <= 2; v++) {
		memset(c->buf, 0xff, ROM_BUF_SIZE);
		memset(c->buf, 0, 0x600);
		ifr_header(c->buf, v, 0x1043, 0x889d);
		rb_le32(c->buf + 0x10 + 4, 0x600);	/* FIXED_DATA_SIZE + 4 */
		two_images(c->buf, 0x600);
		KUNIT_ASSERT_EQ(test, gi_rom_parse(rom, c->buf, 0x600 + 3072), GI_OK);
		KUNIT_EXPECT_EQ(test, rom->layout, GI_LAYOUT_NV_IFR);
		KUNIT_EXPECT_TRUE(test, rom->ifr.present);
		KUNIT_EXPECT_EQ(test, rom->ifr.version, v);
		KUNIT_EXPECT_EQ(test, rom->ifr.ssvid, 0x1043);
		KUNIT_EXPECT_EQ(test, rom->ifr.ssid, 0x889d);
		KUNIT_EXPECT_EQ(test, rom->first_image, 0x600U);
		KUNIT_EXPECT_EQ(test, rom->n_images, 2U);
		KUNIT_EXPECT_EQ(test, rom->warnings, 0U);
	}
}

static void rom_ifr_v3_rom_directory(struct kunit *test)
{
	struct rom_ctx *c = test->priv;
	struct gi_rom *rom = c->rom;

	memset(c->buf, 0, 0x9400);
	ifr_header(c->buf, 3, 0x1458, 0x403f);
	rb_le32(c->buf + 8, 0x32c);		/* TOTAL_DATA_SIZE */
	rb_le32(c->buf + 0x32c, 0x4000);	/* flash status offset */
	memcpy(c->buf + 0x5000, "RFRD", 4);	/* +4 KiB: ROM directory */
	rb_le32(c->buf + 0x5008, 0x9400);
	two_images(c->buf, 0x9400);
	KUNIT_ASSERT_EQ(test, gi_rom_parse(rom, c->buf, 0x9400 + 3072), GI_OK);
	KUNIT_EXPECT_EQ(test, rom->layout, GI_LAYOUT_NV_IFR);
	KUNIT_EXPECT_EQ(test, rom->ifr.version, 3);
	KUNIT_EXPECT_EQ(test, rom->ifr.ssvid, 0x1458);
	KUNIT_EXPECT_EQ(test, rom->first_image, 0x9400U);
	KUNIT_EXPECT_EQ(test, rom->n_images, 2U);
	KUNIT_EXPECT_EQ(test, rom->warnings, 0U);
}

static void rom_ifr_bad_offset_falls_back_to_scanning(struct kunit *test)
{
	struct rom_ctx *c = test->priv;
	struct gi_rom *rom = c->rom;

	memset(c->buf, 0, 0x1000);
	ifr_header(c->buf, 2, 0x10de, 0x0000);
	rb_le32(c->buf + 0x14, 0xfff00001);	/* unaligned, out of range */
	two_images(c->buf, 0x800);
	KUNIT_ASSERT_EQ(test, gi_rom_parse(rom, c->buf, 0x800 + 3072), GI_OK);
	KUNIT_EXPECT_TRUE(test, rom->warnings & GI_ROM_W_IFR_BAD);
	KUNIT_EXPECT_EQ(test, rom->first_image, 0x800U);
	KUNIT_EXPECT_EQ(test, rom->n_images, 2U);
}

static void rom_ifr_directory_out_of_bounds(struct kunit *test)
{
	struct rom_ctx *c = test->priv;

	memset(c->buf, 0, 0x1000);
	ifr_header(c->buf, 3, 0x10de, 0);
	rb_le32(c->buf + 8, 0x32c);
	rb_le32(c->buf + 0x32c, 0xfffffff0);	/* dir would wrap around */
	KUNIT_EXPECT_EQ(test, gi_rom_parse(c->rom, c->buf, 0x1000), GI_E_NOROM);
	KUNIT_EXPECT_TRUE(test, c->rom->ifr.present);
}

static void rom_unknown_header_is_scanned(struct kunit *test)
{
	struct rom_ctx *c = test->priv;
	struct gi_rom *rom = c->rom;

	memset(c->buf, 0, 0x4000);
	memcpy(c->buf, "\xaa\x55\xaa\x55", 4);
	two_images(c->buf, 0x2000);
	KUNIT_ASSERT_EQ(test, gi_rom_parse(rom, c->buf, 0x2000 + 3072), GI_OK);
	KUNIT_EXPECT_EQ(test, rom->layout, GI_LAYOUT_AMD_FLASH);
	KUNIT_EXPECT_EQ(test, rom->first_image, 0x2000U);
	KUNIT_EXPECT_FALSE(test, rom->warnings & GI_ROM_W_UNKNOWN_HDR);

	/* A Blackwell-style flash header gpuident does not know */
	memcpy(c->buf, "\x4c\xc0\xe0\x0c", 4);
	KUNIT_ASSERT_EQ(test, gi_rom_parse(rom, c->buf, 0x2000 + 3072), GI_OK);
	KUNIT_EXPECT_EQ(test, rom->layout, GI_LAYOUT_SCANNED);
	KUNIT_EXPECT_EQ(test, rom->header_sig, 0x0ce0c04cU);
	KUNIT_EXPECT_EQ(test, rom->first_image, 0x2000U);
	KUNIT_EXPECT_EQ(test, rom->n_images, 2U);
	KUNIT_EXPECT_TRUE(test, rom->warnings & GI_ROM_W_UNKNOWN_HDR);
}

static void rom_second_image_set(struct kunit *test)
{
	struct rom_ctx *c = test->priv;
	struct gi_rom *rom = c->rom;

	memset(c->buf, 0, 0x8000);
	two_images(c->buf, 0);
	two_images(c->buf, 0x4000);
	KUNIT_ASSERT_EQ(test, gi_rom_parse(rom, c->buf, 0x4000 + 3072), GI_OK);
	KUNIT_EXPECT_EQ(test, rom->n_sets, 2U);
	KUNIT_EXPECT_EQ(test, rom->n_images, 4U);
	KUNIT_EXPECT_EQ(test, rom->images[2].set, 1);
	KUNIT_EXPECT_EQ(test, rom->images[2].offset, 0x4000U);
	/* gi_rom_find only looks at the primary set */
	KUNIT_EXPECT_PTR_EQ(test, gi_rom_find(rom, GI_CODE_X86), &rom->images[0]);
}

static void rom_truncated_image(struct kunit *test)
{
	struct rom_ctx *c = test->priv;
	size_t end = two_images(c->buf, 0);

	KUNIT_ASSERT_EQ(test, gi_rom_parse(c->rom, c->buf, end - 100), GI_OK);
	KUNIT_EXPECT_TRUE(test, c->rom->warnings & GI_ROM_W_TRUNCATED);
	KUNIT_EXPECT_EQ(test, c->rom->n_images, 2U);
	/* The x86 image's checksum range itself cut short */
	KUNIT_ASSERT_EQ(test, gi_rom_parse(c->rom, c->buf, 1024), GI_OK);
	KUNIT_EXPECT_EQ(test, c->rom->images[0].checksum, GI_CSUM_TRUNCATED);
	KUNIT_EXPECT_TRUE(test, c->rom->warnings & GI_ROM_W_TRUNCATED);
}

static void rom_chain_without_last_flag(struct kunit *test)
{
	struct rom_ctx *c = test->priv;
	struct rb_image a = RB_IMG(0x1002, 0x67df, 0x00, 1, false);

	memset(c->buf, 0, 512);
	rb_image(c->buf, 0, &a);
	rb_fix_checksum(c->buf, 0, 1);
	KUNIT_ASSERT_EQ(test, gi_rom_parse(c->rom, c->buf, 2048), GI_OK);
	KUNIT_EXPECT_EQ(test, c->rom->n_images, 1U);
	KUNIT_EXPECT_TRUE(test, c->rom->warnings & GI_ROM_W_NO_LAST);
}

static void rom_zero_length_image(struct kunit *test)
{
	struct rom_ctx *c = test->priv;
	struct rb_image z = RB_IMG(0x10de, 0x2684, 0x00, 0, false);

	memset(c->buf, 0, 4096);
	rb_image(c->buf, 0, &z);
	KUNIT_ASSERT_EQ(test, gi_rom_parse(c->rom, c->buf, 4096), GI_OK);
	KUNIT_EXPECT_TRUE(test, c->rom->warnings & GI_ROM_W_ZERO_LENGTH);
	KUNIT_EXPECT_GE(test, c->rom->n_images, 1U);
}

static void rom_too_many_images(struct kunit *test)
{
	struct rom_ctx *c = test->priv;
	struct rb_image one = RB_IMG(0x10de, 0x2684, 0x03, 1, false);
	size_t off = 0;
	int i;

	memset(c->buf, 0, 40 * 512);
	for (i = 0; i < 40; i++)
		off = rb_image(c->buf, off, &one);
	KUNIT_ASSERT_EQ(test, gi_rom_parse(c->rom, c->buf, off), GI_OK);
	KUNIT_EXPECT_EQ(test, c->rom->n_images, (unsigned int)GI_ROM_MAX_IMAGES);
	KUNIT_EXPECT_TRUE(test, c->rom->warnings & GI_ROM_W_TOO_MANY);
}

static void rom_nbsi_is_always_last(struct kunit *test)
{
	struct rom_ctx *c = test->priv;
	struct rb_image nbsi = RB_IMG(0x10de, 0x0000, 0x70, 1, false);
	struct rb_image after = RB_IMG(0x10de, 0x2684, 0x03, 1, true);
	size_t off;

	memset(c->buf, 0, 1024);
	off = rb_image(c->buf, 0, &nbsi);
	rb_image(c->buf, off, &after);
	KUNIT_ASSERT_EQ(test, gi_rom_parse(c->rom, c->buf, 512), GI_OK);
	KUNIT_EXPECT_EQ(test, c->rom->n_images, 1U);
	KUNIT_EXPECT_TRUE(test, c->rom->images[0].last);
	KUNIT_EXPECT_EQ(test, c->rom->warnings, 0U);
}

static void rom_rejects_non_roms(struct kunit *test)
{
	struct rom_ctx *c = test->priv;
	u32 x = 1;
	size_t i;

	KUNIT_EXPECT_EQ(test, gi_rom_parse(c->rom, c->buf, 0), GI_E_EMPTY);
	KUNIT_EXPECT_EQ(test, gi_rom_parse(c->rom, c->buf, (size_t)GI_ROM_MAX_SIZE + 1),
			GI_E_TOOBIG);
	/* pseudo-random bytes (xorshift32) with no image signature anywhere */
	for (i = 0; i < ROM_BUF_SIZE; i++) {
		x ^= x << 13;
		x ^= x >> 17;
		x ^= x << 5;
		c->buf[i] = (u8)x;
	}
	c->buf[0] = 'E';
	for (i = 0; i < ROM_BUF_SIZE; i += 512)
		c->buf[i] = 0;
	KUNIT_EXPECT_EQ(test, gi_rom_parse(c->rom, c->buf, ROM_BUF_SIZE), GI_E_NOROM);
	memset(c->buf, 0, 16);
	memcpy(c->buf, "hello", 5);
	KUNIT_EXPECT_EQ(test, gi_rom_parse(c->rom, c->buf, 5), GI_E_NOROM);
	KUNIT_EXPECT_NE(test, gi_strerror(GI_E_NOROM)[0], '\0');
}

static void rom_signature_without_pcir(struct kunit *test)
{
	struct rom_ctx *c = test->priv;

	memset(c->buf, 0, 1024);
	c->buf[0] = 0x55;
	c->buf[1] = 0xaa;
	rb_le16(c->buf + 0x18, 0x3f0);	/* PCIR pointer past the data */
	KUNIT_EXPECT_EQ(test, gi_rom_parse(c->rom, c->buf, 0x400), GI_E_NOROM);
	rb_le16(c->buf + 0x18, 0x40);	/* points at no "PCIR" */
	KUNIT_EXPECT_EQ(test, gi_rom_parse(c->rom, c->buf, 0x400), GI_E_NOROM);
	KUNIT_EXPECT_TRUE(test, c->rom->warnings & GI_ROM_W_BAD_PCIR);
}

static void rom_unaligned_pcir_noted(struct kunit *test)
{
	struct rom_ctx *c = test->priv;
	struct rb_image x86 = RB_IMG(0x10de, 0x2684, 0x00, 1, true);

	memset(c->buf, 0, 512);
	rb_image(c->buf, 0, &x86);
	memmove(c->buf + 0x42, c->buf + 0x40, 0x40);
	rb_le16(c->buf + 0x18, 0x42);
	KUNIT_ASSERT_EQ(test, gi_rom_parse(c->rom, c->buf, 512), GI_OK);
	KUNIT_EXPECT_TRUE(test, c->rom->warnings & GI_ROM_W_PCIR_UNALIGNED);
}

static void rom_names(struct kunit *test)
{
	KUNIT_EXPECT_STREQ(test, gi_rom_code_name(GI_CODE_X86), "x86");
	KUNIT_EXPECT_STREQ(test, gi_rom_code_name(GI_CODE_EFI), "efi");
	KUNIT_EXPECT_STREQ(test, gi_rom_code_name(GI_CODE_NV_FWSEC), "nvidia-fwsec");
	KUNIT_EXPECT_STREQ(test, gi_rom_code_name(0x42), "other");
	KUNIT_EXPECT_STREQ(test, gi_rom_layout_name(GI_LAYOUT_NV_IFR), "nvidia-ifr");
	KUNIT_EXPECT_NOT_NULL(test, gi_rom_warning_name(GI_ROM_W_TRUNCATED));
	KUNIT_EXPECT_NULL(test, gi_rom_warning_name(1u << 31));
}

static void rom_fw_string_sanitises_and_bounds(struct kunit *test)
{
	static const u8 s[] = { 'A', 'B', 0x01, 'C', ' ', ' ', 0 };
	static const u8 crlf[] = "RTX4090 VB Ver 95\r\n";
	char out[8];

	KUNIT_EXPECT_EQ(test, gi_fw_string(out, sizeof(out), s, sizeof(s), 0, 32), 4UL);
	KUNIT_EXPECT_STREQ(test, out, "AB?C");
	KUNIT_EXPECT_EQ(test, gi_fw_string(out, sizeof(out), s, sizeof(s), 0, 2), 2UL);
	KUNIT_EXPECT_STREQ(test, out, "AB");
	KUNIT_EXPECT_EQ(test, gi_fw_string(out, sizeof(out), s, sizeof(s), 100, 4), 0UL);
	KUNIT_EXPECT_STREQ(test, out, "");
	KUNIT_EXPECT_EQ(test, gi_fw_string(out, 4, crlf, sizeof(crlf), 0, 64), 3UL);
	KUNIT_EXPECT_STREQ(test, out, "RTX");
	/* no NUL before the end of the data: stops at the data's end */
	KUNIT_EXPECT_EQ(test, gi_fw_string(out, sizeof(out), s, 2, 0, 32), 2UL);
}

static struct kunit_case gpuident_rom_cases[] = {
	KUNIT_CASE(rom_x86_efi_chain),
	KUNIT_CASE(rom_padding_is_not_trailing_data),
	KUNIT_CASE(rom_bad_checksum),
	KUNIT_CASE(rom_npde_overrides_last_and_length),
	KUNIT_CASE(rom_npde_disables_checksum),
	KUNIT_CASE(rom_device_list),
	KUNIT_CASE(rom_ifr_v1_v2),
	KUNIT_CASE(rom_ifr_v3_rom_directory),
	KUNIT_CASE(rom_ifr_bad_offset_falls_back_to_scanning),
	KUNIT_CASE(rom_ifr_directory_out_of_bounds),
	KUNIT_CASE(rom_unknown_header_is_scanned),
	KUNIT_CASE(rom_second_image_set),
	KUNIT_CASE(rom_truncated_image),
	KUNIT_CASE(rom_chain_without_last_flag),
	KUNIT_CASE(rom_zero_length_image),
	KUNIT_CASE(rom_too_many_images),
	KUNIT_CASE(rom_nbsi_is_always_last),
	KUNIT_CASE(rom_rejects_non_roms),
	KUNIT_CASE(rom_signature_without_pcir),
	KUNIT_CASE(rom_unaligned_pcir_noted),
	KUNIT_CASE(rom_names),
	KUNIT_CASE(rom_fw_string_sanitises_and_bounds),
	{}
};

static struct kunit_suite gpuident_rom_suite = {
	.name = "gpuident_rom",
	.init = gpuident_rom_init,
	.test_cases = gpuident_rom_cases,
};

kunit_test_suite(gpuident_rom_suite);
