/* Batches of whole entries and the bounded queue that carries them from
 * the decompressing thread to the workers.
 *
 * A batch owns copies of its entries' bytes (certificate, TBS,
 * pre-certificate, chain, issuer key hash), so the decompressing thread's
 * window can move on. Batches are recycled: at most `limit` exist, so the
 * memory of the hand-off is limit x CTS_BATCH_BYTES (plus any single entry
 * bigger than that), whatever the size of the input. */
#include <stdlib.h>
#include <string.h>

#include "scan_internal.h"

static size_t copy_span(cts_batch *b, const uint8_t *p, size_t len) {
  size_t at = b->used;
  if (len != 0) memcpy(b->arena + at, p, len);
  b->used += len;
  return at;
}

cts_status cts_batch_add(cts_batch *b, const cts_entry *e) {
  size_t need = e->cert.len + e->tbs.len + e->pre_cert.len + e->chain.len +
                (e->issuer_key_hash != NULL ? 32 : 0);
  cts_batch_item *it;
  if (b->n == CTS_BATCH_ENTRIES || need > b->cap - b->used) {
    uint8_t *grown;
    if (b->n != 0) return CTS_ERR_LIMIT;
    /* One entry bigger than a batch: the batch grows to hold it. */
    grown = realloc(b->arena, need);
    if (grown == NULL) return CTS_ERR_NOMEM;
    b->arena = grown;
    b->cap = need;
  }
  it = &b->items[b->n++];
  it->index = e->index;
  it->timestamp_ms = e->timestamp_ms;
  it->offset = e->offset;
  it->input = e->input;
  it->type = (uint8_t)e->type;
  it->index_known = (uint8_t)e->index_known;
  it->chain_is_fingerprints = (uint8_t)e->chain_is_fingerprints;
  it->cert_len = e->cert.len;
  it->cert_off = copy_span(b, e->cert.data, e->cert.len);
  it->tbs_len = e->tbs.len;
  it->tbs_off = copy_span(b, e->tbs.data, e->tbs.len);
  it->pre_len = e->pre_cert.len;
  it->pre_off = copy_span(b, e->pre_cert.data, e->pre_cert.len);
  it->chain_len = e->chain.len;
  it->chain_off = copy_span(b, e->chain.data, e->chain.len);
  it->has_ikh = e->issuer_key_hash != NULL;
  it->ikh_off = it->has_ikh ? copy_span(b, e->issuer_key_hash, 32) : 0;
  return CTS_OK;
}

void cts_batch_get(const cts_batch *b, size_t i, cts_entry *out) {
  const cts_batch_item *it = &b->items[i];
  memset(out, 0, sizeof(*out));
  out->index = it->index;
  out->index_known = it->index_known;
  out->timestamp_ms = it->timestamp_ms;
  out->type = (cts_entry_type)it->type;
  cts_der_init(&out->cert, b->arena + it->cert_off, it->cert_len);
  cts_der_init(&out->tbs, b->arena + it->tbs_off, it->tbs_len);
  cts_der_init(&out->pre_cert, b->arena + it->pre_off, it->pre_len);
  cts_der_init(&out->chain, b->arena + it->chain_off, it->chain_len);
  out->chain_is_fingerprints = it->chain_is_fingerprints;
  out->issuer_key_hash = it->has_ikh ? b->arena + it->ikh_off : NULL;
  out->input = it->input;
  out->offset = it->offset;
}

static cts_batch *batch_new(void) {
  cts_batch *b = calloc(1, sizeof(*b));
  if (b == NULL) return NULL;
  b->arena = malloc(CTS_BATCH_BYTES);
  b->items = malloc(CTS_BATCH_ENTRIES * sizeof(*b->items));
  if (b->arena == NULL || b->items == NULL) {
    free(b->arena);
    free(b->items);
    free(b);
    return NULL;
  }
  b->cap = CTS_BATCH_BYTES;
  return b;
}

static void batch_free(cts_batch *b) {
  free(b->arena);
  free(b->items);
  free(b);
}

