// SPDX-License-Identifier: MIT
/* FFA_VERSION, FFA_FEATURES, ID_GET, SPM_ID_GET and unsupported calls. */
#include "tests/spmc/tsim.h"

TEST(version_negotiates_the_lower_version)
{
	struct ffa_regs r = t_smc(FFA_VERSION, FFA_VERSION_1_1, 0, 0, 0, 0);

	CHECK_EQ(r.x[0], SPMC_FFA_VERSION);
	for (unsigned int i = 1; i < FFA_REGS_COUNT; i++)
		CHECK_EQ(r.x[i], 0);
	CHECK_EQ(t_info().version, FFA_VERSION_1_1);
	CHECK(!t_info().version_locked);
}

TEST(version_newer_minor_is_capped)
{
	struct ffa_regs r = t_smc(FFA_VERSION, FFA_MAKE_VERSION(1, 7), 0, 0, 0, 0);

	CHECK_EQ(r.x[0], SPMC_FFA_VERSION);
	CHECK_EQ(t_info().version, SPMC_FFA_VERSION);
}

TEST(version_renegotiates_until_locked)
{
	t_version(FFA_VERSION_1_2);
	t_version(FFA_VERSION_1_0);
	CHECK_EQ(t_info().version, FFA_VERSION_1_0);
	t_version(FFA_VERSION_1_1);
	CHECK_EQ(t_info().version, FFA_VERSION_1_1);
}

TEST_NEG(version_locked_after_another_abi)
{
	struct ffa_regs r;

	t_version(FFA_VERSION_1_1);
	r = T_SMC0(FFA_ID_GET);
	CHECK_OK32(r);
	CHECK(t_info().version_locked);
	r = t_smc(FFA_VERSION, FFA_VERSION_1_2, 0, 0, 0, 0);
	CHECK_EQ(r.x[0], FFA_VERSION_1_1);
	CHECK_EQ(t_info().version, FFA_VERSION_1_1);
	r = t_smc(FFA_VERSION, FFA_VERSION_1_0, 0, 0, 0, 0);
	CHECK_EQ(r.x[0], FFA_VERSION_1_1);
	CHECK_EQ(t_info().version, FFA_VERSION_1_1);
}

TEST_NEG(version_locked_by_a_failing_abi_too)
{
	struct ffa_regs r;

	t_version(FFA_VERSION_1_2);
	r = T_SMC0(FFA_RX_RELEASE);
	CHECK_ERR(r, FFA_RET_DENIED);
	r = t_smc(FFA_VERSION, FFA_VERSION_1_0, 0, 0, 0, 0);
	CHECK_EQ(r.x[0], FFA_VERSION_1_2);
	CHECK_EQ(t_info().version, FFA_VERSION_1_2);
}

TEST_NEG(version_locked_at_v10_without_negotiation)
{
	struct ffa_regs r = T_SMC0(FFA_ID_GET);

	CHECK_OK32(r);
	r = t_smc(FFA_VERSION, FFA_VERSION_1_2, 0, 0, 0, 0);
	CHECK_EQ(r.x[0], FFA_VERSION_1_0);
	CHECK_EQ(t_info().version, 0);
	CHECK(t_info().version_locked);
}

/* NOT_SUPPORTED from FFA_VERSION is -1 in all 64 bits of x0, not 0xFFFFFFFF. */
#define VERSION_NOT_SUPPORTED_X0 0xFFFFFFFFFFFFFFFFull

TEST_NEG(version_bad_major)
{
	struct ffa_regs r = t_smc(FFA_VERSION, FFA_MAKE_VERSION(2, 0), 0, 0, 0, 0);

	CHECK_EQ(r.x[0], VERSION_NOT_SUPPORTED_X0);
	CHECK_EQ(r.x[2], 0);
	r = t_smc(FFA_VERSION, FFA_MAKE_VERSION(0, 9), 0, 0, 0, 0);
	CHECK_EQ(r.x[0], VERSION_NOT_SUPPORTED_X0);
	CHECK_EQ(t_info().version, 0);
	CHECK(!t_info().version_locked);
}

