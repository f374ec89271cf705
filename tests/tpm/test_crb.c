// SPDX-License-Identifier: MIT
/*
 * The CRB state machine (services/tpm/crb.c) over the fake TPM: every
 * DEN0138 function, the PTP idle/ready/complete transitions, locality
 * arbitration, cancel, and what each malformed request gets.
 */
#include <string.h>

#include "services/tpm/measure.h"
#include "tests/harness/check.h"
#include "tests/tpm/tcrb.h"

/* A Startup sent from locality loc is refused and never reaches the TPM. */
static void startup_denied(unsigned int loc)
{
	uint32_t calls = tfake.calls;

	CHECK_EQ(tcrb_send(loc, TPM2_CC_STARTUP, 12, 12), TPM_FFA_DENIED);
	CHECK_EQ(tfake.calls, calls);
}

TEST(crb_interface_version)
{
	uint64_t out[3];

	CHECK_EQ(tcrb_call(TPM_FFA_GET_INTERFACE_VERSION, 0, 0, out), TPM_FFA_OK_RESULTS_RETURNED);
	CHECK_EQ(out[0], TPM_FFA_VERSION_1_0);
	CHECK_EQ(TPM_FFA_VERSION_MAJOR(out[0]), 1);
	CHECK_EQ(TPM_FFA_VERSION_MINOR(out[0]), 0);
}

TEST(crb_notifications_not_supported)
{
	CHECK_EQ(tcrb_call(TPM_FFA_GET_FEATURE_INFO, TPM_FFA_FEATURE_NOTIFICATION, 0, NULL),
		 TPM_FFA_NOTSUP);
	CHECK_EQ(tcrb_call(TPM_FFA_REGISTER_FOR_NOTIFICATION, 0, 0, NULL), TPM_FFA_NOTSUP);
	CHECK_EQ(tcrb_call(TPM_FFA_UNREGISTER_FROM_NOTIFICATION, 0, 0, NULL), TPM_FFA_NOTSUP);
	CHECK_EQ(tcrb_call(TPM_FFA_FINISH_NOTIFIED, 0, 0, NULL), TPM_FFA_NOTSUP);
}

TEST(crb_initial_registers)
{
	for (unsigned int l = 0; l < TPM_CRB_LOCALITIES; l++) {
		uint64_t buf = TCRB_PA + l * TPM_CRB_PAGE_SIZE + TPM_CRB_DATA;

		CHECK_EQ(tcrb_rd(l, TPM_CRB_LOC_STATE), TPM_CRB_LOC_STATE_VALID);
		CHECK_EQ(tcrb_rd(l, TPM_CRB_LOC_STS), 0);
		CHECK_EQ(tcrb_rd(l, TPM_CRB_CTRL_STS), TPM_CRB_CTRL_STS_IDLE);
		CHECK_EQ(tcrb_rd(l, TPM_CRB_CTRL_START), 0);
		CHECK_EQ(tcrb_rd(l, TPM_CRB_INTF_ID) & 0xfu, TPM_CRB_INTF_TYPE_CRB);
		CHECK_EQ(tcrb_rd(l, TPM_CRB_CMD_SIZE), TPM_CRB_DATA_SIZE);
		CHECK_EQ(tcrb_rd(l, TPM_CRB_CMD_LADDR), (uint32_t)buf);
		CHECK_EQ(tcrb_rd(l, TPM_CRB_CMD_HADDR), (uint32_t)(buf >> 32));
		CHECK_EQ(tcrb_rd(l, TPM_CRB_RSP_SIZE), TPM_CRB_DATA_SIZE);
		CHECK_EQ(tcrb_rd(l, TPM_CRB_RSP_ADDR), (uint32_t)buf);
		CHECK_EQ(tcrb_rd(l, TPM_CRB_RSP_ADDR + 4u), (uint32_t)(buf >> 32));
	}
}

