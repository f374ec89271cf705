// SPDX-License-Identifier: MIT
/*
 * Memory transactions from the normal world: the transaction table, the
 * range pool, validation and commit of MEM_SHARE/MEM_LEND, and MEM_RECLAIM.
 *
 * Every path that fails after touching state undoes it right there, so a
 * rejected call leaves the table and the pool byte for byte as they were
 * (free pool entries and free slots are kept all-zero to make that exact).
 */
#include "spmc/spmc_int.h"

void spmc_mem_init(struct spmc *s)
{
	for (uint32_t i = 0; i < SPMC_MAX_TXNS; i++) {
		s->txn_free[i / 64] |= 1ull << (i % 64);
		s->txn_free_sum |= 1ull << (i / 64);
	}
	/* Entries past the pool's end never look free. */
	for (uint32_t i = SPMC_RANGE_POOL; i < SPMC_POOL_WORDS * 64; i++)
		s->pool_used[i / 64] |= 1ull << (i % 64);
}

/* The lowest free slot in O(1): the summary word, then the slot word. */
static inline int32_t txn_reserve(struct spmc *s, uint32_t *slot)
{
	uint32_t w, i;

	if (!s->txn_free_sum)
		return FFA_RET_NO_MEMORY;
	/* Never wrap: a repeated handle could name the wrong memory. */
	if (s->handle_counter >= SPMC_HANDLE_COUNTER_MAX)
		return FFA_RET_NO_MEMORY;
	w = (uint32_t)__builtin_ctzll(s->txn_free_sum);
	i = w * 64 + (uint32_t)__builtin_ctzll(s->txn_free[w]);
	s->txn_free[w] &= ~(1ull << (i % 64));
	if (!s->txn_free[w])
		s->txn_free_sum &= ~(1ull << w);
	s->handle_counter++;
	s->txns[i].handle = s->handle_counter << SPMC_HANDLE_SLOT_BITS | i;
	s->txns[i].state = SPMC_TXN_PENDING;
	*slot = i;
	return FFA_RET_SUCCESS;
}

/*
 * Back to all zero, field by field: cheaper than a memset of the slot (a
 * struct assignment would be the firmware's byte-wise memset). No store
 * ever reaches the padding, which stays the zero spmc_init left.
 */
static void txn_clear(struct spmc_txn *t)
{
	t->handle = 0;
	t->state = SPMC_TXN_FREE;
	t->type = 0;
	t->flags = 0;
	t->attributes = 0;
	t->tag = 0;
	t->ep_count = 0;
	for (uint32_t i = 0; i < FFA_MEM_MAX_RECEIVERS; i++)
		t->ep[i] = (struct ffa_mem_access){ 0 };
	t->retrieved = 0;
	t->range_first = 0;
	t->range_count = 0;
	t->total_pages = 0;
}

static inline void txn_unreserve(struct spmc *s, uint32_t slot)
{
	/* The counter stays advanced: the abandoned handle is never reissued. */
	txn_clear(&s->txns[slot]);
	s->txn_free[slot / 64] |= 1ull << (slot % 64);
	s->txn_free_sum |= 1ull << (slot / 64);
}

/* Out-of-line instances for mem_frag.c; this file's own paths inline them. */
int32_t spmc_txn_reserve(struct spmc *s, uint32_t *slot)
{
	return txn_reserve(s, slot);
}

void spmc_txn_unreserve(struct spmc *s, uint32_t slot)
{
	txn_unreserve(s, slot);
}

bool spmc_ranges_intersect(const struct ffa_mem_range *a, uint32_t na,
			   const struct ffa_mem_range *b, uint32_t nb)
{
	uint32_t i = 0, j = 0;

	/* Both sorted: whichever ends first cannot reach the other's next range. */
	while (i < na && j < nb) {
		if (ffa_ranges_overlap(&a[i], &b[j]))
			return true;
		if (spmc_range_end(&a[i]) <= spmc_range_end(&b[j]))
			i++;
		else
			j++;
	}
	return false;
}

/*
 * First fit in the pool bitmap: whole free or full words cost a test each,
 * a mixed word a step per run of equal bits, so the search never walks the
 * live transactions.
 */
