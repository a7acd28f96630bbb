/**
 * Person names: lexicon look-ups (with Finnish inflection) on capitalised words, confidence raised
 * by context words and first+last pairs; greetings and @-mentions of colleagues are left alone.
 */
import { codeAt } from './chars';
import { baseForms } from './finnish-inflection';
import { LEX, lexicons, type Lexicons } from './lexicons';
import type { Candidate, ScanContext } from './scan-context';
import { registerTriggerPrefixes, registerTriggerWords, type Token } from './tokens';

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
]);
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
const INSTITUTION_AFTER = new RegExp(`^(?:${INSTITUTION_WORDS.join('|')})`);
registerTriggerWords([...CONTEXT_BEFORE, ...LABEL_FILLERS, ...CONTEXT_AFTER, ...GREETINGS, ...INSTITUTION_WORDS]);
registerTriggerPrefixes(INSTITUTION_WORDS.filter((w) => w.length >= 3));

interface NameInfo {
  first: boolean;
  last: boolean;
  /** Also an ordinary word, a place or inflected ordinary word: needs context. */
  ambiguous: boolean;
  /** A municipality, plain or inflected (asuu Vantaalla, Salossa): only a name with context. */
  place: boolean;
  /** Inflected form that is a frequent encyclopedia word (Turun, Karjalan): a place unless context says otherwise. */
  weak: boolean;
}

// Words already known NOT to be names. Only non-names are kept, so no client name stays in memory.
const NOT_A_NAME = new Set<string>();

function classify(t: Token, lex: Lexicons): NameInfo | null {
  const w = t.lower;
  if (NOT_A_NAME.has(w)) return null;
  const info = classifyWord(w, lex);
  if (!info) {
    if (NOT_A_NAME.size > 50000) NOT_A_NAME.clear();
    NOT_A_NAME.add(w);
  }
  return info;
}

function classifyWord(w: string, lex: Lexicons): NameInfo | null {
  const flags = lex.flags;
  const wf = flags.get(w) ?? 0;
  if (w.length < 2 || wf & LEX.notName) return null;
  const parts = w.includes('-') ? w.split('-') : [w];
  let first = false;
  let last = false;
  let ambiguous = (wf & (LEX.common | LEX.englishAmbiguous)) !== 0;
  let place = false;
  let weak = false;
  let nenSurname = false;
  for (const p of parts) {
    const pf = p === w ? wf : flags.get(p) ?? 0;
    if (pf & LEX.notName) return null;
    let f = (pf & LEX.first) !== 0;
    let l = (pf & LEX.last) !== 0;
    if (!f && !l) {
      for (const b of baseForms(p)) {
        const bfl = flags.get(b);
        if (bfl === undefined) continue;
        if (bfl & LEX.municipality) place = true;
        if (b.length < 3 || bfl & LEX.notName) continue;
        const bf = (bfl & LEX.first) !== 0;
        const bl = (bfl & LEX.last) !== 0;
        if (bf || bl) {
          f = f || bf;
          l = l || bl;
          // an inflected -nen surname (Virtasta, Korhoselle) is a person even when another reading is a word
          if (b.endsWith('nen') && bl && !(bfl & LEX.common)) nenSurname = true;
          else if (bfl & (LEX.common | LEX.municipality)) ambiguous = true;
          // other inflected forms that an encyclopedia uses often (Turun, Lammen, Pietarin) are usually places,
          // and an ordinary word read as an inflected name (potilas -> Potila, annan -> Anna) needs context
          if ((!b.endsWith('nen') && pf & LEX.encyclopedic) || pf & LEX.common) weak = true;
        }
      }
    }
    if (pf & LEX.municipality) place = true;
    // every part of a hyphenated word must be a name: Anna-Liisa, not Kela-numero
    if (!f && !l) return null;
    first = first || f;
    last = last || l;
  }
  if (!first && !last) return null;
  // "Virosta", "Turusta" read as partitives of -nen surnames or as "from Estonia / Turku"; capitalised
  // elatives are mostly places, so that reading needs context. -sen, -selle, -sella ... are people.
  const partitiveClash = (w.endsWith('sta') || w.endsWith('stä')) && ((wf & LEX.encyclopedic) !== 0 || flags.has(w.slice(0, -3)));
  if (nenSurname && partitiveClash) ambiguous = true;
  if (nenSurname && !partitiveClash && !(wf & LEX.common) && !(wf & LEX.municipality)) return { first, last, ambiguous: false, place: false, weak: false };
  return { first, last, ambiguous: ambiguous || place || weak, place, weak };
}

