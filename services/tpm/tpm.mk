# The TPM service (services/tpm): CRB-over-FF-A state machine, TIS driver,
# SHA-256, TCG2 event log and measured boot. Freestanding; the firmware
# compiles these itself (fw/qemu-virt/fw.mk), the hosted tests link these.
TPM_SP_SRCS := $(wildcard services/tpm/*.c)
TPM_SP_HOST_OBJS := $(patsubst %.c,$(BUILD)/host/%.o,$(TPM_SP_SRCS))
