// SPDX-License-Identifier: MIT
/* Direct requests (32/64/REQ2) through the test partition and custom ones. */
#include <pthread.h>

#include "tests/spmc/tsim.h"

static const struct ffa_uuid test_sp_uuid = FFA_UUID_FFA_STACK_TEST;

TEST(direct32_echo_truncates)
{
	uint64_t args[5] = { TEST_SP_CMD_ECHO, 0xAAAAAAAA11111111ull, 0x22222222, 0x33333333,
			     0xFFFFFFFF44444444ull };
	struct ffa_regs r = t_direct(FFA_MSG_SEND_DIRECT_REQ_32, TEST_SP_ID, args, 5);

	CHECK_EQ(r.x[0], FFA_MSG_SEND_DIRECT_RESP_32);
	CHECK_EQ(r.x[1], ffa_pack_ids(TEST_SP_ID, FFA_ID_NS_PHYS));
	CHECK_EQ(r.x[2], 0);
	CHECK_EQ(r.x[3], TEST_SP_CMD_ECHO);
	CHECK_EQ(r.x[4], 0x11111111);
	CHECK_EQ(r.x[5], 0x22222222);
	CHECK_EQ(r.x[6], 0x33333333);
	CHECK_EQ(r.x[7], 0x44444444);
	for (unsigned int i = 8; i < FFA_REGS_COUNT; i++)
		CHECK_EQ(r.x[i], 0);
}

TEST(direct64_echo)
{
	uint64_t args[5] = { TEST_SP_CMD_ECHO, 0xAAAAAAAA11111111ull, 2, 3, 0xFFFFFFFF44444444ull };
	struct ffa_regs r = t_direct(FFA_MSG_SEND_DIRECT_REQ_64, TEST_SP_ID, args, 5);

	CHECK_EQ(r.x[0], FFA_MSG_SEND_DIRECT_RESP_64);
	CHECK_EQ(r.x[1], ffa_pack_ids(TEST_SP_ID, 0));
	for (unsigned int i = 0; i < 5; i++)
		CHECK_EQ(r.x[3 + i], args[i]);
	CHECK(t_info().version_locked);
}

TEST(direct_req2_echo)
{
	uint64_t args[14];
	struct ffa_regs r;

	t_version(FFA_VERSION_1_2);
	args[0] = TEST_SP_CMD_ECHO;
	for (unsigned int i = 1; i < 14; i++)
		args[i] = 0x0101010101010101ull * i;
	r = t_direct(FFA_MSG_SEND_DIRECT_REQ2, TEST_SP_ID, args, 14);
	CHECK_EQ(r.x[0], FFA_MSG_SEND_DIRECT_RESP2);
	CHECK_EQ(r.x[1], ffa_pack_ids(TEST_SP_ID, 0));
	CHECK_EQ(r.x[2], 0);
	CHECK_EQ(r.x[3], 0);
	for (unsigned int i = 0; i < 14; i++)
		CHECK_EQ(r.x[4 + i], args[i]);
}

/* DIRECT_REQ2 to the test partition naming UUID (lo, hi): ECHO, x17 as given. */
static struct ffa_regs req2_echo(uint64_t uuid_lo, uint64_t uuid_hi, uint64_t x17)
{
	struct ffa_regs r = { .x = { FFA_MSG_SEND_DIRECT_REQ2, TEST_SP_ID, uuid_lo, uuid_hi,
				     TEST_SP_CMD_ECHO } };

	r.x[17] = x17;
	t_call(&r);
	return r;
}

TEST(direct_req2_with_matching_uuid)
{
	struct ffa_regs r;

	t_version(FFA_VERSION_1_2);
	r = req2_echo(ffa_uuid_half(&test_sp_uuid, 0), ffa_uuid_half(&test_sp_uuid, 1), 0x1717);
	CHECK_EQ(r.x[0], FFA_MSG_SEND_DIRECT_RESP2);
	CHECK_EQ(r.x[17], 0x1717);
}

TEST_NEG(direct_req2_uuid_mismatch)
{
	const struct ffa_uuid tpm = FFA_UUID_TPM_CRB;
	struct ffa_regs r;

	t_version(FFA_VERSION_1_2);
	r = req2_echo(ffa_uuid_half(&tpm, 0), ffa_uuid_half(&tpm, 1), 0);
	CHECK_ERR(r, FFA_RET_INVALID_PARAMETERS);
	/* half right is still wrong (and no command word either) */
	r = (struct ffa_regs){ .x = { FFA_MSG_SEND_DIRECT_REQ2, TEST_SP_ID,
				       ffa_uuid_half(&test_sp_uuid, 0) } };
	t_call(&r);
	CHECK_ERR(r, FFA_RET_INVALID_PARAMETERS);
}