TEST_NEG(version_bit31_set)
{
	struct ffa_regs r = t_smc(FFA_VERSION, 0x80000000u | FFA_VERSION_1_2, 0, 0, 0, 0);

	CHECK_EQ(r.x[0], VERSION_NOT_SUPPORTED_X0);
	for (unsigned int i = 1; i < FFA_REGS_COUNT; i++)
		CHECK_EQ(r.x[i], 0);
	CHECK_EQ(t_info().version, 0);
}

TEST_NEG(version_not_locked_by_non_ffa_calls)
{
	struct ffa_regs r = T_SMC0(0x84000000u); /* PSCI_VERSION */

	CHECK_ERR(r, FFA_RET_NOT_SUPPORTED);
	CHECK(!t_info().version_locked);
	t_version(FFA_VERSION_1_1);
	CHECK_EQ(t_info().version, FFA_VERSION_1_1);
}

TEST(version_ignores_upper_register_half)
{
	struct ffa_regs r = t_smc(FFA_VERSION, 0xFFFFFFFF00000000ull | FFA_VERSION_1_1,
				  0, 0, 0, 0);

	CHECK_EQ(r.x[0], SPMC_FFA_VERSION);
	CHECK_EQ(t_info().version, FFA_VERSION_1_1);
}

static const uint32_t implemented[] = {
	FFA_ERROR, FFA_SUCCESS_32, FFA_SUCCESS_64, FFA_VERSION, FFA_FEATURES,
	FFA_RX_RELEASE, FFA_RXTX_MAP_32, FFA_RXTX_MAP_64, FFA_RXTX_UNMAP,
	FFA_PARTITION_INFO_GET, FFA_ID_GET, FFA_SPM_ID_GET,
	FFA_MSG_SEND_DIRECT_REQ_32, FFA_MSG_SEND_DIRECT_REQ_64, FFA_MEM_SHARE_32,
	FFA_MEM_SHARE_64, FFA_MEM_LEND_32, FFA_MEM_LEND_64, FFA_MEM_RETRIEVE_REQ_32,
	FFA_MEM_RETRIEVE_REQ_64, FFA_MEM_RECLAIM, FFA_MEM_FRAG_RX, FFA_MEM_FRAG_TX,
	FFA_PARTITION_INFO_GET_REGS, FFA_MSG_SEND_DIRECT_REQ2,
};

TEST(features_every_implemented_abi)
{
	t_version(FFA_VERSION_1_2);
	for (unsigned int i = 0; i < sizeof(implemented) / sizeof(implemented[0]); i++) {
		struct ffa_regs r = t_smc(FFA_FEATURES, implemented[i], 0, 0, 0, 0);

		CHECK_OK32(r);
	}
}

TEST(features_rxtx_map_properties)
{
	struct ffa_regs r;

	t_version(FFA_VERSION_1_2);
	r = t_smc(FFA_FEATURES, FFA_RXTX_MAP_64, 0, 0, 0, 0);
	CHECK_OK32(r);
	CHECK_EQ(r.x[2] & FFA_FEAT_RXTX_MIN_SIZE_MASK, FFA_FEAT_RXTX_MIN_SIZE_4K);
	CHECK_EQ(r.x[2] >> FFA_FEAT_RXTX_MAX_PAGES_SHIFT, SPMC_RXTX_MAX_PAGES);
	r = t_smc(FFA_FEATURES, FFA_RXTX_MAP_32, 0, 0, 0, 0);
	CHECK_OK32(r);
	CHECK_EQ(r.x[2], FFA_FEAT_RXTX_MIN_SIZE_4K |
		 (uint32_t)SPMC_RXTX_MAX_PAGES << FFA_FEAT_RXTX_MAX_PAGES_SHIFT);
	r = t_smc(FFA_FEATURES, FFA_MEM_SHARE_64, 0, 0, 0, 0);
	CHECK_OK32(r);
	CHECK_EQ(r.x[2], 0);
}

