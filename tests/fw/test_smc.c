// SPDX-License-Identifier: MIT
/*
 * SMC dispatch (fw/common/smc.c): PSCI and SMCCC answers, register
 * preservation, and FF-A routing into the real SPMC core with the test
 * partition through the firmware's glue (fw/common/spmc_glue.c).
 */
#include <stdlib.h>
#include <string.h>

#include "ffa/abi.h"
#include "fw/common/nsmem.h"
#include "fw/common/psci.h"
#include "fw/common/smc.h"
#include "fw/common/smccc.h"
#include "fw/common/spmc_glue.h"
#include "services/test/test_sp.h"
#include "services/test_sp.h"
#include "spmc/spmc.h"
#include "tests/harness/check.h"

#define NS_BASE 0x40000000ull
#define NS_SIZE (1ull << 20)

static struct psci ps;
static struct smc_services svc;
static struct spmc *spmc;
static struct nsmem ns;
static uint8_t *ns_mem;
static int fake_calls;

static void nop_lock(void *ctx)
{
	(void)ctx;
}

static bool entry_ok(void *ctx, uint64_t e)
{
	(void)ctx;
	return nsmem_ok(&ns, e, 4);
}

static void release(void *ctx, unsigned int idx, uint64_t e, uint64_t c)
{
	(void)ctx;
	(void)idx;
	(void)e;
	(void)c;
}

static void lock_id(void *ctx, unsigned int id)
{
	(void)ctx;
	(void)id;
}

static uint8_t *ns_ptr(void *ctx, uint64_t pa, uint64_t size)
{
	(void)ctx;
	return nsmem_ptr(&ns, pa, size);
}

/* A stand-in FF-A handler that scribbles on every result register. */
static void fake_ffa(void *ctx, struct ffa_regs *r)
{
	(void)ctx;
	fake_calls++;
	for (unsigned int i = 0; i < FFA_REGS_COUNT; i++)
		r->x[i] = 0xF0F0F0F000000000ull | i;
}

static void setup(bool real_spmc)
{
	static const struct psci_platform pp = {
		.lock = nop_lock, .unlock = nop_lock, .entry_ok = entry_ok, .release = release,
	};
	static const struct spmc_platform sp = {
		.lock = lock_id, .unlock = lock_id, .ns_ptr = ns_ptr,
	};
	const struct spmc_partition *parts[] = { test_sp_partition() };

	if (!ns_mem)
		ns_mem = calloc(1, NS_SIZE);
	if (!spmc)
		spmc = calloc(1, sizeof(*spmc));
	nsmem_init(&ns, NS_BASE, NS_SIZE, (uintptr_t)ns_mem);
	psci_init(&ps, &pp);
	for (unsigned int i = 0; i < 4; i++)
		psci_add_cpu(&ps, i, i, i == 0);
	memset(&svc, 0, sizeof(svc));
	svc.psci = &ps;
	fake_calls = 0;
	if (real_spmc) {
		memset(spmc, 0, sizeof(*spmc));
		CHECK_EQ(spmc_init(spmc, &sp, parts, 1), FFA_RET_SUCCESS);
		svc.ffa_call = fw_spmc_call;
		svc.ffa_ctx = spmc;
	} else {
		svc.ffa_call = fake_ffa;
	}
}

/* One call with x0..x3 given and x4..x17 set to recognisable values. */
static enum smc_action call(struct ffa_regs *r, uint64_t x0, uint64_t x1, uint64_t x2,
			    uint64_t x3)
{
	for (unsigned int i = 0; i < FFA_REGS_COUNT; i++)
		r->x[i] = 0x1111000000000000ull | i;
	r->x[0] = x0;
	r->x[1] = x1;
	r->x[2] = x2;
	r->x[3] = x3;
	return smc_dispatch(&svc, 0, r);
}

/* fid(x1) through the dispatcher; what it left in x0. */
static uint64_t x0_of(uint32_t fid, uint64_t x1)
{
	struct ffa_regs r;

	call(&r, fid, x1, 0, 0);
	return r.x[0];
}

TEST(smc_psci_version_is_1_1)
{
	struct ffa_regs r;

	setup(false);
	CHECK_EQ(call(&r, PSCI_VERSION, 0, 0, 0), SMC_ACT_RETURN);
	CHECK_EQ(r.x[0], 0x10001);
}

