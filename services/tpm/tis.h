/* SPDX-License-Identifier: MIT */
/*
 * A TCG PC Client TIS (FIFO interface) driver for a memory-mapped TPM, as
 * QEMU's tpm-tis-device provides: one 4 KiB register window per locality.
 * The platform provides register access and a microsecond clock; every wait
 * is bounded, so a dead or absent device is an error, never a hang. Serves
 * as a struct tpm_backend (tis_submit) for the CRB service and measured
 * boot. Freestanding, no allocation.
 */
#ifndef SERVICES_TPM_TIS_H
#define SERVICES_TPM_TIS_H

#include <stdint.h>

#define TIS_ACCESS 0x00u
#define TIS_INT_ENABLE 0x08u
#define TIS_STS 0x18u
#define TIS_DATA_FIFO 0x24u
#define TIS_DID_VID 0xf00u
#define TIS_LOCALITY_STRIDE 0x1000u
#define TIS_SIZE 0x5000u

#define TIS_ACCESS_REQUEST_USE 0x02u
#define TIS_ACCESS_ACTIVE 0x20u
#define TIS_ACCESS_VALID 0x80u

#define TIS_STS_VALID 0x80u
#define TIS_STS_COMMAND_READY 0x40u
#define TIS_STS_GO 0x20u
#define TIS_STS_DATA_AVAIL 0x10u
#define TIS_STS_EXPECT 0x08u
#define TIS_STS_BURST_SHIFT 8
#define TIS_STS_BURST_MASK 0xffffu

/* Register access relative to the device's base (locality 0's window). */
struct tis_io {
	void *ctx;
	uint8_t (*read8)(void *ctx, uint32_t off);
	void (*write8)(void *ctx, uint32_t off, uint8_t v);
	uint32_t (*read32)(void *ctx, uint32_t off);
	uint64_t (*now_us)(void *ctx);
};

/* Bounds of every wait, in microseconds (TIS timeouts A/B and a generous
 * command duration: key generation on a software TPM takes seconds). */
struct tis_timeouts {
	uint64_t locality;
	uint64_t ready;
	uint64_t command;
};

struct tis {
	const struct tis_io *io;
	struct tis_timeouts to;
	uint32_t did_vid;
	int last_error;
};

enum tis_error {
	TIS_OK = 0,
	TIS_ERR_ABSENT = -1,     /* no device answers at the address */
	TIS_ERR_LOCALITY = -2,   /* locality not granted in time */
	TIS_ERR_READY = -3,      /* commandReady not reached in time */
	TIS_ERR_XFER = -4,       /* FIFO did not expect/accept the bytes */
	TIS_ERR_TIMEOUT = -5,    /* no response in time */
	TIS_ERR_RESPONSE = -6,   /* malformed or oversized response */
	TIS_ERR_ARG = -7,
};

/* Probes the device (DID_VID readable and not all-ones). */
int tis_init(struct tis *t, const struct tis_io *io, const struct tis_timeouts *to);
/* struct tpm_backend.submit with ctx = struct tis *. */
int tis_submit(void *ctx, unsigned int locality, const uint8_t *cmd, uint32_t len,
	       uint8_t *rsp, uint32_t cap, uint32_t *rsp_len);
const char *tis_strerror(int err);

#endif /* SERVICES_TPM_TIS_H */
