// SPDX-License-Identifier: GPL-2.0-or-later
/* The option ROM walker, on ROMs built here byte by byte. */
#include <stdlib.h>

#include "gitest.h"
#include "../../kmod/kunit/rombuild.h"
#include "gpuident/rom.h"

static uint8_t buf[64 * 1024];
static struct gi_rom rom;

static void reset(void)
{
	memset(buf, 0xff, sizeof(buf));
}

static size_t two_images(size_t off)
{
	struct rb_image x86 = RB_IMG(0x10de, 0x2684, 0x00, 4, false);
	struct rb_image efi = RB_IMG(0x10de, 0x2684, 0x03, 2, true);

	memset(buf + off, 0, 6 * 512);
	off = rb_image(buf, off, &x86);
	rb_fix_checksum(buf, off - 4 * 512, 4);
	return rb_image(buf, off, &efi);
}

GI_TEST(rom_plain_chain)
{
	size_t end;

	reset();
	end = two_images(0);
	GI_REQUIRE(gi_rom_parse(&rom, buf, end) == GI_OK);
	GI_EXPECT_EQ(rom.layout, GI_LAYOUT_PLAIN);
	GI_EXPECT_EQ(rom.n_images, 2);
	GI_EXPECT_EQ(rom.n_sets, 1);
	GI_EXPECT_EQ(rom.warnings, 0);
	GI_EXPECT_EQ(rom.images[0].code_type, GI_CODE_X86);
	GI_EXPECT_EQ(rom.images[0].length, 2048);
	GI_EXPECT_EQ(rom.images[0].checksum, GI_CSUM_OK);
	GI_EXPECT_EQ(rom.images[0].vendor_id, 0x10de);
	GI_EXPECT_EQ(rom.images[0].device_id, 0x2684);
	GI_EXPECT_EQ(rom.images[0].class_code, 0x030000);
	GI_EXPECT_STR(rom.images[0].pcir_sig, "PCIR");
	GI_EXPECT(!rom.images[0].last);
	GI_EXPECT_EQ(rom.images[1].offset, 2048);
	GI_EXPECT_EQ(rom.images[1].code_type, GI_CODE_EFI);
	GI_EXPECT(rom.images[1].last);
	GI_EXPECT(gi_rom_find(&rom, GI_CODE_EFI) == &rom.images[1]);
	GI_EXPECT(gi_rom_find(&rom, GI_CODE_NV_FWSEC) == NULL);
	GI_EXPECT_EQ(rom.end, 3072);
}

GI_TEST(rom_padding_after_chain_is_not_trailing_data)
{
	two_images(0);
	GI_REQUIRE(gi_rom_parse(&rom, buf, 8192) == GI_OK);
	GI_EXPECT_EQ(rom.warnings, 0);
	buf[5000] = 0x42;
	GI_REQUIRE(gi_rom_parse(&rom, buf, 8192) == GI_OK);
	GI_EXPECT_EQ(rom.warnings, GI_ROM_W_TRAILING);
}

GI_TEST(rom_bad_checksum)
{
	size_t end;

	reset();
	end = two_images(0);
	buf[0x300] ^= 0x01;
	GI_REQUIRE(gi_rom_parse(&rom, buf, end) == GI_OK);
	GI_EXPECT_EQ(rom.images[0].checksum, GI_CSUM_BAD);
	GI_EXPECT(rom.warnings & GI_ROM_W_BAD_CHECKSUM);
}

