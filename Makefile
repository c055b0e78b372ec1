# abstats: PGXS build.  `make && make install`, then CREATE EXTENSION abstats.
EXTENSION = abstats
EXTVERSION = $(shell sed -n "s/^default_version = '\(.*\)'/\1/p" abstats.control)

MODULE_big = abstats
OBJS = $(patsubst %.c,%.o,$(sort $(wildcard src/*.c)))

# The install script is assembled from one fragment per family of functions
# (sql/install/NN_name.sql, in name order) into the versioned file.
DATA_built = sql/$(EXTENSION)--$(EXTVERSION).sql
DATA = $(wildcard sql/$(EXTENSION)--*--*.sql)

# Regression tests: every sql/*.sql except the install scripts.
TESTS = $(filter-out sql/$(EXTENSION)--%,$(sort $(wildcard sql/*.sql)))
REGRESS = $(patsubst sql/%.sql,%,$(TESTS))
REGRESS_OPTS = --load-extension=$(EXTENSION)

GSL_CONFIG ?= gsl-config
PG_CPPFLAGS = $(shell $(GSL_CONFIG) --cflags)
SHLIB_LINK = $(shell $(GSL_CONFIG) --libs)
PG_CFLAGS = -Wall -Wextra -Wno-unused-parameter -Wno-missing-field-initializers $(ABSTATS_CFLAGS)

EXTRA_CLEAN = sql/$(EXTENSION)--$(EXTVERSION).sql results regression.diffs regression.out

PG_CONFIG ?= pg_config
PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

sql/$(EXTENSION)--$(EXTVERSION).sql: $(sort $(wildcard sql/install/*.sql))
	cat $^ > $@

# PGXS tracks no header dependencies: rebuild every object when a header changes.
$(OBJS): $(wildcard src/*.h)
