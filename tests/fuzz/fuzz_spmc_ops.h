/* SPDX-License-Identifier: MIT */
/*
 * The input format of fuzz_spmc, shared by the target (the decoder) and the
 * seed generator (an encoder), so seeds stay meaningful when it changes.
 *
 * An input is a sequence of operations, each starting with an op byte
 * (taken modulo FZ_OP_COUNT). A reader that runs out of input yields zeroes,
 * so every byte string is a valid input.
 *
 *  FZ_OP_CALL    fid-byte mask-byte value...   one FF-A call; bit i of mask
 *                says x(i+1) follows as a value (else 0), x8..x17 are set to
 *                a pattern the core must keep (or may overwrite for v1.2
 *                register ABIs). fid-byte < 0xF0 selects FF-A function
 *                number 0x60 + (b & 0x3F) % 47, bit 6 the SMC64 convention;
 *                >= 0xF0: a raw u32 function ID follows.
 *  FZ_OP_TX      off-u16 len-u8 bytes...       write into the mapped TX
 *  FZ_OP_SEND    how lay ep perm flags attr-u16 n-u16 first stride pages
 *                encode a SHARE/LEND descriptor (see fz_send) into TX and,
 *                unless FZ_SEND_STAGE_ONLY, send it, fragmenting through TX
 *                while FZ_SEND_ALL_FRAGS says so
 *  FZ_OP_HYP     how handle-idx                the hypervisor's retrieve
 *                request (pKVM's reclaim path) for a known handle
 *  FZ_OP_SP      sub sp-sel idx range first count   partition-side API:
 *                retrieve / relinquish / map through spmc_sp_*
 *  FZ_OP_DIRECT  how receiver-sel cmd-sel handle-idx byte   a direct
 *                request carrying a test-partition or fuzz-partition command
 *                (TEST_SP_CMD_NOTIFY: receiver byte & 7, bit handle-idx % 64,
 *                flags from byte as FZ_OP_NOTIFY's)
 *  FZ_OP_NOTIFY  sub sp-sel receiver-sel bit flags   partition side of
 *                notifications and indirect messages (FZ_NOTIFY_*)
 *  FZ_OP_IMSG    how receiver-sel sender-sel size-u16 off len bytes...
 *                an indirect-message header and payload in TX, then
 *                FFA_MSG_SEND2 (FZ_IMSG_*)
 *
 * Values (FZ_OP_CALL): a tag byte (modulo FZ_V_COUNT) then its payload.
 */
#ifndef TESTS_FUZZ_FUZZ_SPMC_OPS_H
#define TESTS_FUZZ_FUZZ_SPMC_OPS_H

enum fz_op {
	FZ_OP_CALL,
	FZ_OP_TX,
	FZ_OP_SEND,
	FZ_OP_HYP,
	FZ_OP_SP,
	FZ_OP_DIRECT,
	FZ_OP_NOTIFY,
	FZ_OP_IMSG,
	FZ_OP_COUNT,
};

enum fz_value {
	FZ_V_ZERO,
	FZ_V_U8,
	FZ_V_U16,
	FZ_V_U32,
	FZ_V_U64,
	FZ_V_PAGE,       /* u8: address of NS page n (some past the end) */
	FZ_V_HANDLE_LO,  /* u8: low half of known handle n */
	FZ_V_HANDLE_HI,  /* u8: high half of known handle n */
	FZ_V_IDS,        /* u8 sender-sel, u8 receiver-sel: packed w1 */
	FZ_V_VERSION,    /* u8: 1.(b % 4), or a bad version when b >= 0xF0 */
	FZ_V_DESC_LEN,   /* length of the last descriptor FZ_OP_SEND built */
	FZ_V_RXTX_SIZE,  /* bytes in the mapped RX/TX buffer (0 if none) */
	FZ_V_COUNT,
};

/* FZ_OP_SEND how-byte. */
#define FZ_SEND_LEND       0x01u  /* else SHARE */
#define FZ_SEND_64         0x02u  /* else the 32-bit function ID */
#define FZ_SEND_ALL_FRAGS  0x04u  /* answer every FRAG_RX */
#define FZ_SEND_STAGE_ONLY 0x08u  /* only encode into TX, no call */
#define FZ_SEND_RAW_ADDR   0x10u  /* first range's address is a raw u64 that follows */
#define FZ_SEND_REVERSE    0x20u  /* ranges in descending address order */
#define FZ_SEND_SHUFFLE    0x40u  /* neighbours swapped: in no order at all */
/*
 * Ranges are laid out from NS page `first`: range i has 1 + pages % 4
 * pages (1 + (pages + i) % 4 when bit 7 of pages is set) and the next one
 * starts (stride & 0x7F) pages after its end, one page earlier (an overlap)
 * when bit 7 of stride is set; pages wrap past the end of NS RAM.
 */

/* FZ_OP_SP sub-byte (modulo 3). */
#define FZ_SP_RETRIEVE   0u
#define FZ_SP_RELINQUISH 1u
#define FZ_SP_MAP        2u

/* FZ_OP_NOTIFY sub-byte (modulo 3). bit: notification bit % 64, bit 7
 * adds bit 0 too; flags: bit 0 per-vCPU, bit 1 delay SRI, bit 2 a reserved
 * bit, bits 7:4 the vCPU. */
#define FZ_NOTIFY_SET      0u
#define FZ_NOTIFY_MSG_GET  1u
#define FZ_NOTIFY_MSG_REL  2u

/* FZ_OP_IMSG how-byte: what goes wrong on purpose. The payload offset is
 * 20 + off unless FZ_IMSG_RAW_OFF (then off * 64, maybe past TX). */
#define FZ_IMSG_FLAGS    0x01u  /* nonzero reserved header flags */
#define FZ_IMSG_RAW_OFF  0x02u
#define FZ_IMSG_W1       0x04u  /* sender in w1 31:16 is the header's, else 0 */
#define FZ_IMSG_DELAY    0x08u  /* w2 = the delay-SRI flag */
#define FZ_IMSG_W2_BAD   0x10u  /* w2 = a reserved flag */

/* Selectors for endpoint IDs (modulo FZ_ID_SEL_COUNT, then raw u16). */
#define FZ_ID_NS   0u   /* 0x0000 */
#define FZ_ID_TSP  1u   /* the test partition */
#define FZ_ID_FZP  2u   /* the fuzz partition */
#define FZ_ID_SPMC 3u   /* 0x8000 */
#define FZ_ID_RAW  4u   /* a raw u16 follows */
#define FZ_ID_SEL_COUNT 5u

/* The fuzz partition: second logical SP, commands in a0 (modulo 5). */
#define FZP_ID 0x8002u
#define FZP_CMD_ECHO       0u
#define FZP_CMD_RETRIEVE   1u  /* a1/a2 handle: retrieve and keep */
#define FZP_CMD_RELINQUISH 2u  /* a1/a2 handle */
#define FZP_CMD_STATUS     3u  /* return (int32_t)a1 as the handler's status */
#define FZP_CMD_MAP        4u  /* map part of the kept region, see fzp_direct */

/* NS RAM of the hosted SPMC the target runs (pages). */
#define FZ_NS_PAGES 512u

#endif /* TESTS_FUZZ_FUZZ_SPMC_OPS_H */
