/* SPDX-License-Identifier: MIT */
/*
 * The EL3 runtime service dispatcher: one SMC from the normal world in, the
 * result registers and what the platform must do next out. Platform-
 * independent: the firmware calls it from its SMC vector, the unit tests
 * call it directly.
 *
 * Register contract (SMCCC 1.2): the frame is x0-x17. FF-A calls get and
 * return the whole frame (the SPMC writes every register). PSCI and SMCCC
 * calls return x0 only and leave x1-x17 as they came in. Unknown function
 * IDs return x0 = -1 in all 64 bits (pKVM checks the full register).
 */
#ifndef FW_COMMON_SMC_H
#define FW_COMMON_SMC_H

#include "ffa/regs.h"
#include "fw/common/psci.h"

enum smc_action {
	SMC_ACT_RETURN = 0,       /* eret to the caller with the new frame */
	SMC_ACT_STANDBY,          /* wfi, then return (CPU_SUSPEND standby) */
	SMC_ACT_CPU_OFF,          /* the caller is now OFF: park it, no return */
	SMC_ACT_SYSTEM_OFF,
	SMC_ACT_SYSTEM_RESET,
};

struct smc_services {
	struct psci *psci;
	/* The FF-A handler (spmc_ns_call on the firmware): x0-x17 in and out. */
	void (*ffa_call)(void *ctx, struct ffa_regs *r);
	void *ffa_ctx;
};

/* One call from CPU index `cpu`; r->x[0] is the function ID. */
enum smc_action smc_dispatch(const struct smc_services *s, unsigned int cpu,
			     struct ffa_regs *r);

#endif /* FW_COMMON_SMC_H */
