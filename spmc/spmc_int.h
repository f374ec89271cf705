/* SPDX-License-Identifier: MIT */
/*
 * Internal interfaces between the SPMC core's translation units. Handlers
 * named spmc_abi_* run with the core lock held and write their result into
 * the register frame; everything else says in its comment what it expects.
 */
#ifndef SPMC_SPMC_INT_H
#define SPMC_SPMC_INT_H

#include "spmc/spmc.h"

#define SPMC_NO_SLOT 0xFFFFFFFFu

/*
 * Results of the ABIs whose results stop at x7: x0-x7 written (the unused
 * ones zero), x8-x17 untouched, so the dispatcher need not save and restore
 * them around these ABIs (spmc_ns_call's fast list).
 */
static inline void spmc_ret_clear(struct ffa_regs *r)
{
	ffa_regs_clear_first(r, SPMC_RESULT_REGS);
}

static inline void spmc_ret_error(struct ffa_regs *r, int32_t status)
{
	ffa_set_error_first(r, status, SPMC_RESULT_REGS);
}

static inline void spmc_ret_ok32(struct ffa_regs *r, uint32_t w2, uint32_t w3)
{
	ffa_set_success32_first(r, w2, w3, SPMC_RESULT_REGS);
}

/* ---- core.c ---- */
/* Inline: they sit on every call's path. */
static inline void spmc_lock(const struct spmc *s, unsigned int id)
{
	if (s->plat.lock)
		s->plat.lock(s->plat.ctx, id);
}

static inline void spmc_unlock(const struct spmc *s, unsigned int id)
{
	if (s->plat.unlock)
		s->plat.unlock(s->plat.ctx, id);
}

void spmc_log(const struct spmc *s, const char *msg);

/* Index of the partition with this ID, or -1. The table never changes after init. */
static inline int spmc_part_index(const struct spmc *s, uint16_t id)
{
	for (uint32_t i = 0; i < s->part_count; i++)
		if (s->parts[i]->id == id)
			return (int)i;
	return -1;
}
/*
 * True once another ABI has fixed the version. Acquire: whoever sees it set
 * also sees the final negotiated version, so readers need no core lock.
 */
static inline bool spmc_version_fixed(const struct spmc *s)
{
	return __atomic_load_n(&s->ns.locked, __ATOMIC_ACQUIRE);
}
/* Fix the version with the core lock held. */
void spmc_fix_version_locked(struct spmc *s);
/* The same, taking the core lock (out of line: once in the SPMC's life). */
void spmc_fix_version_slow(struct spmc *s);

static inline void spmc_fix_version(struct spmc *s)
{
	if (!spmc_version_fixed(s))
		spmc_fix_version_slow(s);
}
/* The layout version descriptors use: v1.0 until FFA_VERSION was called. */
static inline uint32_t spmc_ns_version(const struct spmc *s)
{
	return s->ns.negotiated ? s->ns.negotiated : FFA_VERSION_1_0;
}
/* End of a range in bytes, saturated so a corrupt range cannot wrap. */
static inline uint64_t spmc_range_end(const struct ffa_mem_range *r)
{
	uint64_t size = (uint64_t)r->pages << FFA_PAGE_SHIFT;

	return r->addr > UINT64_MAX - size ? UINT64_MAX : r->addr + size;
}

/* ---- version.c ---- */
/* FFA_VERSION (takes the core lock itself; writes x0-x7 only). */
void spmc_version_call(struct spmc *s, struct ffa_regs *r);
void spmc_abi_features(struct spmc *s, struct ffa_regs *r);

/* ---- rxtx.c ---- */
void spmc_abi_rxtx_map(struct spmc *s, struct ffa_regs *r);
void spmc_abi_rxtx_unmap(struct spmc *s, struct ffa_regs *r);
void spmc_abi_rx_release(struct spmc *s, struct ffa_regs *r);
/* Inline, as the other small accessors here: they sit on every memory ABI's path. */
static inline uint32_t spmc_rxtx_size(const struct spmc *s)
{
	return s->ns.mapped ? s->ns.pages * FFA_PAGE_SIZE : 0;
}

/* RX as a writable pointer if mapped and free, else NULL (the caller says BUSY). */
static inline uint8_t *spmc_rx_acquire(struct spmc *s)
{
	if (!s->ns.mapped || s->ns.rx_held)
		return NULL;
	return s->ns.rx;
}

/* TX as a pointer if mapped, else NULL. */
static inline const uint8_t *spmc_tx_ptr(struct spmc *s)
{
	if (!s->ns.mapped)
		return NULL;
	return s->ns.tx;
}
/* True if any of ranges[0, n) shares a page with RX or TX (inline: every share asks). */
static inline bool spmc_overlaps_rxtx(const struct spmc *s,
				      const struct ffa_mem_range *ranges, uint32_t n)
{
	uint64_t size, tx_end, rx_end;

	if (!s->ns.mapped)
		return false;
	/* RXTX_MAP checked both fit below 2^64; ranges' ends saturate. */
	size = (uint64_t)s->ns.pages * FFA_PAGE_SIZE;
	tx_end = s->ns.tx_pa + size;
	rx_end = s->ns.rx_pa + size;
	for (uint32_t i = 0; i < n; i++) {
		uint64_t a = ranges[i].addr, e = spmc_range_end(&ranges[i]);

		if ((a < tx_end && s->ns.tx_pa < e) || (a < rx_end && s->ns.rx_pa < e))
			return true;
	}
	return false;
}

