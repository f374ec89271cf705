// SPDX-License-Identifier: MIT
/*
 * Fuzz target: the SPMC's normal-world entry. Each input is a sequence of
 * operations (fuzz_spmc_ops.h) run against a fresh hosted SPMC with the test
 * partition and a second "fuzz partition"; after every call into the core
 * the whole state is checked (spmc_check_invariants) and so are the
 * call-level rules the state cannot show: the register contract of spmc.h
 * (x8-x17), well-formed FFA_ERROR codes and RX ownership after calls that
 * fill RX. Any violation aborts, which the fuzzer records as a crash.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ffa/abi.h"
#include "ffa/codec.h"
#include "ffa/notif.h"
#include "ffa/regs.h"
#include "common/byteorder.h"
#include "host/sim/sim.h"
#include "services/test/test_sp.h"
#include "services/test_sp.h"
#include "spmc/spmc.h"
#include "tests/fuzz/fuzz_spmc_ops.h"
#include "tests/fuzz/fz_input.h"

#define FZ_HANDLES 8u
#define FZ_HELD 4u
#define FZ_OPS_MAX 256u          /* bound the work one input can ask for */
#define FZ_PATTERN(i) (0xC0DE000000000000ull | (uint64_t)(i))

static struct host_sim sim;
static uint64_t handles[FZ_HANDLES];
static unsigned int handle_count;
static struct spmc_sp_mem held[FZ_HELD];
static uint32_t last_desc_len;
static uint8_t desc[SPMC_DESC_MAX + 4096];

/* ---- the fuzz partition ---- */

/* What the fuzz partition keeps between its own commands (one region). */
static struct spmc_sp_mem fzp_kept;
static int fzp_has_kept;

static void touch(uint8_t *p, uint32_t pages)
{
	size_t len = (size_t)pages << FFA_PAGE_SHIFT;

	FZ_REQUIRE(p >= sim.mem && p + len <= sim.mem + sim.mem_size,
		   "spmc_sp_map returned memory outside NS RAM");
	p[0] ^= 0x5A;
	p[len - 1] ^= 0xA5;
}

static int32_t fzp_direct(struct spmc *s, const struct spmc_partition *sp,
			  struct spmc_msg *m)
{
	uint64_t h = ffa_handle_join(m->args[1], m->args[2]);
	struct spmc_sp_mem mem;
	uint8_t *p;
	int32_t ret = FFA_RET_SUCCESS;

	switch (m->args[0] % 5) {
	case FZP_CMD_RETRIEVE:
		ret = spmc_sp_retrieve(s, sp->id, h, &mem);
		if (ret == FFA_RET_SUCCESS) {
			memcpy(&fzp_kept, &mem, sizeof(mem));
			fzp_has_kept = 1;
		}
		break;
	case FZP_CMD_RELINQUISH:
		ret = spmc_sp_relinquish(s, sp->id, h);
		break;
	case FZP_CMD_STATUS:
		/* Handler status straight from the normal world, positive ones too. */
		return (int32_t)m->args[1];
	case FZP_CMD_MAP:
		if (!fzp_has_kept)
			break;
		/* a3: range in bits 1:0, first page in 3:2, count - 1 in 5:4. */
		p = spmc_sp_map(s, &fzp_kept, m->args[3] & 3u, (m->args[3] >> 2) & 3u,
				1u + ((m->args[3] >> 4) & 3u));
		if (p)
			touch(p, 1u + ((m->args[3] >> 4) & 3u));
		break;
	default:
		break;
	}
	m->args[0] = (uint64_t)(int64_t)ret;
	return FFA_RET_SUCCESS;
}

