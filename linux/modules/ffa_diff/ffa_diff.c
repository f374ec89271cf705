// SPDX-License-Identifier: GPL-2.0
/*
 * ffa_diff: the same sequence of raw FF-A calls against whatever secure
 * world is there, one line per call, so tools/spmc-diff.py can put the
 * answers of our SPMC, TF-A's SPMD + OP-TEE and TF-A's EL3 SPMC side by
 * side (build/spmc-diff.md).
 *
 * It must be the normal world's only FF-A caller: the initramfs carries no
 * FF-A driver (mkinitramfs.sh with FFA_STACK_NO_FFA_DRIVER=1) and the kernel
 * runs without pKVM (nvhe), so every call reaches the SPMC unfiltered and
 * the RX/TX pair, the version and the transactions are ours alone. The
 * calls run at module load, in table order: most are refusals (malformed
 * descriptors, wrong IDs, buffers in the wrong state), each followed by the
 * state the next one needs. Each line is
 *
 *   ffa-diff: <probe> <answer>
 *
 * with <answer> "SUCCESS[ detail]", "ERROR <status>", "DIRECT_RESP" or the
 * raw x0. Details are only what must be equal across firmwares (versions,
 * counts, feature properties), never handles or addresses.
 */

#define pr_fmt(fmt) "ffa-diff: " fmt

#include <linux/arm-smccc.h>
#include <linux/arm_ffa.h>
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/string.h>

#define FD_V11		0x10001u
#define FD_V12		0x10002u
#define FD_V20		0x20000u
#define FD_NO_ID	0x7ffeu
/* QEMU virt's secure RAM: never memory the normal world may share. */
#define FD_SECURE_RAM	0x0e000000ull

struct fd_state {
	void *tx, *rx;
	struct page *share;
	u16 own_id;
	u16 sp_id;	/* the first partition PARTITION_INFO_GET lists */
	u64 handle;	/* the last transaction that was accepted */
};

/* What a share descriptor says; fd_desc() writes it into TX. */
struct fd_desc {
	u16 sender;
	u32 receivers;
	u16 receiver;
	u64 addr;
	u32 pages;	/* of the one constituent */
	u32 total;	/* the composite's total page count */
	u32 emad;	/* endpoint descriptor size: 0 for v1.1's */
};

struct fd_probe {
	const char *name;
	u32 fid;
	unsigned long a1, a2, a3, a4, a5;
	/* Fills the registers from the state (NULL: a1..a4 as above). */
	void (*prep)(struct fd_state *s, struct arm_smccc_1_2_regs *in);
	/* Reads what the answer means for the next probes. */
	void (*after)(struct fd_state *s, const struct arm_smccc_1_2_regs *out);
	/* Which register of a success answer to print (0: none). */
	unsigned int show;
};

static const char *const fd_status[] = {
	"SUCCESS", "NOT_SUPPORTED", "INVALID_PARAMETERS", "NO_MEMORY", "BUSY",
	"INTERRUPTED", "DENIED", "RETRY", "ABORTED", "NO_DATA", "NOT_READY",
};

static u32 fd_desc(struct fd_state *s, const struct fd_desc *d)
{
	struct ffa_mem_region *mr = s->tx;
	u32 emad = d->emad ? d->emad : ffa_emad_size_get(FD_V11);
	u32 ep_off = sizeof(*mr), comp = ALIGN(ep_off + emad, 8);
	struct ffa_mem_region_attributes *ep = s->tx + ep_off;
	struct ffa_composite_mem_region *cm = s->tx + comp;

	memset(s->tx, 0, PAGE_SIZE);
	mr->sender_id = d->sender;
	mr->attributes = FFA_MEM_NORMAL | FFA_MEM_WRITE_BACK | FFA_MEM_INNER_SHAREABLE;
	mr->ep_mem_size = emad;
	mr->ep_count = d->receivers;
	mr->ep_mem_offset = ep_off;
	ep->receiver = d->receiver;
	ep->attrs = FFA_MEM_RW;
	ep->composite_off = comp;
	cm->total_pg_cnt = d->total;
	cm->addr_range_cnt = 1;
	cm->constituents[0].address = d->addr;
	cm->constituents[0].pg_cnt = d->pages;
	return comp + CONSTITUENTS_OFFSET(1);
}

