// SPDX-License-Identifier: MIT
/* The variable store's contract, its limits and its recovery rules. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tests/harness/check.h"
#include "tests/uefivar/uvtest.h"

static char path[64];
static struct uvf fl;
static struct uv_store s;

static void setup(void)
{
	int fd;

	strcpy(path, "/tmp/uefivar-store-XXXXXX");
	fd = mkstemp(path);
	if (fd >= 0)
		close(fd);
	if (uvt_flash(&fl, path, true) || uv_store_mount(&s, &fl.fl))
		abort();
}

static void teardown(void)
{
	uvf_close(&fl);
	unlink(path);
}

__attribute__((constructor)) static void fixture(void)
{
	check_setup = setup;
	check_teardown = teardown;
}

static int remount(void)
{
	uvf_close(&fl);
	if (uvt_flash(&fl, path, false))
		return -1;
	return uv_store_mount(&s, &fl.fl);
}

static int put(int n, const char *data)
{
	uint8_t name[UVT_NAME_BUF];
	struct uv_key k;

	uvt_key(&k, name, n);
	return uv_store_put(&s, &k, 7, 0, (const uint8_t *)data, (uint32_t)strlen(data));
}

static int get(int n, char *out, uint32_t cap)
{
	uint8_t name[UVT_NAME_BUF];
	struct uv_key k;
	struct uv_meta m;
	int i;

	uvt_key(&k, name, n);
	i = uv_store_find(&s, &k);
	if (i < 0 || uv_store_meta(&s, (uint32_t)i, &m) || m.data_size >= cap)
		return -1;
	if (uv_store_read_data(&s, (uint32_t)i, 0, (uint8_t *)out, m.data_size))
		return -1;
	out[m.data_size] = '\0';
	return (int)m.data_size;
}

TEST(store_formats_zeroed_flash_and_persists)
{
	char buf[64];

	CHECK_EQ(s.count, 0);
	CHECK_EQ(put(1, "hello"), UV_OK);
	CHECK_EQ(put(2, "world"), UV_OK);
	CHECK_EQ(put(1, "again"), UV_OK);
	CHECK_EQ(remount(), UV_OK);
	CHECK_EQ(s.count, 2);
	CHECK_EQ(get(1, buf, sizeof(buf)), 5);
	CHECK(strcmp(buf, "again") == 0);
	CHECK_EQ(get(2, buf, sizeof(buf)), 5);
	CHECK_EQ(fl.overprogram, 0);
}

TEST(store_append_and_delete_persist)
{
	uint8_t name[UVT_NAME_BUF];
	struct uv_key k;
	char buf[64];

	uvt_key(&k, name, 3);
	CHECK_EQ(uv_store_put(&s, &k, 7, 0, (const uint8_t *)"abc", 3), UV_OK);
	CHECK_EQ(uv_store_put(&s, &k, 7, 3, (const uint8_t *)"def", 3), UV_OK);
	CHECK_EQ(put(4, "gone"), UV_OK);
	uvt_key(&k, name, 4);
	CHECK_EQ(uv_store_delete(&s, (uint32_t)uv_store_find(&s, &k)), UV_OK);
	CHECK_EQ(remount(), UV_OK);
	CHECK_EQ(get(3, buf, sizeof(buf)), 6);
	CHECK(strcmp(buf, "abcdef") == 0);
	CHECK_EQ(get(4, buf, sizeof(buf)), -1);
}

TEST(store_collects_garbage_and_keeps_everything)
{
	char data[200], buf[256];

	memset(data, 'x', sizeof(data) - 1);
	data[sizeof(data) - 1] = '\0';
	CHECK_EQ(put(0, "keep me"), UV_OK);
	for (int i = 0; i < 40; i++) {
		data[0] = (char)('A' + i % 26);
		CHECK_EQ(put(1, data), UV_OK);
	}
	CHECK(s.gcs >= 3);
	CHECK_EQ(remount(), UV_OK);
	CHECK_EQ(get(0, buf, sizeof(buf)), 7);
	CHECK_EQ(get(1, buf, sizeof(buf)), 199);
	CHECK_EQ(buf[0], 'A' + 39 % 26);
	CHECK_EQ(fl.overprogram, 0);
}

TEST(store_space_accounting)
{
	uint64_t max, rem, rem2;

	uv_store_space(&s, &max, &rem);
	CHECK_EQ(max, UVT_FLASH_SIZE / 2 - UV_BANK_HDR);
	CHECK_EQ(rem, max);
	CHECK_EQ(put(1, "12345678"), UV_OK);
	uv_store_space(&s, &max, &rem2);
	CHECK_EQ(rem - rem2, uv_store_rec_size(10, 8));
}

TEST_NEG(store_rejects_too_big)
{
	uint8_t name[UVT_NAME_BUF], big[2048] = { 0 };
	struct uv_key k;

	uvt_key(&k, name, 1);
	CHECK_EQ(uv_store_put(&s, &k, 7, 0, big, s.max_var), UV_E_TOOBIG);
	CHECK_EQ(uv_store_put(&s, &k, 7, 0, big, s.max_var - k.name_size), UV_OK);
	k.name_size = 3;
	CHECK_EQ(uv_store_put(&s, &k, 7, 0, big, 1), UV_E_TOOBIG);
}

TEST_NEG(store_full_leaves_state_unchanged)
{
	uint8_t name[UVT_NAME_BUF], data[400];
	struct uv_key k;
	char buf[16];
	int n = 0, err = UV_OK;

	memset(data, 0x5a, sizeof(data));
	CHECK_EQ(put(99, "first"), UV_OK);
	while (err == UV_OK && n < 20) {
		uvt_key(&k, name, n++);
		err = uv_store_put(&s, &k, 7, 0, data, sizeof(data));
	}
	CHECK_EQ(err, UV_E_FULL);
	CHECK_EQ(remount(), UV_OK);
	CHECK_EQ((int)s.count, n);     /* n - 1 puts succeeded, plus "first" */
	CHECK_EQ(get(99, buf, sizeof(buf)), 5);
}

