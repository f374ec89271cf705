// SPDX-License-Identifier: MIT
/*
 * The TPM partition behind the real SPMC core: what the normal world's
 * SMCs get back (DIRECT_REQ 32/64 and REQ2 framing as DEN0138 puts it,
 * discovery by UUID), so the core accepts the partition as the firmware
 * registers it.
 */
#include <string.h>

#include "services/tpm/tpm_sp.h"
#include "tests/harness/check.h"
#include "tests/tpm/tcrb.h"

static struct spmc core;
static struct spmc_partition part;

static uint8_t *ns_ptr(void *ctx, uint64_t pa, uint64_t size)
{
	(void)ctx;
	(void)pa;
	(void)size;
	return NULL;   /* no RX/TX buffers needed here */
}

static void boot(void)
{
	static const struct spmc_platform plat = { .ns_ptr = ns_ptr };
	const struct spmc_partition *parts[] = { &part };

	tpm_sp_partition(&part, &tcrb);
	CHECK_EQ(spmc_init(&core, &plat, parts, 1), FFA_RET_SUCCESS);
}

static struct ffa_regs smc(uint64_t x0, uint64_t x1, uint64_t x2, uint64_t x3, uint64_t x4,
			   uint64_t x5, uint64_t x6)
{
	struct ffa_regs r = { .x = { x0, x1, x2, x3, x4, x5, x6 } };

	spmc_ns_call(&core, &r);
	return r;
}

#define DEST ((uint64_t)TPM_FFA_ID)

/* GET_INTERFACE_VERSION by DIRECT_REQ fid, answered with resp_fid; returns the frame. */
static struct ffa_regs version_by(uint64_t fid, uint64_t resp_fid)
{
	struct ffa_regs r;

	boot();
	r = smc(fid, DEST, 0, 0, TPM_FFA_GET_INTERFACE_VERSION, 0, 0);
	CHECK_EQ(r.x[0], resp_fid);
	CHECK_EQ(r.x[4], TPM_FFA_OK_RESULTS_RETURNED);
	CHECK_EQ(r.x[5], TPM_FFA_VERSION_1_0);
	return r;
}

TEST(spmc_tpm_version_req64)
{
	struct ffa_regs r = version_by(FFA_MSG_SEND_DIRECT_REQ_64, FFA_MSG_SEND_DIRECT_RESP_64);

	CHECK_EQ(r.x[1], DEST << 16);
	CHECK_EQ(r.x[3], 0);
}

TEST(spmc_tpm_version_req32)
{
	(void)version_by(FFA_MSG_SEND_DIRECT_REQ_32, FFA_MSG_SEND_DIRECT_RESP_32);
}

TEST(spmc_tpm_version_req2_by_uuid)
{
	struct ffa_regs r;

	boot();
	smc(FFA_VERSION, FFA_VERSION_1_2, 0, 0, 0, 0, 0);
	r = smc(FFA_MSG_SEND_DIRECT_REQ2, DEST, 0xaf4f0618a462b817ull, 0x613835589a08b386ull,
		TPM_FFA_GET_INTERFACE_VERSION, 0, 0);
	CHECK_EQ(r.x[0], FFA_MSG_SEND_DIRECT_RESP2);
	CHECK_EQ(r.x[4], TPM_FFA_OK_RESULTS_RETURNED);
	CHECK_EQ(r.x[5], TPM_FFA_VERSION_1_0);
}

TEST(spmc_tpm_locality_and_command)
{
	struct ffa_regs r;

	boot();
	tcrb_wr(0, TPM_CRB_LOC_CTRL, TPM_CRB_LOC_CTRL_REQUEST);
	r = smc(FFA_MSG_SEND_DIRECT_REQ_64, DEST, 0, 0, TPM_FFA_START, TPM_FFA_START_LOCALITY, 0);
	CHECK_EQ(r.x[4], TPM_FFA_OK);
	tcrb_wr(0, TPM_CRB_CTRL_REQ, TPM_CRB_CTRL_REQ_CMD_READY);
	r = smc(FFA_MSG_SEND_DIRECT_REQ_64, DEST, 0, 0, TPM_FFA_START, TPM_FFA_START_COMMAND, 0);
	CHECK_EQ(r.x[4], TPM_FFA_OK);
	CHECK_EQ(tcrb.state, TPM_CRB_READY);
}

TEST_NEG(spmc_tpm_x3_nonzero)
{
	struct ffa_regs r;

	boot();
	r = smc(FFA_MSG_SEND_DIRECT_REQ_64, DEST, 0, 7, TPM_FFA_GET_INTERFACE_VERSION, 0, 0);
	CHECK_EQ(r.x[0], FFA_MSG_SEND_DIRECT_RESP_64);
	CHECK_EQ(r.x[4], TPM_FFA_INVARG);
	CHECK_EQ(r.x[5], 0);
}

TEST_NEG(spmc_tpm_locality_5)
{
	struct ffa_regs r;

	boot();
	r = smc(FFA_MSG_SEND_DIRECT_REQ_64, DEST, 0, 0, TPM_FFA_START, TPM_FFA_START_LOCALITY, 5);
	CHECK_EQ(r.x[4], TPM_FFA_INVARG);
	r = smc(FFA_MSG_SEND_DIRECT_REQ_32, DEST, 0, 0, TPM_FFA_START, TPM_FFA_START_COMMAND, 5);
	CHECK_EQ(r.x[4], TPM_FFA_INVARG);
}

TEST_NEG(spmc_tpm_req2_wrong_uuid)
{
	struct ffa_regs r;

	boot();
	smc(FFA_VERSION, FFA_VERSION_1_2, 0, 0, 0, 0, 0);
	r = smc(FFA_MSG_SEND_DIRECT_REQ2, DEST, 1, 2, TPM_FFA_GET_INTERFACE_VERSION, 0, 0);
	CHECK_EQ(r.x[0], FFA_ERROR);
	CHECK(tfake.calls == 0);
}

TEST_NEG(spmc_tpm_secure_sender_refused)
{
	struct ffa_regs r;

	boot();
	r = smc(FFA_MSG_SEND_DIRECT_REQ_64, 0x8001ull << 16 | DEST, 0, 0,
		TPM_FFA_GET_INTERFACE_VERSION, 0, 0);
	CHECK_EQ(r.x[0], FFA_ERROR);
	CHECK_EQ(tfake.calls, 0);
}
