// SPDX-License-Identifier: MIT
/*
 * The SPMC core built with tiny (and, for partitions, huge) capacities, to
 * reach the limits the default build cannot: more partition descriptors
 * than fit in RX, first-fit reuse of the range pool, and the descriptor
 * size limit. Built with SPMC_CAPS_DEFS (tests/spmc/spmc.mk).
 */
#include <stdlib.h>

#include "tests/spmc/tsim.h"

_Static_assert(SPMC_MAX_PARTITIONS == 200 && SPMC_MAX_TXNS == 4 &&
	       SPMC_RANGE_POOL == 16 && SPMC_DESC_MAX == 8192,
	       "built without SPMC_CAPS_DEFS");

static struct spmc_partition parts[SPMC_MAX_PARTITIONS];

static void all_partitions(void)
{
	const struct spmc_partition *pp[SPMC_MAX_PARTITIONS];

	for (unsigned int i = 0; i < SPMC_MAX_PARTITIONS; i++) {
		memcpy(&parts[i], test_sp_partition(), sizeof(parts[i]));
		if (i) {
			parts[i].id = (uint16_t)(0x8100 + i);
			parts[i].uuid = (struct ffa_uuid)FFA_UUID_TPM_CRB;
		}
		pp[i] = &parts[i];
	}
	t_reinit(pp, SPMC_MAX_PARTITIONS);
}

TEST_NEG(partinfo_larger_than_rx_no_memory)
{
	struct ffa_regs r;

	all_partitions();
	t_setup(FFA_VERSION_1_1, 1);
	r = T_SMC0(FFA_PARTITION_INFO_GET);
	CHECK_ERR(r, FFA_RET_NO_MEMORY);
	CHECK(!t_info().rx_held_by_ns);
	r = t_smc(FFA_PARTITION_INFO_GET, 0, 0, 0, 0, FFA_PARTITION_INFO_FLAG_COUNT_ONLY);
	CHECK_OK32(r);
	CHECK_EQ(r.x[2], SPMC_MAX_PARTITIONS);
}

TEST(partinfo_fits_a_bigger_rx)
{
	struct ffa_partinfo p;
	struct ffa_regs r;
	uint8_t *rx;

	all_partitions();
	t_setup(FFA_VERSION_1_1, 2);
	r = T_SMC0(FFA_PARTITION_INFO_GET);
	CHECK_OK32(r);
	CHECK_EQ(r.x[2], SPMC_MAX_PARTITIONS);
	rx = t_ptr(T_RX_PA, 2 * T_PAGE);
	CHECK_EQ(ffa_partinfo_decode(rx, 2 * T_PAGE, 24, SPMC_MAX_PARTITIONS - 1, &p), 0);
	CHECK_EQ(p.id, 0x8100 + SPMC_MAX_PARTITIONS - 1);
}

TEST(partinfo_v10_descriptors_are_smaller)
{
	struct ffa_regs r;

	all_partitions();
	t_setup(FFA_VERSION_1_0, 1);
	r = T_SMC0(FFA_PARTITION_INFO_GET);
	CHECK_OK32(r);
	CHECK_EQ(r.x[2], SPMC_MAX_PARTITIONS);
	CHECK_EQ(load_le16(t_rx() + 8 * (SPMC_MAX_PARTITIONS - 1)), 0x8100 + SPMC_MAX_PARTITIONS - 1);
}

TEST(partinfo_regs_walks_all_partitions)
{
	uint32_t start = 0, seen = 0, calls = 0;

	all_partitions();
	t_version(FFA_VERSION_1_2);
	while (start < SPMC_MAX_PARTITIONS && calls++ < 100) {
		struct ffa_regs r = t_smc(FFA_PARTITION_INFO_GET_REGS, 0, 0, start, 0, 0);
		uint32_t cur = (uint32_t)(r.x[2] >> 16) & 0xFFFF;

		CHECK_EQ(r.x[0], FFA_SUCCESS_64);
		CHECK_EQ(r.x[2] & 0xFFFF, SPMC_MAX_PARTITIONS - 1);
		for (uint32_t i = start; i <= cur; i++) {
			struct ffa_partinfo p;

			ffa_partinfo_from_regs(&r.x[3 + 3 * (i - start)], &p);
			CHECK_EQ(p.id, i ? 0x8100 + i : TEST_SP_ID);
			seen++;
		}
		start = cur + 1;
	}
	CHECK_EQ(seen, SPMC_MAX_PARTITIONS);
	CHECK_EQ(calls, (SPMC_MAX_PARTITIONS + 4) / 5);
}

