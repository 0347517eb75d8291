// Designations earned beside the levels, each with its alternative routes (seed 002: the CCSM text
// gives an experience route and an exam route). Pure data, English and French; loaded by
// programme-seed.ts, inserted once and then edited by staff in /admin/requirements.
// The experience route's portfolio, evidence and references are one "portfolio" requirement reviewed
// by a panel (issue 26 point 2); the courses are the exam route's modules.
import type { ExperienceKind } from "./programme";

export const designationTypes = [
  {
    code: "CCSM",
    name: "Certified Customer Service Manager (CCSM)",
    name_fr: "Responsable du service client certifié (CCSM)",
    description:
      "A certification in customer service management that a level-3 member earns beside the level, " +
      "through the experience route or the exam route.",
    description_fr:
      "Une certification en gestion du service client qu’un membre de niveau 3 obtient en plus de son niveau, " +
      "par la voie de l’expérience ou par la voie de l’examen.",
    minLevel: 3,
  },
];

export const designationProgrammes = [
  {
    slug: "ccsm-courses",
    level: 3,
    title: "CCSM exam route courses",
    title_fr: "Cours de la voie de l’examen CCSM",
    modules: [
      {
        number: 1,
        title: "Customer service skills development",
        title_fr: "Développement des compétences en service client",
      },
      { number: 2, title: "Customer relationship management (CRM)", title_fr: "Gestion de la relation client (CRM)" },
      { number: 3, title: "Customer service diploma studies", title_fr: "Études du diplôme de service client" },
      { number: 4, title: "Customer retention strategies", title_fr: "Stratégies de fidélisation de la clientèle" },
    ],
  },
];

export const designationAssessments = [
  // seed 002 gives no pass mark: 80%, as for the programme's other certification exams
  {
    slug: "ccsm-exam",
    level: 3,
    title: "CCSM examination (Certified Customer Service Manager)",
    title_fr: "Examen CCSM (responsable du service client certifié)",
    passMark: 80,
  },
];

export const designationRoutes = [
  { key: "ccsm-experience", designation: "CCSM", name: "Experience route", name_fr: "Voie de l’expérience" },
  { key: "ccsm-exam", designation: "CCSM", name: "Exam route", name_fr: "Voie de l’examen" },
];

type Def =
  | { kind: "experience_years"; params: { experience: ExperienceKind; minYears: number } }
  | { kind: "module_tasks"; params: { programme: string; modules: number[] } }
  | { kind: "assessment"; params: { test: string; passMark: number | null } }
  | { kind: "portfolio"; params: { reviewers: number; references: number } };

export const designationRequirements: ({
  key: string;
  designation: string;
  route: string;
  label: string;
  label_fr: string;
} & Def)[] = [
  {
    key: "ccsm-experience-managing-years",
    designation: "CCSM",
    route: "ccsm-experience",
    kind: "experience_years",
    params: { experience: "managing_team", minYears: 5 },
    label: "At least 5 years managing customer service",
    label_fr: "Au moins 5 ans à la tête d’un service client",
  },
  {
    // seed 002: "a portfolio ... descriptions of key projects ... evidence of improvements ...
    // testimonials or references", and "an interview or assessment with a panel of industry experts"
    key: "ccsm-experience-portfolio",
    designation: "CCSM",
    route: "ccsm-experience",
    kind: "portfolio",
    params: { reviewers: 2, references: 2 },
    label: "A portfolio of projects, evidence and references, reviewed by a panel",
    label_fr: "Un portfolio de projets, de preuves et de références, examiné par un jury",
  },
  {
    key: "ccsm-exam-customer-facing-years",
    designation: "CCSM",
    route: "ccsm-exam",
    kind: "experience_years",
    params: { experience: "customer_facing", minYears: 2 },
    label: "At least 2 years in a customer service role",
    label_fr: "Au moins 2 ans dans un poste de service client",
  },
  {
    key: "ccsm-exam-courses",
    designation: "CCSM",
    route: "ccsm-exam",
    kind: "module_tasks",
    params: { programme: "ccsm-courses", modules: [1, 2, 3, 4] },
    label: "Complete the customer service and management courses",
    label_fr: "Suivre les cours de service client et de management",
  },
  {
    key: "ccsm-exam-exam",
    designation: "CCSM",
    route: "ccsm-exam",
    kind: "assessment",
    params: { test: "ccsm-exam", passMark: 80 },
    label: "Pass the CCSM examination",
    label_fr: "Réussir l’examen CCSM",
  },
];
