import {
  P,
  Topic,
  clinician,
  chief,
  wantsMore,
  enough,
  seeksTraining,
  noTraining,
  trainee,
  faculty,
  female,
  mentors,
  all,
  student,
  rejected,
  postgrad,
  any,
  admin,
  attending,
} from './types';

export const more: Topic = {
  id: 'more',
  questions: [
    P('Would you want more mentors than you have now?'),
    P('If you could design your ideal mentoring setup, what would it look like?'),
    P('Is there anything missing from the mentoring you have?'),
    P('On the survey you were asked whether you wanted additional mentors. Can you tell me about your answer?'),
  ],
  probes: ['Is there anyone in particular you have in mind?', 'Anything else on that?'],
  answers: [
    P(
      "{more:Yes. Absolutely yes.} {more,mis:I'd love someone who actually does the kind of research I want to do. Right now I'm borrowing advice from people in adjacent fields and translating it.}",
      wantsMore,
    ),
    P(
      "{more:I'd want more, yeah. Specifically somebody further along who's been through a promotion cycle recently} — not twenty years ago when the rules were different.",
      all(wantsMore, faculty),
    ),
    P(
      "{more:Definitely.} {more,iso:I think the hardest thing is that I don't have anyone who's one or two steps ahead of me. Everyone is either my peer or so senior they can't remember being me.}",
      wantsMore,
    ),
    P(
      "{more:I'd want more, but not more of the same.} {team:I want a little team — like, a research person, a clinical person, and somebody who just asks how I'm doing.} {more:Right now it's all on one person and that's not fair to them.}",
      all(wantsMore, mentors(1, 1)),
    ),
    P(
      "{more:More, for sure.} {more,conc:Ideally a woman who's a couple of years out. There are so few of them in my field that they're all overcommitted.}",
      all(wantsMore, female),
    ),
    P(
      "{more:Yes, I checked yes on that.} I'm not sure where they'd come from, though. {avail:Everybody good is already mentoring five people.}",
      wantsMore,
    ),
    P(
      "{more:I'd want someone outside my department.} {more,hier:Somebody who doesn't write my evaluations, so I can actually say when I'm struggling.}",
      all(wantsMore, trainee),
    ),
    P(
      "{more:I think I'd want more mentors, yes, because I'm applying soon and I don't have anybody who can tell me honestly how competitive I am.} [laughs] {more:Everyone's just very encouraging.}",
      all(wantsMore, student),
    ),
    P(
      "[pause] {more:Yeah. Yeah, I would.} {more,rej:After the assigned thing didn't work, I sort of stopped looking. That was probably a mistake.}",
      all(wantsMore, rejected),
    ),
    P(
      "{more:More, yes, but I'd actually settle for one who shows up.} [laughs] {avail:Quality over quantity.}",
      all(wantsMore, mentors(0, 2)),
    ),
    P(
      "{more:I'd want someone who's good at the political side.} I'm fine on the clinical side. {more,promo:It's the how-do-you-get-promoted, how-do-you-get-on-the-right-committee part where I'm lost.}",
      all(wantsMore, any(faculty, postgrad)),
    ),
    P(
      "{more:Even at my stage, yes.} People assume once you're senior you don't need mentors anymore. {more,iso:It's actually lonelier up here. You need peers-as-mentors more than ever.}",
      all(wantsMore, any(admin, attending)),
    ),
    P(
      "{more:I'd like one more, for the life side of things. I've got people for the career.} {fam:I don't have anyone who's done this with kids.}",
      all(wantsMore, mentors(2)),
    ),
    P(
      "{more:Yes. I want a mentor who's from a background like mine.} {model:I've never once had a mentor who was first-generation or who grew up like I did, and I think there's stuff they'd just get without me explaining it.}",
      all(wantsMore, trainee),
    ),
    P(
      "{more:I'd take more, honestly.} {more,res:I've noticed I'm braver when I know there's someone I can call afterward.}",
      wantsMore,
    ),
    P(
      "{more:I'd love more mentors. I just wish it were less — awkward — to ask.} {skill:Like, what do you even say? Will you be my mentor? It sounds like asking someone to prom.} [laughs]",
      wantsMore,
    ),
    P(
      "No, I think I'm good. {team:I have the people I need.} {time:If anything I'd want more time with the ones I have, not more people.}",
      all(enough, mentors(2)),
    ),
    P(
      "Not really. {time:I honestly don't have the time for more meetings.} [laughs] {team:The ones I have cover the bases.}",
      enough,
    ),
    P(
      "I'd say no. {res:I'm at a point where I mostly know what I need to do.} I'd rather spend my energy mentoring others.",
      all(enough, faculty),
    ),
    P(
      "No. [pause] {iso:Honestly, I think I've just gotten used to doing it on my own.} Which is maybe not the answer you're hoping for.",
      all(enough, mentors(0, 2)),
    ),
    P(
      "I don't think more is the answer. {mis:I've had mentors who gave me contradictory advice and it was worse than having none.} Better to have two good ones.",
      enough,
    ),
    P(
      "I'm satisfied, actually. {team:Between my research mentor and my program director I've got what I need.} I know I'm lucky.",
      all(enough, trainee),
    ),
  ],
};

