/**
 * Person names: lexicon look-ups (with Finnish inflection) on capitalised words, confidence raised
 * by context words and first+last pairs; greetings and @-mentions of colleagues are left alone.
 */
import * as charsModule from './chars';
import * as classifyNameModule from './classify-name';
import type { NameInfo } from './classify-name';
import * as finnishInflectionModule from './finnish-inflection';
import * as foreignWordsModule from './foreign-words';
import * as lexiconsModule from './lexicons';
import type { Lexicons } from './lexicons';
import * as lowerNameFilterModule from './lower-name-filter';
import * as messageLanguageModule from './message-language';
import type { Candidate, ScanContext } from './scan-context';
import type { Token } from './tokens';
import * as wordKindsModule from './word-kinds';
import { WordTable } from './word-table';
// Imports bound once at load: a use through the module object is re-checked on every call (README, "Imports").
const { CC, classOf, codeAt, isLetter, isUpper, lowerCode } = charsModule;
const { classify, withDoubt } = classifyNameModule;
const { baseFormsAt, formCodes } = finnishInflectionModule;
const { isEnglishHashed, isEnglishWord, isSwedishHashed, isSwedishWord } = foreignWordsModule;
const { LEX, lexicons, lowerCaseNames } = lexiconsModule;
const { registerLowerNames, rejectLowerName } = lowerNameFilterModule;
const { LANG, messageLanguage } = messageLanguageModule;
const { KIND, registerTriggerPrefixes, registerTriggerWords } = wordKindsModule;

// Words right before a name that say it is a client or a relative (forms as typed, lower case).
const CONTEXT_BEFORE = new Set([
  'asiakas', 'asiakkaan', 'asiakkaalle', 'asiakkaalla', 'asiakasta', 'asiakkaana', 'potilas', 'potilaan', 'potilaalle', 'potilaalla', 'potilasta',
  'äiti', 'äidin', 'isä', 'isän', 'poika', 'pojan', 'tytär', 'tyttären', 'tyttö', 'vaimo', 'vaimon', 'puoliso', 'puolison', 'aviomies',
  'sisko', 'siskon', 'sisar', 'veli', 'veljen', 'mummo', 'isoäiti', 'isoisä', 'vaari', 'pappa', 'lapsi', 'lapsen', 'nuori', 'nuoren',
  'nimeltään', 'nimeltä', 'nimi', 'nimellä', 'niminen', 'nimeä', 'herra', 'rouva', 'neiti', 'hra', 'rva', 'kutsutaan',
  'klient', 'klienten', 'klientens', 'patient', 'patienten', 'patientens', 'mamma', 'mor', 'far', 'son', 'sonen', 'dotter', 'dottern',
  'make', 'maken', 'maka', 'hustru', 'herr', 'fru', 'heter', 'namn', 'namnet', 'kallad', 'bror', 'syster',
  'client', 'clients', "client's", 'mother', 'father', 'son', 'daughter', 'wife', 'husband', 'partner', 'mr', 'mrs', 'ms', 'miss',
  'named', 'called', 'name', 'brother', 'sister', 'grandmother', 'grandfather', 'child', 'boy', 'girl', 'resident', 'tenant',
  'fröken', 'perhe', 'perheen', 'perheelle', 'perheessä', 'familjen', 'familj', 'family', 'barnet', 'flickan', 'pojken', 'kvinnan', 'mannen',
]);
// Verbs of meeting and contacting a person: "soittaa Kalliolle", "Haastattelin Huttusta", "ringde Berg".
const CONTACT_VERBS = new Set(['soittaa', 'soitin', 'soitti', 'soitetaan', 'soittanut', 'soitamme', 'soittaisi', 'yhteydessä', 'yhteyttä',
  'haastattelin', 'haastattelimme', 'haastateltiin', 'tapasin', 'tapasimme', 'tapasi', 'tavannut', 'tapaamaan', 'tavata', 'kysyin', 'kysyimme',
  'ringde', 'ringer', 'ringa', 'träffade', 'träffar', 'träffa', 'kontaktade', 'intervjuade', 'called', 'phoned', 'met', 'visited', 'contacted',
  'interviewed', 'emailed']);
const LABEL_FILLERS = new Set(['on', 'oli', 'is', 'was', 'är', 'var']);
// A following noun that makes the previous word a person's genitive: "Matin äiti", "Virtasen asunto".
const CONTEXT_AFTER = new Set(['äiti', 'isä', 'vanhemmat', 'puoliso', 'vaimo', 'mies', 'lapset', 'lapsi', 'poika', 'tytär', 'sisko', 'veli',
  'asunto', 'kotona', 'koti', 'kotiin', 'huoltaja', 'omainen', 'mamma', 'pappa', 'föräldrar', 'mother', 'father', 'parents', 'wife', 'husband',
  'syntyi', 'syntynyt', 'född', 'born', 'asuu', 'bor', 'lives', 'ikä', 'ålder', 'vuotta', 'år', 'kanssa', 'luona', 'luokse', 'luota', 'perhe',
  'perheen', 'perheessä', 'mukaan', 'puolesta', 'tilanne', 'tilanteesta', 'hoito', 'hoidosta', 'asiat', 'asioista', 'familj', 'familjen', 'family']);
