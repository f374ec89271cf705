// SPDX-License-Identifier: GPL-2.0
/*
 * Isolation attacks on pKVM's FF-A proxy (arch/arm64/kvm/hyp/nvhe/ffa.c),
 * for a built-in ffa_test under kvm-arm.mode=protected (variant ours, where
 * pKVM adopted the state the built-in arm_ffa driver set up before it).
 *
 * Reading /sys/kernel/debug/ffa_test/isolation runs every attack below in
 * order and gives one line: "ok N attacks refused, system still works: ..."
 * with each step's FF-A status, or "fail <step>: <what happened>", or "skip"
 * when there is no proxy or what an attack needs is unknown (a module binds
 * after pKVM took over and never saw the host's RX/TX pages).
 *
 * Each step must be refused with the status the 6.12 proxy gives, and after
 * each one an echo and a 1-page share that the partition checksums, then
 * reclaim, must still work. Where an attack touched pages of ours, that
 * share uses those pages: it proves the proxy rolled its stage-2 changes back.
 *
 *   hyp-share, hyp-lend   MEM_SHARE/LEND of a page of pKVM's carveout: the
 *                         host stage-2 check in ffa_host_share_ranges()
 *                         fails, DENIED
 *   reshare               MEM_SHARE of a page whose first share is live: the
 *                         page is no longer exclusively the host's, DENIED
 *   share-tx, share-rx    MEM_SHARE of the host's own TX/RX page, pinned and
 *                         shared with the hypervisor at adoption, DENIED
 *   reclaim-held          MEM_RECLAIM of a handle the partition retrieved and
 *                         kept: forwarded, the SPMC says DENIED
 *   dup-page, overlap     one page twice, a page inside an earlier range: the
 *                         second range fails the stage-2 check and the first
 *                         is unshared again, DENIED
 *   (raw control)         a correct raw descriptor: shared, then reclaimed
 *   wrap                  (raw) a constituent whose address + pages wraps
 *                         past 2^64: the stage-2 walk gives -ERANGE, DENIED
 *   total                 (raw) total page count != sum of the constituents:
 *                         the proxy does not count, shares, forwards; the
 *                         SPMC says INVALID_PARAMETERS and the proxy unshares
 *   comp-off              (raw) composite offset + header overflows 32 bits:
 *                         the proxy's own check_add_overflow, INVALID_PARAMETERS
 *   version-1.0, -2.0     FFA_VERSION again: answered from EL2 with the
 *                         negotiated version (1.0 asked) or NOT_SUPPORTED
 *                         (major 2), the SPMC's version unchanged
 *   rxtx-map, rxtx-map32  FFA_RXTX_MAP again: DENIED (64-bit, buffers already
 *                         there), NOT_SUPPORTED (the proxy refuses SMC32)
 *   rxtx-unmap-id         FFA_RXTX_UNMAP naming the partition's ID:
 *                         INVALID_PARAMETERS
 *
 * "Calls before negotiating": with ours the host never talks to the proxy
 * unnegotiated, since pKVM adopts the version the driver agreed with the
 * SPMC at rootfs_initcall. So here it means asking to negotiate again and
 * registering buffers again once negotiated, steps version-* and rxtx-*.
 * The proxy's own gate (every call but FFA_VERSION is INVALID_PARAMETERS
 * until negotiated) is what the matrix cell stock/builtin/protected shows.
 * The SPMC's behaviour before FFA_VERSION is covered by the hosted suite
 * tests/spmc: test_version.c version_locked_at_v10_without_negotiation,
 * version_locked_after_another_abi, version_locked_by_a_failing_abi_too,
 * version_renegotiates_until_locked; test_mem.c
 * share_before_version_uses_v10_layout; test_partinfo.c
 * partinfo_before_version_uses_v10; test_rxtx.c rxtx_map_twice_denied,
 * rxtx_unmap_wrong_id.
 *
 * The raw steps write a descriptor into the host's TX page themselves. The
 * arm_ffa driver uses TX only for memory transactions (under its tx_lock,
 * which we cannot take); ffa_test's lock is held and no other client of ours
 * shares memory, so nothing else writes TX meanwhile.
 *
 * emad_offset_refused (a check of its own, run last): a v1.1 MEM_SHARE whose
 * ep_mem_offset points past the fragment, still inside the TX page. The 6.12
 * proxy reads composite_off there without a bound (stale bytes of an earlier
 * transaction, outside what the host sent); ours refuses it with
 * INVALID_PARAMETERS before reading. An offset that leaves the hypervisor's
 * mapping would make 6.12 fault at EL2 and take the machine down, so the
 * attack stays inside the page: on 6.12 the read is real but its answer
 * depends on whatever the page held, and the check reports that answer.
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include "ffa_test.h"

#define FT_ISO_SUMMARY 288
/* An address whose 2-page range wraps past 2^64. */
#define FT_ISO_WRAP_ADDR (0ull - FFA_PAGE_SIZE)

