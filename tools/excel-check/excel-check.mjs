// Opens the workbooks of the app at JOBBTORG_URL with exceljs, a reader that shares nothing with the app's writer, and
// compares every number with the indicator API's JSON for the same choice: the indicator report's workbook and the
// committee report's (its period and the same period a year earlier).
//
// Waits until the app is ready (/health/ready answers 200; at most JOBBTORG_START_SECONDS, default 120, and not after
// the process JOBBTORG_APP_PID has ended), signs in as JOBBTORG_EMAIL with JOBBTORG_PASSWORD (a user who reads
// reports), then for each report choice below downloads the workbook (/Reports?handler=Excel&…) and reads
// /api/reports/indicators with the same period, as-of date and breakdown. In the sheet "Indikatorer" each row names its
// number's place in an IndicatorSet (last column) and the sheet "Om rapporten" names each column's place in the answer
// (total, groups.<key>). Every cell must hold the API's number exactly, a rate in a percent format, and an empty cell
// where the API has null. Exits 1 on the first difference, naming it.
import ExcelJS from "exceljs";

const url = process.env.JOBBTORG_URL;
const email = process.env.JOBBTORG_EMAIL;
const password = process.env.JOBBTORG_PASSWORD;
const pid = Number(process.env.JOBBTORG_APP_PID ?? 0);
if (!url || !email || !password) {
  console.error("usage: JOBBTORG_URL=… JOBBTORG_EMAIL=… JOBBTORG_PASSWORD=… node excel-check.mjs");
  process.exit(2);
}

function fail(message) {
  console.error(`excel-check: ${message}`);
  process.exit(1);
}

