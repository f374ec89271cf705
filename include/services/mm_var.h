/* SPDX-License-Identifier: MIT */
/*
 * UEFI variables over MM communicate over FF-A: the wire protocol of the
 * uefivar partition (services/uefivar/). The single owner of these values:
 * the partition, the hosted tests and the Linux client (a drop-in copy)
 * include this file. Facts from /work/shared/docs/services.md.
 *
 * Everything is little-endian at byte offsets; buffers come from the normal
 * world and may be unaligned, so read them bytewise (common/byteorder.h).
 *
 * Registers (64-bit FFA_MSG_SEND_DIRECT_REQ; 32-bit requests get
 * MM_RET_NOT_SUPPORTED):
 *   convention A (UUID ed32d533-..., Trusted Services, U-Boot):
 *     x3 = byte offset of the MM header in the shared buffer, x4-x7 = 0.
 *     reply x3 = MM return code (MM_RET_*).
 *   convention C (UUID 378daedc-..., edk2 StandaloneMM):
 *     x3 = physical address of the MM header (inside the shared buffer).
 *     reply x3 = MM_RET_C_SUCCESS, or an MM_RET_* error code.
 * The shared buffer is a non-secure carveout the firmware publishes in the
 * device tree as /reserved-memory/<MM_VAR_DT_NODE>@<base>, compatible
 * MM_VAR_DT_COMPAT, no-map.
 */
#ifndef SERVICES_MM_VAR_H
#define SERVICES_MM_VAR_H

#ifdef __KERNEL__
#include <linux/types.h>
#else
#include <stdint.h>
#endif

#define MM_VAR_DT_NODE   "uefivar-mm"
#define MM_VAR_DT_COMPAT "ffa-stack,mm-comm-buffer"

/* Endpoint IDs of the two instances (A and C conventions). */
#define MM_VAR_ID_A 0x8005u
#define MM_VAR_ID_C 0x8006u

/* MM return codes (x3 of the reply), as signed 64-bit values. */
#define MM_RET_SUCCESS           0
#define MM_RET_NOT_SUPPORTED     (-1)
#define MM_RET_INVALID_PARAMETER (-2)
#define MM_RET_DENIED            (-3)
#define MM_RET_NO_MEMORY_ALT     (-4)  /* seen from some clients: accept it */
#define MM_RET_NO_MEMORY         (-5)
#define MM_RET_C_SUCCESS         0xC4000061u

/* EFI_MM_COMMUNICATE_HEADER */
#define MM_HDR_GUID     0u     /* 16 bytes, EFI (mixed-endian) byte order */
#define MM_HDR_LEN      16u    /* u64 MessageLength: bytes after the header */
#define MM_HDR_SIZE     24u
/* gEfiSmmVariableProtocolGuid as it appears in HeaderGuid. */
#define MM_VAR_GUID_BYTES { 0x33, 0xd5, 0x32, 0xed, 0xe6, 0x99, 0x09, 0x42, \
			    0x9c, 0xc0, 0x2d, 0x72, 0xcd, 0xd9, 0x98, 0xa7 }

/* SMM_VARIABLE_COMMUNICATE_HEADER, at MM_HDR_SIZE */
#define MM_VAR_FUNC     0u     /* u64 */
#define MM_VAR_STATUS   8u     /* u64 EFI_STATUS */
#define MM_VAR_HDR_SIZE 16u

enum mm_var_func {
	MM_VAR_FN_GET_VARIABLE = 1,
	MM_VAR_FN_GET_NEXT_VARIABLE_NAME = 2,
	MM_VAR_FN_SET_VARIABLE = 3,
	MM_VAR_FN_QUERY_VARIABLE_INFO = 4,
	MM_VAR_FN_READY_TO_BOOT = 5,
	MM_VAR_FN_EXIT_BOOT_SERVICE = 6,
	MM_VAR_FN_GET_STATISTICS = 7,      /* not implemented: UNSUPPORTED */
	MM_VAR_FN_LOCK_VARIABLE = 8,
	MM_VAR_FN_VAR_CHECK_SET = 9,
	MM_VAR_FN_VAR_CHECK_GET = 10,
	MM_VAR_FN_GET_PAYLOAD_SIZE = 11,
};

