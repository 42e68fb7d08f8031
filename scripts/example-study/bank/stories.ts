import {
  P,
  Topic,
  trainee,
  faculty,
  female,
  male,
  student,
  postgrad,
  chief,
  attending,
  admin,
  rejected,
  kept,
  burnHigh,
  burnLow,
  all,
  any,
  not,
  mentors,
  diffYes,
  rating,
} from './types';

export const moment: Topic = {
  id: 'moment',
  questions: [
    P('Can you tell me about a moment when mentoring really mattered for you — or when it was missing?'),
    P('Is there a particular story that comes to mind when you think about mentoring? Good or bad.'),
    P('Walk me through a time a mentor made a real difference, if there was one.'),
    P('What is the moment you think of first when I say the word mentor?'),
  ],
  probes: [
    'Is there another moment that comes to mind?',
    'Any other story, maybe from earlier on?',
    'Thank you. [pause] Is there another one?',
  ],
  answers: [
    P(
      "There's one that stays with me. {burn:I had a patient die on a night shift, early in intern year, a young guy, and I handled it — technically — fine. Then I went and sat in the stairwell.} {inf,res:%informal% found me there. %Ishe% didn't give me a speech. %Ishe% sat down on the step and said, I still remember my first one, and then we just sat there for ten minutes.} I don't know that I'd have stayed in medicine without that.",
      all(postgrad, not(rating(1))),
    ),
    P(
      "I think about my M&M presentation. {hier:I'd made an error — not a catastrophic one, but real — and I was terrified, because in our department M&M can be brutal.} {inf:%informal% sat with me the night before and went through it slide by slide, and said: you own it, you say what you learned, you sit down.} {res:It went fine. Better than fine. That was the first time I understood a mistake doesn't have to define you.}",
      any(postgrad, chief),
    ),
    P(
      "Honestly, the moment I think of is a missing one. {iso:I was deciding between two specialties, and I had nobody to ask. I literally made a pro and con list on the back of a lab printout at two in the morning.} {more:I picked well, I think. But I shouldn't have had to do that alone.}",
      trainee,
    ),
    P(
      "{spon,adv:I was at a national meeting, standing at the edge of a reception not knowing a soul, and %informal% walked over, took my elbow, and introduced me to three people — by name, with a sentence about my work each time.} One of those three later reviewed my first grant. {dist:I didn't understand until years later that that was the most valuable ten minutes anyone ever spent on me.}",
      any(faculty, chief),
    ),
    P(
      "{dir:In my second year I was set on %specialty%, and a resident I admired asked me, over a really bad cafeteria pizza, why.} [laughs] {dir:And I didn't have a good answer. That one question sent me shadowing in three other departments.} I came back to %specialty% in the end, but for my own reasons this time.",
      student,
    ),
    P(
      "{rej:The day I decided to stop meeting with my assigned mentor, I remember exactly.} {rej,hier:I'd been waiting twenty-five minutes outside %mhis% office, and %mshe% came out, looked at me, and said, remind me what we're doing? Four meetings in.} I walked to the elevator and just — decided. {rej,res:I felt guilty for about a week and then I felt free.}",
      rejected,
    ),
    P(
      "{asg:When my father got sick, %mentor% was the first person I told at work.} {asg,fam:%Mshe% rearranged my schedule that same afternoon, called the program director for me, and told me not to come back until I was ready.} That's when I understood %mshe% was actually on my side, not just assigned to me.",
      all(kept, not(student)),
    ),
    P(
      "{dbl:A patient's son once refused to let me examine his mother until a 'real doctor' came.} {conc:My mentor at the time, an older woman, came in, introduced me as the doctor in charge, and then stood behind me while I did the exam.} She didn't say anything else. She didn't have to. {conc,model:I've done the same thing for students since.}",
      female,
    ),
    P(
      "{promo:The moment that mattered most was a ten-minute phone call before my promotion packet went in.} {promo,spon:%informal% read my personal statement and said, you're apologizing for your clinical focus in every paragraph — stop it, it's the strength of your file.} I rewrote it that night. I got promoted.",
      faculty,
    ),
    P(
      '{skill:I remember the first time I came to a mentor with an actual agenda.} It was printed, with three questions. [laughs] {skill:And the meeting went completely differently. %Informal% actually engaged, gave me names, followed up the next day.} {want:I thought, why did nobody tell me this earlier?}',
      trainee,
    ),
    P(
      "{burn:There was a week in residency where I didn't sleep more than four hours a night, and I was snapping at nurses, and I knew I was being awful.} {peer:%peer% — a co-resident — pulled me aside and said: you're not yourself, and I'm taking your pager for an hour.} {peer,res:That was mentoring. From someone exactly as tired as I was.}",
      postgrad,
    ),
    P(
      "The one I think of is actually me failing a mentee. {avail,time:A resident emailed me asking to talk, and I said next week, and then next week became a month.} {burn:I found out later she'd been really struggling and had gone on leave.} {avail:I think about that email a lot. It's why I answer everything within a day now.}",
      faculty,
    ),
    P(
      "{conf:Someone once told me — I think it was at orientation — that you need sponsors, not just mentors.} And I nodded. {conf:I had no idea what they meant. I still half don't.} [laughs] But I remember thinking it sounded important.",
      all(not(diffYes), trainee),
    ),
    P(
      "{inf:On my surgery rotation, a fourth-year resident, %peer%, saw me standing in the corner of the OR for three hours without anyone talking to me.} {peer:The next case, %peer% put me at the table, handed me the suction, and narrated everything.} {dir:I'd been sure I hated surgery. Turned out I hated being invisible.}",
      student,
    ),
    P(
      "{model:I went to a talk by a woman who was a department chair, and she talked openly about having been passed over twice and what she did about it.} {model,conc:It was the first time I'd heard anyone senior admit it hadn't been a smooth path.} I emailed her afterwards and, amazingly, she wrote back.",
      female,
    ),
    P(
      "{team:The moment I think about is when I realized I could have more than one mentor.} {team:I'd been trying to get everything from %mentor% and getting frustrated.} {team,inf:Then I started asking %informal% about the research side, and suddenly both relationships got better, because neither had to carry everything.}",
      mentors(2),
    ),
    P(
      "{mis:I once asked a very senior mentor how to balance work and having a young family, and he told me his wife had handled all of that.} [laughs] {mis:He wasn't being unkind. He just genuinely had nothing to offer on the question.} That's when I realized I needed different people for different parts of my life.",
      not(student),
    ),
    P(
      "{adv:The day I was asked to be chief, I found out later that one of the attendings had basically campaigned for me in a faculty meeting.} {spon:I had no idea. She'd never said anything to me.} {dist:That's the thing about sponsorship, I think — it happens in rooms you're not in.}",
      chief,
    ),
    P(
      "{iso:Honestly the moment I remember is finishing my first year on faculty and realizing nobody had asked me a single question about how it was going.} Not one person. {iso,more:Not unkind, just — nobody's job.}",
      all(faculty, not(burnLow)),
    ),
    P(
      '{res:I got a rejection on my first grant, a really harsh one.} {inf,res:%informal% sent me %ihis% own first rejection, from decades ago, with all the brutal comments.} [laughs] {rsch:And underneath it said: resubmit. Which I did. It got funded.}',
      any(faculty, chief),
    ),
    P(
      "{hier:On one of my first rotations, an attending humiliated me on rounds — you know, the pimping thing, but really mean.} {inf:Afterwards the resident, %peer%, found me and said, that was about him, not you.} {peer,res:It sounds small. I've thought about that sentence for years.}",
      any(student, postgrad),
    ),
    P(
      "{burn:I'd hit a wall around February — I stopped returning texts, I was eating in my car.} {asg:%mentor% noticed, which I didn't expect. %Mshe% called, not emailed, called, and said I've been there, let's get coffee.} I cried in a Starbucks. [laughs] It helped.",
      all(all(kept, burnHigh), not(rating(1))),
    ),
    P(
      "{adv:I was the only one in my class nobody had suggested for a research award, and I didn't even know there was a nomination process.} {adv,iso:I found out when the winners were announced.} {dbl:Everyone who'd been nominated had a faculty member who'd just — thought of them.}",
      all(trainee, not(male)),
    ),
    P(
      "{skill:I messed up a mentoring relationship by being too passive.} {skill,avail:I'd wait for my mentor to reach out, and %mshe% waited for me, and we went six months without talking.} {skill:Eventually I learned that it's on the mentee to drive it, at least partly.}",
      kept,
    ),
  ],
};