/* ---- partinfo.c ---- */
void spmc_abi_partition_info_get(struct spmc *s, struct ffa_regs *r);
void spmc_abi_partition_info_get_regs(struct spmc *s, struct ffa_regs *r);

/* ---- msg.c (takes the locks itself) ---- */
void spmc_direct_req(struct spmc *s, struct ffa_regs *r);

/* ---- mem.c ---- */
/* Slot of the transaction with this handle in this state, or SPMC_NO_SLOT. */
static inline uint32_t spmc_txn_find(const struct spmc *s, uint64_t handle, uint32_t state)
{
	uint64_t slot = handle & SPMC_HANDLE_SLOT_MASK;

	if (slot >= SPMC_MAX_TXNS)
		return SPMC_NO_SLOT;
	if (s->txns[slot].state != state || s->txns[slot].handle != handle)
		return SPMC_NO_SLOT;
	return (uint32_t)slot;
}
/* Take a free slot and a fresh handle; the slot becomes PENDING. */
int32_t spmc_txn_reserve(struct spmc *s, uint32_t *slot);
/* Return a PENDING slot to free (rollback of spmc_txn_reserve). */
void spmc_txn_unreserve(struct spmc *s, uint32_t slot);
/*
 * Validate the complete descriptor buf[0, len) of a SHARE/LEND and make the
 * PENDING transaction in `slot` LIVE. On failure nothing but the slot's
 * PENDING state is as before: the caller still owns it. Either way the
 * stage's contents are destroyed (its space is the constituent sort's
 * scratch), so buf is read only before that; in practice buf is the stage.
 */
int32_t spmc_txn_commit(struct spmc *s, uint32_t slot, uint32_t type,
			const uint8_t *buf, uint32_t len);
/* True if two sorted, internally disjoint range lists share a page. */
bool spmc_ranges_intersect(const struct ffa_mem_range *a, uint32_t na,
			   const struct ffa_mem_range *b, uint32_t nb);
void spmc_abi_mem_send(struct spmc *s, struct ffa_regs *r, uint32_t type);
void spmc_abi_mem_reclaim(struct spmc *s, struct ffa_regs *r);

/* ---- index.c: every live range, in address order ---- */
/* True if [addr, end) shares a page with a live range. */
bool spmc_index_overlaps(const struct spmc *s, uint64_t addr, uint64_t end);
/* DENIED if any of the sorted, disjoint pool[first, first + n) overlaps a live range. */
int32_t spmc_index_check(struct spmc *s, uint32_t first, uint32_t n);
/* Add pool[first, first + n) (checked) to the index / take it out. */
void spmc_index_add(struct spmc *s, uint32_t first, uint32_t n);
void spmc_index_remove(struct spmc *s, uint32_t first, uint32_t n);
/* For spmc_check_invariants: the index is a valid AVL tree of every live range. */
int spmc_index_check_invariants(const struct spmc *s, const char **why);
/* Slot and pool bitmaps in their initial state (spmc_init). */
void spmc_mem_init(struct spmc *s);

/* ---- mem_frag.c ---- */
/* Begin a fragmented SHARE/LEND whose first fragment is in stage.buf. */
void spmc_frag_send_begin(struct spmc *s, struct ffa_regs *r, uint32_t type,
			  uint32_t total, uint32_t frag_len);
void spmc_abi_mem_frag_tx(struct spmc *s, struct ffa_regs *r);
void spmc_abi_mem_retrieve_req(struct spmc *s, struct ffa_regs *r);
void spmc_abi_mem_frag_rx(struct spmc *s, struct ffa_regs *r);
/* Back to idle (the buffer's bytes are left: they mean nothing when idle). */
void spmc_stage_reset(struct spmc *s);
/* Forget a staged retrieve response (it is read-only state: nothing to undo). */
static inline void spmc_stage_drop_retrieve(struct spmc *s)
{
	if (s->stage.kind == SPMC_STAGE_RETRIEVE)
		spmc_stage_reset(s);
}

/* ---- notif.c, notif_info.c, msg_send2.c ---- */
/* The NOTIFICATION_* ABIs (NOT_SUPPORTED below v1.1). */
bool spmc_is_notif_fid(uint32_t fid);
void spmc_abi_notif(struct spmc *s, struct ffa_regs *r, uint32_t fid);
void spmc_notif_info_get(struct spmc *s, struct ffa_regs *r, bool is64);
/* FFA_FEATURES for the notification function IDs and feature IDs. */
bool spmc_notif_feature(const struct spmc *s, uint32_t id, uint32_t *props);
void spmc_abi_msg_send2(struct spmc *s, struct ffa_regs *r);
/* invariants.c: true if all n bytes at p are zero. */
bool spmc_all_zero(const void *p, size_t n);
/* notif_inv.c: spmc_check_invariants' rules for this state (lock held). */
int spmc_notif_check(const struct spmc *s, const char **why);

#endif /* SPMC_SPMC_INT_H */
