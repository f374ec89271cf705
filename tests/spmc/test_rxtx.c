// SPDX-License-Identifier: MIT
/* RXTX_MAP/UNMAP and RX_RELEASE. */
#include "tests/spmc/tsim.h"

static struct ffa_regs map64(uint64_t tx, uint64_t rx, uint64_t pages)
{
	return t_smc(FFA_RXTX_MAP_64, tx, rx, pages, 0, 0);
}

TEST(rxtx_map_64)
{
	struct ffa_regs r;
	struct spmc_ns_info info;

	t_version(FFA_VERSION_1_2);
	r = map64(T_TX_PA, T_RX_PA, 2);
	CHECK_OK32(r);
	info = t_info();
	CHECK_EQ(info.tx_pa, T_TX_PA);
	CHECK_EQ(info.rx_pa, T_RX_PA);
	CHECK_EQ(info.rxtx_pages, 2);
	CHECK(!info.rx_held_by_ns);
}

TEST(rxtx_map_32_uses_low_halves)
{
	struct ffa_regs r;

	t_version(FFA_VERSION_1_1);
	r = t_smc(FFA_RXTX_MAP_32, (7ull << 32) | T_TX_PA, (9ull << 32) | T_RX_PA,
		  (5ull << 32) | 1, 0, 0);
	CHECK_OK32(r);
	CHECK_EQ(t_info().tx_pa, T_TX_PA);
	CHECK_EQ(t_info().rx_pa, T_RX_PA);
}

TEST(rxtx_map_largest_page_count)
{
	struct ffa_regs r;

	r = map64(T_TX_PA, T_TX_PA + 63ull * T_PAGE, FFA_RXTX_PAGE_COUNT_MASK);
	CHECK_OK32(r);
	CHECK_EQ(t_info().rxtx_pages, 63);
}

TEST_NEG(rxtx_map_twice_denied)
{
	struct ffa_regs r;

	t_setup(FFA_VERSION_1_1, 1);
	r = map64(T_TX_PA + 0x10000, T_RX_PA + 0x10000, 1);
	CHECK_ERR(r, FFA_RET_DENIED);
	CHECK_EQ(t_info().tx_pa, T_TX_PA);
}

TEST_NEG(rxtx_map_unaligned)
{
	struct ffa_regs r = map64(T_TX_PA + 0x800, T_RX_PA, 1);

	CHECK_ERR(r, FFA_RET_INVALID_PARAMETERS);
	r = map64(T_TX_PA, T_RX_PA + 8, 1);
	CHECK_ERR(r, FFA_RET_INVALID_PARAMETERS);
	CHECK_EQ(t_info().rxtx_pages, 0);
}

TEST_NEG(rxtx_map_bad_page_count)
{
	struct ffa_regs r = map64(T_TX_PA, T_RX_PA, 0);

	CHECK_ERR(r, FFA_RET_INVALID_PARAMETERS);
	/* 64 does not fit bits 5:0; bits above them are reserved */
	r = map64(T_TX_PA, T_RX_PA, 64);
	CHECK_ERR(r, FFA_RET_INVALID_PARAMETERS);
	r = map64(T_TX_PA, T_RX_PA, 0x101);
	CHECK_ERR(r, FFA_RET_INVALID_PARAMETERS);
	r = t_smc(FFA_RXTX_MAP_32, T_TX_PA, T_RX_PA, 0x80000001u, 0, 0);
	CHECK_ERR(r, FFA_RET_INVALID_PARAMETERS);
	CHECK(!t_info().rxtx_pages);
}

TEST_NEG(rxtx_map_overlapping_buffers)
{
	struct ffa_regs r = map64(T_TX_PA, T_TX_PA, 1);

	CHECK_ERR(r, FFA_RET_INVALID_PARAMETERS);
	r = map64(T_TX_PA, T_TX_PA + T_PAGE, 2);
	CHECK_ERR(r, FFA_RET_INVALID_PARAMETERS);
	r = map64(T_TX_PA + T_PAGE, T_TX_PA, 2);
	CHECK_ERR(r, FFA_RET_INVALID_PARAMETERS);
	r = map64(T_TX_PA, T_TX_PA + 2 * T_PAGE, 2);
	CHECK_OK32(r);
}

TEST_NEG(rxtx_map_outside_ns_memory)
{
	struct ffa_regs r = map64(0x1000, T_RX_PA, 1);

	CHECK_ERR(r, FFA_RET_INVALID_PARAMETERS);
	r = map64(T_TX_PA, HOST_SIM_NS_BASE + T_MEM_SIZE, 1);
	CHECK_ERR(r, FFA_RET_INVALID_PARAMETERS);
	/* straddles the end of NS memory */
	r = map64(T_TX_PA, HOST_SIM_NS_BASE + T_MEM_SIZE - T_PAGE, 2);
	CHECK_ERR(r, FFA_RET_INVALID_PARAMETERS);
	CHECK(!t_info().rxtx_pages);
}

