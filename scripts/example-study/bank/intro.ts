import {
  P,
  Topic,
  student,
  resident,
  chief,
  attending,
  admin,
  trainee,
  faculty,
  mentors,
  all,
  kept,
  year,
  pastIntern,
} from './types';

export const intro: Topic = {
  id: 'intro',
  questions: [
    P(
      'Thanks for making time. Could you start by telling me where you are in your training and who your mentors are right now?',
      trainee,
    ),
    P('To start, can you tell me a bit about your current role, and the people you would call mentors at the moment?'),
    P("Let's begin broadly. Where are you right now, professionally, and who do you turn to for guidance?"),
    P('First, just so I have some context — what is your role here, and who would you describe as your mentors?'),
    P('Thanks again for doing this. Can you tell me about your position and your career so far?', faculty),
    P(
      "I'll start the recording now. [pause] Okay. Could you tell me where you are in your career and what mentoring looks like for you today?",
    ),
  ],
  answers: [
    P(
      "Sure. I'm a %stage%, so I'm mostly on rotations now, which means my life is basically whatever team I'm on that month. I came into med school thinking %specialty%, and I still kind of think %specialty%, but I'm trying to stay open.",
      all(student, year('third', 'fourth')),
    ),
    P(
      "Okay, so I'm a %stage%. I did a couple of years of lab work before medical school, so I'm a bit older than most of my class. [laughs] I'm interested in %specialty%, mostly because of one rotation that I loved.",
      student,
    ),
    P(
      "Yeah. So, %stage%. Still in the preclinical part, mostly, lots of lectures and Anki at two in the morning. I'm leaning toward %specialty% but honestly it changes every time somebody inspiring gives a talk.",
      all(student, year('second')),
    ),
    P(
      "Um, I'm a %stage%. I'm first-gen, nobody in my family is a doctor, so a lot of what people here seem to just know, I had to figure out. I think I want to do %specialty%.",
      student,
    ),
    P(
      "So I'm a %stage% and I'm applying this cycle, so mentoring is kind of on my mind constantly right now — letters, who to ask, where to apply. I'm going into %specialty%, I'm pretty sure.",
      all(student, year('fourth')),
    ),
    P(
      "I'm a %stage% in %specialty%. It's a busy program, a good one, I think, but you feel the volume. Most weeks are seventy-plus hours.",
      resident,
    ),
    P(
      "Sure. I'm a %stage% in %specialty%. I matched here from out of state, so I didn't know anybody when I arrived, and that shaped a lot of how mentoring went for me.",
      resident,
    ),
    P(
      "So, %stage%, %specialty%. I'm at the point where I'm supposed to be deciding about fellowship, which is — [laughs] — which is a lot.",
      all(resident, pastIntern),
    ),
    P(
      "I'm a %stage% in %specialty%. I did my med school here too, so in a way I've been in this building for six years. That cuts both ways.",
      all(resident, pastIntern),
    ),
    P(
      "Sure. %Stage% in %specialty%. I'm a parent, I have a two-year-old, so my situation is maybe a little different from some of my co-residents.",
      resident,
    ),
    P(
      "I'm a %stage% in %specialty%, and honestly I'm still finding my feet. Intern year was a blur. I'm only now starting to think about what I actually want.",
      all(resident, pastIntern),
    ),
    P(
      "Okay. I'm one of the chief residents in %specialty% this year. So I'm half resident, half administrator — scheduling, wellness stuff, being the person everybody complains to. [laughs]",
      chief,
    ),
    P(
      "I'm chief resident in %specialty%. It's an extra year for us, and I'm starting a faculty job here in July, so I'm kind of in between identities right now.",
      chief,
    ),
    P(
      "So I'm a chief in %specialty%. I took the job partly because I like teaching, and partly, honestly, because someone told me it would help me get the fellowship I want.",
      chief,
    ),
    P(
      "I'm an attending in %specialty%, assistant professor, about %years% years out of fellowship. Mostly clinical, maybe twenty percent research on paper, less in practice.",
      attending,
    ),
    P(
      "I'm an associate professor of %specialty%. I've been here %years% years. I run a small clinical research program and I do a fair amount of teaching.",
      attending,
    ),
    P(
      "So, I'm an attending in %specialty%. I came here from private practice, actually, which is an unusual direction, so academic medicine was new to me in some ways even though I'd been practicing for a while.",
      attending,
    ),
    P(
      "I'm clinical faculty in %specialty%, %years% years in. I'm on the clinician-educator track, which matters for how promotion works, and we can get into that.",
      attending,
    ),
    P(
      "Attending in %specialty%, %years% years on faculty. I also direct one of the clerkships, so I'm on both sides of mentoring — I have mentors and I am, supposedly, one. [laughs]",
      attending,
    ),
    P(
      "So, %stage%. I'm one of the older students — I was a paramedic for six years before this. [laughs] So I came in with opinions. I'm pretty sure I'm headed for %specialty%.",
      student,
    ),
    P(
      "I'm a %stage%. Honestly I'm still figuring out what kind of doctor I want to be. Right now it's %specialty%, but ask me again after my next rotation.",
      all(student, year('third', 'fourth')),
    ),
    P(
      "Hi — yeah. I'm a %stage%, I grew up about twenty minutes from here, actually, so this hospital is where my grandmother was treated. That's part of why I'm here. I'm interested in %specialty%.",
      student,
    ),
    P(
      "%Stage%. I'm doing a dual degree, so my timeline's a bit longer than everyone else's. The research side is in health policy, the clinical side is probably %specialty%.",
      student,
    ),
    P(
      "I'm a %stage%. Um, I'm international — I did my undergraduate degree abroad — so the American system, the way people network here, that was all new to me. Interested in %specialty%.",
      student,
    ),
    P(
      "I'm a %stage% in %specialty%. Before residency I did a year of research, so I came in a little more — I don't know, jaded? [laughs] Or realistic, maybe.",
      resident,
    ),
    P(
      "So I'm a %stage%, %specialty%. I'm a DO, which matters a little here, because most of the faculty trained at MD programs and there are some assumptions.",
      resident,
    ),
    P(
      "%Stage%, %specialty%. I switched into this program from another specialty after intern year, so I've had two sets of mentors, two programs, two cultures.",
      all(resident, pastIntern),
    ),
    P(
      "I'm a %stage% in %specialty%. I'm a single parent, so I'm — honestly, my life is very scheduled. Every hour is accounted for.",
      resident,
    ),
    P(
      "I'm a %stage% in %specialty%. This is my dream program, so I'm still a bit in the phase of — I can't believe I'm here. [laughs]",
      resident,
    ),
    P(
      "Yeah, so I'm a %stage% in %specialty%. I'm hoping to go into a research fellowship, so mentoring's been a big topic for me — who can get me on projects, who can write letters.",
      resident,
    ),
    P(
      '%Stage% in %specialty%. Before medicine I was a teacher, middle school science, so I think about mentoring a lot — I used to be on the other side of it.',
      resident,
    ),
    P(
      "I'm a %stage% in %specialty%. I'm the first in my family to go to college, let alone this. So everything's a bit of a learning curve.",
      resident,
    ),
    P(
      "I'm chief resident in %specialty% this year. I'll be honest, I didn't expect to get it — I wasn't the obvious pick — so part of my story is about who put me forward.",
      chief,
    ),
    P(
      "Chief resident, %specialty%. After this year I'm going to fellowship, so I'm in the middle of that transition, saying goodbye to people I've worked with for four years.",
      chief,
    ),
    P(
      "I'm one of the chiefs in %specialty%. Most of my day is schedules, conflicts, and trying to make sure the interns are actually okay.",
      chief,
    ),
    P(
      "I'm an assistant professor in %specialty%. I've been on faculty %years% years. I did my residency and fellowship here, so I've been mentored by some of my current colleagues, which is — complicated. [laughs]",
      attending,
    ),
    P(
      "Attending in %specialty%, %years% years in. I split my time between the main hospital and a community site, so I'm a bit of a commuter in every sense.",
      attending,
    ),
    P(
      "I'm an associate professor in %specialty%. I run the residency research curriculum, such as it is. [laughs] I've been here %years% years.",
      attending,
    ),
    P(
      "I'm faculty in %specialty%. Mostly clinical. I came here %years% years ago after fellowship on the West Coast, and I didn't know a single person in the building.",
      attending,
    ),
    P(
      "I'm an attending in %specialty%, on the physician-scientist track, which means I'm supposed to have seventy-five percent research time, and I'm told that's a lot. It doesn't feel like it.",
      attending,
    ),
    P(
      "I'm an associate dean, for faculty affairs. I still see patients in %specialty% one day a week, but most of my week is committees, promotions, and, well, conversations like this one.",
      admin,
    ),
    P(
      "I'm vice chair for faculty development in the department of %specialty%. Before that I was a program director for nine years, so I've seen mentoring from a lot of angles.",
      admin,
    ),
    P(
      "My title is director of the office for faculty mentoring, which — yes — means I'm partly responsible for the thing you're studying. [laughs] I'm a %specialty% physician by training.",
      admin,
    ),
    P(
      "I'm a senior administrator, I oversee graduate medical education. I trained in %specialty% a long time ago. I still think of myself as a clinician, although my calendar disagrees.",
      admin,
    ),
  ],
};

