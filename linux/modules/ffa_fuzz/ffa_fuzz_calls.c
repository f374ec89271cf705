// SPDX-License-Identifier: GPL-2.0
/*
 * One mutated FF-A call per fz_one_call(), chosen by the corpus tape and
 * the PRNG. What the fuzzer keeps out of its own way (it attacks the proxy
 * and the SPMC, not itself): nothing it sends asks anyone to write memory
 * (no ZERO_MEMORY flag, no MEM_FILL command), since a mutated address may
 * name any host page; and RXTX_MAP is only ever given pool pages or
 * addresses the host cannot own, so the SPMC never writes an RX buffer
 * that is kernel memory.
 */
#define pr_fmt(fmt) "ffa_fuzz: " fmt

#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/string.h>

#include "ffa_fuzz.h"

/* Values hostile callers like: edges, sign bits, page and size limits. */
static const u64 fz_edges[] = {
	0, 1, 2, 0xf, 0x10, 0x30, 0x40, 0x50, 0xfff, 0x1000, 0x1001, 0xffff, 0x10000,
	0x7fffffff, 0x80000000, 0xfffff000, 0xffffffff, 0x100000000ull,
	0x7fffffffffffffffull, 0x8000000000000000ull, 0xfffffffffffff000ull, ~0ull,
};

static u64 fz_val(struct fz_state *s)
{
	u32 b = fz_byte(s);

	if (b < 96)
		return fz_edges[b % ARRAY_SIZE(fz_edges)];
	if (b < 160)
		return fz_byte(s);
	return fz_rand(s);
}

/* An address a descriptor or a map may name. */
static u64 fz_addr(struct fz_state *s)
{
	static const u64 other[] = {
		0, 0x09000000 /* UART */, 0x0e000000 /* secure RAM */,
		0x40000000 /* DTB */, 0xfffffffff000ull, 0xfffffffffffff000ull,
	};
	u32 b = fz_byte(s);

	switch (b & 7) {
	case 0: case 1: case 2: case 3:
		return s->pool_pa + (u64)(fz_byte(s) % FZ_POOL_PAGES) * FFA_PAGE_SIZE;
	case 4:
		return s->hyp_pa ? s->hyp_pa + (fz_byte(s) & 3) * FFA_PAGE_SIZE : 0;
	case 5:
		return (b & 8) ? s->tx_pa : s->rx_pa;
	case 6:
		return s->pool_pa + (fz_rand(s) & 0xfff);
	default:
		return other[fz_byte(s) % ARRAY_SIZE(other)];
	}
}

static u32 fz_handle_lo(struct fz_state *s, u64 *hi)
{
	u64 h = s->nhandles && (fz_byte(s) & 3) ? s->handles[fz_byte(s) % s->nhandles] :
						    fz_val(s);

	*hi = h >> 32;
	return (u32)h;
}

/* After a fuzzed RXTX call: our pair is the one mapped, whatever happened. */
static void fz_restore_rxtx(struct fz_state *s, bool changed)
{
	struct arm_smccc_1_2_regs r = { .a0 = FFA_RXTX_UNMAP };

	if (!changed && s->mapped)
		return;
	if (changed) {
		fz_smc(s, "restore-unmap", &r);
		s->mapped = false;
	}
	fz_map_own(s);
}

static void fz_rxtx(struct fz_state *s)
{
	struct arm_smccc_1_2_regs r = {};
	u32 b = fz_byte(s);

	if (b & 1) {
		r.a0 = (b & 2) ? FFA_RXTX_MAP_32 : FFA_RXTX_MAP_64;
		r.a1 = fz_addr(s);
		r.a2 = (b & 4) ? r.a1 : fz_addr(s);
		r.a3 = (b & 8) ? fz_val(s) : 1;
		fz_smc(s, "rxtx-map", &r);
	} else if (b & 2) {
		r.a0 = FFA_RXTX_UNMAP;
		r.a1 = (b & 4) ? fz_val(s) << 16 : 0;
		fz_smc(s, "rxtx-unmap", &r);
	} else {
		r.a0 = FFA_RX_RELEASE;
		r.a1 = (b & 4) ? fz_val(s) : 0;
		fz_smc(s, "rx-release", &r);
		return;
	}
	fz_restore_rxtx(s, fz_ok(&r));
}