export const qualities: Topic = {
  id: 'qualities',
  questions: [
    P('What makes a good mentor, in your experience?'),
    P("What's the difference between the mentors who helped you and the ones who didn't?"),
    P('If you were writing the job description for a mentor, what would be on it?'),
  ],
  probes: ['Anything else you would put on that list?', 'What else?'],
  answers: [
    P(
      "{inf:Availability, first. Not unlimited, but predictable — I know I'll hear back within a day or two.} Second, honesty. {mis:The worst mentors I've had told me everything was great until suddenly it wasn't.}",
    ),
    P(
      "Someone who remembers what it was like. {hier:The mentors who've been most useful are the ones who don't pretend they never struggled.} When someone senior says I failed that exam too, it does more than any pep talk.",
    ),
    P(
      "A good mentor asks questions before giving answers. The bad ones hear ten seconds of your problem and then tell you what they did in 1998. [laughs] {mis:Which is not useless, but it's not mentoring.}",
    ),
    P(
      "{adv:Someone who'll use their name for you.} Advice is cheap. {adv,dist:What changes careers is someone senior saying, I think you should talk to this person, I'll send the email.}",
      diffYes,
    ),
    P(
      "Honestly, I'd say kindness. That sounds soft, but it's not. {res:Medicine can be brutal, and having one person who's reliably kind to you — that's a huge buffer.}",
    ),
    P(
      "{team:Someone who knows their limits and sends you to other people.} {team:My best mentor regularly says, I'm not the right person for this, talk to so-and-so. That's a gift.}",
    ),
    P(
      "{time:Time. Honestly, the best mentor I ever had just had time for me, and I didn't realize how rare that was.} Everything else follows from that.",
    ),
    P(
      "{mis:Shared values, more than shared specialty.} I've had mentors in my exact field who were useless to me because they wanted a completely different life than I did.",
    ),
    P(
      "Someone who sees you as a whole person. {fam:Who asks about your kids, your parents, whether you're sleeping. Not in a nosy way. In a you-exist way.}",
    ),
    P("Follow-through. If they say they'll email someone, they email someone. {avail:You'd be amazed how many don't.}"),
    P(
      "I think a good mentor is a little bit of a pain. [laughs] {promo:Mine keeps asking me where my paper is, when I'm going up for promotion, what I'm doing about that grant.} It's annoying. It's also why I get things done.",
      not(student),
    ),
    P(
      "{hier:A good mentor isn't also your evaluator.} You need somebody you can be honest with without it showing up in your file.",
      trainee,
    ),
    P(
      "{dbl:Someone who notices when you're being treated differently and says something, even when it's awkward for them.}",
      female,
    ),
    P(
      "Curiosity about you. {mis:Not about how you could help their project — about what you actually want.} That's rarer than it should be.",
    ),
    P(
      "{res:Someone who's calm.} My best mentors are the people whose pulse doesn't go up when mine does. You borrow their calm.",
    ),
    P(
      "Being specific. 'Keep up the good work' is not mentoring. 'Your discussion section buries your main finding' is mentoring.",
    ),
    P(
      '{adv:Someone who connects you.} I think the most underrated thing a mentor does is introductions. {adv:A single email introduction has done more for me than hours of advice.}',
      not(student),
    ),
    P(
      "I'd put humility on the list. {hier:A mentor who can say 'I don't know' or 'I was wrong about that' is worth five who can't.}",
    ),
  ],
};

