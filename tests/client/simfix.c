/* SPDX-License-Identifier: MIT */
#include "tests/client/simfix.h"

#include <stdlib.h>
#include <string.h>

#include "services/test_sp.h"
#include "tests/harness/check.h"

struct simfix SF;

/* Large enough for 1024 ranges in either layout. */
static uint8_t scratch[32 * 1024];

static void interpose(void *ctx, struct ffa_regs *r)
{
	struct ffa_regs in;

	(void)ctx;
	SF.count[FFA_FN_NUM((uint32_t)r->x[0]) & 0xFFu]++;
	memcpy(&in, r, sizeof(in));
	host_sim_call(SF.sim, r);
	if (SF.mutate)
		SF.mutate(&in, r);
}

static uint8_t *sim_ptr(void *ctx, uint64_t pa, uint64_t size)
{
	(void)ctx;
	return host_sim_ptr(SF.sim, pa, size);
}

void simfix_close(void)
{
	if (SF.sim)
		host_sim_destroy(SF.sim);
	memset(&SF, 0, sizeof(SF));
}

/* Every test starts without an SPMC and leaves none behind (LSan). */
__attribute__((constructor)) static void simfix_hooks(void)
{
	check_teardown = simfix_close;
}

bool simfix_open(const struct host_sim_config *cfg, uint32_t version, uint32_t pages)
{
	uint64_t tx, rx;

	simfix_close();
	SF.sim = host_sim_create(cfg);
	if (!SF.sim)
		return false;
	SF.next_pa = SF.sim->mem_base;
	ffa_client_init(&SF.c, interpose, sim_ptr, NULL);
	if (version && ffa_client_negotiate(&SF.c, version))
		return false;
	if (!pages)
		return true;
	tx = simfix_alloc(pages);
	rx = simfix_alloc(pages);
	return ffa_client_map_rxtx(&SF.c, tx, rx, pages) == FFA_RET_SUCCESS;
}

uint32_t simfix_count(uint32_t fid)
{
	return SF.count[FFA_FN_NUM(fid) & 0xFFu];
}

void simfix_reset_counts(void)
{
	memset(SF.count, 0, sizeof(SF.count));
}

uint64_t simfix_alloc(uint32_t pages)
{
	uint64_t pa = SF.next_pa, size = (uint64_t)pages * FFA_PAGE_SIZE;

	if (size > SF.sim->mem_base + SF.sim->mem_size - pa)
		return 0;
	SF.next_pa += size;
	return pa;
}

uint8_t *simfix_ptr(uint64_t pa, uint64_t size)
{
	return host_sim_ptr(SF.sim, pa, size);
}

void simfix_pattern(uint64_t pa, uint32_t pages, uint32_t seed)
{
	uint64_t n = (uint64_t)pages * FFA_PAGE_SIZE;
	uint8_t *p = simfix_ptr(pa, n);

	for (uint64_t i = 0; p && i < n; i++)
		p[i] = (uint8_t)(seed ^ (i * 2654435761u >> 7) ^ (pa >> 12));
}

static int by_addr(const void *a, const void *b)
{
	const struct ffa_mem_range *x = a, *y = b;

	return x->addr < y->addr ? -1 : x->addr > y->addr;
}

uint64_t simfix_fnv(const struct ffa_mem_range *rg, uint32_t n)
{
	struct ffa_mem_range *sorted = calloc(n ? n : 1, sizeof(*sorted));
	uint64_t h = TEST_SP_FNV_OFFSET;

	/* The partition walks its ranges in address order: so do we. */
	memcpy(sorted, rg, (size_t)n * sizeof(*sorted));
	qsort(sorted, n, sizeof(*sorted), by_addr);
	for (uint32_t i = 0; i < n; i++) {
		uint64_t len = (uint64_t)sorted[i].pages * FFA_PAGE_SIZE;

		h = test_sp_fnv1a(h, simfix_ptr(sorted[i].addr, len), len);
	}
	free(sorted);
	return h;
}

int32_t tsp32(uint32_t cmd, uint64_t handle, uint32_t a3, uint32_t out[FFA_CLIENT_REQ_ARGS])
{
	uint32_t in[FFA_CLIENT_REQ_ARGS] = { cmd, (uint32_t)handle, (uint32_t)(handle >> 32), a3,
					     0 };
	int32_t ret = ffa_client_direct_req32(&SF.c, TEST_SP_ID, in, out);

	return ret ? ret : (int32_t)out[0];
}

int32_t simfix_send(bool lend, const struct ffa_mem_range *rg, uint32_t n, uint8_t perms,
		    uint64_t *handle)
{
	struct ffa_mem_access ep = { .receiver = TEST_SP_ID, .perms = perms };
	struct ffa_client_mem m = {
		.receivers = &ep, .receiver_count = 1, .ranges = rg, .range_count = n,
		.attributes = FFA_ATTR_NORMAL_WB_INNER,
	};

	if (lend)
		return ffa_client_mem_lend(&SF.c, &m, scratch, sizeof(scratch), handle);
	return ffa_client_mem_share(&SF.c, &m, scratch, sizeof(scratch), handle);
}
