/* One self-contained HTML page: no script, no network, inline CSS and
 * SVG. The per-CA table (worst misissuance rate first), per-lint bars
 * across all CAs, a per-day chart of each CA with findings, and examples
 * linking to crt.sh. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ctscan/config.h"
#include "ctscan/report.h"
#include "ctscan/sha256.h"
#include "ctscan/sieve.h"
#include "ctscan/version.h"

#define MAX_CHART_DAYS 400

/* HTML 5 text and attribute escaping (& < > " '). */
static void esc(FILE *out, const char *s) {
  for (; *s; s++) {
    switch (*s) {
      case '&': fputs("&amp;", out); break;
      case '<': fputs("&lt;", out); break;
      case '>': fputs("&gt;", out); break;
      case '"': fputs("&quot;", out); break;
      case '\'': fputs("&#39;", out); break;
      default: fputc(*s, out);
    }
  }
}

static void date_of(int64_t t, char *buf, size_t len) {
  time_t tt = (time_t)t;
  struct tm tm;
  if (gmtime_r(&tt, &tm) == NULL) snprintf(buf, len, "?");
  else strftime(buf, len, "%Y-%m-%d", &tm);
}

static void head(FILE *out) {
  fputs("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
        "<title>ctscan report</title>\n<style>\n"
        "body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222}\n"
        "table{border-collapse:collapse;margin:1em 0}\n"
        "th,td{border:1px solid #ccc;padding:3px 8px;text-align:left;vertical-align:top;"
        "overflow-wrap:anywhere}\n"
        "td:first-child{max-width:42em}\n"
        "td.n{text-align:right;font-variant-numeric:tabular-nums}\n"
        "th{background:#f3f3f3}\n.bar{fill:#c0392b}.all{fill:#95a5a6}\n"
        "b.bad{color:#c0392b}\n"
        "code{font-size:12px}\n</style></head><body>\n", out);
}

static void totals(FILE *out, const cts_stats *stats) {
  fprintf(out, "<h1>ctscan report</h1>\n<p>ctscan %s: %" PRIu64 " entries (%" PRIu64
          " x509, %" PRIu64 " precert), %" PRIu64 " clean, %" PRIu64
          " flagged, %" PRIu64 " unparseable, %zu CAs.</p>\n",
          CTS_VERSION, stats->entries, stats->x509, stats->precert,
          stats->clean, stats->flagged, stats->unparseable, stats->n_cas);
}

/* What the whole issuance of a CA shows (design.md "Population lints"):
 * the findings in bold red, the rest as plain numbers. */
static void population_cell(FILE *out, const cts_config *config,
                            const cts_ca_stats *ca) {
  cts_pop_result r;
  if (ca->population == NULL ||
      cts_pop_result_get(ca->population, ca->entries,
                         config != NULL ? &config->thresholds : NULL,
                         &r) != CTS_OK)
    return;
  if (r.entropy_known)
    fprintf(out, "%sserial entropy %.1f bits%s", r.entropy_low ? "<b class=\"bad\">" : "",
            r.serial_entropy_bits, r.entropy_low ? "</b>" : "");
  else
    fputs("serial entropy: too few serials", out);
  if (r.sequential_runs > 0)
    fprintf(out, "<br><b class=\"bad\">%" PRIu64 " sequential serial runs</b> (longest %u)",
            r.sequential_runs, r.longest_run);
  if (r.duplicate_serials > 0)
    fprintf(out, "<br><b class=\"bad\">%" PRIu64 " duplicate serials</b>", r.duplicate_serials);
  if (r.typo_reissues > 0)
    fprintf(out, "<br><b class=\"bad\">%" PRIu64 " typo reissues</b>", r.typo_reissues);
  fprintf(out, "<br>%" PRIu64 " profiles", r.profiles);
  if (r.rare_profiles > 0) fprintf(out, ", %" PRIu64 " rare", r.rare_profiles);
}