static struct ffa_regs share_n(uint32_t first, uint32_t n, uint64_t *h)
{
	struct ffa_mem_range rg[SPMC_RANGE_POOL + 1];
	struct t_desc d = { .range_count = n, .ranges = rg };

	for (uint32_t i = 0; i < n; i++)
		rg[i] = t_range(first + 2 * i, 1);
	return t_send(FFA_MEM_SHARE_64, &d, h);
}

static uint32_t slice_of(uint64_t h)
{
	return g_sim->spmc.txns[h & SPMC_HANDLE_SLOT_MASK].range_first;
}

TEST_NEG(range_pool_first_fit)
{
	uint64_t a = 0, b = 0, c = 0, e = 0, g = 0;
	struct t_snap sn;
	struct ffa_regs r;

	t_setup(FFA_VERSION_1_1, 1);
	CHECK_OK32(share_n(0, 4, &a));
	CHECK_OK32(share_n(100, 8, &b));
	CHECK_OK32(share_n(200, 4, &c));
	CHECK_EQ(slice_of(b), 4);
	t_snap_take(&sn);
	r = share_n(300, 1, NULL);
	CHECK_ERR(r, FFA_RET_NO_MEMORY);
	CHECK(t_snap_same(&sn));
	CHECK_OK32(t_reclaim(b, 0));
	r = share_n(400, 9, NULL);             /* the 8-entry hole is too small */
	CHECK_ERR(r, FFA_RET_NO_MEMORY);
	CHECK_OK32(share_n(400, 8, &e));
	CHECK_EQ(slice_of(e), 4);
	CHECK_OK32(t_reclaim(a, 0));
	r = share_n(500, 5, NULL);
	CHECK_ERR(r, FFA_RET_NO_MEMORY);
	CHECK_OK32(share_n(500, 3, &g));
	CHECK_EQ(slice_of(g), 0);
	(void)c;
}

TEST_NEG(more_ranges_than_the_pool)
{
	struct ffa_regs r;

	t_setup(FFA_VERSION_1_1, 1);
	r = share_n(0, SPMC_RANGE_POOL + 1, NULL);
	CHECK_ERR(r, FFA_RET_NO_MEMORY);
	CHECK_EQ(t_info().live_txns, 0);
	CHECK_OK32(share_n(0, SPMC_RANGE_POOL, NULL));
}

TEST_NEG(small_table_full)
{
	struct ffa_regs r;

	t_setup(FFA_VERSION_1_1, 1);
	for (uint32_t i = 0; i < SPMC_MAX_TXNS; i++)
		CHECK_OK32(share_n(10 * i, 1, NULL));
	r = share_n(100, 1, NULL);
	CHECK_ERR(r, FFA_RET_NO_MEMORY);
	CHECK_EQ(t_info().live_txns, SPMC_MAX_TXNS);
}

TEST_NEG(descriptor_larger_than_staging)
{
	struct ffa_regs r;

	t_setup(FFA_VERSION_1_1, 4);
	r = t_smc(FFA_MEM_SHARE_64, SPMC_DESC_MAX + 1, T_PAGE, 0, 0, 0);
	CHECK_ERR(r, FFA_RET_NO_MEMORY);
	r = t_smc(FFA_MEM_SHARE_64, SPMC_DESC_MAX + 1, SPMC_DESC_MAX + 1, 0, 0, 0);
	CHECK_ERR(r, FFA_RET_NO_MEMORY);
	CHECK_EQ(g_sim->spmc.stage.kind, SPMC_STAGE_IDLE);
}

TEST(handles_unique_across_slot_reuse)
{
	uint64_t seen[40];

	t_setup(FFA_VERSION_1_1, 1);
	for (unsigned int i = 0; i < 40; i++) {
		seen[i] = 0;
		CHECK_OK32(share_n(0, 1, &seen[i]));
		CHECK_OK32(t_reclaim(seen[i], 0));
		for (unsigned int j = 0; j < i; j++)
			CHECK(seen[j] != seen[i]);
	}
}
