// SPDX-License-Identifier: MIT
/*
 * spmc_check_invariants(): the rules every ABI call must preserve, checked
 * from scratch (nothing here trusts the incremental counters or the order
 * the other files keep). Quadratic in places; meant for tests and debug.
 */
#include "spmc/spmc_int.h"

/* Set bits of a word; a libgcc popcount call is not freestanding here. */
static uint32_t bits_set(uint64_t v)
{
	uint32_t n = 0;

	for (; v; v &= v - 1)
		n++;
	return n;
}

#define FAIL(msg) do { *why = (msg); return 1; } while (0)

bool spmc_all_zero(const void *p, size_t n)
{
	const uint8_t *b = p;

	for (size_t i = 0; i < n; i++)
		if (b[i])
			return false;
	return true;
}

/* The partition table spmc_init() accepted, still as it accepted it. */
static int check_parts(const struct spmc *s, const char **why)
{
	if (s->part_count > SPMC_MAX_PARTITIONS)
		FAIL("partition count out of range");
	for (uint32_t i = 0; i < s->part_count; i++) {
		const struct spmc_partition *p = s->parts[i];

		if (!p || !p->direct || !ffa_id_is_secure(p->id) || p->id == FFA_ID_SPMC)
			FAIL("bad partition table entry");
		if (spmc_part_index(s, p->id) != (int)i)
			FAIL("duplicate partition ID");
	}
	for (uint32_t i = s->part_count; i < SPMC_MAX_PARTITIONS; i++)
		if (s->parts[i])
			FAIL("partition past the count");
	return 0;
}

static int check_ns(const struct spmc *s, const char **why)
{
	const struct spmc_ns *ns = &s->ns;
	uint64_t size;

	if (ns->negotiated && (FFA_VERSION_MAJOR(ns->negotiated) != 1 ||
			       ns->negotiated > SPMC_FFA_VERSION || ns->negotiated >> 31))
		FAIL("negotiated version out of range");
	/* The negotiated version is the lower of the request and ours. */
	if (ns->negotiated != (ns->requested ? ffa_version_min(ns->requested, SPMC_FFA_VERSION)
					     : 0))
		FAIL("negotiated version does not follow the request");
	if (!ns->mapped) {
		if (ns->tx_pa || ns->rx_pa || ns->pages || ns->rx_held || ns->tx || ns->rx)
			FAIL("RX/TX state left over while unmapped");
		return 0;
	}
	size = (uint64_t)ns->pages * FFA_PAGE_SIZE;
	if (ns->tx != s->plat.ns_ptr(s->plat.ctx, ns->tx_pa, size) ||
	    ns->rx != s->plat.ns_ptr(s->plat.ctx, ns->rx_pa, size) || !ns->tx || !ns->rx)
		FAIL("RX/TX pointers are not the platform's for the mapped buffers");
	if (ns->pages == 0 || ns->pages > SPMC_RXTX_MAX_PAGES)
		FAIL("RX/TX page count out of range");
	if ((ns->tx_pa | ns->rx_pa) & (FFA_PAGE_SIZE - 1))
		FAIL("RX/TX not page aligned");
	size = (uint64_t)ns->pages * FFA_PAGE_SIZE;
	if (ns->tx_pa < ns->rx_pa + size && ns->rx_pa < ns->tx_pa + size)
		FAIL("RX and TX overlap");
	return 0;
}

static bool handle_ok(const struct spmc *s, const struct spmc_txn *t, uint32_t slot)
{
	uint64_t counter = t->handle >> SPMC_HANDLE_SLOT_BITS;

	return (t->handle & SPMC_HANDLE_SLOT_MASK) == slot && counter != 0 &&
	       counter <= s->handle_counter && !(t->handle & FFA_MEM_HANDLE_ALLOCATOR_HYP);
}

