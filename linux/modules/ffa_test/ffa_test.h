/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ffa_test internals. The module is one driver (ffa_test_core.c: probe,
 * remove, debugfs and the table of checks), one helper library
 * (ffa_test_lib.c: FF-A status names, calls, the memory region type, who
 * owns a page) and one file per group of checks:
 *
 *   ffa_test_msg.c        direct messages, partition info, NS_INFO
 *   ffa_test_mem.c        share and lend round trips
 *   ffa_test_early.c      what only a built-in client sees: probe before
 *                         pKVM, device_initcall, SMP stress, the host RX page
 *   ffa_test_isolation.c  attacks pKVM's proxy must refuse
 *   ffa_test_bench.c      call costs in counter ticks (not a check)
 *
 * A check is a row of ft_checks[] in ffa_test_core.c. Its name is the one
 * name everywhere: the debugfs file, the "ffa-stack: check <name>" line the
 * initramfs program prints, the key tools/matrix.py reports and the key in
 * tests/matrix/expected.json.
 */
#ifndef FFA_TEST_H
#define FFA_TEST_H

#include <linux/arm_ffa.h>
#include <linux/arm-smccc.h>
#include <linux/debugfs.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/scatterlist.h>
#include <linux/slab.h>
#include <asm/virt.h>

/* pKVM's carveout bounds are visible to built-in code only. */
#if !defined(MODULE) && IS_ENABLED(CONFIG_KVM)
#include <linux/kvm_host.h>
#define FT_HYP_RANGE_KNOWN 1
#else
#define FT_HYP_RANGE_KNOWN 0
#endif

#include <ffa/uuid.h>
#include <services/test_sp.h>

#define FT_ECHO_MAX	1000000u
#define FT_PAGES_MAX	4096u
#define FT_RESULT_LEN	384

struct ffa_test;

/*
 * A debugfs file. A check (FT_CHECK) runs when its file is read and is what
 * the boot runs; a tool (FT_TOOL) runs when N is written to it, for a user at
 * the shell (echo 16 > share); an info file (FT_INFO) runs when read too but
 * is no check of its own: a program reads it to run one (store_window).
 */
enum ft_kind { FT_CHECK, FT_TOOL, FT_INFO };

struct ft_check {
	const char *name;
	enum ft_kind kind;
	int (*run)(struct ffa_test *t, u32 n, bool variant, char *res, size_t len);
	bool variant;
	/* Tools: the largest N; checks always run with N = 1. */
	u32 max;
	/* Tools: what the file says before its first run. */
	const char *idle;
};

struct ft_file {
	struct ffa_test *t;
	const struct ft_check *check;
	char result[FT_RESULT_LEN];
};

struct ffa_test {
	struct ffa_device *fdev;
	const struct ffa_msg_ops *msg;
	const struct ffa_mem_ops *mem;
	u32 version;
	/* pKVM's carveout, when known (size 0 otherwise), and how we know. */
	phys_addr_t hyp_base;
	phys_addr_t hyp_size;
	const char *hyp_method;
	struct dentry *dir;
	/*
	 * One check at a time: the checks share the partition's transaction
	 * and retrieve counters that ns_info reports, and each file's result.
	 */
	struct mutex lock;
	struct ft_file *files;
	/*
	 * The RX/TX pair the SPMC reported when we bound, if it was the host's
	 * own pages (a built-in client binding before pKVM's installation).
	 */
	u64 early_tx;
	u64 early_rx;
};

/* ffa_test_lib.c: FF-A statuses as the arm_ffa driver's errnos. */
const char *ft_errno_name(int err);
const char *ft_status_name(s32 status);
int ft_status_errno(s32 status);
int ft_errno_status(int err);

/* Writes "<fmt>\n" to @res and returns @ret. */
__printf(4, 5) int ft_result(char *res, size_t len, int ret, const char *fmt, ...);
/* A result line without its "fail " and newline, to quote in another. */
const char *ft_result_why(char *line);
int ft_call(struct ffa_test *t, struct ffa_send_direct_data *d,
	    const char *what, char *res, size_t len);
/* A command about a memory handle: a1/a2 carry it, a3 @arg. */
int ft_handle_call(struct ffa_test *t, u32 cmd, u64 handle, u8 arg,
		   struct ffa_send_direct_data *d, const char *what, char *res,
		   size_t len);