const GREETINGS = new Set(['kiitos', 'kiitti', 'kiitoksia', 'hei', 'moi', 'moikka', 'terve', 'heippa', 'huomenta', 'terveisin', 't', 'mvh', 'ystävällisin',
  'tack', 'hej', 'hejsan', 'hälsningar', 'thanks', 'thank', 'hi', 'hello', 'dear', 'regards', 'cheers', 'br', 'cc', 'kollega', 'kollegani',
  'colleague', 'konsultoi', 'konsultoija', 'puheenjohtaja', 'sihteeri', 'chair', 'ordförande', 'you',
  // professional roles: the name after them is a colleague's
  'sosiaaliohjaaja', 'sosiaalityöntekijä', 'sairaanhoitaja', 'terveydenhoitaja', 'lääkäri', 'psykologi', 'fysioterapeutti', 'toimintaterapeutti',
  'hoitaja', 'omahoitaja', 'työntekijä', 'ohjaaja', 'palveluohjaaja', 'kuntoutusohjaaja', 'asumisneuvoja', 'psykiatri', 'erikoislääkäri',
  'työpari', 'esihenkilö', 'johtaja', 'tri', 'dr', 'doctor', 'nurse', 'worker', 'therapist', 'psychologist', 'socialarbetaren', 'socialarbetare',
  'sjukskötaren', 'sjukskötare', 'läkaren', 'läkare', 'hälsovårdaren', 'psykologen', 'handledaren', 'kuraattori', 'opettaja', 'rehtori']);
// Words after a capitalised word that make it part of an institution's name ("Auroran sairaala").
const INSTITUTION_WORDS = ['sairaala', 'terveysasema', 'terveyskeskus', 'koulu', 'kirjasto', 'päiväkoti', 'kartano', 'tori', 'asema',
  'kirkko', 'seurakun', 'satama', 'puisto', 'kauppakeskus', 'ostoskeskus', 'kampus', 'kylä', 'kaupunginosa', 'alue', 'yksikkö', 'palvelutalo',
  'hoitokoti', 'neuvola', 'apteekki', 'poliklinik', 'klinikka', 'vankila', 'sjukhus', 'hälsostation', 'skola', 'hospital', 'school', 'clinic',
  'centre', 'center', 'säätiö', 'setlement', 'keskus', 'yhdistys', 'liitto', 'ry', 'oy', 'ab', 'inc', 'ltd', 'kunta', 'kaupunki', 'katu', 'tie', 'kuja', 'vägen', 'gatan'];
// Two-letter institution words count as word beginnings too ("Ry", "Oy:n"); longer ones are registered prefixes.
const INSTITUTION_PAIRS = Int32Array.from(INSTITUTION_WORDS.filter((w) => w.length < 3), (w) => (w.charCodeAt(0) << 16) | w.charCodeAt(1));
registerTriggerWords(CONTEXT_BEFORE, KIND.nameContext);
registerTriggerWords(CONTACT_VERBS, KIND.nameContext | KIND.contactVerb);
registerTriggerWords(LABEL_FILLERS, KIND.filler);
registerTriggerWords(GREETINGS, KIND.greeting);
registerTriggerWords(CONTEXT_AFTER, KIND.nameAfter);
registerTriggerWords(INSTITUTION_WORDS, KIND.institution);
registerTriggerPrefixes(INSTITUTION_WORDS.filter((w) => w.length >= 3), KIND.institution);


function inMention(ctx: ScanContext, t: Token): boolean {
  if (codeAt(ctx.text, t.start - 1) === 64) return true;
  // most messages have no <at> mention: no iterator over the empty list
  const mentions = ctx.mentions;
  for (let k = 0; k < mentions.length; k++) if (t.start >= mentions[k][0] && t.end <= mentions[k][1]) return true;
  return false;
}

/** Only blanks (no punctuation) between two tokens. */
function adjacent(s: string, a: Token, b: Token): boolean {
  if (b.start - a.end > 2) return false;
  for (let i = a.end; i < b.start; i++) if (s.charCodeAt(i) !== 32) return false;
  return true;
}

/**
 * What the word before a name says, as bits (a number, not an object: it is read on every name's path).
 * IS_VERB: the context word is a verb of contacting, which says less about an unknown word than a title.
 */
type Before = number;
const IS_CONTEXT = 1;
const IS_GREETING = 2;
const IS_VERB = 4;

/** What the word before token index i says (skipping "on"/"is" and a colon); NO_CONTEXT when it is no context word or greeting. */
function contextBefore(ctx: ScanContext, i: number): Before {
  const k = wordBefore(ctx.tokens, i);
  // most words before a name are neither context words nor greetings: nothing to read between them
  // (this part is small enough for the optimiser to inline into every caller; the rest is not)
  if (k < 0 || (ctx.tokens[k].kind & (KIND.nameContext | KIND.greeting)) === 0) return NO_CONTEXT;
  return contextWordBefore(ctx, i, ctx.tokens[k]);
}

