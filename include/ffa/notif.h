/* SPDX-License-Identifier: MIT */
/*
 * FF-A v1.1+ notifications and indirect messages (DEN0077 chapters 10 and
 * 13): register fields, flags and the indirect message header. Part of the
 * include/ffa/ ABI set (the one owner); function IDs are in ffa/abi.h.
 */
#ifndef FFA_NOTIF_H
#define FFA_NOTIF_H

#include <stdint.h>

/* A bitmap holds 64 notification IDs, split lo/hi across two w registers. */
#define FFA_NOTIF_COUNT 64u
static inline uint64_t ffa_notif_join(uint64_t lo, uint64_t hi)
{
	return ((uint64_t)(uint32_t)hi << 32) | (uint32_t)lo;
}

/* BITMAP_CREATE: w1 bits 15:0 the VM ID, w2 the vCPU count. */
#define FFA_NOTIF_VM_ID_MASK 0xFFFFu

/* BIND w2 and SET w2: bit 0 says the notifications are per-vCPU. */
#define FFA_NOTIF_FLAG_PER_VCPU      (1u << 0)
/* SET w2: bit 1 delays the schedule-receiver interrupt; 31:16 the vCPU. */
#define FFA_NOTIF_SET_FLAG_DELAY_SRI (1u << 1)
#define FFA_NOTIF_SET_VCPU_SHIFT     16
#define FFA_NOTIF_SET_MBZ_MASK       0x0000FFFCu

/* GET w1: receiver in 15:0, vCPU in 31:16. w2: which bitmaps to fetch. */
#define FFA_NOTIF_GET_VCPU_SHIFT     16
#define FFA_NOTIF_GET_FLAG_SP        (1u << 0) /* from partitions: w2/w3 */
#define FFA_NOTIF_GET_FLAG_VM        (1u << 1) /* from VMs (hypervisor's): w4/w5 */
#define FFA_NOTIF_GET_FLAG_SPM       (1u << 2) /* SPM framework: w6 */
#define FFA_NOTIF_GET_FLAG_HYP       (1u << 3) /* hypervisor framework: w7 */
#define FFA_NOTIF_GET_FLAGS_MASK     0xFu

/* SPM framework notification: a message is in the receiver's RX buffer. */
#define FFA_NOTIF_FWK_RX_FULL        (1u << 0)

/*
 * INFO_GET result x2: bit 0 more pending, bits 11:7 the number of lists,
 * then two bits per list from bit 12: how many vCPU IDs follow the
 * endpoint ID that starts the list (0 for global notifications). The IDs
 * are 16-bit, packed from x3 on: four per register for the 64-bit call,
 * two per register (in its low 32 bits) for the 32-bit one.
 */
#define FFA_NOTIF_INFO_MORE_PENDING   (1u << 0)
#define FFA_NOTIF_INFO_LISTS_SHIFT    7
#define FFA_NOTIF_INFO_LISTS_MASK     0x1Fu
#define FFA_NOTIF_INFO_SIZES_SHIFT    12
#define FFA_NOTIF_INFO_MAX_VCPUS      3u   /* vCPU IDs in one list */
#define FFA_NOTIF_INFO_MAX_IDS_64     20u
#define FFA_NOTIF_INFO_MAX_IDS_32     10u

/*
 * The indirect message header at the start of TX for FFA_MSG_SEND2 and of
 * the receiver's RX (byte offsets). The payload is at `offset` from the
 * header's start, `size` bytes long. Linux 6.12 writes only the first 20
 * bytes and puts the payload right after them; v1.2 headers go on to a
 * reserved word and a UUID, which a receiver may not need.
 */
#define FFA_IMSG_FLAGS        0u   /* u32, reserved (zero) */
#define FFA_IMSG_RES0         4u   /* u32, reserved (zero) */
#define FFA_IMSG_OFFSET       8u   /* u32: payload offset from the header */
#define FFA_IMSG_IDS          12u  /* u32: sender 31:16, receiver 15:0 */
#define FFA_IMSG_SIZE         16u  /* u32: payload bytes */
#define FFA_IMSG_HDR_MIN      20u  /* the fields above */
/* MSG_SEND2 w2 flags: bit 1 delays the schedule-receiver interrupt. */
#define FFA_MSG_SEND2_FLAG_DELAY_SRI (1u << 1)

#endif /* FFA_NOTIF_H */
