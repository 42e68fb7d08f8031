# Reference values for src/core/stats, computed with R itself.
# Run from the repository root:   Rscript test/reference/stats-reference.R
# Writes test/reference/stats-reference.json, which the unit tests read (CI never needs R).
# Needs only base R + jsonlite. Where R has no built-in (Cohen's d/g CI, Woolf OR, Newcombe RD, Cramér's V,
# Cohen's kappa) the documented formula is written out here in base R, from R's own building blocks.
suppressPackageStartupMessages(library(jsonlite))

# R errors become {"error": message}; the TS side must then report p = null with a reason.
safely <- function(expr) tryCatch(expr, error = function(e) list(error = conditionMessage(e)))
# JSON has no Infinity: write it as the string "Inf" (the tests map it back).
fin <- function(v) {
  out <- lapply(v, function(z) if (is.infinite(z)) (if (z > 0) "Inf" else "-Inf") else z)
  if (length(out) == 1) out[[1]] else out
}
mat <- function(rows) matrix(unlist(rows), nrow = length(rows), byrow = TRUE)

# ---- descriptives ---------------------------------------------------------------------------------
numeric_cases <- list(
  list(label = "small", x = c(3, 1, 4, 1, 5, 9, 2, 6)),
  list(label = "with missing", x = c(2.5, NA, 3.7, 1.2, NA, 8.8, 4.4)),
  list(label = "likert", x = c(3, 4, 2, 5, 3, 3, 4, 1, 2, 5, 4, 3)),
  list(label = "n = 2", x = c(10, 11)),
  list(label = "constant", x = c(7, 7, 7, 7)),
  list(label = "n = 1", x = c(42, NA)),
  list(label = "all missing", x = c(NA, NA, NA))
)
descriptives <- lapply(numeric_cases, function(case) {
  x <- case$x; y <- x[!is.na(x)]; n <- length(y)
  out <- list(n = n, missing = sum(is.na(x)))
  if (n >= 1) {
    q <- unname(quantile(y, c(0.25, 0.5, 0.75)))
    out <- c(out, list(mean = mean(y), median = q[2], q1 = q[1], q3 = q[3], iqr = q[3] - q[1],
                       min = min(y), max = max(y)))
  }
  if (n >= 2) {
    out$sd <- sd(y)
    # t.test refuses constant data, but the CI of the mean is then simply [mean, mean].
    out$ci <- if (sd(y) > 0) as.numeric(t.test(y)$conf.int) else c(mean(y), mean(y))
  }
  list(label = case$label, x = I(case$x), expected = out)
})

wilson <- lapply(list(c(0, 10), c(1, 10), c(5, 10), c(10, 10), c(35, 44), c(19, 44), c(1, 1), c(3, 250)), function(xn) {
  list(x = xn[1], n = xn[2], ci = as.numeric(suppressWarnings(prop.test(xn[1], xn[2], correct = FALSE))$conf.int))
})

# ---- t-tests --------------------------------------------------------------------------------------
tt <- function(r) list(statistic = unname(r$statistic), df = unname(r$parameter), p = r$p.value,
                       estimate = if (length(r$estimate) == 2) unname(r$estimate[1] - r$estimate[2]) else unname(r$estimate),
                       ci = as.numeric(r$conf.int))
one_sample <- lapply(list(
  list(label = "golden 1:6 mu=3.385", x = 1:6, mu = 3.385),
  list(label = "with missing", x = c(2.1, NA, 3.3, 4.8, 2.9, NA, 5.5), mu = 3),
  list(label = "large t", x = c(100.1, 100.2, 100.15, 100.12, 100.18), mu = 0),
  list(label = "constant", x = c(5, 5, 5), mu = 3),
  list(label = "n = 1", x = c(5), mu = 3)
), function(case) list(label = case$label, x = I(case$x), mu = case$mu,
                       expected = safely(tt(t.test(case$x, mu = case$mu)))))

set.seed(20261125)
big_a <- round(rnorm(60, 50, 10), 1)
big_b <- round(rnorm(55, 54, 12), 1)
two_sample_cases <- list(
  list(label = "golden pooled 1:4 vs 3:6", x = 1:4, y = 3:6, equal = TRUE),
  list(label = "golden Welch", x = c(19.1, 20.5, 22.3, 18.0, 21.7), y = c(24.9, 30.2, 26.1, 41.0, 22.2, 35.3), equal = FALSE),
  list(label = "Welch with missing", x = c(2.7, NA, 2.9, 3.1, 2.2, NA), y = c(3.4, 3.9, NA, 2.8, 4.4), equal = FALSE),
  list(label = "pooled unequal n", x = c(12, 15, 11, 19, 14, 13, 16), y = c(18, 21, 17, 22), equal = TRUE),
  list(label = "Welch large samples", x = big_a, y = big_b, equal = FALSE),
  list(label = "Welch tiny p", x = big_a, y = big_b + 40, equal = FALSE),
  list(label = "pooled n1 = 1", x = c(4), y = c(6, 7, 9), equal = TRUE),
  list(label = "Welch n1 = 1", x = c(4), y = c(6, 7, 9), equal = FALSE),
  list(label = "Welch both constant", x = c(3, 3, 3), y = c(3, 3), equal = FALSE),
  list(label = "Welch all missing", x = c(NA, NA), y = c(1, 2, 3), equal = FALSE)
)
two_sample <- lapply(two_sample_cases, function(case) list(label = case$label, x = I(case$x), y = I(case$y),
  equalVariances = case$equal, expected = safely(tt(t.test(case$x, case$y, var.equal = case$equal)))))

# ---- Mann-Whitney (wilcox.test, two-sided, R defaults) -----------------------------------------------
mw_cases <- list(
  list(label = "golden", x = c(1, 4, 8), y = c(9, 12, 15)),
  list(label = "exact, interleaved", x = c(1.1, 2.3, 3.8, 5.2, 7.7, 8.1), y = c(2.0, 4.4, 6.1, 9.3, 10.5)),
  list(label = "exact, W above mean", x = c(9, 12, 15, 20, 7), y = c(1, 4, 8, 10)),
  list(label = "ties -> normal approx", x = c(1, 2, 2, 3, 4, 5), y = c(2, 3, 3, 6, 7)),
  list(label = "likert ties with missing", x = c(3, 4, NA, 2, 5, 3, 4), y = c(2, 2, 3, 1, NA, 3)),
  list(label = "n >= 50 normal approx", x = big_a, y = big_b),
  list(label = "n >= 50 tiny p", x = big_a, y = big_b + 40),
  list(label = "n = 49 exact", x = big_a[1:49] + seq(0.001, 0.049, by = 0.001), y = big_b[1:20] + 0.0005),
  list(label = "constant", x = c(2, 2, 2), y = c(2, 2))
)
mann_whitney <- lapply(mw_cases, function(case) {
  xs <- case$x[!is.na(case$x)]; ys <- case$y[!is.na(case$y)]
  r <- suppressWarnings(wilcox.test(case$x, case$y))
  ties <- length(unique(c(xs, ys))) != length(c(xs, ys))
  list(label = case$label, x = case$x, y = case$y,
       expected = list(statistic = unname(r$statistic), p = if (is.na(r$p.value)) NULL else r$p.value,
                       exact = length(xs) < 50 && length(ys) < 50 && !ties))
})

# ---- k groups --------------------------------------------------------------------------------------
group_cases <- list(
  list(label = "three groups", groups = list(c(2.1, 3.4, 1.9, 2.8, 3.0), c(3.9, 4.4, 5.1, 3.7), c(2.2, 2.9, 3.3, 2.5, 3.1, 2.0))),
  list(label = "four groups with missing and ties", groups = list(c(3, 4, 4, NA, 5), c(2, 3, 3, 2), c(4, 5, 5, 5, NA), c(1, 2, 3, 3))),
  list(label = "two groups", groups = list(c(10.2, 11.5, 9.8, 12.1), c(13.3, 12.9, 14.8, 15.0, 13.1))),
  list(label = "large", groups = list(big_a, big_b, round(rnorm(40, 58, 9), 1))),
  list(label = "separated, tiny p", groups = list(seq(1, 30, by = 1.5), seq(40, 70, by = 1.1), seq(80, 120, by = 2.3))),
  list(label = "single group", groups = list(c(1, 2, 3))),
  list(label = "group of one", groups = list(c(1, 2, 3), c(4))),
  list(label = "all constant", groups = list(c(2, 2), c(2, 2, 2)))
)
as_long <- function(groups) {
  y <- unlist(groups); g <- factor(rep(seq_along(groups), lengths(groups)))
  list(y = y, g = g)
}
welch_anova <- lapply(group_cases, function(case) {
  d <- as_long(case$groups)
  list(label = case$label, groups = lapply(case$groups, I), expected = safely({
    r <- oneway.test(d$y ~ d$g)
    if (is.na(r$statistic)) stop("statistic undefined (zero variance in a group)")
    list(statistic = unname(r$statistic), df = unname(r$parameter), p = r$p.value)
  }))
})
kruskal <- lapply(group_cases, function(case) {
  d <- as_long(case$groups)
  list(label = case$label, groups = lapply(case$groups, I), expected = safely({
    r <- kruskal.test(d$y, d$g)
    if (is.na(r$statistic)) stop("statistic undefined (constant data)")
    list(statistic = unname(r$statistic), df = unname(r$parameter), p = r$p.value)
  }))
})

