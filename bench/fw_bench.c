// SPDX-License-Identifier: MIT
/*
 * The firmware's own build, measured from EL2 in QEMU: linked into the
 * benchmark build of the smoke image (tests/fw/smoke/, SMOKE_BENCH), booted
 * by bench/run-fw.sh with -icount shift=0, where virtual time advances one
 * nanosecond per guest instruction, so CNTVCT ticks count instructions
 * (1e9 / CNTFRQ of them a tick) and repeat from run to run.
 *
 * Each figure is N calls between two counter reads. "null" is an SMC the
 * EL3 dispatcher answers itself (SMCCC_VERSION): the trap, the dispatcher
 * and this loop; a call's figure less null's is what the SPMC core adds.
 * Output: "ffa-stack: fwbench <name> n=<N> ticks=<T>" lines and
 * "ffa-stack: fwbench cntfrq=<Hz>".
 */
#include <stdint.h>

#include "ffa/abi.h"
#include "ffa/codec.h"
#include "ffa/mem.h"
#include "fw/common/smccc.h"
#include "services/test_sp.h"

#define BENCH_N 1000u

void smoke_smc(uint64_t r[8]);
void smoke_puts(const char *s);
void smoke_putu(uint64_t v);
void smoke_bench(void);

/* The normal world's buffers and the page it shares: in the image, in NS RAM. */
static uint8_t tx[4096] __attribute__((aligned(4096)));
static uint8_t rx[4096] __attribute__((aligned(4096)));
static uint8_t page[4096] __attribute__((aligned(4096)));

static uint64_t ticks(void)
{
	uint64_t v;

	__asm__ volatile("isb\n\tmrs %0, cntvct_el0\n\tisb" : "=r"(v));
	return v;
}

static void report(const char *name, uint64_t t)
{
	smoke_puts("ffa-stack: fwbench ");
	smoke_puts(name);
	smoke_puts(" n=");
	smoke_putu(BENCH_N);
	smoke_puts(" ticks=");
	smoke_putu(t);
	smoke_puts("\n");
}

static void call(uint64_t r[8], uint64_t x0, uint64_t x1, uint64_t x2, uint64_t x3)
{
	r[0] = x0;
	r[1] = x1;
	r[2] = x2;
	r[3] = x3;
	for (unsigned int i = 4; i < 8; i++)
		r[i] = 0;
	smoke_smc(r);
}

/* N round trips of one call; returns 0 if any answer was not `want` in x0. */
static int loop(const char *name, uint64_t x0, uint64_t x1, uint64_t x3, uint64_t want)
{
	uint64_t r[8], t0, t1;
	int ok = 1;

	t0 = ticks();
	for (unsigned int i = 0; i < BENCH_N; i++) {
		call(r, x0, x1, 0, x3);
		ok &= r[0] == want;
	}
	t1 = ticks();
	report(name, t1 - t0);
	return ok;
}

/* One page shared with the test partition and reclaimed, N times, each timed. */
static int share_reclaim(void)
{
	struct ffa_mem_range rg = { .addr = (uint64_t)(uintptr_t)page, .pages = 1 };
	struct ffa_mtd d = { .sender = FFA_ID_NS_PHYS, .attributes = FFA_ATTR_NORMAL_WB_INNER,
			     .ep_count = 1 };
	uint64_t r[8], share = 0, reclaim = 0, t0;
	uint32_t len;
	int ok = 1;

	d.ep[0].receiver = TEST_SP_ID;
	d.ep[0].perms = FFA_PERM_DATA_RW | FFA_PERM_INSTR_NX;
	len = ffa_mtd_encode(tx, sizeof(tx), FFA_VERSION_1_2, &d, &rg, 1);
	if (!len)
		return 0;
	for (unsigned int i = 0; i < BENCH_N && ok; i++) {
		t0 = ticks();
		call(r, FFA_MEM_SHARE_64, len, len, 0);
		share += ticks() - t0;
		ok &= r[0] == FFA_SUCCESS_32;
		t0 = ticks();
		call(r, FFA_MEM_RECLAIM, r[2], r[3], 0);
		reclaim += ticks() - t0;
		ok &= r[0] == FFA_SUCCESS_32;
	}
	report("mem_share_1", share);
	report("mem_reclaim_1", reclaim);
	/* The same pair of counter reads around nothing, to subtract. */
	t0 = ticks();
	share = 0;
	for (unsigned int i = 0; i < BENCH_N; i++) {
		uint64_t a = ticks();

		share += ticks() - a;
	}
	(void)t0;
	report("timer_pair", share);
	return ok;
}

void smoke_bench(void)
{
	uint64_t r[8], freq;
	int ok;

	__asm__ volatile("mrs %0, cntfrq_el0" : "=r"(freq));
	smoke_puts("ffa-stack: fwbench cntfrq=");
	smoke_putu(freq);
	smoke_puts("\n");
	call(r, FFA_VERSION, FFA_VERSION_1_2, 0, 0);
	ok = r[0] == FFA_VERSION_1_2;
	call(r, FFA_RXTX_MAP_64, (uint64_t)(uintptr_t)tx, (uint64_t)(uintptr_t)rx, 1);
	ok &= r[0] == FFA_SUCCESS_32;
	ok &= loop("null", SMCCC_VERSION, 0, 0, SMCCC_VERSION_1_2);
	ok &= loop("version", FFA_VERSION, FFA_VERSION_1_2, 0, FFA_VERSION_1_2);
	ok &= loop("direct_req_echo", FFA_MSG_SEND_DIRECT_REQ_64, TEST_SP_ID, TEST_SP_CMD_ECHO,
		   FFA_MSG_SEND_DIRECT_RESP_64);
	ok &= share_reclaim();
	smoke_puts(ok ? "ffa-stack: fwbench done ok\n" : "ffa-stack: fwbench done FAILED\n");
}
