// SPDX-License-Identifier: MIT
/* The test partition's memory commands, and the partition API beneath them. */
#include "tests/spmc/tsim.h"

static void pattern(uint32_t first, uint32_t pages, uint8_t seed)
{
	uint8_t *p = t_ptr(t_page(first), (uint64_t)pages * T_PAGE);

	for (uint64_t i = 0; i < (uint64_t)pages * T_PAGE; i++)
		p[i] = (uint8_t)(seed + i * 7 + (i >> 9));
}

/* A fresh v1.2 system sharing `pages` from `first` filled from seed; *want: their FNV. */
static uint64_t patterned_share(uint32_t first, uint32_t pages, uint8_t seed, uint64_t *want)
{
	t_setup(FFA_VERSION_1_2, 1);
	pattern(first, pages, seed);
	*want = t_fnv(t_page(first), pages);
	return t_share_simple(first, pages);
}

TEST(test_sp_checksum_three_pages)
{
	struct ffa_regs r;
	uint64_t h, want;

	h = patterned_share(0, 3, 1, &want);
	CHECK_EQ(t_tsp_handle(TEST_SP_CMD_MEM_CHECKSUM, h, 0, &r), 0);
	CHECK_EQ(ffa_handle_join(r.x[4], r.x[5]), want);
	CHECK_EQ(r.x[6], 3);
	/* relinquished again: reclaimable */
	CHECK_EQ(t_info().retrieved_txns, 0);
	r = t_reclaim(h, 0);
	CHECK_OK32(r);
}

TEST(test_sp_checksum_over_32bit_and_req2)
{
	uint64_t args[14] = { TEST_SP_CMD_MEM_CHECKSUM };
	struct ffa_regs r;
	uint64_t h, want;

	h = patterned_share(10, 3, 9, &want);
	args[1] = (uint32_t)h;
	args[2] = h >> 32;
	r = t_direct(FFA_MSG_SEND_DIRECT_REQ_32, TEST_SP_ID, args, 5);
	CHECK_EQ(r.x[0], FFA_MSG_SEND_DIRECT_RESP_32);
	CHECK_EQ(r.x[3], 0);
	CHECK_EQ(ffa_handle_join(r.x[4], r.x[5]), want);
	r = t_direct(FFA_MSG_SEND_DIRECT_REQ2, TEST_SP_ID, args, 14);
	CHECK_EQ(r.x[0], FFA_MSG_SEND_DIRECT_RESP2);
	CHECK_EQ(r.x[4], 0);
	CHECK_EQ(ffa_handle_join(r.x[5], r.x[6]), want);
	CHECK_EQ(r.x[7], 3);
}

TEST(test_sp_checksum_follows_address_order)
{
	struct ffa_mem_range rg[3] = { t_range(40, 1), t_range(20, 1), t_range(30, 1) };
	struct t_desc d = { .range_count = 3, .ranges = rg };
	uint64_t h = 0, want = TEST_SP_FNV_OFFSET;
	struct ffa_regs r;

	t_setup(FFA_VERSION_1_1, 1);
	pattern(20, 21, 3);
	want = test_sp_fnv1a(want, t_ptr(t_page(20), T_PAGE), T_PAGE);
	want = test_sp_fnv1a(want, t_ptr(t_page(30), T_PAGE), T_PAGE);
	want = test_sp_fnv1a(want, t_ptr(t_page(40), T_PAGE), T_PAGE);
	r = t_send(FFA_MEM_LEND_64, &d, &h);
	CHECK_OK32(r);
	CHECK_EQ(t_tsp_handle(TEST_SP_CMD_MEM_CHECKSUM, h, 0, &r), 0);
	CHECK_EQ(ffa_handle_join(r.x[4], r.x[5]), want);
}