static void ca_table(FILE *out, const cts_stats *stats, const cts_config *config,
                     const cts_ca_stats **cas, size_t n) {
  size_t n_lints;
  const cts_lint *lints = cts_lints(&n_lints);
  fputs("<h2>Certificate authorities</h2>\n<table id=\"cas\">\n<thead><tr>"
        "<th>CA (issuer DN)</th><th>owner</th><th>entries</th><th>issuances</th>"
        "<th>flagged</th><th>with errors</th><th>error rate</th><th>top lints</th>"
        "<th>population</th>"
        "</tr></thead>\n<tbody>\n",
        out);
  for (size_t i = 0; i < n; i++) {
    const cts_ca_stats *ca = cas[i];
    char dn[1024], id[2 * CTS_CA_ID_LEN + 1];
    size_t idx[3], k = cts_report_top_lints(stats, ca, idx, 3);
    const char *owner = cts_config_owner(config, ca);
    cts_name_format(ca->issuer_dn, ca->issuer_dn_len, dn, sizeof(dn));
    cts_hex(ca->id, CTS_CA_ID_LEN, id);
    fprintf(out, "<tr class=\"ca\"><td><a href=\"#ca-%s\">", id);
    esc(out, dn[0] != 0 ? dn : "(empty issuer DN)");
    fputs("</a></td><td>", out);
    esc(out, owner != NULL ? owner : "");
    fprintf(out, "</td><td class=\"n\">%" PRIu64 "</td><td class=\"n\">%" PRIu64
            "</td><td class=\"n\">%" PRIu64 "</td><td class=\"n\">%" PRIu64
            "</td><td class=\"n\">%.2f%%</td><td>",
            ca->entries, cts_ca_unique_issuances(ca), ca->flagged, ca->with_errors,
            ca->entries ? 100.0 * (double)ca->with_errors / (double)ca->entries : 0.0);
    for (size_t t = 0; t < k; t++)
      fprintf(out, "%s<code>%s</code> %" PRIu64, t ? "<br>" : "",
              idx[t] < n_lints ? lints[idx[t]].name : "?",
              cts_ca_lint_total(ca->lints[idx[t]]));
    fputs("</td><td>", out);
    population_cell(out, config, ca);
    fputs("</td></tr>\n", out);
  }
  fputs("</tbody></table>\n", out);
}

/* Horizontal bars: issuances with findings per lint, over all CAs. */
static void lint_bars(FILE *out, const cts_stats *stats) {
  size_t n_lints, rows = 0;
  const cts_lint *lints = cts_lints(&n_lints);
  uint64_t *totals = calloc(stats->n_lints + 1, sizeof(*totals)), max = 0;
  if (totals == NULL) return;
  for (size_t c = 0; c < stats->cap; c++) {
    const cts_ca_stats *ca = &stats->cas[c];
    if (ca->issuer_dn == NULL) continue;
    for (size_t i = 0; i < stats->n_lints; i++)
      totals[i] += cts_ca_lint_total(ca->lints[i]);
  }
  for (size_t i = 0; i < stats->n_lints; i++) {
    if (totals[i] > max) max = totals[i];
    rows += totals[i] > 0;
  }
  fputs("<h2>Findings per lint</h2>\n", out);
  if (rows == 0) {
    fputs("<p>No findings.</p>\n", out);
    free(totals);
    return;
  }
  fprintf(out, "<svg width=\"900\" height=\"%zu\" role=\"img\" aria-label=\"findings per lint\">\n",
          rows * 18 + 4);
  size_t y = 0;
  for (size_t i = 0; i < stats->n_lints && i < n_lints; i++) {
    if (totals[i] == 0) continue;
    double w = 480.0 * (double)totals[i] / (double)max;
    fprintf(out, "<text x=\"0\" y=\"%zu\" font-size=\"12\">%s</text>"
            "<rect class=\"bar\" x=\"400\" y=\"%zu\" width=\"%.1f\" height=\"14\"/>"
            "<text x=\"%.1f\" y=\"%zu\" font-size=\"12\">%" PRIu64 "</text>\n",
            y * 18 + 14, lints[i].name, y * 18 + 2, w < 1 ? 1 : w,
            405 + (w < 1 ? 1 : w), y * 18 + 14, totals[i]);
    y++;
  }
  fputs("</svg>\n", out);
  free(totals);
}

static int by_key(const void *a, const void *b) {
  int64_t x = (int64_t)(*(const cts_u64map_slot *const *)a)->key;
  int64_t y = (int64_t)(*(const cts_u64map_slot *const *)b)->key;
  return x < y ? -1 : x > y;
}

/* Entries (grey) and flagged entries (red) per day of notBefore, the last
 * MAX_CHART_DAYS days that have entries. */