/* A valid 1-page share of our page to the first partition. */
static struct fd_desc fd_good(struct fd_state *s)
{
	return (struct fd_desc){
		.sender = s->own_id, .receivers = 1, .receiver = s->sp_id,
		.addr = page_to_phys(s->share), .pages = 1, .total = 1,
	};
}

static void fd_share(struct arm_smccc_1_2_regs *in, struct fd_state *s,
		     const struct fd_desc *d)
{
	u32 len = fd_desc(s, d);

	in->a1 = len;
	in->a2 = len;
}

#define FD_SHARE_PREP(name, field, value)				\
static void name(struct fd_state *s, struct arm_smccc_1_2_regs *in)	\
{									\
	struct fd_desc d = fd_good(s);					\
									\
	d.field = value;						\
	fd_share(in, s, &d);						\
}

FD_SHARE_PREP(fd_share_valid, pages, 1)
FD_SHARE_PREP(fd_share_no_receiver, receivers, 0)
FD_SHARE_PREP(fd_share_unknown_receiver, receiver, FD_NO_ID)
FD_SHARE_PREP(fd_share_to_self, receiver, s->own_id)
FD_SHARE_PREP(fd_share_forged_sender, sender, s->sp_id)
FD_SHARE_PREP(fd_share_total_mismatch, total, 2)
FD_SHARE_PREP(fd_share_unaligned, addr, page_to_phys(s->share) + 0x10)
FD_SHARE_PREP(fd_share_zero_pages, pages, 0)
FD_SHARE_PREP(fd_share_secure_ram, addr, FD_SECURE_RAM)
/* v1.2's 32-byte endpoint descriptor from a caller that negotiated 1.1. */
FD_SHARE_PREP(fd_share_emad_32, emad, 32)

static void fd_share_too_long(struct fd_state *s, struct arm_smccc_1_2_regs *in)
{
	struct fd_desc d = fd_good(s);

	fd_share(in, s, &d);
	in->a1 = 2 * PAGE_SIZE;
	in->a2 = 2 * PAGE_SIZE;
}

static void fd_share_frag_over_total(struct fd_state *s, struct arm_smccc_1_2_regs *in)
{
	struct fd_desc d = fd_good(s);

	fd_share(in, s, &d);
	in->a1 -= 8;	/* total < fragment */
}

static void fd_map(struct fd_state *s, struct arm_smccc_1_2_regs *in)
{
	in->a1 = virt_to_phys(s->tx);
	in->a2 = virt_to_phys(s->rx);
	in->a3 = 1;
}

static void fd_map_unaligned(struct fd_state *s, struct arm_smccc_1_2_regs *in)
{
	fd_map(s, in);
	in->a1 += 0x10;
}

static void fd_map_zero(struct fd_state *s, struct arm_smccc_1_2_regs *in)
{
	fd_map(s, in);
	in->a3 = 0;
}

static void fd_map_same(struct fd_state *s, struct arm_smccc_1_2_regs *in)
{
	fd_map(s, in);
	in->a2 = in->a1;
}

static void fd_handle(struct fd_state *s, struct arm_smccc_1_2_regs *in)
{
	in->a1 = lower_32_bits(s->handle);
	in->a2 = upper_32_bits(s->handle);
}

static void fd_direct(struct fd_state *s, struct arm_smccc_1_2_regs *in)
{
	in->a1 = (unsigned long)s->own_id << 16 | s->sp_id;
}

static void fd_direct_unknown(struct fd_state *s, struct arm_smccc_1_2_regs *in)
{
	in->a1 = (unsigned long)s->own_id << 16 | FD_NO_ID;
}

static void fd_direct_forged(struct fd_state *s, struct arm_smccc_1_2_regs *in)
{
	in->a1 = (unsigned long)s->sp_id << 16 | s->sp_id;
}

static void fd_direct_self(struct fd_state *s, struct arm_smccc_1_2_regs *in)
{
	in->a1 = (unsigned long)s->own_id << 16 | s->own_id;
}

static void fd_unmap_wrong(struct fd_state *s, struct arm_smccc_1_2_regs *in)
{
	in->a1 = (unsigned long)s->sp_id << 16;
}

static void fd_unmap(struct fd_state *s, struct arm_smccc_1_2_regs *in)
{
	in->a1 = (unsigned long)s->own_id << 16;
}