/** contextBefore() when the word `prev` before token i is a context word or a greeting. */
function contextWordBefore(ctx: ScanContext, i: number, prev: Token): Before {
  const context = (prev.kind & KIND.nameContext) !== 0;
  const greeting = (prev.kind & KIND.greeting) !== 0;
  const s = ctx.text;
  const a = prev.end;
  const b = ctx.tokens[i].start;
  if (b - a > 4) return NO_CONTEXT;
  let stop = false;
  for (let g = a; g < b; g++) {
    const c = s.charCodeAt(g);
    if (isLetter(c)) return NO_CONTEXT;
    if (c === 46 || c === 33 || c === 63 || c === 10) stop = true;
  }
  // the context word is looked up in place, by the hash the tokeniser gave it: no lower-case copy of it
  if (stop && !(s.charCodeAt(a) === 46 && ABBREVIATED.getHashed(prev.hash1, s, prev.start, prev.end) !== 0)) return NO_CONTEXT;
  // the tokeniser tagged the verbs: no look-up
  if (context && !greeting && (prev.kind & KIND.contactVerb) !== 0) return VERB;
  return context ? (greeting ? BOTH : CONTEXT) : GREETING;
}

/** Index of the token before index i, skipping a filler ("on", "is") between; -1 when there is none. */
function wordBefore(tokens: readonly Token[], i: number): number {
  const k = i - 1;
  return k >= 0 && tokens[k].kind & KIND.filler ? k - 1 : k;
}

/** The token before index i (skipping "on"/"is") is a context word: what contextBefore() reads first. */
function afterContextWord(tokens: readonly Token[], i: number): boolean {
  const k = wordBefore(tokens, i);
  return k >= 0 && (tokens[k].kind & KIND.nameContext) !== 0;
}

// Context words written abbreviated with a full stop ("Dr. Laine", "hra. Virtanen").
const ABBREVIATED = new WordTable(['dr', 'tri', 'hra', 'rva', 'mr', 'mrs', 'ms'].map((w) => [w, 1] as const));
const NO_CONTEXT: Before = 0;
const CONTEXT: Before = IS_CONTEXT;
const VERB: Before = IS_CONTEXT | IS_VERB;
const GREETING: Before = IS_GREETING;
const BOTH: Before = IS_CONTEXT | IS_GREETING;
// nameRun() when its caller has not read the context
const NOT_READ: Before = -1;

/** Whitespace as String.prototype.trim() sees it. */
function isTrimSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0xfeff || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 ||
    c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

function contextAfter(ctx: ScanContext, last: number): boolean {
  const next = ctx.tokens[last + 1];
  if (!next || next.start - ctx.tokens[last].end > 3) return false;
  // only blanks, or one comma, between the name and the word after it (mostly one blank: nothing to count)
  if (next.start - ctx.tokens[last].end === 1 && ctx.text.charCodeAt(next.start - 1) === 32) return (next.kind & KIND.nameAfter) !== 0;
  let other = 0;
  for (let g = ctx.tokens[last].end; g < next.start; g++) {
    const c = ctx.text.charCodeAt(g);
    if (!isTrimSpace(c)) other += c === 44 ? 1 : 2;
  }
  return other <= 1 && (next.kind & KIND.nameAfter) !== 0;
}

// A service named right after a name, in the from-case, marks a colleague: "Mikko Laine psykiatrialta"
// (exported for the test that every one is still seen).
export const SERVICES = ['sosiaali', 'psykiatri', 'päihde', 'terveysasema', 'kotihoido', 'vammais', 'lastensuojelu', 'nuoriso', 'kuntoutukse', 'fysioterapia',
  'neuvola', 'työllisyy', 'kela', 'a-klinika', 'mielenterveys', 'perheneuvola', 'vanhus', 'aikuissosiaali', 'sosiaalityö'];
const SERVICE_FROM = new RegExp(`^(?:${SERVICES.join('|')})\\p{L}*(?:sta|stä|lta|ltä)$`, 'u');
// First two letters of the services (five bits of each, so a few other pairs share a slot): a word
// after a name that starts with none of them is not read to its end. Most words after a name start
// with a service's first letter (k, s, t, p), few with its first two.
const SERVICE_HEAD = new Uint8Array(1024);
const headSlot = (c0: number, c1: number): number => ((c0 & 31) << 5) | (c1 & 31);
for (const w of SERVICES) SERVICE_HEAD[headSlot(w.charCodeAt(0), w.charCodeAt(1))] = 1;

// The word after a name is asked for by several checks, all about the same name: read once (a
// position in the current message only; reset by every detectName call).
let nextFrom = -1;
let nextEnd = -1;

/** End of the word right after `end` (one blank between; up to a blank, ',' or '.'), or -1. */
function nextWordEnd(s: string, end: number): number {
  if (end === nextFrom) return nextEnd;
  nextFrom = end;
  nextEnd = readNextWord(s, end);
  return nextEnd;
}

function readNextWord(s: string, end: number): number {
  if (end >= s.length || s.charCodeAt(end) !== 32) return -1;
  let j = end + 1;
  while (j < s.length && j - end < 40 && s.charCodeAt(j) !== 32 && s.charCodeAt(j) !== 44 && s.charCodeAt(j) !== 46) j++;
  return j;
}

/**
 * The word right after `end` is `w` (no blank, ',' or '.' in it) in any case, as nextWordEnd() reads
 * words: compared in place, without looking for the word's end first.
 */
function nextWordIs(s: string, end: number, w: string): boolean {
  if (s.charCodeAt(end) !== 32) return false;
  const e = end + 1 + w.length;
  if (e > s.length || !sameLower(s, end + 1, e, w)) return false;
  if (e === s.length) return true;
  const c = s.charCodeAt(e);
  return c === 32 || c === 44 || c === 46;
}

