/* SPDX-License-Identifier: MIT */
/*
 * A software stand-in for a TPM 2.0 with the few commands measured boot
 * and the CRB tests use (Startup, PCR_Extend and PCR_Read on a SHA-256
 * bank); anything else is answered TPM_RC_COMMAND_CODE. It can be told to
 * fail like a broken device. Exposed as a struct tpm_backend.
 */
#ifndef TESTS_TPM_FAKETPM_H
#define TESTS_TPM_FAKETPM_H

#include <stdbool.h>
#include <stdint.h>

#include "services/tpm/crb.h"
#include "services/tpm/sha256.h"

#define FAKETPM_RC_COMMAND_CODE 0x143u

struct faketpm {
	bool started;
	uint8_t pcr[24][SHA256_DIGEST_SIZE];
	unsigned int calls;
	unsigned int last_locality;
	uint32_t last_len;
	uint8_t last_cmd[4096];
	/* Misbehaviour on the next call(s). */
	bool fail;                /* submit returns -1 */
	bool bad_size;            /* response size field disagrees */
	uint32_t reply_len;       /* nonzero: reply exactly this long (echo) */
};

void faketpm_reset(struct faketpm *t);
int faketpm_submit(void *ctx, unsigned int locality, const uint8_t *cmd, uint32_t len,
		   uint8_t *rsp, uint32_t cap, uint32_t *rsp_len);
/* A backend bound to t. */
void faketpm_backend(struct faketpm *t, struct tpm_backend *be);

#endif /* TESTS_TPM_FAKETPM_H */
