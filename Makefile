# postmortem — PGXS build.  `make test` and `make demo` are the two commands a
# new user runs; see README.md.

EXTENSION   = postmortem
EXTVERSION  = 0.2.0

MODULE_big  = postmortem
# One folder per part (README.md, "Layout").  Parts are listed in the order
# their SQL must run: each part may use the objects of the parts before it.
PARTS       = incident recorder analysis fleet document

OBJS        = $(patsubst %.c,%.o,$(sort $(wildcard src/*.c $(addsuffix /*.c,$(addprefix src/,$(PARTS))))))

# The install script: src/header.sql, then each part's SQL files in name
# order (a part whose files depend on each other numbers them).  A part's
# upgrade--*.sql files are its steps of the version upgrade scripts instead.
part_sql    = $(sort $(filter-out %/upgrade--0.1.0--0.2.0.sql,$(wildcard src/$(1)/*.sql)))
INSTALL_SQL = src/header.sql $(foreach p,$(PARTS),$(call part_sql,$(p)))
UPGRADE_SQL = src/upgrade-header.sql $(wildcard $(foreach p,$(PARTS),src/$(p)/upgrade--0.1.0--0.2.0.sql))

DATA        = upgrade/$(EXTENSION)--0.1.0.sql
DATA_built  = $(EXTENSION)--$(EXTVERSION).sql $(EXTENSION)--0.1.0--$(EXTVERSION).sql
EXTRA_CLEAN = $(DATA_built)

# pg_regress tests are sql/<part>_<name>.sql, run part by part in PARTS order.
REGRESS      = $(foreach p,$(PARTS),$(patsubst sql/%.sql,%,$(sort $(wildcard sql/$(p)_*.sql))))
REGRESS_OPTS = --inputdir=. --load-extension=$(EXTENSION)
# Isolation specs (concurrency: several sessions, locks): specs/<name>.spec +
# expected/<name>.out, run by pg_isolation_regress in `make installcheck`.
# The server needs max_prepared_transactions > 0 (test/support/run-tests.sh).
ISOLATION      = $(patsubst specs/%.spec,%,$(sort $(wildcard specs/*.spec)))
ISOLATION_OPTS = --inputdir=. --load-extension=$(EXTENSION)

PG_CONFIG  ?= pg_config
PG_CPPFLAGS = -I$(srcdir)/src
SHLIB_LINK += -lcmark-gfm -lcmark-gfm-extensions
# The module's own functions and variables bound at link time, not looked up
# at load: PostgreSQL dlopen()s with RTLD_NOW, and each of the ~170 references
# between our files would otherwise search every library the server loaded
# before reaching ours (PostgreSQL links its own modules so on the BSDs and
# Solaris; docs/recorder.md, "Cost").
SHLIB_LINK += -Wl,-Bsymbolic

PGXS := $(shell $(PG_CONFIG) --pgxs 2>/dev/null)
ifneq ($(PGXS),)
include $(PGXS)
endif
# the row hash calls OpenSSL's digest API itself when the server has it (src/recorder/chain.c)
ifeq ($(with_ssl),openssl)
SHLIB_LINK += -lcrypto
endif

# PGXS tracks no header dependencies (without --enable-depend): every object
# depends on every header of the extension, so that a changed struct never
# leaves an object built against the old one (a crash, not a build error).
$(OBJS): $(wildcard src/*.h $(addsuffix /*.h,$(addprefix src/,$(PARTS))))

$(EXTENSION)--$(EXTVERSION).sql: $(INSTALL_SQL) Makefile
	cat $(INSTALL_SQL) > $@

# A step includes an install file whole (an object new in this version is
# created by the same text on both paths) with a line `\ir <file>`, the file
# named relative to the step's folder, as psql's \ir would read it.
$(EXTENSION)--0.1.0--$(EXTVERSION).sql: $(UPGRADE_SQL) $(INSTALL_SQL) src/include.awk Makefile
	awk -f src/include.awk $(UPGRADE_SQL) > $@.tmp && mv $@.tmp $@

# PGVERSION=17 or 18 runs `make test` / `make demo` against that version in a
# Debian chroot (test/support/chroot.sh); unset, this Debian's own (15).  To
# build against a server of your own: make PG_CONFIG=/path/to/pg_config.
PGVERSION ?=
export PGVERSION

.PHONY: test demo demo-stop deps print-parts
print-parts:
	@echo $(PARTS)

deps:
	bash test/support/deps.sh

test:
	bash test/support/run-tests.sh

demo:
	bash demo/demo.sh

demo-stop:
	bash demo/demo.sh stop