static int check_live_ranges(const struct spmc *s, const struct spmc_txn *t,
			     const char **why)
{
	const struct ffa_mem_range *r = &s->pool[t->range_first];
	uint64_t pages = 0;

	if (t->range_count == 0 || t->range_first >= SPMC_RANGE_POOL ||
	    t->range_count > SPMC_RANGE_POOL - t->range_first)
		FAIL("transaction slice outside the range pool");
	for (uint32_t i = 0; i < t->range_count; i++) {
		if (r[i].pages == 0 || (r[i].addr & (FFA_PAGE_SIZE - 1)))
			FAIL("empty or unaligned range");
		if (spmc_range_end(&r[i]) == UINT64_MAX)
			FAIL("range wraps the address space");
		if (i && spmc_range_end(&r[i - 1]) > r[i].addr)
			FAIL("ranges unsorted or overlapping");
		pages += r[i].pages;
	}
	if (pages != t->total_pages)
		FAIL("total_pages does not match the ranges");
	if (spmc_overlaps_rxtx(s, r, t->range_count))
		FAIL("live transaction overlaps RX/TX");
	/* Only ordinary NS RAM can be the normal world's to give. */
	for (uint32_t i = 0; i < t->range_count; i++)
		if (!s->plat.ns_ptr(s->plat.ctx, r[i].addr, (uint64_t)r[i].pages << FFA_PAGE_SHIFT))
			FAIL("live transaction holds memory that is not NS RAM");
	return 0;
}

/* Receivers: known partitions, each once, no flags; unused entries zero. */
static int check_receivers(const struct spmc *s, const struct spmc_txn *t,
			   const char **why)
{
	if (t->ep_count == 0 || t->ep_count > FFA_MEM_MAX_RECEIVERS)
		FAIL("bad receiver count");
	for (uint32_t i = 0; i < t->ep_count; i++) {
		if (spmc_part_index(s, t->ep[i].receiver) < 0)
			FAIL("receiver is not a partition");
		if (t->ep[i].flags || t->ep[i].composite_offset)
			FAIL("receiver entry carries flags or an offset");
		for (uint32_t j = 0; j < i; j++)
			if (t->ep[j].receiver == t->ep[i].receiver)
				FAIL("receiver listed twice");
	}
	for (uint32_t i = t->ep_count; i < FFA_MEM_MAX_RECEIVERS; i++)
		if (!spmc_all_zero(&t->ep[i], sizeof(t->ep[i])))
			FAIL("receiver entry past the count not cleared");
	/* Each receiver holds it at most once: one bit each, none past the count. */
	if (t->ep_count < 32 && (t->retrieved >> t->ep_count))
		FAIL("retrieved by a non-receiver");
	return 0;
}

static int check_txn(const struct spmc *s, uint32_t slot, const char **why)
{
	const struct spmc_txn *t = &s->txns[slot];

	if (t->state == SPMC_TXN_FREE) {
		if (!spmc_all_zero(t, sizeof(*t)))
			FAIL("free transaction slot not cleared");
		return 0;
	}
	if (!handle_ok(s, t, slot))
		FAIL("malformed handle");
	if (t->state == SPMC_TXN_PENDING) {
		if (t->range_count || t->ep_count || t->retrieved)
			FAIL("pending transaction holds resources");
		return 0;
	}
	if (t->state != SPMC_TXN_LIVE)
		FAIL("unknown transaction state");
	if (t->type != FFA_MTD_FLAG_TYPE_SHARE && t->type != FFA_MTD_FLAG_TYPE_LEND)
		FAIL("bad transaction type");
	if (t->type == FFA_MTD_FLAG_TYPE_SHARE && (t->flags & FFA_MTD_FLAG_ZERO_MEMORY))
		FAIL("share with zero-memory flag");
	if (check_receivers(s, t, why))
		return 1;
	return check_live_ranges(s, t, why);
}

