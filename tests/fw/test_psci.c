// SPDX-License-Identifier: MIT
/* PSCI state machine (fw/common/psci.c) with a fake platform. */
#include <string.h>

#include "fw/common/psci.h"
#include "tests/harness/check.h"

struct fake {
	int locked;
	int lock_calls;
	int releases;
	unsigned int last_idx;
	uint64_t last_entry, last_ctx;
	int released_unlocked;    /* release called without the lock */
};

static struct fake fk;
static struct psci ps;

static void f_lock(void *ctx)
{
	struct fake *k = ctx;

	k->locked++;
	k->lock_calls++;
}

static void f_unlock(void *ctx)
{
	((struct fake *)ctx)->locked--;
}

static bool f_entry_ok(void *ctx, uint64_t entry)
{
	(void)ctx;
	return entry >= 0x40000000 && entry < 0x80000000 && !(entry & 3);
}

static void f_release(void *ctx, unsigned int idx, uint64_t entry, uint64_t context)
{
	struct fake *k = ctx;

	if (!k->locked)
		k->released_unlocked = 1;
	k->releases++;
	k->last_idx = idx;
	k->last_entry = entry;
	k->last_ctx = context;
}

static const struct psci_platform plat = {
	.ctx = &fk, .lock = f_lock, .unlock = f_unlock,
	.entry_ok = f_entry_ok, .release = f_release,
};

/* Four CPUs, MPIDR = index, CPU 0 on. */
static void setup(void)
{
	memset(&fk, 0, sizeof(fk));
	psci_init(&ps, &plat);
	for (unsigned int i = 0; i < 4; i++)
		psci_add_cpu(&ps, i, i, i == 0);
}

TEST(psci_cpu_on_off_cycle)
{
	setup();
	CHECK_EQ(psci_state_of(&ps, 2), PSCI_STATE_OFF);
	CHECK_EQ(psci_cpu_on(&ps, 2, 0x40201000, 0xC0FFEE), PSCI_RET_SUCCESS);
	CHECK_EQ(psci_state_of(&ps, 2), PSCI_STATE_ON_PENDING);
	CHECK_EQ(fk.releases, 1);
	CHECK_EQ(fk.last_idx, 2);
	CHECK_EQ(fk.last_entry, 0x40201000);
	CHECK_EQ(fk.last_ctx, 0xC0FFEE);
	CHECK(!fk.released_unlocked);
	psci_cpu_on_finish(&ps, 2);
	CHECK_EQ(psci_state_of(&ps, 2), PSCI_STATE_ON);
	CHECK_EQ(psci_cpu_off(&ps, 2), PSCI_RET_SUCCESS);
	CHECK_EQ(psci_state_of(&ps, 2), PSCI_STATE_OFF);
	CHECK_EQ(psci_cpu_on(&ps, 2, 0x40202000, 1), PSCI_RET_SUCCESS);
	CHECK_EQ(fk.releases, 2);
	CHECK_EQ(fk.locked, 0);
}

TEST(psci_affinity_info_follows_the_states)
{
	setup();
	CHECK_EQ(psci_affinity_info(&ps, 0, 0), PSCI_AFF_ON);
	CHECK_EQ(psci_affinity_info(&ps, 1, 0), PSCI_AFF_OFF);
	psci_cpu_on(&ps, 1, 0x40000000, 0);
	CHECK_EQ(psci_affinity_info(&ps, 1, 0), PSCI_AFF_ON_PENDING);
	psci_cpu_on_finish(&ps, 1);
	CHECK_EQ(psci_affinity_info(&ps, 1, 0), PSCI_AFF_ON);
	psci_cpu_off(&ps, 1);
	CHECK_EQ(psci_affinity_info(&ps, 1, 0), PSCI_AFF_OFF);
}

TEST(psci_boot_cpu_can_go_off_and_come_back)
{
	setup();
	CHECK_EQ(psci_cpu_off(&ps, 0), PSCI_RET_SUCCESS);
	CHECK_EQ(psci_cpu_on(&ps, 0, 0x40000000, 0), PSCI_RET_SUCCESS);
	psci_cpu_on_finish(&ps, 0);
	CHECK_EQ(psci_state_of(&ps, 0), PSCI_STATE_ON);
}

TEST(psci_index_lookup_uses_affinity)
{
	struct psci p2;

	setup();
	psci_init(&p2, &plat);
	CHECK_EQ(psci_add_cpu(&p2, 5, 0x0000000105ull, false), 0);   /* Aff3.Aff0 */
	CHECK_EQ(psci_index_of(&p2, 0x0000000105ull), 5);
	CHECK_EQ(psci_index_of(&p2, 0x105), 5);
	CHECK_EQ(psci_index_of(&p2, 0x5), -1);
}

TEST(psci_suspend_accepts_core_standby)
{
	setup();
	CHECK_EQ(psci_check_suspend(0), PSCI_RET_SUCCESS);
	CHECK_EQ(psci_check_suspend(0x1234), PSCI_RET_SUCCESS);   /* any StateID */
}