TEST(test_sp_fill_three_pages)
{
	struct ffa_regs r;
	uint8_t *p = t_ptr(t_page(0), 4 * T_PAGE);
	uint64_t h, sum;

	t_setup(FFA_VERSION_1_1, 1);
	memset(p, 0, 4 * T_PAGE);
	h = t_share_simple(0, 3);
	CHECK_EQ(t_tsp_handle(TEST_SP_CMD_MEM_FILL, h, 0xA5, &r), 0);
	CHECK_EQ(r.x[6], 3);
	CHECK_EQ(p[0], 0xA5);
	CHECK_EQ(p[3 * T_PAGE - 1], 0xA5);
	CHECK_EQ(p[3 * T_PAGE], 0);
	sum = t_fnv(t_page(0), 3);
	CHECK_EQ(t_tsp_handle(TEST_SP_CMD_MEM_CHECKSUM, h, 0, &r), 0);
	CHECK_EQ(ffa_handle_join(r.x[4], r.x[5]), sum);
}

TEST_NEG(test_sp_fill_read_only_denied)
{
	struct ffa_mem_range rg = t_range(0, 2);
	struct t_desc d = { .ep_count = 1, .range_count = 1, .ranges = &rg };
	uint8_t *p = t_ptr(t_page(0), 2 * T_PAGE);
	uint64_t h = 0;
	struct ffa_regs r;

	t_setup(FFA_VERSION_1_1, 1);
	d.ep[0].receiver = TEST_SP_ID;
	d.ep[0].perms = FFA_PERM_DATA_RO | FFA_PERM_INSTR_NX;
	memset(p, 0x3C, 2 * T_PAGE);
	r = t_send(FFA_MEM_SHARE_64, &d, &h);
	CHECK_OK32(r);
	CHECK_EQ(t_tsp_handle(TEST_SP_CMD_MEM_FILL, h, 0x00, &r), FFA_RET_DENIED);
	CHECK_EQ(r.x[6], 0);
	CHECK_EQ(p[0], 0x3C);
	CHECK_EQ(p[2 * T_PAGE - 1], 0x3C);
	CHECK_EQ(t_info().retrieved_txns, 0);
	CHECK_EQ(t_tsp_handle(TEST_SP_CMD_MEM_CHECKSUM, h, 0, &r), 0);
}

TEST_NEG(test_sp_unknown_or_stale_handle)
{
	struct ffa_regs r;
	uint64_t h;

	t_setup(FFA_VERSION_1_1, 1);
	CHECK_EQ(t_tsp_handle(TEST_SP_CMD_MEM_CHECKSUM, 0x12345600, 0, &r),
		 FFA_RET_INVALID_PARAMETERS);
	h = t_share_simple(0, 1);
	r = t_reclaim(h, 0);
	CHECK_OK32(r);
	CHECK_EQ(t_tsp_handle(TEST_SP_CMD_MEM_CHECKSUM, h, 0, &r), FFA_RET_INVALID_PARAMETERS);
	CHECK_EQ(t_tsp_handle(TEST_SP_CMD_MEM_FILL, h, 1, &r), FFA_RET_INVALID_PARAMETERS);
	CHECK_EQ(t_tsp_handle(TEST_SP_CMD_MEM_RETRIEVE, h, 0, &r), FFA_RET_INVALID_PARAMETERS);
}

TEST(test_sp_keeps_a_region_until_relinquish)
{
	struct ffa_regs r;
	uint64_t h;

	t_setup(FFA_VERSION_1_1, 1);
	h = t_share_simple(0, 2);
	CHECK_EQ(t_tsp_handle(TEST_SP_CMD_MEM_RETRIEVE, h, 0, &r), 0);
	CHECK_EQ(r.x[6], 2);
	CHECK_EQ(t_info().retrieved_txns, 1);
	r = t_reclaim(h, 0);
	CHECK_ERR(r, FFA_RET_DENIED);
	/* while kept, the one-shot commands cannot retrieve it again */
	CHECK_EQ(t_tsp_handle(TEST_SP_CMD_MEM_CHECKSUM, h, 0, &r), FFA_RET_DENIED);
	CHECK_EQ(t_tsp_handle(TEST_SP_CMD_MEM_RELINQUISH, h, 0, &r), 0);
	r = t_reclaim(h, 0);
	CHECK_OK32(r);
}

