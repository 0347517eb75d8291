// The Database type, kept by hand in step with db/migrations.
import type { ColumnType, Generated } from "kysely";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string | undefined, string>;

export type Role = "member" | "tutor" | "recruiter" | "judge" | "admin";

export interface UsersTable {
  id: Generated<number>;
  email: string;
  username: string;
  display_name: string;
  password_hash: string | null;
  time_zone: Generated<string>;
  locale: string | null;
  created_at: Generated<Date>;
  last_seen_at: Date | null;
  level: number | null;
  last_visit_at: Date | null;
  /** no topic the member has unread was bumped before this (app/models/forum/topic-tracking.server.ts) */
  first_unread_at: Generated<Date>;
  silenced_until: Date | null;
  suspended_until: Date | null;
  sanction_reason: string | null;
  deleted_at: Date | null;
  digest: Generated<"daily" | "weekly" | "never">;
  /** the local day (daily) or ISO week (weekly) the last digest was for: never twice in one period */
  digest_period: string | null;
  digest_sent_at: Date | null;
  /** single-key shortcuts on (issue 24 point 6); a member may turn them off */
  keyboard_shortcuts: Generated<boolean>;
}

export type WatchLevel = "watching" | "tracking" | "normal" | "muted";

export interface TopicWatchesTable {
  user_id: number;
  topic_id: number;
  level: WatchLevel;
}

export interface CategoryWatchesTable {
  user_id: number;
  category_id: number;
  level: WatchLevel;
}

export interface Database {
  topic_watches: TopicWatchesTable;
  category_watches: CategoryWatchesTable;
}

export interface SessionsTable {
  /** SHA-256 (hex) of the cookie's secret */
  id: string;
  user_id: number;
  expires_at: Date;
  user_agent: string | null;
  created_at: Generated<Date>;
  last_seen_at: Generated<Date>;
  handle: Generated<string>;
}

export interface UserRolesTable {
  user_id: number;
  role: Role;
  granted_at: Generated<Date>;
  granted_by: number | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  actor_id: number | null;
  action: string;
  target_type: string;
  target_id: string | null;
  before: Json | null;
  after: Json | null;
  at: Generated<Date>;
}

export interface LoginFailuresTable {
  id: Generated<number>;
  key: string;
  at: Generated<Date>;
}

/** Rate-limited attempts (app/models/account/rate-limit.server.ts). */
export interface RateEventsTable {
  id: Generated<number>;
  key: string;
  at: Generated<Date>;
}

export interface PasswordResetTokensTable {
  token_hash: string;
  user_id: number;
  expires_at: Date;
  used_at: Date | null;
  created_at: Generated<Date>;
}

export interface OutboxTable {
  id: Generated<number>;
  kind: string;
  payload: Json;
  run_at: Timestamp;
  attempts: Generated<number>;
  locked_until: Date | null;
  last_error: string | null;
  done_at: Date | null;
  /** Failed every attempt, or unusable: kept for staff to retry or discard (/admin/jobs). */
  dead_at: Date | null;
  created_at: Generated<Date>;
}

export interface CategoriesTable {
  id: Generated<number>;
  slug: string;
  name: string;
  description: Generated<string>;
  colour: Generated<string>;
  name_fr: string | null;
  description_fr: string | null;
  position: Generated<number>;
  see_rule: Generated<string>;
  post_rule: Generated<string>;
  reply_rule: Generated<string>;
  archived_at: Date | null;
  topic_count: Generated<number>;
  post_count: Generated<number>;
  created_at: Generated<Date>;
}

export interface TopicsTable {
  id: Generated<number>;
  category_id: number;
  user_id: number | null;
  title: string;
  slug: string;
  tags: Generated<string[]>;
  pinned_at: Date | null;
  pinned_globally: Generated<boolean>;
  closed_at: Date | null;
  archived_at: Date | null;
  unlisted: Generated<boolean>;
  deleted_at: Date | null;
  deleted_by: number | null;
  reply_count: Generated<number>;
  like_count: Generated<number>;
  highest_post_number: Generated<number>;
  last_posted_at: Timestamp;
  last_poster_id: number | null;
  /** the row's avatars: distinct authors of the last 12 visible posts, first-posted first, at most 5 */
  poster_ids: Generated<number[]>;
  bumped_at: Timestamp;
  created_at: Timestamp;
  /** 'private_message': a personal message (topic_allowed_users holds its participants) */
  archetype: Generated<"regular" | "private_message">;
}

export interface TopicAllowedUsersTable {
  topic_id: number;
  user_id: number;
}

/** A member who ignores another: no messages from them, their posts collapsed. */
export interface UserIgnoresTable {
  user_id: number;
  ignored_user_id: number;
  created_at: Generated<Date>;
}

/**
 * A small action shown among a topic's posts ("@alice added @bob"), after post `after_post_number`: no post,
 * so nothing that counts, indexes or notifies posts sees it (migration 2026-12-07T0700_topic_actions).
 */
