// Staff: one awards round. Move the deadline, assign judges per category, read the ranked
// results (mean total score over the judges' reviews) and publish the winners.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useMoment } from "~/components/event-when";
import { Field, FormError } from "~/components/field";
import { TableWrap } from "~/components/form-extras";
import { keepValues, notFound, positiveId, readFormData } from "~/web/http.server";
import { DeadlineSchema, JudgeSchema } from "~/models/awards/award.schema";
import {
  assignJudge,
  getRankedResults,
  getRoundForStaff,
  publishWinners,
  removeJudge,
  updateDeadline,
} from "~/models/awards/award.server";
import { dateToLocalInput } from "~/models/shared/local-time";
import { parseForm, type MessageAnswer } from "~/models/shared/forms.server";
import { requireStaff } from "~/web/staff.server";
import { useTranslation } from "~/use-translation";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.round.title ?? "Awards round"} (staff) · Touchpoints` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  const roundId = positiveId(params.id) ?? 0;
  const found = await getRoundForStaff({ roundId });
  if (!found) notFound();
  const ranked = await getRankedResults({ roundId });
  return {
    ...found,
    results: found.categories.map((c) => ({ categoryId: c.id, nominations: ranked.get(c.id) ?? [] })),
    closed: found.round.deadline_at <= new Date(),
    deadlineInput: dateToLocalInput(found.round.deadline_at, staff.timeZone),
    timeZone: staff.timeZone,
  };
}

type ActionData = MessageAnswer & { intent: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireStaff(request);
  const roundId = positiveId(params.id) ?? 0;
  const read = await readFormData(request);
  if (!read) return data<ActionData>({ intent: "", message: "awards.errors.unreadable" }, { status: 400 });
  const { form, fields } = read;
  const values = keepValues(fields);
  const intent = fields.intent ?? "";
  if (intent === "deadline") {
    const parsed = parseForm(DeadlineSchema, fields);
    if (!parsed.ok)
      return data<ActionData>(
        { intent, message: "awards.errors.deadline", fields: parsed.fields, values },
        { status: 400 },
      );
    const r = await updateDeadline({
      staffId: staff.id,
      roundId,
      deadline: parsed.data.deadline,
      timeZone: staff.timeZone,
    });
    if (!r.ok) return data<ActionData>({ intent, message: r.message, fields: r.fields, values }, { status: r.status });
    return redirect(`/admin/awards/${roundId}?done=deadline`);
  }
  if (intent === "judge") {
    const parsed = parseForm(JudgeSchema, fields);
    if (!parsed.ok)
      return data<ActionData>(
        { intent: `judge-${fields.categoryId}`, message: "awards.errors.username", fields: parsed.fields, values },
        { status: 400 },
      );
    const r = await assignJudge({
      staffId: staff.id,
      categoryId: parsed.data.categoryId,
      username: parsed.data.username,
    });
    if (!r.ok)
      return data<ActionData>(
        { intent: `judge-${fields.categoryId}`, message: r.message, fields: r.fields, values, errorValues: r.values },
        { status: r.status },
      );
    return redirect(`/admin/awards/${roundId}?done=judge#judges`);
  }
  if (intent === "unjudge") {
    const r = await removeJudge({
      staffId: staff.id,
      categoryId: positiveId(fields.categoryId) ?? 0,
      userId: positiveId(fields.userId) ?? 0,
    });
    if (!r.ok) return data<ActionData>({ intent, message: r.message }, { status: r.status });
    return redirect(`/admin/awards/${roundId}?done=unjudge#judges`);
  }
  if (intent === "publish") {
    const ids = form
      .getAll("winner")
      .map((v) => Number(v))
      .filter((n) => Number.isSafeInteger(n) && n > 0);
    const r = await publishWinners({ staffId: staff.id, roundId, nominationIds: ids });
    if (!r.ok) return data<ActionData>({ intent, message: r.message }, { status: r.status });
    return redirect(`/admin/awards/${roundId}?done=published#results`);
  }
  return data<ActionData>({ intent, message: "awards.errors.unreadable" }, { status: 400 });
}