static void fz_discovery(struct fz_state *s)
{
	static const struct ffa_uuid test_uuid = FFA_UUID_FFA_STACK_TEST;
	struct arm_smccc_1_2_regs r = {};
	u32 b = fz_byte(s), w[4];

	switch (b % 5) {
	case 0:
		r.a0 = FFA_VERSION;
		r.a1 = (b & 8) ? fz_val(s) : FFA_MAKE_VERSION(1, fz_byte(s) % 4);
		fz_smc(s, "version", &r);
		return;
	case 1:
		r.a0 = FFA_FEATURES;
		r.a1 = (b & 8) ? fz_val(s) : FFA_FN32(0x60 + fz_byte(s) % 47) |
						(fz_byte(s) & 1) << 30;
		r.a2 = (b & 16) ? fz_val(s) : 0;
		fz_smc(s, "features", &r);
		return;
	case 2:
		r.a0 = (b & 8) ? FFA_ID_GET : FFA_SPM_ID_GET;
		fz_smc(s, "id-get", &r);
		return;
	case 3:
		r.a0 = FFA_PARTITION_INFO_GET;
		memcpy(w, test_uuid.b, sizeof(w));
		if (b & 8)
			memset(w, 0, sizeof(w));
		r.a1 = w[0]; r.a2 = w[1]; r.a3 = w[2]; r.a4 = w[3];
		if (b & 16)
			r.a1 = fz_val(s);
		r.a5 = (b & 32) ? fz_val(s) : (b >> 6) & 1;
		fz_smc(s, "partinfo", &r);
		if (fz_ok(&r) && !(r.a5 & 1)) {
			r = (struct arm_smccc_1_2_regs){ .a0 = FFA_RX_RELEASE };
			fz_smc(s, "partinfo-release", &r);
		}
		return;
	default:
		r.a0 = FFA_PARTITION_INFO_GET_REGS;
		r.a1 = fz_val(s); r.a2 = fz_val(s); r.a3 = fz_val(s);
		fz_smc(s, "partinfo-regs", &r);
	}
}

static void fz_direct(struct fz_state *s)
{
	/* No MEM_FILL: a fuzzed handle may name any host page. */
	static const u64 cmds[] = { TEST_SP_CMD_ECHO, TEST_SP_CMD_MEM_CHECKSUM,
				    TEST_SP_CMD_MEM_RETRIEVE,
				    TEST_SP_CMD_MEM_RELINQUISH, TEST_SP_CMD_NS_INFO, 0, ~0ull };
	struct arm_smccc_1_2_regs r = {};
	u32 b = fz_byte(s);
	u64 hi;

	r.a0 = (b & 3) == 0 ? FFA_MSG_SEND_DIRECT_REQ_32 : (b & 3) == 1 ?
	       FFA_MSG_SEND_DIRECT_REQ2 : FFA_MSG_SEND_DIRECT_REQ_64;
	r.a1 = (b & 4) ? fz_val(s) : TEST_SP_ID;
	if (b & 8)
		r.a1 |= (u64)(fz_byte(s) | fz_byte(s) << 8) << 16;
	r.a2 = (b & 16) ? fz_val(s) : 0;
	r.a3 = (b & 32) ? fz_val(s) : cmds[fz_byte(s) % ARRAY_SIZE(cmds)];
	if (r.a3 == TEST_SP_CMD_MEM_FILL)
		r.a3 = TEST_SP_CMD_ECHO;
	r.a4 = fz_handle_lo(s, &hi);
	r.a5 = hi;
	r.a6 = fz_val(s);
	r.a7 = fz_val(s);
	fz_smc(s, "direct", &r);
}

