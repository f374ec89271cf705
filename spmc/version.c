// SPDX-License-Identifier: MIT
/* FFA_VERSION negotiation and FFA_FEATURES discovery. */
#include "spmc/spmc_int.h"

static void version_reply(struct ffa_regs *r, uint32_t w0)
{
	ffa_regs_clear(r);
	r->x[0] = w0;
}

void spmc_abi_version(struct spmc *s, struct ffa_regs *r)
{
	uint32_t req = ffa_w(r, 1);

	if (!ffa_version_valid(req) || FFA_VERSION_MAJOR(req) != 1) {
		version_reply(r, FFA_VERSION_NOT_SUPPORTED);
		return;
	}
	/*
	 * Descriptors already exchanged used the old layout, so the version
	 * cannot move once another ABI ran; the caller learns which one holds.
	 */
	if (s->ns.locked) {
		version_reply(r, spmc_layout(s));
		return;
	}
	s->ns.requested = req;
	s->ns.negotiated = ffa_version_min(req, SPMC_FFA_VERSION);
	version_reply(r, SPMC_FFA_VERSION);
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

void spmc_abi_features(struct spmc *s, struct ffa_regs *r)
{
	uint32_t id = ffa_w(r, 1);
	uint32_t props = 0;
	bool ok;

	/* Feature IDs (bit 31 clear) are all about notifications: none here. */
	if (!(id & 0x80000000u)) {
		ffa_set_error(r, FFA_RET_NOT_SUPPORTED);
		return;
	}
	ok = in_list(spmc_fids, sizeof(spmc_fids) / sizeof(spmc_fids[0]), id);
	/* Advertise only what this caller could successfully call. */
	if (!ok && spmc_layout(s) >= FFA_VERSION_1_2)
		ok = in_list(spmc_fids_v12,
			     sizeof(spmc_fids_v12) / sizeof(spmc_fids_v12[0]), id);
	if (!ok) {
		ffa_set_error(r, FFA_RET_NOT_SUPPORTED);
		return;
	}
	if (id == FFA_RXTX_MAP_32 || id == FFA_RXTX_MAP_64)
		props = FFA_FEAT_RXTX_MIN_SIZE_4K |
			(uint32_t)SPMC_RXTX_MAX_PAGES << FFA_FEAT_RXTX_MAX_PAGES_SHIFT;
	ffa_set_success32(r, props, 0);
}
