/* SPDX-License-Identifier: MIT */
/*
 * The client's memory management against the real hosted SPMC: shares and
 * lends checked end to end by the test partition's checksum and fill,
 * fragmentation in both directions, and the refusals the SPMC owes us.
 */
#include <string.h>

#include "services/test_sp.h"
#include "tests/client/simfix.h"
#include "tests/harness/check.h"

#define RW (FFA_PERM_DATA_RW | FFA_PERM_INSTR_NX)
#define RO (FFA_PERM_DATA_RO | FFA_PERM_INSTR_NX)

static struct ffa_mem_range rg[1024];
static uint8_t desc[32 * 1024];

/* n one-page ranges, each followed by a hole so none can merge. */
static void sparse_ranges(uint32_t n)
{
	uint64_t base = simfix_alloc(2 * n);

	for (uint32_t i = 0; i < n; i++) {
		rg[i].addr = base + 2ull * i * FFA_PAGE_SIZE;
		rg[i].pages = 1;
		simfix_pattern(rg[i].addr, 1, i);
	}
}

/* Share rg[0, n), have the partition checksum it, reclaim. */
static void share_and_checksum(uint32_t n)
{
	uint32_t o[FFA_CLIENT_REQ_ARGS];
	uint32_t pages = 0;
	uint64_t h = 0;

	for (uint32_t i = 0; i < n; i++)
		pages += rg[i].pages;
	CHECK_EQ(simfix_send(false, rg, n, RO, &h), FFA_RET_SUCCESS);
	CHECK_EQ(tsp32(TEST_SP_CMD_MEM_CHECKSUM, h, 0, o), FFA_RET_SUCCESS);
	CHECK_EQ(ffa_handle_join(o[1], o[2]), simfix_fnv(rg, n));
	CHECK_EQ(o[3], pages);
	CHECK_EQ(ffa_client_mem_reclaim(&SF.c, h, 0), FFA_RET_SUCCESS);
}

static void contiguous(uint32_t pages, uint32_t seed)
{
	rg[0].addr = simfix_alloc(pages);
	rg[0].pages = pages;
	simfix_pattern(rg[0].addr, pages, seed);
}

/* A fresh v1.2 client shares one contiguous range and has it checksummed. */
static void share_contiguous(uint32_t pages, uint32_t seed)
{
	CHECK(simfix_open(NULL, FFA_VERSION_1_2, 1));
	contiguous(pages, seed);
	share_and_checksum(1);
}

/*
 * A fresh client at `version` with a TX of tx_pages shares n sparse ranges
 * and has them checksummed; returns how many FRAG_TX that took.
 */
static uint32_t frag_tx_of_share(uint32_t version, uint32_t tx_pages, uint32_t n)
{
	CHECK(simfix_open(NULL, version, tx_pages));
	sparse_ranges(n);
	simfix_reset_counts();
	share_and_checksum(n);
	return simfix_count(FFA_MEM_FRAG_TX);
}

/* A fresh v1.2 client shares (or lends) one contiguous range, read-write. */
static uint64_t contiguous_sent(uint32_t pages, uint32_t seed, bool lend)
{
	uint64_t h = FFA_MEM_HANDLE_INVALID;

	CHECK(simfix_open(NULL, FFA_VERSION_1_2, 1));
	contiguous(pages, seed);
	CHECK_EQ(simfix_send(lend, rg, 1, RW, &h), FFA_RET_SUCCESS);
	return h;
}

TEST(mem_share_1_page_checksum)
{
	share_contiguous(1, 1);
}

TEST(mem_share_16_pages_checksum)
{
	share_contiguous(16, 16);
}

TEST(mem_share_256_pages_checksum)
{
	share_contiguous(256, 0xFF);
}

TEST(mem_share_v1_1_and_v1_0_layouts)
{
	CHECK(simfix_open(NULL, FFA_VERSION_1_1, 1));
	sparse_ranges(5);
	share_and_checksum(5);
	CHECK(simfix_open(NULL, FFA_VERSION_1_0, 1));
	sparse_ranges(5);
	share_and_checksum(5);
}

TEST(mem_share_fragmented_320_ranges)
{
	/* 80 + 320 * 16 bytes through a 4 KiB TX: two fragments. */
	CHECK_EQ(frag_tx_of_share(FFA_VERSION_1_2, 1, 320), 1);
}

