// SPDX-License-Identifier: MIT
/*
 * Byte loops for the freestanding build. The attribute keeps gcc from
 * recognising the loops and emitting calls to memset/memcpy, which do not
 * exist in the firmware.
 */
#include "ffa/codec.h"

#define FFA_NO_LIBCALL __attribute__((optimize("no-tree-loop-distribute-patterns")))

FFA_NO_LIBCALL void ffa_memset(void *dst, int c, size_t n)
{
	uint8_t *d = dst;

	for (size_t i = 0; i < n; i++)
		d[i] = (uint8_t)c;
}

FFA_NO_LIBCALL void ffa_memcpy(void *dst, const void *src, size_t n)
{
	uint8_t *d = dst;
	const uint8_t *s = src;

	for (size_t i = 0; i < n; i++)
		d[i] = s[i];
}