static const struct spmc_partition fzp = {
	.id = FZP_ID,
	.uuid = { { 0xf2, 0x22, 0x0b, 0x4a, 0x51, 0x9e, 0x4e, 0x1c,
		    0x9a, 0x5d, 0x7e, 0x33, 0x10, 0x6c, 0x27, 0x02 } },
	.properties = FFA_PART_PROP_DIRECT_REQ_RECV | FFA_PART_PROP_DIRECT_REQ2_RECV |
		      FFA_PART_PROP_AARCH64,
	.direct = fzp_direct,
};

/* ---- checks after every call ---- */

static void check_state(void)
{
	const char *why = NULL;

	if (spmc_check_invariants(&sim.spmc, &why)) {
		fprintf(stderr, "fuzz: invariant broken: %s\n", why ? why : "?");
		abort();
	}
}

static bool fills_rx(uint32_t fid, const struct ffa_regs *in, const struct ffa_regs *out)
{
	uint32_t x0 = (uint32_t)out->x[0];

	if (x0 == FFA_MEM_RETRIEVE_RESP || x0 == FFA_MEM_FRAG_TX)
		return true;
	return fid == FFA_PARTITION_INFO_GET && x0 == FFA_SUCCESS_32 &&
	       !(in->x[5] & FFA_PARTITION_INFO_FLAG_COUNT_ONLY);
}

static void remember_handle(uint64_t h)
{
	handles[handle_count % FZ_HANDLES] = h;
	handle_count++;
}

static void check_call(uint32_t fid, const struct ffa_regs *in, const struct ffa_regs *out)
{
	struct spmc_ns_info info;

	check_state();
	if (!spmc_results_past_x7(fid))
		for (unsigned int i = SPMC_RESULT_REGS; i < FFA_REGS_COUNT; i++)
			FZ_REQUIRE(out->x[i] == in->x[i], "x8-x17 not preserved");
	if ((uint32_t)out->x[0] == FFA_ERROR) {
		int64_t code = (int64_t)out->x[2];

		FZ_REQUIRE(code < 0 && code >= FFA_RET_NOT_READY, "bad FFA_ERROR status");
		FZ_REQUIRE(out->x[1] == 0 && out->x[3] == 0, "FFA_ERROR with stray results");
	}
	spmc_get_ns_info(&sim.spmc, &info);
	if (fills_rx(fid, in, out))
		FZ_REQUIRE(info.rx_held_by_ns, "RX filled but not handed to the caller");
	if ((uint32_t)out->x[0] == FFA_MEM_FRAG_RX)
		remember_handle(ffa_handle_join(out->x[1], out->x[2]));
	else if ((uint32_t)out->x[0] == FFA_SUCCESS_32 &&
		 (FFA_FN_NUM(fid) == FFA_FN_NUM(FFA_MEM_SHARE_32) ||
		  FFA_FN_NUM(fid) == FFA_FN_NUM(FFA_MEM_LEND_32) || fid == FFA_MEM_FRAG_TX))
		remember_handle(ffa_handle_join(out->x[2], out->x[3]));
}

/* One call: x8-x17 carry a pattern unless the caller set them. */
static void call(struct ffa_regs *r)
{
	struct ffa_regs in;
	uint32_t fid = (uint32_t)r->x[0];

	memcpy(&in, r, sizeof(in));
	host_sim_call(&sim, r);
	check_call(fid, &in, r);
}

static void frame(struct ffa_regs *r, uint64_t x0, uint64_t x1, uint64_t x2, uint64_t x3)
{
	memset(r, 0, sizeof(*r));
	r->x[0] = x0;
	r->x[1] = x1;
	r->x[2] = x2;
	r->x[3] = x3;
	for (unsigned int i = SPMC_RESULT_REGS; i < FFA_REGS_COUNT; i++)
		r->x[i] = FZ_PATTERN(i);
}

/* ---- decoding ---- */

static uint64_t known_handle(struct fz_in *in)
{
	uint8_t i = fz_u8(in);

	if (!handle_count)
		return (uint64_t)i << SPMC_HANDLE_SLOT_BITS | (i % 4u);
	return handles[i % (handle_count < FZ_HANDLES ? handle_count : FZ_HANDLES)];
}