export interface TopicActionsTable {
  id: Generated<number>;
  topic_id: number;
  kind: "participant_added";
  /** who acted */
  user_id: number | null;
  /** whom it was done to */
  target_user_id: number | null;
  after_post_number: number;
  created_at: Generated<Date>;
}

export interface PostsTable {
  id: Generated<number>;
  topic_id: number;
  user_id: number | null;
  post_number: number;
  reply_to_post_number: number | null;
  body_markdown: string;
  body_html: string;
  render_version: Generated<number>;
  like_count: Generated<number>;
  revision_count: Generated<number>;
  created_at: Timestamp;
  edited_at: Date | null;
  deleted_at: Date | null;
  deleted_by: number | null;
  hidden_at: Date | null;
  hidden_reason: string | null;
  search_vector: ColumnType<string, never, never>;
  submission_key: string | null;
}

export interface DraftsTable {
  user_id: number;
  /** "new-topic", or "topic:<id>" for a reply */
  draft_key: string;
  body: string;
  fields: ColumnType<DraftFields, string, string>;
  updated_at: Generated<Date>;
  /** the page that saved it and its count there: an older save from that page never overwrites a newer one */
  client_page: string | null;
  client_seq: number | null;
}

/** The composer's other fields kept with a draft (new topic: title, category, tags; reply: replyTo). */
export type DraftFields = { title?: string; category?: string; tags?: string[]; replyTo?: number };

/** An image uploaded from the composer, stored as WebP under `key` (app/models/forum/uploads.server.ts). */
export interface UploadsTable {
  id: Generated<number>;
  user_id: number | null;
  key: string;
  width: number;
  height: number;
  bytes: number;
  created_at: Generated<Date>;
}

/** Which posts show which uploads (kept in step with each post's markdown). */
export interface PostUploadsTable {
  post_id: number;
  upload_id: number;
}

export interface PostRevisionsTable {
  id: Generated<number>;
  post_id: number;
  number: number;
  user_id: number | null;
  previous_markdown: string;
  next_markdown: string;
  previous_title: string | null;
  next_title: string | null;
  created_at: Generated<Date>;
}

export interface PostLikesTable {
  post_id: number;
  user_id: number;
  created_at: Generated<Date>;
}

export interface BookmarksTable {
  id: Generated<number>;
  user_id: number;
  post_id: number;
  reminder_at: Date | null;
  reminded_at: Date | null;
  created_at: Generated<Date>;
}

export interface TopicReadsTable {
  user_id: number;
  topic_id: number;
  last_read_post_number: Generated<number>;
  dismissed_post_number: Generated<number>;
  first_visited_at: Generated<Date>;
  last_visited_at: Generated<Date>;
}

export interface NotificationsTable {
  id: Generated<number>;
  user_id: number;
  kind: string;
  topic_id: number | null;
  post_id: number | null;
  actor_id: number | null;
  data: Json;
  source_key: string | null;
  read_at: Date | null;
  emailed_at: Date | null;
  created_at: Generated<Date>;
}

export interface NotificationSettingsTable {
  user_id: number;
  kind: string;
  delivery: "immediately" | "daily" | "never";
}

export interface FlagsTable {
  id: Generated<number>;
  post_id: number;
  user_id: number;
  reason: "off_topic" | "inappropriate" | "spam" | "other";
  note: string | null;
  created_at: Generated<Date>;
  resolved_at: Date | null;
  resolved_by: number | null;
  resolution: string | null;
}

export interface SettingsTable {
  key: string;
  value: Json;
  updated_at: Generated<Date>;
}

export interface CompetenciesTable {
  slug: string;
  name: string;
  description: Generated<string>;
  name_fr: string | null;
  description_fr: string | null;
  position: Generated<number>;
}

// ---- career journey (migration 2026-11-23T1100_progression) ----
type Numeric = ColumnType<number, number | string, number | string>;
type DateOnly = ColumnType<string, string, string>; // 'YYYY-MM-DD' (pg date parsed as text)

export interface LevelsTable {
  number: number;
  slug: string;
  name: string;
  short_name: string;
  badge_inscription: string;
  description: Generated<string>;
  criteria_narrative: Generated<string>;
  entry_conditions: Generated<string>;
  designations: Generated<string[]>;
  untracked_duties: Generated<string[]>;
  name_fr: string | null;
  short_name_fr: string | null;
  badge_inscription_fr: string | null;
  description_fr: string | null;
  criteria_narrative_fr: string | null;
  entry_conditions_fr: string | null;
  untracked_duties_fr: string[] | null;
}

export type RequirementPhaseColumn = "entry" | "duty" | "completion";

