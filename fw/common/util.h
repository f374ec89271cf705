/* SPDX-License-Identifier: MIT */
/*
 * Small helpers shared by the platform-independent firmware code. That code
 * is compiled twice: freestanding into fw.bin and hosted (with sanitizers)
 * into the unit tests, so it calls no libc at all and uses these instead.
 */
#ifndef FW_COMMON_UTIL_H
#define FW_COMMON_UTIL_H

#include <stddef.h>
#include <stdint.h>

/* Byte order for the wire formats (FDT, fw_cfg, TPM): one owner for all. */
#include "common/byteorder.h"

#define FW_ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* The byte helpers, ffa_memset/memcpy/memmove/memcmp, are the codec's. */
#include "ffa/codec.h"

size_t fw_strlen(const char *s);
/* Length of s, or max when no NUL occurs in the first max bytes. */
size_t fw_strnlen(const char *s, size_t max);
int fw_streq(const char *a, const char *b);

/* Round v up to a power-of-two alignment; false if that overflows. */
static inline int fw_align_up(uint64_t v, uint64_t align, uint64_t *out)
{
	uint64_t r = (v + (align - 1)) & ~(align - 1);

	if (r < v)
		return 0;
	*out = r;
	return 1;
}

/* Keeps the compiler from reordering or caching memory accesses across it. */
#define fw_compiler_barrier() __asm__ volatile("" ::: "memory")

/*
 * A bounded snprintf for the firmware's console: %s %c %d %u %x %lx %llx
 * %lu %ld %llu %lld %p and %%, with an optional zero-pad width (%08x).
 * Always NUL-terminates (when size > 0); returns the characters written.
 */
size_t fw_vformat(char *buf, size_t size, const char *fmt, __builtin_va_list ap);
size_t fw_format(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif /* FW_COMMON_UTIL_H */
