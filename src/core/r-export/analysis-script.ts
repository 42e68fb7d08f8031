/**
 * analysis.R of the R package (`grounded export r`): the same text for every study, so a statistician can
 * review it once. It reads data/*.csv and the options of grounded-report.json, recomputes the report's
 * figures with base R and jsonlite, writes results.json and compares it with grounded-report.json.
 * Kept as a raw string: the script contains no backtick and no "${", which a test checks.
 */
export const ANALYSIS_R = String.raw`
# analysis.R: recomputes the figures of Grounded's report from the tidy data in data/, with base R and
# jsonlite only, and checks each one against grounded-report.json (Grounded's own report, as written by
# "grounded report --format json").
#
#   Rscript analysis.R
#
# Writes results.json, which has the structure and keys of grounded-report.json for every figure it
# recomputes, prints "N figures, all equal to 1e-9" or the list of differences (with the JSON path of each
# figure, e.g. .comparisons[2].tests[0].p) and exits with status 1 when a figure differs.
# Two numbers are equal when they differ by at most 1e-9 relative to Grounded's value (absolute when that
# value is below 1e-9 in size), as all.equal(tolerance = 1e-9) judges a single number.
# The script is the same for every study: the options it needs (the grouping column, the confidence level)
# are read from grounded-report.json; the data were already filtered (--where, --coder) by the export.

suppressPackageStartupMessages(library(jsonlite))
TOLERANCE <- 1e-9

report <- fromJSON("grounded-report.json", simplifyVector = FALSE)
by_name <- report$options$by # NULL: a report without group comparisons
confidence <- report$options$confidence
z <- qnorm(1 - (1 - confidence) / 2)

# ---- Reading the data --------------------------------------------------------------------------------
# Every text column is read as text (an id "007" stays "007"); NA marks a missing value.
read_data <- function(file, text_columns) {
  read.csv(file.path("data", file), na.strings = "NA", check.names = FALSE, encoding = "UTF-8",
           stringsAsFactors = FALSE, colClasses = setNames(rep("character", length(text_columns)), text_columns))
}
variables <- read_data("variables.csv", c("variable", "column", "type", "level", "missing_codes"))
codebook <- read_data("codebook.csv", c("code", "name", "parent", "members", "present_column", "count_column",
                                        "definition"))
codings <- read_data("codings.csv", c("participant", "transcript", "coder", "coding_id", "code", "code_name",
                                      "parent", "quote", "memo", "status"))
variable_names <- unique(variables$variable)
variable_info <- lapply(variable_names, function(v) {
  rows <- variables[variables$variable == v, ]
  list(name = v, column = rows$column[1], type = rows$type[1],
       levels = if (is.na(rows$position[1])) character(0) else rows$level,
       values = rows$value, scale_min = rows$scale_min[1], scale_max = rows$scale_max[1])
})
names(variable_info) <- variable_names
survey_columns <- vapply(variable_info, function(info) info$column, "")
numeric_types <- c("numeric", "ordinal")
header <- names(read.csv(file.path("data", "participants.csv"), nrows = 1, check.names = FALSE))
participants <- read_data("participants.csv", c(header[1], survey_columns[!vapply(variable_info,
  function(info) info$type %in% numeric_types, TRUE)]))
ids <- participants[[1]]
surveyed <- participants$surveyed == 1
known <- participants$codes_known == 1 # code presence is known: the denominator of every code figure

# ---- Helpers -----------------------------------------------------------------------------------------
values_of <- function(v) participants[[variable_info[[v]]$column]]
# A labelled column as labels, in the spelling of variables.csv (a Likert position becomes its label).
labels_of <- function(v) {
  info <- variable_info[[v]]
  x <- values_of(v)
  if (info$type == "ordinal" && length(info$levels) > 0) {
    label <- info$levels[match(x, info$values)]
    ifelse(is.na(label) & !is.na(x), as.character(x), label)
  } else as.character(x)
}
# Levels in Grounded's order, then labels met in the data that the order does not name (first seen first).
levels_with_extras <- function(levels, observed) c(levels, setdiff(unique(observed[!is.na(observed)]), levels))
number <- function(x) if (length(x) == 1 && !is.na(x) && is.finite(x)) unname(x) else NA
interval <- function(ci) if (length(ci) == 2 && all(is.finite(ci))) I(unname(as.numeric(ci))) else NA
rows_of <- function(m) if (is.null(m)) NULL else lapply(seq_len(nrow(m)), function(i) I(unname(as.numeric(m[i, ]))))

# Wilson score interval, as prop.test(k, n, correct = FALSE).
wilson <- function(k, n) {
  if (n == 0) return(NA)
  interval(suppressWarnings(prop.test(k, n, conf.level = confidence, correct = FALSE))$conf.int)
}
proportion <- function(k, n) if (n == 0) NA else k / n

# n, missing, mean, sd, median, quartiles (type 7), range and the t-based CI of the mean.
describe_numeric <- function(x) {
  y <- x[!is.na(x)]
  n <- length(y)
  out <- list(n = n, missing = sum(is.na(x)), mean = NA, sd = NA, median = NA, q1 = NA, q3 = NA, iqr = NA,
              min = NA, max = NA, ci = NA)
  if (n == 0) return(out)
  q <- unname(quantile(y, c(0.25, 0.5, 0.75), type = 7))
  out[c("mean", "median", "q1", "q3", "iqr", "min", "max")] <- list(mean(y), q[2], q[1], q[3], q[3] - q[1],
                                                                     min(y), max(y))
  if (n >= 2) {
    out$sd <- sd(y)
    # t.test refuses (essentially) constant data (or returns NaN for all zeros); its interval is then
    # mean ± t · sd / sqrt(n) all the same, [mean, mean] when sd is 0.
    by_formula <- function(e) mean(y) + c(-1, 1) * qt(1 - (1 - confidence) / 2, n - 1) * sd(y) / sqrt(n)
    ci <- if (sd(y) == 0) by_formula() else tryCatch(t.test(y, conf.level = confidence)$conf.int, error = by_formula)
    out$ci <- interval(ci)
  }
  out
}

# Counts per level with their share of the answers and its Wilson interval.
describe_levels <- function(counts) {
  n <- sum(counts)
  lapply(seq_along(counts), function(j) list(level = names(counts)[j], count = unname(counts[j]),
                                             proportion = proportion(unname(counts[j]), n),
                                             ci = wilson(unname(counts[j]), n)))
}
describe_categorical <- function(labels, levels) {
  all_levels <- levels_with_extras(levels, labels)
  counts <- table(factor(labels[!is.na(labels)], levels = all_levels))
  list(n = sum(!is.na(labels)), missing = sum(is.na(labels)), levels = describe_levels(counts))
}

test_result <- function(name, statistic, df, p, n, missing) {
  statistic <- number(statistic)
  # A test that cannot run has neither statistic nor degrees of freedom (Grounded leaves df out).
  out <- list(name = name, statistic = statistic, df = NA, p = number(p), n = n, missing = missing)
  if (!is.na(statistic) && all(is.finite(df))) out$df <- if (length(df) > 1) I(unname(df)) else unname(df)
  out
}
effect_result <- function(name, value, ci, n, missing) {
  list(name = name, value = number(value), ci = if (is.na(number(value))) NA else interval(ci), n = n,
       missing = missing)
}

# Welch's t-test, as t.test(x, y); R refuses fewer than 2 values per group and constant data.
welch_t <- function(x, y, missing) {
  r <- if (length(x) >= 2 && length(y) >= 2) tryCatch(t.test(x, y, conf.level = confidence), error = function(e) NULL)
  if (is.null(r)) return(test_result("welch-t", NA, NA, NA, length(x) + length(y), missing))
  test_result("welch-t", r$statistic, r$parameter, r$p.value, length(x) + length(y), missing)
}
# Mann–Whitney U, as wilcox.test(x, y): W = U of x; exact p below 50 per group without ties.
mann_whitney <- function(x, y, missing) {
  r <- suppressWarnings(wilcox.test(x, y))
  out <- test_result("mann-whitney", r$statistic, NA, r$p.value, length(x) + length(y), missing)
  out$df <- NULL
  out
}
# Hedges' g (first − second group) with the Hedges & Olkin normal-approximation interval.
hedges_g <- function(x, y, missing) {
  n1 <- length(x)
  n2 <- length(y)
  if (n1 < 2 || n2 < 2) return(effect_result("hedges-g", NA, NA, n1 + n2, missing))
  pooled_sd <- sqrt(((n1 - 1) * var(x) + (n2 - 1) * var(y)) / (n1 + n2 - 2))
  if (pooled_sd == 0) return(effect_result("hedges-g", NA, NA, n1 + n2, missing))
  g <- (mean(x) - mean(y)) / pooled_sd * (1 - 3 / (4 * (n1 + n2) - 9))
  se <- sqrt((n1 + n2) / (n1 * n2) + g^2 / (2 * (n1 + n2)))
  effect_result("hedges-g", g, g + c(-1, 1) * z * se, n1 + n2, missing)
}
# Welch's one-way ANOVA (oneway.test) and Kruskal–Wallis (kruskal.test) over groups that hold values.
welch_anova <- function(samples, missing) {
  n <- sum(lengths(samples))
  if (any(lengths(samples) < 2) || any(vapply(samples, var, 0) == 0))
    return(test_result("welch-anova", NA, NA, NA, n, missing))
  long <- data.frame(y = unlist(samples), g = factor(rep(seq_along(samples), lengths(samples))))
  r <- oneway.test(y ~ g, data = long)
  test_result("welch-anova", r$statistic, r$parameter, r$p.value, n, missing)
}
kruskal_wallis <- function(samples, missing) {
  r <- kruskal.test(samples)
  test_result("kruskal-wallis", r$statistic, r$parameter, r$p.value, sum(lengths(samples)), missing)
}

# A numeric variable by group: descriptives of every group; two groups holding values: Welch t, Mann–Whitney
# and Hedges' g; more: Welch's ANOVA and Kruskal–Wallis.
compare_numeric <- function(levels, group, value) {
  complete <- !is.na(group) & !is.na(value)
  all_levels <- levels_with_extras(levels, group[complete])
  groups <- lapply(all_levels, function(l) c(list(level = l), describe_numeric(value[which(group == l)])))
  missing <- length(group) - sum(complete)
  out <- list(n = sum(complete), missing = missing, groups = groups, tests = list(), effect = NULL)
  with_values <- Filter(function(l) any(complete & group == l), all_levels)
  samples <- lapply(with_values, function(l) value[complete & group == l])
  if (length(samples) == 2) {
    out$tests <- list(welch_t(samples[[1]], samples[[2]], missing), mann_whitney(samples[[1]], samples[[2]], missing))
    out$effect <- hedges_g(samples[[1]], samples[[2]], missing)
  } else if (length(samples) > 2) {
    out$tests <- list(welch_anova(samples, missing), kruskal_wallis(samples, missing))
  }
  out
}

# A groups × outcomes table: χ² (Yates for 2 × 2) when every expected count is ≥ 5, else Fisher's exact
# test; empty rows and columns are left out of the test, as R drops unused levels. Effects: the odds ratio
# (Woolf), the risk difference (Newcombe) and with Fisher its conditional MLE odds ratio for 2 × 2 tables;
# Cramér's V for larger ones.
analyze_table <- function(counts, missing) {
  margins_ok <- nrow(counts) >= 2 && ncol(counts) >= 2 && all(rowSums(counts) > 0) && all(colSums(counts) > 0)
  expected <- if (margins_ok) outer(rowSums(counts), colSums(counts)) / sum(counts) else NULL
  out <- list(table = list(rowLevels = rownames(counts), columnLevels = colnames(counts),
                           counts = rows_of(counts), expected = rows_of(expected)),
              tests = list(), effect = NULL, otherEffects = list())
  reduced <- counts[rowSums(counts) > 0, colSums(counts) > 0, drop = FALSE]
  if (nrow(reduced) < 2 || ncol(reduced) < 2) return(out)
  n <- sum(reduced)
  chi <- suppressWarnings(chisq.test(reduced))
  fisher <- NULL
  if (all(chi$expected >= 5)) {
    out$tests <- list(test_result("chi-square", chi$statistic, chi$parameter, chi$p.value, n, missing))
  } else {
    fisher <- tryCatch(fisher.test(reduced, conf.level = confidence, workspace = 2e7), error = function(e) NULL)
    out$tests <- list(test_result("fisher-exact", NA, NA, fisher$p.value, n, missing))
    out$tests[[1]]$df <- NULL
  }
  if (all(dim(reduced) == 2)) {
    a <- reduced[1, 1]; b <- reduced[1, 2]; c <- reduced[2, 1]; d <- reduced[2, 2]
    odds <- if (min(reduced) > 0) (a * d) / (b * c) else NA
    woolf <- exp(log(odds) + c(-1, 1) * z * sqrt(1 / a + 1 / b + 1 / c + 1 / d))
    out$effect <- effect_result("odds-ratio", odds, woolf, n, missing)
    # Newcombe's hybrid score interval from the two Wilson intervals.
    p1 <- a / (a + b); p2 <- c / (c + d)
    w1 <- wilson(a, a + b); w2 <- wilson(c, c + d)
    difference <- p1 - p2
    newcombe <- c(difference - sqrt((p1 - w1[1])^2 + (w2[2] - p2)^2),
                  difference + sqrt((w1[2] - p1)^2 + (p2 - w2[1])^2))
    out$otherEffects <- list(effect_result("risk-difference", difference, newcombe, n, missing))
    if (!is.null(fisher)) {
      out$otherEffects[[2]] <- effect_result("conditional-mle-odds-ratio", fisher$estimate, fisher$conf.int, n,
                                             missing)
    }
  } else {
    x2 <- unname(suppressWarnings(chisq.test(reduced, correct = FALSE))$statistic)
    out$effect <- effect_result("cramers-v", sqrt(x2 / (n * (min(dim(reduced)) - 1))), NA, n, missing)
  }
  out
}
cross_table <- function(rows, columns, row_labels, column_labels) {
  m <- table(factor(row_labels, levels = rows), factor(column_labels, levels = columns))
  matrix(as.numeric(m), nrow = length(rows), dimnames = list(rows, columns))
}
compare_categorical <- function(levels, outcomes, group, value) {
  complete <- !is.na(group) & !is.na(value)
  rows <- levels_with_extras(levels, group[complete])
  columns <- levels_with_extras(outcomes, value[complete])
  counts <- cross_table(rows, columns, group[complete], value[complete])
  groups <- lapply(rows, function(l) list(level = l, n = sum(counts[l, ]),
                                         levels = describe_levels(setNames(counts[l, ], columns))))
  c(list(n = sum(complete), missing = length(group) - sum(complete), groups = groups),
    analyze_table(counts, length(group) - sum(complete)))
}

# Holm and Benjamini–Hochberg adjusted p of the first test of each item: one family over the items.
adjust_first_tests <- function(items, test_name = NULL) {
  picks <- lapply(items, function(item) {
    tests <- if (is.null(test_name)) item$tests else Filter(function(t) t$name == test_name, item$tests)
    if (length(tests) == 0) NA else match(tests[[1]]$name, vapply(item$tests, function(t) t$name, ""))
  })
  p <- vapply(seq_along(items), function(i) {
    if (is.na(picks[[i]])) NA_real_ else as.numeric(items[[i]]$tests[[picks[[i]]]]$p)
  }, 0)
  holm <- p.adjust(p, "holm")
  bh <- p.adjust(p, "BH")
  for (i in seq_along(items)) if (!is.na(picks[[i]])) {
    items[[i]]$tests[[picks[[i]]]]$pHolm <- holm[i]
    items[[i]]$tests[[picks[[i]]]]$pBH <- bh[i]
  }
  items
}

results <- list(format = report$format, title = report$title)

# ---- Participants ------------------------------------------------------------------------------------
has_transcript <- participants$transcripts > 0
coded <- participants$coded == 1
results$participants <- list(
  total = nrow(participants), withSurvey = sum(surveyed), withTranscript = sum(has_transcript),
  coded = sum(coded), notCoded = sum(!coded & has_transcript), withoutTranscript = sum(!has_transcript),
  codesKnown = sum(known), joined = sum(known & surveyed))

# ---- Survey variables (participants with a survey row) --------------------------------------------------
results$variables <- lapply(variable_names, function(v) {
  info <- variable_info[[v]]
  if (info$type %in% numeric_types) {
    out <- c(list(kind = "numeric", name = v, type = info$type), describe_numeric(values_of(v)[surveyed]))
    if (info$type == "ordinal" && !is.na(info$scale_min)) {
      out$scale <- list(min = info$scale_min, max = info$scale_max)
      out$levels <- describe_categorical(labels_of(v)[surveyed], info$levels)$levels
    }
    out
  } else if (info$type %in% c("categorical", "yes-no")) {
    c(list(kind = "categorical", name = v, type = info$type), describe_categorical(labels_of(v)[surveyed], info$levels))
  } else {
    x <- values_of(v)[surveyed]
    list(kind = "other", name = v, type = info$type, n = sum(!is.na(x)), missing = sum(is.na(x)),
         distinct = length(unique(x[!is.na(x)])))
  }
})

# ---- Each variable by the grouping column ---------------------------------------------------------------
if (!is.null(by_name)) {
  by_levels <- variable_info[[by_name]]$levels
  group <- labels_of(by_name)
  comparisons <- list()
  for (v in setdiff(variable_names, by_name)) {
    info <- variable_info[[v]]
    if (info$type %in% numeric_types) {
      comparisons[[length(comparisons) + 1]] <- c(list(kind = "numeric", variable = v, by = by_name),
        compare_numeric(by_levels, group[surveyed], values_of(v)[surveyed]))
    } else if (info$type %in% c("categorical", "yes-no")) {
      # Yes-no outcomes put "yes" first, so the odds ratio reads as the odds of yes.
      outcomes <- if (info$type == "yes-no") rev(info$levels) else info$levels
      comparisons[[length(comparisons) + 1]] <- c(list(kind = "categorical", variable = v, by = by_name),
        compare_categorical(by_levels, outcomes, group[surveyed], labels_of(v)[surveyed]))
    }
  }
  results$comparisons <- comparisons
} else results$comparisons <- list()

# ---- Codes: use and prevalence ----------------------------------------------------------------------------
# Presence and counts are recomputed from codings.csv: a code counts the codings of its sub-codes, and a
# participant whose codes are not known (not coded, or no transcript) is NA.
members <- strsplit(codebook$members, " ", fixed = TRUE)
code_counts <- vapply(seq_len(nrow(codebook)), function(k) {
  counts <- as.numeric(table(factor(codings$participant[codings$code %in% members[[k]]], levels = ids)))
  ifelse(known, counts, NA)
}, numeric(length(ids)))
code_counts <- matrix(code_counts, nrow = length(ids))
present <- (code_counts > 0) * 1
results$codes <- lapply(seq_len(nrow(codebook)), function(k) {
  mine <- codings$code %in% members[[k]]
  with_code <- sum(present[known, k] == 1)
  list(id = codebook$code[k], name = codebook$name[k], depth = codebook$depth[k], codings = sum(mine),
       ownCodings = sum(codings$code == codebook$code[k]), transcripts = length(unique(codings$transcript[mine])),
       participants = with_code, total = sum(known), proportion = proportion(with_code, sum(known)),
       ci = wilson(with_code, sum(known)))
})

# ---- Codes by group (one family for the adjusted p) --------------------------------------------------------
if (!is.null(by_name)) {
  known_group <- known & !is.na(group)
  rows <- levels_with_extras(by_levels, group[known_group])
  by_group <- lapply(seq_len(nrow(codebook)), function(k) {
    groups <- lapply(rows, function(l) {
      in_group <- known_group & group == l
      with_code <- sum(present[in_group, k] == 1)
      list(level = l, participants = with_code, total = sum(in_group),
           proportion = proportion(with_code, sum(in_group)), ci = wilson(with_code, sum(in_group)))
    })
    with_code <- vapply(groups, function(g) g$participants, 0)
    totals <- vapply(groups, function(g) g$total, 0)
    counts <- matrix(c(with_code, totals - with_code), ncol = 2, dimnames = list(rows, c("present", "absent")))
    missing <- sum(known) - sum(known_group)
    c(list(code = codebook$code[k], name = codebook$name[k], by = by_name, n = sum(known_group),
           missing = missing, groups = groups), analyze_table(counts, missing))
  })
  results$codesByGroup <- adjust_first_tests(by_group)
} else results$codesByGroup <- list()

# ---- Numeric variables with vs without each code (one family per variable and test) ------------------------
used <- colSums(present == 1, na.rm = TRUE) > 0
results$codeComparisons <- list()
for (v in variable_names[vapply(variable_info, function(info) info$type %in% numeric_types, TRUE)]) {
  rows <- known & surveyed
  items <- lapply(seq_len(nrow(codebook)), function(k) {
    group <- ifelse(present[rows, k] == 1, "with code", "without code")
    c(list(code = codebook$code[k], name = codebook$name[k], variable = v),
      compare_numeric(c("with code", "without code"), group, values_of(v)[rows]))
  })
  items <- adjust_first_tests(adjust_first_tests(items, "welch-t"), "mann-whitney")
  results$codeComparisons <- c(results$codeComparisons, items[used])
}

# ---- Co-occurrence ----------------------------------------------------------------------------------------
# Overlap: two codings by the same coder in the same transcript sharing a character (orphaned codings left
# out); credited to every pair of codes containing their two codes, never a code and its own ancestor.
n_codes <- nrow(codebook)
containing <- lapply(seq_len(n_codes), function(k) which(vapply(members, function(m) codebook$code[k] %in% m, TRUE)))
names(containing) <- codebook$code
related <- outer(seq_len(n_codes), seq_len(n_codes), Vectorize(function(i, j)
  i == j || codebook$code[j] %in% members[[i]] || codebook$code[i] %in% members[[j]]))
usable <- codings[(is.na(codings$status) | codings$status != "orphan") & codings$code %in% codebook$code, ]
# Every pair of codes over the participants flagged in keep: their codings' overlaps, their participants' Jaccard.
co_occurrence <- function(keep) {
  overlaps <- matrix(0, n_codes, n_codes)
  overlap_transcripts <- list() # "a b" → transcripts with an overlapping pair of codings of a and b
  mine_all <- usable[usable$participant %in% ids[keep], ]
  sidecar <- paste(mine_all$transcript, mine_all$coder, sep = "\r")
  for (key in unique(sidecar)) {
    mine <- mine_all[sidecar == key, ]
    if (nrow(mine) < 2) next
    for (i in seq_len(nrow(mine) - 1)) for (j in (i + 1):nrow(mine)) {
      if (!(mine$start[i] < mine$end[j] && mine$start[j] < mine$end[i])) next
      for (p in containing[[mine$code[i]]]) for (q in containing[[mine$code[j]]]) {
        if (related[p, q]) next
        a <- min(p, q); b <- max(p, q)
        overlaps[a, b] <- overlaps[a, b] + 1
        pair <- paste(a, b)
        overlap_transcripts[[pair]] <- union(overlap_transcripts[[pair]], mine$transcript[i])
      }
    }
  }
  pairs <- list()
  if (n_codes >= 2) for (i in seq_len(n_codes - 1)) for (j in (i + 1):n_codes) {
    if (related[i, j]) next
    both <- sum(present[keep, i] == 1 & present[keep, j] == 1)
    either <- sum(present[keep, i] == 1 | present[keep, j] == 1)
    if (overlaps[i, j] == 0 && both == 0) next
    pairs[[length(pairs) + 1]] <- list(a = codebook$code[i], b = codebook$code[j], overlaps = overlaps[i, j],
      overlapTranscripts = length(overlap_transcripts[[paste(i, j)]]), participants = both,
      participantsEither = either, jaccard = proportion(both, either))
  }
  # Most shared participants first, then most overlaps, then by the codes' ids (as compared by code unit).
  if (length(pairs) > 0) {
    order_of <- order(-vapply(pairs, function(p) p$participants, 0), -vapply(pairs, function(p) p$overlaps, 0),
                      vapply(pairs, function(p) p$a, ""), vapply(pairs, function(p) p$b, ""), method = "radix")
    pairs <- pairs[order_of]
  }
  pairs
}
results$coOccurrence <- co_occurrence(known)
# Within each group: the same figures over the group's participants alone.
if (!is.null(by_name)) {
  results$coOccurrenceByGroup <- lapply(levels_with_extras(by_levels, group[known_group]), function(l) {
    in_group <- known_group & group == l
    list(level = l, participants = sum(in_group), pairs = co_occurrence(in_group))
  })
} else results$coOccurrenceByGroup <- list()

# ---- Joint display: prevalence per code and group (its quotes are text, not figures) ------------------------
if (!is.null(by_name)) {
  results$jointDisplay <- list(by = by_name, rows = lapply(results$codesByGroup, function(item) list(
    code = item$code, cells = lapply(item$groups, function(g) g[c("level", "participants", "total", "proportion", "ci")]))))
}

# ---- Checking every recomputed figure against Grounded's report -----------------------------------------
figures <- 0
differences <- character(0)
differ <- function(path, mine, theirs) {
  show <- function(x) {
    if (is.null(x) || (length(x) == 1 && is.na(x))) return("null")
    text <- paste(ifelse(is.na(x), "null", format(unclass(x), digits = 17)), collapse = ", ")
    if (length(x) > 1) paste0("[", text, "]") else text
  }
  differences[length(differences) + 1] <<- sprintf("%s: R %s, Grounded %s", path, show(mine), show(theirs))
}
is_missing <- function(x) is.null(x) || (length(x) == 1 && !is.list(x) && is.na(x))
compare <- function(mine, theirs, path) {
  if (is_missing(mine)) {
    if (!is_missing(theirs) && (is.numeric(theirs) || is.list(theirs))) differ(path, NULL, unlist(theirs))
    return(invisible())
  }
  if (is.list(mine) && !is.null(names(mine))) {
    for (key in names(mine)) compare(mine[[key]], theirs[[key]], paste0(path, ".", key))
  } else if (is.list(mine)) {
    if (!is.list(theirs) || length(theirs) != length(mine)) {
      differences[length(differences) + 1] <<- sprintf("%s: %d items in R, %d in Grounded", path, length(mine),
                                                        if (is.list(theirs)) length(theirs) else 0)
      return(invisible())
    }
    for (i in seq_along(mine)) compare(mine[[i]], theirs[[i]], sprintf("%s[%d]", path, i - 1))
  } else if (is.numeric(mine) || is.logical(mine)) {
    theirs_values <- if (is.list(theirs)) lapply(theirs, function(t) if (is.null(t)) NA else t) else theirs
    theirs_values <- unlist(theirs_values)
    if (is.null(theirs_values) || length(theirs_values) != length(mine)) return(differ(path, mine, theirs_values))
    for (i in seq_along(mine)) {
      where <- if (length(mine) > 1) sprintf("%s[%d]", path, i - 1) else path
      a <- as.numeric(mine[i]); b <- as.numeric(theirs_values[i])
      if (is.na(a) && is.na(b)) next
      figures <<- figures + 1
      scale <- if (!is.na(b) && abs(b) > TOLERANCE) abs(b) else 1
      if (is.na(a) || is.na(b) || abs(a - b) / scale > TOLERANCE) differ(where, a, b)
    }
  }
  invisible()
}
# Codes per participant: participants.csv's columns must agree with the codings they are counted from.
for (k in seq_len(n_codes)) {
  for (kind in c("present", "count")) {
    written <- participants[[codebook[[paste0(kind, "_column")]][k]]]
    mine <- if (kind == "present") present[, k] else code_counts[, k]
    if (!identical(is.na(written), is.na(mine)) || any(written != mine, na.rm = TRUE))
      differences[length(differences) + 1] <- sprintf("data/participants.csv column %s differs from data/codings.csv",
                                                      codebook[[paste0(kind, "_column")]][k])
  }
}
compare(results, report, "")

# jsonlite prints 15 significant digits; each number is written in the fewest digits that read back exactly.
exact <- function(x) {
  text <- ifelse(is.na(x), "null", ifelse(as.numeric(sprintf("%.15g", x)) == x, sprintf("%.15g", x), sprintf("%.17g", x)))
  structure(if (length(x) == 1 && !inherits(x, "AsIs")) text else paste0("[", paste(text, collapse = ", "), "]"),
            class = "json")
}
as_exact <- function(x) if (is.list(x)) lapply(x, as_exact) else if (is.numeric(x)) exact(x) else x
json <- toJSON(as_exact(results), auto_unbox = TRUE, json_verbatim = TRUE, na = "null", null = "null",
               pretty = TRUE)
writeLines(enc2utf8(as.character(json)), "results.json", useBytes = TRUE)
if (length(differences) == 0) {
  cat(sprintf("%s figures, all equal to 1e-9\n", format(figures, big.mark = ",")))
} else {
  cat(sprintf("%s figures compared, %d differ (beyond 1e-9):\n", format(figures, big.mark = ","), length(differences)))
  cat(paste0("  ", head(differences, 200), "\n"), sep = "")
  if (length(differences) > 200) cat(sprintf("  … and %d more\n", length(differences) - 200))
  quit(status = 1)
}
`.slice(1); // the line break after the opening backtick
