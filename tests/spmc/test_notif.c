// SPDX-License-Identifier: MIT
/*
 * Notifications: bitmaps, bindings, the test partition as the sender, GET,
 * INFO_GET's lists in both widths, the schedule-receiver interrupt, and
 * every refusal. Each ABI call is followed by an invariants check (t_call),
 * each direct spmc_sp_notify by T_INV().
 */
#include "ffa/notif.h"
#include "tests/spmc/tsim.h"

#define OTHER_SP 0x8009u

static struct ffa_regs n_create(uint64_t id, uint64_t vcpus)
{
	return t_smc(FFA_NOTIFICATION_BITMAP_CREATE, id, vcpus, 0, 0, 0);
}

static struct ffa_regs n_destroy(uint64_t id)
{
	return t_smc(FFA_NOTIFICATION_BITMAP_DESTROY, id, 0, 0, 0, 0);
}

static struct ffa_regs n_bind(uint16_t sender, uint16_t receiver, uint32_t flags, uint64_t bits)
{
	return t_smc(FFA_NOTIFICATION_BIND, ffa_pack_ids(sender, receiver), flags,
		     (uint32_t)bits, bits >> 32, 0);
}

static struct ffa_regs n_unbind(uint16_t sender, uint16_t receiver, uint64_t bits)
{
	return t_smc(FFA_NOTIFICATION_UNBIND, ffa_pack_ids(sender, receiver), 0,
		     (uint32_t)bits, bits >> 32, 0);
}

static struct ffa_regs n_get(uint16_t receiver, uint32_t vcpu, uint32_t flags)
{
	return t_smc(FFA_NOTIFICATION_GET, (uint64_t)vcpu << 16 | receiver, flags, 0, 0, 0);
}

static uint64_t got_sp(const struct ffa_regs *r)
{
	return ffa_notif_join(r->x[2], r->x[3]);
}

/* The test partition sets bits for receiver; returns its status. */
static int32_t test_sp_notify(uint16_t receiver, uint64_t bits, uint32_t flags)
{
	struct ffa_regs r = t_tsp(TEST_SP_CMD_NOTIFY, receiver, (uint32_t)bits, bits >> 32, flags);

	CHECK_EQ(r.x[0], FFA_MSG_SEND_DIRECT_RESP_64);
	return (int32_t)r.x[3];
}

static int32_t sp_notify(uint16_t sp, uint16_t receiver, uint32_t flags, uint64_t bits)
{
	int32_t ret = spmc_sp_notify(&g_sim->spmc, sp, receiver, flags, bits);

	T_INV();
	return ret;
}

static uint32_t per_vcpu(uint32_t vcpu)
{
	return FFA_NOTIF_FLAG_PER_VCPU | vcpu << FFA_NOTIF_SET_VCPU_SHIFT;
}

static uint64_t info_x2(uint32_t lists, uint64_t sizes, bool more)
{
	return (more ? 1u : 0u) | (uint64_t)lists << FFA_NOTIF_INFO_LISTS_SHIFT |
	       sizes << FFA_NOTIF_INFO_SIZES_SHIFT;
}

TEST(notif_global_from_test_partition)
{
	unsigned int sri;
	struct ffa_regs r;

	t_version(FFA_VERSION_1_1);
	CHECK_OK32(n_create(0, 2));
	CHECK_OK32(n_bind(TEST_SP_ID, 0, 0, 1ull << 3 | 1ull << 40));
	sri = g_sim->sri_raised;
	CHECK_EQ(test_sp_notify(0, 1ull << 40, 0), FFA_RET_SUCCESS);
	CHECK_EQ(g_sim->sri_raised, sri + 1);
	r = T_SMC0(FFA_NOTIFICATION_INFO_GET_64);
	CHECK_EQ(r.x[0], FFA_SUCCESS_64);
	CHECK_EQ(r.x[2], info_x2(1, 0, false));
	CHECK_EQ(r.x[3], 0);
	/* Reported once: nothing new until something else is set. */
	CHECK_ERR(T_SMC0(FFA_NOTIFICATION_INFO_GET_64), FFA_RET_NO_DATA);
	r = n_get(0, 1, FFA_NOTIF_GET_FLAG_SP | FFA_NOTIF_GET_FLAG_SPM);
	CHECK_OK32(r);
	CHECK_EQ(got_sp(&r), 1ull << 40);
	for (unsigned int i = 4; i < 8; i++)
		CHECK_EQ(r.x[i], 0);
	r = n_get(0, 0, FFA_NOTIF_GET_FLAG_SP);
	CHECK_OK32(r);
	CHECK_EQ(got_sp(&r), 0);
}

