// SPDX-License-Identifier: MIT
/*
 * Crash consistency of the variable store: a scripted workload (create,
 * overwrite, append, delete, with collections forced by a tiny flash) is run
 * once to count its flash operations, then once per operation with the power
 * cut there, cleanly and torn. After each cut the store is remounted and
 * must hold exactly the variables committed before the interrupted call,
 * or those plus that call's change; then it must take a write that
 * survives another remount. Prints "power-cut: N cut points, failures F".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tests/harness/check.h"
#include "tests/uefivar/uvtest.h"

#define NVARS 6
#define DMAX  1100

struct mvar {
	int live;
	uint32_t attr;
	uint32_t len;
	uint8_t data[DMAX];
};

struct model {
	struct mvar v[NVARS];
};

enum op { OP_PUT, OP_APPEND, OP_DEL };

struct step {
	enum op op;
	int var;
	uint32_t len;
	uint8_t seed;
};

static struct step script[128];
static unsigned int nsteps;

static void add(enum op op, int var, uint32_t len, uint8_t seed)
{
	script[nsteps++] = (struct step){ op, var, len, seed };
}

/* Enough churn on a 2 KiB bank to collect garbage many times, in every
 * kind of step (put, append, delete with and without room in the log). */
static void build_script(void)
{
	nsteps = 0;
	add(OP_PUT, 0, 20, 1);
	add(OP_PUT, 1, 100, 2);
	add(OP_PUT, 2, 300, 3);
	for (uint8_t i = 0; i < 4; i++)
		add(OP_PUT, 0, 16u + 40u * i, (uint8_t)(10 + i));
	for (uint8_t i = 0; i < 4; i++)
		add(OP_APPEND, 1, 30, (uint8_t)(20 + i));
	add(OP_DEL, 2, 0, 0);
	add(OP_PUT, 2, 64, 30);
	for (uint8_t i = 0; i < 12; i++)
		add(OP_PUT, 3, 200u + 20u * (i % 5u), (uint8_t)(40 + i));
	add(OP_DEL, 0, 0, 0);
	add(OP_APPEND, 4, 50, 50);
	add(OP_APPEND, 4, 50, 51);
	add(OP_PUT, 5, 8, 52);
	add(OP_DEL, 1, 0, 0);
	for (uint8_t i = 0; i < 8; i++)
		add(OP_PUT, 5, 50u * i, (uint8_t)(60 + i));
	for (uint8_t i = 0; i < 6; i++)
		add(OP_APPEND, 2, 40, (uint8_t)(80 + i));
	add(OP_DEL, 3, 0, 0);
	add(OP_PUT, 0, 5, 70);
}

static void fill(uint8_t *p, uint32_t len, uint8_t seed)
{
	for (uint32_t i = 0; i < len; i++)
		p[i] = (uint8_t)(seed + i * 7u);
}

/* Apply a step to the model (1) or report it would fail (0). */
static int model_step(struct model *m, const struct step *st)
{
	struct mvar *v = &m->v[st->var];

	switch (st->op) {
	case OP_PUT:
		v->live = 1;
		v->attr = 7;
		v->len = st->len;
		fill(v->data, st->len, st->seed);
		return 1;
	case OP_APPEND:
		if (!v->live) {
			v->live = 1;
			v->attr = 7;
			v->len = 0;
		}
		fill(v->data + v->len, st->len, st->seed);
		v->len += st->len;
		return 1;
	case OP_DEL:
		if (!v->live)
			return 0;
		v->live = 0;
		return 1;
	}
	return 0;
}

static int store_step(struct uv_store *s, const struct step *st)
{
	uint8_t data[DMAX], name[UVT_NAME_BUF];
	struct uv_key k;
	struct uv_meta mt;
	int i;

	uvt_key(&k, name, st->var);
	fill(data, st->len, st->seed);
	i = uv_store_find(s, &k);
	switch (st->op) {
	case OP_PUT:
		return uv_store_put(s, &k, 7, 0, data, st->len);
	case OP_APPEND:
		if (i >= 0 && uv_store_meta(s, (uint32_t)i, &mt))
			return UV_E_IO;
		return uv_store_put(s, &k, 7, i >= 0 ? mt.data_size : 0, data, st->len);
	case OP_DEL:
		return i < 0 ? UV_E_NOTFOUND : uv_store_delete(s, (uint32_t)i);
	}
	return UV_E_IO;
}