TEST_NEG(direct_req2_needs_v12)
{
	uint64_t args[1] = { TEST_SP_CMD_ECHO };
	struct ffa_regs r = t_direct(FFA_MSG_SEND_DIRECT_REQ2, TEST_SP_ID, args, 1);

	/* never negotiated: v1.0 */
	CHECK_ERR(r, FFA_RET_NOT_SUPPORTED);
	t_reinit(NULL, 0);
	t_version(FFA_VERSION_1_1);
	r = t_direct(FFA_MSG_SEND_DIRECT_REQ2, TEST_SP_ID, args, 1);
	CHECK_ERR(r, FFA_RET_NOT_SUPPORTED);
	r = t_direct(FFA_MSG_SEND_DIRECT_REQ_64, TEST_SP_ID, args, 1);
	CHECK_EQ(r.x[0], FFA_MSG_SEND_DIRECT_RESP_64);
}

TEST_NEG(direct_wrong_sender)
{
	uint64_t args[1] = { TEST_SP_CMD_ECHO };
	uint32_t fids[3] = { FFA_MSG_SEND_DIRECT_REQ_32, FFA_MSG_SEND_DIRECT_REQ_64,
			     FFA_MSG_SEND_DIRECT_REQ2 };

	t_version(FFA_VERSION_1_2);
	for (unsigned int i = 0; i < 3; i++) {
		struct ffa_regs r;

		memset(&r, 0, sizeof(r));
		r.x[0] = fids[i];
		r.x[1] = ffa_pack_ids(1, TEST_SP_ID);
		r.x[3] = r.x[4] = args[0];
		t_call(&r);
		CHECK_ERR(r, FFA_RET_INVALID_PARAMETERS);
		r.x[0] = fids[i];
		r.x[1] = ffa_pack_ids(TEST_SP_ID, TEST_SP_ID);
		r.x[2] = 0;
		t_call(&r);
		CHECK_ERR(r, FFA_RET_INVALID_PARAMETERS);
	}
}

TEST_NEG(direct_unknown_receiver)
{
	uint64_t args[1] = { TEST_SP_CMD_ECHO };
	uint16_t bad[] = { 0x8002, FFA_ID_SPMC, FFA_ID_NS_PHYS, 0x0001, 0xFFFF };

	t_version(FFA_VERSION_1_2);
	for (unsigned int i = 0; i < 5; i++) {
		struct ffa_regs r = t_direct(FFA_MSG_SEND_DIRECT_REQ_64, bad[i], args, 1);

		CHECK_ERR(r, FFA_RET_INVALID_PARAMETERS);
		r = t_direct(FFA_MSG_SEND_DIRECT_REQ2, bad[i], args, 1);
		CHECK_ERR(r, FFA_RET_INVALID_PARAMETERS);
	}
}

TEST_NEG(direct_framework_and_reserved_flags)
{
	struct ffa_regs r;

	memset(&r, 0, sizeof(r));
	r.x[0] = FFA_MSG_SEND_DIRECT_REQ_32;
	r.x[1] = TEST_SP_ID;
	r.x[2] = FFA_MSG_FLAG_FRAMEWORK | 2;   /* a PSCI-style framework message */
	r.x[3] = TEST_SP_CMD_ECHO;
	t_call(&r);
	CHECK_ERR(r, FFA_RET_INVALID_PARAMETERS);
	memset(&r, 0, sizeof(r));
	r.x[0] = FFA_MSG_SEND_DIRECT_REQ_64;
	r.x[1] = TEST_SP_ID;
	r.x[2] = 1;
	t_call(&r);
	CHECK_ERR(r, FFA_RET_INVALID_PARAMETERS);
}

TEST_NEG(direct64_reserved_id_bits)
{
	struct ffa_regs r;

	memset(&r, 0, sizeof(r));
	r.x[0] = FFA_MSG_SEND_DIRECT_REQ_64;
	r.x[1] = (1ull << 40) | TEST_SP_ID;
	r.x[3] = TEST_SP_CMD_ECHO;
	t_call(&r);
	CHECK_ERR(r, FFA_RET_INVALID_PARAMETERS);
	/* a 32-bit call ignores the upper half */
	memset(&r, 0, sizeof(r));
	r.x[0] = FFA_MSG_SEND_DIRECT_REQ_32;
	r.x[1] = (1ull << 40) | TEST_SP_ID;
	r.x[3] = TEST_SP_CMD_ECHO;
	t_call(&r);
	CHECK_EQ(r.x[0], FFA_MSG_SEND_DIRECT_RESP_32);
}

TEST_NEG(test_sp_unknown_command)
{
	struct ffa_regs r = t_tsp(0x1234, 1, 2, 3, 4);

	CHECK_EQ(r.x[0], FFA_MSG_SEND_DIRECT_RESP_64);
	CHECK_EQ((int32_t)r.x[3], FFA_RET_NOT_SUPPORTED);
	CHECK_EQ(r.x[4], 0);
	r = t_tsp(TEST_SP_CMD_ECHO | (1ull << 32), 1, 2, 3, 4);
	CHECK_EQ((int32_t)r.x[3], FFA_RET_NOT_SUPPORTED);
}

