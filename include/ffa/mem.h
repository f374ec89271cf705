/* SPDX-License-Identifier: MIT */
/*
 * FF-A memory management wire layouts (DEN0077 chapter "Memory management"):
 * memory transaction descriptor (v1.0 and v1.1+ layouts), endpoint memory
 * access descriptor, composite memory region descriptor, constituent memory
 * region descriptor, memory relinquish descriptor, and the flag and attribute
 * encodings. All fields are little-endian; offsets are in bytes from the
 * start of the structure. Nothing here assumes the buffer is aligned: the
 * codec reads fields bytewise (see common/byteorder.h).
 */
#ifndef FFA_MEM_H
#define FFA_MEM_H

#ifdef __KERNEL__
#include <linux/types.h>
#else
#include <stdint.h>
#endif

/* ---- Memory transaction descriptor, v1.1+ layout (48-byte header) ---- */
#define FFA_MTD11_SENDER        0  /* u16 */
#define FFA_MTD11_ATTRIBUTES    2  /* u16 */
#define FFA_MTD11_FLAGS         4  /* u32 */
#define FFA_MTD11_HANDLE        8  /* u64 */
#define FFA_MTD11_TAG           16 /* u64 */
#define FFA_MTD11_EMAD_SIZE     24 /* u32: size of each endpoint access descriptor */
#define FFA_MTD11_EMAD_COUNT    28 /* u32 */
#define FFA_MTD11_EMAD_OFFSET   32 /* u32: offset of the first access descriptor */
#define FFA_MTD11_RESERVED      36 /* 12 bytes, must be zero */
#define FFA_MTD11_SIZE          48

/* ---- Memory transaction descriptor, v1.0 layout (32-byte header) ---- */
#define FFA_MTD10_SENDER        0  /* u16 */
#define FFA_MTD10_ATTRIBUTES    2  /* u8 */
#define FFA_MTD10_RESERVED0     3  /* u8 */
#define FFA_MTD10_FLAGS         4  /* u32 */
#define FFA_MTD10_HANDLE        8  /* u64 */
#define FFA_MTD10_TAG           16 /* u64 */
#define FFA_MTD10_RESERVED1     24 /* u32 */
#define FFA_MTD10_EMAD_COUNT    28 /* u32 */
#define FFA_MTD10_SIZE          32 /* access descriptors follow immediately */

/* ---- Endpoint memory access descriptor (16 bytes; v1.2 allows larger) ---- */
#define FFA_EMAD_ENDPOINT       0  /* u16 */
#define FFA_EMAD_PERMISSIONS    2  /* u8 */
#define FFA_EMAD_FLAGS          3  /* u8 */
#define FFA_EMAD_COMPOSITE_OFF  4  /* u32: offset of the composite, 0 = none */
#define FFA_EMAD_RESERVED       8  /* u64 */
#define FFA_EMAD_SIZE_V1_0      16
#define FFA_EMAD_SIZE_V1_2      32 /* + 16-byte implementation-defined field */

/* ---- Composite memory region descriptor (16 bytes) ---- */
#define FFA_COMP_TOTAL_PAGES    0  /* u32 */
#define FFA_COMP_RANGE_COUNT    4  /* u32 */
#define FFA_COMP_RESERVED       8  /* u64 */
#define FFA_COMP_SIZE           16

/* ---- Constituent memory region descriptor (16 bytes) ---- */
#define FFA_CONS_ADDRESS        0  /* u64, page aligned */
#define FFA_CONS_PAGE_COUNT     8  /* u32, in 4 KiB pages */
#define FFA_CONS_RESERVED       12 /* u32 */
#define FFA_CONS_SIZE           16

/* ---- Memory relinquish descriptor ---- */
#define FFA_RELINQ_HANDLE       0  /* u64 */
#define FFA_RELINQ_FLAGS        8  /* u32 */
#define FFA_RELINQ_EP_COUNT     12 /* u32 */
#define FFA_RELINQ_ENDPOINTS    16 /* u16[ep_count] */
#define FFA_RELINQ_HDR_SIZE     16

/* ---- Memory access permissions (EMAD byte 2) ---- */
#define FFA_PERM_DATA_MASK      0x3u
#define FFA_PERM_DATA_NS        0x0u /* not specified */
#define FFA_PERM_DATA_RO        0x1u
#define FFA_PERM_DATA_RW        0x2u
#define FFA_PERM_DATA_RESERVED  0x3u
#define FFA_PERM_INSTR_SHIFT    2
#define FFA_PERM_INSTR_MASK     (0x3u << 2)
#define FFA_PERM_INSTR_NS       (0x0u << 2)
#define FFA_PERM_INSTR_NX       (0x1u << 2)
#define FFA_PERM_INSTR_X        (0x2u << 2)
#define FFA_PERM_INSTR_RESERVED (0x3u << 2)
#define FFA_PERM_RESERVED_MASK  0xF0u
/* EMAD flags byte: bit 0 = non-retrieval borrower (lend/donate only). */
#define FFA_EMAD_FLAG_NON_RETRIEVAL_BORROWER 0x1u

