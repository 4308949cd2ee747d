# ctscan: plain Makefile. Targets:
#   make            build ./ctscan (O2, warnings are errors)
#   make deps       install the Debian packages that are missing (root/sudo)
#   make test       unit tests (CUnit) + corpus tests
#   make asan       the same tests, built with ASan + UBSan
#   make demo       deps, build, scan corpus/, print the per-CA table
#   make bench      benchmarks (bench/)
#   make install PREFIX=/usr/local DESTDIR=
#   make clean

CC ?= cc
PREFIX ?= /usr/local
DESTDIR ?=
BUILD ?= build
PKGS := openssl libzstd hwloc libfyaml libpsl cunit zlib
DEB_PKGS := build-essential pkg-config libssl-dev libzstd-dev libhwloc-dev \
            libfyaml-dev libcunit1-dev libpsl-dev publicsuffix zlib1g-dev zstd jq \
            chromium

MACHINE := $(shell $(CC) -dumpmachine 2>/dev/null)
ifneq ($(findstring x86_64,$(MACHINE)),)
  ISA := x86_64
else ifneq ($(findstring aarch64,$(MACHINE)),)
  ISA := aarch64
else
  ISA := other
endif

PKG_CONFIG ?= pkg-config
PKG_CFLAGS = $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
PKG_LIBS = $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null)

WARN := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
        -Wno-unused-parameter
OPT ?= -O2 -g
SAN ?=
ifeq ($(SAN),1)
  OPT := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
         -fno-sanitize-recover=undefined
  LDSAN := -fsanitize=address,undefined
endif
CPPFLAGS += -Iinclude -I. -D_GNU_SOURCE
CFLAGS += -std=c11 $(OPT) $(WARN) $(PKG_CFLAGS)
LDLIBS += $(PKG_LIBS) -lpthread -lm