TEST(crb_locality_request_granted)
{
	CHECK_EQ(tcrb_loc(0, TPM_CRB_LOC_CTRL_REQUEST), TPM_FFA_OK);
	CHECK_EQ(tcrb_rd(0, TPM_CRB_LOC_CTRL), 0);
	CHECK_EQ(tcrb_rd(0, TPM_CRB_LOC_STS), TPM_CRB_LOC_STS_GRANTED);
	for (unsigned int l = 0; l < TPM_CRB_LOCALITIES; l++)
		CHECK_EQ(tcrb_rd(l, TPM_CRB_LOC_STATE),
			 TPM_CRB_LOC_STATE_VALID | TPM_CRB_LOC_STATE_ASSIGNED);
	CHECK_EQ(tcrb_rd(1, TPM_CRB_LOC_STS), 0);
	/* Asking again for what one holds is harmless. */
	CHECK_EQ(tcrb_loc(0, TPM_CRB_LOC_CTRL_REQUEST), TPM_FFA_OK);
}

TEST(crb_locality_4_active_field)
{
	CHECK_EQ(tcrb_loc(4, TPM_CRB_LOC_CTRL_REQUEST), TPM_FFA_OK);
	CHECK_EQ(tcrb_rd(2, TPM_CRB_LOC_STATE) & TPM_CRB_LOC_STATE_ACTIVE_MASK,
		 4u << TPM_CRB_LOC_STATE_ACTIVE_SHIFT);
	CHECK_EQ(tcrb_rd(4, TPM_CRB_LOC_STS), TPM_CRB_LOC_STS_GRANTED);
}

TEST(crb_relinquish_then_other_locality)
{
	CHECK_EQ(tcrb_loc(1, TPM_CRB_LOC_CTRL_REQUEST), TPM_FFA_OK);
	CHECK_EQ(tcrb_loc(1, TPM_CRB_LOC_CTRL_RELINQUISH), TPM_FFA_OK);
	CHECK_EQ(tcrb_rd(1, TPM_CRB_LOC_STS), 0);
	CHECK_EQ(tcrb_rd(0, TPM_CRB_LOC_STATE), TPM_CRB_LOC_STATE_VALID);
	CHECK_EQ(tcrb_loc(2, TPM_CRB_LOC_CTRL_REQUEST), TPM_FFA_OK);
	CHECK_EQ(tcrb_rd(2, TPM_CRB_LOC_STS), TPM_CRB_LOC_STS_GRANTED);
}

TEST(crb_seize_by_higher_locality)
{
	CHECK_EQ(tcrb_loc(0, TPM_CRB_LOC_CTRL_REQUEST), TPM_FFA_OK);
	CHECK_EQ(tcrb_loc(2, TPM_CRB_LOC_CTRL_SEIZE), TPM_FFA_OK);
	CHECK_EQ(tcrb_rd(0, TPM_CRB_LOC_STS), TPM_CRB_LOC_STS_SEIZED);
	CHECK_EQ(tcrb_rd(2, TPM_CRB_LOC_STS), TPM_CRB_LOC_STS_GRANTED);
	CHECK_EQ(tcrb_rd(0, TPM_CRB_LOC_STATE) & TPM_CRB_LOC_STATE_ACTIVE_MASK,
		 2u << TPM_CRB_LOC_STATE_ACTIVE_SHIFT);
	/* The loser cannot send any more. */
	tcrb_wr(0, TPM_CRB_CTRL_REQ, TPM_CRB_CTRL_REQ_CMD_READY);
	CHECK_EQ(tcrb_start(TPM_FFA_START_COMMAND, 0), TPM_FFA_DENIED);
}

TEST(crb_reset_establishment_locality_3)
{
	tcrb.established = true;
	CHECK_EQ(tcrb_loc(3, TPM_CRB_LOC_CTRL_REQUEST), TPM_FFA_OK);
	CHECK_EQ(tcrb_rd(0, TPM_CRB_LOC_STATE) & TPM_CRB_LOC_STATE_ESTABLISHED, 1);
	CHECK_EQ(tcrb_loc(3, TPM_CRB_LOC_CTRL_RESET_EST), TPM_FFA_OK);
	CHECK_EQ(tcrb_rd(0, TPM_CRB_LOC_STATE) & TPM_CRB_LOC_STATE_ESTABLISHED, 0);
}

