// SPDX-License-Identifier: MIT
/*
 * The live-range index (spmc/index.c) against a model: transactions whose
 * pages interleave split each other's segments, and whatever the order of
 * shares and reclaims a SHARE succeeds exactly when none of its pages is
 * live. Every call is followed by the invariants check, which walks the
 * index (AVL shape, order, every live range once).
 */
#include "tests/spmc/tsim.h"

#define PAGES 192u

static bool live_page[PAGES];

static struct ffa_regs share(const struct ffa_mem_range *rg, uint32_t n, uint64_t *h)
{
	struct t_desc d = { .range_count = n, .ranges = rg };

	return t_send(FFA_MEM_SHARE_64, &d, h);
}

TEST(index_interleaved_transactions_split_and_rejoin)
{
	struct ffa_mem_range a[3] = { t_range(0, 1), t_range(4, 1), t_range(8, 1) };
	struct ffa_mem_range b[2] = { t_range(2, 1), t_range(6, 1) };
	struct ffa_mem_range c[2] = { t_range(3, 1), t_range(5, 1) };
	uint64_t ha, hb, hc;

	t_setup(FFA_VERSION_1_2, 1);
	CHECK_OK32(share(a, 3, &ha));
	CHECK_OK32(share(b, 2, &hb));    /* splits a's segment twice */
	CHECK_OK32(share(c, 2, &hc));    /* between a and b pages */
	CHECK_OK32(t_reclaim(hb, 0));    /* a stays split, still correct */
	CHECK_OK32(share(b, 2, &hb));
	CHECK_OK32(t_reclaim(ha, 0));
	CHECK_OK32(t_reclaim(hc, 0));
	CHECK_OK32(t_reclaim(hb, 0));
	CHECK_EQ(t_info().live_txns, 0);
}

TEST_NEG(index_overlap_inside_another_transactions_gap)
{
	struct ffa_mem_range a[3] = { t_range(0, 1), t_range(4, 2), t_range(10, 1) };
	struct ffa_mem_range hit[2] = { t_range(2, 1), t_range(5, 1) };   /* page 5 is a's */
	struct ffa_mem_range span = t_range(6, 5);                        /* reaches page 10 */
	struct ffa_mem_range before = t_range(0, 1);
	uint64_t h;

	t_setup(FFA_VERSION_1_2, 1);
	CHECK_OK32(share(a, 3, &h));
	CHECK_ERR(share(hit, 2, NULL), FFA_RET_DENIED);
	CHECK_ERR(share(&span, 1, NULL), FFA_RET_DENIED);
	CHECK_ERR(share(&before, 1, NULL), FFA_RET_DENIED);
	/* RXTX_MAP over a page inside a's middle range */
	CHECK_OK32(t_smc(FFA_RXTX_UNMAP, 0, 0, 0, 0, 0));
	CHECK_ERR(t_smc(FFA_RXTX_MAP_64, t_page(20), t_page(5), 1, 0, 0), FFA_RET_DENIED);
	CHECK_OK32(t_smc(FFA_RXTX_MAP_64, T_TX_PA, T_RX_PA, 1, 0, 0));
	CHECK_EQ(t_info().live_txns, 1);
}

static uint32_t lcg(uint32_t *seed)
{
	*seed = *seed * 1103515245u + 12345u;
	return *seed >> 8;
}

/* Ranges of one random transaction; returns whether they overlap each other. */
static bool make_txn(uint32_t *seed, struct ffa_mem_range *rg, uint32_t *n)
{
	bool mine[PAGES] = { false }, self = false;

	*n = 1 + lcg(seed) % 5;
	for (uint32_t i = 0; i < *n; i++) {
		uint32_t p = lcg(seed) % (PAGES - 3), len = 1 + lcg(seed) % 3;

		rg[i] = t_range(p, len);
		for (uint32_t k = p; k < p + len; k++) {
			self |= mine[k];
			mine[k] = true;
		}
	}
	return self;
}