# ---- contingency tables ----------------------------------------------------------------------------
tables <- list(
  list(label = "golden chi-square", table = list(c(20, 30), c(30, 20))),
  list(label = "golden fisher", table = list(c(3, 1), c(1, 3))),
  list(label = "mentors by gender", table = list(c(12, 5), c(7, 20))),
  list(label = "zero cell", table = list(c(0, 9), c(6, 5))),
  list(label = "zero cell opposite", table = list(c(8, 0), c(3, 7))),
  list(label = "small deviation yates cap", table = list(c(10, 10), c(10, 11))),
  list(label = "3x2", table = list(c(5, 9), c(12, 4), c(7, 7))),
  list(label = "3x3", table = list(c(2, 3, 4), c(5, 1, 0), c(1, 1, 6))),
  list(label = "2x4 sparse", table = list(c(0, 3, 1, 5), c(4, 0, 2, 1))),
  list(label = "4x3", table = list(c(3, 1, 0), c(2, 4, 1), c(0, 2, 5), c(1, 1, 3))),
  list(label = "large counts", table = list(c(120, 80), c(95, 140))),
  list(label = "tiny p", table = list(c(500, 100), c(100, 500))),
  list(label = "3x3 tiny p", table = list(c(90, 5, 5), c(5, 90, 5), c(5, 5, 90)))
)
chi_square <- unlist(lapply(tables, function(case) lapply(c(TRUE, FALSE), function(correct) {
  m <- mat(case$table)
  r <- suppressWarnings(chisq.test(m, correct = correct))
  list(label = case$label, table = case$table, correct = correct,
       expected = list(statistic = unname(r$statistic), df = unname(r$parameter), p = r$p.value,
                       expected = unname(r$expected)))
})), recursive = FALSE)
# Fisher only: zero margins (χ² undefined) and tables large enough to need the pruned enumeration.
fisher_only <- list(
  list(label = "2x2 zero row", table = list(c(0, 0), c(3, 4))),
  list(label = "3x3 zero row", table = list(c(2, 1, 4), c(0, 0, 0), c(3, 1, 2))),
  list(label = "2x3 zero column", table = list(c(2, 0, 3), c(5, 0, 1))),
  list(label = "3x4 n = 74", table = list(c(8, 6, 5, 7), c(4, 9, 6, 5), c(7, 3, 8, 6))),
  list(label = "3x4 n = 165", table = list(c(20, 15, 10, 12), c(14, 18, 9, 16), c(11, 13, 17, 10))),
  list(label = "5x2 transposed shape", table = list(c(3, 9), c(6, 2), c(4, 4), c(0, 5), c(7, 1)))
)
# (The 3 × 3 tiny-p table is left to χ²: n = 300 with p ~ 1e-92 is seconds of enumeration for no new insight.)
fisher <- lapply(c(Filter(function(case) case$label != "3x3 tiny p", tables), fisher_only), function(case) {
  m <- mat(case$table)
  r <- fisher.test(m, workspace = 2e7)
  out <- list(p = r$p.value)
  if (all(dim(m) == 2)) { out$estimate <- fin(unname(r$estimate)); out$ci <- fin(as.numeric(r$conf.int)) }
  list(label = case$label, table = case$table, expected = out)
})

