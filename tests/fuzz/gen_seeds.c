// SPDX-License-Identifier: MIT
/*
 * Writes the seed corpora of the fuzz targets into <dir>/<target>/, the
 * same bytes on every run (no randomness, no time): valid and nearly valid
 * inputs that reach deep into each target, which the fuzzer then mutates.
 * `make fuzz-seeds` refreshes tests/fuzz/corpus with it and `make test`
 * checks the committed seeds are still what it writes.
 *
 * Usage: gen-seeds <dir>
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "ffa/abi.h"
#include "ffa/codec.h"
#include "ffa/mem.h"
#include "common/byteorder.h"
#include "services/mm_var.h"
#include "services/tpm_crb_ffa.h"
#include "services/uefivar/ramflash.h"
#include "services/uefivar/store.h"
#include "tests/fuzz/fuzz_spmc_ops.h"

#define SEED_MAX (64u * 1024u)
#define TSP 0x8001u

struct seed {
	uint8_t b[SEED_MAX];
	uint32_t n;
};

static const char *out_dir;

static void put(struct seed *s, uint64_t v, unsigned int bytes)
{
	for (unsigned int i = 0; i < bytes; i++) {
		if (s->n >= SEED_MAX) {
			fprintf(stderr, "gen-seeds: seed too large\n");
			exit(1);
		}
		s->b[s->n++] = (uint8_t)(v >> (8 * i));
	}
}

static void write_seed(const char *target, const char *name, const struct seed *s)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", out_dir, target);
	if (mkdir(path, 0755) != 0 && errno != EEXIST) {
		perror(path);
		exit(1);
	}
	snprintf(path, sizeof(path), "%s/%s/%s", out_dir, target, name);
	f = fopen(path, "wb");
	if (!f || fwrite(s->b, 1, s->n, f) != s->n || fclose(f) != 0) {
		perror(path);
		exit(1);
	}
}

/* ---- codec seeds: selector byte, then the buffer ---- */

static uint8_t codec_sel(unsigned int layout_idx, unsigned int kind, unsigned int mode)
{
	return (uint8_t)(layout_idx | kind << 2 | mode << 4);
}

static void mtd_seed(const char *name, unsigned int li, enum ffa_mtd_kind kind,
		     uint32_t eps, uint32_t nranges, uint64_t handle)
{
	static const uint32_t layouts[] = { FFA_VERSION_1_0, FFA_VERSION_1_1, FFA_VERSION_1_2 };
	struct ffa_mem_range r[8];
	struct ffa_mtd d;
	struct seed s = { .n = 0 };
	uint32_t len;

	memset(&d, 0, sizeof(d));
	d.sender = 0;
	d.attributes = FFA_ATTR_NORMAL_WB_INNER;
	d.flags = kind == FFA_MTD_KIND_RETRIEVE_RESP ? FFA_MTD_FLAG_TYPE_SHARE : 0;
	d.handle = handle;
	d.tag = 0x1234;
	d.ep_count = eps;
	for (uint32_t i = 0; i < eps; i++) {
		d.ep[i].receiver = (uint16_t)(TSP + i);
		d.ep[i].perms = FFA_PERM_DATA_RW | FFA_PERM_INSTR_NX;
	}
	/* Descending addresses: the sort has work to do. */
	for (uint32_t i = 0; i < nranges; i++) {
		r[i].addr = 0x40000000ull + (uint64_t)(nranges - i) * 0x3000u;
		r[i].pages = 1 + i % 2;
	}
	put(&s, codec_sel(li, kind, 0), 1);
	len = ffa_mtd_encode(s.b + 1, SEED_MAX - 1, layouts[li], &d, r, nranges);
	if (!len) {
		fprintf(stderr, "gen-seeds: %s does not encode\n", name);
		exit(1);
	}
	s.n += len;
	write_seed("codec", name, &s);
}