/* Mutate the descriptor: fields to edge values, bytes flipped. */
static void fz_mutate_desc(struct fz_state *s)
{
	static const u8 fields[] = { FFA_MTD11_SENDER, FFA_MTD11_ATTRIBUTES, FFA_MTD11_FLAGS,
				     FFA_MTD11_EMAD_SIZE, FFA_MTD11_EMAD_COUNT,
				     FFA_MTD11_EMAD_OFFSET, FFA_MTD11_RESERVED,
				     48 + FFA_EMAD_ENDPOINT, 48 + FFA_EMAD_PERMISSIONS,
				     48 + FFA_EMAD_COMPOSITE_OFF, 64 + FFA_COMP_TOTAL_PAGES,
				     64 + FFA_COMP_RANGE_COUNT, 80 + FFA_CONS_PAGE_COUNT };
	u32 n = 1 + fz_byte(s) % 4, v, off;
	u64 a;

	while (n--) {
		switch (fz_byte(s) % 4) {
		case 0: case 1:
			off = fields[fz_byte(s) % ARRAY_SIZE(fields)];
			if (off == FFA_MTD11_EMAD_OFFSET && s->avoid_emad)
				break;
			v = (u32)fz_val(s);
			memcpy(s->desc + off, &v, off == FFA_MTD11_SENDER ||
			       off == FFA_MTD11_ATTRIBUTES || off == 48 ? 2 : 4);
			break;
		case 2:
			a = fz_addr(s);
			memcpy(s->desc + 80 + FFA_CONS_ADDRESS, &a, 8);
			break;
		default:
			/* A second range, maybe the same page, maybe far away. */
			if (s->desc_len + FFA_CONS_SIZE <= FZ_DESC_MAX) {
				memset(s->desc + s->desc_len, 0, FFA_CONS_SIZE);
				a = fz_addr(s);
				memcpy(s->desc + s->desc_len, &a, 8);
				v = 1 + (fz_byte(s) & 3);
				memcpy(s->desc + s->desc_len + FFA_CONS_PAGE_COUNT, &v, 4);
				s->desc_len += FFA_CONS_SIZE;
				v = (s->desc_len - 80) / FFA_CONS_SIZE;
				memcpy(s->desc + 64 + FFA_COMP_RANGE_COUNT, &v, 4);
			}
		}
	}
	/* Never ask anyone to zero memory (see the top of the file). */
	s->desc[FFA_MTD11_FLAGS] &= ~(FFA_MTD_FLAG_ZERO_MEMORY | FFA_MTD_FLAG_ZERO_AFTER_RELINQ);
}

static void fz_after_send(struct fz_state *s, const struct arm_smccc_1_2_regs *r,
			  u32 sent)
{
	if (fz_ok(r)) {
		fz_remember(s, (u32)r->a2 | (u64)r->a3 << 32);
		s->frag_handle = 0;
		s->frag_left = 0;
	} else if ((u32)r->a0 == FFA_MEM_FRAG_RX) {
		/*
		 * Kept even when the total length was a lie: an unfinished
		 * send makes every later SHARE BUSY until it is reclaimed.
		 */
		if (s->frag_handle)
			fz_remember(s, s->frag_handle);
		s->frag_handle = (u32)r->a1 | (u64)r->a2 << 32;
		s->frag_left = sent < s->desc_len ? s->desc_len - sent : 0;
	}
}