TEST_NEG(store_append_needs_whole_current_value)
{
	uint8_t name[UVT_NAME_BUF];
	struct uv_key k;

	uvt_key(&k, name, 5);
	CHECK_EQ(uv_store_put(&s, &k, 7, 2, (const uint8_t *)"x", 1), UV_E_NOTFOUND);
	CHECK_EQ(uv_store_put(&s, &k, 7, 0, (const uint8_t *)"abc", 3), UV_OK);
	CHECK_EQ(uv_store_put(&s, &k, 7, 2, (const uint8_t *)"x", 1), UV_E_NOTFOUND);
}

TEST_NEG(store_bad_geometry_refused)
{
	struct uv_flash g = fl.fl;
	struct uv_store t;

	g.erase_size = 384;
	CHECK_EQ(uv_store_mount(&t, &g), UV_E_GEOMETRY);
	g.erase_size = UVT_ERASE_SIZE;
	g.size = UVT_ERASE_SIZE * 3;
	CHECK_EQ(uv_store_mount(&t, &g), UV_E_GEOMETRY);
	g.size = 0;
	CHECK_EQ(uv_store_mount(&t, &g), UV_E_GEOMETRY);
}

TEST_NEG(store_flipped_bit_drops_record_not_store)
{
	char buf[16];
	uint8_t b;
	uint32_t off;

	CHECK_EQ(put(1, "old"), UV_OK);
	CHECK_EQ(put(2, "victim"), UV_OK);
	/* Corrupt the last byte of variable 2's data: its CRC fails. */
	off = s.ent[1].off + UV_REC_HDR + 10 + 5;
	CHECK(pread(fl.fd, &b, 1, off) == 1);
	b ^= 1;
	CHECK(pwrite(fl.fd, &b, 1, off) == 1);
	CHECK_EQ(remount(), UV_OK);
	CHECK_EQ(get(1, buf, sizeof(buf)), 3);
	CHECK_EQ(get(2, buf, sizeof(buf)), -1);
	CHECK(s.dirty);
	/* The next write collects past the damage. */
	CHECK_EQ(put(3, "new"), UV_OK);
	CHECK(!s.dirty);
	CHECK_EQ(remount(), UV_OK);
	CHECK_EQ(get(3, buf, sizeof(buf)), 3);
	CHECK_EQ(get(1, buf, sizeof(buf)), 3);
}

