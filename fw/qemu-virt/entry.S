/* SPDX-License-Identifier: MIT */
/*
 * Reset, holding pens, the EL3 vector table and the world switch.
 *
 * Every CPU starts here at EL3 with the MMU off, executing from flash. The
 * primary (all affinity fields zero) initialises secure RAM (.data copied
 * from flash, .bss zeroed) and runs the boot in C. The others clear their
 * pen slot (secure RAM survives a warm reset, so a stale entry address must
 * never be trusted) and wait for PSCI CPU_ON to write one.
 */
#include "fw/qemu-virt/platform.h"

/* RES1 bits, SA (stack alignment check) and I (instruction cache). */
#define SCTLR_EL3_INIT 0x30C51838
#define MPIDR_AFF_MASK 0xFF00FFFFFF
#define STACK_SHIFT 15
#define PEN_SHIFT 6
#define FRAME_SIZE 256

#if (1 << STACK_SHIFT) != PLAT_STACK_SIZE || (1 << PEN_SHIFT) != PLAT_PEN_SIZE
#error "entry.S shifts disagree with platform.h"
#endif

/* \dst = top of CPU \idx's stack (\idx is clobbered). */
.macro stack_top dst, idx
	add	\idx, \idx, #1
	adrp	\dst, fw_stacks
	add	\dst, \dst, :lo12:fw_stacks
	add	\dst, \dst, \idx, lsl #STACK_SHIFT
.endm

	.section .text.boot, "ax"
	.global _start
_start:
	adrp	x0, el3_vectors
	add	x0, x0, :lo12:el3_vectors
	msr	vbar_el3, x0
	ldr	x0, =SCTLR_EL3_INIT
	msr	sctlr_el3, x0
	isb
	mrs	x0, mpidr_el1
	ldr	x1, =MPIDR_AFF_MASK
	and	x0, x0, x1
	cbz	x0, primary
	/* Only Aff0 may be set, and it must index a pen; else stay parked. */
	and	x1, x0, #0xFF
	cmp	x0, x1
	b.ne	park_forever
	cmp	x1, #PLAT_MAX_CPUS
	b.hs	park_forever
	adrp	x2, fw_pens
	add	x2, x2, :lo12:fw_pens
	add	x2, x2, x1, lsl #PEN_SHIFT
	str	xzr, [x2]
	dsb	sy
	mov	x0, x1
	b	pen_loop

primary:
	ldr	x0, =__data_start
	ldr	x1, =__data_end
	ldr	x2, =__data_load
1:	cmp	x0, x1
	b.hs	2f
	ldr	x3, [x2], #8
	str	x3, [x0], #8
	b	1b
2:	ldr	x0, =__bss_start
	ldr	x1, =__bss_end
3:	cmp	x0, x1
	b.hs	4f
	stp	xzr, xzr, [x0], #16
	b	3b
4:	dsb	sy
	mov	x1, #0
	stack_top x0, x1
	mov	sp, x0
	bl	fw_primary_main
	b	park_forever

/* fw_pen_wait(idx): fresh stack, wait until PSCI CPU_ON fills our pen. */
	.text
	.global fw_pen_wait
fw_pen_wait:
pen_loop:
	mov	x19, x0
	adrp	x20, fw_pens
	add	x20, x20, :lo12:fw_pens
	add	x20, x20, x19, lsl #PEN_SHIFT
	mov	x1, x19
	stack_top x0, x1
	mov	sp, x0
5:	wfe
	ldr	x1, [x20]
	cbz	x1, 5b
	mov	x0, x19
	bl	fw_secondary_main
park_forever:
	wfi
	b	park_forever

/*
 * fw_enter_ns(entry, x0, spsr, sp): drop to the normal world. SP_EL3 is
 * reset to the top of this CPU's stack, where every later SMC starts, and
 * every general register but x0 is zeroed (x1-x3 must be 0 for Linux).
 */
	.global fw_enter_ns