# ---- effect sizes ----------------------------------------------------------------------------------
# Cohen's d with pooled SD; Hedges' g = d * (1 - 3/(4(n1+n2) - 9)); CI: es +/- qnorm(.975) * SE with
# SE^2 = (n1+n2)/(n1 n2) + es^2/(2(n1+n2))  (Hedges & Olkin 1985; esc::esc_mean_sd, metafor "SMD").
smd <- lapply(two_sample_cases[1:5], function(case) {
  x <- case$x[!is.na(case$x)]; y <- case$y[!is.na(case$y)]; n1 <- length(x); n2 <- length(y)
  sp <- sqrt(((n1 - 1) * var(x) + (n2 - 1) * var(y)) / (n1 + n2 - 2))
  d <- (mean(x) - mean(y)) / sp
  g <- d * (1 - 3 / (4 * (n1 + n2) - 9))
  ci <- function(es) es + c(-1, 1) * qnorm(0.975) * sqrt((n1 + n2) / (n1 * n2) + es^2 / (2 * (n1 + n2)))
  list(label = case$label, x = case$x, y = case$y, d = d, dCi = ci(d), g = g, gCi = ci(g))
})
two_by_two <- Filter(function(case) length(case$table) == 2 && length(case$table[[1]]) == 2, tables)
odds_ratio <- lapply(two_by_two, function(case) {
  m <- mat(case$table)
  if (any(m == 0)) return(list(label = case$label, table = case$table, value = NULL))
  or <- (m[1, 1] * m[2, 2]) / (m[1, 2] * m[2, 1])
  se <- sqrt(sum(1 / m))
  list(label = case$label, table = case$table, value = or, ci = exp(log(or) + c(-1, 1) * qnorm(0.975) * se))
})
# Newcombe (1998) method 10 from R's own Wilson intervals (prop.test, correct = FALSE).
risk_difference <- lapply(two_by_two, function(case) {
  m <- mat(case$table)
  n1 <- sum(m[1, ]); n2 <- sum(m[2, ]); p1 <- m[1, 1] / n1; p2 <- m[2, 1] / n2
  w1 <- suppressWarnings(prop.test(m[1, 1], n1, correct = FALSE))$conf.int; w2 <- suppressWarnings(prop.test(m[2, 1], n2, correct = FALSE))$conf.int
  rd <- p1 - p2
  list(label = case$label, table = case$table, value = rd,
       ci = c(rd - sqrt((p1 - w1[1])^2 + (w2[2] - p2)^2), rd + sqrt((w1[2] - p1)^2 + (p2 - w2[1])^2)))
})
cramers_v <- lapply(tables, function(case) {
  m <- mat(case$table)
  x2 <- unname(suppressWarnings(chisq.test(m, correct = FALSE))$statistic)
  list(label = case$label, table = case$table, value = sqrt(x2 / (sum(m) * (min(dim(m)) - 1))))
})

# ---- p-value adjustment ----------------------------------------------------------------------------
p_sets <- list(
  c(0.01, 0.04, 0.03, 0.005, 0.20, 0.04),
  c(0.001, NA, 0.5, 0.02, 0.049),
  c(0.9, 0.95, 0.99),
  c(1e-8, 0.3, 0.3, 0.3, 0.031, 0.2, 0.6, 0.0004, 0.05, 0.012)
)
p_adjust <- lapply(p_sets, function(p) list(p = p, holm = p.adjust(p, "holm"), BH = p.adjust(p, "BH")))

# ---- agreement -------------------------------------------------------------------------------------
# Unweighted Cohen's kappa from the confusion table (= irr::kappa2, which is not installed here).
kappa_of <- function(a, b) {
  keep <- !is.na(a) & !is.na(b); a <- a[keep]; b <- b[keep]
  lv <- sort(unique(c(a, b))); t <- table(factor(a, lv), factor(b, lv)) / length(a)
  po <- sum(diag(t)); pe <- sum(rowSums(t) * colSums(t))
  (po - pe) / (1 - pe)
}
kappa_cases <- list(
  list(label = "golden", r1 = strsplit("aabbccabca", "")[[1]], r2 = strsplit("abbbcaabcc", "")[[1]]),
  list(label = "with missing", r1 = c("x", "y", NA, "y", "x", "z", "z", "x"), r2 = c("x", "y", "y", NA, "x", "z", "x", "x")),
  list(label = "perfect", r1 = c("p", "q", "p", "q"), r2 = c("p", "q", "p", "q"))
)
kappa <- lapply(kappa_cases, function(case) c(case, list(value = kappa_of(case$r1, case$r2))))

reference <- list(
  generatedWith = R.version.string,
  descriptives = descriptives, wilson = wilson,
  oneSampleT = one_sample, twoSampleT = two_sample, mannWhitney = mann_whitney,
  welchAnova = welch_anova, kruskalWallis = kruskal,
  chiSquare = chi_square, fisher = fisher,
  smd = smd, oddsRatio = odds_ratio, riskDifference = risk_difference, cramersV = cramers_v,
  pAdjust = p_adjust, kappa = kappa
)
writeLines(toJSON(reference, auto_unbox = TRUE, digits = NA, na = "null", null = "null", pretty = TRUE),
           "test/reference/stats-reference.json")
cat("wrote test/reference/stats-reference.json\n")