GI_TEST(rom_npde_overrides_pcir_last_and_length)
{
	struct rb_image x86 = RB_IMG(0x10de, 0x2684, 0x00, 2, false);
	/* PCIR says last and 8 blocks; NPDE says 2 blocks and not last. */
	struct rb_image efi = { .vendor = 0x10de, .device = 0x2684, .code = 0x03,
				.blocks = 8, .last = true, .npde = true,
				.npde_blocks = 2, .npde_last = false };
	struct rb_image fw = { .vendor = 0x10de, .device = 0x2680, .code = 0xe0,
			       .blocks = 2, .last = true, .npde = true,
			       .npde_blocks = 2, .npde_last = true };
	size_t off;

	reset();
	memset(buf, 0, 8192);
	off = rb_image(buf, 0, &x86);
	rb_fix_checksum(buf, 0, 2);
	rb_image(buf, off, &efi);
	off += 1024;		/* the NPDE length */
	off = rb_image(buf, off, &fw);
	GI_REQUIRE(gi_rom_parse(&rom, buf, off) == GI_OK);
	GI_EXPECT_EQ(rom.n_images, 3);
	GI_EXPECT(rom.images[1].has_npde);
	GI_EXPECT_EQ(rom.images[1].npde_rev, 0x101);
	GI_EXPECT_EQ(rom.images[1].length, 1024);
	GI_EXPECT(!rom.images[1].last);
	GI_EXPECT_EQ(rom.images[2].code_type, GI_CODE_NV_FWSEC);
	GI_EXPECT_EQ(rom.images[2].device_id, 0x2680);
	GI_EXPECT(rom.images[2].last);
	GI_EXPECT_EQ(rom.warnings, 0);
}

GI_TEST(rom_npde_disables_checksum)
{
	struct rb_image x86 = { .vendor = 0x10de, .device = 0x1e04, .blocks = 2,
				.last = true, .npde = true, .npde_blocks = 2,
				.npde_last = true, .npde_flags = 0x04 };

	reset();
	memset(buf, 0, 1024);
	rb_image(buf, 0, &x86);
	buf[0x100] = 0x77;	/* would break the sum */
	GI_REQUIRE(gi_rom_parse(&rom, buf, 1024) == GI_OK);
	GI_EXPECT_EQ(rom.images[0].checksum, GI_CSUM_DISABLED);
	GI_EXPECT(!(rom.warnings & GI_ROM_W_BAD_CHECKSUM));
}

GI_TEST(rom_device_list)
{
	struct rb_image x86 = { .vendor = 0x10de, .device = 0x1e04, .blocks = 2,
				.last = true, .devlist = { 0x1e07, 0x1e02 } };

	reset();
	memset(buf, 0, 1024);
	rb_image(buf, 0, &x86);
	rb_fix_checksum(buf, 0, 2);
	GI_REQUIRE(gi_rom_parse(&rom, buf, 1024) == GI_OK);
	GI_EXPECT_EQ(rom.images[0].n_devlist, 2);
	GI_EXPECT(gi_rom_image_has_device(&rom.images[0], 0x1e04));
	GI_EXPECT(gi_rom_image_has_device(&rom.images[0], 0x1e07));
	GI_EXPECT(gi_rom_image_has_device(&rom.images[0], 0x1e02));
	GI_EXPECT(!gi_rom_image_has_device(&rom.images[0], 0x2684));
}

static void ifr_header(uint8_t version, uint16_t ssvid, uint16_t ssid)
{
	memcpy(buf, "NVGI", 4);
	rb_le32(buf + 4, (0x10u << 16) | ((uint32_t)version << 8));
	rb_le16(buf + 0x0c, ssvid);
	rb_le16(buf + 0x0e, ssid);
}

GI_TEST(rom_ifr_v1_v2)
{
	uint8_t v;

	for (v = 1; v <= 2; v++) {
		reset();
		memset(buf, 0, 0x600);
		ifr_header(v, 0x1043, 0x889d);
		rb_le32(buf + 0x10 + 4, 0x600);	/* FIXED_DATA_SIZE + 4 */
		two_images(0x600);
		GI_REQUIRE(gi_rom_parse(&rom, buf, 0x600 + 3072) == GI_OK);
		GI_EXPECT_EQ(rom.layout, GI_LAYOUT_NV_IFR);
		GI_EXPECT(rom.ifr.present);
		GI_EXPECT_EQ(rom.ifr.version, v);
		GI_EXPECT_EQ(rom.ifr.ssvid, 0x1043);
		GI_EXPECT_EQ(rom.ifr.ssid, 0x889d);
		GI_EXPECT_EQ(rom.first_image, 0x600);
		GI_EXPECT_EQ(rom.n_images, 2);
		GI_EXPECT_EQ(rom.warnings, 0);
	}
}

