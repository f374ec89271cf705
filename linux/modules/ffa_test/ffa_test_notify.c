// SPDX-License-Identifier: GPL-2.0
/*
 * ffa_test: FF-A notifications from the test partition, received through
 * the arm_ffa driver's own path: notify_request binds a notification ID of
 * the partition to us, TEST_SP_CMD_NOTIFY makes the partition set it, the SPMC
 * pends the schedule-receiver interrupt, the driver answers it with
 * NOTIFICATION_INFO_GET and NOTIFICATION_GET and calls our callback. One
 * global and one per-vCPU notification (the latter for the last online
 * CPU), then the refusals: an ID nobody bound, and one relinquished.
 *
 * Also indirect messages: the driver's indirect_send (FFA_MSG_SEND2 through
 * our TX) to the partition, which holds its RX until it reads and releases
 * it, so a second message meanwhile is refused with BUSY.
 */
#include <linux/completion.h>
#include <linux/cpumask.h>

#include "ffa_test.h"

#define FT_NOTIFY_GLOBAL	5
#define FT_NOTIFY_PER_VCPU	6
#define FT_NOTIFY_UNBOUND	7
#define FT_NOTIFY_TIMEOUT_MS	2000
/* The receiver: the normal world's endpoint, ID 0 with or without pKVM. */
#define FT_NOTIFY_SELF		0
/* FFA_NOTIFICATION_SET w2: per-vCPU in bit 0, the vCPU in 31:16. */
#define FT_SET_PER_VCPU		BIT(0)
#define FT_SET_VCPU_SHIFT	16

struct ft_notify_wait {
	struct completion done;
	int id;
};

static void ft_notify_cb(int notify_id, void *cb_data)
{
	struct ft_notify_wait *w = cb_data;

	WRITE_ONCE(w->id, notify_id);
	complete(&w->done);
}

/* Ask the partition to set notification `id`; returns its FF-A status. */
static int ft_raise(struct ffa_test *t, int id, u32 flags, s32 *status)
{
	struct ffa_send_direct_data d = {
		.data0 = TEST_SP_CMD_NOTIFY, .data1 = FT_NOTIFY_SELF,
		.data2 = lower_32_bits(BIT_ULL(id)), .data3 = upper_32_bits(BIT_ULL(id)),
		.data4 = flags,
	};
	int ret = t->msg->sync_send_receive(t->fdev, &d);

	*status = (s32)lower_32_bits(d.data0);
	return ret;
}

/* Bind `id`, have the partition set it, wait for the driver's callback. */
static int ft_one(struct ffa_test *t, int id, bool per_vcpu, u32 cpu, s64 *us,
		  char *res, size_t len)
{
	const struct ffa_notifier_ops *ops = t->fdev->ops->notifier_ops;
	u32 flags = per_vcpu ? FT_SET_PER_VCPU | cpu << FT_SET_VCPU_SHIFT : 0;
	const char *kind = per_vcpu ? "per-vCPU" : "global";
	struct ft_notify_wait w = { .id = -1 };
	ktime_t start;
	s32 status;
	int ret;

	init_completion(&w.done);
	ret = ops->notify_request(t->fdev, per_vcpu, ft_notify_cb, &w, id);
	if (ret)
		return ft_result(res, len, -EIO,
				 "fail %s notification %d: notify_request says FF-A %s (errno %d); the driver did not enable notifications or the SPMC refused the bind",
				 kind, id, ft_errno_name(ret), ret);
	start = ktime_get();
	ret = ft_raise(t, id, flags, &status);
	if (ret || status) {
		ops->notify_relinquish(t->fdev, id);
		return ft_result(res, len, -EIO,
				 "fail %s notification %d: the partition could not set it (direct request errno %d, status %d)",
				 kind, id, ret, status);
	}
	if (!wait_for_completion_timeout(&w.done, msecs_to_jiffies(FT_NOTIFY_TIMEOUT_MS))) {
		ops->notify_relinquish(t->fdev, id);
		return ft_result(res, len, -EIO,
				 "fail %s notification %d set by the partition, no callback within %d ms (schedule-receiver interrupt not taken?)",
				 kind, id, FT_NOTIFY_TIMEOUT_MS);
	}
	*us = ktime_us_delta(ktime_get(), start);
	ret = ops->notify_relinquish(t->fdev, id);
	if (READ_ONCE(w.id) != id || ret)
		return ft_result(res, len, -EIO,
				 "fail %s notification %d: callback for %d, relinquish errno %d",
				 kind, id, READ_ONCE(w.id), ret);
	return 0;
}

