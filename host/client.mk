# The reference normal-world FF-A client library (host/client/) and ffa-host
# (host/cli/), a scripted session against the hosted SPMC.
#
# This fragment is read before host/sim.mk, lib/, services/ and spmc/ define
# their object lists, so the link rule names them with $$(...) and second
# expansion picks them up once every fragment has been read.
.SECONDEXPANSION:

FFA_CLIENT_SRCS := $(wildcard host/client/*.c)
FFA_CLIENT_HOST_OBJS := $(patsubst %.c,$(BUILD)/host/%.o,$(FFA_CLIENT_SRCS))
# Built freestanding too, to prove the library needs no libc (see the script).
FFA_CLIENT_FS_OBJS := $(patsubst %.c,$(BUILD)/fs/%.o,$(FFA_CLIENT_SRCS))
export FFA_CLIENT_FS_OBJS
export FFA_CLIENT_NM := $(CROSS)nm
FFA_HOST_CLI_OBJS := $(patsubst %.c,$(BUILD)/host/%.o,$(wildcard host/cli/*.c))
FFA_HOST := $(BUILD)/ffa-host
# Read by host/cli/ffa-host-test.sh (a TEST_CMDS entry must be one word).
export FFA_HOST_BIN := $(FFA_HOST)

ALL_TARGETS += $(FFA_HOST) $(FFA_CLIENT_FS_OBJS)
TEST_CMDS += host/cli/ffa-host-test.sh host/client/freestanding-check.sh

$(FFA_HOST): $(FFA_HOST_CLI_OBJS) $(FFA_CLIENT_HOST_OBJS) $$(HOST_SIM_ALL_OBJS)
	@mkdir -p $(dir $@)
	$(HOST_CC) $(HOST_LDFLAGS) $^ -lpthread -o $@

.PHONY: run-host
run-host: $(FFA_HOST)
	$(FFA_HOST)