/* SMM_VARIABLE_COMMUNICATE_ACCESS_VARIABLE (GET_VARIABLE, SET_VARIABLE) */
#define MM_ACC_GUID      0u
#define MM_ACC_DATASIZE 16u    /* u64 */
#define MM_ACC_NAMESIZE 24u    /* u64, bytes, UCS-2 with the NUL */
#define MM_ACC_ATTR     32u    /* u32 */
#define MM_ACC_NAME     36u    /* data follows at MM_ACC_NAME + NameSize */
/* SMM_VARIABLE_COMMUNICATE_GET_NEXT_VARIABLE_NAME */
#define MM_NEXT_GUID     0u
#define MM_NEXT_NAMESIZE 16u
#define MM_NEXT_NAME     24u
/* SMM_VARIABLE_COMMUNICATE_QUERY_VARIABLE_INFO */
#define MM_QVI_MAX_STORAGE 0u
#define MM_QVI_REMAINING   8u
#define MM_QVI_MAX_VARSIZE 16u
#define MM_QVI_ATTR        24u
#define MM_QVI_SIZE        32u
/* SMM_VARIABLE_COMMUNICATE_LOCK_VARIABLE (same shape as GET_NEXT) */
#define MM_LOCK_GUID      0u
#define MM_LOCK_NAMESIZE 16u
#define MM_LOCK_NAME     24u
/* SMM_VARIABLE_COMMUNICATE_VAR_CHECK_VARIABLE_PROPERTY */
#define MM_VCP_GUID      0u
#define MM_VCP_NAMESIZE 16u
#define MM_VCP_PROP     24u    /* VAR_CHECK_VARIABLE_PROPERTY, 24 bytes: */
#define MM_VCP_REVISION  0u    /*   u16, MM_VCP_REVISION_1 */
#define MM_VCP_PROPERTY  2u    /*   u16, MM_VCP_READ_ONLY */
#define MM_VCP_ATTR      4u    /*   u32, 0 = any */
#define MM_VCP_MINSIZE   8u    /*   u64 */
#define MM_VCP_MAXSIZE  16u    /*   u64 */
#define MM_VCP_NAME     48u
#define MM_VCP_REVISION_1 1u
#define MM_VCP_READ_ONLY  1u
/* SMM_VARIABLE_COMMUNICATE_GET_PAYLOAD_SIZE: u64 at 0 */
#define MM_PAYLOAD_SIZE  8u

/* EFI_STATUS */
#define EFI_ST_ERR(n) (0x8000000000000000ull | (n))
#define EFI_ST_SUCCESS            0ull
#define EFI_ST_INVALID_PARAMETER  EFI_ST_ERR(2)
#define EFI_ST_UNSUPPORTED        EFI_ST_ERR(3)
#define EFI_ST_BAD_BUFFER_SIZE    EFI_ST_ERR(4)
#define EFI_ST_BUFFER_TOO_SMALL   EFI_ST_ERR(5)
#define EFI_ST_DEVICE_ERROR       EFI_ST_ERR(7)
#define EFI_ST_WRITE_PROTECTED    EFI_ST_ERR(8)
#define EFI_ST_OUT_OF_RESOURCES   EFI_ST_ERR(9)
#define EFI_ST_NOT_FOUND          EFI_ST_ERR(0xE)
#define EFI_ST_ACCESS_DENIED      EFI_ST_ERR(0xF)
#define EFI_ST_SECURITY_VIOLATION EFI_ST_ERR(0x1A)

/* Variable attributes */
#define EFI_VAR_NV              0x01u
#define EFI_VAR_BS              0x02u
#define EFI_VAR_RT              0x04u
#define EFI_VAR_HW_ERROR_RECORD 0x08u
#define EFI_VAR_AUTH_WRITE      0x10u
#define EFI_VAR_TIME_AUTH       0x20u
#define EFI_VAR_APPEND_WRITE    0x40u
#define EFI_VAR_ENHANCED_AUTH   0x80u
/* What a stored variable may carry. */
#define EFI_VAR_STORED_MASK (EFI_VAR_NV | EFI_VAR_BS | EFI_VAR_RT)

#endif /* SERVICES_MM_VAR_H */