/* ---- Memory region attributes (v1.0: u8; v1.1+: u16, same low bits) ---- */
#define FFA_ATTR_SHARE_MASK     0x3u
#define FFA_ATTR_SHARE_NON      0x0u
#define FFA_ATTR_SHARE_RESERVED 0x1u
#define FFA_ATTR_SHARE_OUTER    0x2u
#define FFA_ATTR_SHARE_INNER    0x3u
#define FFA_ATTR_CACHE_SHIFT    2
#define FFA_ATTR_CACHE_MASK     (0x3u << 2)
#define FFA_ATTR_CACHE_NC       (0x1u << 2)
#define FFA_ATTR_CACHE_WB       (0x3u << 2)
#define FFA_ATTR_DEV_NGNRNE     (0x0u << 2)
#define FFA_ATTR_TYPE_SHIFT     4
#define FFA_ATTR_TYPE_MASK      (0x3u << 4)
#define FFA_ATTR_TYPE_NS        (0x0u << 4)
#define FFA_ATTR_TYPE_DEVICE    (0x1u << 4)
#define FFA_ATTR_TYPE_NORMAL    (0x2u << 4)
#define FFA_ATTR_TYPE_RESERVED  (0x3u << 4)
#define FFA_ATTR_NS_BIT         (0x1u << 6) /* set by the SPMC in RETRIEVE_RESP */
#define FFA_ATTR_NORMAL_WB_INNER \
	(FFA_ATTR_TYPE_NORMAL | FFA_ATTR_CACHE_WB | FFA_ATTR_SHARE_INNER)

/* ---- Transaction flags (MTD flags field) ---- */
#define FFA_MTD_FLAG_ZERO_MEMORY        (1u << 0)
#define FFA_MTD_FLAG_TIME_SLICING       (1u << 1)
#define FFA_MTD_FLAG_ZERO_AFTER_RELINQ  (1u << 2) /* retrieve requests only */
#define FFA_MTD_FLAG_TYPE_SHIFT         3
#define FFA_MTD_FLAG_TYPE_MASK          (0x3u << 3)
#define FFA_MTD_FLAG_TYPE_UNSPECIFIED   (0x0u << 3)
#define FFA_MTD_FLAG_TYPE_SHARE         (0x1u << 3)
#define FFA_MTD_FLAG_TYPE_LEND          (0x2u << 3)
#define FFA_MTD_FLAG_TYPE_DONATE        (0x3u << 3)
#define FFA_MTD_FLAG_ALIGN_HINT_VALID   (1u << 9)
#define FFA_MTD_FLAG_ALIGN_HINT_SHIFT   5
#define FFA_MTD_FLAG_ALIGN_HINT_MASK    (0xFu << 5)
/* Flags a sender may set in a SHARE/LEND; the rest must be zero. */
#define FFA_MTD_FLAGS_SEND_ALLOWED      (FFA_MTD_FLAG_ZERO_MEMORY | FFA_MTD_FLAG_TIME_SLICING)
/* Flags a retriever may set in a MEM_RETRIEVE_REQ. */
#define FFA_MTD_FLAGS_RETRIEVE_ALLOWED \
	(FFA_MTD_FLAG_ZERO_MEMORY | FFA_MTD_FLAG_TIME_SLICING | \
	 FFA_MTD_FLAG_ZERO_AFTER_RELINQ | FFA_MTD_FLAG_TYPE_MASK | \
	 FFA_MTD_FLAG_ALIGN_HINT_MASK | FFA_MTD_FLAG_ALIGN_HINT_VALID)

/* ---- MEM_RECLAIM w3 flags ---- */
#define FFA_RECLAIM_FLAG_ZERO_MEMORY    (1u << 0)
#define FFA_RECLAIM_FLAG_TIME_SLICING   (1u << 1)
#define FFA_RECLAIM_FLAGS_ALLOWED       0x3u

/* ---- MEM_RELINQUISH flags ---- */
#define FFA_RELINQ_FLAG_ZERO_MEMORY     (1u << 0)
#define FFA_RELINQ_FLAG_TIME_SLICING    (1u << 1)

/* ---- Memory handles ---- */
#define FFA_MEM_HANDLE_INVALID          0xFFFFFFFFFFFFFFFFull
/* Bit 63: who allocated the handle (0 = SPMC, 1 = hypervisor). */
#define FFA_MEM_HANDLE_ALLOCATOR_HYP    (1ull << 63)

#endif /* FFA_MEM_H */