static int32_t pool_find(const struct spmc *s, uint32_t n, uint32_t *first)
{
	uint32_t run = 0, start = 0;

	if (n == 0 || n > SPMC_RANGE_POOL)
		return FFA_RET_NO_MEMORY;
	/* One entry (the usual share): the lowest clear bit, the same first fit. */
	if (n == 1) {
		for (uint32_t w = 0; w < SPMC_POOL_WORDS; w++) {
			if (~s->pool_used[w]) {
				*first = w * 64 + (uint32_t)__builtin_ctzll(~s->pool_used[w]);
				return FFA_RET_SUCCESS;
			}
		}
		return FFA_RET_NO_MEMORY;
	}
	for (uint32_t w = 0; w < SPMC_POOL_WORDS; w++) {
		uint64_t used = s->pool_used[w];
		uint32_t b = 0;

		if (used == ~0ull) {
			run = 0;
			continue;
		}
		while (b < 64) {
			uint64_t rest = used >> b;
			uint32_t len;

			if (rest & 1) {
				run = 0;
				if (!~rest)
					break;
				b += (uint32_t)__builtin_ctzll(~rest);
				continue;
			}
			len = rest ? (uint32_t)__builtin_ctzll(rest) : 64 - b;
			if (!run)
				start = w * 64 + b;
			run += len;
			if (run >= n) {
				*first = start;
				return FFA_RET_SUCCESS;
			}
			b += len;
		}
	}
	return FFA_RET_NO_MEMORY;
}

/* Inline: with `used` constant at each call the one-word case is a few instructions. */
static inline void pool_mark(struct spmc *s, uint32_t first, uint32_t n, bool used)
{
	/* One word (most transactions): one mask. */
	if (first % 64 + n <= 64) {
		uint64_t bits = (n == 64 ? ~0ull : ((1ull << n) - 1)) << (first % 64);

		if (used)
			s->pool_used[first / 64] |= bits;
		else
			s->pool_used[first / 64] &= ~bits;
		return;
	}
	for (uint32_t i = first; i < first + n;) {
		uint32_t b = i % 64, k = 64 - b < first + n - i ? 64 - b : first + n - i;
		uint64_t bits = (k == 64 ? ~0ull : ((1ull << k) - 1)) << b;

		if (used)
			s->pool_used[i / 64] |= bits;
		else
			s->pool_used[i / 64] &= ~bits;
		i += k;
	}
}

static int32_t check_parties(const struct spmc *s, const struct ffa_mtd *d, uint32_t type)
{
	if (d->sender != FFA_ID_NS_PHYS)
		return SPMC_REFUSE(s, 0, FFA_RET_INVALID_PARAMETERS, "d->sender != FFA_ID_NS_PHYS");
	if (type == FFA_MTD_FLAG_TYPE_SHARE && (d->flags & FFA_MTD_FLAG_ZERO_MEMORY))
		return SPMC_REFUSE(s, 0, FFA_RET_INVALID_PARAMETERS,
				  "type == FFA_MTD_FLAG_TYPE_SHARE && (d->flags & FFA_MTD_FLAG_ZERO_MEMORY)");
	for (uint32_t i = 0; i < d->ep_count; i++) {
		if (spmc_part_index(s, d->ep[i].receiver) < 0)
			return SPMC_REFUSE(s, 0, FFA_RET_INVALID_PARAMETERS,
					  "spmc_part_index(s, d->ep[i].receiver) < 0");
		if (d->ep[i].flags & ~FFA_EMAD_FLAG_NON_RETRIEVAL_BORROWER)
			return SPMC_REFUSE(s, 0, FFA_RET_INVALID_PARAMETERS,
					  "d->ep[i].flags & ~FFA_EMAD_FLAG_NON_RETRIEVAL_BORROWER");
		/* Meaningless for a share; for a lend, valid but not implemented. */
		if (d->ep[i].flags)
			return type == FFA_MTD_FLAG_TYPE_SHARE ? FFA_RET_INVALID_PARAMETERS
							       : FFA_RET_NOT_SUPPORTED;
	}
	return FFA_RET_SUCCESS;
}