int ft_echo(struct ffa_test *t, u32 n, bool req2, char *res, size_t len);
u64 ft_mix(u64 *state);

/* Raw FF-A calls, for what the arm_ffa driver never sends (SMC conduit). */
void ft_smc(unsigned long fid, unsigned long a1, unsigned long a2,
	    unsigned long a3, struct arm_smccc_1_2_regs *out);
/* 0 for FFA_SUCCESS, the errno of an FFA_ERROR, -EPROTO for anything else. */
int ft_smc_ret(const struct arm_smccc_1_2_regs *r);

/* MEM_SHARE or MEM_LEND of @sg to the partition with @perm (FFA_MEM_RW/RO). */
int ft_mem_send(struct ffa_test *t, struct scatterlist *sg, bool lend, u8 perm,
		u64 *handle);

/* One physically contiguous piece of memory: 2^order pages. */
struct ft_chunk {
	struct page *page;
	unsigned int order;
};

static inline size_t ft_chunk_bytes(const struct ft_chunk *c)
{
	return PAGE_SIZE << c->order;
}

/*
 * The memory a check sends: chunks in address order, their scatterlist,
 * and what the partition holds of it. Pages still transferred are never
 * given back to the allocator (ft_region_free leaks them, loudly).
 */
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

/* @n pages in chunks of at most 2^@max_order pages (0: one per page). */
int ft_region_alloc(struct ft_region *r, u32 n, unsigned int max_order);
void ft_region_fill(struct ft_region *r, u64 seed);
/* The checksum over the chunks in address order, as the partition walks them. */
u64 ft_region_fnv(const struct ft_region *r);
u32 ft_region_ffa_pages(const struct ft_region *r);
int ft_region_send(struct ft_region *r, struct ffa_test *t, bool lend);
int ft_region_reclaim(struct ft_region *r, struct ffa_test *t);
/* After a failure: give the partition's hold back, then try to reclaim. */
void ft_region_recover(struct ft_region *r, struct ffa_test *t);
void ft_region_free(struct ft_region *r);

/* Whose memory is a page: the answer to "did RX/TX go through the proxy". */
enum ft_owner { FT_NONE, FT_HOST, FT_HYP, FT_RESERVED, FT_NOMAP, FT_MIXED };

extern const char *const ft_owner_names[];

const char *ft_pkvm_state(void);
bool ft_pkvm_finalised(void);
void ft_find_hyp_range(struct ffa_test *t);
enum ft_owner ft_buffer_owner(struct ffa_test *t, u64 pa, u32 pages);

/* The checks, one group per file. */
int ft_direct_msg(struct ffa_test *t, u32 n, bool req2, char *res, size_t len);
int ft_ns_info(struct ffa_test *t, u32 n, bool unused, char *res, size_t len);
int ft_partinfo(struct ffa_test *t, u32 n, bool unused, char *res, size_t len);
int ft_mem_check(struct ffa_test *t, u32 n, bool lend, char *res, size_t len);
int ft_share_lend_reclaim(struct ffa_test *t, u32 n, bool unused, char *res,
			  size_t len);
int ft_share_host_rx(struct ffa_test *t, u32 n, bool unused, char *res,
		     size_t len);
int ft_isolation(struct ffa_test *t, u32 n, bool unused, char *res, size_t len);
int ft_emad_offset(struct ffa_test *t, u32 n, bool unused, char *res,
		   size_t len);

/* ffa_test_notify.c: notifications and indirect messages. */
int ft_notification(struct ffa_test *t, u32 n, bool unused, char *res, size_t len);
int ft_indirect_msg(struct ffa_test *t, u32 n, bool unused, char *res, size_t len);

/* ffa_test_store.c: where the variable store is, for /tests/ffa-test's writes. */
int ft_store_window(struct ffa_test *t, u32 n, bool unused, char *res, size_t len);

/* ffa_test_early.c: what the driver does at probe and remove. */
void ft_early_probe(struct ffa_test *t);
void ft_early_remove(struct ffa_test *t);

/* ffa_test_bench.c: adds "bench" to t->dir (not a check: it prints figures). */
int ft_bench_init(struct ffa_test *t);

#endif /* FFA_TEST_H */
