/* SPDX-License-Identifier: MIT */
/*
 * FF-A ABI (Arm DEN0077, v1.0 - v1.2): function IDs, status codes, version
 * encoding, feature IDs and partition properties.
 *
 * This header set (include/ffa/) is the single owner of every FF-A constant
 * and wire layout in the project: firmware, SPMC core, services, hosted tests
 * and tools include it; nothing else may redefine these values.
 *
 * Freestanding: only <stdint.h>, <stdbool.h> and <stddef.h> (<linux/types.h>
 * in a kernel, for the modules that speak the ABI themselves).
 */
#ifndef FFA_ABI_H
#define FFA_ABI_H

#ifdef __KERNEL__
#include <linux/types.h>
#else
#include <stdbool.h>
#include <stdint.h>
#endif

/* SMCCC function ID building blocks. */
#define FFA_SMC32_BASE 0x84000000u
#define FFA_SMC64_BASE 0xC4000000u
#define FFA_FN32(n) (FFA_SMC32_BASE | (uint32_t)(n))
#define FFA_FN64(n) (FFA_SMC64_BASE | (uint32_t)(n))
#define FFA_FN_NUM(fid) ((fid) & 0xFFFFu)
#define FFA_FN_IS_SMC64(fid) (((fid) & 0x40000000u) != 0)
#define FFA_FN_NUM_MIN 0x60u
#define FFA_FN_NUM_MAX 0x8Eu
/* True when the function ID lies in the FF-A range (either convention). */
static inline bool ffa_fid_in_range(uint64_t fid)
{
	uint32_t f = (uint32_t)fid;

	if (fid >> 32)
		return false;
	if ((f & 0xBFFF0000u) != FFA_SMC32_BASE)
		return false;
	return FFA_FN_NUM(f) >= FFA_FN_NUM_MIN && FFA_FN_NUM(f) <= FFA_FN_NUM_MAX;
}

/* v1.0 */
#define FFA_ERROR                     FFA_FN32(0x60)
#define FFA_SUCCESS_32                FFA_FN32(0x61)
#define FFA_SUCCESS_64                FFA_FN64(0x61)
#define FFA_INTERRUPT                 FFA_FN32(0x62)
#define FFA_VERSION                   FFA_FN32(0x63)
#define FFA_FEATURES                  FFA_FN32(0x64)
#define FFA_RX_RELEASE                FFA_FN32(0x65)
#define FFA_RXTX_MAP_32               FFA_FN32(0x66)
#define FFA_RXTX_MAP_64               FFA_FN64(0x66)
#define FFA_RXTX_UNMAP                FFA_FN32(0x67)
#define FFA_PARTITION_INFO_GET        FFA_FN32(0x68)
#define FFA_ID_GET                    FFA_FN32(0x69)
#define FFA_MSG_POLL                  FFA_FN32(0x6A)
#define FFA_MSG_WAIT                  FFA_FN32(0x6B)
#define FFA_YIELD                     FFA_FN32(0x6C)
#define FFA_RUN                       FFA_FN32(0x6D)
#define FFA_MSG_SEND                  FFA_FN32(0x6E)
#define FFA_MSG_SEND_DIRECT_REQ_32    FFA_FN32(0x6F)
#define FFA_MSG_SEND_DIRECT_REQ_64    FFA_FN64(0x6F)
#define FFA_MSG_SEND_DIRECT_RESP_32   FFA_FN32(0x70)
#define FFA_MSG_SEND_DIRECT_RESP_64   FFA_FN64(0x70)
#define FFA_MEM_DONATE_32             FFA_FN32(0x71)
#define FFA_MEM_DONATE_64             FFA_FN64(0x71)
#define FFA_MEM_LEND_32               FFA_FN32(0x72)
#define FFA_MEM_LEND_64               FFA_FN64(0x72)
#define FFA_MEM_SHARE_32              FFA_FN32(0x73)
#define FFA_MEM_SHARE_64              FFA_FN64(0x73)
#define FFA_MEM_RETRIEVE_REQ_32       FFA_FN32(0x74)
#define FFA_MEM_RETRIEVE_REQ_64       FFA_FN64(0x74)
#define FFA_MEM_RETRIEVE_RESP         FFA_FN32(0x75)
#define FFA_MEM_RELINQUISH            FFA_FN32(0x76)
#define FFA_MEM_RECLAIM               FFA_FN32(0x77)
#define FFA_MEM_OP_PAUSE              FFA_FN32(0x78)
#define FFA_MEM_OP_RESUME             FFA_FN32(0x79)
#define FFA_MEM_FRAG_RX               FFA_FN32(0x7A)
#define FFA_MEM_FRAG_TX               FFA_FN32(0x7B)
#define FFA_NORMAL_WORLD_RESUME       FFA_FN32(0x7C)
/* v1.1 */
#define FFA_NOTIFICATION_BITMAP_CREATE  FFA_FN32(0x7D)
#define FFA_NOTIFICATION_BITMAP_DESTROY FFA_FN32(0x7E)
#define FFA_NOTIFICATION_BIND         FFA_FN32(0x7F)
#define FFA_NOTIFICATION_UNBIND       FFA_FN32(0x80)
#define FFA_NOTIFICATION_SET          FFA_FN32(0x81)
#define FFA_NOTIFICATION_GET          FFA_FN32(0x82)
#define FFA_NOTIFICATION_INFO_GET_32  FFA_FN32(0x83)
#define FFA_NOTIFICATION_INFO_GET_64  FFA_FN64(0x83)
#define FFA_RX_ACQUIRE                FFA_FN32(0x84)
#define FFA_SPM_ID_GET                FFA_FN32(0x85)
#define FFA_MSG_SEND2                 FFA_FN32(0x86)
#define FFA_SECONDARY_EP_REGISTER_64  FFA_FN64(0x87)
#define FFA_MEM_PERM_GET_32           FFA_FN32(0x88)
#define FFA_MEM_PERM_SET_32           FFA_FN32(0x89)
/* v1.2 */
#define FFA_CONSOLE_LOG_32            FFA_FN32(0x8A)
#define FFA_CONSOLE_LOG_64            FFA_FN64(0x8A)
#define FFA_PARTITION_INFO_GET_REGS   FFA_FN64(0x8B)
#define FFA_EL3_INTR_HANDLE           FFA_FN32(0x8C)
#define FFA_MSG_SEND_DIRECT_REQ2      FFA_FN64(0x8D)
#define FFA_MSG_SEND_DIRECT_RESP2     FFA_FN64(0x8E)