static uint16_t endpoint(struct fz_in *in)
{
	switch (fz_u8(in) % FZ_ID_SEL_COUNT) {
	case FZ_ID_NS:
		return FFA_ID_NS_PHYS;
	case FZ_ID_TSP:
		return TEST_SP_ID;
	case FZ_ID_FZP:
		return FZP_ID;
	case FZ_ID_SPMC:
		return FFA_ID_SPMC;
	default:
		return fz_u16(in);
	}
}

static uint64_t ns_page(uint32_t n)
{
	return HOST_SIM_NS_BASE + (uint64_t)n * FFA_PAGE_SIZE;
}

static uint64_t rxtx_size(void)
{
	struct spmc_ns_info info;

	spmc_get_ns_info(&sim.spmc, &info);
	return (uint64_t)info.rxtx_pages * FFA_PAGE_SIZE;
}

static uint64_t value(struct fz_in *in)
{
	uint16_t sender;
	uint8_t b;

	switch (fz_u8(in) % FZ_V_COUNT) {
	case FZ_V_U8:
		return fz_u8(in);
	case FZ_V_U16:
		return fz_u16(in);
	case FZ_V_U32:
		return fz_u32(in);
	case FZ_V_U64:
		return fz_u64(in);
	case FZ_V_PAGE:
		return ns_page(fz_u8(in) % (FZ_NS_PAGES + 8u));
	case FZ_V_HANDLE_LO:
		return (uint32_t)known_handle(in);
	case FZ_V_HANDLE_HI:
		return known_handle(in) >> 32;
	case FZ_V_IDS:
		sender = endpoint(in);
		return ffa_pack_ids(sender, endpoint(in));
	case FZ_V_VERSION:
		b = fz_u8(in);
		return b >= 0xF0 ? (uint64_t)b << 24 : FFA_MAKE_VERSION(1, b % 4u);
	case FZ_V_DESC_LEN:
		return last_desc_len;
	case FZ_V_RXTX_SIZE:
		return rxtx_size();
	default:
		return 0;
	}
}

static uint32_t function_id(struct fz_in *in)
{
	uint8_t b = fz_u8(in);
	uint32_t num = FFA_FN_NUM_MIN + (b & 0x3Fu) % (FFA_FN_NUM_MAX - FFA_FN_NUM_MIN + 1u);

	if (b >= 0xF0)
		return fz_u32(in);
	return (b & 0x40u) ? FFA_FN64(num) : FFA_FN32(num);
}

static void op_call(struct fz_in *in)
{
	struct ffa_regs r;
	uint32_t fid = function_id(in);
	uint8_t mask = fz_u8(in);

	frame(&r, fid, 0, 0, 0);
	for (unsigned int i = 1; i < SPMC_RESULT_REGS; i++)
		if (mask & (1u << (i - 1)))
			r.x[i] = value(in);
	/* bit 7: a v1.2 register ABI gets real payload in x8-x17 too. */
	if (mask & 0x80u)
		for (unsigned int i = SPMC_RESULT_REGS; i < FFA_REGS_COUNT; i++)
			r.x[i] = fz_u64(in);
	call(&r);
}

static uint8_t *tx_buf(uint64_t *size)
{
	struct spmc_ns_info info;

	spmc_get_ns_info(&sim.spmc, &info);
	*size = (uint64_t)info.rxtx_pages * FFA_PAGE_SIZE;
	if (!info.rxtx_pages)
		return NULL;
	return host_sim_ptr(&sim, info.tx_pa, *size);
}

static void op_tx(struct fz_in *in)
{
	uint64_t size;
	uint8_t *tx = tx_buf(&size);
	uint16_t off = fz_u16(in);
	uint8_t len = fz_u8(in);

	for (uint8_t i = 0; i < len; i++) {
		uint8_t b = fz_u8(in);

		if (tx)
			tx[(off + i) % size] = b;
	}
}

