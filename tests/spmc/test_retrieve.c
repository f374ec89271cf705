// SPDX-License-Identifier: MIT
/*
 * The hypervisor's retrieve request on pKVM's reclaim path: a bare 48-byte
 * header (sender 0, handle set, everything else zero) from TX, answered
 * with the full descriptor in RX, fragmented with FRAG_RX/FRAG_TX when it
 * does not fit, the hypervisor releasing RX between fragments.
 */
#include <stdlib.h>

#include "tests/spmc/tsim.h"

#define PKVM_REQ_LEN 48   /* sizeof(struct ffa_mem_region) in Linux 6.12 */

/* What pKVM writes into its TX buffer: only sender_id and handle set. */
static void pkvm_request(uint64_t handle)
{
	uint8_t *tx = t_tx();

	memset(tx, 0, PKVM_REQ_LEN);
	store_le16(tx + 0, FFA_ID_NS_PHYS);
	store_le64(tx + 8, handle);
}

static struct ffa_regs retrieve(uint32_t fid, uint64_t handle)
{
	pkvm_request(handle);
	return t_smc(fid, PKVM_REQ_LEN, PKVM_REQ_LEN, 0, 0, 0);
}

static uint64_t share_n(uint32_t n, uint32_t fid)
{
	struct ffa_mem_range *rg = calloc(n, sizeof(*rg));
	struct t_desc d = { .range_count = n, .ranges = rg, .tag = 0x7A6 };
	uint64_t h = 0;
	struct ffa_regs r;

	/* reverse order: the response must come back sorted */
	for (uint32_t i = 0; i < n; i++)
		rg[i] = t_range(2 * (n - 1 - i), 1 + (i % 2));
	r = t_send(fid, &d, &h);
	CHECK_OK32(r);
	free(rg);
	return h;
}

/* A fresh system at `version` with one n-range transaction of kind fid. */
static uint64_t setup_share(uint32_t version, uint32_t n, uint32_t fid)
{
	t_setup(version, 1);
	return share_n(n, fid);
}

/* FRAG_RX for the fragment of h's response at byte offset off. */
static struct ffa_regs frag_rx(uint64_t h, uint32_t off)
{
	return t_smc(FFA_MEM_FRAG_RX, (uint32_t)h, h >> 32, off, 0, 0);
}

static void check_response(const uint8_t *buf, uint32_t len, uint64_t h, uint32_t type,
			   uint32_t n)
{
	uint32_t layout = t_info().version ? t_info().version : FFA_VERSION_1_0;
	struct ffa_mtd d;
	struct ffa_mem_range rg, prev = { 0, 0 };

	CHECK_EQ(ffa_mtd_parse(buf, len, layout, FFA_MTD_KIND_RETRIEVE_RESP, &d),
		 FFA_RET_SUCCESS);
	CHECK_EQ(d.handle, h);
	CHECK_EQ(d.sender, FFA_ID_NS_PHYS);
	CHECK_EQ(d.flags & FFA_MTD_FLAG_TYPE_MASK, type);
	CHECK_EQ(d.ep_count, 1);
	CHECK_EQ(d.ep[0].receiver, TEST_SP_ID);
	CHECK_EQ(d.ep[0].perms, FFA_PERM_DATA_RW | FFA_PERM_INSTR_NX);
	CHECK_EQ(d.range_count, n);
	for (uint32_t i = 0; i < d.range_count && i < n; i++) {
		ffa_mtd_range(buf, &d, i, &rg);
		CHECK_EQ(rg.addr, t_page(2 * i));
		if (i)
			CHECK(rg.addr > prev.addr);
		prev = rg;
	}
}

TEST(hyp_retrieve_pkvm_header)
{
	struct t_snap sn;
	struct ffa_regs r;
	uint64_t h;

	h = setup_share(FFA_VERSION_1_1, 3, FFA_MEM_SHARE_64);
	t_snap_take(&sn);
	r = retrieve(FFA_MEM_RETRIEVE_REQ_64, h);
	CHECK_EQ(r.x[0], FFA_MEM_RETRIEVE_RESP);
	CHECK_EQ(r.x[1], r.x[2]);
	CHECK(r.x[1] <= T_PAGE);
	CHECK(t_info().rx_held_by_ns);
	check_response(t_rx(), (uint32_t)r.x[1], h, FFA_MTD_FLAG_TYPE_SHARE, 3);
	/* Reading it changed nothing but RX ownership. */
	t_rx_release();
	CHECK(t_snap_same(&sn));
	r = t_reclaim(h, 0);
	CHECK_OK32(r);
}

