/*-------------------------------------------------------------------------
 *
 * arms.c
 *	  The labelled arms of the multi-arm aggregates: a table of arms in
 *	  order of appearance, found by a hash of their labels (open addressing
 *	  with linear probing, rebuilt as the table doubles), so that any number
 *	  of arms costs O(1) per row.  Labels are compared as bytes.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "common/hashfn.h"

#include "arms.h"

/* Start an empty table whose arms carry `payload` bytes each. */
void
arm_table_init(ArmTable *t, Size payload, MemoryContext cxt)
{
	memset(t, 0, sizeof(ArmTable));
	t->payload = payload;
	t->cxt = cxt;
}

/* Rebuild the hash slots for the current arms, with room for twice as many. */
static void
arm_table_rehash(ArmTable *t)
{
	int			nslots = 16;
	int			i;

	while (nslots <= 4 * t->narms)
		nslots *= 2;
	if (t->slots)
		pfree(t->slots);
	t->slots = MemoryContextAllocZero(t->cxt, sizeof(int) * nslots);
	t->nslots = nslots;
	for (i = 0; i < t->narms; i++)
	{
		int			s = t->labels[i].hash & (nslots - 1);

		while (t->slots[s] != 0)
			s = (s + 1) & (nslots - 1);
		t->slots[s] = i + 1;
	}
}

/*
 * arm_table_find: the index of the arm labelled label[0..len), created
 * with a zeroed payload (and *created set) when new.
 */
int
arm_table_find(ArmTable *t, const char *label, int len, bool *created)
{
	uint32		h = hash_bytes((const unsigned char *) label, len);
	int			s;
	ArmLabel   *l;

	*created = false;
	if (t->slots != NULL)
	{
		for (s = h & (t->nslots - 1); t->slots[s] != 0; s = (s + 1) & (t->nslots - 1))
		{
			l = &t->labels[t->slots[s] - 1];
			if (l->hash == h && l->len == len && memcmp(l->label, label, len) == 0)
				return t->slots[s] - 1;
		}
	}
	if (t->narms == t->capacity)
	{
		int			cap = Max(8, t->capacity * 2);

		if (t->labels == NULL)
		{
			t->labels = MemoryContextAlloc(t->cxt, sizeof(ArmLabel) * cap);
			t->data = MemoryContextAlloc(t->cxt, t->payload * cap);
		}
		else
		{
			t->labels = repalloc(t->labels, sizeof(ArmLabel) * cap);
			t->data = repalloc(t->data, t->payload * cap);
		}
		t->capacity = cap;
	}
	l = &t->labels[t->narms];
	l->label = MemoryContextAlloc(t->cxt, Max(len, 1));
	memcpy(l->label, label, len);
	l->len = len;
	l->hash = h;
	memset(arm_table_payload(t, t->narms), 0, t->payload);
	t->narms++;
	*created = true;
	if (t->slots == NULL || 2 * t->narms >= t->nslots)
		arm_table_rehash(t);
	else
	{
		for (s = h & (t->nslots - 1); t->slots[s] != 0; s = (s + 1) & (t->nslots - 1))
			;
		t->slots[s] = t->narms;
	}
	return t->narms - 1;
}

/* arm_table_find(), returning the arm's payload. */
void *
arm_table_arm(ArmTable *t, const char *label, int len, bool *created)
{
	return arm_table_payload(t, arm_table_find(t, label, len, created));
}

static int
label_cmp(const void *a, const void *b, void *arg)
{
	const ArmTable *t = (const ArmTable *) arg;
	const ArmLabel *x = &t->labels[*(const int *) a];
	const ArmLabel *y = &t->labels[*(const int *) b];
	int			c = memcmp(x->label, y->label, Min(x->len, y->len));

	if (c != 0)
		return c;
	return (x->len > y->len) - (x->len < y->len);
}

/*
 * arm_table_order: the arm indices sorted by label (bytewise, a shorter
 * label before its extensions), palloc'd in the current context; a result
 * that sums over the arms in this order does not depend on the order in
 * which a plan met them.
 */
int *
arm_table_order(const ArmTable *t)
{
	int		   *order = palloc(sizeof(int) * Max(t->narms, 1));
	int			i;

	for (i = 0; i < t->narms; i++)
		order[i] = i;
	qsort_arg(order, t->narms, sizeof(int), label_cmp, (void *) t);
	return order;
}
