import { EventEmitter } from "node:events";
import { expect, test } from "vitest";
import type { Req, Res } from "../../scripts/server/http-kit";
import { loadShedder } from "../../scripts/server/load-shed";

// a response that records what was written; "finish" frees its slot
function fakeRes() {
  const res = Object.assign(new EventEmitter(), {
    headersSent: false,
    destroyed: false,
    status: 0,
    writeHead(status: number) {
      res.status = status;
      res.headersSent = true;
    },
    end() {
      res.emit("finish");
    },
  });
  return res;
}
const fakeReq = (path: string) => ({ path, method: "GET", headers: {} }) as unknown as Req;

test("a kept page passes a full app at once; the exemption is asked only when the app is full", async () => {
  const asked: string[] = [];
  const shed = loadShedder({
    concurrency: 1,
    maxWaitMs: 30,
    exempt: (req) => {
      asked.push(req.path);
      return req.path === "/kept";
    },
  });
  const ran: string[] = [];
  const first = fakeRes();
  shed(fakeReq("/busy"), first as unknown as Res, () => ran.push("/busy"));
  expect(asked).toEqual([]); // room inside: nothing to ask

  const kept = fakeRes();
  shed(fakeReq("/kept"), kept as unknown as Res, () => ran.push("/kept"));
  expect(ran).toEqual(["/busy", "/kept"]);

  const other = fakeRes();
  shed(fakeReq("/other"), other as unknown as Res, () => ran.push("/other"));
  await new Promise((r) => setTimeout(r, 60));
  expect(other.status).toBe(503);
  expect(ran).not.toContain("/other");
  expect(asked).toEqual(["/kept", "/other"]);
  expect(shed.stats()).toMatchObject({ active: 1, shed: 1 });
});