TEST(smc_smccc_version_is_1_2)
{
	setup(false);
	CHECK_EQ(x0_of(SMCCC_VERSION, 0), 0x10002);
}

TEST(smc_psci_features_lists_implemented_calls)
{
	static const uint32_t yes[] = {
		PSCI_VERSION, PSCI_CPU_ON_64, PSCI_CPU_ON_32, PSCI_CPU_OFF, PSCI_AFFINITY_INFO_64,
		PSCI_CPU_SUSPEND_64, PSCI_MIGRATE_INFO_TYPE, PSCI_SYSTEM_OFF, PSCI_SYSTEM_RESET,
		PSCI_FEATURES, SMCCC_VERSION,
	};
	setup(false);
	for (unsigned int i = 0; i < sizeof(yes) / sizeof(yes[0]); i++) {
		check_case("PSCI_FEATURES(%#x)", yes[i]);
		CHECK_EQ(x0_of(PSCI_FEATURES, yes[i]), 0);
	}
}

TEST(smc_arch_features_knows_its_own_calls)
{
	setup(false);
	CHECK_EQ(x0_of(SMCCC_ARCH_FEATURES, SMCCC_VERSION), 0);
	CHECK_EQ(x0_of(SMCCC_ARCH_FEATURES, SMCCC_ARCH_FEATURES), 0);
}

TEST(smc_migrate_info_type_says_no_trusted_os)
{
	setup(false);
	CHECK_EQ(x0_of(PSCI_MIGRATE_INFO_TYPE, 0), 2);
}

TEST(smc_psci_leaves_x1_to_x17_alone)
{
	struct ffa_regs r;

	setup(false);
	call(&r, PSCI_AFFINITY_INFO_64, 1, 0, 0);
	CHECK_EQ(r.x[0], PSCI_AFF_OFF);
	CHECK_EQ(r.x[1], 1);
	for (unsigned int i = 4; i < FFA_REGS_COUNT; i++)
		CHECK_EQ(r.x[i], 0x1111000000000000ull | i);
}

TEST(smc_cpu_on_smc32_ignores_upper_halves)
{
	struct ffa_regs r;

	setup(false);
	call(&r, PSCI_CPU_ON_32, 0xDEAD000000000002ull, 0xBEEF000040001000ull, 0);
	CHECK_EQ(r.x[0], PSCI_RET_SUCCESS);
	CHECK_EQ(psci_state_of(&ps, 2), PSCI_STATE_ON_PENDING);
	/* The same call as SMC64 would name a non-existent CPU. */
	call(&r, PSCI_CPU_ON_64, 0xDEAD000000000003ull, 0x40001000, 0);
	CHECK_EQ(r.x[0], (uint64_t)(int64_t)PSCI_RET_INVALID_PARAMETERS);
}

TEST(smc_function_id_is_w0)
{
	struct ffa_regs r;

	setup(false);
	call(&r, 0xFFFFFFFF00000000ull | PSCI_VERSION, 0, 0, 0);
	CHECK_EQ(r.x[0], 0x10001);
}

TEST(smc_power_calls_become_actions)
{
	struct ffa_regs r;

	setup(false);
	CHECK_EQ(call(&r, PSCI_SYSTEM_OFF, 0, 0, 0), SMC_ACT_SYSTEM_OFF);
	CHECK_EQ(call(&r, PSCI_SYSTEM_RESET, 0, 0, 0), SMC_ACT_SYSTEM_RESET);
	CHECK_EQ(call(&r, PSCI_CPU_SUSPEND_64, 0, 0x40000000, 0), SMC_ACT_STANDBY);
	CHECK_EQ(r.x[0], PSCI_RET_SUCCESS);
	CHECK_EQ(call(&r, PSCI_CPU_OFF, 0, 0, 0), SMC_ACT_CPU_OFF);
	CHECK_EQ(psci_state_of(&ps, 0), PSCI_STATE_OFF);
}

TEST(smc_ffa_routes_whole_frame_for_v12_register_abis)
{
	struct ffa_regs r;

	setup(false);
	call(&r, FFA_MSG_SEND_DIRECT_REQ2, 0x8001, 0, 0);
	CHECK_EQ(fake_calls, 1);
	for (unsigned int i = 0; i < FFA_REGS_COUNT; i++)
		CHECK_EQ(r.x[i], 0xF0F0F0F000000000ull | i);
	call(&r, FFA_PARTITION_INFO_GET_REGS, 0, 0, 0);
	CHECK_EQ(r.x[17], 0xF0F0F0F000000000ull | 17);
}

