// SPDX-License-Identifier: MIT
/*
 * Spinlocks on load-acquire/store-release exclusives.
 *
 * The locks live in secure RAM, which the EL3 tables map Normal Inner
 * Shareable write-back (memmap.c) on every CPU that can take one: exclusives
 * are architecturally defined there (on Device memory, as before
 * translation is on, they would be IMPLEMENTATION DEFINED). No lock is
 * taken before mmu_boot() or by a parked CPU.
 * Compiler atomics are not used: with -mgeneral-regs-only and no libgcc
 * they would become calls to out-of-line helpers.
 */
#include "fw/qemu-virt/fw.h"

void fw_lock_take(struct fw_lock *l)
{
	uint32_t busy;

	__asm__ volatile(
		"	sevl\n"
		"1:	wfe\n"
		"2:	ldaxr	%w0, [%1]\n"
		"	cbnz	%w0, 1b\n"
		"	stxr	%w0, %w2, [%1]\n"
		"	cbnz	%w0, 2b\n"
		: "=&r"(busy)
		: "r"(&l->v), "r"(1u)
		: "memory");
}

void fw_lock_give(struct fw_lock *l)
{
	/* The release store also clears waiters' monitors, which wakes their
	 * wfe. */
	__asm__ volatile("stlr	wzr, [%0]" : : "r"(&l->v) : "memory");
}
