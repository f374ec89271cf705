/* SPDX-License-Identifier: MIT */
/*
 * Interfaces between the QEMU virt firmware's own files (not shared with
 * anything else).
 */
#ifndef FW_QEMU_VIRT_FW_H
#define FW_QEMU_VIRT_FW_H

#include <stdbool.h>
#include <stdint.h>

#include "ffa/regs.h"
#include "fw/qemu-virt/platform.h"

/* The lower-EL register frame the SMC vector saves (entry.S): x0-x30. */
struct el3_frame {
	struct ffa_regs smccc;    /* x0-x17: SMCCC 1.2 arguments and results */
	uint64_t x18_x30[13];     /* preserved: restored as saved */
	uint64_t pad;             /* keeps sp 16-byte aligned */
};
_Static_assert(sizeof(struct el3_frame) == 256, "entry.S assumes a 256-byte frame");

/* A released CPU finds its entry point and context here (entry.S polls
 * `entry`; zero means "stay"). One cache line per CPU. */
struct fw_pen {
	volatile uint64_t entry;
	volatile uint64_t context;
	uint64_t pad[6];
};
_Static_assert(sizeof(struct fw_pen) == PLAT_PEN_SIZE, "entry.S indexes pens by size");

extern struct fw_pen fw_pens[PLAT_MAX_CPUS];
extern uint8_t fw_stacks[PLAT_MAX_CPUS][PLAT_STACK_SIZE];

/* entry.S */
__attribute__((noreturn)) void fw_enter_ns(uint64_t entry, uint64_t x0, uint64_t spsr,
					   uint64_t sp);
__attribute__((noreturn)) void fw_pen_wait(unsigned int idx);

/* main.c: called from entry.S */
__attribute__((noreturn)) void fw_primary_main(void);
__attribute__((noreturn)) void fw_secondary_main(unsigned int idx);
void fw_lower_sync(struct el3_frame *f);
__attribute__((noreturn)) void fw_unexpected(uint64_t kind);

/* console.c: "fw: " lines on UART0, runtime log on the secure UART. */
void console_init(void);
void fw_print(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void fw_slog(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Both consoles, no lock taken (the lock holder may be the one that died). */
void fw_print_unlocked(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* power.c */
__attribute__((noreturn)) void plat_power_off(void);
__attribute__((noreturn)) void plat_reset(void);
/* Print "fw: <message>" and power off: for errors a user can fix. */
__attribute__((noreturn)) void fw_fatal(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

/* lock.c: spinlocks on exclusives (see the caveat there). */
struct fw_lock {
	volatile uint32_t v;
};
void fw_lock_take(struct fw_lock *l);
void fw_lock_give(struct fw_lock *l);

/* cpu.c: per-CPU EL3 state derived from the ID registers. */
struct cpu_setup {
	uint64_t scr;
	uint64_t cptr;
	uint64_t mdcr;
};
/* Fatal (message + power off) when the CPU cannot run Linux at EL2. */
void cpu_el3_setup(struct cpu_setup *out);
unsigned int cpu_index(void);
uint64_t cpu_mpidr_aff(void);

/* gic.c */
void gic_dist_init(void);
/* 0, or -1 when no redistributor matches this CPU. */
int gic_rdist_init(uint64_t mpidr_aff);
/* Pend Non-secure Group 1 SGI `intid` on the calling CPU. */
void gic_raise_ns_sgi_self(uint32_t intid);

#endif /* FW_QEMU_VIRT_FW_H */
