// SPDX-License-Identifier: GPL-2.0
/*
 * TPM 2.0 behind the ffa-stack firmware's TPM service: a TCG PTP CRB whose
 * start method is an FF-A direct request (Arm DEN0138 v1.0).
 *
 * Binds on the arm_ffa bus to the partition with UUID FFA_UUID_TPM_CRB.
 * The CRB pages (one per locality) are not MMIO but NS memory the firmware
 * reserved and described with a TPM_FFA_DT_COMPATIBLE node (reg = pages,
 * memory-region = its TCG2 event log). That node becomes the FF-A device's
 * of_node while we are bound, because the TPM core looks for the event log
 * in the chip's parent's of_node (drivers/char/tpm/eventlog/of.c).
 *
 * Commands run synchronously inside the START call, so CTRL_START is
 * already clear when it returns; status() still reads it, as a CRB driver
 * must. Wire constants are owned by include/services/tpm_crb_ffa.h.
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/arm_ffa.h>
#include <linux/io.h>
#include <linux/module.h>
#include <linux/of.h>
#include <linux/of_address.h>
#include <linux/property.h>
#include <linux/tpm.h>
#include <linux/unaligned.h>

#include "tpm.h"

#include <ffa/uuid.h>
#include <services/tpm_crb_ffa.h>

struct tpm_ffa {
	struct ffa_device *fdev;
	const struct ffa_msg_ops *msg;
	struct device_node *np;
	u8 *crb;		/* TPM_CRB_SIZE bytes, write-combined */
	struct tpm_chip *chip;
};

static u8 *tpm_ffa_reg(struct tpm_ffa *t, int loc, u32 off)
{
	return t->crb + (size_t)loc * TPM_CRB_PAGE_SIZE + off;
}

static u32 tpm_ffa_rd(struct tpm_ffa *t, int loc, u32 off)
{
	return READ_ONCE(*(u32 *)tpm_ffa_reg(t, loc, off));
}

static void tpm_ffa_wr(struct tpm_ffa *t, int loc, u32 off, u32 v)
{
	WRITE_ONCE(*(u32 *)tpm_ffa_reg(t, loc, off), v);
}

/* One DEN0138 call: DIRECT_REQ, x3 = 0, x4 = function, x5/x6 = arguments. */
static int tpm_ffa_call(struct tpm_ffa *t, u32 fid, u64 a0, u64 a1, u64 *res)
{
	struct ffa_send_direct_data d = {
		.data0 = 0, .data1 = fid, .data2 = a0, .data3 = a1,
	};
	u32 status;
	int ret;

	/* The CRB writes must be visible to the SP before the call. */
	wmb();
	ret = t->msg->sync_send_receive(t->fdev, &d);
	if (ret)
		return ret;
	/* And what the SP wrote (response, registers) before we read it. */
	rmb();
	status = (u32)d.data1;
	if (res)
		*res = d.data2;
	switch (status) {
	case TPM_FFA_OK:
	case TPM_FFA_OK_RESULTS_RETURNED:
		return 0;
	case TPM_FFA_DENIED:
		return -EACCES;
	case TPM_FFA_INVARG:
	case TPM_FFA_INV_CRB_CTRL_DATA:
		return -EINVAL;
	case TPM_FFA_NOFUNC:
	case TPM_FFA_NOTSUP:
		return -EOPNOTSUPP;
	case TPM_FFA_NOMEM:
		return -ENOMEM;
	default:
		dev_dbg(&t->fdev->dev, "START status 0x%08x\n", status);
		return -EIO;
	}
}

static int tpm_ffa_start(struct tpm_ffa *t, u32 qualifier, int loc)
{
	return tpm_ffa_call(t, TPM_FFA_START, qualifier, loc, NULL);
}

static struct tpm_ffa *to_tpm_ffa(struct tpm_chip *chip)
{
	return dev_get_drvdata(&chip->dev);
}

static int tpm_ffa_request_locality(struct tpm_chip *chip, int loc)
{
	struct tpm_ffa *t = to_tpm_ffa(chip);
	int ret;

	if (loc < 0 || loc > TPM_FFA_MAX_LOCALITY)
		return -EINVAL;
	tpm_ffa_wr(t, loc, TPM_CRB_LOC_CTRL, TPM_CRB_LOC_CTRL_REQUEST);
	ret = tpm_ffa_start(t, TPM_FFA_START_LOCALITY, loc);
	if (ret)
		return ret;
	if (!(tpm_ffa_rd(t, loc, TPM_CRB_LOC_STS) & TPM_CRB_LOC_STS_GRANTED))
		return -EBUSY;
	return loc;
}