/** "Mikko: kiitos" at the start of a line is a speaker, "Sanna Virtanen sosiaalityöstä" a colleague. */
function colleagueAfter(ctx: ScanContext, first: number, last: number): boolean {
  const s = ctx.text;
  const end = ctx.tokens[last].end;
  // (a name often ends the text: nothing is read past its end)
  if (end < s.length && s.charCodeAt(end) === 58 && ctx.tokens[first].sentStart) return true;
  return serviceAfter(s, end);
}

/** The word after `end` is a service in the from-case ("psykiatrialta"). */
function serviceAfter(s: string, end: number): boolean {
  // most words after a name start like no service: this test is small enough for the optimiser to
  // inline into every caller, the rest is not (and lowerCode() is never asked past the text's end:
  // an out-of-bounds read would slow it for every caller)
  if (end + 2 >= s.length || s.charCodeAt(end) !== 32 || SERVICE_HEAD[headSlot(lowerCode(s.charCodeAt(end + 1)), lowerCode(s.charCodeAt(end + 2)))] === 0) return false;
  return serviceWordAfter(s, end);
}

/** serviceAfter() once the word after `end` starts like a service. */
function serviceWordAfter(s: string, end: number): boolean {
  const e = nextWordEnd(s, end);
  // the from-case ending (-sta, -stä, -lta, -ltä) is checked in place before the word is compared
  return e - end - 1 >= 4 && fromCase(s, e) && serviceFrom(s, end + 1, e);
}

/**
 * s[a, e), whose from-case ending is checked, matches SERVICE_FROM in lower case: compared in place,
 * with no copy of the word. A letter past Latin-1 may lower-case to more than one code unit, so a word
 * with one is left to the expression.
 */
function serviceFrom(s: string, a: number, e: number): boolean {
  for (let k = a; k < e; k++) if (s.charCodeAt(k) > 0xff) return SERVICE_FROM.test(s.slice(a, e).toLowerCase());
  for (const w of SERVICES) if (e - a - 3 >= w.length && sameLower(s, a, a + w.length, w) && lettersOnly(s, a + w.length, e - 3)) return true;
  return false;
}

function lettersOnly(s: string, a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (!isLetter(s.charCodeAt(k))) return false;
  return true;
}

function institutionAfter(ctx: ScanContext, last: number): boolean {
  const next = ctx.tokens[last + 1];
  if (!next || next.start - ctx.tokens[last].end > 2) return false;
  if (next.kind & KIND.institution) return true;
  const s = ctx.text;
  if (next.end - next.start < 2) return false;
  // one compare a short word, on its two letters packed as one number
  const pair = (lowerCode(s.charCodeAt(next.start)) << 16) | lowerCode(s.charCodeAt(next.start + 1));
  for (let k = 0; k < INSTITUTION_PAIRS.length; k++) if (INSTITUTION_PAIRS[k] === pair) return true;
  return false;
}

/** Per-message state of the name scan; the language is guessed only when a word needs it. */
interface Scan {
  lex: Lexicons | null;
  lang: number;
  /** End of the last name left alone as a greeted colleague's ("Hei Janne ja Kaisa"). */
  greetedEnd: number;
}

// The per-message state and the name run being read, reused by every call (detectName is never re-entered).
const SCAN: Scan = { lex: null, lang: -1, greetedEnd: -1 };
const INFOS: NameInfo[] = [];

/** Only " ja ", " och ", " and ", " & " or ", " between a greeted name and this one. */
function joinedToGreeted(s: string, from: number, to: number): boolean {
  // most messages greet no one: this test is small enough to inline into every caller, the rest is not
  return from >= 0 && to - from <= 6 && joinerBetween(s, from, to);
}

function joinerBetween(s: string, from: number, to: number): boolean {
  // trimmed as String.prototype.trim() would, compared in place
  let a = from;
  let b = to;
  while (a < b && isTrimSpace(s.charCodeAt(a))) a++;
  while (b > a && isTrimSpace(s.charCodeAt(b - 1))) b--;
  for (const w of JOINERS) if (sameLower(s, a, b, w)) return true;
  return false;
}

const JOINERS = ['ja', 'och', 'and', '&', ',', 'sekä'];

/** s[a, b) is `w` (lower case) in any case. */
function sameLower(s: string, a: number, b: number, w: string): boolean {
  if (b - a !== w.length) return false;
  for (let k = 0; k < w.length; k++) if (lowerCode(s.charCodeAt(a + k)) !== w.charCodeAt(k)) return false;
  return true;
}

/** A capitalised first word of a sentence that is an ordinary Swedish or English word in this message ("Vi har", "Edit"). */
function foreignWordAtStart(ctx: ScanContext, t: Token, scan: Scan): boolean {
  // in a message already known to be Finnish no word is foreign: nothing to look up
  // (this test is small enough to inline into the caller; most names end here)
  if (!t.cap || scan.lang === LANG.fi || !(t.sentStart || afterFullStop(ctx.text, t.start) || articleAfter(ctx.text, t.end))) return false;
  return foreignWordLookedUp(ctx, t, scan);
}

