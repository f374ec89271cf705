// SPDX-License-Identifier: GPL-2.0
/*
 * What only a built-in ffa_test can show: the state of FF-A before pKVM is
 * installed, at device_initcall (right after KVM initialised), and across
 * the installation while every CPU is making FF-A calls.
 *
 *   at probe      NS_INFO: whose pages the SPMC holds as the normal world's
 *                 RX/TX; when they are the host's, remember them; when they
 *                 are pKVM's, find the host's in the driver's state
 *   device_initcall   one echo, logged as "device_initcall echo ok|fail"
 *   stress=1      one kthread per online CPU echoing from probe until
 *                 late_initcall, then "stress: ..." with the counts
 *   share_host_rx_refused  (check) MEM_SHARE of the host RX page
 *                 remembered at probe: under pKVM the proxy must refuse it,
 *                 as the page is pinned for the hypervisor
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/atomic.h>
#include <linux/cpumask.h>
#include <linux/kallsyms.h>
#include <linux/kthread.h>
#include <linux/sched.h>

#include "ffa_test.h"

static bool stress;
module_param(stress, bool, 0444);
MODULE_PARM_DESC(stress, "built in: echo on every CPU from probe to late_initcall");

/* The bound instance, for the initcalls below (one test partition). */
static struct ffa_test *ft_bound;

struct ft_stress {
	struct ffa_test *t;
	struct task_struct **tasks;
	unsigned int nr_tasks;
	atomic64_t calls;
	atomic64_t failed;
	atomic64_t after_pkvm;
	atomic_t first_err;
};

static struct ft_stress ft_stress_run;

static int ft_stress_fn(void *arg)
{
	struct ft_stress *s = arg;
	u64 seq = (u64)raw_smp_processor_id() << 32;

	while (!kthread_should_stop()) {
		struct ffa_send_direct_data d = {
			.data0 = TEST_SP_CMD_ECHO, .data1 = seq, .data2 = ~seq,
			.data3 = seq ^ 0x5a5a5a5a, .data4 = seq + 1,
		};
		struct ffa_send_direct_data want = d;
		int ret = s->t->msg->sync_send_receive(s->t->fdev, &d);

		if (!ret && memcmp(&d, &want, sizeof(d)))
			ret = -EBADMSG;
		atomic64_inc(&s->calls);
		if (ft_pkvm_finalised())
			atomic64_inc(&s->after_pkvm);
		if (ret) {
			atomic64_inc(&s->failed);
			atomic_cmpxchg(&s->first_err, 0, ret);
		}
		seq++;
		cond_resched();
	}
	return 0;
}

static void ft_stress_start(struct ffa_test *t)
{
	struct ft_stress *s = &ft_stress_run;
	unsigned int cpu;

	s->tasks = kcalloc(nr_cpu_ids, sizeof(*s->tasks), GFP_KERNEL);
	if (!s->tasks)
		return;
	s->t = t;
	for_each_online_cpu(cpu) {
		struct task_struct *task;

		task = kthread_create_on_cpu(ft_stress_fn, s, cpu, "ffa_stress/%u");
		if (IS_ERR(task)) {
			pr_err("stress: no thread on CPU %u (%ld)\n", cpu, PTR_ERR(task));
			continue;
		}
		s->tasks[s->nr_tasks++] = task;
		wake_up_process(task);
	}
	pr_info("stress: echo on %u CPUs from probe (pKVM %s)\n", s->nr_tasks,
		ft_pkvm_state());
}

#ifndef MODULE
/*
 * When the host registered its RX/TX through pKVM's proxy, the SPMC holds the
 * hypervisor's pages and NS_INFO cannot name the host's; no interface of the
 * arm_ffa driver does either. A built-in client reads them from the driver's
 * private state (drv_info in drivers/firmware/arm_ffa/driver.c, which keeps
 * rx_buffer, tx_buffer and rxtx_bufsz in a row; CONFIG_KALLSYMS_ALL finds
 * it). That layout is not an ABI, so nothing is trusted that does not look
 * exactly like it: two distinct page-aligned linear-map pages the page
 * allocator gave out, followed by a 4 KiB buffer size.
 */
