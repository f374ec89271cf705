/* SPDX-License-Identifier: MIT */
/*
 * UEFI variable semantics over two stores: non-volatile variables in the
 * flash store (may be absent: then they fail with DEVICE_ERROR) and
 * volatile ones in a RAM store. Requests arrive as the SMM variable payload
 * (include/services/mm_var.h) already copied into secure memory.
 */
#ifndef SERVICES_UEFIVAR_VARS_H
#define SERVICES_UEFIVAR_VARS_H

#include <stdbool.h>
#include <stdint.h>

#include "services/uefivar/rules.h"
#include "services/uefivar/store.h"

struct uv_vars {
	struct uv_store *nv;       /* NULL: no flash (NV requests: DEVICE_ERROR) */
	struct uv_store *vol;
	bool ready_to_boot;        /* locks and properties are frozen */
	bool exit_boot;            /* only runtime variables remain visible */
	struct uv_rules rules;
	void *log_ctx;
	void (*log)(void *ctx, const char *msg);  /* optional */
};

/* Reset the boot-phase state (stores are set by the caller). */
void uv_vars_init(struct uv_vars *v, struct uv_store *nv, struct uv_store *vol);

/*
 * One SMM variable request: func, payload p[0..len) (the request), and room
 * for the response payload p[0..cap) (cap >= len). Returns the EFI status
 * and sets *out_len to the response payload's length (<= cap).
 */
uint64_t uv_vars_call(struct uv_vars *v, uint64_t func, uint8_t *p, uint64_t len, uint64_t cap,
		      uint64_t *out_len);

/*
 * A variable the firmware itself states (SecureBoot, SetupMode): volatile,
 * boot services and runtime, read-only for the normal world from now on.
 */
uint64_t uv_vars_publish(struct uv_vars *v, const struct uv_key *k, const uint8_t *data,
			 uint32_t size);

#endif /* SERVICES_UEFIVAR_VARS_H */
