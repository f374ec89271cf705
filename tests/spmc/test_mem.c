// SPDX-License-Identifier: MIT
/* MEM_SHARE / MEM_LEND (single fragment) and MEM_RECLAIM. */
#include <stdlib.h>

#include "tests/spmc/tsim.h"

static uint8_t desc[8192];

static struct ffa_regs share_ranges(const struct ffa_mem_range *rg, uint32_t n, uint64_t *h)
{
	struct t_desc d = { .range_count = n, .ranges = rg };

	return t_send(FFA_MEM_SHARE_64, &d, h);
}

static struct ffa_regs share_one(uint32_t first, uint32_t pages, uint64_t *h)
{
	struct ffa_mem_range rg = t_range(first, pages);

	return share_ranges(&rg, 1, h);
}

/* Offsets inside an encoded descriptor, read back from it. */
static uint32_t emad_off(const uint8_t *b)
{
	return t_info().version >= FFA_VERSION_1_1 ? load_le32(b + FFA_MTD11_EMAD_OFFSET)
						   : FFA_MTD10_SIZE;
}

static uint32_t comp_off(const uint8_t *b)
{
	return load_le32(b + emad_off(b) + FFA_EMAD_COMPOSITE_OFF);
}

/* A fresh system at `version` sharing pages from page `first`; the handle. */
static uint64_t setup_share_one(uint32_t version, uint32_t first, uint32_t pages)
{
	uint64_t h = 0;
	struct ffa_regs r;

	t_setup(version, 1);
	r = share_one(first, pages, &h);
	CHECK_OK32(r);
	return h;
}

TEST(share_single_range)
{
	struct spmc_sp_mem m;
	uint64_t h = 0;
	struct ffa_regs r;

	h = setup_share_one(FFA_VERSION_1_1, 0, 3);
	CHECK(h != 0);
	CHECK(!(h & FFA_MEM_HANDLE_ALLOCATOR_HYP));
	CHECK_EQ(t_info().live_txns, 1);
	CHECK_EQ(spmc_sp_retrieve(&g_sim->spmc, TEST_SP_ID, h, &m), FFA_RET_SUCCESS);
	CHECK_EQ(m.handle, h);
	CHECK_EQ(m.type, FFA_MTD_FLAG_TYPE_SHARE);
	CHECK_EQ(m.perms, FFA_PERM_DATA_RW | FFA_PERM_INSTR_NX);
	CHECK_EQ(m.attributes, FFA_ATTR_NORMAL_WB_INNER | FFA_ATTR_NS_BIT);
	CHECK_EQ(m.total_pages, 3);
	CHECK_EQ(m.range_count, 1);
	CHECK_EQ(m.ranges[0].addr, t_page(0));
	CHECK_EQ(m.ranges[0].pages, 3);
	CHECK_EQ(t_info().retrieved_txns, 1);
	T_INV();
	CHECK_EQ(spmc_sp_relinquish(&g_sim->spmc, TEST_SP_ID, h), FFA_RET_SUCCESS);
	CHECK_EQ(t_info().retrieved_txns, 0);
	r = t_reclaim(h, 0);
	CHECK_OK32(r);
	CHECK_EQ(t_info().live_txns, 0);
}

TEST(share_32bit_call_and_v12_layout)
{
	struct ffa_mem_range rg = t_range(2, 1);
	struct t_desc d = { .range_count = 1, .ranges = &rg };
	uint64_t h = 0;
	struct ffa_regs r;

	t_setup(FFA_VERSION_1_2, 1);
	r = t_send(FFA_MEM_SHARE_32, &d, &h);
	CHECK_OK32(r);
	CHECK_EQ(t_info().live_txns, 1);
	r = t_reclaim(h, 0);
	CHECK_OK32(r);
}

