/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ffa_test internals shared by its files: ffa_test_main.c (the driver and
 * its debugfs checks) and ffa_test_early.c (what only a built-in client can
 * show: FF-A before and across pKVM's installation).
 */
#ifndef FFA_TEST_H
#define FFA_TEST_H

#include <linux/arm_ffa.h>
#include <linux/debugfs.h>
#include <linux/fs.h>
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/kmsg_dump.h>
#include <linux/ktime.h>
#include <linux/log2.h>
#include <linux/math64.h>
#include <linux/minmax.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/scatterlist.h>
#include <linux/slab.h>
#include <linux/sort.h>
#include <linux/string.h>
#include <linux/uaccess.h>
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
#define FT_NR_FILES	10

struct ffa_test;

struct ft_check {
	const char *name;
	int (*run)(struct ffa_test *t, u32 n, bool variant, char *res, size_t len);
	bool variant;
	u32 max;
	bool run_on_read;
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
	struct ft_file files[FT_NR_FILES];
	/*
	 * The RX/TX pair the SPMC reported when we bound, if it was the host's
	 * own pages (a built-in client binding before pKVM's installation).
	 */
	u64 early_tx;
	u64 early_rx;
};

/*
 * FF-A error codes by -code, with the errno the arm_ffa driver turns each
 * into: we print FF-A names, since that is what a firmware engineer greps.
 * The driver also says -EINVAL for a reply it did not expect.
 */
enum ft_owner { FT_NONE, FT_HOST, FT_HYP, FT_RESERVED, FT_NOMAP, FT_MIXED };

extern const char *const ft_owner_names[];

const char *ft_errno_name(int err);
__printf(4, 5) int ft_result(char *res, size_t len, int ret, const char *fmt, ...);
int ft_call(struct ffa_test *t, struct ffa_send_direct_data *d,
	    const char *what, char *res, size_t len);
int ft_echo(struct ffa_test *t, u32 n, bool req2, char *res, size_t len);
const char *ft_pkvm_state(void);
enum ft_owner ft_buffer_owner(struct ffa_test *t, u64 pa, u32 pages);

/* ffa_test_early.c */
void ft_early_probe(struct ffa_test *t);
void ft_early_remove(struct ffa_test *t);
int ft_share_host_rx(struct ffa_test *t, u32 n, bool unused, char *res,
		     size_t len);
int ft_partinfo(struct ffa_test *t, u32 n, bool unused, char *res, size_t len);

/* ffa_test_isolation.c */
int ft_isolation(struct ffa_test *t, u32 n, bool unused, char *res, size_t len);
int ft_emad_offset(struct ffa_test *t, u32 n, bool unused, char *res,
		   size_t len);

/* ffa_test_store.c */
int ft_store_window(struct ffa_test *t, u32 n, bool unused, char *res, size_t len);

#endif /* FFA_TEST_H */
