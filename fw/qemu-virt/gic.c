// SPDX-License-Identifier: MIT
/*
 * GICv3 secure-side setup. With security enabled (GICD_CTLR.DS = 0) the
 * normal world can only configure Non-secure Group 1 interrupts, and every
 * interrupt resets to Group 0. So before Linux runs, EL3 hands all of them
 * over: SPIs in the distributor once, SGIs/PPIs in each CPU's
 * redistributor, which must also be woken. Without this Linux cannot take
 * IPIs and stalls bringing up secondary CPUs.
 */
#include "fw/qemu-virt/fw.h"
#include "fw/qemu-virt/sysreg.h"

#define GICD_CTLR 0x0000
#define GICD_TYPER 0x0004
#define GICD_IGROUPR 0x0080
#define GICD_ICENABLER 0x0180
#define GICD_IGRPMODR 0x0D00
#define GICD_CTLR_ENABLE_G1NS (1u << 1)
#define GICD_CTLR_ARE_S (1u << 4)
#define GICD_CTLR_ARE_NS (1u << 5)
#define GICD_CTLR_RWP (1u << 31)
#define GICD_TYPER_ITLINES 0x1Fu

#define GICR_TYPER 0x0008
#define GICR_WAKER 0x0014
#define GICR_TYPER_LAST (1u << 4)
#define GICR_WAKER_PROCESSOR_SLEEP (1u << 1)
#define GICR_WAKER_CHILDREN_ASLEEP (1u << 2)
#define GICR_SGI_OFFSET 0x10000
#define GICR_IGROUPR0 0x0080
#define GICR_IGRPMODR0 0x0D00

/* Bounded waits: a GIC that never settles is reported, not hung on. */
#define GIC_WAIT_LIMIT 10000000u

static void wait_rwp(void)
{
	for (uint32_t i = 0; i < GIC_WAIT_LIMIT; i++)
		if (!(mmio_read32(PLAT_GICD_BASE + GICD_CTLR) & GICD_CTLR_RWP))
			return;
	fw_fatal("GIC distributor never finished a register write (GICD_CTLR.RWP stuck)");
}

void gic_dist_init(void)
{
	uint32_t lines = mmio_read32(PLAT_GICD_BASE + GICD_TYPER) & GICD_TYPER_ITLINES;

	/* Affinity routing can only change while the groups are disabled. */
	mmio_write32(PLAT_GICD_BASE + GICD_CTLR, 0);
	wait_rwp();
	mmio_write32(PLAT_GICD_BASE + GICD_CTLR, GICD_CTLR_ARE_S | GICD_CTLR_ARE_NS);
	wait_rwp();
	/* Register 0 (SGIs/PPIs) is banked in the redistributors. */
	for (uint32_t n = 1; n <= lines; n++) {
		mmio_write32(PLAT_GICD_BASE + GICD_ICENABLER + 4u * n, ~0u);
		mmio_write32(PLAT_GICD_BASE + GICD_IGROUPR + 4u * n, ~0u);
		mmio_write32(PLAT_GICD_BASE + GICD_IGRPMODR + 4u * n, 0);
	}
	wait_rwp();
	mmio_write32(PLAT_GICD_BASE + GICD_CTLR,
		     GICD_CTLR_ARE_S | GICD_CTLR_ARE_NS | GICD_CTLR_ENABLE_G1NS);
	wait_rwp();
}

/* GICR_TYPER holds Aff3.Aff2.Aff1.Aff0 in bits 63:32. */
static uintptr_t find_rdist(uint64_t mpidr_aff)
{
	uint32_t want = (uint32_t)((mpidr_aff >> 32) & 0xFFu) << 24 | (uint32_t)(mpidr_aff & 0xFFFFFFu);

	/* Only PLAT_MAX_CPUS frames are mapped (memmap.c); CPUs beyond that are
	 * refused at boot anyway. */
	for (uint32_t i = 0; i < PLAT_MAX_CPUS; i++) {
		uintptr_t rd = PLAT_GICR_BASE + (uintptr_t)i * PLAT_GICR_STRIDE;
		uint64_t typer = mmio_read64(rd + GICR_TYPER);

		if ((uint32_t)(typer >> 32) == want)
			return rd;
		if (typer & GICR_TYPER_LAST)
			break;
	}
	return 0;
}

int gic_rdist_init(uint64_t mpidr_aff)
{
	uintptr_t rd = find_rdist(mpidr_aff), sgi;
	uint32_t i;

	if (!rd)
		return -1;
	mmio_write32(rd + GICR_WAKER,
		     mmio_read32(rd + GICR_WAKER) & ~GICR_WAKER_PROCESSOR_SLEEP);
	for (i = 0; i < GIC_WAIT_LIMIT; i++)
		if (!(mmio_read32(rd + GICR_WAKER) & GICR_WAKER_CHILDREN_ASLEEP))
			break;
	if (i == GIC_WAIT_LIMIT)
		return -1;
	sgi = rd + GICR_SGI_OFFSET;
	mmio_write32(sgi + GICR_IGROUPR0, ~0u);
	mmio_write32(sgi + GICR_IGRPMODR0, 0);
	return 0;
}

/*
 * ICC_SGI1R_EL1 raises Group 1 SGIs of the caller's own security state, and
 * EL3 is Secure: an SGI for the normal world goes through the "alternate"
 * register, ICC_ASGI1R_EL1, which raises Non-secure Group 1 ones from
 * Secure state. Fields: target list 15:0 (Aff0 within a group of 16), Aff1
 * 23:16, INTID 27:24, Aff2 39:32, RS 47:44 (the group of 16), Aff3 55:48.
 */
void gic_raise_ns_sgi_self(uint32_t intid)
{
	uint64_t aff = cpu_mpidr_aff(), aff0 = aff & 0xFFu;
	uint64_t v = (1ull << (aff0 & 0xFu)) | ((aff >> 8) & 0xFFu) << 16 |
		     (uint64_t)(intid & 0xFu) << 24 | ((aff >> 16) & 0xFFu) << 32 |
		     (aff0 >> 4) << 44 | ((aff >> 32) & 0xFFu) << 48;

	dsb_ish();
	wr(ICC_ASGI1R_EL1, v);
	isb();
}