async function waitUntilReady() {
  const running = () => {
    if (!pid) return true;
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  const deadline = Date.now() + Number(process.env.JOBBTORG_START_SECONDS ?? 120) * 1000;
  for (;;) {
    try {
      if ((await fetch(`${url}/health/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    if (!running()) fail("the app stopped before it was ready");
    if (Date.now() > deadline) fail(`${url}/health/ready did not answer 200 in time`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

// The cookies of the session, by name.
const cookies = new Map();
function keepCookies(response) {
  // Node 18 before getSetCookie joins the header lines with commas; a cookie's Expires date has a comma too.
  const lines = response.headers.getSetCookie?.() ?? (response.headers.get("set-cookie") ?? "").split(/,(?=\s*[^;,=\s]+=)/).filter(Boolean);
  for (const line of lines) {
    const [pair] = line.split(";");
    const at = pair.indexOf("=");
    cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
  }
}
const cookieHeader = () => [...cookies].map(([name, value]) => `${name}=${value}`).join("; ");

async function get(path) {
  const response = await fetch(`${url}${path}`, { headers: { Cookie: cookieHeader() }, redirect: "manual" });
  keepCookies(response);
  if (response.status !== 200) fail(`GET ${path} answered ${response.status}`);
  return response;
}

async function signIn() {
  const form = await (await get("/Account/Login")).text();
  const token = form.match(/name="__RequestVerificationToken" type="hidden" value="([^"]+)"/)?.[1];
  if (!token) fail("the sign-in page has no antiforgery token");
  const response = await fetch(`${url}/Account/Login`, {
    method: "POST",
    headers: { Cookie: cookieHeader(), "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ "Input.Email": email, "Input.Password": password, __RequestVerificationToken: token }),
    redirect: "manual",
  });
  keepCookies(response);
  if (response.status !== 302) fail(`signing in as ${email} answered ${response.status}, not a redirect`);
}

// The value at a dotted path of the API's answer ("groups.F" then "jobGuarantee.rate"). Group keys never contain a dot.
function at(object, path) {
  let value = object;
  for (const part of path.split(".")) {
    if (value === null || typeof value !== "object" || !(part in value)) return undefined;
    value = value[part];
  }
  return value;
}

const text = (cell) => (cell.value === null || cell.value === undefined ? "" : String(cell.value));

/** Compares one workbook with the API; returns the number of numbers compared. */
async function compare(choice) {
  const where = `/Reports?${choice.page}`;
  const workbookResponse = await get(`/Reports?handler=Excel&${choice.page}`);
  const type = workbookResponse.headers.get("content-type") ?? "";
  if (!type.startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
    fail(`${where}: the workbook came as ${type}`);
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(Buffer.from(await workbookResponse.arrayBuffer()));
  } catch (error) {
    fail(`${where}: exceljs cannot open the workbook: ${error.message}`);
  }
  const api = await (await get(`/api/reports/indicators?${choice.api}`)).json();

  const indicators = book.getWorksheet("Indikatorer");
  const about = book.getWorksheet("Om rapporten");
  if (!indicators || !about) fail(`${where}: sheets ${book.worksheets.map((s) => s.name).join(", ")}`);

  // The columns' places in the answer, in the order of the indicator sheet's number columns.
  const places = [];
  about.eachRow((row) => {
    const place = text(row.getCell(2)).match(/: (total|groups\.\S+)$/)?.[1];
    if (place) places.push(place);
  });
  const expectedPlaces = ["total", ...Object.keys(api.groups ?? {}).map((key) => `groups.${key}`)];
  if ([...places].sort().join() !== [...expectedPlaces].sort().join())
    fail(`${where}: the columns are ${places.join(", ")}; the API has ${expectedPlaces.join(", ")}`);

  const header = indicators.getRow(1);
  const fieldColumn = 3 + places.length;
  if (header.cellCount !== fieldColumn) fail(`${where}: ${header.cellCount} columns, expected ${fieldColumn}`);
  let compared = 0;
  const fieldsSeen = new Set();
  for (let r = 2; r <= indicators.rowCount; r++) {
    const row = indicators.getRow(r);
    const field = text(row.getCell(fieldColumn));
    fieldsSeen.add(field);
    places.forEach((place, i) => {
      const cell = row.getCell(3 + i);
      const expected = at(at(api, place), field);
      const name = `${where} row ${r} (${field}), ${place}`;
      if (expected === undefined) fail(`${name}: the API has no such number`);
      if (expected === null) {
        if (cell.value !== null && cell.value !== undefined) fail(`${name}: ${cell.value} where the API has null`);
      } else if (typeof cell.value !== "number" || cell.value !== expected) {
        fail(`${name}: ${JSON.stringify(cell.value)} where the API has ${expected}`);
      }
      const isRate = field === "closureRate" || field.endsWith(".rate");
      if (isRate && !(cell.numFmt ?? "").includes("%")) fail(`${name}: a rate in the format ${cell.numFmt ?? "General"}`);
      if (!isRate && (cell.numFmt ?? "").includes("%")) fail(`${name}: a count in the percent format ${cell.numFmt}`);
      compared++;
    });
  }
  // 42 numbers per column: the report's every number, none left out (jobsMediated the last one added).
  if (indicators.rowCount - 1 !== 42) fail(`${where}: ${indicators.rowCount - 1} rows of numbers, expected 42`);
  if (!fieldsSeen.has("jobsMediated")) fail(`${where}: no row for jobsMediated`);
  return compared;
}

/** Compares the committee report's workbook with the API for its period and the year before; returns the numbers compared. */
async function compareCommittee(code, asOf) {
  const where = `/Reports/Committee?period=${code}`;
  const response = await get(`/Reports/Committee?handler=Excel&period=${code}&asOf=${asOf}`);
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(Buffer.from(await response.arrayBuffer()));
  } catch (error) {
    fail(`${where}: exceljs cannot open the workbook: ${error.message}`);
  }
  const [year, tertial] = code.split("T").map(Number);
  const range = (y) => tertial
    ? `from=${y}-${String((tertial - 1) * 4 + 1).padStart(2, "0")}-01&to=${new Date(Date.UTC(y, tertial * 4, 0)).toISOString().slice(0, 10)}`
    : `from=${y}-01-01&to=${y}-12-31`;
  const answers = async (y) => ({
    byGroup: await (await get(`/api/reports/indicators?${range(y)}&asOf=${asOf}&groupBy=reportingGroup`)).json(),
    byGender: await (await get(`/api/reports/indicators?${range(y)}&asOf=${asOf}&groupBy=gender`)).json(),
  });
  const periods = [await answers(year), await answers(year - 1)];

  const sheet = book.getWorksheet("Indikatorer");
  if (!sheet) fail(`${where}: sheets ${book.worksheets.map((s) => s.name).join(", ")}`);
  let compared = 0;
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    // "total.jobGuarantee.rate" or "groups.F.closedToWorkOrStudies.numerator"
    const path = text(row.getCell(6));
    const parts = path.split(".");
    const [place, field] = parts[0] === "total" ? ["total", parts.slice(1).join(".")] : [parts.slice(0, 2).join("."), parts.slice(2).join(".")];
    periods.forEach((answer, i) => {
      const byGender = place.startsWith("groups.") && !(place.slice(7) in (answer.byGroup.groups ?? {}));
      const expected = at(at(byGender ? answer.byGender : answer.byGroup, place), field);
      const cell = row.getCell(4 + i);
      const name = `${where} row ${r} (${path}), ${i === 0 ? "the period" : "a year earlier"}`;
      if (expected === undefined) fail(`${name}: the API has no such number`);
      if (expected === null ? cell.value !== null && cell.value !== undefined : cell.value !== expected)
        fail(`${name}: ${JSON.stringify(cell.value)} where the API has ${expected}`);
      if (field.endsWith(".rate") !== (cell.numFmt ?? "").includes("%")) fail(`${name}: shown as ${cell.numFmt ?? "General"}`);
      compared++;
    });
  }
  if (compared === 0) fail(`${where}: no numbers`);
  return compared;
}

await waitUntilReady();
await signIn();

// Today in Stockholm, given to the page and the API alike so that both see the same day.
const today = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm" }).format(new Date());
const year = Number(today.slice(0, 4));
const tertial = Math.floor((Number(today.slice(5, 7)) - 1) / 4) + 1;
const tertialFrom = `${year}-${String((tertial - 1) * 4 + 1).padStart(2, "0")}-01`;
const tertialTo = new Date(Date.UTC(year, tertial * 4, 0)).toISOString().slice(0, 10);
const choices = [
  { page: `period=year&year=${year}&asOf=${today}`, api: `from=${year}-01-01&to=${year}-12-31&asOf=${today}` },
  { page: `period=year&year=${year - 1}&groupBy=gender&asOf=${today}`, api: `from=${year - 1}-01-01&to=${year - 1}-12-31&groupBy=gender&asOf=${today}` },
  { page: `period=tertial&year=${year}&tertial=${tertial}&groupBy=reportingGroup&asOf=${today}`, api: `from=${tertialFrom}&to=${tertialTo}&groupBy=reportingGroup&asOf=${today}` },
  { page: `period=year&year=${year}&groupBy=jobCentre&asOf=${today}`, api: `from=${year}-01-01&to=${year}-12-31&groupBy=jobCentre&asOf=${today}` },
  { page: `period=year&year=${year}&groupBy=district&asOf=${today}`, api: `from=${year}-01-01&to=${year}-12-31&groupBy=district&asOf=${today}` },
  { page: `period=year&year=${year}&groupBy=targetGroup&asOf=${today}`, api: `from=${year}-01-01&to=${year}-12-31&groupBy=targetGroup&asOf=${today}` },
  { page: `period=year&year=${year - 1}&groupBy=benefit&asOf=${today}`, api: `from=${year - 1}-01-01&to=${year - 1}-12-31&groupBy=benefit&asOf=${today}` },
];

let total = 0;
for (const choice of choices) total += await compare(choice);
const committees = [`${year}T${tertial}`, `${year - 1}`];
for (const code of committees) total += await compareCommittee(code, today);
console.log(`${choices.length + committees.length} workbooks opened with exceljs, ${total} numbers equal to the API`);