TEST(notif_per_vcpu_reaches_only_its_vcpu)
{
	struct ffa_regs r;

	t_version(FFA_VERSION_1_2);
	CHECK_OK32(n_create(7, 4));
	CHECK_OK32(n_bind(TEST_SP_ID, 7, FFA_NOTIF_FLAG_PER_VCPU, 1ull << 1));
	CHECK_EQ(test_sp_notify(7, 1ull << 1, per_vcpu(2)), FFA_RET_SUCCESS);
	r = T_SMC0(FFA_NOTIFICATION_INFO_GET_64);
	CHECK_EQ(r.x[0], FFA_SUCCESS_64);
	CHECK_EQ(r.x[2], info_x2(1, 1, false));
	CHECK_EQ(r.x[3], 7u | 2u << 16);
	r = n_get(7, 1, FFA_NOTIF_GET_FLAG_SP);
	CHECK_EQ(got_sp(&r), 0);
	r = n_get(7, 2, FFA_NOTIF_GET_FLAG_SP);
	CHECK_EQ(got_sp(&r), 1ull << 1);
	/* Only the SP bitmap is ours to hand out: without its flag, nothing. */
	CHECK_EQ(test_sp_notify(7, 1ull << 1, per_vcpu(3)), FFA_RET_SUCCESS);
	r = n_get(7, 3, FFA_NOTIF_GET_FLAG_VM | FFA_NOTIF_GET_FLAG_HYP);
	CHECK_OK32(r);
	CHECK_EQ(got_sp(&r), 0);
	r = n_get(7, 3, FFA_NOTIF_GET_FLAG_SP);
	CHECK_EQ(got_sp(&r), 1ull << 1);
}

/* Globals for 1, 2, 3 and vCPUs 0-3 of 4: five lists in the 32-bit layout. */
TEST(notif_info_get_32_packs_two_ids_a_register)
{
	struct ffa_regs r;

	t_version(FFA_VERSION_1_1);
	for (uint16_t id = 1; id <= 4; id++) {
		CHECK_OK32(n_create(id, 4));
		CHECK_OK32(n_bind(TEST_SP_ID, id, id == 4 ? FFA_NOTIF_FLAG_PER_VCPU : 0, 1));
	}
	for (uint16_t id = 1; id <= 3; id++)
		CHECK_EQ(test_sp_notify(id, 1, 0), FFA_RET_SUCCESS);
	for (uint32_t v = 0; v < 4; v++)
		CHECK_EQ(test_sp_notify(4, 1, per_vcpu(v)), FFA_RET_SUCCESS);
	r = T_SMC0(FFA_NOTIFICATION_INFO_GET_32);
	CHECK_OK32(r);
	CHECK_EQ(r.x[2], info_x2(5, 3u << 6 | 1u << 8, false));
	CHECK_EQ(r.x[3], 1u | 2u << 16);
	CHECK_EQ(r.x[4], 3u | 4u << 16);
	CHECK_EQ(r.x[5], 0u | 1u << 16);
	CHECK_EQ(r.x[6], 2u | 4u << 16);
	CHECK_EQ(r.x[7], 3u);
}