/* A refusal that was not one: put the state back for the next probes. */
static void fd_unmap_if_mapped(struct fd_state *s, const struct arm_smccc_1_2_regs *out)
{
	struct arm_smccc_1_2_regs in = { .a0 = FFA_RXTX_UNMAP }, ignored;

	if (out->a0 != FFA_SUCCESS)
		return;
	in.a1 = (unsigned long)s->own_id << 16;
	arm_smccc_1_2_smc(&in, &ignored);
	pr_info("(the pair was accepted: RXTX_UNMAP, answered 0x%lx)\n", ignored.a0);
}

static void fd_reclaim_if_shared(struct fd_state *s, const struct arm_smccc_1_2_regs *out)
{
	struct arm_smccc_1_2_regs in = { .a0 = FFA_MEM_RECLAIM }, ignored;

	if (out->a0 != FFA_SUCCESS)
		return;
	in.a1 = (u32)out->a2;
	in.a2 = (u32)out->a3;
	arm_smccc_1_2_smc(&in, &ignored);
	pr_info("(the share was accepted: MEM_RECLAIM, answered 0x%lx)\n", ignored.a0);
}

static void fd_got_id(struct fd_state *s, const struct arm_smccc_1_2_regs *out)
{
	if (out->a0 == FFA_SUCCESS)
		s->own_id = (u16)out->a2;
}

/* The first descriptor in RX: its ID (bits 15:0 of the first word). */
static void fd_got_partitions(struct fd_state *s, const struct arm_smccc_1_2_regs *out)
{
	if (out->a0 == FFA_SUCCESS && out->a2)
		s->sp_id = *(u16 *)s->rx;
}

static void fd_got_handle(struct fd_state *s, const struct arm_smccc_1_2_regs *out)
{
	if (out->a0 == FFA_SUCCESS)
		s->handle = (u64)(u32)out->a3 << 32 | (u32)out->a2;
}

#define FD_FEAT(n, f) { .name = "features-" n, .fid = FFA_FEATURES, .a1 = (f), .show = 2 }