fw_enter_ns:
	msr	elr_el3, x0
	msr	spsr_el3, x2
	mov	sp, x3
	mov	x0, x1
	mov	x1, #0
	mov	x2, #0
	mov	x3, #0
	mov	x4, #0
	mov	x5, #0
	mov	x6, #0
	mov	x7, #0
	mov	x8, #0
	mov	x9, #0
	mov	x10, #0
	mov	x11, #0
	mov	x12, #0
	mov	x13, #0
	mov	x14, #0
	mov	x15, #0
	mov	x16, #0
	mov	x17, #0
	mov	x18, #0
	mov	x19, #0
	mov	x20, #0
	mov	x21, #0
	mov	x22, #0
	mov	x23, #0
	mov	x24, #0
	mov	x25, #0
	mov	x26, #0
	mov	x27, #0
	mov	x28, #0
	mov	x29, #0
	mov	x30, #0
	isb
	eret

/*
 * A lower-EL synchronous exception (an SMC, or a trap we did not expect):
 * save x0-x30 on this CPU's EL3 stack, let C handle it, restore, return.
 * x0-x17 come back as the handler left them (SMCCC 1.2 results), x18-x30
 * exactly as saved.
 */
lower_sync:
	sub	sp, sp, #FRAME_SIZE
	stp	x0, x1, [sp, #0]
	stp	x2, x3, [sp, #16]
	stp	x4, x5, [sp, #32]
	stp	x6, x7, [sp, #48]
	stp	x8, x9, [sp, #64]
	stp	x10, x11, [sp, #80]
	stp	x12, x13, [sp, #96]
	stp	x14, x15, [sp, #112]
	stp	x16, x17, [sp, #128]
	stp	x18, x19, [sp, #144]
	stp	x20, x21, [sp, #160]
	stp	x22, x23, [sp, #176]
	stp	x24, x25, [sp, #192]
	stp	x26, x27, [sp, #208]
	stp	x28, x29, [sp, #224]
	str	x30, [sp, #240]
	mov	x0, sp
	bl	fw_lower_sync
	ldp	x0, x1, [sp, #0]
	ldp	x2, x3, [sp, #16]
	ldp	x4, x5, [sp, #32]
	ldp	x6, x7, [sp, #48]
	ldp	x8, x9, [sp, #64]
	ldp	x10, x11, [sp, #80]
	ldp	x12, x13, [sp, #96]
	ldp	x14, x15, [sp, #112]
	ldp	x16, x17, [sp, #128]
	ldp	x18, x19, [sp, #144]
	ldp	x20, x21, [sp, #160]
	ldp	x22, x23, [sp, #176]
	ldp	x24, x25, [sp, #192]
	ldp	x26, x27, [sp, #208]
	ldp	x28, x29, [sp, #224]
	ldr	x30, [sp, #240]
	add	sp, sp, #FRAME_SIZE
	eret

/* Anything else: report on a fresh stack (the old one may be the cause). */
unexpected:
	mrs	x1, mpidr_el1
	and	x1, x1, #(PLAT_MAX_CPUS - 1)
	stack_top x2, x1
	mov	sp, x2
	bl	fw_unexpected
	b	park_forever

.macro vector_unexpected kind
	.balign 0x80
	mov	x0, #\kind
	b	unexpected
.endm

	.section .text.vectors, "ax"
	.balign 0x800
	.global el3_vectors
el3_vectors:
	vector_unexpected 0	/* current EL, SP_EL0: sync */
	vector_unexpected 1	/* IRQ */
	vector_unexpected 2	/* FIQ */
	vector_unexpected 3	/* SError */
	vector_unexpected 4	/* current EL, SP_EL3: sync */
	vector_unexpected 5
	vector_unexpected 6
	vector_unexpected 7
	.balign 0x80		/* lower EL, AArch64: sync (SMC) */
	b	lower_sync
	vector_unexpected 9	/* IRQ */
	vector_unexpected 10	/* FIQ */
	vector_unexpected 11	/* SError */
	vector_unexpected 12	/* lower EL, AArch32 */
	vector_unexpected 13
	vector_unexpected 14
	vector_unexpected 15
