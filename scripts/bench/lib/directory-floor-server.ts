// The floor under the directory page, for bench:directory: node:http doing only what no page can
// avoid, i.e. the same Meilisearch query through the app's client, then the same bytes as the real
// page (read from FLOOR_BODY_FILE). Whatever the page costs above this is the app's own work.
import fs from "node:fs";
import http from "node:http";
import { parseDirectoryQuery } from "../../../app/models/directory/directory.schema";
import { profilesIndexUid } from "../../../app/models/directory/directory-index.server";
import { directorySearchParams } from "../../../app/models/directory/directory.server";
import { VISITOR } from "../../../app/models/permissions.server";
import { meili } from "../../../app/search.server";

const body = fs.readFileSync(process.env.FLOOR_BODY_FILE!);
const client = meili()!;
const uid = profilesIndexUid();

http
  .createServer((req, res) => {
    const query = parseDirectoryQuery(new URL(req.url ?? "/", "http://localhost").searchParams);
    const params = directorySearchParams(VISITOR, query);
    client
      .index(uid)
      .search(params.q, params)
      .then((r) => {
        if (!r.hits.length) throw new Error("no hits");
        res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Content-Length": body.byteLength });
        res.end(body);
      })
      .catch(() => {
        res.writeHead(500).end();
      });
  })
  .listen(Number(process.env.PORT), "127.0.0.1", () => console.log("listening on"));
