// SPDX-License-Identifier: MIT
/*
 * Indirect messages: FFA_MSG_SEND2 from TX into the test partition's RX,
 * the partition's ownership of RX until it releases it (BUSY meanwhile),
 * and every malformed header or call refused with nothing delivered.
 */
#include "ffa/notif.h"
#include "tests/spmc/tsim.h"

/* Header + payload into TX; the payload bytes are i ^ seed. */
static void put_msg(uint32_t flags, uint32_t offset, uint16_t sender, uint16_t receiver,
		    uint32_t size, uint8_t seed)
{
	uint8_t *tx = t_tx();

	memset(tx, 0, T_PAGE);
	store_le32(tx + FFA_IMSG_FLAGS, flags);
	store_le32(tx + FFA_IMSG_OFFSET, offset);
	store_le32(tx + FFA_IMSG_IDS, ffa_pack_ids(sender, receiver));
	store_le32(tx + FFA_IMSG_SIZE, size);
	for (uint32_t i = 0; offset < T_PAGE && i < size && i < T_PAGE - offset; i++)
		tx[offset + i] = (uint8_t)(i ^ seed);
}

static struct ffa_regs send2(uint64_t w1, uint64_t w2)
{
	return t_smc(FFA_MSG_SEND2, w1, w2, 0, 0, 0);
}

static uint64_t payload_fnv(uint32_t size, uint8_t seed)
{
	uint8_t buf[T_PAGE];

	for (uint32_t i = 0; i < size; i++)
		buf[i] = (uint8_t)(i ^ seed);
	return test_sp_fnv1a(TEST_SP_FNV_OFFSET, buf, size);
}

/* TEST_SP_CMD_MSG_READ: status; sender, size and checksum into *out. */
static int32_t test_sp_read(bool release, struct ffa_regs *out)
{
	*out = t_tsp(TEST_SP_CMD_MSG_READ, release ? TEST_SP_MSG_RELEASE : 0, 0, 0, 0);
	CHECK_EQ(out->x[0], FFA_MSG_SEND_DIRECT_RESP_64);
	return (int32_t)out->x[3];
}

static uint64_t read_sum(const struct ffa_regs *r)
{
	return ffa_handle_join(r->x[6], r->x[7]);
}

TEST(imsg_delivered_held_busy_released)
{
	struct ffa_regs r;

	t_setup(FFA_VERSION_1_2, 1);
	put_msg(0, FFA_IMSG_HDR_MIN, 0, TEST_SP_ID, 100, 0x11);
	CHECK_OK32(send2(0, 0));
	/* The sender may reuse TX at once: the message was copied. */
	memset(t_tx(), 0xEE, T_PAGE);
	CHECK_EQ(test_sp_read(false, &r), FFA_RET_SUCCESS);
	CHECK_EQ(r.x[4], 0);
	CHECK_EQ(r.x[5], 100);
	CHECK_EQ(read_sum(&r), payload_fnv(100, 0x11));
	/* The partition still owns RX: a second message waits for it. */
	put_msg(0, 64, 0, TEST_SP_ID, 8, 0x22);
	CHECK_ERR(send2(0, FFA_MSG_SEND2_FLAG_DELAY_SRI), FFA_RET_BUSY);
	CHECK_EQ(test_sp_read(true, &r), FFA_RET_SUCCESS);
	CHECK_EQ(read_sum(&r), payload_fnv(100, 0x11));
	CHECK_EQ(test_sp_read(false, &r), FFA_RET_NO_DATA);
	CHECK_OK32(send2(0, FFA_MSG_SEND2_FLAG_DELAY_SRI));
	CHECK_EQ(test_sp_read(true, &r), FFA_RET_SUCCESS);
	CHECK_EQ(r.x[5], 8);
	CHECK_EQ(read_sum(&r), payload_fnv(8, 0x22));
}

/* A whole TX page: header at 0, payload to the last byte; and an empty one. */
TEST(imsg_payload_up_to_the_end_of_tx)
{
	uint32_t size = T_PAGE - FFA_IMSG_HDR_MIN;
	struct ffa_regs r;

	t_setup(FFA_VERSION_1_1, 1);
	put_msg(0, FFA_IMSG_HDR_MIN, 0, TEST_SP_ID, size, 0x33);
	CHECK_OK32(send2(0, 0));
	CHECK_EQ(test_sp_read(true, &r), FFA_RET_SUCCESS);
	CHECK_EQ(r.x[5], size);
	CHECK_EQ(read_sum(&r), payload_fnv(size, 0x33));
	put_msg(0, T_PAGE, 0, TEST_SP_ID, 0, 0);
	CHECK_OK32(send2(0, 0));
	CHECK_EQ(test_sp_read(true, &r), FFA_RET_SUCCESS);
	CHECK_EQ(r.x[5], 0);
}

