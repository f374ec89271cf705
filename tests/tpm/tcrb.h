/* SPDX-License-Identifier: MIT */
/* Shared fixture of the TPM suites: a CRB in fake NS memory over faketpm. */
#ifndef TESTS_TPM_TCRB_H
#define TESTS_TPM_TCRB_H

#include <stdint.h>

#include "services/tpm/crb.h"
#include "tests/tpm/faketpm.h"

#define TCRB_PA 0x4ff00000ull

extern struct tpm_crb tcrb;
extern struct faketpm tfake;
extern struct tpm_backend tbe;
extern uint8_t tpages[TPM_CRB_SIZE];

void tcrb_reset(void);
/* Per-file fixtures, all run before every test (check.h has one hook). */
void test_sp_setup(void);
void tmeasure_setup(void);
void ttis_setup(void);
uint32_t tcrb_rd(unsigned int loc, uint32_t off);
void tcrb_wr(unsigned int loc, uint32_t off, uint32_t v);
uint32_t tcrb_call(uint64_t fid, uint64_t a0, uint64_t a1, uint64_t out[3]);
uint32_t tcrb_start(uint64_t qualifier, uint64_t loc);
/* LOC_CTRL = bits, START(1, loc). */
uint32_t tcrb_loc(unsigned int loc, uint32_t bits);
/* CTRL_REQ = bits, START(0, loc). */
uint32_t tcrb_req(unsigned int loc, uint32_t bits);
/* Writes a command of `size` bytes (header says `hdr_size`) into loc's
 * buffer, sets CTRL_START and calls START(0, loc). */
uint32_t tcrb_send(unsigned int loc, uint32_t cc, uint32_t size, uint32_t hdr_size);
/* The response header's size and code in loc's buffer. */
uint32_t tcrb_rsp_size(unsigned int loc);
uint32_t tcrb_rsp_code(unsigned int loc);
/* Locality loc granted and cmdReady done. */
void tcrb_ready(unsigned int loc);

#endif /* TESTS_TPM_TCRB_H */