export const advice: Topic = {
  id: 'advice',
  questions: [
    P('What advice would you give someone just starting out, about mentoring?'),
    P('If you could go back and tell yourself one thing about mentors, what would it be?'),
    P('What would you tell an incoming student or intern about finding mentors?'),
  ],
  answers: [
    P(
      "{skill:Ask early, ask often, and ask specific people specific questions.} {skill:Don't ask will you be my mentor. Ask can I have twenty minutes to talk about applying to %specialty%. The mentoring follows.}",
    ),
    P(
      "{rej:That it's okay to walk away from a mentor who isn't working.} {rej:I wish someone had told me that on day one. I wasted a year being polite.}",
      rejected,
    ),
    P(
      "{team:Get more than one.} {team:Seriously. Don't put all your eggs in one basket — mentors move, retire, get busy, get sick.}",
    ),
    P(
      "{peer:Don't underestimate your peers.} {peer:The people one year ahead of you know more about what you're going through right now than any professor.}",
      trainee,
    ),
    P(
      '{skill:Send an agenda, take notes, follow up with a thank-you and what you did with their advice.} [laughs] {skill:It sounds so basic. Almost nobody does it. Mentors notice.}',
    ),
    P(
      "{dist:Figure out who has power and who has wisdom, because they're often different people, and you need both.}",
      diffYes,
    ),
    P(
      "{res:Be patient with yourself.} Finding good mentors took me years. It's not a sign you're doing something wrong if it doesn't click right away.",
    ),
    P(
      '{inf:Look outside your department.} {inf:Some of my best mentoring has come from people who have no stake in my evaluations and can just be honest.}',
    ),
    P(
      "{skill:Be honest about what you actually want, even if it's not impressive.} {mis:If you tell mentors what you think they want to hear, they'll mentor you toward a life you don't want.}",
    ),
    P(
      '{want:Go to the mentee workshops if your school has them. I went to one far too late.}',
      (p) => p.row.would_seek_menteeship_training === 'yes',
    ),
    P(
      "{conc:Find someone who looks like the future you want.} {model:And if there isn't anyone here, find them somewhere else — conferences, Twitter, whatever.}",
      female,
    ),
    P(
      "{hier:Don't wait to be chosen.} I spent my whole first year waiting for someone to notice me. Nobody did until I started knocking on doors.",
    ),
    P(
      '{time:Protect the time.} If you have a meeting with a mentor, treat it like a clinic slot. {time:The minute you treat it as optional, it disappears.}',
      not(student),
    ),
    P(
      "Just — ask. {skill:The worst that happens is someone says they're too busy, and honestly that tells you something useful too.}",
    ),
    P(
      "{burn:Tell someone when you're struggling before it gets bad.} {iso:I waited until I was really in trouble, and then it felt too big to bring up.}",
      not(burnLow),
    ),
  ],
};