static void fz_mem_send(struct fz_state *s)
{
	struct arm_smccc_1_2_regs r = {};
	u32 b = fz_byte(s), first = fz_byte(s) % FZ_POOL_PAGES, len, frag;
	bool lend = b & 1;

	fz_build_share(s, s->pool_pa + (u64)first * FFA_PAGE_SIZE,
		       1 + fz_byte(s) % (FZ_POOL_PAGES - first), lend);
	if (b & 2)
		fz_mutate_desc(s);
	len = s->desc_len;
	/* Fragmented: the first piece now, the rest by FRAG_TX. */
	frag = (b & 12) == 4 ? 1 + fz_byte(s) % len : len;
	memcpy(s->tx, s->desc, len);
	r.a0 = lend ? ((b & 16) ? FFA_MEM_LEND_32 : FFA_MEM_LEND_64) :
		      ((b & 16) ? FFA_MEM_SHARE_32 : FFA_MEM_SHARE_64);
	r.a1 = (b & 0xe0) == 0x20 ? fz_val(s) : len;
	r.a2 = (b & 0xe0) == 0x40 ? fz_val(s) : frag;
	r.a3 = (b & 0xe0) == 0x60 ? fz_addr(s) : 0;
	r.a4 = (b & 0xe0) == 0x80 ? fz_val(s) : 0;
	/* A replay shows what the descriptor was. */
	if (s->calls >= s->trace_from)
		print_hex_dump(KERN_INFO, "ffa_fuzz: desc ", DUMP_PREFIX_OFFSET, 16, 4, s->desc,
			       min(len, 128u), false);
	fz_smc(s, lend ? "mem-lend" : "mem-share", &r);
	fz_after_send(s, &r, frag);
}

static void fz_frag_tx(struct fz_state *s)
{
	struct arm_smccc_1_2_regs r = { .a0 = FFA_MEM_FRAG_TX };
	u32 b = fz_byte(s), done, len;
	u64 hi;

	if (s->avoid_frag && !s->frag_handle)
		return;
	/* A later send rebuilt the descriptor: the rest is gone. */
	if (s->frag_left > s->desc_len)
		s->frag_left = 0;
	done = s->desc_len - s->frag_left;
	len = s->frag_left;
	if (len && (b & 3) == 0)
		len = 1 + fz_byte(s) % len;
	if (len)
		memcpy(s->tx, s->desc + done, len);
	if (s->frag_handle && ((b & 4) == 0 || s->avoid_frag)) {
		r.a1 = (u32)s->frag_handle;
		r.a2 = s->frag_handle >> 32;
	} else {
		r.a1 = fz_handle_lo(s, &hi);
		r.a2 = hi;
	}
	r.a3 = (b & 8) ? fz_val(s) : len;
	r.a4 = (b & 16) ? fz_val(s) : 0;
	fz_smc(s, "frag-tx", &r);
	if (s->frag_handle && r.a1 == (u32)s->frag_handle) {
		if (fz_ok(&r) || (u32)r.a0 == FFA_MEM_FRAG_RX)
			s->frag_left -= min(len, s->frag_left);
		if (fz_ok(&r)) {
			fz_remember(s, s->frag_handle);
			s->frag_handle = 0;
		}
	}
}

static void fz_reclaim(struct fz_state *s)
{
	struct arm_smccc_1_2_regs r = { .a0 = FFA_MEM_RECLAIM };
	u64 hi, h;

	r.a1 = fz_handle_lo(s, &hi);
	r.a2 = hi;
	r.a3 = (fz_byte(s) & 7) ? 0 : fz_val(s) & ~(u64)FFA_MTD_FLAG_ZERO_MEMORY;
	h = (u32)r.a1 | r.a2 << 32;
	fz_smc(s, "reclaim", &r);
	if (fz_ok(&r)) {
		fz_forget(s, h);
		if (h == s->frag_handle)
			s->frag_handle = 0;
	}
}

/*
 * Calls the proxy must refuse; a memory one that succeeds gave the host
 * something.
 */
