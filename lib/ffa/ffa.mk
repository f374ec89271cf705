# The freestanding FF-A descriptor codec.
FFA_LIB_SRCS := $(wildcard lib/ffa/*.c)
FFA_LIB_HOST_OBJS := $(patsubst %.c,$(BUILD)/host/%.o,$(FFA_LIB_SRCS))
FFA_LIB_FS_OBJS := $(patsubst %.c,$(BUILD)/fs/%.o,$(FFA_LIB_SRCS))

# The core and codec must link with nothing but themselves (no libc).
FFA_FS_CHECK = FS_CFLAGS='$(FS_CFLAGS)' CROSS='$(CROSS)' lib/ffa/freestanding-check.sh
TEST_CMDS += $(call testcmd,$(FFA_FS_CHECK))

freestanding-check: | $(BUILD)/.deps-fw
	@$(FFA_FS_CHECK)
