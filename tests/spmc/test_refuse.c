// SPDX-License-Identifier: MIT
/* Refusal reasons (SPMC_REFUSE): logged only with the platform's debug set,
 * and a refused partition registration names the partition. */
#include "tests/spmc/tsim.h"

#include <stdio.h>
#include <string.h>

static char logged[4][256];
static unsigned int nlogged;
static struct spmc rs;

static void capture(void *ctx, const char *msg)
{
	(void)ctx;
	if (nlogged < 4)
		snprintf(logged[nlogged], sizeof(logged[0]), "%s", msg);
	nlogged++;
}

static uint8_t *no_ns(void *ctx, uint64_t pa, uint64_t size)
{
	(void)ctx;
	(void)pa;
	(void)size;
	return NULL;
}

static int32_t handler(struct spmc *s, const struct spmc_partition *sp, struct spmc_msg *msg)
{
	(void)s;
	(void)sp;
	(void)msg;
	return FFA_RET_SUCCESS;
}

/* RXTX_MAP with a page count of 0 on a fresh core with debug as given. */
static struct ffa_regs refused_map(unsigned int debug)
{
	struct spmc_platform plat = { .ns_ptr = no_ns, .log = capture, .debug = debug };
	struct ffa_regs r = { 0 };

	nlogged = 0;
	CHECK_EQ(spmc_init(&rs, &plat, NULL, 0), FFA_RET_SUCCESS);
	r.x[0] = FFA_RXTX_MAP_64;
	r.x[1] = 0x40000000;
	r.x[2] = 0x40001000;
	r.x[3] = 0;
	spmc_ns_call(&rs, &r);
	return r;
}

TEST_NEG(refusal_is_quiet_by_default)
{
	struct ffa_regs r = refused_map(0);

	CHECK_EQ((uint32_t)r.x[0], FFA_ERROR);
	CHECK_EQ((int32_t)r.x[2], FFA_RET_INVALID_PARAMETERS);
	CHECK_EQ(nlogged, 0u);
}

TEST_NEG(refusal_says_where_for_whom_and_which_check_with_debug)
{
	struct ffa_regs r = refused_map(1);

	CHECK_EQ((int32_t)r.x[2], FFA_RET_INVALID_PARAMETERS);   /* same answer */
	CHECK_EQ(nlogged, 1u);
	CHECK(strstr(logged[0], "refused -2 in check_map for 0x0000: ") == logged[0]);
	CHECK(strstr(logged[0], "pages == 0") != NULL);
}

TEST_NEG(refused_registration_names_the_partition)
{
	static const struct spmc_partition a = {
		.id = 0x8001, .name = "first", .direct = handler,
	};
	static const struct spmc_partition b = {
		.id = 0x8001, .name = "second-with-same-id", .direct = handler,
	};
	const struct spmc_partition *parts[2] = { &a, &b };
	/* Said even without debug: the platform cannot run without it. */
	struct spmc_platform plat = { .ns_ptr = no_ns, .log = capture };

	nlogged = 0;
	CHECK_EQ(spmc_init(&rs, &plat, parts, 2), FFA_RET_INVALID_PARAMETERS);
	CHECK_EQ(nlogged, 1u);
	CHECK(strstr(logged[0], "partition second-with-same-id (ID 0x8001) not registered: ") ==
	      logged[0]);
	CHECK(strstr(logged[0], "already taken") != NULL);
}