struct ft_iso {
	struct ffa_test *t;
	char *res;
	size_t len;
	/* The step running, for the failure line. */
	const char *step;
	unsigned int refused;
	/* A reclaim failed: the pages concerned must never be freed. */
	bool leak;
	size_t used;
	char summary[FT_ISO_SUMMARY];
};

/* A constituent of a raw descriptor, in FF-A pages. */
struct ft_iso_range {
	u64 addr;
	u32 pages;
};

__printf(2, 3) static int ft_iso_fail(struct ft_iso *s, const char *fmt, ...)
{
	char what[FT_RESULT_LEN];
	va_list ap;

	va_start(ap, fmt);
	vscnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	pr_err("isolation: %s: %s\n", s->step, what);
	return ft_result(s->res, s->len, -EIO, "fail %s: %s", s->step, what);
}

__printf(2, 3) static void ft_iso_note(struct ft_iso *s, const char *fmt, ...)
{
	va_list ap;

	s->refused++;
	s->used += scnprintf(s->summary + s->used, sizeof(s->summary) - s->used,
			     " %s=", s->step);
	va_start(ap, fmt);
	s->used += vscnprintf(s->summary + s->used, sizeof(s->summary) - s->used,
			      fmt, ap);
	va_end(ap);
}

/* The step's call returned @got: it must be the refusal @want. */
static int ft_iso_expect(struct ft_iso *s, int got, int want)
{
	if (got == want) {
		pr_info("isolation: %s refused: FF-A %s\n", s->step,
			ft_errno_name(got));
		ft_iso_note(s, "%d", ft_errno_status(got));
		return 0;
	}
	if (!got)
		return ft_iso_fail(s, "accepted, FF-A %s expected",
				   ft_errno_name(want));
	return ft_iso_fail(s, "refused with FF-A %s (errno %d), %s expected",
			   ft_errno_name(got), got, ft_errno_name(want));
}

/* MEM_SHARE or MEM_LEND of @c[0..n) through the arm_ffa driver. */
static int ft_iso_send(struct ffa_test *t, const struct ft_chunk *c,
		       unsigned int n, bool lend, u64 *handle)
{
	struct scatterlist sg[2];
	unsigned int i;

	if (!n || n > ARRAY_SIZE(sg))
		return -E2BIG;
	sg_init_table(sg, n);
	for (i = 0; i < n; i++)
		sg_set_page(&sg[i], c[i].page, ft_chunk_bytes(&c[i]), 0);
	return ft_mem_send(t, sg, lend, FFA_MEM_RW, handle);
}

/* An attack that got through: take the memory back at once. */
static void ft_iso_undo(struct ft_iso *s, u64 handle)
{
	int ret = s->t->mem->memory_reclaim(handle, 0);

	if (ret) {
		pr_err("isolation: %s: cannot reclaim handle 0x%llx it got: FF-A %s\n",
		       s->step, handle, ft_errno_name(ret));
		s->leak = true;
	}
}

