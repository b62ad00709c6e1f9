/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Builders for synthetic option ROMs, so that every parser rule is tested
 * on bytes made in the test. Shared by the KUnit suites and the userspace
 * unit tests (tests/unit/), so it depends on nothing but compat.h.
 */
#ifndef GPUIDENT_KUNIT_ROMBUILD_H
#define GPUIDENT_KUNIT_ROMBUILD_H

#include "gpuident/compat.h"	/* u8..u32, bool, memcpy/memset */

#define RB_PCIR_AT	0x40	/* PCIR offset inside each built image */

struct rb_image {
	u16 vendor, device;
	u8 code;
	u16 blocks;		/* PCIR image length, 512-byte units */
	bool last;
	u16 devlist[4];		/* 0-terminated, PCIR rev 3 */
	bool npde;		/* add an NPDE after the PCIR */
	u16 npde_blocks;
	bool npde_last;
	u8 npde_flags;
};

static inline void rb_le16(u8 *p, u16 v)
{
	p[0] = v & 0xff;
	p[1] = v >> 8;
}

static inline void rb_le32(u8 *p, u32 v)
{
	rb_le16(p, v & 0xffff);
	rb_le16(p + 2, v >> 16);
}

#define RB_IMG(v, d, c, n, l)						\
	{ .vendor = (v), .device = (d), .code = (c), .blocks = (n), .last = (l) }

/* Write an image at @off; returns the offset after it (PCIR length). */
static inline size_t rb_image(u8 *b, size_t off, const struct rb_image *im)
{
	u8 *p = b + off, *pcir = p + RB_PCIR_AT;
	unsigned int i;

	p[0] = 0x55;
	p[1] = 0xaa;
	p[2] = (u8)im->blocks;		/* x86 init size = whole image */
	rb_le16(p + 0x18, RB_PCIR_AT);
	memcpy(pcir, "PCIR", 4);
	rb_le16(pcir + 4, im->vendor);
	rb_le16(pcir + 6, im->device);
	rb_le16(pcir + 0x0a, 0x1c);
	pcir[0x0c] = 3;
	pcir[0x0d] = 0x00;
	pcir[0x0e] = 0x00;
	pcir[0x0f] = 0x03;
	rb_le16(pcir + 0x10, im->blocks);
	pcir[0x14] = im->code;
	pcir[0x15] = im->last ? 0x80 : 0;
	if (im->devlist[0]) {
		rb_le16(pcir + 8, 0x40);	/* list at PCIR + 0x40 */
		for (i = 0; i < 4 && im->devlist[i]; i++)
			rb_le16(pcir + 0x40 + 2 * i, im->devlist[i]);
	}
	if (im->npde) {
		u8 *n = pcir + 0x20;	/* align16(0x40 + 0x1c) - 0x40 */

		memcpy(n, "NPDE", 4);
		rb_le16(n + 4, 0x101);
		rb_le16(n + 6, 0x0c);
		rb_le16(n + 8, im->npde_blocks);
		n[0x0a] = im->npde_last ? 0x80 : 0;
		n[0x0b] = im->npde_flags;
	}
	return off + (size_t)im->blocks * 512;
}

/* Make the x86 image at @off (of @blocks) sum to zero. */
static inline void rb_fix_checksum(u8 *b, size_t off, u16 blocks)
{
	size_t i, n = (size_t)blocks * 512;
	u8 sum = 0;

	b[off + n - 1] = 0;
	for (i = 0; i < n; i++)
		sum += b[off + i];
	b[off + n - 1] = (u8)(0x100 - sum);
}

#endif /* GPUIDENT_KUNIT_ROMBUILD_H */
