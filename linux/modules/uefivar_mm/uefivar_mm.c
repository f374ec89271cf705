// SPDX-License-Identifier: GPL-2.0
/*
 * UEFI variables for a kernel that did not boot through UEFI.
 *
 * Binds on the arm_ffa bus to the ffa-stack variable partition (UUID
 * FFA_UUID_UEFI_VAR) and registers an efivars backend, so efivarfs works:
 * every GetVariable/GetNextVariableName/SetVariable/QueryVariableInfo
 * becomes an MM communicate message (include/services/mm_var.h) in the
 * shared buffer the firmware publishes as a no-map reserved-memory node
 * (compatible MM_VAR_DT_COMPAT), followed by a 64-bit FF-A direct request
 * whose x3 is the message's offset in that buffer (convention A).
 *
 * Nothing ends boot services on such a machine, so the partition shows
 * boot-service-only variables until told otherwise: write 1 to the
 * parameter exit_boot_services (or boot with uefivar_mm.ebs_at_probe=1) to
 * send READY_TO_BOOT and EXIT_BOOT_SERVICE, after which only runtime
 * variables remain visible until the next reboot.
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/arm_ffa.h>
#include <linux/efi.h>
#include <linux/io.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/mutex.h>
#include <linux/of.h>
#include <linux/of_address.h>
#include <linux/string.h>
#include <linux/ucs2_string.h>
#include <linux/unaligned.h>

#include <ffa/uuid.h>
#include <services/mm_var.h>

/* The SMM variable payload starts after both headers. */
#define UVMM_PAYLOAD	(MM_HDR_SIZE + MM_VAR_HDR_SIZE)

struct uvmm {
	struct ffa_device *fdev;
	const struct ffa_msg_ops *msg;
	u8 *buf;
	phys_addr_t pa;
	size_t size;
	struct mutex lock;	/* one message in the buffer at a time */
	struct efivars efivars;
	bool ebs_sent;
};

static struct uvmm *uvmm;
static DEFINE_MUTEX(uvmm_state);	/* guards uvmm against probe/remove */

static bool ebs_at_probe;
module_param(ebs_at_probe, bool, 0444);
MODULE_PARM_DESC(ebs_at_probe, "send READY_TO_BOOT and EXIT_BOOT_SERVICE when binding");

static efi_status_t mm_ret_status(long ret)
{
	switch (ret) {
	case MM_RET_SUCCESS:
		return EFI_SUCCESS;
	case MM_RET_NOT_SUPPORTED:
		return EFI_UNSUPPORTED;
	case MM_RET_INVALID_PARAMETER:
		return EFI_INVALID_PARAMETER;
	case MM_RET_DENIED:
		return EFI_ACCESS_DENIED;
	case MM_RET_NO_MEMORY:
	case MM_RET_NO_MEMORY_ALT:
		return EFI_OUT_OF_RESOURCES;
	default:
		return EFI_DEVICE_ERROR;
	}
}

static size_t uvmm_room(const struct uvmm *u)
{
	return u->size - UVMM_PAYLOAD;
}

static u8 *uvmm_payload(const struct uvmm *u)
{
	return u->buf + UVMM_PAYLOAD;
}

/*
 * Send the payload already written to the buffer; the lock is held. Returns
 * the transport's failure or the partition's EFI status, and the response
 * payload's length in *rlen.
 */
static efi_status_t uvmm_call(struct uvmm *u, u64 func, size_t plen, size_t *rlen)
{
	static const u8 guid[16] = MM_VAR_GUID_BYTES;
	struct ffa_send_direct_data d = { .data0 = 0 };
	efi_status_t st;
	u64 len;
	int ret;

	memcpy(u->buf + MM_HDR_GUID, guid, sizeof(guid));
	put_unaligned_le64(MM_VAR_HDR_SIZE + plen, u->buf + MM_HDR_LEN);
	put_unaligned_le64(func, u->buf + MM_HDR_SIZE + MM_VAR_FUNC);
	put_unaligned_le64(EFI_DEVICE_ERROR, u->buf + MM_HDR_SIZE + MM_VAR_STATUS);
	ret = u->msg->sync_send_receive(u->fdev, &d);
	if (ret) {
		pr_err_ratelimited("FF-A direct request failed (%d)\n", ret);
		return EFI_DEVICE_ERROR;
	}
	st = mm_ret_status((long)d.data0);
	if (st != EFI_SUCCESS)
		return st;
	len = get_unaligned_le64(u->buf + MM_HDR_LEN);
	if (len < MM_VAR_HDR_SIZE || len - MM_VAR_HDR_SIZE > uvmm_room(u))
		return EFI_DEVICE_ERROR;
	if (rlen)
		*rlen = len - MM_VAR_HDR_SIZE;
	return get_unaligned_le64(u->buf + MM_HDR_SIZE + MM_VAR_STATUS);
}