TEST(crb_idle_ready_complete_idle)
{
	CHECK_EQ(tcrb_loc(0, TPM_CRB_LOC_CTRL_REQUEST), TPM_FFA_OK);
	CHECK_EQ(tcrb.state, TPM_CRB_IDLE);
	CHECK_EQ(tcrb_req(0, TPM_CRB_CTRL_REQ_CMD_READY), TPM_FFA_OK);
	CHECK_EQ(tcrb_rd(0, TPM_CRB_CTRL_REQ), 0);
	CHECK_EQ(tcrb_rd(0, TPM_CRB_CTRL_STS), 0);
	CHECK_EQ(tcrb.state, TPM_CRB_READY);
	CHECK_EQ(tcrb_send(0, TPM2_CC_STARTUP, 12, 12), TPM_FFA_OK);
	CHECK_EQ(tcrb.state, TPM_CRB_COMPLETE);
	CHECK_EQ(tcrb_rd(0, TPM_CRB_CTRL_START), 0);
	CHECK_EQ(tcrb_rd(0, TPM_CRB_CTRL_STS), 0);
	CHECK_EQ(tcrb_rsp_size(0), 10);
	CHECK_EQ(tcrb_rsp_code(0), 0);
	CHECK_EQ(tfake.calls, 1);
	CHECK(tfake.started);
	/* From complete, another command without a new cmdReady. */
	CHECK_EQ(tcrb_send(0, TPM2_CC_STARTUP, 12, 12), TPM_FFA_OK);
	CHECK_EQ(tcrb_rsp_code(0), TPM2_RC_INITIALIZE);
	CHECK_EQ(tcrb_req(0, TPM_CRB_CTRL_REQ_GO_IDLE), TPM_FFA_OK);
	CHECK_EQ(tcrb_rd(0, TPM_CRB_CTRL_REQ), 0);
	CHECK_EQ(tcrb_rd(0, TPM_CRB_CTRL_STS), TPM_CRB_CTRL_STS_IDLE);
	CHECK_EQ(tcrb.state, TPM_CRB_IDLE);
	/* And back to ready from idle. */
	CHECK_EQ(tcrb_req(0, TPM_CRB_CTRL_REQ_CMD_READY), TPM_FFA_OK);
	CHECK_EQ(tcrb.state, TPM_CRB_READY);
}

TEST(crb_command_ready_from_complete)
{
	tcrb_ready(0);
	CHECK_EQ(tcrb_send(0, TPM2_CC_STARTUP, 12, 12), TPM_FFA_OK);
	CHECK_EQ(tcrb_req(0, TPM_CRB_CTRL_REQ_CMD_READY), TPM_FFA_OK);
	CHECK_EQ(tcrb.state, TPM_CRB_READY);
}

TEST(crb_command_reaches_backend_at_its_locality)
{
	tcrb_ready(3);
	tfake.started = true;
	CHECK_EQ(tcrb_send(3, 0x17a, 64, 64), TPM_FFA_OK);
	CHECK_EQ(tfake.last_locality, 3);
	CHECK_EQ(tfake.last_len, 64);
	CHECK_EQ(tfake.last_cmd[63], (uint8_t)(63 * 7));
	CHECK_EQ(tcrb_rsp_code(3), FAKETPM_RC_COMMAND_CODE);
}

TEST(crb_max_size_command_and_response)
{
	tcrb_ready(0);
	tfake.reply_len = TPM_CRB_DATA_SIZE;
	CHECK_EQ(tcrb_send(0, 0x17a, TPM_CRB_DATA_SIZE, TPM_CRB_DATA_SIZE), TPM_FFA_OK);
	CHECK_EQ(tfake.last_len, TPM_CRB_DATA_SIZE);
	CHECK_EQ(tfake.last_cmd[TPM_CRB_DATA_SIZE - 1], (uint8_t)((TPM_CRB_DATA_SIZE - 1) * 7));
	CHECK_EQ(tcrb_rsp_size(0), TPM_CRB_DATA_SIZE);
	CHECK_EQ(tpages[TPM_CRB_PAGE_SIZE - 1], 0xa5);
	/* Nothing was written past the locality's page. */
	CHECK_EQ(tcrb_rd(1, TPM_CRB_LOC_STATE), TPM_CRB_LOC_STATE_VALID | TPM_CRB_LOC_STATE_ASSIGNED);
}

TEST(crb_odd_sizes_copied_exactly)
{
	for (uint32_t size = 10; size < 20; size++) {
		tcrb_reset();
		tcrb_ready(0);
		CHECK_EQ(tcrb_send(0, 0x17a, size, size), TPM_FFA_OK);
		CHECK_EQ(tfake.last_len, size);
		CHECK_EQ(tfake.last_cmd[size - 1], size > 10 ? (uint8_t)((size - 1) * 7) : 0x7a);
	}
}