/* A reclaim the step needs; a failure leaks the pages and fails the step. */
static int ft_iso_reclaim(struct ft_iso *s, u64 handle, int ret, const char *what)
{
	int reclaim = s->t->mem->memory_reclaim(handle, 0);

	if (!reclaim)
		return ret;
	s->leak = true;
	if (ret)
		return ret;
	return ft_iso_fail(s, "MEM_RECLAIM of %s 0x%llx: FF-A %s", what, handle,
			   ft_errno_name(reclaim));
}

/* A command about @handle to the partition; on failure the step fails with why. */
static int ft_iso_handle_cmd(struct ft_iso *s, u32 cmd, u64 handle,
			     struct ffa_send_direct_data *d, const char *what)
{
	char line[FT_RESULT_LEN];

	if (ft_handle_call(s->t, cmd, handle, 0, d, what, line, sizeof(line)))
		return ft_iso_fail(s, "%s", ft_result_why(line));
	return 0;
}

static struct page *ft_iso_alloc(struct ft_iso *s, unsigned int order)
{
	struct page *page = alloc_pages(GFP_KERNEL | __GFP_ZERO, order);

	if (!page)
		ft_iso_fail(s, "cannot allocate %u pages", 1u << order);
	return page;
}

static void ft_iso_free(struct ft_iso *s, struct page *page, unsigned int order)
{
	if (!page)
		return;
	if (s->leak) {
		pr_err("isolation: leaking %u pages at 0x%llx: a reclaim failed, the partition may still map them\n",
		       1u << order, (u64)page_to_phys(page));
		return;
	}
	__free_pages(page, order);
}

/*
 * The partition retrieves @handle, checksums it and relinquishes it: the
 * checksum must be what we wrote.
 */
static int ft_iso_checksum(struct ft_iso *s, const struct ft_chunk *c,
			   u64 handle, u64 want)
{
	u32 pages = ft_chunk_bytes(c) / FFA_PAGE_SIZE;
	struct ffa_send_direct_data d;
	u64 got;
	int ret;

	ret = ft_iso_handle_cmd(s, TEST_SP_CMD_MEM_CHECKSUM, handle, &d,
				"MEM_CHECKSUM afterwards");
	if (ret)
		return ret;
	got = lower_32_bits(d.data1) | (u64)lower_32_bits(d.data2) << 32;
	if (d.data3 != pages || got != want)
		return ft_iso_fail(s,
				   "afterwards the partition saw %lu pages with checksum 0x%016llx, we shared %u with 0x%016llx",
				   d.data3, got, pages, want);
	return 0;
}

/*
 * The invariant after every step: an echo, then a share of @c that the
 * partition checksums, then reclaim. @c is the attacked memory when the
 * step must have left it shareable, NULL for a fresh page.
 */
static int ft_iso_still_works(struct ft_iso *s, const struct ft_chunk *c)
{
	struct ft_chunk fresh = {};
	struct ffa_test *t = s->t;
	char line[FT_RESULT_LEN];
	u64 handle, want;
	int ret;

	if (ft_echo(t, 1, false, line, sizeof(line)))
		return ft_iso_fail(s, "echo afterwards: %s", ft_result_why(line));
	if (!c) {
		fresh.page = ft_iso_alloc(s, 0);
		if (!fresh.page)
			return -ENOMEM;
		c = &fresh;
	}
	memset(page_address(c->page), 0xa5 ^ s->refused, ft_chunk_bytes(c));
	want = test_sp_fnv1a(TEST_SP_FNV_OFFSET, page_address(c->page), ft_chunk_bytes(c));
	ret = ft_iso_send(t, c, 1, false, &handle);
	if (ret) {
		ret = ft_iso_fail(s,
				  "MEM_SHARE of %lu page(s) at 0x%llx afterwards: FF-A %s (errno %d)",
				  ft_chunk_bytes(c) / PAGE_SIZE,
				  (u64)page_to_phys(c->page), ft_errno_name(ret), ret);
		goto out;
	}
	ret = ft_iso_checksum(s, c, handle, want);
	ret = ft_iso_reclaim(s, handle, ret, "handle afterwards");
out:
	if (c == &fresh)
		ft_iso_free(s, fresh.page, 0);
	return ret;
}

