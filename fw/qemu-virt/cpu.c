// SPDX-License-Identifier: MIT
/*
 * Per-CPU EL3 configuration, derived from the ID registers on each CPU.
 * Every enable bit set here is for a feature the CPU reports: on a CPU
 * without it the bit is RES0, and on one with it, leaving it clear would
 * make the normal world's first access to the feature trap to EL3, where
 * it would be reported as an unexpected exception.
 */
#include "fw/qemu-virt/fw.h"
#include "fw/qemu-virt/sysreg.h"

/* SCR_EL3 bits. */
#define SCR_NS (1ull << 0)
#define SCR_RES1 (3ull << 4)
#define SCR_HCE (1ull << 8)
#define SCR_RW (1ull << 10)
#define SCR_APK (1ull << 16)
#define SCR_API (1ull << 17)
#define SCR_ENSCXT (1ull << 25)
#define SCR_ATA (1ull << 26)
#define SCR_FGTEN (1ull << 27)
#define SCR_ECVEN (1ull << 28)
#define SCR_HXEN (1ull << 38)
#define SCR_GCSEN (1ull << 39)
#define SCR_ENTP2 (1ull << 41)
#define SCR_ENFPM (1ull << 42)
#define SCR_TCR2EN (1ull << 43)
#define SCR_SCTLR2EN (1ull << 44)
#define SCR_PIEN (1ull << 45)
#define SCR_AIEN (1ull << 46)
#define SCR_FGTEN2 (1ull << 59)

#define CPTR_EZ (1ull << 8)
#define CPTR_ESM (1ull << 12)

#define MDCR_NSPB_NS (3ull << 12)     /* SPE buffer owned by, and open to, NS */
#define MDCR_NSTB_NS (3ull << 24)     /* trace buffer likewise */
#define MDCR_SBRBE_NS (3ull << 32)    /* branch record buffer likewise */

#define ZCR_LEN_MAX 0xFull             /* let EL2 choose any vector length */
#define SMCR_LEN_MAX 0xFull
#define SMCR_FA64 (1ull << 31)
#define SMCR_EZT0 (1ull << 30)
#define ICC_SRE_ALL 0xFull             /* SRE, DFB, DIB, Enable (lower ELs may use it) */

struct id_regs {
	uint64_t pfr0, pfr1, pfr2, dfr0, isar1, isar2, mmfr0, mmfr1, mmfr3, smfr0;
};

static void read_ids(struct id_regs *id)
{
	id->pfr0 = rd(ID_AA64PFR0_EL1);
	id->pfr1 = rd(ID_AA64PFR1_EL1);
	id->pfr2 = rd(ID_AA64PFR2_EL1);
	id->dfr0 = rd(ID_AA64DFR0_EL1);
	id->isar1 = rd(ID_AA64ISAR1_EL1);
	id->isar2 = rd(ID_AA64ISAR2_EL1);
	id->mmfr0 = rd(ID_AA64MMFR0_EL1);
	id->mmfr1 = rd(ID_AA64MMFR1_EL1);
	id->mmfr3 = rd(ID_AA64MMFR3_EL1);
	id->smfr0 = id_field(id->pfr1, 24) ? rd(ID_AA64SMFR0_EL1) : 0;
}

static bool has_pauth(const struct id_regs *id)
{
	/* APA, API, GPA, GPI in ISAR1; GPA3, APA3 in ISAR2. */
	return id_field(id->isar1, 4) || id_field(id->isar1, 8) || id_field(id->isar1, 24) ||
	       id_field(id->isar1, 28) || id_field(id->isar2, 8) || id_field(id->isar2, 12);
}