static void codec_seeds(void)
{
	static const char *lnames[] = { "v10", "v11", "v12" };
	struct seed s;
	struct ffa_relinquish rel = { .handle = 0x4200, .flags = 0, .ep_count = 2, .ep = { TSP, TSP + 1 } };
	struct ffa_partinfo pi = { .id = TSP, .exec_ctx_count = 1,
				   .properties = FFA_PART_PROP_DIRECT_REQ_RECV };
	char name[64];

	for (unsigned int li = 0; li < 3; li++) {
		snprintf(name, sizeof(name), "%s-send-1", lnames[li]);
		mtd_seed(name, li, FFA_MTD_KIND_SEND, 1, 1, 0);
		snprintf(name, sizeof(name), "%s-send-2ep-5", lnames[li]);
		mtd_seed(name, li, FFA_MTD_KIND_SEND, 2, 5, 0);
		snprintf(name, sizeof(name), "%s-resp-3", lnames[li]);
		mtd_seed(name, li, FFA_MTD_KIND_RETRIEVE_RESP, 1, 3, 0x100);
		snprintf(name, sizeof(name), "%s-retrieve-req", lnames[li]);
		mtd_seed(name, li, FFA_MTD_KIND_RETRIEVE_REQ, 1, 1, 0x200);
		s.n = 0;
		put(&s, codec_sel(li, FFA_MTD_KIND_HYP_RETRIEVE, 0), 1);
		s.n += ffa_mtd_encode_hyp_retrieve(s.b + 1, SEED_MAX - 1,
						   li ? FFA_VERSION_1_1 : FFA_VERSION_1_0, 0, 0x300);
		snprintf(name, sizeof(name), "%s-hyp-retrieve", lnames[li]);
		write_seed("codec", name, &s);
	}
	s.n = 0;
	put(&s, codec_sel(0, 0, 1), 1);
	s.n += ffa_relinquish_encode(s.b + 1, SEED_MAX - 1, &rel);
	write_seed("codec", "relinquish-2", &s);
	for (unsigned int li = 0; li < 2; li++) {
		s.n = 0;
		put(&s, codec_sel(li, 0, 2), 1);
		for (unsigned int i = 0; i < 2; i++)
			s.n += ffa_partinfo_encode(s.b + s.n, SEED_MAX - s.n,
						   li ? FFA_VERSION_1_1 : FFA_VERSION_1_0, &pi);
		write_seed("codec", li ? "partinfo-v11" : "partinfo-v10", &s);
	}
	/* Range lists: 12 bytes each (u64 address, u32 pages). */
	s.n = 0;
	put(&s, codec_sel(0, 0, 3), 1);
	for (unsigned int i = 0; i < 6; i++) {
		put(&s, 0x80000000ull + (uint64_t)(i * 7 % 6) * 0x2000u, 8);
		put(&s, 1 + (i == 3), 4);      /* range 3 overlaps its neighbour */
	}
	write_seed("codec", "ranges-6", &s);
}

/* ---- SPMC seeds: operation sequences (fuzz_spmc_ops.h) ---- */

static uint8_t fid_byte(uint32_t fid)
{
	return (uint8_t)((FFA_FN_NUM(fid) - FFA_FN_NUM_MIN) | (FFA_FN_IS_SMC64(fid) ? 0x40u : 0u));
}

/* FZ_OP_CALL with x1.. given as (tag, payload) pairs; payload bytes by tag. */
struct val {
	uint8_t tag;
	uint64_t v;
};

static unsigned int val_bytes(uint8_t tag)
{
	switch (tag) {
	case FZ_V_U8: case FZ_V_PAGE: case FZ_V_HANDLE_LO: case FZ_V_HANDLE_HI:
	case FZ_V_VERSION:
		return 1;
	case FZ_V_U16: case FZ_V_IDS:
		return 2;
	case FZ_V_U32:
		return 4;
	case FZ_V_U64:
		return 8;
	default:
		return 0;
	}
}