function inMention(ctx: ScanContext, t: Token): boolean {
  if (codeAt(ctx.text, t.start - 1) === 64) return true;
  for (const [a, b] of ctx.mentions) if (t.start >= a && t.end <= b) return true;
  return false;
}

/** Only blanks (no punctuation) between two tokens. */
function adjacent(s: string, a: Token, b: Token): boolean {
  if (b.start - a.end > 2) return false;
  for (let i = a.end; i < b.start; i++) if (s.charCodeAt(i) !== 32) return false;
  return true;
}

/** The context word before token index i, skipping ':' and "on"/"is"; -1 if none. */
function contextBefore(ctx: ScanContext, i: number): { context: boolean; greeting: boolean } {
  let k = i - 1;
  if (k >= 0 && LABEL_FILLERS.has(ctx.tokens[k].lower)) k--;
  if (k < 0) return { context: false, greeting: false };
  const prev = ctx.tokens[k];
  const gap = ctx.text.slice(prev.end, ctx.tokens[i].start);
  const abbreviation = gap.startsWith('.') && (prev.lower === 'dr' || prev.lower === 'tri' || prev.lower === 'hra' || prev.lower === 'rva' || prev.lower === 'mr' || prev.lower === 'mrs' || prev.lower === 'ms');
  if (gap.length > 4 || /\p{L}/u.test(gap) || (/[.!?\n]/.test(gap) && !abbreviation)) return { context: false, greeting: false };
  return { context: CONTEXT_BEFORE.has(prev.lower), greeting: GREETINGS.has(prev.lower) };
}

function contextAfter(ctx: ScanContext, last: number): boolean {
  const next = ctx.tokens[last + 1];
  if (!next || next.start - ctx.tokens[last].end > 3) return false;
  const gap = ctx.text.slice(ctx.tokens[last].end, next.start);
  if (gap.trim() !== '' && gap.trim() !== ',') return false;
  return CONTEXT_AFTER.has(next.lower);
}

// A service named right after a name, in the from-case, marks a colleague: "Mikko Laine psykiatrialta".
const SERVICE_FROM = /^(?:sosiaali|psykiatri|päihde|terveysasema|kotihoido|vammais|lastensuojelu|nuoriso|kuntoutukse|fysioterapia|neuvola|työllisyy|kela|a-klinika|mielenterveys|perheneuvola|vanhus|aikuissosiaali|sosiaalityö)\p{L}*(?:sta|stä|lta|ltä)$/u;

/** The word right after `end` (one blank between), lower case, or ''. */
function nextWord(s: string, end: number): string {
  if (s.charCodeAt(end) !== 32) return '';
  let j = end + 1;
  while (j < s.length && j - end < 40 && s.charCodeAt(j) !== 32 && s.charCodeAt(j) !== 44 && s.charCodeAt(j) !== 46) j++;
  return s.slice(end + 1, j).toLowerCase();
}

/** "Mikko: kiitos" at the start of a line is a speaker, "Sanna Virtanen sosiaalityöstä" a colleague. */
function colleagueAfter(ctx: ScanContext, first: number, last: number): boolean {
  const end = ctx.tokens[last].end;
  if (ctx.text.charCodeAt(end) === 58 && ctx.tokens[first].sentStart) return true;
  return SERVICE_FROM.test(nextWord(ctx.text, end));
}