/* The store holds exactly the model's variables? */
static int same(const struct uv_store *s, const struct model *m)
{
	uint8_t name[UVT_NAME_BUF], data[DMAX];
	unsigned int live = 0;

	for (int v = 0; v < NVARS; v++) {
		struct uv_key k;
		struct uv_meta mt;
		int i;

		uvt_key(&k, name, v);
		i = uv_store_find(s, &k);
		if (!m->v[v].live) {
			if (i >= 0)
				return 0;
			continue;
		}
		live++;
		if (i < 0 || uv_store_meta(s, (uint32_t)i, &mt) || mt.attr != m->v[v].attr ||
		    mt.data_size != m->v[v].len ||
		    uv_store_read_data(s, (uint32_t)i, 0, data, mt.data_size) ||
		    memcmp(data, m->v[v].data, mt.data_size))
			return 0;
	}
	return s->count == live;
}

/* Runs the workload; returns the step that failed (nsteps if none). */
static unsigned int run(struct uvf *f, struct uv_store *s, struct model *before,
			struct model *after, int *mount_failed)
{
	memset(before, 0, sizeof(*before));
	*mount_failed = uv_store_mount(s, &f->fl) != UV_OK;
	if (*mount_failed) {
		memset(after, 0, sizeof(*after));
		return 0;
	}
	for (unsigned int j = 0; j < nsteps; j++) {
		*after = *before;
		model_step(after, &script[j]);
		if (store_step(s, &script[j]) != UV_OK)
			return j;
		*before = *after;
	}
	return nsteps;
}

static struct uv_store st;
static struct model before, after;

/* One cut: 0 ok, else a failure (printed). */
static int one_cut(const char *path, uint64_t at, bool torn, uint64_t *gcs)
{
	struct uvf f;
	int mf, ok_before, ok_after;
	unsigned int j;

	if (uvt_flash(&f, path, true))
		return 1;
	f.cut_at = at;
	f.torn = torn;
	j = run(&f, &st, &before, &after, &mf);
	*gcs += st.gcs;
	uvf_close(&f);
	if (uvt_flash(&f, path, false))
		return 1;
	if (uv_store_mount(&st, &f.fl) != UV_OK) {
		printf("    cut at op %llu%s: store does not open\n", (unsigned long long)at,
		       torn ? " (torn)" : "");
		uvf_close(&f);
		return 1;
	}
	ok_before = same(&st, &before);
	ok_after = same(&st, &after);
	if (!ok_before && !ok_after) {
		printf("    cut at op %llu%s in step %u: committed variables lost or damaged\n",
		       (unsigned long long)at, torn ? " (torn)" : "", j);
		uvf_close(&f);
		return 1;
	}
	/* Still usable: one more write survives a remount with the rest. */
	if (ok_after)
		before = after;
	{
		struct step extra = { OP_PUT, 5, 33, 99 };

		model_step(&before, &extra);
		if (store_step(&st, &extra) != UV_OK) {
			printf("    cut at op %llu: the store refuses writes after remount\n",
			       (unsigned long long)at);
			uvf_close(&f);
			return 1;
		}
	}
	uvf_close(&f);
	if (uvt_flash(&f, path, false) || uv_store_mount(&st, &f.fl) || !same(&st, &before) ||
	    f.overprogram) {
		printf("    cut at op %llu: the write after recovery did not persist cleanly\n",
		       (unsigned long long)at);
		uvf_close(&f);
		return 1;
	}
	uvf_close(&f);
	return 0;
}

/* A new temporary flash file (path, a mkstemp template), the workload run
 * on it without a cut; 0, or -1 (checked failure). */
