// Staff: the outbox's dead letters (jobs that failed every attempt, or could not run at all), with
// the last error, and a way to run each again or discard it.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { TableWrap } from "~/components/form-extras";
import { RelativeTime } from "~/components/relative-time";
import { positiveId, readForm } from "~/web/http.server";
import {
  countDeadLetters,
  discardDeadLetter,
  listDeadLetters,
  retryDeadLetter,
} from "~/models/moderation/dead-letters.server";
import { pageTitle } from "~/web/page-title";
import { requireStaff } from "~/web/staff.server";
import { useTranslation } from "~/use-translation";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "deadLetters.title") }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  const before = positiveId(new URL(request.url).searchParams.get("before"));
  const [count, page] = await Promise.all([countDeadLetters(), listDeadLetters({ before })]);
  return { count, ...page };
}

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireStaff(request);
  const form = await readForm(request);
  const id = positiveId(form.id);
  if (!id || (form.intent !== "retry" && form.intent !== "discard"))
    return data({ error: "deadLetters.gone" }, { status: 400 });
  const done =
    form.intent === "retry"
      ? await retryDeadLetter({ id, actorId: staff.id })
      : await discardDeadLetter({ id, actorId: staff.id });
  if (!done) return data({ error: "deadLetters.gone" }, { status: 404 });
  return redirect(`/admin/jobs?${form.intent === "retry" ? "retried" : "discarded"}=${id}`);
}

export default function DeadLetters() {
  const { t } = useTranslation();
  const d = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const retried = params.get("retried");
  const discarded = params.get("discarded");
  return (
    <div>
      <p>
        <Link to="/admin">{t("admin.dashboard.title")}</Link>
      </p>
      <h1>{t("deadLetters.title")}</h1>
      <p>{t("deadLetters.intro")}</p>
      {retried || discarded ? (
        <p className="notice" role="status">
          {retried ? t("deadLetters.retried", { id: retried }) : t("deadLetters.discarded", { id: discarded })}
        </p>
      ) : null}
      <p>{t("deadLetters.count", { count: d.count })}</p>
      {d.rows.length ? (
        <TableWrap label={t("deadLetters.title")}>
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t("deadLetters.job")}</th>
                <th scope="col">{t("deadLetters.error")}</th>
                <th scope="col">{t("deadLetters.when")}</th>
                <th scope="col">{t("deadLetters.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {d.rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    <code>{r.kind}</code> {`#${r.id}`}
                    {r.payload ? (
                      <>
                        <br />
                        <code>{r.payload}</code>
                      </>
                    ) : null}
                  </td>
                  <td>
                    {t("deadLetters.attempts", { count: r.attempts })}
                    <br />
                    {r.lastError ?? ""}
                  </td>
                  <td>
                    <RelativeTime date={r.deadAt} />
                  </td>
                  <td>
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="id" value={r.id} />
                      <button type="submit" name="intent" value="retry">
                        {t("deadLetters.retry")}
                      </button>
                      <button type="submit" name="intent" value="discard" className="secondary">
                        {t("deadLetters.discard")}
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : (
        <p>{t("deadLetters.none")}</p>
      )}
      {d.next ? (
        <p>
          <Link to={`/admin/jobs?before=${d.next}`}>{t("deadLetters.older")}</Link>
        </p>
      ) : null}
    </div>
  );
}