TEST(crb_cancel_pending_command)
{
	tcrb_ready(0);
	tcrb_wr(0, TPM_CRB_CTRL_CANCEL, TPM_CRB_CTRL_CANCEL_INVOKE);
	CHECK_EQ(tcrb_send(0, TPM2_CC_STARTUP, 12, 12), TPM_FFA_OK);
	CHECK_EQ(tfake.calls, 0);
	CHECK_EQ(tcrb_rsp_code(0), 0x0909u);
	CHECK_EQ(tcrb_rsp_size(0), 10);
	CHECK_EQ(tcrb_rd(0, TPM_CRB_CTRL_START), 0);
	/* The client clears CTRL_CANCEL; the next command runs. */
	tcrb_wr(0, TPM_CRB_CTRL_CANCEL, 0);
	CHECK_EQ(tcrb_send(0, TPM2_CC_STARTUP, 12, 12), TPM_FFA_OK);
	CHECK_EQ(tfake.calls, 1);
}

TEST(crb_cancel_with_nothing_pending)
{
	tcrb_ready(0);
	CHECK_EQ(tcrb_send(0, TPM2_CC_STARTUP, 12, 12), TPM_FFA_OK);
	tcrb_wr(0, TPM_CRB_CTRL_CANCEL, TPM_CRB_CTRL_CANCEL_INVOKE);
	CHECK_EQ(tcrb_start(TPM_FFA_START_COMMAND, 0), TPM_FFA_OK);
	CHECK_EQ(tfake.calls, 1);
	CHECK_EQ(tcrb_rsp_code(0), 0);
}

TEST(crb_registers_republished)
{
	tcrb_ready(0);
	tcrb_wr(0, TPM_CRB_CMD_LADDR, 0xdeadbeef);
	tcrb_wr(0, TPM_CRB_CTRL_STS, 0xffffffff);
	tcrb_wr(0, TPM_CRB_LOC_STATE, 0);
	CHECK_EQ(tcrb_send(0, TPM2_CC_STARTUP, 12, 12), TPM_FFA_OK);
	CHECK_EQ(tcrb_rd(0, TPM_CRB_CMD_LADDR), (uint32_t)(TCRB_PA + TPM_CRB_DATA));
	CHECK_EQ(tcrb_rd(0, TPM_CRB_CTRL_STS), 0);
	CHECK_EQ(tcrb_rd(0, TPM_CRB_LOC_STATE), TPM_CRB_LOC_STATE_VALID | TPM_CRB_LOC_STATE_ASSIGNED);
}

TEST(crb_fatal_cleared_by_next_good_command)
{
	tcrb_ready(0);
	tfake.fail = true;
	CHECK_EQ(tcrb_send(0, TPM2_CC_STARTUP, 12, 12), TPM_FFA_OK);
	CHECK_EQ(tcrb_rd(0, TPM_CRB_CTRL_STS) & TPM_CRB_CTRL_STS_FATAL, TPM_CRB_CTRL_STS_FATAL);
	CHECK_EQ(tcrb_rd(0, TPM_CRB_CTRL_START), 0);
	tfake.fail = false;
	CHECK_EQ(tcrb_send(0, TPM2_CC_STARTUP, 12, 12), TPM_FFA_OK);
	CHECK_EQ(tcrb_rd(0, TPM_CRB_CTRL_STS), 0);
	CHECK_EQ(tcrb_rsp_code(0), 0);
}

/* ---- negative ---- */

TEST_NEG(crb_locality_5_is_invarg)
{
	CHECK_EQ(tcrb_start(TPM_FFA_START_COMMAND, 5), TPM_FFA_INVARG);
	CHECK_EQ(tcrb_start(TPM_FFA_START_LOCALITY, 5), TPM_FFA_INVARG);
	CHECK_EQ(tcrb_start(TPM_FFA_START_LOCALITY, 0x100000000ull), TPM_FFA_INVARG);
	CHECK_EQ(tcrb_start(TPM_FFA_START_LOCALITY, ~0ull), TPM_FFA_INVARG);
	CHECK_EQ(tcrb_rd(0, TPM_CRB_LOC_STATE), TPM_CRB_LOC_STATE_VALID);
}