static void call(struct seed *s, uint32_t fid, unsigned int n, const struct val *v)
{
	put(s, FZ_OP_CALL, 1);
	put(s, fid_byte(fid), 1);
	put(s, (1u << n) - 1u, 1);
	for (unsigned int i = 0; i < n; i++) {
		put(s, v[i].tag, 1);
		put(s, v[i].v, val_bytes(v[i].tag));
	}
}

#define CALL(s, fid, ...) do {                                                    \
		const struct val v_[] = { __VA_ARGS__ };                          \
		call((s), (fid), sizeof(v_) / sizeof(v_[0]), v_);                 \
	} while (0)
#define V(tag, val) { (tag), (val) }
#define ZERO V(FZ_V_ZERO, 0)

/* FZ_V_IDS payload: sender selector, receiver selector. */
#define IDS(snd, rcv) V(FZ_V_IDS, (uint64_t)(snd) | (uint64_t)(rcv) << 8)

static void setup(struct seed *s, unsigned int minor, unsigned int pages)
{
	CALL(s, FFA_VERSION, V(FZ_V_VERSION, minor));
	CALL(s, FFA_RXTX_MAP_64, V(FZ_V_PAGE, 0), V(FZ_V_PAGE, 64), V(FZ_V_U8, pages));
}

/* FZ_OP_SEND: how, layout-sel (3 = negotiated), ep, perm, flags, attr, n, first, stride, pages. */
static void send(struct seed *s, uint8_t how, uint8_t ep, uint8_t perm, uint16_t n,
		 uint8_t first, uint8_t stride)
{
	put(s, FZ_OP_SEND, 1);
	put(s, how, 1);
	put(s, 3, 1);
	put(s, ep, 1);
	put(s, perm, 1);
	put(s, 0, 1);
	put(s, FFA_ATTR_NORMAL_WB_INNER, 2);
	put(s, n ? n - 1u : 0u, 2);
	put(s, first, 1);
	put(s, stride, 1);
	put(s, 0, 1);
}

static void put_bytes(struct seed *s, const uint8_t *b, unsigned int n)
{
	for (unsigned int i = 0; i < n; i++)
		put(s, b[i], 1);
}

static void direct_byte(struct seed *s, uint8_t how, uint8_t rcv_sel, uint8_t cmd, uint8_t h,
			uint8_t byte)
{
	const uint8_t b[] = { FZ_OP_DIRECT, how, rcv_sel, cmd, h, byte };

	put_bytes(s, b, sizeof(b));
}

static void direct(struct seed *s, uint8_t how, uint8_t rcv_sel, uint8_t cmd, uint8_t h)
{
	direct_byte(s, how, rcv_sel, cmd, h, 0xA5);
}

/* FZ_OP_SP: partition sp's own API call (sub) on handle idx, range; first/count in a3. */
static void sp_api(struct seed *s, uint8_t sub, uint8_t sp, uint8_t idx, uint8_t range,
		   uint32_t a3)
{
	put(s, FZ_OP_SP, 1);
	put(s, sub, 1);
	put(s, sp, 1);
	put(s, idx, 1);
	put(s, range, 1);
	put(s, a3, 3);
}

static void reclaim(struct seed *s, uint8_t h)
{
	CALL(s, FFA_MEM_RECLAIM, V(FZ_V_HANDLE_LO, h), V(FZ_V_HANDLE_HI, h), ZERO);
}

static void spmc_seed_share_checksum(void)
{
	struct seed s = { .n = 0 };

	setup(&s, 2, 1);
	send(&s, FZ_SEND_64 | FZ_SEND_ALL_FRAGS, 0, FFA_PERM_DATA_RW, 1, 100, 0);
	direct(&s, 1, FZ_ID_TSP, 1, 0);          /* MEM_CHECKSUM */
	direct(&s, 0, FZ_ID_TSP, 2, 0);          /* MEM_FILL over 32-bit */
	reclaim(&s, 0);
	CALL(&s, FFA_RXTX_UNMAP, ZERO);
	write_seed("spmc", "v12-share-checksum-reclaim", &s);
}

