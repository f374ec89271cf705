# The ffa-stack test partition (include/services/test_sp.h), a logical SP
# for the SPMC core. Freestanding; hosted objects for the hosted platform.
TEST_SP_SRCS := services/test/test_sp.c
TEST_SP_HOST_OBJS := $(patsubst %.c,$(BUILD)/host/%.o,$(TEST_SP_SRCS))
