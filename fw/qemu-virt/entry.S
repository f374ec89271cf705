/* SPDX-License-Identifier: MIT */
/*
 * Reset, holding pens, the EL3 vector table and the world switch.
 *
 * Every CPU starts here at EL3 untranslated, executing from flash. The
 * primary (all affinity fields zero) copies text, rodata and data to secure
 * RAM, zeroes .bss and continues there; the others wait until it has, then
 * continue there too: nothing but this stub ever executes from flash, which
 * also holds the variable store and stops answering instructions while it
 * is programmed. In secure RAM the primary turns the MMU on (mmu.c) before
 * any C touches the normal world's memory; the others clear their pen slot
 * (secure RAM survives a warm reset, so a stale entry address must never be
 * trusted), wait for PSCI CPU_ON untranslated, and turn translation on with the
 * primary's tables once released.
 */
#include "fw/qemu-virt/platform.h"

/* RES1 bits, SA (stack alignment check) and I (instruction cache). */
#define SCTLR_EL3_INIT 0x30C51838
#define SCTLR_M (1 << 0)
#define SCTLR_C (1 << 2)
#define MPIDR_AFF_MASK 0xFF00FFFFFF
#define STACK_SHIFT 15
#define PEN_SHIFT 6
#define FRAME_SIZE 256
#define IMAGE_READY 0x52414d21	/* "RAM!": the primary's copy is complete */
#define ID_AA64MMFR2_EL1_ENC S3_0_C0_C7_2

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
	ldr	x0, =SCTLR_EL3_INIT
	msr	sctlr_el3, x0
	isb
	mrs	x0, mpidr_el1
	ldr	x1, =MPIDR_AFF_MASK
	and	x0, x0, x1
	cbz	x0, boot_primary
	/*
	 * A warm reset finds the flag and the code of the previous boot in
	 * secure RAM: the same image, which the primary rewrites with the same
	 * bytes, so going there early is harmless.
	 */
	ldr	x2, =fw_image_ready
	ldr	w3, =IMAGE_READY
1:	ldr	w1, [x2]
	cmp	w1, w3
	b.eq	2f
	wfe
	b	1b
2:	ldr	x2, =secondary_ram
	br	x2

boot_primary:
	ldr	x0, =__text_start
	ldr	x1, =__data_end
	ldr	x2, =__image_load
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
	ic	iallu
	dsb	sy
	isb
	ldr	x0, =fw_image_ready
	ldr	w1, =IMAGE_READY
	str	w1, [x0]
	dsb	sy
	sev
	ldr	x0, =primary_ram
	br	x0
	.ltorg
	/* Tells tools/qemu-boot.sh a flash file holds this firmware's layout
	 * (image at 0, variable store at PLAT_VARSTORE_BASE). */
	.org	0x400
	.ascii	"ffa-stack EL3 image, store at 0x400000\0"

	.text
primary_ram:
	adrp	x0, el3_vectors
	add	x0, x0, :lo12:el3_vectors
	msr	vbar_el3, x0
	isb
	mov	x1, #0
	stack_top x0, x1
	mov	sp, x0
	bl	fw_primary_main
	b	park_forever

secondary_ram:
	adrp	x0, el3_vectors
	add	x0, x0, :lo12:el3_vectors
	msr	vbar_el3, x0
	isb
	mrs	x0, mpidr_el1
	ldr	x1, =MPIDR_AFF_MASK
	and	x0, x0, x1
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

/*
 * fw_pen_wait(idx): PSCI CPU_OFF. This CPU's caches are turned off and
 * cleaned (a powered-down core loses them), then it waits untranslated
 * like a CPU that never ran; the pen line is cleaned to the point of
 * coherency by the releasing CPU (plat.c).
 */
	.global fw_pen_wait
fw_pen_wait:
	mov	x19, x0
	mrs	x0, sctlr_el3
	mov	x1, #(SCTLR_M | SCTLR_C)
	bic	x0, x0, x1
	msr	sctlr_el3, x0
	isb
	bl	dcache_cisw_louis
	mov	x0, x19
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
	adrp	x0, fw_mmu_regs
	add	x0, x0, :lo12:fw_mmu_regs
	bl	fw_mmu_on
	mov	x0, x19
	bl	fw_secondary_main
park_forever:
	wfi
	b	park_forever

/*
 * fw_mmu_on(regs): MAIR, TCR, TTBR0, then SCTLR_EL3 from struct mmu_regs
 * (mmu.c); no stack, no memory access but regs, so it runs before C.
 */
	.global fw_mmu_on
fw_mmu_on:
	ldp	x1, x2, [x0]
	msr	mair_el3, x1
	msr	tcr_el3, x2
	ldp	x1, x2, [x0, #16]
	msr	ttbr0_el3, x1
	dsb	sy
	tlbi	alle3
	dsb	sy
	isb
	msr	sctlr_el3, x2
	isb
	ret

/*
 * Clean and invalidate this CPU's data caches by set/way, levels 1 up to
 * the Level of Unification Inner Shareable (CLIDR_EL1.LoUIS): the levels a
 * core takes down with it. Uses x0-x12 only, no stack, no memory.
 */
dcache_cisw_louis:
	mrs	x0, clidr_el1
	ubfx	x3, x0, #21, #3		/* LoUIS */
	lsl	x3, x3, #1		/* compared with level << 1 */
	mrs	x12, ID_AA64MMFR2_EL1_ENC
	ubfx	x12, x12, #20, #4	/* CCIDX: 64-bit CCSIDR format */
	mov	x10, #0			/* level << 1, as CSSELR and DC CISW want */
6:	cmp	x10, x3
	b.hs	10f
	add	x2, x10, x10, lsr #1	/* 3 * level */
	lsr	x1, x0, x2
	and	x1, x1, #7		/* cache type at this level */
	cmp	x1, #2
	b.lo	9f			/* no data or unified cache */
	msr	csselr_el1, x10
	isb
	mrs	x1, ccsidr_el1
	and	x2, x1, #7
	add	x2, x2, #4		/* log2(line bytes) */
	cbz	x12, 61f
	ubfx	x4, x1, #3, #21		/* ways - 1 */
	ubfx	x7, x1, #32, #24	/* sets - 1 */
	b	62f
61:	ubfx	x4, x1, #3, #10
	ubfx	x7, x1, #13, #15
62:	clz	w5, w4			/* way field position: 32 - log2(ways) */
	cbnz	x4, 7f
	mov	x5, #0			/* one way: no way field */
7:	mov	x9, x7			/* for each way x4 ... */
8:	lsl	x6, x4, x5
	orr	x11, x10, x6
	lsl	x6, x9, x2
	orr	x11, x11, x6
	dc	cisw, x11		/* ... and each set x9 */
	subs	x9, x9, #1
	b.ge	8b
	subs	x4, x4, #1
	b.ge	7b
9:	add	x10, x10, #2
	b	6b
10:	mov	x10, #0
	msr	csselr_el1, x10
	dsb	sy
	isb
	ret

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