TEST(share_v10_layout)
{
	struct spmc_sp_mem m;
	uint64_t h = 0;

	h = setup_share_one(FFA_VERSION_1_0, 0, 2);
	CHECK_EQ(spmc_sp_retrieve(&g_sim->spmc, TEST_SP_ID, h, &m), FFA_RET_SUCCESS);
	CHECK_EQ(m.total_pages, 2);
	CHECK_EQ(spmc_sp_relinquish(&g_sim->spmc, TEST_SP_ID, h), FFA_RET_SUCCESS);
}

TEST(share_before_version_uses_v10_layout)
{
	struct ffa_mem_range rg = t_range(0, 1);
	struct t_desc d = { .layout = FFA_VERSION_1_0, .range_count = 1, .ranges = &rg };
	struct ffa_regs r = t_smc(FFA_RXTX_MAP_64, T_TX_PA, T_RX_PA, 1, 0, 0);

	CHECK_OK32(r);
	r = t_send(FFA_MEM_SHARE_64, &d, NULL);
	CHECK_OK32(r);
	CHECK_EQ(t_info().live_txns, 1);
}

/* At `version`, sending d with fid fails with err and leaves no transaction. */
static void send_refused(uint32_t version, uint32_t fid, const struct t_desc *d, int32_t err)
{
	struct ffa_regs r;

	t_setup(version, 1);
	r = t_send(fid, d, NULL);
	CHECK_ERR(r, err);
	CHECK_EQ(t_info().live_txns, 0);
}

TEST_NEG(share_v11_descriptor_at_v10_rejected)
{
	struct ffa_mem_range rg = t_range(0, 1);
	struct t_desc d = { .layout = FFA_VERSION_1_1, .range_count = 1, .ranges = &rg };
	send_refused(FFA_VERSION_1_0, FFA_MEM_SHARE_64, &d, FFA_RET_INVALID_PARAMETERS);
}

TEST(share_sorts_ranges)
{
	struct ffa_mem_range rg[4] = { t_range(20, 2), t_range(0, 1), t_range(10, 3),
				       t_range(5, 1) };
	struct spmc_sp_mem m;
	uint64_t h = 0;
	struct ffa_regs r;

	t_setup(FFA_VERSION_1_1, 1);
	r = share_ranges(rg, 4, &h);
	CHECK_OK32(r);
	CHECK_EQ(spmc_sp_retrieve(&g_sim->spmc, TEST_SP_ID, h, &m), FFA_RET_SUCCESS);
	CHECK_EQ(m.range_count, 4);
	CHECK_EQ(m.total_pages, 7);
	CHECK_EQ(m.ranges[0].addr, t_page(0));
	CHECK_EQ(m.ranges[1].addr, t_page(5));
	CHECK_EQ(m.ranges[2].addr, t_page(10));
	CHECK_EQ(m.ranges[3].addr, t_page(20));
	CHECK_EQ(m.ranges[3].pages, 2);
}

TEST(lend_with_zero_flag_clears_memory)
{
	struct ffa_mem_range rg = t_range(0, 2);
	struct t_desc d = { .flags = FFA_MTD_FLAG_ZERO_MEMORY, .range_count = 1, .ranges = &rg };
	struct spmc_sp_mem m;
	uint8_t *p = t_ptr(t_page(0), 2 * T_PAGE);
	uint64_t h = 0;
	struct ffa_regs r;

	t_setup(FFA_VERSION_1_1, 1);
	memset(p, 0x77, 2 * T_PAGE);
	r = t_send(FFA_MEM_LEND_64, &d, &h);
	CHECK_OK32(r);
	CHECK_EQ(p[0], 0);
	CHECK_EQ(p[2 * T_PAGE - 1], 0);
	CHECK_EQ(spmc_sp_retrieve(&g_sim->spmc, TEST_SP_ID, h, &m), FFA_RET_SUCCESS);
	CHECK_EQ(m.type, FFA_MTD_FLAG_TYPE_LEND);
}

