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

corpus-test: $(BIN)
	CTSCAN=$(BIN) sh tests/corpus/run.sh
	CTSCAN=$(BIN) sh tests/corpus/html.sh

test: deps
	$(MAKE) unit-test corpus-test

asan: deps
	$(MAKE) BUILD=build/asan SAN=1 unit-test corpus-test

demo: deps
	$(MAKE) ctscan
	./ctscan scan corpus/navigli2025h2 corpus/rfc6962/get-entries-2013-pilot.json corpus/zlint

$(BUILD)/bench-openssl: $(BUILD)/bench/openssl_baseline.o $(LIB)
	$(CC) -o $@ $< $(LIB) $(LDLIBS)

bench: deps
	$(MAKE) ctscan $(BUILD)/bench-openssl
	sh bench/run.sh ./ctscan $(BUILD)/bench-openssl

install: $(BIN)
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 0755 $(BIN) $(DESTDIR)$(PREFIX)/bin/ctscan

clean:
	rm -rf build ctscan
