// SPDX-License-Identifier: MIT
/*
 * The test partition: answers the commands of services/test_sp.h using only
 * the SPMC's partition API, so that exercising it from the normal world
 * exercises the retrieve/map/relinquish path a real partition would use.
 * Freestanding.
 */
#include "services/test/test_sp.h"

#include "services/test_sp.h"

/* Payload registers; a status goes back in a0 and the call itself succeeds. */
#define A0 0
#define A1 1
#define A2 2
#define A3 3
#define A4 4

static void set_status(struct spmc_msg *m, int32_t status)
{
	m->args[A0] = (uint64_t)(int64_t)status;
}

static void clear_results(struct spmc_msg *m)
{
	for (unsigned int i = 0; i < SPMC_MSG_ARGS; i++)
		m->args[i] = 0;
}

static uint64_t handle_of(const struct spmc_msg *m)
{
	return ffa_handle_join(m->args[A1], m->args[A2]);
}

/* Checksum every page of a retrieved region, ranges in address order. */
static int32_t checksum(struct spmc *s, const struct spmc_sp_mem *mem, uint64_t *out)
{
	uint64_t h = TEST_SP_FNV_OFFSET;

	for (uint32_t i = 0; i < mem->range_count; i++) {
		uint32_t pages = mem->ranges[i].pages;
		uint8_t *p = spmc_sp_map(s, mem, i, 0, pages);

		if (!p)
			return FFA_RET_ABORTED;
		h = test_sp_fnv1a(h, p, (uint64_t)pages << FFA_PAGE_SHIFT);
	}
	*out = h;
	return FFA_RET_SUCCESS;
}

static int32_t fill(struct spmc *s, const struct spmc_sp_mem *mem, uint8_t byte)
{
	if ((mem->perms & FFA_PERM_DATA_MASK) != FFA_PERM_DATA_RW)
		return FFA_RET_DENIED;
	for (uint32_t i = 0; i < mem->range_count; i++) {
		uint32_t pages = mem->ranges[i].pages;
		uint8_t *p = spmc_sp_map(s, mem, i, 0, pages);

		if (!p)
			return FFA_RET_ABORTED;
		ffa_memset(p, byte, (size_t)pages << FFA_PAGE_SHIFT);
	}
	return FFA_RET_SUCCESS;
}

/* MEM_CHECKSUM and MEM_FILL: retrieve, work, relinquish whatever happened. */
static void mem_op(struct spmc *s, uint16_t self, struct spmc_msg *m, uint32_t cmd)
{
	uint64_t handle = handle_of(m);
	uint8_t byte = (uint8_t)m->args[A3];
	struct spmc_sp_mem mem;
	uint64_t sum = 0;
	int32_t ret, rel;

	clear_results(m);
	ret = spmc_sp_retrieve(s, self, handle, &mem);
	if (ret != FFA_RET_SUCCESS) {
		set_status(m, ret);
		return;
	}
	if (cmd == TEST_SP_CMD_MEM_CHECKSUM)
		ret = checksum(s, &mem, &sum);
	else
		ret = fill(s, &mem, byte);
	rel = spmc_sp_relinquish(s, self, handle);
	if (ret == FFA_RET_SUCCESS)
		ret = rel;
	set_status(m, ret);
	if (ret != FFA_RET_SUCCESS)
		return;
	if (cmd == TEST_SP_CMD_MEM_CHECKSUM) {
		m->args[A1] = (uint32_t)sum;
		m->args[A2] = sum >> 32;
	}
	m->args[A3] = mem.total_pages;
}

static void keep(struct spmc *s, uint16_t self, struct spmc_msg *m, uint32_t cmd)
{
	uint64_t handle = handle_of(m);
	struct spmc_sp_mem mem;
	int32_t ret;

	clear_results(m);
	if (cmd == TEST_SP_CMD_MEM_RETRIEVE) {
		ret = spmc_sp_retrieve(s, self, handle, &mem);
		if (ret == FFA_RET_SUCCESS)
			m->args[A3] = mem.total_pages;
	} else {
		ret = spmc_sp_relinquish(s, self, handle);
	}
	set_status(m, ret);
}

