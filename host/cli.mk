# ffa-host (host/cli/): a scripted session of the reference client
# (lib/client/) against the hosted SPMC.

FFA_HOST_CLI_OBJS := $(patsubst %.c,$(BUILD)/host/%.o,$(wildcard host/cli/*.c))
FFA_HOST := $(BUILD)/ffa-host
# Read by host/cli/ffa-host-test.sh (a TEST_CMDS entry must be one word).
export FFA_HOST_BIN := $(FFA_HOST)

ALL_TARGETS += $(FFA_HOST)
TEST_CMDS += host/cli/ffa-host-test.sh

$(FFA_HOST): $(FFA_HOST_CLI_OBJS) $(FFA_CLIENT_HOST_OBJS) $(HOST_SIM_ALL_OBJS)
	@mkdir -p $(dir $@)
	$(HOST_CC) $(HOST_LDFLAGS) $^ -lpthread -o $@

.PHONY: run-host
run-host: $(FFA_HOST)
	$(FFA_HOST)
