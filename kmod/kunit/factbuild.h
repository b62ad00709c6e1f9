/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Builders for facts records, so that each classifier rule is tested on
 * facts made in the test. Shared by the KUnit suites and the userspace
 * unit tests (tests/unit/), so it depends on nothing but the core headers.
 */
#ifndef GPUIDENT_KUNIT_FACTBUILD_H
#define GPUIDENT_KUNIT_FACTBUILD_H

#include "gpuident/facts.h"

/* A device record with only its PCI IDs known. */
static inline void fb_card(struct gi_facts *f, u16 vendor, u16 device)
{
	memset(f, 0, sizeof(*f));
	f->origin = GI_ORIGIN_DEVICE;
	f->have = GI_HAVE_IDS;
	f->vendor_id = vendor;
	f->device_id = device;
}

static inline void with_vram(struct gi_facts *f, u32 mib,
			     enum gi_vram_source src)
{
	f->have |= GI_HAVE_VRAM;
	f->vram_mib = mib;
	f->vram_source = src;
}

static inline void with_sm(struct gi_facts *f, u16 sms, bool fuses)
{
	f->have |= GI_HAVE_SM_COUNT;
	f->sm_count = sms;
	f->sm_from_fuses = fuses;
}

static inline void with_bar1(struct gi_facts *f, u32 mib)
{
	f->have |= GI_HAVE_BAR1;
	f->bar1_mib = mib;
}

static inline void with_subsys(struct gi_facts *f, u16 ssvid, u16 ssid)
{
	f->have |= GI_HAVE_SUBSYS;
	f->ssvid = ssvid;
	f->ssid = ssid;
}

#endif