TEST_NEG(store_uncommitted_record_invisible)
{
	char buf[16];

	CHECK_EQ(put(1, "a"), UV_OK);
	/* Cut exactly at the commit word of the next record. */
	fl.cut_at = fl.ops + 1;
	CHECK_EQ(put(2, "b"), UV_E_IO);
	CHECK_EQ(remount(), UV_OK);
	CHECK_EQ(get(2, buf, sizeof(buf)), -1);
	CHECK_EQ(get(1, buf, sizeof(buf)), 1);
	CHECK(s.dirty);
}

TEST_NEG(store_dead_flash_fails_mount)
{
	struct uv_store t;

	fl.cut_at = fl.ops;
	CHECK_EQ(put(1, "x"), UV_E_IO);
	CHECK(fl.dead);
	CHECK_EQ(uv_store_mount(&t, &fl.fl), UV_E_IO);
	CHECK(!t.mounted);
	CHECK_EQ(put(2, "y"), UV_E_IO);
}

TEST_NEG(store_torn_bank_commit_keeps_old_bank)
{
	static uint8_t saved[UVT_FLASH_SIZE];
	char data[300], buf[320];
	uint64_t gcs, ops;
	int i = 0;

	memset(data, 'q', sizeof(data) - 1);
	data[sizeof(data) - 1] = '\0';
	CHECK_EQ(put(0, "base"), UV_OK);
	/* Fill the log until the next put must collect. */
	while (s.tail + uv_store_rec_size(10, 299) <= s.bank_size && i++ < 20)
		CHECK_EQ(put(1, data), UV_OK);
	CHECK(pread(fl.fd, saved, sizeof(saved), 0) == (ssize_t)sizeof(saved));
	/* Dry run to learn how many operations the collection takes. */
	gcs = s.gcs;
	ops = fl.ops;
	data[0] = 'Z';
	CHECK_EQ(put(1, data), UV_OK);
	CHECK_EQ(s.gcs, gcs + 1);
	ops = fl.ops - ops;
	CHECK(pwrite(fl.fd, saved, sizeof(saved), 0) == (ssize_t)sizeof(saved));
	CHECK_EQ(remount(), UV_OK);
	/* Now tear the last one: the new bank's "complete" word. */
	fl.cut_at = fl.ops + ops - 1;
	fl.torn = true;
	CHECK_EQ(put(1, data), UV_E_IO);
	CHECK_EQ(remount(), UV_OK);
	CHECK_EQ(get(1, buf, sizeof(buf)), 299);
	CHECK_EQ(buf[0], 'q');
	CHECK_EQ(get(0, buf, sizeof(buf)), 4);
	/* And the copy is usable: the retried put collects again and lands. */
	CHECK_EQ(put(1, data), UV_OK);
	CHECK_EQ(remount(), UV_OK);
	CHECK_EQ(get(1, buf, sizeof(buf)), 299);
	CHECK_EQ(buf[0], 'Z');
}

TEST_NEG(store_index_full)
{
	struct uvf big;
	struct uv_store t;
	char p[] = "/tmp/uefivar-idx-XXXXXX";
	int fd = mkstemp(p), err = UV_OK;
	uint32_t n = 0;

	CHECK(fd >= 0);
	close(fd);
	CHECK_EQ(uvf_open(&big, p, 128u * 1024u, 4096, true), 0);
	CHECK_EQ(uv_store_mount(&t, &big.fl), UV_OK);
	while (err == UV_OK && n <= UV_STORE_MAX_VARS) {
		uint8_t name[UVT_NAME_BUF];
		struct uv_key k;

		uvt_key(&k, name, (int)n++);
		err = uv_store_put(&t, &k, 7, 0, (const uint8_t *)"v", 1);
	}
	CHECK_EQ(err, UV_E_TOOMANY);
	CHECK_EQ(t.count, UV_STORE_MAX_VARS);
	uvf_close(&big);
	unlink(p);
}