static void spmc_seed_lend_two(void)
{
	struct seed s = { .n = 0 };

	setup(&s, 1, 2);
	send(&s, FZ_SEND_LEND | FZ_SEND_ALL_FRAGS, 1, FFA_PERM_DATA_RW, 3, 120, 3);
	send(&s, FZ_SEND_ALL_FRAGS, 0, FFA_PERM_DATA_RO, 2, 66, 0x80);   /* overlap: refused */
	/* The fuzz partition retrieves, maps and relinquishes; the test one retrieves. */
	direct(&s, 1, FZ_ID_FZP, FZP_CMD_RETRIEVE, 0);
	direct(&s, 1, FZ_ID_FZP, FZP_CMD_MAP, 0);   /* a3 0xA5: range 1, page 1, 3 pages */
	sp_api(&s, FZ_SP_RETRIEVE, FZ_ID_TSP, 0, 0, 0);
	sp_api(&s, FZ_SP_MAP, FZ_ID_TSP, 0, 0, 0x010001); /* range 1, page 0, 1 page */
	reclaim(&s, 0);                          /* DENIED: still retrieved */
	direct(&s, 1, FZ_ID_FZP, FZP_CMD_RELINQUISH, 0);
	sp_api(&s, FZ_SP_RELINQUISH, FZ_ID_TSP, 0, 0, 0);
	reclaim(&s, 0);
	write_seed("spmc", "v11-lend-two-receivers", &s);
}

static void spmc_seed_fragments(void)
{
	struct seed s = { .n = 0 };

	setup(&s, 0, 1);
	/* 300 adjacent one-page ranges, shuffled: more than one 4 KiB TX fill. */
	send(&s, FZ_SEND_64 | FZ_SEND_ALL_FRAGS | FZ_SEND_SHUFFLE, 0, FFA_PERM_DATA_RO, 300,
	     65, 0);
	put(&s, FZ_OP_HYP, 1);
	put(&s, 1, 1);
	put(&s, 0, 1);
	CALL(&s, FFA_RX_RELEASE, ZERO);
	CALL(&s, FFA_MEM_FRAG_RX, V(FZ_V_HANDLE_LO, 0), V(FZ_V_HANDLE_HI, 0),
	     V(FZ_V_RXTX_SIZE, 0));
	CALL(&s, FFA_RX_RELEASE, ZERO);
	reclaim(&s, 0);
	write_seed("spmc", "v10-fragmented-share-hyp-retrieve", &s);
}

static void spmc_seed_abandoned_fragments(void)
{
	struct seed s = { .n = 0 };

	setup(&s, 1, 1);
	send(&s, FZ_SEND_REVERSE, 0, FFA_PERM_DATA_RW, 300, 65, 0);  /* first fragment only */
	CALL(&s, FFA_MEM_FRAG_TX, V(FZ_V_HANDLE_LO, 0), V(FZ_V_HANDLE_HI, 0), V(FZ_V_U16, 16));
	CALL(&s, FFA_RXTX_UNMAP, ZERO);                 /* DENIED while staging */
	reclaim(&s, 0);                                  /* aborts the send */
	write_seed("spmc", "v11-abandoned-fragments", &s);
}

static void spmc_seed_staged_corrupt(void)
{
	struct seed s = { .n = 0 };

	setup(&s, 2, 1);
	send(&s, FZ_SEND_STAGE_ONLY, 0, FFA_PERM_DATA_RW, 2, 30, 4);
	put(&s, FZ_OP_TX, 1);
	put(&s, 0x24, 2);                                /* inside the header */
	put(&s, 2, 1);
	put(&s, 0xFFFF, 2);
	CALL(&s, FFA_MEM_SHARE_32, V(FZ_V_DESC_LEN, 0), V(FZ_V_DESC_LEN, 0));
	write_seed("spmc", "v12-staged-descriptor-corrupted", &s);
}