export interface LevelRequirementsTable {
  id: Generated<number>;
  key: string;
  /** the level, or (null) the designation the requirement belongs to */
  level: number | null;
  designation: string | null;
  /** the route (an "all of" group; a target's routes are alternatives) */
  route_id: number | null;
  kind: string;
  phase: RequirementPhaseColumn;
  label: string;
  label_fr: string | null;
  params: Json;
  position: Generated<number>;
  archived_at: Date | null;
  updated_at: Generated<Date>;
}

// Alternative routes and designations (db/migrations/2026-12-06T1500_requirement_routes.ts)
export interface DesignationTypesTable {
  code: string;
  name: string;
  name_fr: string | null;
  description: Generated<string>;
  description_fr: string | null;
  /** the level a member must have reached to earn it */
  min_level: number;
  position: Generated<number>;
  archived_at: Date | null;
}

export interface RequirementRoutesTable {
  id: Generated<number>;
  key: string;
  level: number | null;
  designation: string | null;
  name: string;
  name_fr: string | null;
  position: Generated<number>;
  archived_at: Date | null;
  updated_at: Generated<Date>;
}

export interface WebinarsTable {
  slug: string;
  level: number;
  title: string;
  title_fr: string | null;
}

export interface AssessmentsTable {
  slug: string;
  level: number;
  title: string;
  title_fr: string | null;
  pass_mark: Numeric | null;
  grants_designation: string | null;
}

export interface TrainingModulesTable {
  programme: string;
  number: number;
  programme_title: string;
  title: string;
  programme_title_fr: string | null;
  title_fr: string | null;
  level: number;
}

export interface RecommendedBooksTable {
  id: Generated<number>;
  slug: string;
  title: string;
  author: string;
  archived_at: Date | null;
  created_at: Generated<Date>;
}

export type ApplicationStatus = "pending" | "approved" | "rejected" | "withdrawn";

export interface ApplicationsTable {
  id: Generated<number>;
  user_id: number;
  /** the level applied for, or (null) the designation */
  level: number | null;
  designation: string | null;
  /** the route the applicant uses (migration 2026-12-06T1500_requirement_routes) */
  route_id: number | null;
  status: Generated<ApplicationStatus>;
  route: "experience" | "exam" | null;
  role_title: string | null;
  organisation: string | null;
  customer_facing_years: Numeric | null;
  managing_years: Numeric | null;
  portfolio: Generated<string>;
  evidence_links: Generated<string[]>;
  referees: Generated<string>;
  experience_verified: Generated<boolean>;
  decided_by: number | null;
  decided_at: Date | null;
  decision_reason: string | null;
  created_at: Generated<Date>;
}

export interface LevelHistoryTable {
  id: Generated<number>;
  user_id: number;
  level: number;
  entered_at: Timestamp;
  left_at: Date | null;
  decided_by: number | null;
  application_id: number | null;
}

export interface BadgeAwardsTable {
  id: Generated<number>;
  public_id: string;
  user_id: number;
  kind: Generated<"level" | "mentor" | "award">;
  level: number | null;
  awarded_at: Timestamp;
  awarded_by: number | null;
  application_id: number | null;
  revoked_at: Date | null;
  revoked_by: number | null;
  revoke_reason: string | null;
}

export interface WebinarAttendanceTable {
  id: Generated<number>;
  user_id: number;
  webinar: string;
  attended_on: DateOnly;
  source: Generated<"staff" | "csv" | "checkin">;
  recorded_by: number | null;
  created_at: Generated<Date>;
}

export interface AssessmentResultsTable {
  id: Generated<number>;
  user_id: number;
  assessment: string;
  score: Numeric;
  taken_on: DateOnly;
  attempt: number;
  note: string | null;
  recorded_by: number | null;
  created_at: Generated<Date>;
}

export type EntryStatus = "pending" | "approved" | "rejected";

export interface ActivitiesTable {
  id: Generated<number>;
  user_id: number;
  kind: "conference" | "meetup" | "training" | "webinar" | "other";
  title: string;
  occurred_on: DateOnly;
  organiser: Generated<string>;
  evidence_url: string | null;
  reflection: Generated<string>;
  status: Generated<EntryStatus>;
  decided_by: number | null;
  decided_at: Date | null;
  decision_reason: string | null;
  created_at: Generated<Date>;
}

export interface ReadingLogTable {
  id: Generated<number>;
  user_id: number;
  book_id: number | null;
  title: string;
  author: Generated<string>;
  finished_on: DateOnly;
  review: Generated<string>;
  topic_id: number | null;
  status: Generated<EntryStatus>;
  decided_by: number | null;
  decided_at: Date | null;
  decision_reason: string | null;
  created_at: Generated<Date>;
}

export interface MentorshipsTable {
  id: Generated<number>;
  mentor_id: number;
  mentee_id: number;
  status: Generated<MentorshipStatus>;
  started_at: Timestamp;
  ended_at: Date | null;
  topic_id: number | null;
}

