/* SPDX-License-Identifier: MIT */
/*
 * Little-endian field access for descriptors in untrusted, possibly
 * unaligned buffers. Firmware runs with the MMU off (Device memory, so no
 * unaligned access): bytewise loads, and stores that -mstrict-align keeps
 * bytewise there.
 */
#ifndef FFA_WIRE_H
#define FFA_WIRE_H

#include <stdint.h>

static inline uint16_t ffa_ld16(const uint8_t *p)
{
	return (uint16_t)(p[0] | (uint16_t)p[1] << 8);
}

static inline uint32_t ffa_ld32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[3] << 24;
}

static inline uint64_t ffa_ld64(const uint8_t *p)
{
	return (uint64_t)ffa_ld32(p) | (uint64_t)ffa_ld32(p + 4) << 32;
}

/*
 * Hosted, a store is one fixed-size copy of the value (unaligned access is
 * fine there): byte-by-byte shifts defeat gcc's store merging once several
 * fields sit side by side (it rebuilds them byte-wise in a vector register).
 * Freestanding (the firmware, -mstrict-align) gcc would turn those copies
 * into memcpy calls, which do not exist there: the stores stay bytewise.
 */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ && __STDC_HOSTED__
static inline void ffa_st16(uint8_t *p, uint16_t v)
{
	__builtin_memcpy(p, &v, sizeof(v));
}

static inline void ffa_st32(uint8_t *p, uint32_t v)
{
	__builtin_memcpy(p, &v, sizeof(v));
}

static inline void ffa_st64(uint8_t *p, uint64_t v)
{
	__builtin_memcpy(p, &v, sizeof(v));
}
#else
static inline void ffa_st16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
}

static inline void ffa_st32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
	p[2] = (uint8_t)(v >> 16);
	p[3] = (uint8_t)(v >> 24);
}

static inline void ffa_st64(uint8_t *p, uint64_t v)
{
	ffa_st32(p, (uint32_t)v);
	ffa_st32(p + 4, (uint32_t)(v >> 32));
}
#endif

#endif /* FFA_WIRE_H */
