// SPDX-License-Identifier: MIT
/*
 * Endpoint 0's RX/TX buffer pair and the RX ownership hand-over: the SPMC
 * writes RX only while the normal world has released it, and the normal
 * world owns it again from the SPMC's write until FFA_RX_RELEASE.
 */
#include "spmc/spmc_int.h"

/* Would [pa, pa + pages) share a page with a live transaction? */
static bool overlaps_txns(const struct spmc *s, uint64_t pa, uint32_t pages)
{
	struct ffa_mem_range r = { .addr = pa, .pages = pages };

	return spmc_index_overlaps(s, pa, spmc_range_end(&r));
}

static int32_t check_map(struct spmc *s, uint64_t tx, uint64_t rx, uint64_t w3)
{
	uint32_t pages = (uint32_t)(w3 & FFA_RXTX_PAGE_COUNT_MASK);
	uint64_t size = (uint64_t)pages * FFA_PAGE_SIZE;

	if (w3 & ~(uint64_t)FFA_RXTX_PAGE_COUNT_MASK)
		return SPMC_REFUSE(s, 0, FFA_RET_INVALID_PARAMETERS,
				  "w3 & ~(uint64_t)FFA_RXTX_PAGE_COUNT_MASK");
	if (pages == 0 || pages > SPMC_RXTX_MAX_PAGES)
		return SPMC_REFUSE(s, 0, FFA_RET_INVALID_PARAMETERS,
				  "pages == 0 || pages > SPMC_RXTX_MAX_PAGES");
	if ((tx | rx) & (FFA_PAGE_SIZE - 1))
		return SPMC_REFUSE(s, 0, FFA_RET_INVALID_PARAMETERS,
				  "(tx | rx) & (FFA_PAGE_SIZE - 1)");
	if (tx > UINT64_MAX - size || rx > UINT64_MAX - size)
		return SPMC_REFUSE(s, 0, FFA_RET_INVALID_PARAMETERS,
				  "tx > UINT64_MAX - size || rx > UINT64_MAX - size");
	if (tx < rx + size && rx < tx + size)
		return SPMC_REFUSE(s, 0, FFA_RET_INVALID_PARAMETERS,
				  "tx < rx + size && rx < tx + size");
	if (!s->plat.ns_ptr(s->plat.ctx, tx, size) || !s->plat.ns_ptr(s->plat.ctx, rx, size))
		return SPMC_REFUSE(s, 0, FFA_RET_INVALID_PARAMETERS,
				  "!s->plat.ns_ptr(s->plat.ctx, tx, size) || !s->plat.ns_ptr(s->plat.ctx, rx, size)");
	/* Shared or lent pages must not double as mailboxes the SPMC writes. */
	if (overlaps_txns(s, tx, pages) || overlaps_txns(s, rx, pages))
		return SPMC_REFUSE(s, 0, FFA_RET_DENIED,
				  "overlaps_txns(s, tx, pages) || overlaps_txns(s, rx, pages)");
	return FFA_RET_SUCCESS;
}

void spmc_abi_rxtx_map(struct spmc *s, struct ffa_regs *r)
{
	bool is64 = FFA_FN_IS_SMC64((uint32_t)r->x[0]);
	uint64_t tx = is64 ? r->x[1] : ffa_w(r, 1);
	uint64_t rx = is64 ? r->x[2] : ffa_w(r, 2);
	uint64_t w3 = is64 ? r->x[3] : ffa_w(r, 3);
	int32_t ret;

	if (s->ns.mapped) {
		spmc_ret_error(r, FFA_RET_DENIED);
		return;
	}
	ret = check_map(s, tx, rx, w3);
	if (ret != FFA_RET_SUCCESS) {
		spmc_ret_error(r, ret);
		return;
	}
	s->ns.tx_pa = tx;
	s->ns.rx_pa = rx;
	s->ns.pages = (uint32_t)(w3 & FFA_RXTX_PAGE_COUNT_MASK);
	/* check_map found both NS RAM: ask for the pointers once. */
	s->ns.tx = s->plat.ns_ptr(s->plat.ctx, tx, (uint64_t)s->ns.pages * FFA_PAGE_SIZE);
	s->ns.rx = s->plat.ns_ptr(s->plat.ctx, rx, (uint64_t)s->ns.pages * FFA_PAGE_SIZE);
	s->ns.rx_held = false;
	s->ns.mapped = true;
	spmc_ret_ok32(r, 0, 0);
}

void spmc_abi_rxtx_unmap(struct spmc *s, struct ffa_regs *r)
{
	/* w1 bits 31:16 name the endpoint (only 0 here), 15:0 are reserved. */
	if (ffa_w(r, 1) != 0 || !s->ns.mapped) {
		spmc_ret_error(r, FFA_RET_INVALID_PARAMETERS);
		return;
	}
	if (s->stage.kind != SPMC_STAGE_IDLE) {
		spmc_ret_error(r, FFA_RET_DENIED);
		return;
	}
	s->ns.mapped = false;
	s->ns.rx_held = false;
	s->ns.tx = NULL;
	s->ns.rx = NULL;
	s->ns.tx_pa = 0;
	s->ns.rx_pa = 0;
	s->ns.pages = 0;
	spmc_ret_ok32(r, 0, 0);
}

void spmc_abi_rx_release(struct spmc *s, struct ffa_regs *r)
{
	if (ffa_w(r, 1) != 0) {
		spmc_ret_error(r, FFA_RET_INVALID_PARAMETERS);
		return;
	}
	if (!s->ns.mapped || !s->ns.rx_held) {
		spmc_ret_error(r, FFA_RET_DENIED);
		return;
	}
	s->ns.rx_held = false;
	spmc_ret_ok32(r, 0, 0);
}