static int tpm_ffa_relinquish_locality(struct tpm_chip *chip, int loc)
{
	struct tpm_ffa *t = to_tpm_ffa(chip);

	if (loc < 0 || loc > TPM_FFA_MAX_LOCALITY)
		return -EINVAL;
	tpm_ffa_wr(t, loc, TPM_CRB_LOC_CTRL, TPM_CRB_LOC_CTRL_RELINQUISH);
	return tpm_ffa_start(t, TPM_FFA_START_LOCALITY, loc);
}

static int tpm_ffa_request(struct tpm_chip *chip, u32 bit)
{
	struct tpm_ffa *t = to_tpm_ffa(chip);
	int loc = chip->locality;
	int ret;

	if (loc < 0)
		return -EINVAL;
	tpm_ffa_wr(t, loc, TPM_CRB_CTRL_REQ, bit);
	ret = tpm_ffa_start(t, TPM_FFA_START_COMMAND, loc);
	if (ret)
		return ret;
	return tpm_ffa_rd(t, loc, TPM_CRB_CTRL_REQ) ? -ETIME : 0;
}

static int tpm_ffa_cmd_ready(struct tpm_chip *chip)
{
	return tpm_ffa_request(chip, TPM_CRB_CTRL_REQ_CMD_READY);
}

static int tpm_ffa_go_idle(struct tpm_chip *chip)
{
	return tpm_ffa_request(chip, TPM_CRB_CTRL_REQ_GO_IDLE);
}

static int tpm_ffa_send(struct tpm_chip *chip, u8 *buf, size_t len)
{
	struct tpm_ffa *t = to_tpm_ffa(chip);
	int loc = chip->locality;

	if (loc < 0)
		return -EINVAL;
	if (len > TPM_CRB_DATA_SIZE)
		return -E2BIG;
	memcpy(tpm_ffa_reg(t, loc, TPM_CRB_DATA), buf, len);
	tpm_ffa_wr(t, loc, TPM_CRB_CTRL_CANCEL, 0);
	tpm_ffa_wr(t, loc, TPM_CRB_CTRL_START, TPM_CRB_CTRL_START_INVOKE);
	return tpm_ffa_start(t, TPM_FFA_START_COMMAND, loc);
}

/* Bit 0 set while the command runs (req_complete_mask/val below). */
static u8 tpm_ffa_status(struct tpm_chip *chip)
{
	struct tpm_ffa *t = to_tpm_ffa(chip);

	if (chip->locality < 0)
		return 0;
	return tpm_ffa_rd(t, chip->locality, TPM_CRB_CTRL_START) & TPM_CRB_CTRL_START_INVOKE;
}

static int tpm_ffa_recv(struct tpm_chip *chip, u8 *buf, size_t count)
{
	struct tpm_ffa *t = to_tpm_ffa(chip);
	int loc = chip->locality;
	u8 *data;
	u32 size;

	if (loc < 0)
		return -EINVAL;
	if (tpm_ffa_rd(t, loc, TPM_CRB_CTRL_STS) & TPM_CRB_CTRL_STS_FATAL)
		return -EIO;
	data = tpm_ffa_reg(t, loc, TPM_CRB_DATA);
	size = get_unaligned_be32(data + TPM2_HEADER_SIZE_OFFSET);
	if (size < TPM2_HEADER_SIZE || size > TPM_CRB_DATA_SIZE || size > count)
		return -EIO;
	memcpy(buf, data, size);
	return size;
}

static void tpm_ffa_cancel(struct tpm_chip *chip)
{
	struct tpm_ffa *t = to_tpm_ffa(chip);
	int loc = chip->locality;

	if (loc < 0)
		return;
	tpm_ffa_wr(t, loc, TPM_CRB_CTRL_CANCEL, TPM_CRB_CTRL_CANCEL_INVOKE);
	if (tpm_ffa_start(t, TPM_FFA_START_COMMAND, loc))
		dev_warn(&chip->dev, "cancel was not accepted\n");
}

static bool tpm_ffa_req_canceled(struct tpm_chip *chip, u8 status)
{
	struct tpm_ffa *t = to_tpm_ffa(chip);

	if (chip->locality < 0)
		return false;
	return tpm_ffa_rd(t, chip->locality, TPM_CRB_CTRL_CANCEL) & TPM_CRB_CTRL_CANCEL_INVOKE;
}

static const struct tpm_class_ops tpm_ffa_ops = {
	.flags = TPM_OPS_AUTO_STARTUP,
	.status = tpm_ffa_status,
	.recv = tpm_ffa_recv,
	.send = tpm_ffa_send,
	.cancel = tpm_ffa_cancel,
	.req_canceled = tpm_ffa_req_canceled,
	.req_complete_mask = TPM_CRB_CTRL_START_INVOKE,
	.req_complete_val = 0,
	.go_idle = tpm_ffa_go_idle,
	.cmd_ready = tpm_ffa_cmd_ready,
	.request_locality = tpm_ffa_request_locality,
	.relinquish_locality = tpm_ffa_relinquish_locality,
};