TEST_NEG(test_sp_double_retrieve_and_relinquish)
{
	struct ffa_regs r;
	uint64_t h;

	t_setup(FFA_VERSION_1_1, 1);
	h = t_share_simple(0, 1);
	CHECK_EQ(t_tsp_handle(TEST_SP_CMD_MEM_RELINQUISH, h, 0, &r), FFA_RET_DENIED);
	CHECK_EQ(t_tsp_handle(TEST_SP_CMD_MEM_RETRIEVE, h, 0, &r), 0);
	CHECK_EQ(t_tsp_handle(TEST_SP_CMD_MEM_RETRIEVE, h, 0, &r), FFA_RET_DENIED);
	CHECK_EQ(t_tsp_handle(TEST_SP_CMD_MEM_RELINQUISH, h, 0, &r), 0);
	CHECK_EQ(t_tsp_handle(TEST_SP_CMD_MEM_RELINQUISH, h, 0, &r), FFA_RET_DENIED);
}

/* ---- the partition API directly, with a second partition ---- */

static const struct spmc_partition other = {
	.id = 0x8002, .uuid = FFA_UUID_TPM_CRB,
	.properties = FFA_PART_PROP_DIRECT_REQ_RECV, .direct = t_direct_ok,
};

static void two_partitions(void)
{
	const struct spmc_partition *pp[2] = { test_sp_partition(), &other };

	t_reinit(pp, 2);
	t_setup(FFA_VERSION_1_1, 1);
}

TEST_NEG(sp_retrieve_by_non_receiver)
{
	struct spmc_sp_mem m;
	uint64_t h;

	two_partitions();
	h = t_share_simple(0, 1);
	CHECK_EQ(spmc_sp_retrieve(&g_sim->spmc, 0x8002, h, &m), FFA_RET_DENIED);
	CHECK_EQ(spmc_sp_retrieve(&g_sim->spmc, 0x8009, h, &m), FFA_RET_DENIED);
	CHECK_EQ(spmc_sp_relinquish(&g_sim->spmc, 0x8002, h), FFA_RET_DENIED);
	CHECK_EQ(t_info().retrieved_txns, 0);
	T_INV();
}

TEST_NEG(sp_retrieve_unknown_handle)
{
	struct spmc_sp_mem m;

	t_setup(FFA_VERSION_1_1, 1);
	CHECK_EQ(spmc_sp_retrieve(&g_sim->spmc, TEST_SP_ID, 0, &m), FFA_RET_INVALID_PARAMETERS);
	CHECK_EQ(spmc_sp_retrieve(&g_sim->spmc, TEST_SP_ID, FFA_MEM_HANDLE_INVALID, &m),
		 FFA_RET_INVALID_PARAMETERS);
	CHECK_EQ(spmc_sp_retrieve(&g_sim->spmc, TEST_SP_ID, 1 << 8, NULL),
		 FFA_RET_INVALID_PARAMETERS);
	CHECK_EQ(spmc_sp_relinquish(&g_sim->spmc, TEST_SP_ID, 0x300), FFA_RET_INVALID_PARAMETERS);
	T_INV();
}

TEST(sp_two_receivers)
{
	struct ffa_mem_range rg = t_range(0, 2);
	struct t_desc d = { .ep_count = 2, .range_count = 1, .ranges = &rg };
	struct spmc_sp_mem a, b;
	uint64_t h = 0;
	struct ffa_regs r;

	two_partitions();
	d.ep[0].receiver = TEST_SP_ID;
	d.ep[0].perms = FFA_PERM_DATA_RW | FFA_PERM_INSTR_NX;
	d.ep[1].receiver = 0x8002;
	d.ep[1].perms = FFA_PERM_DATA_RO | FFA_PERM_INSTR_NX;
	r = t_send(FFA_MEM_LEND_64, &d, &h);
	CHECK_OK32(r);
	CHECK_EQ(spmc_sp_retrieve(&g_sim->spmc, TEST_SP_ID, h, &a), FFA_RET_SUCCESS);
	CHECK_EQ(spmc_sp_retrieve(&g_sim->spmc, 0x8002, h, &b), FFA_RET_SUCCESS);
	CHECK_EQ(a.perms & FFA_PERM_DATA_MASK, FFA_PERM_DATA_RW);
	CHECK_EQ(b.perms & FFA_PERM_DATA_MASK, FFA_PERM_DATA_RO);
	CHECK_EQ(t_info().retrieved_txns, 1);
	CHECK_EQ(spmc_sp_relinquish(&g_sim->spmc, TEST_SP_ID, h), FFA_RET_SUCCESS);
	r = t_reclaim(h, 0);
	CHECK_ERR(r, FFA_RET_DENIED);
	CHECK_EQ(spmc_sp_relinquish(&g_sim->spmc, 0x8002, h), FFA_RET_SUCCESS);
	CHECK_EQ(t_info().retrieved_txns, 0);
	r = t_reclaim(h, 0);
	CHECK_OK32(r);
}