TEST(mem_share_fragmented_1000_ranges)
{
	/* 16080 bytes: fragments of 4096, 4096, 4096 and 3792. */
	CHECK_EQ(frag_tx_of_share(FFA_VERSION_1_2, 1, 1000), 3);
}

TEST(mem_share_fragmented_v1_0_layout)
{
	CHECK(frag_tx_of_share(FFA_VERSION_1_0, 1, 600) >= 2);
}

TEST(mem_share_descending_ranges)
{
	struct ffa_mem_range t;

	CHECK(simfix_open(NULL, FFA_VERSION_1_2, 1));
	sparse_ranges(400);
	/* The SPMC sorts; the checksum is over address order either way. */
	for (uint32_t i = 0; i < 200; i++) {
		t = rg[i];
		rg[i] = rg[399 - i];
		rg[399 - i] = t;
	}
	share_and_checksum(400);
}

TEST(mem_share_big_tx_needs_no_fragments)
{
	CHECK_EQ(frag_tx_of_share(FFA_VERSION_1_2, 4, 600), 0);
}

TEST(mem_many_live_transactions)
{
	uint64_t h[10];

	CHECK(simfix_open(NULL, FFA_VERSION_1_2, 1));
	sparse_ranges(10);
	for (unsigned int i = 0; i < 10; i++)
		CHECK_EQ(simfix_send(false, &rg[i], 1, RW, &h[i]), FFA_RET_SUCCESS);
	for (unsigned int i = 0; i < 10; i++)
		for (unsigned int j = i + 1; j < 10; j++)
			CHECK(h[i] != h[j]);
	for (unsigned int i = 0; i < 10; i++)
		CHECK_EQ(ffa_client_mem_reclaim(&SF.c, h[i], 0), FFA_RET_SUCCESS);
}

/* How many bytes of the pages at addr are not `value`. */
static uint32_t bytes_not(uint64_t addr, uint32_t pages, uint8_t value)
{
	const uint8_t *p = simfix_ptr(addr, (uint64_t)pages * FFA_PAGE_SIZE);
	uint32_t n = 0;

	for (uint32_t i = 0; i < pages * FFA_PAGE_SIZE; i++)
		n += p[i] != value;
	return n;
}

/*
 * Lend `pages` (pattern seed), have the partition fill them with `fill`,
 * reclaim with `flags`: afterwards every byte must be `want`.
 */
static void lend_fill_reclaim(uint32_t pages, uint32_t seed, uint8_t fill, uint32_t flags,
			      uint8_t want)
{
	uint32_t o[FFA_CLIENT_REQ_ARGS];
	uint64_t h = contiguous_sent(pages, seed, true);

	CHECK_EQ(tsp32(TEST_SP_CMD_MEM_FILL, h, fill, o), FFA_RET_SUCCESS);
	CHECK_EQ(o[3], pages);
	CHECK_EQ(ffa_client_mem_reclaim(&SF.c, h, flags), FFA_RET_SUCCESS);
	CHECK_EQ(bytes_not(rg[0].addr, pages, want), 0);
}

TEST(mem_lend_then_fill)
{
	lend_fill_reclaim(4, 9, 0x3C, 0, 0x3C);
}

TEST(mem_lend_reclaim_with_zeroing)
{
	lend_fill_reclaim(2, 3, 0x77, FFA_RECLAIM_FLAG_ZERO_MEMORY, 0);
}

TEST_NEG(mem_reclaim_while_retrieved)
{
	uint32_t o[FFA_CLIENT_REQ_ARGS];
	uint64_t h;

	h = contiguous_sent(3, 3, false);
	CHECK_EQ(tsp32(TEST_SP_CMD_MEM_RETRIEVE, h, 0, o), FFA_RET_SUCCESS);
	CHECK_EQ(o[3], 3);
	CHECK_EQ(ffa_client_mem_reclaim(&SF.c, h, 0), FFA_RET_DENIED);
	CHECK_EQ(tsp32(TEST_SP_CMD_MEM_RELINQUISH, h, 0, o), FFA_RET_SUCCESS);
	CHECK_EQ(ffa_client_mem_reclaim(&SF.c, h, 0), FFA_RET_SUCCESS);
}

