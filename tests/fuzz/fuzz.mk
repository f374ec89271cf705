# Fuzz targets (libFuzzer, clang from Debian: `tools/setup.sh fuzz`), see
# tests/fuzz/README.md. Each target is build/fuzz/fuzz_<name> built from
# tests/fuzz/fuzz_<name>.c with its corpus in tests/fuzz/corpus/<name>/.
#   make test      runs each target FUZZ_RUNS_<name> times over its corpus
#   make fuzz      fuzzes for FUZZ_SECONDS in total, split evenly across the
#                  targets, one after the other, and prints executions
#   make fuzz-seeds  regenerates the committed seed corpora
FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 600
FUZZ_SAN     := -fsanitize=address,undefined -fno-sanitize-recover=all
# Coverage feedback for the fuzzer; see FUZZ_NO_COV below.
FUZZ_COV     := -fsanitize=fuzzer-no-link
# lib/ffa/mem.c carries a gcc-only optimize attribute (it keeps gcc from
# turning the loops into libc calls); clang ignoring it is harmless here.
FUZZ_CFLAGS  := $(CFLAGS_COMMON) -O1 -g -fno-omit-frame-pointer $(FUZZ_SAN) -D_GNU_SOURCE \
	-Wno-unknown-attributes
FUZZ_LDFLAGS := -fsanitize=fuzzer,address,undefined -lpthread

FUZZ_TARGETS := codec spmc
FUZZ_DEPS_codec := $(FFA_LIB_SRCS)
FUZZ_DEPS_spmc := $(SPMC_SRCS) $(HOST_SIM_SRCS) $(TEST_SP_SRCS) $(FFA_LIB_SRCS)
# The services' targets join when their code is there.
ifneq ($(wildcard services/tpm/crb.c),)
FUZZ_TARGETS += tpm_crb
FUZZ_DEPS_tpm_crb := services/tpm/crb.c $(FFA_LIB_SRCS)
endif
ifneq ($(wildcard services/uefivar/mm.c services/uefivar/store.c),)
FUZZ_TARGETS += mm_var var_store_mount
FUZZ_DEPS_mm_var := $(UEFIVAR_SRCS) $(SPMC_SRCS) $(FFA_LIB_SRCS)
FUZZ_DEPS_var_store_mount := services/uefivar/store.c services/uefivar/ramflash.c \
	$(FFA_LIB_SRCS)
endif
# Executions per target in `make test` (all of them together well under a minute).
# (Measured on the 2-core machine with a QEMU boot alongside: ~35 s in all.)
FUZZ_RUNS_codec := 150000
FUZZ_RUNS_spmc := 8000
FUZZ_RUNS_tpm_crb := 80000
FUZZ_RUNS_mm_var := 4000
FUZZ_RUNS_var_store_mount := 15000

$(BUILD)/.deps-fuzz: tools/setup.sh
	@mkdir -p $(BUILD)
	@tools/setup.sh fuzz
	@touch $@

$(BUILD)/fuzz/obj/%.o: %.c | $(BUILD)/.deps-fuzz
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) $(FUZZ_COV) -MMD -MP -c $< -o $@

# Still sanitized, but without coverage instrumentation: the invariant
# checker runs after every call (guiding the fuzzer into its branches is
# pointless and, instrumented, it took most of the time), and ffa_memset
# runs over the whole SPMC state once per input.
FUZZ_NO_COV := spmc/invariants.c lib/ffa/mem.c
$(patsubst %.c,$(BUILD)/fuzz/obj/%.o,$(FUZZ_NO_COV)): FUZZ_COV :=

fuzz_objs = $(patsubst %.c,$(BUILD)/fuzz/obj/%.o,tests/fuzz/fuzz_$(1).c $(FUZZ_DEPS_$(1)))
FUZZ_BINS := $(foreach t,$(FUZZ_TARGETS),$(BUILD)/fuzz/fuzz_$(t))

define fuzz_target
$(BUILD)/fuzz/fuzz_$(1): $(call fuzz_objs,$(1))
	$$(FUZZ_CC) -o $$@ $$^ $$(FUZZ_LDFLAGS)
endef
$(foreach t,$(FUZZ_TARGETS),$(eval $(call fuzz_target,$(t))))

# The seed generator is an ordinary hosted program.
$(BUILD)/fuzz/gen-seeds: $(BUILD)/host/tests/fuzz/gen_seeds.o $(FFA_LIB_HOST_OBJS) \
		$(BUILD)/host/services/uefivar/store.o $(BUILD)/host/services/uefivar/ramflash.o
	@mkdir -p $(dir $@)
	$(HOST_CC) -o $@ $^ $(HOST_LDFLAGS)

.PHONY: fuzz fuzz-build fuzz-seeds
fuzz-build: $(FUZZ_BINS)
fuzz: $(FUZZ_BINS)
	@tests/fuzz/run.sh fuzz $(FUZZ_SECONDS) $(BUILD)/fuzz $(FUZZ_TARGETS)
fuzz-seeds: $(BUILD)/fuzz/gen-seeds
	@tests/fuzz/run.sh seeds-write $(BUILD)/fuzz/gen-seeds

ALL_TARGETS += $(FUZZ_BINS) $(BUILD)/fuzz/gen-seeds
TEST_CMDS += $(call testcmd,tests/fuzz/run.sh seeds-check $(BUILD)/fuzz/gen-seeds)
TEST_CMDS += $(foreach t,$(FUZZ_TARGETS),\
	$(call testcmd,tests/fuzz/run.sh test $(BUILD)/fuzz $(t) $(FUZZ_RUNS_$(t))))