/*
 * The step every attack through the driver is made of: send @c[0..n), which
 * must be refused with @want (taken back at once if it was not), then the
 * system must still work, sharing @after (NULL: a fresh page).
 */
static int ft_iso_send_refused(struct ft_iso *s, const struct ft_chunk *c,
			       unsigned int n, bool lend, int want,
			       const struct ft_chunk *after)
{
	u64 handle;
	int ret = ft_iso_send(s->t, c, n, lend, &handle);

	if (!ret)
		ft_iso_undo(s, handle);
	ret = ft_iso_expect(s, ret, want);
	return ret ? ret : ft_iso_still_works(s, after);
}

/* The same for a raw call: it must be refused with @want. */
static int ft_iso_smc_refused(struct ft_iso *s, unsigned long fid,
			      unsigned long a1, unsigned long a2,
			      unsigned long a3, int want)
{
	struct arm_smccc_1_2_regs r;
	int ret;

	ft_smc(fid, a1, a2, a3, &r);
	ret = ft_iso_expect(s, ft_smc_ret(&r), want);
	return ret ? ret : ft_iso_still_works(s, NULL);
}

/* (1) A page of pKVM's carveout, shared and lent. */
static int ft_iso_hyp(struct ft_iso *s)
{
	struct ft_chunk c = { .page = pfn_to_page(PHYS_PFN(s->t->hyp_base)) };
	int ret;

	s->step = "hyp-share";
	ret = ft_iso_send_refused(s, &c, 1, false, -EACCES, NULL);
	if (ret)
		return ret;
	s->step = "hyp-lend";
	return ft_iso_send_refused(s, &c, 1, true, -EACCES, NULL);
}

/* (2) A second share of a page whose first share is live. */
static int ft_iso_reshare(struct ft_iso *s)
{
	struct ft_chunk c = {};
	u64 first, second;
	int ret;

	s->step = "reshare";
	c.page = ft_iso_alloc(s, 0);
	if (!c.page)
		return -ENOMEM;
	ret = ft_iso_send(s->t, &c, 1, false, &first);
	if (ret) {
		ret = ft_iso_fail(s, "the first MEM_SHARE failed: FF-A %s",
				  ft_errno_name(ret));
		goto out;
	}
	ret = ft_iso_send(s->t, &c, 1, false, &second);
	if (!ret)
		ft_iso_undo(s, second);
	ret = ft_iso_expect(s, ret, -EACCES);
	ret = ft_iso_reclaim(s, first, ret, "the first handle");
	if (!ret)
		ret = ft_iso_still_works(s, &c);
out:
	ft_iso_free(s, c.page, 0);
	return ret;
}

/* (3) The host's own TX and RX pages, pinned for the hypervisor. */
static int ft_iso_rxtx(struct ft_iso *s)
{
	struct ft_chunk tx = { .page = pfn_to_page(PHYS_PFN(s->t->early_tx)) };
	struct ft_chunk rx = { .page = pfn_to_page(PHYS_PFN(s->t->early_rx)) };
	int ret;

	s->step = "share-tx";
	ret = ft_iso_send_refused(s, &tx, 1, false, -EACCES, NULL);
	if (ret)
		return ret;
	s->step = "share-rx";
	return ft_iso_send_refused(s, &rx, 1, false, -EACCES, NULL);
}