/* What the partition must be refused: an ID never bound, one relinquished. */
static int ft_refusals(struct ffa_test *t, char *res, size_t len)
{
	int ids[2] = { FT_NOTIFY_UNBOUND, FT_NOTIFY_GLOBAL };
	s32 status;
	int i, ret;

	for (i = 0; i < 2; i++) {
		ret = ft_raise(t, ids[i], 0, &status);
		if (ret || status != -6 /* DENIED */)
			return ft_result(res, len, -EIO,
					 "fail notification %d (not bound) was not refused with DENIED: errno %d, status %d",
					 ids[i], ret, status);
	}
	return 0;
}

int ft_notification(struct ffa_test *t, u32 n, bool unused, char *res, size_t len)
{
	u32 cpu = cpumask_last(cpu_online_mask);
	s64 us_global = 0, us_vcpu = 0;
	int ret;

	if (!t->fdev->ops->notifier_ops)
		return ft_result(res, len, -EIO, "fail the FF-A driver has no notifier ops");
	ret = ft_one(t, FT_NOTIFY_GLOBAL, false, 0, &us_global, res, len);
	if (!ret)
		ret = ft_one(t, FT_NOTIFY_PER_VCPU, true, cpu, &us_vcpu, res, len);
	if (!ret)
		ret = ft_refusals(t, res, len);
	if (ret)
		return ret;
	return ft_result(res, len, 0,
			 "ok global notification %d in %lld us, per-vCPU %d for cpu %u in %lld us; unbound and relinquished IDs refused (DENIED)",
			 FT_NOTIFY_GLOBAL, us_global, FT_NOTIFY_PER_VCPU, cpu, us_vcpu);
}

#define FT_IMSG_SIZE	64
#define FT_NO_DATA	(-9)

static int ft_imsg_read(struct ffa_test *t, bool release, struct ffa_send_direct_data *d)
{
	*d = (struct ffa_send_direct_data){
		.data0 = TEST_SP_CMD_MSG_READ, .data1 = release ? TEST_SP_MSG_RELEASE : 0,
	};
	return t->msg->sync_send_receive(t->fdev, d);
}

int ft_indirect_msg(struct ffa_test *t, u32 n, bool unused, char *res, size_t len)
{
	struct ffa_send_direct_data d;
	u8 buf[FT_IMSG_SIZE];
	u64 sum, got;
	int i, ret, busy;

	if (!t->msg->indirect_send)
		return ft_result(res, len, -EIO, "fail the FF-A driver has no indirect_send");
	for (i = 0; i < FT_IMSG_SIZE; i++)
		buf[i] = (u8)(i * 7 + 1);
	sum = test_sp_fnv1a(TEST_SP_FNV_OFFSET, buf, FT_IMSG_SIZE);
	ret = t->msg->indirect_send(t->fdev, buf, FT_IMSG_SIZE);
	/*
	 * Not offered, not failed: pKVM's proxy with ours/0007 refuses
	 * MSG_SEND2, as it cannot carry the host's TX to the SPMC.
	 */
	if (ret == -EOPNOTSUPP)
		return ft_result(res, len, 0,
				 "skip MSG_SEND2 not offered here: FF-A NOT_SUPPORTED (a hypervisor that does not carry indirect messages)");
	if (ret)
		return ft_result(res, len, -EIO,
				 "fail MSG_SEND2 of %d bytes to the partition: FF-A %s (errno %d)",
				 FT_IMSG_SIZE, ft_errno_name(ret), ret);
	/* The partition has not released RX: the next message must wait. */
	busy = t->msg->indirect_send(t->fdev, buf, 8);
	ret = ft_imsg_read(t, true, &d);
	got = (u64)lower_32_bits(d.data4) << 32 | lower_32_bits(d.data3);
	if (ret || (s32)lower_32_bits(d.data0) || d.data2 != FT_IMSG_SIZE || got != sum)
		return ft_result(res, len, -EIO,
				 "fail the partition read errno %d status %d, %lu bytes from 0x%lx, checksum 0x%016llx (sent %d bytes, 0x%016llx)",
				 ret, (s32)lower_32_bits(d.data0), d.data2, d.data1, got,
				 FT_IMSG_SIZE, sum);
	if (busy != -EBUSY)
		return ft_result(res, len, -EIO,
				 "fail a second MSG_SEND2 while the partition held RX was not refused with BUSY: FF-A %s (errno %d)",
				 ft_errno_name(busy), busy);
	ret = ft_imsg_read(t, false, &d);
	if (ret || (s32)lower_32_bits(d.data0) != FT_NO_DATA)
		return ft_result(res, len, -EIO,
				 "fail RX still holds a message after release: errno %d, status %d",
				 ret, (s32)lower_32_bits(d.data0));
	return ft_result(res, len, 0,
			 "ok %d-byte MSG_SEND2 read by the partition (checksum 0x%016llx), BUSY while it held RX, empty after release",
			 FT_IMSG_SIZE, sum);
}
