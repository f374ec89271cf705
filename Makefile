# ffa-stack top-level build. `make` builds everything that needs no kernel,
# `make test` is the test command (ends with "N passed, M failed"),
# `make run` boots the system. Components add themselves through the *.mk
# fragments included below; each fragment appends to the variables here.

BUILD      ?= build
HOST_CC    ?= gcc
CROSS      ?= aarch64-linux-gnu-
CFLAGS_COMMON := -std=c11 -Wall -Wextra -Werror -Wvla -Wshadow -Wstrict-prototypes \
	-Wmissing-prototypes -Iinclude -I.
# Hosted: the same core and codec in user space, with sanitizers.
HOST_CFLAGS ?= $(CFLAGS_COMMON) -O1 -g -fno-omit-frame-pointer \
	-fsanitize=address,undefined -fno-sanitize-recover=all -D_GNU_SOURCE
HOST_LDFLAGS ?= -fsanitize=address,undefined
# Freestanding: what firmware links; also the libc-independence check.
FS_CFLAGS := $(subst -std=c11,-std=gnu11,$(CFLAGS_COMMON)) -O2 -ffreestanding -nostdlib \
	-fno-builtin -fno-stack-protector -fno-tree-loop-distribute-patterns \
	-mgeneral-regs-only -mstrict-align -fno-pic -fno-pie

ALL_TARGETS :=
TEST_BINS   :=
TEST_CMDS   :=
# A test command with arguments: TEST_CMDS += $(call testcmd,script -q arg)
# (make splits lists on spaces, so they travel as '^' and run-tests.sh
# turns them back).
empty :=
space := $(empty) $(empty)
testcmd = $(subst $(space),^,$(strip $(1)))
CLEAN_EXTRA :=

.PHONY: all test run demo clean deps freestanding-check
all:

deps: $(BUILD)/.deps-host
$(BUILD)/.deps-host: tools/setup.sh
	@mkdir -p $(BUILD)
	@tools/setup.sh host
	@touch $@

# Hosted objects: build/host/<path>.o from <path>.c
$(BUILD)/host/%.o: %.c | $(BUILD)/.deps-host
	@mkdir -p $(dir $@)
	$(HOST_CC) $(HOST_CFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/.deps-fw: tools/setup.sh
	@mkdir -p $(BUILD)
	@tools/setup.sh fw
	@touch $@

HARNESS_OBJ := $(BUILD)/host/tests/harness/check.o

# Fragments in layer order, each after everything it builds on, so a
# fragment may use the variables of those before it: the codec, the core,
# the partitions, the hosted platform and its CLI, the firmware, the suites,
# the kernel side, the tree-wide checks, the benchmarks.
include $(wildcard lib/*/*.mk) $(wildcard spmc/*.mk) $(wildcard services/*/*.mk) \
	host/sim.mk host/cli.mk $(wildcard fw/*/*.mk) $(wildcard tests/*/*.mk) \
	$(wildcard linux/*.mk) $(wildcard tools/*.mk) $(wildcard bench/*.mk)

all: $(ALL_TARGETS)

test: all $(TEST_BINS)
	@tools/run-tests.sh $(foreach b,$(TEST_BINS),"$(b)") $(foreach c,$(TEST_CMDS),"$(c)")

clean:
	rm -rf $(BUILD) $(CLEAN_EXTRA)

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
