/* SPDX-License-Identifier: MIT */
/*
 * Variable locks (LOCK_VARIABLE: requested before READY_TO_BOOT, enforced
 * from then on) and VAR_CHECK properties (read-only, attributes, size
 * bounds; settable until READY_TO_BOOT, enforced always). The variable
 * semantics (vars.c) consult them; they know nothing of variables' values.
 */
#ifndef SERVICES_UEFIVAR_RULES_H
#define SERVICES_UEFIVAR_RULES_H

#include <stdbool.h>
#include <stdint.h>

#include "services/uefivar/store.h"

#define UV_MAX_LOCKS 32u
#define UV_MAX_PROPS 32u
#define UV_RULE_NAME_MAX 256u   /* bytes of name a lock/property rule keeps */

struct uv_rule {
	uint8_t guid[16];
	uint32_t name_size;
	uint8_t name[UV_RULE_NAME_MAX];
	/* VAR_CHECK property (unused for locks) */
	uint16_t property;
	uint32_t attr;
	uint64_t min_size;
	uint64_t max_size;
};

struct uv_rules {
	uint32_t nlocks;
	uint32_t nprops;
	struct uv_rule locks[UV_MAX_LOCKS];
	struct uv_rule props[UV_MAX_PROPS];
};

/* A variable name of exactly nsz bytes: even, non-empty, NUL only at its end. */
bool uv_name_ok(const uint8_t *name, uint64_t nsz);

/* SET_VARIABLE against the rules: 0 or WRITE_PROTECTED/INVALID_PARAMETER. */
uint64_t uv_rules_check_set(const struct uv_rules *r, const struct uv_key *k, uint32_t attr,
			    uint64_t data_size);
/* Read-only, or locked once @frozen (after READY_TO_BOOT): no write or delete. */
bool uv_rules_locked(const struct uv_rules *r, const struct uv_key *k, bool frozen);
/* The LOCK_VARIABLE and VAR_CHECK requests, payload p[0..len). */
uint64_t uv_rules_lock(struct uv_rules *r, uint8_t *p, uint64_t len, bool frozen);
uint64_t uv_rules_prop_set(struct uv_rules *r, uint8_t *p, uint64_t len, bool frozen);
uint64_t uv_rules_prop_get(const struct uv_rules *r, uint8_t *p, uint64_t len, uint64_t *out);
/* Make k read-only from now on, as VAR_CHECK READ_ONLY would. */
uint64_t uv_rules_read_only(struct uv_rules *r, const struct uv_key *k, uint32_t attr,
			    uint64_t size);

#endif /* SERVICES_UEFIVAR_RULES_H */