/* One whole response of n ranges for a transaction of kind share_fid. */
static void retrieve_whole(uint32_t version, uint32_t share_fid, uint32_t n,
			   uint32_t retrieve_fid, uint32_t type)
{
	struct ffa_regs r;
	uint64_t h = setup_share(version, n, share_fid);

	r = retrieve(retrieve_fid, h);
	CHECK_EQ(r.x[0], FFA_MEM_RETRIEVE_RESP);
	check_response(t_rx(), (uint32_t)r.x[2], h, type, n);
}

TEST(hyp_retrieve_lend_32bit_call)
{
	retrieve_whole(FFA_VERSION_1_2, FFA_MEM_LEND_64, 2, FFA_MEM_RETRIEVE_REQ_32,
		       FFA_MTD_FLAG_TYPE_LEND);
}

TEST(hyp_retrieve_v10_layout)
{
	retrieve_whole(FFA_VERSION_1_0, FFA_MEM_SHARE_64, 2, FFA_MEM_RETRIEVE_REQ_64,
		       FFA_MTD_FLAG_TYPE_SHARE);
}

/* pKVM's reclaim loop: copy, release, ask for the next offset. */
TEST(hyp_retrieve_fragmented_response)
{
	uint8_t *buf = calloc(1, SPMC_DESC_MAX);
	uint32_t len, off, frags = 1;
	struct ffa_regs r;
	uint64_t h;

	h = setup_share(FFA_VERSION_1_1, 700, FFA_MEM_SHARE_64);
	r = retrieve(FFA_MEM_RETRIEVE_REQ_64, h);
	CHECK_EQ(r.x[0], FFA_MEM_RETRIEVE_RESP);
	len = (uint32_t)r.x[1];
	CHECK(len > 2 * T_PAGE);
	CHECK_EQ(r.x[2], T_PAGE);
	memcpy(buf, t_rx(), T_PAGE);
	t_rx_release();
	for (off = T_PAGE; off < len && frags < 10; frags++) {
		r = frag_rx(h, off);
		CHECK_EQ(r.x[0], FFA_MEM_FRAG_TX);
		CHECK_EQ(ffa_handle_join(r.x[1], r.x[2]), h);
		CHECK(r.x[3] > 0 && r.x[3] <= T_PAGE);
		memcpy(buf + off, t_rx(), (size_t)r.x[3]);
		off += (uint32_t)r.x[3];
		t_rx_release();
	}
	CHECK_EQ(off, len);
	CHECK_EQ(frags, (len + T_PAGE - 1) / T_PAGE);
	CHECK_EQ(g_sim->spmc.stage.kind, SPMC_STAGE_IDLE);
	check_response(buf, len, h, FFA_MTD_FLAG_TYPE_SHARE, 700);
	r = t_reclaim(h, 0);
	CHECK_OK32(r);
	free(buf);
}

/*
 * While RX holds the first part of h's response, the next read (a FRAG_RX
 * for the second fragment or a new retrieve) is BUSY; after the release it
 * is answered with `want`.
 */
static void busy_until_released(uint64_t h, bool frag, uint32_t want)
{
	struct ffa_regs r = retrieve(FFA_MEM_RETRIEVE_REQ_64, h);

	CHECK_EQ(r.x[0], FFA_MEM_RETRIEVE_RESP);
	r = frag ? frag_rx(h, T_PAGE) : retrieve(FFA_MEM_RETRIEVE_REQ_64, h);
	CHECK_ERR(r, FFA_RET_BUSY);
	t_rx_release();
	r = frag ? frag_rx(h, T_PAGE) : retrieve(FFA_MEM_RETRIEVE_REQ_64, h);
	CHECK_EQ(r.x[0], want);
}

