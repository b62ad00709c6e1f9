/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The one place where the gpuident core meets its environment.
 *
 * The parsers, decoders, knowledge base and classifier under kmod/core/ are
 * compiled unchanged into the kernel module and into the userspace tool.
 * They include nothing but this header, which maps the few things they need
 * (fixed-width types, bool, NULL, memcmp/memcpy/memset/strlen, snprintf,
 * static_assert) to
 * the kernel or to libc.
 */
#ifndef GPUIDENT_COMPAT_H
#define GPUIDENT_COMPAT_H

#ifdef __KERNEL__
#include <linux/types.h>
#include <linux/string.h>
#include <linux/kernel.h>
#else
#include <assert.h>		/* static_assert, as <linux/build_bug.h> */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int32_t s32;
#endif

#define GI_ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/*
 * Bounds-checked little-endian reads. Every access to firmware bytes goes
 * through these: a VBIOS is hostile input, and an offset taken from it is
 * never trusted. They return false (and leave *v untouched) when the field
 * does not lie entirely inside [0, len).
 */
static inline bool gi_in_bounds(size_t len, size_t off, size_t n)
{
	return off <= len && n <= len - off;
}

static inline bool gi_rd8(const u8 *b, size_t len, size_t off, u8 *v)
{
	if (!gi_in_bounds(len, off, 1))
		return false;
	*v = b[off];
	return true;
}

static inline bool gi_rd16(const u8 *b, size_t len, size_t off, u16 *v)
{
	if (!gi_in_bounds(len, off, 2))
		return false;
	*v = (u16)(b[off] | (b[off + 1] << 8));
	return true;
}

static inline bool gi_rd32(const u8 *b, size_t len, size_t off, u32 *v)
{
	if (!gi_in_bounds(len, off, 4))
		return false;
	*v = (u32)b[off] | ((u32)b[off + 1] << 8) | ((u32)b[off + 2] << 16) |
	     ((u32)b[off + 3] << 24);
	return true;
}

/* Unchecked forms, for offsets the caller has already bounds-checked. */
static inline u16 gi_le16(const u8 *p)
{
	return (u16)(p[0] | (p[1] << 8));
}

static inline u32 gi_le32(const u8 *p)
{
	return (u32)p[0] | ((u32)p[1] << 8) | ((u32)p[2] << 16) |
	       ((u32)p[3] << 24);
}

#endif /* GPUIDENT_COMPAT_H */
