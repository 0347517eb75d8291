// Every migration, in order. Listed statically so tsx, vitest and bundlers all load them the same way.
import type { Migration } from "kysely";
import * as foundation from "./2026-11-23T0900_foundation";
import * as forum from "./2026-11-23T1000_forum";
import * as competencies from "./2026-11-23T1030_competencies";
import * as progression from "./2026-11-23T1100_progression";
import * as forumSearch from "./2026-11-23T1210_forum_search";
import * as topicsPinnedIndex from "./2026-11-23T1215_topics_pinned_index";
import * as profiles from "./2026-11-23T1310_profiles";
import * as badges from "./2026-11-23T1320_badges";
import * as mentorship from "./2026-11-23T1400_mentorship";
import * as learningGroups from "./2026-11-23T1410_learning_groups";
import * as eventsAwards from "./2026-11-23T1420_events_awards";
import * as assessmentEngine from "./2026-11-23T1430_assessment_engine";
import * as rateLimits from "./2026-11-23T1655_rate_limits";
import * as topicPosters from "./2026-12-05T0900_topic_posters";
import * as directoryCompetencyAttributes from "./2026-12-05T2300_directory_competency_attributes";
import * as hashedSessions from "./2026-12-06T0900_hashed_sessions";
import * as twoFactor from "./2026-12-06T0900_two_factor";
import * as composerDrafts from "./2026-12-06T0910_composer_drafts";
import * as firstUnread from "./2026-12-06T1500_first_unread";
import * as remediesWaitlistsSequence from "./2026-12-06T0940_remedies_waitlists_sequence";
import * as passkeys from "./2026-12-06T1000_passkeys";
import * as outboxDeadLetters from "./2026-12-06T1200_outbox_dead_letters";
import * as topicTracking from "./2026-12-06T1130_topic_tracking";
import * as recruiterDesk from "./2026-12-06T1150_recruiter_desk";
import * as staffViews from "./2026-12-06T1300_staff_views";
import * as programmeFrench from "./2026-12-06T1130_programme_french";
import * as directoryPlacesLanguages from "./2026-12-06T1200_directory_places_languages";
import * as directoryCompetencyFrench from "./2026-12-06T1500_directory_competency_french";
import * as watchingMail from "./2026-12-06T1900_watching_mail";
import * as requirementRoutes from "./2026-12-06T1500_requirement_routes";
import * as unreadNotifications from "./2026-12-06T1800_unread_notifications";
import * as eventFrench from "./2026-12-06T1900_event_french";
import * as hashtagTitles from "./2026-12-06T1905_hashtag_titles";
import * as webPush from "./2026-12-06T1900_web_push";
import * as portfolios from "./2026-12-06T1800_portfolios";
import * as cpd from "./2026-12-06T1800_cpd";
import * as competencyEvidence from "./2026-12-06T1900_competency_evidence";
import * as composerSuggestShortcuts from "./2026-12-06T2200_composer_suggest_shortcuts";
import * as topicSlugIndex from "./2026-12-06T2210_topic_slug_index";
import * as postUploads from "./2026-12-06T2200_post_uploads";
import * as draftOrder from "./2026-12-07T0000_draft_order";
import * as topicActions from "./2026-12-07T0700_topic_actions";
import * as boundedSearchVector from "./2026-12-07T1700_bounded_search_vector";
import * as heldForms from "./2026-12-07T2100_held_forms";
import * as personalMessages from "./2026-12-06T2200_personal_messages";

export const migrations: Record<string, Migration> = {
  "2026-11-23T0900_foundation": foundation,
  "2026-11-23T1000_forum": forum,
  "2026-11-23T1030_competencies": competencies,
  "2026-11-23T1100_progression": progression,
  "2026-11-23T1210_forum_search": forumSearch,
  "2026-11-23T1215_topics_pinned_index": topicsPinnedIndex,
  "2026-11-23T1310_profiles": profiles,
  "2026-11-23T1320_badges": badges,
  "2026-11-23T1400_mentorship": mentorship,
  "2026-11-23T1410_learning_groups": learningGroups,
  "2026-11-23T1420_events_awards": eventsAwards,
  "2026-11-23T1430_assessment_engine": assessmentEngine,
  "2026-11-23T1655_rate_limits": rateLimits,
  "2026-12-05T0900_topic_posters": topicPosters,
  "2026-12-05T2300_directory_competency_attributes": directoryCompetencyAttributes,
  "2026-12-06T0900_hashed_sessions": hashedSessions,
  "2026-12-06T0900_two_factor": twoFactor,
  "2026-12-06T0910_composer_drafts": composerDrafts,
  "2026-12-06T0940_remedies_waitlists_sequence": remediesWaitlistsSequence,
  "2026-12-06T1000_passkeys": passkeys,
  "2026-12-06T1200_outbox_dead_letters": outboxDeadLetters,
  "2026-12-06T1130_topic_tracking": topicTracking,
  "2026-12-06T1150_recruiter_desk": recruiterDesk,
  "2026-12-06T1300_staff_views": staffViews,
  "2026-12-06T1130_programme_french": programmeFrench,
  "2026-12-06T1200_directory_places_languages": directoryPlacesLanguages,
  "2026-12-06T1500_first_unread": firstUnread,
  "2026-12-06T1500_directory_competency_french": directoryCompetencyFrench,
  "2026-12-06T1500_requirement_routes": requirementRoutes,
  "2026-12-06T1800_unread_notifications": unreadNotifications,
  "2026-12-06T1900_event_french": eventFrench,
  "2026-12-06T1905_hashtag_titles": hashtagTitles,
  "2026-12-06T1900_watching_mail": watchingMail,
  "2026-12-06T1900_web_push": webPush,
  "2026-12-06T1800_portfolios": portfolios,
  "2026-12-06T1800_cpd": cpd,
  "2026-12-06T1900_competency_evidence": competencyEvidence,
  "2026-12-06T2200_composer_suggest_shortcuts": composerSuggestShortcuts,
  "2026-12-06T2210_topic_slug_index": topicSlugIndex,
  "2026-12-06T2200_post_uploads": postUploads,
  "2026-12-06T2200_personal_messages": personalMessages,
  "2026-12-07T0000_draft_order": draftOrder,
  "2026-12-07T0700_topic_actions": topicActions,
  "2026-12-07T1700_bounded_search_vector": boundedSearchVector,
  "2026-12-07T2100_held_forms": heldForms,
};