export default function AdminAwardRound() {
  const { t } = useTranslation();
  const moment = useMoment();
  const d = useLoaderData<typeof loader>();
  const res = useActionData<typeof action>();
  const [params] = useSearchParams();
  const done = params.get("done");
  const published = !!d.round.results_published_at;
  return (
    <div>
      <p>
        <Link to="/admin/awards">{t("awards.admin.backToRounds")}</Link>
      </p>
      <h1>{d.round.title}</h1>
      {done ? (
        <p className="notice" role="status">
          {t(`awards.admin.done.${done}`, { defaultValue: t("awards.admin.done.created") })}
        </p>
      ) : null}
      <p>
        {t("awards.deadline", { time: moment(d.round.deadline_at, d.timeZone) })} ·{" "}
        {t("awards.admin.criteriaList", { list: d.criteria.map((c) => c.name).join(", ") })}
      </p>

      {!published ? (
        <section aria-labelledby="deadline" className="card">
          <h2 id="deadline">{t("awards.admin.deadlineTitle")}</h2>
          <FormError message={res?.intent === "deadline" ? res.message : null} />
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="intent" value="deadline" />
            <Field
              label={t("awards.admin.deadline")}
              name="deadline"
              type="datetime-local"
              defaultValue={res?.intent === "deadline" ? res.values?.deadline : d.deadlineInput}
              error={res?.intent === "deadline" ? res.fields?.deadline : undefined}
              hint={t("awards.admin.deadlineHint", { zone: d.timeZone })}
            />
            <div>
              <button type="submit">{t("awards.admin.saveDeadline")}</button>
            </div>
          </Form>
        </section>
      ) : null}

      <section aria-labelledby="judges" className="card">
        <h2 id="judges">{t("awards.admin.judgesTitle")}</h2>
        {d.categories.map((c) => {
          const mine = res?.intent === `judge-${c.id}`;
          return (
            <div key={c.id}>
              <h3>{c.name}</h3>
              {c.judges.length ? (
                <ul>
                  {c.judges.map((j) => (
                    <li key={j.id}>
                      {j.display_name} <span className="muted">@{j.username}</span>{" "}
                      <Form method="post" style={{ display: "inline" }}>
                        <input type="hidden" name="intent" value="unjudge" />
                        <input type="hidden" name="categoryId" value={c.id} />
                        <input type="hidden" name="userId" value={j.id} />
                        <button type="submit" className="link-button">
                          {t("awards.admin.removeJudge", { name: j.display_name })}
                        </button>
                      </Form>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="muted">{t("awards.admin.noJudges")}</p>
              )}
              <Form method="post" className="stack" noValidate>
                <FormError message={mine ? res?.message : null} values={res?.errorValues} />
                <input type="hidden" name="intent" value="judge" />
                <input type="hidden" name="categoryId" value={c.id} />
                <Field
                  label={t("awards.admin.judgeUsername", { category: c.name })}
                  name="username"
                  type="text"
                  defaultValue={mine ? res?.values?.username : ""}
                  error={mine ? res?.fields?.username : undefined}
                  errorValues={res?.errorValues}
                />
                <div>
                  <button type="submit">{t("awards.admin.assign")}</button>
                </div>
              </Form>
            </div>
          );
        })}
      </section>

      <section aria-labelledby="results" className="card">
        <h2 id="results">{t("awards.admin.resultsTitle")}</h2>
        {!d.closed ? <p>{t("awards.admin.resultsAfterDeadline")}</p> : null}
        <FormError message={res?.intent === "publish" ? res.message : null} />
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="publish" />
          {d.categories.map((c) => {
            const list = d.results.find((r) => r.categoryId === c.id)?.nominations ?? [];
            return (
              <div key={c.id}>
                <h3>{c.name}</h3>
                {list.length ? (
                  <TableWrap label={t("awards.admin.rankingOf", { category: c.name })}>
                    <table>
                      <thead>
                        <tr>
                          <th scope="col">{t("awards.admin.rank")}</th>
                          <th scope="col">{t("awards.admin.nominee")}</th>
                          <th scope="col">{t("awards.admin.total")}</th>
                          {d.criteria.map((cr) => (
                            <th scope="col" key={cr.id}>
                              {cr.name}
                            </th>
                          ))}
                          <th scope="col">{t("awards.admin.reviews")}</th>
                          <th scope="col">{published ? t("awards.admin.winner") : t("awards.admin.chooseWinner")}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {list.map((n, i) => (
                          <tr key={n.nominationId}>
                            <td>{i + 1}</td>
                            <td>
                              <Link to={`/judging/${n.nominationId}`}>{n.nominee}</Link>
                            </td>
                            <td>{n.total === null ? "—" : n.total.toFixed(2)}</td>
                            {d.criteria.map((cr) => (
                              <td key={cr.id}>
                                {n.perCriterion[cr.id] !== undefined ? n.perCriterion[cr.id].toFixed(2) : "—"}
                              </td>
                            ))}
                            <td>{n.reviews}</td>
                            <td>
                              {published ? (
                                n.winner ? (
                                  t("awards.admin.winner")
                                ) : (
                                  ""
                                )
                              ) : (
                                <input
                                  type="checkbox"
                                  name="winner"
                                  value={n.nominationId}
                                  aria-label={t("awards.admin.chooseWinnerOf", { name: n.nominee, category: c.name })}
                                />
                              )}
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </TableWrap>
                ) : (
                  <p className="muted">{t("awards.admin.noNominations")}</p>
                )}
              </div>
            );
          })}
          {!published && d.closed ? (
            <div>
              <button type="submit">{t("awards.admin.publish")}</button>
            </div>
          ) : null}
        </Form>
      </section>
    </div>
  );
}