TEST_NEG(hyp_retrieve_frag_rx_needs_rx_released)
{
	busy_until_released(setup_share(FFA_VERSION_1_1, 700, FFA_MEM_SHARE_64), true,
			    FFA_MEM_FRAG_TX);
}

TEST_NEG(hyp_retrieve_frag_rx_bad_arguments)
{
	struct ffa_regs r;
	uint64_t h;
	uint32_t len;

	t_setup(FFA_VERSION_1_1, 1);
	r = t_smc(FFA_MEM_FRAG_RX, 1, 0, T_PAGE, 0, 0);
	CHECK_ERR(r, FFA_RET_INVALID_PARAMETERS);
	h = share_n(700, FFA_MEM_SHARE_64);
	r = retrieve(FFA_MEM_RETRIEVE_REQ_64, h);
	len = (uint32_t)r.x[1];
	t_rx_release();
	r = t_smc(FFA_MEM_FRAG_RX, (uint32_t)h + 1, h >> 32, T_PAGE, 0, 0);
	CHECK_ERR(r, FFA_RET_INVALID_PARAMETERS);
	r = frag_rx(h, len);
	CHECK_ERR(r, FFA_RET_INVALID_PARAMETERS);
	r = t_smc(FFA_MEM_FRAG_RX, (uint32_t)h, h >> 32, T_PAGE, 1u << 16, 0);
	CHECK_ERR(r, FFA_RET_INVALID_PARAMETERS);
	CHECK(!t_info().rx_held_by_ns);
	CHECK_EQ(g_sim->spmc.stage.kind, SPMC_STAGE_RETRIEVE);
}

TEST_NEG(hyp_retrieve_unknown_handle)
{
	struct ffa_regs r;
	uint64_t h;

	h = setup_share(FFA_VERSION_1_1, 1, FFA_MEM_SHARE_64);
	r = retrieve(FFA_MEM_RETRIEVE_REQ_64, h + 1);
	CHECK_ERR(r, FFA_RET_INVALID_PARAMETERS);
	r = retrieve(FFA_MEM_RETRIEVE_REQ_64, 0);
	CHECK_ERR(r, FFA_RET_INVALID_PARAMETERS);
	r = t_reclaim(h, 0);
	CHECK_OK32(r);
	r = retrieve(FFA_MEM_RETRIEVE_REQ_64, h);
	CHECK_ERR(r, FFA_RET_INVALID_PARAMETERS);
	CHECK(!t_info().rx_held_by_ns);
}

TEST_NEG(hyp_retrieve_sender_not_zero)
{
	struct ffa_regs r;
	uint64_t h;

	h = setup_share(FFA_VERSION_1_1, 1, FFA_MEM_SHARE_64);
	pkvm_request(h);
	store_le16(t_tx(), 0x0003);
	r = t_smc(FFA_MEM_RETRIEVE_REQ_64, PKVM_REQ_LEN, PKVM_REQ_LEN, 0, 0, 0);
	CHECK_ERR(r, FFA_RET_INVALID_PARAMETERS);
	CHECK(!t_info().rx_held_by_ns);
}

TEST_NEG(hyp_retrieve_rx_busy)
{
	busy_until_released(setup_share(FFA_VERSION_1_1, 1, FFA_MEM_SHARE_64), false,
			    FFA_MEM_RETRIEVE_RESP);
}

TEST_NEG(hyp_retrieve_bad_lengths_and_address)
{
	struct ffa_regs r;
	uint64_t h;

	h = setup_share(FFA_VERSION_1_1, 1, FFA_MEM_SHARE_64);
	/* total, fragment length, buffer address, its page count */
	const struct { uint32_t total, frag; uint64_t addr; uint32_t pages; } bad[] = {
		{ .total = PKVM_REQ_LEN, .frag = 32 },
		{ .total = 0, .frag = 0 },
		{ .total = 2 * T_PAGE, .frag = 2 * T_PAGE },
		{ .total = 16, .frag = 16 },
		{ .total = PKVM_REQ_LEN, .frag = PKVM_REQ_LEN, .addr = t_page(9), .pages = 1 },
	};

	pkvm_request(h);
	for (unsigned int i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		check_case("total %u frag %u addr %#llx", bad[i].total, bad[i].frag,
			   (unsigned long long)bad[i].addr);
		r = t_smc(FFA_MEM_RETRIEVE_REQ_64, bad[i].total, bad[i].frag, bad[i].addr,
			  bad[i].pages, 0);
		CHECK_ERR(r, FFA_RET_INVALID_PARAMETERS);
	}
	check_case("RX/TX unmapped");
	r = t_smc(FFA_RXTX_UNMAP, 0, 0, 0, 0, 0);
	CHECK_OK32(r);
	r = t_smc(FFA_MEM_RETRIEVE_REQ_64, PKVM_REQ_LEN, PKVM_REQ_LEN, 0, 0, 0);
	CHECK_ERR(r, FFA_RET_DENIED);
}

