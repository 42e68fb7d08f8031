import {
  P,
  Topic,
  year,
  burnHigh,
  burnMid,
  burnLow,
  mentors,
  resHigh,
  resLow,
  rejected,
  trainee,
  faculty,
  female,
  all,
  any,
  postgrad,
  student,
  chief,
  admin,
  not,
  pastIntern,
} from './types';

export const wellbeing: Topic = {
  id: 'wellbeing',
  questions: [
    P('How are you doing, honestly, in terms of workload and burnout?'),
    P('Can we talk about wellbeing for a moment? How has this year been for you?'),
    P("I'd like to ask about burnout. Is that something you've experienced?"),
    P('How do you look after yourself, given everything we have been talking about?'),
  ],
  probes: ['What keeps you going?', 'Has a mentor ever helped with that?', 'Mm-hm. [pause] Take your time.'],
  answers: [
    // High burnout.
    P(
      "[pause] {burn:Not great, honestly. I'd say I'm burnt out. I've been burnt out since about October.} {burn,iso:I come home and I don't want to talk to anyone, and then I feel guilty about that, and then I'm up at two.}",
      burnHigh,
    ),
    P(
      "{burn:I scored pretty high on that burnout scale on your survey, and I wasn't surprised.} {burn,time:It's not one thing. It's the inbox, the notes, the calls, the sense that it never ends.}",
      burnHigh,
    ),
    P(
      "{burn:There was a stretch this winter where I'd sit in my car in the parking garage for twenty minutes before I could go in.} {burn,iso:And nobody knew. Nobody asked.} [pause] Sorry. Give me a second.",
      burnHigh,
    ),
    P(
      "{burn:Bad. I mean, bad.} {burn,rej:And I think part of it is that I don't have anyone to check in with. After I dropped my mentor there was nobody whose job it was to notice.}",
      all(burnHigh, rejected),
    ),
    P(
      "{burn:Honestly I think about leaving medicine most weeks.} Not seriously — well. [pause] {burn:Sometimes seriously.} {iso:I've never said that to anyone here.}",
      all(burnHigh, not(admin)),
    ),
    P(
      "{burn,time:I'm exhausted. We're short-staffed, I'm covering two services some weeks.} {burn,prot:My supposed research day has been eaten by clinical work for — I don't even know, a year?}",
      all(burnHigh, faculty),
    ),
    P(
      "{burn:It's been rough.} {burn,dbl:And there's this thing where if I say I'm struggling, I worry it'll be read as — she can't handle it.} So I don't say it.",
      all(burnHigh, female),
    ),
    P(
      "{burn:I'm running on fumes. Step 2 studying on top of sub-internships.} {burn,iso:Everyone in my class looks fine on Instagram and I'm over here eating cereal for dinner.} [laughs] But not really funny.",
      all(burnHigh, student, year('fourth')),
    ),
    P(
      "{burn:Intern year broke something in me a bit, I think.} {burn:Now I'm more functional but I'm — flat. Like, I don't feel the good parts as much.}",
      all(all(burnHigh, postgrad), pastIntern),
    ),
    P(
      "{burn:Chief year has been the most exhausting year of my life, and I thought intern year was bad.} {burn,hier:You're absorbing everyone's stress from below and everyone's demands from above.}",
      all(burnHigh, chief),
    ),
    // Middle.
    P(
      "{burn:Up and down.} There are weeks where I'm fine and weeks where I'm really not. {res:I'm better at noticing it now, I think, which helps.}",
      burnMid,
    ),
    P(
      "{burn:I'd say I'm tired, not burnt out.} [laughs] There's a difference, I think. {res:I still like the work. When I stop liking the work, I'll worry.}",
      burnMid,
    ),
    P(
      "{burn:Somewhere in the middle.} {burn,time:The clinical stuff is fine. It's the administrative load on top that grinds you down.}",
      all(burnMid, not(student)),
    ),
    P(
      "Okay, I think? {burn:There was a bad patch around exams.} {peer,res:My friends pulled me out of it, honestly — they'd literally show up with food.}",
      all(burnMid, trainee),
    ),
    P(
      '{burn:I had a rough few months last year.} {res,inf:What helped was %informal% saying, out loud, that %ishe% had been through the same thing as a junior attending. Just hearing that.}',
      burnMid,
    ),
    P(
      "{burn:I'm managing. Some days better than others.} {prot:I've gotten strict about one evening a week with no work at all, and I guard it.}",
      burnMid,
    ),
    P(
      "{burn:I wouldn't say burnt out. Worn, maybe.} {fam:Having a kid changed it — I have to leave at six, so I do. Weirdly that's helped.}",
      burnMid,
    ),
    P(
      "{burn:Medium.} [laughs] {burn,time:Call weeks are bad. Otherwise okay.} I sleep, I see my partner. It's sustainable-ish.",
      all(burnMid, postgrad),
    ),
    P(
      '{burn:Some burnout, yes, especially in the spring.} {res:But I have things outside medicine — I run, I play in a band, badly — and that keeps me sane.}',
      burnMid,
    ),
    // Low.
    P(
      "Honestly pretty well, right now. {res:I have good boundaries, which took me years to learn.} {res,inf:A mentor once told me the work will take everything you give it, so decide what you're giving it. I think about that a lot.}",
      burnLow,
    ),
    P(
      "Good, actually. [laughs] {res:I know that's not the typical answer.} I'm in a stretch where the work feels meaningful and the team is great.",
      burnLow,
    ),
    P(
      "{res:I'm doing okay.} {prot:I negotiated protected time when I was hired, and I actually use it.} That made a huge difference.",
      all(burnLow, faculty),
    ),
    P(
      'I feel fine. {res:I had a hard time earlier in my career, and I learned what my warning signs are.} {res:Now I step back before it gets bad.}',
      all(burnLow, not(student)),
    ),
    P(
      '{res:Pretty good.} I like school. [laughs] I know people hate hearing that. {peer:I have a good group, we study together, we keep each other honest.}',
      all(burnLow, student),
    ),
    P(
      'Fine. {res:I think at this stage I have more control over my time than I ever did, and control is most of it.}',
      all(burnLow, any(admin, faculty)),
    ),
    P(
      '{res:Pretty well.} {res,team:I think having several people I can call means that no bad week stays bad for long.}',
      all(burnLow, mentors(2)),
    ),
  ],
};