TEST_NEG(mem_reclaim_unknown_and_twice)
{
	uint64_t h;

	CHECK(simfix_open(NULL, FFA_VERSION_1_2, 1));
	CHECK_EQ(ffa_client_mem_reclaim(&SF.c, 0x123456700ull, 0), FFA_RET_INVALID_PARAMETERS);
	contiguous(1, 1);
	CHECK_EQ(simfix_send(false, rg, 1, RW, &h), FFA_RET_SUCCESS);
	CHECK_EQ(ffa_client_mem_reclaim(&SF.c, h, 0), FFA_RET_SUCCESS);
	CHECK_EQ(ffa_client_mem_reclaim(&SF.c, h, 0), FFA_RET_INVALID_PARAMETERS);
}

TEST_NEG(mem_reclaim_bad_flags_and_handle)
{
	struct ffa_regs r;
	uint64_t h;

	h = contiguous_sent(1, 1, false);
	simfix_reset_counts();
	CHECK_EQ(ffa_client_mem_reclaim(&SF.c, h, 0x4), FFA_RET_INVALID_PARAMETERS);
	CHECK_EQ(ffa_client_mem_reclaim(&SF.c, FFA_MEM_HANDLE_INVALID, 0),
		 FFA_RET_INVALID_PARAMETERS);
	CHECK_EQ(simfix_count(FFA_MEM_RECLAIM), 0);
	ffa_regs_clear(&r);
	r.x[0] = FFA_MEM_RECLAIM;
	r.x[1] = (uint32_t)h;
	r.x[2] = (uint32_t)(h >> 32);
	r.x[3] = 0x80;
	ffa_client_call(&SF.c, &r);
	CHECK_EQ(ffa_error_code(&r), FFA_RET_INVALID_PARAMETERS);
	/* Still there after the refusals. */
	CHECK_EQ(ffa_client_mem_reclaim(&SF.c, h, 0), FFA_RET_SUCCESS);
}

TEST_NEG(mem_checksum_after_reclaim_fails)
{
	uint32_t o[FFA_CLIENT_REQ_ARGS];
	uint64_t h;

	h = contiguous_sent(1, 1, false);
	CHECK_EQ(ffa_client_mem_reclaim(&SF.c, h, 0), FFA_RET_SUCCESS);
	CHECK(tsp32(TEST_SP_CMD_MEM_CHECKSUM, h, 0, o) < 0);
}

TEST_NEG(mem_fill_read_only_denied)
{
	uint32_t o[FFA_CLIENT_REQ_ARGS];
	uint8_t *p;
	uint64_t h;

	CHECK(simfix_open(NULL, FFA_VERSION_1_2, 1));
	contiguous(1, 0x42);
	p = simfix_ptr(rg[0].addr, FFA_PAGE_SIZE);
	uint8_t before = p[100];

	CHECK_EQ(simfix_send(false, rg, 1, RO, &h), FFA_RET_SUCCESS);
	CHECK_EQ(tsp32(TEST_SP_CMD_MEM_FILL, h, 0x00, o), FFA_RET_DENIED);
	CHECK_EQ(p[100], before);
	CHECK_EQ(ffa_client_mem_reclaim(&SF.c, h, 0), FFA_RET_SUCCESS);
}

/* ---- sends the client itself refuses ---- */

static int32_t send_with(const struct ffa_mem_access *ep, uint32_t neps, uint32_t nranges,
			 uint8_t *scratch, uint32_t cap, uint64_t *h)
{
	struct ffa_client_mem m = {
		.receivers = ep, .receiver_count = neps, .ranges = rg, .range_count = nranges,
		.attributes = FFA_ATTR_NORMAL_WB_INNER,
	};

	return ffa_client_mem_share(&SF.c, &m, scratch, cap, h);
}

/* The usual send: to one receiver, rg[0] alone, with room to spare. */
static int32_t send_one(const struct ffa_mem_access *ep, uint64_t *h)
{
	return send_with(ep, 1, 1, desc, sizeof(desc), h);
}

TEST_NEG(mem_share_before_map_denied)
{
	struct ffa_mem_access ep = { .receiver = TEST_SP_ID, .perms = RW };
	uint64_t h = 0;

	CHECK(simfix_open(NULL, FFA_VERSION_1_2, 0));
	contiguous(1, 1);
	CHECK_EQ(send_one(&ep, &h), FFA_RET_DENIED);
	CHECK_EQ(h, FFA_MEM_HANDLE_INVALID);
	CHECK_EQ(simfix_count(FFA_MEM_SHARE_64), 0);
}