GI_TEST(rom_ifr_v3_rom_directory)
{
	reset();
	memset(buf, 0, 0x9400);
	ifr_header(3, 0x1458, 0x403f);
	rb_le32(buf + 8, 0x32c);		/* TOTAL_DATA_SIZE */
	rb_le32(buf + 0x32c, 0x4000);		/* flash status offset */
	memcpy(buf + 0x5000, "RFRD", 4);	/* +4 KiB: ROM directory */
	rb_le32(buf + 0x5008, 0x9400);
	two_images(0x9400);
	GI_REQUIRE(gi_rom_parse(&rom, buf, 0x9400 + 3072) == GI_OK);
	GI_EXPECT_EQ(rom.layout, GI_LAYOUT_NV_IFR);
	GI_EXPECT_EQ(rom.ifr.version, 3);
	GI_EXPECT_EQ(rom.first_image, 0x9400);
	GI_EXPECT_EQ(rom.warnings, 0);
}

GI_TEST(rom_ifr_bad_offset_falls_back_to_scanning)
{
	reset();
	memset(buf, 0, 0x1000);
	ifr_header(2, 0x10de, 0x0000);
	rb_le32(buf + 0x14, 0xfff00001);	/* unaligned, out of range */
	two_images(0x800);
	GI_REQUIRE(gi_rom_parse(&rom, buf, 0x800 + 3072) == GI_OK);
	GI_EXPECT(rom.warnings & GI_ROM_W_IFR_BAD);
	GI_EXPECT_EQ(rom.first_image, 0x800);
	GI_EXPECT_EQ(rom.n_images, 2);
}

GI_TEST(rom_ifr_directory_out_of_bounds)
{
	reset();
	memset(buf, 0, 0x1000);
	ifr_header(3, 0x10de, 0);
	rb_le32(buf + 8, 0x32c);
	rb_le32(buf + 0x32c, 0xfffffff0);	/* dir would wrap around */
	GI_EXPECT_EQ(gi_rom_parse(&rom, buf, 0x1000), GI_E_NOROM);
	GI_EXPECT(rom.ifr.present);
}

GI_TEST(rom_amd_flash_and_unknown_headers)
{
	reset();
	memset(buf, 0, 0x4000);
	buf[0] = 0xaa; buf[1] = 0x55; buf[2] = 0xaa; buf[3] = 0x55;
	two_images(0x2000);
	GI_REQUIRE(gi_rom_parse(&rom, buf, 0x2000 + 3072) == GI_OK);
	GI_EXPECT_EQ(rom.layout, GI_LAYOUT_AMD_FLASH);
	GI_EXPECT_EQ(rom.first_image, 0x2000);
	GI_EXPECT(!(rom.warnings & GI_ROM_W_UNKNOWN_HDR));

	buf[0] = 0x4c; buf[1] = 0xc0; buf[2] = 0xe0; buf[3] = 0x0c;
	GI_REQUIRE(gi_rom_parse(&rom, buf, 0x2000 + 3072) == GI_OK);
	GI_EXPECT_EQ(rom.layout, GI_LAYOUT_SCANNED);
	GI_EXPECT_EQ(rom.header_sig, 0x0ce0c04c);
	GI_EXPECT(rom.warnings & GI_ROM_W_UNKNOWN_HDR);
}

