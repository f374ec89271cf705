/* SPDX-License-Identifier: MIT */
/*
 * A tiny arm64 "kernel" for testing the firmware without Linux: an Image
 * header (so the firmware's loader accepts it), entry points for the boot
 * CPU and for CPUs started with PSCI CPU_ON, and an SMC helper.
 */
	.section .text.head, "ax"
	.global _head
_head:
	b	_start			/* code0 */
	.word	0			/* code1 */
	.quad	0			/* text_offset */
	.quad	_end - _head		/* image_size */
	.quad	0xA			/* flags: LE, 4 KiB pages */
	.quad	0, 0, 0
	.ascii	"ARM\x64"
	.word	0

_start:
	adrp	x1, stack0_top
	add	x1, x1, :lo12:stack0_top
	mov	sp, x1
	bl	smoke_main
1:	wfi
	b	1b

/* PSCI CPU_ON entry: x0 = context. */
	.global smoke_secondary_entry
smoke_secondary_entry:
	adrp	x1, stack1_top
	add	x1, x1, :lo12:stack1_top
	mov	sp, x1
	bl	smoke_secondary
2:	wfi
	b	2b

/* smoke_smc(uint64_t r[8]): x0-x7 in from r, out to r. */
	.global smoke_smc
smoke_smc:
	mov	x8, x0
	ldp	x0, x1, [x8, #0]
	ldp	x2, x3, [x8, #16]
	ldp	x4, x5, [x8, #32]
	ldp	x6, x7, [x8, #48]
	str	x8, [sp, #-16]!
	smc	#0
	ldr	x8, [sp], #16
	stp	x0, x1, [x8, #0]
	stp	x2, x3, [x8, #16]
	stp	x4, x5, [x8, #32]
	stp	x6, x7, [x8, #48]
	ret

	.data
	.balign 16
	.space	4096
stack0_top:
	.space	4096
stack1_top:
