# Reference values for src/core/agreement (inter-coder agreement), computed independently in base R.
# Run from the repository root:   Rscript test/reference/agreement-reference.R
# Writes test/reference/agreement-reference.json, which the unit tests read (CI never needs R).
#
# Each case is a tiny study: transcripts (their length in code points) and two coders' codings as
# [start, end) code-point ranges with a code. R works unit by unit, the way the definitions read:
#   character:  a logical vector per coder over every code point of the compared transcripts;
#   transcript: does the coder use the code in the transcript (0/1);
#   segment:    greedy one-to-one matching of segments by intersection over union >= threshold.
# Cohen's kappa from the 2x2 table; Krippendorff's alpha (nominal) from the coincidence matrix, checked
# below against Krippendorff's own worked example before anything is written.
suppressPackageStartupMessages(library(jsonlite))

# ---- Krippendorff's alpha, nominal, by the coincidence matrix (Krippendorff 2011, "Computing
# Krippendorff's Alpha-Reliability") -------------------------------------------------------------------
kripp_nominal <- function(m) {                  # m: coders x units, NA = missing
  units <- lapply(seq_len(ncol(m)), function(u) m[!is.na(m[, u]), u])
  units <- Filter(function(v) length(v) >= 2, units)
  values <- sort(unique(unlist(units)))
  if (length(unlist(units)) < 2) return(NULL)
  if (length(values) < 2) return(NULL)
  o <- matrix(0, length(values), length(values))
  for (v in units) {
    mu <- length(v)
    for (i in seq_along(v)) for (j in seq_along(v)) if (i != j) {
      a <- match(v[i], values); b <- match(v[j], values)
      o[a, b] <- o[a, b] + 1 / (mu - 1)
    }
  }
  nc <- rowSums(o); n <- sum(nc)
  delta <- 1 - diag(length(values))
  1 - (n - 1) * sum(o * delta) / sum(outer(nc, nc) * delta)
}
# Krippendorff's reliability data with missing values (4 coders x 12 units); he reports alpha = 0.743.
example <- rbind(c(1, 2, 3, 3, 2, 1, 4, 1, 2, NA, NA, NA),
                 c(1, 2, 3, 3, 2, 2, 4, 1, 2, 5, NA, 3),
                 c(NA, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, NA),
                 c(1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, NA))
stopifnot(abs(kripp_nominal(example) - 0.743) < 5e-4)

kappa2x2 <- function(both, first, second, neither) {
  n <- both + first + second + neither
  if (n == 0) return(NULL)
  po <- (both + neither) / n
  pe <- ((both + first) / n) * ((both + second) / n) + ((second + neither) / n) * ((first + neither) / n)
  if (pe == 1) return(NULL)
  (po - pe) / (1 - pe)
}
percent <- function(agree, n) if (n == 0) NULL else agree / n
table_of <- function(a, b) list(both = sum(a & b), first = sum(a & !b), second = sum(!a & b), neither = sum(!a & !b))
with_figures <- function(t) c(t, list(percent = percent(t$both + t$neither, t$both + t$first + t$second + t$neither),
                                      kappa = kappa2x2(t$both, t$first, t$second, t$neither)))

covered <- function(codings, len, codes) {
  v <- rep(FALSE, len)
  for (k in codings) if (k$code %in% codes && k$end > k$start) v[(k$start + 1):k$end] <- TRUE
  v
}
iou <- function(x, y) {
  inter <- max(0, min(x$end, y$end) - max(x$start, y$start))
  if (inter == 0) return(0)
  inter / (max(x$end, y$end) - min(x$start, y$start))
}
match_segments <- function(a, b, threshold) {
  cand <- list()
  for (i in seq_along(a)) for (j in seq_along(b)) {
    o <- iou(a[[i]], b[[j]])
    if (o > 0 && o >= threshold) cand[[length(cand) + 1]] <- c(i, j, o, min(a[[i]]$start, b[[j]]$start),
                                                              max(a[[i]]$end, b[[j]]$end), a[[i]]$start + b[[j]]$start)
  }
  matched <- 0; used_a <- c(); used_b <- c()
  if (length(cand) > 0) {
    cm <- do.call(rbind, cand)
    cm <- cm[order(-cm[, 3], cm[, 4], cm[, 5], cm[, 6]), , drop = FALSE]
    for (r in seq_len(nrow(cm))) {
      if (cm[r, 1] %in% used_a || cm[r, 2] %in% used_b) next
      used_a <- c(used_a, cm[r, 1]); used_b <- c(used_b, cm[r, 2]); matched <- matched + 1
    }
  }
  c(matched = matched, first = length(a) - matched, second = length(b) - matched)
}

