// SPDX-License-Identifier: GPL-2.0
/*
 * Memory sharing with the test partition:
 *
 *   share_lend_reclaim  shares of 1, 16 and 256 pages and a lend of 16, each
 *                       checked as below; one result line for all four
 *   share, lend         (tools) the same for N pages written to the file
 *
 * share: the partition checksums what we wrote; lend: the partition fills
 * the region with one byte and checksums that. Either way the SPMC must
 * refuse MEM_RECLAIM while the partition holds the region (DENIED) and
 * accept it after MEM_RELINQUISH, and our own checksum after reclaim must
 * match the partition's.
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include "ffa_test.h"

#define FT_FILL 0xa5

/* Sends a handle command; checks the status and the page count it reports. */
static int ft_region_cmd(struct ffa_test *t, struct ft_region *r, u32 cmd,
			 const char *what, u8 byte, struct ffa_send_direct_data *d,
			 char *res, size_t len)
{
	int ret = ft_handle_call(t, cmd, r->handle, byte, d, what, res, len);

	if (ret || cmd == TEST_SP_CMD_MEM_RELINQUISH)
		return ret;
	if (d->data3 != ft_region_ffa_pages(r))
		return ft_result(res, len, -EIO,
				 "fail %s: partition saw %lu FF-A pages of handle 0x%llx, %u were sent",
				 what, d->data3, r->handle, ft_region_ffa_pages(r));
	return 0;
}

static int ft_reclaim_while_held(struct ffa_test *t, struct ft_region *r,
				 char *res, size_t len)
{
	struct ffa_send_direct_data d;
	int ret;

	ret = ft_region_cmd(t, r, TEST_SP_CMD_MEM_RETRIEVE, "MEM_RETRIEVE", 0, &d,
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

	ret = ft_region_cmd(t, r, TEST_SP_CMD_MEM_RELINQUISH, "MEM_RELINQUISH", 0,
			    &d, res, len);
	if (ret)
		return ret;
	r->retrieved = false;

	ret = ft_region_reclaim(r, t);
	if (ret)
		return ft_result(res, len, -EIO,
				 "fail MEM_RECLAIM of handle 0x%llx after MEM_RELINQUISH: FF-A %s, errno %d",
				 r->handle, ft_errno_name(ret), ret);
	return 0;
}

/* What we read back after reclaim: the partition's checksum and our own. */
static int ft_mem_verify(struct ft_region *r, bool lend, u64 h_sent, u64 h_sp,
			 char *res, size_t len)
{
	u64 h_back = ft_region_fnv(r);
	unsigned int i;
	size_t j, base = 0;

	if (!lend && h_back != h_sent)
		return ft_result(res, len, -EIO,
				 "fail shared region changed: checksum 0x%016llx before, 0x%016llx after reclaim",
				 h_sent, h_back);
	for (i = 0; lend && i < r->nr_chunks; i++) {
		const u8 *p = page_address(r->chunks[i].page);

		for (j = 0; j < ft_chunk_bytes(&r->chunks[i]); j++)
			if (p[j] != FT_FILL)
				return ft_result(res, len, -EIO,
						 "fail lent region byte %zu is 0x%02x after MEM_FILL 0x%02x (handle=0x%llx)",
						 base + j, p[j], FT_FILL, r->handle);
		base += ft_chunk_bytes(&r->chunks[i]);
	}
	if (h_sp != h_back)
		return ft_result(res, len, -EIO,
				 "fail checksum mismatch: partition 0x%016llx, kernel 0x%016llx (pages=%u ranges=%u handle=0x%llx)",
				 h_sp, h_back, r->nr_pages, r->nr_chunks, r->handle);
	return ft_result(res, len, 0,
			 "ok pages=%u ranges=%u handle=0x%llx%s sp=0x%016llx kernel=0x%016llx held-reclaim=DENIED",
			 r->nr_pages, r->nr_chunks, r->handle,
			 lend ? " fill=" __stringify(FT_FILL) : "", h_sp, h_back);
}

int ft_mem_check(struct ffa_test *t, u32 n, bool lend, char *res, size_t len)
{
	struct ffa_send_direct_data d;
	struct ft_region r = {};
	u64 h_sent, h_sp;
	int ret;

	if (ft_region_alloc(&r, n, MAX_PAGE_ORDER)) {
		ret = ft_result(res, len, -ENOMEM,
				"fail cannot allocate %u pages: out of memory", n);
		goto out;
	}
	ft_region_fill(&r, n);
	h_sent = ft_region_fnv(&r);

	ret = ft_region_send(&r, t, lend);
	if (ret) {
		ret = ft_result(res, len, -EIO,
				"fail MEM_%s of %u pages in %u ranges: FF-A %s, errno %d",
				lend ? "LEND" : "SHARE", r.nr_pages, r.nr_chunks,
				ft_errno_name(ret), ret);
		goto out;
	}
	if (lend) {
		ret = ft_region_cmd(t, &r, TEST_SP_CMD_MEM_FILL, "MEM_FILL", FT_FILL,
				    &d, res, len);
		if (ret)
			goto out;
	}
	ret = ft_region_cmd(t, &r, TEST_SP_CMD_MEM_CHECKSUM, "MEM_CHECKSUM", 0, &d,
			    res, len);
	if (ret)
		goto out;
	h_sp = (u64)lower_32_bits(d.data1) | (u64)lower_32_bits(d.data2) << 32;
	ret = ft_reclaim_while_held(t, &r, res, len);
	if (!ret)
		ret = ft_mem_verify(&r, lend, h_sent, h_sp, res, len);
out:
	ft_region_recover(&r, t);
	ft_region_free(&r);
	return ret;
}

/*
 * One page, a multi-page range, 1 MiB (one high-order block or, when memory
 * is fragmented, many ranges), and a lend.
 */
int ft_share_lend_reclaim(struct ffa_test *t, u32 n, bool unused, char *res,
			  size_t len)
{
	static const struct {
		u32 pages;
		bool lend;
	} runs[] = { { 1, false }, { 16, false }, { 256, false }, { 16, true } };
	char line[FT_RESULT_LEN], summary[160];
	size_t used = 0;
	unsigned int i;

	summary[0] = '\0';
	for (i = 0; i < ARRAY_SIZE(runs); i++) {
		const char *op = runs[i].lend ? "lend" : "share";
		const char *ranges;

		if (ft_mem_check(t, runs[i].pages, runs[i].lend, line, sizeof(line)))
			return ft_result(res, len, -EIO, "fail %s-%u: %s", op,
					 runs[i].pages, ft_result_why(line));
		pr_info("%s-%u %s", op, runs[i].pages, line);
		ranges = strstr(line, "ranges=");
		used += scnprintf(summary + used, sizeof(summary) - used,
				  " %s-%u %.*s", op, runs[i].pages,
				  ranges ? (int)strcspn(ranges, "\n ") : 0,
				  ranges ? ranges : "");
	}
	return ft_result(res, len, 0,
			 "ok%s, checksums equal, reclaim while held DENIED",
			 summary);
}