/* Overwrites stage.buf: call only once the descriptor in it is no longer needed. */
static int32_t check_ranges(struct spmc *s, struct ffa_mem_range *ranges, uint32_t n)
{
	/*
	 * The stage's scratch keeps the sort linear in n whatever the order.
	 * One range has nothing to sort or overlap (ffa_mtd_parse refused an
	 * empty one), so it skips the call.
	 */
	if (n > 1 &&
	    ffa_ranges_sort_check_scratch(ranges, n, s->stage.scratch,
					  sizeof(s->stage.scratch) / sizeof(s->stage.scratch[0])) !=
	    FFA_RET_SUCCESS)
		return FFA_RET_INVALID_PARAMETERS;
	/*
	 * Not ordinary NS RAM: the normal world cannot own it. Sorted, so if
	 * the whole span from the first start to the last end is NS RAM every
	 * range in it is: one platform call instead of one per range, unless
	 * the span crosses a hole.
	 */
	if (!s->plat.ns_ptr(s->plat.ctx, ranges[0].addr,
			    spmc_range_end(&ranges[n - 1]) - ranges[0].addr)) {
		for (uint32_t i = 0; i < n; i++) {
			uint64_t size = (uint64_t)ranges[i].pages << FFA_PAGE_SHIFT;

			if (!s->plat.ns_ptr(s->plat.ctx, ranges[i].addr, size))
				return SPMC_REFUSE(s, 0, FFA_RET_DENIED, "!s->plat.ns_ptr(s->plat.ctx, ranges[i].addr, size)");
		}
	}
	if (spmc_overlaps_rxtx(s, ranges, n))
		return SPMC_REFUSE(s, 0, FFA_RET_DENIED, "spmc_overlaps_rxtx(s, ranges, n)");
	/* ranges is the slice pool[first, first + n): the index reads it there. */
	return spmc_index_check(s, (uint32_t)(ranges - s->pool), n);
}

static void zero_ranges(struct spmc *s, const struct ffa_mem_range *ranges, uint32_t n)
{
	for (uint32_t i = 0; i < n; i++) {
		uint64_t size = (uint64_t)ranges[i].pages << FFA_PAGE_SHIFT;
		uint8_t *p = s->plat.ns_ptr(s->plat.ctx, ranges[i].addr, size);

		if (p)
			ffa_memset(p, 0, (size_t)size);
	}
}

static void fill_txn(struct spmc_txn *t, const struct ffa_mtd *d, uint32_t type,
		     uint32_t first)
{
	t->type = type;
	t->flags = d->flags;
	t->attributes = d->attributes;
	t->tag = d->tag;
	t->ep_count = d->ep_count;
	/* The rest (composite offsets, retrieved) is the zero of a reserved slot. */
	for (uint32_t i = 0; i < d->ep_count; i++) {
		t->ep[i].receiver = d->ep[i].receiver;
		t->ep[i].perms = d->ep[i].perms;
		t->ep[i].flags = d->ep[i].flags;
	}
	t->range_first = first;
	t->range_count = d->range_count;
	t->total_pages = d->total_pages;
	t->state = SPMC_TXN_LIVE;
}

int32_t spmc_txn_commit(struct spmc *s, uint32_t slot, uint32_t type,
			const uint8_t *buf, uint32_t len)
{
	struct ffa_mtd d;
	struct ffa_mem_range *ranges;
	uint32_t first;
	int32_t ret;

	/* ffa_mtd_parse zeroes d itself. */
	ret = ffa_mtd_parse(buf, len, spmc_ns_version(s), FFA_MTD_KIND_SEND, &d);
	if (ret != FFA_RET_SUCCESS)
		return ret;
	ret = check_parties(s, &d, type);
	if (ret != FFA_RET_SUCCESS)
		return ret;
	ret = pool_find(s, d.range_count, &first);
	if (ret != FFA_RET_SUCCESS)
		return ret;
	ranges = &s->pool[first];
	ffa_mtd_ranges(buf, &d, ranges);
	/* From here on buf (the stage) is dead: d holds all that is still needed. */
	ret = check_ranges(s, ranges, d.range_count);
	if (ret != FFA_RET_SUCCESS) {
		/* Rollback: the slice was free, and free entries are zero. */
		ffa_memset(ranges, 0, (size_t)d.range_count * sizeof(*ranges));
		return ret;
	}
	/* The lender asked for the borrower to see zeroes; it has no access now. */
	if (type == FFA_MTD_FLAG_TYPE_LEND && (d.flags & FFA_MTD_FLAG_ZERO_MEMORY))
		zero_ranges(s, ranges, d.range_count);
	fill_txn(&s->txns[slot], &d, type, first);
	pool_mark(s, first, d.range_count, true);
	spmc_index_add(s, first, d.range_count);
	s->live_txns++;
	return FFA_RET_SUCCESS;
}

