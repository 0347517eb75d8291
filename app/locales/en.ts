// English interface strings. Every user-facing string goes through i18next with these keys.
// Big feature areas keep their strings in their own file, spread in here.
import forum from "./en-forum";
import search from "./en-search";
import feeds from "./en-feeds";
import progress from "./en-progress";
import progressGuide from "./en-progress-guide";
import moderation from "./en-moderation";
import directory from "./en-directory";
import badges from "./en-badges";
import language from "./en-language";
import privacy from "./en-privacy";
import groups from "./en-groups";
import mentorship from "./en-mentorship";
import assessments from "./en-assessments";
import events from "./en-events";
import awards from "./en-awards";
import security from "./en-security";
import accountSecurity from "./en-account-security";
import startup from "./en-startup";
import twoFactor from "./en-two-factor";
import passkeys from "./en-passkeys";
import jobs from "./en-jobs";
import emailReach from "./en-email-reach";
import desk from "./en-desk";
import staffViews from "./en-staff-views";
import directoryRelevance from "./en-directory-relevance";
import credentialRoutes from "./en-credential-routes";
import reach from "./en-reach";
import portfolio from "./en-portfolio";
import cpd from "./en-cpd";
import evidence from "./en-evidence";
import keys from "./en-keys";
import topicTools from "./en-topic-tools";
import uploads from "./en-uploads";
import messages from "./en-messages";
import held from "./en-held";

const en = {
  ...mentorship,
  ...privacy,
  ...forum,
  ...search,
  ...feeds,
  ...progress,
  ...progressGuide,
  ...moderation,
  ...directory,
  ...badges,
  ...language,
  ...groups,
  ...assessments,
  ...events,
  ...awards,
  ...security,
  ...accountSecurity,
  ...startup,
  ...twoFactor,
  ...passkeys,
  ...jobs,
  ...emailReach,
  ...desk,
  ...staffViews,
  ...directoryRelevance,
  ...credentialRoutes,
  ...reach,
  ...portfolio,
  ...cpd,
  ...evidence,
  ...keys,
  ...topicTools,
  ...uploads,
  ...messages,
  ...held,
  site: {
    name: "Touchpoints",
    tagline: "Building the next generation of customer experience leaders for Africa",
  },
  nav: {
    main: "Main",
    forum: "Forum",
    directory: "Directory",
    signIn: "Sign in",
    signUp: "Join",
    signOut: "Sign out",
    skip: "Skip to content",
    account: "Your account",
    review: "Review ({{count}})",
    events: "Events",
    awards: "Awards",
    judging: "Judging",
    recruiter: "Recruiter desk",
    profile: "Your profile",
    editProfile: "Edit your profile",
    assessments: "Assessments",
    activities: "Your activities",
    reading: "Your reading log",
    appeals: "Your appeals",
    bookmarks: "Bookmarks",
    contacts: "Contact requests",
    notificationSettings: "Notification settings",
    language: "Language",
    myData: "Your data",
  },
  footer: {
    about: "A community for customer-service professionals across Africa.",
    privacy: "Privacy",
    language: "Language",
  },
  home: {
    title: "Welcome to Touchpoints",
    intro:
      "Touchpoints is the community of the Customer Service Career Development Journey: discuss the curriculum with peers, log your progress through the four levels, and get found by recruiters.",
    levelsTitle: "The four levels",
    level1: "Customer Service Junior Practitioner",
    level2: "Customer Service Professional",
    level3: "Customer Service Manager",
    level4: "Customer Experience Leader",
    welcome: "Welcome to Touchpoints, {{name}}.",
    welcomeBack: "Welcome back, {{name}}.",
    joinCta: "Join the community",
  },
  form: {
    fixErrors_one: "Please fix the field marked below.",
    fixErrors_other: "Please fix the {{count}} fields marked below.",
    required: "This field is required.",
    tooLong: "This is too long: at most {{max}} characters.",
    sending: "Sending…",
  },
  signup: {
    title: "Join Touchpoints",
    email: "Email",
    username: "Username",
    usernameHint: "3 to 30 letters, digits or underscores. Others will mention you as @username.",
    displayName: "Full name",
    password: "Password",
    passwordHint: "At least 10 characters. Avoid common passwords.",
    submit: "Create my account",
    haveAccount: "Already a member?",
    errors: {
      email: "Enter an email address like name@example.com.",
      emailTooLong: "An email address has at most 254 characters.",
      emailTaken: "An account already uses this email. Sign in or reset your password.",
      username: "Use 3 to 30 letters, digits or underscores.",
      usernameTaken: "This username is taken. Try another one.",
      usernameReserved: "This username is reserved. Try another one.",
      displayName: "Enter your name (1 to 80 characters).",
      passwordShort: "Use at least 10 characters.",
      passwordLong: "Use at most 200 characters.",
      passwordCommon: "This password is among the most common ones and easy to guess. Choose another.",
      passwordPersonal: "Your password must not contain your username or email.",
    },
  },
  login: {
    title: "Sign in",
    email: "Email or username",
    password: "Password",
    submit: "Sign in",
    forgot: "Forgot your password?",
    noAccount: "New here?",
    invalid: "The email or password is not right. Check them and try again.",
    throttled: "Too many failed sign-ins. Try again after {{time}}.",
    missing: "Enter your email and password.",
  },
  logout: {
    title: "Sign out",
    confirm: "Sign out of Touchpoints on this device?",
  },
  forgot: {
    title: "Reset your password",
    intro: "Enter your account email. We will send you a link to choose a new password; it works once, for one hour.",
    email: "Email",
    submit: "Send the link",
    sent: "If an account uses this email, a reset link is on its way. Check your inbox.",
    mailSubject: "Reset your Touchpoints password",
    mailBody:
      "Hello {{name}},\n\nSomeone (hopefully you) asked to reset your Touchpoints password. Open this link within one hour to choose a new one:\n\n{{url}}\n\nIf you did not ask, ignore this email: your password stays the same.",
  },
  reset: {
    title: "Choose a new password",
    password: "New password",
    submit: "Save my new password",
    invalid: "This reset link is invalid, used or expired. Ask for a new one.",
    again: "Ask for a new link",
  },
  errors: {
    title: "Something went wrong",
    notFoundTitle: "Page not found",
    notFound: "We could not find this page. It may have moved, or you may not have access to it.",
    forbiddenTitle: "Not allowed",
    forbidden: "You do not have permission to do this.",
    unavailableTitle: "Temporarily unavailable",
    unavailable: "The service is temporarily unavailable. Please try again in a minute.",
    serverError: "An unexpected error happened on our side. Your data is safe. Please try again.",
    requestId: "Reference: {{id}}",
    home: "Go to the home page",
    origin: "This request came from another site and was refused to protect your account.",
    tooMany: "Too many requests. Please slow down and try again shortly.",
    badRequestTitle: "Address not valid",
    badRequest:
      "This address contains characters no page of ours can have. Check the link, or start again from the home page.",
  },
};

export default en;
export type Messages = typeof en;
