// SPDX-License-Identifier: MIT
/*
 * The four functions GCC may emit calls to even in freestanding code (for
 * struct copies and initialisers), on the helpers of util.c.
 */
#include <stddef.h>

#include "fw/common/util.h"

void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);

void *memcpy(void *dst, const void *src, size_t n)
{
	fw_memmove(dst, src, n);
	return dst;
}

void *memmove(void *dst, const void *src, size_t n)
{
	fw_memmove(dst, src, n);
	return dst;
}

void *memset(void *dst, int c, size_t n)
{
	fw_memset(dst, c, n);
	return dst;
}

int memcmp(const void *a, const void *b, size_t n)
{
	return fw_memcmp(a, b, n);
}
