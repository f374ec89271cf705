/* SPDX-License-Identifier: MIT */
/* Replays a TCG2 SHA-256 event log into PCR values, as a verifier would. */
#ifndef TESTS_TPM_REPLAY_H
#define TESTS_TPM_REPLAY_H

#include <stdint.h>

#include "services/tpm/sha256.h"

/* Number of TCG_PCR_EVENT2 entries replayed, or -1 for a malformed log. */
int replay_log(const uint8_t *log, uint32_t len, uint8_t pcr[24][SHA256_DIGEST_SIZE]);
/* SHA-256 over PCR 0..9 in order: IMA's sha256 boot_aggregate (6.12). */
void boot_aggregate(uint8_t pcr[24][SHA256_DIGEST_SIZE], uint8_t out[SHA256_DIGEST_SIZE]);

#endif /* TESTS_TPM_REPLAY_H */
