# SPMC core: portable, freestanding. Hosted objects (ASan/UBSan) for the
# tests and the hosted platform; freestanding objects for the firmware.
# Users also link the codec ($(FFA_LIB_HOST_OBJS) / its fs objects).
SPMC_SRCS := $(wildcard spmc/*.c)
SPMC_HOST_OBJS := $(patsubst %.c,$(BUILD)/host/%.o,$(SPMC_SRCS))
SPMC_FS_OBJS := $(patsubst %.c,$(BUILD)/fs/%.o,$(SPMC_SRCS))

.PHONY: spmc-host spmc-fs
spmc-host: $(SPMC_HOST_OBJS)
spmc-fs: $(SPMC_FS_OBJS)