/** Said at the end of the first answer; it must agree with the survey's active_mentors. */
export const mentorCount: Topic = {
  id: 'mentor-count',
  questions: [],
  answers: [
    P("Zero. [laughs] That's a bleak answer, sorry. {more:I'd like to have one.}", mentors(0, 0)),
    P("Well — one, really. {inf:%informal%, who I'd walk through a wall for.}", mentors(1, 1)),
    P(
      "One, if you're strict about it. {peer:Plus a lot of friends giving me advice, which is a different thing.}",
      mentors(1, 1),
    ),
    P(
      "Two, I'd say. {team:They don't know each other, which is kind of nice — I get two completely different views.}",
      mentors(2, 2),
    ),
    P("Two people I'd really call mentors. {inf:Neither of them came from a program.}", mentors(2, 2)),
    P("At the moment, two — one here, and %informal%, who's at another institution now.", mentors(2, 2)),
    P("I'd count %n%. {team:I didn't plan it that way. It just accumulated.} [laughs]", mentors(3)),
    P("%N% people, roughly. {team:Some I see monthly, some once a year, but they're all people I'd call.}", mentors(3)),
    P(
      "Let me count. [pause] %N%. {team:Which surprises me, actually — I wouldn't have said that many before you asked.}",
      mentors(3),
    ),
    P('%N%, if I include %informal%, who I mostly talk to at conferences.', mentors(3)),
    P(
      "And mentors — right now, honestly, nobody I'd call a mentor. {iso:I've sort of been doing it on my own.}",
      mentors(0, 0),
    ),
    P(
      "Mentors... [pause] zero, if I'm being honest. {iso:There are people I could email, but nobody who actually knows me.}",
      mentors(0, 0),
    ),
    P(
      "Who I'd call a mentor? [laughs] Nobody, at the moment. {avail:Everyone I've tried has been too busy.}",
      mentors(0, 0),
    ),
    P('Mentors, really just one: {inf:%informal%, who I met on a rotation and who kind of adopted me.}', mentors(1, 1)),
    P(
      "I have one person I'd actually call a mentor, %informal%. Everyone else is more of an acquaintance with a title.",
      mentors(1, 1),
    ),
    P("Just the one mentor, really — %informal%. {more:It's a lot to put on one person.}", mentors(1, 1)),
    P(
      "I'd say two people right now. {inf:%informal% is the one I actually call when something goes wrong}, and then there's a research person.",
      mentors(2, 2),
    ),
    P(
      'Two, I think. One official, one not. {inf:The unofficial one, %informal%, is the one who matters.}',
      all(mentors(2, 2), kept),
    ),
    P("Mentors — two, I'd say, if we mean people who actually know what I'm working on.", mentors(2, 2)),
    P("I'd count two. {team:One for the clinical side, one for everything else.}", mentors(2, 2)),
    P(
      "%N%, if I count the people I'd actually text on a bad day. {team:They each do different things — one for research, one for career stuff, one who's basically my therapist.} [laughs]",
      mentors(3),
    ),
    P(
      "I have %n% people I'd call mentors right now, which I know is a lot. {team:I sort of built a little committee without meaning to.}",
      mentors(3),
    ),
    P(
      "Probably %n%. {team:Different people for different questions — I don't think one person can do all of it.}",
      mentors(3),
    ),
    P(
      "Right now, %n% — depending on how you count. {inf:%informal% is the main one, and %ishe%'s not even in my department.}",
      mentors(3),
    ),
    P(
      "Mentors? %N%, I think. {team:I've been deliberate about it, actually — I went looking for different kinds of people.}",
      mentors(3),
    ),
    P("I'd say %n% at the moment. {inf:Mostly people I found on my own, not through any program.}", mentors(3)),
  ],
};
