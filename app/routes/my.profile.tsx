// The member edits their profile (plain form) and uploads a photo (multipart form, size-limited
// before and while reading: a big upload gets a sentence, never a 500, and nothing is stored).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  data,
  MaxPartSizeExceededError,
  redirect,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/use-translation";
import { Avatar } from "~/components/avatar";
import { Field, FormError, fieldsOf } from "~/components/field";
import { Select, TextArea } from "~/components/form-extras";
import { rateLimit, userKey } from "~/models/account/rate-limit.server";
import { parseForm } from "~/models/shared/forms.server";
import { PHOTO_MAX_BYTES, deletePhoto, storePhoto } from "~/models/directory/photo.server";
import { getOwnProfile, listCompetencies, setProfilePhoto, updateProfile } from "~/models/directory/profile.server";
import {
  ACHIEVEMENTS_MAX,
  BIO_MAX,
  COUNTRIES,
  LANGUAGES,
  OTHER_LANGUAGES,
  PROFICIENCIES,
  ProfileSchema,
  countryName,
  languageCodeOf,
  languageName,
  profileFormInput,
} from "~/models/directory/profile.schema";
import { requireViewer } from "~/viewer.server";
import { pageTitle } from "~/web/page-title";
import { localized } from "~/models/shared/localized";
import { db } from "~/db.server";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "profile.editTitle") },
  { name: "robots", content: "noindex" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const [profile, competencies] = await Promise.all([getOwnProfile({ userId: viewer.id }), listCompetencies(db)]);
  return { profile, competencies, username: viewer.username, displayName: viewer.displayName };
}

type ActionData = {
  formError?: string;
  errorValues?: Record<string, unknown>;
  fields?: Partial<Record<string, string>>;
  values?: Record<string, unknown>;
  photoError?: string;
};

async function uploadPhoto(request: Request, userId: number) {
  const declared = Number(request.headers.get("content-length") ?? "0");
  // multipart framing adds a little: refuse what cannot fit before reading it
  if (declared > PHOTO_MAX_BYTES + 64 * 1024)
    return data<ActionData>({ photoError: "profile.photo.errors.tooBig" }, 413);
  const limited = await rateLimit("photo", userKey(userId));
  if (limited) return data<ActionData>({ photoError: limited.message, errorValues: limited.values }, limited.status);
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({ maxPartSize: PHOTO_MAX_BYTES }),
    );
  } catch (e) {
    if (e instanceof MaxPartSizeExceededError)
      return data<ActionData>({ photoError: "profile.photo.errors.tooBig" }, 413);
    return data<ActionData>({ photoError: "profile.photo.errors.unreadable" }, 400);
  }
  const file = form.get("photo");
  if (!file || typeof file === "string" || file.size === 0)
    return data<ActionData>({ photoError: "profile.photo.errors.empty" }, 422);
  const stored = await storePhoto({ userId, data: new Uint8Array(await file.arrayBuffer()) });
  if (!stored.ok) return data<ActionData>({ photoError: stored.message, errorValues: stored.values }, stored.status);
  const { previousKey } = await setProfilePhoto({ userId, key: stored.key });
  await deletePhoto(previousKey);
  return redirect("/my/profile?saved=photo");
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  if ((request.headers.get("content-type") ?? "").startsWith("multipart/form-data"))
    return uploadPhoto(request, viewer.id);
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return data<ActionData>({ formError: "form.fixErrors" }, 400);
  }
  if (form.get("intent") === "removePhoto") {
    const { previousKey } = await setProfilePhoto({ userId: viewer.id, key: null });
    await deletePhoto(previousKey);
    return redirect("/my/profile?saved=photoRemoved");
  }
  const input = profileFormInput(form);
  const parsed = parseForm(ProfileSchema, input);
  const values = { ...input, languages: input.languages.filter(Boolean) };
  if (!parsed.ok)
    return data<ActionData>(
      { formError: parsed.formError, fields: parsed.fields as Record<string, string>, values },
      422,
    );
  const limited = await rateLimit("profileEdit", userKey(viewer.id));
  if (limited)
    return data<ActionData>(
      { formError: limited.message, errorValues: limited.values, fields: {}, values },
      limited.status,
    );
  const result = await updateProfile({ userId: viewer.id, input: parsed.data });
  if (!result.ok)
    return data<ActionData>(
      { formError: result.message, fields: result.fields as Record<string, string>, values },
      result.status,
    );
  return redirect("/my/profile?saved=profile");
}