TEST_NEG(hyp_retrieve_with_receivers_rejected)
{
	struct ffa_regs r;
	uint64_t h;
	uint8_t *tx;

	h = setup_share(FFA_VERSION_1_1, 1, FFA_MEM_SHARE_64);
	tx = t_tx();
	pkvm_request(h);
	/* a borrower-style request naming a receiver is not the hypervisor's */
	store_le32(tx + FFA_MTD11_EMAD_SIZE, FFA_EMAD_SIZE_V1_0);
	store_le32(tx + FFA_MTD11_EMAD_COUNT, 1);
	store_le32(tx + FFA_MTD11_EMAD_OFFSET, FFA_MTD11_SIZE);
	store_le16(tx + FFA_MTD11_SIZE + FFA_EMAD_ENDPOINT, 0);
	r = t_smc(FFA_MEM_RETRIEVE_REQ_64, FFA_MTD11_SIZE + 16, FFA_MTD11_SIZE + 16, 0, 0, 0);
	CHECK_ERR(r, FFA_RET_INVALID_PARAMETERS);
}

TEST(hyp_retrieve_while_partition_holds_it)
{
	struct spmc_sp_mem m;
	struct ffa_regs r;
	uint64_t h;

	h = setup_share(FFA_VERSION_1_1, 2, FFA_MEM_SHARE_64);
	CHECK_EQ(spmc_sp_retrieve(&g_sim->spmc, TEST_SP_ID, h, &m), FFA_RET_SUCCESS);
	r = retrieve(FFA_MEM_RETRIEVE_REQ_64, h);
	CHECK_EQ(r.x[0], FFA_MEM_RETRIEVE_RESP);
	t_rx_release();
	r = t_reclaim(h, 0);
	CHECK_ERR(r, FFA_RET_DENIED);
	CHECK_EQ(t_info().retrieved_txns, 1);
}

/* A 700-range share whose first response fragment the hypervisor read and released. */
static uint64_t first_fragment_read(void)
{
	uint64_t h = setup_share(FFA_VERSION_1_1, 700, FFA_MEM_SHARE_64);

	(void)retrieve(FFA_MEM_RETRIEVE_REQ_64, h);
	t_rx_release();
	return h;
}

TEST_NEG(reclaim_mid_response_drops_it)
{
	struct ffa_regs r;
	uint64_t h;

	h = first_fragment_read();
	r = t_reclaim(h, 0);
	CHECK_OK32(r);
	CHECK_EQ(g_sim->spmc.stage.kind, SPMC_STAGE_IDLE);
	r = frag_rx(h, T_PAGE);
	CHECK_ERR(r, FFA_RET_INVALID_PARAMETERS);
}

TEST(abandoned_response_replaced_by_new_share)
{
	struct ffa_regs r;

	(void)first_fragment_read();
	CHECK_EQ(g_sim->spmc.stage.kind, SPMC_STAGE_RETRIEVE);
	r = t_smc(FFA_RXTX_UNMAP, 0, 0, 0, 0, 0);
	CHECK_ERR(r, FFA_RET_DENIED);
	(void)t_share_simple(3000, 1);
	CHECK_EQ(g_sim->spmc.stage.kind, SPMC_STAGE_IDLE);
	r = t_smc(FFA_RXTX_UNMAP, 0, 0, 0, 0, 0);
	CHECK_OK32(r);
}
