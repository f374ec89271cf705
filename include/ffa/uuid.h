/* SPDX-License-Identifier: MIT */
/*
 * UUIDs as FF-A carries them. A UUID is kept as its 16 bytes in RFC 4122
 * string order (the order "17b862a4-1806-..." is written in). On the wire:
 *  - PARTITION_INFO_GET w1..w4 and the v1.1 partition info descriptor hold
 *    the bytes as four little-endian 32-bit words: w1 = bytes 0-3 read
 *    little-endian, i.e. for 17b862a4-... w1 = 0xa462b817.
 *  - DIRECT_REQ2 x2/x3 and PARTITION_INFO_GET_REGS hold bytes 0-7 and 8-15
 *    as little-endian 64-bit words.
 */
#ifndef FFA_UUID_H
#define FFA_UUID_H

#ifdef __KERNEL__
#include <linux/types.h>
#else
#include <stdbool.h>
#include <stdint.h>
#endif

struct ffa_uuid {
	uint8_t b[16];
};

static inline uint32_t ffa_uuid_word(const struct ffa_uuid *u, unsigned int i)
{
	const uint8_t *p = &u->b[4 * i];

	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[3] << 24;
}

/* Constant indices throughout, so compilers merge the byte stores. */
static inline void ffa_uuid_put_word(struct ffa_uuid *u, unsigned int i, uint32_t w)
{
	u->b[4 * i] = (uint8_t)w;
	u->b[4 * i + 1] = (uint8_t)(w >> 8);
	u->b[4 * i + 2] = (uint8_t)(w >> 16);
	u->b[4 * i + 3] = (uint8_t)(w >> 24);
}

static inline void ffa_uuid_from_words(struct ffa_uuid *u, uint32_t w0,
				       uint32_t w1, uint32_t w2, uint32_t w3)
{
	ffa_uuid_put_word(u, 0, w0);
	ffa_uuid_put_word(u, 1, w1);
	ffa_uuid_put_word(u, 2, w2);
	ffa_uuid_put_word(u, 3, w3);
}

static inline uint64_t ffa_uuid_half(const struct ffa_uuid *u, unsigned int half)
{
	return (uint64_t)ffa_uuid_word(u, 2 * half) |
	       (uint64_t)ffa_uuid_word(u, 2 * half + 1) << 32;
}

static inline void ffa_uuid_from_halves(struct ffa_uuid *u, uint64_t lo, uint64_t hi)
{
	ffa_uuid_from_words(u, (uint32_t)lo, (uint32_t)(lo >> 32), (uint32_t)hi,
			    (uint32_t)(hi >> 32));
}

static inline bool ffa_uuid_equal(const struct ffa_uuid *a, const struct ffa_uuid *b)
{
	for (unsigned int i = 0; i < 16; i++)
		if (a->b[i] != b->b[i])
			return false;
	return true;
}

static inline bool ffa_uuid_is_nil(const struct ffa_uuid *u)
{
	for (unsigned int i = 0; i < 16; i++)
		if (u->b[i])
			return false;
	return true;
}

/* Initialiser from the canonical string's bytes, in order. */
#define FFA_UUID_INIT(b0, b1, b2, b3, b4, b5, b6, b7, b8, b9, b10, b11, b12, \
		      b13, b14, b15)                                       \
	{ { b0, b1, b2, b3, b4, b5, b6, b7, b8, b9, b10, b11, b12, b13, b14, b15 } }

/* Services this project provides (see docs/ and ../shared/docs/services.md). */
/* 17b862a4-1806-4faf-86b3-089a58353861: TPM over FF-A (DEN0138). */
#define FFA_UUID_TPM_CRB FFA_UUID_INIT(0x17, 0xb8, 0x62, 0xa4, 0x18, 0x06, 0x4f, 0xaf, \
				       0x86, 0xb3, 0x08, 0x9a, 0x58, 0x35, 0x38, 0x61)
/* ed32d533-99e6-4209-9cc0-2d72cdd998a7: UEFI variables (MM communicate). */
#define FFA_UUID_UEFI_VAR FFA_UUID_INIT(0xed, 0x32, 0xd5, 0x33, 0x99, 0xe6, 0x42, 0x09, \
					0x9c, 0xc0, 0x2d, 0x72, 0xcd, 0xd9, 0x98, 0xa7)
/* 378daedc-f06b-4446-8314-40ab933c87a3: edk2 StandaloneMM convention. */
#define FFA_UUID_EDK2_MM FFA_UUID_INIT(0x37, 0x8d, 0xae, 0xdc, 0xf0, 0x6b, 0x44, 0x46, \
				       0x83, 0x14, 0x40, 0xab, 0x93, 0x3c, 0x87, 0xa3)
/* 5f3a1b7e-9c2d-4e8f-a601-ffa57ac4e500: ffa-stack test partition (ours). */
#define FFA_UUID_FFA_STACK_TEST FFA_UUID_INIT(0x5f, 0x3a, 0x1b, 0x7e, 0x9c, 0x2d, 0x4e, 0x8f, \
					      0xa6, 0x01, 0xff, 0xa5, 0x7a, 0xc4, 0xe5, 0x00)

#endif /* FFA_UUID_H */
