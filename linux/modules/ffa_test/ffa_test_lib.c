// SPDX-License-Identifier: GPL-2.0
/*
 * The helpers every group of ffa_test checks uses: FF-A status names, direct
 * requests to the test partition, raw SMCs, the memory region type, and who
 * owns a page (host, hypervisor, reserved).
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/kmsg_dump.h>
#include <linux/log2.h>
#include <linux/minmax.h>
#include <linux/sort.h>
#include <linux/string.h>

#include "ffa_test.h"

/*
 * FF-A status codes by -status, with the errno the arm_ffa driver turns each
 * into: we print FF-A names, since that is what a firmware engineer greps.
 * The driver also says -EINVAL for a reply it did not expect.
 */
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

const char *ft_status_name(s32 status)
{
	if (status <= 0 && status > -(s32)ARRAY_SIZE(ft_codes))
		return ft_codes[-status].name;
	return "UNKNOWN";
}

int ft_status_errno(s32 status)
{
	if (status < 0 && status > -(s32)ARRAY_SIZE(ft_codes))
		return ft_codes[-status].err;
	return -EPROTO;
}

/* The FF-A status of an errno, 0 when it has none. */
int ft_errno_status(int err)
{
	unsigned int i;

	for (i = 1; i < ARRAY_SIZE(ft_codes); i++)
		if (ft_codes[i].err == err)
			return -(int)i;
	return 0;
}

const char *ft_errno_name(int err)
{
	int status = ft_errno_status(err);

	return status ? ft_codes[-status].name : "none";
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

const char *ft_result_why(char *line)
{
	line = strim(line);
	return strncmp(line, "fail ", 5) ? line : line + 5;
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

int ft_handle_call(struct ffa_test *t, u32 cmd, u64 handle, u8 arg,
		   struct ffa_send_direct_data *d, const char *what, char *res,
		   size_t len)
{
	*d = (struct ffa_send_direct_data){
		.data0 = cmd,
		.data1 = lower_32_bits(handle),
		.data2 = upper_32_bits(handle),
		.data3 = arg,
	};
	return ft_call(t, d, what, res, len);
}

/* splitmix64: cheap, and every bit of the payload changes between rounds. */
u64 ft_mix(u64 *state)
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
		sent.data[0] = TEST_SP_CMD_ECHO;
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

void ft_smc(unsigned long fid, unsigned long a1, unsigned long a2,
	    unsigned long a3, struct arm_smccc_1_2_regs *out)
{
	struct arm_smccc_1_2_regs in = {
		.a0 = fid, .a1 = a1, .a2 = a2, .a3 = a3,
	};

	arm_smccc_1_2_smc(&in, out);
}

int ft_smc_ret(const struct arm_smccc_1_2_regs *r)
{
	if (r->a0 == FFA_SUCCESS || r->a0 == FFA_FN64_SUCCESS)
		return 0;
	if (r->a0 == FFA_ERROR)
		return ft_status_errno((s32)r->a2);
	return -EPROTO;
}

int ft_mem_send(struct ffa_test *t, struct scatterlist *sg, bool lend, u8 perm,
		u64 *handle)
{
	struct ffa_mem_region_attributes attr = {
		.receiver = t->fdev->vm_id,
		.attrs = perm,
	};
	struct ffa_mem_ops_args args = {
		.use_txbuf = true,
		.nattrs = 1,
		.attrs = &attr,
		.sg = sg,
	};
	int ret;

	ret = lend ? t->mem->memory_lend(&args) : t->mem->memory_share(&args);
	if (!ret)
		*handle = args.g_handle;
	return ret;
}

static int ft_chunk_cmp(const void *a, const void *b)
{
	unsigned long pa = page_to_pfn(((const struct ft_chunk *)a)->page);
	unsigned long pb = page_to_pfn(((const struct ft_chunk *)b)->page);

	return pa < pb ? -1 : pa > pb;
}

/*
 * The largest physically contiguous chunks the allocator gives, so N = 256
 * normally travels as one constituent (pKVM's proxy holds at most a page of
 * constituents) and any N works.
 */
int ft_region_alloc(struct ft_region *r, u32 n, unsigned int max_order)
{
	unsigned int order = min_t(unsigned int, ilog2(n), MAX_PAGE_ORDER);
	struct scatterlist *sg;
	u32 left = n;
	unsigned int i;

	order = min(order, max_order);
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
		sg_set_page(sg, r->chunks[i].page, ft_chunk_bytes(&r->chunks[i]), 0);
	return 0;
}

void ft_region_free(struct ft_region *r)
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

void ft_region_fill(struct ft_region *r, u64 seed)
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

u64 ft_region_fnv(const struct ft_region *r)
{
	u64 h = TEST_SP_FNV_OFFSET;
	unsigned int i;

	for (i = 0; i < r->nr_chunks; i++) {
		h = test_sp_fnv1a(h, page_address(r->chunks[i].page),
				  ft_chunk_bytes(&r->chunks[i]));
		cond_resched();
	}
	return h;
}

u32 ft_region_ffa_pages(const struct ft_region *r)
{
	return (u32)(((u64)r->nr_pages * PAGE_SIZE) / FFA_PAGE_SIZE);
}

int ft_region_send(struct ft_region *r, struct ffa_test *t, bool lend)
{
	int ret = ft_mem_send(t, r->sgt.sgl, lend, FFA_MEM_RW, &r->handle);

	if (!ret)
		r->transferred = true;
	return ret;
}

int ft_region_reclaim(struct ft_region *r, struct ffa_test *t)
{
	int ret = t->mem->memory_reclaim(r->handle, 0);

	if (!ret)
		r->transferred = false;
	return ret;
}

void ft_region_recover(struct ft_region *r, struct ffa_test *t)
{
	struct ffa_send_direct_data d = {
		.data0 = TEST_SP_CMD_MEM_RELINQUISH,
		.data1 = lower_32_bits(r->handle),
		.data2 = upper_32_bits(r->handle),
	};

	if (!r->transferred)
		return;
	if (r->retrieved && !t->msg->sync_send_receive(t->fdev, &d) &&
	    !lower_32_bits(d.data0))
		r->retrieved = false;
	if (!r->retrieved)
		ft_region_reclaim(r, t);
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

bool ft_pkvm_finalised(void)
{
#ifdef MODULE
	return false;	/* is_pkvm_initialized() is for built-in code only */
#else
	return is_protected_kvm_enabled() && is_pkvm_initialized();
#endif
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
void ft_find_hyp_range(struct ffa_test *t)
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