export interface AwardNominationsTable {
  id: Generated<number>;
  user_id: number;
  year: number;
  statement: Generated<string>;
  submitted_at: Date | string | null;
  created_at: Generated<Date>;
}

export interface ModuleTasksTable {
  id: Generated<number>;
  user_id: number;
  programme: string;
  module: number;
  submission: Generated<string>;
  submitted_at: Timestamp;
  evaluated_at: Date | string | null;
  evaluated_by: number | null;
  feedback: string | null;
}

export interface ProfilesTable {
  user_id: number;
  photo_key: string | null;
  job_title: string | null;
  organisation: string | null;
  country: string | null;
  city: string | null;
  bio_markdown: Generated<string>;
  bio_html: Generated<string>;
  achievements: Generated<string[]>;
  visibility: Generated<"public" | "members" | "hidden">;
  updated_at: Generated<Date>;
}

export interface Database {
  competencies: CompetenciesTable;
  users: UsersTable;
  sessions: SessionsTable;
  user_roles: UserRolesTable;
  audit_log: AuditLogTable;
  login_failures: LoginFailuresTable;
  rate_events: RateEventsTable;
  password_reset_tokens: PasswordResetTokensTable;
  outbox: OutboxTable;
  categories: CategoriesTable;
  topics: TopicsTable;
  topic_allowed_users: TopicAllowedUsersTable;
  user_ignores: UserIgnoresTable;
  topic_actions: TopicActionsTable;
  posts: PostsTable;
  drafts: DraftsTable;
  post_revisions: PostRevisionsTable;
  uploads: UploadsTable;
  post_uploads: PostUploadsTable;
  post_likes: PostLikesTable;
  bookmarks: BookmarksTable;
  topic_reads: TopicReadsTable;
  notifications: NotificationsTable;
  notification_settings: NotificationSettingsTable;
  flags: FlagsTable;
  settings: SettingsTable;
  levels: LevelsTable;
  level_requirements: LevelRequirementsTable;
  designation_types: DesignationTypesTable;
  requirement_routes: RequirementRoutesTable;
  webinars: WebinarsTable;
  assessments: AssessmentsTable;
  training_modules: TrainingModulesTable;
  recommended_books: RecommendedBooksTable;
  applications: ApplicationsTable;
  level_history: LevelHistoryTable;
  badge_awards: BadgeAwardsTable;
  webinar_attendance: WebinarAttendanceTable;
  assessment_results: AssessmentResultsTable;
  activities: ActivitiesTable;
  reading_log: ReadingLogTable;
  mentorships: MentorshipsTable;
  award_nominations: AwardNominationsTable;
  module_tasks: ModuleTasksTable;
  profiles: ProfilesTable;
}

// ---- professional directory (migration 2026-11-23T1310_profiles) ----
// Interfaces merge: these add the directory's columns and tables to the ones above.
export type Proficiency = "emerging" | "proficient" | "advanced";
export type ProfileVisibility = "public" | "members" | "hidden";

export interface ProfilesTable {
  languages: Generated<string[]>;
  years_customer_facing: ColumnType<number | null, number | string | null | undefined, number | string | null>;
  years_managing: ColumnType<number | null, number | string | null | undefined, number | string | null>;
  open_to_opportunities: Generated<boolean>;
  is_mentor: Generated<boolean>;
  linkedin_url: string | null;
  website_url: string | null;
  phone: string | null;
  created_at: Generated<Date>;
}

export interface ProfileCompetenciesTable {
  user_id: number;
  competency: string;
  proficiency: Proficiency;
  updated_at: Generated<Date>;
}

export interface EndorsementsTable {
  id: Generated<number>;
  user_id: number;
  competency: string;
  endorser_id: number;
  created_at: Generated<Date>;
  /** the endorser's sentence on the work they saw (migration 2026-12-06T1900_competency_evidence) */
  statement: Generated<string>;
  /** the proficiency vouched for: it backs a claim at that proficiency or below */
  proficiency: Proficiency | null;
  relation: Generated<"mentor" | "tutor" | "leader">;
}

export interface DesignationsTable {
  id: Generated<number>;
  user_id: number;
  code: string;
  awarded_on: ColumnType<string, string, string>;
  recorded_by: number | null;
  created_at: Generated<Date>;
}

export interface RecruiterOrganisationsTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  website: string;
  country: string;
  registration_number: Generated<string>;
  contact_role: Generated<string>;
  description: Generated<string>;
  status: Generated<"pending" | "verified" | "rejected" | "revoked">;
  decided_by: number | null;
  decided_at: Date | null;
  decision_reason: string | null;
  created_at: Generated<Date>;
}

export interface SavedSearchesTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  query: string;
  created_at: Generated<Date>;
}

export interface ShortlistsTable {
  recruiter_id: number;
  member_id: number;
  note: Generated<string>;
  created_at: Generated<Date>;
}