TEST_NEG(mem_share_without_receivers_or_ranges)
{
	struct ffa_mem_access ep = { .receiver = TEST_SP_ID, .perms = RW };
	uint64_t h;

	CHECK(simfix_open(NULL, FFA_VERSION_1_2, 1));
	contiguous(1, 1);
	simfix_reset_counts();
	CHECK_EQ(send_with(&ep, 0, 1, desc, sizeof(desc), &h), FFA_RET_INVALID_PARAMETERS);
	CHECK_EQ(send_with(&ep, 1, 0, desc, sizeof(desc), &h), FFA_RET_INVALID_PARAMETERS);
	CHECK_EQ(send_with(&ep, FFA_MEM_MAX_RECEIVERS + 1, 1, desc, sizeof(desc), &h),
		 FFA_RET_INVALID_PARAMETERS);
	CHECK_EQ(simfix_count(FFA_MEM_SHARE_64), 0);
}

TEST_NEG(mem_share_malformed_refused_locally)
{
	struct ffa_mem_access self = { .receiver = FFA_ID_NS_PHYS, .perms = RW };
	struct ffa_mem_access ep = { .receiver = TEST_SP_ID, .perms = RW };
	uint64_t h;

	CHECK(simfix_open(NULL, FFA_VERSION_1_2, 1));
	contiguous(1, 1);
	simfix_reset_counts();
	CHECK_EQ(send_one(&self, &h), FFA_RET_INVALID_PARAMETERS);
	rg[0].addr += 0x10; /* not page aligned */
	CHECK_EQ(send_one(&ep, &h), FFA_RET_INVALID_PARAMETERS);
	rg[0].addr -= 0x10;
	rg[0].pages = 0;
	CHECK_EQ(send_one(&ep, &h), FFA_RET_INVALID_PARAMETERS);
	CHECK_EQ(simfix_count(FFA_MEM_SHARE_64), 0);
}

TEST_NEG(mem_share_scratch_too_small)
{
	struct ffa_mem_access ep = { .receiver = TEST_SP_ID, .perms = RW };
	uint64_t h;

	CHECK(simfix_open(NULL, FFA_VERSION_1_2, 1));
	sparse_ranges(10);
	CHECK_EQ(send_with(&ep, 1, 10, desc, 100, &h), FFA_RET_NO_MEMORY);
	CHECK_EQ(simfix_count(FFA_MEM_SHARE_64), 0);
}

/* ---- sends the SPMC refuses ---- */

TEST_NEG(mem_share_unknown_receiver)
{
	struct ffa_mem_access ep = { .receiver = 0x8007, .perms = RW };
	uint64_t h = 0;

	CHECK(simfix_open(NULL, FFA_VERSION_1_2, 1));
	contiguous(1, 1);
	CHECK_EQ(send_one(&ep, &h), FFA_RET_INVALID_PARAMETERS);
	CHECK_EQ(h, FFA_MEM_HANDLE_INVALID);
}

TEST_NEG(mem_share_overlapping_ranges)
{
	struct ffa_mem_access ep = { .receiver = TEST_SP_ID, .perms = RW };
	uint64_t h;

	CHECK(simfix_open(NULL, FFA_VERSION_1_2, 1));
	contiguous(4, 1);
	rg[1].addr = rg[0].addr + 3 * FFA_PAGE_SIZE;
	rg[1].pages = 1;
	CHECK_EQ(send_with(&ep, 1, 2, desc, sizeof(desc), &h), FFA_RET_INVALID_PARAMETERS);
}

TEST_NEG(mem_share_not_normal_world_ram)
{
	struct ffa_mem_access ep = { .receiver = TEST_SP_ID, .perms = RW };
	uint64_t h;

	CHECK(simfix_open(NULL, FFA_VERSION_1_2, 1));
	rg[0].addr = 0x1000; /* below the simulated RAM */
	rg[0].pages = 1;
	CHECK_EQ(send_one(&ep, &h), FFA_RET_DENIED);
	rg[0].addr = SF.sim->mem_base + SF.sim->mem_size - FFA_PAGE_SIZE;
	rg[0].pages = 2; /* runs off its end */
	CHECK_EQ(send_one(&ep, &h), FFA_RET_DENIED);
}

