// SPDX-License-Identifier: MIT
/*
 * PSCI per-CPU state machine (see psci.h). Every transition happens under
 * the platform lock, so two CPUs racing to CPU_ON the same target see
 * exactly one SUCCESS and one ON_PENDING/ALREADY_ON.
 */
#include "fw/common/psci.h"

#include "fw/common/util.h"

int psci_init(struct psci *p, const struct psci_platform *plat)
{
	ffa_memset(p, 0, sizeof(*p));
	if (!plat || !plat->lock || !plat->unlock || !plat->entry_ok || !plat->release)
		return -1;
	p->plat = *plat;
	return 0;
}

int psci_add_cpu(struct psci *p, unsigned int idx, uint64_t mpidr, bool on)
{
	if (idx >= PSCI_MAX_CPUS || (mpidr & ~PSCI_MPIDR_AFF_MASK) ||
	    p->state[idx] != PSCI_STATE_ABSENT || psci_index_of(p, mpidr) >= 0)
		return -1;
	p->mpidr[idx] = mpidr;
	p->state[idx] = on ? PSCI_STATE_ON : PSCI_STATE_OFF;
	return 0;
}

int psci_index_of(const struct psci *p, uint64_t mpidr)
{
	if (mpidr & ~PSCI_MPIDR_AFF_MASK)
		return -1;
	for (unsigned int i = 0; i < PSCI_MAX_CPUS; i++)
		if (p->state[i] != PSCI_STATE_ABSENT && p->mpidr[i] == mpidr)
			return (int)i;
	return -1;
}

enum psci_state psci_state_of(const struct psci *p, unsigned int idx)
{
	return idx < PSCI_MAX_CPUS ? (enum psci_state)p->state[idx] : PSCI_STATE_ABSENT;
}

int32_t psci_cpu_on(struct psci *p, uint64_t target, uint64_t entry, uint64_t context)
{
	int idx = psci_index_of(p, target);
	int32_t ret;

	if (idx < 0)
		return PSCI_RET_INVALID_PARAMETERS;
	if (!p->plat.entry_ok(p->plat.ctx, entry))
		return PSCI_RET_INVALID_ADDRESS;
	p->plat.lock(p->plat.ctx);
	switch (p->state[idx]) {
	case PSCI_STATE_ON:
		ret = PSCI_RET_ALREADY_ON;
		break;
	case PSCI_STATE_ON_PENDING:
		ret = PSCI_RET_ON_PENDING;
		break;
	case PSCI_STATE_OFF:
		p->state[idx] = PSCI_STATE_ON_PENDING;
		p->plat.release(p->plat.ctx, (unsigned int)idx, entry, context);
		ret = PSCI_RET_SUCCESS;
		break;
	default:
		ret = PSCI_RET_INTERNAL_FAILURE;
		break;
	}
	p->plat.unlock(p->plat.ctx);
	return ret;
}

int32_t psci_cpu_off(struct psci *p, unsigned int self)
{
	int32_t ret = PSCI_RET_DENIED;

	if (self >= PSCI_MAX_CPUS)
		return PSCI_RET_INTERNAL_FAILURE;
	p->plat.lock(p->plat.ctx);
	/* Only a running CPU can call; anything else means our books are wrong. */
	if (p->state[self] == PSCI_STATE_ON) {
		p->state[self] = PSCI_STATE_OFF;
		ret = PSCI_RET_SUCCESS;
	}
	p->plat.unlock(p->plat.ctx);
	return ret;
}

void psci_cpu_on_finish(struct psci *p, unsigned int self)
{
	if (self >= PSCI_MAX_CPUS)
		return;
	p->plat.lock(p->plat.ctx);
	if (p->state[self] == PSCI_STATE_ON_PENDING)
		p->state[self] = PSCI_STATE_ON;
	p->plat.unlock(p->plat.ctx);
}

int32_t psci_affinity_info(struct psci *p, uint64_t target, uint64_t level)
{
	int idx;
	int32_t ret;

	/* Only level 0 (a single core) is meaningful without a topology map;
	 * PSCI 1.0+ lets callers rely on that alone. */
	if (level != 0)
		return PSCI_RET_INVALID_PARAMETERS;
	idx = psci_index_of(p, target);
	if (idx < 0)
		return PSCI_RET_INVALID_PARAMETERS;
	p->plat.lock(p->plat.ctx);
	switch (p->state[idx]) {
	case PSCI_STATE_ON:
		ret = PSCI_AFF_ON;
		break;
	case PSCI_STATE_ON_PENDING:
		ret = PSCI_AFF_ON_PENDING;
		break;
	default:
		ret = PSCI_AFF_OFF;
		break;
	}
	p->plat.unlock(p->plat.ctx);
	return ret;
}

int32_t psci_check_suspend(uint64_t power_state)
{
	uint32_t ps = (uint32_t)power_state;

	if ((power_state >> 32) || (ps & PSCI_PSTATE_RESERVED))
		return PSCI_RET_INVALID_PARAMETERS;
	/* We advertise no power-down states (the tree has no idle-states), so
	 * only core standby is valid. */
	if (ps & PSCI_PSTATE_TYPE_POWERDOWN)
		return PSCI_RET_INVALID_PARAMETERS;
	if ((ps >> PSCI_PSTATE_LEVEL_SHIFT) & PSCI_PSTATE_LEVEL_MASK)
		return PSCI_RET_INVALID_PARAMETERS;
	return PSCI_RET_SUCCESS;
}