function institutionAfter(ctx: ScanContext, last: number): boolean {
  const next = ctx.tokens[last + 1];
  return !!next && next.start - ctx.tokens[last].end <= 2 && INSTITUTION_AFTER.test(next.lower);
}

/** Finds person names. */
export function detectName(ctx: ScanContext, out: Candidate[]): void {
  const tokens = ctx.tokens;
  let lex: Lexicons | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    // lower-case words matter only right after a context word; test that cheaply first
    if (!t.cap && (i === 0 || !(CONTEXT_BEFORE.has(tokens[i - 1].lower) || (i > 1 && LABEL_FILLERS.has(tokens[i - 1].lower) && CONTEXT_BEFORE.has(tokens[i - 2].lower))))) continue;
    const ctxBefore = t.cap ? null : contextBefore(ctx, i);
    // lower-case words are names only right after a context word ("asiakas matti virtanen")
    if (!t.cap && !(ctxBefore && ctxBefore.context)) continue;
    if (t.allCaps && t.text.length <= 4) continue;
    lex ??= lexicons();
    const info = classify(t, lex);
    // a context word or a role is never itself the name ("Potilas Anna", "Sairaanhoitaja Laura")
    if (!info || CONTEXT_BEFORE.has(t.lower) || GREETINGS.has(t.lower)) continue;
    // grow a run of adjacent name words: "Anna-Liisa Virtanen", "Matti Johannes Korhonen"
    const infos: NameInfo[] = [info];
    let j = i;
    while (j + 1 < tokens.length && adjacent(ctx.text, tokens[j], tokens[j + 1]) && tokens[j + 1].cap === t.cap) {
      const next = classify(tokens[j + 1], lex);
      if (!next || CONTEXT_BEFORE.has(tokens[j + 1].lower) || GREETINGS.has(tokens[j + 1].lower)) break;
      infos.push(next);
      j++;
    }
    const before = ctxBefore ?? contextBefore(ctx, i);
    const mention = inMention(ctx, t);
    const decided = decide(ctx, i, j, infos, before, mention);
    if (decided > 0) out.push({ type: 'name', start: t.start, end: tokens[j].end, confidence: decided });
    i = j;
  }
}

function decide(ctx: ScanContext, i: number, j: number, infos: NameInfo[], before: { context: boolean; greeting: boolean }, mention: boolean): number {
  const t = ctx.tokens[i];
  if (mention || before.greeting) return 0;
  if (institutionAfter(ctx, j) || colleagueAfter(ctx, i, j)) return 0;
  const clear = infos.some((x) => !x.ambiguous);
  // lower-case after a context word: at least one word must be nothing but a name ("asiakas matti virtanen")
  if (!t.cap) return before.context && clear ? 0.85 : 0;
  if (before.context) return 0.9;
  // "Mark from Kela", "Johan från FPA": a colleague introduced by their organisation
  const after = nextWord(ctx.text, ctx.tokens[j].end);
  if (after === 'from' || after === 'från') return 0;
  if (infos.length === 1 && infos[0].place) return 0;
  const hasFirst = infos.some((x) => x.first);
  const hasLast = infos.some((x) => x.last);
  if (infos.length >= 2 && hasFirst && hasLast && clear) return 0.95;
  if (infos.length >= 2 && hasFirst && hasLast && !t.sentStart) return 0.8;
  const one = infos[0];
  if (infos.length === 1 && contextAfter(ctx, j) && !one.place && (one.first || !one.ambiguous)) return 0.8;
  if (infos.length > 1) return clear && !t.sentStart ? 0.75 : 0;
  if (one.weak || one.place) return 0;
  // first word of a sentence: capitalisation says nothing, so only a word that is nothing but a name
  if (t.sentStart) return one.ambiguous ? 0 : 0.6;
  // a first name capitalised mid-sentence is a name even if it is also a word (Tuuli, Onni)
  if (one.first && !t.allCaps) return one.ambiguous ? 0.7 : 0.8;
  return one.ambiguous ? 0 : 0.7;
}