/* ---- memory operations ---- */

/* Send desc[0, len) with fid, fragmenting through TX while all_frags. */
static void send_desc(uint32_t fid, uint32_t len, bool all_frags)
{
	uint64_t size;
	uint8_t *tx = tx_buf(&size);
	uint32_t frag, off;
	struct ffa_regs r;

	frag = tx ? (uint32_t)(len < size ? len : size) : len;
	if (tx)
		memcpy(tx, desc, frag);
	frame(&r, fid, len, frag, 0);
	call(&r);
	for (off = frag; all_frags && (uint32_t)r.x[0] == FFA_MEM_FRAG_RX && off < len;
	     off += frag) {
		tx = tx_buf(&size);
		if (!tx)
			return;
		frag = (uint32_t)(len - off < size ? len - off : size);
		memcpy(tx, desc + off, frag);
		frame(&r, FFA_MEM_FRAG_TX, r.x[1], r.x[2], frag);
		call(&r);
	}
}

static uint32_t layout_of(uint8_t sel)
{
	struct spmc_ns_info info;
	static const uint32_t layouts[] = { FFA_VERSION_1_0, FFA_VERSION_1_1, FFA_VERSION_1_2 };

	if (sel % 4u == 3u) {
		spmc_get_ns_info(&sim.spmc, &info);
		return info.version ? info.version : FFA_VERSION_1_0;
	}
	return layouts[sel % 4u];
}

/* Descending, or pairwise swapped (neither order: the full sort). */
static void order_ranges(struct ffa_mem_range *r, uint32_t n, uint8_t how)
{
	struct ffa_mem_range t;

	if (how & FZ_SEND_REVERSE)
		for (uint32_t i = 0; i < n / 2; i++) {
			t = r[i];
			r[i] = r[n - 1 - i];
			r[n - 1 - i] = t;
		}
	if (how & FZ_SEND_SHUFFLE)
		for (uint32_t i = 0; i + 1 < n; i += 2) {
			t = r[i];
			r[i] = r[i + 1];
			r[i + 1] = t;
		}
}

/* Build the descriptor FZ_OP_SEND describes (see fuzz_spmc_ops.h). */
static uint32_t build_desc(struct fz_in *in, uint8_t how, uint32_t layout)
{
	static struct ffa_mem_range ranges[SPMC_DESC_MAX / 16];
	struct ffa_mtd m;
	uint8_t ep = fz_u8(in), perm = fz_u8(in), fl = fz_u8(in);
	uint16_t attr = fz_u16(in);
	uint32_t n = 1u + fz_u16(in) % 320u, first = fz_u8(in), stride = fz_u8(in);
	uint8_t pages = fz_u8(in);

	memset(&m, 0, sizeof(m));
	m.sender = (fl & 0x80u) ? endpoint(in) : FFA_ID_NS_PHYS;
	m.attributes = attr;
	m.flags = fl & 0x7Fu;
	m.ep_count = 1u + ep % FFA_MEM_MAX_RECEIVERS;
	for (uint32_t i = 0; i < m.ep_count; i++) {
		m.ep[i].receiver = i == 0 ? ((ep & 0x10u) ? FZP_ID : TEST_SP_ID)
					  : (i == 1 ? ((ep & 0x10u) ? TEST_SP_ID : FZP_ID)
						    : endpoint(in));
		m.ep[i].perms = perm;
		m.ep[i].flags = (ep & 0x20u) ? 1u : 0u;
	}
	/* Laid out one after the other from page `first`, stride pages apart. */
	for (uint32_t i = 0, cur = first; i < n; i++) {
		ranges[i].pages = 1u + ((pages & 0x80u) ? (pages + i) % 4u : pages % 4u);
		ranges[i].addr = ns_page(cur % (FZ_NS_PAGES + 4u));
		cur += ranges[i].pages + (stride & 0x7Fu) - ((stride & 0x80u) ? 1u : 0u);
	}
	order_ranges(ranges, n, how);
	if (how & FZ_SEND_RAW_ADDR)
		ranges[0].addr = fz_u64(in);
	return ffa_mtd_encode(desc, sizeof(desc), layout, &m, ranges, n);
}

