/* SPDX-License-Identifier: MIT */
/*
 * TPM service: the TCG PTP Command Response Buffer (CRB) interface with the
 * FF-A start method of Arm DEN0138 v1.0. The single owner of these values:
 * the firmware's partition (services/tpm), the hosted tests and the Linux
 * driver (linux/modules/tpm_ffa, through a drop-in copy) include this file.
 *
 * Calls are direct requests to the partition with UUID FFA_UUID_TPM_CRB.
 * Payload registers a0.. as in spmc/spmc.h: for DIRECT_REQ a0 = x3 must be
 * 0, a1 = x4 = function ID in / status out, a2..a4 = x5..x7 arguments and
 * results. For DIRECT_REQ2 the payload starts at x4, so the function ID is
 * a0 and x5..x7 are a1..a3: the register offsets are the same either way.
 *
 * CRB pages: one 4 KiB page per locality (0..4), contiguous, in a
 * non-secure carveout the firmware publishes in the device tree (see
 * services/tpm/README.md). The page of locality n is at base + n * 4096 and
 * has the PTP layout below; the command and the response share the data
 * buffer from TPM_CRB_DATA to the end of the page.
 */
#ifndef SERVICES_TPM_CRB_FFA_H
#define SERVICES_TPM_CRB_FFA_H

#ifdef __KERNEL__
#include <linux/types.h>
#else
#include <stdint.h>
#endif

/* The partition's endpoint ID in this firmware. */
#define TPM_FFA_ID 0x8002u

/* DEN0138 function IDs (x4 on the way in). */
#define TPM_FFA_GET_INTERFACE_VERSION 0x0f000001u
#define TPM_FFA_GET_FEATURE_INFO 0x0f000101u
#define TPM_FFA_START 0x0f000201u
#define TPM_FFA_REGISTER_FOR_NOTIFICATION 0x0f000301u
#define TPM_FFA_UNREGISTER_FROM_NOTIFICATION 0x0f000401u
#define TPM_FFA_FINISH_NOTIFIED 0x0f000501u

/* DEN0138 status codes (x4 on the way out). */
#define TPM_FFA_OK 0x05000001u
#define TPM_FFA_OK_RESULTS_RETURNED 0x05000002u
#define TPM_FFA_NOFUNC 0x8e000001u
#define TPM_FFA_NOTSUP 0x8e000002u
#define TPM_FFA_INVARG 0x8e000005u
#define TPM_FFA_INV_CRB_CTRL_DATA 0x8e000006u
#define TPM_FFA_ALREADY 0x8e000009u
#define TPM_FFA_DENIED 0x8e00000au
#define TPM_FFA_NOMEM 0x8e00000bu

/* GET_INTERFACE_VERSION: bits 30:16 major, 15:0 minor. */
#define TPM_FFA_VERSION_1_0 0x00010000u
#define TPM_FFA_VERSION_MAJOR(v) (((v) >> 16) & 0x7fffu)
#define TPM_FFA_VERSION_MINOR(v) ((v) & 0xffffu)
/* GET_FEATURE_INFO's notification feature (unsupported here: NOTSUP). */
#define TPM_FFA_FEATURE_NOTIFICATION 0xfea70000u

/* START x5 bits 7:0: what changed in the CRB; x6: the locality. */
#define TPM_FFA_START_COMMAND 0u   /* a command or a CRB control change */
#define TPM_FFA_START_LOCALITY 1u  /* a LOC_CTRL request */
#define TPM_FFA_MAX_LOCALITY 4u

/* CRB layout (TCG PTP, per locality page). */
#define TPM_CRB_PAGE_SIZE 0x1000u
#define TPM_CRB_LOCALITIES 5u
#define TPM_CRB_SIZE (TPM_CRB_PAGE_SIZE * TPM_CRB_LOCALITIES)