TEST(lend_32bit_keeps_memory)
{
	struct ffa_mem_range rg = t_range(0, 1);
	struct t_desc d = { .range_count = 1, .ranges = &rg };
	uint8_t *p = t_ptr(t_page(0), T_PAGE);
	struct ffa_regs r;

	t_setup(FFA_VERSION_1_1, 1);
	memset(p, 0x42, T_PAGE);
	r = t_send(FFA_MEM_LEND_32, &d, NULL);
	CHECK_OK32(r);
	CHECK_EQ(p[100], 0x42);
}

TEST_NEG(share_zero_flag_rejected)
{
	struct ffa_mem_range rg = t_range(0, 1);
	struct t_desc d = { .flags = FFA_MTD_FLAG_ZERO_MEMORY, .range_count = 1, .ranges = &rg };
	send_refused(FFA_VERSION_1_1, FFA_MEM_SHARE_64, &d, FFA_RET_INVALID_PARAMETERS);
}

TEST_NEG(share_without_tx_denied)
{
	static const uint32_t fids[] = { FFA_MEM_SHARE_64, FFA_MEM_LEND_32 };
	struct ffa_regs r;

	t_version(FFA_VERSION_1_1);
	for (unsigned int i = 0; i < sizeof(fids) / sizeof(fids[0]); i++) {
		check_case("fid %#x", fids[i]);
		r = t_smc(fids[i], 96, 96, 0, 0, 0);
		CHECK_ERR(r, FFA_RET_DENIED);
	}
}

TEST_NEG(share_from_a_buffer_address)
{
	struct ffa_regs r;
	struct ffa_mem_range rg = t_range(0, 1);
	struct t_desc d = { .range_count = 1, .ranges = &rg };
	uint32_t len;

	t_setup(FFA_VERSION_1_1, 1);
	len = t_encode(t_tx(), T_PAGE, &d);
	r = t_smc(FFA_MEM_SHARE_64, len, len, t_page(50), 1, 0);
	CHECK_ERR(r, FFA_RET_INVALID_PARAMETERS);
	r = t_smc(FFA_MEM_SHARE_64, len, len, 0, 1, 0);
	CHECK_ERR(r, FFA_RET_INVALID_PARAMETERS);
	r = t_smc(FFA_MEM_SHARE_32, len, len, 0x1000, 0, 0);
	CHECK_ERR(r, FFA_RET_INVALID_PARAMETERS);
	r = t_smc(FFA_MEM_SHARE_64, len, len, 0, 0, 0);
	CHECK_OK32(r);
}

TEST_NEG(share_bad_fragment_lengths)
{
	static const struct { uint32_t total, frag; int32_t err; } bad[] = {
		{ .total = 96, .frag = 0, .err = FFA_RET_INVALID_PARAMETERS },
		{ .total = 96, .frag = 97, .err = FFA_RET_INVALID_PARAMETERS },
		{ .total = 2 * T_PAGE, .frag = T_PAGE + 1, .err = FFA_RET_INVALID_PARAMETERS },
		{ .total = SPMC_DESC_MAX + 1, .frag = 64, .err = FFA_RET_NO_MEMORY },
		{ .total = 0xFFFFFFFFu, .frag = T_PAGE, .err = FFA_RET_NO_MEMORY },
	};
	struct ffa_regs r;

	t_setup(FFA_VERSION_1_1, 1);
	for (unsigned int i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		check_case("total %u, fragment %u", bad[i].total, bad[i].frag);
		r = t_smc(FFA_MEM_SHARE_64, bad[i].total, bad[i].frag, 0, 0, 0);
		CHECK_ERR(r, bad[i].err);
	}
	check_case("after the calls");
	CHECK_EQ(g_sim->spmc.stage.kind, SPMC_STAGE_IDLE);
}

/* Malformed descriptors leave the table and pool exactly as they were. */
static void send_malformed(uint32_t len, int32_t want)
{
	struct t_snap sn;
	struct ffa_regs r;

	t_snap_take(&sn);
	memcpy(t_tx(), desc, len);
	r = t_smc(FFA_MEM_SHARE_64, len, len, 0, 0, 0);
	CHECK_ERR(r, want);
	CHECK(t_snap_same(&sn));
}

