// Demo mode: a small question bank on the Award's modules (seed 003) and the programme's
// assessments delivered online from it (the Aptitude Test 1.0 diagnostic, Aptitude Test 2.0 at 85%,
// the CCXMP exam and Test 4.0 at 80%, as PROGRAM.md says). Idempotent: the bank is created once,
// and an assessment staff have already configured is left as it is.
import { db } from "../../app/db.server";
import type { BankOption } from "../../db/schema";

type DemoQuestion = { tag: string; prompt: string; options: [string, boolean][]; why: string };

const BANK = "Customer service essentials (demo)";

export const demoQuestions: DemoQuestion[] = [
  {
    tag: "module-2",
    prompt: 'What is a "moment of truth" in customer service?',
    options: [
      ["Any point of contact where a customer forms an impression of the organisation", true],
      ["The moment a complaint is escalated to a manager", false],
      ["The end of the financial year, when results are published", false],
      ["The first day of a new employee", false],
    ],
    why: "Every contact, however small, shapes the customer's view: each one is a moment of truth.",
  },
  {
    tag: "module-2",
    prompt: "Which of these are ways of measuring customer service? (choose all that apply)",
    options: [
      ["Customer satisfaction surveys", true],
      ["Mystery shopping", true],
      ["The colour of the logo", false],
      ["The number of staff car parking spaces", false],
    ],
    why: "Surveys and mystery shopping measure the service as customers receive it.",
  },
  {
    tag: "module-2",
    prompt: "Added service value means:",
    options: [
      ["Giving customers something beyond the basic service offer", true],
      ["Raising the price of a service", false],
      ["Adding a tax to each transaction", false],
    ],
    why: "Added value goes beyond the service offer, e.g. a follow-up call after a repair.",
  },
  {
    tag: "module-3",
    prompt: "Who is an internal customer?",
    options: [
      ["A colleague or department that relies on your work", true],
      ["A customer who shops inside the building", false],
      ["A customer from your own country", false],
    ],
    why: "Internal customers are the colleagues whose work depends on yours.",
  },
  {
    tag: "module-3",
    prompt: "Which are benefits of customer loyalty for an organisation? (choose all that apply)",
    options: [
      ["Repeat business", true],
      ["Recommendations to new customers", true],
      ["Higher staff turnover", false],
      ["More complaints", false],
    ],
    why: "Loyal customers come back and recommend you to others.",
  },
  {
    tag: "module-6",
    prompt: "In active listening, you should:",
    options: [
      ["Summarise what the customer said to check your understanding", true],
      ["Prepare your answer while the customer is still speaking", false],
      ["Interrupt to save time", false],
    ],
    why: "Summarising shows you listened and lets the customer correct any misunderstanding.",
  },
  {
    tag: "module-6",
    prompt: "Which communication method best suits a customer who needs a written record of an agreement?",
    options: [
      ["Email or letter", true],
      ["A telephone call", false],
      ["A conversation at the counter", false],
    ],
    why: "A written method leaves a record both sides can refer to.",
  },
  {
    tag: "module-8",
    prompt: "What is the first step of service recovery when a customer complains?",
    options: [
      ["Listen and acknowledge the problem", true],
      ["Offer a refund at once", false],
      ["Explain the company policy", false],
      ["Pass the customer to a colleague", false],
    ],
    why: "Customers first need to feel heard; solutions come after.",
  },
  {
    tag: "module-8",
    prompt: "Why is customer feedback, even negative, valuable?",
    options: [
      ["It shows where systems and service can improve", true],
      ["It proves the customer is wrong", false],
      ["It is required before any sale", false],
    ],
    why: "Complaints point at the weak spots of a process.",
  },
  {
    tag: "module-9",
    prompt: "Data protection law requires that customers' personal data is:",
    options: [
      ["Kept secure and used only for the purposes it was collected for", true],
      ["Shared with any partner who asks", false],
      ["Kept forever, in case it is needed", false],
    ],
    why: "Personal data must be protected and used only for its stated purpose.",
  },
  {
    tag: "module-10",
    prompt: "Assertive behaviour means:",
    options: [
      ["Stating your needs clearly while respecting the customer's", true],
      ["Always giving the customer what they ask for", false],
      ["Raising your voice to be heard", false],
    ],
    why: "Assertiveness sits between submissive and aggressive behaviour.",
  },
  {
    tag: "module-10",
    prompt: "Which are parts of emotional intelligence? (choose all that apply)",
    options: [
      ["Self-awareness", true],
      ["Empathy", true],
      ["Typing speed", false],
    ],
    why: "Emotional intelligence covers knowing your own emotions and understanding others'.",
  },
];

const OPTION_KEYS = "abcdefghijklmnopqrstuvwxyz";

/** The demo bank and online delivery of the graded assessments. */
export async function seedDemoAssessments(log: (m: string) => void) {
  await db.transaction().execute(async (trx) => {
    let bank = await trx.selectFrom("question_banks").select("id").where("name", "=", BANK).executeTakeFirst();
    if (!bank) {
      bank = await trx
        .insertInto("question_banks")
        .values({ name: BANK, description: "A few questions on the Award's modules, to try the assessment engine." })
        .returning("id")
        .executeTakeFirstOrThrow();
      for (const q of demoQuestions) {
        const options: BankOption[] = q.options.map(([text, correct], i) => ({ key: OPTION_KEYS[i], text, correct }));
        await trx
          .insertInto("bank_questions")
          .values({
            bank_id: bank.id,
            prompt: q.prompt,
            explanation: q.why,
            tags: [q.tag],
            options: JSON.stringify(options),
          })
          .execute();
      }
    }
    const delivery = [
      // the level-1 diagnostic: no pass mark, any finished attempt counts (its /progress link must open a test)
      { slug: "aptitude-test-1.0", pass_mark: null, question_count: 8, time_limit_minutes: 20, cooldown_hours: 0 },
      { slug: "aptitude-test-2.0", pass_mark: 85, question_count: 8, time_limit_minutes: 20, cooldown_hours: 24 },
      { slug: "ccxmp-exam", pass_mark: 80, question_count: 10, time_limit_minutes: 30, cooldown_hours: 72 },
      { slug: "test-4.0", pass_mark: 80, question_count: 10, time_limit_minutes: 30, cooldown_hours: 72 },
    ];
    let configured = 0;
    for (const d of delivery) {
      const res = await trx
        .updateTable("assessments")
        .set({ ...d, bank_id: bank.id, online: true, readiness_required: false })
        .where("slug", "=", d.slug)
        .where("bank_id", "is", null)
        .executeTakeFirst();
      configured += Number(res.numUpdatedRows);
    }
    log(`demo assessments: bank of ${demoQuestions.length} questions, ${configured} assessments put online`);
  });
}
