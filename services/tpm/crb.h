/* SPDX-License-Identifier: MIT */
/*
 * The TPM service's CRB: the TCG PTP idle/ready/complete state machine and
 * locality arbitration behind the DEN0138 calls, over a TPM backend that
 * runs one command at a time. Platform-free and freestanding; all state is
 * in struct tpm_crb (no allocation). The CRB pages are non-secure memory
 * the normal world may change at any moment: every field is read once and
 * validated, commands are copied into secure buffers before use, and the
 * buffer addresses the pages advertise are never read back.
 */
#ifndef SERVICES_TPM_CRB_H
#define SERVICES_TPM_CRB_H

#include <stdbool.h>
#include <stdint.h>

#include "services/tpm_crb_ffa.h"

/* A TPM that runs one command: 0 with *rsp_len set, or -1 when the device
 * failed (no response, timeout, malformed response). */
struct tpm_backend {
	void *ctx;
	int (*submit)(void *ctx, unsigned int locality, const uint8_t *cmd, uint32_t len,
		      uint8_t *rsp, uint32_t cap, uint32_t *rsp_len);
};

enum tpm_crb_state {
	TPM_CRB_IDLE,      /* after reset and goIdle: commands refused */
	TPM_CRB_READY,     /* after cmdReady: a command may be started */
	TPM_CRB_COMPLETE,  /* a response is in the buffer; another may start */
};

#define TPM_CRB_NO_LOCALITY 0xffu

struct tpm_crb {
	volatile uint8_t *pages;      /* TPM_CRB_SIZE bytes of NS memory */
	uint64_t pa;                  /* their physical address */
	const struct tpm_backend *be; /* NULL: no TPM behind the service */
	enum tpm_crb_state state;
	uint8_t active;               /* locality or TPM_CRB_NO_LOCALITY */
	bool established;
	bool fatal;
	uint32_t commands;            /* executed, for diagnostics */
	uint8_t cmd[TPM_CRB_DATA_SIZE];
	uint8_t rsp[TPM_CRB_DATA_SIZE];
};

/* Resets the state machine (idle, no locality) and writes the initial
 * register values into the pages. `be` may be NULL (START is NOTSUP). */
void tpm_crb_init(struct tpm_crb *c, volatile uint8_t *pages, uint64_t pa,
		  const struct tpm_backend *be);

/*
 * One DEN0138 call: fid is x4, args[0..2] are x5..x7 (rewritten with the
 * results, zero when there are none). Returns the DEN0138 status for x4.
 */
uint32_t tpm_crb_call(struct tpm_crb *c, uint64_t fid, uint64_t args[3]);

#endif /* SERVICES_TPM_CRB_H */
