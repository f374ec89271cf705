// SPDX-License-Identifier: GPL-2.0
/*
 * Linux client of the ffa-stack test partition.
 *
 * Binds on the arm_ffa bus to the partition with UUID FFA_UUID_FFA_STACK_TEST
 * and turns each row of ft_checks[] into a file under
 * /sys/kernel/debug/ffa_test/, so the initramfs test program can run the
 * same checks on every kernel variant of the boot matrix without knowing
 * FF-A. "checks" lists the checks in the order the boot runs them.
 *
 * Reading a check's file runs it and gives its result line, which starts
 * with "ok", "skip" or "fail". Writing N to a tool's file runs it for N
 * (round trips, pages); the write returns -EIO when it failed, so a shell
 * user sees the failure too. The protocol is owned by
 * include/services/test_sp.h.
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/fs.h>
#include <linux/ktime.h>
#include <linux/math64.h>
#include <linux/uaccess.h>

#include "ffa_test.h"

/*
 * Adding a check: a row here (its name is its matrix key) and its
 * expectation in tests/matrix/expected.json. Order is the boot's order:
 * emad_offset_refused stays last, as 6.12's proxy reads stale TX bytes.
 */
static const struct ft_check ft_checks[] = {
	{ .name = "direct_msg", .run = ft_direct_msg },
	{ .name = "direct_msg2", .run = ft_direct_msg, .variant = true },
	{ .name = "share_lend_reclaim", .run = ft_share_lend_reclaim },
	{ .name = "ns_info", .run = ft_ns_info },
	{ .name = "partinfo_now", .run = ft_partinfo },
	{ .name = "share_host_rx_refused", .run = ft_share_host_rx },
	{ .name = "isolation", .run = ft_isolation },
	{ .name = "notification", .run = ft_notification },
	{ .name = "indirect_msg", .run = ft_indirect_msg },
	{ .name = "emad_offset_refused", .run = ft_emad_offset },
	{ .name = "store_window", .kind = FT_INFO, .run = ft_store_window },
	{ .name = "echo", .kind = FT_TOOL, .run = ft_echo, .max = FT_ECHO_MAX,
	  .idle = "idle: write N to run N DIRECT_REQ echo round trips" },
	{ .name = "echo2", .kind = FT_TOOL, .run = ft_echo, .variant = true,
	  .max = FT_ECHO_MAX,
	  .idle = "idle: write N to run N DIRECT_REQ2 echo round trips" },
	{ .name = "share", .kind = FT_TOOL, .run = ft_mem_check,
	  .max = FT_PAGES_MAX,
	  .idle = "idle: write N to share N pages with the partition" },
	{ .name = "lend", .kind = FT_TOOL, .run = ft_mem_check, .variant = true,
	  .max = FT_PAGES_MAX,
	  .idle = "idle: write N to lend N pages to the partition" },
};

static int ft_run(struct ft_file *f, u32 n)
{
	struct ffa_test *t = f->t;
	u32 max = f->check->kind == FT_TOOL ? f->check->max : 1;
	int ret;

	mutex_lock(&t->lock);
	if (n < 1 || n > max)
		ret = ft_result(f->result, sizeof(f->result), -ERANGE,
				"fail N=%u is outside 1..%u", n, max);
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

	/* A fresh read of a check (or info file) runs it again. */
	if (f->check->kind != FT_TOOL && *ppos == 0)
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

/* "checks": the names of the checks, one a line, in the boot's order. */
static ssize_t ft_list_read(struct file *file, char __user *ubuf, size_t count,
			    loff_t *ppos)
{
	char list[ARRAY_SIZE(ft_checks) * 24];
	size_t used = 0;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(ft_checks); i++)
		if (ft_checks[i].kind == FT_CHECK)
			used += scnprintf(list + used, sizeof(list) - used, "%s\n",
					  ft_checks[i].name);
	return simple_read_from_buffer(ubuf, count, ppos, list, used);
}

static const struct file_operations ft_list_fops = {
	.owner = THIS_MODULE,
	.open = simple_open,
	.read = ft_list_read,
	.llseek = default_llseek,
};

static int ft_create_files(struct ffa_test *t)
{
	unsigned int i;

	t->files = devm_kcalloc(&t->fdev->dev, ARRAY_SIZE(ft_checks),
				sizeof(*t->files), GFP_KERNEL);
	if (!t->files)
		return -ENOMEM;
	t->dir = debugfs_create_dir(KBUILD_MODNAME, NULL);
	if (IS_ERR(t->dir))
		return PTR_ERR(t->dir);
	for (i = 0; i < ARRAY_SIZE(ft_checks); i++) {
		struct ft_file *f = &t->files[i];
		bool tool = ft_checks[i].kind == FT_TOOL;

		f->t = t;
		f->check = &ft_checks[i];
		ft_result(f->result, sizeof(f->result), 0, "%s",
			  tool ? f->check->idle : "idle: read to run it");
		debugfs_create_file(f->check->name, tool ? 0600 : 0400, t->dir,
				    f, &ft_fops);
	}
	debugfs_create_file("checks", 0400, t->dir, t, &ft_list_fops);
	return 0;
}

static void ft_log_bound(struct ffa_test *t)
{
	u64 now = ktime_get_boottime_ns();
	u32 usec;
	u64 sec;

	sec = div_u64_rem(now / NSEC_PER_USEC, USEC_PER_SEC, &usec);
	/* The boot matrix greps this line to learn when FF-A became usable. */
	pr_info("bound to partition 0x%04x at %llu.%06us (%s, FF-A %u.%u, %s-bit direct requests, pKVM %s)\n",
		t->fdev->vm_id, sec, usec,
		system_state < SYSTEM_RUNNING ? "during boot initcalls" : "after boot",
		FFA_MAJOR_VERSION(t->version), FFA_MINOR_VERSION(t->version),
		t->fdev->mode_32bit ? "32" : "64", ft_pkvm_state());
}

static int ffa_test_probe(struct ffa_device *fdev)
{
	const struct ffa_ops *ops = fdev->ops;
	char probe_res[128];
	struct ffa_test *t;
	int ret;

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

	ret = ft_create_files(t);
	if (ret) {
		dev_err(&fdev->dev, "cannot create debugfs directory %s (%d): debugfs disabled, or a second partition with this UUID is already bound\n",
			KBUILD_MODNAME, ret);
		mutex_destroy(&t->lock);
		return ret;
	}
	/* The checks work without it: a missing bench file is only reported. */
	if (ft_bench_init(t))
		dev_warn(&fdev->dev, "no bench file in debugfs: out of memory\n");
	ffa_dev_set_drvdata(fdev, t);

	if (fdev->vm_id != TEST_SP_ID)
		dev_warn(&fdev->dev, "partition has ID 0x%04x, the protocol says 0x%04x: check the partition manifest\n",
			 fdev->vm_id, TEST_SP_ID);
	ft_log_bound(t);
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
