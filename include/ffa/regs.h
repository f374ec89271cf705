/* SPDX-License-Identifier: MIT */
/*
 * The SMCCC 1.2 register frame: x0-x17 in, x0-x17 out. FF-A calls carry
 * arguments in x1-x7 (DIRECT_REQ2 and PARTITION_INFO_GET_REGS use up to x17).
 * A callee that does not use a result register returns it as zero, so every
 * helper that builds a result clears the whole frame first.
 */
#ifndef FFA_REGS_H
#define FFA_REGS_H

#include <stdint.h>

#include "ffa/abi.h"

#define FFA_REGS_COUNT 18

struct ffa_regs {
	uint64_t x[FFA_REGS_COUNT];
};

/* Zero x0..x(n-1): a callee whose results stop at x(n-1) leaves the rest. */
static inline void ffa_regs_clear_first(struct ffa_regs *r, unsigned int n)
{
	for (unsigned int i = 0; i < n; i++)
		r->x[i] = 0;
}

static inline void ffa_regs_clear(struct ffa_regs *r)
{
	ffa_regs_clear_first(r, FFA_REGS_COUNT);
}

/* FFA_ERROR with a status code sign-extended to 64 bits in x2, in x0..x(n-1). */
static inline void ffa_set_error_first(struct ffa_regs *r, int32_t status, unsigned int n)
{
	ffa_regs_clear_first(r, n);
	r->x[0] = FFA_ERROR;
	r->x[2] = (uint64_t)(int64_t)status;
}

static inline void ffa_set_error(struct ffa_regs *r, int32_t status)
{
	ffa_set_error_first(r, status, FFA_REGS_COUNT);
}

/* FFA_SUCCESS_32 with w2..w3 results, in x0..x(n-1). */
static inline void ffa_set_success32_first(struct ffa_regs *r, uint32_t w2, uint32_t w3,
					   unsigned int n)
{
	ffa_regs_clear_first(r, n);
	r->x[0] = FFA_SUCCESS_32;
	r->x[2] = w2;
	r->x[3] = w3;
}

/* FFA_SUCCESS_32 with w2..w3 results (everything else zero). */
static inline void ffa_set_success32(struct ffa_regs *r, uint32_t w2, uint32_t w3)
{
	ffa_set_success32_first(r, w2, w3, FFA_REGS_COUNT);
}

static inline void ffa_set_success64(struct ffa_regs *r, uint64_t x2, uint64_t x3)
{
	ffa_regs_clear(r);
	r->x[0] = FFA_SUCCESS_64;
	r->x[2] = x2;
	r->x[3] = x3;
}

static inline int ffa_is_error(const struct ffa_regs *r)
{
	return (uint32_t)r->x[0] == FFA_ERROR;
}

/* The status of an FFA_ERROR frame (the low 32 bits of x2, signed). */
static inline int32_t ffa_error_code(const struct ffa_regs *r)
{
	return (int32_t)(uint32_t)r->x[2];
}

/* 32-bit calls only look at the low halves of their argument registers. */
static inline uint32_t ffa_w(const struct ffa_regs *r, unsigned int i)
{
	return (uint32_t)r->x[i];
}

/* Memory handle split across two 32-bit registers (lo first). */
static inline uint64_t ffa_handle_join(uint64_t lo, uint64_t hi)
{
	return ((uint64_t)(uint32_t)hi << 32) | (uint32_t)lo;
}

#endif /* FFA_REGS_H */
