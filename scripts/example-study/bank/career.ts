import {
  P,
  Topic,
  pubsNone,
  pubsFew,
  pubsMany,
  trainee,
  faculty,
  student,
  postgrad,
  admin,
  attending,
  all,
  any,
  female,
  rejected,
  not,
} from './types';

export const career: Topic = {
  id: 'career',
  questions: [
    P('What role have mentors played in your research or publications?'),
    P('How does mentoring connect to things like publishing or promotion for you?'),
    P("Let's talk about career outcomes. Has a mentor made a concrete difference there?"),
    P('And research — where does that fit in for you?'),
  ],
  probes: ['How did that come about?', 'Would that have happened without them?'],
  answers: [
    // No publications yet.
    P(
      "{pub:I don't have any publications yet, which is — yeah.} [laughs] {pub,avail:I've tried to get on projects, but every research mentor I email either doesn't answer or says they're full.}",
      all(pubsNone, trainee),
    ),
    P(
      "{pub:Zero papers so far.} {rsch:I'm on a chart review that's been going for a year and a half. I don't know if it'll ever come out.}",
      all(pubsNone, trainee),
    ),
    P(
      "{pub,dir:I haven't published. I'm honestly not sure research is for me, and I've gotten mixed messages about whether that's okay.} {dir:Some people say you need it for the match, some say it doesn't matter for %specialty%.}",
      all(pubsNone, student),
    ),
    P(
      "{rsch:I started a quality-improvement project in first year and it stalled when the attending leading it left.} {pub:So — nothing published. That's pretty common, I think.}",
      all(pubsNone, trainee),
    ),
    P(
      "{pub:No publications.} {time:Between clinical work and studying I don't know where people find the time.} {pub,dbl:Some of my classmates have five. I think they had connections before they even got here.}",
      all(pubsNone, trainee),
    ),
    P(
      "{pub:Not yet. I have an abstract submitted.} [laughs] {inf,rsch:%informal% is helping me with it, and honestly it's the first time research hasn't felt like I'm bothering someone.}",
      all(pubsNone, trainee),
    ),
    // A few publications.
    P(
      '{pub:I have a few papers — %pubs%, I think.} {pub,inf:All of them came from one mentor who brought me onto %ihis% projects and actually let me write.}',
      pubsFew,
    ),
    P(
      "{pub:%Pubs% publications, mostly case reports and one small retrospective thing.} {rsch,mis:I'd like to do more real research, but nobody in my area does the kind of work I'm interested in.}",
      pubsFew,
    ),
    P(
      "{pub,spon:Honestly my publication count is a direct function of who sponsored me.} {pub:The first paper came because someone said, give this to the student on %peer%'s team, they'll get it done.}",
      all(pubsFew, trainee),
    ),
    P(
      "{pub:%Pubs% papers.} {rsch,prot:Which is fine for a clinician, but if I want to move toward research I'd need protected time, and nobody's offering that.}",
      all(pubsFew, not(student)),
    ),
    P(
      "{rsch:I'm doing a research year, actually, before applying.} {pub,dir:It's been a good way to figure out whether I like it. I have %pubs% things out, a couple more in review.}",
      all(pubsFew, any(student, postgrad)),
    ),
    P(
      '{pub:A handful of publications.} {pub,rej:Interestingly, the one that led to my biggest paper was after I left my assigned mentor. The informal one had the project.}',
      all(pubsFew, rejected),
    ),
    P(
      "{rsch:I've got a few papers. The research I'm proudest of is a medical education study we did on, actually, feedback.} [laughs] {rsch:It was small, but it was mine.}",
      pubsFew,
    ),
    // Many publications.
    P(
      '{pub:I have — let me think — around %pubs% papers at this point.} {pub,inf:The early ones I owe entirely to %informal%, who taught me how to write a discussion section by rewriting mine in red ink, three times.}',
      pubsMany,
    ),
    P(
      "{promo:I went up for associate professor last year.} {promo,pub:My publication count was fine — %pubs% or so — but what actually got me through was someone on the committee who knew my work.} {spon:That's the part nobody tells you.}",
      all(pubsMany, attending),
    ),
    P(
      "{pub,rsch:I'm at about %pubs% publications.} {rsch,team:The productive stretch came when I stopped relying on one mentor and built collaborations — a statistician, a qualitative person, someone in nursing.}",
      pubsMany,
    ),
    P(
      '{pub:%Pubs%-ish publications, which sounds like a lot, but a bunch of those are middle-author.} {promo:For promotion they want first and senior author, so the number is a bit misleading.}',
      all(pubsMany, faculty),
    ),
    P(
      "{promo:The promotion track was a mystery to me for years.} {promo,asg:My assigned mentor literally printed the guidelines and highlighted them.} {pub:I had %pubs% papers by then, but I didn't know how to tell the story of them.}",
      all(pubsMany, faculty),
    ),
    P(
      "{pub:I've published a fair amount, %pubs% or so.} {rsch,dbl:And I'll say the grants have been harder than the papers, especially the big ones. Reviewers can be — well. Let's say it's not a level field.}",
      all(pubsMany, female),
    ),
    P(
      "{rsch:I've been lucky with research.} {pub,spon:%Pubs% papers, most with one group that took me in as a resident and never let go.} {spon:My PI there still puts me on things.}",
      pubsMany,
    ),
    P(
      "{pub:I'm around %pubs% publications, mostly from my earlier career.} {promo,time:Since I moved into administration my research has slowed to a crawl, which I've made my peace with.}",
      all(pubsMany, admin),
    ),
  ],
};

