# The reference normal-world FF-A client library: calls, RX/TX and memory
# transactions over the codec (lib/ffa). Freestanding (tools/
# freestanding-check.sh), so firmware or a kernel could carry it; the hosted
# objects serve ffa-host (host/cli/), the client suites and the benchmark.
FFA_CLIENT_SRCS := $(wildcard lib/client/*.c)
FFA_CLIENT_HOST_OBJS := $(patsubst %.c,$(BUILD)/host/%.o,$(FFA_CLIENT_SRCS))
