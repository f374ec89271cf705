// SPDX-License-Identifier: MIT
/*
 * Firmware smoke test, run as the "kernel" at EL2: the SMC services seen
 * from the normal world, and the PSCI life cycle of a secondary CPU that
 * Linux never exercises at boot (CPU_ON, CPU_OFF back into the firmware's
 * pen, CPU_ON again). It then asks for SYSTEM_RESET once (leaving a mark in
 * RAM, which survives QEMU's reset) and on the second boot for SYSTEM_OFF,
 * so one QEMU run also checks a warm reset with stale firmware state.
 *
 * Output on UART0: "smoke: ..." lines, each round ending with
 * "smoke: N passed, M failed". The smoke kernel runs with its own MMU off: all its accesses are Device memory.
 */
#include <stdint.h>

#include "ffa/abi.h"
#include "fw/common/psci.h"
#include "fw/common/smccc.h"
#include "fw/qemu-virt/platform.h"

#define UART_DR 0x00
#define UART_FR 0x18
#define WARM_MARK_PA 0x41000000ul
#define WARM_MARK 0x5741524D5245u        /* "WARMRE" */

void smoke_main(uint64_t dtb);
void smoke_secondary(uint64_t ctx);
void smoke_smc(uint64_t r[8]);
/* For bench/fw_bench.c, linked into the benchmark build of this image. */
void smoke_puts(const char *s);
void smoke_putu(uint64_t v);
void smoke_bench(void);
extern char smoke_secondary_entry[];

static volatile uint64_t cpu1_seen;     /* context the secondary last saw */
static volatile uint32_t cpu1_go_off;
static unsigned int passed, failed;

static void putc_(char c)
{
	while (*(volatile uint32_t *)(PLAT_UART0_BASE + UART_FR) & (1u << 5))
		;
	*(volatile uint32_t *)(PLAT_UART0_BASE + UART_DR) = (uint8_t)c;
}

static void puts_(const char *s)
{
	for (; *s; s++) {
		if (*s == '\n')
			putc_('\r');
		putc_(*s);
	}
}

