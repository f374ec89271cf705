# The freestanding FF-A descriptor codec.
FFA_LIB_SRCS := $(wildcard lib/ffa/*.c)
FFA_LIB_HOST_OBJS := $(patsubst %.c,$(BUILD)/host/%.o,$(FFA_LIB_SRCS))
FFA_LIB_FS_OBJS := $(patsubst %.c,$(BUILD)/fs/%.o,$(FFA_LIB_SRCS))

# The core and codec must link with nothing but themselves (no libc).
TEST_CMDS += $(call testcmd,FS_CFLAGS='$(FS_CFLAGS)' CROSS='$(CROSS)' lib/ffa/freestanding-check.sh)