cts_status cts_batch_queue_init(cts_batch_queue *q, size_t limit) {
  memset(q, 0, sizeof(*q));
  q->limit = limit < 2 ? 2 : limit;
  if (pthread_mutex_init(&q->mu, NULL) != 0) return CTS_ERR_NOMEM;
  if (pthread_cond_init(&q->can_pop, NULL) != 0) goto destroy_mutex;
  if (pthread_cond_init(&q->can_take, NULL) != 0) goto destroy_can_pop;
  return CTS_OK;
destroy_can_pop:
  pthread_cond_destroy(&q->can_pop);
destroy_mutex:
  pthread_mutex_destroy(&q->mu);
  return CTS_ERR_NOMEM;
}

void cts_batch_queue_free(cts_batch_queue *q) {
  cts_batch *b, *next;
  for (b = q->head; b != NULL; b = next) {
    next = b->next;
    batch_free(b);
  }
  for (b = q->free_list; b != NULL; b = next) {
    next = b->next;
    batch_free(b);
  }
  pthread_cond_destroy(&q->can_take);
  pthread_cond_destroy(&q->can_pop);
  pthread_mutex_destroy(&q->mu);
}

cts_batch *cts_batch_take(cts_batch_queue *q, cts_status *out_status) {
  cts_batch *b = NULL;
  *out_status = CTS_OK;
  pthread_mutex_lock(&q->mu);
  for (;;) {
    if (q->aborted) {
      *out_status = CTS_ERR_STOP;
      break;
    }
    if (q->free_list != NULL) {
      b = q->free_list;
      q->free_list = b->next;
      break;
    }
    if (q->allocated < q->limit) {
      q->allocated++;
      pthread_mutex_unlock(&q->mu);
      b = batch_new();
      if (b == NULL) {
        *out_status = CTS_ERR_NOMEM;
        pthread_mutex_lock(&q->mu);
        q->allocated--;
        break;
      }
      b->used = b->n = 0;
      b->input_bytes = 0;
      b->next = NULL;
      return b;
    }
    pthread_cond_wait(&q->can_take, &q->mu);
  }
  pthread_mutex_unlock(&q->mu);
  if (b != NULL) {
    b->used = b->n = 0;
    b->input_bytes = 0;
    b->next = NULL;
  }
  return b;
}

void cts_batch_push(cts_batch_queue *q, cts_batch *b) {
  pthread_mutex_lock(&q->mu);
  b->next = NULL;
  if (q->tail != NULL)
    q->tail->next = b;
  else
    q->head = b;
  q->tail = b;
  pthread_cond_signal(&q->can_pop);
  pthread_mutex_unlock(&q->mu);
}

static cts_batch *pop_locked(cts_batch_queue *q) {
  cts_batch *b = q->head;
  if (b != NULL) {
    q->head = b->next;
    if (q->head == NULL) q->tail = NULL;
    b->next = NULL;
  }
  return b;
}

cts_batch *cts_batch_try_pop(cts_batch_queue *q) {
  cts_batch *b;
  pthread_mutex_lock(&q->mu);
  b = q->aborted ? NULL : pop_locked(q);
  pthread_mutex_unlock(&q->mu);
  return b;
}

cts_batch *cts_batch_pop(cts_batch_queue *q) {
  cts_batch *b = NULL;
  pthread_mutex_lock(&q->mu);
  while (!q->aborted && (b = pop_locked(q)) == NULL && !q->done)
    pthread_cond_wait(&q->can_pop, &q->mu);
  pthread_mutex_unlock(&q->mu);
  return b;
}

void cts_batch_release(cts_batch_queue *q, cts_batch *b) {
  pthread_mutex_lock(&q->mu);
  if (b->cap > CTS_BATCH_BYTES) {
    /* An oversized batch goes back to its normal size. */
    uint8_t *small = realloc(b->arena, CTS_BATCH_BYTES);
    if (small != NULL) {
      b->arena = small;
      b->cap = CTS_BATCH_BYTES;
    }
  }
  b->next = q->free_list;
  q->free_list = b;
  pthread_cond_signal(&q->can_take);
  pthread_mutex_unlock(&q->mu);
}

void cts_batch_queue_done(cts_batch_queue *q) {
  pthread_mutex_lock(&q->mu);
  q->done = 1;
  pthread_cond_broadcast(&q->can_pop);
  pthread_mutex_unlock(&q->mu);
}

void cts_batch_queue_abort(cts_batch_queue *q) {
  pthread_mutex_lock(&q->mu);
  q->aborted = 1;
  pthread_cond_broadcast(&q->can_pop);
  pthread_cond_broadcast(&q->can_take);
  pthread_mutex_unlock(&q->mu);
}