export const mentoringOthers: Topic = {
  id: 'mentoring-others',
  questions: [
    P('Do you mentor anyone yourself?', not(student)),
    P('Has being a mentor changed how you think about being mentored?', any(faculty, chief)),
    P('Do you ever end up mentoring students who are behind you?', any(student, postgrad)),
  ],
  probes: ['Anything else from the mentor side?', 'Mm-hm. Anything else about mentoring others?'],
  answers: [
    P(
      "{peer:Informally, yes. The first-years come to me with questions about rotations and Step, and I try to be the person I needed.} {time:It's hard to find the time, though — I'm barely keeping my own head above water.}",
      student,
    ),
    P(
      "{peer:I run a little study group for the second-years.} [laughs] {peer,res:It's weirdly the most satisfying thing I do all week. Teaching something makes you realize you actually know it.}",
      student,
    ),
    P(
      "{peer:I have two students I check in with.} {skill:What I've learned is that most of them don't know what to ask, so I just tell them the things I wish someone had told me.}",
      any(postgrad, chief),
    ),
    P(
      "{peer:I'm supposed to supervise the interns on my team, and some of them I'd say I mentor.} {hier:It's tricky because I'm also evaluating them, so I try to be clear about which hat I'm wearing.}",
      any(postgrad, chief),
    ),
    P(
      '{skill:Being a mentor made me a much better mentee.} {skill:Now I see how much easier it is when the person comes prepared, and how exhausting it is when they expect me to read their mind.}',
      any(faculty, chief),
    ),
    P(
      "{avail:I have more mentees than I can handle, honestly.} {dbl:Every woman resident in the department seems to end up at my door, because there aren't many of us.} I love it. It's also unpaid and invisible.",
      all(female, faculty),
    ),
    P(
      "{time:I mentor five or six people, formally and informally.} {time,prot:None of it is in my job description and none of it counts in my productivity numbers.} I'd still do it. But it shouldn't have to be a hobby.",
      faculty,
    ),
    P(
      "{adv:The thing I've started doing is sponsoring, deliberately.} {adv:When I get asked to give a talk I can't do, I suggest a junior person instead. It costs me nothing.}",
      all(faculty, diffYes),
    ),
    P(
      "{rej:I've had mentees walk away from me, actually.} [laughs] {rej,mis:One told me, very politely, that she needed someone doing bench research, and she was right. I was hurt for a day. Then I introduced her to someone better.}",
      faculty,
    ),
    P(
      "{skill:I tell my mentees the first meeting: you drive this.} {skill:I'll show up, I'll be honest, I'll open doors, but you set the agenda. Some of them are relieved, some are terrified.}",
      any(faculty, chief),
    ),
    P(
      "{peer:Yes, I try. I'm a chief, so I'm a sort of default mentor for all the juniors.} {burn:Some weeks it feels like I'm holding everyone's stress and nobody's holding mine.}",
      chief,
    ),
    P(
      "{conc:I mentor a couple of the male students, which I think surprises people.} {conc:They ask me about things they don't feel they can ask the men — like feeling anxious, or wanting a family.}",
      all(female, not(student)),
    ),
    P(
      "{time:I'd like to mentor more than I do.} {time,burn:I just don't have anything left at the end of the day. Which makes me feel guilty, because I know how much it matters.}",
      all(not(student), not(burnLow)),
    ),
    P(
      "{model:I make a point of mentoring first-generation students, because I was one.} {model:They often don't know the unwritten rules, and I can just say them out loud.}",
      not(student),
    ),
    P(
      "{adv:As an administrator, I mentor mostly by building structures — the programs, the expectations.} {prot:The one-to-one stuff I do less than I'd like, and more at seven in the morning than I'd admit.}",
      admin,
    ),
    P(
      '{peer:I meet monthly with three junior faculty.} {peer,iso:Half of it is career advice and half of it is reassuring them that feeling lost in your first years on faculty is normal.}',
      attending,
    ),
  ],
};