TEST_NEG(imsg_bad_headers_deliver_nothing)
{
	struct ffa_regs r;

	t_setup(FFA_VERSION_1_2, 1);
	put_msg(1, FFA_IMSG_HDR_MIN, 0, TEST_SP_ID, 4, 0);
	CHECK_ERR(send2(0, 0), FFA_RET_INVALID_PARAMETERS);          /* reserved flags */
	put_msg(0, FFA_IMSG_HDR_MIN, 0, TEST_SP_ID, 4, 0);
	store_le32(t_tx() + FFA_IMSG_RES0, 1);
	CHECK_ERR(send2(0, 0), FFA_RET_INVALID_PARAMETERS);          /* reserved word */
	put_msg(0, FFA_IMSG_HDR_MIN - 1, 0, TEST_SP_ID, 4, 0);
	CHECK_ERR(send2(0, 0), FFA_RET_INVALID_PARAMETERS);          /* inside the header */
	put_msg(0, T_PAGE + 1, 0, TEST_SP_ID, 0, 0);
	CHECK_ERR(send2(0, 0), FFA_RET_INVALID_PARAMETERS);          /* past TX */
	put_msg(0, FFA_IMSG_HDR_MIN, 0, TEST_SP_ID, T_PAGE - FFA_IMSG_HDR_MIN + 1, 0);
	CHECK_ERR(send2(0, 0), FFA_RET_INVALID_PARAMETERS);          /* runs past TX */
	put_msg(0, 0xFFFFFFF0u, 0, TEST_SP_ID, 0x20, 0);
	CHECK_ERR(send2(0, 0), FFA_RET_INVALID_PARAMETERS);          /* would wrap */
	put_msg(0, FFA_IMSG_HDR_MIN, TEST_SP_ID, TEST_SP_ID, 4, 0);
	CHECK_ERR(send2(0, 0), FFA_RET_INVALID_PARAMETERS);          /* secure sender */
	put_msg(0, FFA_IMSG_HDR_MIN, 3, TEST_SP_ID, 4, 0);
	CHECK_ERR(send2(0, 0), FFA_RET_INVALID_PARAMETERS);          /* not w1's sender */
	CHECK_ERR(send2(3u << 16, 4), FFA_RET_INVALID_PARAMETERS);   /* reserved w2 flag */
	CHECK_ERR(send2(3u << 16 | 1, 0), FFA_RET_INVALID_PARAMETERS); /* w1 15:0 reserved */
	put_msg(0, FFA_IMSG_HDR_MIN, 0, 0x8009, 4, 0);
	CHECK_ERR(send2(0, 0), FFA_RET_INVALID_PARAMETERS);          /* no such receiver */
	put_msg(0, FFA_IMSG_HDR_MIN, 0, 0, 4, 0);
	CHECK_ERR(send2(0, 0), FFA_RET_INVALID_PARAMETERS);          /* not a partition */
	CHECK_EQ(test_sp_read(false, &r), FFA_RET_NO_DATA);
}

/* A VM's message as a hypervisor forwards it: sender in w1 and header agree. */
TEST(imsg_from_a_vm_via_hypervisor)
{
	struct ffa_regs r;

	t_setup(FFA_VERSION_1_2, 1);
	put_msg(0, FFA_IMSG_HDR_MIN, 5, TEST_SP_ID, 1, 0);
	CHECK_OK32(send2(5u << 16, 0));
	CHECK_EQ(test_sp_read(true, &r), FFA_RET_SUCCESS);
	CHECK_EQ(r.x[4], 5);
}

TEST_NEG(imsg_without_tx_or_below_v11)
{
	struct ffa_regs r;

	t_version(FFA_VERSION_1_1);
	CHECK_ERR(send2(0, 0), FFA_RET_DENIED);                      /* no TX mapped */
	t_reinit(NULL, 0);
	t_setup(FFA_VERSION_1_0, 1);
	put_msg(0, FFA_IMSG_HDR_MIN, 0, TEST_SP_ID, 4, 0);
	CHECK_ERR(send2(0, 0), FFA_RET_NOT_SUPPORTED);
	CHECK_EQ(test_sp_read(false, &r), FFA_RET_NO_DATA);
}

static int32_t nop_direct(struct spmc *s, const struct spmc_partition *sp, struct spmc_msg *m)
{
	(void)s;
	(void)sp;
	(void)m;
	return FFA_RET_SUCCESS;
}

/* A partition without FFA_PART_PROP_INDIRECT_MSG gets none, and has no RX. */
TEST_NEG(imsg_partition_that_takes_none)
{
	static const struct spmc_partition plain = {
		.id = 0x8002, .properties = FFA_PART_PROP_DIRECT_REQ_RECV, .direct = nop_direct,
	};
	const struct spmc_partition *parts[2] = { test_sp_partition(), &plain };
	struct spmc_sp_imsg msg;

	t_reinit(parts, 2);
	t_setup(FFA_VERSION_1_2, 1);
	put_msg(0, FFA_IMSG_HDR_MIN, 0, 0x8002, 4, 0);
	CHECK_ERR(send2(0, 0), FFA_RET_INVALID_PARAMETERS);
	CHECK_EQ(spmc_sp_msg_get(&g_sim->spmc, 0x8002, &msg), FFA_RET_INVALID_PARAMETERS);
	CHECK_EQ(spmc_sp_msg_release(&g_sim->spmc, 0x8002), FFA_RET_INVALID_PARAMETERS);
	CHECK_EQ(spmc_sp_msg_release(&g_sim->spmc, TEST_SP_ID), FFA_RET_DENIED);
	CHECK_EQ(spmc_sp_msg_get(&g_sim->spmc, TEST_SP_ID, NULL), FFA_RET_INVALID_PARAMETERS);
	CHECK_EQ(spmc_sp_msg_get(NULL, TEST_SP_ID, &msg), FFA_RET_INVALID_PARAMETERS);
	CHECK_EQ(spmc_sp_msg_release(NULL, TEST_SP_ID), FFA_RET_INVALID_PARAMETERS);
	T_INV();
}

TEST_NEG(imsg_read_command_refuses_stray_flags)
{
	struct ffa_regs r = t_tsp(TEST_SP_CMD_MSG_READ, 2, 0, 0, 0);

	CHECK_EQ(r.x[3], (uint64_t)(int64_t)FFA_RET_INVALID_PARAMETERS);
}
