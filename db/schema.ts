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

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  user_roles: UserRolesTable;
  audit_log: AuditLogTable;
  login_failures: LoginFailuresTable;
  password_reset_tokens: PasswordResetTokensTable;
  outbox: OutboxTable;
}
