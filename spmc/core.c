// SPDX-License-Identifier: MIT
/*
 * SPMC core: initialisation, the normal world's call dispatcher and small
 * helpers shared by the other translation units.
 */
#include "spmc/spmc_int.h"

void spmc_log(const struct spmc *s, const char *msg)
{
	if (s->plat.log)
		s->plat.log(s->plat.ctx, msg);
}

void spmc_fix_version_locked(struct spmc *s)
{
	/* Release: pairs with spmc_version_fixed's acquire. */
	__atomic_store_n(&s->ns.locked, true, __ATOMIC_RELEASE);
}

void spmc_fix_version_slow(struct spmc *s)
{
	spmc_lock(s, SPMC_LOCK_CORE);
	spmc_fix_version_locked(s);
	spmc_unlock(s, SPMC_LOCK_CORE);
}

static int32_t check_partition(const struct spmc_partition *const *parts,
			       uint32_t i)
{
	const struct spmc_partition *p = parts[i];

	if (!p || !p->direct)
		return FFA_RET_INVALID_PARAMETERS;
	if (!ffa_id_is_secure(p->id) || p->id == FFA_ID_SPMC)
		return FFA_RET_INVALID_PARAMETERS;
	for (uint32_t j = 0; j < i; j++)
		if (parts[j]->id == p->id)
			return FFA_RET_INVALID_PARAMETERS;
	return FFA_RET_SUCCESS;
}

int32_t spmc_init(struct spmc *s, const struct spmc_platform *plat,
		  const struct spmc_partition *const *parts, unsigned int count)
{
	if (!s || !plat || !plat->ns_ptr || count > SPMC_MAX_PARTITIONS)
		return FFA_RET_INVALID_PARAMETERS;
	if (count && !parts)
		return FFA_RET_INVALID_PARAMETERS;
	/* A lock without its unlock would deadlock on the first call. */
	if (!plat->lock != !plat->unlock)
		return FFA_RET_INVALID_PARAMETERS;
	for (uint32_t i = 0; i < count; i++)
		if (check_partition(parts, i) != FFA_RET_SUCCESS)
			return FFA_RET_INVALID_PARAMETERS;

	ffa_memset(s, 0, sizeof(*s));
	/* Field by field: a struct copy may become a memcpy call. */
	s->plat.ctx = plat->ctx;
	s->plat.lock = plat->lock;
	s->plat.unlock = plat->unlock;
	s->plat.ns_ptr = plat->ns_ptr;
	s->plat.log = plat->log;
	for (uint32_t i = 0; i < count; i++) {
		s->parts[i] = parts[i];
		s->part_uuid[i][0] = ffa_uuid_half(&parts[i]->uuid, 0);
		s->part_uuid[i][1] = ffa_uuid_half(&parts[i]->uuid, 1);
	}
	s->part_count = count;
	spmc_mem_init(s);
	s->ready = true;
	return FFA_RET_SUCCESS;
}

static void id_get(struct ffa_regs *r, uint32_t id)
{
	ffa_set_success32(r, id, 0);
}

/*
 * The ABIs not on spmc_ns_call's own lists (direct requests, VERSION, the
 * memory and RX/TX ABIs), with the core lock held.
 */
static void dispatch_locked(struct spmc *s, struct ffa_regs *r, uint32_t fid)
{
	switch (fid) {
	case FFA_FEATURES:
		spmc_abi_features(s, r);
		break;
	case FFA_ID_GET:
		id_get(r, FFA_ID_NS_PHYS);
		break;
	case FFA_SPM_ID_GET:
		id_get(r, FFA_ID_SPMC);
		break;
	case FFA_PARTITION_INFO_GET:
		spmc_abi_partition_info_get(s, r);
		break;
	case FFA_PARTITION_INFO_GET_REGS:
		spmc_abi_partition_info_get_regs(s, r);
		break;
	case FFA_MEM_RELINQUISH:
		/* The normal world only ever lends or shares: never a borrower. */
		ffa_set_error(r, FFA_RET_INVALID_PARAMETERS);
		break;
	default:
		/* DONATE, notifications, indirect messaging, RUN, MSG_WAIT, ... */
		ffa_set_error(r, FFA_RET_NOT_SUPPORTED);
		break;
	}
}

/* Any ABI but VERSION fixes the version; the caller unlocks. */
static inline void ns_enter(struct spmc *s)
{
	spmc_lock(s, SPMC_LOCK_CORE);
	spmc_fix_version_locked(s);
}

static void ns_call(struct spmc *s, struct ffa_regs *r, uint32_t fid)
{
	if (!s->ready || !ffa_fid_in_range(r->x[0])) {
		ffa_set_error(r, FFA_RET_NOT_SUPPORTED);
		return;
	}
	ns_enter(s);
	dispatch_locked(s, r, fid);
	spmc_unlock(s, SPMC_LOCK_CORE);
}

