// SPDX-License-Identifier: MIT
/*
 * FF-A calls from the SMC dispatcher into the SPMC core. The core already
 * answers the way the normal world that boots on this firmware (Linux 6.12
 * and its pKVM FF-A proxy) needs: FFA_VERSION's NOT_SUPPORTED as a 64-bit
 * -1, FFA_FEATURES(RXTX_MAP) without the v1.2 maximum-size field for v1.0
 * and v1.1 callers, and x8-x17 kept for ABIs whose results stop at x7.
 */
#include "fw/common/spmc_glue.h"

#include "spmc/spmc.h"

void fw_spmc_call(void *spmc, struct ffa_regs *r)
{
	spmc_ns_call(spmc, r);
}
