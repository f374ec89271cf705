# The hosted platform (host/sim/): the SPMC core and the test partition in a
# user process. HOST_SIM_ALL_OBJS is everything a program driving it links
# (add $(HOST_LDFLAGS) -lpthread).
HOST_SIM_SRCS := host/sim/sim.c
HOST_SIM_OBJS := $(patsubst %.c,$(BUILD)/host/%.o,$(HOST_SIM_SRCS))
HOST_SIM_ALL_OBJS = $(HOST_SIM_OBJS) $(SPMC_HOST_OBJS) $(TEST_SP_HOST_OBJS) $(FFA_LIB_HOST_OBJS)