static void putu(uint64_t v)
{
	char b[24];
	int n = 0;

	do {
		b[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	while (n)
		putc_(b[--n]);
}

void smoke_puts(const char *s)
{
	puts_(s);
}

void smoke_putu(uint64_t v)
{
	putu(v);
}

static void check(const char *what, int ok)
{
	puts_(ok ? "smoke: ok   " : "smoke: FAIL ");
	puts_(what);
	puts_("\n");
	if (ok)
		passed++;
	else
		failed++;
}

static uint64_t smc4(uint64_t x0, uint64_t x1, uint64_t x2, uint64_t x3)
{
	uint64_t r[8] = { x0, x1, x2, x3, 0, 0, 0, 0 };

	smoke_smc(r);
	return r[0];
}

/*
 * How long another CPU gets to do what was asked, in the generic timer's
 * time (host time under TCG), not in loop iterations: on a loaded host a
 * vCPU thread can go unscheduled for longer than any fixed spin count.
 */
#define WAIT_SECONDS 10u

static uint64_t counter_now(void)
{
	uint64_t v;

	__asm__ volatile("isb\n\tmrs %0, cntpct_el0" : "=r"(v));
	return v;
}

static uint64_t counter_deadline(void)
{
	uint64_t freq;

	__asm__ volatile("mrs %0, cntfrq_el0" : "=r"(freq));
	return counter_now() + freq * WAIT_SECONDS;
}

static int wait_for(volatile uint64_t *v, uint64_t want)
{
	uint64_t end = counter_deadline();

	while (counter_now() < end)
		if (*v == want)
			return 1;
	return *v == want;
}

static int wait_affinity(uint64_t mpidr, uint64_t want)
{
	uint64_t end = counter_deadline();

	while (counter_now() < end)
		if (smc4(PSCI_AFFINITY_INFO_64, mpidr, 0, 0) == want)
			return 1;
	return 0;
}

static void services(void)
{
	uint64_t r[8] = { FFA_ID_GET, 0, 0, 0, 0, 0, 0, 0 };
	uint64_t el;

	__asm__ volatile("mrs %0, CurrentEL" : "=r"(el));
	check("entered at EL2", (el >> 2) == 2);
	check("SMCCC_VERSION 1.2", smc4(SMCCC_VERSION, 0, 0, 0) == 0x10002);
	check("PSCI_VERSION 1.1", smc4(PSCI_VERSION, 0, 0, 0) == 0x10001);
	check("unknown SMC is 64-bit -1", smc4(0xC2001234, 0, 0, 0) == ~0ull);
	check("FFA_VERSION 1.2", smc4(FFA_VERSION, FFA_VERSION_1_2, 0, 0) == FFA_VERSION_1_2);
	smoke_smc(r);
	check("FFA_ID_GET is 0", r[0] == FFA_SUCCESS_32 && r[2] == 0);
}

static void cpu_life_cycle(void)
{
	uint64_t entry = (uint64_t)(uintptr_t)smoke_secondary_entry;
	int64_t ret;

	cpu1_seen = 0;
	cpu1_go_off = 0;
	check("CPU_ON cpu1", smc4(PSCI_CPU_ON_64, 1, entry, 0x5EC0) == 0);
	ret = (int64_t)smc4(PSCI_CPU_ON_64, 1, entry, 0x5EC0);
	check("CPU_ON cpu1 again: ON_PENDING or ALREADY_ON",
	      ret == PSCI_RET_ON_PENDING || ret == PSCI_RET_ALREADY_ON);
	check("cpu1 runs with x0 = context", wait_for(&cpu1_seen, 0x5EC0));
	check("AFFINITY_INFO cpu1 ON", wait_affinity(1, PSCI_AFF_ON));
	cpu1_go_off = 1;
	check("cpu1 CPU_OFF: AFFINITY_INFO OFF", wait_affinity(1, PSCI_AFF_OFF));
	check("CPU_ON cpu1 after CPU_OFF", smc4(PSCI_CPU_ON_64, 1, entry, 0x5EC1) == 0);
	check("cpu1 back from the pen", wait_for(&cpu1_seen, 0x5EC1));
	check("CPU_ON unknown MPIDR", (int64_t)smc4(PSCI_CPU_ON_64, 0x77, entry, 0) ==
					PSCI_RET_INVALID_PARAMETERS);
	check("CPU_ON into secure RAM", (int64_t)smc4(PSCI_CPU_ON_64, 2, PLAT_SECRAM_BASE, 0) ==
					  PSCI_RET_INVALID_ADDRESS);
	check("AFFINITY_INFO cpu0 ON", smc4(PSCI_AFFINITY_INFO_64, 0, 0, 0) == PSCI_AFF_ON);
}

void smoke_main(uint64_t dtb)
{
	volatile uint64_t *mark = (volatile uint64_t *)WARM_MARK_PA;
	int warm = *mark == WARM_MARK;

	check("x0 is the DTB", dtb == PLAT_DTB_BASE);
#ifdef SMOKE_BENCH
	/* The benchmark build (bench/run-fw.sh): figures, then power off. */
	(void)warm;
	smoke_bench();
	smc4(PSCI_SYSTEM_OFF, 0, 0, 0);
#endif
	puts_(warm ? "smoke: warm boot\n" : "smoke: cold boot\n");
	services();
	cpu_life_cycle();
	puts_("smoke: ");
	putu(passed);
	puts_(" passed, ");
	putu(failed);
	puts_(" failed\n");
	if (warm) {
		*mark = 0;
		smc4(PSCI_SYSTEM_OFF, 0, 0, 0);
	} else {
		*mark = WARM_MARK;
		smc4(PSCI_SYSTEM_RESET, 0, 0, 0);
	}
	puts_("smoke: FAIL the power request returned\n");
}

void smoke_secondary(uint64_t ctx)
{
	cpu1_seen = ctx;
	if (ctx != 0x5EC0)
		return;         /* parks in wfi until the system goes off */
	while (!cpu1_go_off)
		;
	smc4(PSCI_CPU_OFF, 0, 0, 0);
	puts_("smoke: FAIL CPU_OFF returned\n");
}
