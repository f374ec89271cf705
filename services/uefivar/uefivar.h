/* SPDX-License-Identifier: MIT */
/*
 * The UEFI variable partition: MM communicate (include/services/mm_var.h)
 * over FF-A direct requests, in two instances sharing one state:
 * convention A (UUID ed32d533-..., endpoint MM_VAR_ID_A; x3 = offset in the
 * shared buffer) and convention C (edk2's 378daedc-..., MM_VAR_ID_C; x3 =
 * physical address). No allocation: the platform provides struct uv_sp.
 */
#ifndef SERVICES_UEFIVAR_UEFIVAR_H
#define SERVICES_UEFIVAR_UEFIVAR_H

#include <stdint.h>

#include "services/uefivar/ramflash.h"
#include "services/uefivar/store.h"
#include "services/uefivar/vars.h"
#include "spmc/spmc.h"

#define UV_MM_BUF_MAX (64u * 1024u)     /* largest shared buffer served */
#define UV_VOL_SIZE   (64u * 1024u)     /* RAM for volatile variables */
#define UV_VOL_ERASE  (4u * 1024u)

struct uv_sp {
	/* The shared buffer: where the partition reaches it, and its PA. */
	uint8_t *buf;
	uint64_t buf_pa;
	uint64_t buf_size;
	/* Serialises both instances (each has its own SPMC partition lock). */
	void *lock_ctx;
	void (*lock)(void *ctx);
	void (*unlock)(void *ctx);
	struct uv_vars vars;
	struct uv_store nv;
	unsigned int nv_mount_flags;  /* uv_store_mount_opt's, set before init */
	struct uv_store vol;
	struct uv_ram vol_flash;
	uint8_t vol_mem[UV_VOL_SIZE];
	/* Requests are copied here first: the normal world may change the
	 * shared buffer while we parse it. */
	uint8_t scratch[UV_MM_BUF_MAX];
};

/*
 * Set up the stores: nv_flash may be NULL (no persistent flash: NV requests
 * then fail with DEVICE_ERROR). log (optional) gets one line per problem.
 * Returns UV_OK, or the NV store's mount error (volatile variables still
 * work).
 */
int uv_sp_init(struct uv_sp *sp, const struct uv_flash *nv_flash, uint8_t *buf, uint64_t buf_pa,
	       uint64_t buf_size, void *log_ctx, void (*log)(void *ctx, const char *msg));

/* One MM communicate message at byte offset off of the shared buffer:
 * returns the MM return code (MM_RET_*). */
int64_t uv_mm_handle(struct uv_sp *sp, uint64_t off);

/* Fill out[0] (convention A) and out[1] (convention C) for spmc_init. */
void uv_sp_partitions(struct uv_sp *sp, struct spmc_partition out[2]);

#endif /* SERVICES_UEFIVAR_UEFIVAR_H */
