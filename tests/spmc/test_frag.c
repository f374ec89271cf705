// SPDX-License-Identifier: MIT
/* Fragmented MEM_SHARE/MEM_LEND: FRAG_RX / FRAG_TX from the sender's side. */
#include <stdlib.h>

#include "tests/spmc/tsim.h"

#define NR 600   /* ~9.7 KB of descriptor: three 4 KiB fragments */

static uint8_t big[SPMC_DESC_MAX];
static uint32_t big_len;

/* Descriptor with NR one-page ranges at even pages from `first`. */
static void build(uint32_t first)
{
	struct ffa_mem_range *rg = calloc(NR, sizeof(*rg));
	struct t_desc d = { .range_count = NR, .ranges = rg };

	for (uint32_t i = 0; i < NR; i++)
		rg[i] = t_range(first + 2 * i, 1);
	big_len = t_encode(big, sizeof(big), &d);
	free(rg);
}

/* Send the first fragment; returns the reserved handle. */
static uint64_t start(uint32_t fid)
{
	struct ffa_regs r;

	memcpy(t_tx(), big, T_PAGE);
	r = t_smc(fid, big_len, T_PAGE, 0, 0, 0);
	CHECK_EQ(r.x[0], FFA_MEM_FRAG_RX);
	CHECK_EQ(r.x[3], T_PAGE);
	CHECK_EQ(r.x[4], 0);
	return ffa_handle_join(r.x[1], r.x[2]);
}

static struct ffa_regs frag(uint64_t h, uint32_t off, uint32_t len)
{
	memcpy(t_tx(), big + off, len);
	return t_smc(FFA_MEM_FRAG_TX, (uint32_t)h, h >> 32, len, 0, 0);
}

/*
 * Fragments two and three of `big` for h; the answer to the last.
 * check_middle: the third must be asked for (FRAG_RX) too.
 */
static struct ffa_regs rest(uint64_t h, bool check_middle)
{
	struct ffa_regs r = frag(h, T_PAGE, T_PAGE);

	if (check_middle)
		CHECK_EQ(r.x[0], FFA_MEM_FRAG_RX);
	return frag(h, 2 * T_PAGE, big_len - 2 * T_PAGE);
}

/* `big` shared in three fragments; the answer to the last. */
static struct ffa_regs send_in_three(bool check_middle)
{
	return rest(start(FFA_MEM_SHARE_64), check_middle);
}

/* A fresh v1.1 system with `big` built and its first fragment sent as a share. */
static uint64_t started(void)
{
	t_setup(FFA_VERSION_1_1, 1);
	build(0);
	return start(FFA_MEM_SHARE_64);
}

TEST(frag_share_in_three_fragments)
{
	struct spmc_sp_mem m;
	struct ffa_regs r;
	uint64_t h;

	t_setup(FFA_VERSION_1_1, 1);
	build(0);
	CHECK(big_len > 2 * T_PAGE && big_len < 3 * T_PAGE);
	h = start(FFA_MEM_SHARE_64);
	CHECK(h != 0 && !(h & FFA_MEM_HANDLE_ALLOCATOR_HYP));
	CHECK_EQ(t_info().live_txns, 0);
	r = frag(h, T_PAGE, T_PAGE);
	CHECK_EQ(r.x[0], FFA_MEM_FRAG_RX);
	CHECK_EQ(ffa_handle_join(r.x[1], r.x[2]), h);
	CHECK_EQ(r.x[3], 2 * T_PAGE);
	r = frag(h, 2 * T_PAGE, big_len - 2 * T_PAGE);
	CHECK_OK32(r);
	CHECK_EQ(ffa_handle_join(r.x[2], r.x[3]), h);
	CHECK_EQ(t_info().live_txns, 1);
	CHECK_EQ(g_sim->spmc.stage.kind, SPMC_STAGE_IDLE);
	CHECK_EQ(spmc_sp_retrieve(&g_sim->spmc, TEST_SP_ID, h, &m), FFA_RET_SUCCESS);
	CHECK_EQ(m.range_count, NR);
	CHECK_EQ(m.total_pages, NR);
	CHECK_EQ(m.ranges[NR - 1].addr, t_page(2 * (NR - 1)));
}

