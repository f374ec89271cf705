# The UEFI variable partition (services/uefivar/, protocol in
# include/services/mm_var.h): MM parser, variable semantics and the
# power-fail-safe store. Freestanding; hosted objects for the tests.
UEFIVAR_SRCS := $(wildcard services/uefivar/*.c)
UEFIVAR_HOST_OBJS := $(patsubst %.c,$(BUILD)/host/%.o,$(UEFIVAR_SRCS))
# The hosted flash with its power-cut injector.
UVFLASH_HOST_OBJS := $(BUILD)/host/host/uvflash/uvflash.o
