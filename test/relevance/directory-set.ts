// The directory's relevance set: queries a recruiter types, and which demo profiles (npm run dev's
// data: scripts/seed/demo-profiles.ts) they would expect in the first ten results. The expectation is
// written from the profiles' own fields (city, country, languages, job title, organisation,
// competencies), never from what the search returns, so it judges the search instead of echoing it.
// `first`: the profile that must come first (the single best answer).

export type JudgedProfile = {
  username: string;
  name: string;
  level: number;
  city: string | null;
  country: string | null;
  languages: string[];
  job_title: string | null;
  organisation: string | null;
  competencies: string[];
  designations: string[];
};

export type RelevanceCase = { q: string; relevant: (p: JudgedProfile) => boolean; first?: string; why: string };

const title = (re: RegExp) => (p: JudgedProfile) => re.test(p.job_title ?? "");
const speaks = (code: string) => (p: JudgedProfile) => p.languages.includes(code);
const inCity = (city: string) => (p: JudgedProfile) => p.city === city;
const inCountry = (code: string) => (p: JudgedProfile) => p.country === code;
const all =
  (...tests: ((p: JudgedProfile) => boolean)[]) =>
  (p: JudgedProfile) =>
    tests.every((t) => t(p));

// a first-line leader of agents, in English or French
const LEADS_A_TEAM = title(/team lead|supervis|superviseur|chef d'équipe/i);
const CALL_CENTRE = title(/(call|contact) cent(re|er)|centre d'appels/i);

export const RELEVANCE_SET: RelevanceCase[] = [
  // places: a city or a country alone, in English or French
  { q: "Lagos", relevant: inCity("Lagos"), why: "city" },
  { q: "Nairobi", relevant: inCity("Nairobi"), why: "city" },
  { q: "Accra", relevant: inCity("Accra"), why: "city" },
  { q: "Dakar", relevant: inCity("Dakar"), why: "city" },
  { q: "Kenya", relevant: inCountry("KE"), why: "country, English" },
  { q: "Ivory Coast", relevant: inCountry("CI"), why: "country, its other English name" },
  { q: "Côte d'Ivoire", relevant: inCountry("CI"), why: "country, French name" },
  { q: "Sénégal", relevant: inCountry("SN"), why: "country, French spelling" },
  { q: "Maroc", relevant: inCountry("MA"), why: "country, French name" },
  // languages, with the words recruiters put around them
  { q: "Swahili speaker", relevant: speaks("sw"), why: "language + filler word" },
  { q: "Yoruba", relevant: speaks("yo"), why: "language" },
  { q: "Portuguese", relevant: speaks("pt"), why: "language" },
  // the queries: a place or a language behaves like a preferred filter
  { q: "call centre team lead Lagos", relevant: all(inCity("Lagos"), LEADS_A_TEAM), why: "role synonyms + city" },
  {
    q: "Lagos French speaker team lead",
    relevant: all(inCity("Lagos"), speaks("fr"), LEADS_A_TEAM),
    first: "chidinma_okoro",
    why: "city + language + role",
  },
  {
    q: "CX strategy Nairobi French",
    relevant: all(inCity("Nairobi"), speaks("fr")),
    first: "grace_mutombo",
    why: "CX synonym + city + language",
  },
  { q: "French speaking supervisor", relevant: all(speaks("fr"), LEADS_A_TEAM), why: "language + role" },
  { q: "francophone team lead", relevant: all(speaks("fr"), LEADS_A_TEAM), why: "francophone = French" },
  { q: "Kigali francophone", relevant: all(inCity("Kigali"), speaks("fr")), why: "city + francophone" },
  { q: "anglophone Cameroon", relevant: all(inCountry("CM"), speaks("en")), why: "anglophone = English + country" },
  { q: "Arabic speaking Morocco", relevant: all(inCountry("MA"), speaks("ar")), why: "language + country" },
  { q: "Tanzania Kiswahili", relevant: all(inCountry("TZ"), speaks("sw")), why: "country + Kiswahili = Swahili" },
  { q: "team lead Kenya", relevant: all(inCountry("KE"), LEADS_A_TEAM), why: "role + country" },
  {
    q: "quality assurance analyst Ghana",
    relevant: all(inCountry("GH"), title(/quality assurance/i)),
    why: "title + country",
  },
  // roles, in the words of either side
  { q: "customer service manager", relevant: title(/manager|responsable|chef de service/i), why: "role" },
  { q: "contact center agent", relevant: title(/agent/i), why: "American spelling of the role" },
  { q: "call center supervisor", relevant: LEADS_A_TEAM, why: "role synonyms" },
  { q: "superviseur centre d'appels", relevant: all(LEADS_A_TEAM, CALL_CENTRE), why: "the role in French" },
  { q: "CX analyst", relevant: title(/cx analyst|customer experience analyst/i), why: "title with CX" },
  {
    q: "customer experience manager",
    relevant: title(
      /(experience|cx|expérience).*(manager|lead|head|direct)|(manager|lead|head|direct).*(experience|cx|expérience)/i,
    ),
    why: "role, CX = customer experience",
  },
  {
    q: "head of customer experience",
    relevant: all((p) => p.level === 4, title(/experience|customer officer|cx/i)),
    why: "senior role",
  },
  { q: "customer success manager", relevant: title(/customer success manager/i), why: "title" },
  { q: "complaints resolution officer", relevant: title(/complaints resolution/i), why: "title" },
  { q: "lusophone", relevant: speaks("pt"), why: "lusophone = Portuguese" },
  { q: "DRC", relevant: inCountry("CD"), why: "country by its initials" },
  { q: "Amharic Addis Ababa", relevant: all(inCity("Addis Ababa"), speaks("am")), why: "language + two-word city" },
  { q: "Johannesburg Zulu speaker", relevant: all(inCity("Johannesburg"), speaks("zu")), why: "city + language" },
  {
    q: "bilingual English French agent",
    relevant: all(speaks("en"), speaks("fr"), title(/agent|representative|conseill|officer|associate/i)),
    why: "two languages + a front-line role",
  },
  {
    q: "experienced contact centre manager Nigeria",
    relevant: all(inCountry("NG"), title(/manager|head|director/i)),
    why: "filler word + role + country",
  },
  // organisations, skills, a name
  { q: "Zenith Telecom", relevant: (p) => p.organisation === "Zenith Telecom", why: "organisation" },
  {
    q: "SLA management",
    relevant: (p) => p.competencies.includes("sla-management"),
    why: "competency, SLA = service level agreement",
  },
  {
    q: "CCXMP Nairobi",
    relevant: all(inCity("Nairobi"), (p) => p.designations.includes("CCXMP")),
    why: "designation + city",
  },
  { q: "level 4 Lagos", relevant: all(inCity("Lagos"), (p) => p.level === 4), why: "a level typed as words" },
  { q: "Fatou Diop", relevant: (p) => p.username === "fatou_diop", first: "fatou_diop", why: "a name" },
];

export type CaseResult = {
  q: string;
  relevantCount: number;
  k: number;
  hits: number;
  precision: number;
  misses: string[];
  top: string[];
  firstOk: boolean;
};

/**
 * Precision at 10 for each case: of the first k results, how many a recruiter expects, with
 * k = min(10, number of expected profiles) (a query with 3 expected profiles is judged on its first 3).
 */
export async function judge(
  cases: RelevanceCase[],
  profiles: JudgedProfile[],
  search: (q: string) => Promise<string[]>,
): Promise<CaseResult[]> {
  const out: CaseResult[] = [];
  for (const c of cases) {
    const relevant = new Set(profiles.filter(c.relevant).map((p) => p.username));
    const found = await search(c.q);
    const k = Math.min(10, relevant.size);
    const top = found.slice(0, k);
    const hits = top.filter((u) => relevant.has(u)).length;
    out.push({
      q: c.q,
      relevantCount: relevant.size,
      k,
      hits,
      precision: k ? hits / k : 0,
      misses: top.filter((u) => !relevant.has(u)),
      top: found.slice(0, 10),
      firstOk: !c.first || found[0] === c.first,
    });
  }
  return out;
}