static size_t name_size(const efi_char16_t *name)
{
	return (ucs2_strnlen(name, EFI_VAR_NAME_LEN) + 1) * sizeof(efi_char16_t);
}

/* Header of a GET_VARIABLE/SET_VARIABLE payload; returns the data offset. */
static size_t access_hdr(u8 *p, const efi_char16_t *name, const efi_guid_t *vendor,
			 u32 attr, u64 dsz)
{
	size_t nsz = name_size(name);

	memcpy(p + MM_ACC_GUID, vendor, sizeof(*vendor));
	put_unaligned_le64(dsz, p + MM_ACC_DATASIZE);
	put_unaligned_le64(nsz, p + MM_ACC_NAMESIZE);
	put_unaligned_le32(attr, p + MM_ACC_ATTR);
	memcpy(p + MM_ACC_NAME, name, nsz);
	return MM_ACC_NAME + nsz;
}

static efi_status_t uvmm_get_variable(efi_char16_t *name, efi_guid_t *vendor, u32 *attr,
				      unsigned long *data_size, void *data)
{
	struct uvmm *u = uvmm;
	u8 *p = uvmm_payload(u);
	size_t off, rlen;
	u64 dsz = *data_size, got;
	efi_status_t st;

	if (MM_ACC_NAME + name_size(name) > uvmm_room(u))
		return EFI_INVALID_PARAMETER;
	mutex_lock(&u->lock);
	off = access_hdr(p, name, vendor, 0, 0);
	/* Ask for what fits: a larger value comes back as BUFFER_TOO_SMALL. */
	dsz = min_t(u64, dsz, uvmm_room(u) - off);
	put_unaligned_le64(dsz, p + MM_ACC_DATASIZE);
	st = uvmm_call(u, MM_VAR_FN_GET_VARIABLE, off + dsz, &rlen);
	got = get_unaligned_le64(p + MM_ACC_DATASIZE);
	if (st == EFI_SUCCESS && (got > dsz || rlen < off + got))
		st = EFI_DEVICE_ERROR;
	if (st == EFI_SUCCESS || st == EFI_BUFFER_TOO_SMALL) {
		*data_size = got;
		if (attr)
			*attr = get_unaligned_le32(p + MM_ACC_ATTR);
	}
	if (st == EFI_SUCCESS && data)
		memcpy(data, p + off, got);
	mutex_unlock(&u->lock);
	return st;
}

static efi_status_t uvmm_get_next(unsigned long *name_size_io, efi_char16_t *name,
				  efi_guid_t *vendor)
{
	struct uvmm *u = uvmm;
	u8 *p = uvmm_payload(u);
	size_t cur = name_size(name), rlen;
	u64 nsz = min_t(u64, *name_size_io, uvmm_room(u) - MM_NEXT_NAME), got;
	efi_status_t st;

	if (cur > nsz)
		return EFI_INVALID_PARAMETER;
	mutex_lock(&u->lock);
	memcpy(p + MM_NEXT_GUID, vendor, sizeof(*vendor));
	put_unaligned_le64(nsz, p + MM_NEXT_NAMESIZE);
	memcpy(p + MM_NEXT_NAME, name, cur);
	st = uvmm_call(u, MM_VAR_FN_GET_NEXT_VARIABLE_NAME, MM_NEXT_NAME + nsz, &rlen);
	got = get_unaligned_le64(p + MM_NEXT_NAMESIZE);
	if (st == EFI_SUCCESS && (got > nsz || rlen < MM_NEXT_NAME + got))
		st = EFI_DEVICE_ERROR;
	if (st == EFI_SUCCESS) {
		memcpy(vendor, p + MM_NEXT_GUID, sizeof(*vendor));
		memcpy(name, p + MM_NEXT_NAME, got);
	}
	if (st == EFI_SUCCESS || st == EFI_BUFFER_TOO_SMALL)
		*name_size_io = got;
	mutex_unlock(&u->lock);
	return st;
}

