// SPDX-License-Identifier: MIT
/*
 * FF-A calls from the SMC dispatcher into the SPMC core, with two fix-ups
 * for the normal world that boots on this firmware (Linux 6.12 and its pKVM
 * FF-A proxy). Both belong in the core; they live here until it has them.
 */
#include "fw/common/spmc_glue.h"

#include "spmc/spmc.h"

/*
 * WORKAROUND (remove when spmc/version.c only reports the maximum RX/TX
 * size to v1.2 callers): bits 31:16 of FFA_FEATURES(RXTX_MAP)'s w2 hold
 * that maximum from v1.2 on and are reserved (zero) below it. pKVM in 6.12
 * negotiates v1.1 and compares all of w2 with the minimum-size code, so a
 * set field makes it turn its FF-A proxy off and the host never sees FF-A.
 */
static void features_below_v12(struct spmc *s, uint32_t fid, uint32_t feature,
			       struct ffa_regs *r)
{
	struct spmc_ns_info info;

	if (fid != FFA_FEATURES || (uint32_t)r->x[0] != FFA_SUCCESS_32 ||
	    (feature != FFA_RXTX_MAP_32 && feature != FFA_RXTX_MAP_64))
		return;
	spmc_get_ns_info(s, &info);
	if (info.version < FFA_VERSION_1_2)
		r->x[2] &= FFA_FEAT_RXTX_MIN_SIZE_MASK;
}

void fw_spmc_call(void *spmc, struct ffa_regs *r)
{
	uint32_t fid = (uint32_t)r->x[0], a1 = (uint32_t)r->x[1];

	spmc_ns_call(spmc, r);
	features_below_v12(spmc, fid, a1, r);
	/*
	 * FFA_VERSION's NOT_SUPPORTED is -1 in w0. Callers compare x0 with a
	 * 64-bit -1 (pKVM's hyp_ffa_init does, and takes a zero-extended
	 * 0xFFFFFFFF for a version with major 0x7FFF, failing pKVM's init),
	 * so widen it.
	 */
	if (fid == FFA_VERSION && (uint32_t)r->x[0] == FFA_VERSION_NOT_SUPPORTED)
		r->x[0] = ~0ull;
}
