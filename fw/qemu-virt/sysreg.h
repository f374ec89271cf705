/* SPDX-License-Identifier: MIT */
/*
 * System register and MMIO access for the EL3 firmware. Registers newer
 * than the toolchain's assembler are named by their encodings.
 */
#ifndef FW_QEMU_VIRT_SYSREG_H
#define FW_QEMU_VIRT_SYSREG_H

#include <stdint.h>

#define read_sysreg(r) ({                                        \
	uint64_t v_;                                             \
	__asm__ volatile("mrs %0, " #r : "=r"(v_));              \
	v_;                                                      \
})
#define write_sysreg(r, v) \
	__asm__ volatile("msr " #r ", %0" : : "r"((uint64_t)(v)) : "memory")

#define isb() __asm__ volatile("isb" ::: "memory")
#define dsb_sy() __asm__ volatile("dsb sy" ::: "memory")
#define dsb_ish() __asm__ volatile("dsb ish" ::: "memory")
#define sev() __asm__ volatile("sev" ::: "memory")
#define wfi() __asm__ volatile("wfi" ::: "memory")
#define wfe() __asm__ volatile("wfe" ::: "memory")

/* Encodings (op0_op1_CRn_CRm_op2). */
#define ID_AA64PFR0_EL1 S3_0_C0_C4_0
#define ID_AA64PFR1_EL1 S3_0_C0_C4_1
#define ID_AA64PFR2_EL1 S3_0_C0_C4_2
#define ID_AA64SMFR0_EL1 S3_0_C0_C4_5
#define ID_AA64DFR0_EL1 S3_0_C0_C5_0
#define ID_AA64ISAR1_EL1 S3_0_C0_C6_1
#define ID_AA64ISAR2_EL1 S3_0_C0_C6_2
#define ID_AA64MMFR0_EL1 S3_0_C0_C7_0
#define ID_AA64MMFR1_EL1 S3_0_C0_C7_1
#define ID_AA64MMFR3_EL1 S3_0_C0_C7_3
#define ZCR_EL3 S3_6_C1_C2_0
#define SMCR_EL3 S3_6_C1_C2_6
#define MPAM3_EL3 S3_6_C10_C5_0
#define ICC_SRE_EL3 S3_6_C12_C12_5
#define ICC_ASGI1R_EL1 S3_0_C12_C11_6

/* Expand the name first so the encodings above reach the assembler. */
#define READ_SYSREG(r) read_sysreg(r)
#define WRITE_SYSREG(r, v) write_sysreg(r, v)
#define rd(r) READ_SYSREG(r)
#define wr(r, v) WRITE_SYSREG(r, v)

/* ID register field: 4 bits at shift. */
static inline unsigned int id_field(uint64_t reg, unsigned int shift)
{
	return (unsigned int)(reg >> shift) & 0xFu;
}

static inline uint32_t mmio_read32(uintptr_t a)
{
	return *(volatile uint32_t *)a;
}

static inline void mmio_write32(uintptr_t a, uint32_t v)
{
	*(volatile uint32_t *)a = v;
}

static inline uint64_t mmio_read64(uintptr_t a)
{
	return *(volatile uint64_t *)a;
}

static inline void mmio_write64(uintptr_t a, uint64_t v)
{
	*(volatile uint64_t *)a = v;
}

static inline uint8_t mmio_read8(uintptr_t a)
{
	return *(volatile uint8_t *)a;
}

static inline void mmio_write16(uintptr_t a, uint16_t v)
{
	*(volatile uint16_t *)a = v;
}

#endif /* FW_QEMU_VIRT_SYSREG_H */
