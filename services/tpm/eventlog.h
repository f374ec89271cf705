/* SPDX-License-Identifier: MIT */
/*
 * A TCG2 crypto-agile event log (TCG PC Client PFP): a TCG_PCR_EVENT
 * header in the SHA-1 format carrying the "Spec ID Event03" structure that
 * declares the digest algorithms (SHA-256 only here), then TCG_PCR_EVENT2
 * entries. What Linux exposes as binary_bios_measurements. Little-endian,
 * written a byte at a time (the buffer may be device memory).
 */
#ifndef SERVICES_TPM_EVENTLOG_H
#define SERVICES_TPM_EVENTLOG_H

#include <stdint.h>

#include "services/tpm/sha256.h"

#define TCG_EV_POST_CODE 0x00000001u
#define TCG_EV_NO_ACTION 0x00000003u
#define TCG_EV_SEPARATOR 0x00000004u
#define TCG_EV_TABLE_OF_DEVICES 0x0000000bu
#define TCG_EV_IPL 0x0000000du

#define TPM2_ALG_SHA256 0x000bu

/* Sizes: the header (SpecID event) and one SHA-256 event with n bytes. */
#define TCG2_LOG_HEADER_SIZE (32u + 33u)
#define TCG2_LOG_EVENT_SIZE(n) (4u + 4u + 4u + 2u + SHA256_DIGEST_SIZE + 4u + (n))

struct tcg2_log {
	volatile uint8_t *buf;
	uint32_t cap;
	uint32_t len;
};

enum tcg2_log_error {
	TCG2_LOG_OK = 0,
	TCG2_LOG_NOSPACE = -1,
};

/* Zeroes buf (a zero event ends the log for readers) and writes the header. */
int tcg2_log_init(struct tcg2_log *l, volatile uint8_t *buf, uint32_t cap);
int tcg2_log_add(struct tcg2_log *l, uint32_t pcr, uint32_t type,
		 const uint8_t digest[SHA256_DIGEST_SIZE], const void *data, uint32_t len);

#endif /* SERVICES_TPM_EVENTLOG_H */