static void ft_find_driver_rxtx(struct ffa_test *t)
{
	unsigned long sym = kallsyms_lookup_name("drv_info");
	unsigned long *w;
	unsigned int i;

	if (!sym || !*(void **)sym)
		return;
	w = *(unsigned long **)sym;
	for (i = 0; i + 2 < 16; i++) {
		void *rx = (void *)w[i], *tx = (void *)w[i + 1];

		if (w[i + 2] != SZ_4K || rx == tx || !PAGE_ALIGNED(rx) ||
		    !PAGE_ALIGNED(tx) || !virt_addr_valid(rx) ||
		    !virt_addr_valid(tx))
			continue;
		if (ft_buffer_owner(t, virt_to_phys(rx), 1) != FT_HOST ||
		    ft_buffer_owner(t, virt_to_phys(tx), 1) != FT_HOST)
			continue;
		t->early_rx = virt_to_phys(rx);
		t->early_tx = virt_to_phys(tx);
		pr_info("host rxtx from the driver's state (pKVM %s)\n",
			ft_pkvm_state());
		return;
	}
}
#else
static void ft_find_driver_rxtx(struct ffa_test *t)
{
}
#endif

void ft_early_probe(struct ffa_test *t)
{
	struct ffa_send_direct_data d = { .data0 = TEST_SP_CMD_NS_INFO };
	char res[FT_RESULT_LEN];
	enum ft_owner owner;
	u32 pages;

	ft_bound = t;
	if (!t->fdev->mode_32bit && !ft_call(t, &d, "NS_INFO", res, sizeof(res))) {
		pages = d.data4 & 0xffff;
		owner = ft_buffer_owner(t, d.data2, pages);
		if (owner == FT_HOST && owner == ft_buffer_owner(t, d.data3, pages)) {
			t->early_tx = d.data2;
			t->early_rx = d.data3;
		}
		pr_info("probe rxtx %s (pKVM %s)\n", ft_owner_names[owner],
			ft_pkvm_state());
		/* The proxy's pages: the host's sit behind them. */
		if (owner == FT_HYP)
			ft_find_driver_rxtx(t);
	}
	/* Only a built-in client can stop its threads at late_initcall. */
	if (IS_BUILTIN(CONFIG_FFA_STACK_TEST) && stress && !ft_stress_run.tasks)
		ft_stress_start(t);
}

void ft_early_remove(struct ffa_test *t)
{
	if (ft_bound == t)
		ft_bound = NULL;
}

int ft_share_host_rx(struct ffa_test *t, u32 n, bool unused, char *res,
		     size_t len)
{
	struct scatterlist sg;
	u64 handle;
	int ret;

	if (!t->early_rx)
		return ft_result(res, len, 0,
				 "skip the host RX page is unknown: the client bound after pKVM took over, or FF-A is not proxied");
	if (!is_protected_kvm_enabled())
		return ft_result(res, len, 0, "skip not under pKVM: nothing to refuse it");
	/* A refusal only means something if FF-A works at all. */
	ret = ft_echo(t, 1, false, res, len);
	if (ret)
		return ret;
	sg_init_table(&sg, 1);
	sg_set_page(&sg, pfn_to_page(PHYS_PFN(t->early_rx)), PAGE_SIZE, 0);
	ret = ft_mem_send(t, &sg, false, FFA_MEM_RO, &handle);
	if (!ret) {
		t->mem->memory_reclaim(handle, 0);
		return ft_result(res, len, -EIO,
				 "fail the host shared its own RX buffer page 0x%llx (handle 0x%llx, reclaimed): pKVM did not pin it",
				 t->early_rx, handle);
	}
	return ft_result(res, len, 0,
			 "ok MEM_SHARE of the host RX page refused: FF-A %s, errno %d",
			 ft_errno_name(ret), ret);
}

#ifndef MODULE
static int __init ft_device_echo(void)
{
	char res[FT_RESULT_LEN];

	if (!ft_bound) {
		pr_info("device_initcall echo skip: no test partition bound yet\n");
		return 0;
	}
	ft_echo(ft_bound, 1, false, res, sizeof(res));
	pr_info("device_initcall echo %s", res);
	return 0;
}
device_initcall(ft_device_echo);

static int __init ft_stress_stop(void)
{
	struct ft_stress *s = &ft_stress_run;
	unsigned int i;

	if (!s->tasks)
		return 0;
	for (i = 0; i < s->nr_tasks; i++)
		kthread_stop(s->tasks[i]);
	pr_info("stress: %lld calls on %u CPUs, %lld after pKVM finalised, %lld failed (first error %d)\n",
		atomic64_read(&s->calls), s->nr_tasks,
		atomic64_read(&s->after_pkvm), atomic64_read(&s->failed),
		atomic_read(&s->first_err));
	kfree(s->tasks);
	s->tasks = NULL;
	return 0;
}
late_initcall(ft_stress_stop);
#endif