GI_TEST(rom_second_image_set)
{
	reset();
	memset(buf, 0, 0x8000);
	two_images(0);
	two_images(0x4000);
	GI_REQUIRE(gi_rom_parse(&rom, buf, 0x4000 + 3072) == GI_OK);
	GI_EXPECT_EQ(rom.n_sets, 2);
	GI_EXPECT_EQ(rom.n_images, 4);
	GI_EXPECT_EQ(rom.images[2].set, 1);
	GI_EXPECT_EQ(rom.images[2].offset, 0x4000);
	/* gi_rom_find only looks at the primary set */
	GI_EXPECT(gi_rom_find(&rom, GI_CODE_X86) == &rom.images[0]);
}

GI_TEST(rom_truncated_image)
{
	size_t end;

	reset();
	end = two_images(0);
	GI_REQUIRE(gi_rom_parse(&rom, buf, end - 100) == GI_OK);
	GI_EXPECT(rom.warnings & GI_ROM_W_TRUNCATED);
	GI_EXPECT_EQ(rom.n_images, 2);
	/* The x86 image's checksum range itself cut short */
	GI_REQUIRE(gi_rom_parse(&rom, buf, 1024) == GI_OK);
	GI_EXPECT_EQ(rom.images[0].checksum, GI_CSUM_TRUNCATED);
}

GI_TEST(rom_chain_without_last_flag)
{
	struct rb_image a = RB_IMG(0x1002, 0x67df, 0x00, 1, false);

	reset();
	memset(buf, 0, 512);
	rb_image(buf, 0, &a);
	rb_fix_checksum(buf, 0, 1);
	GI_REQUIRE(gi_rom_parse(&rom, buf, 2048) == GI_OK);
	GI_EXPECT_EQ(rom.n_images, 1);
	GI_EXPECT(rom.warnings & GI_ROM_W_NO_LAST);
}

GI_TEST(rom_zero_length_image_terminates)
{
	struct rb_image z = RB_IMG(0x10de, 0x2684, 0x00, 0, false);

	reset();
	memset(buf, 0, 4096);
	rb_image(buf, 0, &z);
	GI_REQUIRE(gi_rom_parse(&rom, buf, 4096) == GI_OK);
	GI_EXPECT(rom.warnings & GI_ROM_W_ZERO_LENGTH);
	GI_EXPECT(rom.n_images >= 1);
}

GI_TEST(rom_too_many_images)
{
	struct rb_image one = RB_IMG(0x10de, 0x2684, 0x03, 1, false);
	size_t off = 0;
	int i;

	reset();
	memset(buf, 0, 40 * 512);
	for (i = 0; i < 40; i++)
		off = rb_image(buf, off, &one);
	GI_REQUIRE(gi_rom_parse(&rom, buf, off) == GI_OK);
	GI_EXPECT_EQ(rom.n_images, GI_ROM_MAX_IMAGES);
	GI_EXPECT(rom.warnings & GI_ROM_W_TOO_MANY);
}

GI_TEST(rom_nbsi_is_always_last)
{
	struct rb_image nbsi = RB_IMG(0x10de, 0x0000, 0x70, 1, false);
	struct rb_image after = RB_IMG(0x10de, 0x2684, 0x03, 1, true);
	size_t off;

	reset();
	memset(buf, 0, 1024);
	off = rb_image(buf, 0, &nbsi);
	rb_image(buf, off, &after);
	GI_REQUIRE(gi_rom_parse(&rom, buf, 512) == GI_OK);
	GI_EXPECT_EQ(rom.n_images, 1);
	GI_EXPECT(rom.images[0].last);
	GI_EXPECT_EQ(rom.warnings, 0);
}

