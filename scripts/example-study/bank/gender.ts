import { P, Topic, trainee, female, male, faculty, all, any, student, postgrad, admin, diffYes } from './types';

export const gender: Topic = {
  id: 'gender',
  questions: [
    P('Has gender shaped your experience of mentoring in any way?'),
    P(
      "Some of the literature suggests that men and women experience mentoring differently. Does that match what you've seen?",
    ),
    P('Does it matter to you whether a mentor shares your gender?'),
    P('I want to ask about gender. How, if at all, has it come up for you in mentoring?'),
  ],
  probes: ['Is there anything else about gender you have noticed?', 'Anything else on that, before we move on?'],
  answers: [
    // Female participants.
    P(
      "{model:Oh, definitely.} {model:In my department there's one senior woman, and she's amazing, and she is also mentoring about fifteen of us, so.} [laughs] {model,avail:You get her for ten minutes twice a year.}",
      female,
    ),
    P(
      "{conc:I didn't think it mattered until I had a woman as a mentor.} {conc,fam:Then I realized how much I'd been editing myself with the men — not talking about wanting kids, not talking about my partner's job.}",
      female,
    ),
    P(
      "{dbl:I've been told I'm too direct. My male co-residents get told they show leadership.} {dbl:Same behavior. I've literally watched it happen in the same week.}",
      all(female, postgrad),
    ),
    P(
      "{dbl:There's the likeability thing.} {dbl:If I push for something I'm seen as difficult. So I've learned to wrap everything in, like, three layers of 'just wondering if maybe.'} [laughs]",
      female,
    ),
    P(
      "{model:I've never had a mentor who looked like me.} {model:Not a woman of color in my specialty, not once, not in med school, not here.} {iso:You end up translating everything people tell you into your own situation.}",
      female,
    ),
    P(
      "{conc:My best mentor is a man, honestly.} {conc:I don't think gender concordance is everything. But he's the rare one who actually asks about the stuff women get hit with — he noticed I wasn't being invited to things before I did.}",
      female,
    ),
    P(
      "{fam:Having a baby during residency changed everything about how people treated me.} {dbl,fam:There was this assumption I'd be less committed. Nobody says it, but you stop getting asked.}",
      all(female, any(postgrad, faculty)),
    ),
    P(
      '{dbl:When a man and I present the same case at conference, people ask him about the science and ask me how I manage it all.} [laughs] {dbl:Every time.}',
      all(female, any(faculty, postgrad)),
    ),
    P(
      "{conc:I actively look for women mentors.} {conc,model:It's not that men can't mentor me. It's that I need to see that it's possible — the career, a family, not being miserable.}",
      female,
    ),
    P(
      "{dbl,promo:I was told to wait a year before going up for promotion, to be safe. A male colleague with fewer papers went up early.} [pause] {dbl:I'm not saying that's the whole story. But I noticed.}",
      all(female, faculty),
    ),
    P(
      "{model:Most of my attendings are women, actually, in %specialty%.} {model,hier:But the chairs, the deans — it's still men. So the people you see every day and the people who decide things are very different groups.}",
      all(female, trainee),
    ),
    P(
      "{conc:Honestly it hasn't come up much for me.} I'm sure it's affected things I can't see. {dbl:But I haven't felt it directly, or I haven't named it.}",
      all(female, student),
    ),
    P(
      "{dbl:The thing nobody talks about is the invisible work.} {dbl,time:I'm on the wellness committee, the diversity committee, I mentor all the women students — none of it counts for promotion.}",
      all(female, faculty),
    ),
    P(
      "{conc,fam:My mentor is a woman who had her kids in fellowship.} {fam:She's the one who told me — you don't have to wait for the perfect time. There isn't one.}",
      all(female, any(postgrad, faculty)),
    ),
    P(
      "{dbl:I've been mistaken for the nurse maybe a hundred times.} [laughs] {dbl:It's funny until it's not. It's a small thing that tells you something about who's expected to be the doctor.}",
      all(female, any(postgrad, faculty)),
    ),
    P(
      "{model:I think what I've missed is seeing women at the top doing it their own way.} {model,conc:The ones who made it sort of had to become like the men, and I don't want that.}",
      all(female, any(admin, faculty, postgrad)),
    ),
    // Male participants.
    P(
      "{conc:Honestly, I haven't thought about it much, which probably says something.} [laughs] {conc:All my mentors have been men. It never felt like a choice.}",
      male,
    ),
    P(
      "{dbl:I've seen it for my female colleagues, for sure.} {dbl,adv:The way people get invited onto projects — it's often a hallway conversation, and the hallway is mostly guys.}",
      male,
    ),
    P(
      "{conc:It hasn't been an issue for me.} {model:I'll say, though, my best mentor was a woman, and she's the one who taught me to actually listen to patients.}",
      male,
    ),
    P(
      "{dbl:I notice I get the benefit of the doubt in a way some of my co-residents don't.} {dbl:If I'm quiet, I'm thoughtful. If they're quiet, they're disengaged.}",
      all(male, postgrad),
    ),
    P(
      "{fam:As a dad, I've felt some of it. People assume my wife handles everything.} [laughs] {fam,dbl:I left early for a pediatrician appointment and got a lot of, wow, great dad. She'd get a look.}",
      all(male, any(postgrad, faculty)),
    ),
    P(
      "{conc:I think men are less likely to ask for mentoring, actually.} {conc,skill:We're taught to figure it out alone. I certainly was.}",
      male,
    ),
    P(
      "{adv,dbl:When I chair search committees now I try to notice who gets nominated and who doesn't.} {adv:It's mostly the same names, and they're mostly men, unless someone actively pushes.}",
      all(male, any(admin, faculty)),
    ),
    P(
      "{conc:Not really, no.} I'd have been happy with a mentor of any gender. {mis:What mattered more for me was whether they understood what I wanted to do.}",
      male,
    ),
    P(
      "{model:Being a gay man in surgery — well, in medicine, generally — that's more where I've felt it.} {model:There was nobody out and senior when I was training.} So I guess I understand the role-model thing from that side.",
      all(male, any(postgrad, faculty)),
    ),
    P(
      "{dbl,dist:I think the sponsorship gap is real, yeah.} {dbl:I've been sponsored. I'm not sure my female colleagues with the same CV have been.}",
      all(male, diffYes),
    ),
  ],
};
