// SPDX-License-Identifier: MIT
/* The hosted platform for the SPMC core (see sim.h). */
#include "host/sim/sim.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "services/test/test_sp.h"

uint8_t *host_sim_ptr(struct host_sim *sim, uint64_t pa, uint64_t size)
{
	uint64_t off;

	if (size == 0 || pa < sim->mem_base)
		return NULL;
	off = pa - sim->mem_base;
	if (off > sim->mem_size || size > sim->mem_size - off)
		return NULL;
	return sim->mem + off;
}

uint8_t *host_sim_ptr_cb(void *ctx, uint64_t pa, uint64_t size)
{
	return host_sim_ptr(ctx, pa, size);
}

static void sim_lock(void *ctx, unsigned int id)
{
	struct host_sim *sim = ctx;

	/* An ID past the table is a core bug: stop rather than run unlocked. */
	if (id >= HOST_SIM_LOCKS)
		abort();
	pthread_mutex_lock(&sim->locks[id]);
}

static void spin_lock(void *ctx, unsigned int id)
{
	struct host_sim *sim = ctx;

	if (id >= HOST_SIM_LOCKS)
		abort();
	while (atomic_flag_test_and_set_explicit(&sim->spins[id], memory_order_acquire))
		;
}

static void spin_unlock(void *ctx, unsigned int id)
{
	struct host_sim *sim = ctx;

	if (id >= HOST_SIM_LOCKS)
		abort();
	atomic_flag_clear_explicit(&sim->spins[id], memory_order_release);
}

static void sim_unlock(void *ctx, unsigned int id)
{
	struct host_sim *sim = ctx;

	if (id >= HOST_SIM_LOCKS)
		abort();
	pthread_mutex_unlock(&sim->locks[id]);
}

static void sim_log(void *ctx, const char *msg)
{
	struct host_sim *sim = ctx;

	if (sim->verbose)
		fprintf(stderr, "%s\n", msg);
}

static void sim_raise_sri(void *ctx, uint32_t intid)
{
	struct host_sim *sim = ctx;

	/* The core passes back what it was given: anything else is its bug. */
	if (intid != HOST_SIM_SRI_INTID)
		abort();
	__atomic_fetch_add(&sim->sri_raised, 1u, __ATOMIC_RELAXED);
}

int32_t host_sim_init(struct host_sim *sim, const struct host_sim_config *cfg)
{
	static const struct host_sim_config defaults;
	const struct spmc_partition *test_sp[1] = { test_sp_partition() };
	struct spmc_platform plat = {
		.ctx = sim, .lock = sim_lock, .unlock = sim_unlock,
		.ns_ptr = host_sim_ptr_cb, .log = sim_log,
	};
	int32_t ret;

	if (!cfg)
		cfg = &defaults;
	memset(sim, 0, sizeof(*sim));
	sim->mem_base = HOST_SIM_NS_BASE;
	sim->mem_size = cfg->mem_size ? cfg->mem_size : HOST_SIM_DEFAULT_MEM_SIZE;
	sim->verbose = cfg->verbose;
	sim->spin_locks = cfg->spin_locks;
	if (sim->spin_locks) {
		plat.lock = spin_lock;
		plat.unlock = spin_unlock;
	}
	if (sim->mem_size % 4096u)
		return FFA_RET_INVALID_PARAMETERS;
	sim->mem = calloc(1, sim->mem_size);
	if (!sim->mem)
		return FFA_RET_NO_MEMORY;
	for (unsigned int i = 0; i < HOST_SIM_LOCKS; i++) {
		pthread_mutex_init(&sim->locks[i], NULL);
		atomic_flag_clear(&sim->spins[i]);
	}
	if (cfg->parts)
		ret = spmc_init(&sim->spmc, &plat, cfg->parts, cfg->part_count);
	else
		ret = spmc_init(&sim->spmc, &plat, test_sp, 1);
	if (ret == FFA_RET_SUCCESS)
		ret = spmc_notif_set_sri(&sim->spmc, HOST_SIM_SRI_INTID, sim_raise_sri);
	if (ret != FFA_RET_SUCCESS)
		host_sim_teardown(sim);
	return ret;
}

void host_sim_teardown(struct host_sim *sim)
{
	if (!sim->mem)
		return;
	for (unsigned int i = 0; i < HOST_SIM_LOCKS; i++)
		pthread_mutex_destroy(&sim->locks[i]);
	free(sim->mem);
	sim->mem = NULL;
}

struct host_sim *host_sim_create(const struct host_sim_config *cfg)
{
	struct host_sim *sim = malloc(sizeof(*sim));

	if (!sim)
		return NULL;
	if (host_sim_init(sim, cfg) != FFA_RET_SUCCESS) {
		free(sim);
		return NULL;
	}
	return sim;
}

void host_sim_destroy(struct host_sim *sim)
{
	if (!sim)
		return;
	host_sim_teardown(sim);
	free(sim);
}

static void trace(const char *dir, const struct ffa_regs *r)
{
	fprintf(stderr, "sim %s", dir);
	for (unsigned int i = 0; i < 8; i++)
		fprintf(stderr, " %" PRIx64, r->x[i]);
	fprintf(stderr, "\n");
}

void host_sim_call(struct host_sim *sim, struct ffa_regs *r)
{
	if (sim->verbose)
		trace("->", r);
	spmc_ns_call(&sim->spmc, r);
	if (sim->verbose)
		trace("<-", r);
}

void host_sim_conduit(void *ctx, struct ffa_regs *r)
{
	host_sim_call(ctx, r);
}