static void spmc_seed_discovery(void)
{
	struct seed s = { .n = 0 };

	setup(&s, 2, 1);
	CALL(&s, FFA_PARTITION_INFO_GET, ZERO, ZERO, ZERO, ZERO);
	CALL(&s, FFA_PARTITION_INFO_GET, ZERO, ZERO, ZERO, ZERO);   /* BUSY: RX held */
	CALL(&s, FFA_RX_RELEASE, ZERO);
	CALL(&s, FFA_PARTITION_INFO_GET_REGS, ZERO, ZERO, ZERO);
	CALL(&s, FFA_FEATURES, V(FZ_V_U32, FFA_RXTX_MAP_64));
	CALL(&s, FFA_FEATURES, V(FZ_V_U32, FFA_MSG_SEND_DIRECT_REQ2));
	CALL(&s, FFA_ID_GET);
	CALL(&s, FFA_SPM_ID_GET);
	direct(&s, 2, FZ_ID_TSP, 0, 0);           /* REQ2 echo */
	direct(&s, 1, FZ_ID_TSP, 5, 0);           /* NS_INFO */
	direct(&s, 2, FZ_ID_FZP, FZP_CMD_STATUS, 0);
	CALL(&s, FFA_MSG_SEND_DIRECT_REQ_64, IDS(FZ_ID_NS, FZ_ID_SPMC));
	CALL(&s, FFA_VERSION, V(FZ_V_VERSION, 0xF1));
	write_seed("spmc", "v12-discovery-and-messages", &s);
}

static void notify_op(struct seed *s, uint8_t sub, uint8_t bit, uint8_t flags)
{
	const uint8_t b[] = { FZ_OP_NOTIFY, sub, FZ_ID_TSP, FZ_ID_NS, bit, flags };

	put_bytes(s, b, sizeof(b));
}

/* Bitmap for endpoint 0, global and per-vCPU bindings, the partition
 * notifies, INFO_GET in both widths, GET, unbind, destroy. */
static void spmc_seed_notifications(void)
{
	struct seed s = { .n = 0 };

	setup(&s, 1, 1);
	CALL(&s, FFA_NOTIFICATION_BITMAP_CREATE, V(FZ_V_U16, 0), V(FZ_V_U8, 4));
	CALL(&s, FFA_NOTIFICATION_BIND, IDS(FZ_ID_TSP, FZ_ID_NS), ZERO, V(FZ_V_U32, 0xFF), ZERO);
	CALL(&s, FFA_NOTIFICATION_BIND, IDS(FZ_ID_TSP, FZ_ID_NS), V(FZ_V_U8, 1), ZERO,
	     V(FZ_V_U8, 1));
	direct_byte(&s, 1, FZ_ID_TSP, 6, 3, 0);              /* TEST_SP_CMD_NOTIFY bit 3 to endpoint 0 */
	notify_op(&s, FZ_NOTIFY_SET, 32, 0x21);   /* bit 32, per-vCPU, vCPU 2 */
	CALL(&s, FFA_NOTIFICATION_INFO_GET_64);
	notify_op(&s, FZ_NOTIFY_SET, 32, 0x31);
	CALL(&s, FFA_NOTIFICATION_INFO_GET_32);
	CALL(&s, FFA_NOTIFICATION_GET, V(FZ_V_U32, 2u << 16), V(FZ_V_U8, 1));
	CALL(&s, FFA_NOTIFICATION_GET, ZERO, V(FZ_V_U8, 5));
	CALL(&s, FFA_NOTIFICATION_UNBIND, IDS(FZ_ID_TSP, FZ_ID_NS), ZERO, V(FZ_V_U32, 0xFF), ZERO);
	CALL(&s, FFA_NOTIFICATION_BITMAP_DESTROY, ZERO);   /* DENIED: bit 32 still bound */
	CALL(&s, FFA_NOTIFICATION_UNBIND, IDS(FZ_ID_TSP, FZ_ID_NS), ZERO, ZERO, V(FZ_V_U8, 1));
	CALL(&s, FFA_NOTIFICATION_BITMAP_DESTROY, ZERO);
	CALL(&s, FFA_FEATURES, V(FZ_V_U8, FFA_FEATURE_SRI));
	write_seed("spmc", "v11-notifications", &s);
}