static int tpm_ffa_map(struct tpm_ffa *t)
{
	struct device *dev = &t->fdev->dev;
	struct resource res;
	int ret;

	t->np = of_find_compatible_node(NULL, NULL, TPM_FFA_DT_COMPATIBLE);
	if (!t->np) {
		dev_err(dev, "no \"%s\" node in the device tree: the firmware did not publish the CRB\n",
			TPM_FFA_DT_COMPATIBLE);
		return -ENODEV;
	}
	ret = of_address_to_resource(t->np, 0, &res);
	if (ret || resource_size(&res) < TPM_CRB_SIZE) {
		dev_err(dev, "%pOF: reg must cover %u bytes of CRB pages\n", t->np, TPM_CRB_SIZE);
		return ret ? ret : -EINVAL;
	}
	/*
	 * Write-back, as the partition maps them (the firmware maps all of NS
	 * RAM Normal write-back, Non-secure): both sides with the same
	 * attributes see one coherent copy; a non-cacheable mapping here
	 * against the partition's cacheable one would not be coherent.
	 */
	t->crb = devm_memremap(dev, res.start, TPM_CRB_SIZE, MEMREMAP_WB);
	if (IS_ERR(t->crb))
		return PTR_ERR(t->crb);
	return 0;
}

static int tpm_ffa_probe(struct ffa_device *fdev)
{
	const struct ffa_ops *ops = fdev->ops;
	struct tpm_chip *chip;
	struct tpm_ffa *t;
	u64 version;
	int ret;

	if (!ops || !ops->msg_ops)
		return -ENODEV;
	t = devm_kzalloc(&fdev->dev, sizeof(*t), GFP_KERNEL);
	if (!t)
		return -ENOMEM;
	t->fdev = fdev;
	t->msg = ops->msg_ops;
	ret = tpm_ffa_call(t, TPM_FFA_GET_INTERFACE_VERSION, 0, 0, &version);
	if (ret) {
		dev_err(&fdev->dev, "GET_INTERFACE_VERSION failed (%d)\n", ret);
		return ret;
	}
	if (TPM_FFA_VERSION_MAJOR(version) != 1) {
		dev_err(&fdev->dev, "unsupported interface version %llu.%llu\n",
			TPM_FFA_VERSION_MAJOR(version), TPM_FFA_VERSION_MINOR(version));
		return -EOPNOTSUPP;
	}
	ret = tpm_ffa_map(t);
	if (ret)
		goto put_node;
	chip = tpmm_chip_alloc(&fdev->dev, &tpm_ffa_ops);
	if (IS_ERR(chip)) {
		ret = PTR_ERR(chip);
		goto put_node;
	}
	dev_set_drvdata(&chip->dev, t);
	chip->flags |= TPM_CHIP_FLAG_TPM2;
	t->chip = chip;
	/* Where the TPM core finds the event log (memory-region). */
	device_set_node(&fdev->dev, of_fwnode_handle(t->np));
	ret = tpm_chip_register(chip);
	if (ret) {
		dev_err(&fdev->dev, "TPM registration failed (%d)\n", ret);
		device_set_node(&fdev->dev, NULL);
		goto put_node;
	}
	dev_info(&fdev->dev, "TPM 2.0 over CRB over FF-A (DEN0138 v%llu.%llu), partition 0x%x\n",
		 TPM_FFA_VERSION_MAJOR(version), TPM_FFA_VERSION_MINOR(version), fdev->vm_id);
	return 0;

put_node:
	of_node_put(t->np);
	return ret;
}

static void tpm_ffa_remove(struct ffa_device *fdev)
{
	/* tpmm_chip_alloc() made the chip our device's driver data. */
	struct tpm_chip *chip = ffa_dev_get_drvdata(fdev);
	struct tpm_ffa *t = dev_get_drvdata(&chip->dev);

	tpm_chip_unregister(chip);
	device_set_node(&fdev->dev, NULL);
	of_node_put(t->np);
}

static const struct ffa_device_id tpm_ffa_ids[] = {
	{ .uuid = FFA_UUID_TPM_CRB },
	{}
};
MODULE_DEVICE_TABLE(arm_ffa, tpm_ffa_ids);

static struct ffa_driver tpm_ffa_driver = {
	.name = "tpm_ffa",
	.probe = tpm_ffa_probe,
	.remove = tpm_ffa_remove,
	.id_table = tpm_ffa_ids,
};
module_ffa_driver(tpm_ffa_driver);

MODULE_DESCRIPTION("TPM 2.0 over CRB over FF-A (DEN0138) for the ffa-stack firmware");
MODULE_LICENSE("GPL");
