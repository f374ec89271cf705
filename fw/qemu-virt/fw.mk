# EL3 firmware for QEMU virt: `make fw` builds build/fw.bin (raw image for
# -bios, executes in place from flash at 0x0).
#
# It compiles the codec, the core and the partitions (whose fragments come
# before this one) with its own flags and rule into build/fw/.
FW_BUILD := $(BUILD)/fw
# FW_EXTRA_CFLAGS=-DFW_TRACE_FFA logs every FF-A call on the secure UART.
# No -mstrict-align: with translation on, all memory C touches is Normal
# (unaligned accesses allowed) or MMIO through volatile accessors of one
# width. Only what runs before mmu_boot() keeps it (FW_PRE_MMU_OBJS).
FW_CFLAGS := $(filter-out -mstrict-align,$(FS_CFLAGS)) -mbranch-protection=none -fno-common \
	-ffunction-sections -fdata-sections $(FW_EXTRA_CFLAGS)
FW_SRCS := $(wildcard fw/common/*.c fw/qemu-virt/*.c) \
	$(FFA_LIB_SRCS) $(SPMC_SRCS) $(TEST_SP_SRCS) $(TPM_SP_SRCS) $(UEFIVAR_SRCS)
FW_ASM_SRCS := fw/qemu-virt/entry.S
FW_OBJS := $(patsubst %.c,$(FW_BUILD)/%.o,$(FW_SRCS)) \
	$(patsubst %.S,$(FW_BUILD)/%.o,$(FW_ASM_SRCS))
FW_LDS := fw/qemu-virt/fw.ld
FW_ELF := $(BUILD)/fw.elf
FW_BIN := $(BUILD)/fw.bin

# The C that runs untranslated (all memory Device, alignment enforced):
# mmu_boot() and what it calls, and the fatal path it may take (with the
# byte helpers, lib/ffa/mem.c).
FW_PRE_MMU_OBJS := $(addprefix $(FW_BUILD)/fw/,common/xlat.o common/util.o qemu-virt/mmu.o \
	qemu-virt/memmap.o qemu-virt/console.o qemu-virt/power.o) $(FW_BUILD)/lib/ffa/mem.o
$(FW_PRE_MMU_OBJS): FW_CFLAGS += -mstrict-align

.PHONY: fw fw-boot-check
fw: $(FW_BIN)

$(FW_BUILD)/%.o: %.c | $(BUILD)/.deps-fw
	@mkdir -p $(dir $@)
	$(CROSS)gcc $(FW_CFLAGS) -MMD -MP -c $< -o $@

$(FW_BUILD)/%.o: %.S | $(BUILD)/.deps-fw
	@mkdir -p $(dir $@)
	$(CROSS)gcc $(FW_CFLAGS) -MMD -MP -c $< -o $@

$(FW_ELF): $(FW_OBJS) $(FW_LDS)
	$(CROSS)ld -nostdlib -static --gc-sections --no-warn-rwx-segments \
		--orphan-handling=error -T $(FW_LDS) -Map=$(BUILD)/fw.map -o $@ $(FW_OBJS)

$(FW_BIN): $(FW_ELF)
	$(CROSS)objcopy -O binary $< $@
	@echo "fw: $@ $$(stat -c %s $@) bytes, secure RAM used 0x$$($(CROSS)nm $< | \
		sed -n 's/^0*\([0-9a-f]*\) . __secram_used$$/\1/p') bytes"

# build/fw-debug.bin: the same firmware with FW_CHECK_INVARIANTS, which runs
# spmc_check_invariants() after every normal-world FF-A call and prints
# "spmc: invariant violation after ..." on the secure console (the QEMU
# fuzzer boots it: tools/fuzz-qemu.py). Objects in build/fw-debug/.
FWD_BUILD := $(BUILD)/fw-debug
FWD_OBJS := $(patsubst %.c,$(FWD_BUILD)/%.o,$(FW_SRCS)) \
	$(patsubst %.S,$(FWD_BUILD)/%.o,$(FW_ASM_SRCS))
FWD_ELF := $(BUILD)/fw-debug.elf
FWD_BIN := $(BUILD)/fw-debug.bin

.PHONY: fw-debug
fw-debug: $(FWD_BIN)

$(FWD_BUILD)/%.o: %.c | $(BUILD)/.deps-fw
	@mkdir -p $(dir $@)
	$(CROSS)gcc $(FW_CFLAGS) -DFW_CHECK_INVARIANTS -MMD -MP -c $< -o $@

$(FWD_BUILD)/%.o: %.S | $(BUILD)/.deps-fw
	@mkdir -p $(dir $@)
	$(CROSS)gcc $(FW_CFLAGS) -DFW_CHECK_INVARIANTS -MMD -MP -c $< -o $@

$(FWD_ELF): $(FWD_OBJS) $(FW_LDS)
	$(CROSS)ld -nostdlib -static --gc-sections --no-warn-rwx-segments \
		--orphan-handling=error -T $(FW_LDS) -Map=$(BUILD)/fw-debug.map -o $@ $(FWD_OBJS)

$(FWD_BIN): $(FWD_ELF)
	$(CROSS)objcopy -O binary $< $@

# Boots fw.bin without a kernel, with bad ones and with the smoke kernel of
# tests/fw (built there; `make test` builds everything in ALL_TARGETS first).
fw-boot-check: $(FW_BIN) $(BUILD)/tests/fw-smoke.bin
	fw/qemu-virt/boot-check.sh $(FW_BIN) $(BUILD)/tests/fw-smoke.bin

ALL_TARGETS += fw fw-debug
TEST_CMDS += $(call testcmd,fw/qemu-virt/boot-check.sh $(FW_BIN) $(BUILD)/tests/fw-smoke.bin)