/** foreignWordAtStart() once the word's place says it may be an ordinary word: the look-ups. */
function foreignWordLookedUp(ctx: ScanContext, t: Token, scan: Scan): boolean {
  const s = ctx.text;
  // the word look-ups are cheaper than guessing the language, so they come first
  const sv = isSwedishHashed(t.hash1, s, t.start, t.end);
  // -1: not looked up (a Swedish word needs the English look-up only in a message that is not Swedish)
  const en = sv ? -1 : +isEnglishHashed(t.hash1, s, t.start, t.end);
  if (en === 0) return false;
  if (scan.lang < 0) scan.lang = messageLanguage(s);
  if (scan.lang === LANG.fi) return false;
  // in no clear language, the word after must be of the same language too ("Ange datumet", not "Ville kertoi")
  const e = scan.lang === 0 ? nextWordEnd(s, t.end) : 0;
  if (e < 0 || (scan.lang === 0 && e - t.end <= 3)) return false;
  if (scan.lang !== LANG.en && sv && (e === 0 || isSwedishWord(s, t.end + 1, e))) return true;
  return scan.lang !== LANG.sv && (en < 0 ? isEnglishHashed(t.hash1, s, t.start, t.end) : en === 1) && (e === 0 || isEnglishWord(s, t.end + 1, e));
}

/** A full stop and a blank before `start`, also after an abbreviation ("min. Inga ärenden"). */
function afterFullStop(s: string, start: number): boolean {
  return s.charCodeAt(start - 1) === 32 && s.charCodeAt(start - 2) === 46;
}

// An article right after the word: a verb or a noun, not a name ("använd Dela ett ärende", "Edit the plan").
const ARTICLES = ['ett', 'en', 'the', 'a', 'an'];

// First letters of the articles: a word after the name that starts with none of them is compared with none.
const ARTICLE_FIRST = new Uint8Array(256);
for (const w of ARTICLES) ARTICLE_FIRST[w.charCodeAt(0)] = 1;

function articleAfter(s: string, end: number): boolean {
  if (end + 1 >= s.length || s.charCodeAt(end) !== 32 || ARTICLE_FIRST[lowerCode(s.charCodeAt(end + 1)) & 0xff] === 0) return false;
  return articleWordAfter(s, end);
}

function articleWordAfter(s: string, end: number): boolean {
  for (const w of ARTICLES) if (nextWordIs(s, end, w)) return true;
  return false;
}

/** A lower-case word after a context word that is an ordinary Swedish or English word ("client cases and"). */
function foreignLowerWord(ctx: ScanContext, t: Token, scan: Scan): boolean {
  if (scan.lang < 0) scan.lang = messageLanguage(ctx.text);
  if (scan.lang === LANG.fi || scan.lang === 0) return false;
  return (scan.lang !== LANG.en && isSwedishHashed(t.hash1, ctx.text, t.start, t.end)) || (scan.lang !== LANG.sv && isEnglishHashed(t.hash1, ctx.text, t.start, t.end));
}

const UNKNOWN_NAME: NameInfo = Object.freeze({ first: false, last: true, ambiguous: false, place: false, weak: false, noun: false });
// Letters of one proposed base form, reused.
const FORM = new Int32Array(64);

/**
 * A capitalised word no list knows, right after a title or a relative ("Mr Nasser", "Fru Al-Rawi",
 * "äiti Dilan"): a name unless it, or a Finnish base form of it, is a place, a service or an ordinary word.
 */
function unknownName(ctx: ScanContext, t: Token, lex: Lexicons, scan: Scan): boolean {
  const s = ctx.text;
  if (!t.cap || t.allCaps || t.end - t.start < 3) return false;
  if (lex.flags.getHashed(t.hash1, s, t.start, t.end) !== 0 || lex.places.getHashed(t.hash1, s, t.start, t.end) !== 0) return false;
  const forms = baseFormsAt(s, t.start, t.end);
  for (let k = 0; k < forms; k++) {
    const len = formCodes(k, FORM);
    if (lex.flags.getCodes(FORM, len) & (LEX.notName | LEX.municipality | LEX.common) || lex.places.getCodes(FORM, len) !== 0) return false;
  }
  return !foreignLowerWord(ctx, t, scan);
}

/** A single capital letter and a full stop right after `end` ("Veikko O."): the end of the initial, or -1. */
function initialAfter(s: string, end: number): number {
  // the full stop first: isUpper() builds strings for a letter past Latin-1 capitals
  // (and no read past the text's end, which would make the optimiser recompile every caller for it)
  if (end + 2 >= s.length || s.charCodeAt(end) !== 32 || s.charCodeAt(end + 2) !== 46 || !isUpper(s.charCodeAt(end + 1))) return -1;
  return isLetter(codeAt(s, end + 3)) ? -1 : end + 3;
}

// Endings of a word after a genitive that make it a person's: "Kosken perheessä", "Karhun asumistukipäätös".
// (exported for the test that every one is still seen)
export const PERSONAL_AFTER = ['päätös', 'päätöksen', 'hakemus', 'hakemuksen', 'perhe', 'perheen', 'perheessä', 'perheelle', 'lapset', 'lapsi',
  'vanhemmat', 'äiti', 'isä', 'puoliso', 'vaimo', 'velat', 'kotikäynti', 'asunto', 'asunnossa', 'tilanne', 'asiat'];
// ... by their last letter (all are Latin-1), so a word is compared only with the endings it can have
// (the letters no ending has share one empty list)
const NO_PERSONAL: string[] = [];
const PERSONAL_BY_LAST: string[][] = Array.from({ length: 256 }, (_, c) => {
  const endings = PERSONAL_AFTER.filter((w) => w.charCodeAt(w.length - 1) === c);
  return endings.length > 0 ? endings : NO_PERSONAL;
});

