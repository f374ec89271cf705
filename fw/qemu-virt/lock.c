// SPDX-License-Identifier: MIT
/*
 * Spinlocks on load-acquire/store-release exclusives.
 *
 * Caveat: the firmware runs with the EL3 MMU off, so every access,
 * including these, is to Device-nGnRnE memory. Whether exclusives work on
 * Device memory is IMPLEMENTATION DEFINED in the architecture (the global
 * monitor need not support it); QEMU's TCG implements them on any memory,
 * which is all this firmware targets. On hardware, turn on the EL3 MMU with
 * secure RAM as Normal Inner Shareable memory before relying on these.
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