static efi_status_t set_locked(struct uvmm *u, efi_char16_t *name, efi_guid_t *vendor,
			       u32 attr, unsigned long data_size, void *data)
{
	u8 *p = uvmm_payload(u);
	size_t off;

	if (MM_ACC_NAME + name_size(name) > uvmm_room(u) ||
	    data_size > uvmm_room(u) - MM_ACC_NAME - name_size(name))
		return EFI_OUT_OF_RESOURCES;
	off = access_hdr(p, name, vendor, attr, data_size);
	memcpy(p + off, data, data_size);
	return uvmm_call(u, MM_VAR_FN_SET_VARIABLE, off + data_size, NULL);
}

static efi_status_t uvmm_set_variable(efi_char16_t *name, efi_guid_t *vendor, u32 attr,
				      unsigned long data_size, void *data)
{
	efi_status_t st;

	mutex_lock(&uvmm->lock);
	st = set_locked(uvmm, name, vendor, attr, data_size, data);
	mutex_unlock(&uvmm->lock);
	return st;
}

static efi_status_t uvmm_set_variable_nb(efi_char16_t *name, efi_guid_t *vendor, u32 attr,
					 unsigned long data_size, void *data)
{
	efi_status_t st;

	if (!mutex_trylock(&uvmm->lock))
		return EFI_NOT_READY;
	st = set_locked(uvmm, name, vendor, attr, data_size, data);
	mutex_unlock(&uvmm->lock);
	return st;
}

static efi_status_t uvmm_query_info(u32 attr, u64 *storage, u64 *remaining, u64 *max_size)
{
	struct uvmm *u = uvmm;
	u8 *p = uvmm_payload(u);
	efi_status_t st;

	mutex_lock(&u->lock);
	memset(p, 0, MM_QVI_SIZE);
	put_unaligned_le32(attr, p + MM_QVI_ATTR);
	st = uvmm_call(u, MM_VAR_FN_QUERY_VARIABLE_INFO, MM_QVI_SIZE, NULL);
	if (st == EFI_SUCCESS) {
		*storage = get_unaligned_le64(p + MM_QVI_MAX_STORAGE);
		*remaining = get_unaligned_le64(p + MM_QVI_REMAINING);
		*max_size = get_unaligned_le64(p + MM_QVI_MAX_VARSIZE);
	}
	mutex_unlock(&u->lock);
	return st;
}

static const struct efivar_operations uvmm_ops = {
	.get_variable = uvmm_get_variable,
	.get_next_variable = uvmm_get_next,
	.set_variable = uvmm_set_variable,
	.set_variable_nonblocking = uvmm_set_variable_nb,
	.query_variable_info = uvmm_query_info,
};

/* READY_TO_BOOT then EXIT_BOOT_SERVICE; uvmm_state is held. */
static int uvmm_exit_boot_services(struct uvmm *u)
{
	efi_status_t st;

	mutex_lock(&u->lock);
	st = uvmm_call(u, MM_VAR_FN_READY_TO_BOOT, 0, NULL);
	if (st == EFI_SUCCESS)
		st = uvmm_call(u, MM_VAR_FN_EXIT_BOOT_SERVICE, 0, NULL);
	mutex_unlock(&u->lock);
	if (st != EFI_SUCCESS) {
		pr_err("EXIT_BOOT_SERVICE failed (EFI status 0x%lx)\n", st);
		return -EIO;
	}
	u->ebs_sent = true;
	pr_info("boot services ended: only runtime variables are visible now\n");
	return 0;
}

static int ebs_set(const char *val, const struct kernel_param *kp)
{
	bool on;
	int ret = kstrtobool(val, &on);

	if (ret)
		return ret;
	if (!on)
		return -EINVAL;	/* boot services do not come back */
	mutex_lock(&uvmm_state);
	if (!uvmm)
		ret = -ENODEV;
	else if (!uvmm->ebs_sent)
		ret = uvmm_exit_boot_services(uvmm);
	mutex_unlock(&uvmm_state);
	return ret;
}

