/* SPDX-License-Identifier: MIT */
/*
 * The ffa-host script. Each step makes one client call (or checks memory
 * locally), prints "-> call   <- result" and counts as ok when the result
 * is the one the step expects, refusals included: a reclaim the SPMC must
 * deny is a passing step when it is denied.
 */
#include "host/cli/session.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "services/test_sp.h"

#define SCRATCH_SIZE (16u * 1024u)
#define SHARE_PAGES 3u
#define LEND_PAGES 2u
#define FILL_BYTE 0xA5u

struct sess {
	const struct session_opts *o;
	FILE *out;
	struct ffa_client c;
	unsigned int ok, failed;
	unsigned int refusals;      /* passing steps whose expected result is an error */
	uint64_t next_pa, end_pa;   /* bump allocator over the NS RAM we were given */
	uint16_t sp;                /* the test partition, once found */
	uint8_t scratch[SCRATCH_SIZE];
};

static void step(struct sess *s, bool ok, const char *call, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void step(struct sess *s, bool ok, const char *call, const char *fmt, ...)
{
	char res[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(res, sizeof(res), fmt, ap);
	va_end(ap);
	fprintf(s->out, "-> %-50s <- %s%s\n", call, res, ok ? "" : "   ** UNEXPECTED");
	if (ok)
		s->ok++;
	else
		s->failed++;
}

static const char *st(int32_t ret)
{
	return ffa_client_status_str(ret);
}

/* A step that must be refused with `want`; `why` says why it must. */
static void refused(struct sess *s, int32_t ret, int32_t want, const char *call,
		    const char *why)
{
	bool ok = ret == want;

	step(s, ok, call, "%s%s", st(ret), ok ? why : "");
	if (ok)
		s->refusals++;
}

static void dump_regs(FILE *f, const char *dir, const struct ffa_regs *r)
{
	unsigned int n = 8;

	/* The wide calls (REQ2, GET_REGS) use up to x17: show them when set. */
	for (unsigned int i = 8; i < FFA_REGS_COUNT; i++)
		if (r->x[i])
			n = i + 1;
	fprintf(f, "       %s", dir);
	for (unsigned int i = 0; i < n; i++)
		fprintf(f, " x%u=%" PRIx64, i, r->x[i]);
	fprintf(f, "\n");
}

static void trace(void *ctx, const struct ffa_regs *in, const struct ffa_regs *out)
{
	struct sess *s = ctx;

	fprintf(s->out, "     %s\n", ffa_client_fid_str((uint32_t)in->x[0]));
	dump_regs(s->out, "in ", in);
	dump_regs(s->out, "out", out);
}

static uint64_t ns_alloc(struct sess *s, uint32_t pages)
{
	uint64_t pa = s->next_pa, size = (uint64_t)pages * FFA_PAGE_SIZE;

	if (size > s->end_pa - pa)
		return 0;
	s->next_pa += size;
	return pa;
}

static void pattern(uint8_t *p, uint64_t n, uint32_t seed)
{
	for (uint64_t i = 0; i < n; i++)
		p[i] = (uint8_t)(seed + i * 131u + (i >> 12));
}

static void vstr(char *buf, size_t n, uint32_t v)
{
	snprintf(buf, n, "%u.%u", FFA_VERSION_MAJOR(v), FFA_VERSION_MINOR(v));
}

/* ---- setup and discovery ---- */

static bool do_version(struct sess *s)
{
	char call[64], want[16], got[16], neg[16];
	int32_t ret = ffa_client_negotiate(&s->c, s->o->version);

	vstr(want, sizeof(want), s->o->version);
	vstr(got, sizeof(got), s->c.spmc_version);
	vstr(neg, sizeof(neg), s->c.version);
	snprintf(call, sizeof(call), "FFA_VERSION(%s)", want);
	if (ret) {
		step(s, false, call, "%s", st(ret));
		return false;
	}
	step(s, s->c.version == s->o->version, call, "%s (negotiated %s)", got, neg);
	return s->c.version == s->o->version;
}

static void do_id(struct sess *s)
{
	uint16_t id = 0xFFFF;
	int32_t ret = ffa_client_id_get(&s->c, &id);

	if (ret)
		step(s, false, "FFA_ID_GET", "%s", st(ret));
	else
		step(s, id == FFA_ID_NS_PHYS, "FFA_ID_GET", "id 0x%04x", id);
}

struct feature_case {
	uint32_t fid;
	uint32_t min_version; /* supported from this negotiated version on */
};

static void do_features(struct sess *s)
{
	static const struct feature_case cases[] = {
		{ FFA_RXTX_MAP_64, FFA_VERSION_1_0 },
		{ FFA_MEM_SHARE_64, FFA_VERSION_1_0 },
		{ FFA_MEM_LEND_64, FFA_VERSION_1_0 },
		{ FFA_MEM_RETRIEVE_REQ_64, FFA_VERSION_1_0 },
		{ FFA_MSG_SEND_DIRECT_REQ2, FFA_VERSION_1_2 },
		{ FFA_PARTITION_INFO_GET_REGS, FFA_VERSION_1_2 },
		{ FFA_MEM_DONATE_64, 0xFFFFFFFFu }, /* this SPMC has no donate */
	};

	for (unsigned int i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		bool want = s->c.version >= cases[i].min_version;
		uint32_t props = 0;
		int32_t ret = ffa_client_features(&s->c, cases[i].fid, 0, &props, NULL);
		char call[80];

		snprintf(call, sizeof(call), "FFA_FEATURES(%s)", ffa_client_fid_str(cases[i].fid));
		if (ret == FFA_RET_SUCCESS && cases[i].fid == FFA_RXTX_MAP_64)
			step(s, want, call, "supported: min buffer %s, max %u pages",
			     (props & FFA_FEAT_RXTX_MIN_SIZE_MASK) == FFA_FEAT_RXTX_MIN_SIZE_4K ? "4K" :
			     "16K/64K", props >> FFA_FEAT_RXTX_MAX_PAGES_SHIFT);
		else if (ret == FFA_RET_SUCCESS)
			step(s, want, call, "supported (properties 0x%x)", props);
		else if (want)
			step(s, false, call, "%s", st(ret));
		else
			refused(s, ret, FFA_RET_NOT_SUPPORTED, call, " (expected)");
	}
}

static bool do_map(struct sess *s)
{
	uint64_t tx = ns_alloc(s, 1), rx = ns_alloc(s, 1);
	char call[96];
	int32_t ret;

	snprintf(call, sizeof(call), "FFA_RXTX_MAP_64(tx 0x%" PRIx64 ", rx 0x%" PRIx64 ")", tx, rx);
	ret = ffa_client_map_rxtx(&s->c, tx, rx, 1);
	step(s, ret == FFA_RET_SUCCESS, call, "%s, 1 page each", st(ret));
	return ret == FFA_RET_SUCCESS;
}

static void props_str(uint32_t p, char *buf, size_t n)
{
	snprintf(buf, n, "%s%s%s%s%s%s",
		 p & FFA_PART_PROP_DIRECT_REQ_RECV ? "req-recv " : "",
		 p & FFA_PART_PROP_DIRECT_REQ_SEND ? "req-send " : "",
		 p & FFA_PART_PROP_INDIRECT_MSG ? "indirect " : "",
		 p & FFA_PART_PROP_DIRECT_REQ2_RECV ? "req2-recv " : "",
		 p & FFA_PART_PROP_DIRECT_REQ2_SEND ? "req2-send " : "",
		 p & FFA_PART_PROP_AARCH64 ? "aarch64" : "aarch32");
}

static bool do_partitions(struct sess *s)
{
	const struct ffa_uuid want = FFA_UUID_FFA_STACK_TEST;
	struct ffa_partinfo p[8];
	uint32_t n = 0;
	int32_t ret = ffa_client_partitions(&s->c, NULL, p, 8, &n);
	bool found = false;

	if (ret) {
		step(s, false, "FFA_PARTITION_INFO_GET(all)", "%s", st(ret));
		return false;
	}
	for (uint32_t i = 0; i < n && i < 8; i++)
		if (p[i].id == TEST_SP_ID && (s->c.version == FFA_VERSION_1_0 ||
					  ffa_uuid_equal(&p[i].uuid, &want)))
			found = true;
	step(s, found, "FFA_PARTITION_INFO_GET(all)", "%u partition%s%s", n, n == 1 ? "" : "s",
	     found ? "" : ", test partition missing");
	for (uint32_t i = 0; i < n && i < 8; i++) {
		char u[FFA_CLIENT_UUID_STR_LEN], pr[96];

		ffa_client_uuid_str(&p[i].uuid, u);
		props_str(p[i].properties, pr, sizeof(pr));
		fprintf(s->out, "     id 0x%04x  ctx %u  props 0x%03x (%s)  uuid %s\n", p[i].id,
			p[i].exec_ctx_count, p[i].properties, pr, u);
	}
	if (found)
		s->sp = TEST_SP_ID;
	return found;
}

static void do_partitions_more(struct sess *s)
{
	const struct ffa_uuid tu = FFA_UUID_FFA_STACK_TEST;
	struct ffa_partinfo a[8], b[8];
	uint32_t na = 0, nb = 0;
	uint16_t id = 0;
	int32_t ret;

	if (s->c.version < FFA_VERSION_1_1)
		return;
	ret = ffa_client_partition_count(&s->c, NULL, &na);
	step(s, ret == FFA_RET_SUCCESS && na >= 1, "FFA_PARTITION_INFO_GET(all, count only)",
	     "%s, %u", st(ret), na);
	ret = ffa_client_find_partition(&s->c, &tu, &id);
	step(s, ret == FFA_RET_SUCCESS && id == TEST_SP_ID, "FFA_PARTITION_INFO_GET(test uuid)",
	     "%s id 0x%04x", st(ret), id);
	if (s->c.version < FFA_VERSION_1_2)
		return;
	ret = ffa_client_partitions(&s->c, NULL, a, 8, &na);
	if (ret == FFA_RET_SUCCESS)
		ret = ffa_client_partitions_regs(&s->c, NULL, b, 8, &nb);
	if (ret) {
		step(s, false, "FFA_PARTITION_INFO_GET_REGS(all)", "%s", st(ret));
		return;
	}
	bool same = na == nb;

	for (uint32_t i = 0; same && i < na && i < 8; i++)
		same = a[i].id == b[i].id && a[i].properties == b[i].properties &&
		       ffa_uuid_equal(&a[i].uuid, &b[i].uuid);
	step(s, same, "FFA_PARTITION_INFO_GET_REGS(all)", "%u partition%s, %s", nb,
	     nb == 1 ? "" : "s", same ? "same as PARTITION_INFO_GET" : "DIFFERENT from the RX list");
}

/* ---- direct messages ---- */

static void do_direct(struct sess *s)
{
	const struct ffa_uuid tu = FFA_UUID_FFA_STACK_TEST;
	uint32_t a32[FFA_CLIENT_REQ_ARGS] = { TEST_SP_CMD_ECHO, 0x11111111, 0x22222222, 0x33333333,
					      0x44444444 }, o32[FFA_CLIENT_REQ_ARGS];
	uint64_t a64[FFA_CLIENT_REQ_ARGS] = { TEST_SP_CMD_ECHO, 0x1111111122222222ull,
					      0x3333333344444444ull, 0x5555555566666666ull,
					      0x7777777788888888ull }, o64[FFA_CLIENT_REQ_ARGS];
	uint64_t a2[FFA_CLIENT_REQ2_ARGS], o2[FFA_CLIENT_REQ2_ARGS];
	unsigned int same = 0;
	int32_t ret;

	ret = ffa_client_direct_req32(&s->c, s->sp, a32, o32);
	for (unsigned int i = 0; !ret && i < FFA_CLIENT_REQ_ARGS; i++)
		same += o32[i] == a32[i];
	step(s, !ret && same == FFA_CLIENT_REQ_ARGS, "FFA_MSG_SEND_DIRECT_REQ_32(0x8001, ECHO)",
	     "%s, echoed %u/5 registers", st(ret), same);

	same = 0;
	ret = ffa_client_direct_req64(&s->c, s->sp, a64, o64);
	for (unsigned int i = 0; !ret && i < FFA_CLIENT_REQ_ARGS; i++)
		same += o64[i] == a64[i];
	step(s, !ret && same == FFA_CLIENT_REQ_ARGS, "FFA_MSG_SEND_DIRECT_REQ_64(0x8001, ECHO)",
	     "%s, echoed %u/5 registers", st(ret), same);

	ret = ffa_client_direct_req32(&s->c, 0x8007, a32, o32);
	refused(s, ret, FFA_RET_INVALID_PARAMETERS, "FFA_MSG_SEND_DIRECT_REQ_32(0x8007, ECHO)",
		" (expected: no such partition)");

	if (s->c.version < FFA_VERSION_1_2)
		return;
	same = 0;
	a2[0] = TEST_SP_CMD_ECHO;
	for (unsigned int i = 1; i < FFA_CLIENT_REQ2_ARGS; i++)
		a2[i] = 0x0101010101010101ull * i;
	ret = ffa_client_direct_req2_uuid(&s->c, &tu, a2, o2);
	for (unsigned int i = 0; !ret && i < FFA_CLIENT_REQ2_ARGS; i++)
		same += o2[i] == a2[i];
	step(s, !ret && same == FFA_CLIENT_REQ2_ARGS, "FFA_MSG_SEND_DIRECT_REQ2(test uuid, ECHO)",
	     "%s, echoed %u/14 registers", st(ret), same);
}

static void do_ns_info(struct sess *s)
{
	uint64_t a[FFA_CLIENT_REQ_ARGS] = { TEST_SP_CMD_NS_INFO }, o[FFA_CLIENT_REQ_ARGS];
	int32_t ret = ffa_client_direct_req64(&s->c, s->sp, a, o);
	char v[16];
	bool ok;

	if (ret || (int32_t)o[0]) {
		step(s, false, "FFA_MSG_SEND_DIRECT_REQ_64(0x8001, NS_INFO)", "%s / status %s",
		     st(ret), st((int32_t)o[0]));
		return;
	}
	vstr(v, sizeof(v), (uint32_t)o[1]);
	ok = (uint32_t)o[1] == s->c.version && o[2] == s->c.tx_pa && o[3] == s->c.rx_pa &&
	     (o[4] & 0xFFFF) == s->c.pages;
	step(s, ok, "FFA_MSG_SEND_DIRECT_REQ_64(0x8001, NS_INFO)",
	     "SPMC sees v%s%s, TX 0x%" PRIx64 " RX 0x%" PRIx64 ", %u page(s)", v,
	     (o[1] >> 32) & TEST_SP_NS_INFO_LOCKED ? " (locked)" : "", o[2], o[3],
	     (unsigned int)(o[4] & 0xFFFF));
}

/* ---- memory ---- */

static int32_t test_sp_cmd(struct sess *s, uint32_t cmd, uint64_t handle, uint32_t a3,
		       uint32_t out[FFA_CLIENT_REQ_ARGS])
{
	uint32_t in[FFA_CLIENT_REQ_ARGS] = { cmd, (uint32_t)handle, (uint32_t)(handle >> 32), a3,
					     0 };
	int32_t ret = ffa_client_direct_req32(&s->c, s->sp, in, out);

	/* The partition's own status travels in a0. */
	return ret ? ret : (int32_t)out[0];
}

static int32_t send_region(struct sess *s, bool lend, const struct ffa_mem_range *rg,
			   uint32_t n, uint8_t perms, uint64_t *handle)
{
	struct ffa_mem_access ep = { .receiver = s->sp, .perms = perms };
	struct ffa_client_mem m = {
		.receivers = &ep, .receiver_count = 1, .ranges = rg, .range_count = n,
		.attributes = FFA_ATTR_NORMAL_WB_INNER,
	};

	if (lend)
		return ffa_client_mem_lend(&s->c, &m, s->scratch, sizeof(s->scratch), handle);
	return ffa_client_mem_share(&s->c, &m, s->scratch, sizeof(s->scratch), handle);
}

static void reclaim(struct sess *s, uint64_t h, int32_t want, const char *why)
{
	char call[64];
	int32_t ret = ffa_client_mem_reclaim(&s->c, h, 0);

	snprintf(call, sizeof(call), "FFA_MEM_RECLAIM(0x%" PRIx64 ")", h);
	if (want)
		refused(s, ret, want, call, why);
	else
		step(s, ret == want, call, "%s", st(ret));
}

/*
 * One region of `pages` fresh NS pages filled from `seed`, shared (or lent)
 * read-write with the test partition, each step reported. Returns its local
 * mapping, or NULL when a step failed.
 */
static uint8_t *send_patterned(struct sess *s, bool lend, uint32_t pages, uint8_t seed,
			       uint64_t *h)
{
	const char *fid = lend ? "FFA_MEM_LEND_64" : "FFA_MEM_SHARE_64";
	struct ffa_mem_range rg = { ns_alloc(s, pages), pages };
	uint64_t len = (uint64_t)pages * FFA_PAGE_SIZE;
	uint8_t *p = s->c.ptr(s->c.ctx, rg.addr, len);
	char call[96];
	int32_t ret;

	if (!p) {
		step(s, false, fid, "no NS memory left for the region");
		return NULL;
	}
	pattern(p, len, seed);
	snprintf(call, sizeof(call), "%s(0x%" PRIx64 ", %u pages, RW)", fid, rg.addr, pages);
	ret = send_region(s, lend, &rg, 1, FFA_PERM_DATA_RW | FFA_PERM_INSTR_NX, h);
	if (ret) {
		step(s, false, call, "%s", st(ret));
		return NULL;
	}
	step(s, true, call, "handle 0x%" PRIx64, *h);
	return p;
}

static void do_share(struct sess *s)
{
	uint32_t o[FFA_CLIENT_REQ_ARGS];
	uint64_t len = (uint64_t)SHARE_PAGES * FFA_PAGE_SIZE, h = 0, local, remote;
	uint8_t *p = send_patterned(s, false, SHARE_PAGES, 0x5A, &h);
	int32_t ret;

	if (!p)
		return;
	local = test_sp_fnv1a(TEST_SP_FNV_OFFSET, p, len);
	ret = test_sp_cmd(s, TEST_SP_CMD_MEM_CHECKSUM, h, 0, o);
	remote = ffa_handle_join(o[1], o[2]);
	step(s, !ret && remote == local && o[3] == SHARE_PAGES,
	     "FFA_MSG_SEND_DIRECT_REQ_32(0x8001, MEM_CHECKSUM)",
	     "%s: 0x%016" PRIx64 " over %u pages, local FNV-1a 0x%016" PRIx64 " %s", st(ret),
	     remote, o[3], local, remote == local ? "(equal)" : "(DIFFERENT)");

	ret = test_sp_cmd(s, TEST_SP_CMD_MEM_RETRIEVE, h, 0, o);
	step(s, !ret && o[3] == SHARE_PAGES, "FFA_MSG_SEND_DIRECT_REQ_32(0x8001, MEM_RETRIEVE)",
	     "%s: partition keeps %u pages", st(ret), o[3]);
	reclaim(s, h, FFA_RET_DENIED, " (expected: still retrieved)");
	ret = test_sp_cmd(s, TEST_SP_CMD_MEM_RELINQUISH, h, 0, o);
	step(s, !ret, "FFA_MSG_SEND_DIRECT_REQ_32(0x8001, MEM_RELINQUISH)", "%s", st(ret));
	reclaim(s, h, FFA_RET_SUCCESS, "");
	reclaim(s, h, FFA_RET_INVALID_PARAMETERS, " (expected: handle already reclaimed)");
}

static void do_lend(struct sess *s)
{
	uint32_t o[FFA_CLIENT_REQ_ARGS];
	uint64_t len = (uint64_t)LEND_PAGES * FFA_PAGE_SIZE, h = 0, good = 0;
	uint8_t *p = send_patterned(s, true, LEND_PAGES, 0x33, &h);
	int32_t ret;

	if (!p)
		return;
	ret = test_sp_cmd(s, TEST_SP_CMD_MEM_FILL, h, FILL_BYTE, o);
	step(s, !ret && o[3] == LEND_PAGES, "FFA_MSG_SEND_DIRECT_REQ_32(0x8001, MEM_FILL 0xa5)",
	     "%s: %u pages filled", st(ret), o[3]);
	reclaim(s, h, FFA_RET_SUCCESS, "");
	/* Back with the owner: the partition's writes must be there. */
	for (uint64_t i = 0; i < len; i++)
		good += p[i] == FILL_BYTE;
	step(s, good == len, "(local) read back the lent pages",
	     "%" PRIu64 "/%" PRIu64 " bytes are 0x%02x", good, len, FILL_BYTE);
}

static bool same_ranges(const uint8_t *buf, const struct ffa_mtd *d,
			const struct ffa_mem_range *rg, uint32_t n)
{
	struct ffa_mem_range got;

	if (d->range_count != n)
		return false;
	for (uint32_t i = 0; i < n; i++) {
		ffa_mtd_range(buf, d, i, &got);
		if (got.addr != rg[i].addr || got.pages != rg[i].pages)
			return false;
	}
	return true;
}

static void do_hyp_retrieve(struct sess *s)
{
	uint64_t base = ns_alloc(s, 4), h = 0;
	struct ffa_mem_range rg[2] = { { base, 1 }, { base + 2 * FFA_PAGE_SIZE, 2 } };
	uint32_t o[FFA_CLIENT_REQ_ARGS];
	struct ffa_mtd d;
	uint32_t len = 0;
	char call[64];
	bool ok;
	int32_t ret;

	ret = send_region(s, false, rg, 2, FFA_PERM_DATA_RO | FFA_PERM_INSTR_NX, &h);
	if (ret) {
		step(s, false, "FFA_MEM_SHARE_64(2 ranges, 3 pages, RO)", "%s", st(ret));
		return;
	}
	step(s, true, "FFA_MEM_SHARE_64(2 ranges, 3 pages, RO)", "handle 0x%" PRIx64, h);
	snprintf(call, sizeof(call), "FFA_MEM_RETRIEVE_REQ_64(hyp, 0x%" PRIx64 ")", h);
	ret = ffa_client_hyp_retrieve(&s->c, h, s->scratch, sizeof(s->scratch), &len, &d);
	if (ret) {
		step(s, false, call, "%s", st(ret));
	} else {
		ok = d.sender == s->c.id && d.ep_count == 1 && d.ep[0].receiver == s->sp &&
		     (d.ep[0].perms & FFA_PERM_DATA_MASK) == FFA_PERM_DATA_RO &&
		     d.total_pages == 3 && same_ranges(s->scratch, &d, rg, 2);
		step(s, ok, call, "%u bytes: sender 0x%04x, receiver 0x%04x %s, %u ranges, %u pages",
		     len, d.sender, d.ep[0].receiver,
		     (d.ep[0].perms & FFA_PERM_DATA_MASK) == FFA_PERM_DATA_RO ? "RO" : "RW",
		     d.range_count, d.total_pages);
	}
	refused(s, test_sp_cmd(s, TEST_SP_CMD_MEM_FILL, h, FILL_BYTE, o), FFA_RET_DENIED,
		"FFA_MSG_SEND_DIRECT_REQ_32(0x8001, MEM_FILL)", " (expected: shared read-only)");
	reclaim(s, h, FFA_RET_SUCCESS, "");
}

static void do_unmap(struct sess *s)
{
	int32_t ret = ffa_client_unmap_rxtx(&s->c);

	step(s, ret == FFA_RET_SUCCESS, "FFA_RXTX_UNMAP", "%s", st(ret));
}

static void script(struct sess *s)
{
	if (!do_version(s))
		return;
	do_id(s);
	do_features(s);
	if (!do_map(s))
		return;
	/* Without the test partition nothing below has anybody to talk to. */
	if (!do_partitions(s))
		return;
	do_partitions_more(s);
	do_direct(s);
	do_ns_info(s);
	do_share(s);
	do_lend(s);
	do_hyp_retrieve(s);
	do_unmap(s);
}

int session_run(const struct session_opts *o, ffa_client_conduit_fn call,
		ffa_client_ptr_fn ptr, void *ctx)
{
	struct sess *s = calloc(1, sizeof(*s));
	int failed;

	if (!s) {
		fprintf(o->out ? o->out : stdout, "session: 0 steps ok, 1 failed (out of memory)\n");
		return 1;
	}
	s->o = o;
	s->out = o->out ? o->out : stdout;
	s->next_pa = o->ns_base;
	s->end_pa = o->ns_base + o->ns_size;
	ffa_client_init(&s->c, call, ptr, ctx);
	if (o->verbose) {
		s->c.trace = trace;
		s->c.trace_ctx = s;
	}
	script(s);
	fprintf(s->out, "session: %u steps ok, %u failed (%u expected refusals)\n", s->ok,
		s->failed, s->refusals);
	failed = (int)s->failed;
	free(s);
	return failed;
}