export default function MyProfile() {
  const { t, i18n } = useTranslation();
  const { profile, competencies, username, displayName } = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const [params] = useSearchParams();
  const saved = params.get("saved");
  const v = (actionData?.values ?? {}) as Record<string, unknown>;
  const val = (k: keyof typeof profile) => String(v[k] ?? profile[k] ?? "");
  const f = actionData?.fields ?? {};
  const lang = i18n.language || "en";
  const chosenLanguages = new Set<string>(
    ((v.languages as string[] | undefined) ?? profile.languages).flatMap((s) =>
      s.split(/[,;\n]+/).map((x) => x.trim()),
    ),
  );
  // shown as names in the reader's language; whatever does not read as a language stays as typed
  const otherLanguages = [...chosenLanguages]
    .filter((l) => l && !(LANGUAGES as readonly string[]).includes(l))
    .map((l) => (languageCodeOf(l) ? languageName(languageCodeOf(l)!, lang) : l))
    .join(", ");
  const chosenCompetencies = (v.competencies as Record<string, string> | undefined) ?? profile.competencies;
  const field = fieldsOf(
    (name) => t(`profile.form.${name}`),
    (name) => val(name as keyof typeof profile),
    f,
  );
  const bool = (k: "openToOpportunities") => (actionData?.values ? !!v[k] : profile[k]);
  const visibility = String(v.visibility ?? profile.visibility);
  return (
    <div className="page profile-edit">
      <h1>{t("profile.editTitle")}</h1>
      <p>{t("profile.form.intro")}</p>
      <p>
        <Link to={`/u/${username}`}>{t("profile.view")}</Link>
      </p>
      {saved ? (
        <p className="notice" role="status">
          {saved === "photo"
            ? t("profile.photo.saved")
            : saved === "photoRemoved"
              ? t("profile.photo.removed")
              : t("profile.form.saved")}
        </p>
      ) : null}

      <section aria-labelledby="photo-title" className="photo-section">
        <h2 id="photo-title">{t("profile.photo.title")}</h2>
        <Avatar name={displayName} src={profile.photo} size={96} />
        <Form method="post" encType="multipart/form-data" reloadDocument>
          <div className="field">
            <label htmlFor="photo-input">{t("profile.photo.label")}</label>
            <p className="hint" id="photo-hint">
              {t("profile.photo.hint")}
            </p>
            <input
              id="photo-input"
              type="file"
              name="photo"
              accept="image/jpeg,image/png,image/webp"
              required
              aria-invalid={actionData?.photoError ? true : undefined}
              aria-describedby={actionData?.photoError ? "photo-error photo-hint" : "photo-hint"}
            />
            {actionData?.photoError ? (
              <p className="field-error" id="photo-error" role="alert">
                {t(actionData.photoError, actionData.errorValues)}
              </p>
            ) : null}
          </div>
          <button type="submit">{t("profile.photo.submit")}</button>
        </Form>
        {profile.hasPhoto ? (
          <Form method="post">
            <input type="hidden" name="intent" value="removePhoto" />
            <button type="submit" className="secondary">
              {t("profile.photo.remove")}
            </button>
          </Form>
        ) : null}
      </section>

      <Form method="post" className="profile-form" noValidate>
        <FormError
          message={actionData?.formError}
          values={actionData?.errorValues ?? { count: Object.keys(f).length }}
        />
        <fieldset>
          <legend>{t("profile.form.identity")}</legend>
          {field("jobTitle", { maxLength: 100 })}
          {field("organisation", { maxLength: 120 })}
          <Select label={t("profile.form.country")} name="country" defaultValue={val("country")} error={f.country}>
            <option value="">{t("profile.form.countryNone")}</option>
            {COUNTRIES.map((c) => (
              <option key={c} value={c}>
                {countryName(c, lang)}
              </option>
            ))}
          </Select>
          {field("city", { maxLength: 80 })}
          <fieldset className="checkbox-grid">
            <legend>{t("profile.form.languages")}</legend>
            {LANGUAGES.map((l) => (
              <label key={l}>
                <input type="checkbox" name="languages" value={l} defaultChecked={chosenLanguages.has(l)} />{" "}
                {languageName(l, lang)}
              </label>
            ))}
          </fieldset>
          <Field
            label={t("profile.form.otherLanguages")}
            name="otherLanguages"
            defaultValue={otherLanguages}
            maxLength={200}
            error={f.languages}
            list="other-language-names"
            autoComplete="off"
          />
          {/* suggestions without any script: the browser offers the names as one types */}
          <datalist id="other-language-names">
            {OTHER_LANGUAGES.map((l) => (
              <option key={l} value={languageName(l, lang)} />
            ))}
          </datalist>
          <TextArea
            rows={4}
            label={t("profile.form.bio")}
            name="bio"
            hint={t("profile.form.bioHint")}
            defaultValue={val("bio")}
            maxLength={BIO_MAX}
            error={f.bio}
          />
          <TextArea
            label={t("profile.form.achievements")}
            name="achievements"
            hint={t("profile.form.achievementsHint", { max: ACHIEVEMENTS_MAX })}
            defaultValue={val("achievements")}
            error={f.achievements}
            rows={5}
          />
          {field("yearsCustomerFacing", { inputMode: "decimal" })}
          {field("yearsManaging", { inputMode: "decimal" })}
          <div className="field checkbox">
            <label>
              <input type="checkbox" name="openToOpportunities" defaultChecked={bool("openToOpportunities")} />{" "}
              {t("profile.form.openToOpportunities")}
            </label>
          </div>
          <p className="hint">
            <a href="/mentorship">{t("profile.form.isMentor")}</a>
          </p>
          {field("linkedinUrl", { type: "url", maxLength: 300 })}
          {field("websiteUrl", { type: "url", maxLength: 300 })}
          {field("phone", { type: "tel", maxLength: 24 })}
        </fieldset>

        <fieldset>
          <legend>{t("profile.form.competencies")}</legend>
          <p className="hint">{t("profile.form.competenciesHint")}</p>
          {f.competencies ? <p className="field-error">{t(f.competencies)}</p> : null}
          {competencies.map((c) => (
            <Select
              key={c.slug}
              label={localized(c, "name", i18n.language)}
              name={`competency.${c.slug}`}
              defaultValue={chosenCompetencies[c.slug] ?? ""}
            >
              <option value="">{t("profile.form.competencyNone")}</option>
              {PROFICIENCIES.map((p) => (
                <option key={p} value={p}>
                  {t(`profile.proficiency.${p}`)}
                </option>
              ))}
            </Select>
          ))}
        </fieldset>

        <fieldset>
          <legend>{t("profile.form.visibility")}</legend>
          {(["public", "members", "hidden"] as const).map((opt) => (
            <label key={opt} className="radio">
              <input type="radio" name="visibility" value={opt} defaultChecked={visibility === opt} />{" "}
              {t(`profile.form.visibility${opt[0].toUpperCase()}${opt.slice(1)}`)}
            </label>
          ))}
          {f.visibility ? <p className="field-error">{t(f.visibility)}</p> : null}
        </fieldset>
        <button type="submit">{t("profile.form.submit")}</button>
      </Form>
    </div>
  );
}