/* Eight endpoints: more than ten IDs do not fit the 32-bit call. */
TEST(notif_info_get_more_pending)
{
	struct ffa_regs r;

	t_version(FFA_VERSION_1_1);
	for (uint16_t id = 1; id <= 8; id++) {
		CHECK_OK32(n_create(id, 4));
		CHECK_OK32(n_bind(TEST_SP_ID, id, 0, 1));
		CHECK_EQ(test_sp_notify(id, 1, 0), FFA_RET_SUCCESS);
	}
	CHECK_OK32(n_bind(TEST_SP_ID, 8, FFA_NOTIF_FLAG_PER_VCPU, 2));
	for (uint32_t v = 0; v < 4; v++)
		CHECK_EQ(test_sp_notify(8, 2, per_vcpu(v)), FFA_RET_SUCCESS);
	r = T_SMC0(FFA_NOTIFICATION_INFO_GET_32);
	CHECK_OK32(r);
	CHECK_EQ(r.x[2], info_x2(8, 0, true));
	CHECK_EQ(r.x[6], 7u | 8u << 16);
	CHECK_EQ(r.x[7], 0);
	r = T_SMC0(FFA_NOTIFICATION_INFO_GET_32);
	CHECK_OK32(r);
	CHECK_EQ(r.x[2], info_x2(2, 3u | 1u << 2, false));
	CHECK_EQ(r.x[3], 8u | 0u << 16);
	CHECK_EQ(r.x[4], 1u | 2u << 16);
	CHECK_EQ(r.x[5], 8u | 3u << 16);
	CHECK_ERR(T_SMC0(FFA_NOTIFICATION_INFO_GET_32), FFA_RET_NO_DATA);
	/* A fresh SET is reported again; everything fits 64 bits at once. */
	CHECK_EQ(test_sp_notify(8, 2, per_vcpu(1)), FFA_RET_SUCCESS);
	r = T_SMC0(FFA_NOTIFICATION_INFO_GET_64);
	CHECK_EQ(r.x[0], FFA_SUCCESS_64);
	CHECK_EQ(r.x[2], info_x2(1, 1, false));
	CHECK_EQ(r.x[3], 8u | 1u << 16);
}

TEST(notif_unbind_drops_pending_and_allows_destroy)
{
	struct ffa_regs r;

	t_version(FFA_VERSION_1_1);
	CHECK_OK32(n_create(0, 1));
	CHECK_OK32(n_bind(TEST_SP_ID, 0, 0, 0xF0));
	CHECK_EQ(test_sp_notify(0, 0x30, 0), FFA_RET_SUCCESS);
	CHECK_OK32(n_unbind(TEST_SP_ID, 0, 0x10));
	r = n_get(0, 0, FFA_NOTIF_GET_FLAG_SP);
	CHECK_EQ(got_sp(&r), 0x20);
	CHECK_OK32(n_unbind(TEST_SP_ID, 0, 0xE0));
	CHECK_OK32(n_destroy(0));
	/* A fresh bitmap for the same endpoint starts empty. */
	CHECK_OK32(n_create(0, 1));
	r = n_get(0, 0, FFA_NOTIF_GET_FLAG_SP);
	CHECK_EQ(got_sp(&r), 0);
}

TEST(notif_features_publish_sri_and_abis)
{
	static const uint32_t fids[] = {
		FFA_NOTIFICATION_BITMAP_CREATE, FFA_NOTIFICATION_BITMAP_DESTROY,
		FFA_NOTIFICATION_BIND, FFA_NOTIFICATION_UNBIND, FFA_NOTIFICATION_SET,
		FFA_NOTIFICATION_GET, FFA_NOTIFICATION_INFO_GET_32, FFA_NOTIFICATION_INFO_GET_64,
		FFA_MSG_SEND2,
	};
	struct ffa_regs r;

	t_version(FFA_VERSION_1_1);
	r = t_smc(FFA_FEATURES, FFA_FEATURE_SRI, 0, 0, 0, 0);
	CHECK_OK32(r);
	CHECK_EQ(r.x[2], HOST_SIM_SRI_INTID);
	for (unsigned int i = 0; i < sizeof(fids) / sizeof(fids[0]); i++)
		CHECK_OK32(t_smc(FFA_FEATURES, fids[i], 0, 0, 0, 0));
}

TEST(notif_sp_api_delay_flag_and_per_vcpu)
{
	unsigned int sri;
	struct ffa_regs r;

	t_version(FFA_VERSION_1_1);
	CHECK_OK32(n_create(3, 2));
	CHECK_OK32(n_bind(TEST_SP_ID, 3, 0, 1ull << 63));
	CHECK_OK32(n_bind(TEST_SP_ID, 3, FFA_NOTIF_FLAG_PER_VCPU, 1ull << 0));
	sri = g_sim->sri_raised;
	CHECK_EQ(sp_notify(TEST_SP_ID, 3, FFA_NOTIF_SET_FLAG_DELAY_SRI, 1ull << 63), FFA_RET_SUCCESS);
	CHECK_EQ(sp_notify(TEST_SP_ID, 3, per_vcpu(1), 1), FFA_RET_SUCCESS);
	CHECK_EQ(g_sim->sri_raised, sri + 2);
	r = n_get(3, 1, FFA_NOTIF_GET_FLAG_SP);
	CHECK_EQ(got_sp(&r), 1ull << 63 | 1);
}