TEST_NEG(crb_start_without_anything_set)
{
	tcrb_ready(0);
	CHECK_EQ(tcrb_start(TPM_FFA_START_COMMAND, 0), TPM_FFA_INV_CRB_CTRL_DATA);
	CHECK_EQ(tfake.calls, 0);
	CHECK_EQ(tcrb.state, TPM_CRB_READY);
}

TEST_NEG(crb_command_larger_than_buffer)
{
	tcrb_ready(0);
	CHECK_EQ(tcrb_send(0, TPM2_CC_STARTUP, 12, TPM_CRB_DATA_SIZE + 1u), TPM_FFA_INV_CRB_CTRL_DATA);
	CHECK_EQ(tcrb_rd(0, TPM_CRB_CTRL_START), 0);
	CHECK_EQ(tcrb_send(0, TPM2_CC_STARTUP, 12, 0xffffffffu), TPM_FFA_INV_CRB_CTRL_DATA);
	CHECK_EQ(tcrb_send(0, TPM2_CC_STARTUP, 12, 0x80000000u), TPM_FFA_INV_CRB_CTRL_DATA);
	CHECK_EQ(tfake.calls, 0);
	/* Not wedged: a good command still runs. */
	CHECK_EQ(tcrb_send(0, TPM2_CC_STARTUP, 12, 12), TPM_FFA_OK);
	CHECK_EQ(tfake.calls, 1);
}

TEST_NEG(crb_command_shorter_than_header)
{
	tcrb_ready(0);
	for (uint32_t s = 0; s < TPM2_HEADER_SIZE; s++)
		CHECK_EQ(tcrb_send(0, TPM2_CC_STARTUP, 12, s), TPM_FFA_INV_CRB_CTRL_DATA);
	CHECK_EQ(tfake.calls, 0);
	CHECK_EQ(tcrb_rd(0, TPM_CRB_CTRL_START), 0);
}

TEST_NEG(crb_command_while_idle_denied)
{
	CHECK_EQ(tcrb_loc(0, TPM_CRB_LOC_CTRL_REQUEST), TPM_FFA_OK);
	startup_denied(0);
	CHECK_EQ(tcrb_rd(0, TPM_CRB_CTRL_START), 0);
	CHECK_EQ(tfake.calls, 0);
	/* After goIdle too. */
	CHECK_EQ(tcrb_req(0, TPM_CRB_CTRL_REQ_CMD_READY), TPM_FFA_OK);
	CHECK_EQ(tcrb_req(0, TPM_CRB_CTRL_REQ_GO_IDLE), TPM_FFA_OK);
	startup_denied(0);
	CHECK_EQ(tfake.calls, 0);
}

TEST_NEG(crb_command_without_locality_denied)
{
	tcrb_wr(0, TPM_CRB_CTRL_REQ, TPM_CRB_CTRL_REQ_CMD_READY);
	CHECK_EQ(tcrb_start(TPM_FFA_START_COMMAND, 0), TPM_FFA_DENIED);
	CHECK_EQ(tcrb.state, TPM_CRB_IDLE);
	tcrb_ready(1);
	startup_denied(2);
	CHECK_EQ(tfake.calls, 0);
}

TEST_NEG(crb_ready_and_idle_together)
{
	CHECK_EQ(tcrb_loc(0, TPM_CRB_LOC_CTRL_REQUEST), TPM_FFA_OK);
	CHECK_EQ(tcrb_req(0, TPM_CRB_CTRL_REQ_CMD_READY | TPM_CRB_CTRL_REQ_GO_IDLE),
		 TPM_FFA_INV_CRB_CTRL_DATA);
	CHECK_EQ(tcrb_rd(0, TPM_CRB_CTRL_REQ), 0);
	CHECK_EQ(tcrb.state, TPM_CRB_IDLE);
}

TEST_NEG(crb_go_idle_with_start_not_executed)
{
	tcrb_ready(0);
	tcrb_wr(0, TPM_CRB_CTRL_REQ, TPM_CRB_CTRL_REQ_GO_IDLE);
	startup_denied(0);
	CHECK_EQ(tfake.calls, 0);
	CHECK_EQ(tcrb_rd(0, TPM_CRB_CTRL_START), 0);
	CHECK_EQ(tcrb.state, TPM_CRB_IDLE);
}