static void op_send(struct fz_in *in)
{
	uint8_t how = fz_u8(in);
	uint32_t layout = layout_of(fz_u8(in));
	uint32_t fid = (how & FZ_SEND_LEND) ? ((how & FZ_SEND_64) ? FFA_MEM_LEND_64 : FFA_MEM_LEND_32)
					     : ((how & FZ_SEND_64) ? FFA_MEM_SHARE_64
								   : FFA_MEM_SHARE_32);
	uint32_t len = build_desc(in, how, layout);
	uint64_t size;
	uint8_t *tx;

	if (!len)
		return;
	last_desc_len = len;
	if (how & FZ_SEND_STAGE_ONLY) {
		tx = tx_buf(&size);
		if (tx)
			memcpy(tx, desc, len < size ? len : size);
		return;
	}
	send_desc(fid, len, (how & FZ_SEND_ALL_FRAGS) != 0);
}

static void op_hyp(struct fz_in *in)
{
	uint8_t how = fz_u8(in);
	uint64_t h = known_handle(in);
	uint64_t size;
	uint8_t *tx = tx_buf(&size);
	struct spmc_ns_info info;
	struct ffa_regs r;
	uint32_t len;

	if (!tx)
		return;
	spmc_get_ns_info(&sim.spmc, &info);
	len = ffa_mtd_encode_hyp_retrieve(tx, (uint32_t)size,
					  info.version ? info.version : FFA_VERSION_1_0,
					  (how & 2u) ? TEST_SP_ID : FFA_ID_NS_PHYS, h);
	if (!len)
		return;
	frame(&r, (how & 1u) ? FFA_MEM_RETRIEVE_REQ_64 : FFA_MEM_RETRIEVE_REQ_32, len, len, 0);
	call(&r);
}

static void op_sp(struct fz_in *in)
{
	uint8_t sub = fz_u8(in) % 3u;
	uint16_t id = endpoint(in);
	uint8_t k = fz_u8(in) % FZ_HELD;
	uint64_t h = known_handle(in);
	uint32_t range = fz_u8(in), first = fz_u8(in), count = fz_u8(in);
	uint8_t *p;

	if (sub == FZ_SP_RETRIEVE) {
		if (spmc_sp_retrieve(&sim.spmc, id, h, &held[k]) != FFA_RET_SUCCESS)
			memset(&held[k], 0, sizeof(held[k]));
	} else if (sub == FZ_SP_RELINQUISH) {
		(void)spmc_sp_relinquish(&sim.spmc, id, h);
	} else if (held[k].ranges) {
		/* held[k] may be stale by now: the core must refuse it, not map it. */
		p = spmc_sp_map(&sim.spmc, &held[k], range % 8u, first % 8u, count % 8u);
		if (p)
			touch(p, count % 8u);
	}
	check_state();
}

static uint32_t notify_flags(uint8_t b)
{
	return (b & 1u ? FFA_NOTIF_FLAG_PER_VCPU : 0u) |
	       (b & 2u ? FFA_NOTIF_SET_FLAG_DELAY_SRI : 0u) | (b & 4u ? 1u << 2 : 0u) |
	       (uint32_t)(b >> 4) << FFA_NOTIF_SET_VCPU_SHIFT;
}