static void imsg_op(struct seed *s, uint8_t how, uint8_t off, uint8_t len)
{
	const uint8_t b[] = { FZ_OP_IMSG, how, FZ_ID_TSP, FZ_ID_NS, len, 0, off, len };

	put_bytes(s, b, sizeof(b));
	for (uint8_t i = 0; i < len; i++)
		put(s, i ^ 0x5A, 1);
}

/* MSG_SEND2 to the test partition, BUSY while it holds RX, read, release. */
static void spmc_seed_indirect(void)
{
	struct seed s = { .n = 0 };

	setup(&s, 2, 1);
	imsg_op(&s, 0, 0, 16);
	direct_byte(&s, 1, FZ_ID_TSP, 7, 0, 0);              /* TEST_SP_CMD_MSG_READ, keep RX */
	imsg_op(&s, FZ_IMSG_W1, 4, 8);            /* BUSY */
	direct_byte(&s, 1, FZ_ID_TSP, 7, 0, 1);              /* read and release */
	notify_op(&s, FZ_NOTIFY_MSG_GET, 0, 0);
	notify_op(&s, FZ_NOTIFY_MSG_REL, 0, 0);
	imsg_op(&s, FZ_IMSG_RAW_OFF, 0xFF, 4);
	imsg_op(&s, FZ_IMSG_FLAGS | FZ_IMSG_DELAY, 0, 4);
	write_seed("spmc", "v12-indirect-messages", &s);
}

static void spmc_seeds(void)
{
	spmc_seed_notifications();
	spmc_seed_indirect();
	spmc_seed_share_checksum();
	spmc_seed_lend_two();
	spmc_seed_fragments();
	spmc_seed_abandoned_fragments();
	spmc_seed_staged_corrupt();
	spmc_seed_discovery();
}

/* ---- TPM CRB seeds (fuzz_tpm_crb.c's format) ---- */

static void crb_write32(struct seed *s, uint16_t off, uint32_t v)
{
	put(s, 0, 1);
	put(s, off, 2);
	put(s, 4, 1);
	put(s, v, 4);
}

/* START(kind, locality): fid-sel 2, arg selectors small/locality/small. */
static void crb_start(struct seed *s, uint8_t kind, uint8_t loc)
{
	put(s, 1, 1);
	put(s, 2, 1);
	put(s, 0 | 1u << 2 | 0u << 4, 1);
	put(s, kind, 1);
	put(s, loc, 1);
	put(s, 0, 1);
}

