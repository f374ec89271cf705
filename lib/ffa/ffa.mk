# The freestanding FF-A descriptor codec.
FFA_LIB_SRCS := $(wildcard lib/ffa/*.c)
FFA_LIB_HOST_OBJS := $(patsubst %.c,$(BUILD)/host/%.o,$(FFA_LIB_SRCS))