TEST_NEG(crb_locality_ctrl_malformed)
{
	CHECK_EQ(tcrb_loc(0, 0), TPM_FFA_INV_CRB_CTRL_DATA);
	CHECK_EQ(tcrb_loc(0, TPM_CRB_LOC_CTRL_REQUEST | TPM_CRB_LOC_CTRL_RELINQUISH),
		 TPM_FFA_INV_CRB_CTRL_DATA);
	CHECK_EQ(tcrb_rd(0, TPM_CRB_LOC_CTRL), 0);
	CHECK_EQ(tcrb_loc(0, 1u << 4), TPM_FFA_INV_CRB_CTRL_DATA);
	CHECK_EQ(tcrb_loc(0, 0xffffffffu), TPM_FFA_INV_CRB_CTRL_DATA);
	CHECK_EQ(tcrb_rd(0, TPM_CRB_LOC_STATE), TPM_CRB_LOC_STATE_VALID);
}

TEST_NEG(crb_locality_conflicts_denied)
{
	/* With locality 2 active, every other request about localities is refused. */
	static const struct { unsigned int loc; uint32_t bits; } refused[] = {
		{ .loc = 0, .bits = TPM_CRB_LOC_CTRL_REQUEST },
		{ .loc = 1, .bits = TPM_CRB_LOC_CTRL_RELINQUISH },
		{ .loc = 1, .bits = TPM_CRB_LOC_CTRL_SEIZE },
		{ .loc = 2, .bits = TPM_CRB_LOC_CTRL_SEIZE },
		{ .loc = 2, .bits = TPM_CRB_LOC_CTRL_RESET_EST },
	};

	CHECK_EQ(tcrb_loc(2, TPM_CRB_LOC_CTRL_REQUEST), TPM_FFA_OK);
	for (unsigned int i = 0; i < sizeof(refused) / sizeof(refused[0]); i++) {
		check_case("locality %u, LOC_CTRL %#x", refused[i].loc, refused[i].bits);
		CHECK_EQ(tcrb_loc(refused[i].loc, refused[i].bits), TPM_FFA_DENIED);
	}
	check_case("after the refusals");
	CHECK_EQ(tcrb_rd(2, TPM_CRB_LOC_STS), TPM_CRB_LOC_STS_GRANTED);
	CHECK_EQ(tcrb_rd(0, TPM_CRB_LOC_STS), 0);
	/* Relinquishing what one does not hold, with nothing held. */
	CHECK_EQ(tcrb_loc(2, TPM_CRB_LOC_CTRL_RELINQUISH), TPM_FFA_OK);
	CHECK_EQ(tcrb_loc(2, TPM_CRB_LOC_CTRL_RELINQUISH), TPM_FFA_DENIED);
}

TEST_NEG(crb_reset_establishment_needs_active_3_or_4)
{
	tcrb.established = true;
	CHECK_EQ(tcrb_loc(4, TPM_CRB_LOC_CTRL_RESET_EST), TPM_FFA_DENIED);
	CHECK_EQ(tcrb_loc(0, TPM_CRB_LOC_CTRL_REQUEST), TPM_FFA_OK);
	CHECK_EQ(tcrb_loc(0, TPM_CRB_LOC_CTRL_RESET_EST), TPM_FFA_DENIED);
	CHECK(tcrb.established);
}

TEST_NEG(crb_bad_qualifier_and_reserved_bits)
{
	tcrb_ready(0);
	CHECK_EQ(tcrb_start(2, 0), TPM_FFA_INVARG);
	CHECK_EQ(tcrb_start(0xff, 0), TPM_FFA_INVARG);
	CHECK_EQ(tcrb_start(0x100, 0), TPM_FFA_INVARG);
	CHECK_EQ(tcrb_start(1ull << 63, 0), TPM_FFA_INVARG);
}