GI_TEST(rom_rejects_non_roms)
{
	unsigned int i;

	GI_EXPECT_EQ(gi_rom_parse(&rom, buf, 0), GI_E_EMPTY);
	GI_EXPECT_EQ(gi_rom_parse(&rom, buf, (size_t)GI_ROM_MAX_SIZE + 1),
		     GI_E_TOOBIG);
	srand(1);
	for (i = 0; i < sizeof(buf); i++)
		buf[i] = (uint8_t)rand();
	buf[0] = 'E';
	for (i = 0; i < sizeof(buf); i += 512)
		buf[i] = 0;	/* no image signature anywhere */
	GI_EXPECT_EQ(gi_rom_parse(&rom, buf, sizeof(buf)), GI_E_NOROM);
	memset(buf, 0, 16);
	memcpy(buf, "hello", 5);
	GI_EXPECT_EQ(gi_rom_parse(&rom, buf, 5), GI_E_NOROM);
	GI_EXPECT(gi_strerror(GI_E_NOROM)[0] != '\0');
}

GI_TEST(rom_signature_without_pcir)
{
	reset();
	memset(buf, 0, 1024);
	buf[0] = 0x55;
	buf[1] = 0xaa;
	rb_le16(buf + 0x18, 0x3f0);	/* PCIR pointer past the data */
	GI_EXPECT_EQ(gi_rom_parse(&rom, buf, 0x400), GI_E_NOROM);
	rb_le16(buf + 0x18, 0x40);	/* points at no "PCIR" */
	GI_EXPECT_EQ(gi_rom_parse(&rom, buf, 0x400), GI_E_NOROM);
	GI_EXPECT(rom.warnings & GI_ROM_W_BAD_PCIR);
}

GI_TEST(rom_unaligned_pcir_noted)
{
	struct rb_image x86 = RB_IMG(0x10de, 0x2684, 0x00, 1, true);

	reset();
	memset(buf, 0, 512);
	rb_image(buf, 0, &x86);
	memmove(buf + 0x42, buf + 0x40, 0x40);
	rb_le16(buf + 0x18, 0x42);
	GI_REQUIRE(gi_rom_parse(&rom, buf, 512) == GI_OK);
	GI_EXPECT(rom.warnings & GI_ROM_W_PCIR_UNALIGNED);
}

GI_TEST(rom_names)
{
	GI_EXPECT_STR(gi_rom_code_name(GI_CODE_X86), "x86");
	GI_EXPECT_STR(gi_rom_code_name(GI_CODE_EFI), "efi");
	GI_EXPECT_STR(gi_rom_code_name(GI_CODE_NV_FWSEC), "nvidia-fwsec");
	GI_EXPECT_STR(gi_rom_code_name(0x42), "other");
	GI_EXPECT_STR(gi_rom_layout_name(GI_LAYOUT_NV_IFR), "nvidia-ifr");
	GI_EXPECT(gi_rom_warning_name(GI_ROM_W_TRUNCATED) != NULL);
	GI_EXPECT(gi_rom_warning_name(1u << 31) == NULL);
}

GI_TEST(fw_string_sanitises_and_bounds)
{
	const uint8_t s[] = { 'A', 'B', 0x01, 'C', ' ', ' ', 0 };
	const uint8_t crlf[] = "RTX4090 VB Ver 95\r\n";
	char out[8];

	GI_EXPECT_EQ(gi_fw_string(out, sizeof(out), s, sizeof(s), 0, 32), 4);
	GI_EXPECT_STR(out, "AB?C");
	GI_EXPECT_EQ(gi_fw_string(out, sizeof(out), s, sizeof(s), 0, 2), 2);
	GI_EXPECT_STR(out, "AB");
	GI_EXPECT_EQ(gi_fw_string(out, sizeof(out), s, sizeof(s), 100, 4), 0);
	GI_EXPECT_STR(out, "");
	GI_EXPECT_EQ(gi_fw_string(out, 4, crlf, sizeof(crlf), 0, 64), 3);
	GI_EXPECT_STR(out, "RTX");
	/* no NUL before the end of the data: stops at the data's end */
	GI_EXPECT_EQ(gi_fw_string(out, sizeof(out), s, 2, 0, 32), 2);
}
