// SPDX-License-Identifier: MIT
/*
 * The memory API logical partitions call (from their direct-message
 * handlers or anywhere else): retrieve, relinquish and map. A retrieved
 * transaction cannot be reclaimed, which is what keeps the ranges a
 * partition was given valid until it relinquishes.
 */
#include "spmc/spmc_int.h"

/* Index of sp_id among the transaction's receivers, or -1. */
static int receiver_index(const struct spmc_txn *t, uint16_t sp_id)
{
	for (uint32_t i = 0; i < t->ep_count; i++)
		if (t->ep[i].receiver == sp_id)
			return (int)i;
	return -1;
}

static int32_t retrieve_locked(struct spmc *s, uint16_t sp_id, uint64_t handle,
			       struct spmc_sp_mem *out)
{
	uint32_t slot = spmc_txn_find(s, handle, SPMC_TXN_LIVE);
	struct spmc_txn *t;
	int k;

	if (slot == SPMC_NO_SLOT)
		return SPMC_REFUSE(s, sp_id, FFA_RET_INVALID_PARAMETERS, "slot == SPMC_NO_SLOT");
	t = &s->txns[slot];
	k = receiver_index(t, sp_id);
	if (k < 0 || (t->retrieved & (1u << k)))
		return SPMC_REFUSE(s, sp_id, FFA_RET_DENIED, "k < 0 || (t->retrieved & (1u << k))");
	if (!t->retrieved)
		s->retrieved_txns++;
	t->retrieved |= 1u << k;
	out->handle = t->handle;
	out->type = t->type;
	out->perms = t->ep[k].perms;
	/* The partition must map it non-secure: tell it so, as a retrieve response would. */
	out->attributes = (uint16_t)(t->attributes | FFA_ATTR_NS_BIT);
	out->total_pages = t->total_pages;
	out->range_count = t->range_count;
	out->ranges = &s->pool[t->range_first];
	return FFA_RET_SUCCESS;
}

int32_t spmc_sp_retrieve(struct spmc *s, uint16_t sp_id, uint64_t handle,
			 struct spmc_sp_mem *out)
{
	int32_t ret;

	if (!s || !out)
		return SPMC_REFUSE(s, sp_id, FFA_RET_INVALID_PARAMETERS, "!s || !out");
	spmc_lock(s, SPMC_LOCK_CORE);
	ret = retrieve_locked(s, sp_id, handle, out);
	spmc_unlock(s, SPMC_LOCK_CORE);
	return ret;
}

static int32_t relinquish_locked(struct spmc *s, uint16_t sp_id, uint64_t handle)
{
	uint32_t slot = spmc_txn_find(s, handle, SPMC_TXN_LIVE);
	struct spmc_txn *t;
	int k;

	if (slot == SPMC_NO_SLOT)
		return SPMC_REFUSE(s, sp_id, FFA_RET_INVALID_PARAMETERS, "slot == SPMC_NO_SLOT");
	t = &s->txns[slot];
	k = receiver_index(t, sp_id);
	if (k < 0 || !(t->retrieved & (1u << k)))
		return SPMC_REFUSE(s, sp_id, FFA_RET_DENIED,
				  "k < 0 || !(t->retrieved & (1u << k))");
	t->retrieved &= ~(1u << k);
	if (!t->retrieved)
		s->retrieved_txns--;
	return FFA_RET_SUCCESS;
}

int32_t spmc_sp_relinquish(struct spmc *s, uint16_t sp_id, uint64_t handle)
{
	int32_t ret;

	if (!s)
		return SPMC_REFUSE(s, sp_id, FFA_RET_INVALID_PARAMETERS, "!s");
	spmc_lock(s, SPMC_LOCK_CORE);
	ret = relinquish_locked(s, sp_id, handle);
	spmc_unlock(s, SPMC_LOCK_CORE);
	return ret;
}

static uint8_t *map_locked(struct spmc *s, const struct spmc_sp_mem *m, uint32_t range,
			   uint32_t first_page, uint32_t count)
{
	uint32_t slot = spmc_txn_find(s, m->handle, SPMC_TXN_LIVE);
	const struct spmc_txn *t;
	const struct ffa_mem_range *r;

	if (slot == SPMC_NO_SLOT)
		return NULL;
	t = &s->txns[slot];
	/* Nobody holds it any more: m is stale (used after relinquish). */
	if (!t->retrieved || m->ranges != &s->pool[t->range_first])
		return NULL;
	if (range >= t->range_count)
		return NULL;
	/* Trust the pool, not the caller's copy of the range. */
	r = &s->pool[t->range_first + range];
	if (count == 0 || first_page >= r->pages || count > r->pages - first_page)
		return NULL;
	return s->plat.ns_ptr(s->plat.ctx, r->addr + ((uint64_t)first_page << FFA_PAGE_SHIFT),
			      (uint64_t)count << FFA_PAGE_SHIFT);
}

uint8_t *spmc_sp_map(struct spmc *s, const struct spmc_sp_mem *m, uint32_t range,
		     uint32_t first_page, uint32_t count)
{
	uint8_t *p;

	if (!s || !m)
		return NULL;
	spmc_lock(s, SPMC_LOCK_CORE);
	p = map_locked(s, m, range, first_page, count);
	spmc_unlock(s, SPMC_LOCK_CORE);
	return p;
}
