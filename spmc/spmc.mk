# SPMC core: portable, freestanding (tools/freestanding-check.sh proves it;
# the firmware compiles it itself). Hosted objects (ASan/UBSan) for the
# tests and the hosted platform; users also link the codec
# ($(FFA_LIB_HOST_OBJS)).
SPMC_SRCS := $(wildcard spmc/*.c)
SPMC_HOST_OBJS := $(patsubst %.c,$(BUILD)/host/%.o,$(SPMC_SRCS))

.PHONY: spmc-host
spmc-host: $(SPMC_HOST_OBJS)