/*
 * Below v1.2, bits 31:16 of w2 are reserved: w2 is exactly the minimum-size
 * code (pKVM in Linux 6.12 compares all of it and gives up on a mismatch).
 */
TEST_NEG(features_rxtx_map_no_max_size_below_v12)
{
	static const uint32_t versions[] = { FFA_VERSION_1_0, FFA_VERSION_1_1 };

	for (unsigned int v = 0; v < 2; v++) {
		struct ffa_regs r;

		t_reinit(NULL, 0);
		t_version(versions[v]);
		for (unsigned int i = 0; i < 2; i++) {
			r = t_smc(FFA_FEATURES, i ? FFA_RXTX_MAP_32 : FFA_RXTX_MAP_64,
				  0, 0, 0, 0);
			CHECK_OK32(r);
			CHECK_EQ(r.x[2], FFA_FEAT_RXTX_MIN_SIZE_4K);
			CHECK_EQ(r.x[3], 0);
		}
	}
}

/* Without FFA_VERSION the caller is a v1.0 caller. */
TEST_NEG(features_rxtx_map_no_max_size_without_version)
{
	struct ffa_regs r = t_smc(FFA_FEATURES, FFA_RXTX_MAP_64, 0, 0, 0, 0);

	CHECK_OK32(r);
	CHECK_EQ(r.x[2], FFA_FEAT_RXTX_MIN_SIZE_4K);
}

/* A v1.2 layout follows the negotiated version, also a capped newer minor. */
TEST(features_rxtx_map_max_size_for_newer_minor)
{
	struct ffa_regs r;

	t_version(FFA_MAKE_VERSION(1, 3));
	r = t_smc(FFA_FEATURES, FFA_RXTX_MAP_64, 0, 0, 0, 0);
	CHECK_OK32(r);
	CHECK_EQ(r.x[2] >> FFA_FEAT_RXTX_MAX_PAGES_SHIFT, SPMC_RXTX_MAX_PAGES);
}

static const uint32_t unimplemented[] = {
	FFA_MSG_WAIT, FFA_RUN, FFA_YIELD, FFA_MSG_POLL, FFA_MSG_SEND,
	FFA_MEM_DONATE_32, FFA_MEM_DONATE_64, FFA_MEM_PERM_GET_32, FFA_MEM_PERM_SET_32,
	FFA_CONSOLE_LOG_32, FFA_CONSOLE_LOG_64, FFA_RX_ACQUIRE, FFA_SECONDARY_EP_REGISTER_64,
	FFA_MEM_OP_PAUSE, FFA_MEM_OP_RESUME, FFA_NORMAL_WORLD_RESUME, FFA_EL3_INTR_HANDLE,
	FFA_INTERRUPT,
};

TEST_NEG(features_unimplemented_abis)
{
	t_version(FFA_VERSION_1_2);
	for (unsigned int i = 0; i < sizeof(unimplemented) / sizeof(unimplemented[0]); i++) {
		struct ffa_regs r = t_smc(FFA_FEATURES, unimplemented[i], 0, 0, 0, 0);

		CHECK_ERR(r, FFA_RET_NOT_SUPPORTED);
	}
}

TEST_NEG(features_notification_feature_ids)
{
	/* The SRI is published (tests/spmc/test_notif.c); these are not. */
	uint32_t ids[] = { FFA_FEATURE_NPI, FFA_FEATURE_MEI, 0 };

	t_version(FFA_VERSION_1_2);
	for (unsigned int i = 0; i < 3; i++) {
		struct ffa_regs r = t_smc(FFA_FEATURES, ids[i], 0, 0, 0, 0);

		CHECK_ERR(r, FFA_RET_NOT_SUPPORTED);
	}
}

TEST_NEG(features_hides_v12_abis_below_v12)
{
	struct ffa_regs r;

	t_version(FFA_VERSION_1_1);
	r = t_smc(FFA_FEATURES, FFA_PARTITION_INFO_GET_REGS, 0, 0, 0, 0);
	CHECK_ERR(r, FFA_RET_NOT_SUPPORTED);
	r = t_smc(FFA_FEATURES, FFA_MSG_SEND_DIRECT_REQ2, 0, 0, 0, 0);
	CHECK_ERR(r, FFA_RET_NOT_SUPPORTED);
	r = t_smc(FFA_FEATURES, FFA_MSG_SEND_DIRECT_REQ_64, 0, 0, 0, 0);
	CHECK_OK32(r);
}