TEST_NEG(test_sp_ns_info_needs_64bit)
{
	uint64_t args[1] = { TEST_SP_CMD_NS_INFO };
	struct ffa_regs r = t_direct(FFA_MSG_SEND_DIRECT_REQ_32, TEST_SP_ID, args, 1);

	CHECK_EQ(r.x[0], FFA_MSG_SEND_DIRECT_RESP_32);
	CHECK_EQ(r.x[3], (uint32_t)FFA_RET_NOT_SUPPORTED);
}

TEST(test_sp_ns_info_reports_endpoint_state)
{
	struct ffa_regs r;

	t_setup(FFA_VERSION_1_1, 2);
	(void)t_share_simple(0, 1);
	r = T_SMC0(FFA_PARTITION_INFO_GET);
	CHECK_OK32(r);
	r = t_tsp(TEST_SP_CMD_NS_INFO, 0, 0, 0, 0);
	CHECK_EQ(r.x[3], 0);
	CHECK_EQ(r.x[4], FFA_VERSION_1_1 | (uint64_t)(TEST_SP_NS_INFO_LOCKED | TEST_SP_NS_INFO_RX_HELD) << 32);
	CHECK_EQ(r.x[5], T_TX_PA);
	CHECK_EQ(r.x[6], T_RX_PA);
	CHECK_EQ(r.x[7], 2 | 1u << 16 | 0ull << 32);
}

/* ---- custom partitions ---- */

static int32_t fixed_status;
static int lock_state_ok;

static int32_t status_handler(struct spmc *s, const struct spmc_partition *sp,
			      struct spmc_msg *m)
{
	struct host_sim *sim = (struct host_sim *)s; /* spmc is the first member */

	/* The core lock is free (trylock succeeds), our own lock is held. */
	lock_state_ok = pthread_mutex_trylock(&sim->locks[SPMC_LOCK_CORE]) == 0;
	if (lock_state_ok)
		pthread_mutex_unlock(&sim->locks[SPMC_LOCK_CORE]);
	lock_state_ok &= pthread_mutex_trylock(&sim->locks[SPMC_LOCK_PARTITION(0)]) != 0;
	(void)sp;
	m->sender = 0x7777;   /* must not leak into the response */
	m->args[0] = 0xABCD;
	return fixed_status;
}

static const struct spmc_partition req_only = {
	.id = 0x8005, .uuid = FFA_UUID_TPM_CRB,
	.properties = FFA_PART_PROP_DIRECT_REQ_RECV, .direct = status_handler,
};
static const struct spmc_partition req2_only = {
	.id = 0x8006, .uuid = FFA_UUID_UEFI_VAR,
	.properties = FFA_PART_PROP_DIRECT_REQ2_RECV, .direct = status_handler,
};

static void use_custom(void)
{
	const struct spmc_partition *pp[2] = { &req_only, &req2_only };

	t_reinit(pp, 2);
	t_version(FFA_VERSION_1_2);
}

/* A one-word request by fid to partition `to` whose handler returns status. */
static struct ffa_regs custom_direct(uint32_t fid, uint16_t to, int32_t status)
{
	uint64_t args[1] = { 1 };

	fixed_status = status;
	return t_direct(fid, to, args, 1);
}

TEST(handler_runs_with_only_its_partition_lock)
{
	struct ffa_regs r;

	use_custom();
	lock_state_ok = 0;
	r = custom_direct(FFA_MSG_SEND_DIRECT_REQ_64, 0x8005, FFA_RET_SUCCESS);
	CHECK_EQ(r.x[0], FFA_MSG_SEND_DIRECT_RESP_64);
	CHECK_EQ(r.x[1], ffa_pack_ids(0x8005, 0));
	CHECK_EQ(r.x[3], 0xABCD);
	CHECK(lock_state_ok);
}

TEST_NEG(handler_error_becomes_ffa_error)
{
	struct ffa_regs r;

	use_custom();
	r = custom_direct(FFA_MSG_SEND_DIRECT_REQ_32, 0x8005, FFA_RET_DENIED);
	CHECK_ERR(r, FFA_RET_DENIED);
	/* 7 is not an FF-A status at all */
	r = custom_direct(FFA_MSG_SEND_DIRECT_REQ_64, 0x8005, 7);
	CHECK_ERR(r, FFA_RET_ABORTED);
}

TEST_NEG(direct_req_needs_partition_property)
{
	struct ffa_regs r;

	use_custom();
	r = custom_direct(FFA_MSG_SEND_DIRECT_REQ_64, 0x8006, FFA_RET_SUCCESS);
	CHECK_ERR(r, FFA_RET_INVALID_PARAMETERS);
	r = custom_direct(FFA_MSG_SEND_DIRECT_REQ2, 0x8005, FFA_RET_SUCCESS);
	CHECK_ERR(r, FFA_RET_INVALID_PARAMETERS);
	r = custom_direct(FFA_MSG_SEND_DIRECT_REQ2, 0x8006, FFA_RET_SUCCESS);
	CHECK_EQ(r.x[0], FFA_MSG_SEND_DIRECT_RESP2);
}