/*
 * Pairwise rules between live transactions. FF-A lets an owner share or
 * lend only memory it has exclusive access to: once shared, a page is in
 * the owner-shared state and cannot be the subject of another SHARE or
 * LEND until it is reclaimed (several borrowers of one page are expressed
 * as several receivers of one transaction). So no page is in two live
 * transactions, whatever their types: stricter than "lends are exclusive",
 * and what the core enforces when it commits a transaction.
 */
static int check_pairs(const struct spmc *s, const char **why)
{
	for (uint32_t i = 0; i < SPMC_MAX_TXNS; i++) {
		const struct spmc_txn *a = &s->txns[i];

		if (a->state == SPMC_TXN_FREE)
			continue;
		for (uint32_t j = i + 1; j < SPMC_MAX_TXNS; j++) {
			const struct spmc_txn *b = &s->txns[j];

			if (b->state == SPMC_TXN_FREE)
				continue;
			if (a->handle == b->handle)
				FAIL("duplicate handle");
			if (a->state != SPMC_TXN_LIVE || b->state != SPMC_TXN_LIVE)
				continue;
			if (a->range_first < b->range_first + b->range_count &&
			    b->range_first < a->range_first + a->range_count)
				FAIL("range pool slices overlap");
			if (spmc_ranges_intersect(&s->pool[a->range_first], a->range_count,
						  &s->pool[b->range_first], b->range_count))
				FAIL("a page is in two live transactions");
		}
	}
	return 0;
}

/*
 * Every pool entry outside the live slices is zero. Walks the slices in
 * address order (they are inside the pool and disjoint: check_txn and
 * check_pairs ran first), so it is linear in the pool: this runs after
 * every call of every test and fuzz input.
 */
static int check_pool(const struct spmc *s, const char **why)
{
	uint32_t cur = 0;

	for (;;) {
		uint32_t next = SPMC_RANGE_POOL, count = 0;

		for (uint32_t i = 0; i < SPMC_MAX_TXNS; i++) {
			const struct spmc_txn *t = &s->txns[i];

			if (t->state == SPMC_TXN_LIVE && t->range_first >= cur &&
			    t->range_first < next) {
				next = t->range_first;
				count = t->range_count;
			}
		}
		for (uint32_t i = cur; i < next; i++)
			if (s->pool[i].addr || s->pool[i].pages)
				FAIL("range pool entry outside any live slice not cleared");
		if (next == SPMC_RANGE_POOL)
			return 0;
		cur = next + count;
	}
}

static int check_counts(const struct spmc *s, const char **why)
{
	uint32_t live = 0, retrieved = 0;

	for (uint32_t i = 0; i < SPMC_MAX_TXNS; i++) {
		live += s->txns[i].state == SPMC_TXN_LIVE;
		retrieved += s->txns[i].state == SPMC_TXN_LIVE && s->txns[i].retrieved;
	}
	if (live != s->live_txns || retrieved != s->retrieved_txns)
		FAIL("transaction counters out of step with the table");
	return check_pool(s, why);
}

static uint32_t count_pending(const struct spmc *s)
{
	uint32_t n = 0;

	for (uint32_t i = 0; i < SPMC_MAX_TXNS; i++)
		n += s->txns[i].state == SPMC_TXN_PENDING;
	return n;
}

