# Tests of the reference FF-A client (lib/client/) against the real hosted
# SPMC and against a scripted fake SPMC that misbehaves on purpose.
CLIENT_TESTS := $(BUILD)/tests/client-tests
CLIENT_TEST_OBJS := $(patsubst %.c,$(BUILD)/host/%.o,$(wildcard tests/client/*.c)) \
	$(BUILD)/host/host/cli/session.o

ALL_TARGETS += $(CLIENT_TESTS)
TEST_BINS += $(CLIENT_TESTS)

$(CLIENT_TESTS): $(CLIENT_TEST_OBJS) $(HARNESS_OBJ) $(FFA_CLIENT_HOST_OBJS) $(HOST_SIM_ALL_OBJS)
	@mkdir -p $(dir $@)
	$(HOST_CC) $(HOST_LDFLAGS) $^ -lpthread -o $@