static void fz_refused(struct fz_state *s)
{
	static const u32 fids[] = {
		FFA_MEM_DONATE_32, FFA_MEM_DONATE_64, FFA_MEM_RETRIEVE_REQ_32,
		FFA_MEM_RETRIEVE_REQ_64, FFA_MEM_RETRIEVE_RESP, FFA_MEM_RELINQUISH,
		FFA_MEM_OP_PAUSE, FFA_MEM_OP_RESUME, FFA_MEM_FRAG_RX,
		FFA_NOTIFICATION_BITMAP_CREATE, FFA_NOTIFICATION_BIND, FFA_NOTIFICATION_SET,
		FFA_NOTIFICATION_GET, FFA_NOTIFICATION_INFO_GET_64, FFA_MSG_SEND2,
		FFA_RX_ACQUIRE, FFA_MEM_PERM_GET_32, FFA_MSG_SEND_DIRECT_RESP_64,
	};
	struct arm_smccc_1_2_regs r = {};
	u32 fid, num;
	u64 hi;

	fid = fids[fz_byte(s) % ARRAY_SIZE(fids)];
	r.a0 = fid;
	r.a1 = fz_handle_lo(s, &hi);
	r.a2 = hi;
	r.a3 = fz_val(s);
	r.a4 = fz_val(s);
	fz_smc(s, "refused", &r);
	num = FFA_FN_NUM(fid);
	if (fz_ok(&r) && (num == 0x71 || num == 0x74 || num == 0x76)) {
		pr_err("call %llu: 0x%x succeeded; the proxy must refuse it\n", s->calls, fid);
		s->gained++;
	}
}

/* Any function in the FF-A range with any registers, but RXTX_MAP. */
static void fz_raw(struct fz_state *s)
{
	struct arm_smccc_1_2_regs r = {};
	u32 num = FFA_FN_NUM_MIN + fz_byte(s) % (FFA_FN_NUM_MAX - FFA_FN_NUM_MIN + 1);

	if (num == 0x66)
		num = 0x65;
	r.a0 = ((fz_byte(s) & 1) ? FFA_SMC64_BASE : FFA_SMC32_BASE) | num;
	r.a1 = fz_val(s); r.a2 = fz_val(s); r.a3 = fz_val(s); r.a4 = fz_val(s);
	r.a5 = fz_val(s); r.a6 = fz_val(s); r.a7 = fz_val(s);
	if (num == 0x72 || num == 0x73)
		s->desc[FFA_MTD11_FLAGS] &= ~FFA_MTD_FLAG_ZERO_MEMORY;
	fz_smc(s, "raw", &r);
	if (num == 0x67 && fz_ok(&r)) {
		s->mapped = false;
		fz_restore_rxtx(s, false);
	}
	if (num == 0x72 || num == 0x73)
		fz_after_send(s, &r, s->desc_len);
}

void fz_one_call(struct fz_state *s)
{
	u32 op = fz_byte(s) % 16;

	if (!s->mapped)
		fz_map_own(s);
	switch (op) {
	case 0: case 1:
		fz_discovery(s);
		break;
	case 2:
		fz_rxtx(s);
		break;
	case 3: case 4: case 5:
		fz_direct(s);
		break;
	case 6: case 7: case 8:
		fz_mem_send(s);
		break;
	case 9:
		if (s->frag_handle)
			fz_frag_tx(s);
		else
			fz_mem_send(s);
		break;
	case 10:
		fz_frag_tx(s);
		break;
	case 11: case 12:
		fz_reclaim(s);
		break;
	case 13:
		fz_refused(s);
		break;
	default:
		fz_raw(s);
	}
}

/* Before a health check: every transaction we know of given back. */
void fz_cleanup(struct fz_state *s)
{
	struct arm_smccc_1_2_regs r;

	if (s->frag_handle)
		fz_remember(s, s->frag_handle);
	s->frag_handle = 0;
	s->frag_left = 0;
	while (s->nhandles) {
		u64 h = s->handles[--s->nhandles];

		r = (struct arm_smccc_1_2_regs){ .a0 = FFA_MSG_SEND_DIRECT_REQ_64, .a1 = TEST_SP_ID,
						 .a3 = TEST_SP_CMD_MEM_RELINQUISH, .a4 = (u32)h,
						 .a5 = h >> 32 };
		fz_smc(s, "cleanup-relinquish", &r);
		r = (struct arm_smccc_1_2_regs){ .a0 = FFA_MEM_RECLAIM, .a1 = (u32)h,
						 .a2 = h >> 32 };
		fz_smc(s, "cleanup-reclaim", &r);
	}
}