static uint32_t encode_one(uint32_t first, uint32_t pages)
{
	struct ffa_mem_range rg = t_range(first, pages);
	struct t_desc d = { .range_count = 1, .ranges = &rg };

	return t_encode(desc, sizeof(desc), &d);
}

TEST_NEG(share_offset_past_the_end)
{
	uint32_t len;

	t_setup(FFA_VERSION_1_1, 1);
	(void)t_share_simple(30, 1);   /* something in the table to preserve */
	len = encode_one(0, 1);
	store_le32(desc + emad_off(desc) + FFA_EMAD_COMPOSITE_OFF, len + 16);
	send_malformed(len, FFA_RET_INVALID_PARAMETERS);
	len = encode_one(0, 1);
	store_le32(desc + FFA_MTD11_EMAD_OFFSET, 0xFFFFFFF0u);
	send_malformed(len, FFA_RET_INVALID_PARAMETERS);
	/* truncated: total length one constituent short */
	len = encode_one(0, 1);
	send_malformed(len - FFA_CONS_SIZE, FFA_RET_INVALID_PARAMETERS);
}

TEST_NEG(share_count_overflow)
{
	uint32_t len;

	t_setup(FFA_VERSION_1_1, 1);
	(void)t_share_simple(30, 1);
	len = encode_one(0, 1);
	store_le32(desc + comp_off(desc) + FFA_COMP_RANGE_COUNT, 0x10000001u);
	send_malformed(len, FFA_RET_INVALID_PARAMETERS);
	len = encode_one(0, 1);
	store_le32(desc + FFA_MTD11_EMAD_COUNT, 0xFFFFFFFFu);
	send_malformed(len, FFA_RET_INVALID_PARAMETERS);
	len = encode_one(0, 1);
	store_le32(desc + comp_off(desc) + FFA_COMP_TOTAL_PAGES, 2);
	send_malformed(len, FFA_RET_INVALID_PARAMETERS);
	/* a page count that wraps the address space */
	len = encode_one(0, 1);
	store_le64(desc + comp_off(desc) + FFA_COMP_SIZE + FFA_CONS_ADDRESS, 0xFFFFFFFFFFFFF000ull);
	store_le32(desc + comp_off(desc) + FFA_COMP_SIZE + FFA_CONS_PAGE_COUNT, 2);
	store_le32(desc + comp_off(desc) + FFA_COMP_TOTAL_PAGES, 2);
	send_malformed(len, FFA_RET_INVALID_PARAMETERS);
}

TEST_NEG(share_unaligned_or_empty_range)
{
	uint32_t len;

	t_setup(FFA_VERSION_1_1, 1);
	len = encode_one(0, 1);
	store_le64(desc + comp_off(desc) + FFA_COMP_SIZE + FFA_CONS_ADDRESS, t_page(0) + 8);
	send_malformed(len, FFA_RET_INVALID_PARAMETERS);
	len = encode_one(0, 1);
	store_le32(desc + comp_off(desc) + FFA_COMP_SIZE + FFA_CONS_PAGE_COUNT, 0);
	store_le32(desc + comp_off(desc) + FFA_COMP_TOTAL_PAGES, 0);
	send_malformed(len, FFA_RET_INVALID_PARAMETERS);
}

TEST_NEG(share_sender_not_zero)
{
	struct ffa_mem_range rg = t_range(0, 1);
	struct t_desc d = { .sender = 0x0001, .range_count = 1, .ranges = &rg };
	struct ffa_regs r;

	t_setup(FFA_VERSION_1_1, 1);
	r = t_send(FFA_MEM_SHARE_64, &d, NULL);
	CHECK_ERR(r, FFA_RET_INVALID_PARAMETERS);
	d.sender = TEST_SP_ID;
	d.ep_count = 1;
	d.ep[0].receiver = TEST_SP_ID;
	d.ep[0].perms = FFA_PERM_DATA_RW;
	r = t_send(FFA_MEM_SHARE_64, &d, NULL);
	CHECK_ERR(r, FFA_RET_INVALID_PARAMETERS);
	CHECK_EQ(t_info().live_txns, 0);
}