static void day_chart(FILE *out, const cts_ca_stats *ca) {
  const cts_u64map_slot **days = malloc((ca->per_day.count + 1) * sizeof(*days));
  size_t n = 0, first;
  uint64_t max = 1;
  char a[16], b[16];
  if (days == NULL) return;
  for (size_t i = 0; i < ca->per_day.cap; i++)
    if (ca->per_day.slots[i].used) days[n++] = &ca->per_day.slots[i];
  qsort(days, n, sizeof(*days), by_key);
  first = n > MAX_CHART_DAYS ? n - MAX_CHART_DAYS : 0;
  for (size_t i = first; i < n; i++)
    if (days[i]->a > max) max = days[i]->a;
  if (n == 0) {
    free(days);
    return;
  }
  date_of((int64_t)days[first]->key * 86400, a, sizeof(a));
  date_of((int64_t)days[n - 1]->key * 86400, b, sizeof(b));
  fprintf(out, "<p>Entries and flagged entries per day of notBefore, %s to %s (max %" PRIu64 "/day):</p>\n"
          "<svg width=\"%zu\" height=\"84\" role=\"img\" aria-label=\"per day\">\n",
          a, b, max, (n - first) * 2 + 2);
  for (size_t i = first; i < n; i++) {
    double h = 80.0 * (double)days[i]->a / (double)max;
    double f = 80.0 * (double)days[i]->b / (double)max;
    size_t x = (i - first) * 2;
    fprintf(out, "<rect class=\"all\" x=\"%zu\" y=\"%.1f\" width=\"2\" height=\"%.1f\"/>", x,
            82 - h, h);
    if (days[i]->b > 0)
      fprintf(out, "<rect class=\"bar\" x=\"%zu\" y=\"%.1f\" width=\"2\" height=\"%.1f\"/>", x,
              82 - f, f < 1 ? 1 : f);
  }
  fputs("\n</svg>\n", out);
  free(days);
}

static void ca_sections(FILE *out, const cts_stats *stats,
                        const cts_ca_stats **cas, size_t n) {
  size_t n_lints;
  const cts_lint *lints = cts_lints(&n_lints);
  for (size_t c = 0; c < n; c++) {
    const cts_ca_stats *ca = cas[c];
    char dn[1024], id[2 * CTS_CA_ID_LEN + 1];
    if (ca->flagged == 0) continue;
    cts_name_format(ca->issuer_dn, ca->issuer_dn_len, dn, sizeof(dn));
    cts_hex(ca->id, CTS_CA_ID_LEN, id);
    fprintf(out, "<h3 id=\"ca-%s\">", id);
    esc(out, dn);
    fputs("</h3>\n", out);
    day_chart(out, ca);
    fputs("<table><tr><th>lint</th><th>error</th><th>warn</th><th>info</th>"
          "<th>first notBefore</th><th>last notBefore</th><th>examples</th></tr>\n", out);
    for (size_t i = 0; i < stats->n_lints && i < n_lints; i++) {
      const cts_ca_lint *l = ca->lints[i];
      char first[16], last[16];
      if (l == NULL) continue;
      date_of(l->first_not_before, first, sizeof(first));
      date_of(l->last_not_before, last, sizeof(last));
      fprintf(out, "<tr><td><code>%s</code></td><td class=\"n\">%" PRIu64
              "</td><td class=\"n\">%" PRIu64 "</td><td class=\"n\">%" PRIu64
              "</td><td>%s</td><td>%s</td><td>",
              lints[i].name, l->counts[2], l->counts[1], l->counts[0], first, last);
      for (uint32_t e = 0; e < l->n_examples; e++) {
        char hex[65];
        cts_hex(l->examples[e].sha256, 32, hex);
        if (l->examples[e].is_tbs)
          fprintf(out, "%s#%" PRIu64, e ? " " : "", l->examples[e].index);
        else
          fprintf(out, "%s<a href=\"https://crt.sh/?sha256=%s\">#%" PRIu64 "</a>",
                  e ? " " : "", hex, l->examples[e].index);
      }
      fputs("</td></tr>\n", out);
    }
    fputs("</table>\n", out);
  }
}

cts_status cts_report_html(const cts_stats *stats, const cts_config *config,
                           FILE *out) {
  size_t n;
  const cts_ca_stats **cas = cts_report_cas_by_rate(stats, &n);
  if (cas == NULL && stats->n_cas > 0) return CTS_ERR_NOMEM;
  head(out);
  totals(out, stats);
  ca_table(out, stats, config, cas, n);
  lint_bars(out, stats);
  fputs("<h2>CAs with findings</h2>\n", out);
  ca_sections(out, stats, cas, n);
  fputs("</body></html>\n", out);
  free(cas);
  return ferror(out) ? CTS_ERR_IO : CTS_OK;
}
