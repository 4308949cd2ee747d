/* The machine's topology, loaded once before any worker starts (hwloc),
 * and scratch buffers placed on a worker's NUMA node. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "scan_internal.h"

cts_status cts_topo_load(cts_topo *topo) {
  int cores;
  memset(topo, 0, sizeof(*topo));
  if (hwloc_topology_init(&topo->topology) != 0) {
    topo->topology = NULL;
  } else if (hwloc_topology_load(topo->topology) != 0) {
    hwloc_topology_destroy(topo->topology);
    topo->topology = NULL;
  }
  cores = topo->topology != NULL
              ? hwloc_get_nbobjs_by_type(topo->topology, HWLOC_OBJ_CORE)
              : 0;
  if (cores <= 0 && topo->topology != NULL)
    cores = hwloc_get_nbobjs_by_type(topo->topology, HWLOC_OBJ_PU);
  if (cores <= 0) {
    long online = sysconf(_SC_NPROCESSORS_ONLN);
    cores = online > 0 && online < INT_MAX ? (int)online : 1;
  }
  topo->cores = (unsigned)cores;
  return CTS_OK;
}

void cts_topo_free(cts_topo *topo) {
  if (topo->topology != NULL) hwloc_topology_destroy(topo->topology);
  memset(topo, 0, sizeof(*topo));
}

hwloc_cpuset_t *cts_topo_distribute(const cts_topo *topo, unsigned n) {
  hwloc_obj_t root;
  hwloc_cpuset_t *sets;
  if (topo->topology == NULL || n == 0) return NULL;
  sets = calloc(n, sizeof(*sets));
  if (sets == NULL) return NULL;
  root = hwloc_get_root_obj(topo->topology);
  /* One set per worker, spread so that each gets as much private cache as
   * the machine has, neighbours next to each other. */
  if (hwloc_distrib(topo->topology, &root, 1, sets, n, INT_MAX, 0) != 0)
    goto free_sets;
  for (unsigned i = 0; i < n; i++) {
    if (sets[i] == NULL) goto free_sets;
    /* One PU when the workers fill the machine: the thread never moves.
     * With fewer workers than cores each keeps the whole part hwloc gave
     * it (a NUMA node, a package, the machine): pinned to single PUs,
     * two scans of one worker each would both run on PU 0. */
    if (n >= topo->cores) hwloc_bitmap_singlify(sets[i]);
  }
  return sets;
free_sets:
  for (unsigned i = 0; i < n; i++)
    if (sets[i] != NULL) hwloc_bitmap_free(sets[i]);
  free(sets);
  return NULL;
}