/* (4) MEM_RECLAIM while the partition holds the region. */
static int ft_iso_reclaim_held(struct ft_iso *s)
{
	struct ffa_send_direct_data d;
	struct ft_chunk c = {};
	bool held = false;
	u64 handle;
	int ret;

	s->step = "reclaim-held";
	c.page = ft_iso_alloc(s, 0);
	if (!c.page)
		return -ENOMEM;
	ret = ft_iso_send(s->t, &c, 1, false, &handle);
	if (ret) {
		ret = ft_iso_fail(s, "MEM_SHARE failed: FF-A %s",
				  ft_errno_name(ret));
		goto out;
	}
	ret = ft_iso_handle_cmd(s, TEST_SP_CMD_MEM_RETRIEVE, handle, &d,
				"MEM_RETRIEVE");
	if (ret)
		goto reclaim;
	held = true;
	ret = s->t->mem->memory_reclaim(handle, 0);
	if (!ret) {
		/* Back with us while the partition maps it: never reuse it. */
		s->leak = true;
		ret = ft_iso_fail(s,
				  "MEM_RECLAIM of handle 0x%llx succeeded while the partition held it",
				  handle);
		goto out;
	}
	ret = ft_iso_expect(s, ret, -EACCES);
	if (!ft_iso_handle_cmd(s, TEST_SP_CMD_MEM_RELINQUISH, handle, &d,
			       "MEM_RELINQUISH"))
		held = false;
	else if (!ret)
		ret = -EIO;
reclaim:
	if (held)
		s->leak = true;
	else
		ret = ft_iso_reclaim(s, handle, ret, "handle after MEM_RELINQUISH");
	if (!ret)
		ret = ft_iso_still_works(s, &c);
out:
	ft_iso_free(s, c.page, 0);
	return ret;
}

/* (5) One page twice; a page inside an earlier range. */
static int ft_iso_overlap(struct ft_iso *s)
{
	struct ft_chunk c[2];
	struct page *block;
	int ret;

	s->step = "dup-page";
	block = ft_iso_alloc(s, 1);
	if (!block)
		return -ENOMEM;
	c[0] = (struct ft_chunk){ .page = block };
	c[1] = c[0];
	ret = ft_iso_send_refused(s, c, 2, false, -EACCES, &c[0]);
	if (ret)
		goto out;

	s->step = "overlap";
	c[0].order = 1;
	c[1] = (struct ft_chunk){ .page = block + 1 };
	ret = ft_iso_send_refused(s, c, 2, false, -EACCES, &c[0]);
out:
	ft_iso_free(s, block, 1);
	return ret;
}

/*
 * Writes an FF-A 1.1 MEM_SHARE descriptor into the host's TX page: the host
 * sends, the partition receives RW, @rg[0..n) are the constituents.
 * @total and @comp_off (0: where the composite really is) may lie. Returns
 * the descriptor's length. Needs ffa_test's lock (see the file comment).
 */
static u32 ft_iso_write_desc(struct ffa_test *t, const struct ft_iso_range *rg,
			     u32 n, u32 total, u32 comp_off)
{
	struct ffa_mem_region *mr = phys_to_virt(t->early_tx);
	u32 emad = ffa_emad_size_get(t->version);
	u32 ep_off = sizeof(*mr), comp = ALIGN(ep_off + emad, 8);
	struct ffa_mem_region_attributes *ep = (void *)mr + ep_off;
	struct ffa_composite_mem_region *cm = (void *)mr + comp;
	u32 i;

	lockdep_assert_held(&t->lock);
	memset(mr, 0, PAGE_SIZE);
	mr->sender_id = 0;	/* the normal world's physical instance */
	mr->attributes = FFA_MEM_NORMAL | FFA_MEM_WRITE_BACK |
			 FFA_MEM_INNER_SHAREABLE;
	mr->ep_mem_size = emad;
	mr->ep_count = 1;
	mr->ep_mem_offset = ep_off;
	ep->receiver = t->fdev->vm_id;
	ep->attrs = FFA_MEM_RW;
	ep->composite_off = comp_off ? comp_off : comp;
	cm->total_pg_cnt = total;
	cm->addr_range_cnt = n;
	for (i = 0; i < n; i++) {
		cm->constituents[i].address = rg[i].addr;
		cm->constituents[i].pg_cnt = rg[i].pages;
	}
	return comp + CONSTITUENTS_OFFSET(n);
}