static bool any_live(const struct ffa_mem_range *rg, uint32_t n)
{
	for (uint32_t i = 0; i < n; i++)
		for (uint32_t k = 0; k < rg[i].pages; k++)
			if (live_page[(rg[i].addr - t_page(0)) / T_PAGE + k])
				return true;
	return false;
}

static void mark(const struct ffa_mem_range *rg, uint32_t n, bool v)
{
	for (uint32_t i = 0; i < n; i++)
		for (uint32_t k = 0; k < rg[i].pages; k++)
			live_page[(rg[i].addr - t_page(0)) / T_PAGE + k] = v;
}

TEST(index_matches_a_page_model)
{
	static struct ffa_mem_range held[SPMC_MAX_TXNS][5];
	static uint32_t held_n[SPMC_MAX_TXNS];
	static uint64_t handles[SPMC_MAX_TXNS];
	uint32_t seed = 0x1d3c5u, live = 0, ok = 0, denied = 0;

	memset(live_page, 0, sizeof(live_page));
	t_setup(FFA_VERSION_1_2, 1);
	for (uint32_t step = 0; step < 600; step++) {
		struct ffa_mem_range rg[5];
		uint32_t n;
		bool self = make_txn(&seed, rg, &n);
		struct ffa_regs r;
		uint64_t h = 0;

		if (live && (live == SPMC_MAX_TXNS || lcg(&seed) % 3 == 0)) {
			uint32_t k = lcg(&seed) % live;

			CHECK_OK32(t_reclaim(handles[k], 0));
			mark(held[k], held_n[k], false);
			live--;
			handles[k] = handles[live];
			held_n[k] = held_n[live];
			memcpy(held[k], held[live], sizeof(held[k]));
			continue;
		}
		r = share(rg, n, &h);
		if (self) {
			CHECK_ERR(r, FFA_RET_INVALID_PARAMETERS);
		} else if (any_live(rg, n)) {
			CHECK_ERR(r, FFA_RET_DENIED);
			denied++;
		} else {
			CHECK_OK32(r);
			mark(rg, n, true);
			handles[live] = h;
			held_n[live] = n;
			memcpy(held[live], rg, n * sizeof(rg[0]));
			live++;
			ok++;
		}
		CHECK_EQ(t_info().live_txns, live);
	}
	/* Both outcomes were exercised, many times. */
	CHECK(ok > 50);
	CHECK(denied > 50);
	while (live)
		CHECK_OK32(t_reclaim(handles[--live], 0));
}

/* The newest segment is held outside the tree: splitting it, flushing it, reclaiming it. */
TEST(index_held_segment_split_flush_and_reclaim)
{
	struct ffa_mem_range a[2] = { t_range(0, 1), t_range(4, 1) };
	struct ffa_mem_range b = t_range(2, 1), c = t_range(6, 1), d = t_range(8, 1);
	struct ffa_mem_range inside = t_range(4, 1);
	uint64_t ha, hb, hc, hd;

	t_setup(FFA_VERSION_1_2, 1);
	CHECK_OK32(share(a, 2, &ha));          /* held */
	CHECK_ERR(share(&inside, 1, NULL), FFA_RET_DENIED);
	CHECK_OK32(share(&b, 1, &hb));         /* inside a's gap: a split, all in the tree */
	CHECK_OK32(share(&c, 1, &hc));         /* held */
	CHECK_OK32(share(&d, 1, &hd));         /* c into the tree, d held */
	CHECK_ERR(share(&c, 1, NULL), FFA_RET_DENIED);
	CHECK_ERR(share(&d, 1, NULL), FFA_RET_DENIED);
	CHECK_OK32(t_reclaim(hc, 0));          /* from the tree */
	CHECK_OK32(t_reclaim(hd, 0));          /* the held one */
	CHECK_OK32(share(&d, 1, &hd));
	CHECK_OK32(t_reclaim(ha, 0));
	CHECK_OK32(t_reclaim(hb, 0));
	CHECK_OK32(t_reclaim(hd, 0));
	CHECK_EQ(t_info().live_txns, 0);
}
