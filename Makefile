# abstats: PGXS build.  `make && make install`, then CREATE EXTENSION abstats.
EXTENSION = abstats
EXTVERSION = $(shell sed -n "s/^default_version = '\(.*\)'/\1/p" abstats.control)

MODULE_big = abstats
OBJS = $(patsubst %.c,%.o,$(sort $(wildcard src/*.c)))

# Install scripts.  The current version's is assembled from one fragment
# per family of functions (sql/install/NN_name.sql, in name order); earlier
# versions' are kept in sql/ exactly as released (sql/abstats--0.1.0.sql).
# The update script from A to B, sql/abstats--A--B.sql, is assembled from the
# files listed in order in sql/update/A--B.list: the hand-written changes to
# objects that A already had (sql/update/A--B*.sql) and the install
# fragments that are wholly new in B.  test/checks/upgrade proves that an
# updated database has exactly the objects of a fresh install.
UPDATE_LISTS = $(sort $(wildcard sql/update/*.list))
UPDATES_BUILT = $(patsubst sql/update/%.list,sql/$(EXTENSION)--%.sql,$(UPDATE_LISTS))
DATA_built = sql/$(EXTENSION)--$(EXTVERSION).sql $(UPDATES_BUILT)
DATA = $(filter-out $(DATA_built),$(wildcard sql/$(EXTENSION)--*.sql))

# Regression tests: every sql/*.sql except the install scripts.
TESTS = $(filter-out sql/$(EXTENSION)--%,$(sort $(wildcard sql/*.sql)))
REGRESS = $(patsubst sql/%.sql,%,$(TESTS))
REGRESS_OPTS = --load-extension=$(EXTENSION)

GSL_CONFIG ?= gsl-config
PG_CPPFLAGS = $(shell $(GSL_CONFIG) --cflags)
SHLIB_LINK = $(shell $(GSL_CONFIG) --libs)
PG_CFLAGS = -Wall -Wextra -Wno-unused-parameter -Wno-missing-field-initializers $(ABSTATS_CFLAGS)

EXTRA_CLEAN = $(DATA_built) results regression.diffs regression.out

PG_CONFIG ?= pg_config
PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

sql/$(EXTENSION)--$(EXTVERSION).sql: $(sort $(wildcard sql/install/*.sql))
	cat $^ > $@

# A list names one file per line; '#' starts a comment.
update_files = $(shell sed 's/\#.*//' $(1))
$(UPDATES_BUILT): sql/$(EXTENSION)--%.sql: sql/update/%.list $(foreach l,$(UPDATE_LISTS),$(call update_files,$(l)))
	cat $(call update_files,$<) > $@

# PGXS tracks no header dependencies: rebuild every object when a header changes.
$(OBJS): $(wildcard src/*.h)
