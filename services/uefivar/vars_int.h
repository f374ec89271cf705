/* SPDX-License-Identifier: MIT */
/* Shared between vars.c and rules.c only. */
#ifndef SERVICES_UEFIVAR_VARS_INT_H
#define SERVICES_UEFIVAR_VARS_INT_H

#include <stdbool.h>
#include <stdint.h>

#include "services/uefivar/store.h"
#include "services/uefivar/vars.h"

/* Where a variable is. */
struct uv_loc {
	struct uv_store *st;
	uint32_t i;
	struct uv_meta m;
};

void uv_log(const struct uv_vars *v, const char *msg);
bool uv_name_ok(const uint8_t *name, uint64_t nsz);

/* SET_VARIABLE against the rules: 0 or WRITE_PROTECTED/INVALID_PARAMETER. */
uint64_t uv_rules_check_set(const struct uv_vars *v, const struct uv_key *k, uint32_t attr,
			    uint64_t data_size);
/* Locked (after READY_TO_BOOT) or read-only: no write or delete. */
bool uv_rules_locked(const struct uv_vars *v, const struct uv_key *k);
uint64_t uv_rules_lock(struct uv_vars *v, uint8_t *p, uint64_t len);
/* Make k read-only from now on, as VAR_CHECK READ_ONLY would. */
uint64_t uv_rules_read_only(struct uv_vars *v, const struct uv_key *k, uint32_t attr,
			    uint64_t size);
uint64_t uv_rules_prop_set(struct uv_vars *v, uint8_t *p, uint64_t len);
uint64_t uv_rules_prop_get(struct uv_vars *v, uint8_t *p, uint64_t len, uint64_t *out);

#endif /* SERVICES_UEFIVAR_VARS_INT_H */
