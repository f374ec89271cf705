// SPDX-License-Identifier: GPL-2.0
/*
 * ffa_test's "bench" debugfs file: what FF-A calls cost as Linux sees them,
 * in CNTVCT_EL0 ticks around each call. Meant for QEMU with -icount
 * shift=0, where virtual time follows the instruction count, so the figures
 * repeat from boot to boot and a protected boot (every call through pKVM's
 * FF-A proxy) can be set against an nvhe one (straight to the SPMC).
 *
 * Write N: N DIRECT_REQ and N DIRECT_REQ2 (when the driver offers it) echo
 * round trips, then FT_BENCH_REPS shares and reclaims of 1, 16 and 256
 * pages, as one constituent and as one constituent per page. Read: a first
 * line "ok cntfrq=<Hz> ..." and one line per operation,
 * "<op> n=<count> min=<ticks> mean=<ticks> max=<ticks>", or a line starting
 * with "fail" or "skip" for an operation that failed or is not offered.
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/arm_ffa.h>
#include <linux/debugfs.h>
#include <linux/device.h>
#include <linux/fs.h>
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/math64.h>
#include <linux/mm.h>
#include <linux/mutex.h>
#include <linux/scatterlist.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <asm/arch_timer.h>

#include <services/test_sp.h>

#include "ffa_test_bench.h"

#define FT_BENCH_ECHO_MAX	100000u
#define FT_BENCH_REPS		20u
#define FT_BENCH_RESULT_LEN	2048

struct ft_bench {
	struct ffa_device *fdev;
	/* ffa_test's lock: one check or benchmark at a time. */
	struct mutex *lock;
	size_t used;
	char result[FT_BENCH_RESULT_LEN];
};

struct ft_stat {
	u64 min;
	u64 max;
	u64 sum;
	u32 n;
};

static void ft_stat_add(struct ft_stat *s, u64 ticks)
{
	if (!s->n || ticks < s->min)
		s->min = ticks;
	if (ticks > s->max)
		s->max = ticks;
	s->sum += ticks;
	s->n++;
}

/* The virtual counter, ordered against the calls it brackets. */
static u64 ft_now(void)
{
	return __arch_counter_get_cntvct();
}

static __printf(2, 3) void ft_out(struct ft_bench *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	b->used += vscnprintf(b->result + b->used, sizeof(b->result) - b->used,
			      fmt, ap);
	va_end(ap);
}

static void ft_out_stat(struct ft_bench *b, const char *op,
			const struct ft_stat *s)
{
	ft_out(b, "%s n=%u min=%llu mean=%llu max=%llu\n", op, s->n, s->min,
	       div_u64(s->sum, s->n), s->max);
}

static int ft_bench_send(struct ft_bench *b, bool req2, u32 round)
{
	const struct ffa_msg_ops *msg = b->fdev->ops->msg_ops;
	struct ffa_send_direct_data2 d2 = {
		.data = { TSP_CMD_ECHO, round },
	};
	struct ffa_send_direct_data d = {
		.data0 = TSP_CMD_ECHO,
		.data1 = round,
	};
	int ret;

	if (req2) {
		ret = msg->sync_send_receive2(b->fdev, &b->fdev->uuid, &d2);
		if (!ret && (d2.data[0] != TSP_CMD_ECHO || d2.data[1] != round))
			ret = -EPROTO;
		return ret;
	}
	ret = msg->sync_send_receive(b->fdev, &d);
	if (!ret && (d.data0 != TSP_CMD_ECHO || d.data1 != round))
		ret = -EPROTO;
	return ret;
}

static int ft_bench_echo(struct ft_bench *b, u32 n, bool req2)
{
	const char *op = req2 ? "echo2" : "echo";
	struct ft_stat st = {};
	u64 t0, t1;
	u32 i;
	int ret;

	for (i = 0; i < n; i++) {
		t0 = ft_now();
		ret = ft_bench_send(b, req2, i);
		t1 = ft_now();
		/* pKVM's proxy in 6.12 neither offers nor forwards REQ2. */
		if (ret == -EOPNOTSUPP && req2 && !i) {
			ft_out(b, "skip %s: DIRECT_REQ2 not offered by the driver\n",
			       op);
			return 0;
		}
		if (ret) {
			ft_out(b, "fail %s round %u: errno %d\n", op, i, ret);
			return -EIO;
		}
		ft_stat_add(&st, t1 - t0);
	}
	ft_out_stat(b, op, &st);
	return 0;
}

/* n pages, as one block (contiguous) or one page per sg entry. */
struct ft_bench_region {
	struct page **pages;
	unsigned int nr;
	bool contig;
	struct sg_table sgt;
	/* Not reclaimed: the secure side may still map it, never free it. */
	bool leak;
};

static int ft_bench_alloc(struct ft_bench_region *r, u32 n, bool contig)
{
	struct scatterlist *sg;
	unsigned int i;

	r->contig = contig;
	r->pages = kcalloc(n, sizeof(*r->pages), GFP_KERNEL);
	if (!r->pages)
		return -ENOMEM;
	if (contig) {
		r->pages[0] = alloc_pages(GFP_KERNEL, get_order(n * PAGE_SIZE));
		if (!r->pages[0])
			return -ENOMEM;
		r->nr = 1;
		if (sg_alloc_table(&r->sgt, 1, GFP_KERNEL))
			return -ENOMEM;
		sg_set_page(r->sgt.sgl, r->pages[0], n * PAGE_SIZE, 0);
		return 0;
	}
	for (r->nr = 0; r->nr < n; r->nr++) {
		r->pages[r->nr] = alloc_page(GFP_KERNEL);
		if (!r->pages[r->nr])
			return -ENOMEM;
	}
	if (sg_alloc_table(&r->sgt, n, GFP_KERNEL))
		return -ENOMEM;
	for_each_sg(r->sgt.sgl, sg, n, i)
		sg_set_page(sg, r->pages[i], PAGE_SIZE, 0);
	return 0;
}

