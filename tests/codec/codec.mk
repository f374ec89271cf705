# Codec suite: build/tests/codec-tests, the lib/ffa codec on its own.
CODEC_TEST_SRCS := $(wildcard tests/codec/*.c)
CODEC_TEST_OBJS := $(patsubst %.c,$(BUILD)/host/%.o,$(CODEC_TEST_SRCS))

$(BUILD)/tests/codec-tests: $(CODEC_TEST_OBJS) $(FFA_LIB_HOST_OBJS) $(HARNESS_OBJ)
	@mkdir -p $(dir $@)
	$(HOST_CC) -o $@ $^ $(HOST_LDFLAGS)

.PHONY: codec-tests
codec-tests: $(BUILD)/tests/codec-tests

ALL_TARGETS += $(BUILD)/tests/codec-tests
TEST_BINS += $(BUILD)/tests/codec-tests