/* FFA_MEM_SHARE (SMC64) of the descriptor in TX, in one fragment. */
static int ft_iso_raw_share(struct ft_iso *s, u32 len, u64 *handle)
{
	struct arm_smccc_1_2_regs r;
	int ret;

	ft_smc(FFA_FN64_MEM_SHARE, len, len, 0, &r);
	ret = ft_smc_ret(&r);
	if (!ret)
		*handle = PACK_HANDLE(r.a2, r.a3);
	else if (ret == -EPROTO)
		pr_err("isolation: %s: MEM_SHARE answered x0=0x%lx\n", s->step,
		       r.a0);
	return ret;
}

/* A raw share that must be refused with @want; then @after still shares. */
static int ft_iso_raw_refused(struct ft_iso *s, u32 len, int want,
			      const struct ft_chunk *after)
{
	u64 handle;
	int ret = ft_iso_raw_share(s, len, &handle);

	if (!ret)
		ft_iso_undo(s, handle);
	ret = ft_iso_expect(s, ret, want);
	return ret ? ret : ft_iso_still_works(s, after);
}

/*
 * (6) Raw descriptors the arm_ffa driver would never write. A correct one
 * goes first and must work, so each refusal is down to its one lie.
 */
static int ft_iso_overflow(struct ft_iso *s)
{
	u32 len, ffa_pages = PAGE_SIZE / FFA_PAGE_SIZE;
	struct ft_iso_range rg[2];
	struct ft_chunk c = {};
	u64 handle;
	int ret;

	s->step = "raw descriptor control";
	c.page = ft_iso_alloc(s, 0);
	if (!c.page)
		return -ENOMEM;
	rg[0] = (struct ft_iso_range){ page_to_phys(c.page), ffa_pages };
	len = ft_iso_write_desc(s->t, rg, 1, ffa_pages, 0);
	ret = ft_iso_raw_share(s, len, &handle);
	if (ret) {
		ret = ft_iso_fail(s, "a correct raw MEM_SHARE failed: FF-A %s (errno %d)",
				  ft_errno_name(ret), ret);
		goto out;
	}
	ret = ft_iso_reclaim(s, handle, 0, "raw handle");
	if (ret)
		goto out;

	/* The good page first, so the proxy has something to roll back. */
	s->step = "wrap";
	rg[1] = (struct ft_iso_range){ FT_ISO_WRAP_ADDR, 2 };
	len = ft_iso_write_desc(s->t, rg, 2, ffa_pages + 2, 0);
	ret = ft_iso_raw_refused(s, len, -EACCES, &c);
	if (ret)
		goto out;

	s->step = "total";
	len = ft_iso_write_desc(s->t, rg, 1, ffa_pages + 1, 0);
	ret = ft_iso_raw_refused(s, len, -EINVAL, &c);
	if (ret)
		goto out;

	s->step = "comp-off";
	len = ft_iso_write_desc(s->t, rg, 1, ffa_pages, 0xfffffff8u);
	ret = ft_iso_raw_refused(s, len, -EINVAL, &c);
out:
	ft_iso_free(s, c.page, 0);
	return ret;
}

/* FFA_VERSION again: the negotiated version (or NOT_SUPPORTED) comes back. */
static int ft_iso_version(struct ft_iso *s, u32 ask, u32 want)
{
	struct arm_smccc_1_2_regs r;

	ft_smc(FFA_VERSION, ask, 0, 0, &r);
	if ((u32)r.a0 != want)
		return ft_iso_fail(s, "FFA_VERSION(0x%x) answered 0x%lx, 0x%x expected",
				   ask, r.a0, want);
	pr_info("isolation: %s answered 0x%x\n", s->step, want);
	ft_iso_note(s, "0x%x", want);
	return ft_iso_still_works(s, NULL);
}

