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

/* Appends src to buf[*pos, cap), keeping room for the NUL. */
static void put_str(char *buf, uint32_t cap, uint32_t *pos, const char *src)
{
	while (src && *src && *pos + 1u < cap)
		buf[(*pos)++] = *src++;
	buf[*pos] = '\0';
}

static void put_dec(char *buf, uint32_t cap, uint32_t *pos, int32_t v)
{
	char d[12];
	uint32_t u = v < 0 ? 0u - (uint32_t)v : (uint32_t)v;
	unsigned int n = sizeof(d) - 1u;

	d[n] = '\0';
	do {
		d[--n] = (char)('0' + u % 10u);
		u /= 10u;
	} while (u);
	if (v < 0)
		d[--n] = '-';
	put_str(buf, cap, pos, &d[n]);
}

static void put_hex(char *buf, uint32_t cap, uint32_t *pos, uint32_t v, unsigned int digits)
{
	char h[9];

	for (unsigned int i = 0; i < digits && i < 8u; i++)
		h[i] = "0123456789abcdef"[(v >> (4u * (digits - 1u - i))) & 0xFu];
	h[digits < 8u ? digits : 8u] = '\0';
	put_str(buf, cap, pos, h);
}

void spmc_log_refusal(const struct spmc *s, const char *fn, uint32_t caller, int32_t code,
		      const char *why)
{
	char line[192];
	uint32_t pos = 0;

	if (!s || !s->plat.debug || !s->plat.log)
		return;
	put_str(line, sizeof(line), &pos, "refused ");
	put_dec(line, sizeof(line), &pos, code);
	put_str(line, sizeof(line), &pos, " in ");
	put_str(line, sizeof(line), &pos, fn);
	put_str(line, sizeof(line), &pos, " for 0x");
	put_hex(line, sizeof(line), &pos, caller, 4);
	put_str(line, sizeof(line), &pos, ": ");
	put_str(line, sizeof(line), &pos, why);
	s->plat.log(s->plat.ctx, line);
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

/* NULL, or why partition i cannot be registered. */
static const char *check_partition(const struct spmc_partition *const *parts, uint32_t i)
{
	const struct spmc_partition *p = parts[i];

	if (!p || !p->direct)
		return "no partition or no direct message handler";
	if (!ffa_id_is_secure(p->id) || p->id == FFA_ID_SPMC)
		return "its ID is not a secure endpoint ID (or is the SPMC's)";
	for (uint32_t j = 0; j < i; j++)
		if (parts[j]->id == p->id)
			return "its ID is already taken by an earlier partition";
	return 0;
}

/* Always said (it is fatal to the platform): which partition, and why. */
static void refuse_partition(const struct spmc_platform *plat,
			     const struct spmc_partition *p, const char *why)
{
	char line[192];
	uint32_t pos = 0;

	if (!plat->log)
		return;
	put_str(line, sizeof(line), &pos, "partition ");
	put_str(line, sizeof(line), &pos, p && p->name ? p->name : "(unnamed)");
	put_str(line, sizeof(line), &pos, " (ID 0x");
	put_hex(line, sizeof(line), &pos, p ? p->id : 0, 4);
	put_str(line, sizeof(line), &pos, ") not registered: ");
	put_str(line, sizeof(line), &pos, why);
	plat->log(plat->ctx, line);
}

int32_t spmc_init(struct spmc *s, const struct spmc_platform *plat,
		  const struct spmc_partition *const *parts, unsigned int count)
{
	if (!s || !plat || !plat->ns_ptr || count > SPMC_MAX_PARTITIONS)
		return SPMC_REFUSE(s, 0, FFA_RET_INVALID_PARAMETERS,
				  "!s || !plat || !plat->ns_ptr || count > SPMC_MAX_PARTITIONS");
	if (count && !parts)
		return SPMC_REFUSE(s, 0, FFA_RET_INVALID_PARAMETERS, "count && !parts");
	/* A lock without its unlock would deadlock on the first call. */
	if (!plat->lock != !plat->unlock)
		return SPMC_REFUSE(s, 0, FFA_RET_INVALID_PARAMETERS,
				  "!plat->lock != !plat->unlock");
	for (uint32_t i = 0; i < count; i++) {
		const char *why = check_partition(parts, i);

		if (why) {
			refuse_partition(plat, parts[i], why);
			return FFA_RET_INVALID_PARAMETERS;
		}
	}

	ffa_memset(s, 0, sizeof(*s));
	/* Field by field: a struct copy may become a memcpy call. */
	s->plat.ctx = plat->ctx;
	s->plat.lock = plat->lock;
	s->plat.unlock = plat->unlock;
	s->plat.ns_ptr = plat->ns_ptr;
	s->plat.log = plat->log;
	s->plat.debug = plat->debug;
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
	case FFA_MSG_SEND2:
		spmc_abi_msg_send2(s, r);
		break;
	default:
		if (spmc_is_notif_fid(fid)) {
			spmc_abi_notif(s, r, fid);
			break;
		}
		/* DONATE, v1.0 indirect messaging, RUN, MSG_WAIT, ... */
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
		ffa_set_error(r, SPMC_REFUSE(s, 0, FFA_RET_NOT_SUPPORTED,
				  "!s->ready || !ffa_fid_in_range(r->x[0])"));
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
