/* SPDX-License-Identifier: MIT */
/*
 * The hosted platform: the SPMC core running in a user process. The normal
 * world's physical memory is a zeroed heap buffer standing for
 * PA [HOST_SIM_NS_BASE, HOST_SIM_NS_BASE + mem_size); anything outside it
 * counts as secure/absent, so the core's ns_ptr checks are exercised for
 * real. Each SPMC lock is a pthread mutex, so several threads may call in
 * at once, as several CPUs would.
 *
 * Typical use:
 *   struct host_sim *sim = host_sim_create(NULL);   // test partition only
 *   struct ffa_regs r = { .x = { FFA_VERSION, FFA_VERSION_1_2 } };
 *   host_sim_call(sim, &r);
 *   uint8_t *tx = host_sim_ptr(sim, HOST_SIM_NS_BASE, 4096);
 *   host_sim_destroy(sim);
 *
 * Link: $(HOST_SIM_ALL_OBJS) (host/sim.mk) and -lpthread.
 */
#ifndef HOST_SIM_SIM_H
#define HOST_SIM_SIM_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "ffa/regs.h"
#include "spmc/spmc.h"

#define HOST_SIM_NS_BASE 0x40000000ull
#define HOST_SIM_DEFAULT_MEM_SIZE (16ull << 20)
#define HOST_SIM_LOCKS (1u + SPMC_MAX_PARTITIONS)
#define HOST_SIM_SRI_INTID 8u     /* the SGI the hosted SPMC publishes */

struct host_sim_config {
	uint64_t mem_size;        /* bytes of NS RAM (page multiple); 0 = default */
	/* Partitions to register; NULL = the test partition alone. */
	const struct spmc_partition *const *parts;
	unsigned int part_count;
	bool verbose;             /* trace every call and SPMC log line on stderr */
	/*
	 * Test-and-set spinlocks instead of pthread mutexes: what firmware
	 * locks cost (a few instructions), so a benchmark counts the core's
	 * work rather than glibc's (~80 instructions a mutex pair).
	 */
	bool spin_locks;
};

struct host_sim {
	struct spmc spmc;         /* the core's state (large: allocate, do not stack) */
	uint8_t *mem;
	uint64_t mem_base;
	uint64_t mem_size;
	bool verbose;
	bool spin_locks;
	pthread_mutex_t locks[HOST_SIM_LOCKS];
	atomic_flag spins[HOST_SIM_LOCKS];
	/* Schedule-receiver interrupts the core pended (HOST_SIM_SRI_INTID). */
	unsigned int sri_raised;
};

/* 0, FFA_RET_NO_MEMORY, or spmc_init's status for a bad partition table. */
int32_t host_sim_init(struct host_sim *sim, const struct host_sim_config *cfg);
void host_sim_teardown(struct host_sim *sim);

/* Heap-allocated variants (cfg may be NULL): NULL on any failure. */
struct host_sim *host_sim_create(const struct host_sim_config *cfg);
void host_sim_destroy(struct host_sim *sim);

/* One FF-A call from the normal world: r holds x0-x17 in and out. */
void host_sim_call(struct host_sim *sim, struct ffa_regs *r);

/* [pa, pa + size) of simulated NS RAM, or NULL if any byte is outside it. */
uint8_t *host_sim_ptr(struct host_sim *sim, uint64_t pa, uint64_t size);

/* The same two with a void * context, for callback tables (ctx = the sim). */
void host_sim_conduit(void *ctx, struct ffa_regs *r);
uint8_t *host_sim_ptr_cb(void *ctx, uint64_t pa, uint64_t size);

#endif /* HOST_SIM_SIM_H */