bool spmc_results_past_x7(uint32_t fid)
{
	return fid == FFA_MSG_SEND_DIRECT_REQ2 || fid == FFA_PARTITION_INFO_GET_REGS;
}

/*
 * The handlers build results in a cleared frame (unused result registers are
 * zero, as FF-A asks); x8-x17 are then put back for every ABI whose results
 * stop at x7 (see spmc.h). The direct requests and FFA_VERSION skip that:
 * they write exactly their result registers themselves.
 */
static __attribute__((noinline)) void ns_call_saved(struct spmc *s, struct ffa_regs *r,
						    uint32_t fid)
{
	uint64_t keep[FFA_REGS_COUNT - SPMC_RESULT_REGS];

	for (unsigned int i = SPMC_RESULT_REGS; i < FFA_REGS_COUNT; i++)
		keep[i - SPMC_RESULT_REGS] = r->x[i];
	ns_call(s, r, fid);
	if (spmc_results_past_x7(fid))
		return;
	for (unsigned int i = SPMC_RESULT_REGS; i < FFA_REGS_COUNT; i++)
		r->x[i] = keep[i - SPMC_RESULT_REGS];
}

/*
 * The ABIs whose handlers write x0-x7 only (spmc_ret_*): nothing to save.
 * Called from here, not through ns_call: s->ready is checked and these FIDs
 * are in range, so only the lock and the version fix remain. Out of line so
 * that spmc_ns_call needs no frame for the direct requests. Any other FID
 * goes to ns_call_saved.
 */
static __attribute__((noinline)) void ns_call_fast(struct spmc *s, struct ffa_regs *r,
						   uint32_t fid)
{
	switch (fid) {
	case FFA_MEM_SHARE_32:
	case FFA_MEM_SHARE_64:
		ns_enter(s);
		spmc_abi_mem_send(s, r, FFA_MTD_FLAG_TYPE_SHARE);
		break;
	case FFA_MEM_LEND_32:
	case FFA_MEM_LEND_64:
		ns_enter(s);
		spmc_abi_mem_send(s, r, FFA_MTD_FLAG_TYPE_LEND);
		break;
	case FFA_MEM_RECLAIM:
		ns_enter(s);
		spmc_abi_mem_reclaim(s, r);
		break;
	case FFA_MEM_FRAG_RX:
		ns_enter(s);
		spmc_abi_mem_frag_rx(s, r);
		break;
	case FFA_MEM_FRAG_TX:
		ns_enter(s);
		spmc_abi_mem_frag_tx(s, r);
		break;
	case FFA_MEM_RETRIEVE_REQ_32:
	case FFA_MEM_RETRIEVE_REQ_64:
		ns_enter(s);
		spmc_abi_mem_retrieve_req(s, r);
		break;
	case FFA_RX_RELEASE:
		ns_enter(s);
		spmc_abi_rx_release(s, r);
		break;
	case FFA_RXTX_MAP_32:
	case FFA_RXTX_MAP_64:
		ns_enter(s);
		spmc_abi_rxtx_map(s, r);
		break;
	case FFA_RXTX_UNMAP:
		ns_enter(s);
		spmc_abi_rxtx_unmap(s, r);
		break;
	default:
		ns_call_saved(s, r, fid);
		return;
	}
	spmc_unlock(s, SPMC_LOCK_CORE);
}

void spmc_ns_call(struct spmc *s, struct ffa_regs *r)
{
	uint32_t fid = (uint32_t)r->x[0];

	if (!s->ready || r->x[0] != fid) {
		ns_call_saved(s, r, fid);
		return;
	}
	/* The hottest first, ahead of the jump table. */
	if (fid == FFA_MSG_SEND_DIRECT_REQ_64 || fid == FFA_MSG_SEND_DIRECT_REQ_32 ||
	    fid == FFA_MSG_SEND_DIRECT_REQ2) {
		spmc_direct_req(s, r);
		return;
	}
	if (fid == FFA_VERSION) {
		spmc_version_call(s, r);
		return;
	}
	ns_call_fast(s, r, fid);
}

void spmc_get_ns_info(struct spmc *s, struct spmc_ns_info *out)
{
	spmc_lock(s, SPMC_LOCK_CORE);
	out->version = s->ns.negotiated;
	out->version_locked = s->ns.locked;
	out->tx_pa = s->ns.mapped ? s->ns.tx_pa : 0;
	out->rx_pa = s->ns.mapped ? s->ns.rx_pa : 0;
	out->rxtx_pages = s->ns.mapped ? s->ns.pages : 0;
	out->rx_held_by_ns = s->ns.rx_held;
	out->live_txns = s->live_txns;
	out->retrieved_txns = s->retrieved_txns;
	spmc_unlock(s, SPMC_LOCK_CORE);
}
