// SPDX-License-Identifier: MIT
/*
 * TCG2 event log writer (see eventlog.h for the format).
 */
#include "services/tpm/eventlog.h"

static const char spec_id_sig[16] = "Spec ID Event03";

static void put8(struct tcg2_log *l, uint8_t v)
{
	l->buf[l->len++] = v;
}

static void put16(struct tcg2_log *l, uint16_t v)
{
	put8(l, (uint8_t)v);
	put8(l, (uint8_t)(v >> 8));
}

static void put32(struct tcg2_log *l, uint32_t v)
{
	put16(l, (uint16_t)v);
	put16(l, (uint16_t)(v >> 16));
}

static void put_bytes(struct tcg2_log *l, const void *p, uint32_t n)
{
	const uint8_t *b = p;

	for (uint32_t i = 0; i < n; i++)
		put8(l, b[i]);
}

int tcg2_log_init(struct tcg2_log *l, volatile uint8_t *buf, uint32_t cap)
{
	l->buf = buf;
	l->cap = cap;
	l->len = 0;
	if (cap < TCG2_LOG_HEADER_SIZE)
		return TCG2_LOG_NOSPACE;
	for (uint32_t i = 0; i < cap; i++)
		buf[i] = 0;
	/* TCG_PCR_EVENT: PCR 0, EV_NO_ACTION, 20-byte zero digest. */
	put32(l, 0);
	put32(l, TCG_EV_NO_ACTION);
	for (unsigned int i = 0; i < 20; i++)
		put8(l, 0);
	put32(l, TCG2_LOG_HEADER_SIZE - 32u);
	/* TCG_EfiSpecIDEventStruct: client platform class, spec 2.0
	 * errata 2, UINTN = 64 bits (2), one algorithm, no vendor info. */
	put_bytes(l, spec_id_sig, sizeof(spec_id_sig));
	put32(l, 0);
	put8(l, 0);
	put8(l, 2);
	put8(l, 2);
	put8(l, 2);
	put32(l, 1);
	put16(l, TPM2_ALG_SHA256);
	put16(l, SHA256_DIGEST_SIZE);
	put8(l, 0);
	return TCG2_LOG_OK;
}

int tcg2_log_add(struct tcg2_log *l, uint32_t pcr, uint32_t type,
		 const uint8_t digest[SHA256_DIGEST_SIZE], const void *data, uint32_t len)
{
	uint32_t need = TCG2_LOG_EVENT_SIZE(len);

	if (len > l->cap || need < len || need > l->cap - l->len)
		return TCG2_LOG_NOSPACE;
	put32(l, pcr);
	put32(l, type);
	put32(l, 1);
	put16(l, TPM2_ALG_SHA256);
	put_bytes(l, digest, SHA256_DIGEST_SIZE);
	put32(l, len);
	put_bytes(l, data, len);
	return TCG2_LOG_OK;
}