TEST_NEG(psci_cpu_on_while_pending_is_on_pending)
{
	setup();
	psci_cpu_on(&ps, 3, 0x40000000, 0);
	CHECK_EQ(psci_cpu_on(&ps, 3, 0x40001000, 9), PSCI_RET_ON_PENDING);
	CHECK_EQ(fk.releases, 1);
	CHECK_EQ(fk.last_entry, 0x40000000);
}

TEST_NEG(psci_cpu_on_running_cpu_is_already_on)
{
	setup();
	CHECK_EQ(psci_cpu_on(&ps, 0, 0x40000000, 0), PSCI_RET_ALREADY_ON);
	psci_cpu_on(&ps, 1, 0x40000000, 0);
	psci_cpu_on_finish(&ps, 1);
	CHECK_EQ(psci_cpu_on(&ps, 1, 0x40000000, 0), PSCI_RET_ALREADY_ON);
	CHECK_EQ(fk.releases, 1);
}

TEST_NEG(psci_cpu_on_bad_target_mpidr)
{
	setup();
	CHECK_EQ(psci_cpu_on(&ps, 4, 0x40000000, 0), PSCI_RET_INVALID_PARAMETERS);
	CHECK_EQ(psci_cpu_on(&ps, 0x100, 0x40000000, 0), PSCI_RET_INVALID_PARAMETERS);
	/* MT/U bits or bits 63:40 are not affinity: not a valid target. */
	CHECK_EQ(psci_cpu_on(&ps, 0x80000001ull, 0x40000000, 0), PSCI_RET_INVALID_PARAMETERS);
	CHECK_EQ(psci_cpu_on(&ps, 1ull << 40 | 1, 0x40000000, 0), PSCI_RET_INVALID_PARAMETERS);
	CHECK_EQ(fk.releases, 0);
}

TEST_NEG(psci_cpu_on_bad_entry_is_invalid_address)
{
	setup();
	CHECK_EQ(psci_cpu_on(&ps, 1, 0x0E000000, 0), PSCI_RET_INVALID_ADDRESS);
	CHECK_EQ(psci_cpu_on(&ps, 1, 0x40000002, 0), PSCI_RET_INVALID_ADDRESS);
	CHECK_EQ(psci_state_of(&ps, 1), PSCI_STATE_OFF);
	CHECK_EQ(fk.releases, 0);
}

TEST_NEG(psci_cpu_off_of_a_cpu_not_on_is_denied)
{
	setup();
	CHECK_EQ(psci_cpu_off(&ps, 1), PSCI_RET_DENIED);
	psci_cpu_on(&ps, 1, 0x40000000, 0);
	CHECK_EQ(psci_cpu_off(&ps, 1), PSCI_RET_DENIED);          /* still pending */
	CHECK_EQ(psci_cpu_off(&ps, 9), PSCI_RET_DENIED);          /* absent index */
	CHECK_EQ(psci_cpu_off(&ps, 99), PSCI_RET_INTERNAL_FAILURE);
	CHECK_EQ(fk.locked, 0);
}

TEST_NEG(psci_affinity_info_bad_level_or_target)
{
	setup();
	CHECK_EQ(psci_affinity_info(&ps, 0, 1), PSCI_RET_INVALID_PARAMETERS);
	CHECK_EQ(psci_affinity_info(&ps, 0, 3), PSCI_RET_INVALID_PARAMETERS);
	CHECK_EQ(psci_affinity_info(&ps, 7, 0), PSCI_RET_INVALID_PARAMETERS);
}

TEST_NEG(psci_suspend_rejects_powerdown_and_reserved_bits)
{
	setup();
	CHECK_EQ(psci_check_suspend(PSCI_PSTATE_TYPE_POWERDOWN), PSCI_RET_INVALID_PARAMETERS);
	CHECK_EQ(psci_check_suspend(1u << 24), PSCI_RET_INVALID_PARAMETERS);  /* level 1 */
	CHECK_EQ(psci_check_suspend(1u << 20), PSCI_RET_INVALID_PARAMETERS);  /* reserved */
	CHECK_EQ(psci_check_suspend(1u << 31), PSCI_RET_INVALID_PARAMETERS);
	CHECK_EQ(psci_check_suspend(1ull << 32), PSCI_RET_INVALID_PARAMETERS);
}

TEST_NEG(psci_add_cpu_refuses_duplicates_and_bad_indices)
{
	setup();
	CHECK_EQ(psci_add_cpu(&ps, 1, 9, false), -1);            /* index taken */
	CHECK_EQ(psci_add_cpu(&ps, 9, 2, false), -1);            /* MPIDR taken */
	CHECK_EQ(psci_add_cpu(&ps, PSCI_MAX_CPUS, 20, false), -1);
	CHECK_EQ(psci_add_cpu(&ps, 10, 1ull << 63, false), -1);  /* not affinity */
	CHECK_EQ(psci_index_of(&ps, 9), -1);
}

TEST_NEG(psci_init_needs_every_callback)
{
	struct psci_platform bad = plat;
	struct psci p2;

	setup();
	bad.release = NULL;
	CHECK_EQ(psci_init(&p2, &bad), -1);
	CHECK_EQ(psci_init(&p2, NULL), -1);
	CHECK_EQ(psci_init(&p2, &plat), 0);
}
