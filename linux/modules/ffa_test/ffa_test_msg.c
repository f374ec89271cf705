// SPDX-License-Identifier: GPL-2.0
/*
 * Checks of FF-A messaging with the test partition:
 *
 *   direct_msg   100 DIRECT_REQ echo round trips (64-bit, or 32-bit when
 *                the partition info lacks the AArch64 property)
 *   direct_msg2  100 DIRECT_REQ2 round trips; skip when the driver does not
 *                offer DIRECT_REQ2 (6.12 negotiates 1.1 and needs 1.2)
 *   partinfo_now PARTITION_INFO_GET for our UUID at the time of the read
 *   ns_info      what the SPMC knows about the normal world's RX/TX, and
 *                whose memory those buffers are
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include "ffa_test.h"

#define FT_BOOT_ECHOES 100

int ft_direct_msg(struct ffa_test *t, u32 n, bool req2, char *res, size_t len)
{
	return ft_echo(t, FT_BOOT_ECHOES, req2, res, len);
}

/*
 * PARTITION_INFO_GET now, for our UUID: the seed's failure shows as
 * partitions enumerated at boot that FF-A can no longer list once pKVM traps.
 */
int ft_partinfo(struct ffa_test *t, u32 n, bool unused, char *res, size_t len)
{
	static const uuid_t uuid = FFA_UUID_FFA_STACK_TEST;
	struct ffa_partition_info info = {};
	char uuid_str[UUID_STRING_LEN + 1];
	int ret;

	snprintf(uuid_str, sizeof(uuid_str), "%pUb", &uuid);
	ret = t->fdev->ops->info_ops->partition_info_get(uuid_str, &info);
	if (ret)
		return ft_result(res, len, -EIO,
				 "fail PARTITION_INFO_GET(%s): FF-A %s, errno %d",
				 uuid_str, ft_errno_name(ret), ret);
	if (info.id != t->fdev->vm_id)
		return ft_result(res, len, -EIO,
				 "fail PARTITION_INFO_GET(%s) gave ID 0x%04x, bound to 0x%04x",
				 uuid_str, info.id, t->fdev->vm_id);
	return ft_result(res, len, 0, "ok partition 0x%04x, %u execution contexts",
			 info.id, info.exec_ctxt);
}

int ft_ns_info(struct ffa_test *t, u32 n, bool unused, char *res, size_t len)
{
	struct ffa_send_direct_data d = { .data0 = TEST_SP_CMD_NS_INFO };
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
			 !!(flags & TEST_SP_NS_INFO_LOCKED),
			 !!(flags & TEST_SP_NS_INFO_RX_HELD), d.data2, d.data3, pages,
			 (d.data4 >> 16) & 0xffff, d.data4 >> 32,
			 ft_owner_names[tx], ft_owner_names[rx], t->hyp_method,
			 (u64)t->hyp_base, (u64)t->hyp_size,
			 ft_pkvm_state(), FFA_MAJOR_VERSION(t->version),
			 FFA_MINOR_VERSION(t->version),
			 ft_owner_names[tx == rx ? tx : FT_MIXED]);
}