/* Another program's write to [off, off + len) of the flash file, like
 * U-Boot's saveenv over the first sector. */
static void foreign_write(uint32_t off, uint32_t len)
{
	FILE *f = fopen(path, "r+b");

	CHECK(f != NULL);
	if (!f)
		return;
	fseek(f, (long)off, SEEK_SET);
	for (uint32_t i = 0; i < len; i++)
		fputc(i < 8 ? "bootcmd="[i] : (int)('a' + i % 26), f);
	fclose(f);
}

static void snapshot(uint8_t *buf)
{
	FILE *f = fopen(path, "rb");

	CHECK(f != NULL);
	if (!f)
		return;
	CHECK_EQ(fread(buf, 1, UVT_FLASH_SIZE, f), UVT_FLASH_SIZE);
	fclose(f);
}

TEST_NEG(store_never_formats_over_foreign_data)
{
	static uint8_t before[UVT_FLASH_SIZE], after[UVT_FLASH_SIZE];

	uvf_close(&fl);
	CHECK_EQ(uvt_flash(&fl, path, true), 0);       /* zeroed: unformatted */
	foreign_write(0, UVT_ERASE_SIZE);
	snapshot(before);
	CHECK_EQ(uv_store_mount(&s, &fl.fl), UV_E_FOREIGN);
	CHECK_EQ(s.foreign, 1u);
	CHECK(!s.mounted);
	snapshot(after);
	CHECK(memcmp(before, after, sizeof(before)) == 0);
	CHECK(put(1, "x") != UV_OK);
	/* Only the explicit setting formats over it. */
	CHECK_EQ(uv_store_mount_opt(&s, &fl.fl, UV_MOUNT_FORMAT_FOREIGN), UV_OK);
	CHECK_EQ(s.count, 0u);
	CHECK_EQ(put(1, "x"), UV_OK);
}

TEST_NEG(store_foreign_overwrite_of_the_active_bank_keeps_the_records)
{
	static uint8_t before[UVT_FLASH_SIZE], after[UVT_FLASH_SIZE];

	CHECK_EQ(put(1, "one"), UV_OK);
	CHECK_EQ(put(2, "two"), UV_OK);
	CHECK_EQ(s.gcs, 0u);
	CHECK_EQ(s.active, 0u);
	uvf_close(&fl);
	foreign_write(0, 64);           /* the bank header and the first record */
	CHECK_EQ(uvt_flash(&fl, path, false), 0);
	snapshot(before);
	CHECK_EQ(uv_store_mount(&s, &fl.fl), UV_E_FOREIGN);
	snapshot(after);
	CHECK(memcmp(before, after, sizeof(before)) == 0);   /* the rest recoverable */
}

TEST_NEG(store_foreign_overwrite_with_an_older_bank_is_read_only)
{
	static uint8_t before[UVT_FLASH_SIZE], after[UVT_FLASH_SIZE];
	char buf[64];
	uint8_t name[UVT_NAME_BUF];
	struct uv_key k;
	int n = 0;

	while (s.gcs == 0 && n < 200)
		CHECK_EQ(put(n++ % 3, "a value long enough to fill the bank"), UV_OK);
	CHECK(s.gcs > 0);
	uvf_close(&fl);
	/* Overwrite the active bank's start; the older bank is still whole. */
	foreign_write(s.active * (UVT_FLASH_SIZE / 2u), UVT_ERASE_SIZE);
	CHECK_EQ(uvt_flash(&fl, path, false), 0);
	snapshot(before);
	CHECK_EQ(uv_store_mount(&s, &fl.fl), UV_OK);
	CHECK(s.foreign != 0u);
	CHECK(s.count > 0u);
	CHECK(get(0, buf, sizeof(buf)) > 0);
	CHECK_EQ(put(7, "new"), UV_E_FOREIGN);
	uvt_key(&k, name, 0);
	CHECK_EQ(uv_store_delete(&s, (uint32_t)uv_store_find(&s, &k)), UV_E_FOREIGN);
	snapshot(after);
	CHECK(memcmp(before, after, sizeof(before)) == 0);
}