/* ---- refusals ---- */

TEST_NEG(notif_abis_need_v11)
{
	static const uint32_t fids[] = {
		FFA_NOTIFICATION_BITMAP_CREATE, FFA_NOTIFICATION_BITMAP_DESTROY,
		FFA_NOTIFICATION_BIND, FFA_NOTIFICATION_UNBIND, FFA_NOTIFICATION_SET,
		FFA_NOTIFICATION_GET, FFA_NOTIFICATION_INFO_GET_32, FFA_NOTIFICATION_INFO_GET_64,
		FFA_MSG_SEND2,
	};

	t_version(FFA_VERSION_1_0);
	for (unsigned int i = 0; i < sizeof(fids) / sizeof(fids[0]); i++) {
		CHECK_ERR(t_smc(fids[i], 0, 1, 0, 1, 0), FFA_RET_NOT_SUPPORTED);
		CHECK_ERR(t_smc(FFA_FEATURES, fids[i], 0, 0, 0, 0), FFA_RET_NOT_SUPPORTED);
	}
	CHECK_ERR(t_smc(FFA_FEATURES, FFA_FEATURE_SRI, 0, 0, 0, 0), FFA_RET_NOT_SUPPORTED);
	CHECK_EQ(test_sp_notify(0, 1, 0), FFA_RET_INVALID_PARAMETERS);
}

TEST_NEG(notif_create_refusals)
{
	t_version(FFA_VERSION_1_1);
	CHECK_ERR(n_create(TEST_SP_ID, 1), FFA_RET_INVALID_PARAMETERS);
	CHECK_ERR(n_create(0x10000, 1), FFA_RET_INVALID_PARAMETERS);
	CHECK_ERR(n_create(0, 0), FFA_RET_INVALID_PARAMETERS);
	CHECK_ERR(n_create(0, SPMC_NOTIF_MAX_VCPUS + 1), FFA_RET_INVALID_PARAMETERS);
	CHECK_OK32(n_create(0, SPMC_NOTIF_MAX_VCPUS));
	CHECK_ERR(n_create(0, 1), FFA_RET_DENIED);
	for (uint16_t id = 1; id < SPMC_NOTIF_BITMAPS; id++)
		CHECK_OK32(n_create(id, 1));
	CHECK_ERR(n_create(SPMC_NOTIF_BITMAPS, 1), FFA_RET_NO_MEMORY);
}

TEST_NEG(notif_destroy_refusals)
{
	t_version(FFA_VERSION_1_1);
	CHECK_ERR(n_destroy(0), FFA_RET_DENIED);
	CHECK_ERR(n_destroy(TEST_SP_ID), FFA_RET_INVALID_PARAMETERS);
	CHECK_OK32(n_create(0, 1));
	CHECK_OK32(n_bind(TEST_SP_ID, 0, 0, 1));
	CHECK_ERR(n_destroy(0), FFA_RET_DENIED);
	CHECK_OK32(n_unbind(TEST_SP_ID, 0, 1));
	CHECK_OK32(n_destroy(0));
	CHECK_ERR(n_destroy(0), FFA_RET_DENIED);
}

TEST_NEG(notif_bind_refusals)
{
	t_version(FFA_VERSION_1_1);
	CHECK_ERR(n_bind(TEST_SP_ID, 0, 0, 1), FFA_RET_INVALID_PARAMETERS); /* no bitmap */
	CHECK_OK32(n_create(0, 1));
	CHECK_ERR(n_bind(OTHER_SP, 0, 0, 1), FFA_RET_INVALID_PARAMETERS);
	CHECK_ERR(n_bind(3, 0, 0, 1), FFA_RET_INVALID_PARAMETERS);
	CHECK_ERR(n_bind(TEST_SP_ID, TEST_SP_ID, 0, 1), FFA_RET_INVALID_PARAMETERS);
	CHECK_ERR(n_bind(TEST_SP_ID, 5, 0, 1), FFA_RET_INVALID_PARAMETERS);
	CHECK_ERR(n_bind(TEST_SP_ID, 0, 0, 0), FFA_RET_INVALID_PARAMETERS);
	CHECK_ERR(n_bind(TEST_SP_ID, 0, 2, 1), FFA_RET_INVALID_PARAMETERS);
	CHECK_OK32(n_bind(TEST_SP_ID, 0, 0, 3));
	CHECK_ERR(n_bind(TEST_SP_ID, 0, 0, 2), FFA_RET_DENIED);
	CHECK_ERR(n_bind(TEST_SP_ID, 0, FFA_NOTIF_FLAG_PER_VCPU, 6), FFA_RET_DENIED);
}