TEST(smc_ffa_keeps_x8_to_x17_for_other_abis)
{
	struct ffa_regs r;

	setup(false);
	call(&r, FFA_ID_GET, 0, 0, 0);
	CHECK_EQ(fake_calls, 1);
	for (unsigned int i = 0; i < 8; i++)
		CHECK_EQ(r.x[i], 0xF0F0F0F000000000ull | i);
	for (unsigned int i = 8; i < FFA_REGS_COUNT; i++)
		CHECK_EQ(r.x[i], 0x1111000000000000ull | i);
}

TEST(smc_ffa_version_and_id_through_the_spmc)
{
	struct ffa_regs r;

	setup(true);
	call(&r, FFA_VERSION, FFA_VERSION_1_1, 0, 0);
	CHECK_EQ(r.x[0], FFA_VERSION_1_2);
	call(&r, FFA_ID_GET, 0, 0, 0);
	CHECK_EQ(r.x[0], FFA_SUCCESS_32);
	CHECK_EQ(r.x[2], 0);
	CHECK_EQ(spmc_check_invariants(spmc, NULL), 0);
}

TEST(smc_ffa_features_rxtx_is_clean_for_v11_callers)
{
	struct ffa_regs r;

	setup(true);
	call(&r, FFA_VERSION, FFA_VERSION_1_1, 0, 0);
	call(&r, FFA_FEATURES, FFA_RXTX_MAP_64, 0, 0);
	CHECK_EQ(r.x[0], FFA_SUCCESS_32);
	/* pKVM 6.12 compares all of w2 with the 4 KiB minimum-size code. */
	CHECK_EQ(r.x[2], FFA_FEAT_RXTX_MIN_SIZE_4K);
}

TEST(smc_ffa_direct_request_reaches_the_test_partition)
{
	struct ffa_regs r;

	setup(true);
	call(&r, FFA_VERSION, FFA_VERSION_1_1, 0, 0);
	for (unsigned int i = 0; i < FFA_REGS_COUNT; i++)
		r.x[i] = 0;
	r.x[0] = FFA_MSG_SEND_DIRECT_REQ_64;
	r.x[1] = (uint64_t)FFA_ID_NS_PHYS << 16 | TEST_SP_ID;
	r.x[3] = TEST_SP_CMD_ECHO;
	r.x[4] = 0x44;
	r.x[7] = 0x77;
	CHECK_EQ(smc_dispatch(&svc, 1, &r), SMC_ACT_RETURN);
	CHECK_EQ(r.x[0], FFA_MSG_SEND_DIRECT_RESP_64);
	CHECK_EQ(r.x[1], (uint64_t)TEST_SP_ID << 16 | FFA_ID_NS_PHYS);
	CHECK_EQ(r.x[3], TEST_SP_CMD_ECHO);
	CHECK_EQ(r.x[4], 0x44);
	CHECK_EQ(r.x[7], 0x77);
}

TEST_NEG(smc_unknown_function_ids_return_64_bit_minus_one)
{
	static const uint64_t ids[] = {
		0x84000050,   /* TRNG_VERSION */
		0xC2000000,   /* SiP */
		0x86000000,   /* OEM */
		0x8400005F,   /* just below the FF-A range */
		0x8400008F,   /* just above it */
		0x8400000B,   /* past the PSCI calls we implement */
		0x80000003,   /* arch range, unassigned */
		0x00000000,   /* not even a fast call */
	};
	struct ffa_regs r;

	setup(true);
	for (unsigned int i = 0; i < sizeof(ids) / sizeof(ids[0]); i++) {
		call(&r, ids[i], 0, 0, 0);
		CHECK_EQ(r.x[0], SMCCC_UNKNOWN_FUNCTION);
		CHECK_EQ(r.x[5], 0x1111000000000005ull);
	}
}