export const training: Topic = {
  id: 'training',
  questions: [
    P(
      'Some institutions now offer training in how to be a good mentee — setting agendas, managing up. Would you seek something like that out?',
    ),
    P('Have you ever had any training in how to be mentored?'),
    P('Does the idea of menteeship training — learning how to be a mentee — appeal to you?'),
    P('What about training on the mentee side? Is that something you would go looking for?'),
  ],
  probes: ['Anything else on training?', 'Say a bit more about your thinking there?'],
  answers: [
    P(
      "{want:Yes, honestly. I'd go.} {skill:Nobody ever taught me how to run a meeting with a mentor. I just show up and hope they have an agenda.}",
      seeksTraining,
    ),
    P(
      "{want:I'd sign up tomorrow.} {skill,hier:Especially for how to ask for things. I'm terrible at asking senior people for anything — letters, time, introductions.}",
      all(seeksTraining, trainee),
    ),
    P(
      "{want:Yes. I think I'd actually have handled the assigned-mentor thing better if I'd had some training.} {rej,skill:I didn't know how to say this isn't working, or how to ask for something different. So I just left.}",
      all(seeksTraining, rejected),
    ),
    P(
      "{want:I would, yeah.} {skill:I've heard the phrase managing up and I genuinely don't know what it means in practice.} [laughs]",
      seeksTraining,
    ),
    P(
      "{want:I'd seek it out, if it was at a time I could actually attend.} {time,prot:Everything here is at noon, and noon is when I'm answering pages.}",
      all(seeksTraining, clinician),
    ),
    P(
      '{want:Yes. I did a short workshop once — two hours, at a conference — and it changed how I prepared.} {skill:I started sending an agenda the day before. My mentor actually said, oh, this is helpful.}',
      seeksTraining,
    ),
    P(
      "{want:Yes — I think especially as a first-gen student, nobody explained the hidden curriculum to me.} {skill,model:What you're allowed to ask for. That you're allowed to switch mentors. Any of it.}",
      all(seeksTraining, student),
    ),
    P(
      "{want:I would.} {skill:I'd want it to cover how to have more than one mentor without it being weird, how to end a mentoring relationship politely.} {more:Stuff like that.}",
      seeksTraining,
    ),
    P(
      "{want:I'd go. I'd also make my residents go.} [laughs] {skill:Half the complaints I hear about mentors are really about people not knowing what to ask for.}",
      all(seeksTraining, any(chief, faculty)),
    ),
    P(
      "{want:Yeah, I'd go.} {skill,burn:Partly because I'd like to know how to ask for help before I'm completely underwater, instead of after.}",
      all(seeksTraining, (p) => p.row.burnout_score >= 26),
    ),
    P(
      "{skep:Probably not, honestly. It sounds like one more module.} {time:We already have so many mandatory trainings, and I'm not sure being a mentee is something you learn from slides.}",
      noTraining,
    ),
    P(
      "{skep:I don't think I would.} [pause] {skep:I think it's the mentor's job to know how to mentor, not my job to manage them.} Maybe that's old-fashioned.",
      noTraining,
    ),
    P(
      "{skep:No. I think you learn it by doing it.} {res:I made mistakes with my first mentors and I learned from them. I'm not sure a workshop would have saved me.}",
      noTraining,
    ),
    P(
      "{skep:I'd be curious but I wouldn't seek it out.} {time:If it landed in my inbox at a good time, maybe.}",
      noTraining,
    ),
    P(
      "{skep:Not really.} {time:I mean, the barrier isn't my skills, it's that nobody has time.} {skep:Training me to send better agendas won't fix that.}",
      noTraining,
    ),
    P(
      "No. [laughs] {skep:I think that's a bit of an institutional way of putting the problem on the individual.} {hier:The structure is the problem, not the mentees.}",
      all(noTraining, faculty),
    ),
    P(
      "{skep:Hmm. I'd feel a bit silly, honestly.} It's like a training in how to be a friend. {skep:Some of this is just personality.}",
      noTraining,
    ),
    P(
      "{skep:I wouldn't seek it out, no.} {skill:I think I'm already fairly good at it — I come with questions, I follow up.} But maybe others would benefit.",
      noTraining,
    ),
    P(
      "{skep:Maybe in first year? Not now. I'm too far in.} {time:If I have a free hour I'm going to sleep.} [laughs]",
      all(noTraining, trainee),
    ),
    P(
      "{skep:No, I'd rather do it informally.} {peer:Honestly our group chat is the training. We tell each other what worked.}",
      all(noTraining, trainee),
    ),
    P(
      "{skep:I've been to those. They're fine.} {skep:But I wouldn't seek one out again — it was a lot of role play and not a lot of substance.}",
      noTraining,
    ),
  ],
};
