import {
  P,
  Topic,
  rejected,
  kept,
  trainee,
  faculty,
  female,
  all,
  any,
  rating,
  student,
  postgrad,
  burnHigh,
  not,
  mentors,
  pastIntern,
} from './types';

export const assigned: Topic = {
  id: 'assigned',
  questions: [
    P('Did your program assign you a mentor? How did that work out?', trainee),
    P('Tell me about the formal mentoring program — were you assigned someone?'),
    P('Some people get an assigned mentor through their program. Was that your experience?'),
    P('When you started here as faculty, were you assigned a mentor?', faculty),
    P('I want to ask about the assigned mentor specifically. What happened there?'),
    P('How did the official mentoring relationship go — the one the institution set up?'),
  ],
  probes: [
    'Can you say more about that?',
    'Mm-hm. What happened next?',
    'How did that feel at the time?',
    'And how did you end it, practically?',
  ],
  answers: [
    // Rejected the assigned mentor.
    P(
      'So officially I was assigned someone in my first month, %mentor%. {asg:We met once in the cafeteria, fifteen minutes, and %mshe% spent most of it on %mhis% phone.} {rej:After the second cancelled meeting I just stopped putting it on my calendar. I never told anyone. I just — found other people.}',
      all(rejected, trainee),
    ),
    P(
      "{rej,mis:I asked to be switched. %mentor% is a basic scientist, which is great, but I wanted to talk about clinical careers and %mshe% honestly didn't know much about that.} The coordinator was very nice about it, but it took three months and a form. [laughs] {rej:So in the meantime I'd basically already moved on.}",
      rejected,
    ),
    P(
      "I'm going to be honest: {rej:I walked away from my assigned mentor. %mentor% was also on my evaluation committee, and I just didn't feel I could say anything real to someone who was grading me.} {hier:Like, how do you tell that person you're struggling?}",
      all(rejected, trainee),
    ),
    P(
      "{asg:The match was done by last name, I think. Alphabetical.} [laughs] I'm not joking. {rej,mis:And %mentor% was lovely, but we had nothing in common — different specialty, different life, different everything. I stopped going after maybe two meetings and found my own people.}",
      rejected,
    ),
    P(
      '{rej:I rejected mine, yes. It felt like a big deal at the time, like I was being ungrateful.} {rej,res:But it was actually the first time in training I decided something for myself about who gets to shape my career.}',
      rejected,
    ),
    P(
      'So when I started as junior faculty {asg:the chair paired me with %mentor%, who was very senior, very famous in the field.} {rej,avail:I think %mshe% had eleven mentees. I got one meeting a year. After the second year I stopped asking, and I went looking for someone at my own level who actually had time.}',
      all(rejected, faculty),
    ),
    P(
      "{rej,dbl:My assigned mentor said something in our first meeting about how I'd probably want to go part-time once I had kids. First meeting. I never went back.}",
      all(rejected, female),
    ),
    P(
      '{asg:%mentor% was assigned to me and I genuinely tried.} {rej,mis:But every meeting turned into %mhis% project — could I help with this chart review, could I do this abstract — and I realized I was the one being mentored into %mhis% career, not mine.} So I let it go.',
      rejected,
    ),
    P(
      "Yeah. {rej,burn:I think I dropped my assigned mentor at the worst point of intern year, when I just didn't have anything left. Another meeting where I had to perform being fine? I couldn't.} In hindsight maybe that's exactly when I needed one. [pause] But not that one.",
      all(rejected, postgrad),
    ),
    P(
      "{rej:I didn't reject %mentor% so much as — I ghosted, a little. [laughs] Which I'm not proud of.} {hier:There isn't really a polite way for a student to say to a professor this isn't working. There's no script for that.}",
      all(rejected, student),
    ),
    P(
      '{asg:It was a program where you fill out a questionnaire and they match you.} {rej,mis:And I got matched with someone whose whole thing is lab science, and I had written — in the form! — that I wanted to do medical education.} I emailed twice asking to change. {rej:Eventually I just stopped engaging with it.}',
      rejected,
    ),
    P(
      "When I was a fellow, {rej:I turned down the mentor the division picked for me, which was frankly a political risk.} {hier:%mentor% was the division chief's best friend.} {rej,res:But I'd watched %mher% with other fellows and I knew it wasn't going to be good for me. I'd make the same call today.}",
      all(rejected, faculty),
    ),
    P(
      "{rej:The assigned mentor and I just — it didn't work.} {avail:%Mshe% was on service or traveling every time I asked, and after the fourth reschedule I got the message.} {iso:So I spent most of that year sort of alone with it.}",
      rejected,
    ),
    // Kept the assigned mentor.
    P(
      "{asg:I was assigned %mentor% in my first year and, honestly, it's been great.} We meet every month, %mshe% remembers what we talked about last time, %mshe% pushes me. {asg,adv:%Mshe% also got me onto a committee I'd never have known about.}",
      all(all(kept, rating(4, 5)), mentors(1)),
    ),
    P(
      "{asg:I still have my assigned mentor, %mentor%. It's fine.} [pause] It's fine. {asg,avail:We meet twice a year, mostly to fill in the form for the program.} I wouldn't call it mentorship exactly. I never broke it off, there was no reason to, but the real stuff happens elsewhere.",
      all(kept, rating(1, 2, 3)),
    ),
    P(
      '{asg:I lucked out. My assigned mentor, %mentor%, is in the exact area I care about, which I gather is rare.} The first meeting %mshe% asked me what I wanted my life to look like in ten years, not my CV. Nobody had asked me that.',
      all(all(kept, rating(4, 5)), mentors(1)),
    ),
    P(
      "{asg:The program gave me %mentor%, and I kept %mher%, even though it took a while to warm up.} We're very different people. {mis:%Mshe% is very numbers-driven, I'm more — I don't know, narrative.} But %mshe% tells me things straight and I've learned to value that.",
      all(kept, mentors(1)),
    ),
    P(
      "{asg:So yes, assigned, and it's been okay.} {time:Honestly the biggest problem is scheduling — we're both clinical, our calendars never line up.} But when we do meet it's useful.",
      kept,
    ),
    P(
      "We had assigned mentors, yes. {asg:Mine is %mentor%, who's kind of a legend in the department.} [laughs] At first I was intimidated. {hier:I'd prepare for meetings like they were oral exams.} Now it's more relaxed. I'm glad I stuck with it.",
      all(kept, mentors(1)),
    ),
    P(
      "{asg:I kept the assigned mentor mostly out of inertia, if I'm honest.} Never felt strongly enough to ask for someone else. It's a decent relationship, a bit formal. {inf:The person I actually call when something's wrong is somebody else.}",
      all(kept, rating(2, 3)),
    ),
    P(
      "{asg:When I joined the faculty I was assigned a mentor through the department's junior faculty program, %mentor%.} {promo:%Mshe% walked me through the promotion dossier line by line, which — that alone was worth it.}",
      all(kept, faculty),
    ),
    P(
      "{asg:%mentor% was assigned to me and, honestly, %mshe% was the reason I survived intern year.} %Mshe% would text me on Sunday nights: how was the week. That's it. {res:Just knowing somebody was going to ask.}",
      all(all(all(kept, postgrad, rating(3, 4, 5)), mentors(1)), pastIntern),
    ),
    P(
      "{asg:It was a good match on paper. Same specialty, same research interests.} In practice it's been kind of quiet. {avail:%Mshe% is very busy with %mhis% own grants.} I haven't left, I just don't expect much from it anymore.",
      all(kept, rating(1, 2, 3)),
    ),
    P(
      "We didn't really have assigned mentors when I trained, it was all informal. {asg:Here, when I came on faculty, they gave me %mentor%, and I've kept %mher% because %mshe%'s actually good at it.}",
      all(all(kept, faculty), mentors(1)),
    ),
    P(
      "{asg:I was matched with %mentor% in second year.} We meet over coffee every six weeks or so. It's pretty low-key. {asg,dir:%Mshe% did help me realize I wanted %specialty% and not the thing I came in thinking I wanted.}",
      all(all(kept, student), mentors(1)),
    ),
    P(
      "Yes, and — [laughs] — it's complicated. {asg:I've kept %mentor% as my official mentor} because %mshe%'s very kind and I don't want to hurt %mhis% feelings. {mis:But %mshe% doesn't really understand what I'm trying to do.} So I have %mher% for the paperwork and other people for the substance.",
      all(kept, not(rating(5))),
    ),
    P(
      "{asg:My assigned mentor is %mentor%.} What works is that %mshe% sets the agenda with me beforehand, we have goals, %mshe% follows up. It's a bit corporate. But it works, and I think I'm lucky.",
      all(all(kept, rating(3, 4, 5)), mentors(1)),
    ),
    P(
      "{asg:Assigned, yes, in orientation. I kept %mher% mostly because I didn't know I was allowed not to.} [laughs] Nobody tells you that. {burn:And by the time I figured it out I was too tired to start over with someone new.}",
      all(kept, any(burnHigh, rating(1, 2))),
    ),
  ],
};
