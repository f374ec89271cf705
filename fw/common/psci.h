/* SPDX-License-Identifier: MIT */
/*
 * PSCI 1.1 (Arm DEN0022) function IDs, return codes and the platform-
 * independent per-CPU power state machine:
 *
 *   OFF --CPU_ON--> ON_PENDING --(target runs its warm boot)--> ON
 *    ^                                                          |
 *    +------------------------ CPU_OFF -------------------------+
 *
 * The platform supplies a lock and the two things that touch hardware:
 * releasing a CPU from its holding pen and checking an entry address.
 * Powering down, standby and system off/reset are actions the dispatcher
 * returns to the platform (see smc.h), so everything here runs on a host.
 */
#ifndef FW_COMMON_PSCI_H
#define FW_COMMON_PSCI_H

#include <stdbool.h>
#include <stdint.h>

#define PSCI_VERSION 0x84000000u
#define PSCI_CPU_SUSPEND_32 0x84000001u
#define PSCI_CPU_SUSPEND_64 0xC4000001u
#define PSCI_CPU_OFF 0x84000002u
#define PSCI_CPU_ON_32 0x84000003u
#define PSCI_CPU_ON_64 0xC4000003u
#define PSCI_AFFINITY_INFO_32 0x84000004u
#define PSCI_AFFINITY_INFO_64 0xC4000004u
#define PSCI_MIGRATE_32 0x84000005u
#define PSCI_MIGRATE_64 0xC4000005u
#define PSCI_MIGRATE_INFO_TYPE 0x84000006u
#define PSCI_MIGRATE_INFO_UP_CPU_32 0x84000007u
#define PSCI_MIGRATE_INFO_UP_CPU_64 0xC4000007u
#define PSCI_SYSTEM_OFF 0x84000008u
#define PSCI_SYSTEM_RESET 0x84000009u
#define PSCI_FEATURES 0x8400000Au

#define PSCI_VERSION_1_1 0x00010001u

#define PSCI_RET_SUCCESS 0
#define PSCI_RET_NOT_SUPPORTED (-1)
#define PSCI_RET_INVALID_PARAMETERS (-2)
#define PSCI_RET_DENIED (-3)
#define PSCI_RET_ALREADY_ON (-4)
#define PSCI_RET_ON_PENDING (-5)
#define PSCI_RET_INTERNAL_FAILURE (-6)
#define PSCI_RET_NOT_PRESENT (-7)
#define PSCI_RET_DISABLED (-8)
#define PSCI_RET_INVALID_ADDRESS (-9)

/* AFFINITY_INFO answers. */
#define PSCI_AFF_ON 0
#define PSCI_AFF_OFF 1
#define PSCI_AFF_ON_PENDING 2

/* MIGRATE_INFO_TYPE: no Trusted OS that needs migrating. */
#define PSCI_TOS_NOT_PRESENT_MP 2

/* CPU_SUSPEND power_state, original format. */
#define PSCI_PSTATE_TYPE_POWERDOWN (1u << 16)
#define PSCI_PSTATE_LEVEL_SHIFT 24
#define PSCI_PSTATE_LEVEL_MASK 0x3u
/* Bits that must be zero in the original format. */
#define PSCI_PSTATE_RESERVED 0xFCFE0000u

/* Affinity fields of an MPIDR (Aff3 in 39:32, Aff2..Aff0 in 23:0). */
#define PSCI_MPIDR_AFF_MASK 0xFF00FFFFFFull

#define PSCI_MAX_CPUS 16u

enum psci_state {
	PSCI_STATE_ABSENT = 0,    /* no CPU at this index */
	PSCI_STATE_OFF,
	PSCI_STATE_ON_PENDING,
	PSCI_STATE_ON,
};

struct psci_platform {
	void *ctx;
	void (*lock)(void *ctx);
	void (*unlock)(void *ctx);
	/* May the normal world resume a CPU at this address? */
	bool (*entry_ok)(void *ctx, uint64_t entry);
	/* Start CPU idx at entry with x0 = context (called with the lock held). */
	void (*release)(void *ctx, unsigned int idx, uint64_t entry, uint64_t context);
};

struct psci {
	struct psci_platform plat;
	uint64_t mpidr[PSCI_MAX_CPUS];
	uint8_t state[PSCI_MAX_CPUS];  /* enum psci_state */
};

/* All indices start ABSENT. Returns 0, or -1 for a bad platform. */
int psci_init(struct psci *p, const struct psci_platform *plat);
/* Register the CPU at platform index idx (the index the pen uses). */
int psci_add_cpu(struct psci *p, unsigned int idx, uint64_t mpidr, bool on);
/* Index of a present CPU with this affinity, or -1 (non-affinity bits set,
 * or no such CPU). */
int psci_index_of(const struct psci *p, uint64_t mpidr);
enum psci_state psci_state_of(const struct psci *p, unsigned int idx);

int32_t psci_cpu_on(struct psci *p, uint64_t target, uint64_t entry, uint64_t context);
/* The calling CPU (index self) turns itself off; the platform then parks it. */
int32_t psci_cpu_off(struct psci *p, unsigned int self);
/* A released CPU reached its warm boot: ON_PENDING -> ON. */
void psci_cpu_on_finish(struct psci *p, unsigned int self);
int32_t psci_affinity_info(struct psci *p, uint64_t target, uint64_t level);
/* Validates a CPU_SUSPEND power_state: SUCCESS for a standby request. */
int32_t psci_check_suspend(uint64_t power_state);

#endif /* FW_COMMON_PSCI_H */