static const struct fd_probe fd_probes[] = {
	{ .name = "version-1.1", .fid = FFA_VERSION, .a1 = FD_V11, .show = 0 },
	{ .name = "version-1.2", .fid = FFA_VERSION, .a1 = FD_V12, .show = 0 },
	{ .name = "version-2.0", .fid = FFA_VERSION, .a1 = FD_V20, .show = 0 },
	{ .name = "version-1.1-again", .fid = FFA_VERSION, .a1 = FD_V11, .show = 0 },
	{ .name = "id-get", .fid = FFA_ID_GET, .after = fd_got_id, .show = 2 },
	{ .name = "spm-id-get", .fid = FFA_SPM_ID_GET },
	FD_FEAT("rxtx-map-64", FFA_FN64_RXTX_MAP),
	FD_FEAT("rxtx-map-32", FFA_RXTX_MAP),
	FD_FEAT("mem-share-64", FFA_FN64_MEM_SHARE),
	FD_FEAT("mem-lend-64", FFA_FN64_MEM_LEND),
	FD_FEAT("mem-retrieve-req-64", FFA_FN64_MEM_RETRIEVE_REQ),
	FD_FEAT("direct-req-64", FFA_FN64_MSG_SEND_DIRECT_REQ),
	FD_FEAT("direct-req2", FFA_MSG_SEND_DIRECT_REQ2),
	FD_FEAT("msg-send2", FFA_MSG_SEND2),
	FD_FEAT("notification-bitmap-create", FFA_NOTIFICATION_BITMAP_CREATE),
	FD_FEAT("partition-info-get-regs", FFA_PARTITION_INFO_GET_REGS),
	FD_FEAT("feature-1-npi", 1),
	FD_FEAT("feature-2-sri", 2),
	FD_FEAT("unknown-fid", 0x8400008f),
	{ .name = "rx-release-unmapped", .fid = FFA_RX_RELEASE },
	{ .name = "partinfo-unmapped", .fid = FFA_PARTITION_INFO_GET },
	{ .name = "rxtx-map-unaligned", .fid = FFA_FN64_RXTX_MAP, .prep = fd_map_unaligned,
	  .after = fd_unmap_if_mapped },
	{ .name = "rxtx-map-zero-pages", .fid = FFA_FN64_RXTX_MAP, .prep = fd_map_zero,
	  .after = fd_unmap_if_mapped },
	{ .name = "rxtx-map-tx-is-rx", .fid = FFA_FN64_RXTX_MAP, .prep = fd_map_same,
	  .after = fd_unmap_if_mapped },
	{ .name = "rxtx-map", .fid = FFA_FN64_RXTX_MAP, .prep = fd_map },
	{ .name = "rxtx-map-again", .fid = FFA_FN64_RXTX_MAP, .prep = fd_map },
	{ .name = "partinfo-count-only", .fid = FFA_PARTITION_INFO_GET, .a5 = 1, .show = 2 },
	{ .name = "partinfo",
	  .fid = FFA_PARTITION_INFO_GET, .after = fd_got_partitions, .show = 3 },
	{ .name = "partinfo-rx-not-released", .fid = FFA_PARTITION_INFO_GET },
	{ .name = "rx-release", .fid = FFA_RX_RELEASE },
	{ .name = "rx-release-again", .fid = FFA_RX_RELEASE },
	{ .name = "partinfo-unknown-uuid", .fid = FFA_PARTITION_INFO_GET, .a1 = 0x12345678 },
	{ .name = "direct-req-64", .fid = FFA_FN64_MSG_SEND_DIRECT_REQ, .prep = fd_direct },
	{ .name = "direct-req-32", .fid = FFA_MSG_SEND_DIRECT_REQ, .prep = fd_direct },
	{ .name = "direct-req-unknown-id",
	  .fid = FFA_FN64_MSG_SEND_DIRECT_REQ, .prep = fd_direct_unknown },
	{ .name = "direct-req-forged-sender",
	  .fid = FFA_FN64_MSG_SEND_DIRECT_REQ, .prep = fd_direct_forged },
	{ .name = "direct-req-to-self",
	  .fid = FFA_FN64_MSG_SEND_DIRECT_REQ, .prep = fd_direct_self },
	{ .name = "mem-share",
	  .fid = FFA_FN64_MEM_SHARE, .prep = fd_share_valid, .after = fd_got_handle },
	{ .name = "mem-share-same-page-again", .fid = FFA_FN64_MEM_SHARE, .prep = fd_share_valid,
	  .after = fd_reclaim_if_shared },
	{ .name = "mem-reclaim", .fid = FFA_MEM_RECLAIM, .prep = fd_handle },
	{ .name = "mem-reclaim-again", .fid = FFA_MEM_RECLAIM, .prep = fd_handle },
	{ .name = "mem-reclaim-unknown-handle",
	  .fid = FFA_MEM_RECLAIM, .a1 = 0xdead0000, .a2 = 0xbeef },
	{ .name = "mem-share-longer-than-tx", .fid = FFA_FN64_MEM_SHARE, .prep = fd_share_too_long,
	  .after = fd_reclaim_if_shared },
	{ .name = "mem-share-fragment-over-total",
	  .fid = FFA_FN64_MEM_SHARE, .prep = fd_share_frag_over_total,
	  .after = fd_reclaim_if_shared },
	{ .name = "mem-share-no-receiver", .fid = FFA_FN64_MEM_SHARE, .prep = fd_share_no_receiver,
	  .after = fd_reclaim_if_shared },
	{ .name = "mem-share-unknown-receiver",
	  .fid = FFA_FN64_MEM_SHARE, .prep = fd_share_unknown_receiver,
	  .after = fd_reclaim_if_shared },
	{ .name = "mem-share-to-self", .fid = FFA_FN64_MEM_SHARE, .prep = fd_share_to_self,
	  .after = fd_reclaim_if_shared },
	{ .name = "mem-share-forged-sender",
	  .fid = FFA_FN64_MEM_SHARE, .prep = fd_share_forged_sender,
	  .after = fd_reclaim_if_shared },
	{ .name = "mem-share-total-mismatch",
	  .fid = FFA_FN64_MEM_SHARE, .prep = fd_share_total_mismatch,
	  .after = fd_reclaim_if_shared },
	{ .name = "mem-share-unaligned-address",
	  .fid = FFA_FN64_MEM_SHARE, .prep = fd_share_unaligned,
	  .after = fd_reclaim_if_shared },
	{ .name = "mem-share-zero-pages", .fid = FFA_FN64_MEM_SHARE, .prep = fd_share_zero_pages,
	  .after = fd_reclaim_if_shared },
	{ .name = "mem-share-secure-ram", .fid = FFA_FN64_MEM_SHARE, .prep = fd_share_secure_ram,
	  .after = fd_reclaim_if_shared },
	{ .name = "mem-share-emad-32-at-v1.1", .fid = FFA_FN64_MEM_SHARE, .prep = fd_share_emad_32,
	  .after = fd_reclaim_if_shared },
	{ .name = "mem-lend",
	  .fid = FFA_FN64_MEM_LEND, .prep = fd_share_valid, .after = fd_got_handle },
	{ .name = "mem-reclaim-lent", .fid = FFA_MEM_RECLAIM, .prep = fd_handle },
	{ .name = "mem-frag-rx-unknown-handle",
	  .fid = FFA_MEM_FRAG_RX, .a1 = 0xdead0000, .a2 = 0xbeef },
	{ .name = "notification-bitmap-create", .fid = FFA_NOTIFICATION_BITMAP_CREATE, .a2 = 1 },
	{ .name = "unknown-fid", .fid = 0x8400008f },
	{ .name = "rxtx-unmap-wrong-id", .fid = FFA_RXTX_UNMAP, .prep = fd_unmap_wrong },
	{ .name = "rxtx-unmap", .fid = FFA_RXTX_UNMAP, .prep = fd_unmap },
	{ .name = "rxtx-unmap-again", .fid = FFA_RXTX_UNMAP, .prep = fd_unmap },
};

