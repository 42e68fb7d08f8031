import {
  P,
  Topic,
  trainee,
  faculty,
  female,
  mentors,
  student,
  postgrad,
  rejected,
  kept,
  any,
  all,
  not,
  chief,
  resident,
} from './types';

export const network: Topic = {
  id: 'network',
  questions: [
    P('Beyond the formal program, who else has mentored you?'),
    P('Who else do you go to for advice, outside the formal program?'),
    P("Tell me about the people you'd go to if something went wrong tomorrow."),
    P('How did you find the mentors you actually use?', mentors(1)),
  ],
  probes: ['Anyone else?', 'Is there anyone else who plays that kind of role for you?', 'Mm-hm. Who else?'],
  answers: [
    P(
      '{inf:%informal% was my attending on a two-week block. I asked one question after rounds about how %ishe% decided on %ihis% career, and %ishe% took me for coffee, and that turned into — I guess five years now.} Nobody assigned that. It just happened.',
      mentors(1),
    ),
    P(
      "{peer:Honestly, a lot of my mentoring comes from %peer%, who's a year ahead of me.} %peer% tells me the things the faculty won't, like which attendings actually read your notes and which electives are a waste of time. {peer:That kind of near-peer thing is underrated.}",
      trainee,
    ),
    P(
      "{team:I think of it as a board of directors, which is a phrase I stole from a workshop.} [laughs] {team:One for research, one for clinical stuff, one for life.} None of them knows they're on the board.",
      mentors(3),
    ),
    P(
      "{inf:The most important mentor I have is not even a physician. %informal% is a nurse practitioner in our clinic who's been there twenty years} and knows how everything actually works. {inf,hier:Nobody would list %iher% as my mentor on a form, but %ishe%'s taught me more than anyone with an MD.}",
      all(any(postgrad, faculty), mentors(1)),
    ),
    P(
      "{peer:We have a group chat — four of us, same year.} It started as memes. [laughs] {peer,res:Now it's where we ask the real questions: is it normal that I feel like this, how do I ask for a letter, is this attending being weird or is it me.}",
      trainee,
    ),
    P(
      "{inf:I found %informal% at a conference, actually. Different institution, different city.} We talk maybe once a month on Zoom. {inf,hier:It helps that %ishe%'s outside the politics here — I can be more honest.}",
      mentors(1),
    ),
    P(
      "{peer:There's a writing group of junior faculty that meets Friday mornings. Technically it's about getting papers out.} {peer,iso:Really it's the only place I feel I'm not the only one who's drowning a bit.}",
      faculty,
    ),
    P(
      "{inf:%informal% sort of adopted me when my assigned mentor didn't work out.} I don't think %ishe% planned to. I kept showing up in %ihis% office with questions, and at some point %ishe% started just... expecting me.",
      all(rejected, mentors(1)),
    ),
    P(
      "{team:I've got a few people. I'd say the biggest lesson is that no single person can be everything.} {team,mis:The one who's brilliant about research is useless about — about, like, how to have a kid during residency.}",
      mentors(2),
    ),
    P(
      "{inf:There's a chief from two years ago, %informal%, who's now faculty here. %Ishe% is who I go to.} Partly because %ishe% remembers what it was like. The more senior people sometimes don't.",
      all(any(resident, chief), mentors(1)),
    ),
    P(
      "Honestly? Not many. {iso:I've been at this a while and I still mostly figure things out alone.} {peer:I have a couple of friends from training I call, which is peer mentoring, I suppose, if we're being generous.}",
      all(mentors(0, 1), not(student)),
    ),
    P(
      '{inf:The relationships that actually matter all started informally. Somebody on a committee, somebody I sat next to at grand rounds.} {asg:The formal program gave me a name on a spreadsheet.}',
      all(kept, mentors(2)),
    ),
    P(
      "{peer:My co-chief is my mentor in a lot of ways.} [laughs] We've been mentoring each other all year — who handles which program director, how to say no. {peer:It's a strange, very specific kind of mentoring.}",
      chief,
    ),
    P(
      "{inf:A second-year resident, %peer%, basically mentored me through my first clinical rotation.} Showed me how to present, how not to get yelled at. {peer:I think about that a lot now that I'm the one students follow around.}",
      any(student, resident),
    ),
    P(
      "{inf,conc:The person I go to is %informal%. %Ishe%'s the only woman on faculty in my division who has kids and a research program, so — I mean, it's obvious why.}",
      all(female, (p) => p.vars.ishe === 'she'),
    ),
    P(
      "{team:Three of us have been meeting as a small group with %informal% every month — a mentoring team, I guess you'd call it.} It's nice because you hear other people's questions and realize you had them too.",
      mentors(2),
    ),
  ],
};