export interface ContactRequestsTable {
  id: Generated<number>;
  recruiter_id: number;
  member_id: number;
  message: string;
  status: Generated<"pending" | "accepted" | "declined">;
  created_at: Generated<Date>;
  decided_at: Date | null;
}

export interface RecruiterBlocksTable {
  member_id: number;
  recruiter_id: number;
  created_at: Generated<Date>;
}

export interface Database {
  profile_competencies: ProfileCompetenciesTable;
  endorsements: EndorsementsTable;
  designations: DesignationsTable;
  recruiter_organisations: RecruiterOrganisationsTable;
  saved_searches: SavedSearchesTable;
  shortlists: ShortlistsTable;
  contact_requests: ContactRequestsTable;
  recruiter_blocks: RecruiterBlocksTable;
}

// Badges (db/migrations/2026-11-23T1320_badges.ts)
export interface SigningKeysTable {
  id: Generated<number>;
  thumbprint: string;
  alg: "EdDSA";
  public_jwk: Json;
  private_jwk: Json;
  created_at: Generated<Date>;
  retired_at: Date | null;
}

export interface Database {
  signing_keys: SigningKeysTable;
}

// Learning groups, tutor clock, readiness, appeals (db/migrations/2026-11-23T1410_learning_groups.ts)
export interface LearningGroupsTable {
  id: Generated<number>;
  name: string;
  starts_on: string;
  ends_on: string;
  tutor_id: number;
  category_id: number;
  capacity: Generated<number>;
  created_by: number | null;
  created_at: Generated<Date>;
  archived_at: Date | null;
}

export interface LearningGroupMembersTable {
  group_id: number;
  user_id: number;
  added_by: number | null;
  joined_at: Generated<Date>;
}

export interface TutorQuestionsTable {
  id: Generated<number>;
  group_id: number;
  topic_id: number;
  post_id: number;
  asked_by: number | null;
  asked_at: Date;
  answered_at: Date | null;
  answered_by: number | null;
  answer_post_id: number | null;
  tutor_notified_at: Date | null;
  staff_notified_at: Date | null;
}

export interface AssessmentReadinessTable {
  id: Generated<number>;
  user_id: number;
  group_id: number | null;
  note: string;
  marked_by: number | null;
  marked_at: Generated<Date>;
  withdrawn_at: Date | null;
  withdrawn_by: number | null;
}

export interface AppealsTable {
  id: Generated<number>;
  user_id: number;
  subject_type: string;
  subject_id: number;
  reason: string;
  status: Generated<"pending" | "upheld" | "dismissed">;
  decided_by: number | null;
  decided_at: Date | null;
  decision_reason: string | null;
  created_at: Generated<Date>;
  remedy: AppealRemedy | null;
}
export type AppealRemedy = "retake" | "regrade" | "annul";

export interface Database {
  learning_groups: LearningGroupsTable;
  learning_group_members: LearningGroupMembersTable;
  tutor_questions: TutorQuestionsTable;
  assessment_readiness: AssessmentReadinessTable;
  appeals: AppealsTable;
}

// Events and awards (db/migrations/2026-11-23T1420_events_awards.ts)
export type EventKind = "webinar" | "conference" | "meetup" | "training";

export interface EventsTable {
  id: Generated<number>;
  kind: EventKind;
  webinar: string | null;
  title: string;
  description_markdown: Generated<string>;
  description_html: Generated<string>;
  starts_at: Timestamp;
  ends_at: Timestamp;
  time_zone: string;
  online_url: string | null;
  place: string | null;
  capacity: number | null;
  status: Generated<"draft" | "published" | "cancelled">;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  sequence: Generated<number>;
  // French beside the English (2026-12-06T1900_event_french); null: not translated
  title_fr: string | null;
  description_markdown_fr: string | null;
  description_html_fr: string | null;
}

export interface EventWaitlistTable {
  event_id: number;
  user_id: number;
  created_at: Generated<Date>;
}

export interface EventRsvpsTable {
  event_id: number;
  user_id: number;
  created_at: Generated<Date>;
}

export interface EventCheckinCodesTable {
  id: Generated<number>;
  event_id: number;
  code: string;
  expires_at: Timestamp;
  created_by: number | null;
  created_at: Generated<Date>;
}

export interface EventAttendanceTable {
  event_id: number;
  user_id: number;
  source: "staff" | "checkin";
  code_id: number | null;
  recorded_by: number | null;
  created_at: Generated<Date>;
}

export interface AwardRoundsTable {
  id: Generated<number>;
  year: number;
  title: string;
  intro: Generated<string>;
  deadline_at: Timestamp;
  results_published_at: Date | null;
  created_by: number | null;
  created_at: Generated<Date>;
}

export interface AwardCategoriesTable {
  id: Generated<number>;
  round_id: number;
  name: string;
  description: Generated<string>;
  position: Generated<number>;
  /** the levels the category is open to (db/migrations/2026-12-06T1300_staff_views.ts) */
  min_level: Generated<number>;
  max_level: Generated<number>;
}

