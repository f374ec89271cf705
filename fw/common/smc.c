// SPDX-License-Identifier: MIT
/*
 * SMC dispatcher (see smc.h). The function ID is W0: SMCCC defines it as a
 * 32-bit value, so the upper half of x0 is ignored, and 32-bit calls only
 * look at the low halves of their arguments.
 */
#include "fw/common/smc.h"

#include "ffa/abi.h"
#include "fw/common/smccc.h"

static void set_ret(struct ffa_regs *r, int64_t v)
{
	r->x[0] = (uint64_t)v;
}

static uint64_t arg(const struct ffa_regs *r, unsigned int i, bool smc64)
{
	return smc64 ? r->x[i] : (uint32_t)r->x[i];
}

static int32_t psci_features(uint32_t fid)
{
	switch (fid) {
	case PSCI_VERSION:
	case PSCI_CPU_SUSPEND_32:   /* 0: original power_state format, no OSI */
	case PSCI_CPU_SUSPEND_64:
	case PSCI_CPU_OFF:
	case PSCI_CPU_ON_32:
	case PSCI_CPU_ON_64:
	case PSCI_AFFINITY_INFO_32:
	case PSCI_AFFINITY_INFO_64:
	case PSCI_MIGRATE_INFO_TYPE:
	case PSCI_SYSTEM_OFF:
	case PSCI_SYSTEM_RESET:
	case PSCI_FEATURES:
	/* Linux only asks SMCCC_VERSION (and so learns of SMCCC 1.1+) when
	 * PSCI_FEATURES says it exists. */
	case SMCCC_VERSION:
		return PSCI_RET_SUCCESS;
	default:
		return PSCI_RET_NOT_SUPPORTED;
	}
}

/* PSCI calls: true when fid was one (result or action already set). */
static bool psci_call(const struct smc_services *s, unsigned int cpu, uint32_t fid,
		      struct ffa_regs *r, enum smc_action *act)
{
	bool smc64 = (fid & SMCCC_64) != 0;
	int32_t ret;

	switch (fid) {
	case PSCI_VERSION:
		set_ret(r, PSCI_VERSION_1_1);
		return true;
	case PSCI_FEATURES:
		set_ret(r, psci_features((uint32_t)r->x[1]));
		return true;
	case PSCI_CPU_ON_32:
	case PSCI_CPU_ON_64:
		set_ret(r, psci_cpu_on(s->psci, arg(r, 1, smc64), arg(r, 2, smc64),
				       arg(r, 3, smc64)));
		return true;
	case PSCI_CPU_OFF:
		ret = psci_cpu_off(s->psci, cpu);
		set_ret(r, ret);
		if (ret == PSCI_RET_SUCCESS)
			*act = SMC_ACT_CPU_OFF;
		return true;
	case PSCI_AFFINITY_INFO_32:
	case PSCI_AFFINITY_INFO_64:
		set_ret(r, psci_affinity_info(s->psci, arg(r, 1, smc64), arg(r, 2, smc64)));
		return true;
	case PSCI_CPU_SUSPEND_32:
	case PSCI_CPU_SUSPEND_64:
		ret = psci_check_suspend(arg(r, 1, smc64));
		set_ret(r, ret);
		if (ret == PSCI_RET_SUCCESS)
			*act = SMC_ACT_STANDBY;
		return true;
	case PSCI_MIGRATE_INFO_TYPE:
		set_ret(r, PSCI_TOS_NOT_PRESENT_MP);
		return true;
	case PSCI_MIGRATE_32:
	case PSCI_MIGRATE_64:
	case PSCI_MIGRATE_INFO_UP_CPU_32:
	case PSCI_MIGRATE_INFO_UP_CPU_64:
		/* Optional when no Trusted OS needs migrating (type 2). */
		set_ret(r, PSCI_RET_NOT_SUPPORTED);
		return true;
	case PSCI_SYSTEM_OFF:
		*act = SMC_ACT_SYSTEM_OFF;
		return true;
	case PSCI_SYSTEM_RESET:
		*act = SMC_ACT_SYSTEM_RESET;
		return true;
	default:
		return false;
	}
}

static bool smccc_call(uint32_t fid, struct ffa_regs *r)
{
	uint32_t q;

	switch (fid) {
	case SMCCC_VERSION:
		set_ret(r, SMCCC_VERSION_1_2);
		return true;
	case SMCCC_ARCH_FEATURES:
		q = (uint32_t)r->x[1];
		/* No CPU-erratum workaround or SoC ID service is implemented. */
		set_ret(r, q == SMCCC_VERSION || q == SMCCC_ARCH_FEATURES ? SMCCC_RET_SUCCESS
									  : SMCCC_RET_NOT_SUPPORTED);
		return true;
	default:
		return false;
	}
}

/*
 * FF-A results live in x0-x7, except for the two v1.2 ABIs that return
 * results in x8-x17 as well. Everything else keeps the caller's x8-x17:
 * an SMCCC 1.1 caller (pKVM's FF-A proxy in Linux 6.12 calls the SPMC with
 * arm_smccc_1_1_smc) keeps live values there across the SMC, and a core
 * that zeroes them corrupts the caller's state.
 */
static bool ffa_results_past_x7(uint32_t fid)
{
	return fid == FFA_MSG_SEND_DIRECT_REQ2 || fid == FFA_PARTITION_INFO_GET_REGS;
}

static void ffa_dispatch(const struct smc_services *s, uint32_t fid, struct ffa_regs *r)
{
	uint64_t keep[FFA_REGS_COUNT - 8];

	for (unsigned int i = 8; i < FFA_REGS_COUNT; i++)
		keep[i - 8] = r->x[i];
	r->x[0] = fid;
	s->ffa_call(s->ffa_ctx, r);
	if (ffa_results_past_x7(fid))
		return;
	for (unsigned int i = 8; i < FFA_REGS_COUNT; i++)
		r->x[i] = keep[i - 8];
}

enum smc_action smc_dispatch(const struct smc_services *s, unsigned int cpu,
			     struct ffa_regs *r)
{
	uint32_t fid = (uint32_t)r->x[0];
	enum smc_action act = SMC_ACT_RETURN;

	if (ffa_fid_in_range(fid)) {
		if (s->ffa_call) {
			ffa_dispatch(s, fid, r);
			return act;
		}
	} else if (s->psci && psci_call(s, cpu, fid, r, &act)) {
		return act;
	} else if (smccc_call(fid, r)) {
		return act;
	}
	r->x[0] = SMCCC_UNKNOWN_FUNCTION;
	return act;
}
