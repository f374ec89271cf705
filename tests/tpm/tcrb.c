// SPDX-License-Identifier: MIT
#include "tests/tpm/tcrb.h"

#include <string.h>

#include "services/tpm/measure.h"
#include "tests/harness/check.h"

struct tpm_crb tcrb;
struct faketpm tfake;
struct tpm_backend tbe;
uint8_t tpages[TPM_CRB_SIZE] __attribute__((aligned(4096)));

void tcrb_reset(void)
{
	memset(tpages, 0x5a, sizeof(tpages));
	faketpm_reset(&tfake);
	faketpm_backend(&tfake, &tbe);
	tpm_crb_init(&tcrb, tpages, TCRB_PA, &tbe);
}

static void setup_all(void)
{
	tcrb_reset();
	test_sp_setup();
	tmeasure_setup();
	ttis_setup();
}

__attribute__((constructor)) static void init(void)
{
	check_setup = setup_all;
}

static uint8_t *at(unsigned int loc, uint32_t off)
{
	return tpages + loc * TPM_CRB_PAGE_SIZE + off;
}

uint32_t tcrb_rd(unsigned int loc, uint32_t off)
{
	uint32_t v;

	memcpy(&v, at(loc, off), 4);
	return v;
}

void tcrb_wr(unsigned int loc, uint32_t off, uint32_t v)
{
	memcpy(at(loc, off), &v, 4);
}

uint32_t tcrb_call(uint64_t fid, uint64_t a0, uint64_t a1, uint64_t out[3])
{
	uint64_t args[3] = { a0, a1, 0 };
	uint32_t st = tpm_crb_call(&tcrb, fid, args);

	if (out)
		memcpy(out, args, sizeof(args));
	return st;
}

uint32_t tcrb_start(uint64_t qualifier, uint64_t loc)
{
	return tcrb_call(TPM_FFA_START, qualifier, loc, NULL);
}

uint32_t tcrb_loc(unsigned int loc, uint32_t bits)
{
	tcrb_wr(loc, TPM_CRB_LOC_CTRL, bits);
	return tcrb_start(TPM_FFA_START_LOCALITY, loc);
}

uint32_t tcrb_req(unsigned int loc, uint32_t bits)
{
	tcrb_wr(loc, TPM_CRB_CTRL_REQ, bits);
	return tcrb_start(TPM_FFA_START_COMMAND, loc);
}

static void put_be32(uint8_t *b, uint32_t v)
{
	b[0] = (uint8_t)(v >> 24);
	b[1] = (uint8_t)(v >> 16);
	b[2] = (uint8_t)(v >> 8);
	b[3] = (uint8_t)v;
}

static uint32_t get_be32(const uint8_t *b)
{
	return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

uint32_t tcrb_send(unsigned int loc, uint32_t cc, uint32_t size, uint32_t hdr_size)
{
	uint8_t *b = at(loc, TPM_CRB_DATA);

	for (uint32_t i = 0; i < size && i < TPM_CRB_DATA_SIZE; i++)
		b[i] = (uint8_t)(i * 7u);
	b[0] = (uint8_t)(TPM2_ST_NO_SESSIONS >> 8);
	b[1] = (uint8_t)TPM2_ST_NO_SESSIONS;
	put_be32(b + 2, hdr_size);
	put_be32(b + 6, cc);
	if (cc == TPM2_CC_STARTUP && size >= 12u)
		b[10] = b[11] = 0;
	tcrb_wr(loc, TPM_CRB_CTRL_START, TPM_CRB_CTRL_START_INVOKE);
	return tcrb_start(TPM_FFA_START_COMMAND, loc);
}

uint32_t tcrb_rsp_size(unsigned int loc)
{
	return get_be32(at(loc, TPM_CRB_DATA + 2u));
}

uint32_t tcrb_rsp_code(unsigned int loc)
{
	return get_be32(at(loc, TPM_CRB_DATA + 6u));
}

void tcrb_ready(unsigned int loc)
{
	CHECK_EQ(tcrb_loc(loc, TPM_CRB_LOC_CTRL_REQUEST), TPM_FFA_OK);
	CHECK_EQ(tcrb_req(loc, TPM_CRB_CTRL_REQ_CMD_READY), TPM_FFA_OK);
}