TEST_NEG(mem_share_rxtx_or_shared_pages_denied)
{
	struct ffa_mem_access ep = { .receiver = TEST_SP_ID, .perms = RW };
	uint64_t h, h2;

	CHECK(simfix_open(NULL, FFA_VERSION_1_2, 1));
	rg[0].addr = SF.c.rx_pa;
	rg[0].pages = 1;
	CHECK_EQ(send_one(&ep, &h), FFA_RET_DENIED);
	contiguous(2, 1);
	CHECK_EQ(send_one(&ep, &h), FFA_RET_SUCCESS);
	rg[0].addr += FFA_PAGE_SIZE;
	rg[0].pages = 1;
	CHECK_EQ(send_one(&ep, &h2), FFA_RET_DENIED);
}

/* ---- the hypervisor's retrieve ---- */

static void check_retrieved(const struct ffa_mtd *d, const uint8_t *buf, uint32_t n,
			    uint8_t perms)
{
	struct ffa_mem_range got;
	uint32_t same = 0;

	CHECK_EQ(d->sender, FFA_ID_NS_PHYS);
	CHECK_EQ(d->ep_count, 1);
	CHECK_EQ(d->ep[0].receiver, TEST_SP_ID);
	CHECK_EQ(d->ep[0].perms, perms);
	CHECK_EQ(d->range_count, n);
	for (uint32_t i = 0; i < n && i < d->range_count; i++) {
		ffa_mtd_range(buf, d, i, &got);
		same += got.addr == rg[i].addr && got.pages == rg[i].pages;
	}
	CHECK_EQ(same, n);
}

/* A fresh client at `version` shares (or lends) n sparse ranges. */
static uint64_t sparse_sent(uint32_t version, uint32_t n, bool lend, uint8_t perms)
{
	uint64_t h = FFA_MEM_HANDLE_INVALID;

	CHECK(simfix_open(NULL, version, 1));
	sparse_ranges(n);
	CHECK_EQ(simfix_send(lend, rg, n, perms, &h), FFA_RET_SUCCESS);
	return h;
}

/* The hypervisor's retrieve of h into desc, calls counted from here; returns its length. */
static uint32_t retrieve_counted(uint64_t h, struct ffa_mtd *d)
{
	uint32_t len = 0;

	simfix_reset_counts();
	CHECK_EQ(ffa_client_hyp_retrieve(&SF.c, h, desc, sizeof(desc), &len, d),
		 FFA_RET_SUCCESS);
	return len;
}

TEST(mem_hyp_retrieve_single_fragment)
{
	struct ffa_mtd d;
	uint64_t h = sparse_sent(FFA_VERSION_1_2, 3, false, RW);

	CHECK_EQ(retrieve_counted(h, &d), ffa_mtd_encoded_size(FFA_VERSION_1_2, 1, 3));
	CHECK_EQ(d.handle, h);
	CHECK_EQ(d.total_pages, 3);
	CHECK_EQ(d.flags & FFA_MTD_FLAG_TYPE_MASK, FFA_MTD_FLAG_TYPE_SHARE);
	check_retrieved(&d, desc, 3, RW);
	CHECK_EQ(simfix_count(FFA_MEM_FRAG_RX), 0);
	CHECK(!SF.c.rx_held);
	/* pKVM's order: retrieve to learn the ranges, then reclaim. */
	CHECK_EQ(ffa_client_mem_reclaim(&SF.c, h, 0), FFA_RET_SUCCESS);
}

TEST(mem_hyp_retrieve_fragmented_response)
{
	struct ffa_mtd d;
	uint64_t h = sparse_sent(FFA_VERSION_1_2, 700, true, RO);

	/* 11280 bytes through a 4 KiB RX: three pieces, two asked for. */
	CHECK_EQ(retrieve_counted(h, &d), 80 + 700 * 16);
	CHECK_EQ(simfix_count(FFA_MEM_FRAG_RX), 2);
	CHECK_EQ(simfix_count(FFA_RX_RELEASE), 3);
	CHECK_EQ(d.flags & FFA_MTD_FLAG_TYPE_MASK, FFA_MTD_FLAG_TYPE_LEND);
	check_retrieved(&d, desc, 700, RO);
	CHECK_EQ(ffa_client_mem_reclaim(&SF.c, h, 0), FFA_RET_SUCCESS);
}

