// A member's data download page; the ZIP itself comes from my.data[.]zip.ts (POST: it is audited).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { FormError } from "~/components/field";
import type { PageHandle } from "~/web/enhance";
import { sharedI18n } from "~/i18n";
import { EXPORT_INTERVAL_SECONDS } from "~/models/account/data-export.server";
import type { RootData } from "~/web/root-data";
import { useTranslation } from "~/use-translation";
import { requireViewer } from "~/viewer.server";

export const handle: PageHandle = { hydrate: false };

export const meta: MetaFunction = ({ matches }) => {
  const root = matches.find((m) => m.id === "root")?.data as RootData | undefined;
  return [
    { title: `${sharedI18n(root?.locale ?? "en").t("privacy.export.title")} · Touchpoints` },
    { name: "robots", content: "noindex" },
  ];
};

const PROBLEMS = ["tooSoon", "tooBig"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireViewer(request);
  // a refused download (my.data[.]zip.ts) comes back here with what went wrong
  const problem = new URL(request.url).searchParams.get("problem");
  return { problem: PROBLEMS.find((p) => p === problem) ?? null, seconds: EXPORT_INTERVAL_SECONDS };
}

const CONTENTS = ["account", "profile", "posts", "reactions", "progress", "contacts"] as const;

export default function MyData() {
  const { t } = useTranslation();
  const { problem, seconds } = useLoaderData<typeof loader>();
  return (
    <div className="page narrow">
      <h1>{t("privacy.export.title")}</h1>
      <FormError message={problem ? `privacy.export.${problem}` : null} values={{ seconds }} />
      <p>{t("privacy.export.intro")}</p>
      <ul>
        {CONTENTS.map((k) => (
          <li key={k}>{t(`privacy.export.contents.${k}`)}</li>
        ))}
      </ul>
      <p>{t("privacy.export.others")}</p>
      <Form method="post" action="/my/data.zip" reloadDocument>
        <button type="submit">{t("privacy.export.submit")}</button>
      </Form>
      <p>
        <Link to="/privacy">{t("privacy.export.privacyLink")}</Link> ·{" "}
        <Link to="/my/delete-account">{t("privacy.export.deleteLink")}</Link>
      </p>
    </div>
  );
}