static void tpm_seeds(void)
{
	static const uint8_t cmd[12] = { 0x80, 0x01, 0, 0, 0, 12, 0, 0, 0x01, 0x7b, 0, 8 };
	struct seed s = { .n = 0 };

	/* Locality 0, cmdReady, a GetRandom command, goIdle, relinquish. */
	crb_write32(&s, TPM_CRB_LOC_CTRL, TPM_CRB_LOC_CTRL_REQUEST);
	crb_start(&s, TPM_FFA_START_LOCALITY, 0);
	crb_write32(&s, TPM_CRB_CTRL_REQ, TPM_CRB_CTRL_REQ_CMD_READY);
	crb_start(&s, TPM_FFA_START_COMMAND, 0);
	put(&s, 0, 1);
	put(&s, TPM_CRB_DATA, 2);
	put(&s, sizeof(cmd), 1);
	for (unsigned int i = 0; i < sizeof(cmd); i++)
		put(&s, cmd[i], 1);
	crb_write32(&s, TPM_CRB_CMD_SIZE, sizeof(cmd));
	crb_write32(&s, TPM_CRB_CTRL_START, TPM_CRB_CTRL_START_INVOKE);
	crb_start(&s, TPM_FFA_START_COMMAND, 0);
	crb_write32(&s, TPM_CRB_CTRL_REQ, TPM_CRB_CTRL_REQ_GO_IDLE);
	crb_start(&s, TPM_FFA_START_COMMAND, 0);
	crb_write32(&s, TPM_CRB_LOC_CTRL, TPM_CRB_LOC_CTRL_RELINQUISH);
	crb_start(&s, TPM_FFA_START_LOCALITY, 0);
	write_seed("tpm_crb", "locality-command-idle", &s);
	s.n = 0;
	put(&s, 1, 1);                 /* GET_INTERFACE_VERSION */
	put(&s, 0, 1);
	put(&s, 0, 1);
	put(&s, 0, 3);
	put(&s, 1, 1);                 /* GET_FEATURE_INFO(notification) */
	put(&s, 1, 1);
	put(&s, 2, 1);
	put(&s, TPM_FFA_FEATURE_NOTIFICATION, 4);
	put(&s, 0, 2);
	put(&s, 2, 1);                 /* the TPM fails from now on */
	put(&s, 2, 1);
	put(&s, 0, 2);
	write_seed("tpm_crb", "version-features-failing-tpm", &s);
}

/* ---- MM variable seeds (fuzz_mm_var.c's format) ---- */

static const uint8_t var_guid[16] = { 0x61, 0xdf, 0xe4, 0x8b, 0xca, 0x93, 0xd2, 0x11,
				      0xaa, 0x0d, 0x00, 0xe0, 0x98, 0x03, 0x2b, 0x8c };
static const uint8_t boot_name[] = { 'B', 0, 'o', 0, 'o', 0, 't', 0, 0, 0 };

/* One message at offset 0: MM header, variable header, then body. */
static void mm_msg(struct seed *s, uint64_t func, const uint8_t *body, uint32_t body_len)
{
	static const uint8_t mm_guid[16] = MM_VAR_GUID_BYTES;
	uint32_t len = MM_HDR_SIZE + MM_VAR_HDR_SIZE + body_len;

	put(s, 0, 2);
	put(s, len, 2);
	put(s, 0, 1);
	for (unsigned int i = 0; i < 16; i++)
		put(s, mm_guid[i], 1);
	put(s, MM_VAR_HDR_SIZE + body_len, 8);
	put(s, func, 8);
	put(s, 0, 8);
	for (uint32_t i = 0; i < body_len; i++)
		put(s, body[i], 1);
}

static uint32_t access_body(uint8_t *b, uint32_t attr, uint32_t data_size, const char *data)
{
	uint32_t n = MM_ACC_NAME + sizeof(boot_name) + data_size;

	memset(b, 0, n);
	memcpy(b + MM_ACC_GUID, var_guid, 16);
	store_le64(b + MM_ACC_DATASIZE, data_size);
	store_le64(b + MM_ACC_NAMESIZE, sizeof(boot_name));
	store_le32(b + MM_ACC_ATTR, attr);
	memcpy(b + MM_ACC_NAME, boot_name, sizeof(boot_name));
	if (data)
		memcpy(b + MM_ACC_NAME + sizeof(boot_name), data, data_size);
	return n;
}

