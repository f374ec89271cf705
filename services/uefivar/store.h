/* SPDX-License-Identifier: MIT */
/*
 * A power-fail-safe variable store over NOR-like flash (program clears bits,
 * erase sets a whole block to 0xFF). Freestanding, no allocation: all state
 * lives in the caller's struct uv_store.
 *
 * Layout: the region is two banks of equal size (whole erase blocks). The
 * active bank holds a header and an append-only log of records; each record
 * is written completely and then committed by programming one word, so a
 * record is either whole or ignored. When the log is full, garbage
 * collection erases the other bank, copies the live records (with the
 * pending change folded in) and commits the copy by programming the new
 * bank header's "complete" word; until then the old bank stays the valid
 * one. Mount picks the complete bank with the highest sequence number and
 * replays its log, stopping at the first record that is not committed and
 * whole; anything after it is never appended to (the next write collects
 * garbage first). Mount never writes except to format an empty device.
 * See services/uefivar/README.md for the format.
 */
#ifndef SERVICES_UEFIVAR_STORE_H
#define SERVICES_UEFIVAR_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The flash underneath. Offsets are relative to the region's start. */
struct uv_flash {
	void *ctx;
	uint32_t size;          /* bytes; two banks of whole erase blocks */
	uint32_t erase_size;    /* erase block size, a power of two */
	/* Each returns 0, or nonzero on a device error (power lost, timeout). */
	int (*read)(void *ctx, uint32_t off, void *buf, uint32_t len);
	/* off and len multiples of UV_PROG_ALIGN; may only clear bits. */
	int (*program)(void *ctx, uint32_t off, const void *buf, uint32_t len);
	/* The erase block starting at off. */
	int (*erase)(void *ctx, uint32_t off);
};

#define UV_PROG_ALIGN 4u
#define UV_REC_ALIGN  8u
#define UV_BANK_HDR   32u
#define UV_REC_HDR    48u

#ifndef UV_STORE_MAX_VARS
#define UV_STORE_MAX_VARS 256u
#endif
#define UV_NAME_MAX 1024u           /* bytes of UCS-2 name, NUL included */
#define UV_VAR_MAX  (32u * 1024u)   /* name + data; also bounded by the bank */

enum uv_err {
	UV_OK = 0,
	UV_E_IO = -1,        /* the flash failed: DEVICE_ERROR */
	UV_E_FULL = -2,      /* not enough space even after collection */
	UV_E_TOOMANY = -3,   /* index full */
	UV_E_TOOBIG = -4,    /* record larger than the store allows */
	UV_E_CORRUPT = -5,   /* mount: a complete bank that does not parse */
	UV_E_GEOMETRY = -6,  /* region/erase sizes unusable */
	UV_E_NOTFOUND = -7,
	/* mount: no valid bank, and bytes that are neither erased nor ours;
	 * writes: a bank holds such bytes. Nothing is erased or formatted. */
	UV_E_FOREIGN = -8,
};

/* uv_store_mount_opt flags. */
#define UV_MOUNT_FORMAT_FOREIGN (1u << 0)  /* format over foreign bytes (explicit) */

struct uv_key {
	const uint8_t *guid;     /* 16 bytes */
	const uint8_t *name;     /* UCS-2, NUL included */
	uint32_t name_size;
};

struct uv_meta {
	uint8_t guid[16];
	uint32_t attr;
	uint32_t name_size;
	uint32_t data_size;
};

struct uv_ent {
	uint32_t off;            /* record offset in the active bank */
	uint32_t hash;
	uint32_t size;           /* whole record, aligned */
};

struct uv_store {
	const struct uv_flash *fl;
	uint32_t bank_size;
	uint32_t active;         /* 0 or 1 */
	uint32_t seq;
	uint32_t tail;           /* where the next record goes */
	bool dirty;              /* unparseable bytes at tail: collect first */
	bool mounted;
	uint32_t live;           /* bytes of live records (aligned) */
	uint32_t max_var;        /* largest name + data accepted */
	uint32_t count;
	struct uv_ent ent[UV_STORE_MAX_VARS];  /* in creation order */
	uint64_t gcs;            /* collections since mount (for tests) */
	/* Banks (bit 0, bit 1) that start neither erased, nor zero (a new
	 * sparse flash file), nor with our header: written by someone else.
	 * While set, the store is read-only so no collection erases them. */
	uint32_t foreign;
};

/*
 * Mount. A device with no valid bank is formatted only when each bank starts
 * erased, zero or with our header (store.c: bank_foreign); with foreign bytes it
 * is left untouched (UV_E_FOREIGN) unless flags has UV_MOUNT_FORMAT_FOREIGN.
 * A valid bank beside a foreign one mounts read-only (s->foreign).
 * UV_OK or UV_E_*.
 */
int uv_store_mount_opt(struct uv_store *s, const struct uv_flash *fl, unsigned int flags);
/* uv_store_mount_opt(s, fl, 0). */
int uv_store_mount(struct uv_store *s, const struct uv_flash *fl);

/* Index of the variable, or -1. */
int uv_store_find(const struct uv_store *s, const struct uv_key *k);
int uv_store_meta(const struct uv_store *s, uint32_t i, struct uv_meta *m);
/* Bytes [off, off + len) of the variable's name or data. */
int uv_store_read_name(const struct uv_store *s, uint32_t i, uint8_t *buf, uint32_t len);
int uv_store_read_data(const struct uv_store *s, uint32_t i, uint32_t off, uint8_t *buf,
		       uint32_t len);

/*
 * Create or replace the variable of key k with attr and data, where data is
 * the first keep bytes of the current value (append; 0 otherwise) followed
 * by data[0..len). Atomic: after a power cut the store holds either the old
 * or the new value.
 */
int uv_store_put(struct uv_store *s, const struct uv_key *k, uint32_t attr, uint32_t keep,
		 const uint8_t *data, uint32_t len);
/* Delete variable i (atomic likewise). */
int uv_store_delete(struct uv_store *s, uint32_t i);

/* Capacity and what is left for new records (after a collection). */
void uv_store_space(const struct uv_store *s, uint64_t *max, uint64_t *remaining);
/* Bytes a variable of this name and data size occupies. */
uint32_t uv_store_rec_size(uint32_t name_size, uint32_t data_size);

const char *uv_strerror(int err);

#endif /* SERVICES_UEFIVAR_STORE_H */
