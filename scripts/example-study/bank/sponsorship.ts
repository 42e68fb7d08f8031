import {
  P,
  Topic,
  resident,
  diffYes,
  diffNo,
  diffNA,
  faculty,
  trainee,
  female,
  male,
  all,
  student,
  any,
  chief,
  admin,
} from './types';

export const sponsorship: Topic = {
  id: 'sponsorship',
  questions: [
    P('People sometimes distinguish mentorship from sponsorship. Does that distinction mean anything to you?'),
    P('How would you describe the difference, if any, between a mentor and a sponsor?'),
    P('Has anyone ever sponsored you — and is that different from being mentored?'),
    P(
      "The survey asked whether you could tell sponsorship and mentorship apart. I'm curious how you think about that.",
    ),
    P("Let's talk about sponsorship. What does that word mean to you?"),
  ],
  probes: [
    'Is that something you had thought about before?',
    'Mm-hm. Anything else on sponsorship?',
    'Where does that view come from, do you think?',
  ],
  answers: [
    // Can differentiate.
    P(
      '{dist:Mentorship is advice. Sponsorship is someone spending their own reputation on you.} {dist,spon:A mentor tells you to apply for the thing. A sponsor calls the committee chair and says you should get it.}',
      diffYes,
    ),
    P(
      "{dist:Oh, very different.} {spon:My sponsor is %informal% — not the person I talk to the most, but the person who put my name forward for the national committee when I didn't even know it existed.} {dist:That's the difference. Sponsors act when you're not in the room.}",
      all(diffYes, faculty),
    ),
    P(
      "Yeah, I learned this the hard way. {dist:I had lots of mentors giving me great advice, and nothing happened. Then one person vouched for me, once, and suddenly I was on a grant.} {spon,rsch:That was sponsorship, and I didn't have a word for it until later.}",
      diffYes,
    ),
    P(
      "{dist:A mentor is about you. A sponsor is about your visibility.} I think of it that way. {adv:My chief nominated me to give the resident talk at grand rounds — that's sponsorship, small scale, but it counts.}",
      all(diffYes, resident),
    ),
    P(
      '{dist:I actually teach this distinction now, in our faculty development sessions.} {dist,promo:Mentoring helps you grow, sponsoring gets you promoted. People need both, and the research says women get more of the first and less of the second.}',
      all(diffYes, any(admin, faculty)),
    ),
    P(
      "{dist:I'd say a sponsor has power and uses it for you.} {adv:When %informal% said to the program director, in front of me, this person should be chief — that was it. That was the moment.}",
      all(diffYes, chief),
    ),
    P(
      "I can tell them apart, sure. {dist,spon:But in practice I've never really had a sponsor, so it's a bit theoretical for me.} [laughs] {dist:I know what it is because I've watched other people get it.}",
      diffYes,
    ),
    P(
      "{dist:Sponsorship is when someone with a seat at the table brings up your name.} {adv,dbl:And honestly, I've noticed it happens more naturally for the guys, because the people with seats at the table play golf with them.}",
      all(diffYes, female),
    ),
    P(
      "{dist:Yes, that's a distinction I use.} {spon:I'd say I've been sponsored more than mentored, actually. %informal% doesn't give a lot of advice, but %ishe% puts me forward for every opportunity.} {dist:Very different from someone who sits and listens.}",
      all(diffYes, male),
    ),
    P(
      "{dist:Advice versus access, I'd say. Mentors give advice, sponsors give access.} {adv:The best ones do both, but that's rare.}",
      diffYes,
    ),
    P(
      "{dist:To me it's the difference between talking and doing.} {spon,promo:A sponsor is the person who wrote the letter that made the committee take me seriously for promotion.}",
      all(diffYes, faculty),
    ),
    // Cannot differentiate.
    P(
      "{conf:Honestly? I'm not sure I could tell you. I thought they were basically the same thing.} [laughs] {conf:Is a sponsor like a mentor who's more senior?}",
      diffNo,
    ),
    P(
      "{conf:I've heard the word sponsorship at a grand rounds once, I think.} I don't really — [pause] — {conf:no, I'd probably have said a sponsor is someone who funds you? Like a grant?}",
      diffNo,
    ),
    P(
      "{conf:I put no on that survey question, I remember.} {conf:I get that there's supposed to be a difference, but in my head a good mentor does all of it — advice, connections, writing letters. Isn't that just mentoring?}",
      diffNo,
    ),
    P(
      "{conf:Hmm. I'd guess a sponsor is more formal? Like someone officially assigned to you?} Is that — no? [laughs] {conf:Okay, so I clearly don't know.}",
      diffNo,
    ),
    P(
      "{conf:I know it's a buzzword. I've seen it on slides.} {conf,model:But nobody ever explained it to me, and I've never seen anyone around me actually do it, so I couldn't tell you what it looks like in real life.}",
      diffNo,
    ),
    P(
      '{conf:Mentor, sponsor, coach, advisor — I think I mix them up.} {conf,want:Somebody should really explain this stuff in first year, because it sounds like it matters.}',
      all(diffNo, trainee),
    ),
    P(
      "{conf:I assumed sponsorship was a business thing. Corporate.} Like, a company sponsors an event. {conf:I didn't know it was a thing in medicine.}",
      all(diffNo, any(student, trainee)),
    ),
    P(
      "{conf:Maybe a sponsor is someone who vouches for you? But my mentor vouches for me, so...} I don't know. {conf:Maybe I have a sponsor and don't know it.} [laughs]",
      diffNo,
    ),
    P(
      "{conf:I've been doing this a long time and I'll admit I'm fuzzy on it.} {conf:When the dean's office says sponsorship I nod along.} [laughs] I think I'd probably call all of it mentorship.",
      all(diffNo, faculty),
    ),
    P(
      "{conf:No, I couldn't differentiate them. Not confidently.} {spon:Although — now that you say it — there was someone who put my name forward for a chief interview, and I never thanked them properly, because I didn't realize that was a thing they'd done on purpose.}",
      diffNo,
    ),
    P(
      "{conf:They're the same, no? A mentor supports you.} A sponsor supports you. [pause] {conf:Okay, maybe one of them supports you with money.}",
      diffNo,
    ),
    P(
      "{conf:I would say I understand it in theory after reading about it last night, but if you'd asked me before this interview, no.} [laughs] That's the honest answer.",
      diffNo,
    ),
    // Did not answer the survey item.
    P(
      "{conf:I skipped that question on the survey, actually.} I wasn't sure what you meant by sponsorship and I didn't want to guess.",
      diffNA,
    ),
    P(
      "Hmm. [pause] I think I'd rather not commit to an answer. {conf:I've heard people use it in different ways and I'm not sure which one is right.}",
      diffNA,
    ),
    P(
      "{conf:That was the one I left blank.} It felt like a trick question. [laughs] {dist:I suppose a sponsor is someone who opens doors — but isn't that part of mentoring too?}",
      diffNA,
    ),
  ],
};