#define TPM_CRB_LOC_STATE 0x00u
#define TPM_CRB_LOC_CTRL 0x08u
#define TPM_CRB_LOC_STS 0x0cu
#define TPM_CRB_INTF_ID 0x30u      /* 64-bit */
#define TPM_CRB_CTRL_EXT 0x38u     /* 64-bit */
#define TPM_CRB_CTRL_REQ 0x40u
#define TPM_CRB_CTRL_STS 0x44u
#define TPM_CRB_CTRL_CANCEL 0x48u
#define TPM_CRB_CTRL_START 0x4cu
#define TPM_CRB_INT_ENABLE 0x50u
#define TPM_CRB_INT_STS 0x54u
#define TPM_CRB_CMD_SIZE 0x58u
#define TPM_CRB_CMD_LADDR 0x5cu
#define TPM_CRB_CMD_HADDR 0x60u
#define TPM_CRB_RSP_SIZE 0x64u
#define TPM_CRB_RSP_ADDR 0x68u     /* 64-bit */
#define TPM_CRB_DATA 0x80u
#define TPM_CRB_DATA_SIZE (TPM_CRB_PAGE_SIZE - TPM_CRB_DATA)

/* LOC_STATE */
#define TPM_CRB_LOC_STATE_ESTABLISHED (1u << 0)
#define TPM_CRB_LOC_STATE_ASSIGNED (1u << 1)
#define TPM_CRB_LOC_STATE_ACTIVE_SHIFT 2
#define TPM_CRB_LOC_STATE_ACTIVE_MASK (7u << 2)
#define TPM_CRB_LOC_STATE_VALID (1u << 7)
/* LOC_CTRL */
#define TPM_CRB_LOC_CTRL_REQUEST (1u << 0)
#define TPM_CRB_LOC_CTRL_RELINQUISH (1u << 1)
#define TPM_CRB_LOC_CTRL_SEIZE (1u << 2)
#define TPM_CRB_LOC_CTRL_RESET_EST (1u << 3)
/* LOC_STS */
#define TPM_CRB_LOC_STS_GRANTED (1u << 0)
#define TPM_CRB_LOC_STS_SEIZED (1u << 1)
/* CTRL_REQ */
#define TPM_CRB_CTRL_REQ_CMD_READY (1u << 0)
#define TPM_CRB_CTRL_REQ_GO_IDLE (1u << 1)
/* CTRL_STS */
#define TPM_CRB_CTRL_STS_FATAL (1u << 0)
#define TPM_CRB_CTRL_STS_IDLE (1u << 1)
/* CTRL_CANCEL / CTRL_START */
#define TPM_CRB_CTRL_CANCEL_INVOKE 1u
#define TPM_CRB_CTRL_START_INVOKE 1u

/* INTF_ID as the partition publishes it: CRB interface, 5 localities,
 * CRB-only (no FIFO), 64-byte transfers, idle bypass not supported. */
#define TPM_CRB_INTF_TYPE_CRB 0x1u          /* bits 3:0 */
#define TPM_CRB_INTF_VERSION_CRB (0x1u << 4) /* bits 7:4 */
#define TPM_CRB_INTF_CAP_LOCALITY (1u << 8)
#define TPM_CRB_INTF_CAP_XFER_64 (0x3u << 11)
#define TPM_CRB_INTF_CAP_CRB (1u << 14)
#define TPM_CRB_INTF_SEL_CRB (0x1u << 17)   /* InterfaceSelector = CRB */

/* TPM 2.0 command/response header: tag(2) size(4, big-endian) code(4). */
#define TPM2_HEADER_SIZE 10u
#define TPM2_HEADER_SIZE_OFFSET 2u

/*
 * Device tree handoff (firmware -> Linux). The firmware adds a root node
 *   tpm-ffa { compatible = TPM_FFA_DT_COMPATIBLE;
 *             reg = <CRB base, TPM_CRB_SIZE>;
 *             memory-region = <&event log>; };
 * and both regions as /reserved-memory children (no-map). memory-region is
 * what Linux's OF event-log reader understands: the driver makes this node
 * the FF-A device's of_node so the TPM core finds the log there.
 */
#define TPM_FFA_DT_COMPATIBLE "ffa-stack,tpm-crb-ffa"

#endif /* SERVICES_TPM_CRB_FFA_H */