static int ebs_get(char *buf, const struct kernel_param *kp)
{
	bool sent;

	mutex_lock(&uvmm_state);
	sent = uvmm && uvmm->ebs_sent;
	mutex_unlock(&uvmm_state);
	return sysfs_emit(buf, "%d\n", sent);
}

static const struct kernel_param_ops ebs_ops = { .set = ebs_set, .get = ebs_get };
module_param_cb(exit_boot_services, &ebs_ops, NULL, 0644);
MODULE_PARM_DESC(exit_boot_services, "write 1: end boot services (BS-only variables vanish)");

static int uvmm_map_buffer(struct uvmm *u, struct device *dev)
{
	struct device_node *np = of_find_compatible_node(NULL, NULL, MM_VAR_DT_COMPAT);
	struct resource res;
	int ret;

	if (!np) {
		dev_err(dev, "no %s node in the device tree: the firmware did not publish the MM buffer\n",
			MM_VAR_DT_COMPAT);
		return -ENODEV;
	}
	ret = of_address_to_resource(np, 0, &res);
	of_node_put(np);
	if (ret)
		return ret;
	u->pa = res.start;
	u->size = resource_size(&res);
	if (u->size <= UVMM_PAYLOAD + MM_ACC_NAME) {
		dev_err(dev, "MM buffer of %zu bytes is too small\n", u->size);
		return -EINVAL;
	}
	u->buf = devm_memremap(dev, u->pa, u->size, MEMREMAP_WB);
	return PTR_ERR_OR_ZERO(u->buf);
}

static int uvmm_probe(struct ffa_device *fdev)
{
	struct uvmm *u;
	efi_status_t st;
	int ret;

	if (!fdev->ops || !fdev->ops->msg_ops)
		return -ENODEV;
	u = devm_kzalloc(&fdev->dev, sizeof(*u), GFP_KERNEL);
	if (!u)
		return -ENOMEM;
	u->fdev = fdev;
	u->msg = fdev->ops->msg_ops;
	mutex_init(&u->lock);
	ret = uvmm_map_buffer(u, &fdev->dev);
	if (ret)
		return ret;
	/* One round trip proves the partition answers before efivarfs relies on it. */
	mutex_lock(&u->lock);
	memset(uvmm_payload(u), 0, MM_PAYLOAD_SIZE);
	st = uvmm_call(u, MM_VAR_FN_GET_PAYLOAD_SIZE, MM_PAYLOAD_SIZE, NULL);
	mutex_unlock(&u->lock);
	if (st != EFI_SUCCESS) {
		dev_err(&fdev->dev, "variable partition does not answer (EFI status 0x%lx)\n", st);
		return -EIO;
	}
	mutex_lock(&uvmm_state);
	uvmm = u;
	ret = efivars_register(&u->efivars, &uvmm_ops);
	if (ret) {
		uvmm = NULL;
		mutex_unlock(&uvmm_state);
		dev_err(&fdev->dev, "efivars already provided (UEFI runtime services?): not registering\n");
		return ret;
	}
	if (ebs_at_probe)
		uvmm_exit_boot_services(u);
	mutex_unlock(&uvmm_state);
	ffa_dev_set_drvdata(fdev, u);
	dev_info(&fdev->dev, "UEFI variables over FF-A: partition 0x%x, MM buffer %pa (%zu bytes); efivarfs ready\n",
		 fdev->vm_id, &u->pa, u->size);
	return 0;
}

static void uvmm_remove(struct ffa_device *fdev)
{
	struct uvmm *u = ffa_dev_get_drvdata(fdev);

	mutex_lock(&uvmm_state);
	efivars_unregister(&u->efivars);
	uvmm = NULL;
	mutex_unlock(&uvmm_state);
	mutex_destroy(&u->lock);
}

static const struct ffa_device_id uvmm_ids[] = {
	{ .uuid = FFA_UUID_UEFI_VAR },
	{}
};

static struct ffa_driver uvmm_driver = {
	.name = KBUILD_MODNAME,
	.probe = uvmm_probe,
	.remove = uvmm_remove,
	.id_table = uvmm_ids,
};
module_ffa_driver(uvmm_driver);

MODULE_DESCRIPTION("ffa-stack: efivars backend over the FF-A UEFI variable partition");
MODULE_LICENSE("GPL");
