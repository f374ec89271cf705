/* SPDX-License-Identifier: MIT */
/*
 * SHA-256 (FIPS 180-4), freestanding and allocation-free: what measured
 * boot extends into the TPM and what the tests recompute. Input may be
 * anywhere, including device memory: it is read a byte at a time.
 */
#ifndef SERVICES_TPM_SHA256_H
#define SERVICES_TPM_SHA256_H

#include <stddef.h>
#include <stdint.h>

#define SHA256_DIGEST_SIZE 32u
#define SHA256_BLOCK_SIZE 64u

struct sha256 {
	uint32_t h[8];
	uint64_t total;                  /* bytes hashed so far */
	uint32_t fill;                   /* bytes waiting in block */
	uint8_t block[SHA256_BLOCK_SIZE];
};

void sha256_init(struct sha256 *s);
void sha256_update(struct sha256 *s, const void *data, size_t len);
void sha256_final(struct sha256 *s, uint8_t out[SHA256_DIGEST_SIZE]);
/* One-shot. */
void sha256(const void *data, size_t len, uint8_t out[SHA256_DIGEST_SIZE]);

#endif /* SERVICES_TPM_SHA256_H */