/* Status codes, returned sign-extended in x2 of FFA_ERROR. */
#define FFA_RET_SUCCESS             0
#define FFA_RET_NOT_SUPPORTED      (-1)
#define FFA_RET_INVALID_PARAMETERS (-2)
#define FFA_RET_NO_MEMORY          (-3)
#define FFA_RET_BUSY               (-4)
#define FFA_RET_INTERRUPTED        (-5)
#define FFA_RET_DENIED             (-6)
#define FFA_RET_RETRY              (-7)
#define FFA_RET_ABORTED            (-8)
#define FFA_RET_NO_DATA            (-9)
#define FFA_RET_NOT_READY          (-10)

/* Version: bit 31 zero, major in 30:16, minor in 15:0. */
#define FFA_VERSION_MAJOR_SHIFT 16
#define FFA_VERSION_MAJOR_MASK  0x7FFFu
#define FFA_VERSION_MINOR_MASK  0xFFFFu
#define FFA_MAKE_VERSION(ma, mi) \
	((uint32_t)(((uint32_t)(ma) & FFA_VERSION_MAJOR_MASK) << FFA_VERSION_MAJOR_SHIFT) | \
	 ((uint32_t)(mi) & FFA_VERSION_MINOR_MASK))
#define FFA_VERSION_MAJOR(v) (((uint32_t)(v) >> FFA_VERSION_MAJOR_SHIFT) & FFA_VERSION_MAJOR_MASK)
#define FFA_VERSION_MINOR(v) ((uint32_t)(v) & FFA_VERSION_MINOR_MASK)
#define FFA_VERSION_1_0 FFA_MAKE_VERSION(1, 0)
#define FFA_VERSION_1_1 FFA_MAKE_VERSION(1, 1)
#define FFA_VERSION_1_2 FFA_MAKE_VERSION(1, 2)
/* FFA_VERSION's failure is a 32-bit NOT_SUPPORTED in w0, not FFA_ERROR. */
#define FFA_VERSION_NOT_SUPPORTED 0xFFFFFFFFu

/* A well-formed version word has bit 31 clear. */
static inline bool ffa_version_valid(uint64_t v)
{
	return (v >> 31) == 0;
}

/*
 * DEN0077 compatibility rule: a caller at version `caller` can talk to a
 * callee at version `callee` iff the majors are equal and the callee's minor
 * is at least the caller's. Used by clients checking what the SPMC returned.
 */
static inline bool ffa_version_compatible(uint32_t caller, uint32_t callee)
{
	return FFA_VERSION_MAJOR(caller) == FFA_VERSION_MAJOR(callee) &&
	       FFA_VERSION_MINOR(callee) >= FFA_VERSION_MINOR(caller);
}

/* The lower of two versions of the same major. */
static inline uint32_t ffa_version_min(uint32_t a, uint32_t b)
{
	return a < b ? a : b;
}

/* Endpoint IDs. */
#define FFA_ID_NS_PHYS      0x0000u /* normal world physical instance / pKVM host */
#define FFA_ID_SPMC         0x8000u /* SPMC's own ID (FFA_SPM_ID_GET) */
#define FFA_ID_SECURE_BIT   0x8000u /* bit 15 set: a secure endpoint */
static inline bool ffa_id_is_secure(uint16_t id)
{
	return (id & FFA_ID_SECURE_BIT) != 0;
}

/* w1 of messaging calls: sender in 31:16, receiver in 15:0. */
static inline uint32_t ffa_pack_ids(uint16_t sender, uint16_t receiver)
{
	return ((uint32_t)sender << 16) | receiver;
}
static inline uint16_t ffa_sender_of(uint64_t w1)
{
	return (uint16_t)(w1 >> 16);
}
static inline uint16_t ffa_receiver_of(uint64_t w1)
{
	return (uint16_t)w1;
}

/* Direct message w2 flags. */
#define FFA_MSG_FLAG_FRAMEWORK   (1u << 31)
#define FFA_MSG_FRAMEWORK_TYPE_MASK 0xFFu

/* PARTITION_INFO_GET w5 flags. */
#define FFA_PARTITION_INFO_FLAG_COUNT_ONLY (1u << 0)

/* Partition properties (partition info descriptor and PARTITION_INFO_GET_REGS). */
#define FFA_PART_PROP_DIRECT_REQ_RECV   (1u << 0)
#define FFA_PART_PROP_DIRECT_REQ_SEND   (1u << 1)
#define FFA_PART_PROP_INDIRECT_MSG      (1u << 2)
#define FFA_PART_PROP_NOTIFICATIONS     (1u << 3)
#define FFA_PART_PROP_ID_TYPE_SHIFT     4
#define FFA_PART_PROP_ID_TYPE_MASK      (3u << 4)
#define FFA_PART_PROP_ID_TYPE_PE        (0u << 4) /* ID of a PE endpoint */
#define FFA_PART_PROP_ID_TYPE_SEPID_IND (1u << 4) /* independent SEPID */
#define FFA_PART_PROP_ID_TYPE_SEPID_DEP (2u << 4) /* dependent SEPID */
#define FFA_PART_PROP_ID_TYPE_AUX       (3u << 4)
#define FFA_PART_PROP_VM_CREATED        (1u << 6)
#define FFA_PART_PROP_VM_DESTROYED      (1u << 7)
#define FFA_PART_PROP_AARCH64           (1u << 8)
#define FFA_PART_PROP_DIRECT_REQ2_RECV  (1u << 9)
#define FFA_PART_PROP_DIRECT_REQ2_SEND  (1u << 10)
/*
 * The property bits each version defines; the rest are reserved (zero) for
 * a caller of that version: v1.0 has only bits 2:0, v1.1 adds the
 * notification, ID-type, VM-event and execution-state bits (8:3), v1.2 the
 * DIRECT_REQ2 bits (10:9).
 */
#define FFA_PART_PROPS_V1_0 0x7u
#define FFA_PART_PROPS_V1_1 0x1FFu
#define FFA_PART_PROPS_V1_2 0x7FFu

/* props as a caller of `version` may see them (reserved bits cleared). */
static inline uint32_t ffa_part_props_for(uint32_t version, uint32_t props)
{
	if (version >= FFA_VERSION_1_2)
		return props & FFA_PART_PROPS_V1_2;
	if (version >= FFA_VERSION_1_1)
		return props & FFA_PART_PROPS_V1_1;
	return props & FFA_PART_PROPS_V1_0;
}

/* RXTX_MAP: page count in w3 bits 5:0, in 4 KiB units. */
#define FFA_RXTX_PAGE_COUNT_MASK 0x3Fu
#define FFA_PAGE_SIZE 4096u
#define FFA_PAGE_SHIFT 12
/* RXTX_UNMAP / RX_RELEASE: endpoint ID in w1 bits 31:16 (v1.1+). */
#define FFA_RXTX_UNMAP_ID_SHIFT 16

/* FFA_FEATURES: RXTX_MAP interface properties in w2. */
#define FFA_FEAT_RXTX_MIN_SIZE_4K   0u
#define FFA_FEAT_RXTX_MIN_SIZE_64K  1u
#define FFA_FEAT_RXTX_MIN_SIZE_16K  2u
#define FFA_FEAT_RXTX_MIN_SIZE_MASK 3u
#define FFA_FEAT_RXTX_MAX_PAGES_SHIFT 16 /* v1.2: max pages, 0 = no limit */
/* FFA_FEATURES: MEM_RETRIEVE_REQ properties in w2. */
#define FFA_FEAT_MEM_RETRIEVE_NS_BIT       (1u << 1)
/* FFA_FEATURES: feature IDs (not function IDs) have bit 31 clear. */
#define FFA_FEATURE_NPI  0x1u /* notification pending interrupt */
#define FFA_FEATURE_SRI  0x2u /* schedule receiver interrupt */
#define FFA_FEATURE_MEI  0x3u /* managed exit interrupt */

/* PARTITION_INFO_GET_REGS (x3 input, x2 output). */
#define FFA_PIGR_START_INDEX_MASK 0xFFFFu
#define FFA_PIGR_TAG_SHIFT 16
#define FFA_PIGR_LAST_INDEX_SHIFT 0
#define FFA_PIGR_CUR_INDEX_SHIFT 16
#define FFA_PIGR_UUID_TAG_SHIFT 32
#define FFA_PIGR_DESC_SIZE_SHIFT 48
#define FFA_PIGR_DESCS_PER_CALL 5 /* x3..x17, three registers each */

#endif /* FFA_ABI_H */