TEST_NEG(share_duplicate_receivers)
{
	struct ffa_mem_range rg = t_range(0, 1);
	struct t_desc d = { .ep_count = 2, .range_count = 1, .ranges = &rg };
	struct ffa_regs r;

	two_partitions();
	d.ep[0].receiver = TEST_SP_ID;
	d.ep[0].perms = FFA_PERM_DATA_RW;
	d.ep[1] = d.ep[0];
	r = t_send(FFA_MEM_SHARE_64, &d, NULL);
	CHECK_ERR(r, FFA_RET_INVALID_PARAMETERS);
	CHECK_EQ(t_info().live_txns, 0);
}

TEST(sp_map_gives_the_shared_pages)
{
	struct ffa_mem_range rg[2] = { t_range(8, 2), t_range(0, 3) };
	struct t_desc d = { .range_count = 2, .ranges = rg };
	struct spmc_sp_mem m;
	uint64_t h = 0;
	struct ffa_regs r;

	t_setup(FFA_VERSION_1_1, 1);
	r = t_send(FFA_MEM_SHARE_64, &d, &h);
	CHECK_OK32(r);
	CHECK_EQ(spmc_sp_retrieve(&g_sim->spmc, TEST_SP_ID, h, &m), FFA_RET_SUCCESS);
	CHECK(spmc_sp_map(&g_sim->spmc, &m, 0, 0, 3) == t_ptr(t_page(0), 3 * T_PAGE));
	CHECK(spmc_sp_map(&g_sim->spmc, &m, 0, 2, 1) == t_ptr(t_page(2), T_PAGE));
	CHECK(spmc_sp_map(&g_sim->spmc, &m, 1, 1, 1) == t_ptr(t_page(9), T_PAGE));
}

TEST_NEG(sp_map_bounds)
{
	struct spmc_sp_mem m, fake;
	uint64_t h;

	t_setup(FFA_VERSION_1_1, 1);
	h = t_share_simple(0, 3);
	CHECK_EQ(spmc_sp_retrieve(&g_sim->spmc, TEST_SP_ID, h, &m), FFA_RET_SUCCESS);
	CHECK(spmc_sp_map(&g_sim->spmc, &m, 0, 3, 1) == NULL);
	CHECK(spmc_sp_map(&g_sim->spmc, &m, 0, 2, 2) == NULL);
	CHECK(spmc_sp_map(&g_sim->spmc, &m, 0, 0, 0) == NULL);
	CHECK(spmc_sp_map(&g_sim->spmc, &m, 0, 1, UINT32_MAX) == NULL);
	CHECK(spmc_sp_map(&g_sim->spmc, &m, 1, 0, 1) == NULL);
	CHECK(spmc_sp_map(&g_sim->spmc, NULL, 0, 0, 1) == NULL);
	/* a forged view does not widen anything */
	fake = m;
	fake.handle = h + (1ull << SPMC_HANDLE_SLOT_BITS);
	CHECK(spmc_sp_map(&g_sim->spmc, &fake, 0, 0, 1) == NULL);
	fake = m;
	fake.range_count = 5;
	CHECK(spmc_sp_map(&g_sim->spmc, &fake, 3, 0, 1) == NULL);
	CHECK(spmc_sp_map(&g_sim->spmc, &m, 0, 0, 3) != NULL);
	/* stale after relinquish */
	CHECK_EQ(spmc_sp_relinquish(&g_sim->spmc, TEST_SP_ID, h), FFA_RET_SUCCESS);
	CHECK(spmc_sp_map(&g_sim->spmc, &m, 0, 0, 1) == NULL);
}