static void op_notify(struct fz_in *in)
{
	uint8_t sub = fz_u8(in) % 3u;
	uint16_t sp = endpoint(in), receiver = endpoint(in);
	uint8_t bit = fz_u8(in), flags = fz_u8(in);
	uint64_t bits = 1ull << (bit % 64u) | (bit & 0x80u ? 1u : 0u);
	struct spmc_sp_imsg msg;

	if (sub == FZ_NOTIFY_SET) {
		(void)spmc_sp_notify(&sim.spmc, sp, receiver, notify_flags(flags), bits);
	} else if (sub == FZ_NOTIFY_MSG_GET) {
		/* Reading every byte lets ASan see a payload that is not all there. */
		if (spmc_sp_msg_get(&sim.spmc, sp, &msg) == FFA_RET_SUCCESS) {
			FZ_REQUIRE(msg.size <= SPMC_IMSG_SIZE, "message larger than its buffer");
			(void)test_sp_fnv1a(TEST_SP_FNV_OFFSET, msg.payload, msg.size);
		}
	} else {
		(void)spmc_sp_msg_release(&sim.spmc, sp);
	}
	check_state();
}

static void op_imsg(struct fz_in *in)
{
	uint8_t how = fz_u8(in);
	uint16_t receiver = endpoint(in), sender = endpoint(in);
	uint16_t size = fz_u16(in);
	uint8_t off = fz_u8(in), len = fz_u8(in);
	uint32_t offset = how & FZ_IMSG_RAW_OFF ? off * 64u : FFA_IMSG_HDR_MIN + off;
	uint64_t bufsz;
	uint8_t *tx = tx_buf(&bufsz);
	struct ffa_regs r;

	if (tx && bufsz >= FFA_IMSG_HDR_MIN) {
		memset(tx, 0, FFA_IMSG_HDR_MIN);
		store_le32(tx + FFA_IMSG_FLAGS, how & FZ_IMSG_FLAGS ? 1u : 0u);
		store_le32(tx + FFA_IMSG_OFFSET, offset);
		store_le32(tx + FFA_IMSG_IDS, ffa_pack_ids(sender, receiver));
		store_le32(tx + FFA_IMSG_SIZE, size);
	}
	for (uint8_t i = 0; i < len; i++) {
		uint8_t b = fz_u8(in);

		if (tx && offset + i < bufsz)
			tx[offset + i] = b;
	}
	frame(&r, FFA_MSG_SEND2, how & FZ_IMSG_W1 ? (uint32_t)sender << 16 : 0,
	      how & FZ_IMSG_W2_BAD ? 1u : how & FZ_IMSG_DELAY ? FFA_MSG_SEND2_FLAG_DELAY_SRI : 0u,
	      0);
	call(&r);
}

static void op_direct(struct fz_in *in)
{
	static const uint64_t test_sp_cmds[] = {
		TEST_SP_CMD_ECHO, TEST_SP_CMD_MEM_CHECKSUM, TEST_SP_CMD_MEM_FILL,
		TEST_SP_CMD_MEM_RETRIEVE, TEST_SP_CMD_MEM_RELINQUISH, TEST_SP_CMD_NS_INFO,
		TEST_SP_CMD_NOTIFY, TEST_SP_CMD_MSG_READ,
	};
	static const uint32_t fids[] = {
		FFA_MSG_SEND_DIRECT_REQ_32, FFA_MSG_SEND_DIRECT_REQ_64, FFA_MSG_SEND_DIRECT_REQ2,
	};
	uint8_t how = fz_u8(in);
	uint16_t receiver = endpoint(in);
	uint8_t cmd = fz_u8(in);
	uint64_t h = known_handle(in);
	uint8_t byte = fz_u8(in);
	uint32_t fid = fids[how % 3u];
	unsigned int a0 = fid == FFA_MSG_SEND_DIRECT_REQ2 ? 4 : 3;
	struct ffa_regs r;

	frame(&r, fid, ffa_pack_ids(FFA_ID_NS_PHYS, receiver), 0, 0);
	if (fid == FFA_MSG_SEND_DIRECT_REQ2)
		for (unsigned int i = SPMC_RESULT_REGS; i < FFA_REGS_COUNT; i++)
			r.x[i] = 0;
	r.x[a0] = receiver == FZP_ID ? cmd % 5u : test_sp_cmds[cmd % 8u];
	r.x[a0 + 1] = (uint32_t)h;
	r.x[a0 + 2] = h >> 32;
	r.x[a0 + 3] = byte;
	if (r.x[a0] == TEST_SP_CMD_NOTIFY) {
		/* A receiver that may have a bitmap, one bit, flags as FZ_OP_NOTIFY's. */
		r.x[a0 + 1] = byte & 7u;
		r.x[a0 + 2] = (uint32_t)(1ull << (h % 64u));
		r.x[a0 + 3] = (1ull << (h % 64u)) >> 32;
		r.x[a0 + 4] = notify_flags(byte);
	} else if (r.x[a0] == TEST_SP_CMD_MSG_READ) {
		r.x[a0 + 1] = byte & 3u;
	}
	call(&r);
}