static void ns_info(struct spmc *s, struct spmc_msg *m)
{
	struct spmc_ns_info info;
	uint64_t flags = 0;

	clear_results(m);
	/* PAs and packed counters need 64-bit registers. */
	if (m->kind == SPMC_MSG_REQ32) {
		set_status(m, FFA_RET_NOT_SUPPORTED);
		return;
	}
	spmc_get_ns_info(s, &info);
	if (info.version_locked)
		flags |= TEST_SP_NS_INFO_LOCKED;
	if (info.rx_held_by_ns)
		flags |= TEST_SP_NS_INFO_RX_HELD;
	set_status(m, FFA_RET_SUCCESS);
	m->args[A1] = info.version | flags << 32;
	m->args[A2] = info.tx_pa;
	m->args[A3] = info.rx_pa;
	m->args[A4] = (uint64_t)info.rxtx_pages | (uint64_t)info.live_txns << 16 |
		      (uint64_t)info.retrieved_txns << 32;
}

static void notify(struct spmc *s, uint16_t self, struct spmc_msg *m)
{
	uint16_t receiver = (uint16_t)m->args[A1];
	uint64_t bits = ffa_notif_join(m->args[A2], m->args[A3]);
	uint32_t flags = (uint32_t)m->args[A4];
	int32_t ret = FFA_RET_INVALID_PARAMETERS;

	/* Stray high bits are not an ID or flags: refuse, do not truncate. */
	if (m->args[A1] >> 16 == 0 && m->args[A4] >> 32 == 0)
		ret = spmc_sp_notify(s, self, receiver, flags, bits);
	clear_results(m);
	set_status(m, ret);
}

static void msg_read(struct spmc *s, uint16_t self, struct spmc_msg *m)
{
	uint64_t release = m->args[A1];
	struct spmc_sp_imsg msg;
	uint64_t sum;
	int32_t ret;

	clear_results(m);
	if (release & ~(uint64_t)TEST_SP_MSG_RELEASE) {
		set_status(m, FFA_RET_INVALID_PARAMETERS);
		return;
	}
	ret = spmc_sp_msg_get(s, self, &msg);
	if (ret != FFA_RET_SUCCESS) {
		set_status(m, ret);
		return;
	}
	sum = test_sp_fnv1a(TEST_SP_FNV_OFFSET, msg.payload, msg.size);
	m->args[A1] = msg.sender;
	m->args[A2] = msg.size;
	m->args[A3] = (uint32_t)sum;
	m->args[A4] = sum >> 32;
	set_status(m, release ? spmc_sp_msg_release(s, self) : FFA_RET_SUCCESS);
}

static __attribute__((noinline)) int32_t test_sp_command(struct spmc *s,
						     const struct spmc_partition *sp,
						     struct spmc_msg *m)
{
	/* All 64 bits: a command with stray high bits is not that command. */
	uint64_t cmd64 = m->args[A0];
	uint32_t cmd = (uint32_t)cmd64;

	if (cmd64 >> 32)
		cmd = 0;
	switch (cmd) {
	case TEST_SP_CMD_ECHO:
		break;
	case TEST_SP_CMD_MEM_CHECKSUM:
	case TEST_SP_CMD_MEM_FILL:
		mem_op(s, sp->id, m, cmd);
		break;
	case TEST_SP_CMD_MEM_RETRIEVE:
	case TEST_SP_CMD_MEM_RELINQUISH:
		keep(s, sp->id, m, cmd);
		break;
	case TEST_SP_CMD_NS_INFO:
		ns_info(s, m);
		break;
	case TEST_SP_CMD_NOTIFY:
		notify(s, sp->id, m);
		break;
	case TEST_SP_CMD_MSG_READ:
		msg_read(s, sp->id, m);
		break;
	default:
		clear_results(m);
		set_status(m, FFA_RET_NOT_SUPPORTED);
		break;
	}
	return FFA_RET_SUCCESS;
}

static int32_t test_sp_direct(struct spmc *s, const struct spmc_partition *sp,
			  struct spmc_msg *m)
{
	/* The echo is what benchmarks time: answer it without the rest's frame. */
	if (m->args[A0] == TEST_SP_CMD_ECHO)
		return FFA_RET_SUCCESS;
	return test_sp_command(s, sp, m);
}

static const struct spmc_partition test_sp = {
	.id = TEST_SP_ID,
	.name = "test",
	.uuid = FFA_UUID_FFA_STACK_TEST,
	.properties = FFA_PART_PROP_DIRECT_REQ_RECV | FFA_PART_PROP_DIRECT_REQ2_RECV |
		      FFA_PART_PROP_INDIRECT_MSG | FFA_PART_PROP_AARCH64 |
		      FFA_PART_PROP_ID_TYPE_PE,
	.priv = 0,
	.direct = test_sp_direct,
};

const struct spmc_partition *test_sp_partition(void)
{
	return &test_sp;
}