TEST(mem_hyp_retrieve_v1_1_layout)
{
	struct ffa_mtd d;
	uint32_t len;
	uint64_t h;

	h = sparse_sent(FFA_VERSION_1_1, 300, false, RW);
	CHECK_EQ(ffa_client_hyp_retrieve(&SF.c, h, desc, sizeof(desc), &len, &d),
		 FFA_RET_SUCCESS);
	check_retrieved(&d, desc, 300, RW);
}

TEST_NEG(mem_hyp_retrieve_unknown_handle)
{
	struct ffa_mtd d;
	uint32_t len = 7;

	CHECK(simfix_open(NULL, FFA_VERSION_1_2, 1));
	CHECK_EQ(ffa_client_hyp_retrieve(&SF.c, 0x4200, desc, sizeof(desc), &len, &d),
		 FFA_RET_INVALID_PARAMETERS);
	CHECK_EQ(len, 0);
	CHECK(!SF.c.rx_held);
}

TEST_NEG(mem_hyp_retrieve_before_map)
{
	struct ffa_mtd d;
	uint32_t len;

	CHECK(simfix_open(NULL, FFA_VERSION_1_2, 0));
	CHECK_EQ(ffa_client_hyp_retrieve(&SF.c, 0x100, desc, sizeof(desc), &len, &d),
		 FFA_RET_DENIED);
	CHECK_EQ(simfix_count(FFA_MEM_RETRIEVE_REQ_64), 0);
}

TEST_NEG(mem_hyp_retrieve_buffer_too_small)
{
	struct ffa_mtd d;
	uint32_t len;
	uint64_t h;

	h = sparse_sent(FFA_VERSION_1_2, 400, false, RW);
	CHECK_EQ(ffa_client_hyp_retrieve(&SF.c, h, desc, 4096, &len, &d), FFA_RET_NO_MEMORY);
	CHECK(!SF.c.rx_held);
	/* Nothing was left half-done: a retrieve with room works. */
	CHECK_EQ(ffa_client_hyp_retrieve(&SF.c, h, desc, sizeof(desc), &len, &d),
		 FFA_RET_SUCCESS);
	check_retrieved(&d, desc, 400, RW);
}

/* ---- the real SPMC's answers, tampered with on the way ---- */

static void bad_frag_offset(const struct ffa_regs *in, struct ffa_regs *out)
{
	(void)in;
	if ((uint32_t)out->x[0] == FFA_MEM_FRAG_RX)
		out->x[3] += 16;
}

TEST_NEG(mem_share_tampered_frag_offset_abandoned)
{
	uint64_t h = 0;

	CHECK(simfix_open(NULL, FFA_VERSION_1_2, 1));
	sparse_ranges(320);
	SF.mutate = bad_frag_offset;
	CHECK_EQ(simfix_send(false, rg, 320, RW, &h), FFA_CLIENT_BAD_RESPONSE);
	SF.mutate = NULL;
	CHECK_EQ(h, FFA_MEM_HANDLE_INVALID);
	CHECK_EQ(simfix_count(FFA_MEM_FRAG_TX), 0);
	/* The half-sent transaction was reclaimed, so the SPMC is free again. */
	CHECK_EQ(simfix_count(FFA_MEM_RECLAIM), 1);
	share_and_checksum(320);
}

static void shrink_total(const struct ffa_regs *in, struct ffa_regs *out)
{
	(void)in;
	if ((uint32_t)out->x[0] == FFA_MEM_RETRIEVE_RESP)
		out->x[1] = (uint32_t)out->x[2] - 1;
}

TEST_NEG(mem_retrieve_tampered_total_below_fragment)
{
	struct ffa_partinfo p[2];
	struct ffa_mtd d;
	uint32_t len, n;
	uint64_t h;

	h = sparse_sent(FFA_VERSION_1_2, 2, false, RW);
	SF.mutate = shrink_total;
	CHECK_EQ(ffa_client_hyp_retrieve(&SF.c, h, desc, sizeof(desc), &len, &d),
		 FFA_CLIENT_BAD_RESPONSE);
	SF.mutate = NULL;
	/* RX was released: the SPMC can fill it again. */
	CHECK_EQ(ffa_client_partitions(&SF.c, NULL, p, 2, &n), FFA_RET_SUCCESS);
}