TEST_NEG(rxtx_map_address_overflow)
{
	struct ffa_regs r = map64(0xFFFFFFFFFFFFF000ull, T_RX_PA, 2);

	CHECK_ERR(r, FFA_RET_INVALID_PARAMETERS);
	r = map64(T_TX_PA, 0xFFFFFFFFFFFFF000ull, 1);
	CHECK_ERR(r, FFA_RET_INVALID_PARAMETERS);
}

TEST_NEG(rxtx_map_over_shared_page_denied)
{
	struct ffa_regs r;

	t_setup(FFA_VERSION_1_1, 1);
	(void)t_share_simple(0, 4);
	r = t_smc(FFA_RXTX_UNMAP, 0, 0, 0, 0, 0);
	CHECK_OK32(r);
	r = map64(T_TX_PA, t_page(3), 1);
	CHECK_ERR(r, FFA_RET_DENIED);
	r = map64(t_page(0), T_RX_PA, 2);
	CHECK_ERR(r, FFA_RET_DENIED);
	r = map64(t_page(4), T_RX_PA, 1);
	CHECK_OK32(r);
}

TEST(rxtx_unmap_and_remap)
{
	struct ffa_regs r;

	t_setup(FFA_VERSION_1_1, 1);
	r = t_smc(FFA_RXTX_UNMAP, 0, 0, 0, 0, 0);
	CHECK_OK32(r);
	CHECK_EQ(t_info().tx_pa, 0);
	CHECK_EQ(t_info().rxtx_pages, 0);
	r = map64(T_TX_PA + T_PAGE, T_RX_PA + T_PAGE, 3);
	CHECK_OK32(r);
	CHECK_EQ(t_info().rxtx_pages, 3);
}

TEST_NEG(rxtx_unmap_not_mapped)
{
	struct ffa_regs r = t_smc(FFA_RXTX_UNMAP, 0, 0, 0, 0, 0);

	CHECK_ERR(r, FFA_RET_INVALID_PARAMETERS);
}

TEST_NEG(rxtx_unmap_wrong_id)
{
	struct ffa_regs r;

	t_setup(FFA_VERSION_1_1, 1);
	r = t_smc(FFA_RXTX_UNMAP, 1u << FFA_RXTX_UNMAP_ID_SHIFT, 0, 0, 0, 0);
	CHECK_ERR(r, FFA_RET_INVALID_PARAMETERS);
	r = t_smc(FFA_RXTX_UNMAP, (uint32_t)TEST_SP_ID << FFA_RXTX_UNMAP_ID_SHIFT, 0, 0, 0, 0);
	CHECK_ERR(r, FFA_RET_INVALID_PARAMETERS);
	r = t_smc(FFA_RXTX_UNMAP, 1, 0, 0, 0, 0);
	CHECK_ERR(r, FFA_RET_INVALID_PARAMETERS);
	CHECK_EQ(t_info().rxtx_pages, 1);
}

TEST_NEG(rx_release_when_not_held)
{
	struct ffa_regs r = T_SMC0(FFA_RX_RELEASE);

	CHECK_ERR(r, FFA_RET_DENIED);
	r = t_smc(FFA_RXTX_MAP_64, T_TX_PA, T_RX_PA, 1, 0, 0);
	CHECK_OK32(r);
	r = T_SMC0(FFA_RX_RELEASE);
	CHECK_ERR(r, FFA_RET_DENIED);
}

/* A fresh v1.1 system whose RX holds a PARTITION_INFO_GET answer. */
static struct ffa_regs rx_filled(void)
{
	struct ffa_regs r;

	t_setup(FFA_VERSION_1_1, 1);
	r = T_SMC0(FFA_PARTITION_INFO_GET);
	CHECK_OK32(r);
	return r;
}

TEST_NEG(rx_release_twice)
{
	struct ffa_regs r = rx_filled();

	CHECK(t_info().rx_held_by_ns);
	t_rx_release();
	CHECK(!t_info().rx_held_by_ns);
	r = T_SMC0(FFA_RX_RELEASE);
	CHECK_ERR(r, FFA_RET_DENIED);
}

TEST_NEG(rx_release_with_an_endpoint_id)
{
	struct ffa_regs r = rx_filled();

	r = t_smc(FFA_RX_RELEASE, 5u << 16, 0, 0, 0, 0);
	CHECK_ERR(r, FFA_RET_INVALID_PARAMETERS);
	CHECK(t_info().rx_held_by_ns);
}

TEST(rxtx_unmap_drops_rx_ownership)
{
	struct ffa_regs r = rx_filled();

	r = t_smc(FFA_RXTX_UNMAP, 0, 0, 0, 0, 0);
	CHECK_OK32(r);
	CHECK(!t_info().rx_held_by_ns);
	r = map64(T_TX_PA, T_RX_PA, 1);
	CHECK_OK32(r);
	r = T_SMC0(FFA_PARTITION_INFO_GET);
	CHECK_OK32(r);
}