/** The token ends in a genitive -n and the next word ends in one of PERSONAL_AFTER. */
function personalAfterGenitive(ctx: ScanContext, t: Token): boolean {
  const s = ctx.text;
  if (lowerCode(s.charCodeAt(t.end - 1)) !== 110) return false;
  const e = nextWordEnd(s, t.end);
  if (e < 0) return false;
  // the word's ending is compared in place
  for (const w of PERSONAL_BY_LAST[lowerCode(s.charCodeAt(e - 1)) & 0xff]) if (e - t.end - 1 >= w.length && sameLower(s, e - w.length, e, w)) return true;
  return false;
}

/** The word ending at `end` ends in -sta, -stä, -lta or -ltä. */
function fromCase(s: string, end: number): boolean {
  const a = lowerCode(s.charCodeAt(end - 1));
  const st = lowerCode(s.charCodeAt(end - 3));
  return (a === 97 || a === 0xe4) && lowerCode(s.charCodeAt(end - 2)) === 116 && (st === 115 || st === 108);
}

/** Finds person names. */
export function detectName(ctx: ScanContext, out: Candidate[]): void {
  const tokens = ctx.tokens;
  const scan = SCAN;
  nextFrom = -1;
  scan.lex = null;
  scan.lang = -1;
  scan.greetedEnd = -1;
  // this loop passes every word, so it only sorts them: the rare paths are functions of their own, and
  // the optimiser keeps the loop's code small
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t.cap) {
      // lower-case words after a context word take the context path; others only when the filter said they may be names
      if (i > 0 && followsContextWord(tokens, i)) i = lowerAfterContext(ctx, i, scan, out);
      else if (t.kind & KIND.lowerName) i = lowerCaseName(ctx, i, scan, out);
      continue;
    }
    // an all-capitals word of up to four letters is an acronym; one with a suffix ("NGOs", "PDFs") is
    // no name either (the letter's class is read from the table: isUpper() builds two strings for a
    // letter past Latin-1's capitals, as in "Hän", "Mäkinen")
    if (t.allCaps ? t.end - t.start <= 4 : t.end - t.start > 2 && classOf(ctx.text.charCodeAt(t.start + 1)) & CC.upper) continue;
    // a context word or a role is never itself the name ("Potilas Anna", "Sairaanhoitaja Laura")
    if (t.kind & (KIND.nameContext | KIND.greeting)) continue;
    const lex = (scan.lex ??= lexicons());
    const info = classify(ctx, t, lex);
    if (info !== null) i = nameRun(ctx, i, info, NOT_READ, lex, scan, out);
    // only a capitalised word after a title or a relative can be an unknown name: most words have
    // neither, and their context is not read at all
    else if (!t.allCaps && t.end - t.start >= 3 && afterContextWord(tokens, i)) i = unknownAfterContext(ctx, i, lex, scan, out);
  }
}

/** The word before token i (i > 0), or the one before "on"/"is" there, is a context word. */
function followsContextWord(tokens: readonly Token[], i: number): boolean {
  const prev = tokens[i - 1].kind;
  return (prev & KIND.nameContext) !== 0 || (i > 1 && (prev & KIND.filler) !== 0 && (tokens[i - 2].kind & KIND.nameContext) !== 0);
}

/** A lower-case token i right after a context word: a name when a title or a relative is before it ("asiakas matti virtanen"). */
function lowerAfterContext(ctx: ScanContext, i: number, scan: Scan, out: Candidate[]): number {
  const t = ctx.tokens[i];
  const before = contextBefore(ctx, i);
  if (!(before & IS_CONTEXT) || (before & IS_VERB) !== 0) return t.kind & KIND.lowerName ? lowerCaseName(ctx, i, scan, out) : i;
  if (t.kind & (KIND.nameContext | KIND.greeting)) return i;
  const lex = (scan.lex ??= lexicons());
  const info = classify(ctx, t, lex);
  if (info === null) return i;
  if (foreignLowerWord(ctx, t, scan)) return t.kind & KIND.lowerName ? lowerCaseName(ctx, i, scan, out) : i;
  return nameRun(ctx, i, info, before, lex, scan, out);
}

/** A capitalised token i that no list knows, after a context word ("Mr Nasser"). */
function unknownAfterContext(ctx: ScanContext, i: number, lex: Lexicons, scan: Scan, out: Candidate[]): number {
  const before = contextBefore(ctx, i);
  if (!(before & IS_CONTEXT) || (before & IS_VERB) !== 0 || !unknownName(ctx, ctx.tokens[i], lex, scan)) return i;
  return nameRun(ctx, i, UNKNOWN_NAME, before, lex, scan, out);
}

/**
 * Token i reads as a name (`info`): grows the run of name words from it, decides and keeps it.
 * `before` is its context when the caller has read it. Returns the index of the last token looked at.
 */
