// SPDX-License-Identifier: MIT
/* FFA_VERSION negotiation and FFA_FEATURES discovery. */
#include "spmc/spmc_int.h"

/* x0-x7 only: FFA_VERSION's results stop at x7 and x8-x17 are the caller's. */
static void version_reply(struct ffa_regs *r, uint64_t x0)
{
	r->x[0] = x0;
	for (unsigned int i = 1; i < SPMC_RESULT_REGS; i++)
		r->x[i] = 0;
}

/*
 * NOT_SUPPORTED is -1, and FFA_VERSION returns it in x0 as the full 64-bit
 * value: callers (pKVM's hyp_ffa_init among them) compare x0 with a 64-bit
 * -1, and a zero-extended 0xFFFFFFFF reads as a version with major 0x7FFF.
 */
#define SPMC_VERSION_NOT_SUPPORTED_X0 ((uint64_t)(int64_t)FFA_RET_NOT_SUPPORTED)

void spmc_version_call(struct spmc *s, struct ffa_regs *r)
{
	uint32_t req = ffa_w(r, 1);

	if (!ffa_version_valid(req) || FFA_VERSION_MAJOR(req) != 1) {
		version_reply(r, SPMC_VERSION_NOT_SUPPORTED_X0);
		return;
	}
	/*
	 * Descriptors already exchanged used the old layout, so the version
	 * cannot move once another ABI ran; the caller learns which one holds.
	 * Once fixed it never changes again, so no lock is needed to say so.
	 */
	if (spmc_version_fixed(s)) {
		version_reply(r, spmc_ns_version(s));
		return;
	}
	spmc_lock(s, SPMC_LOCK_CORE);
	if (s->ns.locked) {
		version_reply(r, spmc_ns_version(s));
	} else {
		s->ns.requested = req;
		s->ns.negotiated = ffa_version_min(req, SPMC_FFA_VERSION);
		version_reply(r, SPMC_FFA_VERSION);
	}
	spmc_unlock(s, SPMC_LOCK_CORE);
}

/* Function IDs any caller may use. */
static const uint32_t spmc_fids[] = {
	FFA_ERROR,
	FFA_SUCCESS_32,
	FFA_SUCCESS_64,
	FFA_VERSION,
	FFA_FEATURES,
	FFA_RX_RELEASE,
	FFA_RXTX_MAP_32,
	FFA_RXTX_MAP_64,
	FFA_RXTX_UNMAP,
	FFA_PARTITION_INFO_GET,
	FFA_ID_GET,
	FFA_SPM_ID_GET,
	FFA_MSG_SEND_DIRECT_REQ_32,
	FFA_MSG_SEND_DIRECT_REQ_64,
	FFA_MEM_LEND_32,
	FFA_MEM_LEND_64,
	FFA_MEM_SHARE_32,
	FFA_MEM_SHARE_64,
	FFA_MEM_RETRIEVE_REQ_32,
	FFA_MEM_RETRIEVE_REQ_64,
	FFA_MEM_RECLAIM,
	FFA_MEM_FRAG_RX,
	FFA_MEM_FRAG_TX,
};

/* Function IDs that exist only from v1.2 on (NOT_SUPPORTED below it). */
static const uint32_t spmc_fids_v12[] = {
	FFA_PARTITION_INFO_GET_REGS,
	FFA_MSG_SEND_DIRECT_REQ2,
};

static bool in_list(const uint32_t *list, uint32_t n, uint32_t fid)
{
	for (uint32_t i = 0; i < n; i++)
		if (list[i] == fid)
			return true;
	return false;
}

/*
 * w2 of FFA_FEATURES(RXTX_MAP): bits 1:0 are the minimum buffer size and
 * alignment in every version; the maximum size in bits 31:16 exists from
 * v1.2 on and those bits are reserved (zero) below it. A v1.0/v1.1 caller
 * may compare all of w2 with the minimum-size code (pKVM in Linux 6.12
 * does, and turns its FF-A proxy off on a mismatch), so it sees only that.
 */
static uint32_t rxtx_map_props(const struct spmc *s)
{
	uint32_t props = FFA_FEAT_RXTX_MIN_SIZE_4K;

	if (spmc_ns_version(s) >= FFA_VERSION_1_2)
		props |= (uint32_t)SPMC_RXTX_MAX_PAGES << FFA_FEAT_RXTX_MAX_PAGES_SHIFT;
	return props;
}

void spmc_abi_features(struct spmc *s, struct ffa_regs *r)
{
	uint32_t id = ffa_w(r, 1);
	uint32_t props = 0;
	bool ok;

	/* Notification function IDs and feature IDs (bit 31 clear). */
	if (spmc_notif_feature(s, id, &props) || (id == FFA_MSG_SEND2 && spmc_ns_version(s) >= FFA_VERSION_1_1)) {
		ffa_set_success32(r, props, 0);
		return;
	}
	if (!(id & 0x80000000u)) {
		ffa_set_error(r, SPMC_REFUSE(s, 0, FFA_RET_NOT_SUPPORTED, "!(id & 0x80000000u)"));
		return;
	}
	ok = in_list(spmc_fids, sizeof(spmc_fids) / sizeof(spmc_fids[0]), id);
	/* Advertise only what this caller could successfully call. */
	if (!ok && spmc_ns_version(s) >= FFA_VERSION_1_2)
		ok = in_list(spmc_fids_v12,
			     sizeof(spmc_fids_v12) / sizeof(spmc_fids_v12[0]), id);
	if (!ok) {
		ffa_set_error(r, SPMC_REFUSE(s, 0, FFA_RET_NOT_SUPPORTED, "!ok"));
		return;
	}
	if (id == FFA_RXTX_MAP_32 || id == FFA_RXTX_MAP_64)
		props = rxtx_map_props(s);
	ffa_set_success32(r, props, 0);
}
