// Demo community content: members, topics and replies, so a newcomer sees a living forum.
//
// Pure data: no database access, and only types imported (the category and competency slugs are
// scripts/seed/programme.ts's own).
// Conventions for the seed script:
// - usernames are unique, lowercase, [a-z0-9_]{3,30}; every author, mention and like refers to one.
// - recruiters have level null and never post or like (PROGRAM.md: recruiters do not post).
// - the admin (level null) is programme staff and authors the announcements.
// - topic.daysAgo is the topic's age; spread each topic's replies between its creation and now,
//   in array order. @username mentions are written in reply bodies; `mentions` lists them.
// - language is 'en' unless stated; French topics are written by members from francophone countries.

import type { CategorySlug, CompetencySlug } from "./programme";

export type DemoLevel = 1 | 2 | 3 | 4;

export type DemoRole = "tutor" | "admin" | "recruiter" | "judge";

/** Demo topics go in any of the programme's categories but the mentorship one (its threads are made apart). */
export type DemoCategorySlug = Exclude<CategorySlug, "mentorship">;

export type DemoCompetencySlug = CompetencySlug;

export interface DemoMember {
  username: string;
  displayName: string;
  /** null for staff and recruiter (organisation) accounts. */
  level: DemoLevel | null;
  /** ISO 3166-1 alpha-2. */
  country: string;
  city: string;
  jobTitle: string;
  organisation: string;
  bio: string;
  /** ISO 639-1 codes, preferred first. */
  languages: string[];
  roles?: DemoRole[];
}

export interface DemoReply {
  author: string;
  body: string;
  /** Usernames mentioned in the body as @username. */
  mentions?: string[];
  likes?: string[];
}

export interface DemoTopic {
  category: DemoCategorySlug;
  title: string;
  author: string;
  language?: "en" | "fr";
  tags?: DemoCompetencySlug[];
  body: string;
  replies: DemoReply[];
  likes?: string[];
  daysAgo: number;
}

// ---------------------------------------------------------------------------
// Members (40): 10 at level 1, 12 at level 2, 9 at level 3, 6 at level 4, 1 admin, 2 recruiters
// ---------------------------------------------------------------------------

export const demoMembers: DemoMember[] = [
  // ---- staff ----
  {
    username: "amara_admin",
    displayName: "Amara Okonkwo",
    level: null,
    country: "NG",
    city: "Lagos",
    jobTitle: "Programme Coordinator",
    organisation: "CX Touchpoints Group",
    bio: "I coordinate the career journey: applications, webinars and assessment records all pass through my desk. If something on the platform confuses you, tell me and I will fix it or explain it.",
    languages: ["en", "ig"],
    roles: ["admin"],
  },

  // ---- recruiters (organisation accounts) ----
  {
    username: "savanna_talent",
    displayName: "Savanna Talent Partners",
    level: null,
    country: "KE",
    city: "Nairobi",
    jobTitle: "Recruitment team",
    organisation: "Savanna Talent Partners",
    bio: "We place contact-centre, customer success and CX leadership talent with employers across East Africa. We reach out only to members who have opted in to be contacted.",
    languages: ["en", "sw"],
    roles: ["recruiter"],
  },
  {
    username: "harmattan_hires",
    displayName: "Harmattan Hires",
    level: null,
    country: "GH",
    city: "Accra",
    jobTitle: "Talent acquisition",
    organisation: "Harmattan Hires Ltd",
    bio: "We recruit customer service supervisors and managers for banks, telcos and hospitality groups in Ghana, Nigeria and Côte d'Ivoire.",
    languages: ["en", "fr"],
    roles: ["recruiter"],
  },

  // ---- level 4: Customer Experience Leaders ----
  {
    username: "wanjiku_kamau",
    displayName: "Wanjiku Kamau",
    level: 4,
    country: "KE",
    city: "Nairobi",
    jobTitle: "Head of Customer Experience",
    organisation: "Safiri Mobile",
    bio: "I have led contact centres in Nairobi for fourteen years, from 30 seats to 400. These days I care most about first-contact resolution and about growing supervisors who stay.",
    languages: ["en", "sw"],
  },
  {
    username: "thandi_dlamini",
    displayName: "Thandiwe Dlamini",
    level: 4,
    country: "ZA",
    city: "Johannesburg",
    jobTitle: "Chief Customer Officer",
    organisation: "Ubuntu Mutual Assurance",
    bio: "Insurance taught me that customers judge us on the worst day of their lives: the day they claim. I also serve as an awards judge and mentor two managers in the programme.",
    languages: ["en", "zu", "xh"],
    roles: ["judge"],
  },
  {
    username: "adebayo_ogunleye",
    displayName: "Adebayo Ogunleye",
    level: 4,
    country: "NG",
    city: "Lagos",
    jobTitle: "Director, Customer Experience",
    organisation: "Eko Crest Bank",
    bio: "Banker turned CX practitioner. I run service quality and complaints for 120 branches and a 24/7 contact centre, and I still sit on the phones one morning a month.",
    languages: ["en", "yo"],
  },
  {
    username: "fatou_diop",
    displayName: "Fatou Diop",
    level: 4,
    country: "SN",
    city: "Dakar",
    jobTitle: "Directrice Expérience Client",
    organisation: "Teranga Télécom",
    bio: "Je dirige l'expérience client d'un opérateur télécom au Sénégal, des boutiques au centre d'appels. J'aime transmettre : je mentore deux jeunes managers du programme.",
    languages: ["fr", "wo", "en"],
  },
  {
    username: "yohannes_tesfaye",
    displayName: "Yohannes Tesfaye",
    level: 4,
    country: "ET",
    city: "Addis Ababa",
    jobTitle: "Head of Customer Service",
    organisation: "Entoto Airways",
    bio: "Twenty years in aviation, from the check-in counter to running ground and call-centre service. I believe every delayed flight is a chance to show who we are.",
    languages: ["am", "en"],
  },
  {
    username: "kwame_mensah",
    displayName: "Kwame Mensah",
    level: 4,
    country: "GH",
    city: "Accra",
    jobTitle: "Managing Partner",
    organisation: "Adinkra CX Advisory",
    bio: "I train and coach customer service teams across West Africa and I tutor a learning group on the Touchpoints journey. Ask me anything about coaching new agents.",
    languages: ["en", "tw"],
    roles: ["tutor"],
  },

  // ---- level 3: Customer Service Managers ----
  {
    username: "chinedu_eze",
    displayName: "Chinedu Eze",
    level: 3,
    country: "NG",
    city: "Abuja",
    jobTitle: "Contact Centre Manager",
    organisation: "BrightGrid Electricity Distribution",
    bio: "I manage a 90-seat contact centre for an electricity distributor, which means billing questions, outages and a lot of patience. Working towards level 4.",
    languages: ["en", "ig", "ha"],
  },
  {
    username: "nadia_benali",
    displayName: "Nadia Benali",
    level: 3,
    country: "MA",
    city: "Casablanca",
    jobTitle: "Responsable Service Client",
    organisation: "Atlas Assurances",
    bio: "Je manage une équipe de 25 conseillers en assurance auto et habitation. Mes sujets du moment : la protection des données et la qualité des appels.",
    languages: ["ar", "fr", "en"],
  },
  {
    username: "mohamed_elsayed",
    displayName: "Mohamed El-Sayed",
    level: 3,
    country: "EG",
    city: "Cairo",
    jobTitle: "Customer Care Manager",
    organisation: "NilePay",
    bio: "I lead customer care for a mobile wallet with two million users. Fintech support is 80% trust and 20% technology, and I am still learning the 80%.",
    languages: ["ar", "en"],
  },
  {
    username: "grace_achieng",
    displayName: "Grace Achieng",
    level: 3,
    country: "KE",
    city: "Kisumu",
    jobTitle: "Patient Experience Manager",
    organisation: "Mwangaza Hospital",
    bio: "Nurse by training, patient experience manager by choice. I look after admissions, billing desks and complaints in a 200-bed private hospital.",
    languages: ["en", "sw"],
  },
  {
    username: "samuel_mugisha",
    displayName: "Samuel Mugisha",
    level: 3,
    country: "RW",
    city: "Kigali",
    jobTitle: "Customer Service Manager",
    organisation: "Kivu Commercial Bank",
    bio: "I manage service in our Kigali branches and the SME desk. I switch between Kinyarwanda, English and French all day, sometimes in one sentence.",
    languages: ["rw", "en", "fr"],
  },
  {
    username: "esi_owusu",
    displayName: "Esi Owusu",
    level: 3,
    country: "GH",
    city: "Kumasi",
    jobTitle: "Branch Service Manager",
    organisation: "Kente Savings & Loans",
    bio: "I run service for four branches around Kumasi. I love loyalty programmes, especially the ones customers actually use.",
    languages: ["en", "tw"],
  },
  {
    username: "jc_mbarga",
    displayName: "Jean-Claude Mbarga",
    level: 3,
    country: "CM",
    city: "Douala",
    jobTitle: "Chef de Service Relation Client",
    organisation: "Wouri Énergie",
    bio: "Je dirige la relation client d'un distributeur d'électricité à Douala. Coupures, factures, compteurs prépayés : je connais la colère des clients et j'apprends à la transformer en confiance.",
    languages: ["fr", "en"],
  },
  {
    username: "zanele_khumalo",
    displayName: "Zanele Khumalo",
    level: 3,
    country: "ZA",
    city: "Durban",
    jobTitle: "Contact Centre Operations Manager",
    organisation: "Indlovu Retail Group",
    bio: "Operations manager for a retail contact centre and online tutor of a Touchpoints learning group. I answer within a day, promise.",
    languages: ["en", "zu"],
    roles: ["tutor"],
  },
  {
    username: "ibrahim_ssali",
    displayName: "Ibrahim Ssali",
    level: 3,
    country: "UG",
    city: "Kampala",
    jobTitle: "Customer Experience Manager",
    organisation: "Rwenzori Mobile",
    bio: "CX manager at a telco in Kampala. I spend my time between dashboards and the service centres, and I trust the service centres more.",
    languages: ["en", "lg", "sw"],
  },

  // ---- level 2: Customer Service Professionals ----
  {
    username: "tunde_bakare",
    displayName: "Babatunde Bakare",
    level: 2,
    country: "NG",
    city: "Ibadan",
    jobTitle: "Senior Customer Service Officer",
    organisation: "ShopKoko",
    bio: "I handle escalations for an online marketplace. Deliveries, refunds and sellers who promise more than they can give are my daily bread.",
    languages: ["en", "yo"],
  },
  {
    username: "ngozi_obi",
    displayName: "Ngozi Obi",
    level: 2,
    country: "NG",
    city: "Port Harcourt",
    jobTitle: "Customer Relationship Officer",
    organisation: "Eko Crest Bank",
    bio: "Relationship officer at a branch in Port Harcourt. Currently working through the CCXMP modules, module 5 next.",
    languages: ["en", "ig"],
  },
  {
    username: "akosua_boateng",
    displayName: "Akosua Boateng",
    level: 2,
    country: "GH",
    city: "Accra",
    jobTitle: "Customer Care Team Lead",
    organisation: "Volta Cable & Internet",
    bio: "I lead a team of twelve agents at a home internet provider. Ask me about explaining fibre installation timelines to impatient customers.",
    languages: ["en", "tw", "ee"],
  },
  {
    username: "brian_otieno",
    displayName: "Brian Otieno",
    level: 2,
    country: "KE",
    city: "Nairobi",
    jobTitle: "Social Media Support Specialist",
    organisation: "Soko Haraka",
    bio: "I answer customers on X, Facebook, Instagram and WhatsApp for an e-commerce company. Fast replies, human tone, no copy-paste: that is the goal.",
    languages: ["en", "sw"],
  },
  {
    username: "lerato_mokoena",
    displayName: "Lerato Mokoena",
    level: 2,
    country: "ZA",
    city: "Pretoria",
    jobTitle: "Senior Client Service Consultant",
    organisation: "Jacaranda Medical Aid",
    bio: "Six years explaining medical aid benefits, pre-authorisations and co-payments. I believe plain language is a form of respect.",
    languages: ["en", "st", "af"],
  },
  {
    username: "awa_ndiaye",
    displayName: "Awa Ndiaye",
    level: 2,
    country: "SN",
    city: "Dakar",
    jobTitle: "Conseillère Clientèle Senior",
    organisation: "Banque Baobab",
    bio: "Conseillère clientèle dans une banque à Dakar, je m'occupe surtout des clients de la diaspora. J'aime les rencontres CX et les bons livres.",
    languages: ["fr", "wo", "en"],
  },
  {
    username: "kouassi_yao",
    displayName: "Yao Kouassi",
    level: 2,
    country: "CI",
    city: "Abidjan",
    jobTitle: "Superviseur Centre d'Appels",
    organisation: "Lagune Télécom",
    bio: "Superviseur d'une équipe de quinze téléconseillers à Abidjan. J'écoute beaucoup d'appels enregistrés, et j'apprends à chaque fois.",
    languages: ["fr", "en"],
  },
  {
    username: "hana_girma",
    displayName: "Hana Girma",
    level: 2,
    country: "ET",
    city: "Addis Ababa",
    jobTitle: "Customer Service Officer",
    organisation: "Entoto Airways",
    bio: "Reservations and call-centre officer at an airline. I speak Amharic, English and a little Arabic, which helps a lot with our Gulf routes.",
    languages: ["am", "en", "ar"],
  },
  {
    username: "youssef_amrani",
    displayName: "Youssef Amrani",
    level: 2,
    country: "MA",
    city: "Rabat",
    jobTitle: "Chargé de clientèle",
    organisation: "Atlas Assurances",
    bio: "Chargé de clientèle en assurance automobile à Rabat. J'essaie d'expliquer les contrats sans jargon, ce n'est pas toujours facile.",
    languages: ["ar", "fr"],
  },
  {
    username: "neema_mushi",
    displayName: "Neema Mushi",
    level: 2,
    country: "TZ",
    city: "Dar es Salaam",
    jobTitle: "Customer Care Officer",
    organisation: "Pwani Water Services",
    bio: "I work at the customer care desk of a water utility. Meter readings, leaks and new connections: every call matters to a household.",
    languages: ["sw", "en"],
  },
  {
    username: "eric_habimana",
    displayName: "Eric Habimana",
    level: 2,
    country: "RW",
    city: "Kigali",
    jobTitle: "Customer Service Team Lead",
    organisation: "Kivu Commercial Bank",
    bio: "Team lead at a bank branch in Kigali. Learning every day from my manager and from the customers who queue at 7:30 before we open.",
    languages: ["rw", "en", "fr"],
  },
  {
    username: "aisha_bello",
    displayName: "Aisha Bello",
    level: 2,
    country: "NG",
    city: "Kano",
    jobTitle: "Patient Relations Officer",
    organisation: "Sahel Specialist Hospital",
    bio: "I handle patient relations and complaints at a specialist hospital in Kano. Empathy first, then the paperwork.",
    languages: ["ha", "en"],
  },

  // ---- level 1: Junior Practitioners ----
  {
    username: "kofi_asante",
    displayName: "Kofi Asante",
    level: 1,
    country: "GH",
    city: "Accra",
    jobTitle: "Call Centre Agent",
    organisation: "Volta Cable & Internet",
    bio: "New to customer service: one month on the phones at a home internet company. I want to learn how to stay calm and actually solve problems.",
    languages: ["en", "tw"],
  },
  {
    username: "amina_yusuf",
    displayName: "Amina Yusuf",
    level: 1,
    country: "KE",
    city: "Mombasa",
    jobTitle: "Customer Service Representative",
    organisation: "Pwani Courier Services",
    bio: "I work the front counter and phones at a courier company in Mombasa. Parcels, tracking numbers and lots of worried customers.",
    languages: ["sw", "en"],
  },
  {
    username: "sipho_ndlovu",
    displayName: "Sipho Ndlovu",
    level: 1,
    country: "ZA",
    city: "Johannesburg",
    jobTitle: "Call Centre Agent",
    organisation: "Jacaranda Medical Aid",
    bio: "Call centre agent at a medical aid, based in Soweto. Studying part-time and taking the career journey one level at a time.",
    languages: ["zu", "en"],
  },
  {
    username: "mariam_traore",
    displayName: "Mariam Traoré",
    level: 1,
    country: "CI",
    city: "Abidjan",
    jobTitle: "Conseillère Service Client",
    organisation: "Lagune Télécom",
    bio: "Conseillère en agence à Abidjan depuis quatre mois. Je veux apprendre à mieux gérer les clients pressés et mécontents.",
    languages: ["fr", "en"],
  },
  {
    username: "kossi_agbeko",
    displayName: "Kossi Agbeko",
    level: 1,
    country: "TG",
    city: "Lomé",
    jobTitle: "Réceptionniste",
    organisation: "Hôtel Les Cocotiers",
    bio: "Réceptionniste de nuit dans un hôtel à Lomé. L'accueil, c'est mon métier et ma passion.",
    languages: ["fr", "ee", "en"],
  },
  {
    username: "chiamaka_nwosu",
    displayName: "Chiamaka Nwosu",
    level: 1,
    country: "NG",
    city: "Lagos",
    jobTitle: "Customer Experience Associate",
    organisation: "ShopKoko",
    bio: "I answer chats and emails for an online marketplace in Lagos. Graduated in mass communication, found my calling in customer experience.",
    languages: ["en", "ig"],
  },
  {
    username: "omar_hassan",
    displayName: "Omar Hassan",
    level: 1,
    country: "EG",
    city: "Alexandria",
    jobTitle: "Customer Support Agent",
    organisation: "NilePay",
    bio: "Support agent for a mobile wallet. I handle chat in Arabic and English and I am trying to get better at explaining technical things simply.",
    languages: ["ar", "en"],
  },
  {
    username: "joy_nakato",
    displayName: "Joy Nakato",
    level: 1,
    country: "UG",
    city: "Kampala",
    jobTitle: "Customer Care Agent",
    organisation: "Rwenzori Mobile",
    bio: "Customer care agent at a telco service centre in Kampala. I like people, and I am learning that liking people is not enough.",
    languages: ["en", "lg"],
  },
  {
    username: "moussa_sow",
    displayName: "Moussa Sow",
    level: 1,
    country: "SN",
    city: "Thiès",
    jobTitle: "Conseiller en boutique",
    organisation: "Teranga Télécom",
    bio: "Conseiller dans une boutique télécom à Thiès. Je découvre le parcours et j'ai hâte d'échanger avec vous tous.",
    languages: ["fr", "wo"],
  },
  {
    username: "benedicte_mbuyi",
    displayName: "Bénédicte Mbuyi",
    level: 1,
    country: "CD",
    city: "Kinshasa",
    jobTitle: "Agent Service Client",
    organisation: "Congo Rapide Transfert",
    bio: "Agent service client dans une société de transfert d'argent à Kinshasa. Je veux devenir superviseure d'ici deux ans.",
    languages: ["fr", "ln", "en"],
  },
];