TEST(frag_lend_32_in_small_fragments)
{
	struct ffa_regs r = { .x = { 0 } };
	uint64_t h;
	uint32_t off = T_PAGE;

	t_setup(FFA_VERSION_1_2, 1);
	build(0);
	h = start(FFA_MEM_LEND_32);
	/* uneven pieces, as a sender may choose */
	while (off < big_len) {
		uint32_t n = big_len - off < 1000 ? big_len - off : 1000;

		r = frag(h, off, n);
		off += n;
		if (off < big_len) {
			CHECK_EQ(r.x[0], FFA_MEM_FRAG_RX);
			CHECK_EQ(r.x[3], off);
		}
	}
	CHECK_OK32(r);
	CHECK_EQ(t_info().live_txns, 1);
}

TEST_NEG(frag_wrong_handle_leaves_send_intact)
{
	struct ffa_regs r;
	uint64_t h;

	h = started();
	r = frag(h + 1, T_PAGE, T_PAGE);
	CHECK_ERR(r, FFA_RET_INVALID_PARAMETERS);
	r = frag(h ^ (1ull << 40), T_PAGE, T_PAGE);
	CHECK_ERR(r, FFA_RET_INVALID_PARAMETERS);
	CHECK_EQ(g_sim->spmc.stage.done, T_PAGE);
	r = rest(h, true);
	CHECK_OK32(r);
}

TEST_NEG(frag_overflowing_the_total)
{
	struct ffa_regs r;
	uint64_t h;

	h = started();
	r = frag(h, T_PAGE, T_PAGE);
	CHECK_EQ(r.x[0], FFA_MEM_FRAG_RX);
	r = frag(h, 2 * T_PAGE, big_len - 2 * T_PAGE + 1);
	CHECK_ERR(r, FFA_RET_INVALID_PARAMETERS);
	r = t_smc(FFA_MEM_FRAG_TX, (uint32_t)h, h >> 32, 0xFFFFFFFFu, 0, 0);
	CHECK_ERR(r, FFA_RET_INVALID_PARAMETERS);
	r = t_smc(FFA_MEM_FRAG_TX, (uint32_t)h, h >> 32, 0, 0, 0);
	CHECK_ERR(r, FFA_RET_INVALID_PARAMETERS);
	CHECK_EQ(g_sim->spmc.stage.done, 2 * T_PAGE);
	r = frag(h, 2 * T_PAGE, big_len - 2 * T_PAGE);
	CHECK_OK32(r);
}

/*
 * After the first fragment, a FRAG_TX of len bytes (TX holding the second
 * fragment) with w4 as sender ID word is refused and takes nothing.
 */
static void second_frag_refused(uint32_t len, uint32_t w4)
{
	struct ffa_regs r;
	uint64_t h;

	h = started();
	memcpy(t_tx(), big + T_PAGE, T_PAGE);
	r = t_smc(FFA_MEM_FRAG_TX, (uint32_t)h, h >> 32, len, w4, 0);
	CHECK_ERR(r, FFA_RET_INVALID_PARAMETERS);
	CHECK_EQ(g_sim->spmc.stage.done, T_PAGE);
}

TEST_NEG(frag_bigger_than_tx)
{
	second_frag_refused(T_PAGE + 1, 0);
}

TEST_NEG(frag_with_a_sender_id)
{
	second_frag_refused(T_PAGE, 1u << 16);
}

TEST_NEG(frag_tx_with_nothing_pending)
{
	struct ffa_regs r;

	t_setup(FFA_VERSION_1_1, 1);
	r = t_smc(FFA_MEM_FRAG_TX, 0x100, 0, 64, 0, 0);
	CHECK_ERR(r, FFA_RET_INVALID_PARAMETERS);
	r = t_smc(FFA_MEM_FRAG_TX, 0, 0, 64, 0, 0);
	CHECK_ERR(r, FFA_RET_INVALID_PARAMETERS);
}

TEST_NEG(new_send_while_fragments_pending_busy)
{
	struct ffa_regs r;
	uint64_t h;

	h = started();
	r = t_smc(FFA_MEM_SHARE_64, 96, 96, 0, 0, 0);
	CHECK_ERR(r, FFA_RET_BUSY);
	r = t_smc(FFA_MEM_LEND_32, 96, 96, 0, 0, 0);
	CHECK_ERR(r, FFA_RET_BUSY);
	r = t_smc(FFA_MEM_RETRIEVE_REQ_64, 48, 48, 0, 0, 0);
	CHECK_ERR(r, FFA_RET_BUSY);
	/* the pending one still completes */
	r = rest(h, true);
	CHECK_OK32(r);
}

