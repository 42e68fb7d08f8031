import {
  P,
  Topic,
  rating,
  rejected,
  trainee,
  faculty,
  female,
  all,
  any,
  student,
  wantsMore,
  seeksTraining,
  diffNo,
  burnHigh,
  kept,
  not,
  mentors,
} from './types';

export const overall: Topic = {
  id: 'overall',
  questions: [
    P(
      "If you had to rate the mentoring you've received overall, on a one-to-five scale, where would you land, and why?",
    ),
    P('Overall, one to five, how would you rate the mentoring you have had?'),
    P('Taking everything together — one being poor, five excellent — how would you rate your mentoring?'),
  ],
  answers: [
    P("{burn,iso:A one.} I'm sorry, but — a one. {iso:I've basically been on my own.}", rating(1)),
    P("[pause] {iso:A two. There have been moments, but mostly I've had to build it myself from scraps.}", rating(2)),
    P("{avail:Two. The people are fine, the system doesn't give them any room to actually do it.}", rating(2)),
    P(
      "{rej:I'd say a two, and that's mostly the assigned part dragging it down.} {inf:The informal stuff I'd give a four.}",
      all(rating(2), rejected),
    ),
    P(
      "Two. Maybe two and a half. {more:I know what good mentoring looks like, I've seen other people get it, and I haven't.}",
      rating(2),
    ),
    P("{time:Honestly, a two.} It's not anyone's fault individually. {time:Everyone's just too busy.}", rating(2)),
    P("A two, I think. {mis:I keep getting mentors who are great at something I don't need.} [laughs]", rating(2)),
    P("Three. Right in the middle. {team:Some of it's been great, some of it's been box-checking.}", rating(3)),
    P("A three. {inf:The formal stuff's a two, the informal stuff's a four, so — average.} [laughs]", rating(3)),
    P("I'd say three. {more:Good, not great.} I don't want to sound ungrateful.", rating(3)),
    P("Three, I think. {res:I've gotten what I needed, mostly by being persistent.}", rating(3)),
    P('Three. {hier:The people have been well-meaning. The culture makes it hard for them.}', rating(3)),
    P(
      "Mm, three? {conf:It depends what you count as mentoring, which, after this conversation, I'm less sure about.} [laughs]",
      all(rating(3), diffNo),
    ),
    P("Three out of five. {avail:When I've had it, it's been good. I just haven't had it consistently.}", rating(3)),
    P("Three. It's fine. {iso:It's fine is probably the most honest summary of the whole thing.}", rating(3)),
    P("I'd say a four. {inf:I've been genuinely lucky with a couple of people.}", all(rating(4), mentors(2))),
    P("Four. {team:Not five, because there were some bad years early on. But now it's strong.}", rating(4)),
    P("A four. {spon:I've had people go to bat for me when it mattered.}", rating(4)),
    P(
      "Four, I'd say. {asg:The formal program actually worked for me, which I know isn't everyone's experience.}",
      all(rating(4), kept),
    ),
    P("Four. {more:I'd give it a five if I had someone in my exact field.}", rating(4)),
    P('Five. Honestly, five. {inf:I would not be here without the people who took a chance on me.}', rating(5)),
    P("A five — which I know is unusual. [laughs] {team:I've had a great team around me.}", all(rating(5), mentors(2))),
    P(
      'Five. {rej,res:And a lot of that is because I walked away from the wrong mentor early enough to find the right ones.}',
      all(rating(5), rejected),
    ),
    P(
      "I'd give it a five. {spon:Without the people who sponsored me I'd still be doing locums.} [laughs]",
      all(rating(5), not(student)),
    ),
    P('Five out of five. {asg:%mentor% alone would get it a five.}', all(rating(5), kept, mentors(1))),
  ],
};

export const closing: Topic = {
  id: 'closing',
  questions: [
    P("Is there anything I didn't ask that you think I should have?"),
    P('Before we stop — anything else you want to add?'),
    P("That's the end of my questions. Anything you'd like to say that we haven't covered?"),
  ],
  answers: [
    P(
      '{iso:Just that I think a lot of people are struggling quietly with this.} It was nice to talk about it, actually.',
    ),
    P("I think — {more:just that mentoring shouldn't depend on luck. Mine did.}"),
    P('No, I think that covers it. [laughs] This was more emotional than I expected.'),
    P(
      "{rej:Only that if someone's thinking of leaving their assigned mentor, they should.} It's allowed. I wish someone had told me that.",
      rejected,
    ),
    P(
      "{want:Maybe that students should be taught this stuff. How to find mentors, what to ask.} {skill:We're just expected to know.}",
      all(trainee, seeksTraining),
    ),
    P(
      "{dist:I'd say: figure out who your sponsors are.} I learned that way too late.",
      (p) => p.row.can_differentiate_sponsorship === 'yes',
    ),
    P('No. Thank you for doing this. {burn:I hope someone actually reads it.} [laughs]', burnHigh),
    P(
      "{adv:Just that the senior people listening to this should go find someone junior and say their name in a room.} That's it.",
    ),
    P("Um — [pause] no. I think I've said plenty. [laughs]"),
    P("{dbl:I'd just add that the gender stuff is real, and it's exhausting to keep pointing it out.}", female),
    P(
      '{team:I think the idea of one mentor for everything is dead, and programs should stop pretending otherwise.}',
      wantsMore,
    ),
    P("Only that it's good someone's studying this. {hier:Nobody asks trainees what they actually think.}", trainee),
    P(
      '{prot:Protected time. If one thing comes out of your study, let it be that.}',
      any(faculty, (p) => p.row.role === 'chief'),
    ),
    P("No, I'm good. Good luck with the analysis."),
  ],
};
