/* SPDX-License-Identifier: MIT */
/*
 * Measured boot on a TPM backend: TPM2_Startup, SHA-256 measurements
 * extended into PCRs with TPM2_PCR_Extend and recorded in a TCG2 event
 * log, plus the few TPM 2.0 command builders and response parsers this and
 * the tests need. Freestanding, no allocation.
 */
#ifndef SERVICES_TPM_MEASURE_H
#define SERVICES_TPM_MEASURE_H

#include <stddef.h>
#include <stdint.h>

#include "services/tpm/crb.h"
#include "services/tpm/eventlog.h"
#include "services/tpm/sha256.h"

#define TPM2_ST_NO_SESSIONS 0x8001u
#define TPM2_ST_SESSIONS 0x8002u
#define TPM2_CC_STARTUP 0x00000144u
#define TPM2_CC_PCR_EXTEND 0x00000182u
#define TPM2_CC_PCR_READ 0x0000017eu
#define TPM2_RS_PW 0x40000009u
#define TPM2_SU_CLEAR 0x0000u
#define TPM2_RC_SUCCESS 0x000u
#define TPM2_RC_INITIALIZE 0x100u   /* Startup when already started */
#define TPM2_PCR_COUNT 24u

/* Builders: the command's length, or 0 when cap is too small / bad arg. */
uint32_t tpm2_cmd_startup(uint8_t *buf, uint32_t cap, uint16_t type);
uint32_t tpm2_cmd_pcr_extend(uint8_t *buf, uint32_t cap, uint32_t pcr,
			     const uint8_t digest[SHA256_DIGEST_SIZE]);
/* TPM2_PCR_Read of one SHA-256 PCR. */
uint32_t tpm2_cmd_pcr_read(uint8_t *buf, uint32_t cap, uint32_t pcr);

/* The response code, or -1 for a response that is not a TPM 2.0 header
 * whose size field matches len. */
int64_t tpm2_rsp_code(const uint8_t *rsp, uint32_t len);
/* The digest from a successful one-PCR SHA-256 TPM2_PCR_Read: 0 or -1. */
int tpm2_rsp_pcr_read(const uint8_t *rsp, uint32_t len, uint8_t out[SHA256_DIGEST_SIZE]);

enum measured_boot_error {
	MEASURED_BOOT_OK = 0,
	MEASURED_BOOT_ERR_DEVICE = -1,    /* the backend failed (no TPM answer) */
	MEASURED_BOOT_ERR_TPM = -2,       /* the TPM answered with an error code */
	MEASURED_BOOT_ERR_LOG = -3,       /* the event log is full */
	MEASURED_BOOT_ERR_ARG = -4,
};

struct measured_boot {
	const struct tpm_backend *be;
	struct tcg2_log log;
	uint32_t last_rc;      /* the TPM's code for MEASURED_BOOT_ERR_TPM */
	uint8_t cmd[96];
	uint8_t rsp[256];
};

/* TPM2_Startup(CLEAR) (already started is fine) and the log header. */
int measured_boot_start(struct measured_boot *m, const struct tpm_backend *be,
	     volatile uint8_t *log, uint32_t log_cap);
/* Hash [data, data + len), extend PCR `pcr`, log it with `desc` (a
 * NUL-terminated string, logged without the NUL) as the event data. */
int measured_boot_measure(struct measured_boot *m, uint32_t pcr, uint32_t type, const void *data,
	       size_t len, const char *desc);
/* EV_SEPARATOR (digest of four zero bytes) into PCRs first..last. */
int measured_boot_separators(struct measured_boot *m, uint32_t first, uint32_t last);
const char *measured_boot_strerror(int err);

#endif /* SERVICES_TPM_MEASURE_H */
