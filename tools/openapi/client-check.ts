// A district's system, as a TypeScript client generated from Jobbtorg's OpenAPI document (openapi-typescript) would
// be written: refer a person, read the case by the id the referral answered, read the indicator report. tsc checks
// it against the generated types first, so a document that types an id as "integer or string", leaves a required
// field optional or puts null among an enumeration's names fails before anything runs. Then it runs against the app
// at JOBBTORG_URL with the key JOBBTORG_API_KEY (scopes referrals:write and reports:read, bound to
// enskede-arsta-vantor) and exits non-zero on any unexpected answer.
import { readFileSync } from "node:fs";
import createClient from "openapi-fetch";
import type { components, paths } from "./generated/jobbtorg.js";

type Case = components["schemas"]["CaseDto"];
type CaseStatus = components["schemas"]["CaseStatus"];

function setting(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

function check(condition: boolean, what: string): asserts condition {
  if (!condition) throw new Error(`client check failed: ${what}`);
}

const district = "enskede-arsta-vantor";
const api = createClient<paths>({
  baseUrl: setting("JOBBTORG_URL"),
  headers: { Authorization: `ApiKey ${setting("JOBBTORG_API_KEY")}` },
});

// The Tax Agency's official test personal numbers (yyyyMMddNNNN); any adult is free in the new database.
const today = new Date().toISOString().slice(0, 10);
const ageOf = (n: string) => Number(today.slice(0, 4)) - Number(n.slice(0, 4)) - (today.slice(5) < `${n.slice(4, 6)}-${n.slice(6, 8)}` ? 1 : 0);
const people = JSON.parse(readFileSync(setting("JOBBTORG_TEST_PEOPLE"), "utf8")) as string[];
const adult = people.find((n) => ageOf(n) >= 30 && ageOf(n) <= 55);
check(adult !== undefined, "no adult among the test personal numbers");
const personalNumber = `${adult.slice(0, 8)}-${adult.slice(8)}`;

// Compile-time only: what the API requires cannot be left out, and no enumeration has a null member.
export function incompleteReferral() {
  // @ts-expect-error personalNumber and targetGroup are required
  return api.POST("/api/referrals", { body: { district } });
}
// @ts-expect-error null is not a closure reason: a case without one has closureReason null
export const noReason: components["schemas"]["ClosureReason"] = null;

// 1. Refer a person.
const referred = await api.POST("/api/referrals", {
  body: { personalNumber, district, targetGroup: "UnemployedOnBenefit", receivesBenefit: true, consentGiven: false },
});
check(referred.response.status === 201 && referred.data !== undefined,
  `POST /api/referrals answered ${referred.response.status} ${JSON.stringify(referred.error)}`);
const created: Case = referred.data;
const id: number = created.id; // an integer, as returned, usable as it is
const status: CaseStatus = created.status;
check(status === "Referred", `the new case is ${status}`);
check(created.infoMeeting != null, "the referral's answer carries the case's info meeting");

// 2. Read the case by the id the referral answered.
const read = await api.GET("/api/cases/{id}", { params: { path: { id } } });
check(read.response.status === 200 && read.data !== undefined, `GET /api/cases/${id} answered ${read.response.status}`);
check(read.data.id === id && read.data.caseRef === created.caseRef, "the case read back is the one referred");
check(read.data.district === district, `the case is in ${read.data.district}`);

// 3. A refused referral names the field as the JSON does.
const refused = await api.POST("/api/referrals", { body: { personalNumber: "not a number", district, targetGroup: "Youth" } });
check(refused.response.status === 400, `a bad personal number answered ${refused.response.status}`);
const errors = refused.error && "errors" in refused.error ? refused.error.errors : undefined;
check(errors?.["personalNumber"] !== undefined, `the refusal names ${Object.keys(errors ?? {}).join(", ") || "nothing"}`);

// 4. Read the indicator report for this year so far, per district.
const from = `${today.slice(0, 4)}-01-01`;
const report = await api.GET("/api/reports/indicators", { params: { query: { from, to: today, groupBy: "district" } } });
check(report.response.status === 200 && report.data !== undefined, `GET /api/reports/indicators answered ${report.response.status}`);
const enrolled: number = report.data.total.enrolled;
check(report.data.from === from && report.data.to === today, `the report covers ${report.data.from} to ${report.data.to}`);
check(enrolled === 0, `nobody is enrolled in the new database, the report says ${enrolled}`);

console.log(`client check: referred case ${id} (${created.caseRef}), read it back, was refused by field, read the report from ${from} to ${today}`);