TEST_NEG(share_unknown_receiver)
{
	uint16_t bad[] = { 0x8002, 0x0005, FFA_ID_SPMC };
	struct ffa_mem_range rg = t_range(0, 1);

	t_setup(FFA_VERSION_1_1, 1);
	for (unsigned int i = 0; i < 3; i++) {
		struct t_desc d = { .ep_count = 1, .range_count = 1, .ranges = &rg };
		struct ffa_regs r;

		d.ep[0].receiver = bad[i];
		d.ep[0].perms = FFA_PERM_DATA_RW;
		r = t_send(FFA_MEM_SHARE_64, &d, NULL);
		CHECK_ERR(r, FFA_RET_INVALID_PARAMETERS);
	}
	CHECK_EQ(t_info().live_txns, 0);
}

/* Send (fid) page 0 to the test partition with these EMAD perms and flags. */
static struct ffa_regs send_to_tsp(uint32_t fid, uint8_t perms, uint8_t flags)
{
	struct ffa_mem_range rg = t_range(0, 1);
	struct t_desc d = { .ep_count = 1, .range_count = 1, .ranges = &rg };

	d.ep[0].receiver = TEST_SP_ID;
	d.ep[0].perms = perms;
	d.ep[0].flags = flags;
	return t_send(fid, &d, NULL);
}

TEST_NEG(share_non_retrieval_borrower_flag)
{
	const uint8_t flags = FFA_EMAD_FLAG_NON_RETRIEVAL_BORROWER;
	struct ffa_regs r;

	t_setup(FFA_VERSION_1_1, 1);
	r = send_to_tsp(FFA_MEM_SHARE_64, FFA_PERM_DATA_RW, flags);
	CHECK_ERR(r, FFA_RET_INVALID_PARAMETERS);
	r = send_to_tsp(FFA_MEM_LEND_64, FFA_PERM_DATA_RW, flags);
	CHECK(r.x[0] == FFA_ERROR);
	CHECK_EQ(t_info().live_txns, 0);
}

TEST_NEG(share_page_already_shared)
{
	struct t_snap sn;
	struct ffa_regs r;

	t_setup(FFA_VERSION_1_1, 1);
	(void)t_share_simple(4, 4);          /* pages 4..7 */
	t_snap_take(&sn);
	r = share_one(4, 4, NULL);
	CHECK_ERR(r, FFA_RET_DENIED);
	r = share_one(7, 2, NULL);           /* overlaps the last page */
	CHECK_ERR(r, FFA_RET_DENIED);
	r = share_one(0, 16, NULL);          /* contains it */
	CHECK_ERR(r, FFA_RET_DENIED);
	r = t_send(FFA_MEM_LEND_64, &(struct t_desc){ .range_count = 1,
		   .ranges = &(struct ffa_mem_range){ t_page(5), 1 } }, NULL);
	CHECK_ERR(r, FFA_RET_DENIED);
	CHECK(t_snap_same(&sn));
	r = share_one(8, 1, NULL);           /* adjacent is fine */
	CHECK_OK32(r);
}

TEST_NEG(share_overlapping_ranges_in_one_descriptor)
{
	struct ffa_mem_range rg[3] = { t_range(0, 4), t_range(10, 1), t_range(3, 2) };
	struct ffa_regs r;

	t_setup(FFA_VERSION_1_1, 1);
	r = share_ranges(rg, 3, NULL);
	CHECK_ERR(r, FFA_RET_INVALID_PARAMETERS);
	rg[2] = t_range(10, 1);
	r = share_ranges(rg, 3, NULL);
	CHECK_ERR(r, FFA_RET_INVALID_PARAMETERS);
	CHECK_EQ(t_info().live_txns, 0);
}

