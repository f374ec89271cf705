// SPDX-License-Identifier: MIT
/*
 * The core's register contract (spmc.h): results in x0-x7 with unused ones
 * zero; x8-x17 returned as passed in, except for DIRECT_REQ2 and
 * PARTITION_INFO_GET_REGS, whose whole x0-x17 frame is the result.
 */
#include "tests/spmc/tsim.h"

#define MARK(i) (0x5A5A000000000000ull | (i))

/* A frame with x0..x3 given, x4..x7 zero and x8..x17 marked. */
static struct ffa_regs marked(uint64_t x0, uint64_t x1, uint64_t x2, uint64_t x3)
{
	struct ffa_regs r = { .x = { x0, x1, x2, x3 } };

	for (unsigned int i = 8; i < FFA_REGS_COUNT; i++)
		r.x[i] = MARK(i);
	return r;
}

static void check_kept(const struct ffa_regs *r)
{
	for (unsigned int i = 8; i < FFA_REGS_COUNT; i++)
		CHECK_EQ(r->x[i], MARK(i));
}

static void check_zero_past_x7(const struct ffa_regs *r)
{
	for (unsigned int i = 8; i < FFA_REGS_COUNT; i++)
		CHECK_EQ(r->x[i], 0);
}

TEST(regs_success_keeps_x8_to_x17)
{
	struct ffa_regs r = marked(FFA_VERSION, FFA_VERSION_1_1, 0, 0);

	t_call(&r);
	CHECK_EQ(r.x[0], SPMC_FFA_VERSION);
	check_kept(&r);
	r = marked(FFA_ID_GET, 7, 7, 7);
	t_call(&r);
	CHECK_OK32(r);
	CHECK_EQ(r.x[1], 0);
	CHECK_EQ(r.x[3], 0);
	check_kept(&r);
	r = marked(FFA_FEATURES, FFA_RXTX_MAP_64, 0, 0);
	t_call(&r);
	CHECK_EQ(r.x[2], FFA_FEAT_RXTX_MIN_SIZE_4K);
	check_kept(&r);
}

TEST(regs_direct_req_64_keeps_x8_to_x17)
{
	struct ffa_regs r = marked(FFA_MSG_SEND_DIRECT_REQ_64,
				   ffa_pack_ids(FFA_ID_NS_PHYS, TEST_SP_ID), 0, TEST_SP_CMD_ECHO);

	t_version(FFA_VERSION_1_2);
	r.x[7] = 0x77;
	t_call(&r);
	CHECK_EQ(r.x[0], FFA_MSG_SEND_DIRECT_RESP_64);
	CHECK_EQ(r.x[3], TEST_SP_CMD_ECHO);
	CHECK_EQ(r.x[7], 0x77);
	check_kept(&r);
}

TEST(regs_direct_req2_results_reach_x17)
{
	struct ffa_regs r = marked(FFA_MSG_SEND_DIRECT_REQ2,
				   ffa_pack_ids(FFA_ID_NS_PHYS, TEST_SP_ID), 0, 0);

	t_version(FFA_VERSION_1_2);
	r.x[4] = TEST_SP_CMD_ECHO;
	t_call(&r);
	CHECK_EQ(r.x[0], FFA_MSG_SEND_DIRECT_RESP2);
	/* ECHO: the payload x8..x17 comes back as the response. */
	check_kept(&r);
	r = marked(FFA_MSG_SEND_DIRECT_REQ2, ffa_pack_ids(FFA_ID_NS_PHYS, TEST_SP_ID), 0, 0);
	r.x[4] = TEST_SP_CMD_ECHO;
	for (unsigned int i = 8; i < FFA_REGS_COUNT; i++)
		r.x[i] = 0xABC0 + i;
	t_call(&r);
	for (unsigned int i = 8; i < FFA_REGS_COUNT; i++)
		CHECK_EQ(r.x[i], 0xABC0 + i);
}

TEST(regs_partition_info_get_regs_clears_unused_past_x7)
{
	struct ffa_regs r = marked(FFA_PARTITION_INFO_GET_REGS, 0, 0, 0);

	t_version(FFA_VERSION_1_2);
	t_call(&r);
	CHECK_EQ(r.x[0], FFA_SUCCESS_64);
	/* One partition: its descriptor is x3..x5, x6..x17 are zero. */
	CHECK(r.x[3] != 0);
	for (unsigned int i = 6; i < FFA_REGS_COUNT; i++)
		CHECK_EQ(r.x[i], 0);
}

TEST_NEG(regs_error_keeps_x8_to_x17)
{
	struct ffa_regs r = marked(FFA_MSG_POLL, 1, 2, 3);

	t_call(&r);
	CHECK_ERR(r, FFA_RET_NOT_SUPPORTED);
	CHECK_EQ(r.x[1], 0);
	CHECK_EQ(r.x[3], 0);
	check_kept(&r);
	r = marked(FFA_RX_RELEASE, 0, 0, 0);
	t_call(&r);
	CHECK_ERR(r, FFA_RET_DENIED);
	check_kept(&r);
}

TEST_NEG(regs_non_ffa_and_bad_version_keep_x8_to_x17)
{
	struct ffa_regs r = marked(0x84000000u, 0, 0, 0);

	t_call(&r);
	CHECK_ERR(r, FFA_RET_NOT_SUPPORTED);
	check_kept(&r);
	r = marked(FFA_VERSION, FFA_MAKE_VERSION(2, 0), 0, 0);
	t_call(&r);
	CHECK_EQ(r.x[0], 0xFFFFFFFFFFFFFFFFull);
	check_kept(&r);
}

TEST_NEG(regs_direct_req2_error_zeroes_x8_to_x17)
{
	struct ffa_regs r = marked(FFA_MSG_SEND_DIRECT_REQ2,
				   ffa_pack_ids(FFA_ID_NS_PHYS, TEST_SP_ID), 0, 0);

	/* Below v1.2 REQ2 does not exist; the frame is still its result. */
	t_version(FFA_VERSION_1_1);
	t_call(&r);
	CHECK_ERR(r, FFA_RET_NOT_SUPPORTED);
	check_zero_past_x7(&r);
	t_reinit(NULL, 0);
	t_version(FFA_VERSION_1_2);
	r = marked(FFA_MSG_SEND_DIRECT_REQ2, ffa_pack_ids(FFA_ID_NS_PHYS, 0x8077), 0, 0);
	t_call(&r);
	CHECK_ERR(r, FFA_RET_INVALID_PARAMETERS);
	check_zero_past_x7(&r);
}

TEST_NEG(regs_partition_info_get_regs_error_zeroes_x8_to_x17)
{
	struct ffa_regs r = marked(FFA_PARTITION_INFO_GET_REGS, 0, 0, 5);

	t_version(FFA_VERSION_1_2);
	t_call(&r);
	CHECK_ERR(r, FFA_RET_INVALID_PARAMETERS);
	check_zero_past_x7(&r);
}