function nameRun(ctx: ScanContext, i: number, info: NameInfo, ctxBefore: Before, lex: Lexicons, scan: Scan, out: Candidate[]): number {
  const tokens = ctx.tokens;
  const t = tokens[i];
  const infos = INFOS;
  // grow a run of adjacent name words: "Anna-Liisa Virtanen", "Matti Johannes Korhonen"
  // infos[0 .. j - i] are the readings of tokens i..j (entries past them are stale, never read)
  infos[0] = info;
  let j = i;
  // (the case first: most names are followed by a word in the other case, and no gap need be read)
  while (j + 1 < tokens.length && tokens[j + 1].cap === t.cap && adjacent(ctx.text, tokens[j], tokens[j + 1])) {
    if (tokens[j + 1].kind & (KIND.nameContext | KIND.greeting)) break;
    const next = classify(ctx, tokens[j + 1], lex);
    if (!next) break;
    infos[j + 1 - i] = next;
    j++;
  }
  let before = ctxBefore !== NOT_READ ? ctxBefore : contextBefore(ctx, i);
  if (!(before & IS_GREETING) && joinedToGreeted(ctx.text, scan.greetedEnd, t.start)) before = GREETING;
  // "hei, Korhosten perhe tarvitsee": a genitive before "perhe", "äiti" is talked about, not greeted
  if ((before & IS_GREETING) !== 0 && !(before & IS_CONTEXT) && genitiveOfPerson(ctx, j)) before = NO_CONTEXT;
  let end = tokens[j].end;
  // a first name and an initial ("Veikko O.") are a person however the name reads alone
  const initial = t.cap && infos[j - i].first ? initialAfter(ctx.text, end) : -1;
  const mention = inMention(ctx, t);
  let decided = decide(ctx, i, j, infos, before, mention);
  // a one-word "name" that is an ordinary word of the message's language needs context ("Vi har", "Kortet var");
  // doubt never raises a confidence, so the dear foreign-word look-ups are made only for a name that would be kept
  if (decided > 0 && j === i && !info.ambiguous && foreignWordAtStart(ctx, t, scan)) {
    infos[0] = withDoubt(info, true, !t.sentStart);
    // doubt changes no flag the mention, greeting, institution and colleague checks read, and they let the name pass
    decided = confidence(ctx, i, j, infos, before);
  }
  if (initial > 0) {
    if (decided === 0 && !mention && !(before & IS_GREETING) && !colleagueAfter(ctx, i, j)) decided = 0.85;
    end = initial;
    if (j + 1 < tokens.length && tokens[j + 1].start < initial) j++;
  } else if (decided === 0 && j === i && infos[0].last && !infos[0].place && !mention && !(before & IS_GREETING) && personalAfterGenitive(ctx, tokens[j])) {
    decided = 0.8;
  }
  if (decided > 0) out.push({ type: 'name', start: t.start, end, confidence: decided });
  else if ((before & IS_GREETING) !== 0) scan.greetedEnd = end;
  // "Olin Virtasilla": an ordinary word first in a sentence is no part of the name after it
  else if (j > i && t.sentStart && infos[0].ambiguous && !(before & IS_CONTEXT)) return i;
  return j;
}

// Institutions a child attends: "Mustafan koulu", "Raijan päiväkoti" are the client's, not named after them.
const CHILD_INSTITUTIONS = ['koulu', 'päiväko', 'esikoulu', 'luokka', 'luoka'];

/** One first name (no place) in the genitive before a school or day-care word. */
function childsInstitution(ctx: ScanContext, i: number, j: number, infos: NameInfo[]): boolean {
  if (i !== j || !infos[0].first || infos[0].place) return false;
  const next = ctx.tokens[j + 1];
  const s = ctx.text;
  if (next.cap || lowerCode(s.charCodeAt(ctx.tokens[j].end - 1)) !== 110) return false;
  return CHILD_INSTITUTIONS.some((w) => s.startsWith(w, next.start));
}

/** The name run ending at token `last` ends in a genitive -n with a word like "perhe", "äiti" right after it. */
function genitiveOfPerson(ctx: ScanContext, last: number): boolean {
  const next = ctx.tokens[last + 1];
  return next !== undefined && (next.kind & KIND.nameAfter) !== 0 && adjacent(ctx.text, ctx.tokens[last], next) &&
    lowerCode(ctx.text.charCodeAt(ctx.tokens[last].end - 1)) === 110;
}

/** "from" or "från" right after `end`; both start with f, which most words after a name do not. */
function fromAfter(s: string, end: number): boolean {
  if (end + 1 >= s.length || lowerCode(s.charCodeAt(end + 1)) !== 102) return false;
  return nextWordIs(s, end, 'from') || nextWordIs(s, end, 'från');
}

/** Confidence that tokens i..j (readings infos[0 .. j - i]) are a client's name; 0 when they are not. */
function decide(ctx: ScanContext, i: number, j: number, infos: NameInfo[], before: Before, mention: boolean): number {
  if (mention || (before & IS_GREETING) !== 0) return 0;
  const c = confidence(ctx, i, j, infos, before);
  // an institution's or a colleague's name is looked for only in a name that would otherwise be kept
  if (c === 0 || (institutionAfter(ctx, j) && !childsInstitution(ctx, i, j, infos)) || colleagueAfter(ctx, i, j)) return 0;
  return c;
}

