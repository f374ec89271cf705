/* SPDX-License-Identifier: MIT */
/*
 * Byte order, for every wire format the project reads or writes: FF-A
 * descriptors and TCG event logs are little-endian; FDT, fw_cfg and TPM 2.0
 * commands are big-endian. The buffers come from other worlds at any
 * alignment and may change under us, so every field is loaded once, byte
 * by byte, never assuming the host's order or the buffer's alignment.
 */
#ifndef COMMON_BYTEORDER_H
#define COMMON_BYTEORDER_H

#ifdef __KERNEL__
#include <linux/types.h>
#else
#include <stdint.h>
#endif

static inline uint16_t load_le16(const void *p)
{
	const uint8_t *b = p;

	return (uint16_t)(b[0] | (uint16_t)b[1] << 8);
}

static inline uint32_t load_le32(const void *p)
{
	const uint8_t *b = p;

	return (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 |
	       (uint32_t)b[3] << 24;
}

static inline uint64_t load_le64(const void *p)
{
	return (uint64_t)load_le32(p) | (uint64_t)load_le32((const uint8_t *)p + 4) << 32;
}

/*
 * Hosted, a little-endian store is one fixed-size copy of the value
 * (unaligned access is fine there): byte-by-byte shifts defeat gcc's store
 * merging once several fields sit side by side (it rebuilds them byte-wise
 * in a vector register). Freestanding (the firmware, where gcc would turn
 * those copies into memcpy calls that do not exist) they stay bytewise.
 */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ && __STDC_HOSTED__ && \
	!defined(__KERNEL__)
static inline void store_le16(void *p, uint16_t v)
{
	__builtin_memcpy(p, &v, sizeof(v));
}

static inline void store_le32(void *p, uint32_t v)
{
	__builtin_memcpy(p, &v, sizeof(v));
}

static inline void store_le64(void *p, uint64_t v)
{
	__builtin_memcpy(p, &v, sizeof(v));
}
#else
static inline void store_le16(void *p, uint16_t v)
{
	uint8_t *b = p;

	b[0] = (uint8_t)v;
	b[1] = (uint8_t)(v >> 8);
}

static inline void store_le32(void *p, uint32_t v)
{
	uint8_t *b = p;

	b[0] = (uint8_t)v;
	b[1] = (uint8_t)(v >> 8);
	b[2] = (uint8_t)(v >> 16);
	b[3] = (uint8_t)(v >> 24);
}

static inline void store_le64(void *p, uint64_t v)
{
	store_le32(p, (uint32_t)v);
	store_le32((uint8_t *)p + 4, (uint32_t)(v >> 32));
}
#endif

static inline uint16_t load_be16(const void *p)
{
	const uint8_t *b = p;

	return (uint16_t)((uint16_t)b[0] << 8 | b[1]);
}

static inline uint32_t load_be32(const void *p)
{
	const uint8_t *b = p;

	return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

static inline uint64_t load_be64(const void *p)
{
	return (uint64_t)load_be32(p) << 32 | load_be32((const uint8_t *)p + 4);
}

static inline void store_be16(void *p, uint16_t v)
{
	uint8_t *b = p;

	b[0] = (uint8_t)(v >> 8);
	b[1] = (uint8_t)v;
}

static inline void store_be32(void *p, uint32_t v)
{
	store_be16(p, (uint16_t)(v >> 16));
	store_be16((uint8_t *)p + 2, (uint16_t)v);
}

static inline void store_be64(void *p, uint64_t v)
{
	store_be32(p, (uint32_t)(v >> 32));
	store_be32((uint8_t *)p + 4, (uint32_t)v);
}

#endif /* COMMON_BYTEORDER_H */