/** Second answers to "what keeps you going", fitted to the resilience score. */
export const resilience: Topic = {
  id: 'resilience',
  questions: [
    P('What keeps you going, on the hard days?'),
    P('Where does your resilience come from, would you say?'),
    P('What helps when things get difficult?'),
  ],
  answers: [
    P(
      "{res:My patients, honestly. It sounds corny. But there's always one encounter a week that reminds me why.}",
      resHigh,
    ),
    P('{res:My faith, and my family. And — this is going to sound silly — my dog.} [laughs]', resHigh),
    P("{res:I've gotten better at letting things go. A bad day is a bad day, not a verdict.}", resHigh),
    P("{res:I think I'm just stubborn.} [laughs] {res:I've always been the person who keeps going.}", resHigh),
    P("{res:Therapy. I'm not shy about it. I started in second year and it's the best thing I've done.}", resHigh),
    P('{res:Running. Forty minutes before work. If I skip it for a week I can feel the difference.}', resHigh),
    P("{res:Perspective, I guess. I've seen people go through much worse than a hard rotation.}", resHigh),
    P('{res,peer:My co-residents. We text each other the dumbest things all day.}', all(resHigh, postgrad)),
    P(
      "[pause] {res:I'm not sure anything does, right now. I'm just getting through it.} {iso:I don't have much of a support system here.}",
      resLow,
    ),
    P("{res:I don't know if I'm resilient, honestly. I think I'm just good at hiding it.}", resLow),
    P("{res:I used to say my family. But I see them so little now.} {iso:That's sort of the problem.}", resLow),
    P(
      "{res:Honestly, counting down. Days until the rotation ends, days until graduation.} That's not great, I know.",
      all(resLow, trainee),
    ),
    P(
      "{res:Some days it's just that I can't afford to quit.} [laughs] I have loans. That's resilience, right?",
      resLow,
    ),
    P("{res:I'm working on it. I started seeing someone — a counselor — last month.} It's early.", resLow),
    P('{res:My partner, mostly. Who is incredibly patient with me.}', not(resHigh)),
    P('{res:Small things. A good coffee. A patient who says thank you. I try to notice them.}', not(resLow)),
    P('{res,inf:Knowing that %informal% went through something like this and came out fine.}', not(resLow)),
  ],
};