/* The name of an FF-A status (0 or negative), "?" for anything else. */
static const char *fd_status_name(s32 st)
{
	return st <= 0 && st > -(s32)ARRAY_SIZE(fd_status) ? fd_status[-st] : "?";
}

static void fd_print(const struct fd_probe *p, const struct arm_smccc_1_2_regs *r)
{
	const unsigned long *reg = &r->a0;

	if (p->fid == FFA_VERSION) {
		if ((s32)r->a0 < 0)
			pr_info("%s ERROR %s\n", p->name, fd_status_name((s32)r->a0));
		else
			pr_info("%s %lu.%lu\n", p->name, (r->a0 >> 16) & 0x7fff, r->a0 & 0xffff);
	} else if (r->a0 == FFA_ERROR) {
		pr_info("%s ERROR %s\n", p->name, fd_status_name((s32)r->a2));
	} else if (r->a0 == FFA_SUCCESS || r->a0 == FFA_FN64_SUCCESS) {
		if (p->show)
			pr_info("%s SUCCESS a%u=0x%lx\n", p->name, p->show, reg[p->show]);
		else
			pr_info("%s SUCCESS\n", p->name);
	} else if (r->a0 == FFA_MSG_SEND_DIRECT_RESP || r->a0 == FFA_FN64_MSG_SEND_DIRECT_RESP) {
		pr_info("%s DIRECT_RESP\n", p->name);
	} else {
		pr_info("%s x0=0x%lx\n", p->name, r->a0);
	}
}

static int __init fd_init(void)
{
	struct fd_state s = {};
	unsigned int i;

	if (arm_smccc_1_1_get_conduit() != SMCCC_CONDUIT_SMC) {
		pr_err("not run: FF-A is not reached by SMC here\n");
		return -ENODEV;
	}
	s.tx = (void *)__get_free_page(GFP_KERNEL | __GFP_ZERO);
	s.rx = (void *)__get_free_page(GFP_KERNEL | __GFP_ZERO);
	s.share = alloc_page(GFP_KERNEL | __GFP_ZERO);
	if (!s.tx || !s.rx || !s.share) {
		pr_err("not run: out of memory\n");
		return -ENOMEM;
	}
	for (i = 0; i < ARRAY_SIZE(fd_probes); i++) {
		const struct fd_probe *p = &fd_probes[i];
		struct arm_smccc_1_2_regs in = {
			.a0 = p->fid, .a1 = p->a1, .a2 = p->a2, .a3 = p->a3, .a4 = p->a4,
			.a5 = p->a5,
		}, out;

		if (p->prep)
			p->prep(&s, &in);
		arm_smccc_1_2_smc(&in, &out);
		fd_print(p, &out);
		if (p->after)
			p->after(&s, &out);
	}
	pr_info("done %zu probes\n", ARRAY_SIZE(fd_probes));
	/*
	 * The pages stay allocated: a refusal that was not one may have left
	 * them registered or shared with the secure side.
	 */
	return 0;
}
module_init(fd_init);

MODULE_DESCRIPTION("ffa-stack: raw FF-A calls for the differential table of SPMCs");
MODULE_LICENSE("GPL");