static int check_stage(const struct spmc *s, const char **why)
{
	const struct spmc_stage *st = &s->stage;
	uint32_t want_state = st->kind == SPMC_STAGE_SEND ? SPMC_TXN_PENDING : SPMC_TXN_LIVE;

	if (count_pending(s) != (st->kind == SPMC_STAGE_SEND))
		FAIL("pending transactions without a fragmented send");
	if (st->kind == SPMC_STAGE_IDLE) {
		if (st->slot || st->handle || st->total || st->done || st->type)
			FAIL("idle staging state not cleared");
		return 0;
	}
	if (st->kind != SPMC_STAGE_SEND && st->kind != SPMC_STAGE_RETRIEVE)
		FAIL("unknown staging kind");
	if (!s->ns.mapped)
		FAIL("fragmented operation without RX/TX");
	if (st->slot >= SPMC_MAX_TXNS || s->txns[st->slot].state != want_state ||
	    s->txns[st->slot].handle != st->handle)
		FAIL("staging names the wrong transaction");
	if (st->total == 0 || st->total > SPMC_DESC_MAX || st->done == 0 ||
	    st->done >= st->total)
		FAIL("staging lengths inconsistent");
	/* A response is only fragmented when it does not fit RX, and the
	 * first fragment was a full RX. */
	if (st->kind == SPMC_STAGE_RETRIEVE &&
	    (st->total <= spmc_rxtx_size(s) || st->done < spmc_rxtx_size(s)))
		FAIL("staged retrieve response would have fit RX");
	if (st->kind == SPMC_STAGE_SEND && st->type != FFA_MTD_FLAG_TYPE_SHARE &&
	    st->type != FFA_MTD_FLAG_TYPE_LEND)
		FAIL("staged send has no type");
	return 0;
}

/* Exactly the live slices (and the bits past the pool) are marked used. */
static int check_pool_map(const struct spmc *s, const char **why)
{
	uint32_t want = SPMC_POOL_WORDS * 64 - SPMC_RANGE_POOL, have = 0;

	for (uint32_t i = SPMC_RANGE_POOL; i < SPMC_POOL_WORDS * 64; i++)
		if (!((s->pool_used[i / 64] >> (i % 64)) & 1))
			FAIL("pool bitmap past the pool not set");
	for (uint32_t t = 0; t < SPMC_MAX_TXNS; t++) {
		const struct spmc_txn *x = &s->txns[t];

		if (x->state != SPMC_TXN_LIVE)
			continue;
		want += x->range_count;
		for (uint32_t i = x->range_first; i < x->range_first + x->range_count; i++)
			if (!((s->pool_used[i / 64] >> (i % 64)) & 1))
				FAIL("live pool entry not marked used");
	}
	for (uint32_t w = 0; w < SPMC_POOL_WORDS; w++)
		have += bits_set(s->pool_used[w]);
	if (have != want)
		FAIL("pool bitmap marks entries no live slice holds");
	return 0;
}

/* The free-slot and pool bitmaps agree with the table. */
static int check_maps(const struct spmc *s, const char **why)
{
	for (uint32_t i = 0; i < SPMC_MAX_TXNS; i++) {
		bool free_bit = (s->txn_free[i / 64] >> (i % 64)) & 1;

		if (free_bit != (s->txns[i].state == SPMC_TXN_FREE))
			FAIL("free-slot bitmap out of step with the table");
	}
	for (uint32_t w = 0; w < SPMC_TXN_WORDS; w++)
		if (((s->txn_free_sum >> w) & 1) != (s->txn_free[w] != 0))
			FAIL("free-slot summary out of step");
	if (SPMC_TXN_WORDS < 64 && (s->txn_free_sum >> (SPMC_TXN_WORDS % 64)))
		FAIL("free-slot summary past the table");
	return check_pool_map(s, why) || spmc_index_check_invariants(s, why);
}

static int check_all(const struct spmc *s, const char **why)
{
	if (check_parts(s, why) || check_ns(s, why))
		return 1;
	for (uint32_t i = 0; i < SPMC_MAX_TXNS; i++)
		if (check_txn(s, i, why))
			return 1;
	if (check_pairs(s, why) || check_counts(s, why) || check_stage(s, why) ||
	    check_maps(s, why))
		return 1;
	return spmc_notif_check(s, why);
}

int spmc_check_invariants(const struct spmc *s, const char **why)
{
	const char *dummy;
	int ret;

	if (!why)
		why = &dummy;
	*why = NULL;
	if (!s->ready) {
		*why = "not initialised";
		return 1;
	}
	spmc_lock(s, SPMC_LOCK_CORE);
	ret = check_all(s, why);
	spmc_unlock(s, SPMC_LOCK_CORE);
	return ret;
}