export interface AwardCriteriaTable {
  id: Generated<number>;
  round_id: number;
  name: string;
  position: Generated<number>;
}

export interface AwardJudgesTable {
  category_id: number;
  user_id: number;
  assigned_by: number | null;
  created_at: Generated<Date>;
}

export interface AwardNominationsTable {
  round_id: number | null;
  category_id: number | null;
  achievements: Generated<string>;
  evidence_links: Generated<string[]>;
  updated_at: Generated<Date>;
}

export interface AwardNominationFilesTable {
  id: Generated<number>;
  nomination_id: number;
  storage_key: string;
  file_name: string;
  content_type: "application/pdf" | "image/png" | "image/jpeg" | "image/webp";
  size: number;
  created_at: Generated<Date>;
}

export interface AwardReviewsTable {
  id: Generated<number>;
  nomination_id: number;
  judge_id: number;
  comment: Generated<string>;
  submitted_at: Generated<Date>;
}

export interface AwardScoresTable {
  review_id: number;
  criterion_id: number;
  score: number;
  comment: Generated<string>;
}

export interface AwardWinnersTable {
  category_id: number;
  nomination_id: number;
  badge_award_id: number | null;
  published_by: number | null;
  published_at: Generated<Date>;
}

export interface BadgeAwardsTable {
  award_year: number | null;
}

export interface Database {
  events: EventsTable;
  event_rsvps: EventRsvpsTable;
  event_waitlist: EventWaitlistTable;
  event_checkin_codes: EventCheckinCodesTable;
  event_attendance: EventAttendanceTable;
  award_rounds: AwardRoundsTable;
  award_categories: AwardCategoriesTable;
  award_criteria: AwardCriteriaTable;
  award_judges: AwardJudgesTable;
  award_nomination_files: AwardNominationFilesTable;
  award_reviews: AwardReviewsTable;
  award_scores: AwardScoresTable;
  award_winners: AwardWinnersTable;
}

// Assessment engine (db/migrations/2026-11-23T1430_assessment_engine.ts)
export type AttemptStatus = "open" | "submitted" | "expired";
export type BankOption = { key: string; text: string; correct: boolean };
export type ShownOption = { key: string; text: string };

export interface AssessmentsTable {
  bank_id: number | null;
  bank_tag: string | null;
  question_count: number | null;
  time_limit_minutes: number | null;
  cooldown_hours: Generated<number>;
  readiness_required: Generated<boolean>;
  online: Generated<boolean>;
  reveal_min_bank_ratio: Generated<number>;
}

export interface AssessmentResultsTable {
  attempt_id: number | null;
}

export interface QuestionBanksTable {
  id: Generated<number>;
  name: string;
  description: Generated<string>;
  created_by: number | null;
  created_at: Generated<Date>;
  archived_at: Date | null;
}

export interface BankQuestionsTable {
  id: Generated<number>;
  bank_id: number;
  prompt: string;
  explanation: Generated<string>;
  tags: Generated<string[]>;
  options: ColumnType<BankOption[], string, string>;
  created_by: number | null;
  created_at: Generated<Date>;
  archived_at: Date | null;
}

export interface AssessmentAttemptsTable {
  id: Generated<number>;
  user_id: number;
  assessment: string;
  status: ColumnType<AttemptStatus, AttemptStatus | undefined, AttemptStatus>;
  started_at: Generated<Date>;
  deadline_at: Date | null;
  closed_at: Date | null;
  pass_mark: Numeric | null;
  score: Numeric | null;
  passed: boolean | null;
  cooldown_waived_at: Date | null;
  annulled_at: Date | null;
}

export interface AttemptQuestionsTable {
  attempt_id: number;
  position: number;
  question_id: number;
  prompt: string;
  explanation: Generated<string>;
  options: ColumnType<ShownOption[], string, string>;
  correct: string[];
  selected: string[] | null;
  answered_at: Date | null;
  is_correct: boolean | null;
}

export interface AttemptAnswersTable {
  id: Generated<number>;
  attempt_id: number;
  question_id: number;
  selected: string[];
  at: Generated<Date>;
}

export interface Database {
  question_banks: QuestionBanksTable;
  bank_questions: BankQuestionsTable;
  assessment_attempts: AssessmentAttemptsTable;
  attempt_questions: AttemptQuestionsTable;
  attempt_answers: AttemptAnswersTable;
}

// ---- mentor programme (migration 2026-11-23T1400_mentorship) ----
export type MentorshipStatus = "proposed" | "active" | "completed" | "ended" | "declined" | "withdrawn";

export interface MentorshipsTable {
  cycle_id: number | null;
  request_id: number | null;
  ask_note: string | null;
  decision_note: string | null;
  end_reason: string | null;
  created_at: Generated<Date>;
}

