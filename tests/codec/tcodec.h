/* SPDX-License-Identifier: MIT */
/*
 * Shared fixture for the codec suite: a known-good descriptor shape whose
 * byte offsets the tests can compute, and a parse wrapper that hands the
 * parser an exact-size heap copy so ASan flags any read past the end.
 */
#ifndef TESTS_CODEC_TCODEC_H
#define TESTS_CODEC_TCODEC_H

#include <stdbool.h>
#include <stdint.h>

#include "ffa/codec.h"
#include "common/byteorder.h"
#include "tests/harness/check.h"

#define T_CAP 8192u
#define T_SENDER FFA_ID_NS_PHYS
#define T_RECV0 0x8001u   /* receiver i is T_RECV0 + i: secure partitions */
#define T_HANDLE 0x1234567800000001ull
#define T_BASE_ADDR 0x80000000ull
#define T_PERMS (FFA_PERM_DATA_RW | FFA_PERM_INSTR_NX)

/* Offsets in a descriptor laid out by ffa_mtd_encode (16-byte EMADs). */
uint32_t t_hdr(uint32_t layout);
uint32_t t_emad(uint32_t layout, uint32_t i);
uint32_t t_comp(uint32_t layout, uint32_t eps);
uint32_t t_cons(uint32_t layout, uint32_t eps, uint32_t i);

/* eps receivers T_RECV0.., sender T_SENDER, normal WB inner attributes. */
void t_mtd_init(struct ffa_mtd *d, uint32_t eps);
/* n disjoint ranges: range i at T_BASE_ADDR + i MiB, i + 1 pages. */
void t_ranges_init(struct ffa_mem_range *r, uint32_t n);
/* Deterministic Fisher-Yates shuffle driven by the LCG seed * mul + inc. */
void t_shuffle(struct ffa_mem_range *r, uint32_t n, uint32_t seed, uint32_t mul, uint32_t inc);
/* A valid SEND descriptor of that shape in buf (T_CAP bytes); its size. */
uint32_t t_send(uint8_t *buf, uint32_t layout, uint32_t eps, uint32_t n);
/* The same with a handle and the SHARE type: a valid RETRIEVE_RESP. */
uint32_t t_resp(uint8_t *buf, uint32_t layout, uint32_t eps, uint32_t n);

/*
 * A SEND built byte by byte, for shapes ffa_mtd_encode cannot make: EMADs of
 * emad_size bytes at emad_off (v1.1+; v1.0 ignores both), eps receivers (may
 * exceed the limit), composite right after them, n ranges as t_ranges_init.
 */
uint32_t t_build(uint8_t *buf, uint32_t layout, uint32_t emad_off, uint32_t emad_size,
		 uint32_t eps, uint32_t n);

/* An exact-size heap copy of buf[0, len) (free it): ASan sees any read past len. */
uint8_t *t_copy(const uint8_t *buf, uint32_t len);
/*
 * A t_send(layout, eps, n) descriptor with each of vals[0, count) stored in
 * turn as a width-byte (2, 4 or 8) little-endian field at off: every one
 * must be refused as a SEND. FAIL lines name the value.
 */
void t_send_rejects_each(uint32_t layout, uint32_t eps, uint32_t n, uint32_t off,
			 uint32_t width, const uint64_t *vals, unsigned int count);
/*
 * A t_send(layout, eps, n) descriptor with each byte of [from, to) set to
 * value in turn (the others as encoded): every one refused as a SEND.
 */
void t_send_rejects_bytes(uint32_t layout, uint32_t eps, uint32_t n, uint32_t from, uint32_t to,
			  uint8_t value);
/* ffa_mtd_parse on an exact-size heap copy of buf[0, len). */
int32_t t_parse(const uint8_t *buf, uint32_t len, uint32_t layout, enum ffa_mtd_kind kind,
		struct ffa_mtd *out);
/* Everything an accepted descriptor reports lies inside buf[0, len). */
bool t_parsed_in_bounds(const uint8_t *buf, uint32_t len, const struct ffa_mtd *d,
			enum ffa_mtd_kind kind);

#endif /* TESTS_CODEC_TCODEC_H */
