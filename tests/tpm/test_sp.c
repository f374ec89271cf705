// SPDX-License-Identifier: MIT
/*
 * The partition's DEN0138 framing (services/tpm/tpm_sp.c): where the
 * function ID, arguments and results sit for DIRECT_REQ and DIRECT_REQ2.
 */
#include <string.h>

#include "services/tpm/tpm_sp.h"
#include "tests/harness/check.h"
#include "tests/tpm/tcrb.h"

static struct spmc_partition sp;

void test_sp_setup(void)
{
	tcrb_reset();
	tpm_sp_partition(&sp, &tcrb);
}

static void msg(struct spmc_msg *m, enum spmc_msg_kind kind)
{
	memset(m, 0, sizeof(*m));
	m->kind = kind;
	m->sender = 0;
	m->receiver = TPM_FFA_ID;
	for (unsigned int i = 0; i < SPMC_MSG_ARGS; i++)
		m->args[i] = 0xee;
}

/* A request of this kind whose first n words are args (the rest 0xee). */
static int32_t call(struct spmc_msg *m, enum spmc_msg_kind kind, unsigned int n,
		    const uint64_t *args)
{
	msg(m, kind);
	for (unsigned int i = 0; i < n; i++)
		m->args[i] = args[i];
	return sp.direct(NULL, &sp, m);
}

TEST(sp_identity)
{
	static const struct ffa_uuid want = FFA_UUID_TPM_CRB;

	CHECK_EQ(sp.id, TPM_FFA_ID);
	CHECK(ffa_uuid_equal(&sp.uuid, &want));
	CHECK_EQ(ffa_uuid_word(&sp.uuid, 0), 0xa462b817u);
	CHECK_EQ(ffa_uuid_half(&sp.uuid, 0), 0xaf4f0618a462b817ull);
	CHECK(sp.properties & FFA_PART_PROP_DIRECT_REQ_RECV);
}

TEST(sp_req64_version)
{
	struct spmc_msg m;

	CHECK_EQ(call(&m, SPMC_MSG_REQ64, 2, (const uint64_t[]){ 0, TPM_FFA_GET_INTERFACE_VERSION }),
		 FFA_RET_SUCCESS);
	CHECK_EQ(m.args[0], 0);
	CHECK_EQ(m.args[1], TPM_FFA_OK_RESULTS_RETURNED);
	CHECK_EQ(m.args[2], TPM_FFA_VERSION_1_0);
	CHECK_EQ(m.args[3], 0);
	CHECK_EQ(m.args[4], 0);
}

TEST(sp_req2_version)
{
	struct spmc_msg m;

	CHECK_EQ(call(&m, SPMC_MSG_REQ2, 1, (const uint64_t[]){ TPM_FFA_GET_INTERFACE_VERSION }),
		 FFA_RET_SUCCESS);
	CHECK_EQ(m.args[0], TPM_FFA_OK_RESULTS_RETURNED);
	CHECK_EQ(m.args[1], TPM_FFA_VERSION_1_0);
	CHECK_EQ(m.args[13], 0);
}

TEST(sp_req32_locality_and_command)
{
	struct spmc_msg m;

	tcrb_wr(0, TPM_CRB_LOC_CTRL, TPM_CRB_LOC_CTRL_REQUEST);
	CHECK_EQ(call(&m, SPMC_MSG_REQ32, 4, 
		      (const uint64_t[]){ 0, TPM_FFA_START, TPM_FFA_START_LOCALITY, 0 }),
		 FFA_RET_SUCCESS);
	CHECK_EQ(m.args[1], TPM_FFA_OK);
	CHECK_EQ(tcrb_rd(0, TPM_CRB_LOC_STS), TPM_CRB_LOC_STS_GRANTED);
}

TEST_NEG(sp_req_x3_nonzero)
{
	struct spmc_msg m;

	CHECK_EQ(call(&m, SPMC_MSG_REQ64, 2, (const uint64_t[]){ 1, TPM_FFA_GET_INTERFACE_VERSION }),
		 FFA_RET_SUCCESS);
	CHECK_EQ(m.args[1], TPM_FFA_INVARG);
	CHECK_EQ(m.args[2], 0);
}

TEST_NEG(sp_req_locality_5)
{
	struct spmc_msg m;

	CHECK_EQ(call(&m, SPMC_MSG_REQ64, 4, 
		      (const uint64_t[]){ 0, TPM_FFA_START, TPM_FFA_START_COMMAND, 5 }),
		 FFA_RET_SUCCESS);
	CHECK_EQ(m.args[1], TPM_FFA_INVARG);
}

TEST_NEG(sp_req2_unknown_function)
{
	struct spmc_msg m;

	CHECK_EQ(call(&m, SPMC_MSG_REQ2, 1, (const uint64_t[]){ 0x12345678 }), FFA_RET_SUCCESS);
	CHECK_EQ(m.args[0], TPM_FFA_NOFUNC);
	CHECK_EQ(m.args[1], 0);
}