void spmc_abi_mem_send(struct spmc *s, struct ffa_regs *r, uint32_t type)
{
	bool is64 = FFA_FN_IS_SMC64((uint32_t)r->x[0]);
	uint32_t total = ffa_w(r, 1), frag = ffa_w(r, 2);
	uint64_t addr = is64 ? r->x[3] : ffa_w(r, 3);
	const uint8_t *tx;
	uint32_t slot;
	int32_t ret;

	if (s->stage.kind == SPMC_STAGE_SEND) {
		spmc_ret_error(r, FFA_RET_BUSY);
		return;
	}
	tx = spmc_tx_ptr(s);
	if (!tx) {
		spmc_ret_error(r, FFA_RET_DENIED);
		return;
	}
	/* Only the TX buffer is supported as the descriptor's home. */
	if (addr != 0 || ffa_w(r, 4) != 0 || frag == 0 || frag > total ||
	    frag > spmc_rxtx_size(s)) {
		spmc_ret_error(r, FFA_RET_INVALID_PARAMETERS);
		return;
	}
	if (total > SPMC_DESC_MAX) {
		spmc_ret_error(r, FFA_RET_NO_MEMORY);
		return;
	}
	/* A half-read retrieve response is abandoned by a new operation. */
	spmc_stage_drop_retrieve(s);
	/* Parse a private copy: the sender could rewrite TX meanwhile. */
	ffa_memcpy(s->stage.buf, tx, frag);
	if (frag < total) {
		spmc_frag_send_begin(s, r, type, total, frag);
		return;
	}
	ret = txn_reserve(s, &slot);
	if (ret == FFA_RET_SUCCESS) {
		ret = spmc_txn_commit(s, slot, type, s->stage.buf, total);
		if (ret != FFA_RET_SUCCESS)
			txn_unreserve(s, slot);
	}
	if (ret != FFA_RET_SUCCESS) {
		spmc_ret_error(r, ret);
		return;
	}
	spmc_ret_ok32(r, (uint32_t)s->txns[slot].handle,
			  (uint32_t)(s->txns[slot].handle >> 32));
}

static void txn_free(struct spmc *s, uint32_t slot)
{
	struct spmc_txn *t = &s->txns[slot];

	spmc_index_remove(s, t->range_first, t->range_count);
	pool_mark(s, t->range_first, t->range_count, false);
	/* Free entries are zero. One range (the usual case) needs no memset call. */
	if (t->range_count == 1)
		s->pool[t->range_first] = (struct ffa_mem_range){ 0 };
	else
		ffa_memset(&s->pool[t->range_first], 0,
			   (size_t)t->range_count * sizeof(s->pool[0]));
	txn_unreserve(s, slot);
	s->live_txns--;
}

void spmc_abi_mem_reclaim(struct spmc *s, struct ffa_regs *r)
{
	uint64_t handle = ffa_handle_join(r->x[1], r->x[2]);
	uint32_t flags = ffa_w(r, 3);
	uint32_t slot;

	if (flags & ~(uint32_t)FFA_RECLAIM_FLAGS_ALLOWED) {
		spmc_ret_error(r, FFA_RET_INVALID_PARAMETERS);
		return;
	}
	/* Reclaiming a handle whose fragments are still arriving aborts the send. */
	if (s->stage.kind == SPMC_STAGE_SEND && s->stage.handle == handle) {
		spmc_txn_unreserve(s, s->stage.slot);
		spmc_stage_reset(s);
		spmc_ret_ok32(r, 0, 0);
		return;
	}
	slot = spmc_txn_find(s, handle, SPMC_TXN_LIVE);
	if (slot == SPMC_NO_SLOT) {
		spmc_ret_error(r, FFA_RET_INVALID_PARAMETERS);
		return;
	}
	if (s->txns[slot].retrieved) {
		spmc_ret_error(r, FFA_RET_DENIED);
		return;
	}
	if (s->stage.kind == SPMC_STAGE_RETRIEVE && s->stage.handle == handle)
		spmc_stage_drop_retrieve(s);
	if (flags & FFA_RECLAIM_FLAG_ZERO_MEMORY)
		zero_ranges(s, &s->pool[s->txns[slot].range_first], s->txns[slot].range_count);
	txn_free(s, slot);
	spmc_ret_ok32(r, 0, 0);
}