export interface MentorRegistrationsTable {
  user_id: number;
  capacity: number;
  competencies: Generated<string[]>;
  languages: Generated<string[]>;
  time_zone: string;
  pitch: Generated<string>;
  status: Generated<"active" | "paused" | "removed">;
  status_reason: string | null;
  status_changed_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export type RequestedCompetency = { slug: string; level: Proficiency };

export interface MentorshipRequestsTable {
  id: Generated<number>;
  mentee_id: number;
  goals: string;
  competencies: ColumnType<RequestedCompetency[], string, string>;
  language: string;
  availability: Generated<string>;
  time_zone: string;
  status: Generated<"open" | "matched" | "withdrawn">;
  created_at: Generated<Date>;
  closed_at: Date | null;
}

export interface MentorshipCyclesTable {
  id: Generated<number>;
  mentor_id: number;
  topic_id: number | null;
  max_mentees: Generated<number>;
  status: Generated<"active" | "completed" | "ended">;
  started_at: Generated<Date>;
  ends_on: ColumnType<string, string, string>;
  closed_at: Date | null;
  end_reason: string | null;
  matched_by: number | null;
  created_at: Generated<Date>;
}

export type GoalStatus = "not_started" | "in_progress" | "achieved" | "dropped";

export interface MentorshipGoalsTable {
  id: Generated<number>;
  cycle_id: number;
  title: string;
  status: Generated<GoalStatus>;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface MentorshipSessionsTable {
  id: Generated<number>;
  cycle_id: number;
  held_on: ColumnType<string, string, string>;
  duration_minutes: number;
  notes: Generated<string>;
  next_steps: Generated<string>;
  logged_by: number | null;
  created_at: Generated<Date>;
}

export interface MentorshipFeedbackTable {
  cycle_id: number;
  user_id: number;
  role: "mentor" | "mentee";
  rating: number;
  comment: Generated<string>;
  created_at: Generated<Date>;
}

export interface Database {
  mentor_registrations: MentorRegistrationsTable;
  mentorship_requests: MentorshipRequestsTable;
  mentorship_cycles: MentorshipCyclesTable;
  mentorship_goals: MentorshipGoalsTable;
  mentorship_sessions: MentorshipSessionsTable;
  mentorship_feedback: MentorshipFeedbackTable;
}

// ---- two-factor sign-in (migration 2026-12-06T0900_two_factor) ----
export interface UserTwoFactorTable {
  user_id: number;
  secret: string | null;
  enabled_at: Date | null;
  last_step: number | null;
  pending_secret: string | null;
  pending_at: Date | null;
}

export interface TwoFactorRecoveryCodesTable {
  id: Generated<number>;
  user_id: number;
  code_hash: string;
  used_at: Date | null;
  created_at: Generated<Date>;
}

export interface TwoFactorChallengesTable {
  token_hash: string;
  user_id: number;
  redirect_to: Generated<string>;
  attempts: Generated<number>;
  expires_at: Date;
}

export interface Database {
  user_two_factor: UserTwoFactorTable;
  two_factor_recovery_codes: TwoFactorRecoveryCodesTable;
  two_factor_challenges: TwoFactorChallengesTable;
}

// ---- passkeys (migration 2026-12-06T1000_passkeys) ----
export interface PushSubscriptionsTable {
  id: Generated<number>;
  user_id: number;
  endpoint: string;
  p256dh: string;
  auth: string;
  created_at: Generated<Date>;
  last_sent_at: Date | null;
}

export interface PushPreferencesTable {
  user_id: number;
  kinds: string[];
}

export interface PasskeysTable {
  id: Generated<number>;
  user_id: number;
  credential_id: string;
  public_key: Buffer;
  counter: Generated<number>;
  transports: Generated<string[]>;
  name: string;
  created_at: Generated<Date>;
  last_used_at: Date | null;
}

export interface PasskeyChallengesTable {
  challenge: string;
  user_id: number;
  purpose: "register" | "sign_in";
  expires_at: Date;
}

export interface Database {
  passkeys: PasskeysTable;
  push_subscriptions: PushSubscriptionsTable;
  push_preferences: PushPreferencesTable;
  passkey_challenges: PasskeyChallengesTable;
}

// ---- the recruiter's desk (migration 2026-12-06T1150_recruiter_desk) ----
export type ShortlistStage = "new" | "contacted" | "interviewing" | "hired" | "not_fit";

export interface ShortlistsTable {
  stage: Generated<ShortlistStage>;
  updated_at: Generated<Date>;
}

export interface SavedSearchesTable {
  alerts: Generated<boolean>;
  unsubscribe_token: string | null;
}

export interface SavedSearchSeenTable {
  saved_search_id: number;
  member_id: number;
  notified_at: Date | null;
  created_at: Generated<Date>;
}

export interface ContactMessagesTable {
  id: Generated<number>;
  request_id: number;
  sender_id: number;
  body: string;
  created_at: Generated<Date>;
}

export interface Database {
  saved_search_seen: SavedSearchSeenTable;
  contact_messages: ContactMessagesTable;
}

// Portfolio with panel review (db/migrations/2026-12-06T1800_portfolios.ts)
export type PortfolioStatus = "draft" | "submitted" | "approved" | "declined";

export interface PortfoliosTable {
  id: Generated<number>;
  user_id: number;
  /** the level_requirements row (kind 'portfolio') the portfolio answers */
  requirement_id: number;
  status: Generated<PortfolioStatus>;
  submitted_at: Date | null;
  interview_starts_at: Date | null;
  interview_ends_at: Date | null;
  interview_place: string | null;
  /** bumped when the interview moves, so calendars replace their copy */
  interview_sequence: Generated<number>;
  decision_reasons: string | null;
  decided_by: number | null;
  decided_at: Date | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface PortfolioProjectsTable {
  id: Generated<number>;
  portfolio_id: number;
  title: string;
  description: string;
  position: Generated<number>;
}

export interface PortfolioFilesTable {
  id: Generated<number>;
  portfolio_id: number;
  file_key: string;
  file_name: string;
  content_type: string;
  size: number;
  created_at: Generated<Date>;
}

export interface PortfolioReferencesTable {
  id: Generated<number>;
  portfolio_id: number;
  name: string;
  email: string;
  phone: string | null;
  organisation: Generated<string>;
  relationship: string;
  /** SHA-256 of the confirmation link's token (the token itself is only in the mail) */
  token_hash: string | null;
  requested_at: Date | null;
  answered_at: Date | null;
  confirmed: boolean | null;
  statement: string | null;
  position: Generated<number>;
}

export interface PortfolioReviewsTable {
  id: Generated<number>;
  portfolio_id: number;
  reviewer_id: number;
  assigned_by: number | null;
  assigned_at: Generated<Date>;
  scores: ColumnType<unknown, string | null | undefined, string | null>;
  submitted_at: Date | null;
}

export interface Database {
  portfolios: PortfoliosTable;
  portfolio_projects: PortfolioProjectsTable;
  portfolio_files: PortfolioFilesTable;
  portfolio_references: PortfolioReferencesTable;
  portfolio_reviews: PortfolioReviewsTable;
}

// ---- CPD to keep a credential (migration 2026-12-06T1800_cpd) ----
export interface CpdPoliciesTable {
  id: Generated<number>;
  level: number | null;
  designation: string | null;
  points_per_year: number;
  activity_points: number;
  event_points: number;
  course_points: number;
  book_points: number;
  /** CPD years that began before this day are not judged */
  counts_from: ColumnType<string, string, string>;
  updated_by: number | null;
  updated_at: Generated<Date>;
}

export interface CpdEventsTable {
  id: Generated<number>;
  user_id: number;
  /** "level:3" or "designation:CCSM" */
  credential: string;
  badge_award_id: number | null;
  event: "lapsed" | "reinstated";
  occurred_on: ColumnType<string, string, string>;
  points: number;
  required: number;
  recorded_at: Generated<Date>;
}

export interface BadgeAwardsTable {
  cpd_lapsed_on: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface DesignationsTable {
  cpd_lapsed_on: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface Database {
  cpd_policies: CpdPoliciesTable;
  cpd_events: CpdEventsTable;
}

// Competency claims backed by evidence (db/migrations/2026-12-06T1900_competency_evidence.ts)
export interface CompetenciesTable {
  /** the framework's own description of each proficiency, French beside it */
  emerging: Generated<string>;
  emerging_fr: string | null;
  proficient: Generated<string>;
  proficient_fr: string | null;
  advanced: Generated<string>;
  advanced_fr: string | null;
}

export interface AssessmentsTable {
  /** the capabilities a pass is evidence of */
  competencies: Generated<string[]>;
}

/** A member's private self-assessment and target proficiency per capability (they and their mentor see it). */
export interface CompetencyPlansTable {
  user_id: number;
  competency: string;
  self_assessed: Proficiency | null;
  target: Proficiency | null;
  updated_at: Generated<Date>;
}

export interface Database {
  competency_plans: CompetencyPlansTable;
}

/** A form posted after its sender's session ended, kept for a day to be given back after sign-in. */
export interface HeldFormsTable {
  id: Generated<number>;
  /** SHA-256 (hex) of the random token in the tp_held cookie */
  token_hash: string;
  /** the member of the ended session when the cookie still named one; else whoever signs in next */
  user_id: number | null;
  /** where the form was posted (path and query) */
  path: string;
  /** the text fields in order, as [name, value] pairs (repeated names kept; no files, no passwords) */
  fields: ColumnType<[string, string][], string, string>;
  created_at: Generated<Date>;
}

export interface Database {
  held_forms: HeldFormsTable;
}