static void ft_bench_free(struct ft_bench_region *r, u32 n)
{
	unsigned int i;

	if (r->leak) {
		pr_err("bench: leaking %u pages that were not reclaimed from the partition\n",
		       n);
	} else {
		for (i = 0; i < r->nr; i++)
			if (r->contig)
				__free_pages(r->pages[i], get_order(n * PAGE_SIZE));
			else
				__free_page(r->pages[i]);
	}
	if (r->sgt.sgl)
		sg_free_table(&r->sgt);
	kfree(r->pages);
}

static int ft_bench_share_once(struct ft_bench *b, struct ft_bench_region *r,
			       struct ft_stat *share, struct ft_stat *reclaim)
{
	const struct ffa_mem_ops *mem = b->fdev->ops->mem_ops;
	struct ffa_mem_region_attributes attr = {
		.receiver = b->fdev->vm_id,
		.attrs = FFA_MEM_RW,
	};
	struct ffa_mem_ops_args args = {
		.use_txbuf = true,
		.nattrs = 1,
		.attrs = &attr,
		.sg = r->sgt.sgl,
	};
	u64 t0, t1;
	int ret;

	t0 = ft_now();
	ret = mem->memory_share(&args);
	t1 = ft_now();
	if (ret)
		return ret;
	ft_stat_add(share, t1 - t0);
	t0 = ft_now();
	ret = mem->memory_reclaim(args.g_handle, 0);
	t1 = ft_now();
	if (ret) {
		r->leak = true;
		return ret;
	}
	ft_stat_add(reclaim, t1 - t0);
	return 0;
}

static int ft_bench_share(struct ft_bench *b, u32 n, bool contig)
{
	const char *layout = contig ? "contig" : "scatter";
	struct ft_stat share = {}, reclaim = {};
	struct ft_bench_region r = {};
	char op[32];
	u32 i;
	int ret;

	ret = ft_bench_alloc(&r, n, contig);
	if (ret) {
		ft_out(b, "fail share-%s-%u: cannot allocate the pages\n",
		       layout, n);
		goto out;
	}
	for (i = 0; i < FT_BENCH_REPS; i++) {
		ret = ft_bench_share_once(b, &r, &share, &reclaim);
		if (ret) {
			ft_out(b, "fail share-%s-%u round %u: errno %d\n",
			       layout, n, i, ret);
			goto out;
		}
	}
	snprintf(op, sizeof(op), "share-%s-%u", layout, n);
	ft_out_stat(b, op, &share);
	snprintf(op, sizeof(op), "reclaim-%s-%u", layout, n);
	ft_out_stat(b, op, &reclaim);
out:
	ft_bench_free(&r, n);
	return ret;
}

static void ft_bench_run(struct ft_bench *b, u32 n)
{
	static const u32 sizes[] = { 1, 16, 256 };
	unsigned int i;

	b->used = 0;
	b->result[0] = '\0';
	ft_out(b, "ok cntfrq=%u echo=%u reps=%u ffa=%u.%u\n",
	       arch_timer_get_cntfrq(), n, FT_BENCH_REPS,
	       FFA_MAJOR_VERSION(b->fdev->ops->info_ops->api_version_get()),
	       FFA_MINOR_VERSION(b->fdev->ops->info_ops->api_version_get()));
	/* Each failure is reported on its own line; the others still run. */
	ft_bench_echo(b, n, false);
	ft_bench_echo(b, n, true);
	for (i = 0; i < ARRAY_SIZE(sizes); i++)
		ft_bench_share(b, sizes[i], true);
	for (i = 0; i < ARRAY_SIZE(sizes); i++)
		ft_bench_share(b, sizes[i], false);
}

static ssize_t ft_bench_write(struct file *file, const char __user *ubuf,
			      size_t count, loff_t *ppos)
{
	struct ft_bench *b = file->private_data;
	u32 n;
	int ret;

	ret = kstrtou32_from_user(ubuf, count, 0, &n);
	if (ret)
		return ret;
	if (n < 1 || n > FT_BENCH_ECHO_MAX)
		return -ERANGE;
	mutex_lock(b->lock);
	ft_bench_run(b, n);
	ret = strncmp(b->result, "fail", 4) && !strstr(b->result, "\nfail") ?
	      0 : -EIO;
	mutex_unlock(b->lock);
	return ret ? ret : count;
}

static ssize_t ft_bench_read(struct file *file, char __user *ubuf,
			     size_t count, loff_t *ppos)
{
	struct ft_bench *b = file->private_data;
	ssize_t ret;

	mutex_lock(b->lock);
	ret = simple_read_from_buffer(ubuf, count, ppos, b->result, b->used);
	mutex_unlock(b->lock);
	return ret;
}

static const struct file_operations ft_bench_fops = {
	.owner = THIS_MODULE,
	.open = simple_open,
	.read = ft_bench_read,
	.write = ft_bench_write,
	.llseek = default_llseek,
};

int ft_bench_init(struct ffa_device *fdev, struct dentry *dir,
		  struct mutex *lock)
{
	struct ft_bench *b;

	b = devm_kzalloc(&fdev->dev, sizeof(*b), GFP_KERNEL);
	if (!b)
		return -ENOMEM;
	b->fdev = fdev;
	b->lock = lock;
	b->used = scnprintf(b->result, sizeof(b->result),
			    "idle: write N to time N echo round trips and %u shares/reclaims per size\n",
			    FT_BENCH_REPS);
	debugfs_create_file("bench", 0600, dir, b, &ft_bench_fops);
	return 0;
}
