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

#include <linux/fs.h>
#include <linux/math64.h>
#include <linux/uaccess.h>
#include <asm/arch_timer.h>

#include "ffa_test.h"

#define FT_BENCH_ECHO_MAX	100000u
#define FT_BENCH_REPS		20u
#define FT_BENCH_RESULT_LEN	2048

struct ft_bench {
	/* Its lock serialises the benchmark with the checks. */
	struct ffa_test *t;
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
	struct ffa_test *t = b->t;
	struct ffa_send_direct_data2 d2 = {
		.data = { TEST_SP_CMD_ECHO, round },
	};
	struct ffa_send_direct_data d = {
		.data0 = TEST_SP_CMD_ECHO,
		.data1 = round,
	};
	int ret;

	if (req2) {
		ret = t->msg->sync_send_receive2(t->fdev, &t->fdev->uuid, &d2);
		if (!ret && (d2.data[0] != TEST_SP_CMD_ECHO || d2.data[1] != round))
			ret = -EPROTO;
		return ret;
	}
	ret = t->msg->sync_send_receive(t->fdev, &d);
	if (!ret && (d.data0 != TEST_SP_CMD_ECHO || d.data1 != round))
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

static int ft_bench_share_once(struct ft_bench *b, struct ft_region *r,
			       struct ft_stat *share, struct ft_stat *reclaim)
{
	u64 t0, t1;
	int ret;

	t0 = ft_now();
	ret = ft_region_send(r, b->t, false);
	t1 = ft_now();
	if (ret)
		return ret;
	ft_stat_add(share, t1 - t0);
	t0 = ft_now();
	ret = ft_region_reclaim(r, b->t);
	t1 = ft_now();
	if (ret)
		return ret;
	ft_stat_add(reclaim, t1 - t0);
	return 0;
}

/* n pages as one block (contig) or one constituent per page (scatter). */
static int ft_bench_share(struct ft_bench *b, u32 n, bool contig)
{
	const char *layout = contig ? "contig" : "scatter";
	struct ft_stat share = {}, reclaim = {};
	struct ft_region r = {};
	char op[32];
	u32 i;
	int ret;

	ret = ft_region_alloc(&r, n, contig ? MAX_PAGE_ORDER : 0);
	if (!ret && r.nr_chunks != (contig ? 1 : n))
		ret = -ENOMEM;
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
	ft_region_free(&r);
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
	       FFA_MAJOR_VERSION(b->t->version), FFA_MINOR_VERSION(b->t->version));
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
	mutex_lock(&b->t->lock);
	ft_bench_run(b, n);
	ret = strncmp(b->result, "fail", 4) && !strstr(b->result, "\nfail") ?
	      0 : -EIO;
	mutex_unlock(&b->t->lock);
	return ret ? ret : count;
}

static ssize_t ft_bench_read(struct file *file, char __user *ubuf,
			     size_t count, loff_t *ppos)
{
	struct ft_bench *b = file->private_data;
	ssize_t ret;

	mutex_lock(&b->t->lock);
	ret = simple_read_from_buffer(ubuf, count, ppos, b->result, b->used);
	mutex_unlock(&b->t->lock);
	return ret;
}

static const struct file_operations ft_bench_fops = {
	.owner = THIS_MODULE,
	.open = simple_open,
	.read = ft_bench_read,
	.write = ft_bench_write,
	.llseek = default_llseek,
};

int ft_bench_init(struct ffa_test *t)
{
	struct ft_bench *b;

	b = devm_kzalloc(&t->fdev->dev, sizeof(*b), GFP_KERNEL);
	if (!b)
		return -ENOMEM;
	b->t = t;
	b->used = scnprintf(b->result, sizeof(b->result),
			    "idle: write N to time N echo round trips and %u shares/reclaims per size\n",
			    FT_BENCH_REPS);
	debugfs_create_file("bench", 0600, t->dir, b, &ft_bench_fops);
	return 0;
}
