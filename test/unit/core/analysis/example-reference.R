# Reference values for the example study's survey figures, computed with base R.
# Regenerate after survey.csv changes:  Rscript test/unit/core/analysis/example-reference.R
library(jsonlite)
here <- "test/unit/core/analysis"
csv <- "examples/mentorship-study/survey.csv"
s <- read.csv(csv, na.strings = c("", "NA", "N/A"), stringsAsFactors = FALSE)
wilson <- function(x, n) as.numeric(prop.test(x, n, correct = FALSE)$conf.int)
share <- function(column, level) {
  v <- s[[column]]; v <- v[!is.na(v)]
  list(count = sum(v == level), n = length(v), missing = sum(is.na(s[[column]])),
       percent = 100 * mean(v == level), ci = wilson(sum(v == level), length(v)))
}
numeric <- function(v) {
  x <- v[!is.na(v)]
  list(n = length(x), missing = sum(is.na(v)), mean = mean(x), sd = sd(x), median = median(x),
       q1 = unname(quantile(x, 0.25)), q3 = unname(quantile(x, 0.75)), ci = as.numeric(t.test(x)$conf.int))
}
hedges <- function(x, y) {
  n1 <- length(x); n2 <- length(y)
  sp <- sqrt(((n1 - 1) * var(x) + (n2 - 1) * var(y)) / (n1 + n2 - 2))
  g <- (mean(x) - mean(y)) / sp * (1 - 3 / (4 * (n1 + n2) - 9))
  se <- sqrt((n1 + n2) / (n1 * n2) + g^2 / (2 * (n1 + n2)))
  list(value = g, ci = c(g - qnorm(0.975) * se, g + qnorm(0.975) * se))
}
compare <- function(column) {
  f <- s[[column]][s$gender == "female"]; m <- s[[column]][s$gender == "male"]
  f <- f[!is.na(f)]; m <- m[!is.na(m)]
  t <- t.test(f, m)
  w <- suppressWarnings(wilcox.test(f, m))
  list(female = numeric(f), male = numeric(m),
       welch = list(statistic = unname(t$statistic), df = unname(t$parameter), p = t$p.value),
       mannWhitney = list(statistic = unname(w$statistic), p = w$p.value),
       hedgesG = hedges(f, m))
}
table2 <- function(column) {
  tab <- table(factor(s$gender, levels = c("female", "male")), factor(s[[column]], levels = c("yes", "no")))
  chi <- suppressWarnings(chisq.test(tab))
  list(counts = unclass(unname(as.matrix(tab))), expectedMin = min(chi$expected),
       chiSquare = list(statistic = unname(chi$statistic), p = chi$p.value), fisher = fisher.test(tab)$p.value)
}
out <- list(
  surveyMd5 = unname(tools::md5sum(csv)),
  rating = numeric(s$overall_mentoring_rating),
  activeMentors = numeric(s$active_mentors),
  burnout = numeric(s$burnout_score),
  rejected = share("rejected_assigned_mentor", "yes"),
  cannotDifferentiate = share("can_differentiate_sponsorship", "no"),
  wantsMore = share("wants_additional_mentors", "yes"),
  training = share("would_seek_menteeship_training", "yes"),
  female = share("gender", "female"),
  activeMentorsByGender = compare("active_mentors"),
  burnoutByGender = compare("burnout_score"),
  rejectedByGender = table2("rejected_assigned_mentor"),
  wantsMoreByGender = table2("wants_additional_mentors"),
  roleByGender = list(fisher = fisher.test(table(s$gender, s$role))$p.value)
)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), file.path(here, "example-reference.json"))
