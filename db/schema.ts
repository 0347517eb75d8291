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
  silenced_until: Date | null;
  suspended_until: Date | null;
  sanction_reason: string | null;
  deleted_at: Date | null;
}

export interface SessionsTable {
  id: string;
  user_id: number;
  expires_at: Date;
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
  created_at: Generated<Date>;
}

export interface CategoriesTable {
  id: Generated<number>;
  slug: string;
  name: string;
  description: Generated<string>;
  colour: Generated<string>;
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
  bumped_at: Timestamp;
  created_at: Timestamp;
}

export interface TopicAllowedUsersTable {
  topic_id: number;
  user_id: number;
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

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  user_roles: UserRolesTable;
  audit_log: AuditLogTable;
  login_failures: LoginFailuresTable;
  password_reset_tokens: PasswordResetTokensTable;
  outbox: OutboxTable;
  categories: CategoriesTable;
  topics: TopicsTable;
  topic_allowed_users: TopicAllowedUsersTable;
  posts: PostsTable;
  post_revisions: PostRevisionsTable;
  post_likes: PostLikesTable;
  bookmarks: BookmarksTable;
  topic_reads: TopicReadsTable;
  notifications: NotificationsTable;
  notification_settings: NotificationSettingsTable;
  flags: FlagsTable;
  settings: SettingsTable;
}
