/** Grounded-theory memos of the example study (memos/*.md): Markdown with YAML front matter. */
export const MEMOS: readonly { file: string; text: string }[] = [
  {
    file: '2024-03-18-rejecting-the-assigned-mentor.md',
    text: `---
title: Rejecting the assigned mentor as an act of agency
codes: [structures-rejected, structures-assigned, barriers-hierarchy, wellbeing-resilience]
date: 2024-03-18
---

# Rejecting the assigned mentor as an act of agency

*Early memo, after the first twelve interviews (open coding).*

Participants who left their assigned mentor rarely describe it as a failure of the program. The language is
of relief and of decision: "the first time in training I decided something for myself", "I felt guilty for
about a week and then I felt free". Rejection is narrated as an act of agency.

But the *way* they leave is quiet. Almost nobody asks to switch; they stop booking meetings, "ghost", let it
lapse. When asked why, they point to hierarchy: there is "no script" for a student to tell a professor that a
relationship is not working, and the assigned mentor is sometimes also an evaluator.

Working proposition: rejecting the assigned mentor is agentic in intent and avoidant in form, and the form is
produced by the hierarchy (\`barriers-hierarchy\`), not by the individual.

Questions for theoretical sampling:

- Do faculty who rejected a mentor years ago tell it the same way? (So far: yes, with more pride.)
- Is burnout higher among rejecters because the rejection leaves them with nobody "whose job it is to
  notice" (see \`wellbeing-burnout\` codings), or did burnout come first? Check the order in each story.
- Compare with the survey: rejecters' burnout and rating scores.
`,
  },
  {
    file: '2024-04-02-sponsorship-confusion-and-gender.md',
    text: `---
title: Sponsorship confusion, visibility and gender
codes: [sponsorship-confusion, sponsorship-distinguished, sponsorship-advocacy, identity-double-standards, identity-role-models]
date: 2024-04-02
---

# Sponsorship confusion, visibility and gender

*Theoretical memo (axial coding: Sponsorship × Gender and identity).*

More than half of those who answered the survey item could not tell sponsorship from mentorship, and the
interviews make the confusion concrete: a sponsor is "someone who funds you", "the corporate thing", "a mentor
who's more senior". Those who *can* draw the line do so through an episode — someone "said my name in a room".

The distinction seems to be learned from being sponsored, not from being told. If sponsorship happens "in
rooms you're not in", people who are never sponsored have no episode to learn from, and cannot name what they
are missing.

Link to gender: women describe sponsorship as something that happens "more naturally for the guys", through
hallway conversations and nominations that depend on who is "thought of". Men more often describe double
standards they witness than ones they live.

Hypothesis to test against the survey join: the share who cannot differentiate sponsorship is higher among
women and trainees; \`sponsorship-confusion\` co-occurs with \`identity-role-models\` (nobody modelling it).
`,
  },
  {
    file: '2024-04-20-mentoring-teams.md',
    text: `---
title: From one mentor to a mentoring team
codes: [structures-team, structures-wants-more, structures-informal, structures-peer]
date: 2024-04-20
---

# From one mentor to a mentoring team

Nearly four in five participants want more mentors, but "more" rarely means more of the same. They ask for
*different* people: someone one or two steps ahead, someone outside the department who does not write their
evaluations, someone who has done it with children, someone from a similar background.

The "board of directors" image recurs, and the most satisfied participants describe a small team with
distinct functions, built mostly through informal and peer relationships rather than the assigned program.

Emerging category: *assembling a mentoring network* — the core activity behind \`structures-team\`,
\`structures-informal\` and \`structures-peer\`, with wanting more mentors as its unmet side.

Note for the codebook: keep \`structures-wants-more\` for the wish, \`structures-team\` for the practice;
compare the two coders on these two codes before computing agreement.
`,
  },
  {
    file: '2024-05-06-time-burnout-and-who-notices.md',
    text: `---
title: Time, burnout and who notices
codes: [barriers-time, wellbeing-burnout, wellbeing-isolation, wellbeing-protected-time, training-skepticism]
date: 2024-05-06
---

# Time, burnout and who notices

Time pressure is the most common barrier, and it cuts both ways: mentors with clinics "that run two hours
late", mentees with "nothing left at the end of the day". Mentoring is "in nobody's RVUs".

Burnout talk and isolation talk cluster. The sentence that keeps coming back is some version of *nobody
asked*. What participants value in a mentor during a bad stretch is not advice but being noticed — a Sunday
text, a phone call instead of an email.

This also explains some of the skepticism about menteeship training: participants read it as moving a
structural problem (time, protected time, hierarchy) onto the individual. Those who would seek training want
practical scripts (asking, agendas, ending a relationship well).

To do: check whether burnout scores in the survey differ by whether the participant describes anyone who
"notices"; consider a code for *being noticed* if it keeps appearing.
`,
  },
];