TEST_NEG(notif_unbind_refusals)
{
	t_version(FFA_VERSION_1_1);
	CHECK_ERR(n_unbind(TEST_SP_ID, 0, 1), FFA_RET_INVALID_PARAMETERS); /* no bitmap */
	CHECK_OK32(n_create(0, 1));
	CHECK_ERR(n_unbind(TEST_SP_ID, 0, 1), FFA_RET_DENIED);
	CHECK_OK32(n_bind(TEST_SP_ID, 0, 0, 1));
	CHECK_ERR(n_unbind(TEST_SP_ID, 0, 3), FFA_RET_DENIED);
	CHECK_ERR(n_unbind(TEST_SP_ID, 0, 0), FFA_RET_INVALID_PARAMETERS);
	CHECK_ERR(n_unbind(OTHER_SP, 0, 1), FFA_RET_INVALID_PARAMETERS);
	CHECK_ERR(t_smc(FFA_NOTIFICATION_UNBIND, ffa_pack_ids(TEST_SP_ID, 0), 1, 1, 0, 0),
		  FFA_RET_INVALID_PARAMETERS);
}

static int32_t nop_direct(struct spmc *s, const struct spmc_partition *sp, struct spmc_msg *m)
{
	(void)s;
	(void)sp;
	(void)m;
	return FFA_RET_SUCCESS;
}

static const struct spmc_partition other = {
	.id = OTHER_SP, .properties = FFA_PART_PROP_DIRECT_REQ_RECV, .direct = nop_direct,
};

/* A notification has one sender: another partition can neither set nor unbind it. */
TEST_NEG(notif_wrong_sender)
{
	const struct spmc_partition *parts[2] = { test_sp_partition(), &other };
	struct ffa_regs r;

	t_reinit(parts, 2);
	t_version(FFA_VERSION_1_1);
	CHECK_OK32(n_create(0, 1));
	CHECK_OK32(n_bind(TEST_SP_ID, 0, 0, 1));
	CHECK_OK32(n_bind(OTHER_SP, 0, 0, 2));
	CHECK_ERR(n_unbind(OTHER_SP, 0, 1), FFA_RET_DENIED);
	CHECK_EQ(sp_notify(OTHER_SP, 0, 0, 1), FFA_RET_DENIED);
	CHECK_EQ(sp_notify(OTHER_SP, 0, 0, 3), FFA_RET_DENIED);
	CHECK_EQ(sp_notify(OTHER_SP, 0, 0, 2), FFA_RET_SUCCESS);
	r = n_get(0, 0, FFA_NOTIF_GET_FLAG_SP);
	CHECK_EQ(got_sp(&r), 2);
}

