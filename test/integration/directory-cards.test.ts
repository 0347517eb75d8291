// What a directory card and the pager say: whole years, the proficiency of a competency the search
// filters by, and a page past the end said to be so (not page 1 again).
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { drainJobs } from "~/jobs.server";
import "~/jobs/index.server";
import { createProfile } from "../factories/profiles";
import { startApp, type TestApp } from "../setup/app";

let app: TestApp;
beforeAll(async () => {
  await createProfile({
    username: "dc_amara",
    displayName: "Amara Wholeyears",
    jobTitle: "Customer Service Manager",
    country: "NG",
    yearsCustomerFacing: 11.6,
    competencies: { "sla-management": "advanced" },
    visibility: "public",
  });
  await createProfile({
    username: "dc_kofi",
    displayName: "Kofi Wholeyears",
    jobTitle: "Customer Service Manager",
    country: "GH",
    yearsCustomerFacing: 4,
    competencies: { "sla-management": "proficient" },
    visibility: "public",
  });
  await drainJobs();
  app = await startApp({ JOBS: "off" });
});
afterAll(async () => {
  await app?.stop();
});

const page = async (path: string) => (await fetch(`${app.url}${path}`)).text();
const cardOf = (html: string, username: string) =>
  html.slice(html.indexOf(`/u/${username}"`), html.indexOf("</li>", html.indexOf(`/u/${username}"`)));

describe("directory cards", () => {
  test("years are whole: 11 years, not 11.6", async () => {
    const html = await page("/directory?q=Wholeyears");
    expect(cardOf(html, "dc_amara")).toContain("11 years of experience");
    expect(html).not.toContain("11.6");
  });

  test("filtering by a competency shows each card's proficiency in it", async () => {
    const html = await page("/directory?q=Wholeyears&competency=sla-management&proficiency=proficient");
    expect(cardOf(html, "dc_amara")).toMatch(/Service Level Agreement Management: Advanced/);
    expect(cardOf(html, "dc_kofi")).toMatch(/Service Level Agreement Management: Proficient/);
  });

  test("a page past the end says so, and links to the last page", async () => {
    const html = await page("/directory?q=Wholeyears&page=99");
    expect(html).not.toContain("/u/dc_amara");
    expect(html).toContain("There is no page 99");
    expect(html).toContain('href="/directory?q=Wholeyears"');
  });
});