TEST_NEG(features_non_ffa_function_id)
{
	struct ffa_regs r = t_smc(FFA_FEATURES, 0x84000000u, 0, 0, 0, 0);

	CHECK_ERR(r, FFA_RET_NOT_SUPPORTED);
	r = t_smc(FFA_FEATURES, FFA_FN32(0x8F), 0, 0, 0, 0);
	CHECK_ERR(r, FFA_RET_NOT_SUPPORTED);
}

TEST(id_get_and_spm_id_get)
{
	struct ffa_regs r = t_smc(FFA_ID_GET, 0x1234, 0x5678, 0, 0, 0);

	CHECK_OK32(r);
	CHECK_EQ(r.x[2], FFA_ID_NS_PHYS);
	CHECK_EQ(r.x[1], 0);
	CHECK_EQ(r.x[3], 0);
	r = T_SMC0(FFA_SPM_ID_GET);
	CHECK_OK32(r);
	CHECK_EQ(r.x[2], FFA_ID_SPMC);
}

TEST_NEG(non_ffa_function_ids)
{
	uint64_t fids[] = { 0x84000000u, 0xC4000000u, FFA_FN32(0x5F), FFA_FN32(0x8F),
			    (1ull << 32) | FFA_ID_GET, 0x86000000u | 0x63u };

	for (unsigned int i = 0; i < 6; i++) {
		struct ffa_regs r = T_SMC0(fids[i]);

		CHECK_ERR(r, FFA_RET_NOT_SUPPORTED);
		CHECK_EQ(r.x[2], UINT64_MAX);
	}
}

TEST_NEG(unimplemented_abis_not_supported)
{
	for (unsigned int i = 0; i < sizeof(unimplemented) / sizeof(unimplemented[0]); i++) {
		struct ffa_regs r = t_smc(unimplemented[i], 1, 2, 3, 4, 5);

		CHECK_ERR(r, FFA_RET_NOT_SUPPORTED);
		CHECK_EQ(r.x[2], 0xFFFFFFFFFFFFFFFFull);
		CHECK_EQ(r.x[1], 0);
		CHECK_EQ(r.x[3], 0);
	}
}

TEST_NEG(responses_from_the_normal_world_not_supported)
{
	uint32_t fids[] = { FFA_MSG_SEND_DIRECT_RESP_32, FFA_MSG_SEND_DIRECT_RESP_64,
			    FFA_MSG_SEND_DIRECT_RESP2, FFA_MEM_RETRIEVE_RESP, FFA_SUCCESS_32,
			    FFA_SUCCESS_64, FFA_ERROR };

	t_version(FFA_VERSION_1_2);
	for (unsigned int i = 0; i < 7; i++) {
		struct ffa_regs r = t_smc(fids[i], TEST_SP_ID << 16, 0, 0, 0, 0);

		CHECK_ERR(r, FFA_RET_NOT_SUPPORTED);
	}
}

TEST_NEG(mem_relinquish_from_the_normal_world)
{
	struct ffa_regs r;

	t_setup(FFA_VERSION_1_1, 1);
	r = T_SMC0(FFA_MEM_RELINQUISH);
	CHECK_ERR(r, FFA_RET_INVALID_PARAMETERS);
}

TEST_NEG(uninitialised_spmc_refuses_everything)
{
	static struct spmc s;
	struct ffa_regs r = { .x = { FFA_VERSION, FFA_VERSION_1_2 } };
	const char *why = NULL;

	spmc_ns_call(&s, &r);
	CHECK_ERR(r, FFA_RET_NOT_SUPPORTED);
	CHECK(spmc_check_invariants(&s, &why) != 0);
	CHECK(why != NULL);
}