/* Sharing range a, then range b, is DENIED both times and leaves nothing. */
static void both_denied(struct ffa_mem_range a, struct ffa_mem_range b)
{
	struct ffa_regs r;

	t_setup(FFA_VERSION_1_1, 1);
	r = share_ranges(&a, 1, NULL);
	CHECK_ERR(r, FFA_RET_DENIED);
	r = share_ranges(&b, 1, NULL);
	CHECK_ERR(r, FFA_RET_DENIED);
	CHECK_EQ(t_info().live_txns, 0);
}

TEST_NEG(share_rxtx_pages_denied)
{
	both_denied((struct ffa_mem_range){ T_TX_PA, 1 },
		    (struct ffa_mem_range){ T_RX_PA - T_PAGE, 2 });
}

TEST_NEG(share_outside_ns_memory_denied)
{
	/* In secure memory; running past the end of NS memory. */
	both_denied((struct ffa_mem_range){ 0x0E000000, 1 },
		    (struct ffa_mem_range){ HOST_SIM_NS_BASE + T_MEM_SIZE - T_PAGE, 2 });
}

TEST_NEG(share_table_full)
{
	struct t_snap sn;
	uint64_t first = 0, h = 0;
	struct ffa_regs r;

	t_setup(FFA_VERSION_1_1, 1);
	for (uint32_t i = 0; i < SPMC_MAX_TXNS; i++) {
		uint64_t hi = t_share_simple(i, 1);

		if (i == 0)
			first = hi;
	}
	CHECK_EQ(t_info().live_txns, SPMC_MAX_TXNS);
	t_snap_take(&sn);
	r = share_one(100, 1, NULL);
	CHECK_ERR(r, FFA_RET_NO_MEMORY);
	CHECK(t_snap_same(&sn));
	r = t_reclaim(first, 0);
	CHECK_OK32(r);
	r = share_one(100, 1, &h);
	CHECK_OK32(r);
	CHECK(h != first);
	CHECK_EQ(h & SPMC_HANDLE_SLOT_MASK, first & SPMC_HANDLE_SLOT_MASK);
}

TEST_NEG(share_range_pool_full)
{
	struct ffa_mem_range *rg = calloc(SPMC_RANGE_POOL, sizeof(*rg));
	struct t_snap sn;
	uint64_t big = 0;
	struct ffa_regs r;

	t_setup(FFA_VERSION_1_1, 32);
	for (uint32_t i = 0; i < SPMC_RANGE_POOL; i++)
		rg[i] = t_range(2 * i, 1);
	r = share_ranges(rg, SPMC_RANGE_POOL, &big);
	CHECK_OK32(r);
	t_snap_take(&sn);
	r = share_one(2 * SPMC_RANGE_POOL + 2, 1, NULL);
	CHECK_ERR(r, FFA_RET_NO_MEMORY);
	CHECK(t_snap_same(&sn));
	r = t_reclaim(big, 0);
	CHECK_OK32(r);
	r = share_ranges(rg, 2, NULL);
	CHECK_OK32(r);
	r = t_reclaim(ffa_handle_join(r.x[2], r.x[3]), 0);
	CHECK_OK32(r);
	free(rg);
}

TEST(handles_are_never_reused)
{
	uint64_t a, b;
	struct ffa_regs r;

	t_setup(FFA_VERSION_1_1, 1);
	a = t_share_simple(0, 1);
	r = t_reclaim(a, 0);
	CHECK_OK32(r);
	b = t_share_simple(0, 1);
	CHECK(a != b);
	r = t_reclaim(a, 0);
	CHECK_ERR(r, FFA_RET_INVALID_PARAMETERS);
	CHECK_EQ(t_info().live_txns, 1);
	r = t_reclaim(b, 0);
	CHECK_OK32(r);
}

