/**
 * English: the AFINN-165 word list as loaded by natural's SentimentAnalyzer, with our corrections for
 * customer posts (AFINN rates "support", "care", "please", "like", "joke" positive and lacks "slow", "late",
 * "refund"…), our negation handling instead of natural's (which flips everything after "not" to the end),
 * and phrases. Loaded from natural's module file directly: the package index pulls in far more than this.
 */
import SentimentAnalyzer from 'natural/lib/natural/sentiment/SentimentAnalyzer';
import { SentimentLexicon, StemTable } from './lexicon-scorer';

const afinn = new SentimentAnalyzer('English', null, 'afinn').vocabulary;

// Overrides and additions, written by us: "=word" exact, stems (4+ letters) as prefixes, "_" joins phrases.
const OURS = `
3: =above_and_beyond =lifesaver =life_saver =blown_away =highly_recommend =five_stars =second_to_none
2: =slaps =helped_a_lot =convenient
2: =problem_solved =problem_fixed =issue_resolved =issue_fixed =sorted_out
2: =keep_it_up =never_regretted =no_regrets =packed_with_care =smooth =seamless =tasty =legit =gem =obsessed =fav =favorite =favourite =kudos =shoutout =props =i_like =we_like
2: =really_like =i_liked =reliable =affordable =quick_response =well_done =top_notch =on_time =spot_on =game_changer
2: =super_fast =so_fast =fast_delivery =quick_delivery =came_early =arrived_early =thx =ty =must_have =works_great
1.5: =with_care =kind =fast =quick =quickly =promptly =prompt =responsive =painless =hassle_free =no_issues =no_problems =sorted
1: =helped =same_day =fine =lol =haha =lmao =lmfao =rofl =ok =okay =decent =works_fine =not_bad =finally =resolved =fixed
0: =best_buy =like =likes =please =help =helps =want =pretty =god =jesus =care =support =supported =supports =save =fire
-0.8: =promised =promise =promises
0: =best_deals =reach =warning =big =savings =interest =united =share =shares =joke =free =hope =hoping =wish =top =pay =yes =cut =limited
-1: =went_up =goes_up =charged =charges =late =later =hold =on_hold =meh =cancelled =canceled =pending =delay =delayed
-1.5: =is_down =was_down =been_down =went_down =down_again =price_hike =slow =slower
-1.5: =been_a_week =been_a_month =been_weeks =been_days =different_answers =dial_up =out_of_stock =mid =at_best
-1.5: =zero =level_zero
-1.5: =price_increase =yet_another =gone_downhill =downhill =impossible =rescheduled =in_circles =run_around =like_water =loops =looping =slowly =laggy =glitch =glitchy =lag =lagging =unresponsive =outage =outages =downtime
-0.5: =waiting
-1.5: =still_waiting =no_response =no_reply =no_answer =no_signal =no_service =took_forever =so_slow =too_slow
-2: =talked_me_into =fml =didn't_need
-2: =ghosted =got_nowhere =clown =circus =buggy =crash =crashes =crashed =crashing =unhelpful =useless =overpriced =overcharged =broken =rude =smh
-2: =mess =nightmare =hassle =headache =disappointing =disappointed =refused =denied =ignored =ignoring =unacceptable
-2: =joke_of =never_arrived =didn't_arrive =never_came =hidden_fees =hung_up =waste_of =not_worth =doesn't_work
-2: =cold_food =stale =soggy =rotten =expired =damaged =faulty =defective =missing =incompetent =clueless
-2.5: =clown_show =ripoff =rip_off =scam =scammed =scammers =scamming =fraud =garbage =trash =pathetic =never_again =clowns
-2.5: =stole =stealing =thieves =worst_experience =zero_stars =one_star
`;

// Neutral alone, a failure when negated: "doesn't work", "never arrived", "no refund".
const NEGATED_ONLY = `
-1.5: =work =works =working =worked =arrive =arrived =arrives =deliver =delivered =delivering =delivery =respond
-1.5: =responded =responding =response =reply =replied =replies =answer =answered =answering =refund =refunded
-1.5: =fix =fixed =fixing =load =loads =loading =help =helped =helping =resolve =resolved =like =liked =update =updated
-1.2: =receive =received =get =got =come =came =show =showed =open =opens =opening =connect =connecting =signal
-1.2: =service =call =called =calling =reach =charge =ship =shipped =send =sent =return =returned =accept =accepted
-1.2: =money =substitute =substitutes =need =needed
-1: =buy =buying =order =orders =ordered =ordering =use =using =recommend =care =listen =bother
-1.5: =install =installs =explanation =notice =warning =pay =log =login =access =find =found
`;

const NEGATORS = [
  'not',
  'no',
  'never',
  'neither',
  'nor',
  'none',
  'nobody',
  'nothing',
  'without',
  'hardly',
  'barely',
  'cannot',
  "don't",
  "doesn't",
  "didn't",
  "isn't",
  "wasn't",
  "aren't",
  "weren't",
  "can't",
  "won't",
  "wouldn't",
  "couldn't",
  "shouldn't",
  "haven't",
  "hasn't",
  "hadn't",
  "ain't",
  'dont',
  'doesnt',
  'didnt',
  'isnt',
  'wasnt',
  'arent',
  'cant',
  'wont',
  'wouldnt',
  'couldnt',
  'havent',
  'hasnt',
  'aint',
  'nope',
];

const INTENSIFIERS: [string, number][] = [
  ['very', 1.5],
  ['really', 1.3],
  ['so', 1.3],
  ['extremely', 1.6],
  ['super', 1.4],
  ['totally', 1.4],
  ['absolutely', 1.5],
  ['incredibly', 1.6],
  ['too', 1.2],
  ['most', 1.3],
  ['such', 1.2],
  ['completely', 1.4],
  ['utterly', 1.6],
  ['insanely', 1.6],
  ['highly', 1.4],
  ['seriously', 1.3],
  ['truly', 1.3],
  ['pretty', 1.1],
  ['quite', 1.1],
  ['literally', 1.2],
  ['always', 1.1],
  ['again', 1.2],
  ['constantly', 1.3],
  ['still', 1.1],
  ['slightly', 0.6],
  ['somewhat', 0.7],
  ['little', 0.7],
  ['bit', 0.8],
  ['kinda', 0.7],
  ['almost', 0.8],
];

const ours = new StemTable(OURS);
const negatedTable = new StemTable(NEGATED_ONLY);

const phrases = new Map<string, number>();
for (const [key, value] of Object.entries(afinn)) if (key.includes(' ')) phrases.set(key, value);
for (const [key, value] of ours.phrases()) phrases.set(key, value);

export const ENGLISH_LEXICON: SentimentLexicon = {
  word(token) {
    const value = ours.lookup(token);
    if (value !== undefined) return value;
    return afinn[token];
  },
  negatedOnly: (token) => negatedTable.lookup(token),
  phrases,
  negators: new Set(NEGATORS),
  asking: new Set(['anyone', 'anybody', 'somebody', 'suggestions', 'advice', 'wondering', 'whether']),
  intensifiers: new Map(INTENSIFIERS),
  contrast: new Set(['but', 'however']),
};

/** Source mistakes (duplicates, short stems); the unit tests require none. */
export const ENGLISH_LEXICON_PROBLEMS = [...ours.problems, ...negatedTable.problems];

export const ENGLISH_LEXICON_SIZE = Object.keys(afinn).length + ours.size + negatedTable.size;
