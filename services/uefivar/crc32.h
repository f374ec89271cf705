/* SPDX-License-Identifier: MIT */
/*
 * CRC-32 (the IEEE 802.3 polynomial, reflected), bitwise: the store checks
 * a few KiB at mount and per write, so a table would buy nothing but size.
 */
#ifndef SERVICES_UEFIVAR_CRC32_H
#define SERVICES_UEFIVAR_CRC32_H

#include <stdint.h>

#define UV_CRC32_INIT 0xffffffffu

static inline uint32_t uv_crc32_update(uint32_t crc, const uint8_t *p, uint32_t n)
{
	for (uint32_t i = 0; i < n; i++) {
		crc ^= p[i];
		for (unsigned int b = 0; b < 8u; b++)
			crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
	}
	return crc;
}

static inline uint32_t uv_crc32_final(uint32_t crc)
{
	return ~crc;
}

static inline uint32_t uv_crc32(const uint8_t *p, uint32_t n)
{
	return uv_crc32_final(uv_crc32_update(UV_CRC32_INIT, p, n));
}

#endif /* SERVICES_UEFIVAR_CRC32_H */
