// SPDX-License-Identifier: GPL-2.0-or-later
/* Facts from a ROM: the claimed identity of a file, and device shadows. */
#include "gitest.h"
#include "../../kmod/kunit/rombuild.h"
#include "gpuident/facts.h"
#include "gpuident/rom.h"

static uint8_t buf[4096];
static struct gi_rom rom;

static void one_image(uint16_t vendor, uint16_t device)
{
	struct rb_image x86 = RB_IMG(vendor, device, 0x00, 2, true);

	memset(buf, 0, sizeof(buf));
	rb_image(buf, 0, &x86);
	rb_fix_checksum(buf, 0, 2);
	gi_rom_parse(&rom, buf, 1024);
}

static struct gi_facts device(uint16_t vendor, uint16_t device_id)
{
	struct gi_facts f;

	memset(&f, 0, sizeof(f));
	f.origin = GI_ORIGIN_DEVICE;
	f.have = GI_HAVE_IDS;
	f.vendor_id = vendor;
	f.device_id = device_id;
	return f;
}

GI_TEST(facts_rom_file_claims_its_own_identity)
{
	struct gi_facts f;

	one_image(0x10de, 0x2684);
	memset(&f, 0, sizeof(f));
	f.origin = GI_ORIGIN_ROM_FILE;
	gi_facts_add_rom(&f, &rom, NULL, NULL);
	GI_EXPECT(f.have & GI_HAVE_IDS);
	GI_EXPECT_EQ(f.device_id, 0x2684);
	GI_EXPECT(f.have & GI_HAVE_ROM_CHECKSUM);
	GI_EXPECT(f.rom_checksum_ok);
}

GI_TEST(facts_device_rom_bar_is_judged)
{
	struct gi_facts f = device(0x1002, 0x5046);

	one_image(0x1002, 0x67df);
	gi_facts_add_device_rom(&f, &rom, NULL, NULL, false);
	GI_EXPECT(f.have & GI_HAVE_ROM);
	GI_EXPECT(f.have & GI_HAVE_ROM_CHECKSUM);
	GI_EXPECT_EQ(f.rom_device_id, 0x67df);
}

GI_TEST(facts_shadow_of_another_device_is_ignored)
{
	struct gi_facts f = device(0x1002, 0x5046);

	one_image(0x1234, 0x1111);	/* the boot VGA's BIOS */
	gi_facts_add_device_rom(&f, &rom, NULL, NULL, true);
	GI_EXPECT(!(f.have & GI_HAVE_ROM));
	GI_EXPECT(!(f.have & GI_HAVE_ROM_CHECKSUM));
	GI_EXPECT_EQ(f.have, GI_HAVE_IDS);
}

GI_TEST(facts_own_shadow_is_judged_without_checksum)
{
	struct gi_facts f = device(0x10de, 0x2684);

	one_image(0x10de, 0x2684);
	buf[0x100] ^= 0xff;		/* POST patched it */
	gi_rom_parse(&rom, buf, 1024);
	gi_facts_add_device_rom(&f, &rom, NULL, NULL, true);
	GI_EXPECT(f.have & GI_HAVE_ROM);
	GI_EXPECT(!(f.have & GI_HAVE_ROM_CHECKSUM));
}