agreement <- function(case, members_list, threshold) {
  ts <- Filter(function(t) !is.null(t$first) && !is.null(t$second), case$transcripts)
  code_row <- function(members) {
    A <- c(); B <- c(); WA <- c(); WB <- c(); pa <- c(); pb <- c(); seg <- c(matched = 0, first = 0, second = 0)
    for (t in ts) {
      a <- covered(t$first, t$length, members); b <- covered(t$second, t$length, members)
      any <- covered(c(t$first, t$second), t$length, unique(unlist(lapply(c(t$first, t$second), `[[`, "code"))))
      A <- c(A, a); B <- c(B, b); WA <- c(WA, a[any]); WB <- c(WB, b[any])
      pa <- c(pa, as.integer(any(a))); pb <- c(pb, as.integer(any(b)))
      for (code in unique(unlist(lapply(Filter(function(k) k$code %in% members, c(t$first, t$second)), `[[`, "code")))) {
        sa <- Filter(function(k) k$code == code, t$first); sb <- Filter(function(k) k$code == code, t$second)
        seg <- seg + match_segments(sa, sb, threshold)
      }
    }
    list(A = A, B = B, WA = WA, WB = WB, pa = pa, pb = pb, seg = seg)
  }
  figures <- function(r) {
    ch <- with_figures(table_of(r$A, r$B))
    ch$withinCoded <- with_figures(table_of(r$WA, r$WB))
    tr <- with_figures(table_of(r$pa == 1, r$pb == 1))
    tr["alpha"] <- list(if (length(r$pa) == 0) NULL else kripp_nominal(rbind(r$pa, r$pb)))
    s <- as.list(r$seg)
    s$percent <- percent(s$matched, s$matched + s$first + s$second)
    list(character = ch, transcript = tr, segment = s)
  }
  rows <- lapply(names(members_list), function(code) c(list(code = code), figures(code_row(members_list[[code]]))))
  applied <- unique(unlist(lapply(ts, function(t) lapply(c(t$first, t$second), `[[`, "code"))))
  applied <- applied[applied %in% unique(unlist(members_list))]
  pooled_parts <- lapply(applied, function(code) code_row(code))
  pooled <- list(A = unlist(lapply(pooled_parts, `[[`, "A")), B = unlist(lapply(pooled_parts, `[[`, "B")),
                 WA = unlist(lapply(pooled_parts, `[[`, "WA")), WB = unlist(lapply(pooled_parts, `[[`, "WB")),
                 pa = unlist(lapply(pooled_parts, `[[`, "pa")), pb = unlist(lapply(pooled_parts, `[[`, "pb")),
                 seg = Reduce(`+`, lapply(pooled_parts, `[[`, "seg"), c(matched = 0, first = 0, second = 0)))
  list(compared = length(ts), codes = rows, pooled = figures(pooled))
}

