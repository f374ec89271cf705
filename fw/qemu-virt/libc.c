// SPDX-License-Identifier: MIT
/*
 * The four functions GCC may emit calls to even in freestanding code (for
 * struct copies and initialisers). Everything they are used on is Normal
 * memory once translation is on, so whole words are copied where both
 * pointers allow; memory read from the normal world never comes through
 * here unchecked (the codec reads descriptor fields itself, common/byteorder.h).
 * The word loops are only taken on 8-byte aligned addresses, which is also
 * safe on the Device memory of the untranslated boot path.
 */
#include <stddef.h>
#include <stdint.h>

#include "fw/common/util.h"

void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);

static int words(const void *a, const void *b, size_t n)
{
	return (((uintptr_t)a | (uintptr_t)b | n) & 7u) == 0;
}

void *memcpy(void *dst, const void *src, size_t n)
{
	uint8_t *d = dst;
	const uint8_t *s = src;

	/* Overlapping copies are memmove's job; forward is fine for d < s. */
	if ((d > s && d < s + n) || !words(d, s, n)) {
		ffa_memmove(dst, src, n);
		return dst;
	}
	for (size_t i = 0; i < n; i += 8)
		*(uint64_t *)(void *)(d + i) = *(const uint64_t *)(const void *)(s + i);
	return dst;
}

void *memmove(void *dst, const void *src, size_t n)
{
	ffa_memmove(dst, src, n);
	return dst;
}

void *memset(void *dst, int c, size_t n)
{
	uint8_t *d = dst;
	uint64_t v = (uint8_t)c * 0x0101010101010101ull;

	if (!words(d, d, n)) {
		ffa_memset(dst, c, n);
		return dst;
	}
	for (size_t i = 0; i < n; i += 8)
		*(uint64_t *)(void *)(d + i) = v;
	return dst;
}

int memcmp(const void *a, const void *b, size_t n)
{
	return ffa_memcmp(a, b, n);
}