TEST_NEG(notif_set_refusals_leave_nothing_pending)
{
	unsigned int sri;
	struct ffa_regs r;

	t_version(FFA_VERSION_1_1);
	CHECK_EQ(sp_notify(TEST_SP_ID, 0, 0, 1), FFA_RET_INVALID_PARAMETERS); /* no bitmap */
	CHECK_OK32(n_create(0, 2));
	CHECK_OK32(n_bind(TEST_SP_ID, 0, 0, 1));
	CHECK_OK32(n_bind(TEST_SP_ID, 0, FFA_NOTIF_FLAG_PER_VCPU, 2));
	sri = g_sim->sri_raised;
	CHECK_EQ(sp_notify(TEST_SP_ID, 0, 0, 4), FFA_RET_DENIED);              /* unbound */
	CHECK_EQ(sp_notify(TEST_SP_ID, 5, 0, 1), FFA_RET_INVALID_PARAMETERS);  /* wrong receiver */
	CHECK_EQ(sp_notify(TEST_SP_ID, TEST_SP_ID, 0, 1), FFA_RET_INVALID_PARAMETERS);
	CHECK_EQ(sp_notify(OTHER_SP, 0, 0, 1), FFA_RET_INVALID_PARAMETERS); /* not a partition */
	CHECK_EQ(sp_notify(0, 0, 0, 1), FFA_RET_INVALID_PARAMETERS);
	CHECK_EQ(sp_notify(TEST_SP_ID, 0, 0, 0), FFA_RET_INVALID_PARAMETERS);
	CHECK_EQ(sp_notify(TEST_SP_ID, 0, per_vcpu(0), 1), FFA_RET_INVALID_PARAMETERS);
	CHECK_EQ(sp_notify(TEST_SP_ID, 0, 0, 2), FFA_RET_INVALID_PARAMETERS);
	CHECK_EQ(sp_notify(TEST_SP_ID, 0, 0, 3), FFA_RET_INVALID_PARAMETERS);
	CHECK_EQ(sp_notify(TEST_SP_ID, 0, per_vcpu(2), 2), FFA_RET_INVALID_PARAMETERS);
	CHECK_EQ(sp_notify(TEST_SP_ID, 0, 1u << 16, 1), FFA_RET_INVALID_PARAMETERS);
	CHECK_EQ(sp_notify(TEST_SP_ID, 0, 1u << 2, 1), FFA_RET_INVALID_PARAMETERS);
	CHECK_EQ(spmc_sp_notify(NULL, TEST_SP_ID, 0, 0, 1), FFA_RET_INVALID_PARAMETERS);
	/* The partition refuses IDs and flags with stray high bits itself. */
	r = t_tsp(TEST_SP_CMD_NOTIFY, 0x10000, 1, 0, 0);
	CHECK_EQ(r.x[3], (uint64_t)(int64_t)FFA_RET_INVALID_PARAMETERS);
	r = t_tsp(TEST_SP_CMD_NOTIFY, 0, 1, 0, 1ull << 32);
	CHECK_EQ(r.x[3], (uint64_t)(int64_t)FFA_RET_INVALID_PARAMETERS);
	CHECK_EQ(g_sim->sri_raised, sri);
	CHECK_ERR(T_SMC0(FFA_NOTIFICATION_INFO_GET_64), FFA_RET_NO_DATA);
	r = n_get(0, 0, FFA_NOTIF_GET_FLAG_SP);
	CHECK_EQ(got_sp(&r), 0);
	r = n_get(0, 1, FFA_NOTIF_GET_FLAG_SP);
	CHECK_EQ(got_sp(&r), 0);
}

TEST_NEG(notif_set_from_normal_world)
{
	t_version(FFA_VERSION_1_1);
	CHECK_OK32(n_create(0, 1));
	CHECK_ERR(t_smc(FFA_NOTIFICATION_SET, ffa_pack_ids(0, TEST_SP_ID), 0, 1, 0, 0),
		  FFA_RET_INVALID_PARAMETERS);
	CHECK_ERR(t_smc(FFA_NOTIFICATION_SET, ffa_pack_ids(TEST_SP_ID, 0), 0, 1, 0, 0),
		  FFA_RET_INVALID_PARAMETERS);
}

TEST_NEG(notif_get_refusals)
{
	t_version(FFA_VERSION_1_1);
	CHECK_ERR(n_get(0, 0, FFA_NOTIF_GET_FLAG_SP), FFA_RET_INVALID_PARAMETERS);
	CHECK_OK32(n_create(0, 2));
	CHECK_ERR(n_get(0, 2, FFA_NOTIF_GET_FLAG_SP), FFA_RET_INVALID_PARAMETERS);
	CHECK_ERR(n_get(0, 0, 1u << 4), FFA_RET_INVALID_PARAMETERS);
	CHECK_ERR(n_get(TEST_SP_ID, 0, FFA_NOTIF_GET_FLAG_SP), FFA_RET_INVALID_PARAMETERS);
	CHECK_ERR(n_get(1, 0, FFA_NOTIF_GET_FLAG_SP), FFA_RET_INVALID_PARAMETERS);
	CHECK_ERR(T_SMC0(FFA_NOTIFICATION_INFO_GET_32), FFA_RET_NO_DATA);
}

static void no_raise(void *ctx, uint32_t intid)
{
	(void)ctx;
	(void)intid;
}

TEST_NEG(notif_set_sri_refusals)
{
	CHECK_EQ(spmc_notif_set_sri(&g_sim->spmc, 16, no_raise), FFA_RET_INVALID_PARAMETERS);
	CHECK_EQ(spmc_notif_set_sri(&g_sim->spmc, 8, NULL), FFA_RET_INVALID_PARAMETERS);
	CHECK_EQ(spmc_notif_set_sri(NULL, 8, no_raise), FFA_RET_INVALID_PARAMETERS);
	T_INV();
}