TEST_NEG(reclaim_unknown_handle)
{
	uint64_t h, bad[5];
	struct ffa_regs r;

	t_setup(FFA_VERSION_1_1, 1);
	h = t_share_simple(0, 1);
	bad[0] = 0;
	bad[1] = FFA_MEM_HANDLE_INVALID;
	bad[2] = h | FFA_MEM_HANDLE_ALLOCATOR_HYP;
	bad[3] = h + 1;
	bad[4] = h + (1ull << SPMC_HANDLE_SLOT_BITS);
	for (unsigned int i = 0; i < 5; i++) {
		r = t_reclaim(bad[i], 0);
		CHECK_ERR(r, FFA_RET_INVALID_PARAMETERS);
	}
	CHECK_EQ(t_info().live_txns, 1);
}

TEST_NEG(reclaim_bad_flags)
{
	uint64_t h;
	struct ffa_regs r;

	t_setup(FFA_VERSION_1_1, 1);
	h = t_share_simple(0, 1);
	r = t_reclaim(h, 4);
	CHECK_ERR(r, FFA_RET_INVALID_PARAMETERS);
	r = t_reclaim(h, 0x80000000u);
	CHECK_ERR(r, FFA_RET_INVALID_PARAMETERS);
	CHECK_EQ(t_info().live_txns, 1);
	r = t_reclaim(h, FFA_RECLAIM_FLAG_TIME_SLICING);
	CHECK_OK32(r);
}

TEST_NEG(reclaim_while_retrieved_denied)
{
	struct spmc_sp_mem m;
	uint64_t h;
	struct ffa_regs r;

	t_setup(FFA_VERSION_1_1, 1);
	h = t_share_simple(0, 1);
	CHECK_EQ(spmc_sp_retrieve(&g_sim->spmc, TEST_SP_ID, h, &m), FFA_RET_SUCCESS);
	r = t_reclaim(h, 0);
	CHECK_ERR(r, FFA_RET_DENIED);
	CHECK_EQ(t_info().live_txns, 1);
	CHECK_EQ(spmc_sp_relinquish(&g_sim->spmc, TEST_SP_ID, h), FFA_RET_SUCCESS);
	r = t_reclaim(h, 0);
	CHECK_OK32(r);
}

TEST(reclaim_zero_flag_clears_memory)
{
	uint8_t *p = t_ptr(t_page(0), 3 * T_PAGE);
	uint64_t h;
	struct ffa_regs r;

	t_setup(FFA_VERSION_1_1, 1);
	memset(p, 0x99, 3 * T_PAGE);
	h = t_share_simple(0, 2);
	r = t_reclaim(h, FFA_RECLAIM_FLAG_ZERO_MEMORY);
	CHECK_OK32(r);
	CHECK_EQ(p[0], 0);
	CHECK_EQ(p[2 * T_PAGE - 1], 0);
	CHECK_EQ(p[2 * T_PAGE], 0x99);   /* the page after is not part of it */
}

TEST(reclaimed_pages_can_be_shared_again)
{
	uint64_t h;
	struct ffa_regs r;

	t_setup(FFA_VERSION_1_1, 1);
	h = t_share_simple(0, 4);
	r = share_one(2, 1, NULL);
	CHECK_ERR(r, FFA_RET_DENIED);
	r = t_reclaim(h, 0);
	CHECK_OK32(r);
	r = share_one(2, 1, NULL);
	CHECK_OK32(r);
}

TEST_NEG(share_reserved_permissions)
{
	struct ffa_regs r;

	t_setup(FFA_VERSION_1_1, 1);
	r = send_to_tsp(FFA_MEM_SHARE_64, FFA_PERM_DATA_RESERVED, 0);
	CHECK_ERR(r, FFA_RET_INVALID_PARAMETERS);
	CHECK_EQ(t_info().live_txns, 0);
}