TEST_NEG(unmap_while_fragments_pending_denied)
{
	struct ffa_regs r;

	t_setup(FFA_VERSION_1_1, 1);
	build(0);
	(void)start(FFA_MEM_SHARE_64);
	r = t_smc(FFA_RXTX_UNMAP, 0, 0, 0, 0, 0);
	CHECK_ERR(r, FFA_RET_DENIED);
	CHECK_EQ(t_info().rxtx_pages, 1);
}

TEST(frag_send_aborted_by_reclaim)
{
	struct ffa_regs r;
	uint64_t h, h2;

	h = started();
	r = t_reclaim(h, 0);
	CHECK_OK32(r);
	CHECK_EQ(g_sim->spmc.stage.kind, SPMC_STAGE_IDLE);
	r = frag(h, T_PAGE, T_PAGE);
	CHECK_ERR(r, FFA_RET_INVALID_PARAMETERS);
	h2 = start(FFA_MEM_SHARE_64);
	CHECK(h2 != h);
}

TEST_NEG(frag_pending_handle_is_not_retrievable)
{
	struct spmc_sp_mem m;
	uint64_t h;

	h = started();
	CHECK_EQ(spmc_sp_retrieve(&g_sim->spmc, TEST_SP_ID, h, &m), FFA_RET_INVALID_PARAMETERS);
	CHECK_EQ(spmc_sp_relinquish(&g_sim->spmc, TEST_SP_ID, h), FFA_RET_INVALID_PARAMETERS);
}

/* r is the error err, and the SPMC is as in sn with no send in progress. */
static void refused_without_trace(struct ffa_regs r, int32_t err, struct t_snap *sn)
{
	CHECK_ERR(r, err);
	CHECK(t_snap_same(sn));
	CHECK_EQ(g_sim->spmc.stage.kind, SPMC_STAGE_IDLE);
}

TEST_NEG(frag_bad_descriptor_rolls_back)
{
	struct t_snap sn;

	t_setup(FFA_VERSION_1_1, 1);
	(void)t_share_simple(2000, 1);
	t_snap_take(&sn);
	build(0);
	/* corrupt the last constituent: its page is unaligned */
	store_le64(big + big_len - FFA_CONS_SIZE + FFA_CONS_ADDRESS, t_page(5000) + 1);
	refused_without_trace(send_in_three(true), FFA_RET_INVALID_PARAMETERS, &sn);
}

TEST_NEG(frag_overlap_found_at_the_end_rolls_back)
{
	struct t_snap sn;
	struct ffa_regs r;

	t_setup(FFA_VERSION_1_1, 1);
	(void)t_share_simple(2 * (NR - 1), 1);   /* the last page of `big` */
	t_snap_take(&sn);
	build(0);
	r = send_in_three(false);
	CHECK_ERR(r, FFA_RET_DENIED);
	CHECK(t_snap_same(&sn));
}

TEST_NEG(frag_start_with_table_full)
{
	struct t_snap sn;
	struct ffa_regs r;

	t_setup(FFA_VERSION_1_1, 1);
	for (uint32_t i = 0; i < SPMC_MAX_TXNS; i++)
		(void)t_share_simple(3000 + i, 1);
	build(0);
	t_snap_take(&sn);
	memcpy(t_tx(), big, T_PAGE);
	r = t_smc(FFA_MEM_SHARE_64, big_len, T_PAGE, 0, 0, 0);
	refused_without_trace(r, FFA_RET_NO_MEMORY, &sn);
}

TEST(frag_tx_rewrite_after_send_has_no_effect)
{
	struct spmc_sp_mem m;
	struct ffa_regs r;
	uint64_t h;

	h = started();
	/* The sender scribbles over TX after handing over fragment 1. */
	memset(t_tx(), 0xFF, T_PAGE);
	r = frag(h, T_PAGE, T_PAGE);
	r = frag(h, 2 * T_PAGE, big_len - 2 * T_PAGE);
	CHECK_OK32(r);
	CHECK_EQ(spmc_sp_retrieve(&g_sim->spmc, TEST_SP_ID, h, &m), FFA_RET_SUCCESS);
	CHECK_EQ(m.ranges[0].addr, t_page(0));
}
