/* SPDX-License-Identifier: MIT */
/*
 * SMC Calling Convention values the firmware implements (Arm DEN0028).
 * FF-A function IDs are not here: include/ffa/abi.h owns them.
 */
#ifndef FW_COMMON_SMCCC_H
#define FW_COMMON_SMCCC_H

#include <stdint.h>

/* Function ID layout: bit 31 fast call, bit 30 SMC64, bits 29:24 owner. */
#define SMCCC_FAST_CALL (1u << 31)
#define SMCCC_64 (1u << 30)
#define SMCCC_OWNER_SHIFT 24
#define SMCCC_OWNER_MASK 0x3Fu
#define SMCCC_OWNER(fid) (((uint32_t)(fid) >> SMCCC_OWNER_SHIFT) & SMCCC_OWNER_MASK)
#define SMCCC_OWNER_ARCH 0u
#define SMCCC_OWNER_STD 4u        /* PSCI, FF-A, TRNG, ... */

#define SMCCC_VERSION 0x80000000u
#define SMCCC_ARCH_FEATURES 0x80000001u
#define SMCCC_ARCH_SOC_ID 0x80000002u
#define SMCCC_ARCH_WORKAROUND_1 0x80008000u
#define SMCCC_ARCH_WORKAROUND_2 0x80007FFFu
#define SMCCC_ARCH_WORKAROUND_3 0x80003FFFu

/* SMCCC_VERSION's answer: major in 30:16, minor in 15:0. 1.2 is what makes
 * pKVM set up its FF-A proxy (x0-x17 argument passing). */
#define SMCCC_MAKE_VERSION(ma, mi) (((uint32_t)(ma) << 16) | (uint32_t)(mi))
#define SMCCC_VERSION_1_2 SMCCC_MAKE_VERSION(1, 2)

#define SMCCC_RET_SUCCESS 0
#define SMCCC_RET_NOT_SUPPORTED (-1)
/* Unknown function IDs return this in all 64 bits of x0. */
#define SMCCC_UNKNOWN_FUNCTION 0xFFFFFFFFFFFFFFFFull

#endif /* FW_COMMON_SMCCC_H */