TEST_NEG(crb_unknown_functions)
{
	uint64_t out[3] = { 1, 1, 1 };

	CHECK_EQ(tcrb_call(0, 0, 0, out), TPM_FFA_NOFUNC);
	CHECK_EQ(out[0] | out[1] | out[2], 0);
	CHECK_EQ(tcrb_call(0x0f000601u, 0, 0, NULL), TPM_FFA_NOFUNC);
	CHECK_EQ(tcrb_call(0x100000000ull | TPM_FFA_START, 0, 0, NULL), TPM_FFA_NOFUNC);
	CHECK_EQ(tcrb_call(0x100000000ull | TPM_FFA_GET_INTERFACE_VERSION, 0, 0, NULL),
		 TPM_FFA_NOFUNC);
	CHECK_EQ(tcrb_call(TPM_FFA_GET_FEATURE_INFO, 0x1234, 0, NULL), TPM_FFA_INVARG);
}

TEST_NEG(crb_no_backend_notsup)
{
	uint64_t out[3];

	tpm_crb_init(&tcrb, tpages, TCRB_PA, NULL);
	CHECK_EQ(tcrb_call(TPM_FFA_GET_INTERFACE_VERSION, 0, 0, out), TPM_FFA_OK_RESULTS_RETURNED);
	CHECK_EQ(tcrb_loc(0, TPM_CRB_LOC_CTRL_REQUEST), TPM_FFA_NOTSUP);
	CHECK_EQ(tcrb_start(TPM_FFA_START_COMMAND, 0), TPM_FFA_NOTSUP);
	CHECK_EQ(tcrb_start(TPM_FFA_START_COMMAND, 5), TPM_FFA_INVARG);
}

TEST_NEG(crb_backend_bad_response_is_fatal)
{
	tcrb_ready(0);
	tfake.bad_size = true;
	CHECK_EQ(tcrb_send(0, TPM2_CC_STARTUP, 12, 12), TPM_FFA_OK);
	CHECK_EQ(tcrb_rd(0, TPM_CRB_CTRL_STS) & TPM_CRB_CTRL_STS_FATAL, TPM_CRB_CTRL_STS_FATAL);
	/* The buffer still holds the command: nothing from the bad reply. */
	CHECK_EQ(tcrb_rsp_code(0), TPM2_CC_STARTUP);
	CHECK_EQ(tcrb.state, TPM_CRB_COMPLETE);
}

TEST_NEG(crb_scribbled_state_registers_ignored)
{
	/* The normal world claims locality 0 and readiness by writing the
	 * registers the service owns: it gets neither. */
	tcrb_wr(0, TPM_CRB_LOC_STATE, TPM_CRB_LOC_STATE_VALID | TPM_CRB_LOC_STATE_ASSIGNED);
	tcrb_wr(0, TPM_CRB_LOC_STS, TPM_CRB_LOC_STS_GRANTED);
	tcrb_wr(0, TPM_CRB_CTRL_STS, 0);
	startup_denied(0);
	CHECK_EQ(tfake.calls, 0);
	CHECK_EQ(tcrb_rd(0, TPM_CRB_LOC_STS), 0);
}

TEST_NEG(crb_cancel_in_idle_denied)
{
	CHECK_EQ(tcrb_loc(0, TPM_CRB_LOC_CTRL_REQUEST), TPM_FFA_OK);
	tcrb_wr(0, TPM_CRB_CTRL_CANCEL, TPM_CRB_CTRL_CANCEL_INVOKE);
	startup_denied(0);
	CHECK_EQ(tcrb_rd(0, TPM_CRB_CTRL_START), 0);
	CHECK_EQ(tfake.calls, 0);
}

TEST_NEG(crb_command_after_relinquish_denied)
{
	tcrb_ready(1);
	CHECK_EQ(tcrb_loc(1, TPM_CRB_LOC_CTRL_RELINQUISH), TPM_FFA_OK);
	startup_denied(1);
	CHECK_EQ(tfake.calls, 0);
}

TEST_NEG(crb_locality_request_read_from_callers_page)
{
	/* The request sits in locality 0's page; START(1, 1) looks at 1's. */
	tcrb_wr(0, TPM_CRB_LOC_CTRL, TPM_CRB_LOC_CTRL_REQUEST);
	CHECK_EQ(tcrb_start(TPM_FFA_START_LOCALITY, 1), TPM_FFA_INV_CRB_CTRL_DATA);
	CHECK_EQ(tcrb_rd(0, TPM_CRB_LOC_STS), 0);
	CHECK_EQ(tcrb_rd(1, TPM_CRB_LOC_STS), 0);
}