static int clean_run(char *path, struct uvf *f, int *mf)
{
	int fd = mkstemp(path);

	CHECK(fd >= 0);
	if (fd < 0)
		return -1;
	close(fd);
	build_script();
	CHECK(uvt_flash(f, path, true) == 0);
	CHECK_EQ(run(f, &st, &before, &after, mf), nsteps);
	return 0;
}

TEST(powercut_every_write_step)
{
	char path[] = "/tmp/uefivar-powercut-XXXXXX";
	struct uvf f;
	uint64_t total, cuts = 0, failures = 0, gcs = 0;
	int mf;

	/* Clean run: count the operations and check the workload itself. */
	if (clean_run(path, &f, &mf))
		return;
	CHECK(!mf);
	CHECK(same(&st, &before));
	CHECK(st.gcs >= 5);          /* the workload does collect garbage */
	printf("    workload: %u steps, %llu flash operations, %llu collections\n", nsteps,
	       (unsigned long long)f.ops, (unsigned long long)st.gcs);
	CHECK_EQ(f.overprogram, 0);
	total = f.ops;
	uvf_close(&f);
	for (uint64_t at = 0; at < total; at++) {
		for (int torn = 0; torn < 2; torn++) {
			cuts++;
			failures += (uint64_t)one_cut(path, at, torn, &gcs);
		}
	}
	unlink(path);
	printf("power-cut: %llu cut points, failures %llu\n", (unsigned long long)cuts,
	       (unsigned long long)failures);
	CHECK(cuts >= 200);
	CHECK_EQ(failures, 0);
	CHECK(gcs > 0);
}

/* The whole flash file, for before/after comparisons. */
static int slurp(const char *path, uint8_t *buf)
{
	FILE *f = fopen(path, "rb");
	size_t n;

	if (!f)
		return -1;
	n = fread(buf, 1, UVT_FLASH_SIZE, f);
	fclose(f);
	return n == UVT_FLASH_SIZE ? 0 : -1;
}

/*
 * A cut at any point, then another program writes the first sector (as
 * U-Boot's saveenv did): mount reports it (UV_E_FOREIGN, or read-only on
 * the other bank), never erases or formats, and every byte stays as found.
 */
TEST_NEG(powercut_then_foreign_overwrite_of_the_first_sector)
{
	static uint8_t before_b[UVT_FLASH_SIZE], after_b[UVT_FLASH_SIZE];
	char path[] = "/tmp/uefivar-foreign-XXXXXX";
	int mf, e, refused = 0, readonly = 0;
	uint64_t total;
	struct uvf f;

	if (clean_run(path, &f, &mf))
		return;
	total = f.ops;
	uvf_close(&f);
	for (uint64_t at = 0; at < total; at += 7) {
		struct step extra = { OP_PUT, 5, 33, 99 };
		FILE *w;

		CHECK(uvt_flash(&f, path, true) == 0);
		f.cut_at = at;
		run(&f, &st, &before, &after, &mf);
		uvf_close(&f);
		w = fopen(path, "r+b");
		CHECK(w != NULL);
		if (!w)
			break;
		fputs("bootdelay=2", w);
		for (unsigned int i = 11; i < UVT_ERASE_SIZE; i++)
			fputc(0x5a, w);
		fclose(w);
		CHECK(slurp(path, before_b) == 0);
		CHECK(uvt_flash(&f, path, false) == 0);
		e = uv_store_mount(&st, &f.fl);
		CHECK(e == UV_E_FOREIGN || (e == UV_OK && (st.foreign & 1u)));
		refused += e == UV_E_FOREIGN;
		if (e == UV_OK) {
			readonly++;
			CHECK_EQ(store_step(&st, &extra), UV_E_FOREIGN);
		}
		uvf_close(&f);
		CHECK(slurp(path, after_b) == 0);
		CHECK(memcmp(before_b, after_b, UVT_FLASH_SIZE) == 0);
	}
	unlink(path);
	printf("    foreign overwrite after a cut: %d refused to mount, %d read-only\n", refused,
	       readonly);
	CHECK(refused > 0);
	CHECK(readonly > 0);
}