/* (7) Negotiating and registering buffers again, once negotiated. */
static int ft_iso_renegotiate(struct ft_iso *s)
{
	struct ffa_send_direct_data d = { .data0 = TEST_SP_CMD_NS_INFO };
	struct ffa_test *t = s->t;
	char line[FT_RESULT_LEN];
	int ret;

	s->step = "version-1.0";
	ret = ft_iso_version(s, FFA_VERSION_1_0, t->version);
	if (ret)
		return ret;
	s->step = "version-2.0";
	ret = ft_iso_version(s, FFA_PACK_VERSION_INFO(2, 0),
			     (u32)FFA_RET_NOT_SUPPORTED);
	if (ret)
		return ret;
	if (ft_call(t, &d, "NS_INFO", line, sizeof(line)))
		return ft_iso_fail(s, "%s", ft_result_why(line));
	if (lower_32_bits(d.data1) != t->version)
		return ft_iso_fail(s,
				   "the SPMC's version for the normal world is now 0x%x, was 0x%x",
				   lower_32_bits(d.data1), t->version);

	s->step = "rxtx-map";
	ret = ft_iso_smc_refused(s, FFA_FN64_RXTX_MAP, t->early_tx, t->early_rx,
				 PAGE_SIZE / FFA_PAGE_SIZE, -EACCES);
	if (ret)
		return ret;
	s->step = "rxtx-map32";
	ret = ft_iso_smc_refused(s, FFA_RXTX_MAP, t->early_tx, t->early_rx,
				 PAGE_SIZE / FFA_PAGE_SIZE, -EOPNOTSUPP);
	if (ret)
		return ret;
	/* The partition's ID where the caller's belongs (bits 31:16). */
	s->step = "rxtx-unmap-id";
	return ft_iso_smc_refused(s, FFA_RXTX_UNMAP,
				  (unsigned long)t->fdev->vm_id << 16, 0, 0,
				  -EINVAL);
}

/* Why the suite cannot run here, or NULL. */
static const char *ft_iso_unmet(struct ffa_test *t)
{
	if (!is_protected_kvm_enabled())
		return "not under pKVM protected mode: no FF-A proxy to attack";
	if (!ft_pkvm_finalised())
		return "pKVM is not finalised (or ffa_test is a module and cannot tell)";
	if (!t->early_tx || !t->early_rx)
		return "the host RX/TX pages are unknown: ffa_test bound after pKVM took over";
	if (!t->hyp_size || !pfn_valid(PHYS_PFN(t->hyp_base)))
		return "pKVM's carveout is unknown";
	if (t->version < FFA_VERSION_1_1)
		return "the raw descriptors are FF-A 1.1, the driver negotiated 1.0";
	if (arm_smccc_1_1_get_conduit() != SMCCC_CONDUIT_SMC)
		return "FF-A is not reached by SMC here";
	return NULL;
}

/*
 * The start of every suite here: what it needs is there, the state is
 * allocated (*@out, NULL when the suite cannot run: the result is then
 * written and returned), and FF-A works before any attack, since a refusal
 * only means something if it does. Nonzero with *@out set: FF-A did not.
 */
static int ft_iso_start(struct ffa_test *t, char *res, size_t len, struct ft_iso **out)
{
	const char *why = ft_iso_unmet(t);
	struct ft_iso *s;

	*out = NULL;
	if (why)
		return ft_result(res, len, 0, "skip %s", why);
	s = kzalloc(sizeof(*s), GFP_KERNEL);
	if (!s)
		return ft_result(res, len, -ENOMEM, "fail out of memory");
	*s = (struct ft_iso){ .t = t, .res = res, .len = len };
	*out = s;
	s->step = "before any attack";
	return ft_iso_still_works(s, NULL);
}