# Sources: one folder per stage; simd/ one folder per ISA.
CLI_MAIN := src/cli/main.c
LIB_SRC := $(filter-out $(CLI_MAIN),$(sort $(wildcard src/*/*.c))) \
           $(sort $(wildcard simd/*.c simd/scalar/*.c))
ifeq ($(ISA),x86_64)
  LIB_SRC += $(sort $(wildcard simd/avx2/*.c))
endif
ifeq ($(ISA),aarch64)
  LIB_SRC += $(sort $(wildcard simd/neon/*.c))
endif
TEST_SRC := $(sort $(wildcard tests/unit/*.c))

LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/%.o)
TEST_OBJ := $(TEST_SRC:%.c=$(BUILD)/%.o)
MAIN_OBJ := $(CLI_MAIN:%.c=$(BUILD)/%.o)
LIB := $(BUILD)/libctscan.a
BIN := $(BUILD)/ctscan
TEST_BIN := $(BUILD)/ctscan-tests

.PHONY: all deps test unit-test corpus-test asan demo bench install clean
all: ctscan

ctscan: $(BIN)
	cp $(BIN) ctscan

# Per-object ISA flags: only the kernels of one ISA see its instructions.
$(BUILD)/simd/avx2/%.o: CFLAGS += -mavx2 -mbmi -mbmi2 -mpopcnt
$(BUILD)/simd/neon/%.o: CFLAGS += -march=armv8-a+simd

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -MMD -MP -c $< -o $@

$(LIB): $(LIB_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

$(BIN): $(MAIN_OBJ) $(LIB)
	$(CC) $(LDSAN) -o $@ $(MAIN_OBJ) $(LIB) $(LDLIBS)

$(TEST_BIN): $(TEST_OBJ) $(LIB)
	$(CC) $(LDSAN) -o $@ $(TEST_OBJ) $(LIB) $(LDLIBS)

-include $(LIB_OBJ:.o=.d) $(TEST_OBJ:.o=.d) $(MAIN_OBJ:.o=.d)

# Installs only what is missing, so a configured machine is left alone.
deps:
	@if $(PKG_CONFIG) --exists $(PKGS) 2>/dev/null && command -v zstd >/dev/null && command -v jq >/dev/null \
	   && command -v chromium >/dev/null \
	   && [ -f /usr/share/publicsuffix/public_suffix_list.dat ]; then \
	  echo "deps: all present"; \
	else \
	  SUDO=; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $(DEB_PKGS); \
	fi

unit-test: $(TEST_BIN)
	$(TEST_BIN)

corpus-test: $(BIN) $(BUILD)/ctgen
	CTSCAN=$(BIN) sh tests/corpus/run.sh
	CTSCAN=$(BIN) sh tests/corpus/html.sh
	CTSCAN=$(BIN) sh tests/corpus/population.sh
	CTSCAN=$(BIN) sh tests/corpus/pipeline.sh
	CTSCAN=$(BIN) CTGEN=$(BUILD)/ctgen sh tests/corpus/gen.sh

test: deps
	$(MAKE) unit-test corpus-test fuzz-replay

asan: deps
	$(MAKE) BUILD=build/asan SAN=1 unit-test corpus-test fuzz-replay

demo: deps
	$(MAKE) ctscan
	./ctscan scan corpus/navigli2025h2 corpus/rfc6962/get-entries-2013-pilot.json corpus/zlint

# The corpus generator (corpus/gen/README.md): dumps with ground truth.
$(BUILD)/ctgen: $(BUILD)/corpus/gen/ctgen.o $(LIB)
	$(CC) $(LDSAN) -o $@ $< $(LIB) $(LDLIBS)

$(BUILD)/bench-openssl: $(BUILD)/bench/openssl_baseline.o $(LIB)
	$(CC) -o $@ $< $(LIB) $(LDLIBS)

bench: deps
	$(MAKE) ctscan $(BUILD)/bench-openssl $(BUILD)/ctgen
	CTGEN=$(BUILD)/ctgen sh bench/run.sh ./ctscan $(BUILD)/bench-openssl

# ARM64 (AArch64, NEON kernel): cross-built with aarch64-linux-gnu-gcc
# against the :arm64 -dev packages (pkg-config reads their .pc files), and
# the unit tests run under qemu-aarch64-static. Needs gcc-aarch64-linux-gnu,
# qemu-user-static and libssl-dev:arm64 libzstd-dev:arm64 libhwloc-dev:arm64
# libfyaml-dev:arm64 libcunit1-dev:arm64 libpsl-dev:arm64 zlib1g-dev:arm64.
ARM64_CC ?= aarch64-linux-gnu-gcc
ARM64_BUILD ?= build/arm64
ARM64_PKG_CONFIG := env PKG_CONFIG_LIBDIR=/usr/lib/aarch64-linux-gnu/pkgconfig:/usr/share/pkgconfig pkg-config
ARM64_DEB := gcc-aarch64-linux-gnu qemu-user-static libssl-dev:arm64 \
             libzstd-dev:arm64 libhwloc-dev:arm64 libfyaml-dev:arm64 \
             libcunit1-dev:arm64 libpsl-dev:arm64 zlib1g-dev:arm64
.PHONY: cross-arm64 test-arm64 deps-arm64
# Installs the cross compiler, qemu and the :arm64 libraries when missing.
deps-arm64:
	@if command -v $(ARM64_CC) >/dev/null && command -v qemu-aarch64-static >/dev/null \
	   && $(ARM64_PKG_CONFIG) --exists $(PKGS) 2>/dev/null; then \
	  echo "deps-arm64: all present"; \
	else \
	  SUDO=; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO dpkg --add-architecture arm64 && $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $(ARM64_DEB); \
	fi

cross-arm64: deps-arm64
	$(MAKE) CC=$(ARM64_CC) AR=aarch64-linux-gnu-ar BUILD=$(ARM64_BUILD) \
	  PKG_CONFIG="$(ARM64_PKG_CONFIG)" $(ARM64_BUILD)/ctscan $(ARM64_BUILD)/ctscan-tests

# ARM64_TEST_ARGS names the suites to run under emulation: by default the
# ones that exercise the ISA-dependent and byte-level code (the DER cursor,
# the sieve and its kernels, feature bits, containers, streams, hostile
# input). The whole suite runs natively on ARM hardware with `make test`;
# under qemu the lint and pipeline suites take tens of minutes.
ARM64_TEST_ARGS ?= der sieve simd features util config bignum container \
                   source dump hostile
test-arm64: cross-arm64
	QEMU_LD_PREFIX=/usr/aarch64-linux-gnu qemu-aarch64-static $(ARM64_BUILD)/ctscan-tests $(ARM64_TEST_ARGS)
	QEMU_LD_PREFIX=/usr/aarch64-linux-gnu qemu-aarch64-static $(ARM64_BUILD)/ctscan --version

# Fuzzing (tests/fuzz/). `make fuzz` builds every target with clang and
# libFuzzer (ASan + UBSan) and runs each for FUZZ_SECONDS; new inputs go to
# $(FUZZ_BUILD)/corpus/<target>, crashes to $(FUZZ_BUILD)/crashes/<target>.
# `make fuzz-replay` builds the same targets with $(CC) (ASan + UBSan with
# SAN=1) and runs each on its seeds and on tests/fuzz/regressions/<target>.
FUZZ_TARGETS := der stream container sieve sieve_openssl lints merkle \
                config stats_json dump zip
FUZZ_SECONDS ?= 60
FUZZ_CC ?= clang
FUZZ_BUILD ?= build/fuzz
FUZZ_ARGS ?=
FUZZ_SAN := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
            -fno-sanitize-recover=undefined
# Seed folders under tests/fuzz/corpus/, per target.
FUZZ_SEEDS_der := certs
FUZZ_SEEDS_stream := stream
FUZZ_SEEDS_container := container
FUZZ_SEEDS_sieve := certs
FUZZ_SEEDS_sieve_openssl := certs
FUZZ_SEEDS_lints := certs
FUZZ_SEEDS_merkle := merkle
FUZZ_SEEDS_config := config
FUZZ_SEEDS_stats_json := stats_json
FUZZ_SEEDS_dump := dump
FUZZ_SEEDS_zip := zip
fuzz_dirs = $(wildcard $(addprefix tests/fuzz/corpus/,$(FUZZ_SEEDS_$(1))) \
                       tests/fuzz/regressions/$(1))
FUZZ_REPLAY_BIN := $(FUZZ_TARGETS:%=$(BUILD)/fuzz-replay/fuzz_%)
FUZZ_REPLAY_OBJ := $(FUZZ_TARGETS:%=$(BUILD)/tests/fuzz/fuzz_%.o) \
                   $(BUILD)/tests/fuzz/replay.o
.PHONY: fuzz fuzz-build fuzz-replay
# Kept between runs (make would delete them as intermediate files).
.SECONDARY: $(FUZZ_REPLAY_OBJ)

$(BUILD)/fuzz-replay/fuzz_%: $(BUILD)/tests/fuzz/fuzz_%.o \
                             $(BUILD)/tests/fuzz/replay.o $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(LDSAN) -o $@ $< $(BUILD)/tests/fuzz/replay.o $(LIB) $(LDLIBS)

-include $(FUZZ_REPLAY_OBJ:.o=.d)

# Every target runs, then the failing ones are named.
fuzz-replay: $(FUZZ_REPLAY_BIN)
	@failed=; \
	$(foreach t,$(FUZZ_TARGETS),echo "fuzz-replay: $(t)"; \
	  $(BUILD)/fuzz-replay/fuzz_$(t) $(call fuzz_dirs,$(t)) || failed="$$failed $(t)";) \
	if [ -n "$$failed" ]; then echo "fuzz-replay: failed:$$failed"; exit 1; fi

# The library is built again by clang with coverage instrumentation, in
# $(FUZZ_BUILD)/lib (warnings are not errors there: gcc's -Werror build is
# the one that checks them).
fuzz-build:
	$(MAKE) CC=$(FUZZ_CC) BUILD=$(FUZZ_BUILD)/lib SAN= \
	  OPT="$(FUZZ_SAN) -fsanitize=fuzzer-no-link" \
	  WARN="-Wall -Wextra -Wno-unused-parameter" $(FUZZ_BUILD)/lib/libctscan.a
	$(foreach t,$(FUZZ_TARGETS),$(FUZZ_CC) -std=c11 $(FUZZ_SAN) -fsanitize=fuzzer \
	  $(CPPFLAGS) $(PKG_CFLAGS) tests/fuzz/fuzz_$(t).c $(FUZZ_BUILD)/lib/libctscan.a \
	  $(LDLIBS) -o $(FUZZ_BUILD)/fuzz_$(t) &&) true

fuzz: fuzz-build
	@failed=; \
	$(foreach t,$(FUZZ_TARGETS),mkdir -p $(FUZZ_BUILD)/corpus/$(t) $(FUZZ_BUILD)/crashes/$(t); \
	  echo "fuzz: $(t) for $(FUZZ_SECONDS) s"; \
	  $(FUZZ_BUILD)/fuzz_$(t) -max_total_time=$(FUZZ_SECONDS) -timeout=20 \
	    -print_final_stats=1 -artifact_prefix=$(FUZZ_BUILD)/crashes/$(t)/ $(FUZZ_ARGS) \
	    $(FUZZ_BUILD)/corpus/$(t) $(call fuzz_dirs,$(t)) \
	    > $(FUZZ_BUILD)/fuzz_$(t).log 2>&1 || failed="$$failed $(t)"; \
	  grep -E 'DONE|stat::number_of_executed_units' $(FUZZ_BUILD)/fuzz_$(t).log | tail -2;) \
	if [ -n "$$failed" ]; then \
	  echo "fuzz: crashes in:$$failed (logs $(FUZZ_BUILD)/fuzz_*.log, inputs $(FUZZ_BUILD)/crashes/)"; \
	  exit 1; fi

install: $(BIN)
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 0755 $(BIN) $(DESTDIR)$(PREFIX)/bin/ctscan

clean:
	rm -rf build ctscan
