/*-------------------------------------------------------------------------
 *
 * arms.h
 *	  The labelled arms of the multi-arm aggregates (anova_test,
 *	  kruskal_test): a growing table of arms found by a hash of their text
 *	  labels, each with a fixed-size payload owned by the aggregate.  No
 *	  fmgr; memory comes from the context given to arm_table_init().
 *
 *-------------------------------------------------------------------------
 */
#ifndef ABSTATS_ARMS_H
#define ABSTATS_ARMS_H

#include "postgres.h"

typedef struct ArmLabel
{
	char	   *label;			/* not NUL-terminated */
	int			len;
	uint32		hash;
} ArmLabel;

typedef struct ArmTable
{
	int			narms;
	int			capacity;
	Size		payload;		/* bytes of each arm's data */
	ArmLabel   *labels;			/* narms labels, in order of appearance */
	char	   *data;			/* narms payloads */
	int		   *slots;			/* open addressing: arm index + 1, 0 empty */
	int			nslots;			/* a power of 2, > 2 * narms */
	MemoryContext cxt;
} ArmTable;

extern void arm_table_init(ArmTable *t, Size payload, MemoryContext cxt);
extern int	arm_table_find(ArmTable *t, const char *label, int len, bool *created);
extern void *arm_table_arm(ArmTable *t, const char *label, int len, bool *created);
extern int *arm_table_order(const ArmTable *t);

/*
 * The payload of arm i.  The table's arrays move when it grows, so do not
 * keep the pointer across arm_table_find().
 */
static inline void *
arm_table_payload(const ArmTable *t, int i)
{
	return t->data + (Size) i * t->payload;
}

#endif							/* ABSTATS_ARMS_H */