k <- function(code, start, end) list(code = code, start = start, end = end)
cases <- list(
  list(label = "two transcripts, two codes, a category",
       codebook = list(list(id = "support"), list(id = "mentor", parent = "support"), list(id = "peer", parent = "support"),
                       list(id = "burnout")),
       members = list(support = c("support", "mentor", "peer"), mentor = "mentor", peer = "peer", burnout = "burnout"),
       overlap = 0.8,
       transcripts = list(
         list(path = "T1.txt", length = 400,
              first = list(k("mentor", 10, 60), k("peer", 100, 140), k("burnout", 200, 260)),
              second = list(k("mentor", 12, 60), k("mentor", 300, 320), k("burnout", 230, 290))),
         list(path = "T2.txt", length = 250,
              first = list(k("peer", 0, 40), k("burnout", 50, 90)),
              second = list(k("peer", 5, 40), k("burnout", 50, 90), k("mentor", 120, 200))),
         list(path = "T3.txt", length = 100, first = list(k("mentor", 0, 10)), second = NULL))),
  list(label = "perfect agreement on one code",
       codebook = list(list(id = "a")), members = list(a = "a"), overlap = 0.8,
       transcripts = list(list(path = "T1.txt", length = 50, first = list(k("a", 5, 20)), second = list(k("a", 5, 20))),
                          list(path = "T2.txt", length = 30, first = list(k("a", 0, 30)), second = list(k("a", 0, 30))))),
  list(label = "a code nobody used in a compared transcript, and one coder with no codings",
       codebook = list(list(id = "a"), list(id = "b")), members = list(a = "a", b = "b"), overlap = 0.5,
       transcripts = list(list(path = "T1.txt", length = 80, first = list(k("a", 0, 20)), second = list()),
                          list(path = "T2.txt", length = 60, first = list(), second = list()))),
  list(label = "boundaries apart at several thresholds, overlapping segments",
       codebook = list(list(id = "x")), members = list(x = "x"), overlap = 0.6,
       transcripts = list(list(path = "T1.txt", length = 1000,
                               first = list(k("x", 0, 100), k("x", 90, 200), k("x", 500, 600), k("x", 700, 710)),
                               second = list(k("x", 20, 100), k("x", 150, 210), k("x", 540, 600), k("x", 900, 950)))))
)
out <- lapply(cases, function(case) {
  list(label = case$label, codebook = case$codebook, overlap = case$overlap, transcripts = case$transcripts,
       expected = agreement(case, case$members, case$overlap))
})
# ---- alpha over three or more coders: code presence per transcript, NA where a coder did not code it ----
multi <- list(
  label = "three coders, one of them missing a transcript",
  coders = c("amara", "jonas", "li"),
  codebook = list(list(id = "support"), list(id = "mentor", parent = "support"), list(id = "burnout")),
  members = list(support = c("support", "mentor"), mentor = "mentor", burnout = "burnout"),
  transcripts = list(
    list(path = "T1.txt", codings = list(amara = list("mentor", "burnout"), jonas = list("mentor"), li = list("burnout"))),
    list(path = "T2.txt", codings = list(amara = list("burnout"), jonas = list("burnout", "support"), li = NULL)),
    list(path = "T3.txt", codings = list(amara = list(), jonas = list("mentor"), li = list("mentor"))),
    list(path = "T4.txt", codings = list(amara = list("mentor"), jonas = NULL, li = NULL)))
)
presence <- function(members) {
  units <- Filter(function(t) sum(!sapply(multi$coders, function(c) is.null(t$codings[[c]]))) >= 2, multi$transcripts)
  sapply(units, function(t) sapply(multi$coders, function(c) {
    k <- t$codings[[c]]
    if (is.null(k)) NA else as.integer(any(unlist(k) %in% members))
  }))
}
applied <- c("mentor", "burnout", "support")
multi$expected <- list(
  transcripts = ncol(presence("mentor")),
  codes = lapply(names(multi$members), function(code) list(code = code, alpha = kripp_nominal(presence(multi$members[[code]])))),
  pooled = kripp_nominal(do.call(cbind, lapply(applied, presence)))
)
multi$members <- NULL

write_json(list(agreement = out, multiCoder = multi), "test/reference/agreement-reference.json", auto_unbox = TRUE, digits = NA,
           null = "null", pretty = TRUE)
cat("wrote test/reference/agreement-reference.json\n")