// ---------------------------------------------------------------------------
// Topics
// ---------------------------------------------------------------------------

export const demoTopics: DemoTopic[] = [
  // ======================= Announcements (staff only) =======================
  {
    category: "announcements",
    title: "Welcome to Touchpoints: how this community works",
    author: "amara_admin",
    daysAgo: 120,
    body: `Welcome, everyone, to the Touchpoints community: the home of the Customer Service Career Journey.

This forum is where much of the journey happens. A few things to know:

- **Curriculum categories** (Basic concepts, Touch points and moments of truth, Laws and data protection...) follow the modules of the programme. Ask questions there, share what you tried at work, disagree politely.
- **Field Experiences** is where managers and leaders (levels 3 and 4) write up how they handled complex cases. Everyone can read and reply.
- **Book Club** and **Events and Activities** help you with your reading and activity duties.
- **Mentorship** threads are private between mentors and mentees.

From level 2, contributing to at least five different topics is part of your duties. Your progress page shows which posts counted.

> Be kind, be specific, and protect your customers: never post names, account numbers or phone numbers of real customers.

Please introduce yourself in Introductions. We are glad you are here.`,
    likes: [
      "wanjiku_kamau",
      "kwame_mensah",
      "fatou_diop",
      "chinedu_eze",
      "esi_owusu",
      "ngozi_obi",
      "brian_otieno",
      "hana_girma",
      "lerato_mokoena",
    ],
    replies: [
      {
        author: "wanjiku_kamau",
        body: "Thank you Amara. Glad to see the privacy reminder right at the top. Mask the account number, change the name, keep the lesson. Looking forward to learning from all of you.",
        likes: ["amara_admin", "thandi_dlamini", "grace_achieng"],
      },
      {
        author: "fatou_diop",
        body: "Merci pour cet accueil ! Is it fine for francophone members to post in French? Many of my colleagues in Dakar will be more comfortable.",
        likes: ["awa_ndiaye", "kouassi_yao", "jc_mbarga"],
      },
      {
        author: "amara_admin",
        body: "@fatou_diop absolutely. Post in French or English, whichever lets you say what you mean. Several of us read both, and French posts count towards the topic duty exactly like English ones.",
        mentions: ["fatou_diop"],
        likes: ["fatou_diop", "awa_ndiaye", "nadia_benali", "moussa_sow"],
      },
    ],
  },
  {
    category: "announcements",
    title: "Your progress page: how forum contributions are counted",
    author: "amara_admin",
    daysAgo: 47,
    body: `Several of you asked how the "5 different topics" duty is counted at levels 2 and 3, so here is the short version:

1. A topic counts when you **started it or replied in it** since you entered your current level.
2. Each topic counts **once**, however many replies you write in it.
3. Posts that you deleted, or that a moderator hid, do not count.
4. Private Mentorship threads do not count.

On your progress page, click the requirement to see the exact posts behind the number. If you think something is missing, reply here or message me and I will check.

Field experiences (level 3) are counted separately: they are topics you start in the Field Experiences category.`,
    likes: ["ngozi_obi", "tunde_bakare", "eric_habimana", "akosua_boateng", "chinedu_eze"],
    replies: [
      {
        author: "ngozi_obi",
        body: "Thanks Amara. So if I reply three times in the same loyalty thread, that is still one topic? Just checking before I celebrate too early.",
        likes: ["tunde_bakare", "eric_habimana"],
      },
      {
        author: "amara_admin",
        body: "@ngozi_obi correct, one topic. Quality over quantity: a thoughtful reply in five different conversations is exactly what the duty is about.",
        mentions: ["ngozi_obi"],
        likes: ["ngozi_obi", "kwame_mensah"],
      },
      {
        author: "chinedu_eze",
        body: "Useful. For level 3 members: do replies to field experiences count towards the five topics as well? I assume yes since they are normal topics.",
      },
      {
        author: "amara_admin",
        body: "@chinedu_eze yes, a reply in someone else's field experience counts as a topic contribution. Starting your own field experience counts for both requirements.",
        mentions: ["chinedu_eze"],
        likes: ["chinedu_eze", "mohamed_elsayed"],
      },
    ],
  },
  {
    category: "announcements",
    title: 'Webinar 2.0 "Becoming a great customer service professional": registration open',
    author: "amara_admin",
    daysAgo: 9,
    body: `Webinar 2.0 is a duty for every level 2 member, and everyone else is welcome to join.

**What:** Becoming a great customer service professional, with a live Q&A.
**When:** the last Thursday of this month, 14:00 GMT (15:00 Lagos, 16:00 Johannesburg, 17:00 Nairobi).
**Duration:** 75 minutes. The recording will be shared with registered members.

Attendance is recorded automatically when you join with the email address of your Touchpoints account. If you watch the recording instead, log it as an activity and add a short note of what you learned; a tutor will confirm it.

We know data is expensive: the session works on audio only, and the slides will be posted here as a light PDF the day before.`,
    likes: ["tunde_bakare", "awa_ndiaye", "akosua_boateng", "hana_girma", "neema_mushi", "aisha_bello"],
    replies: [
      {
        author: "tunde_bakare",
        body: "Registered. 15:00 is right in the middle of our afternoon peak, but I have asked my supervisor for the slot. Audio-only option is a good call.",
        likes: ["amara_admin"],
      },
      {
        author: "awa_ndiaye",
        body: "Merci ! Will the slides also be available in French? Some people in my team are following the programme and their English is still shy.",
        likes: ["kouassi_yao", "mariam_traore"],
      },
      {
        author: "amara_admin",
        body: "@awa_ndiaye yes, @fatou_diop kindly offered to review a French version of the slides. Both versions will be posted here the day before, together with the audio-only link.",
        mentions: ["awa_ndiaye", "fatou_diop"],
        likes: ["awa_ndiaye", "fatou_diop", "moussa_sow"],
      },
    ],
  },
  {
    category: "announcements",
    title: "Customer service awards: self-nominations are open for level 3 and 4 members",
    author: "amara_admin",
    daysAgo: 3,
    body: `The yearly customer service awards self-nomination is part of your duties at levels 3 and 4, and the form is now open in your dashboard.

What the judges look for:

- **one initiative** you led or significantly shaped, with the situation before and after;
- **evidence**: numbers where you have them (complaints, resolution time, satisfaction), testimonials where you do not;
- **what you learned**, including what did not work.

You have six weeks. The form saves as you go, so you can start on your phone and finish later.`,
    likes: ["chinedu_eze", "esi_owusu", "samuel_mugisha", "grace_achieng"],
    replies: [
      {
        author: "chinedu_eze",
        body: "Question: can the initiative be one that is still running? Our billing recovery project started four months ago and the numbers are promising but not final.",
      },
      {
        author: "thandi_dlamini",
        body: 'Speaking as one of the judges: yes, @chinedu_eze, a running initiative is fine. Be honest about where it stands. A clear baseline and an honest "early results" beat a polished story every time. And please do not write a novel: 600 clear words are plenty.',
        mentions: ["chinedu_eze"],
        likes: ["chinedu_eze", "amara_admin", "esi_owusu", "grace_achieng", "wanjiku_kamau"],
      },
    ],
  },

  // ======================= Introductions =======================
  {
    category: "introductions",
    title: "Hello from Accra: one month on the phones at an internet provider",
    author: "kofi_asante",
    daysAgo: 10,
    body: `Hi everyone, I am Kofi, 24, from Accra. I joined Volta Cable & Internet a month ago as a call centre agent, and this is my first customer service job.

So far I have learned three things:

- most callers are not angry at me, they are angry at a router that blinks red;
- the hold music is the worst part of the call for everyone;
- I talk too fast when I am nervous.

I just finished module 1 of the Employee Customer Service Training and I take the Aptitude Test 1.0 next week. Happy to be here and to learn from people who have done this for years.`,
    likes: ["akosua_boateng", "kwame_mensah", "esi_owusu", "joy_nakato"],
    replies: [
      {
        author: "akosua_boateng",
        body: "Kofi! Welcome, colleague. For everyone else: Kofi is in the team next to mine, and he is too modest. Slow down on the phone and you will be great.",
        likes: ["kofi_asante", "kwame_mensah"],
      },
      {
        author: "kwame_mensah",
        body: "Welcome Kofi. Noticing that you talk fast when nervous is already half the fix. Try this: after the greeting, take one breath before you say anything else. It sounds silly and it works. And do not worry about the Aptitude Test 1.0: it is a diagnostic, there is no pass mark. It just shows where to focus.",
        likes: ["kofi_asante", "akosua_boateng", "joy_nakato"],
      },
      {
        author: "esi_owusu",
        body: 'Akwaaba from Kumasi! "Most callers are not angry at me" is a lesson some people take years to learn. You are ahead already.',
        likes: ["kofi_asante"],
      },
    ],
  },
  {
    category: "introductions",
    title: "Bonjour à tous : Mariam, conseillère en agence à Abidjan",
    author: "mariam_traore",
    language: "fr",
    daysAgo: 38,
    body: `Bonjour à toutes et à tous,

Je m'appelle Mariam, je travaille depuis quatre mois comme conseillère dans une agence de Lagune Télécom à Abidjan. Je m'occupe des cartes SIM, des forfaits internet et surtout des réclamations.

Ce que je trouve le plus difficile : les **clients pressés** qui arrivent dix minutes avant la fermeture avec un problème compliqué. Je veux les aider, mais je ne veux pas bâcler.

Je suis au niveau 1 et je viens de terminer le module 2 de la formation. Ravie de vous rejoindre, et merci d'avance pour vos conseils !`,
    likes: ["kouassi_yao", "fatou_diop", "awa_ndiaye", "moussa_sow"],
    replies: [
      {
        author: "kouassi_yao",
        body: "Bienvenue Mariam ! On travaille dans la même entreprise mais pas dans le même bâtiment, je suis au centre d'appels de Plateau. Pour les clients de fin de journée, on en reparle : j'ai quelques astuces.",
        likes: ["mariam_traore"],
      },
      {
        author: "fatou_diop",
        body: "Bienvenue ! Pour les clients qui arrivent juste avant la fermeture : dites clairement ce que vous pouvez faire maintenant, et ce qui sera fait demain, avec une heure précise. Le client accepte d'attendre quand il sait exactement quoi attendre.",
        likes: ["mariam_traore", "awa_ndiaye", "kouassi_yao"],
      },
      {
        author: "awa_ndiaye",
        body: "Bienvenue Mariam, et bon courage pour le module 3 ! C'est celui sur les clients difficiles, tu vas l'adorer. N'hésite pas à poser tes questions ici.",
        likes: ["mariam_traore"],
      },
    ],
  },
  {
    category: "introductions",
    title: "Sipho from Soweto: medical aid call centre, starting level 1",
    author: "sipho_ndlovu",
    daysAgo: 15,
    body: `Sawubona everyone. I'm Sipho, I work in the call centre of a medical aid in Joburg and live in Soweto. Eight months in the job.

Most of my calls are about claims that were not paid and pre-authorisations for hospital admissions. The hardest calls are when someone is calling from the hospital corridor and their family member is being admitted. You can hear the stress.

I joined the journey because I want to move into a quality or training role one day. Looking forward to the discussions, especially the ones about service recovery.`,
    likes: ["lerato_mokoena", "zanele_khumalo", "thandi_dlamini"],
    replies: [
      {
        author: "lerato_mokoena",
        body: "Hey Sipho, welcome! Same company, different floor. Those hospital corridor calls are the ones that matter most. Come find me at lunch and I'll show you the pre-auth checklist I use.",
        likes: ["sipho_ndlovu"],
      },
      {
        author: "zanele_khumalo",
        body: "Welcome Sipho. Wanting to move into quality or training is a great reason to be here. Start noticing now what the best agents on your floor do differently, and write it down. That notebook becomes your first training material.",
        likes: ["sipho_ndlovu", "kwame_mensah", "lerato_mokoena"],
      },
    ],
  },
  {
    category: "introductions",
    title: "Selam from Addis Ababa: airline reservations and call centre",
    author: "hana_girma",
    daysAgo: 33,
    body: `Selam! I'm Hana, customer service officer at Entoto Airways in Addis. I work in reservations and the call centre, mostly on rebookings, baggage and refunds.

During the rainy season when flights are delayed, our call volumes triple in a day. I'm at level 2 and going through the CCXMP modules now (module 3, "Know your customer").

I would love to connect with people working in aviation, tourism and hospitality, and anyone who has tips on handling very long queues of calls without losing quality.`,
    likes: ["yohannes_tesfaye", "mohamed_elsayed", "kossi_agbeko"],
    replies: [
      {
        author: "yohannes_tesfaye",
        body: "Welcome Hana, good to see a colleague here! For everyone else: Hana is the person our supervisors send the hardest rebookings to.",
        likes: ["hana_girma"],
      },
      {
        author: "mohamed_elsayed",
        body: "Welcome! On long queues: a callback option and an honest estimated wait time changed everything for us. People hate waiting, but they hate not knowing even more.",
        likes: ["hana_girma", "wanjiku_kamau"],
      },
    ],
  },
  {
    category: "introductions",
    title: "Joy from Kampala: telecom service centre agent",
    author: "joy_nakato",
    daysAgo: 32,
    body: `Hello! My name is Joy, I work at a Rwenzori Mobile service centre in Kampala. SIM swaps, mobile money reversals, data bundles that "disappear": I see it all.

I love people and I thought that was enough for customer service. It is not. You also need patience, systems knowledge and a thick skin. Still learning all three.

Happy to be at level 1 and looking forward to meeting people from Uganda and beyond.`,
    likes: ["ibrahim_ssali", "neema_mushi", "kofi_asante"],
    replies: [
      {
        author: "ibrahim_ssali",
        body: "Welcome Joy! I'm at Rwenzori head office, so we are colleagues. Liking people is the part nobody can train, so you already have the hardest bit. The systems will come.",
        likes: ["joy_nakato", "wanjiku_kamau"],
      },
      {
        author: "neema_mushi",
        body: "Karibu Joy, greetings from Dar! Data bundles that disappear... we have the water-meter version of that: bills for water that never came out of the tap. Glad you're here.",
        likes: ["joy_nakato"],
      },
    ],
  },
  {
    category: "introductions",
    title: "Bénédicte, Kinshasa : transfert d'argent et service client",
    author: "benedicte_mbuyi",
    language: "fr",
    daysAgo: 24,
    body: `Mbote na bino ! Je suis Bénédicte, agent service client chez Congo Rapide Transfert à Kinshasa.

Nos clients envoient et reçoivent de l'argent de la famille, souvent pour des choses urgentes : les frais de scolarité, l'hôpital, un deuil. Quand un transfert est bloqué, ce n'est jamais « juste une transaction ».

Mon objectif : devenir superviseure d'ici deux ans. Je commence le niveau 1 et j'ai déjà une question pour vous : comment rester calme quand le client pleure au guichet ?`,
    likes: ["jc_mbarga", "samuel_mugisha", "fatou_diop"],
    replies: [
      {
        author: "jc_mbarga",
        body: "Bienvenue Bénédicte ! Quand le client pleure, ne cherchez pas à le calmer tout de suite. Laissez-lui un moment, proposez un siège ou de l'eau si vous pouvez, puis dites ce que vous allez faire, étape par étape. Le calme vient de la clarté.",
        likes: ["benedicte_mbuyi", "fatou_diop", "kwame_mensah"],
      },
      {
        author: "samuel_mugisha",
        body: "Bienvenue ! Welcome from Kigali. Two years to supervisor is a good, concrete goal. Write it on your profile so your mentors can help you get there.",
        likes: ["benedicte_mbuyi"],
      },
    ],
  },
  {
    category: "introductions",
    title: "Omar from Alexandria: mobile wallet support agent",
    author: "omar_hassan",
    daysAgo: 58,
    body: `Hi all, Omar here from Alexandria. I do chat support in Arabic and English for NilePay, a mobile wallet.

Typical day: failed transfers, forgotten PINs, people who sent money to the wrong number. The last one is the hardest, because often we cannot simply reverse it.

I'm at level 1 and my goal this year is to pass the Aptitude Test 2.0 with a good score and move to level 2. Nice to meet you all.`,
    likes: ["mohamed_elsayed", "chiamaka_nwosu"],
    replies: [
      {
        author: "mohamed_elsayed",
        body: "Welcome Omar! (Yes, he works in my team, and yes, he is good at the wrong-number cases.) Share your questions here, the community is generous.",
        likes: ["omar_hassan"],
      },
      {
        author: "chiamaka_nwosu",
        body: "Hi Omar, welcome! I'm also level 1, working on chat for an e-commerce site in Lagos. Maybe we can compare notes before the Aptitude Test 2.0?",
        likes: ["omar_hassan"],
      },
      {
        author: "omar_hassan",
        body: "@chiamaka_nwosu yes please! Let's open a thread when we get closer to the test, and anyone else preparing for the Aptitude Test 2.0 can join us.",
        mentions: ["chiamaka_nwosu"],
      },
    ],
  },

  // ======================= Basic concepts of customer service =======================
  {
    category: "basic-concepts",
    title: "Real needs vs auxiliary needs: a delivery example from Lagos",
    author: "chiamaka_nwosu",
    daysAgo: 7,
    body: `Module 2 of the Employee Customer Service Training talks about the difference between a customer's **real need** and their **auxiliary needs**. It clicked for me this week.

A customer chatted in, very upset: her order of a blender was two days late. The "real need" looked obvious: get the blender delivered. But when I asked a couple of questions, it turned out the blender was a gift for her mother's birthday on Saturday.

So the real need was **a gift in her mother's hands by Saturday**. The auxiliary needs: knowing where the parcel was, feeling that someone cared, not having to chase us again.

We could not speed up that rider, but we offered a pick-up at our Ikeja hub on Friday. She was happy.

Does anyone have a simple way to teach new colleagues to find the real need faster?`,
    likes: ["tunde_bakare", "kwame_mensah", "amina_yusuf", "omar_hassan", "akosua_boateng"],
    replies: [
      {
        author: "tunde_bakare",
        body: 'Great catch, and I remember that ticket! The question that works best for me: "What do you need this for?" asked gently. People often tell you the deadline behind the request without you asking directly.',
        likes: ["chiamaka_nwosu", "amina_yusuf"],
      },
      {
        author: "kwame_mensah",
        body: 'Lovely example. In training I use **"need behind the need"**: ask what happens if we fail. If the blender arrives Monday, what happens? "I miss my mother\'s birthday." That is the real need. Two questions, usually enough.',
        likes: ["chiamaka_nwosu", "tunde_bakare", "zanele_khumalo", "esi_owusu"],
      },
      {
        author: "amina_yusuf",
        body: 'We see this daily at the courier counter. People say "where is my parcel" but they mean "will my documents reach the embassy before my appointment". I am going to try the question from @kwame_mensah tomorrow.',
        mentions: ["kwame_mensah"],
        likes: ["chiamaka_nwosu", "kwame_mensah"],
      },
    ],
  },
  {
    category: "basic-concepts",
    title: 'Is "the customer is always right" still useful advice?',
    author: "tunde_bakare",
    daysAgo: 19,
    body: `Our new supervisor put a big poster in the office: **THE CUSTOMER IS ALWAYS RIGHT**. Half the team laughed.

Yesterday a seller's customer insisted we refund a phone that was clearly dropped in water. Policy says no. The customer was not right. But he was still our customer, and the way we said no mattered.

My view: the phrase is wrong as a fact but useful as an attitude. Start from the assumption that the customer has a real problem, even when the request is not one we can grant.

What do you think? Should we retire the phrase, or keep it and explain it?`,
    likes: ["chiamaka_nwosu", "ngozi_obi", "brian_otieno", "joy_nakato"],
    replies: [
      {
        author: "ngozi_obi",
        body: 'Retire it. It puts staff in an impossible position and it teaches customers to shout. I prefer "the customer is always the reason".',
        likes: ["tunde_bakare", "aisha_bello", "akosua_boateng"],
      },
      {
        author: "adebayo_ogunleye",
        body: 'I would keep the attitude and change the words. In our bank we say: **"The customer always deserves to be heard, and always deserves an answer."** Not always a yes. The water-damaged phone deserves a clear, respectful no, with the reason and whatever alternative you can offer (repair quote, trade-in).',
        likes: ["tunde_bakare", "ngozi_obi", "kwame_mensah", "wanjiku_kamau", "eric_habimana"],
      },
      {
        author: "joy_nakato",
        body: "As someone new, the poster version confused me at first. I thought I had to say yes to everything and then I got in trouble with my team lead for a reversal I should not have done. So I vote for clearer words.",
        likes: ["tunde_bakare", "adebayo_ogunleye"],
      },
      {
        author: "brian_otieno",
        body: 'On social media the phrase is dangerous: customers quote it back at you in public. "Your own slogan says I\'m right!" We never use it.',
        likes: ["tunde_bakare"],
      },
      {
        author: "tunde_bakare",
        body: "Thank you all. I shared @adebayo_ogunleye's wording with our supervisor. She is replacing the poster next week, and @joy_nakato's story convinced her more than my arguments did.",
        mentions: ["adebayo_ogunleye", "joy_nakato"],
        likes: ["adebayo_ogunleye", "joy_nakato", "ngozi_obi"],
      },
    ],
  },
  {
    category: "basic-concepts",
    title: "How do you measure customer service when you don't have a CSAT tool?",
    author: "joy_nakato",
    tags: ["performance-metrics-kpis"],
    daysAgo: 28,
    body: `The training says we should measure customer service. At our service centre we count the number of customers served per day and the waiting time from the ticket machine. That's all.

I feel this misses something. A customer can be served fast and still leave unhappy.

For those without a proper survey system, how do you measure the quality of service? Cheap or free methods, please. Our budget for tools is zero.`,
    likes: ["ibrahim_ssali", "neema_mushi", "amina_yusuf"],
    replies: [
      {
        author: "ibrahim_ssali",
        body: "Good question, and fair criticism of our own centres! Three free things: (1) a one-question paper slip at the exit, 1 to 5 faces; (2) count **repeat visits** for the same issue within 7 days, the best quality signal we have; (3) once a week, the supervisor calls five customers from yesterday and asks how it went.",
        likes: ["joy_nakato", "zanele_khumalo", "wanjiku_kamau", "neema_mushi"],
      },
      {
        author: "zanele_khumalo",
        body: 'Agree with @ibrahim_ssali on repeat contacts. Also ask your team. Agents know which processes make customers come back. A 15-minute huddle every Friday with "what made customers unhappy this week?" gives you a list no survey will.',
        mentions: ["ibrahim_ssali"],
        likes: ["joy_nakato", "ibrahim_ssali", "kwame_mensah"],
      },
      {
        author: "brian_otieno",
        body: "If your company has social media pages, the comments are free feedback. Count complaints by topic each week in a simple spreadsheet. Not scientific, but trends jump out quickly.",
        likes: ["joy_nakato"],
      },
    ],
  },
  {
    category: "basic-concepts",
    title: "Added service value on a tiny budget",
    author: "amina_yusuf",
    daysAgo: 44,
    body: `The course talks about the **service offer** and **added service value**. At a big hotel that is a welcome drink. At a courier counter in Mombasa with no budget, what can it be?

Things I have tried:

- writing the tracking number on the receipt in big clear numbers, and circling it;
- telling customers the **cut-off time** for same-day dispatch to Nairobi before they ask;
- keeping a small jar of sweets for children who wait with their parents.

The sweets get the most smiles, but I think the cut-off time saves the most complaints. What small things have worked where you are?`,
    likes: ["esi_owusu", "fatou_diop", "chiamaka_nwosu", "kofi_asante"],
    replies: [
      {
        author: "esi_owusu",
        body: 'Love the circled tracking number. Small, free, useful. In our branches we started telling customers how long the queue will really take ("about 20 minutes") instead of "just a moment". Complaints about waiting dropped, even though the waiting did not.',
        likes: ["amina_yusuf", "kwame_mensah", "grace_achieng"],
      },
      {
        author: "fatou_diop",
        body: "Le meilleur « plus » est souvent l'information qu'on donne avant que le client ait besoin de la demander. Your cut-off time is exactly that. In our boutiques, we text customers when their repaired phone is ready, instead of letting them come back for nothing.",
        likes: ["amina_yusuf", "moussa_sow"],
      },
    ],
  },
  {
    category: "basic-concepts",
    title: "Service excellent ou service minimum : où est la limite ?",
    author: "moussa_sow",
    language: "fr",
    daysAgo: 63,
    body: `Bonjour à tous,

Dans le module 1, on parle des différents **niveaux de service**. Dans ma boutique à Thiès, on a souvent trente personnes qui attendent. Si je prends dix minutes avec chaque client pour un service « excellent », les autres attendent une heure.

Alors ma question : comment faire un service de qualité quand il y a beaucoup de monde ? Est-ce qu'il faut accepter un service « correct » pour tout le monde plutôt qu'un service excellent pour quelques-uns ?

Merci pour vos avis.`,
    likes: ["awa_ndiaye", "fatou_diop", "mariam_traore"],
    replies: [
      {
        author: "awa_ndiaye",
        body: "Très bonne question Moussa. À la banque, on trie dès l'entrée : les opérations rapides d'un côté, les dossiers longs de l'autre, avec un rendez-vous si nécessaire. Le service excellent, c'est aussi ne pas faire attendre quelqu'un qui vient pour deux minutes.",
        likes: ["moussa_sow", "fatou_diop"],
      },
      {
        author: "fatou_diop",
        body: "Je suis d'accord avec @awa_ndiaye. L'excellence, ce n'est pas passer plus de temps, c'est passer le bon temps avec chaque client. Une recharge bien faite en une minute avec un sourire, c'est un service excellent. Moussa, parlons-en avec ton chef de boutique : un « accueil-orientation » aux heures de pointe changerait tout.",
        mentions: ["awa_ndiaye"],
        likes: ["moussa_sow", "awa_ndiaye", "kouassi_yao", "mariam_traore"],
      },
    ],
  },

  // ======================= Relationships and loyalty =======================
  {
    category: "relationships-and-loyalty",
    title: "40% of our loyalty members never redeemed a single point. What we learned",
    author: "esi_owusu",
    tags: ["loyalty-programme-management"],
    daysAgo: 13,
    body: `Two years ago we launched a points scheme for savings customers: points for regular deposits, redeemable for fee waivers and small gifts. Last quarter we finally looked at the data.

**40% of members had never redeemed anything.** When we called a sample of them, the answers were humbling:

- "I didn't know I had points."
- "I thought you needed 10,000 points for anything." (You need 500.)
- "The gifts are in Accra, I'm in Ejisu."

What we changed:

1. Points balance printed on every deposit slip.
2. A **first reward at 200 points**, so people experience redeeming early.
3. Rewards available at every branch, not just head office.

Redemption went from 60% to 78% of active members in one quarter. Lesson: a loyalty programme nobody understands is just a cost.`,
    likes: ["ngozi_obi", "adebayo_ogunleye", "brian_otieno", "samuel_mugisha", "kwame_mensah", "awa_ndiaye"],
    replies: [
      {
        author: "ngozi_obi",
        body: 'The "first reward early" idea is brilliant. Did you see any change in deposit behaviour, or only in redemption? I\'d love to show our product team some numbers.',
        likes: ["esi_owusu"],
      },
      {
        author: "esi_owusu",
        body: "@ngozi_obi early days, but regular monthly depositors are up about 9% among members who redeemed once. Correlation, not proof. We are watching it.",
        mentions: ["ngozi_obi"],
        likes: ["ngozi_obi", "adebayo_ogunleye"],
      },
      {
        author: "adebayo_ogunleye",
        body: "Honest analysis, Esi. Many banks would never publish the 40%. One addition: ask the customers who **did** redeem what they chose and why. In our case it turned out people valued a free statement letter for visa applications more than any gift.",
        likes: ["esi_owusu", "samuel_mugisha", "awa_ndiaye"],
      },
      {
        author: "brian_otieno",
        body: "Same story in e-commerce: our wallet cashback was invisible until we showed it on the checkout page. Visibility is everything.",
        likes: ["esi_owusu"],
      },
    ],
  },
  {
    category: "relationships-and-loyalty",
    title: "Internal customers: our IT helpdesk treats the branch like a nuisance",
    author: "ngozi_obi",
    daysAgo: 36,
    body: `Module 3 says colleagues are **internal customers**. I agree in theory. In practice, when our card printer breaks, the IT helpdesk takes two days to reply and the customer in front of me waits.

I don't want to just complain about IT. I'm sure they have their own pressures. But I want to know: how have you built a better relationship with a support team that is not in your chain of command?`,
    likes: ["akosua_boateng", "eric_habimana", "chinedu_eze"],
    replies: [
      {
        author: "chinedu_eze",
        body: "Start by making their job easier. Our meter-reading team hated our tickets until we agreed a template with them: location, meter number, photo, what the customer said. Their response time halved. Then invite one of them to sit with your team for an hour. Once they hear a real customer, it becomes personal.",
        likes: ["ngozi_obi", "zanele_khumalo", "wanjiku_kamau", "ibrahim_ssali"],
      },
      {
        author: "akosua_boateng",
        body: 'And thank them publicly when they are fast! We post "thank you IT" in the group chat with the customer\'s kind words (anonymised). It costs nothing.',
        likes: ["ngozi_obi", "kofi_asante"],
      },
      {
        author: "zanele_khumalo",
        body: 'Everything @chinedu_eze said. One more: agree a simple service level with them in writing. "Branch-blocking issues answered within 2 hours." Without an agreement, everything is urgent and nothing is.',
        mentions: ["chinedu_eze"],
        likes: ["ngozi_obi", "chinedu_eze"],
      },
    ],
  },
  {
    category: "relationships-and-loyalty",
    title: "Keeping SME customers when a competitor offers lower fees",
    author: "samuel_mugisha",
    daysAgo: 71,
    body: `A new digital bank in Kigali is offering small businesses free transfers for a year. We have lost a few SME accounts already, and more are asking us to "match the offer".

We can't match it. What we can offer is a relationship: a named officer, a visit to their shop, advice on loans, quick help when something goes wrong.

But does that still matter to a shop owner who sees "free" on a billboard? I'd like to hear from people who have kept customers against a cheaper competitor. What worked, what didn't?`,
    likes: ["eric_habimana", "esi_owusu", "adebayo_ogunleye"],
    replies: [
      {
        author: "eric_habimana",
        body: "From the branch floor: the SME owners who stayed with us are the ones who had a problem solved quickly at some point. The relationship is built in the bad moment, not in the welcome visit.",
        likes: ["samuel_mugisha", "thandi_dlamini", "adebayo_ogunleye"],
      },
      {
        author: "adebayo_ogunleye",
        body: "We faced the same with fintechs in Lagos. Two things helped: we **calculated the real cost** for each SME (most were paying less than they thought) and we made leaving unnecessary by fixing the two annoyances they mentioned most: slow statements and no weekend support. Some still left. Let them go kindly; several came back when they needed a loan.",
        likes: ["samuel_mugisha", "eric_habimana", "esi_owusu", "ngozi_obi"],
      },
    ],
  },
  {
    category: "relationships-and-loyalty",
    title: "Fidéliser les clients de la diaspora",
    author: "awa_ndiaye",
    language: "fr",
    daysAgo: 52,
    body: `Bonjour,

Une grande partie de mes clients vit en France, en Italie ou aux États-Unis. Ils ont un compte à Dakar pour la famille, pour un projet de maison, pour la retraite. Ils viennent en agence une fois par an, souvent en août.

Le reste de l'année, la relation se fait par **WhatsApp, e-mail et appels à des heures impossibles** à cause du décalage horaire.

Ce qui marche pour moi :

- un message de bienvenue quand ils arrivent au pays ;
- un point annuel sur leur projet (la maison avance-t-elle ?) ;
- un seul interlocuteur, pas un numéro général.

Vous avez des clients de la diaspora ? Comment gardez-vous le lien à distance ?`,
    likes: ["fatou_diop", "moussa_sow", "samuel_mugisha", "kouassi_yao"],
    replies: [
      {
        author: "fatou_diop",
        body: "Le point annuel sur le projet est une très belle idée. C'est ça, une vraie relation : s'intéresser au but du client, pas seulement à son compte.",
        likes: ["awa_ndiaye"],
      },
      {
        author: "samuel_mugisha",
        body: "Nous avons beaucoup de clients de la diaspora à Bruxelles et au Canada. Nous avons créé des créneaux d'appel le samedi matin pour eux. Small thing, but they noticed and they told their friends.",
        likes: ["awa_ndiaye", "eric_habimana"],
      },
      {
        author: "moussa_sow",
        body: "Merci Awa, en boutique on voit aussi les clients de la diaspora en été. Je vais proposer le message de bienvenue à mon chef.",
        likes: ["awa_ndiaye"],
      },
    ],
  },
  {
    category: "relationships-and-loyalty",
    title: "Remembering the customer: small gestures that build relationships",
    author: "lerato_mokoena",
    daysAgo: 89,
    body: `A member called last week to thank me. Not for solving anything big: three months ago, she mentioned her husband was having knee surgery, and when she called again I asked how he was recovering (it was in the call notes).

She said: **"You're the first person at a company who remembered me."**

Our system lets us add a short personal note to a member's file. Most agents never use it. I think it's one of the most powerful tools we have, as long as we are careful about what we write (nothing sensitive beyond what is needed, and never judgemental).

Does your CRM have something similar? How do you use it without being creepy?`,
    likes: ["sipho_ndlovu", "thandi_dlamini", "grace_achieng", "aisha_bello"],
    replies: [
      {
        author: "sipho_ndlovu",
        body: "I didn't know we could add notes like that! Going to ask my team leader tomorrow. Thanks for explaining how you use it without overstepping.",
        likes: ["lerato_mokoena"],
      },
      {
        author: "thandi_dlamini",
        body: "Beautiful example, Lerato. The line between caring and creepy: use what the customer told **you**, not what you found out. And remember that notes are personal information under POPIA, so write them as if the member will read them one day, because they have the right to ask.",
        likes: ["lerato_mokoena", "zanele_khumalo", "grace_achieng", "wanjiku_kamau", "sipho_ndlovu"],
      },
    ],
  },

  // ======================= Customer service in different organisations =======================
  {
    category: "different-organisations",
    title: 'Patients are not "customers"... or are they?',
    author: "aisha_bello",
    daysAgo: 22,
    body: `When I mention "customer service" at our hospital, some doctors get offended. "Patients are not customers, this is not a supermarket."

I understand them. A patient did not choose to be sick, and we cannot "give them what they want" if what they want is antibiotics for a virus.

But patients still wait, pay bills, get lost in corridors and feel ignored. All of that is service.

How do you talk about customer service in a hospital, a school or a government office without sounding like you are turning it into a shop?`,
    likes: ["grace_achieng", "lerato_mokoena", "neema_mushi"],
    replies: [
      {
        author: "grace_achieng",
        body: 'We stopped saying "customer service" with clinicians and started saying **"patient experience"**. Same principles, different words. And we always start with something they care about: patients who feel listened to follow their treatment better. That argument wins doctors over.',
        likes: ["aisha_bello", "lerato_mokoena", "kwame_mensah", "thandi_dlamini"],
      },
      {
        author: "kwame_mensah",
        body: 'Module 4 of the curriculum is exactly about this: the **aims** of the organisation change what service means. A hospital\'s aim is health, not sales. Service there means dignity, clarity and safety. Frame it that way and the word "customer" matters less.',
        likes: ["aisha_bello", "grace_achieng", "neema_mushi"],
      },
      {
        author: "lerato_mokoena",
        body: 'In medical aid we say "members". The word matters less than whether people are treated as adults who deserve clear information.',
        likes: ["aisha_bello"],
      },
    ],
  },
  {
    category: "different-organisations",
    title: "Customer service in a public water utility: no competitor, still accountable",
    author: "neema_mushi",
    daysAgo: 41,
    body: `At a water utility, customers cannot leave us for a competitor. Some colleagues conclude that service does not matter: "Where will they go?"

I disagree, for three reasons:

- unhappy customers **stop paying** or find illegal connections, and revenue suffers;
- the regulator and local leaders hear every complaint;
- our field teams need customers' cooperation (access to meters, reporting leaks).

Still, it's hard to motivate a team when the usual arguments about loyalty and competition don't apply. For those of you in utilities, government or monopolies: how do you make the case for good service?`,
    likes: ["chinedu_eze", "jc_mbarga", "ibrahim_ssali", "joy_nakato"],
    replies: [
      {
        author: "chinedu_eze",
        body: "Same in electricity distribution. What worked for us: link service to **collections**. When we fixed estimated billing complaints in one district, payment rates went up. Management listens to revenue. The team listens to stories: we read one customer thank-you letter at every morning briefing.",
        likes: ["neema_mushi", "jc_mbarga", "wanjiku_kamau"],
      },
      {
        author: "jc_mbarga",
        body: "Même constat à Douala. Customers who trust us report fraud and leaks. Customers who don't trust us protect the fraudsters. Good service is part of how a monopoly keeps its network safe.",
        likes: ["neema_mushi", "chinedu_eze"],
      },
    ],
  },
  {
    category: "different-organisations",
    title: "From a bank to a startup: what changed in how we serve customers",
    author: "brian_otieno",
    daysAgo: 77,
    body: `Before joining an e-commerce startup, I spent three years in a bank's contact centre. Some differences surprised me:

| | Bank | Startup |
| --- | --- | --- |
| Scripts | Strict, reviewed by compliance | Almost none |
| Channels | Phone and branch first | WhatsApp and social first |
| Decisions | Escalate almost everything | Agents can refund up to a limit |
| Customer tone | Formal | Very casual, emojis |

The startup is faster, but we make more mistakes. The bank was slow, but customers trusted the answers.

I'm trying to bring some of the bank's rigour (checklists, call notes) to the startup without killing its speed. Anyone else moved between very different organisations? What did you carry over?`,
    likes: ["ngozi_obi", "tunde_bakare", "chiamaka_nwosu", "mohamed_elsayed"],
    replies: [
      {
        author: "ngozi_obi",
        body: 'Interesting table. From the bank side, I envy your refund limit. Half of our complaints exist because the agent has to say "I\'ll escalate" for a 2,000 naira fee reversal.',
        likes: ["brian_otieno", "adebayo_ogunleye"],
      },
      {
        author: "tunde_bakare",
        body: "Checklists for refunds were the best thing we ever added. Speed stayed the same and the refund errors basically vanished. Bring the rigour, @brian_otieno, just keep it short.",
        mentions: ["brian_otieno"],
        likes: ["brian_otieno"],
      },
    ],
  },
  {
    category: "different-organisations",
    title: "Hôtellerie : le client qui arrive à 2 h du matin",
    author: "kossi_agbeko",
    language: "fr",
    daysAgo: 50,
    body: `Bonsoir à tous,

Je suis réceptionniste de nuit dans un hôtel à Lomé. La nuit, je suis seul à la réception. Hier, un client est arrivé à 2 h du matin après un vol retardé. Sa réservation avait été annulée automatiquement à minuit (« no-show ») et l'hôtel était presque complet.

J'ai trouvé une chambre, mais pas celle qu'il avait réservée. Il était fatigué et furieux.

Dans une banque ou un centre d'appels, on peut dire « revenez demain ». À l'hôtel, à 2 h du matin, impossible. Comment faites-vous quand vous êtes seul et que vous n'avez pas de chef à appeler ?`,
    likes: ["mariam_traore", "fatou_diop", "yohannes_tesfaye"],
    replies: [
      {
        author: "fatou_diop",
        body: "Tu as fait l'essentiel : tu lui as trouvé un lit. Le lendemain matin, un petit mot et un petit-déjeuner offert, si ta direction l'accepte, transforment souvent la colère en souvenir positif. Et propose à ton hôtel une règle : pas d'annulation automatique quand le vol est connu et retardé.",
        likes: ["kossi_agbeko", "mariam_traore", "yohannes_tesfaye"],
      },
      {
        author: "yohannes_tesfaye",
        body: "From the airline side, sorry for that delay! Tip: ask guests for their flight number at booking. Many hotels check arrivals online and hold rooms for delayed flights. It saves exactly this 2 a.m. moment of truth.",
        likes: ["kossi_agbeko", "fatou_diop", "hana_girma"],
      },
      {
        author: "mariam_traore",
        body: "Bravo Kossi d'être resté calme seul à 2 h du matin. Je ne sais pas si j'y arriverais ! Tu as trouvé une chambre, c'est déjà beaucoup.",
        likes: ["kossi_agbeko"],
      },
    ],
  },

  // ======================= Features and benefits =======================
  {
    category: "features-and-benefits",
    title: 'Customers don\'t buy "fibre 100 Mbps", they buy "my kids\' online classes don\'t freeze"',
    author: "akosua_boateng",
    daysAgo: 8,
    body: `I've been coaching my team on **features vs benefits** (module 5 of the curriculum) and the internet business is a perfect example.

Our sales sheets are full of features: 100 Mbps, unlimited data, dual-band router. Customers glaze over. When an agent translates:

- *100 Mbps* → "four people can stream and do video calls at the same time"
- *dual-band router* → "the signal reaches the back bedroom"
- *unlimited* → "no surprise when the month ends"

...the conversation changes completely.

The catch: the benefit has to be **true for this customer**. Promising "no freezing" to someone in an area with frequent power cuts is setting them up for disappointment.

How do you teach agents to find the benefit that matters to the person in front of them?`,
    likes: ["kofi_asante", "brian_otieno", "kwame_mensah", "eric_habimana", "lerato_mokoena"],
    replies: [
      {
        author: "kofi_asante",
        body: 'This helped me a lot last week! A grandmother asked about our package and I said "you can video call your grandchildren in London without it cutting". She signed up on the spot.',
        likes: ["akosua_boateng", "kwame_mensah", "esi_owusu"],
      },
      {
        author: "kwame_mensah",
        body: 'Teach them to ask before they pitch: "Who will use it? For what? What annoys you about your current connection?" Then the benefit almost chooses itself. And @kofi_asante, that grandmother line is going into my training slides, with your permission.',
        mentions: ["kofi_asante"],
        likes: ["akosua_boateng", "kofi_asante", "zanele_khumalo"],
      },
      {
        author: "brian_otieno",
        body: 'Your point on power cuts is key. Overpromising benefits is where half of our "not as described" complaints come from.',
        likes: ["akosua_boateng"],
      },
    ],
  },
  {
    category: "features-and-benefits",
    title: "Promoting extra products without pushing: where is the line at a bank counter?",
    author: "eric_habimana",
    daysAgo: 30,
    body: `Our branch has targets for selling insurance and savings products. The curriculum talks about promoting additional products as part of good service (module 5), and I agree, when the product really helps the customer.

But I see colleagues pushing a funeral cover on a student who came to deposit 20,000 francs. It feels wrong, and customers notice.

My rule for myself: **only mention a product if I can say in one sentence why it helps this customer.** Otherwise I just serve them well and let them leave.

Is that naive? How do you handle sales targets in a service role?`,
    likes: ["samuel_mugisha", "ngozi_obi", "awa_ndiaye", "akosua_boateng"],
    replies: [
      {
        author: "samuel_mugisha",
        body: "Not naive at all, Eric. It's the rule I want the whole team to follow. The conversion numbers for \"one-sentence relevant\" offers are much higher than for blanket pitching. I'll share the figures at our next team meeting.",
        likes: ["eric_habimana", "adebayo_ogunleye"],
      },
      {
        author: "ngozi_obi",
        body: 'We have the same pressure. What helped me: I ask one open question at the end ("Is there anything you are saving for this year?"). If they say school fees, I mention the education savings plan. If not, nothing. No pushing, and customers do come back later to ask.',
        likes: ["eric_habimana", "esi_owusu", "awa_ndiaye"],
      },
      {
        author: "esi_owusu",
        body: "Also remember sector codes: in many markets, selling a product that clearly does not suit the customer can become a conduct complaint to the regulator. Good ethics and compliance point in the same direction here.",
        likes: ["eric_habimana", "samuel_mugisha"],
      },
    ],
  },
  {
    category: "features-and-benefits",
    title: "Explaining medical aid plan benefits in plain language",
    author: "lerato_mokoena",
    daysAgo: 55,
    body: `Medical aid plans are full of words members don't understand: **co-payment, sub-limit, network provider, pre-authorisation, savings account**. When a claim is rejected, that vocabulary turns frustration into anger.

I've started building a small "plain language" list for our team:

- *Pre-authorisation*: "We must approve the hospital stay before you go in, except in an emergency."
- *Co-payment*: "The part of the bill you pay yourself."
- *Network provider*: "A doctor or hospital that has an agreement with us, so you pay less."

Before: members called back two or three times. After: fewer repeat calls on the same claim (we're still measuring).

Do you have similar lists in banking, insurance or telecoms? I'd love to borrow ideas.`,
    likes: ["sipho_ndlovu", "thandi_dlamini", "aisha_bello", "youssef_amrani"],
    replies: [
      {
        author: "thandi_dlamini",
        body: "Yes! In insurance we test every explanation on someone outside the company, usually a family member. If my mother can't repeat it back, it's not plain enough. Lerato, please share the full list with the group when it's ready.",
        likes: ["lerato_mokoena", "sipho_ndlovu", "youssef_amrani"],
      },
      {
        author: "sipho_ndlovu",
        body: "I printed the pre-authorisation one and stuck it on my screen. Used it four times today, and not one member asked me to repeat it.",
        likes: ["lerato_mokoena", "thandi_dlamini"],
      },
      {
        author: "aisha_bello",
        body: "We could use this at the hospital billing desk too, especially for HMO patients who don't understand why some drugs are not covered. Thank you for sharing.",
        likes: ["lerato_mokoena"],
      },
    ],
  },
  {
    category: "features-and-benefits",
    title: "Assurance auto : expliquer les garanties sans jargon",
    author: "youssef_amrani",
    language: "fr",
    daysAgo: 97,
    body: `Bonjour,

Chez nous, beaucoup de clients prennent l'assurance auto **au tiers** parce que c'est moins cher, puis découvrent après un accident que leur propre voiture n'est pas couverte. Ils se sentent trompés, même si le contrat était clair... pour un juriste.

Je cherche une façon simple d'expliquer les formules au moment de la souscription :

- **Tiers** : « on paie les dégâts que vous causez aux autres » ;
- **Tous risques** : « on paie aussi les dégâts sur votre voiture ».

Est-ce trop simplifié ? Comment expliquez-vous les avantages et les limites d'un produit sans effrayer le client ni lui mentir ?`,
    likes: ["nadia_benali", "lerato_mokoena"],
    replies: [
      {
        author: "nadia_benali",
        body: "Ce n'est pas trop simplifié, c'est exactement ce qu'il faut. Ajoute juste une question : « Si demain votre voiture est abîmée et que personne n'est responsable, pouvez-vous payer la réparation ? » Le client choisit en connaissance de cause, et il ne se sent pas trompé après.",
        likes: ["youssef_amrani", "lerato_mokoena", "fatou_diop"],
      },
      {
        author: "lerato_mokoena",
        body: "I used a translator for this one, so forgive me if I misunderstood! In our plain-language list we always add **what is not covered** next to what is covered. Members forgive a limit they knew about; they don't forgive a surprise.",
        likes: ["youssef_amrani", "nadia_benali"],
      },
    ],
  },

  // ======================= Communicating effectively =======================
  {
    category: "communicating-effectively",
    title: "Public complaint on X at 11 pm: move to DM immediately or answer publicly first?",
    author: "brian_otieno",
    tags: ["social-media-service", "online-support-tactics"],
    daysAgo: 1,
    body: `Last night at 11 pm a customer posted on X: a photo of a cracked TV screen, our logo, and "NEVER buy from these people". 2,000 views in an hour.

My instinct was to reply "Please DM us your order number" and move on. My manager says that looks like we are hiding the conversation.

What I ended up doing:

1. Public reply within 10 minutes: *"That's not the way your TV should arrive, and I'm sorry. I'm Brian from the support team. I've sent you a DM so we can sort out a replacement without sharing your details here."*
2. Sorted it in DM (replacement booked for next morning).
3. Went back to the public thread: *"Replacement is on its way for tomorrow. Thanks for your patience."*

The customer later added "fair enough, they fixed it fast". Is this the right pattern, or would you do it differently?`,
    likes: ["akosua_boateng", "wanjiku_kamau", "tunde_bakare", "chiamaka_nwosu", "mohamed_elsayed", "kwame_mensah"],
    replies: [
      {
        author: "wanjiku_kamau",
        body: 'That is textbook, Brian. Public acknowledgement, private resolution, public close. Two small things: use the customer\'s first name if their profile shows it, and never ask for personal data in the public reply, which you handled well. Your manager is right that "DM us" alone looks like hiding.',
        likes: ["brian_otieno", "akosua_boateng", "mohamed_elsayed", "thandi_dlamini"],
      },
      {
        author: "akosua_boateng",
        body: "The public close is the step most teams forget. Future customers read the whole thread, not just the complaint, and the ending is what they remember.",
        likes: ["brian_otieno", "wanjiku_kamau"],
      },
      {
        author: "tunde_bakare",
        body: "How did you get the replacement approved at 11 pm? That would be our bottleneck: nobody with approval rights is online after 8.",
        likes: ["chiamaka_nwosu"],
      },
      {
        author: "brian_otieno",
        body: "@tunde_bakare we have an on-call team lead until midnight who can approve replacements under a certain value. It took a year of arguing to get that, but it pays for itself on nights like this.",
        mentions: ["tunde_bakare"],
        likes: ["tunde_bakare", "wanjiku_kamau"],
      },
      {
        author: "chiamaka_nwosu",
        body: "Saving this thread as a guide for our chat team. Thank you for writing out the exact words you used; examples teach more than rules.",
        likes: ["brian_otieno"],
      },
    ],
  },
  {
    category: "communicating-effectively",
    title: "Phrases to stop using on the phone (and what we say instead)",
    author: "hana_girma",
    daysAgo: 18,
    body: `Our call centre did a little exercise: each agent listened to five of their own recorded calls and wrote down phrases that made the customer react badly. Here is our top list:

| Instead of... | We now say... |
| --- | --- |
| "That's not my department." | "Let me connect you to the team who can solve this, and I'll stay on until they pick up." |
| "You have to..." | "The quickest way is to..." |
| "Calm down." | "I can hear this has been really frustrating." |
| "The system won't allow it." | "I can't change that fare, but here is what I can do." |
| "As I said before..." | "Let me explain it another way." |

"Calm down" was the worst. Not one customer calmed down after hearing it!

What phrases are on your list?`,
    likes: ["yohannes_tesfaye", "kofi_asante", "joy_nakato", "lerato_mokoena", "kouassi_yao", "zanele_khumalo"],
    replies: [
      {
        author: "yohannes_tesfaye",
        body: "Proud of this exercise. The team chose the phrases themselves, which is why they actually use the new ones. Nobody likes a list that comes from management.",
        likes: ["hana_girma", "kwame_mensah"],
      },
      {
        author: "kofi_asante",
        body: 'I say "as I said before" when I\'m tired. Didn\'t realise it sounded so bad until now. Adding "let me explain it another way" to my sticky notes.',
        likes: ["hana_girma"],
      },
      {
        author: "lerato_mokoena",
        body: 'Ours: "It\'s policy." Replace it with the reason behind the policy. "We need the pre-authorisation so the hospital doesn\'t bill you directly" lands much better than "it\'s policy".',
        likes: ["hana_girma", "sipho_ndlovu", "zanele_khumalo"],
      },
      {
        author: "joy_nakato",
        body: '"Your number is blocked by the system". Customers hear "you did something wrong". Now I say "For your safety the SIM is paused until we confirm it\'s you".',
        likes: ["hana_girma", "ibrahim_ssali"],
      },
    ],
  },
  {
    category: "communicating-effectively",
    title: "Arabic, English or Franco-Arabic? Matching the customer's language in chat",
    author: "mohamed_elsayed",
    tags: ["cultural-sensitivity", "online-support-tactics"],
    daysAgo: 37,
    body: `In our chat support, customers write in formal Arabic, Egyptian Arabic, English, and a lot of "Franco-Arabic" (Arabic written with Latin letters and numbers: "3ayez a3raf el balance").

Our old rule was: reply in formal Arabic or English only. Customers found it cold.

We now **mirror the customer's register**: if they write Egyptian Arabic, we reply in simple Egyptian Arabic; if they write Franco, we reply in Arabic script or English, whichever they seem to prefer, but we keep it friendly. Satisfaction on chat went up noticeably.

But it creates problems for quality checks and for agents who are less comfortable with certain registers. How do multilingual teams in Morocco, Cameroon, Kenya... handle this?`,
    likes: ["omar_hassan", "nadia_benali", "youssef_amrani", "samuel_mugisha"],
    replies: [
      {
        author: "omar_hassan",
        body: "As an agent: mirroring is much more natural. The trick is having a few approved phrases in each register for the sensitive moments (refund refused, account blocked) so we don't improvise there.",
        likes: ["mohamed_elsayed", "nadia_benali"],
      },
      {
        author: "nadia_benali",
        body: "Same situation in Morocco with Darija, French and Arabic. We let the customer choose and we follow. For quality checks, we made sure each evaluator understands Darija. An evaluator who can't read the chat can't judge it fairly.",
        likes: ["mohamed_elsayed", "youssef_amrani", "omar_hassan"],
      },
      {
        author: "samuel_mugisha",
        body: "In Kigali we have Kinyarwanda, English, French and Swahili. We route by the language of the first message, and we tag agents with their languages. Code-switching is normal here; customers appreciate it when we follow them.",
        likes: ["mohamed_elsayed"],
      },
    ],
  },
  {
    category: "communicating-effectively",
    title: "WhatsApp Business for support: templates that don't sound like robots",
    author: "chiamaka_nwosu",
    tags: ["digital-customer-engagement", "online-support-tactics"],
    daysAgo: 26,
    body: `We moved most of our customer support to WhatsApp Business six months ago. Customers love it, but our quick replies sound like a robot wrote them:

> "Dear Valued Customer, your complaint has been received and will be treated accordingly."

I rewrote a few and tested them with my team:

- **Received:** "Hi Ngozi, thanks for the photos. I'm checking with the seller now and I'll update you by 3 pm today."
- **Delay:** "Sorry, the rider is stuck in traffic on Third Mainland Bridge. New time: between 5 and 6 pm."
- **Closed:** "Glad it arrived! If anything is wrong with it, just reply here."

The rule: **name, specific detail, next step with a time**. What templates work for you?`,
    likes: ["tunde_bakare", "brian_otieno", "omar_hassan", "amina_yusuf"],
    replies: [
      {
        author: "tunde_bakare",
        body: "\"Treated accordingly\" must be banned across Nigeria. Your rule is simple enough that new agents can use it from day one. I'd add: never send the template without reading the customer's last message again.",
        likes: ["chiamaka_nwosu", "brian_otieno"],
      },
      {
        author: "brian_otieno",
        body: 'Great rewrite. One more: voice notes. Many of our customers send voice notes and expect text back. We reply in text so there is a record, but we start with "Thanks for the voice note" so they know we listened.',
        likes: ["chiamaka_nwosu", "amina_yusuf"],
      },
    ],
  },
  {
    category: "communicating-effectively",
    title: "Écoute active au téléphone : vos astuces ?",
    author: "kouassi_yao",
    language: "fr",
    daysAgo: 48,
    body: `Bonjour à tous,

En écoutant les appels de mon équipe, je remarque toujours la même chose : le téléconseiller **prépare sa réponse pendant que le client parle**. Résultat : il répond à côté, le client répète, l'appel dure plus longtemps.

Ce que j'essaie d'instaurer :

1. laisser le client finir, même s'il est long ;
2. **reformuler** en une phrase : « Si je comprends bien, le crédit a été débité mais pas le forfait ? » ;
3. poser une seule question à la fois.

La reformulation marche très bien, mais certains conseillers la trouvent « artificielle ». Comment la rendre naturelle ? Avez-vous d'autres techniques d'écoute active qui marchent au téléphone ?`,
    likes: ["mariam_traore", "jc_mbarga", "awa_ndiaye", "hana_girma"],
    replies: [
      {
        author: "mariam_traore",
        body: "Au début, je trouvais aussi la reformulation bizarre. Maintenant je dis simplement « D'accord, donc... » et je résume. C'est devenu naturel et les clients disent souvent « oui, exactement ! ».",
        likes: ["kouassi_yao", "awa_ndiaye"],
      },
      {
        author: "jc_mbarga",
        body: "Astuce de mon équipe : prendre des notes avec les mots du client, pas avec nos mots internes. Si le client dit « mon compteur fait bip », on écrit « compteur fait bip », pas « anomalie compteur ». La reformulation devient naturelle parce qu'on reprend ses mots à lui.",
        likes: ["kouassi_yao", "mariam_traore", "fatou_diop", "hana_girma"],
      },
      {
        author: "awa_ndiaye",
        body: "Et le silence ! Deux secondes de silence après que le client a fini, avant de répondre. Souvent, il ajoute l'information la plus importante dans ces deux secondes.",
        likes: ["kouassi_yao", "jc_mbarga"],
      },
    ],
  },
  {
    category: "communicating-effectively",
    title: "Delivering bad news to families at the hospital reception",
    author: "grace_achieng",
    daysAgo: 84,
    body: `Our reception and billing staff are not clinicians, yet they often give difficult news: the bill is higher than the deposit, the insurer has declined the claim, a patient cannot be discharged until payment is arranged.

We trained them on a simple structure:

1. **Find a private space.** Never at the open counter.
2. **Say it early and plainly.** Do not hide the news after five minutes of small talk.
3. **Pause.** Let the family react.
4. **Give the next step** and the name of the person who will help.

It's not perfect, but complaints about "how we were spoken to" have dropped a lot. I would love ideas from other sectors: how do you train frontline staff to deliver bad news?`,
    likes: ["aisha_bello", "lerato_mokoena", "wanjiku_kamau", "thandi_dlamini"],
    replies: [
      {
        author: "aisha_bello",
        body: "Step 1 is so important. At our hospital the billing desk is in the middle of the waiting area and people hear everything. I'm going to propose a small side office using your post as my argument.",
        likes: ["grace_achieng"],
      },
      {
        author: "wanjiku_kamau",
        body: "In telecoms the stakes are lower, but the structure is the same. We add one thing: **check understanding** before the next step. People in shock often don't hear the first explanation.",
        likes: ["grace_achieng", "aisha_bello", "thandi_dlamini"],
      },
      {
        author: "lerato_mokoena",
        body: 'We say "I have some difficult news about the claim" before giving it. Members told us that little warning helped them brace themselves.',
        likes: ["grace_achieng", "sipho_ndlovu"],
      },
    ],
  },

  // ======================= Teamwork =======================
  {
    category: "teamwork",
    title: 'Shift handovers: the five-line template that ended "nobody told me"',
    author: "zanele_khumalo",
    daysAgo: 10,
    body: `Our contact centre runs two shifts. For months, promises made by the morning shift ("someone will call you back this afternoon") were lost at 14:00.

We now use a five-line handover, posted in the team channel before anyone logs off:

1. **Open promises** (who, what, by when)
2. **Known issues** (system down, courier delays)
3. **Escalations waiting** for a manager
4. **Unusual volumes** or topics today
5. **One thing that went well**

Line 5 was added by the agents. It turns the handover from a list of problems into something people actually read.

Callback promises kept went from about 60% to over 90% in two months. What does handover look like in your teams?`,
    likes: ["sipho_ndlovu", "chinedu_eze", "joy_nakato", "ibrahim_ssali", "kwame_mensah"],
    replies: [
      {
        author: "chinedu_eze",
        body: "Stealing this. Our night shift handles outage calls and the morning shift often has no idea what was promised. Line 2 alone would save us a lot of contradictions.",
        likes: ["zanele_khumalo"],
      },
      {
        author: "sipho_ndlovu",
        body: "We have a handover but it's verbal and depends who is there. Writing it down seems obvious now. I'll suggest it to my team leader.",
        likes: ["zanele_khumalo"],
      },
      {
        author: "joy_nakato",
        body: '"One thing that went well": I love that the agents added it. In our service centre handovers sound like complaints only.',
        likes: ["zanele_khumalo", "kwame_mensah"],
      },
    ],
  },
  {
    category: "teamwork",
    title: "When field technicians and the call centre blame each other",
    author: "ibrahim_ssali",
    daysAgo: 39,
    body: `Classic problem in telecoms: a customer's home internet is down. The call centre books a technician. The technician doesn't come, or comes without the right equipment. The customer calls back, and the agent says "the technicians are not in our department". The technicians say "the call centre gave us the wrong address".

Meanwhile the customer sees **one company**.

We have started three things:

- monthly joint meeting between call centre supervisors and field team leads;
- a shared dashboard of "technician visits that needed a second visit";
- agents spending a day in the van with technicians (and technicians spending half a day on the phones).

The ride-alongs did more than any meeting. Has anyone else tried job swaps?`,
    likes: ["neema_mushi", "akosua_boateng", "chinedu_eze", "wanjiku_kamau"],
    replies: [
      {
        author: "akosua_boateng",
        body: 'We did half-day swaps at Volta. A technician listened to calls for three hours and said afterwards: "I didn\'t know customers called five times." He started calling customers himself when he was running late.',
        likes: ["ibrahim_ssali", "neema_mushi", "kofi_asante"],
      },
      {
        author: "neema_mushi",
        body: "Same with our plumbers and the care desk. After a day together, the field team started sending a photo when a leak is fixed, so we can tell the customer immediately. Small thing, huge difference.",
        likes: ["ibrahim_ssali", "chinedu_eze"],
      },
      {
        author: "chinedu_eze",
        body: "One warning from experience: measure the joint outcome (customer problem solved on first visit), not separate team targets. Separate targets are what create the blame game in the first place.",
        likes: ["ibrahim_ssali", "wanjiku_kamau", "zanele_khumalo"],
      },
    ],
  },
  {
    category: "teamwork",
    title: "New agent question: how do I ask a senior colleague for help without looking weak?",
    author: "joy_nakato",
    daysAgo: 5,
    body: `Honest question. When I don't know the answer to a customer's problem, I hesitate to ask the senior agents. They are busy and some of them sigh when you ask.

So sometimes I try to solve it alone and I take too long, or I give an answer I'm not sure about. I know that's worse.

How do you ask for help in a way that respects your colleagues' time? And for the seniors here: what do you wish new agents did?`,
    likes: ["kofi_asante", "amina_yusuf", "sipho_ndlovu"],
    replies: [
      {
        author: "zanele_khumalo",
        body: "As a senior: we wish new agents asked **earlier**. Fixing a wrong answer takes ten times longer than giving the right one. Come with three things: what the customer wants, what you already checked, what you think the answer is. Then it takes us 30 seconds and you learn more.",
        likes: ["joy_nakato", "kofi_asante", "kwame_mensah", "ibrahim_ssali", "sipho_ndlovu"],
      },
      {
        author: "kofi_asante",
        body: "Same struggle here, one month in. What helped: I keep a notebook of every answer I got, so I never ask the same question twice. My senior noticed and now she offers help before I ask.",
        likes: ["joy_nakato", "zanele_khumalo"],
      },
      {
        author: "ibrahim_ssali",
        body: "@joy_nakato the sighing is our problem, not yours. I'll raise it with the service centre supervisors. Asking for help is part of the job.",
        mentions: ["joy_nakato"],
        likes: ["joy_nakato", "zanele_khumalo"],
      },
      {
        author: "kwame_mensah",
        body: 'Agree with @zanele_khumalo\'s three things. In coaching we call it "bring a proposal, not just a problem". It shows you thought first, and nobody sees that as weakness.',
        mentions: ["zanele_khumalo"],
        likes: ["joy_nakato", "zanele_khumalo"],
      },
    ],
  },
  {
    category: "teamwork",
    title: "Travailler avec un prestataire de recouvrement sans perdre nos clients",
    author: "jc_mbarga",
    language: "fr",
    daysAgo: 66,
    body: `Bonjour,

Notre entreprise a confié le recouvrement des factures impayées à un prestataire externe. Problème : leurs agents appellent nos clients sur un ton très agressif, et ensuite c'est **notre** centre d'appels qui reçoit les plaintes.

Le client ne fait pas la différence : pour lui, c'est Wouri Énergie qui l'a menacé.

Nous avons commencé à travailler en partenariat avec eux (module 7 : travailler avec d'autres organisations) :

- un script commun validé par les deux équipes ;
- un numéro direct entre nos superviseurs ;
- un point mensuel sur les réclamations liées au recouvrement.

Quelqu'un a-t-il déjà imposé des règles de service à un prestataire externe ? Comment les faire respecter ?`,
    likes: ["fatou_diop", "kouassi_yao", "chinedu_eze"],
    replies: [
      {
        author: "fatou_diop",
        body: "Oui, avec notre centre d'appels externalisé. Le plus efficace : mettre des critères de qualité dans le contrat, pas seulement des critères de volume. Et écouter ensemble quelques appels chaque mois. Quand le prestataire entend les mêmes appels que vous, la discussion change.",
        likes: ["jc_mbarga", "kouassi_yao"],
      },
      {
        author: "kouassi_yao",
        body: "Chez nous, le prestataire a un objectif de réclamations : au-delà d'un seuil, il y a une pénalité dans le contrat. Depuis, le ton des appels a beaucoup changé.",
        likes: ["jc_mbarga"],
      },
    ],
  },

  // ======================= Systems and service recovery =======================
  {
    category: "systems-and-service-recovery",
    title: "Estimated billing complaints: the recovery script that cut repeat calls",
    author: "chinedu_eze",
    tags: ["policy-development", "performance-metrics-kpis"],
    daysAgo: 12,
    body: `Estimated bills are the number one complaint in electricity distribution in Nigeria. A customer with no meter receives a bill that looks like it was drawn from a hat.

For a long time, our agents could only say "we will escalate". Customers called back again and again.

We worked with billing to give agents a **recovery path** they can apply on the call:

1. Acknowledge: "This bill looks high compared to your usual. Let's look at it together."
2. Check the last three bills and the feeder's supply hours.
3. If the bill is out of line, agents can raise an **adjustment request** with a reference number on the call.
4. Tell the customer exactly when the adjustment will appear.
5. Log the customer for the metering programme if eligible.

Repeat calls on billing dropped by about a third in three months. The big lesson: service recovery fails when the front line has nothing to offer but an apology.`,
    likes: ["neema_mushi", "jc_mbarga", "adebayo_ogunleye", "ibrahim_ssali", "zanele_khumalo"],
    replies: [
      {
        author: "neema_mushi",
        body: "Step 4 is where we fail. We raise adjustments but we never tell the customer when they'll see it, so they call back to ask. Will copy your wording.",
        likes: ["chinedu_eze"],
      },
      {
        author: "jc_mbarga",
        body: "Très intéressant. We have the same estimated billing problem in Douala. How did you convince billing to give agents the right to raise adjustments? Our billing team fears abuse.",
        likes: ["chinedu_eze"],
      },
      {
        author: "chinedu_eze",
        body: "@jc_mbarga we started with a cap (adjustments above a certain amount still go to a supervisor) and a weekly sample audit. After two months billing saw almost no abuse and relaxed. Start small and show the data.",
        mentions: ["jc_mbarga"],
        likes: ["jc_mbarga", "adebayo_ogunleye", "wanjiku_kamau"],
      },
      {
        author: "adebayo_ogunleye",
        body: '"Nothing to offer but an apology": exactly. Empowerment with guardrails is the whole game, in banking as much as utilities.',
        likes: ["chinedu_eze", "neema_mushi"],
      },
    ],
  },
  {
    category: "systems-and-service-recovery",
    title: "A customer shouted at me for ten minutes today. What should I have done?",
    author: "kofi_asante",
    daysAgo: 4,
    body: `Today a customer called about his internet being down for three days. He shouted for about ten minutes: at me, at the company, at the country. I tried to explain the outage but every time I spoke he shouted louder.

In the end I said "Sir, please, I cannot help you if you shout" and he hung up. Then he called back and complained about me to my team lead.

I feel bad. Not because he complained, but because I think I made it worse. What should I have done differently?`,
    likes: ["joy_nakato", "sipho_ndlovu", "chiamaka_nwosu"],
    replies: [
      {
        author: "akosua_boateng",
        body: 'Kofi, I listened to the call with your team lead. You were polite the whole time. The issue is that you tried to **explain** before he felt **heard**. Three days without internet is a real problem for him. Next time, let him finish, then say something like "Three days without internet, and I imagine you work from home. I\'m sorry." Then explain.',
        likes: ["kofi_asante", "kwame_mensah", "zanele_khumalo", "hana_girma"],
      },
      {
        author: "kwame_mensah",
        body: "Also: you are allowed to set boundaries with abuse. If a customer insults **you** personally, say calmly that you want to help and that you will end the call if the insults continue, and follow your company's procedure. Shouting about a problem is not the same as abuse. This customer was shouting about a problem.",
        likes: ["kofi_asante", "akosua_boateng", "zanele_khumalo", "sipho_ndlovu"],
      },
      {
        author: "hana_girma",
        body: "It happens to all of us. On delay days I get calls like that every hour. What helps me: I write down his exact complaint while he shouts. When he stops, I read it back. Customers are surprised that I listened that carefully.",
        likes: ["kofi_asante", "joy_nakato"],
      },
      {
        author: "zanele_khumalo",
        body: "And @kofi_asante, please take a short break after a call like that if your centre allows it. Two minutes of air before the next call protects the next customer too.",
        mentions: ["kofi_asante"],
        likes: ["kofi_asante", "sipho_ndlovu"],
      },
      {
        author: "kofi_asante",
        body: "Thank you all. @akosua_boateng I didn't know you listened to it! I'll try \"heard before explained\". Going to write that on my sticky note next to the other one.",
        mentions: ["akosua_boateng"],
        likes: ["akosua_boateng", "kwame_mensah"],
      },
    ],
  },
  {
    category: "systems-and-service-recovery",
    title: "Six steps to service recovery: does anyone actually follow all six?",
    author: "akosua_boateng",
    daysAgo: 34,
    body: `The curriculum (module 8) lays out six steps to service recovery. Roughly: **apologise, listen, empathise, fix, follow up, learn**. We've put them on a poster.

In real life, my team does steps 1 to 4 reasonably well. Step 5 (follow up) happens maybe one time in five. Step 6 (learn, fix the root cause) almost never, because the agents don't control the root cause.

So my questions:

- Who does follow-up calls in your teams, and when?
- How do you make sure the lessons from complaints reach the people who can fix the process?`,
    likes: ["esi_owusu", "wanjiku_kamau", "kofi_asante"],
    replies: [
      {
        author: "esi_owusu",
        body: "Follow-up: we block 30 minutes at the end of every day for follow-up calls. If it's not in the calendar, it doesn't happen. For step 6, each branch sends its top three complaint reasons to head office monthly, with one suggested fix each.",
        likes: ["akosua_boateng", "wanjiku_kamau"],
      },
      {
        author: "wanjiku_kamau",
        body: 'For the learning step, what worked for us is a monthly "complaint review" where a manager from product or IT must attend. The first meetings were uncomfortable. Now they bring fixes. Root causes don\'t get fixed unless the owner of the root cause is in the room.',
        likes: ["akosua_boateng", "esi_owusu", "ibrahim_ssali", "chinedu_eze"],
      },
    ],
  },
  {
    category: "systems-and-service-recovery",
    title: "Failed transfer, money debited: what to tell the customer while we investigate",
    author: "omar_hassan",
    tags: ["online-support-tactics"],
    daysAgo: 21,
    body: `This is my most difficult chat: the customer sent money, it was debited from their wallet, but the recipient didn't receive it. The investigation with the partner bank can take several working days.

The customer wants the money **now**. I cannot promise a time because it depends on the other bank.

What I say now:

- the money is not lost; it's either with the partner bank or will come back;
- a reference number for the investigation;
- the maximum time according to our procedure;
- that I will message them as soon as there is news.

But customers still write every day asking for updates. How do you manage the waiting period in a way that builds trust rather than frustration?`,
    likes: ["mohamed_elsayed", "samuel_mugisha", "ngozi_obi"],
    replies: [
      {
        author: "mohamed_elsayed",
        body: "Good list, Omar. The missing piece: **proactive updates even when there's no news**. \"Day 2: still with the partner bank, we chased them this morning.\" When customers know we'll write first, they stop writing every day.",
        likes: ["omar_hassan", "samuel_mugisha", "wanjiku_kamau"],
      },
      {
        author: "samuel_mugisha",
        body: "Banks should be better at this too. We agreed with our main partners on a shared tracking number so both sides can see the case. It cut our investigation time a lot.",
        likes: ["omar_hassan", "mohamed_elsayed"],
      },
      {
        author: "ngozi_obi",
        body: 'Also tell them what you are **not** going to ask: "We will never ask for your PIN while investigating." Fraudsters love these waiting periods.',
        likes: ["omar_hassan", "mohamed_elsayed", "adebayo_ogunleye"],
      },
    ],
  },
  {
    category: "systems-and-service-recovery",
    title: 'Our tickets close but the problem doesn\'t: "closed" vs "resolved"',
    author: "neema_mushi",
    tags: ["performance-metrics-kpis", "sla-management"],
    daysAgo: 59,
    body: `Our system closes a ticket when the field team marks the job done. Our reports look great: 92% of leak complaints closed within 48 hours.

But many customers call again a week later because the leak is back, or the plumber fixed the wrong pipe. That call opens a **new** ticket, so the report never shows the failure.

I proposed that we measure "**resolved**": no new complaint from the same customer on the same issue within 14 days. My manager worries the numbers will look bad.

They will look worse, yes. But they'll be true. How have others moved from measuring closure to measuring real resolution?`,
    likes: ["ibrahim_ssali", "zanele_khumalo", "chinedu_eze", "joy_nakato"],
    replies: [
      {
        author: "ibrahim_ssali",
        body: "We made the same change two years ago. Tip: run both numbers side by side for three months before you switch. Management sees the gap, and the gap becomes the improvement target instead of a scandal.",
        likes: ["neema_mushi", "zanele_khumalo", "wanjiku_kamau"],
      },
      {
        author: "zanele_khumalo",
        body: "Agree with @ibrahim_ssali. And agree the 14-day window with the field team upfront, so they see it as fair. Once they did, our technicians started checking their own repeat jobs.",
        mentions: ["ibrahim_ssali"],
        likes: ["neema_mushi", "ibrahim_ssali"],
      },
    ],
  },

  // ======================= Laws, codes of practice and data protection =======================
  {
    category: "laws-and-data-protection",
    title: "Nigeria Data Protection Act 2023: what changed for us at the front desk?",
    author: "ngozi_obi",
    tags: ["data-privacy-security"],
    daysAgo: 14,
    body: `Since the **Nigeria Data Protection Act 2023** came in, with the Nigeria Data Protection Commission as regulator, our compliance team has sent us long circulars. I want to understand what it means in practice for frontline staff.

My understanding so far (please correct me):

- we need a **lawful basis** (consent is one of several) to process a customer's data;
- customers have rights: to access their data, to have it corrected, and in some cases erased;
- data breaches must be reported to the Commission quickly, within 72 hours in most cases;
- we should only collect what we need for the purpose.

At the branch, what changes? We still photocopy IDs for every account opening, and the copies sit in a cabinet. Is that still acceptable?`,
    likes: ["adebayo_ogunleye", "aisha_bello", "chiamaka_nwosu", "tunde_bakare"],
    replies: [
      {
        author: "adebayo_ogunleye",
        body: "Your summary is broadly right, Ngozi (and our DPO would say: read the bank's own policy for the details). On ID copies: KYC rules still require us to verify and keep identification, so collecting it is justified. What matters is **how** we keep it: a locked cabinet with a key register, no copies on desks, and disposal under the retention policy. Photocopies in an open tray are the real risk.",
        likes: ["ngozi_obi", "aisha_bello", "esi_owusu", "wanjiku_kamau"],
      },
      {
        author: "aisha_bello",
        body: "At the hospital the big change was awareness. We used to read patients' names and conditions aloud in the waiting area. Now we call numbers. Patient records are sensitive data and people deserve privacy.",
        likes: ["ngozi_obi", "grace_achieng", "adebayo_ogunleye"],
      },
      {
        author: "chiamaka_nwosu",
        body: "For e-commerce we stopped asking customers to send photos of their bank cards in chat to prove payment (yes, people did that). We ask for the transaction reference instead.",
        likes: ["ngozi_obi", "tunde_bakare", "brian_otieno"],
      },
    ],
  },
  {
    category: "laws-and-data-protection",
    title: "Kenya's Data Protection Act: can I confirm an order to the customer's spouse?",
    author: "brian_otieno",
    tags: ["data-privacy-security"],
    daysAgo: 27,
    body: `Real situation from this week: a man messaged our page saying "My wife ordered a fridge, when will it arrive? Her number is 07xx..." He knew the order number.

My instinct was to help, he's clearly the husband. But under Kenya's **Data Protection Act 2019**, the order details are his wife's personal data, and I have no way to verify he's authorised.

What I did: I told him I could only share details with the account holder, and offered to send the delivery update to his wife's number directly. He was annoyed.

Was I too strict? How do others handle family members, especially when the account holder is elderly or sick?`,
    likes: ["wanjiku_kamau", "grace_achieng", "amina_yusuf", "mohamed_elsayed"],
    replies: [
      {
        author: "wanjiku_kamau",
        body: "Not too strict at all. Sending the update to the account holder is the right answer: the customer gets her information and you share nothing with an unverified person. Knowing an order number is not proof of authority. The Office of the Data Protection Commissioner takes these cases seriously.",
        likes: ["brian_otieno", "grace_achieng", "mohamed_elsayed"],
      },
      {
        author: "grace_achieng",
        body: "For elderly or sick account holders, we ask the patient, while they are able, to **name a representative** in writing. Then we can talk to that person. Set it up before you need it.",
        likes: ["brian_otieno", "aisha_bello", "lerato_mokoena"],
      },
      {
        author: "amina_yusuf",
        body: "At the courier counter we get \"I'm collecting for my brother\" all day. We need the recipient's ID copy plus the collector's ID and an authorisation note. People grumble, but when a parcel is collected by the wrong person, they are the first to complain.",
        likes: ["brian_otieno", "wanjiku_kamau"],
      },
    ],
  },
  {
    category: "laws-and-data-protection",
    title: "POPIA and call recordings: what do we say at the start of a call?",
    author: "lerato_mokoena",
    tags: ["data-privacy-security", "policy-development"],
    daysAgo: 45,
    body: `Our IVR says "Calls may be recorded for quality and training purposes". A member asked me last week: "Who listens to them? How long do you keep them? Can I get a copy?"

I didn't know the answers. Under **POPIA** (the Protection of Personal Information Act), members should know what we collect and why, and they can ask for access to their personal information.

What I've since learned from our information officer:

- recordings are kept for a defined period, then deleted;
- only quality, training and dispute teams can access them;
- a member can request access through the formal access request process.

I think agents should know these three answers by heart. Does your organisation give agents a short script for privacy questions?`,
    likes: ["thandi_dlamini", "zanele_khumalo", "sipho_ndlovu", "nadia_benali"],
    replies: [
      {
        author: "thandi_dlamini",
        body: 'Excellent question to raise. We have a one-page "privacy FAQ for agents" written with our information officer. Its golden rule: if you don\'t know, say so and route the member to the person who does. A confident wrong answer on privacy is worse than "let me find out".',
        likes: ["lerato_mokoena", "zanele_khumalo", "nadia_benali"],
      },
      {
        author: "zanele_khumalo",
        body: "Also relevant for us in retail: recordings often contain card details when customers read them out. We pause recording during payment. Worth checking what happens in your centre.",
        likes: ["lerato_mokoena", "sipho_ndlovu", "mohamed_elsayed"],
      },
      {
        author: "sipho_ndlovu",
        body: "I didn't know members could ask for a copy. Good to know before someone asks me! I'll ask my team leader where the access request form is.",
        likes: ["lerato_mokoena"],
      },
    ],
  },
  {
    category: "laws-and-data-protection",
    title: "Loi 09-08 et CNDP : vérifier l'identité d'un client par téléphone",
    author: "nadia_benali",
    language: "fr",
    tags: ["data-privacy-security"],
    daysAgo: 80,
    body: `Bonjour à tous,

Au Maroc, la **loi 09-08** encadre la protection des données personnelles, sous le contrôle de la **CNDP**. Dans mon équipe, nous avons revu notre façon de vérifier l'identité des clients au téléphone.

Avant : nom + date de naissance, et on donnait toutes les informations du contrat.

Maintenant :

- trois questions de vérification, dont une qui n'est pas sur la carte d'identité (par exemple la date du dernier sinistre) ;
- on ne lit jamais le numéro complet du compte bancaire ou de la carte ;
- on ne confirme rien à un tiers sans autorisation écrite.

Certains clients trouvent cela long. Comment expliquez-vous ces vérifications sans que le client se sente suspecté ?`,
    likes: ["youssef_amrani", "fatou_diop", "lerato_mokoena"],
    replies: [
      {
        author: "youssef_amrani",
        body: "Je dis : « Ces questions servent à protéger votre contrat. Personne d'autre ne pourra obtenir vos informations en se faisant passer pour vous. » Présentée comme une protection, la vérification est presque toujours acceptée.",
        likes: ["nadia_benali", "fatou_diop"],
      },
      {
        author: "fatou_diop",
        body: "Même approche au Sénégal, où la Commission de protection des données personnelles (CDP) veille à l'application de la loi de 2008. Nous avons ajouté un code secret choisi par le client à la souscription. C'est plus rapide que trois questions, et les clients l'aiment bien.",
        likes: ["nadia_benali", "youssef_amrani", "awa_ndiaye"],
      },
    ],
  },
  {
    category: "laws-and-data-protection",
    title: "Refunds: what the law says vs what our policy says",
    author: "esi_owusu",
    tags: ["policy-development"],
    daysAgo: 102,
    body: `A question I'd like to compare across countries. When a customer asks for a refund or cancellation, our agents quote **company policy**. But I'm not sure all of them know where policy ends and the customer's legal rights begin.

Examples I know of:

- South Africa has the **Consumer Protection Act**, with rights around defective goods;
- Nigeria has the **Federal Competition and Consumer Protection Act** and its commission;
- Kenya has a **Consumer Protection Act** too;
- in Ghana, a lot of our protection comes through sector regulators such as the Bank of Ghana, the NCA for telecoms and PURC for utilities.

My view: agents don't need to be lawyers, but they should know that **policy can't take away legal rights**, and when to escalate a "that's illegal" complaint to compliance.

How is this handled in your organisations?`,
    likes: ["kwame_mensah", "lerato_mokoena", "tunde_bakare"],
    replies: [
      {
        author: "kwame_mensah",
        body: "Agreed. In training I give one rule: if a customer mentions the law, a regulator or a lawyer, do not argue; acknowledge, log it, escalate to compliance the same day. Agents feel relieved to have a clear path.",
        likes: ["esi_owusu", "lerato_mokoena", "adebayo_ogunleye"],
      },
      {
        author: "tunde_bakare",
        body: 'In e-commerce, marketplace sellers often write their own "no refund" rules on product pages. We had to make it clear internally that the marketplace\'s returns policy applies, whatever the seller writes.',
        likes: ["esi_owusu", "chiamaka_nwosu"],
      },
      {
        author: "lerato_mokoena",
        body: "Medical aid in South Africa has its own legislation and regulator too, the Council for Medical Schemes. Our complaint letters always tell members they can escalate there if they're unhappy with our answer. Transparency builds more trust than it costs.",
        likes: ["esi_owusu", "thandi_dlamini"],
      },
    ],
  },

  // ======================= The you factor =======================
  {
    category: "the-you-factor",
    title: "How do you switch off after a hard day of calls?",
    author: "sipho_ndlovu",
    daysAgo: 3,
    body: `Some days I get home and the calls are still in my head. The member whose child was in ICU, the man who swore at me about a rejected claim. I replay them in the taxi and at dinner.

My girlfriend says I'm "still at work" until I fall asleep.

Module 10 talks about stress tolerance and emotional intelligence, but I'd like practical things. What do you do to leave work at work?`,
    likes: ["lerato_mokoena", "zanele_khumalo", "hana_girma", "joy_nakato", "grace_achieng"],
    replies: [
      {
        author: "lerato_mokoena",
        body: 'I have a "door ritual": when I walk out of the building I name one call that went well today. Just one. It sounds small but it changes which call I replay in the taxi.',
        likes: ["sipho_ndlovu", "zanele_khumalo", "joy_nakato"],
      },
      {
        author: "grace_achieng",
        body: "In nursing we learned to debrief: five minutes with a colleague after a heavy case. Not to complain, just to say it out loud. Things said out loud weigh less. If your team doesn't do this, ask your team leader for it. It's a reasonable request.",
        likes: ["sipho_ndlovu", "lerato_mokoena", "thandi_dlamini", "aisha_bello"],
      },
      {
        author: "hana_girma",
        body: "Walking. On bad days I get off the bus two stops early and walk. Addis traffic helps, the bus is slower anyway!",
        likes: ["sipho_ndlovu", "yohannes_tesfaye"],
      },
      {
        author: "zanele_khumalo",
        body: "@sipho_ndlovu and if the same call keeps coming back for more than a few days, talk to someone. Many employers have an employee wellness line. Using it is not weakness; it's maintenance of your most important tool.",
        mentions: ["sipho_ndlovu"],
        likes: ["sipho_ndlovu", "grace_achieng", "wanjiku_kamau"],
      },
      {
        author: "joy_nakato",
        body: "Thank you for asking this, Sipho. I thought I was the only one replaying calls at night. Trying the door ritual from Lerato tomorrow.",
        likes: ["sipho_ndlovu"],
      },
    ],
  },
  {
    category: "the-you-factor",
    title: "Assertive vs aggressive: I keep apologising too much",
    author: "aisha_bello",
    daysAgo: 20,
    body: `Module 10 describes three behaviours: **submissive, assertive and aggressive**. I recognised myself immediately: I'm submissive. I say "sorry" in every sentence, even when the hospital did nothing wrong.

Last week a patient's relative demanded to jump the queue at the pharmacy. I said "I'm so sorry, I'm really sorry, but, sorry, there is a queue..." He walked past me.

I don't want to become aggressive. But I want to hold a line politely and firmly. How did you learn to be assertive?`,
    likes: ["grace_achieng", "ngozi_obi", "thandi_dlamini"],
    replies: [
      {
        author: "thandi_dlamini",
        body: "Assertiveness is a skill, not a personality. Try: **one acknowledgement, one fact, one option**. \"I understand you're worried. Everyone in this queue is waiting for urgent medicine too. If the patient's condition is getting worse, I'll call the nurse right now.\" No sorry needed, and you've offered real help.",
        likes: ["aisha_bello", "grace_achieng", "ngozi_obi", "kwame_mensah", "lerato_mokoena"],
      },
      {
        author: "grace_achieng",
        body: "Practise with a colleague before you need it. Role play feels silly, but the words come out more naturally when the real situation arrives. And keep one \"sorry\" for when we actually got something wrong. It's more powerful when it's rare.",
        likes: ["aisha_bello", "thandi_dlamini"],
      },
      {
        author: "ngozi_obi",
        body: "I was the same in my first year. @thandi_dlamini's formula is gold. Also, stand up straight and keep your voice low and slow. People read your body before your words.",
        mentions: ["thandi_dlamini"],
        likes: ["aisha_bello", "thandi_dlamini"],
      },
    ],
  },
  {
    category: "the-you-factor",
    title: "Emotional intelligence can be trained: an exercise I use with new agents",
    author: "kwame_mensah",
    tags: ["training-development"],
    daysAgo: 49,
    body: `People often say emotional intelligence is something you have or you don't. In my experience it can be trained, at least the parts that matter in customer service.

One exercise I use in the first week with new agents, called **"name the feeling"**:

1. We play a recorded call (with permission, anonymised).
2. Every 30 seconds I pause and ask: *What is the customer feeling right now? What are **you** feeling?*
3. We write both on the board.
4. Then we replay the agent's response and ask: did the response address the feeling or only the facts?

After a week, agents start naming feelings during real calls: "It sounds like you're worried the money is lost." The effect on call tone is remarkable.

Other tutors and trainers here: what exercises work for you?`,
    likes: ["esi_owusu", "akosua_boateng", "zanele_khumalo", "kofi_asante", "wanjiku_kamau"],
    replies: [
      {
        author: "esi_owusu",
        body: "Trying this with branch staff next month. I like that it also asks what the agent feels. We forget that part.",
        likes: ["kwame_mensah"],
      },
      {
        author: "akosua_boateng",
        body: "We used it in Kofi's induction after Kwame told me about it. @kofi_asante can tell you himself whether it helped!",
        mentions: ["kofi_asante"],
        likes: ["kwame_mensah", "kofi_asante"],
      },
      {
        author: "kofi_asante",
        body: 'It did. The first time I saw "frustrated" and "embarrassed" written next to each other for the same customer, it changed how I listen. He wasn\'t just angry, he was embarrassed he couldn\'t fix it himself.',
        likes: ["kwame_mensah", "akosua_boateng", "zanele_khumalo"],
      },
    ],
  },
  {
    category: "the-you-factor",
    title: "Gérer le stress au guichet en fin de mois",
    author: "mariam_traore",
    language: "fr",
    daysAgo: 35,
    body: `Bonjour à tous,

En fin de mois, notre agence est pleine : les salaires arrivent, tout le monde vient recharger, changer de forfait, régler un problème de mobile money. La file sort de l'agence, il fait chaud, les clients s'énervent.

À la fin de la journée, je suis épuisée et je sens que je deviens moins patiente avec les derniers clients. Ce n'est pas juste pour eux.

Comment gardez-vous votre énergie et votre bonne humeur pendant ces journées chargées ? Des petites habitudes qui marchent ?`,
    likes: ["kouassi_yao", "moussa_sow", "awa_ndiaye", "benedicte_mbuyi"],
    replies: [
      {
        author: "kouassi_yao",
        body: "Boire de l'eau, vraiment. La fatigue de fin de journée, c'est souvent la déshydratation. Et une pause de cinq minutes toutes les deux heures, même courte : demande à ta responsable de l'organiser pour toute l'équipe.",
        likes: ["mariam_traore", "moussa_sow"],
      },
      {
        author: "moussa_sow",
        body: "Pareil dans ma boutique à Thiès. Moi je me répète une phrase : « Le dernier client de la journée mérite le même sourire que le premier. » Ça m'aide à me reprendre.",
        likes: ["mariam_traore", "awa_ndiaye", "fatou_diop"],
      },
      {
        author: "benedicte_mbuyi",
        body: "Merci pour ce sujet Mariam. À Kinshasa, c'est pareil avec les transferts en fin de mois. Je vais essayer les pauses courtes.",
        likes: ["mariam_traore"],
      },
    ],
  },
  {
    category: "the-you-factor",
    title: 'Is it OK to tell a customer "I don\'t know"?',
    author: "eric_habimana",
    daysAgo: 73,
    body: `When I started at the bank, my first supervisor told me: "Never say I don't know. Customers lose confidence."

So for two years I said things like "let me check" and then disappeared for ten minutes, or worse, guessed.

The Employee Customer Service Guide says a knowledgeable agent admits when they don't know and finds the answer. I agree now. But I still feel a little panic when I have to say it.

How do you say "I don't know" in a way that keeps the customer's confidence?`,
    likes: ["samuel_mugisha", "hana_girma", "joy_nakato"],
    replies: [
      {
        author: "samuel_mugisha",
        body: "Say \"I don't know yet\", and then say exactly what you'll do and by when: \"I don't know the exact fee for that transfer yet. I'll ask our international desk now and call you back before 3 pm.\" Confidence comes from the plan, not from pretending.",
        likes: ["eric_habimana", "hana_girma", "kwame_mensah"],
      },
      {
        author: "hana_girma",
        body: 'Customers forgive "I don\'t know". They never forgive a wrong answer about their flight. I learned that the hard way with a visa question!',
        likes: ["eric_habimana", "samuel_mugisha"],
      },
    ],
  },

  // ======================= Touch points and moments of truth =======================
  {
    category: "touch-points",
    title: "Mapping the touch points of a hospital admission, from the gate to discharge",
    author: "grace_achieng",
    tags: ["policy-development"],
    daysAgo: 17,
    body: `Last month we mapped every touch point of a planned admission at our hospital, following the guideline from the curriculum: discrete events, from first contact to the last point we control. We had nurses, billing, security and catering in the room.

A simplified version:

| Stage | Touch point | Moment of truth? |
| --- | --- | --- |
| Before | Booking call, deposit estimate | Yes: is the estimate honest? |
| Arrival | Security at the gate, parking | Often forgotten |
| Admission | Registration desk, insurance check | Yes: waiting time, privacy |
| Stay | Ward nurse introduction, meals, visiting hours | Yes: first night |
| Discharge | Final bill, medication explanation | Yes: the bill surprise |
| After | Follow-up call at 48 hours | We didn't do this before |

Two surprises: **the security guard** is the first human a patient meets, and nobody had ever trained him on welcoming patients. And the **final bill** generated more complaints than any clinical issue.

Has anyone mapped a journey in a hospital, school or government service?`,
    likes: ["aisha_bello", "lerato_mokoena", "wanjiku_kamau", "amina_yusuf", "kwame_mensah", "thandi_dlamini"],
    replies: [
      {
        author: "aisha_bello",
        body: 'This table is going straight to our quality committee. The security guard point is so true: ours shouts "where are you going?" at every patient.',
        likes: ["grace_achieng", "lerato_mokoena"],
      },
      {
        author: "wanjiku_kamau",
        body: "What a good map, Grace. Having security and catering in the room is what makes it real. Most mapping workshops only invite managers. Did you also map the journey of the **family**? In my experience they have different touch points: the waiting room, the parking fee, the visiting rules.",
        likes: ["grace_achieng", "aisha_bello"],
      },
      {
        author: "grace_achieng",
        body: "@wanjiku_kamau not yet, and you're right. The family is often the one paying and complaining. That will be our next workshop.",
        mentions: ["wanjiku_kamau"],
        likes: ["wanjiku_kamau"],
      },
      {
        author: "lerato_mokoena",
        body: 'From the medical aid side: the "insurance check" at admission is where we can help. If hospitals called us before the admission day, fewer families would be stuck at that desk.',
        likes: ["grace_achieng", "sipho_ndlovu"],
      },
    ],
  },
  {
    category: "touch-points",
    title: "Moments of truth at the airport: the ten minutes at check-in",
    author: "yohannes_tesfaye",
    daysAgo: 42,
    body: `Jan Carlzon, who ran SAS in the 1980s, described each contact between a customer and an employee as a **moment of truth**. In aviation, check-in is the biggest one.

A passenger may have booked online and never spoken to us. At check-in, in ten minutes, they decide whether we are a serious airline:

- Does someone greet them, or do they queue in silence?
- When the bag is 3 kg over, is the agent flexible or robotic?
- When the flight is delayed, do they hear it from us or from the screen?

We gave check-in supervisors authority to waive small excess baggage fees and to issue meal vouchers without calling anyone. The curriculum calls this **spontaneity**: staff can decide on the spot. Complaints at check-in dropped, and the cost of waivers is far lower than we feared.

What are the biggest moments of truth in your industry?`,
    likes: ["hana_girma", "kossi_agbeko", "thandi_dlamini", "samuel_mugisha"],
    replies: [
      {
        author: "hana_girma",
        body: "From the call centre: the moment of truth is often the **call before the trip**, when someone asks about a visa, a wheelchair or travelling with a baby. If we get that wrong, the check-in is already a bad experience.",
        likes: ["yohannes_tesfaye", "thandi_dlamini"],
      },
      {
        author: "thandi_dlamini",
        body: 'In insurance, the claim phone call is the moment of truth. Nobody remembers buying the policy. Everybody remembers the day they claimed. Your point about authority is key: "I\'m not authorised" is the kiss of death, as the curriculum says.',
        likes: ["yohannes_tesfaye", "lerato_mokoena", "grace_achieng"],
      },
      {
        author: "kossi_agbeko",
        body: "Pour l'hôtel, c'est l'arrivée à la réception, surtout la nuit. Merci pour ce sujet, it connects with my 2 a.m. story!",
        likes: ["yohannes_tesfaye"],
      },
    ],
  },
  {
    category: "touch-points",
    title: "E-commerce touch points we forget: the delivery rider is our brand",
    author: "tunde_bakare",
    tags: ["digital-customer-engagement"],
    daysAgo: 23,
    body: `We spend a lot of energy on the website, the app and chat. But for most customers the only **human** they meet is the delivery rider, who doesn't work for us: he works for a logistics partner.

Things customers complained about last quarter, all at that touch point:

- rider calls and says "I'm at your gate" when he's 40 minutes away;
- rider asks the customer to come to the main road;
- no change for cash on delivery.

We now include riders in our touch point map and we share the top complaints with the logistics partner every week. We also started a **one-line SMS** from us when the rider is really close.

Who else depends on partners for key touch points? How do you keep control of an experience you don't own?`,
    likes: ["chiamaka_nwosu", "amina_yusuf", "brian_otieno"],
    replies: [
      {
        author: "chiamaka_nwosu",
        body: "\"Come to the main road\" is our most hated sentence in Lagos! Customers blame us, not the rider's company. They don't even know it's a different company.",
        likes: ["tunde_bakare", "brian_otieno"],
      },
      {
        author: "amina_yusuf",
        body: "I'm on the other side of this, working at a courier! Our riders have impossible routes. When the e-commerce clients shared complaint data with our managers, routes were changed. Sharing data works better than blaming.",
        likes: ["tunde_bakare", "chiamaka_nwosu", "ibrahim_ssali"],
      },
      {
        author: "brian_otieno",
        body: "Same in Nairobi. We now rate riders with a one-tap survey after delivery and share the scores with the logistics company. The best riders get more jobs. Behaviour changed within weeks.",
        likes: ["tunde_bakare"],
      },
    ],
  },
  {
    category: "touch-points",
    title: "Only map proactive touch points? The curriculum says so. Do you agree?",
    author: "samuel_mugisha",
    daysAgo: 61,
    body: `The unit on identifying touch points gives a guideline: *only identify touch points where you proactively reach out to the customer; don't try to anticipate reactive ones, because they can't be predicted accurately.*

I understand the logic for a homebuilder. But in banking, many of the most important touch points are reactive: the customer calls because their card was swallowed by the ATM, or because a transfer failed.

If we only map proactive ones, we miss complaint handling completely.

My compromise: map proactive touch points in detail, and map **the most common reactive ones** (top five complaint reasons) as a separate layer. What do you think?`,
    likes: ["wanjiku_kamau", "kwame_mensah", "eric_habimana"],
    replies: [
      {
        author: "wanjiku_kamau",
        body: 'Your compromise is what we do. I read the guideline as a warning against endless lists of "what if" scenarios, not as permission to ignore complaints. Your top five reactive contacts are predictable, so they belong in the map.',
        likes: ["samuel_mugisha", "kwame_mensah", "ibrahim_ssali"],
      },
      {
        author: "kwame_mensah",
        body: "Agree with @wanjiku_kamau. And here's the bonus: every frequent reactive touch point is a sign of a proactive one missing. Customers call about failed transfers because nobody told them first. Fix the proactive message and the reactive call disappears.",
        mentions: ["wanjiku_kamau"],
        likes: ["samuel_mugisha", "wanjiku_kamau", "eric_habimana", "mohamed_elsayed"],
      },
      {
        author: "eric_habimana",
        body: "The ATM card one is our number one. I'll start a list from the branch side for your map, with how often each one happens.",
        likes: ["samuel_mugisha"],
      },
    ],
  },
  {
    category: "touch-points",
    title: "Cartographier les points de contact d'une boutique télécom",
    author: "fatou_diop",
    language: "fr",
    tags: ["digital-customer-engagement"],
    daysAgo: 94,
    body: `Bonjour à toutes et à tous,

Nous avons cartographié les points de contact de nos boutiques avec les équipes de Dakar et de Thiès. Quelques enseignements :

- le **premier point de contact** n'est pas le conseiller : c'est le vigile à l'entrée et la machine à tickets ;
- la **file d'attente** est un point de contact à part entière : affichage, chaises, temps annoncé ;
- après la visite, le client reçoit un SMS de satisfaction... en français seulement, alors que beaucoup de nos clients préfèrent le wolof à l'oral.

> Chaque point de contact raconte quelque chose de notre marque, même ceux que nous ne regardons jamais.

Prochaine étape : faire la même chose pour le parcours sur l'application. Avez-vous déjà cartographié un parcours mixte boutique + digital ?`,
    likes: ["moussa_sow", "awa_ndiaye", "kouassi_yao", "mariam_traore"],
    replies: [
      {
        author: "moussa_sow",
        body: "J'ai participé à l'atelier à Thiès, c'était très intéressant. Depuis, on annonce le temps d'attente à voix haute toutes les trente minutes. Les clients sont plus calmes.",
        likes: ["fatou_diop", "awa_ndiaye"],
      },
      {
        author: "kouassi_yao",
        body: "Très bon exemple. Chez Lagune Télécom, nous avons découvert que beaucoup de clients viennent en boutique après avoir échoué sur l'application. Le parcours mixte est essentiel : la boutique répare souvent les trous du digital.",
        likes: ["fatou_diop", "mariam_traore"],
      },
      {
        author: "awa_ndiaye",
        body: "Le SMS en français seulement, c'est un excellent constat. Pourquoi pas un message vocal en wolof ? À la banque, nous y réfléchissons aussi.",
        likes: ["fatou_diop", "moussa_sow"],
      },
    ],
  },

  // ======================= Field Experiences (started by level 3 and 4 members) =======================
  {
    category: "field-experiences",
    title: "Field experience: 3,000 customers moved to the wrong tariff after a system migration",
    author: "chinedu_eze",
    tags: ["policy-development", "performance-metrics-kpis"],
    daysAgo: 6,
    body: `**Situation.** After our billing system migration, about 3,000 customers in two districts were moved to a higher tariff band by mistake. Bills went up 30 to 40%. Within 48 hours, calls tripled and a community leader was on local radio.

**What we did.**

1. **Day 1:** confirmed the error with IT, then briefed every agent with a single script: we made a mistake, your bill will be corrected, you will not be disconnected.
2. **Day 2:** sent SMS to all affected customers *before* they called.
3. **Day 3:** I went to the radio station with our regional manager and apologised on air.
4. **Week 2:** corrected bills issued, with the difference credited.

**What I'd do differently.** We waited a day to tell customers because legal wanted to "confirm the scope". That day cost us thousands of angry calls. Next time: tell customers what we know, when we know it, and update.

**Result.** Complaints back to normal in three weeks; no rise in disconnections.`,
    likes: ["adebayo_ogunleye", "neema_mushi", "ibrahim_ssali", "wanjiku_kamau", "jc_mbarga", "zanele_khumalo"],
    replies: [
      {
        author: "adebayo_ogunleye",
        body: 'Going on the radio yourself takes courage, and it\'s exactly what a moment like this needs. The lesson about waiting for "full scope" is one every legal team should read.',
        likes: ["chinedu_eze", "wanjiku_kamau"],
      },
      {
        author: "neema_mushi",
        body: "The SMS before they call: brilliant. How did you get the phone numbers right after a migration? Our customer data is full of old numbers.",
        likes: ["chinedu_eze"],
      },
      {
        author: "chinedu_eze",
        body: "@neema_mushi honestly, about 20% bounced. For those we used the radio message and notices at the district offices. Cleaning contact data is now a project of its own.",
        mentions: ["neema_mushi"],
        likes: ["neema_mushi", "ibrahim_ssali"],
      },
      {
        author: "wanjiku_kamau",
        body: "A model field experience: situation, actions, what you'd change, result. Members working towards level 3, this is the format to copy.",
        likes: ["chinedu_eze", "samuel_mugisha", "esi_owusu", "mohamed_elsayed"],
      },
    ],
  },
  {
    category: "field-experiences",
    title: "Field experience: a network outage during exam results week",
    author: "wanjiku_kamau",
    tags: ["social-media-service", "sla-management"],
    daysAgo: 25,
    body: `A few years ago, a fibre cut took our mobile data down across three counties for eleven hours, on the very day national exam results were released. Parents and students could not check results.

**What happened in the first hour:** our social media team posted a generic "we are experiencing a technical issue". It was shared thousands of times with angry comments. The contact centre had no information beyond that sentence.

**What we changed on the spot:**

- a 30-minute update cycle, even with no news, with a named engineer quoted;
- a specific message for students, pointing to the **SMS short code** for results, which still worked over the voice network;
- free data bundles for affected customers, announced as soon as service returned.

**What we learned:** in an outage, customers need three things: **what happened, what to do now, when we'll update them next**. The generic message gave none of the three.

We now have outage templates prepared for known high-stakes dates: exam results, public holidays, month-end salary days.`,
    likes: ["brian_otieno", "ibrahim_ssali", "joy_nakato", "mohamed_elsayed", "akosua_boateng"],
    replies: [
      {
        author: "brian_otieno",
        body: "\"What happened, what to do now, when we'll update next\". I'm pinning that in our social team channel. The short code alternative was clever.",
        likes: ["wanjiku_kamau", "akosua_boateng"],
      },
      {
        author: "ibrahim_ssali",
        body: "High-stakes date calendar is a great idea. We have a change freeze for Christmas but not for exam results. I'll add it to ours.",
        likes: ["wanjiku_kamau", "joy_nakato"],
      },
      {
        author: "joy_nakato",
        body: "I was a student during an outage like that (not your network!). I remember the panic. Thank you for thinking about the students specifically.",
        likes: ["wanjiku_kamau"],
      },
    ],
  },
  {
    category: "field-experiences",
    title: "Field experience: a viral video about a blocked wallet",
    author: "mohamed_elsayed",
    tags: ["social-media-service", "data-privacy-security"],
    daysAgo: 46,
    body: `**Situation.** Our fraud system blocked the wallet of a small trader after an unusual pattern of transfers. He couldn't pay suppliers for two days. He filmed a video outside his shop and it went viral: 400,000 views, and people started asking whether their money was safe with us.

**The dilemma.** We couldn't publicly explain why the account was blocked (fraud rules, his personal data). And the block was **correct** under our rules, but the two-day delay to review it was not acceptable.

**What we did.**

- Called him within an hour of seeing the video; a senior analyst reviewed the case the same day and unblocked it.
- Public reply with his agreement: we had reviewed his account, it was restored, and we were sorry for the delay. No details.
- Internally: fraud reviews for merchant accounts now have a **four-hour** target, and agents can see the review status.

**Lesson.** Security and service aren't opposites. The block protected customers; the slow review is what hurt trust.`,
    likes: ["omar_hassan", "brian_otieno", "adebayo_ogunleye", "ngozi_obi"],
    replies: [
      {
        author: "omar_hassan",
        body: 'I was on chat that day. Once agents could see review status, the conversation changed completely: we could tell customers "an analyst is on it, expected by 4 pm".',
        likes: ["mohamed_elsayed", "adebayo_ogunleye"],
      },
      {
        author: "adebayo_ogunleye",
        body: '"With his agreement": important detail. Many companies publish their side of a story and breach the customer\'s privacy in the process. Well handled.',
        likes: ["mohamed_elsayed", "ngozi_obi", "thandi_dlamini"],
      },
      {
        author: "brian_otieno",
        body: "Calling him within an hour is the key move. A viral customer who feels heard often posts the update himself. Did he?",
        likes: ["mohamed_elsayed"],
      },
      {
        author: "mohamed_elsayed",
        body: "@brian_otieno he did, a short video thanking the analyst by name. It got a fraction of the views of the first one, of course. That's how it goes.",
        mentions: ["brian_otieno"],
        likes: ["brian_otieno", "omar_hassan"],
      },
    ],
  },
  {
    category: "field-experiences",
    title: "Retour d'expérience : délestages et colère des commerçants du marché à Douala",
    author: "jc_mbarga",
    language: "fr",
    daysAgo: 31,
    body: `**Contexte.** Pendant la saison sèche, nous avons dû organiser des délestages dans plusieurs quartiers de Douala. Les commerçants d'un grand marché ont perdu des marchandises (poisson, produits frais) faute de froid. Une délégation est venue à notre agence, très en colère.

**Ce que nous avons fait :**

1. Reçu la délégation dans une salle, pas au guichet, avec un responsable technique.
2. Expliqué honnêtement la situation du réseau, sans jargon.
3. Publié un **programme de délestage** par quartier, affiché au marché et envoyé par SMS, pour que les commerçants puissent s'organiser.
4. Créé un contact direct avec le président des commerçants.

**Ce que j'ai appris.** La colère venait moins des coupures que de l'**imprévisibilité**. Une coupure annoncée se gère ; une coupure surprise détruit la confiance.

**Résultat.** Les réclamations du marché ont baissé de moitié le mois suivant, alors que les délestages continuaient.`,
    likes: ["fatou_diop", "kouassi_yao", "chinedu_eze", "samuel_mugisha"],
    replies: [
      {
        author: "fatou_diop",
        body: "« La colère venait de l'imprévisibilité » : c'est la leçon la plus importante, et elle vaut pour tous les secteurs. Bravo pour le contact direct avec le président des commerçants.",
        likes: ["jc_mbarga", "kouassi_yao"],
      },
      {
        author: "chinedu_eze",
        body: "Sorry to reply in English! We saw exactly the same in Abuja: published load-shedding schedules reduced complaints even when supply hours didn't improve. Predictability is a service in itself.",
        likes: ["jc_mbarga", "neema_mushi"],
      },
      {
        author: "kouassi_yao",
        body: "Recevoir la délégation avec un technicien, c'est malin : les commerçants entendent l'explication de quelqu'un qui connaît le terrain. Je retiens l'idée pour nos pannes réseau.",
        likes: ["jc_mbarga"],
      },
    ],
  },
  {
    category: "field-experiences",
    title: "Field experience: a billing dispute with a grieving family",
    author: "grace_achieng",
    daysAgo: 68,
    body: `**Situation.** A patient died after two weeks in our ICU. The family received the final bill the day after. It was large, and it included items they didn't understand. The eldest son came to the billing desk, shouting, and accused the hospital of "billing a dead man".

**What we did.**

- I took him to a private room and started with condolences, not the bill.
- We agreed to **pause all billing communication for one week**, in writing.
- The following week, a nurse and a billing officer walked the family through each line. Two items had been charged in error; we removed them and apologised.
- We helped the family with the insurer's claim, which covered most of the rest.

**What changed afterwards.** Our policy used to send final bills automatically at discharge or death. Now a bereavement bill is reviewed by a senior nurse first, and the family chooses when to discuss it.

**Lesson.** The bill was not the problem. The timing and the tone were.`,
    likes: ["aisha_bello", "thandi_dlamini", "lerato_mokoena", "wanjiku_kamau", "sipho_ndlovu"],
    replies: [
      {
        author: "aisha_bello",
        body: "This one made me cry a little. We still send bills automatically. I'm bringing your bereavement review policy to our management.",
        likes: ["grace_achieng"],
      },
      {
        author: "thandi_dlamini",
        body: 'Thank you for writing this, Grace. In insurance we learned the same lesson with funeral claims. Policies written for "normal" cases need an exception path for grief, and someone with the authority to use it.',
        likes: ["grace_achieng", "lerato_mokoena", "aisha_bello"],
      },
    ],
  },
  {
    category: "field-experiences",
    title: "Field experience: rebuilding trust after we wrongly rejected a funeral claim",
    author: "thandi_dlamini",
    tags: ["policy-development", "loyalty-programme-management"],
    daysAgo: 110,
    body: `**Situation.** We rejected a funeral claim because a policy payment appeared to be missed. In fact the debit order had failed on **our** side during a banking system change. The family had to borrow money for the funeral. Their community church pastor called our head office, and soon several policyholders from the same congregation asked to cancel.

**Actions.**

1. Paid the claim within 24 hours of finding the error, plus the interest the family paid on the loan.
2. I visited the family with the regional manager to apologise in person.
3. With the family's permission, we attended a church meeting to explain what went wrong and what we changed.
4. Every rejected funeral claim now gets a **second review** before the letter goes out.

**Result.** Cancellations from that congregation stopped; over the following year, new policies from the area increased.

**Reflection.** Recovery is not a script. It's showing up, owning the mistake publicly, and changing the process so it can't happen the same way again.`,
    likes: ["lerato_mokoena", "zanele_khumalo", "kwame_mensah", "grace_achieng", "adebayo_ogunleye"],
    replies: [
      {
        author: "lerato_mokoena",
        body: "Paying the loan interest is such an important detail. It shows you understood the real cost to the family, not just the claim amount.",
        likes: ["thandi_dlamini", "sipho_ndlovu"],
      },
      {
        author: "zanele_khumalo",
        body: "The second review for rejections should be standard everywhere. A rejection is the moment of truth in insurance, and one wrong letter can undo years of trust.",
        likes: ["thandi_dlamini"],
      },
      {
        author: "kwame_mensah",
        body: "Going to the church meeting is the part most executives would never do. Community trust in many of our markets is collective: you lose it as a group and you win it back as a group.",
        likes: ["thandi_dlamini", "grace_achieng", "fatou_diop", "yohannes_tesfaye"],
      },
    ],
  },
  {
    category: "field-experiences",
    title: "Field experience: a card fraud wave in December",
    author: "adebayo_ogunleye",
    tags: ["data-privacy-security", "sla-management"],
    daysAgo: 54,
    body: `**Situation.** In the December festive period, a wave of social-engineering fraud hit our customers: callers pretending to be from the bank asked for OTPs to "stop a suspicious transaction". Our contact centre received ten times the usual fraud reports, and wait times went over 40 minutes. Victims waiting on hold were losing more money.

**Actions.**

- A dedicated **fraud line option** in the IVR, answered first, staffed by volunteers from across the bank who got a two-hour briefing.
- Agents could block cards immediately, without supervisor approval.
- SMS and social media warnings every two days: *"We will never ask for your OTP or PIN."*
- Branches opened a fraud desk on Saturdays.

**Result.** Average wait on the fraud option fell under three minutes; reported losses dropped sharply from the second week.

**Lesson.** In a crisis, **triage beats everything**: separate the urgent from the normal, and give the people on the urgent line the power to act.`,
    likes: ["ngozi_obi", "samuel_mugisha", "mohamed_elsayed", "esi_owusu"],
    replies: [
      {
        author: "ngozi_obi",
        body: "I was one of the branch volunteers on Saturdays. The fraud desk sign alone brought people in who hadn't realised they'd been scammed.",
        likes: ["adebayo_ogunleye", "samuel_mugisha"],
      },
      {
        author: "samuel_mugisha",
        body: '"Agents could block cards immediately": how long did it take to get that approved internally? In our bank it would take months.',
        likes: ["ngozi_obi"],
      },
      {
        author: "adebayo_ogunleye",
        body: "@samuel_mugisha one meeting, because losses were visible every hour. The trick is to make it permanent afterwards. Crisis permissions tend to disappear when the crisis ends; we fought to keep this one.",
        mentions: ["samuel_mugisha"],
        likes: ["samuel_mugisha", "mohamed_elsayed", "wanjiku_kamau"],
      },
    ],
  },

  // ======================= Book Club =======================
  {
    category: "book-club",
    title: "This trimester: The Effortless Experience. Who's reading along?",
    author: "zanele_khumalo",
    tags: ["performance-metrics-kpis"],
    daysAgo: 29,
    body: `For the level 3 and 4 members with the one-book-per-trimester duty (and anyone else who wants to join): let's read **The Effortless Experience** by Matthew Dixon, Nick Toman and Rick DeLisi together this trimester.

The core argument: delighting customers matters less for loyalty than **reducing the effort** they have to make to get a problem solved. Repeat contacts, transfers, having to repeat information: those are what drive people away.

Suggested rhythm:

- weeks 1-3: chapters on why delight is overrated and on customer effort;
- weeks 4-6: next-issue avoidance and experience engineering;
- week 7: what we will try in our own teams.

Post your reflections here. Don't forget to log it in your reading log when you finish!`,
    likes: ["ibrahim_ssali", "nadia_benali", "chinedu_eze", "sipho_ndlovu", "esi_owusu"],
    replies: [
      {
        author: "ibrahim_ssali",
        body: "In. I read it a few years ago and it changed how I look at our repeat-call numbers. Happy to reread it with a group.",
        likes: ["zanele_khumalo"],
      },
      {
        author: "nadia_benali",
        body: 'Je participe ! I\'m reading the English edition, so forgive my slow pace. The idea of "next-issue avoidance" is very relevant for insurance claims.',
        likes: ["zanele_khumalo", "youssef_amrani"],
      },
      {
        author: "chinedu_eze",
        body: "Week 2 reflection: the idea that customers punish effort more than they reward delight matches our billing data exactly. Nobody thanks us for a nice hold message; everybody remembers calling three times.",
        likes: ["zanele_khumalo", "ibrahim_ssali", "neema_mushi"],
      },
      {
        author: "sipho_ndlovu",
        body: "I'm level 1 so it's not a duty for me yet, but I'd like to follow along. Is it OK to join?",
        likes: ["zanele_khumalo"],
      },
      {
        author: "zanele_khumalo",
        body: "@sipho_ndlovu of course, everybody is welcome. Reading before it becomes a duty is the best way to do it. Post your reflections like everyone else.",
        mentions: ["sipho_ndlovu"],
        likes: ["sipho_ndlovu", "kwame_mensah"],
      },
    ],
  },
  {
    category: "book-club",
    title: 'Setting the Table: "enlightened hospitality" in a Nigerian bank?',
    author: "adebayo_ogunleye",
    daysAgo: 57,
    body: `Just finished **Setting the Table** by Danny Meyer, the New York restaurateur. It's about restaurants, but I read it as a banker and found a lot to steal.

His idea of **enlightened hospitality** puts employees first, then guests, then community, suppliers and investors. The argument: happy, well-treated staff create the guest experience, and everything else follows.

Questions it raised for me:

- Do our branch staff feel the bank is on their side? Honestly, not always.
- He distinguishes **service** (the technical delivery) from **hospitality** (how the delivery makes you feel). Banks are good at the first, weak at the second.

Has anyone read it? How would "employees first" go down with your management?`,
    likes: ["esi_owusu", "tunde_bakare", "kwame_mensah"],
    replies: [
      {
        author: "esi_owusu",
        body: "Read it last year. The service vs hospitality distinction is the one I use most. A correct transaction with a cold face is service without hospitality. Our customers notice the difference immediately.",
        likes: ["adebayo_ogunleye", "kwame_mensah"],
      },
      {
        author: "tunde_bakare",
        body: "Adding it to my list for when I reach level 3. The employees-first idea would be a tough sell in our company, but I think it's true.",
        likes: ["adebayo_ogunleye"],
      },
    ],
  },
  {
    category: "book-club",
    title: "Moments of Truth by Jan Carlzon: still relevant for African airlines?",
    author: "yohannes_tesfaye",
    daysAgo: 86,
    body: `I reread **Moments of Truth** by Jan Carlzon, the story of how he turned SAS around in the early 1980s. It's a short book and the curriculum's module on moments of truth owes a lot to it.

What still holds:

- frontline staff need **authority** to solve problems in the moment;
- the organisation chart should be turned upside down: managers serve the front line;
- every contact is a chance to prove the company cares.

What feels dated: it's written for a world without mobile phones or social media, where a moment of truth stayed between the customer and the employee. Today one bad moment is filmed and seen by thousands.

Worth reading for anyone at level 3 working on their leadership. Has anyone else read it?`,
    likes: ["hana_girma", "thandi_dlamini", "samuel_mugisha"],
    replies: [
      {
        author: "hana_girma",
        body: "I borrowed your copy after our team meeting! The upside-down organisation chart is what stayed with me. I wish more of our supervisors read it.",
        likes: ["yohannes_tesfaye"],
      },
      {
        author: "thandi_dlamini",
        body: "One of my favourites. I'd argue the social media point makes the book more relevant, not less: the moment of truth is now public, so the authority to fix things on the spot matters even more.",
        likes: ["yohannes_tesfaye", "hana_girma", "kwame_mensah"],
      },
    ],
  },
  {
    category: "book-club",
    title: "Hug Your Haters, and what it did to our Facebook complaints",
    author: "ibrahim_ssali",
    tags: ["social-media-service"],
    daysAgo: 115,
    body: `Finished **Hug Your Haters** by Jay Baer. The main idea: answer every complaint, in every channel, every time. He separates "onstage" complainers (public, social media, review sites) from "offstage" ones (phone, email), who want different things.

We tried one thing from the book for a month: **reply to every public complaint on our Facebook page** within the hour during working hours, including the rude ones.

Results after a month:

- some complainers thanked us publicly once we replied;
- the number of people piling on in the comments went down;
- the team found it exhausting at first, then it became normal.

Recommended for anyone working on social media service. Light to read, practical, and a good one for the trimester reading log.`,
    likes: ["brian_otieno", "wanjiku_kamau", "joy_nakato"],
    replies: [
      {
        author: "brian_otieno",
        body: "This book is basically my job description. The onstage vs offstage idea helped me explain to my manager why social replies need a different tone from emails.",
        likes: ["ibrahim_ssali", "wanjiku_kamau"],
      },
      {
        author: "wanjiku_kamau",
        body: "Good experiment, Ibrahim. Did you change anything about **who** replies? We found senior agents on social complaints made a big difference in the first month.",
        likes: ["ibrahim_ssali"],
      },
      {
        author: "ibrahim_ssali",
        body: "@wanjiku_kamau yes, we put our two most experienced agents on the page for the trial. Now we're training others to join the rota.",
        mentions: ["wanjiku_kamau"],
        likes: ["wanjiku_kamau"],
      },
    ],
  },

  // ======================= Events and Activities =======================
  {
    category: "events-and-activities",
    title: "Accra CX meet-up on Saturday: anyone from the community coming?",
    author: "akosua_boateng",
    daysAgo: 0,
    body: `There's an informal customer experience meet-up this Saturday at 10:00 in Osu, hosted by a group of contact-centre managers. Free entry, you just need to register on the organisers' page.

**Programme:**

- 10:00 welcome and coffee
- 10:30 panel: "First-contact resolution in Ghanaian contact centres"
- 11:30 small-group discussions
- 12:30 networking lunch (pay your own)

It counts as an activity for the "3 activities a year" duty. Take a photo of your badge or keep the registration email as evidence for your activity log.

Who's coming? It would be nice to meet some of you in person.`,
    likes: ["kofi_asante", "kwame_mensah", "esi_owusu"],
    replies: [
      {
        author: "kofi_asante",
        body: "I'll be there! It will be my first CX event. Akosua, can I come with you? I won't know anyone and I'm a bit nervous about the networking part.",
        likes: ["akosua_boateng"],
      },
      {
        author: "kwame_mensah",
        body: "I'm on the panel, so come and say hello afterwards. @kofi_asante you'll know at least two people now! Bring one question for the panel.",
        mentions: ["kofi_asante"],
        likes: ["kofi_asante", "akosua_boateng"],
      },
      {
        author: "esi_owusu",
        body: "Driving down from Kumasi for it, with two of my branch supervisors. First-contact resolution is exactly what we're working on. See you there!",
        likes: ["akosua_boateng", "kwame_mensah"],
      },
    ],
  },
  {
    category: "events-and-activities",
    title: "Customer Service Week in October: what is your team planning?",
    author: "brian_otieno",
    daysAgo: 105,
    body: `International Customer Service Week is in the first full week of October. Last year our company did... nothing. This year I've been asked to propose something, with a small budget.

Ideas so far:

- a "thank you wall" with real customer compliments, printed and pinned up;
- managers take calls for an hour while agents have a long lunch;
- a quiz about our products, with small prizes;
- each team invites someone from another department to shadow them for a morning.

What have you done in previous years that your team actually enjoyed? And what felt forced?`,
    likes: ["wanjiku_kamau", "joy_nakato", "neema_mushi", "lerato_mokoena"],
    replies: [
      {
        author: "wanjiku_kamau",
        body: "Managers on the phones is the one agents remember for years. Just make sure the managers are genuinely trained, not just posing for photos. Customers still deserve a good answer!",
        likes: ["brian_otieno", "ibrahim_ssali", "zanele_khumalo"],
      },
      {
        author: "lerato_mokoena",
        body: "What felt forced for us: a dress-up day nobody asked for. What worked: handwritten thank-you notes from the executives to each agent, naming something specific that agent did.",
        likes: ["brian_otieno", "sipho_ndlovu", "thandi_dlamini"],
      },
      {
        author: "neema_mushi",
        body: "We invited customers to the care centre for tea and feedback. Only twelve came, but the conversations were so useful that we're doing it again.",
        likes: ["brian_otieno", "joy_nakato"],
      },
      {
        author: "joy_nakato",
        body: "The thank-you wall! Please do that one. Reading good feedback on a bad day helps so much, and it reminds us why we do this job.",
        likes: ["brian_otieno"],
      },
    ],
  },
  {
    category: "events-and-activities",
    title: "Rencontre CX à Dakar : compte rendu",
    author: "awa_ndiaye",
    language: "fr",
    daysAgo: 40,
    body: `Bonjour à tous,

Samedi dernier, j'ai participé à une rencontre sur l'expérience client organisée à Dakar, avec une soixantaine de professionnels : banques, télécoms, assurances, e-commerce.

Ce que je retiens :

- **le mobile money** change les attentes : les clients veulent des réponses en quelques minutes, pas en quelques jours ;
- plusieurs entreprises commencent à proposer le service client **en wolof** sur WhatsApp, avec de bons résultats ;
- un intervenant a dit : « Le client ne compare pas votre service à celui de vos concurrents, il le compare au meilleur service qu'il a reçu, n'importe où. »

J'ai enregistré cette rencontre comme activité dans mon journal. Quelqu'un d'autre y était ?`,
    likes: ["moussa_sow", "fatou_diop", "mariam_traore"],
    replies: [
      {
        author: "fatou_diop",
        body: "J'y étais aussi, dans la table ronde de l'après-midi ! Merci Awa pour ce compte rendu très fidèle. La phrase sur la comparaison avec le meilleur service reçu a fait réagir toute la salle.",
        likes: ["awa_ndiaye", "moussa_sow"],
      },
      {
        author: "moussa_sow",
        body: "Dommage, je travaillais samedi à la boutique. Merci pour le résumé, je le partage avec mes collègues de Thiès. L'idée du wolof sur WhatsApp va leur plaire.",
        likes: ["awa_ndiaye"],
      },
      {
        author: "mariam_traore",
        body: "Merci Awa ! Est-ce qu'il y aura une édition à Abidjan ? Ce serait super pour mon journal d'activités, et pour rencontrer des collègues d'autres entreprises.",
        likes: ["awa_ndiaye"],
      },
    ],
  },
  {
    category: "events-and-activities",
    title: "Does an internal company training count as one of my 3 activities a year?",
    author: "ibrahim_ssali",
    daysAgo: 18,
    body: `Quick question for the Touchpoints team and for anyone who has been through this.

Our company runs a two-day internal training on complaint handling every quarter. I facilitated one session and attended the other. Can I log these as customer service activities for the level 3 duty, or do activities need to be external (conferences, public meet-ups)?

Also: what evidence is enough? Attendance sheet? Certificate? A photo?`,
    likes: ["neema_mushi", "zanele_khumalo"],
    replies: [
      {
        author: "amara_admin",
        body: 'Good question @ibrahim_ssali. Yes, trainings count, internal or external, as long as they\'re about customer service. Log them as "training". Facilitating counts too: put "facilitator" in the notes. Evidence: a certificate, an attendance email or the agenda with your name is enough. A photo is nice but not needed.',
        mentions: ["ibrahim_ssali"],
        likes: ["ibrahim_ssali", "neema_mushi", "zanele_khumalo", "chinedu_eze"],
      },
      {
        author: "neema_mushi",
        body: "Thank you both, I had the same question about our utility's customer service refresher. Logging it today, with the agenda as evidence.",
        likes: ["ibrahim_ssali"],
      },
      {
        author: "zanele_khumalo",
        body: "Tip for my learning group and anyone else: log activities when they happen, not in December. You'll forget the details and lose the evidence.",
        likes: ["ibrahim_ssali", "amara_admin", "sipho_ndlovu"],
      },
    ],
  },
];
