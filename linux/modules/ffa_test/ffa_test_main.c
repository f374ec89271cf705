// SPDX-License-Identifier: GPL-2.0
/*
 * Linux client of the ffa-stack test partition.
 *
 * Binds on the arm_ffa bus to the partition with UUID FFA_UUID_FFA_STACK_TEST
 * and turns each check into a debugfs file under /sys/kernel/debug/ffa_test/,
 * so the initramfs test program can run the same checks on every kernel
 * variant of the boot matrix without knowing FF-A:
 *
 *   echo, echo2  write N: N direct-request round trips (DIRECT_REQ, DIRECT_REQ2)
 *   share, lend  write N: N pages shared or lent, checked by the partition,
 *                reclaimed, checksums compared
 *   ns_info      read: what the SPMC knows about the normal world's RX/TX
 *                buffers, and whose memory those buffers are
 *
 * Reading a file gives its last result line, which starts with "ok", "skip"
 * or "fail". A write returns -EIO when the check failed, so a shell user sees
 * the failure too. The protocol is owned by include/services/test_sp.h.
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include "ffa_test.h"
#include "ffa_test_bench.h"

static const struct {
	const char *name;
	int err;
} ft_codes[] = {
	{ "SUCCESS(0)", 0 },
	{ "NOT_SUPPORTED(-1)", -EOPNOTSUPP },
	{ "INVALID_PARAMETERS(-2)", -EINVAL },
	{ "NO_MEMORY(-3)", -ENOMEM },
	{ "BUSY(-4)", -EBUSY },
	{ "INTERRUPTED(-5)", -EINTR },
	{ "DENIED(-6)", -EACCES },
	{ "RETRY(-7)", -EAGAIN },
	{ "ABORTED(-8)", -ECANCELED },
	{ "NO_DATA(-9)", -ENODATA },
};

static const char *ft_status_name(s32 status)
{
	if (status <= 0 && status > -(s32)ARRAY_SIZE(ft_codes))
		return ft_codes[-status].name;
	return "UNKNOWN";
}

const char *ft_errno_name(int err)
{
	unsigned int i;

	for (i = 1; i < ARRAY_SIZE(ft_codes); i++)
		if (ft_codes[i].err == err)
			return ft_codes[i].name;
	return "none";
}

int ft_result(char *res, size_t len, int ret, const char *fmt, ...)
{
	va_list ap;
	size_t n;

	va_start(ap, fmt);
	n = vscnprintf(res, len - 1, fmt, ap);
	va_end(ap);
	res[n] = '\n';
	res[n + 1] = '\0';
	return ret;
}

int ft_call(struct ffa_test *t, struct ffa_send_direct_data *d,
	    const char *what, char *res, size_t len)
{
	int ret = t->msg->sync_send_receive(t->fdev, d);
	s32 status;

	if (ret)
		return ft_result(res, len, -EIO,
				 "fail %s: direct request failed: FF-A %s, errno %d",
				 what, ft_errno_name(ret), ret);
	status = (s32)lower_32_bits(d->data0);
	if (status)
		return ft_result(res, len, -EIO,
				 "fail %s: partition returned %s",
				 what, ft_status_name(status));
	return 0;
}

/* splitmix64: cheap, and every bit of the payload changes between rounds. */
static u64 ft_mix(u64 *state)
{
	u64 z = (*state += 0x9e3779b97f4a7c15ull);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

/* Rounds 0 and 1 send all-zero and all-one payloads, the rest vary. */
static unsigned long ft_payload(u32 round, u64 *state, unsigned long mask)
{
	if (round == 0)
		return 0;
	if (round == 1)
		return mask;
	return (unsigned long)ft_mix(state) & mask;
}

/* DIRECT_REQ carries r->data[0..4], DIRECT_REQ2 all of r->data. */
static int ft_send(struct ffa_test *t, bool req2, struct ffa_send_direct_data2 *r)
{
	struct ffa_send_direct_data d = {
		r->data[0], r->data[1], r->data[2], r->data[3], r->data[4],
	};
	int ret;

	if (req2)
		return t->msg->sync_send_receive2(t->fdev, &t->fdev->uuid, r);
	ret = t->msg->sync_send_receive(t->fdev, &d);
	r->data[0] = d.data0;
	r->data[1] = d.data1;
	r->data[2] = d.data2;
	r->data[3] = d.data3;
	r->data[4] = d.data4;
	return ret;
}

int ft_echo(struct ffa_test *t, u32 n, bool req2, char *res, size_t len)
{
	struct ffa_send_direct_data2 sent = {}, got;
	unsigned int regs = req2 ? ARRAY_SIZE(sent.data) : 5;
	unsigned long mask = !req2 && t->fdev->mode_32bit ? U32_MAX : ULONG_MAX;
	const char *via = req2 ? "DIRECT_REQ2" :
			  t->fdev->mode_32bit ? "32-bit DIRECT_REQ" : "64-bit DIRECT_REQ";
	u64 state = req2 ? 0x5eed2 : 0x5eed;
	u32 round, i;
	int ret;

	for (round = 0; round < n; round++) {
		sent.data[0] = TSP_CMD_ECHO;
		for (i = 1; i < regs; i++)
			sent.data[i] = ft_payload(round, &state, mask);
		got = sent;
		ret = ft_send(t, req2, &got);
		/*
		 * Not a failure: the driver offers DIRECT_REQ2 only from FF-A
		 * 1.2 on when FFA_FEATURES advertises it, and pKVM's proxy in
		 * 6.12 both caps the version at 1.1 and refuses the call.
		 */
		if (req2 && ret == -EOPNOTSUPP && !round)
			return ft_result(res, len, 0,
					 "skip DIRECT_REQ2 not offered by the driver (FF-A %u.%u; needs 1.2 and FFA_FEATURES)",
					 FFA_MAJOR_VERSION(t->version),
					 FFA_MINOR_VERSION(t->version));
		if (ret)
			return ft_result(res, len, -EIO,
					 "fail round %u: %s failed: FF-A %s, errno %d",
					 round, via, ft_errno_name(ret), ret);
		for (i = 0; i < regs; i++)
			if (got.data[i] != sent.data[i])
				return ft_result(res, len, -EIO,
						 "fail round %u: a%u sent 0x%lx came back 0x%lx over %s",
						 round, i, sent.data[i], got.data[i], via);
	}
	return ft_result(res, len, 0, "ok %u round trips over %s", n, via);
}

/*
 * Memory checks. A region is built from the largest physically contiguous
 * chunks the allocator gives, so N = 256 normally travels as one constituent
 * (pKVM's proxy holds at most a page of constituents) and any N works.
 */
struct ft_chunk {
	struct page *page;
	unsigned int order;
};

struct ft_region {
	struct ft_chunk *chunks;
	unsigned int nr_chunks;
	unsigned int nr_pages;
	struct sg_table sgt;
	u64 handle;
	/* Transferred and not reclaimed: the pages must never be freed. */
	bool transferred;
	/* The partition retrieved it and has not relinquished it. */
	bool retrieved;
};

static int ft_chunk_cmp(const void *a, const void *b)
{
	unsigned long pa = page_to_pfn(((const struct ft_chunk *)a)->page);
	unsigned long pb = page_to_pfn(((const struct ft_chunk *)b)->page);

	return pa < pb ? -1 : pa > pb;
}

static int ft_region_alloc(struct ft_region *r, u32 n)
{
	unsigned int order = min_t(unsigned int, ilog2(n), MAX_PAGE_ORDER);
	struct scatterlist *sg;
	u32 left = n;
	unsigned int i;

	r->chunks = kcalloc(n, sizeof(*r->chunks), GFP_KERNEL);
	if (!r->chunks)
		return -ENOMEM;
	while (left) {
		struct page *page;

		order = min_t(unsigned int, order, ilog2(left));
		page = alloc_pages(GFP_KERNEL | __GFP_NOWARN |
				   (order ? __GFP_NORETRY : 0), order);
		if (!page) {
			if (!order)
				return -ENOMEM;
			order--;
			continue;
		}
		r->chunks[r->nr_chunks].page = page;
		r->chunks[r->nr_chunks].order = order;
		r->nr_chunks++;
		r->nr_pages += 1u << order;
		left -= 1u << order;
	}
	/*
	 * Constituents in address order: the SPMC gives the partition its
	 * ranges sorted by address, so in any other order the two checksums
	 * would walk the bytes differently, and whether they did would depend
	 * on where the allocator happened to find memory.
	 */
	sort(r->chunks, r->nr_chunks, sizeof(*r->chunks), ft_chunk_cmp, NULL);
	if (sg_alloc_table(&r->sgt, r->nr_chunks, GFP_KERNEL))
		return -ENOMEM;
	for_each_sg(r->sgt.sgl, sg, r->nr_chunks, i)
		sg_set_page(sg, r->chunks[i].page, PAGE_SIZE << r->chunks[i].order, 0);
	return 0;
}

static void ft_region_free(struct ft_region *r)
{
	unsigned int i;

	if (r->transferred) {
		/*
		 * The SPMC may still map these pages into the partition: giving
		 * them back to the allocator would hand secure-world-visible
		 * memory to the next user. Leaking is the only safe choice.
		 */
		pr_err("leaking %u pages of handle 0x%llx: they were never reclaimed from the partition; reboot to recover them\n",
		       r->nr_pages, r->handle);
	} else {
		for (i = 0; i < r->nr_chunks; i++)
			__free_pages(r->chunks[i].page, r->chunks[i].order);
	}
	if (r->sgt.sgl)
		sg_free_table(&r->sgt);
	kfree(r->chunks);
}

static size_t ft_chunk_bytes(const struct ft_chunk *c)
{
	return PAGE_SIZE << c->order;
}

static void ft_region_fill(struct ft_region *r, u64 seed)
{
	unsigned int i;
	size_t w;

	for (i = 0; i < r->nr_chunks; i++) {
		u64 *words = page_address(r->chunks[i].page);

		for (w = 0; w < ft_chunk_bytes(&r->chunks[i]) / sizeof(u64); w++)
			words[w] = ft_mix(&seed);
		cond_resched();
	}
}

/* The checksum over the constituents in descriptor order, as the SP walks them. */
static u64 ft_region_fnv(const struct ft_region *r)
{
	u64 h = TSP_FNV_OFFSET;
	unsigned int i;

	for (i = 0; i < r->nr_chunks; i++) {
		h = tsp_fnv1a(h, page_address(r->chunks[i].page),
			      ft_chunk_bytes(&r->chunks[i]));
		cond_resched();
	}
	return h;
}

/* Byte offset of the first byte that is not @byte (stored in @found), or -1. */
static long ft_region_find_not(const struct ft_region *r, u8 byte, u8 *found)
{
	size_t base = 0, j;
	unsigned int i;

	for (i = 0; i < r->nr_chunks; i++) {
		const u8 *p = page_address(r->chunks[i].page);

		for (j = 0; j < ft_chunk_bytes(&r->chunks[i]); j++)
			if (p[j] != byte) {
				*found = p[j];
				return base + j;
			}
		base += ft_chunk_bytes(&r->chunks[i]);
	}
	return -1;
}

static u32 ft_region_ffa_pages(const struct ft_region *r)
{
	return (u32)(((u64)r->nr_pages * PAGE_SIZE) / FFA_PAGE_SIZE);
}

/* Sends a handle command; checks the status and the page count it reports. */
static int ft_handle_cmd(struct ffa_test *t, struct ft_region *r, u32 cmd,
			 const char *what, u8 byte, struct ffa_send_direct_data *d,
			 char *res, size_t len)
{
	int ret;

	*d = (struct ffa_send_direct_data){
		.data0 = cmd,
		.data1 = lower_32_bits(r->handle),
		.data2 = upper_32_bits(r->handle),
		.data3 = byte,
	};
	ret = ft_call(t, d, what, res, len);
	if (ret || cmd == TSP_CMD_MEM_RELINQUISH)
		return ret;
	if (d->data3 != ft_region_ffa_pages(r))
		return ft_result(res, len, -EIO,
				 "fail %s: partition saw %lu FF-A pages of handle 0x%llx, %u were sent",
				 what, d->data3, r->handle, ft_region_ffa_pages(r));
	return 0;
}

/*
 * While the partition holds the region, the SPMC must refuse MEM_RECLAIM
 * with DENIED; after MEM_RELINQUISH it must accept it.
 */
static int ft_reclaim_while_held(struct ffa_test *t, struct ft_region *r,
				 char *res, size_t len)
{
	struct ffa_send_direct_data d;
	int ret;

	ret = ft_handle_cmd(t, r, TSP_CMD_MEM_RETRIEVE, "MEM_RETRIEVE", 0, &d,
			    res, len);
	if (ret)
		return ret;
	r->retrieved = true;

	ret = t->mem->memory_reclaim(r->handle, 0);
	if (!ret) {
		/*
		 * The region is back with us while the partition still maps it:
		 * keep treating it as transferred so it is leaked, not reused.
		 */
		return ft_result(res, len, -EIO,
				 "fail MEM_RECLAIM of handle 0x%llx succeeded while the partition held it: DENIED(-6) expected",
				 r->handle);
	}
	if (ret != -EACCES)
		return ft_result(res, len, -EIO,
				 "fail MEM_RECLAIM of handle 0x%llx while retrieved gave FF-A %s (errno %d): DENIED(-6) expected",
				 r->handle, ft_errno_name(ret), ret);

	ret = ft_handle_cmd(t, r, TSP_CMD_MEM_RELINQUISH, "MEM_RELINQUISH", 0,
			    &d, res, len);
	if (ret)
		return ret;
	r->retrieved = false;

	ret = t->mem->memory_reclaim(r->handle, 0);
	if (ret)
		return ft_result(res, len, -EIO,
				 "fail MEM_RECLAIM of handle 0x%llx after MEM_RELINQUISH: FF-A %s, errno %d",
				 r->handle, ft_errno_name(ret), ret);
	r->transferred = false;
	return 0;
}

/* After a failure: give the partition's hold back, then try to reclaim. */
static void ft_region_recover(struct ffa_test *t, struct ft_region *r)
{
	struct ffa_send_direct_data d = {
		.data0 = TSP_CMD_MEM_RELINQUISH,
		.data1 = lower_32_bits(r->handle),
		.data2 = upper_32_bits(r->handle),
	};

	if (!r->transferred)
		return;
	if (r->retrieved && !t->msg->sync_send_receive(t->fdev, &d) &&
	    !lower_32_bits(d.data0))
		r->retrieved = false;
	if (!r->retrieved && !t->mem->memory_reclaim(r->handle, 0))
		r->transferred = false;
}

static int ft_region_send(struct ffa_test *t, struct ft_region *r, bool lend,
			  char *res, size_t len)
{
	struct ffa_mem_region_attributes attr = {
		.receiver = t->fdev->vm_id,
		.attrs = FFA_MEM_RW,
	};
	struct ffa_mem_ops_args args = {
		.use_txbuf = true,
		.nattrs = 1,
		.attrs = &attr,
		.sg = r->sgt.sgl,
	};
	int ret;

	ret = lend ? t->mem->memory_lend(&args) : t->mem->memory_share(&args);
	if (ret)
		return ft_result(res, len, -EIO,
				 "fail MEM_%s of %u pages in %u ranges: FF-A %s, errno %d",
				 lend ? "LEND" : "SHARE", r->nr_pages, r->nr_chunks,
				 ft_errno_name(ret), ret);
	r->handle = args.g_handle;
	r->transferred = true;
	return 0;
}

/*
 * share: the partition checksums what we wrote; lend: the partition fills
 * the region with one byte and checksums that. Either way the region must
 * refuse reclaim while held, and our own checksum after reclaim must match.
 */
static int ft_mem_check(struct ffa_test *t, u32 n, bool lend, char *res,
			size_t len)
{
	const u8 fill = 0xa5;
	struct ffa_send_direct_data d;
	struct ft_region r = {};
	u64 h_sent, h_sp, h_back;
	long bad;
	u8 got;
	int ret;

	if (ft_region_alloc(&r, n)) {
		ret = ft_result(res, len, -ENOMEM,
				"fail cannot allocate %u pages: out of memory", n);
		goto out;
	}
	ft_region_fill(&r, n);
	h_sent = ft_region_fnv(&r);

	ret = ft_region_send(t, &r, lend, res, len);
	if (ret)
		goto out;
	if (lend) {
		ret = ft_handle_cmd(t, &r, TSP_CMD_MEM_FILL, "MEM_FILL", fill,
				    &d, res, len);
		if (ret)
			goto out;
	}
	ret = ft_handle_cmd(t, &r, TSP_CMD_MEM_CHECKSUM, "MEM_CHECKSUM", 0, &d,
			    res, len);
	if (ret)
		goto out;
	h_sp = (u64)lower_32_bits(d.data1) | (u64)lower_32_bits(d.data2) << 32;
	ret = ft_reclaim_while_held(t, &r, res, len);
	if (ret)
		goto out;

	/* Reclaimed: the memory is ours again and safe to read. */
	h_back = ft_region_fnv(&r);
	if (lend) {
		bad = ft_region_find_not(&r, fill, &got);
		if (bad >= 0) {
			ret = ft_result(res, len, -EIO,
					"fail lent region byte %ld is 0x%02x after MEM_FILL 0x%02x (handle=0x%llx)",
					bad, got, fill, r.handle);
			goto out;
		}
	} else if (h_back != h_sent) {
		ret = ft_result(res, len, -EIO,
				"fail shared region changed: checksum 0x%016llx before, 0x%016llx after reclaim",
				h_sent, h_back);
		goto out;
	}
	if (h_sp != h_back) {
		ret = ft_result(res, len, -EIO,
				"fail checksum mismatch: partition 0x%016llx, kernel 0x%016llx (pages=%u ranges=%u handle=0x%llx)",
				h_sp, h_back, r.nr_pages, r.nr_chunks, r.handle);
		goto out;
	}
	if (lend)
		ret = ft_result(res, len, 0,
				"ok pages=%u ranges=%u handle=0x%llx fill=0x%02x sp=0x%016llx kernel=0x%016llx held-reclaim=DENIED",
				r.nr_pages, r.nr_chunks, r.handle, fill, h_sp, h_back);
	else
		ret = ft_result(res, len, 0,
				"ok pages=%u ranges=%u handle=0x%llx sp=0x%016llx kernel=0x%016llx held-reclaim=DENIED",
				r.nr_pages, r.nr_chunks, r.handle, h_sp, h_back);
out:
	ft_region_recover(t, &r);
	ft_region_free(&r);
	return ret;
}

const char *ft_pkvm_state(void)
{
	if (!is_protected_kvm_enabled())
		return "off";
#ifndef MODULE
	/* The static key behind this is not exported to modules. */
	if (!is_pkvm_initialized())
		return "protected-uninitialised";
#endif
	return "protected";
}

/*
 * Whose memory is the RX/TX pair the SPMC holds for the normal world? Under
 * pKVM the proxy must have registered its own buffers, which come from the
 * hypervisor's carveout; otherwise (no pKVM, or the host driver reached the
 * SPMC before pKVM existed) they are pages the arm_ffa driver allocated.
 */

const char *const ft_owner_names[] = {
	[FT_NONE] = "none",
	[FT_HOST] = "host",
	[FT_HYP] = "hyp",
	[FT_RESERVED] = "reserved",
	[FT_NOMAP] = "nomap",
	[FT_MIXED] = "mixed",
};

/*
 * Where is pKVM's carveout? Built in, hyp_mem_base/size say it exactly. A
 * module cannot read them (KVM exports nothing), but pKVM logs the range once
 * at boot ("kvm [0]: Reserved 10 MiB at 0x7f400000"): look for that record.
 * Failing both, ft_page_owner() falls back to PageReserved alone.
 */
static void ft_find_hyp_range(struct ffa_test *t)
{
#if FT_HYP_RANGE_KNOWN
	t->hyp_base = hyp_mem_base;
	t->hyp_size = hyp_mem_size;
	t->hyp_method = "hyp-carveout";
#else
	unsigned long long mib, base;
	struct kmsg_dump_iter iter;
	const char *p;
	char *line;
	size_t n;

	t->hyp_method = "page-reserved";
	if (!is_protected_kvm_enabled())
		return;
	line = kmalloc(FT_RESULT_LEN, GFP_KERNEL);
	if (!line)
		return;
	kmsg_dump_rewind(&iter);
	while (kmsg_dump_get_line(&iter, false, line, FT_RESULT_LEN - 1, &n)) {
		line[n] = '\0';
		p = strstr(line, "kvm [");
		if (p && sscanf(p, "kvm [%*d]: Reserved %llu MiB at 0x%llx",
				&mib, &base) == 2 && mib) {
			t->hyp_base = base;
			t->hyp_size = mib << 20;
			t->hyp_method = "kvm-log";
			break;
		}
	}
	kfree(line);
#endif
}

static enum ft_owner ft_page_owner(struct ffa_test *t, phys_addr_t pa)
{
	unsigned long pfn = PHYS_PFN(pa);

	if (!pfn_valid(pfn))
		return FT_NOMAP;
	if (!PageReserved(pfn_to_page(pfn)))
		return FT_HOST;
	if (t->hyp_size)
		return pa >= t->hyp_base && pa - t->hyp_base < t->hyp_size ?
		       FT_HYP : FT_RESERVED;
	/*
	 * The carveout is memblock-reserved, so its pages stay PageReserved and
	 * never reach the page allocator, whereas the arm_ffa driver's buffers
	 * come from alloc_pages_exact(). Under pKVM a reserved page registered
	 * as RX/TX is then most likely the proxy's, though the kernel image or
	 * a firmware reservation would look the same.
	 */
	return is_protected_kvm_enabled() ? FT_HYP : FT_RESERVED;
}

enum ft_owner ft_buffer_owner(struct ffa_test *t, u64 pa, u32 pages)
{
	enum ft_owner owner = FT_NONE;
	u32 i;

	if (!pa)
		return FT_NONE;
	for (i = 0; i < max(pages, 1u); i++) {
		enum ft_owner o = ft_page_owner(t, pa + (u64)i * FFA_PAGE_SIZE);

		if (i && o != owner)
			return FT_MIXED;
		owner = o;
	}
	return owner;
}

static int ft_ns_info(struct ffa_test *t, u32 n, bool unused, char *res,
		      size_t len)
{
	struct ffa_send_direct_data d = { .data0 = TSP_CMD_NS_INFO };
	enum ft_owner tx, rx;
	u32 version, flags, pages;
	int ret;

	if (t->fdev->mode_32bit)
		return ft_result(res, len, -EIO,
				 "fail NS_INFO needs 64-bit DIRECT_REQ but the driver talks 32-bit to this partition: its partition info lacks the AArch64 property");
	ret = ft_call(t, &d, "NS_INFO", res, len);
	if (ret)
		return ret;
	version = lower_32_bits(d.data1);
	flags = upper_32_bits(d.data1);
	pages = d.data4 & 0xffff;
	tx = ft_buffer_owner(t, d.data2, pages);
	rx = ft_buffer_owner(t, d.data3, pages);
	return ft_result(res, len, 0,
			 "ok version=%u.%u locked=%u rx-held=%u tx=0x%lx rx=0x%lx pages=%u txns=%lu retrieved=%lu tx-owner=%s rx-owner=%s method=%s carveout=0x%llx+0x%llx pkvm=%s driver=%u.%u rxtx=%s",
			 FFA_MAJOR_VERSION(version), FFA_MINOR_VERSION(version),
			 !!(flags & TSP_NS_INFO_LOCKED),
			 !!(flags & TSP_NS_INFO_RX_HELD), d.data2, d.data3, pages,
			 (d.data4 >> 16) & 0xffff, d.data4 >> 32,
			 ft_owner_names[tx], ft_owner_names[rx], t->hyp_method,
			 (u64)t->hyp_base, (u64)t->hyp_size,
			 ft_pkvm_state(), FFA_MAJOR_VERSION(t->version),
			 FFA_MINOR_VERSION(t->version),
			 ft_owner_names[tx == rx ? tx : FT_MIXED]);
}

static const struct ft_check ft_checks[FT_NR_FILES] = {
	{ "echo", ft_echo, false, FT_ECHO_MAX, false,
	  "idle: write N to run N DIRECT_REQ echo round trips" },
	{ "echo2", ft_echo, true, FT_ECHO_MAX, false,
	  "idle: write N to run N DIRECT_REQ2 echo round trips" },
	{ "share", ft_mem_check, false, FT_PAGES_MAX, false,
	  "idle: write N to share N pages with the partition" },
	{ "lend", ft_mem_check, true, FT_PAGES_MAX, false,
	  "idle: write N to lend N pages to the partition" },
	{ "ns_info", ft_ns_info, false, 1, true, "" },
	{ "share_host_rx", ft_share_host_rx, false, 1, true, "" },
	{ "isolation", ft_isolation, false, 1, true, "" },
	{ "partinfo", ft_partinfo, false, 1, true, "" },
	{ "emad_offset", ft_emad_offset, false, 1, true, "" },
	{ "store_window", ft_store_window, false, 1, true, "" },
};

static int ft_run(struct ft_file *f, u32 n)
{
	struct ffa_test *t = f->t;
	int ret;

	mutex_lock(&t->lock);
	if (n < 1 || n > f->check->max)
		ret = ft_result(f->result, sizeof(f->result), -ERANGE,
				"fail N=%u is outside 1..%u", n, f->check->max);
	else
		ret = f->check->run(t, n, f->check->variant, f->result,
				     sizeof(f->result));
	mutex_unlock(&t->lock);
	return ret;
}

static ssize_t ft_write(struct file *file, const char __user *ubuf,
			size_t count, loff_t *ppos)
{
	struct ft_file *f = file->private_data;
	u32 n;
	int ret;

	ret = kstrtou32_from_user(ubuf, count, 0, &n);
	if (ret) {
		/* Do not leave an older result readable as if it answered this. */
		mutex_lock(&f->t->lock);
		ft_result(f->result, sizeof(f->result), ret,
			  "fail write a decimal or 0x count to %s (errno %d)",
			  f->check->name, ret);
		mutex_unlock(&f->t->lock);
		return ret;
	}
	ret = ft_run(f, n);
	return ret ? ret : count;
}

static ssize_t ft_read(struct file *file, char __user *ubuf, size_t count,
		       loff_t *ppos)
{
	struct ft_file *f = file->private_data;
	ssize_t ret;

	/* A fresh read of a query file asks the partition again. */
	if (f->check->run_on_read && *ppos == 0)
		ft_run(f, 1);
	mutex_lock(&f->t->lock);
	ret = simple_read_from_buffer(ubuf, count, ppos, f->result,
				      strlen(f->result));
	mutex_unlock(&f->t->lock);
	return ret;
}

static const struct file_operations ft_fops = {
	.owner = THIS_MODULE,
	.open = simple_open,
	.read = ft_read,
	.write = ft_write,
	.llseek = default_llseek,
};

static int ffa_test_probe(struct ffa_device *fdev)
{
	const struct ffa_ops *ops = fdev->ops;
	char probe_res[128];
	struct ffa_test *t;
	u64 now = ktime_get_boottime_ns();
	u32 usec;
	u64 sec;
	int i;

	if (!ops || !ops->msg_ops || !ops->mem_ops || !ops->info_ops) {
		dev_err(&fdev->dev, "arm_ffa core gave no message/memory ops: cannot drive the partition\n");
		return -ENODEV;
	}
	t = devm_kzalloc(&fdev->dev, sizeof(*t), GFP_KERNEL);
	if (!t)
		return -ENOMEM;
	t->fdev = fdev;
	t->msg = ops->msg_ops;
	t->mem = ops->mem_ops;
	t->version = ops->info_ops->api_version_get();
	mutex_init(&t->lock);
	ft_find_hyp_range(t);

	t->dir = debugfs_create_dir(KBUILD_MODNAME, NULL);
	if (IS_ERR(t->dir)) {
		dev_err(&fdev->dev, "cannot create debugfs directory %s (%ld): debugfs disabled, or a second partition with this UUID is already bound\n",
			KBUILD_MODNAME, PTR_ERR(t->dir));
		mutex_destroy(&t->lock);
		return PTR_ERR(t->dir);
	}
	for (i = 0; i < FT_NR_FILES; i++) {
		struct ft_file *f = &t->files[i];

		f->t = t;
		f->check = &ft_checks[i];
		strscpy(f->result, f->check->idle, sizeof(f->result));
		strlcat(f->result, "\n", sizeof(f->result));
		debugfs_create_file(f->check->name, f->check->run_on_read ? 0400 : 0600,
				    t->dir, f, &ft_fops);
	}
	/* The checks work without it: a missing bench file is only reported. */
	if (ft_bench_init(fdev, t->dir, &t->lock))
		dev_warn(&fdev->dev, "no bench file in debugfs: out of memory\n");
	ffa_dev_set_drvdata(fdev, t);

	if (fdev->vm_id != TSP_ID)
		dev_warn(&fdev->dev, "partition has ID 0x%04x, the protocol says 0x%04x: check the partition manifest\n",
			 fdev->vm_id, TSP_ID);
	sec = div_u64_rem(now / NSEC_PER_USEC, USEC_PER_SEC, &usec);
	/* The boot matrix greps this line to learn when FF-A became usable. */
	pr_info("bound to partition 0x%04x at %llu.%06us (%s, FF-A %u.%u, %s-bit direct requests, pKVM %s)\n",
		fdev->vm_id, sec, usec,
		system_state < SYSTEM_RUNNING ? "during boot initcalls" : "after boot",
		FFA_MAJOR_VERSION(t->version), FFA_MINOR_VERSION(t->version),
		fdev->mode_32bit ? "32" : "64", ft_pkvm_state());
	/*
	 * One round trip now, so a built-in client shows whether FF-A works
	 * at the initcall it probed in; the matrix greps "probe echo".
	 */
	ft_echo(t, 1, false, probe_res, sizeof(probe_res));
	pr_info("probe echo %s\n", probe_res);
	ft_early_probe(t);
	return 0;
}

static void ffa_test_remove(struct ffa_device *fdev)
{
	struct ffa_test *t = ffa_dev_get_drvdata(fdev);

	ft_early_remove(t);
	/* Waits for running file operations, so t outlives them. */
	debugfs_remove_recursive(t->dir);
	mutex_destroy(&t->lock);
}

static const struct ffa_device_id ffa_test_ids[] = {
	{ .uuid = FFA_UUID_FFA_STACK_TEST },
	{}
};

static struct ffa_driver ffa_test_driver = {
	.name = KBUILD_MODNAME,
	.probe = ffa_test_probe,
	.remove = ffa_test_remove,
	.id_table = ffa_test_ids,
};

static int __init ffa_test_init(void)
{
	return ffa_register(&ffa_test_driver);
}

/*
 * Built in, register right after the FF-A core (same initcall level, later
 * in link order): the partition is then bound before KVM initialises, and
 * ffa_test_early.c can show FF-A working before, across and after pKVM's
 * installation.
 */
#ifdef MODULE
module_init(ffa_test_init);
#else
rootfs_initcall(ffa_test_init);
#endif

static void __exit ffa_test_exit(void)
{
	ffa_unregister(&ffa_test_driver);
}
module_exit(ffa_test_exit);

MODULE_DESCRIPTION("ffa-stack test partition client: FF-A checks over debugfs");
MODULE_LICENSE("GPL");
