import {
  P,
  Passage,
  trainee,
  faculty,
  female,
  male,
  student,
  postgrad,
  chief,
  admin,
  rejected,
  kept,
  all,
  any,
  not,
  mentors,
  wantsMore,
  enough,
  seeksTraining,
  noTraining,
  diffYes,
  diffNo,
  resHigh,
  resLow,
} from './types';

/** Further answer passages, in other voices, appended to the topics of the same id. */
export const MORE_VOICES: Readonly<Record<string, readonly Passage[]>> = {
  network: [
    P(
      "{inf:It's my old lab PI from undergrad, weirdly.} I still email %ihis% before every big decision. {inf:%Ishe% knows nothing about clinical medicine and everything about me, which turns out to be the more useful half.}",
      mentors(1),
    ),
    P(
      "{peer:The residents, mostly.} {peer,hier:The attendings are great, but they're attendings — you don't want to look clueless in front of them. A resident you can ask the stupid question.}",
      student,
    ),
    P(
      "So there's %informal%, who's sort of my clinical conscience. [laughs] {inf:I call %iher% when I'm not sure whether I'm being overcautious or reckless.} {inf:We've never once discussed my CV.}",
      all(not(student), mentors(1)),
    ),
    P(
      "{peer:A friend from my medical school class who's now in another program.} {peer,iso:We talk every Sunday. She's the only person who knows both my work life and my real life.}",
      postgrad,
    ),
    P(
      "{inf:Honestly, one of the nurses on the unit, %peer%.} {inf:She's been there since before I was born, basically, and she will tell me, kindly, when I'm about to do something dumb.} [laughs]",
      any(postgrad, chief),
    ),
    P(
      "{team:I have a sort of split arrangement. %informal% for research, a clinician in my division for everything clinical, and a former co-fellow who's now at another place for the honest stuff.}",
      all(faculty, mentors(3)),
    ),
    P(
      "{inf:The person I actually trust is %informal%, who's retired.} {inf,hier:Which is partly why — %ishe% has nothing to lose by being honest with me, and no politics.}",
      all(faculty, mentors(1)),
    ),
    P(
      "{peer:There's an online community, actually, for women in %specialty%.} {peer,conc:It's thousands of people, and someone always answers at two in the morning.}",
      female,
    ),
    P(
      "{iso:Nobody, really, beyond the formal stuff.} [pause] I'm not very good at reaching out. {skill:I always feel like I'm imposing.}",
      all(mentors(0, 1), kept),
    ),
    P(
      '{inf:I have this one attending, %informal%, who I worked with for a month in second year.} {inf:%Ishe% told me, email me anytime, and I actually did, and %ishe% actually answered. That never happens.} [laughs]',
      all(any(student, postgrad), mentors(1)),
    ),
    P(
      '{peer:My co-residents, honestly, and one of the fellows.} {peer,time:We mentor each other in the workroom at eleven at night, which is apparently when all important career conversations happen.}',
      postgrad,
    ),
    P(
      "{inf:A former program director of mine, %informal%, still checks in every few months.} {inf:I think %ishe% does that for a lot of people. I don't know how %ishe% finds the time.}",
      all(not(student), mentors(1)),
    ),
    P(
      "{peer:I'm part of a peer mentoring circle for new chiefs across the region.} {peer:We do a call once a month. It's the only place I can say, I have no idea what I'm doing, without consequences.}",
      chief,
    ),
    P(
      '{inf:My sister is a nurse, and honestly she mentors me more than anyone at school.} [laughs] {inf:She tells me how to talk to the nurses, which no one else does.}',
      student,
    ),
  ],
  sponsorship: [
    P(
      "{dist:A mentor is the person you go to. A sponsor is the person who goes for you.} {spon:I've had maybe one real sponsor in my career, and I remember every single thing she did.}",
      diffYes,
    ),
    P(
      "{dist:Mentors talk with you, sponsors talk about you.} [laughs] {dist:That's a line from a talk I heard, but it stuck because it's true.}",
      diffYes,
    ),
    P(
      "{dist,spon:I think I only understood it when I became a sponsor myself.} {adv:Someone asked me to recommend a speaker and I gave them a name, and that person's year changed. That's sponsorship. It took me thirty seconds.}",
      all(diffYes, faculty),
    ),
    P(
      "{dist:Yes, I'd say I can tell them apart.} {adv,dbl:And I'd say the people who get sponsored here look a lot like the people doing the sponsoring.}",
      diffYes,
    ),
    P(
      "{conf:I'm going to be honest, I always thought those were synonyms.} [laughs] {conf:Like mentor is the British word and sponsor is the American one or something.}",
      diffNo,
    ),
    P(
      "{conf:Uh — I would guess the sponsor is more the money side? Or the one who signs off on things.} [pause] {conf:I genuinely don't know, I'm sorry.}",
      diffNo,
    ),
    P(
      "{conf:I couldn't have told you the difference before today.} {conf,model:I suppose I've never seen it modelled. Nobody says, I'm going to sponsor you now.}",
      diffNo,
    ),
    P(
      "{conf:I think in my head they're all just people who are senior and nice to you.} [laughs] {conf:Which is probably not the technical definition.}",
      all(diffNo, trainee),
    ),
    P(
      "{conf:Isn't a sponsor the person who signs your visa paperwork?} [laughs] {conf:No, I'm joking — partly. That's genuinely the only context I've heard the word in.}",
      diffNo,
    ),
    P(
      "{conf:I'd say a sponsor is somebody who's responsible for you, officially.} Like a — program director? {conf:But then a mentor is also kind of that. So I'm not sure.}",
      diffNo,
    ),
    P(
      "{conf:I know there's supposed to be a difference, I read an article.} {conf:But the article didn't really land, because I couldn't think of a single example from my own life.}",
      diffNo,
    ),
  ],
  more: [
    P(
      "{more:Yes, and specifically I want somebody who's honest about money.} [laughs] {more:Nobody talks about loans, contracts, negotiating. I'm going to sign my first job offer with no idea what's normal.}",
      all(wantsMore, any(postgrad, chief)),
    ),
    P(
      "{more:I'd like a mentor who's not in medicine at all, actually.} {more,res:Someone who could remind me there's a world outside the hospital.}",
      wantsMore,
    ),
    P(
      "{more:I think I'd like one more person — a research person.} {rsch:I've got clinical mentoring covered. But every time I try to start a project I get stuck on the methods.}",
      wantsMore,
    ),
    P(
      "{more:Yes. I'd love someone who's done the kind of career I think I want — part clinical, part education.} {model:I don't know a single person here who's done that well.}",
      wantsMore,
    ),
    P(
      "{more:Yeah, I'd take another, for sure.} {more,dir:Especially now, with fellowship applications. I have one person's view of the field and I'd like a second opinion.}",
      all(wantsMore, postgrad),
    ),
    P(
      "{more:More mentors? Yes. More meetings? No.} [laughs] {more,time:I'd want mentors who communicate in short, useful bursts. A text. A two-line email.}",
      wantsMore,
    ),
    P(
      "{more:I'd want someone who's further along but still remembers training.} {more:The mentors who are twenty years out give advice for a job market that doesn't exist anymore.}",
      all(wantsMore, trainee),
    ),
    P(
      "{more:Definitely. Especially someone outside this institution.} {more,hier:Everyone here is connected to everyone else, so there's always a little bit of — is this going to get back to someone.}",
      wantsMore,
    ),
    P("I think I have enough, actually. {team:I'm more worried about the people who have none.}", enough),
    P(
      "{team:Not more. I've got three good ones and that's plenty.} [laughs] {time:Any more and I'd spend my whole week being mentored.}",
      all(enough, mentors(3, 3)),
    ),
  ],
  training: [
    P(
      "{want:Oh, I'd go.} {skill:I'd especially want help with email. How to write to a senior person. It sounds ridiculous, but I draft those emails five times.}",
      seeksTraining,
    ),
    P(
      '{want:Yes, I think it should be required in first year, honestly.} {skill,model:The students who already know how this works are the ones whose parents are doctors.}',
      all(seeksTraining, trainee),
    ),
    P(
      "{want:I would — if it was practical.} {skill:Like, here's how to ask for a letter, here's how to ask for a project, here's how to say no to a project.}",
      seeksTraining,
    ),
    P(
      "{want:I'd seek it out, yes.} {skill,rej:Particularly how to end a mentoring relationship that isn't working without burning a bridge. I don't think I did that well.}",
      all(seeksTraining, rejected),
    ),
    P(
      '{want:Yeah, I signed up for the one the office ran last spring and it got cancelled.} [laughs] {time:Not enough people could attend.}',
      seeksTraining,
    ),
    P(
      "{skep:Mm, no.} {skep:I think it's a symptom of the institution wanting to fix people instead of fixing the system.}",
      noTraining,
    ),
    P(
      "{skep:I doubt it. I'd go if it were required, I guess.} [laughs] {skep:But I'm not sure what I'd learn that I couldn't get from asking a friend.}",
      noTraining,
    ),
    P(
      "{skep:Honestly, no. I'd rather the mentors got trained.} {mis:Half of mine didn't know how to mentor someone whose goals were different from theirs.}",
      noTraining,
    ),
    P(
      "{skep:Probably not. Not at this stage.} {res:I've figured out most of it by trial and error, and I'm okay with that.}",
      all(noTraining, not(student)),
    ),
    P(
      "{skep:Maybe if it were short.} {skep,time:An hour, tops. I've done the all-day workshops. By lunchtime everyone's answering pages.}",
      noTraining,
    ),
    P("{skep:No.} [laughs] {skep:I think the people who'd go are already the people who are good at it.}", noTraining),
  ],
  gender: [
    P(
      "{dbl:I'll give you one. When I negotiated my start-up package, I was told I was 'surprisingly aggressive'.} {dbl:A male colleague negotiated for more and was told he was 'savvy'.} We compared notes later.",
      all(female, faculty),
    ),
    P(
      "{conc:I'm not sure gender matters to me as much as being taken seriously.} {conc,dbl:Though, now that I say that — the people who haven't taken me seriously have mostly been men. So maybe it does.}",
      female,
    ),
    P(
      "{fam:The thing I notice is that nobody has ever asked me about family planning in a mentoring meeting.} {fam,conc:My female co-residents get asked constantly. I'm not sure which of us has it worse.}",
      all(male, any(postgrad, faculty)),
    ),
    P(
      "{conc:I've actually found it easier to talk to female mentors.} [pause] {conc:I'm not totally sure why. Maybe less performance. Less of the — bravado thing.}",
      male,
    ),
    P(
      "{model:There's one woman surgeon in our program who has kids.} One. {model:Every female student who's thinking about surgery ends up having coffee with her. She must drink forty coffees a month.} [laughs]",
      female,
    ),
    P(
      "{dbl:I had a mentor tell me to smile more in my interviews.} [pause] {dbl:I don't think he'd have said that to a man. I did smile more, though. Which I'm annoyed about.}",
      all(female, trainee),
    ),
    P(
      "{conc:I think gender concordance mattered to me early on, less now.} {conc:Now I care more about whether someone's actually in my corner.}",
      all(female, not(student)),
    ),
    P(
      "{dbl:Honestly, I think I've benefited.} {dbl,adv:People assume competence with me that they make my female colleagues prove. I try to be aware of that, but awareness is cheap.}",
      male,
    ),
  ],
  barriers: [
    P(
      "{mis:Generational stuff, partly.} {mis:Some of the senior people think work-life balance is a phrase lazy people use. You can't get mentored by someone who thinks your basic needs are a weakness.}",
    ),
    P(
      "{avail:Turnover. I've had three mentors leave the institution in four years.} {avail,iso:Each time you start from zero.}",
      not(student),
    ),
    P(
      "{hier:The fear of looking weak.} {hier:If I ask for help, am I the resident who can't cope? That stops a lot of people, I think.}",
      trainee,
    ),
    P(
      "{time:The RVU model.} {time,prot:Every hour I spend mentoring is an hour I'm not billing. The institution says mentoring matters and then pays us not to do it.}",
      faculty,
    ),
    P(
      "{avail:Honestly, the pandemic changed things.} {avail:Everything went to Zoom and some of it never came back. You don't get the hallway moments.}",
    ),
    P(
      '{hier:Mentors who are also gatekeepers.} {hier,rej:If the person mentoring you also decides on your fellowship letter, what are you going to tell them? Not the truth.}',
      trainee,
    ),
    P(
      "{mis:Lack of diversity in who's available.} {mis,model:If you're not a white man who wants to do bench research, the menu gets short pretty quickly.}",
      not(male),
    ),
    P(
      "{time:There's just no slack in the system.} {time,burn:Everyone's running at a hundred and ten percent, and mentoring is the first thing to go because it never feels urgent.}",
    ),
  ],
  moment: [
    P(
      "{spon:When I applied for a chief position, someone I'd barely talked to wrote me a letter.} {spon,dist:I found out later she'd seen me handle a difficult family meeting and remembered. Sponsorship, I guess, from a single afternoon.}",
      all(diffYes, trainee),
    ),
    P(
      '{iso:Honestly? My worst moment was after a bad evaluation.} {iso,asg:I emailed my assigned mentor and got an out-of-office reply. For three weeks.} [laughs] {rej:I stopped emailing after that.}',
      rejected,
    ),
    P(
      '{inf:A pharmacist, actually.} {inf:She caught a dosing error of mine, and instead of reporting me to the attending in front of everyone, she took me aside and taught me how to check that drug every time.} {res:Best mentoring I got that month.}',
      any(student, postgrad),
    ),
    P(
      "{res:The moment that mattered was when I almost quit, in second year.} {inf:%informal% didn't try to talk me out of it. %Ishe% said, take a week, and if you still want to leave, I'll help you leave well.} I took the week. I stayed.",
      trainee,
    ),
    P(
      "{promo:When I was up for promotion, the committee asked for letters from outside.} {spon,adv:%informal% made three phone calls — I know because people told me afterwards.} {promo:I'd have been delayed a year without that.}",
      all(faculty, diffYes),
    ),
  ],
  qualities: [
    P("Someone who challenges you. The nice mentors who just agree with everything — that's nice, but you don't grow."),
    P(
      "{avail:Responsiveness. Honestly that's most of it.} If I need an answer by Friday and you answer the next Thursday, you're not really my mentor.",
    ),
    P(
      "Someone who doesn't make you feel like a project. {mis:Some mentors treat you like a problem to be fixed, or a trophy. You can feel it.}",
    ),
    P("{res:Patience. I'm not a fast learner in some areas, and the best mentors let me take the time.}"),
    P("{dist:Someone who'll put their reputation on the line for you, at least once.}", diffYes),
  ],
  'mentoring-others': [
    P(
      "{peer:I mentor the interns, sort of by default.} {time:It mostly happens at three a.m. during cross-cover, which is not ideal, but it's when they have questions.}",
      postgrad,
    ),
    P(
      '{skill:I tell every mentee: bring me your problem in one sentence.} [laughs] {skill:It forces them to think about it first, and half the time they solve it before they get to my office.}',
      faculty,
    ),
    P(
      "{rej:As a program person, I've had residents switch away from mentors I assigned.} {rej:I used to take it personally on the mentor's behalf. Now I think it's healthy.}",
      any(admin, chief),
    ),
  ],
  resilience: [
    P("{res:Cooking. I cook on Sundays for the whole week. It's the only time my brain is quiet.}", not(resLow)),
    P("{res:Honestly, my kids. They don't care about my day. They just want to play. It resets me.}", not(resLow)),
    P('{res:I write. Not for publication. Just a notebook. It helps to get the day out of my head.}', resHigh),
    P("{res,iso:I'm still figuring that out. It's been a lonely year.}", resLow),
  ],
  closing: [
    P('Just thank you. {res:It was useful to think about this out loud.}'),
    P("{more:I'd say, ask the people who have nobody. They're the ones who didn't answer your survey, probably.}"),
    P(
      "{hier:Only that it's hard to be honest about this while you're still in the system.} I hope this stays anonymous. [laughs]",
      trainee,
    ),
    P("{time:Just that everyone means well, and nobody has time.} That's the whole story, really."),
  ],
};