TEST_NEG(smc_arch_workarounds_and_soc_id_are_not_supported)
{
	static const uint32_t ids[] = {
		SMCCC_ARCH_WORKAROUND_1, SMCCC_ARCH_WORKAROUND_2, SMCCC_ARCH_WORKAROUND_3,
		SMCCC_ARCH_SOC_ID, 0x80001234,
	};
	setup(false);
	for (unsigned int i = 0; i < sizeof(ids) / sizeof(ids[0]); i++) {
		check_case("SMCCC_ARCH_FEATURES(%#x)", ids[i]);
		CHECK_EQ(x0_of(SMCCC_ARCH_FEATURES, ids[i]), ~0ull);
	}
	check_case("SMCCC_ARCH_SOC_ID");
	CHECK_EQ(x0_of(SMCCC_ARCH_SOC_ID, 0), ~0ull);
}

TEST_NEG(smc_psci_features_unknown_call_is_not_supported)
{
	setup(false);
	CHECK_EQ(x0_of(PSCI_FEATURES, 0x84000012), ~0ull); /* SYSTEM_RESET2 */
	CHECK_EQ(x0_of(PSCI_FEATURES, PSCI_MIGRATE_32), ~0ull);
	CHECK_EQ(x0_of(PSCI_MIGRATE_64, 1), ~0ull);
}

TEST_NEG(smc_ffa_without_an_spmc_is_unknown)
{
	struct ffa_regs r;

	setup(false);
	svc.ffa_call = NULL;
	call(&r, FFA_VERSION, FFA_VERSION_1_1, 0, 0);
	CHECK_EQ(r.x[0], ~0ull);
}

TEST_NEG(smc_ffa_version_not_supported_is_64_bit)
{
	struct ffa_regs r;

	setup(true);
	call(&r, FFA_VERSION, 0x20000, 0, 0);          /* major 2 */
	CHECK_EQ(r.x[0], ~0ull);
	call(&r, FFA_VERSION, 0x80010001ull, 0, 0);    /* bit 31 set */
	CHECK_EQ(r.x[0], ~0ull);
}

TEST_NEG(smc_ffa_unsupported_call_is_ffa_error)
{
	struct ffa_regs r;

	setup(true);
	call(&r, FFA_MSG_POLL, 0, 0, 0);
	CHECK_EQ(r.x[0], FFA_ERROR);
	CHECK_EQ(r.x[2], (uint64_t)(int64_t)FFA_RET_NOT_SUPPORTED);
}

TEST_NEG(smc_ffa_direct_request_to_unknown_partition)
{
	struct ffa_regs r;

	setup(true);
	call(&r, FFA_MSG_SEND_DIRECT_REQ_32, 0x8077, TEST_SP_CMD_ECHO, 0);
	CHECK_EQ(r.x[0], FFA_ERROR);
	CHECK(r.x[2] == (uint64_t)(int64_t)FFA_RET_INVALID_PARAMETERS ||
	      r.x[2] == (uint64_t)(int64_t)FFA_RET_DENIED);
}

TEST_NEG(smc_cpu_on_errors_are_sign_extended)
{
	struct ffa_regs r;

	setup(false);
	call(&r, PSCI_CPU_ON_64, 9, 0x40000000, 0);
	CHECK_EQ(r.x[0], (uint64_t)(int64_t)PSCI_RET_INVALID_PARAMETERS);
	call(&r, PSCI_CPU_ON_64, 0, 0x40000000, 0);
	CHECK_EQ(r.x[0], (uint64_t)(int64_t)PSCI_RET_ALREADY_ON);
	call(&r, PSCI_CPU_ON_64, 1, 0x0E000000, 0);
	CHECK_EQ(r.x[0], (uint64_t)(int64_t)PSCI_RET_INVALID_ADDRESS);
}

TEST_NEG(smc_refused_power_requests_return_to_the_caller)
{
	struct ffa_regs r;

	setup(false);
	CHECK_EQ(call(&r, PSCI_CPU_SUSPEND_64, PSCI_PSTATE_TYPE_POWERDOWN, 0, 0),
		 SMC_ACT_RETURN);
	CHECK_EQ(r.x[0], (uint64_t)(int64_t)PSCI_RET_INVALID_PARAMETERS);
	r.x[0] = PSCI_CPU_OFF;
	CHECK_EQ(smc_dispatch(&svc, 2, &r), SMC_ACT_RETURN);     /* CPU 2 is off */
	CHECK_EQ(r.x[0], (uint64_t)(int64_t)PSCI_RET_DENIED);
	call(&r, PSCI_AFFINITY_INFO_64, 0, 1, 0);
	CHECK_EQ(r.x[0], (uint64_t)(int64_t)PSCI_RET_INVALID_PARAMETERS);
}