export const barriers: Topic = {
  id: 'barriers',
  questions: [
    P('What gets in the way of mentoring here?'),
    P("What's the biggest barrier, in your experience, to getting good mentoring?"),
    P('If you could change one thing about how mentoring works here, what would it be?'),
  ],
  probes: ['What else gets in the way?', 'Anything else?'],
  answers: [
    P(
      "{time:Time. It's always time.} {time,avail:My mentor is lovely and has a clinic that runs two hours late every day. When is %ishe% supposed to mentor me?}",
      (p) => p.row.active_mentors >= 1,
    ),
    P(
      "{hier:The hierarchy. I think a lot of us are scared to be honest with the people above us.} {hier:You're being evaluated all the time. Mentoring needs a place where you're not.}",
      trainee,
    ),
    P(
      "{time,prot:Nobody's paid to mentor.} {prot:It's not in anyone's RVUs, so it happens at nine p.m. on email or it doesn't happen.}",
      any(faculty, postgrad),
    ),
    P(
      "{mis:Matching. The programs match on specialty, but what matters is values, and life stage, and whether you like each other.} [laughs] {mis:You can't put that in a spreadsheet.}",
    ),
    P(
      "{avail:The good mentors are overloaded.} {avail,time:Everybody knows who they are, so everyone goes to them, and then they burn out, and then there's nobody.}",
    ),
    P(
      "{hier:Honestly, I think the culture is still very old-school.} {hier:You wait to be noticed. If you ask for things you're pushy. That's not a great environment for mentoring.}",
    ),
    P(
      "{time:The schedule. I change teams every two weeks.} {time,iso:By the time an attending knows my name, I'm gone.}",
      any(student, postgrad),
    ),
    P(
      "{prot:I'd give people protected time to mentor.} {prot,promo:And I'd make it count for promotion. Until it counts, it'll be the first thing that gets dropped.}",
      faculty,
    ),
    P(
      "{mis:For me it's that nobody here does what I want to do.} {mis,more:I'm the only person interested in global health in my program, so every mentor is a stretch.}",
    ),
    P(
      "{time:Everybody's drowning in the EHR.} [laughs] {time:I'm not even joking. The inbox has eaten the time we used to spend talking.}",
      not(student),
    ),
    P(
      "{hier:There's this unwritten rule that you don't go over your mentor's head, or around them.} {hier,rej:So if the assigned one isn't working, you feel stuck. I think that's why people just quietly disappear instead of asking to switch.}",
    ),
    P(
      "{avail:Distance, actually. Half the faculty are at the satellite campus now.} {avail:You don't bump into anyone anymore.}",
      not(student),
    ),
    P(
      "{time:Our attendings are stretched so thin.} {hier:And students are at the bottom of the pile, so we're the easiest to drop.}",
      student,
    ),
    P(
      "{mis,hier:Honestly? That the people who design the mentoring programs are the people it worked for.} They had great mentors in the eighties and assume it'll work the same way.",
      any(postgrad, faculty),
    ),
    P(
      "{time:I'd just add time.} {time:Give me two hours a month, protected, for mentoring, and I think half the problems go away.}",
    ),
  ],
};

export const program: Topic = {
  id: 'program',
  questions: [
    P('From where you sit, what do you see in how the institution runs mentoring?', faculty),
    P('What do you see of mentoring across the institution — what works, what does not?', faculty),
  ],
  answers: [
    P(
      "{asg:We assign every incoming trainee a mentor, and about half of those relationships are dead within a year.} {rej:The ones who walk away aren't failing — often they've found something better. We just don't track that.}",
      admin,
    ),
    P(
      "{avail:From the mentor side, I have six mentees, and I'm not doing right by all of them.} {time:I know it. I have maybe an hour a week, and it goes to whoever's in crisis.}",
      attending,
    ),
    P(
      "{skill:What I notice as a mentor is that the mentees who come with an agenda get ten times more out of me.} {skill,want:That's teachable. We just don't teach it.}",
      faculty,
    ),
    P(
      "{prot,promo:We finally got mentoring included in the promotion criteria for clinician-educators.} {prot:It took four years of committee meetings. It's still not in the research track.}",
      admin,
    ),
    P(
      "{dist,adv:As a senior person now, I try to be a sponsor more than a mentor.} {adv:That means saying names in rooms. It's cheap for me and it can change someone's year.}",
      all(faculty, (p) => p.row.can_differentiate_sponsorship === 'yes'),
    ),
    P(
      "{rej:When a trainee drops their assigned mentor, the program director usually hears about it as a problem.} {rej,res:I've started to think of it as a sign of a trainee who knows what they need.}",
      any(admin, attending),
    ),
    P(
      '{model,dbl:We have a pipeline problem and a retention problem for women.} {model:The numbers at assistant professor look fine. Then look at full professor. The women are leaving, or stalling, somewhere in between.}',
      admin,
    ),
  ],
};
