// SPDX-License-Identifier: MIT
#include "tests/uefivar/mmfix.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/byteorder.h"
#include "tests/harness/check.h"

struct uv_sp mmf_sp;
uint8_t mmf_buf[MMF_BUF_SIZE];
struct uvf mmf_flash;
const uint8_t mmf_guid2[16] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 };
static char path[64];

void mmf_reboot(void)
{
	uvf_close(&mmf_flash);
	if (uvf_open(&mmf_flash, path, MMF_NV_SIZE, MMF_NV_ERASE, false))
		abort();
	if (uv_sp_init(&mmf_sp, &mmf_flash.fl, mmf_buf, MMF_PA, MMF_BUF_SIZE, NULL, NULL))
		abort();
}

void mmf_no_flash(void)
{
	uv_sp_init(&mmf_sp, NULL, mmf_buf, MMF_PA, MMF_BUF_SIZE, NULL, NULL);
}

static void setup(void)
{
	int fd;

	strcpy(path, "/tmp/uefivar-mm-XXXXXX");
	fd = mkstemp(path);
	if (fd < 0)
		abort();
	close(fd);
	if (uvf_open(&mmf_flash, path, MMF_NV_SIZE, MMF_NV_ERASE, true))
		abort();
	memset(mmf_buf, 0xAA, sizeof(mmf_buf));
	if (uv_sp_init(&mmf_sp, &mmf_flash.fl, mmf_buf, MMF_PA, MMF_BUF_SIZE, NULL, NULL))
		abort();
}

static void teardown(void)
{
	uvf_close(&mmf_flash);
	unlink(path);
}

__attribute__((constructor)) static void fixture(void)
{
	check_setup = setup;
	check_teardown = teardown;
}

uint8_t *mmf_msg(uint64_t off, uint64_t func, const void *payload, uint64_t plen)
{
	static const uint8_t g[16] = MM_VAR_GUID_BYTES;
	uint8_t *h = mmf_buf + off;

	memcpy(h + MM_HDR_GUID, g, 16);
	store_le64(h + MM_HDR_LEN, MM_VAR_HDR_SIZE + plen);
	store_le64(h + MM_HDR_SIZE + MM_VAR_FUNC, func);
	store_le64(h + MM_HDR_SIZE + MM_VAR_STATUS, 0x1234);
	if (plen && payload)
		memcpy(h + MM_HDR_SIZE + MM_VAR_HDR_SIZE, payload, plen);
	else if (plen)
		memset(h + MM_HDR_SIZE + MM_VAR_HDR_SIZE, 0, plen);
	return h + MM_HDR_SIZE + MM_VAR_HDR_SIZE;
}

uint64_t mmf_status(uint64_t off)
{
	return load_le64(mmf_buf + off + MM_HDR_SIZE + MM_VAR_STATUS);
}

uint64_t mmf_msglen(uint64_t off)
{
	return load_le64(mmf_buf + off + MM_HDR_LEN);
}

static uint64_t access_msg(uint8_t *p, const uint8_t *guid, const char *name, uint32_t attr,
			   uint64_t dsz)
{
	uint64_t nsz = uvt_ucs2(p + MM_ACC_NAME, name);

	memcpy(p + MM_ACC_GUID, guid, 16);
	store_le64(p + MM_ACC_DATASIZE, dsz);
	store_le64(p + MM_ACC_NAMESIZE, nsz);
	store_le32(p + MM_ACC_ATTR, attr);
	return nsz;
}

uint64_t mmf_set(const uint8_t *guid, const char *name, uint32_t attr, const void *data,
		 uint64_t dsz)
{
	static uint8_t p[MMF_BUF_SIZE];
	uint64_t nsz = access_msg(p, guid, name, attr, dsz);

	if (dsz)
		memcpy(p + MM_ACC_NAME + nsz, data, dsz);
	mmf_msg(0, MM_VAR_FN_SET_VARIABLE, p, MM_ACC_NAME + nsz + dsz);
	CHECK_EQ(uv_mm_handle(&mmf_sp, 0), MM_RET_SUCCESS);
	return mmf_status(0);
}

uint64_t mmf_get(const uint8_t *guid, const char *name, uint32_t *attr, void *data,
		 uint64_t *dsz)
{
	static uint8_t p[MMF_BUF_SIZE];
	uint64_t nsz = access_msg(p, guid, name, 0, *dsz);
	uint8_t *r = mmf_msg(0, MM_VAR_FN_GET_VARIABLE, p, MM_ACC_NAME + nsz + *dsz);
	uint64_t st;

	CHECK_EQ(uv_mm_handle(&mmf_sp, 0), MM_RET_SUCCESS);
	st = mmf_status(0);
	*dsz = load_le64(r + MM_ACC_DATASIZE);
	if (attr)
		*attr = load_le32(r + MM_ACC_ATTR);
	if (st == EFI_ST_SUCCESS && data)
		memcpy(data, r + MM_ACC_NAME + nsz, *dsz);
	return st;
}

uint64_t mmf_next(uint8_t *guid, const char *name, uint64_t nsz, char *out, uint64_t *nsz_out)
{
	static uint8_t p[MMF_BUF_SIZE];
	uint8_t *r;
	uint64_t st;

	memset(p, 0, sizeof(p));
	memcpy(p + MM_NEXT_GUID, guid, 16);
	uvt_ucs2(p + MM_NEXT_NAME, name);
	store_le64(p + MM_NEXT_NAMESIZE, nsz);
	r = mmf_msg(0, MM_VAR_FN_GET_NEXT_VARIABLE_NAME, p, MM_NEXT_NAME + nsz);
	CHECK_EQ(uv_mm_handle(&mmf_sp, 0), MM_RET_SUCCESS);
	st = mmf_status(0);
	*nsz_out = load_le64(r + MM_NEXT_NAMESIZE);
	if (st == EFI_ST_SUCCESS) {
		memcpy(guid, r + MM_NEXT_GUID, 16);
		for (uint64_t i = 0; i < *nsz_out / 2; i++)
			out[i] = (char)r[MM_NEXT_NAME + 2 * i];
	}
	return st;
}

uint64_t mmf_simple(uint64_t func)
{
	mmf_msg(0, func, NULL, 0);
	CHECK_EQ(uv_mm_handle(&mmf_sp, 0), MM_RET_SUCCESS);
	return mmf_status(0);
}