/* ---- the target ---- */

/*
 * A fresh SPMC for every input, in the same storage: the NS RAM is
 * allocated once (allocating 1 MiB per input cost more than the calls) and
 * zeroed, and spmc_init() starts the core over. The fuzzer is one thread,
 * so the platform needs no locks.
 */
static void fz_raise_sri(void *ctx, uint32_t intid)
{
	(void)ctx;
	FZ_REQUIRE(intid == HOST_SIM_SRI_INTID, "the core raised an interrupt it was not given");
}

static void reset(void)
{
	static const struct spmc_partition *parts[2];
	static bool created;
	struct host_sim_config cfg = {
		.mem_size = (uint64_t)FZ_NS_PAGES * FFA_PAGE_SIZE,
		.part_count = 0,
	};
	struct spmc_platform plat = { .ctx = &sim, .ns_ptr = host_sim_ptr_cb };

	if (!created) {
		FZ_REQUIRE(host_sim_init(&sim, &cfg) == FFA_RET_SUCCESS, "cannot create the SPMC");
		/* FUZZ_TRACE=1: print every call (to see what an input does). */
		sim.verbose = getenv("FUZZ_TRACE") != NULL;
		created = true;
	}
	parts[0] = test_sp_partition();
	parts[1] = &fzp;
	memset(sim.mem, 0, sim.mem_size);
	FZ_REQUIRE(spmc_init(&sim.spmc, &plat, parts, 2) == FFA_RET_SUCCESS,
		   "cannot initialise the SPMC");
	FZ_REQUIRE(spmc_notif_set_sri(&sim.spmc, HOST_SIM_SRI_INTID, fz_raise_sri) ==
		   FFA_RET_SUCCESS, "cannot publish the schedule-receiver interrupt");
	memset(handles, 0, sizeof(handles));
	handle_count = 0;
	memset(held, 0, sizeof(held));
	memset(&fzp_kept, 0, sizeof(fzp_kept));
	fzp_has_kept = 0;
	last_desc_len = 0;
	check_state();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fz_in in = { data, size };

	reset();
	for (unsigned int ops = 0; fz_more(&in) && ops < FZ_OPS_MAX; ops++) {
		switch (fz_u8(&in) % FZ_OP_COUNT) {
		case FZ_OP_CALL:
			op_call(&in);
			break;
		case FZ_OP_TX:
			op_tx(&in);
			break;
		case FZ_OP_SEND:
			op_send(&in);
			break;
		case FZ_OP_HYP:
			op_hyp(&in);
			break;
		case FZ_OP_SP:
			op_sp(&in);
			break;
		case FZ_OP_DIRECT:
			op_direct(&in);
			break;
		case FZ_OP_NOTIFY:
			op_notify(&in);
			break;
		default:
			op_imsg(&in);
			break;
		}
	}
	return 0;
}
