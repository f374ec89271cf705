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

#define FW_ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

void fw_memmove(void *dst, const void *src, size_t n);
void fw_memset(void *dst, int c, size_t n);
int fw_memcmp(const void *a, const void *b, size_t n);
size_t fw_strlen(const char *s);
/* Length of s, or max when no NUL occurs in the first max bytes. */
size_t fw_strnlen(const char *s, size_t max);
int fw_streq(const char *a, const char *b);

/* Big-endian accessors for wire formats (FDT, fw_cfg); no alignment needed. */
static inline uint32_t fw_be32(const void *p)
{
	const uint8_t *b = p;

	return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

static inline uint64_t fw_be64(const void *p)
{
	return (uint64_t)fw_be32(p) << 32 | fw_be32((const uint8_t *)p + 4);
}

static inline void fw_put_be32(void *p, uint32_t v)
{
	uint8_t *b = p;

	b[0] = (uint8_t)(v >> 24);
	b[1] = (uint8_t)(v >> 16);
	b[2] = (uint8_t)(v >> 8);
	b[3] = (uint8_t)v;
}

static inline void fw_put_be64(void *p, uint64_t v)
{
	fw_put_be32(p, (uint32_t)(v >> 32));
	fw_put_be32((uint8_t *)p + 4, (uint32_t)v);
}

static inline uint32_t fw_le32(const void *p)
{
	const uint8_t *b = p;

	return (uint32_t)b[3] << 24 | (uint32_t)b[2] << 16 | (uint32_t)b[1] << 8 | b[0];
}

static inline uint64_t fw_le64(const void *p)
{
	return (uint64_t)fw_le32((const uint8_t *)p + 4) << 32 | fw_le32(p);
}

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
