# Benchmarks (bench/): `make bench` measures, `make test` only smoke-checks.
#
# build/ffa-bench is the SPMC core, codec, test partition, hosted platform
# and reference client built -O2 without sanitizers (valgrind and ASan do not
# mix), for callgrind. build/tests/bench-smoke is the same program on the
# sanitized hosted objects, run once per operation by `make test`.
BENCH_SRCS := bench/ffa_bench.c host/sim/sim.c services/test/test_sp.c \
	$(wildcard spmc/*.c lib/ffa/*.c lib/client/*.c)
# 1024 slots: the live-table curve goes to 1023 live transactions.
BENCH_CFLAGS := $(CFLAGS_COMMON) -O2 -g -D_GNU_SOURCE -DSPMC_MAX_TXNS=1024
BENCH_OBJS := $(patsubst %.c,$(BUILD)/bench-obj/%.o,$(BENCH_SRCS))
BENCH_BIN := $(BUILD)/ffa-bench
BENCH_SMOKE := $(BUILD)/tests/bench-smoke
BENCH_SMOKE_OBJS := $(patsubst %.c,$(BUILD)/host/%.o,$(BENCH_SRCS))

$(BUILD)/bench-obj/%.o: %.c | $(BUILD)/.deps-host
	@mkdir -p $(dir $@)
	$(HOST_CC) $(BENCH_CFLAGS) -MMD -MP -c $< -o $@

# The flags (table size) are part of what the objects are: rebuild when they change.
$(BENCH_OBJS): bench/bench.mk

$(BENCH_BIN): $(BENCH_OBJS)
	@mkdir -p $(dir $@)
	$(HOST_CC) $^ -lpthread -o $@

$(BENCH_SMOKE): $(BENCH_SMOKE_OBJS)
	@mkdir -p $(dir $@)
	$(HOST_CC) $(HOST_LDFLAGS) $^ -lpthread -o $@

ALL_TARGETS += $(BENCH_BIN) $(BENCH_SMOKE)
TEST_CMDS += $(call testcmd,$(BENCH_SMOKE) --smoke)

# BENCH_VARIANT picks the kernel for the QEMU half (default: ours if
# linux/patches/ours exists, else stock), BENCH_FFA=builtin its FF-A
# built-in flavour (default module); BENCH_QEMU=0 skips it.
BENCH_QEMU ?= 1
.PHONY: bench bench-host bench-qemu
bench-host: $(BENCH_BIN)
	bench/run-host.sh $(BENCH_BIN) $(BUILD)/bench

bench-qemu: fw
	bench/run-qemu.sh $(BUILD)/bench $(BENCH_VARIANT)

bench: bench-host bench-fw $(if $(filter 1,$(BENCH_QEMU)),bench-qemu)
	bench/report.py $(BUILD)/bench $(BUILD)

# The firmware measured on aarch64: the smoke image's benchmark build (EL2,
# bench/fw_bench.c) booted on build/fw.bin in QEMU -icount shift=0.
FW_BENCH_SRCS := tests/fw/smoke/start.S tests/fw/smoke/smoke.c bench/fw_bench.c \
	lib/ffa/mtd.c lib/ffa/mem.c
$(BUILD)/bench/fw-bench.elf: $(FW_BENCH_SRCS) tests/fw/smoke/smoke.ld | $(BUILD)/.deps-fw
	@mkdir -p $(dir $@)
	$(CROSS)gcc $(FS_CFLAGS) -DSMOKE_BENCH -mbranch-protection=none \
		-fno-zero-initialized-in-bss -static -no-pie \
		-Wl,--build-id=none,--no-warn-rwx-segments -T tests/fw/smoke/smoke.ld -o $@ $(FW_BENCH_SRCS)

$(BUILD)/bench/fw-bench.bin: $(BUILD)/bench/fw-bench.elf
	$(CROSS)objcopy -O binary $< $@

.PHONY: bench-fw
bench-fw: fw $(BUILD)/bench/fw-bench.bin
	bench/run-fw.sh $(FW_BIN) $(BUILD)/bench/fw-bench.bin $(BUILD)/bench/aarch64.json
