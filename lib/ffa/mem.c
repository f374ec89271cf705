// SPDX-License-Identifier: MIT
/*
 * memset/memcpy for the freestanding build. The attribute keeps gcc from
 * recognising the loops and emitting calls to memset/memcpy, which do not
 * exist in the firmware.
 *
 * The project's one set of byte helpers (codec, core, partitions,
 * firmware). Word at a time when both ends are 8-byte aligned (the SPMC's
 * own state, page-aligned RX/TX), byte at a time otherwise, so nothing here
 * makes an unaligned access: the firmware's untranslated boot path, where
 * all memory is Device, uses them too (built -mstrict-align there).
 */
#include "ffa/codec.h"

#define FFA_NO_LIBCALL __attribute__((optimize("no-tree-loop-distribute-patterns")))

/* May alias anything: the buffers are descriptors, structs, byte arrays. */
typedef uint64_t __attribute__((may_alias)) ffa_word_t;

static inline bool both_aligned(const void *a, const void *b)
{
	return (((uintptr_t)a | (uintptr_t)b) & (sizeof(ffa_word_t) - 1)) == 0;
}

FFA_NO_LIBCALL void ffa_memset(void *dst, int c, size_t n)
{
	uint8_t *d = dst;

	if (both_aligned(d, d)) {
		ffa_word_t v = 0x0101010101010101ull * (uint8_t)c;

		for (; n >= 4 * sizeof(v); n -= 4 * sizeof(v), d += 4 * sizeof(v)) {
			((ffa_word_t *)d)[0] = v;
			((ffa_word_t *)d)[1] = v;
			((ffa_word_t *)d)[2] = v;
			((ffa_word_t *)d)[3] = v;
		}
		for (; n >= sizeof(v); n -= sizeof(v), d += sizeof(v))
			*(ffa_word_t *)d = v;
	}
	for (size_t i = 0; i < n; i++)
		d[i] = (uint8_t)c;
}

FFA_NO_LIBCALL void ffa_memcpy(void *dst, const void *src, size_t n)
{
	uint8_t *d = dst;
	const uint8_t *s = src;

	if (both_aligned(d, s)) {
		for (; n >= 4 * sizeof(ffa_word_t); n -= 4 * sizeof(ffa_word_t)) {
			ffa_word_t a = ((const ffa_word_t *)s)[0], b = ((const ffa_word_t *)s)[1];
			ffa_word_t e = ((const ffa_word_t *)s)[2], f = ((const ffa_word_t *)s)[3];

			((ffa_word_t *)d)[0] = a;
			((ffa_word_t *)d)[1] = b;
			((ffa_word_t *)d)[2] = e;
			((ffa_word_t *)d)[3] = f;
			d += 4 * sizeof(ffa_word_t);
			s += 4 * sizeof(ffa_word_t);
		}
		for (; n >= sizeof(ffa_word_t); n -= sizeof(ffa_word_t)) {
			*(ffa_word_t *)d = *(const ffa_word_t *)s;
			d += sizeof(ffa_word_t);
			s += sizeof(ffa_word_t);
		}
	}
	for (size_t i = 0; i < n; i++)
		d[i] = s[i];
}

/* Overlapping ranges allowed: forward when the copy cannot clobber its source. */
FFA_NO_LIBCALL void ffa_memmove(void *dst, const void *src, size_t n)
{
	uint8_t *d = dst;
	const uint8_t *s = src;

	if (d == s || n == 0)
		return;
	if (d < s || d >= s + n) {
		ffa_memcpy(dst, src, n);
		return;
	}
	for (size_t i = n; i > 0; i--)
		d[i - 1] = s[i - 1];
}

int ffa_memcmp(const void *a, const void *b, size_t n)
{
	const uint8_t *x = a, *y = b;

	for (size_t i = 0; i < n; i++)
		if (x[i] != y[i])
			return x[i] < y[i] ? -1 : 1;
	return 0;
}