static uint64_t scr_value(const struct id_regs *id)
{
	uint64_t scr = SCR_NS | SCR_RES1 | SCR_HCE | SCR_RW;
	unsigned int csv2 = id_field(id->pfr0, 56), fgt = id_field(id->mmfr0, 56);

	if (has_pauth(id))
		scr |= SCR_APK | SCR_API;
	/* SCXTNUM_ELx exist from CSV2 2 (or CSV2 1 with CSV2_frac 2). */
	if (csv2 >= 2 || (csv2 == 1 && id_field(id->pfr1, 32) >= 2))
		scr |= SCR_ENSCXT;
	if (id_field(id->pfr1, 8) >= 2)              /* MTE2: tag accesses */
		scr |= SCR_ATA;
	if (fgt)
		scr |= SCR_FGTEN;
	if (fgt >= 2)
		scr |= SCR_FGTEN2;
	if (id_field(id->mmfr0, 60) >= 2)            /* ECV with CNTPOFF_EL2 */
		scr |= SCR_ECVEN;
	if (id_field(id->mmfr1, 40))                 /* HCX: Linux writes HCRX_EL2 */
		scr |= SCR_HXEN;
	if (id_field(id->pfr1, 44))                  /* GCS */
		scr |= SCR_GCSEN;
	if (id_field(id->pfr1, 24))                  /* SME: TPIDR2_EL0 */
		scr |= SCR_ENTP2;
	if (id_field(id->pfr2, 32))                  /* FPMR */
		scr |= SCR_ENFPM;
	if (id_field(id->mmfr3, 0))
		scr |= SCR_TCR2EN;
	if (id_field(id->mmfr3, 4))
		scr |= SCR_SCTLR2EN;
	if (id_field(id->mmfr3, 8) || id_field(id->mmfr3, 12))   /* S1PIE, S2PIE */
		scr |= SCR_PIEN;
	if (id_field(id->mmfr3, 24))                 /* AIE */
		scr |= SCR_AIEN;
	return scr;
}

static uint64_t mdcr_value(const struct id_regs *id)
{
	uint64_t mdcr = 0;

	if (id_field(id->dfr0, 32))                  /* PMSVer: SPE */
		mdcr |= MDCR_NSPB_NS;
	if (id_field(id->dfr0, 44))                  /* TraceBuffer: TRBE */
		mdcr |= MDCR_NSTB_NS;
	if (id_field(id->dfr0, 52))                  /* BRBE */
		mdcr |= MDCR_SBRBE_NS;
	return mdcr;
}

static void check_bootable(const struct id_regs *id)
{
	if (!id_field(id->pfr0, 8))
		fw_fatal("this CPU has no EL2: run QEMU with -machine virt,virtualization=on");
	if (!id_field(id->pfr0, 24))
		fw_fatal("no GICv3 CPU interface: run QEMU with -machine virt,gic-version=3");
}

void cpu_el3_setup(struct cpu_setup *out)
{
	struct id_regs id;
	bool sve, sme;

	read_ids(&id);
	check_bootable(&id);
	sve = id_field(id.pfr0, 32) != 0;
	sme = id_field(id.pfr1, 24) != 0;
	out->scr = scr_value(&id);
	out->cptr = (sve ? CPTR_EZ : 0) | (sme ? CPTR_ESM : 0);
	out->mdcr = mdcr_value(&id);
	write_sysreg(scr_el3, out->scr);
	write_sysreg(cptr_el3, out->cptr);
	write_sysreg(mdcr_el3, out->mdcr);
	isb();
	/* Linux's EL2 entry programs SVE/SME lengths even when it does not use
	 * them: the EL3 limits must allow the maximum. */
	if (sve)
		wr(ZCR_EL3, ZCR_LEN_MAX);
	if (sme)
		wr(SMCR_EL3, SMCR_LEN_MAX | ((id.smfr0 >> 63) ? SMCR_FA64 : 0) |
				     (id_field(id.pfr1, 24) >= 2 ? SMCR_EZT0 : 0));
	if (id_field(id.pfr0, 40))                   /* MPAM: don't trap EL2's use */
		wr(MPAM3_EL3, 0);
	write_sysreg(cntvoff_el2, 0);
	wr(ICC_SRE_EL3, ICC_SRE_ALL);
	isb();
}

uint64_t cpu_mpidr_aff(void)
{
	return read_sysreg(mpidr_el1) & 0xFF00FFFFFFull;
}

unsigned int cpu_index(void)
{
	/* entry.S only lets CPUs with Aff0 < PLAT_MAX_CPUS and no other
	 * affinity past reset. */
	return (unsigned int)(read_sysreg(mpidr_el1) & 0xFFu);
}
