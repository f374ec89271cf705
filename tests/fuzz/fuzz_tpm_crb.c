// SPDX-License-Identifier: MIT
/*
 * Fuzz target: the TPM service's CRB state machine (services/tpm/crb.h)
 * behind DEN0138 calls. The input is a sequence of operations: the normal
 * world writing bytes anywhere in the five CRB pages (which it may do at
 * any moment), a DEN0138 call with chosen function ID and x5..x7, or a
 * change of how the TPM behind it answers (valid response, full buffer,
 * device failure, a chosen length, even past the buffer). The pages are an allocation of exactly
 * TPM_CRB_SIZE bytes, so any access past them is an ASan report. Checked
 * after every call: a known status, a valid state and locality, and that
 * the backend is only handed commands that fit the data buffer.
 *
 * Input: op byte (modulo 3), then
 *   0  off-u16 len-u8 bytes...        write into the CRB pages
 *   1  fid-sel arg-sel x3 [values]    tpm_crb_call (see call_op)
 *   2  mode len-u16                   how the fake TPM answers next
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "services/tpm/crb.h"
#include "services/tpm_crb_ffa.h"
#include "tests/fuzz/fz_input.h"

#define CRB_PA 0x7f000000ull
#define OPS_MAX 256u

static volatile uint8_t *pages;
static struct tpm_crb crb;
static uint8_t be_mode;
static uint16_t be_len;

/* The TPM: answers within the backend contract in the way the input chose. */
static int fake_submit(void *ctx, unsigned int locality, const uint8_t *cmd, uint32_t len,
		       uint8_t *rsp, uint32_t cap, uint32_t *rsp_len)
{
	uint32_t n;
	uint8_t sum = 0;

	(void)ctx;
	FZ_REQUIRE(locality <= TPM_FFA_MAX_LOCALITY, "command for a locality that does not exist");
	FZ_REQUIRE(len <= TPM_CRB_DATA_SIZE, "command larger than the CRB data buffer");
	FZ_REQUIRE(cap >= TPM2_HEADER_SIZE, "response buffer too small for a header");
	for (uint32_t i = 0; i < len; i++)
		sum ^= cmd[i];                  /* every byte must be readable */
	switch (be_mode % 4u) {
	case 0:
		n = TPM2_HEADER_SIZE;
		break;
	case 1:
		n = cap;
		break;
	case 2:
		return -1;
	default:
		n = be_len;                     /* may claim more than cap: a broken TPM */
		break;
	}
	memset(rsp, sum, n < cap ? n : cap);
	if (n >= TPM2_HEADER_SIZE && n <= cap) {
		rsp[0] = 0x80;
		rsp[1] = 0x01;
		rsp[2] = (uint8_t)(n >> 24);
		rsp[3] = (uint8_t)(n >> 16);
		rsp[4] = (uint8_t)(n >> 8);
		rsp[5] = (uint8_t)n;
	}
	*rsp_len = n;
	return 0;
}

static const struct tpm_backend backend = { .ctx = NULL, .submit = fake_submit };

static bool known_status(uint32_t st)
{
	switch (st) {
	case TPM_FFA_OK: case TPM_FFA_OK_RESULTS_RETURNED: case TPM_FFA_NOFUNC:
	case TPM_FFA_NOTSUP: case TPM_FFA_INVARG: case TPM_FFA_INV_CRB_CTRL_DATA:
	case TPM_FFA_ALREADY: case TPM_FFA_DENIED: case TPM_FFA_NOMEM:
		return true;
	default:
		return false;
	}
}

static uint64_t arg(struct fz_in *in, uint8_t sel)
{
	switch (sel % 4u) {
	case 0:
		return fz_u8(in) % 4u;          /* START's kinds and small values */
	case 1:
		return fz_u8(in) % 8u;          /* localities, valid and not */
	case 2:
		return fz_u32(in);
	default:
		return fz_u64(in);
	}
}

static void call_op(struct fz_in *in)
{
	static const uint64_t fids[] = {
		TPM_FFA_GET_INTERFACE_VERSION, TPM_FFA_GET_FEATURE_INFO, TPM_FFA_START,
		TPM_FFA_START, TPM_FFA_REGISTER_FOR_NOTIFICATION,
		TPM_FFA_UNREGISTER_FROM_NOTIFICATION, TPM_FFA_FINISH_NOTIFIED,
	};
	uint8_t fsel = fz_u8(in), asel = fz_u8(in);
	uint64_t fid = fsel < 0xF0 ? fids[fsel % 7u] : fz_u64(in);
	uint64_t args[3];
	uint32_t st;

	for (unsigned int i = 0; i < 3; i++)
		args[i] = arg(in, (uint8_t)(asel >> (2 * i)));
	st = tpm_crb_call(&crb, fid, args);
	FZ_REQUIRE(known_status(st), "unknown DEN0138 status");
	FZ_REQUIRE(crb.state == TPM_CRB_IDLE || crb.state == TPM_CRB_READY ||
		   crb.state == TPM_CRB_COMPLETE, "CRB state out of range");
	FZ_REQUIRE(crb.active <= TPM_FFA_MAX_LOCALITY || crb.active == TPM_CRB_NO_LOCALITY,
		   "active locality out of range");
}

static void write_op(struct fz_in *in)
{
	uint16_t off = fz_u16(in);
	uint8_t len = fz_u8(in);

	for (uint8_t i = 0; i < len; i++)
		pages[(off + i) % TPM_CRB_SIZE] = fz_u8(in);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fz_in in = { data, size };

	if (!pages) {
		pages = malloc(TPM_CRB_SIZE);
		FZ_REQUIRE(pages != NULL, "out of memory");
	}
	memset((void *)pages, 0, TPM_CRB_SIZE);
	be_mode = 0;
	be_len = 0;
	/* Byte 0 bit 7: no TPM behind the service (START must say NOTSUP). */
	tpm_crb_init(&crb, pages, CRB_PA, size && (data[0] & 0x80u) ? NULL : &backend);
	for (unsigned int ops = 0; fz_more(&in) && ops < OPS_MAX; ops++) {
		switch (fz_u8(&in) % 3u) {
		case 0:
			write_op(&in);
			break;
		case 1:
			call_op(&in);
			break;
		default:
			be_mode = fz_u8(&in);
			be_len = fz_u16(&in);
			break;
		}
	}
	return 0;
}
