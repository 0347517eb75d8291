// Every job kind is registered here (imported once by background.server.ts and by tests).
import "./account-mail.server";
import "./forum-notifications.server";
import "./notification-email.server";
import "./progress.server";
import "./search.server";
import "./profile-index.server";
import "./tutor-clock.server";
import "./tutor-question.server";
import "./search-alerts.server";
