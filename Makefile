# postmortem — PGXS build.  `make test` and `make demo` are the two commands a
# new user runs; see README.md.

EXTENSION   = postmortem
EXTVERSION  = 0.1.0

MODULE_big  = postmortem
OBJS        = $(patsubst %.c,%.o,$(sort $(wildcard src/*.c)))

# The install script is assembled from one SQL file per module, kept beside
# that module's C file in src/.  Order matters: types before tables, tables
# before the functions and views that use them.
SQL_MODULES = severity incident lifecycle durations views recorder culprit evidence \
              markdown_import markdown_report
DATA_built  = $(EXTENSION)--$(EXTVERSION).sql
EXTRA_CLEAN = $(EXTENSION)--$(EXTVERSION).sql

REGRESS      = $(patsubst sql/%.sql,%,$(sort $(wildcard sql/*.sql)))
REGRESS_OPTS = --inputdir=. --load-extension=$(EXTENSION)

PG_CONFIG  ?= pg_config
PG_CPPFLAGS = -I$(srcdir)/src
SHLIB_LINK += 

PGXS := $(shell $(PG_CONFIG) --pgxs 2>/dev/null)
ifneq ($(PGXS),)
include $(PGXS)
endif

$(EXTENSION)--$(EXTVERSION).sql: src/header.sql $(addprefix src/,$(addsuffix .sql,$(SQL_MODULES))) Makefile
	cat src/header.sql $(addprefix src/,$(addsuffix .sql,$(SQL_MODULES))) > $@

.PHONY: test demo demo-stop deps
deps:
	bash test/support/deps.sh

test:
	bash test/support/run-tests.sh

demo:
	bash demo/demo.sh

demo-stop:
	bash -c '. test/support/server.sh && pm_server_stop /tmp/postmortem-demo'