static void mm_seeds(void)
{
	uint8_t b[256];
	struct seed s = { .n = 0 };
	uint32_t n;

	n = access_body(b, EFI_VAR_NV | EFI_VAR_BS | EFI_VAR_RT, 4, "abcd");
	mm_msg(&s, MM_VAR_FN_SET_VARIABLE, b, n);
	n = access_body(b, 0, 64, NULL);
	mm_msg(&s, MM_VAR_FN_GET_VARIABLE, b, n);
	memset(b, 0, sizeof(b));
	store_le64(b + MM_NEXT_NAMESIZE, 64);
	mm_msg(&s, MM_VAR_FN_GET_NEXT_VARIABLE_NAME, b, MM_NEXT_NAME + 64);
	memset(b, 0, sizeof(b));
	store_le32(b + MM_QVI_ATTR, EFI_VAR_NV | EFI_VAR_BS);
	mm_msg(&s, MM_VAR_FN_QUERY_VARIABLE_INFO, b, MM_QVI_SIZE);
	n = access_body(b, EFI_VAR_NV | EFI_VAR_BS | EFI_VAR_RT | EFI_VAR_APPEND_WRITE, 2, "ef");
	mm_msg(&s, MM_VAR_FN_SET_VARIABLE, b, n);
	mm_msg(&s, MM_VAR_FN_EXIT_BOOT_SERVICE, b, 0);
	n = access_body(b, EFI_VAR_NV | EFI_VAR_BS | EFI_VAR_RT, 0, NULL);
	mm_msg(&s, MM_VAR_FN_SET_VARIABLE, b, n);   /* delete */
	write_seed("mm_var", "set-get-next-query-append-delete", &s);
}

/* ---- variable store images (fuzz_var_store_mount.c's format) ---- */

static void store_image(const char *name, uint8_t geom, unsigned int puts, int flip)
{
	static uint8_t mem[32u * 1024u];
	static struct uv_store st;
	uint32_t erase = 512u << (geom & 3u), size = 2u * (1u + ((geom >> 2) & 3u)) * erase;
	uint8_t nm[6] = { 'V', 0, '0', 0, 0, 0 }, data[64];
	struct uv_key k = { var_guid, nm, sizeof(nm) };
	struct uv_ram ram;
	struct seed s = { .n = 0 };

	memset(mem, 0xff, sizeof(mem));
	uv_ram_init(&ram, mem, size, erase);
	if (uv_store_mount(&st, &ram.fl) != UV_OK)
		exit(1);
	for (unsigned int i = 0; i < puts; i++) {
		nm[2] = (uint8_t)('0' + i % 5);
		memset(data, (int)i, sizeof(data));
		if (uv_store_put(&st, &k, EFI_VAR_NV | EFI_VAR_BS, 0, data, 8 + i % 40) != UV_OK) {
			fprintf(stderr, "gen-seeds: %s: put %u failed\n", name, i);
			exit(1);
		}
	}
	if (flip >= 0)
		mem[flip] ^= 0x10;
	put(&s, geom, 1);
	/* Trailing erased bytes are implied: the target pads with 0xFF. */
	while (size && mem[size - 1] == 0xff)
		size--;
	for (uint32_t i = 0; i < size; i++)
		put(&s, mem[i], 1);
	write_seed("var_store_mount", name, &s);
}

/* Byte 0 bit 4: a good store is made first, then these bytes overwrite its
 * start, as U-Boot's saveenv did to the store's first sector. */
static void foreign_seed(void)
{
	static const char env[] = "bootcmd=run distro_bootcmd\0bootdelay=2";
	struct seed s = { .n = 0 };

	put(&s, 0x15, 1);
	for (unsigned int i = 0; i < sizeof(env); i++)
		put(&s, (uint8_t)env[i], 1);
	write_seed("var_store_mount", "foreign-env-over-store", &s);
}

static void store_seeds(void)
{
	foreign_seed();
	store_image("empty", 0x05, 0, -1);
	store_image("three-vars", 0x05, 3, -1);
	store_image("after-collections", 0x04, 40, -1);
	store_image("flipped-record-bit", 0x05, 3, 100);
	store_image("flipped-header-bit", 0x05, 3, 4);
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: gen-seeds <dir>\n");
		return 2;
	}
	out_dir = argv[1];
	if (mkdir(out_dir, 0755) != 0 && errno != EEXIST) {
		perror(out_dir);
		return 1;
	}
	codec_seeds();
	spmc_seeds();
	tpm_seeds();
	mm_seeds();
	store_seeds();
	return 0;
}