static const struct {
	const char *name;
	int (*run)(struct ft_iso *s);
} ft_iso_attacks[] = {
	{ "hyp-carveout", ft_iso_hyp },
	{ "already-shared", ft_iso_reshare },
	{ "own-rxtx", ft_iso_rxtx },
	{ "reclaim-held", ft_iso_reclaim_held },
	{ "overlap", ft_iso_overlap },
	{ "overflow", ft_iso_overflow },
	{ "renegotiate", ft_iso_renegotiate },
};

/*
 * Past any fragment the suite sends, inside the one-page TX buffer, unless
 * emad_off says otherwise: the matrix's emad-far cells set it beyond the
 * hypervisor's mapping to show what 6.12 does with an unbounded offset.
 */
static unsigned int emad_off = 0x800;
module_param(emad_off, uint, 0444);
MODULE_PARM_DESC(emad_off, "ep_mem_offset of the emad_offset attack");

int ft_emad_offset(struct ffa_test *t, u32 n, bool unused, char *res,
		   size_t len)
{
	struct ft_chunk c = {};
	struct ft_iso_range rg;
	struct ffa_mem_region *mr;
	struct ft_iso *s;
	u32 desc_len;
	u64 handle;
	int ret = ft_iso_start(t, res, len, &s);

	if (!s)
		return ret;
	if (ret)
		goto out;
	s->step = "emad-offset";
	c.page = ft_iso_alloc(s, 0);
	if (!c.page) {
		ret = ft_iso_fail(s, "out of memory");
		goto out;
	}
	rg = (struct ft_iso_range){ page_to_phys(c.page), PAGE_SIZE / FFA_PAGE_SIZE };
	desc_len = ft_iso_write_desc(t, &rg, 1, rg.pages, 0);
	mr = phys_to_virt(t->early_tx);
	mr->ep_mem_offset = emad_off;
	pr_info("isolation: emad-offset: MEM_SHARE with ep_mem_offset 0x%x in a %u-byte fragment\n",
		emad_off, desc_len);
	ret = ft_iso_raw_share(s, desc_len, &handle);
	if (!ret) {
		ft_iso_undo(s, handle);
		ret = ft_iso_fail(s,
				  "MEM_SHARE with ep_mem_offset 0x%x in a %u-byte fragment was accepted (handle 0x%llx, reclaimed)",
				  emad_off, desc_len, handle);
		goto out;
	}
	if (ret != -EINVAL) {
		ret = ft_iso_fail(s,
				  "MEM_SHARE with ep_mem_offset 0x%x in a %u-byte fragment: FF-A %s, not INVALID_PARAMETERS",
				  emad_off, desc_len, ft_errno_name(ret));
		goto out;
	}
	ret = ft_iso_still_works(s, &c);
	if (!ret)
		ret = ft_result(res, len, 0,
				"ok MEM_SHARE with ep_mem_offset 0x%x in a %u-byte fragment refused: FF-A INVALID_PARAMETERS, system still works",
				emad_off, desc_len);
out:
	ft_iso_free(s, c.page, 0);
	kfree(s);
	return ret;
}

int ft_isolation(struct ffa_test *t, u32 n, bool unused, char *res, size_t len)
{
	struct ft_iso *s;
	unsigned int i;
	int ret = ft_iso_start(t, res, len, &s);

	if (!s)
		return ret;
	for (i = 0; !ret && i < ARRAY_SIZE(ft_iso_attacks); i++) {
		pr_info("isolation: attack %s\n", ft_iso_attacks[i].name);
		ret = ft_iso_attacks[i].run(s);
	}
	if (!ret)
		ret = ft_result(res, len, 0,
				"ok %u attacks refused, system still works:%s",
				s->refused, s->summary);
	kfree(s);
	return ret;
}