/** decide() before the institution and colleague checks. */
function confidence(ctx: ScanContext, i: number, j: number, infos: NameInfo[], before: Before): number {
  const t = ctx.tokens[i];
  let clear = false;
  let hasFirst = false;
  let hasLast = false;
  const count = j - i + 1;
  for (let k = 0; k < count; k++) {
    const x = infos[k];
    if (!x.ambiguous) clear = true;
    if (x.first) hasFirst = true;
    if (x.last) hasLast = true;
  }
  // lower-case after a context word: at least one word must be nothing but a name ("asiakas matti virtanen")
  if (!t.cap) return (before & IS_CONTEXT) !== 0 && clear ? 0.85 : 0;
  // a verb of contacting before a municipality is a call to the town ("soitin Vantaalle")
  if ((before & IS_VERB) !== 0) return count === 1 && infos[0].place && !infos[0].last ? 0 : 0.85;
  // "asiakas Helsingistä": a place in the from-case tells where the client comes from
  if ((before & IS_CONTEXT) !== 0) return count === 1 && infos[0].place && fromCase(ctx.text, ctx.tokens[j].end) ? 0 : 0.9;
  // "Mark from Kela", "Johan från FPA": a colleague introduced by their organisation
  const end = ctx.tokens[j].end;
  if (fromAfter(ctx.text, end)) return 0;
  if (count === 1 && infos[0].place) return 0;
  if (count >= 2 && hasFirst && hasLast && clear) return 0.95;
  if (count >= 2 && hasFirst && hasLast && !t.sentStart) return 0.8;
  const one = infos[0];
  if (count === 1 && contextAfter(ctx, j) && !one.place && (one.first || !one.ambiguous)) return 0.8;
  if (count > 1) return clear && !t.sentStart ? 0.75 : 0;
  if (one.weak || one.place) return 0;
  // first word of a sentence: capitalisation says nothing, so only a word that is nothing but a name
  if (t.sentStart) return one.ambiguous || one.noun ? 0 : 0.6;
  // a first name capitalised mid-sentence is a name even if it is also a word (Tuuli, Onni)
  if (one.first && !t.allCaps) return one.ambiguous ? 0.7 : 0.8;
  return one.ambiguous ? 0 : 0.7;
}

registerLowerNames(lowerCaseNames);

/** A name reading and no other: no ordinary Finnish word, place or noun. */
function nameOnly(info: NameInfo | null): info is NameInfo {
  return info !== null && !info.ambiguous && !info.place && !info.weak && !info.noun;
}

/** A lower-case name-only word that is no Swedish or English word either, in a message of that language. */
function plainLower(ctx: ScanContext, t: Token, scan: Scan): boolean {
  // the word look-ups are cheaper than guessing the language, so they come first
  const sv = isSwedishHashed(t.hash1, ctx.text, t.start, t.end);
  if (!sv && !isEnglishHashed(t.hash1, ctx.text, t.start, t.end)) return true;
  if (scan.lang < 0) scan.lang = messageLanguage(ctx.text);
  return scan.lang === LANG.fi;
}

/**
 * Names typed in lower case with no context word ("nyt juha haluaa", "we met olga", "heikki koivistoon"):
 * a run of lower-case words that are nothing but names, at least one of them no Swedish or English word either. A first name is a name
 * alone; a surname alone needs a title or a relative before it. Returns the index of
 * the last token looked at (the run's end when a name was found).
 */
function lowerCaseName(ctx: ScanContext, i: number, scan: Scan, out: Candidate[]): number {
  const tokens = ctx.tokens;
  const t = tokens[i];
  if (t.kind & (KIND.nameContext | KIND.greeting)) return i;
  const lex = (scan.lex ??= lexicons());
  let first = false;
  let j = i;
  for (;;) {
    const u = tokens[j];
    const info = classify(ctx, u, lex);
    if (!nameOnly(info)) {
      // read the same way in any message: not worth a token next time
      rejectLowerName(ctx.text, u.start, u.end);
      break;
    }
    first ||= info.first;
    const next = tokens[j + 1];
    if (!next || next.cap || !(next.kind & KIND.lowerName) || next.kind & (KIND.nameContext | KIND.greeting) || !adjacent(ctx.text, u, next)) {
      j++;
      break;
    }
    j++;
  }
  const last = j - 1;
  if (last < i) return i;
  const before = contextBefore(ctx, i);
  if ((before & IS_GREETING) !== 0 || inMention(ctx, t) || joinedToGreeted(ctx.text, scan.greetedEnd, t.start)) {
    scan.greetedEnd = tokens[last].end;
    return last;
  }
  // a surname alone needs a title or relative before it: after "soitin" it is as often a noun (tulkille);
  // the cheapest check that settles a run comes first, as none of these has an effect
  if (!first && (!(before & IS_CONTEXT) || (before & IS_VERB) !== 0)) return last;
  // "tiina: kiitos" is a speaker, wherever the line break fell
  if (codeAt(ctx.text, tokens[last].end) === 58 || institutionAfter(ctx, last) || colleagueAfter(ctx, i, last)) return last;
  // "eero hassan psykiatrialta": a colleague's name whose second word is also an ordinary word
  const more = nextWordEnd(ctx.text, tokens[last].end);
  if (more > 0 && serviceAfter(ctx.text, more)) return last;
  // the foreign-word look-ups come last: they are the dearest, and most runs are settled before them
  let plain = false;
  for (let k = i; k <= last && !plain; k++) plain = plainLower(ctx, tokens[k], scan);
  if (!plain) return last;
  out.push({ type: 'name', start: t.start, end: tokens[last].end, confidence: last > i ? 0.8 : 0.7 });
  return last;
}
